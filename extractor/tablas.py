"""Tables as a reader sees them: one table across pages, split rows mended.

Works on the document model, whatever the source format:
- a table that directly follows another one on the next page (nothing but
  running headers between them) and has the same number of columns continues
  it; a repeated header row at the top of the continuation is dropped;
- a row cut by the page break (label text at the top of the new page, every
  other cell empty) is merged back into the last row of the previous page.
"""
from __future__ import annotations

from dataclasses import replace

from .modelo import Celda, Documento, Tabla


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _row_texts(table: Tabla, r: int) -> list[str]:
    return [_norm(t) for t in table.textos()[r]]


def _header_rows_repeated(prev: Tabla, nxt: Tabla) -> int:
    """How many leading rows of `nxt` repeat the leading rows of `prev`."""
    n = 0
    while (
        n < min(prev.n_filas, nxt.n_filas, 3)
        and any(_row_texts(nxt, n))
        and _row_texts(prev, n) == _row_texts(nxt, n)
    ):
        n += 1
    return n


def _cut_column(table: Tabla, r: int) -> int | None:
    """The one text column a row cut by the page break continues, if any:
    a single filled cell, not a figure."""
    filled = [k for k, t in enumerate(table.textos()[r]) if t.strip()]
    if len(filled) != 1:
        return None
    text = table.textos()[r][filled[0]]
    return filled[0] if any(ch.isalpha() for ch in text) else None


def _continues(prev: Tabla, nxt: Tabla) -> bool:
    return (
        nxt.paginas
        and prev.paginas
        and nxt.paginas[0] == prev.paginas[-1] + 1
        and nxt.n_columnas == prev.n_columnas
    )


def _append(prev: Tabla, nxt: Tabla) -> Tabla:
    skip = _header_rows_repeated(prev, nxt)
    cells = list(prev.celdas)
    offset = prev.n_filas - skip
    first = skip
    col = _cut_column(nxt, first) if first < nxt.n_filas else None
    if col is not None and not _starts_new_item(prev, nxt, first, col):
        last = prev.n_filas - 1
        target = next((c for c in cells if c.fila <= last < c.fila + c.filas_span and c.columna == col), None)
        piece = next(c for c in nxt.celdas if c.fila == first and c.columna == col)
        if target is not None:
            idx = cells.index(target)
            cells[idx] = replace(target, texto=f"{target.texto}\n{piece.texto}".strip())
            first += 1
            offset -= 1
    for c in nxt.celdas:
        if c.fila >= first:
            cells.append(replace(c, fila=c.fila + offset))
    return Tabla(indice=prev.indice, celdas=cells, filas_encabezado_marcadas=prev.filas_encabezado_marcadas)


def _starts_new_item(prev: Tabla, table: Tabla, r: int, col: int) -> bool:
    """A cut row goes on mid-sentence: its text starts in lower case, or the
    previous row's label stops without closing punctuation. Otherwise the
    label-only row at the top of the page is a row of its own (a heading)."""
    text = table.textos()[r][col].strip()
    first = next((ch for ch in text if ch.isalnum()), "")
    if first.islower():
        return False
    previous = prev.textos()[-1][col].strip()
    return not previous or previous[-1] in ".:;!?)"


def _same_column(grid, k: int) -> bool:
    """Grid columns k and k+1 are one column of the reader's table when no row
    puts two different texts in them and most rows span both with one cell.
    (Ruled PDFs often have header boxes narrower than the body's.)"""
    spanning = 0
    for row in grid:
        a, b = row[k], row[k + 1]
        if a is b:
            spanning += a is not None
        elif a is not None and b is not None and a.texto.strip() and b.texto.strip():
            return False
    return spanning * 2 > len(grid)


def compactar_columnas(tabla: Tabla) -> Tabla:
    grid = tabla.rejilla()
    if not grid or tabla.n_columnas < 2:
        return tabla
    new_index, current = [0], 0
    for k in range(tabla.n_columnas - 1):
        if not _same_column(grid, k):
            current += 1
        new_index.append(current)
    if current == tabla.n_columnas - 1:
        return tabla
    kept: dict[tuple[int, int], Celda] = {}
    for c in tabla.celdas:
        first = new_index[c.columna]
        span = new_index[c.columna + c.columnas_span - 1] - first + 1
        cell = replace(c, columna=first, columnas_span=span)
        key = (c.fila, first)
        if key not in kept or not kept[key].texto.strip():
            kept[key] = cell
    return replace(tabla, celdas=list(kept.values()))


def unir_tablas(doc: Documento) -> Documento:
    blocks = []
    for block in doc.bloques:
        if isinstance(block, Tabla):
            block = compactar_columnas(block)
        if isinstance(block, Tabla) and blocks and isinstance(blocks[-1], Tabla) and _continues(blocks[-1], block):
            blocks[-1] = _append(blocks[-1], block)
        else:
            blocks.append(block)
    index = 0
    for b in blocks:
        if isinstance(b, Tabla):
            index += 1
            b.indice = index
    return replace(doc, bloques=blocks)
