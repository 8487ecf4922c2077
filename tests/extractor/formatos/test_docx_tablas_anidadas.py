"""A Word layout table whose cells hold the tables of targets (the sector's
name in the left cell, its table nested in the right one): python-docx's
`document.tables` sees only the layout table; the nested tables are read."""

from __future__ import annotations

from datetime import date

import docx

from extractor import extraer_informe

SECTORES = (
    (
        "SECTOR 22 – EDUCACIÓN",
        (("Sedes educativas mejoradas", "4", "12", "3"), ("Estudiantes con transporte escolar", "850", "1.000", "920")),
    ),
    (
        "SECTOR 40 – VIVIENDA",
        (("Viviendas rurales mejoradas", "0", "120", "35"),),
    ),
)


def _empalme(ruta) -> None:
    documento = docx.Document()
    documento.add_heading("Informe de empalme 2023 · Estado de las metas del Plan de Desarrollo 2020-2023", level=1)
    documento.add_paragraph("Vigencia 2022. Secretaría de Planeación.")
    diagramacion = documento.add_table(rows=1 + len(SECTORES), cols=2)
    diagramacion.cell(0, 0).text = "Sector"
    diagramacion.cell(0, 1).text = "Metas de producto"
    for fila, (sector, metas) in enumerate(SECTORES, start=1):
        diagramacion.cell(fila, 0).text = sector
        interna = diagramacion.cell(fila, 1).add_table(rows=1 + len(metas), cols=4)
        for col, texto in enumerate(("Meta de producto", "Línea base 2019", "Meta cuatrienio", "Logro 2022")):
            interna.cell(0, col).text = texto
        for r, valores in enumerate(metas, start=1):
            for col, texto in enumerate(valores):
                interna.cell(r, col).text = texto
    documento.save(ruta)


def test_tablas_anidadas_en_una_tabla_de_diagramacion(tmp_path):
    from extractor.castellano.numeros import leer_numero

    ruta = tmp_path / "empalme_2023.docx"
    _empalme(ruta)
    assert len(docx.Document(str(ruta)).tables) == 1  # the nested tables are not the document's
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in extraer_informe(ruta).observaciones}
    esperadas = set()
    for _, metas in SECTORES:
        for nombre, base, plan, logro in metas:
            esperadas |= {
                (nombre, "linea_base", leer_numero(base).valor, date(2019, 12, 31)),
                (nombre, "meta_cuatrienio", leer_numero(plan).valor, date(2023, 12, 31)),
                (nombre, "ejecutado", leer_numero(logro).valor, date(2022, 12, 31)),
            }
    assert leidas == esperadas


def test_tabla_de_dinero_anidada_en_la_ultima_fila_de_una_tabla_de_metas(tmp_path):
    """A 1-column layout table whose row holds the programme's heading and
    its table of targets, whose last row in turn holds the money table (no
    name column: "Presupuesto definitivo | Recursos comprometidos", named by
    the line above it). The targets stay a table; the money table is read
    with its first column as a figure too."""
    documento = docx.Document()
    documento.add_heading("Informe de gestión 2021 · Secretaría de Educación", level=1)
    diagramacion = documento.add_table(rows=1, cols=1)
    celda = diagramacion.cell(0, 0)
    celda.paragraphs[0].text = "Programa 3.1 · Educación de calidad"
    metas = celda.add_table(rows=4, cols=3)
    for r, fila in enumerate(
        (
            ("Meta de producto", "Meta 2021", "Logro 2021"),
            ("Docentes formados", "60", "58"),
            ("Sedes dotadas", "12", "9"),
        )
    ):
        for k, texto in enumerate(fila):
            metas.cell(r, k).text = texto
    dinero = metas.cell(3, 0).merge(metas.cell(3, 2))
    dinero.paragraphs[0].text = "Recursos de inversión del programa – vigencia 2021"
    cuadro = dinero.add_table(rows=2, cols=2)
    for k, (encabezado, valor) in enumerate(
        (("Presupuesto definitivo", "$ 1.845.600.000"), ("Recursos comprometidos", "$ 1.712.340.500"))
    ):
        cuadro.cell(0, k).text, cuadro.cell(1, k).text = encabezado, valor
    ruta = tmp_path / "informe_gestion_2021.docx"
    documento.save(ruta)
    leidas = {(o.indicador, o.medida, o.valor) for o in extraer_informe(ruta).observaciones}
    assert {
        ("Docentes formados", "meta", 60.0),
        ("Docentes formados", "ejecutado", 58.0),
        ("Sedes dotadas", "meta", 12.0),
        ("Sedes dotadas", "ejecutado", 9.0),
    } <= leidas
    assert sorted(v for _, m, v in leidas if m not in ("meta", "ejecutado")) == [1_712_340_500.0, 1_845_600_000.0]


