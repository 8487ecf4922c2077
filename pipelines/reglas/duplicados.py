"""One indicator, medida and period with two different values in a report.
(Conflicts with other reports need the store: validacion.conflictos.)"""
from __future__ import annotations

from typing import Iterator, Mapping

from pipelines.validacion import Caso, Contexto, cifra_de, regla, texto_pagina


@regla("duplicado_en_informe")
def duplicado_en_informe(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    grupos: dict[tuple, list[int]] = {}
    for i, o in enumerate(ctx.obs):
        clave = (o.indicador, o.indicador_padre, o.medida, o.periodo_inicio, o.periodo_fin, o.tipo_gasto,
                 o.fuente_financiacion)
        grupos.setdefault(clave, []).append(i)
    for indices in grupos.values():
        distintos: list[int] = []
        for i in indices:
            if not any(ctx.igual(ctx.obs[i].valor, ctx.obs[j].valor) for j in distintos):
                distintos.append(i)
        if len(distintos) > 1:
            valores = ", ".join(f"{cifra_de(ctx.obs[i])}{texto_pagina(ctx.obs[i].pagina)}" for i in distintos)
            yield Caso(tuple(indices), {"valores": valores})
