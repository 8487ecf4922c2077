"""`informes ver`: what the reader saw in a file, drawn over it.

As pdfplumber's `to_image().debug_tablefinder()` is for its users: for a PDF
(text or scanned), each chosen page is rendered (pypdfium2) and drawn over
(Pillow): each detected table's outline, its header rows shaded, a label
per column (role, or measure with period and scale) above it, each row's
role as a lettered marker in the margin, each emitted figure's cell
outlined in its measure's colour, and a legend. The pages are written as
`pagina-N.png` and gathered, with each table's columns, rows and figures,
in one `index.html`. Word documents and spreadsheets have no page image:
their tables are drawn as HTML grids with the same classes and colours
(spreadsheets with their Excel cell references).

The file is read and interpreted as `informes cargar` reads it
(`extractor.leer_documento`, `extractor.informe.lectura.leer`), but a file with no
indicator table is still shown: this is where one studies why.
"""

from __future__ import annotations

import base64
import io
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any, Optional

import esquemas
from extractor.castellano import palabras
from extractor.formatos import HOJAS
from extractor.informe.lectura import ROLES_FILA, Lectura, TablaLeida
from extractor.resultado import FilaNoMapeada, Observacion
from pipelines.salidas.nombres import NOMBRES_MEDIDA as _NOMBRES
from pipelines.texto import numero_co

NOMBRES_MEDIDA = {**_NOMBRES, "recursos_mixtos": "Recursos (programados y ejecutados)"}

PPP = 100  # resolution of the page images (pixels per inch)
MAX_FILAS_REJILLA = 300  # rows of one table drawn as an HTML grid unless --filas says otherwise
MAX_CIFRAS_LISTA = 1000  # figures listed under a table unless --filas says otherwise
MAX_PAGINAS_INCRUSTADAS = 12  # up to this many page images go inside index.html (base64); more are linked

# colours (RGB) ---------------------------------------------------------------
COLOR_TABLA = (214, 51, 108)
COLORES_ROL = {
    "encabezado": (240, 170, 0),
    "indicador": (43, 138, 62),
    "padre": (28, 95, 168),
    "total": (106, 61, 154),
    "subencabezado": (11, 114, 133),
    "no_mapeada": (201, 42, 42),
    "vacia": (150, 156, 164),
}
LETRAS_ROL = {
    "encabezado": "E",
    "indicador": "I",
    "padre": "P",
    "total": "T",
    "subencabezado": "S",
    "no_mapeada": "N",
    "vacia": "V",
}
# rows tinted across the table (alpha 0-255); indicator and empty rows are left clear
TINTES_ROL = {"encabezado": 80, "padre": 38, "total": 45, "subencabezado": 38, "no_mapeada": 34}
COLORES_MEDIDA = {
    "meta": (31, 119, 180),
    "meta_cuatrienio": (23, 170, 190),
    "ejecutado": (44, 160, 44),
    "acumulado": (0, 100, 40),
    "linea_base": (110, 110, 110),
    "avance_porcentual": (255, 127, 14),
    "recursos_programados": (148, 103, 189),
    "recursos_ejecutados": (227, 119, 194),
    "recursos_mixtos": (140, 86, 75),
    "apropiacion_inicial": (168, 170, 20),
    "apropiacion_definitiva": (107, 110, 207),
    "compromisos": (196, 130, 110),
    "obligaciones": (132, 60, 57),
    "pagos": (214, 160, 40),
}
COLOR_OTRA_MEDIDA = (60, 60, 60)
COLOR_TEXTO_COL = (85, 85, 85)
COLOR_NARRATIVA = (90, 90, 90)

# medidas.csv `nombre_corto`; recursos_mixtos is a header class split into two measures, not a measure
CORTOS_MEDIDA = {
    **{m.medida: m.nombre_corto for m in esquemas.medidas().values()},
    "recursos_mixtos": "rec. prog./ejec.",
}
NOMBRES_ROL_COLUMNA = {
    "etiqueta": "etiqueta",
    "codigo": "código",
    "unidad": "unidad",
    "fuente": "fuente",
    "ignorar": "ignorada",
    "texto": "texto",
    "anio": "año",
    "valor": "valor",
}
MESES = palabras.abreviaturas_de_meses()  # esquemas/castellano.yaml


class ErrorVer(Exception):
    """An expected failure, in Spanish, naming the file."""


@dataclass
class ResultadoVer:
    carpeta: Path
    html: Path
    imagenes: list[Path] = field(default_factory=list)
    paginas: list[int] = field(default_factory=list)  # pages (PDF) or sheets shown
    hojas: bool = False  # `paginas` are a workbook's sheets (or a CSV's, an HTML table's saved as .xls)
    tablas: int = 0
    cifras: int = 0


# ----------------------------------------------------------------- selection


_TRAMO = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")


def _tramos(especificaciones: Optional[list[str]], archivo: str, que: str) -> list[tuple[int, int]]:
    """ "3", "3-5", "1,4,7-9" (repeatable) → [(3, 3), (3, 5)…]; ErrorVer in Spanish otherwise."""
    tramos = []
    for espec in especificaciones or []:
        for parte in str(espec).split(","):
            m = _TRAMO.fullmatch(parte.strip())
            if not m:
                raise ErrorVer(f"{archivo}: «{espec}» no es un número de {que} ni un rango (p. ej. 3 o 3-5)")
            a, b = int(m.group(1)), int(m.group(2) or m.group(1))
            if a < 1 or b < a:
                raise ErrorVer(f"{archivo}: el rango de {que}s «{parte.strip()}» no es válido")
            tramos.append((a, b))
    return tramos


def rango(especificaciones: Optional[list[str]], total: int, archivo: str, que: str = "página") -> list[int]:
    """The pages (sheets) chosen with --pagina, sorted; every one when none is given."""
    tramos = _tramos(especificaciones, archivo, que)
    if not tramos:
        return list(range(1, total + 1))
    elegidas: set[int] = set()
    for a, b in tramos:
        if a > total:
            raise ErrorVer(f"{archivo}: la {que} {a} no existe (tiene {total} {que if total == 1 else que + 's'})")
        elegidas.update(range(a, min(b, total) + 1))
    return sorted(elegidas)


class Filas:
    """The rows chosen with --filas (numbers as shown in the grids)."""

    def __init__(self, tramos: list[tuple[int, int]]):
        self.tramos = tramos

    def __contains__(self, n: int) -> bool:
        return any(a <= n <= b for a, b in self.tramos)


def rango_filas(especificaciones: Optional[list[str]], archivo: str) -> Optional[Filas]:
    tramos = _tramos(especificaciones, archivo, "fila")
    return Filas(tramos) if tramos else None


