"""Read-only SQL on the store (`informes consultar`, `Almacen.consulta`).

The store is opened read-only (DuckDB refuses any write to it), and the
connection cannot reach other files (enable_external_access off, then the
configuration locked): no COPY ... TO, ATTACH, read_csv or extension
loading. The views of esquemas/vistas.yaml are always there: a store
written by an older version gets them as temporary views.
"""

from __future__ import annotations

import re
from typing import Any

import duckdb

import esquemas
import pipelines.almacen as almacen


class ErrorConsulta(Exception):
    """A query that failed (Spanish message)."""


def preparar(con: duckdb.DuckDBPyConnection) -> None:
    """Make a read-only connection ready for users' SQL."""
    almacen.vistas_temporales(con)
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


def ejecutar(con: duckdb.DuckDBPyConnection, sql: str) -> duckdb.DuckDBPyConnection:
    """Run `sql` on a connection made ready by `preparar`; returns the
    cursor (description and fetchmany). DuckDB errors become ErrorConsulta
    with a Spanish one-line reason."""
    if not sql or not sql.strip():
        raise ErrorConsulta('La consulta está vacía. Ejemplo: informes consultar "SELECT * FROM resumen_informes"')
    try:
        cursor = con.execute(sql)
    except duckdb.Error as exc:
        raise ErrorConsulta(motivo(con, exc)) from exc
    if cursor.description is None:
        raise ErrorConsulta("La consulta no devuelve filas; use SELECT (consultar solo lee la base de datos).")
    return cursor


def nombres_consultables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables and views a query can name."""
    nombres = [
        n
        for (n,) in con.execute(
            "SELECT DISTINCT table_name FROM information_schema.tables WHERE table_schema IN ('main', 'temp') "
            "ORDER BY table_name"
        ).fetchall()
    ]
    return [n for n in nombres if n != almacen.MARCA]


def motivo(con: duckdb.DuckDBPyConnection, exc: duckdb.Error) -> str:
    """Spanish reason of a DuckDB error on a user's query; DuckDB's own
    first line goes in parentheses when it helps."""
    texto = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "read-only mode" in texto or "read only" in texto.lower():
        return "La consulta intentaba modificar la base de datos, y consultar solo lee. Use SELECT."
    if isinstance(exc, duckdb.PermissionException) or "disabled by configuration" in texto:
        return "La consulta intentaba usar otros archivos, y consultar solo lee la base de datos (sin COPY, ATTACH ni read_csv)."
    if "configuration has been locked" in texto:
        return "La consulta intentaba cambiar la configuración de DuckDB, y consultar solo lee."
    if m := re.search(r"Table with name (\S+) does not exist", texto):
        try:
            disponibles = ", ".join(nombres_consultables(con))
        except duckdb.Error:
            disponibles = ", ".join(list(esquemas.tablas()) + list(esquemas.vistas()))
        return f"La tabla o vista {m.group(1)} no existe. Hay: {disponibles}."
    if m := re.search(r'column "?([^"\s]+)"? not found', texto, re.IGNORECASE):
        return f"La columna {m.group(1)} no existe ({texto})."
    if isinstance(exc, duckdb.ParserException):
        return f"La consulta tiene un error de sintaxis ({texto})."
    return f"La consulta falló ({texto})."


def filas_dict(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columnas = [c[0] for c in cursor.description]
    return [dict(zip(columnas, f)) for f in cursor.fetchall()]
