"""Indicator name apart from its description.

"BOLETINES DE PRENSA: Realizar diariamente…" → ("BOLETINES DE PRENSA", "Realizar diariamente…")
"INFORMATIVO INSTITUCIONAL Realizar semanalmente…" → upper-case run as the name
"Un (1) Plan estratégico … en el cuatrienio. 1: El porcentaje…" → first sentence
"""

from __future__ import annotations

import re
from typing import Optional

from extractor.castellano import palabras

# joining words of an upper-case name (esquemas/castellano.yaml `palabras_de_enlace`), "Y/O" and dashes
ENLACES = frozenset(p.upper() for p in palabras.lista("palabras_de_enlace")) | {"Y/O", "-", "–", "/"}
# levels of a plan before a row's name (esquemas/castellano.yaml `niveles_del_plan`)
NIVEL_DEL_PLAN = re.compile(
    rf"^({palabras.alternativas_con_acentos(palabras.lista('niveles_del_plan'))})\b\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
FIN_DE_FRASE = re.compile(
    r"(?<=[^\d\s.]{2})\.\s+(?=\S)(?![a-záéíóúüñ])"
)  # "Pcial. de …": an abbreviation, not a sentence end
# "(art. 111 Ley 99 de 1993)": a point after an abbreviation (esquemas/castellano.yaml) ends no sentence
ABREVIATURA = re.compile(
    rf"\b({palabras.alternativas_con_acentos(palabras.lista('abreviaturas_con_punto'))})$", re.IGNORECASE
)


def _en_mayusculas(vocablo: str) -> bool:
    letras = [ch for ch in vocablo if ch.isalpha()]
    return len(letras) >= 2 and all(ch.isupper() for ch in letras)


def _tramo_en_mayusculas(vocablos: list[str]) -> int:
    """Number of leading words that form an upper-case name."""
    n = 0
    for w in vocablos:
        limpia = w.rstrip(":.,;")
        if _en_mayusculas(limpia) or limpia in ENLACES:
            n += 1
            if w.endswith(":"):
                break
        else:
            break
    while n and vocablos[n - 1].rstrip(":") in ENLACES:
        n -= 1
    return n


def limpiar(texto: str) -> str:
    return " ".join(texto.split())


def separar_nombre(rotulo: str) -> tuple[str, Optional[str]]:
    texto = limpiar(rotulo)
    vocablos = texto.split(" ")
    n = _tramo_en_mayusculas(vocablos)
    mayusculas = [w for w in vocablos[:n] if _en_mayusculas(w.rstrip(":.,;"))]
    if 0 < n < len(vocablos) and (len(mayusculas) >= 2 or vocablos[n - 1].endswith(":")):
        return _recortar(" ".join(vocablos[:n])), _desc(" ".join(vocablos[n:]))
    dos_puntos = re.search(r"(?<!\d)\s*:\s+", texto[:120])
    if dos_puntos and dos_puntos.start() > 2:
        return _recortar(texto[: dos_puntos.start()]), _desc(texto[dos_puntos.end() :])
    frase = next((m for m in FIN_DE_FRASE.finditer(texto) if not ABREVIATURA.search(texto[: m.start()])), None)
    if frase and len(texto[: frase.start()].split()) >= 3:
        return _recortar(texto[: frase.start()]), _desc(texto[frase.end() :])
    return _recortar(texto), None


def _recortar(texto: str) -> str:
    return texto.strip().strip(":;,").rstrip(".").strip()


def _desc(texto: str) -> Optional[str]:
    return texto.strip().lstrip(":;,").strip() or None


def es_jerarquia(rotulo: str) -> bool:
    """A label that names a plan level (programa, sector, eje…)."""
    return bool(NIVEL_DEL_PLAN.match(limpiar(rotulo)))


_DOS_PUNTOS = re.compile(r"(?<!\d)\s*:\s+")


def sin_nivel_delante(rotulo: str) -> tuple[Optional[str], str]:
    """A row's label that opens with the plan level it belongs to, then a
    colon, then its own name: (the level, the rest); (None, the label)
    otherwise. "Programa 1905 Salud pública: Niños y niñas vacunados" →
    ("Programa 1905 Salud pública", "Niños y niñas vacunados")."""
    texto = limpiar(rotulo)
    dos_puntos = _DOS_PUNTOS.search(texto[:120])
    if dos_puntos and es_jerarquia(texto[: dos_puntos.start()]) and len(texto[dos_puntos.end() :].split()) >= 2:
        return texto[: dos_puntos.start()], texto[dos_puntos.end() :]
    return None, texto
