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


def test_monto_es_dinero_y_un_valor_solo_no(tmp_path):
    """ "Monto" under the execution is executed money; a bare "Valor" under a
    target is the target's value, not money."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Municipio de Une - Secretaría de Gobierno · seguimiento 2025"])
    hoja.append([])
    hoja.append(["Indicador", "Meta 2025", "Lo ejecutado a 30 de septiembre", None])
    hoja.append([None, "Valor", "Cantidad", "Monto"])
    hoja.merge_cells("C3:D3")
    hoja.append(["Jóvenes en el programa de liderazgo", 120, 95, 18_400_000])
    ruta = tmp_path / "une_gobierno_seguimiento_2025.xlsx"
    libro.save(ruta)
    medidas = {o.medida: o.valor for o in interpretar(leer_documento(ruta)).observaciones}
    assert medidas["recursos_ejecutados"] == 18_400_000
    assert medidas["meta"] == 120 and "recursos_programados" not in medidas


def test_la_escala_de_una_columna_no_pasa_a_otra_que_dice_su_moneda(tmp_path):
    """ "Valor ($)" is in pesos beside "Monto (miles de $)": only the second is ×1000."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Municipio de Lérida - Secretaría de Agricultura · plan de acción 2024"])
    hoja.append([])
    hoja.append(["Producto", "Programación 2024", None, "Ejecución al cierre", None])
    hoja.append([None, "Unidades", "Valor ($)", "Unidades", "Monto (miles de $)"])
    hoja.merge_cells("B3:C3")
    hoja.merge_cells("D3:E3")
    hoja.append(["Huertas caseras establecidas", 40, 27_500_000, 38, 26_150])
    ruta = tmp_path / "lerida_agricultura_2024.xlsx"
    libro.save(ruta)
    medidas = {o.medida: o.valor for o in interpretar(leer_documento(ruta)).observaciones}
    assert medidas["recursos_programados"] == 27_500_000
    assert medidas["recursos_ejecutados"] == 26_150_000


def test_financiera_bajo_meta_y_bajo_ejecucion_en_word(tmp_path):
    """A Word table: "Meta" and "Ejecución" merged over "Física | Financiera
    ($)": the money half of each stage."""
    import docx

    documento = docx.Document()
    documento.add_paragraph("Municipio de Anolaima – Secretaría de Desarrollo Social – plan de acción 2019")
    tabla = documento.add_table(rows=3, cols=6)
    filas = [
        ["Indicador de producto", "Unidad", "Meta", "", "Ejecución", ""],
        ["", "", "Física", "Financiera ($)", "Física", "Financiera ($)"],
        ["Huertas escolares establecidas", "Número", "30", "$ 42'000.000", "27", "$ 39'850.000"],
    ]
    for fila, textos in zip(tabla.rows, filas):
        for celda, texto in zip(fila.cells, textos):
            celda.text = texto
    tabla.cell(0, 2).merge(tabla.cell(0, 3)).text = "Meta"
    tabla.cell(0, 4).merge(tabla.cell(0, 5)).text = "Ejecución"
    for k in (0, 1):
        tabla.cell(0, k).merge(tabla.cell(1, k)).text = filas[0][k]
    ruta = tmp_path / "anolaima_desarrollo_social_2019.docx"
    documento.save(ruta)
    medidas = {o.medida: o.valor for o in interpretar(leer_documento(ruta)).observaciones}
    assert medidas == {
        "meta": 30,
        "recursos_programados": 42_000_000,
        "ejecutado": 27,
        "recursos_ejecutados": 39_850_000,
    }


def test_la_formula_entre_parentesis_bajo_un_porcentaje_no_es_dinero(tmp_path):
    """ "% ejecución" over "(compromisos / apropiación)": the lower level is
    the formula of the percentage, not a column of commitments (and the
    percentage, a ratio of two amounts that are read, is no figure of its
    own: esquemas/convenciones.md)."""
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["E.S.E. Hospital de Garagoa – ejecución de inversión a 30 de junio de 2021"])
    hoja.append([])
    hoja.append(["Proyecto", "Apropiación", "Compromisos", "% ejecución"])
    hoja.append([None, "definitiva", None, "(compromisos / apropiación)"])
    hoja.append(["Dotación de ambulancias", 850_000_000, 612_000_000, "72,0 %"])
    ruta = tmp_path / "garagoa_inversion_2021.xlsx"
    libro.save(ruta)
    medidas = {o.medida: o.valor for o in interpretar(leer_documento(ruta)).observaciones}
    assert medidas == {"apropiacion_definitiva": 850_000_000, "compromisos": 612_000_000}
