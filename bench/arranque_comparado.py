"""`informes cargar` of a 1-page PDF with two copies of the code, alternated
in the same run (the machine is shared: measured one after the other, the
load changes less between them than between two runs). For each copy, the
median wall clock and CPU of all its processes, with the header memory
already holding the file's headers (`cargar`), with it empty (`primera`, the
first load on a machine: spaCy is imported), and of `informes --help`.

    git worktree add /tmp/antes <commit>      # the code before, read-only
    python bench/arranque_comparado.py /tmp/antes . --repeticiones 9

Compiled bytecode is kept, as for a user (bench/metas.py, arranque).
Timings are for reading, never asserted in tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import metas  # noqa: E402

PDF = Path("corpus") / "informes" / "villavicencio_hacienda_2022.pdf"


def _medir(raiz: Path, args: list[str], cache: Path) -> tuple[float, float]:
    metas.RAIZ = raiz  # metas._cli runs the program of this copy
    return metas._cli(args, cache)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("antes", type=Path)
    parser.add_argument("despues", type=Path)
    parser.add_argument("--repeticiones", type=int, default=7)
    args = parser.parse_args()
    copias = {"antes": args.antes.resolve(), "después": args.despues.resolve()}
    metas._subreaper()
    medidas: dict[str, dict[str, list[tuple[float, float]]]] = {
        k: {"cargar": [], "primera": [], "help": []} for k in copias
    }
    with tempfile.TemporaryDirectory(prefix="bench-arranque-") as tmp:
        tmp_ = Path(tmp)
        for k, raiz in copias.items():  # compiled bytecode and header memory of each copy
            _medir(raiz, ["cargar", str(raiz / PDF), "--db", str(tmp_ / f"calentar-{k}.duckdb")], tmp_ / f"cache-{k}")
        for i in range(args.repeticiones):
            orden = list(copias.items()) if i % 2 == 0 else list(reversed(copias.items()))
            for k, raiz in orden:
                pdf = str(raiz / PDF)
                m = medidas[k]
                m["cargar"].append(
                    _medir(raiz, ["cargar", pdf, "--db", str(tmp_ / f"{k}-{i}.duckdb")], tmp_ / f"cache-{k}")
                )
                vacia = tmp_ / f"vacia-{k}-{i}"
                m["primera"].append(_medir(raiz, ["cargar", pdf, "--db", str(tmp_ / f"p-{k}-{i}.duckdb")], vacia))
                m["help"].append(_medir(raiz, ["--help"], tmp_ / f"cache-{k}"))
    print(f"{args.repeticiones} repeticiones alternadas; medianas (reloj, CPU de todos los procesos)")
    for medida in ("cargar", "primera", "help"):
        for k in copias:
            v = medidas[k][medida]
            reloj = statistics.median(x[0] for x in v)
            cpu = statistics.median(x[1] for x in v)
            print(f"  {medida:8} {k:8} reloj {reloj:.3f} s  CPU {cpu:.3f} s  ({' / '.join(f'{x[0]:.2f}' for x in v)})")


if __name__ == "__main__":
    main()
