"""Classes of PDF table layout, each on a small PDF made by reportlab
(wording and entities unlike any report the rules were studied on):

- one ruled frame that holds several tables, each a block with its heading,
  its own copy of the header and a body drawn without rulings whose rows
  are set apart by white space only (names wrapped, figures centred);
- a table drawn with coloured bands per row and no cell rulings;
- a striped table (bands on every other row, white rows between them) with
  a code column printed close to the name, names wrapped, continued on the
  next page under a header band of another colour, ending on a white row
  and a total under a rule (and bands with the header printed above them,
  read without rulings as before);
- a running footer right under an unruled table;
- a money heading over indicator columns written in percentages;
- an unruled header whose last two cells are closer than their columns;
- a bare "Avance" column in percentages beside the target and the result.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

# ----------------------------------------------- one frame, several tables

COLS = [30, 110, 250, 300, 350, 400, 450, 500, 550, 610]  # x of the header's rulings, frame to frame
ARRIBA = ["Clave", "Indicador", "Linea base", "Meta", "Meta", "Logrado", "Logrado", "Avance %", "Avance %"]
ABAJO = ["", "", "2019", "2022", "2023", "2022", "2023", "2022", "2023"]
BLOQUES = [
    (
        "OBJ.1 AMPLIAR LA COBERTURA DE LOS SERVICIOS DE BIBLIOTECA",
        [
            (
                "B-01",
                ["prestamos de libros", "a domicilio en", "zonas rurales"],
                ["120", "150", "180", "160", "170", "106,67", "94,44"],
            ),
            ("B-02", ["talleres de lectura", "para adultos mayores"], ["8", "10", "12", "11", "9", "110,00", "75,00"]),
        ],
    ),
    (
        "OBJ.2 CONSERVAR EL PATRIMONIO DOCUMENTAL DEL ARCHIVO",
        [
            (
                "A-07",
                ["folios digitalizados", "del fondo historico"],
                ["2.500", "4.000", "6.000", "4.400", "5.100", "110,00", "85,00"],
            ),
        ],
    ),
]


def _bloques_en_un_marco(ruta: Path, linea_base_alta: bool = False) -> None:
    """`linea_base_alta`: the first block draws "Linea base" and its year in
    one tall cell, the others in two (a copy of the header drawn apart)."""
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    _, alto = landscape(letter)
    c.setLineWidth(0.5)
    c.rect(30, 60, 580, alto - 100)  # the frame around every block: its sides are the blocks' sides
    y = alto - 70
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, y, "Informe de seguimiento institucional 2023")
    y -= 30
    for b, (titulo, filas) in enumerate(BLOQUES):
        c.setFont("Helvetica-Bold", 7)
        c.rect(COLS[0], y - 14, COLS[-1] - COLS[0], 14)  # the block's heading
        c.drawString(COLS[0] + 3, y - 10, titulo)
        y -= 14
        for fila, textos in enumerate((ARRIBA, ABAJO)):  # its header: two ruled rows
            for k, (x0, x1, texto) in enumerate(zip(COLS, COLS[1:], textos)):
                if linea_base_alta and b == 0 and k == 2:
                    if fila == 0:
                        c.rect(x0, y - 28, x1 - x0, 28)
                        c.drawString(x0 + 3, y - 10, texto)
                        c.drawString(x0 + 3, y - 24, ABAJO[k])
                    continue
                c.rect(x0, y - 14, x1 - x0, 14)
                c.drawString(x0 + 3, y - 10, texto)
            y -= 14
        c.setFont("Helvetica", 7)
        for clave, nombre, cifras in filas:  # its body: no rulings, rows apart by white space
            alto_fila = 9 * len(nombre)
            medio = y - 6 - alto_fila / 2
            for i, linea in enumerate(nombre):
                c.drawString(COLS[1] + 3, y - 12 - 9 * i, linea)
            c.drawString(COLS[0] + 3, medio, clave)
            for x, cifra in zip(COLS[2:], cifras):
                c.drawRightString(x + 45, medio, cifra)
            y -= alto_fila + 10
        y -= 10
    c.save()


@pytest.mark.parametrize("linea_base_alta", [False, True])
def test_un_marco_con_varias_tablas_bajo_el_mismo_encabezado(tmp_path, linea_base_alta):
    ruta = tmp_path / "seguimiento_biblioteca_2023.pdf"
    _bloques_en_un_marco(ruta, linea_base_alta)
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 2  # one per block, each with its own header
    textos = [b.texto for b in doc.textos]
    assert any(t.startswith("OBJ.2 CONSERVAR") for t in textos)  # a block's heading is text, not a row
    obs = interpretar(doc).observaciones
    por = {(o.indicador, o.medida, o.periodo_fin.year if o.periodo_fin else None): o.valor for o in obs}
    talleres = "talleres de lectura para adultos mayores"
    prestamos = "prestamos de libros a domicilio en zonas rurales"
    # two rows apart by white space only are two rows, not one
    assert por[(talleres, "meta", 2023)] == 12 and por[(prestamos, "meta", 2023)] == 180
    assert por[(talleres, "linea_base", 2019)] == 8
    assert por[("folios digitalizados del fondo historico", "acumulado", 2022)] == 4400
    assert por[("folios digitalizados del fondo historico", "avance_porcentual", 2023)] == 85
    assert len(obs) == 3 * 7


# ------------------------------------------------- coloured row bands only

FILAS_FRANJAS = [
    ("Huertas escolares establecidas", "Número", "40", "46", "115,0 %"),
    ("Kilómetros de caminos veredales mejorados", "km", "12", "9", "75,0 %"),
    ("Familias con asistencia técnica", "Número", "300", "276", "92,0 %"),
    ("Ferias agroindustriales realizadas", "Número", "2", "2", "100,0 %"),
]
X_FRANJAS = [60, 300, 380, 440, 520]


def _tabla_de_franjas(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, 720, "Tabla 2. Metas físicas de la Secretaría de Agricultura, vigencia 2022")
    y = 700
    c.setFillColor(colors.HexColor("#2f5d50"))
    c.rect(55, y - 24, 500, 24, stroke=0, fill=1)  # the header band
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 8)
    for x, texto in zip(X_FRANJAS, ["Meta de producto", "Unidad", "Meta 2022", "Logro 2022", "% Cumplimiento"]):
        c.drawString(x, y - 15, texto)
    y -= 24
    c.setFont("Helvetica", 8)
    for i, fila in enumerate(FILAS_FRANJAS):
        c.setFillColor(colors.HexColor("#e4ecf2" if i % 2 else "#f3eee6"))
        c.rect(55, y - 18, 500, 18, stroke=0, fill=1)  # one band per row, no cell rulings
        c.setFillColor(colors.black)
        c.drawString(X_FRANJAS[0], y - 12, fila[0])
        c.drawString(X_FRANJAS[1], y - 12, fila[1])
        for x, texto in zip(X_FRANJAS[2:], fila[2:]):
            c.drawRightString(x + 40, y - 12, texto)
        y -= 18
    c.setFont("Helvetica", 9)
    c.drawString(60, y - 30, "Fuente: Secretaría de Agricultura, corte a diciembre de 2022.")
    c.save()


def test_tabla_de_franjas_de_color_sin_reglas_de_celda(tmp_path):
    ruta = tmp_path / "agricultura_metas_2022.pdf"
    _tabla_de_franjas(ruta)
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 1 and doc.tablas[0].n_columnas == 5  # not one column of whole lines
    obs = interpretar(doc).observaciones
    por = {(o.indicador, o.medida): o.valor for o in obs}
    assert por[("Kilómetros de caminos veredales mejorados", "meta")] == 12
    assert por[("Familias con asistencia técnica", "ejecutado")] == 276
    assert por[("Huertas escolares establecidas", "avance_porcentual")] == 115
    assert len(obs) == 12


# ------------------------------------------ a bare "Avance" in percentages


def _avance_sin_medida(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, 740, "Informe de gestión 2021 - Oficina de Cultura")
    filas = [
        ("Producto", "Programado 2021", "Logrado 2021", "Avance"),
        ("Conciertos de la banda municipal", "10", "12", "120,0 %"),
        ("Cursos de danza dictados", "6", "3", "50,0 %"),
        ("Murales restaurados", "4", "4", "100,0 %"),
        ("Festivales apoyados", "5", "4", "80,0 %"),
    ]
    xs = [55, 280, 380, 480, 560]
    y = 710
    c.setFont("Helvetica", 8)
    for fila in filas:
        y = fila_reglada(c, xs, y, fila, 16, margen=4)
    c.save()


def test_avance_en_porcentaje_confirmado_por_las_cifras(tmp_path):
    ruta = tmp_path / "cultura_2021.pdf"
    _avance_sin_medida(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    avance = {o.indicador: o for o in obs if o.medida == "avance_porcentual"}
    assert {k: o.valor for k, o in avance.items()} == {
        "Conciertos de la banda municipal": 120,
        "Cursos de danza dictados": 50,
        "Murales restaurados": 100,
        "Festivales apoyados": 80,
    }
    assert all(o.periodo_inicio.year == o.periodo_fin.year == 2021 for o in avance.values())
    assert not any(o.medida == "ejecutado" and o.valor in (120, 50, 80) for o in obs)


# ------------------------------- striped rows, white rows between the bands

X_RAYAS = {"clave": 48, "nombre": 92, "unidad": 330, "cifras": [420, 490, 550, 640, 730]}  # right edges of figures
CABECERA_RAYAS = [("Código", "clave"), ("Producto del plan", "nombre"), ("Unidad", "unidad")]
CIFRAS_RAYAS = ["Meta\n2021", "Logro\n2021", "%\ncumplido", "Presupuesto\nasignado", "Presupuesto\ncomprometido"]
FILAS_RAYAS = [
    [
        (
            "4501120",
            ["Gestantes con control prenatal", "antes de la semana 12"],
            "Porcentaje",
            ["85", "79", "92,9 %", "$ 12.500.000", "$ 11.980.000"],
        )
    ],
    [
        (
            "4501133",
            ["Jornadas de vacunación extramural"],
            "Número",
            ["24", "30", "125,0 %", "$ 48.000.000", "$ 47.250.000"],
        )
    ],
    [
        (
            "4501201",
            ["Hogares visitados por la estrategia APS"],
            "Número",
            ["3.200", "2.560", "80,0 %", "$ 210.000.000", "$ 150.400.000"],
        )
    ],
    [("4502007", ["Brigadas de salud oral rural"], "Número", ["10", "6", "60,0 %", "$ 35.000.000", "$ 19.800.000"])],
]
FILAS_RAYAS_2 = [
    (
        "4502015",
        ["Comités de vigilancia epidemiológica"],
        "Número",
        ["12", "12", "100,0 %", "$ 6.000.000", "$ 6.000.000"],
    ),
    ("4502030", ["Campañas de salud mental"], "Número", ["4", "3", "75,0 %", "$ 22.000.000", "$ 16.100.000"]),
    (
        "4503002",
        ["Establecimientos inspeccionados por", "sanidad ambiental"],
        "Número",
        ["600", "645", "107,5 %", "$ 90.000.000", "$ 89.700.000"],
    ),
]


def _cabecera_rayas(c, y: float, color: str, texto: str, fuente: str) -> float:
    c.setFillColor(colors.HexColor(color))
    c.rect(40, y - 26, 712, 26, stroke=0, fill=1)
    c.setFillColor(colors.HexColor(texto))
    c.setFont(fuente, 7)
    for palabra, clave in CABECERA_RAYAS:
        c.drawString(X_RAYAS[clave], y - 16, palabra)
    for x, palabra in zip(X_RAYAS["cifras"], CIFRAS_RAYAS):
        arriba, abajo = palabra.split("\n")
        c.drawRightString(x, y - 11, arriba)
        c.drawRightString(x, y - 20, abajo)
    return y - 26


def _filas_rayas(c, y: float, filas, primera_con_banda: bool) -> float:
    c.setFont("Helvetica", 7)
    for i, (clave, nombre, unidad, cifras) in enumerate(filas):
        alto = 8 + 9 * len(nombre)
        if (i % 2 == 0) == primera_con_banda:
            c.setFillColor(colors.HexColor("#e6eef0"))
            c.rect(40, y - alto, 712, alto, stroke=0, fill=1)
        c.setFillColor(colors.black)
        medio = y - alto / 2 - 2.5
        for k, linea in enumerate(nombre):
            c.drawString(X_RAYAS["nombre"], y - 10 - 9 * k if len(nombre) > 1 else medio, linea)
        c.drawString(X_RAYAS["clave"], medio, clave)  # a short gap to the name: no rule, no wide space
        c.drawString(X_RAYAS["unidad"], medio, unidad)
        for x, cifra in zip(X_RAYAS["cifras"], cifras):
            c.drawRightString(x, medio, cifra)
        y -= alto
    return y


def _tabla_rayada_en_dos_paginas(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    _, alto = landscape(letter)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, alto - 60, "Cuadro 3. Metas de producto de la Secretaría de Salud, vigencia 2021")
    y = _cabecera_rayas(c, alto - 75, "#3b2f63", "#ffffff", "Helvetica-Bold")
    _filas_rayas(c, y, [f for fs in FILAS_RAYAS for f in fs], primera_con_banda=True)
    c.showPage()
    c.setFont("Helvetica-Oblique", 9)
    c.drawString(40, alto - 60, "Cuadro 3. Metas de producto (continuación)")
    y = _cabecera_rayas(c, alto - 70, "#fbe3cf", "#8a4b12", "Helvetica-Oblique")
    y = _filas_rayas(c, y, FILAS_RAYAS_2, primera_con_banda=True)
    c.setLineWidth(0.6)
    c.line(40, y - 4, 752, y - 4)
    c.setFont("Helvetica-Bold", 7)
    c.drawString(X_RAYAS["nombre"], y - 14, "TOTAL SALUD PÚBLICA")
    c.drawRightString(X_RAYAS["cifras"][3], y - 14, "$ 423.500.000")
    c.drawRightString(X_RAYAS["cifras"][4], y - 14, "$ 341.230.000")
    c.save()


def test_tabla_rayada_con_filas_blancas_que_sigue_en_otra_pagina(tmp_path):
    ruta = tmp_path / "salud_metas_producto_2021.pdf"
    _tabla_rayada_en_dos_paginas(ruta)
    doc = leer_documento(ruta)
    for tabla in doc.tablas:  # the code is a column of its own, not glued to the name
        assert tabla.n_columnas == 8
    obs = interpretar(doc).observaciones
    por = {(o.indicador, o.medida): o.valor for o in obs}
    # a white row between two bands is a row
    assert por[("Jornadas de vacunación extramural", "ejecutado")] == 30
    assert por[("Brigadas de salud oral rural", "compromisos")] == 19_800_000
    # a wrapped name in a band, and in the white row after the last band of the continuation
    assert por[("Gestantes con control prenatal antes de la semana 12", "meta")] == 85
    assert por[("Establecimientos inspeccionados por sanidad ambiental", "avance_porcentual")] == 107.5
    assert por[("Establecimientos inspeccionados por sanidad ambiental", "recursos_programados")] == 90_000_000
    indicadores = {o.indicador for o in obs if not o.indicador.upper().startswith("TOTAL")}
    assert len(indicadores) == 7


# -------------------------------------- a running footer right under a table

RECAUDO = [
    ("Predial unificado", "8.400", "7.950", "94,6 %"),
    ("Industria y comercio", "5.100", "5.480", "107,5 %"),
    ("Sobretasa a la gasolina", "1.900", "1.610", "84,7 %"),
    ("Estampillas", "720", "655", "91,0 %"),
    ("Alumbrado público", "2.300", "2.190", "95,2 %"),
    ("Delineación urbana", "310", "402", "129,7 %"),
]


def _tablas_con_pie_corrido(ruta: Path) -> None:
    """Three pages, each ending in an unruled table whose last row sits just
    above the page's running footer (report name left, page number right)."""
    c = canvas.Canvas(str(ruta), pagesize=letter)
    for pagina in range(1, 4):
        c.setFont("Helvetica", 8)
        c.drawString(60, 760, "Alcaldía de Chinácota · Secretaría de Hacienda")
        c.setFont("Helvetica", 9)
        for k in range(20):  # prose above the table
            c.drawString(
                60, 720 - 14 * k, f"Párrafo {k + 1} del análisis del recaudo del trimestre {pagina}, con sus causas."
            )
        y = 40 + 16 * len(RECAUDO) + 16  # the table ends at the bottom of the page
        c.setFont("Helvetica-Bold", 9)
        c.drawString(60, y + 24, f"Cuadro {pagina}. Recaudo por renta, trimestre {pagina} de 2022 (millones)")
        c.setFont("Helvetica-Bold", 8)
        for x, texto in zip([60, 300, 380, 460], ["Renta", "Presupuestado", "Recaudado", "% recaudo"]):
            c.drawString(x, y, texto)
        y -= 16
        c.setFont("Helvetica", 8)
        for renta, *cifras in RECAUDO:
            c.drawString(60, y, renta)
            for x, cifra in zip([350, 430, 500], cifras):
                c.drawRightString(x, y, cifra)
            y -= 16
        c.drawString(60, y + 2, "Informe trimestral de gestión fiscal")  # the footer, close under the last row
        c.drawRightString(500, y + 2, f"Pág. {pagina}")
        c.showPage()
    c.save()


