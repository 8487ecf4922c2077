"""Type of accumulation of an indicator, from a column such as SisPT's
"Tipo de acumulación": `acumulativo` (the four-year target is the sum of
the years) or `no_acumulativo` (a level: the last year's target). The
wordings are data: esquemas/acumulacion.csv, tried in file order (the
negative wordings first: "No acumulativo" contains "acumulativo")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import esquemas

from extractor.castellano.lemas import normalizar


@lru_cache(maxsize=1)
def _patrones() -> tuple[tuple[str, re.Pattern], ...]:
    salida = []
    for fila in esquemas.filas_vocabulario("acumulacion"):
        palabras = [normalizar(p) for p in fila["palabras"].split("|") if p.strip()]
        salida.append((fila["acumulacion"], re.compile(r"\b(" + "|".join(map(re.escape, palabras)) + r")\b")))
    return tuple(salida)


def acumulacion_de(texto: Optional[str]) -> Optional[str]:
    """'acumulativo', 'no_acumulativo' or None (empty or unknown wording)."""
    norm = normalizar(texto or "")
    if not norm.strip():
        return None
    return next((clave for clave, patron in _patrones() if patron.search(norm)), None)
