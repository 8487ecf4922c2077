"""The figures a value cell holds: a plain number, a monthly series,
labelled money, month-number pairs in prose."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

import esquemas
from extractor.castellano import palabras
from extractor.tablas.columnas import CODIGO_LOCAL, DINERO, Columna, es_anio, medida_de_celda
from extractor.tablas.dinero import importes
from extractor.tablas.encabezados import clasificador, normalizar
from extractor.castellano.numeros import (
    Numero,
    con_miles_de_coma,
    buscar_numeros,
    es_vacio,
    escala_tras,
    leer_cantidad,
    leer_numero,
    sin_cota,
    sin_notas,
)
from extractor.castellano.periodos import Contexto, Periodo, pares_mes_numero, periodo_mes, periodo_para, serie_mensual

LOW_CONFIDENCE = 0.5


@dataclass
class Figura:
    medida: str
    numero: Numero
    periodo: Optional[Periodo]
    tipo_gasto: Optional[str] = None
    confianza: float = 1.0
    escala: Optional[tuple[str, float]] = None  # the cell's own scale word ("$ 45,5 millones"), over the column's


# physical measure -> the measure its figure is when written in pesos (medidas.csv `en_dinero`)
AS_MONEY = {m.medida: m.en_dinero for m in esquemas.medidas().values() if m.en_dinero}


def figuras_de_celda(
    text: str, col: Columna, periodo: Optional[Periodo], ctx: Contexto, en_pesos: bool = False
) -> list[Figura]:
    """Every figure a value cell holds, with its measure and period; pesos
    under "Programado | Ejecutado" are money measures, unless the row's unit
    is pesos (`en_pesos`: "Ingresos propios recaudados" | Pesos | $ 420.000.000
    is an indicator counted in pesos, its target a target)."""
    figures = _figuras(text, col, periodo, ctx)
    for fig in figures:
        if ctx.miles_con_coma:
            fig.numero = con_miles_de_coma(fig.numero)
        # internal column measures (recursos_mixtos) never leave the extractor
        fig.medida = medida_de_celda(fig.medida)
        if fig.numero.unidad == "pesos" and fig.medida in AS_MONEY and not en_pesos:
            fig.medida = AS_MONEY[fig.medida]
            fig.periodo = periodo_para(fig.medida, col.texto_periodo, ctx)
    return figures


_CIFRA = r"[-+]?\d[\d.,']*(?:\s*%)?"
_PALABRA_FRENTE_A = palabras.alternativas(palabras.lista("logro_frente_a_meta"), espacios=r"\s+")
_LOGRO_FRENTE_A_META = re.compile(
    rf"^\s*(?P<logro>{_CIFRA})\s+(?:{_PALABRA_FRENTE_A})"
    rf"\s+(?P<meta>{_CIFRA})\s*(?:\(\s*(?P<avance>{_CIFRA})\s*\))?\s*$",
    re.IGNORECASE,
)


def _logro_frente_a_meta(text: str, col: Columna, periodo: Optional[Periodo], ctx: Contexto) -> list[Figura]:
    """ "12 de 10 (120,0 %)" under a result column: the result, its target and
    the percentage, each with its own measure."""
    m = _LOGRO_FRENTE_A_META.match(text.replace("\n", " "))
    if m is None or col.medida not in ("ejecutado", "acumulado"):
        return []
    logro, meta = leer_numero(m["logro"]), leer_numero(m["meta"])
    if logro is None or meta is None or es_anio(meta):  # "5 de 2024" is a date, not a target
        return []
    figuras = [Figura(col.medida, logro, periodo), Figura("meta", meta, periodo_para("meta", col.texto_periodo, ctx))]
    avance = leer_numero(m["avance"]) if m["avance"] else None
    if avance is not None:
        figuras.append(Figura("avance_porcentual", avance, periodo_para("avance_porcentual", col.texto_periodo, ctx)))
    return figuras


_SEPARADOR_ROTULADAS = re.compile("|".join(re.escape(s) for s in palabras.lista("separadores_de_cifras_rotuladas")))
# the words before the figure (or, without a figure, before the last word: "Logrado N.D.")
_ROTULO_Y_CIFRA = re.compile(r"^\s*(?P<rotulo>[^\W\d_][^\d:]*?)\s*:?\s*(?P<valor>[-+(]?\d.*|\S+)\s*$")


def _medida_de_rotulo(rotulo: str, ctx: Contexto) -> Optional[str]:
    """The measure a label names, itself or through the report's legend ("E" → "ejecutado …")."""
    medida = clasificador().medida(rotulo)
    if medida is None:
        significado = dict(ctx.convenciones).get(rotulo.strip().lower().rstrip("."))
        medida = clasificador().medida(significado) if significado else None
    return medida


def _cifras_rotuladas(text: str, col: Columna, ctx: Contexto) -> list[Figura]:
    """ "Logrado 7 / meta 8" under one column: each part's words name its
    figure's measure. Only when every part is "words + one figure or an
    empty mark" and its words name a measure the columns know; a part
    without its figure ("Logrado N.D.") gives nothing."""
    partes = _SEPARADOR_ROTULADAS.split(text.replace("\n", " "))
    if len(partes) < 2:
        return []
    figuras = []
    for parte in partes:
        m = _ROTULO_Y_CIFRA.match(parte)
        medida = _medida_de_rotulo(m["rotulo"], ctx) if m else None
        if m is None or medida is None or medida in DINERO:
            return []
        if es_vacio(m["valor"]):
            continue
        n = leer_numero(m["valor"])
        if n is None:
            return []
        figuras.append(Figura(medida, n, periodo_para(medida, col.texto_periodo, ctx)))
    return figuras


