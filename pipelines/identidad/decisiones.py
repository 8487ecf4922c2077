"""Manual identity decisions: `vincular` two identities, `separar` a
variant; stored in `decisiones` by variant name, applied again after every
load, exported to and imported from CSV."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path
from typing import Optional

import duckdb

from pipelines.identidad.nombres import nueva_clave
from pipelines.texto import normalizar


ACCIONES = ("vincular", "separar")
COLUMNAS_DECISIONES = ("accion", "entidad_clave", "clave_a", "variante_a", "clave_b", "variante_b", "creada_en", "nota")


class ErrorIdentidad(Exception):
    """Error shown to users (Spanish message)."""


def claves_ocupadas(con, entidad_clave: str) -> set[str]:
    return {
        r[0]
        for r in con.execute(
            "SELECT indicador_clave FROM identidades WHERE entidad_clave = ? OR starts_with(indicador_clave, ?)",
            [entidad_clave, entidad_clave + "/"],
        ).fetchall()
    }


def _entidad_de(con, clave: str) -> str:
    fila = con.execute("SELECT entidad_clave FROM identidades WHERE indicador_clave = ?", [clave]).fetchone()
    if fila is None:
        raise ErrorIdentidad(f"No existe el indicador {clave}. Véalos con: informes indicadores")
    return fila[0]


def _primera_variante(con, clave: str, excepto: Optional[str] = None) -> Optional[str]:
    fila = con.execute(
        "SELECT clave FROM variantes WHERE indicador_clave = ? AND clave IS DISTINCT FROM ? "
        "ORDER BY creada_en, clave LIMIT 1",
        [clave, excepto],
    ).fetchone()
    return fila[0] if fila else None


def _juntas_en(con, a: str, b: str) -> Optional[str]:
    """A report where identities a and b both appear (they cannot be one)."""
    fila = con.execute(
        "SELECT i.archivo FROM indicadores d JOIN informes i USING (informe_id) "
        "WHERE d.indicador_clave IN (?, ?) GROUP BY i.archivo, d.informe_id "
        "HAVING count(DISTINCT d.indicador_clave) = 2 ORDER BY i.archivo LIMIT 1",
        [a, b],
    ).fetchone()
    return fila[0] if fila else None


def _fusionar(con, a: str, b: str) -> None:
    """Every variant and row of identity b goes to a; b is removed."""
    con.execute(
        "DELETE FROM variantes v WHERE v.indicador_clave = ? AND EXISTS (SELECT 1 FROM variantes w "
        "WHERE w.indicador_clave = ? AND w.entidad_clave = v.entidad_clave "
        "AND w.dependencia = v.dependencia AND w.clave = v.clave)",
        [b, a],
    )
    con.execute(
        "UPDATE variantes SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
        "vinculada_con = ? WHERE indicador_clave = ?",
        [a, a, b],
    )
    con.execute(
        "UPDATE indicadores SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
        "vinculada_con = ? WHERE indicador_clave = ?",
        [a, a, b],
    )
    con.execute("UPDATE observaciones SET indicador_clave = ? WHERE indicador_clave = ?", [a, b])
    con.execute("DELETE FROM identidades WHERE indicador_clave = ?", [b])


def _apartar(con, clave: str, variante: str) -> str:
    """Move the variant (clave text) of identity `clave` to a new identity."""
    filas = con.execute(
        "SELECT entidad_clave, nombre, indicador_padre FROM variantes WHERE indicador_clave = ? "
        "AND clave = ? ORDER BY creada_en",
        [clave, variante],
    ).fetchall()
    entidad_clave, nombre, padre = filas[0]
    nueva = nueva_clave(entidad_clave, nombre, claves_ocupadas(con, entidad_clave))
    vigencia = con.execute(
        "SELECT max(i.vigencia) FROM indicadores d JOIN informes i USING (informe_id) "
        "WHERE d.indicador_clave = ? AND d.clave = ?",
        [clave, variante],
    ).fetchone()[0]
    con.execute(
        "INSERT INTO identidades (indicador_clave, entidad_clave, nombre, indicador_padre, "
        "vigencia_nombre, creada_en) VALUES (?, ?, ?, ?, ?, ?)",
        [nueva, entidad_clave, nombre, padre, vigencia, datetime.now()],
    )
    con.execute(
        "UPDATE variantes SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
        "vinculada_con = NULL, alternativa = ?, puntaje_alternativa = NULL "
        "WHERE indicador_clave = ? AND clave = ?",
        [nueva, clave, clave, variante],
    )
    con.execute(
        "UPDATE indicadores SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
        "vinculada_con = NULL WHERE indicador_clave = ? AND clave = ?",
        [nueva, clave, variante],
    )
    con.execute(
        "UPDATE observaciones SET indicador_clave = d.indicador_clave FROM indicadores d "
        "WHERE observaciones.indicador_id = d.indicador_id AND observaciones.informe_id = d.informe_id "
        "AND d.indicador_clave = ?",
        [nueva],
    )
    return nueva


def _id_decision(accion: str, entidad: str, a: str, b: str) -> str:
    return hashlib.sha256("\x1f".join([accion, entidad, a, b]).encode("utf-8")).hexdigest()[:16]


def _guardar_decision(
    con, accion, entidad, clave_a, variante_a, clave_b, variante_b, nota=None, creada_en=None
) -> bool:
    did = _id_decision(accion, entidad, variante_a, variante_b)
    if con.execute("SELECT 1 FROM decisiones WHERE decision_id = ?", [did]).fetchone():
        return False
    if accion == "vincular":  # a later link undoes an earlier separation of the same pair
        con.execute(
            "DELETE FROM decisiones WHERE accion = 'separar' AND entidad_clave = ? AND "
            "((variante_a = ? AND variante_b = ?) OR (variante_a = ? AND variante_b = ?))",
            [entidad, variante_a, variante_b, variante_b, variante_a],
        )
    else:
        con.execute(
            "DELETE FROM decisiones WHERE accion = 'vincular' AND entidad_clave = ? AND "
            "((variante_a = ? AND variante_b = ?) OR (variante_a = ? AND variante_b = ?))",
            [entidad, variante_a, variante_b, variante_b, variante_a],
        )
    con.execute(
        "INSERT INTO decisiones (decision_id, accion, entidad_clave, clave_a, variante_a, clave_b, "
        "variante_b, creada_en, nota) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [did, accion, entidad, clave_a, variante_a, clave_b, variante_b, creada_en or datetime.now(), nota],
    )
    return True


def vincular(con: duckdb.DuckDBPyConnection, clave_a: str, clave_b: str, nota: Optional[str] = None) -> str:
    """Record that identities a and b are one indicator (b joins a) and apply it."""
    if clave_a == clave_b:
        raise ErrorIdentidad("Las dos claves son la misma.")
    ent_a, ent_b = _entidad_de(con, clave_a), _entidad_de(con, clave_b)
    if ent_a != ent_b:
        raise ErrorIdentidad(
            f"{clave_a} y {clave_b} son de entidades distintas ({ent_a}, {ent_b}); "
            "no se vinculan indicadores de entidades distintas."
        )
    juntas = _juntas_en(con, clave_a, clave_b)
    if juntas:
        raise ErrorIdentidad(
            f"{clave_a} y {clave_b} aparecen los dos en {juntas}: son indicadores distintos "
            "de un mismo informe y no se pueden vincular."
        )
    va, vb = _primera_variante(con, clave_a), _primera_variante(con, clave_b)
    _guardar_decision(con, "vincular", ent_a, clave_a, va, clave_b, vb, nota)
    _fusionar(con, clave_a, clave_b)
    return clave_a


def _buscar_variante(con, clave: str, variante: str) -> str:
    """The clave text of the variant of identity `clave` that the user named
    (as written, with or without its parent, any case or accents)."""
    filas = con.execute(
        "SELECT DISTINCT clave, nombre FROM variantes WHERE indicador_clave = ? ORDER BY clave", [clave]
    ).fetchall()
    buscada = normalizar(variante)
    for c, nombre in filas:
        if buscada in (c, normalizar(nombre)):
            return c
    nombres = "; ".join(n for _, n in filas) or "ninguna"
    raise ErrorIdentidad(f"{clave} no tiene la variante «{variante}». Sus variantes: {nombres}.")


def separar(con: duckdb.DuckDBPyConnection, clave: str, variante: str, nota: Optional[str] = None) -> str:
    """Record that the variant is not indicator `clave` and move it to a new
    identity. Returns the new key."""
    entidad = _entidad_de(con, clave)
    texto = _buscar_variante(con, clave, variante)
    referencia = _primera_variante(con, clave, excepto=texto)
    if referencia is None:
        raise ErrorIdentidad(f"«{variante}» es la única variante de {clave}; no hay de qué separarla.")
    _guardar_decision(con, "separar", entidad, clave, referencia, None, texto, nota)
    return _apartar(con, clave, texto)


def _identidades_con(con, entidad: str, variante: Optional[str]) -> list[str]:
    if not variante:
        return []
    return [
        r[0]
        for r in con.execute(
            "SELECT indicador_clave FROM variantes WHERE entidad_clave = ? AND clave = ? "
            "GROUP BY indicador_clave ORDER BY min(creada_en), indicador_clave",
            [entidad, variante],
        ).fetchall()
    ]


def aplicar_decisiones(con: duckdb.DuckDBPyConnection, entidad_clave: Optional[str] = None) -> list[str]:
    """Apply the stored decisions (of one entity, or all) again, by variant
    name: idempotent. Returns Spanish notes on decisions that could not be
    applied (e.g. two indicators of one report)."""
    notas = []
    sql = "SELECT accion, entidad_clave, variante_a, variante_b FROM decisiones"
    parametros: list = []
    if entidad_clave:
        sql += " WHERE entidad_clave = ?"
        parametros.append(entidad_clave)
    for accion, entidad, va, vb in con.execute(sql + " ORDER BY creada_en, decision_id", parametros).fetchall():
        if accion == "vincular":
            claves_a, claves_b = _identidades_con(con, entidad, va), _identidades_con(con, entidad, vb)
            if not claves_a or not claves_b or claves_b[0] == claves_a[0]:
                continue
            a, b = claves_a[0], claves_b[0]
            juntas = _juntas_en(con, a, b)
            if juntas:
                notas.append(f"No se aplicó vincular {a} {b}: aparecen los dos en {juntas}.")
                continue
            _fusionar(con, a, b)
        else:
            for k in set(_identidades_con(con, entidad, vb)) & set(_identidades_con(con, entidad, va)):
                _apartar(con, k, vb)
    return notas


def exportar_decisiones(con: duckdb.DuckDBPyConnection, salida: Path) -> int:
    import csv

    from pipelines.texto import texto_celda

    filas = con.execute(
        "SELECT " + ", ".join(COLUMNAS_DECISIONES) + " FROM decisiones ORDER BY creada_en, decision_id"
    ).fetchall()
    salida = Path(salida)
    salida.parent.mkdir(parents=True, exist_ok=True)
    with salida.open("w", encoding="utf-8", newline="") as f:
        escritor = csv.writer(f, lineterminator="\n")
        escritor.writerow(COLUMNAS_DECISIONES)
        escritor.writerows([texto_celda(v) for v in fila] for fila in filas)
    return len(filas)


def importar_decisiones(con: duckdb.DuckDBPyConnection, entrada: Path) -> tuple[int, list[str]]:
    """Read decisions from a CSV written by exportar_decisiones (or by hand:
    accion, entidad_clave, variante_a, variante_b are required) and apply
    them. Returns (new decisions, notes)."""
    import csv

    entrada = Path(entrada)
    if not entrada.is_file():
        raise ErrorIdentidad(f"No existe el archivo {entrada}.")
    with entrada.open(encoding="utf-8-sig", newline="") as f:
        lector = csv.DictReader(f)
        faltan = [
            c for c in ("accion", "entidad_clave", "variante_a", "variante_b") if c not in (lector.fieldnames or [])
        ]
        if faltan:
            raise ErrorIdentidad(f"{entrada.name}: faltan las columnas {', '.join(faltan)}.")
        filas = list(lector)
    nuevas = 0
    for n, d in enumerate(filas, start=2):
        limpio = {k: (v or "").strip().lstrip("'") if isinstance(v, str) else v for k, v in d.items()}
        accion = limpio["accion"]
        if accion not in ACCIONES:
            raise ErrorIdentidad(f"{entrada.name}, línea {n}: acción desconocida {accion!r} (use vincular o separar).")
        if not limpio["entidad_clave"] or not limpio["variante_a"] or not limpio["variante_b"]:
            raise ErrorIdentidad(f"{entrada.name}, línea {n}: faltan entidad_clave, variante_a o variante_b.")
        creada = None
        if limpio.get("creada_en"):
            try:
                creada = datetime.fromisoformat(limpio["creada_en"])
            except ValueError:
                creada = None
        nuevas += _guardar_decision(
            con,
            accion,
            limpio["entidad_clave"],
            limpio.get("clave_a") or None,
            limpio["variante_a"],
            limpio.get("clave_b") or None,
            limpio["variante_b"],
            limpio.get("nota") or None,
            creada,
        )
    return nuevas, aplicar_decisiones(con)
