"""Small tables nested in the cells of one column of a Word table of
targets: the four quarters "Trim. I … Trim. IV" over their values, inside
the "Ejecución trimestral 2019" cell of every product row. They are
sub-columns of that column (a second header level), not tables of their
own; a table nested in a layout table (a sector's name beside its whole
table of targets) is not one of them (docx.py opens those)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from docx.oxml.ns import qn

from extractor.castellano.numeros import leer_numero

MAX_FILAS = 4  # sub-headers over a few rows of values
MAX_COLUMNAS = 12  # months at most
MIN_CELDAS_DE_FILA = 4  # a row of a table of targets, not a layout row (name | nested table)


def _texto(elemento) -> str:
    return " ".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in elemento.iter(qn("w:p"))).strip()


def subtabla(tc, tr) -> Optional[list[list[str]]]:
    """The rows (cell texts) of the one small table cell `tc` of row `tr`
    holds and nothing else beside it, in a row of a table of targets; None
    otherwise."""
    tablas = tc.findall(qn("w:tbl"))
    if len(tablas) != 1 or len(tr.tc_lst) < MIN_CELDAS_DE_FILA:
        return None
    if any(_texto(p) for p in tc.findall(qn("w:p"))) or tablas[0].find(".//" + qn("w:tbl")) is not None:
        return None
    filas = [[_texto(c) for c in fila.findall(qn("w:tc"))] for fila in tablas[0].findall(qn("w:tr"))]
    if not 1 <= len(filas) <= MAX_FILAS or not 2 <= max(len(f) for f in filas) <= MAX_COLUMNAS:
        return None
    return filas


def _rotulos(fila: list[str]) -> bool:
    """A row of sub-headers: texts, none of them a figure."""
    return any(fila) and all(leer_numero(t) is None for t in fila if t)


def _plana(filas: list[list[str]]) -> tuple[Optional[list[str]], list[str]]:
    """(sub-headers or None, values) of a small nested table, in one row:
    sub-headers over one row of values; or over rows that each open with a
    label ("" | I sem. | II sem. | Año over "Prog. | 60 | 80 | 150" and
    "Ejec. | 58 | 85 | 143": "Prog. I sem." … "Ejec. Año"); a row of
    sub-headers alone is read as values with no sub-headers of its own."""
    if len(filas) == 1 or not _rotulos(filas[0]):
        return None, filas[-1]
    if len(filas) == 2:
        return filas[0], filas[1]
    encabezado, cuerpo = filas[0], filas[1:]
    if encabezado[0] or not all(f and f[0] and leer_numero(f[0]) is None for f in cuerpo):
        return None, filas[-1]
    rotulos = [f"{f[0]} {encabezado[j]}" for f in cuerpo for j in range(1, len(encabezado))]
    return rotulos, [f[j] if j < len(f) else "" for f in cuerpo for j in range(1, len(encabezado))]


@dataclass
class Subcolumnas:
    """A grid column of the outer table read as `len(rotulos)` sub-columns."""

    rotulos: list[str]
    en_encabezado: bool  # the sub-headers are a nested table in the header row itself


def subcolumnas(filas_tr: list) -> dict[int, Subcolumnas]:
    """Grid column → its sub-columns, for the columns whose cells hold small
    nested tables of one width, with sub-headers (their first rows, or a
    nested table of sub-headers alone in the column's header cell)."""
    por_columna: dict[int, list[list[list[str]]]] = {}
    for tr in filas_tr:
        col = tr.grid_before
        for tc in tr.tc_lst:
            if (filas := subtabla(tc, tr)) is not None:
                por_columna.setdefault(col, []).append(filas)
            col += tc.grid_span
    salida = {}
    for col, tablas in por_columna.items():
        planas = [_plana(filas) for filas in tablas]
        if len({len(v) for _, v in planas}) != 1:
            continue
        primera = tablas[0]
        if len(primera) == 1 and _rotulos(primera[0]) and len(tablas) > 1:
            salida[col] = Subcolumnas(primera[0], en_encabezado=True)  # "Trim. I | … | Trim. IV" in the header cell
        elif rotulos := next((r for r, _ in planas if r is not None), None):
            salida[col] = Subcolumnas(rotulos, en_encabezado=False)
    return salida


def valores(tc, tr) -> Optional[list[str]]:
    """The values of the nested table of a cell, in one row (`_plana`)."""
    filas = subtabla(tc, tr)
    return _plana(filas)[1] if filas else None
