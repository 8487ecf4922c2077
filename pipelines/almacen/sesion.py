"""The store of a long load, opened and closed many times (the single
writer of `informes cargar` closes the database while it waits for the next
report, so that other processes can use it meanwhile).

`almacen.abrir` checks the schema each time (~5 ms: a few catalog queries).
A `Sesion` remembers the file as it left it on closing (device, inode, size,
modification time; no WAL beside it) and, when the file is the same on the
next opening (checked once the lock is held), skips the check: a file that
nobody else wrote holds what we last checked. Only `os.stat` looks at the
file: opening it and closing it in this process while DuckDB holds it
would release DuckDB's lock (POSIX record locks belong to the process and
any close drops them), and another process could then write at the same
time.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, Optional

import duckdb

from pipelines.almacen import respaldo
from pipelines.almacen.esquema import ErrorAlmacen, abrir


def _huella(ruta: Path) -> Optional[tuple[int, int, int, int]]:
    """(device, inode, size, mtime ns) of the file; None if it is missing or
    has a WAL beside it (changes not yet in the file). Never opens it."""
    try:
        st = os.stat(ruta)
    except OSError:
        return None
    if os.path.exists(f"{ruta}.wal"):
        return None
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


class Sesion:
    """`abrir()` gives a connection to the store (created or migrated like
    almacen.abrir; a database that is not a store is refused, ErrorAlmacen);
    `cerrar()` closes it (checkpoint, lock released) and can be followed by
    another `abrir()`. With `respaldar`, the first `abrir()` copies the store
    aside first (pipelines/almacen/respaldo.py), after restoring the copy a
    killed load left if the store is damaged (`al_avisar` is told); the copy
    is removed by `terminar()`."""

    def __init__(
        self,
        ruta_db: Path | str,
        *,
        memoria_mb: Optional[int] = None,
        respaldar: bool = False,
        al_avisar: Optional[Callable[[str], None]] = None,
    ):
        self.ruta = Path(ruta_db)
        self.memoria_mb = memoria_mb
        self.respaldar = respaldar
        self.al_avisar = al_avisar or logging.getLogger("informes").warning
        self._respaldada = False
        self._con: Optional[duckdb.DuckDBPyConnection] = None
        self._revisada: Optional[tuple[int, int, int, int]] = None  # the file as we left it

    def abrir(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            if self.respaldar and not self._respaldada:
                self._respaldar()
            anterior, self._revisada = self._revisada, None
            # the lock is held when `revisar` runs: unchanged since we closed it, the schema is what we checked
            try:
                self._con = abrir(
                    self.ruta,
                    memoria_mb=self.memoria_mb,
                    revisar=lambda: anterior is None or _huella(self.ruta) != anterior,
                )
            except ErrorAlmacen as exc:
                if self._respaldada and respaldo.danada(exc):
                    respaldo.descartar(self.ruta)  # a copy of a store damaged with no copy before: no copy
                    raise ErrorAlmacen(respaldo.motivo_danada(self.ruta)) from exc
                raise
        return self._con

    def cerrar(self) -> None:
        if self._con is not None:
            con, self._con = self._con, None
            con.close()
            self._revisada = _huella(self.ruta)

    def terminar(self) -> None:
        """Closed as it should be: the copy taken at the start is not needed."""
        self.cerrar()
        if self._respaldada:
            respaldo.descartar(self.ruta)

    def _respaldar(self) -> None:
        """A copy left by a killed load: the store is checked (read-only, it
        is not changed) and, if damaged, the copy restored. Then the store is
        copied as it is now."""
        if respaldo.existe(self.ruta) and self.ruta.exists():
            try:
                abrir(self.ruta, solo_lectura=True).close()
            except ErrorAlmacen as exc:
                if not respaldo.danada(exc):
                    raise  # busy or not a store: as any opening
                aparte = respaldo.restaurar(self.ruta)
                self.al_avisar(respaldo.aviso_de_restauracion(self.ruta, aparte))
        respaldo.copiar(self.ruta)
        self._respaldada = True
