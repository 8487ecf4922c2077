"""Parsing of numbers as Colombian (es-CO) reports write them.

Conventions (esquemas/convenciones.md, docs dominio.md section 3):

- dot = thousands, comma = decimal: ``10.620`` -> 10620, ``1.234,5`` -> 1234.5;
- an apostrophe (``'`` ``’`` ``´``) is a thousands/millions mark:
  ``983'286.659,67`` -> 983286659.67, ``$1'340.799.993`` -> 1340799993;
- the same documents also write a dot as decimal point (``0.25 %``), so a
  single dot is read as decimal when the integer part is zero or when one or
  two digits follow it; those readings are flagged ``ambiguo``;
- with both ``.`` and ``,`` present the last one is the decimal mark
  (``1,234.5`` -> 1234.5, US style);
- ``$`` (also ``\\$`` from text exports) and ``COP`` mean pesos, ``%`` means a
  percentage as written (``97,6%`` -> 97.6).

Public API: :class:`Numero`, :func:`es_vacio`, :func:`leer_numero`,
:func:`buscar_numeros`.
"""

from __future__ import annotations

import re
from functools import lru_cache
import unicodedata
from dataclasses import dataclass
from typing import Iterator, Optional

from esquemas import cargar_yaml
from extractor.castellano import palabras

__all__ = ["Numero", "es_vacio", "leer_numero", "buscar_numeros", "con_miles_de_coma", "formato_de_miles", "sin_cota"]


@dataclass(frozen=True)
class Numero:
    valor: float
    unidad: str  # "numero" | "porcentaje" | "pesos"
    texto: str  # the exact substring parsed
    ambiguo: bool = False  # separator reading is uncertain, or "0.25 %" style
    inicio: int = 0  # span in the source string
    fin: int = 0


# ---------------------------------------------------------------------------
# Empty cells
# ---------------------------------------------------------------------------

# Normalised spellings (lowercase, no accents, inner spaces collapsed, no
# trailing dot) of cells that mean "no data" (esquemas/castellano.yaml
# `vacios`). They give no observation.
_VACIOS = frozenset(str(p) for p in palabras.lista("vacios"))

# Cells made only of dashes, dots, underscores, asterisks and spaces ("-",
# "--", "—", "...", "___"; esquemas/castellano.yaml `rayas_de_celda_vacia`).
_SOLO_RAYAS_RE = re.compile(rf"^[\s{re.escape(palabras.lista('rayas_de_celda_vacia'))}]*$")


def _sin_acentos(texto: str) -> str:
    descompuesto = unicodedata.normalize("NFD", texto)
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def es_vacio(texto: Optional[str]) -> bool:
    """True when a cell holds no value: blank, dashes, N/A, ND, S/I, SL...

    Case and accents do not matter. Zero is a value, not an empty cell.
    """
    if texto is None:
        return True
    if _SOLO_RAYAS_RE.match(texto):
        return True
    normal = _sin_acentos(texto).lower()
    normal = " ".join(normal.split()).rstrip(".").strip()
    return normal in _VACIOS


# ---------------------------------------------------------------------------
# Reading the digits-and-separators body of a number
# ---------------------------------------------------------------------------

_APOSTROFOS = "'’´"
_SEPARADORES = "." + "," + _APOSTROFOS

# Digit groups joined by single separators: "983'286.659,67", "10.620", "2000".
# Thousands may also be set apart by a space (a thin or no-break one in print,
# "12 480"; SI style): groups of three after a first of one to three digits.
_ESPACIOS_DE_MILES = " \u00a0\u202f\u2009"
# (not when another separator follows: "5 186.400.000" is a stray "5" and a figure;
# nor before a percent sign: "160 112 %" is a target and its share, no 160.112 %)
MILES_CON_ESPACIO = rf"[0-9]{{1,3}}(?:[{_ESPACIOS_DE_MILES}][0-9]{{3}}(?![0-9]))+(?:,[0-9]+)?(?![.,'’´]?[0-9]|\s?%)"
_CUERPO = rf"(?:{MILES_CON_ESPACIO}|[0-9]+(?:[.,'’´][0-9]+)*)"


