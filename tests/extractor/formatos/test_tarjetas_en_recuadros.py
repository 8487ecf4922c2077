"""Slides of cards drawn as (rounded) boxes: the page's background is no
table, the blocks inside one box are read together (label on the left,
figure on the right), lines are cut at the narrow gutters of a grid of
cards, a badge "73,0 % de la meta" is the card's percentage and "de 150
programados para 2022" or "Meta 2022: máximo 250" its target. PDFs drawn
with reportlab."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402

HORIZONTALES = [  # (label lines, figure, target, badge)
    (["Kilómetros de vías urbanas con", "mantenimiento rutinario"], "14,6", "20", "73,0 %"),
    (["Señales verticales de tránsito", "instaladas"], "312", "400", "78,0 %"),
    (["Cursos de educación vial dictados", "en instituciones educativas"], "46", "60", "76,7 %"),
    (["Reductores de velocidad", "construidos en vías urbanas"], "18", "24", "75,0 %"),
]
VERTICALES = [  # (label lines, figure, target): four in a row, 22 points apart
    (["Mejoramientos de vivienda", "entregados"], "96", "150"),
    (["Subsidios complementarios para", "adquisición de vivienda"], "48", "120"),
    (["Hogares conectados al servicio de", "acueducto"], "175", "250"),
    (["Títulos de propiedad entregados", "a familias"], "210", "300"),
]


def _fondo(c) -> None:
    c.setFillColorRGB(1, 1, 1)
    c.rect(0, 0, 960, 540, stroke=0, fill=1)  # the slide's background
    c.setFillColorRGB(0.16, 0.62, 0.56)
    c.rect(0, 0, 14, 540, stroke=0, fill=1)  # a bar down its left edge


def _presentacion(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=(960, 540))
    _fondo(c)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 24)
    c.drawString(44, 480, "Movilidad y transporte – primer semestre de 2022")
    for k, (lineas, cifra, meta, insignia) in enumerate(HORIZONTALES):
        x, y = 44 + 446 * (k % 2), 270 - 140 * (k // 2)
        c.setFillColorRGB(0.95, 0.95, 0.96)
        c.roundRect(x, y, 426, 120, 8, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 11)
        for j, linea in enumerate(lineas):
            c.drawString(x + 18, y + 66 - 14 * j, linea)
        c.setFont("Helvetica-Bold", 34)
        c.drawRightString(x + 408, y + 78, cifra)
        c.setFont("Helvetica", 7)
        c.drawRightString(x + 408, y + 66, f"Meta 2022: {meta}")
        c.drawString(x + 310, y + 14, f"{insignia} de la meta")
    c.showPage()
    _fondo(c)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 24)
    c.drawString(44, 480, "Vivienda y hábitat")
    for k, (lineas, cifra, meta) in enumerate(VERTICALES):
        x = 44 + 212 * k
        c.setFillColorRGB(0.95, 0.95, 0.96)
        c.roundRect(x, 170, 200, 230, 8, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica", 11)
        for j, linea in enumerate(lineas):
            c.drawString(x + 10, 370 - 14 * j, linea)
        c.setFont("Helvetica-Bold", 40)
        c.drawString(x + 10, 250, cifra)
        c.setFont("Helvetica", 7)
        # the target written three ways
        c.drawString(x + 10, 230, [f"de {meta} programados para 2022", f"Meta 2022: máximo {meta}"][k % 2])
    c.save()


def test_tarjetas_en_recuadros_se_leen_cada_una_aparte(tmp_path):
    ruta = tmp_path / "informe_concejo_primer_semestre_2022.pdf"
    _presentacion(ruta)
    doc = leer_documento(ruta)
    assert not doc.tablas  # the background and the bar are no table
    por = {(o.indicador, o.medida): o.valor for o in interpretar(doc).observaciones}
    for lineas, cifra, meta, insignia in HORIZONTALES:
        nombre = " ".join(lineas)
        assert por[(nombre, "ejecutado")] == float(cifra.replace(",", ".")), nombre
        assert por[(nombre, "meta")] == float(meta), nombre
        assert por[(nombre, "avance_porcentual")] == float(insignia[:-2].replace(",", ".")), nombre
    for lineas, cifra, meta in VERTICALES:
        nombre = " ".join(lineas)
        assert por[(nombre, "ejecutado")] == float(cifra), nombre
        assert por[(nombre, "meta")] == float(meta), nombre
    assert len(por) == 3 * len(HORIZONTALES) + 2 * len(VERTICALES)


def _palabra(texto: str, x0: float, top: float, alto: float = 11.5) -> dict:
    return {"text": texto, "x0": x0, "x1": x0 + 6 * len(texto), "top": top, "bottom": top + alto, "fontname": ""}


def test_lineas_cortadas_en_las_calles_angostas_de_una_grilla_de_tarjetas():
    """Cards in a row 130 points apart: their lines come 34-58 points apart
    (less than a gutter of six line heights, or 60 points), but the words
    after those gaps, the big figures and the targets all start at the
    same x in each card: each card's line is its own."""
    from extractor.formatos.lineas import agrupar_lineas, leidas

    palabras = []
    for k, (rotulo, resto, cifra) in enumerate(
        [
            ("Mejoramientos de", "vivienda", "96"),
            ("Subsidios para", "vivienda nueva", "48"),
            ("Hogares con", "acueducto", "175"),
        ]
    ):
        x = 56 + 130 * k
        palabras += [_palabra(rotulo, x, 155), _palabra(resto, x, 169), _palabra(cifra, x, 261, 54)]
        palabras.append(_palabra(f"Meta 2022: {k}", x, 320, 8))
    textos = sorted((round(l.x0), l.texto) for l in leidas(agrupar_lineas(palabras)) if l.top < 200)
    assert textos == [
        (56, "Mejoramientos de"),
        (56, "vivienda"),
        (186, "Subsidios para"),
        (186, "vivienda nueva"),
        (316, "Hogares con"),
        (316, "acueducto"),
    ]


