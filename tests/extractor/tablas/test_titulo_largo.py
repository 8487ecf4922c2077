"""A numbered caption longer than a short title ("Tabla 27. Plan Plurianual
de Inversiones 2020 – 2023 por sector y programa (en miles de pesos)") is
still the table's title: it says the bare year columns are money and gives
their scale. Made by reportlab, ruled; wording unlike any report studied."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

CAPTION = (
    "Cuadro 12. Plan Plurianual de Inversiones por línea estratégica y programa del cuatrienio,"
    " aprobado mediante Acuerdo 010 de 2024 (cifras en miles de pesos)"
)
FILAS = [
    ("3301", "Promoción y acceso a la cultura", "1.250.400", "1.310.000", "1.402.500", "1.450.000"),
    ("4301", "Fomento del deporte y la recreación", "980.000", "1.005.300", "1.090.000", "1.120.700"),
]


def _plan(ruta: Path, titulo: str) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica", 9)
    c.drawString(
        40, 560, "El plan plurianual proyecta los recursos de inversión del cuatrienio por programa y año, con base"
    )
    c.drawString(40, 548, "en el Marco Fiscal de Mediano Plazo y las proyecciones de transferencias de la Nación.")
    c.drawString(40, 520, titulo)
    xs = [40, 90, 330, 410, 490, 570, 650]
    y = fila_reglada(c, xs, 500, ["Cód.", "Programa", "2024", "2025", "2026", "2027"], 18)
    for fila in FILAS:
        y = fila_reglada(c, xs, y, fila, 18)
    c.save()


def test_un_rotulo_numerado_largo_es_el_titulo_de_la_tabla(tmp_path):
    ruta = tmp_path / "guatavita_plan_plurianual_2024_2027.pdf"
    _plan(ruta, CAPTION)
    obs = interpretar(leer_documento(ruta)).observaciones
    cultura = {o.periodo_inicio.year: (o.medida, o.valor) for o in obs if o.codigo == "3301"}
    assert cultura == {
        2024: ("recursos_programados", 1_250_400_000),
        2025: ("recursos_programados", 1_310_000_000),
        2026: ("recursos_programados", 1_402_500_000),
        2027: ("recursos_programados", 1_450_000_000),
    }


def test_la_prosa_larga_encima_no_es_titulo(tmp_path):
    ruta = tmp_path / "guatavita_plan_sin_rotulo.pdf"
    _plan(ruta, "")
    obs = interpretar(leer_documento(ruta)).observaciones
    assert {o.medida for o in obs if o.codigo == "3301"} != {"recursos_programados"}


INGRESOS = [
    ("1.1.01", "Impuesto predial unificado", "2.400.000", "1.310.500"),
    ("1.1.02", "Impuesto de industria y comercio", "1.150.000", "612.300"),
]


def _ejecucion(ruta: Path, cabeza: list[str], encabezado: list[str]) -> None:
    """Head lines drawn as one text block, then a ruled table."""
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica", 9)
    for i, linea in enumerate(cabeza):
        c.drawString(40, 540 - 11 * i, linea)
    xs = [40, 110, 330, 450, 570]
    y = fila_reglada(c, xs, 480, encabezado, 18)
    for fila in INGRESOS:
        y = fila_reglada(c, xs, y, fila, 18)
    c.save()


def test_un_titulo_sobre_su_subtitulo_da_la_escala(tmp_path):
    ruta = tmp_path / "tocancipa_ingresos_2024.pdf"
    cabeza = [
        "Ejecución presupuestal de ingresos acumulada a 30 de junio de 2024 (cifras en miles de pesos)",
        "Vigencia fiscal 2024 · Presupuesto aprobado por Acuerdo Municipal 014 de 2023 y liquidado por Decreto 201 de 2023",
    ]
    _ejecucion(ruta, cabeza, ["Rubro", "Concepto", "Presupuesto definitivo", "Recaudo acumulado"])
    obs = interpretar(leer_documento(ruta)).observaciones
    predial = sorted(o.valor for o in obs if o.codigo == "1.1.01")
    assert predial == [1_310_500_000, 2_400_000_000]


def test_la_clausula_de_una_norma_no_vuelve_dinero_la_tabla(tmp_path):
    ruta = tmp_path / "tocancipa_balance_plan_2024.pdf"
    cabeza = [
        "Secretaría de Desarrollo Económico · Balance del plan de acción institucional",
        "Vigencia fiscal 2024 · Presupuesto liquidado por Decreto 201 de 2023",
    ]
    _ejecucion(ruta, cabeza, ["Código", "Meta de producto", "Programado", "Ejecutado"])
    obs = interpretar(leer_documento(ruta)).observaciones
    assert {o.medida for o in obs if o.codigo == "1.1.01"} == {"meta", "ejecutado"}
