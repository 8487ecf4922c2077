"""The follow-up of an improvement plan agreed with a Contraloría: each row
a finding, the action, the target's description, its size and its own
start and end dates, and the progress at the cut. The target's description
names the row (not the finding); the target covers its row's dates, the
progress them up to the cut; the audited year is not the report's."""

from __future__ import annotations

from datetime import date

import docx

from extractor import extraer_informe

ENCABEZADO = (
    "No.",
    "Descripción del hallazgo",
    "Acción de mejoramiento",
    "Descripción de las metas",
    "Unidad de medida de la meta",
    "Dimensión de la meta",
    "Fecha iniciación de la meta",
    "Fecha terminación de la meta",
    "Avance físico de ejecución de las metas",
    "Porcentaje de avance físico de ejecución de las metas",
)
ACCIONES = (
    (
        "1",
        "Los estudios previos no justificaron el valor de 3 contratos",
        "Adoptar un formato de análisis del sector",
        "Contratos con análisis del sector documentado",
        "Contratos",
        "40",
        "01/02/2024",
        "31/12/2024",
        "22",
        "55,0%",
    ),
    (
        "2",
        "No se publicaron 14 actos en el SECOP dentro del plazo",
        "Revisar cada semana las publicaciones",
        "Revisiones semanales de publicación realizadas",
        "Revisiones",
        "20",
        "15/01/2024",
        "31/05/2024",
        "20",
        "100,0%",
    ),
)


def _seguimiento(ruta) -> None:
    documento = docx.Document()
    documento.add_paragraph("MUNICIPIO DE SAN ANTERO · OFICINA DE CONTROL INTERNO")
    documento.add_paragraph(
        "SEGUIMIENTO AL PLAN DE MEJORAMIENTO – AUDITORÍA FINANCIERA Y DE GESTIÓN, VIGENCIA AUDITADA 2022"
    )
    documento.add_paragraph(
        "Plan suscrito con la Contraloría General de Córdoba · Seguimiento con corte a 30 de junio de 2024"
    )
    tabla = documento.add_table(rows=1 + len(ACCIONES), cols=len(ENCABEZADO))
    for r, fila in enumerate((ENCABEZADO, *ACCIONES)):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    documento.save(ruta)


def test_seguimiento_a_un_plan_de_mejoramiento(tmp_path):
    ruta = tmp_path / "seguimiento_plan_mejoramiento_corte_jun2024.docx"
    _seguimiento(ruta)
    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    assert leidas == {
        ("Contratos con análisis del sector documentado", "meta", 40.0, date(2024, 2, 1), date(2024, 12, 31)),
        ("Contratos con análisis del sector documentado", "ejecutado", 22.0, date(2024, 2, 1), date(2024, 6, 30)),
        (
            "Contratos con análisis del sector documentado",
            "avance_porcentual",
            55.0,
            date(2024, 2, 1),
            date(2024, 6, 30),
        ),
        ("Revisiones semanales de publicación realizadas", "meta", 20.0, date(2024, 1, 15), date(2024, 5, 31)),
        # (an action ended before the cut: its progress as the follow-up reports it, at the cut)
        ("Revisiones semanales de publicación realizadas", "ejecutado", 20.0, date(2024, 1, 15), date(2024, 6, 30)),
        (
            "Revisiones semanales de publicación realizadas",
            "avance_porcentual",
            100.0,
            date(2024, 1, 15),
            date(2024, 6, 30),
        ),
    }


def test_plan_de_mejoramiento_en_excel_con_fechas_de_la_accion(tmp_path):
    """The same follow-up as a workbook in the CGR's wording: "Descripción de
    las actividades" names the row (not the finding, the cause nor the
    targets' unit), "Fecha de inicio de la acción" | "Fecha de
    finalización" are real date cells, "Meta cuantificable" the target."""
    from datetime import datetime

    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(
        ["Plan de mejoramiento CGR – auditoría SGP vigencia 2023 · seguimiento con corte a 31 de marzo de 2025"]
    )
    hoja.append(
        [
            "Código hallazgo",
            "Descripción del hallazgo",
            "Causa",
            "Acción de mejora",
            "Descripción de las actividades",
            "Unidad de medida de las metas",
            "Meta cuantificable",
            "Fecha de inicio de la acción",
            "Fecha de finalización",
            "Avance físico",
            "Avance %",
        ]
    )
    hoja.append(
        ["H1", "Saldos sin conciliar", "Falta de control", "Conciliar", "Conciliaciones bancarias mensuales",
         "Número", 12, datetime(2024, 9, 1), datetime(2025, 8, 31), 7, 0.583]
    )  # fmt: skip
    hoja.append(
        ["H2", "Informes sin publicar", "Falta de procedimiento", "Publicar", "Informes de rendición publicados",
         "Número", 4, datetime(2024, 9, 1), datetime(2024, 12, 31), 4, 1]
    )  # fmt: skip
    ruta = tmp_path / "seguimiento_plan_mejoramiento_cgr_corte_mar2025.xlsx"
    libro.save(ruta)
    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    corte = date(2025, 3, 31)
    assert {
        ("Conciliaciones bancarias mensuales", "meta", 12.0, date(2024, 9, 1), date(2025, 8, 31)),
        ("Conciliaciones bancarias mensuales", "ejecutado", 7.0, date(2024, 9, 1), corte),
        ("Informes de rendición publicados", "meta", 4.0, date(2024, 9, 1), date(2024, 12, 31)),
        ("Informes de rendición publicados", "ejecutado", 4.0, date(2024, 9, 1), corte),
    } <= leidas


