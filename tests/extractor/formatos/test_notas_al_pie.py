"""Footnotes of a PDF page: the raised call printed right after a figure
("2.870¹") is not part of the figure, and the note at the foot of the page
("¹ Dato preliminar con corte a 30 de noviembre") gives no cut date to the
report. Made by reportlab with its own type sizes; wording unlike any
report studied."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402


def _con_llamada(c, x, y, cifra, llamada, tamano=9):
    """The figure, then its call in a smaller type, raised: in the same run
    of text (as a word processor exports a superscript: the text layer
    reads "2.8701")."""
    texto = c.beginText(x, y)
    texto.setFont("Helvetica", tamano)
    texto.textOut(cifra)
    texto.setFont("Helvetica", tamano * 0.6)
    texto.setRise(tamano * 0.45)
    texto.textOut(llamada)
    texto.setRise(0)
    c.drawText(texto)
    c.setFont("Helvetica", tamano)


def test_llamadas_y_notas_al_pie(tmp_path):
    ruta = tmp_path / "gobernacion_magdalena_seguimiento_2025.pdf"
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 570, "Seguimiento al Plan Indicativo 2024-2027 - vigencia 2025")
    c.setFont("Helvetica", 9)
    xs = [40, 300, 380, 460, 540]
    y = fila_reglada(c, xs, 540, ["Indicador de producto", "Meta 2025", "Logro 2025", "% 2025"], 20)
    filas = [
        ("Productores con asistencia técnica", "3.000", ("2.870", "1"), "95,7 %"),
        ("Distritos de riego rehabilitados", "2", ("3", "2"), "150,0 %"),
        ("Vías terciarias intervenidas (km)", "45", ("38,7", "*"), "86,0 %"),
    ]
    for nombre, meta, (logro, llamada), pct in filas:
        fila_reglada(c, xs, y, [nombre, meta, "", pct], 20)
        _con_llamada(c, xs[2] + 3, y - 14, logro, llamada)
        y -= 20
    c.setFont("Helvetica", 7)
    c.drawString(40, 70, "1 Dato preliminar del reporte con corte a 30 de noviembre de 2025; se ajusta en enero.")
    c.drawString(40, 61, "2 Meta reprogramada mediante la ordenanza de ajuste del plan.")
    c.drawString(40, 52, "* Incluye los tramos del convenio con el instituto de vías.")
    c.save()
    informe = interpretar(leer_documento(ruta))
    logros = {o.indicador: (o.valor, o.periodo_fin) for o in informe.observaciones if o.medida == "ejecutado"}
    fin = date(2025, 12, 31)
    # the first note dates its figure (and the percentage computed with it); the others name no period
    assert logros == {
        "Productores con asistencia técnica": (2870, date(2025, 11, 30)),
        "Distritos de riego rehabilitados": (3, fin),
        "Vías terciarias intervenidas (km)": (38.7, fin),
    }
    avances = {o.indicador: (o.valor, o.periodo_fin) for o in informe.observaciones if o.medida == "avance_porcentual"}
    assert avances["Productores con asistencia técnica"] == (95.7, date(2025, 11, 30))
    assert avances["Distritos de riego rehabilitados"] == (150.0, fin)
    (dato,) = [o for o in informe.observaciones if o.valor == 2870]
    assert "corte a 30 de noviembre" in dato.nota
    assert informe.metadatos.fecha_corte != date(2025, 11, 30)
    assert informe.metadatos.titulo.startswith("Seguimiento al Plan Indicativo")


def test_varias_notas_en_un_bloque_y_la_llamada_tras_un_porcentaje(tmp_path):
    """Notes printed one under the other (one paragraph to the reader), a
    call after "33,8 %", a note that names another year in passing (that
    figure keeps its column's period) and one that says its figure is another
    year's data."""
    ruta = tmp_path / "instituto_turismo_informe_2016.pdf"
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 570, "Informe de gestión vigencia 2016")
    c.setFont("Helvetica", 9)
    xs = [40, 300, 380, 460]
    y = fila_reglada(c, xs, 540, ["Indicador", "Meta 2016", "Logro 2016"], 20)
    filas = [
        ("Visitantes atendidos en el punto de información", "4.500", ("2.496", "1")),
        ("Tasa de ocupación hotelera", "35,0 %", ("33,8 %", "2")),
        ("Guías turísticos certificados", "40", ("38", "3")),
        ("Festivales gastronómicos realizados", "4", ("3", "4")),
        ("Rutas turísticas señalizadas", "6", ("5", "e")),
        ("Miradores construidos", "2", ("0", "f")),
    ]
    for nombre, meta, (logro, llamada) in filas:
        fila_reglada(c, xs, y, [nombre, meta, ""], 20)
        _con_llamada(c, xs[2] + 3, y - 14, logro, llamada)
        y -= 20
    c.setFont("Helvetica", 7)
    c.drawString(40, 79, "1 Valor del I semestre de 2016 (enero a junio): el punto estuvo cerrado el resto del año.")
    c.drawString(40, 70, "2 Promedio con corte a 31 de octubre de 2016; la medición anual se publica en marzo.")
    c.drawString(40, 61, "3 Certificación de 2015 aún vigente.")
    c.drawString(40, 52, "4 Dato de la vigencia 2015: el festival de 2016 no reportó.")
    c.drawString(40, 43, "e Cifra correspondiente a la vigencia anterior.")
    c.drawString(40, 34, "f La obra quedó contratada el 28 de noviembre de 2016 y se ejecutará en 2017.")
    c.save()
    informe = interpretar(leer_documento(ruta))
    logros = {
        o.indicador: (o.valor, o.periodo_inicio, o.periodo_fin)
        for o in informe.observaciones
        if o.medida == "ejecutado"
    }
    assert logros == {
        "Visitantes atendidos en el punto de información": (2496, date(2016, 1, 1), date(2016, 6, 30)),
        "Tasa de ocupación hotelera": (33.8, date(2016, 1, 1), date(2016, 10, 31)),
        "Guías turísticos certificados": (38, date(2016, 1, 1), date(2016, 12, 31)),
        # a note that says its figure is another year's data dates it in that year
        "Festivales gastronómicos realizados": (3, date(2015, 1, 1), date(2015, 12, 31)),
        # a letter for a call, glued raised to its figure; "the year before" the report's
        "Rutas turísticas señalizadas": (5, date(2015, 1, 1), date(2015, 12, 31)),
        "Miradores construidos": (0, date(2016, 1, 1), date(2016, 12, 31)),  # a date in passing cuts nothing
    }
