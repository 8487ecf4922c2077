"""Unruled (borderless) tables from word positions.

A line is cut into segments at every horizontal gap wider than
`HUECO_SEGMENTO`, and between two adjacent words that are each a whole number
(``-1.203.409,92 18.236.341,93`` are two cells however close they are
printed; ``45 km`` or ``$ 1.234`` stay one). A line with three or more
segments is a body line. A region starts at a body line and goes on through
the lines below while they keep its column structure: further body lines
that do not merge two of its columns, and lines with fewer segments (section
headings, wrapped labels) that fit inside its columns, as long as a body
line follows them. The header lines directly above the first body line
belong to the region when their words fit the columns (a header cell may be
printed closer to its neighbour than `HUECO_SEGMENTO`: a segment is cut where
its words fall in different columns with a word gap wider than a space).
A ruled table between two lines ends a region: nothing crosses it.

Column intervals are the merged x-intervals of the body lines' segments.
Lines printed beside one another (figures set a little lower than their
label) are one line. Inside the region a line continues the current row
when it follows it closely with text only in the first column or under the
row's text cells (a wrapped cell) and does not open with an item code
("12.1.03.00") where the row's label opened with one; any other line starts
a new row.

A table of two columns (a label and one figure: "Sector | Inversión
ejecutada") has lines of only two segments, which prose and lists also
have; it is read when at least `MIN_FILAS_PAR` lines in a row are a label
and one figure whose right edges line up (a right-aligned figure column),
with the header lines above them that fit its two columns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import lru_cache

from extractor.modelo import Celda
from extractor.castellano.numeros import es_codigo_numerico, leer_numero
from esquemas import cargar_yaml
from extractor.castellano import palabras as castellano
from extractor.formatos.lineas import Linea, agrupar_lineas

from esquemas import umbrales

_U = umbrales("sin_bordes")
ENLACES = frozenset(castellano.lista("palabras_de_enlace"))  # esquemas/castellano.yaml  # esquemas/disposicion.yaml

HUECO_SEGMENTO = _U["hueco_segmento"]  # points of horizontal white space between two cells
HUECO_PALABRA = _U["hueco_palabra"]  # line heights: a wider gap between two words is more than a space
MIN_COLUMNAS = _U["min_columnas"]
MIN_FILAS = _U["min_filas"]
MAX_LINEAS_ENCABEZADO = _U[
    "max_lineas_encabezado"
]  # text lines above the first line with figures that may be its header
HUECO_FILA = _U["hueco_fila"]  # a gap above this many line heights starts a new row
MIN_FILAS_PAR = _U["min_filas_par"]  # label-and-figure lines that make a two-column table
ALINEACION_PAR = _U["alineacion_par"]  # points: right edges of a figure column's cells agree this closely
HUECO_ENCIMA = _U[
    "hueco_encima"
]  # line heights: at most this white space under an upper header line wider than its column


def _es_cifra(palabra: dict) -> bool:
    return _es_numero(palabra["text"])


@lru_cache(maxsize=4096)
def _es_numero(texto: str) -> bool:
    return leer_numero(texto) is not None


@lru_cache(maxsize=4096)
def es_cifra_no_anio(texto: str) -> bool:
    """A figure, not a bare year ("Meta 2024" over "Logro 2024" is a header
    line: its years name columns, they are not figures of a row)."""
    n = leer_numero(texto)
    return n is not None and not (float(n.valor).is_integer() and 1990 <= n.valor <= 2040 and "." not in n.texto)


def _segmentos(linea: Linea) -> list[list[dict]]:
    segmentos: list[list[dict]] = []
    for w in linea.palabras:
        if (
            segmentos
            and w["x0"] - segmentos[-1][-1]["x1"] <= HUECO_SEGMENTO
            and not (_es_cifra(w) and _es_cifra(segmentos[-1][-1]))
        ):
            segmentos[-1].append(w)
        else:
            segmentos.append([w])
    return segmentos


def _extension(segmento: list[dict]) -> tuple[float, float]:
    return segmento[0]["x0"], segmento[-1]["x1"]


def _columnas(lineas: list[Linea], cols: Sequence[Sequence[float]] = ()) -> list[list[float]]:
    """Merge the x-intervals of every segment (and the intervals `cols`)
    into column intervals. A currency sign set apart at the left of its
    figure ("$     187.452.310", as accounting formats print it) does not
    widen the figure's column towards the labels."""
    return _fundidas([(c[0], c[1]) for c in cols] + [_extension(_sin_moneda(s)) for l in lineas for s in _segmentos(l)])


MONEDAS = frozenset(cargar_yaml("encabezados.yaml")["moneda_sin_escala"])  # "$", "pesos", "cop"


def _sin_moneda(segmento: list[dict]) -> list[dict]:
    return segmento[1:] if len(segmento) > 1 and segmento[0]["text"].casefold() in MONEDAS else segmento


