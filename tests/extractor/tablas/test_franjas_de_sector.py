"""Band rows ("SECTOR: …", "Programa: …") span every column of the table:
they are not cells of a quarter's column, so a column of few figures and a
"-" under them stays a column of figures. A real workbook made by openpyxl."""

from __future__ import annotations

import openpyxl

from extractor import interpretar, leer_documento


def test_una_columna_con_pocas_cifras_bajo_franjas_sigue_siendo_de_cifras(tmp_path):
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Municipio de Ayapel - Secretaría de Salud · ejecución trimestral 2024"])
    hoja.append([])
    hoja.append(["Indicador de producto", "Meta 2024", "I trim.", "II trim.", "Total 2024"])
    filas = [
        ("SECTOR: SALUD Y PROTECCIÓN SOCIAL",),
        ("Programa: Salud pública",),
        ("Visitas de vigilancia sanitaria", 400, 90, 110, 200),
        ("SECTOR: INCLUSIÓN SOCIAL",),
        ("Programa: Atención a víctimas",),
        ("Familias con ayuda humanitaria", 250, 60, 70, 130),
        ("Jornadas de la unidad móvil", 6, "-", 2, 2),
    ]
    for fila in filas:
        hoja.append(list(fila))
        if len(fila) == 1:
            hoja.merge_cells(start_row=hoja.max_row, start_column=1, end_row=hoja.max_row, end_column=5)
    ruta = tmp_path / "ayapel_salud_trimestral_2024.xlsx"
    libro.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    primer_trimestre = {o.indicador: o.valor for o in obs if o.periodo_fin and o.periodo_fin.month == 3}
    assert primer_trimestre == {"Visitas de vigilancia sanitaria": 90, "Familias con ayuda humanitaria": 60}
