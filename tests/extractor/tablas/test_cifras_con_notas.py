"""Values written with what a reader adds beside them: a note in
parentheses ("12 km (tramo 2)", "17 (invierno)"), the amount's own scale
word ("$ 45,5 millones"), and a total row that names its span ("Total a 30
de abril"). Made by reportlab and openpyxl; wording unlike any report studied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

FILAS = [
    ("Vías rurales mejoradas", "km", "12 km (tramo 2)", "10,5 km", "$ 1.210 millones"),
    ("Atenciones de emergencia", "Atenciones", "20", "17 (invierno)", "$ 45,5 millones"),
    ("Andenes construidos", "m²", "3.800 m²", "2.470 m² (fase 1)", "$ 845.750.000"),
]


def test_notas_y_escala_propia_de_cada_cifra(tmp_path):
    ruta = tmp_path / "sesquile_infraestructura_2025.pdf"
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica", 9)
    c.drawString(40, 560, "Municipio de Sesquilé - Secretaría de Obras. Avance de metas, vigencia 2025")
    xs = [40, 220, 300, 400, 500, 640]
    y = fila_reglada(c, xs, 520, ["Indicador", "Unidad", "Meta 2025", "Avance 2025", "Recursos ejecutados"], 18)
    for fila in FILAS:
        y = fila_reglada(c, xs, y, fila, 18)
    c.save()
    obs = interpretar(leer_documento(ruta)).observaciones
    cifras = {(o.indicador, o.medida): o.valor for o in obs}
    assert cifras[("Vías rurales mejoradas", "meta")] == 12
    assert cifras[("Atenciones de emergencia", "ejecutado")] == 17
    assert cifras[("Andenes construidos", "ejecutado")] == 2470
    dinero = {o.indicador: (o.valor, o.escala) for o in obs if o.medida == "recursos_ejecutados"}
    assert dinero == {
        "Vías rurales mejoradas": (1_210_000_000, "millones"),
        "Atenciones de emergencia": (45_500_000, "millones"),
        "Andenes construidos": (845_750_000, None),
    }


@pytest.mark.parametrize("rotulo", ["Total a 30 de abril", "Acumulado a 30 de abril"])
def test_el_total_que_nombra_su_tramo(tmp_path, rotulo):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Seguimiento mensual - vigencia 2022 · corte 30 de abril"])
    ws.append(["INDICADOR: Familias con mercados solidarios"])
    ws.append([])
    ws.append(["Mes", "Programado", "Realizado"])
    for mes, p, r in [("Enero", 40, 38), ("Febrero", 40, 41), ("Marzo", 50, 50), ("Abril", 50, 47)]:
        ws.append([mes, p, r])
    for mes in ("Mayo", "Junio", "Julio"):
        ws.append([mes, None, None])
    ws.append([rotulo, 180, 176])
    ruta = Path(tmp_path) / "mercados_solidarios_2022.xlsx"
    wb.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    total = [(o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in obs if o.valor in (180, 176)]
    assert {(m, v) for m, v, *_ in total} <= {("meta", 180), ("ejecutado", 176), ("acumulado", 176)}
    assert {(i, f) for *_, i, f in total} == {(date(2022, 1, 1), date(2022, 4, 30))}
