"""Periods against the report's cut date and vigencia."""

from __future__ import annotations

from typing import Iterator, Mapping

import esquemas
from extractor.informe.metadatos import planifica
from pipelines.validacion.motor import Caso, Contexto, cifra_de, regla

# execution measures, whose period ends at the corte (medidas.csv `se_recorta_al_corte`)
EJECUCION = esquemas.medidas_que(lambda m: m.se_recorta_al_corte)


@regla("periodo_despues_del_corte")
def periodo_despues_del_corte(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    corte = ctx.meta.fecha_corte
    if corte is None:
        return
    for i, o in enumerate(ctx.obs):
        if o.medida in EJECUCION and o.periodo_fin and o.periodo_fin > corte:
            yield Caso((i,), {"valor": cifra_de(o), "fecha_corte": f"{corte:%d/%m/%Y}"})


@regla("periodo_fuera_de_vigencia")
def periodo_fuera_de_vigencia(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    """The meta del cuatrienio must contain the vigencia; every other value
    but the línea base must lie inside it. A plan spans several vigencias by
    design, so its figures are not checked."""
    vigencia = ctx.meta.vigencia
    if vigencia is None or planifica(ctx.meta.tipo_documento):
        return
    for i, o in enumerate(ctx.obs):
        if o.medida == "linea_base" or not (o.periodo_inicio and o.periodo_fin):
            continue
        if o.medida == "meta_cuatrienio":
            if not o.periodo_inicio.year <= vigencia <= o.periodo_fin.year:
                yield Caso((i,), {"valor": cifra_de(o), "vigencia": vigencia, "detalle": "que no contiene"})
        elif o.periodo_inicio.year != vigencia or o.periodo_fin.year != vigencia:
            yield Caso((i,), {"valor": cifra_de(o), "vigencia": vigencia, "detalle": "fuera de"})
