"""Words and ruling lines of a table page read with pdfium instead of
pdfminer: the same inputs pdfplumber's table finder and word grouping get
from a page, at a fraction of the cost.

pdfplumber parses every object of a page in Python (pdfminer), which is
most of the cost of reading a report (about 0.2 s per table page). pdfium
reads the same page in C: the characters come from its text page (box from
the glyph advance and, vertically, baseline + descent .. + font size, as
pdfminer computes them) and the ruling lines from its path objects (every
horizontal or vertical segment, as pdfplumber makes edges of lines, rects
and curves). The words are then grouped by pdfplumber's own WordExtractor
and the tables found by its own TableFinder (`explicit` strategy fed with
these edges, equivalent to the `lines` strategy over the page's edges).

`leer_pagina` returns None when the page is one this path does not handle
the same way (rotated page or text, a crop box or media box not at the
origin, a path inside a nested form): the caller reads that page with
pdfplumber as before.

`DocumentoPdfium` gives the pages of a file to both pdfium passes (this one
and `cribado`) with flat memory, whatever the number of pages.
"""
from __future__ import annotations

import ctypes
from array import array
from pathlib import Path
from typing import Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.utils.text import WordExtractor

from extractor.formatos.lineas import fuente_de_palabra

MIN_EDGE = 1.0  # pdfplumber's edge_min_length_prefilter
# pdfium's codes below 32: 2 is a hyphen that ends a line; tabs and line
# breaks written in the text are blanks; any other is a glyph without a
# Unicode mapping, which pdfminer writes as "(cid:N)".
_CONTROL = {2: "-", 9: " ", 10: " ", 13: " "}
_SEGMENTS = (pdfium_c.FPDF_SEGMENT_LINETO, pdfium_c.FPDF_SEGMENT_BEZIERTO)


TRAMO = 50  # pages loaded from one opening of the document


class DocumentoPdfium:
    """A PDF whose pages are loaded one at a time with pdfium, the document
    being reopened every `tramo` pages.

    pdfium keeps what it parsed for a page (its objects, fonts and streams)
    in the document until the document is closed, even once the page is
    closed: 70 KB a page in bench/rendimiento.py's big reports, so a
    worker's memory grew with the report. Reopening every 50 pages frees
    it; an opening costs about 5 ms on a 1,000-page file (its
    cross-reference table is read again).

    Each page from `pagina` must be closed (with its text page) before the
    next one is asked for."""

    def __init__(self, ruta: Path, tramo: int = TRAMO):
        self._ruta = str(ruta)
        self._tramo = tramo
        self._doc: Optional[pdfium.PdfDocument] = pdfium.PdfDocument(self._ruta)
        self._n = len(self._doc)
        self._cargadas = 0  # pages loaded from this opening

    def __len__(self) -> int:
        return self._n

    def pagina(self, indice: int) -> pdfium.PdfPage:
        """Page `indice` (0-based)."""
        if self._doc is None:
            raise ValueError("DocumentoPdfium is closed")
        if self._cargadas >= self._tramo:
            self._doc.close()
            self._doc = None
            self._doc = pdfium.PdfDocument(self._ruta)
            self._cargadas = 0
        self._cargadas += 1
        return self._doc[indice]

    def close(self) -> None:
        if self._doc is not None:
            self._doc.close()
            self._doc = None

    def __enter__(self) -> DocumentoPdfium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _NoAplica(Exception):
    """A page this reader does not handle like pdfplumber: fall back."""


