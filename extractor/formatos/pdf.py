"""PDF reader: pdfplumber into the shared document model.

Per page: words are read once with their coordinates; ruled tables come from
pdfplumber's line strategy, unruled ones from `sin_bordes.buscar_tablas`
(none across a ruled table); a short ruled table right above an unruled one
whose columns hold the unruled columns one to one is its header (a boxed
header over a body without rules), and the two are one table. Each word
goes to the table cell that contains its centre, the rest forms text
blocks. Lines that repeat in the top or bottom band of most pages are running
headers/footers and are set apart from the content; lines repeated above the
first table of most pages (a report's heading taller than that band) are
kept on their first page only, so a table goes on past them.

Scanned pages (images, no usable text layer: `cribado`) are read by OCR
(`ocr.py`): the OCR words go through the same functions, ruled tables come
from the ruling lines found in the page image, and each cell keeps the
lowest word confidence of its figures. A scanned page that gives no table,
or that cannot be read because Tesseract is missing, is reported in
`Documento.omisiones`. A table pasted as a picture into a page with a text
layer is read the same way: the OCR words and rules of the picture join the
page's (`_con_imagenes`); without Tesseract the picture is reported.

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
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

import pdfplumber
from pdfplumber.utils.text import WordExtractor
from pdfminer.pdfpage import PDFPage
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from extractor.errores import ErrorLectura
from extractor.modelo import BloqueTexto, Celda, Documento, LineaSuelta, LlamadaDeNota, Omision, Tabla
from extractor.formatos import cifras_ocr, contiguas, franjas, graficas, ocr, sin_bordes, tarjetas
from extractor.formatos.cajas import Centros, agrupamientos, contiene, sin_marcos, tarjetas_sin_marcos, union
from extractor.formatos.cajas import borde as _borde, columna_de as _columna_de, dentro as _dentro
from extractor.formatos.carriles import carriles
from extractor.formatos.graficas_de_indicador import tablas_de_indicador
from extractor.formatos.marco_de_hoja import sin_marco_de_hoja
from extractor.formatos.notas_al_pie import altura_de_texto, es_nota_al_pie, sin_llamadas
from extractor.formatos.filas_sin_regla import con_filas_sin_regla
from extractor.formatos.rejilla_desplazada import con_encabezado_en_la_rejilla
from extractor.formatos.rejillas import BuscadorRayadas, con_encabezado_suelto, con_filas_abiertas
from extractor.formatos.cribado import (
    FONDO_DE_PAGINA,
    FRANJA_CABECERA,
    FRANJA_PIE,
    PaginaCribada,
    cribar,
    de_tarjeta,
    en_banda,
)
from extractor.formatos.pdfium_pagina import DocumentoPdfium, leer_pagina, lineas_que_suben
from extractor.formatos.privadas import vaciar_objetos_pdfminer
from extractor.formatos.lineas import (
    LineaLeida,
    agrupar_lineas,
    agrupar_parrafos,
    con_pies,
    fuente_de_palabra,
    leidas,
    orden_de_lectura,
)

from esquemas import umbrales

_U = umbrales("pdf")  # esquemas/disposicion.yaml

AJUSTES_RAYADAS = {"vertical_strategy": "lines", "horizontal_strategy": "lines", "snap_tolerance": 3}
MAX_FILAS_ENCABEZADO = _U["max_filas_encabezado"]  # a ruled table this short may be the header of a borderless body
MAX_FILAS_TARJETA = 3  # rows of a one-column ruled box that is a card, not a table
MIN_CELDA = _U["min_celda"]  # points: boundaries closer than this are the same line


def _agrupamientos(valores: list[float]) -> list[float]:
    return agrupamientos(valores, MIN_CELDA)


def _indice(limites: list[float], v: float) -> int:
    """The index of the edge nearest to v (the first on a tie). `limites`
    ascend (_agrupamientos): the nearest is one of the two around v."""
    if not limites:
        raise ValueError("no edges")
    i = bisect.bisect_left(limites, v)
    if i == 0:
        return 0
    if i == len(limites):
        return i - 1
    return i if abs(limites[i] - v) < abs(limites[i - 1] - v) else i - 1


def _texto_celda(palabras: list[dict]) -> str:
    return "\n".join(l.texto for l in agrupar_lineas(palabras))


def _redondeada(v: float, compartidas: dict[float, float]) -> float:
    """v to 2 decimals, one float object per value in `compartidas` (not zero:
    0.0 and -0.0 are the same key)."""
    v = round(v, 2)
    return compartidas.setdefault(v, v) if v else v


def _tabla_rayada(
    bboxes: list[tuple], palabras: list[dict], n_pagina: int, bbox_tabla: tuple | None = None
) -> list[Celda]:
    """Cells with row/column spans from the cell boxes pdfplumber found.
    Words inside the table's frame that fall in no cell (body rows drawn
    without rulings under a ruled header) become rows of cells cut by the
    columns' edges."""
    bboxes = con_encabezado_en_la_rejilla(sin_marcos(bboxes))
    centros = Centros(palabras)
    sueltas = []
    if bbox_tabla is not None:
        ordenados = _de_abajo_arriba(bboxes)
        bordes_encima: dict[float, tuple[list[tuple], list[float]]] = {}
        bboxes = [b for b in bboxes if not _celda_abierta(b, ordenados, centros, bordes_encima)]
        en_cajas = {id(w) for b in bboxes for w in centros.dentro(b)}
        sueltas = [w for w in centros.dentro(bbox_tabla) if id(w) not in en_cajas]
    bandas = _bandas(sueltas, bboxes) if sueltas else []
    bboxes = _sin_reglas_perdidas(bboxes + [b for banda in bandas for b in banda], centros)
    bboxes = con_filas_sin_regla(bboxes, centros)
    xs = _agrupamientos([b[0] for b in bboxes] + [b[2] for b in bboxes])
    # boxes over several columns without inner rulings: their header parts
    # (a second level adds a row edge inside the box)
    interiores = [centros.dentro(b) for b in bboxes]
    partidas: dict[int, tuple[list[_Parte], float | None]] = {}
    for n, b in enumerate(bboxes):
        c0, c1 = _indice(xs, b[0]), _indice(xs, b[2])
        if c1 - c0 > 1 and (partida := _partes_de_caja(interiores[n], xs[c0 : c1 + 1])) is not None:
            partidas[n] = partida
    cortes = [corte for _, corte in partidas.values() if corte is not None]
    ys = _agrupamientos([b[1] for b in bboxes] + [b[3] for b in bboxes] + cortes)
    # one float object per distinct rounded edge: the cells of a table share
    # their rows' and columns' edges, and a report keeps every cell's box
    bordes: dict[float, float] = {}
    casillas = []
    for n, b in enumerate(bboxes):
        c0, c1 = _indice(xs, b[0]), _indice(xs, b[2])
        r0, r1 = _indice(ys, b[1]), _indice(ys, b[3])
        if c1 <= c0 or r1 <= r0:
            continue
        partes, corte = partidas.get(n, ([_Parte(0, c1 - c0, "todo", tuple(interiores[n]))], None))
        rc = _indice(ys, corte) if corte is not None else r0
        for parte in partes:
            arriba, abajo = {"arriba": (r0, rc), "abajo": (rc, r1), "todo": (r0, r1)}[parte.nivel]
            k0 = c0 + parte.columna
            # a part's box is its piece of the grid; an undivided box stays as drawn
            caja = (xs[k0], ys[arriba], xs[k0 + parte.ancho], ys[abajo]) if n in partidas else b
            casillas.append(
                Celda(
                    texto=_texto_celda(list(parte.palabras)),
                    fila=arriba,
                    columna=k0,
                    pagina=n_pagina,
                    filas_span=abajo - arriba,
                    columnas_span=parte.ancho,
                    bbox=(
                        _redondeada(caja[0], bordes),
                        _redondeada(caja[1], bordes),
                        _redondeada(caja[2], bordes),
                        _redondeada(caja[3], bordes),
                    ),
                    negrita=bool(parte.palabras) and all("Bold" in w.get("fontname", "") for w in parte.palabras),
                )
            )
    return casillas


ALINEADA = 1.5  # points: a line starts a row when its top is this close to a line of the row's other cells


def _sin_reglas_perdidas(bboxes: list[tuple], centros: Centros) -> list[tuple]:
    """A tall box over several ruled rows whose rule was left out in it
    (Word tables with per-cell borders) cut back into those rows: each of
    its rows is a body row (a figure in one of its cells) and holds lines
    of its words, the first of them starting where the words of the row's
    other cells start. The name of a merged cell is centred on its rows and
    does not line up with each of them; a header's cells have no figures."""
    ys = _agrupamientos([b[1] for b in bboxes] + [b[3] for b in bboxes])
    filas = [(b, _indice(ys, b[1]), _indice(ys, b[3])) for b in bboxes]
    if all(r1 - r0 < 2 for _, r0, r1 in filas):
        return bboxes
    techos: dict[int, list[float]] = {}  # body row -> tops of the first line of its one-row boxes
    con_cifras: set[int] = set()
    for b, r0, r1 in filas:
        if r1 == r0 + 1 and (palabras := centros.dentro(b)):
            techos.setdefault(r0, []).append(min(w["top"] for w in palabras))
            if any(sin_bordes.es_cifra_no_anio(w["text"]) for w in palabras):
                con_cifras.add(r0)
    salida = []
    for b, r0, r1 in filas:
        if r1 - r0 < 2:
            salida.append(b)
            continue
        lineas = agrupar_lineas(centros.dentro(b))
        por_fila = [[l for l in lineas if ys[r] <= (l.top + l.bottom) / 2 < ys[r + 1]] for r in range(r0, r1)]
        alineadas = all(
            en_fila and r in con_cifras and any(abs(en_fila[0].top - t) <= ALINEADA for t in techos.get(r, []))
            for r, en_fila in zip(range(r0, r1), por_fila)
        )
        salida.extend([(b[0], ys[r], b[2], ys[r + 1]) for r in range(r0, r1)] if alineadas else [b])
    return salida


