"""A borderless body printed under a header that was read as a table of
its own on another grid: a plan drawn with horizontal rules only, the
header between two rules with its labels centred over their columns
("2024" over "Prog. | Ejec."), the body's figures aligned by white space.
The body's cells go to the header's columns by where their text stands
under the header's labels; the band lines printed between the two ("EJE I.
GUAVIARE SOCIAL", "Programa 1905 · Salud pública") are rows across the
table."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional, Sequence

from extractor.castellano.numeros import leer_numero
from extractor.modelo import BloqueTexto, Celda, Tabla

# a code at the start of a cell that spans the header's code column and the name's ("190502400 Personas …")
_CODIGO = re.compile(r"^\s*(\d[\d.\-]{3,})\s+(\S.*)$", re.S)


def _con_texto(celda: Optional[Celda]) -> bool:
    return celda is not None and bool(celda.texto.strip()) and celda.bbox is not None


def _grupos(encabezado: Tabla) -> dict[int, tuple[int, int]]:
    """Per upper-level label (by id) that heads a group, the columns (first,
    last) it heads: it stands centred between two labels of the lowest level
    ("2024" over "Prog. | Ejec.", in a spacer column between them or over
    the first), with no label of the lowest level right under it."""
    ultima = encabezado.rejilla()[-1]
    centros = {
        k: (c.bbox[0] + c.bbox[2]) / 2 for k, c in enumerate(ultima) if c is not None and _con_texto(c) and c.bbox
    }
    salida = {}
    for celda in encabezado.celdas:
        if celda.fila >= encabezado.n_filas - 1 or celda.columnas_span != 1 or not _con_texto(celda):
            continue
        assert celda.bbox is not None
        centro = (celda.bbox[0] + celda.bbox[2]) / 2
        izquierda = max((k for k, x in centros.items() if x < centro - 2), default=None)
        derecha = min((k for k, x in centros.items() if x > centro + 2), default=None)
        if izquierda is None or derecha is None or not izquierda <= celda.columna <= derecha:
            continue
        if any(izquierda < k < derecha for k in centros):
            continue  # a label of the lowest level right under it: it heads that one column
        if abs(centro - (centros[izquierda] + centros[derecha]) / 2) <= (centros[derecha] - centros[izquierda]) / 4:
            salida[id(celda)] = (izquierda, derecha)
    return salida


def _etiquetas(encabezado: Tabla, grupos: dict[int, tuple[int, int]]) -> dict[int, tuple[float, float]]:
    """Each header column's span across the page: the box of its lowest
    label (a group's label heads a group, not a column)."""
    rejilla = encabezado.rejilla()
    extensiones: dict[int, tuple[float, float]] = {}
    for k in range(len(rejilla[-1]) if rejilla else 0):
        celda = next((f[k] for f in reversed(rejilla) if _con_texto(f[k])), None)
        if celda is None or celda.columnas_span != 1 or id(celda) in grupos:
            continue
        assert celda.bbox is not None
        extensiones[k] = (celda.bbox[0], celda.bbox[2])
    return extensiones


def _distancia(caja: tuple, x0: float, x1: float) -> float:
    return max(0.0, x0 - caja[2], caja[0] - x1)


def _bajo(caja: tuple, etiquetas: dict[int, tuple[float, float]]) -> list[int]:
    """The header columns whose labels the box stands under (they overlap
    across the page); with none, the nearest label when it is clearly the
    nearest (a short figure right-aligned past its label's end)."""
    encima = sorted(k for k, (x0, x1) in etiquetas.items() if min(caja[2], x1) - max(caja[0], x0) > 0)
    if encima:
        return encima
    cercanas = sorted(etiquetas, key=lambda k: _distancia(caja, *etiquetas[k]))
    if len(cercanas) >= 2 and _distancia(caja, *etiquetas[cercanas[0]]) * 2 < _distancia(caja, *etiquetas[cercanas[1]]):
        return cercanas[:1]
    return []


def _es_cifra(texto: str) -> bool:
    """A figure, not a code: a run of five digits or more without separators is a code ("240201500")."""
    texto = texto.strip()
    return leer_numero(texto) is not None and not (texto.isdigit() and len(texto) >= 5)


def _anio(texto: str) -> bool:
    from extractor.tablas.columnas import es_anio

    return (n := leer_numero(texto.strip())) is not None and es_anio(n)


def _clase_de_columnas(celdas: Sequence[Celda]) -> dict[int, bool]:
    """Per column of rows already on the header's grid: whether its cells
    hold figures (True) or words (False), when all of them agree."""
    vistas: dict[int, set[bool]] = {}
    for c in celdas:
        if c.texto.strip() and c.columnas_span == 1:
            vistas.setdefault(c.columna, set()).add(_es_cifra(c.texto))
    return {k: next(iter(v)) for k, v in vistas.items() if len(v) == 1}


def en_sus_columnas(
    encabezado: Tabla, bandas: list[BloqueTexto], cuerpo: Tabla, ya_en_ellas: Sequence[Celda] = ()
) -> Optional[Tabla]:
    """The header, the rows already on its grid (`ya_en_ellas`: a page's
    first rows read with the header), the bands and the body as one table
    in the header's columns, when each body cell with text stands under one
    header label (or under the code's and the name's, starting with its
    code) and no two cells of a row under the same one; None otherwise."""
    grupos = _grupos(encabezado)
    etiquetas = _etiquetas(encabezado, grupos)
    ancho = encabezado.n_columnas
    if len(etiquetas) < 3 or any(c.bbox is None for c in cuerpo.celdas if c.texto.strip()):
        return None
    alto = max([encabezado.n_filas, *(c.fila + c.filas_span for c in ya_en_ellas)])
    # a group's label over the columns beside it: "2024" over "Prog. | (spacer) | Ejec."
    cubiertas = {  # the empty cells a group's label now covers
        (g.fila, k) for g in encabezado.celdas if id(g) in grupos for k in range(grupos[id(g)][0], grupos[id(g)][1] + 1)
    }
    celdas = []
    for c in encabezado.celdas:
        if id(c) in grupos:
            primera, ultima = grupos[id(c)]
            celdas.append(replace(c, columna=primera, columnas_span=ultima - primera + 1))
        elif _con_texto(c) or (c.fila, c.columna) not in cubiertas:
            celdas.append(c)
    ya_en_ellas = _recolocadas(ya_en_ellas, etiquetas)
    celdas += ya_en_ellas
    for k, banda in enumerate(bandas):
        texto = " ".join(banda.texto.split())
        celdas.append(
            Celda(texto, alto + k, 0, banda.pagina, columnas_span=ancho, bbox=banda.bbox, negrita=banda.negrita)
        )
    arriba = alto + len(bandas)
    llenas: dict[int, int] = {}  # the body's rows -> how many cells with text
    for c in cuerpo.celdas:
        llenas[c.fila] = llenas.get(c.fila, 0) + bool(c.texto.strip())
    clase = _clase_de_columnas(ya_en_ellas)
    por_fila: dict[int, set[int]] = {}
    for c in cuerpo.celdas:
        if not c.texto.strip():
            continue
        assert c.bbox is not None
        columnas = _bajo(c.bbox, etiquetas)
        # a line alone on its row across the labels: a band ("Programa 2201 · Calidad …") or a note
        # (under one label only: a name that wraps above its row)
        sola = c.columna == 0 and llenas[c.fila] == 1 and len(columnas) != 1
        partes = [(0, c.texto)] if sola else _partes(c, columnas, etiquetas)
        if partes is None:
            return None
        ocupadas = por_fila.setdefault(c.fila, set())
        for columna, texto in partes:
            if columna in ocupadas or (not _anio(texto) and clase.get(columna, _es_cifra(texto)) != _es_cifra(texto)):
                return None  # two under one label, or a figure where the rows above have words (or the reverse)
            ocupadas.add(columna)
            span = ancho if sola else 1
            celdas.append(replace(c, texto=texto, fila=arriba + c.fila, columna=columna, columnas_span=span))
    return Tabla(
        indice=encabezado.indice,
        celdas=_con_nombres_enteros(celdas, arriba),
        filas_encabezado_marcadas=encabezado.filas_encabezado_marcadas,
    )


def _partes(
    c: Celda, columnas: list[int], etiquetas: dict[int, tuple[float, float]]
) -> Optional[list[tuple[int, str]]]:
    """(column, text) of a cell standing under the header's labels
    `columnas`: under one label, itself; starting with a code under the
    code's label, the code there and the name under the next label; None
    when it stands under several."""
    siguiente = min((k for k in etiquetas if columnas and k > columnas[0]), default=None)
    if c.columna == 0 and columnas and siguiente is not None and (m := _CODIGO.match(c.texto)):
        # "190502400 Personas atendidas …": the code under its label, the name under the next
        return [(columnas[0], m.group(1)), (siguiente, m.group(2))]
    return [(columnas[0], c.texto)] if len(columnas) == 1 else None


def _recolocadas(celdas: Sequence[Celda], etiquetas: dict[int, tuple[float, float]]) -> list[Celda]:
    """The rows read on the header's grid under the labels they stand under:
    that grid's columns come from the labels and the gaps between them, so a
    short figure right-aligned under "Prog." may have landed in the column of
    the year centred over "Prog. | Ejec.". A row that does not fit, one cell
    per label, stays as it was read."""
    por_fila: dict[int, list[Celda]] = {}
    for c in celdas:
        por_fila.setdefault(c.fila, []).append(c)
    salida: list[Celda] = []
    for fila in sorted(por_fila):
        propias = por_fila[fila]
        con_texto = [c for c in propias if c.texto.strip()]
        puestas: list[Celda] = []
        for c in con_texto:
            partes = _partes(c, _bajo(c.bbox, etiquetas), etiquetas) if c.bbox is not None else None
            if partes is None or len(con_texto) < 2:
                break
            puestas += [replace(c, texto=texto, columna=k, columnas_span=1) for k, texto in partes]
        else:
            if len({c.columna for c in puestas}) == len(puestas):
                salida += puestas
                continue
        salida += propias
    return salida


def _con_nombres_enteros(celdas: list[Celda], arriba: int) -> list[Celda]:
    """The body's cells with a name that wraps around its row joined: a row
    with only words in one column right above a row whose cell in that
    column goes on in lower case ("Campañas de prevención … por vectores"
    over "realizadas", the figures on the second row's first line)."""
    por_fila: dict[int, list[Celda]] = {}
    for c in celdas:
        if c.fila >= arriba and c.texto.strip():
            por_fila.setdefault(c.fila, []).append(c)
    unidas: dict[int, Celda] = {}  # id of a cell -> the cell it becomes
    quitadas: set[int] = set()
    for fila, propias in por_fila.items():
        siguientes = por_fila.get(fila + 1, [])
        if len(propias) != 1 or propias[0].columnas_span != 1 or len(siguientes) < 3:
            continue
        sola = propias[0]
        abajo = next((c for c in siguientes if c.columna == sola.columna), None)
        if abajo is not None and abajo.texto.strip()[:1].islower():
            unidas[id(abajo)] = replace(abajo, texto=f"{sola.texto.strip()} {abajo.texto.strip()}")
            quitadas.add(id(sola))
    return [unidas.get(id(c), c) for c in celdas if id(c) not in quitadas]
