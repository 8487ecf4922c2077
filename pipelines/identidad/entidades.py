"""The entity of a report: its key (by DANE code, else by normalized name,
else its file) and its row in `entidades` (names seen, newest name)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Optional

import duckdb

from pipelines.identidad.nombres import clave_legible, normalizar_entidad


def clave_entidad(
    con: duckdb.DuckDBPyConnection, nombre: Optional[str], archivo: str, codigo: Optional[str] = None
) -> tuple[str, str]:
    """(entidad_clave, normalized name). The entity's DANE code decides
    when the report writes it: the same code is the same entity whatever
    its name, a different code another entity whatever its name. Else the
    normalized name does (an entity found by name takes the code later).
    A report without entity name nor code is an entity of its own, named
    after its file."""
    normal = normalizar_entidad(nombre)
    if codigo:
        fila = con.execute(
            "SELECT entidad_clave FROM entidades WHERE codigo_divipola = ? ORDER BY creada_en, entidad_clave LIMIT 1",
            [codigo],
        ).fetchone()
        if fila:
            return fila[0], normal
    elif not normal:
        return "sin-entidad-" + clave_legible(Path(archivo).stem), ""
    if normal:
        fila = con.execute(
            "SELECT entidad_clave FROM entidades WHERE normalizado = ? "
            "AND (codigo_divipola IS NULL OR ?::VARCHAR IS NULL) ORDER BY creada_en, entidad_clave "
            "LIMIT 1",
            [normal, codigo],
        ).fetchone()
        if fila:
            return fila[0], normal
    base = clave_legible(normal, 60) if normal else f"dane-{codigo}"
    ocupada = con.execute("SELECT 1 FROM entidades WHERE entidad_clave = ?", [base]).fetchone()
    if ocupada and codigo and normal:
        base = f"{base}-{codigo}"  # another entity of the same name: its code tells them apart
    clave, n = base, 1
    while con.execute("SELECT 1 FROM entidades WHERE entidad_clave = ?", [clave]).fetchone():
        n += 1
        clave = f"{base}-{n}"
    return clave, normal


def registrar_entidad(
    con, clave: str, normal: str, nombre: Optional[str], vigencia: Optional[int], codigo: Optional[str] = None
) -> None:
    nombre = (nombre or "").strip() or clave
    fila = con.execute(
        "SELECT nombre, variantes, vigencia_nombre, codigo_divipola FROM entidades WHERE entidad_clave = ?", [clave]
    ).fetchone()
    ahora = datetime.now()
    if fila is None:
        con.execute(
            "INSERT INTO entidades (entidad_clave, nombre, normalizado, variantes, vigencia_nombre, "
            "creada_en, codigo_divipola) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [clave, nombre, normal, [nombre], vigencia, ahora, codigo],
        )
        return
    actual, variantes, vig, cod = fila
    variantes = list(variantes or [])
    if nombre not in variantes:
        variantes.append(nombre)
    if vigencia is not None and (vig is None or vigencia >= vig):
        actual, vig = nombre, vigencia
    cod = cod or codigo
    if (actual, variantes, vig, cod) == (fila[0], list(fila[1] or []), fila[2], fila[3]):
        return  # nothing new (most reports of a known entity)
    con.execute(
        "UPDATE entidades SET nombre = ?, variantes = ?, vigencia_nombre = ?, codigo_divipola = ? "
        "WHERE entidad_clave = ?",
        [actual, variantes, vig, cod, clave],
    )
