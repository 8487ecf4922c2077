"""Isolation of one file's extraction, shared by the local pool
(pipelines/carga/cargar.py) and the Dask workers (pipelines/carga/distribuido.py):
the extractor runs with the file's limits and its report is prepared for the
store (pipelines/carga/guardado.py), nothing raises; with limits, each file in
a child process of its own (its session, its temporary folder, a wall-clock
timeout and an address-space limit), killed whole when it is done or out of time.
"""

from __future__ import annotations

import enum
import inspect
import math
import os
import pickle
import shutil
import signal
import sys
import tempfile
import threading
import time
import traceback
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Callable, Final, Generator, Optional, Union

from pipelines.carga.limites import Limites

if TYPE_CHECKING:
    from extractor.resultado import InformeExtraido
    from pipelines.almacen.filas import InformePreparado

# extraer(ruta), or extraer(ruta, limites=LimitesLectura(...)) when it takes a
# `limites` keyword (extractor.extraer_informe; see _llamar)
Extractor = Callable[..., "InformeExtraido"]
# Why a file failed: (motivo, traza), or, when a program the file needs is
# missing, (motivo, traza, (programa, instalar)).
Fallo = Union[tuple[str, Optional[str]], tuple[str, str, tuple[str, str]]]
# One file's extraction: (start time, its prepared report, None) or (start time, None, Fallo);
# the extracted report in its place when preparing is left to the loading process
Extraccion = tuple[datetime, Union["InformePreparado", "InformeExtraido", None], Optional[Fallo]]


class ErrorCarga(Exception):
    """A file that cannot be loaded (Spanish message naming the file)."""


def _motivo(exc: BaseException, archivo: str, conocido: bool) -> str:
    texto = str(exc).strip() or type(exc).__name__
    if not conocido:
        texto = f"error inesperado ({type(exc).__name__}: {texto})"
    return texto if texto.startswith(archivo) else f"{archivo}: {texto}"


def _es_conocido(exc: BaseException) -> bool:
    # the store's error without importing the store (DuckDB): a child that
    # reads a file never imports it, and an ErrorAlmacen exists only once it is
    almacen = sys.modules.get("pipelines.almacen.esquema")
    if almacen is not None and isinstance(exc, almacen.ErrorAlmacen):
        return True
    return isinstance(exc, ErrorCarga) or type(exc).__name__ == "ErrorLectura"


def _llamar(extraer: Extractor, ruta: Path, limites: Optional[Limites]) -> InformeExtraido:
    """extraer(ruta), passing the reading limits (pages, the file's deadline,
    which LibreOffice's conversion obeys, and whether hidden parts of a
    workbook are read) to extractors that take a `limites` keyword
    (extractor.extraer_informe)."""
    if limites is not None:
        try:
            acepta = "limites" in inspect.signature(extraer).parameters
        except (TypeError, ValueError):
            acepta = False
        if acepta:
            from extractor.formatos.seguridad import LimitesLectura

            plazo = None if limites.tiempo is None else time.monotonic() + limites.tiempo
            return extraer(
                ruta, limites=LimitesLectura(paginas=limites.paginas, plazo=plazo, hoja_ocultas=bool(limites.ocultas))
            )
    return extraer(ruta)


