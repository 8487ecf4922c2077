"""Tables whose rows are periods (months, quarters), as offices lay them
out in workbooks and Word reports (issue 13 class 3, issue 14 item 1):

- an indicator's data sheet ("hoja de vida": "Nombre del indicador |
  …", "Periodicidad | Mensual", "Unidad | Número") above a table of
  months, in a workbook whose indicator sheets name no year and whose
  summary sheet lists each indicator by its sheet's name;
- a row of a table of months that states a target ("Población objetivo
  2021") above months of cumulative doses: the row is the target, and the
  cumulative column stays cumulative (it never goes down);
- a year row worded "Consolidado año" under the quarters;
- a Word table of quarters whose caption names the indicator with a colon
  in it ("Visitas de inspección: establecimientos revisados …").

Every file is built here with openpyxl or python-docx, with wordings and
entities of their own.
"""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from extractor import extraer_informe
from extractor.tablas.titulos import es_campo_ficha, indicador_del_titulo
from tests.conftest import docx_con_tabla, observaciones_con as _obs, una_observacion as _uno

MESES = ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio"]


def _hoja_de_vida(wb, hoja: str, nombre: str, unidad: str, filas: list[tuple]):
    ws = wb.create_sheet(hoja)
    ws.append(["SECRETARÍA DE PLANEACIÓN · FICHA TÉCNICA DEL INDICADOR"])
    ws.append([])
    ws.append(["Nombre del indicador", None, nombre])
    ws.append(["Proceso", None, "Inspección, vigilancia y control"])
    ws.append(["Frecuencia", None, "Mensual"])
    ws.append(["Unidad de medida", None, unidad])
    ws.append([])
    ws.append(["Mes", "Logro", "Meta", "% Cumplimiento", "Análisis"])
    for fila in filas:
        ws.append(list(fila))
    n = 9 + len(filas)
    for r in range(9, n):
        ws[f"D{r}"].number_format = "0.0%"
        if unidad == "Porcentaje":
            ws[f"B{r}"].number_format = ws[f"C{r}"].number_format = "0.00%"
    return ws


@pytest.fixture
def tablero_sin_anio(tmp_path):
    """One sheet per indicator, none naming the year; the summary (last)
    names it and lists each indicator by its sheet's name."""
    wb = Workbook()
    wb.remove(wb.active)
    _hoja_de_vida(
        wb,
        "Quejas atendidas a tiempo",
        "Proporción de quejas sanitarias atendidas dentro del término fijado",
        "Porcentaje",
        [
            (m, 0.8 + i / 100, 0.85, (0.8 + i / 100) / 0.85, "Sin novedad" if i else "Arranque lento")
            for i, m in enumerate(MESES)
        ],
    )
    _hoja_de_vida(
        wb,
        "Visitas de inspección",
        "Número de establecimientos con visita de inspección sanitaria",
        "Número",
        [
            (m, 40 + i, 45, (40 + i) / 45, "Se cumplió el cronograma" if i % 2 else "Personal incompleto")
            for i, m in enumerate(MESES)
        ],
    )
    ws = wb.create_sheet("Resumen")
    ws.append(["RESUMEN SEMESTRAL DE INDICADORES DE SALUD AMBIENTAL – 2022"])
    ws.append([])
    ws.append(["Indicador", "Meta semestral", "Logro semestral", "% Cumplimiento"])
    ws.append(["Quejas atendidas a tiempo", 0.85, 0.825, 0.9706])
    ws.append(["Visitas de inspección", 270, 255, 0.9444])
    for ref in ("B4", "C4", "D4", "D5"):
        ws[ref].number_format = "0.0%"
    ruta = tmp_path / "cartago_salud_ambiental_tablero_2022.xlsx"
    wb.save(ruta)
    return ruta


