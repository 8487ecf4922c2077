"""Where the extractor keeps what it can reuse between runs (OCR pages,
header classifications): $INFORMES_CACHE/NAME, else
$XDG_CACHE_HOME/informes/NAME, else ~/.cache/informes/NAME."""

from __future__ import annotations

import os
from pathlib import Path


def carpeta_cache(nombre: str) -> Path:
    base = os.environ.get("INFORMES_CACHE")
    if base:
        return Path(base).expanduser() / nombre
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "informes" / nombre
