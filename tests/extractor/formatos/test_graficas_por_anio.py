"""A four-year report with one chart per indicator: its name as the chart's
title, grouped columns "Meta del año" / "Logro del año" for each year with
the value over each column, and under the chart a strip "Línea base 2015: 18
| Meta del cuatrienio: 80 | Logro del cuatrienio: 79 (98,8 % de la meta)".
Charts of the same shape on consecutive pages are different indicators (not
one table continued sideways); the strip is the charted indicator's; the
report's title and term are in the running header, the body opens with a
numbered section. Drawn here with reportlab's own bar charts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from extractor import extraer_informe  # noqa: E402

ANIOS = (2016, 2017, 2018, 2019)
# name, baseline, four-year target, achieved over the term, its share, targets per year, results per year
INDICADORES = (
    ("Eventos deportivos y recreativos realizados", 18, 80, 79, "98,8", (20, 20, 20, 20), (17, 22, 21, 19)),
    ("Escenarios deportivos con mantenimiento", 3, 16, 16, "100,0", (4, 4, 4, 4), (3, 5, 4, 4)),
    ("Festivales deportivos escolares realizados", 2, 12, 12, "100,0", (3, 3, 3, 3), (2, 3, 4, 3)),
    ("Ciclovías recreativas realizadas", 0, 96, 92, "95,8", (24, 24, 24, 24), (20, 26, 24, 22)),
)


def _grafica(c, y: float, indicador: tuple) -> None:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    nombre, base, plan, logro, avance, metas, logros = indicador
    c.setFont("Helvetica-Bold", 11)
    c.setFillColor(colors.HexColor("#0B4F9C"))
    c.drawString(50, y, nombre)
    dibujo = Drawing(400, 150)
    barras = VerticalBarChart()
    barras.x, barras.y, barras.width, barras.height = 40, 20, 340, 110
    barras.data = [metas, logros]
    barras.categoryAxis.categoryNames = [str(a) for a in ANIOS]
    barras.valueAxis.valueMin = 0
    barras.bars[0].fillColor = colors.HexColor("#C8CCD4")
    barras.bars[1].fillColor = colors.HexColor("#0B4F9C")
    barras.barLabelFormat = "%d"
    barras.barLabels.nudge = 7
    dibujo.add(barras)
    dibujo.drawOn(c, 40, y - 170)
    c.setFont("Helvetica", 8)
    for k, (serie, color) in enumerate((("Meta del año", "#C8CCD4"), ("Logro del año", "#0B4F9C"))):
        c.setFillColor(colors.HexColor(color))
        c.rect(470, y - 62 - 12 * k, 7, 7, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.drawString(481, y - 61 - 12 * k, serie)
    c.setFillColor(colors.HexColor("#EEF2F8"))
    c.rect(50, y - 200, 400, 18, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.drawString(
        56,
        y - 194,
        f"Línea base 2015: {base}   |   Meta del cuatrienio: {plan}   |   "
        f"Logro del cuatrienio: {logro} ({avance} % de la meta)",
    )


def _informe(destino: Path) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(destino), pagesize=letter)
    for pagina in range(2):
        c.setFont("Helvetica-Bold", 12)
        c.drawString(40, 760, "ALCALDÍA MUNICIPAL DE SANTO TOMÁS – ATLÁNTICO")
        c.setFont("Helvetica", 9)
        c.drawString(40, 746, "Informe de gestión del cuatrienio 2016-2019 · Coordinación de Deporte y Recreación")
        c.setFont("Helvetica-Bold", 11)
        seccion = (
            "3. Resultados de las metas de producto" if pagina == 0 else "4. Balance y recomendaciones para el empalme"
        )
        c.drawString(50, 715, seccion)
        for k in range(2):
            _grafica(c, 690 - 300 * k, INDICADORES[2 * pagina + k])
        c.setFont("Helvetica", 7)
        c.drawString(40, 30, f"Plan de Desarrollo «Santo Tomás, primero la gente 2016-2019» · Página {pagina + 1} de 2")
        c.showPage()
    c.save()
    return destino


def test_una_grafica_por_indicador_con_su_franja(tmp_path):
    informe = extraer_informe(_informe(tmp_path / "santo_tomas_deporte_2016_2019.pdf"))
    assert informe.metadatos.periodo_inicio == date(2016, 1, 1)
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in informe.observaciones}
    esperadas = set()
    cuatrienio = (date(2016, 1, 1), date(2019, 12, 31))
    for nombre, base, plan, logro, avance, metas, logros in INDICADORES:
        for anio, meta, hecho in zip(ANIOS, metas, logros):
            anual = (date(anio, 1, 1), date(anio, 12, 31))
            esperadas |= {(nombre, "meta", float(meta), *anual), (nombre, "ejecutado", float(hecho), *anual)}
        esperadas |= {
            (nombre, "linea_base", float(base), date(2015, 1, 1), date(2015, 12, 31)),
            (nombre, "meta_cuatrienio", float(plan), *cuatrienio),
            (nombre, "ejecutado", float(logro), *cuatrienio),
            (nombre, "avance_porcentual", float(avance.replace(",", ".")), *cuatrienio),
        }
    assert leidas == esperadas