def test_pie_de_pagina_corrido_no_es_fila_de_la_tabla(tmp_path):
    ruta = tmp_path / "hacienda_recaudo_2022.pdf"
    _tablas_con_pie_corrido(ruta)
    doc = leer_documento(ruta)
    filas = [" ".join(f).strip() for t in doc.tablas for f in t.textos()]
    assert sum(f.startswith("Delineación urbana") for f in filas) == 3
    assert not any("Informe trimestral" in f or "Pág" in f for f in filas)
    assert any("Informe trimestral de gestión fiscal" in h for h in doc.encabezados_pagina)


# ---------------- a process heading with money words over indicators in %

PROCESO_FINANCIERO = [
    ("Oportunidad en el pago a proveedores", "95%", "91,4%", "96,2%"),
    ("Conciliaciones bancarias al día", "12", "12", "100,0%"),
    ("Inventarios de bienes muebles actualizados", "4", "3", "75,0%"),
    ("Cartera recuperada frente a la vencida", "40%", "46,5%", "116,3%"),
]


def _indicadores_bajo_titulo_financiero(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, 720, "Gestión de recursos financieros y presupuesto – Secretaría Administrativa")
    xs = [60, 300, 380, 460, 540]
    y = 700
    c.setLineWidth(0.5)
    for fila in [("Indicador", "Meta 2021", "Resultado 2021", "% cumplimiento")] + PROCESO_FINANCIERO:
        c.setFont("Helvetica-Bold" if fila[0] == "Indicador" else "Helvetica", 8)
        y = fila_reglada(c, xs, y, fila, 16)
    c.save()


