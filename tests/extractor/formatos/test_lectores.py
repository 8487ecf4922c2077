"""Readers: real DOCX and PDF files (rendered by LibreOffice) into one document model."""

from __future__ import annotations

from functools import lru_cache

import pdfplumber
import pytest

from extractor import leer_documento
from extractor.formatos import pdf as lector_pdf
from extractor.modelo import Tabla
from tests.conftest import INFORMES


@lru_cache(maxsize=None)
def _doc(name: str):
    return leer_documento(INFORMES / name)


def _cell(tabla: Tabla, text: str):
    return next(c for c in tabla.celdas if " ".join(c.texto.split()).startswith(text))


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_two_level_header_keeps_merged_cells(ext):
    tabla = _doc(f"pasto_infraestructura_2020.{ext}").tablas[0]
    indicador = _cell(tabla, "Indicador")
    assert (indicador.fila, indicador.columna, indicador.filas_span, indicador.columnas_span) == (0, 0, 2, 1)
    meta = _cell(tabla, "Meta física")
    assert (meta.fila, meta.columna, meta.filas_span, meta.columnas_span) == (0, 2, 1, 2)
    assert _cell(tabla, "Ejecutada 2020").fila == 1
    # the grid repeats a merged cell in every position it covers
    assert tabla.textos()[1][0] == "Indicador"


def test_pdf_cells_carry_page_and_bbox_and_keep_line_breaks():
    tabla = _doc("pasto_infraestructura_2020.pdf").tablas[0]
    for c in tabla.celdas:
        if c.texto:
            x0, top, x1, bottom = c.bbox
            assert x0 < x1 and top < bottom and c.pagina == 1
    assert any("\n" in c.texto for c in tabla.celdas)


def test_running_header_is_not_content():
    for ext in ("docx", "pdf"):
        doc = _doc(f"barrancabermeja_prensa_2017.{ext}")
        assert any("Alcaldía de" in h for h in doc.encabezados_pagina)
        body = [b.texto for b in doc.textos]
        assert not any(t.replace("\n", " ") == "Alcaldía de Barrancabermeja" for t in body)
    assert _doc("barrancabermeja_prensa_2017.pdf").paginas == 5


def test_table_over_two_pages_with_repeated_header_is_one_table():
    pdf = _doc("girardot_salud_2018.pdf")
    assert len(pdf.tablas) == 1
    tabla = pdf.tablas[0]
    assert tabla.paginas == [1, 2]
    assert sum(1 for row in tabla.textos() if row[0] == "Código") == 1
    docx = _doc("girardot_salud_2018.docx").tablas[0]
    assert docx.filas_encabezado_marcadas == 1
    assert docx.n_filas == tabla.n_filas


def test_borderless_table_is_found_in_pdf():
    tabla = _doc("sogamoso_educacion_2019.pdf").tablas[0]
    docx = _doc("sogamoso_educacion_2019.docx").tablas[0]
    assert tabla.n_columnas == docx.n_columnas == 6
    labels = [row[0].replace("\n", " ") for row in tabla.textos() if row[0]]
    docx_labels = [row[0].replace("\n", " ") for row in docx.textos() if row[0]]
    assert labels[-1] == docx_labels[-1]


def test_row_cut_by_page_break_is_whole_again_in_pdf():
    pdf = _doc("rionegro_desarrollo_economico_2023.pdf").tablas[0]
    docx = _doc("rionegro_desarrollo_economico_2023.docx").tablas[0]
    assert pdf.n_filas == docx.n_filas
    norm = lambda t: " ".join(t.split())  # noqa: E731
    assert [norm(r[0]) for r in pdf.textos()] == [norm(r[0]) for r in docx.textos()]


def test_pdf_pages_are_made_one_at_a_time_and_let_go_once_read():
    """The PDF reader makes pdfplumber's pages as `pdf.pages` would (same
    numbers, offsets and boxes) but one at a time, closes each once read and
    empties pdfminer's cache of parsed objects: nothing of a read page (its
    characters, its content streams) stays behind as the report goes on."""
    ruta = INFORMES / "barrancabermeja_prensa_2017.pdf"  # 5 pages
    with pdfplumber.open(str(ruta)) as pdf:
        esperado = [(p.page_number, p.initial_doctop, p.bbox) for p in pdf.pages]
    leidas = []
    with lector_pdf._pdfplumber(ruta) as pdf:
        for page in lector_pdf._paginas(pdf):
            if leidas:
                anterior = leidas[-1]
                assert "_objs" not in vars(anterior)  # closed: its characters and layout dropped
                assert not any(s.objid in pdf.doc._cached_objs for s in anterior.page_obj.contents)
            assert page.chars  # pdfminer parses the page
            leidas.append(page)
        assert not hasattr(pdf, "_pages")  # pdf.pages (every page, kept) was never made
        assert pdf.doc._cached_objs == {}
    assert [(p.page_number, p.initial_doctop, p.bbox) for p in leidas] == esperado
    assert not any("_objs" in vars(p) for p in leidas)


def test_fuente_de_una_palabra_con_letras_en_negrita_y_normales_es_la_misma_en_cada_corrida():
    from extractor.formatos.lineas import fuente_de_palabra

    assert fuente_de_palabra(["Arial-Bold", "Arial-Bold"]) == "Bold"
    # mixed: not bold, and always the first regular font (a set's order changed with the hash seed)
    assert fuente_de_palabra(["Arial-Bold", "Arial", "Calibri"]) == "Arial"
    assert fuente_de_palabra(["Calibri", "Arial-Bold", "Arial"]) == "Calibri"
    assert fuente_de_palabra([]) == ""
