"""A spreadsheet printed with its row and column headings ("A | B | C …"
over the sheet, "1 | 2 | 3 …" down its left side), as Google Sheets and
Excel print them on request: the headings are the sheet's frame, not a row
and a column of the table."""

from __future__ import annotations

import string
from dataclasses import replace

from extractor.modelo import Celda

MIN_ENCABEZADOS = 3  # letters (and row numbers) in sequence that make a frame


def _letras_seguidas(textos: list[str]) -> bool:
    """ "A", "B", "C" …: consecutive column letters, the first cell may be blank."""
    letras = [t for t in textos if t]
    if len(letras) < MIN_ENCABEZADOS or textos.count("") > 1:
        return False
    if not all(len(t) == 1 and t in string.ascii_uppercase for t in letras):
        return False
    return all(ord(b) - ord(a) == 1 for a, b in zip(letras, letras[1:]))


def _numeros_de_fila(textos: list[str]) -> bool:
    """ "1", "2", "3" …: row numbers going up (past the rows the sheet repeats
    on top of every page: "1 … 4, 15, 16"), every cell of the column one."""
    numeros = [int(t) for t in textos if t.isdigit()]
    return (
        len(numeros) >= MIN_ENCABEZADOS
        and len(numeros) == len([t for t in textos if t])
        and all(b > a for a, b in zip(numeros, numeros[1:]))
    )


def sin_marco_de_hoja(celdas: list[Celda]) -> list[Celda]:
    """The cells without the sheet's printed headings (the row of column
    letters on top and the column of row numbers on the left); as they are
    when the table has no such frame."""
    arriba = sorted((c for c in celdas if c.fila == 0), key=lambda c: c.columna)
    izquierda = sorted((c for c in celdas if c.columna == 0 and c.fila > 0), key=lambda c: c.fila)
    if not _letras_seguidas([" ".join(c.texto.split()) for c in arriba]):
        return celdas
    if not _numeros_de_fila([" ".join(c.texto.split()) for c in izquierda]):
        return celdas
    return [replace(c, fila=c.fila - 1, columna=c.columna - 1) for c in celdas if c.fila > 0 and c.columna > 0]
