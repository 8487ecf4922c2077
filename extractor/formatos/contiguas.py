"""Ruled tables side by side that are one table.

Wide follow-up matrices separate their blocks (línea base | metas por año |
logros por año | % de avance) with narrow spacer columns drawn without
rulings, so a ruling-based table finder returns one table per block. The
blocks are one table when they sit next to each other with nothing between
them and their body rows share the same horizontal rulings: the rows are
the same indicators. Headers may differ in depth (one block with a single
header row, or one tall header cell, beside another with measure over
year), so only the rows below the deeper header are compared.
"""

from __future__ import annotations

from esquemas import umbrales
from extractor.formatos.lineas import agrupar_lineas, cortada

_U = umbrales("contiguas")  # esquemas/disposicion.yaml

MAX_HUECO = _U["max_hueco"]  # points of white space between two blocks of one table
TOLERANCIA = _U["tolerancia"]  # points: two rulings closer than this are the same
MIN_FILAS = _U["min_filas"]  # body rulings the blocks must share to be taken as one table
MIN_COINCIDENCIA = _U["min_coincidencia"]  # share of the body rulings of the shorter block found in the other


def _distintos(valores) -> list[float]:
    """The values sorted, those closer than TOLERANCIA to the one before left out."""
    salida: list[float] = []
    for v in sorted(valores):
        if not salida or v - salida[-1] > TOLERANCIA:
            salida.append(v)
    return salida


def _bordes(celdas: list[tuple], desde: float) -> list[float]:
    """Distinct bottoms of the cells at or below `desde`: the block's rows."""
    return _distintos(c[3] for c in celdas if c[3] > desde + TOLERANCIA)


def _mismas_filas(a: tuple, celdas_a: list[tuple], b: tuple, celdas_b: list[tuple], palabras: list[dict]) -> bool:
    """The two blocks' body rows are the same: they end together and share
    their rules; or they start together and one of them stops short, all its
    rules among the other's, its column going on below without rules (a
    Word table whose last cells lost their borders)."""
    misma_base = abs(a[3] - b[3]) <= TOLERANCIA
    if not misma_base and abs(a[1] - b[1]) > TOLERANCIA:
        return False
    desde = max(a[1], b[1])
    ba, bb = _bordes(celdas_a, desde), _bordes(celdas_b, desde)
    if ba and bb:  # from the deeper header's bottom down (one tall header cell beside three levels)
        desde = max(ba[0], bb[0])
        ba, bb = _bordes(celdas_a, desde), _bordes(celdas_b, desde)
    if not misma_base:
        (corta, bc), (larga, bl) = sorted(((a, ba), (b, bb)), key=lambda par: par[0][3])
        comunes = sum(1 for y in bc if any(abs(y - z) <= TOLERANCIA for z in bl))
        sigue = any(
            corta[0] < (w["x0"] + w["x1"]) / 2 < corta[2] and corta[3] < w["top"] and w["bottom"] < larga[3]
            for w in palabras
        )
        return len(bc) >= MIN_FILAS and comunes >= MIN_COINCIDENCIA * len(bc) and sigue
    corto, largo = (ba, bb) if len(ba) <= len(bb) else (bb, ba)
    if len(corto) < MIN_FILAS:
        return False
    comunes = sum(1 for y in corto if any(abs(y - z) <= TOLERANCIA for z in largo))
    return comunes >= MIN_COINCIDENCIA * len(largo)


def _hueco_vacio(a: tuple, b: tuple, palabras: list[dict]) -> bool:
    """No word between the two blocks, at the height they share."""
    top, bottom = max(a[1], b[1]), min(a[3], b[3])
    for w in palabras:
        cx = (w["x0"] + w["x1"]) / 2
        cy = (w["top"] + w["bottom"]) / 2
        if a[2] - 1 < cx < b[0] + 1 and top < cy < bottom:
            return False
    return True


def juntar(
    cajas: list[tuple], celdas: list[list[tuple]], palabras: list[dict]
) -> tuple[list[tuple], list[list[tuple]]]:
    """Tables (frame, cell boxes) with the side-by-side blocks of one table
    joined: one frame and the union of their cell boxes. Order is kept for
    tables that are not joined."""
    orden = sorted(range(len(cajas)), key=lambda i: (cajas[i][0], cajas[i][1]))
    grupo_de = list(range(len(cajas)))
    for i in orden:
        for j in orden:
            a, b = cajas[i], cajas[j]
            if j == i or not 0 <= b[0] - a[2] <= MAX_HUECO:
                continue
            if _mismas_filas(a, celdas[i], b, celdas[j], palabras) and _hueco_vacio(a, b, palabras):
                grupo_de[j] = grupo_de[i]
                break
    grupos: dict[int, list[int]] = {}
    for i in range(len(cajas)):
        raiz = i
        while grupo_de[raiz] != raiz:
            raiz = grupo_de[raiz]
        grupos.setdefault(raiz, []).append(i)
    if len(grupos) == len(cajas):
        return cajas, celdas
    nuevas_cajas, nuevas_celdas = [], []
    for miembros in sorted(grupos.values(), key=lambda m: min(m)):
        marcos = [cajas[i] for i in miembros]
        nuevas_cajas.append(
            (min(m[0] for m in marcos), min(m[1] for m in marcos), max(m[2] for m in marcos), max(m[3] for m in marcos))
        )
        nuevas_celdas.append([c for i in miembros for c in celdas[i]])
    return nuevas_cajas, nuevas_celdas


