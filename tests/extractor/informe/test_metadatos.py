"""Report metadata (extractor/informe/metadatos.py): the document type, entity and
period of documents that do not state them in a heading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extractor import leer_documento
from extractor.informe.metadatos import cuatrienal, extraer_metadatos, tipo_por_archivo

REALES = Path(__file__).resolve().parents[4] / "shared" / "corpus-real"


@pytest.mark.parametrize(
    "archivo, tipo",
    [
        ("tenjo_plan_indicativo_2024_2027.xlsx", "plan_indicativo"),
        ("sincelejo_pdm_2020_2023_parte_operativa.pdf", "plan_desarrollo"),
        ("Plan de Acción 2024.xlsx", "plan_accion"),
        ("Informe de gestión 2019.docx", "informe_gestion"),
        ("seguimiento.xlsx", "otro"),
    ],
)
def test_tipo_por_nombre_de_archivo(archivo, tipo):
    assert tipo_por_archivo(archivo) == tipo


def test_solo_los_planes_de_gobierno_son_cuatrienales():
    assert cuatrienal("plan_indicativo") and cuatrienal("plan_desarrollo")
    assert not cuatrienal("plan_accion") and not cuatrienal("informe_gestion")  # an action plan is one year


@pytest.mark.skipif(not REALES.is_dir(), reason="../shared/corpus-real no está disponible")
@pytest.mark.parametrize(
    "archivo, entidad, inicio",
    [
        ("sincelejo_pdm_2020_2023_parte_operativa.pdf", "Municipio de Sincelejo", 2020),  # type and term from the name
        ("timbiqui_plan_desarrollo_2012_2015.pdf", "Municipio de Timbiqui", 2012),  # the text says both
    ],
)
def test_plan_de_desarrollo_real_cubre_su_cuatrienio(archivo, entidad, inicio):
    meta, ctx = extraer_metadatos(leer_documento(REALES / archivo))
    assert meta.tipo_documento == "plan_desarrollo" and meta.entidad == entidad
    assert (meta.vigencia, meta.fecha_corte) == (None, None)
    assert (meta.periodo_inicio, meta.periodo_fin) == (date(inicio, 1, 1), date(inicio + 3, 12, 31))
    assert ctx.cuatrienio == (inicio, inicio + 3)


def test_un_plan_seguido_hasta_una_fecha_de_corte_tiene_vigencia(tmp_path):
    """A workbook that names the plan's term and states a cut inside it is the
    plan followed up to the cut: the cut's year is the vigencia."""
    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Sácama - Casanare"])
    hoja.append(["Seguimiento · Plan de Desarrollo 2024-2027 · Acuerdo 011 de 2024"])  # a year that is no cut
    hoja.append(["Corte: 30/09/2025"])
    hoja.append([])
    hoja.append(["Indicador", "Meta 2025", "Avance acumulado a 30-sep"])
    hoja.append(["Huertas caseras establecidas", 40, 31])
    ruta = tmp_path / "sacama_fichas.xlsx"
    libro.save(ruta)
    meta, ctx = extraer_metadatos(leer_documento(ruta))
    assert (meta.vigencia, meta.fecha_corte) == (2025, date(2025, 9, 30))
    assert ctx.cuatrienio == (2024, 2027)


def test_el_anio_del_corte_y_no_el_del_acuerdo_del_plan(tmp_path):
    """A follow-up whose lines name the plan's term and the agreement that
    adopted it (2024) and a cut in 2025: its vigencia is the cut's year."""
    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["MUNICIPIO DE ARGELIA - ANTIOQUIA"])
    hoja.append(["Plan de Desarrollo 2024-2027 'Argelia avanza', Acuerdo 004 de 2024"])
    hoja.append(["Secretaría de Salud · Reporte semestral de metas de producto"])
    hoja.append(["Información con corte al 30 de junio de 2025"])
    hoja.append([])
    hoja.append(["Indicador de producto", "Programado vigencia", "Logrado a la fecha"])
    hoja.append(["Visitas domiciliarias realizadas", 300, 140])
    ruta = tmp_path / "argelia_salud_reporte.xlsx"
    libro.save(ruta)
    meta, _ = extraer_metadatos(leer_documento(ruta))
    assert (meta.vigencia, meta.fecha_corte) == (2025, date(2025, 6, 30))