# ------------------------------------------------------------------ labels


def _fila(x: Observacion | FilaNoMapeada) -> int:
    """The row of a table's observation or unmapped row (table items always have one)."""
    assert x.fila is not None
    return x.fila


def _redondeada(caja: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    return round(caja[0]), round(caja[1]), round(caja[2]), round(caja[3])


def periodo_corto(inicio: Optional[date], fin: Optional[date]) -> str:
    if inicio is None and fin is None:
        return ""
    if inicio is None or fin is None:
        d = inicio if inicio is not None else fin
        assert d is not None
        return f"{d.day} {MESES[d.month - 1]} {d.year}"
    anual = inicio.month == 1 and inicio.day == 1 and fin.month == 12 and fin.day == 31
    if anual:
        return str(inicio.year) if inicio.year == fin.year else f"{inicio.year}–{fin.year}"
    if inicio == fin:
        return f"{inicio.day} {MESES[inicio.month - 1]} {inicio.year}"
    if inicio.year == fin.year:
        return f"{MESES[inicio.month - 1]}–{MESES[fin.month - 1]} {fin.year}"
    return f"{MESES[inicio.month - 1]} {inicio.year}–{MESES[fin.month - 1]} {fin.year}"


def _periodo_col(col) -> str:
    p = col.periodo if col.rol == "valor" else None  # a column demoted to text keeps a stale period
    return periodo_corto(p.inicio, p.fin) if p else ""


def rol_columna(col, etiqueta: Optional[int]) -> str:
    """The column's role as users read it: "indicador" for the column that names the indicator."""
    if col.rol == "valor":
        return "valor"
    if col.indice == etiqueta:
        return "nombre del indicador"
    return NOMBRES_ROL_COLUMNA.get(col.rol, col.rol)


def lineas_columna(col, etiqueta: Optional[int]) -> list[str]:
    """The label drawn over a column: measure, period, scale / funding source; or its role."""
    if col.rol != "valor":
        return ["indicador" if col.indice == etiqueta else NOMBRES_ROL_COLUMNA.get(col.rol, col.rol)]
    lineas = [CORTOS_MEDIDA.get(col.medida, col.medida or "valor")]
    periodo = _periodo_col(col)
    if periodo:
        lineas.append(periodo)
    extra = []
    if col.escala:
        extra.append(col.escala)
    if col.fuente:
        extra.append(col.fuente)
    if extra:
        lineas.append(" · ".join(extra))
    return lineas


def color_columna(col, etiqueta: Optional[int]) -> tuple[int, int, int]:
    if col.rol == "valor":
        return COLORES_MEDIDA.get(col.medida, COLOR_OTRA_MEDIDA)
    return COLORES_ROL["indicador"] if col.indice == etiqueta else COLOR_TEXTO_COL


def _hex(rgb) -> str:
    return "#%02x%02x%02x" % tuple(rgb)


def _valor(o) -> str:
    return numero_co(o.valor) if o.valor is not None else ""


def texto_cifra(o) -> str:
    """One figure as a tooltip line: measure · period · value (text read)."""
    partes = [NOMBRES_MEDIDA.get(o.medida, o.medida)]
    periodo = periodo_corto(o.periodo_inicio, o.periodo_fin)
    if periodo:
        partes.append(periodo)
    valor = _valor(o)
    if o.unidad and o.unidad not in ("numero",):
        valor = f"{valor} {o.unidad}"
    partes.append(valor)
    linea = " · ".join(partes)
    if o.valor_texto and o.valor_texto != numero_co(o.valor):
        linea += f" (leído «{o.valor_texto}»)"
    return linea


# -------------------------------------------------------------------- main


def ver(
    ruta: Path,
    paginas: Optional[list[str]] = None,
    salida: Optional[Path] = None,
    filas: Optional[list[str]] = None,
    ppp: int = PPP,
) -> ResultadoVer:
    """Read `ruta`, draw what was read, write the images and index.html in
    `salida` (default `ver-<name>/`). ErrorLectura / ErrorVer on failure."""
    from extractor import leer_documento
    from extractor.informe.interpretar import leer

    ruta = Path(ruta)
    if not ruta.is_file():
        raise ErrorVer(f"{ruta.name}: el archivo no existe")
    if ppp < 30 or ppp > 400:
        raise ErrorVer(f"{ruta.name}: la resolución debe estar entre 30 y 400 ppp")
    _tramos(paginas, ruta.name, "página")  # a mistyped --pagina fails before a long reading
    seleccion_filas = rango_filas(filas, ruta.name)
    doc = leer_documento(ruta)
    lectura = leer(doc)
    que = "hoja" if doc.formato in HOJAS else "página"
    elegidas = rango(paginas, max(doc.paginas, 1), ruta.name, que)
    carpeta = Path(salida) if salida is not None else Path(f"ver-{ruta.stem}")
    try:
        carpeta.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ErrorVer(f"{ruta.name}: no se pudo crear la carpeta {carpeta}: {exc.strerror or exc}") from exc
    resultado = ResultadoVer(carpeta=carpeta, html=carpeta / "index.html", paginas=elegidas, hojas=que == "hoja")
    tablas = [t for t in lectura.tablas if set(t.paginas) & set(elegidas)]
    resultado.tablas = len(tablas)
    resultado.cifras = sum(1 for t in tablas for o in t.observaciones if o.pagina in elegidas or doc.formato != "pdf")
    try:
        if doc.formato == "pdf":
            laminas = _laminas_pdf(ruta, doc, lectura, elegidas, carpeta, ppp, resultado)
            html = pagina_html(doc, lectura, elegidas, tablas, laminas, seleccion_filas, que)
        else:
            html = pagina_html(doc, lectura, elegidas, tablas, None, seleccion_filas, que)
        resultado.html.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ErrorVer(f"{ruta.name}: no se pudo escribir en {carpeta}: {exc.strerror or exc}") from exc
    return resultado


# ------------------------------------------------------------- PDF drawing


@dataclass
class Lamina:
    """One drawn page: its PNG and what the HTML lays over it (tooltips)."""

    pagina: int
    archivo: Path
    ancho: int
    alto: int
    png: bytes
    escaneada: bool = False
    angulo: float = 0.0
    zonas: list[tuple[tuple[int, int, int, int], str, str]] = field(default_factory=list)  # (box, class, title)


def paginas_escaneadas(ruta: Path, sha256: str, paginas: list[int]) -> dict[int, float]:
    """{page: angle it was turned by for OCR} for the scanned pages among `paginas`
    (the OCR reading comes from its cache when the file was loaded before)."""
    from extractor.formatos import ocr
    from extractor.formatos.cribado import cribar

    escaneadas = [p.numero for p in cribar(ruta) if p.escaneada and p.numero in paginas]
    if not escaneadas:
        return {}
    try:
        leidas = ocr.LectorOcr(ruta, sha256).leer(escaneadas)  # from the cache the reading just filled
    except ocr.ErrorOcr:
        return {n: 0.0 for n in escaneadas}
    return {n: leidas[n].angulo if n in leidas else 0.0 for n in escaneadas}


def _laminas_pdf(
    ruta: Path, doc, lectura: Lectura, paginas: list[int], carpeta: Path, ppp: int, resultado: ResultadoVer
) -> list[Lamina]:
    import pypdfium2 as pdfium

    escaneadas = paginas_escaneadas(ruta, doc.sha256, paginas)
    laminas = []
    pdf = pdfium.PdfDocument(str(ruta))
    try:
        for n in paginas:
            pagina = pdf[n - 1]
            try:
                imagen = pagina.render(scale=ppp / 72.0).to_pil().convert("RGB")
            finally:
                pagina.close()
            angulo = escaneadas.get(n, 0.0)
            imagen = enderezar(imagen, angulo)
            lamina = dibujar_pagina(imagen, n, lectura, ppp / 72.0)
            lamina.escaneada, lamina.angulo = n in escaneadas, angulo
            lamina.archivo = carpeta / f"pagina-{n}.png"
            lamina.archivo.write_bytes(lamina.png)
            resultado.imagenes.append(lamina.archivo)
            laminas.append(lamina)
    finally:
        pdf.close()
    return laminas


def enderezar(imagen, angulo: float):
    """A rendered page turned as the OCR turned it: the boxes of a scanned
    page's cells are in the straightened image (turned about its centre, so
    at any resolution)."""
    if not angulo:
        return imagen
    from extractor.formatos.ocr import girar

    return girar(imagen, angulo, relleno=(255, 255, 255))


@lru_cache(maxsize=16)
def fuente(tam: int, negrita: bool = False):
    from PIL import ImageFont

    nombres = (
        ["DejaVuSansCondensed-Bold.ttf", "DejaVuSans-Bold.ttf"]
        if negrita
        else ["DejaVuSansCondensed.ttf", "DejaVuSans.ttf"]
    )
    for nombre in nombres:
        for ruta in (nombre, f"/usr/share/fonts/truetype/dejavu/{nombre}"):
            try:
                return ImageFont.truetype(ruta, tam)
            except OSError:
                continue
    return ImageFont.load_default(size=tam)


def _ancho(lienzo, texto: str, f) -> float:
    return lienzo.textlength(texto, font=f)


@dataclass
class _Geometria:
    """A table's part on one page, in pixels."""

    caja: tuple[float, float, float, float]
    filas: dict[int, tuple[float, float]]
    columnas: dict[int, tuple[float, float]]


def geometria(leida: TablaLeida, pagina: int, s: float) -> Optional[_Geometria]:
    celdas = [c for c in leida.tabla.celdas if c.pagina == pagina and c.bbox]
    cajas = [c.bbox for c in celdas if c.bbox]
    if not cajas:
        return None
    caja = (
        min(b[0] for b in cajas) * s,
        min(b[1] for b in cajas) * s,
        max(b[2] for b in cajas) * s,
        max(b[3] for b in cajas) * s,
    )

    def tramos(inicio, largo, lo, hi) -> dict[int, tuple[float, float]]:
        propios: dict[int, list[float]] = {}
        repartidos: dict[int, list[float]] = {}
        for c in celdas:
            n = largo(c)
            a, b = lo(c) * s, hi(c) * s
            for i in range(n):
                destino = propios if n == 1 else repartidos
                destino.setdefault(inicio(c) + i, [a + (b - a) * i / n, a + (b - a) * (i + 1) / n])
                if n == 1:
                    v = propios[inicio(c)]
                    v[0], v[1] = min(v[0], a), max(v[1], b)
        salida = {k: (v[0], v[1]) for k, v in repartidos.items()}
        salida.update({k: (v[0], v[1]) for k, v in propios.items()})
        return salida

    filas = tramos(lambda c: c.fila, lambda c: c.filas_span, lambda c: c.bbox[1], lambda c: c.bbox[3])
    columnas = tramos(lambda c: c.columna, lambda c: c.columnas_span, lambda c: c.bbox[0], lambda c: c.bbox[2])
    return _Geometria(caja, filas, columnas)


def _caja(bbox, s: float) -> tuple[float, float, float, float]:
    return bbox[0] * s, bbox[1] * s, bbox[2] * s, bbox[3] * s


def dibujar_pagina(imagen, n: int, lectura: Lectura, s: float) -> Lamina:
    """Draw the reading of page `n` over its image (s: pixels per PDF point)."""
    from PIL import Image, ImageDraw

    ancho, alto = imagen.size
    base = imagen.convert("RGBA")
    capa = Image.new("RGBA", base.size, (0, 0, 0, 0))
    tinte = ImageDraw.Draw(capa)
    en_pagina = [(t, g) for t in lectura.tablas if (g := geometria(t, n, s)) is not None]
    zonas: list[tuple[tuple[int, int, int, int], str, str]] = []
    medidas: list[str] = []
    roles: list[str] = []

    # 1. tinted rows (header rows shaded) and figure cells
    for t, g in en_pagina:
        x0, _, x1, _ = g.caja
        for r, (a, b) in g.filas.items():
            rol = t.roles.get(r, "vacia")
            if rol in TINTES_ROL:
                tinte.rectangle([x0, a, x1, b], fill=COLORES_ROL[rol] + (TINTES_ROL[rol],))
        for o in t.observaciones:
            if o.pagina == n and o.bbox:
                tinte.rectangle(_caja(o.bbox, s), fill=COLORES_MEDIDA.get(o.medida, COLOR_OTRA_MEDIDA) + (40,))
    base.alpha_composite(capa)
    lienzo = ImageDraw.Draw(base)

    # 2. figures outlined in their measure's colour (several measures in one cell: nested)
    por_celda: dict[tuple, list] = {}
    for t, _ in en_pagina:
        for o in t.observaciones:
            if o.pagina == n and o.bbox:
                por_celda.setdefault(tuple(round(v, 1) for v in o.bbox), []).append((t, o))
    for bbox, obs in por_celda.items():
        x0, y0, x1, y1 = _caja(bbox, s)
        vistas = []
        for _, o in obs:
            if o.medida not in vistas:
                vistas.append(o.medida)
            if o.medida not in medidas:
                medidas.append(o.medida)
        for i, medida in enumerate(vistas[:3]):
            d = 2 * i
            lienzo.rectangle(
                [x0 + d, y0 + d, x1 - d, y1 - d], outline=COLORES_MEDIDA.get(medida, COLOR_OTRA_MEDIDA), width=2
            )
        t0, o0 = obs[0]
        titulo = f"Tabla {t0.tabla.indice}, fila {o0.fila + 1}: {o0.indicador}\n" + "\n".join(
            texto_cifra(o) for _, o in obs
        )
        zonas.append(((round(x0), round(y0), round(x1), round(y1)), "cifra", titulo))
    narrativa = [o for o in lectura.narrativa if o.pagina == n and o.bbox]
    for o in narrativa:
        caja = _caja(o.bbox, s)
        lienzo.rectangle(caja, outline=COLOR_NARRATIVA, width=1)
        zonas.append((_redondeada(caja), "narrativa", "Cifra de la narrativa: " + texto_cifra(o)))

    # 3. table outlines, row markers, column labels, table tag
    ocupado: list[tuple[float, float, float, float]] = []
    for t, g in en_pagina:
        x0, y0, x1, y1 = g.caja
        lienzo.rectangle([x0 - 1, y0 - 1, x1 + 1, y1 + 1], outline=COLOR_TABLA, width=3)
        ocupado.append((x0 - 20, y0, x1, y1))
        for r, (a, b) in sorted(g.filas.items()):
            rol = t.roles.get(r, "vacia")
            if rol not in roles:
                roles.append(rol)
            mx1 = x0 - 4 if x0 >= 20 else x0 + 16
            caja = (mx1 - 13, a + 1, mx1, max(b - 1, a + 2))
            lienzo.rectangle(caja, fill=COLORES_ROL[rol])
            if b - a >= 11:
                f = fuente(10, True)
                letra = LETRAS_ROL[rol]
                lienzo.text(((caja[0] + caja[2]) / 2, (a + b) / 2), letra, fill="white", font=f, anchor="mm")
            titulo = f"Tabla {t.tabla.indice}, fila {r + 1}: {ROLES_FILA[rol]}"
            if r in t.motivos:
                titulo += f" — {t.motivos[r]}"
            zonas.append((_redondeada(caja), "fila", titulo))
        ocupado.append(_etiquetas_columnas(lienzo, t, g, ancho))
        _etiqueta_tabla(lienzo, t, g, n, alto, ocupado)
    _leyenda(base, imagen, en_pagina, roles, medidas, bool(narrativa), ocupado)
    salida = io.BytesIO()
    base.convert("RGB").save(salida, "PNG", optimize=False, compress_level=6)
    return Lamina(pagina=n, archivo=Path(), ancho=ancho, alto=alto, png=salida.getvalue(), zonas=zonas)


def _etiquetas_columnas(lienzo, t: TablaLeida, g: _Geometria, ancho_pagina: int) -> tuple:
    """A label per column above the table (inside its top when the page has no room above).
    Labels that do not fit their column's width go on two staggered tiers."""
    cols = {c.indice: c for c in t.lectura.columnas}
    etiquetas = []
    for k, (a, b) in sorted(g.columnas.items()):
        if k in cols and not (cols[k].rol == "texto" and not cols[k].encabezado):
            etiquetas.append(
                (a, b, lineas_columna(cols[k], t.lectura.etiqueta), color_columna(cols[k], t.lectura.etiqueta))
            )
    if not etiquetas:
        return g.caja
    tam = 11
    f, fn = fuente(tam), fuente(tam, True)
    alto_linea = tam + 3

    def ancho_de(lineas):
        return max(_ancho(lienzo, l, fn if i == 0 else f) for i, l in enumerate(lineas)) + 6

    escalonar = any(ancho_de(l) > (b - a) for a, b, l, _ in etiquetas)
    max_lineas = max(len(l) for _, _, l, _ in etiquetas)
    alto_nivel = max_lineas * alto_linea + 4
    niveles = 2 if escalonar else 1
    franja = alto_nivel * niveles + 2
    x0, y0, x1, _ = g.caja
    arriba = y0 - franja - 2 if y0 - franja - 2 >= 0 else y0 + 2  # no room above: inside the table's top
    for i, (a, b, lineas, color) in enumerate(etiquetas):
        nivel = (i % 2) if escalonar else 0
        # staggered: even columns on the lower tier (next to the table), odd ones above them
        top = arriba + (alto_nivel if (escalonar and nivel == 0) else 0)
        disponible = (b - a) * (2 if escalonar else 1) - 2
        w = min(ancho_de(lineas), max(disponible, 44))
        cx = (a + b) / 2
        bx0 = max(0, min(cx - w / 2, ancho_pagina - w - 1))
        caja = (bx0, top, bx0 + w, top + len(lineas) * alto_linea + 3)
        lienzo.rectangle(caja, fill=(255, 255, 255), outline=color, width=1)
        if escalonar:  # a tick down to the column it labels
            lienzo.line([(cx, caja[3]), (cx, arriba + franja - 1)], fill=color, width=1)
        for j, linea in enumerate(lineas):
            fj = fn if j == 0 else f
            linea = _recortar(lienzo, linea, fj, w - 4)
            lienzo.text((caja[0] + 3, top + 2 + j * alto_linea), linea, fill=color if j == 0 else (30, 30, 30), font=fj)
    return (x0, min(arriba, y0), x1, max(arriba + franja, y0))


def _recortar(lienzo, texto: str, f, ancho: float) -> str:
    if _ancho(lienzo, texto, f) <= ancho:
        return texto
    while texto and _ancho(lienzo, texto + "…", f) > ancho:
        texto = texto[:-1]
    return texto + "…" if texto else ""


def _etiqueta_tabla(lienzo, t: TablaLeida, g: _Geometria, n: int, alto: int, ocupado: list) -> None:
    """ "Tabla 3 · 2 filas de encabezado · 24 cifras" under the table (over its bottom when there is no room)."""
    cifras = sum(1 for o in t.observaciones if o.pagina == n)
    paginas = t.paginas
    largo = f"Tabla {t.tabla.indice} · {t.lectura.n_encabezado} fila(s) de encabezado · {cifras} cifra(s)"
    if len(paginas) > 1:
        largo += f" · en págs. {paginas[0]}–{paginas[-1]}"
    opciones = [largo, f"Tabla {t.tabla.indice} · {cifras} cifra(s)"]
    if not t.observaciones and t.no_mapeadas:
        motivos = {f.motivo for f in t.no_mapeadas if t.roles.get(_fila(f)) == "no_mapeada"}
        if len(motivos) == 1:
            opciones.insert(0, f"{largo} · {motivos.pop()}")
    f = fuente(11, True)
    x0, _, x1, y1 = g.caja
    # the longest wording that fits under the table (many small tables on a page: the shortest)
    texto = next((o for o in opciones if lienzo.textlength(o, font=f) + 10 <= x1 - x0), opciones[-1])
    w = lienzo.textlength(texto, font=f) + 10
    top = min(y1 + 3, alto - 19)
    caja = (x0, top, x0 + w, top + 17)
    lienzo.rectangle(caja, fill=COLOR_TABLA)
    lienzo.text((x0 + 5, top + 9), texto, fill="white", font=f, anchor="lm")
    ocupado.append(caja)


def _leyenda(base, pagina, en_pagina, roles: list[str], medidas: list[str], narrativa: bool, ocupado: list) -> None:
    """The legend, in the corner or edge where it hides no table and the least ink of the page."""
    import numpy as np
    from PIL import Image, ImageDraw

    entradas: list[tuple[str, Any, str]] = []  # (kind, colour or row role, text)
    if en_pagina:
        entradas.append(("contorno", COLOR_TABLA, "tabla detectada"))
        for rol in ROLES_FILA:
            if rol in roles:
                entradas.append(("marca", rol, f"fila: {ROLES_FILA[rol]}"))
        for m in COLORES_MEDIDA:
            if m in medidas:
                entradas.append(("cifra", COLORES_MEDIDA[m], f"cifra: {NOMBRES_MEDIDA.get(m, m).lower()}"))
    else:
        entradas.append(("nada", (0, 0, 0), "ninguna tabla detectada en esta página"))
    if narrativa:
        entradas.append(("contorno1", COLOR_NARRATIVA, "cifra de la narrativa"))
    lienzo = ImageDraw.Draw(base)
    f, fuente_titulo = fuente(11), fuente(12, True)
    alto_linea = 16
    ancho = max(lienzo.textlength(e[2], font=f) for e in entradas) + 34
    ancho = max(ancho, lienzo.textlength("Leyenda", font=fuente_titulo) + 12)
    alto = 22 + alto_linea * len(entradas) + 4
    ancho_base, alto_base = base.size
    margen = 6
    xs = (margen, (ancho_base - ancho) / 2, ancho_base - ancho - margen)
    ys = (margen, (alto_base - alto) / 2, alto_base - alto - margen)
    lugares = [(int(max(0, x)), int(max(0, y))) for y in ys for x in xs if not (x == xs[1] and y == ys[1])]
    tinta = np.asarray(pagina.convert("L")) < 200

    def costo(lugar):
        x, y = lugar
        tapa = sum(
            max(0, min(x + ancho, c[2]) - max(x, c[0])) * max(0, min(y + alto, c[3]) - max(y, c[1])) for c in ocupado
        )
        return 20 * tapa + int(tinta[y : int(y + alto), x : int(x + ancho)].sum())

    x, y = min(lugares, key=costo)
    capa = Image.new("RGBA", base.size, (0, 0, 0, 0))
    ImageDraw.Draw(capa).rectangle([x, y, x + ancho, y + alto], fill=(255, 255, 255, 235), outline=(60, 60, 60, 255))
    base.alpha_composite(capa)
    lienzo = ImageDraw.Draw(base)
    lienzo.text((x + 6, y + 4), "Leyenda", fill=(20, 20, 20), font=fuente_titulo)
    for i, (tipo, color, texto) in enumerate(entradas):
        ty = y + 22 + i * alto_linea
        sw = (x + 6, ty + 2, x + 24, ty + 13)
        if tipo == "contorno":
            lienzo.rectangle(sw, outline=color, width=3)
        elif tipo == "contorno1":
            lienzo.rectangle(sw, outline=color, width=1)
        elif tipo == "tinte":
            lienzo.rectangle(sw, fill=tuple(int(255 - (255 - c) * 0.45) for c in color), outline=(160, 160, 160))
        elif tipo == "marca":
            lienzo.rectangle((sw[0] + 3, sw[1], sw[0] + 15, sw[3]), fill=COLORES_ROL[color])
            lienzo.text(
                (sw[0] + 9, (sw[1] + sw[3]) / 2), LETRAS_ROL[color], fill="white", font=fuente(9, True), anchor="mm"
            )
        elif tipo == "cifra":
            lienzo.rectangle(sw, fill=tuple(int(255 - (255 - c) * 0.16) for c in color), outline=color, width=2)
        lienzo.text((x + 30, ty), texto, fill=(20, 20, 20), font=f)


# -------------------------------------------------------------------- HTML

_CSS = """
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d2733; margin: 0; background: #f4f6f9;
       font-size: 14px; line-height: 1.4; }
header { background: #16324f; color: #fff; padding: 16px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 2px 0; color: #d5e0ec; }
nav { padding: 8px 28px; background: #fff; border-bottom: 1px solid #dde3ea; }
nav a { margin-right: 12px; color: #1f5fa8; text-decoration: none; }
main { padding: 8px 28px 40px; }
section.pagina, section.tabla { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: 12px 14px;
       margin-top: 16px; }
h2 { font-size: 18px; margin: 0 0 8px; }
h3 { font-size: 15px; margin: 14px 0 4px; color: #d6336c; }
p.nota { color: #5b6776; margin: 2px 0 8px; }
.lamina { position: relative; display: inline-block; max-width: 100%; border: 1px solid #ccd; }
.lamina img { display: block; max-width: 100%; height: auto; }
.lamina svg { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.lamina svg rect { fill: transparent; stroke: none; }
.lamina svg rect:hover { fill: rgba(255, 230, 0, .35); }
table { border-collapse: collapse; font-size: 12px; margin: 6px 0; }
table.columnas th, table.columnas td, table.cifras th, table.cifras td, table.filas th, table.filas td {
       border-bottom: 1px solid #e6eaef; padding: 2px 6px; text-align: left; vertical-align: top; }
table.columnas th, table.cifras th, table.filas th { background: #f0f3f7; }
td.num { text-align: right; white-space: nowrap; }
.muestra { display: inline-block; width: 14px; height: 12px; vertical-align: middle; border: 2px solid; margin-right: 4px; }
.marca { display: inline-block; min-width: 16px; padding: 0 3px; color: #fff; font-weight: bold; font-size: 11px;
         text-align: center; border-radius: 2px; margin-right: 4px; }
ul.leyenda { list-style: none; padding: 0; margin: 6px 0; columns: 3; font-size: 13px; }
ul.leyenda li { margin: 2px 0; }
.rejilla-caja { overflow: auto; max-height: 80vh; border: 1px solid #ccd; }
table.rejilla { font-size: 11px; }
table.rejilla td, table.rejilla th { border: 1px solid #d0d5dc; padding: 2px 4px; vertical-align: top; max-width: 260px;
       white-space: pre-wrap; }
table.rejilla thead th { background: #eef1f5; position: sticky; top: 0; font-weight: normal; }
table.rejilla th.col { font-size: 10px; }
table.rejilla th.col b { display: block; font-size: 11px; }
table.rejilla th.n { background: #eef1f5; color: #5b6776; font-weight: normal; white-space: nowrap; text-align: right; }
td.cifra { border-width: 2px !important; font-weight: bold; }
details { margin: 4px 0; }
summary { cursor: pointer; color: #1f5fa8; }
footer { color: #5b6776; font-size: 12px; padding: 0 28px 24px; }
"""


def _css() -> str:
    reglas = [_CSS]
    for rol, color in COLORES_ROL.items():
        a = TINTES_ROL.get(rol, 0) / 255 * 0.9
        reglas.append(f".r-{rol} {{ background: rgba({color[0]},{color[1]},{color[2]},{a:.2f}); }}")
        reglas.append(f".m-{rol} {{ background: {_hex(color)}; }}")
    for medida, color in COLORES_MEDIDA.items():
        reglas.append(
            f"td.c-{medida} {{ background: rgba({color[0]},{color[1]},{color[2]},0.18); "
            f"border-color: {_hex(color)} !important; }}"
        )
    return "\n".join(reglas)


def _leyenda_html(formato_pdf: bool) -> str:
    items = []
    if formato_pdf:
        items.append(
            f'<li><span class="muestra" style="border-color:{_hex(COLOR_TABLA)}"></span>tabla detectada (contorno)</li>'
        )
    for rol, nombre in ROLES_FILA.items():
        items.append(f'<li><span class="marca m-{rol}">{LETRAS_ROL[rol]}</span>fila: {escape(nombre)}</li>')
    for medida, color in COLORES_MEDIDA.items():
        items.append(
            f'<li><span class="muestra" style="border-color:{_hex(color)};background:rgba({color[0]},'
            f'{color[1]},{color[2]},.18)"></span>cifra: {escape(NOMBRES_MEDIDA.get(medida, medida).lower())}'
            "</li>"
        )
    if formato_pdf:
        items.append(
            f'<li><span class="muestra" style="border:1px solid {_hex(COLOR_NARRATIVA)}"></span>'
            "cifra de la narrativa</li>"
        )
    texto = (
        "Sobre cada página: el contorno de cada tabla, sus filas de encabezado sombreadas, encima de cada "
        "columna su rol o su medida con periodo y escala, a la izquierda de cada fila una marca con su rol, "
        "y cada cifra emitida enmarcada con el color de su medida. Pase el puntero sobre una cifra o una marca "
        "para ver el detalle."
        if formato_pdf
        else "Cada tabla como una rejilla: arriba de cada columna su rol o su medida con periodo y escala, a la "
        "izquierda de cada fila una marca con su rol, y cada celda que dio cifras con el color de su medida. "
        "Pase el puntero sobre una celda para ver sus cifras."
    )
    return (
        f'<section class="tabla"><h2>Leyenda</h2><p class="nota">{escape(texto)}</p>'
        f'<ul class="leyenda">{"".join(items)}</ul></section>'
    )


def pagina_html(
    doc,
    lectura: Lectura,
    elegidas: list[int],
    tablas: list[TablaLeida],
    laminas: Optional[list[Lamina]],
    filas: Optional[Filas],
    que: str,
) -> str:
    meta = lectura.metadatos
    datos = [escape(doc.archivo), doc.formato.upper(), f"{doc.paginas} {'hoja(s)' if que == 'hoja' else 'página(s)'}"]
    for etiqueta, valor in (("entidad", meta.entidad), ("tipo", meta.tipo_documento), ("vigencia", meta.vigencia)):
        if valor:
            datos.append(f"{etiqueta}: {escape(str(valor))}")
    total_cifras = sum(len(t.observaciones) for t in lectura.tablas)
    narrativa = (
        f" (y {len(lectura.narrativa)} tomadas de la narrativa: dinero y resultados con meta)"
        if lectura.narrativa
        else ""
    )
    resumen = (
        f"{len(lectura.tablas)} tabla(s) detectada(s) y {total_cifras} cifra(s) emitida(s) por ellas en todo "
        f"el documento{narrativa}; se muestran {len(tablas)} tabla(s) de {que}s {escape(_lista(elegidas))}."
    )
    partes = [
        "<!DOCTYPE html>",
        '<html lang="es"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Lo que leyó el lector: {escape(doc.archivo)}</title><style>{_css()}</style></head><body>",
        f"<header><h1>Lo que leyó el lector: {escape(doc.archivo)}</h1><p>{' · '.join(datos)}</p>"
        f"<p>{resumen}</p></header>",
    ]
    if laminas is not None:
        enlaces = " ".join(f'<a href="#pagina-{l.pagina}">pág. {l.pagina}</a>' for l in laminas)
    else:
        enlaces = " ".join(f'<a href="#tabla-{t.tabla.indice}">tabla {t.tabla.indice}</a>' for t in tablas)
    partes.append(f"<nav>{enlaces}</nav><main>")
    partes.append(_leyenda_html(laminas is not None))
    if laminas is not None:
        incrustar = len(laminas) <= MAX_PAGINAS_INCRUSTADAS
        for lamina in laminas:
            partes.append(
                _seccion_pagina(lamina, [t for t in tablas if lamina.pagina in t.paginas], incrustar, filas, lectura)
            )
    else:
        if not tablas:
            partes.append(
                f'<section class="tabla"><p class="nota">No se detectaron tablas en '
                f"{'las hojas' if que == 'hoja' else 'las páginas'} elegidas.</p></section>"
            )
        for t in tablas:
            partes.append(f'<section class="tabla" id="tabla-{t.tabla.indice}">')
            partes.append(_detalle_tabla(t, que, filas))
            partes.append(rejilla_html(t, filas))
            partes.append("</section>")
    partes.append(
        "</main><footer>Generado por <code>informes ver</code>: lo que el lector detectó, sin cambiar "
        "nada de la extracción.</footer></body></html>"
    )
    return "\n".join(partes)


def _lista(numeros: list[int]) -> str:
    tramos, inicio = [], None
    for i, n in enumerate(numeros):
        if inicio is None:
            inicio = n
        if i + 1 == len(numeros) or numeros[i + 1] != n + 1:
            tramos.append(str(inicio) if inicio == n else f"{inicio}–{n}")
            inicio = None
    return ", ".join(tramos)


def _seccion_pagina(lamina: Lamina, tablas: list[TablaLeida], incrustar: bool, filas, lectura: Lectura) -> str:
    if incrustar:
        origen = "data:image/png;base64," + base64.b64encode(lamina.png).decode("ascii")
    else:
        origen = escape(lamina.archivo.name)
    nota = []
    if lamina.escaneada:
        nota.append(
            "página escaneada, leída con OCR"
            + (f" (enderezada {numero_co(round(lamina.angulo, 2))}°)" if lamina.angulo else "")
        )
    nota.append(f"{len(tablas)} tabla(s)" if tablas else "ninguna tabla detectada")
    zonas = "".join(
        f'<rect class="{clase}" x="{b[0]}" y="{b[1]}" width="{max(b[2] - b[0], 1)}" height="{max(b[3] - b[1], 1)}">'
        f"<title>{escape(titulo)}</title></rect>"
        for b, clase, titulo in lamina.zonas
    )
    partes = [
        f'<section class="pagina" id="pagina-{lamina.pagina}"><h2>Página {lamina.pagina}</h2>',
        f'<p class="nota">{escape("; ".join(nota))} · imagen: {escape(lamina.archivo.name)}</p>',
        f'<div class="lamina"><img src="{origen}" width="{lamina.ancho}" height="{lamina.alto}" '
        f'alt="Página {lamina.pagina} con lo que leyó el lector">'
        f'<svg viewBox="0 0 {lamina.ancho} {lamina.alto}" xmlns="http://www.w3.org/2000/svg">{zonas}</svg></div>',
    ]
    for t in tablas:
        partes.append(_detalle_tabla(t, "página", filas))
        partes.append("<details><summary>Rejilla leída (el texto de cada celda)</summary>")
        partes.append(rejilla_html(t, filas))
        partes.append("</details>")
    omisiones = [o for o in lectura.narrativa if o.pagina == lamina.pagina]
    if omisiones:
        partes.append(
            f'<p class="nota">{len(omisiones)} cifra(s) tomadas de la narrativa de esta página (dinero y resultados con meta).</p>'
        )
    partes.append("</section>")
    return "\n".join(partes)


def _detalle_tabla(t: TablaLeida, que: str, filas: Optional[Filas] = None) -> str:
    lectura = t.lectura
    paginas = t.paginas
    donde = f"{que} {paginas[0]}" if len(paginas) == 1 else f"{que}s {paginas[0]}–{paginas[-1]}"
    hojas = sorted({c.ref.rpartition("!")[0] for c in t.tabla.celdas if c.ref and "!" in c.ref})
    if hojas:
        donde += ": " + ", ".join(f"«{h}»" for h in hojas)
    conteo: dict[str, int] = {}
    for rol in t.roles.values():
        conteo[rol] = conteo.get(rol, 0) + 1
    filas_txt = ", ".join(
        f'<span class="marca m-{rol}">{LETRAS_ROL[rol]}</span>{n} {escape(ROLES_FILA[rol])}'
        for rol in ROLES_FILA
        if (n := conteo.get(rol))
    )
    partes = [
        f'<h3 id="tabla-{t.tabla.indice}-detalle">Tabla {t.tabla.indice} ({escape(donde)}): '
        f"{t.tabla.n_filas} filas × {t.tabla.n_columnas} columnas, {lectura.n_encabezado} fila(s) de "
        f"encabezado, {len(t.observaciones)} cifra(s)</h3>",
        f'<p class="nota">Filas: {filas_txt}</p>',
    ]
    filas_col = []
    for c in lectura.columnas:
        color = color_columna(c, lectura.etiqueta)
        periodo = _periodo_col(c)
        filas_col.append(
            f'<tr><td class="num">{c.indice + 1}</td><td>{escape(c.encabezado or "—")}</td>'
            f'<td><span class="muestra" style="border-color:{_hex(color)}"></span>'
            f"{escape(rol_columna(c, lectura.etiqueta))}</td>"
            f"<td>{escape(NOMBRES_MEDIDA.get(c.medida, c.medida) if c.medida else '')}</td>"
            f"<td>{escape(periodo)}</td><td>{escape(c.escala if c.rol == 'valor' and c.escala else '')}</td>"
            f"<td>{escape(c.fuente or '')}</td></tr>"
        )
    if filas_col:
        partes.append(
            '<table class="columnas"><thead><tr><th>Col.</th><th>Encabezado</th><th>Rol</th>'
            "<th>Medida</th><th>Periodo</th><th>Escala</th><th>Fuente</th></tr></thead><tbody>"
            + "".join(filas_col)
            + "</tbody></table>"
        )
    mostradas = set(filas_visibles(t, filas))
    lista = [o for o in t.observaciones if o.fila in mostradas]
    resto = ""
    if len(lista) > MAX_CIFRAS_LISTA:
        resto = (
            f'<p class="nota">Se listan las primeras {MAX_CIFRAS_LISTA} de {len(lista)} cifras; '
            "elija filas con --filas.</p>"
        )
        lista = lista[:MAX_CIFRAS_LISTA]
    if lista:
        hoja = any(o.celda for o in lista)
        filas_obs = "".join(
            f'<tr><td class="num">{_fila(o) + 1}</td><td>{escape(o.indicador)}</td>'
            f"<td>{escape(o.indicador_padre or '')}</td><td>{escape(NOMBRES_MEDIDA.get(o.medida, o.medida))}</td>"
            f"<td>{escape(periodo_corto(o.periodo_inicio, o.periodo_fin))}</td>"
            f'<td class="num">{escape(_valor(o))}</td><td>{escape(o.unidad or "")}</td>'
            f"<td>{escape(o.valor_texto or '')}</td>" + (f"<td>{escape(o.celda or '')}</td>" if hoja else "") + "</tr>"
            for o in lista
        )
        partes.append(
            f"<details><summary>Cifras emitidas ({len(t.observaciones)})</summary>{resto}"
            '<table class="cifras"><thead><tr><th>Fila</th><th>Indicador</th><th>Padre</th><th>Medida</th>'
            "<th>Periodo</th><th>Valor</th><th>Unidad</th><th>Texto leído</th>"
            + ("<th>Celda</th>" if hoja else "")
            + f"</tr></thead><tbody>{filas_obs}</tbody></table></details>"
        )
    sin = [f for f in t.no_mapeadas if f.fila in mostradas and t.roles.get(_fila(f)) not in ("encabezado", "vacia")]
    sin = sin[:MAX_CIFRAS_LISTA]
    if sin:
        filas_sin = "".join(
            f'<tr><td class="num">{_fila(f) + 1}</td><td><span class="marca m-{t.roles.get(_fila(f), "no_mapeada")}">'
            f"{LETRAS_ROL[t.roles.get(_fila(f), 'no_mapeada')]}</span></td><td>{escape(f.motivo)}</td>"
            f"<td>{escape(f.texto[:300])}</td></tr>"
            for f in sin
        )
        partes.append(
            f"<details><summary>Filas sin cifras ({len(sin)})</summary>"
            '<table class="filas"><thead><tr><th>Fila</th><th>Rol</th><th>Motivo</th><th>Texto</th></tr>'
            f"</thead><tbody>{filas_sin}</tbody></table></details>"
        )
    return "\n".join(partes)


_REF = re.compile(r"^(?:.*!)?\$?([A-Z]{1,3})\$?(\d+)$")


def _ref(celda) -> Optional[tuple[str, int]]:
    if not celda.ref:
        return None
    m = _REF.match(celda.ref)
    return (m.group(1), int(m.group(2))) if m else None


def numeros_de_fila(t: TablaLeida) -> tuple[dict[int, int], dict[int, str]]:
    """The number shown for each grid row (the Excel row in a spreadsheet, else 1-based) and,
    in a spreadsheet, each column's letter."""
    numeros: dict[int, int] = {}
    letras: dict[int, str] = {}
    for c in t.tabla.celdas:
        ref = _ref(c)
        if ref:
            numeros.setdefault(c.fila, ref[1])
            if c.columnas_span == 1:
                letras.setdefault(c.columna, ref[0])
    for r in range(t.tabla.n_filas):
        numeros.setdefault(r, r + 1 if not letras else numeros.get(r - 1, r) + 1)
    return numeros, letras


def filas_visibles(t: TablaLeida, filas: Optional[Filas]) -> list[int]:
    """Grid rows whose shown number is among `filas` (--filas), or all."""
    numeros, _ = numeros_de_fila(t)
    return [r for r in range(t.tabla.n_filas) if filas is None or numeros[r] in filas]


def rejilla_html(t: TablaLeida, filas: Optional[Filas] = None) -> str:
    """The table as an HTML grid: roles as classes, figures coloured by measure with a tooltip."""
    rejilla = t.tabla.rejilla()
    if not rejilla:
        return '<p class="nota">Tabla vacía.</p>'
    n_cols = len(rejilla[0])
    cols = {c.indice: c for c in t.lectura.columnas}
    numeros, letras = numeros_de_fila(t)
    hoja = bool(letras)
    visibles = filas_visibles(t, filas)
    nota = ""
    if filas is None and len(visibles) > MAX_FILAS_REJILLA:
        nota = (
            f'<p class="nota">Se muestran las primeras {MAX_FILAS_REJILLA} de {len(visibles)} filas; '
            "elija otras con --filas (p. ej. --filas 2-40).</p>"
        )
        visibles = visibles[:MAX_FILAS_REJILLA]
    if not visibles:
        return '<p class="nota">Ninguna fila de esta tabla está en las filas elegidas con --filas.</p>'
    cifras: dict[int, list] = {}
    for o in t.observaciones:
        if o.fila is not None and o.columna is not None and o.fila < len(rejilla) and o.columna < n_cols:
            celda = rejilla[o.fila][o.columna]
            if celda is not None:
                cifras.setdefault(id(celda), []).append(o)
    cabeza = ['<th class="n">' + ("fila" if not hoja else "fila Excel") + "</th>"]
    for k in range(n_cols):
        c = cols.get(k)
        letra = letras.get(k, "")
        titulo = f"Columna {k + 1}" + (f" ({letra})" if letra else "")
        if c is None:
            cabeza.append(f'<th class="col" title="{escape(titulo)}">{escape(letra or str(k + 1))}</th>')
            continue
        lineas = lineas_columna(c, t.lectura.etiqueta)
        color = color_columna(c, t.lectura.etiqueta)
        titulo += f": {rol_columna(c, t.lectura.etiqueta)}"
        if c.medida:
            titulo += f", {NOMBRES_MEDIDA.get(c.medida, c.medida)}"
        if c.encabezado:
            titulo += f"\nEncabezado: {c.encabezado}"
        cabeza.append(
            f'<th class="col rol-{escape(c.rol)}" style="border-top:3px solid {_hex(color)}" title="{escape(titulo)}">'
            f'{escape(letra or str(k + 1))}<b style="color:{_hex(color)}">{escape(lineas[0])}</b>'
            + "".join(f"{escape(l)}<br>" for l in lineas[1:])
            + "</th>"
        )
    cuerpo = []
    cubre: dict[int, int] = {}  # cell → last rejilla row its drawn fragment covers
    mostradas = set(visibles)
    for r in visibles:
        rol = t.roles.get(r, "vacia")
        motivo = t.motivos.get(r, "")
        titulo = f"Fila {r + 1}: {ROLES_FILA[rol]}" + (f" — {motivo}" if motivo else "")
        celdas = [
            f'<th class="n" title="{escape(titulo)}"><span class="marca m-{rol}">{LETRAS_ROL[rol]}</span>'
            f"{numeros[r]}</th>"
        ]
        for k in range(n_cols):
            celda = rejilla[r][k]
            if celda is None:
                celdas.append("<td></td>")
                continue
            if cubre.get(id(celda), -1) >= r:
                continue
            # a span is cut where the shown rows stop being consecutive
            alto = 1
            while r + alto < celda.fila + celda.filas_span and r + alto in mostradas:
                alto += 1
            cubre[id(celda)] = r + alto - 1
            atributos = ""
            if alto > 1:
                atributos += f' rowspan="{alto}"'
            ancho = sum(1 for kk in range(k, n_cols) if rejilla[r][kk] is celda)
            if ancho > 1:
                atributos += f' colspan="{ancho}"'
            clases = []
            titulo_c = celda.ref or ""
            obs = cifras.get(id(celda))
            if obs:
                clases += ["cifra", f"c-{obs[0].medida}"]
                titulo_c = (titulo_c + "\n" if titulo_c else "") + "\n".join(texto_cifra(o) for o in obs)
            if clases:
                atributos += f' class="{" ".join(clases)}"'
            if titulo_c:
                atributos += f' title="{escape(titulo_c)}"'
            celdas.append(f"<td{atributos}>{escape(celda.texto)}</td>")
        cuerpo.append(f'<tr class="r-{rol}">' + "".join(celdas) + "</tr>")
    return (
        nota
        + '<div class="rejilla-caja"><table class="rejilla"><thead><tr>'
        + "".join(cabeza)
        + "</tr></thead><tbody>"
        + "\n".join(cuerpo)
        + "</tbody></table></div>"
    )
