"""Geometry of boxes and words that the table readers ask many times per
page, answered without comparing every pair: boxes that frame others, and
the words whose centre lies in a box. Each gives exactly what the plain
pairwise test gives (the same comparisons, on fewer candidates)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

# Candidates are picked with this much slack around the exact test: the
# exact comparisons then decide (float rounding of ±1 is far smaller).
_HOLGURA = 1e-6


def _encierra(a: tuple, b: tuple) -> bool:
    """a frames b (1 point of tolerance), a and b not the same box object."""
    return a is not b and a[0] <= b[0] + 1 and a[1] <= b[1] + 1 and a[2] >= b[2] - 1 and a[3] >= b[3] - 1


# The readers of a page ask for the same cells up to five times (bands,
# ruled table, rows below, subtables, loose header): the last answers, by
# the identity of the boxes asked about (kept alive here, so their ids
# stay theirs).
_RECIENTES: list[tuple[tuple[int, ...], tuple, list[tuple]]] = []
MAX_RECIENTES = 8


def sin_marcos(cajas: list[tuple]) -> list[tuple]:
    """Drop boxes that enclose two or more other boxes (with 1 point of
    tolerance): a frame drawn around a block of the table (or the page) is
    not a cell of it. A box b framed by a lies, on each axis, between a's
    edges widened by 1: only those boxes are tested, looked up by their
    top and by their left edge (whichever range is shorter)."""
    if not all(type(c) is tuple for c in cajas):  # a box that may change: asked anew
        return _sin_marcos(cajas)
    clave = tuple(map(id, cajas))
    for vista, _, salida in _RECIENTES:
        if vista == clave:
            return list(salida)
    salida = _sin_marcos(cajas)
    if len(_RECIENTES) >= MAX_RECIENTES:
        _RECIENTES.pop(0)
    _RECIENTES.append((clave, tuple(cajas), salida))
    return list(salida)


MAX_TARJETAS = 60  # boxes compared in threes at most (a page's cards, not a table's cells)


def tarjetas_sin_marcos(cajas: list[tuple]) -> list[tuple]:
    """`sin_marcos` for a page's cards: a box is a frame when it holds two
    boxes side by side; a card holding a ring drawn as two circles, one
    inside the other, holds one drawing."""
    if len(cajas) > MAX_TARJETAS:
        return sin_marcos(cajas)
    salida = []
    for a in cajas:
        if any(_cruza(a, b) for b in cajas):
            continue  # a box across a smaller one's edge is no card (a column's drawing spilling over two)
        dentro = [b for b in cajas if _encierra(a, b)]
        if not any(
            _encierra(a, b) and not _encierra(b, c) and not _encierra(c, b)
            for b in dentro
            for c in dentro
            if c is not b
        ):
            salida.append(a)
    return salida


def _cruza(a: tuple, b: tuple) -> bool:
    """b is smaller than a and they overlap, neither framing the other."""
    solapan = min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1
    mayor = (a[2] - a[0]) * (a[3] - a[1]) > (b[2] - b[0]) * (b[3] - b[1])
    return solapan and mayor and not _encierra(a, b) and not _encierra(b, a)


def _sin_marcos(cajas: list[tuple]) -> list[tuple]:
    n = len(cajas)
    if n < 16 or not all(
        math.isfinite(c[0])
        and math.isfinite(c[1])
        and math.isfinite(c[2])
        and math.isfinite(c[3])
        and c[0] <= c[2]
        and c[1] <= c[3]
        for c in cajas
    ):
        return [a for a in cajas if sum(_encierra(a, b) for b in cajas) < 2]
    por_x = sorted(range(n), key=lambda i: cajas[i][0])
    xs = [cajas[i][0] for i in por_x]
    por_y = sorted(range(n), key=lambda i: cajas[i][1])
    ys = [cajas[i][1] for i in por_y]
    salida = []
    for a in cajas:
        x_de, x_a = bisect_left(xs, a[0] - 1 - _HOLGURA), bisect_right(xs, a[2] + 1 + _HOLGURA)
        y_de, y_a = bisect_left(ys, a[1] - 1 - _HOLGURA), bisect_right(ys, a[3] + 1 + _HOLGURA)
        candidatas = por_x[x_de:x_a] if x_a - x_de <= y_a - y_de else por_y[y_de:y_a]
        cuenta = 0
        for i in candidatas:
            if _encierra(a, cajas[i]):
                cuenta += 1
                if cuenta == 2:
                    break
        if cuenta < 2:
            salida.append(a)
    return salida


class Centros:
    """The words of a page by the height of their centre, to find the words
    whose centre lies inside a box (edges included), in the page's order."""

    __slots__ = ("palabras", "ys", "centros")

    def __init__(self, palabras: list[dict]):
        self.palabras = palabras
        centros = [((w["top"] + w["bottom"]) / 2, (w["x0"] + w["x1"]) / 2, i) for i, w in enumerate(palabras)]
        # a centre that is not a number is inside no box
        self.centros = sorted(c for c in centros if not math.isnan(c[0]))
        self.ys = [c[0] for c in self.centros]

    def dentro(self, caja) -> list[dict]:
        """The words whose centre is in `caja` (x0, top, x1, bottom), as
        `[w for w in palabras if caja[0] <= cx <= caja[2] and caja[1] <= cy <= caja[3]]`."""
        x0, y0, x1, y1 = caja[0], caja[1], caja[2], caja[3]
        de, a = bisect_left(self.ys, y0), bisect_right(self.ys, y1)
        indices = [i for cy, cx, i in self.centros[de:a] if x0 <= cx <= x1 and y0 <= cy <= y1]
        indices.sort()
        palabras = self.palabras
        return [palabras[i] for i in indices]


def agrupamientos(valores: list[float], tolerancia: float) -> list[float]:
    """The values sorted, each closer than `tolerancia` to the one kept
    before it left out: the distinct edges of a grid."""
    salida: list[float] = []
    for v in sorted(valores):
        if not salida or v - salida[-1] > tolerancia:
            salida.append(v)
    return salida


def contiene(caja: tuple, bbox: tuple, holgura: float = 2.0) -> bool:
    """`bbox` lies inside `caja` (x0, top, x1, bottom), `holgura` points of tolerance on each side."""
    return (
        caja[0] - holgura <= bbox[0]
        and bbox[2] <= caja[2] + holgura
        and caja[1] - holgura <= bbox[1]
        and bbox[3] <= caja[3] + holgura
    )


def union(cajas) -> tuple:
    """The box (x0, top, x1, bottom) around some boxes (at least one)."""
    cajas = list(cajas)
    return (min(c[0] for c in cajas), min(c[1] for c in cajas), max(c[2] for c in cajas), max(c[3] for c in cajas))


def dentro(palabra: dict, bbox) -> bool:
    """The word's centre lies in the box."""
    cx = (palabra["x0"] + palabra["x1"]) / 2
    cy = (palabra["top"] + palabra["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def columna_de(xs: list[float], x: float) -> int:
    """The column between consecutive edges `xs` that holds `x`."""
    return min(max(bisect_right(xs, x) - 1, 0), len(xs) - 2)


def borde(x0: float, tope: float, x1: float, abajo: float) -> dict:
    """A ruling line as pdfplumber describes an edge (a horizontal one when
    tope == abajo)."""
    return {
        "x0": x0,
        "x1": x1,
        "top": tope,
        "bottom": abajo,
        "doctop": tope,
        "width": x1 - x0,
        "height": abajo - tope,
        "orientation": "h" if tope == abajo else "v",
        "object_type": "line_edge",
    }
