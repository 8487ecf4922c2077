"""Batch loading: files and folders -> extractor -> store, one transaction
per report. A bad file is recorded as 'fallido' and the batch goes on.

Extraction may run in worker processes (trabajadores > 1); writing always
happens here, through one connection, in input order.
"""
from __future__ import annotations

import hashlib
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional

from pipelines import almacen
from pipelines.almacen import ErrorAlmacen

if TYPE_CHECKING:
    from extractor.resultado import InformeExtraido

EXTENSIONES = (".pdf", ".docx")

Extractor = Callable[[Path], "InformeExtraido"]


class ErrorCarga(Exception):
    """A file that cannot be loaded (Spanish message naming the file)."""


@dataclass
class ResultadoCarga:
    archivo: str
    ruta: Path
    resultado: str  # cargado | sin_cambios | reemplazado | fallido
    motivo: Optional[str] = None  # Spanish one-liner naming the file, for 'fallido'
    observaciones: int = 0
    no_mapeadas: int = 0
    informe_id: Optional[str] = None
    sha256: Optional[str] = None
    entidad: Optional[str] = None
    dependencia: Optional[str] = None
    vigencia: Optional[int] = None
    traza: Optional[str] = field(default=None, repr=False)  # traceback, for --debug

    @property
    def fallido(self) -> bool:
        return self.resultado == "fallido"


def expandir_rutas(rutas: list[Path]) -> list[Path]:
    """Folders become their .pdf/.docx files (recursive, sorted; Word lock
    files "~$..." skipped); files are kept as given. No duplicates."""
    vistos: set[Path] = set()
    salida: list[Path] = []
    for ruta in map(Path, rutas):
        if ruta.is_dir():
            candidatos = sorted(
                p for p in ruta.rglob("*")
                if p.is_file() and p.suffix.lower() in EXTENSIONES and not p.name.startswith("~$")
            )
        else:
            candidatos = [ruta]
        for p in candidatos:
            clave = p.resolve()
            if clave not in vistos:
                vistos.add(clave)
                salida.append(p)
    return salida


def sha256_archivo(ruta: Path) -> str:
    h = hashlib.sha256()
    with open(ruta, "rb") as f:
        for bloque in iter(lambda: f.read(1 << 20), b""):
            h.update(bloque)
    return h.hexdigest()


def _motivo(exc: BaseException, archivo: str, conocido: bool) -> str:
    texto = str(exc).strip() or type(exc).__name__
    if not conocido:
        texto = f"error inesperado ({type(exc).__name__}: {texto})"
    return texto if texto.startswith(archivo) else f"{archivo}: {texto}"


def _es_conocido(exc: BaseException) -> bool:
    return isinstance(exc, (ErrorAlmacen, ErrorCarga)) or type(exc).__name__ == "ErrorLectura"


def _extraer_protegido(extraer: Extractor, ruta: Path):
    """Run the extractor; return (start time, informe, None) or
    (start time, None, (motivo, traza)). Nothing raises: worker-safe."""
    inicio = datetime.now()
    try:
        return inicio, extraer(ruta), None
    except Exception as exc:  # noqa: BLE001 - every failure becomes a 'fallido' row
        return inicio, None, (_motivo(exc, ruta.name, _es_conocido(exc)), traceback.format_exc())


