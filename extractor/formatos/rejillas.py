"""Ruled grids as a page prints them, mended before a table finder reads
them: a row the page break left open at the page's foot (its vertical rules
with no rule under them) is closed, and header lines printed without boxes
right above a grid (between two rules, or on white: a continuation page's
header in other words) become a row of boxes in its columns."""

from __future__ import annotations

from pdfplumber.table import Table, TableFinder, TableSettings, cells_to_tables, edges_to_intersections
from pdfplumber.utils import obj_to_bbox

from esquemas import umbrales
from extractor.formatos import sin_bordes
from extractor.formatos.cajas import agrupamientos, borde, columna_de, dentro, sin_marcos
from extractor.formatos.lineas import agrupar_lineas

_U = umbrales("pdf")  # esquemas/disposicion.yaml
MIN_CELDA = _U["min_celda"]  # points: rules closer than this are the same rule
MAX_FILAS_ENCABEZADO = _U["max_filas_encabezado"]  # header lines printed above a grid, at most
HUECO_FILA_HOLGADO = _U["hueco_fila_holgado"]  # line heights between two header lines, or over the grid
MIN_FILA_ABIERTA = _U["min_fila_abierta"]  # points of vertical rules under a grid's last rule: an open row


class BuscadorRayadas(TableFinder):
    """pdfplumber's TableFinder (`page.debug_tablefinder(settings)`): the
    same edges, intersections, cells and tables, with the cells found by
    `celdas_de_cruces` instead of pdfplumber's `intersections_to_cells`."""

    def __init__(self, page, settings: dict):
        self.page = page
        self.settings = TableSettings.resolve(settings)
        self.edges = self.get_edges()
        self.intersections = edges_to_intersections(
            self.edges, self.settings.intersection_x_tolerance, self.settings.intersection_y_tolerance
        )
        self.cells = celdas_de_cruces(self.intersections)
        self.tables = [Table(self.page, grupo) for grupo in cells_to_tables(self.cells)]


def celdas_de_cruces(cruces: dict) -> list[tuple]:
    """The cells pdfplumber's `intersections_to_cells` makes of the
    intersections (point -> its vertical and horizontal edges), in its
    order: for each point, in sorted order, the first point below it joined
    by a common vertical edge and the first to its right joined by a common
    horizontal edge whose corner closes the box. pdfplumber rebuilds the
    edge sets of both points at each test and scans every later point for
    those below and right; here each point's sets are built once, the
    points below and right are looked up by their column and row, and the
    points to the right are tested once per point, not once per point
    below (the test does not depend on it)."""
    verticales = {p: {obj_to_bbox(e) for e in bordes["v"]} for p, bordes in cruces.items()}
    horizontales = {p: {obj_to_bbox(e) for e in bordes["h"]} for p, bordes in cruces.items()}
    puntos = sorted(cruces)
    por_columna: dict = {}  # x -> its points, top to bottom
    por_fila: dict = {}  # top -> its points, left to right
    for p in puntos:
        por_columna.setdefault(p[0], []).append(p)
        por_fila.setdefault(p[1], []).append(p)
    celdas = []
    for p in puntos:
        debajo = [q for q in por_columna[p[0]] if q[1] > p[1] and not verticales[p].isdisjoint(verticales[q])]
        derecha = [q for q in por_fila[p[1]] if q[0] > p[0] and not horizontales[p].isdisjoint(horizontales[q])]
        celda = _primera_celda(p, debajo, derecha, verticales, horizontales)
        if celda is not None:
            celdas.append(celda)
    return celdas


def _primera_celda(p: tuple, debajo: list, derecha: list, verticales: dict, horizontales: dict) -> tuple | None:
    """The box of p with the first corner (below × right, in that order)
    joined to the point below by a horizontal edge and to the point on the
    right by a vertical one."""
    for abajo in debajo:
        for lado in derecha:
            esquina = (lado[0], abajo[1])
            if (
                esquina in verticales
                and not verticales[esquina].isdisjoint(verticales[lado])
                and not horizontales[esquina].isdisjoint(horizontales[abajo])
            ):
                return (p[0], p[1], esquina[0], esquina[1])
    return None


