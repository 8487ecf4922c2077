"""Tables written on their side: each column an indicator, each row a
measure ("Concepto | Cobertura del servicio | Continuidad del servicio…"
over "Línea base | 92,4% | 18", "Meta 2023 | 97,0% | 24", "% de avance |
99,1 % | 89,6 %"). They are read as the same table turned a quarter: the
header row's names become the label column, the first column's measures
the header.

A table is on its side when most cells of its first column under the
header open with a measure by the rules of esquemas/encabezados.yaml (at least
`MIN_MEDIDAS` of them), fewer than half of the header row's other cells
name one (an indicator's name may say "(%)"), and the cells between them
are mostly figures.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.castellano.numeros import leer_numero
from extractor.modelo import Tabla

MIN_MEDIDAS = 2  # measures down the first column before a table is read on its side
_ROLES_DE_TEXTO = ("etiqueta", "unidad", "codigo")


def de_lado(tabla: Tabla) -> bool:
    from extractor.tablas.encabezados import clasificador

    rejilla = tabla.rejilla()
    if len(rejilla) < MIN_MEDIDAS + 1 or len(rejilla[0]) < 2:
        return False
    cls = clasificador()
    filas = [(f, f[0].texto.strip()) for f in rejilla[1:] if f[0] is not None and f[0].texto.strip()]
    primera = [t for _, t in filas]
    # a measure heads its label ("Meta 2024", "% de avance"); "Consejos de seguridad realizados" is a name
    medidas = sum(cls.medida(" ".join(t.split()[:2])) is not None for t in primera)
    # rows of text about each indicator: its name ("Indicador"), unit, code
    de_texto = [(f, t) for f, t in filas if cls.medida(t) is None and cls.rol(t) in _ROLES_DE_TEXTO]
    nombres = [c.texto for c in rejilla[0][1:] if c is not None and c.texto.strip()]
    # with a row of names, the header row may number the indicators ("Meta 1.1 | Meta 1.2")
    con_fila_de_nombres = any(cls.rol(t) == "etiqueta" for _, t in de_texto)
    de_texto_ids = {id(f) for f, _ in de_texto}
    cuerpo = [
        c.texto for f in rejilla[1:] if id(f) not in de_texto_ids for c in f[1:] if c is not None and c.texto.strip()
    ]
    cifras = sum(leer_numero(t) is not None for t in cuerpo)
    return (
        medidas >= MIN_MEDIDAS
        and (medidas + len(de_texto)) * 10 >= len(primera) * 8
        and len(nombres) >= 2
        and (con_fila_de_nombres or sum(cls.medida(_sin_unidad(t)) is not None for t in nombres) * 2 < len(nombres))
        and cifras * 10 >= len(cuerpo) * 7
    )


_UNIDAD_ENTRE_PARENTESIS = re.compile(r"\s*\([^()]{1,20}\)\s*$")


def _sin_unidad(nombre: str) -> str:
    """An indicator's name without the unit it closes with ("Tasa de deserción (%)")."""
    return _UNIDAD_ENTRE_PARENTESIS.sub("", " ".join(nombre.split()))


def girada(tabla: Tabla) -> Tabla:
    """The table turned a quarter: rows become columns (each cell keeps its
    text, page and box)."""
    celdas = [
        replace(c, fila=c.columna, columna=c.fila, filas_span=c.columnas_span, columnas_span=c.filas_span)
        for c in tabla.celdas
    ]
    return Tabla(indice=tabla.indice, celdas=celdas)
