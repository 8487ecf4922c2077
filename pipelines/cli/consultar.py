"""Command `informes consultar "SQL"` (registered on the app of
pipelines/cli/base.py; pipelines/cli/__init__.py imports this module): a read-only query on the store, printed as
a table, CSV, JSON or JSON Lines (pipelines/almacen/consulta.py)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.table import Table

from pipelines.cli.base import (
    _AYUDA_DEBUG,
    OPCION_DB,
    OPCION_ESPERA,
    _base,
    _Comando,
    _salir,
    a_estandar,
    app,
    consola,
    seguro,
)
from pipelines.salidas import archivos as salidas
from pipelines.salidas import tuberias

_FORMATOS = ("tabla",) + tuberias.FORMATOS_TEXTO


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def consultar(
    sql: str = typer.Argument(
        ...,
        metavar="SQL",
        show_default=False,
        help="Consulta SQL de DuckDB (SELECT, WITH…) sobre las tablas y vistas del almacén.",
    ),
    formato: Optional[str] = typer.Option(
        None,
        "--formato",
        "-f",
        show_default=False,
        help="tabla (en pantalla), csv, json o jsonl. Por defecto, tabla; con --salida, según su extensión.",
    ),
    salida: Optional[Path] = typer.Option(
        None,
        "--salida",
        "-o",
        show_default=False,
        help="Archivo que se escribe (se reemplaza si existe); - para la salida estándar.",
    ),
    excel: bool = typer.Option(False, "--excel", help="CSV para Excel en Colombia: separador ;, coma decimal y BOM."),
    db: Path = OPCION_DB,
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Consulta la base de datos con SQL, solo para leer (no la modifica ni toca otros archivos).

    Además de las tablas (esquemas/esquema.md) hay vistas para las preguntas comunes: observaciones_largas
    (entidad × indicador × medida × año, como TerriData), resumen_informes y hallazgos_por_regla.

    Ejemplo: informes consultar "SELECT anio, medida, valor FROM observaciones_largas WHERE entidad_clave =
    'alcaldia-girardot'" --formato csv
    """
    from pipelines.almacen import consulta

    if formato is None:
        formato = (
            "tabla"
            if salida is None
            else ("csv" if tuberias.es_estandar(salida) or not salida.suffix else salida.suffix.lstrip("."))
        )
    formato = formato.lower()
    if formato not in _FORMATOS:
        _salir(f"Formato desconocido: {formato}. Use --formato tabla, csv, json o jsonl.")
    if salida is not None and formato == "tabla":
        _salir("--salida se usa con --formato csv, json o jsonl.")
    if excel and formato != "csv":
        _salir("--excel solo se aplica al formato csv.")
    estandar = tuberias.es_estandar(salida)
    with _base(db, debug, salida=None if estandar else salida, espera=espera_db) as con:
        try:
            consulta.preparar(con)
            cursor = consulta.ejecutar(con, sql)
        except consulta.ErrorConsulta as exc:
            _salir(str(exc), debug)
        columnas = [c[0] for c in cursor.description]

        def lotes():
            while lote := cursor.fetchmany(10_000):
                yield lote

        def escribir(f) -> int:
            return tuberias.escribir_filas(f, formato, columnas, lotes(), excel=excel)

        if formato == "tabla":
            filas = cursor.fetchall()
        elif salida is None or estandar:
            a_estandar(escribir, formato, excel)
            return
        else:
            with (
                salidas.escribir(salida, db) as temporal,
                temporal.open("w", encoding=tuberias.codificacion(excel), newline="") as f,
            ):
                n = escribir(f)
            consola.print(f"Se escribieron {n} filas en {seguro(salida)}.")
            return
    consola.print(_tabla(columnas, filas))
    consola.print(f"{len(filas)} fila{'' if len(filas) == 1 else 's'}.")


def _celda(v) -> str:
    from pipelines.salidas.exportar import formatear_numero

    if v is None:
        return ""
    if isinstance(v, bool):
        return "verdadero" if v else "falso"
    if isinstance(v, float):
        return formatear_numero(v)
    if isinstance(v, datetime):
        return v.isoformat(sep=" ", timespec="seconds")
    if isinstance(v, date):
        return v.isoformat()
    return seguro(v)


def _tabla(columnas: list[str], filas: list[tuple]) -> Table:
    tabla = Table(box=box.SIMPLE_HEAD)
    numericas = [
        bool(filas)
        and all(isinstance(f[k], (int, float)) and not isinstance(f[k], bool) for f in filas if f[k] is not None)
        and any(f[k] is not None for f in filas)
        for k in range(len(columnas))
    ]
    for nombre, numerica in zip(columnas, numericas):
        tabla.add_column(seguro(nombre), justify="right" if numerica else "left", overflow="fold")
    for f in filas:
        tabla.add_row(*[_celda(v) for v in f])
    return tabla
