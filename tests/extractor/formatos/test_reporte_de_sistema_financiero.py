"""A budget execution exported by a financial system to PDF: the header
drawn as a frame of its own whose column rules are a few points off the
body's (extractor/formatos/rejilla_desplazada.py), and only the group rows
ruled, the detail rows under them lines of text in the same boxes, a long
name wrapping onto a second line (extractor/formatos/filas_sin_regla.py)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import landscape, legal
from reportlab.pdfgen import canvas

from extractor import extraer_informe
from extractor.leer import leer_documento
from extractor.modelo import Tabla

# body column rules; the header's are each a few points off, both ways
CUERPO = [30, 130, 320, 400, 480, 560, 640, 700]
ENCABEZADO = [30, 116, 309, 391, 488, 552, 646, 700]
TITULOS = [
    ["CÓDIGO"],
    ["NOMBRE DEL RUBRO"],
    ["APROPIACIÓN", "DEFINITIVA"],
    ["COMPROMISOS"],
    ["OBLIGACIONES"],
    ["PAGOS"],
    ["% EJEC."],
]
# (code, name lines, figures, bold: a group row ruled under it)
RUBROS = [
    (
        "2.1.2",
        ["ADQUISICIÓN DE BIENES Y SERVICIOS"],
        ["1'308.250.000,00", "1'263.821.464,25", "1'125.169.810,76", "991'004.262,25", "96,60"],
        True,
    ),
    (
        "2.1.2.02.01.003",
        ["Otros bienes transportables (excepto productos", "metálicos, maquinaria y equipo)"],
        ["108'500.000,00", "97'578.905,00", "86'294.303,55", "75'938.987,12", "89,93"],
        False,
    ),
    (
        "2.1.2.02.01.004",
        ["Productos metálicos y paquetes de software"],
        ["28'500.000,00", "23'006.273,00", "17'005.332,05", "17'005.332,05", "80,72"],
        False,
    ),
    (
        "2.1.2.02.02.006",
        ["Servicios de alojamiento y suministro de comidas"],
        ["160'800.000,00", "160'800.000,00", "143'745.698,01", "129'371.128,21", "100,00"],
        False,
    ),
    ("2.1.3", ["TRANSFERENCIAS CORRIENTES"], ["45'000.000,00", "45'000.000,00", "0,00", "0,00", "100,00"], True),
]
PASO = 10.0  # points between lines of the body


def _reporte(ruta: Path, encabezado: list[float]) -> Path:
    c = canvas.Canvas(str(ruta), pagesize=landscape(legal))
    alto = landscape(legal)[1]
    c.setFont("Helvetica-Bold", 11)
    c.drawString(30, alto - 40, "E.S.E. HOSPITAL SAN RAFAEL DE TESTLANDIA")
    c.setFont("Helvetica", 8)
    c.drawString(30, alto - 54, "EJECUCIÓN PRESUPUESTAL DE GASTOS ACUMULADA - Vigencia fiscal 2023 - Cifras en pesos")
    # the header: a frame of its own, two lines of titles
    arriba, abajo = alto - 70, alto - 95
    c.setLineWidth(0.6)
    c.rect(encabezado[0], abajo, encabezado[-1] - encabezado[0], arriba - abajo)
    for x in encabezado[1:-1]:
        c.line(x, arriba, x, abajo)
    c.setFont("Helvetica-Bold", 6.5)
    for x0, x1, titulo in zip(encabezado, encabezado[1:], TITULOS):
        for k, linea in enumerate(titulo):
            c.drawCentredString((x0 + x1) / 2, arriba - 10 - 8 * k, linea)
    # the body: its own frame and column rules; a rule under each group row only
    y = abajo - 1
    tope = y
    c.setLineWidth(0.3)
    for codigo, nombre, cifras, grupo in RUBROS:
        fuente = "Helvetica-Bold" if grupo else "Helvetica"
        c.setFont(fuente, 6.5)
        c.drawString(CUERPO[0] + 2, y - 7.5, codigo)
        for k, linea in enumerate(nombre):
            c.drawString(CUERPO[1] + 2, y - 7.5 - PASO * k, linea)
        for x1, cifra in zip(CUERPO[3:], cifras):
            c.drawRightString(x1 - 2, y - 7.5, cifra)
        y -= PASO * len(nombre)
        if grupo:
            c.line(CUERPO[0], y, CUERPO[-1], y)
    c.rect(CUERPO[0], y, CUERPO[-1] - CUERPO[0], tope - y)
    for x in CUERPO[1:-1]:
        c.line(x, tope, x, y)
    c.save()
    return ruta


def _tabla(ruta: Path) -> Tabla:
    (tabla,) = [b for b in leer_documento(ruta).bloques if isinstance(b, Tabla)]
    return tabla


def test_el_encabezado_en_su_propia_rejilla_toma_las_columnas_del_cuerpo(tmp_path):
    tabla = _tabla(_reporte(tmp_path / "ejecucion.pdf", ENCABEZADO))
    assert tabla.n_columnas == len(CUERPO) - 1
    textos = tabla.textos()
    assert [" ".join(t.split()) for t in textos[0]] == [" ".join(t) for t in TITULOS]
    fila = next(f for f in textos if f[0] == "2.1.2.02.01.004")
    assert fila[1:] == ["Productos metálicos y paquetes de software", *RUBROS[2][2]]


def test_las_filas_de_detalle_sin_regla_son_filas_y_el_nombre_partido_queda_en_la_suya(tmp_path):
    tabla = _tabla(_reporte(tmp_path / "ejecucion.pdf", CUERPO))
    filas = {f[0]: f for f in tabla.textos() if f[0].startswith("2.")}
    assert list(filas) == [codigo for codigo, *_ in RUBROS]
    for codigo, nombre, cifras, _ in RUBROS:
        assert " ".join(filas[codigo][1].split()) == " ".join(nombre)
        assert filas[codigo][2:] == cifras


def test_cada_rubro_de_detalle_da_su_cadena_presupuestal(tmp_path):
    informe = extraer_informe(_reporte(tmp_path / "ejecucion.pdf", ENCABEZADO))
    valores = {(o.indicador, o.medida): o.valor for o in informe.observaciones}
    otros = "Otros bienes transportables (excepto productos metálicos, maquinaria y equipo)"
    assert valores[(otros, "apropiacion_definitiva")] == 108_500_000
    assert valores[(otros, "pagos")] == 75_938_987.12
    assert valores[("Productos metálicos y paquetes de software", "compromisos")] == 23_006_273


def test_una_cifra_partida_por_el_ancho_de_la_celda_no_parte_la_fila(tmp_path):
    """ "68.50" / "0" in a narrow cell, "Númer" / "o" beside it, the name in
    two lines: one row whose figures wrapped, not two rows."""
    ruta = tmp_path / "angosta.pdf"
    c = canvas.Canvas(str(ruta))
    xs = [40, 200, 232, 268, 304]
    filas = [
        (["Indicador", "Unidad", "Meta", "Logro"], []),
        (["Programa 1906 Aseguramiento:", "Númer", "68.50", "67.91"], ["Personas afiliadas", "o", "0", "2"]),
    ]
    c.setFont("Helvetica", 8)
    y = 700
    for primera, segunda in filas:
        c.rect(xs[0], y - 24, xs[-1] - xs[0], 24)
        for x in xs[1:-1]:
            c.line(x, y, x, y - 24)
        for x, texto in zip(xs, primera):
            c.drawString(x + 2, y - 9, texto)
        for x, texto in zip(xs, segunda):
            c.drawString(x + 2, y - 19, texto)
        y -= 24
    c.save()
    tabla = _tabla(ruta)
    assert tabla.n_filas == 2
    assert tabla.textos()[1][2] in ("68.500", "68.50\n0")
