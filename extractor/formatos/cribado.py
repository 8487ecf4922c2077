"""A fast first pass over a PDF with pypdfium2: which pages may hold tables.

pdfplumber (pdfminer) parses every object of a page, which is most of the
cost of reading a report; most pages of a management report are prose. This
pass reads each page's text runs and counts its vector paths at hundreds of
pages per second. A page with ruling lines, or with several lines of figures,
goes on to pdfplumber (as does a page with fewer lines of figures right
after a page with a table: the table's last rows, carried over); the others
keep the text runs read here, as lines
(`LineaLeida`: text and box, not a dict per run). A page with images and
(almost) no text has no usable text layer: a scanned page, read by OCR
(`extractor/formatos/ocr.py`). A large picture on a page with a text layer,
with no text over it and mostly light (a table pasted as a screenshot, not a
photograph), is read by OCR too, alone (`PaginaCribada.imagenes`).

Every page with a text layer also gives the texts of its lines in the top
and bottom bands (`bandas`): the reader finds the running headers and
footers from them before it reads any table, so that a footer printed
under a table is not taken for its last row.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

import pypdfium2.raw as pdfium_c
from pypdfium2 import PdfiumError

from extractor.formatos.lineas import LineaLeida, agrupar_lineas, con_pies, leidas
from extractor.formatos.pdfium_pagina import DocumentoPdfium

from esquemas import umbrales

_U = umbrales("cribado")  # esquemas/disposicion.yaml

MIN_TRAZOS = _U["min_trazos"]  # ruled tables draw many lines and boxes
MIN_RECUADRO = tuple(_U["min_recuadro"])  # a box that may hold a card's blocks (width, height)
FONDO_DE_PAGINA = _U["fondo_de_pagina"]  # a box this share of the page's height is its background
MIN_LINEAS_CIFRAS = _U["min_lineas_cifras"]  # unruled tables: lines holding three figures or more
CIFRA = re.compile(r"\d[\d.,']*")
# a list led by dots: "Alcantarillas instaladas ............ 23", "Inversión .... $ 683.912.450"
LINEA_CON_GUIA = re.compile(r"[.·…_]{4,}\s*\$?\s*[-(]?\d[\d.,']*\s*%?\)?\s*$")
MIN_CARACTERES_TEXTO = _U["min_caracteres_texto"]  # fewer non-blank characters than this on a page with images: scanned
MIN_IMAGEN_TABLA = tuple(_U["min_imagen_tabla"])  # share of the page's (width, height)
MAX_TEXTO_EN_IMAGEN = _U["max_texto_en_imagen"]  # characters of the text layer over such an image
IMAGEN_CLARA = _U["imagen_clara"]  # share of light pixels: paper, not a photograph
CLARO = 200  # grey level of a light pixel
FRANJA_CABECERA = _U["franja_cabecera"]  # fraction of page height where running headers are printed
FRANJA_PIE = _U["franja_pie"]  # and running footers


@dataclass(slots=True)
class PaginaCribada:
    numero: int  # 1-based
    alto: float
    con_tablas: bool
    lineas_de_cifras: int = 0  # lines that look like a table's (`_lineas_de_cifras`)
    lineas: list[LineaLeida] = field(default_factory=list)  # prose page: its text runs, into lines
    escaneada: bool = False  # images and no usable text layer: needs OCR
    bandas: list[str] = field(default_factory=list)  # texts of the lines in the header and footer bands
    recuadros: list[tuple] = field(default_factory=list)  # prose page: boxes drawn on it (cards of a slide)
    imagenes: list[tuple] = field(default_factory=list)  # pictures that may be tables (`_imagenes_de_tabla`)
    # page with tables: what `cribar`'s `leer` gave for it, in a 1-tuple (None: not read here)
    leida: Optional[tuple[Any]] = None


def en_banda(arriba: float, abajo: float, alto: float) -> bool:
    """A line in the band where running headers or footers are printed."""
    return arriba < alto * FRANJA_CABECERA or abajo > alto * (1 - FRANJA_PIE)


def _tramos(pagina_texto, alto: float, solo_bandas: bool = False) -> list[dict]:
    """Text runs with boxes in pdfplumber's coordinates (origin top-left);
    with `solo_bandas`, those in the header and footer bands only."""
    palabras = []
    n_letras = pdfium_c.FPDFText_CountChars(pagina_texto.raw)
    buffer = (ctypes.c_ushort * (4 * max(n_letras, 0) + 16))()  # a letter is at most a pair and a line break
    for i in range(pagina_texto.count_rects()):
        izquierda, abajo, derecha, arriba = pagina_texto.get_rect(i)
        if solo_bandas and not en_banda(alto - arriba, alto - abajo, alto):
            continue
        texto = _texto_en(pagina_texto, buffer, izquierda, abajo, derecha, arriba).strip()
        if texto:
            palabras.append(
                {
                    "text": " ".join(texto.split()),
                    "x0": izquierda,
                    "x1": derecha,
                    "top": alto - arriba,
                    "bottom": alto - abajo,
                    "fontname": "",
                    # the run's weight, for the lines' cuts only (a bold heading in the margin)
                    "negrita": _en_negrita(pagina_texto, izquierda, abajo, arriba),
                }
            )
    return palabras


def _en_pedazos(tramos: list[dict]) -> bool:
    """Text runs that are mostly one or two letters each: the page's text
    in pieces, not its words."""
    return len(tramos) >= MIN_TRAMOS_EN_PEDAZOS and sum(len(t["text"]) <= 2 for t in tramos) * 2 > len(tramos)


MIN_TRAMOS_EN_PEDAZOS = 20  # runs of a page before it can be said to be in pieces


def _en_negrita(pagina_texto, izquierda: float, abajo: float, arriba: float) -> bool:
    """The font of a run's first letter is bold (its weight, or its name)."""
    indice = pdfium_c.FPDFText_GetCharIndexAtPos(pagina_texto.raw, izquierda + 0.5, (abajo + arriba) / 2, 2.0, 2.0)
    if indice < 0:
        return False
    if pdfium_c.FPDFText_GetFontWeight(pagina_texto.raw, indice) >= 600:
        return True
    nombre = ctypes.create_string_buffer(128)
    pdfium_c.FPDFText_GetFontInfo(pagina_texto.raw, indice, nombre, 128, None)
    return b"bold" in nombre.value.lower()


