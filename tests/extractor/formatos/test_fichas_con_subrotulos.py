"""Citizen data sheets whose boxes carry a small line between the label and
the figure ("Punto de partida" / "así estábamos en 2019" / "180" /
"familias"), the indicator named by an "Indicador del Plan: …" line under a
question title, the % in a circle with its caption under it, and the money
in one sentence ("Plata invertida: $ X de $ Y que teníamos disponibles")."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfgen import canvas  # noqa: E402

from extractor import extraer_informe  # noqa: E402

FICHAS = (
    (
        "¿A cuántos hogares les llevamos agua potable?",
        "Hogares rurales con acceso a agua potable",
        ("320", "1.200", "300", "284"),
        "94,7 %",
        ("$ 412.500.000", "$ 450.000.000"),
    ),
    (
        "¿Cuántos kilómetros de vías arreglamos?",
        "Kilómetros de vías terciarias mejoradas",
        ("8,5", "40,0", "10,0", "11,2"),
        "112,0 %",
        ("$ 903.100.000", "$ 880.000.000"),
    ),
)
ROTULOS = (
    ("Punto de partida", "así estábamos en 2019"),
    ("Lo que prometimos", "para los cuatro años"),
    ("Meta del año", "lo programado para 2021"),
    ("Lo que logramos", "en 2021"),
)


def _fichas(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=(612, 792))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(40, 750, "Cuentas claras 2021 · Secretaría de Infraestructura")
    for n, (pregunta, indicador, cifras, avance, dinero) in enumerate(FICHAS):
        arriba = 700 - 300 * n
        c.roundRect(36, arriba - 250, 540, 262, 8, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, arriba - 10, pregunta)
        c.setFont("Helvetica-Oblique", 8)
        c.drawString(50, arriba - 26, f"Indicador del Plan: {indicador}")
        for k, ((rotulo, sub), cifra) in enumerate(zip(ROTULOS, cifras)):
            x = 50 + 102 * k
            c.rect(x, arriba - 150, 94, 100, stroke=1, fill=0)
            c.setFont("Helvetica-Bold", 8)
            c.drawCentredString(x + 47, arriba - 64, rotulo)
            c.setFont("Helvetica", 6)
            c.drawCentredString(x + 47, arriba - 74, sub)
            c.setFont("Helvetica-Bold", 24)
            c.drawCentredString(x + 47, arriba - 108, cifra)
            c.setFont("Helvetica", 7)
            c.drawCentredString(x + 47, arriba - 120, "hogares" if n == 0 else "km")
        c.circle(515, arriba - 100, 40, stroke=1, fill=0)
        c.setFont("Helvetica", 7)
        c.drawCentredString(515, arriba - 80, "¿Cumplimos?")
        c.setFont("Helvetica-Bold", 15)
        c.drawCentredString(515, arriba - 102, avance)
        c.setFont("Helvetica", 6)
        c.drawCentredString(515, arriba - 116, "de la meta del año")
        c.setFont("Helvetica-Bold", 9)
        c.drawString(
            56, arriba - 190, f"Plata invertida: {dinero[0]} de {dinero[1]} que teníamos disponibles para 2021"
        )
    c.showPage()
    c.save()


def test_fichas_con_subrotulos_circulo_y_dinero(tmp_path):
    from extractor.castellano.numeros import leer_numero

    ruta = tmp_path / "alcaldia_cuentas_claras_2021.pdf"
    _fichas(ruta)
    informe = extraer_informe(ruta)
    # (a baseline's period is the year its line names, "así estábamos en 2019")
    leidas = {
        (
            o.indicador,
            o.medida,
            o.valor,
            *((None, None) if o.medida == "linea_base" else (o.periodo_inicio, o.periodo_fin)),
        )
        for o in informe.observaciones
    }
    anio, cuatrienio = (date(2021, 1, 1), date(2021, 12, 31)), (date(2020, 1, 1), date(2023, 12, 31))
    for _, indicador, cifras, avance, dinero in FICHAS:
        base, plan, meta, logro = (leer_numero(c).valor for c in cifras)
        esperadas = {
            (indicador, "linea_base", base, None, None),
            (indicador, "meta_cuatrienio", plan, *cuatrienio),
            (indicador, "meta", meta, *anio),
            (indicador, "ejecutado", logro, *anio),
            (indicador, "avance_porcentual", leer_numero(avance).valor, *anio),
            (indicador, "recursos_ejecutados", leer_numero(dinero[0]).valor, *anio),
            (indicador, "recursos_programados", leer_numero(dinero[1]).valor, *anio),
        }
        assert esperadas <= leidas, esperadas - leidas
    assert len(informe.observaciones) == 7 * len(FICHAS)


def test_insignia_junto_a_un_nombre_de_dos_lineas(tmp_path):
    """The badge "FICHA" over "1" left of a name printed in two lines: the
    lines read "FICHA Productores … de" and "1 tecnología", and the sheet
    is named by the whole name."""
    ruta = tmp_path / "fichas_2014.pdf"
    nombre = ("Productores de papa con asistencia técnica y transferencia de", "tecnología")
    c = canvas.Canvas(str(ruta), pagesize=(612, 792))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(48, 740, "Fichas ciudadanas de seguimiento · vigencia 2014")
    c.setFont("Helvetica-Bold", 9)
    c.drawString(58, 610, "FICHA")
    c.drawString(58, 596, "1")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(110, 610, nombre[0])
    c.drawString(110, 596, nombre[1])
    for k, (rotulo, cifra) in enumerate(
        (("Así arrancamos en 2011", "620"), ("¿Qué prometimos este año?", "420"), ("¿Cuánto logramos?", "455"))
    ):
        c.setFont("Helvetica-Bold", 8)
        c.drawString(58 + 170 * k, 560, rotulo)
        c.setFont("Helvetica-Bold", 22)
        c.drawString(58 + 170 * k, 532, cifra)
    c.showPage()
    c.save()
    leidas = {(o.indicador, o.medida, o.valor) for o in extraer_informe(ruta).observaciones}
    assert leidas == {
        (" ".join(nombre), "linea_base", 620.0),
        (" ".join(nombre), "meta", 420.0),
        (" ".join(nombre), "ejecutado", 455.0),
    }


def test_dinero_de_una_ficha_en_parrafos_sale_una_vez(tmp_path):
    """A data sheet's money fields written as paragraphs ("Recursos
    disponibles para la vigencia 2021: $ 960.000.000") are the sheet's
    figures, not also money of the prose."""
    docx = pytest.importorskip("docx")
    ruta = tmp_path / "fichas_educacion_2021.docx"
    documento = docx.Document()
    documento.add_heading("Fichas de seguimiento 2021 · Secretaría de Educación", level=1)
    for texto in (
        "Indicador: Jóvenes beneficiados con becas de educación superior",
        "Línea base: 120",
        "Meta 2021: 200",
        "Recursos disponibles para la vigencia 2021: $ 960.000.000",
        "Recursos invertidos: $ 851.300.000",
    ):
        documento.add_paragraph(texto)
    documento.save(ruta)
    dinero = sorted(o.valor for o in extraer_informe(ruta).observaciones if o.unidad == "pesos")
    assert dinero == [851300000.0, 960000000.0]


def test_tarjetas_con_la_unidad_bajo_la_cifra(tmp_path):
    """Tiles with the name on top, the big figure, its unit right under it
    (a few words, "niños y jóvenes"), then "Meta 2023: X" and the %: the
    unit is part of the figure, the name names the tile."""
    ruta = tmp_path / "tablero_2023.pdf"
    tarjetas = (
        (("Niños y jóvenes en escuelas de", "formación artística"), "946", "niños y jóvenes", "1.100", "86,0 %"),
        (("Eventos culturales realizados",), "24", "eventos", "24", "100,0 %"),
        (("Usuarios atendidos en la", "biblioteca pública"), "12.480", "usuarios", "15.000", "83,2 %"),
    )
    c = canvas.Canvas(str(ruta), pagesize=(792, 612))
    c.setFont("Helvetica-Bold", 18)
    c.drawString(36, 560, "Tablero de gestión 2023 · Cultura")
    for k, (nombre, cifra, unidad_, meta, avance) in enumerate(tarjetas):
        x = 48 + 240 * k
        c.roundRect(x - 12, 250, 220, 230, 10, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 11)
        for n, linea in enumerate(nombre):
            c.drawString(x, 420 - 13 * n, linea)
        c.setFont("Helvetica-Bold", 30)
        c.drawString(x, 335, cifra)
        c.setFont("Helvetica", 8)
        c.drawString(x, 322, unidad_)
        c.drawString(x, 300, f"Meta 2023: {meta}")
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x + 150, 275, avance)
    c.showPage()
    c.save()
    from extractor.castellano.numeros import leer_numero

    leidas = {(o.indicador, o.medida, o.valor) for o in extraer_informe(ruta).observaciones}
    esperadas = set()
    for nombre, cifra, _, meta, avance in tarjetas:
        indicador = " ".join(nombre)
        esperadas |= {
            (indicador, "ejecutado", leer_numero(cifra).valor),
            (indicador, "meta", leer_numero(meta).valor),
            (indicador, "avance_porcentual", leer_numero(avance).valor),
        }
    assert leidas == esperadas


def test_fila_de_tarjetas_con_insignia_no_es_una_tabla(tmp_path):
    """Four tiles side by side in rounded boxes apart from each other (the
    name in two lines with a % badge at the right of the first, the big
    figure, its unit under it, "Meta: X"), a box across the page under them:
    their lines line up like a borderless table's rows, but each column is
    a card."""
    ruta = tmp_path / "tablero_salud_2025.pdf"
    tarjetas = (
        (
            ("Cobertura de afiliación al", "régimen subsidiado"),
            "99,7 %",
            "98,7",
            "% de la población elegible",
            "99,0 %",
        ),
        (("Auditorías de calidad a", "EPS e IPS del municipio"), "50,0 %", "6", "auditorías", "12"),
        (("Atenciones extramurales", "de salud en veredas"), "20,0 %", "300", "atenciones", "1.500"),
        (("Visitas de inspección,", "vigilancia y control"), "350,0 %", "2.870", "visitas", "820"),
    )
    c = canvas.Canvas(str(ruta), pagesize=(960, 540))
    c.setFont("Helvetica-Bold", 18)
    c.drawString(30, 500, "Tablero de indicadores de salud · I semestre 2025")
    for k, (nombre, insignia, cifra, unidad_, meta) in enumerate(tarjetas):
        x = 30 + 229 * k
        c.roundRect(x, 270, 213, 178, 8, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(x + 16, 425, nombre[0])
        c.drawString(x + 16, 415, nombre[1])
        c.drawRightString(x + 200, 425, insignia)
        c.setFont("Helvetica-Bold", 30)
        c.drawString(x + 16, 340, cifra)
        c.setFont("Helvetica", 8)
        c.drawString(x + 16, 328, unidad_)
        c.drawString(x + 16, 285, f"Meta: {meta}")
    c.roundRect(30, 100, 900, 150, 8, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(46, 225, "Cómo leer el tablero")
    c.setFont("Helvetica", 9)
    c.drawString(46, 205, "La cifra grande es lo logrado entre enero y junio; «Meta» es la meta de todo el año 2025.")
    c.showPage()
    c.save()
    _tarjetas_leidas(ruta, [(" ".join(nombre), cifra, meta, insignia) for nombre, insignia, cifra, _, meta in tarjetas])


def test_tarjeta_con_insignia_bajo_la_cifra_y_meta_entre_parentesis(tmp_path):
    """A tile: the name, the big figure, what it counts and when under it
    ("personas atendidas en 2024"), the % badge under that, and the target
    in parentheses ("de lo programado para 2024 (200)")."""
    ruta = tmp_path / "tablero_resultados_2024.pdf"
    tarjetas = (
        (("Adultos mayores vinculados al Centro", "Vida"), "186", "personas atendidas en 2024", "93,0 %", "200"),
        (("Familias beneficiadas con paquetes", "alimentarios"), "540", "familias atendidas en 2024", "90,0 %", "600"),
    )
    c = canvas.Canvas(str(ruta), pagesize=(720, 540))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(30, 510, "Tablero de resultados 2024 · Secretaría de Desarrollo Social")
    for k, (nombre, cifra, debajo, insignia, meta) in enumerate(tarjetas):
        x = 42 + 250 * k
        c.roundRect(x - 12, 260, 230, 200, 8, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x, 440, nombre[0])
        c.drawString(x, 428, nombre[1])
        c.setFont("Helvetica-Bold", 28)
        c.drawCentredString(x + 100, 380, cifra)
        c.setFont("Helvetica", 8)
        c.drawCentredString(x + 100, 368, debajo)
        c.setFont("Helvetica-Bold", 9)
        c.drawCentredString(x + 100, 345, insignia)
        c.setFont("Helvetica", 8)
        c.drawCentredString(x + 100, 322, f"de lo programado para 2024 ({meta})")
    c.showPage()
    c.save()
    _tarjetas_leidas(ruta, [(" ".join(nombre), cifra, meta, insignia) for nombre, cifra, _, insignia, meta in tarjetas])


def _tarjetas_leidas(ruta, tarjetas) -> None:
    """Each card (indicator, figure, target, %) read with its three figures."""
    from extractor.castellano.numeros import leer_numero

    leidas = {(o.indicador, o.medida, o.valor) for o in extraer_informe(ruta).observaciones}
    for indicador, cifra, meta, avance in tarjetas:
        assert {
            (indicador, "ejecutado", leer_numero(cifra).valor),
            (indicador, "meta", leer_numero(meta).valor),
            (indicador, "avance_porcentual", leer_numero(avance).valor),
        } <= leidas, (indicador, sorted(leidas))