def test_titulo_de_dinero_no_vuelve_dinero_una_columna_en_porcentajes(tmp_path):
    ruta = tmp_path / "administrativa_indicadores_2021.pdf"
    _indicadores_bajo_titulo_financiero(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    por = {(o.indicador, o.medida): o.valor for o in obs}
    assert por[("Oportunidad en el pago a proveedores", "meta")] == 95
    assert por[("Conciliaciones bancarias al día", "ejecutado")] == 12
    assert por[("Cartera recuperada frente a la vencida", "ejecutado")] == 46.5
    assert not any(o.medida.startswith("recursos") for o in obs)


# ------- "cifras financieras en pesos" over a table with its own money columns

METAS_Y_PRESUPUESTO = [
    ("Hectáreas adquiridas", "Hectáreas", "25", "24,5", "$ 1.450.000.000", "$ 1.398.760.000"),
    ("Árboles sembrados", "Número", "6.000", "5.860", "$ 285.000.000", "$ 271.344.500"),
]


def test_titulo_en_pesos_no_vuelve_dinero_las_metas_junto_a_columnas_de_dinero(tmp_path):
    """The title's "Cifras financieras en pesos" speaks of the columns that
    name their money (Apropiación, Compromisos), not of the targets and
    results of a table with a column of units."""
    ruta = tmp_path / "seguimiento_plan_accion_ambiente_2023.pdf"
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(40, 720, "Seguimiento al Plan de Acción 2023 – Cifras financieras en pesos corrientes")
    xs = [40, 170, 230, 290, 350, 460, 570]
    y = 700
    c.setLineWidth(0.5)
    encabezado = ("Indicador", "Unidad", "Meta 2023", "Ejecutado 2023", "Apropiación definitiva", "Compromisos")
    for fila in [encabezado] + METAS_Y_PRESUPUESTO:
        c.setFont("Helvetica-Bold" if fila is encabezado else "Helvetica", 7)
        y = fila_reglada(c, xs, y, fila, 16)
    c.save()
    por = {(o.indicador, o.medida): o.valor for o in interpretar(leer_documento(ruta)).observaciones}
    assert por[("Hectáreas adquiridas", "meta")] == 25
    assert por[("Árboles sembrados", "ejecutado")] == 5860
    assert por[("Hectáreas adquiridas", "apropiacion_definitiva")] == 1_450_000_000
    assert por[("Árboles sembrados", "compromisos")] == 271_344_500


# ------- unruled header whose two last cells are closer than a column gap

VISITAS = [
    ("Enero", "40", "38", "38", "95,0 %"),
    ("Febrero", "40", "45", "83", "112,5 %"),
    ("Marzo", "50", "41", "124", "82,0 %"),
]


def _encabezados_juntos_sin_reglas(ruta: Path) -> None:
    """Figures right-aligned under their headers; "Acumulado" ends where its
    figures end and "% de logro" starts 9 points after it, nearer to it than
    to its own figures."""
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(60, 720, "Cuadro 2. Resultado del indicador de visitas de inspección sanitaria, 2023")
    c.setFont("Helvetica-Bold", 9)
    c.drawString(80, 696, "Mes")
    for x, texto in [(230, "Planeado"), (300, "Alcanzado"), (370, "Acumulado")]:
        c.drawRightString(x, 696, texto)
    c.drawString(379, 696, "% de logro")
    c.setFont("Helvetica", 9)
    y = 678
    for mes, *cifras in VISITAS:
        c.drawString(80, y, mes)
        for x, cifra in zip([230, 300, 370, 440], cifras):
            c.drawRightString(x, y, cifra)
        y -= 18
    c.save()


def test_encabezados_sin_reglas_mas_juntos_que_sus_columnas(tmp_path):
    ruta = tmp_path / "visitas_sanitarias_2023.pdf"
    _encabezados_juntos_sin_reglas(ruta)
    doc = leer_documento(ruta)
    tabla = doc.tablas[0]
    assert tabla.textos()[0][-2:] == ["Acumulado", "% de logro"]
    obs = interpretar(doc).observaciones
    assert {o.medida for o in obs} >= {"acumulado", "avance_porcentual"}
    assert sorted(o.valor for o in obs if o.medida == "avance_porcentual") == [82, 95, 112.5]
    assert sorted(o.valor for o in obs if o.medida == "acumulado") == [38, 83, 124]


def _rayas_con_cabecera_fuera(ruta: Path) -> None:
    """Bands on every other body row, the header printed above the first
    band, and a group's heading in a white gap together with a row."""
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 8)
    for x, texto in [(60, "Producto"), (330, "Meta 2022"), (400, "Logro 2022"), (470, "% logro")]:
        c.drawString(x, 700, texto)
    filas = [
        ("Aulas dotadas", "10", "8", "80,0 %"),
        ("Docentes capacitados", "120", "130", "108,3 %"),
        ("DEPORTE Y RECREACIÓN", None, None, None),
        ("Escuelas deportivas activas", "6", "6", "100,0 %"),
        ("Torneos veredales", "4", "2", "50,0 %"),
        ("Parques intervenidos", "3", "3", "100,0 %"),
    ]
    y, banda = 690, True
    for nombre, *cifras in filas:
        if cifras[0] is not None:
            if banda:
                c.setFillColor(colors.HexColor("#eef1f4"))
                c.rect(55, y - 16, 480, 16, stroke=0, fill=1)
            banda = not banda
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold" if cifras[0] is None else "Helvetica", 8)
        c.drawString(60, y - 11, nombre)
        for x, cifra in zip([375, 445, 510], cifras):
            if cifra:
                c.drawRightString(x, y - 11, cifra)
        y -= 16
    c.save()


