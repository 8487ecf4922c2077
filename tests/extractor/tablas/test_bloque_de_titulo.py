"""A workbook printed with its gridlines: the sheet's title block (several
one-cell rows from the first column, a blank row) sits inside the grid
above the header; it is the table's title, not its header. A percentage
right-aligned against the rule touches the text of the next cell ("100,0%"
+ "Direccion"): the two are parted at the rule."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402

FILAS = [
    ("3502-01", "Emprendimientos asistidos", "150", "40", "45", "50", "35", "170", "113,3%"),
    ("3502-02", "Ferias comerciales realizadas", "4", "1", "1", "1", "1", "4", "100,0%"),
    ("3502-03", "Guias turisticos certificados", "12", "0", "5", "4", "3", "12", "100,0%"),
]


def test_bloque_de_titulo_dentro_de_la_rejilla(tmp_path):
    ruta = tmp_path / "matriz_impresa_2025.pdf"
    encabezado = [
        "Codigo",
        "Indicador de producto",
        "Meta 2025",
        "Ejecutado T1 2025",
        "Ejecutado T2 2025",
        "Ejecutado T3 2025",
        "Ejecutado T4 2025",
        "Acumulado 2025",
        "% avance 2025",
    ]
    titulos = [
        "ALCALDIA MUNICIPAL DE NEMOCON - SECRETARIA DE DESARROLLO ECONOMICO",
        "MATRIZ DE SEGUIMIENTO AL PLAN DE ACCION - VIGENCIA 2025",
        "Formato SDE-F-014 version 3",
    ]
    datos = (
        [[t] + [""] * 9 for t in titulos]
        + [[""] * 10, encabezado]
        + [[*f, "Direccion de Emprendimiento"] for f in FILAS]
    )
    tabla = Table(datos, colWidths=[50, 150] + [62] * 7 + [70])
    estilo = [("GRID", (0, 0), (-1, -1), 0.4, "black"), ("FONTSIZE", (0, 0), (-1, -1), 6)]
    estilo += [("ALIGN", (8, 0), (8, -1), "RIGHT"), ("RIGHTPADDING", (8, 0), (8, -1), 0)]
    estilo += [("LEFTPADDING", (9, 0), (9, -1), 0)]
    estilo += [("SPAN", (0, r), (5, r)) for r in range(3)]  # each title merged over six of the nine columns
    tabla.setStyle(TableStyle(estilo))
    SimpleDocTemplate(str(ruta), pagesize=landscape(letter)).build([tabla])

    obs = interpretar(leer_documento(ruta)).observaciones
    por = {(o.indicador, o.medida, o.periodo_inicio.month, o.periodo_fin.month): o.valor for o in obs}
    assert por[("Emprendimientos asistidos", "meta", 1, 12)] == 150
    assert por[("Emprendimientos asistidos", "ejecutado", 4, 6)] == 45
    assert por[("Guias turisticos certificados", "acumulado", 1, 12)] == 12
    assert por[("Ferias comerciales realizadas", "avance_porcentual", 1, 12)] == 100
    assert not any("ALCALDIA" in o.indicador or "MATRIZ" in (o.indicador_padre or "") for o in obs)
