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
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Optional

from esquemas import cargar_yaml
from extractor.castellano import palabras

from extractor.tablas.acumulacion import acumulacion_de
from extractor.tablas.celdas import Figura, figuras_de_celda, referencia_excel, unidad
from extractor.tablas.columnas import DINERO, Columna, celdas_distintas, columna_etiqueta, columna_jerarquia, columna_padre, columnas, columnas_codigo, columnas_de_otro_indicador, columnas_descripcion, es_anio, filas_encabezado, medida_de_celda, tiene_cifras
from extractor.tablas.dinero import tipo_gasto_en
from extractor.tablas.encabezados import clasificador
from extractor.tablas.fichas import Ficha
from extractor.castellano.lemas import normalizar
from extractor.modelo import Tabla
from extractor.castellano.nombres import es_jerarquia, limpiar, separar_nombre
from extractor.castellano.numeros import es_vacio, parse_numero
from extractor.castellano.periodos import Contexto, Periodo, periodo_de_texto, periodo_para
from extractor.resultado import FilaNoMapeada, Observacion
from extractor.tablas.titulos import indicador_del_titulo

_FILAS_TOTAL = palabras.alternativas(cargar_yaml("encabezados.yaml")["filas_total"], espacios=r"\s+")
TOTAL = re.compile(rf"^({_FILAS_TOTAL})\b", re.IGNORECASE)


@dataclass
class _Fila:
    """What a data row says besides its figures."""

    numero: int
    nombre: str
    descripcion: Optional[str]
    padre: Optional[str]
    codigo: Optional[str]
    unidad: str  # the unit column's text, if any
    fuente: Optional[str]
    tipo_gasto: Optional[str]
    acumulacion: Optional[str] = None  # esquemas/acumulacion.csv, from a "Tipo de acumulación" column


