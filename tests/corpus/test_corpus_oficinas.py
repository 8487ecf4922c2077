"""The office-kind documents of the corpus (issue 14 item 7, issue 13): the layout
features they stand for are really in the files, and the documents the reader
does not read right yet (PENDIENTES) stay out of corpus/ but still build."""

from __future__ import annotations

import csv
import importlib
import re
import sys

import openpyxl
import pdfplumber
import pytest
from docx import Document
from python_calamine import CalamineWorkbook

from tests.conftest import GENERADOR, GOLD, INFORMES

sys.path.insert(0, str(GENERADOR))
hojas = importlib.import_module("generar_hojas_oficinas")
generar = importlib.import_module("generar")
especificaciones = importlib.import_module("especificaciones")

FUSA = INFORMES / "fusagasuga_salud_cortes_2025.xlsx"
CASANARE = INFORMES / "casanare_metas_resultado_2023.xls"


def _gold(id_: str) -> list[dict]:
    with open(GOLD / f"{id_}.gold.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_pendientes_fuera_del_corpus_y_los_demas_dentro():
    pendientes = hojas.PENDIENTES | especificaciones.PENDIENTES
    assert pendientes
    for id_ in pendientes:
        assert not list(INFORMES.glob(f"{id_}.*")) and not list(GOLD.glob(f"{id_}.*")), id_
    for id_, (_, _, ext) in hojas.LIBROS.items():
        if id_ not in pendientes:
            assert (INFORMES / f"{id_}{ext}").is_file() and (GOLD / f"{id_}.gold.csv").is_file()


def test_cortes_de_salud_meses_en_columnas_y_texto():
    ws = openpyxl.load_workbook(FUSA, data_only=True)["Corte junio"]
    cab = [c.value for c in ws[4]]
    assert cab[4] == "Meta anual" and cab[5:17][0] == "Ene" and "Acumulado" in cab
    assert ws.column_dimensions["D"].hidden  # last year's goal: hidden, not in the gold
    meses_julio_a_dic = [ws.cell(5, c).value for c in range(12, 18)]
    assert meses_julio_a_dic == [None] * 6
    textos = [
        c.value
        for fila in ws.iter_rows(min_row=5, max_row=10, min_col=6, max_col=11)
        for c in fila
        if isinstance(c.value, str)
    ]
    assert textos and all(re.fullmatch(r"\d+", t) for t in textos)
    assert "#DIV/0!" in [c.value for c in ws["S"]]
    assert any(c.value == hojas.PIE_PLANTILLA for fila in ws.iter_rows() for c in fila)
    gold = _gold(FUSA.stem)
    assert not [g for g in gold if g["periodo_fin"] > "2025-06-30" and g["medida"] != "meta"]
    assert not [g for g in gold if g["medida"] == "meta" and g["valor"] == "1290"]  # the hidden column
    assert not [g for g in gold if "2024-11" in g["periodo_inicio"]]  # the footer is not a period


def test_metas_de_resultado_xls_con_cifras_como_texto():
    assert CASANARE.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # BIFF in an OLE2 file
    libro = CalamineWorkbook.from_path(str(CASANARE))
    assert libro.sheet_names == ["Metas resultado", "Base 2019"]
    filas = libro.get_sheet_by_name("Metas resultado").to_python()
    assert filas[4][5] == "Vigencia 2023" and filas[5][5:7] == ["Programado", "Logrado"]
    cifras = [c for fila in filas[6:12] for c in fila[3:8] if c != ""]
    assert cifras and all(isinstance(c, str) for c in cifras)
    assert "#DIV/0!" in cifras and any("," in c for c in cifras)
    assert hojas.PIE_PLANTILLA in [c for fila in filas for c in fila]


def test_trimestres_en_filas_con_el_indicador_en_el_titulo():
    doc = Document(INFORMES / "garzon_mujer_trimestres_2024.docx")
    assert len(doc.tables) == 3
    for tabla in doc.tables:
        assert [f.cells[0].text for f in tabla.rows] == [
            "Periodo",
            "I trimestre",
            "II trimestre",
            "III trimestre",
            "IV trimestre",
            "Total 2024",
        ]
    leyendas = [p.text for p in doc.paragraphs if p.text.startswith("Tabla ")]
    indicadores = {g["indicador"] for g in _gold("garzon_mujer_trimestres_2024")}
    assert len(leyendas) == 3 and len(indicadores) == 3
    assert all(any(i.lower() in t.lower() for t in leyendas) for i in indicadores)


def test_unidades_dentro_de_las_celdas_y_negativos_entre_parentesis():
    with pdfplumber.open(INFORMES / "tocancipa_obras_unidades_2024.pdf") as pdf:
        texto = "\n".join(p.extract_text() for p in pdf.pages)
    for muestra in ("45 km", "6.200 m²", "1.350 ml", "(6) und.", "(4) und."):
        assert muestra in texto
    negativos = {
        (g["medida"], g["valor"]) for g in _gold("tocancipa_obras_unidades_2024") if g["valor"].startswith("-")
    }
    assert negativos == {("meta", "-4"), ("ejecutado", "-6")}


def test_tablero_mipg_una_hoja_por_indicador_y_resumen():
    ruta = INFORMES / f"{hojas.LACEJA_ID}.xlsx"
    libro = openpyxl.load_workbook(ruta)
    assert libro.sheetnames[0] == "Resumen" and len(libro.sheetnames) == 6
    assert libro["Listas"].sheet_state == "hidden"
    assert libro["Resumen"].auto_filter.ref
    assert str(libro["Resumen"]["B7"].value).startswith("='IND-01")  # the summary repeats the sheets
    valores = openpyxl.load_workbook(ruta, data_only=True)["IND-02 Capacitación"]
    assert "#DIV/0!" in [c.value for c in valores["D"]]
    assert len(_gold(hojas.LACEJA_ID)) == 77


@pytest.mark.parametrize("id_", sorted(hojas.PENDIENTES))
def test_libros_pendientes_se_construyen(id_, tmp_path):
    n = hojas.construir(id_, tmp_path, tmp_path)
    assert n > 20
    ruta = next(tmp_path.glob(f"{id_}.xlsx"))
    ws = openpyxl.load_workbook(ruta).worksheets[0]
    assert any(d.hidden for d in ws.row_dimensions.values())
    if id_ == hojas.QUINDIO_ID:
        assert ws.auto_filter.ref


def test_informes_pendientes_se_construyen(tmp_path):
    por_id = {i.id: i for i in especificaciones.INFORMES}
    cajica = tmp_path / "cajica.docx"
    generar.construir_docx(por_id["cajica_seguimiento_pdm_2023"], cajica)
    tabla = Document(cajica).tables[0]._tbl
    assert len(tabla.xpath(".//w:tr[1]/w:tc")) == 8  # Indicador, Línea base, 3 blocks, 3 spacers
    sin_reglas = tabla.xpath(".//w:tcBorders/w:top[@w:val='nil']")
    assert len(sin_reglas) >= 3 * (len(tabla.xpath(".//w:tr")) - 1)
    faca = tmp_path / "faca.docx"
    generar.construir_docx(por_id["facatativa_plan_desarrollo_2024"], faca)
    cuerpo = Document(faca).tables[0]._tbl.xpath(".//w:tr[position()>2]//w:vMerge")
    assert len(cuerpo) == 3 * 8  # 3 result cells merged down over 3 + 2 + 3 product rows
    gold = generar.gold_informe(por_id["facatativa_plan_desarrollo_2024"])
    resultados = [g for g in gold if g["medida"] in ("linea_base", "meta_cuatrienio") and not g["indicador_padre"]]
    assert len(resultados) == 6  # the merged figures, once per result indicator


def test_serie_anual_de_educacion_con_fila_oculta():
    """Pitalito: a yearly series 2011-2022 whose title is a "serie histórica"
    (the report's title and period), year columns, "ND" and a hidden row."""
    ruta = INFORMES / "pitalito_educacion_serie_2011_2022.xlsx"
    ws = openpyxl.load_workbook(ruta).active
    assert [c.value for c in ws[5]][2:14] == [str(a) for a in range(2011, 2023)]
    assert ws.row_dimensions[11].hidden and "suspendido" in ws.cell(11, 1).value
    assert "ND" in [c.value for c in ws[9]]
    gold = _gold(ruta.stem)
    assert not [g for g in gold if "suspendido" in g["indicador"]]  # the hidden row: no gold
    assert {g["periodo_inicio"][:4] for g in gold if g["medida"] == "ejecutado"} == {str(a) for a in range(2011, 2023)}
