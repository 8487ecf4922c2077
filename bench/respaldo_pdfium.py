"""Table pages pdfium leaves to pdfminer, and what reading the files costs.

    python bench/respaldo_pdfium.py [CARPETA ...] [--veces 3]

For each PDF with a text layer (default: ../shared/corpus-real/): its table
pages (the first pass's `con_tablas`), how many of them
`pdfium_pagina.leer_pagina` does not read (the reader then parses them with
pdfplumber/pdfminer) and the CPU time of `leer_pdf` (the fewest of
`--veces` runs). The package is imported from PYTHONPATH when set (to time
another checkout with the same script), else from this tree.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.append(str(RAIZ))  # after PYTHONPATH: another checkout's code may be measured

import pypdfium2 as pdfium  # noqa: E402

from extractor.formatos import pdf as lector  # noqa: E402
from extractor.formatos.cribado import cribar  # noqa: E402
from extractor.formatos.pdfium_pagina import leer_pagina  # noqa: E402


def paginas_de_respaldo(ruta: Path) -> tuple[int, list[int]]:
    """(table pages, numbers of those pdfium leaves to pdfminer)."""
    cribadas = [p for p in cribar(ruta) if p.con_tablas and not p.escaneada]
    sueltas = []
    doc = pdfium.PdfDocument(str(ruta))
    try:
        for p in cribadas:
            pagina = doc[p.numero - 1]
            texto = pagina.get_textpage()
            if leer_pagina(pagina, texto, lector.AJUSTES_RAYADAS) is None:
                sueltas.append(p.numero)
            texto.close()
            pagina.close()
    finally:
        doc.close()
    return len(cribadas), sueltas


def segundos(ruta: Path, veces: int) -> float:
    sha = hashlib.sha256(ruta.read_bytes()).hexdigest()
    mejor = float("inf")
    for _ in range(veces):
        inicio = time.process_time()
        lector.leer_pdf(ruta, sha)
        mejor = min(mejor, time.process_time() - inicio)
    return mejor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("carpetas", nargs="*", type=Path, default=[RAIZ.parent / "shared" / "corpus-real"])
    parser.add_argument("--veces", type=int, default=3)
    args = parser.parse_args()
    archivos = [p for c in args.carpetas for p in sorted(c.glob("*.pdf")) if "escaneado" not in p.name]
    if not archivos:
        sys.exit("No hay PDF para medir (¿falta ../shared/corpus-real?)")
    total = [0, 0, 0.0]
    print(f"{'archivo':<55} {'págs. tabla':>11} {'a pdfminer':>10} {'s de CPU':>9}")
    for ruta in archivos:
        con_tablas, sueltas = paginas_de_respaldo(ruta)
        s = segundos(ruta, args.veces)
        total[0] += con_tablas
        total[1] += len(sueltas)
        total[2] += s
        print(f"{ruta.name:<55} {con_tablas:>11} {len(sueltas):>10} {s:>9.2f}  {sueltas if sueltas else ''}")
    print(f"{'total':<55} {total[0]:>11} {total[1]:>10} {total[2]:>9.2f}")


if __name__ == "__main__":
    main()
