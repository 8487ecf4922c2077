"""Rows that stack several indicators in one row of cells: a Word table
whose name cell holds two bullets ("Kilómetros de vías urbanas
pavimentadas" / "Metros lineales de andenes construidos") and whose value
cells hold two figures each, one per line, in the bullets' order. Each line
is its own row; a cell with one value (the money both share, the
activities) spans the new rows."""

from __future__ import annotations

from dataclasses import replace

from extractor.castellano.numeros import leer_numero
from extractor.modelo import Documento, Tabla

MIN_COLUMNAS_DE_CIFRAS = 2  # value cells with one figure per line that make a row stacked


def _lineas(texto: str) -> list[str]:
    return [l.strip() for l in texto.split("\n") if l.strip()]


def _cifras(lineas: list[str]) -> bool:
    return all(leer_numero(l) is not None for l in lineas)


def _apilada(celdas) -> int:
    """How many indicators a row of cells stacks (1: none): the number of
    lines of its cells of figures, when two or more cells hold that many
    figures, one per line, and a cell of text holds that many lines."""
    lineas = [_lineas(c.texto) for c in celdas]
    de_cifras = [len(l) for l in lineas if len(l) >= 2 and _cifras(l)]
    if len(set(de_cifras)) != 1 or len(de_cifras) < MIN_COLUMNAS_DE_CIFRAS:
        return 1
    n = de_cifras[0]
    return n if any(len(l) == n and not _cifras(l) for l in lineas) else 1


def filas_separadas(tabla: Tabla) -> Tabla:
    """The table with each stacked row split into one row per line."""
    por_fila: dict[int, list] = {}
    for c in tabla.celdas:
        if c.filas_span == 1:
            por_fila.setdefault(c.fila, []).append(c)
    partes = {r: n for r, celdas in por_fila.items() if (n := _apilada(celdas)) > 1}
    if not partes:
        return tabla
    inicio = {}  # old row -> its first new row
    siguiente = 0
    for r in range(tabla.n_filas):
        inicio[r] = siguiente
        siguiente += partes.get(r, 1)
    celdas = []
    for c in tabla.celdas:
        n = partes.get(c.fila, 1)
        lineas = _lineas(c.texto)
        if c.filas_span == 1 and n > 1 and len(lineas) == n:
            celdas += [replace(c, texto=l, fila=inicio[c.fila] + k) for k, l in enumerate(lineas)]
            continue
        ultima = c.fila + c.filas_span - 1
        fin = inicio[ultima] + partes.get(ultima, 1)
        celdas.append(replace(c, fila=inicio[c.fila], filas_span=fin - inicio[c.fila]))
    return replace(tabla, celdas=celdas)


def separar_filas_apiladas(doc: Documento) -> Documento:
    for k, bloque in enumerate(doc.bloques):
        if isinstance(bloque, Tabla):
            doc.bloques[k] = filas_separadas(bloque)
    return doc
