"""Tables split sideways across pages: one table too wide for the page goes on
with its remaining columns on the next page, the same rows identified only by
their number or code ("La tabla continúa en la hoja 2, columnas 9 a 14").

A table continues the previous one sideways when it starts on the page after
the previous one ends, its first column has the same heading and the same
row keys in the same order (N.° 1, 2, 3… or codes) as the previous table's
first column, and it repeats none of the previous table's row names (a second
table with the same numbered rows and their names is a new table, not a
continuation). Its columns are appended to the previous table's rows matched
by key; every cell keeps its own page. A sheet printed too wide has no keys
on its next page: there the rows are the previous page's at the same height.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.castellano.lemas import normalizar
from extractor.castellano.numeros import leer_numero
from extractor.modelo import Tabla
from extractor.tablas.filas import TOTAL

# A row key: a number, a dotted number or a short code with digits ("1", "2.3", "IP-115")
_CLAVE = re.compile(r"^(?=.*\d)[\w.\-/°º]{1,15}$")
_MINIMO_DE_FILAS = 2
MIN_FILAS_ALINEADAS = 4  # rows of a printed sheet's next page at the heights of the page before
ALTURA = 2.0  # points between the tops of the same row on two pages
_TOTAL = "Σ "  # the key of a total row: its text, marked (keys never hold a space)


def _normal(texto: str) -> str:
    """Compared without case, accents, spaces or punctuation ("N.°" = "Nº")."""
    return re.sub(r"\W", "", normalizar(texto))


def _primera_columna(tabla: Tabla) -> list[str]:
    return [fila[0].strip() if fila else "" for fila in tabla.textos()]


def _bandas(tabla: Tabla) -> set[int]:
    """Rows that are one cell across the table (a programme band, "Programa 2"):
    each page names them in its own way, so they are no rows of the key column."""
    ancho = tabla.n_columnas
    return {c.fila for c in tabla.celdas if c.columna == 0 and c.columnas_span >= ancho > 1 and c.texto.strip()}


def _claves(tabla: Tabla) -> tuple[int, list[tuple[int, str]]] | None:
    """First key row and (row, key) of every row with a key; None when some
    non-empty text below the first key is not a key (then it is a name
    column). Total rows at the end ("Total") count as keys of their own;
    band rows are skipped."""
    bandas = _bandas(tabla)
    filas = [(i, t) for i, t in enumerate(_primera_columna(tabla)) if t and i not in bandas]
    inicio = next((i for i, t in filas if _CLAVE.match(t)), None)
    if inicio is None:
        return None
    claves = [(i, t) for i, t in filas if i >= inicio]
    n_totales = next((k for k in range(len(claves)) if not TOTAL.match(claves[-1 - k][1])), len(claves))
    if n_totales == len(claves) or not all(_CLAVE.match(t) for _, t in claves[: len(claves) - n_totales]):
        return None
    return inicio, [(i, _TOTAL + _normal(t) if TOTAL.match(t) else t) for i, t in claves]


def _sin_totales(claves: list[tuple[int, str]]) -> list[str]:
    return [t for _, t in claves if not t.startswith(_TOTAL)]


def continua_de_lado(anterior: Tabla, tabla: Tabla) -> bool:
    if not (anterior.paginas and tabla.paginas and tabla.paginas[0] == anterior.paginas[-1] + 1):
        return False
    propias, ajenas = _claves(anterior), _claves(tabla)
    if propias is None or ajenas is None:
        return False
    (inicio_a, claves_a), (inicio_b, claves_b) = propias, ajenas
    if len(claves_b) < _MINIMO_DE_FILAS or _sin_totales(claves_a) != _sin_totales(claves_b):
        return False
    if inicio_b > inicio_a:
        return False
    encabezado_a, encabezado_b = _encabezado(anterior, inicio_a), _encabezado(tabla, inicio_b)
    if encabezado_a != encabezado_b or _mismas_columnas(anterior, tabla, inicio_a, inicio_b):
        return False
    return not _repite_nombres(anterior, tabla, inicio_b)


def _encabezado(tabla: Tabla, inicio: int) -> str:
    bandas = _bandas(tabla)
    return _normal(" ".join(t for i, t in enumerate(_primera_columna(tabla)[:inicio]) if i not in bandas))


def _mismas_columnas(anterior: Tabla, tabla: Tabla, inicio_a: int, inicio_b: int) -> bool:
    """Both tables head the same columns ("Meta del año | Logro del año" over
    2016…2019 in two charts): another table of the same shape, not the
    columns that did not fit."""
    encabezado = [[_normal(t) for t in fila[1:]] for fila in anterior.textos()[:inicio_a]]
    return any(any(f) for f in encabezado) and encabezado == [
        [_normal(t) for t in fila[1:]] for fila in tabla.textos()[:inicio_b]
    ]


def _repite_nombres(anterior: Tabla, tabla: Tabla, inicio: int) -> bool:
    """The new table carries the previous one's row names (not only its keys)."""
    nombres = {_normal(t) for fila in anterior.textos() for t in fila[1:] if len(t.strip()) > 12}
    textos = [_normal(t) for fila in tabla.textos()[inicio:] for t in fila[1:] if len(t.strip()) > 12]
    return sum(t in nombres for t in textos) * 2 >= _MINIMO_DE_FILAS


