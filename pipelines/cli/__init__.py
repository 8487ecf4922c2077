"""Command line `informes`: cargar, exportar, resumen, validar, evaluar (and, in
pipelines/cli/identidad.py, indicadores, vincular, separar, decisiones, comparar).

Users read Spanish: help, messages and table headers. Expected errors are
one-liners on stderr with exit code 1; --debug adds the traceback.
"""
from __future__ import annotations

import json
import re
import signal
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Optional

import duckdb
import typer
import typer.rich_utils as _rich
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperCommand, TyperGroup

import esquemas
from pipelines import almacen
from pipelines.salidas import exportar as exportacion, archivos as salidas, tuberias
from pipelines.almacen import ErrorAlmacen
from pipelines.carga.cargar import ESPERA_DB, ErrorCarga, Limites, ResultadoCarga, abrir_con_espera, cargar_rutas, razon_os, recorrer
from pipelines.evaluacion.evaluar import ErrorEvaluacion, Evaluacion, evaluar as evaluar_carpeta
from pipelines.salidas.exportar import ErrorExportacion
from pipelines.identidad import ErrorIdentidad
from pipelines.carga.progreso import Avance
from pipelines.salidas.archivos import ErrorSalida

# Spanish texts of the help screens rendered by typer.
_rich.OPTIONS_PANEL_TITLE = "Opciones"
_rich.ARGUMENTS_PANEL_TITLE = "Argumentos"
_rich.COMMANDS_PANEL_TITLE = "Comandos"
_rich.DEFAULT_STRING = "[por defecto: {}]"
_rich.ENVVAR_STRING = "[variable de entorno: {}]"
_rich.REQUIRED_LONG_STRING = "[obligatorio]"
_rich.ABORTED_TEXT = "Cancelado."
_rich.RICH_HELP = "Use [blue]'{command_path} {help_option}'[/] para ver la ayuda."


def _mensaje_click(e) -> str:
    """Spanish text of a command-line usage error of click (whose own
    messages are English)."""
    from typer._click import exceptions as ce

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
        tipos = {"integer": "un número entero", "float": "un número", "number": "un número",
                 "boolean": "sí o no (true/false)"}
        return f"se espera {tipos[m.group(1)]}."
    if m := re.search(r"(.+?) is not one of (.*)\.$", texto):
        return f"{visible(m.group(1))} no es una de las opciones {visible(m.group(2))}."
    for ingles, espanol in (("does not exist", "no existe"), ("is not readable", "no se puede leer"),
                            ("is a directory", "es una carpeta"), ("is a file", "es un archivo"),
                            ("is not writable", "no se puede escribir")):
        if ingles in texto:
            return f"{espanol}."
    return "el valor no es válido."


CODIGO_USO = 64  # exit code of a command-line usage error (EX_USAGE; click's own 2 is validar's)


def _error_de_uso(e: ClickException) -> None:
    """typer prints click's usage errors through this function (then exits
    with e.exit_code): Spanish, one line, after the usage line; exit code
    CODIGO_USO for every usage error."""
    from typer._click.exceptions import NoArgsIsHelpError, UsageError

    if isinstance(e, UsageError):
        e.exit_code = CODIGO_USO
    if isinstance(e, NoArgsIsHelpError):
        return
    ctx = getattr(e, "ctx", None)
    if ctx is not None:
        errores.print(escape(ctx.get_usage()), highlight=False, soft_wrap=True)
        errores.print(f"Use '{escape(ctx.command_path)} -h' para ver la ayuda.", highlight=False, soft_wrap=True)
    errores.print(f"[bold red]Error:[/] {escape(_mensaje_click(e))}", highlight=False, soft_wrap=True)


_rich.rich_format_error = _error_de_uso  # type: ignore[assignment]  # typer's hook calls its argument `self`


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(texto) -> str:
    """`texto` with control characters (newlines, terminal escape sequences,
    bidirectional overrides) written as escapes (\\n, \\x1b, \\u202e): a
    file name can neither forge an output line nor drive the terminal."""
    def escapar(m: re.Match) -> str:
        c = m.group()
        return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(c) or (
            f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
    return _CONTROL.sub(escapar, str(texto))


_METAVARS: dict[Any, str] = {Path: "RUTA", int: "N", float: "NÚMERO", str: "TEXTO"}  # Python type -> what the help says


def _en_espanol(param) -> None:
    """The help column that typer fills with Python type names (<bool>,
    <path>, <str>) says what to write, in Spanish: nothing for a flag or an
    argument (its name is already there), RUTA, N, NÚMERO or TEXTO."""
    if param.param_type_name == "argument":
        param.display_type_rich = lambda ctx: None
    elif param.metavar is None:
        tipo = getattr(getattr(param, "type_descriptor", None), "annotation", None)
        tipo = (getattr(tipo, "__args__", None) or (tipo,))[0]  # list[Path] -> Path
        param.metavar = "" if getattr(param, "is_flag", False) else _METAVARS.get(tipo, "VALOR")


if TYPE_CHECKING:  # a mixin of typer's group and command: their methods for the type checker
    from typer._click.exceptions import ClickException

    _Mezcla = TyperCommand
else:
    _Mezcla = object


class _EnEspanol(_Mezcla):
    """Spanish usage line and --help text."""

    def get_params(self, ctx):
        params = super().get_params(ctx)
        for param in params:
            _en_espanol(param)
        return params

    def format_usage(self, ctx, formatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), "Uso: ")

    def get_help_option(self, ctx):
        opcion = super().get_help_option(ctx)
        if opcion is not None:
            opcion.help = "Muestra esta ayuda y termina."
        return opcion


class _Grupo(_EnEspanol, TyperGroup):
    def invoke(self, ctx):
        """Any command whose reader went away (`informes resumen | head -1`)
        ends quietly with exit code 0, like the tools it is piped into."""
        try:
            return super().invoke(ctx)
        except (BrokenPipeError, tuberias.TuberiaCerrada):
            tuberias.silenciar()
            raise typer.Exit(0)


class _Comando(_EnEspanol, TyperCommand):
    pass