def _extraer_protegido(
    extraer: Extractor, ruta: Path, limites: Optional[Limites] = None, preparar: bool = True
) -> Extraccion:
    """Run the extractor and prepare its report for the store (rows,
    validation findings: pipelines.carga.guardado.preparar), so that the single writer only
    writes; return (start time, InformePreparado, None) or
    (start time, None, (motivo, traza)), or, when a program the file needs
    is missing, (start time, None, (motivo, traza, (programa, instalar))).
    Nothing raises: worker-safe. Without `preparar`, the InformeExtraido
    takes the InformePreparado's place (see preparar_protegido)."""
    from extractor.errores import FaltaPrograma
    from extractor.formatos.seguridad import es_memoria

    inicio = datetime.now()
    try:
        informe = _llamar(extraer, ruta, limites)
        if not preparar:
            return inicio, informe, None
        from pipelines.carga import guardado

        return inicio, guardado.preparar(informe), None
    except FaltaPrograma as exc:
        return inicio, None, (_motivo(exc, ruta.name, True), traceback.format_exc(), (exc.programa, exc.instalar))
    except Exception as exc:  # noqa: BLE001 - every failure becomes a 'fallido' row
        if limites is not None and limites.memoria_mb and es_memoria(exc):
            motivo = f"{ruta.name}: superó el límite de memoria de {limites.memoria_mb} MB"
        else:
            motivo = _motivo(exc, ruta.name, _es_conocido(exc))
        return inicio, None, (motivo, traceback.format_exc())


def preparar_protegido(resultado: tuple, ruta: Path) -> tuple:
    """The result of an extraction made without `preparar`, prepared here
    (the same failures, the same tuple)."""
    inicio, informe, fallo = resultado
    if fallo is not None:
        return resultado
    from pipelines.carga import guardado

    try:
        return inicio, guardado.preparar(informe), None
    except Exception as exc:  # noqa: BLE001 - every failure becomes a 'fallido' row
        return inicio, None, (_motivo(exc, ruta.name, _es_conocido(exc)), traceback.format_exc())


def _enviable(extraer: Extractor) -> bool:
    try:
        pickle.dumps(extraer)
    except Exception:  # noqa: BLE001 - closures, lambdas, local classes
        return False
    return True


# ------------------------------------------------------------ child processes

# Imported once by the fork server, so that each child starts with the
# extractor loaded and its caches built (pipelines.carga.precarga).
_PRECARGA = ["pipelines.carga.precarga"]


def precargar_tambien(modulo: str) -> None:
    """Have the fork server import `modulo` too (before its first child).
    For the modules of the program's main script: multiprocessing runs that
    script again in every child, and the `informes` script imports the CLI
    (~25 ms a child when the server did not import it)."""
    if modulo not in _PRECARGA:
        _PRECARGA.append(modulo)


_SALIDA_MEMORIA = 86  # exit status of a child that ran out of memory while reporting it
# Before it lets the database go to wait for a result (ESPERA), the writer
# waits this long with it open: a result that arrives meanwhile (a short
# file read while the previous one was written) is written without closing
# and opening the store again (~40 ms of the writer's CPU). It lets the
# store go at least once every MAX_SIN_SOLTAR seconds.
GRACIA = 0.05
MAX_SIN_SOLTAR = 1.0
VENTANA_POR_TRABAJADOR = 4  # files extracted ahead of the one being written, per worker


class Espera(enum.Enum):
    """Yielded by the extraction iterators before they block waiting for a result:
    the writer keeps the database open across results that are already there
    and closes it (other processes may use it) while it would wait."""

    ESPERA = "espera"


ESPERA: Final = Espera.ESPERA
_contexto_mp: Optional[ForkServerContext | SpawnContext] = None


def _contexto() -> ForkServerContext | SpawnContext:
    """forkserver where available (fast, safe: children fork from a clean,
    single-threaded, preloaded server, never from this process, which may
    hold DuckDB threads), else spawn."""
    global _contexto_mp
    if _contexto_mp is None:
        import multiprocessing

        if "forkserver" in multiprocessing.get_all_start_methods():
            servidor = multiprocessing.get_context("forkserver")
            servidor.set_forkserver_preload(_PRECARGA)
            _contexto_mp = servidor
        else:
            _contexto_mp = multiprocessing.get_context("spawn")
    return _contexto_mp


