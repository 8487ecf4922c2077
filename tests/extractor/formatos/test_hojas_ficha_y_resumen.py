"""Workbooks with one sheet per indicator ("hoja de vida": "Campo: valor"
lines above a table of months) and a summary sheet whose rows repeat, figure
for figure, one row of each indicator's sheet."""

from __future__ import annotations

import openpyxl

from extractor import extraer_informe

MESES = ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio"]
INDICADORES = {
    "Planes de mejoramiento cerrados": [(10, 8), (10, 9), (12, 12), (12, 11), (15, 14), (15, 16)],
    "Auditorías internas realizadas": [(2, 2), (3, 1), (3, 3), (4, 4), (4, 2), (5, 5)],
    "Funcionarios evaluados en desempeño": [(40, 35), (40, 41), (45, 44), (45, 45), (50, 47), (50, 52)],
}


def _libro(ruta, con_resumen: bool = True):
    wb = openpyxl.Workbook()
    resumen = wb.active
    resumen.title = "Consolidado"
    resumen.append(["SEGUIMIENTO DE INDICADORES DE CONTROL INTERNO 2023"])
    resumen.append(["Municipio de Sopó - Oficina de Control Interno"])
    resumen.append([])
    resumen.append(["Indicador", "Meta", "Logro", "% Cumplimiento"])
    for i, (nombre, datos) in enumerate(INDICADORES.items(), start=1):
        ws = wb.create_sheet(f"IND {i}")
        ws.append(["SEGUIMIENTO DE INDICADORES DE CONTROL INTERNO 2023"])
        ws.append(["Nombre del indicador:", nombre])
        ws.append(["Proceso:", "Evaluación independiente"])
        ws.append(["Frecuencia de medición:", "Mensual"])
        ws.append([])
        ws.append(["Mes", "Meta", "Logro", "% Cumplimiento"])
        for mes, (meta, logro) in zip(MESES, datos):
            ws.append([mes, meta, logro, round(logro / meta, 4)])
        ws.append(["Fuente: informe de seguimiento de los responsables."])
        meta, logro = datos[-1]
        resumen.append([nombre, meta, logro, round(logro / meta, 4)])
    for fila in resumen.iter_rows(min_row=5, max_col=4):
        fila[3].number_format = "0.0%"
    for ws in wb.worksheets[1:]:
        for fila in ws.iter_rows(min_row=7, max_row=12, min_col=4, max_col=4):
            fila[0].number_format = "0.0%"
    if not con_resumen:
        del wb["Consolidado"]
    wb.save(ruta)


def test_campos_de_la_ficha_no_entran_en_la_tabla_de_meses(tmp_path):
    ruta = tmp_path / "fichas.xlsx"
    _libro(ruta, con_resumen=False)
    informe = extraer_informe(ruta)
    obs = [o for o in informe.observaciones if o.indicador == "Planes de mejoramiento cerrados"]
    assert len([o for o in obs if o.medida == "ejecutado"]) == 6
    junio = next(o for o in obs if o.medida == "ejecutado" and o.periodo_inicio.month == 6)
    assert junio.valor == 16 and junio.periodo_fin.day == 30
    assert not any("Proceso" in o.indicador for o in informe.observaciones)


def test_hoja_de_resumen_por_filas_repetidas_no_duplica(tmp_path):
    ruta = tmp_path / "tablero.xlsx"
    _libro(ruta)
    informe = extraer_informe(ruta)
    assert not [o for o in informe.observaciones if o.hoja == "Consolidado"]
    assert any("hoja de resumen" in u.motivo and "Consolidado" in u.texto for u in informe.no_mapeadas)
    assert len([o for o in informe.observaciones if o.medida == "ejecutado"]) == 18
    # the title is the sheet's own, not the source note below the tables
    assert informe.metadatos.titulo.startswith("SEGUIMIENTO DE INDICADORES")


def test_un_resumen_de_pocas_hojas_no_se_descarta(tmp_path):
    """With only two indicator sheets the summary rows are kept: they could be a
    different cut, and two sheets are too few to call it a summary."""
    ruta = tmp_path / "dos.xlsx"
    _libro(ruta)
    wb = openpyxl.load_workbook(ruta)
    del wb["IND 3"]
    wb.save(ruta)
    informe = extraer_informe(ruta)
    assert [o for o in informe.observaciones if o.hoja == "Consolidado"]
