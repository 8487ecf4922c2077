"""The only place where the readers touch private parts of their libraries.

Each function below wraps one private API that has no public equivalent,
with the reason it is needed. `faltantes()` lists the ones a library upgrade
removed or renamed; tests/extractor/formatos/test_privadas.py fails on any, naming it, so an
upgrade breaks a test instead of a reading (issue 18.5).

- openpyxl (pinned <3.2 in pyproject.toml): the streamed sheet parser
  `openpyxl.worksheet._reader.WorkSheetParser` and the workbook's style and
  number-format tables. The public read-only worksheet streams cells but
  drops merged ranges, hidden rows and columns and number formats; the
  public full mode keeps them but loads the whole workbook in memory.
- pdfminer: `PDFDocument._cached_objs` (every parsed object, kept until the
  file closes: the memory of a long report grows without bound) and
  `pdftypes.decompress_corrupted` (called only when zlib rejected a stream:
  the one sign that a figure may come from damaged data; pdfminer neither
  raises nor logs it unless `settings.STRICT`, which rejects much more).
- python-docx: `Paragraph._p` / `Table._tbl` through `_element`, the oxml
  element (page breaks, grid spans and vertical merges are read from it;
  the public `Table.rows` repeats a merged cell in every grid column).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Callable, Iterator


# ------------------------------------------------------------------ openpyxl


def estilos_de_celda(libro: Any) -> Any:
    """The workbook's cell styles, indexed by a cell's style id."""
    return libro._cell_styles


def formatos_numericos(libro: Any) -> Any:
    """The workbook's own number formats (ids from BUILTIN_FORMATS_MAX_SIZE on)."""
    return libro._number_formats


@contextmanager
def analizador_de_hoja(libro: Any, hoja: Any) -> Iterator[Any]:
    """openpyxl's streamed parser of one worksheet of a read-only workbook:
    its `parse()` yields the rows of cells (value, data_type, style_id,
    row, column); after it, `row_dimensions`, `column_dimensions` and
    `merged_cells` hold what the sheet hides and merges."""
    from openpyxl.worksheet._reader import WorkSheetParser

    with hoja._get_source() as fuente:
        yield WorkSheetParser(
            fuente,
            hoja._shared_strings,
            data_only=True,
            epoch=libro.epoch,
            date_formats=libro._date_formats,
            timedelta_formats=libro._timedelta_formats,
        )


# ------------------------------------------------------------------ pdfminer


def vaciar_objetos_pdfminer(documento: Any) -> None:
    """Forget the objects pdfminer parsed so far (they are parsed again if
    asked for); `documento` is a pdfminer PDFDocument (pdfplumber's `pdf.doc`)."""
    documento._cached_objs.clear()


@contextmanager
def avisar_flujos_danados(aviso: Callable[[bytes], None]) -> Iterator[None]:
    """Within the block, `aviso(datos)` is called for each compressed stream
    that zlib rejected and pdfminer then decodes by skipping errors."""
    import pdfminer.pdftypes as tipos

    original = tipos.decompress_corrupted

    def registrar(data: bytes) -> bytes:
        aviso(data)
        return original(data)

    tipos.decompress_corrupted = registrar
    try:
        yield
    finally:
        tipos.decompress_corrupted = original


# --------------------------------------------------------------- python-docx


def elemento_docx(bloque: Any) -> Any:
    """The oxml element of a python-docx Paragraph or Table (`_p` / `_tbl`)."""
    return bloque._element


# ------------------------------------------------------------------- guard


def faltantes() -> list[str]:
    """The private APIs above that the installed libraries no longer have."""
    import io
    import zlib

    import docx
    import openpyxl
    import pdfminer.pdftypes
    from pdfminer.pdfdocument import PDFDocument

    faltan = []
    try:
        from openpyxl.worksheet._reader import WorkSheetParser
    except ImportError:
        faltan.append("openpyxl.worksheet._reader.WorkSheetParser")
    else:
        libro_nuevo = openpyxl.Workbook()
        libro_nuevo.active["A1"] = 1
        memoria = io.BytesIO()
        libro_nuevo.save(memoria)
        libro = openpyxl.load_workbook(memoria, read_only=True)
        hoja = libro.active
        for objeto, nombre in (
            (libro, "_cell_styles"),
            (libro, "_number_formats"),
            (libro, "_date_formats"),
            (libro, "_timedelta_formats"),
            (hoja, "_get_source"),
            (hoja, "_shared_strings"),
        ):
            if not hasattr(objeto, nombre):
                faltan.append(f"openpyxl {type(objeto).__name__}.{nombre}")
        if not faltan:
            with analizador_de_hoja(libro, hoja) as analizador:
                if not isinstance(analizador, WorkSheetParser) or not all(
                    hasattr(analizador, a) for a in ("parse", "row_dimensions", "column_dimensions", "merged_cells")
                ):
                    faltan.append("openpyxl WorkSheetParser.parse/row_dimensions/column_dimensions/merged_cells")
        libro.close()
    if "_cached_objs" not in getattr(PDFDocument.__init__, "__code__").co_names:
        faltan.append("pdfminer PDFDocument._cached_objs")
    if not callable(getattr(pdfminer.pdftypes, "decompress_corrupted", None)):
        faltan.append("pdfminer.pdftypes.decompress_corrupted")
    else:
        danados: list[int] = []
        with avisar_flujos_danados(lambda datos: danados.append(len(datos))):
            roto = zlib.compress(b"0123456789" * 50)[:-8]  # cut: zlib rejects it
            stream = pdfminer.pdftypes.PDFStream({"Filter": pdfminer.pdftypes.LITERALS_FLATE_DECODE[0]}, roto)
            stream.get_data()
        if not danados:
            faltan.append("pdfminer.pdftypes.decompress_corrupted (PDFStream.decode ya no la llama)")
    documento = docx.Document()
    parrafo, tabla = documento.add_paragraph("x"), documento.add_table(rows=1, cols=1)
    if getattr(parrafo, "_element", None) is not getattr(parrafo, "_p", False) or getattr(
        tabla, "_element", None
    ) is not getattr(tabla, "_tbl", False):
        faltan.append("python-docx Paragraph._element / Table._element")
    elif not hasattr(elemento_docx(tabla), "tr_lst"):
        faltan.append("python-docx CT_Tbl.tr_lst")
    return faltan
