"""Schema of the store (tablas.yaml) and controlled vocabularies (*.csv),
read as package data so they work from an installed package too."""
from __future__ import annotations

import copy
import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources

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


def _texto(nombre: str) -> str:
    return resources.files(__name__).joinpath(nombre).read_text(encoding="utf-8")


def cargar_yaml(nombre: str):
    """Parsed YAML file of this package, e.g. cargar_yaml("encabezados.yaml").
    Parsed once per process (some are read for every table); each call gets
    its own copy, free to change."""
    return copy.deepcopy(_yaml(nombre))


@cache
def _yaml(nombre: str):
    return yaml.safe_load(_texto(nombre))


@cache
def tablas() -> dict[str, Tabla]:
    """Tables of the store, in creation order, by name."""
    datos = cargar_yaml("tablas.yaml")
    resultado = {}
    for nombre, t in datos.items():
        columnas = tuple(
            Columna(c["nombre"], c["tipo"], bool(c["nulo"]), c["descripcion"])
            for c in t["columnas"]
        )
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


def medidas_de_dinero() -> set[str]:
    return {f["medida"] for f in filas_vocabulario("medida") if f["es_dinero"] == "true"}


def medida_general(medida: str) -> str:
    """The general measure a budget-chain measure is a kind of
    (`equivale_a` in medidas.csv): compromisos → recursos_ejecutados."""
    return {f["medida"]: f.get("equivale_a") or f["medida"] for f in filas_vocabulario("medida")}.get(medida, medida)


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
        nombre: Vista(nombre=nombre, descripcion=" ".join(v["descripcion"].split()),
                      columnas=tuple((c["nombre"], c["descripcion"]) for c in v["columnas"]),
                      sql=v["sql"].strip())
        for nombre, v in cargar_yaml("vistas.yaml").items()
    }
