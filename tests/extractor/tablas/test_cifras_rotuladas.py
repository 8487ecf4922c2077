"""A workbook of a development plan's follow-up whose result cell holds
the result and the target together, each after its word ("Logrado 7 /
meta 8"), and whose head declares the year followed ("Vigencia 2025
(información a 31 de diciembre)") under the plan's term. Made by openpyxl;
wording unlike any report studied."""

from __future__ import annotations

from datetime import date

import pytest

openpyxl = pytest.importorskip("openpyxl")

from extractor import interpretar, leer_documento  # noqa: E402

FILAS = [
    ("Bibliotecas públicas con programación cultural", "Número", 4, "Ejecutado 3; programado 4"),
    ("Niños en procesos de formación musical", "Niños", 800, "Ejecutado 845; programado 800"),
    ("Murales comunitarios pintados", "Número", 12, "Ejecutado N.D.; programado 3"),
]


def _libro(ruta) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Seguimiento 2025"
    ws.append(["MUNICIPIO DE SUESCA - CUNDINAMARCA"])
    ws.append(["Plan de Desarrollo Municipal 2024-2027 · Secretaría de Cultura"])
    ws.append(["Vigencia 2025 (información a 31 de diciembre)"])
    ws.append([])
    ws.append(["Indicador de producto", "Unidad", "Meta del cuatrienio", "Resultado del año"])
    for fila in FILAS:
        ws.append(list(fila))
    wb.save(ruta)


def test_cada_cifra_de_la_celda_con_su_medida_y_el_anio_declarado(tmp_path):
    ruta = tmp_path / "suesca_cultura_seguimiento_2025.xlsx"
    _libro(ruta)
    informe = interpretar(leer_documento(ruta))
    cifras = {(o.indicador, o.medida): (o.valor, o.periodo_inicio, o.periodo_fin) for o in informe.observaciones}
    anio = (date(2025, 1, 1), date(2025, 12, 31))
    assert cifras[("Niños en procesos de formación musical", "ejecutado")] == (845, *anio)
    assert cifras[("Niños en procesos de formación musical", "meta")] == (800, *anio)
    assert cifras[("Murales comunitarios pintados", "meta")] == (3, *anio)
    assert ("Murales comunitarios pintados", "ejecutado") not in cifras
    cuatrienio = cifras[("Bibliotecas públicas con programación cultural", "meta_cuatrienio")]
    assert cuatrienio == (4, date(2024, 1, 1), date(2027, 12, 31))


ABAJO = "Convenciones: P = programado para la vigencia 2023; E = ejecutado a 31 de diciembre; s.i. = sin información."
ARRIBA = "Nota de lectura: P = meta anual; E = logro a 31 de diciembre. El % es E / P."


@pytest.mark.parametrize(
    "arriba, celdas, abajo",
    [("", ("P: 420 — E: 436", "P: 6 — E: s.i."), ABAJO), (ARRIBA, ("P 420 · E 436", "P 6 · E s.i."), "")],
)
def test_rotulos_de_una_letra_que_define_la_leyenda(tmp_path, arriba, celdas, abajo):
    """ "P: 420 — E: 436" means nothing alone: the report's legend (below
    the table, or a note above its header) says "P = programado; E = ejecutado"."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["MUNICIPIO DE SUESCA - Secretaría de Salud · Avance de metas de producto – año 2023"])
    ws.append([arriba])
    ws.append([])
    ws.append(["Indicador de producto", "Unidad", "Vigencia 2023 (P / E)"])
    ws.append(["Personas con tamizaje visual", "Personas", celdas[0]])
    ws.append(["Jornadas de vacunación canina", "Jornadas", celdas[1]])
    ws.append([])
    ws.append([abajo])
    ruta = tmp_path / "suesca_salud_2023.xlsx"
    wb.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    cifras = sorted((o.indicador, o.medida, o.valor) for o in obs)
    assert cifras == [
        ("Jornadas de vacunación canina", "meta", 6),
        ("Personas con tamizaje visual", "ejecutado", 436),
        ("Personas con tamizaje visual", "meta", 420),
    ]
