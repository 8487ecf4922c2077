"""Labelled money inside text: table cells and narrative sentences.

"Funcionamiento $1'340.799.993 Ejecutado Funcionamiento $983'286.659,67"
"se programaron recursos de inversión por $ 1.350.000.000, de los cuales se
ejecutaron $ 612.450.300,50 con corte al 30 de junio de 2018"

Each amount takes its measure and expense type from the words written
between the previous amount and itself (its label), falling back on the
whole text and then on the column.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import esquemas
from extractor.castellano import palabras
from extractor.tablas.encabezados import normalizar
from extractor.castellano.numeros import Numero, buscar_numeros
from extractor.castellano.periodos import Contexto, Periodo, fecha_corte_en, periodo_para

# Money words of sentences and text cells: esquemas/castellano.yaml
# `dinero_en_frases`; kinds of spending: esquemas/tipos_gasto.csv `palabras`.
_MEDIDAS_EN_FRASE = tuple(
    (m["medida"], re.compile(palabras.patron_de_palabras(m["palabras"])))
    for m in palabras.lista("dinero_en_frases")["medidas"]
)
_TIPOS_GASTO = tuple(
    (f["tipo_gasto"], re.compile(palabras.patron_de_palabras(f["palabras"].split("|"))))
    for f in esquemas.filas_vocabulario("tipo_gasto")
)
ANIO = re.compile(r"(19|20)\d\d")
PARTE_DE = re.compile(r"^\s*(de los|de las|del|de un total de|sobre|de)\s*\$?\s*$")
MONEY_WORDS = re.compile(palabras.patron_de_palabras(palabras.lista("dinero_en_frases")["palabras_de_dinero"]))


@dataclass
class Importe:
    medida: str
    numero: Numero
    periodo: Periodo
    tipo_gasto: Optional[str]


def tipo_gasto_en(text: str) -> Optional[str]:
    """The one kind of spending the text names, or None (none or both)."""
    norm = normalizar(text)
    nombrados = [tipo for tipo, patron in _TIPOS_GASTO if patron.search(norm)]
    return nombrados[0] if len(nombrados) == 1 else None


def _medida(label: str) -> Optional[str]:
    norm = normalizar(label)
    return next((medida for medida, patron in _MEDIDAS_EN_FRASE if patron.search(norm)), None)


def importes(
    text: str,
    ctx: Contexto,
    medida_defecto: str = "recursos_programados",
    tipo_defecto: Optional[str] = None,
    solo_pesos: bool = True,
    con_etiqueta: bool = False,
) -> list[Importe]:
    """Money amounts in `text` with their measure, period and expense type.
    `con_etiqueta`: keep only amounts whose own words say what they are
    (prose mentions "$ 0" or prices that are not figures of the report)."""
    numbers = buscar_numeros(text)
    amounts = [n for n in numbers if n.unidad == "pesos"]
    if not amounts and not solo_pesos:
        amounts = [n for n in numbers if n.valor >= 1000 and not ANIO.fullmatch(n.texto)]
    if not amounts:
        return []
    labels, medidas = [], []
    start = 0
    for n in amounts:
        labels.append(text[start : n.inicio])
        medidas.append(_medida(labels[-1]))
        start = n.fin
    if medidas[-1] is None:
        # the word right after the last amount labels it too ("de los $ 3.600.000.000 apropiados");
        # after another amount it is the next one's label ("$ 1.340 Ejecutado $ 983")
        medidas[-1] = _medida(" ".join(text[amounts[-1].fin :].split()[:1]))
    if any(m == "recursos_ejecutados" for m in medidas):
        # an unlabelled amount beside an executed one is the programmed figure
        medidas = [m or "recursos_programados" for m in medidas]
    for k in range(len(amounts) - 1):
        # "$ 3.215.400.000 de los $ 3.600.000.000 apropiados": the part of the programmed whole is executed
        entre = normalizar(text[amounts[k].fin : amounts[k + 1].inicio])
        # ("Inversión $ 412'350.000 de $ 450'000.000": neither says it, the second is the whole)
        if medidas[k] is None and medidas[k + 1] in (None, "recursos_programados") and PARTE_DE.match(entre):
            medidas[k], medidas[k + 1] = "recursos_ejecutados", "recursos_programados"
    whole_type = tipo_gasto_en(text) or tipo_defecto
    whole_cut = fecha_corte_en(text)
    out = []
    for n, label, medida in zip(amounts, labels, medidas):
        if con_etiqueta and medida is None:
            continue
        medida = medida or medida_defecto
        cut = fecha_corte_en(label) or whole_cut
        local = (
            ctx
            if cut is None
            else Contexto(
                vigencia=cut.year,
                fecha_corte=cut,
                periodo_inicio=ctx.periodo_inicio,
                periodo_fin=ctx.periodo_fin,
                cuatrienio=ctx.cuatrienio,
            )
        )
        out.append(
            Importe(
                medida=medida,
                numero=n,
                periodo=periodo_para(medida, "", local),
                tipo_gasto=tipo_gasto_en(label) or whole_type,
            )
        )
    return out


def es_frase_de_dinero(sentence: str) -> bool:
    return "$" in sentence and bool(MONEY_WORDS.search(normalizar(sentence)))
