"""The table `valores_por_clave`: the dated figures of each entity
summed up by key (indicadores.clave, medida, period, tipo_gasto, fuente) and
value, what the cross-report conflict check (pipelines/validacion/motor.py)
needs to know about the other reports without going over their figures.

Per (entity, key, value): how many distinct files (informes.archivo) give
it, the first figure that gave it (by load time, file, observation) and
whether one of those files also gives another value for the key
(`compartido`: then the files of two values overlap and their counts
cannot be added). With 500 stored reports that repeat the same figures it
has a row per value, not one per report.

It always holds exactly what the stored figures say (a test rebuilds it
and compares): `registrar` adds a report inside its write transaction (one
read of the rows of its keys, and one more of what the reports with its file
name give when there are any; then the changed rows written), `quitar`
takes out reports about to be deleted, `reconstruir` recomputes the rows of
some keys (or all, when an older store gains the table) from the figures.
Files are counted by name (informes.archivo), as in the conflict check. A
figure counts once its report has an entity (entidad_clave).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple, Optional, Sequence

import duckdb

if TYPE_CHECKING:
    import pyarrow as pa

TABLA = "valores_por_clave"
CLAVE = ("entidad_clave", "clave", "medida", "periodo_inicio", "periodo_fin", "tipo_gasto", "fuente_financiacion")

# The stored dated figures with their key, as the conflict check joins them
# (the indicator's entity is the figure's).
_CIFRAS = """
SELECT o.entidad_clave, xi.clave, o.medida, o.periodo_inicio, o.periodo_fin, o.tipo_gasto, o.fuente_financiacion,
       o.valor + 0.0 AS valor, oi.archivo, oi.cargado_en, o.observacion_id, o.pagina, o.informe_id
