"""What a cell's number format says, as a reader of the sheet sees it
(openpyxl workbooks made here):

- the unit written in the format ('#,##0 "visitantes"') makes the figure a
  count, not money, under a title that speaks of money;
- a literal "%" ('0.0"%"') shows points, not a fraction: 25 is 25 %;
- a scaling format ('#,##0.0,,') shows pesos in millions under a header that
  says so: the figure is the pesos stored.
"""

from __future__ import annotations

from openpyxl import Workbook

from extractor import extraer_informe
from extractor.formatos.hoja import texto_de_valor


def test_texto_de_cada_formato():
    assert texto_de_valor(48, '#,##0 "eventos"') == "48 eventos"
    assert texto_de_valor(25, '0.0"%"') == "25 %"
    assert texto_de_valor(212_400_000, "#,##0.0,,") == "212,4"
    assert texto_de_valor(12_000, "#,##0,") == "12"
    assert texto_de_valor(1_200, '"$"#,##0') == "1200"  # a currency sign is not written


def test_formatos_en_una_hoja_de_seguimiento(tmp_path):
    ruta = tmp_path / "instituto_cultura_zipaquira_2026.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Seguimiento I trim 2026"
    ws.append(["INSTITUTO MUNICIPAL DE CULTURA – SEGUIMIENTO AL PLAN DE ACCIÓN 2026"])
    ws.append(["Valores monetarios en millones de pesos"])
    ws.append([])
    ws.append(
        [
            "Código",
            "Producto",
            "Meta 2026",
            "Ejecutado I trim. 2026",
            "% avance meta 2026",
            "Recursos programados 2026 (millones $)",
            "Compromisos a 31-mar (millones $)",
        ]
    )
    filas = [
        ("3301053", "Talleres de formación artística realizados", 40, 11, 27.5, 385_000_000, 212_400_000),
        ("3301087", "Asistentes a eventos culturales", 16_000, 4_312, 26.95, 96_000_000, 31_250_000),
    ]
    for fila in filas:
        ws.append(list(fila))
    for r in (5, 6):
        for col in "CD":
            ws[f"{col}{r}"].number_format = '#,##0 "personas"'
        ws[f"E{r}"].number_format = '0.0"%"'
        for col in "FG":
            ws[f"{col}{r}"].number_format = "#,##0.0,,"
    wb.save(ruta)
    obs = extraer_informe(ruta).observaciones
    por = {(o.indicador, o.medida): (o.valor, o.unidad) for o in obs}
    assert por[("Asistentes a eventos culturales", "meta")][0] == 16_000  # counted in people: no money
    assert por[("Asistentes a eventos culturales", "ejecutado")][0] == 4_312
    assert por[("Talleres de formación artística realizados", "avance_porcentual")] == (27.5, "porcentaje")
    dinero = {(o.indicador, o.medida): o.valor for o in obs if o.unidad == "pesos"}
    assert dinero[("Talleres de formación artística realizados", "recursos_programados")] == 385_000_000
    assert dinero[("Talleres de formación artística realizados", "compromisos")] == 212_400_000
