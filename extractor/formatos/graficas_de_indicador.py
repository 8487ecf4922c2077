"""A bar chart of one indicator, read as a one-row table.

Reports often draw each indicator as its own small chart: a title (the
indicator), maybe a line "Cumplimiento 2024: 96,7 %", and a few bars whose
categories under the baseline are the measures ("Meta 2024", "Ejecutado
2024"), each bar labelled with its value, inside or above it. A bar may be a
stack of segments (the semesters of what was executed), each labelled inside,
the stack's total above it, the segments named by a legend of words to the
right of the bars, listed top to bottom as they are stacked.

Such a chart is the table

    (title)  | Meta 2024 | Ejecutado 2024 | Ejecutado 2024 ene–jun | … | Cumplimiento 2024
    Productores … |  420  |      406       |          180           | … |      96,7 %

and is read when the drawing says so: at least two values, every bar (or
segment) labelled, and each bar's height proportional to its value on one
scale (the check that rules out a row of filled boxes that merely hold
figures). Charts with a legend of colour squares are graficas.py's.
"""

from __future__ import annotations

import re
import statistics
from typing import Optional

from esquemas import umbrales
from extractor.castellano.numeros import leer_numero
from extractor.formatos.graficas import (
    ALTO_ETIQUETA,
    MIN_ANCHO_BARRA,
    TOLERANCIA,
    Rectangulo,
    _caja,
    _categoria,
    _es_cifra,
    _tumbada,
    _tumbado,
)
from extractor.modelo import Celda, Tabla

_U = umbrales("graficas")  # esquemas/disposicion.yaml
ESCALA = _U["escala_de_indicador"]  # bars' height per unit may differ by this share at most
SEPARACION = _U["separacion_de_indicador"]  # bar widths of blank between two charts side by side, at least
HUECO_MIN = 0.25  # bar widths of blank between two bars of a chart, at least
MAX_LINEAS_TITULO = 4  # lines of a chart's title and its fields above the bars
HUECO_TITULO = 4 * ALTO_ETIQUETA  # points between the bars' top and the title's last line, at most
_CAMPO = re.compile(r"^(.{2,60}?):\s*(\$?\s?\d[\d.,']*\s?%?)$")  # "Cumplimiento 2024: 96,7 %"
_ANIO = re.compile(r"^(?:19|20)\d\d$")
_MARCA = re.compile(r"^[■□●○▪◼◾▬—–-]+")  # a legend entry's mark printed as a character


def _valor(w: dict) -> Optional[float]:
    n = leer_numero(w["text"])
    return n.valor if n is not None else None


def _dentro(w: dict, r: Rectangulo) -> bool:
    medio = (w["top"] + w["bottom"]) / 2
    return r.x0 <= (w["x0"] + w["x1"]) / 2 <= r.x1 and r.top <= medio <= r.bottom


def _encima(w: dict, r: Rectangulo) -> bool:
    return (
        r.top - ALTO_ETIQUETA <= w["bottom"] <= r.top + TOLERANCIA and r.x0 - 2 <= (w["x0"] + w["x1"]) / 2 <= r.x1 + 2
    )


def _lineas(palabras: list[dict]) -> list[list[dict]]:
    """Words grouped into lines, top to bottom."""
    lineas: list[list[dict]] = []
    for w in sorted(palabras, key=lambda w: (w["top"], w["x0"])):
        if lineas and w["top"] <= lineas[-1][0]["top"] + (lineas[-1][0]["bottom"] - lineas[-1][0]["top"]) / 2:
            lineas[-1].append(w)
        else:
            lineas.append([w])
    return [sorted(l, key=lambda w: w["x0"]) for l in lineas]


def _texto(linea: list[dict]) -> str:
    return " ".join(w["text"] for w in linea)


class _Pila:
    """A bar standing on the baseline and the segments stacked on it, bottom first."""

    def __init__(self, base: Rectangulo, resto: list[Rectangulo]):
        self.segmentos = [base]
        for r in sorted(resto, key=lambda r: -r.bottom):
            tope = self.segmentos[-1]
            if (
                abs(r.x0 - tope.x0) <= TOLERANCIA
                and abs(r.x1 - tope.x1) <= TOLERANCIA
                and abs(r.bottom - tope.top) <= TOLERANCIA
            ):
                self.segmentos.append(r)

    @property
    def x0(self) -> float:
        return self.segmentos[0].x0

    @property
    def x1(self) -> float:
        return self.segmentos[0].x1

    @property
    def top(self) -> float:
        return self.segmentos[-1].top


