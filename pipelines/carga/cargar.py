"""Batch loading: files and folders -> extractor -> store, one transaction
per report. A bad file is recorded as 'fallido' and the batch goes on; a
file that needs a program that is not installed (LibreOffice, Tesseract) is
'omitido' (not stored, so a later run reads it once the program exists).

With `limites` (the CLI always passes them) each file is extracted in its own
child process, up to `trabajadores` at a time, with a wall-clock timeout and
an address-space limit: a file that hangs or eats memory is killed and
recorded as failed with the reason, and the batch goes on. Each child is a
session of its own with its own temporary folder: when its file is done or
out of time, the whole session (LibreOffice, Tesseract) is killed and the
folder removed. Paths that cannot be read (no permission, symlink loops,
FIFOs) fail alone, in Spanish, before any child starts. Writing always
happens here, in the parent, in input order (one writer). The database is
opened only to write (one report per transaction) and waits, with backoff,
while another process holds it; a load killed at any moment leaves every
report either complete or absent.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import signal
import stat
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generator, Optional

from pipelines.carga.limites import ESPERA_DB  # noqa: F401  (public here too)
from extractor.formatos import EXTENSIONES
from pipelines.carga.aislamiento import (  # noqa: F401  (ErrorCarga, Limites, Extractor: public here too)
    ESPERA,
    ErrorCarga,
    Espera,
    Extraccion,
    Extractor,
    Fallo,
    HijoAdelantado,
    Limites,
    _en_procesos_hijos,
    _enviable,
    _es_conocido,
    _extraer_protegido,
    _motivo,
)

if TYPE_CHECKING:
    import duckdb

    import pipelines.almacen as almacen

# The store (pipelines.almacen, which imports DuckDB) is imported by the
# functions that use it, not here: the command line starts a file's reading
# process before it imports DuckDB (aislamiento.adelantar).

# Set by the `informes` command: its process never gives pyarrow pandas
# objects, so pyarrow need not import pandas (guardado.calentar; 0,3 s).
ARROW_SIN_PANDAS = False
# Set by the `informes cargar` command: its process only writes (no numeric
# work of its own), so numpy, which pyarrow imports, starts without OpenBLAS's
# thread pool (_numpy_sin_hilos; about 0,06 s less).
NUMPY_SIN_HILOS = False

GOLD = ".gold.csv"  # an evaluation's gold file (pipelines/evaluacion) beside its report: never a report


@dataclass
class ResultadoCarga:
    archivo: str
    ruta: Path
    resultado: str  # cargado | sin_cambios | reemplazado | fallido | omitido
    motivo: Optional[str] = None  # Spanish one-liner naming the file, for 'fallido' and 'omitido'
    observaciones: int = 0
    no_mapeadas: int = 0
    informe_id: Optional[str] = None
    sha256: Optional[str] = None
    entidad: Optional[str] = None
    dependencia: Optional[str] = None
    vigencia: Optional[int] = None
    traza: Optional[str] = field(default=None, repr=False)  # traceback, for --debug
    avisos: list[str] = field(default_factory=list)  # Spanish notes on a file that loaded
    programa: Optional[str] = None  # 'omitido': the missing program ("LibreOffice", "Tesseract")
    instalar: Optional[str] = None  # 'omitido': the command that installs it
    cobertura: Optional[float] = None  # % of the tables' numbers accounted for (extractor/informe/cobertura.py)
    plantillas: dict[int, str] = field(default_factory=dict)  # table -> reading template applied
    correcciones: int = 0  # figures renamed or rejected by stored corrections
    # the stored findings of a report written by this load, by severity (read with the
    # writer's connection: the summary need not open the store again); None otherwise
    hallazgos: Optional[dict[str, int]] = None

    @property
    def fallido(self) -> bool:
        return self.resultado == "fallido"

    @property
    def omitido(self) -> bool:
        """Skipped: the file needs a program that is not installed."""
        return self.resultado == "omitido"


def expandir_rutas(rutas: list[Path]) -> list[Path]:
    """Folders become their report files (EXTENSIONES; recursive, sorted; Office lock
    files "~$..." skipped); files are kept as given. No duplicates."""
    return recorrer(rutas)[0]


def recorrer(rutas: list[Path]) -> tuple[list[Path], list[Path]]:
    """(files to load, files skipped). Folders are walked recursively in
    sorted order: files with an extension of EXTENSIONES are loaded, any
    other file (and gold files, "<id>.gold.csv") is skipped (reported, not a failure); hidden files and
    folders (".git", ".DS_Store") and Office lock files ("~$...") are
    ignored. Files named directly are kept as given. No duplicates."""
    vistos: set[Path] = set()
    salida: list[Path] = []
    omitidos: list[Path] = []
    for ruta in map(Path, rutas):
        if ruta.is_dir():
            candidatos = []
            for p in sorted(ruta.rglob("*")):
                partes = p.relative_to(ruta).parts
                if any(x.startswith(".") for x in partes) or p.name.startswith("~$") or not p.is_file():
                    continue
                if p.suffix.lower() in EXTENSIONES and not p.name.lower().endswith(GOLD):
                    candidatos.append(p)
                elif ruta_absoluta(p) not in vistos:
                    vistos.add(ruta_absoluta(p))
                    omitidos.append(p)
        else:
            candidatos = [ruta]
        for p in candidatos:
            clave = ruta_absoluta(p)
            if clave not in vistos:
                vistos.add(clave)
                salida.append(p)
    return salida, omitidos


def ruta_absoluta(ruta: Path) -> Path:
    """The resolved path, or the absolute one when it cannot be resolved
    (a symlink loop, a folder without permission)."""
    try:
        return ruta.resolve()
    except (OSError, RuntimeError):
        return ruta.absolute()


def razon_os(exc: OSError) -> str:
    """Spanish reason of an OSError (the system's own text is English)."""
    razones = {
        errno.EACCES: "permiso denegado",
        errno.EPERM: "operación no permitida",
        errno.ENOENT: "no existe",
        errno.ENOSPC: "no queda espacio en el disco",
        errno.EISDIR: "es una carpeta",
        errno.ENOTDIR: "una parte de la ruta no es una carpeta",
        errno.EROFS: "el sistema de archivos es de solo lectura",
        errno.ELOOP: "enlaces simbólicos en bucle",
        errno.ENAMETOOLONG: "el nombre es demasiado largo",
        errno.EDQUOT: "se superó la cuota de disco",
        errno.EIO: "error de entrada/salida del disco",
    }
    if not exc.errno:
        return "error de lectura"
    return razones.get(exc.errno, f"error del sistema {exc.errno}")


def problema_de_ruta(ruta: Path) -> Optional[str]:
    """Why a path named for loading cannot be read (Spanish), or None. Never
    opens anything but a regular file (a FIFO would block)."""
    try:
        estado = os.stat(ruta)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            return f"no existe el archivo ({ruta})."
        return f"no se puede acceder al archivo: {razon_os(exc)}."
    except (RuntimeError, ValueError):
        return "no se puede acceder al archivo: la ruta no es válida."
    if stat.S_ISDIR(estado.st_mode):
        return "es una carpeta."
    if not stat.S_ISREG(estado.st_mode):
        return "no es un archivo normal (es una tubería, un dispositivo o un socket)."
    try:
        with open(ruta, "rb"):
            pass
    except OSError as exc:
        return f"no se puede leer el archivo: {razon_os(exc)}."
    return None


def sha256_archivo(ruta: Path, tiempo: Optional[float] = None) -> str:
    """SHA-256 of the file; ErrorCarga when it takes more than `tiempo`
    seconds (a huge or sparse file: hashing obeys the per-file time limit)."""
    h = hashlib.sha256()
    fin = None if tiempo is None else time.monotonic() + tiempo
    with open(ruta, "rb") as f:
        for bloque in iter(lambda: f.read(1 << 20), b""):
            h.update(bloque)
            if fin is not None and time.monotonic() > fin:
                raise ErrorCarga(
                    f"{ruta.name}: superó el límite de tiempo de {tiempo:g} s "
                    "(al calcular su SHA-256: el archivo es demasiado grande)"
                )
    return h.hexdigest()


def _extracciones(
    extraer: Extractor,
    rutas: list[Path],
    trabajadores: int,
    limites: Optional[Limites] = None,
    cluster: Optional[str] = None,
    enviar_archivos: bool = True,
    adelantado: Optional[HijoAdelantado] = None,
) -> Generator[Extraccion | Espera, None, None]:
    """(start, InformePreparado, fallo) per file, in input order. Without limits and
    with one worker, in this process; otherwise one child process per file.
    An extractor that cannot be sent to another process (a closure) always
    runs here, without time or memory limits. With `cluster` (address of a
    Dask scheduler) the files are extracted on the cluster
    (pipelines/carga/distribuido.py)."""
    if cluster:
        from pipelines.carga.distribuido import extracciones_dask

        yield from extracciones_dask(cluster, extraer, rutas, limites, enviar_archivos=enviar_archivos)
        return
    aislar = (limites is not None or (trabajadores > 1 and len(rutas) > 1)) and _enviable(extraer)
    if not aislar:
        for ruta in rutas:
            yield ESPERA
            yield _extraer_protegido(extraer, ruta, limites)
        return
    yield from _en_procesos_hijos(extraer, rutas, max(1, trabajadores), limites, adelantado)


def extractor_por_defecto() -> Extractor:
    """`extractor.extraer_informe`, imported only when something must be
    extracted; if it cannot be imported every file fails with the reason."""
    try:
        from extractor import extraer_informe
    except ImportError as exc:
        return _NoDisponible(f"el extractor no está disponible ({exc})")
    return extraer_informe


@dataclass
class _NoDisponible:
    """Stand-in extractor (picklable) that fails every file with `motivo`."""

    motivo: str

    def __call__(self, ruta: Path):
        raise ErrorCarga(self.motivo)


def cargar_rutas(
    rutas: list[Path],
    db: Path,
    extraer: Optional[Extractor] = None,
    *,
    forzar: bool = False,
    trabajadores: int = 1,
    limites: Optional[Limites] = None,
    espera_db: float = ESPERA_DB,
    al_terminar: Optional[Callable[[ResultadoCarga], None]] = None,
    al_planificar: Optional[Callable[[list[Path]], None]] = None,
    cluster: Optional[str] = None,
    enviar_archivos: bool = True,
    adelantado: Optional[HijoAdelantado] = None,
    al_avisar: Optional[Callable[[str], None]] = None,
) -> list[ResultadoCarga]:
    """Load files and folders into the store at `db`; one ResultadoCarga per
    file, in input order. Files whose content is already stored are not
    extracted again (unless forzar). `limites`: per-file time/memory/page
    limits, each extraction in a child process (see Limites). The database
    is opened to write each report and closed in between; while another
    process holds it, opening is retried for up to `espera_db` seconds,
    then ErrorCarga "ocupada por otro proceso". `al_terminar` is called
    after each file; `al_planificar` once, with the files that must be
    extracted, before extraction starts. `cluster`: address of a Dask
    scheduler that extracts the files (`enviar_archivos`: send their bytes;
    False when the workers see the same paths); writing stays here.
    `adelantado`: the reading process of a load of one file, started before
    the store was opened (aislamiento.adelantar); used if it fits the file and
    the limits, else a child is forked as usual; its owner closes it.
    Interrupted (KeyboardInterrupt), the reports already written stay,
    the one being written is rolled back, and worker processes end. The
    store is copied aside before the first write and the copy removed at
    the end (pipelines/almacen/respaldo.py): a load killed while DuckDB
    wrote leaves it, and the next load restores it if the store was left
    damaged (`al_avisar` is told)."""
    archivos = expandir_rutas(rutas)
    resultados: list[Optional[ResultadoCarga]] = [None] * len(archivos)
    pendientes: list[tuple[int, Path, str]] = []
    memoria = limites.memoria_mb if limites else None  # the writer's DuckDB stays within it too
    from pipelines.almacen.sesion import Sesion

    # Opened to write, closed while waiting; the schema is checked again only
    # if the file changed meanwhile (pipelines/almacen/sesion.py). Closed before
    # extraction starts (a process with DuckDB's threads does not fork its
    # reading child).
    sesion = Sesion(db, memoria_mb=memoria, respaldar=True, al_avisar=al_avisar)
    try:
        con = _abrir_esperando(db, espera_db, abrir=sesion.abrir)
        if extraer is None:  # the store's corrections (reading templates) go into the extraction
            from pipelines.carga import correcciones

            extraer = correcciones.extractor_de(con)
        for i, ruta in enumerate(archivos):
            inicio = datetime.now()
            with _ctrl_c_diferido():
                revisado = _revisar(con, ruta, forzar, limites.tiempo if limites else None)
                if isinstance(revisado, str):
                    pendientes.append((i, ruta, revisado))
                else:
                    resultados[i] = _registrar(con, revisado, inicio, al_terminar)
    finally:
        sesion.cerrar()
    # In parallel, largest files first: a load ends when its longest file
    # does, so that one starts at once while the small ones fill the other
    # workers (one 80-page plan among fifty short reports otherwise starts
    # last and runs alone). The order is a function of the files: a resumed
    # load keeps it. Results are written in this order; the summary keeps
    # the input order. One worker reads in input order.
    if trabajadores > 1 or cluster:
        pendientes.sort(key=lambda p: (-_costo(p[1]), p[0]))
    if al_planificar is not None:
        al_planificar([p[1] for p in pendientes])
    if pendientes:
        extraer = extraer or extractor_por_defecto()
        extracciones = _extracciones(
            extraer, [p[1] for p in pendientes], trabajadores, limites, cluster, enviar_archivos, adelantado
        )
        con = None
        calentado = False
        try:
            siguientes = iter(pendientes)
            for extraido in extracciones:
                if isinstance(extraido, Espera):
                    if con is not None:
                        sesion.cerrar()  # other processes may open the store while this one waits
                        con = None
                    if not calentado:
                        # The writer's modules (validation, identity, Arrow, pandas) are
                        # imported, and identity's lemma table read, while the first file
                        # is read (after its child process started: numpy's threads are
                        # not forked): writing a result never pauses to import.
                        calentado = True
                        if NUMPY_SIN_HILOS:
                            _numpy_sin_hilos()
                        from pipelines.carga import guardado

                        guardado.calentar(sin_pandas=ARROW_SIN_PANDAS, escritor=True)
                    continue
                (i, ruta, sha), (inicio, informe, fallo) = next(siguientes), extraido
                with _ctrl_c_diferido():
                    if con is None:
                        con = _abrir_esperando(db, espera_db, abrir=sesion.abrir)
                    r = _guardar(con, ruta, sha, informe, fallo, forzar)
                    resultados[i] = _registrar(con, r, inicio, al_terminar)
        finally:
            try:
                sesion.cerrar()
            finally:
                extracciones.close()  # kills children still running if writing failed
    sesion.terminar()
    return [r for r in resultados if r is not None]


def _numpy_sin_hilos() -> None:
    """Import numpy with one OpenBLAS thread (OpenBLAS reads the variable
    once, when it loads; starting its pool is a third of numpy's import).
    The environment is restored at once: processes started later (the fork
    server, LibreOffice, Tesseract) get the user's."""
    import sys

    if "numpy" in sys.modules:
        return
    anterior = os.environ.get("OPENBLAS_NUM_THREADS")
    os.environ["OPENBLAS_NUM_THREADS"] = "1"
    try:
        import numpy  # noqa: F401
    except ImportError:
        pass
    finally:
        if anterior is None:
            os.environ.pop("OPENBLAS_NUM_THREADS", None)
        else:
            os.environ["OPENBLAS_NUM_THREADS"] = anterior


def _costo(ruta: Path) -> int:
    """Rough extraction cost of a file, to start the longest first: its size
    (this process, the writer, never parses a file from outside)."""
    try:
        return ruta.stat().st_size
    except OSError:
        return 0


@contextmanager
def _ctrl_c_diferido():
    """Ctrl-C while a report is being written: the write (one transaction)
    finishes, then KeyboardInterrupt. DuckDB would otherwise turn the signal
    into an error of that report ("Query interrupted") and the load would go
    on. Only in the main thread with Python's default handler."""
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    recibidas: list[int] = []
    anterior = signal.signal(signal.SIGINT, lambda senal, marco: recibidas.append(senal))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, anterior)
    if recibidas:
        raise KeyboardInterrupt