ARRIBA = [  # (figure, unit, label lines, target, percentage): the figure on top of its label
    ("842", "", ["Productores con asistencia", "técnica directa rural"], "900", "93,6 %"),
    ("64,5", "ha", ["Hectáreas de cacao y plátano", "establecidas"], "70", "92,1 %"),
    ("12.350", "", ["Árboles nativos sembrados", "en rondas hídricas"], "12.000", "102,9 %"),
]


def test_tarjetas_con_la_cifra_encima_y_una_franja_al_pie(tmp_path):
    """Cards 12 points apart: the big figure on top (a unit beside it), the
    label under it, the target and the percentage in a coloured strip at the
    card's foot. The lines across the cards are cut at each card's edge;
    the figure above the label is the result and the percentage beside a
    count target is its share."""
    ruta = tmp_path / "rendicion_cuentas_2019.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(960, 540))
    c.setFont("Helvetica-Bold", 22)
    c.drawString(60, 480, "Desarrollo rural – lo que logramos en 2019")
    for k, (cifra, unidad, lineas, meta, porcentaje) in enumerate(ARRIBA):
        x = 40 + 300 * k
        c.setFillColorRGB(0.97, 0.97, 0.95)
        c.roundRect(x, 250, 288, 180, 8, stroke=0, fill=1)
        c.setFillColorRGB(0.2, 0.45, 0.3)
        c.roundRect(x + 4, 254, 280, 24, 6, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 40)
        c.drawCentredString(x + 144, 370, cifra)
        if unidad:
            c.setFont("Helvetica", 14)
            c.drawString(x + 144 + c.stringWidth(cifra, "Helvetica-Bold", 40) / 2 + 6, 370, unidad)
        c.setFont("Helvetica", 11)
        for j, linea in enumerate(lineas):
            c.drawCentredString(x + 144, 340 - 14 * j, linea)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica", 9)
        c.drawString(x + 10, 259, f"Meta 2019: {meta}")
        c.drawRightString(x + 278, 259, porcentaje)
    c.save()
    por = {(o.indicador, o.medida): o.valor for o in interpretar(leer_documento(ruta)).observaciones}
    for cifra, _, lineas, meta, porcentaje in ARRIBA:
        nombre = " ".join(lineas)
        assert por[(nombre, "ejecutado")] == float(cifra.replace(".", "").replace(",", ".")), (nombre, por)
        assert por[(nombre, "meta")] == float(meta.replace(".", "")), nombre
        assert por[(nombre, "avance_porcentual")] == float(porcentaje[:-2].replace(",", ".")), nombre
    assert len(por) == 3 * len(ARRIBA)
