"""Python API of `informes`, for notebooks and scripts (re-exported by
`pipelines`):

    from pipelines import leer, abrir

    observaciones, hallazgos = leer("informes/")          # no database
    with abrir("indicadores.duckdb") as almacen:          # read-only
        df = almacen.observaciones()
        largas = almacen.consulta("SELECT * FROM observaciones_largas")

Every function returns pandas DataFrames whose columns are the store's
(esquemas/tablas.yaml): the export columns first (`exportacion`), then the
rest. Errors are ErrorApi (a ValueError) with a Spanish message.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Union

import esquemas

if TYPE_CHECKING:
    import pandas as pd

Ruta = Union[str, Path]


class ErrorApi(ValueError):
    """A file, folder or database that cannot be used (Spanish message)."""


class AvisoLectura(UserWarning):
    """A file of a folder that could not be read (the others were)."""


def _columnas(tabla: str) -> list[str]:
    from pipelines.salidas.exportar import columnas_exportacion

    return columnas_exportacion(esquemas.tabla(tabla), todas=True)


def _vacio(tabla: str) -> "pd.DataFrame":
    import pandas as pd

    return pd.DataFrame({c: pd.Series(dtype="object") for c in _columnas(tabla)})


def _a_pandas(tabla_arrow, tabla: str, archivo: str) -> "pd.DataFrame":
    df = tabla_arrow.to_pandas()
    df["archivo"] = archivo
    return df[[c for c in _columnas(tabla) if c in df.columns]]


def leer(ruta: Ruta) -> tuple["pd.DataFrame", "pd.DataFrame"]:
    """Read a report file, or every report of a folder (with its subfolders),
    without a database: (observaciones, hallazgos) as DataFrames, with the
    columns of the store (archivo included). observacion_id is the one the
    store would give; entidad_clave and indicador_clave stay empty (they are
    assigned against the other reports of a store). A single file that
    cannot be read raises ErrorApi; in a folder, such a file gives an
    AvisoLectura warning and the rest is read. The files are read in this
    process, without the time and memory limits of `informes cargar`."""
    import pandas as pd

    from extractor import extraer_informe
    from extractor.errores import ErrorLectura
    import pipelines.almacen as almacen
    from pipelines.carga import guardado
    from pipelines.carga.cargar import recorrer

    ruta = Path(ruta)
    if not ruta.exists():
        raise ErrorApi(f"No existe {ruta}.")
    archivos = recorrer([ruta])[0]
    if ruta.is_dir() and not archivos:
        raise ErrorApi(f"No hay informes (.pdf, .docx, hojas de cálculo, presentaciones, páginas web…) en {ruta}.")
    observaciones, hallazgos = [], []
    for archivo in archivos:
        try:
            preparado = guardado.preparar(extraer_informe(archivo))
        except (ErrorLectura, almacen.ErrorAlmacen, OSError) as exc:
            if not ruta.is_dir():
                raise ErrorApi(str(exc)) from exc
            warnings.warn(f"{archivo}: {exc}", AvisoLectura, stacklevel=2)
            continue
        observaciones.append(_a_pandas(preparado.datos["observaciones"], "observaciones", preparado.archivo))
        hallazgos.append(_a_pandas(preparado.datos["hallazgos"], "hallazgos", preparado.archivo))

    def juntar(partes: list, tabla: str) -> pd.DataFrame:
        partes = [p for p in partes if len(p)]
        return pd.concat(partes, ignore_index=True) if partes else _vacio(tabla)

    return juntar(observaciones, "observaciones"), juntar(hallazgos, "hallazgos")


class Almacen:
    """A store opened read-only; its methods return DataFrames. Use it in a
    `with` block (or call close())."""

    def __init__(self, db: Ruta):
        import pipelines.almacen as almacen
        from pipelines.almacen import consulta

        self.db = Path(db)
        try:
            self._con = almacen.abrir(self.db, solo_lectura=True)
        except almacen.ErrorAlmacen as exc:
            raise ErrorApi(str(exc)) from exc
        consulta.preparar(self._con)

    def __enter__(self) -> "Almacen":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._con.close()

    def __repr__(self) -> str:
        return f"Almacen({str(self.db)!r})"

    def consulta(self, sql: str, parametros: Optional[list] = None) -> "pd.DataFrame":
        """Result of a read-only SQL query (tables and views of the store;
        `?` placeholders take `parametros`)."""
        import duckdb

        from pipelines.almacen import consulta

        if not sql or not sql.strip():
            raise ErrorApi("La consulta está vacía.")
        try:
            return self._con.execute(sql, parametros or []).df()
        except duckdb.Error as exc:
            raise ErrorApi(consulta.motivo(self._con, exc)) from exc

    def _tabla(self, tabla: str, sin_marcadas: bool = False) -> "pd.DataFrame":
        from pipelines.salidas.exportar import consulta as sql_exportacion

        t = esquemas.tabla(tabla)
        return self._con.execute(sql_exportacion(t, _columnas(tabla), sin_marcadas)).df()

    def observaciones(self, sin_marcadas: bool = False) -> "pd.DataFrame":
        """Every stored figure, export columns first (archivo included);
        sin_marcadas leaves out the ones with an error-level finding."""
        return self._tabla("observaciones", sin_marcadas)

    def hallazgos(self, severidad: Optional[str] = None) -> "pd.DataFrame":
        """The validator's findings; severidad: only that level or worse
        (error, advertencia, info)."""
        df = self._tabla("hallazgos")
        if severidad is None:
            return df
        orden = ["error", "advertencia", "info"]
        if severidad not in orden:
            raise ErrorApi(f"Severidad desconocida: {severidad}. Use error, advertencia o info.")
        return df[df["severidad"].isin(orden[: orden.index(severidad) + 1])].reset_index(drop=True)

    def informes(self) -> "pd.DataFrame":
        """One row per stored report."""
        return self._tabla("informes")

    def filas_no_mapeadas(self) -> "pd.DataFrame":
        return self._tabla("filas_no_mapeadas")


def abrir(db: Ruta) -> Almacen:
    """Open a store read-only (`informes cargar` writes it)."""
    return Almacen(db)
