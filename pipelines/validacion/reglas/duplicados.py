"""One indicator, medida and period with two different values in a report.
(Conflicts with other reports need the store: validacion.conflictos.)

Two kinds, two rules: rows of the report that disagree (one finding per
indicator), and columns of one table that give the same measure and period
on every row (a workbook with "Apropiación definitiva 2025" twice, or
"Valor esperado 2024" next to "Total planeado 2024"): those are one finding
per pair of columns, with the number of rows, not hundreds of findings."""

from __future__ import annotations

from typing import Iterator, Mapping

from pipelines.validacion.motor import Caso, Contexto, cifra_de, regla, texto_lugar


def _conflictos(ctx: Contexto) -> list[tuple[list[int], list[int]]]:
    """(observations, one per distinct value) of each indicator, medida and
    period (and spending type and funding source) whose values differ, in
    report order."""
    grupos: dict[tuple, list[int]] = {}
    for i, o in enumerate(ctx.obs):
        clave = (
            o.indicador,
            o.indicador_padre,
            o.descripcion,
            o.medida,
            o.periodo_inicio,
            o.periodo_fin,
            o.tipo_gasto,
            o.fuente_financiacion,
        )
        grupos.setdefault(clave, []).append(i)
    salida = []
    for indices in grupos.values():
        distintos: list[int] = []
        for i in indices:
            if not any(ctx.igual(ctx.obs[i].valor, ctx.obs[j].valor) for j in distintos):
                distintos.append(i)
        if len(distintos) > 1:
            salida.append((indices, distintos))
    return salida


def _misma_fila(ctx: Contexto, indices: list[int]) -> bool:
    filas = {(ctx.obs[i].tabla, ctx.obs[i].fila) for i in indices}
    return len(filas) == 1 and None not in next(iter(filas))


def _valores(ctx: Contexto, distintos: list[int]) -> str:
    return ", ".join(f"{cifra_de(ctx.obs[i])}{texto_lugar(ctx.obs[i])}" for i in distintos)


@regla("duplicado_en_informe")
def duplicado_en_informe(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for indices, distintos in _conflictos(ctx):
        if not _misma_fila(ctx, indices):
            yield Caso(tuple(indices), {"valores": _valores(ctx, distintos)})


@regla("columnas_repetidas")
def columnas_repetidas(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    por_columnas: dict[tuple, list[tuple[list[int], list[int]]]] = {}
    for indices, distintos in _conflictos(ctx):
        if _misma_fila(ctx, indices):
            o = ctx.obs[indices[0]]
            columnas = tuple(sorted({ctx.obs[i].columna for i in indices}, key=lambda c: (c is None, c)))
            por_columnas.setdefault((o.tabla, columnas), []).append((indices, distintos))
    for (tabla, columnas), grupos in por_columnas.items():
        *antes, ultima = [str(c + 1) for c in columnas if c is not None] or ["?"]
        yield Caso(
            tuple(i for indices, _ in grupos for i in indices),
            {
                "tabla": tabla,
                "columnas": f"{', '.join(antes)} y {ultima}" if antes else ultima,
                "filas": len(grupos),
                "valores": _valores(ctx, grupos[0][1]),
            },
        )