def con_filas_abiertas(ajustes: dict, pagina, palabras: list[dict]) -> dict:
    """The table settings with a rule closing each grid the page break left
    open: three or more vertical rules that end together with no rule along
    their feet (not even in pieces, cell by cell) and words between their
    tops and their feet (a row cut at the page's foot, its bottom rule on
    the next page). A table finder makes cells of closed boxes only: that
    row would be lost."""
    if ajustes.get("vertical_strategy") == "explicit":
        verticales = ajustes["explicit_vertical_lines"]
        horizontales = ajustes["explicit_horizontal_lines"]
    else:
        verticales = [e for e in pagina.edges if e["orientation"] == "v"]
        horizontales = [e for e in pagina.edges if e["orientation"] == "h"]
    if not all(isinstance(e, dict) for e in verticales + horizontales):
        return ajustes
    cierres = []
    for fondo in _grupos([v["bottom"] for v in verticales]):
        juntas = [v for v in verticales if abs(v["bottom"] - fondo) <= MIN_CELDA]
        xs = _grupos([v["x0"] for v in juntas])
        tope = max(v["top"] for v in juntas)
        if len(xs) < 3 or fondo - tope < MIN_FILA_ABIERTA:
            continue
        al_pie = [h for h in horizontales if abs(h["top"] - fondo) <= MIN_CELDA]
        cubierto = sum(max(0.0, min(h["x1"], xs[-1]) - max(h["x0"], xs[0])) for h in al_pie)
        if cubierto >= (xs[-1] - xs[0]) / 2:
            continue  # closed: its rule is there, whole or cell by cell
        if any(xs[0] < w["x0"] and w["x1"] < xs[-1] and tope < w["top"] and w["bottom"] < fondo for w in palabras):
            cierres.append(borde(xs[0], fondo, xs[-1], fondo))
    if not cierres:
        return ajustes
    return {**ajustes, "explicit_horizontal_lines": list(ajustes.get("explicit_horizontal_lines", [])) + cierres}


def con_encabezado_suelto(
    partes: list[tuple[tuple, list[tuple]]], palabras: list[dict]
) -> list[tuple[tuple, list[tuple]]]:
    """Each ruled table with the header lines printed without boxes right
    above it (between two rules, or on white) as a row of boxes in its
    columns: up to MAX_FILAS_ENCABEZADO lines, close to each other and to
    the grid, inside its width, no word over one of its column rules and no
    two words of different columns a space apart (a title or a sentence runs
    over the columns), more words than figures, and together with words in
    half its columns or more (three at least)."""
    fuera = [w for w in palabras if not any(dentro(w, b) for b, _ in partes)]  # once: not per table
    salida = []
    for bbox, casillas in partes:
        recuadros = sin_marcos(casillas)
        xs = _grupos([x for b in recuadros if b[1] <= bbox[1] + MIN_CELDA for x in (b[0], b[2])])
        encima = [
            w
            for w in fuera
            if w["bottom"] <= bbox[1] + 1 and xs and xs[0] - MIN_CELDA <= w["x0"] and w["x1"] <= xs[-1] + MIN_CELDA
        ]
        lineas: list = []
        for linea in reversed(agrupar_lineas(encima)):
            alto = max(linea.bottom - linea.top, 1.0)
            debajo = lineas[0].top if lineas else bbox[1]
            cifras = sum(sin_bordes.es_cifra_no_anio(w["text"]) for w in linea.palabras)
            if (
                len(lineas) == MAX_FILAS_ENCABEZADO
                or debajo - linea.bottom > HUECO_FILA_HOLGADO * alto
                or any(w["x0"] + MIN_CELDA < x < w["x1"] - MIN_CELDA for w in linea.palabras for x in xs)
                or _seguidas_entre_columnas(linea, xs)
                or 2 * cifras >= len(linea.palabras)
            ):
                break
            lineas.insert(0, linea)
        columnas = {columna_de(xs, (w["x0"] + w["x1"]) / 2) for linea in lineas for w in linea.palabras}
        if len(xs) < 4 or len(columnas) < max(3, (len(xs) - 1) / 2):
            salida.append((bbox, casillas))
            continue
        tope = lineas[0].top - 1
        cajas = [(a, tope, b, bbox[1]) for a, b in zip(xs, xs[1:])]
        salida.append(((bbox[0], tope, bbox[2], bbox[3]), cajas + list(casillas)))
    return salida


def _seguidas_entre_columnas(linea, xs: list[float]) -> bool:
    """Two words next to each other in different columns no farther apart
    than a space: running text over the columns, not cells."""
    espacio = sin_bordes.HUECO_PALABRA * max(linea.bottom - linea.top, 1.0)
    return any(
        b["x0"] - a["x1"] < espacio
        and columna_de(xs, (a["x0"] + a["x1"]) / 2) != columna_de(xs, (b["x0"] + b["x1"]) / 2)
        for a, b in zip(linea.palabras, linea.palabras[1:])
    )


def _grupos(valores: list[float]) -> list[float]:
    return agrupamientos(valores, MIN_CELDA)
