"""Tables as a reader sees them: one table across pages, split rows mended.

Works on the document model, whatever the source format:
- a table that directly follows another one on the next page (nothing but
  running headers between them) and has the same number of columns continues
  it; a repeated header row at the top of the continuation is dropped;
- a row cut by the page break (label text at the top of the new page, every
  other cell empty) is merged back into the last row of the previous page;
- so is a row split in two halves by the break (the number and the start of
  the name on one page, the rest of the name and the figures on the next):
  each half lacks cells that the table's rows fill, and the other half has
  them;
- a table too wide for its page that goes on sideways on the next page, the
  same rows identified by their number (extractor/tablas/de_lado.py).
"""
from __future__ import annotations

from dataclasses import replace

from extractor.modelo import Celda, Documento, Tabla
from extractor.tablas.de_lado import continua_de_lado, unir_de_lado


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _rows(table: Tabla) -> list[list[str]]:
    return [[_norm(t) for t in row] for row in table.textos()]


def _header_rows_repeated(head_rows: list[list[str]], rows: list[list[str]]) -> int:
    """How many leading rows of a continuation repeat the table's first rows."""
    n = 0
    while n < min(len(head_rows), len(rows), 3) and any(rows[n]) and head_rows[n] == rows[n]:
        n += 1
    return n


def _cut_column(row: list[str]) -> int | None:
    """The one text column a row cut by the page break continues, if any:
    a single filled cell, not a figure."""
    filled = [k for k, t in enumerate(row) if t.strip()]
    if len(filled) != 1:
        return None
    return filled[0] if any(ch.isalpha() for ch in row[filled[0]]) else None


def _starts_new_item(previous: str, text: str) -> bool:
    """A cut row goes on mid-sentence: its text starts in lower case, or the
    previous row's label stops without closing punctuation. Otherwise the
    label-only row at the top of the page is a row of its own (a heading)."""
    first = next((ch for ch in text.strip() if ch.isalnum()), "")
    if first.islower():
        return False
    previous = previous.strip()
    return not previous or previous[-1] in ".:;!?)"


_FILLED_SHARE = 0.6  # a column most body rows fill is a column every item has


def _filled_columns(rows: list[list[str]]) -> set[int]:
    """Columns that most rows fill (number, name, unit, figures)."""
    if not rows:
        return set()
    width = max(len(r) for r in rows)
    return {k for k in range(width)
            if sum(k < len(r) and bool(r[k].strip()) for r in rows) >= _FILLED_SHARE * len(rows)}


def _halves(previous: list[str], row: list[str], usual: set[int]) -> bool:
    """The last row of a page and the first of the next are two halves of one
    item: each leaves empty a column most rows fill and the other fills it,
    and where both have text it is the name going on (not a figure, not a
    new sentence)."""
    filled_prev = {k for k, t in enumerate(previous) if t.strip()}
    filled_row = {k for k, t in enumerate(row) if t.strip()}
    if not filled_prev or not filled_row:
        return False
    if not (usual - filled_prev) & filled_row or not (usual - filled_row) & filled_prev:
        return False
    if not usual <= filled_prev | filled_row:
        return False  # together they are still not a whole item
    for k in filled_prev & filled_row:
        if not any(ch.isalpha() for ch in row[k]) or _starts_new_item(previous[k], row[k]):
            return False
    return True


def _merge_halves(cells: list[Celda], last: int, tail: list[Celda]) -> list[Celda]:
    """The cells of the last row with the continuation row's cells appended:
    text joined on a new line, empty cells taken from the continuation."""
    cells = list(cells)
    for t in tail:
        target = next((i for i in range(len(cells) - 1, -1, -1)
                       if cells[i].columna == t.columna and cells[i].fila <= last < cells[i].fila + cells[i].filas_span),
                      None)
        if not t.texto.strip():
            continue
        if target is None:
            cells.append(replace(t, fila=last))
        elif cells[target].texto.strip():
            cells[target] = replace(cells[target], texto=f"{cells[target].texto}\n{t.texto}".strip())
        else:
            cells[target] = replace(t, fila=cells[target].fila)
    return cells


def _continues(last: Tabla, nxt: Tabla) -> bool:
    return bool(
        nxt.paginas
        and last.paginas
        and nxt.paginas[0] == last.paginas[-1] + 1
        and nxt.n_columnas == last.n_columnas
    )


def _stitch(pieces: list[Tabla]) -> Tabla:
    """One table from a table and its continuations on the following pages."""
    head = pieces[0]
    head_rows = _rows(head)[:3]
    cells = list(head.celdas)
    n_rows = head.n_filas
    last_row = head.textos()[-1] if n_rows else []
    body_rows = head.textos()[len(head_rows):]
    for piece in pieces[1:]:
        texts = piece.textos()
        first = _header_rows_repeated(head_rows, _rows(piece))
        offset = n_rows - first
        col = _cut_column(texts[first]) if first < len(texts) else None
        if col is not None and not _starts_new_item(last_row[col], texts[first][col]):
            target = next((i for i in range(len(cells) - 1, -1, -1)
                           if cells[i].columna == col and cells[i].fila <= n_rows - 1 < cells[i].fila + cells[i].filas_span),
                          None)
            if target is not None:
                tail = next(c for c in piece.celdas if c.fila == first and c.columna == col)
                cells[target] = replace(cells[target], texto=f"{cells[target].texto}\n{tail.texto}".strip())
                first += 1
                offset -= 1
        elif first < len(texts) and n_rows and _halves(
                last_row, texts[first], _filled_columns(body_rows + texts[first + 1:])):
            cells = _merge_halves(cells, n_rows - 1, [c for c in piece.celdas if c.fila == first])
            first += 1
            offset -= 1
        cells.extend(replace(c, fila=c.fila + offset) for c in piece.celdas if c.fila >= first)
        n_rows = max(n_rows, offset + piece.n_filas)
        last_row = texts[-1] if len(texts) > first else last_row
    return Tabla(indice=head.indice, celdas=cells, filas_encabezado_marcadas=head.filas_encabezado_marcadas)


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


def _joined_sideways(blocks: list) -> list:
    """Blocks with each table continued sideways on the next page (extractor/tablas/de_lado.py)
    joined to its table; text between the two (notes, titles) stays."""
    salida: list = []
    ultima = None  # position of the last table in `salida`
    for block in blocks:
        if isinstance(block, Tabla) and ultima is not None and continua_de_lado(salida[ultima], block):
            salida[ultima] = unir_de_lado(salida[ultima], block)
            continue
        if isinstance(block, Tabla):
            ultima = len(salida)
        salida.append(block)
    return salida


def unir_tablas(doc: Documento) -> Documento:
    groups: list[list[Tabla]] = []
    blocks: list = []
    for block in doc.bloques:
        if isinstance(block, Tabla):
            block = compactar_columnas(block)
            if blocks and blocks[-1] is None and _continues(groups[-1][-1], block):
                groups[-1].append(block)
                continue
            groups.append([block])
            blocks.append(None)  # placeholder: the stitched group goes here
        else:
            blocks.append(block)
    stitched = iter(_stitch(g) for g in groups)
    blocks = _joined_sideways([next(stitched) if b is None else b for b in blocks])
    for index, table in enumerate((b for b in blocks if isinstance(b, Tabla)), start=1):
        table.indice = index
    return replace(doc, bloques=blocks)
