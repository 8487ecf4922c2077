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

import re

from dataclasses import replace

from extractor.castellano.numeros import es_codigo_numerico, leer_numero
from extractor.modelo import BloqueTexto, Celda, Documento, Tabla
from extractor.tablas.bajo_su_encabezado import en_sus_columnas
from extractor.tablas.de_lado import continua_de_lado, continua_sin_claves, unir_de_lado, unir_sin_claves

from esquemas import umbrales

_U = umbrales("costura")  # esquemas/disposicion.yaml


def _normalizar(texto: str) -> str:
    return " ".join(texto.split()).casefold()


def _filas(tabla: Tabla) -> list[list[str]]:
    return [[_normalizar(t) for t in fila] for fila in tabla.textos()]


def _filas_encabezado_repetidas(filas_cabeza: list[list[str]], filas: list[list[str]]) -> int:
    """How many leading rows of a continuation repeat the table's first rows."""
    n = 0
    while n < min(len(filas_cabeza), len(filas), 3) and any(filas[n]) and filas_cabeza[n] == filas[n]:
        n += 1
    return n


def _encabezado_propio(pieza: Tabla) -> int:
    """The header rows a continuation prints again in its own words (read as
    any table's header is), none when it opens with body rows."""
    from extractor.tablas.columnas import filas_encabezado

    rejilla = pieza.rejilla()
    n = filas_encabezado(pieza, rejilla)
    if n >= len(rejilla):
        return 0
    # a header has no "Label: figure" cell ("▸ Así arrancamos en 2019: 210 hogares" is a body row)
    return 0 if any(c is not None and _CAMPO_CON_CIFRA.search(c.texto) for fila in rejilla[:n] for c in fila) else n


_CAMPO_CON_CIFRA = re.compile(r":\s*\$?\s*\d")


def _solo_encabezado(tabla: Tabla) -> bool:
    """A few rows of header words without figures (a header drawn apart
    from its body: between two rules, the body ruled under it)."""
    filas = tabla.textos()
    return (
        0 < len(filas) <= MAX_FILAS_ENCABEZADO_APARTE
        and any(len([t for t in f if t.strip()]) >= 2 for f in filas)
        and not any(_es_cifra(t) for f in filas for t in f)
    )


def _con_encabezado_aparte(bloques: list) -> list:
    """Each table printed right under a header drawn apart from it (same
    page, as many columns) with that header as its first rows; or, on
    another grid, with the band lines between them (`bajo_su_encabezado`)."""
    salida: list = []
    for bloque in bloques:
        anterior = salida[-1] if salida else None
        if (
            isinstance(bloque, Tabla)
            and isinstance(anterior, Tabla)
            and anterior.paginas == bloque.paginas[:1]
            and anterior.n_columnas == bloque.n_columnas
            and _solo_encabezado(anterior)
            and not _solo_encabezado(bloque)
        ):
            n = anterior.n_filas
            salida[-1] = Tabla(
                indice=anterior.indice,
                celdas=list(anterior.celdas) + [replace(c, fila=c.fila + n) for c in bloque.celdas],
                filas_encabezado_marcadas=anterior.filas_encabezado_marcadas,
            )
            continue
        if isinstance(bloque, Tabla) and (unida := _bajo_otra_rejilla(salida, bloque)) is not None:
            k, tabla = unida
            salida[k:] = [tabla]
            continue
        salida.append(bloque)
    return salida


MAX_BANDAS_ENTRE = _U["max_bandas_entre"]  # band lines between a header apart and its body
# rows of figures read with a header apart (the page's first rows on its grid) before the body on another grid
MAX_FILAS_BAJO_ENCABEZADO_APARTE = _U["max_filas_bajo_encabezado_aparte"]


