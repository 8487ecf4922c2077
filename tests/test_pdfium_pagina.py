"""Table pages read with pdfium (extractor/lectores/pdfium_pagina.py) give
the same tables and lines as pdfplumber's own reading of the page."""
from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractor.lectores import pdf as lector
from extractor.lectores.cribado import cribar
from extractor.lectores.pdfium_pagina import leer_pagina
from tests.conftest import CORPUS

ARCHIVOS = ["girardot_salud_2018.pdf", "tulua_personeria_2021.pdf", "rionegro_desarrollo_economico_2023.pdf",
            "chiquinquira_agropecuario_2019.pdf"]


def _forma(items):
    tablas, lineas = items
    return ([[(c.fila, c.columna, c.filas_span, c.columnas_span, c.texto, c.negrita) for c in t.celdas]
             for _, t in tablas], [l.texto for l in lineas])


@pytest.mark.parametrize("nombre", ARCHIVOS)
def test_paginas_con_tablas_iguales_a_pdfplumber(nombre):
    ruta = CORPUS / nombre
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
