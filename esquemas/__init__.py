"""Schema of the store (tablas.yaml) and controlled vocabularies (*.csv),
read as package data so they work from an installed package too.

The environment variable INFORMES_ESQUEMAS may name a folder whose files
replace those of this package (a file it lacks is read from the package):
a measure or a header wording can be tried through data alone."""

from __future__ import annotations

import copy
import csv
import io
import os
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Optional

import yaml

# Vocabulary name -> (file, key column)
_VOCABULARIOS = {
    "medida": ("medidas.csv", "medida"),
    "unidad": ("unidades.csv", "unidad"),
    "tipo_gasto": ("tipos_gasto.csv", "tipo_gasto"),
    "acumulacion": ("acumulacion.csv", "acumulacion"),
}


@dataclass(frozen=True)
class Columna:
    nombre: str
    tipo: str  # DuckDB type
    nulo: bool
    descripcion: str


@dataclass(frozen=True)
class Tabla:
    nombre: str
    descripcion: str
    columnas: tuple[Columna, ...]
    clave_primaria: tuple[str, ...] = ()
    por_informe: bool = False
    orden: tuple[str, ...] = ()
    exportacion: tuple[str, ...] = ()  # empty: every column

    @property
    def nombres(self) -> list[str]:
        return [c.nombre for c in self.columnas]

    def columna(self, nombre: str) -> Columna:
        for c in self.columnas:
            if c.nombre == nombre:
                return c
        raise KeyError(nombre)


CARPETA_VARIABLE = "INFORMES_ESQUEMAS"


def _texto(nombre: str) -> str:
    otra = os.environ.get(CARPETA_VARIABLE)
    if otra and os.path.isfile(os.path.join(otra, nombre)):
        with open(os.path.join(otra, nombre), encoding="utf-8") as f:
            return f.read()
    return resources.files(__name__).joinpath(nombre).read_text(encoding="utf-8")


def cargar_yaml(nombre: str):
    """Parsed YAML file of this package, e.g. cargar_yaml("encabezados.yaml").
    Parsed once per process (some are read for every table); each call gets
    its own copy, free to change."""
    return copy.deepcopy(_yaml(nombre))


def precargar() -> None:
    """Parse every YAML file of this package now (the fork server of a load:
    each child process it forks then finds them parsed)."""
    for archivo in resources.files(__name__).iterdir():
        if archivo.name.endswith(".yaml"):
            _yaml(archivo.name)


def umbrales(seccion: str) -> dict:
    """Layout thresholds of one page reader (esquemas/disposicion.yaml)."""
    return cargar_yaml("disposicion.yaml")[seccion]


