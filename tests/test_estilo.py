"""The code passes the linter, the formatter and the type checker the CI runs
(`ruff check`, `ruff format --check`, `mypy`; their settings in pyproject.toml)."""

from __future__ import annotations

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
