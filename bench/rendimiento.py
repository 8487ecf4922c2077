"""Speed and memory of the pipeline, as ratios against a named baseline.

    python bench/rendimiento.py [--sin-reales] [--paginas-grande 1000] [--solo-memoria]

In one process tree it measures, over the same PDF files (corpus/informes/ and, when
present, ../shared/corpus-real/):
1. baseline: pdfplumber's own `extract_tables()` over every page;
2. the full extraction (`extractor.extraer_informe`) in one process;
3. the full load (`informes cargar` machinery) with 1 and with 2 workers;
4. peak memory of one worker extracting reports of ~250 and ~1,000 pages
   that the script builds from corpus pages (flat = no growth with size),
   two kinds: girardot_salud_2018.pdf repeated (two pages of dense tables
   in three) and a more usual one (four prose pages for each page with
   tables, taken in turn from the corpus's PDFs); for each, the growth
   from the small to the big one (ratio and MB per 1,000 pages). Only this
   part: --solo-memoria.
It prints pages per second and the ratios. Timings are for reading, never
asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "bench"))

from memoria import medir  # noqa: E402


def pdfs(incluir_reales: bool) -> list[Path]:
    files = sorted(
        p for p in (RAIZ / "corpus" / "informes").glob("*.pdf") if "escaneado" not in p.name
    )  # OCR: bench/ocr.py
    reales = RAIZ.parent / "shared" / "corpus-real"
    if incluir_reales and reales.is_dir():
        files += [p for p in sorted(reales.glob("*.pdf")) if "escaneado" not in p.name]
    return files


def paginas(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        total += len(pdf)
        pdf.close()
    return total


def baseline_pdfplumber(files: list[Path]) -> float:
    import pdfplumber

    start = time.perf_counter()
    for f in files:
        with pdfplumber.open(str(f)) as pdf:
            for page in pdf.pages:
                page.extract_tables()
                page.close()
    return time.perf_counter() - start


def _extract_all(files: list[Path]) -> int:
    from extractor import ErrorLectura, extraer_informe

    n = 0
    for f in files:
        try:
            n += len(extraer_informe(f).observaciones)
        except ErrorLectura:
            pass
    return n


def extraccion(files: list[Path]) -> float:
    start = time.perf_counter()
    _extract_all(files)
    return time.perf_counter() - start


def carga(files: list[Path], trabajadores: int) -> float:
    """The load as `informes cargar -t N` runs it: each file in a child
    process of the fork server, with the per-file limits, one writer.
    The fork server is a new interpreter: with this copy first on its
    PYTHONPATH it preloads this copy's code, not an installed one's."""
    from pipelines.carga.cargar import Limites, cargar_rutas

    rutas = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if str(RAIZ) not in rutas[:1]:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(RAIZ)] + [r for r in rutas if r])
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        cargar_rutas(files, Path(tmp) / "bench.duckdb", trabajadores=trabajadores, limites=Limites())
        return time.perf_counter() - start


def calentar(files: list[Path]) -> None:
    """Start the fork server and the writer's tables once, outside the
    timings (a bulk load pays them once, whatever its size). Two files: a
    load of one file forks its child from this process and never starts
    the server (aislamiento._contexto_para)."""
    carga(files[:2], 1)


def informe_grande(origen: Path, n_paginas: int, destino: Path) -> Path:
    """A report of about n_paginas pages: the source's pages repeated."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(origen))
    out = pdfium.PdfDocument.new()
    while len(out) < n_paginas:
        out.import_pages(src)
    out.save(str(destino))
    out.close()
    src.close()
    return destino


PROSA_POR_TABLA = 4


