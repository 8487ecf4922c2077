"""Storage, export, batch loading, evaluation and command line of `informes`."""

from __future__ import annotations

from pipelines.texto import normalizar

_API = {"leer", "abrir", "Almacen", "ErrorApi", "AvisoLectura"}


def __getattr__(nombre: str):
    """`from pipelines import leer, abrir`: the Python API (pipelines/api.py),
    imported on first use so that `import pipelines` stays light."""
    if nombre in _API:
        from pipelines import api

        return getattr(api, nombre)
    raise AttributeError(f"module 'pipelines' has no attribute {nombre!r}")


__all__ = ["normalizar", *sorted(_API)]
