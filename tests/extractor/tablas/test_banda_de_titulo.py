"""A Word table whose first row is one cell across the whole table ("LÍNEA
2. …") above the real header: that row is the table's title, not an upper
header level of every column. The products are the rows' indicators; the
result indicator merged down over them keeps its own figures, once. Made by
python-docx; wording unlike any report studied."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from extractor import interpretar, leer_documento  # noqa: E402

ENCABEZADO = [
    "Programa",
    "Indicador de resultado",
    "LB resultado",
    "Indicador de producto",
    "Unidad",
    "Meta 2025",
    "Logro 2025",
]
FILAS = [
    ["Agua para todos", "Cobertura de acueducto rural", "61%", "Acueductos veredales construidos", "Número", "4", "3"],
    [
        "Agua para todos",
        "Cobertura de acueducto rural",
        "61%",
        "Tanques de almacenamiento instalados",
        "Número",
        "12",
        "12",
    ],
    ["Agua para todos", "Calidad del agua (IRCA)", "18%", "Familias con filtros de agua", "Número", "300", "284"],
    ["Agua para todos", "Calidad del agua (IRCA)", "18%", "Muestras de agua analizadas", "Número", "96", "90"],
    [
        "Saneamiento básico",
        "Cobertura de alcantarillado",
        "48%",
        "Unidades sanitarias construidas",
        "Número",
        "80",
        "64",
    ],
    ["Saneamiento básico", "Cobertura de alcantarillado", "48%", "Pozos sépticos entregados", "Número", "40", "41"],
]
# merged cells (column, first row, last row): each programme and each result
# indicator with its baseline over its products
COMBINADAS = [(0, 2, 5), (0, 6, 7), (1, 2, 3), (2, 2, 3), (1, 4, 5), (2, 4, 5), (1, 6, 7), (2, 6, 7)]


def _informe(ruta: Path, banda: str) -> None:
    d = docx.Document()
    d.add_paragraph("Alcaldía de Guasca - Secretaría de Servicios Públicos. Informe de gestión 2025")
    t = d.add_table(rows=2 + len(FILAS), cols=len(ENCABEZADO))
    t.style = "Table Grid"
    t.cell(0, 0).merge(t.cell(0, len(ENCABEZADO) - 1)).text = banda
    for k, texto in enumerate(ENCABEZADO):
        t.cell(1, k).text = texto
    for r, fila in enumerate(FILAS, start=2):
        for k, texto in enumerate(fila):
            t.cell(r, k).text = texto
    for k, inicio, fin in COMBINADAS:
        valor = t.cell(inicio, k).text
        t.cell(inicio, k).merge(t.cell(fin, k)).text = valor
    d.save(str(ruta))


def test_la_banda_que_cruza_la_tabla_es_su_titulo(tmp_path):
    ruta = tmp_path / "guasca_servicios_publicos_2025.docx"
    _informe(ruta, "LÍNEA 2. GUASCA CON SERVICIOS PÚBLICOS DE CALIDAD")
    obs = interpretar(leer_documento(ruta)).observaciones
    logros = {o.indicador: o.valor for o in obs if o.medida == "ejecutado"}
    assert logros == {
        "Acueductos veredales construidos": 3,
        "Tanques de almacenamiento instalados": 12,
        "Familias con filtros de agua": 284,
        "Muestras de agua analizadas": 90,
        "Unidades sanitarias construidas": 64,
        "Pozos sépticos entregados": 41,
    }
    bases = sorted((o.indicador, o.valor) for o in obs if o.medida == "linea_base")
    assert bases == [
        ("Calidad del agua (IRCA)", 18),
        ("Cobertura de acueducto rural", 61),
        ("Cobertura de alcantarillado", 48),
    ]


def test_una_banda_con_periodo_fecha_las_columnas(tmp_path):
    ruta = tmp_path / "guasca_servicios_publicos_vigencias.docx"
    _informe(ruta, "Seguimiento vigencia 2025")
    obs = interpretar(leer_documento(ruta)).observaciones
    assert {o.periodo_inicio.year for o in obs if o.medida == "ejecutado"} == {2025}


def test_las_cifras_tras_el_indicador_de_resultado_son_suyas(tmp_path):
    """A result indicator on a single row (not merged): its baseline and its
    target, the columns between its name and the product's, are its own."""
    ruta = tmp_path / "guasca_resultados_2025.docx"
    d = docx.Document()
    d.add_paragraph("Alcaldía de Guasca - Secretaría de Servicios Públicos. Plan de Desarrollo 2024-2027")
    encabezado = [
        "Indicador de resultado",
        "LB resultado",
        "Meta de resultado 2027",
        "Indicador de producto",
        "LB",
        "Meta 2025",
    ]
    filas = [
        ["Cobertura de acueducto rural", "61%", "75%", "Acueductos veredales construidos", "2", "4"],
        ["Calidad del agua (IRCA)", "18%", "5%", "Muestras de agua analizadas", "40", "96"],
    ]
    t = d.add_table(rows=1 + len(filas), cols=len(encabezado))
    t.style = "Table Grid"
    for r, fila in enumerate([encabezado, *filas]):
        for k, texto in enumerate(fila):
            t.cell(r, k).text = texto
    d.save(str(ruta))
    obs = interpretar(leer_documento(ruta)).observaciones
    propias = {(o.indicador, o.medida, o.valor) for o in obs if o.indicador == "Calidad del agua (IRCA)"}
    assert propias == {("Calidad del agua (IRCA)", "linea_base", 18), ("Calidad del agua (IRCA)", "meta_cuatrienio", 5)}
    assert {o.medida for o in obs if o.indicador == "Muestras de agua analizadas"} == {"linea_base", "meta"}
