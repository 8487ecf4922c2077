"""Figures of a table dated by their footnote: "2.870¹" under "Logro
2016", and at the foot of the page "¹ Cifra con corte a 30 de septiembre
de 2016: …". The note's first clause names the period the figure covers;
when it lies inside the column's period, the figure covers it, and so does
the row's percentage of progress for the same period (it is computed with
that figure). A whole earlier year ("Dato de la vigencia 2022" under a 2023
column) dates the figure alone."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from extractor.castellano import palabras
from extractor.castellano.lemas import normalizar
from extractor.castellano.periodos import Contexto, Periodo, buscar_fechas, fecha_corte_en, periodo_de_texto
from extractor.formatos.notas_al_pie import notas_de_bloque
from extractor.modelo import BloqueTexto, Documento, LlamadaDeNota
from extractor.resultado import Observacion

_PRIMERA_CLAUSULA = re.compile(r"[:;.,](?:\s|$)")  # "… de 2016: las inscripciones …" ends it
AVANCE = "avance_porcentual"


def _periodos_de_notas(doc: Documento, ctx: Contexto) -> dict[tuple[int, str], tuple[Periodo, str]]:
    """(page, call) → (the period its footnote's first clause names, the note)."""
    salida = {}
    for bloque in doc.bloques:
        if not isinstance(bloque, BloqueTexto) or bloque.estilo != "Nota" or bloque.pagina is None:
            continue
        for llamada, texto in notas_de_bloque(bloque.texto):
            clausula = _PRIMERA_CLAUSULA.split(texto, maxsplit=1)[0]
            if buscar_fechas(clausula, ctx.vigencia) and fecha_corte_en(clausula, ctx.vigencia, acumulado=True) is None:
                continue  # "quedó contratada el 28 de noviembre de 2025": a date in passing, no cut
            periodo = periodo_de_texto(clausula, ctx)
            if periodo is not None and periodo.inicio is not None and periodo.fin is not None:
                salida[(bloque.pagina, llamada)] = (periodo, texto)
    return salida


def _llamada_en(o: Observacion, llamadas: list[LlamadaDeNota]) -> Optional[str]:
    if o.bbox is None or o.pagina is None:
        return None
    x0, top, x1, bottom = o.bbox
    for llamada in llamadas:
        if llamada.pagina == o.pagina:
            cx, cy = (llamada.bbox[0] + llamada.bbox[2]) / 2, (llamada.bbox[1] + llamada.bbox[3]) / 2
            if x0 <= cx <= x1 and top <= cy <= bottom:
                return llamada.llamada
    return None


def _dentro(periodo: Periodo, o: Observacion) -> bool:
    """The note's period narrows the figure's own (not the same, not outside it)."""
    if o.periodo_inicio is None or o.periodo_fin is None:
        return False
    assert periodo.inicio is not None and periodo.fin is not None
    propio = (o.periodo_inicio, o.periodo_fin)
    return (
        o.periodo_inicio <= periodo.inicio and periodo.fin <= o.periodo_fin and (periodo.inicio, periodo.fin) != propio
    )


_DE_OTRO_ANIO = frozenset(normalizar(p) for p in palabras.lista("notas_de_otro_anio"))


def _de_un_anio_anterior(periodo: Periodo, texto: str, o: Observacion) -> bool:
    """The note says its figure is data of a whole year before the figure's
    period ("Dato de la vigencia 2022" under a 2023 column): that year's."""
    assert periodo.inicio is not None and periodo.fin is not None
    primera = normalizar(texto).split()[:1]
    if not primera or primera[0] not in _DE_OTRO_ANIO:
        return False
    anio_entero = (periodo.inicio.month, periodo.inicio.day, periodo.fin.month, periodo.fin.day) == (1, 1, 12, 31)
    return (
        anio_entero
        and periodo.inicio.year == periodo.fin.year
        and o.periodo_inicio is not None
        and periodo.fin < o.periodo_inicio
        and o.medida != AVANCE
    )


def con_periodo_de_sus_notas(observaciones: list[Observacion], doc: Documento, ctx: Contexto) -> list[Observacion]:
    """The table observations with the period their footnote gives (see the module)."""
    if not doc.llamadas:
        return observaciones
    notas = _periodos_de_notas(doc, ctx)
    if not notas:
        return observaciones
    fechadas: dict[tuple, tuple[Periodo, str]] = {}  # (table, row, the figure's period) -> the note's
    salida = []
    for o in observaciones:
        llamada = _llamada_en(o, doc.llamadas) if o.tabla is not None else None
        nota = notas.get((o.pagina, llamada)) if llamada else None  # type: ignore[arg-type]
        if nota is not None and _dentro(nota[0], o):
            fechadas[(o.tabla, o.fila, o.periodo_inicio, o.periodo_fin)] = nota
            o = _fechada(o, *nota)
        elif nota is not None and _de_un_anio_anterior(*nota, o):
            o = _fechada(o, *nota)  # "Dato de la vigencia 2022" under "Logro 2023": that year's figure alone
        salida.append(o)
    return [
        _fechada(o, *nota)
        if o.medida == AVANCE and (nota := fechadas.get((o.tabla, o.fila, o.periodo_inicio, o.periodo_fin)))
        else o
        for o in salida
    ]


def _fechada(o: Observacion, periodo: Periodo, texto: str) -> Observacion:
    nota = f"Nota al pie: {texto}"
    return replace(
        o, periodo_inicio=periodo.inicio, periodo_fin=periodo.fin, nota=f"{o.nota}; {nota}" if o.nota else nota
    )
