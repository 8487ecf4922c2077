"""A report file into the document model: a private copy hashed once, the
input guards, the reader of its format, tables stitched across pages and
words cut by line breaks mended."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from extractor.errores import ErrorLectura
from extractor.formatos import HOJAS, LEGADO, PRESENTACIONES, seguridad
from extractor.formatos.seguridad import LimitesLectura


def sha256_de(ruta: Path) -> str:
    h = hashlib.sha256()
    with open(ruta, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@contextmanager
def copia_privada(ruta: Path) -> Iterator[tuple[Path, str]]:
    """Read the file once into a private copy (a temporary folder only this
    user can read, removed at the end) and yield (copy, SHA-256 of the bytes
    copied). Everything after reads the copy: the bytes hashed are the bytes
    parsed, even if the original is rewritten meanwhile. The copy keeps the
    file's name (the readers name it in their messages)."""
    ruta = Path(ruta)
    carpeta = Path(tempfile.mkdtemp(prefix="informes-copia-"))
    try:
        tamano, libre = ruta.stat().st_size, shutil.disk_usage(carpeta).free
        if tamano > libre // 2:  # a huge (or sparse) file never fills the disk
            raise ErrorLectura(
                ruta.name,
                f"el archivo ocupa {tamano >> 20} MB y no hay espacio para leerlo "
                f"(quedan {libre >> 20} MB en la carpeta temporal)",
            )
        copia = carpeta / ruta.name
        h = hashlib.sha256()
        with open(ruta, "rb") as origen, open(copia, "xb") as destino:
            for chunk in iter(lambda: origen.read(1 << 20), b""):
                h.update(chunk)
                destino.write(chunk)
        yield copia, h.hexdigest()
    finally:
        shutil.rmtree(carpeta, ignore_errors=True)


def formato_de(ruta: Path) -> str:
    """The format the bytes say ('pdf', 'docx', 'xlsx', 'xls', 'ods', 'doc', 'rtf', 'odt', 'pptx', 'ppt',
    'odp', 'html'), whatever the extension claims ('csv': text named .csv; 'html_hoja': HTML named .xls or
    made by Excel); ErrorLectura with a Spanish reason for anything else."""
    from extractor.formatos.seguridad import detectar_formato

    return detectar_formato(Path(ruta))


def leer_documento(ruta: Path, limites: Optional[LimitesLectura] = None):
    """Read a file into the document model. The file is read once into a
    private copy (copia_privada), hashed and parsed from there. The input
    guards of `extractor.formatos.seguridad` run first (format from the bytes,
    encrypted or damaged files, page limit, text layer, zip bombs, XML
    entities)."""
    ruta = Path(ruta)
    if not ruta.is_file():
        raise ErrorLectura(ruta.name, "el archivo no existe")
    with copia_privada(ruta) as (copia, sha256):
        return _leer_copia(copia, sha256, limites or seguridad.LIMITES)


def _lector_pptx(limites: LimitesLectura):
    from extractor.formatos.pptx import leer_pptx  # python-pptx: only for presentations

    return lambda ruta, sha256: leer_pptx(ruta, sha256, limites)


def _leer_copia(ruta: Path, sha256: str, limites: LimitesLectura):
    from extractor.castellano.cortes import reparar_cortes
    from extractor.tablas.costura import unir_tablas
    from extractor.tablas.filas_apiladas import separar_filas_apiladas
    from extractor.tablas.tarjetas_en_columnas import separar_tarjetas

    formato = formato_de(ruta)
    seguridad.revisar(ruta, formato, limites)
    try:
        if formato == "pdf":
            from extractor.formatos.pdf import leer_pdf

            with seguridad.vigilar_flujos_pdf(ruta.name):
                doc = leer_pdf(ruta, sha256)
        elif formato == "html":
            from extractor.formatos.html import leer_html

            doc = leer_html(ruta, sha256, limites)
        elif formato in HOJAS:
            from extractor.formatos.hoja import leer_hoja

            doc = leer_hoja(ruta, sha256, limites, formato)
        elif formato in LEGADO:
            from extractor.formatos.legado import TIEMPO, leer_legado

            # a little past the file's deadline: the load's watchdog stops the file (and
            # LibreOffice with it) first, with the one message of the time limit
            margen = 2.0
            tiempo = TIEMPO if limites.plazo is None else min(TIEMPO, limites.plazo - time.monotonic() + margen)
            doc = leer_legado(
                ruta,
                sha256,
                formato,
                tiempo=tiempo,
                revisar_docx=lambda copia: seguridad.revisar(copia, copia.suffix.lstrip("."), limites),
                leer_copia=_lector_pptx(limites) if formato in PRESENTACIONES else None,
            )
        elif formato == "pptx":
            doc = _lector_pptx(limites)(ruta, sha256)
        else:
            from extractor.formatos.docx import leer_docx  # python-docx: only for DOCX (0,1 s)

            doc = leer_docx(ruta, sha256)
    except ErrorLectura:
        raise
    except Exception as exc:  # a reader library failing on a broken file
        if seguridad.es_memoria(exc):
            raise MemoryError(f"{ruta.name}: sin memoria al leer el {formato.upper()}") from exc
        motivo = seguridad.motivo_de_excepcion(exc, formato)
        if motivo is None:
            motivo = f"no se pudo leer el {formato.upper()} ({type(exc).__name__}: {exc})"
        raise ErrorLectura(ruta.name, motivo) from exc
    return separar_tarjetas(separar_filas_apiladas(reparar_cortes(unir_tablas(doc))))
