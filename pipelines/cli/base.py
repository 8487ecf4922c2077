"""The base of the command line `informes`: the Typer app in Spanish (help
screens, usage errors, exit codes), the shared options (--db, --espera-db,
--debug), the store opened for one command (`_base`), output helpers and the
one-liner errors. Each command lives in a module of this package that
registers itself on `app`; pipelines/cli/__init__.py imports them all.

Only light modules are imported here and at the top of the command modules:
heavy ones (the extractor, spaCy, pandas, DuckDB) are imported inside the
commands, so that `informes --help` starts fast."""

from __future__ import annotations

import re
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, NoReturn, Optional

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperCommand, TyperGroup

from pipelines.carga.limites import ESPERA_DB
from pipelines.cli import privadas
from pipelines.salidas import archivos as salidas
from pipelines.salidas import tuberias
from pipelines.salidas.archivos import ErrorSalida

# Spanish texts of the help screens rendered by typer.
privadas.poner_textos_de_ayuda(
    {
        "OPTIONS_PANEL_TITLE": "Opciones",
        "ARGUMENTS_PANEL_TITLE": "Argumentos",
        "COMMANDS_PANEL_TITLE": "Comandos",
        "DEFAULT_STRING": "[por defecto: {}]",
        "ENVVAR_STRING": "[variable de entorno: {}]",
        "REQUIRED_LONG_STRING": "[obligatorio]",
        "ABORTED_TEXT": "Cancelado.",
        "RICH_HELP": "Use [blue]'{command_path} {help_option}'[/] para ver la ayuda.",
    }
)


def _mensaje_click(e: Exception) -> str:
    """Spanish text of a command-line usage error of click (whose own
    messages are English)."""
    ce = privadas.excepciones()

    def nombre(param) -> str:
        if param is None:
            return ""
        try:
            return visible(param.get_error_hint().replace("'", ""))
        except Exception:  # noqa: BLE001 - a hint is only a courtesy
            return visible(getattr(param, "name", "") or "")

    if isinstance(e, ce.NoSuchOption):
        sugerencia = f" ¿Quiso decir {', '.join(sorted(e.possibilities))}?" if e.possibilities else ""
        return f"La opción {visible(e.option_name)} no existe.{sugerencia}"
    if isinstance(e, ce.MissingParameter):
        tipo = "el argumento" if getattr(e.param, "param_type_name", "") == "argument" else "la opción"
        return f"Falta {tipo} {nombre(e.param)}."
    if isinstance(e, ce.BadOptionUsage):
        return f"La opción {visible(e.option_name)} necesita un valor."
    if isinstance(e, ce.BadParameter):
        return f"Valor no válido para {nombre(e.param) or 'un parámetro'}: {_valor_click(e.message)}"
    texto = str(getattr(e, "message", ""))
    if m := re.match(r"Got unexpected extra argument(?:\(s\)|s)? \((.*)\)$", texto):
        return f"Sobran argumentos: {visible(m.group(1))}."
    if m := re.match(r"No such command '(.*)'\.$", texto):
        return f"El comando {visible(m.group(1))} no existe."
    return "Uso incorrecto del comando."


def _valor_click(texto: str) -> str:
    """Spanish reason of a value the option's type rejected."""
    if m := re.search(r"valid (integer|float|number|boolean)", texto):
        tipos = {
            "integer": "un número entero",
            "float": "un número",
            "number": "un número",
            "boolean": "sí o no (true/false)",
        }
        return f"se espera {tipos[m.group(1)]}."
    if m := re.search(r"(.+?) is not one of (.*)\.$", texto):
        return f"{visible(m.group(1))} no es una de las opciones {visible(m.group(2))}."
    for ingles, espanol in (
        ("does not exist", "no existe"),
        ("is not readable", "no se puede leer"),
        ("is a directory", "es una carpeta"),
        ("is a file", "es un archivo"),
        ("is not writable", "no se puede escribir"),
    ):
        if ingles in texto:
            return f"{espanol}."
    return "el valor no es válido."


CODIGO_USO = 64  # exit code of a command-line usage error (EX_USAGE; click's own 2 is validar's)


