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
from dataclasses import dataclass, field
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


# stored in esquema_informes; raise it when a migration needs more than ADD COLUMN.
# 2: tables columnas_leidas and correcciones (created by crear_esquema in an older store)
VERSION_ESQUEMA = 2
MARCA = "esquema_informes"  # the table that marks a file as a store of this program


def abrir(ruta_db: Path | str, *, solo_lectura: bool = False,
          memoria_mb: Optional[int] = None) -> duckdb.DuckDBPyConnection:
    """Open (and create or migrate, unless solo_lectura) the store. A
    database that is not a store of this program (other tables, no marker)
    is refused, never altered (ErrorAlmacen). solo_lectura requires an
    existing file and does not touch it. memoria_mb: DuckDB's memory_limit;
    beyond it DuckDB spills to a temp_directory next to the database."""
    ruta_db = Path(ruta_db)
    if solo_lectura and not ruta_db.is_file():
        raise ErrorAlmacen(f"No existe la base de datos {ruta_db}.")
    config: dict[str, Any] = {}
    if memoria_mb:
        config = {"memory_limit": f"{int(memoria_mb)}MB",
                  "temp_directory": str(ruta_db.parent / f".{ruta_db.name}.tmp")}
    try:
        con = duckdb.connect(str(ruta_db), read_only=solo_lectura, config=config)
    except duckdb.Error as exc:
        raise ErrorAlmacen(motivo_duckdb(ruta_db, exc)) from exc
    try:
        if solo_lectura:
            _exigir_almacen(con, ruta_db)
        else:
            crear_esquema(con, ruta_db)
    except BaseException:
        con.close()
        raise
    return con


def motivo_duckdb(ruta_db: Path, exc: BaseException) -> str:
    """Spanish one-liner for a DuckDB error opening `ruta_db` (DuckDB's own
    English text is left for --debug)."""
    texto = str(exc).lower()
    if not ruta_db.parent.is_dir():
        return f"No se pudo abrir la base de datos {ruta_db}: la carpeta {ruta_db.parent} no existe."
    if "lock" in texto and ("conflicting" in texto or "could not set" in texto):
        return f"La base de datos {ruta_db} está ocupada por otro proceso."
    if "not a valid duckdb" in texto or "not a duckdb" in texto or "invalid" in texto and "file" in texto:
        return f"{ruta_db} no es una base de datos DuckDB."
    if "version" in texto and "storage" in texto:
        return f"La base de datos {ruta_db} fue creada por otra versión de DuckDB y no se puede abrir."
    if "permission" in texto:
        return f"No se pudo abrir la base de datos {ruta_db}: permiso denegado."
    if "read-only" in texto or "read only" in texto:
        return f"No se pudo escribir en la base de datos {ruta_db}: está en modo de solo lectura."
    return f"No se pudo abrir la base de datos {ruta_db} (error de DuckDB; detalles con --debug)."


def ddl(tabla: Tabla) -> str:
    """CREATE TABLE IF NOT EXISTS statement of a table of tablas.yaml."""
    partes = [f'"{c.nombre}" {c.tipo}{"" if c.nulo else " NOT NULL"}' for c in tabla.columnas]
    if tabla.clave_primaria:
        partes.append(f"PRIMARY KEY ({', '.join(tabla.clave_primaria)})")
    return f'CREATE TABLE IF NOT EXISTS "{tabla.nombre}" (\n  ' + ",\n  ".join(partes) + "\n)"


def _contenido(con: duckdb.DuckDBPyConnection) -> tuple[dict[str, set[str]], list[str]]:
    """(columns of each table of the main schema, other objects: views not
    in esquemas/vistas.yaml, tables of other schemas, sequences) of the open
    database."""
    tipos = con.execute(
        "SELECT table_schema, table_name, table_type FROM information_schema.tables "
        "WHERE table_catalog = current_database()").fetchall()
    vistas_main = {n for e, n, t in tipos if e == "main" and t != "BASE TABLE"}
    columnas: dict[str, set[str]] = {}
    for tabla, columna in con.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_catalog = current_database() AND table_schema = 'main'"
    ).fetchall():
        if tabla not in vistas_main:
            columnas.setdefault(tabla, set()).add(columna)
    nuestras = esquemas.vistas()  # views of esquemas/vistas.yaml are part of the store
    otros = [f"{e}.{n}" if e != "main" else n for e, n, t in tipos
             if e != "main" or (t != "BASE TABLE" and n not in nuestras)]
    otros += [n for (n,) in con.execute(
        "SELECT sequence_name FROM duckdb_sequences() WHERE database_name = current_database()").fetchall()]
    return columnas, otros


