"""The speed targets of issue 17, each as a ratio against a named baseline,
measured in one run (the machine is shared: absolute times vary, ratios
measured side by side much less). Each measure is repeated and the median
printed next to its target.

    python bench/metas.py                    # everything, 3 repetitions
    python bench/metas.py --repeticiones 5
    python bench/metas.py --solo carga,ocr   # carga, ocr, escritor, arranque
    python bench/metas.py --sin-reales       # only corpus/informes/ (no ../shared/corpus-real)

1. carga: `informes cargar -t 1` (the load's own machinery, bench/rendimiento.py)
   against pdfplumber's `extract_tables()` loop over the same text-layer PDFs;
   and `-t 2` against `-t 1`.
2. ocr: the OCR reader (render, orientation, straighten, ruling lines,
   Tesseract, figures read again, words; empty cache; Tesseract inside the
   process when libtesseract loads, extractor/formatos/tesseract_api.py)
   against plain `tesseract` (`-l spa`, default page layout, TSV) on the same
   pages already rendered at the same resolution, with the same number of
   Tesseract processes (threads) at once.
3. escritor: writing one prepared report (`guardado.guardar_informe`, what the
   single writer does per report, the store opened as in a load) into a store holding 500 reports of the same
   entity, against writing it into an empty store; wall clock and CPU.
4. arranque: `informes cargar` of a 1-page PDF into a new store, end to end
   (a new interpreter, as a user runs it: compiled bytecode is kept, even if
   PYTHONDONTWRITEBYTECODE is set here), and `informes --help`; once with
   an empty header memory (the first load on a machine), then the repetitions.
Timings are for reading, never asserted in tests.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "bench"))

REALES = RAIZ.parent / "shared" / "corpus-real"
ESPERA_HUERFANOS = 1.0  # seconds without an orphan exiting after a measured command ends
UNA_PAGINA = RAIZ / "corpus" / "informes" / "villavicencio_hacienda_2022.pdf"
BASE_ESCRITOR = RAIZ / "corpus" / "informes" / "girardot_salud_2018.pdf"


def _fila(nombre: str, valores: list[float], meta: str, cumple: bool, unidad: str = "×") -> None:
    detalle = " / ".join(f"{v:.2f}" for v in valores)
    estado = "se cumple" if cumple else "NO se cumple"
    print(f"  {nombre:<52} mediana {statistics.median(valores):6.2f}{unidad}  ({detalle})  meta {meta}: {estado}")


# ------------------------------------------------------------------ carga


def metas_carga(repeticiones: int, reales: bool) -> None:
    from rendimiento import baseline_pdfplumber, calentar, carga, paginas, pdfs

    files = pdfs(reales)
    n = paginas(files)
    print(f"\n1. Carga: {len(files)} PDF con capa de texto, {n} páginas")
    calentar(files)
    r1, r21, seg = [], [], []
    for _ in range(repeticiones):
        t_base = baseline_pdfplumber(files)
        t_1 = carga(files, 1)
        t_2 = carga(files, 2)
        r1.append(t_base / t_1)
        r21.append(t_1 / t_2)
        seg.append((t_base, t_1, t_2))
        print(
            f"  pdfplumber {n / t_base:5.1f} pág/s, -t 1 {n / t_1:5.1f} pág/s, -t 2 {n / t_2:5.1f} pág/s "
            f"({1000 * t_1 / n:.0f} ms por página con 1 trabajador)"
        )
    _fila("cargar -t 1 frente a extract_tables() de pdfplumber", r1, "≥ 3×", statistics.median(r1) >= 3)
    _fila("cargar -t 2 frente a cargar -t 1", r21, "≥ 1,8×", statistics.median(r21) >= 1.8)


# -------------------------------------------------------------------- ocr


def _escaneados(reales: bool) -> list[Path]:
    files = sorted((RAIZ / "corpus" / "informes").glob("*_escaneado.pdf"))
    if reales and REALES.is_dir():
        files += sorted(REALES.glob("*escaneado*.pdf"))
    return files


def _tesseract_solo(imagen: Path, dpi: int) -> float:
    inicio = time.perf_counter()
    subprocess.run(
        ["tesseract", str(imagen), "stdout", "-l", "spa", "--dpi", str(dpi), "tsv"],
        capture_output=True,
        check=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
    )
    return time.perf_counter() - inicio


def metas_ocr(repeticiones: int, reales: bool) -> None:
    import pypdfium2 as pdfium

    from extractor.formatos import ocr

    falta = ocr.falta_tesseract()
    files = _escaneados(reales)
    if falta or not files:
        print(f"\n2. OCR: se omite ({falta or 'no hay PDF escaneados'})")
        return
    from extractor.formatos import tesseract_api

    donde = "dentro del proceso (libtesseract)" if tesseract_api.disponible() else "el programa tesseract"
    print(
        f"\n2. OCR: {len(files)} PDF escaneados, {ocr.DPI} dpi, {ocr.HILOS} Tesseract a la vez, "
        f"--psm {ocr.PSM} ({ocr.version_tesseract()}; el lector usa {donde}; código de "
        f"{Path(ocr.__file__).resolve().parent.parent.parent})"
    )
    ratios = []
    with tempfile.TemporaryDirectory(prefix="bench-metas-ocr-") as tmp:
        tmp = Path(tmp)
        imagenes: list[tuple[Path, int]] = []
        paginas: list[tuple[Path, list[int]]] = []
        for f in files:
            pdf = pdfium.PdfDocument(str(f))
            numeros = list(range(1, len(pdf) + 1))
            for i in numeros:
                pagina = pdf[i - 1]
                ancho, alto = pagina.get_size()
                dpi = min(ocr.DPI, int(72 * (ocr.MAX_PIXELES / max(ancho * alto, 1.0)) ** 0.5))
                ruta = tmp / f"{f.stem}-{i}.png"
                pagina.render(scale=dpi / 72.0, grayscale=True).to_pil().save(ruta)
                pagina.close()
                imagenes.append((ruta, dpi))
            pdf.close()
            paginas.append((f, numeros))
        n = len(imagenes)
        cpus = []
        for k in range(repeticiones):
            cpu = _cpu()
            inicio = time.perf_counter()
            with ThreadPoolExecutor(max_workers=ocr.HILOS) as hilos:
                list(hilos.map(lambda a: _tesseract_solo(*a), imagenes))
            t_plano = time.perf_counter() - inicio
            cpu_plano = _cpu() - cpu
            os.environ["INFORMES_CACHE"] = str(tmp / f"cache-{k}")  # empty: every page is read
            cpu = _cpu()
            inicio = time.perf_counter()
            preparar = 0.0
            for f, numeros in paginas:
                lector = ocr.LectorOcr(f, hashlib.sha256(f"{f}-{k}".encode()).hexdigest())
                lector.leer(numeros)
                preparar += lector.segundos_preparar
            t_ocr = time.perf_counter() - inicio
            cpu_ocr = _cpu() - cpu
            ratios.append(t_ocr / t_plano)
            cpus.append(cpu_ocr / cpu_plano)
            print(
                f"  tesseract solo {t_plano / n:.2f} s/pág ({cpu_plano / n:.2f} s de CPU), lector OCR "
                f"{t_ocr / n:.2f} s/pág ({cpu_ocr / n:.2f} s de CPU; preparar las imágenes "
                f"{preparar / n:.2f} s/pág de reloj, a la vez que Tesseract)"
            )
    _fila("lector OCR frente a tesseract solo (menos es mejor)", ratios, "≤ 1,2×", statistics.median(ratios) <= 1.2)
    _fila(
        "ídem en CPU (este proceso y sus Tesseract; no depende de la carga)",
        cpus,
        "≤ 1,2×",
        statistics.median(cpus) <= 1.2,
    )


def _cpu() -> float:
    """CPU seconds of this process and of its children that ended (Tesseract)."""
    import resource

    propio = resource.getrusage(resource.RUSAGE_SELF)
    hijos = resource.getrusage(resource.RUSAGE_CHILDREN)
    return propio.ru_utime + propio.ru_stime + hijos.ru_utime + hijos.ru_stime


# --------------------------------------------------------------- escritor


def _copia(base, k: int):
    informe = copy.copy(base)
    informe.sha256 = hashlib.sha256(f"metas-{k}".encode()).hexdigest()
    informe.archivo = f"metas_{k:04d}{Path(base.archivo).suffix}"
    informe.observaciones = [copy.copy(o) for o in base.observaciones]
    informe.no_mapeadas = []
    return informe


def _escribir(db: Path, base, k: int) -> tuple[float, float]:
    """(wall, CPU) seconds to write one report as the writer does: the store
    opened (pipelines/almacen/sesion.py), guardar_informe, closed. CPU: this
    process's, DuckDB's threads included."""
    from pipelines.almacen.sesion import Sesion
    from pipelines.carga import guardado

    prep = guardado.preparar(_copia(base, k))  # in the worker, not the writer
    sesion = Sesion(db)
    con = sesion.abrir()
    try:
        inicio, cpu = time.perf_counter(), time.process_time()
        guardado.guardar_informe(con, prep, db.parent / prep.archivo)
        return time.perf_counter() - inicio, time.process_time() - cpu
    finally:
        sesion.cerrar()


def metas_escritor(repeticiones: int, guardados: int) -> None:
    from memoria import almacen_con_informes

    from extractor import extraer_informe
    from pipelines import almacen

    base = extraer_informe(BASE_ESCRITOR)
    print(
        f"\n3. Escritor: un informe de {len(base.observaciones)} cifras ({BASE_ESCRITOR.name}); "
        f"base vacía frente a {guardados} informes de la misma entidad guardados"
    )
    with tempfile.TemporaryDirectory(prefix="bench-metas-escritor-") as tmp:
        tmp = Path(tmp)
        llena = tmp / "llena.duckdb"
        inicio = time.perf_counter()
        almacen_con_informes(llena, base, guardados)
        print(f"  {guardados} informes guardados en {time.perf_counter() - inicio:.0f} s")
        _escribir(tmp / "calentar.duckdb", base, 9000)  # first write of the process: caches
        ratios, cpus, vacias, llenas = [], [], [], []
        for k in range(repeticiones):
            vacia = tmp / f"vacia-{k}.duckdb"
            almacen.abrir(vacia).close()
            t_vacia, c_vacia = _escribir(vacia, base, 1000 + k)
            t_llena, c_llena = _escribir(llena, base, 2000 + k)
            vacias.append((1000 * t_vacia, 1000 * c_vacia))
            llenas.append((1000 * t_llena, 1000 * c_llena))
            ratios.append(t_llena / t_vacia)
            cpus.append(c_llena / c_vacia)
        print(
            f"  por informe: base vacía {statistics.median(v[0] for v in vacias):.0f} ms "
            f"({statistics.median(v[1] for v in vacias):.0f} ms de CPU), con {guardados} guardados "
            f"{statistics.median(v[0] for v in llenas):.0f} ms ({statistics.median(v[1] for v in llenas):.0f} ms "
            f"de CPU) (medianas; carga de la máquina {os.getloadavg()[0]:.1f})"
        )
    _fila(f"escritor con {guardados} informes frente a base vacía", ratios, "≤ 1,2×", statistics.median(ratios) <= 1.2)
    _fila("ídem en CPU", cpus, "≤ 1,2×", statistics.median(cpus) <= 1.2)


# ---------------------------------------------------------------- arranque


def _subreaper() -> None:
    """Become the reaper of orphaned descendants (Linux), so that the CPU time
    of the fork server and its children counts in RUSAGE_CHILDREN."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        pass


