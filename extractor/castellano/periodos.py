"""Dates and periods written in Spanish, and the period of each observation.

The period rules are those of esquemas/convenciones.md:

- an explicit period written in the column header or cell wins
  ("REALIZADOS PERIODO JUNIO A SEPTIEMBRE 30 DE 2017" -> 2017-06-01..09-30);
- otherwise each measure has a default (meta -> vigencia year, ejecutado ->
  the report's period, acumulado -> Jan 1 of the vigencia .. fecha de corte...);
- execution periods never end after the fecha de corte when it falls inside
  them (they are cut at the corte).

Matching is done on a lowercase, accent-free copy of the text that keeps the
same length, so match positions are positions in the original text.

Public API: :class:`Periodo`, :class:`Contexto`, :data:`MESES`,
:func:`buscar_fechas`, :func:`fecha_corte_en`, :func:`periodo_de_texto`,
:func:`periodo_para`, :func:`serie_mensual`, :func:`pares_mes_numero`,
:func:`periodo_mes`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import Optional

import esquemas
from extractor.castellano import palabras
from extractor.castellano.numeros import Numero, buscar_numeros, leer_numero

__all__ = [
    "Periodo",
    "Contexto",
    "MESES",
    "MEDIDAS",
    "buscar_fechas",
    "cuatrienio_de",
    "fecha_corte_en",
    "periodo_de_texto",
    "periodo_para",
    "serie_mensual",
    "pares_mes_numero",
    "periodo_mes",
]


@dataclass(frozen=True)
class Periodo:
    inicio: Optional[date]
    fin: Optional[date]


@dataclass(frozen=True)
class Contexto:
    """What the report says about itself."""

    vigencia: Optional[int] = None
    fecha_corte: Optional[date] = None
    periodo_inicio: Optional[date] = None  # report's own period (from its title)
    periodo_fin: Optional[date] = None
    cuatrienio: Optional[tuple[int, int]] = None
    # the report's legend of abbreviations ("P = programado; E = ejecutado"):
    # (abbreviation in lowercase without its full stop, what it stands for)
    convenciones: tuple[tuple[str, str], ...] = ()
    # the report writes thousands with a comma ("3,450" is 3450: numeros.formato_de_miles)
    miles_con_coma: bool = False


SIN_PERIODO = Periodo(None, None)

# ---------------------------------------------------------------------------
# Months and text normalisation
# ---------------------------------------------------------------------------

# Month names and abbreviations, lowercase and without accents
# (esquemas/castellano.yaml `meses`). Lookups go through _normal(), so
# "Septiembre", "SEPT." and "séptiembre" all work.
MESES: dict[str, int] = palabras.por_numero("meses")

# Abbreviations that are also ordinary words ("mar" = sea, "set" = set):
# they count as months only with a full stop ("mar."), right after a dash or
# slash ("ENE-MAR"), or as the whole text (a column header "Mar").
_ABREV_DUDOSAS = frozenset(palabras.lista("meses_dudosos"))


def _mes_dudoso(norm: str, m: re.Match) -> bool:
    """True for a bare "mar"/"set" that is probably an ordinary word."""
    if m["mes"] not in _ABREV_DUDOSAS:
        return False
    con_punto = norm.startswith(".", m.end("mes"))
    tras_guion = re.search(r"[-–/]\s*$", norm[max(0, m.start() - 3) : m.start()]) is not None
    solo = norm.strip() == m["mes"]  # a header cell that says only "Mar", between "Feb" and "Abr"
    # "Mar-2024", "mar/24": the month and its year, the whole text
    con_anio = re.fullmatch(rf"{m['mes']}\s*[-–/ ]\s*(\d{{2}}|\d{{4}})", norm.strip()) is not None
    return not (con_punto or tras_guion or solo or con_anio)


def _normal(texto: str) -> str:
    """Lowercase, accent-free copy of ``texto`` with exactly the same length."""
    if texto.isascii():  # what _norm_letra gives an ASCII letter
        return texto.lower()
    return "".join([_NORM_LETRA.get(c) or _norm_letra(c) for c in texto])


_NORM_LETRA: dict[str, str] = {}  # character -> its normalized form, filled as met


def _norm_letra(c: str) -> str:
    base = "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d)).lower()
    _NORM_LETRA[c] = salida = base if len(base) == 1 else c
    return salida


def _fin_de_mes(anio: int, mes: int) -> date:
    return date(anio, mes, calendar.monthrange(anio, mes)[1])


def _mes_completo(anio: int, mes: int) -> Periodo:
    return Periodo(date(anio, mes, 1), _fin_de_mes(anio, mes))


def _anio_completo(anio: int) -> Periodo:
    return Periodo(date(anio, 1, 1), date(anio, 12, 31))


# Any month word, longest spellings first so "septiembre" beats "sep".
_MES = r"(?<![a-z])(?:" + "|".join(sorted(MESES, key=len, reverse=True)) + r")(?![a-z])"

# A plausible year: 1950-2099, not glued to other digits or separators.
_ANIO = r"(?:19[5-9]\d|20\d\d)"
_ANIO_SUELTO_RE = re.compile(rf"(?<![\d.,'’´])({_ANIO})(?!\d|[.,'’´]\d)")

# A day number: 1-31, not part of a longer number ("13.114" is no day).
_DIA = r"(?:0?[1-9]|[12]\d|3[01])"
_NO_SIGUE_NUMERO = r"(?!\d|[.,'’´]\d)"


# ---------------------------------------------------------------------------
# Date expressions: partial dates with their spans
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fecha:
    """A date as written: the day and the year may be missing."""

    mes: int
    dia: Optional[int]
    anio: Optional[int]
    inicio: int
    fin: int
    # Clearly a date: it has a year, is numeric, or reads "<day> de <month>".
    # "junio 25" alone may be a month followed by a count.
    clara: bool = True


# "30 de septiembre de 2017", "1° de enero del 2018", "30 de junio", "30 junio 2017",
# "30-jun-2025", "30-sep", "15/mar/2024"
_DIA_DE_MES_RE = re.compile(
    rf"(?<![\d.,])(?P<dia>{_DIA})(?:°|º|o)?(?:\s+(?P<de>de\s+)?|(?P<guion>[-/]))(?P<mes>{_MES})\.?"
    rf"(?:\s*(?:,|de|del|-|/)?\s*(?P<anio>{_ANIO}){_NO_SIGUE_NUMERO})?"
)
# "septiembre 30 de 2017", "septiembre 30, 2017", "junio 30"
_MES_DIA_RE = re.compile(
    rf"(?P<mes>{_MES})\.?\s+(?P<dia>{_DIA}){_NO_SIGUE_NUMERO}"
    rf"(?:\s*(?:,|de|del)?\s*(?P<anio>{_ANIO}){_NO_SIGUE_NUMERO})?"
)
# "septiembre de 2017", "junio 2017", "mayo"
_MES_SOLO_RE = re.compile(
    rf"(?P<mes>{_MES})\.?"
    rf"(?:\s*(?:de|del|-|/)?\s*(?P<anio>{_ANIO}){_NO_SIGUE_NUMERO})?"
)
# "30/06/2018", "30-06-2018", "30.06.2018", "30/06/18" (day first, as in Colombia)
_DMA_RE = re.compile(
    r"(?<![\d.,/-])(?P<dia>\d{1,2})(?P<sep>[/.-])(?P<mes>\d{1,2})(?P=sep)"
    r"(?P<anio>\d{4}|\d{2})(?![\d/])"
)
# "2018-06-30", "2018/06/30", "2017-09-30 00:00:00"
_AMD_RE = re.compile(
    r"(?<![\d.,/-])(?P<anio>\d{4})(?P<sep>[/-])(?P<mes>\d{1,2})(?P=sep)"
    r"(?P<dia>\d{1,2})(?![\d/])"
)

# What every expression above holds: a month word, or a digit, a separator
# and a digit. One search instead of five in the many texts without a date.
_PUEDE_SER_FECHA = re.compile(rf"{_MES}|\d[/.-]\d")


def _fecha_de_match(m: re.Match, numerico: bool) -> Optional[_Fecha]:
    grupos = m.groupdict()
    if numerico:
        mes = int(grupos["mes"])
    else:
        mes = MESES[grupos["mes"]]
    dia = int(grupos["dia"]) if grupos.get("dia") else None
    anio = int(grupos["anio"]) if grupos.get("anio") else None
    if anio is not None and anio < 100:
        anio += 2000
    if not 1 <= mes <= 12:
        return None
    if dia is not None and anio is not None:
        try:
            date(anio, mes, dia)
        except ValueError:
            return None
    elif dia is not None and not 1 <= dia <= 31:
        return None
    clara = numerico or anio is not None or bool(grupos.get("de")) or bool(grupos.get("guion"))
    return _Fecha(mes, dia, anio, m.start(), m.end(), clara)


def _expresiones_de_fecha(norm: str, con_mes_solo: bool = True) -> list[_Fecha]:
    """Date expressions in normalised text, in order, without overlaps.

    Where several readings start at the same place the longest wins.
    """
    if not _PUEDE_SER_FECHA.search(norm):
        return []
    candidatos: list[_Fecha] = []
    for regex, numerico in (
        (_AMD_RE, True),
        (_DMA_RE, True),
        (_DIA_DE_MES_RE, False),
        (_MES_DIA_RE, False),
    ):
        for m in regex.finditer(norm):
            f = _fecha_de_match(m, numerico)
            if f:
                candidatos.append(f)
    if con_mes_solo:
        for m in _MES_SOLO_RE.finditer(norm):
            if _mes_dudoso(norm, m):
                continue
            f = _fecha_de_match(m, False)
            if f:
                candidatos.append(f)
    candidatos.sort(key=lambda f: (f.inicio, -(f.fin - f.inicio)))
    elegidos: list[_Fecha] = []
    for f in candidatos:
        if not elegidos or f.inicio >= elegidos[-1].fin:
            elegidos.append(f)
    return elegidos


def _a_fecha(f: _Fecha, anio: int, al_final: bool) -> date:
    """A complete date: missing day -> first or last day of the month; a day
    past the month's end is clamped to it."""
    ultimo = calendar.monthrange(anio, f.mes)[1]
    if f.dia is None:
        return date(anio, f.mes, ultimo if al_final else 1)
    return date(anio, f.mes, min(f.dia, ultimo))


