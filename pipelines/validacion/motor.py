"""Validation engine: findings (hallazgos) about the figures of one report.

`validar(informe)` is a pure function over one report's observations: it runs
every active rule of esquemas/reglas.yaml (rules live in pipelines/validacion/reglas/,
one small function each, registered under their id with @regla) and returns
a list of Hallazgo. `conflictos(con, informe_id)` is the one rule that needs
the store: figures that other reports already loaded give differently.

A rule yields Caso objects (the observations concerned, related ones and the
fields of its message); the engine turns them into Hallazgo with the
severity and the Spanish message template of the configuration.
"""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Optional

import esquemas
from extractor.castellano import palabras
from pipelines.texto import normalizar

if TYPE_CHECKING:
    import duckdb

    from extractor.resultado import InformeExtraido, Observacion
    from pipelines.almacen.valores import Cifra, Otros, Valor

SEVERIDADES = ("error", "advertencia", "info")
_bitacora = logging.getLogger(__name__)


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class Hallazgo:
    regla: str
    severidad: str  # error | advertencia | info
    mensaje: str  # Spanish, names the indicator, the figures and the page
    observaciones: tuple[int, ...] = ()  # indexes (from 0) of the observations at fault; marked if error
    relacionadas: tuple[int, ...] = ()  # other observations the finding compares with
    indicador: Optional[str] = None
    medida: Optional[str] = None
    periodo_fin: Optional[date] = None
    pagina: Optional[int] = None


@dataclass
class Caso:
    """What a rule found; the engine adds severity and message."""

    observaciones: tuple[int, ...]
    datos: dict[str, Any] = field(default_factory=dict)
    relacionadas: tuple[int, ...] = ()


# ------------------------------------------------------------ configuration


@dataclass(frozen=True)
class ConfigRegla:
    severidad: str
    activa: bool
    mensaje: str
    umbrales: Mapping[str, Any]


@dataclass(frozen=True)
class Config:
    reglas: Mapping[str, ConfigRegla]
    tolerancia_relativa: float = 0.00001
    tolerancia_absoluta: float = 0.01
    palabras_stock: tuple[str, ...] = ()


class ErrorConfig(ValueError):
    """esquemas/reglas.yaml (or a configuration given) is not valid."""


def config_de(datos: Mapping[str, Any]) -> Config:
    """Config from the parsed structure of reglas.yaml."""
    reglas = {}
    for rid, r in (datos.get("reglas") or {}).items():
        severidad = r.get("severidad")
        if severidad not in SEVERIDADES:
            raise ErrorConfig(
                f"reglas.yaml: la regla {rid} tiene severidad {severidad!r}; use {', '.join(SEVERIDADES)}."
            )
        if not r.get("mensaje"):
            raise ErrorConfig(f"reglas.yaml: la regla {rid} no tiene mensaje.")
        reglas[rid] = ConfigRegla(severidad, bool(r.get("activa", True)), r["mensaje"], dict(r.get("umbrales") or {}))
    return Config(
        reglas=reglas,
        tolerancia_relativa=float(datos.get("tolerancia_relativa", 0.00001)),
        tolerancia_absoluta=float(datos.get("tolerancia_absoluta", 0.01)),
        palabras_stock=tuple(normalizar(p) for p in datos.get("palabras_stock", ())),
    )


@cache
def config_por_defecto() -> Config:
    """esquemas/reglas.yaml with the settings of the working folder's
    informes.toml (pipelines/configuracion.py) applied."""
    import pipelines.configuracion as configuracion

    conf = configuracion.leer()
    try:
        return config_de(configuracion.aplicar_reglas(esquemas.cargar_yaml("reglas.yaml"), conf))
    except ErrorConfig as exc:
        if conf.archivo is None:
            raise
        raise configuracion.ErrorConfiguracion(f"{conf.archivo}: {str(exc).removeprefix('reglas.yaml: ')}") from exc