FROM observaciones o
JOIN indicadores xi ON xi.indicador_id = o.indicador_id AND xi.entidad_clave = o.entidad_clave
JOIN informes oi ON oi.informe_id = o.informe_id
WHERE o.periodo_fin IS NOT NULL
"""
_K = "row(" + ", ".join(f"{{t}}.{c}" for c in CLAVE) + ")"

# The rows of the keys that the figures of $de have (every key when $de is
# NULL), recomputed from the figures of the reports not in $excluir;
# `valor + 0.0` makes -0.0 and 0.0 one value.
_RECONSTRUIR = f"""
INSERT INTO {TABLA}
WITH c AS ({_CIFRAS}),
claves AS (SELECT DISTINCT {_K.format(t="c")} AS k FROM c WHERE $de IS NULL OR list_contains($de, c.informe_id)),
c2 AS (
  SELECT c.* FROM c SEMI JOIN claves ON claves.k IS NOT DISTINCT FROM {_K.format(t="c")}
  WHERE NOT list_contains($excluir, c.informe_id)
),
varios AS (  -- a file that gives two values or more for a key
  SELECT {", ".join(CLAVE)}, archivo FROM c2 GROUP BY ALL HAVING count(DISTINCT valor) > 1
),
g AS (
  SELECT {", ".join(f"c2.{c}" for c in CLAVE)}, c2.valor, count(DISTINCT c2.archivo)::INTEGER AS archivos,
         min({{'cargado_en': c2.cargado_en, 'archivo': c2.archivo, 'observacion_id': c2.observacion_id,
               'pagina': c2.pagina}}) AS p,
         bool_or(v.archivo IS NOT NULL) AS compartido
  FROM c2 LEFT JOIN varios v ON {" AND ".join(f"v.{c} IS NOT DISTINCT FROM c2.{c}" for c in CLAVE)}
       AND v.archivo = c2.archivo
  GROUP BY ALL
)
SELECT {", ".join(CLAVE)}, valor, archivos, p.cargado_en, p.archivo, p.observacion_id, p.pagina, compartido FROM g
"""

_BORRAR = f"""
DELETE FROM {TABLA} g WHERE EXISTS (
  SELECT 1 FROM ({_CIFRAS}) c WHERE list_contains($de, c.informe_id)
  AND {_K.format(t="c")} IS NOT DISTINCT FROM {_K.format(t="g")}
)
"""


def reconstruir(
    con: duckdb.DuckDBPyConnection, de: Optional[Sequence[str]] = None, excluir: Sequence[str] = ()
) -> None:
    """Recompute from the stored figures the rows of every key that the
    figures of reports `de` have (None: the whole table), leaving out the
    figures of reports `excluir` (about to be deleted, or not yet added)."""
    if de is None:
        con.execute(f"DELETE FROM {TABLA}")
    else:
        con.execute(_BORRAR, {"de": list(de)})
    con.execute(_RECONSTRUIR, {"de": None if de is None else list(de), "excluir": list(excluir)})


def quitar(con: duckdb.DuckDBPyConnection, informes: Sequence[str]) -> None:
    """Before the figures of `informes` are deleted: their keys' rows as
    the other reports leave them."""
    if informes:
        reconstruir(con, de=informes, excluir=informes)


# ---------------------------------------------------------------- adding one report


class Valor(NamedTuple):
    """One value that other reports give for a key: how many files, the
    first figure (load time, file, observation, page) and whether one of
    its files also gives another value."""

    valor: float
    archivos: int
    primera: tuple[datetime, str, str, Optional[int]]
    compartido: bool


class Cifra(NamedTuple):
    """A dated figure of the report being written: its key (CLAVE without
    the entity: clave, medida, periodo_inicio, periodo_fin, tipo_gasto,
    fuente_financiacion) and what a finding about it names."""

    observacion_id: str
    clave: tuple
    valor: float
    pagina: Optional[int]
    indicador: str
    indicador_padre: Optional[str]
    unidad: str


def cifras_con_fecha(observaciones: pa.Table, indicadores: pa.Table) -> list[Cifra]:
    """The report's dated figures (its Arrow rows), each with its key."""
    claves = dict(zip(indicadores.column("indicador_id").to_pylist(), indicadores.column("clave").to_pylist()))
    columnas = [
        "observacion_id",
        "indicador_id",
        *CLAVE[2:],
        "valor",
        "pagina",
        "indicador",
        "indicador_padre",
        "unidad",
    ]
    filas = zip(*(observaciones.column(c).to_pylist() for c in columnas))
    return [
        Cifra(oid, (claves[ind], medida, inicio, fin, gasto, fuente), valor, pagina, nombre, padre, unidad)
        for oid, ind, medida, inicio, fin, gasto, fuente, valor, pagina, nombre, padre, unidad in filas
        if fin is not None
    ]


@dataclass(frozen=True, slots=True)
class _Informe:
    entidad: Optional[str]
    cargado_en: datetime
    archivo: str
    nombrada: bool  # the report names its entity (its name or DANE code)
    otros: bool  # another stored report has its entity
    mismo_archivo: bool  # and one of them has its file name


def _informe(con: duckdb.DuckDBPyConnection, informe_id: str) -> _Informe:
    fila = con.execute(
        "SELECT i.entidad_clave, i.cargado_en, i.archivo, i.entidad IS NOT NULL OR i.codigo_divipola IS NOT NULL, "
        "EXISTS (SELECT 1 FROM informes o WHERE o.entidad_clave = i.entidad_clave AND o.informe_id <> i.informe_id), "
        "EXISTS (SELECT 1 FROM informes o WHERE o.entidad_clave = i.entidad_clave AND o.informe_id <> i.informe_id "
        "AND o.archivo = i.archivo) FROM informes i WHERE i.informe_id = ?",
        [informe_id],
    ).fetchone()
    if fila is None:
        raise ValueError(f"no está el informe {informe_id}")
    return _Informe(*fila)


@dataclass(frozen=True, slots=True)
class Otros:
    """What the conflict check needs to know about the other reports of a
    report's entity: `entidad` when there is something to compare (the
    report names its entity and another stored report has it), and per key
    of its figures the values those reports give (None: the table cannot
    say exactly, read their figures)."""

    entidad: Optional[str]
    valores: Optional[dict[tuple, list[Valor]]]