@pytest.mark.parametrize(
    "linea, vigencia, corte",
    [
        ("Control mensual de indicadores – año 2021, corte 31 de mayo", 2021, date(2021, 5, 31)),
        ("Vigencia 2022 (información a 31 de diciembre)", 2022, date(2022, 12, 31)),
    ],
)
def test_el_anio_que_declara_el_seguimiento_de_un_plan(tmp_path, linea, vigencia, corte):
    """A plan's follow-up that names the year it reports ("año 2021",
    "Vigencia 2022") under the plan's term: that year, to the cut it gives
    (a cut without a year is in that year) or to 31 December."""
    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Gachantivá · Plan de Desarrollo «Gachantivá avanza» 2020-2023"])
    hoja.append([linea])
    hoja.append([])
    hoja.append(["Indicador de producto", "Programado", "Ejecutado"])
    hoja.append(["Visitas de asistencia técnica", 40, 38])
    ruta = tmp_path / "gachantiva_seguimiento.xlsx"
    libro.save(ruta)
    meta, ctx = extraer_metadatos(leer_documento(ruta))
    assert (meta.vigencia, meta.fecha_corte) == (vigencia, corte)
    assert ctx.cuatrienio == (2020, 2023)


def test_el_anio_de_una_norma_en_el_titulo_no_es_la_vigencia(tmp_path):
    """ "Evaluación … vigencia 2023 (Resolución 408 de 2018)": the norm's year is not the report's."""
    import docx

    documento = docx.Document()
    documento.add_heading("Informe de evaluación del plan de gestión – vigencia 2023 (Resolución 408 de 2018)", 1)
    documento.add_paragraph("E.S.E. Hospital Local de Piedras Blancas")
    ruta = tmp_path / "ese_evaluacion.docx"
    documento.save(ruta)
    meta, _ = extraer_metadatos(leer_documento(ruta))
    assert (meta.vigencia, meta.periodo_inicio, meta.periodo_fin) == (2023, date(2023, 1, 1), date(2023, 12, 31))


def test_el_anio_del_acuerdo_con_numero_no_es_la_vigencia(tmp_path):
    """ "ACUERDO No. 021 DE 2024 … para la vigencia fiscal 2025": the agreement's year is not the plan's."""
    import docx

    documento = docx.Document()
    documento.add_paragraph("CONCEJO MUNICIPAL DE VILLA ESPERANZA")
    documento.add_paragraph("ACUERDO No. 021 DE 2024")
    documento.add_paragraph(
        "Por medio del cual se aprueba el Plan Operativo Anual de Inversiones para la vigencia fiscal 2025"
    )
    ruta = tmp_path / "acuerdo_poai.docx"
    documento.save(ruta)
    meta, _ = extraer_metadatos(leer_documento(ruta))
    assert meta.vigencia == 2025


def test_titulo_y_corte_en_el_encabezado_corrido_de_un_reporte_de_presupuesto(tmp_path):
    """An ERP's budget report prints its title, its accumulated range and its
    report code in the page header: the title is the budget execution's (not
    "Reporte: PRE-GAS-017"), its cut the range's end; the body's signature
    ("Revisó: … Grupo de Seguimiento") and numbered sections are no title."""
    import docx

    documento = docx.Document()
    cabecera = documento.sections[0].header
    cabecera.paragraphs[0].text = "MUNICIPIO DE MOSQUERA – CUNDINAMARCA"
    for linea in (
        "EJECUCIÓN PRESUPUESTAL DE GASTOS – VIGENCIA FISCAL 2023",
        "Acumulado del 01/01/2023 al 30/09/2023 · Cifras en pesos",
        "Reporte: PRE-GAS-017 · Nivel de detalle: rubro / fuente",
    ):
        cabecera.add_paragraph(linea)
    documento.add_paragraph("1. Balance de la ejecución")
    tabla = documento.add_table(rows=2, cols=3)
    for k, (rotulo, valor) in enumerate(
        (("Rubro", "2.1.1"), ("Apropiación definitiva", "1.200.000"), ("Compromisos", "800.000"))
    ):
        tabla.cell(0, k).text, tabla.cell(1, k).text = rotulo, valor
    documento.add_paragraph("Revisó: Profesional Universitario – Grupo de Seguimiento y Evaluación")
    ruta = tmp_path / "mosquera_gastos_sep2023.docx"
    documento.save(ruta)
    meta, ctx = extraer_metadatos(leer_documento(ruta))
    assert meta.titulo == "EJECUCIÓN PRESUPUESTAL DE GASTOS – VIGENCIA FISCAL 2023"
    assert (meta.vigencia, meta.fecha_corte) == (2023, date(2023, 9, 30))