def tablas_de_indicador(
    rectangulos: list[Rectangulo], palabras: list[dict], n_pagina: int
) -> tuple[list[tuple[float, Tabla]], list[dict]]:
    """The one-indicator charts of a page as tables (top, Tabla), and the
    page's words without the charts' words: bars standing on a baseline,
    then bars lying from an axis on the left (read turned a quarter, their
    title looked for above them as printed)."""
    tablas: list[tuple[float, Tabla]] = []
    rectangulos = [r for r in rectangulos if r.bottom - r.top >= TOLERANCIA]  # (a segment of zero, drawn flat)
    for tumbada in (False, True):
        cajas = [_tumbado(r) for r in rectangulos] if tumbada else rectangulos
        vistas = [_tumbada(w) for w in palabras] if tumbada else palabras
        cifras = [w for w in vistas if _es_cifra(w)]  # the words that may be a bar's label
        por_base: dict[float, list[Rectangulo]] = {}  # bars standing on one baseline, within TOLERANCIA
        for r in sorted(cajas, key=lambda r: r.bottom):
            base = next(reversed(por_base), None)
            if base is None or r.bottom - base > TOLERANCIA:
                base = r.bottom
            por_base.setdefault(base, []).append(r)
        por_columna: dict[tuple[int, int], list[Rectangulo]] = {}  # the rectangles that may stack on a bar
        for r in cajas:
            por_columna.setdefault((round(r.x0), round(r.x1)), []).append(r)
        for base, de_pie in por_base.items():
            pilas = [
                _Pila(r, por_columna[(round(r.x0), round(r.x1))])
                for r in sorted(de_pie, key=lambda r: r.x0)
                if r.x1 - r.x0 >= MIN_ANCHO_BARRA
            ]
            for grafica in _por_grafica(pilas):
                if not _alturas_distintas(grafica):
                    continue  # one box, or boxes of one height side by side (a table's filled cells): no chart
                leida = _tabla(base, grafica, vistas, cifras, n_pagina, palabras if tumbada else None)
                if leida is not None:
                    tope, tabla, usadas = leida
                    tablas.append((tope, tabla))
                    vistas = [w for w in vistas if id(w) not in usadas and id(w.get("_original")) not in usadas]
                    cifras = [w for w in cifras if id(w) not in usadas]
                    palabras = [w for w in palabras if id(w) not in usadas]
    return tablas, palabras


def _alturas_distintas(pilas: list[_Pila]) -> bool:
    """A stack, or bars of different heights: what a chart drawn to scale
    shows (bars of one height would carry one figure, which proves no scale)."""
    alturas = [p.segmentos[0].bottom - p.top for p in pilas]
    return any(len(p.segmentos) > 1 for p in pilas) or (
        len(pilas) > 1 and max(alturas) >= (1 + ESCALA / 4) * min(alturas)
    )


def _por_grafica(pilas: list[_Pila]) -> list[list[_Pila]]:
    """Bars on one baseline split into charts where the blank between two is wide."""
    if not pilas:
        return []
    ancho = statistics.median(p.x1 - p.x0 for p in pilas)
    graficas = [[pilas[0]]]
    for p in pilas[1:]:
        if p.x0 - graficas[-1][-1].x1 > SEPARACION * ancho or abs((p.x1 - p.x0) - ancho) > 0.2 * ancho:
            graficas.append([p])
        else:
            graficas[-1].append(p)
    # bars stand apart; a table's filled cells touch
    return [g for g in graficas if all(b.x0 - a.x1 >= HUECO_MIN * ancho for a, b in zip(g, g[1:]))]