def _contexto_para(n_archivos: int):
    """The context of a load's children. One file: forked from this process
    (no server to start, nothing preloaded that the file does not need:
    about a second less for a short file), when this process has no native
    threads (an open DuckDB connection's): a child never inherits locks that
    other threads of a library hold. Python threads (the progress bar) are
    harmless: the child touches none of their locks and gets standard
    streams of its own (_hijo). Otherwise the fork server."""
    import multiprocessing

    if n_archivos == 1 and "fork" in multiprocessing.get_all_start_methods() and _sin_hilos_nativos():
        return multiprocessing.get_context("fork")
    return _contexto()


def _sin_hilos_nativos() -> bool:
    """Whether every thread of this process is a Python thread (Linux: /proc)."""
    try:
        return len(os.listdir("/proc/self/task")) <= threading.active_count()
    except OSError:
        return False


def _vigilante(padre: int, tiempo: Optional[float]) -> None:
    """Child-side backstop: end the child if the parent is gone (killed
    loads leave no orphans working) or well past its time limit, with
    everything it started (its session: LibreOffice, Tesseract)."""
    limite = None if tiempo is None else time.monotonic() + tiempo + 10

    def fin() -> None:
        if os.getsid(0) == os.getpid():  # only a session of its own (setsid in _hijo)
            matar_sesion(os.getpid())
        os._exit(1)

    def vigilar() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(padre, 0)
            except ProcessLookupError:
                fin()
            except PermissionError:
                pass
            if limite is not None and time.monotonic() > limite:
                fin()

    threading.stack_size(256 * 1024)
    threading.Thread(target=vigilar, daemon=True).start()


def _hijo(
    conexion: Connection,
    extraer: Extractor,
    ruta: Path,
    limites: Limites,
    padre: int,
    registro: str,
    temporal: str,
    preparar: bool = True,
) -> None:
    """Body of the child process: a session of its own (the parent ends it
    whole: LibreOffice and Tesseract too), its own temporary folder (the
    parent removes it), limits, quiet output, extract, send."""
    _aislar(registro, temporal)
    _vigilante(padre, limites.tiempo)
    _limitar(limites)
    _extraer_y_enviar(conexion, extraer, ruta, limites, preparar)


def _aislar(registro: str, temporal: str) -> None:
    """A child's own session, temporary folder and output (the log `registro`);
    Ctrl-C is left to the parent."""
    try:
        os.setsid()
    except OSError:
        pass
    os.environ["TMPDIR"] = temporal
    tempfile.tempdir = temporal
    # Ctrl-C is the parent's to handle (it ends its children); children do not print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        fd = os.open(registro, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        # streams of its own: a forked child never waits on the parent's
        # stream locks nor writes out the parent's buffered output
        sys.stdout = open(1, "w", encoding="utf-8", errors="replace", closefd=False)
        sys.stderr = open(2, "w", encoding="utf-8", errors="replace", closefd=False)
    except OSError:
        pass


def _limitar(limites: Limites) -> None:
    """No core dump; the address-space limit of the file."""
    try:
        import resource

        # a parser that crashes leaves no core dump in the user's folder
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        if limites.memoria_mb:
            tope = int(limites.memoria_mb) * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (tope, tope))
    except (ImportError, ValueError, OSError):
        pass


def _extraer_y_enviar(conexion: Connection, extraer: Extractor, ruta: Path, limites: Limites, preparar: bool) -> None:
    try:
        resultado = _extraer_protegido(extraer, ruta, limites, preparar=preparar)
        try:
            conexion.send(resultado)
        except MemoryError:
            os._exit(_SALIDA_MEMORIA)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            motivo = f"{ruta.name}: error inesperado (el resultado no se pudo enviar: {exc})"
            conexion.send((resultado[0], None, (motivo, traceback.format_exc())))
    except MemoryError:
        os._exit(_SALIDA_MEMORIA)
    except (BrokenPipeError, EOFError, OSError):
        os._exit(1)
    finally:
        try:
            conexion.close()
        except Exception:  # noqa: BLE001
            pass


# ------------------------------------------------- a child started in advance

