"""Per-file limits of a load and the wait for a busy database: plain values
that the command line shows as defaults (imported without the rest of the load)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

ESPERA_DB = 30.0  # seconds to wait for a database held by another process


@dataclass(frozen=True)
class Limites:
    """Per-file limits of a load. `tiempo` (seconds) and `memoria_mb` (address
    space of the child process that reads the file) are enforced by running
    each extraction in its own process; None disables one. `paginas` is the
    PDF page limit checked before parsing (extractor.formatos.seguridad)."""

    tiempo: Optional[float] = 300.0
    memoria_mb: Optional[int] = 2048
    paginas: int = 2000
    ocultas: bool = False  # read hidden sheets, rows and columns of workbooks
