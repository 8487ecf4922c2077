"""Dashboards, annual investment plans and plan exports as offices keep them
in workbooks: a year over roman-numbered parts of it ("EJECUCIÓN 2023" over
I | II | III | IV) with the cut date of a "Tablero de control" title, funding
sources written bare ("SGP", "Cofinanciación") under a group header, and a
"Programa" column beside the indicator of a plan export. Every workbook is
built here with openpyxl."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from extractor import extraer_informe
from tests.conftest import observaciones_con as _obs, una_observacion as _uno


def _tablero(tmp_path: Path, subencabezados: list[str], subtitulo: str = "") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Tablero"
    ws.append(["GOBERNACIÓN DE BOYACÁ"])
    ws.append(["Secretaría de Cultura y Patrimonio"])
    ws.append(["Tablero de control de metas del Plan de Desarrollo 2020-2023 · Corte: 30 de septiembre de 2023"])
    ws.append([subtitulo or None])
    n = len(subencabezados)
    ws.append(
        ["Código", "Meta de producto", "Meta 2022", "AVANCE 2022"]
        + [None] * (n - 1)
        + ["Meta 2023", "AVANCE 2023"]
        + [None] * (n - 2)
        + ["Acumulado 2023", "Estado"]
    )
    ws.append([None, None, None] + subencabezados + [None] + subencabezados[:-1] + [None, None])
    ws.merge_cells(start_row=5, start_column=4, end_row=5, end_column=3 + n)
    ws.merge_cells(start_row=5, start_column=5 + n, end_row=5, end_column=3 + 2 * n)
    for col in (1, 2, 3, 4 + n, 4 + 2 * n, 5 + 2 * n):
        ws.merge_cells(start_row=5, start_column=col, end_row=6, end_column=col)
    ws.append(
        ["CU-1", "Festivales culturales apoyados", 8]
        + [1, 2, 3, 2][:n]
        + [10]
        + [2, 4, 1][: n - 1]
        + [sum([2, 4, 1][: n - 1]), "Amarillo"]
    )
    ws.append(
        ["CU-2", "Bibliotecas dotadas", 4]
        + [0, 1, 1, 2][:n]
        + [6]
        + [1, 0, 2][: n - 1]
        + [sum([1, 0, 2][: n - 1]), "Rojo"]
    )
    ruta = tmp_path / "tablero_cultura.xlsx"
    wb.save(ruta)
    return ruta


def test_anio_sobre_romanos_son_trimestres_y_el_corte_del_tablero(tmp_path):
    """I..IV under a year are its quarters; the dashboard's cut date cuts
    the figures of the running year, not its target."""
    informe = extraer_informe(_tablero(tmp_path, ["I", "II", "III", "IV"]))
    assert informe.metadatos.fecha_corte == date(2023, 9, 30)
    festivales = dict(indicador="Festivales culturales apoyados")
    for n, (inicio, fin, valor) in enumerate(
        [((1, 1), (3, 31), 1), ((4, 1), (6, 30), 2), ((7, 1), (9, 30), 3), ((10, 1), (12, 31), 2)]
    ):
        o = _uno(informe, **festivales, medida="ejecutado", periodo_inicio=date(2022, *inicio))
        assert (o.periodo_fin, o.valor) == (date(2022, *fin), valor), n
    assert _uno(informe, **festivales, medida="ejecutado", periodo_inicio=date(2023, 7, 1)).valor == 1
    assert _uno(informe, **festivales, medida="acumulado").periodo_fin == date(2023, 9, 30)
    assert _uno(informe, **festivales, medida="meta", valor=10).periodo_fin == date(2023, 12, 31)
    assert not _obs(informe, medida="ejecutado", periodo_inicio=date(2022, 1, 1), periodo_fin=date(2022, 12, 31))


def test_romanos_hasta_ii_son_semestres_salvo_que_el_titulo_diga_trimestre(tmp_path):
    informe = extraer_informe(_tablero(tmp_path, ["I", "II"]))
    o = _uno(informe, indicador="Bibliotecas dotadas", medida="ejecutado", valor=1, periodo_inicio=date(2022, 7, 1))
    assert o.periodo_fin == date(2022, 12, 31)  # "II" of two parts: the second semester
    informe = extraer_informe(_tablero(tmp_path, ["I", "II"], "Seguimiento trimestral"))
    o = _uno(informe, indicador="Bibliotecas dotadas", medida="ejecutado", valor=1, periodo_inicio=date(2022, 4, 1))
    assert o.periodo_fin == date(2022, 6, 30)


def test_fuentes_sin_calificar_en_un_plan_operativo_anual(tmp_path):
    """ "SGP" and "Cofinanciación" alone, under "FUENTES DE FINANCIACIÓN",
    are money columns like "Recursos propios"; a POAI plans one fiscal year."""
    wb = Workbook()
    ws = wb.active
    ws.append(["MUNICIPIO DE LORICA"])
    ws.append(["PLAN OPERATIVO ANUAL DE INVERSIONES VIGENCIA FISCAL 2026"])
    ws.append([])
    ws.append([None, None, "FUENTES DE FINANCIACIÓN", None, None, None])
    ws.append(["BPIN", "Proyecto", "SGP", "Recursos propios", "Cofinanciación", "Total"])
    ws.merge_cells("C4:E4")
    ws.append(["2025231890001", "Dotación de puestos de salud rurales", 412000000, 88000000, 150000000, 650000000])
    ws.append(["2025231890002", "Mantenimiento del parque principal", 0, 97500000, 0, 97500000])
    ruta = tmp_path / "lorica_poai.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    salud = dict(indicador="Dotación de puestos de salud rurales", medida="recursos_programados")
    assert {o.valor for o in _obs(informe, **salud)} >= {412000000, 88000000, 150000000}
    sgp = _uno(informe, **salud, valor=412000000)
    assert (sgp.periodo_inicio, sgp.periodo_fin) == (date(2026, 1, 1), date(2026, 12, 31))
    assert informe.metadatos.vigencia == 2026


def test_columna_programa_no_es_una_meta(tmp_path):
    """A plan export's "Programa" column ("1905 Salud pública") is the
    row's programme: its code is no target."""
    wb = Workbook()
    ws = wb.active
    ws.append(["Plan indicativo – Municipio de Guasca – corte 31/12/2022"])
    ws.append(
        [
            "Sector",
            "Programa",
            "Indicador de producto",
            "Línea base",
            "Meta del cuatrienio",
            "Programado 2022",
            "Ejecutado 2022",
        ]
    )
    ws.append(["Salud", "1905 Salud pública", "Jornadas de vacunación realizadas", 4, 16, 4, 5])
    ws.append(["Deporte", "4301 Fomento a la recreación", "Escuelas deportivas apoyadas", 2, 6, 3, 3])
    ruta = tmp_path / "guasca_plan_indicativo.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert not _obs(informe, valor=1905) and not _obs(informe, valor=4301)
    assert _uno(informe, indicador="Jornadas de vacunación realizadas", medida="ejecutado").valor == 5
