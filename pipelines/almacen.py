"""DuckDB store of extracted reports.

The tables come from esquemas/tablas.yaml. A report is identified by its
resolved path: loading the same content again changes nothing, loading a
changed file replaces the previous version. Each report is written in one
transaction, in bulk (one Arrow table per store table).
"""
from __future__ import annotations

import hashlib
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import duckdb
import pyarrow as pa

import esquemas
from esquemas import Tabla
from pipelines import identidad, normalizar, validacion

if TYPE_CHECKING:  # the extractor package is imported only where it is used
    from extractor.resultado import InformeExtraido

RESULTADOS = ("cargado", "sin_cambios", "reemplazado", "fallido", "omitido")

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


class ErrorAlmacen(Exception):
    """Error shown to users (Spanish message that names the file)."""


# --------------------------------------------------------------------- schema


def abrir(ruta_db: Path | str, *, solo_lectura: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (and create, unless solo_lectura) the store. solo_lectura requires
    an existing file and does not touch it."""
    ruta_db = Path(ruta_db)
    if solo_lectura and not ruta_db.is_file():
        raise ErrorAlmacen(f"No existe la base de datos {ruta_db}.")
    try:
        con = duckdb.connect(str(ruta_db), read_only=solo_lectura)
    except duckdb.Error as exc:
        raise ErrorAlmacen(f"No se pudo abrir la base de datos {ruta_db}: {exc}") from exc
    if not solo_lectura:
        crear_esquema(con)
    return con


def ddl(tabla: Tabla) -> str:
    """CREATE TABLE IF NOT EXISTS statement of a table of tablas.yaml."""
    partes = [f'"{c.nombre}" {c.tipo}{"" if c.nulo else " NOT NULL"}' for c in tabla.columnas]
    if tabla.clave_primaria:
        partes.append(f"PRIMARY KEY ({', '.join(tabla.clave_primaria)})")
    return f'CREATE TABLE IF NOT EXISTS "{tabla.nombre}" (\n  ' + ",\n  ".join(partes) + "\n)"


def crear_esquema(con: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables, and add columns that tablas.yaml gained since
    the file was created (as nullable columns)."""
    # One query for every table's columns (the store is opened for each
    # report of a load): nothing else runs when the schema is up to date.
    existentes: dict[str, set[str]] = {}
    for tabla, columna in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
    ).fetchall():
        existentes.setdefault(tabla, set()).add(columna)
    for tabla in esquemas.tablas().values():
        if tabla.nombre not in existentes:
            con.execute(ddl(tabla))
            continue
        for c in tabla.columnas:
            if c.nombre not in existentes[tabla.nombre]:
                con.execute(f'ALTER TABLE "{tabla.nombre}" ADD COLUMN "{c.nombre}" {c.tipo}')


# ---------------------------------------------------------------- identities


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


# ---------------------------------------------------------------- validation


def validar(informe: InformeExtraido) -> None:
    """Raise ErrorAlmacen (naming the file) when a value is outside the
    controlled vocabularies or a required field is missing."""
    sha = informe.sha256 or ""
    if len(sha) != 64 or any(ch not in "0123456789abcdefABCDEF" for ch in sha):
        raise ErrorAlmacen(f"{informe.archivo}: el SHA-256 del informe no es válido ({sha!r}).")
    campos = {"medida": "medidas.csv", "unidad": "unidades.csv", "tipo_gasto": "tipos_gasto.csv"}
    permitidos = {campo: esquemas.vocabulario(campo) for campo in campos}
    for n, obs in enumerate(informe.observaciones, start=1):
        donde = f"{informe.archivo}: observación {n} ({obs.indicador!r})"
        if not obs.indicador or not str(obs.indicador).strip():
            raise ErrorAlmacen(f"{donde}: falta el nombre del indicador.")
        for campo, archivo in campos.items():
            valor = getattr(obs, campo)
            if valor is None and campo == "tipo_gasto":
                continue
            if valor not in permitidos[campo]:
                raise ErrorAlmacen(
                    f"{donde}: {campo} {valor!r} no está en el vocabulario (esquemas/{archivo})."
                )
        if not isinstance(obs.valor, (int, float)) or isinstance(obs.valor, bool):
            raise ErrorAlmacen(f"{donde}: el valor {obs.valor!r} no es numérico.")


