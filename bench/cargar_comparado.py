"""`informes cargar -t N` of the PDFs of bench/rendimiento.py with two copies
of the code, alternated in the same run, as a user runs it: the `informes`
script that pip installs (a Python file that imports the CLI), which
multiprocessing runs again in each child of the fork server. For each copy,
the median wall clock and CPU of all its processes (the fork server's start
included: bench/metas.py leaves it out).

    git worktree add /tmp/antes <commit>      # the code before, read-only
    python bench/cargar_comparado.py /tmp/antes . --trabajadores 1 --repeticiones 5

Both copies read this copy's PDFs. Timings are for reading, never asserted in tests.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import metas  # noqa: E402
from rendimiento import pdfs  # noqa: E402

# what pip writes for the `informes` entry point (pyproject.toml)
SCRIPT = """import re
import sys
from pipelines.cli import app
if __name__ == '__main__':
    sys.argv[0] = re.sub(r'(-script\\.pyw|\\.exe)?$', '', sys.argv[0])
    sys.exit(app())
"""


def _cargar(script: Path, raiz: Path, archivos: list[Path], trabajadores: int, tmp: Path) -> tuple[float, float]:
    """(wall, CPU of the whole process tree) of one `informes cargar` into a new store."""
    orden = [sys.executable, str(script), "cargar", "-t", str(trabajadores), *map(str, archivos)]
    return metas.medir_arbol(orden + ["--db", str(tempfile.mkdtemp(dir=tmp)) + "/b.duckdb"], raiz, tmp / "cache")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("antes", type=Path)
    parser.add_argument("despues", type=Path)
    parser.add_argument("--trabajadores", type=int, default=1)
    parser.add_argument("--repeticiones", type=int, default=5)
    parser.add_argument("--sin-reales", action="store_true", help="sin ../shared/corpus-real")
    args = parser.parse_args()
    copias = {"antes": args.antes.resolve(), "después": args.despues.resolve()}
    archivos = pdfs(not args.sin_reales)
    metas._subreaper()
    medidas: dict[str, list[tuple[float, float]]] = {k: [] for k in copias}
    with tempfile.TemporaryDirectory(prefix="bench-cargar-") as tmp:
        tmp_ = Path(tmp)
        script = tmp_ / "informes"
        script.write_text(SCRIPT)
        for raiz in copias.values():  # compiled bytecode and header memory
            _cargar(script, raiz, archivos[:2], 1, tmp_)
        for i in range(args.repeticiones):
            orden = list(copias.items()) if i % 2 == 0 else list(reversed(copias.items()))
            for k, raiz in orden:
                medidas[k].append(_cargar(script, raiz, archivos, args.trabajadores, tmp_))
    print(
        f"informes cargar -t {args.trabajadores}: {len(archivos)} PDF, {args.repeticiones} repeticiones "
        "alternadas; medianas (reloj, CPU de todos los procesos)"
    )
    for k, v in medidas.items():
        reloj = statistics.median(x[0] for x in v)
        cpu = statistics.median(x[1] for x in v)
        print(f"  {k:8} reloj {reloj:.2f} s  CPU {cpu:.2f} s  ({' / '.join(f'{x[0]:.1f}' for x in v)})")


if __name__ == "__main__":
    main()
