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

Turned pages (/Rotate), media boxes off the origin, paths inside form
XObjects (at any depth) and text turned a quarter turn are brought to
pdfplumber's space of the turned page (`_Espacio`), each character
`upright` or not as pdfminer decides it. `leer_pagina` returns None for a
page this path does not handle the same way (oblique text, at an angle that
is not a quarter turn): the caller reads that page with pdfplumber.

`DocumentoPdfium` gives the pages of a file to both pdfium passes (this one
and `cribado`) with flat memory, whatever the number of pages.
"""

from __future__ import annotations

import ctypes
from array import array
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, Optional

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.utils.text import (
    DEFAULT_CHAR_DIR,
    DEFAULT_X_TOLERANCE,
    DEFAULT_Y_TOLERANCE,
    LIGATURES,
    WordExtractor,
)

from extractor.formatos.lineas import fuente_de_palabra
from extractor.formatos.notas_al_pie import ELEVADA, LETRA_DE_LLAMADA

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


class PaginaLeida(NamedTuple):
    """What `leer_pagina` reads of a table page for `pdf._elementos_pagina`."""

    palabras: list[dict]
    ajustes: Optional[dict]  # table settings; None when no ruling makes a table
    horizontales: list[dict]  # rules across
    recuadros: list[tuple]  # boxes drawn on the page
    verticales: list[dict]  # rules down


def leer_pagina(page, textpage, settings: dict) -> Optional[PaginaLeida]:
    """The words, rules and boxes of a table page, or None to read the page
    with pdfplumber."""
    try:
        espacio = _espacio(page)
        palabras = _palabras(textpage, espacio)
        recuadros: list[tuple] = []
        bordes = _bordes(page, espacio, recuadros)
    except (_NoAplica, pdfium.PdfiumError):
        return None
    verticales = [b for b in bordes if b["orientation"] == "v"]
    horizontales = [b for b in bordes if b["orientation"] == "h"]
    if len(verticales) < 2 or len(horizontales) < 2:
        return PaginaLeida(palabras, None, horizontales, recuadros, verticales)  # no ruled table can be drawn
    ajustes = {k: v for k, v in settings.items() if k not in ("vertical_strategy", "horizontal_strategy")}
    ajustes.update(
        vertical_strategy="explicit",
        horizontal_strategy="explicit",
        explicit_vertical_lines=verticales,
        explicit_horizontal_lines=horizontales,
    )
    return PaginaLeida(palabras, ajustes, horizontales, recuadros, verticales)


class _Espacio:
    """From the PDF's user space (y up, what pdfium gives) to pdfplumber's
    page space (x, top), as pdfminer and pdfplumber compose it: pdfminer
    turns the page by its /Rotate and moves the media box's corner to the
    origin (`PDFPageInterpreter.process_page`); pdfplumber then moves x by
    the media box's left edge and measures top from the page's height
    (`Page.process_object`). The crop box plays no part in either."""

    __slots__ = ("giro", "x", "top")

    def __init__(self, rotacion: int, caja: tuple[float, float, float, float]):
        x0, y0, x1, y1 = caja
        # pdfminer's matrix for the turned page (a, b, c, d, e, f)
        giro = {
            0: (1, 0, 0, 1, -x0, -y0),
            90: (0, -1, 1, 0, -y0, x1),
            180: (-1, 0, 0, -1, x1, y1),
            270: (0, 1, -1, 0, y1, -x0),
        }[rotacion]
        # pdfplumber's media box: axes swapped for a quarter turn
        izq, abajo, der, arriba = (y0, x0, y1, x1) if rotacion in (90, 270) else (x0, y0, x1, y1)
        alto = arriba - abajo
        a, b, c, d, e, f = giro
        self.giro = giro[:4]
        self.x = (a, c, e + izq)  # x = a·ux + c·uy + e + left
        self.top = (-b, -d, alto - f - abajo)  # top = height - (b·ux + d·uy + f) - bottom

    def punto(self, ux: float, uy: float) -> tuple[float, float]:
        xa, xb, xc = self.x
        ta, tb, tc = self.top
        return xa * ux + xb * uy + xc, ta * ux + tb * uy + tc

    def caja(self, ux0: float, uy0: float, ux1: float, uy1: float) -> tuple[float, float, float, float]:
        """(x0, x1, top, bottom) of a box of user space."""
        xa, ya = self.punto(ux0, uy0)
        xb, yb = self.punto(ux1, uy1)
        return min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)

    def derecho(self, a: float, b: float, c: float, d: float) -> bool:
        """pdfminer's `upright` of a character drawn with matrix (a b c d) of
        user space: its matrix on the turned page has a·d > 0 and b·c <= 0
        (signs of values as small as 1e-8 count, as they do in pdfminer)."""
        p, q, r, s = self.giro
        a2, b2, c2, d2 = a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s
        return a2 * d2 > 0 and b2 * c2 <= 0


def _espacio(page) -> _Espacio:
    rotacion = page.get_rotation() % 360
    if rotacion not in (0, 90, 180, 270):
        raise _NoAplica
    x0, y0, x1, y1 = (float(v) for v in page.get_mediabox())
    caja = (x0, y0, x1, y1)
    if caja[0] >= caja[2] or caja[1] >= caja[3]:
        raise _NoAplica  # corners given in another order: pdfminer and pdfplumber read them differently
    return _Espacio(rotacion, caja)


_TIPO_FUENTE = pdfium_c.FPDFTextObj_GetFont.restype
OBLICUO = 1e-3  # a matrix whose smaller axis term is above this share of the larger is oblique text


def _sin_tipos(funcion, restype=ctypes.c_int):
    """`funcion` of pdfium without argument types: ctypes then passes a
    Python int as a C int and pointers (c_void_p, byref) as they are,
    without converting each argument (half the cost of a call; this reader
    makes four calls per character). Only for calls whose arguments are
    all of those kinds."""
    direccion = ctypes.cast(funcion, ctypes.c_void_p).value
    assert direccion is not None  # a loaded library function always has an address
    return ctypes.CFUNCTYPE(restype)(direccion)


# per-character calls: (text page, index[, out pointers])
_ES_GENERADA = _sin_tipos(pdfium_c.FPDFText_IsGenerated)
_CAJA_AMPLIA = _sin_tipos(pdfium_c.FPDFText_GetLooseCharBox)
_ORIGEN = _sin_tipos(pdfium_c.FPDFText_GetCharOrigin)
_OBJETO = _sin_tipos(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
# per text object: (text page, index, out pointer); the font of a text object (a c_void_p)
_MATRIZ = _sin_tipos(pdfium_c.FPDFText_GetMatrix)
_TAMANO = _sin_tipos(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_FUENTE = _sin_tipos(pdfium_c.FPDFTextObj_GetFont, ctypes.c_void_p)


def _textos(raw, n: int) -> Optional[array]:
    """The page's n character codes in one call (UTF-16 units, one per
    character index), or None when that does not line up index by index."""
    buffer = ctypes.create_string_buffer(2 * (n + 1))
    escritos = pdfium_c.FPDFText_GetText(raw, 0, n, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
    if escritos != n + 1:
        return None
    return array("H", buffer.raw[: 2 * n])


# An upright letter is a tuple (fewer objects than a dict for each of the
# ~2,000 letters of a table page); letters turned a quarter turn are dicts,
# for pdfplumber's WordExtractor.
TEXTO, X0, X1, TOP, BOTTOM, FUENTE = range(6)


def _palabras(textpage, espacio: _Espacio) -> list[dict]:
    """Words as pdf._palabras gives them: text, box, font ('Bold' when every
    character is bold). What depends on the text object (matrix, size,
    font) is read once per object, not per character.

    A character's box is pdfminer's: along the baseline the glyph's advance
    (from its origin to the end of pdfium's loose box), across it from the
    font's descent to descent + font size, both through the character's
    matrix (rotated text, text in a scaled form) and the page's turn. Text
    turned by a quarter turn is handled like pdfminer (`upright` False:
    pdfplumber's WordExtractor reads it top to bottom); oblique text falls
    back."""
    raw = textpage.raw
    n = pdfium_c.FPDFText_CountChars(raw)
    textos = _textos(raw, n)
    caja = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    pagina = ctypes.c_void_p(ctypes.cast(raw, ctypes.c_void_p).value)
    ref_caja, ref_x, ref_y = ctypes.byref(caja), ctypes.byref(x), ctypes.byref(y)
    descenso = ctypes.c_float()
    matriz = pdfium_c.FS_MATRIX()
    ref_matriz = ctypes.byref(matriz)
    nombre = ctypes.create_string_buffer(512)
    fuentes: dict = {}  # (font, size) -> name, descent
    comunes: dict = {}  # (font, size, matrix but its position) -> what `_de_objeto` derives from them
    objetos: dict = {}  # address of the text object -> what its characters share
    derechas: list[tuple] = []  # upright letters, in the page's order
    giradas: list[dict] = []  # the others
    ultima: tuple | dict | None = None  # the last letter, either kind
    atras = False  # the last text object's direction (set with its first character)
    # espacio.caja inlined below (the same arithmetic, once per character)
    xa, xb, xc = espacio.x
    ta, tb, tc = espacio.top
    control = _CONTROL
    anotar = derechas.append
    actual: Optional[int] = -1  # the text object whose data are unpacked below (none yet)
    for i in range(n):
        codigo = textos[i] if textos is not None else 0
        if codigo < 33 or codigo >= 0xD800:
            if codigo < 32 or codigo >= 0xD800:  # GetText rewrites some codes (2 -> U+FFFE)
                codigo = pdfium_c.FPDFText_GetUnicode(raw, i)
            # pdfium generates only blanks and line breaks: other letters are not asked
            if (codigo == 32 or codigo == 10 or codigo == 13) and _ES_GENERADA(pagina, i):
                # a space pdfium put where the text has a gap (sometimes where the
                # PDF has a real space it merged): it separates words, as in pdfminer
                if codigo == 32 and ultima is not None:
                    ultima = _espacio_tras(ultima, atras)
                    if isinstance(ultima, tuple):
                        anotar(ultima)
                    else:
                        giradas.append(ultima)
                continue
            if 0xD800 <= codigo <= 0xDFFF:
                continue
            texto = control.get(codigo, f"(cid:{codigo})") if codigo < 32 else chr(codigo)
        else:
            texto = chr(codigo)
        direccion = _OBJETO(pagina, i)
        if direccion != actual:  # consecutive letters mostly share their text object
            datos = objetos.get(direccion)
            if datos is None:
                datos = objetos[direccion] = _de_objeto(
                    pagina, i, direccion, espacio, ref_matriz, matriz, nombre, descenso, comunes, fuentes
                )
            horizontal, derecho, abajo_, arriba_, texto_fuente, (a, b, c, d, e, f), atras = datos
            actual = direccion
        if not _CAJA_AMPLIA(pagina, i, ref_caja) or not _ORIGEN(pagina, i, ref_x, ref_y):
            raise _NoAplica
        # across the baseline the origin is the text object's, moved by the
        # advance along the baseline through the matrix as pdfminer moves it
        # (a drift of 1e-8 per point of a quarter-turned word orders its letters)
        # along it, from the origin to the end of the loose box (which starts
        # before the origin for a glyph like «j» that reaches back)
        if horizontal:  # advance along x, descent .. ascent along y
            u0 = x.value
            base = f + b * ((u0 - e) / a) if b else y.value
            u1 = caja.right if a > 0 else caja.left
            v0, v1 = base + abajo_, base + arriba_
        else:  # a quarter turn: advance along y, descent .. ascent along x
            v0 = y.value
            base = e + a * ((v0 - f) / b) if a else x.value
            v1 = caja.top if b > 0 else caja.bottom
            u0, u1 = base + abajo_, base + arriba_
        # x0, x1, top, bottom = espacio.caja(u0, v0, u1, v1)
        p0, p1 = xa * u0 + xb * v0 + xc, xa * u1 + xb * v1 + xc
        q0, q1 = ta * u0 + tb * v0 + tc, ta * u1 + tb * v1 + tc
        if derecho:
            ultima = (
                texto,
                p1 if p1 < p0 else p0,
                p1 if p1 > p0 else p0,
                q1 if q1 < q0 else q0,
                q1 if q1 > q0 else q0,
                texto_fuente,
            )
            anotar(ultima)
        else:
            x0, x1 = (p1 if p1 < p0 else p0), (p1 if p1 > p0 else p0)
            top, bottom = (q1 if q1 < q0 else q0), (q1 if q1 > q0 else q0)
            # read bottom to top (turned a quarter turn left: a rotated table header); a blank of no
            # extent along the line says nothing: it goes the way of the letter before it
            if v1 != v0 or not isinstance(ultima, dict):
                sube = tb * (v1 - v0) < 0
            else:
                sube = ultima["sube"]
            girada = {
                "text": texto,
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "upright": False,
                "size": x1 - x0,
                "height": bottom - top,
                "width": x1 - x0,
                "fontname": texto_fuente,
                "sube": sube,
            }
            giradas.append(girada)
            ultima = girada
    palabras = _palabras_derechas(_lineas(derechas))
    for sube in (False, True):
        extractor = WordExtractor(char_dir_rotated="btt", line_dir_rotated="ltr") if sube else WordExtractor()
        letras_de_lado = [g for g in giradas if g.get("sube", False) is sube]
        if sube:
            letras_de_lado = _con_blancos_que_suben(letras_de_lado)
        de_lado = []
        for palabra, letras in extractor.iter_extract_tuples(letras_de_lado):
            palabra["fontname"] = fuente_de_palabra([c["fontname"] for c in letras])
            de_lado.append(palabra)
        palabras += lineas_que_suben(de_lado) if sube else de_lado
    return palabras


BLANCO_GIRADO = 0.2  # of the font's size: a gap between two letters up a turned line that is a blank


def _con_blancos_que_suben(letras: list[dict]) -> list[dict]:
    """Letters read bottom to top with a blank where two letters of one line
    stand apart: pdfium keeps no blank of such a line (it takes each letter
    for a line of its own), the gap is what is left of it."""
    salida: list[dict] = []
    for letra in sorted(letras, key=lambda g: (round(g["x0"]), -g["bottom"])):
        previa = salida[-1] if salida else None
        if (
            previa is not None
            and previa["text"] != " "
            and letra["text"] != " "
            and abs(previa["x0"] - letra["x0"]) < 1
            and BLANCO_GIRADO * letra["size"] < previa["top"] - letra["bottom"] < 2 * letra["size"]
        ):
            medio = (previa["top"] + letra["bottom"]) / 2
            salida.append(dict(previa, text=" ", top=medio, bottom=medio, doctop=medio, height=0.0))
        salida.append(letra)
    return salida


def lineas_que_suben(palabras: list[dict]) -> list[dict]:
    """Words read bottom to top joined into their lines, one word each ("Meta
    cuatrienio 2024-2027" up a rotated header cell): a cell's lines then
    stand side by side, first on the left, as a reader of upright words
    expects."""
    salida: list[dict] = []
    for w in sorted(palabras, key=lambda w: (round(w["x0"]), -w["bottom"])):
        previa = salida[-1] if salida else None
        alto = w["x1"] - w["x0"]  # the font's size across the turned line
        if previa is not None and abs(previa["x0"] - w["x0"]) < 1 and 0 <= previa["top"] - w["bottom"] < alto:
            salida[-1] = {**previa, "text": f"{previa['text']} {w['text']}", "top": w["top"], "doctop": w["top"]}
        else:
            salida.append(dict(w))
    return salida


def _palabras_derechas(lineas: list[list[tuple]]) -> list[dict]:
    """The words of lines of upright letters (each sorted left to right), as
    pdfplumber's WordExtractor() with its default settings makes them
    (`iter_chars_to_words(linea, "ltr")`, then `merge_chars`), written out
    without its generators and method calls; with the font name of each
    word. A blank ends a word; a letter starts a new one when it begins
    left of the previous letter's start, more than x_tolerance right of its
    end, or more than y_tolerance above or below its top."""
    palabras: list[dict] = []
    for linea in lineas:
        actual: list[tuple] = []
        for letra in linea:
            texto = letra[TEXTO]
            if texto.isspace():
                if actual:
                    palabras.append(_palabra(actual))
                    actual = []
            elif not texto:  # WordExtractor's `text in split_at_punctuation` ("" by default): a word of its own
                if actual:
                    palabras.append(_palabra(actual))
                palabras.append(_palabra([letra]))
                actual = []
            elif actual and (
                letra[X0] < (previa := actual[-1])[X0]
                or letra[X0] > previa[X1] + DEFAULT_X_TOLERANCE
                or abs(letra[TOP] - previa[TOP]) > DEFAULT_Y_TOLERANCE
                or (letra[BOTTOM] < previa[BOTTOM] - 0.5 and _llamada_tras_cifra(letra, previa))  # raised
            ):
                palabras.append(_palabra(actual))
                actual = [letra]
            else:
                actual.append(letra)
        if actual:
            palabras.append(_palabra(actual))
    return palabras


def _llamada_tras_cifra(letra: tuple, previa: tuple) -> bool:
    """A digit or a small letter, smaller and raised right after a figure
    ("2.870¹", "415ᵃ" drawn as a small "1" or "a" with no space): a
    footnote's call, a word of its own (which notas_al_pie.sin_llamadas then
    drops), not the figure's last digit."""
    alto = previa[BOTTOM] - previa[TOP]
    return (
        letra[BOTTOM] - letra[TOP] <= alto * LETRA_DE_LLAMADA
        and letra[BOTTOM] <= previa[BOTTOM] - alto * ELEVADA
        and (letra[TEXTO].isdigit() or "a" <= letra[TEXTO] <= "z")
        and (previa[TEXTO].isdigit() or previa[TEXTO] == "%")
    )


_LIGADURAS = str.maketrans(LIGATURES)  # one letter each: the same as LIGATURES.get letter by letter


def _palabra(letras: list[tuple]) -> dict:
    """WordExtractor.merge_chars of upright letters, and the font name."""
    textos, x0s, x1s, tops, bottoms, fuentes = zip(*letras)
    x0, x1, top, bottom = min(x0s), max(x1s), min(tops), max(bottoms)
    texto = "".join(textos)
    if not texto.isascii():  # every ligature is outside ASCII
        texto = texto.translate(_LIGADURAS)
    fuente = fuentes[0]
    if fuentes.count(fuente) == len(fuentes):  # one font: fuente_de_palabra's answer without its loops
        fuente = "Bold" if "Bold" in fuente else fuente
    else:
        fuente = fuente_de_palabra(list(fuentes))
    return {
        "text": texto,
        "x0": x0,
        "x1": x1,
        "top": top,
        # merge_chars: top + (the first letter's doctop - its top); a letter's doctop is its top
        "doctop": top + 0.0,
        "bottom": bottom,
        "upright": True,
        "height": bottom - top,
        "width": x1 - x0,
        "direction": DEFAULT_CHAR_DIR,
        "fontname": fuente,
    }


TOLERANCIA_DE_LINEA = 3  # points, pdfplumber's y_tolerance


def _lineas(letras: list[tuple]) -> list[list[tuple]]:
    """Upright characters in lines, each sorted left to right. A line is
    anchored at its first character's top: pdfplumber chains tops within 3
    points, and a header whose cells break into two lines at staggered
    heights ("Recurso / Estimado" beside "Modifica / ciones") becomes one
    line where the letters of two words alternate ("R E e s c t…"). A
    character whose bottom is the anchor's (a bigger sign on the same
    baseline) is on its line too."""
    lineas: list[list[tuple]] = []
    ancla = None
    for letra in sorted(letras, key=itemgetter(TOP)):
        if ancla is not None and (
            letra[TOP] - ancla[TOP] <= TOLERANCIA_DE_LINEA
            or abs(letra[BOTTOM] - ancla[BOTTOM]) <= TOLERANCIA_DE_LINEA  # a larger glyph on the same baseline
        ):
            lineas[-1].append(letra)
        else:
            ancla = letra
            lineas.append([letra])
    por_x0 = itemgetter(X0)
    return [sorted(linea, key=por_x0) for linea in lineas]


def _de_objeto(
    pagina,
    indice: int,
    direccion: int,
    espacio: _Espacio,
    ref_matriz,
    matriz,
    nombre,
    descenso,
    comunes: dict,
    fuentes: dict,
) -> tuple[bool, bool, float, float, str, tuple, bool]:
    """What the characters of one text object share: (baseline along x,
    pdfminer's upright, the two offsets across the baseline — descent and
    descent + font size, through the matrix —, font name, the matrix, whether
    the text runs backwards along pdfplumber's sorting axis). The matrix is
    pdfium's for the character in user space (the text object's and any
    form's around it), without the font size: pdfminer's own. `pagina`: the
    text page's handle as a c_void_p (`_sin_tipos` calls); `comunes` keeps
    what objects of the same font, size and matrix (but its position) share,
    `fuentes` the name and descent of each font and size."""
    if not _MATRIZ(pagina, indice, ref_matriz):
        raise _NoAplica
    a, b, c, d = matriz.a, matriz.b, matriz.c, matriz.d
    tamano = _TAMANO(pagina, indice)
    fuente = _FUENTE(ctypes.c_void_p(direccion))
    clave = (fuente, tamano, a, b, c, d)
    comun = comunes.get(clave)
    if comun is None:
        comun = comunes[clave] = _comun(fuente, tamano, a, b, c, d, espacio, nombre, descenso, fuentes)
    horizontal, derecho, abajo_, arriba_, texto_fuente, atras = comun
    return horizontal, derecho, abajo_, arriba_, texto_fuente, (a, b, c, d, matriz.e, matriz.f), atras


def _comun(
    fuente: Optional[int],
    tamano: float,
    a: float,
    b: float,
    c: float,
    d: float,
    espacio: _Espacio,
    nombre,
    descenso,
    fuentes: dict,
) -> tuple[bool, bool, float, float, str, bool]:
    """`_de_objeto` but the matrix, from the font (its address), size and
    the matrix's a, b, c, d."""
    if abs(a) >= abs(b):
        horizontal = True
        if abs(b) > OBLICUO * abs(a) or abs(c) > OBLICUO * abs(d) or d == 0:
            raise _NoAplica  # oblique or skewed text
        escala = d
    else:
        horizontal = False
        if abs(a) > OBLICUO * abs(b) or abs(d) > OBLICUO * abs(c) or c == 0:
            raise _NoAplica
        escala = c
    clave = (fuente, tamano)
    de_fuente = fuentes.get(clave)
    if de_fuente is None:
        puntero = ctypes.cast(ctypes.c_void_p(fuente), _TIPO_FUENTE)
        largo = pdfium_c.FPDFFont_GetBaseFontName(puntero, nombre, len(nombre))
        texto_fuente = nombre.raw[: max(0, largo - 1)].decode("utf-8", "replace")
        if not pdfium_c.FPDFFont_GetDescent(puntero, ctypes.c_float(tamano), descenso):
            raise _NoAplica
        de_fuente = fuentes[clave] = (texto_fuente, descenso.value)
    texto_fuente, descenso_fuente = de_fuente
    derecho = espacio.derecho(a, b, c, d)
    # does the text run backwards along the axis pdfplumber sorts its letters
    # by (x for upright letters, top for the others)?
    xa, xb, _ = espacio.x
    ta, tb, _ = espacio.top
    atras = (xa * a + xb * b if derecho else ta * a + tb * b) < 0
    return (
        horizontal,
        derecho,
        escala * descenso_fuente,
        escala * (descenso_fuente + tamano),
        texto_fuente,
        atras,
    )


def _espacio_tras(letra, atras: bool):
    """The blank pdfium put after `letra` (an upright letter's tuple or a
    turned letter's dict) where the text has a gap, placed where
    pdfplumber's WordExtractor sorts it after that letter: its copy (ties
    keep the order), or, when the text runs backwards along the sorted axis
    (a page turned 180°), a point just before the letter's start."""
    if isinstance(letra, tuple):
        _, x0, x1, top, bottom, fuente = letra
        if atras:
            x0 = x1 = x0 - 1e-3
        return (" ", x0, x1, top, bottom, fuente)
    espacio = dict(letra, text=" ")
    if atras:
        clave = "x0" if letra["upright"] else "top"
        par = "x1" if letra["upright"] else "bottom"
        espacio[clave] = espacio[par] = letra[clave] - 1e-3
    return espacio


_SIN_GIRO = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _componer(m: tuple, n: tuple) -> tuple:
    """Matrix m then n (PDF's row-vector convention: m × n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


_CAMINO, _FORMA = pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM
# per-object calls, without argument types (`_sin_tipos`): an object is
# passed back as the pointer object its call returned
_TIPO_DE_OBJETO = _sin_tipos(pdfium_c.FPDFPageObj_GetType)
_MATRIZ_DE_OBJETO = _sin_tipos(pdfium_c.FPDFPageObj_GetMatrix)
_CONTAR_EN_PAGINA = _sin_tipos(pdfium_c.FPDFPage_CountObjects)
_OBJETO_DE_PAGINA = _sin_tipos(pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPage_GetObject.restype)
_CONTAR_EN_FORMA = _sin_tipos(pdfium_c.FPDFFormObj_CountObjects)
_OBJETO_DE_FORMA = _sin_tipos(pdfium_c.FPDFFormObj_GetObject, pdfium_c.FPDFFormObj_GetObject.restype)


def _caminos(objetos, contar, tomar, exterior: tuple, matriz, ref_matriz):
    """(path object, its matrix in user space) of every path among the
    objects, those inside form XObjects (at any depth) with the forms'
    matrices composed, as pdfminer draws a form's content."""
    for k in range(contar(objetos)):
        objeto = tomar(objetos, k)
        tipo = _TIPO_DE_OBJETO(objeto)
        if tipo != _CAMINO and tipo != _FORMA:
            continue
        if not _MATRIZ_DE_OBJETO(objeto, ref_matriz):
            raise _NoAplica
        propia = _componer((matriz.a, matriz.b, matriz.c, matriz.d, matriz.e, matriz.f), exterior)
        if tipo == _CAMINO:
            yield objeto, propia
        else:
            yield from _caminos(objeto, _CONTAR_EN_FORMA, _OBJETO_DE_FORMA, propia, matriz, ref_matriz)


# per-segment calls, without argument types (`_sin_tipos`): a segment is
# passed back as the pointer object its call returned
_SEGMENTO = _sin_tipos(pdfium_c.FPDFPath_GetPathSegment, pdfium_c.FPDFPath_GetPathSegment.restype)
_PUNTO = _sin_tipos(pdfium_c.FPDFPathSegment_GetPoint)
_TIPO_SEGMENTO = _sin_tipos(pdfium_c.FPDFPathSegment_GetType)
_CIERRA = _sin_tipos(pdfium_c.FPDFPathSegment_GetClose)


def _bordes(page, espacio: _Espacio, recuadros: Optional[list] = None) -> list[dict]:
    """Horizontal and vertical segments of the page's paths (those inside
    forms too), as pdfplumber edges; the box (x0, top, x1, bottom) of each
    closed subpath, straight or rounded, goes to `recuadros` when given."""
    bordes: list[dict] = []
    punto_x, punto_y = ctypes.c_float(), ctypes.c_float()
    ref_x, ref_y = ctypes.byref(punto_x), ctypes.byref(punto_y)
    mover = pdfium_c.FPDF_SEGMENT_MOVETO
    recta, curva = _SEGMENTS
    matriz = pdfium_c.FS_MATRIX()
    caminos = _caminos(page.raw, _CONTAR_EN_PAGINA, _OBJETO_DE_PAGINA, _SIN_GIRO, matriz, ctypes.byref(matriz))
    xa, xb, xc = espacio.x
    ta, tb, tc = espacio.top
    for raw, (a, b, c, d, e, f) in caminos:
        # user space -> pdfplumber's space in one matrix
        ma, mc, me = xa * a + xb * b, xa * c + xb * d, xa * e + xb * f + xc
        mb, md, mf = ta * a + tb * b, ta * c + tb * d, ta * e + tb * f + tc
        puntos: list[tuple[float, float]] = []
        inicio = None
        for s in range(pdfium_c.FPDFPath_CountSegments(raw)):
            segmento = _SEGMENTO(raw, s)
            _PUNTO(segmento, ref_x, ref_y)
            px, py = punto_x.value, punto_y.value
            punto = (ma * px + mc * py + me, mb * px + md * py + mf)
            tipo = _TIPO_SEGMENTO(segmento)
            if tipo == mover:
                if len(puntos) > 1:
                    _bordes_de_trazo(bordes, puntos)
                puntos, inicio = [punto], punto
            elif tipo == recta or tipo == curva:
                puntos.append(punto)
            if _CIERRA(segmento) and inicio is not None:
                puntos.append(inicio)
                if recuadros is not None and len(puntos) >= 4:
                    recuadros.append(_caja_de(puntos))
        if len(puntos) > 1:
            _bordes_de_trazo(bordes, puntos)
    return bordes


def _caja_de(puntos: list[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = zip(*puntos)
    return (min(xs), min(ys), max(xs), max(ys))


def _bordes_de_trazo(bordes: list, puntos: list[tuple[float, float]]) -> None:
    """The edges of a subpath's consecutive points: `_borde` of each pair,
    inlined (a table page has thousands of segments)."""
    x0, top0 = puntos[0]
    for k in range(1, len(puntos)):
        x1, top1 = puntos[k]
        if x0 == x1:
            vertical = True
        elif top0 == top1:
            vertical = False
        else:
            x0, top0 = x1, top1
            continue
        # min and max as the builtins give them (the first of two equal values)
        izq, der = (x1 if x1 < x0 else x0), (x1 if x1 > x0 else x0)
        arriba, abajo = (top1 if top1 < top0 else top0), (top1 if top1 > top0 else top0)
        ancho, largo = der - izq, abajo - arriba
        if (largo if vertical else ancho) >= MIN_EDGE:
            bordes.append(
                {
                    "object_type": "line_edge",
                    "x0": izq,
                    "x1": der,
                    "top": arriba,
                    "bottom": abajo,
                    "doctop": arriba,
                    "width": ancho,
                    "height": largo,
                    "orientation": "v" if vertical else "h",
                }
            )
        x0, top0 = x1, top1
