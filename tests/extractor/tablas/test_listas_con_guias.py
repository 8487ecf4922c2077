"""A list without rulings whose labels are led by dots to their figure
("Alcantarillas instaladas ............ 23"), under a heading that says
what the figures are and when ("Logros enero – junio de 2019"), over two
pages: the dots are white space, the list a table of label and figure, the
heading its header; the same subheading over each page's list is no
running heading."""

from __future__ import annotations

from datetime import date

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractor import interpretar, leer_documento

PAGINAS = [
    [
        (
            "Programa 3.1 – Vivienda digna",
            [
                ("Familias beneficiadas con mejoramiento de vivienda", "145"),
                ("Subsidios de vivienda nueva asignados", "38"),
                ("Títulos de predios fiscales entregados", "62"),
            ],
        ),
    ],
    [
        (
            "Programa 4.1 – Vías para la competitividad rural",
            [
                ("Kilómetros de vías terciarias con mantenimiento", "86,5"),
                ("Alcantarillas instaladas", "23"),
                ("Puentes peatonales reparados", "0"),
            ],
        ),
    ],
]


def _con_guia(c, x: float, y: float, etiqueta: str, cifra: str, pegada: bool = False) -> None:
    """A label led by dots to its figure, right-aligned at 540; `pegada`:
    the dots glued to the label (no space between them)."""
    ancho = c.stringWidth(etiqueta, "Helvetica", 10)
    inicio = x + ancho + (0 if pegada else 4)
    fin = 540 - c.stringWidth(cifra, "Helvetica", 10) - 4
    c.drawString(x, y, etiqueta)
    c.drawString(inicio, y, "." * int((fin - inicio) / c.stringWidth(".", "Helvetica", 10)))
    c.drawRightString(540, y, cifra)


