"""Why not tesserocr, the well-kept binding (measured 2026-12-04): the
manylinux wheel of tesserocr 2.13.0 bundles Tesseract 5.5.4 / Leptonica
1.87; the system's is 5.3.0 / 1.82 (what the `tesseract` fallback runs).
On the 15 scanned pages at hand (corpus/, corpus-real/ cali, blind z01 t10
q07 v07 v05 x06 y04) its orientation checks agree (17/17), but its TSV
differs on all 15 pages and its words on 11 (52 of 3,159 words; of the 60
figures read again, 54 differ, all but one in confidence only), and the
extracted observations change: the OCR confidence of most figures, a few
texts ("34,5 %" -> "34,5%"), and y04 loses 20 of its 56 quarterly figures
(blind gold F1 1.000 -> 0.717). It used about 10-25% less CPU per page
(noisy: 2 cores under load). tesserocr built from source against the
system library (`pip install --no-binary tesserocr`, needs
libtesseract-dev) gives byte-identical TSV, orientation and observations
at the same CPU as this module (within noise), but a plain `pip install`
takes the wheel. Kept ctypes: the system Tesseract, the very text of the
program fallback, no build step.

Tesseract inside this process (libtesseract's C API through ctypes), for
the OCR reader (extractor/formatos/ocr.py): the same calls the `tesseract`
program makes for one image, without starting a program and loading its
language model again for every page, orientation check and figure.

What a `tesseract stdin stdout -l spa --dpi N --psm 6 -c V=X tsv` run does
with one image is done here the same way: the image bytes are decoded by
Leptonica (`pixReadMem`, as the program reads stdin) or, for grey pixels
already in memory (a numpy array), copied by `SetImage` into the same 8-bit
Leptonica image that decoding them as PGM makes (~0.09 s less per page
at 300 dpi: Leptonica reads a PGM byte by byte), the resolution is the
`user_defined_dpi` variable (what `--dpi` sets), the `tsv` configuration is
its variable (`tessedit_create_tsv`), and the text is `GetTSVText` of page 0
(what the program's TSV output prints). The orientation check (`--psm 0`)
is `DetectOrientationScript` on an engine started with the `osd` data, its
confidence rounded to two decimals as the program prints it. One engine per
thread and language, started on first use and kept for the thread's life
(the OCR reader runs in the per-file reading process: they end with it).

`disponible()` is False when the library cannot be loaded (another system,
another version): the reader then runs the `tesseract` program as before.
"""

from __future__ import annotations

import ctypes
import os
import threading
from functools import lru_cache
from typing import Optional

_LIBRERIAS = ("libtesseract.so.5", "libtesseract.so")
_LEPTONICA = ("libleptonica.so.6", "liblept.so.5", "libleptonica.so", "liblept.so")
_PSM_OSD = 0
# the first line of the program's TSV output (its renderer writes it; GetTSVText does not)
_CABECERA_TSV = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"


class _Bibliotecas:
    def __init__(self, tess: ctypes.CDLL, lept: ctypes.CDLL):
        p = ctypes.c_void_p
        tess.TessBaseAPICreate.restype = p
        tess.TessBaseAPICreate.argtypes = []
        tess.TessBaseAPIInit3.restype = ctypes.c_int
        tess.TessBaseAPIInit3.argtypes = [p, ctypes.c_char_p, ctypes.c_char_p]
        tess.TessBaseAPISetVariable.restype = ctypes.c_int
        tess.TessBaseAPISetVariable.argtypes = [p, ctypes.c_char_p, ctypes.c_char_p]
        tess.TessBaseAPISetPageSegMode.restype = None
        tess.TessBaseAPISetPageSegMode.argtypes = [p, ctypes.c_int]
        tess.TessBaseAPISetImage2.restype = None
        tess.TessBaseAPISetImage2.argtypes = [p, p]
        tess.TessBaseAPISetImage.restype = None
        tess.TessBaseAPISetImage.argtypes = [p, p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]
        tess.TessBaseAPIRecognize.restype = ctypes.c_int
        tess.TessBaseAPIRecognize.argtypes = [p, p]
        tess.TessBaseAPIGetTsvText.restype = p  # a char* to free with TessDeleteText
        tess.TessBaseAPIGetTsvText.argtypes = [p, ctypes.c_int]
        tess.TessDeleteText.restype = None
        tess.TessDeleteText.argtypes = [p]
        tess.TessBaseAPIDetectOrientationScript.restype = ctypes.c_int
        tess.TessBaseAPIDetectOrientationScript.argtypes = [
            p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.POINTER(ctypes.c_float),
            ctypes.POINTER(ctypes.c_char_p),
            ctypes.POINTER(ctypes.c_float),
        ]
        tess.TessBaseAPIClear.restype = None
        tess.TessBaseAPIClear.argtypes = [p]
        tess.TessBaseAPIDelete.restype = None
        tess.TessBaseAPIDelete.argtypes = [p]
        lept.pixReadMem.restype = p
        lept.pixReadMem.argtypes = [ctypes.c_char_p, ctypes.c_size_t]
        lept.pixDestroy.restype = None
        lept.pixDestroy.argtypes = [ctypes.POINTER(p)]
        self.tess, self.lept = tess, lept


_CARGA = threading.Lock()  # the pages' threads may ask at once: one loads, with the environment set


def _bibliotecas() -> Optional[_Bibliotecas]:
    with _CARGA:
        return _cargar_bibliotecas()


