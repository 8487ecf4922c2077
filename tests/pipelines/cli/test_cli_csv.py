"""The real command on a folder with a CSV report: `cargar` picks the .csv
up (and skips the gold file beside it), `exportar` gives its observations
with the sheet and cell they came from, `evaluar` scores it against its gold."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from tests.conftest import correr_informes

FILAS = [
    ["Entidad:", "Alcaldía Municipal de Tenjo", "", ""],
    ["Periodo:", "abril-junio 2025", "", ""],
    ["", "", "", ""],
    ["Indicador", "Meta 2025", "Ejecutado 2025", "Recursos ejecutados"],
    ["Niños atendidos; con alimentación escolar", "1.250", "1.180", "96.300.000,00"],
    ["Talleres de formación artística realizados", "40", "32", "30.900.000,50"],
]
GOLD = [
    ["indicador", "indicador_padre", "medida", "periodo_inicio", "periodo_fin", "valor", "unidad", "tipo_gasto"],
    ["Niños atendidos; con alimentación escolar", "", "meta", "2025-01-01", "2025-12-31", "1250", "numero", ""],
    ["Niños atendidos; con alimentación escolar", "", "ejecutado", "2025-01-01", "2025-12-31", "1180", "numero", ""],
]


def _carpeta(tmp_path: Path) -> Path:
    carpeta = tmp_path / "descargas"
    carpeta.mkdir()
    with open(carpeta / "tenjo_chip_t2_2025.csv", "w", encoding="cp1252", newline="") as f:
        csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(FILAS)
    with open(carpeta / "tenjo_chip_t2_2025.gold.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(GOLD)
    return carpeta


def test_cargar_exportar_y_evaluar_una_carpeta_con_csv(tmp_path):
    carpeta = _carpeta(tmp_path)
    carga = correr_informes("cargar", str(carpeta), "--db", "datos.duckdb", cwd=tmp_path)
    assert carga.returncode == 0, carga.stdout + carga.stderr
    assert "Resumen: 1 cargado, 0 sin cambios, 0 fallidos, 1 omitido." in carga.stdout
    assert "Omitidos (no son informes que se puedan cargar): .csv (1)" in carga.stdout  # the gold file

    salida = correr_informes(
        "exportar", "--db", "datos.duckdb", "--formato", "csv", "--salida", "obs.csv", cwd=tmp_path
    )
    assert salida.returncode == 0, salida.stderr
    with open(tmp_path / "obs.csv", encoding="utf-8", newline="") as f:
        filas = list(csv.DictReader(f))
    assert {f["archivo"] for f in filas} == {"tenjo_chip_t2_2025.csv"}
    vistas = {(f["indicador"], f["medida"], f["valor"], f["periodo_inicio"], f["hoja"], f["celda"]) for f in filas}
    assert vistas == {
        ("Niños atendidos; con alimentación escolar", "meta", "1250", "2025-01-01", "tenjo_chip_t2_2025", "B5"),
        ("Niños atendidos; con alimentación escolar", "ejecutado", "1180", "2025-01-01", "tenjo_chip_t2_2025", "C5"),
        (
            "Niños atendidos; con alimentación escolar",
            "recursos_ejecutados",
            "96300000",
            "2025-01-01",
            "tenjo_chip_t2_2025",
            "D5",
        ),
        ("Talleres de formación artística realizados", "meta", "40", "2025-01-01", "tenjo_chip_t2_2025", "B6"),
        ("Talleres de formación artística realizados", "ejecutado", "32", "2025-01-01", "tenjo_chip_t2_2025", "C6"),
        (
            "Talleres de formación artística realizados",
            "recursos_ejecutados",
            "30900000.5",
            "2025-01-01",
            "tenjo_chip_t2_2025",
            "D6",
        ),
    }
    assert {f["entidad"] for f in filas} == {"Alcaldía Municipal de Tenjo"}

    evaluacion = correr_informes("evaluar", str(carpeta), "--json", cwd=tmp_path)
    assert evaluacion.returncode == 0, evaluacion.stderr
    [documento] = json.loads(evaluacion.stdout)["documentos"]
    assert (documento["documento"], documento["tp"], documento["fn"]) == ("tenjo_chip_t2_2025.csv", 2, 0)
