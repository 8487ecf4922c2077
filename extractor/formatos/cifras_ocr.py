"""Figures of OCR'd table cells mended by the grammar of their column.

Tesseract often drops or swaps one separator of a long figure printed next to
a ruling: "14.870733190,42", "1.198.312.400.00", "3105.447.81235",
"1:954.300.11235". The other cells of the same column show how the column
writes its figures (es-CO money with two decimals: "1.214.880.513,00"). A
cell made only of digits and separator-like marks that does not follow that
pattern, but has as many digits as a figure of it can have, is the same
digits written in the column's pattern; the cell keeps a lowered OCR
confidence so the mended figure is marked as such. A lone "O" in a column of
figures is a zero.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.modelo import Celda

# "$ 1.214.880.513,00", "418.600.000,00", "-4.013.594,50": thousands with dots, two decimals
_PATRON = re.compile(r"^(\$\s?)?-?\d{1,3}(\.\d{3})*,(\d{2})$")
# only digits and marks OCR reads a dot or a comma as (",", ".", ":", ";", "'", " ")
_CASI = re.compile(r"^(\$\s?)?-?\d[\d.,:;' ]*\d$")
MIN_EJEMPLOS = 3  # well-written figures a column needs before its pattern is trusted
MIN_DIGITOS = 6  # shorter runs may be codes or small counts: left alone
CONFIANZA_REPARADA = 0.5  # at most this OCR confidence for a mended figure


def _formato(digitos: str, signo: str) -> str:
    entero, dec = digitos[:-2].lstrip("0") or "0", digitos[-2:]
    grupos: list[str] = []
    while len(entero) > 3:
        grupos.insert(0, entero[-3:])
        entero = entero[:-3]
    return f"{signo}{'.'.join([entero] + grupos)},{dec}"


# a zero read as the letter: "O", "O.", "o"
_CERO_COMO_LETRA = re.compile(r"^[Oo]\.?$")
_CIFRA = re.compile(r"^(\$\s?)?-?\d[\d.,]*\s?%?$")


def reparar(celdas: list[Celda]) -> list[Celda]:
    """The cells with the misread figures of their column mended."""
    return _ceros(_separadores(celdas))


def _ceros(celdas: list[Celda]) -> list[Celda]:
    """A lone "O" in a column of figures (MIN_EJEMPLOS at least, more than
    half its filled cells) is a zero, with a lowered confidence."""
    por_columna: dict[int, list[Celda]] = {}
    for c in celdas:
        por_columna.setdefault(c.columna, []).append(c)
    cambios: dict[int, Celda] = {}
    for columna in por_columna.values():
        textos = [c.texto.strip() for c in columna if c.texto.strip()]
        cifras = sum(bool(_CIFRA.match(t)) for t in textos)
        if cifras < MIN_EJEMPLOS or cifras * 2 <= len(textos):
            continue
        for c in columna:
            if c.confianza_ocr is not None and _CERO_COMO_LETRA.match(c.texto.strip()):
                cambios[id(c)] = replace(c, texto="0", confianza_ocr=min(c.confianza_ocr, CONFIANZA_REPARADA))
    return [cambios.get(id(c), c) for c in celdas]


def _separadores(celdas: list[Celda]) -> list[Celda]:
    """The cells with the figures of their column whose separators OCR misread mended."""
    por_columna: dict[int, list[Celda]] = {}
    for c in celdas:
        por_columna.setdefault(c.columna, []).append(c)
    cambios: dict[int, Celda] = {}
    for columna in por_columna.values():
        textos = [c.texto.strip() for c in columna]
        buenos = [t for t in textos if _PATRON.match(t)]
        if len(buenos) < MIN_EJEMPLOS or len(buenos) * 2 < sum(bool(_CASI.match(t)) for t in textos):
            continue
        for c in columna:
            t = c.texto.strip()
            if c.confianza_ocr is None or _PATRON.match(t) or not _CASI.match(t):
                continue
            digitos = re.sub(r"\D", "", t)
            if len(digitos) < MIN_DIGITOS:
                continue
            signo = ("$ " if t.startswith("$") else "") + ("-" if t.lstrip("$ ").startswith("-") else "")
            cambios[id(c)] = replace(
                c, texto=_formato(digitos, signo), confianza_ocr=min(c.confianza_ocr, CONFIANZA_REPARADA)
            )
    return [cambios.get(id(c), c) for c in celdas]
