"""Column headers of a table: which rows are header rows, and what each
column holds (the indicator's name, a code, a unit, or a measure with its
period and scale)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .dinero import tipo_gasto_en
from .encabezados import clasificador, normalizar
from .modelo import Celda, Tabla
from .nombres import limpiar
from .numeros import Numero, buscar_numeros, es_vacio, parse_numero
from .periodos import Contexto, Periodo, periodo_de_texto, periodo_para, serie_mensual

MONEY = {
    "recursos_programados", "recursos_ejecutados", "recursos_mixtos", "apropiacion_inicial",
    "apropiacion_definitiva", "compromisos", "obligaciones", "pagos",
}
TEXT_ROLES = {"etiqueta", "codigo", "unidad", "fuente", "ignorar", "texto", "anio"}
MAX_HEADER_ROWS = 3
LOCAL_CODE = re.compile(r"^[A-ZÑ]{1,6}[-.]\d+([-.]\d+)*$")


@dataclass
class Columna:
    indice: int
    encabezado: str
    rol: str  # a TEXT_ROLES member, or "valor"
    medida: Optional[str] = None
    periodo: Optional[Periodo] = None
    factor: float = 1.0
    escala: Optional[str] = None
    tipo_gasto: Optional[str] = None
    texto_periodo: str = ""  # the header text the period was read from


def es_anio(n: Numero) -> bool:
    return n.unidad == "numero" and float(n.valor).is_integer() and 1990 <= n.valor <= 2040 and "." not in n.texto


def tiene_cifras(text: str) -> bool:
    return any(not es_anio(n) for n in buscar_numeros(text))


def medida_de_celda(medida: str) -> str:
    """A column of mixed money ("programados y ejecutados") defaults to programmed
    for an unlabelled figure; its cells usually label each amount."""
    return "recursos_programados" if medida == "recursos_mixtos" else medida


def _is_value(text: str) -> bool:
    """A cell that is one figure (a bare year can still be a header)."""
    n = parse_numero(text)
    return n is not None and not es_anio(n) or bool(serie_mensual(text, Contexto()))


def celdas_distintas(grid_row: list[Optional[Celda]]) -> list[Celda]:
    seen, out = set(), []
    for c in grid_row:
        if c is not None and id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


def _is_header_row(grid_row: list[Optional[Celda]], below_header: bool) -> bool:
    """Header words and no figures; under a header row, a row of words with
    an empty first cell continues it ("I semestre", "vigencia 2019")."""
    cells = [c for c in celdas_distintas(grid_row) if c.texto.strip()]
    if not cells or any(_is_value(c.texto) for c in cells):
        return False
    cls = clasificador()
    if len(cells) >= 2 and any(cls.medida(c.texto) or _rol(c.texto) for c in cells):
        return True
    if not below_header:
        return False
    first = grid_row[0]
    return first is None or not first.texto.strip() or first.filas_span > 1


def _rol(header: str) -> Optional[str]:
    rol = clasificador().rol(header)
    if rol == "anio" and (any(ch.isdigit() for ch in header) or len(header.split()) > 2):
        return None  # "vigencia 2019" or "Periodo de junio a septiembre" name a period
    return rol


def filas_encabezado(tabla: Tabla, grid) -> int:
    """Header rows: those the source marks, blank rows above the header, and
    header-like rows; a lone title cell ("META") over a header row counts too."""
    n = tabla.filas_encabezado_marcadas or 0
    while n < len(grid) - 1 and not any(c is not None and c.texto.strip() for c in grid[n]):
        n += 1
    limit = min(n + MAX_HEADER_ROWS, len(grid) - 1)
    while n < limit:
        if _is_header_row(grid[n], n > 0):
            n += 1
        elif n + 1 < limit and not any(c and _is_value(c.texto) for c in grid[n]) and _is_header_row(grid[n + 1], False):
            n += 2
        else:
            break
    return n


def _header_parts(grid, n_header: int, col: int) -> list[str]:
    """The column's header texts, top level first."""
    parts: list[str] = []
    seen = set()
    for r in range(n_header):
        c = grid[r][col]
        if c is not None and id(c) not in seen and c.texto.strip():
            seen.add(id(c))
            parts.append(limpiar(c.texto))
    return parts