def _ajeno(columnas: dict[str, set[str]], otros: list[str]) -> Optional[list[str]]:
    """None when the database is empty or a store of this program (with the
    marker, or without it but with only our tables and columns: created
    before the marker existed); else the names of what is foreign."""
    if not columnas and not otros:
        return None
    nuestras = esquemas.tablas()
    ajenas = [t for t in columnas if t not in nuestras] + otros
    if MARCA in columnas and not ajenas:
        return None
    ajenas += [t for t, cols in columnas.items()
               if t in nuestras and not cols <= set(nuestras[t].nombres)]
    if "informes" not in columnas and MARCA not in columnas:
        ajenas = ajenas or sorted(columnas)
    return sorted(set(ajenas)) or None


def _rechazo(ruta_db: Path, ajenas: list[str]) -> ErrorAlmacen:
    lista = ", ".join(ajenas[:5]) + (f" y {len(ajenas) - 5} más" if len(ajenas) > 5 else "")
    return ErrorAlmacen(
        f"La base de datos {ruta_db} no es un almacén de informes (tiene otras tablas: {lista}); "
        "no se modifica. Use otro archivo con --db."
    )


def _exigir_almacen(con: duckdb.DuckDBPyConnection, ruta_db: Path) -> None:
    ajenas = _ajeno(*_contenido(con))
    if ajenas:
        raise _rechazo(ruta_db, ajenas)


def crear_esquema(con: duckdb.DuckDBPyConnection, ruta_db: Path | str = "") -> None:
    """Create missing tables and add columns that tablas.yaml gained since
    the file was created (as nullable columns), in one transaction, and set
    the marker (esquema_informes). A database holding anything else is
    refused (ErrorAlmacen) before any change."""
    # One query for every table's columns and one for the views (the store
    # is opened for each report of a load): nothing else runs when the
    # schema is up to date.
    columnas, otros = _contenido(con)
    ajenas = _ajeno(columnas, otros)
    if ajenas:
        raise _rechazo(Path(ruta_db), ajenas)
    if MARCA in columnas:
        version = con.execute(f'SELECT max(version) FROM "{MARCA}"').fetchone()[0]  # type: ignore[index]  # an aggregate: one row
        if version is not None and version > VERSION_ESQUEMA:
            raise ErrorAlmacen(f"La base de datos {ruta_db} fue creada por una versión más nueva de informes "
                               f"(esquema {version}); actualice el programa.")
    cambios = []
    for tabla in esquemas.tablas().values():
        if tabla.nombre not in columnas:
            cambios.append(ddl(tabla))
            continue
        for c in tabla.columnas:
            if c.nombre not in columnas[tabla.nombre]:
                cambios.append(f'ALTER TABLE "{tabla.nombre}" ADD COLUMN "{c.nombre}" {c.tipo}')
    vistas = _vistas_por_crear(con) if not cambios else list(esquemas.vistas().values())
    if not cambios and not vistas:
        return
    con.begin()
    try:
        for sql in cambios:
            con.execute(sql)
        for vista in vistas:
            for sql in ddl_vista(vista):
                con.execute(sql)
        if cambios:
            con.execute(f'DELETE FROM "{MARCA}"')
            con.execute(f'INSERT INTO "{MARCA}" VALUES (?, ?)', [VERSION_ESQUEMA, datetime.now()])
        con.commit()
    except BaseException:
        con.rollback()
        raise


def _marca_vista(vista: esquemas.Vista) -> str:
    """The view's comment: its description and a hash of its SQL, so that a
    changed definition in vistas.yaml is noticed and the view replaced."""
    huella = hashlib.sha256(vista.sql.encode("utf-8")).hexdigest()[:12]
    return f"{vista.descripcion} [{huella}]"


def ddl_vista(vista: esquemas.Vista, temporal: bool = False) -> list[str]:
    """Statements that create (or replace) a view of vistas.yaml."""
    if temporal:
        return [f'CREATE OR REPLACE TEMP VIEW "{vista.nombre}" AS {vista.sql}']
    comentario = _marca_vista(vista).replace("'", "''")
    return [f'CREATE OR REPLACE VIEW "{vista.nombre}" AS {vista.sql}',
            f"COMMENT ON VIEW \"{vista.nombre}\" IS '{comentario}'"]


def _vistas_existentes(con: duckdb.DuckDBPyConnection) -> dict[str, Optional[str]]:
    """Views of the main schema of the open database -> their comment."""
    return dict(con.execute(
        "SELECT view_name, comment FROM duckdb_views() WHERE database_name = current_database() "
        "AND schema_name = 'main' AND NOT internal").fetchall())


def _vistas_por_crear(con: duckdb.DuckDBPyConnection) -> list[esquemas.Vista]:
    existentes = _vistas_existentes(con)
    return [v for v in esquemas.vistas().values() if existentes.get(v.nombre, "") != _marca_vista(v)]


