"""An indicator's data sheet ("ficha técnica") above its table of periods
(issue 13, class "fichas"): a labelled block ("Indicador: …", "Línea base
(2022): …", "Meta de la vigencia: …") as label cells of a workbook, as
"Label: value" lines of a PDF page or as a key/value table of a Word or PDF
report, then a table of quarters, bimesters or months. The block names the
indicator of the table (its rows are periods, not indicators) and its
baseline and targets are that indicator's figures.

Every file is built here with openpyxl, reportlab or python-docx, with
wordings and entities of their own.
"""

from __future__ import annotations

from datetime import date

import openpyxl
from docx import Document
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from extractor import extraer_informe
from extractor.tablas.fichas import rol_de_etiqueta
from tests.conftest import observaciones_con as _obs, una_observacion as _uno

TRIMESTRES = ["Trimestre I", "Trimestre II", "Trimestre III", "Trimestre IV"]
CABECERA_TRIMESTRAL = ["Trimestre", "Meta programada", "Avance", "% cumplimiento"]
VACUNACION = "Niños y niñas con esquema de vacunación completo"
PARQUES = "Parques biosaludables instalados"
TRANSPORTE = "Estudiantes beneficiados con transporte escolar"


def test_etiquetas_de_la_ficha():
    assert rol_de_etiqueta("Indicador:") == "nombre"
    assert rol_de_etiqueta("Denominación del indicador") == "nombre"
    assert rol_de_etiqueta("Línea base (2022):") == "linea_base"
    assert rol_de_etiqueta("Meta 2025") == "meta"
    assert rol_de_etiqueta("Meta de la vigencia") == "meta"
    assert rol_de_etiqueta("Meta cuatrienio 2024-2027:") == "meta_cuatrienio"
    assert rol_de_etiqueta("Fecha de corte") == "corte"
    assert rol_de_etiqueta("Fórmula") is None
    assert rol_de_etiqueta("Metas alcanzadas en el programa de vacunación") is None