def _error_de_uso(e: Exception) -> None:
    """typer prints click's usage errors through this function (then exits
    with e.exit_code): Spanish, one line, after the usage line; exit code
    CODIGO_USO for every usage error."""
    ce = privadas.excepciones()
    if isinstance(e, ce.UsageError):
        e.exit_code = CODIGO_USO
    if isinstance(e, ce.NoArgsIsHelpError):
        return
    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        errores.print(escape(ctx.get_usage()), highlight=False, soft_wrap=True)
        errores.print(f"Use '{escape(ctx.command_path)} -h' para ver la ayuda.", highlight=False, soft_wrap=True)
    errores.print(f"[bold red]Error:[/] {escape(_mensaje_click(e))}", highlight=False, soft_wrap=True)


privadas.formatear_errores_con(_error_de_uso)
privadas.coercion_sin_pydantic()  # pydantic (~0,1 s) only for values that need parsing


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(texto) -> str:
    """`texto` with control characters (newlines, terminal escape sequences,
    bidirectional overrides) written as escapes (\\n, \\x1b, \\u202e): a
    file name can neither forge an output line nor drive the terminal."""

    def escapar(m: re.Match) -> str:
        c = m.group()
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (
            f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
        )

    return _CONTROL.sub(escapar, str(texto))


# Python type -> what the help says
_METAVARS: dict[object, str] = {Path: "RUTA", int: "N", float: "NÚMERO", str: "TEXTO"}


def _en_espanol(param) -> None:
    """The help column that typer fills with Python type names (<bool>,
    <path>, <str>) says what to write, in Spanish: nothing for a flag or an
    argument (its name is already there), RUTA, N, NÚMERO or TEXTO."""
    if param.param_type_name == "argument":
        privadas.sin_tipo_en_la_ayuda(param)
    elif param.metavar is None:
        tipo = privadas.tipo_de_parametro(param)
        tipo = (getattr(tipo, "__args__", None) or (tipo,))[0]  # list[Path] -> Path
        param.metavar = "" if getattr(param, "is_flag", False) else _METAVARS.get(tipo, "VALOR")


# Spanish usage line and --help text of every command and of the group: the
# three methods of _Grupo and _Comando below.


def _parametros_en_espanol(params: list) -> list:
    for param in params:
        _en_espanol(param)
    return params


def _uso_en_espanol(comando: TyperCommand | TyperGroup, ctx, formatter) -> None:
    formatter.write_usage(ctx.command_path, " ".join(comando.collect_usage_pieces(ctx)), "Uso: ")


def _ayuda_en_espanol(opcion):
    if opcion is not None:
        opcion.help = "Muestra esta ayuda y termina."
    return opcion


class _Grupo(TyperGroup):
    def get_params(self, ctx):
        return _parametros_en_espanol(super().get_params(ctx))

    def format_usage(self, ctx, formatter) -> None:
        _uso_en_espanol(self, ctx, formatter)

    def get_help_option(self, ctx):
        return _ayuda_en_espanol(super().get_help_option(ctx))

    def invoke(self, ctx):
        """Any command whose reader went away (`informes resumen | head -1`)
        ends quietly with exit code 0, like the tools it is piped into."""
        try:
            return super().invoke(ctx)
        except (BrokenPipeError, tuberias.TuberiaCerrada):
            tuberias.silenciar()
            raise typer.Exit(0)


class _Comando(TyperCommand):
    def get_params(self, ctx):
        return _parametros_en_espanol(super().get_params(ctx))

    def format_usage(self, ctx, formatter) -> None:
        _uso_en_espanol(self, ctx, formatter)

    def get_help_option(self, ctx):
        return _ayuda_en_espanol(super().get_help_option(ctx))


