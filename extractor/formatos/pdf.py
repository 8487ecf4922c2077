"""PDF reader: pdfplumber into the shared document model.

Per page: words are read once with their coordinates; ruled tables come from
pdfplumber's line strategy, unruled ones from `sin_bordes.buscar_tablas`
(none across a ruled table); a short ruled table right above an unruled one
whose columns hold the unruled columns one to one is its header (a boxed
header over a body without rules), and the two are one table. Each word
goes to the table cell that contains its centre, the rest forms text
blocks. Lines that repeat in the top or bottom band of most pages are running
headers/footers and are set apart from the content.

Scanned pages (images, no usable text layer: `cribado`) are read by OCR
(`ocr.py`): the OCR words go through the same functions, ruled tables come
from the ruling lines found in the page image, and each cell keeps the
lowest word confidence of its figures. A scanned page that gives no table,
or that cannot be read because Tesseract is missing, is reported in
`Documento.omisiones`.

Memory stays flat as a report grows: each page is let go once read (its
pdfplumber page closed and dropped, pdfminer's parsed objects dropped, the
pdfium document reopened every few pages: `pdfium_pagina.DocumentoPdfium`),
and what is kept of a page until the whole report is read is its tables'
cells and its lines of text (`LineaLeida`), not its words.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

import pdfplumber
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from extractor.errores import ErrorLectura
from extractor.modelo import BloqueTexto, Celda, Documento, LineaSuelta, Omision, Tabla
from extractor.formatos import cifras_ocr, contiguas, franjas, ocr, sin_bordes
from extractor.formatos.cribado import FRANJA_PIE, FRANJA_CABECERA, PaginaCribada, cribar, en_banda
from extractor.formatos.pdfium_pagina import DocumentoPdfium, leer_pagina
from extractor.formatos.privadas import vaciar_objetos_pdfminer
from extractor.formatos.lineas import LineaLeida, agrupar_lineas, agrupar_parrafos, fuente_de_palabra, leidas

RULED = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
MAX_HEADER_ROWS = 3  # a ruled table this short may be the header of a borderless body
MIN_CELL = 2.0  # points: boundaries closer than this are the same line


def _clusters(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > MIN_CELL:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _inside(word: dict, bbox) -> bool:
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return bbox[0] <= cx <= bbox[2] and bbox[1] <= cy <= bbox[3]


def _cell_text(words: list[dict]) -> str:
    return "\n".join(l.texto for l in agrupar_lineas(words))


def _without_frames(bboxes: list[tuple]) -> list[tuple]:
    """Drop boxes that enclose other boxes: a frame drawn around a block of
    the table (or the page) is not a cell of it."""
    def encloses(a, b):
        return a is not b and a[0] <= b[0] + 1 and a[1] <= b[1] + 1 and a[2] >= b[2] - 1 and a[3] >= b[3] - 1
    return [a for a in bboxes if sum(encloses(a, b) for b in bboxes) < 2]


def _rounded(v: float, shared: dict[float, float]) -> float:
    """v to 2 decimals, one float object per value in `shared` (not zero:
    0.0 and -0.0 are the same key)."""
    v = round(v, 2)
    return shared.setdefault(v, v) if v else v


def _ruled_table(bboxes: list[tuple], words: list[dict], page_no: int,
                 table_bbox: tuple | None = None) -> list[Celda]:
    """Cells with row/column spans from the cell boxes pdfplumber found.
    Words inside the table's frame that fall in no cell (body rows drawn
    without rulings under a ruled header) become rows of cells cut by the
    columns' edges."""
    bboxes = _without_frames(bboxes)
    sueltas = []
    if table_bbox is not None:
        bboxes = [b for b in bboxes if not _celda_abierta(b, bboxes, words)]
        sueltas = [w for w in words if _inside(w, table_bbox) and not any(_inside(w, b) for b in bboxes)]
    bandas = _bandas(sueltas, bboxes) if sueltas else []
    bboxes = bboxes + [b for banda in bandas for b in banda]
    xs = _clusters([b[0] for b in bboxes] + [b[2] for b in bboxes])
    ys = _clusters([b[1] for b in bboxes] + [b[3] for b in bboxes])
    # one float object per distinct rounded edge: the cells of a table share
    # their rows' and columns' edges, and a report keeps every cell's box
    edges: dict[float, float] = {}
    cells = []
    for b in bboxes:
        c0, c1 = _index(xs, b[0]), _index(xs, b[2])
        r0, r1 = _index(ys, b[1]), _index(ys, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        inner = [w for w in words if _inside(w, b)]
        cells.append(
            Celda(
                texto=_cell_text(inner),
                fila=r0,
                columna=c0,
                pagina=page_no,
                filas_span=r1 - r0,
                columnas_span=c1 - c0,
                bbox=(_rounded(b[0], edges), _rounded(b[1], edges), _rounded(b[2], edges), _rounded(b[3], edges)),
                negrita=bool(inner) and all("Bold" in w.get("fontname", "") for w in inner),
            )
        )
    return cells


ROW_GAP = 1.2  # line heights of white space that separate two unruled rows


LOOSE_ROW_GAP = 2.5  # line heights between a ruled table and an unruled row under it


def _con_filas_debajo(partes: list[tuple[tuple, list[tuple]]], words: list[dict]) -> list[tuple[tuple, list[tuple]]]:
    """Each ruled table with its frame taken down over the rows printed
    without rulings right under it: lines close below its last rule, not
    outside its columns, down to the last one with figures in two or more
    of them (a row's name may wrap over lines of one column above its
    figures). Inside the frame they are read as the rows of
    its columns (`_bandas`), as a ruled header's body is. A table is not
    taken over another one."""
    tops = [bbox[1] for bbox, _ in partes]
    out = []
    for bbox, cells in partes:
        boxes = _without_frames(cells)
        xs = _clusters([x for b in _encabezado_encima(boxes, bbox[3]) for x in (b[0], b[2])])
        techo = min([t for t in tops if t >= bbox[3] - 1] + [float("inf")])
        debajo = [w for w in words if bbox[3] - 1 < (w["top"] + w["bottom"]) / 2 < techo]
        fondo = ultima = bbox[3]
        for linea in agrupar_lineas(debajo):
            alto = max(linea.bottom - linea.top, 1.0)
            if linea.top - ultima > LOOSE_ROW_GAP * alto or len(xs) < 3:
                break
            if not all(xs[0] - MIN_CELL <= w["x0"] and w["x1"] <= xs[-1] + MIN_CELL for w in linea.palabras):
                break
            # running text across the columns (a paragraph under the table, even
            # one with figures), or a word over a column's rule: not the table's cells
            if (_corrida(linea) and any(linea.x0 + MIN_CELL < x < linea.x1 - MIN_CELL for x in xs[1:-1])) or any(
                    w["x0"] + MIN_CELL < x < w["x1"] - MIN_CELL for w in linea.palabras for x in xs[1:-1]):
                break
            ultima = linea.bottom
            columnas = {_columna_de(xs, (w["x0"] + w["x1"]) / 2) for w in linea.palabras}
            if any(sin_bordes.es_cifra_no_anio(w["text"]) for w in linea.palabras) and len(columnas) >= 2:
                fondo = linea.bottom + 0.5  # a row's figures: the frame reaches them (and the name above)
            elif len(columnas) > 1:
                break  # words in several columns and no figure: not a row's wrapped name
        out.append(((bbox[0], bbox[1], bbox[2], fondo), cells) if fondo > bbox[3] else (bbox, cells))
    return out


def _filas_de_cajas(bboxes: list[tuple], words: list[dict]) -> list[tuple[float, list[str]]]:
    """The rows of a ruled table's cell boxes, top to bottom: (top, texts of
    the boxes that start on that row, left to right)."""
    tops = _clusters([b[1] for b in bboxes])
    filas: list[list[tuple]] = [[] for _ in tops]
    for b in bboxes:
        filas[_index(tops, b[1])].append(b)
    out = []
    for top, cajas in zip(tops, filas):
        textos = [" ".join(_cell_text([w for w in words if _inside(w, b)]).split()).casefold()
                  for b in sorted(cajas, key=lambda b: b[0])]
        out.append((top, [t for t in textos if t]))
    return out


MIN_HEADER_CELLS = 3  # a header row names at least this many columns


def _subtablas(bboxes: list[tuple], words: list[dict], bbox: tuple) -> list[tuple[tuple, list[tuple]]]:
    """One ruled frame that holds several tables, each under its own copy of
    the same header (a report that prints a block per objective: heading,
    header rows, body rows, and again): [(bbox, cell boxes)] per table.

    The header is the first row of at least MIN_HEADER_CELLS cells, none of
    them a figure; each later row that repeats it word for word starts a
    table. The rows right above a header with fewer cells than a
    header (a block's heading, a spacer, the frame's title lines) belong to
    no table: their words are read as text, the headings of the tables.
    A frame without a repeated header is one table."""
    boxes = _without_frames(bboxes)
    filas = _filas_de_cajas(boxes, words)
    cabecera = next((t for _, t in filas if len(t) >= MIN_HEADER_CELLS), None)
    if cabecera is None or any(sin_bordes.es_cifra_no_anio(x) for x in cabecera):
        return [(bbox, bboxes)]
    inicios = [i for i, (_, t) in enumerate(filas) if t == cabecera]
    if len(inicios) < 2:
        return [(bbox, bboxes)]
    # each table ends above the heading rows of the next one (rows of few
    # cells with no loose figure under them: the body of a ruled header may
    # be drawn without rulings)
    sueltas = [(w["top"] + w["bottom"]) / 2 for w in words
               if _inside(w, bbox) and sin_bordes.es_cifra_no_anio(w["text"]) and not any(_inside(w, b) for b in boxes)]
    finales = []
    for k in inicios[1:]:
        j = k
        while (j > 0 and len(filas[j - 1][1]) < MIN_HEADER_CELLS and j - 1 not in inicios
               and not any(sin_bordes.es_cifra_no_anio(x) for t in filas[j - 1][1] for x in t.split())
               and not any(filas[j - 1][0] < y < filas[j][0] for y in sueltas)):
            j -= 1
        finales.append(filas[j][0])
    finales.append(bbox[3])
    partes = []
    for k, fin in zip(inicios, finales):
        top = filas[k][0]
        cajas = [(b[0], b[1], b[2], min(b[3], fin)) for b in boxes if top - MIN_CELL <= b[1] < fin - MIN_CELL]
        if cajas:
            partes.append(((bbox[0], top, bbox[2], fin), cajas))
    return partes


def _bandas(words: list[dict], boxes: list[tuple]) -> list[list[tuple]]:
    """Unruled rows of words as cell boxes. Lines close to each other form
    one row (a wrapped name and its figures) unless a ruled cell lies
    between them; each word goes to the column, among the edges of the
    ruled header right above the row, that holds its centre."""
    grupos: list[list] = []
    for linea in agrupar_lineas(words):
        alto = max(linea.bottom - linea.top, 1.0)
        if _titulo_corrido(linea, boxes):
            grupos.append([linea])  # a heading across the columns is a row of its own
            grupos.append([])
            continue
        if grupos and grupos[-1]:
            arriba = max(l.bottom for l in grupos[-1])
            regla = any(arriba - 1 <= b[1] and b[3] <= linea.top + 1 for b in boxes)
            if not regla and linea.top - arriba <= ROW_GAP * alto:
                grupos[-1].append(linea)
                continue
        grupos.append([linea])
    bandas = []
    for grupo in (g for grupo in grupos if grupo for g in _por_cifras(grupo)):
        if len(grupo) == 1 and _titulo_corrido(grupo[0], boxes):
            l = grupo[0]
            bandas.append([(l.x0 - 0.5, l.top - 0.5, l.x1 + 0.5, l.bottom + 0.5)])
            continue
        top, bottom = min(l.top for l in grupo) - 0.5, max(l.bottom for l in grupo) + 0.5
        # a row reaches up to the rule or the row above it: no empty row between
        techo = [b[3] for b in boxes if b[3] <= top + 1] + [b[0][3] for b in bandas if b and b[0][3] <= top + 1]
        top = max(techo, default=top)
        xs = _clusters([x for b in _encabezado_encima(boxes, top) for x in (b[0], b[2])])
        if len(xs) < 3:
            continue
        columnas = sorted({_columna_de(xs, (w["x0"] + w["x1"]) / 2) for l in grupo for w in l.palabras})
        bandas.append([(xs[k], top, xs[k + 1], bottom) for k in columnas])
    return bandas


MIN_FIGURES_ROW = 3  # a line with this many figures is a row's line of figures


def _por_cifras(grupo: list) -> list[list]:
    """A group of close lines that holds two lines of figures is two rows
    (or more): rows set apart by white space alone, each with its name
    wrapped over several lines and its figures centred on them. Each line
    of figures keeps the lines around it; two rows part at the widest gap
    between their lines of figures."""
    cifras = [i for i, l in enumerate(grupo) if sum(sin_bordes.es_cifra_no_anio(w["text"]) for w in l.palabras) >= MIN_FIGURES_ROW]
    if len(cifras) < 2:
        return [grupo]
    cortes = []
    for a, b in zip(cifras, cifras[1:]):
        cortes.append(max(range(a + 1, b + 1), key=lambda j: grupo[j].top - grupo[j - 1].bottom))
    return [grupo[i:j] for i, j in zip([0] + cortes, cortes + [len(grupo)])]


def _celda_abierta(caja: tuple, boxes: list[tuple], words: list[dict]) -> bool:
    """A "cell" that is the open body under a ruled header (the frame's
    bottom and the header's last rule close it): it spans several of the
    header's columns and its words fill several of them."""
    xs = _clusters([x for b in _encabezado_encima(boxes, caja[1]) if b is not caja for x in (b[0], b[2])])
    dentro = [x for x in xs if caja[0] + MIN_CELL < x < caja[2] - MIN_CELL]
    if len(dentro) < 2:
        return False
    lineas = [l for l in agrupar_lineas([w for w in words if _inside(w, caja)]) if not _corrida(l)]
    en_columnas = [l for l in lineas if len({_columna_de(xs, (w["x0"] + w["x1"]) / 2) for w in l.palabras}) >= 3]
    # rows of cells (or one row of figures), not a heading spread across the width
    return len(en_columnas) >= 2 or any(
        sum(sin_bordes.es_cifra_no_anio(w["text"]) for w in l.palabras) >= MIN_FIGURES_ROW for l in en_columnas)


def _corrida(linea) -> bool:
    """Running text: several words without a wide gap."""
    palabras = linea.palabras
    return len(palabras) >= 4 and all(b["x0"] - a["x1"] <= sin_bordes.HUECO_SEGMENTO
                                      for a, b in zip(palabras, palabras[1:]))


def _titulo_corrido(linea, boxes: list[tuple]) -> bool:
    """A line of running text (no wide gaps) across several columns of the
    ruled header above it: a heading, not cells."""
    if not _corrida(linea):
        return False
    xs = _clusters([x for b in _encabezado_encima(boxes, linea.top) for x in (b[0], b[2])])
    return sum(linea.x0 < x < linea.x1 for x in xs) >= 3


def _encabezado_encima(boxes: list[tuple], top: float) -> list[tuple]:
    """The ruled rows right above `top`: boxes stacked without a gap, from
    the nearest one up."""
    encima = sorted((b for b in boxes if b[3] <= top + 1), key=lambda b: -b[3])
    if not encima:
        return []
    bloque, techo = [], encima[0][3]
    for b in encima:
        if b[3] < techo - MIN_CELL:
            break
        bloque.append(b)
        techo = min(techo, b[1])
    return bloque


def _columna_de(xs: list[float], x: float) -> int:
    """The column between consecutive edges `xs` that holds `x`."""
    return min(max(bisect.bisect_right(xs, x) - 1, 0), len(xs) - 2)


def _words(page) -> list[dict]:
    """Words with their font. Asking pdfplumber to split words by font would
    cut "FORTALECIDOS:" where the bold run ends, so the font is read from
    each word's characters instead."""
    words = page.extract_words(return_chars=True)
    for w in words:
        w["fontname"] = fuente_de_palabra([c.get("fontname", "") for c in w.pop("chars")])
    return words


def _running_key(text: str) -> str:
    """A line's text with its numbers as # and without blanks (the first
    pass and the table reader part a line into words differently)."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", text.lower()))


def _corrientes(screened: list[PaginaCribada]) -> dict[str, int]:
    """Keys of the lines that repeat in the header/footer band of most
    pages, from the first pass (before any table is read), each with how
    many different texts it has (a page number changes)."""
    counts: Counter[str] = Counter()
    textos: dict[str, set[str]] = {}
    for page in screened:
        for t in page.bandas:
            textos.setdefault(_running_key(t), set()).add(" ".join(t.split()))
        counts.update({_running_key(t) for t in page.bandas})
    n = len(screened)
    if n < 2:
        return {}
    return {k: len(textos[k]) for k, c in counts.items() if c >= max(2, n // 2)}


def _aparte_corrientes(words: list[dict], height: float,
                       corrientes: dict[str, int] | None) -> tuple[list[dict], list[dict]]:
    """(words for the tables, words of the running headers and footers):
    the lines at the top or the bottom of the page, in its band, that repeat
    on most pages (with nothing but other such lines between them and the
    page's edge). They are read as text, never as a table's row. A line set
    in columns that is the same on every page may be the repeated header
    of a table that runs over the pages: it stays."""
    if not corrientes or not words:
        return words, []
    lineas = agrupar_lineas(words)

    def es_corriente(l) -> bool:
        k = _running_key(l.texto)
        return en_banda(l.top, l.bottom, height) and k in corrientes and (
            corrientes[k] > 1 or len(sin_bordes._segmentos(l)) < sin_bordes.MIN_COLUMNAS)

    corriente = [es_corriente(l) for l in lineas]
    arriba = next((i for i, c in enumerate(corriente) if not c), len(lineas))
    abajo = next((i for i in range(len(lineas) - 1, arriba - 1, -1) if not corriente[i]), arriba - 1)
    aparte = lineas[:arriba] + lineas[abajo + 1:]
    if not aparte:
        return words, []
    fuera = {id(w) for l in aparte for w in l.palabras}
    return [w for w in words if id(w) not in fuera], [w for w in words if id(w) in fuera]


def _running_lines(pages_lines: list[list[LineaLeida]], heights: list[float]) -> set[str]:
    """Normalized texts of lines that repeat in the header/footer band."""
    counts: Counter[str] = Counter()
    for lines, h in zip(pages_lines, heights):
        keys = {
            _running_key(l.texto)
            for l in lines
            if l.top < h * FRANJA_CABECERA or l.bottom > h * (1 - FRANJA_PIE)
        }
        counts.update(keys)
    n = len(pages_lines)
    if n < 2:
        return set()
    return {k for k, c in counts.items() if c >= max(2, n // 2)}


def _page_items(page, page_no: int, words: list[dict] | None = None,
                settings: dict | None = RULED, sueltas: list | None = None,
                corrientes: dict[str, int] | None = None) -> tuple[list, list[LineaLeida]]:
    """Tables (top, Tabla) and the free lines of a page read by pdfplumber
    (or of the OCR words of a scanned page, with its ruling lines as
    explicit table settings; None: no ruled table). `sueltas`, when given,
    receives the page's lines with digits outside every table cell
    (`LineaSuelta`, for the coverage audit). The running headers and
    footers (`corrientes`: their keys, `_corrientes`) are kept out of the tables."""
    words = _words(page) if words is None else words
    words, aparte = _aparte_corrientes(words, float(page.height), corrientes)
    finder = page.debug_tablefinder(settings) if settings else None
    found = finder.tables if finder else []
    # cells in no table of two or more: a table drawn as bands may have a band on its own
    en_tablas = {tuple(c) for t in found for c in t.cells}
    solas = [tuple(c) for c in finder.cells if tuple(c) not in en_tablas] if finder else []
    rayadas, found = franjas.tablas_de_franjas(found, solas, words)
    found = [t for t in found if len(t.cells) > 1]
    cajas, celdas = contiguas.juntar([t.bbox for t in found], [t.cells for t in found], words)
    cajas, celdas = cajas + [b for b, _ in rayadas], celdas + [c for _, c in rayadas]
    partes = [parte for bbox, cells in zip(cajas, celdas) for parte in _subtablas(cells, words, bbox)]
    partes = _con_filas_debajo(partes, words)
    table_boxes = [bbox for bbox, _ in partes]
    tables_cells = [_ruled_table(cells, words, page_no, bbox) for bbox, cells in partes]
    free = [w for w in words if not any(_inside(w, b) for b in table_boxes)]
    barriers = [y for b in table_boxes for y in (b[1], b[3])]
    heads = [b[3] for b, cells in zip(table_boxes, tables_cells) if _n_rows(cells) <= MAX_HEADER_ROWS]
    for bbox, cells in sin_bordes.buscar_tablas(free, page_no, barriers, heads):
        k, mapping = _ruled_header_above(bbox, cells, table_boxes, tables_cells, free)
        if mapping is None:
            table_boxes.append(bbox)
            tables_cells.append(cells)
        else:
            head = table_boxes[k]
            table_boxes[k] = (min(head[0], bbox[0]), head[1], max(head[2], bbox[2]), bbox[3])
            tables_cells[k] = _with_body(tables_cells[k], cells, mapping)
    free = [w for w in free if not any(_inside(w, b) for b in table_boxes)] + aparte
    tables = [(bbox[1], Tabla(indice=0, celdas=cells)) for bbox, cells in zip(table_boxes, tables_cells)]
    lines = agrupar_lineas(free)
    if sueltas is not None and table_boxes:
        sueltas.extend(_lineas_sueltas(lines, page_no))
        fuera = _fuera_de_celdas(words, table_boxes, tables_cells)
        sueltas.extend(_lineas_sueltas(agrupar_lineas(fuera), page_no, en_tabla=True))
    return tables, leidas(lines)


def _fuera_de_celdas(words: list[dict], table_boxes: list[tuple], tables_cells: list[list[Celda]]) -> list[dict]:
    """Words inside a table's frame that went to none of its cells (rows
    a table reader could not place). Cells are looked up by 20-point bands
    of height, so a word is checked against the few cells of its band."""
    bandas: dict[int, list[tuple]] = {}
    for cells in tables_cells:
        for c in cells:
            if c.bbox is not None:
                for y in range(int(c.bbox[1]) // 20, int(c.bbox[3]) // 20 + 1):
                    bandas.setdefault(y, []).append(c.bbox)
    fuera = []
    for w in words:
        if any(_inside(w, b) for b in table_boxes):
            cy = (w["top"] + w["bottom"]) / 2
            if not any(_inside(w, b) for b in bandas.get(int(cy) // 20, ())):
                fuera.append(w)
    return fuera


def _lineas_sueltas(lines, page_no: int, en_tabla: bool = False) -> list[LineaSuelta]:
    """The lines with a digit, with the box of each word that has one."""
    out = []
    for line in lines:
        cifras = [(w["text"], (round(w["x0"], 2), round(w["top"], 2), round(w["x1"], 2), round(w["bottom"], 2)))
                  for w in line.palabras if any(ch.isdigit() for ch in w["text"])]
        if cifras:
            bbox = (round(line.x0, 2), round(line.top, 2), round(line.x1, 2), round(line.bottom, 2))
            out.append(LineaSuelta(line.texto, page_no, bbox, cifras, en_tabla))
    return out


def _n_rows(cells: list[Celda]) -> int:
    return max(c.fila + c.filas_span for c in cells)


def _column_spans(cells: list[Celda]) -> dict[int, tuple[float, float]]:
    """x-extent of each column from its one-column cells that have a box."""
    spans: dict[int, tuple[float, float]] = {}
    for c in cells:
        if c.bbox and c.columnas_span == 1:
            x0, x1 = spans.get(c.columna, (c.bbox[0], c.bbox[2]))
            spans[c.columna] = (min(x0, c.bbox[0]), max(x1, c.bbox[2]))
    return spans


def _column_map(header: list[Celda], body: list[Celda]) -> dict[int, int] | None:
    """Each body column to the header column whose box holds its centre, or
    None when a body column falls in no header column or two share one."""
    boxes = _column_spans(header)
    mapping = {}
    for col, (x0, x1) in _column_spans(body).items():
        mid = (x0 + x1) / 2
        match = [k for k, (h0, h1) in boxes.items() if h0 <= mid <= h1]
        if len(match) != 1:
            return None
        mapping[col] = match[0]
    return mapping if len(set(mapping.values())) == len(mapping) else None


def _ruled_header_above(bbox, cells, table_boxes, tables_cells, free) -> tuple[int, dict[int, int] | None]:
    """(index, column map) of the ruled table that is the header of the
    borderless table below it: a table of at most MAX_HEADER_ROWS rows right
    above it (no free word between them) whose columns hold the body's
    columns one to one. (-1, None) when there is none."""
    above = [k for k, b in enumerate(table_boxes) if b[3] <= bbox[1] + 1]
    if not above:
        return -1, None
    k = max(above, key=lambda k: table_boxes[k][3])
    header, bottom = tables_cells[k], table_boxes[k][3]
    if _n_rows(header) > MAX_HEADER_ROWS or any(bottom < (w["top"] + w["bottom"]) / 2 < bbox[1] for w in free):
        return -1, None
    return k, _column_map(header, cells)


def _with_body(header: list[Celda], body: list[Celda], mapping: dict[int, int]) -> list[Celda]:
    """The header's cells, then the body's rows under it in the header's
    columns (`mapping`: body column to header column; empty cells where a
    header column has no body column)."""
    top = _n_rows(header)
    width = max(c.columna + c.columnas_span for c in header)
    rows = max(c.fila for c in body) + 1
    placed = {(c.fila, mapping[c.columna]): c for c in body if c.columna in mapping}
    page = body[0].pagina
    out = list(header)
    for r in range(rows):
        for k in range(width):
            c = placed.get((r, k))
            out.append(replace(c, fila=top + r, columna=k) if c else Celda(texto="", fila=top + r, columna=k, pagina=page))
    return out


def _edge(x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top, "width": x1 - x0,
            "height": bottom - top, "orientation": "h" if top == bottom else "v", "object_type": "line_edge"}


def _ocr_settings(read: ocr.PaginaOcr) -> dict | None:
    """pdfplumber table settings from the ruling lines of a page image."""
    if len(read.horizontales) < 2 or len(read.verticales) < 2:
        return None
    return {
        "vertical_strategy": "explicit", "horizontal_strategy": "explicit",
        "explicit_vertical_lines": [_edge(x, top, x, bottom) for x, top, bottom in read.verticales],
        "explicit_horizontal_lines": [_edge(x0, y, x1, y) for x0, x1, y in read.horizontales],
        "snap_tolerance": 3, "join_tolerance": 4, "intersection_tolerance": 4,
    }


def _ocr_confidence(cells: list[Celda], words: list[dict]) -> None:
    """Each OCR'd cell keeps the lowest confidence of its words with digits
    (of all its words when none has one)."""
    for cell in cells:
        if cell.bbox is None:
            continue
        inner = [w for w in words if _inside(w, cell.bbox)]
        digits = [w for w in inner if any(ch.isdigit() for ch in w["text"])] or inner
        if digits:
            cell.confianza_ocr = min(w["conf"] for w in digits)


def _scanned_items(page, page_no: int, read: ocr.PaginaOcr, sueltas: list | None = None) -> tuple[list, list[LineaLeida]]:
    tables, lines = _page_items(page, page_no, read.palabras, _ocr_settings(read), sueltas)
    for _, table in tables:
        _ocr_confidence(table.celdas, read.palabras)
        table.celdas = cifras_ocr.reparar(table.celdas)
    return tables, lines


def _ocr_pages(ruta: Path, sha256: str, numbers: list[int]) -> tuple[dict, str | None]:
    """OCR of the scanned pages: ({page: PaginaOcr}, None), or ({}, reason)
    when Tesseract is not installed. ErrorLectura when it fails."""
    if not numbers:
        return {}, None
    try:
        return ocr.LectorOcr(ruta, sha256).leer(numbers), None
    except ocr.ErrorOcr as exc:
        if ocr.falta_tesseract():
            return {}, str(exc)
        raise ErrorLectura(ruta.name, f"no se pudo leer con OCR: {exc}") from exc


def _scan_note(page_no: int, read: ocr.PaginaOcr | None, tables: list, missing: str | None) -> Omision | None:
    if read is None:
        return Omision(texto=f"Página {page_no} (escaneada)",
                       motivo=f"página escaneada sin capa de texto que no se leyó: {missing}", pagina=page_no)
    if tables:
        return None
    text = read.texto
    short = text if len(text) <= 300 else text[:300].rsplit(" ", 1)[0] + " …"
    return Omision(texto=short or f"Página {page_no} (escaneada)", pagina=page_no,
                   motivo="página escaneada leída con OCR: no tiene tablas" if text
                   else "página escaneada: el OCR no encontró texto")


USAR_PDFIUM = True  # table pages read by pdfium_pagina (False: by pdfminer, as before)


@contextmanager
def _pdfium(ruta: Path):
    doc = DocumentoPdfium(ruta) if USAR_PDFIUM else None
    try:
        yield doc
    finally:
        if doc is not None:
            doc.close()


@contextmanager
def _pdfplumber(ruta: Path):
    pdf = pdfplumber.open(str(ruta))
    try:
        yield pdf
    finally:
        # not pdf.close(): it asks for `pdf.pages`, which would make every page again
        pdf.stream.close()


def _pages(pdf):
    """pdfplumber's pages one at a time, each let go once read.

    `pdf.pages` makes every page up front and keeps it, and pdfminer's
    document keeps every object it parses (every page's content streams
    among them) until the file is closed: memory that grew with the
    report. This makes each page as `pdf.pages` does (same numbers and
    document offsets) and, after it, closes it and empties pdfminer's cache
    of parsed objects (any object asked for again is parsed again; the
    object streams already parsed stay cached)."""
    doctop: float = 0
    pages = PDFPage.create_pages(pdf.doc)
    page_no = 0
    while True:
        try:
            obj = next(pages)
        except StopIteration:
            return
        except Exception as exc:  # as pdf.pages reports it
            raise PdfminerException(exc) from exc
        page_no += 1
        page = Page(pdf, obj, page_number=page_no, initial_doctop=doctop)
        doctop += page.height
        try:
            yield page
        finally:
            page.close()
            del page, obj
            vaciar_objetos_pdfminer(pdf.doc)


def _table_page(fast, page, page_no: int, sueltas: list | None = None,
                corrientes: dict[str, int] | None = None) -> tuple[list, list[LineaLeida]]:
    """A page that may hold tables: its words and ruling lines from pdfium
    (pdfium_pagina, several times faster), else from pdfplumber."""
    if fast is not None:
        quick = fast.pagina(page_no - 1)
        textpage = quick.get_textpage()
        try:
            read = leer_pagina(quick, textpage, RULED)
        finally:
            textpage.close()
            quick.close()
        if read is not None:
            return _page_items(page, page_no, *read, sueltas=sueltas, corrientes=corrientes)
    return _page_items(page, page_no, sueltas=sueltas, corrientes=corrientes)


def leer_pdf(ruta: Path, sha256: str) -> Documento:
    pages_items: list[list] = []  # per page: (top, block) pairs
    pages_lines: list[list[LineaLeida]] = []
    heights: list[float] = []
    notes: list[Omision] = []
    sueltas: list[LineaSuelta] = []  # lines with digits outside every table cell
    screened = cribar(ruta)
    scanned, missing = _ocr_pages(ruta, sha256, [p.numero for p in screened if p.escaneada])
    corrientes = _corrientes(screened)
    n_pages = 0
    with _pdfplumber(ruta) as pdf, _pdfium(ruta) as fast:
        for page_no, page in enumerate(_pages(pdf), start=1):
            n_pages = page_no
            quick = screened[page_no - 1]
            if quick.escaneada:
                read = scanned.pop(page_no, None)
                tables, lines = _scanned_items(page, page_no, read, sueltas) if read else ([], [])
                note = _scan_note(page_no, read, tables, missing)
                if note:
                    notes.append(note)
            elif quick.con_tablas:
                tables, lines = _table_page(fast, page, page_no, sueltas, corrientes)
            else:  # prose only: the text runs of the first pass are enough
                tables, lines = [], quick.lineas
            pages_lines.append(lines)
            heights.append(float(page.height))
            pages_items.append(tables + [(None, lines)])

    running = _running_lines(pages_lines, heights)
    blocks: list[BloqueTexto | Tabla] = []
    headers: list[str] = []
    for page_no, (items, h) in enumerate(zip(pages_items, heights), start=1):
        placed: list[tuple[float, BloqueTexto | Tabla]] = []
        for top, item in items:
            if isinstance(item, Tabla):
                placed.append((top, item))
                continue
            content = []
            for line in item:
                in_band = line.top < h * FRANJA_CABECERA or line.bottom > h * (1 - FRANJA_PIE)
                if in_band and _running_key(line.texto) in running:
                    if line.texto not in headers:
                        headers.append(line.texto)
                else:
                    content.append(line)
            for para in agrupar_parrafos(content):
                placed.append(
                    (para.top, BloqueTexto(texto=para.texto, pagina=page_no, bbox=para.bbox, negrita=para.negrita))
                )
        placed.sort(key=lambda p: p[0])
        blocks.extend(b for _, b in placed)
    for suelta in sueltas:  # a running header or footer is not content
        h = heights[suelta.pagina - 1]
        in_band = suelta.bbox[1] < h * FRANJA_CABECERA or suelta.bbox[3] > h * (1 - FRANJA_PIE)
        suelta.repetida = in_band and _running_key(suelta.texto) in running
    index = 0
    for b in blocks:
        if isinstance(b, Tabla):
            index += 1
            b.indice = index
    return Documento(
        archivo=ruta.name,
        sha256=sha256,
        formato="pdf",
        paginas=n_pages,
        bloques=blocks,
        encabezados_pagina=headers,
        omisiones=notes,
        lineas_sueltas=sueltas,
    )
