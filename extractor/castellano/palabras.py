"""Spanish word lists of esquemas/castellano.yaml, turned into the pieces
the readers compile their patterns from.

The words are data (months, ordinals, parts of a year, empty-cell
spellings, entity and office words); this module only reads them and writes
regular-expression alternatives: longest spelling first, so that
"septiembre" is tried before "sep" and "línea estratégica" before "línea".
"""

from __future__ import annotations

import re
from functools import cache
from typing import Iterable

from esquemas import cargar_yaml

__all__ = [
    "lista",
    "alternativas",
    "alternativas_con_acentos",
    "por_numero",
    "patron_de_palabras",
    "nombres_de_meses",
    "abreviaturas_de_meses",
]

_ACENTUADAS = {
    "á": "a",
    "é": "e",
    "í": "i",
    "ó": "o",
    "ú": "u",
    "ü": "u",
    "Á": "A",
    "É": "E",
    "Í": "I",
    "Ó": "O",
    "Ú": "U",
    "Ü": "U",
}


@cache
def _datos() -> dict:
    return cargar_yaml("castellano.yaml")


def lista(clave: str):
    """The value of `clave` in castellano.yaml (a list or a mapping)."""
    return _datos()[clave]


def por_numero(clave: str) -> dict[str, int]:
    """A mapping "number: [words]" of castellano.yaml as {word: number}:
    por_numero("meses")["sept"] == 9."""
    return {str(p): int(n) for n, palabras in lista(clave).items() for p in palabras}


def _por_longitud(palabras: Iterable[str]) -> list[str]:
    return sorted(dict.fromkeys(palabras), key=len, reverse=True)


def alternativas(palabras: Iterable[str], espacios: str = " ") -> str:
    """Regex alternatives of the words as written, longest first (no group);
    a space inside a phrase becomes `espacios` (r"\\s+": one or more)."""
    return "|".join(espacios.join(map(re.escape, str(p).split(" "))) for p in _por_longitud(palabras))


def _sin_acento_obligado(palabra: str) -> str:
    """ "alcaldía" -> "alcald[ií]a": the accented letter may be written with
    or without its accent; every other character as written."""
    partes = []
    for c in palabra:
        base = _ACENTUADAS.get(c)
        partes.append(f"[{base}{c}]" if base else re.escape(c))
    return "".join(partes)


def alternativas_con_acentos(palabras: Iterable[str]) -> str:
    """Regex alternatives where each accented letter is optional, longest
    first (no group): ["dirección", "oficina"] -> "direcci[oó]n|oficina"."""
    return "|".join(_sin_acento_obligado(p) for p in _por_longitud(palabras))


def patron_de_palabras(palabras: Iterable[str]) -> str:
    """Regex of whole words and stems: "pago" is the word, "pagad*" any word
    starting with "pagad" (["pagad*", "pago"] -> r"\\bpagad|\\bpago\\b")."""
    return "|".join(
        rf"\b{re.escape(p[:-1])}" if p.endswith("*") else rf"\b{re.escape(p)}\b" for p in _por_longitud(palabras)
    )


def nombres_de_meses() -> tuple[str, ...]:
    """("enero", …, "diciembre"): the first spelling of each month."""
    meses = lista("meses")
    return tuple(str(meses[n][0]) for n in range(1, 13))


def abreviaturas_de_meses() -> tuple[str, ...]:
    """("ene", …, "dic"): the second spelling of each month."""
    meses = lista("meses")
    return tuple(str(meses[n][1]) for n in range(1, 13))