def _libro(ruta):
    """Two indicator sheets, labels in column A and values in B, a blank
    row, then the period table: one of quarters, one of bimesters."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "SAL-04"
    ws.append(["HOSPITAL SAN JUAN DE DIOS DE SAN GIL – SEGUIMIENTO DEL INDICADOR"])
    ws.append([])
    ws.append(["Indicador:", VACUNACION])
    ws.append(["Unidad:", "Número"])
    ws.append(["Línea base (2022):", 1240])
    ws.append(["Meta de la vigencia:", 1500])
    ws.append(["Periodicidad:", "Trimestral"])
    ws.append(["Corte:", "31 de diciembre de 2024"])
    ws.append([])
    ws.append(CABECERA_TRIMESTRAL)
    for trimestre, meta, avance in zip(TRIMESTRES, [300, 400, 400, 400], [280, 410, 395, 420]):
        ws.append([trimestre, meta, avance, round(avance / meta, 4)])
        ws.cell(ws.max_row, 4).number_format = "0.0%"
    ws = wb.create_sheet("DEP-02")
    ws.append(["HOSPITAL SAN JUAN DE DIOS DE SAN GIL – SEGUIMIENTO DEL INDICADOR"])
    ws.append([])
    ws.append(["Denominación:", PARQUES])
    ws.append(["Código:", "DEP-02"])
    ws.append(["Línea base (2023):", 3])
    ws.append(["Meta cuatrienio:", 12])
    ws.append([])
    ws.append(["Periodo", "Programado", "Ejecutado"])
    for i, (programado, ejecutado) in enumerate([(0, 0), (1, 1), (1, 0), (1, 2), (0, None), (1, None)], 1):
        ws.append([f"Bimestre {i}", programado, ejecutado])
    wb.save(ruta)


def test_libro_de_fichas_trimestral_y_bimestral(tmp_path):
    ruta = tmp_path / "fichas_sangil_2024.xlsx"
    _libro(ruta)
    informe = extraer_informe(ruta)
    # the rows are periods of the indicator the block names, never indicators
    assert not [o for o in informe.observaciones if o.indicador.startswith(("Trimestre", "Bimestre"))]
    assert _uno(informe, indicador=VACUNACION, medida="linea_base").valor == 1240
    meta = _uno(
        informe, indicador=VACUNACION, medida="meta", periodo_fin=date(2024, 12, 31), periodo_inicio=date(2024, 1, 1)
    )
    assert meta.valor == 1500 and meta.hoja == "SAL-04" and meta.celda == "B6"
    tercero = _uno(informe, indicador=VACUNACION, medida="ejecutado", periodo_inicio=date(2024, 7, 1))
    assert tercero.valor == 395 and tercero.periodo_fin == date(2024, 9, 30)
    assert _uno(informe, indicador=VACUNACION, medida="meta", periodo_fin=date(2024, 3, 31)).valor == 300
    assert len(_obs(informe, indicador=VACUNACION, medida="avance_porcentual")) == 4
    # the second sheet: bimesters, a four-year target, the code of the block
    bimestre4 = _uno(informe, indicador=PARQUES, medida="ejecutado", periodo_inicio=date(2024, 7, 1))
    assert bimestre4.valor == 2 and bimestre4.periodo_fin == date(2024, 8, 31) and bimestre4.codigo == "DEP-02"
    assert len(_obs(informe, indicador=PARQUES, medida="ejecutado")) == 4  # blank bimesters give nothing
    assert _uno(informe, indicador=PARQUES, medida="meta_cuatrienio").valor == 12
    assert _uno(informe, indicador=PARQUES, medida="linea_base").valor == 3
    assert not informe.sin_destino


def _pdf(ruta):
    """Page 1: the block as "Label: value" lines, then a ruled table of
    quarters. Page 2: the block as a ruled two-column table, then months."""
    st = getSampleStyleSheet()
    regla = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
    doc = SimpleDocTemplate(str(ruta), pagesize=letter)
    els = [
        Paragraph("MUNICIPIO DE SAN GIL – SECRETARÍA DE SALUD", st["Title"]),
        Paragraph("Hoja de vida del indicador – vigencia 2024", st["Heading2"]),
    ]
    for linea in [
        "Código: SAL-04",
        f"Indicador: {VACUNACION}",
        "Unidad: Número",
        "Línea base (2022): 1.240",
        "Meta de la vigencia: 1.500",
        "Responsable: Coordinación PAI",
    ]:
        els.append(Paragraph(linea, st["Normal"]))
    els.append(Spacer(1, 12))
    filas = [CABECERA_TRIMESTRAL] + [
        [t, m, a, c]
        for t, m, a, c in zip(
            TRIMESTRES,
            ["300", "400", "400", "400"],
            ["280", "410", "395", "420"],
            ["93,3 %", "102,5 %", "98,8 %", "105,0 %"],
        )
    ]
    tabla = Table(filas)
    tabla.setStyle(regla)
    els += [tabla, PageBreak(), Paragraph("Hoja de vida del indicador – vigencia 2024", st["Heading2"])]
    campos = Table(
        [
            ["Nombre del indicador", "Visitas domiciliarias de salud mental"],
            ["Unidad de medida", "Número"],
            ["Línea base (2023)", "85"],
            ["Meta 2024", "120"],
        ]
    )
    campos.setStyle(regla)
    meses = Table(
        [["Mes", "Programado", "Ejecutado"], ["Enero", "10", "8"], ["Febrero", "10", "12"], ["Marzo", "10", "9"]]
    )
    meses.setStyle(regla)
    els += [campos, Spacer(1, 18), meses]
    doc.build(els)


def test_pagina_de_ficha_en_pdf(tmp_path):
    ruta = tmp_path / "hojas_de_vida_salud_2024.pdf"
    _pdf(ruta)
    informe = extraer_informe(ruta)
    assert not [o for o in informe.observaciones if o.indicador.startswith(("Trimestre", "Enero", "Hoja de vida"))]
    linea_base = _uno(informe, indicador=VACUNACION, medida="linea_base")
    assert linea_base.valor == 1240 and linea_base.pagina == 1
    assert (
        _uno(
            informe,
            indicador=VACUNACION,
            medida="meta",
            periodo_fin=date(2024, 12, 31),
            periodo_inicio=date(2024, 1, 1),
        ).valor
        == 1500
    )
    segundo = _uno(informe, indicador=VACUNACION, medida="ejecutado", periodo_inicio=date(2024, 4, 1))
    assert segundo.valor == 410 and segundo.periodo_fin == date(2024, 6, 30) and segundo.codigo == "SAL-04"
    # page 2: a key/value table, then months
    salud_mental = "Visitas domiciliarias de salud mental"
    assert _uno(informe, indicador=salud_mental, medida="meta", periodo_fin=date(2024, 12, 31)).valor == 120
    assert _uno(informe, indicador=salud_mental, medida="linea_base").valor == 85
    febrero = _uno(informe, indicador=salud_mental, medida="ejecutado", periodo_inicio=date(2024, 2, 1))
    assert febrero.valor == 12 and febrero.pagina == 2
    assert not informe.sin_destino


def test_tabla_de_campos_en_word(tmp_path):
    d = Document()
    d.add_heading("Municipio de Guateque – Secretaría de Educación", 1)
    d.add_paragraph("Ficha técnica del indicador")
    campos = d.add_table(rows=0, cols=2)
    for etiqueta, valor in [
        ("Código", "EDU-07"),
        ("Denominación", TRANSPORTE),
        ("Unidad de medida", "Número"),
        ("Línea base 2023", "640"),
        ("Meta de la vigencia", "720"),
        ("Fecha de corte", "31/12/2024"),
    ]:
        celdas = campos.add_row().cells
        celdas[0].text, celdas[1].text = etiqueta, valor
    d.add_paragraph("")
    periodos = d.add_table(rows=1, cols=3)
    for celda, texto in zip(periodos.rows[0].cells, ["Periodo", "Programado", "Ejecutado"]):
        celda.text = texto
    for i, (programado, ejecutado) in enumerate([(700, 690), (700, 705), (720, 712)], 1):
        celdas = periodos.add_row().cells
        celdas[0].text, celdas[1].text, celdas[2].text = f"Bimestre {i}", str(programado), str(ejecutado)
    ruta = tmp_path / "ficha_transporte.docx"
    d.save(ruta)
    informe = extraer_informe(ruta)
    # the cut date of the block dates the document's periods
    assert (
        _uno(
            informe,
            indicador=TRANSPORTE,
            medida="meta",
            periodo_fin=date(2024, 12, 31),
            periodo_inicio=date(2024, 1, 1),
        ).valor
        == 720
    )
    assert _uno(informe, indicador=TRANSPORTE, medida="ejecutado", periodo_inicio=date(2024, 3, 1)).valor == 705
    assert len(_obs(informe, indicador=TRANSPORTE, medida="meta")) == 4
    assert any("ficha del indicador" in u.motivo and "EDU-07" in u.texto for u in informe.no_mapeadas)


def test_campos_sueltos_sin_nombre_no_son_ficha(tmp_path):
    """ "Label: value" lines that name no indicator are not a data sheet: the
    table below keeps its own reading (rows are its indicators)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Seguimiento al plan de acción 2024"])
    ws.append(["Responsable:", "Secretaría de Gobierno"])
    ws.append(["Meta:", "Plan de acción"])
    ws.append([])
    ws.append(["Indicador", "Meta 2024", "Ejecutado 2024"])
    ws.append(["Jornadas de convivencia realizadas", 12, 10])
    ws.append(["Consejos de seguridad realizados", 4, 4])
    ruta = tmp_path / "plan_gobierno_2024.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert _uno(informe, indicador="Jornadas de convivencia realizadas", medida="ejecutado").valor == 10
    assert _uno(informe, indicador="Consejos de seguridad realizados", medida="meta").valor == 4


