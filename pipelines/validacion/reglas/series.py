"""Cumulative values against the periods they contain, and stock series."""

from __future__ import annotations

from typing import Iterator, Mapping

from pipelines.validacion.motor import (
    Caso,
    Contexto,
    cifra,
    cifra_de,
    contiene,
    cubren,
    fin_conocido,
    inicio_conocido,
    nombre_indicador,
    nombre_medida,
    periodo_de,
    regla,
    serie_mensual,
    texto_lugar,
)


def _flujos(ctx: Contexto) -> Iterator[list[int]]:
    """Indicator groups that accumulate by summing (not stocks, not stated
    as non-accumulative)."""
    for indices in ctx.grupos.values():
        if ctx.se_suma(indices):
            yield indices


def _acumulados(ctx: Contexto, indices: list[int]) -> list[int]:
    """Cumulative observations that can be compared as sums (not %)."""
    return [a for a in ctx.de(indices, "acumulado") if ctx.obs[a].unidad != "porcentaje"]


def _intercambio(ctx: Contexto, a: int, b: int) -> tuple[str, tuple[int, ...]]:
    """Another row of the same table holding the pair (acumulado, parte)
    swapped: its parte medida has A's value and its acumulado has B's."""
    acum, parte = ctx.obs[a], ctx.obs[b]
    if acum.tabla is None:
        return "", ()
    for clave, indices in ctx.grupos.items():
        if clave == (acum.indicador, acum.indicador_padre):
            continue
        propios = [i for i in indices if ctx.obs[i].tabla == acum.tabla]
        x = [i for i in ctx.de(propios, parte.medida) if ctx.igual(ctx.obs[i].valor, acum.valor)]
        y = [i for i in ctx.de(propios, "acumulado") if ctx.igual(ctx.obs[i].valor, parte.valor)]
        if x and y:
            otro = ctx.obs[x[0]]
            texto = (
                f" Posible intercambio de filas: «{nombre_indicador(otro)}»{texto_lugar(otro)} tiene "
                f"{nombre_medida(parte.medida)} {cifra_de(otro)} y acumulado {cifra_de(ctx.obs[y[0]])}."
            )
            return texto, (x[0], y[0])
    return "", ()


@regla("acumulado_menor_que_periodo")
def acumulado_menor_que_periodo(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for indices in _flujos(ctx):
        for a in _acumulados(ctx, indices):
            acum = ctx.obs[a]
            mayores = [
                b
                for b in ctx.de(indices, "ejecutado", "acumulado")
                if b != a
                and ctx.obs[b].unidad == acum.unidad
                and contiene(acum, ctx.obs[b])
                and (ctx.obs[b].periodo_inicio, ctx.obs[b].periodo_fin) != (acum.periodo_inicio, acum.periodo_fin)
                and ctx.mayor(ctx.obs[b].valor, acum.valor)
            ]
            if not mayores:
                continue
            b = max(mayores, key=lambda i: ctx.obs[i].valor)
            parte = ctx.obs[b]
            intercambio, otros = _intercambio(ctx, a, b)
            yield Caso(
                (a, b),
                {
                    "acumulado": cifra_de(acum),
                    "periodo_acumulado": periodo_de(acum),
                    "valor": cifra_de(parte),
                    "medida_parte": nombre_medida(parte.medida),
                    "periodo_parte": periodo_de(parte),
                    "intercambio": intercambio,
                },
                relacionadas=otros,
            )


def _sumas(ctx: Contexto) -> Iterator[tuple[int, list[int], float]]:
    """(acumulado, its ejecutado parts, their sum) when the parts tile the
    cumulative period exactly, for flow indicators."""
    for indices in _flujos(ctx):
        for a in _acumulados(ctx, indices):
            acum = ctx.obs[a]
            partes = [
                i
                for i in ctx.de(indices, "ejecutado")
                if ctx.obs[i].unidad == acum.unidad and contiene(acum, ctx.obs[i])
            ]
            if cubren(acum, [ctx.obs[i] for i in partes]):
                partes.sort(key=lambda i: inicio_conocido(ctx.obs[i]))
                yield a, partes, sum(ctx.obs[i].valor for i in partes)


def _datos_suma(ctx: Contexto, a: int, partes: list[int], suma: float) -> dict:
    acum = ctx.obs[a]
    return {
        "acumulado": cifra_de(acum),
        "periodo_acumulado": periodo_de(acum),
        "partes": " + ".join(cifra(ctx.obs[i].valor) for i in partes),
        "suma": cifra(suma, acum.unidad),
    }


@regla("acumulado_supera_suma")
def acumulado_supera_suma(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for a, partes, suma in _sumas(ctx):
        if ctx.mayor(ctx.obs[a].valor, suma):
            yield Caso((a,), _datos_suma(ctx, a, partes, suma), relacionadas=tuple(partes))


@regla("acumulado_menor_que_suma")
def acumulado_menor_que_suma(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for a, partes, suma in _sumas(ctx):
        valor = ctx.obs[a].valor
        ultimo = ctx.obs[partes[-1]].valor
        if any(ctx.mayor(ctx.obs[i].valor, valor) for i in partes):
            continue  # below one of its parts: acumulado_menor_que_periodo says it
        if ctx.mayor(suma, valor) and not ctx.igual(valor, ultimo):
            yield Caso((a,), _datos_suma(ctx, a, partes, suma), relacionadas=tuple(partes))


def _stocks(ctx: Contexto) -> Iterator[list[int]]:
    for indices in ctx.grupos.values():
        if ctx.es_stock(indices) and ctx.acumulacion(indices) != "acumulativo":
            yield indices


@regla("stock_decrece")
def stock_decrece(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for indices in _stocks(ctx):
        series = [serie_mensual(ctx, indices)]
        por_inicio: dict = {}
        for a in ctx.de(indices, "acumulado"):
            if ctx.obs[a].periodo_fin is not None:  # a series needs dated values
                por_inicio.setdefault(ctx.obs[a].periodo_inicio, []).append(a)
        series += [sorted(s, key=lambda i: fin_conocido(ctx.obs[i])) for s in por_inicio.values()]
        for serie in series:
            for antes, despues in zip(serie, serie[1:]):
                x, y = ctx.obs[antes], ctx.obs[despues]
                if x.periodo_fin != y.periodo_fin and ctx.mayor(x.valor, y.valor):
                    yield Caso(
                        (despues,),
                        {
                            "anterior": cifra_de(x),
                            "periodo_anterior": periodo_de(x),
                            "valor": cifra_de(y),
                            "periodo_valor": periodo_de(y),
                        },
                        relacionadas=(antes,),
                    )


@regla("stock_acumulado_no_es_ultimo")
def stock_acumulado_no_es_ultimo(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for indices in _stocks(ctx):
        mensual = serie_mensual(ctx, indices)
        if len(mensual) < 2:
            continue
        ultimo = ctx.obs[mensual[-1]]
        for a in ctx.de(indices, "acumulado"):
            acum = ctx.obs[a]
            if acum.periodo_fin == ultimo.periodo_fin and not ctx.igual(acum.valor, ultimo.valor):
                yield Caso(
                    (a,),
                    {
                        "acumulado": cifra_de(acum),
                        "periodo_acumulado": periodo_de(acum),
                        "ultimo": cifra_de(ultimo),
                        "periodo_ultimo": periodo_de(ultimo),
                    },
                    relacionadas=(mensual[-1],),
                )
