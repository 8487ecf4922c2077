"""A table pasted as a picture into a report with a text layer (the
screenshot of a tracking spreadsheet inside a Word report): the page has
text, but none over the picture. The first pass finds such pictures (large,
no text over them, mostly light: not a photograph), OCR reads each one alone
and its words and rules join the page's; without Tesseract the page's text
is read and the picture is reported as not read.

The report is made here: reportlab text, and the spreadsheet drawn by PIL
the way a screenshot looks (a light grey grid of one pixel, a coloured
header fill), scaled into the page so that the rendering smears its rules."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from extractor import extraer_informe, leer_documento
from extractor.formatos import ocr
from extractor.formatos.cribado import cribar

requiere_tesseract = pytest.mark.skipif(
    ocr.falta_tesseract() is not None and not os.environ.get("CI"),
    reason=f"sin OCR: {ocr.falta_tesseract()}",
)

FUENTES = Path("/usr/share/fonts/truetype/dejavu")
ENCABEZADO = ["Indicador", "Meta 2023", "Logro 2023", "% cumplimiento"]
FILAS = [
    ["Niños vacunados con esquema completo", "1.250", "1.180", "94,4%"],
    ["Visitas de inspección sanitaria", "320", "352", "110,0%"],
    ["Familias con educación en salud oral", "900", "612", "68,0%"],
    ["Brigadas de salud rural realizadas", "24", "18", "75,0%"],
    ["Gestantes con control prenatal", "410", "397", "96,8%"],
]


def _captura(relleno=(221, 235, 247), letra=(0, 0, 0)):
    """A spreadsheet screenshot at screen resolution: 1 px grey grid, header on a light blue fill
    (or another fill, with letters of another colour)."""
    from PIL import Image, ImageDraw, ImageFont

    fuente = ImageFont.truetype(str(FUENTES / "DejaVuSans.ttf"), 15)
    negrita = ImageFont.truetype(str(FUENTES / "DejaVuSans-Bold.ttf"), 15)
    anchos, alto_fila = [380, 120, 120, 150], 34
    xs = [0]
    for a in anchos:
        xs.append(xs[-1] + a)
    imagen = Image.new("RGB", (xs[-1] + 1, alto_fila * (len(FILAS) + 1) + 1), "white")
    d = ImageDraw.Draw(imagen)
    d.rectangle((0, 0, xs[-1], alto_fila), fill=relleno)
    for r, fila in enumerate([ENCABEZADO] + FILAS):
        for k, texto in enumerate(fila):
            letra_ = negrita if r == 0 else fuente
            ancho = d.textlength(texto, font=letra_)
            x = xs[k] + 8 if k == 0 else xs[k + 1] - 8 - ancho  # figures to the right, as a spreadsheet does
            d.text((x, r * alto_fila + 9), texto, font=letra_, fill=letra if r == 0 else (0, 0, 0))
    gris = (191, 191, 191)
    for r in range(len(FILAS) + 2):
        d.line((0, r * alto_fila, xs[-1], r * alto_fila), fill=gris, width=1)
    for x in xs:
        d.line((x, 0, x, alto_fila * (len(FILAS) + 1)), fill=gris, width=1)
    return imagen


def _foto():
    """A photograph: mid-tones all over."""
    from PIL import Image

    y, x = np.mgrid[0:300, 0:450]
    pixeles = 90 + 60 * np.sin(x / 23.0) * np.cos(y / 17.0) + np.random.default_rng(7).normal(0, 12, (300, 450))
    return Image.fromarray(np.clip(pixeles, 0, 255).astype(np.uint8)).convert("RGB")


def _informe(destino: Path, captura=None) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(destino), pagesize=letter)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(72, 720, "Alcaldía de Villa del Roble - Secretaría de Salud")
    c.setFont("Helvetica", 11)
    c.drawString(72, 700, "Informe de gestión, vigencia 2023. Tabla 3. Seguimiento a las metas de producto")
    captura = captura or _captura()
    ancho = 460.0
    alto = ancho * captura.height / captura.width
    c.drawImage(ImageReader(captura), 76, 680 - alto, width=ancho, height=alto)
    c.drawString(72, 680 - alto - 20, "Fuente: matriz de seguimiento del plan de acción, Secretaría de Salud.")
    c.drawString(72, 680 - alto - 40, "Las brigadas rurales se reprogramaron por el invierno.")
    c.showPage()
    c.setFont("Helvetica", 11)
    c.drawString(72, 720, "Registro fotográfico de la jornada de vacunación en la vereda El Carmen.")
    c.drawImage(ImageReader(_foto()), 80, 380, width=450, height=300)
    c.showPage()
    c.save()
    return destino


def test_el_cribado_halla_la_captura_y_no_la_foto(tmp_path):
    paginas = cribar(_informe(tmp_path / "informe.pdf"))
    assert [len(p.imagenes) for p in paginas] == [1, 0]
    assert paginas[0].con_tablas and not paginas[0].escaneada
    x0, top, x1, bottom = paginas[0].imagenes[0]
    assert abs(x0 - 76) < 1 and abs(x1 - 536) < 1 and top > 100 and bottom < 400


def test_los_trazos_finos_son_reglas_en_blanco_y_sobre_relleno():
    """A light grey rule on white and a rule across a coloured fill are
    thin dark strokes; the fill itself and its edges are not."""
    gris = np.full((200, 300), 255, dtype=np.uint8)
    gris[40:120, :] = 215  # a header fill
    gris[80:82, :] = 170  # a rule across the fill, smeared over two pixels
    gris[160, :] = 200  # a light grey rule on white
    trazos = ocr._trazos_finos(gris, 300 / 72)
    filas = trazos.mean(axis=1)
    assert filas[80] == 1 and filas[81] == 1 and filas[160] == 1
    assert filas[60] == 0 and filas[100] == 0  # the fill
    assert filas[39] == 0 and filas[40] == 0 and filas[119] == 0  # its edges


@requiere_tesseract
def test_la_tabla_de_la_captura_se_lee_con_ocr(tmp_path, monkeypatch):
    from extractor.castellano.numeros import leer_numero

    monkeypatch.setenv("INFORMES_CACHE", str(tmp_path / "cache"))
    informe = extraer_informe(_informe(tmp_path / "informe.pdf"))
    anio = (date(2023, 1, 1), date(2023, 12, 31))
    leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o for o in informe.observaciones}
    for nombre, meta, logro, avance in FILAS:
        for medida, texto in (("meta", meta), ("ejecutado", logro), ("avance_porcentual", avance)):
            o = leidas.get((nombre, medida, *anio))
            assert o is not None, (nombre, medida, sorted(leidas))
            assert o.valor == leer_numero(texto).valor and o.pagina == 1
            assert o.confianza_ocr is not None  # read from the picture: marked as OCR
    assert all(o.pagina == 1 for o in informe.observaciones)  # the photograph gives nothing


def test_un_relleno_oscuro_se_invierte():
    """A band filled dark with light letters becomes white paper with dark
    letters; the rows outside it stay as they were."""
    gris = np.full((120, 300), 255, dtype=np.uint8)
    gris[10:40, :] = 60  # the header's fill
    gris[20:30, 50:60] = 250  # a white letter's stroke
    gris[80:90, 50:60] = 0  # a black letter below the header
    invertida = np.asarray(ocr._rellenos_invertidos(Image.fromarray(gris)))
    assert (invertida[10:20, :] == 255).all() and invertida[20:30, 50:60].max() < 20
    assert (invertida[40:, :] == gris[40:, :]).all()


@requiere_tesseract
def test_el_encabezado_blanco_sobre_relleno_oscuro_se_lee(tmp_path, monkeypatch):
    """The screenshot's header in white on dark blue: its measures and years are read."""
    monkeypatch.setenv("INFORMES_CACHE", str(tmp_path / "cache"))
    ruta = _informe(tmp_path / "informe.pdf", _captura(relleno=(31, 78, 121), letra=(255, 255, 255)))
    medidas = {(o.indicador, o.medida) for o in extraer_informe(ruta).observaciones}
    for nombre, *_ in FILAS:
        assert {(nombre, "meta"), (nombre, "ejecutado"), (nombre, "avance_porcentual")} <= medidas


def test_sin_tesseract_la_captura_se_informa_y_el_texto_se_lee(tmp_path, monkeypatch):
    monkeypatch.setenv("INFORMES_CACHE", str(tmp_path / "vacia"))
    motivo = "Tesseract no está instalado (en Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-spa)"
    monkeypatch.setattr(ocr, "falta_tesseract", lambda: motivo)
    doc = leer_documento(_informe(tmp_path / "informe.pdf"))
    assert any("Villa del Roble" in b.texto for b in doc.bloques if hasattr(b, "texto"))
    assert [(o.pagina, o.motivo) for o in doc.omisiones] == [
        (1, f"imagen que puede ser una tabla pegada como figura; no se leyó: {motivo}")
    ]
