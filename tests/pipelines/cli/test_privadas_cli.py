"""The private parts of typer the command line relies on still exist
(pipelines/cli/privadas.py), no other module reaches them, and through them
the real command speaks Spanish."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from pipelines.cli import privadas

RAIZ = Path(__file__).resolve().parents[3]


def _informes(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    entorno = {**os.environ, "COLUMNS": "200", **env}
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args], cwd=cwd, capture_output=True, text=True, env=entorno
    )


def test_las_apis_privadas_de_typer_existen():
    assert privadas.faltantes() == []


def _privados(arbol: ast.AST) -> list[str]:
    """Imports of typer's private modules (typer._click, typer._completion_*,
    typer.rich_utils) and any `._click` attribute."""
    nombres = []
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.ImportFrom) and nodo.module:
            modulos = [nodo.module] + [f"{nodo.module}.{a.name}" for a in nodo.names]
        elif isinstance(nodo, ast.Import):
            modulos = [a.name for a in nodo.names]
        elif isinstance(nodo, ast.Attribute) and nodo.attr == "_click":
            modulos = ["._click"]
        else:
            continue
        nombres += [m for m in modulos if m.startswith(("typer._", "typer.rich_utils")) or m == "._click"]
    return nombres


def test_solo_privadas_toca_lo_privado_de_typer():
    encontrados = {}
    for ruta in sorted((RAIZ / "pipelines").rglob("*.py")):
        if ruta == RAIZ / "pipelines" / "cli" / "privadas.py":
            continue
        privados = _privados(ast.parse(ruta.read_text(encoding="utf-8")))
        if privados:
            encontrados[str(ruta.relative_to(RAIZ))] = privados
    assert encontrados == {}
    # the check itself sees them
    assert _privados(ast.parse("from typer._click import exceptions\nimport typer.rich_utils as r\nx = typer._click"))


def test_ayuda_y_errores_de_uso_en_espanol(tmp_path):
    ayuda = _informes("exportar", "--help", cwd=tmp_path)
    assert ayuda.returncode == 0, ayuda.stderr
    assert "Opciones" in ayuda.stdout and "Options" not in ayuda.stdout
    assert "--db" in ayuda.stdout and "ARCHIVO" in ayuda.stdout and "[por defecto:" in ayuda.stdout
    malo = _informes("resumen", "--no-existe", cwd=tmp_path)
    assert malo.returncode == 64
    assert "Uso: " in malo.stderr and "La opción --no-existe no existe." in malo.stderr
    falta = _informes("exportar", "--tabla", cwd=tmp_path)
    assert falta.returncode == 64 and "La opción --tabla necesita un valor." in falta.stderr
    sin_nada = _informes(cwd=tmp_path)  # no command: the help, not an error line
    assert sin_nada.returncode == 64
    assert "Error:" not in sin_nada.stderr and "Uso: informes" in sin_nada.stdout


def test_db_de_informes_toml_solo_si_no_se_indica(tmp_path):
    (tmp_path / "informes.toml").write_text('db = "otra.duckdb"\n', encoding="utf-8")
    por_defecto = _informes("resumen", cwd=tmp_path)
    assert "otra.duckdb" in por_defecto.stdout + por_defecto.stderr
    escrita = _informes("resumen", "--db", "indicada.duckdb", cwd=tmp_path)
    assert "indicada.duckdb" in escrita.stdout + escrita.stderr
    del_entorno = _informes("resumen", cwd=tmp_path, INFORMES_DB="entorno.duckdb")
    assert "entorno.duckdb" in del_entorno.stdout + del_entorno.stderr


def test_guion_de_completado(tmp_path):
    guion = _informes("completar", "bash", cwd=tmp_path)
    assert guion.returncode == 0, guion.stderr
    assert "_INFORMES_COMPLETE" in guion.stdout and "complete " in guion.stdout
    respuesta = subprocess.run(
        [sys.executable, "-m", "pipelines.cli"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "_INFORMES_COMPLETE": "complete_bash", "COMP_WORDS": "informes exp", "COMP_CWORD": "1"},
    )
    assert "exportar" in respuesta.stdout.split()
