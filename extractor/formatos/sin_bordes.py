"""Unruled (borderless) tables from word positions.

A line is cut into segments at every horizontal gap wider than
`SEGMENT_GAP`, and between two adjacent words that are each a whole number
(``-1.203.409,92 18.236.341,93`` are two cells however close they are
printed; ``45 km`` or ``$ 1.234`` stay one). A line with three or more
segments is a body line. A region starts at a body line and goes on through
the lines below while they keep its column structure: further body lines
that do not merge two of its columns, and lines with fewer segments (section
headings, wrapped labels) that fit inside its columns, as long as a body
line follows them. The header lines directly above the first body line
belong to the region when their words fit the columns (a header cell may be
printed closer to its neighbour than `SEGMENT_GAP`: a segment is cut where
its words fall in different columns with a word gap wider than a space).
A ruled table between two lines ends a region: nothing crosses it.

Column intervals are the merged x-intervals of the body lines' segments.
Lines printed beside one another (figures set a little lower than their
label) are one line. Inside the region a line continues the current row
when it follows it closely with text only in the first column or under the
row's text cells (a wrapped cell); any other line starts a new row.

A table of two columns (a label and one figure: "Sector | Inversión
ejecutada") has lines of only two segments, which prose and lists also
have; it is read when at least `MIN_PAIR_ROWS` lines in a row are a label
and one figure whose right edges line up (a right-aligned figure column),
with the header lines above them that fit its two columns.
"""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from extractor.modelo import Celda
from extractor.castellano.numeros import parse_numero
from extractor.formatos.lineas import Linea, agrupar_lineas

SEGMENT_GAP = 12.0  # points of horizontal white space between two cells
WORD_GAP = 0.5  # line heights: a wider gap between two words is more than a space
MIN_COLUMNS = 3
MIN_ROWS = 2
MAX_HEADER_LINES = 3  # text lines above the first line with figures that may be its header
ROW_GAP = 0.6  # a gap above this many line heights starts a new row
MIN_PAIR_ROWS = 3  # label-and-figure lines that make a two-column table
PAIR_ALIGN = 3.0  # points: right edges of a figure column's cells agree this closely
OVER_GAP = 1.5  # line heights: at most this white space under an upper header line wider than its column


def _es_cifra(word: dict) -> bool:
    return _is_number(word["text"])


@lru_cache(maxsize=4096)
def _is_number(text: str) -> bool:
    return parse_numero(text) is not None


@lru_cache(maxsize=4096)
def es_cifra_no_anio(text: str) -> bool:
    """A figure, not a bare year ("Meta 2024" over "Logro 2024" is a header
    line: its years name columns, they are not figures of a row)."""
    n = parse_numero(text)
    return n is not None and not (float(n.valor).is_integer() and 1990 <= n.valor <= 2040 and "." not in n.texto)


def _segments(line: Linea) -> list[list[dict]]:
    segs: list[list[dict]] = []
    for w in line.palabras:
        if segs and w["x0"] - segs[-1][-1]["x1"] <= SEGMENT_GAP and not (_es_cifra(w) and _es_cifra(segs[-1][-1])):
            segs[-1].append(w)
        else:
            segs.append([w])
    return segs


def _span(seg: list[dict]) -> tuple[float, float]:
    return seg[0]["x0"], seg[-1]["x1"]


def _columns(lines: list[Linea], cols: Sequence[Sequence[float]] = ()) -> list[list[float]]:
    """Merge the x-intervals of every segment (and the intervals `cols`)
    into column intervals."""
    return _merged([(c[0], c[1]) for c in cols] + [_span(s) for l in lines for s in _segments(l)])


def _merged(spans: list[tuple[float, float]]) -> list[list[float]]:
    cols: list[list[float]] = []
    for x0, x1 in sorted(spans):
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


def _col_of(x0: float, x1: float, cols) -> int:
    """The column an x-span overlaps most; the nearest one when it overlaps none."""
    best, best_distance = 0, float("inf")
    for k, (c0, c1) in enumerate(cols):
        overlap = min(x1, c1) - max(x0, c0)
        distance = -overlap if overlap > 0 else max(c0 - x1, x0 - c1)
        if distance < best_distance:
            best, best_distance = k, distance
    return best