def vistas_temporales(con: duckdb.DuckDBPyConnection) -> None:
    """On a store opened read-only that lacks views of vistas.yaml (written
    by an older version), create them as temporary views of this connection."""
    for vista in _vistas_por_crear(con):
        for sql in ddl_vista(vista, temporal=True):
            con.execute(sql)


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
    """Raise ErrorAlmacen (naming the file) when the report's SHA-256 is not
    valid. Invalid observations do not sink the report: see `apartar_invalidas`."""
    sha = informe.sha256 or ""
    if len(sha) != 64 or any(ch not in "0123456789abcdefABCDEF" for ch in sha):
        raise ErrorAlmacen(f"{informe.archivo}: el SHA-256 del informe no es válido ({sha!r}).")


_CAMPOS_VOCABULARIO = (("medida", "medidas.csv"), ("unidad", "unidades.csv"), ("tipo_gasto", "tipos_gasto.csv"))


def motivo_invalida(obs, permitidos: Optional[dict[str, set[str]]] = None) -> Optional[str]:
    """Why an observation cannot be stored (a value outside the controlled
    vocabularies, no indicator name, a value that is not a number), or None."""
    if not obs.indicador or not str(obs.indicador).strip():
        return "falta el nombre del indicador"
    permitidos = permitidos or {campo: esquemas.vocabulario(campo) for campo, _ in _CAMPOS_VOCABULARIO}
    for campo, archivo in _CAMPOS_VOCABULARIO:
        valor = getattr(obs, campo)
        if valor is None and campo == "tipo_gasto":
            continue
        if valor not in permitidos[campo]:
            return f"{campo} {valor!r} no está en el vocabulario (esquemas/{archivo})"
    if not isinstance(obs.valor, (int, float)) or isinstance(obs.valor, bool):
        return f"el valor {obs.valor!r} no es numérico"
    return None


def apartar_invalidas(informe: InformeExtraido) -> int:
    """Move the observations that cannot be stored to the report's unmapped
    rows (filas_no_mapeadas), with the reason; the rest of the report is
    kept. Returns how many were moved."""
    from extractor.resultado import FilaNoMapeada

    permitidos = {campo: esquemas.vocabulario(campo) for campo, _ in _CAMPOS_VOCABULARIO}
    validas, apartadas = [], 0
    for obs in informe.observaciones:
        motivo = motivo_invalida(obs, permitidos)
        if motivo is None:
            validas.append(obs)
            continue
        apartadas += 1
        texto = " | ".join(str(x) for x in (obs.indicador_padre, obs.indicador, obs.valor_texto) if x) or "(vacía)"
        informe.no_mapeadas.append(FilaNoMapeada(
            texto=texto, motivo=f"cifra no válida, no se guardó como observación: {motivo}",
            pagina=obs.pagina, tabla=obs.tabla, fila=obs.fila))
    informe.observaciones[:] = validas
    return apartadas


# ---------------------------------------------------------------------- rows


def _filas(informe: InformeExtraido, ruta: Optional[Path], version: Optional[str]) -> dict[str, list[dict[str, Any]]]:
    """Rows of every store table for one report."""
    iid = informe_id_de(informe.sha256)
    meta = informe.metadatos
    fila_informe = {c: getattr(meta, c, None) for c in esquemas.tabla("informes").nombres}
    fila_informe.update(
        informe_id=iid, sha256=informe.sha256.lower(), archivo=informe.archivo, ruta=str(ruta) if ruta else None,
        formato=informe.formato, paginas=informe.paginas, cargado_en=datetime.now(),
        version_extractor=version, cobertura=getattr(informe, "cobertura", None),
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
            observacion_id=f"{iid}-{n:06d}", informe_id=iid, indicador_id=ind_id,
            entidad=meta.entidad, dependencia=meta.dependencia,
            bbox_x0=x0, bbox_top=top, bbox_x1=x1, bbox_bottom=bottom,
        )
        observaciones.append(fila)
        ind = indicadores.setdefault(ind_id, {
            "indicador_id": ind_id, "informe_id": iid, "nombre": obs.indicador,
            "indicador_padre": obs.indicador_padre, "descripcion": obs.descripcion,
            "codigo": None, "unidad": None, "acumulacion": None, "_unidad_dinero": None,
            "clave": " / ".join(x for x in (normalizar(obs.indicador_padre), normalizar(obs.indicador)) if x),
        })
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
        {"informe_id": iid, "pagina": f.pagina, "tabla": f.tabla, "fila": f.fila,
         "texto": f.texto, "motivo": f.motivo}
        for f in informe.no_mapeadas
    ]
    sin_destino = []
    for c in getattr(informe, "sin_destino", ()):
        x0, top, x1, bottom = c.bbox or (None, None, None, None)
        sin_destino.append({"informe_id": iid, "pagina": c.pagina, "hoja": c.hoja, "celda": c.celda,
                            "tabla": c.tabla, "fila": c.fila, "columna": c.columna, "texto": c.texto,
                            "contexto": c.contexto, "motivo": c.motivo,
                            "bbox_x0": x0, "bbox_top": top, "bbox_x1": x1, "bbox_bottom": bottom})
    columnas_leidas = [
        {"informe_id": iid, "tabla": c.tabla, "columna": c.columna, "encabezado": c.encabezado, "rol": c.rol,
         "medida": c.medida, "periodo_inicio": c.periodo_inicio, "periodo_fin": c.periodo_fin, "escala": c.escala,
         "nombre": c.nombre, "firma": c.firma, "plantilla": c.plantilla}
        for c in getattr(informe, "columnas_leidas", ())]
    return {"informes": [fila_informe], "indicadores": list(indicadores.values()),
            "observaciones": observaciones, "filas_no_mapeadas": no_mapeadas, "cifras_sin_destino": sin_destino,
            "columnas_leidas": columnas_leidas}


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
    n_invalidas: int = 0  # observations moved to filas_no_mapeadas (apartar_invalidas)
    cobertura: Optional[float] = None  # % of the tables' numbers accounted for (extractor/informe/cobertura.py)
    plantillas: dict[int, str] = field(default_factory=dict)  # table -> reading template applied
    correcciones: int = 0  # figures renamed or rejected by stored corrections (pipelines/carga/correcciones.py)

    @property
    def informe_id(self) -> str:
        return informe_id_de(self.sha256)


