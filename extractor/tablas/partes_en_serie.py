"""Columns that are the parts of a year in a row ("I trim." | "II trim." |
"III trim." | "IV trim."), read by their place when their numerals are not
legible.

A scan read by OCR often garbles the roman numeral of such headers: in a
sans-serif bold face "I" and "l" are the same glyph, so "I trim." comes
back as "l trim.", "III trim." as "11 trim.", or the numeral is lost
("trim."). The word for the part survives. Consecutive columns whose lowest
header level is that word with at most a short numeral are the parts of the
year in order: the first is the part the legible numerals point to
(a legible "IV trim." in the fourth place of the run makes the run start at
I), else I. Runs whose numerals all read as distinct parts in order are
left as they are.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from extractor.castellano.lemas import normalizar
from extractor.castellano.periodos import ABREVIATURAS_SUBPERIODO, SUBPERIODOS, Contexto, periodo_de_texto

# the kinds of part of a year, their words (the name and its abbreviations) and how many
# make a year (esquemas/castellano.yaml `subperiodos`, `subperiodos_abreviados`)
_PARTES = tuple(
    (nombre, (nombre, *(a for a, de in ABREVIATURAS_SUBPERIODO.items() if de == nombre)), 12 // meses)
    for nombre, meses in SUBPERIODOS.items()
)
_ROMANOS = ("I", "II", "III", "IV", "V", "VI")
_ANIO = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")
# what may stand beside the word for the part: a roman numeral as OCR reads
# it ("l", "ll", "ti", "11", "1V", "iv", "|"), an ordinal ("2do", "3°"), or nothing
_NUMERAL = r"(?:[iltvx1|!]{1,4}\.?|[1-6](?:er|ro|do|to|o|°|º|a)?)?"


# per kind of part, a pattern per word: the word alone with at most a numeral on each side
_PATRONES_DE_PARTES = tuple(
    (
        nombre,
        tuple(re.compile(rf"{_NUMERAL}\s*{re.escape(palabra)}\.?(?:\s*{_NUMERAL})?") for palabra in palabras),
        cuantas,
    )
    for nombre, palabras, cuantas in _PARTES
)


# (kind of part, parts in a year, the year written)
_Clase = tuple[str, int, str]


def _clase(parte: str) -> Optional[_Clase]:
    """(kind of part, parts in a year, the year written) when the header
    level is only the word for a part of a year with at most a short
    numeral beside it (and perhaps a year); else None."""
    texto = normalizar(parte)
    anio = _ANIO.findall(texto)
    if len(anio) > 1:
        return None
    texto = _ANIO.sub(" ", texto).strip(" -–/.,")
    for nombre, patrones, cuantas in _PATRONES_DE_PARTES:
        for patron in patrones:
            if patron.fullmatch(texto):
                return nombre, cuantas, anio[0] if anio else ""
    return None


def partes_en_serie(headers: list[list[str]], ctx: Contexto) -> dict[int, str]:
    """Per column in a run of parts of a year whose numerals do not read
    as the parts in order, the part its place gives ("II trimestre",
    with the year its header writes)."""
    clases = [_clase(parts[-1]) if parts else None for parts in headers]
    salida: dict[int, str] = {}
    k = 0
    while k < len(clases):
        clase = clases[k]
        if clase is None:
            k += 1
            continue
        fin = k
        while fin + 1 < len(clases) and _misma_parte(clases[fin + 1], clase):
            fin += 1
        serie = [c for c in clases[k : fin + 1] if c is not None]  # all of them, by the loop above
        salida.update(_numerar(list(range(k, fin + 1)), headers, serie, ctx))
        k = fin + 1
    return salida


def _misma_parte(clase: Optional[_Clase], otra: _Clase) -> bool:
    return clase is not None and clase[:2] == otra[:2]


def _numerar(run: list[int], headers: list[list[str]], serie: list[_Clase], ctx: Contexto) -> dict[int, str]:
    """`serie`: the class of each column of `run`, in order."""
    nombre, cuantas, _ = serie[0]
    if len(run) < 2 or len(run) > cuantas:
        return {}
    meses = 12 // cuantas
    leidos = [_parte_leida(headers[k][-1], meses, ctx) for k in run]
    primero = leidos[0]
    if primero is not None and leidos == list(range(primero, primero + len(run))):
        return {}  # legible and in order
    inicios = Counter(n - i for i, n in enumerate(leidos) if n is not None)
    inicio = next((s for s, _ in inicios.most_common() if 1 <= s and s + len(run) - 1 <= cuantas), None)
    if inicio is None:
        if inicios:
            return {}  # the legible numerals point to no place in the year: leave them
        inicio = 1
    return {k: f"{_ROMANOS[inicio + i - 1]} {nombre} {serie[i][2]}".strip() for i, k in enumerate(run)}


def _parte_leida(texto: str, meses: int, ctx: Contexto) -> Optional[int]:
    """Which part of the year (1 = the first) a header reads as, when it reads
    as a whole part of `meses` months; else None."""
    periodo = periodo_de_texto(texto, ctx)
    if periodo is None or periodo.inicio is None or periodo.fin is None:
        return None
    inicio, fin = periodo.inicio, periodo.fin
    if fin.month - inicio.month + 1 != meses or inicio.month % meses != 1 % meses:
        return None
    return fin.month // meses
