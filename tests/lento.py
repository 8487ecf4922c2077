"""A fake extractor for tests of the per-file time limit, in a module of its
own: each child process that runs it imports it, and it must import fast
(the time limit counts from the child's start)."""

from __future__ import annotations

import json
import time
from pathlib import Path


def extraer_lento(ruta: Path):
    """Hangs on files asking for it ({"dormir": seconds}); the others are
    read by the fake extractor of tests/pipelines/cli/test_cli.py."""
    datos = json.loads(Path(ruta).read_bytes())
    if "dormir" in datos:
        time.sleep(datos["dormir"])
    from tests.pipelines.cli.test_cli import extraer_falso

    return extraer_falso(ruta)
