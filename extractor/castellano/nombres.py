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
CONNECTORS = frozenset(p.upper() for p in palabras.lista("palabras_de_enlace")) | {"Y/O", "-", "–", "/"}
# levels of a plan before a row's name (esquemas/castellano.yaml `niveles_del_plan`)
HIERARCHY = re.compile(
    rf"^({palabras.alternativas_con_acentos(palabras.lista('niveles_del_plan'))})\b\s*[:.\-–]?\s*",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[^\d\s.]{2})\.\s+(?=\S)")


def _is_caps_word(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _caps_run(words: list[str]) -> int:
    """Number of leading words that form an upper-case name."""
    n = 0
    for w in words:
        bare = w.rstrip(":.,;")
        if _is_caps_word(bare) or bare in CONNECTORS:
            n += 1
            if w.endswith(":"):
                break
        else:
            break
    while n and words[n - 1].rstrip(":") in CONNECTORS:
        n -= 1
    return n


def limpiar(text: str) -> str:
    return " ".join(text.split())


def separar_nombre(label: str) -> tuple[str, Optional[str]]:
    text = limpiar(label)
    words = text.split(" ")
    n = _caps_run(words)
    caps_words = [w for w in words[:n] if _is_caps_word(w.rstrip(":.,;"))]
    if 0 < n < len(words) and (len(caps_words) >= 2 or words[n - 1].endswith(":")):
        return _strip(" ".join(words[:n])), _desc(" ".join(words[n:]))
    colon = re.search(r"(?<!\d)\s*:\s+", text[:120])
    if colon and colon.start() > 2:
        return _strip(text[: colon.start()]), _desc(text[colon.end():])
    sentence = SENTENCE_END.search(text)
    if sentence and len(text[: sentence.start()].split()) >= 3:
        return _strip(text[: sentence.start()]), _desc(text[sentence.end():])
    return _strip(text), None


def _strip(text: str) -> str:
    return text.strip().strip(":;,").rstrip(".").strip()


def _desc(text: str) -> Optional[str]:
    return text.strip().lstrip(":;,").strip() or None


def es_jerarquia(label: str) -> bool:
    """A label that names a plan level (programa, sector, eje…)."""
    return bool(HIERARCHY.match(limpiar(label)))
