"""A page photographed with a phone on a desk: the sheet at a slant on a
darker background, under uneven light. Made here from a reportlab page
rendered by pdfium, pulled into a four-sided shape on a wooden-brown
background with a light gradient, saved as a JPEG inside a PDF."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from extractor.formatos import ocr  # noqa: E402
from extractor.formatos.fotografia import esquinas_de_hoja  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

requiere_tesseract = pytest.mark.skipif(
    ocr.falta_tesseract() is not None and not os.environ.get("CI"), reason=f"sin OCR: {ocr.falta_tesseract()}"
)

MESES = [("Enero", "30", "27"), ("Febrero", "30", "33"), ("Marzo", "30", "29"), ("Abril", "30", "35")]
ESQUINAS = [(150, 210), (1180, 250), (1240, 1620), (95, 1580)]  # where the sheet's corners fall in the photo


def _pagina(ruta: Path) -> Image.Image:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(60, 720, "Comisaría de Familia de Bolívar - Seguimiento 2016")
    c.drawString(60, 690, "Tabla 1. Indicador: Atenciones psicosociales realizadas")
    c.setFont("Helvetica", 16)
    y = fila_reglada(c, [60, 220, 360, 500], 660, ["Mes", "Meta", "Ejecutado"], 30, margen=12)
    for fila in MESES:
        y = fila_reglada(c, [60, 220, 360, 500], y, fila, 30, margen=12)
    c.save()
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(ruta))
    return pdf[0].render(scale=150 / 72).to_pil().convert("L")


def _coeficientes(destino, origen):
    filas, lado = [], []
    for (x, y), (u, v) in zip(destino, origen):
        filas += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        lado += [u, v]
    return list(np.linalg.solve(np.array(filas, float), np.array(lado, float)))


def _foto(pagina: Image.Image) -> Image.Image:
    """The page pulled into ESQUINAS on a brown desk, lit from the left."""
    ancho, alto = 1350, 1800
    esquinas_pagina = [(0, 0), (pagina.width, 0), (pagina.width, pagina.height), (0, pagina.height)]
    hoja = pagina.transform((ancho, alto), Image.Transform.PERSPECTIVE, _coeficientes(ESQUINAS, esquinas_pagina))
    mascara = Image.new("L", pagina.size, 255).transform(
        (ancho, alto), Image.Transform.PERSPECTIVE, _coeficientes(ESQUINAS, esquinas_pagina)
    )
    foto = Image.composite(hoja, Image.new("L", (ancho, alto), 95), mascara)
    luz = np.linspace(1.0, 0.8, ancho)[None, :]  # the right side darker
    return Image.fromarray((np.asarray(foto, float) * luz).astype(np.uint8))


def test_la_hoja_se_encuentra_y_el_escaneo_se_deja(tmp_path):
    pagina = _pagina(tmp_path / "fuente.pdf")
    assert esquinas_de_hoja(pagina) is None  # a scan: paper to the edges
    assert esquinas_de_hoja(Image.new("L", (1275, 1650), 255)) is None  # a blank page
    assert esquinas_de_hoja(Image.new("L", (1275, 1650), 0)) is None  # a black one
    foto = _foto(pagina)
    halladas = esquinas_de_hoja(foto)
    assert halladas is not None
    assert all(abs(x - ex) <= 15 and abs(y - ey) <= 15 for (x, y), (ex, ey) in zip(halladas, ESQUINAS))
    # the phone's shadow over the bottom right corner: the corner is where the edges meet
    from PIL import ImageDraw

    ImageDraw.Draw(foto).ellipse((1000, 1450, 1350, 1800), fill=70)
    halladas = esquinas_de_hoja(foto)
    assert halladas is not None
    assert all(abs(x - ex) <= 25 and abs(y - ey) <= 25 for (x, y), (ex, ey) in zip(halladas, ESQUINAS))


@requiere_tesseract
def test_foto_de_una_tabla_de_meses(tmp_path):
    ruta = tmp_path / "bolivar_comisaria_foto_2016.pdf"
    _foto(_pagina(tmp_path / "fuente.pdf")).convert("RGB").save(ruta, "PDF", resolution=150)
    obs = interpretar(leer_documento(ruta)).observaciones
    ejecutado = {o.periodo_inicio.month: o.valor for o in obs if o.medida == "ejecutado" and o.periodo_inicio}
    assert ejecutado == {1: 27, 2: 33, 3: 29, 4: 35}
    assert {o.indicador for o in obs} == {"Atenciones psicosociales realizadas"}
