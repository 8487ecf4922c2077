"""Readers and extraction: a report file in, an `InformeExtraido` out.

    file -> Documento (extractor/leer.py, one backend per format in extractor/formatos/)
         -> tables stitched and read (extractor/tablas/)
         -> metadata, observations, coverage (extractor/informe/)

The Spanish of the reports (numbers, dates, lemmas) lives in extractor/castellano/;
the model every stage shares in extractor/modelo.py and extractor/resultado.py.
Each step is a plain function of the previous step's output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from extractor.errores import ErrorLectura
from extractor.formatos import seguridad
from extractor.formatos.seguridad import LimitesLectura
from extractor.informe.interpretar import interpretar
from extractor.leer import copia_privada, formato_de, leer_documento, sha256_de
from extractor.resultado import InformeExtraido

__all__ = [
    "extraer_informe",
    "leer_documento",
    "interpretar",
    "formato_de",
    "copia_privada",
    "sha256_de",
    "ErrorLectura",
    "LimitesLectura",
]


def extraer_informe(ruta: Path, limites: Optional[LimitesLectura] = None, plantillas: tuple = ()) -> InformeExtraido:
    """Read and interpret one report (with reading templates, extractor/tablas/plantillas.py).
    ErrorLectura (Spanish, naming the file) when it cannot be read or has no indicator table."""
    informe = interpretar(leer_documento(Path(ruta), limites), plantillas)
    seguridad.exigir_tablas_de_indicadores(informe)
    return informe
