"""Rows of the store for one extracted report: identifiers, one dict per row
of every store table, and those rows as Arrow tables (`InformePreparado`,
what the single writer writes)."""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import pyarrow as pa

import esquemas
from esquemas import Tabla
from pipelines.almacen.esquema import ErrorAlmacen
from pipelines.texto import normalizar

if TYPE_CHECKING:  # the extractor package is imported only where it is used
    from extractor.resultado import InformeExtraido

# pyarrow's default allocator reserves about 1 GB of address space on its
# first use; the worker that prepares a report runs under an address-space
# limit (--memoria), so Arrow allocates with the system's malloc instead.
pa.set_memory_pool(pa.system_memory_pool())

_TIPOS_ARROW = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


def informe_id_de(sha256: str) -> str:
    return sha256[:16].lower()


def indicador_id_de(informe_id: str, padre: Optional[str], nombre: str, descripcion: Optional[str]) -> str:
    clave = "\x1f".join([informe_id, padre or "", nombre, descripcion or ""])
    return hashlib.sha256(clave.encode("utf-8")).hexdigest()[:16]


def version_extractor() -> Optional[str]:
    """extractor.__version__ if the extractor is loaded, else the package version."""
    version = getattr(sys.modules.get("extractor"), "__version__", None)
    if version:
        return str(version)
    try:
        return metadata.version("informes")
    except metadata.PackageNotFoundError:
        return None


@dataclass
class InformePreparado:
    """One report ready to write: the Arrow table of every store table and
    what the writer reports about it. Built by `preparar`, a pure function of
    the extracted report (it runs in the worker that extracted the file, so
    the single writer only runs SQL); `guardar_preparado` writes it."""

    sha256: str
    archivo: str
    formato: Optional[str]
    entidad: Optional[str]
    dependencia: Optional[str]
    vigencia: Optional[int]
    n_observaciones: int
    n_no_mapeadas: int
    n_hallazgos: int
    datos: dict[str, pa.Table]
    n_invalidas: int = 0  # observations moved to filas_no_mapeadas (apartar_invalidas)
    cobertura: Optional[float] = None  # % of the tables' numbers accounted for (extractor/informe/cobertura.py)
    plantillas: dict[int, str] = field(default_factory=dict)  # table -> reading template applied
    correcciones: int = 0  # figures renamed or rejected by stored corrections (pipelines/carga/correcciones.py)

    @property
    def informe_id(self) -> str:
        return informe_id_de(self.sha256)


def filas(informe: InformeExtraido, ruta: Optional[Path], version: Optional[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every store table for one report."""
    iid = informe_id_de(informe.sha256)
    meta = informe.metadatos
    fila_informe = {c: getattr(meta, c, None) for c in esquemas.tabla("informes").nombres}
    fila_informe.update(
        informe_id=iid,
        sha256=informe.sha256.lower(),
        archivo=informe.archivo,
        ruta=str(ruta) if ruta else None,
        formato=informe.formato,
        paginas=informe.paginas,
        cargado_en=datetime.now(),
        version_extractor=version,
        cobertura=getattr(informe, "cobertura", None),
    )
    columnas_obs = esquemas.tabla("observaciones").nombres
    dinero = esquemas.medidas_de_dinero()
    observaciones: list[dict[str, Any]] = []
    indicadores: dict[str, dict[str, Any]] = {}
    for n, obs in enumerate(informe.observaciones, start=1):
        ind_id = indicador_id_de(iid, obs.indicador_padre, obs.indicador, obs.descripcion)
        fila = {c: getattr(obs, c, None) for c in columnas_obs}
        x0, top, x1, bottom = obs.bbox or (None, None, None, None)
        fila.update(
            observacion_id=f"{iid}-{n:06d}",
            informe_id=iid,
            indicador_id=ind_id,
            entidad=meta.entidad,
            dependencia=meta.dependencia,
            bbox_x0=x0,
            bbox_top=top,
            bbox_x1=x1,
            bbox_bottom=bottom,
        )
        observaciones.append(fila)
        ind = indicadores.setdefault(
            ind_id,
            {
                "indicador_id": ind_id,
                "informe_id": iid,
                "nombre": obs.indicador,
                "indicador_padre": obs.indicador_padre,
                "descripcion": obs.descripcion,
                "codigo": None,
                "unidad": None,
                "acumulacion": None,
                "_unidad_dinero": None,
                "clave": " / ".join(x for x in (normalizar(obs.indicador_padre), normalizar(obs.indicador)) if x),
            },
        )
        ind["codigo"] = ind["codigo"] or obs.codigo
        ind["acumulacion"] = ind["acumulacion"] or getattr(obs, "acumulacion", None)
        if obs.medida in dinero:
            ind["_unidad_dinero"] = ind["_unidad_dinero"] or obs.unidad
        else:
            ind["unidad"] = ind["unidad"] or obs.unidad
    for ind in indicadores.values():
        unidad_dinero = ind.pop("_unidad_dinero")
        ind["unidad"] = ind["unidad"] or unidad_dinero
    no_mapeadas = [
        {"informe_id": iid, "pagina": f.pagina, "tabla": f.tabla, "fila": f.fila, "texto": f.texto, "motivo": f.motivo}
        for f in informe.no_mapeadas
    ]
    sin_destino = []
    for c in getattr(informe, "sin_destino", ()):
        x0, top, x1, bottom = c.bbox or (None, None, None, None)
        sin_destino.append(
            {
                "informe_id": iid,
                "pagina": c.pagina,
                "hoja": c.hoja,
                "celda": c.celda,
                "tabla": c.tabla,
                "fila": c.fila,
                "columna": c.columna,
                "texto": c.texto,
                "contexto": c.contexto,
                "motivo": c.motivo,
                "bbox_x0": x0,
                "bbox_top": top,
                "bbox_x1": x1,
                "bbox_bottom": bottom,
            }
        )
    columnas_leidas = [
        {
            "informe_id": iid,
            "tabla": c.tabla,
            "columna": c.columna,
            "encabezado": c.encabezado,
            "rol": c.rol,
            "medida": c.medida,
            "periodo_inicio": c.periodo_inicio,
            "periodo_fin": c.periodo_fin,
            "escala": c.escala,
            "nombre": c.nombre,
            "firma": c.firma,
            "plantilla": c.plantilla,
        }
        for c in getattr(informe, "columnas_leidas", ())
    ]
    return {
        "informes": [fila_informe],
        "indicadores": list(indicadores.values()),
        "observaciones": observaciones,
        "filas_no_mapeadas": no_mapeadas,
        "cifras_sin_destino": sin_destino,
        "columnas_leidas": columnas_leidas,
    }


def arrow(tabla: Tabla, filas: list[dict[str, Any]], archivo: str) -> pa.Table:
    columnas = {}
    for c in tabla.columnas:
        valores = [f.get(c.nombre) for f in filas]
        try:
            columnas[c.nombre] = pa.array(valores, type=_TIPOS_ARROW[c.tipo])
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise ErrorAlmacen(
                f"{archivo}: valor inválido en la columna {tabla.nombre}.{c.nombre} ({c.tipo}): {exc}"
            ) from exc
    return pa.table(columnas)


def con_ruta(fila_informe: pa.Table, ruta: Path) -> pa.Table:
    """The one-row `informes` table with the report's path and load time."""
    for columna, valor in (("ruta", str(ruta)), ("cargado_en", datetime.now())):
        i = fila_informe.schema.get_field_index(columna)
        fila_informe = fila_informe.set_column(i, columna, pa.array([valor], fila_informe.schema.field(i).type))
    return fila_informe
