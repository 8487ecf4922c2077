"""Stitching tables across pages on the document model."""

from __future__ import annotations

from extractor.modelo import BloqueTexto, Documento
from extractor.modelo import Celda, Tabla
from extractor.tablas.costura import compactar_columnas, unir_tablas
from tests.conftest import tabla_de

HEADER = ["INDICADOR", "Meta 2019", "Ejecutado 2019"]


def _doc(*bloques):
    return Documento(archivo="x.pdf", sha256="0" * 64, formato="pdf", paginas=3, bloques=list(bloques))


def test_continuation_with_repeated_header_is_one_table():
    a = tabla_de([HEADER, ["Aulas dotadas", "10", "4"]], pagina=1)
    b = tabla_de([HEADER, ["Docentes formados", "50", "45"]], pagina=2)
    doc = unir_tablas(_doc(a, b))
    assert len(doc.tablas) == 1
    assert doc.tablas[0].textos() == [HEADER, ["Aulas dotadas", "10", "4"], ["Docentes formados", "50", "45"]]
    assert doc.tablas[0].paginas == [1, 2]


def test_row_cut_by_page_break_is_merged_back():
    a = tabla_de([HEADER, ["PRODUCCIÓN DE NOTAS: Registro de notas sobre la", "300", "359"]], pagina=1)
    b = tabla_de([["administración municipal.", "", ""], ["BANNER: Publicados", "105", "15"]], pagina=2)
    doc = unir_tablas(_doc(a, b))
    rows = doc.tablas[0].textos()
    assert rows[1] == ["PRODUCCIÓN DE NOTAS: Registro de notas sobre la\nadministración municipal.", "300", "359"]
    assert rows[2] == ["BANNER: Publicados", "105", "15"]
    assert len(rows) == 3


def test_cut_row_in_capitals_follows_an_unfinished_label():
    a = tabla_de([HEADER, ["PRODUCCIÓN DE SPOTS Y/O", "17", "76"]], pagina=1)
    b = tabla_de([["COMERCIALES INSTITUCIONALES: Producción de spots.", "", ""]], pagina=2)
    rows = unir_tablas(_doc(a, b)).tablas[0].textos()
    assert rows[1][0] == "PRODUCCIÓN DE SPOTS Y/O\nCOMERCIALES INSTITUCIONALES: Producción de spots."


def test_heading_row_at_page_top_is_kept_as_a_row():
    a = tabla_de([HEADER, ["Aulas dotadas.", "10", "4"]], pagina=1)
    b = tabla_de([["Programa: Calidad educativa", "", ""], ["Docentes formados", "50", "45"]], pagina=2)
    rows = unir_tablas(_doc(a, b)).tablas[0].textos()
    assert rows[2] == ["Programa: Calidad educativa", "", ""]


def test_text_between_tables_or_other_shape_keeps_them_apart():
    a = tabla_de([HEADER, ["Aulas dotadas", "10", "4"]], pagina=1)
    b = tabla_de([HEADER, ["Docentes formados", "50", "45"]], pagina=2)
    c = tabla_de([["Rubro", "Compromisos"], ["Inversión", "100"]], pagina=3)
    texto = BloqueTexto(texto="Tabla 2. Recursos", pagina=2)
    doc = unir_tablas(_doc(a, texto, b, c))
    assert len(doc.tablas) == 3
    assert [t.indice for t in doc.tablas] == [1, 2, 3]


def test_header_boxes_narrower_than_body_cells_are_one_column():
    # a ruled PDF whose header boxes do not line up with the body's: the grid
    # has three columns where a reader sees one
    celdas = [
        Celda("", 0, 0, 1),
        Celda("META", 0, 1, 1),
        Celda("", 0, 2, 1),
        Celda("LÍNEA BASE", 0, 3, 1),
        Celda("Crear la Oficina de Mujer", 1, 0, 1, columnas_span=3),
        Celda("SL", 1, 3, 1),
        Celda("Crear el CAI", 2, 0, 1, columnas_span=3),
        Celda("1", 2, 3, 1),
    ]
    tabla = compactar_columnas(Tabla(indice=1, celdas=celdas))
    assert tabla.textos() == [["META", "LÍNEA BASE"], ["Crear la Oficina de Mujer", "SL"], ["Crear el CAI", "1"]]


def test_blank_columns_that_are_real_stay_apart():
    tabla = tabla_de([["Indicador", "Meta", "Ejecutado"], ["Aulas", "", "4"], ["Docentes", "", "45"]])
    assert compactar_columnas(tabla).n_columnas == 3