# What a child started in advance imports while it waits for its file's
# extractor (the modules a file of that extension needs; anything else is
# imported when the file asks for it). Never spaCy (the header memory
# usually answers) nor the writer's modules (the loading process prepares
# the report).
_PRECARGA_COMUN = [
    "extractor",
    "extractor.castellano.cortes",
    "extractor.tablas.costura",
    "extractor.informe.metadatos",
    "extractor.informe.narrativa",
    "extractor.informe.lectura",
    "extractor.informe.cobertura",
    "extractor.informe.logros",
    "extractor.tablas.plantillas",
    "extractor.tablas.confianza",
]
# What both processes of a load of one file import anyway (the child to
# read, this process to validate the report: pipelines/validacion imports
# the metadata readers; DuckDB and pdfminer, importlib.metadata), imported
# here once before forking instead of once in each (~50 ms of CPU). None of
# them starts a native thread.
_ANTES_DE_BIFURCAR = ["extractor.informe.metadatos", "importlib.metadata"]
_PRECARGA_POR_EXTENSION = {
    ".pdf": ["extractor.formatos.pdf"],
    ".docx": ["extractor.formatos.docx"],
    ".xlsx": ["extractor.formatos.hoja"],
    ".xlsm": ["extractor.formatos.hoja"],
    ".xls": ["extractor.formatos.hoja"],
    ".ods": ["extractor.formatos.hoja"],
    ".csv": ["extractor.formatos.hoja"],
    ".tsv": ["extractor.formatos.hoja"],
    ".pptx": ["extractor.formatos.pptx"],
    ".html": ["extractor.formatos.html"],
    ".htm": ["extractor.formatos.html"],
}


class HijoAdelantado:
    """The reading process of a load of one file, forked before the loading
    process imports DuckDB and opens the store (about 0,2 s of a short load):
    isolated as every reading child is (its session, its temporary folder,
    its output, its address-space limit), it imports the extractor while
    this process checks the store, then waits for the extractor (with the
    store's corrections) and reads the file; its time limit counts from
    then. Unused (the file was already stored, unreadable, the load failed),
    it is killed with its session by `cerrar`, which the owner always calls.

    Started only from a process with no native threads (a fork never copies
    a library's thread mid-lock), like the child of one file
    (_contexto_para)."""

    def __init__(self, ruta: Path, limites: Limites):
        import multiprocessing

        self.ruta, self.limites = ruta, limites
        self.usado = False
        self.carpeta = tempfile.mkdtemp(prefix="informes-")
        self.registro = os.path.join(self.carpeta, "0.log")
        self.temporal = os.path.join(self.carpeta, "0")
        os.mkdir(self.temporal, 0o700)
        ctx = multiprocessing.get_context("fork")
        self._trabajo_recibir, self._trabajo_enviar = ctx.Pipe(duplex=False)
        self.resultado, resultado_enviar = ctx.Pipe(duplex=False)
        precarga = _PRECARGA_COMUN + _PRECARGA_POR_EXTENSION.get(ruta.suffix.lower(), [])
        self.proceso = ctx.Process(
            target=_hijo_adelantado,
            args=(
                self._trabajo_recibir,
                self._trabajo_enviar,
                resultado_enviar,
                self.resultado,
                ruta,
                limites,
                os.getpid(),
                self.registro,
                self.temporal,
                precarga,
            ),
            name=f"informes-{ruta.name}",
            daemon=True,
        )
        try:
            self.proceso.start()
        except BaseException:
            self._trabajo_enviar.close()
            self.resultado.close()
            raise
        finally:
            self._trabajo_recibir.close()
            resultado_enviar.close()

    def sirve_para(self, rutas: list[Path], limites: Limites) -> bool:
        return not self.usado and len(rutas) == 1 and rutas[0] == self.ruta and limites == self.limites

    def encargar(self, extraer: Extractor) -> bool:
        """Send the child its extractor; False if it cannot take it (it died
        while importing): the file is then read by a child forked as usual."""
        try:
            self._trabajo_enviar.send(extraer)
        except (OSError, ValueError, pickle.PicklingError, TypeError, AttributeError):
            return False
        finally:
            self._trabajo_enviar.close()
        self.usado = True
        return True

    def cerrar(self) -> None:
        """End the child (with its session) unless it was handed to a load,
        which ends it (_terminar), and remove its folder."""
        if not self.usado:
            self.usado = True
            self._trabajo_enviar.close()
            self.resultado.close()
            pid = self.proceso.pid
            if pid is not None:
                matar_sesion(pid)
                self.proceso.kill()
                self.proceso.join()
                matar_sesion(pid)
                self.proceso.close()
        shutil.rmtree(self.carpeta, ignore_errors=True)

    def __enter__(self) -> "HijoAdelantado":
        return self

    def __exit__(self, *exc: object) -> None:
        self.cerrar()


