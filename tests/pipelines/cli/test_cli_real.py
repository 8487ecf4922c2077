"""The real command on a real corpus PDF: load, export, reload."""

from __future__ import annotations

import csv
import os
import subprocess
import sys

from tests.conftest import INFORMES

COLUMNS = (
    "observacion_id,archivo,informe_id,entidad,dependencia,codigo,indicador,indicador_padre,descripcion,"
    "medida,periodo_inicio,periodo_fin,valor,unidad,tipo_gasto,valor_texto,confianza,marcada,pagina,hoja,celda,tabla,"
    "fila,columna,entidad_clave,indicador_clave"
).split(",")


def _informes(*args, cwd):
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def test_load_export_and_reload_the_seed_pdf(tmp_path):
    pdf = INFORMES / "barrancabermeja_prensa_2017.pdf"
    first = _informes("cargar", str(pdf), "--db", "datos.duckdb", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    out = _informes("exportar", "--db", "datos.duckdb", "--formato", "csv", "--salida", "obs.csv", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    with open(tmp_path / "obs.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == COLUMNS
    records = [dict(zip(COLUMNS, r)) for r in rows[1:]]
    assert len(records) == 98
    assert {r["entidad_clave"] for r in records} == {"alcaldia-barrancabermeja"}
    assert all(r["indicador_clave"].startswith("alcaldia-barrancabermeja/") for r in records)
    facebook_meta = next(r for r in records if r["indicador"] == "SEGUIDORES FACEBOOK" and r["medida"] == "meta")
    assert (facebook_meta["valor"], facebook_meta["periodo_inicio"], facebook_meta["periodo_fin"]) == (
        "10620",
        "2017-01-01",
        "2017-12-31",
    )
    money = next(r for r in records if r["tipo_gasto"] == "funcionamiento" and r["medida"] == "recursos_ejecutados")
    assert money["valor"] == "983286659.67" and money["entidad"] == "Alcaldía de Barrancabermeja"
    assert all(r["pagina"].isdigit() and r["archivo"] == pdf.name for r in records)

    again = _informes("cargar", str(pdf), "--db", "datos.duckdb", cwd=tmp_path)
    assert again.returncode == 0 and "sin cambios" in again.stdout
    _informes("exportar", "--db", "datos.duckdb", "--formato", "csv", "--salida", "obs2.csv", cwd=tmp_path)
    assert (tmp_path / "obs2.csv").read_bytes() == (tmp_path / "obs.csv").read_bytes()


def test_la_linea_de_hallazgos_es_la_misma_contada_al_escribir_o_leida_de_la_base(tmp_path):
    """A report written by this load: its findings are counted with the
    writer's connection; unchanged: read from the store. The same line."""
    pdf = INFORMES / "villavicencio_hacienda_2022.pdf"
    primera = _informes("cargar", str(pdf), "--db", "datos.duckdb", cwd=tmp_path)
    assert primera.returncode == 0, primera.stderr
    otra_vez = _informes("cargar", str(pdf), "--db", "datos.duckdb", cwd=tmp_path)
    assert otra_vez.returncode == 0 and "sin cambios" in otra_vez.stdout

    def linea(salida: str) -> str:
        [linea] = [x for x in salida.splitlines() if x.startswith("Hallazgos del validador:")]
        return linea

    assert (
        linea(primera.stdout)
        == linea(otra_vez.stdout)
        == ("Hallazgos del validador: 1 error. Véalos con: informes validar --db datos.duckdb")
    )
