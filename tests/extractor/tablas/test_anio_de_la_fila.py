"""A table titled with a span of years in a band over its header ("Ejecución
de gastos periodo 2016 – 2019") whose rows state their own year ("Año"):
each row's money is of its year, budgeted and executed alike; the concept
names the row, not the band. Built here with python-docx."""

from __future__ import annotations

from datetime import date

import docx

from extractor import extraer_informe

FILAS = (
    ("2016", "Funcionamiento", "27.611.331.302", "26.390.297.625", "96%"),
    ("2017", "Funcionamiento", "28.900.000.000", "27.850.120.400", "96%"),
    ("2017", "Inversión", "470.100.000.000", "421.000.000.000", "90%"),
)


def test_cada_fila_en_su_anio(tmp_path):
    documento = docx.Document()
    documento.add_paragraph("Plan de Desarrollo 2020-2023 · Diagnóstico financiero")
    tabla = documento.add_table(rows=2 + len(FILAS), cols=5)
    tabla.cell(0, 0).merge(tabla.cell(0, 4)).text = "Ejecución de gastos periodo 2016 – 2019"
    for k, texto in enumerate(("Año", "Concepto de gasto", "Presupuestado", "Ejecutado", "% ejec.")):
        tabla.cell(1, k).text = texto
    for r, fila in enumerate(FILAS, start=2):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    ruta = tmp_path / "diagnostico_financiero.docx"
    documento.save(ruta)
    leidas = {
        (o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in extraer_informe(ruta).observaciones
    }
    for anio, concepto, presupuestado, ejecutado, _ in FILAS:
        del_anio = (date(int(anio), 1, 1), date(int(anio), 12, 31))
        assert (concepto, "recursos_programados", float(presupuestado.replace(".", "")), *del_anio) in leidas
        assert (concepto, "recursos_ejecutados", float(ejecutado.replace(".", "")), *del_anio) in leidas
