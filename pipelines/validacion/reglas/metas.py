"""Executed against target, reported percentages, and the `0.25 %` scale
ambiguity (annual shares of a four-year goal)."""

from __future__ import annotations

import re
from typing import Iterator, Mapping, Optional

import esquemas
from pipelines.validacion.motor import Caso, Contexto, cifra, cifra_de, contiene, fin_conocido, nombre_medida, regla

# executed figures (those with a `denominador`) and targets (`es_objetivo`) of medidas.csv
NUMERADORES = tuple(esquemas.medidas_que(lambda m: m.denominador is not None))
DENOMINADORES = tuple(esquemas.medidas_que(lambda m: m.es_objetivo))
_CUOTA_ANUAL = re.compile(r"\b((?:19|20)\d\d)\s*=\s*(\d+(?:[.,]\d+)?)\s*%")


# ------------------------------------------------------------ executed / target


def _logro(ctx: Contexto, indices: list[int], m: int) -> Optional[tuple[float, str, tuple[int, ...]]]:
    """What was achieved against target m: the latest cumulative value inside
    the target's period; else its one executed value, the last one of a
    stock, or the sum of a flow's executed periods."""
    meta = ctx.obs[m]
    dentro = [i for i in indices if ctx.obs[i].unidad == meta.unidad and contiene(meta, ctx.obs[i])]
    acumulados = ctx.de(dentro, "acumulado")
    if acumulados:
        a = max(acumulados, key=lambda i: fin_conocido(ctx.obs[i]))
        return ctx.obs[a].valor, "acumulado", (a,)
    ejecutados = sorted(ctx.de(dentro, "ejecutado"), key=lambda i: fin_conocido(ctx.obs[i]))
    if not ejecutados:
        return None
    if len(ejecutados) == 1 or not ctx.se_suma(indices):
        return ctx.obs[ejecutados[-1]].valor, "ejecutado", (ejecutados[-1],)
    return (
        sum(ctx.obs[i].valor for i in ejecutados),
        f"ejecutado (suma de {len(ejecutados)} periodos)",
        tuple(ejecutados),
    )


def _razones(ctx: Contexto) -> Iterator[tuple[int, float, str, tuple[int, ...], float]]:
    """(meta, logro, its label, its observations, logro / meta)."""
    for indices in ctx.grupos.values():
        for m in ctx.de(indices, "meta"):
            meta = ctx.obs[m]
            if meta.unidad == "pesos" or meta.valor <= 0:
                continue
            logro = _logro(ctx, indices, m)
            if logro is not None:
                yield m, logro[0], logro[1], logro[2], logro[0] / meta.valor


def _caso_razon(ctx: Contexto, m: int, logro: float, etiqueta: str, fuentes: tuple, razon: float) -> Caso:
    meta = ctx.obs[m]
    return Caso(
        (m,) + fuentes,
        {
            "logro": cifra(logro, meta.unidad),
            "medida_logro": etiqueta,
            "meta": cifra_de(meta),
            "razon": cifra(round(razon, 2)),
        },
        relacionadas=(),
    )


def _umbral_escala(ctx: Contexto) -> float:
    r = ctx.config.reglas.get("ejecucion_escala")
    return float(r.umbrales.get("razon_minima", 3.0)) if r is not None and r.activa else float("inf")