def _bloqueada(exc: BaseException) -> Optional[str]:
    """The DuckDB lock-conflict message behind `exc`, or None."""
    causa = exc.__cause__ or exc
    texto = str(causa)
    if "lock" in texto.lower() and ("conflicting" in texto.lower() or "could not set" in texto.lower()):
        return texto
    return None


@contextmanager
def abrir_con_espera(
    db: Path, espera: float = ESPERA_DB, *, solo_lectura: bool = False, memoria_mb: Optional[int] = None
):
    """Connection to the store, closed on exit. DuckDB allows one writing
    process per file (and no reader while it writes): while another one
    holds it, retry with backoff for up to `espera` seconds, then ErrorCarga
    (Spanish). memoria_mb: DuckDB's memory limit (almacen.abrir)."""
    con = _abrir_esperando(db, espera, solo_lectura=solo_lectura, memoria_mb=memoria_mb)
    try:
        yield con
    finally:
        con.close()


def _abrir_esperando(
    db: Path,
    espera: float,
    *,
    solo_lectura: bool = False,
    memoria_mb: Optional[int] = None,
    abrir: Optional[Callable[[], duckdb.DuckDBPyConnection]] = None,
):
    """almacen.abrir (or `abrir()`, a Sesion's), retried while another
    process holds the database."""
    import pipelines.almacen as almacen
    from pipelines.almacen import ErrorAlmacen

    limite = time.monotonic() + max(0.0, espera)
    pausa = 0.05
    while True:
        try:
            if abrir is not None:
                con = abrir()
            else:
                con = almacen.abrir(db, solo_lectura=solo_lectura, memoria_mb=memoria_mb)
            break
        except ErrorAlmacen as exc:
            texto = _bloqueada(exc)
            if texto is None:
                raise
            resto = limite - time.monotonic()
            if resto <= 0:
                pid = re.search(r"PID (\d+)", texto)
                quien = f" (PID {pid.group(1)})" if pid else ""
                raise ErrorCarga(
                    f"La base de datos {db} está ocupada por otro proceso{quien}; se esperó "
                    f"{espera:g} s. Vuelva a intentarlo cuando termine (o aumente --espera-db)."
                ) from exc
            time.sleep(min(pausa, resto))
            pausa = min(pausa * 2, 1.0)
    return con


