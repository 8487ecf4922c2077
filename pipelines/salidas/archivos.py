"""Files the commands write (exportar, validar --salida, comparar --salida,
decisiones --exportar): never the database, never half-written.

`escribir(salida, db)` refuses an output that is the database itself (same
path, a symlink or a hard link to it, or its write-ahead log) or any existing
DuckDB file, then yields a temporary file in the same folder; only when the
writer finished is it renamed onto `salida` (os.replace, atomic): an
interrupted export leaves the previous file, or none, never a half file.
"""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

_MAGIA_DUCKDB = b"DUCK"  # bytes 8-11 of every DuckDB database file


class ErrorSalida(Exception):
    """An output file that must not be written (Spanish message)."""


def es_duckdb(ruta: Path) -> bool:
    try:
        with open(ruta, "rb") as f:
            return f.read(12)[8:12] == _MAGIA_DUCKDB
    except OSError:
        return False


def _mismo_archivo(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def comprobar(salida: Path, db: Optional[Path]) -> None:
    """ErrorSalida when writing `salida` could damage data: it is the
    database (or its .wal), an existing DuckDB file, or a folder."""
    salida = Path(salida)
    if db is not None:
        db = Path(db)
        for protegido in (db, db.with_name(db.name + ".wal")):
            if _mismo_archivo(salida, protegido):
                raise ErrorSalida(
                    f"No se escribe {salida}: es la base de datos {db} y se perdería. Indique otro archivo de salida."
                )
    if salida.is_dir():
        raise ErrorSalida(f"No se pudo escribir {salida}: es una carpeta; indique un archivo.")
    if salida.exists() and es_duckdb(salida):
        raise ErrorSalida(
            f"No se escribe {salida}: es una base de datos DuckDB y se perdería. Indique otro archivo de salida."
        )


def _umask() -> int:
    actual = os.umask(0)
    os.umask(actual)
    return actual


@contextmanager
def escribir(salida: Path, db: Optional[Path] = None) -> Iterator[Path]:
    """Check `salida` (comprobar), yield a temporary path in its folder, and
    rename it onto `salida` when the block ends without error; otherwise
    remove it. A symlink named as the output is followed (its target is
    replaced, not the link)."""
    salida = Path(salida)
    comprobar(salida, db)
    destino = salida.resolve() if salida.is_symlink() else salida
    destino.parent.mkdir(parents=True, exist_ok=True)
    descriptor, nombre = tempfile.mkstemp(prefix=f".{destino.name}.", suffix=".tmp", dir=destino.parent)
    os.close(descriptor)
    temporal = Path(nombre)
    try:
        yield temporal
        os.chmod(temporal, 0o666 & ~_umask())
        os.replace(temporal, destino)
    finally:
        try:
            temporal.unlink()
        except FileNotFoundError:
            pass