def _is_subheader_cell(text: str, ctx: Contexto) -> bool:
    return bool(text.strip()) and not tiene_cifras(text) and periodo_de_texto(text, ctx) is not None


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
    tabla: Tabla, ctx: Contexto, planifica: bool = False, titulos: Optional[list[str]] = None, lectura=None,
    nombre_corto: Optional[str] = None, ficha: Optional[Ficha] = None,
) -> tuple[list[Observacion], list[FilaNoMapeada]]:
    """`titulos`: the caption or headings right above the table
    (extractor/tablas/titulos.py). `lectura`: an `extractor.informe.lectura.LecturaTabla`
    that records how the table was read (header rows, columns, name column)
    for `informes ver`. `nombre_corto`: the name the workbook itself gives
    the indicator a sheet tracks (titulos.nombres_de_hoja); a table of
    periods is about it, and the caption's name becomes its description.
    `ficha`: the indicator's data sheet right above the table
    (extractor/tablas/fichas.py): a table of periods is about the indicator
    it names, in its unit, code and year."""
    if ficha is not None:
        ctx = ficha.contexto(ctx)
    grid = tabla.rejilla()
    if not grid:
        return [], []
    n_header = filas_encabezado(tabla, grid)
    cols = columnas(grid, n_header, ctx, planifica, titulos or [])
    if lectura is not None:  # a person's correction of this layout (extractor/tablas/plantillas.py)
        cols = lectura.corregir(cols, ctx)
    value_cols = [c for c in cols if c.rol == "valor"]
    body = grid[n_header:]
    label_k = columna_etiqueta(cols, body)
    # workbooks: plan levels as columns ("Programa" | "Indicador") and rows
    # that name themselves in another column when the name column is empty
    level_k = columna_padre(cols, body, label_k)
    alt_k = columna_jerarquia(cols, body, label_k)
    code_ks = columnas_codigo(cols, label_k, body)
    desc_ks = columnas_descripcion(cols, label_k, body)
    if lectura is not None:
        lectura.anotar(n_header, cols, label_k)
    otros = columnas_de_otro_indicador(cols, body, label_k)  # "Indicador de resultado | L.B"
    observations: list[Observacion] = []
    unmapped: list[FilaNoMapeada] = []

    def skip(r: int, reason: str):
        cells = celdas_distintas(grid[r])
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

    # a table whose rows are months or quarters is about one indicator,
    # named by its title: each row gives that indicator's figures for its period
    period_k, row_periods = next(((c.indice, p) for c in _columnas_de_periodo(cols, label_k)
                                  if (p := _periodos_de_filas(body, c.indice, ctx, n_header, c.encabezado))),
                                 (label_k, {}))
    table_name = ((ficha.nombre if ficha is not None else None) or indicador_del_titulo(titulos or [])
                  if row_periods else None)
    # rows of a table of periods that state their own measure ("Población
    # meta 2023" above "Enero | Febrero …"): the row's figures are that
    # measure for the row's period, whatever the columns say
    row_measures: dict[int, str] = {}
    grupos_nombran = bool(value_cols) and all(c.grupo for c in value_cols)  # "BCG | Pentavalente" over each pair
    if table_name is None and not grupos_nombran:
        row_periods = {}
    else:
        row_measures = _medidas_de_filas(grid, period_k, row_periods)
        _acumulados_que_bajan(cols, grid, {r: p for r, p in row_periods.items() if r not in row_measures})
    # the workbook's own short name for the indicator (the sheet's name,
    # which its summary sheet lists): the caption's long name describes it
    short_name = nombre_corto if nombre_corto and table_name and nombre_corto != table_name else None
    state = _Estado()
    merged_read: set[int] = set()  # cells merged down over several rows: read once
    text_ks = [c.indice for c in cols if c.rol in ("etiqueta", "texto")]
    for r in range(n_header, len(grid)):
        row = grid[r]
        distinct = celdas_distintas(row)
        label_cell = row[label_k]
        label = limpiar(label_cell.texto) if label_cell is not None else ""
        own_level = False  # the row names itself in the hierarchy column
        alt_cell = row[alt_k] if alt_k is not None else None
        if not label and alt_cell is not None and alt_cell.texto.strip():
            label_cell, label, own_level = alt_cell, limpiar(alt_cell.texto), True
        value_texts = {c.indice: (celda.texto if (celda := row[c.indice]) is not None else "") for c in value_cols}
        if not label and not any(t.strip() for t in value_texts.values()):
            skip(r, "fila vacía")
            continue
        full_width = len(distinct) == 1 and distinct[0].columnas_span >= len(cols) - 1
        if full_width or (_is_heading_label(label) and not any(t.strip() for t in value_texts.values())):
            state.cerrar_grupo()
            text = limpiar(label or distinct[0].texto)
            nombre, desc = separar_nombre(text)
            if es_jerarquia(text) or full_width or desc is None or own_level:
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
                state.periodos[k] = periodo_para(medida_de_celda(medida), t, ctx)
            skip(r, "fila de subencabezado: redefine los periodos de las filas siguientes")
            continue

        nombre, desc = separar_nombre(label) if label else ("", None)
        row_period = row_periods.get(r) or (_union(row_periods.values()) if row_periods and _es_total_de_periodos(label)
                                            else None)
        if row_period is not None:
            nombre, desc = (short_name, table_name) if short_name else (table_name or "", None)
        if (state.grupo or state.periodos) and (desc is not None or own_level):
            state.cerrar_grupo()
        if not nombre:
            skip(r, "fila sin nombre de indicador")
            continue
        if _opens_caps_section(grid, r, label_k, label) or TOTAL.match(nombre):
            # a subtotal over mixed-case rows is their parent; a total closes sections
            state.cerrar_grupo()
            state.seccion = None
        row_ctx = _row_context(_text_of(row, cols, "anio"), ctx)
        fila = _Fila(
            numero=r,
            nombre=nombre,
            descripcion=desc or next(filter(None, (_cell_text(row, k) for k in desc_ks)), None),
            padre=state.padre() or (_cell_text(row, level_k) or None),
            codigo=next(filter(None, (_cell_text(row, k) for k in code_ks)), None)
            or (ficha.valor("codigo") if row_period and ficha else None),
            unidad=_text_of(row, cols, "unidad") or (ficha.valor("unidad") or "" if row_period and ficha else ""),
            fuente=_text_of(row, cols, "fuente") or None,
            tipo_gasto=tipo_gasto_en(label) or (tipo_gasto_en(state.seccion) if state.seccion else None),
            acumulacion=acumulacion_de(_text_of(row, cols, "acumulacion")),
        )
        before = len(observations)
        seen_cells = {id(label_cell)}
        row_keys: set = set()
        for col in value_cols:
            cell = row[col.indice]
            if cell is None or id(cell) in seen_cells or id(cell) in merged_read:
                continue  # a merged cell is read once, under its first column and on its first row
            seen_cells.add(id(cell))
            owner = fila
            if cell.filas_span > 1:
                merged_read.add(id(cell))
                owner = _dueno_combinado(row, cell, text_ks, fila)
            periodo = state.periodos.get(col.indice, col.periodo)
            if row_ctx is not ctx:
                periodo = periodo_para(medida_de_celda(col.medida), col.texto_periodo, row_ctx)
            if row_period is not None:
                periodo = _desde_enero(row_period) if col.medida == "acumulado" else row_period
            if r in row_measures and col.medida != "avance_porcentual":
                col = replace(col, medida=row_measures[r])
            de_fila = owner
            if row_period is not None and col.grupo:
                de_fila = replace(owner, nombre=col.grupo)
            if col.indice in otros:
                de_fila = replace(owner, nombre=_cell_text(row, otros[col.indice]), descripcion=None, padre=None)
                if not de_fila.nombre:
                    continue
            if de_fila is not fila:
                col, periodo = _meta_del_plan(col, periodo, ctx)
            for fig in figuras_de_celda(cell.texto, col, periodo, row_ctx):
                obs = _observation(fig, col, cell, tabla.indice, de_fila)
                key = (obs.indicador, obs.medida, obs.periodo_inicio, obs.periodo_fin, obs.valor,
                       obs.fuente_financiacion)
                if key in row_keys:
                    continue  # the same figure in two columns of one row ("Valor esperado 2024" = "Total planeado 2024")
                row_keys.add(key)
                observations.append(obs)
        if len(observations) == before:
            skip(r, "fila sin cifras legibles en las columnas de valores")
        if _opens_caps_section(grid, r, label_k, label):
            state.seccion = nombre
        if own_level:  # a project row with figures: parent of the product rows below it
            state.grupo = nombre
    _distinguir_homonimos(observations, grid, cols, code_ks)
    return observations, unmapped