def _texto_en(pagina_texto, buffer, izquierda: float, abajo: float, derecha: float, arriba: float) -> str:
    """`pagina_texto.get_text_bounded(izquierda, abajo, derecha, arriba)` with
    one call to pdfium instead of two (each one goes over every letter of
    the page): pypdfium2 first asks for the length, in letters, then for
    that many UTF-16 units; here a buffer that holds any text of the page
    gets the text and pdfium's closing NUL. The same text when every letter
    is one unit (no surrogate pairs); otherwise, or if the buffer fell
    short, pypdfium2's own call."""
    escritos = pdfium_c.FPDFText_GetBoundedText(
        pagina_texto.raw, izquierda, arriba, derecha, abajo, buffer, len(buffer)
    )
    if 0 < escritos < len(buffer):
        texto = ctypes.string_at(buffer, 2 * escritos).decode("utf-16-le", errors="ignore")
        unidades = escritos
        if texto.endswith("\x00"):
            texto, unidades = texto[:-1], escritos - 1
        if len(texto) == unidades:
            return texto
    elif escritos == 0:
        return ""
    return pagina_texto.get_text_bounded(izquierda, abajo, derecha, arriba)


def _lineas_de_cifras(texto: str) -> int:
    """Lines that look like a table's: three figures or more, or a label led
    by dots to its figure (not in a table of contents: page numbers that
    only grow)."""
    lineas = texto.splitlines()
    guias = [m.group(0).strip(".·…_ ") for linea in lineas if (m := LINEA_CON_GUIA.search(linea))]
    paginas = [int(g) for g in guias if g.isdigit()]
    indice = len(paginas) == len(guias) and paginas == sorted(paginas)
    return sum(len(CIFRA.findall(linea)) >= MIN_LINEAS_CIFRAS for linea in lineas) + (0 if indice else len(guias))


