"""The ruled cell finder (extractor/formatos/rejillas.py) gives pdfplumber's
cells, in its order."""

from __future__ import annotations

import random

from pdfplumber.table import edges_to_intersections, intersections_to_cells

from extractor.formatos import rejillas
from extractor.formatos.cajas import borde


def _rejilla_con_huecos(azar: random.Random) -> list[dict]:
    """Rules of a grid with some pieces missing, some doubled and some
    rules running past the grid: cells of every shape."""
    xs = sorted(azar.sample(range(0, 400, 10), azar.randint(2, 8)))
    ys = sorted(azar.sample(range(0, 400, 10), azar.randint(2, 8)))
    bordes = []
    for x in xs:
        for y0, y1 in zip(ys, ys[1:]):
            if azar.random() > 0.2:
                bordes.append(borde(x, y0, x, y1 + azar.choice([0, 0, 5])))
    for y in ys:
        for x0, x1 in zip(xs, xs[1:]):
            if azar.random() > 0.2:
                bordes.append(borde(x0, y, x1, y))
    bordes += azar.sample(bordes, min(len(bordes), 3))
    return bordes


def test_celdas_de_cruces_como_pdfplumber():
    azar = random.Random(17)
    for _ in range(300):
        cruces = edges_to_intersections(_rejilla_con_huecos(azar))
        assert rejillas.celdas_de_cruces(cruces) == intersections_to_cells(cruces)