def _pieces(line: Linea, cols) -> list[list[dict]]:
    """The line's segments, each cut where two of its words are more than a
    space apart and fall in different columns, or where that gap lies in
    the white space between two columns and the rest of the segment
    reaches the next one ("Acumulado  % de cumplimiento" over two columns:
    the "%" is nearer the first one, the words after it are over the
    second)."""
    wide = WORD_GAP * max(line.bottom - line.top, 1.0)
    out = []
    for seg in _segments(line):
        out.append([seg[0]])
        for prev, w in zip(seg, seg[1:]):
            if w["x0"] - prev["x1"] > wide and (
                    _col_of(w["x0"], w["x1"], cols) != _col_of(*_span(out[-1]), cols)
                    or _between_columns(prev["x1"], w["x0"], seg[-1]["x1"], _col_of(*_span(out[-1]), cols), cols)):
                out.append([w])
            else:
                out[-1].append(w)
    return out


def _between_columns(x0: float, x1: float, end: float, k: int, cols) -> bool:
    """The gap x0..x1 lies in the white space after column k, and `end`
    reaches into column k + 1."""
    if k + 1 >= len(cols):
        return False
    mid = (x0 + x1) / 2
    return cols[k][1] <= mid <= cols[k + 1][0] and end > cols[k + 1][0]


def _fits(line: Linea, cols: list[list[float]], over: bool = False) -> bool:
    """Every piece of the line lies in one column's free space; with `over`,
    a piece may also lie over several columns right of the first one."""
    slots = _slots(cols)
    for piece in _pieces(line, cols):
        x0, x1 = _span(piece)
        if not any(lo <= x0 and x1 <= hi for lo, hi in slots) and not (over and x0 > cols[0][1]):
            return False
    return True


def _fits_over(line: Linea, below: Linea, cols: list[list[float]]) -> bool:
    """A header line that fits the columns, or whose wider cells lie over
    several columns right of the first one ("Seguimiento primer semestre
    2024" centred over "Programado | Ejecutado | % ejec."), set close above
    the header line `below`."""
    height = max(line.bottom - line.top, 1.0)
    return _fits(line, cols) or (below.top - line.bottom <= OVER_GAP * height and _fits(line, cols, over=True))


def _beside(line: Linea, prev: Linea) -> bool:
    """`line` is printed beside `prev`, not under it: its middle within
    prev's height, and no word of one over a word of the other."""
    if not prev.top <= (line.top + line.bottom) / 2 <= prev.bottom:
        return False
    return not any(w["x0"] < p["x1"] and p["x0"] < w["x1"] for w in line.palabras for p in prev.palabras)


def _side_by_side(lines: list[Linea]) -> list[Linea]:
    """Lines printed beside one another are one line (figures set a little
    lower than their label fall in a line of their own)."""
    out: list[Linea] = []
    for line in lines:
        if out and _beside(line, out[-1]):
            out[-1] = Linea(sorted(out[-1].palabras + line.palabras, key=lambda w: w["x0"]))
        else:
            out.append(line)
    return out


def _same_row(line: Linea, prev: Linea | None, by_col: dict[int, list[dict]], row: dict[int, list[Linea]]) -> bool:
    """A line goes on the row of the line above when it follows it closely
    with text only under the row's label or text cells (a wrapped cell)."""
    if prev is None or line.top - prev.bottom > ROW_GAP * max(line.bottom - line.top, 1.0):
        return False
    if any(_is_figure(Linea(words)) for words in by_col.values()):
        return False
    return all(c == 0 or (c in row and not any(_is_figure(l) for l in row[c])) for c in by_col)


def _is_figure(line: Linea) -> bool:
    return _is_number(line.texto)


