"""Tables printed side by side, each with its own horizontal rules.

Reports set two small tables next to each other ("Indicadores de cobertura"
| "Indicadores de calidad"), drawn with horizontal rules only. Their rows do
not line up: a name wrapped on the left makes that row taller than its
neighbour on the right. Read as one borderless table, rows of one get the
figures of the other. The rules tell them apart: each table's rules span its
own width and stop at a gutter the other's start after. The words at the
height of such tables are parted at the gutter, and each part is read alone.
"""

from __future__ import annotations

from esquemas import umbrales

_U = umbrales("carriles")  # esquemas/disposicion.yaml

MIN_ANCHO_REGLA = _U["min_ancho_regla"]  # points: shorter horizontal segments are no table rule
MIN_REGLAS = _U["min_reglas"]  # rules a table beside another must have
TOLERANCIA = _U["tolerancia"]  # points: segments whose x extents differ less than this are one table's
ENCIMA = _U["encima"]  # points above the first rule where the tables' headers and titles may stand


def _juegos(reglas: list[tuple[float, float, float]]) -> list[list[tuple[float, float, float]]]:
    """Rules (x0, x1, y) grouped by their extent: one group per table width."""
    juegos: list[list[tuple[float, float, float]]] = []
    for r in sorted(reglas):
        for juego in juegos:
            if abs(juego[0][0] - r[0]) <= TOLERANCIA and abs(juego[0][1] - r[1]) <= TOLERANCIA:
                juego.append(r)
                break
        else:
            juegos.append([r])
    return [j for j in juegos if len(j) >= MIN_REGLAS]


def _cortes(juegos: list[list[tuple[float, float, float]]]) -> list[tuple[float, float, float]]:
    """(x of the gutter, top, bottom) between each pair of rule sets side by
    side: they share heights and their extents do not overlap."""
    cortes = []
    for a in juegos:
        for b in juegos:
            if a[0][1] < b[0][0]:  # a ends before b starts
                arriba = max(min(r[2] for r in a), min(r[2] for r in b))
                abajo = min(max(r[2] for r in a), max(r[2] for r in b))
                if arriba < abajo:
                    tope = min(min(r[2] for r in a), min(r[2] for r in b))
                    fondo = max(max(r[2] for r in a), max(r[2] for r in b))
                    cortes.append(((a[0][1] + b[0][0]) / 2, tope, fondo))
    return cortes


def carriles(palabras: list[dict], bordes: list[dict]) -> list[list[dict]]:
    """The words parted into groups read alone: one per table beside
    another (its side of the gutter, at the tables' height) and one with
    the rest. One group when no tables stand side by side."""
    reglas = [(e["x0"], e["x1"], e["top"]) for e in bordes if e["x1"] - e["x0"] >= MIN_ANCHO_REGLA]
    cortes = _cortes(_juegos(reglas))
    if not cortes:
        return [palabras]
    grupos: dict[tuple, list[dict]] = {}
    for w in palabras:
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        clave: tuple = ()
        for x, tope, fondo in cortes:
            if tope - ENCIMA <= cy <= fondo + TOLERANCIA and not (w["x0"] < x < w["x1"]):
                clave += ((x, tope, cx > x),)
        grupos.setdefault(clave, []).append(w)
    return list(grupos.values())
