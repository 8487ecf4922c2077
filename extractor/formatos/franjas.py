"""Tables drawn as coloured bands, one per row, without cell rulings.

A report may draw its table as filled rectangles as wide as the table: a
dark band behind the header and a light band behind every other row (the
rows between them left white), with no line between columns. A ruling-based
table finder returns one table per band, or per group of bands that touch,
each of one column: whole lines of text, not cells.

The bands are the rows: bands of the same width stacked one under the other
with gaps no taller than a row are one table, and each gap that holds words
is a row of its own (the white stripe). The first band is the header (it
holds no figure); a table whose header is printed above its bands, or whose
white gaps hold several rows, is read from the words' positions alone
(`sin_bordes`). The columns are the white space
that runs from the top to the bottom of the body: the x-intervals covered
by the words of the body rows (the rows under the first one, the header)
merged where they are closer than the space between two words. A body row
that is one run of text across columns (a programme's heading) is one cell
as wide as the table.

`tablas_de_franjas` gives each such table as a frame and cell boxes, the
shape the rest of the PDF reader takes from a ruled table.
"""

from __future__ import annotations

from statistics import median

from extractor.formatos import sin_bordes
from extractor.formatos.cajas import sin_marcos
from extractor.formatos.lineas import agrupar_lineas

from esquemas import umbrales

_U = umbrales("franjas")  # esquemas/disposicion.yaml

MIN_CELDA = _U["min_celda"]  # points: edges closer than this are the same
MAX_FILA_BLANCA = _U[
    "max_fila_blanca"
]  # a white row between two bands: at most this many times the taller band's height
MAX_HUECO_FILA = _U["max_hueco_fila"]  # a white row is at most this many times the tallest band's height
ESPACIO_PALABRAS = _U["espacio_palabras"]  # line heights: wider white space than this between words parts two columns
MIN_FILAS_CUERPO = _U["min_filas_cuerpo"]  # rows in columns that shape the columns


def _centro_dentro(w: dict, caja: tuple) -> bool:
    cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    return caja[0] <= cx <= caja[2] and caja[1] <= cy <= caja[3]


def _bandas(celdas: list) -> list[tuple] | None:
    """The cells of a found table when each is as wide as the table: its
    bands, top to bottom; None when the table has columns."""
    cajas = sin_marcos([tuple(c) for c in celdas])
    x0, x1 = min(b[0] for b in cajas), max(b[2] for b in cajas)
    if any(b[0] > x0 + MIN_CELDA or b[2] < x1 - MIN_CELDA for b in cajas):
        return None
    return sorted(cajas, key=lambda b: b[1])


def _grupos(bandas: list[tuple[int, tuple]]) -> list[list[tuple[int, tuple]]]:
    """Bands of the same width stacked with gaps no taller than a row."""
    grupos: list[list[tuple[int, tuple]]] = []
    for k, b in sorted(bandas, key=lambda kb: kb[1][1]):
        for g in grupos:
            _, u = g[-1]
            alto = max(u[3] - u[1], b[3] - b[1])
            if (
                abs(u[0] - b[0]) <= MIN_CELDA
                and abs(u[2] - b[2]) <= MIN_CELDA
                and -MIN_CELDA <= b[1] - u[3] <= MAX_FILA_BLANCA * alto
            ):
                g.append((k, b))
                break
        else:
            grupos.append([(k, b)])
    return grupos


def _filas(bandas: list[tuple], palabras: list[dict]) -> list[tuple[tuple, list[dict]]]:
    """(box, words) of each row: the bands and the white gaps with words."""
    filas = []
    for i, b in enumerate(bandas):
        if i:
            u = bandas[i - 1]
            if b[1] - u[3] > MIN_CELDA:
                hueco = (b[0], u[3], b[2], b[1])
                dentro = [w for w in palabras if _centro_dentro(w, hueco)]
                if dentro:
                    filas.append((hueco, dentro))
        filas.append((b, [w for w in palabras if _centro_dentro(w, b)]))
    return filas


