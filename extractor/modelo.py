"""Document model shared by every reader.

Every reader (PDF, DOCX, later spreadsheets and OCR) produces a `Documento`:
an ordered list of blocks (`BloqueTexto` and `Tabla`) with provenance. The
later stages (table stitching, metadata, rows to observations) only see this
model, never the original file format.

A whole report's cells and text blocks are held until it is interpreted, so
the classes made in numbers use `__slots__` (about 50 bytes less a cell).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union

# (x0, top, x1, bottom) in PDF points, origin at the top-left of the page.
BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Celda:
    texto: str  # keeps its line breaks ("\n")
    fila: int
    columna: int
    pagina: int  # 1-based
    filas_span: int = 1
    columnas_span: int = 1
    bbox: Optional[BBox] = None
    negrita: bool = False
    # OCR'd cells (scanned pages): the lowest confidence (0-1) Tesseract gave
    # to the words holding figures (to all words when none has a digit);
    # None when the text came from a text layer or a file.
    confianza_ocr: Optional[float] = None
    # Spreadsheet cells: where a person finds it, as Excel writes it
    # ("Plan indicativo - Productos!P3"); None for documents.
    ref: Optional[str] = None


@dataclass(slots=True)
class Tabla:
    indice: int  # 1-based order of the table in the document
    celdas: list[Celda]
    # Rows that the source marks as header (DOCX "repeat as header row");
    # None when the format says nothing and headers must be inferred.
    filas_encabezado_marcadas: Optional[int] = None

    @property
    def n_filas(self) -> int:
        return max((c.fila + c.filas_span for c in self.celdas), default=0)

    @property
    def n_columnas(self) -> int:
        return max((c.columna + c.columnas_span for c in self.celdas), default=0)

    @property
    def paginas(self) -> list[int]:
        return sorted({c.pagina for c in self.celdas})

    def rejilla(self) -> list[list[Optional[Celda]]]:
        """Grid of cells: a spanned cell fills every position it covers."""
        ancho = self.n_columnas  # once: the property scans every cell
        grid: list[list[Optional[Celda]]] = [[None] * ancho for _ in range(self.n_filas)]
        for c in self.celdas:
            for r in range(c.fila, c.fila + c.filas_span):
                for k in range(c.columna, c.columna + c.columnas_span):
                    grid[r][k] = c
        return grid

    def textos(self) -> list[list[str]]:
        return [[c.texto if c else "" for c in fila] for fila in self.rejilla()]


@dataclass(slots=True)
class BloqueTexto:
    texto: str
    pagina: int
    bbox: Optional[BBox] = None
    estilo: str = ""  # e.g. "Heading 1" in DOCX, "" when unknown
    negrita: bool = False
    # the bold lead-in of a paragraph whose rest is not bold, as printed
    # ("Formación docente. "): a label naming what the paragraph reports
    rotulo: str = ""
    # the card it is printed in (a box drawn around a few blocks: a
    # dashboard's tile), on its page; None outside any
    recuadro: Optional[BBox] = None


Bloque = Union[BloqueTexto, Tabla]


@dataclass(slots=True)
class Omision:
    """Content a reader saw and did not pass on as it is (hidden sheets,
    rows or columns of a workbook, formula errors, doubtful figures):
    reported as a row of `filas_no_mapeadas` with the reason, never
    skipped silently."""

    texto: str
    motivo: str  # Spanish, shown to users
    pagina: Optional[int] = None


@dataclass(slots=True)
class LineaSuelta:
    """A line of a PDF page with tables that holds digits and whose words
    went to no table cell: beside a table (a text line above or below it)
    or inside a table's frame but in none of its cells. Kept for the
    coverage audit (extractor/informe/cobertura.py), which accounts for every
    number near a table."""

    texto: str
    pagina: int
    bbox: BBox
    cifras: list[tuple[str, BBox]]  # its words with a digit, with their boxes
    en_tabla: bool = False  # inside a table's frame, in none of its cells
    repetida: bool = False  # a running header or footer, not content


@dataclass(slots=True)
class LlamadaDeNota:
    """A footnote's call printed right after a figure of a table ("2.870¹"):
    the figure's box on its page and the call ("1", "*"); the footnote that
    opens with the call may date the figure ("¹ Cifra con corte a 30 de septiembre")."""

    pagina: int
    bbox: BBox
    llamada: str  # "1", "*": superscripts as digits (notas_al_pie.llamada_comun)


@dataclass
class Documento:
    archivo: str  # file name as given by the user
    sha256: str
    formato: str  # "pdf" | "docx" | ...
    paginas: int
    bloques: list[Bloque] = field(default_factory=list)
    # Running headers/footers removed from the content; kept because they
    # often name the entity ("Alcaldía de Barrancabermeja").
    encabezados_pagina: list[str] = field(default_factory=list)
    omisiones: list[Omision] = field(default_factory=list)
    # The entity's DANE/DIVIPOLA code when the file states it (a workbook's
    # "Código DANE" column: "25200"); None otherwise.
    codigo_divipola: Optional[str] = None
    # PDF pages with tables: lines with digits outside every table cell
    lineas_sueltas: list[LineaSuelta] = field(default_factory=list)
    # PDF pages with tables: footnote calls printed after figures
    llamadas: list[LlamadaDeNota] = field(default_factory=list)

    @property
    def tablas(self) -> list[Tabla]:
        return [b for b in self.bloques if isinstance(b, Tabla)]

    @property
    def textos(self) -> list[BloqueTexto]:
        return [b for b in self.bloques if isinstance(b, BloqueTexto)]