def test_una_nota_metodologica_no_es_el_titulo(tmp_path):
    """The title is in the page header only; the body's note paragraph, which
    says "seguimiento", is no title."""
    import docx

    documento = docx.Document()
    cabecera = documento.sections[0].header
    cabecera.paragraphs[0].text = "SEGUIMIENTO AL PLAN DE DESARROLLO «SAN PEDRO, TIERRA LECHERA CON FUTURO 2020-2023»"
    cabecera.add_paragraph(
        "Avance físico de las metas de producto a 31 de diciembre de 2022 · Secretaría de Planeación"
    )
    documento.add_paragraph(
        "Nota metodológica. Prog.: meta programada para la vigencia en el plan indicativo (Decreto 112 de 2020); "
        "Ejec.: valor alcanzado en la vigencia según los reportes de las dependencias.\nEl avance acumulado compara "
        "lo alcanzado entre 2020 y 2022 con la meta del cuatrienio: en los indicadores de incremento se suman los "
        "logros.\nEn los de mantenimiento se toma el último valor. Seguimiento en cumplimiento del artículo 42."
    )
    ruta = tmp_path / "san_pedro_seguimiento_pdm.docx"
    documento.save(ruta)
    meta, ctx = extraer_metadatos(leer_documento(ruta))
    assert meta.titulo.startswith("SEGUIMIENTO AL PLAN DE DESARROLLO")
    assert ctx.cuatrienio == (2020, 2023)


def _informe_docx(ruta: Path, parrafos: list[str]) -> Path:
    import docx

    documento = docx.Document()
    for texto in parrafos:
        documento.add_paragraph(texto)
    documento.save(ruta)
    return ruta


def test_la_vigencia_del_titulo_y_no_el_periodo_del_plan_entre_parentesis(tmp_path):
    ruta = _informe_docx(
        tmp_path / "informe.docx",
        [
            "E.S.E. Centro de Salud de Iles",
            "Informe de gestión de la Gerencia – vigencia 2014 (Plan de Gestión 2012-2015)",
            "Se atendieron 1.200 usuarios de una meta de 1.300.",
        ],
    )
    meta, _ = extraer_metadatos(leer_documento(ruta))
    assert (meta.periodo_inicio, meta.periodo_fin) == (date(2014, 1, 1), date(2014, 12, 31))


def test_un_corte_sin_anio_en_el_cuerpo_es_de_su_frase(tmp_path):
    """ "Con corte al 30 de junio se habían resuelto …" in a section of the
    body, without its year: the sentence's cut, not the report's."""
    ruta = _informe_docx(
        tmp_path / "personeria.docx",
        [
            "Personería Municipal de Córdoba",
            "INFORME DE GESTIÓN VIGENCIA 2021",
            "1. Atención al ciudadano",
            "Con corte al 30 de junio se habían resuelto 141 derechos de petición.",
            "Con corte al 30 de septiembre se habían adelantado 22 visitas de verificación.",
        ],
    )
    meta, _ = extraer_metadatos(leer_documento(ruta))
    assert meta.fecha_corte != date(2021, 6, 30) and meta.periodo_fin in (None, date(2021, 12, 31))