def buscar_fechas(texto: str, anio_defecto: Optional[int] = None) -> list[date]:
    """Full dates written in ``texto``, in order of appearance.

    Dates without a year ("30 de junio") use ``anio_defecto`` and are skipped
    when it is None. A month without a day is not a date.
    """
    fechas = []
    for f in _expresiones_de_fecha(_normal(texto or ""), con_mes_solo=False):
        anio = f.anio if f.anio is not None else anio_defecto
        if anio is None:
            continue
        try:
            fechas.append(date(anio, f.mes, f.dia))  # type: ignore[arg-type]
        except ValueError:
            continue
    return fechas


# ---------------------------------------------------------------------------
# Fecha de corte
# ---------------------------------------------------------------------------

# "corte", "con corte a", "con corte al", "fecha de corte:", "corte a:"
# (esquemas/castellano.yaml `palabras_de_corte`, `hasta_una_fecha`)
_PALABRA_DE_CORTE = r"\b(?:" + palabras.alternativas(palabras.lista("palabras_de_corte"), espacios=r"\s+") + r")\b"
# ("Fecha de corte del seguimiento: 31 de diciembre de 2024": what the cut is of, before the date)
_CORTE_RE = re.compile(
    _PALABRA_DE_CORTE
    + r"(?:\s+del?\s+(?:informe|seguimiento|reporte|periodo|plan)\b)?(?:\s+(?:al|a|de)\b)?(?:\s+(?:el|dia)\b)?\s*:?\s*"
)
_ACUMULADO_HASTA = palabras.alternativas(palabras.lista("acumulado_hasta"), espacios=r"\s+")
_ACUMULADO_HASTA_RE = re.compile(rf"\b(?:{_ACUMULADO_HASTA})\b(?:\s+(?:al|a|del|de)\b)?\s*:?\s*")
_CORTE_AL_FINAL_RE = re.compile(_PALABRA_DE_CORTE + r"\s*:?\s*$")
# "a 30 de septiembre de 2017", "al 30/06/2018", "hasta el 31 de diciembre de 2019"
_HASTA = palabras.alternativas(palabras.lista("hasta_una_fecha"), espacios=r"\s+")
_HASTA_RE = re.compile(rf"\b(?:{_HASTA})\s+(?:el\s+|dia\s+)?$")