@dataclass(frozen=True)
class _Parte:
    """A piece of a box drawn over several columns without inner rulings."""

    columna: int  # first column, counted from the box's first
    ancho: int  # columns it spans
    nivel: str  # "arriba" (upper level), "abajo" (lower level) or "todo" (both)
    palabras: tuple


def _frases(linea) -> list[list[dict]]:
    """A line's words in runs a space apart (a wider gap parts two runs)."""
    ws = sorted(linea.palabras, key=lambda w: w["x0"])
    espacio = sin_bordes.HUECO_PALABRA * max(linea.bottom - linea.top, 1.0)
    salida = [[ws[0]]]
    for a, b in zip(ws, ws[1:]):
        if b["x0"] - a["x1"] <= espacio:
            salida[-1].append(b)
        else:
            salida.append([b])
    return salida


def _partes_de_caja(palabras: list[dict], bordes: list[float]) -> tuple[list[_Parte], float | None] | None:
    """A box over several columns holding a header drawn without its inner
    rulings: one run of words over each column ("2024   2025   2026" under
    "Meta"; "Código  Indicador  Unidad"), and, when an upper line has a run
    over several columns ("Programación anual de la meta" over "2024  2025
    2026  2027"), two levels: that run over its columns and the words under
    it each in its own, the other columns' words across both levels. Returns
    the parts and the height that parts the two levels (None: one level);
    None when a run crosses a column's edge without covering whole columns,
    or a column gets no words (one run of text: "SECTOR EDUCACIÓN")."""
    n = len(bordes) - 1

    def columnas_de(frase: list[dict]) -> tuple[int, int] | None:
        x0, x1 = frase[0]["x0"], frase[-1]["x1"]
        dentro = [k for k in range(n) if x0 < bordes[k + 1] - MIN_CELDA and x1 > bordes[k] + MIN_CELDA]
        if not dentro:
            return None
        a, b = dentro[0], dentro[-1]
        if a != b and not (
            x0 - bordes[a] < (bordes[a + 1] - bordes[a]) and bordes[b + 1] - x1 < (bordes[b + 1] - bordes[b])
        ):
            return None
        return a, b

    lineas = sorted(agrupar_lineas(palabras), key=lambda l: l.top)
    frases: list[tuple[int, list[dict], tuple[int, int]]] = []
    for i, linea in enumerate(lineas):
        for f in _frases(linea):
            columnas = columnas_de(f)
            if columnas is None:
                return None
            frases.append((i, f, columnas))
    anchas = [(i, c) for i, _, c in frases if c[0] != c[1]]
    corte = max((i for i, _ in anchas), default=-1)  # the last line with a run over several columns
    if anchas and corte == len(lineas) - 1:
        return None  # nothing under the wide run: a band, not a header
    cubiertas = {k for i, c in anchas for k in range(c[0], c[1] + 1)}
    partes: list[_Parte] = []
    for i, f, (a, b) in frases:
        if a != b:
            partes.append(_Parte(a, b - a + 1, "arriba", tuple(f)))
    for k in range(n):
        propias = [w for i, f, c in frases if c == (k, k) for w in f]
        if k in cubiertas:
            debajo = [w for i, f, c in frases if c == (k, k) and i > corte for w in f]
            if not debajo:
                return None
            partes.append(_Parte(k, 1, "abajo", tuple(debajo)))
        elif propias:
            partes.append(_Parte(k, 1, "todo" if anchas else "abajo", tuple(propias)))
        else:
            return None
    if not anchas:
        return partes, None
    return partes, (lineas[corte].bottom + lineas[corte + 1].top) / 2


HUECO_FILA = _U["hueco_fila"]  # line heights of white space that separate two unruled rows


HUECO_FILA_HOLGADO = _U["hueco_fila_holgado"]  # line heights between a ruled table and an unruled row under it


def _con_filas_debajo(partes: list[tuple[tuple, list[tuple]]], palabras: list[dict]) -> list[tuple[tuple, list[tuple]]]:
    """Each ruled table with its frame taken down over the rows printed
    without rulings right under it: lines close below its last rule, not
    outside its columns, down to the last one with figures in two or more
    of them (a row's name may wrap over lines of one column above its
    figures). Inside the frame they are read as the rows of
    its columns (`_bandas`), as a ruled header's body is. A table is not
    taken over another one."""
    arribas = [bbox[1] for bbox, _ in partes]
    salida = []
    for bbox, casillas in partes:
        recuadros = sin_marcos(casillas)
        xs = _agrupamientos([x for b in _encabezado_encima(recuadros, bbox[3]) for x in (b[0], b[2])])
        techo = min([t for t in arribas if t >= bbox[3] - 1] + [float("inf")])
        debajo = [w for w in palabras if bbox[3] - 1 < (w["top"] + w["bottom"]) / 2 < techo]
        fondo = ultima = bbox[3]
        lineas_debajo = _contiguas(agrupar_lineas(debajo), bbox[3])
        for n, linea in enumerate(lineas_debajo):
            alto = max(linea.bottom - linea.top, 1.0)
            if linea.top - ultima > HUECO_FILA_HOLGADO * alto or len(xs) < 3:
                break
            if not all(xs[0] - MIN_CELDA <= w["x0"] and w["x1"] <= xs[-1] + MIN_CELDA for w in linea.palabras):
                break
            # running text across the columns (a paragraph under the table, even
            # one with figures), or a word over a column's rule: not the table's cells
            corrida = _corrida(linea) and _con_cifras(lineas_debajo[n:])  # names only down to the end: a cut row
            if (corrida and any(linea.x0 + MIN_CELDA < x < linea.x1 - MIN_CELDA for x in xs[1:-1])) or any(
                w["x0"] + MIN_CELDA < x < w["x1"] - MIN_CELDA for w in linea.palabras for x in xs[1:-1]
            ):
                break
            ultima = linea.bottom
            columnas = {_columna_de(xs, (w["x0"] + w["x1"]) / 2) for w in linea.palabras}
            if any(sin_bordes.es_cifra_no_anio(w["text"]) for w in linea.palabras) and len(columnas) >= 2:
                fondo = linea.bottom + 0.5  # a row's figures: the frame reaches them (and the name above)
            elif len(columnas) > 1 and _con_cifras(lineas_debajo[n:]):
                break  # words in several columns and no figure: not a row's wrapped name
            if n == len(lineas_debajo) - 1 and fondo == bbox[3]:
                fondo = linea.bottom + 0.5  # names down to the page's last line: a row the page break cut
        salida.append(((bbox[0], bbox[1], bbox[2], fondo), casillas) if fondo > bbox[3] else (bbox, casillas))
    return salida


def _contiguas(lineas: list, arriba: float) -> list:
    """The lines from `arriba` down while each is close under the one above."""
    salida: list = []
    for linea in lineas:
        if linea.top - (salida[-1].bottom if salida else arriba) > HUECO_FILA_HOLGADO * max(
            linea.bottom - linea.top, 1.0
        ):
            break
        salida.append(linea)
    return salida


def _con_cifras(lineas) -> bool:
    return any(sin_bordes.es_cifra_no_anio(w["text"]) for linea in lineas for w in linea.palabras)


def _filas_de_cajas(bboxes: list[tuple], palabras: list[dict]) -> list[tuple[float, list[str]]]:
    """The rows of a ruled table's cell boxes, top to bottom: (top, texts of
    the boxes that start on that row, left to right)."""
    arribas = _agrupamientos([b[1] for b in bboxes])
    centros = Centros(palabras)
    filas: list[list[tuple]] = [[] for _ in arribas]
    for b in bboxes:
        filas[_indice(arribas, b[1])].append(b)
    salida = []
    for tope, cajas in zip(arribas, filas):
        textos = [
            " ".join(_texto_celda(centros.dentro(b)).split()).casefold() for b in sorted(cajas, key=lambda b: b[0])
        ]
        salida.append((tope, [t for t in textos if t]))
    return salida


MIN_CELDAS_ENCABEZADO = _U["min_celdas_encabezado"]  # a header row names at least this many columns


