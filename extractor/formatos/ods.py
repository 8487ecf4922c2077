"""What calamine does not give of an .ods sheet: its merged ranges and its
hidden (collapsed or filtered) rows and columns, from the OpenDocument XML.

`content.xml` is read as a stream (`iterparse`): a cell's position follows
from the repeat counts of the rows and cells before it
(`table:number-rows-repeated`, `table:number-columns-repeated`); a merged
cell says how many rows and columns it spans
(`table:number-rows-spanned`, `table:number-columns-spanned`); a row or
column with `table:visibility` other than "visible" is hidden.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import iterparse

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
MAX_REPETIDAS = 1 << 20  # a sheet's last row or column may "repeat" to the edge of the grid


@dataclass
class EstructuraOds:
    combinadas: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive, 0-based
    filas_ocultas: set[int] = field(default_factory=set)
    columnas_ocultas: set[int] = field(default_factory=set)


def _entero(elemento, atributo: str) -> int:
    return min(int(elemento.get(_T + atributo, "1")), MAX_REPETIDAS)


def estructura(ruta: Path) -> dict[str, EstructuraOds]:
    """Sheet name → its merged ranges and hidden rows and columns."""
    salida: dict[str, EstructuraOds] = {}
    with zipfile.ZipFile(ruta) as z, z.open("content.xml") as xml:
        actual: EstructuraOds | None = None
        fila = columna = columna_def = profundidad = 0
        for evento, e in iterparse(xml, events=("start", "end")):
            if e.tag == _T + "table":
                profundidad += 1 if evento == "start" else -1
                if evento == "start" and profundidad == 1:
                    actual = salida.setdefault(e.get(_T + "name", ""), EstructuraOds())
                    fila = columna_def = 0
            if actual is None or profundidad != 1:
                continue
            if evento == "start" and e.tag == _T + "table-column":
                n = _entero(e, "number-columns-repeated")
                if e.get(_T + "visibility", "visible") != "visible":
                    actual.columnas_ocultas.update(range(columna_def, columna_def + min(n, 16384)))
                columna_def += n
            elif evento == "start" and e.tag == _T + "table-row":
                columna = 0
            elif evento == "end" and e.tag == _T + "table-row":
                n = _entero(e, "number-rows-repeated")
                if e.get(_T + "visibility", "visible") != "visible" and n < 16384:
                    actual.filas_ocultas.update(range(fila, fila + n))
                fila += n
                e.clear()
            elif evento == "start" and e.tag in (_T + "table-cell", _T + "covered-table-cell"):
                filas, columnas = _entero(e, "number-rows-spanned"), _entero(e, "number-columns-spanned")
                if filas > 1 or columnas > 1:
                    actual.combinadas.append((fila, columna, fila + filas - 1, columna + columnas - 1))
                columna += _entero(e, "number-columns-repeated")
    return salida