def _pdf(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    for n, secciones in enumerate(PAGINAS):
        c.setFont("Helvetica-Bold", 11)
        c.drawString(72, 740, "MUNICIPIO DE GUATAPÉ – Informe de gestión al Concejo, primer semestre de 2019")
        c.setFont("Helvetica", 10)
        y = 700 - 60 * n  # the subheading sits lower on the second page
        c.drawString(72, y, "La Secretaría de Planeación presenta los principales logros del semestre.")
        y -= 30
        for titulo, filas in secciones:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(72, y, titulo)
            c.setFont("Helvetica-Oblique", 10)
            c.drawString(72, y - 14, "Logros enero – junio de 2019")
            c.setFont("Helvetica", 10)
            y -= 36
            for etiqueta, cifra in filas:
                _con_guia(c, 90, y, etiqueta, cifra)
                y -= 16
        c.drawCentredString(306, 40, f"Página {n + 1} de 2")
        c.showPage()
    c.save()


def test_listas_con_guias_bajo_un_subtitulo_con_periodo(tmp_path):
    ruta = tmp_path / "guatape_logros_2019.pdf"
    _pdf(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {o.indicador: (o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in obs}
    semestre = (date(2019, 1, 1), date(2019, 6, 30))
    assert leidas["Subsidios de vivienda nueva asignados"] == ("ejecutado", 38, *semestre)
    assert leidas["Kilómetros de vías terciarias con mantenimiento"] == ("ejecutado", 86.5, *semestre)
    assert leidas["Puentes peatonales reparados"] == ("ejecutado", 0, *semestre)
    assert len(obs) == 6


def _seccionada(ruta) -> None:
    """One list in three parts, each under a heading that dates it: results
    of the second half, the year so far, next year's targets (the same
    names under each one)."""
    secciones = [
        ("Resultados julio – diciembre de 2021", ["412", "35"]),
        ("Acumulado enero – diciembre de 2021", ["780", "61"]),
        ("Metas programadas para la vigencia 2022", ["900", "70"]),
    ]
    nombres = ["Visitantes atendidos en el centro de interpretación", "Guías locales certificados en avistamiento"]
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, 740, "MUNICIPIO DE NUQUÍ – Oficina de Turismo – informe del segundo semestre de 2021")
    y = 700
    for titulo, cifras in secciones:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, y, titulo)
        c.line(72, y - 3, 72 + c.stringWidth(titulo, "Helvetica-Bold", 10), y - 3)
        c.setFont("Helvetica", 10)
        y -= 18
        for etiqueta, cifra in zip(nombres, cifras):
            _con_guia(c, 90, y, etiqueta, cifra)
            y -= 16
        y -= 14
    c.showPage()
    c.save()


def test_cada_subtitulo_dentro_de_una_lista_fecha_las_cifras_de_abajo(tmp_path):
    ruta = tmp_path / "nuqui_turismo_2021_2.pdf"
    _seccionada(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    guias = sorted(
        (o.medida, o.valor, o.periodo_inicio, o.periodo_fin)
        for o in obs
        if o.indicador == "Guías locales certificados en avistamiento"
    )
    assert guias == [
        ("acumulado", 61, date(2021, 1, 1), date(2021, 12, 31)),
        ("ejecutado", 35, date(2021, 7, 1), date(2021, 12, 31)),
        ("meta", 70, date(2022, 1, 1), date(2022, 12, 31)),
    ]


def test_guias_pegadas_etiqueta_partida_y_dinero_ancho_son_una_lista(tmp_path):
    """Dots glued to the label ("tramitados........"), a label that wraps
    onto a second line with the figure on it, and a money line whose figure
    is far wider than the counts above it: one list in two dated parts."""
    ruta = tmp_path / "guateque_personeria_2024.pdf"
    nombres = [
        "Derechos de petición tramitados",
        "Visitas de verificación de las condiciones de reclusión en la estación de policía y en las",
        "Quejas disciplinarias recibidas",
    ]
    partes = [
        (
            "Resultados abril – junio de 2024",
            ["412", "14", "23"],
            "Recursos ejecutados en el trimestre",
            "$ 187.452.310",
        ),
        (
            "Acumulado enero – junio de 2024",
            ["801", "25", "40"],
            "Presupuesto comprometido a 30 de junio",
            "$348'930.775,40",
        ),
    ]
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, 740, "PERSONERÍA MUNICIPAL DE GUATEQUE – informe de gestión, segundo trimestre de 2024")
    y = 700
    for titulo, cifras, rotulo, dinero in partes:
        c.setFont("Helvetica-Bold", 10)
        c.drawString(72, y, titulo)
        y -= 16
        c.setFont("Helvetica", 10)
        for nombre, cifra in [*zip(nombres, cifras), (rotulo, dinero)]:
            if len(nombre) > 60:  # wraps: the figure goes on the second line
                c.drawString(80, y, nombre[:70].rsplit(" ", 1)[0])
                nombre = "celdas transitorias del municipio"
                y -= 12
            _con_guia(c, 80, y, nombre, cifra, pegada=True)
            y -= 12
        y -= 12
    c.showPage()
    c.save()
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = sorted((o.medida, o.valor) for o in obs if o.indicador.startswith("Visitas de verificación"))
    assert leidas == [("acumulado", 25), ("ejecutado", 14)]
    dinero = sorted(o.valor for o in obs if o.medida.startswith("recursos"))
    assert dinero == [187_452_310, 348_930_775.4]


def test_una_lista_de_tablas_no_da_cifras(tmp_path):
    """A table of contents ("Tabla 5 Servicio de la deuda ....... 17"): its
    page numbers only grow; it is no list of results (its years make the
    page look like one with tables)."""
    ruta = tmp_path / "lorica_pdm_2024.pdf"
    entradas = [
        ("Tabla 1 Rentas del ingreso 2020 – 2023", "9"),
        ("Tabla 2 Beneficios tributarios 2016 – 2019", "11"),
        ("Tabla 3 Ejecución de gastos 2016 – 2019", "16"),
        ("Tabla 4 Servicio de la deuda", "16"),
        ("Gráfico 1 Calificación de riesgo", "21"),
    ]
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 11)
    c.drawCentredString(306, 740, "LISTA DE TABLAS")
    c.setFont("Helvetica", 10)
    for k, (entrada, pagina) in enumerate(entradas):
        _con_guia(c, 72, 700 - 16 * k, entrada, pagina)
    c.showPage()
    c.save()
    documento = leer_documento(ruta)
    assert documento.tablas == [] and interpretar(documento).observaciones == []