def _columnas(filas: list[tuple[tuple, list[dict]]]) -> list[tuple[float, float]]:
    """x-intervals of the body's columns: the words of the body rows set in
    columns (three runs of text or more), merged where closer than the space
    between two words."""
    cuerpo = [
        ws
        for _, ws in filas[1:]
        if ws and any(len(sin_bordes._segmentos(l)) >= sin_bordes.MIN_COLUMNAS for l in agrupar_lineas(ws))
    ]
    if len(cuerpo) < MIN_FILAS_CUERPO:
        return []
    palabras = [w for ws in cuerpo for w in ws]
    espacio = ESPACIO_PALABRAS * median(w["bottom"] - w["top"] for w in palabras)
    cols: list[list[float]] = []
    for w in sorted(palabras, key=lambda w: w["x0"]):
        if cols and w["x0"] - cols[-1][1] <= espacio:
            cols[-1][1] = max(cols[-1][1], w["x1"])
        else:
            cols.append([w["x0"], w["x1"]])
    return [(c[0], c[1]) for c in cols]


def _de_corrido(ws: list[dict], cortes: list[float]) -> bool:
    """One run of text that crosses the white space between two columns."""
    lineas = agrupar_lineas(ws)
    return all(len(sin_bordes._segmentos(l)) == 1 for l in lineas) and any(
        w["x0"] < x < w["x1"] for w in ws for x in cortes
    )


def tablas_de_franjas(
    tablas: list, solas: list[tuple], palabras: list[dict]
) -> tuple[list[tuple[tuple, list[tuple]]], list]:
    """([(frame, cell boxes)] of the tables drawn as bands, the found tables
    that are not bands of one). `solas` are the cells the table finder left
    out of every table (a band on its own). Bands whose words are not set
    in columns are left out of both (their words are read as text or by the
    unruled table reader)."""
    bandas = [(k, b) for k, t in enumerate(tablas) if (bs := _bandas(t.cells)) for b in bs]
    bandas += [(-1, b) for b in solas]
    usadas: set[int] = set()
    salida = []
    for grupo in _grupos(bandas):
        filas = _filas([b for _, b in grupo], palabras)
        cols = _columnas(filas) if _cabecera_y_filas(grupo, filas) else []
        if len(cols) < sin_bordes.MIN_COLUMNAS:
            if _en_columnas(filas):
                usadas.update(k for k, _ in grupo)  # striped, but no clean columns: the unruled reader
            continue
        usadas.update(k for k, _ in grupo)
        x0, x1 = grupo[0][1][0], grupo[0][1][2]
        bordes = [x0] + [(a[1] + b[0]) / 2 for a, b in zip(cols, cols[1:])] + [x1]
        cajas = []
        for caja, ws in filas:
            if ws and caja is not filas[0][0] and _de_corrido(ws, bordes[1:-1]):
                cajas.append(caja)
            else:
                cajas.extend((a, caja[1], b, caja[3]) for a, b in zip(bordes, bordes[1:]))
        salida.append(((x0, filas[0][0][1], x1, filas[-1][0][3]), cajas))
    return salida, [t for k, t in enumerate(tablas) if k not in usadas]


def _cabecera_y_filas(grupo: list[tuple[int, tuple]], filas: list[tuple[tuple, list[dict]]]) -> bool:
    """The bands are a whole table, header included, one row each: the first
    band holds no figure (the header; a table whose header is printed above
    its bands is not this class) and no white gap is much taller than the
    tallest band (a gap that holds several rows, a group's heading among
    them)."""
    if not filas[0][1] or any(sin_bordes.es_cifra_no_anio(w["text"]) for w in filas[0][1]):
        return False
    alto = max(b[3] - b[1] for _, b in grupo)
    bandas = {b for _, b in grupo}
    return all(caja in bandas or caja[3] - caja[1] <= MAX_HUECO_FILA * alto for caja, _ in filas)


def _en_columnas(filas: list[tuple[tuple, list[dict]]]) -> bool:
    lineas = [l for _, ws in filas for l in agrupar_lineas(ws)]
    return sum(len(sin_bordes._segmentos(l)) >= sin_bordes.MIN_COLUMNAS for l in lineas) >= 2
