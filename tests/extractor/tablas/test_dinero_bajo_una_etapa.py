"""A bare money column ("Valor ($)") under an upper header level that names the
stage: programmed money under the programme, executed money under the
execution. A real workbook made by openpyxl with merged upper headers."""
from __future__ import annotations

import openpyxl

from extractor import interpretar, leer_documento


def test_valor_bajo_programacion_y_bajo_ejecucion(tmp_path):
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Sutatausa - Secretaría de Desarrollo Social"])
    hoja.append(["Plan de acción 2025 - seguimiento a 30 de junio de 2025"])
    hoja.append([])
    hoja.append(["Meta de producto", "Unidad", "Programación 2025", None, "Ejecución a 30/06/2025", None, None])
    hoja.append([None, None, "Cantidad", "Valor ($)", "Cantidad", "Valor ($)", "% físico"])
    hoja.merge_cells("C4:D4")
    hoja.merge_cells("E4:G4")
    hoja.append(["Comedores comunitarios dotados", "Número", 6, 84_000_000, 4, 51_300_000, 66.7])
    hoja.append(["Adultos mayores con bono nutricional", "Personas", 350, 126_000_000, 210, 70_150_000, 60.0])
    ruta = tmp_path / "sutatausa_plan_accion_2025.xlsx"
    libro.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    dinero = {(o.indicador, o.medida): o.valor for o in obs if o.medida.startswith("recursos")}
    assert dinero == {
        ("Comedores comunitarios dotados", "recursos_programados"): 84_000_000,
        ("Comedores comunitarios dotados", "recursos_ejecutados"): 51_300_000,
        ("Adultos mayores con bono nutricional", "recursos_programados"): 126_000_000,
        ("Adultos mayores con bono nutricional", "recursos_ejecutados"): 70_150_000,
    }
    fisicas = {(o.indicador, o.medida): o.valor for o in obs if o.medida in ("meta", "ejecutado")}
    assert fisicas[("Adultos mayores con bono nutricional", "ejecutado")] == 210