@cache
def _yaml(nombre: str):
    # libyaml's parser when PyYAML has it (the same data, about 8 times faster)
    return yaml.load(_texto(nombre), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def tablas() -> dict[str, Tabla]:
    """Tables of the store, in creation order, by name."""
    datos = cargar_yaml("tablas.yaml")
    resultado = {}
    for nombre, t in datos.items():
        columnas = tuple(Columna(c["nombre"], c["tipo"], bool(c["nulo"]), c["descripcion"]) for c in t["columnas"])
        resultado[nombre] = Tabla(
            nombre=nombre,
            descripcion=t["descripcion"],
            columnas=columnas,
            clave_primaria=tuple(t.get("clave_primaria", ())),
            por_informe=bool(t.get("por_informe", False)),
            orden=tuple(t.get("orden", ())),
            exportacion=tuple(t.get("exportacion", ())),
        )
    return resultado


def tabla(nombre: str) -> Tabla:
    return tablas()[nombre]


@cache
def filas_vocabulario(nombre: str) -> tuple[dict[str, str], ...]:
    """Every row of a vocabulary CSV (all columns, as text)."""
    archivo, _ = _VOCABULARIOS[nombre]
    return tuple(csv.DictReader(io.StringIO(_texto(archivo))))


def vocabulario(nombre: str) -> set[str]:
    """Allowed values: vocabulario("medida"), ("unidad"), ("tipo_gasto") or ("acumulacion")."""
    _, clave = _VOCABULARIOS[nombre]
    return {fila[clave] for fila in filas_vocabulario(nombre)}


# Default periods a measure may take (medidas.csv `periodo_por_defecto`;
# the rules are in convenciones.md and extractor/castellano/periodos.py).
PERIODOS_POR_DEFECTO = ("vigencia", "informe", "vigencia_a_corte", "cuatrienio", "ninguno")


@dataclass(frozen=True)
class Medida:
    """One row of medidas.csv: everything the code knows about a measure."""

    medida: str
    descripcion: str
    es_dinero: bool  # a figure in pesos
    periodo_por_defecto: str  # one of PERIODOS_POR_DEFECTO
    equivale_a: str  # the general measure it is a kind of (compromisos -> recursos_ejecutados)
    se_recorta_al_corte: bool  # an execution figure: its period ends at the fecha de corte
    acumula_desde_enero: bool  # "a junio" means Jan 1 .. June 30 (not the month of June)
    en_dinero: Optional[str]  # the measure it becomes when its figure is in pesos (meta -> recursos_programados)
    comparacion: Optional[str]  # informes comparar: anual | acumulable | None (not compared across years)
    denominador: Optional[str]  # informes comparar: avance = valor / this measure of the same year
    etapa_presupuestal: Optional[int]  # place in the chain pagos(1) <= obligaciones <= compromisos <= apropiación(4)
    es_objetivo: bool  # a target an executed figure is measured against
    nombre: str  # label of a column or a chart ("Recursos programados")
    nombre_corto: str  # label in tight spaces ("rec. programados")
    nombre_en_frase: str  # inside a Spanish sentence ("la meta del cuatrienio")


def _si_no(fila: dict, columna: str) -> bool:
    valor = (fila.get(columna) or "false").strip().lower()
    if valor not in ("true", "false"):
        raise ValueError(
            f"esquemas/medidas.csv: la medida «{fila['medida']}» tiene {columna} = «{valor}»; se espera true o false"
        )
    return valor == "true"


@cache
def medidas() -> dict[str, Medida]:
    """Every measure of medidas.csv, in file order, by name: the one place a
    measure is defined (money or not, default period, cut at the corte, how
    it compares across years, its labels)."""
    resultado = {}
    for f in filas_vocabulario("medida"):
        nombre = f["medida"].strip()
        periodo = (f.get("periodo_por_defecto") or "ninguno").strip()
        if periodo not in PERIODOS_POR_DEFECTO:
            raise ValueError(
                f"esquemas/medidas.csv: la medida «{nombre}» tiene periodo_por_defecto = «{periodo}»; "
                f"se espera uno de {', '.join(PERIODOS_POR_DEFECTO)}"
            )
        etapa = (f.get("etapa_presupuestal") or "").strip()
        resultado[nombre] = Medida(
            medida=nombre,
            descripcion=f.get("descripcion") or "",
            es_dinero=_si_no(f, "es_dinero"),
            periodo_por_defecto=periodo,
            equivale_a=(f.get("equivale_a") or "").strip() or nombre,
            se_recorta_al_corte=_si_no(f, "se_recorta_al_corte"),
            acumula_desde_enero=_si_no(f, "acumula_desde_enero"),
            en_dinero=(f.get("en_dinero") or "").strip() or None,
            comparacion=(f.get("comparacion") or "").strip() or None,
            denominador=(f.get("denominador") or "").strip() or None,
            etapa_presupuestal=int(etapa) if etapa else None,
            es_objetivo=_si_no(f, "es_objetivo"),
            nombre=(f.get("nombre") or "").strip() or nombre.replace("_", " ").capitalize(),
            nombre_corto=(f.get("nombre_corto") or "").strip() or nombre.replace("_", " "),
            nombre_en_frase=(f.get("nombre_en_frase") or "").strip() or nombre.replace("_", " "),
        )
    return resultado


def medidas_que(condicion) -> frozenset[str]:
    """Names of the measures whose Medida satisfies ``condicion``:
    medidas_que(lambda m: m.se_recorta_al_corte)."""
    return frozenset(n for n, m in medidas().items() if condicion(m))


def medidas_de_dinero() -> set[str]:
    return set(medidas_que(lambda m: m.es_dinero))


def medida_general(medida: str) -> str:
    """The general measure a budget-chain measure is a kind of
    (`equivale_a` in medidas.csv): compromisos → recursos_ejecutados."""
    m = medidas().get(medida)
    return m.equivale_a if m else medida


@dataclass(frozen=True)
class Vista:
    nombre: str
    descripcion: str
    columnas: tuple[tuple[str, str], ...]  # (nombre, descripcion)
    sql: str

    @property
    def nombres(self) -> list[str]:
        return [c for c, _ in self.columnas]


@cache
def vistas() -> dict[str, Vista]:
    """Views of the store (vistas.yaml), in creation order, by name."""
    return {
        nombre: Vista(
            nombre=nombre,
            descripcion=" ".join(v["descripcion"].split()),
            columnas=tuple((c["nombre"], c["descripcion"]) for c in v["columnas"]),
            sql=v["sql"].strip(),
        )
        for nombre, v in cargar_yaml("vistas.yaml").items()
    }