def _trazos(padre, contar=pdfium_c.FPDFPage_CountObjects, tomar=pdfium_c.FPDFPage_GetObject, nivel: int = 0) -> int:
    """Path objects of a page (`padre`: its raw handle) and of the forms in it
    one level down: what `pagina.get_objects(filter=[PATH], max_depth=2)`
    yields, counted without a Python object per page object."""
    n = contar(padre)
    if n < 0:
        raise PdfiumError("Failed to get number of pageobjects.")
    total = 0
    for i in range(n):
        objeto = tomar(padre, i)
        if not objeto:
            raise PdfiumError("Failed to get pageobject.")
        tipo = pdfium_c.FPDFPageObj_GetType(objeto)
        if tipo == pdfium_c.FPDF_PAGEOBJ_PATH:
            total += 1
        elif tipo == pdfium_c.FPDF_PAGEOBJ_FORM and nivel < 1:
            total += _trazos(objeto, pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject, nivel + 1)
    return total


def de_tarjeta(recuadros, alto: float) -> list[tuple]:
    """The boxes (x0, top, x1, bottom) as large as a card at least, but the page's background."""
    return [
        r
        for r in recuadros
        if r[2] - r[0] >= MIN_RECUADRO[0] and MIN_RECUADRO[1] <= r[3] - r[1] < FONDO_DE_PAGINA * alto
    ]


def _recuadros(padre, alto: float) -> list[tuple]:
    """The boxes (x0, top, x1, bottom) of the page's own paths as large as a
    card at least (MIN_RECUADRO): the blocks inside one are read together."""
    izquierda, abajo, derecha, arriba = (ctypes.c_float() for _ in range(4))
    cajas = []
    for i in range(pdfium_c.FPDFPage_CountObjects(padre)):
        objeto = pdfium_c.FPDFPage_GetObject(padre, i)
        if pdfium_c.FPDFPageObj_GetType(objeto) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(objeto, izquierda, abajo, derecha, arriba):
            continue
        ancho, alto_caja = derecha.value - izquierda.value, arriba.value - abajo.value
        if ancho >= MIN_RECUADRO[0] and alto_caja >= MIN_RECUADRO[1]:
            cajas.append((izquierda.value, alto - arriba.value, derecha.value, alto - abajo.value))
    return cajas


def _tiene_imagenes(pagina) -> bool:
    return next(iter(pagina.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None) is not None


def _imagenes_de_tabla(pagina, pagina_texto) -> list[tuple]:
    """Boxes (x0, top, x1, bottom) of the large images of a page with a text
    layer that no text covers and that look like paper (mostly light: a
    table, a screenshot, a chart; not a photograph): a table pasted as a
    picture into the report, for OCR. Only on pages read as they lie whose
    crop box is their media box (the box is rendered alone)."""
    caja = tuple(pagina.get_mediabox())
    if pagina.get_rotation() % 360 or tuple(pagina.get_cropbox()) != caja:
        return []
    mx0, my0, mx1, my1 = caja
    cajas = []
    for imagen in pagina.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1):
        izq, abajo, der, arriba = imagen.get_bounds()
        izq, abajo, der, arriba = max(izq, mx0), max(abajo, my0), min(der, mx1), min(arriba, my1)
        if der - izq < MIN_IMAGEN_TABLA[0] * (mx1 - mx0) or arriba - abajo < MIN_IMAGEN_TABLA[1] * (my1 - my0):
            continue
        if len("".join(pagina_texto.get_text_bounded(izq, abajo, der, arriba).split())) > MAX_TEXTO_EN_IMAGEN:
            continue
        if _clara(imagen):
            cajas.append((izq - mx0, my1 - arriba, der - mx0, my1 - abajo))
    return cajas