def _region_cells(lines: list[Linea], cols, page_no: int) -> list[Celda]:
    rows: list[dict[int, list[Linea]]] = []
    prev: Linea | None = None
    for line in lines:
        by_col: dict[int, list[dict]] = {}
        for piece in _pieces(line, cols):
            by_col.setdefault(_col_of(*_span(piece), cols), []).extend(piece)
        if not rows or not _same_row(line, prev, by_col, rows[-1]):
            rows.append({})
        for c, words in by_col.items():
            rows[-1].setdefault(c, []).append(Linea(words))
        prev = line
    spans = _header_spans(rows, cols)
    cells = []
    for r, row in enumerate(rows):
        c = 0
        while c < len(cols):
            width, own = spans.get((r, c), (1, c))
            lines_in = row.get(own, [])
            words = [w for l in lines_in for w in l.palabras]
            bbox = None
            if words:
                bbox = (
                    round(min(w["x0"] for w in words), 2),
                    round(min(w["top"] for w in words), 2),
                    round(max(w["x1"] for w in words), 2),
                    round(max(w["bottom"] for w in words), 2),
                )
            cells.append(Celda(texto="\n".join(l.texto for l in lines_in), fila=r, columna=c, pagina=page_no,
                               bbox=bbox, columnas_span=width))
            c += width
    return cells


def _header_rows(rows: list[dict[int, list[Linea]]]) -> int:
    """How many rows come before the first row with a figure."""
    for r, row in enumerate(rows):
        if any(es_cifra_no_anio(w["text"]) for ls in row.values() for l in ls for w in l.palabras):
            return r
    return 0


def _widened(cols, rows: list[dict[int, list[Linea]]]) -> list[list[float]]:
    """The column intervals widened to the header words the rows print in
    them ("Programado" is wider than the figures under it)."""
    out = [list(c) for c in cols]
    for row in rows:
        for c, lines_in in row.items():
            for l in lines_in:
                out[c] = [min(out[c][0], l.x0), max(out[c][1], l.x1)]
    return out


def _lanes(cols) -> list[tuple[float, float]]:
    """Each column's lane: its interval and half the white space to each
    neighbour (a right-aligned column's cell starts well left of its text);
    the first and last columns as much outwards as inwards."""
    out = []
    for k, (x0, x1) in enumerate(cols):
        left = (cols[k - 1][1] + x0) / 2 if k else None
        right = (x1 + cols[k + 1][0]) / 2 if k + 1 < len(cols) else None
        if left is None:
            left = x0 - (right - x1 if right is not None else 0.0)
        if right is None:
            right = x1 + (x0 - left)
        out.append((left, right))
    return out