def leer_pagina(page, textpage, settings: dict) -> Optional[tuple[list[dict], Optional[dict]]]:
    """(words, table settings: None when the page has no ruling to make a
    table of) of a table page for `pdf._page_items`, or None to read the
    page with pdfplumber."""
    try:
        alto = _alto(page)
        palabras = _palabras(textpage, alto)
        bordes = _bordes(page, alto)
    except (_NoAplica, pdfium.PdfiumError):
        return None
    verticales = [b for b in bordes if b["orientation"] == "v"]
    horizontales = [b for b in bordes if b["orientation"] == "h"]
    if len(verticales) < 2 or len(horizontales) < 2:
        return palabras, None  # no ruled table can be drawn
    ajustes = {k: v for k, v in settings.items() if k not in ("vertical_strategy", "horizontal_strategy")}
    ajustes.update(vertical_strategy="explicit", horizontal_strategy="explicit",
                   explicit_vertical_lines=verticales, explicit_horizontal_lines=horizontales)
    return palabras, ajustes


def _alto(page) -> float:
    if page.get_rotation() != 0:
        raise _NoAplica
    caja = page.get_mediabox()
    if abs(caja[0]) > 0.01 or abs(caja[1]) > 0.01 or page.get_cropbox() != caja:
        raise _NoAplica
    return float(caja[3])


def _sin_conversion(funcion, restype):
    """`funcion` of pdfium with another result type (a plain address for a
    pointer: comparable, and no ctypes object made for it)."""
    prototipo = ctypes.CFUNCTYPE(restype, *funcion.argtypes)
    direccion = ctypes.cast(funcion, ctypes.c_void_p).value
    if direccion is None:
        raise RuntimeError(f"pdfium sin la función {funcion.__name__}")
    return prototipo(direccion)


