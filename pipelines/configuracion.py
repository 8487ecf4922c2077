"""The user's settings: an optional `informes.toml` in the working folder,
so that nobody edits the installed files of esquemas/.

    db = "datos/indicadores.duckdb"      # the database (relative to the folder)

    [reglas]                             # the validator (esquemas/reglas.yaml)
    tolerancia_relativa = 0.0001
    [reglas.ejecucion_escala]
    razon_minima = 5                     # a threshold of that rule
    severidad = "error"                  # also: activa = false

Precedence of the database: the --db option, then the INFORMES_DB
environment variable, then `db` here, then indicadores.duckdb
(pipelines/cli/base.py). The rules' settings here change those of reglas.yaml
(pipelines/validacion/__init__.py); they apply when reports are loaded.

A file that is not valid TOML, or that names an unknown key, rule or
threshold, raises ErrorConfiguracion with a Spanish message naming the
file: a typo must not be silently ignored.
"""

from __future__ import annotations

import copy
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

ARCHIVO = "informes.toml"
_CLAVES = ("db", "reglas")
_GLOBALES_REGLAS = ("tolerancia_relativa", "tolerancia_absoluta")
_DE_REGLA = ("severidad", "activa")


class ErrorConfiguracion(ValueError):
    """informes.toml cannot be read or names something that does not exist."""


@dataclass(frozen=True)
class Configuracion:
    archivo: Optional[Path] = None  # None: there is no informes.toml
    db: Optional[Path] = None
    reglas: dict[str, Any] = field(default_factory=dict)


def leer(carpeta: Optional[Path] = None) -> Configuracion:
    """The settings of `carpeta` (the working folder by default)."""
    ruta = Path(carpeta or Path.cwd()) / ARCHIVO
    if not ruta.is_file():
        return Configuracion()
    try:
        datos = tomllib.loads(ruta.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ErrorConfiguracion(f"{ruta}: no es un archivo TOML válido ({exc}).") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ErrorConfiguracion(f"{ruta}: no se pudo leer ({exc}).") from exc
    desconocidas = sorted(set(datos) - set(_CLAVES))
    if desconocidas:
        raise ErrorConfiguracion(
            f"{ruta}: clave desconocida {', '.join(desconocidas)}; las claves son {', '.join(_CLAVES)}."
        )
    db = datos.get("db")
    if db is not None and (not isinstance(db, str) or not db.strip()):
        raise ErrorConfiguracion(f"{ruta}: db debe ser el nombre de un archivo entre comillas.")
    reglas = datos.get("reglas", {})
    if not isinstance(reglas, dict):
        raise ErrorConfiguracion(f"{ruta}: reglas debe ser una sección [reglas].")
    return Configuracion(archivo=ruta, db=(ruta.parent / db) if db else None, reglas=reglas)


def aplicar_reglas(base: dict, conf: Configuracion) -> dict:
    """reglas.yaml's parsed structure `base` with the settings of `conf`
    applied (a copy)."""
    datos = copy.deepcopy(base)
    if not conf.reglas:
        return datos
    conocidas = datos.get("reglas") or {}
    for clave, valor in conf.reglas.items():
        if clave in _GLOBALES_REGLAS:
            datos[clave] = _numero(conf, clave, valor)
            continue
        if clave not in conocidas:
            raise ErrorConfiguracion(
                f"{conf.archivo}: [reglas.{clave}] no es una regla ni un ajuste; las reglas son: "
                f"{', '.join(conocidas)}; los ajustes generales: {', '.join(_GLOBALES_REGLAS)}."
            )
        if not isinstance(valor, dict):
            raise ErrorConfiguracion(f"{conf.archivo}: reglas.{clave} debe ser una sección [reglas.{clave}].")
        regla = conocidas[clave]
        umbrales = regla.setdefault("umbrales", {}) or {}
        regla["umbrales"] = umbrales
        for nombre, v in valor.items():
            if nombre == "activa":
                if not isinstance(v, bool):
                    raise ErrorConfiguracion(f"{conf.archivo}: reglas.{clave}.activa debe ser true o false.")
                regla["activa"] = v
            elif nombre == "severidad":
                regla["severidad"] = v  # checked with the rest of reglas.yaml (validacion.config_de)
            elif nombre in umbrales and isinstance(umbrales[nombre], bool):
                if not isinstance(v, bool):
                    raise ErrorConfiguracion(f"{conf.archivo}: reglas.{clave}.{nombre} debe ser true o false.")
                umbrales[nombre] = v
            elif nombre in umbrales:
                umbrales[nombre] = _numero(conf, f"{clave}.{nombre}", v)
            else:
                tiene = ", ".join(list(umbrales) + list(_DE_REGLA))
                raise ErrorConfiguracion(
                    f"{conf.archivo}: la regla {clave} no tiene el ajuste {nombre}; tiene: {tiene}."
                )
    return datos


def _numero(conf: Configuracion, nombre: str, valor: Any) -> Any:
    if isinstance(valor, bool) or not isinstance(valor, (int, float)):
        raise ErrorConfiguracion(f"{conf.archivo}: reglas.{nombre} debe ser un número.")
    return valor
