"""Text of values for comparison and for the user: the one normalizer of
names (`normalizar`), plain decimal text of numbers for files (CSV, JSON),
Colombian number text for pages ("10.620", "2.987,5") and the neutralizing of
spreadsheet formulas. Depends on nothing else of the project: every room of
pipelines/ may use it."""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Optional

_INICIO_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_PUNTUACION_FINAL = ".,;:!?…-–—"


def normalizar(texto: str | None) -> str:
    """Text for comparisons: casefold, no accents, collapsed whitespace and no
    trailing punctuation. None -> ""."""
    if not texto:
        return ""
    sin_tildes = "".join(ch for ch in unicodedata.normalize("NFKD", texto) if not unicodedata.combining(ch))
    plano = re.sub(r"\s+", " ", sin_tildes.casefold()).strip()
    return plano.rstrip(_PUNTUACION_FINAL + " ")


def neutralizar(texto: str) -> str:
    """Prefix "'" to text a spreadsheet would read as a formula."""
    return "'" + texto if texto.startswith(_INICIO_FORMULA) else texto


def formatear_numero(x: float) -> str:
    """Plain decimal text: '.' as decimal mark, no thousands separator, no
    exponent, no trailing '.0' (10620.0 -> '10620', 0.25 -> '0.25')."""
    if math.isnan(x):
        return ""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    texto = format(Decimal(repr(float(x))), "f")
    if "." in texto:
        texto = texto.rstrip("0").rstrip(".")
    return "0" if texto in ("-0", "") else texto


def texto_celda(valor: Any) -> str:
    """CSV text of one value, by its Python type."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "true" if valor else "false"
    if isinstance(valor, int):
        return str(valor)
    if isinstance(valor, float):
        return formatear_numero(valor)
    if isinstance(valor, datetime):
        return valor.isoformat(sep=" ", timespec="seconds")
    if isinstance(valor, date):
        return valor.isoformat()
    return neutralizar(str(valor))


def numero_co(v: Optional[float], decimales: Optional[int] = None) -> str:
    """10620 -> "10.620", 2987.5 -> "2.987,5"."""
    if v is None or (isinstance(v, float) and not math.isfinite(v)):
        return ""
    if decimales is None:
        decimales = 0 if float(v).is_integer() else 2
    texto = f"{abs(v):,.{decimales}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if "," in texto:
        texto = texto.rstrip("0").rstrip(",")
    return ("-" if v < 0 else "") + texto