# Longer digit runs are not quantities (and would overflow a float).
_MAX_DIGITOS = 40


def _grupos_de_miles_validos(grupos: list[str]) -> bool:
    """First group of 1-3 digits, every following group exactly 3 digits."""
    return 1 <= len(grupos[0]) <= 3 and all(len(g) == 3 for g in grupos[1:])


_SIN_ESPACIOS_DE_MILES = str.maketrans("", "", _ESPACIOS_DE_MILES)


def _sin_un_separador(grupos: list[str]) -> bool:
    """Groups of thousands whose first one swallowed the separator after it
    ("142318" of "142318.000,00": four to six digits, the rest of three)."""
    return 4 <= len(grupos[0]) <= 6 and all(len(g) == 3 for g in grupos[1:])


def _interpretar(cuerpo: str, porcentaje: bool = False) -> Optional[tuple[float, bool]]:
    """Value and ambiguity of a body such as "1.234,5"; None if malformed.

    The body is digit groups separated by single separator characters.
    """
    if sum(c.isdigit() for c in cuerpo) > _MAX_DIGITOS:
        return None
    cuerpo = cuerpo.translate(_SIN_ESPACIOS_DE_MILES)  # "12 480": grouping already checked by _CUERPO
    seps = [("'" if c in _APOSTROFOS else c) for c in cuerpo if not c.isdigit()]
    grupos = re.split(r"[.,'’´]", cuerpo)
    if not seps:
        return float(int(cuerpo)), False

    puntos, comas = seps.count("."), seps.count(",")
    decimal: Optional[str] = None  # the decimal mark, if any
    ambiguo = False

    if puntos and comas:
        # Mixed: the last separator is the decimal mark and appears once.
        decimal = seps[-1]
        if decimal == "'" or seps.count(decimal) != 1:
            return None
    elif comas:
        if comas == 1:
            decimal = ","
            # "1,234" could be US thousands; es-CO reads it as 1.234.
            ambiguo = len(grupos[-1]) == 3 and int("".join(grupos[:-1])) != 0
        # several commas: US-style thousands, "1,234,567"
    elif puntos:
        if puntos == 1:
            fraccion = grupos[-1]
            entero_digitos = "".join(grupos[:-1])
            if int(entero_digitos) == 0:
                # "0.25": a leading zero means decimal point. As a percentage
                # it is the "0.25 %" case (maybe a fraction of the goal).
                decimal, ambiguo = ".", porcentaje
            elif len(fraccion) == 3 and _grupos_de_miles_validos(grupos):
                decimal = None  # "3.195" -> 3195
            else:
                # "1.5", "12.50", "1234.567": a dot as decimal point.
                decimal, ambiguo = ".", True
        elif len(grupos[-1]) == 2 and _grupos_de_miles_validos(grupos[:-1]):
            # "87'315.220.50", "1.234.567.89": the decimal comma read as a dot (a scan's OCR)
            decimal, ambiguo = ".", True
        # several dots: thousands, "1.350.000.000"
    # only apostrophes: thousands, "1'340"

    if decimal is None:
        if not _grupos_de_miles_validos(grupos):
            return None
        return float(int("".join(grupos))), ambiguo

    entero_grupos, fraccion = grupos[:-1], grupos[-1]
    if len(entero_grupos) > 1 and not _grupos_de_miles_validos(entero_grupos):
        if not _sin_un_separador(entero_grupos):
            return None
        ambiguo = True  # "142318.000,00": the apostrophe of the millions lost (a scan's OCR)
    if decimal == "." and porcentaje:
        ambiguo = True
    return float("".join(entero_grupos) + "." + fraccion), ambiguo


def _unidad(moneda: bool, porcentaje: bool) -> str:
    if moneda:
        return "pesos"
    return "porcentaje" if porcentaje else "numero"


# ---------------------------------------------------------------------------
# A whole cell that is one number
# ---------------------------------------------------------------------------

# Minus signs accepted: ASCII hyphen-minus and U+2212. En/em dashes are not
# minus signs (they are used as blanks and bullets).
_MENOS = "-−"
_MENOS_CLASE = r"\-−"  # the same, escaped for use inside [...]

