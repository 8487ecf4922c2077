"""OCR of PDF pages without a text layer: Tesseract (Spanish) into words
with boxes, plus the ruling lines of the page image.

Per page: pdfium renders it in grey at `DPI`; a page fed on its side or
upside down is turned by quarter turns (Tesseract's orientation detection,
`--psm 0`; a page whose ink runs in columns rather than rows is on its side
even when Tesseract is unsure of it). The check is skipped when reading the
page as it lies gives upright Spanish text (`_derecha`): a page is read
first and checked only when that reading is poor, or checked first when
its lines clearly run up or down (`LectorOcr._leer_pagina`). The image is binarized (Otsu)
and straightened (a scan is often turned a fraction of a degree: the angle
that makes the rows of ink sharpest wins). Ruling lines of tables: horizontal
ones are long thin runs of ink with blank just above and below (the base
line of a word has letters on one side); vertical ones are found band by
band between the horizontal ones, as columns of thin ink that cross the whole
band (a letter's stem does not reach the rules; a merged cell has no ink
there). They are kept in PDF points and erased from the image, with the
shading and the specks, so that Tesseract does not read them as "|" or "_";
Tesseract (`-l spa`, TSV output) gives words with boxes and a confidence; the
figures it is unsure of are read again alone from their box (`_releer`). Words come back as pdfplumber-like
dicts in PDF points (origin top-left) with `conf` between 0 and 1, each with
the top and bottom of its text line, so that the word-based functions of the
PDF reader (lines, paragraphs, unruled tables) work on them unchanged.

A picture pasted into a page with a text layer (a screenshot of a
spreadsheet) is read the same way, rendered alone (`LectorOcr.leer_recortes`);
its rules are found among its thin dark strokes (`_trazos_finos`), since a
screen's light grey grid is lighter than the text's threshold.

Results are cached on disk by the file's SHA-256, page (and box), resolution and
Tesseract version (`carpeta_cache()`): loading the same scan again does not
run Tesseract again. Pages are prepared and recognised in parallel (one
thread per core, up to `HILOS`). Tesseract runs inside this process when
libtesseract loads (tesseract_api.py: the program's very output, without
starting it and loading its model for every page, orientation check and
figure read again; the pixels are handed over as they are, not encoded
and decoded again), else as the `tesseract` program.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from extractor.formatos import tesseract_api
from extractor.formatos.fotografia import enderezar_foto
from extractor.formatos.otsu import umbral_otsu

DPI = 300
IDIOMA = "spa"
# Tesseract page segmentation: 6 = one block of text (words are regrouped here
# by position anyway); 3, automatic, drops columns of lone figures in tables.
PSM = os.environ.get("INFORMES_OCR_PSM", "6")
VERSION = 32  # of the image processing and word model below; part of the cache key
HILOS = max(1, min(4, os.cpu_count() or 1))
TIEMPO_PAGINA = 180  # seconds for one Tesseract call
MAX_PIXELES = 12_000_000  # of one page image (a letter page at 300 dpi has 8.4 million)
PAQUETES = "tesseract-ocr tesseract-ocr-spa"

# Ruling lines, in points (converted to pixels at the rendering resolution).
LINEA_LARGA_H = 25.0  # a horizontal run this long is a line by itself
LINEA_CORTA = 4.0  # pieces of horizontal rules (cut where verticals cross) at least this long
GROSOR_MAX = 3.0  # thicker runs are filled areas (logos, shading), not lines
HUECO = 0.5  # gaps in a line (scan noise) up to this are closed
GIRO_MAX = 2.0  # degrees searched when straightening
DESPEJE = 0.6  # share of a rule's length with blank on both sides
COBERTURA = 0.8  # share of a band's height a vertical rule covers
BORDE = 3  # pixels next to each rule a vertical rule must reach (letters keep a distance)
ANCHO_REGLA = 1.5  # points: a rule of a digital picture is at most this thick
CONTRASTE_REGLA = 25  # grey levels a rule of a digital picture is darker than what lies around it
# A band of a digital picture filled dark with light letters on it (a table's
# header in white on blue): rows with at least this share of pixels darker than
# RELLENO_OSCURO, over at least this share of the picture's width, are inverted.
RELLENO_OSCURO = 160
FILA_RELLENA = 0.5
DPI_REGLAS = 150  # lines are found on an image reduced to about this resolution
DPI_ORIENTACION = 150  # Tesseract's orientation detection reads the page reduced to this
CONF_ORIENTACION = 3.0
# Tesseract's orientation confidence needed to turn a page a quarter or half turn
DE_LADO = 2.0  # the column profile of a page on its side is this many times sharper than its row profile
# A page is read as it lies first, without the orientation check, unless its lines
# clearly run up or down (DE_LADO_CLARO); the reading is kept when it is of upright
# text (`_derecha`): mean word confidence, words of 3+ letters, share of them in the
# Spanish lexicon. Measured on real scans: upright pages 0.91-0.95 / 48-293 / 0.65-0.90;
# the same pages on their side or upside down at most 0.68 / - / 0.41.
DE_LADO_CLARO = 4.0  # (upright pages with tables: up to 3.4; pages on their side: 5 and more)
DERECHA_CONFIANZA = 0.85
DERECHA_PALABRAS = 15
DERECHA_LEXICO = 0.5
_PUNTUACION = ".,;:¿?¡!()[]{}\"'«»“”‘’-–—/*"
DUDOSA = 0.3  # a word read with less confidence has its ruled cell read again alone (`_releer_celdas`)
CELDA_MAX = (400.0, 120.0)  # points: a larger "cell" is a frame, not a cell
RELEER = 0.75  # a figure Tesseract reads with less confidence is read again alone (`_releer`)
CIFRAS = "0123456789.,%$-"  # the characters a figure read again alone may have
_SOLO_RAYAS = re.compile(r"^[|!/\\\[\]_\-—–=~'`.,:;«»\"()]+$")


@dataclass
class PaginaOcr:
    """What OCR gives for one page, in PDF points (origin top-left)."""

    palabras: list[dict] = field(default_factory=list)  # pdfplumber-like words + "conf" (0-1)
    horizontales: list[tuple[float, float, float]] = field(default_factory=list)  # (x0, x1, y)
    verticales: list[tuple[float, float, float]] = field(default_factory=list)  # (x, top, bottom)
    angulo: float = 0.0  # degrees the page was turned to straighten it
    segundos: float = 0.0  # Tesseract's time (0 when read from the cache)

    @property
    def texto(self) -> str:
        return " ".join(w["text"] for w in self.palabras)


class ErrorOcr(Exception):
    """Tesseract is missing or failed (Spanish message, without the file name)."""


# ------------------------------------------------------------- Tesseract


def falta_tesseract() -> Optional[str]:
    """None when Tesseract and its Spanish data are installed; otherwise the
    Spanish reason naming the Debian packages to install."""
    return _falta_tesseract()


@lru_cache(maxsize=1)
def _falta_tesseract() -> Optional[str]:
    if shutil.which("tesseract") is None:
        return f"Tesseract no está instalado (en Debian/Ubuntu: apt-get install {PAQUETES})"
    try:
        salida = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"Tesseract no se pudo ejecutar ({exc}); reinstálelo: apt-get install {PAQUETES}"
    idiomas = {l.strip() for l in (salida.stdout + salida.stderr).splitlines()}
    if IDIOMA not in idiomas:
        return "a Tesseract le falta el idioma español (en Debian/Ubuntu: apt-get install tesseract-ocr-spa)"
    return None


@lru_cache(maxsize=1)
def version_tesseract() -> str:
    try:
        salida = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        return "desconocida"
    lineas = (salida.stdout or salida.stderr).strip().splitlines()
    return lineas[0].strip() if lineas else "desconocida"


def _tesseract(imagen, dpi: int) -> str:
    """TSV of one page image (grey pixels, a uint8 array, or PGM bytes):
    Tesseract in this process when its library loads (tesseract_api: the
    same text), else the program."""
    if tesseract_api.disponible():
        try:
            return tesseract_api.motor(IDIOMA, _VARIABLES_PAGINA).tsv(imagen, dpi, int(PSM))
        except OSError:
            pass  # the program says what is wrong
    return _tesseract_programa(imagen if isinstance(imagen, bytes) else _pgm(imagen), dpi)


# the `-c` variables and the `tsv` configuration of the program's call below
_VARIABLES_PAGINA = {"tessedit_do_invert": "0", "tessedit_create_tsv": "1"}


def _tesseract_programa(imagen_pgm: bytes, dpi: int) -> str:
    """TSV of one page image (PGM bytes on stdin), by the `tesseract` program."""
    entorno = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per page: pages run in parallel
    try:
        salida = subprocess.run(
            [
                "tesseract",
                "stdin",
                "stdout",
                "-l",
                IDIOMA,
                "--dpi",
                str(dpi),
                "--psm",
                PSM,
                "-c",
                "tessedit_do_invert=0",
                "tsv",
            ],
            input=imagen_pgm,
            capture_output=True,
            timeout=TIEMPO_PAGINA,
            env=entorno,
        )
    except subprocess.TimeoutExpired:
        raise ErrorOcr(f"Tesseract tardó más de {TIEMPO_PAGINA} s en una página") from None
    except OSError as exc:
        raise ErrorOcr(f"Tesseract no se pudo ejecutar ({exc})") from None
    if salida.returncode != 0:
        detalle = salida.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise ErrorOcr(f"Tesseract falló (código {salida.returncode}: {detalle[0]})")
    return salida.stdout.decode("utf-8", "replace")


# ----------------------------------------------------------------- cache


def carpeta_cache() -> Path:
    """$INFORMES_CACHE/ocr, else $XDG_CACHE_HOME/informes/ocr, else
    ~/.cache/informes/ocr."""
    from extractor.cache import carpeta_cache as carpeta

    return carpeta("ocr")


def _ruta_cache(sha256: str, pagina: int, dpi: int, recorte: Optional[tuple] = None) -> Path:
    clave = hashlib.sha256(f"{version_tesseract()}|{IDIOMA}|{PSM}|{VERSION}".encode()).hexdigest()[:12]
    zona = "" if recorte is None else "-r" + "_".join(str(round(v)) for v in recorte)
    return carpeta_cache() / sha256[:2] / sha256 / f"p{pagina:05d}{zona}-{dpi}dpi-{clave}.json"


def _leer_cache(ruta: Path) -> Optional[PaginaOcr]:
    try:
        datos = json.loads(ruta.read_text(encoding="utf-8"))
        return PaginaOcr(
            palabras=datos["palabras"],
            horizontales=[tuple(x) for x in datos["horizontales"]],
            verticales=[tuple(x) for x in datos["verticales"]],
            angulo=datos["angulo"],
            segundos=0.0,
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None  # absent, or a damaged entry: recognise again


def _guardar_cache(ruta: Path, pagina: PaginaOcr) -> None:
    """Atomic write (temporary file + rename): concurrent loads of the same
    file never read half an entry. A cache that cannot be written is skipped."""
    datos = asdict(pagina)
    datos.pop("segundos")
    try:
        ruta.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=ruta.parent, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(datos, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, ruta)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
    except OSError:
        pass


# -------------------------------------------------------------- the image


def _puntos(tinta):
    """Coordinates (ys, xs, as floats) of a sample of the ink pixels: enough
    for a profile of the rows."""
    import numpy as np

    paso = max(1, tinta.shape[1] // 1000)
    ys, xs = np.nonzero(tinta[::paso, ::paso])
    if len(ys) > 200_000:
        cada = len(ys) // 200_000 + 1
        ys, xs = ys[::cada], xs[::cada]
    return ys.astype(np.float64), xs.astype(np.float64)


def _nitidez(ys, xs, a: float) -> float:
    """Sharpness of the row profile of the ink at (ys, xs) once the page is
    turned by `a` degrees counter-clockwise (image y grows downwards): text
    lines at that slant make tall narrow peaks."""
    import math

    import numpy as np

    filas = np.round(ys - xs * math.tan(math.radians(a))).astype(np.int64)
    perfil = np.bincount(filas - filas.min())
    return float(np.square(np.diff(perfil.astype(np.float64))).sum())


def _angulos_gruesos() -> list[float]:
    return [x / 4 for x in range(int(-GIRO_MAX * 4), int(GIRO_MAX * 4) + 1)]


class _Perfil:
    """The ink of a page image and what the orientation and straightening
    steps measure on it, each computed once when first asked: a sample of
    the ink pixels' coordinates (`_puntos`) and the sharpness of the row and
    of the column profiles at each coarse slant (`_angulos_gruesos`)."""

    def __init__(self, tinta):
        self.tinta = tinta
        self._puntos = None
        self._filas: Optional[list[float]] = None
        self._columnas: Optional[list[float]] = None

    @property
    def puntos(self):
        if self._puntos is None:
            self._puntos = _puntos(self.tinta)
        return self._puntos

    @property
    def filas(self) -> list[float]:
        if self._filas is None:
            ys, xs = self.puntos
            self._filas = [_nitidez(ys, xs, a) for a in _angulos_gruesos()]
        return self._filas

    @property
    def columnas(self) -> list[float]:
        if self._columnas is None:
            ys, xs = self.puntos
            self._columnas = [_nitidez(xs, ys, a) for a in _angulos_gruesos()]
        return self._columnas

    def vacia(self) -> bool:
        return len(self.puntos[0]) < 50


def _angulo(tinta, perfil: Optional[_Perfil] = None) -> float:
    """Degrees to turn the page (PIL's counter-clockwise) so that its text
    rows are horizontal: the angle whose row profile of ink is sharpest,
    from the ink pixels' coordinates (no image is rotated to search)."""
    perfil = perfil or _Perfil(tinta)
    if perfil.vacia():
        return 0.0
    ys, xs = perfil.puntos
    gruesos = list(zip(_angulos_gruesos(), perfil.filas))
    mejor, _ = max(gruesos, key=lambda p: (p[1], -abs(p[0])))  # ties (a blank page): the smallest turn
    fino = [mejor + x / 20 for x in range(-5, 6)]
    mejor = max(fino, key=lambda a: (_nitidez(ys, xs, a), -abs(a)))
    return round(mejor, 2) if abs(mejor) >= 0.1 else 0.0


def _de_lado(tinta, perfil: Optional[_Perfil] = None, veces: float = DE_LADO) -> bool:
    """Whether the lines of the page run up or down (a landscape page fed
    on its side, or a landscape table turned on a portrait page): the
    profile of the ink across the columns is DE_LADO (`veces`) times sharper
    than across the rows, each at its best small slant. Tesseract's
    orientation detection is unsure of such pages (tables, noise); it is
    sure of which way up a page with level lines is."""
    perfil = perfil or _Perfil(tinta)
    if perfil.vacia():
        return False
    return max(perfil.columnas) > veces * max(perfil.filas)


def _delgada(tinta, grosor: int, eje: int = 0):
    """Ink whose run along axis `eje` (0: across rows, 1: along them) is at
    most `grosor` pixels: with eje 0, the thin horizontal strokes. The base
    line of a word is cut by the stems of its letters; text touching a rule
    cuts the rule only where it touches; filled areas are never thin. A
    pixel is in a longer run when some grosor + 1 consecutive pixels along
    the axis around it are all ink: those windows (an erosion), then the
    pixels they cover (a dilation), with whole-image operations on bools."""
    import numpy as np

    n = tinta.shape[eje]
    if n <= grosor:
        return tinta.copy()
    llena = _ventanas(tinta, grosor + 1, eje, np.logical_and)  # the window starting at each pixel is all ink
    borde = list(tinta.shape)
    borde[eje] = grosor
    cero = np.zeros(borde, dtype=bool)
    # ink inside such a window: some window starting at most grosor pixels before it
    larga = _ventanas(np.concatenate([cero, llena, cero], axis=eje), grosor + 1, eje, np.logical_or)
    return tinta & ~larga


def _ventanas(a, largo: int, eje: int, op):
    """op (an idempotent logical ufunc: and, or) of each `largo` consecutive
    values of bools `a` along axis `eje`, one per window start (the axis
    shrinks by largo - 1): windows doubled in length at each step, the last
    one made of two overlapping windows."""

    def tramo(x, i: int, j: int):
        return x[i:j] if eje == 0 else x[:, i:j]

    n = a.shape[eje]
    w, k = a, 1  # w: op of the windows of length k
    while 2 * k <= largo:
        w = op(tramo(w, 0, n - 2 * k + 1), tramo(w, k, n - k + 1))
        k *= 2
    if k == largo:
        return w if w is not a else a.copy()
    salida = n - largo + 1
    return op(tramo(w, 0, salida), tramo(w, largo - k, largo - k + salida))


def _corridas(tinta, minimo: int, hueco: int) -> list[tuple[int, int, int]]:
    """(row, start, end) runs of ink along each row of `tinta`, with gaps of
    up to `hueco` pixels closed, at least `minimo` long."""
    import numpy as np

    filas, ancho = tinta.shape
    columnas = np.arange(ancho, dtype=np.int32)
    izquierda = np.where(tinta, columnas, -(1 << 20))
    np.maximum.accumulate(izquierda, axis=1, out=izquierda)
    derecha = np.where(tinta, columnas, 1 << 20)[:, ::-1]
    derecha = np.minimum.accumulate(derecha, axis=1)[:, ::-1]
    llena = tinta | (derecha - izquierda - 1 <= hueco)
    borde = np.zeros((filas, 1), dtype=np.int8)
    d = np.diff(np.hstack([borde, llena.astype(np.int8), borde]), axis=1)
    r_ini, c_ini = np.nonzero(d == 1)
    _, c_fin = np.nonzero(d == -1)
    util = (c_fin - c_ini) >= minimo
    return list(zip(r_ini[util].tolist(), c_ini[util].tolist(), c_fin[util].tolist()))


def _lineas(corridas: list[tuple[int, int, int]], grosor_max: int) -> list[list[int]]:
    """Runs on neighbouring rows that overlap form one line:
    [first row, last row, start, end]; thick bands (fills) are dropped."""
    lineas: list[list[int]] = []
    abiertas: list[list[int]] = []
    for r, a, b in corridas:
        pegada = None
        for l in abiertas:
            if r - l[1] <= 1 and a < l[3] and b > l[2]:
                pegada = l
                break
        if pegada is None:
            l = [r, r, a, b]
            lineas.append(l)
            abiertas.append(l)
        else:
            pegada[1] = r
            pegada[2] = min(pegada[2], a)
            pegada[3] = max(pegada[3], b)
        abiertas = [l for l in abiertas if r - l[1] <= 1]
    return [l for l in lineas if l[1] - l[0] + 1 <= grosor_max]


def _despejada(tinta, l, lado: int) -> bool:
    """A horizontal band l = [y0, y1, x0, x1] of `tinta` with blank pixels
    just above and just below it along most of its length: a rule. The base
    line and the top line of a word have the letters on one side."""
    y0, y1, x0, x1 = l
    arriba = tinta[max(0, y0 - lado) : y0, x0:x1]
    abajo = tinta[y1 + 1 : y1 + 1 + lado, x0:x1]
    if arriba.size == 0 or abajo.size == 0:
        return True  # at the edge of the image
    return min(float((~arriba.any(axis=0)).mean()), float((~abajo.any(axis=0)).mean())) >= DESPEJE


def _unir(lineas: list[list[int]], hueco: int, grosor: int) -> list[list[int]]:
    """Pieces of one line: collinear (centres within 2 pixels) with gaps of
    at most `hueco` pixels (where a crossing rule cut it, or the scan
    faded)."""
    salida: list[list[int]] = []
    for l in sorted(lineas, key=lambda l: (l[0] + l[1], l[2])):
        for k in reversed(salida[-8:]):
            if (
                abs((k[0] + k[1]) - (l[0] + l[1])) <= 4
                and l[3] - k[2] >= -hueco
                and l[2] - k[3] <= hueco
                and max(k[1], l[1]) - min(k[0], l[0]) < grosor
            ):
                k[0], k[1], k[2], k[3] = min(k[0], l[0]), max(k[1], l[1]), min(k[2], l[2]), max(k[3], l[3])
                break
        else:
            salida.append(list(l))
    return salida


def _puentear(lineas: list[list[int]], tinta, hueco_max: int) -> list[list[int]]:
    """Join collinear pieces of a horizontal rule across a gap where the
    ink goes on along the rule's rows (letters touching the rule make those
    columns fail the thin-ink test, but the rule's own ink is there)."""
    salida: list[list[int]] = []
    for l in sorted(lineas, key=lambda l: (l[0] + l[1], l[2])):
        for k in reversed(salida[-8:]):
            if abs((k[0] + k[1]) - (l[0] + l[1])) <= 4 and 0 < l[2] - k[3] <= hueco_max:
                y0, y1 = min(k[0], l[0]), max(k[1], l[1])
                tramo = tinta[y0 : y1 + 1, k[3] : l[2]]
                if tramo.size and float(tramo.any(axis=0).mean()) >= 0.95:
                    k[0], k[1], k[3] = y0, y1, max(k[3], l[3])
                    break
        else:
            salida.append(list(l))
    return salida


def _niveles(horizontales: list[list[int]], tol: int) -> list[tuple[int, int]]:
    """Distinct heights of the horizontal rules: (first row, last row) of
    the ink of the rules at each height."""
    niveles: list[list[int]] = []
    for l in sorted(horizontales, key=lambda l: l[0] + l[1]):
        if niveles and (l[0] + l[1]) / 2 - (niveles[-1][0] + niveles[-1][1]) / 2 <= tol:
            niveles[-1] = [min(niveles[-1][0], l[0]), max(niveles[-1][1], l[1])]
        else:
            niveles.append([l[0], l[1]])
    return [(n[0], n[1]) for n in niveles]


def _verticales(tinta, horizontales: list[list[int]], grosor: int) -> list[list[int]]:
    """Vertical rules [x0, x1, y0, y1], band by band between consecutive
    rule heights: a column of thin ink that covers most of the band, reaches
    both rules (letters keep a little distance from them) and, unless the
    table has a single band or the column is fully inked, is also found in
    another band at the same place (stems of letters are not)."""
    import numpy as np

    delgada = _delgada(tinta, grosor, eje=1)  # ink in horizontal runs of at most `grosor`
    niveles = _niveles(horizontales, grosor)
    candidatos: list[tuple[list[int], float]] = []
    for (a0, a1), (b0, b1) in zip(niveles, niveles[1:]):
        y0, y1 = a1 + 2, b0 - 1  # between the ink of the two rules
        arriba, abajo = (a0 + a1) / 2, (b0 + b1) / 2
        if y1 - y0 < 6:
            continue
        banda = delgada[y0:y1]
        cobertura = banda.mean(axis=0)
        borde = banda[:BORDE].any(axis=0) & banda[-BORDE:].any(axis=0)
        cobertura = np.where(borde, cobertura, 0.0)
        cobertura = np.maximum(cobertura, np.maximum(np.roll(cobertura, 1), np.roll(cobertura, -1)))
        grupos: list[list[int]] = []
        for x in np.nonzero(cobertura >= COBERTURA)[0].tolist():
            if grupos and x - grupos[-1][-1] <= 1:
                grupos[-1].append(x)
            else:
                grupos.append([x])
        for g in grupos:
            if len(g) <= grosor + 2:  # wider: a filled area
                candidatos.append(([g[0], g[-1], int(arriba), int(round(abajo))], float(cobertura[g].max())))
    bandas = {c[2] for c, _ in candidatos}
    salida = []
    for c, cob in candidatos:
        centro = (c[0] + c[1]) / 2
        otra = any(d[2] != c[2] and abs((d[0] + d[1]) / 2 - centro) <= grosor / 2 for d, _ in candidatos)
        if otra or cob >= 0.97 or len(bandas) == 1:
            salida.append(c)

    # A rule may go on through a height where other columns have a rule and
    # its own column has none (a cell merged over two rows): join the pieces,
    # then keep the lines whose two ends meet a horizontal rule.
    def llega(x: float, y: float) -> bool:
        return any(abs((l[0] + l[1]) / 2 - y) <= grosor and l[2] - grosor <= x <= l[3] + grosor for l in horizontales)

    salida = _unir(salida, 2 * grosor + 2, grosor + 2)
    return [c for c in salida if llega((c[0] + c[1]) / 2, c[2]) and llega((c[0] + c[1]) / 2, c[3])]


def _reglas(tinta, px: float, paso: int = 1) -> tuple[list[list[int]], list[list[int]]]:
    """Horizontal [y0, y1, x0, x1] and vertical [x0, x1, y0, y1] ruling
    lines in pixels. Horizontal rules: thin runs with blank just above and
    below (not the base line of a word), joined across the cuts where
    verticals cross them, at least LINEA_LARGA_H long. Vertical rules: by
    bands between the horizontal ones (`_verticales`), plus long thin runs
    outside them (frames)."""
    reducida = tinta
    if paso > 1:  # horizontal rules on a reduced image (a pixel is ink if any of its block is)
        alto, ancho = (tinta.shape[0] // paso) * paso, (tinta.shape[1] // paso) * paso
        reducida = _reducir(tinta[:alto, :ancho], paso)
    q = px / paso
    corta, hueco, grosor = int(LINEA_CORTA * q), max(1, int(HUECO * q)), max(2, int(GROSOR_MAX * q))
    lado = max(1, int(0.8 * q))
    h = [
        l for l in _lineas(_corridas(_delgada(reducida, grosor), corta, hueco), grosor) if _despejada(reducida, l, lado)
    ]
    h = _puentear(_unir(h, hueco + grosor + 1, grosor), reducida, int(LINEA_LARGA_H * q))
    h = [
        [l[0] * paso, l[1] * paso + paso - 1, l[2] * paso, l[3] * paso + paso - 1]
        for l in h
        if l[3] - l[2] >= LINEA_LARGA_H * q
    ]
    if len(h) < 2:
        return h, []
    grosor = max(2, int(GROSOR_MAX * px))
    return h, _verticales(tinta, h, grosor)


def _reducir(tinta, paso: int):
    """Bools reduced `paso` times along each axis (whose lengths are
    multiples of it): a pixel is ink if any of its block is. An OR of the
    paso x paso strided views (numpy's any over the block axes of a
    reshape is ~20 times slower)."""
    filas = tinta[0::paso].copy()
    for i in range(1, paso):
        filas |= tinta[i::paso]
    reducida = filas[:, 0::paso].copy()
    for j in range(1, paso):
        reducida |= filas[:, j::paso]
    return reducida


def _borrar(gris, horizontales, verticales, margen: int) -> None:
    """Paint the ruling lines white (in place) before OCR."""
    alto, ancho = gris.shape
    for y0, y1, x0, x1 in horizontales:
        gris[max(0, y0 - margen) : min(alto, y1 + 1 + margen), max(0, x0 - margen) : min(ancho, x1 + margen)] = 255
    for x0, x1, y0, y1 in verticales:
        gris[max(0, y0 - margen) : min(alto, y1 + margen), max(0, x0 - margen) : min(ancho, x1 + 1 + margen)] = 255


_ROTAR = re.compile(r"Rotate:\s*(\d+)")
_CONFIANZA = re.compile(r"Orientation confidence:\s*([\d.]+)")


def _osd(imagen, dpi: int) -> Optional[tuple[int, float]]:
    """Tesseract's orientation detection (`--psm 0`) on the page reduced
    to DPI_ORIENTACION: (quarter turns as PIL degrees counter-clockwise,
    confidence), or None when it fails."""
    escala = min(1.0, DPI_ORIENTACION / dpi)
    reducida = imagen.convert("L")
    if escala < 1.0:
        reducida = reducida.resize((max(1, int(reducida.width * escala)), max(1, int(reducida.height * escala))))
    if tesseract_api.disponible():
        try:
            propia = tesseract_api.motor("osd").orientacion(_pixeles(reducida), int(dpi * escala))
        except OSError:
            pass  # the program, below
        else:
            return None if propia is None else ((360 - propia[0]) % 360, propia[1])
    pgm = io.BytesIO()
    reducida.save(pgm, "PPM")
    entorno = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        salida = subprocess.run(
            ["tesseract", "stdin", "stdout", "--psm", "0", "--dpi", str(int(dpi * escala))],
            input=pgm.getvalue(),
            capture_output=True,
            timeout=TIEMPO_PAGINA,
            env=entorno,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    texto = salida.stdout.decode("utf-8", "replace")
    rotar, confianza = _ROTAR.search(texto), _CONFIANZA.search(texto)
    if salida.returncode != 0 or not rotar or not confianza:
        return None
    return (360 - int(rotar.group(1))) % 360, float(confianza.group(1))  # Tesseract's "Rotate" is clockwise


def _orientacion(imagen, dpi: int, tinta, perfil: Optional[_Perfil] = None) -> int:
    """Quarter turns to straighten a page, as PIL degrees counter-clockwise
    (0, 90, 180, 270): Tesseract's orientation detection when it is sure
    (CONF_ORIENTACION). When it is not and the page's lines run up or down
    (`_de_lado`, from the ink `tinta`), the page is turned a quarter turn
    and Tesseract says which way up it then is (0 or 180: the turn is 90 or
    270); failing that, Tesseract's unsure quarter turn, else 90. Any other
    page is left as it is."""
    propia = _osd(imagen, dpi)
    if propia and propia[1] >= CONF_ORIENTACION:
        return propia[0]
    if not _de_lado(tinta, perfil):
        return 0
    tumbada = _osd(girar(imagen, 90), dpi)
    if tumbada and tumbada[0] in (0, 180):
        return (90 + tumbada[0]) % 360
    return propia[0] if propia and propia[0] in (90, 270) else 90


def _derecha(palabras: list[dict]) -> bool:
    """Whether Tesseract's reading of a page as it lies (`palabras_de_tsv`)
    is of upright Spanish text: sure on average (DERECHA_CONFIANZA) and with
    at least DERECHA_PALABRAS words of three letters or more, DERECHA_LEXICO
    of them Spanish words. A page on its side or upside down, read as it
    lies, gives letters Tesseract is unsure of and few words of the lexicon
    (tests/extractor/formatos/test_ocr.py measures both on real scans)."""
    from extractor.castellano.lexico import es_palabra

    if not palabras or sum(w["conf"] for w in palabras) < DERECHA_CONFIANZA * len(palabras):
        return False
    largas = [t for t in (w["text"].strip(_PUNTUACION) for w in palabras) if sum(c.isalpha() for c in t) >= 3]
    if len(largas) < DERECHA_PALABRAS:
        return False
    return sum(1 for t in largas if t.isalpha() and es_palabra(t)) >= DERECHA_LEXICO * len(largas)


MIN_DEL_LEXICO = 10  # words of the lexicon a page turned another way must give to be read so


def _del_lexico(palabras: list[dict]) -> int:
    """Words of three letters or more of the Spanish lexicon in a reading."""
    from extractor.castellano.lexico import es_palabra

    textos = (w["text"].strip(_PUNTUACION) for w in palabras)
    return sum(1 for t in textos if len(t) >= 3 and t.isalpha() and es_palabra(t))


def girar(imagen, angulo: float, relleno=255):
    """A page image turned by `angulo` degrees counter-clockwise, as the OCR
    turned it: the quarter turns exactly (the width and height swap), then
    the small straightening turn about the centre."""
    from PIL import Image

    cuartos = round(angulo / 90) % 4
    if cuartos:
        imagen = imagen.transpose(
            (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270)[cuartos - 1]
        )
    resto = round(angulo - 90 * round(angulo / 90), 2)
    if resto:
        imagen = imagen.rotate(resto, resample=Image.Resampling.BICUBIC, fillcolor=relleno)
    return imagen


@dataclass
class _Preparada:
    """A page image ready for Tesseract: its grey pixels (a C-contiguous
    uint8 array, straightened, rules and shading erased, specks filtered),
    the ruling lines in points and the angle it was turned."""

    gris: object
    horizontales: list[tuple[float, float, float]]
    verticales: list[tuple[float, float, float]]
    angulo: float


def _binaria(imagen):
    """(grey pixels, Otsu's threshold, ink) of a grey PIL image."""
    import numpy as np

    gris = np.asarray(imagen)
    umbral = umbral_otsu(gris)
    return gris, umbral, gris < umbral


def preparar(imagen, dpi: int):
    """Grey PIL image of a page -> (PGM bytes for Tesseract, lines in
    points, angle), its quarter turns from the orientation check."""
    imagen = enderezar_foto(imagen.convert("L"))
    gris, umbral, tinta = _binaria(imagen)
    perfil = _Perfil(tinta)
    giro = _orientacion(imagen, dpi, tinta, perfil)
    p = _enderezar(imagen, dpi, giro, (gris, umbral, perfil))
    return _pgm(p.gris), p.horizontales, p.verticales, p.angulo


def _enderezar(imagen, dpi: int, giro: int, binaria=None, digital: bool = False) -> _Preparada:
    """A grey PIL image of a page turned by `giro` (quarter turns, PIL
    degrees) and straightened, its ruling lines found and erased with the
    shading and the specks. `binaria`: (grey, threshold, _Perfil) of the
    image as it lies, reused when it is not turned. `digital`: a picture
    made on a computer (a screenshot pasted into a report), whose rules are
    found among its thin dark strokes (`_trazos_finos`) rather than its ink:
    a spreadsheet's light grey grid, or a thin rule the rendering smeared
    over two pixels, is lighter than the text's threshold."""
    import numpy as np
    from PIL import Image

    if giro or binaria is None:
        imagen = girar(imagen, giro)
        gris, umbral, tinta = _binaria(imagen)
        perfil = _Perfil(tinta)
    else:
        gris, umbral, perfil = binaria
        tinta = perfil.tinta
    angulo = _angulo(tinta, perfil)
    if angulo:
        imagen = imagen.rotate(angulo, resample=Image.Resampling.BICUBIC, fillcolor=255)
        gris, umbral, tinta = _binaria(imagen)
    angulo = round(giro + angulo, 2)
    px = dpi / 72.0
    h, v = _reglas(_trazos_finos(gris, px) if digital else tinta, px, max(1, dpi // DPI_REGLAS))
    gris = np.where(gris >= umbral, 255, gris).astype(np.uint8)  # shading and paper noise out
    _borrar(gris, h, v, margen=max(1, int(0.5 * px)))
    horizontales = [(round(x0 / px, 2), round(x1 / px, 2), round((y0 + y1 + 1) / 2 / px, 2)) for y0, y1, x0, x1 in h]
    verticales = [(round((x0 + x1 + 1) / 2 / px, 2), round(y0 / px, 2), round(y1 / px, 2)) for x0, x1, y0, y1 in v]
    return _Preparada(np.ascontiguousarray(_mediana3(gris)), horizontales, verticales, angulo)  # specks out


def _rellenos_invertidos(imagen):
    """A grey PIL image with its dark-filled bands inverted: the white
    letters of a header on a dark fill become dark letters on white paper,
    which Tesseract reads (it reads dark ink on paper). A band is a run of
    rows mostly darker than RELLENO_OSCURO; it is inverted between the first
    and last columns that are mostly dark over the band."""
    import numpy as np
    from PIL import Image

    gris = np.asarray(imagen)
    oscuro = gris < RELLENO_OSCURO
    filas = oscuro.mean(axis=1) >= FILA_RELLENA
    if not filas.any():
        return imagen
    salida = gris.copy()
    cambios = np.flatnonzero(np.diff(np.concatenate(([0], filas.astype(np.int8), [0]))))
    for arriba, abajo in zip(cambios[::2], cambios[1::2]):
        columnas = np.flatnonzero(oscuro[arriba:abajo].mean(axis=0) >= FILA_RELLENA)
        if len(columnas):
            banda = gris[arriba:abajo, columnas[0] : columnas[-1] + 1].astype(np.float32)
            relleno = float(np.median(banda[banda < RELLENO_OSCURO]))
            # the fill white, the letters (lighter than the fill) dark in proportion
            claridad = np.clip((banda - relleno) / max(1.0, 255.0 - relleno), 0.0, 1.0)
            salida[arriba:abajo, columnas[0] : columnas[-1] + 1] = (255 * (1 - claridad)).astype(np.uint8)
    return Image.fromarray(salida)


def _trazos_finos(gris, px: float):
    """Pixels of thin strokes darker than what lies around them (a grey
    "black top-hat": the image closed by a square ANCHO_REGLA wide, minus
    the image, above CONTRASTE_REGLA): rules on white and on coloured fills
    alike, light grey grids, not the fills themselves nor their edges."""
    import numpy as np
    from PIL import Image, ImageFilter

    lado = max(3, int(ANCHO_REGLA * px) | 1)  # odd
    cerrada = Image.fromarray(gris).filter(ImageFilter.MaxFilter(lado)).filter(ImageFilter.MinFilter(lado))
    return np.asarray(cerrada).astype(np.int16) - gris > CONTRASTE_REGLA


def _pixeles(imagen):
    """The pixels of a grey PIL image as a C-contiguous uint8 array (what
    tesseract_api hands libtesseract)."""
    import numpy as np

    return np.ascontiguousarray(np.asarray(imagen.convert("L")), dtype=np.uint8)


def _pgm(gris) -> bytes:
    """Binary PGM of grey pixels (what the `tesseract` program reads)."""
    from PIL import Image

    pgm = io.BytesIO()
    Image.fromarray(gris).save(pgm, "PPM")
    return pgm.getvalue()


def _mediana3(gris):
    """3 x 3 median filter of a grey image (edges repeated): the same pixels
    as PIL's ImageFilter.MedianFilter(3) in a small part of its time. Each
    column of three is sorted once (low, middle, high), and shared by the
    three windows that hold it; the median of a window is the median of
    the highest of its lows, the median of its middles and the lowest of its
    highs (an exact identity of the median of nine)."""
    import numpy as np

    borde = np.pad(gris, 1, mode="edge")
    arriba, centro, abajo = borde[:-2], borde[1:-1], borde[2:]
    bajo, alto = np.minimum(arriba, centro), np.maximum(arriba, centro)
    medio, alto = np.minimum(alto, abajo), np.maximum(alto, abajo)
    bajo, medio = np.minimum(bajo, medio), np.maximum(bajo, medio)
    bajos = np.maximum(np.maximum(bajo[:, :-2], bajo[:, 1:-1]), bajo[:, 2:])
    altos = np.minimum(np.minimum(alto[:, :-2], alto[:, 1:-1]), alto[:, 2:])
    return _mediana_de_tres(bajos, _mediana_de_tres(medio[:, :-2], medio[:, 1:-1], medio[:, 2:]), altos)


def _mediana_de_tres(a, b, c):
    import numpy as np

    return np.maximum(np.minimum(a, b), np.minimum(np.maximum(a, b), c))


# ------------------------------------------------------------------ words


def _ruido(texto: str, conf: float) -> bool:
    """Specks and remains of rules read as text: strokes and punctuation
    alone ("|", ":", "—"), or a single unsure letter (an unsure digit is
    read again alone by `_releer`, which drops it if still unsure)."""
    if texto in ("%", "$", "-"):
        return False
    if _SOLO_RAYAS.match(texto):
        return True
    return len(texto) == 1 and conf < 0.5 and not texto.isdigit()


def _letra_confundida(texto: str) -> str:
    """A word with an "i" read as "l" ("Aproplación"): the word of the
    lexicon one such change gives, when the word as read is none."""
    from extractor.castellano.lexico import es_palabra

    if "l" not in texto or not texto.isalpha() or es_palabra(texto):
        return texto
    for k in (k for k, letra in enumerate(texto) if letra == "l"):
        candidato = texto[:k] + "i" + texto[k + 1 :]
        if es_palabra(candidato):
            return candidato
    return texto


def palabras_de_tsv(tsv: str, dpi: int) -> list[dict]:
    """Tesseract's TSV -> pdfplumber-like words in points, with `conf`
    (0-1). A word's top and bottom are those of its text line (Tesseract's
    glyph boxes differ between "mes" and "Total"; lines need one height)."""
    px = dpi / 72.0
    filas = [l.split("\t") for l in tsv.splitlines()[1:]]
    lineas: dict[tuple, tuple[int, int]] = {}
    for f in filas:
        if len(f) >= 12 and f[0] == "4":
            lineas[(f[1], f[2], f[3], f[4])] = (int(f[7]), int(f[7]) + int(f[9]))
    palabras = []
    for f in filas:
        if len(f) < 12 or f[0] != "5":
            continue
        texto = _letra_confundida(f[11].strip().strip("|"))
        try:
            conf = float(f[10])
        except ValueError:
            continue
        if not texto or conf < 0 or _ruido(texto, conf / 100.0):
            continue
        x, y, w, h = (int(v) for v in f[6:10])
        top, bottom = lineas.get((f[1], f[2], f[3], f[4]), (y, y + h))
        palabras.append(
            {
                "text": texto,
                "x0": round(x / px, 2),
                "x1": round((x + w) / px, 2),
                "top": round(top / px, 2),
                "bottom": round(bottom / px, 2),
                "fontname": "",
                "conf": round(conf / 100.0, 3),
            }
        )
    return palabras


# ------------------------------------------------------------------ reader


class LectorOcr:
    """OCR of some pages of one PDF, cached by its SHA-256."""

    def __init__(self, ruta: Path, sha256: str, dpi: int = DPI):
        self.ruta = Path(ruta)
        self.sha256 = sha256
        self.dpi = dpi
        self.llamadas = 0  # Tesseract runs (pages not found in the cache)
        self.segundos_preparar = 0.0  # rendering, straightening, ruling lines (for bench/ocr.py)
        self._cerrojo = threading.Lock()

    def leer(self, numeros: list[int]) -> dict[int, PaginaOcr]:
        """{page number (1-based): PaginaOcr}. ErrorOcr when Tesseract is
        missing or fails."""
        return {n: pagina for (n, _), pagina in self._leer([(n, None) for n in numeros]).items()}

    def leer_recortes(self, recortes: list[tuple[int, tuple]]) -> dict[tuple[int, tuple], PaginaOcr]:
        """{(page, box): PaginaOcr} of boxes of some pages (x0, top, x1,
        bottom, points from the page's top-left corner: a table pasted as a
        picture on a page with a text layer). Each box is rendered alone and
        read as a page would be; its words and lines come placed on the page."""
        return self._leer(recortes)

    def _leer(self, trabajos: Sequence[tuple[int, Optional[tuple]]]) -> dict[tuple, PaginaOcr]:
        salida: dict[tuple, PaginaOcr] = {}
        faltan = []
        for trabajo in trabajos:
            en_cache = _leer_cache(_ruta_cache(self.sha256, trabajo[0], self.dpi, trabajo[1]))
            if en_cache is not None:
                salida[trabajo] = en_cache
            else:
                faltan.append(trabajo)
        if not faltan:
            return salida
        motivo = falta_tesseract()
        if motivo:
            raise ErrorOcr(motivo)
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(self.ruta))
        try:
            with ThreadPoolExecutor(max_workers=HILOS) as hilos:
                # pdfium is not thread-safe: pages are rendered here, one at
                # a time; each is prepared (orientation, straightening, ruling
                # lines) and read by Tesseract in a thread, while the next
                # pages are rendered and the other threads work (numpy, PIL
                # and libtesseract let go of the GIL); at most 2 x HILOS
                # images wait.
                enviadas: deque = deque()
                for trabajo in faltan:
                    dpi, imagen = self._renderizar(pdf, *trabajo)
                    # a box is a picture pasted into a page with a text layer: digital
                    digital = trabajo[1] is not None
                    enviadas.append((trabajo, hilos.submit(self._leer_pagina, imagen, dpi, digital)))
                    del imagen
                    if len(enviadas) >= 2 * HILOS:
                        self._recibir(enviadas.popleft(), salida)
                while enviadas:
                    self._recibir(enviadas.popleft(), salida)
        finally:
            pdf.close()
        return salida

    def _recibir(self, enviada: tuple, salida: dict[tuple, PaginaOcr]) -> None:
        (n, recorte), trabajo = enviada
        pagina = trabajo.result()
        if recorte is not None:
            pagina = _en_pagina(pagina, recorte[0], recorte[1])
        self.llamadas += 1
        _guardar_cache(_ruta_cache(self.sha256, n, self.dpi, recorte), pagina)
        salida[(n, recorte)] = pagina

    def _renderizar(self, pdf, n: int, recorte: Optional[tuple] = None):
        """(resolution, grey PIL image) of page n, or of a box of it."""
        import time

        inicio = time.perf_counter()
        pagina = pdf[n - 1]
        try:
            ancho, alto = pagina.get_size()
            corte = (0.0, 0.0, 0.0, 0.0)
            if recorte is not None:
                x0, top, x1, bottom = recorte
                corte = (x0, alto - bottom, ancho - x1, top)  # cut off each border: left, bottom, right, top
                ancho, alto = x1 - x0, bottom - top
            # a page larger than a legal sheet is rendered at a lower resolution: bounded memory
            dpi = min(self.dpi, int(72 * (MAX_PIXELES / max(ancho * alto, 1.0)) ** 0.5))
            imagen = pagina.render(scale=dpi / 72.0, crop=corte, grayscale=True).to_pil()
        finally:
            pagina.close()
        self._sumar_preparar(time.perf_counter() - inicio)
        return dpi, imagen

    def _leer_pagina(self, imagen, dpi: int, digital: bool = False) -> PaginaOcr:
        """A rendered page prepared and read (in a worker thread). Unless
        its lines clearly run up or down (DE_LADO_CLARO), the page is
        straightened and read as it lies first: a reading of upright text
        (`_derecha`) is kept without the orientation check (which costs
        about a third of Tesseract's reading); otherwise the check decides
        the quarter turns as always and, if it turns the page, the page is
        prepared and read again. Either way the result is the one of
        checking the orientation first (`preparar`) whenever the check
        would leave an upright page as it is."""
        import time

        inicio = time.perf_counter()
        imagen = imagen.convert("L")
        if digital:
            imagen = _rellenos_invertidos(imagen)
        else:
            imagen = enderezar_foto(imagen)  # a sheet photographed on a desk, flat and evenly lit
        gris, umbral, tinta = _binaria(imagen)
        perfil = _Perfil(tinta)
        giro = _orientacion(imagen, dpi, tinta, perfil) if _de_lado(tinta, perfil, DE_LADO_CLARO) else None
        preparada = _enderezar(imagen, dpi, giro or 0, (gris, umbral, perfil), digital)
        self._sumar_preparar(time.perf_counter() - inicio)
        palabras, segundos = _medido(preparada.gris, dpi)
        if giro is None and not _derecha(palabras):
            inicio = time.perf_counter()
            giro = _orientacion(imagen, dpi, tinta, perfil)
            if giro:
                preparada = _enderezar(imagen, dpi, giro, digital=digital)
            self._sumar_preparar(time.perf_counter() - inicio)
            if giro:
                palabras, otros = _medido(preparada.gris, dpi)
                segundos += otros
        if not _derecha(palabras):
            # still not upright text: the other quarter turns (Tesseract's orientation of a page on its
            # side may be upside down, or none: a binarized or grey table, few letters); the reading
            # with most words of the lexicon is kept
            giros = [(giro + 180) % 360] if giro in (90, 270) else [90, 270] if not giro else []
            for otro in giros:
                alterna = _enderezar(imagen, dpi, otro, digital=digital)
                otras, otros = _medido(alterna.gris, dpi)
                segundos += otros
                if _del_lexico(otras) > max(_del_lexico(palabras), MIN_DEL_LEXICO - 1):
                    preparada, palabras = alterna, otras
        del imagen, gris, tinta, perfil
        inicio = time.perf_counter()
        palabras = _releer_celdas(palabras, preparada.gris, preparada.horizontales, preparada.verticales, dpi)
        palabras = _releer(palabras, preparada.gris, dpi)
        segundos += time.perf_counter() - inicio
        return PaginaOcr(palabras, preparada.horizontales, preparada.verticales, preparada.angulo, segundos)

    def _preparar(self, pdf, n: int):
        """(resolution, PGM bytes, lines, angle) of page n (rendered and prepared here)."""
        dpi, imagen = self._renderizar(pdf, n)
        return (dpi, *preparar(imagen, dpi))

    def _sumar_preparar(self, segundos: float) -> None:
        with self._cerrojo:
            self.segundos_preparar += segundos


def _en_pagina(leida: PaginaOcr, dx: float, dy: float) -> PaginaOcr:
    """A box's reading moved to where the box is on its page."""
    palabras = [
        dict(
            w,
            x0=round(w["x0"] + dx, 2),
            x1=round(w["x1"] + dx, 2),
            top=round(w["top"] + dy, 2),
            bottom=round(w["bottom"] + dy, 2),
        )
        for w in leida.palabras
    ]
    horizontales = [(x0 + dx, x1 + dx, y + dy) for x0, x1, y in leida.horizontales]
    verticales = [(x + dx, top + dy, bottom + dy) for x, top, bottom in leida.verticales]
    return PaginaOcr(palabras, horizontales, verticales, leida.angulo, leida.segundos)


def _medido(imagen, dpi: int) -> tuple[list[dict], float]:
    """Tesseract's words of a prepared page image (grey pixels or PGM
    bytes) and the seconds it took."""
    import time

    inicio = time.perf_counter()
    palabras = palabras_de_tsv(_tesseract(imagen, dpi), dpi)
    return palabras, time.perf_counter() - inicio


def _celda(w: dict, horizontales, verticales) -> Optional[tuple[float, float, float, float]]:
    """(x0, top, x1, bottom) in points of the ruled cell around a word: the
    nearest rules on each side that cross its middle; None outside a
    cell or in one too large to be a cell."""
    x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    xs = [v[0] for v in verticales if v[1] <= y <= v[2]]
    ys = [h[2] for h in horizontales if h[0] <= x <= h[1]]
    izquierda, derecha = [v for v in xs if v < x], [v for v in xs if v > x]
    arriba, abajo = [h for h in ys if h < y], [h for h in ys if h > y]
    if not (izquierda and derecha and arriba and abajo):
        return None
    caja = (max(izquierda), max(arriba), min(derecha), min(abajo))
    if caja[2] - caja[0] > CELDA_MAX[0] or caja[3] - caja[1] > CELDA_MAX[1]:
        return None
    return caja


def _en_celda(palabras: list[dict], celda: tuple) -> list[dict]:
    """The words whose middle lies inside the cell (x0, top, x1, bottom)."""
    x0, top, x1, bottom = celda
    return [w for w in palabras if x0 < (w["x0"] + w["x1"]) / 2 < x1 and top < (w["top"] + w["bottom"]) / 2 < bottom]


MAX_RETAZO = 3  # lower-case letters of a scrap of a word left alone in a cell


def _retazo(texto: str) -> bool:
    return texto.isalpha() and texto.islower() and len(texto) <= MAX_RETAZO


def _releer_celdas(palabras: list[dict], pagina, horizontales: list, verticales: list, dpi: int) -> list[dict]:
    """The ruled cells holding a word Tesseract could hardly read (below
    DUDOSA: two lines of a header cell run together, "So jun-2028" for
    "Ejecutado a / 30-jun-2025") read again alone, cut from the page image
    inside their rules. The cell's new words replace its old ones when
    Tesseract is surer of them on average; so is a cell left with a scrap
    of a word only ("ado" of "Acumulado 2012-2014", "a" of "Meta 2014"):
    lower-case letters, MAX_RETAZO of them at most. `pagina`: the page image
    read (grey pixels or PGM bytes); the rules in points."""
    # only the cells of a doubtful word or of a scrap are looked for (a rule lookup per word)
    dudosas = {c for w in palabras if w["conf"] < DUDOSA for c in [_celda(w, horizontales, verticales)] if c}
    con_retazo = {c for w in palabras if _retazo(w["text"]) for c in [_celda(w, horizontales, verticales)] if c}
    celdas = dudosas | {c for c in con_retazo - dudosas if all(_retazo(w["text"]) for w in _en_celda(palabras, c))}
    if not celdas:
        return palabras
    imagen = _imagen(pagina)
    px, margen = dpi / 72.0, max(2, int(dpi / 100))
    cambiadas = False
    for x0, top, x1, bottom in sorted(celdas):
        caja = (int(x0 * px) + margen, int(top * px) + margen, int(x1 * px) - margen, int(bottom * px) - margen)
        if caja[2] - caja[0] < 4 or caja[3] - caja[1] < 4:
            continue
        recorte = imagen.crop(caja)
        try:
            tsv = _tesseract(_pixeles(recorte), dpi)
        except ErrorOcr:
            continue
        dx, dy = caja[0] / px, caja[1] / px
        nuevas = [
            {
                **w,
                "x0": round(w["x0"] + dx, 2),
                "x1": round(w["x1"] + dx, 2),
                "top": round(w["top"] + dy, 2),
                "bottom": round(w["bottom"] + dy, 2),
            }
            for w in palabras_de_tsv(tsv, dpi)
        ]
        dentro = _en_celda(palabras, (x0, top, x1, bottom))
        # a scrap of a word is replaced by a fuller reading Tesseract is not unsure of, however sure of the scrap
        completada = (
            all(_retazo(w["text"]) for w in dentro)
            and _media_conf(nuevas) >= DUDOSA
            and sum(len(w["text"]) for w in nuevas) > sum(len(w["text"]) for w in dentro)
        )
        if nuevas and (_media_conf(nuevas) > _media_conf(dentro) or completada):
            viejas = {id(w) for w in dentro}
            palabras = [w for w in palabras if id(w) not in viejas] + nuevas
            cambiadas = True
    return sorted(palabras, key=lambda w: (w["top"], w["x0"])) if cambiadas else palabras


def _imagen(pagina):
    """A PIL image of a page image read (grey pixels or PGM bytes)."""
    from PIL import Image

    return Image.open(io.BytesIO(pagina)) if isinstance(pagina, bytes) else Image.fromarray(pagina)


def _media_conf(palabras: list[dict]) -> float:
    return sum(w["conf"] for w in palabras) / len(palabras) if palabras else 0.0


_CASI_CIFRA = re.compile(r"^[\d.,:;'%$\-()]*\d[\d.,:;'%$\-()]*[A-Za-z]?[\d.,:;'%$\-()]*$")


def _releer(palabras: list[dict], pagina, dpi: int) -> list[dict]:
    """The figures Tesseract was unsure of (confidence below RELEER: a
    separator dropped or a digit swapped next to a rule, "14.870733190,42")
    read again one by one: the word's box cut from the page image, enlarged
    twice, read as one line of figure characters (`--psm 7`). The new
    reading replaces the old one when Tesseract is surer of it. `pagina`:
    the page image read (grey pixels or PGM bytes)."""
    from PIL import Image

    dudosas = [i for i, w in enumerate(palabras) if w["conf"] < RELEER and _CASI_CIFRA.match(w["text"])]
    if not dudosas:
        return palabras
    imagen = _imagen(pagina)
    px, margen = dpi / 72.0, max(2, int(dpi / 50))
    recortes = []
    for i in dudosas:
        w = palabras[i]
        caja = (
            max(0, int(w["x0"] * px) - margen),
            max(0, int(w["top"] * px) - margen),
            min(imagen.width, int(w["x1"] * px) + margen),
            min(imagen.height, int(w["bottom"] * px) + margen),
        )
        recorte = imagen.crop(caja)
        recortes.append(recorte.resize((recorte.width * 2, recorte.height * 2), Image.Resampling.LANCZOS))
    salida: list[dict | None] = list(palabras)
    for i, (texto, conf) in zip(dudosas, _lineas_de_cifras(recortes, 2 * dpi)):
        w = palabras[i]
        if texto and any(c.isdigit() for c in texto) and conf > w["conf"]:
            salida[i] = {**w, "text": texto, "conf": round(conf, 3)}
        elif len(w["text"]) == 1 and w["conf"] < 0.5:
            salida[i] = None  # a speck: one digit Tesseract is unsure of and cannot read again
    return [w for w in salida if w is not None]


def _lineas_de_cifras(imagenes: list, dpi: int) -> list[tuple[str, float]]:
    """(text, confidence 0-1) of each one-line image read with only
    CIFRAS; ("", 0) when Tesseract reads no single word in it or fails.
    One Tesseract for all of them (a list of image files: each is a page
    of its own, read as it would be alone), not one per image: Tesseract's
    start is most of the cost of reading a figure."""
    import tempfile

    if not imagenes:
        return []
    if tesseract_api.disponible():
        try:
            motor = tesseract_api.motor("eng", {"tessedit_char_whitelist": CIFRAS, "tessedit_create_tsv": "1"})
            resultado = []
            for imagen in imagenes:  # what the program does with the list: each image a page of its own
                resultado.append(_una_cifra(_palabras_tsv(motor.tsv(_pixeles(imagen), dpi, 7)).get("1", [])))
            return resultado
        except OSError:
            pass  # the program, below
    entorno = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory(prefix="informes-cifras-") as carpeta:
        rutas = []
        for k, imagen in enumerate(imagenes):
            rutas.append(os.path.join(carpeta, f"{k:04d}.pgm"))
            imagen.save(rutas[-1], "PPM")
        lista = os.path.join(carpeta, "lista.txt")
        with open(lista, "w", encoding="utf-8") as escrito:
            escrito.write("\n".join(rutas) + "\n")
        try:
            salida = subprocess.run(
                [
                    "tesseract",
                    lista,
                    "stdout",
                    "--psm",
                    "7",
                    "--dpi",
                    str(dpi),
                    "-c",
                    f"tessedit_char_whitelist={CIFRAS}",
                    "tsv",
                ],
                capture_output=True,
                timeout=TIEMPO_PAGINA,
                env=entorno,
            )
        except (OSError, subprocess.SubprocessError):
            return [("", 0.0)] * len(imagenes)
    if salida.returncode != 0:
        return [("", 0.0)] * len(imagenes)
    por_imagen = _palabras_tsv(salida.stdout.decode("utf-8", "replace"))
    return [_una_cifra(por_imagen.get(str(k + 1), [])) for k in range(len(imagenes))]


def _palabras_tsv(tsv: str) -> dict[str, list[list[str]]]:
    """The words of a TSV with text, by page ("1" for the first image)."""
    por_imagen: dict[str, list[list[str]]] = {}
    for l in tsv.splitlines()[1:]:
        f = l.split("\t")
        if len(f) >= 12 and f[0] == "5" and f[11].strip():
            por_imagen.setdefault(f[1], []).append(f)  # f[1]: the page, 1 for the first image
    return por_imagen


def _una_cifra(leidas: list[list[str]]) -> tuple[str, float]:
    """(text, confidence 0-1) of the one word read in an image; ("", 0) otherwise."""
    try:
        return (leidas[0][11].strip(), float(leidas[0][10]) / 100.0) if len(leidas) == 1 else ("", 0.0)
    except ValueError:
        return ("", 0.0)
