"""What measure a row's figures are in tables whose rows carry it: a total row
that repeats December's running total (one observation, the repeat reported),
"Logrado" in a table of semesters (each semester's result), and a "Concepto"
column saying Programado or Ejecutado row by row. Real workbooks made by openpyxl."""

from __future__ import annotations

import openpyxl

from extractor import interpretar, leer_documento

MESES = [
    "Enero",
    "Febrero",
    "Marzo",
    "Abril",
    "Mayo",
    "Junio",
    "Julio",
    "Agosto",
    "Septiembre",
    "Octubre",
    "Noviembre",
    "Diciembre",
]


def test_el_total_que_repite_el_acumulado_de_diciembre_cuenta_una_vez(tmp_path):
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Nemocón - Secretaría de Salud"])
    hoja.append(["Comportamiento mensual del indicador: Gestantes con control prenatal antes de la semana 12"])
    hoja.append(["Vigencia 2024"])
    hoja.append([])
    hoja.append(["Mes", "Meta", "Ejecutado", "Acumulado"])
    acumulado = 0
    for mes in MESES:
        acumulado += 5
        hoja.append([mes, 5, 5, acumulado])
    hoja.append(["Total 2024", 60, 60, 60])
    ruta = tmp_path / "nemocon_salud_seguimiento_mensual_2024.xlsx"
    libro.save(ruta)
    informe = interpretar(leer_documento(ruta))
    anuales = [o for o in informe.observaciones if o.medida == "acumulado" and o.valor == 60]
    assert len(anuales) == 1
    assert [n for n in informe.no_mapeadas if n.motivo.startswith("repite la cifra")]
    assert len([o for o in informe.observaciones if o.medida == "acumulado"]) == 12


def test_logrado_en_una_tabla_de_semestres_es_el_resultado_de_cada_semestre(tmp_path):
    """ "Semestre | Programado | Logrado": with no "Ejecutado" beside it, a weak
    running-total word holds each semester's own result, even when it grows."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Cáchira - Casa de la Cultura · vigencia 2025"])
    hoja.append(["Resultado del indicador: Niños en la escuela de danza"])
    hoja.append([])
    hoja.append(["Semestre", "Programado", "Logrado"])
    hoja.append(["Semestre I", 80, 74])
    hoja.append(["Semestre II", 90, 96])
    ruta = tmp_path / "cachira_cultura_2025.xlsx"
    libro.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    logros = {(o.periodo_inicio.month, o.periodo_fin.month): o.valor for o in obs if o.medida == "ejecutado"}
    assert logros == {(1, 6): 74, (7, 12): 96}
    assert not [o for o in obs if o.medida == "acumulado"]


def test_una_columna_concepto_dice_la_medida_de_cada_fila(tmp_path):
    """ "Concepto": Programado on one row, Ejecutado on the next, the months as
    columns and the indicator's name merged over both rows."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Ráquira - Comisaría de Familia · seguimiento mensual 2025"])
    hoja.append([])
    hoja.append(["Indicador", "Concepto", "Enero", "Febrero"])
    hoja.append(["Visitas de verificación de derechos", "Programado", 8, 10])
    hoja.append([None, "Ejecutado", 6, 11])
    hoja.merge_cells("A4:A5")
    ruta = tmp_path / "raquira_comisaria_2025.xlsx"
    libro.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {(o.medida, o.periodo_inicio.month): o.valor for o in obs}
    assert leidas == {("meta", 1): 8, ("meta", 2): 10, ("ejecutado", 1): 6, ("ejecutado", 2): 11}


def test_el_total_del_ano_en_filas_programado_y_ejecutado(tmp_path):
    """Rows Programado / Ejecutado under quarters, a "Total año" column and the
    % merged over both rows (a Word table): the total of the Programado row
    is the year's target, that of the Ejecutado row what was achieved in the
    year (not an acumulado)."""
    from datetime import date

    from docx import Document

    doc = Document()
    doc.add_paragraph("Alcaldía de Maicao · Secretaría de Gobierno · informe de gestión 2025")
    encabezado = ["Indicador", "Unidad", "Tipo", "Trimestre I", "Trimestre II", "Trimestre III", "Trimestre IV"]
    filas = [
        encabezado + ["Total año", "% cumplimiento"],
        ["Consejos de seguridad realizados", "Número", "Programado", "3", "3", "3", "3", "12", "91,7 %"],
        ["Consejos de seguridad realizados", "Número", "Ejecutado", "3", "2", "3", "3", "11", ""],
        ["Operativos de control realizados", "Número", "Programado", "20", "25", "25", "30", "100", "98,0 %"],
        ["Operativos de control realizados", "Número", "Ejecutado", "18", "27", "24", "29", "98", ""],
    ]
    tabla = doc.add_table(rows=len(filas), cols=9)
    for fila, textos in zip(tabla.rows, filas):
        for celda, texto in zip(fila.cells, textos):
            celda.text = texto
    tabla.cell(1, 8).merge(tabla.cell(2, 8))
    tabla.cell(3, 8).merge(tabla.cell(4, 8))
    ruta = tmp_path / "maicao_gobierno_2025.docx"
    doc.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    anuales = {
        (o.medida, o.valor) for o in obs if (o.periodo_inicio, o.periodo_fin) == (date(2025, 1, 1), date(2025, 12, 31))
    }
    assert {("meta", 12), ("ejecutado", 11), ("meta", 100), ("ejecutado", 98)} <= anuales, anuales
    assert not [o for o in obs if o.medida == "acumulado"]


