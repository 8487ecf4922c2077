"""HTML files as text and tables: their encoding, the markup parsed safely,
and the page walked in reading order into text lines and tables.

Two kinds of file carry HTML:

* an "Excel" export that is an HTML table saved as .xls (CHIP, SIIF, SECOP,
  SUIT, planning systems, report generators; Excel's own "Página web"):
  read as a sheet (extractor/formatos/hoja.py, format 'html_hoja');
* a report saved as a web page (Word's "Página web", a Google Docs export,
  .html/.htm): read as a document (extractor/formatos/html.py, format 'html').

Both read the same `Pagina` made here:

* encoding: a BOM (UTF-8, UTF-16) first; then strict UTF-8, because pages
  often declare a charset they are not in; then the charset the page
  declares (<meta charset>, http-equiv, XML declaration; ISO-8859-1 and
  ASCII are read as Windows-1252, as browsers do); then Windows-1252. So
  "Chocontá" is never read as "ChocontÃ¡";
* parsing: lxml.html, which mends broken markup; no network, no huge
  trees, comments and processing instructions dropped, the DOCTYPE (and
  any entity declared in it) removed before parsing;
* scripts, styles, forms' lists and the <head> are not text; elements
  hidden with `display:none`, `visibility:hidden` or `hidden` are not read
  (their text is kept in `Pagina.ocultos`, reported by the readers);
* text outside tables: each paragraph, heading (h1–h6), list item or
  block of text is a `LineaHtml` in reading order (a <br> is a line break
  inside it), with its heading style, boldness and page (Word's
  `page-break-before/after`);
* tables: rows in order (thead, tbody, tfoot), each cell placed on the
  grid by the HTML rules (rowspan, colspan; a cell covered by a span above
  is skipped); Excel's `mso-ignore:colspan` is text overflowing into empty
  cells, not a merge; leading rows of <th> (or in <thead>) are header rows;
  Excel's `x:num` is the exact number behind the shown text; a row whose
  cells hold tables (a layout table's) is opened into what its cells hold.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from extractor.errores import ErrorLectura

EXTENSIONES = (".html", ".htm")  # web pages: read as documents
# "Excel" files whose bytes may be HTML: read as a sheet
EXTENSIONES_DE_HOJA = (".xls", ".xlsx", ".xlsm", ".xlsb", ".ods", ".csv", ".tsv")
CABEZA = 4096  # bytes where the charset and Excel's marks are looked for
MAX_COLUMNAS = 1000  # the HTML limit of colspan
MAX_LISTADOS = 12  # hidden texts named one by one

_BOM_UTF8 = b"\xef\xbb\xbf"
_BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")
_ES_HTML = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*"
    r"<(!doctype\s+html|html|head|body|meta|title|table|style|div|font|center|h[1-6]|p)\b",
    re.IGNORECASE | re.DOTALL,
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_DE_EXCEL = re.compile(
    r"urn:schemas-microsoft-com:office:excel|ProgId\s*content\s*=\s*[\"']?Excel\.Sheet"
    r"|Generator\s*content\s*=\s*[\"']?Microsoft\s+Excel",
    re.IGNORECASE,
)
_NOMBRE_HOJA = re.compile(r"<x:Name>\s*([^<]{1,100}?)\s*</x:Name>", re.IGNORECASE)
_DECLARACIONES = re.compile(r"^\s*(<\?xml[^>]*>)?\s*(<!doctype[^\[>]*(\[.*?\]\s*)?>)?", re.IGNORECASE | re.DOTALL)
_ESPACIOS = re.compile(r"\s+")
_OCULTO = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_NEGRITA = re.compile(r"font-weight\s*:\s*(bold|bolder|[6-9]00)", re.IGNORECASE)
_SALTO_ANTES = re.compile(r"page-break-before\s*:\s*always|break-before\s*:\s*page", re.IGNORECASE)
_SALTO_DESPUES = re.compile(r"page-break-after\s*:\s*always|break-after\s*:\s*page", re.IGNORECASE)
_SIN_COMBINAR = re.compile(r"mso-ignore\s*:\s*colspan", re.IGNORECASE)
_VINETA_DE_WORD = re.compile(r"mso-list\s*:\s*ignore", re.IGNORECASE)  # a list's bullet or number, as Word draws it
# a shown number: digits with separators, a sign or parentheses, a currency symbol, a %
_CIFRA_MOSTRADA = re.compile(r"^[\s$€(+\-]*\d[\d.,\s]*%?[\s)]*$")
_FECHA_CON_PUNTOS = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2,4}\s*$")  # "31.12.2024": a date, though all digits

NO_ES_TEXTO = {"script", "style", "head", "noscript", "template", "select", "textarea", "button", "svg", "math"}
NO_ES_TEXTO |= {"object", "iframe", "map", "input", "img", "colgroup", "col"}
BLOQUES = {"p", "div", "li", "ul", "ol", "dl", "dt", "dd", "pre", "blockquote", "address", "section", "article"}
BLOQUES |= {"header", "footer", "main", "nav", "aside", "center", "form", "fieldset", "figure", "figcaption", "hr"}
BLOQUES |= {"body", "html", "caption", "legend", "details", "summary", "h1", "h2", "h3", "h4", "h5", "h6", "tr"}
ESTILOS = {**{f"h{n}": f"Heading {n}" for n in range(1, 7)}, "li": "List Paragraph", "caption": "Caption"}
# <p class=MsoTitle>; a list's paragraphs are MsoListParagraphCxSpFirst, …Middle, …Last
ESTILOS_DE_WORD = {"msotitle": "Title", "msosubtitle": "Subtitle", "msocaption": "Caption"}
ESTILOS_DE_WORD |= {f"msolistparagraph{x}": "List Paragraph" for x in ("", "cxspfirst", "cxspmiddle", "cxsplast")}


@dataclass(slots=True)
class LineaHtml:
    """Text outside tables: a paragraph, a heading, a list item (its lines
    joined by "\\n" where the page has <br>)."""

    texto: str
    estilo: str = ""
    negrita: bool = False
    rotulo: str = ""  # its bold lead-in when more text follows ("Entidad: " in "<b>Entidad:</b> Tenjo")
    pagina: int = 1


@dataclass(slots=True)
class CeldaHtml:
    texto: str
    fila: int  # 0-based, on the table's grid
    columna: int
    filas: int = 1  # rows it covers (rowspan)
    columnas: int = 1  # columns it covers (colspan; 1 for Excel's overflowing text)
    negrita: bool = False
    numero: Optional[float] = None  # Excel's x:num: the exact number behind the shown text
    porcentaje: bool = False  # ...shown as a percentage (x:num holds the fraction)
    oculta: bool = False  # display:none: a hidden column in Excel's export


@dataclass
class TablaHtml:
    celdas: list[CeldaHtml]
    filas: int  # rows of the grid (<tr>s, hidden ones included when kept)
    filas_encabezado: int = 0  # leading rows of <th> or in <thead>
    filas_ocultas: set[int] = field(default_factory=set)
    columnas_ocultas: set[int] = field(default_factory=set)  # <col style="display:none">
    pagina: int = 1


Pieza = Union[LineaHtml, TablaHtml]


@dataclass(frozen=True)
class Topes:
    """Bounds of one table (LimitesLectura's hoja_celdas and hoja_area)."""

    celdas: int = 500_000  # cells with text
    area: int = 5_000_000  # rows × columns of its grid


@dataclass
class Pagina:
    """A web page read: its text lines and tables in reading order."""

    piezas: list[Pieza]
    paginas: int = 1  # printed pages, by Word's page breaks
    nombre_hoja: Optional[str] = None  # Excel's <x:Name> of the exported sheet
    ocultos: list[str] = field(default_factory=list)  # texts of hidden elements, not read


# ------------------------------------------------------------------ bytes


def es_html(cabeza: bytes) -> bool:
    """The first bytes of a file are HTML markup (after a BOM, blanks, an
    XML declaration or comments): a page, or a bare <table> as many
    report generators write."""
    if cabeza.startswith(_BOM_UTF16):
        texto = cabeza[: len(cabeza) // 2 * 2].decode("utf-16", errors="ignore")
    else:
        texto = cabeza.removeprefix(_BOM_UTF8).decode("latin-1")
    return _ES_HTML.match(texto) is not None


def es_de_excel(cabeza: bytes) -> bool:
    """Excel made the page ("Guardar como página web", or an export that
    imitates it): its namespace or its ProgId in the first bytes."""
    texto = cabeza.decode("utf-16", errors="ignore") if cabeza.startswith(_BOM_UTF16) else cabeza.decode("latin-1")
    return _DE_EXCEL.search(texto) is not None


def _declarada(cabeza: bytes) -> Optional[str]:
    """The Python codec of the charset the page declares; None when it
    declares none or one Python does not know."""
    m = _CHARSET.search(cabeza)
    if not m:
        return None
    try:
        nombre = codecs.lookup((m.group(1) or m.group(2)).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "cp1252" if nombre in ("latin-1", "iso8859-1", "ascii") else nombre


def decodificar(datos: bytes, nombre: str) -> str:
    """The page's text (see the module docstring); ErrorLectura when no
    encoding reads it."""
    if datos.startswith(_BOM_UTF16):
        try:
            return datos.decode("utf-16")
        except UnicodeDecodeError:
            raise ErrorLectura(nombre, "la página web dice ser UTF-16 pero su texto está dañado") from None
    candidatas = ["utf-8-sig", _declarada(datos[:CABEZA]), "cp1252"]
    for codificacion in dict.fromkeys(c for c in candidatas if c and not c.startswith("utf-16")):
        try:
            return datos.decode(codificacion)
        except UnicodeDecodeError:
            continue
    raise ErrorLectura(
        nombre, "la página web no es texto en UTF-8 ni en Windows-1252 (ANSI); guárdela de nuevo como UTF-8"
    )


def analizar(texto: str, nombre: str):
    """The page's root element, parsed by lxml.html: broken markup mended,
    no network access, no huge trees, comments dropped, the DOCTYPE and
    any entities it declares removed first."""
    import lxml.etree
    import lxml.html

    texto = _DECLARACIONES.sub("", texto, count=1)
    analizador = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, default_doctype=False
    )
    try:
        return lxml.html.document_fromstring(texto, parser=analizador)
    except lxml.etree.ParserError:  # "Document is empty": only blanks, comments or a declaration
        raise ErrorLectura(nombre, SIN_CONTENIDO) from None


SIN_CONTENIDO = "la página web no tiene texto ni tablas (solo marcas HTML, imágenes o scripts)"


def leer_pagina(ruta: Path, con_ocultas: bool = False, topes: Topes = Topes()) -> Pagina:
    """A web page file into text lines and tables. `con_ocultas`: hidden
    table rows and cells are kept, flagged (a sheet reports them as Excel
    does its hidden rows and columns); otherwise they are left out as a
    browser leaves them."""
    from extractor.formatos.csv_texto import es_binario

    datos = ruta.read_bytes()
    if es_binario(datos[: 64 * 1024]):
        raise ErrorLectura(ruta.name, "la página web tiene bytes que no son texto: es un archivo binario o está dañada")
    texto = decodificar(datos, ruta.name)
    nombres = _NOMBRE_HOJA.findall(texto[:65536])
    if not texto.strip():
        raise ErrorLectura(ruta.name, SIN_CONTENIDO)
    lector = _Lector(ruta.name, con_ocultas, topes)
    lector.leer(analizar(texto, ruta.name))
    if not lector.piezas:
        raise ErrorLectura(ruta.name, SIN_CONTENIDO)
    nombre_hoja = nombres[0] if len(set(nombres)) == 1 else None
    return Pagina(lector.piezas, lector.pagina, nombre_hoja, lector.ocultos)


def resumen_de_ocultos(ocultos: list[str]) -> str:
    """ "«Meta 2023», «Columna auxiliar» y 3 más" for an omission's text."""
    citas = [f"«{t[:80]}»" for t in ocultos[:MAX_LISTADOS]]
    return ", ".join(citas) + (f" y {len(ocultos) - MAX_LISTADOS} más" if len(ocultos) > MAX_LISTADOS else "")


# ------------------------------------------------------------------ walking


def _etiqueta(e) -> Optional[str]:
    return e.tag.lower() if isinstance(e.tag, str) else None  # comments and entities have no name


def _oculto(e) -> bool:
    return e.get("hidden") is not None or bool(_OCULTO.search(e.get("style", "")))


def _entero(valor: Optional[str], defecto: int = 1) -> int:
    m = re.match(r"\s*(\d+)", valor or "")
    return int(m.group(1)) if m else defecto


def _texto_de(e) -> str:
    return " ".join(" ".join(e.itertext()).split())


class _Lector:
    """Walks the page, keeping the runs of text of the paragraph being read."""

    def __init__(self, archivo: str, con_ocultas: bool, topes: Topes):
        self.archivo, self.con_ocultas, self.topes = archivo, con_ocultas, topes
        self.piezas: list[Pieza] = []
        self.ocultos: list[str] = []
        self.pagina = 1
        self.tramos: list[tuple[str, bool]] = []  # (text, bold); "\n" is a <br>
        self.estilo = ""
        self.preformateado = False

    def leer(self, raiz) -> None:
        cuerpo = raiz.find(".//body")
        self._elemento(cuerpo if cuerpo is not None else raiz, False)
        self._cerrar()

    def _texto(self, texto: Optional[str], negrita: bool) -> None:
        if not texto:
            return
        if self.preformateado:
            for i, linea in enumerate(texto.split("\n")):
                if i:
                    self.tramos.append(("\n", negrita))
                self.tramos.append((_ESPACIOS.sub(" ", linea), negrita))
        else:
            self.tramos.append((_ESPACIOS.sub(" ", texto), negrita))

    def _cerrar(self) -> None:
        """The runs read so far become a line of text."""
        tramos, self.tramos = self.tramos, []
        lineas = (" ".join(linea.split()) for linea in "".join(t for t, _ in tramos).split("\n"))
        texto = "\n".join(linea for linea in lineas if linea)
        if not texto:
            return
        negrita = all(b for t, b in tramos if t.strip())
        self.piezas.append(LineaHtml(texto, self.estilo, negrita, "" if negrita else _rotulo(tramos), self.pagina))

    def _hijos(self, e, negrita: bool) -> None:
        self._texto(e.text, negrita)
        for hijo in e:
            self._elemento(hijo, negrita)
            self._texto(hijo.tail, negrita)

    def _elemento(self, e, negrita: bool) -> None:
        etiqueta = _etiqueta(e)
        if etiqueta is None or etiqueta in NO_ES_TEXTO:
            return
        if _oculto(e):
            if texto := _texto_de(e):
                self.ocultos.append(texto)
            return
        estilo_css = e.get("style", "")
        if _VINETA_DE_WORD.search(estilo_css):
            return  # not text: the bullet or number Word draws (a .docx's text has none either)
        if _SALTO_ANTES.search(estilo_css):
            self._cerrar()
            self.pagina += 1
        negrita = negrita or etiqueta in ("b", "strong", "th") or bool(_NEGRITA.search(estilo_css))
        if etiqueta == "br":
            self.tramos.append(("\n", negrita))
        elif etiqueta == "table":
            self._cerrar()
            self._tabla(e)
        elif etiqueta in BLOQUES or etiqueta in ("td", "th"):
            self._cerrar()
            anterior, previo = self.estilo, self.preformateado
            self.estilo = ESTILOS.get(etiqueta) or ESTILOS_DE_WORD.get(e.get("class", "").lower(), anterior)
            self.preformateado = previo or etiqueta == "pre"
            self._hijos(e, negrita)
            self._cerrar()
            self.estilo, self.preformateado = anterior, previo
        else:  # inline: <span>, <a>, <font>, Word's <o:p>…
            self._hijos(e, negrita)
        if _SALTO_DESPUES.search(estilo_css):
            self._cerrar()
            self.pagina += 1

    # -------------------------------------------------------------- tables

    def _tabla(self, tabla) -> None:
        """A data table; a table's rows that hold other tables (a layout
        table; the last row of a table of targets with the money table
        nested in it) opened into what their cells hold, cell by cell, its
        other rows kept a table (as the Word reader does)."""
        for hijo in tabla:
            if _etiqueta(hijo) == "caption":
                self._elemento(hijo, False)
        filas = list(_filas(tabla))
        if next(tabla.iterdescendants("table"), None) is None:
            self._rejilla(tabla, filas)
            return
        seguidas: list = []  # rows without a nested table, kept together
        for cabeza, tr in filas:
            if next(tr.iterdescendants("table"), None) is None:
                seguidas.append((cabeza, tr))
                continue
            self._rejilla(tabla, seguidas)
            seguidas = []
            if _oculto(tr):
                self._elemento(tr, False)  # its text goes to the hidden ones
                continue
            for celda in _celdas(tr):
                self._elemento(celda, False)
        self._rejilla(tabla, seguidas)

    def _rejilla(self, tabla, filas: list) -> None:
        leida = _Rejilla(self, tabla, filas).leer()
        if leida.celdas:
            leida.pagina = self.pagina
            self.piezas.append(leida)

    def texto_de_celda(self, celda) -> tuple[str, bool]:
        """A cell's text (its paragraphs and <br>s as lines) and whether all of it is bold."""
        negrita = _etiqueta(celda) == "th" or bool(_NEGRITA.search(celda.get("style", "")))
        if len(celda) == 0:  # text alone, as most cells of an export: no need to walk it
            texto = " ".join((celda.text or "").split())
            return texto, negrita and bool(texto)
        sub = _Lector(self.archivo, self.con_ocultas, self.topes)
        sub._hijos(celda, negrita)
        sub._cerrar()
        self.ocultos.extend(sub.ocultos)
        lineas = [p for p in sub.piezas if isinstance(p, LineaHtml)]
        return "\n".join(p.texto for p in lineas), bool(lineas) and all(p.negrita for p in lineas)


def _rotulo(tramos: list[tuple[str, bool]]) -> str:
    """The bold runs a paragraph opens with, when text that is not bold
    follows them ("Entidad: " of "<b>Entidad:</b> Tenjo"); "" otherwise."""
    rotulo: list[str] = []
    for i, (texto, negrita) in enumerate(tramos):
        if not negrita and texto.strip():
            hay_rotulo = "".join(rotulo).strip() and "".join(t for t, _ in tramos[i:]).strip()
            return " ".join("".join(rotulo).split()) + " " if hay_rotulo else ""
        rotulo.append(texto)
    return ""


def _filas(tabla) -> Iterator[tuple[bool, Any]]:
    """(in <thead>, row) of a table's own rows, not those of tables inside it."""
    for hijo in tabla:
        etiqueta = _etiqueta(hijo)
        if etiqueta == "tr":
            yield False, hijo
        elif etiqueta in ("thead", "tbody", "tfoot"):
            yield from ((etiqueta == "thead", tr) for tr in hijo if _etiqueta(tr) == "tr")


def _celdas(tr) -> list:
    return [c for c in tr if _etiqueta(c) in ("td", "th")]


def _columnas_ocultas(tabla) -> set[int]:
    """Columns a <col style="display:none"> hides (Excel's hidden columns)."""
    ocultas: set[int] = set()
    k = 0
    for col in tabla.iter("col"):
        ancho = min(_entero(col.get("span")), MAX_COLUMNAS)
        if _oculto(col):
            ocultas.update(range(k, k + ancho))
        k += ancho
    return ocultas


class _Rejilla:
    """One data table placed on its grid by the HTML table rules."""

    def __init__(self, lector: _Lector, tabla, filas: list):
        self.lector, self.tabla, self.filas = lector, tabla, filas

    def leer(self) -> TablaHtml:
        lector = self.lector
        salida = TablaHtml(celdas=[], filas=0, columnas_ocultas=_columnas_ocultas(self.tabla))
        hasta: list[int] = []  # per grid column, the first row a span from above no longer covers
        encabezado = True
        filas = [(cabeza, tr) for cabeza, tr in self.filas if lector.con_ocultas or not self._oculta(tr)]
        for r, (cabeza, tr) in enumerate(filas):
            if lector.con_ocultas and _oculto(tr):
                salida.filas_ocultas.add(r)
            celdas = [c for c in _celdas(tr) if lector.con_ocultas or not self._oculta(c)]
            encabezado = encabezado and bool(celdas) and (cabeza or all(_etiqueta(c) == "th" for c in celdas))
            salida.filas_encabezado += encabezado
            k = 0
            for celda in celdas:
                while k < len(hasta) and hasta[k] > r:
                    k += 1
                columnas = min(max(_entero(celda.get("colspan")), 1), MAX_COLUMNAS)
                rowspan = _entero(celda.get("rowspan"))
                alto = len(filas) - r if rowspan == 0 else min(max(rowspan, 1), len(filas) - r)
                hasta.extend([0] * (k + columnas - len(hasta)))
                hasta[k : k + columnas] = [r + alto] * columnas
                texto, negrita = lector.texto_de_celda(celda)
                if texto:
                    salida.celdas.append(self._celda(celda, texto, negrita, r, k, alto, columnas))
                    if len(salida.celdas) > lector.topes.celdas:
                        raise ErrorLectura(
                            lector.archivo,
                            f"una tabla de la página web tiene más de {lector.topes.celdas:,} celdas con datos; "
                            "es demasiado grande para leerla".replace(",", "."),
                        )
                k += columnas
        salida.filas = len(filas)
        if salida.filas * len(hasta) > lector.topes.area:
            raise ErrorLectura(
                lector.archivo,
                f"una tabla de la página web tiene {salida.filas} filas × {len(hasta)} columnas; "
                f"el máximo es {lector.topes.area:,} celdas".replace(",", "."),
            )
        return salida

    def _oculta(self, e) -> bool:
        if not _oculto(e):
            return False
        if not self.lector.con_ocultas and (texto := _texto_de(e)):
            self.lector.ocultos.append(texto)
        return True

    @staticmethod
    def _celda(celda, texto: str, negrita: bool, r: int, k: int, filas: int, columnas: int) -> CeldaHtml:
        numero, porcentaje = _numero_de_excel(celda, texto)
        return CeldaHtml(
            texto=texto,
            fila=r,
            columna=k,
            filas=filas,
            columnas=1 if _SIN_COMBINAR.search(celda.get("style", "")) else columnas,
            negrita=negrita,
            numero=numero,
            porcentaje=porcentaje,
            oculta=_oculto(celda),
        )


def _numero_de_excel(celda, texto: str) -> tuple[Optional[float], bool]:
    """Excel's `x:num="0.976"` behind "97,6%": the number, and whether it is
    shown as a percentage. Only when the shown text is a figure: a date is
    an x:num too (its serial number), and is read as shown."""
    valor = celda.get("x:num")
    if not valor or not _CIFRA_MOSTRADA.match(texto) or _FECHA_CON_PUNTOS.match(texto):
        return None, False
    try:
        numero = float(valor)
    except ValueError:
        return None, False
    return numero, texto.rstrip(" )").endswith("%")
