"""A plan's follow-up exported by a planning system to a workbook: an
instructions sheet that names the system ("SIEE - Sistema de Información
para la Evaluación de la Eficacia"), then the data sheet titled "PLAN
INDICATIVO 2016-2019 — SEGUIMIENTO A 31 DE DICIEMBRE DE 2018", whose header
has group rows: "IDENTIFICACIÓN DE LA META" over "Indicador de producto"
(a name column, whatever the group says), "VIGENCIA 2017" over "Programado
| Ejecutado", and "ACUMULADO CUATRIENIO (A 31/12/2018)" over "Ejecutado
acumulado | % avance cuatrienio | Total recursos programados cuatrienio"
(money, not a target; the % as of that date). Built here with openpyxl."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook

from extractor import extraer_informe

FILAS = (
    ("Educación", "Sedes educativas mejoradas", 40, 10, 11, 28, 0.70, 1_465_000_000),
    ("Salud", "Niños y niñas vacunados con DPT", 95, 95, 96, 96, 1.01, 820_000_000),
)


def test_exportacion_de_un_sistema_de_seguimiento(tmp_path):
    libro = Workbook()
    instrucciones = libro.active
    instrucciones.title = "Instrucciones"
    instrucciones.append(["SIEE - Sistema de Información para la Evaluación de la Eficacia"])
    instrucciones.append(["Exportación del plan indicativo con la programación y la ejecución por vigencia."])
    hoja = libro.create_sheet("PI_Seguimiento")
    hoja.append(["MUNICIPIO DE VILLA DEL ROSARIO — NORTE DE SANTANDER"])
    hoja.append(["PLAN INDICATIVO 2016-2019 — SEGUIMIENTO A 31 DE DICIEMBRE DE 2018"])
    hoja.append([])
    hoja.append(
        [
            "IDENTIFICACIÓN DE LA META",
            None,
            None,
            "VIGENCIA 2017",
            None,
            "ACUMULADO CUATRIENIO (A 31/12/2018)",
            None,
            None,
        ]
    )
    hoja.merge_cells("A4:C4")
    hoja.merge_cells("D4:E4")
    hoja.merge_cells("F4:H4")
    hoja.append(
        [
            "Sector",
            "Indicador de producto",
            "Meta cuatrienio",
            "Programado",
            "Ejecutado",
            "Ejecutado acumulado cuatrienio",
            "% avance cuatrienio",
            "Total recursos programados cuatrienio",
        ]
    )
    for fila in FILAS:
        hoja.append(list(fila))
        hoja.cell(hoja.max_row, 7).number_format = "0.0%"
        hoja.cell(hoja.max_row, 8).number_format = "#,##0"
    ruta = tmp_path / "villa_del_rosario_pi_siee_2018.xlsx"
    libro.save(ruta)
    informe = extraer_informe(ruta)
    assert informe.metadatos.titulo.startswith("PLAN INDICATIVO 2016-2019")
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_inicio, o.periodo_fin) for o in informe.observaciones}
    cuatrienio, al_corte = (date(2016, 1, 1), date(2019, 12, 31)), (date(2016, 1, 1), date(2018, 12, 31))
    for _, nombre, plan, meta, hecho, acumulado, avance, recursos in FILAS:
        assert {
            (nombre, "meta_cuatrienio", float(plan), *cuatrienio),
            (nombre, "meta", float(meta), date(2017, 1, 1), date(2017, 12, 31)),
            (nombre, "ejecutado", float(hecho), date(2017, 1, 1), date(2017, 12, 31)),
            (nombre, "avance_porcentual", round(avance * 100, 6), *al_corte),
            (nombre, "recursos_programados", float(recursos), *cuatrienio),
        } <= {(n, m, round(v, 6), i, f) for n, m, v, i, f in leidas}
        assert any(
            n == nombre and m in ("acumulado", "ejecutado") and v == acumulado and f == al_corte[1]
            for n, m, v, _, f in leidas
        )