def _fundidas(extensiones: list[tuple[float, float]]) -> list[list[float]]:
    cols: list[list[float]] = []
    for x0, x1 in sorted(extensiones):
        if cols and x0 <= cols[-1][1]:
            cols[-1][1] = max(cols[-1][1], x1)
        else:
            cols.append([x0, x1])
    return cols


def _ranuras(cols: list[list[float]]) -> list[tuple[float, float]]:
    """The free space each column may grow into: up to its neighbours."""
    salida = []
    for k, _ in enumerate(cols):
        izquierda = cols[k - 1][1] + 1 if k else float("-inf")
        derecha = cols[k + 1][0] - 1 if k + 1 < len(cols) else float("inf")
        salida.append((izquierda, derecha))
    return salida


def _columna_de(x0: float, x1: float, cols) -> int:
    """The column an x-span overlaps most; the nearest one when it overlaps none."""
    mejor, mejor_distancia = 0, float("inf")
    for k, (c0, c1) in enumerate(cols):
        solape = min(x1, c1) - max(x0, c0)
        distancia = -solape if solape > 0 else max(c0 - x1, x0 - c1)
        if distancia < mejor_distancia:
            mejor, mejor_distancia = k, distancia
    return mejor


def _piezas(linea: Linea, cols) -> list[list[dict]]:
    """The line's segments, each cut where two of its words are more than a
    space apart and fall in different columns, or where that gap lies in
    the white space between two columns and the rest of the segment
    reaches the next one ("Acumulado  % de cumplimiento" over two columns:
    the "%" is nearer the first one, the words after it are over the
    second)."""
    ancha = HUECO_PALABRA * max(linea.bottom - linea.top, 1.0)
    salida = []
    for segmento in _segmentos(linea):
        salida.append([segmento[0]])
        for anterior, w in zip(segmento, segmento[1:]):
            if w["x0"] - anterior["x1"] > ancha and (
                _columna_de(w["x0"], w["x1"], cols) != _columna_de(*_extension(salida[-1]), cols)
                or _entre_columnas(
                    anterior["x1"], w["x0"], segmento[-1]["x1"], _columna_de(*_extension(salida[-1]), cols), cols
                )
            ):
                salida.append([w])
            else:
                salida[-1].append(w)
    return salida


def _entre_columnas(x0: float, x1: float, fin: float, k: int, cols) -> bool:
    """The gap x0..x1 lies in the white space after column k, and `fin`
    reaches into column k + 1."""
    if k + 1 >= len(cols):
        return False
    medio = (x0 + x1) / 2
    return cols[k][1] <= medio <= cols[k + 1][0] and fin > cols[k + 1][0]


def _encaja(linea: Linea, cols: list[list[float]], encima: bool = False) -> bool:
    """Every piece of the line lies in one column's free space; with `encima`,
    a piece may also lie over several columns right of the first one."""
    ranuras = _ranuras(cols)
    for pieza in _piezas(linea, cols):
        x0, x1 = _extension(pieza)
        if not any(lo <= x0 and x1 <= hi for lo, hi in ranuras) and not (encima and x0 > cols[0][1]):
            return False
    return True


ROTULOS = tuple(cargar_yaml("encabezados.yaml")["rotulos_de_tabla"])  # "Tabla", "Gráfico"…
_CAPTION = re.compile(rf"^\s*({castellano.alternativas_con_acentos(ROTULOS)})\s*(n[°ºo.]\s*)?\d+\b", re.IGNORECASE)


def _es_rotulo(linea: Linea) -> bool:
    """A numbered caption ("Cuadro 2. Plan financiero …"): it opens the next
    table, no heading row nor header line of the one above."""
    return bool(_CAPTION.match(linea.texto))


MAX_BANDAS = _U["max_bandas"]  # consecutive band lines (a programme's heading across the table) a region may hold


def _es_banda(linea: Linea, cols: list[list[float]]) -> bool:
    """A heading row across the table ("Programa: Mujeres que transforman"
    over the label and figure columns): one run of text without figures
    that starts in the first column and reaches over the second, or that
    is printed on a shaded band of its own (its words `en_franja`)."""
    piezas = _piezas(linea, cols)
    if len(piezas) != 1 or len(cols) < 2 or any(_es_cifra(w) for w in piezas[0][_numeracion(piezas[0]) :]):
        return False
    x0, x1 = _extension(piezas[0])
    sombreada = all(w.get("en_franja") for w in piezas[0])
    return x0 <= cols[0][1] and (x1 > cols[1][0] or sombreada) and x1 <= cols[-1][1] + HUECO_SEGMENTO


def _numeracion(palabras: list[dict]) -> int:
    """How many words at the start of a heading are its numbering ("2.",
    "Programa 2.", "Eje 3:") and not a figure: a number among the first two
    words with words of letters after it."""
    for k, w in enumerate(palabras[:2]):
        if _es_cifra(w) and any(any(ch.isalpha() for ch in x["text"]) for x in palabras[k + 1 :]):
            return k + 1
    return 0


