"""A total row of a table whose rows are months repeats December's running
total under "Acumulado": the same figure of the same indicator, measure and
period, read twice from one column, is one observation; the repeat is reported."""
from __future__ import annotations

import openpyxl

from extractor import interpretar, leer_documento

MESES = ["Enero", "Febrero", "Marzo", "Abril", "Mayo", "Junio", "Julio", "Agosto", "Septiembre", "Octubre",
         "Noviembre", "Diciembre"]


def test_el_total_que_repite_el_acumulado_de_diciembre_cuenta_una_vez(tmp_path):
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Nemocón - Secretaría de Salud"])
    hoja.append(["Comportamiento mensual del indicador: Gestantes con control prenatal antes de la semana 12"])
    hoja.append(["Vigencia 2024"])
    hoja.append([])
    hoja.append(["Mes", "Meta", "Ejecutado", "Acumulado"])
    acumulado = 0
    for mes in MESES:
        acumulado += 5
        hoja.append([mes, 5, 5, acumulado])
    hoja.append(["Total 2024", 60, 60, 60])
    ruta = tmp_path / "nemocon_salud_seguimiento_mensual_2024.xlsx"
    libro.save(ruta)
    informe = interpretar(leer_documento(ruta))
    anuales = [o for o in informe.observaciones if o.medida == "acumulado" and o.valor == 60]
    assert len(anuales) == 1
    assert [n for n in informe.no_mapeadas if n.motivo.startswith("repite la cifra")]
    assert len([o for o in informe.observaciones if o.medida == "acumulado"]) == 12
