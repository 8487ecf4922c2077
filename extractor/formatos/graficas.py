"""Bar charts drawn as vector graphics, read as the table they show.

A management report often gives a sector's target and execution only as a
grouped bar chart ("Meta 2024" in blue, "Ejecutado 2024" in orange) with the
values printed over the bars (data labels). Such a chart is a table: one row
per category (the label under each group of bars), one column per series
(the text beside each colour's square in the legend), each cell the label
over its bar. It is read when the drawing says so unambiguously:

- bars are filled rectangles standing on one baseline (their bottoms level),
  at least MIN_BARRAS of them;
- every bar's colour has a legend square (a small filled square of the
  same colour, off the baseline) with words to its right: the series;
- the bars fall into groups along the baseline, at most one bar of each
  series per group; a bar too short to draw (a zero) is missing, and its
  label is looked for where the series' bar stands in the other groups.

The chart's words (legend, category labels, data labels, the axis' ticks)
leave the page's words: they are in the table now, or are scale.
Line charts, pies and charts without a legend are left as they are.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from extractor.formatos.cajas import union
from extractor.modelo import Celda, Tabla

from esquemas import umbrales

_U = umbrales("graficas")  # esquemas/disposicion.yaml

MIN_BARRAS = _U["min_barras"]  # bars on one baseline that make a chart
MIN_CUADRO_LEYENDA, MAX_CUADRO_LEYENDA = _U["cuadro_leyenda"]  # points: sides of a legend's colour square
MIN_ANCHO_BARRA = _U["min_ancho_barra"]  # points: a narrower filled rectangle is a rule
DIFERENCIA_ANCHO = _U["diferencia_ancho"]  # the widest bar of a chart is at most this share wider than the narrowest
ALTO_ETIQUETA = _U["alto_etiqueta"]  # points above a bar's top where its label may sit
HUECO_PALABRAS = _U["hueco_palabras"]  # points between words of one legend entry
TOLERANCIA = 1.0  # points: bottoms this close stand on one baseline
RAIZ = 5  # letters of a word's stem when a chart's labels are matched to a table's names
BLANCO = 240  # a fill whose every channel is this light is paper, not a bar
_CIFRA = re.compile(r"^\$?\s?[-(]?\d[\d.,']*\)?\s?%?$")


@dataclass(frozen=True, slots=True)
class Rectangulo:
    """A filled rectangle of the page: (x0, top, x1, bottom) in pdfplumber's
    space and its fill colour (r, g, b rounded)."""

    x0: float
    top: float
    x1: float
    bottom: float
    color: tuple


def _es_cifra(w: dict) -> bool:
    return bool(_CIFRA.match(w["text"]))


def _centro(w: dict) -> float:
    return (w["x0"] + w["x1"]) / 2


def _de_un_ancho(barras: list[Rectangulo]) -> bool:
    """Bars of one chart are as wide as each other (cells' fills and rules are not)."""
    anchos = [b.x1 - b.x0 for b in barras]
    return min(anchos) >= MIN_ANCHO_BARRA and max(anchos) <= (1 + DIFERENCIA_ANCHO) * min(anchos)


def _cuadro(r: Rectangulo) -> bool:
    """A legend's colour square (or a short, squat mark)."""
    ancho, alto = r.x1 - r.x0, r.bottom - r.top
    return MIN_CUADRO_LEYENDA <= min(ancho, alto) and max(ancho, alto) <= MAX_CUADRO_LEYENDA


def _leyenda(cuadros: list[Rectangulo], palabras: list[dict]) -> dict[tuple, tuple[str, list[dict]]]:
    """{colour: (series name, its words)} of the legend squares with words to their right."""
    series: dict[tuple, tuple[str, list[dict]]] = {}
    for c in cuadros:
        medio = (c.top + c.bottom) / 2
        en_linea = sorted(
            (w for w in palabras if w["top"] - 2 <= medio <= w["bottom"] + 2 and w["x0"] >= c.x1 - 1),
            key=lambda w: w["x0"],
        )
        tomadas: list[dict] = []
        borde = c.x1
        for w in en_linea:
            if w["x0"] - borde > (HUECO_PALABRAS if tomadas else 2 * HUECO_PALABRAS):
                break
            if any(
                o is not c and o.x0 >= borde - 1 and o.x1 <= w["x0"] + 1 and abs((o.top + o.bottom) / 2 - medio) < 3
                for o in cuadros
            ):
                break  # the next entry's square comes first
            tomadas.append(w)
            borde = w["x1"]
        if tomadas and c.color not in series:
            series[c.color] = (" ".join(w["text"] for w in tomadas), tomadas)
    return series


def _grupos(barras: list[Rectangulo]) -> list[list[Rectangulo]]:
    """Bars side by side split where the gap between two is wider than a
    bar's half width, or where a series' colour comes again (groups packed
    close: one bar of each series per group)."""
    barras = sorted(barras, key=lambda b: b.x0)
    ancho = statistics.median(b.x1 - b.x0 for b in barras)
    grupos = [[barras[0]]]
    for b in barras[1:]:
        if b.x0 - grupos[-1][-1].x1 > ancho / 2 or any(o.color == b.color for o in grupos[-1]):
            grupos.append([b])
        else:
            grupos[-1].append(b)
    return grupos


def tablas_de_graficas(
    rectangulos: list[Rectangulo], palabras: list[dict], n_pagina: int
) -> tuple[list[tuple[float, Tabla]], list[dict]]:
    """The tables (top, Tabla) of the bar charts of a page and the page's
    words without the charts' words."""
    tablas: list[tuple[float, Tabla]] = []
    for tumbada in (False, True):  # bars standing on a baseline, then bars lying from an axis on the left
        cajas = [_tumbado(r) for r in rectangulos] if tumbada else rectangulos
        por_base: dict[float, list[Rectangulo]] = {}
        for r in cajas:
            base = next((b for b in por_base if abs(b - r.bottom) <= TOLERANCIA), r.bottom)
            por_base.setdefault(base, []).append(r)
        for base, barras in por_base.items():
            if len(barras) < MIN_BARRAS or not _de_un_ancho(barras):
                continue
            # the legend is read as printed: its squares are off the baseline
            cuadros = [o for r, o in zip(cajas, rectangulos) if r.bottom < base - TOLERANCIA and _cuadro(o)]
            series = _leyenda(cuadros, palabras)
            if not series or any(b.color not in series for b in barras):
                continue
            vistas = [_tumbada(w) for w in palabras] if tumbada else palabras
            leida = _grafica(base, barras, series, vistas, n_pagina)
            if leida is not None:
                tabla, usadas = leida
                usadas |= {id(w["_original"]) for w in vistas if id(w) in usadas and "_original" in w}
                # as printed, from its legend or its tallest bar down: text beside the chart comes after it
                tope = min(
                    [o.top for r, o in zip(cajas, rectangulos) if r in barras]
                    + [w.get("_original", w)["top"] for _, palabras_serie in series.values() for w in palabras_serie]
                )
                tablas.append((tope, tabla))
                palabras = [w for w in palabras if id(w) not in usadas]
    return tablas, palabras


def _tumbado(r: Rectangulo) -> Rectangulo:
    """A rectangle turned a quarter so that a bar lying from an axis on the
    left stands on a baseline: x becomes the top, the top becomes x."""
    return Rectangulo(r.top, -r.x1, r.bottom, -r.x0, r.color)


def _tumbada(w: dict) -> dict:
    """A word turned as `_tumbado` turns a rectangle, keeping the word as printed."""
    return dict(w, x0=w["top"], x1=w["bottom"], top=-w["x1"], bottom=-w["x0"], _original=w)


def _grafica(
    base: float, barras: list[Rectangulo], series: dict, palabras: list[dict], n_pagina: int
) -> tuple[Tabla, set[int]] | None:
    """One chart's table and the ids of its words, or None when its bars
    do not make groups with one bar of each series at most."""
    colores = [c for c in series if any(b.color == c for b in barras)]
    colores.sort(key=lambda c: min(w["x0"] for w in series[c][1]))  # legend order, left to right
    grupos = _grupos(barras)
    if any(len({b.color for b in g}) != len(g) for g in grupos):
        return None  # two bars of one series side by side: stacked or another drawing
    # where each series' bar stands in its group (for a bar missing because it is zero)
    desplazamientos = {
        c: statistics.median(b.x0 - g[0].x0 for g in grupos if len(g) == len(colores) for b in g if b.color == c)
        for c in colores
        if any(len(g) == len(colores) for g in grupos)
    }
    ancho = statistics.median(b.x1 - b.x0 for b in barras)
    usadas: set[int] = set()
    filas: list[tuple[str, list[dict], list[dict | None]]] = []
    for g in grupos:
        inicio = min(b.x0 - desplazamientos.get(b.color, 0.0) for b in g)
        etiquetas: list[dict | None] = []
        for c in colores:
            barra = next((b for b in g if b.color == c), None)
            if barra is not None:
                x0, x1, tope = barra.x0, barra.x1, barra.top
            elif c in desplazamientos:
                x0, tope = inicio + desplazamientos[c], base
                x1 = x0 + ancho
            else:
                etiquetas.append(None)
                continue
            etiqueta = next(
                (
                    w
                    for w in palabras
                    if _es_cifra(w)
                    and id(w) not in usadas
                    and tope - ALTO_ETIQUETA <= w["bottom"] <= tope + TOLERANCIA
                    and x0 - 2 <= _centro(w) <= x1 + 2
                ),
                None,
            )
            if etiqueta is not None:
                usadas.add(id(etiqueta))
            etiquetas.append(etiqueta)
        # the group's extent, with the place of a bar missing at its end
        izquierda = min(b.x0 for b in g)
        derecha = max([b.x1 for b in g] + [inicio + d + ancho for d in desplazamientos.values()])
        categoria = _categoria(palabras, base, izquierda - ancho / 2, derecha + ancho / 2)
        usadas.update(id(w) for w in categoria)
        impresas = sorted((w.get("_original", w) for w in categoria), key=lambda w: (round(w["top"]), w["x0"]))
        filas.append((" ".join(w["text"] for w in impresas), categoria, etiquetas))
    if 2 * sum(e is not None for *_, etiquetas in filas for e in etiquetas) < len(barras):
        return None  # most bars carry their value: a chart with data labels
    for _, palabras_serie in series.values():
        usadas.update(id(w) for w in palabras_serie)
    tope = min(b.top for b in barras)
    izquierda = min(b.x0 for b in barras)
    # the axis' ticks: figures left of the bars, from the top of the chart to its baseline
    usadas.update(
        id(w)
        for w in palabras
        if _es_cifra(w) and w["x1"] <= izquierda and tope - 2 * ALTO_ETIQUETA <= w["top"] <= base + TOLERANCIA
    )
    celdas = [Celda(texto="", fila=0, columna=0, pagina=n_pagina)]
    for k, c in enumerate(colores, start=1):
        celdas.append(Celda(texto=series[c][0], fila=0, columna=k, pagina=n_pagina, bbox=_caja(series[c][1])))
    for r, (nombre, palabras_nombre, etiquetas) in enumerate(filas, start=1):
        celdas.append(Celda(texto=nombre, fila=r, columna=0, pagina=n_pagina, bbox=_caja(palabras_nombre)))
        for k, e in enumerate(etiquetas, start=1):
            texto, caja = (e["text"], _caja([e])) if e else ("", None)
            celdas.append(Celda(texto=texto, fila=r, columna=k, pagina=n_pagina, bbox=caja))
    return Tabla(indice=0, celdas=celdas), usadas


def _categoria(palabras: list[dict], base: float, izquierda: float, derecha: float) -> list[dict]:
    """The words of a group's label: the lines right under the baseline
    whose words are centred over the group, down to the first gap."""
    debajo = sorted(
        (w for w in palabras if w["top"] >= base - TOLERANCIA and izquierda <= _centro(w) <= derecha),
        key=lambda w: (w["top"], w["x0"]),
    )
    tomadas: list[dict] = []
    fondo = base
    for w in debajo:
        alto = w["bottom"] - w["top"]
        if tomadas and w["top"] <= tomadas[-1]["top"] + alto / 2:
            tomadas.append(w)  # same line
        elif w["top"] - fondo <= (1.0 * alto if tomadas else 1.5 * alto) and not (
            tomadas and _NUMERO_DE_PAGINA.match(w["text"])
        ):
            tomadas.append(w)
        else:
            break  # (the page's footer right under the chart, "Página 1 de 2", is no label's second line)
        fondo = max(fondo, w["bottom"])
    return tomadas


_NUMERO_DE_PAGINA = re.compile(r"^(?:p[aá]gina|p[aá]g\.?)$", re.IGNORECASE)


def _caja(palabras: list[dict]) -> tuple[float, float, float, float] | None:
    """The box of some words as printed."""
    if not palabras:
        return None
    impresas = (w.get("_original", w) for w in palabras)
    return union((w["x0"], w["top"], w["x1"], w["bottom"]) for w in impresas)


def rectangulos_de_pdfium(page) -> list[Rectangulo]:
    """The filled, coloured rectangles drawn on a pdfium page (its own
    paths, on a page read as it lies), in pdfplumber's space."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    if page.get_rotation() % 360:
        return []
    mx0, _, _, my1 = page.get_mediabox()
    izq, abajo, der, arriba = (ctypes.c_float() for _ in range(4))
    rgba = [ctypes.c_uint() for _ in range(4)]
    relleno, trazo = ctypes.c_int(), ctypes.c_int()
    salida = []
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        objeto = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if pdfium_c.FPDFPageObj_GetType(objeto) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if pdfium_c.FPDFPath_CountSegments(objeto) > 5:
            continue  # not a rectangle
        if not pdfium_c.FPDFPath_GetDrawMode(objeto, relleno, trazo) or not relleno.value:
            continue
        if not pdfium_c.FPDFPageObj_GetFillColor(objeto, *rgba) or not rgba[3].value:
            continue
        color = tuple(v.value for v in rgba[:3])
        if not pdfium_c.FPDFPageObj_GetBounds(objeto, izq, abajo, der, arriba):
            continue
        salida.append(Rectangulo(izq.value - mx0, my1 - arriba.value, der.value - mx0, my1 - abajo.value, color))
    return [r for r in salida if min(r.color) < BLANCO]


def rectangulos_de_pdfplumber(pagina) -> list[Rectangulo]:
    """The same, from pdfplumber's rects (colours as 0-255 RGB)."""
    salida = []
    for r in pagina.rects:
        color = r.get("non_stroking_color")
        color = (color,) if isinstance(color, (int, float)) else color  # a grey, as one number
        if not r.get("fill") or not isinstance(color, (tuple, list)) or len(color) not in (1, 3):
            continue
        rgb = tuple(round(float(v) * 255) for v in (tuple(color) * 3 if len(color) == 1 else color))
        if min(rgb) < BLANCO:
            salida.append(Rectangulo(r["x0"], r["top"], r["x1"], r["bottom"], rgb))
    return salida


def _raices(texto: str) -> set[str]:
    """The stems of a name's words (their first RAIZ letters; acronyms
    whole), without what it says in brackets (a unit: "(metros lineales)")."""
    return {
        w.lower()[:RAIZ] if len(w) >= 4 else w.lower()
        for w in re.findall(r"[^\W\d_]+", re.sub(r"\([^)]*\)", " ", texto))
        if len(w) >= 4 or (len(w) >= 2 and w.isupper())
    }


def nombrar_con_tablas(de_graficas: list[tuple[float, Tabla]], tablas: list[tuple[float, Tabla]]) -> None:
    """A chart drawn from a table of the same page lists its rows, in their
    order, by short labels ("Sedes educativas mejoradas" for "Sedes
    educativas con mejoramiento de infraestructura física"): when every
    category of the chart shares a word stem with a cell of a distinct row
    of one table, rows in the same order, the category takes that cell's
    text (the indicator's full name), so that the chart's figures join the
    table's under one name."""
    for _, grafica in de_graficas:
        categorias = [c for c in grafica.celdas if c.columna == 0 and c.fila > 0]
        for _, tabla in tablas:
            nombres = _emparejar([_raices(c.texto) for c in categorias], tabla)
            if nombres is not None:
                for categoria, nombre in zip(categorias, nombres):
                    categoria.texto = nombre
                break


def _emparejar(categorias: list[set[str]], tabla: Tabla) -> list[str] | None:
    """The texts of the best cells of distinct rows of `tabla`, in row
    order, one per category, or None when some category has no row."""
    filas: dict[int, list[Celda]] = {}
    for c in tabla.celdas:
        filas.setdefault(c.fila, []).append(c)
    nombres: list[str] = []
    siguiente = 0
    for raices in categorias:
        if not raices:
            return None
        hallada = None
        for fila in sorted(f for f in filas if f >= siguiente):
            # the cell sharing most stems; of those, the longest (a name, not its unit)
            puntos, _, celda = max(
                ((len(raices & _raices(c.texto)), len(c.texto), c) for c in filas[fila]), key=lambda p: p[:2]
            )
            if puntos:
                hallada = (fila, celda)
                break
        if hallada is None:
            return None
        nombres.append(hallada[1].texto)
        siguiente = hallada[0] + 1
    return nombres
