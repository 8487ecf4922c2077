"""Word (.docx) reader: python-docx into the shared document model.

Body paragraphs and tables are read in document order. Section headers and
footers are not body content in Word, so running headers never reach the
blocks; their text is kept in `Documento.encabezados_pagina` for metadata.
Pages are estimated from explicit and rendered page breaks (Word records the
latter when it saves; files written by other tools may have none).
"""
from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from extractor.formatos.privadas import elemento_docx
from extractor.modelo import BloqueTexto, Celda, Documento, Tabla


def _page_breaks(element) -> int:
    breaks = 0
    for br in element.iter(qn("w:br")):
        if br.get(qn("w:type")) == "page":
            breaks += 1
    breaks += sum(1 for _ in element.iter(qn("w:lastRenderedPageBreak")))
    return breaks


def _is_bold(paragraphs) -> bool:
    runs = [r for p in paragraphs for r in p.runs if r.text.strip()]
    return bool(runs) and all(r.bold for r in runs)


def _bold_lead_in(paragraph: Paragraph) -> str:
    """The text of the bold runs a paragraph opens with, when more text
    that is not bold follows them; "" otherwise."""
    runs = [r for r in paragraph.runs if r.text]
    lead: list[str] = []
    for i, run in enumerate(runs):
        if not run.bold:
            rest = "".join(r.text for r in runs[i:])
            return "".join(lead).lstrip() if "".join(lead).strip() and rest.strip() else ""
        lead.append(run.text)
    return ""


def _read_table(table: DocxTable, index: int, page: int) -> Tabla:
    cells: list[Celda] = []
    # grid column -> cell that a vertical merge may continue
    open_vertical: dict[int, Celda] = {}
    header_rows = 0
    counting_header = True
    for r, tr in enumerate(elemento_docx(table).tr_lst):
        trPr = tr.trPr
        is_header = trPr is not None and trPr.find(qn("w:tblHeader")) is not None
        if counting_header and is_header:
            header_rows += 1
        else:
            counting_header = False
        col = tr.grid_before
        for tc in tr.tc_lst:
            span = tc.grid_span
            tcPr = tc.tcPr
            vmerge = tcPr.find(qn("w:vMerge")) if tcPr is not None else None
            continues = vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue")
            if continues and col in open_vertical:
                open_vertical[col].filas_span += 1
            else:
                paragraphs = [Paragraph(p, table) for p in tc.p_lst]
                cell = Celda(
                    texto="\n".join(p.text for p in paragraphs).strip(),
                    fila=r,
                    columna=col,
                    pagina=page,
                    columnas_span=span,
                    negrita=_is_bold(paragraphs),
                )
                cells.append(cell)
                open_vertical[col] = cell
            col += span
    return Tabla(indice=index, celdas=cells, filas_encabezado_marcadas=header_rows or None)


def _section_text(doc) -> list[str]:
    texts: list[str] = []
    for section in doc.sections:
        for part in (section.header, section.footer):
            if part.is_linked_to_previous and texts:
                continue
            text = "\n".join(p.text for p in part.paragraphs).strip()
            if text and text not in texts:
                texts.append(text)
    return texts


def leer_docx(ruta: Path, sha256: str) -> Documento:
    doc = docx.Document(str(ruta))
    blocks: list[BloqueTexto | Tabla] = []
    page = 1
    n_tables = 0
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if text:
                blocks.append(
                    BloqueTexto(
                        texto=text,
                        pagina=page,
                        estilo=item.style.name if item.style is not None else "",
                        negrita=_is_bold([item]),
                        rotulo=_bold_lead_in(item),
                    )
                )
            page += _page_breaks(elemento_docx(item))
        else:
            n_tables += 1
            blocks.append(_read_table(item, n_tables, page))
            page += _page_breaks(elemento_docx(item))
    return Documento(
        archivo=ruta.name,
        sha256=sha256,
        formato="docx",
        paginas=page,
        bloques=blocks,
        encabezados_pagina=_section_text(doc),
    )
