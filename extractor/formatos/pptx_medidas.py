"""Whether a chart's labels name measures ("Meta 2024", "Ejecutado",
"% de cumplimiento", "Línea base") rather than indicators: a label opens
with a word (or phrase) that opens a measure rule of esquemas/encabezados.yaml
(`medidas`, the terms the table reader classifies headers with). Only the
opening words count: "Niños vacunados" names an indicator, "Meta 2024" a
measure. A cheap test for the chart reader, which sits below the table
reader (extractor/tablas/encabezados.py) and cannot ask it."""

from __future__ import annotations

import re
from functools import cache

from esquemas import cargar_yaml
from extractor.castellano.lemas import normalizar

_PALABRA = re.compile(r"[%$]|[^\W_]+(?:\.(?=\s|$))?")


@cache
def _aperturas() -> frozenset[str]:
    """Every alternative of the first term of each measure rule, normalized."""
    salida: set[str] = set()
    for regla in cargar_yaml("encabezados.yaml")["medidas"]:
        for alternativa in normalizar(regla["todos"][0][0]).split("|"):
            salida.add(" ".join(_PALABRA.findall(alternativa)))
    return frozenset(a for a in salida if a)


def es_medida(texto: str) -> bool:
    palabras = _PALABRA.findall(normalizar(texto))
    return any(" ".join(palabras[:n]) in _aperturas() for n in range(1, min(len(palabras), 4) + 1))


def son_medidas(textos: list[str], alguna: bool = False) -> bool:
    """All of at least two non-empty labels name measures (`alguna`: any of them)."""
    llenos = [t for t in textos if t.strip()]
    if alguna:
        return any(es_medida(t) for t in llenos)
    return len(llenos) >= 2 and all(es_medida(t) for t in llenos)
