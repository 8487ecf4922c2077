"""Workbooks as offices really keep them (issue 14): displayed meaning of
number formats, text numbers, formula errors and "#" placeholders with their
cell; hidden rows, columns and sheets; one sheet per indicator; periods from
each sheet's own title, never from a template footer; year series; entity
codes. Every workbook is built here with openpyxl or xlwt."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from extractor import LimitesLectura, extraer_informe, leer_documento
from tests.conftest import observaciones_con as _obs, una_observacion as _uno


@pytest.fixture
def tablero(tmp_path) -> Path:
    """One sheet per indicator: title cell = indicator, rows = quarters or
    months, columns = meta / resultado / % cumplimiento."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Vacunación"
    ws.append(["ALCALDÍA MUNICIPAL DE CHÍA"])
    ws.append(["Cobertura de vacunación en menores de un año"])
    ws.append(["Corte 15 de junio de 2025"])
    ws.append([])
    ws.append(["Periodo", "Meta", "Resultado", "% cumplimiento"])
    ws.append(["I trimestre", 0.95, 0.9, 0.947])
    ws.append(["II trimestre", 0.95, 0.975, "#DIV/0!"])  # a formula error, as Excel caches it
    for ref, formato in (("B6", "0%"), ("C6", "0%"), ("D6", "0.0%"), ("B7", "0%"), ("C7", "0.0%")):
        ws[ref].number_format = formato
    ws.append([])
    ws.append(["Fecha: 12/11/2024"])  # the template's footer
    ws.append(["Versión 3"])
    ws2 = wb.create_sheet("Matrícula")
    ws2.append(["Estudiantes matriculados"])
    ws2.append(["Vigencia 2025"])
    ws2.append([])
    ws2.append(["Mes", "Meta", "Resultado", "% cumplimiento"])
    ws2.append(["Enero", "1200", " 1150 ", "95,8%"])  # numbers stored as text
    ws2.append(["Febrero", 1200, 1210, "#"])  # a placeholder
    ws2.append(["Marzo", 1200, 1190, 0.99])
    ws2.row_dimensions[7].hidden = True  # March: hidden
    ws3 = wb.create_sheet("Borrador")
    ws3.append(["Indicador", "Meta 2025", "Ejecutado 2025"])
    ws3.append(["Copia vieja", 1, 2])
    ws3.append(["Otra copia", 3, 4])
    ws3.sheet_state = "hidden"
    ruta = tmp_path / "tablero_indicadores_2025.xlsx"
    wb.save(ruta)
    return ruta


def test_una_hoja_por_indicador_filas_de_periodos(tablero):
    informe = extraer_informe(tablero)
    vac = "Cobertura de vacunación en menores de un año"
    # 0,975 formatted as % is 97,5 %; rows are quarters of the cut's year
    o = _uno(informe, indicador=vac, medida="ejecutado", periodo_inicio=date(2025, 4, 1))
    assert (o.valor, o.unidad, o.hoja, o.celda) == (97.5, "porcentaje", "Vacunación", "C7")
    assert _uno(informe, indicador=vac, medida="meta", periodo_fin=date(2025, 3, 31)).valor == 95.0
    assert _uno(informe, indicador=vac, medida="avance_porcentual", periodo_fin=date(2025, 3, 31)).valor == 94.7
    # text numbers are numbers; months are periods
    mat = "Estudiantes matriculados"
    o = _uno(informe, indicador=mat, medida="ejecutado", periodo_fin=date(2025, 1, 31))
    assert (o.valor, o.celda) == (1150.0, "C5")
    assert _uno(informe, indicador=mat, medida="avance_porcentual", periodo_fin=date(2025, 1, 31)).valor == 95.8
    # nothing is named after a period row
    assert not {o.indicador for o in informe.observaciones} - {vac, mat}


def test_errores_marcadores_y_ocultos_se_anotan_con_su_celda(tablero):
    informe = extraer_informe(tablero)
    textos = {u.texto: u.motivo for u in informe.no_mapeadas}
    # the #DIV/0! gives no figure and is reported with its cell
    assert "Vacunación!D7: #DIV/0!" in textos
    assert not _obs(informe, celda="D7", hoja="Vacunación")
    assert any("celdas D6" in t and "«#»" in m for t, m in textos.items())
    # the hidden row (March) and the hidden sheet are not read, and are reported
    assert not _obs(informe, periodo_fin=date(2025, 3, 31), indicador="Estudiantes matriculados")
    assert any("filas 7" in t and "no se leyeron" in m for t, m in textos.items())
    assert any("Borrador" in t and "hoja oculta" in m for t, m in textos.items())
    assert not _obs(informe, indicador="Copia vieja")