def adelantar(rutas: list[Path], limites: Limites) -> Optional[HijoAdelantado]:
    """A HijoAdelantado for a load of one regular file, or None (several
    files, a process with native threads, no fork on this system, or the
    child could not be started: the load forks its children as usual)."""
    import multiprocessing

    if len(rutas) != 1 or "fork" not in multiprocessing.get_all_start_methods() or not _sin_hilos_nativos():
        return None
    try:
        if not Path(rutas[0]).is_file():
            return None
    except OSError:
        return None
    _importar(_ANTES_DE_BIFURCAR)
    try:
        return HijoAdelantado(Path(rutas[0]), limites)
    except OSError:
        return None


def _importar(modulos) -> None:
    """Import `modulos` ahead of need; one that fails is left to the code
    that uses it, which imports it again and reports the error."""
    import importlib

    for modulo in modulos:
        try:
            importlib.import_module(modulo)
        except Exception:  # noqa: BLE001
            pass


def _hijo_adelantado(
    trabajo: Connection,
    trabajo_del_padre: Connection,
    conexion: Connection,
    resultado_del_padre: Connection,
    ruta: Path,
    limites: Limites,
    padre: int,
    registro: str,
    temporal: str,
    precarga: list[str],
) -> None:
    """Body of a HijoAdelantado: isolated and limited as _hijo, import
    `precarga`, wait for the extractor (the parent gone or done with it: the
    pipe ends, exit), then extract and send as _hijo."""
    trabajo_del_padre.close()  # the parent's ends: the pipe ends when the parent does
    resultado_del_padre.close()
    _aislar(registro, temporal)
    _limitar(limites)
    _importar(precarga)
    try:
        from extractor.tablas.encabezados import clasificador

        clasificador()  # the header rules and their persistent memory (not spaCy)
    except Exception:  # noqa: BLE001
        pass
    try:
        extraer = trabajo.recv()
    except (EOFError, OSError, MemoryError):
        # the parent is gone (or did not need it): nobody else removes its folder
        shutil.rmtree(os.path.dirname(registro), ignore_errors=True)
        os._exit(0)
    except Exception:  # noqa: BLE001 - an extractor that cannot be rebuilt here
        conexion.send(
            (
                datetime.now(),
                None,
                (f"{ruta.name}: error inesperado (el extractor no llegó al proceso que lee)", traceback.format_exc()),
            )
        )
        os._exit(1)
    finally:
        trabajo.close()
    _vigilante(padre, limites.tiempo)
    _extraer_y_enviar(conexion, extraer, ruta, limites, preparar=False)


@dataclass
class _Activo:
    indice: int
    ruta: Path
    proceso: BaseProcess
    inicio: datetime
    limite: Optional[float]  # monotonic deadline
    registro: str
    temporal: str  # the child's temporary folder


