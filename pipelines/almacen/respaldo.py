"""A copy of the store taken before a load first writes to it, kept until
the load ends, for the store that a load killed while DuckDB was writing
its file (SIGKILL, power loss, out-of-memory killer) may leave damaged:
DuckDB 2.0 has been seen to refuse such a file ("Corrupt database file:
computed checksum … does not match"). The next load finds the copy, sees
the store damaged, puts the damaged file aside (never deleted) and the
copy in its place; the reports of the interrupted load are loaded again.

The copy is `<store>.respaldo` (and `<store>.respaldo.wal` when the store
had a WAL beside it). It is taken before DuckDB opens the store, never
while this process holds it: opening and closing the file here would drop
DuckDB's lock (POSIX record locks belong to the process). A copy made while
another process changed the store is made again.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path
from typing import Optional

SUFIJO = ".respaldo"

# DuckDB's words for a file it cannot trust (lowercase)
_DANADA = ("corrupt", "checksum", "failure while replaying wal")


def ruta_de(db: Path) -> Path:
    return db.with_name(db.name + SUFIJO)


def _wal(ruta: Path) -> Path:
    return ruta.with_name(ruta.name + ".wal")


def _estado(db: Path) -> tuple:
    """(inode, size, mtime ns) of the store and of its WAL; None where missing."""
    salida: list[Optional[tuple[int, int, int]]] = []
    for ruta in (db, _wal(db)):
        try:
            st = os.stat(ruta)
            salida.append((st.st_ino, st.st_size, st.st_mtime_ns))
        except FileNotFoundError:
            salida.append(None)
    return tuple(salida)


def existe(db: Path) -> bool:
    return ruta_de(db).exists()


def danada(exc: BaseException) -> bool:
    """Whether DuckDB's error (or the one behind `exc`) says the file is damaged."""
    texto = f"{exc} {exc.__cause__ or ''}".lower()
    return any(palabra in texto for palabra in _DANADA)


def copiar(db: Path) -> None:
    """Copy the store (and its WAL) to `<store>.respaldo`, replacing the
    previous copy only once the new one is whole; no store yet: no copy."""
    destino = ruta_de(db)
    while True:
        antes = _estado(db)
        if antes[0] is None:
            descartar(db)
            return
        temporal = destino.with_name(destino.name + ".tmp")
        _copia_durable(db, temporal)
        if antes[1] is not None:
            _copia_durable(_wal(db), _wal(temporal))
        if _estado(db) != antes:  # another process wrote meanwhile: copied again
            continue
        os.replace(temporal, destino)
        if antes[1] is not None:
            os.replace(_wal(temporal), _wal(destino))
        else:
            _wal(destino).unlink(missing_ok=True)
        return


def _copia_durable(origen: Path, destino: Path) -> None:
    shutil.copyfile(origen, destino)
    with open(destino, "rb+") as f:
        os.fsync(f.fileno())


def descartar(db: Path) -> None:
    """The copy removed: the load ended with the store closed as it should."""
    for ruta in (ruta_de(db), _wal(ruta_de(db))):
        ruta.unlink(missing_ok=True)


def restaurar(db: Path) -> Path:
    """The damaged store (and its WAL) moved aside to
    `<store>.danada-<date and time>`, the copy put in its place. Returns
    where the damaged file went."""
    aparte = db.with_name(f"{db.name}.danada-{datetime.now():%Y%m%d-%H%M%S}")
    os.replace(db, aparte)
    if _wal(db).exists():
        os.replace(_wal(db), _wal(aparte))
    respaldo = ruta_de(db)
    if _wal(respaldo).exists():
        os.replace(_wal(respaldo), _wal(db))
    os.replace(respaldo, db)
    return aparte


def aviso_de_restauracion(db: Path, aparte: Path) -> str:
    return (
        f"La base de datos {db} quedó dañada por una carga interrumpida; se restauró la copia tomada antes "
        f"de esa carga (el archivo dañado quedó en {aparte}). Los informes de la carga interrumpida se "
        "cargan de nuevo al volver a cargarlos."
    )


def motivo_danada(db: Path) -> str:
    """The Spanish line for a damaged store: what the user can do."""
    if existe(db):
        return (
            f"La base de datos {db} está dañada (probablemente una carga interrumpida). Hay una copia de antes "
            f"de esa carga en {ruta_de(db)}: `informes cargar` la restaura al empezar."
        )
    return f"La base de datos {db} está dañada y no hay copia de respaldo; el archivo no se modificó."
