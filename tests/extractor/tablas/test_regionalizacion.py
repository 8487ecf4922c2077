"""A department's target broken down by municipality: "Provincia" merged
down over its municipalities, then "Municipio", then the figures. The
province holds the rows; each row is its municipality."""

from __future__ import annotations

from datetime import date

import openpyxl

from extractor import extraer_informe

FILAS = (
    ("Provincia de Gutiérrez", "El Cocuy", "12,0", "10,8"),
    ("Provincia de Gutiérrez", "Güicán", "18,5", "18,5"),
    ("Provincia de Gutiérrez", "Chiscas", "9,0", "6,3"),
    ("Provincia de Lengupá", "Miraflores", "22,0", "19,1"),
    ("Provincia de Lengupá", "Zetaquira", "14,0", "14,0"),
)


def _libro(ruta) -> None:
    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.title = "Regionalización 2024"
    hoja["A1"] = "Gobernación · Vías secundarias con mantenimiento rutinario (km), vigencia 2024"
    hoja.append([])
    hoja.append(["Provincia", "Municipio", "Meta 2024", "Ejecutado 2024"])
    for fila in FILAS:
        hoja.append(list(fila))
    hoja.merge_cells("A4:A6")
    hoja.merge_cells("A7:A8")
    libro.save(ruta)


def test_las_filas_son_municipios_de_una_provincia(tmp_path):
    from extractor.castellano.numeros import leer_numero

    ruta = tmp_path / "regionalizacion_vias_2024.xlsx"
    _libro(ruta)
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in extraer_informe(ruta).observaciones}
    fin = date(2024, 12, 31)
    esperadas = set()
    for _, municipio, meta, logro in FILAS:
        esperadas |= {
            (municipio, "meta", leer_numero(meta).valor, fin),
            (municipio, "ejecutado", leer_numero(logro).valor, fin),
        }
    assert leidas == esperadas
