"""Cards side by side read as one table: a dashboard whose cards have no
box around them lines up their "Label   figure" lines, and a reader of
tables without rules takes the page for one table whose label column
repeats ("Línea base 2023 | 1.240 | Línea base 2023 | 3.500 | …"). A
label column that repeats the same measures row by row starts a card:
the table is parted into one table per card (its heading rows, its
label/value rows), each read as a key/value table of one indicator."""

from __future__ import annotations

from dataclasses import replace

from extractor.modelo import Bloque, Documento, Tabla

MIN_ROTULOS = 3  # rows where two label columns name the same measure, at least


def _rotulos(tabla: Tabla) -> dict[int, dict[int, str]]:
    """{column: {row: the measure its label names}} of the columns whose cells name measures."""
    from extractor.tablas.encabezados import clasificador

    cls = clasificador()
    salida: dict[int, dict[int, str]] = {}
    for c in tabla.celdas:
        texto = " ".join(c.texto.split())
        if not texto or any(ch.isdigit() for ch in _sin_anios(texto)):
            continue
        if (medida := cls.medida(texto)) is not None:
            salida.setdefault(c.columna, {})[c.fila] = f"{medida}|{_sin_anios(texto).lower()}"
    return salida


def _sin_anios(texto: str) -> str:
    import re

    return re.sub(r"\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)\d\d\b)?", "", texto)


def columnas_de_tarjetas(tabla: Tabla) -> list[int]:
    """The columns where a card starts: two label columns or more whose
    labels are the same measures in the same rows (MIN_ROTULOS at least);
    [] otherwise."""
    rotulos = _rotulos(tabla)
    columnas = sorted(rotulos)
    iguales = [
        k
        for k in columnas
        if any(
            otra != k and sum(rotulos[otra].get(r) == m for r, m in rotulos[k].items()) >= MIN_ROTULOS
            for otra in columnas
        )
    ]
    return iguales if len(iguales) >= 2 else []


def partida(tabla: Tabla) -> list[Tabla]:
    """The table parted at the columns where its cards start (one table per
    card); [tabla] when it is no row of cards."""
    inicios = columnas_de_tarjetas(tabla)
    if not inicios or inicios[0] != 0:  # the first card starts at the table's left edge
        return [tabla]
    cortes = [*inicios[1:], tabla.n_columnas]
    partes = []
    for desde, hasta in zip(inicios, cortes):
        celdas = [
            replace(c, columna=c.columna - desde, columnas_span=min(c.columnas_span, hasta - c.columna))
            for c in tabla.celdas
            if desde <= c.columna < hasta
        ]
        if any(c.texto.strip() for c in celdas):
            partes.append(Tabla(indice=tabla.indice, celdas=celdas))
    return partes or [tabla]


def separar_tarjetas(doc: Documento) -> Documento:
    """The document with each row of cards read as a table parted into its
    cards, the tables numbered anew in reading order."""
    bloques: list[Bloque] = []
    for bloque in doc.bloques:
        bloques += partida(bloque) if isinstance(bloque, Tabla) else [bloque]
    if len(bloques) != len(doc.bloques):
        for n, tabla in enumerate((b for b in bloques if isinstance(b, Tabla)), start=1):
            tabla.indice = n
        doc.bloques = bloques
    return doc