_Y_OTRO_CORTE_RE = re.compile(r"\s*(?:\([^()]*\)\s*)?,?\s*y\s+(?:a|al|hasta)\s+(?:el\s+)?$")


def fecha_corte_en(
    texto: str, anio_defecto: Optional[int] = None, acumulado: bool = False, con_palabra: bool = False
) -> Optional[date]:
    """The cut-off date written in ``texto``, or None.

    First a date right after "corte" ("con corte a septiembre 30 de 2017",
    "corte: 31/12/2019"; a month and year there gives the month's last day),
    or, with ``acumulado`` (a title or text line, not a header), right after
    "acumulado" ("Acumulado enero a octubre de 2025"); with ``con_palabra``
    only these;
    otherwise a full date after "a"/"al"/"hasta" ("a 30 de septiembre de 2017").
    """
    norm = _normal(texto or "")
    palabras_de_corte = [*_CORTE_RE.finditer(norm), *(_ACUMULADO_HASTA_RE.finditer(norm) if acumulado else ())]
    if con_palabra and not palabras_de_corte:
        return None  # nothing to look for: the dates are not read
    expresiones = _expresiones_de_fecha(norm)
    for m in palabras_de_corte:
        for i, f in enumerate(expresiones):
            if f.inicio != m.end():
                continue
            # "corte junio a septiembre de 2017": the cut is the range's end.
            siguiente = expresiones[i + 1] if i + 1 < len(expresiones) else None
            if siguiente and _CONECTOR_RANGO_RE.match(norm[f.fin : siguiente.inicio]):
                f = siguiente
            # "acumulado a 30 de junio (informe semestral) y a 31 de diciembre": the later cut
            elif siguiente and _Y_OTRO_CORTE_RE.match(norm[f.fin : siguiente.inicio]):
                f = siguiente
            anio = f.anio if f.anio is not None else anio_defecto
            if anio is not None:
                return _a_fecha(f, anio, al_final=True)
    if con_palabra:
        return None
    for f in expresiones:
        if f.dia is None:
            continue
        anio = f.anio if f.anio is not None else anio_defecto
        if anio is not None and _HASTA_RE.search(norm, 0, f.inicio):
            return _a_fecha(f, anio, al_final=True)
    return None


# ---------------------------------------------------------------------------
# Explicit periods in a header or title
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lectura:
    """A period read from text, with the kind of expression that gave it."""

    periodo: Periodo
    tipo: str  # rango | acumulado | fecha | subperiodo | cuatrienio | anio | mes


# Words joining the two ends of a range of months: "junio a septiembre",
# "entre enero y septiembre", "1 de enero al 30 de junio", "ENE-MAR".
_CONECTOR_RANGO_RE = re.compile(r"\s*(?:a|al|hasta|y|-|–|—|/)\s*(?:(?:el|del|de)\s+)?\s*$")