TRIMESTRES = (
    ("Prestadores de servicios turísticos capacitados", "60", ("12", "18", "15", "19"), "64"),
    ("Ferias de promoción realizadas", "4", ("1", "", "2", "1"), "4"),
)


def _seguimiento_trimestral(ruta) -> None:
    """A table of targets whose "Ejecución trimestral 2019" cell holds, in
    every row, a small table of the four quarters over their values."""
    documento = docx.Document()
    documento.add_heading("Seguimiento al Plan de Acción – cierre de la vigencia 2019", level=1)
    tabla = documento.add_table(rows=2 + len(TRIMESTRES), cols=5)
    for col, texto in enumerate(
        ("Meta de producto", "Meta 2019", "Ejecución trimestral 2019", "Total ejecutado 2019", "Unidad")
    ):
        tabla.cell(0, col).text = texto
    programa = tabla.cell(1, 0).merge(tabla.cell(1, 4))
    programa.text = "Programa 1. Tocaima, destino turístico"
    for r, (nombre, meta, trimestres, total) in enumerate(TRIMESTRES, start=2):
        tabla.cell(r, 0).text, tabla.cell(r, 1).text, tabla.cell(r, 3).text = nombre, meta, total
        tabla.cell(r, 4).text = "Número"
        celda = tabla.cell(r, 2)
        interna = celda.add_table(rows=2, cols=4)
        for k, (rotulo, valor) in enumerate(zip(("Trim. I", "Trim. II", "Trim. III", "Trim. IV"), trimestres)):
            interna.cell(0, k).text, interna.cell(1, k).text = rotulo, valor
        celda._tc.remove(celda.paragraphs[0]._p)  # the cell holds the small table alone
    documento.save(ruta)


def test_tablas_pequenas_en_una_columna_son_sus_subcolumnas(tmp_path):
    """The quarters of each row are that row's executed figures per quarter,
    not tables of their own that break the table of targets."""
    ruta = tmp_path / "seguimiento_2019.docx"
    _seguimiento_trimestral(ruta)
    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    trimestres = ((date(2019, 1, 1), date(2019, 3, 31)), (date(2019, 4, 1), date(2019, 6, 30)))
    trimestres += ((date(2019, 7, 1), date(2019, 9, 30)), (date(2019, 10, 1), date(2019, 12, 31)))
    esperadas = set()
    for nombre, meta, valores, total in TRIMESTRES:
        esperadas |= {
            (nombre, "meta", float(meta), date(2019, 1, 1), date(2019, 12, 31)),
            (nombre, "acumulado", float(total), date(2019, 1, 1), date(2019, 12, 31)),  # "Total ejecutado"
        }
        esperadas |= {(nombre, "ejecutado", float(v), *t) for v, t in zip(valores, trimestres) if v}
    assert leidas == esperadas


def test_tabla_anidada_de_filas_rotuladas(tmp_path):
    """A nested table of labelled rows ("" | I sem. | II sem. | Año over
    "Prog." and "Ejec." rows) is read as six sub-columns: the target and the
    result of each semester and of the year."""
    documento = docx.Document()
    documento.add_heading("Seguimiento semestral a las metas de producto · Vigencia 2025", level=1)
    tabla = documento.add_table(rows=2, cols=5)
    for k, texto in enumerate(
        ("Indicador de producto", "Unidad", "Meta 2024-2027", "Avance semestral 2025", "Acumulado 2024-2025")
    ):
        tabla.cell(0, k).text = texto
    for k, texto in ((0, "Productores rurales beneficiados"), (1, "Número"), (2, "600"), (4, "291")):
        tabla.cell(1, k).text = texto
    celda = tabla.cell(1, 3)
    interna = celda.add_table(rows=3, cols=4)
    for r, fila in enumerate(
        (("", "I sem.", "II sem.", "Año"), ("Prog.", "60", "80", "150"), ("Ejec.", "58", "85", "143"))
    ):
        for k, texto in enumerate(fila):
            interna.cell(r, k).text = texto
    celda._tc.remove(celda.paragraphs[0]._p)
    ruta = tmp_path / "giron_seguimiento_2025.docx"
    documento.save(ruta)
    leidas = {(o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones}
    semestres = ((date(2025, 1, 1), date(2025, 6, 30)), (date(2025, 7, 1), date(2025, 12, 31)))
    anio = (date(2025, 1, 1), date(2025, 12, 31))
    assert {
        ("meta", 60.0, *semestres[0]),
        ("meta", 80.0, *semestres[1]),
        ("meta", 150.0, *anio),
        ("ejecutado", 58.0, *semestres[0]),
        ("ejecutado", 85.0, *semestres[1]),
        ("ejecutado", 143.0, *anio),
    } <= leidas