def _tabla(
    base: float,
    pilas: list[_Pila],
    palabras: list[dict],
    cifras: list[dict],
    n_pagina: int,
    impresas: Optional[list[dict]] = None,
) -> Optional[tuple[float, Tabla, set[int]]]:
    """One chart's table, where it starts (as printed) and its words (the
    printed words' ids too); None when it is no chart of one indicator.
    `impresas`: the page's words as printed, when the chart is read turned."""
    usadas: set[int] = set()
    ancho = statistics.median(p.x1 - p.x0 for p in pilas)
    izquierda, derecha = pilas[0].x0 - 1.5 * ancho, pilas[-1].x1 + 1.5 * ancho
    # (lying bars: what lies past their ends, turned, is the page below them, not a legend)
    leyenda: Optional[list] = None  # read when a bar is a stack (and the bars stand: lying, none)
    columnas: list[tuple[str, Optional[dict], list[dict]]] = []  # (header, its value's word, header's words)
    escalas = []  # each bar's height per unit of its value
    valores: list[dict] = []  # the bars' labels
    # the words where a bar's label or category may be (the searches below look only there)
    tope_barras = min(p.top for p in pilas)
    cifras = [
        w
        for w in cifras
        if izquierda <= (w["x0"] + w["x1"]) / 2 <= derecha
        and w["bottom"] >= tope_barras - ALTO_ETIQUETA
        and w["top"] <= base + ALTO_ETIQUETA
    ]
    debajo = [w for w in palabras if izquierda <= (w["x0"] + w["x1"]) / 2 <= derecha and w["top"] >= base - TOLERANCIA]
    for pila in pilas:
        categoria = _categoria(debajo, base, pila.x0 - ancho / 4, pila.x1 + ancho / 4)
        if not categoria:
            return None
        nombre = " ".join(map(_texto, _lineas([w.get("_original", w) for w in categoria])))
        usadas.update(id(w) for w in categoria)
        # a segment of zero is not drawn: its "0" stands on the baseline, under the others
        cero = _etiqueta(cifras, usadas, lambda w: _al_pie(w, pila, base) and _valor(w) == 0)
        etiquetas = [cero] if cero is not None else []
        for segmento in pila.segmentos:
            w = _etiqueta(cifras, usadas, lambda w: _dentro(w, segmento) and bool(_valor(w)))
            if w is None and len(pila.segmentos) == 1 and cero is None:
                w = _etiqueta(cifras, usadas, lambda w: _encima(w, segmento))
            if w is None or (valor := _valor(w)) is None or valor <= 0:
                return None
            usadas.add(id(w))
            etiquetas.append(w)
            escalas.append((segmento.bottom - segmento.top) / valor)
        valores.extend(etiquetas)
        if len(etiquetas) == 1:
            columnas.append((nombre, etiquetas[0], categoria))
            continue
        usadas.update(id(w) for w in etiquetas)
        total = _etiqueta(cifras, usadas, lambda w: _encima(w, pila.segmentos[-1]))
        if total is not None:
            usadas.add(id(total))
        columnas.append((nombre, total, categoria))
        if leyenda is None:
            leyenda = _leyenda(pilas, palabras, derecha, base) if impresas is None else []
        if len(leyenda) == len(etiquetas):  # the legend lists the segments top to bottom
            columnas.extend((f"{nombre} {parte}", w, []) for (parte, _), w in zip(leyenda[::-1], etiquetas))
    if len(escalas) < 2 or max(escalas) > (1 + ESCALA) * min(escalas):
        return None  # not bars drawn to scale: boxes that hold figures
    alturas = [s.bottom - s.top for p in pilas for s in p.segmentos]
    numeros = [v for w in valores if (v := _valor(w))]
    if max(alturas) < (1 + 2 * ESCALA) * min(alturas) and (
        max(numeros) < (1 + ESCALA / 4) * min(numeros)
        or max(escalas) > (1 + ESCALA / 4) * min(escalas)
        or any(_ANIO.match(w["text"]) for w in valores)
    ):
        # boxes of about one height holding like figures or years (a table's filled cells: "2022 | 2022")
        # prove no scale; bars close in length drawn exactly to figures that differ as much do (450 | 412)
        return None
    for _, de_entrada in leyenda or []:
        usadas.update(id(w) for w in de_entrada)
    tope = min([p.top for p in pilas] + [w["top"] for _, w, _ in columnas if w is not None])
    if impresas is None:
        titulo, campos, de_titulo = _titulo(palabras, izquierda, derecha, tope, usadas)
    else:  # lying bars: the title above them as printed, over the bars and their labels
        suyas = [w["_original"] for w in palabras if id(w) in usadas]
        cajas = [(-s.bottom, s.x0, -s.top, s.x1) for p in pilas for s in p.segmentos]  # (x0, top, x1, bottom) printed
        izquierda = min([c[0] for c in cajas] + [w["x0"] for w in suyas]) - 1.5 * ancho
        derecha = max([c[2] for c in cajas] + [w["x1"] for w in suyas]) + 1.5 * ancho
        tope = min([c[1] for c in cajas] + [w["top"] for w in suyas])
        titulo, campos, de_titulo = _titulo(impresas, izquierda, derecha, tope, {id(w) for w in suyas})
        usadas.update(id(w) for w in suyas)
    usadas.update(id(w) for w in de_titulo)
    celdas = [Celda(texto="", fila=0, columna=0, pagina=n_pagina)]
    celdas.append(Celda(texto=titulo, fila=1, columna=0, pagina=n_pagina, bbox=_caja(de_titulo)))
    for k, (encabezado, w, de_encabezado) in enumerate([*columnas, *campos], start=1):
        celdas.append(Celda(texto=encabezado, fila=0, columna=k, pagina=n_pagina, bbox=_caja(de_encabezado)))
        texto, caja = (w["text"], _caja([w])) if w is not None else ("", None)
        celdas.append(Celda(texto=texto, fila=1, columna=k, pagina=n_pagina, bbox=caja))
    return min([tope] + [w["top"] for w in de_titulo]), Tabla(indice=0, celdas=celdas), usadas


