"""Reading templates: a person's correction of how a table's columns were
read, applied to every later table with the same header.

A template is data handed to the extractor (`interpretar(doc, plantillas)`):
the extractor never reads the store. It is keyed by the table's header
signature (`firma`: the column headers, case and accents folded, years
written as "<año>"), so that the same office's next report, with next
year's headers, is read the same way. Each corrected column says what the
reader should have read: a measure (its period read again from the header,
or from the corrected period text), a period, or a text role ("ignorar").
Period texts may hold "{vigencia}" and "{vigencia-1}": the report's year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, Optional, Sequence

from extractor.tablas.encabezados import normalizar

_ANIO = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")
_VIGENCIA = re.compile(r"\{vigencia(?:\s*([+-])\s*(\d+))?\}")
ROLES_TEXTO = ("etiqueta", "codigo", "unidad", "fuente", "ignorar", "texto")


@dataclass(frozen=True)
class ColumnaCorregida:
    """What the reader should read in one column (None: as the reader reads it)."""

    columna: int  # 0-based index in the table
    medida: Optional[str] = None  # esquemas/medidas.csv
    periodo: Optional[str] = None  # period text, as a header would write it ("2024", "I semestre {vigencia}")
    rol: Optional[str] = None  # a text role (ROLES_TEXTO) for a column that holds no figures


@dataclass(frozen=True)
class Plantilla:
    plantilla_id: str
    firma: str
    columnas: tuple[ColumnaCorregida, ...]


def firma(encabezados: Sequence[str]) -> str:
    """The header signature of a table: its column headers folded, years as "<año>"."""
    return " | ".join(_ANIO.sub("<año>", normalizar(e or "")) for e in encabezados)


def periodo_relativo(texto: str, vigencia: Optional[int]) -> str:
    """A period text with the report's year written as "{vigencia}" (and the
    year before as "{vigencia-1}"), so that the template serves next year."""
    if not vigencia:
        return texto

    def cambiar(m: re.Match) -> str:
        anio = int(m.group(1))
        if anio == vigencia:
            return "{vigencia}"
        if anio == vigencia - 1:
            return "{vigencia-1}"
        return m.group(1)

    return _ANIO.sub(cambiar, texto)


def periodo_absoluto(texto: str, vigencia: Optional[int]) -> str:
    def cambiar(m: re.Match) -> str:
        if not vigencia:
            return ""
        n = int(m.group(2) or 0)
        return str(vigencia + n if m.group(1) == "+" else vigencia - n)

    return " ".join(_VIGENCIA.sub(cambiar, texto).split())


def buscar(encabezados: Sequence[str], plantillas: Iterable[Plantilla]) -> Optional[Plantilla]:
    """The first template whose signature is the table's."""
    propia = firma(encabezados)
    return next((p for p in plantillas if p.firma == propia), None)


def aplicar(cols: list, plantillas: Iterable[Plantilla], ctx) -> tuple[list, Optional[Plantilla]]:
    """The columns (extractor.tablas.columnas.Columna) as the matching template
    corrects them, and the template (None: no template matches; the columns
    are returned as they are)."""
    from extractor.tablas.columnas import DINERO, medida_de_celda
    from extractor.tablas.encabezados import clasificador
    from extractor.castellano.periodos import periodo_para

    plantillas = tuple(plantillas)
    if not plantillas or not cols:
        return cols, None
    plantilla = buscar([c.encabezado for c in cols], plantillas)
    if plantilla is None:
        return cols, None
    salida = list(cols)
    for corr in plantilla.columnas:
        if not 0 <= corr.columna < len(salida):
            continue
        col = salida[corr.columna]
        if corr.rol and corr.rol in ROLES_TEXTO:
            salida[corr.columna] = replace(col, rol=corr.rol, medida=None, periodo=None, escala=None, factor=1.0)
            continue
        medida = corr.medida or (col.medida if col.rol == "valor" else None)
        if medida is None:
            continue
        texto = col.texto_periodo or col.encabezado
        if corr.periodo is not None:
            texto = periodo_absoluto(corr.periodo, ctx.vigencia)
        escala, factor = col.escala, col.factor
        if medida in DINERO and escala is None:
            escala, factor = clasificador().escala(col.encabezado)
            factor = factor or 1.0
        elif medida not in DINERO:
            escala, factor = None, 1.0
        salida[corr.columna] = replace(
            col,
            rol="valor",
            medida=medida,
            texto_periodo=texto,
            escala=escala,
            factor=factor,
            periodo=periodo_para(medida_de_celda(medida), texto, ctx),
        )
    return salida, plantilla
