"""Storage, export, batch loading, evaluation and command line of `informes`."""
from __future__ import annotations

import re
import unicodedata

_PUNTUACION_FINAL = ".,;:!?…-–—"


def normalizar(texto: str | None) -> str:
    """Text for comparisons: casefold, no accents, collapsed whitespace and no
    trailing punctuation. None -> ""."""
    if not texto:
        return ""
    sin_tildes = "".join(
        ch for ch in unicodedata.normalize("NFKD", texto) if not unicodedata.combining(ch)
    )
    plano = re.sub(r"\s+", " ", sin_tildes.casefold()).strip()
    return plano.rstrip(_PUNTUACION_FINAL + " ")


_API = {"leer", "abrir", "Almacen", "ErrorApi", "AvisoLectura"}


def __getattr__(nombre: str):
    """`from pipelines import leer, abrir`: the Python API (pipelines/api.py),
    imported on first use so that `import pipelines` stays light."""
    if nombre in _API:
        from pipelines import api

        return getattr(api, nombre)
    raise AttributeError(f"module 'pipelines' has no attribute {nombre!r}")


__all__ = ["normalizar", *sorted(_API)]
