"""PowerPoint (.pptx) reader: python-pptx into the shared document model.

Each slide is a page (its number as PowerPoint shows it). Hidden slides are
not read (an omission says so, unless hidden content was asked for) and
notes pages are the speaker's, not the report's. A slide's shapes are read
in reading order: rows of shapes top to bottom, each row left to right; a
group is placed as a whole and read inside in the same order, its children's
positions taken to the slide's coordinates. Boxes are in points (EMU / 12700)
from the slide's top-left corner, as PDF boxes are.

- each paragraph of a text frame (text box, placeholder, a shape with
  text: a KPI card) is a `BloqueTexto`, as a Word paragraph is one; a title
  placeholder is one block with the style "Title"; bold runs are marked as
  the DOCX reader marks them; footers are running text
  (`Documento.encabezados_pagina`), slide numbers and dates are left out;
- a native table is a `Tabla`, each merged cell once at its origin, the
  first row a marked header when the table says so;
- a native chart is the table of its data (pptx_graficas.py), its title a
  block right above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Optional

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from extractor.errores import ErrorLectura
from extractor.formatos.pptx_graficas import bloques_de_grafica
from extractor.formatos.seguridad import LIMITES, LimitesLectura
from extractor.modelo import BBox, Bloque, BloqueTexto, Celda, Documento, Omision, Tabla

EMU_POR_PUNTO = 12700
_TITULOS = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
_NO_CONTENIDO = (PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)  # filled in by PowerPoint, not the report
_PIES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.HEADER)  # running text, repeated on every slide


@dataclass(frozen=True)
class _Marco:
    """Child coordinates of a group to the slide's: x_slide = x0 + (x - cx0) * ex."""

    x0: float = 0.0
    y0: float = 0.0
    cx0: float = 0.0
    cy0: float = 0.0
    ex: float = 1.0
    ey: float = 1.0

    def caja(self, forma) -> Optional[BBox]:
        """The shape's box in points on the slide; None when it has no position."""
        if forma.left is None or forma.top is None:
            return None
        ancho, alto = forma.width or 0, forma.height or 0
        x = self.x0 + (forma.left - self.cx0) * self.ex
        y = self.y0 + (forma.top - self.cy0) * self.ey
        return (
            x / EMU_POR_PUNTO,
            y / EMU_POR_PUNTO,
            (x + ancho * self.ex) / EMU_POR_PUNTO,
            (y + alto * self.ey) / EMU_POR_PUNTO,
        )

    def dentro(self, grupo) -> "_Marco":
        """The frame of a group's children (its `a:chOff`/`a:chExt` against `a:off`/`a:ext`)."""
        xfrm = grupo.element.find("./{*}grpSpPr/{*}xfrm")
        if xfrm is None:
            return self
        medidas = {hijo.tag.rsplit("}", 1)[-1]: hijo for hijo in xfrm}
        if not {"off", "ext", "chOff", "chExt"} <= medidas.keys():
            return self

        def num(nombre: str, atributo: str) -> float:
            return float(medidas[nombre].get(atributo, 0))

        ex = num("ext", "cx") / num("chExt", "cx") if num("chExt", "cx") else 1.0
        ey = num("ext", "cy") / num("chExt", "cy") if num("chExt", "cy") else 1.0
        return _Marco(
            x0=self.x0 + (num("off", "x") - self.cx0) * self.ex,
            y0=self.y0 + (num("off", "y") - self.cy0) * self.ey,
            cx0=num("chOff", "x"),
            cy0=num("chOff", "y"),
            ex=self.ex * ex,
            ey=self.ey * ey,
        )


MAX_FORMAS_CONTENCION = 400  # shapes of one slide (or group) checked for containment, pair by pair
HOLGURA = 1.0  # points a shape may stick out of the one that holds it


def _en_orden(formas, marco: _Marco) -> Iterator[tuple[Any, Optional[BBox]]]:
    """(shape, box) in reading order; groups opened in place."""
    cajas = [(f, marco.caja(f)) for f in formas]
    con_caja = [(f, c) for f, c in cajas if c is not None]
    for forma, caja in _ordenar(con_caja) + [(f, c) for f, c in cajas if c is None]:
        if getattr(forma, "shape_type", None) == MSO_SHAPE_TYPE.GROUP:
            yield from _en_orden(forma.shapes, marco.dentro(forma))
        else:
            yield forma, caja


