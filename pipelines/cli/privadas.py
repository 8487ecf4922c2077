"""The only place where the command line touches private parts of typer.

typer runs its own copy of click (`typer._click`, since typer 0.2x; the
click package before) and exports none of click's classes but BadParameter,
so what the command line needs of click goes through here. Each function
below wraps one private API that has no public equivalent, with the reason
it is needed. `faltantes()` lists the ones a typer upgrade removed or
renamed; tests/pipelines/cli/test_privadas_cli.py fails on any, naming it, so an
upgrade breaks a test instead of turning the help screens and usage errors
back to English (issue 18.5).

- click's usage errors (`exceptions`): their messages are English;
  pipelines/cli/base.py writes a Spanish one for each class.
- click's `ParameterSource`: whether --db was written (or set by
  INFORMES_DB) or is its default, which informes.toml may replace.
- `typer.rich_utils`: the texts of the help screens (module constants) and
  `rich_format_error`, the function typer calls to print a usage error.
- typer's shell completion (`typer._completion_classes.completion_init`,
  `typer._completion_shared.get_completion_script`): `informes completar`.
- typer's parameters (`TyperArgument`, `TyperOption`): the Python type of
  an option (`type_descriptor.annotation`) and the method that writes it in
  the help (`display_type_rich`), which the help replaces with RUTA, N...
- typer's coercion of parameter values (`typer.core.build_runtime_param`,
  `typer._coercion.RuntimeParam`, `typer._param_types.coerce_cli_path`):
  values that need no parsing skip pydantic (`coercion_sin_pydantic`).
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import inspect
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Optional

try:  # the click that typer runs: its own copy since typer 0.2x
    from typer import _click as _click_de_typer
except ImportError:  # older typer runs the click package
    import click as _click_de_typer  # type: ignore[no-redef]

# Help texts of typer.rich_utils that the program writes in Spanish
TEXTOS_DE_AYUDA = (
    "OPTIONS_PANEL_TITLE",
    "ARGUMENTS_PANEL_TITLE",
    "COMMANDS_PANEL_TITLE",
    "DEFAULT_STRING",
    "ENVVAR_STRING",
    "REQUIRED_LONG_STRING",
    "ABORTED_TEXT",
    "RICH_HELP",
)
# click's usage errors that base.py tells apart
ERRORES_DE_USO = (
    "UsageError",
    "NoSuchOption",
    "MissingParameter",
    "BadOptionUsage",
    "BadParameter",
    "NoArgsIsHelpError",
)


# --------------------------------------------------------------- usage errors


def excepciones() -> ModuleType:
    """click's `exceptions` module as typer runs it (ERRORES_DE_USO are there)."""
    return _click_de_typer.exceptions


def formatear_errores_con(funcion: Callable[[Exception], None]) -> None:
    """typer prints click's usage errors with `funcion(e)` (then exits with
    e.exit_code) instead of its English panel."""
    _en_rich_utils(lambda modulo: setattr(modulo, "rich_format_error", funcion))


# ----------------------------------------------------------------- help texts


def poner_textos_de_ayuda(textos: dict[str, str]) -> None:
    """Replace the texts of typer's help screens (names of TEXTOS_DE_AYUDA)."""

    def poner(modulo: ModuleType) -> None:
        for nombre, texto in textos.items():
            setattr(modulo, nombre, texto)

    _en_rich_utils(poner)


def _en_rich_utils(cambiar: Callable[[ModuleType], None]) -> None:
    """cambiar(typer.rich_utils) now if it is imported, else as soon as typer
    imports it: typer does so only to print a help screen, a usage error or
    a traceback, and importing it costs about 0,1 s (rich's Markdown, which
    imports markdown-it and Pygments) that a command like `cargar` never needs."""
    modulo = sys.modules.get("typer.rich_utils")
    if modulo is not None:
        cambiar(modulo)
        return
    for buscador in sys.meta_path:
        if isinstance(buscador, _TrasImportar):
            buscador.cambios.append(cambiar)
            return
    sys.meta_path.insert(0, _TrasImportar("typer.rich_utils", [cambiar]))


class _TrasImportar(importlib.abc.MetaPathFinder):
    """Import finder that runs `cambios` on module `nombre` right after it is
    first imported (found by the finders after this one), then steps aside."""

    def __init__(self, nombre: str, cambios: list[Callable[[ModuleType], None]]):
        self.nombre, self.cambios = nombre, cambios

    def find_spec(self, nombre: str, ruta: Any = None, destino: Any = None) -> Any:
        if nombre != self.nombre:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(nombre)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        ejecutar, cambios = spec.loader.exec_module, self.cambios

        def exec_module(modulo: ModuleType) -> None:
            ejecutar(modulo)
            for cambiar in cambios:
                cambiar(modulo)

        setattr(spec.loader, "exec_module", exec_module)
        return spec


