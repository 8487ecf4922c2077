"""Queries of the stored reports: one report by SHA-256, the per-report
summary, the stored findings."""

from __future__ import annotations

from typing import Any, Optional

import duckdb

import esquemas
from pipelines.almacen.esquema import ErrorAlmacen, escalar


def buscar_informe(con: duckdb.DuckDBPyConnection, sha256: str) -> Optional[dict[str, Any]]:
    """Stored report with this SHA-256 (metadata and row counts), or None."""
    filas = con.execute(
        """
        SELECT i.informe_id, i.archivo, i.ruta, i.entidad, i.dependencia, i.vigencia,
               (SELECT count(*) FROM observaciones o WHERE o.informe_id = i.informe_id),
               (SELECT count(*) FROM filas_no_mapeadas f WHERE f.informe_id = i.informe_id),
               i.cobertura
        FROM informes i WHERE i.sha256 = ?
        """,
        [sha256.lower()],
    ).fetchall()
    if not filas:
        return None
    claves = (
        "informe_id",
        "archivo",
        "ruta",
        "entidad",
        "dependencia",
        "vigencia",
        "observaciones",
        "no_mapeadas",
        "cobertura",
    )
    return dict(zip(claves, filas[0]))


def resumen(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Per report: metadata, observations per medida, unmapped rows and the
    coverage audit's percentage (None: no table, or loaded before the audit)."""
    informes = con.execute(
        """
        SELECT i.informe_id, i.archivo, i.entidad, i.dependencia, i.vigencia,
               (SELECT count(*) FROM filas_no_mapeadas f WHERE f.informe_id = i.informe_id),
               i.cobertura
        FROM informes i ORDER BY i.archivo, i.informe_id
        """
    ).fetchall()
    por_medida: dict[str, dict[str, int]] = {}
    for iid, medida, n in con.execute(
        "SELECT informe_id, medida, count(*) FROM observaciones GROUP BY ALL ORDER BY ALL"
    ).fetchall():
        por_medida.setdefault(iid, {})[medida] = n
    return [
        {
            "informe_id": iid,
            "archivo": archivo,
            "entidad": entidad,
            "dependencia": dep,
            "vigencia": vigencia,
            "por_medida": por_medida.get(iid, {}),
            "observaciones": sum(por_medida.get(iid, {}).values()),
            "no_mapeadas": no_map,
            "cobertura": cobertura,
        }
        for iid, archivo, entidad, dep, vigencia, no_map, cobertura in informes
    ]


def hallazgos(con: duckdb.DuckDBPyConnection, severidades: Optional[list[str]] = None) -> list[dict[str, Any]]:
    """Stored findings with their report's archivo, entidad and dependencia,
    by report, then error / advertencia / info, page and id."""
    existe = escalar(
        con,
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'hallazgos' "
        "AND table_schema = current_schema()",
    )
    if not existe:
        raise ErrorAlmacen(
            "La base de datos no tiene la tabla hallazgos (se creó antes del validador); "
            "vuelva a cargar los informes con: informes cargar --forzar."
        )
    columnas = list(esquemas.tabla("hallazgos").nombres)
    sql = (
        "SELECT " + ", ".join(f'h."{c}"' for c in columnas) + ", i.archivo, i.entidad, i.dependencia "
        "FROM hallazgos h LEFT JOIN informes i ON i.informe_id = h.informe_id "
        + ("WHERE list_contains(?, h.severidad) " if severidades else "")
        + "ORDER BY i.archivo, h.informe_id, CASE h.severidad WHEN 'error' THEN 0 "
        "WHEN 'advertencia' THEN 1 ELSE 2 END, h.pagina NULLS LAST, h.hallazgo_id"
    )
    filas = con.execute(sql, [severidades] if severidades else []).fetchall()
    return [dict(zip(columnas + ["archivo", "entidad", "dependencia"], f)) for f in filas]


def severidades_de(con: duckdb.DuckDBPyConnection, informe_id: str) -> dict[str, int]:
    """Number of stored findings of one report by severity (error,
    advertencia, info; those it has)."""
    filas = con.execute(
        "SELECT severidad, count(*) FROM hallazgos WHERE informe_id = ? GROUP BY severidad", [informe_id]
    ).fetchall()
    return {severidad: n for severidad, n in filas}
