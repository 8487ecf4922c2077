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
    """The figure, then its call in a smaller type, raised."""
    c.setFont("Helvetica", tamano)
    c.drawString(x, y, cifra)
    ancho = c.stringWidth(cifra, "Helvetica", tamano)
    c.setFont("Helvetica", tamano * 0.6)
    c.drawString(x + ancho, y + tamano * 0.45, llamada)
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
    assert logros == {
        "Productores con asistencia técnica": (2870, fin),
        "Distritos de riego rehabilitados": (3, fin),
        "Vías terciarias intervenidas (km)": (38.7, fin),
    }
    assert informe.metadatos.fecha_corte != date(2025, 11, 30)
    assert informe.metadatos.titulo.startswith("Seguimiento al Plan Indicativo")