def _copia_de(fila: list[str], cabecera: list[str]) -> bool:
    """The row repeats the header: the same cells word for word, in order,
    but one changed, added or left out (a copy may draw a cell and the
    level under it as one tall cell, "Línea base 2019" for "Línea base" over
    "2019", or leave an empty column's cell out)."""
    iguales = sum(b.size for b in SequenceMatcher(a=fila, b=cabecera, autojunk=False).get_matching_blocks())
    return iguales >= max(len(fila), len(cabecera)) - 1 and iguales >= MIN_CELDAS_ENCABEZADO


def _subtablas(bboxes: list[tuple], palabras: list[dict], bbox: tuple) -> list[tuple[tuple, list[tuple]]]:
    """One ruled frame that holds several tables, each under its own copy of
    the same header (a report that prints a block per objective: heading,
    header rows, body rows, and again): [(bbox, cell boxes)] per table.

    The header is the first row of at least MIN_HEADER_CELLS cells, none of
    them a figure; each later row that repeats it starts a table. The rows right above a header with fewer cells than a
    header (a block's heading, a spacer, the frame's title lines) belong to
    no table: their words are read as text, the headings of the tables.
    A frame without a repeated header is one table."""
    recuadros = sin_marcos(bboxes)
    filas = _filas_de_cajas(recuadros, palabras)
    cabecera = next((t for _, t in filas if len(t) >= MIN_CELDAS_ENCABEZADO), None)
    if cabecera is None or any(sin_bordes.es_cifra_no_anio(x) for x in cabecera):
        return [(bbox, bboxes)]
    inicios = [i for i, (_, t) in enumerate(filas) if _copia_de(t, cabecera)]
    if len(inicios) < 2:
        return [(bbox, bboxes)]
    # each table ends above the heading rows of the next one (rows of few
    # cells with no loose figure under them: the body of a ruled header may
    # be drawn without rulings)
    sueltas = [
        (w["top"] + w["bottom"]) / 2
        for w in palabras
        if _dentro(w, bbox) and sin_bordes.es_cifra_no_anio(w["text"]) and not any(_dentro(w, b) for b in recuadros)
    ]
    finales = []
    for k in inicios[1:]:
        j = k
        while (
            j > 0
            and len(filas[j - 1][1]) < MIN_CELDAS_ENCABEZADO
            and j - 1 not in inicios
            and not any(sin_bordes.es_cifra_no_anio(x) for t in filas[j - 1][1] for x in t.split())
            and not any(filas[j - 1][0] < y < filas[j][0] for y in sueltas)
        ):
            j -= 1
        finales.append(filas[j][0])
    finales.append(bbox[3])
    partes = []
    for k, fin in zip(inicios, finales):
        tope = filas[k][0]
        cajas = [(b[0], b[1], b[2], min(b[3], fin)) for b in recuadros if tope - MIN_CELDA <= b[1] < fin - MIN_CELDA]
        if cajas:
            partes.append(((bbox[0], tope, bbox[2], fin), cajas))
    return partes


def _bandas(palabras: list[dict], recuadros: list[tuple]) -> list[list[tuple]]:
    """Unruled rows of words as cell boxes. Lines close to each other form
    one row (a wrapped name and its figures) unless a ruled cell lies
    between them; each word goes to the column, among the edges of the
    ruled header right above the row, that holds its centre."""
    grupos: list[list] = []
    for linea in agrupar_lineas(palabras):
        alto = max(linea.bottom - linea.top, 1.0)
        if _titulo_corrido(linea, recuadros):
            grupos.append([linea])  # a heading across the columns is a row of its own
            grupos.append([])
            continue
        if grupos and grupos[-1]:
            arriba = max(l.bottom for l in grupos[-1])
            # a ruled cell between them, or a ruled row beside them starting between them
            regla = any(arriba - 1 <= b[1] <= linea.top + 1 for b in recuadros)
            if not regla and linea.top - arriba <= HUECO_FILA * alto:
                grupos[-1].append(linea)
                continue
        grupos.append([linea])
    bandas = []
    for grupo in (g for grupo in grupos if grupo for g in _por_cifras(grupo)):
        if len(grupo) == 1 and _titulo_corrido(grupo[0], recuadros):
            l = grupo[0]
            bandas.append([(l.x0 - 0.5, l.top - 0.5, l.x1 + 0.5, l.bottom + 0.5)])
            continue
        tope, abajo = min(l.top for l in grupo) - 0.5, max(l.bottom for l in grupo) + 0.5
        # a row reaches up to the rule or the row above it: no empty row between
        techo = [b[3] for b in recuadros if b[3] <= tope + 1] + [b[0][3] for b in bandas if b and b[0][3] <= tope + 1]
        tope = max(techo, default=tope)
        abajo = _fondo_de_la_fila(tope, abajo, recuadros, palabras)
        xs = _agrupamientos([x for b in _encabezado_encima(recuadros, tope) for x in (b[0], b[2])])
        if len(xs) < 3:
            continue
        columnas = sorted({_columna_de(xs, (w["x0"] + w["x1"]) / 2) for l in grupo for w in l.palabras})
        bandas.append([(xs[k], tope, xs[k + 1], abajo) for k in columnas])
    return bandas


def _fondo_de_la_fila(tope: float, abajo: float, recuadros: list[tuple], palabras: list[dict]) -> float:
    """Words beside a ruled row (cells whose rules were not drawn) end where
    that row ends: the bottom of the ruled box that starts at the same rule
    and reaches below them, unless other unruled words lie in between (then
    the box is a frame around several rows)."""
    fondos = [b[3] for b in recuadros if abs(b[1] - tope) <= 1 and b[3] >= abajo - 0.5]
    fondo = min(fondos, default=abajo)
    if any(abajo < w["top"] and w["bottom"] < fondo for w in palabras):
        return abajo
    return max(fondo, abajo)


MIN_CIFRAS_FILA = _U["min_cifras_fila"]  # a line with this many figures is a row's line of figures


def _por_cifras(grupo: list) -> list[list]:
    """A group of close lines that holds two lines of figures is two rows
    (or more): rows set apart by white space alone, each with its name
    wrapped over several lines and its figures centred on them. Each line
    of figures keeps the lines around it; two rows part at the widest gap
    between their lines of figures."""
    cifras = [
        i
        for i, l in enumerate(grupo)
        if sum(sin_bordes.es_cifra_no_anio(w["text"]) for w in l.palabras) >= MIN_CIFRAS_FILA
    ]
    if len(cifras) < 2:
        return [grupo]
    cortes = []
    for a, b in zip(cifras, cifras[1:]):
        cortes.append(max(range(a + 1, b + 1), key=lambda j: grupo[j].top - grupo[j - 1].bottom))
    return [grupo[i:j] for i, j in zip([0] + cortes, cortes + [len(grupo)])]


def _celda_abierta(
    caja: tuple, ordenados: list[tuple], centros: Centros, bordes_encima: dict[float, tuple[list[tuple], list[float]]]
) -> bool:
    """A "cell" that is the open body under a ruled header (the frame's
    bottom and the header's last rule close it): it spans several of the
    header's columns and its words fill several of them. `ordenados`: the
    table's boxes as `_de_abajo_arriba` gives them; `bordes_encima`: the
    rows above each top already found, with their column edges (the boxes
    of a row share them)."""
    if caja[1] not in bordes_encima:
        bloque = _encabezado_en(ordenados, caja[1])
        bordes_encima[caja[1]] = (bloque, _agrupamientos([x for b in bloque for x in (b[0], b[2])]))
    bloque, xs = bordes_encima[caja[1]]
    if any(b is caja for b in bloque):  # the box itself (a flat one) is no header of its own
        xs = _agrupamientos([x for b in bloque if b is not caja for x in (b[0], b[2])])
    dentro = [x for x in xs if caja[0] + MIN_CELDA < x < caja[2] - MIN_CELDA]
    if len(dentro) < 2:
        return False
    lineas = [l for l in agrupar_lineas(centros.dentro(caja)) if not _corrida(l)]
    en_columnas = [l for l in lineas if len({_columna_de(xs, (w["x0"] + w["x1"]) / 2) for w in l.palabras}) >= 3]
    # rows of cells (or one row of figures), not a heading spread across the width
    return len(en_columnas) >= 2 or any(
        sum(sin_bordes.es_cifra_no_anio(w["text"]) for w in l.palabras) >= MIN_CIFRAS_FILA for l in en_columnas
    )


def _corrida(linea) -> bool:
    """Running text: several words without a wide gap."""
    palabras = linea.palabras
    return len(palabras) >= 4 and all(
        b["x0"] - a["x1"] <= sin_bordes.HUECO_SEGMENTO for a, b in zip(palabras, palabras[1:])
    )


def _titulo_corrido(linea, recuadros: list[tuple]) -> bool:
    """A line of running text (no wide gaps) across several columns of the
    ruled header above it: a heading, not cells."""
    if not _corrida(linea):
        return False
    xs = _agrupamientos([x for b in _encabezado_encima(recuadros, linea.top) for x in (b[0], b[2])])
    return sum(linea.x0 < x < linea.x1 for x in xs) >= 3


def _encabezado_encima(recuadros: list[tuple], tope: float) -> list[tuple]:
    """The ruled rows right above `tope`: boxes stacked without a gap, from
    the nearest one up."""
    return _encabezado_en(_de_abajo_arriba(recuadros), tope)