def _bajo_otra_rejilla(salida: list, cuerpo: Tabla) -> tuple[int, Tabla] | None:
    """(where the header stands in `salida`, the header with the bands and
    the body as one table) when a header-only table on the body's page
    comes right before it on another grid, with at most MAX_BANDAS_ENTRE
    short lines between (the plan's axis and programme); None otherwise."""
    bandas: list[BloqueTexto] = []
    for k in range(len(salida) - 1, max(-1, len(salida) - 2 - MAX_BANDAS_ENTRE), -1):
        previo = salida[k]
        if isinstance(previo, BloqueTexto):
            if previo.pagina not in cuerpo.paginas[:1] or "\n" in previo.texto.strip():
                return None
            bandas.insert(0, previo)
            continue
        if (
            isinstance(previo, Tabla)
            and previo.paginas == cuerpo.paginas[:1]
            and previo.n_columnas != cuerpo.n_columnas
            and not _solo_encabezado(cuerpo)
            and (partes := _encabezado_y_resto(previo)) is not None
            and (tabla := en_sus_columnas(partes[0], bandas, cuerpo, partes[1])) is not None
        ):
            return k, tabla
        return None
    return None


def _encabezado_y_resto(tabla: Tabla) -> tuple[Tabla, list[Celda]] | None:
    """(its header rows as a table, the cells of the rows under them) of a
    table that starts with a header apart: the whole table when it is only
    header ("2024 | 2025" over "Prog. | Ejec."), or its first rows without
    figures over a few more (a page's repeated header with the first bands
    and rows drawn on its grid); None when it does not start so."""
    if _solo_encabezado(tabla):
        return tabla, []
    filas = tabla.textos()
    n = next((k for k, f in enumerate(filas) if any(_es_cifra(t) for t in f)), len(filas))
    # the header: up to the first row across the table (a band) or with a figure
    n = min([n] + [c.fila for c in tabla.celdas if c.columna == 0 and c.columnas_span == tabla.n_columnas > 1])
    if n == 0 or n > MAX_FILAS_ENCABEZADO_APARTE or not _solo_encabezado(encabezado := _primeras_filas(tabla, n)):
        return None
    resto = [c for c in tabla.celdas if c.fila >= n]
    if len({c.fila for c in resto if _es_cifra(c.texto)}) > MAX_FILAS_BAJO_ENCABEZADO_APARTE:
        return None  # a table of its own, not a header with the page's first rows
    return encabezado, resto


def _primeras_filas(tabla: Tabla, n: int) -> Tabla:
    return Tabla(indice=tabla.indice, celdas=[c for c in tabla.celdas if c.fila < n])


def _es_cifra(texto: str) -> bool:
    """A figure, not a bare year (a header's "2024")."""
    from extractor.tablas.columnas import es_anio

    return (n := leer_numero(texto)) is not None and not es_anio(n)


MAX_FILAS_ENCABEZADO_APARTE = _U["max_filas_encabezado_aparte"]


def _columnas_cortadas(fila: list[str]) -> list[int]:
    """The text columns a row cut by the page break continues, if any: its
    filled cells, every one text and none a figure (the target's and the
    indicator's wording going on side by side). A heading across the table
    (one cell over several columns) is no such row: the caller checks."""
    llenas = [k for k, t in enumerate(fila) if t.strip()]
    if not llenas or any(not any(ch.isalpha() for ch in fila[k]) or leer_numero(fila[k]) for k in llenas):
        return []
    return llenas


def _empieza_otra_partida(anterior: str, texto: str) -> bool:
    """A cut row goes on mid-sentence: its text starts in lower case, or the
    previous row's label stops without closing punctuation. Otherwise the
    label-only row at the top of the page is a row of its own (a heading),
    as is one that opens with an item's code ("3.2.00 - Transferencias")."""
    if es_codigo_numerico(texto.split()[0] if texto.split() else ""):
        return True
    primera = next((ch for ch in texto.strip() if ch.isalnum()), "")
    if primera.islower():
        return False
    anterior = anterior.strip()
    return not anterior or anterior[-1] in ".:;!?)"


