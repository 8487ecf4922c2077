"""The code passes the linter, the formatter and the type checker the CI runs
(`ruff check`, `ruff format --check`, `mypy`; their settings in pyproject.toml)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent


CARPETAS = ["extractor", "pipelines", "esquemas", "bench", "tests", "corpus"]


def _ruff(*argumentos: str) -> subprocess.CompletedProcess:
    if subprocess.run([sys.executable, "-m", "ruff", "--version"], capture_output=True).returncode != 0:
        pytest.skip("ruff no está instalado: pip install -e '.[test]'")
    return subprocess.run(
        [sys.executable, "-m", "ruff", *argumentos, *CARPETAS], cwd=RAIZ, capture_output=True, text=True
    )


def test_ruff_sin_hallazgos():
    r = _ruff("check", "--no-cache")
    assert r.returncode == 0, r.stdout + r.stderr


def test_formato_de_ruff():
    """Formatted as `ruff format` writes it (run `ruff format .` before committing)."""
    r = _ruff("format", "--check", "--no-cache")
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.lento
def test_tipos():
    """mypy finds no error in extractor, pipelines and esquemas ([tool.mypy]).
    Its cache (.mypy_cache, git-ignored) makes a second run take a few seconds."""
    if subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode != 0:
        pytest.skip("mypy no está instalado: pip install -e '.[test]'")
    r = subprocess.run([sys.executable, "-m", "mypy"], cwd=RAIZ, capture_output=True, text=True)
    assert r.returncode == 0 and "Success: no issues found" in r.stdout, r.stdout + r.stderr


def _constantes_repetidas(ruta: Path) -> list[str]:
    """Module-level CONSTANT names assigned more than once in one module."""
    vistas: dict[str, int] = {}
    repetidas = []
    for nodo in ast.parse(ruta.read_text(encoding="utf-8")).body:
        destinos = (
            nodo.targets if isinstance(nodo, ast.Assign) else [nodo.target] if isinstance(nodo, ast.AnnAssign) else []
        )
        for destino in destinos:
            if isinstance(destino, ast.Name) and destino.id.isupper() and len(destino.id) > 1:
                if destino.id in vistas:
                    repetidas.append(
                        f"{ruta.relative_to(RAIZ)}:{nodo.lineno} {destino.id} (antes en la línea {vistas[destino.id]})"
                    )
                vistas.setdefault(destino.id, nodo.lineno)
    return repetidas


def test_ninguna_constante_se_define_dos_veces():
    """A second `MAX_X = …` further down a module silently replaces the first
    for every function, also those written for the first (a caption limit of
    40 words became 6 this way). ruff does not flag it."""
    repetidas = [
        r
        for carpeta in ("extractor", "pipelines", "esquemas")
        for ruta in sorted((RAIZ / carpeta).rglob("*.py"))
        for r in _constantes_repetidas(ruta)
    ]
    assert not repetidas, "\n".join(repetidas)