_CELDA_RE = re.compile(
    rf"""
    ^\s*
    (?P<abre>\()?\s*                                 # accounting negative "(5)"
    (?:(?P<signo_a>[+{_MENOS_CLASE}])\s*(?=\\?\$|COP))?    # sign before the currency
    (?P<moneda>(?:COP\s*)?\\?\$|COP(?=[\s0-9]))?\s*  # "$", "\\$", "COP", "COP$"
    (?P<signo_b>[+{_MENOS_CLASE}])?                        # sign glued to the digits
    (?P<cuerpo>{_CUERPO})
    \s*(?P<pct>%)?                                   # percentage
    \s*(?P<moneda_fin>COP|pesos)?                    # "1.000 COP", "1.000 pesos"
    \s*(?P<cierra>\))?
    \s*(?P<pct_fin>%)?                               # "(4,5) %": a negative percentage
    \s*\.?\s*$                                       # trailing full stop
    """,
    re.VERBOSE | re.IGNORECASE,
)


@lru_cache(maxsize=65536)  # a table's columns are read several times (roles, checks, figures); Numero is frozen
def leer_numero(texto: Optional[str]) -> Optional[Numero]:
    """The number a whole cell holds, or None if the cell is not exactly one.

    Accepts an optional currency ($, COP, "pesos"), percent sign, sign or
    accounting parentheses, surrounding spaces and a trailing full stop.
    Never raises.
    """
    if not texto or not isinstance(texto, str):
        return None
    m = _CELDA_RE.match(texto)
    if not m:
        return None
    negativo_parentesis = bool(m["abre"]) or bool(m["cierra"])
    if bool(m["abre"]) != bool(m["cierra"]):
        return None
    signo = m["signo_a"] or m["signo_b"]
    if negativo_parentesis and signo:
        return None
    moneda = bool(m["moneda"] or m["moneda_fin"])
    porcentaje = bool(m["pct"] or m["pct_fin"])
    if m["pct"] and m["pct_fin"]:
        return None
    if moneda and porcentaje:
        return None
    if m["moneda"] and m["moneda_fin"]:
        return None
    leido = _interpretar(m["cuerpo"], porcentaje)
    if leido is None:
        return None
    valor, ambiguo = leido
    if negativo_parentesis or (signo and signo in _MENOS):
        valor = -valor
    valor = valor + 0.0  # normalise -0.0
    inicio = len(texto) - len(texto.lstrip())
    fin = len(texto.rstrip())
    return Numero(
        valor=valor,
        unidad=_unidad(moneda, porcentaje),
        texto=texto[inicio:fin],
        ambiguo=ambiguo,
        inicio=inicio,
        fin=fin,
    )


# ---------------------------------------------------------------------------
# Numbers inside free text
# ---------------------------------------------------------------------------

