"""Rows printed without a rule between them inside one ruled row of a
table: a financial report rules its group rows only, and the detail rows
under each group are lines of text in the same boxes ("2.1.1.01.001.01 |
Sueldo básico | 1.486.320.000,00 …" and the next rubro one line lower). A
name that wraps onto a second line ("Otros bienes transportables (excepto
productos metálicos," / "maquinaria y equipo)") makes counting lines
useless; the figures tell the rows: each line of figures starts one."""

from __future__ import annotations

from esquemas import umbrales
from extractor.castellano.cortes import numero_cortado
from extractor.formatos.cajas import Centros, agrupamientos
from extractor.formatos.lineas import agrupar_lineas
from extractor.formatos.sin_bordes import es_cifra_no_anio

_U = umbrales("filas_sin_regla")  # esquemas/disposicion.yaml
MIN_CELDA = _U["min_celda"]  # points: edges closer than this are the same
ALINEADA = _U["alineada"]  # points: two lines this close in height start the same row
MIN_COLUMNAS_DE_CIFRAS = _U["min_columnas_de_cifras"]  # boxes of figures, one per line, that make the rows


def _de_cifras(lineas) -> bool:
    return all(es_cifra_no_anio(w["text"]) for l in lineas for w in l.palabras)


def _una_cifra_partida(lineas) -> bool:
    """Lines that are one figure the cell's width broke ("68.50" / "0"): not rows."""
    return any(numero_cortado(a.palabras[-1]["text"], b.palabras[0]["text"]) for a, b in zip(lineas, lineas[1:]))


def _inicios(cajas: list[tuple], centros: Centros) -> list[float] | None:
    """The tops of the rows one ruled row holds (see the module), or None:
    two or more boxes hold a figure on each of their lines, the same number
    of lines (two or more) at the same heights, none of them a figure cut
    in two; every row has a line of
    text in another box at its height (a code, a name: not a figure with
    its share under it); and every box with words starts at the first row."""
    lineas = [agrupar_lineas(centros.dentro(c)) for c in cajas]
    de_cifras = [ls for ls in lineas if len(ls) >= 2 and _de_cifras(ls)]
    if len(de_cifras) < MIN_COLUMNAS_DE_CIFRAS or any(_una_cifra_partida(ls) for ls in de_cifras):
        return None
    inicios = [l.top for l in de_cifras[0]]
    for ls in de_cifras[1:]:
        if len(ls) != len(inicios) or any(abs(l.top - t) > ALINEADA for l, t in zip(ls, inicios)):
            return None
    de_texto = [ls for ls in lineas if ls and not _de_cifras(ls)]
    if any(abs(ls[0].top - inicios[0]) > ALINEADA for ls in lineas if ls):
        return None
    if not all(any(abs(l.top - t) <= ALINEADA for ls in de_texto for l in ls) for t in inicios):
        return None
    return inicios


def con_filas_sin_regla(cajas: list[tuple], centros: Centros) -> list[tuple]:
    """The cell boxes (x0, top, x1, bottom) with each ruled row that holds
    several rows without rules (see the module) cut into them: each cut a
    point above a row's first line, so a wrapped name stays in the row it
    starts in."""
    ys = agrupamientos([c[1] for c in cajas] + [c[3] for c in cajas], MIN_CELDA)
    por_fila: dict[int, list[tuple]] = {}
    for c in cajas:
        arriba = next(k for k, y in enumerate(ys) if abs(y - c[1]) <= MIN_CELDA)
        if abs(ys[min(arriba + 1, len(ys) - 1)] - c[3]) <= MIN_CELDA:  # one ruled row high
            por_fila.setdefault(arriba, []).append(c)
    cortes: dict[tuple, list[float]] = {}
    for fila in por_fila.values():
        inicios = _inicios(fila, centros)
        if inicios is not None:
            for c in fila:
                cortes[c] = [t - 1.0 for t in inicios[1:]]
    if not cortes:
        return cajas
    salida = []
    for c in cajas:
        bordes = [c[1], *cortes.get(c, []), c[3]]
        salida += [(c[0], arriba, c[2], abajo) for arriba, abajo in zip(bordes, bordes[1:])]
    return salida