def _cli(args: list[str], cache: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process tree) of `informes ARGS`,
    with `cache` as INFORMES_CACHE (the header memory, extractor/tablas/memoria_encabezados.py)."""
    return medir_arbol([sys.executable, "-m", "pipelines.cli", *args], RAIZ, cache, cwd=RAIZ)


def medir_arbol(orden: list[str], raiz: Path, cache: Path, cwd: Path | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the whole process tree) of running
    `orden` with `raiz` on PYTHONPATH and `cache` as INFORMES_CACHE."""
    import resource

    antes = resource.getrusage(resource.RUSAGE_CHILDREN)
    inicio = time.perf_counter()
    subprocess.run(
        orden,
        cwd=cwd,
        check=True,
        env={**_entorno_de_usuario(), "PYTHONPATH": str(raiz), "INFORMES_CACHE": str(cache)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    reloj = time.perf_counter() - inicio
    # its fork server outlives the main process by a moment (reaped here as the subreaper); this
    # process's own fork server (the load measure's) lives on: stop once nothing exits for a while
    ultimo = time.monotonic()
    while time.monotonic() - ultimo < ESPERA_HUERFANOS:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if pid:
            ultimo = time.monotonic()
        else:
            time.sleep(0.02)
    despues = resource.getrusage(resource.RUSAGE_CHILDREN)
    return reloj, (despues.ru_utime - antes.ru_utime) + (despues.ru_stime - antes.ru_stime)


def _entorno_de_usuario() -> dict[str, str]:
    """This environment as a user's: Python keeps the compiled bytecode of
    the program (without it, every start compiles the project's modules
    again: ~0,3 s more)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def metas_arranque(repeticiones: int) -> None:
    print(
        f"\n4. Arranque: {UNA_PAGINA.name} (1 página) con `informes cargar` en una base nueva "
        f"(carga de la máquina {os.getloadavg()[0]:.1f})"
    )
    _subreaper()
    cargas, ayudas = [], []
    with tempfile.TemporaryDirectory(prefix="bench-metas-arranque-") as tmp:
        cache = Path(tmp) / "cache"
        # the first load on a machine: the header memory is empty (spaCy is imported)
        primera = _cli(["cargar", str(UNA_PAGINA), "--db", str(Path(tmp) / "primera.duckdb")], cache)
        for k in range(repeticiones):
            cargas.append(_cli(["cargar", str(UNA_PAGINA), "--db", str(Path(tmp) / f"a{k}.duckdb")], cache))
            ayudas.append(_cli(["--help"], cache))
    print("  (reloj: depende de la carga de la máquina; CPU: segundos de núcleo de todos sus procesos)")
    print(f"  primera carga, memoria de encabezados vacía: reloj {primera[0]:.2f} s, CPU {primera[1]:.2f} s")
    reloj = [c[0] for c in cargas]
    _fila(
        "cargar de un PDF de 1 página, reloj de punta a punta",
        reloj,
        "≤ 1,0 s",
        statistics.median(reloj) <= 1.0,
        unidad=" s",
    )
    _fila(
        "cargar de un PDF de 1 página, CPU de todos sus procesos",
        [c[1] for c in cargas],
        "(sin meta)",
        True,
        unidad=" s",
    )
    _fila("informes --help, reloj", [a[0] for a in ayudas], "(sin meta)", True, unidad=" s")
    _fila("informes --help, CPU", [a[1] for a in ayudas], "(sin meta)", True, unidad=" s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeticiones", type=int, default=3)
    parser.add_argument("--solo", default="carga,ocr,escritor,arranque")
    parser.add_argument("--sin-reales", action="store_true", help="sin ../shared/corpus-real")
    parser.add_argument("--guardados", type=int, default=500, help="informes guardados para el escritor (500)")
    args = parser.parse_args()
    partes = set(args.solo.split(","))
    print(f"{os.cpu_count()} núcleo(s); carga de la máquina al empezar: {os.getloadavg()[0]:.1f}")
    if "carga" in partes:
        metas_carga(args.repeticiones, not args.sin_reales)
    if "ocr" in partes:
        metas_ocr(args.repeticiones, not args.sin_reales)
    if "escritor" in partes:
        metas_escritor(args.repeticiones, args.guardados)
    if "arranque" in partes:
        metas_arranque(args.repeticiones)
    print(f"\ncarga de la máquina al terminar: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
