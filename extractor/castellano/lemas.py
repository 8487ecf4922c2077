"""Spanish lemmas for the header rules, taken from spacy-lookups-data.

The full Spanish lookup table has about half a million forms and costs two
seconds and ~200 MB to load in every process. The header rules only ask
whether a word's lemma is one of their own words, so the project keeps the
part of the table that can answer that: the forms whose lemma is a rule word
(keys and lemmas without accents, as the matcher sees them). The file
`esquemas/lemas_es.json` is derived data; rebuild it after changing
`esquemas/encabezados.yaml` with:

    python -m extractor.castellano.lemas
"""

from __future__ import annotations

import gzip
import json
import unicodedata
from importlib import resources
from pathlib import Path

from esquemas import cargar_yaml

ARCHIVO = Path(__file__).resolve().parents[2] / "esquemas" / "lemas_es.json"


def normalizar(text: str) -> str:
    """Lower case, no accents, collapsed spaces."""
    if text.isascii():  # most texts (figures, codes): nothing to decompose or strip
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFD", text)
    plain = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(plain.casefold().split())


def palabras_de_reglas(config: dict) -> set[str]:
    """Every one-word alternative of every rule term."""
    words: set[str] = set()
    for rule in config["roles"] + config["medidas"]:
        for group in rule.get("todos", []) + rule.get("ninguno", []):
            for term in group:
                words.update(a for a in normalizar(term).split("|") if " " not in a)
    return words


def tabla_reducida(config: dict) -> dict[str, str]:
    """Forms (unaccented) whose lemma is one of the rules' words."""
    source = resources.files("spacy_lookups_data").joinpath("data/es_lemma_lookup.json.gz")
    with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as f:
        full = json.load(f)
    wanted = palabras_de_reglas(config)
    reduced: dict[str, str] = {}
    for form, lemma in full.items():
        key, value = normalizar(form), normalizar(lemma)
        if value in wanted and key != value:
            reduced.setdefault(key, value)
    return dict(sorted(reduced.items()))


def cargar_tabla() -> dict[str, str]:
    return json.loads(resources.files("esquemas").joinpath("lemas_es.json").read_text(encoding="utf-8"))


if __name__ == "__main__":
    table = tabla_reducida(cargar_yaml("encabezados.yaml"))
    ARCHIVO.write_text(json.dumps(table, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{ARCHIVO}: {len(table)} formas")