# A number in running text. It never starts right after a letter, a digit or
# a separator ("T1", "IP155" give nothing; "IP-155" gives 155). A minus sign
# counts only when it is not glued to a preceding word or digit, so
# "2016-2019" gives 2016 and 2019. Parentheses are NOT read as negatives in
# free text: "Un (1) plan" is common. A separator must be followed by a digit
# to belong to the number: in "$ 1.350.000.000, de los" the comma is
# punctuation.
_TEXTO_RE = re.compile(
    rf"""
    (?P<moneda>(?<![\w])COP\s*\$?\s*|\$\s*)?          # currency before
    (?P<signo>(?<![\w.,'’´{_MENOS_CLASE}])[{_MENOS_CLASE}])?      # minus sign
    (?<![\w.,'’´])                                    # not inside a word/number
    (?P<cuerpo>{_CUERPO})
    (?P<pct>\s*%)?                                    # percentage
    (?P<moneda_fin>\s+(?:COP|pesos)(?![\w]))?         # currency after
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _trozos_validos(cuerpo: str, inicio: int) -> Iterator[tuple[str, int]]:
    """Split a malformed body ("1.2.3", "12,5,7") into readable pieces.

    First at commas (a list of numbers); a piece that is still malformed is
    split into its bare digit groups.
    """
    pos = inicio
    for pieza in cuerpo.split(","):
        if _interpretar(pieza) is not None:
            yield pieza, pos
        else:
            sub = pos
            for grupo in re.split(r"[.'’´]", pieza):
                if _interpretar(grupo) is not None:  # not an overlong run
                    yield grupo, sub
                sub += len(grupo) + 1
        pos += len(pieza) + 1


def buscar_numeros(texto: Optional[str]) -> list[Numero]:
    """Every number in free text, in order, with its span in ``texto``.

    Years, days and codes are returned like any other number: callers
    decide. ``Numero.texto == texto[n.inicio:n.fin]`` always holds.
    """
    if not texto:
        return []
    encontrados: list[Numero] = []
    for m in _TEXTO_RE.finditer(texto):
        moneda = bool(m["moneda"] or m["moneda_fin"])
        porcentaje = bool(m["pct"]) and not moneda
        leido = _interpretar(m["cuerpo"], porcentaje)
        if leido is not None:
            valor, ambiguo = leido
            if m["signo"]:
                valor = -valor
            inicio, fin = m.start(), m.end()
            encontrados.append(
                Numero(valor + 0.0, _unidad(moneda, porcentaje), texto[inicio:fin], ambiguo, inicio, fin)
            )
            continue
        # Malformed grouping: report the pieces as plain, ambiguous numbers.
        for pieza, inicio in _trozos_validos(m["cuerpo"], m.start("cuerpo")):
            valor, _ = _interpretar(pieza)  # type: ignore[misc]
            fin = inicio + len(pieza)
            encontrados.append(Numero(valor, "numero", texto[inicio:fin], True, inicio, fin))
    return encontrados


# dotted budget or plan codes: "2.3.2.02.02.1702", "1.2.3", "4599-01" (never an es-CO number: 3+ parts or a hyphen)
CODIGO_NUMERICO = re.compile(r"^\d+(\.\d+){2,}[.\-]?\d*$|^\d+-\d+(-\d+)*$")


def es_codigo_numerico(texto: str) -> bool:
    """An item's code ("12.1.03.00", "4599-01"), not a figure ("1.250.000")."""
    return bool(CODIGO_NUMERICO.match(texto)) and leer_numero(texto) is None


# a figure followed by its unit of measure in the same cell: "45 km",
# "6.200 m²", "(6) und.", "350 luminarias" (one to three words, no digits)
_CON_UNIDAD = re.compile(
    r"^(?P<cifra>.*?\d\)?)\s*(?P<unidad>[^\W\d_][^\W\d_²³/.]*\.?[²³]?(?:\s+[^\W\d_][^\W\d_.]*\.?){0,2})\s*$"
)


def leer_cantidad(texto: Optional[str]) -> Optional[tuple[Numero, str]]:
    """A cell holding one figure and its unit ("45 km" → 45, "km"); None
    when the cell is anything else. Money and percentages are not units."""
    if not texto or not isinstance(texto, str):
        return None
    m = _CON_UNIDAD.match(texto)
    if not m:
        return None
    n = leer_numero(m["cifra"])
    if n is None or n.unidad != "numero":
        return None
    return n, m["unidad"]


# a note in parentheses beside a figure: "12 km (tramo 2)", "18,5 (año 2023)",
# "17 (invierno)"; words inside, so not a negative "(3)"
_NOTA = re.compile(r"\s*\((?=[^)]*[^\W\d_])[^)]*\)\s*")
# a footnote call glued to a figure: "84,2(1)", "41(2)" (a negative "(3)" stands alone)
_LLAMADA = re.compile(r"(?<=[\d%‰])\(\d{1,2}\)(?=\s|$)")


def sin_notas(texto: str) -> str:
    """The text without its notes in parentheses and its footnote calls."""
    return " ".join(_NOTA.sub(" ", _LLAMADA.sub("", texto)).split())


_ESCALAS_DE_CIFRA = cargar_yaml("encabezados.yaml")["escalas_de_cifra"]  # word → factor
_ESCALA_TRAS = re.compile(
    r"^\s*(" + "|".join(re.escape(e) for e in sorted(_ESCALAS_DE_CIFRA, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def escala_tras(texto: str, fin: int) -> Optional[tuple[str, float]]:
    """The scale word written right after a figure ending at `fin` ("$ 45,5
    millones" → ("millones", 1e6)), or None."""
    m = _ESCALA_TRAS.match(texto[fin:])
    if m is None:
        return None
    palabra = m.group(1).lower()
    return palabra, float(next(v for k, v in _ESCALAS_DE_CIFRA.items() if k.lower() == palabra))


# ---------------------------------------------------------------------------
# A document that writes thousands with commas ("3,450", "41,250.5")
# ---------------------------------------------------------------------------

_MILES_CON_COMA = re.compile(r"\d{1,3}(,\d{3})+(\.\d{1,2})?")  # "3,450", "1,250.50"
_MILES_CON_PUNTO = re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+,\d{1,2}")  # "10.620", "1.234,5", "87,5"
MIN_MILES_CON_COMA = 3  # figures that must show the convention before a document is read by it


def formato_de_miles(textos) -> bool:
    """Whether a document writes thousands with a comma and decimals with a
    point (a sheet exported with another locale: "3,450", "82.5%"): at
    least `MIN_MILES_CON_COMA` figures grouped by commas and not one written
    the es-CO way ("10.620", "87,5")."""
    con_coma = 0
    for texto in textos:
        for palabra in texto.split():
            cuerpo = palabra.strip("$%()+-−.;:")
            if _MILES_CON_PUNTO.fullmatch(cuerpo):
                return False
            con_coma += bool(_MILES_CON_COMA.fullmatch(cuerpo))
    return con_coma >= MIN_MILES_CON_COMA


def con_miles_de_coma(n: Numero) -> Numero:
    """`n` read with a comma as thousands separator ("3,450" → 3450) when
    es-CO read it as a decimal comma; else `n` itself."""
    cuerpo = n.texto.strip("$%()+-−. ")
    if not n.ambiguo or not re.fullmatch(r"\d{1,3},\d{3}", cuerpo):
        return n
    valor = float(cuerpo.replace(",", "")) * (-1 if n.valor < 0 else 1)
    return Numero(valor, n.unidad, n.texto, False, n.inicio, n.fin)


_COTA = re.compile(
    r"^\s*(?:≤|≥|<=|>=|<|>|=<|=>|"
    + "|".join(re.escape(c) for c in sorted(cargar_yaml("castellano.yaml")["cotas"], key=len, reverse=True))
    + r")\s*(?=[\d$(+\-−])",
    re.IGNORECASE,
)


def sin_cota(texto: str) -> str:
    """A target written as a bound ("≤ 1 %", "< 5", ">= 95%", "máximo 11,0")
    without its sign: the bound is the target's figure."""
    return _COTA.sub("", texto)


# ---------------------------------------------------------------------------
# A cardinal written out before the same figure in parentheses
# ---------------------------------------------------------------------------

_ENLACES_DE_CIFRA = frozenset(["y", "por", "coma", "punto"])  # words between the words of one cardinal


@lru_cache(maxsize=1)
def _cifra_en_letras() -> re.Pattern:
    todas = palabras.lista("cifras_en_letras")  # esquemas/castellano.yaml
    numero = palabras.alternativas([p for p in todas if p not in _ENLACES_DE_CIFRA])
    enlace = palabras.alternativas([p for p in todas if p in _ENLACES_DE_CIFRA])
    return re.compile(
        rf"(?<![\w])(?:(?:{numero})\s+(?:(?:{enlace})\s+)?)+\((\s*[-−$]?\s?\d[\d.,']*\s?%?\s*)\)", re.IGNORECASE
    )


def sin_cifras_en_letras(texto: str) -> str:
    """The text with each cardinal written out before the same figure in
    parentheses left as the figure: "se realizaron setenta y dos (72)
    sesiones, un cumplimiento del cien por ciento (100 %)" → "se realizaron
    72 sesiones, un cumplimiento del 100 %"."""
    if "(" not in texto:
        return texto
    return _cifra_en_letras().sub(lambda m: m.group(1).strip(), texto)