def calentar() -> None:
    """Read once what `preparar` needs (the tables, the vocabularies, and
    pandas, which pyarrow imports on its first conversion: 0,3 s), so that
    the fork server's children (pipelines/carga/precarga.py) start with it."""
    import pandas  # noqa: F401

    esquemas.tablas()
    esquemas.medidas_de_dinero()
    for campo in ("medida", "unidad", "tipo_gasto"):
        esquemas.vocabulario(campo)
    pa.array([0.0], pa.float64()).to_pylist()


def preparar(informe: InformeExtraido, version: Optional[str] = None) -> InformePreparado:
    """Check the report (ErrorAlmacen naming the file), move observations
    outside the vocabularies to its unmapped rows, run the validator (esquemas/reglas.yaml) and build the rows of
    every table. The path and load time are set when it is written."""
    validar(informe)
    invalidas = apartar_invalidas(informe)
    por_tabla = _filas(informe, None, version if version is not None else version_extractor())
    hallazgos = _validar_cifras(informe, por_tabla)
    meta = informe.metadatos
    return InformePreparado(
        sha256=informe.sha256.lower(), archivo=informe.archivo, formato=informe.formato,
        entidad=meta.entidad, dependencia=meta.dependencia, vigencia=meta.vigencia,
        n_observaciones=len(informe.observaciones), n_no_mapeadas=len(informe.no_mapeadas),
        n_hallazgos=len(hallazgos), n_invalidas=invalidas, cobertura=getattr(informe, "cobertura", None),
        plantillas=dict(getattr(informe, "plantillas", {}) or {}),
        correcciones=getattr(informe, "correcciones_aplicadas", 0),
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
               (SELECT count(*) FROM filas_no_mapeadas f WHERE f.informe_id = i.informe_id),
               i.cobertura
        FROM informes i WHERE i.sha256 = ?
        """,
        [sha256.lower()],
    ).fetchall()
    if not filas:
        return None
    claves = ("informe_id", "archivo", "ruta", "entidad", "dependencia", "vigencia",
              "observaciones", "no_mapeadas", "cobertura")
    return dict(zip(claves, filas[0]))


def resumen(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Per report: metadata, observations per medida, unmapped rows and the
    coverage audit's percentage (None: no table, or loaded before the audit)."""
    informes = con.execute(
        """
        SELECT i.informe_id, i.archivo, i.entidad, i.dependencia, i.vigencia,
               (SELECT count(*) FROM filas_no_mapeadas f WHERE f.informe_id = i.informe_id),
               i.cobertura
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
         "observaciones": sum(por_medida.get(iid, {}).values()), "no_mapeadas": no_map, "cobertura": cobertura}
        for iid, archivo, entidad, dep, vigencia, no_map, cobertura in informes
    ]


def hallazgos(con: duckdb.DuckDBPyConnection, severidades: Optional[list[str]] = None) -> list[dict[str, Any]]:
    """Stored findings with their report's archivo, entidad and dependencia,
    by report, then error / advertencia / info, page and id."""
    existe = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'hallazgos' "
                         "AND table_schema = current_schema()").fetchone()[0]  # type: ignore[index]  # count(*): one row
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
