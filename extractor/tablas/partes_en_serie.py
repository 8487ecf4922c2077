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
_NUMERAL = r"(?:[iltvxnmhu1|!¡]{1,4}\.?|[1-6](?:er|ro|do|to|o|°|º|a)?)?"


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


def es_parte_del_anio(texto: str) -> bool:
    """A header that is only a part of a year with its numeral, however a
    scan read it ("11 TRIMESTRE", "l sem."): a label, not a figure."""
    return _clase(" ".join(texto.split())) is not None


def partes_en_serie(headers: list[list[str]], ctx: Contexto) -> dict[int, str]:
    """Per column in a run of parts of a year whose numerals do not read
    as the parts in order, the part its place gives ("II trimestre",
    with the year its header writes)."""
    clases = [_clase(parts[-1]) if parts else None for parts in headers]
    salida: dict[int, str] = {}
    for run in _corridas(clases):
        serie = [c for j in run if (c := clases[j]) is not None]  # all of them, by _corridas
        salida.update(zip(run, _numerar([headers[j][-1] for j in run], serie, ctx)))
    return salida


def _corridas(clases: list[Optional[_Clase]]) -> list[list[int]]:
    """The runs of consecutive columns whose headers are parts of the same kind."""
    corridas: list[list[int]] = []
    for k, clase in enumerate(clases):
        if clase is None:
            continue
        if corridas and corridas[-1][-1] == k - 1 and _misma_parte(clases[k - 1], clase):
            corridas[-1].append(k)
        else:
            corridas.append([k])
    return corridas


def grupos_en_serie(headers: list[list[str]], ctx: Contexto) -> dict[int, list[str]]:
    """The same for the parts of a year one header level up, each over the
    same few columns ("I trim." over "P | E", "ll trim." over "P | E", …):
    per column of such a run, its header levels with that level's part
    given by its place, and the level under it read as the other groups
    read it at the same place (a scan's "P | E", "P | e", " | g": P, E).
    A group is the columns its upper cell spans (the same text in each)."""
    niveles = [_con_nivel_vacio(headers, j) for j in range(len(headers))]
    clases = [_clase(parts[-2]) if len(parts) >= 2 else None for parts in niveles]
    salida: dict[int, list[str]] = {}
    for run in _corridas(clases):
        grupos = _grupos([niveles[j][-2] for j in run], run[0])
        if len(grupos) >= 2:
            serie = [c for g in grupos if (c := clases[g[0]]) is not None]  # all of them, by the loop above
            arriba = [niveles[g[0]][-2] for g in grupos]
            textos = _numerar(arriba, serie, ctx) or arriba
            abajo = [_mayoria([niveles[g[lugar]][-1] for g in grupos]) for lugar in range(len(grupos[0]))]
            for grupo, texto in zip(grupos, textos):
                nuevos = {j: [*niveles[j][:-2], texto, abajo[lugar]] for lugar, j in enumerate(grupo)}
                salida.update((j, [p for p in partes if p]) for j, partes in nuevos.items() if partes != niveles[j])
    return salida


def _con_nivel_vacio(headers: list[list[str]], j: int) -> list[str]:
    """A column's header levels, with an empty lower one when it has only
    the upper text of a neighbour with two (the scan read nothing under it)."""
    partes = headers[j]
    vecinas = [headers[i] for i in (j - 1, j + 1) if 0 <= i < len(headers)]
    if len(partes) == 1 and any(len(v) >= 2 and v[-2] == partes[0] for v in vecinas):
        return [partes[0], ""]
    return list(partes)


def _grupos(arriba: list[str], inicio: int) -> list[list[int]]:
    """The columns (from `inicio`) in groups of one width: runs of the same
    upper text, a run as wide as several groups cut into them; [] when the
    runs are not all a multiple of the narrowest, or it is one column."""
    corridas: list[list[int]] = []
    for j, texto in enumerate(arriba):
        if corridas and arriba[j - 1] == texto:
            corridas[-1].append(inicio + j)
        else:
            corridas.append([inicio + j])
    ancho = min(len(c) for c in corridas)
    if ancho < 2 or any(len(c) % ancho for c in corridas):
        return []
    return [c[i : i + ancho] for c in corridas for i in range(0, len(c), ancho)]


def _mayoria(textos: list[str]) -> str:
    """The text most of those that read as something read as (case aside),
    when two or more and more than half of them do; else the first."""
    leidos = [t.strip() for t in textos if t.strip()]
    conteo = Counter(t.upper() for t in leidos)
    if conteo and (mas := conteo.most_common(1)[0])[1] >= 2 and mas[1] * 2 > len(leidos):
        return next(t for t in leidos if t.upper() == mas[0])
    return textos[0]


def _misma_parte(clase: Optional[_Clase], otra: _Clase) -> bool:
    return clase is not None and clase[:2] == otra[:2]


def _numerar(textos: list[str], serie: list[_Clase], ctx: Contexto) -> list[str]:
    """The part each of a run of headers (`textos`, of classes `serie`)
    stands for by its place; [] when they read as the parts in order, or
    their legible numerals point to no place in the year."""
    nombre, cuantas, _ = serie[0]
    if len(textos) < 2 or len(textos) > cuantas:
        return []
    meses = 12 // cuantas
    leidos = [_parte_leida(texto, meses, ctx) for texto in textos]
    primero = leidos[0]
    if primero is not None and leidos == list(range(primero, primero + len(textos))):
        return []  # legible and in order
    inicios = Counter(n - i for i, n in enumerate(leidos) if n is not None)
    inicio = next((s for s, _ in inicios.most_common() if 1 <= s and s + len(textos) - 1 <= cuantas), None)
    if inicio is None:
        if inicios:
            return []  # the legible numerals point to no place in the year: leave them
        inicio = 1
    return [f"{_ROMANOS[inicio + i - 1]} {nombre} {clase[2]}".strip() for i, clase in enumerate(serie)]


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
