"""Peak memory of one call, run alone in a fresh process.

    from memoria import medir
    medida = medir(funcion, argumento, precargar="pipelines.precarga")

The call runs in a child process started with `spawn` (nothing inherited
from the bench's own process), after importing `precargar` (what a worker
has loaded before it is given a file). `funcion` must be importable by name
(a module-level function) and its arguments and result picklable.
"""
from __future__ import annotations

import importlib
import multiprocessing as mp
import queue
import resource
import time
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
                        raise RuntimeError(f"el proceso de medida terminó sin dar su medida "
                                           f"(código {proceso.exitcode})") from None
    finally:
        proceso.join()
