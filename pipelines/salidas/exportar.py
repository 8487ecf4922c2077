"""Export store tables to CSV, JSON, JSON Lines, Parquet or XLSX.

CSV, JSON, JSON Lines and XLSX carry the columns listed under `exportacion`
in esquemas/tablas.yaml, in that order (every column when absent); Parquet
carries those same columns first and then the table's other columns, each
with its type. Text cells that a spreadsheet would run as a formula are
neutralized with a leading apostrophe (CSV and XLSX). Text formats can go to
an open file (standard output: `exportar_a`).
"""

from __future__ import annotations

import math
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any, Iterator

import duckdb

import esquemas
from esquemas import Tabla
from pipelines.texto import formatear_numero, neutralizar, texto_celda  # noqa: F401  (public here too)

FORMATOS = ("csv", "json", "jsonl", "parquet", "xlsx")
FORMATOS_TEXTO = ("csv", "json", "jsonl")
TABLAS = ("observaciones", "informes", "filas_no_mapeadas", "hallazgos", "cifras_sin_destino")
_MAX_FILAS_XLSX = 1_048_575  # Excel's row limit, less the header
_LOTE = 10_000


class ErrorExportacion(Exception):
    """Error shown to users (Spanish message)."""


def consulta(tabla: Tabla, columnas: list[str], sin_marcadas: bool = False) -> str:
    """SELECT of `columnas` of `tabla` in export order; columns the table lacks
    come from `informes`, joined by informe_id. sin_marcadas leaves out the
    observations with an error finding (observaciones.marcada)."""
    propias = set(tabla.nombres)
    del_informe = set(esquemas.tabla("informes").nombres)
    for c in list(columnas) + list(tabla.orden):
        if c not in propias and c not in del_informe:
            raise ErrorExportacion(f"La columna {c} no existe en {tabla.nombre} ni en informes.")

    def ref(c: str) -> str:
        return f't."{c}"' if c in propias else f'i."{c}"'

    seleccion = ", ".join(f'{ref(c)} AS "{c}"' for c in columnas)
    sql = f'SELECT {seleccion} FROM "{tabla.nombre}" t'
    if any(c not in propias for c in list(columnas) + list(tabla.orden)):
        sql += " LEFT JOIN informes i ON i.informe_id = t.informe_id"
    if sin_marcadas:
        sql += " WHERE NOT coalesce(t.marcada, false)"
    if tabla.orden:
        sql += " ORDER BY " + ", ".join(ref(c) for c in tabla.orden)
    return sql


def _lotes(cursor: duckdb.DuckDBPyConnection) -> Iterator[list[tuple]]:
    while lote := cursor.fetchmany(_LOTE):
        yield lote


def columnas_exportacion(tabla: Tabla, todas: bool = False) -> list[str]:
    """Export columns of `tabla` (esquemas/tablas.yaml, `exportacion`, or
    every column); todas: followed by the table's remaining columns (Parquet)."""
    columnas = list(tabla.exportacion or tabla.nombres)
    if todas:
        columnas += [c for c in tabla.nombres if c not in columnas]
    return columnas


def _comprobar(tabla: str, formato: str, sin_marcadas: bool) -> Tabla:
    if tabla not in TABLAS:
        raise ErrorExportacion(f"Tabla desconocida: {tabla}. Use una de: {', '.join(TABLAS)}.")
    if formato not in FORMATOS:
        raise ErrorExportacion(f"Formato desconocido: {formato}. Use uno de: {', '.join(FORMATOS)}.")
    t = esquemas.tabla(tabla)
    if sin_marcadas and "marcada" not in t.nombres:
        raise ErrorExportacion(f"--sin-marcadas solo se aplica a observaciones, no a {tabla}.")
    return t


def exportar(
    con: duckdb.DuckDBPyConnection,
    tabla: str,
    formato: str,
    salida: Path,
    sin_marcadas: bool = False,
    excel: bool = False,
) -> int:
    """Write `tabla` to `salida` as csv, json, jsonl, parquet or xlsx. Returns
    rows written. sin_marcadas (observaciones only) leaves out rows with an
    error finding; excel (csv only): ';', ',' decimals and a BOM."""
    t = _comprobar(tabla, formato, sin_marcadas)
    salida = Path(salida)
    salida.parent.mkdir(parents=True, exist_ok=True)
    if formato == "parquet":
        return _parquet(con, t, salida, sin_marcadas)
    columnas = columnas_exportacion(t)
    sql = consulta(t, columnas, sin_marcadas)
    if formato == "csv":
        return _csv(con, sql, columnas, salida, excel)
    if formato in FORMATOS_TEXTO:
        return _texto(con, sql, columnas, salida, formato)
    return _xlsx(con, sql, columnas, salida, hoja=tabla)