def _ordenar(formas: list[tuple[Any, BBox]]) -> list[tuple[Any, BBox]]:
    """Rows top to bottom (a shape whose top is above the middle of the row's
    first shape joins that row), each row left to right; a shape lying on
    another (a card's text boxes on its rectangle) comes right after it, its
    own shapes in the same order."""
    hijos: dict[int, list[tuple[Any, BBox]]] = {}
    raices = []
    contenedores = _contenedores(formas) if len(formas) <= MAX_FORMAS_CONTENCION else {}
    for i, fc in enumerate(formas):
        if i in contenedores:
            hijos.setdefault(contenedores[i], []).append(fc)
        else:
            raices.append(fc)
    indice = {id(f): i for i, (f, _) in enumerate(formas)}

    def en_filas(grupo: list[tuple[Any, BBox]]) -> list[tuple[Any, BBox]]:
        filas: list[list[tuple[Any, BBox]]] = []
        for forma, caja in sorted(grupo, key=lambda fc: (fc[1][1], fc[1][0])):
            if filas and caja[1] < (filas[-1][0][1][1] + filas[-1][0][1][3]) / 2:
                filas[-1].append((forma, caja))
            else:
                filas.append([(forma, caja)])
        salida = []
        for fila in filas:
            for fc in sorted(fila, key=lambda fc: fc[1][0]):
                salida.append(fc)
                salida.extend(en_filas(hijos.get(indice[id(fc[0])], [])))
        return salida

    return en_filas(raices)


def _contenedores(formas: list[tuple[Any, BBox]]) -> dict[int, int]:
    """For each shape lying inside a larger one, the smallest such one."""

    def dentro(a: BBox, b: BBox) -> bool:
        return a[0] >= b[0] - HOLGURA and a[1] >= b[1] - HOLGURA and a[2] <= b[2] + HOLGURA and a[3] <= b[3] + HOLGURA

    def area(c: BBox) -> float:
        return (c[2] - c[0]) * (c[3] - c[1])

    salida: dict[int, int] = {}
    for i, (_, caja) in enumerate(formas):
        candidatos = [
            j for j, (_, otra) in enumerate(formas) if j != i and area(otra) > area(caja) and dentro(caja, otra)
        ]
        if candidatos:
            salida[i] = min(candidatos, key=lambda j: area(formas[j][1]))
    return salida


# ------------------------------------------------------------------ text


def _texto_de_parrafo(parrafo) -> str:
    return parrafo.text.replace("\v", "\n")


def _en_negrita(parrafos) -> bool:
    tramos = [r for p in parrafos for r in p.runs if r.text.strip()]
    return bool(tramos) and all(r.font.bold for r in tramos)


def _rotulo_en_negrita(parrafo) -> str:
    """The text of the bold runs a paragraph opens with, when more text that
    is not bold follows them; "" otherwise (as the DOCX reader's)."""
    tramos = [r for r in parrafo.runs if r.text]
    rotulo: list[str] = []
    for i, tramo in enumerate(tramos):
        if not tramo.font.bold:
            resto = "".join(r.text for r in tramos[i:])
            return "".join(rotulo).lstrip() if "".join(rotulo).strip() and resto.strip() else ""
        rotulo.append(tramo.text)
    return ""


def _es_titulo(forma) -> bool:
    return bool(forma.is_placeholder) and forma.placeholder_format.type in _TITULOS


ALTO_LINEA = 1.2  # a line's height, in font sizes
TAMANO_POR_DEFECTO = 18.0  # points: PowerPoint's body text when no run says


def _tamano(parrafo) -> float:
    tamanos = [r.font.size.pt for r in parrafo.runs if r.font.size is not None]
    return max(tamanos, default=TAMANO_POR_DEFECTO)


def _bloques_de_texto(forma, pagina: int, caja: Optional[BBox]) -> list[BloqueTexto]:
    """One block per paragraph, as a Word paragraph is one: a card's heading,
    its big figure and each "Meta: N" line are blocks of their own, as are a
    body's bullets (their bullet is formatting, not text). Boxes split the
    frame's from its top by each paragraph's lines and font size."""
    titulo = _es_titulo(forma)
    if titulo:  # a title is one heading, whatever its line breaks
        parrafos = [p for p in forma.text_frame.paragraphs if _texto_de_parrafo(p).strip()]
        texto = "\n".join(" ".join(_texto_de_parrafo(p).split()) for p in parrafos)
        return [BloqueTexto(texto, pagina, caja, "Title", _en_negrita(parrafos))] if texto else []
    salida = []
    y = caja[1] if caja else 0.0
    for parrafo in forma.text_frame.paragraphs:
        texto = _texto_de_parrafo(parrafo).strip()
        alto = _tamano(parrafo) * ALTO_LINEA * (texto.count("\n") + 1)
        if texto:
            bbox = (caja[0], y, caja[2], y + alto) if caja else None
            salida.append(
                BloqueTexto(
                    texto=texto,
                    pagina=pagina,
                    bbox=bbox,
                    negrita=_en_negrita([parrafo]),
                    rotulo=_rotulo_en_negrita(parrafo),
                )
            )
        y += alto
    return salida


