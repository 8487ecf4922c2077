"""DuckDB store of extracted reports: SQL only (schema, rows, write, queries).

The tables come from esquemas/tablas.yaml. A report is identified by its
resolved path: loading the same content again changes nothing, loading a
changed file replaces the previous version. Each report is written in one
transaction, in bulk (one Arrow table per store table). Validating a report
and linking its identities while it is saved is composed above, in
pipelines/carga/guardado.py.

Rooms: esquema.py (open, create, migrate), filas.py (rows and identifiers),
escritura.py (the write transaction, the `cargas` rows), lecturas.py
(queries), consulta.py (users' read-only SQL), sesion.py (the writer's
store, opened and closed between reports), respaldo.py (the copy a load
takes before writing, restored if a killed load left the store damaged).
"""

from pipelines.almacen.esquema import (
    MARCA,
    VERSION_ESQUEMA,
    ErrorAlmacen,
    abrir,
    crear_esquema,
    ddl,
    ddl_vista,
    motivo_duckdb,
    vistas_temporales,
)
from pipelines.almacen.lecturas import buscar_informe, hallazgos, resumen, severidades_de

# Rows and writing need pyarrow: imported on first use, so that a command that
# only reads the store (informes resumen) starts without it.
_PEREZOSOS = {
    "RESULTADOS": "escritura",
    "escribir": "escritura",
    "insertar": "escritura",
    "registrar_carga": "escritura",
    "InformePreparado": "filas",
    "indicador_id_de": "filas",
    "informe_id_de": "filas",
    "version_extractor": "filas",
}


def __getattr__(nombre: str):
    modulo = _PEREZOSOS.get(nombre)
    if modulo is None:
        raise AttributeError(f"module 'pipelines.almacen' has no attribute {nombre!r}")
    from importlib import import_module

    return getattr(import_module(f"pipelines.almacen.{modulo}"), nombre)


__all__ = [
    "MARCA",
    "RESULTADOS",
    "VERSION_ESQUEMA",
    "ErrorAlmacen",
    "InformePreparado",
    "abrir",
    "buscar_informe",
    "crear_esquema",
    "ddl",
    "ddl_vista",
    "escribir",
    "hallazgos",
    "indicador_id_de",
    "informe_id_de",
    "insertar",
    "motivo_duckdb",
    "registrar_carga",
    "resumen",
    "severidades_de",
    "version_extractor",
    "vistas_temporales",
]