def _csv(con, sql: str, columnas: list[str], salida: Path, excel: bool = False) -> int:
    return _texto(con, sql, columnas, salida, "csv", excel)


def _texto(con, sql: str, columnas: list[str], salida: Path, formato: str, excel: bool = False) -> int:
    from pipelines.salidas import tuberias

    cursor = con.execute(sql)  # fails before the file is created
    with salida.open("w", encoding=tuberias.codificacion(excel), newline="") as f:
        return tuberias.escribir_filas(f, formato, columnas, _lotes(cursor), excel=excel)


def exportar_a(
    con: duckdb.DuckDBPyConnection,
    tabla: str,
    formato: str,
    f: IO[str],
    sin_marcadas: bool = False,
    excel: bool = False,
) -> int:
    """Like `exportar` for a text format (csv, json, jsonl), to the open text
    file `f` (standard output)."""
    from pipelines.salidas import tuberias

    t = _comprobar(tabla, formato, sin_marcadas)
    if formato not in FORMATOS_TEXTO:
        raise ErrorExportacion(f"El formato {formato} no es de texto.")
    columnas = columnas_exportacion(t)
    cursor = con.execute(consulta(t, columnas, sin_marcadas))
    return tuberias.escribir_filas(f, formato, columnas, _lotes(cursor), excel=excel)


def _parquet(con, t: Tabla, salida: Path, sin_marcadas: bool = False) -> int:
    sql = consulta(t, columnas_exportacion(t, todas=True), sin_marcadas)
    destino = str(salida).replace("'", "''")
    con.execute(f"COPY ({sql}) TO '{destino}' (FORMAT parquet)")
    return con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]


def _xlsx(con, sql: str, columnas: list[str], salida: Path, hoja: str) -> int:
    import xlsxwriter

    total = con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0]
    if total > _MAX_FILAS_XLSX:
        raise ErrorExportacion(
            f"La tabla tiene {total} filas y Excel admite {_MAX_FILAS_XLSX}; exporte en csv o parquet."
        )
    cursor = con.execute(sql)
    libro = xlsxwriter.Workbook(
        str(salida),
        {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    try:
        hoja_excel = libro.add_worksheet(hoja[:31])
        negrita = libro.add_format({"bold": True})
        fecha = libro.add_format({"num_format": "yyyy-mm-dd"})
        fecha_hora = libro.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        anchos = [len(c) + 2 for c in columnas]
        hoja_excel.write_row(0, 0, columnas, negrita)
        hoja_excel.freeze_panes(1, 0)
        r = 0
        for lote in _lotes(cursor):
            for fila in lote:
                r += 1
                for k, v in enumerate(fila):
                    _escribir(hoja_excel, r, k, v, fecha, fecha_hora)
                    if r <= 200 and v is not None:
                        anchos[k] = max(anchos[k], min(len(texto_celda(v)) + 2, 60))
        for k, ancho in enumerate(anchos):
            hoja_excel.set_column(k, k, ancho)
        hoja_excel.autofilter(0, 0, max(r, 1), len(columnas) - 1)
    finally:
        libro.close()
    return r


def _escribir(hoja, r: int, k: int, v: Any, fecha, fecha_hora) -> None:
    if v is None:
        return
    if isinstance(v, bool):
        hoja.write_boolean(r, k, v)
    elif isinstance(v, (int, float)):
        if isinstance(v, float) and not math.isfinite(v):
            hoja.write_string(r, k, texto_celda(v))
        else:
            hoja.write_number(r, k, v)
    elif isinstance(v, datetime):
        hoja.write_datetime(r, k, v, fecha_hora)
    elif isinstance(v, date):
        hoja.write_datetime(r, k, v, fecha)
    else:
        hoja.write_string(r, k, neutralizar(str(v)))