def test_hoja_de_vida_sobre_tabla_de_meses(tablero_sin_anio):
    informe = extraer_informe(tablero_sin_anio)
    # the months are periods of the year the workbook names (its summary sheet)
    o = _uno(informe, indicador="Visitas de inspección", medida="ejecutado", periodo_fin=date(2022, 3, 31))
    assert (o.valor, o.periodo_inicio, o.celda) == (42.0, date(2022, 3, 1), "B11")
    assert o.descripcion == "Número de establecimientos con visita de inspección sanitaria"
    assert _uno(informe, indicador="Visitas de inspección", medida="meta", periodo_fin=date(2022, 6, 30)).valor == 45
    # the data sheet's fields ("Unidad de medida | Porcentaje") are not the indicator
    o = _uno(informe, indicador="Quejas atendidas a tiempo", medida="avance_porcentual", periodo_fin=date(2022, 1, 31))
    assert o.valor == pytest.approx(94.12, abs=0.01)
    nombres = {o.indicador for o in informe.observaciones}
    assert nombres == {"Quejas atendidas a tiempo", "Visitas de inspección"}, nombres
    # the summary's figures are the indicators' semester
    o = _uno(informe, indicador="Visitas de inspección", medida="ejecutado", celda="C5")
    assert (o.valor, o.periodo_fin) == (255, date(2022, 12, 31))


def test_campos_de_la_ficha_no_son_el_nombre():
    assert es_campo_ficha("Periodicidad Mensual")
    assert es_campo_ficha("Unidad de medida: Número · Responsable: Inspección")
    assert not es_campo_ficha("Unidad de Víctimas: informe anual")
    assert not es_campo_ficha("Visitas de inspección: establecimientos revisados")
    assert (
        indicador_del_titulo(
            [
                "FICHA TÉCNICA",
                "Nombre del indicador Proporción de quejas atendidas",
                "Frecuencia Mensual",
                "Unidad de medida Porcentaje",
            ]
        )
        == "Proporción de quejas atendidas"
    )


