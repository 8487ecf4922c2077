"""Rows that should be the sum of other rows: "Total…" rows and parent rows
with values (budget subtotals such as FUNCIONAMIENTO over its items)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Mapping

from extractor.informe.metadatos import planifica
from pipelines.texto import normalizar
from pipelines.validacion.motor import Caso, Contexto, cifra, cifra_de, regla


@dataclass
class Fila:
    tabla: int
    fila: int
    indicador: str
    padre: str | None
    obs: list[int] = field(default_factory=list)


def _filas(ctx: Contexto) -> dict[int, list[Fila]]:
    """Table rows with observations, by table, in row order."""
    filas: dict[tuple, Fila] = {}
    for i, o in enumerate(ctx.obs):
        if o.tabla is None or o.fila is None:
            continue
        f = filas.setdefault(
            (o.tabla, o.fila, o.indicador, o.indicador_padre), Fila(o.tabla, o.fila, o.indicador, o.indicador_padre)
        )
        f.obs.append(i)
    por_tabla: dict[int, list[Fila]] = {}
    for f in sorted(filas.values(), key=lambda f: (f.tabla, f.fila)):
        por_tabla.setdefault(f.tabla, []).append(f)
    return por_tabla


def _es_total(f: Fila) -> bool:
    return normalizar(f.indicador).startswith(("total", "subtotal", "gran total"))


def _clave(ctx: Contexto, i: int) -> tuple:
    o = ctx.obs[i]
    return o.medida, o.periodo_inicio, o.periodo_fin


def _comparar(
    ctx: Contexto, fila: Fila, sumandos: list[Fila], exacta: bool, solo_dinero: bool = False
) -> Iterator[Caso]:
    """Each summable value of `fila` against the sum of the same medida and
    period in `sumandos`: equal when every row has it (and exacta), else the
    rows that have it cannot add up to more. `solo_dinero`: only money."""
    for i in fila.obs:
        if ctx.obs[i].unidad == "porcentaje" or (solo_dinero and ctx.obs[i].unidad != "pesos"):
            continue
        partes = [(f, j) for f in sumandos for j in f.obs if _clave(ctx, j) == _clave(ctx, i)]
        if not partes:
            continue
        suma = sum(ctx.obs[j].valor for _, j in partes)
        completa = exacta and len({id(f) for f, _ in partes}) == len(sumandos)
        if (completa and not ctx.igual(suma, ctx.obs[i].valor)) or ctx.mayor(suma, ctx.obs[i].valor):
            nombres = ", ".join(f.indicador[:40] for f, _ in partes)
            yield Caso(
                (i,),
                {
                    "valor": cifra_de(ctx.obs[i]),
                    "suma": cifra(suma, ctx.obs[i].unidad),
                    "n": len(partes),
                    "filas": nombres,
                    "relacion": "la suma" if completa else "al menos la suma",
                },
                relacionadas=tuple(j for _, j in partes),
            )


@regla("total_no_cuadra")
def total_no_cuadra(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    """A "Total…" row against the rows above it with the same parent (since
    the previous total); if none of those has values, against the leaf rows."""
    for filas in _filas(ctx).values():
        padres = {f.padre for f in filas if f.padre}
        inicio: dict[str | None, int] = {}
        for k, f in enumerate(filas):
            if not _es_total(f):
                continue
            desde = inicio.get(f.padre, 0)
            previas = [g for g in filas[desde:k] if not _es_total(g)]
            inicio[f.padre] = k + 1
            hermanas = [g for g in previas if g.padre == f.padre]
            sumandos = hermanas or [g for g in previas if g.indicador not in padres]
            yield from _comparar(ctx, f, sumandos, exacta=True)


@regla("padre_no_cuadra")
def padre_no_cuadra(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    """A row with values followed by rows whose parent it is. Only money
    by default (umbral solo_dinero): the physical targets of a project's
    products count different things (a center built, animals attended) and
    do not add up to the project's own target."""
    solo_dinero = bool(umbrales.get("solo_dinero", True))
    if not umbrales.get("en_planes", False) and planifica(ctx.informe.metadatos.tipo_documento):
        return  # a plan's rows are its catalog (programa > producto), not subtotals
    for filas in _filas(ctx).values():
        for k, f in enumerate(filas):
            if _es_total(f) or f.padre == f.indicador:  # a catalog name repeated on its own row
                continue
            # a row named like f's own parent is its parent's row again, not a child
            hijas = [
                g for g in filas[k + 1 :] if g.padre == f.indicador and not _es_total(g) and g.indicador != f.padre
            ]
            if hijas:
                yield from _comparar(ctx, f, hijas, exacta=True, solo_dinero=solo_dinero)
