"""Footnotes of a PDF page: a paragraph low on the page, in a smaller type
than the page's text, that opens with its call ("1", "*", "¹", "a)"):
"¹ Dato preliminar del reporte con corte a noviembre". It is kept as text
(its figures are read as any prose) but marked, so that the report's title,
period and cut date are not taken from it."""

from __future__ import annotations

import bisect
import re
from statistics import median
from typing import Sequence

from esquemas import umbrales

_U = umbrales("notas_al_pie")  # esquemas/disposicion.yaml
ZONA_BAJA = _U["zona_baja"]
LETRA_MENOR = _U["letra_menor"]
LETRA_DE_LLAMADA = _U["letra_de_llamada"]
ELEVADA = _U["elevada"]
PEGADA = _U["pegada"]
MAX_HUECO_LLAMADA = _U["max_hueco_llamada"]

# the call of a footnote, then its text: "1 Dato …", "¹Dato …", "* Cifra …", "(2) Meta …", "a) Fuente …"
_LLAMADA = re.compile(r"^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(?\d{1,2}\)?|\*{1,3}|†|‡|[a-z]\))\s*[A-ZÁÉÍÓÚÑ]")


def altura_de_texto(lineas: Sequence, alto_pagina: float) -> float:
    """The usual type size of the page's text above its foot (the height of
    its lines' usual words); 0 when all its text is at the foot."""
    arriba = [l.letra for l in lineas if l.top < alto_pagina * (1 - ZONA_BAJA)]
    return median(arriba) if arriba else 0.0


def es_nota_al_pie(lineas: Sequence, alto_pagina: float, altura_normal: float) -> bool:
    """A paragraph (its `lineas`) that is a footnote of its page."""
    if not lineas or altura_normal <= 0:
        return False
    abajo = lineas[0].top >= alto_pagina * (1 - ZONA_BAJA)
    menor = all(l.letra <= altura_normal * LETRA_MENOR for l in lineas)
    return abajo and menor and _LLAMADA.match(lineas[0].texto.strip()) is not None


# a call: one or two digits, or asterisks and daggers
_CIFRA_DE_LLAMADA = re.compile(r"^(?:\d{1,2}|\*{1,3}|[†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


def sin_llamadas(palabras: list[dict]) -> list[dict]:
    """The page's words without the raised calls of footnotes printed right
    after a figure or a word ("2.870¹", "3²": a smaller "1" whose foot is well
    above the figure's): the call is not part of the figure."""
    candidatas = [w for w in palabras if _CIFRA_DE_LLAMADA.match(w["text"]) and w["bottom"] > w["top"]]
    if not candidatas:
        return palabras
    por_derecha = sorted(palabras, key=lambda w: w["x1"])
    finales = [w["x1"] for w in por_derecha]
    llamadas = set()
    for w in candidatas:
        alto = w["bottom"] - w["top"]
        # the words that end right before it (a call follows its word at most PEGADA of that word's height,
        # and a word whose call it can be is at least alto / LETRA_DE_LLAMADA high)
        desde = bisect.bisect_left(finales, w["x0"] - MAX_HUECO_LLAMADA)
        hasta = bisect.bisect_right(finales, w["x0"])
        for v in por_derecha[desde:hasta]:
            alto_v = v["bottom"] - v["top"]
            if (
                v is not w
                and w["x0"] - v["x1"] <= alto_v * PEGADA
                and alto <= alto_v * LETRA_DE_LLAMADA
                and v["top"] < w["bottom"] <= v["bottom"] - alto_v * ELEVADA  # its foot raised within the word
            ):
                llamadas.add(id(w))
                break
    return [w for w in palabras if id(w) not in llamadas] if llamadas else palabras