def test_plan_de_mejoramiento_institucional_con_unidades_a_lograr(tmp_path):
    """An E.S.E.'s internal plan: "Unidades a lograr" is the target (not a
    unit), "Plazo de la acción" over "Arranca | Vence" dates the row, the
    cut is the follow-up's ("Fecha de corte del seguimiento: …")."""
    documento = docx.Document()
    documento.add_paragraph("E.S.E. HOSPITAL LOCAL SAN JUAN · Oficina de Control Interno")
    documento.add_paragraph("SEGUIMIENTO AL PLAN DE MEJORAMIENTO INSTITUCIONAL")
    documento.add_paragraph("Fecha de corte del seguimiento: 31 de diciembre de 2024")
    tabla = documento.add_table(rows=4, cols=6)
    encabezado = (
        "Acción de mejora",
        "Indicador de la acción",
        "Unidades a lograr",
        "Plazo de la acción",
        "",
        "Lo ejecutado al corte",
    )
    for k, texto in enumerate(encabezado):
        tabla.cell(0, k).text = texto
    tabla.cell(0, 3).merge(tabla.cell(0, 4))
    for k, texto in enumerate(("", "", "", "Arranca", "Vence", "")):
        tabla.cell(1, k).text = texto
    for r, fila in enumerate(
        (
            ("Capacitar al personal", "Capacitaciones realizadas", "4", "01/03/2024", "30/11/2024", "4"),
            ("Transferir el archivo", "Cajas transferidas", "150", "01/05/2024", "15/12/2024", "96"),
        ),
        start=2,
    ):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    ruta = tmp_path / "plan_mejoramiento_institucional_2024.docx"
    documento.save(ruta)
    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    corte = date(2024, 12, 31)
    assert leidas == {
        ("Capacitaciones realizadas", "meta", 4.0, date(2024, 3, 1), date(2024, 11, 30)),
        ("Capacitaciones realizadas", "ejecutado", 4.0, date(2024, 3, 1), corte),
        ("Cajas transferidas", "meta", 150.0, date(2024, 5, 1), date(2024, 12, 15)),
        ("Cajas transferidas", "ejecutado", 96.0, date(2024, 5, 1), corte),
    }


BLOQUE = (
    "No.",
    "Acción de mejora",
    "Meta cuantificable",
    "Unidad de medida",
    "Cantidad",
    "Fecha de inicio",
    "Fecha de terminación",
    "Avance al corte",
    "% de avance",
    "Estado",
)
HALLAZGOS = (
    (
        "HALLAZGO No. 1 · Administrativo: conciliación de saldos de propiedad, planta y equipo",
        (
            (
                "1.1",
                "Realizar conciliaciones mensuales",
                "Conciliaciones mensuales firmadas",
                "Conciliaciones",
                "9",
                "02-ene-2025",
                "30-sep-2025",
                "9",
                "100,0 %",
                "Cumplida",
            ),
            (
                "1.2",
                "Realizar toma física de inventarios",
                "Toma física de inventarios realizada",
                "Informe",
                "1",
                "03-feb-2025",
                "30-jun-2025",
                "1",
                "100,0 %",
                "Cumplida",
            ),
        ),
    ),
    (
        "HALLAZGO No. 2 · Administrativo con incidencia disciplinaria: publicación extemporánea en el SECOP II",
        (
            (
                "2.1",
                "Capacitar al personal de contratación",
                "Capacitaciones en SECOP II realizadas",
                "Capacitaciones",
                "4",
                "01-feb-2025",
                "30-nov-2025",
                "3",
                "75,0 %",
                "En ejecución",
            ),
            (
                "2.2",
                "Revisar cada semana las publicaciones",
                "Revisiones semanales realizadas",
                "Revisiones",
                "30",
                "15-ene-2025",
                "15-dic-2025",
                "27",
                "90,0 %",
                "En ejecución",
            ),
        ),
    ),
)


