"""Unruled (borderless) tables from word positions.

A line whose words fall into three or more horizontally separated segments is
a candidate table line. Consecutive candidate lines fix the column intervals;
the region grows over neighbouring lines whose segments all fit inside those
intervals (wrapped label lines, multi-line headers). Inside the region a new
row starts at every line with text outside the first column, or after a
vertical gap wider than the normal line spacing; other lines continue the
current row's cells.
"""
from __future__ import annotations

from ..modelo import Celda
from .lineas import Linea, agrupar_lineas

SEGMENT_GAP = 12.0  # points of horizontal white space between two cells
MIN_COLUMNS = 3
MIN_ROWS = 2
ROW_GAP = 0.6  # a gap above this many line heights starts a new row


def _segments(line: Linea) -> list[list[dict]]:
    segs: list[list[dict]] = []
    for w in line.palabras:
        if segs and w["x0"] - segs[-1][-1]["x1"] <= SEGMENT_GAP:
            segs[-1].append(w)
        else:
            segs.append([w])
    return segs


def _span(seg: list[dict]) -> tuple[float, float]:
    return seg[0]["x0"], seg[-1]["x1"]


def _columns(lines: list[Linea]) -> list[list[float]]:
    """Merge the x-intervals of every segment into column intervals."""
    spans = sorted(_span(s) for l in lines for s in _segments(l))
    cols: list[list[float]] = []
    for x0, x1 in spans:
        if cols and x0 <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return cols


def _slots(cols: list[list[float]]) -> list[tuple[float, float]]:
    """The free space each column may grow into: up to its neighbours."""
    out = []
    for k, _ in enumerate(cols):
        left = cols[k - 1][1] + 1 if k else float("-inf")
        right = cols[k + 1][0] - 1 if k + 1 < len(cols) else float("inf")
        out.append((left, right))
    return out


def _fits(line: Linea, cols: list[list[float]]) -> bool:
    slots = _slots(cols)
    for seg in _segments(line):
        x0, x1 = _span(seg)
        if not any(lo <= x0 and x1 <= hi for lo, hi in slots):
            return False
    return True


def _col_of(seg, cols) -> int:
    x0, x1 = _span(seg)
    mid = (x0 + x1) / 2
    return min(range(len(cols)), key=lambda i: 0 if cols[i][0] <= mid <= cols[i][1] else abs(cols[i][0] - mid))


def _region_cells(lines: list[Linea], cols, page_no: int) -> list[Celda]:
    rows: list[dict[int, list[Linea]]] = []
    prev: Linea | None = None
    for line in lines:
        segs = _segments(line)
        by_col: dict[int, list[dict]] = {}
        for seg in segs:
            by_col.setdefault(_col_of(seg, cols), []).extend(seg)
        height = max(line.bottom - line.top, 1.0)
        new_row = (
            not rows
            or any(c > 0 for c in by_col)
            or (prev is not None and line.top - prev.bottom > ROW_GAP * height)
        )
        if new_row:
            rows.append({})
        for c, words in by_col.items():
            rows[-1].setdefault(c, []).append(Linea(words))
        prev = line
    cells = []
    for r, row in enumerate(rows):
        for c in range(len(cols)):
            lines_in = row.get(c, [])
            words = [w for l in lines_in for w in l.palabras]
            bbox = None
            if words:
                bbox = (
                    round(min(w["x0"] for w in words), 2),
                    round(min(w["top"] for w in words), 2),
                    round(max(w["x1"] for w in words), 2),
                    round(max(w["bottom"] for w in words), 2),
                )
            cells.append(
                Celda(texto="\n".join(l.texto for l in lines_in), fila=r, columna=c, pagina=page_no, bbox=bbox)
            )
    return cells


def buscar_tablas(words: list[dict], page_no: int) -> list[tuple[tuple, list[Celda]]]:
    lines = agrupar_lineas(words)
    multi = [len(_segments(l)) >= MIN_COLUMNS for l in lines]
    found = []
    i = 0
    while i < len(lines):
        if not (multi[i] and i + 1 < len(lines) and multi[i + 1]):
            i += 1
            continue
        j = i
        while j + 1 < len(lines) and multi[j + 1]:
            j += 1
        cols = _columns(lines[i : j + 1])
        if len(cols) < MIN_COLUMNS:
            i = j + 1
            continue
        start, end = i, j
        while start > 0 and _fits(lines[start - 1], cols) and len(_segments(lines[start - 1])) > 1:
            start -= 1
        while end + 1 < len(lines) and _fits(lines[end + 1], cols):
            end += 1
        region = lines[start : end + 1]
        cells = _region_cells(region, cols, page_no)
        n_rows = max(c.fila for c in cells) + 1
        if n_rows >= MIN_ROWS:
            bbox = (
                min(l.x0 for l in region) - 1,
                region[0].top - 1,
                max(l.x1 for l in region) + 1,
                region[-1].bottom + 1,
            )
            found.append((bbox, cells))
        i = end + 1
    return found