def _en_procesos_hijos(
    extraer: Extractor,
    rutas: list[Path],
    trabajadores: int,
    limites: Optional[Limites],
    adelantado: Optional[HijoAdelantado] = None,
) -> Generator[Extraccion | Espera, None, None]:
    limites = limites or Limites(tiempo=None, memoria_mb=None)
    if adelantado is not None and not (adelantado.sirve_para(rutas, limites) and adelantado.encargar(extraer)):
        adelantado = None  # another file, other limits, or it died: a child forked as usual
    ctx = _contexto_para(len(rutas)) if adelantado is None else None
    # One file: its child only extracts, and this process prepares the report
    # (validation, rows) when it arrives: the child does not import the
    # writer's modules (pandas, validation), which this process imports
    # anyway, meanwhile, on the other core (cargar_rutas).
    preparar_en_hijo = len(rutas) > 1
    pendientes = list(enumerate(rutas))
    pendientes.reverse()
    activos: dict[Connection, _Activo] = {}  # receiving end of the pipe -> _Activo
    listos: dict[int, Extraccion] = {}
    siguiente = 0
    # Results are written in input order: a slow file holds the others back
    # in memory, so no file starts more than `ventana` places ahead of it.
    ventana = VENTANA_POR_TRABAJADOR * trabajadores
    carpeta = tempfile.mkdtemp(prefix="informes-")
    soltada = -math.inf  # when the writer last let the database go (ESPERA)
    terminados: list[_Activo] = []  # children whose result arrived, to reap
    try:
        while siguiente < len(rutas):
            while pendientes and len(activos) < trabajadores and pendientes[-1][0] < siguiente + ventana:
                i, ruta = pendientes.pop()
                if adelantado is not None:  # already reading its file (encargar)
                    fin = None if limites.tiempo is None else time.monotonic() + limites.tiempo
                    h = adelantado
                    activos[h.resultado] = _Activo(i, ruta, h.proceso, datetime.now(), fin, h.registro, h.temporal)
                    adelantado = None
                    continue
                assert ctx is not None
                recibir, enviar = ctx.Pipe(duplex=False)
                registro = os.path.join(carpeta, f"{i}.log")
                temporal = os.path.join(carpeta, str(i))
                os.mkdir(temporal, 0o700)
                proceso = ctx.Process(
                    target=_hijo,
                    args=(enviar, extraer, ruta, limites, os.getpid(), registro, temporal, preparar_en_hijo),
                    name=f"informes-{ruta.name}",
                    daemon=True,
                )
                proceso.start()
                enviar.close()
                fin = None if limites.tiempo is None else time.monotonic() + limites.tiempo
                activos[recibir] = _Activo(i, ruta, proceso, datetime.now(), fin, registro, temporal)
            # children that sent their result are reaped once the next ones started: their
            # exit is not waited for before the next file is read
            while terminados:
                _terminar(terminados.pop(), gracia=5.0)
            if siguiente in listos:
                yield listos.pop(siguiente)
                siguiente += 1
                continue
            if time.monotonic() - soltada > MAX_SIN_SOLTAR or not _legibles(list(activos), GRACIA):
                yield ESPERA  # about to block: the writer frees the database meanwhile
                soltada = time.monotonic()
            plazos = [a.limite for a in activos.values() if a.limite is not None]
            espera = None if not plazos else max(0.0, min(plazos) - time.monotonic())
            for recibir in _legibles(list(activos), espera):
                a = activos.pop(recibir)
                enviado = False
                try:
                    listos[a.indice] = recibir.recv()
                    enviado = True
                    if not preparar_en_hijo:
                        listos[a.indice] = preparar_protegido(listos[a.indice], a.ruta)
                except (EOFError, OSError):
                    listos[a.indice] = _murio(a, limites)
                finally:
                    recibir.close()
                    if enviado:
                        terminados.append(a)
                    else:
                        _terminar(a, gracia=5.0)
            ahora = time.monotonic()
            for recibir, a in list(activos.items()):
                if a.limite is not None and ahora >= a.limite:
                    del activos[recibir]
                    _terminar(a, gracia=0.0)
                    recibir.close()
                    motivo = f"{a.ruta.name}: superó el límite de tiempo de {limites.tiempo:g} s"
                    listos[a.indice] = (a.inicio, None, (motivo, _traza_hijo(a, motivo)))
    finally:
        for a in terminados:
            _terminar(a, gracia=5.0)
        for recibir, a in activos.items():
            _terminar(a, gracia=0.0)
            recibir.close()
        shutil.rmtree(carpeta, ignore_errors=True)