# ----------------------------------------------------------------- registry

Regla = Callable[["Contexto", Mapping[str, Any]], Iterable[Caso]]
_REGISTRO: dict[str, Regla] = {}


def regla(rid: str) -> Callable[[Regla], Regla]:
    """Register a rule function under its id in reglas.yaml."""

    def registrar(funcion: Regla) -> Regla:
        _REGISTRO[rid] = funcion
        return funcion

    return registrar


def reglas_registradas() -> dict[str, Regla]:
    """Registered rules by id (importing the package pipelines.validacion
    imports pipelines/validacion/reglas/, which registers them)."""
    return dict(_REGISTRO)


# ------------------------------------------------------------------ context


class Contexto:
    """One report's observations with the indexes rules share."""

    def __init__(self, informe: InformeExtraido, config: Config):
        self.informe = informe
        self.meta = informe.metadatos
        self.obs: list[Observacion] = list(informe.observaciones)
        self.config = config
        self.grupos: dict[tuple, list[int]] = {}
        self._stock: dict[tuple, bool] = {}
        for i, o in enumerate(self.obs):
            self.grupos.setdefault((o.indicador, o.indicador_padre), []).append(i)

    # -- comparisons
    def igual(self, a: float, b: float) -> bool:
        c = self.config
        return abs(a - b) <= max(c.tolerancia_absoluta, c.tolerancia_relativa * max(abs(a), abs(b)))

    def mayor(self, a: float, b: float) -> bool:
        """a > b beyond the tolerance."""
        return a > b and not self.igual(a, b)

    # -- selections
    def de(self, indices: Iterable[int], *medidas: str) -> list[int]:
        return [i for i in indices if self.obs[i].medida in medidas]

    def acumulacion(self, indices: list[int]) -> Optional[str]:
        """The type of accumulation the report states for the indicator
        (SisPT "Tipo de acumulación"): acumulativo, no_acumulativo or None."""
        return next((t for t in (getattr(self.obs[i], "acumulacion", None) for i in indices) if t), None)

    def se_suma(self, indices: list[int]) -> bool:
        """Whether the indicator's figures of successive periods add up to
        its cumulative figure: the stated type of accumulation decides;
        without one, any indicator but a stock."""
        tipo = self.acumulacion(indices)
        if tipo is not None:
            return tipo == "acumulativo"
        return not self.es_stock(indices)

    def es_stock(self, indices: list[int]) -> bool:
        """Stock indicator: a name word of palabras_stock, or a cumulative
        value equal to the last value of its monthly series (not their sum)."""
        clave = tuple(indices)
        if clave not in self._stock:
            self._stock[clave] = self._es_stock(indices)
        return self._stock[clave]

    def _es_stock(self, indices: list[int]) -> bool:
        o = self.obs[indices[0]]
        nombre = f" {normalizar(o.indicador_padre)} {normalizar(o.indicador)} "
        if any(f" {p}" in nombre for p in self.config.palabras_stock):  # words start there
            return True
        mensual = serie_mensual(self, indices)
        if len(mensual) < 2:
            return False
        ultimo = self.obs[mensual[-1]]
        suma = sum(self.obs[i].valor for i in mensual)
        for a in self.de(indices, "acumulado"):
            acum = self.obs[a]
            if (
                acum.periodo_fin == ultimo.periodo_fin
                and self.igual(acum.valor, ultimo.valor)
                and not self.igual(acum.valor, suma)
            ):
                return True
        return False


def serie_mensual(ctx: Contexto, indices: list[int]) -> list[int]:
    """The ejecutado observations of single whole months, by period end."""
    meses = [i for i in ctx.de(indices, "ejecutado") if es_mes(ctx.obs[i].periodo_inicio, ctx.obs[i].periodo_fin)]
    return sorted(meses, key=lambda i: fin_conocido(ctx.obs[i]))


