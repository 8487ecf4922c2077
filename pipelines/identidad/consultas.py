"""Reading identities: each one with its variants, years and reasons to
doubt it (`informes indicadores`)."""

from __future__ import annotations

from typing import Any, Optional

import duckdb

from pipelines.identidad.ajustes import config
from pipelines.identidad.nombres import clave_legible, normalizar_entidad


def listar(
    con: duckdb.DuckDBPyConnection, entidad: Optional[str] = None, dudosos: bool = False
) -> list[dict[str, Any]]:
    """Identities with their variants (name, years, how each was linked),
    years and reasons to doubt them. `entidad` filters by key or name."""
    cfg = config()
    sql = (
        "SELECT d.indicador_clave, d.entidad_clave, e.nombre, d.nombre, d.indicador_padre "
        "FROM identidades d JOIN entidades e USING (entidad_clave)"
    )
    parametros: list = []
    if entidad:
        sql += " WHERE d.entidad_clave = ? OR e.normalizado = ? OR e.entidad_clave LIKE ?"
        parametros += [entidad, normalizar_entidad(entidad), f"%{clave_legible(entidad, 80)}%"]
    identidades = con.execute(sql + " ORDER BY d.entidad_clave, d.indicador_clave", parametros).fetchall()
    anios: dict[tuple[str, str], list[int]] = {}
    unidades: dict[str, set[str]] = {}
    for clave, variante, vig, unidad in con.execute(
        "SELECT d.indicador_clave, d.clave, i.vigencia, d.unidad FROM indicadores d "
        "JOIN informes i USING (informe_id) WHERE d.indicador_clave IS NOT NULL"
    ).fetchall():
        anios.setdefault((clave, variante), []).append(vig)
        if unidad:
            unidades.setdefault(clave, set()).add(unidad)
    variantes: dict[str, list[dict]] = {}
    for fila in con.execute(
        "SELECT indicador_clave, clave, nombre, indicador_padre, dependencia, codigo, vinculo, puntaje, "
        "vinculada_con, alternativa, puntaje_alternativa FROM variantes ORDER BY creada_en, clave"
    ).fetchall():
        d = dict(
            zip(
                (
                    "indicador_clave",
                    "clave",
                    "nombre",
                    "indicador_padre",
                    "dependencia",
                    "codigo",
                    "vinculo",
                    "puntaje",
                    "vinculada_con",
                    "alternativa",
                    "puntaje_alternativa",
                ),
                fila,
            )
        )
        d["anios"] = sorted({a for a in anios.get((d["indicador_clave"], d["clave"]), []) if a is not None})
        variantes.setdefault(d["indicador_clave"], []).append(d)
    salida = []
    for clave, ent_clave, ent_nombre, nombre, padre in identidades:
        vs = [v for v in variantes.get(clave, []) if v["anios"] or not dudosos]
        motivos = []
        for v in vs:
            if v["vinculo"] == "similitud" and (v["puntaje"] or 0) < cfg.similitud_segura:
                motivos.append(f"«{v['nombre']}» vinculada por similitud {v['puntaje']:g}")
            if v["alternativa"] and v["alternativa"] != clave and v["puntaje_alternativa"] is not None:
                motivos.append(f"«{v['nombre']}» se parece a {v['alternativa']} ({v['puntaje_alternativa']:g})")
        if len(unidades.get(clave, ())) > 1:
            motivos.append("unidades distintas: " + ", ".join(sorted(unidades[clave])))
        todos = sorted({a for v in vs for a in v["anios"]})
        if dudosos and not motivos:
            continue
        if not vs and not todos:
            continue
        salida.append(
            {
                "indicador_clave": clave,
                "entidad_clave": ent_clave,
                "entidad": ent_nombre,
                "nombre": nombre,
                "indicador_padre": padre,
                "anios": todos,
                "variantes": vs,
                "dudas": motivos,
            }
        )
    return salida
