"""Tables whose rows carry their target's own period in two date columns:
an improvement plan's actions ("Fecha iniciación de la meta" | "Fecha
terminación de la meta"). A row's target covers its own span; what the row
achieved, from its start to the report's cut date."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Optional

import esquemas
from extractor.castellano.lemas import normalizar
from extractor.castellano.periodos import Contexto, buscar_fechas
from extractor.modelo import Tabla
from extractor.resultado import Observacion
from extractor.tablas.columnas import ANTECEDENTE, filas_encabezado

MIN_FILAS_CON_FECHAS = 2  # rows of the body with a date in the column
MAX_LARGO_FECHA = 25  # characters of a cell that is one date ("15 de diciembre de 2024")

# measures of what a row planned (its whole span) and of what it achieved (up to the cut)
_PLANEADAS = frozenset(
    {"meta", "meta_cuatrienio", "recursos_programados", "apropiacion_inicial", "apropiacion_definitiva"}
)
_LOGRADAS = frozenset({"ejecutado", "acumulado", "avance_porcentual"}) | (esquemas.medidas_de_dinero() - _PLANEADAS)


def _fecha(texto: str) -> Optional[date]:
    texto = " ".join(texto.split())
    if not texto or len(texto) > MAX_LARGO_FECHA:
        return None
    fechas = buscar_fechas(texto)
    return fechas[0] if len(fechas) == 1 else None


_META = re.compile(r"\b(?:metas?|accion|acciones)\b")


def _de_la_meta(filas: list, k: int, primera: int, n_encabezado: int) -> bool:
    """The column's header, above its first date, says the dates are the
    target's or the action's ("Fecha iniciación de la meta", "Fecha de
    inicio de la acción"), or the table is one of actions about findings
    ("Hallazgo", "Acción de mejora" in its header: an improvement plan's
    bare "Fecha de inicio"); not a project's bare "Fecha inicio", whose
    schedule does not date the year's target."""
    encabezado = " ".join(f[k].texto for f in filas[:primera] if f[k] is not None)
    tabla = " ".join(c.texto for f in filas[:n_encabezado] for c in f if c is not None)
    return bool(_META.search(normalizar(encabezado)) or ANTECEDENTE.search(normalizar(tabla)))


def fechas_por_fila(tabla: Tabla) -> dict[int, tuple[date, date]]:
    """{row: (start, end)} of a table with exactly two columns of dates
    (most of its filled cells one date each, two rows at least), one headed
    as the target's or the action's, the earlier column the start; {}
    otherwise."""
    filas = tabla.rejilla()
    columnas: dict[int, dict[int, date]] = {}
    otras: dict[int, int] = {}  # filled cells that are no date, under the column's first date
    for r, fila in enumerate(filas):
        for k, celda in enumerate(fila):
            if celda is None or not celda.texto.strip() or celda.columna != k:
                continue
            if (f := _fecha(celda.texto)) is not None:
                columnas.setdefault(k, {})[r] = f
            elif k in columnas:
                otras[k] = otras.get(k, 0) + 1
    de_fechas = sorted(
        k for k, fechas in columnas.items() if len(fechas) >= MIN_FILAS_CON_FECHAS and len(fechas) > otras.get(k, 0)
    )
    if len(de_fechas) != 2:
        return {}
    n_encabezado = filas_encabezado(tabla, filas)
    if not any(_de_la_meta(filas, k, min(columnas[k]), n_encabezado) for k in de_fechas):
        return {}
    inicio, fin = (columnas[k] for k in de_fechas)
    salida = {r: (inicio[r], fin[r]) for r in inicio.keys() & fin.keys() if inicio[r] <= fin[r]}
    return salida if len(salida) >= MIN_FILAS_CON_FECHAS else {}


def con_periodos_de_fila(tabla: Tabla, obs: list[Observacion], ctx: Contexto) -> list[Observacion]:
    """The table's observations dated by their row's two dates, when it has them."""
    fechas = fechas_por_fila(tabla)
    if not fechas:
        return obs
    salida = []
    for o in obs:
        span = fechas.get(o.fila) if o.fila is not None else None
        if span is not None and o.medida in _PLANEADAS:
            o = replace(o, periodo_inicio=span[0], periodo_fin=span[1])
        elif span is not None and o.medida in _LOGRADAS:
            corte = ctx.fecha_corte or ctx.periodo_fin  # (progress as of the follow-up's cut, ended actions too)
            fin = corte if corte is not None and corte >= span[0] else span[1]
            o = replace(o, periodo_inicio=span[0], periodo_fin=fin)
        salida.append(o)
    return salida