def test_programado_bajo_acumulado_cuatrienio_es_la_meta_a_la_fecha(tmp_path):
    """ "Vigencia 2025" and "Acumulado cuatrienio" each over Programado |
    Ejecutado | %, beside a "Meta cuatrienio" column: what the cumulative
    block programmed is the target up to the cut (2024-2025), not a second
    four-year target, and its % covers the same period."""
    from datetime import date

    por = _dos_bloques(
        tmp_path / "fresno_plan_gestion_2025.xlsx",
        ["E.S.E. Hospital de Fresno · Plan de gestión 2024-2027 · seguimiento a 31 de diciembre de 2025", None],
        ["Indicador", "Meta cuatrienio 2024-2027", "Vigencia 2025", None, None, "Acumulado cuatrienio", None, None],
        [None, None, "Programado", "Ejecutado", "%", "Programado", "Ejecutado", "%"],
        [
            ["Consultas de medicina general", 52000, 13000, 12800, "98,5 %", 26000, 25870, "99,5 %"],
            ["Controles prenatales", 3600, 900, 880, "97,8 %", 1800, 1778, "98,8 %"],
        ],
    )
    consultas = "Consultas de medicina general"
    assert por[(consultas, "meta_cuatrienio", date(2024, 1, 1), date(2027, 12, 31))] == 52000
    assert por[(consultas, "meta", date(2024, 1, 1), date(2025, 12, 31))] == 26000
    assert por[(consultas, "avance_porcentual", date(2024, 1, 1), date(2025, 12, 31))] == 99.5
    assert sorted(v for (_, medida, _, _), v in por.items() if medida == "meta_cuatrienio") == [3600, 52000]


def test_razon_de_dos_importes_no_es_dinero(tmp_path):
    """ "Ejec. ppto." written as fractions (0,90 | 1,03) beside columns in
    pesos, or as percentages (89,8 %), is the ratio of two amounts: no money
    figure of its own."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Gobernación del Amazonas · Secretaría de Salud · seguimiento de metas 2021"])
    hoja.append([])
    hoja.append(
        [
            "Indicador",
            "Meta 2021",
            "Ejecutado 2021",
            "Presupuesto definitivo",
            "Compromisos",
            "Ejec. ppto.",
            "Ejec. presupuestal",
        ]
    )
    hoja.append(["Niños vacunados", 320, 347, "$ 680.000.000", "$ 702.150.000", "1,03", "103,3 %"])
    hoja.append(["Partos institucionales", 950, 930, "$ 1.245.600.000", "$ 1.118.372.450", "0,90", "89,8 %"])
    hoja.append(["Brigadas fluviales", 24, 23, "$ 410.500.000", "$ 377.660.000", "0,92", "92,0 %"])
    ruta = tmp_path / "amazonas_salud_2021.xlsx"
    libro.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    assert not [o for o in obs if o.valor in (1.03, 0.9, 0.92, 103.3, 89.8, 92.0)], [o for o in obs if o.valor < 200]
    assert {o.valor for o in obs if o.medida == "compromisos"} == {702_150_000, 1_118_372_450, 377_660_000}


def test_acumulado_del_plan_empieza_con_el_cuatrienio(tmp_path):
    """ "Acumulado del plan" over Meta | Logro | %, in a 2025 report of the
    2024-2027 plan: the figures since the term began, up to the cut."""
    from datetime import date

    por = _dos_bloques(
        tmp_path / "chia_educacion_2025.xlsx",
        [
            "Alcaldía de Chía · Secretaría de Educación · informe de gestión vigencia 2025",
            "Plan de Desarrollo 2024-2027",
        ],
        ["Indicador", "Meta del plan 2024-2027", "Vigencia 2025", None, None, "Acumulado del plan", None, None],
        [None, None, "Meta", "Logro", "%", "Meta", "Logro", "%"],
        [
            ["Estudiantes con transporte escolar", 4800, 1200, 1150, "95,8 %", 2400, 2215, "92,3 %"],
            ["Sedes educativas dotadas", 40, 10, 10, "100 %", 20, 19, "95,0 %"],
        ],
    )
    transporte = "Estudiantes con transporte escolar"
    assert por[(transporte, "acumulado", date(2024, 1, 1), date(2025, 12, 31))] == 2215
    assert por[(transporte, "meta", date(2024, 1, 1), date(2025, 12, 31))] == 2400
    assert por[(transporte, "meta", date(2025, 1, 1), date(2025, 12, 31))] == 1200


def _dos_bloques(ruta, titulos: list, arriba: list, abajo: list, filas: list[list]) -> dict:
    """A sheet with two title lines, a two-level header (the name and the
    term's target over both rows, then two blocks of three columns) and the
    rows: {(indicator, measure, start, end): value} of what is read."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    for titulo in titulos:
        hoja.append([titulo])
    for fila in [arriba, abajo, *filas]:
        hoja.append(fila)
    for rango in ("A3:A4", "B3:B4", "C3:E3", "F3:H3"):
        hoja.merge_cells(rango)
    libro.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    return {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in obs}
