"""A ruled header over a body printed without any rulings and without a
frame (rows aligned by white space only), on one page and again on the
next under a copy of the header, as budget-execution systems print their
income reports: each row's name and origin wrap over two lines with the
figures set between them, headings of codes without figures, a heading
printed right under the wrapped name of the row above, and total rows.

The body is one table in the header's columns (not the header with the
first rows glued to it and the rest in a table of its own), continued on
the next page past the report's heading lines repeated above the header,
one row per item, and the observations are exactly the figures of the
value columns. Wording and entity unlike any report the rules were studied on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import A4, landscape  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402

XS = [30, 230, 330, 400, 470, 540, 610, 680, 750]  # x of the header's rulings
ENCABEZADO = [
    ["Concepto de ingreso"],
    ["Origen"],
    ["Recaudo", "estimado"],
    ["Ajustes", "del año"],
    ["Devengado"],
    ["Percibido", "en caja"],
    ["Saldo por", "percibir"],
    ["Variación", "anual"],
]
# (name lines, origin lines, figures or None for a heading, bold)
PAGINAS = [
    [
        (["3.1.00 - Rentas propias"], [], None, True),
        (["3.1.10 - Tasas municipales"], [], None, False),
        (
            ["3.1.10.01 - Derechos de", "cementerio del poblado"],
            ["10 - Propio - libre", "destinación"],
            ["4.250.000,00", "310.500,00", "4.560.500,00", "4.101.220,75", "459.279,25", "-148.779,25"],
            False,
        ),
        (
            ["3.1.10.02 - Licencias de", "construcción urbana"],
            ["10 - Propio - libre", "destinación"],
            ["12.800.400,50", "0,00", "11.935.010,00", "9.870.000,00", "2.065.010,00", "865.390,50"],
            False,
        ),
        (
            ["3.1.10.03 - Ocupación del", "espacio público"],
            ["10 - Propio - libre", "destinación"],
            ["960.000,00", "-60.000,00", "905.300,20", "905.300,20", "0,00", "-5.300,20"],
            False,
        ),
        (["3.1.20 - Multas y sanciones"], [], None, False),  # right under the wrapped name above
        (
            ["3.1.20.01 - Multas de tránsito"],
            ["12 - Propio - afectado"],
            ["7.300.000,00", "1.200.000,00", "8.730.450,00", "6.002.118,40", "2.728.331,60", "-230.450,00"],
            False,
        ),
        (
            ["Total Rentas propias"],
            [],
            ["25.310.400,50", "1.450.500,00", "26.161.210,20", "20.878.639,35", "5.252.620,85", "480.860,85"],
            True,
        ),
    ],
    [
        (["3.2.00 - Transferencias"], [], None, True),
        (
            ["3.2.10.01 - Aporte departamental", "para vías terciarias"],
            ["31 - Departamental -", "afectado"],
            ["55.000.000,00", "5.000.000,00", "60.000.000,00", "42.515.800,00", "17.484.200,00", "0,00"],
            False,
        ),
        (
            ["3.2.10.02 - Cofinanciación de", "acueductos veredales"],
            ["42 - Nacional -", "afectado"],
            ["18.400.000,00", "0,00", "9.200.000,00", "9.200.000,00", "0,00", "9.200.000,00"],
            False,
        ),
        (
            ["Total Transferencias"],
            [],
            ["73.400.000,00", "5.000.000,00", "69.200.000,00", "51.715.800,00", "17.484.200,00", "9.200.000,00"],
            True,
        ),
    ],
]


def _pagina(c, filas) -> None:
    _, alto = landscape(A4)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(230, alto - 40, "EJECUCIÓN DE INGRESOS - MUNICIPIO DE SAN LORENZO DEL MONTE")
    c.setFont("Helvetica", 9)
    c.drawString(330, alto - 55, "Del 01/01/2023 al 31/12/2023")
    c.drawString(XS[0], alto - 90, "Vigencia fiscal: 2023")  # below the running-header band, on every page
    arriba, abajo = alto - 100, alto - 132
    c.setLineWidth(0.6)
    c.setFont("Helvetica-Bold", 7)
    for x0, x1, textos in zip(XS, XS[1:], ENCABEZADO):  # the ruled header: one box per column
        c.rect(x0, abajo, x1 - x0, arriba - abajo)
        for i, texto in enumerate(textos):
            c.drawCentredString((x0 + x1) / 2, arriba - 13 - 9 * i, texto)
    y = abajo - 22
    for nombre, origen, cifras, negrita in filas:  # the body: no rulings at all
        c.setFont("Times-Bold" if negrita else "Times-Roman", 8.5)
        for i, linea in enumerate(nombre):
            c.drawString(XS[0] + 8, y - 10.5 * i, linea)
        c.setFont("Times-Roman", 8.5)
        for i, linea in enumerate(origen):
            c.drawString(XS[1] + 4, y - 10.5 * i, linea)
        if cifras:
            c.setFont("Times-Bold" if negrita else "Times-Roman", 6.5)
            for x1, cifra in zip(XS[3:], cifras):
                c.drawRightString(x1 - 4, y - 2.5, cifra)
        lineas = max(len(nombre), len(origen))
        y -= 10.5 * lineas + (3 if cifras or lineas > 1 else 9)
    c.setFont("Helvetica", 7)
    c.drawString(XS[0], 30, "Filtro: vigencia 2023 - todos los conceptos - desagregado hasta subconcepto")


def _informe(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(A4))
    for filas in PAGINAS:
        _pagina(c, filas)
        c.showPage()
    c.save()


def _numero(texto: str) -> float:
    return float(texto.replace(".", "").replace(",", "."))


def _esperadas() -> set[tuple[str, str, float]]:
    medidas = ["recursos_programados", None, "obligaciones", "recursos_ejecutados", None, None]
    salida = set()
    for filas in PAGINAS:
        for nombre, _, cifras, _ in filas:
            for medida, cifra in zip(medidas, cifras or []):
                if medida:
                    salida.add((" ".join(nombre), medida, _numero(cifra)))
    return salida


@pytest.fixture(scope="module")
def informe_de_ingresos(tmp_path_factory) -> Path:
    ruta = tmp_path_factory.mktemp("ingresos") / "san_lorenzo_ejecucion_ingresos_2023.pdf"
    _informe(ruta)
    return ruta


def test_cuerpo_sin_reglas_es_una_tabla_con_las_columnas_del_encabezado(informe_de_ingresos):
    doc = leer_documento(informe_de_ingresos)
    # one table across both pages: the heading lines repeated above it are kept once
    assert len(doc.tablas) == 1 and doc.tablas[0].paginas == [1, 2]
    assert sum("Vigencia fiscal: 2023" in b.texto for b in doc.textos) == 1
    filas = [[" ".join(t.split()) for t in fila] for tabla in doc.tablas for fila in tabla.textos()]
    assert all(len(f) == len(ENCABEZADO) for f in filas)
    encabezados = [f for f in filas if f[0] == "Concepto de ingreso"]
    assert len(encabezados) == 1 and encabezados[0][2] == "Recaudo estimado"  # nothing of the body glued on
    # one row per item: a wrapped name and origin with the figures between them
    assert [
        "3.1.10.01 - Derechos de cementerio del poblado",
        "10 - Propio - libre destinación",
        "4.250.000,00",
        "310.500,00",
        "4.560.500,00",
        "4.101.220,75",
        "459.279,25",
        "-148.779,25",
    ] in filas
    # a heading printed right under a wrapped name is a row of its own
    assert ["3.1.20 - Multas y sanciones"] + [""] * 7 in filas
    assert not any("Multas y sanciones" in f[0] and "espacio" in f[0] for f in filas)


def test_observaciones_exactas_del_cuerpo_sin_reglas(informe_de_ingresos):
    informe = interpretar(leer_documento(informe_de_ingresos))
    obtenidas = {
        (o.indicador + (f" {o.descripcion}" if o.descripcion else ""), o.medida, o.valor) for o in informe.observaciones
    }
    assert obtenidas == _esperadas()
    assert len(informe.observaciones) == len(_esperadas())
    assert all((o.periodo_inicio.year, o.periodo_fin.year) == (2023, 2023) for o in informe.observaciones)