def _legibles(conexiones: list[Connection], espera: Optional[float]) -> list[Connection]:
    """The pipe ends with something to read (a result, or the end of a child
    that died), after waiting at most `espera` seconds (None: until one has)."""
    from multiprocessing.connection import wait

    listas = wait(conexiones, timeout=espera)
    return [c for c in conexiones if c in listas]


def _terminar(a: _Activo, gracia: float) -> None:
    """Wait up to `gracia` seconds for the child to exit, then SIGKILL it
    and whatever it started (its session), and remove its temporary folder."""
    proceso = a.proceso
    proceso.join(gracia)
    pid = proceso.pid
    assert pid is not None  # started before it became active
    if proceso.is_alive():
        matar_sesion(pid)
        proceso.kill()
        proceso.join()
    matar_sesion(pid)  # what the child left running (LibreOffice, Tesseract)
    try:
        proceso.close()
    except ValueError:
        pass
    shutil.rmtree(a.temporal, ignore_errors=True)


def matar_sesion(sid: int) -> None:
    """SIGKILL every process of session `sid` (a reading child called
    setsid: its id is the session's) except the caller, until none is left:
    the processes a file started never outlive it. Linux (/proc); elsewhere
    its process group."""
    propio = os.getpid()
    for _ in range(20):
        vivos = [pid for pid in _sesion(sid) if pid != propio]
        if not vivos:
            return
        for pid in vivos:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        time.sleep(0.01)


def _sesion(sid: int) -> list[int]:
    if not os.path.isdir("/proc/self"):
        try:
            os.killpg(sid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        return []
    pids = []
    for nombre in os.listdir("/proc"):
        if not nombre.isdigit():
            continue
        try:
            with open(f"/proc/{nombre}/stat", "rb") as f:
                campos = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # fields after the name: state, ppid, pgrp, session; zombies are already dead
        if len(campos) > 3 and int(campos[3]) == sid and campos[0] != b"Z":
            pids.append(int(nombre))
    return pids


def _murio(a: _Activo, limites: Limites) -> Extraccion:
    """Result of a child that ended without sending one."""
    a.proceso.join(5.0)
    codigo = a.proceso.exitcode
    if codigo == _SALIDA_MEMORIA and limites.memoria_mb:
        motivo = f"{a.ruta.name}: superó el límite de memoria de {limites.memoria_mb} MB"
    else:
        if codigo is not None and codigo < 0:
            try:
                como = f"por la señal {signal.Signals(-codigo).name}"
            except ValueError:
                como = f"por la señal {-codigo}"
        else:
            como = f"con el código {codigo}"
        motivo = f"{a.ruta.name}: el proceso que leía el archivo terminó de forma inesperada ({como})"
        if limites.memoria_mb and codigo is not None and codigo < 0:
            motivo += f"; puede haber superado el límite de memoria de {limites.memoria_mb} MB"
    return a.inicio, None, (motivo, _traza_hijo(a, motivo))


def _traza_hijo(a: _Activo, motivo: str) -> str:
    """What the child printed (last lines), for --debug."""
    try:
        with open(a.registro, "rb") as f:
            f.seek(0, 2)
            f.seek(max(0, f.tell() - 8000))
            texto = f.read().decode("utf-8", "replace").strip()
    except OSError:
        texto = ""
    return f"{motivo}\n--- salida del proceso hijo ---\n{texto or '(vacía)'}\n"
