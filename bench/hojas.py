"""Per-sheet cost of reading workbooks.

    python bench/hojas.py [--sin-reales] [--filas-grande 10000]

For every workbook of corpus/informes/ (and, when present, ../shared/corpus-real/):
1. baseline: python-calamine reading every visible sheet's values (Rust,
   no formats, no merged ranges of .ods);
2. the reader alone (`leer_documento`: openpyxl streamed, number formats,
   merged ranges, hidden rows and columns, blocks and tables);
3. the full extraction (`extraer_informe`: reader + rows to observations).
It prints, per workbook, visible sheets, non-empty cells, milliseconds per
sheet and per 1,000 cells for each step, and the ratio to the baseline; then
the peak memory of one process reading a generated sheet of `--filas-grande`
rows × 40 columns (flat memory = the sheet is streamed). Timings are for
reading, never asserted in tests.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))
sys.path.insert(0, str(RAIZ / "bench"))

from memoria import medir  # noqa: E402

EXTENSIONES = (".xlsx", ".xlsm", ".xls", ".ods")


def libros(incluir_reales: bool) -> list[Path]:
    files = sorted(p for p in (RAIZ / "corpus" / "informes").rglob("*") if p.suffix.lower() in EXTENSIONES)
    reales = RAIZ.parent / "shared" / "corpus-real"
    if incluir_reales and reales.is_dir():
        files += sorted(p for p in reales.iterdir() if p.suffix.lower() in EXTENSIONES)
    return files


def calamine(ruta: Path) -> tuple[float, int, int]:
    """Seconds, visible sheets and non-empty cells, with calamine only."""
    import python_calamine as pc

    start = time.perf_counter()
    hojas = celdas = 0
    with pc.CalamineWorkbook.from_path(str(ruta)) as wb:
        for i, meta in enumerate(wb.sheets_metadata):
            if meta.visible != pc.SheetVisibleEnum.Visible:
                continue
            hojas += 1
            for fila in wb.get_sheet_by_index(i).iter_rows():
                celdas += sum(1 for v in fila if v not in ("", None))
    return time.perf_counter() - start, hojas, celdas


def lector(ruta: Path) -> float:
    from extractor import leer_documento

    start = time.perf_counter()
    leer_documento(ruta)
    return time.perf_counter() - start


def extraccion(ruta: Path) -> tuple[float, int]:
    from extractor import extraer_informe

    start = time.perf_counter()
    informe = extraer_informe(ruta)
    return time.perf_counter() - start, len(informe.observaciones)


def libro_grande(filas: int, destino: Path) -> Path:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(destino), {"constant_memory": True})
    ws = wb.add_worksheet("Seguimiento")
    pct = wb.add_format({"num_format": "0.0%"})
    ws.write_row(
        0,
        0,
        ["Código", "Indicador", "Unidad", "Meta cuatrienio"]
        + [f"T{t} {s} {a}" for a in (2024, 2025, 2026, 2027) for t in (1, 2, 3, 4) for s in ("Planeado", "Ejecutado")][
            :36
        ],
    )
    for r in range(1, filas + 1):
        ws.write_string(r, 0, f"{r:09d}")
        ws.write_string(r, 1, f"Indicador de prueba número {r}")
        ws.write_string(r, 2, "Número")
        ws.write_number(r, 3, 100 + r % 7)
        for k in range(4, 40):
            ws.write_number(r, k, (r * k) % 97 / 100, pct if k % 5 == 0 else None)
    wb.close()
    return destino


def _leer(ruta: str) -> None:
    from extractor import leer_documento

    leer_documento(Path(ruta))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sin-reales", action="store_true", help="solo los libros de corpus/informes/")
    parser.add_argument("--filas-grande", type=int, default=10000, help="filas de la hoja generada (0: no medir)")
    args = parser.parse_args()
    extraccion(libros(False)[0])  # warm-up: spaCy rules and caches, once
    print(f"{'libro':48} {'hojas':>5} {'celdas':>8} {'calamine':>10} {'lector':>16} {'extracción':>16} {'obs':>7}")
    print(f"{'':48} {'':>5} {'':>8} {'ms/hoja':>10} {'ms/hoja  ×base':>16} {'ms/hoja  ×base':>16}")
    tot = [0.0, 0.0, 0.0, 0, 0]
    for ruta in libros(not args.sin_reales):
        t_base, hojas, celdas = calamine(ruta)
        t_lec = lector(ruta)
        t_ext, obs = extraccion(ruta)
        h = max(hojas, 1)
        print(
            f"{ruta.name[:48]:48} {hojas:>5} {celdas:>8} {1000 * t_base / h:>10.1f} "
            f"{1000 * t_lec / h:>9.1f} {t_lec / t_base:>5.1f}× {1000 * t_ext / h:>9.1f} {t_ext / t_base:>5.1f}× {obs:>7}"
        )
        tot = [tot[0] + t_base, tot[1] + t_lec, tot[2] + t_ext, tot[3] + hojas, tot[4] + celdas]
    miles = max(tot[4], 1) / 1000
    print(
        f"total: {tot[3]} hojas, {tot[4]} celdas; por 1.000 celdas: calamine {1000 * tot[0] / miles:.1f} ms, "
        f"lector {1000 * tot[1] / miles:.1f} ms, extracción {1000 * tot[2] / miles:.1f} ms"
    )
    if args.filas_grande:
        with tempfile.TemporaryDirectory() as tmp:
            for filas in (args.filas_grande // 4, args.filas_grande):
                ruta = libro_grande(filas, Path(tmp) / f"grande_{filas}.xlsx")
                m = medir(_leer, str(ruta), precargar="extractor")
                print(
                    f"hoja de {filas} filas × 40 columnas: memoria pico del lector {m.pico:.0f} MB, "
                    f"{1000 * m.segundos / (filas * 40 / 1000):.2f} ms por 1.000 celdas"
                )


if __name__ == "__main__":
    main()
