"""Header cells whose text is turned a quarter turn left (Word's "rotate
text up", common in wide follow-up matrices) read bottom to top: the
header says "Ejecutado 2025", not "5202 odatucejE". PDFs drawn with reportlab."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

import pdfplumber  # noqa: E402
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from extractor.formatos.pdf import _palabras  # noqa: E402

FILAS = [
    ("Niños atendidos en CDI", "480", "472", "98,3 %"),
    ("Kits nutricionales entregados", "1.500", "1.260", "84,0 %"),
]
GIRADOS = ["Programado 2025", "Ejecutado 2025", "% cumplimiento 2025"]


def _matriz_con_encabezado_girado(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, 740, "Matriz de seguimiento al plan indicativo – vigencia 2025")
    xs = [60, 260, 320, 380, 440]
    arriba, abajo = 720, 640
    c.setLineWidth(0.5)
    for x in xs:
        c.line(x, arriba, x, abajo - 18 * len(FILAS))
    for y in [arriba, abajo] + [abajo - 18 * (k + 1) for k in range(len(FILAS))]:
        c.line(xs[0], y, xs[-1], y)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(64, abajo + 8, "Indicador de producto")
    for x, texto in zip(xs[1:], GIRADOS):
        c.saveState()
        c.translate(x + 34, abajo + 6)
        c.rotate(90)  # reads bottom to top
        c.drawString(0, 0, texto)
        c.restoreState()
    c.setFont("Helvetica", 8)
    for k, fila in enumerate(FILAS):
        y = abajo - 18 * (k + 1) + 6
        c.drawString(64, y, fila[0])
        for x, texto in zip(xs[2:], fila[1:]):
            c.drawRightString(x - 4, y, texto)
    c.save()


def test_encabezado_girado_se_lee_de_abajo_arriba(tmp_path):
    ruta = tmp_path / "matriz_plan_indicativo_2025.pdf"
    _matriz_con_encabezado_girado(ruta)
    por = {(o.indicador, o.medida): o.valor for o in interpretar(leer_documento(ruta)).observaciones}
    assert por[("Niños atendidos en CDI", "meta")] == 480
    assert por[("Kits nutricionales entregados", "ejecutado")] == 1260
    assert por[("Kits nutricionales entregados", "avance_porcentual")] == 84
    # pdfplumber's own pass (for the pages pdfium does not read) reads them the same way
    with pdfplumber.open(ruta) as pdf:
        textos = [w["text"] for w in _palabras(pdf.pages[0])]
    assert all(t in textos for t in GIRADOS)
