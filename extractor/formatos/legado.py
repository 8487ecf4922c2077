"""Legacy word-processor documents (.doc, .rtf, .odt) and presentations
(.ppt, .odp): LibreOffice converts them to DOCX (to PPTX), then the DOCX
(PPTX) reader reads the copy. Presentations need LibreOffice's Impress
(`libreoffice-impress-nogui`), documents its Writer.

Each conversion runs `soffice --headless --convert-to docx` (pptx) in its own
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
name, the SHA-256 of the original bytes and the format ('doc', 'rtf', 'odt',
'ppt', 'odp').
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
PAQUETE_PRESENTACIONES = "libreoffice-impress-nogui"
TIEMPO = 120  # seconds for one conversion
NOMBRES = {
    "doc": "Word 97-2003 (.doc)",
    "rtf": "RTF",
    "odt": "OpenDocument (.odt)",
    "ppt": "PowerPoint 97-2003 (.ppt)",
    "odp": "OpenDocument (.odp)",
}
PRESENTACIONES = ("ppt", "odp")
# (extension, LibreOffice's export filter) of the copy
_DESTINO = {
    "documento": ("docx", "docx:MS Word 2007 XML"),
    "presentacion": ("pptx", "pptx:Impress MS PowerPoint 2007 XML"),
}


def _es_presentacion(formato: str) -> bool:
    return formato in PRESENTACIONES


def _el_archivo(formato: str) -> str:
    """ "el documento Word 97-2003 (.doc)", "la presentación OpenDocument (.odp)" """
    return f"la presentación {NOMBRES[formato]}" if _es_presentacion(formato) else f"el documento {NOMBRES[formato]}"


def paquete(formato: str) -> str:
    """The Debian/Ubuntu package of LibreOffice that converts `formato`."""
    return PAQUETE_PRESENTACIONES if _es_presentacion(formato) else PAQUETE


def soffice() -> Optional[str]:
    """The LibreOffice executable, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def falta_libreoffice(formato: str) -> Optional[str]:
    """None when LibreOffice (with Impress, for a presentation) is installed;
    otherwise the Spanish reason."""
    programa = soffice()
    if _es_presentacion(formato):
        que = f"las presentaciones {NOMBRES.get(formato, formato)} se convierten con LibreOffice Impress"
        if programa is None or _sin_impress(programa):
            return f"{que}, que no está instalado (en Debian/Ubuntu: apt-get install {PAQUETE_PRESENTACIONES})"
        return None
    if programa is None:
        return (
            f"los documentos {NOMBRES.get(formato, formato)} se convierten con LibreOffice, que no está "
            f"instalado (en Debian/Ubuntu: apt-get install {PAQUETE})"
        )
    return None


def _sin_impress(programa: str) -> bool:
    """True when LibreOffice's program folder has Writer's library and not
    Impress's (the Debian/Ubuntu layout, where each is a package of its own);
    False when Impress is there or the layout is another one."""
    carpeta = Path(os.path.realpath(programa)).parent
    return (carpeta / "libswlo.so").is_file() and not (carpeta / "libsdlo.so").is_file()


def _matar_grupo(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def convertir(ruta: Path, formato: str, carpeta: Path, tiempo: float = TIEMPO) -> Path:
    """Convert `ruta` to DOCX (a presentation to PPTX) inside `carpeta`
    (which the caller removes); returns the copy's path. FaltaPrograma when
    LibreOffice is missing; ErrorLectura (Spanish) when it fails or takes
    longer than `tiempo` seconds."""
    nombre = ruta.name
    falta = falta_libreoffice(formato)
    if falta:
        raise FaltaPrograma(nombre, falta, "LibreOffice", f"apt-get install {paquete(formato)}")
    if tiempo < 1:
        raise ErrorLectura(
            nombre, f"no quedó tiempo para convertir {_el_archivo(formato)} (límite de tiempo del archivo)"
        )
    extension, filtro = _DESTINO["presentacion" if _es_presentacion(formato) else "documento"]
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
        filtro,
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
            nombre, f"LibreOffice tardó más de {tiempo:g} s en convertir {_el_archivo(formato)}"
        ) from None
    finally:
        _matar_grupo(proceso.pid)  # nothing of LibreOffice outlives the conversion
    copia = salida / f"documento.{extension}"
    if proceso.returncode == 124:
        raise ErrorLectura(nombre, f"LibreOffice tardó más de {tiempo:g} s en convertir {_el_archivo(formato)}")
    if not copia.is_file() or copia.stat().st_size == 0:
        detalle = [
            l
            for l in errores.decode("utf-8", "replace").splitlines()
            if l.strip() and "javaldx" not in l and not l.startswith("Warning")
        ]
        danado = "dañada" if _es_presentacion(formato) else "dañado"
        motivo = f"LibreOffice no pudo convertir {_el_archivo(formato)}; puede estar {danado}"
        if detalle:
            motivo += f" ({detalle[-1].strip()[:200]})"
        raise ErrorLectura(nombre, motivo)
    return copia


def leer_legado(
    ruta: Path, sha256: str, formato: str, revisar_docx=None, tiempo: float = TIEMPO, leer_copia=None
) -> Documento:
    """Read a .doc, .rtf or .odt through a DOCX copy made by LibreOffice (a
    .ppt or .odp through a PPTX copy). `revisar_docx(path)`: the guards of
    the copy's format, run on it before reading. `tiempo`: seconds the
    conversion may take (what is left of the file's time limit).
    `leer_copia(path, sha256)`: the reader of a presentation's copy."""
    if leer_copia is None and _es_presentacion(formato):
        from extractor.formatos.pptx import leer_pptx as leer_copia
    elif leer_copia is None:
        from extractor.formatos.docx import leer_docx as leer_copia

    ruta = Path(ruta)
    carpeta = Path(tempfile.mkdtemp(prefix="informes-legado-"))
    try:
        copia = convertir(ruta, formato, carpeta, tiempo)
        if revisar_docx is not None:
            try:
                revisar_docx(copia)
            except ErrorLectura as exc:
                destino = copia.suffix.lstrip(".").upper()
                raise ErrorLectura(ruta.name, f"la conversión a {destino} no se puede leer: {exc.motivo}") from exc
        doc = leer_copia(copia, sha256)
    finally:
        shutil.rmtree(carpeta, ignore_errors=True)
    doc.archivo = ruta.name
    doc.formato = formato
    return doc
