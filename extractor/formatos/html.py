"""Web page (.html, .htm) reader: a report saved as a web page (Word's
"Página web", a Google Docs export, a planning system's report) into the
shared document model, as the Word reader does for a .docx.

The page is walked by extractor/formatos/html_texto.py. Its paragraphs,
headings (h1–h6 as "Heading 1"…, Word's MsoTitle as "Title") and list
items become `BloqueTexto` in reading order, with their bold lead-in
("<b>Entidad:</b> Alcaldía de Tenjo"); each data table a `Tabla` whose
merged cells (rowspan, colspan) appear once, at their top-left, with their
spans, and whose leading <th> rows are marked as header rows. Pages follow
Word's page breaks. Elements hidden on the page are not read and are
reported as omissions. Excel's `x:num` numbers are written as the sheet
reader writes numeric cells (extractor/formatos/hoja.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from extractor.formatos.hoja import texto_de_celda_html
from extractor.formatos.html_texto import LineaHtml, Topes, leer_pagina, resumen_de_ocultos
from extractor.formatos.seguridad import LIMITES, LimitesLectura
from extractor.modelo import BloqueTexto, Celda, Documento, Omision, Tabla


def leer_html(ruta: Path, sha256: str, limites: Optional[LimitesLectura] = None) -> Documento:
    ruta = Path(ruta)
    limites = limites or LIMITES
    pagina = leer_pagina(ruta, topes=Topes(limites.hoja_celdas, limites.hoja_area))
    bloques: list[BloqueTexto | Tabla] = []
    for pieza in pagina.piezas:
        if isinstance(pieza, LineaHtml):
            bloques.append(
                BloqueTexto(
                    texto=pieza.texto,
                    pagina=pieza.pagina,
                    estilo=pieza.estilo,
                    negrita=pieza.negrita,
                    rotulo=pieza.rotulo,
                )
            )
            continue
        celdas = [
            Celda(
                texto=texto_de_celda_html(c),
                fila=c.fila,
                columna=c.columna,
                pagina=pieza.pagina,
                filas_span=c.filas,
                columnas_span=c.columnas,
                negrita=c.negrita,
            )
            for c in pieza.celdas
        ]
        # (numbered once the document is read: extractor.tablas.costura.unir_tablas)
        bloques.append(Tabla(indice=0, celdas=celdas, filas_encabezado_marcadas=pieza.filas_encabezado or None))
    omisiones = []
    if pagina.ocultos:
        omisiones.append(
            Omision(
                texto=resumen_de_ocultos(pagina.ocultos),
                motivo=f"{len(pagina.ocultos)} elemento(s) oculto(s) de la página web (display:none): no se leyeron",
            )
        )
    return Documento(
        archivo=ruta.name,
        sha256=sha256,
        formato="html",
        paginas=pagina.paginas,
        bloques=bloques,
        omisiones=omisiones,
    )