def _columnas_de_periodo(cols: list[Columna], label_k: int) -> list[Columna]:
    """Where a table of periods names them: the name column, else a column
    headed as a period ("Periodo", "Mes") or of text."""
    nombre = next((c for c in cols if c.indice == label_k), None)
    if nombre is not None and nombre.rol == "etiqueta":
        return [nombre]  # a real name column: its rows are indicators unless they are periods
    return sorted((c for c in cols if c.indice == label_k or c.rol in ("anio", "etiqueta", "texto")),
                  key=lambda c: (c.indice != label_k, c.rol != "anio", c.indice))


def _periodos_de_filas(body, label_k: int, ctx: Contexto, offset: int, encabezado: str = "") -> dict[int, Periodo]:
    """Rows whose label is a period ("Enero", "II trimestre", "2021"; "II"
    under a "Trimestre" header), by grid row, when most labelled rows of the
    table are periods."""
    periods: dict[int, Periodo] = {}
    labelled = 0
    for i, row in enumerate(body):
        cell = row[label_k]
        text = limpiar(cell.texto) if cell is not None else ""
        if not text:
            continue
        labelled += 1
        if len(text.split()) <= 4:
            periodo = periodo_de_texto(text, ctx) or (periodo_de_texto(f"{encabezado} {text}", ctx)
                                                      if encabezado and len(encabezado.split()) <= 2 else None)
            if periodo is not None and periodo.inicio is not None:
                periods[offset + i] = periodo
    return periods if len(periods) >= 2 and len(periods) * 10 >= labelled * 7 else {}