app = typer.Typer(
    cls=_Grupo,
    help="Informes de gestión municipales (PDF, Word, hojas de cálculo, páginas web) a un conjunto de datos de indicadores."
    "\n\nEjemplo: informes cargar informes/ && informes resumen && informes exportar --salida - | head",
    epilog="Códigos de salida: 0 correcto; 1 el comando falló (archivo ilegible, base inexistente, "
    "informes.toml inválido…); 2 validar encontró hallazgos de severidad error; 64 uso incorrecto "
    "(opción o comando que no existe, falta un argumento); 130 interrumpido (Ctrl-C). "
    "Ajustes: informes.toml en la carpeta de trabajo (base de datos y umbrales de las reglas).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    options_metavar="[OPCIONES]",
    subcommand_metavar="COMANDO [ARGS]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _Consola(Console):
    def on_broken_pipe(self) -> NoReturn:
        """rich's own handler exits with 1 when standard output is a closed
        pipe; a reader that went away is not an error: exit code 0."""
        tuberias.silenciar()
        raise typer.Exit(0)


consola = _Consola()
errores = Console(stderr=True)


def version() -> str:
    """Version of the installed package (or of the source tree)."""
    import pipelines.almacen as almacen

    return almacen.version_extractor() or "desconocida"


def _mostrar_version(valor: bool) -> None:
    if valor:
        typer.echo(f"informes {version()}")
        raise typer.Exit(0)


@app.callback()
def _principal(
    _version: bool = typer.Option(
        False, "--version", "-V", callback=_mostrar_version, is_eager=True, help="Muestra la versión y termina."
    ),
) -> None:
    """Options of `informes` itself (--version); the commands do the work.
    A bad informes.toml in the working folder stops every command here."""
    import pipelines.configuracion as configuracion

    try:
        if configuracion.leer().archivo is not None:
            from pipelines import validacion  # the rules' settings are checked only when there are some

            validacion.config_por_defecto()
    except configuracion.ErrorConfiguracion as exc:
        _salir(str(exc))


DB_POR_DEFECTO = Path("indicadores.duckdb")
VARIABLE_DB = "INFORMES_DB"  # environment variable naming the default database
_AYUDA_DB = "Archivo de la base de datos DuckDB."
_AYUDA_DB_ORDEN = " Si no se indica: INFORMES_DB, luego db en informes.toml, luego indicadores.duckdb."


def _db_configurada(ctx: typer.Context, param: typer.CallbackParam, valor: Path) -> Path:
    """--db when given, else INFORMES_DB, else `db` of informes.toml, else
    the default."""
    if privadas.es_valor_por_defecto(ctx, param.name):
        import pipelines.configuracion as configuracion

        try:
            return configuracion.leer().db or valor
        except configuracion.ErrorConfiguracion:
            return valor  # the main callback already said it
    return valor


OPCION_DB = typer.Option(
    DB_POR_DEFECTO,
    "--db",
    envvar=VARIABLE_DB,
    show_envvar=True,
    metavar="ARCHIVO",
    help=_AYUDA_DB + _AYUDA_DB_ORDEN,
    callback=_db_configurada,
)
_AYUDA_DEBUG = "Muestra la traza completa de los errores."
OPCION_ESPERA = typer.Option(
    ESPERA_DB, "--espera-db", metavar="SEGUNDOS", help="Cuánto esperar si otro proceso está usando la base de datos."
)
_ETIQUETAS = {
    "cargado": "[green]cargado[/]",
    "reemplazado": "[cyan]reemplazado[/]",
    "sin_cambios": "[dim]sin cambios[/]",
    "fallido": "[bold red]fallido[/]",
    "omitido": "[yellow]omitido[/]",
}


def _error(mensaje: str, traza: Optional[str] = None, debug: bool = False) -> None:
    errores.print(f"[bold red]Error:[/] {seguro(mensaje)}", soft_wrap=True, highlight=False)
    if debug and traza:
        errores.print(escape(traza), highlight=False)


def salida_exigida(salida: Optional[Path]) -> Path:
    """--salida, which the command needs; exits with a Spanish message when it is missing."""
    if salida is None:
        _salir("Indique el archivo de salida con --salida (o --salida - para la salida estándar).")
    return salida


def formato_de_salida(salida: Optional[Path], formato: Optional[str], validos: Iterable[str], nombres: str) -> str:
    """The output format: --formato, else the --salida extension (csv for
    `--salida -`, standard output); exits with a Spanish message when there
    is no output file or the format is unknown."""
    salida = salida_exigida(salida)
    if tuberias.es_estandar(salida):
        formato = (formato or "csv").lower()
    else:
        formato = (formato or salida.suffix.lstrip(".")).lower()
    if formato not in validos:
        _salir(f"Formato desconocido: {formato or '(ninguno)'}. Use --formato {nombres}.")
    return formato


def formato_en_pantalla(formato: str) -> str:
    """--formato of the commands that print a table or JSON (indicadores, evaluar)."""
    formato = (formato or "tabla").lower()
    if formato not in ("tabla", "json"):
        _salir(f"Formato desconocido: {formato}. Use --formato tabla o json.")
    return formato


@contextmanager
def a_tuberia():
    """Around writing to standard output: a reader that went away
    (`… --salida - | head`) ends the command quietly, with exit code 0."""
    try:
        yield
    except tuberias.TuberiaCerrada:
        raise typer.Exit(0)


def a_estandar(escribir, formato: str, excel: bool = False) -> int:
    """Run `escribir(destino)` so that its output goes to standard output:
    text formats get the open text stream; binary ones (parquet, xlsx) a
    temporary file that is then copied. Returns what `escribir` returns."""
    import tempfile

    if formato in tuberias.FORMATOS_TEXTO:
        with a_tuberia(), tuberias.texto_estandar(excel) as f:
            return escribir(f)
    if sys.stdout.isatty():
        _salir(f"No se escribe un archivo {formato} en la terminal: use --salida ARCHIVO o redirija la salida.")
    with tempfile.TemporaryDirectory(prefix="informes-") as carpeta:
        temporal = Path(carpeta) / f"salida.{formato}"
        n = escribir(temporal)
        with a_tuberia():
            tuberias.copiar_a_estandar(temporal)
    return n


def _salir(mensaje: str, debug: bool = False) -> NoReturn:
    _error(mensaje, traceback.format_exc() if debug else None, debug)
    raise typer.Exit(1)


def _esquema(db: Path, exc: Exception, debug: bool):
    _salir(f"La base de datos {db} no tiene el esquema esperado (error de DuckDB; detalles con --debug).", debug)


@contextmanager
def _base(db: Path, debug: bool, *, escribir: bool = False, salida: Optional[Path] = None, espera: float = ESPERA_DB):
    """The store for one command, closed at the end; its errors end the
    command with a Spanish message (exit code 1). escribir: an existing store
    opened for writing, everything in one transaction (decisions change it).
    salida: the file the command writes (never the database: checked before
    the store is opened; pipelines/salidas/archivos.py), named when it cannot be
    written. While a load holds the database, wait up to `espera` seconds."""
    import duckdb

    from pipelines.almacen import ErrorAlmacen
    from pipelines.carga.cargar import ErrorCarga, abrir_con_espera, razon_os
    from pipelines.identidad import ErrorIdentidad
    from pipelines.salidas.exportar import ErrorExportacion

    try:
        if salida is not None:
            salidas.comprobar(salida, db)
        if escribir and not Path(db).is_file():
            raise ErrorAlmacen(f"No existe la base de datos {db}.")
        with abrir_con_espera(db, espera, solo_lectura=not escribir) as con:
            if not escribir:
                yield con
                return
            con.begin()
            try:
                yield con
                con.commit()
            except BaseException:
                con.rollback()
                raise
    except (ErrorAlmacen, ErrorIdentidad, ErrorExportacion, ErrorCarga, ErrorSalida) as exc:
        _salir(str(exc), debug)
    except OSError as exc:
        if salida is None:
            raise
        _salir(f"No se pudo escribir {salida}: {razon_os(exc)}", debug)
    except duckdb.Error as exc:
        _esquema(db, exc, debug)


def seguro(valor) -> str:
    """Text from data or the user (file names, indicator names) ready for
    rich: markup and control characters escaped."""
    return escape(visible(valor))


def _texto(valor) -> str:
    return "" if valor is None else seguro(valor)


def _cobertura(valor) -> str:
    """The coverage audit's percentage as users read it ("100 %", "98,5 %";
    "—" when the report has no table or was loaded before the audit)."""
    if valor is None:
        return "—"
    texto = f"{valor:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{texto} %"


def _conteo_severidades(filas: list[dict]) -> str:
    conteo: dict[str, int] = {}
    for f in filas:
        conteo[f["severidad"]] = conteo.get(f["severidad"], 0) + 1
    return _texto_severidades(conteo)


def _texto_severidades(conteo: dict[str, int]) -> str:
    """ "1 error, 3 advertencias" from the number of findings by severity."""
    nombres = {"error": ("error", "errores"), "advertencia": ("advertencia", "advertencias"), "info": ("info", "info")}
    partes = []
    for sev, (uno, varios) in nombres.items():
        n = conteo.get(sev, 0)
        if n:
            partes.append(f"{n} {uno if n == 1 else varios}")
    return ", ".join(partes)


_SEVERIDADES = {"error": "[bold red]error[/]", "advertencia": "[yellow]advertencia[/]", "info": "[cyan]info[/]"}
