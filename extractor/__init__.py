"""Readers and extraction: a report file in, an `InformeExtraido` out.

    file → Documento (readers) → stitched tables → metadata + observations

Each step is a plain function of the previous step's output.
"""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from .errores import ErrorLectura
from .resultado import InformeExtraido

__all__ = ["extraer_informe", "leer_documento", "interpretar", "ErrorLectura"]


def sha256_de(ruta: Path) -> str:
    h = hashlib.sha256()
    with open(ruta, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def formato_de(ruta: Path) -> str:
    """The format the bytes say, whatever the extension claims."""
    with open(ruta, "rb") as f:
        head = f.read(8)
    if not head:
        raise ErrorLectura(ruta.name, "el archivo está vacío (0 bytes)")
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"PK") and zipfile.is_zipfile(ruta):
        with zipfile.ZipFile(ruta) as z:
            if "word/document.xml" in z.namelist():
                return "docx"
    raise ErrorLectura(ruta.name, "no es un PDF ni un documento de Word (.docx) válido")


def leer_documento(ruta: Path):
    from .lectores.docx import leer_docx
    from .lectores.pdf import leer_pdf
    from .tablas import unir_tablas

    ruta = Path(ruta)
    if not ruta.is_file():
        raise ErrorLectura(ruta.name, "el archivo no existe")
    formato = formato_de(ruta)
    lector = {"pdf": leer_pdf, "docx": leer_docx}[formato]
    try:
        doc = lector(ruta, sha256_de(ruta))
    except ErrorLectura:
        raise
    except Exception as exc:  # a reader library failing on a broken file
        raise ErrorLectura(ruta.name, f"no se pudo leer el {formato.upper()}: {exc}") from exc
    return unir_tablas(doc)


def interpretar(doc) -> InformeExtraido:
    from .filas import interpretar_tabla
    from .metadatos import extraer_metadatos, planifica
    from .narrativa import dinero_en_narrativa

    meta, ctx = extraer_metadatos(doc)
    result = InformeExtraido(
        archivo=doc.archivo, sha256=doc.sha256, formato=doc.formato, paginas=doc.paginas, metadatos=meta
    )
    for tabla in doc.tablas:
        obs, skipped = interpretar_tabla(tabla, ctx, planifica(meta.tipo_documento))
        result.observaciones.extend(obs)
        result.no_mapeadas.extend(skipped)
    result.observaciones.extend(dinero_en_narrativa(doc, ctx))
    return result


def extraer_informe(ruta: Path) -> InformeExtraido:
    return interpretar(leer_documento(Path(ruta)))