# ----------------------------------------------------------------- tables


def _tabla(forma, pagina: int, caja: Optional[BBox]) -> Tabla:
    """A native table: merged cells once, at their origin, with their spans;
    each cell's box from the columns' widths and the rows' heights (a row
    grows with its text, so boxes below a tall row are approximate)."""
    tabla = forma.table
    anchos = [c.width / EMU_POR_PUNTO for c in tabla.columns]
    altos = [f.height / EMU_POR_PUNTO for f in tabla.rows]
    celdas: list[Celda] = []
    for r, fila in enumerate(tabla.rows):
        for k, celda in enumerate(fila.cells):
            if celda.is_spanned:
                continue
            filas, columnas = (celda.span_height, celda.span_width) if celda.is_merge_origin else (1, 1)
            parrafos = [p for p in celda.text_frame.paragraphs if _texto_de_parrafo(p).strip()]
            celdas.append(
                Celda(
                    texto="\n".join(_texto_de_parrafo(p).strip() for p in parrafos).strip(),
                    fila=r,
                    columna=k,
                    pagina=pagina,
                    filas_span=filas,
                    columnas_span=columnas,
                    bbox=None if caja is None else _caja_de_celda(caja, anchos, altos, r, k, filas, columnas),
                    negrita=_en_negrita(parrafos),
                )
            )
    return Tabla(indice=0, celdas=celdas, filas_encabezado_marcadas=1 if tabla.first_row else None)


def _caja_de_celda(
    caja: BBox, anchos: list[float], altos: list[float], r: int, k: int, filas: int, columnas: int
) -> BBox:
    x0, y0 = caja[0] + sum(anchos[:k]), caja[1] + sum(altos[:r])
    return (x0, y0, x0 + sum(anchos[k : k + columnas]), y0 + sum(altos[r : r + filas]))


# ----------------------------------------------------------------- slides


def _oculta(diapositiva) -> bool:
    return diapositiva.element.get("show") in ("0", "false")


def _bloques_de_diapositiva(diapositiva, pagina: int, omisiones: list[Omision], pies: list[str]) -> list[Bloque]:
    bloques: list[Bloque] = []
    for forma, caja in _en_orden(diapositiva.shapes, _Marco()):
        tipo = forma.placeholder_format.type if forma.is_placeholder else None
        if tipo in _NO_CONTENIDO:
            continue
        if tipo in _PIES:
            texto = " ".join(forma.text_frame.text.split()) if forma.has_text_frame else ""
            if texto and texto not in pies:
                pies.append(texto)
            continue
        if getattr(forma, "has_table", False) and forma.has_table:
            bloques.append(_tabla(forma, pagina, caja))
        elif getattr(forma, "has_chart", False) and forma.has_chart:
            bloques.extend(bloques_de_grafica(forma.chart, pagina, caja, omisiones))
        elif getattr(forma, "has_text_frame", False) and forma.has_text_frame:
            bloques.extend(_bloques_de_texto(forma, pagina, caja))
    return bloques


def leer_pptx(ruta: Path, sha256: str, limites: LimitesLectura = LIMITES) -> Documento:
    ruta = Path(ruta)
    presentacion = Presentation(str(ruta))
    diapositivas = list(presentacion.slides)
    if not diapositivas:
        raise ErrorLectura(ruta.name, "la presentación no tiene diapositivas")
    bloques: list[Bloque] = []
    omisiones: list[Omision] = []
    pies: list[str] = []
    for pagina, diapositiva in enumerate(diapositivas, start=1):
        if _oculta(diapositiva):
            omisiones.append(_omision_oculta(diapositiva, pagina, limites.hoja_ocultas))
            if not limites.hoja_ocultas:
                continue
        bloques.extend(_bloques_de_diapositiva(diapositiva, pagina, omisiones, pies))
    # (the tables are numbered once the document is read: extractor.tablas.costura.unir_tablas)
    return Documento(
        archivo=ruta.name,
        sha256=sha256,
        formato="pptx",
        paginas=len(diapositivas),
        bloques=bloques,
        encabezados_pagina=pies,
        omisiones=omisiones,
    )


def _omision_oculta(diapositiva, pagina: int, incluida: bool) -> Omision:
    titulo = diapositiva.shapes.title
    nombre = f"Diapositiva {pagina}"
    if titulo is not None and titulo.has_text_frame and titulo.text_frame.text.strip():
        nombre += f" «{' '.join(titulo.text_frame.text.split())}»"
    motivo = (
        "diapositiva oculta: se leyó porque se pidió incluir lo oculto"
        if incluida
        else "diapositiva oculta de la presentación: no se leyó; vuelva a cargar el archivo con "
        "--incluir-ocultas si contiene indicadores"
    )
    return Omision(texto=nombre, motivo=motivo, pagina=pagina)
