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

# the call of a footnote: "1", "¹", "*", "(2)", "a)", "c"
_CALL = r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}|\*{1,3}|†|‡|[a-z])"
# the call, then the note's text: "1 Dato …", "¹Dato …", "* Cifra …", "(2) Meta …", "a) Fuente …"
_LLAMADA = re.compile(rf"^\(?{_CALL}\)?\s*[A-ZÁÉÍÓÚÑ]")
# the call alone on its line, raised over the note's first line: "3", "c", "**"
_LLAMADA_SOLA = re.compile(rf"^\(?{_CALL}\)?$")
_NOTA = re.compile(rf"^\s*\(?({_CALL})\)?\s*(.+)$", re.S)


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
    primeras = [l.texto.strip() for l in lineas[:2]]
    return abajo and menor and bool(notas_de_bloque("\n".join(primeras)))


def notas_de_bloque(texto: str) -> list[tuple[str, str]]:
    """The notes of a block of footnotes: (call, text) of each, from the
    line its call opens ("1 Dato …"), or from the call alone on its line
    over the note's first line ("3" / "Promedio mensual …")."""
    notas: list[str] = []
    lineas = texto.split("\n")
    for k, linea in enumerate(lineas):
        sola = _LLAMADA_SOLA.match(linea.strip()) and k + 1 < len(lineas) and lineas[k + 1].strip()[:1].isupper()
        if _LLAMADA.match(linea.strip()) or sola:
            notas.append(linea)
        elif notas:
            notas[-1] += "\n" + linea
    return [(llamada_comun(m.group(1)), " ".join(m.group(2).split())) for n in notas if (m := _NOTA.match(n))]


_SUPERINDICES = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def llamada_comun(llamada: str) -> str:
    """A call as the figure's and the note's are compared: "¹" and "1" are one call."""
    return llamada.translate(_SUPERINDICES)


# a call: one or two digits, asterisks and daggers, a letter
_CIFRA_DE_LLAMADA = re.compile(r"^(?:\d{1,2}|\*{1,3}|[†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+|[a-z])$")
# a figure with its call glued at the same size ("38*", "2.870¹" in one word)
_CIFRA_CON_LLAMADA = re.compile(r"^(\$?\s?\d[\d.,']*\s?%?)(\*{1,3}|[†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+)$")


def sin_llamadas(palabras: list[dict]) -> tuple[list[dict], list[tuple[dict, str]]]:
    """The page's words without the raised calls of footnotes printed right
    after a figure or a word ("2.870¹", "3²": a smaller "1" whose foot is well
    above the figure's): the call is not part of the figure. And each call
    with the word it follows."""
    pegadas = _sin_llamadas_pegadas(palabras)
    if pegadas:
        palabras = [pegadas[id(w)][0] if id(w) in pegadas else w for w in palabras]
    de_pegadas = list(pegadas.values())
    candidatas = [w for w in palabras if _CIFRA_DE_LLAMADA.match(w["text"]) and w["bottom"] > w["top"]]
    if not candidatas:
        return palabras, de_pegadas
    por_derecha = sorted(palabras, key=lambda w: w["x1"])
    finales = [w["x1"] for w in por_derecha]
    llamadas: dict[int, tuple[dict, str]] = {}  # the call's id -> (the word it follows, the call)
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
                llamadas[id(w)] = (v, llamada_comun(w["text"]))
                break
    if not llamadas:
        return palabras, de_pegadas
    return [w for w in palabras if id(w) not in llamadas], de_pegadas + list(llamadas.values())


def _sin_llamadas_pegadas(palabras: list[dict]) -> dict[int, tuple[dict, str]]:
    """Figures with a call glued to them in the same type ("38*"): per such
    word's id, the word without the call and the call."""
    salida = {}
    for w in palabras:
        if (w["text"][-1:] in "*†‡¹²³⁴⁵⁶⁷⁸⁹⁰") and (m := _CIFRA_CON_LLAMADA.match(w["text"])):
            salida[id(w)] = ({**w, "text": m.group(1)}, llamada_comun(m.group(2)))
    return salida