def _clara(imagen) -> bool:
    """Whether most of an image's pixels are light (IMAGEN_CLARA)."""
    import numpy as np

    try:
        gris = imagen.get_bitmap(render=False).to_pil().convert("L")
    except (PdfiumError, OSError, ValueError):
        return False  # an image pdfium cannot decode alone is not read
    gris.thumbnail((400, 400))
    return float((np.asarray(gris) >= CLARO).mean()) >= IMAGEN_CLARA


# Pages with tables read while they are loaded for this pass (`cribar`'s
# `leer`): at most this many per file, each kept until the reader asks for it
# (about 0.3-0.5 MB a page; the others are loaded again then).
MAX_LEIDAS = 40


def cribar(ruta: Path, leer: Optional[Callable[[Any, Any], Any]] = None) -> list[PaginaCribada]:
    """The pages of a PDF, sorted as above. With `leer` (page, text page ->
    anything), the first MAX_LEIDAS pages with tables are also read by it
    while loaded here (`PaginaCribada.leida`): the reader does not load them
    a second time (about 1.5 ms a page)."""
    n_leidas = 0
    with DocumentoPdfium(ruta) as pdf:
        paginas = []
        for i in range(len(pdf)):
            pagina = pdf.pagina(i)
            alto = pagina.get_height()
            trazos = _trazos(pagina.raw)
            pagina_texto = pagina.get_textpage()
            texto = pagina_texto.get_text_range()
            escaneada = len("".join(texto.split())) < MIN_CARACTERES_TEXTO and _tiene_imagenes(pagina)
            de_cifras = 0 if escaneada else _lineas_de_cifras(texto)
            imagenes = [] if escaneada or not _tiene_imagenes(pagina) else _imagenes_de_tabla(pagina, pagina_texto)
            con_tablas = not escaneada and (trazos >= MIN_TRAZOS or de_cifras >= MIN_LINEAS_CIFRAS or bool(imagenes))
            recuadros = de_tarjeta(_recuadros(pagina.raw, alto), alto) if trazos and not con_tablas else []
            tramos = [] if con_tablas or escaneada else _tramos(pagina_texto, alto)
            if _en_pedazos(tramos):
                # pdfium gave the page's text letter by letter (a browser's print of a flexible
                # layout): its figures were not seen either; read as a page that may hold tables
                con_tablas, tramos = True, []
                de_cifras = max(de_cifras, MIN_LINEAS_CIFRAS)
                recuadros = []
            recuadros = con_pies(recuadros, tramos) if recuadros else recuadros
            lineas = [] if con_tablas or escaneada else leidas(agrupar_lineas(tramos), recuadros)
            if escaneada:
                bandas = []
            elif con_tablas:
                bandas = [l.texto for l in agrupar_lineas(_tramos(pagina_texto, alto, solo_bandas=True))]
            else:
                bandas = [l.texto for l in lineas if en_banda(l.top, l.bottom, alto)]
            leida = None
            if con_tablas and leer is not None and n_leidas < MAX_LEIDAS:
                leida = (leer(pagina, pagina_texto),)
                n_leidas += 1
            pagina_texto.close()
            pagina.close()
            paginas.append(
                PaginaCribada(
                    numero=i + 1,
                    alto=alto,
                    con_tablas=con_tablas,
                    lineas_de_cifras=de_cifras,
                    lineas=lineas,
                    escaneada=escaneada,
                    bandas=bandas,
                    recuadros=recuadros,
                    imagenes=imagenes,
                    leida=leida,
                )
            )
        return paginas
