"""Rows that are a run of periods (Enero, Febrero, … or I … IV trimestre)
where a few labels do not read as one ("J unio", "Septembre", "ll timestre":
a scan's OCR): when the labels that do read are consecutive periods of one
length, one per row in order, each row between them (and right after them,
within the year) has the period of its place in the run."""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Callable

from extractor.castellano.periodos import MESES, Periodo

# words of a period's label a scan may misread by a letter ("Septembre", "timestre")
_PALABRAS_DE_PERIODO = tuple(m for m in MESES if len(m) > 3) + ("trimestre", "semestre", "bimestre", "cuatrimestre")
MIN_PARECIDO = 85  # rapidfuzz ratio of a misread word to its period word
# a roman numeral read as ones and ells: "ll" (II), "11l" (III)
_ROMANO_MAL_LEIDO = re.compile(r"^[Il1|]{1,3}$")


def leida_de_nuevo(texto: str) -> str:
    """A row's label as a period's label a scan misread would be: its
    numeral of ones and ells as a roman numeral, a word one or two letters
    off a month's or a quarter's as that word, a capital split from its
    word ("J unio") joined."""
    from rapidfuzz import fuzz, process

    palabras = texto.split()
    if len(palabras) >= 2 and len(palabras[0]) == 1 and palabras[0].isupper() and palabras[1].islower():
        palabras = [palabras[0] + palabras[1], *palabras[2:]]
    salida = []
    for palabra in palabras:
        if _ROMANO_MAL_LEIDO.match(palabra):
            salida.append("I" * len(palabra))
            continue
        mejor = process.extractOne(palabra.lower(), _PALABRAS_DE_PERIODO, scorer=fuzz.ratio)
        salida.append(mejor[0] if mejor and len(palabra) >= 4 and mejor[1] >= MIN_PARECIDO else palabra)
    return " ".join(salida)


def _meses(periodo: Periodo) -> int | None:
    """How many whole months the period spans (1, 2, 3, 4, 6), or None."""
    inicio, fin = periodo.inicio, periodo.fin
    if inicio is None or fin is None or inicio.day != 1:
        return None
    if fin.day != calendar.monthrange(fin.year, fin.month)[1] or fin.year != inicio.year:
        return None
    meses = fin.month - inicio.month + 1
    return meses if meses in (1, 2, 3, 4, 6) else None


def _en_su_lugar(anio: int, mes_inicial: int, meses: int) -> Periodo:
    mes_final = mes_inicial + meses - 1
    return Periodo(date(anio, mes_inicial, 1), date(anio, mes_final, calendar.monthrange(anio, mes_final)[1]))


def con_huecos_llenos(
    periodos: dict[int, Periodo], etiquetadas: list[tuple[int, str]], es_total: Callable[[str], bool]
) -> dict[int, Periodo]:
    """`periodos` (row → period of its label) with the rows of `etiquetadas`
    (row, label; in order) whose label reads as no period given the period
    of their place in the run, when the run is regular; as it was otherwise.
    Total rows (`es_total`) are no place in the run."""
    lugares = [fila for fila, texto in etiquetadas if not es_total(texto)]
    leidos = [(lugares.index(f), p) for f, p in periodos.items() if f in lugares]
    if len(leidos) < 2 or len(leidos) == len(lugares):
        return periodos
    leidos.sort(key=lambda lp: lp[0])
    meses = {_meses(p) for _, p in leidos}
    anios = {p.inicio.year for _, p in leidos if p.inicio is not None}
    paso = meses.pop() if len(meses) == 1 else None
    if paso is None or len(anios) != 1:
        return periodos
    (anio,) = anios
    lugar0, primero = leidos[0]
    assert primero.inicio is not None
    inicio0 = primero.inicio.month - paso * lugar0  # the month the run's first place starts
    if any(p.inicio is None or p.inicio.month != inicio0 + paso * lugar for lugar, p in leidos):
        return periodos  # not one period per row in order
    llenos = dict(periodos)
    for lugar, fila in enumerate(lugares):
        mes = inicio0 + paso * lugar
        if fila not in llenos and 1 <= mes and mes + paso - 1 <= 12:
            llenos[fila] = _en_su_lugar(anio, mes, paso)
    return llenos