def _con_columna_de_etiquetas(lineas: list[Linea], cols: list[list[float]]) -> list[list[float]]:
    """The columns with the label column in front when no body line prints
    a label beside its figures (labels wrapping over several lines with the
    figures centred between them): the pieces of lines left of the first
    column, clear of it by more than a cell gap."""
    izquierdas = [
        _extension(pieza)
        for linea in lineas
        if not _es_banda(linea, cols)
        for pieza in _piezas(linea, cols)
        if _extension(pieza)[1] < cols[0][0] - HUECO_SEGMENTO
    ]
    fundidas = _fundidas(izquierdas)
    return fundidas + cols if len(fundidas) == 1 else cols


def _encaja_encima(linea: Linea, debajo: Linea, cols: list[list[float]]) -> bool:
    """A header line that fits the columns, or whose wider cells lie over
    several columns right of the first one ("Seguimiento primer semestre
    2024" centred over "Programado | Ejecutado | % ejec."), set close above
    the header line `debajo`."""
    alto = max(linea.bottom - linea.top, 1.0)
    return _encaja(linea, cols) or (
        debajo.top - linea.bottom <= HUECO_ENCIMA * alto and _encaja(linea, cols, encima=True)
    )


def _al_lado(linea: Linea, anterior: Linea) -> bool:
    """`linea` is printed beside `anterior`, not under it: its middle within
    `anterior`'s height, and no word of one over a word of the other."""
    if not anterior.top <= (linea.top + linea.bottom) / 2 <= anterior.bottom:
        return False
    return not any(w["x0"] < p["x1"] and p["x0"] < w["x1"] for w in linea.palabras for p in anterior.palabras)


def _lado_a_lado(lineas: list[Linea]) -> list[Linea]:
    """Lines printed beside one another are one line (figures set a little
    lower than their label fall in a line of their own)."""
    salida: list[Linea] = []
    for linea in lineas:
        if salida and _al_lado(linea, salida[-1]):
            salida[-1] = Linea(sorted(salida[-1].palabras + linea.palabras, key=lambda w: w["x0"]))
        else:
            salida.append(linea)
    return salida


def _misma_fila(
    linea: Linea, anterior: Linea | None, por_columna: dict[int, list[dict]], fila: dict[int, list[Linea]]
) -> bool:
    """A line goes on the row of the line above when it follows it closely
    with text only under the row's label or text cells (a wrapped cell)."""
    if anterior is None or linea.top - anterior.bottom > HUECO_FILA * max(linea.bottom - linea.top, 1.0):
        return False
    if _columnas_con_cifra(por_columna):
        return False
    if _solapadas(anterior, linea) and (not por_columna.keys() & fila.keys() or por_columna.keys() <= fila.keys()):
        # interleaved with the line above, its cells all beside the row's or
        # all under them (not a lower header level: under some, beside others)
        return True
    if 0 in por_columna and 0 in fila and _abre_con_codigo(por_columna[0]) and _abre_con_codigo(fila[0][0].palabras):
        return False  # an item code opens another item, as it opened the row's label
    return all(c == 0 or (c in fila and not any(_es_cifra_linea(l) for l in fila[c])) for c in por_columna)


def _abre_con_codigo(palabras: list[dict]) -> bool:
    """The words start with an item's code (dotted budget or plan numbering)."""
    return bool(palabras) and es_codigo_numerico(palabras[0]["text"])


def _es_cifra_linea(linea: Linea) -> bool:
    return _es_numero(linea.texto)


def _bloques(lineas: list[Linea], bandas: list[bool]) -> list[int]:
    """Each line's block: a run of lines each close under the one above (a
    gap wider than `HUECO_FILA` line heights opens the next block); a band
    line is a block of its own."""
    salida, n = [], 0
    for k, linea in enumerate(lineas):
        if k and (
            linea.top - lineas[k - 1].bottom > HUECO_FILA * max(linea.bottom - linea.top, 1.0)
            or bandas[k]
            or bandas[k - 1]
        ):
            n += 1
        salida.append(n)
    return salida


def _columnas_con_cifra(por_columna: dict[int, list[dict]]) -> set[int]:
    """Columns where the line has a figure; a bare year ("Meta" over "2023")
    is a header's word."""
    return {c for c, palabras in por_columna.items() if es_cifra_no_anio(Linea(palabras).texto)}


CENTRADO_FILA = _U["centrado_fila"]  # line heights: a figure line this near the middle of its label is centred on it


