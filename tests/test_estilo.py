"""The code passes the linter and the type checker the CI runs (`ruff check`,
`mypy`; their settings in pyproject.toml)."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent


def test_ruff_sin_hallazgos():
    if shutil.which("ruff") is None and subprocess.run([sys.executable, "-m", "ruff", "--version"],
                                                       capture_output=True).returncode != 0:
        pytest.skip("ruff no está instalado: pip install -e '.[test]'")
    r = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "extractor", "pipelines", "esquemas",
                        "bench", "tests", "corpus"], cwd=RAIZ, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.lento
def test_tipos():
    """mypy finds no error in extractor, pipelines and esquemas ([tool.mypy]).
    Its cache (.mypy_cache, git-ignored) makes a second run take a few seconds."""
    if subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode != 0:
        pytest.skip("mypy no está instalado: pip install -e '.[test]'")
    r = subprocess.run([sys.executable, "-m", "mypy"], cwd=RAIZ, capture_output=True, text=True)
    assert r.returncode == 0 and "Success: no issues found" in r.stdout, r.stdout + r.stderr