def registrar(con: duckdb.DuckDBPyConnection, informe_id: str, cifras: list[Cifra]) -> Otros:
    """Add the report `informe_id` (its rows inserted, its entity assigned)
    to the table, and say what the other reports of its entity give for the
    keys of its figures, as they were before it was added. The table cannot
    say exactly when a figure is not a finite number: its rows are then
    recomputed from the figures."""
    informe = _informe(con, informe_id)
    entidad = informe.entidad if informe.nombrada and informe.otros else None
    if informe.entidad is None:
        return Otros(None, {})
    propios = _propios(cifras, informe)
    claves = list({k for k, _ in propios})
    otros = _otros_valores(con, informe.entidad, claves) if informe.otros else {}
    del_nombre = _del_mismo_archivo(con, informe_id, informe.entidad, informe.archivo) if informe.mismo_archivo else {}
    finitos = [c.valor for c in cifras] + [v.valor for valores in otros.values() for v, _ in valores]
    finitos += [v for valores in del_nombre.values() for v in valores]
    if not all(math.isfinite(v) for v in finitos):
        reconstruir(con, de=[informe_id])
        return Otros(entidad, None)
    _escribir(con, informe.entidad, propios, otros, del_nombre)
    return Otros(entidad, {k: [v for v, _ in valores] for k, valores in otros.items()})


def _propios(cifras: list[Cifra], informe: _Informe) -> dict[tuple[tuple, float], tuple]:
    """The report's own (key, value) pairs, each with its first figure
    (load time, file, observation, page)."""
    primeras: dict[tuple[tuple, float], tuple] = {}
    for c in cifras:
        par = (c.clave, c.valor + 0.0)
        primera = (informe.cargado_en, informe.archivo, c.observacion_id, c.pagina)
        if par not in primeras or primera[:3] < primeras[par][:3]:
            primeras[par] = primera
    return primeras


_ENTRE = "t.clave = g.clave AND t.medida = g.medida AND t.periodo_fin = g.periodo_fin AND " + " AND ".join(
    f"t.{c} IS NOT DISTINCT FROM g.{c}" for c in ("periodo_inicio", "tipo_gasto", "fuente_financiacion")
)


def _otros_valores(con: duckdb.DuckDBPyConnection, entidad: str, claves: list[tuple]) -> dict[tuple, list]:
    """key -> [(Valor, rowid)] of the stored rows of the entity for `claves`."""
    import pyarrow as pa

    tipos = [pa.string(), pa.string(), pa.date32(), pa.date32(), pa.string(), pa.string()]
    columnas = [pa.array([k[i] for k in claves], t) for i, t in enumerate(tipos)]
    claves_informe = pa.table(dict(zip(CLAVE[1:], columnas)))  # noqa: F841 (read by DuckDB from this frame)
    filas = con.execute(
        f"SELECT g.rowid, {', '.join('g.' + c for c in CLAVE[1:])}, g.valor, g.archivos, g.cargado_en, g.archivo, "
        f"g.observacion_id, g.pagina, g.compartido FROM {TABLA} g SEMI JOIN claves_informe t ON {_ENTRE} "
        "WHERE g.entidad_clave = ?",
        [entidad],
    ).fetchall()
    otros: dict[tuple, list] = {}
    for fila in filas:
        rowid, clave, (valor, archivos, cargado_en, archivo, oid, pagina, compartido) = fila[0], fila[1:7], fila[7:]
        valor_guardado = Valor(valor, archivos, (cargado_en, archivo, oid, pagina), compartido)
        otros.setdefault(tuple(clave), []).append((valor_guardado, rowid))
    return otros


