"""A slide of three cards drawn as text boxes: the indicator, its big figure,
each on its rounded box, a long line in lowercase under it saying what it counts ("niñas y niños en
CDI y hogares comunitarios", padded by its text box), then "de 900
programados · 96,1 %"; beside them a box "Total 2022" whose fields are
money in millions. Built here with python-pptx."""

from __future__ import annotations

from datetime import date

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

from extractor import extraer_informe

TARJETAS = (
    ("Adultos mayores atendidos en el Centro Vida", "1.240", "personas mayores atendidas", "1.200", "103,3"),
    (
        "Niños y niñas de primera infancia con atención integral",
        "865",
        "niñas y niños en CDI y hogares comunitarios",
        "900",
        "96,1",
    ),
    (
        "Familias con huertas caseras para seguridad alimentaria",
        "318",
        "familias con huerta en producción",
        "350",
        "90,9",
    ),
)


def _caja(diapositiva, x: float, y: float, ancho: float, alto: float, texto: str, puntos: int) -> None:
    caja = diapositiva.shapes.add_textbox(Inches(x), Inches(y), Inches(ancho), Inches(alto))
    caja.text_frame.text = texto
    caja.text_frame.paragraphs[0].runs[0].font.size = Pt(puntos)


def test_tarjetas_de_una_diapositiva(tmp_path):
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    portada = prs.slides.add_slide(prs.slide_layouts[0])
    portada.shapes.title.text = "Rendición pública de cuentas · Vigencia 2022"
    portada.placeholders[1].text = "Alcaldía de Villanueva · Secretaría de Desarrollo Social"
    s = prs.slides.add_slide(prs.slide_layouts[6])
    _caja(s, 0.5, 0.2, 11, 0.7, "2022 en cifras", 28)
    for k, (nombre, cifra, unidad, meta, avance) in enumerate(TARJETAS):
        x = 0.6 + 4.15 * k
        s.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, Inches(x - 0.2), Inches(1.6), Inches(3.85), Inches(4.6))
        _caja(s, x, 1.8, 3.45, 1.0, nombre, 14)
        _caja(s, x, 2.9, 3.45, 1.2, cifra, 54)
        _caja(s, x, 4.1, 3.45, 0.6, unidad, 11)
        _caja(s, x, 4.9, 3.45, 0.9, f"de {meta} programados · {avance} %", 12)
    t = prs.slides.add_slide(prs.slide_layouts[6])
    _caja(t, 0.5, 0.2, 11, 0.7, "Recursos invertidos en 2022", 28)
    for k, linea in enumerate(("Total 2022", "Programado: $ 3.804,6 millones", "Comprometido: $ 3.632,7 millones")):
        _caja(t, 9.0, 2.0 + 0.6 * k, 3.5, 0.5, linea, 14)
    ruta = tmp_path / "villanueva_rendicion_2022.pptx"
    prs.save(ruta)
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in extraer_informe(ruta).observaciones}
    fin = date(2022, 12, 31)
    for nombre, cifra, _unidad, meta, avance in TARJETAS:
        assert {
            (nombre, "ejecutado", float(cifra.replace(".", "")), fin),
            (nombre, "meta", float(meta.replace(".", "")), fin),
            (nombre, "avance_porcentual", float(avance.replace(",", ".")), fin),
        } <= leidas
    assert not any(nombre.startswith("Programado") for nombre, *_ in leidas)
