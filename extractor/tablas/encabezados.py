"""Column headers to column roles, with spaCy's Spanish rules.

The vocabulary lives in `esquemas/encabezados.yaml`; this module turns it into
spaCy Matcher patterns (lower-case text or lemma, accents ignored) and
applies the rules in order. The Spanish pipeline is the blank language class
with a lookup lemmatizer whose table comes from `spacy-lookups-data`
(extractor/castellano/lemas.py): nothing is downloaded.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import spacy
from spacy.lookups import Lookups
from spacy.pipeline import Lemmatizer
from spacy.matcher import Matcher

from esquemas import cargar_yaml

from extractor.castellano.lemas import cargar_tabla, normalizar


@lru_cache(maxsize=1)
def nlp_es():
    """Blank Spanish pipeline with a lookup lemmatizer over the rules' part
    of spacy-lookups-data's table (see extractor/castellano/lemas.py)."""
    nlp = spacy.blank("es")
    lematizador = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert isinstance(lematizador, Lemmatizer)
    consultas = Lookups()
    consultas.add_table("lemma_lookup", cargar_tabla())
    lematizador.initialize(lookups=consultas)
    return nlp


MAX_VISTOS = 50_000  # distinct header texts remembered per process


@dataclass(frozen=True)
class Regla:
    nombre: str  # medida or rol
    todos: tuple[str, ...]  # matcher keys that must all be present
    ninguno: tuple[str, ...]


class ClasificadorEncabezados:
    """Matches header texts against the ordered rules of encabezados.yaml."""

    def __init__(self, ajustes: dict):
        self.nlp = nlp_es()
        self.matcher = Matcher(self.nlp.vocab)
        self.roles = [self._regla(r["rol"], r) for r in ajustes["roles"]]
        self.medidas = [self._regla(r["medida"], r) for r in ajustes["medidas"]]
        self.no_valores = [self._regla(r["rol"], r) for r in ajustes.get("no_valores", [])]
        self.tablas_de_dinero = [self._regla("dinero", r) for r in ajustes.get("tablas_de_dinero", [])]
        self.escalas = {normalizar(k): v for k, v in ajustes["escalas"].items()}
        # header text -> matched rule keys: a report repeats its headers on
        # every page and table, and matching is most of a header's cost
        self._vistos: dict[str, frozenset[str]] = {}

    def _clave_termino(self, termino: str) -> str:
        clave = normalizar(termino)
        if clave not in self.matcher:
            patrones = []
            for alternativa in clave.split("|"):
                palabras = [t.text for t in self.nlp.make_doc(alternativa)]
                patrones.append([{"LOWER": w} for w in palabras])
                if len(palabras) == 1:
                    patrones.append([{"LEMMA": palabras[0]}])
            self.matcher.add(clave, patrones)
        return clave

    def _regla(self, nombre: str, regla: dict) -> Regla:
        return Regla(
            nombre=nombre,
            todos=tuple(self._clave_termino(t) for grupo in regla.get("todos", []) for t in grupo),
            ninguno=tuple(self._clave_termino(t) for grupo in regla.get("ninguno", []) for t in grupo),
        )

    def _presentes(self, texto: str) -> frozenset[str]:
        presentes = self._vistos.get(texto)
        if presentes is None:
            # "COD,.INT. PROGRAMA": a comma glued to the next word splits words
            doc = self.nlp(re.sub(r",(?=\S)", " ", normalizar(texto)))
            presentes = frozenset(self.nlp.vocab.strings[id_regla] for id_regla, _, _ in self.matcher(doc))
            if len(self._vistos) >= MAX_VISTOS:
                self._vistos.clear()
            self._vistos[texto] = presentes
        return presentes

    @staticmethod
    def _primera(reglas: list[Regla], presentes: frozenset[str]) -> Optional[str]:
        for regla in reglas:
            if all(k in presentes for k in regla.todos) and not any(k in presentes for k in regla.ninguno):
                return regla.nombre
        return None

    def rol(self, texto: str) -> Optional[str]:
        """codigo | unidad | fuente | ignorar | etiqueta, or None."""
        return self._primera(self.roles, self._presentes(texto))

    def medida(self, texto: str) -> Optional[str]:
        return self._primera(self.medidas, self._presentes(texto))

    def no_valor(self, texto: str) -> Optional[str]:
        """The role of a column that never holds values whatever measure
        words its header has ("Cód. meta", "% de ejecución presupuestal"),
        or None."""
        return self._primera(self.no_valores, self._presentes(texto))

    def titulo_de_dinero(self, texto: str) -> bool:
        """Whether a table's title says its figures are money."""
        return self._primera(self.tablas_de_dinero, self._presentes(texto)) is not None

    def escala(self, texto: str) -> tuple[Optional[str], float]:
        texto_normal = normalizar(texto)
        for nombre in sorted(self.escalas, key=len, reverse=True):
            if re.search(rf"\b{re.escape(nombre)}\b", texto_normal):
                return nombre, float(self.escalas[nombre])
        return None, 1.0


@lru_cache(maxsize=1)
def clasificador() -> ClasificadorEncabezados:
    return ClasificadorEncabezados(cargar_yaml("encabezados.yaml"))
