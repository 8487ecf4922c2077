"""The title of each table: the caption or heading a reader sees just above
it ("Tabla 15. Matriz Plurianual de Inversiones", a sheet's title cell).

A table's title gives context its header lacks: that its figures are money
(an investment plan whose columns only say "TOTAL 2020"), or which indicator
a table of months or quarters is about.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from esquemas import cargar_yaml

from .lemas import normalizar
from .modelo import BloqueTexto, Documento, Tabla

MAX_BLOQUES = 3  # text blocks read above a table
MAX_PALABRAS = 16  # a longer block is prose: the title is what lies below it
MAX_PALABRAS_ROTULO = 40  # …unless it is a numbered caption
CAPTION = re.compile(r"^\s*(tabla|cuadro|matriz|anexo|gr[aá]fic[oa])\s*(n[°ºo.]\s*)?[\dIVXivx]+[.:\-–]*\s*",
                     re.IGNORECASE)


def titulos_de_tablas(doc: Documento) -> dict[int, list[str]]:
    """Per table index, the short text blocks right above it, nearest last.
    Blocks of another page count only when the table opens its page."""
    salida: dict[int, list[str]] = {}
    previos: list[BloqueTexto] = []
    for bloque in doc.bloques:
        if isinstance(bloque, Tabla):
            pagina = bloque.paginas[0] if bloque.paginas else None
            titulos: list[str] = []
            for b in reversed(previos[-MAX_BLOQUES:]):
                texto = " ".join(b.texto.split())
                if b.pagina not in (pagina, (pagina or 0) - 1) or not _es_titulo(texto):
                    break
                titulos.insert(0, texto)
            salida[bloque.indice] = titulos
            previos = []
        else:
            previos.append(bloque)
    return salida


def _es_titulo(texto: str) -> bool:
    """Short text, or a numbered caption ("Tabla 27. …"), not prose."""
    palabras = len(texto.split())
    return palabras <= MAX_PALABRAS or (bool(CAPTION.match(texto)) and palabras <= MAX_PALABRAS_ROTULO)


FICHA = re.compile(r"^[^\W\d_][^:]{0,30}:\s")  # "Campo: valor"


def sin_rotulo(titulo: str) -> str:
    """A caption without its numbering: "Tabla 3. Ciudadanos capacitados" →
    "Ciudadanos capacitados"."""
    return CAPTION.sub("", titulo).strip(" .:-–")


@lru_cache(maxsize=1)
def _prefijos() -> list[str]:
    prefijos = cargar_yaml("encabezados.yaml").get("prefijos_titulo_indicador", [])
    return sorted((normalizar(p) for p in prefijos), key=len, reverse=True)


def indicador_del_titulo(titulos: list[str]) -> Optional[str]:
    """The indicator a table of periods is about, from its nearest title:
    "Tabla 1. Resultado del indicador de ciudadanos capacitados" →
    "Ciudadanos capacitados"."""
    candidatos = [_sin_prefijo(sin_rotulo(t)) for t in titulos]
    # a title that says it names the indicator ("Indicador: …") wins over
    # the nearest one ("Fórmula: …" under it)
    nombrados = [resto for resto, con_prefijo in candidatos if con_prefijo and resto]
    # "Unidad de medida: Número · Periodicidad: trimestral", "Fórmula: …":
    # the indicator's data sheet, not its name
    otros = [resto for resto, _ in candidatos if resto and not FICHA.match(resto) and not _fecha_de_titulo(resto)]
    nombre = (nombrados or otros or [""])[-1 if not nombrados else 0]
    nombre = nombre.strip(" .:-–")
    return nombre[:1].upper() + nombre[1:] if nombre else None


def _fecha_de_titulo(texto: str) -> bool:
    """A title line that dates the table or the template ("Corte 15 de
    junio de 2025", "Vigencia 2025", "Versión 3", "2025"), not a name."""
    palabras = set(re.findall(r"\w+", normalizar(texto)))
    return bool(palabras & _palabras_de_fecha()) or not re.search(r"[^\W\d_]", texto)


@lru_cache(maxsize=1)
def _palabras_de_fecha() -> frozenset[str]:
    return frozenset(normalizar(p) for p in cargar_yaml("encabezados.yaml").get("palabras_titulo_de_fecha", []))


def _sin_prefijo(texto: str) -> tuple[str, bool]:
    palabras = texto.split()
    for prefijo in _prefijos():
        n = len(prefijo.split())
        if len(palabras) > n and normalizar(" ".join(palabras[:n])).rstrip(":") == prefijo:
            return " ".join(palabras[n:]).lstrip(":").strip(), True
    return texto, False