@lru_cache(maxsize=1)
def _total_de_periodos() -> re.Pattern:
    palabras = sorted((normalizar(p) for p in cargar_yaml("encabezados.yaml").get("filas_total_periodos", [])),
                      key=len, reverse=True)
    return re.compile(rf"^({'|'.join(map(re.escape, palabras))})\b") if palabras else TOTAL


def _es_total_de_periodos(label: str) -> bool:
    """The row that gives the whole of a table of periods ("Total año",
    "Consolidado año"; esquemas/encabezados.yaml `filas_total_periodos`)."""
    return bool(label) and _total_de_periodos().match(normalizar(label)) is not None


MEDIDAS_DE_FILA = ("meta", "meta_cuatrienio", "linea_base")  # reference figures a row of a table of periods can state


def _medidas_de_filas(grid, label_k: int, row_periods: dict[int, Periodo]) -> dict[int, str]:
    """Rows of a table of periods whose label names a target or a baseline
    besides its period ("Población meta 2023", "Línea base 2022"): {row:
    measure}."""
    salida = {}
    for r in row_periods:
        cell = grid[r][label_k]
        texto = limpiar(cell.texto) if cell is not None else ""
        medida = clasificador().medida(texto) or _medida_de_referencia(texto)
        if medida in MEDIDAS_DE_FILA:
            salida[r] = medida
    return salida


@lru_cache(maxsize=1)
def _filas_de_referencia() -> list[tuple[str, str]]:
    por_medida = cargar_yaml("encabezados.yaml").get("filas_de_referencia", {})
    return [(normalizar(t), m) for m, textos in por_medida.items() for t in textos]


def _medida_de_referencia(texto: str) -> Optional[str]:
    plano = normalizar(texto)
    return next((m for t, m in _filas_de_referencia() if re.match(rf"{re.escape(t)}\b", plano)), None)


def _acumulados_que_bajan(cols: list[Columna], grid, row_periods: dict[int, Periodo]) -> None:
    """In a table of periods a running total never goes down: an
    "acumulado" column whose figures fall from one period to the next
    ("Logrado": 1.642, 1.910, 1.755) holds each period's own result."""
    for col in cols:
        if col.medida != "acumulado":
            continue
        valores = [n.valor for r in sorted(row_periods) if grid[r][col.indice] is not None
                   and (n := parse_numero(grid[r][col.indice].texto)) is not None]
        if any(b < a for a, b in zip(valores, valores[1:])):
            col.medida = "ejecutado"


def _union(periods) -> Periodo:
    periods = list(periods)
    return Periodo(min(p.inicio for p in periods), max(p.fin for p in periods))


def _desde_enero(periodo: Periodo) -> Periodo:
    """What has accumulated by the end of a period: from the 1st of January."""
    if periodo.fin is None:  # open-ended: nothing to start from
        return periodo
    return Periodo(date(periodo.fin.year, 1, 1), periodo.fin)


def _meta_del_plan(col: Columna, periodo: Optional[Periodo], ctx: Contexto) -> tuple[Columna, Optional[Periodo]]:
    """A higher-level (result) indicator's target for the plan's last year
    ("Meta de bienestar 2027" in a 2024-2027 plan, beside the products'
    yearly targets) is the target for the whole term: result indicators are
    planned for the term, not year by year."""
    if col.medida != "meta" or periodo is None or not ctx.cuatrienio:
        return col, periodo
    inicio, fin = ctx.cuatrienio
    if periodo.inicio != date(fin, 1, 1) or periodo.fin != date(fin, 12, 31):
        return col, periodo
    return replace(col, medida="meta_cuatrienio"), Periodo(date(inicio, 1, 1), date(fin, 12, 31))