def _inicios_centrados(
    lineas: list[Linea],
    por_linea: list[dict[int, list[dict]]],
    bloques: list[int],
    con_cifra: list[set[int]],
    inicios: list[int],
) -> list[int]:
    """The row starts `inicios`, redrawn in each block of closely set lines
    whose figures are centred on labels that wrap over several lines (a
    Word cell centred vertically): the label lines between two figure lines
    are shared so that each figure line is in the middle of its row's
    label; where white space marks the rows off, the block is one row.
    A block keeps its rows unless label lines come before its first figure
    line, every other line is a label line (or a header line above them,
    with text over the figures' columns) and every row can be centred so.
    A header's own wrapped label line and the first row's top line cannot
    be told apart by their spacing: the split that centres best decides."""
    salida = set(inicios)
    for bloque in sorted(set(bloques)):
        indices = [k for k, b in enumerate(bloques) if b == bloque]
        cifras = [k for k in indices if con_cifra[k]]
        if not cifras:
            continue
        columnas_cifra = set().union(*(con_cifra[k] for k in cifras))
        encabezado = [k for k in indices if k < cifras[0] and por_linea[k].keys() & columnas_cifra]
        primera = encabezado[-1] + 1 if encabezado else indices[0]
        etiquetas = [k for k in indices if k >= primera and not con_cifra[k]]
        if (
            primera == cifras[0]
            or (not encabezado and primera not in salida)
            or any(por_linea[k].keys() & columnas_cifra for k in etiquetas)
        ):
            continue
        topes = range(primera, cifras[0] + 1) if encabezado else [primera]
        opciones = [r for r in (_centrar(lineas, cifras, tope, indices[-1]) for tope in topes) if r is not None]
        if opciones:
            _, nuevos = min(opciones)
            salida = {k for k in salida if not primera <= k <= indices[-1]} | set(nuevos)
    return sorted(salida)


def _centrar(lineas: list[Linea], cifras: list[int], tope: int, ultima: int) -> tuple[float, list[int]] | None:
    """(total offset, row starts) for lines tope..ultima such that each
    figure line is centred on its row; None when one cannot be."""
    inicios, error = [], 0.0
    for n, k in enumerate(cifras):
        medio = (lineas[k].top + lineas[k].bottom) / 2
        opciones = range(k, cifras[n + 1]) if n + 1 < len(cifras) else [ultima]
        fin = min(opciones, key=lambda f: abs((lineas[tope].top + lineas[f].bottom) / 2 - medio))
        desvio = abs((lineas[tope].top + lineas[fin].bottom) / 2 - medio)
        if desvio > CENTRADO_FILA * max(lineas[k].bottom - lineas[k].top, 1.0):
            return None
        inicios.append(tope)
        error += desvio
        tope = fin + 1
    return error, inicios


def _piezas_alineadas(piezas: list[list[list[dict]]], cols) -> list[list[tuple[list[dict], int]]]:
    """Each line's pieces with their column. A piece over no column (in the
    white space between two) goes with the piece of the line above or below
    that starts where it starts: the lines of one header cell ("%" over
    "cumplimiento", left-aligned) are one column's, the nearest or not."""
    con_columna = [[(pieza, _columna_de(*_extension(pieza), cols)) for pieza in linea] for linea in piezas]
    for k, linea in enumerate(con_columna):
        for i, (pieza, c) in enumerate(linea):
            x0, x1 = _extension(pieza)
            if any(min(x1, c1) > max(x0, c0) for c0, c1 in cols):
                continue
            # the nearest lines first; a header's lines may interleave with a tall cell's ("Indicador")
            vecinas = [v for j in (k - 1, k + 1, k - 2, k + 2) if 0 <= j < len(piezas) for v in piezas[j]]
            alineada = next((v for v in vecinas if abs(_extension(v)[0] - x0) <= HUECO_SEGMENTO / 2), None)
            if alineada is not None:
                linea[i] = (pieza, _columna_de(*_extension(alineada), cols))
    return con_columna


