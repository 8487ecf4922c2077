"""pdf._indice: the index of the nearest edge, the first on a tie."""

from __future__ import annotations

import bisect
import random

from extractor.formatos.pdf import _indice


def _por_definicion(limites: list[float], v: float) -> int:
    i = bisect.bisect_left(limites, v)
    return min(range(max(i - 1, 0), min(i + 1, len(limites))), key=lambda k: abs(limites[k] - v))


def test_indice_como_por_definicion():
    azar = random.Random(11)
    for _ in range(20000):
        limites = sorted(azar.choice([0.0, 1.0, 2.5, azar.uniform(0, 10)]) for _ in range(azar.randint(1, 5)))
        v = azar.choice([0.0, 1.0, 1.75, 2.5, azar.uniform(-1, 11), float("inf")])
        assert _indice(limites, v) == _por_definicion(limites, v)
