"""Word (.docx) reader: python-docx into the shared document model.

Body paragraphs and tables are read in document order. Section headers and
footers are not body content in Word, so running headers never reach the
blocks; their text is kept in `Documento.encabezados_pagina` for metadata.
Pages are estimated from explicit and rendered page breaks (Word records the
latter when it saves; files written by other tools may have none). A table
built with tab stops instead of a table object is made a table
(`tabulaciones.py`).
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path
from typing import Iterator, Optional

import docx
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from extractor.formatos.docx_subtablas import Subcolumnas, subcolumnas, subtabla, valores
from extractor.formatos.privadas import elemento_docx
from extractor.formatos.tabulaciones import con_tablas_de_tabulaciones
from extractor.modelo import BloqueTexto, Celda, Documento, Tabla


def _saltos_de_pagina(elemento) -> int:
    saltos = 0
    for br in elemento.iter(qn("w:br")):
        if br.get(qn("w:type")) == "page":
            saltos += 1
    saltos += sum(1 for _ in elemento.iter(qn("w:lastRenderedPageBreak")))
    return saltos


def _en_negrita(parrafos) -> bool:
    tramos = [r for p in parrafos for r in p.runs if r.text.strip()]
    return bool(tramos) and all(r.bold for r in tramos)


def _rotulo_en_negrita(parrafo: Paragraph) -> str:
    """The text of the bold runs a paragraph opens with, when more text
    that is not bold follows them; "" otherwise."""
    tramos = [r for r in parrafo.runs if r.text]
    rotulo: list[str] = []
    for i, tramo in enumerate(tramos):
        if not tramo.bold:
            resto = "".join(r.text for r in tramos[i:])
            return "".join(rotulo).lstrip() if "".join(rotulo).strip() and resto.strip() else ""
        rotulo.append(tramo.text)
    return ""


# text python-docx leaves out of a paragraph's runs: tracked insertions, content controls (<w:sdt>)
_INSERCIONES = (qn("w:ins"), qn("w:moveTo"), qn("w:sdt"))
_TEXTO: dict[str, str | None] = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n"}


def _texto(parrafo: Paragraph) -> str:
    """The paragraph's text with its tracked changes accepted and its content
    controls filled in: python-docx leaves out the runs inside an insertion
    (<w:ins>) or a content control of a form (<w:sdt>, "Dependencia:
    [Secretaría de …]"); deleted text is <w:delText>, never read."""
    p = elemento_docx(parrafo)
    if not any(True for e in p.iter(*_INSERCIONES)):
        return parrafo.text
    partes = []
    for e in p.iter(*_TEXTO):
        salto = _TEXTO[e.tag]  # a tab or a break, or None for text
        partes.append(salto if salto is not None else e.text or "")
    return "".join(partes)


def _fila_borrada(tr) -> bool:
    """A row deleted with tracked changes (<w:trPr><w:del/>): accepted, it is gone."""
    return tr.trPr is not None and tr.trPr.find(qn("w:del")) is not None


def _leer_tabla(tabla: DocxTable, indice: int, pagina: int) -> Tabla:
    celdas: list[Celda] = []
    # grid column -> cell that a vertical merge may continue
    abiertas: dict[int, Celda] = {}
    filas_encabezado = 0
    contando_encabezado = True
    filas = [tr for tr in elemento_docx(tabla).tr_lst if not _fila_borrada(tr)]
    subs = subcolumnas(filas)  # grid columns whose cells hold small tables: their sub-columns

    def columna(g: int) -> int:  # the model's column of grid column g
        return sum(len(subs[c].rotulos) if c in subs else 1 for c in range(g))

    # the sub-headers of nested tables that repeat them in every row: one header row more
    insertar = _fin_de_encabezado(filas, subs) if any(not s.en_encabezado for s in subs.values()) else None
    for r, tr in enumerate(filas):
        trPr = tr.trPr
        es_encabezado = trPr is not None and trPr.find(qn("w:tblHeader")) is not None
        if contando_encabezado and es_encabezado:
            filas_encabezado += 1
        else:
            contando_encabezado = False
        fila = r + (1 if insertar is not None and r >= insertar else 0)
        col = tr.grid_before
        for tc in tr.tc_lst:
            ancho = tc.grid_span
            tcPr = tc.tcPr
            vmerge = tcPr.find(qn("w:vMerge")) if tcPr is not None else None
            continua = vmerge is not None and vmerge.get(qn("w:val")) in (None, "continue")
            if col in subs and (textos := valores(tc, tr)) is not None:
                for j, texto in enumerate(textos):  # "12 | 18 | 15 | 19" under "Trim. I … IV"
                    celdas.append(Celda(texto=texto, fila=fila, columna=columna(col) + j, pagina=pagina))
            elif continua and col in abiertas:
                abiertas[col].filas_span += 1
            else:
                # (a cell's paragraphs may stand inside a content control: <w:sdt><w:sdtContent><w:p>)
                parrafos = [Paragraph(p, tabla) for p in tc.xpath("./w:p | ./w:sdt/w:sdtContent/w:p")]
                celda = Celda(
                    texto="\n".join(_texto(p) for p in parrafos).strip(),
                    fila=fila,
                    columna=columna(col),
                    pagina=pagina,
                    columnas_span=columna(col + ancho) - columna(col),
                    negrita=_en_negrita(parrafos),
                )
                celdas.append(celda)
                abiertas[col] = celda
            col += ancho
    if insertar is not None:
        _con_subencabezados(celdas, subs, insertar, columna)
        filas_encabezado = filas_encabezado + 1 if filas_encabezado else 0
    return Tabla(indice=indice, celdas=celdas, filas_encabezado_marcadas=filas_encabezado or None)


def _fin_de_encabezado(filas: list, subs: dict[int, Subcolumnas]) -> Optional[int]:
    """The first row after the header: the first that holds a nested table of
    values or is one cell across the table (a programme's band); None when
    the table opens with one."""
    ancho = max((tr.grid_before + sum(tc.grid_span for tc in tr.tc_lst) for tr in filas), default=0)
    for r, tr in enumerate(filas):
        col = tr.grid_before
        for tc in tr.tc_lst:
            if col in subs and subtabla(tc, tr) is not None or len(tr.tc_lst) == 1 and tc.grid_span >= ancho:
                return r or None
            col += tc.grid_span
    return None


def _con_subencabezados(celdas: list[Celda], subs: dict[int, Subcolumnas], fila: int, columna) -> None:
    """A header row at `fila` with each sub-column's header under its
    column's; the header cells of the other columns reach down over it."""
    inicio_de = {columna(c): c for c in subs}
    for celda in celdas:
        if celda.fila < fila and celda.fila + celda.filas_span == fila and celda.columna not in inicio_de:
            celda.filas_span += 1
    for c, sub in subs.items():
        for j, rotulo in enumerate(sub.rotulos):
            celdas.append(Celda(texto=rotulo, fila=fila, columna=columna(c) + j, pagina=celdas[0].pagina))


def _de_diagramacion(tabla: DocxTable) -> bool:
    """A layout table: one whose cells hold other tables (a sector's name in
    the left cell, its table of targets nested in the right one), but for
    small tables of sub-columns (docx_subtablas.py)."""
    filas = elemento_docx(tabla).tr_lst
    subs = subcolumnas(filas)
    for tr in filas:
        col = tr.grid_before
        for tc in tr.tc_lst:
            if tc.find(qn("w:tbl")) is not None and not (col in subs and subtabla(tc, tr) is not None):
                return True
            col += tc.grid_span
    return False


def _en_orden(contenidos) -> Iterator[Paragraph | DocxTable]:
    """Paragraphs and tables in reading order; a table's rows that hold
    other tables opened into what their cells hold, cell by cell (a layout
    table; the last row of a table of targets with the money table nested
    in it), its other rows kept a table."""
    for contenido in contenidos:
        if not (isinstance(contenido, DocxTable) and _de_diagramacion(contenido)):
            yield contenido
            continue
        seguidas: list = []  # rows without a nested table, kept together
        for tr in elemento_docx(contenido).tr_lst:
            if _fila_borrada(tr):
                continue
            if all(tc.find(qn("w:tbl")) is None for tc in tr.tc_lst):
                seguidas.append(tr)
                continue
            if seguidas:
                yield _con_filas(contenido, seguidas)
                seguidas = []
            for tc in tr.tc_lst:
                yield from _en_orden(_hijos(tc, contenido))
        if seguidas:
            yield _con_filas(contenido, seguidas)


def _con_filas(tabla: DocxTable, filas: list) -> DocxTable:
    """A copy of the table with only these rows."""
    copia = deepcopy(elemento_docx(tabla))
    conservar = {id(tr) for tr in filas}
    for tr, original in zip(list(copia.tr_lst), elemento_docx(tabla).tr_lst):
        if id(original) not in conservar:
            copia.remove(tr)
    return DocxTable(copia, tabla)


def _hijos(tc, tabla: DocxTable) -> Iterator[Paragraph | DocxTable]:
    """The paragraphs and tables a table cell holds, in order."""
    for hijo in tc.iterchildren(qn("w:p"), qn("w:tbl")):
        yield Paragraph(hijo, tabla) if hijo.tag == qn("w:p") else DocxTable(hijo, tabla)


def _textos_de_seccion(documento) -> list[str]:
    textos: list[str] = []
    for seccion in documento.sections:
        for parte in (seccion.header, seccion.footer):
            if parte.is_linked_to_previous and textos:
                continue
            texto = "\n".join(p.text for p in parte.paragraphs).strip()
            if texto and texto not in textos:
                textos.append(texto)
    return textos


def leer_docx(ruta: Path, sha256: str) -> Documento:
    documento = docx.Document(str(ruta))
    bloques: list[BloqueTexto | Tabla] = []
    pagina = 1
    n_tablas = 0
    for contenido in _en_orden(documento.iter_inner_content()):
        if isinstance(contenido, Paragraph):
            crudo = _texto(contenido)
            texto = crudo.strip()
            if "\t" in texto:  # a row of a table built with tab stops: an empty first field stays
                texto = crudo.strip(" \n\r")
            if texto:
                bloques.append(
                    BloqueTexto(
                        texto=texto,
                        pagina=pagina,
                        estilo=contenido.style.name if contenido.style is not None else "",
                        negrita=_en_negrita([contenido]),
                        rotulo=_rotulo_en_negrita(contenido),
                    )
                )
            pagina += _saltos_de_pagina(elemento_docx(contenido))
        else:
            n_tablas += 1
            bloques.append(_leer_tabla(contenido, n_tablas, pagina))
            pagina += _saltos_de_pagina(elemento_docx(contenido))
    return Documento(
        archivo=ruta.name,
        sha256=sha256,
        formato="docx",
        paginas=pagina,
        bloques=con_tablas_de_tabulaciones(bloques),
        encabezados_pagina=_textos_de_seccion(documento),
    )
