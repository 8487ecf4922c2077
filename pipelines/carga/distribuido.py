"""Extraction on a Dask cluster (`informes cargar --dask tcp://HOST:8786`).

The cluster extracts: each file becomes one task that returns the
extracted report, prepared for the store (rows as Arrow tables, validation
findings: `pipelines.carga.guardado.preparar`), or the failure, to this process,
the single writer, which stores the reports in input order exactly as a
local load does (same
dataset, same resumability: one transaction per report, files already
stored are skipped before anything is sent). Chosen over Parquet fragments
plus a consolidation step because it keeps one code path for writing,
identity linking and validation, and a result is a few hundred kB, small
next to the cost of extracting it.

By default the bytes of each file travel with its task, so the workers need
no shared storage; with `enviar_archivos=False` the task carries the path,
which every worker must see at the same place (NFS, a mounted bucket).

On the worker each task extracts in a child process with the same per-file
limits as a local load (time and address space, `pipelines.carga.aislamiento.Limites`):
a file that hangs or explodes in memory fails with its reason and the
worker goes on. At most `VENTANA_POR_HILO` tasks per cluster thread are in
flight, so memory stays bounded on both sides however large the archive.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import traceback
import uuid
import warnings
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any, Generator, Optional

from pipelines.carga.aislamiento import (
    ESPERA,
    ErrorCarga,
    Espera,
    Extraccion,
    Extractor,
    Limites,
    _en_procesos_hijos,
    _enviable,
    _extraer_protegido,
)

VENTANA_POR_HILO = 2  # tasks in flight per cluster thread
ESPERA_TRABAJADORES = 60.0  # seconds to wait for the cluster to have a worker
CONEXION = 20.0  # seconds to connect to the scheduler


def extracciones_dask(
    direccion: str, extraer: Extractor, rutas: list[Path], limites: Optional[Limites], *, enviar_archivos: bool = True
) -> Generator[Extraccion | Espera, None, None]:
    """(start, InformePreparado, fallo) per file of `rutas`, in input order, extracted
    on the cluster whose scheduler is at `direccion`. Closing the generator
    (or Ctrl-C while it runs) cancels the tasks still pending."""
    cliente = conectar(direccion)
    futuros: list = []
    try:
        hilos = max(1, sum(cliente.nthreads().values()))
        ventana = VENTANA_POR_HILO * hilos
        siguiente = 0  # next file to submit
        for i in range(len(rutas)):
            while siguiente < len(rutas) and siguiente < i + ventana:
                futuros.append(_enviar(cliente, extraer, rutas[siguiente], siguiente, limites, enviar_archivos))
                siguiente += 1
            futuro, futuros[i] = futuros[i], None
            if not futuro.done():
                yield ESPERA  # the writer frees the database while this one runs
            yield _resultado(futuro, rutas[i])
    finally:
        pendientes = [f for f in futuros if f is not None]
        try:
            if pendientes:
                cliente.cancel(pendientes)
        finally:
            cliente.close()


def conectar(direccion: str):
    """Client of the scheduler at `direccion`, with at least one worker;
    ErrorCarga (Spanish) when dask is missing or the cluster cannot be used."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ErrorCarga(
            f'--dask necesita el paquete dask.distributed ({exc}); instálelo con: pip install "dask[distributed]"'
        ) from exc
    try:
        cliente = Client(direccion, timeout=CONEXION, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ErrorCarga(f"No se pudo conectar con el planificador de Dask en {direccion} ({exc}).") from exc
    try:
        cliente.wait_for_workers(1, timeout=ESPERA_TRABAJADORES)
    except (TimeoutError, OSError) as exc:
        cliente.close()
        raise ErrorCarga(
            f"El clúster de Dask en {direccion} no tiene trabajadores (se esperó {ESPERA_TRABAJADORES:g} s)."
        ) from exc
    try:
        cliente.submit(_sondeo, pure=False).result(timeout=ESPERA_TRABAJADORES)
    except Exception as exc:  # noqa: BLE001 - whatever the worker raised
        cliente.close()
        raise ErrorCarga(
            f"Los trabajadores del clúster de Dask en {direccion} no pueden extraer informes: "
            f"{type(exc).__name__}: {exc}. Instale el mismo paquete informes en cada "
            f"trabajador."
        ) from exc
    return cliente


def _sondeo() -> str:
    """Runs on a worker: the extractor must be importable there."""
    import extractor  # noqa: F401

    from pipelines.almacen import version_extractor

    return version_extractor() or ""


def _enviar(cliente, extraer: Extractor, ruta: Path, indice: int, limites: Optional[Limites], enviar_archivos: bool):
    ruta = Path(ruta)
    if enviar_archivos:
        contenido: bytes | OSError | str
        try:
            contenido = ruta.read_bytes()
        except OSError as exc:
            contenido = exc
    else:
        contenido = str(ruta.resolve())
    origen = (ruta.name, contenido)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "large object in task graph": the file is the point
        return cliente.submit(
            _tarea, extraer, origen, limites, key=f"informes-{indice}-{uuid.uuid4().hex}", pure=False, retries=0
        )


def _resultado(futuro: Any, ruta: Path) -> Extraccion:
    try:
        return futuro.result()
    except Exception as exc:  # noqa: BLE001 - a lost worker, a cancelled task: the file fails
        motivo = (
            f"{Path(ruta).name}: la extracción en el clúster de Dask falló "
            f"({type(exc).__name__}: {str(exc).strip() or 'sin detalle'})"
        )
        return datetime.now(), None, (motivo, traceback.format_exc())


def _tarea(extraer: Extractor, origen: tuple[str, bytes | OSError | str], limites: Optional[Limites]) -> Extraccion:
    """Runs on a worker: extract one file (its bytes or a shared path) in a
    child process with the per-file limits; never raises."""
    nombre, contenido = origen
    if isinstance(contenido, BaseException):
        return datetime.now(), None, (f"{nombre}: no se pudo leer el archivo ({contenido}).", None)
    carpeta = None
    try:
        if isinstance(contenido, bytes):
            carpeta = tempfile.mkdtemp(prefix="informes-dask-")
            ruta = Path(carpeta) / nombre  # same name: the report keeps its file name
            ruta.write_bytes(contenido)
        else:
            ruta = Path(contenido)
        if not _enviable(extraer):  # a closure (tests): here, without limits
            return _extraer_protegido(extraer, ruta, limites)
        with _puede_tener_hijos():
            extraccion = _en_procesos_hijos(extraer, [ruta], 1, limites)
            try:
                return next(x for x in extraccion if not isinstance(x, Espera))
            finally:
                extraccion.close()
    except Exception as exc:  # noqa: BLE001 - the task reports, the worker goes on
        return (
            datetime.now(),
            None,
            (f"{nombre}: error en el trabajador de Dask ({type(exc).__name__}: {exc})", traceback.format_exc()),
        )
    finally:
        if carpeta is not None:
            shutil.rmtree(carpeta, ignore_errors=True)


_cerrojo = threading.Lock()
_tareas_con_hijos = 0
_era_demonio = False


@contextmanager
def _puede_tener_hijos():
    """`dask worker` runs tasks in a daemonic process, and multiprocessing
    refuses to start children from one. The children started here are ended
    by the task itself (and end on their own if the worker dies:
    pipelines.carga.aislamiento._vigilante), so the flag is lifted while any task of
    this process (one per worker thread) runs."""
    import multiprocessing

    global _tareas_con_hijos, _era_demonio
    proceso = multiprocessing.current_process()  # its public `daemon` flag: settable while it has no Popen of its own
    with _cerrojo:
        if _tareas_con_hijos == 0:
            _era_demonio = proceso.daemon
            proceso.daemon = False
        _tareas_con_hijos += 1
    try:
        yield
    finally:
        with _cerrojo:
            _tareas_con_hijos -= 1
            if _tareas_con_hijos == 0 and _era_demonio:
                proceso.daemon = True