def _revisar(con, ruta: Path, forzar: bool, tiempo: Optional[float] = None) -> ResultadoCarga | str:
    """The result when no extraction is needed (missing or unreadable file,
    unsupported format, content already stored), else the file's sha256."""
    archivo = ruta.name
    problema = problema_de_ruta(ruta)
    if problema:
        return ResultadoCarga(archivo, ruta, "fallido", f"{archivo}: {problema}")
    if ruta.suffix.lower() not in EXTENSIONES:
        motivo = (
            f"{archivo}: formato no admitido; se esperan archivos .pdf, .docx (o .doc, .rtf, .odt), "
            "páginas web .html o .htm, hojas de cálculo .xlsx, .xlsm, .xls, .ods o .csv, o presentaciones .pptx (o .ppt, .odp)."
        )
        return ResultadoCarga(archivo, ruta, "fallido", motivo)
    try:
        sha = sha256_archivo(ruta, tiempo)
    except OSError as exc:
        motivo = f"{archivo}: no se pudo leer el archivo ({razon_os(exc)})."
        return ResultadoCarga(archivo, ruta, "fallido", motivo)
    except ErrorCarga as exc:
        return ResultadoCarga(archivo, ruta, "fallido", str(exc))
    import pipelines.almacen as almacen

    previo = None if forzar else almacen.buscar_informe(con, sha)
    if previo is None:
        return sha
    return ResultadoCarga(
        archivo,
        ruta,
        "sin_cambios",
        None,
        previo["observaciones"],
        previo["no_mapeadas"],
        previo["informe_id"],
        sha,
        previo["entidad"],
        previo["dependencia"],
        previo["vigencia"],
        cobertura=previo.get("cobertura"),
    )


