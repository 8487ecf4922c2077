"""Peak memory of one call, run alone in a fresh process; and peak memory
of the writer of `informes cargar` (the main process, which alone writes
the DuckDB store).

    from memoria import medir
    medida = medir(funcion, argumento, precargar="pipelines.carga.precarga")

    python bench/memoria.py                  # writer peak: Cali workbook into an empty store
                                             # and into a store with 500 reports of the same entity
    python bench/memoria.py --informes 100   # another number of stored reports

The call runs in a child process started with `spawn` (nothing inherited
from the bench's own process), after importing `precargar` (what a worker
has loaded before it is given a file). `funcion` must be importable by name
(a module-level function) and its arguments and result picklable.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import importlib
import multiprocessing as mp
import os
import queue
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from dataclasses import dataclass
from typing import Any, Callable, Optional


@dataclass
class Medida:
    base: float  # MB: peak of the child once `precargar` is imported, before the call
    pico: float  # MB: peak of the child by the end of the call
    segundos: float  # the call alone
    resultado: Any = None  # what the call returned


def pico_propio() -> float:
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


def _hijo(cola, precargar: Optional[str], funcion: Callable, args: tuple) -> None:
    if precargar:
        importlib.import_module(precargar)
    base = pico_propio()
    inicio = time.perf_counter()
    resultado = funcion(*args)
    segundos = time.perf_counter() - inicio
    cola.put(Medida(base=base, pico=pico_propio(), segundos=segundos, resultado=resultado))


def medir(funcion: Callable, *args, precargar: Optional[str] = None) -> Medida:
    """Peak memory and time of `funcion(*args)` in a fresh child process."""
    ctx = mp.get_context("spawn")
    cola = ctx.Queue()
    proceso = ctx.Process(target=_hijo, args=(cola, precargar, funcion, args))
    proceso.start()
    try:
        while True:
            try:
                return cola.get(timeout=1)
            except queue.Empty:
                if not proceso.is_alive():
                    try:
                        return cola.get(timeout=1)
                    except queue.Empty:
                        raise RuntimeError(
                            f"el proceso de medida terminó sin dar su medida (código {proceso.exitcode})"
                        ) from None
    finally:
        proceso.join()


# ------------------------------------------------------- the writer's peak

RAIZ = Path(__file__).resolve().parent.parent
CALI = RAIZ.parent / "shared" / "corpus-real" / "cali_plan_accion_marzo_2024.xlsx"


def _vmhwm(pid: int) -> float:
    """Peak resident memory (MB) of process `pid` so far, or 0."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for linea in f:
                if linea.startswith("VmHWM:"):
                    return int(linea.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def pico_escritor(args: list[str], env: Optional[dict] = None) -> tuple[float, float, int]:
    """Run `informes ARGS` (python -m pipelines.cli) and return (peak RSS of
    its main process, the single writer, in MB; seconds; exit code). The
    peak is read from /proc until the process ends (its reading children
    are other processes and do not count)."""
    inicio = time.perf_counter()
    proceso = subprocess.Popen(
        [sys.executable, "-m", "pipelines.cli", *args],
        cwd=RAIZ,
        env={**os.environ, "PYTHONPATH": str(RAIZ), **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    pico = 0.0
    while proceso.poll() is None:
        pico = max(pico, _vmhwm(proceso.pid))
        time.sleep(0.05)
    return pico, time.perf_counter() - inicio, proceso.returncode


def almacen_con_informes(db: Path, base, n: int, cada: int = 12) -> None:
    """A store with `n` reports of the entity of `base` (an extracted
    report). `cada` of them are written as the writer does, each with every
    `cada`-th observation of `base` (the same indicators, so the
    cross-report check compares them); the rest are copies of those made in
    SQL (fast), one in 50 with different values (conflicts to report)."""
    from pipelines import almacen
    from pipelines.almacen import valores
    from pipelines.carga import guardado

    con = almacen.abrir(db)
    try:
        for k in range(min(n, cada)):
            informe = copy.copy(base)
            informe.sha256 = hashlib.sha256(f"bench-{k}".encode()).hexdigest()
            informe.archivo = f"cali_{k:04d}.xlsx"
            informe.no_mapeadas = []
            informe.observaciones = [copy.copy(o) for o in base.observaciones[k::cada]]
            guardado.guardar_informe(con, informe, db.parent / informe.archivo)
        if n <= cada:
            return
        # copy k (cada <= k < n) repeats base report k % cada under new ids
        con.begin()
        con.execute(
            "CREATE TEMP TABLE base AS SELECT informe_id, row_number() OVER (ORDER BY archivo) - 1 AS j FROM informes"
        )
        copias = f"FROM {{}} t JOIN base b USING (informe_id) JOIN range({cada}, {n}) r(k) ON r.k % {cada} = b.j"
        iid = "substr(md5(t.informe_id || '-' || r.k), 1, 16)"
        ind = "substr(md5(t.indicador_id || '-' || r.k), 1, 16)"
        con.execute(f"""INSERT INTO informes SELECT t.* REPLACE ({iid} AS informe_id,
            sha256(t.sha256 || r.k) AS sha256, 'cali_' || lpad(r.k::VARCHAR, 4, '0') || '.xlsx' AS archivo,
            t.ruta || '-' || r.k AS ruta) {copias.format("informes")}""")
        con.execute(
            f"INSERT INTO indicadores SELECT t.* REPLACE ({iid} AS informe_id, {ind} AS indicador_id) "
            f"{copias.format('indicadores')}"
        )
        con.execute(f"""INSERT INTO observaciones SELECT t.* REPLACE ({iid} AS informe_id,
            {iid} || '-' || split_part(t.observacion_id, '-', 2) AS observacion_id, {ind} AS indicador_id,
            CASE WHEN r.k % 50 = 0 THEN t.valor * 1.5 + 1 ELSE t.valor END AS valor)
            {copias.format("observaciones")}""")
        valores.reconstruir(con)  # the copies bypassed the writer: their figures summed up as it does
        con.commit()
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Memoria pico del proceso que escribe (informes cargar).")
    parser.add_argument("--informes", type=int, default=500, help="informes guardados antes (500)")
    parser.add_argument("--libro", type=Path, default=CALI, help="el libro que se carga")
    args = parser.parse_args()
    if not args.libro.is_file():
        sys.exit(f"No está {args.libro}")
    sys.path.insert(0, str(RAIZ))
    with tempfile.TemporaryDirectory() as carpeta:
        carpeta = Path(carpeta)
        vacia = carpeta / "vacia.duckdb"
        pico, segundos, codigo = pico_escritor(["cargar", str(args.libro), "--db", str(vacia)])
        print(f"{args.libro.name} en una base vacía: escritor {pico:.0f} MB, {segundos:.1f} s (código {codigo})")
        from extractor import extraer_informe

        base = extraer_informe(args.libro)
        llena = carpeta / "llena.duckdb"
        inicio = time.perf_counter()
        almacen_con_informes(llena, base, args.informes)
        print(
            f"{args.informes} informes guardados en {time.perf_counter() - inicio:.0f} s "
            f"({llena.stat().st_size / 2**20:.0f} MB)"
        )
        pico, segundos, codigo = pico_escritor(["cargar", str(args.libro), "--db", str(llena)])
        print(
            f"{args.libro.name} con {args.informes} informes de la misma entidad guardados: "
            f"escritor {pico:.0f} MB, {segundos:.1f} s (código {codigo})"
        )


if __name__ == "__main__":
    main()
