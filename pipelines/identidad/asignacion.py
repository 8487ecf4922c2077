"""Linking the indicators of a saved report to identities (`asignar`): the
four steps (code, name, normalized name, similarity), then one bulk write
per kind of change; the entity's manual decisions are applied after."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Optional

import duckdb

import esquemas
from pipelines.identidad.ajustes import config
from pipelines.identidad.decisiones import aplicar_decisiones
from pipelines.identidad.entidades import clave_entidad, registrar_entidad
from pipelines.identidad.nombres import (
    clave_variante,
    codigo_valido,
    dependencia_compatible,
    forma_normalizada,
    normalizar_dependencia,
    nueva_clave,
    padre_similar,
    puntaje,
)

# How an indicator can be linked (the `vinculo` column of indicadores and variantes)
VINCULOS = ("codigo", "nombre", "nombre_normalizado", "similitud", "manual", "nuevo")


@dataclass
class _Variante:
    clave: str
    normalizado: str
    padre: str  # normalized parent
    dependencia: str
    codigo: Optional[str]
    creada_en: Any = None


@dataclass
class _Identidad:
    clave: str
    variantes: list[_Variante] = field(default_factory=list)

    @property
    def codigos(self) -> set[str]:
        return {v.codigo for v in self.variantes if v.codigo}

    @property
    def dependencias(self) -> set[str]:
        return {v.dependencia for v in self.variantes}


@dataclass
class _Item:
    indicador_id: str
    nombre: str
    padre: Optional[str]
    codigo: Optional[str]
    clave: str
    normalizado: str
    padre_normalizado: str
    # result
    indicador_clave: Optional[str] = None
    vinculo: Optional[str] = None
    puntaje: Optional[float] = None
    vinculada_con: Optional[str] = None
    alternativa: Optional[str] = None
    puntaje_alternativa: Optional[float] = None


@dataclass
class _Estado:
    """What the store holds for one entity, read once per report: its
    identities (in creation order) and every key and variant that the
    writes of the report must respect."""

    identidades: dict[str, _Identidad]
    canonicos: dict[str, tuple]  # indicador_clave -> (nombre, indicador_padre, vigencia_nombre)
    ocupadas: set[str]  # identity keys a new identity of the entity cannot take
    variantes: dict[tuple[str, str, str], Optional[str]]  # (dependencia, clave, indicador_clave) -> codigo


def _estado(con, entidad_clave: str) -> _Estado:
    # The keys of the entity's identities start with "entidad_clave/": any
    # identity with that prefix (of this entity or not) takes its key.
    estado = _Estado({}, {}, set(), {})
    for clave, propia, nombre, padre, vigencia in con.execute(
        "SELECT indicador_clave, entidad_clave = ?, nombre, indicador_padre, vigencia_nombre FROM identidades "
        "WHERE entidad_clave = ? OR starts_with(indicador_clave, ?) ORDER BY creada_en, indicador_clave",
        [entidad_clave, entidad_clave, entidad_clave + "/"],
    ).fetchall():
        estado.ocupadas.add(clave)
        if propia:
            estado.identidades[clave] = _Identidad(clave)
            estado.canonicos[clave] = (nombre, padre, vigencia)
    for fila in con.execute(
        "SELECT indicador_clave, clave, normalizado, padre_normalizado, dependencia, codigo, creada_en "
        "FROM variantes WHERE entidad_clave = ? ORDER BY creada_en, clave",
        [entidad_clave],
    ).fetchall():
        estado.variantes[(fila[4], fila[1], fila[0])] = fila[5]
        if fila[0] in estado.identidades:
            estado.identidades[fila[0]].variantes.append(_Variante(*fila[1:]))
    return estado


def _prohibidos(con, entidad_clave: str) -> set[tuple[str, str]]:
    """(variant clave, variant clave of the identity it was separated from)."""
    return {
        (b, a)
        for a, b in con.execute(
            "SELECT variante_a, variante_b FROM decisiones WHERE accion = 'separar' AND entidad_clave = ?",
            [entidad_clave],
        ).fetchall()
    }


def _items(con, informe_id: str) -> list[_Item]:
    filas = con.execute(
        """
        SELECT i.indicador_id, i.nombre, i.indicador_padre, i.codigo, i.clave,
               min(o.observacion_id) AS primera
        FROM indicadores i LEFT JOIN observaciones o
          ON o.indicador_id = i.indicador_id AND o.informe_id = i.informe_id
        WHERE i.informe_id = ?
        GROUP BY ALL ORDER BY primera NULLS LAST, i.indicador_id
        """,
        [informe_id],
    ).fetchall()
    return [
        _Item(
            iid,
            nombre,
            padre,
            codigo_valido(codigo),
            clave or clave_variante(nombre, padre),
            forma_normalizada(nombre),
            forma_normalizada(padre) if padre else "",
        )
        for iid, nombre, padre, codigo, clave, _ in filas
    ]


def _enlazar(
    items: list[_Item], identidades: dict[str, _Identidad], dep: str, prohibidos: set[tuple[str, str]]
) -> None:
    """The four linking steps, each over the whole report before the next:
    an indicator found by name is never taken by a weaker similarity."""
    cfg = config()
    compatibles = {k: i for k, i in identidades.items() if dependencia_compatible(dep, i.dependencias)}
    usadas: set[str] = set()

    def permitido(item: _Item, ident: _Identidad) -> bool:
        if ident.clave in usadas:
            return False
        if item.codigo and ident.codigos and item.codigo not in ident.codigos:
            return False  # two MGA codes that differ: two indicators
        claves = {v.clave for v in ident.variantes}
        return not any((item.clave, ref) in prohibidos for ref in claves)

    def tomar(item: _Item, ident: _Identidad, vinculo: str, puntos: Optional[float], con_que: str) -> None:
        usadas.add(ident.clave)
        item.indicador_clave, item.vinculo, item.puntaje, item.vinculada_con = ident.clave, vinculo, puntos, con_que

    def pendientes():
        return [it for it in items if it.indicador_clave is None]

    # 1. MGA code
    for item in pendientes():
        if not item.codigo:
            continue
        for ident in compatibles.values():
            if item.codigo in ident.codigos and permitido(item, ident):
                tomar(item, ident, "codigo", None, item.codigo)
                break
    # 2. same name (and parent), case and accents folded
    for item in pendientes():
        opciones = sorted(
            (
                (v.dependencia != dep, ident.clave, ident)
                for ident in compatibles.values()
                for v in ident.variantes
                if v.clave == item.clave
            ),
            key=lambda t: t[:2],
        )
        for _, _, ident in opciones:
            if permitido(item, ident):
                tomar(item, ident, "nombre", None, item.clave)
                break
    # 3. normalized name with a compatible parent
    for item in pendientes():
        for ident in compatibles.values():
            variante = next(
                (
                    v
                    for v in ident.variantes
                    if v.normalizado == item.normalizado and padre_similar(item.padre_normalizado, v.padre) is True
                ),
                None,
            )
            if variante and permitido(item, ident):
                tomar(item, ident, "nombre_normalizado", None, variante.clave)
                break
    # 4. similarity, best pairs first
    pares = []
    for item in pendientes():
        for ident in compatibles.values():
            mejor = None
            for v in ident.variantes:
                padre = padre_similar(item.padre_normalizado, v.padre)
                if padre is False:
                    continue
                p = puntaje(item.normalizado, v.normalizado) - (cfg.penalizacion_padre if padre is None else 0)
                if mejor is None or p > mejor[0]:
                    mejor = (p, v.clave)
            if mejor is not None:
                pares.append((mejor[0], item, ident, mejor[1]))
    pares.sort(key=lambda t: (-t[0], t[1].indicador_id, t[2].clave))
    for p, item, ident, con_que in pares:
        if p >= cfg.similitud and item.indicador_clave is None and permitido(item, ident):
            tomar(item, ident, "similitud", round(p, 1), con_que)
    # the best rejected candidate, for `informes indicadores --dudosos`
    for p, item, ident, con_que in pares:
        if item.vinculo in (None, "similitud") and ident.clave != item.indicador_clave and p >= cfg.dudoso:
            if item.puntaje_alternativa is None or p > item.puntaje_alternativa:
                item.alternativa, item.puntaje_alternativa = ident.clave, round(p, 1)


def asignar(con: duckdb.DuckDBPyConnection, informe_id: str) -> list[str]:
    """Give the report `informe_id` (already inserted, in the caller's
    transaction) its entidad_clave and its indicators their indicador_clave;
    record new identities and variants; apply the manual decisions of its
    entity. Reports stored before identities existed are assigned too:
    returns their ids."""
    _asignar_uno(con, informe_id)
    otros = [
        otro
        for (otro,) in con.execute(
            "SELECT informe_id FROM informes WHERE entidad_clave IS NULL "
            "AND informe_id <> ? ORDER BY vigencia NULLS LAST, archivo",
            [informe_id],
        ).fetchall()
    ]
    for otro in otros:
        _asignar_uno(con, otro)
    return otros


def _asignar_uno(con, informe_id: str) -> None:
    fila = con.execute(
        "SELECT entidad, dependencia, vigencia, archivo, codigo_divipola FROM informes WHERE informe_id = ?",
        [informe_id],
    ).fetchone()
    if fila is None:
        return
    entidad, dependencia, vigencia, archivo, codigo = fila
    codigo = (codigo or "").strip() or None
    entidad_clave, normal = clave_entidad(con, entidad, archivo, codigo)
    registrar_entidad(con, entidad_clave, normal, entidad, vigencia, codigo)
    dep = normalizar_dependencia(dependencia)
    items = _items(con, informe_id)
    estado = _estado(con, entidad_clave)
    _enlazar(items, estado.identidades, dep, _prohibidos(con, entidad_clave))

    # Everything is decided here, from `estado`; then one statement per kind
    # of write. Two indicators of a report never share an identity, so no
    # write depends on another one of the same report.
    nuevas, renombradas, variantes, codigos = [], [], [], []
    for item in items:
        if item.indicador_clave is None:
            item.indicador_clave = nueva_clave(entidad_clave, item.nombre, estado.ocupadas)
            item.vinculo = "nuevo"
            estado.ocupadas.add(item.indicador_clave)
            nuevas.append(item)
        elif vigencia is not None:  # the name of the latest vigencia is the canonical one
            nombre, padre, vig = estado.canonicos[item.indicador_clave]
            if (vig is None or vig <= vigencia) and (nombre, padre, vig) != (item.nombre, item.padre, vigencia):
                renombradas.append(item)
        clave = (dep, item.clave, item.indicador_clave)
        if clave not in estado.variantes:
            variantes.append(item)
        elif item.codigo and estado.variantes[clave] is None:
            codigos.append(item)
    _escribir_identidades(con, entidad_clave, dep, vigencia, nuevas, renombradas, variantes, codigos)
    _escribir_claves(con, informe_id, entidad_clave, items)
    aplicar_decisiones(con, entidad_clave)


# How an indicator was linked: columns of indicadores and variantes alike.
_RESULTADO = ("vinculo", "puntaje", "vinculada_con", "alternativa", "puntaje_alternativa")
_TIPOS_ARROW = {"VARCHAR": "string", "INTEGER": "int32", "DOUBLE": "float64", "TIMESTAMP": "timestamp[us]"}


def _escribir_identidades(
    con,
    entidad_clave: str,
    dep: str,
    vigencia: Optional[int],
    nuevas: list[_Item],
    renombradas: list[_Item],
    variantes: list[_Item],
    codigos: list[_Item],
) -> None:
    """New identities and variants (one bulk INSERT each), canonical names
    of the newest vigencia and codes that variants did not have (one
    UPDATE ... FROM each)."""
    ahora = datetime.now()
    if nuevas:
        with _vista(
            con,
            "identidades_nuevas",
            "identidades",
            [
                {
                    "indicador_clave": i.indicador_clave,
                    "entidad_clave": entidad_clave,
                    "nombre": i.nombre,
                    "indicador_padre": i.padre,
                    "vigencia_nombre": vigencia,
                    "creada_en": ahora,
                }
                for i in nuevas
            ],
        ):
            con.execute("INSERT INTO identidades BY NAME SELECT * FROM identidades_nuevas")
    if renombradas:
        with _vista(
            con,
            "identidades_renombradas",
            "identidades",
            [
                {"indicador_clave": i.indicador_clave, "nombre": i.nombre, "indicador_padre": i.padre}
                for i in renombradas
            ],
        ):
            con.execute(
                "UPDATE identidades SET nombre = r.nombre, indicador_padre = r.indicador_padre, "
                "vigencia_nombre = ? FROM identidades_renombradas r "
                "WHERE identidades.indicador_clave = r.indicador_clave",
                [vigencia],
            )
    if variantes:
        with _vista(
            con,
            "variantes_nuevas",
            "variantes",
            [
                {
                    "indicador_clave": i.indicador_clave,
                    "entidad_clave": entidad_clave,
                    "dependencia": dep,
                    "clave": i.clave,
                    "nombre": i.nombre,
                    "indicador_padre": i.padre,
                    "normalizado": i.normalizado,
                    "padre_normalizado": i.padre_normalizado,
                    "codigo": i.codigo,
                    "creada_en": ahora,
                    **{c: getattr(i, c) for c in _RESULTADO},
                }
                for i in variantes
            ],
        ):
            con.execute("INSERT INTO variantes BY NAME SELECT * FROM variantes_nuevas")
    if codigos:
        with _vista(
            con,
            "variantes_codigos",
            "variantes",
            [{"clave": i.clave, "indicador_clave": i.indicador_clave, "codigo": i.codigo} for i in codigos],
        ):
            con.execute(
                "UPDATE variantes SET codigo = c.codigo FROM variantes_codigos c "
                "WHERE variantes.entidad_clave = ? AND variantes.dependencia = ? AND variantes.clave = c.clave "
                "AND variantes.indicador_clave = c.indicador_clave AND variantes.codigo IS NULL",
                [entidad_clave, dep],
            )


@contextmanager
def _vista(con, nombre: str, tabla: str, filas: list[dict[str, Any]]):
    """`filas` (columns of the store table `tabla`, with its types) readable
    as `nombre` in SQL, for the statements of the `with` block."""
    import pyarrow as pa

    tipos = {c.nombre: c.tipo for c in esquemas.tabla(tabla).columnas}
    esquema = pa.schema([(c, pa.type_for_alias(_TIPOS_ARROW[tipos[c]])) for c in filas[0]])
    con.register(nombre, pa.Table.from_pylist(filas, schema=esquema))
    try:
        yield
    finally:
        con.unregister(nombre)


def _escribir_claves(con, informe_id: str, entidad_clave: str, items: list[_Item]) -> None:
    con.execute("UPDATE informes SET entidad_clave = ? WHERE informe_id = ?", [entidad_clave, informe_id])
    if not items:
        return
    with _vista(
        con,
        "asignacion",
        "indicadores",
        [
            {
                "indicador_id": i.indicador_id,
                "indicador_clave": i.indicador_clave,
                **{c: getattr(i, c) for c in _RESULTADO},
            }
            for i in items
        ],
    ):
        _actualizar_filas(con, informe_id, entidad_clave)


def _actualizar_filas(con, informe_id: str, entidad_clave: str) -> None:
    con.execute(
        "UPDATE indicadores SET entidad_clave = ?, indicador_clave = a.indicador_clave, vinculo = a.vinculo, "
        "puntaje = a.puntaje, vinculada_con = a.vinculada_con, alternativa = a.alternativa, "
        "puntaje_alternativa = a.puntaje_alternativa FROM asignacion a "
        "WHERE indicadores.informe_id = ? AND indicadores.indicador_id = a.indicador_id",
        [entidad_clave, informe_id],
    )
    con.execute(
        "UPDATE observaciones SET entidad_clave = ?, indicador_clave = a.indicador_clave FROM asignacion a "
        "WHERE observaciones.informe_id = ? AND observaciones.indicador_id = a.indicador_id",
        [entidad_clave, informe_id],
    )
