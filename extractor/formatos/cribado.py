"""A fast first pass over a PDF with pypdfium2: which pages may hold tables.

pdfplumber (pdfminer) parses every object of a page, which is most of the
cost of reading a report; most pages of a management report are prose. This
pass reads each page's text runs and counts its vector paths at hundreds of
pages per second. A page with ruling lines, or with several lines of figures,
goes on to pdfplumber; the others keep the text runs read here, as lines
(`LineaLeida`: text and box, not a dict per run). A page with images and
(almost) no text has no usable text layer: a scanned page, read by OCR
(`extractor/formatos/ocr.py`).

Every page with a text layer also gives the texts of its lines in the top
and bottom bands (`bandas`): the reader finds the running headers and
footers from them before it reads any table, so that a footer printed
under a table is not taken for its last row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2.raw as pdfium_c

from extractor.formatos.lineas import LineaLeida, agrupar_lineas, leidas
from extractor.formatos.pdfium_pagina import DocumentoPdfium

MIN_PATHS = 8  # ruled tables draw many lines and boxes
MIN_FIGURE_LINES = 3  # unruled tables: lines holding three figures or more
FIGURE = re.compile(r"\d[\d.,']*")
MIN_TEXT_CHARS = 10  # fewer non-blank characters than this on a page with images: scanned
HEADER_BAND = 0.12  # fraction of page height where running headers are printed
FOOTER_BAND = 0.10  # and running footers


@dataclass(slots=True)
class PaginaCribada:
    numero: int  # 1-based
    alto: float
    con_tablas: bool
    lineas: list[LineaLeida] = field(default_factory=list)  # prose page: its text runs, into lines
    escaneada: bool = False  # images and no usable text layer: needs OCR
    bandas: list[str] = field(default_factory=list)  # texts of the lines in the header and footer bands


def en_banda(top: float, bottom: float, height: float) -> bool:
    """A line in the band where running headers or footers are printed."""
    return top < height * HEADER_BAND or bottom > height * (1 - FOOTER_BAND)


def _runs(textpage, height: float, solo_bandas: bool = False) -> list[dict]:
    """Text runs with boxes in pdfplumber's coordinates (origin top-left);
    with `solo_bandas`, those in the header and footer bands only."""
    words = []
    for i in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(i)
        if solo_bandas and not en_banda(height - top, height - bottom, height):
            continue
        text = textpage.get_text_bounded(left, bottom, right, top).strip()
        if text:
            words.append({"text": " ".join(text.split()), "x0": left, "x1": right,
                          "top": height - top, "bottom": height - bottom, "fontname": ""})
    return words


def _figure_lines(text: str) -> int:
    return sum(1 for line in text.splitlines() if len(FIGURE.findall(line)) >= MIN_FIGURE_LINES)


def _has_images(page) -> bool:
    return next(iter(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2)), None) is not None


def cribar(ruta: Path) -> list[PaginaCribada]:
    with DocumentoPdfium(ruta) as pdf:
        pages = []
        for i in range(len(pdf)):
            page = pdf.pagina(i)
            height = page.get_height()
            paths = sum(1 for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2))
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            scanned = len("".join(text.split())) < MIN_TEXT_CHARS and _has_images(page)
            tables = not scanned and (paths >= MIN_PATHS or _figure_lines(text) >= MIN_FIGURE_LINES)
            lines = [] if tables or scanned else leidas(agrupar_lineas(_runs(textpage, height)))
            if scanned:
                bandas = []
            elif tables:
                bandas = [l.texto for l in agrupar_lineas(_runs(textpage, height, solo_bandas=True))]
            else:
                bandas = [l.texto for l in lines if en_banda(l.top, l.bottom, height)]
            textpage.close()
            page.close()
            pages.append(PaginaCribada(numero=i + 1, alto=height, con_tablas=tables, lineas=lines,
                                       escaneada=scanned, bandas=bandas))
        return pages