def test_ficha_en_lineas_con_nota_en_el_valor(tmp_path):
    """The block drawn as plain lines of one text block: "Línea base: 18,5
    (año 2023)" is 18,5; the block's lines are the sheet's fields, not a
    result told in prose ("Código: IND-01 … Meta 2025: 21,0")."""
    from reportlab.pdfgen import canvas

    ruta = tmp_path / "hoja_de_vida_acueducto_2025.pdf"
    c = canvas.Canvas(str(ruta), pagesize=letter)
    lineas = [
        "Código: IND-AC-01",
        "Nombre del indicador: Horas de servicio de acueducto al día",
        "Unidad de medida: Horas/día",
        "Línea base: 18,5 (año 2023)",
        "Meta 2025: 21,0",
        "Responsable: Oficina de Servicios Públicos",
    ]
    for i, linea in enumerate(lineas):
        c.drawString(50, 700 - 13 * i, linea)
    y = 600
    for fila in [
        ["Trimestre", "Programado", "Logrado"],
        ["I trimestre", "20,0", "19,8"],
        ["II trimestre", "20,5", "20,6"],
    ]:
        for x, texto in zip([50, 200, 320], fila):
            c.drawString(x, y, texto)
        c.line(45, y - 4, 420, y - 4)
        y -= 18
    c.save()
    informe = extraer_informe(ruta)
    nombre = "Horas de servicio de acueducto al día"
    assert _uno(informe, indicador=nombre, medida="linea_base").valor == 18.5
    assert _uno(informe, indicador=nombre, medida="meta", periodo_inicio=date(2025, 1, 1)).valor == 21
    assert {o.indicador for o in informe.observaciones} == {nombre}