def _al_pie(w: dict, pila: _Pila, base: float) -> bool:
    return abs(w["bottom"] - base) <= ALTO_ETIQUETA and pila.x0 - 2 <= (w["x0"] + w["x1"]) / 2 <= pila.x1 + 2


def _etiqueta(cifras: list[dict], usadas: set[int], donde) -> Optional[dict]:
    """The first figure not yet taken where `donde` says."""
    return next((w for w in cifras if id(w) not in usadas and donde(w)), None)


def _leyenda(pilas: list[_Pila], palabras: list[dict], derecha: float, base: float) -> list[tuple[str, list[dict]]]:
    """The legend's entries right of the bars, top to bottom, without their
    marks ("■jul–dic" → "jul–dic"), with their words."""
    tope = min(p.top for p in pilas)
    junto = [
        w
        for w in palabras
        if pilas[-1].x1 < w["x0"] <= derecha and tope - ALTO_ETIQUETA <= w["top"] and w["bottom"] <= base
    ]
    return [(_MARCA.sub("", _texto(l)).strip(), l) for l in _lineas(junto) if not any(_es_cifra(w) for w in l)]


def _titulo(
    palabras: list[dict], izquierda: float, derecha: float, tope: float, usadas: set[int]
) -> tuple[str, list[tuple[str, dict, list[dict]]], list[dict]]:
    """(title, fields, their words) of the lines right above a chart: the
    "Label: figure" lines are fields (a column each), the others its title."""
    arriba = [
        w
        for w in palabras
        if id(w) not in usadas and w["bottom"] <= tope and izquierda <= (w["x0"] + w["x1"]) / 2 <= derecha
    ]
    lineas = _lineas(arriba)[::-1]  # nearest first
    tomadas: list[list[dict]] = []
    fondo = tope
    for linea in lineas[:MAX_LINEAS_TITULO]:
        alto = linea[0]["bottom"] - linea[0]["top"]
        # (the first line may stand higher: the plot's frame is as tall as its tallest bar could be)
        if fondo - max(w["bottom"] for w in linea) > (HUECO_TITULO if not tomadas else 3 * alto):
            break
        tomadas.append(linea)
        fondo = min(w["top"] for w in linea)
    campos, titulo, palabras_titulo = [], [], []
    for linea in reversed(tomadas):
        palabras_titulo.extend(linea)
        if m := _CAMPO.match(_texto(linea)):
            valor = next(w for w in reversed(linea) if _es_cifra(w))
            if linea[-1]["text"] == "%" and not valor["text"].endswith("%"):
                valor = dict(valor, text=f"{valor['text']} %")
            campos.append((m.group(1), valor, linea))
        else:
            titulo.append(_texto(linea))
    return " ".join(titulo), campos, palabras_titulo