def _numero_o_cantidad(text: str, medida: str) -> Optional[Numero]:
    text = sin_cota(text) if medida in ("meta", "meta_cuatrienio") else text
    n = leer_numero(text)
    if n is None and medida not in DINERO:
        cantidad = leer_cantidad(text)  # "45 km", "(6) und."
        n = cantidad[0] if cantidad else None
    return n


def _figuras(text: str, col: Columna, periodo: Optional[Periodo], ctx: Contexto) -> list[Figura]:
    if es_vacio(text):
        return []
    medida = col.medida
    if medida is None:  # not a value column: no figure
        return []
    if col.en_frase:
        n = cifra_de_frase(text)
        return [Figura(medida, n, periodo, confianza=LOW_CONFIDENCE)] if n is not None else []
    logro = _logro_frente_a_meta(text, col, periodo, ctx) or _cifras_rotuladas(text, col, ctx)
    if logro:
        return logro
    n = _numero_o_cantidad(text, medida)
    if n is None and (sin_nota := sin_notas(text)) != text:
        n = _numero_o_cantidad(sin_nota, medida)  # "12 km (tramo 2)", "17 (invierno)"
    if n is not None:
        return [Figura(medida_de_celda(medida), n, periodo)]
    series = serie_mensual(text, ctx)
    if series:
        return [Figura(medida, num, periodo_mes(mes, medida, ctx)) for mes, num in series]
    if medida in DINERO or "$" in text:
        found = importes(text, ctx, medida_de_celda(medida), col.tipo_gasto, solo_pesos=medida not in DINERO)
        if found:
            return [
                Figura(i.medida, i.numero, i.periodo, i.tipo_gasto, escala=escala_tras(text, i.numero.fin))
                for i in found
            ]
    pairs = pares_mes_numero(text)
    if pairs:
        return [Figura(medida, num, periodo_mes(mes, medida, ctx), confianza=LOW_CONFIDENCE) for mes, num in pairs]
    if CODIGO_LOCAL.match(text.strip()):
        return []
    # "7.985 Estudiantes de cero (0) a once (11)": a number word's digits
    # in parentheses repeat it, they are not another figure
    repetidas = [m.span(1) for m in _CIFRA_REPETIDA.finditer(text)]
    figures = [x for x in buscar_numeros(text) if not es_anio(x) and not any(a <= x.inicio < b for a, b in repetidas)]
    if len(figures) == 1:
        return [Figura(medida, figures[0], periodo, confianza=LOW_CONFIDENCE)]
    return []


# "un (1)", "cero (0)": the figure written again in parentheses after its word
_CIFRA_REPETIDA = re.compile(r"\b[^\W\d_]+\s*\((\d[\d.,]*)\)")
# ages and ranges are not the target: "de 0 a 5 años", "menores de 18", "0 a siempre"
# (esquemas/castellano.yaml `edades_y_rangos`)
_RANGO = re.compile(
    rf"^\s*({palabras.alternativas(palabras.lista('edades_y_rangos')['despues_del_numero'])}|y \d)\b", re.IGNORECASE
)
_EDAD = re.compile(
    rf"\b({palabras.alternativas(palabras.lista('edades_y_rangos')['antes_de_de'])})\s+de\s*$", re.IGNORECASE
)
_ANTES_DE_BASE = re.compile(
    rf"\b({palabras.alternativas(palabras.lista('edades_y_rangos')['antes_de_base_de_tasa'])})\s*$", re.IGNORECASE
)


def cifra_de_frase(text: str) -> Optional[Numero]:
    """The one figure of a target written as a sentence: "Construcción de 35
    aulas" → 35, "Construir un (1) centro … para 100 niños" → 1, "Mantener
    en cero (0)" → 0; None when the sentence has no figure or several."""
    repetida = _CIFRA_REPETIDA.search(text)
    if repetida:
        return leer_numero(repetida.group(1))
    cifras = [
        n
        for n in buscar_numeros(text)
        if not es_anio(n)
        and not _RANGO.match(text[n.fin :])
        and not _EDAD.search(text[: n.inicio])
        and not _base_de_tasa(n, text)
    ]
    return cifras[0] if len(cifras) == 1 else None


def _base_de_tasa(n: Numero, text: str) -> bool:
    """A rate's base: "por 1.000 NV", "x 100.000 habitantes"."""
    potencia = n.valor >= 10 and float(n.valor).is_integer() and str(int(n.valor)).rstrip("0") == "1"
    return potencia and _ANTES_DE_BASE.search(text[: n.inicio]) is not None


def unidad(numero: Numero, medida: str, unit_text: str) -> str:
    if medida in DINERO or numero.unidad == "pesos":
        return "pesos"
    if numero.unidad == "porcentaje" or medida == "avance_porcentual":
        return "porcentaje"
    norm = normalizar(unit_text)
    if "porcentaje" in norm or norm == "%":
        return "porcentaje"
    if "peso" in norm:
        return "pesos"
    return "numero"


def referencia_excel(ref: Optional[str]) -> dict:
    """`hoja` and `celda` of a spreadsheet cell reference ("Hoja 1!P3")."""
    if not ref:
        return {}
    hoja, _, celda = ref.rpartition("!")
    return {"hoja": hoja, "celda": celda}