app = typer.Typer(
    cls=_Grupo,
    help="Informes de gestión municipales (PDF, Word, hojas de cálculo) a un conjunto de datos de indicadores."
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
    return almacen.version_extractor() or "desconocida"


def _mostrar_version(valor: bool) -> None:
    if valor:
        typer.echo(f"informes {version()}")
        raise typer.Exit(0)


@app.callback()
def _principal(
    _version: bool = typer.Option(False, "--version", "-V", callback=_mostrar_version, is_eager=True,
                                  help="Muestra la versión y termina."),
) -> None:
    """Options of `informes` itself (--version); the commands do the work.
    A bad informes.toml in the working folder stops every command here."""
    from pipelines import configuracion, validacion

    try:
        if configuracion.leer().archivo is not None:
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
    from typer._click.core import ParameterSource

    if ctx.get_parameter_source(param.name) in (ParameterSource.DEFAULT, None):
        from pipelines import configuracion

        try:
            return configuracion.leer().db or valor
        except configuracion.ErrorConfiguracion:
            return valor  # the main callback already said it
    return valor


OPCION_DB = typer.Option(DB_POR_DEFECTO, "--db", envvar=VARIABLE_DB, show_envvar=True, metavar="ARCHIVO",
                         help=_AYUDA_DB + _AYUDA_DB_ORDEN,
                         callback=_db_configurada)
_AYUDA_DEBUG = "Muestra la traza completa de los errores."
OPCION_ESPERA = typer.Option(ESPERA_DB, "--espera-db", metavar="SEGUNDOS",
                             help="Cuánto esperar si otro proceso está usando la base de datos.")
_ETIQUETAS = {"cargado": "[green]cargado[/]", "reemplazado": "[cyan]reemplazado[/]",
              "sin_cambios": "[dim]sin cambios[/]", "fallido": "[bold red]fallido[/]",
              "omitido": "[yellow]omitido[/]"}


def _error(mensaje: str, traza: Optional[str] = None, debug: bool = False) -> None:
    errores.print(f"[bold red]Error:[/] {seguro(mensaje)}", soft_wrap=True, highlight=False)
    if debug and traza:
        errores.print(escape(traza), highlight=False)


def formato_de_salida(salida: Optional[Path], formato: Optional[str], validos, nombres: str) -> str:
    """The output format: --formato, else the --salida extension (csv for
    `--salida -`, standard output); exits with a Spanish message when there
    is no output file or the format is unknown."""
    if salida is None:
        _salir("Indique el archivo de salida con --salida (o --salida - para la salida estándar).")
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


def _esquema(db: Path, exc: duckdb.Error, debug: bool):
    _salir(f"La base de datos {db} no tiene el esquema esperado (error de DuckDB; detalles con --debug).", debug)


@contextmanager
def _base(db: Path, debug: bool, *, escribir: bool = False, salida: Optional[Path] = None,
          espera: float = ESPERA_DB):
    """The store for one command, closed at the end; its errors end the
    command with a Spanish message (exit code 1). escribir: an existing store
    opened for writing, everything in one transaction (decisions change it).
    salida: the file the command writes (never the database: checked before
    the store is opened; pipelines/salidas/archivos.py), named when it cannot be
    written. While a load holds the database, wait up to `espera` seconds."""
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


# -------------------------------------------------------------------- cargar


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def cargar(
    rutas: Optional[list[Path]] = typer.Argument(
        None, help="Archivos .pdf, .docx, .xlsx, .xlsm, .xls u .ods, o carpetas (se recorren con sus subcarpetas).",
        show_default=False, metavar="RUTAS", readable=False,  # an unreadable file fails alone, in Spanish
    ),
    db: Path = typer.Option(DB_POR_DEFECTO, "--db", envvar=VARIABLE_DB, show_envvar=True, callback=_db_configurada,
                            metavar="ARCHIVO",
                            help=_AYUDA_DB + " Se crea si no existe." + _AYUDA_DB_ORDEN),
    forzar: bool = typer.Option(
        False, "--forzar", help="Vuelve a extraer y reemplaza los informes aunque no hayan cambiado."
    ),
    trabajadores: int = typer.Option(
        1, "--trabajadores", "-t", help="Procesos que extraen en paralelo (la escritura es una sola)."
    ),
    limite_tiempo: float = typer.Option(
        Limites.tiempo, "--limite-tiempo", metavar="SEGUNDOS",
        help="Tiempo máximo para leer cada archivo; si lo supera, el archivo falla y la carga sigue.",
    ),
    limite_memoria: int = typer.Option(
        Limites.memoria_mb, "--limite-memoria", metavar="MB",
        help="Memoria máxima (espacio de direcciones) del proceso que lee cada archivo.",
    ),
    limite_paginas: int = typer.Option(
        Limites.paginas, "--limite-paginas", metavar="N", help="Número máximo de páginas de un PDF."
    ),
    espera_db: float = typer.Option(
        ESPERA_DB, "--espera-db", metavar="SEGUNDOS",
        help="Cuánto esperar si otro proceso está usando la base de datos.",
    ),
    incluir_ocultas: bool = typer.Option(
        False, "--incluir-ocultas",
        help="Lee también las hojas, filas y columnas ocultas de las hojas de cálculo "
             "(con --forzar si el archivo ya se cargó).",
    ),
    dask: Optional[str] = typer.Option(
        None, "--dask", metavar="tcp://HOST:8786", show_default=False,
        help="Extrae en un clúster de Dask (dirección del planificador); la escritura sigue siendo local.",
    ),
    rutas_compartidas: bool = typer.Option(
        False, "--rutas-compartidas",
        help="Con --dask: los trabajadores leen los archivos en la misma ruta (almacenamiento compartido) "
             "en lugar de recibir su contenido.",
    ),
    detalle: bool = typer.Option(
        False, "--detalle", help="Muestra la tabla de todos los archivos y la lista completa de omitidos."
    ),
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Extrae los informes y los guarda en la base de datos (uno por transacción).

    Las carpetas se recorren con sus subcarpetas; los archivos de otros tipos se
    omiten (se informan al final), y también los que necesitan LibreOffice o
    Tesseract si no están instalados (se dice qué instalar; la próxima carga los
    lee). Interrumpida (Ctrl-C o kill), la carga se
    continúa volviendo a ejecutar el mismo comando: los informes ya guardados no
    se vuelven a leer.

    Ejemplo: informes cargar informes/ --db indicadores.duckdb --trabajadores 2
    """
    if not rutas:
        _salir("Indique al menos un archivo o carpeta para cargar.")
    if trabajadores < 1:
        _salir("--trabajadores debe ser 1 o más.")
    if limite_tiempo <= 0 or limite_memoria <= 0 or limite_paginas < 1 or espera_db < 0:
        _salir("--limite-tiempo, --limite-memoria y --limite-paginas deben ser mayores que 0, "
               "y --espera-db no puede ser negativo.")
    limites = Limites(tiempo=limite_tiempo, memoria_mb=limite_memoria, paginas=limite_paginas,
                      ocultas=incluir_ocultas)
    archivos, omitidos = recorrer(rutas)
    hechos: list[ResultadoCarga] = []
    try:
        with Avance(consola, len(archivos)) as avance:

            def al_terminar(r: ResultadoCarga) -> None:
                hechos.append(r)
                avance.terminado(r)

            resultados = cargar_rutas(
                archivos, db, forzar=forzar, trabajadores=trabajadores, limites=limites,
                espera_db=espera_db, al_terminar=al_terminar, al_planificar=avance.planificar,
                cluster=dask, enviar_archivos=not rutas_compartidas,
            ) if archivos else []
    except KeyboardInterrupt:
        _interrumpida(hechos)
    except (ErrorAlmacen, ErrorCarga) as exc:
        _salir(str(exc), debug)
    except OSError as exc:
        _salir(f"{exc.filename or db}: {razon_os(exc)}", debug)
    except Exception as exc:  # noqa: BLE001 - a one-liner unless --debug
        _salir(f"error inesperado ({type(exc).__name__}: {exc})", debug)
    if not resultados:
        _resumen_omitidos(omitidos, detalle)
        _salir("No se encontraron archivos .pdf, .docx ni hojas de cálculo en las rutas indicadas.")
    if detalle or len(resultados) <= FILAS_TABLA_CARGA:
        consola.print(_tabla_carga(resultados, consola.width))
    _resumen_carga(resultados, omitidos, detalle)
    _resumen_correcciones(resultados)
    _aviso_hallazgos(db, resultados)
    for r in resultados:
        for aviso in r.avisos:
            errores.print(f"[yellow]Aviso:[/] {seguro(aviso)}", soft_wrap=True, highlight=False)
    fallidos = [r for r in resultados if r.fallido]
    for r in fallidos:
        _error(r.motivo or r.archivo, r.traza, debug)
    if fallidos:
        raise typer.Exit(1)


FILAS_TABLA_CARGA = 200  # more files than this: totals only (the whole table with --detalle)
OMITIDOS_LISTADOS = 20  # skipped files listed by name (all of them with --detalle)


def _interrumpida(hechos: list[ResultadoCarga]) -> NoReturn:
    """Ctrl-C: the workers are already ended and the report being written
    rolled back (pipelines.carga.cargar); say how to go on, exit 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not cut this message
    n = sum(r.resultado in ("cargado", "reemplazado") for r in hechos)
    cargados = "1 archivo cargado" if n == 1 else f"{n} archivos cargados"
    errores.print(f"Carga interrumpida: {cargados}; vuelva a ejecutar el mismo comando para continuar.",
                  soft_wrap=True, highlight=False)
    raise typer.Exit(130)


def _resumen_carga(resultados: list[ResultadoCarga], omitidos: list[Path], detalle: bool) -> None:
    """One line: cargados / reemplazados / sin cambios / fallidos / omitidos
    (other file types and files that need a missing program), then the
    skipped files."""
    conteo = {k: sum(r.resultado == k for r in resultados) for k in _ETIQUETAS}
    n_omitidos = len(omitidos) + conteo["omitido"]
    partes = [f"{conteo['cargado']} {'cargado' if conteo['cargado'] == 1 else 'cargados'}"]
    if conteo["reemplazado"]:
        partes.append(f"{conteo['reemplazado']} {'reemplazado' if conteo['reemplazado'] == 1 else 'reemplazados'}")
    partes.append(f"{conteo['sin_cambios']} sin cambios")
    partes.append(f"{conteo['fallido']} {'fallido' if conteo['fallido'] == 1 else 'fallidos'}")
    partes.append(f"{n_omitidos} {'omitido' if n_omitidos == 1 else 'omitidos'}")
    consola.print("Resumen: " + ", ".join(partes) + ".", highlight=False)
    _resumen_omitidos(omitidos, detalle)
    _resumen_sin_programa([r for r in resultados if r.omitido], detalle)


def _resumen_correcciones(resultados: list[ResultadoCarga]) -> None:
    """One line per report read with a reading template or with stored corrections (informes corregir)."""
    for r in resultados:
        if r.plantillas:
            tablas = ", ".join(f"tabla {t} con la plantilla {p}" for t, p in sorted(r.plantillas.items()))
            consola.print(f"Plantilla de lectura aplicada: {seguro(r.archivo)}: {tablas} "
                          "(corrección guardada con informes corregir).", highlight=False, soft_wrap=True)
        if r.correcciones:
            consola.print(f"Correcciones aplicadas: {seguro(r.archivo)}: {r.correcciones} cifra(s) con el nombre "
                          "corregido o rechazadas.", highlight=False, soft_wrap=True)


def _resumen_sin_programa(omitidos: list[ResultadoCarga], detalle: bool) -> None:
    """Per missing program, one line with what to install, then the files."""
    por_programa: dict[tuple, list[ResultadoCarga]] = {}
    for r in omitidos:
        por_programa.setdefault((r.programa, r.instalar), []).append(r)
    for (programa, instalar), grupo in por_programa.items():
        n = len(grupo)
        cuantos = "1 omitido: necesita" if n == 1 else f"{n} omitidos: necesitan"
        consola.print(f"{cuantos} {escape(programa or '')}, que no está instalado. Para "
                      f"{'leerlo' if n == 1 else 'leerlos'}: {escape(instalar or '')} y vuelva a cargar.",
                      highlight=False, soft_wrap=True)
        mostrar = grupo if detalle else grupo[:OMITIDOS_LISTADOS]
        for r in mostrar:
            consola.print(f"  {escape(str(r.ruta))}", highlight=False, soft_wrap=True)
        if len(mostrar) < n:
            consola.print(f"  … y {n - len(mostrar)} más (todos con --detalle)", highlight=False)


def _resumen_omitidos(omitidos: list[Path], detalle: bool) -> None:
    if not omitidos:
        return
    por_tipo: dict[str, int] = {}
    for p in omitidos:
        tipo = p.suffix.lower() or "(sin extensión)"
        por_tipo[tipo] = por_tipo.get(tipo, 0) + 1
    tipos = ", ".join(f"{t} ({n})" for t, n in sorted(por_tipo.items(), key=lambda kv: (-kv[1], kv[0])))
    consola.print(f"Omitidos (no son informes que se puedan cargar): {seguro(tipos)}", highlight=False)
    mostrar = omitidos if detalle else omitidos[:OMITIDOS_LISTADOS]
    for p in mostrar:
        consola.print(f"  {seguro(p)}", highlight=False, soft_wrap=True)
    if len(mostrar) < len(omitidos):
        consola.print(f"  … y {len(omitidos) - len(mostrar)} más (todos con --detalle)", highlight=False)


_NOMBRES_RESULTADO = {"cargado": "cargado", "reemplazado": "reemplazado", "sin_cambios": "sin cambios",
                      "fallido": "fallido", "omitido": "omitido"}


def _tabla_carga(resultados: list[ResultadoCarga], ancho: int) -> Table:
    """One line per file at any screen width `ancho`: the file name, year,
    observations and result always; then, while they fit, the entity (cut
    with "…" when long), the unmapped rows and the office. The Resumen line
    below has the counts by result."""
    leidos = [not (r.fallido or r.omitido) for r in resultados]
    celdas = {
        "archivo": [r.archivo for r in resultados],
        "entidad": [r.entidad or "" for r in resultados],
        "dependencia": [r.dependencia or "" for r in resultados],
        "vigencia": ["" if r.vigencia is None else str(r.vigencia) for r in resultados],
        "observaciones": [str(r.observaciones) if l else "" for r, l in zip(resultados, leidos)],
        "no_mapeadas": [str(r.no_mapeadas) if l else "" for r, l in zip(resultados, leidos)],
        "cobertura": [_cobertura(r.cobertura) if l else "" for r, l in zip(resultados, leidos)],
        "resultado": [_NOMBRES_RESULTADO[r.resultado] for r in resultados],
    }
    pies = {"archivo": "Total", "observaciones": str(sum(r.observaciones for r in resultados)),
            "no_mapeadas": str(sum(r.no_mapeadas for r in resultados))}
    largos = {"archivo": "Archivo", "entidad": "Entidad", "dependencia": "Dependencia", "vigencia": "Año",
              "observaciones": "Observaciones", "no_mapeadas": "Filas no mapeadas", "cobertura": "Cobertura",
              "resultado": "Resultado"}
    cortos = {**largos, "observaciones": "Obs.", "no_mapeadas": "Sin mapear"}

    def medida(clave: str, titulos: dict) -> int:
        return max([len(titulos[clave]), len(pies.get(clave, ""))] + [len(c) for c in celdas[clave]])

    def columnas(titulos: dict) -> dict[str, int]:
        """Width of each column shown. A box.SIMPLE_HEAD table is its
        columns plus 3 spaces per column and 1."""
        anchos = {c: medida(c, titulos) for c in ("vigencia", "observaciones", "resultado")}
        libre = ancho - 1 - sum(a + 3 for a in anchos.values()) - 3
        anchos["archivo"] = min(medida("archivo", titulos), max(10, libre))  # cut only on a very narrow screen
        libre -= anchos["archivo"]
        for clave, minimo in (("entidad", 14), ("no_mapeadas", None), ("cobertura", None), ("dependencia", 14)):
            necesario = medida(clave, titulos)  # text columns may be cut down to `minimo`; numbers never
            cabe = min(necesario, libre - 3)
            if any(celdas[clave]) and cabe >= min(necesario, minimo or necesario):
                anchos[clave] = cabe
                libre -= cabe + 3
        return anchos

    titulos = largos
    anchos = columnas(largos)
    if any(anchos.get(c) != medida(c, largos) for c in celdas if any(celdas[c])):
        titulos, anchos = cortos, columnas(cortos)  # something is cut or left out: short headers
    tabla = Table(title="Carga de informes", show_footer=True, box=box.SIMPLE_HEAD)
    orden = [c for c in titulos if c in anchos]
    for c in orden:
        derecha = c in ("vigencia", "observaciones", "no_mapeadas", "cobertura")
        tabla.add_column(titulos[c], pies.get(c, ""), width=anchos[c], no_wrap=True, overflow="ellipsis",
                         justify="right" if derecha else "left")
    for i, r in enumerate(resultados):
        tabla.add_row(*[_ETIQUETAS[r.resultado] if c == "resultado" else _texto(celdas[c][i]) for c in orden])
    return tabla


def _cobertura(valor) -> str:
    """The coverage audit's percentage as users read it ("100 %", "98,5 %";
    "—" when the report has no table or was loaded before the audit)."""
    if valor is None:
        return "—"
    texto = f"{valor:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    return f"{texto} %"


def _aviso_hallazgos(db: Path, resultados: list[ResultadoCarga]) -> None:
    """One line with the validator's findings on the reports just loaded."""
    ids = {r.informe_id for r in resultados if r.informe_id and not r.fallido}
    if not ids:
        return
    try:
        con = almacen.abrir(db, solo_lectura=True)
        try:
            filas = [h for h in almacen.hallazgos(con) if h["informe_id"] in ids]
        finally:
            con.close()
    except (ErrorAlmacen, duckdb.Error):
        return  # the load itself went fine; `informes validar` will say more
    if filas:
        consola.print(f"Hallazgos del validador: {_conteo_severidades(filas)}. "
                      f"Véalos con: informes validar --db {seguro(db)}", soft_wrap=True)


def _conteo_severidades(filas: list[dict]) -> str:
    nombres = {"error": ("error", "errores"), "advertencia": ("advertencia", "advertencias"),
               "info": ("info", "info")}
    partes = []
    for sev, (uno, varios) in nombres.items():
        n = sum(f["severidad"] == sev for f in filas)
        if n:
            partes.append(f"{n} {uno if n == 1 else varios}")
    return ", ".join(partes)


# ------------------------------------------------------------------ exportar


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def exportar(
    salida: Optional[Path] = typer.Option(
        None, "--salida", "-o", show_default=False,
        help="Archivo que se escribe (se reemplaza si existe); - para la salida estándar.",
    ),
    formato: Optional[str] = typer.Option(
        None, "--formato", "-f", show_default=False,
        help="csv, json, jsonl, parquet o xlsx. Si se omite, se toma de la extensión de --salida "
             "(csv con --salida -).",
    ),
    tabla: str = typer.Option(
        "observaciones", "--tabla", help="observaciones, informes, filas_no_mapeadas, hallazgos o cifras_sin_destino."
    ),
    sin_marcadas: bool = typer.Option(
        False, "--sin-marcadas",
        help="Deja fuera las observaciones marcadas (con un hallazgo de severidad error).",
    ),
    excel: bool = typer.Option(
        False, "--excel",
        help="CSV para Excel en Colombia: separador ;, coma decimal y marca BOM.",
    ),
    db: Path = OPCION_DB,
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Exporta una tabla de la base de datos a CSV, JSON, JSON Lines, Parquet o Excel.

    Ejemplos: informes exportar --salida observaciones.csv · informes exportar --salida - --formato jsonl | head
    """
    formato = formato_de_salida(salida, formato, exportacion.FORMATOS, "csv, json, jsonl, parquet o xlsx")
    if tabla not in exportacion.TABLAS:
        _salir(f"Tabla desconocida: {tabla}. Use observaciones, informes, filas_no_mapeadas, hallazgos "
               "o cifras_sin_destino.")
    if sin_marcadas and tabla != "observaciones":
        _salir("--sin-marcadas solo se aplica a la tabla observaciones.")
    if excel and formato != "csv":
        _salir("--excel solo se aplica al formato csv.")
    if tuberias.es_estandar(salida):
        with _base(db, debug, espera=espera_db) as con:
            def escribir(destino):
                if isinstance(destino, Path):
                    return exportacion.exportar(con, tabla, formato, destino, sin_marcadas=sin_marcadas)
                return exportacion.exportar_a(con, tabla, formato, destino, sin_marcadas=sin_marcadas, excel=excel)

            a_estandar(escribir, formato, excel)
        return
    assert salida is not None  # no --salida: standard output
    with _base(db, debug, salida=salida, espera=espera_db) as con, salidas.escribir(salida, db) as temporal:
        n = exportacion.exportar(con, tabla, formato, temporal, sin_marcadas=sin_marcadas, excel=excel)
    consola.print(f"Se exportaron {n} filas de {tabla} a {seguro(salida)}."
                  + (" Sin las observaciones marcadas." if sin_marcadas else ""))


# ------------------------------------------------------------------- resumen


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def resumen(
    db: Path = OPCION_DB,
    detalle: bool = typer.Option(False, "--detalle",
                                 help="Sin recortar: cada informe con todas sus columnas (en varias líneas si no caben)."),
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Muestra los informes cargados: una línea por informe con sus cifras, hallazgos y filas no mapeadas.

    Ejemplo: informes resumen --db indicadores.duckdb --detalle
    """
    with _base(db, debug, espera=espera_db) as con:
        filas = almacen.resumen(con)
        por_severidad = _hallazgos_por_informe(con)
    if not filas:
        consola.print("La base de datos no tiene informes.")
        return
    orden = [f["medida"] for f in esquemas.filas_vocabulario("medida")]
    for f in filas:
        medidas = sorted(f["por_medida"].items(), key=lambda kv: orden.index(kv[0]) if kv[0] in orden else 99)
        f["medidas"] = ", ".join(f"{m}: {n}" for m, n in medidas)
        f["errores"] = por_severidad.get((f["informe_id"], "error"), 0)
        f["advertencias"] = por_severidad.get((f["informe_id"], "advertencia"), 0)
        f["cobertura_texto"] = _cobertura(f.get("cobertura"))
    if detalle:
        consola.print(_tabla_resumen_detalle(filas, db))
    else:
        from pipelines.salidas.pantalla import tabla_una_linea

        columnas = [("archivo", "Archivo", "izq"), ("vigencia", "Año", "der"), ("observaciones", "Cifras", "der"),
                    ("errores", "Err.", "der"), ("advertencias", "Adv.", "der"),
                    ("no_mapeadas", "Sin mapear", "der"), ("cobertura_texto", "Cobertura", "der"),
                    ("entidad", "Entidad", "izq"),
                    ("dependencia", "Dependencia", "izq"), ("medidas", "Cifras por medida", "izq")]
        consola.print(tabla_una_linea(f"Informes en {seguro(db)}", columnas, filas, consola.width, _texto,
                                      {"archivo": 16, "cobertura_texto": 7, "entidad": 12, "dependencia": 12, "medidas": 20}))
    total = sum(f["observaciones"] for f in filas)
    consola.print(f"{len(filas)} informe{'s' if len(filas) != 1 else ''}, {total} cifras. "
                  + ("" if detalle else "Todo sin recortar: --detalle"), highlight=False)


def _hallazgos_por_informe(con) -> dict[tuple[str, str], int]:
    """(informe_id, severidad) -> number of findings (nothing if the store
    predates the validator)."""
    try:
        return {(iid, sev): n for iid, sev, n in con.execute(
            "SELECT informe_id, severidad, count(*) FROM hallazgos GROUP BY ALL").fetchall()}
    except duckdb.Error:
        return {}


def _tabla_resumen_detalle(filas: list[dict], db: Path) -> Table:
    tabla = Table(title=f"Informes en {seguro(db)}", box=box.SIMPLE_HEAD)
    for nombre in ("Archivo", "Entidad", "Dependencia"):
        tabla.add_column(nombre, overflow="fold")
    tabla.add_column("Vigencia", justify="right")
    tabla.add_column("Observaciones por medida", overflow="fold")
    tabla.add_column("Total", justify="right")
    tabla.add_column("Errores", justify="right")
    tabla.add_column("Advertencias", justify="right")
    tabla.add_column("Filas no mapeadas", justify="right")
    tabla.add_column("Cobertura", justify="right")
    for f in filas:
        tabla.add_row(
            _texto(f["archivo"]), _texto(f["entidad"]), _texto(f["dependencia"]), _texto(f["vigencia"]),
            _texto(f["medidas"]), str(f["observaciones"]), str(f["errores"]), str(f["advertencias"]),
            str(f["no_mapeadas"]), _cobertura(f.get("cobertura")),
        )
    return tabla


# ------------------------------------------------------------------- validar

_SEVERIDADES = {"error": "[bold red]error[/]", "advertencia": "[yellow]advertencia[/]", "info": "[cyan]info[/]"}


CODIGO_CON_ERRORES = 2  # exit code of `validar` when error-level findings exist


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def validar(
    db: Path = OPCION_DB,
    formato: Optional[str] = typer.Option(
        None, "--formato", "-f", show_default=False,
        help="tabla (en pantalla: resumen por regla y severidad), csv, json o jsonl (un hallazgo por fila). "
             "Por defecto, tabla; con --salida, según su extensión (csv si no la tiene).",
    ),
    salida: Optional[Path] = typer.Option(
        None, "--salida", "-o", show_default=False,
        help="Archivo que se escribe (se reemplaza si existe); - para la salida estándar.",
    ),
    detalle: bool = typer.Option(
        False, "--detalle", help="En pantalla, además del resumen, cada hallazgo agrupado por informe.",
    ),
    archivo: Optional[list[str]] = typer.Option(
        None, "--archivo", "-a", show_default=False, metavar="NOMBRE",
        help="Solo los informes cuyo nombre de archivo contiene NOMBRE; se puede repetir.",
    ),
    regla: Optional[list[str]] = typer.Option(
        None, "--regla", "-r", show_default=False, metavar="REGLA",
        help="Solo esta regla (identificador de esquemas/reglas.yaml); se puede repetir.",
    ),
    severidad: Optional[str] = typer.Option(
        None, "--severidad", "-s", show_default=False,
        help="Solo los hallazgos de esta severidad o más graves: error, advertencia o info.",
    ),
    entidad: Optional[str] = typer.Option(
        None, "--entidad", "-e", show_default=False,
        help="Solo los informes de esta entidad (clave o palabras de su nombre, p. ej. Barrancabermeja).",
    ),
    excel: bool = typer.Option(False, "--excel", help="CSV para Excel en Colombia: separador ;, coma decimal y BOM."),
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Revisa los hallazgos del validador (reglas de esquemas/reglas.yaml): resumen por regla y severidad.

    Termina con código 2 si hay hallazgos de severidad error (después de los filtros), 0 si no los hay y 1
    si no pudo revisar: un trabajo programado puede detenerse con él.

    Ejemplos: informes validar · informes validar --detalle --archivo girardot · informes validar --severidad error
    --formato jsonl --salida -
    """
    from pipelines.validacion import hallazgos as filtro_hallazgos

    if formato is None:
        formato = "tabla" if salida is None else (
            "csv" if tuberias.es_estandar(salida) or not salida.suffix else salida.suffix.lstrip("."))
    formato = formato.lower()
    if formato not in ("tabla",) + tuberias.FORMATOS_TEXTO:
        _salir(f"Formato desconocido: {formato}. Use --formato tabla, csv, json o jsonl.")
    if salida is not None and formato == "tabla":
        _salir("--salida se usa con --formato csv, json o jsonl.")
    if excel and formato != "csv":
        _salir("--excel solo se aplica al formato csv.")
    orden = list(_SEVERIDADES)
    if severidad is not None and severidad.lower() not in orden:
        _salir(f"Severidad desconocida: {severidad}. Use error, advertencia o info.")
    desconocidas = filtro_hallazgos.reglas_desconocidas(regla or [])
    if desconocidas:
        _salir(f"Regla desconocida: {', '.join(desconocidas)}. Las reglas son: "
               f"{', '.join(filtro_hallazgos.reglas_conocidas())}.")
    severidades = orden[: orden.index(severidad.lower()) + 1] if severidad else None
    estandar = tuberias.es_estandar(salida)
    with _base(db, debug, salida=None if estandar else salida, espera=espera_db) as con:
        filas = filtro_hallazgos.filtrar(con, almacen.hallazgos(con, severidades), archivos=archivo,
                                         reglas=regla, entidad=entidad)
    codigo = CODIGO_CON_ERRORES if any(f["severidad"] == "error" for f in filas) else 0
    if formato != "tabla":
        columnas = list(esquemas.tabla("hallazgos").exportacion)
        lotes = [[tuple(h.get(c) for c in columnas) for h in filas]]

        def escribir(f) -> int:
            return tuberias.escribir_filas(f, formato, columnas, lotes, excel=excel)

        if salida is None or estandar:
            a_estandar(escribir, formato, excel)
            raise typer.Exit(codigo)
        try:
            with (salidas.escribir(salida, db) as temporal,
                  temporal.open("w", encoding=tuberias.codificacion(excel), newline="") as f):
                escribir(f)
        except ErrorSalida as exc:
            _salir(str(exc), debug)
        except OSError as exc:
            _salir(f"No se pudo escribir {salida}: {razon_os(exc)}", debug)
        consola.print(f"Se escribieron {len(filas)} hallazgos en {seguro(salida)}.")
        raise typer.Exit(codigo)
    if not filas:
        filtrado = severidad or archivo or regla or entidad
        consola.print("No hay hallazgos" + (" con esos filtros." if filtrado else "."))
        return
    consola.print(_tabla_resumen_hallazgos(filas))
    informes = len({f["informe_id"] for f in filas})
    consola.print(f"Total: {_conteo_severidades(filas)} en {informes} informe{'s' if informes > 1 else ''}.",
                  soft_wrap=True)
    if not detalle:
        consola.print("Cada hallazgo, por informe: informes validar --detalle")
    if detalle:
        por_informe: dict[str, list[dict]] = {}
        for fila in filas:
            por_informe.setdefault(fila["informe_id"], []).append(fila)
        for grupo in por_informe.values():
            consola.print(_tabla_hallazgos(grupo))
    raise typer.Exit(codigo)


def _tabla_resumen_hallazgos(filas: list[dict]) -> Table:
    """Findings by severity and rule: how many and in how many reports."""
    grupos: dict[tuple[str, str], list[dict]] = {}
    for f in filas:
        grupos.setdefault((f["severidad"], f["regla"]), []).append(f)
    orden = list(_SEVERIDADES)
    tabla = Table(title="Hallazgos por regla", title_justify="left", box=box.SIMPLE_HEAD)
    tabla.add_column("Severidad", no_wrap=True)
    tabla.add_column("Regla", overflow="fold")
    tabla.add_column("Hallazgos", justify="right", no_wrap=True)
    tabla.add_column("Informes", justify="right", no_wrap=True)
    for (sev, regla), grupo in sorted(grupos.items(), key=lambda kv: (
            orden.index(kv[0][0]) if kv[0][0] in orden else 9, -len(kv[1]), kv[0][1])):
        tabla.add_row(_SEVERIDADES.get(sev, _texto(sev)), _texto(regla), str(len(grupo)),
                      str(len({f["informe_id"] for f in grupo})))
    return tabla


def _tabla_hallazgos(filas: list[dict]) -> Table:
    primera = filas[0]
    detalle = " · ".join(_texto(x) for x in (primera["entidad"], primera["dependencia"]) if x)
    titulo = f"{_texto(primera['archivo'])}" + (f" ({detalle})" if detalle else "")
    tabla = Table(title=titulo, title_justify="left", caption=_conteo_severidades(filas),
                  caption_justify="left", box=box.SIMPLE_HEAD)
    tabla.add_column("Severidad", no_wrap=True)
    tabla.add_column("Regla", overflow="fold", ratio=1)
    tabla.add_column("Pág.", justify="right", no_wrap=True)
    tabla.add_column("Mensaje (indicador, medida, periodo y cifras)", overflow="fold", ratio=3)
    for f in filas:
        tabla.add_row(
            _SEVERIDADES.get(f["severidad"], _texto(f["severidad"])), _texto(f["regla"]),
            _texto(f["pagina"]), _texto(f["mensaje"]),
        )
    return tabla


# ------------------------------------------------------------------- evaluar


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def evaluar(
    carpeta: Path = typer.Argument(
        ..., help="Carpeta con documentos <id>.pdf / <id>.docx y sus archivos <id>.gold.csv "
                  "(o con las subcarpetas informes/ y gold/, como corpus/).",
        show_default=False, metavar="CARPETA",
    ),
    detalle: bool = typer.Option(False, "--detalle", help="Lista las filas que no coinciden."),
    formato: str = typer.Option("tabla", "--formato", "-f", help="tabla (en pantalla) o json."),
    como_json: bool = typer.Option(False, "--json", hidden=True, help="Lo mismo que --formato json."),
    vinculos: bool = typer.Option(
        False, "--vinculos", help="Evalúa los vínculos entre informes y años contra CARPETA/vinculos_gold.csv."
    ),
    fuente: str = typer.Option("docx", "--fuente", help="Con --vinculos: docx, pdf o gold (sin extractor)."),
    gold: Optional[Path] = typer.Option(
        None, "--gold", metavar="ARCHIVO.json",
        help="Gold de documentos reales en JSON (formato de corpus-real/gold/README.md): solo se juzgan "
             "las páginas, hojas y filas anotadas.",
    ),
    solo: Optional[list[str]] = typer.Option(
        None, "--solo", metavar="TEXTO", help="Con --gold: solo los documentos cuyo nombre contiene TEXTO."
    ),
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Compara el extractor con los archivos gold: precisión, exhaustividad y F1.

    Ejemplo: informes evaluar ../shared/corpus-real/ --gold ../shared/corpus-real/gold/gold.json
    """
    como_json = como_json or formato_en_pantalla(formato) == "json"
    if gold is not None:
        return _evaluar_gold(carpeta, gold, solo, detalle, como_json, debug)
    if vinculos:
        from pipelines.cli.identidad import evaluar_vinculos_cli

        return evaluar_vinculos_cli(carpeta, fuente, detalle, como_json, debug)
    try:
        ev = evaluar_carpeta(carpeta)
    except (ErrorEvaluacion, OSError) as exc:
        _salir(str(exc), debug)
    if como_json:
        typer.echo(json.dumps(ev.como_dict(), ensure_ascii=False, indent=2))
        return
    if not ev.documentos:
        consola.print(f"No hay documentos con archivo .gold.csv en {seguro(carpeta)}.")
        return
    consola.print(_tabla_evaluacion(ev))
    for d in ev.documentos:
        if d.error:
            _error(d.error, d.traza, debug)
    if detalle:
        _detalle_evaluacion(ev.documentos)


def _detalle_evaluacion(documentos) -> None:
    for d in documentos:
        for titulo, filas in (("faltan (en gold, no extraídas)", d.faltantes),
                              ("sobran (extraídas, no en gold)", d.sobrantes)):
            if filas:
                consola.print(f"{escape(d.documento)}: {titulo}", overflow="ellipsis", no_wrap=True, highlight=False)
                consola.print(_tabla_filas(filas))


def _evaluar_gold(carpeta: Path, gold: Path, solo: Optional[list[str]], detalle: bool, como_json: bool,
                  debug: bool) -> None:
    from pipelines.evaluacion.gold import evaluar_gold

    try:
        ev = evaluar_gold(carpeta, gold, solo=solo)
    except (ErrorEvaluacion, OSError) as exc:
        _salir(str(exc), debug)
    if como_json:
        typer.echo(json.dumps(ev.como_dict(), ensure_ascii=False, indent=2, default=str))
        return
    tabla = Table(title=f"Evaluación contra {escape(gold.name)} (solo lo anotado)", show_footer=True,
                  box=box.SIMPLE_HEAD)
    tabla.add_column("Documento", "Total (micro)", overflow="ellipsis", no_wrap=True, max_width=28)
    for nombre, total in (("VP", ev.tp), ("FP", ev.fp), ("FN", ev.fn), ("Opc.", "")):
        tabla.add_column(nombre, str(total), justify="right", no_wrap=True)
    for nombre, metrica in (("P", ev.precision), ("R", ev.recall), ("F1", ev.f1)):
        tabla.add_column(nombre, f"{metrica:.3f}", justify="right", no_wrap=True, min_width=5)
    for d in ev.documentos:
        if d.negativo:
            tabla.add_row(_texto(d.documento), "—", str(d.fp), "—", "—", "—", "—", "—")
            continue
        tabla.add_row(_texto(d.documento) + (" [red](error)[/]" if d.error else ""), str(d.tp), str(d.fp),
                      str(d.fn), str(d.opcionales), f"{d.precision:.3f}", f"{d.recall:.3f}", f"{d.f1:.3f}")
    consola.print(tabla)
    consola.print(f"P: precisión, R: exhaustividad, Opc.: cifras que coinciden con algo opcional. "
                  f"F1 medio por documento: {ev.f1_medio:.3f}.")
    for d in ev.documentos:
        if d.negativo:
            estado = "correcto" if not d.fp else "deberían ser 0"
            consola.print(f"Caso negativo {_texto(d.documento)}: {d.fp} cifras en las páginas anotadas ({estado}).")
    for d in ev.documentos:
        if d.error:
            _error(d.error, d.traza, debug)
    if detalle:
        _detalle_evaluacion(ev.documentos)


def _tabla_evaluacion(ev: Evaluacion) -> Table:
    tabla = Table(title="Evaluación contra gold", show_footer=True, box=box.SIMPLE_HEAD)
    tabla.add_column("Documento", "Total (micro)", overflow="fold")
    for nombre, total in (("VP", ev.tp), ("FP", ev.fp), ("FN", ev.fn)):
        tabla.add_column(nombre, str(total), justify="right")
    for nombre, metrica in (("Precisión", ev.precision), ("Exhaustividad", ev.recall), ("F1", ev.f1)):
        tabla.add_column(nombre, f"{metrica:.3f}", justify="right")
    for d in ev.documentos:
        tabla.add_row(
            _texto(d.documento) + (" [red](error)[/]" if d.error else ""), str(d.tp), str(d.fp),
            str(d.fn), f"{d.precision:.3f}", f"{d.recall:.3f}", f"{d.f1:.3f}",
        )
    return tabla


def _periodo_corto(f: dict) -> str:
    """"2024" for a whole year, "2024–2027" for whole years, else the dates."""
    inicio, fin = str(f.get("periodo_inicio") or ""), str(f.get("periodo_fin") or "")
    if inicio.endswith("-01-01") and fin.endswith("-12-31"):
        return inicio[:4] if inicio[:4] == fin[:4] else f"{inicio[:4]}–{fin[:4]}"
    return f"{inicio}–{fin}" if inicio or fin else ""


def _tabla_filas(filas: list[dict]) -> Table:
    """Missing or extra figures of an evaluation: the indicator takes the
    room left and is cut with an ellipsis; parent and spending type only
    on a wide terminal, so no word is broken at 80 columns."""
    tabla = Table(box=box.SIMPLE_HEAD)
    ancho = consola.width >= 140
    fijas = (max((len(f.get("medida") or "") for f in filas), default=6)
             + max((len(_periodo_corto(f)) for f in filas), default=7)
             + max((len(exportacion.formatear_numero(f["valor"])) for f in filas), default=5) + 10)
    resto = consola.width - fijas - 16 - (44 if ancho else 0)
    tabla.add_column("indicador", overflow="ellipsis", no_wrap=True, max_width=max(16, resto))
    if ancho:
        tabla.add_column("indicador_padre", overflow="ellipsis", no_wrap=True, max_width=30)
    tabla.add_column("medida", no_wrap=True, min_width=max([6] + [len(f.get("medida") or "") for f in filas]))
    tabla.add_column("periodo", no_wrap=True, min_width=max([7] + [len(_periodo_corto(f)) for f in filas]))
    tabla.add_column("valor", justify="right", no_wrap=True)
    tabla.add_column("unidad", no_wrap=True, min_width=max([6] + [len(f.get("unidad") or "") for f in filas]))
    if ancho:
        tabla.add_column("tipo_gasto", no_wrap=True, overflow="ellipsis", max_width=14)
    for f in filas:
        periodo = _periodo_corto(f)
        fila = [_texto(f.get("indicador") or "")]
        if ancho:
            fila.append(_texto(f.get("indicador_padre") or ""))
        fila += [_texto(f.get("medida") or ""), periodo, exportacion.formatear_numero(f["valor"]),
                 _texto(f.get("unidad") or "")]
        if ancho:
            fila.append(_texto(f.get("tipo_gasto") or ""))
        tabla.add_row(*fila)
    return tabla


# Commands defined in the other modules of this package register themselves on `app`.
from pipelines.cli import identidad as cli_identidad  # noqa: E402,F401  (indicadores, vincular, separar, decisiones, comparar)
from pipelines.cli import ver as cli_ver  # noqa: E402,F401  (ver: the reader's debugger)
from pipelines.cli import consultar as cli_consultar  # noqa: E402,F401  (consultar: read-only SQL)
from pipelines.cli import corregir as cli_corregir  # noqa: E402,F401  (corregir y revisar)
from pipelines.cli import completar as cli_completar  # noqa: E402,F401  (completar: shell completion)