def informe_narrativo(n_paginas: int, destino: Path) -> Path:
    """A report of n_paginas pages closer to a usual one: four prose pages
    for each page with tables, each taken in turn from the corpus's PDFs
    (prose or table page as the reader's first pass sees it)."""
    import pypdfium2 as pdfium

    from extractor.formatos.cribado import cribar

    prosa: list = []
    tablas: list = []
    fuentes = []
    for f in pdfs(False):
        src = pdfium.PdfDocument(str(f))
        fuentes.append(src)
        for pagina in cribar(f):
            if not pagina.escaneada:
                (tablas if pagina.con_tablas else prosa).append((src, pagina.numero - 1))
    out = pdfium.PdfDocument.new()
    usadas = {"prosa": 0, "tablas": 0}
    for i in range(n_paginas):
        tipo, lista = ("tablas", tablas) if i % (PROSA_POR_TABLA + 1) == PROSA_POR_TABLA else ("prosa", prosa)
        src, indice = lista[usadas[tipo] % len(lista)]
        usadas[tipo] += 1
        out.import_pages(src, pages=[indice])
    out.save(str(destino))
    out.close()
    for src in fuentes:
        src.close()
    return destino


def _extraer(ruta: str) -> int:
    """What a worker does with one file, up to the result it hands to the
    writer: the number of observations."""
    from extractor import extraer_informe

    return len(extraer_informe(Path(ruta)).observaciones)


def memoria_informes_grandes(paginas: int) -> None:
    """Peak memory of one worker (a fresh process with what the fork server
    preloads) extracting big reports of paginas // 4 and paginas pages."""
    tamanos = (paginas // 4, paginas)
    informes = (
        (
            "girardot_salud_2018.pdf repetido",
            lambda n, ruta: informe_grande(RAIZ / "corpus" / "informes" / "girardot_salud_2018.pdf", n, ruta),
        ),
        (f"{PROSA_POR_TABLA} páginas de prosa por página con tablas", informe_narrativo),
    )
    with tempfile.TemporaryDirectory() as tmp:
        for nombre, construir in informes:
            picos = []
            for n in tamanos:
                ruta = construir(n, Path(tmp) / f"grande_{n}.pdf")
                m = medir(_extraer, str(ruta), precargar="pipelines.carga.precarga")
                picos.append(m.pico)
                print(
                    f"{nombre}, {n} páginas: memoria pico del trabajador {m.pico:.0f} MB "
                    f"({m.base:.0f} MB antes de leer), {m.resultado} observaciones, {n / m.segundos:.1f} pág/s"
                )
            por_mil = (picos[1] - picos[0]) / (tamanos[1] - tamanos[0]) * 1000
            print(
                f"  {tamanos[1]} / {tamanos[0]} páginas: {picos[1] / picos[0]:.2f}× la memoria pico, "
                f"{por_mil:+.0f} MB por cada 1.000 páginas más"
            )


def velocidad(files: list[Path]) -> None:
    n = paginas(files)
    print(f"{len(files)} PDF, {n} páginas")
    t_base = baseline_pdfplumber(files)
    t_ext = extraccion(files)
    calentar(files)
    t_1 = carga(files, 1)
    t_2 = carga(files, 2)
    fila = "{:<44} {:>8.1f} pág/s   {:>5.2f}× la línea base"
    print(fila.format("línea base: pdfplumber extract_tables()", n / t_base, 1.0))
    print(fila.format("extracción completa (1 proceso)", n / t_ext, t_base / t_ext))
    print(fila.format("carga completa, 1 trabajador", n / t_1, t_base / t_1))
    print(fila.format("carga completa, 2 trabajadores", n / t_2, t_base / t_2))
    print(f"2 trabajadores / 1 trabajador: {t_1 / t_2:.2f}×")
    print(f"costo por página (1 trabajador): {1000 * t_1 / n:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sin-reales", action="store_true", help="solo corpus/informes/, sin ../shared/corpus-real")
    parser.add_argument("--paginas-grande", type=int, default=1000)
    parser.add_argument("--solo-memoria", action="store_true", help="solo la memoria pico con informes grandes")
    args = parser.parse_args()

    if not args.solo_memoria:
        velocidad(pdfs(not args.sin_reales))
    memoria_informes_grandes(args.paginas_grande)


if __name__ == "__main__":
    main()