def test_franjas_sin_cabecera_en_franja_se_leen_sin_reglas(tmp_path):
    ruta = tmp_path / "educacion_deporte_2022.pdf"
    _rayas_con_cabecera_fuera(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    por = {(o.indicador, o.medida): o.valor for o in obs}
    assert por[("Aulas dotadas", "meta")] == 10
    assert por[("Escuelas deportivas activas", "ejecutado")] == 6
    assert por[("Torneos veredales", "avance_porcentual")] == 50
    assert len({o.indicador for o in obs}) == 5


# ------------------------------------ a paragraph with figures under a table


def _tabla_y_parrafo_con_cifras(ruta: Path) -> None:
    """A ruled table, then (a little lower) a numbered heading and a
    paragraph whose money figures fall under several of its columns."""
    xs, alto, arriba = [70, 250, 340, 430, 540], 20, 700
    filas = [
        ["Actividad", "Meta 2023", "Ejecutado", "Acumulado"],
        ["Mercados realizados", "24", "4", "9"],
        ["Productores participantes", "300", "112", "250"],
    ]
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica", 10)
    for i, fila in enumerate(filas):
        for x, texto in zip(xs, fila):
            c.drawString(x + 4, arriba - alto * i - 14, texto)
    for i in range(len(filas) + 1):
        c.line(xs[0], arriba - alto * i, xs[-1], arriba - alto * i)
    for x in xs:
        c.line(x, arriba, x, arriba - alto * len(filas))
    y = arriba - alto * len(filas) - 22
    c.drawString(72, y, "3. RECURSOS")
    c.drawString(72, y - 19, "Durante el primer semestre de 2023 se ejecutaron $ 845.320.000 de los $ 2.100.000.000 de")
    c.drawString(72, y - 32, "recursos de inversion programados para la vigencia.")
    c.save()


def test_parrafo_con_cifras_bajo_la_tabla_no_es_una_fila(tmp_path):
    ruta = tmp_path / "parrafo.pdf"
    _tabla_y_parrafo_con_cifras(ruta)
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 1 and doc.tablas[0].n_filas == 3
    assert not any("RECURSOS" in c.texto or "845" in c.texto for c in doc.tablas[0].celdas)
