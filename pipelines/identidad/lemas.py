"""The lemma table of the nombre_normalizado step (derived data,
esquemas/lemas_identidad.txt.gz): build it from spaCy's lookup data, encode
it, read it, look a word up. `python -m pipelines.identidad` rebuilds it."""

from __future__ import annotations

import bisect
from functools import lru_cache
from pathlib import Path
from typing import Optional

import esquemas
from pipelines.identidad.plegado import plegar


# The lemma table of the nombre_normalizado step is spaCy's Spanish lookup
# table (spacy-lookups-data), folded and applied until it settles. Loading
# it whole (json of ~490,000 forms, ~1.5 s and ~150 MB) in the process that
# writes the store cost more than a report's extraction, so the project
# keeps it derived, in esquemas/lemas_identidad.txt.gz, and reads it in a
# compact form: sorted forms in blocks of _BLOQUE, each form written as the
# number of letters it shares with the form before it and the rest, each
# lemma as how many letters of its form to drop and what to add ("9s:3:r"
# after "producida" is "producidas", lemma "producir"). Rebuild it after
# updating spacy-lookups-data with:
#
#     python -m pipelines.identidad
#
# (tests/pipelines/identidad/test_identidad.py checks that it is the table spaCy's data gives).
ARCHIVO_LEMAS = "lemas_identidad.txt.gz"
_BLOQUE = 32
_CABECERA = (
    "# spacy-lookups-data es_lemma_lookup, folded and applied until it settles; "
    "derived with: python -m pipelines.identidad\n"
)


def tabla_lemas_spacy() -> dict[str, str]:
    """Folded form -> folded final lemma, from spaCy's whole Spanish lookup
    table (slow: 1.5 s and ~150 MB; only to build ARCHIVO_LEMAS). Capitals
    written without accents find their lemma too. The table is applied until
    it settles (three steps at most), so that singular and plural agree
    ("internos" -> "interno" -> "internar", like "interno"); forms that are
    their own lemma are left out."""
    import gzip
    import json
    from importlib import resources

    fuente = resources.files("spacy_lookups_data").joinpath("data/es_lemma_lookup.json.gz")
    with fuente.open("rb") as crudo, gzip.open(crudo, "rt", encoding="utf-8") as f:
        completa = json.load(f)
    tabla: dict[str, str] = {}
    for forma, lem in completa.items():
        tabla.setdefault(plegar(forma), plegar(lem))
    salida = {}
    for forma in tabla:
        actual = forma
        for _ in range(3):
            siguiente = tabla.get(actual, actual)
            if siguiente == actual:
                break
            actual = siguiente
        if actual != forma:
            salida[forma] = actual
    return salida


def codificar_lemas(tabla: dict[str, str]) -> str:
    """The text of ARCHIVO_LEMAS for a table of tabla_lemas_spacy(): after
    the header, one line per block of _BLOQUE sorted forms, entries separated
    by spaces, each entry `P` `resto` `:` `quitar` `:` `agregar` (P, one
    digit: letters shared with the previous form of the block)."""
    lineas = [_CABECERA]
    claves = sorted(tabla)
    for inicio in range(0, len(claves), _BLOQUE):
        entradas, anterior = [], ""
        for forma in claves[inicio : inicio + _BLOQUE]:
            lem = tabla[forma]
            if any(c in forma + lem for c in ": \n") or forma.startswith("#"):
                raise ValueError(f"cannot encode form or lemma: {forma!r} -> {lem!r}")
            comun = min(len(_prefijo(forma, anterior)), 9)
            igual = len(_prefijo(forma, lem))
            entradas.append(f"{comun}{forma[comun:]}:{len(forma) - igual}:{lem[igual:]}")
            anterior = forma
        lineas.append(" ".join(entradas) + "\n")
    return "".join(lineas)


def _prefijo(a: str, b: str) -> str:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return a[:n]


class TablaLemas:
    """ARCHIVO_LEMAS in memory as its text (~5 MB): the first form of each
    block in a sorted list, found by bisection, and the block decoded when a
    word is looked up (lema() keeps the answers)."""

    def __init__(self, texto: str):
        self._bloques = [linea for linea in texto.split("\n") if linea and not linea.startswith("#")]
        self._primeras = [b[1 : b.index(":")] for b in self._bloques]

    def get(self, forma: str, defecto: Optional[str] = None) -> Optional[str]:
        i = bisect.bisect_right(self._primeras, forma) - 1
        if i < 0:
            return defecto
        actual = ""
        for entrada in self._bloques[i].split(" "):
            resto, quitar, agregar = entrada[1:].split(":")
            actual = actual[: int(entrada[0])] + resto
            if actual == forma:
                n = int(quitar)
                return (actual[:-n] if n else actual) + agregar
            if actual > forma:
                break
        return defecto

    def items(self):
        """Every (form, lemma), in order (to check the file)."""
        for bloque in self._bloques:
            actual = ""
            for entrada in bloque.split(" "):
                resto, quitar, agregar = entrada[1:].split(":")
                actual = actual[: int(entrada[0])] + resto
                n = int(quitar)
                yield actual, (actual[:-n] if n else actual) + agregar


@lru_cache(maxsize=1)
def _tabla_lemas() -> TablaLemas:
    """Read once, by the process that writes the store, the first time a
    name is normalized (a few tens of ms)."""
    import gzip
    from importlib import resources

    crudo = resources.files("esquemas").joinpath(ARCHIVO_LEMAS).read_bytes()
    return TablaLemas(gzip.decompress(crudo).decode("utf-8"))


@lru_cache(maxsize=65536)
def lema(palabra: str) -> str:
    """Folded spaCy lookup lemma of a word, applied until it settles
    ("internos" -> "internar", like "interno"); the word itself (folded) if
    the table does not have it."""
    plegada = plegar(palabra)
    return _tabla_lemas().get(plegada) or plegada


def escribir_lemas() -> tuple[Path, int]:
    """Derive ARCHIVO_LEMAS from the installed spacy-lookups-data."""
    import gzip

    tabla = tabla_lemas_spacy()
    destino = Path(esquemas.__file__).parent / ARCHIVO_LEMAS
    destino.write_bytes(gzip.compress(codificar_lemas(tabla).encode("utf-8"), compresslevel=9, mtime=0))
    return destino, len(tabla)
