"""The store's schema: open (create or migrate) a DuckDB file as a store of
this program, refuse any other database, create the views of
esquemas/vistas.yaml. The tables come from esquemas/tablas.yaml."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Optional

import duckdb

import esquemas
from esquemas import Tabla
from pipelines.almacen import valores


class ErrorAlmacen(Exception):
    """Error shown to users (Spanish message that names the file)."""


# --------------------------------------------------------------------- schema


# stored in esquema_informes; raise it when a migration needs more than ADD COLUMN.
# 2: tables columnas_leidas and correcciones (created by crear_esquema in an older store)
# 3: table valores_por_clave, filled from the stored figures when an older store gains it
VERSION_ESQUEMA = 3
MARCA = "esquema_informes"  # the table that marks a file as a store of this program


def abrir(
    ruta_db: Path | str,
    *,
    solo_lectura: bool = False,
    memoria_mb: Optional[int] = None,
    revisar: Optional[Callable[[], bool]] = None,
) -> duckdb.DuckDBPyConnection:
    """Open (and create or migrate, unless solo_lectura) the store. A
    database that is not a store of this program (other tables, no marker)
    is refused, never altered (ErrorAlmacen). solo_lectura requires an
    existing file and does not touch it. memoria_mb: DuckDB's memory_limit;
    beyond it DuckDB spills to a temp_directory next to the database.
    revisar: called once the file is open (its lock held); False skips the
    schema check (sesion.Sesion: the file is as this process left it)."""
    ruta_db = Path(ruta_db)
    if solo_lectura and not ruta_db.is_file():
        raise ErrorAlmacen(f"No existe la base de datos {ruta_db}.")
    config: dict[str, str | bool | int | float | list[str]] = {}
    if memoria_mb:
        config = {
            "memory_limit": f"{int(memoria_mb)}MB",
            "temp_directory": str(ruta_db.parent / f".{ruta_db.name}.tmp"),
        }
    try:
        con = duckdb.connect(str(ruta_db), read_only=solo_lectura, config=config)
    except duckdb.Error as exc:
        raise ErrorAlmacen(motivo_duckdb(ruta_db, exc)) from exc
    try:
        if solo_lectura:
            _exigir_almacen(con, ruta_db)
        elif revisar is None or revisar():
            crear_esquema(con, ruta_db)
    except BaseException:
        con.close()
        raise
    return con


def escalar(con: duckdb.DuckDBPyConnection, sql: str, parametros: Optional[list[Any]] = None) -> Any:
    """The first value of the first row of a query that always gives one
    row (an aggregate: count, max)."""
    fila = con.execute(sql, parametros).fetchone()
    if fila is None:
        raise ErrorAlmacen(f"La consulta no devolvió ninguna fila: {sql}")
    return fila[0]


def motivo_duckdb(ruta_db: Path, exc: BaseException) -> str:
    """Spanish one-liner for a DuckDB error opening `ruta_db` (DuckDB's own
    English text is left for --debug)."""
    texto = str(exc).lower()
    if not ruta_db.parent.is_dir():
        return f"No se pudo abrir la base de datos {ruta_db}: la carpeta {ruta_db.parent} no existe."
    if "lock" in texto and ("conflicting" in texto or "could not set" in texto):
        return f"La base de datos {ruta_db} está ocupada por otro proceso."
    from pipelines.almacen import respaldo

    if respaldo.danada(exc):
        return respaldo.motivo_danada(ruta_db)
    if "not a valid duckdb" in texto or "not a duckdb" in texto or "invalid" in texto and "file" in texto:
        return f"{ruta_db} no es una base de datos DuckDB."
    if "version" in texto and "storage" in texto:
        return f"La base de datos {ruta_db} fue creada por otra versión de DuckDB y no se puede abrir."
    if "permission" in texto:
        return f"No se pudo abrir la base de datos {ruta_db}: permiso denegado."
    if "read-only" in texto or "read only" in texto:
        return f"No se pudo escribir en la base de datos {ruta_db}: está en modo de solo lectura."
    return f"No se pudo abrir la base de datos {ruta_db} (error de DuckDB; detalles con --debug)."


def ddl(tabla: Tabla) -> str:
    """CREATE TABLE IF NOT EXISTS statement of a table of tablas.yaml."""
    partes = [f'"{c.nombre}" {c.tipo}{"" if c.nulo else " NOT NULL"}' for c in tabla.columnas]
    if tabla.clave_primaria:
        partes.append(f"PRIMARY KEY ({', '.join(tabla.clave_primaria)})")
    return f'CREATE TABLE IF NOT EXISTS "{tabla.nombre}" (\n  ' + ",\n  ".join(partes) + "\n)"


def _contenido(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, set[str]], list[str]]:
    """(columns of each table of the main schema, other objects: views not
    in esquemas/vistas.yaml, tables of other schemas, sequences) of the open
    database."""
    tipos = con.execute(
        "SELECT table_schema, table_name, table_type FROM information_schema.tables "
        "WHERE table_catalog = current_database()"
    ).fetchall()
    vistas_main = {n for e, n, t in tipos if e == "main" and t != "BASE TABLE"}
    columnas: dict[str, set[str]] = {}
    for tabla, columna in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = 'main'"
    ).fetchall():
        if tabla not in vistas_main:
            columnas.setdefault(tabla, set()).add(columna)
    nuestras = esquemas.vistas()  # views of esquemas/vistas.yaml are part of the store
    otros = [
        f"{e}.{n}" if e != "main" else n
        for e, n, t in tipos
        if e != "main" or (t != "BASE TABLE" and n not in nuestras)
    ]
    otros += [
        n
        for (n,) in con.execute(
            "SELECT sequence_name FROM duckdb_sequences() WHERE database_name = current_database()"
        ).fetchall()
    ]
    return columnas, otros


def _ajeno(columnas: dict[str, set[str]], otros: list[str]) -> Optional[list[str]]:
    """None when the database is empty or a store of this program (with the
    marker, or without it but with only our tables and columns: created
    before the marker existed); else the names of what is foreign."""
    if not columnas and not otros:
        return None
    nuestras = esquemas.tablas()
    ajenas = [t for t in columnas if t not in nuestras] + otros
    if MARCA in columnas and not ajenas:
        return None
    ajenas += [t for t, cols in columnas.items() if t in nuestras and not cols <= set(nuestras[t].nombres)]
    if "informes" not in columnas and MARCA not in columnas:
        ajenas = ajenas or sorted(columnas)
    return sorted(set(ajenas)) or None


def _rechazo(ruta_db: Path, ajenas: list[str]) -> ErrorAlmacen:
    lista = ", ".join(ajenas[:5]) + (f" y {len(ajenas) - 5} más" if len(ajenas) > 5 else "")
    return ErrorAlmacen(
        f"La base de datos {ruta_db} no es un almacén de informes (tiene otras tablas: {lista}); "
        "no se modifica. Use otro archivo con --db."
    )


def _exigir_almacen(con: duckdb.DuckDBPyConnection, ruta_db: Path) -> None:
    ajenas = _ajeno(*_contenido(con))
    if ajenas:
        raise _rechazo(ruta_db, ajenas)


def crear_esquema(con: duckdb.DuckDBPyConnection, ruta_db: Path | str = "") -> None:
    """Create missing tables and add columns that tablas.yaml gained since
    the file was created (as nullable columns), in one transaction, and set
    the marker (esquema_informes). A database holding anything else is
    refused (ErrorAlmacen) before any change."""
    # One query for every table's columns and one for the views (the store
    # is opened for each report of a load): nothing else runs when the
    # schema is up to date.
    columnas, otros = _contenido(con)
    ajenas = _ajeno(columnas, otros)
    if ajenas:
        raise _rechazo(Path(ruta_db), ajenas)
    if MARCA in columnas:
        version = escalar(con, f'SELECT max(version) FROM "{MARCA}"')
        if version is not None and version > VERSION_ESQUEMA:
            raise ErrorAlmacen(
                f"La base de datos {ruta_db} fue creada por una versión más nueva de informes "
                f"(esquema {version}); actualice el programa."
            )
    cambios = []
    for tabla in esquemas.tablas().values():
        if tabla.nombre not in columnas:
            cambios.append(ddl(tabla))
            continue
        for c in tabla.columnas:
            if c.nombre not in columnas[tabla.nombre]:
                cambios.append(f'ALTER TABLE "{tabla.nombre}" ADD COLUMN "{c.nombre}" {c.tipo}')
    vistas = _vistas_por_crear(con) if not cambios else list(esquemas.vistas().values())
    if not cambios and not vistas:
        return
    con.begin()
    try:
        for sql in cambios:
            con.execute(sql)
        if "observaciones" in columnas and valores.TABLA not in columnas:
            valores.reconstruir(con)  # an older store's figures, summed up
        for vista in vistas:
            for sql in ddl_vista(vista):
                con.execute(sql)
        if cambios:
            con.execute(f'DELETE FROM "{MARCA}"')
            con.execute(f'INSERT INTO "{MARCA}" VALUES (?, ?)', [VERSION_ESQUEMA, datetime.now()])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _marca_vista(vista: esquemas.Vista) -> str:
    """The view's comment: its description and a hash of its SQL, so that a
    changed definition in vistas.yaml is noticed and the view replaced."""
    huella = hashlib.sha256(vista.sql.encode("utf-8")).hexdigest()[:12]
    return f"{vista.descripcion} [{huella}]"


def ddl_vista(vista: esquemas.Vista, temporal: bool = False) -> list[str]:
    """Statements that create (or replace) a view of vistas.yaml."""
    if temporal:
        return [f'CREATE OR REPLACE TEMP VIEW "{vista.nombre}" AS {vista.sql}']
    comentario = _marca_vista(vista).replace("'", "''")
    return [
        f'CREATE OR REPLACE VIEW "{vista.nombre}" AS {vista.sql}',
        f"COMMENT ON VIEW \"{vista.nombre}\" IS '{comentario}'",
    ]


def _vistas_existentes(con: duckdb.DuckDBPyConnection) -> dict[str, Optional[str]]:
    """Views of the main schema of the open database -> their comment."""
    return dict(
        con.execute(
            "SELECT view_name, comment FROM duckdb_views() WHERE database_name = current_database() "
            "AND schema_name = 'main' AND NOT internal"
        ).fetchall()
    )


def _vistas_por_crear(con: duckdb.DuckDBPyConnection) -> list[esquemas.Vista]:
    existentes = _vistas_existentes(con)
    return [v for v in esquemas.vistas().values() if existentes.get(v.nombre, "") != _marca_vista(v)]


def vistas_temporales(con: duckdb.DuckDBPyConnection) -> None:
    """On a store opened read-only that lacks views of vistas.yaml (written
    by an older version), create them as temporary views of this connection."""
    for vista in _vistas_por_crear(con):
        for sql in ddl_vista(vista, temporal=True):
            con.execute(sql)
