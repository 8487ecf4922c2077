"""Command `informes evaluar`: extraction against gold annotations (pipelines/evaluacion)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from pipelines.cli.base import _AYUDA_DEBUG, _Comando, _error, _salir, _texto, app, consola, formato_en_pantalla, seguro

if TYPE_CHECKING:
    from pipelines.evaluacion.evaluar import Evaluacion


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def evaluar(
    carpeta: Path = typer.Argument(
        ...,
        help="Carpeta con documentos <id>.pdf / <id>.docx y sus archivos <id>.gold.csv "
        "(o con las subcarpetas informes/ y gold/, como corpus/).",
        show_default=False,
        metavar="CARPETA",
    ),
    detalle: bool = typer.Option(False, "--detalle", help="Lista las filas que no coinciden."),
    formato: str = typer.Option("tabla", "--formato", "-f", help="tabla (en pantalla) o json."),
    como_json: bool = typer.Option(False, "--json", hidden=True, help="Lo mismo que --formato json."),
    vinculos: bool = typer.Option(
        False, "--vinculos", help="Evalúa los vínculos entre informes y años contra CARPETA/vinculos_gold.csv."
    ),
    fuente: str = typer.Option("docx", "--fuente", help="Con --vinculos: docx, pdf o gold (sin extractor)."),
    gold: Optional[Path] = typer.Option(
        None,
        "--gold",
        metavar="ARCHIVO.json",
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
    from pipelines.evaluacion.evaluar import ErrorEvaluacion
    from pipelines.evaluacion.evaluar import evaluar as evaluar_carpeta

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
        for titulo, filas in (
            ("faltan (en gold, no extraídas)", d.faltantes),
            ("sobran (extraídas, no en gold)", d.sobrantes),
        ):
            if filas:
                consola.print(f"{escape(d.documento)}: {titulo}", overflow="ellipsis", no_wrap=True, highlight=False)
                consola.print(_tabla_filas(filas))


def _evaluar_gold(
    carpeta: Path, gold: Path, solo: Optional[list[str]], detalle: bool, como_json: bool, debug: bool
) -> None:
    from pipelines.evaluacion.evaluar import ErrorEvaluacion
    from pipelines.evaluacion.gold import evaluar_gold

    try:
        ev = evaluar_gold(carpeta, gold, solo=solo)
    except (ErrorEvaluacion, OSError) as exc:
        _salir(str(exc), debug)
    if como_json:
        typer.echo(json.dumps(ev.como_dict(), ensure_ascii=False, indent=2, default=str))
        return
    tabla = Table(
        title=f"Evaluación contra {escape(gold.name)} (solo lo anotado)", show_footer=True, box=box.SIMPLE_HEAD
    )
    tabla.add_column("Documento", "Total (micro)", overflow="ellipsis", no_wrap=True, max_width=28)
    for nombre, total in (("VP", ev.tp), ("FP", ev.fp), ("FN", ev.fn), ("Opc.", "")):
        tabla.add_column(nombre, str(total), justify="right", no_wrap=True)
    for nombre, medida in (("P", ev.precision), ("R", ev.recall), ("F1", ev.f1)):
        tabla.add_column(nombre, f"{medida:.3f}", justify="right", no_wrap=True, min_width=5)
    for d in ev.documentos:
        if d.negativo:
            tabla.add_row(_texto(d.documento), "—", str(d.fp), "—", "—", "—", "—", "—")
            continue
        tabla.add_row(
            _texto(d.documento) + (" [red](error)[/]" if d.error else ""),
            str(d.tp),
            str(d.fp),
            str(d.fn),
            str(d.opcionales),
            f"{d.precision:.3f}",
            f"{d.recall:.3f}",
            f"{d.f1:.3f}",
        )
    consola.print(tabla)
    consola.print(
        f"P: precisión, R: exhaustividad, Opc.: cifras que coinciden con algo opcional. "
        f"F1 medio por documento: {ev.f1_medio:.3f}."
    )
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
    for nombre, medida in (("Precisión", ev.precision), ("Exhaustividad", ev.recall), ("F1", ev.f1)):
        tabla.add_column(nombre, f"{medida:.3f}", justify="right")
    for d in ev.documentos:
        tabla.add_row(
            _texto(d.documento) + (" [red](error)[/]" if d.error else ""),
            str(d.tp),
            str(d.fp),
            str(d.fn),
            f"{d.precision:.3f}",
            f"{d.recall:.3f}",
            f"{d.f1:.3f}",
        )
    return tabla


def _periodo_corto(f: dict) -> str:
    """ "2024" for a whole year, "2024–2027" for whole years, else the dates."""
    inicio, fin = str(f.get("periodo_inicio") or ""), str(f.get("periodo_fin") or "")
    if inicio.endswith("-01-01") and fin.endswith("-12-31"):
        return inicio[:4] if inicio[:4] == fin[:4] else f"{inicio[:4]}–{fin[:4]}"
    return f"{inicio}–{fin}" if inicio or fin else ""


def _tabla_filas(filas: list[dict]) -> Table:
    """Missing or extra figures of an evaluation: the indicator takes the
    room left and is cut with an ellipsis; parent and spending type only
    on a wide terminal, so no word is broken at 80 columns."""
    from pipelines.salidas import exportar as exportacion

    tabla = Table(box=box.SIMPLE_HEAD)
    ancho = consola.width >= 140
    fijas = (
        max((len(f.get("medida") or "") for f in filas), default=6)
        + max((len(_periodo_corto(f)) for f in filas), default=7)
        + max((len(exportacion.formatear_numero(f["valor"])) for f in filas), default=5)
        + 10
    )
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
        fila += [
            _texto(f.get("medida") or ""),
            periodo,
            exportacion.formatear_numero(f["valor"]),
            _texto(f.get("unidad") or ""),
        ]
        if ancho:
            fila.append(_texto(f.get("tipo_gasto") or ""))
        tabla.add_row(*fila)
    return tabla