def _guardar(
    con: duckdb.DuckDBPyConnection,
    ruta: Path,
    sha: str,
    informe: Optional[almacen.InformePreparado],
    fallo: Optional[Fallo],
    forzar: bool,
) -> ResultadoCarga:
    archivo = ruta.name
    if fallo is not None:
        motivo, traza, *falta = fallo
        if falta:  # a program is missing: skipped, nothing stored, read again next time
            programa, instalar = falta[0]
            return ResultadoCarga(
                archivo, ruta, "omitido", motivo, sha256=sha, traza=traza, programa=programa, instalar=instalar
            )
        return ResultadoCarga(archivo, ruta, "fallido", motivo, sha256=sha, traza=traza)
    assert informe is not None  # an extraction gives a report or a failure
    from pipelines.carga import guardado

    try:
        resultado = guardado.guardar_informe(con, informe, ruta, forzar=forzar)
    except Exception as exc:  # noqa: BLE001 - recorded as 'fallido', batch goes on
        return ResultadoCarga(
            archivo,
            ruta,
            "fallido",
            _motivo(exc, archivo, _es_conocido(exc)),
            sha256=sha,
            traza=traceback.format_exc(),
        )
    import pipelines.almacen as almacen

    try:
        severidades: Optional[dict[str, int]] = almacen.severidades_de(con, informe.informe_id)
    except Exception:  # noqa: BLE001 - the report is stored; the summary reads them itself
        severidades = None
    return ResultadoCarga(
        archivo,
        ruta,
        resultado,
        None,
        informe.n_observaciones,
        informe.n_no_mapeadas,
        informe.informe_id,
        informe.sha256,
        informe.entidad,
        informe.dependencia,
        informe.vigencia,
        avisos=_avisos_formato(ruta, informe.formato) + _avisos_invalidas(ruta, informe.n_invalidas),
        cobertura=informe.cobertura,
        plantillas=dict(informe.plantillas),
        correcciones=informe.correcciones,
        hallazgos=severidades,
    )