_PROPORCION_LLENA = _U["proporcion_llena"]  # a column most body rows fill is a column every item has


def _columnas_llenas(filas: list[list[str]]) -> set[int]:
    """Columns that most rows fill (number, name, unit, figures)."""
    if not filas:
        return set()
    ancho = max(len(r) for r in filas)
    return {
        k
        for k in range(ancho)
        if sum(k < len(r) and bool(r[k].strip()) for r in filas) >= _PROPORCION_LLENA * len(filas)
    }


def _son_mitades(anterior: list[str], fila: list[str], habituales: set[int]) -> bool:
    """The last row of a page and the first of the next are two halves of one
    item: each leaves empty a column most rows fill and the other fills it,
    and where both have text it is the name going on (not a figure, not a
    new sentence)."""
    llenas_anterior = {k for k, t in enumerate(anterior) if t.strip()}
    llenas_fila = {k for k, t in enumerate(fila) if t.strip()}
    if not llenas_anterior or not llenas_fila:
        return False
    sin_cifras = not any(leer_numero(anterior[k]) is not None for k in llenas_anterior)
    if not (habituales - llenas_anterior) & llenas_fila or not (
        (habituales - llenas_fila) & llenas_anterior or sin_cifras  # the name before the break, the figures after it
    ):
        return False
    if not habituales <= llenas_anterior | llenas_fila:
        return False  # together they are still not a whole item
    for k in llenas_anterior & llenas_fila:
        if not any(ch.isalpha() for ch in fila[k]) or _empieza_otra_partida(anterior[k], fila[k]):
            return False
    return True


def _unir_mitades(celdas: list[Celda], ultima: int, cola: list[Celda]) -> list[Celda]:
    """The cells of the last row with the continuation row's cells appended:
    text joined on a new line, empty cells taken from the continuation."""
    celdas = list(celdas)
    for t in cola:
        destino = next(
            (
                i
                for i in range(len(celdas) - 1, -1, -1)
                if celdas[i].columna == t.columna and celdas[i].fila <= ultima < celdas[i].fila + celdas[i].filas_span
            ),
            None,
        )
        if not t.texto.strip():
            continue
        if destino is None:
            celdas.append(replace(t, fila=ultima))
        elif celdas[destino].texto.strip():
            celdas[destino] = replace(celdas[destino], texto=f"{celdas[destino].texto}\n{t.texto}".strip())
        else:
            celdas[destino] = replace(t, fila=celdas[destino].fila)
    return celdas


def _celda_en(celdas: list[Celda], columna: int, fila: int) -> int | None:
    """Index of the cell that covers (fila, columna), the last one drawn."""
    return next(
        (
            i
            for i in range(len(celdas) - 1, -1, -1)
            if celdas[i].columna == columna and celdas[i].fila <= fila < celdas[i].fila + celdas[i].filas_span
        ),
        None,
    )


def _continua(ultima: Tabla, siguiente: Tabla) -> bool:
    return bool(
        siguiente.paginas
        and ultima.paginas
        and siguiente.paginas[0] == ultima.paginas[-1] + 1
        and siguiente.n_columnas == ultima.n_columnas
    )


