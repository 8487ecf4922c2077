"""Build the derived files of the corpus from the generated reports.

    python corpus/generador/generar_derivados.py              # all of them
    python corpus/generador/generar_derivados.py --sin-legado # only the scanned report (no LibreOffice)

* A scanned report: every page of one corpus PDF rendered to a grey image at
  200 dpi, turned a little (as a sheet on a scanner glass), with paper
  noise and specks, saved as an image-only PDF (no text layer):
  `<id>_escaneado.pdf`, with the gold and meta of `<id>` copied under the
  new id. The noise is seeded: the images are the same on every run.
* Legacy word-processor twins of one corpus DOCX, converted by LibreOffice
  (`soffice --headless --convert-to doc|rtf|odt`, private profile):
  `<id>.doc`, `<id>.rtf`, `<id>.odt`. They share the gold of `<id>`
  (`gold/<id>.gold.csv`): `informes evaluar corpus/` pairs every document of
  `informes/` with the gold of its stem.

Run `python corpus/generador/generar.py` first when the reports themselves change.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
INFORMES_DIR = CORPUS / "informes"  # the reports
GOLD_DIR = CORPUS / "gold"  # their gold and meta

ESCANEADO = "villavicencio_hacienda_2022"  # one page, ruled table, money in thousands
LEGADO = "pasto_infraestructura_2020"  # two-level merged header, Heading styles
FORMATOS_LEGADO = ("doc", "rtf", "odt")
DPI_ESCANEO = 200
GIRO_GRADOS = 0.35  # sheet slightly turned on the glass
SEMILLA = 2022


# ============================================================ scanned report


def escanear_pagina(imagen, aleatorio):
    """A rendered page as a scanner gives it back: turned a fraction of a
    degree, a slightly grey and noisy paper, a few dark specks."""
    import numpy as np
    from PIL import Image, ImageFilter

    gris = imagen.convert("L").rotate(GIRO_GRADOS, resample=Image.BICUBIC, expand=False, fillcolor=255)
    gris = gris.filter(ImageFilter.GaussianBlur(0.6))
    datos = np.asarray(gris, dtype=np.float32)
    datos = datos * 0.93 + 8  # paper is not pure white, ink not pure black
    datos += aleatorio.normal(0.0, 9.0, datos.shape)
    motas = aleatorio.random(datos.shape) < 0.0004
    datos[motas] = aleatorio.uniform(0, 90, int(motas.sum()))
    return Image.fromarray(np.clip(datos, 0, 255).astype(np.uint8), mode="L")


def pdf_de_imagenes(imagenes, destino: Path, dpi: int) -> None:
    """An image-only PDF, one JPEG page per image, written by hand so the
    bytes are the same on every run (no dates, no IDs)."""
    objetos: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    paginas = []
    n = 3
    for imagen in imagenes:
        jpeg = io.BytesIO()
        imagen.save(jpeg, "JPEG", quality=80, optimize=False)
        datos = jpeg.getvalue()
        ancho, alto = imagen.size
        w, h = ancho * 72 / dpi, alto * 72 / dpi
        pagina, xobj, contenido = n, n + 1, n + 2
        n += 3
        paginas.append(pagina)
        objetos[pagina] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] "
            b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (w, h, xobj, contenido)
        )
        objetos[xobj] = (
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n"
            % (ancho, alto, len(datos))
            + datos
            + b"\nendstream"
        )
        dibujo = b"q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q" % (w, h)
        objetos[contenido] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(dibujo), dibujo)
    destino.write_bytes(serializar_pdf(objetos, paginas))


def serializar_pdf(objetos: dict[int, bytes], paginas: list[int]) -> bytes:
    """A PDF file from its objects (1: the catalog; 2, the page tree, is
    added here from `paginas`), with its cross-reference table. Written by
    hand so that the bytes are the same on every run (also used by
    tests/extractor/formatos/test_entradas_malas.py for PDFs no library would write)."""
    objetos[2] = (
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % p for p in paginas) + b"] /Count %d >>" % len(paginas)
    )
    salida = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    posiciones = {}
    for k in sorted(objetos):
        posiciones[k] = len(salida)
        salida += b"%d 0 obj\n" % k + objetos[k] + b"\nendobj\n"
    xref = len(salida)
    total = max(objetos) + 1
    salida += b"xref\n0 %d\n0000000000 65535 f \n" % total
    for k in range(1, total):
        salida += b"%010d 00000 n \n" % posiciones[k]
    salida += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (total, xref)
    return bytes(salida)


def escanear(origen: Path, destino: Path, semilla: int = SEMILLA, dpi: int = DPI_ESCANEO) -> int:
    """Write the scanned copy of `origen`; returns its number of pages."""
    import numpy as np
    import pypdfium2 as pdfium

    aleatorio = np.random.default_rng(semilla)
    pdf = pdfium.PdfDocument(str(origen))
    try:
        imagenes = []
        for i in range(len(pdf)):
            pagina = pdf[i]
            imagenes.append(escanear_pagina(pagina.render(scale=dpi / 72, grayscale=True).to_pil(), aleatorio))
            pagina.close()
    finally:
        pdf.close()
    pdf_de_imagenes(imagenes, destino, dpi)
    return len(imagenes)


def copiar_gold(origen: str, destino: str) -> None:
    for sufijo in (".gold.csv", ".meta.yaml"):
        shutil.copyfile(GOLD_DIR / f"{origen}{sufijo}", GOLD_DIR / f"{destino}{sufijo}")


# ============================================================ legacy twins


def gemelos_legado(id_: str, formatos=FORMATOS_LEGADO) -> list[Path]:
    """<id>.doc / .rtf / .odt from <id>.docx with LibreOffice."""
    if not shutil.which("soffice"):
        raise SystemExit("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    origen = INFORMES_DIR / f"{id_}.docx"
    salida = []
    with tempfile.TemporaryDirectory(prefix="derivados-") as tmp:
        perfil = Path(tmp, "perfil").as_uri()
        for formato in formatos:
            filtro = {"doc": "doc:MS Word 97", "rtf": "rtf:Rich Text Format", "odt": "odt:writer8"}[formato]
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation={perfil}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    filtro,
                    "--outdir",
                    tmp,
                    str(origen),
                ],
                check=True,
                capture_output=True,
                timeout=300,
            )
            hecho = Path(tmp, f"{id_}.{formato}")
            if not hecho.exists():
                raise SystemExit(f"LibreOffice did not produce {hecho.name}")
            destino = INFORMES_DIR / hecho.name
            shutil.move(str(hecho), destino)
            salida.append(destino)
    return salida


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sin-legado", action="store_true", help="do not run LibreOffice")
    args = ap.parse_args(argv)
    nuevo = f"{ESCANEADO}_escaneado"
    paginas = escanear(INFORMES_DIR / f"{ESCANEADO}.pdf", INFORMES_DIR / f"{nuevo}.pdf")
    copiar_gold(ESCANEADO, nuevo)
    print(f"{nuevo}.pdf: {paginas} página(s) escaneada(s); gold y meta de {ESCANEADO}")
    if not args.sin_legado:
        for ruta in gemelos_legado(LEGADO):
            print(f"{ruta.name}: convertido con LibreOffice; gold de {LEGADO}")


if __name__ == "__main__":
    sys.exit(main())
