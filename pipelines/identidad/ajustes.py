"""The settings of identity linking: thresholds and word lists of
esquemas/identidad.yaml, and how each measure compares across years
(esquemas/medidas.csv), read once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import esquemas
from esquemas import cargar_yaml


@dataclass(frozen=True)
class Config:
    similitud: float
    similitud_segura: float
    dudoso: float
    umbral_dependencia: float
    umbral_padre: float
    penalizacion_padre: float
    codigo_patron: re.Pattern
    palabras_vacias: frozenset
    frases_genericas: tuple[re.Pattern, ...]
    lemas_genericos: frozenset
    entidad_omitidas: frozenset
    entidad_sinonimos: dict
    dependencia_omitidas: frozenset
    comparar: dict


def _comparar_de_medidas() -> dict:
    """How each measure compares across years (esquemas/medidas.csv
    `comparacion` and `denominador`), in the shape `informes comparar` reads."""
    todas = esquemas.medidas().values()
    return {
        "anuales": [m.medida for m in todas if m.comparacion == "anual"],
        "acumulables": [m.medida for m in todas if m.comparacion == "acumulable"],
        "denominador": {m.medida: m.denominador for m in todas if m.denominador},
    }


@lru_cache(maxsize=1)
def config() -> Config:
    d = cargar_yaml("identidad.yaml")
    u = d["umbrales"]
    return Config(
        similitud=float(u["similitud"]),
        similitud_segura=float(u["similitud_segura"]),
        dudoso=float(u["dudoso"]),
        umbral_dependencia=float(u["dependencia"]),
        umbral_padre=float(u["padre"]),
        penalizacion_padre=float(u["penalizacion_padre"]),
        codigo_patron=re.compile(d["codigo_patron"]),
        palabras_vacias=frozenset(d["palabras_vacias"]),
        frases_genericas=tuple(re.compile(rf"(?<!\w){p}(?!\w)") for p in d["frases_genericas"]),
        lemas_genericos=frozenset(d["lemas_genericos"]),
        entidad_omitidas=frozenset(d["entidad"]["palabras_omitidas"]),
        entidad_sinonimos=dict(d["entidad"]["sinonimos"]),
        dependencia_omitidas=frozenset(d["dependencia"]["palabras_omitidas"]),
        comparar={**_comparar_de_medidas(), **d["comparar"]},
    )
