"""Is this a Spanish word? The lexicon that closes words cut by a line break
inside a narrow cell (extractor/castellano/cortes.py: "Ejecu" + "tado").

The word list is every form and every lemma of spaCy's Spanish lookup table
(spacy-lookups-data) and spaCy's Spanish stop words, folded (lower case, no accents) and kept derived in
esquemas/palabras_es.txt.gz: sorted words in blocks of _BLOQUE, each written
as the number of letters it shares with the word before it and the rest.
Loading the whole table would cost ~1.5 s and ~150 MB; this file loads in
a few tens of ms and a block is decoded only when a word is looked up.
Rebuild it after updating spacy-lookups-data with

    python -m extractor.castellano.lexico
"""

from __future__ import annotations

import bisect
import gzip
import unicodedata
from functools import lru_cache
from importlib import resources

ARCHIVO = "palabras_es.txt.gz"
_BLOQUE = 64
_CABECERA = "# spacy-lookups-data es_lemma_lookup: forms and lemmas, folded; derived with: python -m extractor.castellano.lexico\n"


def plegar(palabra: str) -> str:
    sin_tildes = "".join(c for c in unicodedata.normalize("NFD", palabra) if unicodedata.category(c) != "Mn")
    return sin_tildes.casefold()


def palabras_spacy() -> list[str]:
    """Every folded form and lemma of spaCy's Spanish lookup table (slow)."""
    import json

    fuente = resources.files("spacy_lookups_data").joinpath("data/es_lemma_lookup.json.gz")
    with fuente.open("rb") as crudo, gzip.open(crudo, "rt", encoding="utf-8") as f:
        tabla = json.load(f)
    from spacy.lang.es.stop_words import STOP_WORDS  # function words are missing from the lemma table

    palabras = {plegar(p) for par in tabla.items() for p in par} | {plegar(p) for p in STOP_WORDS}
    return sorted(p for p in palabras if p.isalpha())


def codificar(palabras: list[str]) -> str:
    lineas = [_CABECERA]
    for inicio in range(0, len(palabras), _BLOQUE):
        entradas, anterior = [], ""
        for palabra in palabras[inicio : inicio + _BLOQUE]:
            comun = 0
            while comun < min(len(palabra), len(anterior), 9) and palabra[comun] == anterior[comun]:
                comun += 1
            entradas.append(f"{comun}{palabra[comun:]}")
            anterior = palabra
        lineas.append(" ".join(entradas) + "\n")
    return "".join(lineas)


class Lexico:
    """The word list in memory as its blocks of text, found by bisection."""

    def __init__(self, texto: str):
        self._bloques = texto.splitlines()[1:]
        self._primeras = [b.split(" ", 1)[0][1:] for b in self._bloques]

    def __contains__(self, palabra: str) -> bool:
        palabra = plegar(palabra)
        bloque = self._bloque(bisect.bisect_right(self._primeras, palabra) - 1)
        i = bisect.bisect_left(bloque, palabra)
        return i < len(bloque) and bloque[i] == palabra

    def es_prefijo(self, inicio: str) -> bool:
        """Whether some word starts with `inicio`."""
        inicio = plegar(inicio)
        k = max(bisect.bisect_right(self._primeras, inicio) - 1, 0)
        for bloque in (self._bloque(k), self._bloque(k + 1)):
            i = bisect.bisect_left(bloque, inicio)
            if i < len(bloque):
                return bloque[i].startswith(inicio)
        return False

    @lru_cache(maxsize=256)
    def _bloque(self, i: int) -> tuple[str, ...]:
        if not 0 <= i < len(self._bloques):
            return ()
        palabras, anterior = [], ""
        for entrada in self._bloques[i].split(" "):
            anterior = anterior[: int(entrada[0])] + entrada[1:]
            palabras.append(anterior)
        return tuple(palabras)


@lru_cache(maxsize=1)
def lexico() -> Lexico:
    with resources.files("esquemas").joinpath(ARCHIVO).open("rb") as crudo:
        return Lexico(gzip.decompress(crudo.read()).decode("utf-8"))


# regular derivations the lookup table leaves out: plurals of nouns and
# adjectives it only has in the singular, adverbs in -mente
_DERIVADAS = (("es", ""), ("s", ""), ("mente", ""), ("amente", "o"))


@lru_cache(maxsize=1)
def _extra() -> frozenset[str]:
    texto = resources.files("esquemas").joinpath("palabras_extra.txt").read_text(encoding="utf-8")
    return frozenset(plegar(l.strip()) for l in texto.splitlines() if l.strip() and not l.startswith("#"))


def es_palabra(palabra: str) -> bool:
    lex = lexico()
    palabra = plegar(palabra)
    if palabra in lex or palabra in _extra():
        return True
    return any(
        palabra.endswith(fin)
        and len(palabra) > len(fin) + 2
        and (palabra[: -len(fin)] + base in lex or palabra[: -len(fin)] + base in _extra())
        for fin, base in _DERIVADAS
    )


def es_prefijo(inicio: str) -> bool:
    inicio = plegar(inicio)
    return lexico().es_prefijo(inicio) or any(p.startswith(inicio) for p in _extra())


if __name__ == "__main__":
    destino = resources.files("esquemas").joinpath(ARCHIVO)
    with open(str(destino), "wb") as f:
        f.write(gzip.compress(codificar(palabras_spacy()).encode("utf-8"), mtime=0))
    print(f"escrito {destino}")
