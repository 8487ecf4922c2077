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