def test_bloques_de_resultados_bajo_un_titulo_numerado(tmp_path):
    """A rendición de cuentas that states each indicator as a numbered
    heading and one line of fields ("Meta 2022: 85 % | Logro: 78,4 % |
    Cumplimiento: 92,2 %") before its analysis: the heading names it, the
    fields are its target, result and %; a target written as a bound
    ("≤ 1 %") is its figure."""
    doc = Document()
    doc.add_paragraph("E.S.E. Hospital San Rafael de Itagüí – Rendición de cuentas, vigencia 2022")
    bloques = [
        (
            "1. Proporción de gestantes captadas antes de la semana 12",
            "Meta 2022: 85 % | Logro: 78,4 % | Cumplimiento: 92,2 %",
        ),
        ("2. Consultas de medicina general realizadas", "Meta 2022: 14.500 | Logro: 15.212 | Cumplimiento: 104,9 %"),
        (
            "3. Proporción de infecciones asociadas a la atención",
            "Meta 2022: ≤ 1 % | Logro: 0,25 % | Cumplimiento: 100 %",
        ),
    ]
    for titulo, campos in bloques:
        doc.add_paragraph().add_run(titulo).bold = True
        doc.add_paragraph(campos)
        doc.add_paragraph("La demanda creció por la ampliación del horario de atención de 2 médicos.")
    ruta = tmp_path / "rendicion_2022.docx"
    doc.save(ruta)
    informe = extraer_informe(ruta)
    consultas = "Consultas de medicina general realizadas"
    assert _uno(informe, indicador=consultas, medida="meta").valor == 14500
    assert _uno(informe, indicador=consultas, medida="ejecutado").valor == 15212
    assert _uno(informe, indicador=consultas, medida="avance_porcentual").valor == 104.9
    iaas = "Proporción de infecciones asociadas a la atención"
    assert _uno(informe, indicador=iaas, medida="meta").valor == 1
    assert _uno(informe, indicador=iaas, medida="ejecutado").valor == 0.25
    gestantes = _uno(informe, indicador="Proporción de gestantes captadas antes de la semana 12", medida="meta")
    assert (gestantes.valor, gestantes.periodo_fin) == (85, date(2022, 12, 31))
    assert len(informe.observaciones) == 9


def test_cajas_concepto_valor_bajo_su_leyenda(tmp_path):
    """Small tables "Concepto | Valor" (measures as rows, one value column),
    each under its caption "Tabla N. <indicator>", the first caption printed
    with the section's heading: each box is its caption's indicator."""
    ruta = tmp_path / "ortega_agropecuario_2024.pdf"
    estilos = getSampleStyleSheet()
    historia = [Paragraph("INFORME DE GESTIÓN VIGENCIA 2024", estilos["Title"])]
    cajas = [
        ("Hectáreas reforestadas con especies nativas", "Hectáreas", "35", "20", "18,5", "92,5%"),
        ("Productores con asistencia técnica", "Número", "1.420", "600", "648", "108,0%"),
    ]
    for k, (nombre, unidad, base, meta, ejecutado, avance) in enumerate(cajas, 1):
        encabezado = "2. RESULTADOS POR INDICADOR<br/>" if k == 1 else ""
        historia.append(Paragraph(f"<b>{encabezado}Tabla {k}. {nombre}</b>", estilos["Normal"]))
        filas = [
            ["Concepto", "Valor"],
            ["Unidad de medida", unidad],
            ["Línea base", base],
            ["Meta 2024", meta],
            ["Ejecutado 2024", ejecutado],
            ["% cumplimiento", avance],
        ]
        tabla = Table(filas, colWidths=[150, 100])
        tabla.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        historia += [tabla, Paragraph("La meta se cumplió con apoyo de las juntas veredales.", estilos["Normal"])]
    SimpleDocTemplate(str(ruta), pagesize=letter).build(historia)
    informe = extraer_informe(ruta)
    hectareas, productores = cajas[0][0], cajas[1][0]
    assert _uno(informe, indicador=hectareas, medida="ejecutado").valor == 18.5
    assert _uno(informe, indicador=hectareas, medida="linea_base").valor == 35
    assert _uno(informe, indicador=productores, medida="meta", periodo_inicio=date(2024, 1, 1)).valor == 600
    assert _uno(informe, indicador=productores, medida="avance_porcentual").valor == 108
    assert not _obs(informe, indicador=hectareas, medida="meta", valor=600)