def _celdas_region(lineas: list[Linea], cols, n_pagina: int) -> list[Celda]:
    filas: list[dict[int, list[Linea]]] = []
    por_linea = []
    bandas = [_es_banda(linea, cols) for linea in lineas]
    piezas = _piezas_alineadas([[] if banda else _piezas(linea, cols) for linea, banda in zip(lineas, bandas)], cols)
    for linea, banda, de_linea in zip(lineas, bandas, piezas):
        por_columna: dict[int, list[dict]] = {0: list(linea.palabras)} if banda else {}
        for pieza, c in de_linea:
            por_columna.setdefault(c, []).extend(pieza)
        por_linea.append(por_columna)
    bloques = _bloques(lineas, bandas)
    con_cifra = [_columnas_con_cifra(pc) for pc in por_linea]
    inicios: list[int] = []
    fila: dict[int, list[Linea]] = {}
    for k, (linea, por_columna) in enumerate(zip(lineas, por_linea)):
        anterior = lineas[k - 1] if k else None
        if not inicios or bandas[k] or bandas[k - 1] or not _misma_fila(linea, anterior, por_columna, fila):
            inicios.append(k)
            fila = {}
        for c, palabras in por_columna.items():
            fila.setdefault(c, []).append(Linea(palabras))
    inicios_centrados = set(_inicios_centrados(lineas, por_linea, bloques, con_cifra, inicios))
    de_banda: list[bool] = []  # rows made of band lines alone: one cell across the table
    for k, por_columna in enumerate(por_linea):
        if k in inicios_centrados:
            filas.append({})
            de_banda.append(True)
        de_banda[-1] = de_banda[-1] and bandas[k]
        for c, palabras in por_columna.items():
            filas[-1].setdefault(c, []).append(Linea(palabras))
    extensiones = _extensiones_encabezado(filas, cols)
    extensiones.update({(r, 0): (len(cols), 0) for r, banda in enumerate(de_banda) if banda})
    celdas = []
    for r, fila in enumerate(filas):
        c = 0
        while c < len(cols):
            ancho, propia = extensiones.get((r, c), (1, c))
            lineas_dentro = fila.get(propia, [])
            palabras = [w for l in lineas_dentro for w in l.palabras]
            bbox = None
            if palabras:
                bbox = (
                    round(min(w["x0"] for w in palabras), 2),
                    round(min(w["top"] for w in palabras), 2),
                    round(max(w["x1"] for w in palabras), 2),
                    round(max(w["bottom"] for w in palabras), 2),
                )
            celdas.append(
                Celda(
                    texto="\n".join(l.texto for l in lineas_dentro),
                    fila=r,
                    columna=c,
                    pagina=n_pagina,
                    bbox=bbox,
                    columnas_span=ancho,
                )
            )
            c += ancho
    return celdas


def _filas_encabezado(filas: list[dict[int, list[Linea]]]) -> int:
    """How many rows come before the first row with a figure."""
    for r, fila in enumerate(filas):
        if any(es_cifra_no_anio(w["text"]) for ls in fila.values() for l in ls for w in l.palabras):
            return r
    return 0


def _ensanchadas(cols, filas: list[dict[int, list[Linea]]]) -> list[list[float]]:
    """The column intervals widened to the header words the rows print in
    them ("Programado" is wider than the figures under it)."""
    salida = [list(c) for c in cols]
    for fila in filas:
        for c, lineas_dentro in fila.items():
            for l in lineas_dentro:
                salida[c] = [min(salida[c][0], l.x0), max(salida[c][1], l.x1)]
    return salida


def _carriles(cols) -> list[tuple[float, float]]:
    """Each column's lane: its interval and half the white space to each
    neighbour (a right-aligned column's cell starts well left of its text);
    the first and last columns as much outwards as inwards."""
    salida = []
    for k, (x0, x1) in enumerate(cols):
        izquierda = (cols[k - 1][1] + x0) / 2 if k else None
        derecha = (x1 + cols[k + 1][0]) / 2 if k + 1 < len(cols) else None
        if izquierda is None:
            izquierda = x0 - (derecha - x1 if derecha is not None else 0.0)
        if derecha is None:
            derecha = x1 + (x0 - izquierda)
        salida.append((izquierda, derecha))
    return salida


def _extensiones_encabezado(filas: list[dict[int, list[Linea]]], cols) -> dict[tuple[int, int], tuple[int, int]]:
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
    n_encabezado = _filas_encabezado(filas)
    extensiones: dict[tuple[int, int], tuple[int, int]] = {}
    if n_encabezado < 2:
        return extensiones
    mas_baja = filas[n_encabezado - 1]
    for r in range(n_encabezado - 1):
        libres = {c for c in range(len(cols)) if c in mas_baja and not any(c in filas[q] for q in range(r + 1))}
        carriles = _carriles(_ensanchadas(cols, filas[r + 1 : n_encabezado]))
        superiores = {k: (min(l.x0 for l in ls), max(l.x1 for l in ls)) for k, ls in filas[r].items()}
        textos = {c: " ".join(l.texto for l in mas_baja[c]).lower() for c in libres}
        for k, (primera, ultima) in _grupos(superiores, libres, carriles, textos).items():
            extensiones[(r, primera)] = (ultima - primera + 1, k)
    return extensiones


Grupo = tuple[int, int]  # first and last column


