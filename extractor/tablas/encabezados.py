"""Column headers to column roles, with spaCy's Spanish rules.

The vocabulary lives in `esquemas/encabezados.yaml`; this module turns it into
spaCy Matcher patterns (lower-case text or lemma, accents ignored) and
applies the rules in order. The Spanish pipeline is the blank language class
with a lookup lemmatizer whose table comes from `spacy-lookups-data`
(extractor/castellano/lemas.py): nothing is downloaded. spaCy is imported
only for a header text that the persistent memory of matches
(extractor/tablas/memoria_encabezados.py) does not hold yet.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from math import prod
from typing import Any, Optional

from esquemas import cargar_yaml

from extractor.castellano.lemas import cargar_tabla, normalizar
from extractor.castellano.normas import sin_clausulas_de_normas
from extractor.tablas.memoria_encabezados import MemoriaEncabezados


@lru_cache(maxsize=1)
def nlp_es():
    """Blank Spanish pipeline with a lookup lemmatizer over the rules' part
    of spacy-lookups-data's table (see extractor/castellano/lemas.py)."""
    import spacy
    from spacy.lookups import Lookups
    from spacy.pipeline import Lemmatizer

    nlp = spacy.blank("es")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert isinstance(lemmatizer, Lemmatizer)
    lookups = Lookups()
    lookups.add_table("lemma_lookup", cargar_tabla())
    lemmatizer.initialize(lookups=lookups)
    return nlp


MAX_VISTOS = 50_000  # distinct header texts remembered per process
ABREVIATURA = re.compile(r"[^\W\d_]{1,5}\.")  # "m.", "cuat.", "prog.": a word cut short with a full stop
MAX_LECTURAS = 400  # readings of a header's abbreviations tried, at most


# a header's unit in parentheses at its end, in percent: "Meta (%)"
_EN_PORCENTAJE = re.compile(r"\s*\(\s*%\s*\)\s*$")
_METAS = ("meta", "linea_base", "meta_cuatrienio")  # measures a percent unit does not turn into progress


@dataclass(frozen=True)
class Regla:
    nombre: str  # medida or rol
    todos: tuple[str, ...]  # matcher keys that must all be present
    ninguno: tuple[str, ...]