# ------------------------------------------------------------------ nested


def _dentro_de(b: tuple, a: tuple) -> bool:
    return (
        a[0] - TOLERANCIA <= b[0]
        and a[1] - TOLERANCIA <= b[1]
        and b[2] <= a[2] + TOLERANCIA
        and b[3] <= a[3] + TOLERANCIA
    )


def _se_solapan(a: tuple, b: tuple) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > TOLERANCIA and min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCIA


def anidadas(cajas: list[tuple], celdas: list[list[tuple]]) -> tuple[list[tuple], list[list[tuple]]]:
    """Tables whose frame lies inside another table's frame joined to it.

    A spanning header cell ("VIGENCIA 2023") over blocks drawn as separate
    boxes with spacer gaps between them: a ruling-based finder returns the
    spanning cell with the outer blocks as one table (its frame reaches
    across the whole header) and the inner blocks as tables of their own,
    inside that frame where it has no cell. They are one table: the inner
    cells join the outer table's cells. A table inside a cell of another (a
    page drawn in a frame) stays apart. Order is kept."""
    dueno = list(range(len(cajas)))
    for j, b in enumerate(cajas):
        for i, a in enumerate(cajas):
            if (
                i != j
                and dueno[i] == i
                and _dentro_de(b, a)
                and not _dentro_de(a, b)
                and not any(_se_solapan(b, c) for c in celdas[i])
            ):
                dueno[j] = i
                break
    if dueno == list(range(len(cajas))):
        return cajas, celdas
    nuevas_cajas, nuevas_celdas = [], []
    for i in range(len(cajas)):
        if dueno[i] == i:
            nuevas_cajas.append(cajas[i])
            nuevas_celdas.append(
                list(celdas[i]) + [c for j in range(len(cajas)) if j != i and dueno[j] == i for c in celdas[j]]
            )
    return nuevas_cajas, nuevas_celdas


# ------------------------------------------------------------------ stacked

MAX_HUECO_FILAS = _U["max_hueco_filas"]  # row heights of white space between two stacked pieces of one table


def _columnas(celdas: list[tuple]) -> list[float]:
    """Distinct left and right edges of the cells: the block's columns."""
    return _distintos({c[0] for c in celdas} | {c[2] for c in celdas})


def _mismas_columnas(a: list[tuple], b: list[tuple]) -> bool:
    ca, cb = _columnas(a), _columnas(b)
    return len(ca) == len(cb) >= 3 and all(abs(x - y) <= TOLERANCIA for x, y in zip(ca, cb))


def _hueco_en_columnas(a: tuple, b: tuple, bordes: list[float], palabras: list[dict]) -> bool:
    """Every run of words between the two pieces (words a space apart) lies
    inside one column: rows drawn white between shaded ones, not a caption
    or a sentence across the table."""
    entre = [w for w in palabras if a[3] < (w["top"] + w["bottom"]) / 2 < b[1]]
    # a run ends at a gap of half a line height
    tramos = [t for linea in agrupar_lineas(entre) for t in cortada(linea, lambda w, hueco, alto: hueco >= alto / 2)]
    return all(
        any(x0 - TOLERANCIA <= t.x0 and t.x1 <= x1 + TOLERANCIA for x0, x1 in zip(bordes, bordes[1:]))
        for t in tramos
        if t.x1 > a[0] and t.x0 < a[2]  # runs beside the table are no part of it
    )


def apiladas(
    cajas: list[tuple], celdas: list[list[tuple]], palabras: list[dict]
) -> tuple[list[tuple], list[list[tuple]]]:
    """Tables drawn as shaded rows with white rows between them (every
    shaded row a piece for a ruling-based finder) joined: pieces one under
    the other with the same columns, less than `MAX_HUECO_FILAS` row heights
    apart, with only words that fit the columns between them. The white
    rows' words are then read inside the joined frame."""
    orden = sorted(range(len(cajas)), key=lambda i: cajas[i][1])
    nuevas_cajas: list[tuple] = []
    nuevas_celdas: list[list[tuple]] = []
    for i in orden:
        caja, propias = cajas[i], celdas[i]
        if nuevas_cajas:
            ultima = nuevas_cajas[-1]
            alto = min(c[3] - c[1] for c in propias + nuevas_celdas[-1])
            if (
                0 <= caja[1] - ultima[3] <= MAX_HUECO_FILAS * alto
                and _mismas_columnas(nuevas_celdas[-1], propias)
                and _hueco_en_columnas(ultima, caja, _columnas(propias), palabras)
            ):
                nuevas_cajas[-1] = (min(ultima[0], caja[0]), ultima[1], max(ultima[2], caja[2]), caja[3])
                nuevas_celdas[-1] = nuevas_celdas[-1] + list(propias)
                continue
        nuevas_cajas.append(caja)
        nuevas_celdas.append(list(propias))
    if len(nuevas_cajas) == len(cajas):
        return cajas, celdas
    return nuevas_cajas, nuevas_celdas
