"""A workbook whose indicators each have their quarters in rows grouped
under them and collapsed (Excel's outline: the [+] in the margin): the
quarter rows are read, each as the indicator's figures for its quarter; a
row hidden without an outline stays unread (and reported)."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from extractor import extraer_informe


def test_trimestres_agrupados_bajo_su_indicador(tmp_path):
    ruta = tmp_path / "acueducto_guaduas_gestion_2019.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Indicadores 2019"
    ws.append(["EMPRESA DE SERVICIOS PÚBLICOS DE GUADUAS – INFORME DE GESTIÓN 2019"])
    ws.append([])
    ws.append(["Cód.", "Indicador", "Meta 2019", "Resultado 2019"])
    filas = [
        ("AC-02", "Continuidad del servicio de acueducto", 20, 20.4),
        (None, "Trimestre I (ene–mar)", 20, 19.6),
        (None, "Trimestre II (abr–jun)", 20, 20.8),
        ("AC-04", "Micromedidores instalados", 450, 405),
        (None, "Trimestre I (ene–mar)", 100, 80),
        (None, "Trimestre II (abr–jun)", 120, 110),
        ("AC-09", "Fila auxiliar de la plantilla", 1, 1),
    ]
    for fila in filas:
        ws.append(list(fila))
    for r in (5, 6, 8, 9):  # the quarters: outline level 1, collapsed
        ws.row_dimensions[r].outline_level = 1
        ws.row_dimensions[r].hidden = True
    ws.row_dimensions[10].hidden = True  # hidden without an outline: a helper row
    wb.save(ruta)
    informe = extraer_informe(ruta)
    ejecutado = {(o.indicador, o.periodo_inicio): o.valor for o in informe.observaciones if o.medida == "ejecutado"}
    assert ejecutado[("Continuidad del servicio de acueducto", date(2019, 1, 1))] in (20.4, 19.6)
    assert ejecutado[("Continuidad del servicio de acueducto", date(2019, 4, 1))] == 20.8
    assert ejecutado[("Micromedidores instalados", date(2019, 4, 1))] == 110
    por_trimestre = [o for o in informe.observaciones if o.periodo_fin == date(2019, 3, 31)]
    assert {o.indicador for o in por_trimestre} == {
        "Continuidad del servicio de acueducto",
        "Micromedidores instalados",
    }
    assert not [o for o in informe.observaciones if o.indicador.startswith(("Trimestre", "Fila auxiliar"))]