def _de_abajo_arriba(recuadros: list[tuple]) -> list[tuple]:
    """The boxes by their bottom edge, lowest first (in their order on a
    tie), for `_encabezado_en`; a bottom that is not a number is above nothing."""
    return sorted((b for b in recuadros if b[3] == b[3]), key=lambda b: -b[3])


def _encabezado_en(ordenados: list[tuple], tope: float) -> list[tuple]:
    """`_encabezado_encima` of the boxes `_de_abajo_arriba` sorted: those
    with their bottom at most at tope + 1 are its tail."""
    if tope != tope:
        return []  # not a number: no box is above it
    encima = ordenados[bisect.bisect_left(ordenados, -(tope + 1), key=lambda b: -b[3]) :]
    if not encima:
        return []
    bloque, techo = [], encima[0][3]
    for b in encima:
        if b[3] < techo - MIN_CELDA:
            break
        bloque.append(b)
        techo = min(techo, b[1])
    return bloque


# a leader: the dots that lead a label to its figure across a list without rulings
_GUIA = re.compile(r"^[.·…_]{3,}$")
_GUIA_PEGADA = re.compile(r"^([.·…_]{4,})?(.*?)([.·…_]{4,})?$", re.DOTALL)  # "tramitados........", ".....412"


def _sin_guias(palabras: list[dict]) -> list[dict]:
    """The words without leader dots: a word of dots alone is dropped, dots
    glued to a word are cut off it, its box shrunk by their share of its
    characters (the white space they stand for)."""
    salida = []
    for w in palabras:
        texto = w["text"]
        if _GUIA.match(texto):
            continue
        pegada = _GUIA_PEGADA.match(texto)
        antes, resto, despues = pegada.groups() if pegada else (None, texto, None)
        if antes or despues:
            ancho = (w["x1"] - w["x0"]) / len(texto)
            x0 = w["x0"] + ancho * len(antes or "")
            w = {**w, "text": resto, "x0": x0, "x1": x0 + ancho * len(resto)}
        salida.append(w)
    return salida


def _sube(matriz, giro: int) -> bool:
    """A character whose baseline goes up the page as shown (the page turned
    `giro` degrees clockwise): read bottom to top."""
    if not matriz:
        return False
    a, b = matriz[0], matriz[1]
    seno, coseno = {90: (1, 0), 180: (0, -1), 270: (-1, 0)}.get(giro % 360, (0, 1))
    return b * coseno - a * seno > 0


def _palabras(pagina) -> list[dict]:
    """Words with their font. Asking pdfplumber to split words by font would
    cut "FORTALECIDOS:" where the bold run ends, so the font is read from
    each word's characters instead."""
    suben = [c for c in pagina.chars if not c.get("upright", True) and _sube(c.get("matrix"), pagina.rotation)]
    if suben:  # a header turned a quarter turn left reads bottom to top
        aparte = {id(c) for c in suben}
        pagina = pagina.filter(lambda o: id(o) not in aparte)
    palabras = pagina.extract_words(return_chars=True)
    if suben:
        extractor = WordExtractor(char_dir_rotated="btt", line_dir_rotated="ltr")
        palabras += lineas_que_suben(extractor.extract_words(suben, return_chars=True))
    for w in palabras:
        w["fontname"] = fuente_de_palabra([c.get("fontname", "") for c in w.pop("chars", [])])
    return palabras


def _clave_corrida(texto: str) -> str:
    """A line's text with its numbers as # and without blanks (the first
    pass and the table reader part a line into words differently)."""
    return re.sub(r"\s+", "", re.sub(r"\d+", "#", texto.lower()))