def _del_mismo_archivo(con: duckdb.DuckDBPyConnection, informe_id: str, entidad: str, archivo: str) -> dict:
    """key -> the values that the other reports of the entity with the same
    file name give for it (their file is already counted in those rows)."""
    filas = con.execute(
        "SELECT DISTINCT xi.clave, o.medida, o.periodo_inicio, o.periodo_fin, o.tipo_gasto, o.fuente_financiacion, "
        "o.valor + 0.0 FROM informes oi JOIN observaciones o ON o.informe_id = oi.informe_id "
        "JOIN indicadores xi ON xi.indicador_id = o.indicador_id AND xi.entidad_clave = o.entidad_clave "
        "WHERE oi.entidad_clave = ? AND oi.archivo = ? AND oi.informe_id <> ? "
        "AND o.entidad_clave = ? AND o.periodo_fin IS NOT NULL",
        [entidad, archivo, informe_id, entidad],
    ).fetchall()
    valores: dict[tuple, set[float]] = {}
    for *clave, valor in filas:
        valores.setdefault(tuple(clave), set()).add(valor)
    return valores


def _escribir(
    con: duckdb.DuckDBPyConnection,
    entidad: str,
    propios: dict[tuple[tuple, float], tuple],
    otros: dict[tuple, list],
    del_nombre: dict[tuple, set[float]],
) -> None:
    """The report's values merged into the stored rows of the same key and
    value (its file one more unless that row counts it already, the earlier
    first figure), the others inserted as new rows; a row is shared when its
    file name gives two values or more for the key."""
    guardadas = {(k, v.valor): (v, rowid) for k, valores in otros.items() for v, rowid in valores}
    por_clave: dict[tuple, set[float]] = {}
    for clave, valor in propios:
        por_clave.setdefault(clave, set()).add(valor)
    filas: list[tuple[tuple, Valor]] = []
    reemplazadas = []
    for clave, suyos in por_clave.items():
        ya = del_nombre.get(clave, set())
        compartido = len(suyos | ya) > 1  # the file name gives two values or more for the key
        for valor in suyos | ya:
            viejo, rowid = guardadas.get((clave, valor), (None, None))
            if valor not in suyos:  # a row that counts the file already, not touched by this report
                if viejo is None or viejo.compartido or not compartido:
                    continue
                nuevo = Valor(valor, viejo.archivos, viejo.primera, True)
            elif viejo is None:
                nuevo = Valor(valor, 1, propios[(clave, valor)], compartido)
            else:
                archivos = viejo.archivos + (0 if valor in ya else 1)
                primera = min(viejo.primera, propios[(clave, valor)])
                nuevo = Valor(valor, archivos, primera, viejo.compartido or compartido)
            if rowid is not None:
                reemplazadas.append(rowid)
            filas.append((clave, nuevo))
    if reemplazadas:
        import pyarrow as pa

        filas_viejas = pa.table({"rowid": pa.array(reemplazadas, pa.int64())})  # noqa: F841 (read by DuckDB)
        con.execute(f"DELETE FROM {TABLA} WHERE rowid IN (SELECT rowid FROM filas_viejas)")
    if filas:
        _insertar(con, entidad, filas)


def _insertar(con: duckdb.DuckDBPyConnection, entidad: str, filas: list[tuple[tuple, Valor]]) -> None:
    """Insert the rows (key without the entity, Valor) of the entity."""
    import pyarrow as pa

    texto, fecha = pa.string(), pa.date32()
    claves = [clave for clave, _ in filas]
    valores = [v for _, v in filas]
    primeras = [v.primera for v in valores]
    columnas = {"entidad_clave": pa.array([entidad] * len(filas), texto)}
    for i, (nombre, tipo) in enumerate(zip(CLAVE[1:], (texto, texto, fecha, fecha, texto, texto))):
        columnas[nombre] = pa.array([k[i] for k in claves], tipo)
    columnas["valor"] = pa.array([v.valor for v in valores], pa.float64())
    columnas["archivos"] = pa.array([v.archivos for v in valores], pa.int32())
    for i, (nombre, tipo) in enumerate(
        zip(("cargado_en", "archivo", "observacion_id", "pagina"), (pa.timestamp("us"), texto, texto, pa.int32()))
    ):
        columnas[nombre] = pa.array([p[i] for p in primeras], tipo)
    columnas["compartido"] = pa.array([v.compartido for v in valores], pa.bool_())
    datos = pa.table(columnas)  # noqa: F841 (read by DuckDB from this frame)
    con.execute(f"INSERT INTO {TABLA} BY NAME SELECT * FROM datos")
