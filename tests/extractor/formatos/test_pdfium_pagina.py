"""Table pages read with pdfium (extractor/formatos/pdfium_pagina.py) give
the same tables and lines as pdfplumber's own reading of the page."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractor.formatos import pdf as lector
from extractor.formatos.cribado import cribar
from extractor.formatos.pdfium_pagina import DocumentoPdfium, leer_pagina
from tests.conftest import INFORMES

ARCHIVOS = ["girardot_salud_2018.pdf", "tulua_personeria_2021.pdf", "rionegro_desarrollo_economico_2023.pdf",
            "chiquinquira_agropecuario_2019.pdf"]


def _forma(items):
    tablas, lineas = items
    return ([[(c.fila, c.columna, c.filas_span, c.columnas_span, c.texto, c.negrita) for c in t.celdas]
             for _, t in tablas], [l.texto for l in lineas])


@pytest.mark.parametrize("nombre", ARCHIVOS)
def test_paginas_con_tablas_iguales_a_pdfplumber(nombre):
    ruta = INFORMES / nombre
    cribadas = cribar(ruta)
    doc = pdfium.PdfDocument(str(ruta))
    try:
        with pdfplumber.open(str(ruta)) as pdf:
            for numero, pagina in enumerate(pdf.pages, start=1):
                if not cribadas[numero - 1].con_tablas:
                    continue
                rapida = doc[numero - 1]
                texto = rapida.get_textpage()
                leida = leer_pagina(rapida, texto, lector.RULED)
                texto.close()
                assert leida is not None
                esperado = lector._page_items(pagina, numero)
                obtenido = lector._page_items(pagina, numero, *leida)
                assert _forma(obtenido) == _forma(esperado), (nombre, numero)
                # where each table starts on the page (it orders the blocks): within 2 points
                for (arriba_a, _), (arriba_b, _) in zip(obtenido[0], esperado[0]):
                    assert abs(arriba_a - arriba_b) <= 2.0
    finally:
        doc.close()


def test_documento_pdfium_reabre_el_archivo_cada_tramo_y_da_las_mismas_paginas(monkeypatch):
    """pdfium keeps what it parsed of every page until the document is
    closed: DocumentoPdfium reopens it every `tramo` pages (memory flat with
    the number of pages), closing the previous opening, with the same pages."""
    ruta = INFORMES / "rionegro_desarrollo_economico_2023.pdf"  # 3 pages
    doc = pdfium.PdfDocument(str(ruta))
    esperado = []
    for i in range(len(doc)):
        pagina = doc[i]
        texto = pagina.get_textpage()
        esperado.append(texto.get_text_range())
        texto.close()
        pagina.close()
    doc.close()

    aperturas = []
    abrir = pdfium.PdfDocument

    def contar(*args, **kwargs):
        aperturas.append(abrir(*args, **kwargs))
        return aperturas[-1]

    monkeypatch.setattr(pdfium, "PdfDocument", contar)
    leidos = []
    with DocumentoPdfium(ruta, tramo=2) as rapido:
        assert len(rapido) == 3
        for i in range(len(rapido)):
            pagina = rapido.pagina(i)
            texto = pagina.get_textpage()
            leidos.append(texto.get_text_range())
            texto.close()
            pagina.close()
        assert len(aperturas) == 2  # pages 1-2, then page 3
        assert aperturas[0].raw is None  # the first opening is closed
    assert aperturas[1].raw is None
    assert leidos == esperado


def test_texto_dibujado_a_escala_mide_lo_que_mide_en_pdfplumber(tmp_path):
    """Text drawn with a huge font size and a small matrix (327.68 scaled by
    0.025, as some report generators write headers) is 8 points high in
    pdfium's words too, not 327: the header is not a line of its own that
    spans the whole page."""
    from corpus.generador.generar_derivados import serializar_pdf

    flujo = (b"BT /F1 327.68 Tf 0.025 0 0 0.025 100 700 Tm (Compromiso) Tj ET\n"
             b"BT /F1 8 Tf 1 0 0 1 200 700 Tm (Devengado) Tj ET\n"
             b"0 0 m 10 0 l S 0 10 m 10 10 l S 0 0 m 0 10 l S 10 0 m 10 10 l S")
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
           b"/Contents 5 0 R >>",
        5: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(flujo), flujo),
    }
    ruta = tmp_path / "escala.pdf"
    ruta.write_bytes(serializar_pdf(objetos, [4]))
    doc = pdfium.PdfDocument(str(ruta))
    try:
        pagina = doc[0]
        texto = pagina.get_textpage()
        palabras, _ = leer_pagina(pagina, texto, lector.RULED)
        texto.close()
    finally:
        doc.close()
    with pdfplumber.open(str(ruta)) as pdf:
        esperadas = pdf.pages[0].extract_words()
    assert [w["text"] for w in palabras] == [w["text"] for w in esperadas] == ["Compromiso", "Devengado"]
    for obtenida, esperada in zip(palabras, esperadas):
        assert obtenida["top"] == pytest.approx(esperada["top"], abs=0.5)
        assert obtenida["bottom"] == pytest.approx(esperada["bottom"], abs=0.5)