def _grupos(
    superiores: dict[int, tuple[float, float]], libres: set[int], carriles, textos: dict[int, str]
) -> dict[int, Grupo]:
    """The group of columns each upper header cell of one level spans (see
    `_extensiones_encabezado`); no column in two groups."""
    fuertes: list[tuple[int, list[Grupo]]] = []
    debiles: list[tuple[int, list[Grupo]]] = []
    for k, (x0, x1) in superiores.items():
        propias = {c for c in libres if _mas_cercano(carriles[c], superiores) == k}
        sola, opciones = _grupos_centrados(x0, x1, k, propias, carriles)
        if opciones:
            (debiles if sola else fuertes).append((k, opciones))

    def columnas(g: Grupo) -> set[int]:
        return set(range(g[0], g[1] + 1))

    def inferior(g: Grupo) -> list[str]:
        return [textos.get(c, "") for c in range(g[0], g[1] + 1)]

    elegida: dict[int, Grupo] = {}
    ocupadas: set[int] = set()
    for k, opciones in fuertes + debiles:
        if (k, opciones) in debiles:  # only beside a group with the same lower headers
            otras = list(elegida.values()) + [g for j, opcs in debiles if j != k for g in opcs]
            opciones = [
                g for g in opciones if any(inferior(g) == inferior(o) and not columnas(o) & columnas(g) for o in otras)
            ]
        grupo = next((g for g in opciones if not ocupadas & columnas(g)), None)
        if grupo is not None:
            ocupadas |= columnas(grupo)
            elegida[k] = grupo
    return elegida


def _mas_cercano(carril: tuple[float, float], superiores: dict[int, tuple[float, float]]) -> int | None:
    """The upper header cell nearest a lane (None on a tie)."""
    huecos = sorted((max(x0 - carril[1], carril[0] - x1, 0.0), k) for k, (x0, x1) in superiores.items())
    if len(huecos) > 1 and huecos[1][0] - huecos[0][0] < 1.0:
        return None
    return huecos[0][1]


CENTRADO = _U["centrado"]  # lane widths: how far a group's middle may be from its header's


def _grupos_centrados(x0: float, x1: float, k: int, libres: set[int], carriles) -> tuple[bool, list[Grupo]]:
    """Whether column k's lane alone holds x0..x1, and (first, last) of the
    groups of adjacent columns, column k and free ones around it, whose
    lanes hold x0..x1 and whose middle is near x0..x1's, fewest columns
    first, best centred first among as many."""
    tolerancia = 1.0
    centro = (x0 + x1) / 2
    lo, hi = k, k
    while lo - 1 in libres:
        lo -= 1
    while hi + 1 in libres:
        hi += 1
    grupos = []
    sola = False
    for a in range(lo, k + 1):
        for b in range(k, hi + 1):
            izquierda, derecha = carriles[a][0], carriles[b][1]
            if not (izquierda - tolerancia <= x0 and x1 <= derecha + tolerancia):
                continue
            if a == b:
                sola = True
                continue
            distancia = abs((izquierda + derecha) / 2 - centro)
            if distancia <= CENTRADO * (derecha - izquierda) / (b - a + 1):
                grupos.append((b - a, distancia, a, b))
    return sola, [(a, b) for _, _, a, b in sorted(grupos)]


def _fin_del_cuerpo(
    lineas: list[Linea], multiples: list[bool], cifras: list[bool], franja: list[int], i: int
) -> tuple[int, list]:
    """(last line, column intervals) of the region whose first body line is i:
    body lines that keep its columns, and the fitting lines between them and
    after the last one (-1: no second body line). When line i has figures,
    only body lines with figures shape the columns."""
    cols = _columnas([lineas[i]])  # made of the body lines that shape the columns
    fin, n_cuerpo, bandas = i, 1, 0
    for j in range(i + 1, len(lineas)):
        if franja[j] != franja[i] or _es_rotulo(lineas[j]):
            break
        if multiples[j]:
            fundidas = _columnas([lineas[j]], cols)
            if len(fundidas) >= len(cols) and (cifras[j] or not cifras[i]):  # no two columns merged
                cols = fundidas
            elif not _encaja(lineas[j], cols):
                break
            fin, n_cuerpo, bandas = j, n_cuerpo + 1, 0
        elif _encaja(lineas[j], cols) and not bandas:
            fin = j
        elif bandas < MAX_BANDAS and _es_banda(lineas[j], cols):
            bandas += 1  # a heading row: the region holds it only if its body goes on below
        elif not (bandas and _encaja(lineas[j], cols)):
            break
    return (fin if n_cuerpo >= 2 else -1), cols


def _inicio_encabezado(
    lineas: list[Linea], franja: list[int], inicio: int, cols, con_encabezado: bool, piso: int
) -> int:
    """First line of the header lines above body line `inicio` (not above
    `piso`): the topmost of the fitting lines right above it that has more
    than one cell (section headings below it come along). Under a ruled
    header (`con_encabezado`), every fitting line between it and the body."""
    primera = tope = inicio
    bandas = 0
    while (
        primera > piso
        and franja[primera - 1] == franja[inicio]
        and not _es_rotulo(lineas[primera - 1])
        and (
            _encaja(lineas[primera - 1], cols)
            or (inicio - primera < MAX_LINEAS_ENCABEZADO and _encaja_encima(lineas[primera - 1], lineas[primera], cols))
            or (bandas < MAX_BANDAS and _es_banda(lineas[primera - 1], cols))
        )
    ):
        primera -= 1
        bandas = bandas + 1 if _es_banda(lineas[primera], cols) else 0
        if len(_piezas(lineas[primera], cols)) > 1:
            tope = primera
    if con_encabezado and (primera == 0 or franja[primera - 1] != franja[inicio]):
        return primera
    while tope > primera and _solapadas(lineas[tope - 1], lineas[tope]):
        tope -= 1  # "Recursos" set higher than "Indicador de" beside it: cells centred on more lines
    return tope