# Ordinals for semesters, quarters...: "II", "segundo", "2do", "2°", "2"
# (esquemas/castellano.yaml `ordinales`, `sufijos_ordinales`).
_ORDINALES = {**palabras.por_numero("ordinales"), **palabras.por_numero("romanos")}
_ORDINAL = (
    rf"(?:{palabras.alternativas(_ORDINALES)}"
    rf"|[1-{max(_ORDINALES.values())}](?:{palabras.alternativas(palabras.lista('sufijos_ordinales'))})?)(?![\w°º])"
)
# Months in each kind of part of a year (esquemas/castellano.yaml `subperiodos`).
SUBPERIODOS = {str(k): int(v) for k, v in palabras.lista("subperiodos").items()}


def _abreviaturas() -> dict[str, str]:
    """Abbreviation -> the part of a year it stands for (esquemas/castellano.yaml
    `subperiodos_abreviados`): "trim" -> "trimestre"."""
    salida = {}
    for nombre, abreviaturas in palabras.lista("subperiodos_abreviados").items():
        if nombre not in SUBPERIODOS:
            raise ValueError(f"castellano.yaml: subperiodos_abreviados names {nombre!r}, not one of subperiodos")
        salida.update({str(a): str(nombre) for a in abreviaturas})
    return salida


# Column headers abbreviate them: "I trim.", "Trim. II", "2do sem.".
ABREVIATURAS_SUBPERIODO = _abreviaturas()
_SUBPERIODO = rf"(?:{palabras.alternativas([*SUBPERIODOS, *ABREVIATURAS_SUBPERIODO])})(?![\w])"
# "II semestre", "segundo semestre", "semestre II", "trimestre 1"; a range
# such as "Trimestre I-IV" is not one part.
_NO_RANGO = r"(?!\s*[-–]\s*(?:[ivx]+|\d)\b)"
_ORD_SUB_RE = re.compile(rf"(?<![\w])(?P<ord>{_ORDINAL})\s*(?P<sub>{_SUBPERIODO})\.?")
_SUB_ORD_RE = re.compile(rf"\b(?P<sub>{_SUBPERIODO})\.?\s*(?P<ord>{_ORDINAL}){_NO_RANGO}")
# "T1", "T.4", "t 2" (quarters)
_T_RE = re.compile(r"(?<![\w])t\.?\s?(?P<ord>[1-4])(?![\d\w])" + _NO_RANGO)
# Year right after a part of a year: "II semestre de 2017", "T1-2018", "T1 2018"
_ANIO_DESPUES_RE = re.compile(rf"\s*(?:de|del|-|/|,)?\s*(?P<anio>{_ANIO})(?!\d)")

# "2016-2019", "2020 - 2023", "2016 a 2019", "2024 y 2025"
_RANGO_ANIOS_RE = re.compile(rf"(?<![\d.,])(?P<a>{_ANIO})\s*(?:-|–|—|/|a|al|y|hasta)\s*(?P<b>{_ANIO})(?!\d)")
_CUATRIENIO_RE = re.compile(rf"\b(?:{palabras.alternativas(palabras.lista('palabras_cuatrienio'))})\b")


def _anio_contexto(ctx: Optional[Contexto]) -> Optional[int]:
    """Year for dates written without one: the vigencia, else the corte's."""
    if ctx is None:
        return None
    for candidato in (
        ctx.vigencia,
        ctx.fecha_corte.year if ctx.fecha_corte else None,
        ctx.periodo_fin.year if ctx.periodo_fin else None,
        ctx.periodo_inicio.year if ctx.periodo_inicio else None,
    ):
        if candidato is not None:
            return candidato
    return None


def _anio_del_texto(norm: str) -> Optional[int]:
    """The one year written in the text (all mentions agree), else None."""
    anios = {int(a) for a in _ANIO_SUELTO_RE.findall(norm)}
    return anios.pop() if len(anios) == 1 else None


def _anio_por_defecto(norm: str, ctx: Optional[Contexto]) -> Optional[int]:
    anio = _anio_del_texto(norm)
    return anio if anio is not None else _anio_contexto(ctx)


