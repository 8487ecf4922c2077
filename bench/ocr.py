"""Per-page cost of OCR and the accuracy of scanned reports.

    python bench/ocr.py                 # the corpus's scanned report and the real scans
    python bench/ocr.py --todos         # also a scanned copy of every corpus PDF
    python bench/ocr.py --sin-reales

For each scanned PDF, with an empty OCR cache (a temporary INFORMES_CACHE):
1. cold: the full extraction (`extraer_informe`), and inside it the time
   spent rendering and preparing the page images (straightening, ruling
   lines) and the CPU seconds of Tesseract per page (pages run in
   parallel, up to extractor.formatos.ocr.HILOS at a time);
2. warm: the same extraction again, read from the OCR cache;
3. for copies of corpus reports: F1 against the report's gold, next to the
   F1 of the same report read from its text layer.
Scanned copies of corpus PDFs are made like corpus/generador/generar_derivados.py
makes the corpus's one (200 dpi, turned 0.35°, noise, specks). Real scans
(../shared/corpus-real/*escaneado*.pdf) have no gold: the result or the
reason is printed. Timings are for reading, never asserted in tests.
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
sys.path.insert(0, str(RAIZ / "corpus" / "generador"))


def _f1(informe, gold: Path) -> float:
    from pipelines.evaluacion.evaluar import comparar, fila_de_observacion, leer_gold

    return comparar(informe.archivo, [fila_de_observacion(o) for o in informe.observaciones], leer_gold(gold)).f1


def medir(ruta: Path, gold: Path | None, texto: Path | None, cache: Path) -> dict:
    """Cold and warm extraction of one scanned PDF (cache emptied first)."""
    import shutil

    import pypdfium2 as pdfium

    from extractor import ErrorLectura, extraer_informe
    from extractor.formatos import ocr

    shutil.rmtree(cache, ignore_errors=True)
    os.environ["INFORMES_CACHE"] = str(cache)
    lectores: list = []
    original = ocr.LectorOcr.leer

    def espiar(self, numeros):
        lectores.append(self)
        return original(self, numeros)

    segundos_tesseract: list[float] = []
    original_medido = ocr._medido

    def medido(pgm, dpi):
        tsv, s = original_medido(pgm, dpi)
        segundos_tesseract.append(s)
        return tsv, s

    ocr.LectorOcr.leer, ocr._medido = espiar, medido
    pdf = pdfium.PdfDocument(str(ruta))
    paginas = len(pdf)
    pdf.close()
    fila = {"archivo": ruta.name, "paginas": paginas}
    try:
        inicio = time.perf_counter()
        try:
            informe = extraer_informe(ruta)
            fila["resultado"] = f"{len(informe.observaciones)} observaciones"
        except ErrorLectura as exc:
            informe = None
            fila["resultado"] = exc.motivo
        fila["frio"] = time.perf_counter() - inicio
        fila["preparar"] = sum(l.segundos_preparar for l in lectores)
        fila["tesseract"] = sum(segundos_tesseract)
        inicio = time.perf_counter()
        try:
            extraer_informe(ruta)
        except ErrorLectura:
            pass
        fila["caliente"] = time.perf_counter() - inicio
    finally:
        ocr.LectorOcr.leer, ocr._medido = original, original_medido
    if gold is not None and informe is not None:
        fila["f1"] = _f1(informe, gold)
    elif gold is not None:
        fila["f1"] = 0.0
    if gold is not None and texto is not None:
        fila["f1_texto"] = _f1(extraer_informe(texto), gold)
    return fila


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--todos", action="store_true", help="a scanned copy of every corpus PDF too")
    ap.add_argument("--sin-reales", action="store_true", help="without ../shared/corpus-real")
    args = ap.parse_args(argv)

    from extractor.formatos import ocr
    from generar_derivados import escanear

    falta = ocr.falta_tesseract()
    if falta:
        raise SystemExit(f"sin OCR: {falta}")
    corpus, gold = RAIZ / "corpus" / "informes", RAIZ / "corpus" / "gold"
    casos: list[tuple[Path, Path | None, Path | None]] = []
    for ruta in sorted(corpus.glob("*_escaneado.pdf")):
        id_ = ruta.name.removesuffix("_escaneado.pdf")
        casos.append((ruta, gold / f"{ruta.stem}.gold.csv", corpus / f"{id_}.pdf"))
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp:
        tmp = Path(tmp)
        if args.todos:
            copias = tmp / "copias"
            copias.mkdir()
            for pdf in sorted(corpus.glob("*.pdf")):
                if pdf.name.endswith("_escaneado.pdf") or not (gold / f"{pdf.stem}.gold.csv").is_file():
                    continue
                copia = copias / f"{pdf.stem}_escaneado.pdf"
                escanear(pdf, copia)
                casos.append((copia, gold / f"{pdf.stem}.gold.csv", pdf))
        reales = RAIZ.parent / "shared" / "corpus-real"
        if not args.sin_reales and reales.is_dir():
            casos += [(p, None, None) for p in sorted(reales.glob("*escaneado*.pdf"))]

        print(
            f"Tesseract: {ocr.version_tesseract()}, {ocr.DPI} dpi, --psm {ocr.PSM}, "
            f"{ocr.HILOS} página(s) a la vez, {os.cpu_count()} núcleo(s)\n"
        )
        cabecera = (
            f"{'archivo':45} {'pág':>3} {'frío s/pág':>10} {'preparar':>9} {'tesseract':>9} "
            f"{'caché s':>8} {'F1 OCR':>7} {'F1 texto':>8}  resultado"
        )
        print(cabecera)
        print("-" * len(cabecera))
        filas = []
        for ruta, gold, texto in casos:
            f = medir(ruta, gold, texto, tmp / "cache")
            filas.append(f)
            n = f["paginas"]
            f1 = f"{f['f1']:.3f}" if "f1" in f else "-"
            f1t = f"{f['f1_texto']:.3f}" if "f1_texto" in f else "-"
            print(
                f"{f['archivo'][:45]:45} {n:>3} {f['frio'] / n:>10.2f} {f['preparar'] / n:>9.2f} "
                f"{f['tesseract'] / n:>9.2f} {f['caliente']:>8.2f} {f1:>7} {f1t:>8}  {f['resultado'][:70]}"
            )
        paginas = sum(f["paginas"] for f in filas)
        if paginas:
            print("-" * len(cabecera))
            print(
                f"{'total':45} {paginas:>3} {sum(f['frio'] for f in filas) / paginas:>10.2f} "
                f"{sum(f['preparar'] for f in filas) / paginas:>9.2f} "
                f"{sum(f['tesseract'] for f in filas) / paginas:>9.2f} "
                f"{sum(f['caliente'] for f in filas):>8.2f}"
            )
        con_gold = [f for f in filas if "f1" in f]
        if len(con_gold) > 1:
            media = sum(f["f1"] for f in con_gold) / len(con_gold)
            media_t = sum(f.get("f1_texto", 0.0) for f in con_gold) / len(con_gold)
            print(f"\nF1 medio de {len(con_gold)} informes escaneados: {media:.3f} (capa de texto: {media_t:.3f})")
        print(
            "\nfrío s/pág: extracción completa sin caché, por página (reloj); preparar: render, enderezar y "
            "reglas,\npor página; tesseract: segundos de Tesseract por página (en paralelo); caché s: la misma "
            "extracción\nleyendo el OCR de la caché."
        )


if __name__ == "__main__":
    main()