def _solapadas(arriba: Linea, abajo: Linea) -> bool:
    """Two lines that overlap in height: cells of one row whose texts are
    centred on different numbers of lines, not one row under another."""
    return abajo.top < arriba.bottom - 1


def _semilla_de_cifras(multiples: list[bool], cifras: list[bool], franja: list[int], i: int) -> int:
    """The first body line with figures at most MAX_HEADER_LINES below body
    line i (i itself when none): text-only lines above figures are header
    lines, and header words are no guide to the figures' columns."""
    for k in range(i, min(i + MAX_LINEAS_ENCABEZADO + 1, len(multiples))):
        if franja[k] != franja[i]:
            break
        if multiples[k] and cifras[k]:
            return k
    return i


def _region(lineas, multiples, cifras, franja, i: int, piso: int, con_encabezado: bool) -> tuple[int, int, list]:
    """(first line, last line, columns) of the region found from body line i."""
    semilla = _semilla_de_cifras(multiples, cifras, franja, i)
    fin, cols = _fin_del_cuerpo(lineas, multiples, cifras, franja, semilla)
    inicio = _inicio_encabezado(lineas, franja, semilla, cols, con_encabezado, piso)
    if fin < 0 or inicio > i:  # the lines above the figures are not a header of their columns
        fin, cols = _fin_del_cuerpo(lineas, multiples, cifras, franja, i)
        inicio = _inicio_encabezado(lineas, franja, i, cols, con_encabezado, piso)
    return inicio, fin, cols


def _franjas(lineas: list[Linea], barreras: list[float]) -> list[int]:
    """For each line, how many barriers (y of a ruled table's edge) lie above its middle."""
    ys = sorted(barreras)
    return [bisect_right(ys, (linea.top + linea.bottom) / 2) for linea in lineas]


def buscar_tablas(
    palabras: list[dict], n_pagina: int, barreras: Sequence[float] = (), cabeceras: Sequence[float] = ()
) -> list[tuple[tuple, list[Celda]]]:
    """Borderless tables of a page's free words: (bbox, cells) each. `barreras`
    are y positions (ruled tables' top and bottom) no table may cross;
    `cabeceras` the bottoms of the ruled tables that may be the header of a
    borderless body below them."""
    lineas = _lado_a_lado(agrupar_lineas(palabras))
    multiples = [len(_segmentos(l)) >= MIN_COLUMNAS for l in lineas]
    franja = _franjas(lineas, list(barreras))
    bases = sorted(barreras)
    con_encabezado = {k + 1 for k, y in enumerate(bases) if y in cabeceras}  # bands right under a header
    cifras = [any(len(s) == 1 and es_cifra_no_anio(s[0]["text"]) for s in _segmentos(l)) for l in lineas]
    halladas = []
    i = piso = 0
    while i < len(lineas):
        if not multiples[i]:
            i += 1
            continue
        inicio, fin, cols = _region(lineas, multiples, cifras, franja, i, piso, franja[i] in con_encabezado)
        if fin < 0 or len(cols) < MIN_COLUMNAS:
            i += 1
            continue
        region = lineas[inicio : fin + 1]
        celdas = _celdas_region(region, _con_columna_de_etiquetas(region, cols), n_pagina)
        n_filas = max(c.fila for c in celdas) + 1
        if n_filas >= MIN_FILAS:
            bbox = (
                min(l.x0 for l in region) - 1,
                region[0].top - 1,
                max(l.x1 for l in region) + 1,
                region[-1].bottom + 1,
            )
            halladas.append((bbox, celdas))
        i = piso = fin + 1
    return halladas + _tablas_de_pares(lineas, franja, halladas, n_pagina)


def _par(linea: Linea) -> bool:
    """A label and one figure: two segments, the first with letters, the
    second a figure, not a bare year ("Educación   $ 48'612.337.450")."""
    segmentos = _segmentos(linea)
    if len(segmentos) != 2 or not any(ch.isalpha() for w in segmentos[0] for ch in w["text"]):
        return False
    texto = " ".join(w["text"] for w in segmentos[1])
    return leer_numero(texto) is not None and (len(segmentos[1]) > 1 or es_cifra_no_anio(texto))


