"""Persistent memory of the header rules' matches: header text, normalized
(extractor/castellano/lemas.normalizar: lower case, no accents, spaces
collapsed; all the matcher sees) -> the rule keys spaCy's Matcher finds in
it (extractor/tablas/encabezados.py).

The matches are a pure function of the text, the rules
(esquemas/encabezados.yaml), the lemma table (esquemas/lemas_es.json) and
spaCy's version; the file is named by a hash of the four, so a change to any
of them starts a new, empty memory. With every header of a report already
remembered, a process classifies them without importing spaCy (about a
second of a short load's start).

One JSON line per text, appended with a single write (concurrent workers
never interleave lines); lines that do not parse or name unknown keys (a
write cut short) are ignored. A memory that cannot be read or written is
skipped: classification then runs the rules as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
from importlib import resources
from pathlib import Path
from typing import Iterable, Optional

FORMATO = 2  # 2: keyed by the normalized text
MAX_BYTES = 16 * 1024 * 1024  # a memory this large stops growing (texts already in it still answer)


def clave(config: dict) -> str:
    """Hash of what the matches depend on."""
    h = hashlib.sha256(f"formato {FORMATO}\n".encode())
    h.update(json.dumps(config, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))
    h.update(resources.files("esquemas").joinpath("lemas_es.json").read_bytes())
    spec = importlib.util.find_spec("spacy")
    if spec is not None and spec.origin:
        try:
            h.update(Path(spec.origin).with_name("about.py").read_bytes())  # spaCy's version
        except OSError:
            h.update(spec.origin.encode())
    return h.hexdigest()[:24]


class MemoriaEncabezados:
    def __init__(self, ruta: Optional[Path], conocidas: Iterable[str]):
        self.ruta = ruta
        self._conocidas = frozenset(conocidas)
        self._datos: dict[str, frozenset[str]] = {}
        self._tamano = 0
        if ruta is not None:
            self._leer()

    @classmethod
    def para(cls, config: dict, conocidas: Iterable[str]) -> "MemoriaEncabezados":
        from extractor.cache import carpeta_cache

        try:
            ruta: Optional[Path] = carpeta_cache("encabezados") / f"{clave(config)}.jsonl"
        except (OSError, RuntimeError):  # no home folder, unreadable package data
            ruta = None
        return cls(ruta, conocidas)

    def _leer(self) -> None:
        assert self.ruta is not None
        try:
            with open(self.ruta, "rb") as f:
                contenido = f.read()
        except OSError:
            return
        self._tamano = len(contenido)
        for linea in contenido.splitlines():
            try:
                texto, claves = json.loads(linea)
            except (ValueError, TypeError):
                continue
            if (
                isinstance(texto, str)
                and isinstance(claves, list)
                and all(isinstance(k, str) and k in self._conocidas for k in claves)
            ):
                self._datos[texto] = frozenset(claves)

    def get(self, texto: str) -> Optional[frozenset[str]]:
        return self._datos.get(texto)

    def guardar(self, texto: str, claves: frozenset[str]) -> None:
        self._datos[texto] = claves
        if self.ruta is None or self._tamano > MAX_BYTES:
            return
        linea = (json.dumps([texto, sorted(claves)], ensure_ascii=False) + "\n").encode("utf-8")
        try:
            self.ruta.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.ruta, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                os.write(fd, linea)
            finally:
                os.close(fd)
            self._tamano += len(linea)
        except OSError:
            self.ruta = None  # read-only or full: remember in this process only
