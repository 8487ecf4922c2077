"""A chart per indicator: the title (the indicator), a line "Cumplimiento
2024: 96,7 %", a "Meta 2024" bar and an "Ejecutado 2024" bar stacked by
semester (each segment labelled inside, the total over the stack, the
legend "■jul–dic" / "■ene–jun" in words to the right), two charts side by
side on one baseline; a semester of zero is not drawn, its "0" stands on
the baseline. A row of boxes that merely hold figures is no chart. The
reports are drawn here with reportlab."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from extractor import extraer_informe  # noqa: E402

VERDE_CLARO, VERDE, OCRE = (0.62, 0.73, 0.64), (0.18, 0.42, 0.23), (0.78, 0.54, 0.17)
ESCALA = 0.2  # points per unit
# title, % of compliance, target, first semester, second semester
GRAFICAS = (
    ("Productores con servicio de extensión agropecuaria", "96,7 %", 420, 180, 226),
    ("Jóvenes rurales formados en emprendimiento", "65,0 %", 80 * 5, 0, 52 * 5),
)


def _grafica(c, x: float, base: float, titulo: str, avance: str, meta: int, primero: int, segundo: int) -> None:
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(x - 40, base + 122, titulo)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(x - 40, base + 108, f"Cumplimiento 2024: {avance}")
    ancho = 50.0
    barras = ((x, [(meta, VERDE_CLARO)], "Meta 2024"), (x + 92, [(primero, VERDE), (segundo, OCRE)], "Ejecutado 2024"))
    for izquierda, segmentos, categoria in barras:
        abajo = base
        for valor, color in segmentos:
            alto = valor * ESCALA
            if valor:
                c.setFillColorRGB(*color)
                c.rect(izquierda, abajo, ancho, alto, stroke=0, fill=1)
                c.setFillColorRGB(1, 1, 1)
                c.setFont("Helvetica", 7)
                c.drawCentredString(izquierda + ancho / 2, abajo + alto / 2 - 2, f"{valor}")
            else:
                c.setFillColorRGB(0, 0, 0)
                c.setFont("Helvetica", 7)
                c.drawCentredString(izquierda + ancho / 2, base + 2, "0")
            abajo += alto
        c.setFillColorRGB(0, 0, 0)
        if len(segmentos) > 1:
            c.setFont("Helvetica-Bold", 8)
            c.drawCentredString(izquierda + ancho / 2, abajo + 4, f"{sum(v for v, _ in segmentos)}")
        c.setFont("Helvetica", 7)
        c.drawCentredString(izquierda + ancho / 2, base - 10, categoria)
    c.setFont("Helvetica", 7)
    c.drawString(x + 150, base + 45, "■jul–dic")
    c.drawString(x + 150, base + 33, "■ene–jun")


def _informe(destino: Path) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(destino), pagesize=letter)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, 740, "Alcaldía de San Lorenzo · Secretaría de Desarrollo Económico · Informe de gestión 2024")
    for k, (titulo, avance, meta, primero, segundo) in enumerate(GRAFICAS):
        _grafica(c, 80 + 280 * k, 420, titulo, avance, meta, primero, segundo)
    # boxes of one height holding figures: no chart
    for k, (rotulo, cifra) in enumerate((("Sedes", "12"), ("Aulas", "12"), ("Docentes", "12"))):
        c.setFillColorRGB(*VERDE_CLARO)
        c.rect(60 + 120 * k, 200, 90, 60, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.drawCentredString(105 + 120 * k, 230, cifra)
        c.drawCentredString(105 + 120 * k, 188, rotulo)
    c.showPage()
    c.save()
    return destino


def test_graficas_de_un_indicador_con_semestres_apilados(tmp_path):
    informe = extraer_informe(_informe(tmp_path / "informe_gestion_2024.pdf"))
    anio, s1, s2 = date(2024, 1, 1), (date(2024, 1, 1), date(2024, 6, 30)), (date(2024, 7, 1), date(2024, 12, 31))
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in informe.observaciones}
    esperadas = set()
    for titulo, avance, meta, primero, segundo in GRAFICAS:
        esperadas |= {
            (titulo, "meta", float(meta), anio, date(2024, 12, 31)),
            (titulo, "ejecutado", float(primero + segundo), anio, date(2024, 12, 31)),
            (titulo, "ejecutado", float(primero), *s1),
            (titulo, "ejecutado", float(segundo), *s2),
            (titulo, "avance_porcentual", float(avance.split()[0].replace(",", ".")), anio, date(2024, 12, 31)),
        }
    assert leidas == esperadas


def test_graficas_de_un_indicador_con_barras_tumbadas(tmp_path):
    """Bars lying from an axis on the left, one chart per indicator under
    its title and "Cumplimiento 2023: x %": the categories left of the axis
    ("Meta 2023", "Logrado 2023"), each value at the end of its bar, bars
    close in length (450 and 412). (A page of fewer than eight drawn shapes
    is not looked at for tables: four charts here.)"""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    graficas = (("Productores con asistencia técnica agropecuaria", 450, 412, "91,6 %"),
                ("Hectáreas de arroz con manejo integrado de plagas", 1200, 1085, "90,4 %"),
                ("Árboles nativos sembrados en cuencas", 5000, 5350, "107,0 %"),
                ("Asociaciones de productores fortalecidas", 6, 5, "83,3 %"))  # fmt: skip
    ruta = tmp_path / "informe_gestion_agropecuario_2023.pdf"
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(60, 750, "Municipio de San Pedro · Informe de gestión vigencia 2023")
    for k, (titulo, meta, logro, avance) in enumerate(graficas):
        arriba = 690 - 165 * k
        c.setFont("Helvetica-Bold", 10)
        c.drawString(40, arriba, titulo)
        c.setFont("Helvetica", 8)
        c.drawString(40, arriba - 12, f"Cumplimiento 2023: {avance}")
        por_unidad = 340 / max(meta, logro)
        for n, (categoria, valor, gris) in enumerate((("Meta 2023", meta, 0.7), ("Logrado 2023", logro, 0.3))):
            y = arriba - 60 - 45 * n
            c.setFillGray(gris)
            c.rect(135, y, valor * por_unidad, 30, stroke=0, fill=1)
            c.setFillGray(0)
            c.drawRightString(128, y + 12, categoria)
            c.drawString(135 + valor * por_unidad + 5, y + 12, f"{valor:,}".replace(",", "."))
    c.showPage()
    c.save()
    # ("Logrado 2023" is what was achieved in the year: the table reader calls it acumulado, over the same year)
    logrado = {"acumulado": "ejecutado"}
    leidas = {(o.indicador, logrado.get(o.medida, o.medida), o.valor) for o in extraer_informe(ruta).observaciones}
    for titulo, meta, logro, avance in graficas:
        assert {
            (titulo, "meta", float(meta)),
            (titulo, "ejecutado", float(logro)),
            (titulo, "avance_porcentual", float(avance.split()[0].replace(",", "."))),
        } <= leidas, (titulo, sorted(leidas))
