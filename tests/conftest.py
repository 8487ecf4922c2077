from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.modelo import Celda, Tabla

RAIZ = Path(__file__).resolve().parent.parent
CORPUS = RAIZ / "corpus"
INFORMES = CORPUS / "informes"  # the sample reports (what `informes cargar` reads)
GOLD = CORPUS / "gold"  # their <id>.gold.csv, <id>.meta.yaml and vinculos_gold.csv
GENERADOR = CORPUS / "generador"  # the scripts that build them
CORPUS_REAL = RAIZ.parent / "shared" / "corpus-real"


def tabla_de(filas: list[list[str]], pagina: int = 1, indice: int = 1) -> Tabla:
    """A table from plain rows of text (no spans)."""
    celdas = [
        Celda(texto=t, fila=r, columna=k, pagina=pagina) for r, fila in enumerate(filas) for k, t in enumerate(fila)
    ]
    return Tabla(indice=indice, celdas=celdas)


@pytest.fixture
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session", autouse=True)
def cache_ocr_propia(tmp_path_factory):
    """OCR results (extractor/formatos/ocr.py) go to a cache of this test
    session, not the user's ~/.cache: every run starts cold, as CI does,
    and reads each scanned page once."""
    import os

    anterior = os.environ.get("INFORMES_CACHE")
    os.environ["INFORMES_CACHE"] = str(tmp_path_factory.mktemp("cache_informes"))
    yield
    if anterior is None:
        os.environ.pop("INFORMES_CACHE", None)
    else:
        os.environ["INFORMES_CACHE"] = anterior


NAVEGADORES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# headless Chromium as the tests run it (a container: no sandbox, no GPU, a small /dev/shm)
CHROMIUM_SIN_VENTANA = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run")


def navegador() -> str:
    """Headless Chromium for the HTML tests: skipped where it is missing,
    a failure in CI (which installs it)."""
    for nombre in NAVEGADORES:
        ruta = shutil.which(nombre)
        if ruta:
            return ruta
    if os.environ.get("CI"):
        pytest.fail(
            "Chromium no está instalado y en CI esta prueba debe correr "
            "(apt-get install -y --no-install-recommends chromium)."
        )
    pytest.skip("Chromium no está instalado (apt-get install chromium)")


def observaciones_con(informe, **campos):
    """The observations of an extracted report whose fields equal `campos`."""
    return [o for o in informe.observaciones if all(getattr(o, k) == v for k, v in campos.items())]


def una_observacion(informe, **campos):
    """The one observation with those fields (the test fails if there are none or several)."""
    encontradas = observaciones_con(informe, **campos)
    assert len(encontradas) == 1, (campos, encontradas)
    return encontradas[0]


def docx_con_tabla(ruta: Path, parrafos: list[str], filas) -> Path:
    """A Word file made by python-docx: the paragraphs, then a table of
    `filas` (the first is its header), one text per cell."""
    from docx import Document

    doc = Document()
    for parrafo in parrafos:
        doc.add_paragraph(parrafo)
    tabla = doc.add_table(rows=len(filas), cols=len(filas[0]))
    for r, fila in enumerate(filas):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    doc.save(ruta)
    return ruta


def fila_reglada(lienzo, xs: list[float], y: float, fila, alto: float, margen: float = 3) -> float:
    """Draw one fully ruled table row on a reportlab canvas: a cell between
    each pair of `xs`, its text near the bottom. Returns the next row's top."""
    for x0, x1, texto in zip(xs, xs[1:], fila):
        lienzo.rect(x0, y - alto, x1 - x0, alto)
        lienzo.drawString(x0 + margen, y - round(alto * 0.7), texto)
    return y - alto


def correr_informes(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real CLI (`python -m pipelines.cli`) of this checkout, whatever is installed, run in `cwd`."""
    env = {**os.environ, "COLUMNS": "200", "PYTHONPATH": str(RAIZ)}
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def pdf_de_html(html: str, ruta: Path) -> Path:
    """`html` printed to the PDF `ruta` by headless Chromium (a dashboard
    exported from a web page), without the browser's header and footer."""
    fuente = ruta.with_suffix(".html")
    fuente.write_text(html, encoding="utf-8")
    hecho = subprocess.run(
        [
            navegador(),
            *CHROMIUM_SIN_VENTANA,
            f"--user-data-dir={ruta.parent / '.perfil_chromium'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={ruta}",
            fuente.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hecho.returncode == 0 and ruta.exists(), hecho.stderr[-2000:]
    return ruta