def test_fila_de_meta_sobre_meses_de_dosis_acumuladas(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Avance 2021"
    ws.append(["SECRETARÍA DE SALUD DE IBAGUÉ"])
    ws.append(["Seguimiento de coberturas de vacunación con corte a mayo de 2021"])
    ws.append([])
    ws.append(["Mes", "Rotavirus segunda dosis", None, "Influenza estacional", None])
    ws.append([None, "Dosis acumuladas", "% cobertura", "Dosis acumuladas", "% cobertura"])
    ws.merge_cells("B4:C4")
    ws.merge_cells("D4:E4")
    ws.merge_cells("A4:A5")
    ws.append(["Población objetivo 2021", 4200, None, 3900, None])
    for i, m in enumerate(MESES[:5]):
        ws.append([m, 350 * (i + 1), 350 * (i + 1) / 4200, 300 * (i + 1), 300 * (i + 1) / 3900])
    for r in range(7, 12):
        ws[f"C{r}"].number_format = ws[f"E{r}"].number_format = "0.0%"
    ruta = tmp_path / "ibague_coberturas_2021.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    rota = "Rotavirus segunda dosis"
    # the target row is the target of the year, not a result
    o = _uno(informe, indicador=rota, medida="meta")
    assert (o.valor, o.periodo_inicio, o.periodo_fin) == (4200, date(2021, 1, 1), date(2021, 12, 31))
    assert not _obs(informe, indicador=rota, valor=4200.0, medida="ejecutado")
    # doses never go down: what has accumulated since January
    o = _uno(informe, indicador=rota, medida="acumulado", periodo_fin=date(2021, 4, 30))
    assert (o.valor, o.periodo_inicio) == (1400, date(2021, 1, 1))
    assert len(_obs(informe, indicador="Influenza estacional", medida="acumulado")) == 5


def test_fila_consolidado_del_anio_bajo_los_trimestres(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "IC-07"
    ws.append(["Indicador IC-07 – reporte trimestral 2023"])
    ws.append(["Licencias de construcción expedidas"])
    ws.append([])
    ws.append(["Trimestre", "Programado", "Logrado", "% Avance"])
    for t, p, l in (
        ("Trimestre I", 30, 28),
        ("Trimestre II", 30, 33),
        ("Trimestre III", 35, 30),
        ("Trimestre IV", 35, 36),
    ):
        ws.append([t, p, l, l / p])
    ws.append(["Consolidado año", 130, 127, 127 / 130])
    for r in range(5, 10):
        ws[f"D{r}"].number_format = "0.0%"
    ruta = tmp_path / "curaduria_licencias_2023.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert {o.indicador for o in informe.observaciones} == {"Licencias de construcción expedidas"}
    o = _uno(informe, medida="meta", periodo_inicio=date(2023, 1, 1), periodo_fin=date(2023, 12, 31))
    assert (o.valor, o.celda) == (130, "B9")
    assert _uno(informe, medida="ejecutado", periodo_fin=date(2023, 6, 30)).valor == 33


def _tabla_word(doc, filas):
    tabla = doc.add_table(rows=len(filas), cols=len(filas[0]))
    for r, fila in enumerate(filas):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto


def test_docx_trimestres_con_nombre_en_la_leyenda_con_dos_puntos(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("MUNICIPIO DE CHINÁCOTA – SECRETARÍA DE SALUD")
    doc.add_paragraph("Informe de seguimiento trimestral – vigencia 2022")
    doc.add_paragraph("Tabla 3. Visitas de inspección: establecimientos revisados en zona urbana, por trimestre")
    filas = [
        ("Trimestre", "Meta del trimestre", "Logrado", "% cumplimiento", "Acumulado"),
        ("Primer trimestre", "20", "18", "90,0 %", "18"),
        ("Segundo trimestre", "25", "27", "108,0 %", "45"),
        ("Tercer trimestre", "25", "22", "88,0 %", "67"),
    ]
    _tabla_word(doc, filas)
    ruta = tmp_path / "chinacota_visitas_2022.docx"
    doc.save(ruta)
    informe = extraer_informe(ruta)
    nombres = {o.indicador for o in informe.observaciones}
    assert len(nombres) == 1 and next(iter(nombres)).startswith("Visitas de inspección: establecimientos"), nombres
    o = _uno(informe, medida="acumulado", periodo_fin=date(2022, 6, 30))
    assert (o.valor, o.periodo_inicio) == (45, date(2022, 1, 1))
    assert _uno(informe, medida="ejecutado", periodo_inicio=date(2022, 7, 1)).valor == 22


def test_meses_con_anio_y_columna_de_variacion(tmp_path):
    """ "Mar-2024" between "Feb-2024" and "Abr-2024" is March; a
    "Variación 2021-2022" column is derived from two others, not a figure."""
    from extractor.castellano.periodos import Contexto, periodo_de_texto

    assert periodo_de_texto("Mar-2024", Contexto(vigencia=2024)).fin == date(2024, 3, 31)
    wb = Workbook()
    ws = wb.active
    ws.title = "Serie"
    ws.append(["Serie histórica de indicadores de tránsito, 2019 – 2022"])
    ws.append([])
    ws.append(["Indicador", "Unidad", "2019", "2020", "2021", "2022", "Variación 2021-2022"])
    ws.append(["Muertes en siniestros viales", "Número", 41, 35, 38, 33, -5])
    ws.append(["Lesionados en siniestros viales", "Número", 410, 352, 380, 371, -9])
    ruta = tmp_path / "neiva_serie_transito_2019_2022.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert not [o for o in informe.observaciones if o.valor in (-5, -9)]
    assert _uno(informe, indicador="Muertes en siniestros viales", periodo_fin=date(2022, 12, 31)).valor == 33


def test_rotulo_corto_que_termina_en_indicador_nombra_lo_que_sigue():
    from extractor.tablas.titulos import indicador_del_titulo

    assert (
        indicador_del_titulo(["Evolución trimestral del indicador: Hogares con agua potable"])
        == "Hogares con agua potable"
    )
    # a name with a colon in it is still a name, and a plural label lists, it does not name
    assert (
        indicador_del_titulo(["Casas de justicia móvil: jornadas realizadas"])
        == "Casas de justicia móvil: jornadas realizadas"
    )
    assert indicador_del_titulo(["Seguimiento a los indicadores: salud y educación"]) != "Salud y educación"


def test_encabezado_de_seccion_nombra_la_tabla_de_meses_bajo_prosa_y_ficha(tmp_path):
    """ "2.1. Resultado del indicador: …", then a paragraph and the
    indicator's data box, then its months: the section's heading names
    both tables; the next section's heading names the next ones."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("MUNICIPIO DE GARZÓN – SECRETARÍA DE AGRICULTURA – informe de gestión 2020")
    for n, (nombre, base, meses) in enumerate(
        [
            ("Huertas familiares establecidas", "120", [("Julio", "10", "8"), ("Agosto", "10", "12")]),
            ("Productores con asistencia técnica", "300", [("Julio", "40", "35"), ("Agosto", "40", "44")]),
        ],
        start=1,
    ):
        doc.add_paragraph(f"{n}.1. Resultado del indicador: {nombre}")
        doc.add_paragraph(
            "El indicador cuenta las unidades que la Secretaría verificó en campo durante el semestre, con "
            "visitas a las veredas y registro fotográfico; la meta se fijó con las juntas de acción comunal."
        )
        _tabla_word(doc, [("Unidad de medida", "Línea base (2019)", "Meta 2020"), ("Número", base, "80")])
        doc.add_paragraph("")
        _tabla_word(doc, [("Mes", "Meta", "Ejecutado"), *meses])
    ruta = tmp_path / "garzon_agricultura_2020.docx"
    doc.save(ruta)
    informe = extraer_informe(ruta)
    assert {o.indicador for o in informe.observaciones} == {
        "Huertas familiares establecidas",
        "Productores con asistencia técnica",
    }
    assert _uno(informe, indicador="Productores con asistencia técnica", medida="linea_base").valor == 300
    agosto = _uno(
        informe, indicador="Huertas familiares establecidas", medida="ejecutado", periodo_fin=date(2020, 8, 31)
    )
    assert agosto.valor == 12


def test_indicador_en_millones_de_pesos_da_pesos(tmp_path):
    """An indicator whose name ends with its money unit ("(millones de
    pesos)"): its targets and results are amounts in that scale."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("CONTRALORÍA MUNICIPAL DE TULUÁ – informe de gestión 2018")
    doc.add_paragraph(
        "Tabla 2. Resultado del indicador «Recursos recuperados por procesos de responsabilidad fiscal (millones de pesos)»"
    )
    _tabla_word(
        doc,
        [
            ("Periodo", "Meta", "Ejecutado", "%"),
            ("I Semestre", "300,00", "312,40", "104,1 %"),
            ("II Semestre", "300,00", "251,75", "83,9 %"),
        ],
    )
    ruta = tmp_path / "tulua_contraloria_2018.docx"
    doc.save(ruta)
    informe = extraer_informe(ruta)
    o = _uno(informe, medida="ejecutado", periodo_fin=date(2018, 12, 31))
    assert (o.valor, o.unidad) == (251_750_000, "pesos")
    assert _uno(informe, medida="avance_porcentual", periodo_fin=date(2018, 6, 30)).valor == 104.1


def test_trimestres_con_sus_meses_entre_parentesis(tmp_path):
    """ "I trimestre (ene – mar)": a period with its months glossed."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("E.S.E. HOSPITAL DE SAN JACINTO – informe de seguimiento 2017")
    doc.add_paragraph("Resultado del indicador: Partos atendidos en la institución")
    filas = [
        ("Periodo", "Meta", "Ejecutado"),
        ("I trimestre (ene – mar)", "90", "84"),
        ("II trimestre (abr – jun)", "90", "97"),
    ]
    _tabla_word(doc, filas)
    ruta = tmp_path / "san_jacinto_partos_2017.docx"
    doc.save(ruta)
    informe = extraer_informe(ruta)
    assert {o.indicador for o in informe.observaciones} == {"Partos atendidos en la institución"}
    assert _uno(informe, medida="ejecutado", periodo_fin=date(2017, 6, 30)).valor == 97


def test_ficha_con_cada_campo_en_su_celda_bajo_el_encabezado_de_seccion(tmp_path):
    """A data box whose cells are whole fields ("Línea base (2023): 3.850"),
    under "2.1 Resultado del indicador: …" and a paragraph: the heading
    names the indicator whose baseline and targets the box gives."""
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("INSTITUTO DE DEPORTES DE VILLAMARÍA – seguimiento 2024")
    doc.add_paragraph("2.1 Resultado del indicador: Escuelas deportivas en funcionamiento")
    doc.add_paragraph(
        "El indicador cuenta las escuelas con entrenador, escenario y horario publicado; se verifica con las "
        "planillas de asistencia que entregan los monitores de cada vereda al cierre del trimestre."
    )
    _tabla_word(
        doc,
        [
            ("Código del indicador: 430104000", "Unidad de medida: Número"),
            ("Línea base (2023): 18", "Meta vigencia 2024: 24"),
            ("Periodicidad de reporte: trimestral", "Responsable: área técnica"),
        ],
    )
    doc.add_paragraph("")
    _tabla_word(doc, [("Periodo", "Meta", "Ejecutado"), ("I trimestre", "20", "19"), ("II trimestre", "22", "23")])
    ruta = tmp_path / "villamaria_deportes_2024.docx"
    doc.save(ruta)
    informe = extraer_informe(ruta)
    assert {o.indicador for o in informe.observaciones} == {"Escuelas deportivas en funcionamiento"}
    assert _uno(informe, medida="linea_base").valor == 18
    assert _uno(informe, medida="meta", periodo_fin=date(2024, 12, 31)).valor == 24


@pytest.mark.parametrize(
    "etiquetas, meses",
    [
        # a scan's misreadings: a capital split from its word, a letter off, a numeral of ells and ones
        (["Enero", "Febrero", "Marzo", "Abnl", "Mayo", "J unio"], [1, 2, 3, 4, 5, 6]),
        (["trimestre", "ll timestre", "11l trimestre", "IV trimestre"], [1, 4, 7, 10]),
    ],
)
def test_periodos_mal_leidos_toman_su_lugar_en_la_serie(tmp_path, etiquetas, meses):
    """Rows of periods some of whose labels a scan misread: each takes the
    period its label nearly says, or that of its place in the run of the
    labels that read; a total row is no place in the run."""
    ruta = tmp_path / "comisaria_bolivar_seguimiento_2016.docx"
    filas = [("Periodo", "Meta", "Ejecutado")] + [(e, "30", str(20 + k)) for k, e in enumerate(etiquetas)]
    filas.append(("Total a la fecha", str(30 * len(etiquetas)), "999"))
    docx_con_tabla(
        ruta,
        [
            "Comisaría de Familia de Bolívar – seguimiento de la vigencia 2016",
            "Tabla 1. Indicador: Atenciones psicosociales realizadas",
        ],
        filas,
    )
    obs = extraer_informe(ruta).observaciones
    ejecutado = sorted((o.periodo_inicio.month, o.valor) for o in obs if o.medida == "ejecutado" and o.valor != 999)
    assert ejecutado == [(m, 20 + k) for k, m in enumerate(meses)]
    assert {o.indicador for o in obs} == {"Atenciones psicosociales realizadas"}


def test_columna_de_lo_hecho_en_participio_junto_a_la_meta(tmp_path):
    """ "Instalados en el mes" beside "Meta del mes": what was done, each
    month; a column in participle with no target beside it says nothing."""
    ruta = tmp_path / "acueducto_tambo_boletin_2023.docx"
    filas = [
        ("Mes", "Meta del mes", "Instalados en el mes"),
        ("Enero", "50", "32"),
        ("Febrero", "50", "41"),
        ("Marzo", "50", "55"),
    ]
    docx_con_tabla(
        ruta,
        [
            "Unidad de Servicios Públicos de El Tambo – boletín mensual, vigencia 2023",
            "Tabla 1. Medidores instalados en el acueducto urbano – vigencia 2023",
        ],
        filas,
    )
    obs = extraer_informe(ruta).observaciones
    hechos = sorted((o.periodo_inicio.month, o.valor) for o in obs if o.medida == "ejecutado")
    assert hechos == [(1, 32), (2, 41), (3, 55)]