def tipo_de_parametro(param: Any) -> Any:
    """The Python type annotation of a typer option or argument (None if unknown)."""
    return getattr(getattr(param, "type_descriptor", None), "annotation", None)


def sin_tipo_en_la_ayuda(param: Any) -> None:
    """The help writes nothing after the parameter's name (typer writes its Python type)."""
    param.display_type_rich = lambda ctx: None


# ----------------------------------------------------------------- parameters


def es_valor_por_defecto(ctx: Any, nombre: Optional[str]) -> bool:
    """The parameter `nombre` took its default value (neither written nor from
    an environment variable)."""
    fuente = _click_de_typer.core.ParameterSource
    return nombre is None or ctx.get_parameter_source(nombre) in (fuente.DEFAULT, None)


# ----------------------------------------------------------------- completion


def activar_completado() -> None:
    """Register typer's completion classes (bash, zsh, fish, powershell)."""
    from typer._completion_classes import completion_init

    completion_init()


def guion_de_completado(programa: str, variable: str, shell: str) -> str:
    """The shell script that completes `programa` when the user presses Tab."""
    from typer._completion_shared import get_completion_script

    return get_completion_script(prog_name=programa, complete_var=variable, shell=shell)


# ------------------------------------------------------------------ coercion


def coercion_sin_pydantic() -> None:
    """typer (since 0.2x) turns each parameter's value into its Python type
    with a pydantic TypeAdapter, and importing pydantic costs about 0,1 s of
    every command (a default value is coerced too). Values whose result is
    known without parsing skip it: a str for a str, a bool, int or float
    already of its type, and a path given as text (a pathlib.Path of it,
    then typer's own checks of the path); lists of those, item by item.
    Anything else (a number written on the command line, a choice, a
    date...) goes to typer's pydantic coercion as before, and so does a text
    pydantic might refuse (a null byte, characters that are not UTF-8)."""
    import typer.core

    if getattr(typer.core.build_runtime_param, "_sin_pydantic", False):
        return
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_path

    original = typer.core.build_runtime_param

    class CoercionLigera(RuntimeParam):
        _descriptor: Any  # typer's TypeDescriptor
        _completa: Any  # typer's own coercion, built when a value needs it

        def __init__(self, descriptor: Any):
            super().__init__(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
            object.__setattr__(self, "_descriptor", descriptor)
            object.__setattr__(self, "_completa", None)

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            lista = getattr(self.annotation, "__origin__", None) is list
            tipo = self.annotation.__args__[0] if lista else self.annotation
            valores = value if lista and isinstance(value, (list, tuple)) else [value]
            if not lista or isinstance(value, (list, tuple)):
                salida = []
                for v in valores:
                    ligero = _ligero(tipo, self.parameter_info, v, param, ctx, coerce_cli_path)
                    if ligero is _NO:
                        break
                    salida.append(ligero)
                else:
                    return salida if lista else salida[0]
            completa = self._completa
            if completa is None:
                completa = original(self._descriptor)
                object.__setattr__(self, "_completa", completa)
            return completa._coerce_value(value, param=param, ctx=ctx)

    def build_runtime_param(descriptor: Any) -> Any:
        if _sencillo(descriptor):
            return CoercionLigera(descriptor)
        return original(descriptor)

    setattr(build_runtime_param, "_sin_pydantic", True)
    setattr(typer.core, "build_runtime_param", build_runtime_param)


_NO = object()  # the light coercion does not know this value's result


def _sencillo(descriptor: Any) -> bool:
    """A parameter of the plain types the light coercion knows (str, bool,
    int, float, pathlib.Path, or a list of one), with no parser, bounds,
    choices or file to open."""
    info = descriptor.parameter_info
    if descriptor.file_annotation is not None or getattr(info, "parser", None) is not None or descriptor.is_choice:
        return False
    if getattr(info, "min", None) is not None or getattr(info, "max", None) is not None:
        return False
    if getattr(info, "click_type", None) is not None or getattr(info, "path_type", None) is not None:
        return False
    anotacion = descriptor.annotation
    if getattr(anotacion, "__origin__", None) is list:
        argumentos: tuple[Any, ...] = getattr(anotacion, "__args__", ())
        if len(argumentos) != 1:
            return False
        anotacion = argumentos[0]
    return anotacion in (str, bool, int, float, Path)


def _ligero(tipo: Any, info: Any, valor: Any, param: Any, ctx: Any, coerce_cli_path: Callable[..., Any]) -> Any:
    """The coerced value, or _NO."""
    if tipo is Path:
        if isinstance(valor, Path):
            return coerce_cli_path(valor, info, path_type=Path, param=param, ctx=ctx)
        if type(valor) is str and _texto_valido(valor):
            return coerce_cli_path(Path(valor), info, path_type=Path, param=param, ctx=ctx)
        return _NO
    if type(valor) is not tipo:  # exactly its type (a bool is an int for isinstance)
        return _NO
    if tipo is str and not _texto_valido(valor):
        return _NO
    return valor


def _texto_valido(texto: str) -> bool:
    """Text pydantic takes as it is: UTF-8, no null byte."""
    if "\x00" in texto:
        return False
    if texto.isascii():
        return True
    try:
        texto.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# ---------------------------------------------------------------------- guard


def faltantes() -> list[str]:
    """The private APIs above that the installed typer no longer has."""
    import typer.core
    import typer.rich_utils

    faltan = []
    modulo = getattr(_click_de_typer, "exceptions", None)
    base = getattr(modulo, "ClickException", None)
    for clase in ERRORES_DE_USO:
        tipo = getattr(modulo, clase, None)
        if not (isinstance(tipo, type) and isinstance(base, type) and issubclass(tipo, base)):
            faltan.append(f"click de typer: exceptions.{clase}")
    fuente = getattr(getattr(_click_de_typer, "core", None), "ParameterSource", None)
    if fuente is None or not hasattr(fuente, "DEFAULT"):
        faltan.append("click de typer: core.ParameterSource.DEFAULT")
    for nombre in TEXTOS_DE_AYUDA:
        if not isinstance(getattr(typer.rich_utils, nombre, None), str):
            faltan.append(f"typer.rich_utils.{nombre}")
    formato = getattr(typer.rich_utils, "rich_format_error", None)
    if not callable(formato) or len(inspect.signature(formato).parameters) != 1:
        faltan.append("typer.rich_utils.rich_format_error(e)")
    elif "rich_format_error" not in inspect.getsource(typer.core):
        faltan.append("typer.core ya no imprime los errores de uso con rich_utils.rich_format_error")
    for parametro in (typer.core.TyperArgument, typer.core.TyperOption):
        if not callable(getattr(parametro, "display_type_rich", None)):
            faltan.append(f"typer.core.{parametro.__name__}.display_type_rich")
        if "type_descriptor" not in inspect.signature(parametro).parameters:
            faltan.append(f"typer.core.{parametro.__name__}(type_descriptor=...)")
    faltan += _faltantes_coercion()
    try:
        from typer._completion_classes import completion_init  # noqa: F401
        from typer._completion_shared import get_completion_script
    except ImportError as exc:
        faltan.append(f"completado de typer: {exc}")
    else:
        parametros = inspect.signature(get_completion_script).parameters
        if not {"prog_name", "complete_var", "shell"} <= set(parametros):
            faltan.append("typer._completion_shared.get_completion_script(prog_name, complete_var, shell)")
    return faltan


def _faltantes_coercion() -> list[str]:
    import typer.core

    faltan = []
    if not callable(getattr(typer.core, "build_runtime_param", None)):
        faltan.append("typer.core.build_runtime_param")
    try:
        from typer._coercion import RuntimeParam, TypeDescriptor
        from typer._param_types import coerce_cli_path
    except ImportError as exc:
        return faltan + [f"coerción de typer: {exc}"]
    if not hasattr(RuntimeParam, "_coerce_value") or not hasattr(RuntimeParam, "coerce"):
        faltan.append("typer._coercion.RuntimeParam._coerce_value")
    campos = set(getattr(TypeDescriptor, "__dataclass_fields__", {}))
    if not {"annotation", "parameter_info", "file_annotation"} <= campos:
        faltan.append("typer._coercion.TypeDescriptor(annotation, parameter_info, file_annotation)")
    if not {"parameter_info", "path_type", "param", "ctx"} <= set(inspect.signature(coerce_cli_path).parameters):
        faltan.append("typer._param_types.coerce_cli_path(value, parameter_info, path_type, param, ctx)")
    if "build_runtime_param(self.type_descriptor)" not in inspect.getsource(typer.core._TyperParameter):
        faltan.append("typer.core._TyperParameter ya no construye su coerción con build_runtime_param")
    return faltan
