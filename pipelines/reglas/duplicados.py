"""One indicator, medida and period with two different values in a report.
(Conflicts with other reports need the store: validacion.conflictos.)

Two kinds, two rules: rows of the report that disagree (one finding per
indicator), and columns of one table that give the same measure and period
on every row (a workbook with "Apropiación definitiva 2025" twice, or
"Valor esperado 2024" next to "Total planeado 2024"): those are one finding
per pair of columns, with the number of rows, not hundreds of findings."""
from __future__ import annotations

from typing import Iterator, Mapping

from pipelines.validacion import Caso, Contexto, cifra_de, regla, texto_pagina


def _conflictos(ctx: Contexto) -> list[list[int]]:
    """Groups of observations of one indicator, medida and period (and
    spending type and funding source) whose values differ: each group is
    one observation per distinct value, in report order."""
    grupos: dict[tuple, list[int]] = {}
    for i, o in enumerate(ctx.obs):
        clave = (o.indicador, o.indicador_padre, o.descripcion, o.medida, o.periodo_inicio, o.periodo_fin, o.tipo_gasto,
                 o.fuente_financiacion)
        grupos.setdefault(clave, []).append(i)
    salida = []
    for indices in grupos.values():
        distintos: list[int] = []
        for i in indices:
            if not any(ctx.igual(ctx.obs[i].valor, ctx.obs[j].valor) for j in distintos):
                distintos.append(i)
        if len(distintos) > 1:
            salida.append(indices)
    return salida


def _misma_fila(ctx: Contexto, indices: list[int]) -> bool:
    filas = {(ctx.obs[i].tabla, ctx.obs[i].fila) for i in indices}
    return len(filas) == 1 and None not in next(iter(filas))


def _valores(ctx: Contexto, indices: list[int]) -> str:
    distintos: list[int] = []
    for i in indices:
        if not any(ctx.igual(ctx.obs[i].valor, ctx.obs[j].valor) for j in distintos):
            distintos.append(i)
    return ", ".join(f"{cifra_de(ctx.obs[i])}{texto_pagina(ctx.obs[i].pagina)}" for i in distintos)


@regla("duplicado_en_informe")
def duplicado_en_informe(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for indices in _conflictos(ctx):
        if not _misma_fila(ctx, indices):
            yield Caso(tuple(indices), {"valores": _valores(ctx, indices)})


@regla("columnas_repetidas")
def columnas_repetidas(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    por_columnas: dict[tuple, list[list[int]]] = {}
    for indices in _conflictos(ctx):
        if _misma_fila(ctx, indices):
            o = ctx.obs[indices[0]]
            columnas = tuple(sorted({ctx.obs[i].columna for i in indices}, key=lambda c: (c is None, c)))
            por_columnas.setdefault((o.tabla, columnas), []).append(indices)
    for (tabla, columnas), grupos in por_columnas.items():
        numeros = [str(c + 1) for c in columnas if c is not None]
        yield Caso(
            tuple(i for g in grupos for i in g),
            {"tabla": tabla, "columnas": " y ".join([", ".join(numeros[:-1]), numeros[-1]] if len(numeros) > 1
                                                   else numeros),
             "filas": len(grupos), "valores": _valores(ctx, grupos[0])},
        )