# ---------------------------------------------------------------------- rows


def _filas(informe: InformeExtraido, ruta: Optional[Path], version: Optional[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every store table for one report."""
    iid = informe_id_de(informe.sha256)
    meta = informe.metadatos
    fila_informe = {c: getattr(meta, c, None) for c in esquemas.tabla("informes").nombres}
    fila_informe.update(
        informe_id=iid, sha256=informe.sha256.lower(), archivo=informe.archivo, ruta=str(ruta) if ruta else None,
        formato=informe.formato, paginas=informe.paginas, cargado_en=datetime.now(),
        version_extractor=version,
    )
    columnas_obs = esquemas.tabla("observaciones").nombres
    dinero = esquemas.medidas_de_dinero()
    observaciones, indicadores = [], {}
    for n, obs in enumerate(informe.observaciones, start=1):
        ind_id = indicador_id_de(iid, obs.indicador_padre, obs.indicador, obs.descripcion)
        fila = {c: getattr(obs, c, None) for c in columnas_obs}
        x0, top, x1, bottom = obs.bbox or (None, None, None, None)
        fila.update(
            observacion_id=f"{iid}-{n:06d}", informe_id=iid, indicador_id=ind_id,
            entidad=meta.entidad, dependencia=meta.dependencia,
            bbox_x0=x0, bbox_top=top, bbox_x1=x1, bbox_bottom=bottom,
        )
        observaciones.append(fila)
        ind = indicadores.setdefault(ind_id, {
            "indicador_id": ind_id, "informe_id": iid, "nombre": obs.indicador,
            "indicador_padre": obs.indicador_padre, "descripcion": obs.descripcion,
            "codigo": None, "unidad": None, "_unidad_dinero": None,
            "clave": " / ".join(x for x in (normalizar(obs.indicador_padre), normalizar(obs.indicador)) if x),
        })
        ind["codigo"] = ind["codigo"] or obs.codigo
        if obs.medida in dinero:
            ind["_unidad_dinero"] = ind["_unidad_dinero"] or obs.unidad
        else:
            ind["unidad"] = ind["unidad"] or obs.unidad
    for ind in indicadores.values():
        unidad_dinero = ind.pop("_unidad_dinero")
        ind["unidad"] = ind["unidad"] or unidad_dinero
    no_mapeadas = [
        {"informe_id": iid, "pagina": f.pagina, "tabla": f.tabla, "fila": f.fila,
         "texto": f.texto, "motivo": f.motivo}
        for f in informe.no_mapeadas
    ]
    return {"informes": [fila_informe], "indicadores": list(indicadores.values()),
            "observaciones": observaciones, "filas_no_mapeadas": no_mapeadas}


def _arrow(tabla: Tabla, filas: list[dict[str, Any]], archivo: str) -> pa.Table:
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


def _insertar(con: duckdb.DuckDBPyConnection, tabla: str, datos: pa.Table) -> None:
    """Bulk insert; DuckDB reads the Arrow table `datos` from this frame
    (replacement scan), matching columns by name."""
    if datos.num_rows:
        con.execute(f'INSERT INTO "{tabla}" BY NAME SELECT * FROM datos')


# ---------------------------------------------------------------------- save


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

    @property
    def informe_id(self) -> str:
        return informe_id_de(self.sha256)


def calentar() -> None:
    """Read once what `preparar` needs (the tables, the vocabularies, and
    pandas, which pyarrow imports on its first conversion: 0,3 s), so that
    the fork server's children (pipelines/precarga.py) start with it."""
    import pandas  # noqa: F401

    esquemas.tablas()
    esquemas.medidas_de_dinero()
    for campo in ("medida", "unidad", "tipo_gasto"):
        esquemas.vocabulario(campo)
    pa.array([0.0], pa.float64()).to_pylist()


def preparar(informe: InformeExtraido, version: Optional[str] = None) -> InformePreparado:
    """Check the report against the vocabularies (ErrorAlmacen naming the
    file), run the validator (esquemas/reglas.yaml) and build the rows of
    every table. The path and load time are set when it is written."""
    validar(informe)
    por_tabla = _filas(informe, None, version if version is not None else version_extractor())
    hallazgos = _validar_cifras(informe, por_tabla)
    meta = informe.metadatos
    return InformePreparado(
        sha256=informe.sha256.lower(), archivo=informe.archivo, formato=informe.formato,
        entidad=meta.entidad, dependencia=meta.dependencia, vigencia=meta.vigencia,
        n_observaciones=len(informe.observaciones), n_no_mapeadas=len(informe.no_mapeadas),
        n_hallazgos=len(hallazgos),
        datos={t: _arrow(esquemas.tabla(t), filas, informe.archivo) for t, filas in por_tabla.items()},
    )


def guardar_informe(
    con: duckdb.DuckDBPyConnection,
    informe: InformeExtraido | InformePreparado,
    ruta: Path,
    *,
    version: Optional[str] = None,
    forzar: bool = False,
) -> str:
    """Save one report in one transaction. Returns 'cargado', 'sin_cambios'
    (same SHA-256 already stored; nothing is written) or 'reemplazado' (the
    same path held another version, whose rows are deleted). forzar=True
    replaces even an identical stored version. On any error the store is
    left exactly as before and the error propagates."""
    prep = informe if isinstance(informe, InformePreparado) else preparar(informe, version)
    ruta = Path(ruta).resolve()
    datos = dict(prep.datos)
    datos["informes"] = _con_ruta(datos["informes"], ruta)

    con.begin()
    try:
        mismo = con.execute("SELECT informe_id FROM informes WHERE sha256 = ?", [prep.sha256]).fetchall()
        if mismo and not forzar:
            con.rollback()
            return "sin_cambios"
        anteriores = {r[0] for r in con.execute(
            "SELECT informe_id FROM informes WHERE ruta = ?", [str(ruta)]).fetchall()}
        anteriores |= {r[0] for r in mismo}
        for tabla in esquemas.tablas().values():
            if tabla.por_informe:
                for iid in sorted(anteriores):
                    con.execute(f'DELETE FROM "{tabla.nombre}" WHERE informe_id = ?', [iid])
        for nombre, tabla_arrow in datos.items():
            _insertar(con, nombre, tabla_arrow)
        identidad.asignar(con, prep.informe_id)  # entidad_clave, indicador_clave
        _guardar_conflictos(con, prep, desde=prep.n_hallazgos + 1)
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return "reemplazado" if anteriores else "cargado"


def _con_ruta(fila_informe: pa.Table, ruta: Path) -> pa.Table:
    """The one-row `informes` table with the report's path and load time."""
    for columna, valor in (("ruta", str(ruta)), ("cargado_en", datetime.now())):
        i = fila_informe.schema.get_field_index(columna)
        fila_informe = fila_informe.set_column(
            i, columna, pa.array([valor], fila_informe.schema.field(i).type))
    return fila_informe


def _validar_cifras(informe: InformeExtraido, por_tabla: dict[str, list[dict[str, Any]]]) -> list:
    """Run the validator (esquemas/reglas.yaml): add the `hallazgos` rows and
    set observaciones.marcada on the observations with an error finding."""
    hallazgos = validacion.validar(informe)
    marcadas = validacion.marcadas(hallazgos)
    for n, fila in enumerate(por_tabla["observaciones"]):
        fila["marcada"] = n in marcadas
    por_tabla["hallazgos"] = validacion.filas_hallazgos(informe_id_de(informe.sha256), hallazgos)
    return hallazgos


def _guardar_conflictos(con: duckdb.DuckDBPyConnection, informe: InformePreparado, desde: int) -> None:
    """Inside the save transaction, after the report's rows are inserted:
    findings for figures that other stored reports give differently. No
    stored value changes (only this report's marks, if the rule is an error)."""
    iid = informe.informe_id
    hallazgos = validacion.conflictos(con, iid)
    if not hallazgos:
        return
    filas = validacion.filas_hallazgos(iid, hallazgos, desde=desde)
    _insertar(con, "hallazgos", _arrow(esquemas.tabla("hallazgos"), filas, informe.archivo))
    marcadas = sorted(f"{iid}-{n + 1:06d}" for n in validacion.marcadas(hallazgos))
    if marcadas:
        con.execute("UPDATE observaciones SET marcada = true WHERE list_contains(?, observacion_id)", [marcadas])


def registrar_carga(
    con: duckdb.DuckDBPyConnection,
    *,
    archivo: str,
    ruta: Path | str,
    resultado: str,
    inicio: datetime,
    fin: Optional[datetime] = None,
    sha256: Optional[str] = None,
    informe_id: Optional[str] = None,
    motivo: Optional[str] = None,
    observaciones: Optional[int] = None,
) -> str:
    """Write the `cargas` row of one attempt (also failures). Returns carga_id."""
    if resultado not in RESULTADOS:
        raise ValueError(f"resultado desconocido: {resultado!r}")
    carga_id = uuid.uuid4().hex
    con.execute(
        "INSERT INTO cargas (carga_id, archivo, ruta, sha256, informe_id, inicio, fin, "
        "resultado, motivo, observaciones) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [carga_id, archivo, str(ruta), sha256, informe_id, inicio, fin or datetime.now(),
         resultado, motivo, observaciones],
    )
    return carga_id


# ------------------------------------------------------------------- queries


def buscar_informe(con: duckdb.DuckDBPyConnection, sha256: str) -> Optional[dict[str, Any]]:
    """Stored report with this SHA-256 (metadata and row counts), or None."""
    filas = con.execute(
        """
        SELECT i.informe_id, i.archivo, i.ruta, i.entidad, i.dependencia, i.vigencia,
               (SELECT count(*) FROM observaciones o WHERE o.informe_id = i.informe_id),
               (SELECT count(*) FROM filas_no_mapeadas f WHERE f.informe_id = i.informe_id)
        FROM informes i WHERE i.sha256 = ?
        """,
        [sha256.lower()],
    ).fetchall()
    if not filas:
        return None
    claves = ("informe_id", "archivo", "ruta", "entidad", "dependencia", "vigencia",
              "observaciones", "no_mapeadas")
    return dict(zip(claves, filas[0]))


def resumen(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Per report: metadata, observations per medida and unmapped rows."""
    informes = con.execute(
        """
        SELECT i.informe_id, i.archivo, i.entidad, i.dependencia, i.vigencia,
               (SELECT count(*) FROM filas_no_mapeadas f WHERE f.informe_id = i.informe_id)
        FROM informes i ORDER BY i.archivo, i.informe_id
        """
    ).fetchall()
    por_medida: dict[str, dict[str, int]] = {}
    for iid, medida, n in con.execute(
        "SELECT informe_id, medida, count(*) FROM observaciones GROUP BY ALL ORDER BY ALL"
    ).fetchall():
        por_medida.setdefault(iid, {})[medida] = n
    return [
        {"informe_id": iid, "archivo": archivo, "entidad": entidad, "dependencia": dep,
         "vigencia": vigencia, "por_medida": por_medida.get(iid, {}),
         "observaciones": sum(por_medida.get(iid, {}).values()), "no_mapeadas": no_map}
        for iid, archivo, entidad, dep, vigencia, no_map in informes
    ]


def hallazgos(con: duckdb.DuckDBPyConnection, severidades: Optional[list[str]] = None) -> list[dict[str, Any]]:
    """Stored findings with their report's archivo, entidad and dependencia,
    by report, then error / advertencia / info, page and id."""
    existe = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'hallazgos' "
                         "AND table_schema = current_schema()").fetchone()[0]
    if not existe:
        raise ErrorAlmacen("La base de datos no tiene la tabla hallazgos (se creó antes del validador); "
                           "vuelva a cargar los informes con: informes cargar --forzar.")
    columnas = list(esquemas.tabla("hallazgos").nombres)
    sql = (
        "SELECT " + ", ".join(f'h."{c}"' for c in columnas) + ", i.archivo, i.entidad, i.dependencia "
        "FROM hallazgos h LEFT JOIN informes i ON i.informe_id = h.informe_id "
        + ("WHERE list_contains(?, h.severidad) " if severidades else "")
        + "ORDER BY i.archivo, h.informe_id, CASE h.severidad WHEN 'error' THEN 0 "
        "WHEN 'advertencia' THEN 1 ELSE 2 END, h.pagina NULLS LAST, h.hallazgo_id"
    )
    filas = con.execute(sql, [severidades] if severidades else []).fetchall()
    return [dict(zip(columnas + ["archivo", "entidad", "dependencia"], f)) for f in filas]