def _leer_rango_de_meses(norm: str, fechas: list[_Fecha], ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """ "junio a septiembre 30 de 2017", "entre enero y septiembre de 2017"."""
    for f1, f2 in zip(fechas, fechas[1:]):
        if not _CONECTOR_RANGO_RE.match(norm[f1.fin : f2.inicio]):
            continue
        anio2 = f2.anio if f2.anio is not None else f1.anio
        if anio2 is None:
            anio2 = _anio_por_defecto(norm, ctx)
        if anio2 is None:
            return None
        anio1 = f1.anio
        if anio1 is None:
            # "noviembre a febrero de 2018" starts the year before.
            anio1 = anio2 - 1 if f1.mes > f2.mes else anio2
        inicio = _a_fecha(f1, anio1, al_final=False)
        fin = _a_fecha(f2, anio2, al_final=True)
        if fin < inicio:
            continue
        return _Lectura(Periodo(inicio, fin), "rango")
    return None


_ANIO_HASTA_RE = re.compile(rf"(?<![\d.,])(?P<a>{_ANIO})\s*(?:-|–|—|a|al|hasta)\s*$")


def _leer_anio_a_fecha(norm: str, fechas: list[_Fecha]) -> Optional[_Lectura]:
    """ "Acumulado 2024 – sep. 2025", "2020 a junio 30 de 2023": from the
    start of a year to a later month or date."""
    for f in fechas:
        m = _ANIO_HASTA_RE.search(norm[: f.inicio])
        if m and f.anio is not None and int(m["a"]) < f.anio:
            return _Lectura(Periodo(date(int(m["a"]), 1, 1), _a_fecha(f, f.anio, al_final=True)), "rango")
    return None


def _leer_hasta(norm: str, fechas: list[_Fecha], ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """Cumulative: "a septiembre de 2017", "a 30 de junio", "hasta junio",
    "con corte a septiembre 30 de 2017" -> Jan 1 of that year .. that date."""
    for f in fechas:
        antes = norm[max(0, f.inicio - 40) : f.inicio]
        if not (_HASTA_RE.search(antes) or _CORTE_AL_FINAL_RE.search(antes)):
            continue
        anio = f.anio if f.anio is not None else _anio_por_defecto(norm, ctx)
        if anio is None:
            return None
        fin = _a_fecha(f, anio, al_final=True)
        # "(corte 30 de junio)" dates the report's figures; "a junio" is the column's own span
        tipo = "corte" if re.search(_PALABRA_DE_CORTE, antes) else "acumulado"
        return _Lectura(Periodo(date(anio, 1, 1), fin), tipo)
    return None


_DESDE_RE = re.compile(
    r"\bdesde\s+(?:el\s+)?(?:(?:ano|inicio\s+de(?:l)?)\s+)?((?:19|20)\d\d)\b(?!\s*(?:a|al|hasta|[-–])\s*\d)"
)


def _leer_desde(norm: str, ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """Cumulative from a year on: "¿cuánto llevamos desde 2020?" -> Jan 1 of
    that year .. the report's cut; None without a cut after it."""
    m = _DESDE_RE.search(norm)
    corte = (_corte(ctx) or _vigencia_a_corte(ctx).fin) if m and ctx is not None else None
    if m is None or corte is None or corte.year < int(m.group(1)):
        return None
    return _Lectura(Periodo(date(int(m.group(1)), 1, 1), corte), "acumulado")


def _leer_subperiodo(norm: str, ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """ "II semestre", "primer trimestre", "T1", "tercer bimestre"..."""
    encontrado: Optional[tuple[int, int, int]] = None  # (n, months, end pos)
    for regex in (_ORD_SUB_RE, _SUB_ORD_RE):
        m = regex.search(norm)
        if m:
            numero = _numero_ordinal(m["ord"])
            meses = SUBPERIODOS[ABREVIATURAS_SUBPERIODO.get(m["sub"], m["sub"])]
            if numero is not None and numero * meses <= 12:
                encontrado = (numero, meses, m.end())
                break
    if encontrado is None:
        m = _T_RE.search(norm)
        if m:
            encontrado = (int(m["ord"]), 3, m.end())
    if encontrado is None:
        return None
    numero, meses, fin_match = encontrado
    m_anio = _ANIO_DESPUES_RE.match(norm, fin_match)
    anio = int(m_anio["anio"]) if m_anio else _anio_por_defecto(norm, ctx)
    if anio is None:
        return None
    mes_fin = numero * meses
    periodo = Periodo(date(anio, mes_fin - meses + 1, 1), _fin_de_mes(anio, mes_fin))
    return _Lectura(periodo, "subperiodo")


def _numero_ordinal(texto: str) -> Optional[int]:
    texto = texto.rstrip("°º")
    if texto in _ORDINALES:
        return _ORDINALES[texto]
    m = re.match(r"([1-6])", texto)
    return int(m.group(1)) if m else None


def cuatrienio_de(anio: int) -> tuple[int, int]:
    """The government term holding a year (esquemas/castellano.yaml `cuatrienios`):
    cuatrienio_de(2025) == (2024, 2027)."""
    datos = palabras.lista("cuatrienios")
    inicio = anio - (anio - datos["un_inicio"]) % datos["anios"]
    return inicio, inicio + datos["anios"] - 1


def _cuatrienio(ctx: Optional[Contexto]) -> Optional[tuple[int, int]]:
    """The term the report writes, else the one holding its year."""
    if ctx is None:
        return None
    anio = _anio_contexto(ctx)
    return ctx.cuatrienio or (cuatrienio_de(anio) if anio is not None else None)


def _leer_rango_de_anios(norm: str, ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """ "cuatrienio 2016-2019", "2020 - 2023", "2024 y 2025"; or the word
    "cuatrienio" alone: the report's term."""
    for m in _RANGO_ANIOS_RE.finditer(norm):
        a, b = int(m["a"]), int(m["b"])
        if 0 < b - a <= 12:
            return _Lectura(Periodo(date(a, 1, 1), date(b, 12, 31)), "cuatrienio")
    termino = _cuatrienio(ctx) if _CUATRIENIO_RE.search(norm) else None
    if termino:
        a, b = termino
        return _Lectura(Periodo(date(a, 1, 1), date(b, 12, 31)), "cuatrienio")
    return None


def _leer_anio(norm: str) -> Optional[_Lectura]:
    """ "vigencia 2019", "Meta 2018", "PROYECTADOS AÑO 2017"."""
    anio = _anio_del_texto(norm)
    return _Lectura(_anio_completo(anio), "anio") if anio is not None else None


def _leer_anio_anterior(norm: str, ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """ "Cifra correspondiente a la vigencia anterior": the year before the report's."""
    anio = _anio_contexto(ctx)
    return _Lectura(_anio_completo(anio - 1), "anio") if anio is not None and _ANIO_ANTERIOR.search(norm) else None


def _leer_fecha_o_mes(norm: str, fechas: list[_Fecha], ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """One month ("Junio" -> the whole month) or one full date (a cut date:
    Jan 1 .. that date). Several different months name no single period."""
    if len({(f.mes, f.dia, f.anio) for f in fechas}) != 1:
        return None
    f = fechas[0]
    anio = f.anio if f.anio is not None else _anio_por_defecto(norm, ctx)
    if anio is None:
        return None
    if f.dia is None:
        return _Lectura(_mes_completo(anio, f.mes), "mes")
    return _Lectura(Periodo(date(anio, 1, 1), _a_fecha(f, anio, True)), "fecha")


def _leer_periodo(texto: str, ctx: Optional[Contexto]) -> Optional[_Lectura]:
    norm = _normal(texto or "")
    fechas = _expresiones_de_fecha(norm)
    return (
        _leer_anio_a_fecha(norm, fechas)
        or _leer_rango_de_meses(norm, fechas, ctx)
        or _leer_hasta(norm, fechas, ctx)
        or _leer_desde(norm, ctx)
        or _leer_subperiodo(norm, ctx)
        or _leer_rango_de_anios(norm, ctx)
        or _leer_fecha_o_mes(norm, fechas, ctx)
        or _leer_anio(norm)
        or _leer_anio_anterior(norm, ctx)
    )


# "Recaudo del mes", "Recaudo del trimestre", "Ejecutado del periodo": the
# part of the year that ends at the cut, by its months, or the report's own
# period (esquemas/castellano.yaml `periodos_al_corte`).
_ESPACIOS = r"\s+"
# "Cifra correspondiente a la vigencia anterior" (esquemas/castellano.yaml `anio_anterior`)
_ANIO_ANTERIOR = re.compile(
    r"(?<![\w])(?:"
    + palabras.alternativas([_normal(p) for p in palabras.lista("anio_anterior")], espacios=_ESPACIOS)
    + r")(?![\w])"
)
_AL_CORTE: tuple[tuple[re.Pattern, Optional[int]], ...] = tuple(
    (
        re.compile(rf"(?<![\w])(?:{palabras.alternativas([_normal(p) for p in frases], espacios=_ESPACIOS)})(?![\w])"),
        None if parte == "informe" else int(parte),
    )
    for parte, frases in palabras.lista("periodos_al_corte").items()
)


def _leer_al_corte(norm: str, ctx: Optional[Contexto]) -> Optional[_Lectura]:
    """The part of the year a header names relative to the report's cut
    ("del mes", "del trimestre") or the report's own period ("del
    periodo"); None without a cut (or a period) to place it."""
    if ctx is None:
        return None
    for patron, meses in _AL_CORTE:
        if not patron.search(norm):
            continue
        if meses is None:
            if ctx.periodo_inicio and ctx.periodo_fin:
                return _Lectura(Periodo(ctx.periodo_inicio, ctx.periodo_fin), "subperiodo")
            return None
        corte = _corte(ctx)
        if corte is None:
            return None
        inicio = (corte.month - 1) // meses * meses + 1
        return _Lectura(Periodo(date(corte.year, inicio, 1), corte), "subperiodo")
    return None


def nombra_periodo_al_corte(texto: str) -> bool:
    """The text names a part of the year relative to the cut ("Recaudo del
    mes", "Ejecutado del periodo")."""
    norm = _normal(texto or "")
    return any(patron.search(norm) for patron, _ in _AL_CORTE)


def con_corte_de_encabezados(textos: list[str], ctx: Contexto) -> Contexto:
    """The context in which a table's "del mes" or "del trimestre" is read:
    the report's, or, when the report states no cut, the one cut date its
    headers write ("Recaudo del mes | Recaudo acumulado a 30 de junio")."""
    if ctx.fecha_corte is not None:
        return ctx
    cortes = {c for c in (fecha_corte_en(t, _anio_contexto(ctx)) for t in textos) if c is not None}
    return replace(ctx, fecha_corte=cortes.pop()) if len(cortes) == 1 else ctx


def periodo_de_texto(texto: str, ctx: Optional[Contexto] = None) -> Optional[Periodo]:
    """The period a header or title names explicitly, or None.

    In order: a range of months or dates ("junio a septiembre 30 de 2017"),
    a cumulative "a/hasta/corte <date>" (from Jan 1 of that year), a part of
    a year ("II semestre", "T1", "tercer bimestre"), a range of years
    ("cuatrienio 2016-2019"), one year ("vigencia 2019"), one month ("Junio")
    or one full date (cumulative). Missing years come from a year written in
    the text, else from ``ctx``.
    """
    lectura = _leer_periodo(texto, ctx)
    return lectura.periodo if lectura else None


# ---------------------------------------------------------------------------
# Period of an observation by measure (convenciones.md)
# ---------------------------------------------------------------------------

# Each measure's period rule is data: esquemas/medidas.csv
# (`periodo_por_defecto`, `se_recorta_al_corte`, `acumula_desde_enero`).
MEDIDAS = frozenset(esquemas.medidas())


def _medida(medida: str) -> Optional[esquemas.Medida]:
    return esquemas.medidas().get(medida)


def _se_recorta(medida: str) -> bool:
    """An execution measure: its periods are cut at the fecha de corte."""
    m = _medida(medida)
    return m is not None and m.se_recorta_al_corte


def _acumula_desde_enero(medida: str) -> bool:
    m = _medida(medida)
    return m is not None and m.acumula_desde_enero


def _corte(ctx: Contexto) -> Optional[date]:
    """The fecha de corte; when the report gives none, the end of its period."""
    return ctx.fecha_corte or ctx.periodo_fin


def _recortar(periodo: Periodo, ctx: Contexto) -> Periodo:
    """Cut an execution period at the corte when the corte falls inside it."""
    corte = _corte(ctx)
    if corte and periodo.inicio and periodo.fin and periodo.inicio <= corte < periodo.fin:
        return replace(periodo, fin=corte)
    return periodo


def _vigencia_a_corte(ctx: Contexto) -> Periodo:
    anio = _anio_contexto(ctx)
    if anio is None:
        return SIN_PERIODO
    corte = _corte(ctx)
    fin = corte if corte and corte.year == anio else date(anio, 12, 31)
    return Periodo(date(anio, 1, 1), fin)


def _por_defecto(medida: str, ctx: Contexto) -> Periodo:
    """The measure's `periodo_por_defecto` (esquemas/medidas.csv) in this report."""
    regla = _medida(medida).periodo_por_defecto  # type: ignore[union-attr]
    if ctx.vigencia is None and ctx.fecha_corte is None and ctx.cuatrienio and regla != "ninguno":
        # a plan (no single vigencia): "Total asignado" covers its whole term
        a, b = ctx.cuatrienio
        return Periodo(date(a, 1, 1), date(b, 12, 31))
    anio = _anio_contexto(ctx)
    if regla == "vigencia":
        return _anio_completo(anio) if anio is not None else SIN_PERIODO
    if regla == "informe":
        if ctx.periodo_inicio or ctx.periodo_fin:
            # a report of a known year without a cut date: up to the year's end
            return Periodo(ctx.periodo_inicio, ctx.periodo_fin or _vigencia_a_corte(ctx).fin)
        return _vigencia_a_corte(ctx)
    if regla == "vigencia_a_corte":
        return _vigencia_a_corte(ctx)
    termino = _cuatrienio(ctx) if regla == "cuatrienio" else None
    if termino:
        a, b = termino
        return Periodo(date(a, 1, 1), date(b, 12, 31))
    return SIN_PERIODO  # ninguno (linea_base), a report without a year


def _ajustar(medida: str, lectura: _Lectura, ctx: Contexto) -> Periodo:
    """The measure's adjustment of an explicit period."""
    periodo, definicion = lectura.periodo, _medida(medida)
    if lectura.tipo == "corte" and definicion is not None and definicion.periodo_por_defecto == "vigencia":
        if not definicion.se_recorta_al_corte and periodo.fin is not None:
            # "Vigencia 2025 (corte 30 de junio)" over "Programado": the cut
            # dates the results, the year's target is the whole year's
            return Periodo(date(periodo.fin.year, 1, 1), date(periodo.fin.year, 12, 31))
    if _se_recorta(medida) and lectura.tipo == "anio":
        # "Ejecutado 2017" -> 2017-01-01 .. corte (if the corte is in 2017)
        corte = _corte(ctx)
        anio = periodo.inicio.year  # type: ignore[union-attr]
        fin = corte if corte and corte.year == anio else date(anio, 12, 31)
        periodo = Periodo(date(anio, 1, 1), fin)
    elif _acumula_desde_enero(medida) and lectura.tipo in ("mes", "fecha", "subperiodo"):
        # "Acumulado junio" -> Jan 1 .. end of June; "Acumulado trimestre 3" -> Jan 1 .. 30 September
        periodo = Periodo(date(periodo.fin.year, 1, 1), periodo.fin)  # type: ignore[union-attr]
    if _se_recorta(medida) and not (medida == "avance_porcentual" and lectura.tipo == "cuatrienio"):
        # "% avance cuatrienio" is progress towards the term's target: the term, uncut
        periodo = _recortar(periodo, ctx)
    return periodo


def periodo_para(medida: Optional[str], texto_encabezado: str, ctx: Contexto) -> Periodo:
    """Period of an observation of ``medida`` under a header (convenciones.md).

    The explicit period of the header wins, adjusted to the measure; else the
    measure's default. ``Periodo(None, None)`` when nothing is known (a
    linea_base without a year). A measure outside esquemas/medidas.csv gets
    the header's period as written, or ``Periodo(None, None)``.
    """
    lectura = _leer_periodo(texto_encabezado or "", ctx)
    if lectura is None or lectura.tipo == "anio":
        # "Recaudo del trimestre" (2024): the quarter of the cut, within that year
        al_corte = _leer_al_corte(_normal(texto_encabezado or ""), ctx)
        if al_corte is not None and (lectura is None or lectura.periodo.inicio.year == al_corte.periodo.fin.year):  # type: ignore[union-attr]
            lectura = al_corte
    if medida not in MEDIDAS:
        return lectura.periodo if lectura else SIN_PERIODO
    if _medida(medida).periodo_por_defecto == "cuatrienio" and lectura and lectura.tipo != "cuatrienio":  # type: ignore[union-attr]
        lectura = None  # only a written cuatrienio counts for a measure of the term
    if lectura is not None:
        return _ajustar(medida, lectura, ctx)
    periodo = _por_defecto(medida, ctx)
    if _se_recorta(medida):
        periodo = _recortar(periodo, ctx)
    return periodo


def periodo_mes(mes: int, medida: str, ctx: Contexto) -> Periodo:
    """Period of one month of a monthly series or of a month-number pair.

    acumulado -> Jan 1 of the vigencia .. end of the month; any other measure
    -> the whole month. Execution periods are cut at the corte.
    """
    anio = _anio_contexto(ctx)
    if anio is None or not 1 <= mes <= 12:
        return SIN_PERIODO
    periodo = _mes_completo(anio, mes)
    if _acumula_desde_enero(medida):
        periodo = Periodo(date(anio, 1, 1), periodo.fin)
    if _se_recorta(medida):
        periodo = _recortar(periodo, ctx)
    return periodo


# ---------------------------------------------------------------------------
# Month-number pairs in cells
# ---------------------------------------------------------------------------

# One "<Month> <number>" pair of a monthly series: "Junio 13.114", "Sept. 13.968",
# "Julio: 3.059".
_NUMERO_EN_SERIE = r"(?:\$\s*)?[-−]?[0-9]+(?:[.,'’´][0-9]+)*(?:\s*%)?"
_PAR_SERIE_RE = re.compile(rf"(?P<mes>{_MES})\.?(?:\s*[:=]\s*|\s+-\s+|\s*)(?P<num>{_NUMERO_EN_SERIE})")
_SEPARADOR_SERIE_RE = re.compile(r"[\s,;|.]*")


def serie_mensual(texto: str, ctx: Optional[Contexto] = None) -> Optional[list[tuple[int, Numero]]]:
    """A cell that is exactly a series of "<Month> <number>" pairs.

    "Junio 13.114\\nJulio 13.134" -> [(6, 13114), (7, 13134)]. None unless the
    cell has at least two pairs and nothing but separators between them.
    ``ctx`` is accepted for symmetry and not needed. Number spans are
    positions in ``texto``.
    """
    if not texto:
        return None
    norm = _normal(texto)
    pares: list[tuple[int, Numero]] = []
    pos = _SEPARADOR_SERIE_RE.match(norm, 0).end()  # type: ignore[union-attr]
    while pos < len(norm):
        m = _PAR_SERIE_RE.match(norm, pos)
        if not m:
            return None
        numero = leer_numero(texto[m.start("num") : m.end("num")])
        if numero is None:
            return None
        desplazado = replace(numero, inicio=m.start("num") + numero.inicio, fin=m.start("num") + numero.fin)
        pares.append((MESES[m["mes"]], desplazado))
        pos = _SEPARADOR_SERIE_RE.match(norm, m.end()).end()  # type: ignore[union-attr]
    return pares if len(pares) >= 2 else None


# How far (in words) a number may follow its month in narrative text.
_MAX_PALABRAS = 6
# A sentence ending between a month and a number breaks the pair.
_FIN_DE_FRASE_RE = re.compile(r"[.;!?](?:\s|$)")
_MES_LIBRE_RE = re.compile(rf"(?P<mes>{_MES})")


def _es_anio(n: Numero) -> bool:
    return n.unidad == "numero" and re.fullmatch(r"\d{4}", n.texto) is not None and 1990 <= n.valor <= 2035


def pares_mes_numero(texto: str) -> list[tuple[int, Numero]]:
    """Month-number pairs in narrative text.

    Each month word takes the first number that follows it within about six
    words, in the same sentence, before the next month word. Years
    (1990-2035 written without separators) and numbers inside dates
    ("30 de junio", "septiembre 30 de 2017", "30/06/2018") are skipped.
    """
    if not texto:
        return []
    norm = _normal(texto)
    en_fechas = [(f.inicio, f.fin) for f in _expresiones_de_fecha(norm, con_mes_solo=False) if f.clara]
    numeros = [
        n
        for n in buscar_numeros(texto)
        if not _es_anio(n) and not any(a <= n.inicio and n.fin <= b for a, b in en_fechas)
    ]
    meses = [m for m in _MES_LIBRE_RE.finditer(norm) if not _mes_dudoso(norm, m)]
    pares: list[tuple[int, Numero]] = []
    usados: set[int] = set()
    for i, m in enumerate(meses):
        limite = meses[i + 1].start() if i + 1 < len(meses) else len(norm)
        for n in numeros:
            if n.inicio < m.end() or n.inicio >= limite or n.inicio in usados:
                continue
            entre = norm[m.end() : n.inicio]
            if len(entre.split()) <= _MAX_PALABRAS and not _FIN_DE_FRASE_RE.search(entre):
                pares.append((MESES[m["mes"]], n))
                usados.add(n.inicio)
            break  # only the first number after the month is considered
    return pares
