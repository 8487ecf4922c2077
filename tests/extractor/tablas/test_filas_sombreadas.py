"""A table of periods drawn as shaded rows (each cell its own filled box)
with white rows between them and no rulings, under a caption that quotes
the indicator ("Tabla 2. Resultado del indicador «Denuncias resueltas…»"),
with "Acumulado" beside "Ejecutado" whose figures fall once (the report's
slip): one table, the quoted name, the running total kept as such."""

from __future__ import annotations

from datetime import date

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractor import interpretar, leer_documento

XS = [110, 212, 280, 354, 422, 502]
FILAS = [
    ("Enero", "8", "6", "75,0 %", "6"),
    ("Febrero", "10", "11", "110,0 %", "17"),
    ("Marzo", "12", "12", "100,0 %", "29"),
    ("Abril", "12", "9", "75,0 %", "38"),
    ("Mayo", "12", "14", "116,7 %", "52"),
    ("Junio", "10", "10", "100,0 %", "48"),  # falls: the report's own slip
]


def _pdf(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(72, 740, "PERSONERÍA MUNICIPAL DE CALARCÁ – INFORME DE GESTIÓN VIGENCIA 2021")
    c.drawString(72, 700, "Tabla 2. Resultado del indicador «Quejas ciudadanas tramitadas dentro")
    c.drawString(72, 686, "de los términos de ley»")
    alto, y = 13, 660
    for n, fila in enumerate([("Periodo", "Meta", "Ejecutado", "%", "Acumulado"), *FILAS]):
        sombra = "#1F3864" if n == 0 else ("#D9E2F3" if n % 2 else None)
        if sombra:
            c.setFillColor(HexColor(sombra))
            for x0, x1 in zip(XS, XS[1:]):
                c.rect(x0, y - 3, x1 - x0, alto, stroke=0, fill=1)
        c.setFillColor(HexColor("#FFFFFF" if n == 0 else "#000000"))
        c.setFont("Helvetica-Bold" if n == 0 else "Helvetica", 8)
        for x, texto in zip(XS, fila):
            c.drawString(x + 3, y, texto)
        y -= alto
    c.setFillColor(HexColor("#000000"))
    c.setFont("Helvetica-Oblique", 7)
    c.drawString(110, y - 6, "Fuente: Oficina de Atención al Ciudadano – registro de PQRD.")
    c.showPage()
    c.save()


def test_filas_sombreadas_con_filas_blancas_son_una_tabla(tmp_path):
    ruta = tmp_path / "calarca_personeria_2021.pdf"
    _pdf(ruta)
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 1 and doc.tablas[0].n_filas == 7
    obs = interpretar(doc).observaciones
    nombre = "Quejas ciudadanas tramitadas dentro de los términos de ley"
    assert {o.indicador for o in obs} == {nombre}
    acumulados = {o.periodo_fin: o.valor for o in obs if o.medida == "acumulado"}
    assert acumulados[date(2021, 4, 30)] == 38 and acumulados[date(2021, 6, 30)] == 48
    assert {o.periodo_inicio for o in obs if o.medida == "acumulado"} == {date(2021, 1, 1)}
    ejecutados = {o.periodo_fin: o.valor for o in obs if o.medida == "ejecutado"}
    assert ejecutados[date(2021, 5, 31)] == 14