class ClasificadorEncabezados:
    """Matches header texts against the ordered rules of encabezados.yaml."""

    def __init__(self, config: dict, memoria: bool = True):
        self._terminos: dict[str, None] = {}  # matcher keys, in order (the matcher is built on first need)
        self.nlp: Any = None  # spaCy's pipeline and Matcher, built on first need (cargar_reglas)
        self.matcher: Any = None
        self.roles = [self._regla(r["rol"], r) for r in config["roles"]]
        self.medidas = [self._regla(r["medida"], r) for r in config["medidas"]]
        self.no_valores = [self._regla(r["rol"], r) for r in config.get("no_valores", [])]
        self.tablas_de_dinero = [self._regla("dinero", r) for r in config.get("tablas_de_dinero", [])]
        self.escalas = {normalizar(k): v for k, v in config["escalas"].items()}
        # header text -> matched rule keys: a report repeats its headers on
        # every page and table, and matching is most of a header's cost
        self._vistos: dict[str, frozenset[str]] = {}
        self._memoria = MemoriaEncabezados.para(config, self._terminos) if memoria else None
        self._vocabulario: Optional[list[str]] = None  # the rules' words, for abbreviations
        self._abreviaturas: dict[str, str] = {normalizar(k): v for k, v in config.get("abreviaturas", {}).items()}
        self._siglas: dict[str, str] = {k.upper(): v for k, v in config.get("siglas_de_columna", {}).items()}

    def _clave_termino(self, term: str) -> str:
        key = normalizar(term)
        self._terminos.setdefault(key, None)
        return key

    def cargar_reglas(self) -> None:
        """Import spaCy and build the pipeline and the matcher (once; the fork
        server of a load does it before its children start)."""
        if self.matcher is None:
            from spacy.matcher import Matcher

            self.nlp = nlp_es()
            self.matcher = Matcher(self.nlp.vocab)
            for key in self._terminos:
                patterns = []
                for alternative in key.split("|"):
                    words = [t.text for t in self.nlp.make_doc(alternative)]
                    patterns.append([{"LOWER": w} for w in words])
                    if len(words) == 1:
                        patterns.append([{"LEMMA": words[0]}])
                self.matcher.add(key, patterns)

    def _emparejar(self, text: str) -> frozenset[str]:
        """The rule keys spaCy's Matcher finds in `text`."""
        self.cargar_reglas()
        # "COD,.INT. PROGRAMA": a comma glued to the next word splits words
        doc = self.nlp(re.sub(r",(?=\S)", " ", normalizar(text)))
        return frozenset(self.nlp.vocab.strings[m_id] for m_id, _, _ in self.matcher(doc))

    def _regla(self, name: str, rule: dict) -> Regla:
        return Regla(
            nombre=name,
            todos=tuple(self._clave_termino(t) for group in rule.get("todos", []) for t in group),
            ninguno=tuple(self._clave_termino(t) for group in rule.get("ninguno", []) for t in group),
        )

    def _presentes(self, text: str) -> frozenset[str]:
        present = self._vistos.get(text)
        if present is None:
            # the memory is keyed by the normalized text, all _emparejar looks
            # at: variants in case and accents of a header hit it too
            clave = normalizar(text) if self._memoria is not None else ""
            present = self._memoria.get(clave) if self._memoria is not None else None
            if present is None:
                present = self._emparejar(text)
                if self._memoria is not None:
                    self._memoria.guardar(clave, present)
            if len(self._vistos) >= MAX_VISTOS:
                self._vistos.clear()
            self._vistos[text] = present
        return present

    @staticmethod
    def _primera(rules: list[Regla], present: frozenset[str]) -> Optional[str]:
        for rule in rules:
            if all(k in present for k in rule.todos) and not any(k in present for k in rule.ninguno):
                return rule.nombre
        return None

    def rol(self, text: str) -> Optional[str]:
        """codigo | unidad | fuente | ignorar | etiqueta, or None."""
        return self._primera(self.roles, self._presentes(text))

    def medida(self, text: str) -> Optional[str]:
        text = con_anios_apartados(text)
        sin_unidad = _EN_PORCENTAJE.sub("", text)
        if sin_unidad != text and (propia := self.medida(sin_unidad)) in _METAS:
            return propia  # "Meta (%)", "Línea base (%)": a target written in percent, not a progress
        medida = self._primera(self.medidas, self._presentes(self._desabreviado(text)))
        return medida if medida is not None else self._medida_abreviada(text)

    def _desabreviado(self, text: str) -> str:
        """The header with the abbreviations of `abreviaturas` written out
        ("Avance acum. cuatrienio": acumulado, not the period's avance), and
        its last word written out when it is one of `siglas_de_columna`
        under another level ("Vigencia 2016 P")."""
        palabras = text.split()
        if len(palabras) > 1 and palabras[-1] in self._siglas:  # "Vigencia 2016 P": programado
            palabras[-1] = self._siglas[palabras[-1]]
        if not self._abreviaturas or "." not in text:
            return " ".join(palabras)
        for i, p in enumerate(palabras):
            raiz = normalizar(p).rstrip(".")
            if p.endswith(".") and raiz in self._abreviaturas:
                palabras[i] = self._abreviaturas[raiz]
        return " ".join(palabras)

    def _medida_abreviada(self, text: str) -> Optional[str]:
        """The measure of a header written in abbreviations ("M. cuat.",
        "Rec. prog."): each abbreviated word read as each word of the rules
        it begins; the measure when all the readings that give one give the
        same."""
        palabras = normalizar(text).split()
        abreviadas = [i for i, p in enumerate(palabras) if ABREVIATURA.fullmatch(p)]
        if not abreviadas:
            return None
        opciones = [self._desarrollos(palabras[i].rstrip(".")) for i in abreviadas]
        if not all(opciones) or prod(len(o) for o in opciones) > MAX_LECTURAS:
            return None
        medidas = set()
        for lectura in itertools.product(*opciones):
            desarrollada = list(palabras)
            for i, palabra in zip(abreviadas, lectura):
                desarrollada[i] = palabra
            medidas.add(self._primera(self.medidas, self._presentes(" ".join(desarrollada))))
        medidas.discard(None)
        return medidas.pop() if len(medidas) == 1 else None

    def _desarrollos(self, raiz: str) -> list[str]:
        """The words of the rules that begin with `raiz` ("cuat" → cuatrienio,
        cuatrienal); the one a column header means when the rules have several
        (`abreviaturas`: "Cumpl." is cumplimiento, not cumplido)."""
        if raiz in self._abreviaturas:
            return [self._abreviaturas[raiz]]
        if self._vocabulario is None:
            self._vocabulario = sorted(
                {w for t in self._terminos for alt in t.split("|") for w in alt.split() if w.isalpha()}
            )
        return [w for w in self._vocabulario if w.startswith(raiz) and len(w) > len(raiz)]

    def no_valor(self, text: str) -> Optional[str]:
        """The role of a column that never holds values whatever measure
        words its header has ("Cód. meta", "% de ejecución presupuestal"),
        or None."""
        return self._primera(self.no_valores, self._presentes(text))

    def titulo_de_dinero(self, text: str) -> bool:
        """Whether a table's title says its figures are money."""
        text = sin_clausulas_de_normas(text)  # "Presupuesto liquidado por Decreto 0211 de 2023"
        return self._primera(self.tablas_de_dinero, self._presentes(text)) is not None

    def escala(self, text: str) -> tuple[Optional[str], float]:
        norm = normalizar(text)
        for name in sorted(self.escalas, key=len, reverse=True):
            if re.search(rf"\b{re.escape(name)}\b", norm):
                return name, float(self.escalas[name])
        return None, 1.0


_ANIO_PEGADO = re.compile(r"([^\W\d_]{3,})((?:19|20)\d\d)\b")


def con_anios_apartados(texto: str) -> str:
    """ "de la meta2024 cumplida" → "de la meta 2024 cumplida": a year printed
    in its own inline style, the space before it lost."""
    return _ANIO_PEGADO.sub(r"\1 \2", texto)


@lru_cache(maxsize=1)
def clasificador() -> ClasificadorEncabezados:
    return ClasificadorEncabezados(cargar_yaml("encabezados.yaml"))