_OBJETO_DE_LETRA = _sin_conversion(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_TIPO_OBJETO = pdfium_c.FPDFText_GetTextObject.restype


def _textos(raw, n: int) -> Optional[array]:
    """The page's n character codes in one call (UTF-16 units, one per
    character index), or None when that does not line up index by index."""
    buffer = ctypes.create_string_buffer(2 * (n + 1))
    escritos = pdfium_c.FPDFText_GetText(raw, 0, n, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    if escritos != n + 1:
        return None
    return array("H", buffer.raw[: 2 * n])


def _palabras(textpage, alto: float) -> list[dict]:
    """Words as pdf._words gives them: text, box, font ('Bold' when every
    character is bold). What depends on the text object (size, font,
    angle) is read once per object, not per character."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    textos = _textos(raw, n)
    caja = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    descenso = ctypes.c_float()
    matriz = pdfium_c.FS_MATRIX()
    nombre = ctypes.create_string_buffer(512)
    fuentes: dict = {}
    objetos: dict = {}  # address of the text object -> (size, font name, descent)
    generado, caja_de, origen_de = pdfium_c.FPDFText_IsGenerated, pdfium_c.FPDFText_GetLooseCharBox, \
        pdfium_c.FPDFText_GetCharOrigin
    chars: list[dict] = []
    for i in range(n):
        codigo = textos[i] if textos is not None else 0
        if codigo < 32 or codigo >= 0xD800:  # GetText rewrites some codes (2 -> U+FFFE)
            codigo = pdfium_c.FPDFText_GetUnicode(raw, i)
        if generado(raw, i):
            # a space pdfium put where the text has a gap (sometimes where the
            # PDF has a real space it merged): it separates words, as in pdfminer
            if codigo == 32 and chars:
                chars.append(dict(chars[-1], text=" "))
            continue
        if 0xD800 <= codigo <= 0xDFFF:
            continue
        texto = _CONTROL.get(codigo, f"(cid:{codigo})") if codigo < 32 else chr(codigo)
        direccion = _OBJETO_DE_LETRA(raw, i)
        datos = objetos.get(direccion)
        if datos is None:
            if pdfium_c.FPDFText_GetCharAngle(raw, i) not in (0.0, -1.0):
                raise _NoAplica  # rotated text: pdfminer's direction rules
            objeto = ctypes.cast(direccion, _TIPO_OBJETO)
            tamano = _tamano_dibujado(raw, i, objeto, matriz)
            fuente = pdfium_c.FPDFTextObj_GetFont(objeto)
            clave = (ctypes.cast(fuente, ctypes.c_void_p).value, tamano)
            de_fuente = fuentes.get(clave)
            if de_fuente is None:
                largo = pdfium_c.FPDFFont_GetBaseFontName(fuente, nombre, len(nombre))
                texto_fuente = nombre.raw[: max(0, largo - 1)].decode("utf-8", "replace")
                if not pdfium_c.FPDFFont_GetDescent(fuente, ctypes.c_float(tamano), descenso):
                    raise _NoAplica
                de_fuente = fuentes[clave] = (texto_fuente, descenso.value)
            datos = objetos[direccion] = (tamano, *de_fuente)
        tamano, texto_fuente, descenso_fuente = datos
        if not caja_de(raw, i, caja) or not origen_de(raw, i, x, y):
            raise _NoAplica
        abajo = alto - (y.value + descenso_fuente)
        chars.append({"text": texto, "x0": caja.left, "x1": caja.right, "top": abajo - tamano,
                      "bottom": abajo, "doctop": abajo - tamano, "upright": True, "size": tamano,
                      "fontname": texto_fuente})
    palabras = []
    for palabra, letras in WordExtractor().iter_extract_tuples(chars):
        palabra["fontname"] = fuente_de_palabra([c["fontname"] for c in letras])
        palabras.append(palabra)
    return palabras


def _tamano_dibujado(raw, indice: int, objeto, matriz) -> float:
    """The character's size as drawn, as pdfminer measures it: the font size
    times the vertical scale of the text object's matrix (a report drawn at
    size 327.68 scaled by 0.025 is 8 points high, not 327)."""
    tamano = pdfium_c.FPDFText_GetFontSize(raw, indice)
    if not pdfium_c.FPDFPageObj_GetMatrix(objeto, matriz):
        raise _NoAplica
    return tamano * abs(matriz.d)


def _bordes(page, alto: float) -> list[dict]:
    """Horizontal and vertical segments of the page's paths, as pdfplumber
    edges (top-left origin)."""
    bordes: list[dict] = []
    punto_x, punto_y = ctypes.c_float(), ctypes.c_float()
    for objeto in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        if objeto.level > 0:
            raise _NoAplica  # inside a form: its matrix would apply too
        a, b, c, d, e, f = objeto.get_matrix().get()
        raw = objeto.raw
        puntos: list[tuple[float, float]] = []
        inicio = None

        def cerrar_subtrazo():
            for (x0, y0), (x1, y1) in zip(puntos, puntos[1:]):
                _borde(bordes, x0, y0, x1, y1, alto)

        for s in range(pdfium_c.FPDFPath_CountSegments(raw)):
            segmento = pdfium_c.FPDFPath_GetPathSegment(raw, s)
            pdfium_c.FPDFPathSegment_GetPoint(segmento, punto_x, punto_y)
            px, py = punto_x.value, punto_y.value
            punto = (a * px + c * py + e, b * px + d * py + f)
            tipo = pdfium_c.FPDFPathSegment_GetType(segmento)
            if tipo == pdfium_c.FPDF_SEGMENT_MOVETO:
                cerrar_subtrazo()
                puntos, inicio = [punto], punto
            elif tipo in _SEGMENTS:
                puntos.append(punto)
            if pdfium_c.FPDFPathSegment_GetClose(segmento) and inicio is not None:
                puntos.append(inicio)
        cerrar_subtrazo()
    return bordes


def _borde(bordes: list, x0: float, y0: float, x1: float, y1: float, alto: float) -> None:
    if x0 == x1:
        orientacion = "v"
    elif y0 == y1:
        orientacion = "h"
    else:
        return
    izq, der = min(x0, x1), max(x0, x1)
    arriba, abajo = alto - max(y0, y1), alto - min(y0, y1)
    ancho, largo = der - izq, abajo - arriba
    if (largo if orientacion == "v" else ancho) < MIN_EDGE:
        return
    bordes.append({"object_type": "line_edge", "x0": izq, "x1": der, "top": arriba, "bottom": abajo,
                   "doctop": arriba, "width": ancho, "height": largo, "orientation": orientacion})
