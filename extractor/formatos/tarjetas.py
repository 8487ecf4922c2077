"""Cards of a dashboard page, from its drawing: boxes of one size in a grid,
a key/value table inside one of them, and the cells of a grid of rules that
are cards (a dashboard whose cards are parted only by dashed rules).

A card's lines are its indicator's name and fields; the page reader reads
the words inside each card together (lineas.orden_de_lectura) and no table
across cards."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from extractor.formatos.cajas import agrupamientos, contiene, dentro, union
from extractor.formatos.lineas import agrupar_lineas
from extractor.modelo import Celda

MIN_LINEAS = 3  # lines of words in a card (its name and two fields), at least
MISMA_MEDIDA = 2.0  # points of difference in width and height between two cards of one grid
MIN_REGLA = 0.25  # share of the page's width of a rule across between rows of cards
MIN_ALTO_REGLA = 48.0  # points of a rule down between two cards (four lines of text)
_PALABRA = re.compile(r"[^\W\d_]{3}")
BORDE = 4.0  # points from the page's edge: the page's own frame, not a rule between cards
TOCA = 6.0  # points between a rule across and the end of the rules down it meets


def _en(palabras_por_tope: tuple[list[dict], list[float]], caja: tuple) -> list[dict]:
    por_tope, topes = palabras_por_tope
    return [w for w in por_tope[bisect_left(topes, caja[1]) : bisect_right(topes, caja[3])] if dentro(w, caja)]


def _indice(palabras: list[dict]) -> tuple[list[dict], list[float]]:
    por_tope = sorted(palabras, key=lambda w: w["top"])
    return por_tope, [w["top"] for w in por_tope]


def iguales(recuadros: Sequence[tuple], palabras: list[dict]) -> list[tuple]:
    """The drawn boxes of a grid of cards: each holds MIN_LINEAS lines of
    words or more and has a twin of its size elsewhere on the page (a
    table's shaded header band stands alone)."""

    def gemelas(a: tuple, b: tuple) -> bool:
        apartes = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
        ancho, alto = abs((a[2] - a[0]) - (b[2] - b[0])), abs((a[3] - a[1]) - (b[3] - b[1]))
        return apartes and ancho <= MISMA_MEDIDA and alto <= MISMA_MEDIDA

    if len(recuadros) < 2:
        return []
    indice = _indice(palabras)

    def llena(r: tuple) -> bool:
        en_ella = _en(indice, r)
        return len(en_ella) >= MIN_LINEAS and len(agrupar_lineas(en_ella)) >= MIN_LINEAS

    por_medida = sorted(recuadros, key=lambda r: (r[2] - r[0], r[3] - r[1]))
    con_gemela = [
        a
        for k, a in enumerate(por_medida)
        if any(gemelas(a, b) for b in por_medida[max(0, k - 8) : k + 9] if b is not a)
    ]
    llenas = [r for r in con_gemela if llena(r)]
    return [a for a in llenas if any(gemelas(a, b) for b in llenas if b is not a)]


def de_claves(casillas: list[Celda], cajas: Sequence[tuple]) -> bool:
    """A table of one or two columns inside one card of `cajas`: the card's
    "Label ..... figure" lines, read as lines (a key/value card), not a table."""
    llenas = [c.bbox for c in casillas if c.texto.strip() and c.bbox is not None]
    if not llenas or len({c.columna for c in casillas if c.texto.strip()}) > 2:
        return False
    marco = union(llenas)
    return any(contiene(r, marco) for r in cajas)


def de_reglas(
    verticales: Sequence[dict], horizontales: Sequence[dict], palabras: list[dict], ancho: float, alto: float
) -> list[tuple]:
    """The cells (x0, top, x1, bottom) of a grid of rules whose every filled
    cell is a card: MIN_LINEAS lines or more, two of them fields (a label
    and its figure: a name over "Meta 2023 …… 150", "Ejecutado: 162"). Rules down the page
    part the cards side by side, rules across it the rows of cards; the
    grid spans what the rules span. [] when the rules make no such grid (a
    table's rules part rows of one line, its header is one or two lines)."""
    verticales, horizontales = _unidas(verticales, "x0", "top", "bottom"), _unidas(horizontales, "top", "x0", "x1")
    bajan = [l for l in verticales if l["bottom"] - l["top"] >= MIN_ALTO_REGLA and BORDE < l["x0"] < ancho - BORDE]
    cruzan = [l for l in horizontales if l["x1"] - l["x0"] >= MIN_REGLA * ancho and BORDE < l["top"] < alto - BORDE]
    if not bajan:
        return []
    # the rules across that meet the rules down (not a heading's underline above the grid)
    alto_rejilla = (min(l["top"] for l in bajan) - TOCA, max(l["bottom"] for l in bajan) + TOCA)
    cruzan = [l for l in cruzan if alto_rejilla[0] <= l["top"] <= alto_rejilla[1]]
    if not cruzan:
        return []
    x0, x1 = min(l["x0"] for l in cruzan), max(l["x1"] for l in cruzan)
    top = min([l["top"] for l in bajan] + [l["top"] for l in cruzan])
    bottom = max([l["bottom"] for l in bajan] + [l["top"] for l in cruzan])
    xs = agrupamientos([x0, *(l["x0"] for l in bajan if x0 < l["x0"] < x1), x1], MISMA_MEDIDA)
    ys = agrupamientos([top, *(l["top"] for l in cruzan), bottom], MISMA_MEDIDA)
    indice = _indice(palabras)
    celdas, llenas = [], 0
    for arriba, abajo in zip(ys, ys[1:]):
        for izquierda, derecha in zip(xs, xs[1:]):
            caja = (izquierda, arriba, derecha, abajo)
            lineas = agrupar_lineas(_en(indice, caja))
            if not lineas:
                continue
            llenas += 1
            # a field is a label and its figure on one line; a table's cell between its column rules
            # holds figures alone or names alone, line after line
            campos = sum(bool(_PALABRA.search(l.texto)) and any(ch.isdigit() for ch in l.texto) for l in lineas)
            if len(lineas) < MIN_LINEAS or campos < 2:
                return []
            celdas.append(caja)
    return celdas if llenas >= 2 else []


HUECO_DE_TRAZO = 6.0  # points between two dashes of one dashed rule, at most


def _unidas(segmentos: Sequence[dict], eje: str, desde: str, hasta: str) -> list[dict]:
    """The segments with the dashes of a dashed rule joined into one rule
    (a browser draws each dash apart): segments on one line (`eje` within a
    point) whose ends are HUECO_DE_TRAZO apart at most along it."""
    salida: list[dict] = []
    for s in sorted(segmentos, key=lambda s: (round(s[eje]), s[desde])):
        ultima = salida[-1] if salida else None
        if ultima is not None and abs(ultima[eje] - s[eje]) <= 1 and s[desde] - ultima[hasta] <= HUECO_DE_TRAZO:
            ultima[hasta] = max(ultima[hasta], s[hasta])
        else:
            salida.append({eje: s[eje], desde: s[desde], hasta: s[hasta]})
    return salida


def cruza(casillas: list[Celda], rejilla: Sequence[tuple]) -> bool:
    """A table whose filled cells lie in two cards or more of a grid of
    rules: the cards' lines side by side, read as a table's rows."""
    cartas: set[int] = set()
    for c in casillas:
        if c.bbox is None or not c.texto.strip():
            continue
        x, y = (c.bbox[0] + c.bbox[2]) / 2, (c.bbox[1] + c.bbox[3]) / 2
        cartas.update(k for k, r in enumerate(rejilla) if r[0] <= x <= r[2] and r[1] <= y <= r[3])
    return len(cartas) >= 2