def inicio_conocido(o: Observacion) -> date:
    """Period start of an observation already known to have one (sort key)."""
    assert o.periodo_inicio is not None, "observación sin inicio de periodo"
    return o.periodo_inicio


def fin_conocido(o: Observacion) -> date:
    """Period end of an observation already known to have one (sort key)."""
    assert o.periodo_fin is not None, "observación sin fin de periodo"
    return o.periodo_fin


# ------------------------------------------------------------------ periods


def fin_de_mes(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def es_mes(inicio: Optional[date], fin: Optional[date]) -> bool:
    return bool(inicio and fin and inicio.day == 1 and fin == fin_de_mes(inicio))


def contiene(exterior: Observacion, interior: Observacion) -> bool:
    """interior's period lies inside exterior's (both known)."""
    if not (exterior.periodo_inicio and exterior.periodo_fin and interior.periodo_inicio and interior.periodo_fin):
        return False
    return exterior.periodo_inicio <= interior.periodo_inicio and interior.periodo_fin <= exterior.periodo_fin


def cubren(total: Observacion, partes: list[Observacion]) -> bool:
    """The parts' periods tile total's period exactly (no gap, no overlap)."""
    if len(partes) < 2 or not all(p.periodo_inicio and p.periodo_fin for p in partes):
        return False
    partes = sorted(partes, key=inicio_conocido)
    if partes[0].periodo_inicio != total.periodo_inicio or partes[-1].periodo_fin != total.periodo_fin:
        return False
    return all(b.periodo_inicio == fin_conocido(a) + timedelta(days=1) for a, b in zip(partes, partes[1:]))


# --------------------------------------------------------------- formatting

_MESES = palabras.nombres_de_meses()  # esquemas/castellano.yaml


def cifra(valor: float, unidad: Optional[str] = None) -> str:
    """es-CO figure: 1681 -> '1.681', 983286659.67 -> '983.286.659,67',
    0.25 -> '0,25'; '$ ' before pesos and ' %' after percentages."""
    if abs(valor - round(valor)) < 1e-9:
        texto = f"{int(round(valor)):,}"
    else:
        texto = f"{valor:,.2f}".rstrip("0").rstrip(".")
    texto = texto.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if unidad == "pesos":
        return f"$ {texto}"
    if unidad == "porcentaje":
        return f"{texto} %"
    return texto


def cifra_de(o: Observacion) -> str:
    return cifra(o.valor, o.unidad)


def nombre_medida(medida: Optional[str]) -> str:
    """A measure inside a Spanish sentence (medidas.csv `nombre_en_frase`)."""
    m = esquemas.medidas().get(medida or "")
    return m.nombre_en_frase if m else (medida or "").replace("_", " ")


def texto_periodo(inicio: Optional[date], fin: Optional[date]) -> str:
    """'2017', 'septiembre de 2017', 'junio a septiembre de 2017',
    '2016 a 2019' or dates; 'sin periodo' when unknown."""
    if not inicio or not fin:
        return "sin periodo" if not fin else f"hasta el {fin:%d/%m/%Y}"
    meses_completos = inicio.day == 1 and fin == fin_de_mes(fin)
    if meses_completos and inicio.month == 1 and fin.month == 12:
        return str(inicio.year) if inicio.year == fin.year else f"{inicio.year} a {fin.year}"
    if meses_completos and inicio.year == fin.year:
        if inicio.month == fin.month:
            return f"{_MESES[fin.month - 1]} de {fin.year}"
        return f"{_MESES[inicio.month - 1]} a {_MESES[fin.month - 1]} de {fin.year}"
    return f"{inicio:%d/%m/%Y} a {fin:%d/%m/%Y}"


def periodo_de(o: Observacion) -> str:
    return texto_periodo(o.periodo_inicio, o.periodo_fin)


def texto_pagina(pagina: Optional[int]) -> str:
    return f" (p. {pagina})" if pagina else ""


def texto_lugar(o: Observacion) -> str:
    """Where a person finds the figure: " (hoja Plan, celda P3)" in a
    spreadsheet, " (p. 3)" in a document."""
    if getattr(o, "celda", None):
        return f" (hoja {o.hoja}, celda {o.celda})"
    return texto_pagina(o.pagina)


def nombre_indicador(o: Observacion) -> str:
    return f"{o.indicador_padre} / {o.indicador}" if o.indicador_padre else o.indicador


class _Campos(dict):
    def __missing__(self, clave: str) -> str:  # a template naming a field the rule lacks
        return "{" + clave + "}"


def _mensaje(plantilla: str, principal: Optional[Observacion], datos: Mapping[str, Any]) -> str:
    campos = _Campos()
    if principal is not None:
        campos.update(
            indicador=nombre_indicador(principal),
            medida=nombre_medida(principal.medida),
            periodo=periodo_de(principal),
            pagina=texto_lugar(principal),
        )
    campos.update(datos)
    return plantilla.format_map(campos)


# -------------------------------------------------------------------- engine


def _config(config: Config | Mapping[str, Any] | None) -> Config:
    if config is None:
        return config_por_defecto()
    return config if isinstance(config, Config) else config_de(config)


def hallazgo_de(rid: str, cfg: ConfigRegla, caso: Caso, obs: list[Observacion]) -> Hallazgo:
    principal = obs[caso.observaciones[0]] if caso.observaciones else None
    return Hallazgo(
        regla=rid,
        severidad=cfg.severidad,
        mensaje=_mensaje(cfg.mensaje, principal, caso.datos),
        observaciones=tuple(caso.observaciones),
        relacionadas=tuple(caso.relacionadas),
        indicador=principal.indicador if principal else caso.datos.get("indicador"),
        medida=principal.medida if principal else None,
        periodo_fin=principal.periodo_fin if principal else None,
        pagina=principal.pagina if principal else None,
    )


def validar(informe: InformeExtraido, config: Config | Mapping[str, Any] | None = None) -> list[Hallazgo]:
    """Findings of every active rule on one report, in rule order (as in
    reglas.yaml), then by observation. A rule that fails with an unexpected
    exception gives one `info` finding saying so instead of stopping the load."""
    cfg = _config(config)
    ctx = Contexto(informe, cfg)
    registradas = reglas_registradas()
    hallazgos: list[Hallazgo] = []
    for rid, cfg_regla in cfg.reglas.items():
        funcion = registradas.get(rid)
        if funcion is None or not cfg_regla.activa:
            continue
        try:
            casos = list(funcion(ctx, cfg_regla.umbrales))
        except Exception as exc:  # noqa: BLE001 - a broken rule must not block loading
            _bitacora.exception("la regla %s falló en %s", rid, informe.archivo)
            hallazgos.append(Hallazgo(rid, "info", f"No se pudo aplicar la regla {rid}: {type(exc).__name__}: {exc}"))
            continue
        casos.sort(key=lambda c: c.observaciones)
        hallazgos.extend(hallazgo_de(rid, cfg_regla, c, ctx.obs) for c in casos)
    return hallazgos


def marcadas(hallazgos: Iterable[Hallazgo]) -> set[int]:
    """Indexes of the observations with an error-level finding."""
    return {i for h in hallazgos if h.severidad == "error" for i in h.observaciones}


def filas_hallazgos(informe_id: str, hallazgos: Iterable[Hallazgo], desde: int = 1) -> list[dict[str, Any]]:
    """Rows of the `hallazgos` table (ids numbered from `desde`)."""
    return [
        {
            "hallazgo_id": f"{informe_id}-H{n:05d}",
            "informe_id": informe_id,
            "observacion_id": f"{informe_id}-{h.observaciones[0] + 1:06d}" if h.observaciones else None,
            "regla": h.regla,
            "severidad": h.severidad,
            "indicador": h.indicador,
            "medida": h.medida,
            "periodo_fin": h.periodo_fin,
            "pagina": h.pagina,
            "mensaje": h.mensaje,
        }
        for n, h in enumerate(hallazgos, start=desde)
    ]


# ------------------------------------------------- cross-report conflicts

# This report's dated observations (n, with their indicator key) against
# the other reports' observations of the same entity: each other
# observation is joined to n by the whole key (indicator key, measure,
# period, expense type, source) as one composite value, which needs the
# other observation's indicator first, so the join order is fixed: DuckDB
# cannot pair every observation of the same entity, measure and period
# before it looks at the indicator (it chose that order for a join on
# separate columns: a 12.000-figure workbook made billions of rows and
# gigabytes). Only the pairs with different values are kept and reduced to
# one row per conflicting figure: the first other report (by load time,
# file, observation) and how many files differ. Nothing is materialized in
# between (a chain of materialized tables cost more than the joins).
_SQL_CONFLICTOS = """
WITH n AS (
  SELECT n.observacion_id, n.indicador, n.indicador_padre, n.medida, n.periodo_inicio, n.periodo_fin,
         n.valor, n.unidad, n.pagina,
         row(ni.clave, n.medida, n.periodo_inicio, n.periodo_fin, n.tipo_gasto, n.fuente_financiacion) AS k
  FROM observaciones n JOIN indicadores ni ON ni.indicador_id = n.indicador_id
  WHERE n.informe_id = $informe AND n.periodo_fin IS NOT NULL
),
p AS (
  SELECT n.*, o.valor AS otro_valor, o.pagina AS otra_pagina, o.informe_id AS otro_informe,
         o.observacion_id AS otra_observacion
  FROM observaciones o
  JOIN indicadores xi ON xi.indicador_id = o.indicador_id
  JOIN n ON row(xi.clave, o.medida, o.periodo_inicio, o.periodo_fin, o.tipo_gasto, o.fuente_financiacion)
            IS NOT DISTINCT FROM n.k
  WHERE o.entidad_clave = $entidad AND xi.entidad_clave = $entidad AND xi.informe_id <> $informe
    AND abs(o.valor - n.valor) > greatest($abs, $rel * greatest(abs(o.valor), abs(n.valor)))
)
SELECT p.observacion_id, any_value(p.indicador), any_value(p.indicador_padre), any_value(p.medida),
       any_value(p.periodo_inicio), any_value(p.periodo_fin), any_value(p.valor), any_value(p.unidad),
       any_value(p.pagina), min((oi.cargado_en, oi.archivo, p.otra_observacion, p.otro_valor, p.otra_pagina)),
       len(list_distinct(list(oi.archivo)))
FROM p JOIN informes oi ON oi.informe_id = p.otro_informe
GROUP BY p.observacion_id
ORDER BY p.observacion_id
"""


def _filas_de_valores(
    cifras: list[Cifra], otros: Mapping[tuple, list[Valor]], tol_abs: float, tol_rel: float
) -> Optional[list[tuple]]:
    """The rows of _SQL_CONFLICTOS from the values other reports give for
    each key: per figure with a different value, the first other figure
    (load time, file, observation, value, page) and how many files differ.
    None when a figure differs from two values that share a file (their
    counts cannot be added)."""
    filas = []
    for c in sorted(cifras, key=lambda c: c.observacion_id):
        distintos = [
            v
            for v in otros.get(c.clave, ())
            if abs(v.valor - c.valor) > max(tol_abs, tol_rel * max(abs(v.valor), abs(c.valor)))
        ]
        if not distintos:
            continue
        if len(distintos) > 1 and any(v.compartido for v in distintos):
            return None
        cargado, archivo, oid, pagina = min(distintos, key=lambda v: v.primera[:3]).primera
        otro_valor = next(v.valor for v in distintos if v.primera[2] == oid)
        _clave, medida, inicio, fin, _gasto, _fuente = c.clave
        filas.append(
            (
                c.observacion_id,
                c.indicador,
                c.indicador_padre,
                medida,
                inicio,
                fin,
                c.valor,
                c.unidad,
                c.pagina,
                (cargado, archivo, oid, otro_valor, pagina),
                sum(v.archivos for v in distintos),
            )
        )
    return filas


def _otros_informes_de_la_entidad(con: duckdb.DuckDBPyConnection, informe_id: str) -> Optional[str]:
    """The report's entity key (pipelines/identidad/entidades.py: its DANE code or
    normalized name) when another stored report has it, else None (then
    there is nothing to compare with)."""
    fila = con.execute(
        "SELECT i.entidad_clave FROM informes i WHERE i.informe_id = ? "
        "AND (i.entidad IS NOT NULL OR i.codigo_divipola IS NOT NULL) AND EXISTS "
        "(SELECT 1 FROM informes o WHERE o.entidad_clave = i.entidad_clave AND o.informe_id <> i.informe_id)",
        [informe_id],
    ).fetchone()
    return fila[0] if fila else None


def conflictos(
    con: duckdb.DuckDBPyConnection,
    informe_id: str,
    config: Config | Mapping[str, Any] | None = None,
    *,
    cifras: Optional[list[Cifra]] = None,
    otros: Optional[Otros] = None,
) -> list[Hallazgo]:
    """Observations of report `informe_id` (already inserted) that another
    stored report of the same entity (entidad_clave) gives with a different value (same
    indicadores.clave, medida, period, tipo_gasto and fuente). Nothing is
    overwritten: each report keeps its own figure; the finding goes to the
    report loaded later. `cifras` and `otros`: the report's dated figures
    and what the other reports give for their keys (valores.registrar,
    pipelines/almacen/valores.py); without them, or when those values
    cannot be counted apart, the other reports' figures are read."""
    cfg = _config(config)
    cfg_regla = cfg.reglas.get("conflicto_entre_informes")
    if cfg_regla is None or not cfg_regla.activa:
        return []
    entidad = _otros_informes_de_la_entidad(con, informe_id) if otros is None else otros.entidad
    if entidad is None:
        return []
    tolerancias = (cfg.tolerancia_absoluta, cfg.tolerancia_relativa)
    filas = None
    if cifras is not None and otros is not None and otros.valores is not None:
        filas = _filas_de_valores(cifras, otros.valores, *tolerancias)
    if filas is None:
        filas = con.execute(
            _SQL_CONFLICTOS, {"informe": informe_id, "entidad": entidad, "abs": tolerancias[0], "rel": tolerancias[1]}
        ).fetchall()
    hallazgos = []
    for oid, indicador, padre, medida, inicio, fin, valor, unidad, pagina, primera, informes in filas:
        _cargado, otro_archivo, _otra, otro_valor, otra_pagina = primera
        mas = informes - 1
        datos = {
            "indicador": f"{padre} / {indicador}" if padre else indicador,
            "medida": nombre_medida(medida),
            "periodo": texto_periodo(inicio, fin),
            "pagina": texto_pagina(pagina),
            "valor": cifra(valor, unidad),
            "otro_valor": cifra(otro_valor, unidad),
            "otro_archivo": otro_archivo,
            "otra_pagina": texto_pagina(otra_pagina),
            "otros": f" y en {mas} informe{'s' if mas > 1 else ''} más" if mas else "",
        }
        hallazgos.append(
            Hallazgo(
                regla="conflicto_entre_informes",
                severidad=cfg_regla.severidad,
                mensaje=_mensaje(cfg_regla.mensaje, None, datos),
                observaciones=(int(oid.rsplit("-", 1)[1]) - 1,),
                indicador=indicador,
                medida=medida,
                periodo_fin=fin,
                pagina=pagina,
            )
        )
    return hallazgos
