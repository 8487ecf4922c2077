"""Cards of a slide drawn as a stroked box with a coloured strip on top (the
label) over the big figure, their target and percentage printed right under
the box; and cards of money beside a coloured bar, the figure over the words
that name its measure ("comprometidos en 2022"). Such a box is no table;
the lines under a card are its foot, cut where the next card's foot starts;
a card of a plan's report is dated by its target's year. Drawn with reportlab."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfgen import canvas  # noqa: E402

from extractor import extraer_informe  # noqa: E402

TARJETAS = [  # label lines, figure, target, percentage
    (["Familias con huerta casera", "establecida"], "1.284", "1.200", "107,0 %"),
    (["Jóvenes en escuelas de", "formación musical"], "356", "400", "89,0 %"),
    (["Kilómetros de caminos veredales", "con mantenimiento"], "42,5", "50", "85,0 %"),
]
DINERO = [  # sector, committed, appropriated
    ("Agua potable y saneamiento", "$ 3.415.200.000", "$ 3.600.000.000"),
    ("Cultura y patrimonio", "$ 812.450.000", "$ 900.000.000"),
]


def _presentacion(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=(960, 540))
    c.setFont("Helvetica-Bold", 20)
    c.drawString(40, 490, "Balance 2022 del Plan de Desarrollo «Valle del Sol 2020-2023»")
    for k, (lineas, cifra, meta, avance) in enumerate(TARJETAS):
        x = 40 + 300 * k
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setFillColorRGB(1, 1, 1)
        c.rect(x, 250, 270, 180, stroke=1, fill=1)  # the card
        c.setFillColorRGB(0.12, 0.45, 0.33)
        c.rect(x, 380, 270, 50, stroke=1, fill=1)  # its strip
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 11)
        for j, linea in enumerate(lineas):
            c.drawString(x + 10, 412 - 13 * j, linea)
        c.setFillColorRGB(0.12, 0.45, 0.33)
        c.setFont("Helvetica-Bold", 36)
        c.drawCentredString(x + 135, 300, cifra)
        c.setFillColorRGB(0.3, 0.3, 0.3)
        c.setFont("Helvetica", 8)
        c.drawString(x + 2, 238, f"Meta 2022: {meta} | Cumplimiento {avance}")  # under the box
    c.showPage()
    c.setFont("Helvetica-Bold", 20)
    c.drawString(40, 490, "Inversión 2022 por sector")
    for k, (sector, comprometido, apropiado) in enumerate(DINERO):
        x = 40 + 440 * k
        c.setStrokeColorRGB(0.6, 0.6, 0.6)
        c.setFillColorRGB(0.85, 0.4, 0.1)
        c.rect(x, 250, 12, 200, stroke=1, fill=1)  # the coloured bar
        c.setFillColorRGB(1, 1, 1)
        c.rect(x + 12, 250, 400, 200, stroke=1, fill=1)  # the box beside it
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(x + 30, 420, sector)
        c.setFont("Helvetica-Bold", 26)
        c.drawString(x + 30, 370, comprometido)
        c.setFont("Helvetica", 9)
        c.drawString(x + 30, 345, "comprometidos en 2022")
        c.drawString(x + 30, 290, f"Apropiación: {apropiado}")
    c.showPage()
    c.save()


def test_tarjetas_con_franja_y_pie(tmp_path):
    from extractor.castellano.numeros import leer_numero

    ruta = tmp_path / "valle_del_sol_balance_2022.pdf"
    _presentacion(ruta)
    informe = extraer_informe(ruta)
    anio = (date(2022, 1, 1), date(2022, 12, 31))
    leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in informe.observaciones}
    for lineas, cifra, meta, avance in TARJETAS:
        nombre = " ".join(lineas)
        assert leidas.get((nombre, "ejecutado", *anio)) == leer_numero(cifra).valor, sorted(leidas)
        assert leidas.get((nombre, "meta", *anio)) == leer_numero(meta).valor, nombre
        assert leidas.get((nombre, "avance_porcentual", *anio)) == leer_numero(avance).valor, nombre
    for sector, comprometido, apropiado in DINERO:
        assert leidas.get((sector, "compromisos", *anio)) == leer_numero(comprometido).valor, sorted(leidas)
        assert leidas.get((sector, "recursos_programados", *anio)) == leer_numero(apropiado).valor, sector
    assert len(informe.observaciones) == 3 * len(TARJETAS) + 2 * len(DINERO)


def test_tarjetas_pegadas_se_leen_una_tras_otra(tmp_path):
    """Boxes side by side with a narrow gap (no gutter between their runs),
    each with a label, its figure and its unit: each box is read whole
    before the next, not label after label."""
    from extractor import leer_documento
    from extractor.modelo import BloqueTexto

    ruta = tmp_path / "cajas.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(612, 792))
    c.setFont("Helvetica", 10)
    c.drawString(50, 740, "Ficha 1 · Familias con huerta casera")
    for k, (rotulo, cifra) in enumerate(
        (("Punto de partida", "180"), ("Lo que prometimos", "600"), ("Lo que hicimos", "162"))
    ):
        x = 50 + 105 * k
        c.rect(x, 560, 97, 82, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 8)
        c.drawString(x + 8, 626, rotulo)
        c.setFont("Helvetica-Bold", 20)
        c.drawString(x + 25, 590, cifra)
        c.setFont("Helvetica", 7)
        c.drawString(x + 30, 570, "familias")
    c.showPage()
    c.save()
    textos = [b.texto for b in leer_documento(ruta).bloques if isinstance(b, BloqueTexto)]
    inicio = textos.index("Punto de partida")
    assert textos[inicio : inicio + 6] == [
        "Punto de partida",
        "180",
        "familias",
        "Lo que prometimos",
        "600",
        "familias",
    ]
