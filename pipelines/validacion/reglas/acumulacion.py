"""The four-year target against the yearly targets, by the indicator's
stated type of accumulation (SisPT "Tipo de acumulación", stored in
indicadores.acumulacion): an accumulative indicator's four-year target is
the sum of its years; a non-accumulative one (a level: capacity,
maintenance, reduction) is its last year's target and is never summed."""

from __future__ import annotations

from typing import Iterator, Mapping, Optional

from pipelines.validacion.motor import Caso, Contexto, cifra, cifra_de, contiene, fin_conocido, regla


def _anual(ctx: Contexto, i: int) -> bool:
    o = ctx.obs[i]
    return bool(
        o.periodo_inicio
        and o.periodo_fin
        and o.periodo_inicio.year == o.periodo_fin.year
        and (o.periodo_inicio.month, o.periodo_inicio.day, o.periodo_fin.month, o.periodo_fin.day) == (1, 1, 12, 31)
    )


def _metas(ctx: Contexto, tipo: str) -> Iterator[tuple[int, list[int], float]]:
    """(meta_cuatrienio, its yearly targets by year, their sum) of the
    indicators stated as `tipo`, when at least two years have a target and
    no year has two."""
    for indices in ctx.grupos.values():
        if ctx.acumulacion(indices) != tipo:
            continue
        for m in ctx.de(indices, "meta_cuatrienio"):
            total = ctx.obs[m]
            anios = [
                i
                for i in ctx.de(indices, "meta")
                if _anual(ctx, i) and ctx.obs[i].unidad == total.unidad and contiene(total, ctx.obs[i])
            ]
            if len(anios) < 2 or len({fin_conocido(ctx.obs[i]).year for i in anios}) < len(anios):
                continue
            anios.sort(key=lambda i: fin_conocido(ctx.obs[i]))
            yield m, anios, sum(ctx.obs[i].valor for i in anios)


def _datos(ctx: Contexto, m: int, anios: list[int], suma: float) -> dict:
    ultimo = ctx.obs[anios[-1]]
    return {
        "meta_cuatrienio": cifra_de(ctx.obs[m]),
        "partes": " + ".join(cifra(ctx.obs[i].valor) for i in anios),
        "suma": cifra(suma, ctx.obs[m].unidad),
        "ultimo": cifra_de(ultimo),
        "anio_ultimo": fin_conocido(ultimo).year,
    }


@regla("meta_acumulativa_no_suma")
def meta_acumulativa_no_suma(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    tolerancia = float(umbrales.get("tolerancia_fraccion", 0.02))
    for m, anios, suma in _metas(ctx, "acumulativo"):
        meta = ctx.obs[m].valor
        if ctx.igual(suma, meta):
            continue
        datos = _datos(ctx, m, anios, suma)
        datos["detalle"] = _detalle_acumulativo(ctx, anios, suma, meta, tolerancia)
        yield Caso((m,), datos, relacionadas=tuple(anios))


def _detalle_acumulativo(ctx: Contexto, anios: list[int], suma: float, meta: float, tolerancia: float) -> str:
    if meta != 1 and abs(suma - 1) <= tolerancia:
        return "; las metas anuales suman 1: parecen fracciones de la meta del cuatrienio"
    if ctx.igual(ctx.obs[anios[-1]].valor, meta):
        return (
            "; la meta del último año es la del cuatrienio, como en un indicador no acumulativo: "
            "revise el tipo de acumulación"
        )
    return ""


@regla("meta_no_acumulativa_sumada")
def meta_no_acumulativa_sumada(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for m, anios, suma in _metas(ctx, "no_acumulativo"):
        meta = ctx.obs[m].valor
        if ctx.igual(ctx.obs[anios[-1]].valor, meta):
            continue
        datos = _datos(ctx, m, anios, suma)
        datos["detalle"] = _detalle_no_acumulativo(ctx, suma, meta)
        yield Caso((m,), datos, relacionadas=tuple(anios))


def _detalle_no_acumulativo(ctx: Contexto, suma: float, meta: float) -> Optional[str]:
    if ctx.igual(suma, meta):
        return "; es la suma de las metas anuales, como en un indicador acumulativo: revise el tipo de acumulación"
    return ""
