"""A plan's table whose header is one shaded box without inner rulings,
with two levels ("Programación anual de la meta" over "2024  2025  2026"),
continued on the next page under a header drawn apart from its body
(between two rules, other words: "LB", "Meta 2024") and with a row the page
break cut (its name's first line in the last row of the first page, the next
line under its rule at the foot of the page, the rest of the name and the
figures on the next). Drawn here with
reportlab, line by line."""

from __future__ import annotations

from datetime import date

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfgen import canvas

from extractor import interpretar, leer_documento

XS = [40, 200, 420, 490, 550, 610, 670, 730]  # column edges
ALTO = 22


def _linea_de_celdas(c, y: float, textos: list[str], fuente: str = "Helvetica", tam: float = 8) -> None:
    c.setFont(fuente, tam)
    for k, t in enumerate(textos):
        if t:
            c.drawString(XS[k] + 3, y, t)


def _cuerpo(c, arriba: float, filas: list[list[str]], abierta: bool = False) -> None:
    """Ruled rows; with `abierta`, the last one has no rule under it (the
    page ends it)."""
    for n, fila in enumerate(filas):
        y0, y1 = arriba - n * ALTO, arriba - (n + 1) * ALTO
        c.line(XS[0], y0, XS[-1], y0)
        for x in XS:
            c.line(x, y0, x, y1)
        _linea_de_celdas(c, y0 - 10, fila)
    if not abierta:
        c.line(XS[0], arriba - len(filas) * ALTO, XS[-1], arriba - len(filas) * ALTO)


def _pdf(ruta) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 570, "MUNICIPIO DE CHITAGÁ – PLAN DE DESARROLLO 2024-2027 – PLAN INDICATIVO")
    # page 1: the header, one shaded box with white words on two lines
    c.setFillColor(HexColor("#1F4E5A"))
    c.rect(XS[0], 500, XS[-1] - XS[0], 40, stroke=0, fill=1)
    c.setFillColor(white)
    _linea_de_celdas(c, 526, ["Indicador de producto", "", "Línea", "Meta"], "Helvetica-Bold")
    c.drawCentredString((XS[4] + XS[7]) / 2, 526, "Programación anual de la meta")
    _linea_de_celdas(c, 508, ["", "", "base", "cuatrienio", "2024", "2025", "2026"], "Helvetica-Bold")
    c.drawString(XS[1] + 3, 526, "Unidad de medida")
    c.setFillColor(HexColor("#000000"))
    filas = [
        ["Estudiantes con alimentación escolar", "Número", "6.840", "7.200", "7.000", "7.100", "7.200"],
        ["Sedes educativas rurales mejoradas", "Número", "18", "24", "6", "6", "6"],
        ["Kilómetros de vías terciarias intervenidas", "", "", "", "", "", ""],
    ]
    _cuerpo(c, 500, filas, abierta=True)
    _linea_de_celdas(c, 500 - 2 * ALTO - 19, ["con mantenimiento rutinario"])  # the name's next line, no rule under it
    c.drawString(40, 30, "Plan de Desarrollo Municipal de Chitagá 2024-2027 – página 1")
    c.showPage()
    # page 2: the header between two rules, other words; the cut row's end first
    c.setFont("Helvetica-Bold", 8)
    c.line(XS[0], 560, XS[-1], 560)
    _linea_de_celdas(
        c, 546, ["Indicador de producto", "Unidad", "LB", "Meta", "Meta", "Meta", "Meta"], "Helvetica-Bold"
    )
    _linea_de_celdas(c, 536, ["", "", "", "2024-2027", "2024", "2025", "2026"], "Helvetica-Bold")
    c.line(XS[0], 530, XS[-1], 530)
    filas = [
        ["y periódico", "Kilómetros", "42,5", "120", "30", "30", "30"],
        ["Puentes peatonales rehabilitados", "Número", "2", "4", "1", "1", "1"],
        ["Escuelas deportivas en funcionamiento", "Número", "9", "12", "10", "11", "12"],
    ]
    _cuerpo(c, 522, filas)
    c.setFont("Helvetica", 8)
    c.drawString(40, 30, "Plan de Desarrollo Municipal de Chitagá 2024-2027 – página 2")
    c.showPage()
    c.save()


def test_encabezado_en_una_caja_y_continuacion_con_otro_encabezado(tmp_path):
    ruta = tmp_path / "chitaga_plan_indicativo_2024.pdf"
    _pdf(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {(o.indicador, o.medida, o.periodo_fin): o.valor for o in obs}
    assert leidas[("Estudiantes con alimentación escolar", "meta", date(2025, 12, 31))] == 7100
    assert leidas[("Sedes educativas rurales mejoradas", "meta_cuatrienio", date(2027, 12, 31))] == 24
    assert leidas[("Escuelas deportivas en funcionamiento", "meta", date(2026, 12, 31))] == 12
    vias = "Kilómetros de vías terciarias intervenidas con mantenimiento rutinario y periódico"
    assert leidas[(vias, "linea_base", None)] == 42.5
    assert leidas[(vias, "meta", date(2024, 12, 31))] == 30
    assert len(obs) == 5 * 5
