"""Filters of `informes validar` (and of the Python API) over the stored
findings: by file name, rule and entity."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

import duckdb

import esquemas
import pipelines.identidad as identidad
from pipelines.texto import normalizar


def reglas_conocidas() -> list[str]:
    """Rule ids of esquemas/reglas.yaml, in file order."""
    return list(esquemas.cargar_yaml("reglas.yaml").get("reglas", {}))


def reglas_desconocidas(reglas: Iterable[str]) -> list[str]:
    conocidas = set(reglas_conocidas())
    return [r for r in reglas if r not in conocidas]


def _de_archivo(nombre: Optional[str], buscados: list[str]) -> bool:
    plano = normalizar(nombre)
    return any(normalizar(Path(b).name) in plano for b in buscados)


def informes_de_entidad(con: duckdb.DuckDBPyConnection, entidad: str) -> set[str]:
    """informe_id of the reports of an entity given by its key
    (alcaldia-barrancabermeja) or by words of its name (Barrancabermeja,
    «Alcaldía Distrital de Barrancabermeja»)."""
    palabras = set(identidad.normalizar_entidad(entidad).split())
    ids = set()
    for iid, clave, nombre in con.execute("SELECT informe_id, entidad_clave, entidad FROM informes").fetchall():
        propias = set(identidad.normalizar_entidad(nombre).split()) | set((clave or "").replace("-", " ").split())
        if clave == entidad or (palabras and palabras <= propias):
            ids.add(iid)
    return ids


def filtrar(
    con: duckdb.DuckDBPyConnection,
    filas: list[dict[str, Any]],
    *,
    archivos: Optional[list[str]] = None,
    reglas: Optional[list[str]] = None,
    entidad: Optional[str] = None,
) -> list[dict[str, Any]]:
    """The findings (rows of almacen.hallazgos) that pass every filter given."""
    if archivos:
        filas = [f for f in filas if _de_archivo(f.get("archivo"), archivos)]
    if reglas:
        filas = [f for f in filas if f["regla"] in set(reglas)]
    if entidad:
        ids = informes_de_entidad(con, entidad)
        filas = [f for f in filas if f["informe_id"] in ids]
    return filas
