"""The real command on a folder with a PowerPoint presentation: `cargar`
picks the .pptx up (and skips the gold file beside it), `exportar` gives its
observations with the slide they came from, `evaluar` scores it against its
gold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches
from tests.conftest import correr_informes

GOLD = [
    ["indicador", "indicador_padre", "medida", "periodo_inicio", "periodo_fin", "valor", "unidad", "tipo_gasto"],
    ["Hogares con agua potable", "", "meta", "2025-01-01", "2025-12-31", "450", "numero", ""],
    ["Hogares con agua potable", "", "ejecutado", "2025-01-01", "2025-12-31", "430", "numero", ""],
    ["Luminarias LED instaladas", "", "meta", "2025-01-01", "2025-12-31", "800", "numero", ""],
    ["Luminarias LED instaladas", "", "ejecutado", "2025-01-01", "2025-12-31", "640", "numero", ""],
]


def _carpeta(tmp_path: Path) -> Path:
    carpeta = tmp_path / "audiencias"
    carpeta.mkdir()
    prs = Presentation()
    portada = prs.slides.add_slide(prs.slide_layouts[0])
    portada.shapes.title.text = "Seguimiento trimestral al plan de desarrollo 2025"
    portada.placeholders[1].text = "Alcaldía Municipal de Sesquilé"
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Servicios públicos: Meta vs Ejecutado"
    datos = CategoryChartData()
    datos.categories = ["Hogares con agua potable", "Luminarias LED instaladas"]
    datos.add_series("Meta 2025", (450, 800))
    datos.add_series("Ejecutado 2025", (430, 640))
    s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(0.5), Inches(1.5), Inches(9), Inches(5.5), datos)
    prs.save(carpeta / "sesquile_seguimiento_2025.pptx")
    with open(carpeta / "sesquile_seguimiento_2025.gold.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(GOLD)
    return carpeta


def test_cargar_exportar_y_evaluar_una_carpeta_con_una_presentacion(tmp_path):
    carpeta = _carpeta(tmp_path)
    carga = correr_informes("cargar", str(carpeta), "--db", "datos.duckdb", cwd=tmp_path)
    assert carga.returncode == 0, carga.stdout + carga.stderr
    assert "Resumen: 1 cargado, 0 sin cambios, 0 fallidos, 1 omitido." in carga.stdout

    salida = correr_informes(
        "exportar", "--db", "datos.duckdb", "--formato", "csv", "--salida", "obs.csv", cwd=tmp_path
    )
    assert salida.returncode == 0, salida.stderr
    with open(tmp_path / "obs.csv", encoding="utf-8", newline="") as f:
        filas = list(csv.DictReader(f))
    assert {f["archivo"] for f in filas} == {"sesquile_seguimiento_2025.pptx"}
    vistas = {(f["indicador"], f["medida"], f["valor"], f["periodo_inicio"], f["pagina"]) for f in filas}
    assert vistas == {
        ("Hogares con agua potable", "meta", "450", "2025-01-01", "2"),
        ("Hogares con agua potable", "ejecutado", "430", "2025-01-01", "2"),
        ("Luminarias LED instaladas", "meta", "800", "2025-01-01", "2"),
        ("Luminarias LED instaladas", "ejecutado", "640", "2025-01-01", "2"),
    }
    assert {f["entidad"] for f in filas} == {"Alcaldía Municipal de Sesquilé"}

    evaluacion = correr_informes("evaluar", str(carpeta), "--json", cwd=tmp_path)
    assert evaluacion.returncode == 0, evaluacion.stderr
    [documento] = json.loads(evaluacion.stdout)["documentos"]
    assert (documento["documento"], documento["tp"], documento["fp"], documento["fn"]) == (
        "sesquile_seguimiento_2025.pptx",
        4,
        0,
        0,
    )
