"""Table rows to observations.

A table is read the way a person reads it: header rows give each column a
role (label, code, unit, funding source, ignored text) or a measure with its
period; then each body row is one of
- a heading row (a plan level, or a label with no values): parent of the
  rows below it;
- a sub-header row whose value cells name periods ("Periodo de junio a
  septiembre"): its label is the parent of the short child rows below it,
  and its periods replace the columns' periods for them;
- a data row: one observation per figure in its value cells (a plain
  number, a monthly series, labelled money, month-number pairs in prose).
Rows that give no observation are returned as `FilaNoMapeada` with a reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .dinero import importes, tipo_gasto_en
from .encabezados import clasificador, normalizar
from .modelo import Celda, Tabla
from .nombres import es_jerarquia, limpiar, separar_nombre
from .numeros import Numero, buscar_numeros, es_vacio, parse_numero
from .periodos import Contexto, Periodo, pares_mes_numero, periodo_de_texto, periodo_mes, periodo_para, serie_mensual
from .resultado import FilaNoMapeada, Observacion

MONEY = {
    "recursos_programados", "recursos_ejecutados", "recursos_mixtos", "apropiacion_inicial",
    "apropiacion_definitiva", "compromisos", "obligaciones", "pagos",
}
TEXT_ROLES = {"etiqueta", "codigo", "unidad", "fuente", "ignorar", "texto"}
MAX_HEADER_ROWS = 3
LOW_CONFIDENCE = 0.5
LOCAL_CODE = re.compile(r"^[A-ZÑ]{1,6}[-.]\d+([-.]\d+)*$")
TOTAL = re.compile(r"^(gran\s+)?total(es)?\b", re.IGNORECASE)


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


def _is_year(n: Numero) -> bool:
    return n.unidad == "numero" and float(n.valor).is_integer() and 1990 <= n.valor <= 2040 and "." not in n.texto


def _has_figures(text: str) -> bool:
    return any(not _is_year(n) for n in buscar_numeros(text))


def _cell_medida(medida: str) -> str:
    """A column of mixed money ("programados y ejecutados") defaults to programmed
    for an unlabelled figure; its cells usually label each amount."""
    return "recursos_programados" if medida == "recursos_mixtos" else medida


def _is_value(text: str) -> bool:
    """A cell that is one figure (a bare year can still be a header)."""
    n = parse_numero(text)
    return n is not None and not _is_year(n) or bool(serie_mensual(text, Contexto()))


def _distinct_row_cells(grid_row: list[Optional[Celda]]) -> list[Celda]:
    seen, out = set(), []
    for c in grid_row:
        if c is not None and id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


def _is_header_row(grid_row: list[Optional[Celda]], below_header: bool) -> bool:
    """Header words and no figures; under a header row, a row of words with
    an empty first cell continues it ("I semestre", "vigencia 2019")."""
    cells = [c for c in _distinct_row_cells(grid_row) if c.texto.strip()]
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
                periodo=periodo_para(_cell_medida(medida), period_text, ctx),
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
        with_figures = [t for t in filled if _has_figures(t)]
        if filled and sum(bool(LOCAL_CODE.match(t.strip())) for t in filled) * 2 > len(filled):
            col.rol, col.medida = "codigo", None
        elif filled and len(with_figures) * 2 < len(filled):
            col.rol, col.medida = "texto", None


def _label_column(cols: list[Columna]) -> int:
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


def _unit(numero: Numero, medida: str, unit_text: str) -> str:
    if medida in MONEY or numero.unidad == "pesos":
        return "pesos"
    if numero.unidad == "porcentaje" or medida == "avance_porcentual":
        return "porcentaje"
    norm = normalizar(unit_text)
    if "porcentaje" in norm or norm == "%":
        return "porcentaje"
    if "peso" in norm:
        return "pesos"
    return "numero"


@dataclass
class _Figura:
    medida: str
    numero: Numero
    periodo: Periodo
    tipo_gasto: Optional[str] = None
    confianza: float = 1.0


AS_MONEY = {"meta": "recursos_programados", "ejecutado": "recursos_ejecutados", "acumulado": "recursos_ejecutados"}


def figuras_de_celda(text: str, col: Columna, periodo: Optional[Periodo], ctx: Contexto) -> list[_Figura]:
    """Every figure a value cell holds, with its measure and period; pesos
    under "Programado | Ejecutado" are money measures."""
    figures = _figuras(text, col, periodo, ctx)
    for fig in figures:
        if fig.numero.unidad == "pesos" and fig.medida in AS_MONEY:
            fig.medida = AS_MONEY[fig.medida]
            fig.periodo = periodo_para(fig.medida, col.texto_periodo, ctx)
    return figures


def _figuras(text: str, col: Columna, periodo: Optional[Periodo], ctx: Contexto) -> list[_Figura]:
    if es_vacio(text):
        return []
    medida = col.medida
    n = parse_numero(text)
    if n is not None:
        return [_Figura(_cell_medida(medida), n, periodo)]
    series = serie_mensual(text, ctx)
    if series:
        return [_Figura(medida, num, periodo_mes(mes, medida, ctx)) for mes, num in series]
    if medida in MONEY or "$" in text:
        found = importes(text, ctx, _cell_medida(medida), col.tipo_gasto, solo_pesos=medida not in MONEY)
        if found:
            return [_Figura(i.medida, i.numero, i.periodo, i.tipo_gasto) for i in found]
    pairs = pares_mes_numero(text)
    if pairs:
        return [_Figura(medida, num, periodo_mes(mes, medida, ctx), confianza=LOW_CONFIDENCE) for mes, num in pairs]
    if LOCAL_CODE.match(text.strip()):
        return []
    figures = [x for x in buscar_numeros(text) if not _is_year(x)]
    if len(figures) == 1:
        return [_Figura(medida, figures[0], periodo, confianza=LOW_CONFIDENCE)]
    return []


def _is_subheader_cell(text: str, ctx: Contexto) -> bool:
    return bool(text.strip()) and not _has_figures(text) and periodo_de_texto(text, ctx) is not None


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


def _opens_caps_section(grid, r: int, label_k: int, label: str) -> bool:
    if not _is_caps(label) or r + 1 >= len(grid):
        return False
    nxt = grid[r + 1][label_k]
    return nxt is not None and bool(nxt.texto.strip()) and not _is_caps(separar_nombre(nxt.texto)[0])


def _is_heading_label(label: str) -> bool:
    first = next((ch for ch in label if ch.isalnum()), "")
    return bool(first) and not first.islower()


class _Estado:
    """Parents and period overrides that govern the rows being read."""

    def __init__(self):
        self.seccion: Optional[str] = None  # program heading
        self.grupo: Optional[str] = None  # parent row of short child rows
        self.periodos: dict[int, Periodo] = {}

    def padre(self) -> Optional[str]:
        return self.grupo or self.seccion

    def cerrar_grupo(self):
        self.grupo, self.periodos = None, {}


def interpretar_tabla(
    tabla: Tabla, ctx: Contexto, planifica: bool = False
) -> tuple[list[Observacion], list[FilaNoMapeada]]:
    grid = tabla.rejilla()
    if not grid:
        return [], []
    n_header = filas_encabezado(tabla, grid)
    cols = columnas(grid, n_header, ctx, planifica)
    value_cols = [c for c in cols if c.rol == "valor"]
    label_k = _label_column(cols)
    observations: list[Observacion] = []
    unmapped: list[FilaNoMapeada] = []

    def skip(r: int, reason: str):
        cells = _distinct_row_cells(grid[r])
        text = " | ".join(limpiar(c.texto) for c in cells)
        page = cells[0].pagina if cells else None
        unmapped.append(FilaNoMapeada(texto=text, motivo=reason, pagina=page, tabla=tabla.indice, fila=r))

    if not value_cols:
        for r in range(len(grid)):
            skip(r, "tabla sin columnas de valores reconocibles")
        return observations, unmapped
    if all(c.medida == "avance_porcentual" for c in value_cols):
        # percentages alone (a statistics table, a chart's data) are not
        # indicator follow-up: there must be a target, a result or money
        for r in range(len(grid)):
            skip(r, "tabla solo con porcentajes, sin metas, ejecución ni recursos")
        return observations, unmapped

    state = _Estado()
    for r in range(n_header, len(grid)):
        row = grid[r]
        distinct = _distinct_row_cells(row)
        label_cell = row[label_k]
        label = limpiar(label_cell.texto) if label_cell is not None else ""
        value_texts = {c.indice: (row[c.indice].texto if row[c.indice] is not None else "") for c in value_cols}
        if not label and not any(t.strip() for t in value_texts.values()):
            skip(r, "fila vacía")
            continue
        full_width = len(distinct) == 1 and distinct[0].columnas_span >= len(cols) - 1
        if full_width or (_is_heading_label(label) and not any(t.strip() for t in value_texts.values())):
            state.cerrar_grupo()
            text = limpiar(label or distinct[0].texto)
            nombre, desc = separar_nombre(text)
            if es_jerarquia(text) or full_width or desc is None:
                state.seccion = text.rstrip(".:")  # a program heading: until the next one
            else:
                state.grupo = nombre  # an indicator with sub-rows: until a row with its own description
            skip(r, "fila de título o programa sin valores: padre de las filas siguientes")
            continue
        subheaders = {k: t for k, t in value_texts.items() if _is_subheader_cell(t, ctx)}
        if subheaders and all(es_vacio(t) or k in subheaders for k, t in value_texts.items()):
            if label:  # else it refines the heading row just above
                state.cerrar_grupo()
                state.grupo = separar_nombre(label)[0]
            for k, t in subheaders.items():
                medida = next(c.medida for c in value_cols if c.indice == k)
                state.periodos[k] = periodo_para(_cell_medida(medida), t, ctx)
            skip(r, "fila de subencabezado: redefine los periodos de las filas siguientes")
            continue

        nombre, desc = separar_nombre(label) if label else ("", None)
        if (state.grupo or state.periodos) and desc is not None:
            state.cerrar_grupo()
        if not nombre:
            skip(r, "fila sin nombre de indicador")
            continue
        if _opens_caps_section(grid, r, label_k, label) or TOTAL.match(nombre):
            # a subtotal over mixed-case rows is their parent; a total closes sections
            state.cerrar_grupo()
            state.seccion = None
        desc = desc or _text_of(row, cols, "texto") or None
        row_ctx = _row_context(_text_of(row, cols, "anio"), ctx)
        code = _text_of(row, cols, "codigo")
        unit_text = _text_of(row, cols, "unidad")
        source = _text_of(row, cols, "fuente") or None
        row_type = tipo_gasto_en(label) or (tipo_gasto_en(state.seccion) if state.seccion else None)
        before = len(observations)
        seen_cells = {id(label_cell)}
        for col in value_cols:
            cell = row[col.indice]
            if cell is None or id(cell) in seen_cells:
                continue  # a merged cell is read once, under its first column
            seen_cells.add(id(cell))
            periodo = state.periodos.get(col.indice, col.periodo)
            if row_ctx is not ctx:
                periodo = periodo_para(_cell_medida(col.medida), col.texto_periodo, row_ctx)
            for fig in figuras_de_celda(cell.texto, col, periodo, row_ctx):
                observations.append(
                    _observation(fig, col, cell, tabla, r, nombre, desc, state.padre(), code, unit_text, source, row_type)
                )
        if len(observations) == before:
            skip(r, "fila sin cifras legibles en las columnas de valores")
        if _opens_caps_section(grid, r, label_k, label):
            state.seccion = nombre
    return observations, unmapped


def _row_context(year_text: str, ctx: Contexto) -> Contexto:
    """A row that states its own year ("Año: 2016") reads its periods in it."""
    n = parse_numero(year_text) if year_text else None
    if n is None or not _is_year(n):
        return ctx
    year = int(n.valor)
    if year == ctx.vigencia:
        return ctx
    cut = ctx.fecha_corte if ctx.fecha_corte and ctx.fecha_corte.year == year else date(year, 12, 31)
    return Contexto(vigencia=year, fecha_corte=cut, periodo_inicio=date(year, 1, 1), periodo_fin=cut,
                    cuatrienio=ctx.cuatrienio)


def _text_of(row, cols: list[Columna], rol: str) -> str:
    for c in cols:
        if c.rol == rol and row[c.indice] is not None:
            return limpiar(row[c.indice].texto)
    return ""


def _observation(fig: _Figura, col, cell, tabla, r, nombre, desc, padre, code, unit_text, source, row_type) -> Observacion:
    money = fig.medida in MONEY
    factor = col.factor if money else 1.0
    ambiguous = fig.numero.ambiguo
    note = None
    if ambiguous and fig.numero.unidad == "porcentaje":
        note = "porcentaje con punto decimal: puede ser una fracción de la meta del cuatrienio"
    return Observacion(
        indicador=nombre,
        medida=fig.medida,
        valor=fig.numero.valor * factor,
        valor_texto=limpiar(fig.numero.texto if fig.numero.texto else cell.texto),
        unidad=_unit(fig.numero, fig.medida, unit_text),
        periodo_inicio=fig.periodo.inicio if fig.periodo else None,
        periodo_fin=fig.periodo.fin if fig.periodo else None,
        indicador_padre=padre,
        descripcion=desc,
        codigo=code or None,
        tipo_gasto=(fig.tipo_gasto or col.tipo_gasto or row_type) if money else None,
        fuente_financiacion=source,
        escala=col.escala if money and factor != 1.0 else None,
        ambiguo=ambiguous,
        nota=note,
        confianza=fig.confianza,
        pagina=cell.pagina,
        tabla=tabla.indice,
        fila=r,
        columna=col.indice,
        bbox=cell.bbox,
    )
