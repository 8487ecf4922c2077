"""Names as identity compares them: identifying words as lemmas, the
normalized forms of indicator, entity and office names, readable keys,
MGA codes, similarity scores."""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from rapidfuzz import fuzz

from pipelines.identidad.ajustes import config
from pipelines.identidad.lemas import lema
from pipelines.identidad.plegado import palabras_de, plegar
from pipelines.texto import normalizar


def _sin_frases_genericas(plegado: str) -> str:
    for patron in config().frases_genericas:
        plegado = patron.sub(" ", plegado)
    return plegado


def palabras_clave(nombre: Optional[str]) -> list[str]:
    """Words of a name that identify it, in order: folded, without stop
    words and generic phrases, as lemmas, without generic lemmas."""
    if not nombre:
        return []
    cfg = config()
    minusculas = unicodedata.normalize("NFC", nombre.casefold())
    originales = palabras_de(minusculas)  # with accents, for the lemmatizer
    plegado = plegar(minusculas)
    tramos = [m.span() for m in re.finditer(r"[^\W_]+", plegado)]
    quedan = list(range(len(originales)))
    if len(tramos) == len(originales):  # generic phrases, on the folded text with punctuation
        for patron in cfg.frases_genericas:
            for m in patron.finditer(plegado):
                quedan = [i for i in quedan if tramos[i][1] <= m.start() or tramos[i][0] >= m.end()]
    salida = []
    for i in quedan:
        plegada = plegar(originales[i])
        if plegada in cfg.palabras_vacias:
            continue
        lem = lema(originales[i])
        if lem in cfg.lemas_genericos or plegada in cfg.lemas_genericos or lem in cfg.palabras_vacias:
            continue
        salida.append(lem)
    return salida


def forma_normalizada(nombre: Optional[str]) -> str:
    """The name for the nombre_normalizado step and for similarity: its
    identifying lemmas, sorted (word order does not matter). A name made
    only of generic words keeps its folded words."""
    palabras = palabras_clave(nombre)
    if not palabras and nombre:
        palabras = [p for p in palabras_de(plegar(nombre)) if p not in config().palabras_vacias]
        palabras = palabras or palabras_de(plegar(nombre))
    return " ".join(sorted(set(palabras)))


def clave_variante(nombre: Optional[str], padre: Optional[str]) -> str:
    """Same text as indicadores.clave: parent and name, case and accents folded."""
    return " / ".join(x for x in (normalizar(padre), normalizar(nombre)) if x)


def normalizar_entidad(nombre: Optional[str]) -> str:
    """ "Alcaldía Distrital de Barrancabermeja" -> "alcaldia barrancabermeja"."""
    cfg = config()
    palabras = [cfg.entidad_sinonimos.get(p, p) for p in palabras_de(plegar(nombre or ""))]
    return " ".join(p for p in palabras if p not in cfg.entidad_omitidas)


def normalizar_dependencia(nombre: Optional[str]) -> str:
    """ "Oficina Asesora de Prensa, Comunicaciones y Protocolo" ->
    "prensa comunicaciones protocolo"."""
    cfg = config()
    palabras = [p for p in palabras_de(plegar(nombre or "")) if p not in cfg.dependencia_omitidas]
    return " ".join(palabras) or " ".join(palabras_de(plegar(nombre or "")))


def clave_legible(texto: str, largo: int = 40) -> str:
    partes = palabras_de(plegar(texto))
    salida = ""
    for p in partes:
        siguiente = f"{salida}-{p}" if salida else p
        if len(siguiente) > largo and salida:
            break
        salida = siguiente[:largo]
    return salida or "x"


def codigo_valido(codigo: Optional[str]) -> Optional[str]:
    """The code if it identifies an indicator across plans (MGA), else None."""
    if not codigo:
        return None
    limpio = re.sub(r"[\s.]", "", str(codigo))
    return limpio if config().codigo_patron.match(limpio) else None


def puntaje(a: str, b: str) -> float:
    """Similarity 0-100 of two normalized names."""
    return float(fuzz.token_sort_ratio(a, b))


def dependencia_compatible(dep: str, otras: set[str]) -> bool:
    """The same office: either side unknown, or token_set_ratio above the threshold."""
    if not dep or not otras or dep in otras:
        return True
    umbral = config().umbral_dependencia
    return any(not o or fuzz.token_set_ratio(dep, o) >= umbral for o in otras)


def padre_similar(a: str, b: str) -> Optional[bool]:
    """True same parent, False different, None when only one has one."""
    if not a and not b:
        return True
    if not a or not b:
        return None
    return a == b or fuzz.token_sort_ratio(a, b) >= config().umbral_padre


def nueva_clave(entidad_clave: str, nombre: str, ocupadas: set[str]) -> str:
    """entidad_clave/clave_legible(name), with -2, -3... if `ocupadas` has it."""
    base_nombre = (
        " ".join(w for w in palabras_de(_sin_frases_genericas(plegar(nombre))) if w not in config().palabras_vacias)
        or nombre
    )
    base = f"{entidad_clave}/{clave_legible(base_nombre)}"
    clave, n = base, 1
    while clave in ocupadas:
        n += 1
        clave = f"{base}-{n}"
    return clave