def _corrientes(cribadas: list[PaginaCribada]) -> dict[str, int]:
    """Keys of the lines that repeat in the header/footer band of most
    pages, from the first pass (before any table is read), each with how
    many different texts it has (a page number changes)."""
    cuentas: Counter[str] = Counter()
    textos: dict[str, set[str]] = {}
    for pagina in cribadas:
        for t in pagina.bandas:
            textos.setdefault(_clave_corrida(t), set()).add(" ".join(t.split()))
        cuentas.update({_clave_corrida(t) for t in pagina.bandas})
    n = len(cribadas)
    if n < 2:
        return {}
    return {k: len(textos[k]) for k, c in cuentas.items() if c >= max(2, n // 2)}


def _aparte_corrientes(
    palabras: list[dict], alto: float, corrientes: dict[str, int] | None
) -> tuple[list[dict], list[dict]]:
    """(words for the tables, words of the running headers and footers):
    the lines at the top or the bottom of the page, in its band, that repeat
    on most pages (with nothing but other such lines between them and the
    page's edge). They are read as text, never as a table's row. A line set
    in columns that is the same on every page may be the repeated header
    of a table that runs over the pages: it stays."""
    if not corrientes or not palabras:
        return palabras, []
    lineas = agrupar_lineas(palabras)

    def es_corriente(l) -> bool:
        if not en_banda(l.top, l.bottom, alto):
            return False
        k = _clave_corrida(l.texto)
        segmentos = sin_bordes._segmentos(l)
        if k in corrientes:
            return corrientes[k] > 1 or len(segmentos) < sin_bordes.MIN_COLUMNAS
        # "ALCALDÍA DE …      Código: F-PL-014": two running texts side by side, one line here
        return 1 < len(segmentos) < sin_bordes.MIN_COLUMNAS and all(
            _clave_corrida(" ".join(w["text"] for w in s)) in corrientes for s in segmentos
        )

    corriente = [es_corriente(l) for l in lineas]
    arriba = next((i for i, c in enumerate(corriente) if not c), len(lineas))
    abajo = next((i for i in range(len(lineas) - 1, arriba - 1, -1) if not corriente[i]), arriba - 1)
    aparte = lineas[:arriba] + lineas[abajo + 1 :]
    if not aparte:
        return palabras, []
    fuera = {id(w) for l in aparte for w in l.palabras}
    return [w for w in palabras if id(w) not in fuera], [w for w in palabras if id(w) in fuera]


def _lineas_corridas(lineas_paginas: list[list[LineaLeida]], altos: list[float]) -> set[str]:
    """Normalized texts of lines that repeat in the header/footer band."""
    cuentas: Counter[str] = Counter()
    for lineas, h in zip(lineas_paginas, altos):
        claves = {
            _clave_corrida(l.texto) for l in lineas if l.top < h * FRANJA_CABECERA or l.bottom > h * (1 - FRANJA_PIE)
        }
        cuentas.update(claves)
    n = len(lineas_paginas)
    if n < 2:
        return set()
    return {k for k, c in cuentas.items() if c >= max(2, n // 2)}


def _continua_pagina(elementos_paginas: list[list], k: int) -> bool:
    """Page k's first table may continue the last table of the page before:
    both have as many columns."""
    tablas = [(t, e) for t, e in elementos_paginas[k] if isinstance(e, Tabla)]
    previas = [(t, e) for t, e in elementos_paginas[k - 1] if isinstance(e, Tabla)] if k else []
    if not tablas or not previas:
        return False
    primera = min(tablas, key=lambda p: p[0])[1]
    ultima = max(previas, key=lambda p: p[0])[1]
    return primera.n_columnas == ultima.n_columnas


MISMA_ALTURA = _U["misma_altura"]  # points: a running heading's height varies less than this from page to page


def _tablas_enmarcadas(elementos: list, recuadros: Sequence[tuple]) -> list[tuple[tuple, float]]:
    """(box, table top) of each drawn box around one table of the page and more."""
    salida = []
    for tope, tabla in elementos:
        cajas = [c.bbox for c in tabla.celdas if c.bbox and c.texto.strip()] if isinstance(tabla, Tabla) else []
        if not cajas:
            continue
        marco = union(cajas)
        alrededor = [r for r in recuadros if contiene(r, marco) and r[3] - r[1] > marco[3] - marco[1] + 2]
        if alrededor:
            salida.append((min(alrededor, key=lambda r: (r[2] - r[0]) * (r[3] - r[1])), tope))
    return salida


def _con_letras(texto: str) -> bool:
    return any(ch.isalpha() for ch in texto)


def _lineas_sobre_tablas(lineas_paginas: list[list[LineaLeida]], techos: list[float | None]) -> dict[str, int]:
    """Texts of the lines printed word for word above the first table of
    most pages (`techos`: each page's first table's top), each with the
    first page it is on: a report's boxed heading taller than the
    running-header band (entity, fiscal year), which would part a table
    from its continuation; not "Ficha N.° 2" over "Ficha N.° 3"."""
    cuentas: Counter[str] = Counter()
    primera: dict[str, int] = {}
    alturas: dict[str, list[float]] = {}
    for n_pagina, (lineas, techo) in enumerate(zip(lineas_paginas, techos), start=1):
        if techo is None:
            continue
        # the same words, numbers too; a figure alone ("4") heads nothing
        claves = {" ".join(l.texto.split()): l.top for l in lineas if l.bottom <= techo and _con_letras(l.texto)}
        cuentas.update(claves.keys())
        for k, arriba in claves.items():
            primera.setdefault(k, n_pagina)
            alturas.setdefault(k, []).append(arriba)
    n = sum(t is not None for t in techos)
    if n < 2:
        return {}
    # a running heading is printed at the same height on every page; a
    # subheading repeated over each list ("Logros enero – junio") is not
    return {
        k: primera[k]
        for k, c in cuentas.items()
        if c >= max(2, n // 2) and max(alturas[k]) - min(alturas[k]) <= MISMA_ALTURA
    }


def _tarjeta_de(bbox: tuple, tarjetas: Sequence[tuple]) -> tuple | None:
    """The card drawn around a paragraph (the largest box around it that
    frames no two others: a band inside a card is the card's), or None."""
    alrededor = [r for r in tarjetas if contiene(r, bbox)]
    return max(alrededor, key=lambda r: (r[2] - r[0]) * (r[3] - r[1]), default=None)


def _fondo_de_pagina(tabla, alto: float) -> bool:
    """A "table" of one row as tall as the page: a slide's background beside
    a coloured bar down its edge, not a table (its words are the page's)."""
    filas = {round(c[1]) for c in tabla.cells}
    return len(filas) == 1 and tabla.bbox[3] - tabla.bbox[1] >= FONDO_DE_PAGINA * alto


def _tarjeta(tabla, palabras: list[dict]) -> bool:
    """A "table" of a few cells, one of them with all the words (a box
    beside a coloured bar), or of one column with words on top and one
    figure under them (a box with a coloured strip, its label, over the
    figure): a card of a slide, not a table; its words are read as the card's text."""
    if len(tabla.cells) > MAX_FILAS_TARJETA:
        return False
    celdas = sorted(tabla.cells, key=lambda c: (c[1], c[0]))
    textos = [" ".join(w["text"] for w in palabras if _dentro(w, c)) for c in celdas]
    if sum(bool(t) for t in textos) == 1:
        return True  # one cell holds all its words: a framed box beside a coloured bar
    if len({round(c[0]) for c in tabla.cells}) > 1:
        return False
    rotulo = [w for w in textos[0].split() if any(ch.isalpha() for ch in w)]
    return len(rotulo) >= 2 and sum(any(ch.isdigit() for ch in t) for t in textos[1:]) == 1


MIN_EN_TARJETAS = 0.75  # share of a table's filled cells inside one card box each, for a row of cards
MIN_LINEAS_TARJETA = 3  # rows of such a table inside one card
HUECO_ENTRE_TARJETAS = 4.0  # points of blank between two cards side by side, at least


def _fila_de_tarjetas(casillas: list[Celda], recuadros: Sequence[tuple]) -> bool:
    """A table whose columns are cards: most filled cells inside one of the
    page's card boxes each, two boxes or more holding several lines of one
    column alone, apart from each other (tiles side by side whose lines line
    up as a borderless table's rows)."""
    llenas = [(c, c.bbox) for c in casillas if c.texto.strip() and c.bbox is not None]
    if not llenas or len(recuadros) < 2:
        return False
    filas_de: dict[tuple, set[int]] = {}  # box → the rows of its cells
    columnas_de: dict[tuple, set[int]] = {}  # box → the columns of its cells
    en_cajas = 0
    for c, b in llenas:
        cajas = [r for r in recuadros if contiene(r, b)]
        if cajas:
            caja = min(cajas, key=lambda r: (r[2] - r[0]) * (r[3] - r[1]))
            filas_de.setdefault(caja, set()).add(c.fila)
            columnas_de.setdefault(caja, set()).add(c.columna)
            en_cajas += 1
    if en_cajas < MIN_EN_TARJETAS * len(llenas):
        return False  # (a badge read into the next column's cell may cross two)

    # a card holds several lines of columns of its own (a ruled table's cell box holds one line; a box
    # across the table under the cards, "Cómo leer el tablero", the cards' columns; a card's foot,
    # "Punto de partida … Meta 2024-2027", two)
    def propias(caja: tuple) -> bool:
        return not any(columnas_de[caja] & columnas for otra, columnas in columnas_de.items() if otra != caja)

    cajas = sorted(caja for caja, filas in filas_de.items() if len(filas) >= MIN_LINEAS_TARJETA and propias(caja))
    # cards stand apart; a table's columns drawn as boxes touch
    return len(cajas) >= 2 and all(b[0] - a[2] >= HUECO_ENTRE_TARJETAS for a, b in zip(cajas, cajas[1:]))


def _elementos_pagina(
    pagina,
    n_pagina: int,
    palabras: list[dict] | None = None,
    ajustes: dict | None = AJUSTES_RAYADAS,
    horizontales: list[dict] | None = None,
    sueltas: list | None = None,
    corrientes: dict[str, int] | None = None,
    recuadros: Sequence[tuple] = (),
    rejilla: Sequence[tuple] = (),
) -> tuple[list, list[LineaLeida]]:
    """Tables (top, Tabla) and the free lines of a page read by pdfplumber
    (or of the OCR words of a scanned page, with its ruling lines as
    explicit table settings; None: no ruled table). `sueltas`, when given,
    receives the page's lines with digits outside every table cell
    (`LineaSuelta`, for the coverage audit). The running headers and
    footers (`corrientes`: their keys, `_corrientes`) are kept out of the tables;
    a line is cut where its words pass from one drawn card (`recuadros`) to another;
    no table spans two cards of a grid of rules (`rejilla`, tarjetas.de_reglas)."""
    palabras = _palabras(pagina) if palabras is None else palabras
    palabras = _sin_guias(palabras)  # "Alcantarillas ........ 23": white space
    palabras, aparte = _aparte_corrientes(palabras, float(pagina.height), corrientes)
    buscador = BuscadorRayadas(pagina, con_filas_abiertas(ajustes, pagina, palabras)) if ajustes else None
    halladas = buscador.tables if buscador else []
    # cells in no table of two or more: a table drawn as bands may have a band on its own
    en_tablas = {tuple(c) for t in halladas for c in t.cells}
    solas = [tuple(c) for c in buscador.cells if tuple(c) not in en_tablas] if buscador else []
    rayadas, halladas = franjas.tablas_de_franjas(halladas, solas, palabras)
    _marcar_franjas(solas, palabras)
    halladas = [
        t
        for t in halladas
        if len(t.cells) > 1 and not _fondo_de_pagina(t, float(pagina.height)) and not _tarjeta(t, palabras)
    ]
    palabras = _partidas_en_reglas(palabras, [c for t in halladas for c in t.cells])
    cajas, celdas = contiguas.anidadas([t.bbox for t in halladas], [t.cells for t in halladas])
    cajas, celdas = contiguas.juntar(cajas, celdas, palabras)
    cajas, celdas = contiguas.apiladas(cajas, celdas, palabras)
    cajas, celdas = cajas + [b for b, _ in rayadas], celdas + [c for _, c in rayadas]
    partes = [parte for bbox, casillas in zip(cajas, celdas) for parte in _subtablas(casillas, palabras, bbox)]
    partes = con_encabezado_suelto(partes, palabras)
    # a ruled header with a borderless body under it keeps its frame: the
    # body is read as a borderless table in the header's columns
    bordes = horizontales if horizontales is not None else pagina.horizontal_edges if ajustes else []
    iguales = tarjetas.iguales(recuadros, palabras)
    con_cuerpo, hechas = _con_cuerpo_sin_reglas(partes, palabras, n_pagina, bordes, iguales)
    bajadas = [p if k in con_cuerpo else q for k, (p, q) in enumerate(zip(partes, _con_filas_debajo(partes, palabras)))]
    if hechas is None or any(p[0] is not q[0] or p[1] is not q[1] for p, q in zip(partes, bajadas)):
        hechas = _con_cuerpos(bajadas, palabras, n_pagina, bordes, iguales)  # else the same tables were read already
    recuadros_tablas, casillas_tablas, libres = hechas
    de_tarjetas = [
        b
        for b, c in zip(recuadros_tablas, casillas_tablas)
        if _fila_de_tarjetas(c, recuadros) or tarjetas.de_claves(c, iguales) or tarjetas.cruza(c, rejilla)
    ]
    if de_tarjetas:  # cards side by side read as one table's columns: their words are the cards' text
        quedan = [(b, c) for b, c in zip(recuadros_tablas, casillas_tablas) if b not in de_tarjetas]
        recuadros_tablas, casillas_tablas = [b for b, _ in quedan], [c for _, c in quedan]
        vistas = {id(w) for w in libres}  # (a ruled table's words were kept out of the free ones)
        libres = libres + [w for w in palabras if id(w) not in vistas and any(_dentro(w, b) for b in de_tarjetas)]
    libres = [w for w in libres if not any(_dentro(w, b) for b in recuadros_tablas)] + aparte
    tablas = [
        (bbox[1], Tabla(indice=0, celdas=sin_marco_de_hoja(casillas)))
        for bbox, casillas in zip(recuadros_tablas, casillas_tablas)
    ]
    lineas = agrupar_lineas(libres)
    if sueltas is not None and recuadros_tablas:
        sueltas.extend(_lineas_sueltas(lineas, n_pagina))
        fuera = _fuera_de_celdas(palabras, recuadros_tablas, casillas_tablas)
        sueltas.extend(_lineas_sueltas(agrupar_lineas(fuera), n_pagina, en_tabla=True))
    return tablas, leidas(lineas, recuadros)


# a figure glued to the words of the next cell ("100,0%Dirección"): where they part
_CIFRA_Y_LETRA = re.compile(r"(?<=[\d%‰])(?=[^\W\d_])")


def _partidas_en_reglas(palabras: list[dict], celdas: list[tuple]) -> list[dict]:
    """The words with those that cross the rule between two cells parted at
    it: a figure right-aligned against the rule touches the text of the
    next cell, and the two come out as one word."""
    salida = []
    for w in palabras:
        corte = _CIFRA_Y_LETRA.search(w["text"]) if any(ch.isdigit() for ch in w["text"]) else None
        regla = (
            next(
                (
                    c[0]
                    for c in celdas
                    if w["x0"] + 1 < c[0] < w["x1"] - 1 and c[1] < (w["top"] + w["bottom"]) / 2 < c[3]
                ),
                None,
            )
            if corte
            else None
        )
        if corte is None or regla is None:
            salida.append(w)
            continue
        k = corte.start()
        salida.append({**w, "text": w["text"][:k], "x1": regla - 0.5})
        salida.append({**w, "text": w["text"][k:], "x0": regla + 0.5})
    return salida


def _marcar_franjas(solas: list[tuple], palabras: list[dict]) -> None:
    """Mark the words of a one-line box standing alone (a shaded row across
    a borderless table: a programme's heading) with `en_franja`, the sign
    the borderless reader takes for a heading row however short its text."""
    for caja in solas:
        dentro = [w for w in palabras if _dentro(w, caja)]
        if dentro and len(agrupar_lineas(dentro)) == 1:
            for w in dentro:
                w["en_franja"] = True


def _con_cuerpos(
    partes: list[tuple[tuple, list[tuple]]],
    palabras: list[dict],
    n_pagina: int,
    bordes: list[dict],
    iguales: Sequence[tuple] = (),
) -> tuple[list[tuple], list[list[Celda]], list[dict]]:
    """(frames, cells, words outside every frame) of the ruled tables
    `partes` and of the borderless tables among the other words; a
    borderless table right under a ruled header (`_encabezado_rayado_encima`)
    is its body, one table with it. Tables side by side, each with its own
    horizontal rules (`bordes`), are read apart (`carriles`); no borderless
    table crosses the top or bottom of a card of a grid (`iguales`)."""
    recuadros_tablas = [bbox for bbox, _ in partes]
    casillas_tablas = [_tabla_rayada(casillas, palabras, n_pagina, bbox) for bbox, casillas in partes]
    libres = [w for w in palabras if not any(_dentro(w, b) for b in recuadros_tablas)]
    barreras = [y for b in [*recuadros_tablas, *iguales] for y in (b[1], b[3])]
    cabezas = [
        b[3] for b, casillas in zip(recuadros_tablas, casillas_tablas) if _n_filas(casillas) <= MAX_FILAS_ENCABEZADO
    ]
    sin_reglas = [
        t for grupo in carriles(libres, bordes) for t in sin_bordes.buscar_tablas(grupo, n_pagina, barreras, cabezas)
    ]
    for bbox, casillas in sin_reglas:
        k, mapa = _encabezado_rayado_encima(bbox, casillas, recuadros_tablas, casillas_tablas, libres)
        if mapa is None:
            recuadros_tablas.append(bbox)
            casillas_tablas.append(casillas)
        else:
            cabeza = recuadros_tablas[k]
            recuadros_tablas[k] = (min(cabeza[0], bbox[0]), cabeza[1], max(cabeza[2], bbox[2]), bbox[3])
            casillas_tablas[k] = _con_cuerpo(casillas_tablas[k], casillas, mapa)
    return recuadros_tablas, casillas_tablas, libres


def _con_cuerpo_sin_reglas(
    partes: list[tuple[tuple, list[tuple]]],
    palabras: list[dict],
    n_pagina: int,
    bordes: list[dict],
    iguales: Sequence[tuple] = (),
) -> tuple[set[int], tuple[list[tuple], list[list[Celda]], list[dict]] | None]:
    """Indices of the ruled tables of a few rows that head a borderless
    body right under them (found among the words outside the frames as
    drawn, its columns held one to one by the header's: `_con_cuerpos`).
    Their frames are not taken down line by line over the body
    (`_con_filas_debajo`): rows whose names and origins wrap over several
    lines, with the figures set between them, are parted by the borderless
    reader, which follows the lines of figures. Also returns what
    `_con_cuerpos` read of `partes` (None when it was not needed)."""
    if not any(len(_agrupamientos([b[1] for b in cajas])) <= MAX_FILAS_ENCABEZADO for _, cajas in partes):
        return set(), None
    hechas = _con_cuerpos(partes, palabras, n_pagina, bordes, iguales)
    recuadros = hechas[0]
    # a header's frame grows down only when a body joins it
    return {k for k, (bbox, _) in enumerate(partes) if recuadros[k][3] > bbox[3] + MIN_CELDA}, hechas


def _fuera_de_celdas(
    palabras: list[dict], recuadros_tablas: list[tuple], casillas_tablas: list[list[Celda]]
) -> list[dict]:
    """Words inside a table's frame that went to none of its cells (rows
    a table reader could not place). Cells are looked up by 20-point bands
    of height, so a word is checked against the few cells of its band."""
    bandas: dict[int, list[tuple]] = {}
    for casillas in casillas_tablas:
        for c in casillas:
            if c.bbox is not None:
                for y in range(int(c.bbox[1]) // 20, int(c.bbox[3]) // 20 + 1):
                    bandas.setdefault(y, []).append(c.bbox)
    fuera = []
    for w in palabras:
        if any(_dentro(w, b) for b in recuadros_tablas):
            cy = (w["top"] + w["bottom"]) / 2
            if not any(_dentro(w, b) for b in bandas.get(int(cy) // 20, ())):
                fuera.append(w)
    return fuera


def _lineas_sueltas(lineas, n_pagina: int, en_tabla: bool = False) -> list[LineaSuelta]:
    """The lines with a digit, with the box of each word that has one."""
    salida = []
    for linea in lineas:
        cifras = [
            (w["text"], (round(w["x0"], 2), round(w["top"], 2), round(w["x1"], 2), round(w["bottom"], 2)))
            for w in linea.palabras
            if any(ch.isdigit() for ch in w["text"])
        ]
        if cifras:
            bbox = (round(linea.x0, 2), round(linea.top, 2), round(linea.x1, 2), round(linea.bottom, 2))
            salida.append(LineaSuelta(linea.texto, n_pagina, bbox, cifras, en_tabla))
    return salida


def _n_filas(casillas: list[Celda]) -> int:
    return max(c.fila + c.filas_span for c in casillas)


def _extensiones_columnas(casillas: list[Celda]) -> dict[int, tuple[float, float]]:
    """x-extent of each column from its one-column cells that have a box."""
    extensiones: dict[int, tuple[float, float]] = {}
    for c in casillas:
        if c.bbox and c.columnas_span == 1:
            x0, x1 = extensiones.get(c.columna, (c.bbox[0], c.bbox[2]))
            extensiones[c.columna] = (min(x0, c.bbox[0]), max(x1, c.bbox[2]))
    return extensiones


def _mapa_columnas(encabezado: list[Celda], cuerpo: list[Celda]) -> dict[int, int] | None:
    """Each body column to the header column whose box holds its centre, or
    None when a body column falls in no header column or two share one."""
    recuadros = _extensiones_columnas(encabezado)
    mapa = {}
    for col, (x0, x1) in _extensiones_columnas(cuerpo).items():
        medio = (x0 + x1) / 2
        coincide = [k for k, (h0, h1) in recuadros.items() if h0 <= medio <= h1]
        if len(coincide) != 1:
            return None
        mapa[col] = coincide[0]
    return mapa if len(set(mapa.values())) == len(mapa) else None


def _encabezado_rayado_encima(
    bbox, casillas, recuadros_tablas, casillas_tablas, libres
) -> tuple[int, dict[int, int] | None]:
    """(index, column map) of the ruled table that is the header of the
    borderless table below it: a table of at most MAX_HEADER_ROWS rows right
    above it (no free word between them) whose columns hold the body's
    columns one to one. (-1, None) when there is none."""
    encima = [k for k, b in enumerate(recuadros_tablas) if b[3] <= bbox[1] + 1]
    if not encima:
        return -1, None
    k = max(encima, key=lambda k: recuadros_tablas[k][3])
    encabezado, abajo = casillas_tablas[k], recuadros_tablas[k][3]
    if _n_filas(encabezado) > MAX_FILAS_ENCABEZADO or any(
        abajo < (w["top"] + w["bottom"]) / 2 < bbox[1] for w in libres
    ):
        return -1, None
    return k, _mapa_columnas(encabezado, casillas)


def _con_cuerpo(encabezado: list[Celda], cuerpo: list[Celda], mapa: dict[int, int]) -> list[Celda]:
    """The header's cells, then the body's rows under it in the header's
    columns (`mapa`: body column to header column; empty cells where a
    header column has no body column)."""
    tope = _n_filas(encabezado)
    ancho = max(c.columna + c.columnas_span for c in encabezado)
    filas = max(c.fila for c in cuerpo) + 1
    ubicadas = {(c.fila, mapa[c.columna]): c for c in cuerpo if c.columna in mapa}
    pagina = cuerpo[0].pagina
    salida = list(encabezado)
    for r in range(filas):
        k = 0
        while k < ancho:
            c = ubicadas.get((r, k))
            if c and c.columnas_span > 1:  # a band across the body: across the header's columns
                c = replace(c, columnas_span=ancho - k)
            salida.append(
                replace(c, fila=tope + r, columna=k) if c else Celda(texto="", fila=tope + r, columna=k, pagina=pagina)
            )
            k += c.columnas_span if c else 1
    return salida


def _ajustes_ocr(leida: ocr.PaginaOcr) -> dict | None:
    """pdfplumber table settings from the ruling lines of a page image."""
    if len(leida.horizontales) < 2 or len(leida.verticales) < 2:
        return None
    return {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": [_borde(x, tope, x, abajo) for x, tope, abajo in leida.verticales],
        "explicit_horizontal_lines": [_borde(x0, y, x1, y) for x0, x1, y in leida.horizontales],
        "snap_tolerance": 3,
        "join_tolerance": 4,
        "intersection_tolerance": 4,
    }


def _confianza_ocr(casillas: list[Celda], palabras: list[dict]) -> None:
    """Each OCR'd cell keeps the lowest confidence of its words with digits
    (of all its words when none has one)."""
    for casilla in casillas:
        if casilla.bbox is None:
            continue
        interior = [w for w in palabras if _dentro(w, casilla.bbox)]
        digitos = [w for w in interior if any(ch.isdigit() for ch in w["text"])] or interior
        if digitos:
            casilla.confianza_ocr = min(w["conf"] for w in digitos)


def _elementos_escaneados(
    pagina, n_pagina: int, leida: ocr.PaginaOcr, sueltas: list | None = None
) -> tuple[list, list[LineaLeida]]:
    tablas, lineas = _elementos_pagina(pagina, n_pagina, leida.palabras, _ajustes_ocr(leida), [], sueltas)
    for _, tabla in tablas:
        _confianza_ocr(tabla.celdas, leida.palabras)
        tabla.celdas = cifras_ocr.reparar(tabla.celdas)
    return tablas, lineas


def _paginas_ocr(ruta: Path, sha256: str, numeros: list, recortes: bool = False) -> tuple[dict, str | None]:
    """OCR of the scanned pages: ({page: PaginaOcr}, None), or ({}, reason)
    when Tesseract is not installed. ErrorLectura when it fails. With
    `recortes`, `numeros` are (page, box) pairs: pictures on pages with a
    text layer (`cribado._imagenes_de_tabla`), keyed by the same pairs."""
    if not numeros:
        return {}, None
    try:
        lector = ocr.LectorOcr(ruta, sha256)
        return (lector.leer_recortes(numeros) if recortes else lector.leer(numeros)), None
    except ocr.ErrorOcr as exc:
        if ocr.falta_tesseract():
            return {}, str(exc)
        raise ErrorLectura(ruta.name, f"no se pudo leer con OCR: {exc}") from exc


def _nota_escaneo(n_pagina: int, leida: ocr.PaginaOcr | None, tablas: list, faltan: str | None) -> Omision | None:
    if leida is None:
        return Omision(
            texto=f"Página {n_pagina} (escaneada)",
            motivo=f"página escaneada sin capa de texto que no se leyó: {faltan}",
            pagina=n_pagina,
        )
    if tablas:
        return None
    texto = leida.texto
    corta = texto if len(texto) <= 300 else texto[:300].rsplit(" ", 1)[0] + " …"
    return Omision(
        texto=corta or f"Página {n_pagina} (escaneada)",
        pagina=n_pagina,
        motivo="página escaneada leída con OCR: no tiene tablas"
        if texto
        else "página escaneada: el OCR no encontró texto",
    )


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


def _paginas(pdf):
    """pdfplumber's pages one at a time, each let go once read.

    `pdf.pages` makes every page up front and keeps it, and pdfminer's
    document keeps every object it parses (every page's content streams
    among them) until the file is closed: memory that grew with the
    report. This makes each page as `pdf.pages` does (same numbers and
    document offsets) and, after it, closes it and empties pdfminer's cache
    of parsed objects (any object asked for again is parsed again; the
    object streams already parsed stay cached)."""
    doctop: float = 0
    paginas = PDFPage.create_pages(pdf.doc)
    n_pagina = 0
    while True:
        try:
            objeto = next(paginas)
        except StopIteration:
            return
        except Exception as exc:  # as pdf.pages reports it
            raise PdfminerException(exc) from exc
        n_pagina += 1
        pagina = Page(pdf, objeto, page_number=n_pagina, initial_doctop=doctop)
        doctop += pagina.height
        try:
            yield pagina
        finally:
            pagina.close()
            del pagina, objeto
            vaciar_objetos_pdfminer(pdf.doc)


def _leer_rapida(pagina, pagina_texto):
    """`leer_pagina` of a page with tables and its filled rectangles (bars
    of a chart), as `cribar` calls it."""
    leida = leer_pagina(pagina, pagina_texto, AJUSTES_RAYADAS)
    return leida, (graficas.rectangulos_de_pdfium(pagina) if leida is not None else [])


def _pagina_de_tabla(
    rapida,
    pagina,
    n_pagina: int,
    sueltas: list | None = None,
    corrientes: dict[str, int] | None = None,
    imagenes: Sequence[tuple[tuple, ocr.PaginaOcr]] = (),
    cribada: PaginaCribada | None = None,
    llamadas: list[LlamadaDeNota] | None = None,
) -> tuple[list, list[LineaLeida], list[tuple]]:
    """A page that may hold tables: its words, ruling lines and filled
    rectangles from pdfium (pdfium_pagina, several times faster; read
    already by `cribar` when `cribada.leida` holds them), else from
    pdfplumber, with those of the pictures on it read by OCR (`imagenes`:
    their boxes and readings); and the boxes drawn on it (x0, top, x1,
    bottom: cards of a slide). The footnote calls after its figures go to `llamadas`."""
    leida = None
    rectangulos: list[graficas.Rectangulo] = []
    if rapida is not None:
        if cribada is not None and cribada.leida is not None:
            ((leida, rectangulos),) = cribada.leida
            cribada.leida = None  # kept no longer than needed
        else:
            veloz = rapida.pagina(n_pagina - 1)
            pagina_texto = veloz.get_textpage()
            try:
                leida, rectangulos = _leer_rapida(veloz, pagina_texto)
            finally:
                pagina_texto.close()
                veloz.close()
    if leida is not None:
        palabras, ajustes, horizontales, recuadros, verticales = leida
        recuadros = de_tarjeta(recuadros, float(pagina.height))
    else:
        palabras, ajustes, horizontales = _palabras(pagina), AJUSTES_RAYADAS, pagina.horizontal_edges
        verticales = pagina.vertical_edges
        rectangulos = graficas.rectangulos_de_pdfplumber(pagina)
        cajas = [(o["x0"], o["top"], o["x1"], o["bottom"]) for o in pagina.rects + pagina.curves]
        recuadros = de_tarjeta(cajas, float(pagina.height))
    palabras, de_notas = sin_llamadas(palabras)
    if llamadas is not None:
        llamadas += [LlamadaDeNota(n_pagina, (w["x0"], w["top"], w["x1"], w["bottom"]), t) for w, t in de_notas]
    de_graficas, palabras = graficas.tablas_de_graficas(rectangulos, palabras, n_pagina)
    de_indicador, palabras = tablas_de_indicador(rectangulos, palabras, n_pagina)  # one indicator's chart
    recuadros = con_pies(recuadros, palabras)
    # cards parted only by rules: the cells of their grid are cards too
    rejilla = tarjetas.de_reglas(verticales, horizontales, palabras, float(pagina.width), float(pagina.height))
    recuadros += rejilla

    def elementos(palabras_, ajustes_, horizontales_, sueltas_):
        return _elementos_pagina(
            pagina, n_pagina, palabras_, ajustes_, horizontales_, sueltas_, corrientes, recuadros, rejilla
        )

    tablas, lineas = _con_imagenes_leidas(elementos, palabras, ajustes, horizontales, imagenes, sueltas)
    graficas.nombrar_con_tablas(de_graficas, tablas)
    return tablas + de_graficas + de_indicador, lineas, recuadros


def _con_imagenes_leidas(elementos, palabras, ajustes, horizontales, imagenes, sueltas) -> tuple[list, list]:
    """The page's tables and lines read with the words and rules of its
    pictures; a picture that gives no table is left out (its OCR words are a
    chart's labels or a photograph's specks, not the report's text)."""
    while True:
        leidas = [leida for _, leida in imagenes]
        con = _con_imagenes(palabras, ajustes, horizontales, leidas) if leidas else (palabras, ajustes, horizontales)
        propias: list | None = [] if sueltas is not None else None
        tablas, lineas = elementos(*con, propias)
        sin_tabla = [k for k, (caja, _) in enumerate(imagenes) if not any(_en_caja(t, caja) for _, t in tablas)]
        if not sin_tabla:
            if sueltas is not None and propias:
                sueltas.extend(propias)
            return _de_imagenes(tablas, leidas), lineas
        imagenes = [par for k, par in enumerate(imagenes) if k not in sin_tabla]


def _en_caja(tabla: Tabla, caja: tuple) -> bool:
    """Some cell of the table has its middle in the box."""
    return any(
        c.bbox is not None
        and caja[0] <= (c.bbox[0] + c.bbox[2]) / 2 <= caja[2]
        and caja[1] <= (c.bbox[1] + c.bbox[3]) / 2 <= caja[3]
        for c in tabla.celdas
    )


def _con_imagenes(
    palabras: list[dict], ajustes: dict | None, horizontales: list[dict], imagenes: Sequence[ocr.PaginaOcr]
) -> tuple[list[dict], dict | None, list[dict]]:
    """The page's words, table settings and horizontal rules with those of
    its pictures read by OCR added (no text of the page lies over them)."""
    if not imagenes:
        return palabras, ajustes, horizontales
    palabras = palabras + [w for leida in imagenes for w in leida.palabras]
    for leida in imagenes:
        de_imagen = _ajustes_ocr(leida)
        if de_imagen is None:
            continue
        if ajustes is None:
            ajustes = de_imagen
        else:  # pdfplumber adds explicit lines to those of any strategy
            ajustes = dict(ajustes)
            for clave in ("explicit_vertical_lines", "explicit_horizontal_lines"):
                ajustes[clave] = list(ajustes.get(clave, [])) + de_imagen[clave]
        horizontales = horizontales + de_imagen["explicit_horizontal_lines"]
    return palabras, ajustes, horizontales


def _de_imagenes(tablas: list, imagenes: Sequence[ocr.PaginaOcr]) -> list:
    """Tables with cells read from a picture keep their OCR confidence and
    have their misread figures mended, as a scanned page's."""
    if not imagenes:
        return tablas
    palabras = [w for leida in imagenes for w in leida.palabras]
    for _, tabla in tablas:
        _confianza_ocr(tabla.celdas, palabras)
        tabla.celdas = cifras_ocr.reparar(tabla.celdas)
    return tablas


def _con_tabla(elementos_paginas: list[list]) -> bool:
    return any(isinstance(e, Tabla) for elementos in elementos_paginas for _, e in elementos)


def leer_pdf(ruta: Path, sha256: str) -> Documento:
    elementos_paginas: list[list] = []  # per page: (top, block) pairs
    lineas_paginas: list[list[LineaLeida]] = []
    altos: list[float] = []
    notas: list[Omision] = []
    sueltas: list[LineaSuelta] = []  # lines with digits outside every table cell
    llamadas: list[LlamadaDeNota] = []  # footnote calls after figures
    recuadros_paginas: dict[int, list[tuple]] = {}  # boxes drawn on each page read with its paths
    cribadas = cribar(ruta, leer=_leer_rapida if USAR_PDFIUM else None)
    escaneadas, faltan = _paginas_ocr(ruta, sha256, [p.numero for p in cribadas if p.escaneada])
    recortes = [(p.numero, caja) for p in cribadas for caja in p.imagenes]
    en_imagenes, faltan_en_imagenes = _paginas_ocr(ruta, sha256, recortes, recortes=True)
    corrientes = _corrientes(cribadas)
    n_paginas = 0
    with _pdfplumber(ruta) as pdf, _pdfium(ruta) as rapida:
        for n_pagina, pagina in enumerate(_paginas(pdf), start=1):
            n_paginas = n_pagina
            veloz = cribadas[n_pagina - 1]
            if veloz.escaneada:
                leida = escaneadas.pop(n_pagina, None)
                tablas, lineas = _elementos_escaneados(pagina, n_pagina, leida, sueltas) if leida else ([], [])
                nota = _nota_escaneo(n_pagina, leida, tablas, faltan)
                if nota:
                    notas.append(nota)
            elif veloz.con_tablas or (veloz.lineas_de_cifras and _con_tabla(elementos_paginas[-1:])):
                # a few lines of figures after a table: its last rows on the next page
                imagenes = [
                    (caja, en_imagenes[(n_pagina, caja)]) for caja in veloz.imagenes if (n_pagina, caja) in en_imagenes
                ]
                tablas, lineas, recuadros = _pagina_de_tabla(
                    rapida, pagina, n_pagina, sueltas, corrientes, imagenes, veloz, llamadas
                )
                recuadros_paginas[n_pagina] = recuadros
                if veloz.imagenes and faltan_en_imagenes:
                    notas.append(
                        Omision(
                            texto=f"Imagen de la página {n_pagina}",
                            motivo=f"imagen que puede ser una tabla pegada como figura; no se leyó: {faltan_en_imagenes}",
                            pagina=n_pagina,
                        )
                    )
            else:  # prose only: the text runs of the first pass are enough
                tablas, lineas = [], veloz.lineas
                recuadros_paginas[n_pagina] = veloz.recuadros
            lineas_paginas.append(lineas)
            altos.append(float(pagina.height))
            elementos_paginas.append(tablas + [(None, lineas)])

    corridas = _lineas_corridas(lineas_paginas, altos)
    techos = [min((t for t, e in elementos if isinstance(e, Tabla)), default=None) for elementos in elementos_paginas]
    sobre_tablas = _lineas_sobre_tablas(lineas_paginas, techos)
    techos = [techo if _continua_pagina(elementos_paginas, k) else None for k, techo in enumerate(techos)]
    bloques: list[BloqueTexto | Tabla] = []
    encabezados: list[str] = []
    for n_pagina, (elementos, h, techo) in enumerate(zip(elementos_paginas, altos, techos), start=1):
        ubicadas: list[tuple[tuple, BloqueTexto | Tabla]] = []
        for tope, elemento in elementos:
            if isinstance(elemento, Tabla):
                if any(c.texto.strip() for c in elemento.celdas):  # a grid with no text (a chart's) is none
                    ubicadas.append(((tope, -1, 0), elemento))
                continue
            contenido = []
            for linea in elemento:
                en_franja = linea.top < h * FRANJA_CABECERA or linea.bottom > h * (1 - FRANJA_PIE)
                if en_franja and _clave_corrida(linea.texto) in corridas:
                    if linea.texto not in encabezados:
                        encabezados.append(linea.texto)
                elif (
                    techo is not None
                    and linea.bottom <= techo
                    and sobre_tablas.get(" ".join(linea.texto.split()), n_pagina) < n_pagina
                ):
                    continue  # printed above the table on every page: kept on its first page only
                else:
                    contenido.append(linea)
            parrafos = agrupar_parrafos(contenido)
            altura_normal = altura_de_texto(contenido, h)
            cortes = [t for t, e in elementos if isinstance(e, Tabla)]
            recuadros = recuadros_paginas.get(n_pagina, [])  # the cards drawn on the page
            enmarcadas = _tablas_enmarcadas(elementos, recuadros)
            tarjetas = tarjetas_sin_marcos([r[:4] for r in recuadros])
            for n_tramo, tramo in enumerate(orden_de_lectura([p.bbox for p in parrafos], cortes, recuadros)):
                # a run of columns is placed among the tables by its top, read column by column
                # (runs that start at one height, cards side by side, one after the other)
                arriba = min(parrafos[k].top for k in tramo)
                for orden, k in enumerate(tramo):
                    para = parrafos[k]
                    bloque = BloqueTexto(texto=para.texto, pagina=n_pagina, bbox=para.bbox, negrita=para.negrita)
                    bloque.recuadro = _tarjeta_de(para.bbox, tarjetas)
                    if es_nota_al_pie(para.lineas, h, altura_normal):
                        bloque.estilo = "Nota"
                    # a heading in the frame of a table (a box "Fondo … · vigencia 2023" over its
                    # figures) is read right before that table, whatever column it stands in
                    tope = next((t for caja, t in enmarcadas if contiene(caja, para.bbox)), None)
                    clave = (tope, -2, (n_tramo, orden)) if tope is not None else (arriba, n_tramo, orden)
                    ubicadas.append((clave, bloque))
        ubicadas.sort(key=lambda p: p[0])
        bloques.extend(b for _, b in ubicadas)
    for suelta in sueltas:  # a running header or footer is not content
        h = altos[suelta.pagina - 1]
        en_franja = suelta.bbox[1] < h * FRANJA_CABECERA or suelta.bbox[3] > h * (1 - FRANJA_PIE)
        suelta.repetida = en_franja and _clave_corrida(suelta.texto) in corridas
    indice = 0
    for b in bloques:
        if isinstance(b, Tabla):
            indice += 1
            b.indice = indice
    return Documento(
        archivo=ruta.name,
        sha256=sha256,
        formato="pdf",
        paginas=n_paginas,
        bloques=bloques,
        encabezados_pagina=encabezados,
        omisiones=notas,
        lineas_sueltas=sueltas,
        llamadas=llamadas,
    )