_NOMBRES_FORMATO = {
    "pdf": "un PDF",
    "docx": "un documento de Word (.docx)",
    "xlsx": "un libro de Excel (.xlsx)",
    "xls": "un libro de Excel 97-2003 (.xls)",
    "ods": "una hoja de cálculo OpenDocument (.ods)",
    "csv": "un archivo de texto CSV",
    "html": "una página web (HTML)",
    "html_hoja": "una tabla de página web (HTML) guardada como hoja de cálculo",
    "doc": "un documento de Word 97-2003 (.doc)",
    "rtf": "un documento RTF",
    "odt": "un documento de texto OpenDocument (.odt)",
    "pptx": "una presentación de PowerPoint (.pptx)",
    "ppt": "una presentación de PowerPoint 97-2003 (.ppt)",
    "odp": "una presentación OpenDocument (.odp)",
}
# extensions whose content is read as another format's
_MISMO_FORMATO = {"xlsm": "xlsx", "tsv": "csv", "htm": "html"}
_MISMA_FAMILIA = {"html_hoja": "html"}  # an Excel-made page named .html: a web page, read as a sheet


def _avisos_formato(ruta: Path, formato: Optional[str]) -> list[str]:
    """The content decides the reader; say so when the extension disagrees."""
    extension = ruta.suffix.lower().lstrip(".")
    if formato not in _NOMBRES_FORMATO or _MISMO_FORMATO.get(extension, extension) in (
        formato,
        _MISMA_FAMILIA.get(formato),
    ):
        return []
    return [
        f"{ruta.name}: la extensión es .{extension} pero el contenido es {_NOMBRES_FORMATO[formato]}; "
        f"se leyó según su contenido."
    ]


def _avisos_invalidas(ruta: Path, n: int) -> list[str]:
    if not n:
        return []
    cifras = "1 cifra no válida quedó" if n == 1 else f"{n} cifras no válidas quedaron"
    return [f"{ruta.name}: {cifras} en filas_no_mapeadas con el motivo; el resto del informe se guardó."]


def _registrar(con, r: ResultadoCarga, inicio: datetime, al_terminar) -> ResultadoCarga:
    import pipelines.almacen as almacen

    almacen.registrar_carga(
        con,
        archivo=r.archivo,
        ruta=ruta_absoluta(r.ruta),
        resultado=r.resultado,
        inicio=inicio,
        sha256=r.sha256,
        informe_id=r.informe_id,
        motivo=r.motivo,
        observaciones=None if r.fallido or r.omitido else r.observaciones,
    )
    if al_terminar is not None:
        al_terminar(r)
    return r