def continua_sin_claves(anterior: Tabla, tabla: Tabla) -> bool:
    """A sheet printed too wide for the page: the next page holds the
    remaining columns, without the row names or keys, every row at the same
    height as on the page before (MIN_FILAS_ALINEADAS rows at least, each
    on a row of the previous table) and its first column figures, not
    names (which the previous table has, after their numbers or not)."""
    if not (anterior.paginas and tabla.paginas and tabla.paginas[0] == anterior.paginas[-1] + 1):
        return False
    propias, ajenas = _topes(anterior), _topes(tabla)
    if len(ajenas) < MIN_FILAS_ALINEADAS or not all(_fila_a_la_altura(t, propias) is not None for t in ajenas.values()):
        return False
    primera = [t for t in _primera_columna(tabla) if t]
    cifras = sum(leer_numero(t) is not None for t in primera)
    return cifras * 2 > len(primera) and _con_nombres(anterior, 2) and not _con_nombres(tabla, 2)


def _con_nombres(tabla: Tabla, columnas: int) -> bool:
    """One of the table's first `columnas` columns names its rows (the first, or the one after their numbers)."""
    filas = tabla.textos()
    for k in range(min(columnas, tabla.n_columnas)):
        columna = [f[k].strip() for f in filas if k < len(f)]
        nombres = [t for t in columna if t and leer_numero(t) is None]
        if len(nombres) * 2 > len(columna):
            return True
    return False


def _topes(tabla: Tabla) -> dict[int, float]:
    """Each row's top on its page."""
    topes: dict[int, float] = {}
    for c in tabla.celdas:
        if c.bbox is not None and c.filas_span == 1:
            topes[c.fila] = min(topes.get(c.fila, c.bbox[1]), c.bbox[1])
    return topes


def _fila_a_la_altura(tope: float, topes: dict[int, float]) -> int | None:
    return next((fila for fila, t in topes.items() if abs(t - tope) <= ALTURA), None)


def unir_sin_claves(anterior: Tabla, tabla: Tabla) -> Tabla:
    """The previous table with the continuation's columns appended to the rows at the same height."""
    propias = _topes(anterior)
    destino = {fila: _fila_a_la_altura(t, propias) for fila, t in _topes(tabla).items()}
    ancho = anterior.n_columnas
    celdas = list(anterior.celdas)
    for celda in tabla.celdas:
        fila = destino.get(celda.fila)
        if fila is not None:
            celdas.append(replace(celda, fila=fila, columna=ancho + celda.columna, filas_span=1))
    return Tabla(indice=anterior.indice, celdas=celdas, filas_encabezado_marcadas=anterior.filas_encabezado_marcadas)


def unir_de_lado(anterior: Tabla, tabla: Tabla) -> Tabla:
    """The previous table with the continuation's columns (all but its key
    column) appended to the rows of the same key."""
    inicio_a, claves_a = _claves(anterior) or (0, [])
    inicio_b, claves_b = _claves(tabla) or (0, [])
    bandas = _bandas(tabla)
    por_clave = {clave: fila_a for fila_a, clave in claves_a}
    nuevas = iter(range(anterior.n_filas, anterior.n_filas + len(claves_b)))
    # a total row only the continuation has becomes a new row at the end, named as there
    destino = {fila_b: por_clave[clave] if clave in por_clave else next(nuevas) for fila_b, clave in claves_b}
    agregadas = {fila_b for fila_b, clave in claves_b if clave not in por_clave}
    for fila_b in range(inicio_b):  # heading rows: aligned on the previous table's last heading rows
        if fila_b not in bandas:
            destino[fila_b] = inicio_a - inicio_b + fila_b
    ultima = None
    for fila_b in range(inicio_b, tabla.n_filas):  # a row without key (a wrapped line) goes with the row above
        if fila_b in bandas:  # the previous table has its own band rows
            ultima = None
            continue
        ultima = destino.get(fila_b, ultima)
        if ultima is not None:
            destino[fila_b] = ultima
    ancho = anterior.n_columnas
    nuevo_ancho = ancho + tabla.n_columnas - 1
    bandas_a = _bandas(anterior)  # still across the whole table
    celdas = [replace(c, columnas_span=nuevo_ancho) if c.fila in bandas_a else c for c in anterior.celdas]
    puestas: dict[tuple[int, int], int] = {}
    for celda in tabla.celdas:
        columna, span = celda.columna, celda.columnas_span
        if columna == 0 and celda.fila in agregadas:  # the total's name, in the key column only
            celdas.append(replace(celda, fila=destino[celda.fila], columnas_span=1, filas_span=1))
            continue
        if columna == 0:
            columna, span = 1, span - 1
        if span < 1 or celda.fila not in destino:
            continue
        nueva = replace(celda, fila=destino[celda.fila], columna=ancho + columna - 1, columnas_span=span, filas_span=1)
        clave = (nueva.fila, nueva.columna)
        if clave in puestas:  # a wrapped line of the same cell
            previa = celdas[puestas[clave]]
            celdas[puestas[clave]] = replace(previa, texto=f"{previa.texto}\n{nueva.texto}".strip())
        else:
            puestas[clave] = len(celdas)
            celdas.append(nueva)
    return Tabla(indice=anterior.indice, celdas=celdas, filas_encabezado_marcadas=anterior.filas_encabezado_marcadas)