def _bloques_por_hallazgo(ruta) -> None:
    """One table per finding: the finding's band across the table above the
    header, its actions below, each with bare start and end dates."""
    documento = docx.Document()
    documento.add_paragraph("MUNICIPIO DE SAN ANDRÉS DE SOTAVENTO · OFICINA DE CONTROL INTERNO")
    documento.add_paragraph(
        "INFORME DE SEGUIMIENTO AL PLAN DE MEJORAMIENTO SUSCRITO CON LA CONTRALORÍA · "
        "Auditoría vigencia auditada 2023 · Corte del seguimiento: 30 de septiembre de 2025"
    )
    for banda, acciones in HALLAZGOS:
        tabla = documento.add_table(rows=2 + len(acciones), cols=len(BLOQUE))
        tabla.cell(0, 0).merge(tabla.cell(0, len(BLOQUE) - 1)).text = banda
        for r, fila in enumerate((BLOQUE, *acciones), start=1):
            for k, texto in enumerate(fila):
                tabla.cell(r, k).text = texto
        documento.add_paragraph("")
    documento.save(ruta)


def test_bloques_por_hallazgo_con_fechas_sin_nombrar_la_meta(tmp_path):
    """The row is named by "Meta cuantificable" (not its number "1.1"), the
    bare "Cantidad" is its target, and the bare "Fecha de inicio" /
    "Fecha de terminación" of a table of actions date it."""
    ruta = tmp_path / "seguimiento_plan_mejoramiento_corte_sep2025.docx"
    _bloques_por_hallazgo(ruta)
    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    from extractor.castellano.periodos import buscar_fechas

    esperadas = set()
    for _, acciones in HALLAZGOS:
        for _no, _accion, meta, _unidad, cantidad, inicio, fin, avance, porcentaje, _estado in acciones:
            desde, hasta = buscar_fechas(inicio)[0], buscar_fechas(fin)[0]
            al_corte = date(2025, 9, 30)  # the progress runs from the action's start to the cut
            esperadas |= {
                (meta, "meta", float(cantidad), desde, hasta),
                (meta, "ejecutado", float(avance), desde, al_corte),
                (meta, "avance_porcentual", float(porcentaje.split()[0].replace(",", ".")), desde, al_corte),
            }
    assert leidas == esperadas


def test_libro_con_un_bloque_por_hallazgo(tmp_path):
    """A workbook: the finding's band and its "Condición: …" row (merged across
    the sheet) head each block of actions, a blank row between blocks; the
    quantity under a bare "Valor"; the cut in "Fecha de corte:" while the
    audited year ("a la vigencia 2023") appears above and in the findings."""
    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.title = "Seguimiento PM"
    hoja.append(["MUNICIPIO DE PLATO – MAGDALENA · OFICINA DE CONTROL INTERNO"])
    hoja.append(["SEGUIMIENTO AL PLAN DE MEJORAMIENTO – CONTRALORÍA DEPARTAMENTAL"])
    hoja.append(["Auditoría financiera y de gestión a la vigencia 2023 · Plan suscrito el 15/10/2024"])
    hoja.append(["Fecha de corte: 30/06/2025"])
    hoja.append([])
    hoja.append(
        [
            "Acción No.",
            "Acción de mejoramiento",
            "Meta / producto",
            "Unidad de medida",
            "Valor",
            "Fecha inicio",
            "Fecha fin",
            "Ejecutado al corte",
            "% cumplimiento",
            "Estado",
        ]
    )
    acciones = {
        "HALLAZGO No. 1 · Administrativo (A)": (
            (
                "1.1",
                "Elaborar las conciliaciones",
                "Conciliaciones bancarias mensuales",
                "Número",
                12,
                "01/11/2024",
                "31/10/2025",
                8,
                "66,7 %",
                "En ejecución",
            ),
        ),
        "HALLAZGO No. 2 · Administrativo con incidencia disciplinaria (A-D)": (
            (
                "2.1",
                "Capacitar a supervisores",
                "Funcionarios capacitados en supervisión",
                "Personas",
                25,
                "01/12/2024",
                "31/05/2025",
                25,
                "100,0 %",
                "Cumplida",
            ),
            (
                "2.2",
                "Verificar la publicación",
                "Verificaciones mensuales de publicación",
                "Número",
                10,
                "01/01/2025",
                "31/10/2025",
                6,
                "60,0 %",
                "En ejecución",
            ),
        ),
    }
    for banda, filas in acciones.items():
        hoja.append([banda])
        hoja.merge_cells(start_row=hoja.max_row, start_column=1, end_row=hoja.max_row, end_column=10)
        hoja.append(["Condición: 37 contratos de la vigencia 2023 no se publicaron a tiempo."])
        hoja.merge_cells(start_row=hoja.max_row, start_column=1, end_row=hoja.max_row, end_column=10)
        for fila in filas:
            hoja.append(list(fila))
        hoja.append([])
    ruta = tmp_path / "plato_plan_mejoramiento_corte_jun2025.xlsx"
    libro.save(ruta)
    from extractor.castellano.periodos import buscar_fechas

    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    for filas in acciones.values():
        for _no, _accion, meta, _unidad, valor, inicio, fin, hecho, porcentaje, _estado in filas:
            desde, hasta = buscar_fechas(inicio)[0], buscar_fechas(fin)[0]
            assert (meta, "meta", float(valor), desde, hasta) in leidas
            assert (meta, "ejecutado", float(hecho), desde, date(2025, 6, 30)) in leidas
