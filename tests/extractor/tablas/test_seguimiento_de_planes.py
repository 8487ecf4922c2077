"""Plan tracking reports as secretarías write them (issue 13, lote 8): an
action plan tracked by quarter in a LibreOffice spreadsheet (abbreviated
quarter headers, units inside cells, a negative in parentheses, the goal's
wording beside the target figure), and a Word table whose result indicator,
baseline and four-year target are merged down over its product rows, after
prose with approximate and scaled money. Every document is built here with
openpyxl + LibreOffice or python-docx."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from openpyxl import Workbook

from extractor import extraer_informe
from extractor.castellano.periodos import Contexto, Periodo, periodo_de_texto
from extractor.formatos.legado import soffice
from tests.conftest import observaciones_con as _obs, una_observacion as _uno


@pytest.mark.parametrize(
    "texto, inicio, fin",
    [
        ("Avance I trim.", date(2026, 1, 1), date(2026, 3, 31)),
        ("IV trim", date(2026, 10, 1), date(2026, 12, 31)),
        ("II sem. 2024", date(2024, 7, 1), date(2024, 12, 31)),
        ("3er bim", date(2026, 5, 1), date(2026, 6, 30)),
        ("Trim II", date(2026, 4, 1), date(2026, 6, 30)),
    ],
)
def test_partes_del_anio_abreviadas(texto, inicio, fin):
    assert periodo_de_texto(texto, Contexto(vigencia=2026)) == Periodo(inicio, fin)


@pytest.mark.parametrize("texto", ["semana 3", "seminario 1", "II trimestral", "sembrado 2"])
def test_palabras_que_no_son_partes_del_anio(texto):
    assert periodo_de_texto(texto, Contexto()) is None


@pytest.fixture(scope="module")
def plan_de_accion_ods(tmp_path_factory) -> Path:
    """Sogamoso's action plan 2026, tracked by quarter, saved by LibreOffice
    as .ods from an openpyxl workbook."""
    if soffice() is None:
        pytest.skip("LibreOffice no está instalado (apt-get install libreoffice-calc-nogui)")
    carpeta = tmp_path_factory.mktemp("plan_ods")
    wb = Workbook()
    ws = wb.active
    ws.title = "Seguimiento 2026"
    ws.append(["ALCALDÍA DE SOGAMOSO"])
    ws.append(["Secretaría de Obras Públicas y Movilidad"])
    ws.append(["PLAN DE ACCIÓN 2026 – SEGUIMIENTO POR TRIMESTRE"])
    ws.append([])
    ws.append(
        [
            "Meta de producto",
            "Indicador de producto",
            "Unidad de medida",
            "Meta 2026",
            "Avance I trim.",
            "II trim.",
            "III trim.",
            "IV trim.",
            "Total avance",
            "% de cumplimiento",
            "Recursos programados",
            "Recursos ejecutados",
        ]
    )
    ws.append(
        [
            "Pavimentar 20 km de vías urbanas en los barrios del sur",
            "Vías urbanas pavimentadas",
            "Kilómetros",
            "20 km",
            4,
            5.5,
            "6 km",
            3,
            18.5,
            0.925,
            3200000000,
            2950000000,
        ]
    )
    ws.append(
        [
            "Instalar 8 semáforos inteligentes en intersecciones críticas",
            "Semáforos instalados",
            "Unidad",
            "8 und.",
            "—",
            2,
            3,
            "N.D.",
            5,
            0.625,
            640000000,
            410000000,
        ]
    )
    ws.append(
        [
            "Señalizar 150 cruces escolares en la zona urbana",
            "Cruces escolares señalizados",
            "Número",
            150,
            40,
            35,
            0,
            45,
            120,
            0.8,
            95000000,
            "(1.250.000)",
        ]
    )
    for fila in ws.iter_rows(min_row=6, max_row=8, min_col=10, max_col=10):
        fila[0].number_format = "0.0%"
    xlsx = carpeta / "sogamoso_obras_plan_accion_2026.xlsx"
    wb.save(xlsx)
    perfil = carpeta / "perfil"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{perfil}",
            "--headless",
            "--convert-to",
            "ods",
            "--outdir",
            str(carpeta),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    ods = xlsx.with_suffix(".ods")
    assert ods.is_file()
    xlsx.unlink()
    return ods


def test_plan_de_accion_ods_por_trimestres(plan_de_accion_ods):
    informe = extraer_informe(plan_de_accion_ods)
    vias = "Vías urbanas pavimentadas"
    # each abbreviated quarter column is that quarter's result, "6 km" is 6
    trimestres = {
        (o.periodo_inicio, o.periodo_fin): o.valor
        for o in _obs(informe, indicador=vias, medida="ejecutado")
        if o.periodo_fin != date(2026, 12, 31) or o.periodo_inicio != date(2026, 1, 1)
    }
    assert trimestres == {
        (date(2026, 1, 1), date(2026, 3, 31)): 4,
        (date(2026, 4, 1), date(2026, 6, 30)): 5.5,
        (date(2026, 7, 1), date(2026, 9, 30)): 6,
        (date(2026, 10, 1), date(2026, 12, 31)): 3,
    }
    assert _uno(informe, indicador=vias, medida="meta").valor == 20  # "20 km"
    assert _uno(informe, indicador="Semáforos instalados", medida="meta").valor == 8  # "8 und."
    # "—" and "N.D." give nothing; an explicit 0 is a figure
    semaforos = _obs(informe, indicador="Semáforos instalados", medida="ejecutado")
    assert {o.periodo_inicio.month for o in semaforos if o.periodo_fin.month - o.periodo_inicio.month == 2} == {4, 7}
    cruces = _uno(
        informe, indicador="Cruces escolares señalizados", medida="ejecutado", periodo_inicio=date(2026, 7, 1)
    )
    assert cruces.valor == 0
    # the goal's wording beside the "Meta 2026" figures is no figure of its own
    assert not _obs(informe, medida="meta_cuatrienio")
    assert not [o for o in informe.observaciones if o.valor == 150 and o.medida != "meta"]
    # a negative in parentheses in a money column
    assert _uno(informe, indicador="Cruces escolares señalizados", medida="recursos_ejecutados").valor == -1250000
    assert _uno(informe, indicador=vias, medida="avance_porcentual").valor == pytest.approx(92.5)


def _combinar_hacia_abajo(tabla, columna: int, desde: int, hasta: int) -> None:
    celda = tabla.cell(desde, columna).merge(tabla.cell(hasta, columna))
    celda.text = tabla.cell(desde, columna).text.split("\n")[0]


@pytest.fixture(scope="module")
def seguimiento_pdm_docx(tmp_path_factory) -> Path:
    """Duitama's PDM tracking: result indicator, baseline and four-year
    result target merged down over the product rows of each."""
    doc = Document()
    seccion = doc.sections[0]
    seccion.orientation = WD_ORIENT.LANDSCAPE
    seccion.page_width, seccion.page_height = seccion.page_height, seccion.page_width
    doc.add_paragraph("SEGUIMIENTO AL PLAN DE DESARROLLO “DUITAMA AVANZA” 2024-2027")
    doc.add_paragraph("Secretaría de Desarrollo Social · Vigencia 2025 (corte a 31 de diciembre)")
    encabezado = [
        "Indicador de resultado",
        "Línea base 2023",
        "Meta de resultado 2024-2027",
        "Indicador de producto",
        "Unidad",
        "Meta cuatrienio",
        "Programado 2025",
        "Logrado 2025",
        "% cumplimiento vigencia",
    ]
    grupos = [
        (
            "Tasa de deserción escolar",
            "4,2 %",
            "3,0 %",
            [
                ("Estudiantes con transporte escolar", "Número", "2.400", "600", "590", "98,3 %"),
                ("Docentes formados en permanencia escolar", "Número", "120", "30", "30", "100,0 %"),
            ],
        ),
        (
            "Hogares en pobreza multidimensional",
            "18.500",
            "15.000",
            [
                ("Hogares acompañados por la estrategia de superación", "Número", "1.600", "400", "352", "88,0 %"),
                ("Emprendimientos familiares apoyados", "Número", "240", "60", "0", "0,0 %"),
                ("Ferias de empleo realizadas", "Número", "8", "2", "2", "100,0 %"),
            ],
        ),
    ]
    filas = sum(len(p) for _, _, _, p in grupos)
    tabla = doc.add_table(rows=1 + filas, cols=len(encabezado))
    tabla.style = "Table Grid"
    for k, texto in enumerate(encabezado):
        tabla.cell(0, k).text = texto
    fila = 1
    for resultado, base, meta, productos in grupos:
        for producto in productos:
            for k, texto in enumerate(producto, start=3):
                tabla.cell(fila, k).text = texto
            fila += 1
        for k, texto in enumerate((resultado, base, meta)):
            tabla.cell(fila - len(productos), k).text = texto
            _combinar_hacia_abajo(tabla, k, fila - len(productos), fila - 1)
    doc.add_paragraph(
        "Durante la vigencia se ejecutaron $ 1.840 millones de inversión en los programas sociales. "
        "En los dos últimos años se invirtieron aproximadamente $ 3.100 millones en la estrategia."
    )
    ruta = tmp_path_factory.mktemp("pdm_docx") / "duitama_desarrollo_social_seguimiento_pdm_2025.docx"
    doc.save(ruta)
    return ruta


def test_resultado_combinado_sobre_sus_productos(seguimiento_pdm_docx):
    informe = extraer_informe(seguimiento_pdm_docx)
    # the merged baseline and "Meta de resultado 2024-2027": once, named after
    # the result indicator, the target over the plan's whole term
    meta = _uno(informe, indicador="Tasa de deserción escolar", medida="meta_cuatrienio")
    assert (meta.valor, meta.periodo_inicio, meta.periodo_fin) == (3.0, date(2024, 1, 1), date(2027, 12, 31))
    assert _uno(informe, indicador="Hogares en pobreza multidimensional", medida="meta_cuatrienio").valor == 15000
    assert _uno(informe, indicador="Hogares en pobreza multidimensional", medida="linea_base").valor == 18500
    assert not [o for o in informe.observaciones if o.valor in (3.0, 15000) and o.medida != "meta_cuatrienio"]
    # product rows: their own four-year target, the year's target and result
    hogares = "Hogares acompañados por la estrategia de superación"
    assert _uno(informe, indicador=hogares, medida="meta_cuatrienio").valor == 1600
    assert _uno(informe, indicador=hogares, medida="meta").valor == 400
    assert _uno(informe, indicador="Emprendimientos familiares apoyados", medida="avance_porcentual").valor == 0


def test_dinero_de_la_narrativa_con_escala_y_aproximado(seguimiento_pdm_docx):
    informe = extraer_informe(seguimiento_pdm_docx)
    recursos = _obs(informe, unidad="pesos")
    # "$ 1.840 millones" is 1.840.000.000 pesos; "aproximadamente $ 3.100
    # millones" is an approximation, not a figure of the report
    assert [(o.medida, o.valor, o.valor_texto) for o in recursos] == [
        ("recursos_ejecutados", 1840000000, "$ 1.840 millones")
    ]
