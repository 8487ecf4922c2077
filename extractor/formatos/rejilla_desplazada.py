"""A ruled table whose header was drawn on a grid of its own: the header's
column rules a few points off the body's (a financial system prints its
report header and the body as two frames, one under the other). A table
finder takes every rule as a column edge, so each body cell spans two
columns and each header cell sits on columns no figure is under. The
header's cell boxes get the body's edges: each header rule moves onto the
body rule closest to it, when the two are each other's closest and the
offset is small beside the body's columns."""

from __future__ import annotations

from esquemas import umbrales
from extractor.formatos.cajas import agrupamientos

_U = umbrales("rejilla_desplazada")  # esquemas/disposicion.yaml
MIN_CELDA = _U["min_celda"]  # points: edges closer than this are the same
MAX_FILAS_ENCABEZADO = _U["max_filas_encabezado"]  # header rows above the cut
MAX_DESFASE = _U["max_desfase"]  # share of the narrowest body column next to the rule: the most a header rule is off


def _cercano(x: float, candidatos: list[float]) -> float:
    return min(candidatos, key=lambda c: abs(c - x))


def _pares(arriba: list[float], abajo: list[float]) -> dict[float, float] | None:
    """Each header edge that is no body edge → the body edge it stands for;
    None when one has no such partner (the header divides the columns in
    its own way: a real structure, left alone). Empty when the grids agree."""
    solo_arriba = [x for x in arriba if all(abs(x - y) > MIN_CELDA for y in abajo)]
    solo_abajo = [y for y in abajo if all(abs(y - x) > MIN_CELDA for x in arriba)]
    if not solo_arriba:
        return {}
    if not solo_abajo:
        return None
    pares = {}
    for x in solo_arriba:
        y = _cercano(x, solo_abajo)
        if _cercano(y, solo_arriba) != x:
            return None
        k = abajo.index(y)
        vecinas = [abajo[j + 1] - abajo[j] for j in (k - 1, k) if 0 <= j < len(abajo) - 1]
        if not vecinas or abs(x - y) > MAX_DESFASE * min(vecinas):
            return None
        pares[x] = y
    return pares


def con_encabezado_en_la_rejilla(cajas: list[tuple]) -> list[tuple]:
    """The cell boxes (x0, top, x1, bottom) with the header's edges moved
    onto the body's, when the header was drawn on a grid of its own (see
    the module); as they are otherwise. The header is the boxes above the
    highest line no box crosses, with up to MAX_FILAS_ENCABEZADO rows."""
    if len(cajas) < 4:
        return cajas
    ys = agrupamientos([c[1] for c in cajas] + [c[3] for c in cajas], MIN_CELDA)
    for fila, corte in enumerate(ys[1:-1], start=1):
        if fila > MAX_FILAS_ENCABEZADO:
            break
        arriba = [c for c in cajas if c[3] <= corte + MIN_CELDA]
        abajo = [c for c in cajas if c[1] >= corte - MIN_CELDA]
        if len(arriba) + len(abajo) != len(cajas) or not abajo:
            continue  # a box crosses the line
        bordes_arriba = agrupamientos([x for c in arriba for x in (c[0], c[2])], MIN_CELDA)
        bordes_abajo = agrupamientos([x for c in abajo for x in (c[0], c[2])], MIN_CELDA)
        pares = _pares(bordes_arriba, bordes_abajo)
        if pares is None:
            return cajas
        if not pares:
            continue

        def movido(x: float) -> float:
            return next((y for a, y in pares.items() if abs(a - x) <= MIN_CELDA), x)

        return [(movido(c[0]), c[1], movido(c[2]), c[3]) for c in arriba] + abajo
    return cajas
