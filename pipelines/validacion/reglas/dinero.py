"""Budget figures: executed vs programmed, the pagos ≤ obligaciones ≤
compromisos ≤ apropiación chain, and narrative money vs table money."""

from __future__ import annotations

from typing import Iterator, Mapping

import esquemas
from pipelines.texto import normalizar
from pipelines.validacion.motor import Caso, Contexto, cifra, cifra_de, nombre_medida, periodo_de, regla, texto_lugar

# pagos <= obligaciones <= compromisos <= apropiación (medidas.csv `etapa_presupuestal`)
CADENA = tuple(
    sorted(
        esquemas.medidas_que(lambda m: m.etapa_presupuestal is not None),
        key=lambda n: esquemas.medidas()[n].etapa_presupuestal or 0,
    )
)
_GASTO = {"inversion": "de inversión", "funcionamiento": "de funcionamiento"}


def _por_rubro(ctx: Contexto, medidas: tuple[str, ...]) -> dict[tuple, list[int]]:
    """Money observations by indicator, tipo_gasto, fuente and year."""
    grupos: dict[tuple, list[int]] = {}
    for i, o in enumerate(ctx.obs):
        if o.medida in medidas and o.periodo_fin:
            clave = (o.indicador, o.indicador_padre, o.tipo_gasto, o.fuente_financiacion, o.periodo_fin.year)
            grupos.setdefault(clave, []).append(i)
    return grupos


@regla("recursos_ejecutados_sobre_programados")
def recursos_ejecutados_sobre_programados(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for indices in _por_rubro(ctx, ("recursos_ejecutados", "recursos_programados")).values():
        for e in ctx.de(indices, "recursos_ejecutados"):
            for p in ctx.de(indices, "recursos_programados"):
                ejecutado, programado = ctx.obs[e], ctx.obs[p]
                if ctx.mayor(ejecutado.valor, programado.valor):
                    gasto = _GASTO.get(ejecutado.tipo_gasto or "")
                    yield Caso(
                        (e,),
                        {
                            "ejecutado": cifra_de(ejecutado),
                            "programado": cifra_de(programado),
                            "gasto": f" {gasto}" if gasto else "",
                            "periodo_programado": periodo_de(programado),
                        },
                        relacionadas=(p,),
                    )
                    break


@regla("cadena_presupuestal")
def cadena_presupuestal(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for indices in _por_rubro(ctx, CADENA).values():
        presentes = [m for m in CADENA if ctx.de(indices, m)]
        for menor, mayor in zip(presentes, presentes[1:]):  # nearest links that appear
            for i in ctx.de(indices, menor):
                for j in ctx.de(indices, mayor):
                    a, b = ctx.obs[i], ctx.obs[j]
                    if mayor != "apropiacion_definitiva" and a.periodo_fin != b.periodo_fin:
                        continue
                    if ctx.mayor(a.valor, b.valor):
                        yield Caso(
                            (i, j),
                            {
                                "menor": nombre_medida(menor).capitalize(),
                                "valor_menor": cifra_de(a),
                                "mayor": nombre_medida(mayor),
                                "valor_mayor": cifra_de(b),
                            },
                        )


def _es_total(texto: str) -> bool:
    return normalizar(texto).startswith(("total", "subtotal", "gran total"))


@regla("narrativa_contradice_tabla")
def narrativa_contradice_tabla(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    """Narrative money (tabla None) with a tipo_gasto against the table
    observations of the same medida, tipo_gasto and period: the table row
    named after the tipo_gasto must equal it; otherwise the table's rows
    (leaves, no totals) cannot add up to more than it."""
    dinero = esquemas.medidas_de_dinero()
    padres = {(o.tabla, o.indicador_padre) for o in ctx.obs if o.tabla is not None and o.indicador_padre}
    for n, nar in enumerate(ctx.obs):
        if nar.tabla is not None or nar.medida not in dinero or nar.tipo_gasto not in _GASTO:
            continue
        tabla = [
            i
            for i, o in enumerate(ctx.obs)
            if o.tabla is not None
            and o.medida == nar.medida
            and o.tipo_gasto == nar.tipo_gasto
            and (o.periodo_inicio, o.periodo_fin) == (nar.periodo_inicio, nar.periodo_fin)
        ]
        if not tabla:
            continue
        palabra = normalizar(nar.tipo_gasto)
        fila = [i for i in tabla if ctx.obs[i].indicador_padre is None and palabra in normalizar(ctx.obs[i].indicador)]
        if fila:
            o = ctx.obs[fila[0]]
            if not ctx.igual(o.valor, nar.valor):
                yield Caso(
                    (n,),
                    {
                        "valor": cifra_de(nar),
                        "tabla": cifra_de(o),
                        "detalle": f"la fila «{o.indicador}» de la tabla{texto_lugar(o)} da",
                    },
                    relacionadas=(fila[0],),
                )
            continue
        hojas = [
            i
            for i in tabla
            if not _es_total(ctx.obs[i].indicador) and (ctx.obs[i].tabla, ctx.obs[i].indicador) not in padres
        ]
        suma = sum(ctx.obs[i].valor for i in hojas)
        if hojas and ctx.mayor(suma, nar.valor):
            yield Caso(
                (n,),
                {
                    "valor": cifra_de(nar),
                    "tabla": cifra(suma, nar.unidad),
                    "detalle": f"las {len(hojas)} filas de la tabla con esa medida suman más:",
                },
                relacionadas=tuple(hojas),
            )
