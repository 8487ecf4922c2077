"""A dashboard of cards, each with a ring drawn as two circles (the
percentage inside it, its caption under it) and, right of it, labels whose
dotted leaders are drawn lines, not dots in the text ("Logro al 30 sep. 2025
· · · 598 estudiantes"); a long label wraps under its own line ("Meta
cuatrienio 2024-" / "2027"). The card is one card (the ring's two circles
are one drawing), every label keeps its value, and each value the period
its label says."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfgen import canvas  # noqa: E402

from extractor import extraer_informe  # noqa: E402

TARJETAS = (
    ("Estudiantes beneficiados con transporte escolar", "93,4 %", ("640", "598", "640", "598"), "estudiantes"),
    ("Sedes educativas rurales con conectividad", "50,0 %", ("8", "5", "24", "12"), "sedes"),
)
# (first line, wrapped rest or None)
ROTULOS = (
    ("Meta 2025", None),
    ("Logro al 30 sep. 2025", None),
    ("Meta cuatrienio 2024-", "2027"),
    ("Acumulado 2024 –", "sep. 2025"),
)


def _tablero(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=(842, 595))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(36, 560, "Tablero de indicadores del Plan de Desarrollo 2024-2027")
    c.setFont("Helvetica", 9)
    c.drawString(36, 545, "Alcaldía Municipal de Villarrica · Fecha de corte: 30 de septiembre de 2025")
    for n, (nombre, avance, cifras, unidad) in enumerate(TARJETAS):
        x = 36 + 390 * n
        c.setLineWidth(1)
        c.roundRect(x, 300, 370, 220, 6, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(x + 10, 500, nombre)
        c.setFillGray(0.85)
        c.circle(x + 50, 400, 32, stroke=0, fill=1)
        c.setFillGray(1)
        c.circle(x + 50, 400, 24, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont("Helvetica-Bold", 10)
        c.drawCentredString(x + 50, 396, avance)
        c.setFont("Helvetica", 6)
        c.drawCentredString(x + 50, 360, "avance del cuatrienio")
        c.setFont("Helvetica", 7)
        for k, ((rotulo, resto), cifra) in enumerate(zip(ROTULOS, cifras)):
            base = 440 - 24 * k
            c.drawString(x + 100, base, rotulo)
            if resto:
                c.drawString(x + 100, base - 8, resto)
            valor = f"{cifra} {unidad}"
            c.drawRightString(x + 360, base, valor)
            c.setDash(1, 2)
            c.line(
                x + 100 + c.stringWidth(rotulo, "Helvetica", 7) + 3,
                base,
                x + 357 - c.stringWidth(valor, "Helvetica", 7),
                base,
            )
            c.setDash()
    c.save()


def test_tarjetas_con_anillo_y_rotulos_partidos(tmp_path):
    ruta = tmp_path / "tablero.pdf"
    _tablero(ruta)
    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    for nombre, _, cifras, _ in TARJETAS:
        meta, logro, meta_cuatrienio, acumulado = (float(c) for c in cifras)
        assert (nombre, "meta", meta, date(2025, 1, 1), date(2025, 12, 31)) in leidas, sorted(leidas)
        assert (nombre, "ejecutado", logro, date(2025, 1, 1), date(2025, 9, 30)) in leidas, sorted(leidas)
        assert (nombre, "meta_cuatrienio", meta_cuatrienio, date(2024, 1, 1), date(2027, 12, 31)) in leidas
        assert (nombre, "acumulado", acumulado, date(2024, 1, 1), date(2025, 9, 30)) in leidas, sorted(leidas)
