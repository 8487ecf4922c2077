"""Two ways cards and bullets state their figures, drawn here with reportlab:
- the foot of a card: one line "Punto de partida (2023)  …  Meta 2024-2027"
  over two figures, one under each end of it (the right one right-aligned;
  "ND" where there is no figure): the baseline and the four-year target;
- a bullet's line "Meta 2024: 320 · Logro: 298 (93,1 %)": the share in
  parentheses after the achieved figure is its progress."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from extractor import extraer_informe  # noqa: E402

# heading, big figure, baseline, four-year target
TARJETAS = (
    ("Adultos mayores vinculados al Centro Vida", "186", "170", "220"),
    ("Personas con discapacidad caracterizadas", "412", "ND", "1.200"),
)
VINETAS = (
    ("Productores agropecuarios con asistencia técnica", "320", "298", "93,1"),
    ("Emprendimientos turísticos fortalecidos", "40", "36", "90,0"),
)


def _informe(destino: Path) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(destino), pagesize=letter)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, 750, "Tablero de resultados 2024 · Secretaría de Desarrollo Social")
    c.setFont("Helvetica", 8)
    c.drawString(40, 736, "Alcaldía de Lérida · Plan de Desarrollo 2024-2027 · corte a 31 de diciembre de 2024")
    for k, (titulo, cifra, base, plan) in enumerate(TARJETAS):
        x = 40 + 270 * k
        c.setStrokeColorRGB(0.6, 0.4, 0.7)
        c.setFillColorRGB(0.96, 0.94, 0.98)
        c.roundRect(x, 520, 240, 190, 8, stroke=1, fill=1)
        c.setFillColorRGB(0.2, 0.1, 0.3)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x + 12, 690, titulo)
        c.setFont("Helvetica-Bold", 28)
        c.drawCentredString(x + 120, 640, cifra)
        c.setFont("Helvetica", 7)
        c.drawCentredString(x + 120, 628, "personas atendidas en 2024")
        c.line(x + 12, 566, x + 228, 566)
        c.drawString(x + 12, 556, "Punto de partida (2023)")
        c.drawRightString(x + 228, 556, "Meta 2024-2027")
        c.setFont("Helvetica-Bold", 9)
        c.drawString(x + 12, 540, base)
        c.drawRightString(x + 228, 540, plan)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 470, "Balance de la Secretaría de Desarrollo Económico")
    y = 445
    for nombre, meta, logro, avance in VINETAS:
        c.setFont("Helvetica", 10)
        c.drawString(50, y, f"• {nombre}")
        c.drawString(62, y - 14, f"Meta 2024: {meta} · Logro: {logro} ({avance} %)")
        y -= 40
    c.showPage()
    c.save()
    return destino


def test_pie_de_tarjeta_con_dos_rotulos_y_porcentaje_tras_el_logro(tmp_path):
    informe = extraer_informe(_informe(tmp_path / "lerida_tablero_2024.pdf"))
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in informe.observaciones}
    for titulo, _cifra, base, plan in TARJETAS:
        if base != "ND":
            assert (titulo, "linea_base", float(base), date(2023, 12, 31)) in leidas
        assert (titulo, "meta_cuatrienio", float(plan.replace(".", "")), date(2027, 12, 31)) in leidas
    for nombre, meta, logro, avance in VINETAS:
        assert {
            (nombre, "meta", float(meta), date(2024, 12, 31)),
            (nombre, "ejecutado", float(logro), date(2024, 12, 31)),
            (nombre, "avance_porcentual", float(avance.replace(",", ".")), date(2024, 12, 31)),
        } <= leidas