def _extracciones(extraer: Extractor, rutas: list[Path], trabajadores: int) -> Iterator[tuple]:
    if trabajadores <= 1 or len(rutas) <= 1:
        for ruta in rutas:
            yield _extraer_protegido(extraer, ruta)
        return
    with ProcessPoolExecutor(max_workers=trabajadores) as pool:
        futuros = [pool.submit(_extraer_protegido, extraer, ruta) for ruta in rutas]
        for ruta, futuro in zip(rutas, futuros):
            try:
                yield futuro.result()
            except Exception as exc:  # noqa: BLE001 - e.g. a worker that died
                yield datetime.now(), None, (_motivo(exc, ruta.name, False), traceback.format_exc())


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
    al_terminar: Optional[Callable[[ResultadoCarga], None]] = None,
) -> list[ResultadoCarga]:
    """Load files and folders into the store at `db`; one ResultadoCarga per
    file, in input order. Files whose content is already stored are not
    extracted again (unless forzar). `al_terminar` is called after each file."""
    archivos = expandir_rutas(rutas)
    con = almacen.abrir(db)
    try:
        resultados: list[Optional[ResultadoCarga]] = [None] * len(archivos)
        pendientes: list[tuple[int, Path, str]] = []
        for i, ruta in enumerate(archivos):
            inicio = datetime.now()
            r, sha = _revisar(con, ruta, forzar)
            if r is None:
                pendientes.append((i, ruta, sha))
            else:
                resultados[i] = _registrar(con, r, inicio, al_terminar)
        if pendientes:
            extraer = extraer or extractor_por_defecto()
            rutas_pendientes = [p[1] for p in pendientes]
            for (i, ruta, sha), (inicio, informe, fallo) in zip(
                pendientes, _extracciones(extraer, rutas_pendientes, trabajadores)
            ):
                r = _guardar(con, ruta, sha, informe, fallo, forzar)
                resultados[i] = _registrar(con, r, inicio, al_terminar)
        return [r for r in resultados if r is not None]
    finally:
        con.close()


def _revisar(con, ruta: Path, forzar: bool) -> tuple[Optional[ResultadoCarga], Optional[str]]:
    """(result, sha256). The result is set when no extraction is needed
    (missing file, unsupported format, content already stored)."""
    archivo = ruta.name
    if not ruta.is_file():
        return ResultadoCarga(archivo, ruta, "fallido", f"{archivo}: no existe el archivo ({ruta})."), None
    if ruta.suffix.lower() not in EXTENSIONES:
        motivo = f"{archivo}: formato no admitido; se esperan archivos .pdf o .docx."
        return ResultadoCarga(archivo, ruta, "fallido", motivo), None
    try:
        sha = sha256_archivo(ruta)
    except OSError as exc:
        motivo = f"{archivo}: no se pudo leer el archivo ({exc})."
        return ResultadoCarga(archivo, ruta, "fallido", motivo), None
    previo = None if forzar else almacen.buscar_informe(con, sha)
    if previo is None:
        return None, sha
    return ResultadoCarga(
        archivo, ruta, "sin_cambios", None, previo["observaciones"], previo["no_mapeadas"],
        previo["informe_id"], sha, previo["entidad"], previo["dependencia"], previo["vigencia"],
    ), sha


def _guardar(con, ruta: Path, sha: str, informe, fallo, forzar: bool) -> ResultadoCarga:
    archivo = ruta.name
    if fallo is not None:
        motivo, traza = fallo
        return ResultadoCarga(archivo, ruta, "fallido", motivo, sha256=sha, traza=traza)
    try:
        resultado = almacen.guardar_informe(con, informe, ruta, forzar=forzar)
    except Exception as exc:  # noqa: BLE001 - recorded as 'fallido', batch goes on
        return ResultadoCarga(
            archivo, ruta, "fallido", _motivo(exc, archivo, _es_conocido(exc)),
            sha256=sha, traza=traceback.format_exc(),
        )
    meta = informe.metadatos
    return ResultadoCarga(
        archivo, ruta, resultado, None, len(informe.observaciones), len(informe.no_mapeadas),
        almacen.informe_id_de(informe.sha256), informe.sha256, meta.entidad,
        meta.dependencia, meta.vigencia,
    )


def _registrar(con, r: ResultadoCarga, inicio: datetime, al_terminar) -> ResultadoCarga:
    almacen.registrar_carga(
        con, archivo=r.archivo, ruta=r.ruta.resolve(), resultado=r.resultado, inicio=inicio,
        sha256=r.sha256, informe_id=r.informe_id, motivo=r.motivo,
        observaciones=None if r.fallido else r.observaciones,
    )
    if al_terminar is not None:
        al_terminar(r)
    return r
