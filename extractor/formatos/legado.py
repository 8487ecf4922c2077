"""Legacy word-processor documents (.doc, .rtf, .odt): LibreOffice converts
them to DOCX, then the DOCX reader reads the copy.

Each conversion runs `soffice --headless --convert-to docx` in its own
temporary folder, with its own LibreOffice profile inside it
(`-env:UserInstallation`), so concurrent conversions never share state and
nothing is left behind: the folder (profile, input copy, output, LibreOffice's
temporary files) is removed afterwards. The conversion has a time limit;
LibreOffice runs in its own process group under `timeout`, and the whole group
is killed when the limit passes (what is left of the file's --limite-tiempo),
when the conversion ends, or (by `timeout`) when the process that started it
was killed first; it stays in the session of the reading process, which a
load ends as a whole.

The document the rest of the pipeline sees names the original file: its
name, the SHA-256 of the original bytes and the format ('doc', 'rtf', 'odt').
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Optional

from extractor.errores import ErrorLectura, FaltaPrograma
from extractor.modelo import Documento

PAQUETE = "libreoffice-writer-nogui"
TIEMPO = 120  # seconds for one conversion
NOMBRES = {"doc": "Word 97-2003 (.doc)", "rtf": "RTF", "odt": "OpenDocument (.odt)"}


def soffice() -> Optional[str]:
    """The LibreOffice executable, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def falta_libreoffice(formato: str) -> Optional[str]:
    """None when LibreOffice is installed; otherwise the Spanish reason."""
    if soffice() is None:
        return (
            f"los documentos {NOMBRES.get(formato, formato)} se convierten con LibreOffice, que no está "
            f"instalado (en Debian/Ubuntu: apt-get install {PAQUETE})"
        )
    return None


def _matar_grupo(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def convertir(ruta: Path, formato: str, carpeta: Path, tiempo: float = TIEMPO) -> Path:
    """Convert `ruta` to DOCX inside `carpeta` (which the caller removes);
    returns the DOCX path. FaltaPrograma when LibreOffice is missing;
    ErrorLectura (Spanish) when it fails or takes longer than `tiempo` seconds."""
    nombre = ruta.name
    falta = falta_libreoffice(formato)
    if falta:
        raise FaltaPrograma(nombre, falta, "LibreOffice", f"apt-get install {PAQUETE}")
    if tiempo < 1:
        raise ErrorLectura(
            nombre, f"no quedó tiempo para convertir el documento {NOMBRES[formato]} (límite de tiempo del archivo)"
        )
    entrada = carpeta / f"documento.{formato}"  # a plain name: LibreOffice names its output after it
    salida = carpeta / "salida"
    temporal = carpeta / "tmp"
    salida.mkdir()
    temporal.mkdir()
    shutil.copyfile(ruta, entrada)
    programa = soffice()
    assert programa is not None  # falta_libreoffice found it
    orden = [
        programa,
        f"-env:UserInstallation={(carpeta / 'perfil').as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
        str(salida),
        str(entrada),
    ]
    if shutil.which("timeout"):  # kills LibreOffice's whole group even if this process is killed first
        orden = ["timeout", "-k", "5", f"{tiempo:.1f}", *orden]
    entorno = {**os.environ, "TMPDIR": str(temporal), "HOME": str(carpeta)}
    # A process group of its own (killed as a whole below) but the caller's
    # session: a load's reading process ends its whole session when the
    # file is done or out of time (pipelines/carga/cargar.py), LibreOffice included.
    proceso = subprocess.Popen(
        orden,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        process_group=0,
        env=entorno,
        cwd=carpeta,
    )
    try:
        _, errores = proceso.communicate(timeout=tiempo + 10)
    except subprocess.TimeoutExpired:
        _matar_grupo(proceso.pid)
        proceso.communicate()
        raise ErrorLectura(
            nombre, f"LibreOffice tardó más de {tiempo:g} s en convertir el documento {NOMBRES[formato]}"
        ) from None
    finally:
        _matar_grupo(proceso.pid)  # nothing of LibreOffice outlives the conversion
    docx = salida / "documento.docx"
    if proceso.returncode == 124:
        raise ErrorLectura(
            nombre, f"LibreOffice tardó más de {tiempo:g} s en convertir el documento {NOMBRES[formato]}"
        )
    if not docx.is_file() or docx.stat().st_size == 0:
        detalle = [
            l
            for l in errores.decode("utf-8", "replace").splitlines()
            if l.strip() and "javaldx" not in l and not l.startswith("Warning")
        ]
        motivo = f"LibreOffice no pudo convertir el documento {NOMBRES[formato]}; puede estar dañado"
        if detalle:
            motivo += f" ({detalle[-1].strip()[:200]})"
        raise ErrorLectura(nombre, motivo)
    return docx


def leer_legado(ruta: Path, sha256: str, formato: str, revisar_docx=None, tiempo: float = TIEMPO) -> Documento:
    """Read a .doc, .rtf or .odt through a DOCX copy made by LibreOffice.
    `revisar_docx(path)`: the DOCX guards, run on the copy before reading.
    `tiempo`: seconds the conversion may take (what is left of the file's
    time limit)."""
    from extractor.formatos.docx import leer_docx

    ruta = Path(ruta)
    carpeta = Path(tempfile.mkdtemp(prefix="informes-legado-"))
    try:
        docx = convertir(ruta, formato, carpeta, tiempo)
        if revisar_docx is not None:
            try:
                revisar_docx(docx)
            except ErrorLectura as exc:
                raise ErrorLectura(ruta.name, f"la conversión a DOCX no se puede leer: {exc.motivo}") from exc
        doc = leer_docx(docx, sha256)
    finally:
        shutil.rmtree(carpeta, ignore_errors=True)
    doc.archivo = ruta.name
    doc.formato = formato
    return doc
