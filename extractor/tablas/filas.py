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
from extractor.tablas.columnas import (
    cantidad_de_la_meta,
    ACUMULADO_EXPLICITO,
    DINERO,
    Columna,
    celdas_distintas,
    columna_etiqueta,
    columna_jerarquia,
    columna_padre,
    columnas,
    columnas_codigo,
    columnas_de_otro_indicador,
    columnas_descripcion,
    en_moneda,
    es_anio,
    filas_encabezado,
    lista_de_nombres,
    medida_de_celda,
    tiene_cifras,
    titulo_de_lista,
)
from extractor.tablas.dinero import tipo_gasto_en
from extractor.tablas.encabezados import clasificador
from extractor.tablas.fichas import Ficha
from extractor.castellano.lemas import normalizar
from extractor.modelo import Tabla
from extractor.castellano.nombres import es_jerarquia, limpiar, separar_nombre, sin_nivel_delante
from extractor.castellano.numeros import es_vacio, leer_numero
from extractor.castellano.periodos import Contexto, Periodo, periodo_de_texto, periodo_para
from extractor.resultado import FilaNoMapeada, Observacion
from extractor.tablas.serie_de_periodos import con_huecos_llenos, leida_de_nuevo
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


_UNIDAD_FINAL = re.compile(r"\(([^()]*)\)\s*$")


def _moneda_del_nombre(nombre: str) -> str:
    """The money unit an indicator's name ends with ("Beneficios del control
    fiscal (millones de pesos)" → "millones de pesos"), "" if none."""
    m = _UNIDAD_FINAL.search(nombre)
    return m.group(1).strip() if m and en_moneda(m.group(1)) else ""


def _es_celda_subencabezado(texto: str, ctx: Contexto) -> bool:
    return bool(texto.strip()) and not tiene_cifras(texto) and periodo_de_texto(texto, ctx) is not None


def _en_mayusculas(texto: str) -> bool:
    letras = [ch for ch in texto if ch.isalpha()]
    return len(letras) > 1 and all(ch.isupper() for ch in letras)


def _abre_seccion_mayusculas(rejilla, r: int, k_etiqueta: int, etiqueta: str) -> bool:
    if not _en_mayusculas(etiqueta) or r + 1 >= len(rejilla):
        return False
    siguiente = rejilla[r + 1][k_etiqueta]
    return (
        siguiente is not None
        and bool(siguiente.texto.strip())
        and not _en_mayusculas(separar_nombre(siguiente.texto)[0])
    )


def _es_etiqueta_titulo(etiqueta: str) -> bool:
    primera = next((ch for ch in etiqueta if ch.isalnum()), "")
    return bool(primera) and not primera.islower()


class _Estado:
    """Parents and period overrides that govern the rows being read."""

    def __init__(self):
        self.seccion: Optional[str] = None  # program heading
        self.grupo: Optional[str] = None  # parent row of short child rows
        self.periodos: dict[int, Periodo] = {}
        # a list's figure column as the last heading row that dates it reads it
        self.columnas_de_lista: dict[int, Columna] = {}

    def padre(self) -> Optional[str]:
        return self.grupo or self.seccion

    def cerrar_grupo(self):
        self.grupo, self.periodos = None, {}


