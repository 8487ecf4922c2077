"""Writing to the store: one report's rows in one transaction (replacing
the previous version of the same path), the `cargas` row of each attempt.
What else runs inside the transaction (identity, cross-report findings) is
given by the caller (pipelines/carga/guardado.py); the rows of replaced
reports leave `valores_por_clave` here (pipelines/almacen/valores.py)."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional

import duckdb
import pyarrow as pa

import esquemas
from pipelines.almacen import valores
from pipelines.almacen.filas import InformePreparado, con_ruta

RESULTADOS = ("cargado", "sin_cambios", "reemplazado", "fallido", "omitido")


def insertar(con: duckdb.DuckDBPyConnection, tabla: str, datos: pa.Table) -> None:
    """Bulk insert; DuckDB reads the Arrow table `datos` from this frame
    (replacement scan), matching columns by name."""
    if datos.num_rows:
        con.execute(f'INSERT INTO "{tabla}" BY NAME SELECT * FROM datos')


def escribir(
    con: duckdb.DuckDBPyConnection,
    prep: InformePreparado,
    ruta: Path,
    *,
    forzar: bool = False,
    ademas: Optional[Callable[[duckdb.DuckDBPyConnection, InformePreparado], None]] = None,
) -> str:
    """Write one prepared report in one transaction. Returns 'cargado',
    'sin_cambios' (same SHA-256 already stored; nothing is written) or
    'reemplazado' (the same path held another version, whose rows are
    deleted). forzar=True replaces even an identical stored version.
    `ademas(con, prep)` runs inside the transaction after the rows are
    inserted. On any error the store is left exactly as before and the
    error propagates."""
    ruta = Path(ruta).resolve()
    datos = dict(prep.datos)
    datos["informes"] = con_ruta(datos["informes"], ruta)

    con.begin()
    try:
        mismo = con.execute("SELECT informe_id FROM informes WHERE sha256 = ?", [prep.sha256]).fetchall()
        if mismo and not forzar:
            con.rollback()
            return "sin_cambios"
        anteriores = {
            r[0] for r in con.execute("SELECT informe_id FROM informes WHERE ruta = ?", [str(ruta)]).fetchall()
        }
        anteriores |= {r[0] for r in mismo}
        valores.quitar(con, sorted(anteriores))
        for tabla in esquemas.tablas().values():
            if tabla.por_informe:
                for iid in sorted(anteriores):
                    con.execute(f'DELETE FROM "{tabla.nombre}" WHERE informe_id = ?', [iid])
        for nombre, tabla_arrow in datos.items():
            insertar(con, nombre, tabla_arrow)
        if ademas is not None:
            ademas(con, prep)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return "reemplazado" if anteriores else "cargado"


def registrar_carga(
    con: duckdb.DuckDBPyConnection,
    *,
    archivo: str,
    ruta: Path | str,
    resultado: str,
    inicio: datetime,
    fin: Optional[datetime] = None,
    sha256: Optional[str] = None,
    informe_id: Optional[str] = None,
    motivo: Optional[str] = None,
    observaciones: Optional[int] = None,
) -> str:
    """Write the `cargas` row of one attempt (also failures). Returns carga_id."""
    if resultado not in RESULTADOS:
        raise ValueError(f"resultado desconocido: {resultado!r}")
    carga_id = uuid.uuid4().hex
    con.execute(
        "INSERT INTO cargas (carga_id, archivo, ruta, sha256, informe_id, inicio, fin, "
        "resultado, motivo, observaciones) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            carga_id,
            archivo,
            str(ruta),
            sha256,
            informe_id,
            inicio,
            fin or datetime.now(),
            resultado,
            motivo,
            observaciones,
        ],
    )
    return carga_id