def test_fichas_en_word_con_etiquetas_de_encabezado(tmp_path):
    """Fichas one after another, each a label | value table whose labels
    are worded as column headers ("Código del producto (MGA)", "Avance a
    junio", "Recursos asignados", "Presupuesto comprometido", a
    "Responsable"): each is its indicator's block of figures, money of the
    budget chain included, never a table of rows named by the labels."""
    d = Document()
    d.add_heading("Fichas de seguimiento – corte a 30 de junio de 2025", 1)
    fichas = [
        ("Bibliotecas dotadas", "4", "3", "75,0 %", "$ 120.000.000", "$ 96.500.000"),
        ("Talleres de lectura realizados", "40", "22", "55,0 %", "$ 18.000.000", "$ 9.000.000"),
    ]
    for i, (nombre, meta, avance, cumplimiento, asignados, ejecutados) in enumerate(fichas, 1):
        d.add_heading(f"Ficha {i}. Cultura", 2)
        tabla = d.add_table(rows=0, cols=2)
        for etiqueta, valor in [
            ("Nombre del indicador" if i == 1 else "Nombre del indicador de producto", nombre),
            ("Código del producto (MGA)", f"330105{i}"),
            ("Meta vigencia 2025", meta),
            ("Avance a junio", avance),
            ("Porcentaje de cumplimiento", cumplimiento),
            ("Recursos asignados", asignados),
            ("Recursos ejecutados" if i == 1 else "Presupuesto comprometido", ejecutados),
            ("Responsable", "Coordinación de cultura"),
            ("Observaciones", "Se hicieron 46 visitas en 9 veredas."),  # a field without a figure: no count
        ]:
            celdas = tabla.add_row().cells
            celdas[0].text, celdas[1].text = etiqueta, valor
        d.add_paragraph("Observación: soportes en el expediente del programa.")
    ruta = tmp_path / "fichas_cultura_2025.docx"
    d.save(ruta)
    informe = extraer_informe(ruta)
    leidas = {(o.indicador, o.medida): o.valor for o in informe.observaciones}
    assert leidas == {
        ("Bibliotecas dotadas", "meta"): 4,
        ("Bibliotecas dotadas", "ejecutado"): 3,
        ("Bibliotecas dotadas", "avance_porcentual"): 75,
        ("Bibliotecas dotadas", "recursos_programados"): 120_000_000,
        ("Bibliotecas dotadas", "recursos_ejecutados"): 96_500_000,
        ("Talleres de lectura realizados", "meta"): 40,
        ("Talleres de lectura realizados", "ejecutado"): 22,
        ("Talleres de lectura realizados", "avance_porcentual"): 55,
        ("Talleres de lectura realizados", "recursos_programados"): 18_000_000,
        ("Talleres de lectura realizados", "compromisos"): 9_000_000,
    }, leidas
    avance = _uno(informe, indicador="Bibliotecas dotadas", medida="ejecutado")
    assert (avance.periodo_inicio, avance.periodo_fin) == (date(2025, 1, 1), date(2025, 6, 30))


CIUDADANAS = [
    ("¿De dónde partimos? (línea base 2019)", "12"),
    ("Lo que nos propusimos para el cuatrienio 2020-2023", "48"),
    ("Lo que nos propusimos para 2021", "14"),
    ("Lo que logramos entre enero y junio de 2021", "5"),
    ("Lo que llevamos en el cuatrienio (enero de 2020 a junio de 2021)", "16"),
    ("¿Cómo vamos frente a lo propuesto para 2021?", "35,7 %"),
    ("Recursos disponibles para la vigencia 2021", "$ 1.950.000.000"),
    ("Periodo reportado", "1 de enero al 30 de junio de 2021"),
]