def _dueno_combinado(row, cell, text_ks: list[int], fila: _Fila) -> _Fila:
    """Whose figure a value merged down over several rows is: the name
    merged over exactly the same rows to its left (a result indicator and
    its four-year target over the product rows under it), else the first
    row's."""
    for k in reversed([k for k in text_ks if k < cell.columna]):
        c = row[k]
        if c is not None and c.fila == cell.fila and c.filas_span == cell.filas_span and c.texto.strip():
            nombre, desc = separar_nombre(limpiar(c.texto))
            if nombre and nombre != fila.nombre:
                return _Fila(fila.numero, nombre, desc, fila.padre, None, fila.unidad, fila.fuente, fila.tipo_gasto)
            break
    return fila


def _distinguir_homonimos(observations: list[Observacion], grid, cols: list[Columna], code_ks: list[int]) -> None:
    """Rows of one table with the same indicator name and parent that give
    different figures for the same measure and period are different goals
    (a plan lists "Número de personas beneficiadas" under "Campañas
    realizadas" twice, as IP-115 and IP-118). When a code column tells the
    rows apart, each row's code joins its description, so that they are two
    indicators, not one with conflicting figures."""
    by_key: dict[tuple, dict[int | None, float]] = {}
    for obs in observations:
        key = (obs.indicador_padre, obs.indicador, obs.descripcion, obs.medida, obs.periodo_inicio,
               obs.periodo_fin, obs.fuente_financiacion, obs.tipo_gasto)
        by_key.setdefault(key, {}).setdefault(obs.fila, obs.valor)
    clashing: set[int | None] = set()
    for rows in by_key.values():
        if len(rows) > 1 and len(set(rows.values())) > 1:
            clashing.update(rows)
    if not clashing:
        return
    for k in code_ks:
        codes = {r: _cell_text(grid[r], k) for r in clashing}
        if all(codes.values()) and len(set(codes.values())) == len(codes):
            for obs in observations:
                if obs.fila in codes:
                    own = f"código {codes[obs.fila]}"
                    obs.descripcion = f"{obs.descripcion} ({own})" if obs.descripcion else own
            return


def _cell_text(row, k) -> str:
    return limpiar(row[k].texto) if k is not None and row[k] is not None else ""


def _row_context(year_text: str, ctx: Contexto) -> Contexto:
    """A row that states its own year ("Año: 2016") reads its periods in it."""
    n = parse_numero(year_text) if year_text else None
    if n is None or not es_anio(n):
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


def _observation(fig: Figura, col: Columna, cell, tabla: int, fila: _Fila) -> Observacion:
    money = fig.medida in DINERO
    factor = col.factor if money or col.escala == "fraccion" else 1.0  # "Avance 2024" 0,99 → 99 %
    note = None
    if fig.numero.ambiguo and fig.numero.unidad == "porcentaje":
        note = "porcentaje con punto decimal: puede ser una fracción de la meta del cuatrienio"
    return Observacion(
        indicador=fila.nombre,
        medida=fig.medida,
        valor=round(fig.numero.valor * factor, 9) if factor != 1.0 else fig.numero.valor,  # 0,6166666667 × 100
        valor_texto=limpiar(fig.numero.texto or cell.texto),
        unidad=unidad(fig.numero, fig.medida, fila.unidad),
        periodo_inicio=fig.periodo.inicio if fig.periodo else None,
        periodo_fin=fig.periodo.fin if fig.periodo else None,
        indicador_padre=fila.padre,
        descripcion=fila.descripcion,
        codigo=fila.codigo,
        acumulacion=fila.acumulacion,
        tipo_gasto=(fig.tipo_gasto or col.tipo_gasto or fila.tipo_gasto) if money else None,
        fuente_financiacion=col.fuente or fila.fuente,
        escala=col.escala if factor != 1.0 else None,
        ambiguo=fig.numero.ambiguo,
        nota=note,
        confianza=min(fig.confianza, cell.confianza_ocr) if cell.confianza_ocr is not None else fig.confianza,
        confianza_ocr=cell.confianza_ocr,
        pagina=cell.pagina,
        tabla=tabla,
        fila=fila.numero,
        columna=col.indice,
        bbox=cell.bbox,
        **referencia_excel(cell.ref),
    )