def _coser(piezas: list[Tabla]) -> Tabla:
    """One table from a table and its continuations on the following pages."""
    cabeza = piezas[0]
    filas_cabeza = _filas(cabeza)[:3]
    celdas = list(cabeza.celdas)
    n_filas = cabeza.n_filas
    ultima_fila = cabeza.textos()[-1] if n_filas else []
    filas_cuerpo = cabeza.textos()[len(filas_cabeza) :]
    for pieza in piezas[1:]:
        textos = pieza.textos()
        # its header repeated word for word, or in other words and style ("LB" for "Línea base")
        primera = _filas_encabezado_repetidas(filas_cabeza, _filas(pieza)) or _encabezado_propio(pieza)
        desplazamiento = n_filas - primera
        de_ancho = any(c.columnas_span > 1 and c.texto.strip() for c in pieza.celdas if c.fila == primera)
        columnas = _columnas_cortadas(textos[primera]) if primera < len(textos) and not de_ancho else []
        destinos = [d for k in columnas if (d := _celda_en(celdas, k, n_filas - 1)) is not None]
        if (
            columnas
            and len(destinos) == len(columnas)
            and not any(_empieza_otra_partida(ultima_fila[k], textos[primera][k]) for k in columnas)
        ):
            for k, destino in zip(columnas, destinos):
                cola = next(c for c in pieza.celdas if c.fila == primera and c.columna == k)
                celdas[destino] = replace(celdas[destino], texto=f"{celdas[destino].texto}\n{cola.texto}".strip())
            primera += 1
            desplazamiento -= 1
        elif (
            primera < len(textos)
            and n_filas
            and _son_mitades(ultima_fila, textos[primera], _columnas_llenas(filas_cuerpo + textos[primera + 1 :]))
        ):
            celdas = _unir_mitades(celdas, n_filas - 1, [c for c in pieza.celdas if c.fila == primera])
            primera += 1
            desplazamiento -= 1
        celdas.extend(replace(c, fila=c.fila + desplazamiento) for c in pieza.celdas if c.fila >= primera)
        n_filas = max(n_filas, desplazamiento + pieza.n_filas)
        ultima_fila = textos[-1] if len(textos) > primera else ultima_fila
    return Tabla(indice=cabeza.indice, celdas=celdas, filas_encabezado_marcadas=cabeza.filas_encabezado_marcadas)


def _misma_columna(rejilla, k: int) -> bool:
    """Grid columns k and k+1 are one column of the reader's table when no row
    puts two different texts in them and most rows span both with one cell.
    (Ruled PDFs often have header boxes narrower than the body's.)"""
    abarcan = 0
    for fila in rejilla:
        a, b = fila[k], fila[k + 1]
        if a is b:
            abarcan += a is not None
        elif a is not None and b is not None and a.texto.strip() and b.texto.strip():
            return False
    return abarcan * 2 > len(rejilla)


def compactar_columnas(tabla: Tabla) -> Tabla:
    rejilla = tabla.rejilla()
    if not rejilla or tabla.n_columnas < 2:
        return tabla
    indice_nuevo, actual = [0], 0
    for k in range(tabla.n_columnas - 1):
        if not _misma_columna(rejilla, k):
            actual += 1
        indice_nuevo.append(actual)
    if actual == tabla.n_columnas - 1:
        return tabla
    conservadas: dict[tuple[int, int], Celda] = {}
    for c in tabla.celdas:
        primera = indice_nuevo[c.columna]
        extension = indice_nuevo[c.columna + c.columnas_span - 1] - primera + 1
        celda = replace(c, columna=primera, columnas_span=extension)
        clave = (c.fila, primera)
        if clave not in conservadas or not conservadas[clave].texto.strip():
            conservadas[clave] = celda
    return replace(tabla, celdas=list(conservadas.values()))


def _unidas_de_lado(bloques: list) -> list:
    """Blocks with each table continued sideways on the next page (extractor/tablas/de_lado.py)
    joined to its table; text between the two (notes, titles) stays."""
    salida: list = []
    ultima = None  # position of the last table in `salida`
    for bloque in bloques:
        if isinstance(bloque, Tabla) and ultima is not None and continua_de_lado(salida[ultima], bloque):
            salida[ultima] = unir_de_lado(salida[ultima], bloque)
            continue
        if isinstance(bloque, Tabla) and ultima is not None and continua_sin_claves(salida[ultima], bloque):
            salida[ultima] = unir_sin_claves(salida[ultima], bloque)
            continue
        if isinstance(bloque, Tabla):
            ultima = len(salida)
        salida.append(bloque)
    return salida


