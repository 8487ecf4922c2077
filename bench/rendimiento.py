"""Speed and memory of the pipeline, as ratios against a named baseline.

    python bench/rendimiento.py [--sin-reales] [--paginas-grande 1000]

In one process tree it measures, over the same PDF files (corpus/ and, when
present, ../shared/corpus-real/):
1. baseline: pdfplumber's own `extract_tables()` over every page;
2. the full extraction (`extractor.extraer_informe`) in one process;
3. the full load (`informes cargar` machinery) with 1 and with 2 workers;
4. peak memory of one worker extracting reports of ~250 and ~1,000 pages
   that the script builds from corpus pages (flat = no growth with size).
It prints pages per second and the ratios. Timings are for reading, never
asserted in tests.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))


def pdfs(incluir_reales: bool) -> list[Path]:
    files = sorted(p for p in (RAIZ / "corpus").glob("*.pdf") if "escaneado" not in p.name)  # OCR: bench/ocr.py
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
    process of the fork server, with the per-file limits, one writer."""
    from pipelines.cargar import Limites, cargar_rutas

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        cargar_rutas(files, Path(tmp) / "bench.duckdb", trabajadores=trabajadores, limites=Limites())
        return time.perf_counter() - start


def calentar(files: list[Path]) -> None:
    """Start the fork server and the writer's tables once, outside the
    timings (a bulk load pays them once, whatever its size)."""
    carga(files[:1], 1)


def informe_grande(origen: Path, n_paginas: int, destino: Path) -> Path:
    """A report of about n_paginas pages: the source's pages repeated."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(str(origen))
    out = pdfium.PdfDocument.new()
    while len(out) < n_paginas:
        out.import_pages(src)
    out.save(str(destino))
    return destino


def _pico_propio() -> float:
    """Peak resident memory of this process, MB. VmHWM (Linux) is this
    process's own; ru_maxrss would carry over the parent's peak from before
    the exec of a spawned child."""
    try:
        with open("/proc/self/status") as f:
            for linea in f:
                if linea.startswith("VmHWM:"):
                    return int(linea.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KB


def _peak_child(path: str, queue) -> None:
    import pipelines.precarga  # noqa: F401 - what a worker of the fork server has loaded
    from extractor import extraer_informe

    extraer_informe(Path(path))
    queue.put(_pico_propio())


def pico_memoria(path: Path) -> float:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_peak_child, args=(str(path), queue))
    proc.start()
    peak = queue.get()
    proc.join()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sin-reales", action="store_true", help="solo corpus/, sin ../shared/corpus-real")
    parser.add_argument("--paginas-grande", type=int, default=1000)
    args = parser.parse_args()

    files = pdfs(not args.sin_reales)
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

    origen = RAIZ / "corpus" / "girardot_salud_2018.pdf"
    with tempfile.TemporaryDirectory() as tmp:
        for size in (args.paginas_grande // 4, args.paginas_grande):
            big = informe_grande(origen, size, Path(tmp) / f"grande_{size}.pdf")
            start = time.perf_counter()
            peak = pico_memoria(big)
            elapsed = time.perf_counter() - start
            print(f"informe de {size} páginas: memoria pico del trabajador {peak:.0f} MB, {size / elapsed:.1f} pág/s")


if __name__ == "__main__":
    main()
