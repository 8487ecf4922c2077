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
"""
from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import duckdb
from rapidfuzz import fuzz

import esquemas
from esquemas import cargar_yaml
from pipelines.texto import normalizar

VINCULOS = ("codigo", "nombre", "nombre_normalizado", "similitud", "manual", "nuevo")
ACCIONES = ("vincular", "separar")
COLUMNAS_DECISIONES = ("accion", "entidad_clave", "clave_a", "variante_a", "clave_b", "variante_b",
                       "creada_en", "nota")


class ErrorIdentidad(Exception):
    """Error shown to users (Spanish message)."""


# ------------------------------------------------------------------- config


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
        similitud=float(u["similitud"]), similitud_segura=float(u["similitud_segura"]),
        dudoso=float(u["dudoso"]), umbral_dependencia=float(u["dependencia"]),
        umbral_padre=float(u["padre"]), penalizacion_padre=float(u["penalizacion_padre"]),
        codigo_patron=re.compile(d["codigo_patron"]),
        palabras_vacias=frozenset(d["palabras_vacias"]),
        frases_genericas=tuple(re.compile(rf"(?<!\w){p}(?!\w)") for p in d["frases_genericas"]),
        lemas_genericos=frozenset(d["lemas_genericos"]),
        entidad_omitidas=frozenset(d["entidad"]["palabras_omitidas"]),
        entidad_sinonimos=dict(d["entidad"]["sinonimos"]),
        dependencia_omitidas=frozenset(d["dependencia"]["palabras_omitidas"]),
        comparar={**_comparar_de_medidas(), **d["comparar"]},
    )


# ------------------------------------------------------------ normalization


def _plegar_lento(texto: str) -> str:
    descompuesto = unicodedata.normalize("NFKD", texto)
    return "".join(ch for ch in descompuesto if not unicodedata.combining(ch))


# Latin letters with their accents already removed: the same result as the
# slow path (decomposition is per character), four times faster on the
# ~490,000 forms of the lemma table.
_SIN_TILDES = {c: _plegar_lento(chr(c)) for c in range(0x80, 0x250) if _plegar_lento(chr(c)) != chr(c)}


def _plegar(texto: str) -> str:
    """Lower case without accents (ñ becomes n)."""
    texto = texto.casefold()
    if texto.isascii():
        return texto
    texto = texto.translate(_SIN_TILDES)
    return texto if texto.isascii() else _plegar_lento(texto)


def _palabras(texto: str) -> list[str]:
    return re.findall(r"[^\W_]+", texto)


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
_CABECERA = ("# spacy-lookups-data es_lemma_lookup, folded and applied until it settles; "
             "derived with: python -m pipelines.identidad\n")


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
        tabla.setdefault(_plegar(forma), _plegar(lem))
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
        for forma in claves[inicio:inicio + _BLOQUE]:
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
        self._primeras = [b[1:b.index(":")] for b in self._bloques]

    def get(self, forma: str, defecto: Optional[str] = None) -> Optional[str]:
        i = bisect.bisect_right(self._primeras, forma) - 1
        if i < 0:
            return defecto
        actual = ""
        for entrada in self._bloques[i].split(" "):
            resto, quitar, agregar = entrada[1:].split(":")
            actual = actual[:int(entrada[0])] + resto
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
                actual = actual[:int(entrada[0])] + resto
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
    plegada = _plegar(palabra)
    return _tabla_lemas().get(plegada) or plegada


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
    originales = _palabras(minusculas)  # with accents, for the lemmatizer
    plegado = _plegar(minusculas)
    tramos = [m.span() for m in re.finditer(r"[^\W_]+", plegado)]
    quedan = list(range(len(originales)))
    if len(tramos) == len(originales):  # generic phrases, on the folded text with punctuation
        for patron in cfg.frases_genericas:
            for m in patron.finditer(plegado):
                quedan = [i for i in quedan if tramos[i][1] <= m.start() or tramos[i][0] >= m.end()]
    salida = []
    for i in quedan:
        plegada = _plegar(originales[i])
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
        palabras = [p for p in _palabras(_plegar(nombre)) if p not in config().palabras_vacias]
        palabras = palabras or _palabras(_plegar(nombre))
    return " ".join(sorted(set(palabras)))


def clave_variante(nombre: Optional[str], padre: Optional[str]) -> str:
    """Same text as indicadores.clave: parent and name, case and accents folded."""
    return " / ".join(x for x in (normalizar(padre), normalizar(nombre)) if x)


def normalizar_entidad(nombre: Optional[str]) -> str:
    """"Alcaldía Distrital de Barrancabermeja" -> "alcaldia barrancabermeja"."""
    cfg = config()
    palabras = [cfg.entidad_sinonimos.get(p, p) for p in _palabras(_plegar(nombre or ""))]
    return " ".join(p for p in palabras if p not in cfg.entidad_omitidas)


def normalizar_dependencia(nombre: Optional[str]) -> str:
    """"Oficina Asesora de Prensa, Comunicaciones y Protocolo" ->
    "prensa comunicaciones protocolo"."""
    cfg = config()
    palabras = [p for p in _palabras(_plegar(nombre or "")) if p not in cfg.dependencia_omitidas]
    return " ".join(palabras) or " ".join(_palabras(_plegar(nombre or "")))


def clave_legible(texto: str, largo: int = 40) -> str:
    partes = _palabras(_plegar(texto))
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


def _padre_similar(a: str, b: str) -> Optional[bool]:
    """True same parent, False different, None when only one has one."""
    if not a and not b:
        return True
    if not a or not b:
        return None
    return a == b or fuzz.token_sort_ratio(a, b) >= config().umbral_padre


# ------------------------------------------------------------------ entities


def _clave_entidad(con: duckdb.DuckDBPyConnection, nombre: Optional[str], archivo: str,
                   codigo: Optional[str] = None) -> tuple[str, str]:
    """(entidad_clave, normalized name). The entity's DANE code decides
    when the report writes it: the same code is the same entity whatever
    its name, a different code another entity whatever its name. Else the
    normalized name does (an entity found by name takes the code later).
    A report without entity name nor code is an entity of its own, named
    after its file."""
    normal = normalizar_entidad(nombre)
    if codigo:
        fila = con.execute("SELECT entidad_clave FROM entidades WHERE codigo_divipola = ? "
                           "ORDER BY creada_en, entidad_clave LIMIT 1", [codigo]).fetchone()
        if fila:
            return fila[0], normal
    elif not normal:
        return "sin-entidad-" + clave_legible(Path(archivo).stem), ""
    if normal:
        fila = con.execute("SELECT entidad_clave FROM entidades WHERE normalizado = ? "
                           "AND (codigo_divipola IS NULL OR ?::VARCHAR IS NULL) ORDER BY creada_en, entidad_clave "
                           "LIMIT 1", [normal, codigo]).fetchone()
        if fila:
            return fila[0], normal
    base = clave_legible(normal, 60) if normal else f"dane-{codigo}"
    ocupada = con.execute("SELECT 1 FROM entidades WHERE entidad_clave = ?", [base]).fetchone()
    if ocupada and codigo and normal:
        base = f"{base}-{codigo}"  # another entity of the same name: its code tells them apart
    clave, n = base, 1
    while con.execute("SELECT 1 FROM entidades WHERE entidad_clave = ?", [clave]).fetchone():
        n += 1
        clave = f"{base}-{n}"
    return clave, normal


def _registrar_entidad(con, clave: str, normal: str, nombre: Optional[str], vigencia: Optional[int],
                       codigo: Optional[str] = None) -> None:
    nombre = (nombre or "").strip() or clave
    fila = con.execute("SELECT nombre, variantes, vigencia_nombre, codigo_divipola FROM entidades "
                       "WHERE entidad_clave = ?", [clave]).fetchone()
    ahora = datetime.now()
    if fila is None:
        con.execute("INSERT INTO entidades (entidad_clave, nombre, normalizado, variantes, vigencia_nombre, "
                    "creada_en, codigo_divipola) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [clave, nombre, normal, [nombre], vigencia, ahora, codigo])
        return
    actual, variantes, vig, cod = fila
    variantes = list(variantes or [])
    if nombre not in variantes:
        variantes.append(nombre)
    if vigencia is not None and (vig is None or vigencia >= vig):
        actual, vig = nombre, vigencia
    cod = cod or codigo
    if (actual, variantes, vig, cod) == (fila[0], list(fila[1] or []), fila[2], fila[3]):
        return  # nothing new (most reports of a known entity)
    con.execute("UPDATE entidades SET nombre = ?, variantes = ?, vigencia_nombre = ?, codigo_divipola = ? "
                "WHERE entidad_clave = ?", [actual, variantes, vig, cod, clave])


# ---------------------------------------------------------------- indicators


@dataclass
class _Variante:
    clave: str
    normalizado: str
    padre: str  # normalized parent
    dependencia: str
    codigo: Optional[str]
    creada_en: Any = None


@dataclass
class _Identidad:
    clave: str
    variantes: list[_Variante] = field(default_factory=list)

    @property
    def codigos(self) -> set[str]:
        return {v.codigo for v in self.variantes if v.codigo}

    @property
    def dependencias(self) -> set[str]:
        return {v.dependencia for v in self.variantes}


@dataclass
class _Item:
    indicador_id: str
    nombre: str
    padre: Optional[str]
    codigo: Optional[str]
    clave: str
    normalizado: str
    padre_normalizado: str
    # result
    indicador_clave: Optional[str] = None
    vinculo: Optional[str] = None
    puntaje: Optional[float] = None
    vinculada_con: Optional[str] = None
    alternativa: Optional[str] = None
    puntaje_alternativa: Optional[float] = None


@dataclass
class _Estado:
    """What the store holds for one entity, read once per report: its
    identities (in creation order) and every key and variant that the
    writes of the report must respect."""
    identidades: dict[str, _Identidad]
    canonicos: dict[str, tuple]  # indicador_clave -> (nombre, indicador_padre, vigencia_nombre)
    ocupadas: set[str]  # identity keys a new identity of the entity cannot take
    variantes: dict[tuple[str, str, str], Optional[str]]  # (dependencia, clave, indicador_clave) -> codigo


def _estado(con, entidad_clave: str) -> _Estado:
    # The keys of the entity's identities start with "entidad_clave/": any
    # identity with that prefix (of this entity or not) takes its key.
    estado = _Estado({}, {}, set(), {})
    for clave, propia, nombre, padre, vigencia in con.execute(
        "SELECT indicador_clave, entidad_clave = ?, nombre, indicador_padre, vigencia_nombre FROM identidades "
        "WHERE entidad_clave = ? OR starts_with(indicador_clave, ?) ORDER BY creada_en, indicador_clave",
        [entidad_clave, entidad_clave, entidad_clave + "/"]).fetchall():
        estado.ocupadas.add(clave)
        if propia:
            estado.identidades[clave] = _Identidad(clave)
            estado.canonicos[clave] = (nombre, padre, vigencia)
    for fila in con.execute(
        "SELECT indicador_clave, clave, normalizado, padre_normalizado, dependencia, codigo, creada_en "
        "FROM variantes WHERE entidad_clave = ? ORDER BY creada_en, clave", [entidad_clave]
    ).fetchall():
        estado.variantes[(fila[4], fila[1], fila[0])] = fila[5]
        if fila[0] in estado.identidades:
            estado.identidades[fila[0]].variantes.append(_Variante(*fila[1:]))
    return estado


def _claves_ocupadas(con, entidad_clave: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT indicador_clave FROM identidades WHERE entidad_clave = ? OR starts_with(indicador_clave, ?)",
        [entidad_clave, entidad_clave + "/"]).fetchall()}


def _prohibidos(con, entidad_clave: str) -> set[tuple[str, str]]:
    """(variant clave, variant clave of the identity it was separated from)."""
    return {(b, a) for a, b in con.execute(
        "SELECT variante_a, variante_b FROM decisiones WHERE accion = 'separar' AND entidad_clave = ?",
        [entidad_clave]).fetchall()}


def _nueva_clave(entidad_clave: str, nombre: str, ocupadas: set[str]) -> str:
    """entidad_clave/clave_legible(name), with -2, -3... if `ocupadas` has it."""
    base_nombre = " ".join(w for w in _palabras(_sin_frases_genericas(_plegar(nombre)))
                           if w not in config().palabras_vacias) or nombre
    base = f"{entidad_clave}/{clave_legible(base_nombre)}"
    clave, n = base, 1
    while clave in ocupadas:
        n += 1
        clave = f"{base}-{n}"
    return clave


def _items(con, informe_id: str) -> list[_Item]:
    filas = con.execute(
        """
        SELECT i.indicador_id, i.nombre, i.indicador_padre, i.codigo, i.clave,
               min(o.observacion_id) AS primera
        FROM indicadores i LEFT JOIN observaciones o
          ON o.indicador_id = i.indicador_id AND o.informe_id = i.informe_id
        WHERE i.informe_id = ?
        GROUP BY ALL ORDER BY primera NULLS LAST, i.indicador_id
        """, [informe_id]).fetchall()
    return [
        _Item(iid, nombre, padre, codigo_valido(codigo), clave or clave_variante(nombre, padre),
              forma_normalizada(nombre), forma_normalizada(padre) if padre else "")
        for iid, nombre, padre, codigo, clave, _ in filas
    ]


def _enlazar(items: list[_Item], identidades: dict[str, _Identidad], dep: str,
             prohibidos: set[tuple[str, str]]) -> None:
    """The four linking steps, each over the whole report before the next:
    an indicator found by name is never taken by a weaker similarity."""
    cfg = config()
    compatibles = {k: i for k, i in identidades.items() if dependencia_compatible(dep, i.dependencias)}
    usadas: set[str] = set()

    def permitido(item: _Item, ident: _Identidad) -> bool:
        if ident.clave in usadas:
            return False
        if item.codigo and ident.codigos and item.codigo not in ident.codigos:
            return False  # two MGA codes that differ: two indicators
        claves = {v.clave for v in ident.variantes}
        return not any((item.clave, ref) in prohibidos for ref in claves)

    def tomar(item: _Item, ident: _Identidad, vinculo: str, puntos: Optional[float], con_que: str) -> None:
        usadas.add(ident.clave)
        item.indicador_clave, item.vinculo, item.puntaje, item.vinculada_con = ident.clave, vinculo, puntos, con_que

    def pendientes():
        return [it for it in items if it.indicador_clave is None]

    # 1. MGA code
    for item in pendientes():
        if not item.codigo:
            continue
        for ident in compatibles.values():
            if item.codigo in ident.codigos and permitido(item, ident):
                tomar(item, ident, "codigo", None, item.codigo)
                break
    # 2. same name (and parent), case and accents folded
    for item in pendientes():
        opciones = sorted(
            ((v.dependencia != dep, ident.clave, ident) for ident in compatibles.values()
             for v in ident.variantes if v.clave == item.clave),
            key=lambda t: t[:2])
        for _, _, ident in opciones:
            if permitido(item, ident):
                tomar(item, ident, "nombre", None, item.clave)
                break
    # 3. normalized name with a compatible parent
    for item in pendientes():
        for ident in compatibles.values():
            variante = next((v for v in ident.variantes if v.normalizado == item.normalizado
                             and _padre_similar(item.padre_normalizado, v.padre) is True), None)
            if variante and permitido(item, ident):
                tomar(item, ident, "nombre_normalizado", None, variante.clave)
                break
    # 4. similarity, best pairs first
    pares = []
    for item in pendientes():
        for ident in compatibles.values():
            mejor = None
            for v in ident.variantes:
                padre = _padre_similar(item.padre_normalizado, v.padre)
                if padre is False:
                    continue
                p = puntaje(item.normalizado, v.normalizado) - (cfg.penalizacion_padre if padre is None else 0)
                if mejor is None or p > mejor[0]:
                    mejor = (p, v.clave)
            if mejor is not None:
                pares.append((mejor[0], item, ident, mejor[1]))
    pares.sort(key=lambda t: (-t[0], t[1].indicador_id, t[2].clave))
    for p, item, ident, con_que in pares:
        if p >= cfg.similitud and item.indicador_clave is None and permitido(item, ident):
            tomar(item, ident, "similitud", round(p, 1), con_que)
    # the best rejected candidate, for `informes indicadores --dudosos`
    for p, item, ident, con_que in pares:
        if item.vinculo in (None, "similitud") and ident.clave != item.indicador_clave and p >= cfg.dudoso:
            if item.puntaje_alternativa is None or p > item.puntaje_alternativa:
                item.alternativa, item.puntaje_alternativa = ident.clave, round(p, 1)


def asignar(con: duckdb.DuckDBPyConnection, informe_id: str) -> None:
    """Give the report `informe_id` (already inserted, in the caller's
    transaction) its entidad_clave and its indicators their indicador_clave;
    record new identities and variants; apply the manual decisions of its
    entity. Reports stored before identities existed are assigned too."""
    _asignar_uno(con, informe_id)
    for otro, in con.execute("SELECT informe_id FROM informes WHERE entidad_clave IS NULL "
                             "AND informe_id <> ? ORDER BY vigencia NULLS LAST, archivo",
                             [informe_id]).fetchall():
        _asignar_uno(con, otro)


def _asignar_uno(con, informe_id: str) -> None:
    fila = con.execute("SELECT entidad, dependencia, vigencia, archivo, codigo_divipola FROM informes "
                       "WHERE informe_id = ?", [informe_id]).fetchone()
    if fila is None:
        return
    entidad, dependencia, vigencia, archivo, codigo = fila
    codigo = (codigo or "").strip() or None
    entidad_clave, normal = _clave_entidad(con, entidad, archivo, codigo)
    _registrar_entidad(con, entidad_clave, normal, entidad, vigencia, codigo)
    dep = normalizar_dependencia(dependencia)
    items = _items(con, informe_id)
    estado = _estado(con, entidad_clave)
    _enlazar(items, estado.identidades, dep, _prohibidos(con, entidad_clave))

    # Everything is decided here, from `estado`; then one statement per kind
    # of write. Two indicators of a report never share an identity, so no
    # write depends on another one of the same report.
    nuevas, renombradas, variantes, codigos = [], [], [], []
    for item in items:
        if item.indicador_clave is None:
            item.indicador_clave = _nueva_clave(entidad_clave, item.nombre, estado.ocupadas)
            item.vinculo = "nuevo"
            estado.ocupadas.add(item.indicador_clave)
            nuevas.append(item)
        elif vigencia is not None:  # the name of the latest vigencia is the canonical one
            nombre, padre, vig = estado.canonicos[item.indicador_clave]
            if (vig is None or vig <= vigencia) and (nombre, padre, vig) != (item.nombre, item.padre, vigencia):
                renombradas.append(item)
        clave = (dep, item.clave, item.indicador_clave)
        if clave not in estado.variantes:
            variantes.append(item)
        elif item.codigo and estado.variantes[clave] is None:
            codigos.append(item)
    _escribir_identidades(con, entidad_clave, dep, vigencia, nuevas, renombradas, variantes, codigos)
    _escribir_claves(con, informe_id, entidad_clave, items)
    aplicar_decisiones(con, entidad_clave)


# How an indicator was linked: columns of indicadores and variantes alike.
_RESULTADO = ("vinculo", "puntaje", "vinculada_con", "alternativa", "puntaje_alternativa")
_TIPOS_ARROW = {"VARCHAR": "string", "INTEGER": "int32", "DOUBLE": "float64", "TIMESTAMP": "timestamp[us]"}


def _escribir_identidades(con, entidad_clave: str, dep: str, vigencia: Optional[int], nuevas: list[_Item],
                          renombradas: list[_Item], variantes: list[_Item], codigos: list[_Item]) -> None:
    """New identities and variants (one bulk INSERT each), canonical names
    of the newest vigencia and codes that variants did not have (one
    UPDATE ... FROM each)."""
    ahora = datetime.now()
    if nuevas:
        with _vista(con, "identidades_nuevas", "identidades", [
                {"indicador_clave": i.indicador_clave, "entidad_clave": entidad_clave, "nombre": i.nombre,
                 "indicador_padre": i.padre, "vigencia_nombre": vigencia, "creada_en": ahora} for i in nuevas]):
            con.execute("INSERT INTO identidades BY NAME SELECT * FROM identidades_nuevas")
    if renombradas:
        with _vista(con, "identidades_renombradas", "identidades", [
                {"indicador_clave": i.indicador_clave, "nombre": i.nombre, "indicador_padre": i.padre}
                for i in renombradas]):
            con.execute("UPDATE identidades SET nombre = r.nombre, indicador_padre = r.indicador_padre, "
                        "vigencia_nombre = ? FROM identidades_renombradas r "
                        "WHERE identidades.indicador_clave = r.indicador_clave", [vigencia])
    if variantes:
        with _vista(con, "variantes_nuevas", "variantes", [
                {"indicador_clave": i.indicador_clave, "entidad_clave": entidad_clave, "dependencia": dep,
                 "clave": i.clave, "nombre": i.nombre, "indicador_padre": i.padre, "normalizado": i.normalizado,
                 "padre_normalizado": i.padre_normalizado, "codigo": i.codigo, "creada_en": ahora,
                 **{c: getattr(i, c) for c in _RESULTADO}} for i in variantes]):
            con.execute("INSERT INTO variantes BY NAME SELECT * FROM variantes_nuevas")
    if codigos:
        with _vista(con, "variantes_codigos", "variantes", [
                {"clave": i.clave, "indicador_clave": i.indicador_clave, "codigo": i.codigo} for i in codigos]):
            con.execute("UPDATE variantes SET codigo = c.codigo FROM variantes_codigos c "
                        "WHERE variantes.entidad_clave = ? AND variantes.dependencia = ? AND variantes.clave = c.clave "
                        "AND variantes.indicador_clave = c.indicador_clave AND variantes.codigo IS NULL",
                        [entidad_clave, dep])


@contextmanager
def _vista(con, nombre: str, tabla: str, filas: list[dict[str, Any]]):
    """`filas` (columns of the store table `tabla`, with its types) readable
    as `nombre` in SQL, for the statements of the `with` block."""
    import pyarrow as pa

    tipos = {c.nombre: c.tipo for c in esquemas.tabla(tabla).columnas}
    esquema = pa.schema([(c, pa.type_for_alias(_TIPOS_ARROW[tipos[c]])) for c in filas[0]])
    con.register(nombre, pa.Table.from_pylist(filas, schema=esquema))
    try:
        yield
    finally:
        con.unregister(nombre)


def _escribir_claves(con, informe_id: str, entidad_clave: str, items: list[_Item]) -> None:
    con.execute("UPDATE informes SET entidad_clave = ? WHERE informe_id = ?", [entidad_clave, informe_id])
    if not items:
        return
    with _vista(con, "asignacion", "indicadores", [
            {"indicador_id": i.indicador_id, "indicador_clave": i.indicador_clave,
             **{c: getattr(i, c) for c in _RESULTADO}} for i in items]):
        _actualizar_filas(con, informe_id, entidad_clave)


def _actualizar_filas(con, informe_id: str, entidad_clave: str) -> None:
    con.execute(
        "UPDATE indicadores SET entidad_clave = ?, indicador_clave = a.indicador_clave, vinculo = a.vinculo, "
        "puntaje = a.puntaje, vinculada_con = a.vinculada_con, alternativa = a.alternativa, "
        "puntaje_alternativa = a.puntaje_alternativa FROM asignacion a "
        "WHERE indicadores.informe_id = ? AND indicadores.indicador_id = a.indicador_id",
        [entidad_clave, informe_id])
    con.execute(
        "UPDATE observaciones SET entidad_clave = ?, indicador_clave = a.indicador_clave FROM asignacion a "
        "WHERE observaciones.informe_id = ? AND observaciones.indicador_id = a.indicador_id",
        [entidad_clave, informe_id])


# ------------------------------------------------------------------ decisions


def _entidad_de(con, clave: str) -> str:
    fila = con.execute("SELECT entidad_clave FROM identidades WHERE indicador_clave = ?", [clave]).fetchone()
    if fila is None:
        raise ErrorIdentidad(f"No existe el indicador {clave}. Véalos con: informes indicadores")
    return fila[0]


def _primera_variante(con, clave: str, excepto: Optional[str] = None) -> Optional[str]:
    fila = con.execute(
        "SELECT clave FROM variantes WHERE indicador_clave = ? AND clave IS DISTINCT FROM ? "
        "ORDER BY creada_en, clave LIMIT 1", [clave, excepto]).fetchone()
    return fila[0] if fila else None


def _juntas_en(con, a: str, b: str) -> Optional[str]:
    """A report where identities a and b both appear (they cannot be one)."""
    fila = con.execute(
        "SELECT i.archivo FROM indicadores d JOIN informes i USING (informe_id) "
        "WHERE d.indicador_clave IN (?, ?) GROUP BY i.archivo, d.informe_id "
        "HAVING count(DISTINCT d.indicador_clave) = 2 ORDER BY i.archivo LIMIT 1", [a, b]).fetchone()
    return fila[0] if fila else None


def _fusionar(con, a: str, b: str) -> None:
    """Every variant and row of identity b goes to a; b is removed."""
    con.execute("DELETE FROM variantes v WHERE v.indicador_clave = ? AND EXISTS (SELECT 1 FROM variantes w "
                "WHERE w.indicador_clave = ? AND w.entidad_clave = v.entidad_clave "
                "AND w.dependencia = v.dependencia AND w.clave = v.clave)", [b, a])
    con.execute("UPDATE variantes SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
                "vinculada_con = ? WHERE indicador_clave = ?", [a, a, b])
    con.execute("UPDATE indicadores SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
                "vinculada_con = ? WHERE indicador_clave = ?", [a, a, b])
    con.execute("UPDATE observaciones SET indicador_clave = ? WHERE indicador_clave = ?", [a, b])
    con.execute("DELETE FROM identidades WHERE indicador_clave = ?", [b])


def _apartar(con, clave: str, variante: str) -> str:
    """Move the variant (clave text) of identity `clave` to a new identity."""
    filas = con.execute("SELECT entidad_clave, nombre, indicador_padre FROM variantes WHERE indicador_clave = ? "
                        "AND clave = ? ORDER BY creada_en", [clave, variante]).fetchall()
    entidad_clave, nombre, padre = filas[0]
    nueva = _nueva_clave(entidad_clave, nombre, _claves_ocupadas(con, entidad_clave))
    vigencia = con.execute(
        "SELECT max(i.vigencia) FROM indicadores d JOIN informes i USING (informe_id) "
        "WHERE d.indicador_clave = ? AND d.clave = ?", [clave, variante]).fetchone()[0]
    con.execute("INSERT INTO identidades (indicador_clave, entidad_clave, nombre, indicador_padre, "
                "vigencia_nombre, creada_en) VALUES (?, ?, ?, ?, ?, ?)",
                [nueva, entidad_clave, nombre, padre, vigencia, datetime.now()])
    con.execute("UPDATE variantes SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
                "vinculada_con = NULL, alternativa = ?, puntaje_alternativa = NULL "
                "WHERE indicador_clave = ? AND clave = ?", [nueva, clave, clave, variante])
    con.execute("UPDATE indicadores SET indicador_clave = ?, vinculo = 'manual', puntaje = NULL, "
                "vinculada_con = NULL WHERE indicador_clave = ? AND clave = ?", [nueva, clave, variante])
    con.execute("UPDATE observaciones SET indicador_clave = d.indicador_clave FROM indicadores d "
                "WHERE observaciones.indicador_id = d.indicador_id AND observaciones.informe_id = d.informe_id "
                "AND d.indicador_clave = ?", [nueva])
    return nueva


def _id_decision(accion: str, entidad: str, a: str, b: str) -> str:
    return hashlib.sha256("\x1f".join([accion, entidad, a, b]).encode("utf-8")).hexdigest()[:16]


def _guardar_decision(con, accion, entidad, clave_a, variante_a, clave_b, variante_b, nota=None,
                      creada_en=None) -> bool:
    did = _id_decision(accion, entidad, variante_a, variante_b)
    if con.execute("SELECT 1 FROM decisiones WHERE decision_id = ?", [did]).fetchone():
        return False
    if accion == "vincular":  # a later link undoes an earlier separation of the same pair
        con.execute("DELETE FROM decisiones WHERE accion = 'separar' AND entidad_clave = ? AND "
                    "((variante_a = ? AND variante_b = ?) OR (variante_a = ? AND variante_b = ?))",
                    [entidad, variante_a, variante_b, variante_b, variante_a])
    else:
        con.execute("DELETE FROM decisiones WHERE accion = 'vincular' AND entidad_clave = ? AND "
                    "((variante_a = ? AND variante_b = ?) OR (variante_a = ? AND variante_b = ?))",
                    [entidad, variante_a, variante_b, variante_b, variante_a])
    con.execute("INSERT INTO decisiones (decision_id, accion, entidad_clave, clave_a, variante_a, clave_b, "
                "variante_b, creada_en, nota) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [did, accion, entidad, clave_a, variante_a, clave_b, variante_b,
                 creada_en or datetime.now(), nota])
    return True


def vincular(con: duckdb.DuckDBPyConnection, clave_a: str, clave_b: str, nota: Optional[str] = None) -> str:
    """Record that identities a and b are one indicator (b joins a) and apply it."""
    if clave_a == clave_b:
        raise ErrorIdentidad("Las dos claves son la misma.")
    ent_a, ent_b = _entidad_de(con, clave_a), _entidad_de(con, clave_b)
    if ent_a != ent_b:
        raise ErrorIdentidad(f"{clave_a} y {clave_b} son de entidades distintas ({ent_a}, {ent_b}); "
                             "no se vinculan indicadores de entidades distintas.")
    juntas = _juntas_en(con, clave_a, clave_b)
    if juntas:
        raise ErrorIdentidad(f"{clave_a} y {clave_b} aparecen los dos en {juntas}: son indicadores distintos "
                             "de un mismo informe y no se pueden vincular.")
    va, vb = _primera_variante(con, clave_a), _primera_variante(con, clave_b)
    _guardar_decision(con, "vincular", ent_a, clave_a, va, clave_b, vb, nota)
    _fusionar(con, clave_a, clave_b)
    return clave_a


def _buscar_variante(con, clave: str, variante: str) -> str:
    """The clave text of the variant of identity `clave` that the user named
    (as written, with or without its parent, any case or accents)."""
    filas = con.execute("SELECT DISTINCT clave, nombre FROM variantes WHERE indicador_clave = ? ORDER BY clave",
                        [clave]).fetchall()
    buscada = normalizar(variante)
    for c, nombre in filas:
        if buscada in (c, normalizar(nombre)):
            return c
    nombres = "; ".join(n for _, n in filas) or "ninguna"
    raise ErrorIdentidad(f"{clave} no tiene la variante «{variante}». Sus variantes: {nombres}.")


def separar(con: duckdb.DuckDBPyConnection, clave: str, variante: str, nota: Optional[str] = None) -> str:
    """Record that the variant is not indicator `clave` and move it to a new
    identity. Returns the new key."""
    entidad = _entidad_de(con, clave)
    texto = _buscar_variante(con, clave, variante)
    referencia = _primera_variante(con, clave, excepto=texto)
    if referencia is None:
        raise ErrorIdentidad(f"«{variante}» es la única variante de {clave}; no hay de qué separarla.")
    _guardar_decision(con, "separar", entidad, clave, referencia, None, texto, nota)
    return _apartar(con, clave, texto)


def _identidades_con(con, entidad: str, variante: Optional[str]) -> list[str]:
    if not variante:
        return []
    return [r[0] for r in con.execute(
        "SELECT indicador_clave FROM variantes WHERE entidad_clave = ? AND clave = ? "
        "GROUP BY indicador_clave ORDER BY min(creada_en), indicador_clave", [entidad, variante]).fetchall()]


def aplicar_decisiones(con: duckdb.DuckDBPyConnection, entidad_clave: Optional[str] = None) -> list[str]:
    """Apply the stored decisions (of one entity, or all) again, by variant
    name: idempotent. Returns Spanish notes on decisions that could not be
    applied (e.g. two indicators of one report)."""
    notas = []
    sql = "SELECT accion, entidad_clave, variante_a, variante_b FROM decisiones"
    parametros: list = []
    if entidad_clave:
        sql += " WHERE entidad_clave = ?"
        parametros.append(entidad_clave)
    for accion, entidad, va, vb in con.execute(sql + " ORDER BY creada_en, decision_id", parametros).fetchall():
        if accion == "vincular":
            claves_a, claves_b = _identidades_con(con, entidad, va), _identidades_con(con, entidad, vb)
            if not claves_a or not claves_b or claves_b[0] == claves_a[0]:
                continue
            a, b = claves_a[0], claves_b[0]
            juntas = _juntas_en(con, a, b)
            if juntas:
                notas.append(f"No se aplicó vincular {a} {b}: aparecen los dos en {juntas}.")
                continue
            _fusionar(con, a, b)
        else:
            for k in set(_identidades_con(con, entidad, vb)) & set(_identidades_con(con, entidad, va)):
                _apartar(con, k, vb)
    return notas


def exportar_decisiones(con: duckdb.DuckDBPyConnection, salida: Path) -> int:
    import csv

    from pipelines.texto import texto_celda

    filas = con.execute("SELECT " + ", ".join(COLUMNAS_DECISIONES) + " FROM decisiones "
                        "ORDER BY creada_en, decision_id").fetchall()
    salida = Path(salida)
    salida.parent.mkdir(parents=True, exist_ok=True)
    with salida.open("w", encoding="utf-8", newline="") as f:
        escritor = csv.writer(f, lineterminator="\n")
        escritor.writerow(COLUMNAS_DECISIONES)
        escritor.writerows([texto_celda(v) for v in fila] for fila in filas)
    return len(filas)


def importar_decisiones(con: duckdb.DuckDBPyConnection, entrada: Path) -> tuple[int, list[str]]:
    """Read decisions from a CSV written by exportar_decisiones (or by hand:
    accion, entidad_clave, variante_a, variante_b are required) and apply
    them. Returns (new decisions, notes)."""
    import csv

    entrada = Path(entrada)
    if not entrada.is_file():
        raise ErrorIdentidad(f"No existe el archivo {entrada}.")
    with entrada.open(encoding="utf-8-sig", newline="") as f:
        lector = csv.DictReader(f)
        faltan = [c for c in ("accion", "entidad_clave", "variante_a", "variante_b")
                  if c not in (lector.fieldnames or [])]
        if faltan:
            raise ErrorIdentidad(f"{entrada.name}: faltan las columnas {', '.join(faltan)}.")
        filas = list(lector)
    nuevas = 0
    for n, d in enumerate(filas, start=2):
        limpio = {k: (v or "").strip().lstrip("'") if isinstance(v, str) else v for k, v in d.items()}
        accion = limpio["accion"]
        if accion not in ACCIONES:
            raise ErrorIdentidad(f"{entrada.name}, línea {n}: acción desconocida {accion!r} "
                                 "(use vincular o separar).")
        if not limpio["entidad_clave"] or not limpio["variante_a"] or not limpio["variante_b"]:
            raise ErrorIdentidad(f"{entrada.name}, línea {n}: faltan entidad_clave, variante_a o variante_b.")
        creada = None
        if limpio.get("creada_en"):
            try:
                creada = datetime.fromisoformat(limpio["creada_en"])
            except ValueError:
                creada = None
        nuevas += _guardar_decision(
            con, accion, limpio["entidad_clave"], limpio.get("clave_a") or None, limpio["variante_a"],
            limpio.get("clave_b") or None, limpio["variante_b"], limpio.get("nota") or None, creada)
    return nuevas, aplicar_decisiones(con)


# ------------------------------------------------------------------- queries


def listar(con: duckdb.DuckDBPyConnection, entidad: Optional[str] = None, dudosos: bool = False
           ) -> list[dict[str, Any]]:
    """Identities with their variants (name, years, how each was linked),
    years and reasons to doubt them. `entidad` filters by key or name."""
    cfg = config()
    sql = ("SELECT d.indicador_clave, d.entidad_clave, e.nombre, d.nombre, d.indicador_padre "
           "FROM identidades d JOIN entidades e USING (entidad_clave)")
    parametros: list = []
    if entidad:
        sql += " WHERE d.entidad_clave = ? OR e.normalizado = ? OR e.entidad_clave LIKE ?"
        parametros += [entidad, normalizar_entidad(entidad), f"%{clave_legible(entidad, 80)}%"]
    identidades = con.execute(sql + " ORDER BY d.entidad_clave, d.indicador_clave", parametros).fetchall()
    anios: dict[tuple[str, str], list[int]] = {}
    unidades: dict[str, set[str]] = {}
    for clave, variante, vig, unidad in con.execute(
        "SELECT d.indicador_clave, d.clave, i.vigencia, d.unidad FROM indicadores d "
        "JOIN informes i USING (informe_id) WHERE d.indicador_clave IS NOT NULL").fetchall():
        anios.setdefault((clave, variante), []).append(vig)
        if unidad:
            unidades.setdefault(clave, set()).add(unidad)
    variantes: dict[str, list[dict]] = {}
    for fila in con.execute(
        "SELECT indicador_clave, clave, nombre, indicador_padre, dependencia, codigo, vinculo, puntaje, "
        "vinculada_con, alternativa, puntaje_alternativa FROM variantes ORDER BY creada_en, clave").fetchall():
        d = dict(zip(("indicador_clave", "clave", "nombre", "indicador_padre", "dependencia", "codigo",
                      "vinculo", "puntaje", "vinculada_con", "alternativa", "puntaje_alternativa"), fila))
        d["anios"] = sorted({a for a in anios.get((d["indicador_clave"], d["clave"]), []) if a is not None})
        variantes.setdefault(d["indicador_clave"], []).append(d)
    salida = []
    for clave, ent_clave, ent_nombre, nombre, padre in identidades:
        vs = [v for v in variantes.get(clave, []) if v["anios"] or not dudosos]
        motivos = []
        for v in vs:
            if v["vinculo"] == "similitud" and (v["puntaje"] or 0) < cfg.similitud_segura:
                motivos.append(f"«{v['nombre']}» vinculada por similitud {v['puntaje']:g}")
            if v["alternativa"] and v["alternativa"] != clave and v["puntaje_alternativa"] is not None:
                motivos.append(f"«{v['nombre']}» se parece a {v['alternativa']} ({v['puntaje_alternativa']:g})")
        if len(unidades.get(clave, ())) > 1:
            motivos.append("unidades distintas: " + ", ".join(sorted(unidades[clave])))
        todos = sorted({a for v in vs for a in v["anios"]})
        if dudosos and not motivos:
            continue
        if not vs and not todos:
            continue
        salida.append({"indicador_clave": clave, "entidad_clave": ent_clave, "entidad": ent_nombre,
                       "nombre": nombre, "indicador_padre": padre, "anios": todos, "variantes": vs,
                       "dudas": motivos})
    return salida



def escribir_lemas() -> tuple[Path, int]:
    """Derive ARCHIVO_LEMAS from the installed spacy-lookups-data."""
    import gzip

    tabla = tabla_lemas_spacy()
    destino = Path(esquemas.__file__).parent / ARCHIVO_LEMAS
    destino.write_bytes(gzip.compress(codificar_lemas(tabla).encode("utf-8"), compresslevel=9, mtime=0))
    return destino, len(tabla)


if __name__ == "__main__":
    print("%s: %d formas" % escribir_lemas())
