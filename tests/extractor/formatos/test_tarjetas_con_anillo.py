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


VELOCIMETROS = (
    ("Estudiantes beneficiados con transporte escolar", "94,8 %", ("420", "398"), "estudiantes"),
    ("Raciones del PAE entregadas en sedes rurales", "95,3 %", ("185.000", "176.300"), "raciones"),
)


def _tablero_de_velocimetros(ruta) -> None:
    """Cards with a speedometer ("0" and "100" at its ends), the % and its
    caption under it, then "Meta 2019" and "Logro 2019" side by side with
    their figures under them and each figure's unit under it."""
    c = canvas.Canvas(str(ruta), pagesize=(842, 595))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(36, 560, "Tablero de resultados del Plan de Desarrollo · vigencia 2019")
    for n, (nombre, avance, (meta, logro), unidad) in enumerate(VELOCIMETROS):
        x = 36 + 260 * n
        c.roundRect(x, 250, 240, 280, 6, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 9)
        c.drawCentredString(x + 120, 505, nombre)
        c.setLineWidth(12)
        c.arc(x + 70, 380, x + 170, 480, startAng=0, extent=180)
        c.setLineWidth(1)
        c.setFont("Helvetica", 6)
        c.drawString(x + 64, 420, "0")
        c.drawString(x + 168, 420, "100")
        c.setFont("Helvetica-Bold", 16)
        c.drawCentredString(x + 120, 400, avance)
        c.setFont("Helvetica", 6)
        # (two wordings of the caption: "de la meta 2019 cumplida" says the share of the target met)
        c.drawCentredString(x + 120, 388, "cumplimiento de la meta 2019" if n == 0 else "de la meta 2019 cumplida")
        c.setFont("Helvetica", 7)
        c.drawCentredString(x + 65, 370, "Meta 2019")
        c.drawCentredString(x + 175, 370, "Logro 2019")
        c.setFont("Helvetica-Bold", 8)
        c.drawCentredString(x + 65, 356, meta)
        c.drawCentredString(x + 175, 356, logro)
        c.drawCentredString(x + 65, 346, unidad)
        c.drawCentredString(x + 175, 346, unidad)
    c.save()


def test_velocimetros_con_rotulos_lado_a_lado(tmp_path):
    ruta = tmp_path / "velocimetros.pdf"
    _tablero_de_velocimetros(ruta)
    leidas = {(o.indicador, o.medida, o.valor) for o in extraer_informe(ruta).observaciones}
    for nombre, avance, (meta, logro), _ in VELOCIMETROS:
        assert {
            (nombre, "meta", float(meta.replace(".", ""))),
            (nombre, "ejecutado", float(logro.replace(".", ""))),
            (nombre, "avance_porcentual", float(avance.rstrip(" %").replace(",", "."))),
        } <= leidas, sorted(leidas)
    assert not any(v in (0.0, 100.0) for _, _, v in leidas)  # the gauge's ends are no figures