@lru_cache(maxsize=1)
def _cargar_bibliotecas() -> Optional[_Bibliotecas]:
    if os.environ.get("INFORMES_OCR_PROGRAMA"):  # force the `tesseract` program (bench, comparisons)
        return None
    # One core per page (pages run in parallel), as OMP_THREAD_LIMIT=1 gives
    # the program: OpenMP reads it once, when the library is loaded.
    anterior = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        tess = _cargar(_LIBRERIAS)
        lept = _cargar(_LEPTONICA)
        if tess is None or lept is None:
            return None
        return _Bibliotecas(tess, lept)
    except AttributeError:  # a library without these functions
        return None
    finally:
        if anterior is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)
        else:
            os.environ["OMP_THREAD_LIMIT"] = anterior


def _cargar(nombres: tuple[str, ...]) -> Optional[ctypes.CDLL]:
    for nombre in nombres:
        try:
            return ctypes.CDLL(nombre)
        except OSError:
            continue
    return None


def disponible() -> bool:
    return _bibliotecas() is not None


class _Motor:
    """One Tesseract engine (TessBaseAPI) started with one language."""

    def __init__(self, b: _Bibliotecas, idioma: str, variables: dict[str, str]):
        self.b = b
        self.api = b.tess.TessBaseAPICreate()
        if not self.api or b.tess.TessBaseAPIInit3(self.api, None, idioma.encode()) != 0:
            raise OSError(f"Tesseract no pudo iniciar el idioma {idioma}")
        # Tesseract's notes ("Invalid resolution 0 dpi" of the orientation check, which the
        # program prints too) go nowhere: the program's stderr was never shown either
        b.tess.TessBaseAPISetVariable(self.api, b"debug_file", os.devnull.encode())
        for nombre, valor in variables.items():
            b.tess.TessBaseAPISetVariable(self.api, nombre.encode(), valor.encode())

    def __del__(self) -> None:
        if getattr(self, "api", None):
            self.b.tess.TessBaseAPIDelete(self.api)
            self.api = None

    def _imagen(self, imagen, dpi: int, psm: int) -> ctypes.c_void_p:
        """Give the engine one image: grey pixels (a 2-D C-contiguous uint8
        array, copied by Tesseract into its own 8-bit image: what Leptonica
        makes of the same pixels written as PGM) or encoded image bytes
        (decoded by Leptonica, as the program reads stdin). The Leptonica
        image to destroy afterwards, or a null pointer."""
        t, lept = self.b.tess, self.b.lept
        t.TessBaseAPISetVariable(self.api, b"user_defined_dpi", str(dpi).encode())
        t.TessBaseAPISetPageSegMode(self.api, psm)
        if not isinstance(imagen, (bytes, bytearray)):
            alto, ancho = imagen.shape
            if imagen.dtype.itemsize != 1 or not imagen.flags["C_CONTIGUOUS"] or not alto or not ancho:
                raise ValueError("se esperaba una imagen gris de 8 bits contigua")
            t.TessBaseAPISetImage(self.api, imagen.ctypes.data, ancho, alto, 1, imagen.strides[0])
            return ctypes.c_void_p(None)
        pix = ctypes.c_void_p(lept.pixReadMem(bytes(imagen), len(imagen)))
        if not pix.value:
            raise OSError("Tesseract no pudo leer la imagen de la página")
        t.TessBaseAPISetImage2(self.api, pix)
        return pix

    def _soltar(self, pix: ctypes.c_void_p) -> None:
        self.b.tess.TessBaseAPIClear(self.api)
        if pix.value:
            self.b.lept.pixDestroy(ctypes.byref(pix))

    def tsv(self, imagen, dpi: int, psm: int) -> str:
        """The TSV the program prints for this one image (grey pixels or
        PGM/PPM bytes)."""
        t = self.b.tess
        pix = self._imagen(imagen, dpi, psm)
        try:
            if t.TessBaseAPIRecognize(self.api, None) != 0:
                raise OSError("Tesseract no pudo reconocer la página")
            texto = t.TessBaseAPIGetTsvText(self.api, 0)
            try:
                return _CABECERA_TSV + (ctypes.string_at(texto).decode("utf-8", "replace") if texto else "")
            finally:
                if texto:
                    t.TessDeleteText(texto)
        finally:
            self._soltar(pix)

    def orientacion(self, imagen, dpi: int) -> Optional[tuple[int, float]]:
        """(Tesseract's "Rotate", clockwise degrees; orientation confidence
        with two decimals, as `--psm 0` prints them), or None when it fails."""
        t = self.b.tess
        pix = self._imagen(imagen, dpi, _PSM_OSD)
        try:
            grados, confianza = ctypes.c_int(0), ctypes.c_float(0.0)
            escritura, confianza_escritura = ctypes.c_char_p(), ctypes.c_float(0.0)
            if not t.TessBaseAPIDetectOrientationScript(
                self.api,
                ctypes.byref(grados),
                ctypes.byref(confianza),
                ctypes.byref(escritura),
                ctypes.byref(confianza_escritura),
            ):
                return None
            girar = (360 - grados.value) % 360  # the program's "Rotate": clockwise turn that makes the page upright
            return girar, float(f"{confianza.value:.2f}")
        finally:
            self._soltar(pix)


_locales = threading.local()


def motor(idioma: str, variables: Optional[dict[str, str]] = None) -> _Motor:
    """This thread's engine for `idioma` with `variables` (started once).
    OSError when the library is missing or the language cannot start."""
    b = _bibliotecas()
    if b is None:
        raise OSError("libtesseract no está disponible")
    variables = variables or {}
    clave = (idioma, tuple(sorted(variables.items())))
    motores = getattr(_locales, "motores", None)
    if motores is None:
        motores = _locales.motores = {}
    if clave not in motores:
        motores[clave] = _Motor(b, idioma, variables)
    return motores[clave]