def _period_text(parts: list[str], ctx: Contexto) -> str:
    """The most specific header level that names a period ("2021" under
    "Plan financiero 2020-2029"), else the whole header."""
    for part in reversed(parts):
        if periodo_de_texto(part, ctx):
            return part
    return " ".join(parts)


def columnas(grid, n_header: int, ctx: Contexto, planifica: bool = False) -> list[Columna]:
    cls = clasificador()
    headers = [_header_parts(grid, n_header, k) for k in range(len(grid[0]) if grid else 0)]
    # "CONCEPTO EN MILES" over the label column scales the whole table
    table_scale = cls.escala(" ".join(" ".join(parts) for parts in headers))
    cols = []
    for k, parts in enumerate(headers):
        header = " ".join(parts)
        rol, medida = _rol(header), cls.medida(header)
        if rol is None and medida is None and header and periodo_de_texto(header, ctx):
            # a bare period ("II semestre", "2021") under no measure: results,
            # or targets in a planning document
            medida = "meta" if planifica else "ejecutado"
        if medida is None:
            cols.append(Columna(k, header, rol or ("etiqueta" if k == 0 else "texto")))
            continue
        escala, factor = (None, 1.0)
        if medida in MONEY:
            escala, factor = cls.escala(header)
            if escala is None:
                escala, factor = table_scale
        period_text = _period_text(parts, ctx)
        cols.append(
            Columna(
                k, header, "valor", medida,
                periodo=periodo_para(medida_de_celda(medida), period_text, ctx),
                texto_periodo=period_text,
                factor=factor, escala=escala,
                tipo_gasto=tipo_gasto_en(header),
            )
        )
    _demote_text_columns(cols, grid[n_header:])
    _money_siblings(cols, ctx)
    return cols


PHYSICAL_ONLY = {"linea_base", "meta_cuatrienio", "acumulado"}
BARE_MONEY_SIBLING = re.compile(r"^(ejecutad[oa]s?|ejecucion|programad[oa]s?|valor)( (19|20)\d\d)?$")


def _money_siblings(cols: list[Columna], ctx: Contexto) -> None:
    """Beside a money column, a bare "Ejecutado" or "Programado" is money too
    ("Presupuestado | Ejecutado | % ejec.")."""
    medidas = {c.medida for c in cols if c.medida}
    if not medidas & MONEY or medidas & PHYSICAL_ONLY:
        return
    for c in cols:
        if c.medida in ("ejecutado", "meta") and BARE_MONEY_SIBLING.match(normalizar(c.encabezado)):
            c.medida = "recursos_ejecutados" if c.medida == "ejecutado" else "recursos_programados"
            c.periodo = periodo_para(c.medida, c.texto_periodo, ctx)


def _demote_text_columns(cols: list[Columna], body) -> None:
    """A 'value' column whose cells are mostly prose is a text column (e.g.
    "Meta de producto" holding the goal's wording); one of identifiers
    ("MP-101", "IP-155") is a code column."""
    for col in cols:
        if col.rol != "valor":
            continue
        texts = [row[col.indice].texto for row in body if row[col.indice] is not None]
        filled = [t for t in texts if t.strip() and not es_vacio(t)]
        with_figures = [t for t in filled if tiene_cifras(t)]
        if filled and sum(bool(LOCAL_CODE.match(t.strip())) for t in filled) * 2 > len(filled):
            col.rol, col.medida = "codigo", None
        elif filled and len(with_figures) * 2 < len(filled):
            col.rol, col.medida = "texto", None


def columna_etiqueta(cols: list[Columna]) -> int:
    """The indicator's name: a column headed "indicador" first, then any
    label column, then the first text column."""
    for c in cols:
        if c.rol == "etiqueta" and "indicador" in normalizar(c.encabezado):
            return c.indice
    for wanted in ("etiqueta", "texto"):
        for c in cols:
            if c.rol == wanted:
                return c.indice
    return 0