@regla("ejecucion_sobre_meta")
def ejecucion_sobre_meta(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    minimo, escala = float(umbrales.get("razon_minima", 1.0)), _umbral_escala(ctx)
    for m, logro, etiqueta, fuentes, razon in _razones(ctx):
        if ctx.mayor(logro, minimo * ctx.obs[m].valor) and razon <= escala:
            yield _caso_razon(ctx, m, logro, etiqueta, fuentes, razon)


@regla("ejecucion_escala")
def ejecucion_escala(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    escala = float(umbrales.get("razon_minima", 3.0))
    for m, logro, etiqueta, fuentes, razon in _razones(ctx):
        if razon > escala:
            yield _caso_razon(ctx, m, logro, etiqueta, fuentes, razon)


# ------------------------------------------------------------------ percentages


def _candidatos(ctx: Contexto, p: int) -> list[tuple[str, float, float, tuple[int, ...]]]:
    """(description, numerator, denominator, observations) that a reported
    avance_porcentual may come from: any executed figure over any target of
    the same indicator with the same unit (and the sum of executed periods)."""
    indices = ctx.grupos[(ctx.obs[p].indicador, ctx.obs[p].indicador_padre)]
    numeradores: list[tuple[str, float, str, tuple[int, ...]]] = [
        (nombre_medida(ctx.obs[i].medida), ctx.obs[i].valor, ctx.obs[i].unidad, (i,))
        for i in ctx.de(indices, *NUMERADORES)
    ]
    ejecutados = ctx.de(indices, "ejecutado")
    if len(ejecutados) > 1 and ctx.se_suma(indices):
        numeradores.append(
            (
                "suma de lo ejecutado",
                sum(ctx.obs[i].valor for i in ejecutados),
                ctx.obs[ejecutados[0]].unidad,
                tuple(ejecutados),
            )
        )
    salida: list[tuple[str, float, float, tuple[int, ...]]] = []
    for d in ctx.de(indices, *DENOMINADORES):
        den = ctx.obs[d]
        if den.valor == 0:
            continue  # a negative target is a reduction: -6 done of -4 is 150 %
        for nombre, valor, unidad, fuentes in numeradores:
            if unidad == den.unidad:
                salida.append((f"{nombre} / {nombre_medida(den.medida)}", valor, den.valor, fuentes + (d,)))
    return salida


def _coincide(reportado: float, numerador: float, denominador: float, puntos: float) -> bool:
    """The reported % equals numerator/denominator within `puntos`, written
    as a percentage, as a fraction (0,93) or capped at 100."""
    calculado = 100 * numerador / denominador
    return any(
        abs(x - y) <= puntos
        for x, y in ((reportado, calculado), (reportado, min(calculado, 100.0)), (100 * reportado, calculado))
    )


def _puntos(ctx: Contexto) -> float:
    r = ctx.config.reglas.get("avance_inconsistente")
    return float(r.umbrales.get("puntos", 1.0)) if r is not None else 1.0


def avance_explicado(ctx: Contexto, p: int) -> Optional[bool]:
    """True/False if some executed/target pair gives the reported avance;
    None when the indicator has no such pair to compare with. Money alone
    cannot contradict a percentage: "% ejecución física" (Cali's plan de
    acción) is not paid / appropriated, so without a physical pair an
    unexplained avance is unknown, not wrong."""
    candidatos = _candidatos(ctx, p)
    if not candidatos:
        return None
    puntos = _puntos(ctx)
    if any(_coincide(ctx.obs[p].valor, n, d, puntos) for _, n, d, _ in candidatos):
        return True
    fisicos = [c for c in candidatos if ctx.obs[c[3][0]].unidad != "pesos"]
    if any(_en_curso(ctx.obs[p].valor, n, d, puntos) for _, n, d, _ in fisicos):
        return True
    return False if fisicos else None


def _en_curso(reportado: float, hechos: float, meta: float, puntos: float) -> bool:
    """Counted goals advance by whole units: 0 of 2 documents done and the
    first one half written is 25 %. A reported avance between done/meta and
    (done + 1)/meta is progress on the next unit, not a contradiction."""
    if hechos != int(hechos) or meta != int(meta):
        return False
    for x in (reportado, 100 * reportado):
        if 100 * hechos / meta - puntos <= x <= 100 * (hechos + 1) / meta + puntos:
            return True
    return False


@regla("avance_inconsistente")
def avance_inconsistente(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    for p in ctx.de(range(len(ctx.obs)), "avance_porcentual"):
        if avance_explicado(ctx, p) is not False:
            continue
        avance = ctx.obs[p]
        escala = 100 if avance.valor > 1.5 else 1  # the closest reading, % or fraction

        def distancia(c):
            return abs(avance.valor * (100 / escala) - 100 * c[1] / c[2])

        fisicos = [c for c in _candidatos(ctx, p) if ctx.obs[c[3][0]].unidad != "pesos"]
        nombre, num, den, fuentes = min(fisicos, key=distancia)
        unidad = ctx.obs[fuentes[0]].unidad
        calculo = f"{nombre} = {cifra(num, unidad)} / {cifra(den, unidad)} = {cifra(round(100 * num / den, 1))} %"
        yield Caso((p,), {"avance": cifra_de(avance), "calculo": calculo}, relacionadas=fuentes)


def _columnas_fraccion(ctx: Contexto, limite: float) -> set[tuple]:
    """(tabla, columna) whose percentages are all at most `limite` (0,93;
    1,13): columns that write fractions."""
    mayores: dict[tuple, float] = {}
    for x in ctx.obs:
        if x.unidad == "porcentaje" and x.tabla is not None:
            clave = (x.tabla, x.columna)
            mayores[clave] = max(mayores.get(clave, x.valor), x.valor)
    return {clave for clave, mayor in mayores.items() if mayor <= limite}


@regla("porcentaje_fuera_de_rango")
def porcentaje_fuera_de_rango(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    maximo = float(umbrales.get("maximo", 100))
    maximo_fraccion = float(umbrales.get("maximo_fraccion", 1))
    fracciones = _columnas_fraccion(ctx, float(umbrales.get("limite_columna_fraccion", 1.5)))
    for i, o in enumerate(ctx.obs):
        if o.unidad != "porcentaje":
            continue
        tope = maximo_fraccion if o.tabla is not None and (o.tabla, o.columna) in fracciones else maximo
        if 0 <= o.valor <= tope:
            continue
        if o.valor > tope and o.medida == "avance_porcentual" and avance_explicado(ctx, i):
            continue  # above 100 % because more than the target was done
        yield Caso((i,), {"valor": cifra_de(o), "rango": f"0–{cifra(tope)}"})


# ---------------------------------------------------- `0.25 %`: fraction of goal


@regla("fraccion_de_meta")
def fraccion_de_meta(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    anios = int(umbrales.get("anios_cuatrienio", 4))
    tolerancia = float(umbrales.get("tolerancia", 0.02))
    for indices in ctx.grupos.values():
        dudosos = [
            i for i in indices if ctx.obs[i].ambiguo and ctx.obs[i].unidad == "porcentaje" and 0 < ctx.obs[i].valor <= 1
        ]
        if not dudosos:
            continue
        textos = " ".join(dict.fromkeys(f"{ctx.obs[i].descripcion or ''} {ctx.obs[i].valor_texto}" for i in indices))
        cuotas = {anio: float(v.replace(",", ".")) for anio, v in _CUOTA_ANUAL.findall(textos)}
        valores = " y ".join(dict.fromkeys(ctx.obs[i].valor_texto for i in dudosos))
        if len(cuotas) >= 2 and abs(sum(cuotas.values()) - 1) <= tolerancia:
            lista = "; ".join(f"{a} = {cifra(v)}" for a, v in sorted(cuotas.items()))
            explicacion = f"las participaciones anuales que escribe el informe ({lista}) suman 1"
        elif any(abs(ctx.obs[i].valor * anios - 1) <= tolerancia for i in dudosos):
            v = next(ctx.obs[i].valor for i in dudosos if abs(ctx.obs[i].valor * anios - 1) <= tolerancia)
            explicacion = f"{cifra(v)} × {anios} años del cuatrienio = 1"
        else:
            continue
        yield Caso(tuple(dudosos), {"valores": valores, "explicacion": explicacion})