def _header_spans(rows: list[dict[int, list[Linea]]], cols) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, first column) -> (columns spanned, column holding the text), for
    the upper header cells printed over several lower headers ("Vigencia
    2024" centred over "Meta | Logro | % cumpl.", "Meta" centred over "2024 |
    2025"). An upper cell spans adjacent columns around its own that have no
    header of their own at its level or above, have one in the lowest header
    row and are nearer it than any other upper cell: the fewest whose lanes
    hold its text with their middle near its middle. When its own column's
    lane alone holds it (a short "Año 2024"), only a group whose lower
    headers repeat those of another upper cell's group ("Programada |
    Alcanzada | % logro" under each year)."""
    n_header = _header_rows(rows)
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    if n_header < 2:
        return spans
    lowest = rows[n_header - 1]
    for r in range(n_header - 1):
        free = {c for c in range(len(cols))
                if c in lowest and not any(c in rows[q] for q in range(r + 1))}
        lanes = _lanes(_widened(cols, rows[r + 1:n_header]))
        uppers = {k: (min(l.x0 for l in ls), max(l.x1 for l in ls)) for k, ls in rows[r].items()}
        texts = {c: " ".join(l.texto for l in lowest[c]).lower() for c in free}
        for k, (first, last) in _groups(uppers, free, lanes, texts).items():
            spans[(r, first)] = (last - first + 1, k)
    return spans


Grupo = tuple[int, int]  # first and last column


def _groups(uppers: dict[int, tuple[float, float]], free: set[int], lanes,
            texts: dict[int, str]) -> dict[int, Grupo]:
    """The group of columns each upper header cell of one level spans (see
    `_header_spans`); no column in two groups."""
    strong: list[tuple[int, list[Grupo]]] = []
    weak: list[tuple[int, list[Grupo]]] = []
    for k, (x0, x1) in uppers.items():
        mine = {c for c in free if _nearest(lanes[c], uppers) == k}
        alone, options = _centred_groups(x0, x1, k, mine, lanes)
        if options:
            (weak if alone else strong).append((k, options))

    def columns(g: Grupo) -> set[int]:
        return set(range(g[0], g[1] + 1))

    def lower(g: Grupo) -> list[str]:
        return [texts.get(c, "") for c in range(g[0], g[1] + 1)]

    chosen: dict[int, Grupo] = {}
    taken: set[int] = set()
    for k, options in strong + weak:
        if (k, options) in weak:  # only beside a group with the same lower headers
            others = list(chosen.values()) + [g for j, opts in weak if j != k for g in opts]
            options = [g for g in options if any(lower(g) == lower(o) and not columns(o) & columns(g) for o in others)]
        group = next((g for g in options if not taken & columns(g)), None)
        if group is not None:
            taken |= columns(group)
            chosen[k] = group
    return chosen


def _nearest(lane: tuple[float, float], uppers: dict[int, tuple[float, float]]) -> int | None:
    """The upper header cell nearest a lane (None on a tie)."""
    gaps = sorted((max(x0 - lane[1], lane[0] - x1, 0.0), k) for k, (x0, x1) in uppers.items())
    if len(gaps) > 1 and gaps[1][0] - gaps[0][0] < 1.0:
        return None
    return gaps[0][1]


CENTRED = 0.35  # lane widths: how far a group's middle may be from its header's


def _centred_groups(x0: float, x1: float, k: int, free: set[int], lanes) -> tuple[bool, list[Grupo]]:
    """Whether column k's lane alone holds x0..x1, and (first, last) of the
    groups of adjacent columns, column k and free ones around it, whose
    lanes hold x0..x1 and whose middle is near x0..x1's, fewest columns
    first, best centred first among as many."""
    tolerance = 1.0
    middle = (x0 + x1) / 2
    lo, hi = k, k
    while lo - 1 in free:
        lo -= 1
    while hi + 1 in free:
        hi += 1
    groups = []
    alone = False
    for a in range(lo, k + 1):
        for b in range(k, hi + 1):
            left, right = lanes[a][0], lanes[b][1]
            if not (left - tolerance <= x0 and x1 <= right + tolerance):
                continue
            if a == b:
                alone = True
                continue
            distance = abs((left + right) / 2 - middle)
            if distance <= CENTRED * (right - left) / (b - a + 1):
                groups.append((b - a, distance, a, b))
    return alone, [(a, b) for _, _, a, b in sorted(groups)]


def _body_end(lines: list[Linea], multi: list[bool], figures: list[bool], band: list[int],
              i: int) -> tuple[int, list]:
    """(last line, column intervals) of the region whose first body line is i:
    body lines that keep its columns, and the fitting lines between them and
    after the last one (-1: no second body line). When line i has figures,
    only body lines with figures shape the columns."""
    cols = _columns([lines[i]])  # made of the body lines that shape the columns
    end, n_body = i, 1
    for j in range(i + 1, len(lines)):
        if band[j] != band[i]:
            break
        if multi[j]:
            merged = _columns([lines[j]], cols)
            if len(merged) >= len(cols) and (figures[j] or not figures[i]):  # no two columns merged
                cols = merged
            elif not _fits(lines[j], cols):
                break
            end, n_body = j, n_body + 1
        elif _fits(lines[j], cols):
            end = j
        else:
            break
    return (end if n_body >= 2 else -1), cols


def _header_start(lines: list[Linea], band: list[int], start: int, cols, headed: bool, floor: int) -> int:
    """First line of the header lines above body line `start` (not above
    `floor`): the topmost of the fitting lines right above it that has more
    than one cell (section headings below it come along). Under a ruled
    header (`headed`), every fitting line between it and the body."""
    first = top = start
    while first > floor and band[first - 1] == band[start] and (
            _fits(lines[first - 1], cols)
            or (start - first < MAX_HEADER_LINES and _fits_over(lines[first - 1], lines[first], cols))):
        first -= 1
        if len(_pieces(lines[first], cols)) > 1:
            top = first
    if headed and (first == 0 or band[first - 1] != band[start]):
        return first
    return top


def _figure_seed(multi: list[bool], figures: list[bool], band: list[int], i: int) -> int:
    """The first body line with figures at most MAX_HEADER_LINES below body
    line i (i itself when none): text-only lines above figures are header
    lines, and header words are no guide to the figures' columns."""
    for k in range(i, min(i + MAX_HEADER_LINES + 1, len(multi))):
        if band[k] != band[i]:
            break
        if multi[k] and figures[k]:
            return k
    return i


def _region(lines, multi, figures, band, i: int, floor: int, headed: bool) -> tuple[int, int, list]:
    """(first line, last line, columns) of the region found from body line i."""
    seed = _figure_seed(multi, figures, band, i)
    end, cols = _body_end(lines, multi, figures, band, seed)
    start = _header_start(lines, band, seed, cols, headed, floor)
    if end < 0 or start > i:  # the lines above the figures are not a header of their columns
        end, cols = _body_end(lines, multi, figures, band, i)
        start = _header_start(lines, band, i, cols, headed, floor)
    return start, end, cols


def _bands(lines: list[Linea], barreras: list[float]) -> list[int]:
    """For each line, how many barriers (y of a ruled table's edge) lie above it."""
    ys = sorted(barreras)
    return [bisect_right(ys, line.top) for line in lines]


def buscar_tablas(words: list[dict], page_no: int, barreras: Sequence[float] = (),
                  cabeceras: Sequence[float] = ()) -> list[tuple[tuple, list[Celda]]]:
    """Borderless tables of a page's free words: (bbox, cells) each. `barreras`
    are y positions (ruled tables' top and bottom) no table may cross;
    `cabeceras` the bottoms of the ruled tables that may be the header of a
    borderless body below them."""
    lines = _side_by_side(agrupar_lineas(words))
    multi = [len(_segments(l)) >= MIN_COLUMNS for l in lines]
    band = _bands(lines, list(barreras))
    bottoms = sorted(barreras)
    headed = {k + 1 for k, y in enumerate(bottoms) if y in cabeceras}  # bands right under a header
    figures = [any(len(s) == 1 and es_cifra_no_anio(s[0]["text"]) for s in _segments(l)) for l in lines]
    found = []
    i = floor = 0
    while i < len(lines):
        if not multi[i]:
            i += 1
            continue
        start, end, cols = _region(lines, multi, figures, band, i, floor, band[i] in headed)
        if end < 0 or len(cols) < MIN_COLUMNS:
            i += 1
            continue
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
        i = floor = end + 1
    return found + _tablas_de_pares(lines, band, found, page_no)


def _par(line: Linea) -> bool:
    """A label and one figure: two segments, the first with letters, the
    second a figure, not a bare year ("Educación   $ 48'612.337.450")."""
    segs = _segments(line)
    if len(segs) != 2 or not any(ch.isalpha() for w in segs[0] for ch in w["text"]):
        return False
    texto = " ".join(w["text"] for w in segs[1])
    return parse_numero(texto) is not None and (len(segs[1]) > 1 or es_cifra_no_anio(texto))


def _tablas_de_pares(lines: list[Linea], band: list[int], found: list, page_no: int) -> list[tuple[tuple, list[Celda]]]:
    """Two-column tables (label | figure) among the lines no other table took."""
    tomadas = [(b[1], b[3]) for b, _ in found]
    libre = [not any(t <= (l.top + l.bottom) / 2 <= b for t, b in tomadas) for l in lines]
    pares = [libre[k] and _par(l) for k, l in enumerate(lines)]
    out = []
    i = floor = 0
    while i < len(lines):
        if not pares[i]:
            i += 1
            continue
        start, end, cols = _region(lines, pares, pares, band, i, floor, False)
        while end > i and not pares[end]:
            end -= 1  # the table ends at its last label-and-figure line: prose below it fits its first column
        cuerpo = [l for k, l in enumerate(lines[i:end + 1], start=i) if pares[k]] if end >= 0 else []
        derechos = [_segments(l)[-1][-1]["x1"] for l in cuerpo]
        if (end < 0 or len(cols) != 2 or len(cuerpo) < MIN_PAIR_ROWS or not all(libre[start:end + 1])
                or max(derechos) - min(derechos) > PAIR_ALIGN):
            i += 1
            continue
        region = lines[start:end + 1]
        cells = _region_cells(region, cols, page_no)
        bbox = (min(l.x0 for l in region) - 1, region[0].top - 1, max(l.x1 for l in region) + 1, region[-1].bottom + 1)
        out.append((bbox, cells))
        i = floor = end + 1
    return out