def test_fichas_en_lenguaje_ciudadano_en_tabla_y_en_parrafos(tmp_path):
    """Fichas whose labels are in citizens' words ("¿De dónde partimos?",
    "Lo que nos propusimos", "Lo que logramos", "Lo que llevamos en el
    cuatrienio (enero de 2020 a junio de 2021)": longer than a column's
    header), as a label | value table and as "Label: value" paragraphs."""
    d = Document()
    d.add_paragraph("Fichas técnicas de seguimiento – Secretaría de Educación, primer semestre de 2021")
    d.add_paragraph("Ficha 1 de 2")
    tabla = d.add_table(rows=0, cols=2)
    for etiqueta, valor in [("Nombre del indicador", "Sedes con mantenimiento"), *CIUDADANAS]:
        celdas = tabla.add_row().cells
        celdas[0].text, celdas[1].text = etiqueta, valor
    d.add_paragraph("Ficha 2 de 2")
    for etiqueta, valor in [("Nombre del indicador", "Aulas dotadas"), *CIUDADANAS]:
        d.add_paragraph(f"{etiqueta}: {valor}")
    ruta = tmp_path / "fichas_educacion_sem1_2021.docx"
    d.save(ruta)
    informe = extraer_informe(ruta)
    for nombre in ("Sedes con mantenimiento", "Aulas dotadas"):
        leidas = {(o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in _obs(informe, indicador=nombre)}
        assert leidas == {
            ("linea_base", date(2019, 1, 1), date(2019, 12, 31)): 12,
            ("meta_cuatrienio", date(2020, 1, 1), date(2023, 12, 31)): 48,
            ("meta", date(2021, 1, 1), date(2021, 12, 31)): 14,
            ("ejecutado", date(2021, 1, 1), date(2021, 6, 30)): 5,
            ("acumulado", date(2020, 1, 1), date(2021, 6, 30)): 16,
            ("avance_porcentual", date(2021, 1, 1), date(2021, 6, 30)): 35.7,
            ("recursos_programados", date(2021, 1, 1), date(2021, 12, 31)): 1_950_000_000,
        }, (nombre, leidas)
    # (the money of the paragraphs is the sheet's, not also the prose's)
    assert {o.indicador for o in informe.observaciones} == {"Sedes con mantenimiento", "Aulas dotadas"}


COMPROMISOS = [
    ("Punto de partida (línea base 2019)", "2.150 niños y niñas"),
    ("Compromiso del cuatrienio 2020-2023", "3.200 niños y niñas"),
    ("Compromiso del año", "1.200 niños y niñas"),
    ("Avance frente al compromiso", "95,2 %"),
    ("Inversión programada", "$ 83.400.000"),
    ("¿Qué hicimos?", "Se valoraron 41 niños en 9 veredas."),
]


def test_fichas_numeradas_con_compromisos(tmp_path):
    """ "Ficha 1/2 · <indicador>" over a line of the programme and code, then
    the fields as a table or as "Label: value" paragraphs: "Compromiso del
    año" is the year's target (not a budget commitment), "Avance frente al
    compromiso" its percentage, a figure with what it counts ("3.200 niños y
    niñas") a figure, a question a label."""
    d = Document()
    d.add_paragraph("Fichas de seguimiento a los indicadores del Plan Territorial de Salud – vigencia 2023")
    for k, nombre in enumerate(["Niños con valoración nutricional", "Gestantes con controles prenatales"], 1):
        d.add_paragraph(f"Ficha {k}/2 · {nombre}")
        d.add_paragraph("Programa 1905 - Salud pública · Código del indicador MGA 190505200")
        if k == 1:
            tabla = d.add_table(rows=0, cols=2)
            for etiqueta, valor in COMPROMISOS:
                celdas = tabla.add_row().cells
                celdas[0].text, celdas[1].text = etiqueta, valor
        else:
            for etiqueta, valor in COMPROMISOS:
                d.add_paragraph(f"{etiqueta}: {valor}")
    ruta = tmp_path / "fichas_salud_2023.docx"
    d.save(ruta)
    informe = extraer_informe(ruta)
    for nombre in ("Niños con valoración nutricional", "Gestantes con controles prenatales"):
        leidas = {o.medida: o.valor for o in _obs(informe, indicador=nombre)}
        assert {m: leidas.get(m) for m in ("linea_base", "meta_cuatrienio", "meta", "avance_porcentual")} == {
            "linea_base": 2150,
            "meta_cuatrienio": 3200,
            "meta": 1200,
            "avance_porcentual": 95.2,
        }, (nombre, leidas)
    assert (
        _uno(informe, indicador="Niños con valoración nutricional", medida="recursos_programados").valor == 83_400_000
    )
    assert not any(o.medida == "compromisos" for o in informe.observaciones)


def test_tarjetas_de_una_presentacion(tmp_path):
    """Slides with one indicator per card, two cards side by side: title,
    big figure, "Meta: N" and "Cumplimiento: x %". Each card is read down its
    own column (not across both cards): the big figure is the result."""
    from reportlab.pdfgen import canvas

    tarjetas = [
        ("Menores de 1 año vacunados", "1.046", "1.120", "93,4 %"),
        ("Cobertura de vacunación triple viral", "88,6 %", "95,0 %", "93,3 %"),
        ("Visitas de inspección sanitaria", "312", "300", "104,0 %"),
        ("Jornadas de salud en comunidades ribereñas", "27", "36", "75,0 %"),
    ]
    ruta = tmp_path / "vaupes_salud_rendicion_2021.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(960, 540))
    c.setFont("Helvetica-Bold", 20)
    c.drawString(40, 500, "Salud pública: resultados 2021")
    for k, (titulo, cifra, meta, cumplimiento) in enumerate(tarjetas):
        x, y = (56 if k % 2 == 0 else 516), (420 if k < 2 else 210)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(x, y, titulo)
        c.setFont("Helvetica-Bold", 36)
        c.drawString(x, y - 70, cifra)
        c.setFont("Helvetica", 11)
        c.drawString(x, y - 92, f"Meta: {meta}")
        c.drawString(x, y - 110, f"Cumplimiento: {cumplimiento}")
    c.showPage()
    c.save()
    leidas = {(o.indicador, o.medida): o.valor for o in extraer_informe(ruta).observaciones}
    for titulo, cifra, meta, cumplimiento in tarjetas:
        valor = lambda t: float(t.rstrip(" %").replace(".", "").replace(",", "."))  # noqa: E731
        assert leidas.get((titulo, "ejecutado")) == valor(cifra), (titulo, leidas)
        assert leidas.get((titulo, "meta")) == valor(meta), titulo
        assert leidas.get((titulo, "avance_porcentual")) == valor(cumplimiento), titulo
    assert len(leidas) == 12


def test_tarjetas_con_la_cifra_aparte_y_el_periodo_en_el_pie(tmp_path):
    """Cards whose big figure is a block of its own (another font, far above
    its fields), "Avance: x %" set at the card's right edge next to the next
    card's "Meta 2024: N" (a narrow gap, where that card's lines start), and
    the deck's period only in its running footer: each card is its heading's,
    in the first semester."""
    from datetime import date

    from reportlab.pdfgen import canvas

    tarjetas = [
        ("Niños atendidos en centros de desarrollo infantil", "412", "450", "91,6"),
        ("Personas mayores con complemento nutricional", "780", "800", "97,5"),
    ]
    ruta = tmp_path / "ubate_desarrollo_social.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(960, 540))
    for pagina in range(2):
        c.setFont("Helvetica-Bold", 20)
        c.drawString(36, 500, "Primera infancia y persona mayor")
        for k, (titulo, cifra, meta, avance) in enumerate(tarjetas):
            x = 48 + 456 * k
            c.setFont("Helvetica-Bold", 11)
            c.drawString(x, 420, titulo if pagina == 0 else titulo.replace("atendidos", "inscritos"))
            c.setFont("Helvetica-Bold", 30)
            c.drawString(x, 340, cifra)
            c.setFont("Helvetica", 9)
            c.drawString(x, 300, f"Meta 2024: {meta}")
            c.drawRightString(x + 408, 300, f"Avance: {avance} %")
        c.setFont("Helvetica", 8)
        c.drawString(36, 20, "Alcaldía de Ubaté · Informe de gestión primer semestre 2024")
        c.drawRightString(924, 20, f"Diapositiva {pagina + 1} de 2")
        c.showPage()
    c.save()
    informe = extraer_informe(ruta)
    leidas = {(o.indicador, o.medida, o.pagina): o for o in informe.observaciones}
    for titulo, cifra, meta, avance in tarjetas:
        hecho = leidas[(titulo, "ejecutado", 1)]
        assert (hecho.valor, hecho.periodo_inicio, hecho.periodo_fin) == (
            float(cifra),
            date(2024, 1, 1),
            date(2024, 6, 30),
        )
        assert leidas[(titulo, "meta", 1)].valor == float(meta)
        assert leidas[(titulo, "avance_porcentual", 1)].valor == float(avance.replace(",", "."))


def test_tarjetas_con_la_cifra_a_un_lado_y_los_campos_al_otro(tmp_path):
    """Cards whose big figure sits on the left with "Logrado" under it and the
    fields on the right worded as column headers ("Programado: 420", "% de
    logro: 94,8 %", "Meta anual: 450"), three cards a row, the period in the
    footer: the unqualified target is the semester's, the annual one the
    year's."""
    from datetime import date

    from reportlab.pdfgen import canvas

    tarjetas = [
        ("Adultos mayores atendidos en Centro Vida", "398", "420", "94,8", "450"),
        ("Niños y niñas en atención integral", "1.134", "1.200", "94,5", "1.250"),
        ("Jornadas de prevención de violencia", "14", "12", "116,7", "24"),
    ]
    ruta = tmp_path / "zarzal_integracion_social.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(960, 540))
    c.setFont("Helvetica-Bold", 20)
    c.drawString(36, 500, "Tablero de resultados")
    for k, (titulo, cifra, programado, logro, anual) in enumerate(tarjetas):
        x = 46 + 303 * k
        c.setFont("Helvetica-Bold", 11)
        c.drawString(x, 380, titulo)
        c.setFont("Helvetica-Bold", 30)
        c.drawString(x + 2, 290, cifra)
        c.setFont("Helvetica", 9)
        c.drawString(x + 4, 276, "Logrado")
        c.drawString(x + 140, 320, f"Programado: {programado}")
        c.drawString(x + 140, 304, f"% de logro: {logro} %")
        c.drawString(x + 140, 292, f"Meta anual: {anual}")
    c.setFont("Helvetica", 8)
    c.drawString(36, 20, "Seguimiento al Plan de Acción · Primer semestre 2025 (corte 30 de junio)")
    c.showPage()
    c.save()
    leidas = {(o.indicador, o.medida, o.periodo_fin): o.valor for o in extraer_informe(ruta).observaciones}
    semestre, anio = date(2025, 6, 30), date(2025, 12, 31)
    valor = lambda t: float(t.replace(".", "").replace(",", "."))  # noqa: E731
    for titulo, cifra, programado, logro, anual in tarjetas:
        assert leidas[(titulo, "ejecutado", semestre)] == valor(cifra), (titulo, leidas)
        assert leidas[(titulo, "meta", semestre)] == valor(programado), titulo
        assert leidas[(titulo, "meta", anio)] == valor(anual), titulo
        assert leidas[(titulo, "avance_porcentual", semestre)] == valor(logro), titulo
    assert len(leidas) == 12


def test_meta_y_porcentaje_bajo_la_cifra_de_una_tarjeta():
    """ "de 42,0 km programados — 91,9 %" under a card's figure: its target (with its unit) and its share."""
    from extractor.modelo import BloqueTexto
    from extractor.tablas.fichas import campos_de_texto

    campos = campos_de_texto(BloqueTexto(texto="de 42,0 km programados — 91,9 %", pagina=1))
    assert [(c.rol, c.valor) for c in campos] == [("meta", "42,0"), ("avance_porcentual", "91,9 %")]


def test_campo_sin_dos_puntos_con_los_anios_del_rotulo():
    """ "Meta cuatrienio 2024-2027 120": the label keeps its years, the last figure is the field's."""
    from extractor.modelo import BloqueTexto
    from extractor.tablas.fichas import campos_de_texto

    def campos(texto: str) -> list[tuple]:
        return [(c.rol, c.etiqueta, c.valor) for c in campos_de_texto(BloqueTexto(texto=texto, pagina=1))]

    assert campos("Meta cuatrienio 2024-2027 120") == [("meta_cuatrienio", "Meta cuatrienio 2024-2027", "120")]
    assert campos("Cumplimiento 2025 103,5 %") == [("avance_porcentual", "Cumplimiento 2025", "103,5 %")]
    assert campos("Meta 2023") == []  # a header with its year, no figure


def test_campos_en_una_linea_con_flecha_y_su_porcentaje():
    """ "Programado: 180 → Alcanzado: 164 (91,1 % de cumplimiento)": the arrow
    separates two fields, the share in parentheses is the achieved figure's."""
    from extractor.modelo import BloqueTexto
    from extractor.tablas.fichas import campos_de_texto

    def campos(texto: str) -> set[tuple]:
        return {(c.rol, c.valor) for c in campos_de_texto(BloqueTexto(texto=texto, pagina=1)) if c.rol}

    assert campos("Programado: 180 → Alcanzado: 164 (91,1 % de cumplimiento)") == {
        ("meta", "180"),
        ("ejecutado", "164"),
        ("avance_porcentual", "91,1 %"),
    }
    assert ("avance_porcentual", "35,0 %") in campos(
        "Meta del cuatrienio: 40 · Logrado en 2024: 14 (35,0 % del cuatrienio)"
    )


def test_nombre_y_primer_campo_en_una_oracion():
    """ "Parques barriales con mantenimiento — Meta 2022: 14 · Logro: 14 (100,0 %)":
    the words before the first field name the indicator."""
    from extractor.modelo import BloqueTexto
    from extractor.tablas.fichas import campos_de_texto

    texto = "Viviendas de interés social nuevas entregadas. Meta 2022: 40 · Logro: 36 (90,0 %)"
    campos = [(c.rol, c.valor) for c in campos_de_texto(BloqueTexto(texto=texto, pagina=1))]
    assert campos[0] == ("nombre", "Viviendas de interés social nuevas entregadas")
    assert {("meta", "40"), ("ejecutado", "36"), ("avance_porcentual", "90,0 %")} <= set(campos)
    texto = "Parques barriales con mantenimiento — Meta 2022: 14 · Logro: 14"
    assert campos_de_texto(BloqueTexto(texto=texto, pagina=1))[0].valor == "Parques barriales con mantenimiento"


def test_bloques_verticales_de_un_libro_con_tipo_de_acumulacion(tmp_path):
    """A follow-up workbook with one vertical block per indicator (label in
    column B, value in C, a note in D on some rows), one of whose labels is
    "Tipo de acumulación": a field that describes the indicator, so the
    block is still a data sheet and its figures are read."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Seguimiento 2024"
    ws["B1"] = "Seguimiento al Plan de Acción 2024 · corte 30 de junio de 2024"
    fila = 3
    bloques = [
        ("Parques biosaludables instalados", "Acumulativo", 12, 30, 10, 6, 0.6),
        ("Ligas deportivas apoyadas", "No acumulativo", 8, 8, 8, 7, 0.875),
    ]
    for nombre, acumulacion, base, cuatrienio, meta, hecho, avance in bloques:
        ws.cell(fila, 2, f"INDICADOR · {nombre.upper()}")
        filas = [
            ("Indicador de producto", nombre),
            ("Unidad de medida", "Número"),
            ("Tipo de acumulación", acumulacion),
            ("Línea base (2023)", base),
            ("Meta del cuatrienio 2024-2027", cuatrienio),
            ("Meta programada 2024", meta),
            ("Acumulado a 30-jun-2024", hecho),
            ("% de avance de la meta 2024", avance),
        ]
        for k, (rotulo, valor) in enumerate(filas, start=fila + 1):
            ws.cell(k, 2, rotulo)
            ws.cell(k, 3, valor)
        ws.cell(fila + 7, 4, "valor al corte")
        ws.cell(fila + 8, 3).number_format = "0.0%"
        fila += len(filas) + 3
    ruta = tmp_path / "fichas_deporte_2024.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    for nombre, _, base, cuatrienio, meta, hecho, avance in bloques:
        leidas = {o.medida: o.valor for o in _obs(informe, indicador=nombre)}
        assert leidas == {
            "linea_base": base,
            "meta_cuatrienio": cuatrienio,
            "meta": meta,
            "acumulado": hecho,
            "avance_porcentual": round(avance * 100, 1),
        }, (nombre, leidas)
