"""One identity per entity and per indicator, across reports and years.

Every report gets an `entidad_clave` and every indicator of it an
`indicador_clave` when it is saved (pipelines/carga/guardado.py calls `asignar`
inside the save transaction). Identities live in tables that are not per
report (`entidades`, `identidades`, `variantes`, `decisiones`), so they
survive replacing and reloading every report.

An indicator is linked, within its entity and a compatible dependency, in
this order (esquemas/identidad.yaml holds thresholds and word lists):
  1. codigo              the same MGA code
  2. nombre              the same parent and name, case and accents folded
  3. nombre_normalizado  the same words without stop words and generic
                         words, as spaCy lemmas, in any order (the lemma
                         table is derived data: see ARCHIVO_LEMAS)
  4. similitud           rapidfuzz token_sort_ratio >= umbral
and otherwise it starts a new identity ("nuevo"). Two indicators of one
report never share an identity; entities never share indicators. Manual
decisions (`vincular`, `separar`) are stored by variant name and applied
again after every load.

Rooms: ajustes.py (esquemas/identidad.yaml), plegado.py (folding), lemas.py
(the derived lemma table), nombres.py (normalized names, keys, scores),
entidades.py (the report's entity), asignacion.py (linking a saved report),
decisiones.py (vincular, separar, their CSV), consultas.py (listar).
"""

from pipelines.identidad.ajustes import Config, config
from pipelines.identidad.asignacion import VINCULOS, asignar
from pipelines.identidad.consultas import listar
from pipelines.identidad.decisiones import (
    ACCIONES,
    COLUMNAS_DECISIONES,
    ErrorIdentidad,
    aplicar_decisiones,
    exportar_decisiones,
    importar_decisiones,
    separar,
    vincular,
)
from pipelines.identidad.lemas import (
    ARCHIVO_LEMAS,
    TablaLemas,
    codificar_lemas,
    escribir_lemas,
    lema,
    tabla_lemas_spacy,
)
from pipelines.identidad.nombres import (
    clave_legible,
    clave_variante,
    codigo_valido,
    dependencia_compatible,
    forma_normalizada,
    normalizar_dependencia,
    normalizar_entidad,
    palabras_clave,
    puntaje,
)
from pipelines.texto import normalizar

__all__ = [
    "ACCIONES",
    "ARCHIVO_LEMAS",
    "COLUMNAS_DECISIONES",
    "VINCULOS",
    "Config",
    "ErrorIdentidad",
    "TablaLemas",
    "aplicar_decisiones",
    "asignar",
    "clave_legible",
    "clave_variante",
    "codificar_lemas",
    "codigo_valido",
    "config",
    "dependencia_compatible",
    "escribir_lemas",
    "exportar_decisiones",
    "forma_normalizada",
    "importar_decisiones",
    "lema",
    "listar",
    "normalizar",
    "normalizar_dependencia",
    "normalizar_entidad",
    "palabras_clave",
    "puntaje",
    "separar",
    "tabla_lemas_spacy",
    "vincular",
]