def interpretar_tabla(
    tabla: Tabla,
    ctx: Contexto,
    planifica: bool = False,
    titulos: Optional[list[str]] = None,
    lectura=None,
    nombre_corto: Optional[str] = None,
    ficha: Optional[Ficha] = None,
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
    rejilla = tabla.rejilla()
    if not rejilla:
        return [], []
    n_encabezado = filas_encabezado(tabla, rejilla)
    cols = columnas(rejilla, n_encabezado, ctx, planifica, titulos or [])
    if lectura is not None:  # a person's correction of this layout (extractor/tablas/plantillas.py)
        cols = lectura.corregir(cols, ctx)
    cuerpo = rejilla[n_encabezado:]
    k_etiqueta = columna_etiqueta(cols, cuerpo)
    cantidad_de_la_meta(cols, cuerpo, k_etiqueta, ctx)  # "Meta cuantificable" (the name) | "Cantidad": its target
    cols_valor = [c for c in cols if c.rol == "valor"]
    # workbooks: plan levels as columns ("Programa" | "Indicador") and rows
    # that name themselves in another column when the name column is empty
    k_nivel = columna_padre(cols, cuerpo, k_etiqueta)
    k_alt = columna_jerarquia(cols, cuerpo, k_etiqueta)
    ks_codigo = columnas_codigo(cols, k_etiqueta, cuerpo)
    ks_descripcion = columnas_descripcion(cols, k_etiqueta, cuerpo)
    if lectura is not None:
        lectura.anotar(n_encabezado, cols, k_etiqueta)
    otros = columnas_de_otro_indicador(cols, cuerpo, k_etiqueta)  # "Indicador de resultado | L.B"
    observaciones: list[Observacion] = []
    sin_mapear: list[FilaNoMapeada] = []

    def saltar(r: int, motivo: str):
        casillas = celdas_distintas(rejilla[r])
        texto = " | ".join(limpiar(c.texto) for c in casillas)
        pagina = casillas[0].pagina if casillas else None
        sin_mapear.append(FilaNoMapeada(texto=texto, motivo=motivo, pagina=pagina, tabla=tabla.indice, fila=r))

    if not cols_valor:
        for r in range(len(rejilla)):
            saltar(r, "tabla sin columnas de valores reconocibles")
        return observaciones, sin_mapear
    if all(c.medida == "avance_porcentual" for c in cols_valor):
        # percentages alone (a statistics table, a chart's data) are not
        # indicator follow-up: there must be a target, a result or money
        for r in range(len(rejilla)):
            saltar(r, "tabla solo con porcentajes, sin metas, ejecución ni recursos")
        return observaciones, sin_mapear

    # a table whose rows are months or quarters is about one indicator,
    # named by its title: each row gives that indicator's figures for its period
    k_periodo, periodos_renglon = next(
        (
            (c.indice, p)
            for c in _columnas_de_periodo(cols, k_etiqueta)
            if (p := _periodos_de_filas(cuerpo, c.indice, ctx, n_encabezado, c.encabezado))
        ),
        (k_etiqueta, {}),
    )
    nombre_tabla = (
        (ficha.nombre if ficha is not None else None) or indicador_del_titulo(titulos or [])
        if periodos_renglon
        else None
    )
    # rows of a table of periods that state their own measure ("Población
    # meta 2023" above "Enero | Febrero …"): the row's figures are that
    # measure for the row's period, whatever the columns say
    grupos_nombran = bool(cols_valor) and all(c.grupo for c in cols_valor)  # "BCG | Pentavalente" over each pair
    medidas_renglon = _medidas_de_filas(rejilla, k_periodo, periodos_renglon) if periodos_renglon else {}
    # period rows under an indicator's row (its quarters below its year): that indicator's
    duenos = _duenos_de_periodos(rejilla, k_periodo, periodos_renglon, n_encabezado, set(medidas_renglon))
    if nombre_tabla is None and not grupos_nombran and not duenos:
        periodos_renglon, medidas_renglon = {}, {}
    else:
        _acumulados_que_bajan(cols, rejilla, {r: p for r, p in periodos_renglon.items() if r not in medidas_renglon})
    # the workbook's own short name for the indicator (the sheet's name,
    # which its summary sheet lists): the caption's long name describes it
    nombre_breve = nombre_corto if nombre_corto and nombre_tabla and nombre_corto != nombre_tabla else None
    medidas_concepto = _medidas_por_concepto(rejilla, cols, k_etiqueta, n_encabezado)
    sin_medida = (
        {c.indice for c in cols_valor if clasificador().medida(c.encabezado) is None} if medidas_concepto else set()
    )
    # an indicator's data box under its heading ("Unidad de medida | Línea
    # base | Meta 2021" over one row): no column names it, the title does
    nombre_de_caja = (
        indicador_del_titulo(titulos or [])
        if len(cuerpo) == 1 and cols[k_etiqueta].rol not in ("etiqueta", "texto")
        else None
    )
    estado = _Estado()
    es_lista = n_encabezado == 0 and lista_de_nombres(rejilla)  # "Alcantarillas instaladas ...... 23"
    lectura_combinada: set[int] = set()  # cells merged down over several rows: read once
    ks_texto = [c.indice for c in cols if c.rol in ("etiqueta", "texto")]
    for r in range(n_encabezado, len(rejilla)):
        renglon = rejilla[r]
        distintas = celdas_distintas(renglon)
        casilla_etiqueta = renglon[k_etiqueta]
        etiqueta = limpiar(casilla_etiqueta.texto) if casilla_etiqueta is not None else ""
        nivel_propio = False  # the row names itself in the hierarchy column
        casilla_alt = renglon[k_alt] if k_alt is not None else None
        if not etiqueta and casilla_alt is not None and casilla_alt.texto.strip():
            casilla_etiqueta, etiqueta, nivel_propio = casilla_alt, limpiar(casilla_alt.texto), True
        textos_valor = {c.indice: (celda.texto if (celda := renglon[c.indice]) is not None else "") for c in cols_valor}
        if not etiqueta and not any(t.strip() for t in textos_valor.values()):
            saltar(r, "fila vacía")
            continue
        ancho_completo = len(distintas) == 1 and distintas[0].columnas_span >= len(cols) - 1
        if ancho_completo or (_es_etiqueta_titulo(etiqueta) and not any(t.strip() for t in textos_valor.values())):
            estado.cerrar_grupo()
            texto = limpiar(etiqueta or distintas[0].texto)
            nombre, desc = separar_nombre(texto)
            if es_jerarquia(texto) or ancho_completo or desc is None or nivel_propio:
                estado.seccion = texto.rstrip(".:")  # a program heading: until the next one
            else:
                estado.grupo = nombre  # an indicator with sub-rows: until a row with its own description
            if es_lista and titulo_de_lista([texto], ctx):
                # "Metas programadas para la vigencia 2024" inside a list: its figures below are those
                relectura = columnas(rejilla, n_encabezado, ctx, planifica, [*(titulos or []), texto])
                estado.columnas_de_lista = {c.indice: c for c in relectura if c.rol == "valor"}
            saltar(r, "fila de título o programa sin valores: padre de las filas siguientes")
            continue
        subencabezados = {k: t for k, t in textos_valor.items() if _es_celda_subencabezado(t, ctx)}
        if subencabezados and all(es_vacio(t) or k in subencabezados for k, t in textos_valor.items()):
            if etiqueta:  # else it refines the heading row just above
                estado.cerrar_grupo()
                estado.grupo = separar_nombre(etiqueta)[0]
            for k, t in subencabezados.items():
                medida = next(c.medida for c in cols_valor if c.indice == k)
                estado.periodos[k] = periodo_para(medida_de_celda(medida), t, ctx)
            saltar(r, "fila de subencabezado: redefine los periodos de las filas siguientes")
            continue

        nivel, etiqueta_propia = sin_nivel_delante(etiqueta) if etiqueta else (None, "")  # "Programa 1905 …: Niños …"
        nombre, desc = separar_nombre(etiqueta_propia) if etiqueta else ("", None)
        if nombre_de_caja:
            nombre, desc = nombre_de_caja, None
        periodo_renglon = periodos_renglon.get(r) or (
            # "Total a 30 de abril" names its own span; "Total año", all the rows'
            (periodo_de_texto(etiqueta, ctx) or _union(periodos_renglon.values()))
            if periodos_renglon and _es_total_de_periodos(etiqueta)
            else None
        )
        if periodo_renglon is not None:
            nombre, desc = (nombre_breve, nombre_tabla) if nombre_breve else (nombre_tabla or "", None)
            if r in duenos:
                nombre, desc = separar_nombre(duenos[r])
        if (estado.grupo or estado.periodos) and (desc is not None or nivel_propio):
            estado.cerrar_grupo()
        if not nombre:
            saltar(r, "fila sin nombre de indicador")
            continue
        if _abre_seccion_mayusculas(rejilla, r, k_etiqueta, etiqueta) or TOTAL.match(nombre):
            # a subtotal over mixed-case rows is their parent; a total closes sections
            estado.cerrar_grupo()
            estado.seccion = None
        ctx_renglon = _contexto_fila(_texto_de(renglon, cols, "anio"), ctx)
        fila = _Fila(
            numero=r,
            nombre=nombre,
            descripcion=desc or next(filter(None, (_texto_celda(renglon, k) for k in ks_descripcion)), None),
            padre=nivel or estado.padre() or (_texto_celda(renglon, k_nivel) or None),
            codigo=next(filter(None, (_texto_celda(renglon, k) for k in ks_codigo)), None)
            or (ficha.valor("codigo") if periodo_renglon and ficha else None),
            unidad=_texto_de(renglon, cols, "unidad")
            or (ficha.valor("unidad") or "" if periodo_renglon and ficha else "")
            or _moneda_del_nombre(nombre),
            fuente=_texto_de(renglon, cols, "fuente") or None,
            tipo_gasto=tipo_gasto_en(etiqueta) or (tipo_gasto_en(estado.seccion) if estado.seccion else None),
            acumulacion=acumulacion_de(_texto_de(renglon, cols, "acumulacion")),
        )
        antes = len(observaciones)
        # (in a box named by its title, the first column is a value like the others: "Presupuesto definitivo")
        casillas_vistas = set() if nombre_de_caja else {id(casilla_etiqueta)}
        claves_renglon: set = set()
        for col in cols_valor:
            col = estado.columnas_de_lista.get(col.indice, col)
            casilla = renglon[col.indice]
            if casilla is None or id(casilla) in casillas_vistas or id(casilla) in lectura_combinada:
                continue  # a merged cell is read once, under its first column and on its first row
            casillas_vistas.add(id(casilla))
            dueno = fila
            if casilla.filas_span > 1:
                lectura_combinada.add(id(casilla))
                dueno = _dueno_combinado(renglon, casilla, ks_texto, fila)
            periodo = estado.periodos.get(col.indice, col.periodo)
            if ctx_renglon is not ctx:
                periodo = periodo_para(medida_de_celda(col.medida), _texto_en_su_anio(col, ctx_renglon), ctx_renglon)
            if periodo_renglon is not None:
                periodo = _desde_enero(periodo_renglon) if col.medida == "acumulado" else periodo_renglon
            if r in medidas_renglon and col.medida != "avance_porcentual":
                col = replace(col, medida=medidas_renglon[r])
            elif (
                r in medidas_concepto
                and col.medida != "avance_porcentual"
                and (col.indice in sin_medida or col.medida == "acumulado")
            ):
                # "Concepto: Programado | Ejecutado" on the row, a bare month above: the row says the measure
                # (and the "Total 2024" of the Programado row is the year's target, that of the Ejecutado
                # row what was achieved in the year)
                col = replace(col, medida=medidas_concepto[r])
                if periodo_renglon is None:
                    periodo = periodo_para(medida_de_celda(col.medida), col.texto_periodo, ctx_renglon)
            de_fila = dueno
            if periodo_renglon is not None and col.grupo:
                de_fila = replace(dueno, nombre=col.grupo)
            if col.indice in otros:
                de_fila = replace(dueno, nombre=_texto_celda(renglon, otros[col.indice]), descripcion=None, padre=None)
                if not de_fila.nombre:
                    continue
            if de_fila is not fila:
                col, periodo = _meta_del_plan(col, periodo, ctx)
            for fig in figuras_de_celda(casilla.texto, col, periodo, ctx_renglon, en_pesos=en_moneda(dueno.unidad)):
                obs = _observacion(fig, col, casilla, tabla.indice, de_fila)
                clave = (
                    obs.indicador,
                    obs.medida,
                    obs.periodo_inicio,
                    obs.periodo_fin,
                    obs.valor,
                    obs.fuente_financiacion,
                )
                if clave in claves_renglon:
                    continue  # the same figure in two columns of one row ("Valor esperado 2024" = "Total planeado 2024")
                claves_renglon.add(clave)
                observaciones.append(obs)
        if len(observaciones) == antes:
            saltar(r, "fila sin cifras legibles en las columnas de valores")
        if _abre_seccion_mayusculas(rejilla, r, k_etiqueta, etiqueta):
            estado.seccion = nombre
        if nivel_propio:  # a project row with figures: parent of the product rows below it
            estado.grupo = nombre
    _distinguir_homonimos(observaciones, rejilla, cols, ks_codigo)
    return observaciones, sin_mapear


def _duenos_de_periodos(
    rejilla, k: int, periodos_renglon: dict[int, Periodo], primera: int, de_medida: set[int]
) -> dict[int, str]:
    """Per period row, the label of the indicator's row right above its run
    ("Continuidad del servicio" over "Trimestre I (ene–mar)" … "Trimestre IV"),
    when every period row has one; a row that states a measure of the
    periods (`de_medida`: "Población meta 2023") or a total owns none.
    `primera`: the first body row."""
    duenos: dict[int, str] = {}
    ultimo: Optional[str] = None
    for r in range(primera, len(rejilla)):
        if r in periodos_renglon:
            if ultimo is None:
                return {}
            duenos[r] = ultimo
            continue
        casilla = rejilla[r][k] if k < len(rejilla[r]) else None
        texto = limpiar(casilla.texto) if casilla is not None else ""
        if texto:
            total = TOTAL.match(texto) or _es_total_de_periodos(texto)
            ultimo = None if r in de_medida or total else texto
    return duenos


def _columnas_de_periodo(cols: list[Columna], k_etiqueta: int) -> list[Columna]:
    """Where a table of periods names them: the name column, else a column
    headed as a period ("Periodo", "Mes") or of text."""
    nombre = next((c for c in cols if c.indice == k_etiqueta), None)
    if nombre is not None and nombre.rol == "etiqueta":
        return [nombre]  # a real name column: its rows are indicators unless they are periods
    return sorted(
        (c for c in cols if c.indice == k_etiqueta or c.rol in ("anio", "etiqueta", "texto")),
        key=lambda c: (c.indice != k_etiqueta, c.rol != "anio", c.indice),
    )


def _periodos_de_filas(
    cuerpo, k_etiqueta: int, ctx: Contexto, desplazamiento: int, encabezado: str = ""
) -> dict[int, Periodo]:
    """Rows whose label is a period ("Enero", "II trimestre", "2021"; "II"
    under a "Trimestre" header), by grid row, when most labelled rows of the
    table are periods."""
    periodos: dict[int, Periodo] = {}
    etiquetadas: list[tuple[int, str]] = []
    for i, renglon in enumerate(cuerpo):
        casilla = renglon[k_etiqueta]
        texto = limpiar(casilla.texto) if casilla is not None else ""
        if not texto:
            continue
        etiquetadas.append((desplazamiento + i, texto))
        if len(re.sub(r"\([^)]*\)", "", texto).split()) <= 4:  # "I trimestre (ene – mar)": its gloss aside
            periodo = periodo_de_texto(texto, ctx) or (
                periodo_de_texto(f"{encabezado} {texto}", ctx) if encabezado and len(encabezado.split()) <= 2 else None
            )
            if periodo is None and (otra := leida_de_nuevo(texto)) != texto:  # a scan's misreading
                periodo = periodo_de_texto(otra, ctx)
            if periodo is not None and periodo.inicio is not None:
                periodos[desplazamiento + i] = periodo

    def es_total(texto: str) -> bool:
        return _es_total_de_periodos(texto) or bool(TOTAL.match(texto))

    lugares = sum(not es_total(t) for _, t in etiquetadas)
    # an indicator's row right above its run of periods owns them (_duenos_de_periodos): not a place
    duenos = sum(
        fila not in periodos and siguiente in periodos and not es_total(texto)
        for (fila, texto), (siguiente, _) in zip(etiquetadas, etiquetadas[1:])
    )
    if len(periodos) < 2 or len(periodos) * 10 < (lugares - duenos) * 7:
        return {}
    # labels a scan misread ("J unio", "ll timestre") take the period of their place in the run
    return con_huecos_llenos(periodos, etiquetadas, es_total)


@lru_cache(maxsize=1)
def _total_de_periodos() -> re.Pattern:
    palabras = sorted(
        (normalizar(p) for p in cargar_yaml("encabezados.yaml").get("filas_total_periodos", [])), key=len, reverse=True
    )
    return re.compile(rf"^({'|'.join(map(re.escape, palabras))})\b") if palabras else TOTAL


def _es_total_de_periodos(etiqueta: str) -> bool:
    """The row that gives the whole of a table of periods ("Total año",
    "Consolidado año"; esquemas/encabezados.yaml `filas_total_periodos`)."""
    return bool(etiqueta) and _total_de_periodos().match(normalizar(etiqueta)) is not None


MEDIDAS_DE_FILA = ("meta", "meta_cuatrienio", "linea_base")  # reference figures a row of a table of periods can state


MEDIDAS_DE_CONCEPTO = ("meta", "ejecutado", "acumulado", "linea_base", "recursos_programados", "recursos_ejecutados")


def _medidas_por_concepto(rejilla, cols: list[Columna], k_etiqueta: int, n_encabezado: int) -> dict[int, str]:
    """A text column beside the indicator's name whose every cell names a
    measure ("Concepto": Programado on one row, Ejecutado on the next, the
    months as columns): {row: measure}. Empty when no column does."""
    cls = clasificador()
    for col in cols:
        if col.rol not in ("etiqueta", "texto") or col.indice == k_etiqueta:
            continue
        textos = {
            r: limpiar(c.texto)
            for r in range(n_encabezado, len(rejilla))
            if (c := rejilla[r][col.indice]) is not None and c.texto.strip()
        }
        medidas = {
            r: m for r, t in textos.items() if len(t.split()) <= 3 and (m := cls.medida(t)) in MEDIDAS_DE_CONCEPTO
        }
        if len(textos) >= 2 and len(medidas) == len(textos) and len(set(medidas.values())) >= 2:
            return medidas
    return {}


def _medidas_de_filas(rejilla, k_etiqueta: int, periodos_renglon: dict[int, Periodo]) -> dict[int, str]:
    """Rows of a table of periods whose label names a target or a baseline
    besides its period ("Población meta 2023", "Línea base 2022"): {row:
    measure}."""
    salida = {}
    for r in periodos_renglon:
        casilla = rejilla[r][k_etiqueta]
        texto = limpiar(casilla.texto) if casilla is not None else ""
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


def _acumulados_que_bajan(cols: list[Columna], rejilla, periodos_renglon: dict[int, Periodo]) -> None:
    """In a table of periods a running total never goes down: an
    "acumulado" column whose figures fall from one period to the next
    ("Logrado": 1.642, 1.910, 1.755) holds each period's own result,
    unless its header says "Acumulado" beside an "Ejecutado" column."""
    for col in cols:
        if col.medida != "acumulado":
            continue
        valores = [
            n.valor
            for r in sorted(periodos_renglon)
            if rejilla[r][col.indice] is not None and (n := leer_numero(rejilla[r][col.indice].texto)) is not None
        ]
        baja = any(b < a for a, b in zip(valores, valores[1:]))
        # "Acumulado" beside "Ejecutado" says what it is: a fall is the report's slip (a finding)
        nombrado = ACUMULADO_EXPLICITO.search(normalizar(col.encabezado)) and any(c.medida == "ejecutado" for c in cols)
        if (baja and not nombrado) or _resultado_del_periodo(col, cols):
            col.medida = "ejecutado"


def _resultado_del_periodo(col: Columna, cols: list[Columna]) -> bool:
    """ "Logrado" beside no "Ejecutado" in a table of periods: each period's result."""
    return not ACUMULADO_EXPLICITO.search(normalizar(col.encabezado)) and not any(c.medida == "ejecutado" for c in cols)


def _union(periodos) -> Periodo:
    periodos = list(periodos)
    return Periodo(min(p.inicio for p in periodos), max(p.fin for p in periodos))


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


def _dueno_combinado(renglon, casilla, ks_texto: list[int], fila: _Fila) -> _Fila:
    """Whose figure a value merged down over several rows is: the name
    merged over exactly the same rows to its left (a result indicator and
    its four-year target over the product rows under it), else the first
    row's."""
    for k in reversed([k for k in ks_texto if k < casilla.columna]):
        c = renglon[k]
        if c is not None and c.fila == casilla.fila and c.filas_span == casilla.filas_span and c.texto.strip():
            nombre, desc = separar_nombre(limpiar(c.texto))
            if nombre and nombre != fila.nombre:
                return _Fila(fila.numero, nombre, desc, fila.padre, None, fila.unidad, fila.fuente, fila.tipo_gasto)
            break
    return fila


def _distinguir_homonimos(observaciones: list[Observacion], rejilla, cols: list[Columna], ks_codigo: list[int]) -> None:
    """Rows of one table with the same indicator name and parent that give
    different figures for the same measure and period are different goals
    (a plan lists "Número de personas beneficiadas" under "Campañas
    realizadas" twice, as IP-115 and IP-118). When a code column tells the
    rows apart, each row's code joins its description, so that they are two
    indicators, not one with conflicting figures."""
    por_clave: dict[tuple, dict[int | None, float]] = {}
    for obs in observaciones:
        clave = (
            obs.indicador_padre,
            obs.indicador,
            obs.descripcion,
            obs.medida,
            obs.periodo_inicio,
            obs.periodo_fin,
            obs.fuente_financiacion,
            obs.tipo_gasto,
        )
        por_clave.setdefault(clave, {}).setdefault(obs.fila, obs.valor)
    en_choque: set[int | None] = set()
    for renglones in por_clave.values():
        if len(renglones) > 1 and len(set(renglones.values())) > 1:
            en_choque.update(renglones)
    if not en_choque:
        return
    for k in ks_codigo:
        codigos = {r: _texto_celda(rejilla[r], k) for r in en_choque}
        if all(codigos.values()) and len(set(codigos.values())) == len(codigos):
            for obs in observaciones:
                if obs.fila in codigos:
                    propio = f"código {codigos[obs.fila]}"
                    obs.descripcion = f"{obs.descripcion} ({propio})" if obs.descripcion else propio
            return


def _texto_celda(renglon, k) -> str:
    return limpiar(renglon[k].texto) if k is not None and renglon[k] is not None else ""


def _texto_en_su_anio(col: Columna, ctx_renglon: Contexto) -> str:
    """The period text of a column on a row that states its year: none when
    the column spans several years that hold it ("Ejecución de gastos
    periodo 2016 – 2019" over "Año | Presupuestado": the row's year), else
    the column's."""
    p, anio = col.periodo, ctx_renglon.vigencia
    if col.medida == "meta_cuatrienio" or p is None or p.inicio is None or p.fin is None or anio is None:
        return col.texto_periodo
    return "" if p.inicio.year < p.fin.year and p.inicio.year <= anio <= p.fin.year else col.texto_periodo


def _contexto_fila(texto_anio: str, ctx: Contexto) -> Contexto:
    """A row that states its own year ("Año: 2016") reads its periods in it."""
    n = leer_numero(texto_anio) if texto_anio else None
    if n is None or not es_anio(n):
        return ctx
    anio = int(n.valor)
    if anio == ctx.vigencia:
        return ctx
    corte = ctx.fecha_corte if ctx.fecha_corte and ctx.fecha_corte.year == anio else date(anio, 12, 31)
    return replace(ctx, vigencia=anio, fecha_corte=corte, periodo_inicio=date(anio, 1, 1), periodo_fin=corte)


def _texto_de(renglon, cols: list[Columna], rol: str) -> str:
    for c in cols:
        if c.rol == rol and renglon[c.indice] is not None:
            return limpiar(renglon[c.indice].texto)
    return ""


def _observacion(fig: Figura, col: Columna, casilla, tabla: int, fila: _Fila) -> Observacion:
    dinero = fig.medida in DINERO
    factor = col.factor if dinero or col.escala == "fraccion" else 1.0  # "Avance 2024" 0,99 → 99 %
    escala = col.escala
    if dinero and fig.escala is not None:
        escala, factor = fig.escala  # "$ 45,5 millones" under any header
    elif not dinero and fig.medida != "avance_porcentual" and fig.numero.unidad == "numero" and en_moneda(fila.unidad):
        escala, factor = clasificador().escala(fila.unidad)  # an amount "(millones de pesos)": its unit's scale
        factor = factor or 1.0
    nota = None
    if fig.numero.ambiguo and fig.numero.unidad == "porcentaje":
        nota = "porcentaje con punto decimal: puede ser una fracción de la meta del cuatrienio"
    return Observacion(
        indicador=fila.nombre,
        medida=fig.medida,
        valor=round(fig.numero.valor * factor, 9) if factor != 1.0 else fig.numero.valor,  # 0,6166666667 × 100
        valor_texto=limpiar(fig.numero.texto or casilla.texto),
        unidad=unidad(fig.numero, fig.medida, fila.unidad),
        periodo_inicio=fig.periodo.inicio if fig.periodo else None,
        periodo_fin=fig.periodo.fin if fig.periodo else None,
        indicador_padre=fila.padre,
        descripcion=fila.descripcion,
        codigo=fila.codigo,
        acumulacion=fila.acumulacion,
        tipo_gasto=(fig.tipo_gasto or col.tipo_gasto or fila.tipo_gasto) if dinero else None,
        fuente_financiacion=col.fuente or fila.fuente,
        escala=escala if factor != 1.0 else None,
        ambiguo=fig.numero.ambiguo,
        nota=nota,
        confianza=min(fig.confianza, casilla.confianza_ocr) if casilla.confianza_ocr is not None else fig.confianza,
        confianza_ocr=casilla.confianza_ocr,
        pagina=casilla.pagina,
        tabla=tabla,
        fila=fila.numero,
        columna=col.indice,
        bbox=casilla.bbox,
        **referencia_excel(casilla.ref),
    )
