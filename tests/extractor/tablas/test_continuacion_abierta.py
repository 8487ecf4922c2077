"""A ruled plan table over two pages, as a word processor prints it when a
row does not fit: the last row of page 1 is left open (its vertical rules
run to the page's foot, no rule under it) with the code and the start of
the name; page 2 prints the header again in other words, as plain text
between two rules, and the rest of the name with every figure in a first
row without a code. Made by reportlab; wording unlike any report studied."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from extractor.modelo import Tabla  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

XS = [40, 110, 330, 400, 470, 540]
FILAS = [
    ("330501100", "Bibliotecas veredales dotadas", "Número", "6", "5"),
    ("330502300", "Escuelas de formación artística activas", "Número", "12", "12"),
    ("330504000", "Eventos culturales con enfoque étnico", "Número", "20", "17"),
]
CORTADA = ("330505200", ["Gestores culturales formados en", "patrimonio inmaterial"], "Número", "45", "39")


def _abierta(c, y: float, textos: list[tuple[float, str]], alto: float) -> None:
    """A row whose vertical rules go down `alto` points with no rule under them."""
    for x in XS:
        c.line(x, y, x, y - alto)
    for x, texto in textos:
        c.drawString(x, y - 12, texto)


def _documento(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica", 8)
    y = fila_reglada(c, XS, 700, ["Código", "Producto", "Unidad", "Meta 2024", "Logro 2024"], 20)
    for fila in FILAS:
        y = fila_reglada(c, XS, y, fila, 24)
    _abierta(c, y, [(XS[0] + 3, CORTADA[0]), (XS[1] + 3, CORTADA[1][0])], y - 40)
    c.showPage()
    c.setFont("Helvetica-Oblique", 8)
    c.line(XS[0], 745, XS[-1], 745)
    for x, texto in zip(XS, ["Cód.", "Producto (cont.)", "Und.", "Meta", "Logro"]):
        c.drawString(x + 3, 739, texto)
    for x in XS[3:5]:  # a second header line under two columns only
        c.drawString(x + 3, 730, "vigencia")
    c.setFont("Helvetica", 8)
    y = fila_reglada(c, XS, 726, ["", CORTADA[1][1], *CORTADA[2:]], 24)
    fila_reglada(c, XS, y, ("330506100", "Salas de música dotadas", "Número", "3", "2"), 24)
    c.showPage()
    c.save()


def test_the_open_row_and_its_continuation_are_one_row_of_one_table(tmp_path):
    ruta = tmp_path / "cultura_plan_accion_2024.pdf"
    _documento(ruta)
    tablas = [b for b in leer_documento(ruta).bloques if isinstance(b, Tabla)]
    assert len(tablas) == 1 and tablas[0].paginas == [1, 2]
    obs = interpretar(leer_documento(ruta)).observaciones
    cortada = [o for o in obs if o.indicador == " ".join(CORTADA[1])]
    assert sorted((o.medida, o.valor, o.pagina) for o in cortada) == [("ejecutado", 39, 2), ("meta", 45, 2)]
    assert {o.indicador for o in obs if o.medida == "meta"} == {
        *(f[1] for f in FILAS),
        " ".join(CORTADA[1]),
        "Salas de música dotadas",
    }
    # the header in other words is not a row of the table
    assert not [o for o in obs if "Cód" in o.indicador or "Producto" in o.indicador]


def _rejilla(filas: int, abierta: bool) -> dict:
    """Explicit table settings of a grid drawn cell by cell (each cell's
    four sides its own segments, as Word and many exporters draw them), the
    first column one cell merged over every row; `abierta`: the last row
    without its bottom sides."""
    from extractor.formatos.cajas import borde as _borde

    xs, alto = [40, 100, 300, 380], 20
    verticales = [_borde(xs[0], 100, xs[0], 100 + alto * filas), _borde(xs[1], 100, xs[1], 100 + alto * filas)]
    horizontales = [_borde(xs[0], 100, xs[1], 100)]
    for r in range(filas):
        arriba, abajo = 100 + alto * r, 100 + alto * (r + 1)
        for x0, x1 in zip(xs[1:], xs[2:]):
            verticales += [_borde(x0, arriba, x0, abajo), _borde(x1, arriba, x1, abajo)]
            horizontales.append(_borde(x0, arriba, x1, arriba))
            if not (abierta and r == filas - 1):
                horizontales.append(_borde(x0, abajo, x1, abajo))
    if not abierta:
        horizontales.append(_borde(xs[0], 100 + alto * filas, xs[1], 100 + alto * filas))
    return {
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": verticales,
        "explicit_horizontal_lines": horizontales,
    }


def test_only_a_grid_left_open_at_its_foot_gets_a_closing_rule():
    from extractor.formatos.rejillas import con_filas_abiertas

    palabras = [{"text": "Bibliotecas", "x0": 104, "x1": 150, "top": 146, "bottom": 154}]
    cerrada = _rejilla(3, abierta=False)
    assert con_filas_abiertas(cerrada, None, palabras) is cerrada  # closed cell by cell: nothing added
    abierta = _rejilla(3, abierta=True)
    cierres = con_filas_abiertas(abierta, None, palabras)["explicit_horizontal_lines"][
        len(abierta["explicit_horizontal_lines"]) :
    ]
    assert [(c["x0"], c["top"], c["x1"]) for c in cierres] == [(40, 160, 380)]


def test_two_text_cells_going_on_at_the_top_of_the_next_page(tmp_path):
    """The page break cuts a row whose target and indicator both wrap: the
    first row of page 2 carries the rest of both, nothing else."""
    ruta = tmp_path / "sahagun_salud_2018.pdf"
    xs = [40, 70, 230, 390, 450, 510]
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica", 8)
    cabecera = ["N.", "Meta de producto", "Indicador de producto", "Meta 2018", "Ejecutado"]
    y = fila_reglada(c, xs, 700, cabecera, 20)
    y = fila_reglada(c, xs, y, ["1", "Vacunar a la población infantil", "Niños vacunados", "900", "870"], 20)
    fila_reglada(c, xs, y, ["2", "Desarrollar jornadas de control en", "Jornadas de control vectorial", "6", "6"], 20)
    c.showPage()
    c.setFont("Helvetica", 8)
    y = fila_reglada(c, xs, 740, cabecera, 20)
    y = fila_reglada(c, xs, y, ["", "barrios y corregimientos", "(dengue y zika) realizadas", "", ""], 20)
    fila_reglada(c, xs, y, ["3", "Inspeccionar establecimientos", "Visitas realizadas", "120", "131"], 20)
    c.showPage()
    c.save()
    obs = interpretar(leer_documento(ruta)).observaciones
    assert {o.indicador for o in obs if o.medida == "meta"} == {
        "Niños vacunados",
        "Jornadas de control vectorial (dengue y zika) realizadas",
        "Visitas realizadas",
    }
