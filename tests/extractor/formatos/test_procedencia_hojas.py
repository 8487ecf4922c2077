"""Spreadsheet provenance a person can find: sheet and cell as Excel writes
them, stored, exported and named in the validator's messages."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import openpyxl

from tests.conftest import RAIZ


def _libro(ruta):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan de acción"
    ws.append(["Seguimiento plan de acción 2024"])
    ws.append([])
    ws.append(["Indicador", "Meta 2024", "Ejecutado 2024"])
    ws.append(["Personas capacitadas", 100, 80])
    ws.append(["Sedes dotadas", 10, 35])  # executed far over the target: a finding
    wb.save(ruta)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True, cwd=RAIZ)


def test_hoja_y_celda_en_el_almacen_la_exportacion_y_los_hallazgos(tmp_path):
    libro, db, salida = tmp_path / "plan.xlsx", tmp_path / "x.duckdb", tmp_path / "obs.csv"
    _libro(libro)
    assert _cli("cargar", str(libro), "--db", str(db)).returncode == 0
    assert _cli("exportar", "--db", str(db), "--formato", "csv", "--salida", str(salida)).returncode == 0
    with open(salida, encoding="utf-8") as f:
        filas = list(csv.DictReader(f))
    por = {(r["indicador"], r["medida"]): (r["hoja"], r["celda"]) for r in filas}
    assert por[("Personas capacitadas", "meta")] == ("Plan de acción", "B4")
    assert por[("Sedes dotadas", "ejecutado")] == ("Plan de acción", "C5")
    hallazgos = _cli("validar", "--db", str(db), "--formato", "csv", "--salida", str(tmp_path / "h.csv"))
    assert hallazgos.returncode in (0, 2)
    texto = (tmp_path / "h.csv").read_text(encoding="utf-8")
    assert re.search(r"\(hoja Plan de acción, celda [BC]5\)", texto)  # the row of the finding, not «p. 1»