def test_incluir_ocultas_lee_filas_y_hojas_ocultas(tablero):
    informe = extraer_informe(tablero, LimitesLectura(hoja_ocultas=True))
    assert (
        _uno(informe, indicador="Estudiantes matriculados", medida="ejecutado", periodo_fin=date(2025, 3, 31)).valor
        == 1190.0
    )
    assert _uno(informe, indicador="Copia vieja", medida="meta").valor == 1.0


def test_columnas_ocultas_no_se_leen(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["INFORME DE GESTIÓN VIGENCIA 2024"])
    ws.append([])
    ws.append(["Indicador", "Meta 2024", "Cálculo auxiliar", "Ejecutado 2024"])
    ws.append(["Parques construidos", 4, 999, 3])
    ws.append(["Vías mejoradas", 10, 888, 8])
    ws.column_dimensions["C"].hidden = True
    ruta = tmp_path / "informe.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert not [o for o in informe.observaciones if o.valor in (999, 888)]
    assert _uno(informe, indicador="Parques construidos", medida="ejecutado").celda == "D4"
    assert any("columnas C" in u.texto for u in informe.no_mapeadas)


def test_periodo_del_titulo_de_cada_hoja_no_del_pie_de_plantilla(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "2023"
    ws.append(["INFORME DE GESTIÓN SECRETARÍA DE SALUD"])
    ws.append(["Vigencia 2023"])
    ws.append([])
    ws.append(["Indicador", "Meta", "Ejecutado"])
    ws.append(["Niños vacunados", 1200, 1150])
    ws.append(["Visitas de inspección", 300, 310])
    ws.append([])
    ws.append([])
    ws.append(["Fecha: 12/11/2024"])
    ws.append(["Versión 3"])
    ws2 = wb.create_sheet("2024")
    ws2.append(["INFORME DE GESTIÓN SECRETARÍA DE SALUD"])
    ws2.append(["Corte 30 de junio de 2024"])
    ws2.append([])
    ws2.append(["Indicador", "Meta", "Ejecutado"])
    ws2.append(["Niños vacunados", 1300, 700])
    ws2.append(["Visitas de inspección", 320, 150])
    ruta = tmp_path / "informe_salud.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert informe.metadatos.vigencia == 2023
    o = _uno(informe, indicador="Niños vacunados", valor=1150.0)
    assert (o.medida, o.periodo_inicio) == ("ejecutado", date(2023, 1, 1))
    assert o.periodo_fin in (None, date(2023, 12, 31))  # never the footer's 2024
    # the second sheet is dated by its own title
    o = _uno(informe, indicador="Niños vacunados", valor=700.0)
    assert (o.periodo_inicio, o.periodo_fin) == (date(2024, 1, 1), date(2024, 6, 30))
    assert not [o for o in informe.observaciones if o.periodo_fin and o.periodo_fin.year == 2024 and o.hoja == "2023"]


def test_hoja_de_resumen_de_varios_anios_cubre_todos(tmp_path):
    """A sheet per year and a summary titled with the span of both years:
    the summary's cumulative execution covers the span, not the first
    sheet's year (a note naming the plan's four-year term does not change
    that); its yearly columns keep their own year."""
    wb = Workbook()
    for anio, meta, hecho in ((2024, 350, 362), (2025, 380, 371)):
        ws = wb.active if anio == 2024 else wb.create_sheet(str(anio))
        ws.title = str(anio)
        ws.append([f"Secretaría de Desarrollo Social - Seguimiento de metas vigencia {anio}"])
        ws.append([f"Corte: 31 de diciembre de {anio}"])
        ws.append(["Indicador", "Meta", "Ejecutado"])
        ws.append(["Adultos mayores atendidos", meta, hecho])
    ws = wb.create_sheet("Resumen")
    ws.append(["CONSOLIDADO 2024-2025"])
    ws.append(
        ["Plan de Desarrollo 2024-2027: suma de logros de las vigencias"]
    )  # the plan's term is no span of its own
    ws.append([])
    ws.append(["Indicador", "Meta 2024", "Ejecutado 2024", "Ejecutado 2025", "Ejecutado acumulado 2024-2025"])
    ws.append(["Adultos mayores atendidos", 350, 362, 371, 733])
    ruta = tmp_path / "seguimiento_2024_2025.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    o = _uno(informe, indicador="Adultos mayores atendidos", valor=733.0)
    assert (o.medida, o.periodo_inicio, o.periodo_fin) == ("acumulado", date(2024, 1, 1), date(2025, 12, 31))
    o = _uno(informe, indicador="Adultos mayores atendidos", valor=371.0, hoja="Resumen")
    assert (o.periodo_inicio, o.periodo_fin) == (date(2025, 1, 1), date(2025, 12, 31))


def test_serie_de_anios_en_un_plan_son_resultados(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["PLAN INDICATIVO 2024-2027"])
    ws.append([])
    ws.append(["Indicador", 2011, 2012, 2013, 2024, 2025])
    ws.append(["Tasa de mortalidad infantil", 12.5, 11.8, 11.2, 10, 9.5])
    ws.append(["Cobertura de acueducto", 0.91, 0.92, 0.93, 0.95, 0.96])
    for c in "BCDEF":
        ws[f"{c}5"].number_format = "0%"
    ruta = tmp_path / "plan_indicativo.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    o = _uno(informe, indicador="Tasa de mortalidad infantil", periodo_fin=date(2011, 12, 31))
    assert (o.medida, o.valor) == ("ejecutado", 12.5)
    assert _uno(informe, indicador="Cobertura de acueducto", periodo_fin=date(2012, 12, 31)).valor == 92.0
    # years of the plan's term are its targets
    assert _uno(informe, indicador="Tasa de mortalidad infantil", periodo_fin=date(2025, 12, 31)).medida == "meta"


def test_avance_como_fraccion_de_lo_ejecutado_sobre_lo_planeado(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Indicador", "Total planeado 2024", "Total ejecutado 2024", "Avance 2024"])
    for nombre, plan, hecho in (("Parques", 4, 3), ("Vías", 10, 10), ("Aulas", 8, 2), ("Puentes", 5, 4)):
        ws.append([nombre, plan, hecho, hecho / plan])
    ruta = tmp_path / "seguimiento_2024.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    o = _uno(informe, indicador="Parques", medida="avance_porcentual")
    assert (o.valor, o.unidad, o.celda) == (75.0, "porcentaje", "D2")
    assert not _obs(informe, indicador="Parques", medida="ejecutado", valor=0.75)


def test_vinetas_y_codigo_divipola(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Código DANE", "Entidad territorial", "Indicador", "Meta 2024", "Ejecutado 2024"])
    ws.append([25200, "Cogua", "• Talleres realizados", 12, 10])
    ws.append([25200, "Cogua", "• Familias atendidas", 300, 280])
    ws.append([25200, "Cogua", "Vías mejoradas", 5, 5])
    ruta = tmp_path / "seguimiento.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert informe.metadatos.codigo_divipola == "25200"
    assert _uno(informe, indicador="Talleres realizados", medida="ejecutado").valor == 10.0
    # a list of municipalities names no single entity
    ws.append([25214, "Cota", "Parques", 1, 1])
    wb.save(ruta)
    assert leer_documento(ruta).codigo_divipola is None


def test_xls_con_numeros_como_texto_y_errores(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Seguimiento")
    ws.write(0, 0, "INFORME DE GESTIÓN VIGENCIA 2022")
    for k, t in enumerate(["Indicador", "Meta 2022", "Ejecutado 2022"]):
        ws.write(2, k, t)
    filas = [
        ("Familias atendidas", "1.500", "1.350"),
        ("Kilómetros de vía", "12,5", "10"),
        ("Visitas", 40, xlwt.Formula("1/0")),
    ]
    for r, fila in enumerate(filas, start=3):
        for k, v in enumerate(fila):
            ws.write(r, k, v)
    ruta = tmp_path / "informe_2022.xls"
    wb.save(str(ruta))
    informe = extraer_informe(ruta)
    assert _uno(informe, indicador="Familias atendidas", medida="ejecutado").valor == 1350.0
    assert _uno(informe, indicador="Kilómetros de vía", medida="meta").valor == 12.5
    assert _uno(informe, indicador="Visitas", medida="meta").valor == 40.0
    assert not _obs(informe, indicador="Visitas", medida="ejecutado")


def test_hoja_de_resumen_no_duplica_las_cifras_de_las_otras_hojas(tmp_path):
    wb = Workbook()
    resumen = wb.active
    resumen.title = "Resumen"
    resumen.append(["PLAN DE ACCIÓN 2024 - CORTE A 31 DE MARZO DE 2024"])
    resumen.append([])
    resumen.append(["Organismo", "Presupuesto definitivo", "Presupuesto ejecutado", "% ejecución física"])
    organismos = [
        ("Secretaría de Salud", [(1250000, 430000, 0.125), (2750000, 1220000, 0.375)]),
        ("Secretaría de Educación", [(3100000, 900000, 0.2), (1900000, 310500, 0.15)]),
        ("Secretaría de Tránsito", [(845000, 120000, 0.333), (655000, 95000, 0.45)]),
    ]
    for nombre, proyectos in organismos:
        total = [sum(p[i] for p in proyectos) for i in range(2)]
        fisica = sum(p[2] for p in proyectos) / len(proyectos)
        resumen.append([nombre, *total, fisica])
        resumen.cell(resumen.max_row, 4).number_format = "0.00%"
        ws = wb.create_sheet(nombre[:25])
        ws.append([f"ORGANISMO {nombre.upper()}"])
        ws.append([])
        ws.append(["Proyecto", "Presupuesto definitivo", "Presupuesto ejecutado", "% ejecución física"])
        for i, (definitivo, ejecutado, avance) in enumerate(proyectos, start=1):
            ws.append([f"Proyecto {i} de {nombre}", definitivo, ejecutado, avance])
            ws.cell(ws.max_row, 4).number_format = "0.00%"
        ws.append(["Total", *total, fisica])
        ws.cell(ws.max_row, 4).number_format = "0.00%"
    ruta = tmp_path / "plan_accion_marzo_2024.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    notas = [u for u in informe.no_mapeadas if "hoja de resumen" in u.motivo]
    assert [u.texto for u in notas] == ["Hoja «Resumen»"]
    assert not [o for o in informe.observaciones if o.hoja == "Resumen" and o.medida != "avance_porcentual"]
    # the detail sheets keep their figures, with their cells
    o = _uno(informe, indicador="Proyecto 1 de Secretaría de Salud", valor=1250000.0)
    assert (o.hoja, o.celda) == ("Secretaría de Salud", "B4")


def test_cifra_combinada_hacia_abajo_es_de_su_primera_fila(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Proyecto / producto", "Meta 2024", "Ejecutado 2024", "% avance del proyecto"])
    ws.append(["Proyecto de vías", None, None, 0.4])
    ws.append(["Kilómetros pavimentados", 10, 4, None])
    ws.append(["Puentes construidos", 2, 1, None])
    ws.merge_cells("D2:D4")
    ws["D2"].number_format = "0%"
    ruta = tmp_path / "seguimiento_2024.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    avances = _obs(informe, medida="avance_porcentual")
    assert [(o.indicador, o.valor, o.celda) for o in avances] == [("Proyecto de vías", 40.0, "D2")]


def test_linea_base_junto_al_indicador_de_resultado_es_suya(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Indicador de resultado", "L.B", "Meta de producto", "L.B", "Indicador", "Meta cuatrienio"])
    ws.append(["Tasa de cobertura", 0.8, "Construir 4 aulas", 1, "Aulas construidas", 4])
    ws.append(["Tasa de cobertura", 0.8, "Dotar 10 sedes", 2, "Sedes dotadas", 10])
    ws.append(["Tasa de deserción", 0.05, "Beneficiar 500 niños", 0, "Niños beneficiados", 500])
    ws["B2"].number_format = ws["B3"].number_format = ws["B4"].number_format = "0%"
    ruta = tmp_path / "plan_indicativo_2024_2027.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert _uno(informe, indicador="Aulas construidas", medida="linea_base").valor == 1.0
    assert _uno(informe, indicador="Niños beneficiados", medida="linea_base").valor == 0.0
    o = _uno(informe, indicador="Tasa de deserción", medida="linea_base")
    assert (o.valor, o.unidad, o.celda) == (5.0, "porcentaje", "B4")


def test_separador_de_miles_perdido_queda_anotado(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("Hoja1")
    for k, t in enumerate(["Indicador", "Meta 2022", "Ejecutado 2022"]):
        ws.write(0, k, t)
    for r, (nombre, meta, hecho) in enumerate(
        (("Personas atendidas", 2400, 1.234), ("Visitas", 850, 900), ("Familias", 1200, 1100), ("Kits", 300, 320)),
        start=1,
    ):
        ws.write(r, 0, nombre)
        ws.write(r, 1, meta)
        ws.write(r, 2, hecho)
    ruta = tmp_path / "seguimiento_2022.xls"
    wb.save(str(ruta))
    informe = extraer_informe(ruta)
    # read as stored, and the doubt is noted with its cell
    assert _uno(informe, indicador="Personas atendidas", medida="ejecutado").valor == 1.234
    dudas = [u for u in informe.no_mapeadas if "separador de miles" in u.motivo]
    assert [u.texto for u in dudas] == ["Hoja1!C2: 1,2340"] and "1234" in dudas[0].motivo


def test_pie_de_plantilla_y_comentarios_no_fechan_el_informe(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["SEGUIMIENTO A METAS SECRETARÍA DE SALUD"])
    ws.append([])
    ws.append(["Indicador", "Meta", "Ejecutado", "% avance"])
    ws.append(["Niños vacunados", 1200, 1150, "100%"])  # a formula that builds "100%" as text
    ws.append(["Visitas", 300, 310, 1.03])
    ws["D5"].number_format = "0%"
    ws.append([])
    ws.append([])
    ws.append(["Fecha: 12/11/2024"])
    ws.append(["Versión 3"])
    ws.append(["Observación: meta ajustada en 2021"])
    ruta = tmp_path / "seguimiento.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert informe.metadatos.vigencia is None and informe.metadatos.fecha_corte is None
    assert not [o for o in informe.observaciones if o.periodo_fin or o.periodo_inicio]
    assert _uno(informe, indicador="Niños vacunados", medida="avance_porcentual").valor == 100.0
    assert _uno(informe, indicador="Visitas", medida="avance_porcentual").valor == 103.0
    # with a dated title, the title dates it
    ws["A1"] = "SEGUIMIENTO A METAS SECRETARÍA DE SALUD - CORTE 30 DE JUNIO DE 2023"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert (informe.metadatos.vigencia, informe.metadatos.fecha_corte) == (2023, date(2023, 6, 30))


def test_cli_cargar_incluir_ocultas(tablero, tmp_path):
    import duckdb
    from typer.testing import CliRunner

    from pipelines.cli import app

    def filas(db: Path) -> set:
        con = duckdb.connect(str(db), read_only=True)
        try:
            return {r[0] for r in con.execute("select indicador from observaciones").fetchall()}
        finally:
            con.close()

    runner = CliRunner()
    sin, con_ocultas = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    r = runner.invoke(app, ["cargar", str(tablero), "--db", str(sin), "--limite-tiempo", "120"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(
        app, ["cargar", str(tablero), "--db", str(con_ocultas), "--incluir-ocultas", "--limite-tiempo", "120"]
    )
    assert r.exit_code == 0, r.output
    assert "Copia vieja" not in filas(sin) and "Copia vieja" in filas(con_ocultas)


def test_tablas_fisica_y_financiera_lado_a_lado_en_una_hoja(tmp_path):
    """The physical table and, one blank column apart, the financial one with
    names of its own ("Proyecto de inversión"): two tables, each indicator
    named by its own column; a blank spacer column before figures only
    keeps one table."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Instituto de Deportes de Nobsa · Plan de Acción 2026 · corte 30 de septiembre de 2026"])
    ws.append([])
    ws.append(
        ["Indicador", "Meta 2026", None, "Ejecutado 2026", None, "Proyecto de inversión", "Apropiación", "Compromisos"]
    )
    filas = [
        (
            "Escuelas deportivas en funcionamiento",
            14,
            13,
            "Fortalecimiento del deporte formativo en Nobsa",
            386500000,
            301240000,
        ),
        (
            "Juegos intercolegiados realizados",
            1,
            1,
            "Fomento de procesos artísticos y culturales",
            248000000,
            176320000,
        ),
        (
            "Escenarios deportivos mantenidos",
            6,
            4,
            "Mantenimiento de escenarios deportivos del municipio",
            412750000,
            398600000,
        ),
    ]
    for nombre, meta, hecho, proyecto, apropiacion, compromisos in filas:
        ws.append([nombre, meta, None, hecho, None, proyecto, apropiacion, compromisos])
    ruta = tmp_path / "nobsa_deportes_2026.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert _uno(informe, indicador="Juegos intercolegiados realizados", medida="ejecutado").valor == 1
    assert _uno(informe, indicador="Escenarios deportivos mantenidos", medida="meta").valor == 6
    assert _uno(informe, medida="compromisos", valor=398600000.0).indicador.startswith("Mantenimiento de escenarios")
    assert not [o for o in informe.observaciones if o.indicador.startswith("Fomento") and o.medida == "meta"]
