"""Saving one extracted report: the composition of validation, store and
identity. `preparar` checks the report, sets apart the observations outside
the vocabularies, runs the validator (esquemas/reglas.yaml) and builds the
rows (a pure function: it runs in the worker that extracted the file);
`guardar_informe` writes them in one transaction (pipelines/almacen) and,
inside it, links identities (pipelines/identidad) and records the figures
that other stored reports give differently."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import duckdb
import pyarrow as pa

import esquemas
import pipelines.identidad as identidad
import pipelines.validacion as validacion
from pipelines.almacen import escritura, valores
from pipelines.almacen.filas import InformePreparado, arrow, filas, informe_id_de, version_extractor
from pipelines.validacion.vocabularios import apartar_invalidas, validar

if TYPE_CHECKING:
    from extractor.resultado import InformeExtraido


def calentar(sin_pandas: bool = False, escritor: bool = False) -> None:
    """Read once what `preparar` needs (the tables, the vocabularies, and
    pandas, which pyarrow imports on its first conversion: 0,3 s), so that
    the fork server's children (pipelines/carga/precarga.py) start with it,
    and the writer has it before the first result arrives (cargar_rutas).

    sin_pandas (the `informes` command, a process that never hands pandas
    objects to pyarrow): that first conversion is made while pandas cannot
    be imported, and pyarrow, which only imported it to ask whether each
    list it converts is a pandas object, remembers the answer (no) for the
    life of the process. Explicit conversions to pandas (`to_pandas`) still
    import it when asked.

    escritor (the process that writes the store): also what linking
    identities reads for its first report (its settings and the lemma table,
    ~30 ms), which the fork server's children never need."""
    import sys

    if sin_pandas and "pandas" not in sys.modules:
        sys.meta_path.insert(0, _SinPandas)  # `import pandas` fails at once
        try:
            pa.array([0.0], pa.float64())
        finally:
            sys.meta_path.remove(_SinPandas)
    else:
        import pandas  # noqa: F401
    esquemas.tablas()
    esquemas.medidas_de_dinero()
    for campo in ("medida", "unidad", "tipo_gasto"):
        esquemas.vocabulario(campo)
    pa.array([0.0], pa.float64()).to_pylist()
    if escritor:
        identidad.config()
        identidad.lema("informes")  # reads the lemma table


class _SinPandas:
    """An import finder under which `import pandas` fails (calentar)."""

    @staticmethod
    def find_spec(nombre: str, *_args: Any) -> None:
        if nombre == "pandas" or nombre.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {nombre!r}", name=nombre)
        return None


def preparar(informe: InformeExtraido, version: Optional[str] = None) -> InformePreparado:
    """Check the report (ErrorAlmacen naming the file), move observations
    outside the vocabularies to its unmapped rows, run the validator (esquemas/reglas.yaml) and build the rows of
    every table. The path and load time are set when it is written."""
    validar(informe)
    invalidas = apartar_invalidas(informe)
    por_tabla = filas(informe, None, version if version is not None else version_extractor())
    hallazgos = _validar_cifras(informe, por_tabla)
    meta = informe.metadatos
    return InformePreparado(
        sha256=informe.sha256.lower(),
        archivo=informe.archivo,
        formato=informe.formato,
        entidad=meta.entidad,
        dependencia=meta.dependencia,
        vigencia=meta.vigencia,
        n_observaciones=len(informe.observaciones),
        n_no_mapeadas=len(informe.no_mapeadas),
        n_hallazgos=len(hallazgos),
        n_invalidas=invalidas,
        cobertura=getattr(informe, "cobertura", None),
        plantillas=dict(getattr(informe, "plantillas", {}) or {}),
        correcciones=getattr(informe, "correcciones_aplicadas", 0),
        datos={t: arrow(esquemas.tabla(t), filas, informe.archivo) for t, filas in por_tabla.items()},
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
    return escritura.escribir(con, prep, ruta, forzar=forzar, ademas=_identidad_y_conflictos)


def _identidad_y_conflictos(con: duckdb.DuckDBPyConnection, prep: InformePreparado) -> None:
    iid = prep.informe_id
    asignados = identidad.asignar(con, iid)  # entidad_clave, indicador_clave
    if asignados:  # older reports that only now have an entity
        valores.reconstruir(con, de=asignados, excluir=[iid])
    cifras = valores.cifras_con_fecha(prep.datos["observaciones"], prep.datos["indicadores"])
    otros = valores.registrar(con, iid, cifras)
    _guardar_conflictos(con, prep, desde=prep.n_hallazgos + 1, cifras=cifras, otros=otros)


def _validar_cifras(informe: InformeExtraido, por_tabla: dict[str, list[dict[str, Any]]]) -> list:
    """Run the validator (esquemas/reglas.yaml): add the `hallazgos` rows and
    set observaciones.marcada on the observations with an error finding."""
    hallazgos = validacion.validar(informe)
    marcadas = validacion.marcadas(hallazgos)
    for n, fila in enumerate(por_tabla["observaciones"]):
        fila["marcada"] = n in marcadas
    por_tabla["hallazgos"] = validacion.filas_hallazgos(informe_id_de(informe.sha256), hallazgos)
    return hallazgos


def _guardar_conflictos(
    con: duckdb.DuckDBPyConnection,
    informe: InformePreparado,
    desde: int,
    cifras: Optional[list[valores.Cifra]] = None,
    otros: Optional[valores.Otros] = None,
) -> None:
    """Inside the save transaction, after the report's rows are inserted:
    findings for its dated figures (`cifras`) that other stored reports give
    differently (`otros`: what they give, from valores.registrar; None:
    read from their figures). No stored value changes (only this report's
    marks, if the rule is an error)."""
    iid = informe.informe_id
    hallazgos = validacion.conflictos(con, iid, cifras=cifras, otros=otros)
    if not hallazgos:
        return
    filas = validacion.filas_hallazgos(iid, hallazgos, desde=desde)
    escritura.insertar(con, "hallazgos", arrow(esquemas.tabla("hallazgos"), filas, informe.archivo))
    marcadas = sorted(f"{iid}-{n + 1:06d}" for n in validacion.marcadas(hallazgos))
    if marcadas:
        con.execute("UPDATE observaciones SET marcada = true WHERE list_contains(?, observacion_id)", [marcadas])
