"""Header cells broken into lines at staggered heights ("Recurso / Estimado"
beside "Modifica / ciones" and "Dif. entre / Vigente y / Devengado", as a
budget system prints them): each word stays whole. Chaining tops within 3
points made one line of them all, where the letters of two words alternate."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402

XS = [40, 250, 340, 430, 520, 610]
ENCABEZADOS = [  # (lines, offset of the first line): tops 2.5 points apart at most, from cell to cell
    (["Rubro - Descripción"], 8),
    (["Recurso", "Estimado"], 1),
    (["Modifica", "ciones"], 3.5),
    (["Recurso", "Devengado"], 6),
    (["Dif. entre", "Vigente y", "Devengado"], 0),
]
FILAS = [
    ("11.4.01.00 - Fondo de fortalecimiento", "1.842.117.958,38", "870.010.271,33", "2.712.128.229,71", "0,00"),
    ("11.4.03.00 - Fondo de inclusión social", "40.554.586,60", "16.017.418,52", "56.572.005,12", "0,00"),
]


def _informe(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 560, "Municipalidad de Salto - Estado de ejecución presupuestaria de recursos 2024")
    arriba, alto = 540, 34
    c.rect(XS[0], arriba - alto, XS[-1] - XS[0], alto)
    c.setFont("Helvetica", 7)
    for x0, x1, (lineas, desde) in zip(XS, XS[1:], ENCABEZADOS):
        c.line(x1, arriba, x1, arriba - alto)
        for i, linea in enumerate(lineas):
            c.drawCentredString((x0 + x1) / 2, arriba - desde - 8 - i * 8.5, linea)
    y = arriba - alto
    for fila in FILAS:
        for x0, x1, texto in zip(XS, XS[1:], fila):
            c.rect(x0, y - 14, x1 - x0, 14)
            if x0 == XS[0]:
                c.drawString(x0 + 3, y - 10, texto)
            else:
                c.drawRightString(x1 - 3, y - 10, texto)
        y -= 14
    c.save()


def test_palabras_enteras_en_encabezados_escalonados(tmp_path):
    ruta = tmp_path / "salto_ejecucion_recursos_2024.pdf"
    _informe(ruta)
    doc = leer_documento(ruta)
    encabezado = " ".join(" ".join(fila) for fila in doc.tablas[0].textos()[:2]).split()
    for palabra in ("Recurso", "Estimado", "Modificaciones", "Devengado", "Vigente"):
        assert palabra in encabezado
    medidas = {o.medida for o in interpretar(doc).observaciones}
    assert {"recursos_programados", "obligaciones"} <= medidas