def _tablas_de_pares(
    lineas: list[Linea], franja: list[int], halladas: list, n_pagina: int
) -> list[tuple[tuple, list[Celda]]]:
    """Two-column tables (label | figure) among the lines no other table took."""
    tomadas = [(b[1], b[3]) for b, _ in halladas]
    lineas, franja = _con_etiquetas_partidas(lineas, franja)
    libre = [not any(t <= (l.top + l.bottom) / 2 <= b for t, b in tomadas) for l in lineas]
    pares = [libre[k] and _par(l) for k, l in enumerate(lineas)]
    salida = []
    i = piso = 0
    while i < len(lineas):
        if not pares[i]:
            i += 1
            continue
        fin = _fin_de_lista(lineas, pares, franja, i)
        cuerpo = [l for k, l in enumerate(lineas[i : fin + 1], start=i) if pares[k]]
        # label and figure columns may overlap in x (a long label over a wide figure): not merged
        extremos = [(_extension(s[0]), _extension(s[-1])) for s in map(_segmentos, cuerpo)]
        cols = [[min(e[k][0] for e in extremos), max(e[k][1] for e in extremos)] for k in (0, 1)]
        inicio = _inicio_encabezado(lineas, franja, i, cols, False, piso)
        if len(cuerpo) < MIN_FILAS_PAR or not all(libre[inicio : fin + 1]) or _es_indice(cuerpo):
            i += 1
            continue
        region = lineas[inicio : fin + 1]
        celdas = _celdas_region(region, cols, n_pagina)
        bbox = (min(l.x0 for l in region) - 1, region[0].top - 1, max(l.x1 for l in region) + 1, region[-1].bottom + 1)
        salida.append((bbox, celdas))
        i = piso = fin + 1
    return salida


ENTRADAS_DE_INDICE = ROTULOS + tuple(cargar_yaml("encabezados.yaml")["entradas_de_indice"])  # …, "Artículo"
_NUMERACION = re.compile(r"^\d+(\.\d+)*\.?$")  # "3.", "1.2.4"


def _es_indice(cuerpo: list[Linea]) -> bool:
    """A table of contents ("Tabla 5 Servicio de la deuda ....... 17"): page
    numbers that never go down, after entries most of which open with a
    caption word or a section number."""
    paginas = [" ".join(w["text"] for w in _segmentos(l)[-1]) for l in cuerpo]
    if not all(p.isdigit() for p in paginas) or any(int(a) > int(b) for a, b in zip(paginas, paginas[1:])):
        return False
    primeras = [l.palabras[0]["text"] for l in cuerpo]
    entradas = sum(p.casefold().startswith(ENTRADAS_DE_INDICE) or bool(_NUMERACION.match(p)) for p in primeras)
    return 2 * entradas >= len(cuerpo)


MAX_LINEAS_SUELTAS = _U["max_lineas_sueltas"]  # lines of words alone (a subheading) between two parts of one list


def _fin_de_lista(lineas: list[Linea], pares: list[bool], franja: list[int], i: int) -> int:
    """Last line of the list that starts at label-and-figure line i: the
    label-and-figure lines whose figures end where line i's does (a right-
    aligned column, however wide a figure: "$548'930.775,40" under "57"),
    with up to MAX_LINEAS_SUELTAS lines of one run of words between them
    ("Acumulado a 30 de septiembre", a subheading inside the list)."""
    derecha = _segmentos(lineas[i])[-1][-1]["x1"]
    fin, sueltas = i, 0
    for j in range(i + 1, len(lineas)):
        if franja[j] != franja[i]:
            break
        if pares[j]:
            if abs(_segmentos(lineas[j])[-1][-1]["x1"] - derecha) > ALINEACION_PAR:
                break
            fin, sueltas = j, 0
        elif sueltas < MAX_LINEAS_SUELTAS and len(_segmentos(lineas[j])) == 1:
            sueltas += 1
        else:
            break
    return fin


def _con_etiquetas_partidas(lineas: list[Linea], franja: list[int]) -> tuple[list[Linea], list[int]]:
    """The lines with each list label that wraps made one line with the
    label-and-figure line under it ("Visitas de verificación de las
    condiciones de reclusión a las" over "celdas transitorias ..... 14"):
    a line of words alone, close above a label-and-figure line that starts
    where it starts and goes on with it (in lower case, or after a joining
    word: "de", "a las")."""
    salida: list[Linea] = []
    franjas: list[int] = []
    for k, linea in enumerate(lineas):
        anterior = salida[-1] if salida else None
        if (
            anterior is not None
            and franjas[-1] == franja[k]
            and _par(linea)
            and len(_segmentos(anterior)) == 1
            and not any(_es_cifra(w) for w in anterior.palabras)
            and abs(anterior.x0 - linea.x0) <= ALINEACION_PAR
            and linea.top - anterior.bottom <= HUECO_FILA * max(linea.bottom - linea.top, 1.0)
            and (linea.palabras[0]["text"][:1].islower() or anterior.palabras[-1]["text"].casefold() in ENLACES)
        ):
            salida[-1] = Linea(anterior.palabras + linea.palabras)
            franjas[-1] = franja[k]
            continue
        salida.append(linea)
        franjas.append(franja[k])
    return salida, franjas
