"""Bar charts drawn as vector graphics are read as the tables they show:
one row per group of bars (its label under the baseline), one column per
legend entry, each value the data label over its bar. A chart of a table
of the same page names its rows by the table's full names. The reports are
drawn here with reportlab: a chart with a zero bar that is not drawn, the
axis' ticks, and the table the chart comes from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from extractor import extraer_informe
from extractor.formatos import graficas

AZUL, VERDE = (0.16, 0.38, 0.66), (0.33, 0.62, 0.29)
# full name, label under the bars, programmed, achieved, % of compliance, money spent
FILAS = [
    ("Hectáreas reforestadas con especies nativas en microcuencas", "Hectáreas reforestadas", 60, 48, "80,0 %", 412),
    ("Predios adquiridos para la protección de nacimientos de agua", "Predios adquiridos", 4, 0, "0,0 %", 0),
    ("Familias campesinas con asistencia técnica agropecuaria", "Familias con asistencia", 350, 362, "103,4 %", 288),
    ("Viveros comunitarios fortalecidos en las veredas", "Viveros fortalecidos", 6, 5, "83,3 %", 95),
]


def _informe(destino: Path, con_leyenda: bool = True) -> Path:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(destino), pagesize=letter)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 740, "Municipio de Altamira - Secretaría de Ambiente y Desarrollo Rural")
    c.setFont("Helvetica", 10)
    c.drawString(60, 720, "Gráfico 2. Programado frente a logrado en la vigencia 2022")
    base, escala, ancho = 520.0, 0.3, 26.0
    if con_leyenda:
        for x, color, texto in ((200, AZUL, "Programado 2022"), (320, VERDE, "Logrado 2022")):
            c.setFillColorRGB(*color)
            c.rect(x, 700, 9, 9, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(x + 13, 701, texto)
    c.setFont("Helvetica", 7)
    for tick in (0, 100, 200, 300, 400):  # the axis' scale
        c.drawRightString(92, base + tick * escala - 2, str(tick))
    c.line(96, base, 540, base)
    for k, (_, etiqueta, programado, logrado, *_) in enumerate(FILAS):
        x = 110 + k * 110
        for valor, color, dx in ((programado, AZUL, 0), (logrado, VERDE, ancho + 3)):
            if valor:  # a zero is not drawn, its label is
                c.setFillColorRGB(*color)
                c.rect(x + dx, base, ancho, valor * escala, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.drawCentredString(x + dx + ancho / 2, base + valor * escala + 3, f"{valor:,}".replace(",", "."))
        for j, linea in enumerate(etiqueta.split(" ", 1)):
            c.drawCentredString(x + ancho + 1.5, base - 10 - 8 * j, linea)
    c.setFont("Helvetica", 9)
    c.drawString(60, 480, "Tabla 2. Cumplimiento de las metas de producto")
    filas = [("Indicador de producto", "% cumplimiento 2022", "Recursos 2022")]
    filas += [(f[0], f[4], f"$ {f[5]}.000.000") for f in FILAS]
    y = 465
    for nombre, avance, recursos in filas:
        c.line(60, y + 12, 540, y + 12)
        c.drawString(64, y + 2, nombre)
        c.drawRightString(434, y + 2, avance)
        c.drawRightString(534, y + 2, recursos)
        y -= 16
    c.line(60, y + 12, 540, y + 12)
    for x in (60, 340, 440, 540):
        c.line(x, y + 12, x, 477)
    c.showPage()
    c.save()
    return destino


def test_la_grafica_se_lee_como_tabla_con_los_nombres_de_la_tabla(tmp_path):
    informe = extraer_informe(_informe(tmp_path / "altamira_ambiente_2022.pdf"))
    anio = (date(2022, 1, 1), date(2022, 12, 31))
    leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in informe.observaciones}
    for nombre, _, programado, logrado, avance, millones in FILAS:
        assert leidas.get((nombre, "meta", *anio)) == programado, (nombre, sorted(leidas))
        # "logrado" in the year: what was achieved, read as such or as the year's cumulative figure
        logros = {leidas.get((nombre, medida, *anio)) for medida in ("ejecutado", "acumulado")}
        assert logros - {None} == {logrado}, nombre
        assert leidas.get((nombre, "avance_porcentual", *anio)) == float(avance.split()[0].replace(",", "."))
        assert leidas.get((nombre, "recursos_programados", *anio)) == millones * 1_000_000, nombre
    # the axis' scale and the short labels give nothing
    assert {o.indicador for o in informe.observaciones} == {f[0] for f in FILAS}
    assert len(informe.observaciones) == 4 * len(FILAS)


def test_sin_leyenda_no_hay_tabla_de_la_grafica(tmp_path):
    informe = extraer_informe(_informe(tmp_path / "sin_leyenda.pdf", con_leyenda=False))
    assert {o.medida for o in informe.observaciones} == {"avance_porcentual", "recursos_programados"}


def test_barras_de_anchos_distintos_no_son_una_grafica():
    """The coloured fills of a table's cells stand on one line too, but are
    not as wide as each other."""
    rojo = (200, 40, 40)
    celdas = [graficas.Rectangulo(x, 100, x + w, 120, rojo) for x, w in ((50, 40), (95, 90), (190, 25))]
    cuadro = graficas.Rectangulo(50, 60, 58, 68, rojo)
    palabras = [{"text": "Total", "x0": 61, "x1": 80, "top": 60, "bottom": 68}]
    palabras += [
        {"text": str(v), "x0": x, "x1": x + 10, "top": 90, "bottom": 98} for v, x in ((5, 60), (7, 130), (9, 195))
    ]
    tablas, quedan = graficas.tablas_de_graficas(celdas + [cuadro], palabras, 1)
    assert tablas == [] and quedan == palabras


def test_barras_tumbadas_desde_un_eje_a_la_izquierda(tmp_path):
    """Bars lying from an axis on the left, the category labels left of
    them and the value at each bar's end, the legend under the chart."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    ruta = tmp_path / "horizontal.pdf"
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(60, 740, "Gráfica 3. Programado y logrado 2021 – Secretaría de Infraestructura")
    eje, alto, escala = 200.0, 12.0, 0.25
    c.setStrokeColorRGB(0.8, 0.8, 0.8)
    for k in range(5):  # the axis and the value grid
        c.line(eje + 50 * k, 500, eje + 50 * k, 700)
    filas = [("Vías mejoradas (m)", 800, 640), ("Puentes construidos", 6, 0), ("Alcantarillas instaladas", 120, 135)]
    for k, (nombre, programado, logrado) in enumerate(filas):
        y = 680 - 60 * k
        c.setFont("Helvetica", 8)
        c.drawRightString(eje - 6, y + 2, nombre)
        for valor, color, dy in ((programado, AZUL, 0), (logrado, VERDE, -alto - 2)):
            if valor:
                c.setFillColorRGB(*color)
                c.rect(eje, y + dy - 2, valor * escala, alto, stroke=0, fill=1)
            c.setFillColorRGB(0, 0, 0)
            c.drawString(eje + valor * escala + 3, y + dy + 1, f"{valor:,}".replace(",", "."))
    for x, color, texto in ((220, AZUL, "Programado 2021"), (340, VERDE, "Logrado 2021")):
        c.setFillColorRGB(*color)
        c.rect(x, 470, 9, 9, stroke=0, fill=1)
        c.setFillColorRGB(0, 0, 0)
        c.drawString(x + 13, 471, texto)
    c.showPage()
    c.save()
    from extractor import leer_documento
    from extractor.modelo import Tabla

    tablas = [b for b in leer_documento(ruta).bloques if isinstance(b, Tabla)]
    textos = [t.textos() for t in tablas if t.textos() and "Programado 2021" in t.textos()[0]]
    assert textos == [
        [
            ["", "Programado 2021", "Logrado 2021"],
            ["Vías mejoradas (m)", "800", "640"],
            ["Puentes construidos", "6", "0"],
            ["Alcantarillas instaladas", "120", "135"],
        ]
    ]