def _franjas_de_columnas(tabla: Tabla) -> list[tuple[float, float]] | None:
    """Each column's span across the page (x0, x1), from its cells of one
    column; None when a column has no such cell with a box."""
    franjas: dict[int, tuple[float, float]] = {}
    for c in tabla.celdas:
        if c.bbox is not None and c.columnas_span == 1:
            x0, x1 = franjas.get(c.columna, (c.bbox[0], c.bbox[2]))
            franjas[c.columna] = (min(x0, c.bbox[0]), max(x1, c.bbox[2]))
    if len(franjas) != (ancho := tabla.n_columnas):
        return None
    return [franjas[k] for k in range(ancho)]


def _en_sus_columnas(anterior: Tabla, tabla: Tabla) -> Tabla | None:
    """A table right after the previous one (on its page or the next) that
    goes on with its rows without its header, its grid cut into other
    columns (a browser's page break): its cells moved to the previous table's columns under which they
    stand (by the middle of each box), when each falls under one and no two
    of a row under the same one; None otherwise."""
    if not (anterior.paginas and tabla.paginas and tabla.paginas[0] - anterior.paginas[-1] in (0, 1)):
        return None
    if tabla.n_columnas == anterior.n_columnas or any(c.bbox is None for c in tabla.celdas):
        return None
    franjas = _franjas_de_columnas(anterior)
    if franjas is None or _encabezado_propio(tabla):  # (the header last: reading it classifies its words)
        return None
    por_fila: dict[int, list[Celda]] = {}
    chocan: set[int] = set()  # rows with two cells under one column
    for c in tabla.celdas:
        if not c.texto.strip():
            continue
        medio = (c.bbox[0] + c.bbox[2]) / 2  # type: ignore[index]
        columna = next((k for k, (x0, x1) in enumerate(franjas) if x0 <= medio <= x1), None)
        if columna is None:
            return None
        fila = por_fila.setdefault(c.fila, [])
        if any(o.columna == columna for o in fila):
            chocan.add(c.fila)
        fila.append(replace(c, columna=columna, columnas_span=1))
    # the rows after the last one that fills two thirds of the columns are the list's foot ("Anterior 1 Siguiente",
    # "Mostrando registros del 1 al 11"): left out; only they may clash
    ancho = anterior.n_columnas
    llenas = [f for f in sorted(por_fila) if len(por_fila[f]) * 3 >= ancho * 2]
    if not llenas or any(f <= llenas[-1] for f in chocan):
        return None
    return Tabla(indice=tabla.indice, celdas=[c for f in sorted(por_fila) if f <= llenas[-1] for c in por_fila[f]])


def unir_tablas(doc: Documento) -> Documento:
    grupos: list[list[Tabla]] = []
    bloques: list = []
    for bloque in _con_encabezado_aparte(doc.bloques):
        if isinstance(bloque, Tabla):
            bloque = compactar_columnas(bloque)
            if bloques and bloques[-1] is None and (regrillada := _en_sus_columnas(grupos[-1][-1], bloque)):
                grupos[-1].append(regrillada)  # the previous table's rows in a grid cut otherwise
                continue
            if (
                bloques
                and bloques[-1] is None
                and _continua(grupos[-1][-1], bloque)
                and not continua_de_lado(grupos[-1][-1], bloque)  # the same rows, other columns
            ):
                grupos[-1].append(bloque)
                continue
            grupos.append([bloque])
            bloques.append(None)  # placeholder: the stitched group goes here
        else:
            bloques.append(bloque)
    cosidas = iter(_coser(g) for g in grupos)
    bloques = _unidas_de_lado([next(cosidas) if b is None else b for b in bloques])
    for indice, tabla in enumerate((b for b in bloques if isinstance(b, Tabla)), start=1):
        tabla.indice = indice
    return replace(doc, bloques=bloques)
