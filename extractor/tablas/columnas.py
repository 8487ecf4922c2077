"""Column headers of a table: which rows are header rows, and what each
column holds (the indicator's name, a code, a unit, or a measure with its
period and scale)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional, overload

import esquemas
from esquemas import cargar_yaml
from extractor.castellano import palabras

from extractor.tablas.dinero import tipo_gasto_en
from extractor.tablas.encabezados import clasificador, normalizar
from extractor.tablas.partes_en_serie import es_parte_del_anio, grupos_en_serie, partes_en_serie
from extractor.modelo import Celda, Tabla
from extractor.castellano.nombres import limpiar
from extractor.castellano.numeros import (
    CODIGO_NUMERICO,
    Numero,
    buscar_numeros,
    es_vacio,
    escala_tras,
    leer_cantidad,
    leer_numero,
    sin_notas,
)
from extractor.castellano.periodos import (
    MESES,
    Contexto,
    Periodo,
    buscar_fechas,
    con_corte_de_encabezados,
    nombra_periodo_al_corte,
    periodo_de_texto,
    periodo_para,
    serie_mensual,
)

# money measures (medidas.csv `es_dinero`), and recursos_mixtos: a header naming both
# programmed and executed money, split into those two measures
DINERO = esquemas.medidas_de_dinero() | {"recursos_mixtos"}
ROLES_DE_TEXTO = {"etiqueta", "codigo", "unidad", "fuente", "ignorar", "texto", "anio", "acumulacion"}
MAX_FILAS_ENCABEZADO = 3
# …and up to this many when the rows past the third only continue it (an
# unruled header whose cells wrap at staggered heights: "Recursos" over
# "programados" under "%" over "avance", a year line below)
MAX_FILAS_ENCABEZADO_PARTIDO = 6
MAX_FILAS_TITULO = 6  # rows of a sheet's title block (titles and blank rows) above its header
CODIGO_LOCAL = re.compile(r"^[A-ZÑ]{1,6}[-.]\d+([-.]\d+)*$")


@dataclass
class Columna:
    indice: int
    encabezado: str
    rol: str  # a ROLES_DE_TEXTO member, or "valor"
    medida: Optional[str] = None
    periodo: Optional[Periodo] = None
    factor: float = 1.0
    escala: Optional[str] = None
    tipo_gasto: Optional[str] = None
    texto_periodo: str = ""  # the header text the period was read from
    fuente: Optional[str] = None  # funding source of a money column ("SGP salud 2024")
    # a target written as a sentence ("Construcción de 35 aulas"): its one
    # figure is the target (extractor/tablas/celdas.py cifra_de_frase)
    en_frase: bool = False
    # an upper header level that names a thing, not a measure or a period
    # ("BCG en recién nacidos" over "Dosis acumuladas | % cobertura"): in a
    # table whose rows are periods, the indicator of the column
    grupo: Optional[str] = None


def es_anio(n: Numero) -> bool:
    return n.unidad == "numero" and float(n.valor).is_integer() and 1990 <= n.valor <= 2040 and "." not in n.texto


def tiene_cifras(texto: str) -> bool:
    return any(not es_anio(n) for n in buscar_numeros(texto))


@overload
def medida_de_celda(medida: str) -> str: ...
@overload
def medida_de_celda(medida: Optional[str]) -> Optional[str]: ...
def medida_de_celda(medida: Optional[str]) -> Optional[str]:
    """A column of mixed money ("programados y ejecutados") defaults to programmed
    for an unlabelled figure; its cells usually label each amount."""
    return "recursos_programados" if medida == "recursos_mixtos" else medida


def _es_valor(texto: str) -> bool:
    """A cell that is one figure (a bare year can still be a header), also
    with its unit, a note or its scale word ("12 km (tramo 2)", "$ 45,5
    millones")."""
    if es_parte_del_anio(texto):
        return False  # "11 TRIMESTRE": a scan's "III trimestre"
    n = leer_numero(texto)
    if n is not None:
        return not es_anio(n)
    if serie_mensual(texto, Contexto()):
        return True
    limpio = sin_notas(texto)
    if limpio != texto:  # "12 km (tramo 2)", "17 (invierno)"
        cantidad = leer_cantidad(limpio)
        cifra = leer_numero(limpio) or (cantidad[0] if cantidad else None)
        return cifra is not None and not es_anio(cifra)
    pesos = [m for m in buscar_numeros(limpio) if m.unidad == "pesos"]
    return len(pesos) == 1 and escala_tras(limpio, pesos[0].fin) is not None


def celdas_distintas(fila_rejilla: list[Optional[Celda]]) -> list[Celda]:
    vistas, salida = set(), []
    for c in fila_rejilla:
        if c is not None and id(c) not in vistas:
            vistas.add(id(c))
            salida.append(c)
    return salida


def _es_fila_encabezado(fila_rejilla: list[Optional[Celda]], bajo_encabezado: bool) -> bool:
    """Header words and no figures; under a header row, a row of words with
    an empty first cell continues it ("I semestre", "vigencia 2019")."""
    celdas = [c for c in celdas_distintas(fila_rejilla) if c.texto.strip()]
    if not celdas or any(_es_valor(c.texto) for c in celdas):
        return False
    cls = clasificador()
    if len(celdas) >= 2 and any(cls.medida(c.texto) or _rol(c.texto) for c in celdas):
        return True
    if len(celdas) >= 2 and all(periodo_de_texto(c.texto, Contexto()) for c in celdas):
        return True  # "2021 | 2022" over "Programado | Alcanzado" under each: the upper level
    if not bajo_encabezado:
        return False
    primera = fila_rejilla[0]
    return primera is None or not primera.texto.strip() or primera.filas_span > 1


def _continua_encabezado(fila_rejilla: list[Optional[Celda]]) -> bool:
    """Header words and no figures, the first cell empty (a body row names
    its indicator in the first cells) or the header of a text column there
    ("Indicador de producto | … | mado 2021 | 2021", the last line of
    staggered headers; not a plan level's title merged over the first cells)."""
    primera = fila_rejilla[0]
    if primera is None or not primera.texto.strip():
        return _es_fila_encabezado(fila_rejilla, True)
    return _rol(primera.texto) is not None and _es_fila_encabezado(fila_rejilla, False)


def _rol(encabezado: str) -> Optional[str]:
    rol = clasificador().rol(encabezado)
    if rol == "anio" and (any(ch.isdigit() for ch in encabezado) or len(encabezado.split()) > 2):
        return None  # "vigencia 2019" or "Periodo de junio a septiembre" name a period
    return rol


def _vacia(fila_rejilla) -> bool:
    return not any(c is not None and c.texto.strip() for c in fila_rejilla)


def _filas_de_titulo(rejilla) -> int:
    """Rows at the top of a grid that are the sheet's title block (a
    workbook printed with its gridlines: "ALCALDÍA DE …", "MATRIZ DE
    SEGUIMIENTO … CORTE: …" each one text from the first column, blank rows
    between them) when a header row follows: how many (two or more), 0 when
    none."""
    n = 0
    while n < min(len(rejilla) - 1, MAX_FILAS_TITULO):
        if _vacia(rejilla[n]):
            n += 1
            continue
        casillas = [c for c in celdas_distintas(rejilla[n]) if c.texto.strip()]
        if len(casillas) != 1 or casillas[0] is not rejilla[n][0] or _es_valor(casillas[0].texto):
            break
        n += 1
    while n and n < len(rejilla) - 1 and _vacia(rejilla[n]):
        n += 1
    # one title right over the header is read as before: an upper level when it names a period
    return n if n >= 2 and _es_fila_encabezado(rejilla[n], False) else 0


def filas_encabezado(tabla: Tabla, rejilla) -> int:
    """Header rows: those the source marks, the title block and blank rows
    above the header, and header-like rows; a lone title cell ("META") over
    a header row counts too."""
    n = tabla.filas_encabezado_marcadas or _filas_de_titulo(rejilla)
    while n < len(rejilla) - 1 and _vacia(rejilla[n]):
        n += 1
    limite = min(n + MAX_FILAS_ENCABEZADO, len(rejilla) - 1)
    while n < limite:
        if _es_fila_encabezado(rejilla[n], n > 0):
            n += 1
        elif (
            n + 1 < limite
            and not any(c and _es_valor(c.texto) for c in rejilla[n])
            and _es_fila_encabezado(rejilla[n + 1], False)
        ):
            n += 2
        else:
            break
    tope = min(n + MAX_FILAS_ENCABEZADO_PARTIDO - MAX_FILAS_ENCABEZADO, len(rejilla) - 1)
    while n == limite and n < tope and _continua_encabezado(rejilla[n]):
        n += 1
        limite += 1
    if n and n < len(rejilla) - 1 and _numeracion(rejilla[n]):
        n += 1  # the row that numbers the columns under the header: "1 | 2 | 3 …" or "(1) | (2) …"
    return n


# A column's number, alone or with how it is computed: "3", "(13) = (12)/(11)"
_NUMERO_DE_COLUMNA = re.compile(r"^\(?(\d{1,2})\)?(?:\s*=\s*[\d()\s+\-*/x×÷]+)?$")


def _numeracion(fila_rejilla) -> bool:
    numeros = []
    for c in celdas_distintas(fila_rejilla):
        t = " ".join(c.texto.split())
        if t:
            numero = _NUMERO_DE_COLUMNA.match(t)
            if numero is None:
                return False
            numeros.append(int(numero.group(1)))
    return len(numeros) >= 3 and all(b == a + 1 for a, b in zip(numeros, numeros[1:]))


def _partes_encabezado(rejilla, n_encabezado: int, col: int, omitidas: frozenset[int] = frozenset()) -> list[str]:
    """The column's header texts, top level first, without the rows `omitidas`."""
    partes: list[str] = []
    vistas = set()
    for r in range(n_encabezado):
        if r in omitidas:
            continue
        c = rejilla[r][col]
        if c is not None and id(c) not in vistas and c.texto.strip():
            vistas.add(id(c))
            partes.append(sin_guiones_de_corte(limpiar(c.texto)))
    return _sin_palabras_partidas(partes)


def _sin_palabras_partidas(partes: list[str]) -> list[str]:
    """Header levels with a word cut between two of them joined ("Nivel de
    cu" over "mplimiento": the lines of one unruled header cell read as two
    rows), by the same lexicon rule as a cell's lines (castellano/cortes.py)."""
    if len(partes) < 2 or not any(b[:1].islower() for b in partes[1:]):
        return partes
    from extractor.castellano.cortes import unir_lineas
    from extractor.castellano.lexico import es_palabra, es_prefijo

    return unir_lineas("\n".join(partes), (es_palabra, es_prefijo)).split("\n")


# a word hyphenated to fit a narrow header cell: "Ejecu-tado", "Finali-zación"
PALABRA_PARTIDA = re.compile(r"(?<=[a-záéíóúñ])-(?=[a-záéíóúñ]{2,}\b)")
_PALABRAS_AL_GUION = re.compile(r"([a-záéíóúñ]+)-([a-záéíóúñ]+)\b", re.IGNORECASE)


def sin_guiones_de_corte(texto: str) -> str:
    """The header without the hyphens of words cut to fit ("Ejecu-tado"),
    keeping those of a range of months ("Bimestre 3 (may-jun)")."""
    if any(a.lower() in MESES and b.lower() in MESES for a, b in _PALABRAS_AL_GUION.findall(texto)):
        return texto
    return PALABRA_PARTIDA.sub("", texto)


# "% ejecutado 2024 vs cuatrienio": what follows "vs" is the base of the
# ratio, not the period of the figure
COMPARADO_CON = re.compile(
    rf"\s+({palabras.alternativas(cargar_yaml('encabezados.yaml')['comparado_con'])})\s.*$", re.IGNORECASE
)


def _sin_base(parte: str, ctx: Contexto) -> str:
    """The header without the base of its ratio, when what is left still
    names a period."""
    corto = COMPARADO_CON.sub("", parte)
    return corto if corto != parte and periodo_de_texto(corto, ctx) else parte


ANIO = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


def _a_la_fecha_del_encabezado(periodo: Periodo, medida: str, partes: list[str]) -> Periodo:
    """A % progress over the plan's term under a level that dates it
    ("ACUMULADO CUATRIENIO (A 31/12/2018)" over "% avance cuatrienio"): as of
    that date."""
    if medida != "avance_porcentual" or periodo.inicio is None or periodo.fin is None:
        return periodo
    fechas = [f for p in partes for f in buscar_fechas(p)]
    if not fechas:
        return periodo
    return Periodo(periodo.inicio, fechas[-1]) if periodo.inicio <= fechas[-1] < periodo.fin else periodo


def _texto_periodo(partes: list[str], ctx: Contexto) -> str:
    """The most specific header level that names a period ("2021" under
    "Plan financiero 2020-2029"), with the year of an upper level when it
    names none ("T1" under "2025" → "T1 2025"); else the whole header."""
    for i in range(len(partes) - 1, -1, -1):
        parte = partes[i]
        if not ANIO.search(parte):
            # "Trimestre I" names a period only with a year, the upper level's when the report gives none
            anio = next((y for y in (ANIO.findall(p) for p in reversed(partes[:i])) if len(y) == 1), None)
            con_anio = f"{parte} {anio[0]}" if anio else ""
            if anio and periodo_de_texto(con_anio, ctx) not in (None, periodo_de_texto(anio[0], ctx)):
                return con_anio
        if periodo_de_texto(parte, ctx):
            return parte
    return " ".join(partes)


# A measure read from the whole header replaces the one of its lowest level
# only when the upper level refines it: money ("Recursos (millones)" over
# "Programados"), or a total over "Ejecutado" ("Total" / "Ejecutado"). A
# group title over several measures ("PLAN INDICATIVO" over "Programación
# 2024") does not turn them into its own.
def _refina(bajo: str, todo: str) -> bool:
    return (bajo in ("meta", "ejecutado", "acumulado") and todo in DINERO) or (
        bajo == "ejecutado" and todo == "acumulado"
    )


_DINERO_SIN_ETAPA = cargar_yaml("encabezados.yaml")["dinero_sin_etapa"]


_MONEDA = re.compile(
    "|".join(re.escape(p) if p == "$" else rf"\b{p}\b" for p in cargar_yaml("encabezados.yaml")["moneda_sin_escala"])
)


def en_moneda(encabezado: str) -> bool:
    """The text names its currency ("Valor ($)", "millones de pesos"): a
    header so named takes no scale it does not write."""
    return bool(_MONEDA.search(normalizar(encabezado)))


def _solo_dinero(parte: str) -> bool:
    """ "Valor ($)", "Monto", "Recursos (millones)": money, neither programmed nor executed."""
    palabras_parte = set(re.findall(r"[a-z]+|\$", re.sub(r"\(([^)]*)\)", r" \1 ", normalizar(parte))))
    solo, con = set(_DINERO_SIN_ETAPA["solo"]), set(_DINERO_SIN_ETAPA["con"])
    return bool(palabras_parte & solo) and palabras_parte <= solo | con


def _medida(partes: list[str], encabezado: str) -> Optional[str]:
    cls = clasificador()
    todo = cls.medida(encabezado)
    if len(partes) < 2 or not any(re.search(r"\w", p) for p in partes[:-1]):
        return todo  # one level, or a symbol over words ("%" over "avance"): one phrase
    if re.fullmatch(r"\s*\(.*\)\s*", partes[-1], re.DOTALL):
        return todo  # "% ejecución" over "(compromisos / apropiación)": the formula of the level above
    bajo = cls.medida(partes[-1])
    if _solo_dinero(partes[-1]):
        etapa = esquemas.medidas().get(cls.medida(" ".join(partes[:-1])) or "")
        if etapa is not None and etapa.en_dinero:
            return etapa.en_dinero  # "EJECUCIÓN 2024" over "Valor ($)": the money executed
    if bajo is None or todo == bajo or (todo is not None and _refina(bajo, todo)):
        return todo
    return bajo


@lru_cache(maxsize=1)
def _fuentes_financiacion() -> list[tuple[str, tuple[str, ...], bool]]:
    return [
        (f["nombre"], tuple(normalizar(p) for p in f["patrones"]), bool(f.get("solo_con_otras")))
        for f in cargar_yaml("fuentes_financiacion.yaml")["fuentes"]
    ]


_RESTO_FUENTE = re.compile(r"^[\s\-–:(]*((19|20)\d\d([\s\-–/]+(19|20)\d\d)?)?[\s)]*$")


def _fuente(parte: str) -> Optional[tuple[str, bool]]:
    """The funding source a money header names ("SGP salud 2024" → "SGP
    salud"), with whether it only counts beside other sources."""
    texto_normal = normalizar(parte)
    for nombre, patrones, solo in _fuentes_financiacion():
        for patron in patrones:
            if texto_normal.startswith(patron) and _RESTO_FUENTE.match(texto_normal[len(patron) :]):
                return nombre, solo
    return None


def fuentes_de_columnas(encabezados: list[list[str]]) -> list[Optional[str]]:
    """Per column, the funding source its lowest header level names
    (esquemas/fuentes_financiacion.yaml); "Total" and "Otros" only in a
    table with other funding-source columns."""
    halladas = [_fuente(partes[-1]) if partes else None for partes in encabezados]
    especificas = sum(1 for f in halladas if f and not f[1])
    return [f[0] if f and (not f[1] or especificas >= 2) else None for f in halladas]


# a lowest header level that is only a roman numeral ("I", "II" under
# "EJECUCIÓN 2024") numbers the parts of its upper level's year
_ROMANOS = palabras.por_numero("romanos")  # esquemas/castellano.yaml
ROMANO = re.compile(rf"^({palabras.alternativas(_ROMANOS)})\.?$")
_PARTES_DEL_ANIO = (("bimestre", 6), ("cuatrimestre", 3), ("trimestre", 4), ("semestre", 2))


def partes_numeradas(encabezados: list[list[str]], titulos: Optional[list[str]] = None) -> dict[int, str]:
    """Per column whose lowest header level is a bare roman numeral under an
    upper level naming one year, the part of the year it names ("II" →
    "II trimestre"). The kind of part is the one the title or the headers
    write ("trimestre", "semestral"…), else the one the numerals fill: up to
    IV quarters, up to II semesters."""
    numeradas = {}
    for k, partes in enumerate(encabezados):
        ultimo = normalizar(partes[-1]) if partes else ""
        if len(partes) >= 2 and ROMANO.match(ultimo) and len(set(ANIO.findall(" ".join(partes[:-1])))) == 1:
            numeradas[k] = ultimo.rstrip(".")
    if len(numeradas) < 2:
        return {}
    texto = normalizar(" ".join(list(titulos or []) + [" ".join(p) for p in encabezados]))
    mayor = max(_ROMANOS[n] for n in numeradas.values())
    sub = next((s for s, n in _PARTES_DEL_ANIO if s[:-1] in texto and mayor <= n), None)  # "trimestral" too
    if sub is None:
        sub = next((s for s, n in (("semestre", 2), ("trimestre", 4), ("bimestre", 6)) if mayor <= n), None)
    return {k: f"{n} {sub}" for k, n in numeradas.items()} if sub else {}


def columnas(
    rejilla, n_encabezado: int, ctx: Contexto, planifica: bool = False, titulos: Optional[list[str]] = None
) -> list[Columna]:
    cls = clasificador()
    bandas = _bandas_de_titulo(rejilla, n_encabezado, ctx)
    titulos = list(titulos or []) + [rejilla[r][0].texto for r in sorted(bandas)]
    solo_periodo: list[int] = []  # columns headed by a bare period
    # the row that numbers the columns names none of them
    omitidas = bandas | {r for r in range(n_encabezado) if _numeracion(rejilla[r])}
    encabezados = [
        _partes_encabezado(rejilla, n_encabezado, k, omitidas) for k in range(len(rejilla[0]) if rejilla else 0)
    ]
    dinero = bool(titulos) and cls.titulo_de_dinero(" ".join(titulos)) and not _con_unidades(encabezados)
    del_titulo: set[int] = set()  # columns without a header, headed by the title
    if n_encabezado == 0 and lista_de_nombres(rejilla) and (propio := titulo_de_lista(titulos, ctx)):
        # a list without a header ("Alcantarillas instaladas ..... 23") under
        # the heading that dates its figures ("Logros enero – junio de 2019";
        # with no measure named, results: "Resultados julio – diciembre de 2023")
        del_titulo = {k for k, p in enumerate(encabezados) if k and not p}
        encabezados = [[propio] if k in del_titulo else p for k, p in enumerate(encabezados)]
    # "CONCEPTO EN MILES" over the label column, or "(en miles de pesos)" in
    # the title, scales the whole table's money
    escala_tabla = cls.escala(" ".join(" ".join(partes) for partes in encabezados))
    # what scales a column that names its currency: the title or a header that is not money
    escala_comun = cls.escala(" ".join(" ".join(p) for p in encabezados if cls.medida(" ".join(p)) not in DINERO))
    if escala_comun[0] is None and titulos:
        escala_comun = cls.escala(" ".join(titulos))
    if escala_tabla[0] is None and titulos:
        escala_tabla = cls.escala(" ".join(titulos))
    cols = []
    fuentes = fuentes_de_columnas(encabezados)
    numeradas = {**partes_numeradas(encabezados, titulos), **partes_en_serie(encabezados, ctx)}
    en_grupos = grupos_en_serie(encabezados, ctx)  # "ll trim." over "P | E": the part of its place
    # "Recaudo del mes" beside "Recaudo acumulado a 30 de junio": the month of that cut
    al_corte = con_corte_de_encabezados([" ".join(partes) for partes in encabezados], ctx)
    for k, partes in enumerate(encabezados):
        partes = en_grupos.get(k, partes)
        encabezado = " ".join(partes)
        no_valor = cls.no_valor(encabezado) if encabezado and k not in del_titulo else None
        if no_valor:
            cols.append(Columna(k, encabezado, no_valor))
            continue
        rol, medida = None if k in del_titulo else _rol(encabezado), _medida(partes, encabezado)
        if len(partes) > 1 and k not in del_titulo and (propio := _rol(partes[-1])) and cls.medida(partes[-1]) is None:
            rol, medida = propio, None  # "IDENTIFICACIÓN DE LA META" over "Indicador de producto": the lower level's
        if fuentes[k]:
            rol, medida = None, medida if medida in DINERO else "recursos_programados"
        partes_periodo = partes[:-1] + [numeradas[k]] if k in numeradas else partes
        if rol is None and medida is None and encabezado and periodo_de_texto(" ".join(partes_periodo), ctx):
            # a bare period ("II semestre", "2021") under no measure: results,
            # or targets in a planning document
            medida = "meta" if planifica and not _antes_del_plan(encabezado, ctx) else "ejecutado"
            solo_periodo.append(k)
        if medida is None:
            cols.append(Columna(k, encabezado, rol or ("etiqueta" if k == 0 else "texto")))
            continue
        if dinero and medida in FISICAS_EN_DINERO and not _con_porcentajes(rejilla[n_encabezado:], k):
            medida = cls.medida(f"recursos {encabezado}")
            medida = medida if medida in DINERO else "recursos_programados"
        escala, factor = (None, 1.0)
        if medida in DINERO:
            escala, factor = cls.escala(encabezado)
            if escala is None:
                escala, factor = escala_comun if en_moneda(encabezado) else escala_tabla
        texto_periodo = _texto_periodo([_sin_base(p, ctx) for p in partes_periodo], ctx)
        cols.append(
            Columna(
                k,
                encabezado,
                "valor",
                medida,
                periodo=_a_la_fecha_del_encabezado(
                    periodo_para(
                        medida_de_celda(medida),
                        texto_periodo,
                        al_corte if nombra_periodo_al_corte(texto_periodo) else ctx,
                    ),
                    medida,
                    partes,
                ),
                texto_periodo=texto_periodo,
                factor=factor,
                escala=escala,
                tipo_gasto=tipo_gasto_en(encabezado),
                fuente=fuentes[k],
                grupo=_grupo(rejilla, n_encabezado, k, partes, ctx),
            )
        )
    _resultados_junto_a_la_meta(cols, solo_periodo, ctx)
    _participios_junto_a_la_meta(cols, rejilla[n_encabezado:], ctx)
    _logros_de_subperiodo(cols, ctx)
    _degradar_columnas_texto(cols, rejilla[n_encabezado:])
    _hermanas_de_dinero(cols, ctx, rejilla[n_encabezado:])
    _total_de_fuentes(cols, ctx)
    for col in cols:
        if col.en_frase and planifica and col.medida == "meta" and not ANIO.search(col.encabezado):
            # a plan's target sentence with no year is the plan's four-year target
            col.medida = "meta_cuatrienio"
            col.periodo = periodo_para(col.medida, col.texto_periodo, ctx)
        elif col.medida == "meta" and del_cuatrienio(col.periodo, ctx):
            # "Meta bienestar 2024-2027": a target over the plan's whole term
            col.medida = "meta_cuatrienio"
    _bajo_un_acumulado(cols)
    _razones_entre_dinero(cols, rejilla[n_encabezado:])
    _avance_con_su_signo(cols, rejilla[n_encabezado:])
    _logro_que_confirma_el_avance(cols, rejilla[n_encabezado:])
    _avance_como_razon(cols, rejilla[n_encabezado:], ctx)
    _avance_en_fraccion(cols, rejilla[n_encabezado:])
    return cols


def _con_unidades(encabezados: list[list[str]]) -> bool:
    """A column of units ("Hectáreas", "Número"): the table's targets and
    results are physical, and a title's "cifras financieras en pesos" speaks
    only of the columns that name their money ("Apropiación definitiva")."""
    return any(_rol(" ".join(p)) == "unidad" for p in encabezados if p)


def _bajo_un_acumulado(cols: list[Columna]) -> None:
    """Under one upper level that says cumulative ("Acumulado cuatrienio" over
    "Programado | Ejecutado | %"), beside a column of the term's target of
    its own: what was programmed is the target up to the cut, over the
    period of what was achieved, and so is the percentage."""
    if sum(c.medida == "meta_cuatrienio" for c in cols) < 2:
        return
    for hecho in (
        c for c in cols if c.medida == "acumulado" and ACUMULADO_EXPLICITO.search(normalizar(c.texto_periodo))
    ):
        for c in cols:
            if (
                c is not hecho
                and c.texto_periodo == hecho.texto_periodo
                and c.medida in ("meta_cuatrienio", "avance_porcentual")
            ):
                c.medida = "meta" if c.medida == "meta_cuatrienio" else c.medida
                c.periodo = hecho.periodo


def titulo_de_lista(titulos: list[str], ctx: Contexto) -> Optional[str]:
    """The nearest title that dates a list's figures: one naming a measure
    and a period ("Logros enero – junio de 2019"), else one with a period
    and no other role ("Resultados julio – diciembre de 2023")."""
    cls = clasificador()
    fechados = [t for t in reversed(titulos) if periodo_de_texto(t, ctx)]
    return next((t for t in fechados if cls.medida(t)), None) or next((t for t in fechados if not _rol(t)), None)


def lista_de_nombres(rejilla) -> bool:
    """A label and one figure per row, the labels names (two words or more
    in most rows): a list ("Alcantarillas instaladas ...... 23"), not the
    scattered labels of a chart's axes."""
    if not rejilla or len(rejilla[0]) != 2:
        return False
    nombres = [f[0] is not None and len(re.findall(r"[^\W\d_]{3,}", f[0].texto)) >= 2 for f in rejilla]
    return sum(nombres) * 10 >= len(nombres) * 8


def _bandas_de_titulo(rejilla, n_encabezado: int, ctx: Contexto) -> frozenset[int]:
    """Header rows that are one cell across the whole table and name no
    period ("LÍNEA 3. CULTURA PARA TODOS" merged over "Programa | Indicador
    | Meta 2024 …"): the table's title, not an upper level of every
    column's header. One that names a period ("Vigencia 2024") stays: it
    dates the columns under it."""
    bandas = {r for r in range(min(_filas_de_titulo(rejilla), n_encabezado)) if not _vacia(rejilla[r])}
    for r in range(n_encabezado):
        casillas = [c for c in celdas_distintas(rejilla[r]) if c.texto.strip()]
        textos = {limpiar(c.texto) for c in casillas}
        llena = all(c is not None and limpiar(c.texto) in textos for c in rejilla[r])
        if len(rejilla[r]) >= 3 and len(textos) == 1 and llena and not periodo_de_texto(next(iter(textos)), ctx):
            bandas.add(r)
    return frozenset(bandas) if len(bandas) < n_encabezado else frozenset()


def del_cuatrienio(periodo: Optional[Periodo], ctx: Contexto) -> bool:
    """The period is a plan's four-year term: the report's cuatrienio, or
    four whole years when the report names none."""
    if periodo is None or periodo.inicio is None or periodo.fin is None:
        return False
    anios = (periodo.inicio.year, periodo.fin.year)
    enteros = (periodo.inicio.month, periodo.inicio.day, periodo.fin.month, periodo.fin.day) == (1, 1, 12, 31)
    return enteros and (anios == tuple(ctx.cuatrienio) if ctx.cuatrienio else anios[1] - anios[0] == 3)


def _valor_de(fila, k: int) -> Optional[float]:
    c = fila[k] if k < len(fila) else None
    if c is None or not c.texto.strip():
        return None
    n = leer_numero(c.texto) or (leer_cantidad(c.texto) or (None,))[0]  # "38,7 km"
    return None if n is None or n.unidad == "porcentaje" else float(n.valor)


def _antes_del_plan(encabezado: str, ctx: Contexto) -> bool:
    """A bare year before the plan's term or the report's year ("2011" in
    a 2024-2027 plan) is a past result, not a target."""
    inicio = ctx.cuatrienio[0] if ctx.cuatrienio else ctx.vigencia
    anios = [int(y) for y in ANIO.findall(encabezado)]
    return bool(inicio and anios and max(anios) < inicio)


TOLERANCIA_PORCENTAJE = 0.6  # points between a printed % and the one its figures give (rounding)


def _confirma(porcentaje: float, hecho: Optional[float], meta: Optional[float]) -> bool:
    """The printed % is the result over the target (1.398 / 1.420 → 98,5 %)."""
    if hecho is None or not meta:
        return False
    return abs(porcentaje - 100 * hecho / meta) <= TOLERANCIA_PORCENTAJE


def _porcentaje_de(fila, k: int) -> Optional[float]:
    c = fila[k] if k < len(fila) else None
    n = leer_numero(c.texto) if c is not None and c.texto.strip() else None
    return float(n.valor) if n is not None and n.unidad == "porcentaje" else None


def _avance_en_porcentaje(col: Columna, cols: list[Columna], cuerpo, ctx: Contexto) -> bool:
    """A bare "Avance" column whose cells are percentages that are, row by
    row, an executed figure over a target of the same row ("Programado
    2023 | Alcanzado 2023 | Avance": 27 / 24 → 112,5 %) is the % progress
    of their period. True when it was read so."""
    hechos = [c for c in cols if c.medida in ("ejecutado", "acumulado") and c is not col]
    metas = [c for c in cols if c.medida == "meta"]
    juzgadas = confirmadas = 0
    periodos = set()
    for fila in cuerpo:
        v = _porcentaje_de(fila, col.indice)
        if v is None:
            continue
        juzgadas += 1
        for h in hechos:
            for m in metas:
                hv, mv = _valor_de(fila, h.indice), _valor_de(fila, m.indice)
                if _confirma(v, hv, mv):
                    confirmadas += 1
                    periodos.add(h.periodo)
                    break
            else:
                continue
            break
    if juzgadas < 3 or confirmadas * 10 < juzgadas * 8:
        return False
    col.medida, col.factor, col.escala = "avance_porcentual", 1.0, None
    col.periodo = (
        periodos.pop()
        if len(periodos) == 1 and None not in periodos
        else periodo_para("avance_porcentual", col.texto_periodo, ctx)
    )
    return True


def _es_fraccion(v: float, hechos: list[Optional[float]], metas: list[Optional[float]]) -> bool:
    return any(h is not None and m and abs(v - h / m) <= 0.005 for h in hechos for m in metas)


def _avance_en_fraccion(cols: list[Columna], cuerpo) -> None:
    """A "% avance" column whose cells are plain numbers written as a
    fraction of one (0,86 for 86 %): ×100. Read so when, row by row, the
    value is an executed figure over a target of the row (1180 / 1600 =
    0,7375), or when every value lies between 0 and 1 and most have
    decimals (nothing else reads "0,38" under a "%" header)."""
    hechos = [c.indice for c in cols if c.medida in ("ejecutado", "acumulado")]
    metas = [c.indice for c in cols if c.medida in ("meta", "meta_cuatrienio")]
    for col in cols:
        if col.medida != "avance_porcentual" or col.escala == "fraccion" or col.en_frase:
            continue
        valores: list[float] = []
        confirmadas = 0
        for fila in cuerpo:
            c = fila[col.indice] if col.indice < len(fila) else None
            n = leer_numero(c.texto) if c is not None and c.texto.strip() else None
            if n is None:
                continue
            if n.unidad != "numero":
                valores = []
                break  # "86 %" or "86,0 %": already percentages
            valores.append(n.valor)
            if _es_fraccion(n.valor, [_valor_de(fila, h) for h in hechos], [_valor_de(fila, m) for m in metas]):
                confirmadas += 1
        if len(valores) < 3 or max(abs(v) for v in valores) > 1.5:
            continue
        decimales = sum(v != int(v) for v in valores)
        if confirmadas * 10 >= len(valores) * 6 or (max(valores) <= 1 and decimales * 2 > len(valores)):
            col.factor, col.escala = 100.0, "fraccion"


AL_CORTE = re.compile(r"\ba(?:l)?\s+(?:la\s+fecha|corte|\d{1,2}\s*[/-]\s*\d{1,2})\b")  # "Atendidos a 30/06"


def _logro_que_confirma_el_avance(cols: list[Columna], cuerpo) -> None:
    """A column of figures whose header names no measure ("Atendidos a
    30/06", "Beneficiados") between a target and a % progress of the same
    group: when, row by row, the % is it over the target (1.398 / 1.420 →
    98,5 %), it is what was achieved over the progress' period (to its cut:
    acumulado when the header dates it)."""
    metas = [c for c in cols if c.rol == "valor" and c.medida in ("meta", "meta_cuatrienio")]
    avances = [c for c in cols if c.rol == "valor" and c.medida == "avance_porcentual"]
    for col in cols:
        if col.rol not in ("texto", "ignorar") or col.medida is not None:
            continue
        for meta, avance in ((m, a) for m in metas for a in avances if m.indice < col.indice < a.indice):
            juzgadas = confirmadas = 0
            for fila in cuerpo:
                v, m, p = _valor_de(fila, col.indice), _valor_de(fila, meta.indice), _porcentaje_de(fila, avance.indice)
                if v is None or not m or p is None:
                    continue
                juzgadas += 1
                confirmadas += _confirma(p, v, m)
            if juzgadas >= 3 and confirmadas * 10 >= juzgadas * 8:
                fechado = bool(AL_CORTE.search(normalizar(col.encabezado)) or buscar_fechas(col.encabezado))
                col.rol, col.medida, col.periodo = "valor", "acumulado" if fechado else "ejecutado", avance.periodo
                break


def _avance_con_su_signo(cols: list[Columna], cuerpo) -> None:
    """An "Avance acum. cuatrienio" column read as what was achieved whose
    every cell is a percentage ("51,7 %") while the rows' targets are not:
    the progress in %, over the period it was read with."""
    metas = [c.indice for c in cols if c.medida in ("meta", "meta_cuatrienio")]
    for col in cols:
        if col.medida not in ("ejecutado", "acumulado") or "avance" not in normalizar(col.encabezado).split():
            continue
        celdas = [fila[col.indice] for fila in cuerpo if col.indice < len(fila) and fila[col.indice] is not None]
        textos = [c.texto for c in celdas if c.texto.strip() and c.columnas_span == 1]
        if len(textos) < 3 or not all("%" in t for t in textos):
            continue
        en_porcentaje = sum(_porcentaje_de(fila, m) is not None for fila in cuerpo for m in metas)
        con_meta = sum(_valor_de(fila, m) is not None for fila in cuerpo for m in metas)
        if metas and en_porcentaje * 2 < con_meta:  # targets counted in units: the % is the progress
            col.medida = "avance_porcentual"


def _avance_como_razon(cols: list[Columna], cuerpo, ctx: Contexto) -> None:
    """An "Avance 2024" column read as executed that is, row by row, the
    executed figure of its period over the target of its period ("Total
    ejecutado 2024" / "Total planeado 2024": 0,99) is the progress as a
    fraction: % progress, ×100. One in percentages is the % progress
    (`_avance_en_porcentaje`)."""
    for col in cols:
        if col.medida != "ejecutado" or "avance" not in normalizar(col.encabezado).split():
            continue
        if _avance_en_porcentaje(col, cols, cuerpo, ctx) or not col.periodo:
            continue
        mismas = [
            c
            for c in cols
            if c is not col
            and c.periodo
            and c.periodo.fin == col.periodo.fin
            and c.periodo.inicio == col.periodo.inicio
        ]
        hechos = [c.indice for c in mismas if c.medida in ("ejecutado", "acumulado")]
        metas = [c.indice for c in mismas if c.medida == "meta"]
        if not hechos or not metas:
            continue
        filas = [
            (_valor_de(fila, col.indice), [_valor_de(fila, h) for h in hechos], [_valor_de(fila, m) for m in metas])
            for fila in cuerpo
        ]
        juzgadas = [(v, hs, ms) for v, hs, ms in filas if v is not None]
        razon = sum(
            any(h is not None and m for h in hs for m in ms)
            and any(h is not None and m and abs(v - h / m) <= 0.005 for h in hs for m in ms)
            for v, hs, ms in juzgadas
        )
        if len(juzgadas) >= 3 and razon * 10 >= len(juzgadas) * 8:
            col.medida, col.factor, col.escala = "avance_porcentual", 100.0, "fraccion"
            col.periodo = periodo_para("avance_porcentual", col.texto_periodo, ctx)


SOLO_FISICAS = {"linea_base", "meta_cuatrienio", "acumulado"}
# measures that a money table's title turns into money (not % or baselines)
FISICAS_EN_DINERO = {"meta", "meta_cuatrienio", "acumulado", "ejecutado"}
DINERO_SUELTO = re.compile(
    rf"^({palabras.alternativas(cargar_yaml('encabezados.yaml')['dinero_suelto'])})( (19|20)\d\d)?$"
)


def _leidos(cuerpo, k: int) -> list[Numero]:
    """Column k's figures ("1.250", "45 km", "74,0 %")."""
    leidos = [
        leer_numero(c.texto) or (leer_cantidad(c.texto) or (None,))[0]
        for c in (fila[k] if k < len(fila) else None for fila in cuerpo)
        if c is not None and c.texto.strip()
    ]
    return [n for n in leidos if n is not None]


def _numeros(cuerpo, k: int) -> list[Numero]:
    """Column k's figures that are no percentages."""
    return [n for n in _leidos(cuerpo, k) if n.unidad != "porcentaje"]


def _pesos_y_magnitud(cuerpo, k: int) -> tuple[int, int, float]:
    """Of column k's figures: how many, how many written as pesos ("$"), and
    their median size."""
    numeros = _numeros(cuerpo, k)
    tamanos = sorted(abs(n.valor) for n in numeros)
    return len(numeros), sum(n.unidad == "pesos" for n in numeros), tamanos[len(tamanos) // 2] if tamanos else 0.0


# a figure followed by the thing it counts ("16000 personas", "3,5 km", "45 und.")
_CIFRA_CON_UNIDAD = re.compile(r"^\s*-?\d[\d.,']*\s+([^\W\d_]{2,}\.?)\s*$")
_PALABRAS_DE_DINERO = frozenset(["pesos", "peso", "millones", "millon", "miles", "mil", "cop", "mll", "mill."])


def _con_porcentajes(cuerpo, k: int) -> bool:
    """Column k writes some of its figures as percentages, or with the thing
    they count ("16000 personas"): it is not money (a money title over "Meta
    | Resultado" of indicators in % or in their units)."""
    for fila in cuerpo:
        c = fila[k] if k < len(fila) else None
        texto = c.texto.strip() if c is not None else ""
        n = leer_numero(texto) if texto else None
        if n is not None and n.unidad == "porcentaje":
            return True
        if (m := _CIFRA_CON_UNIDAD.match(texto)) and normalizar(m.group(1)) not in _PALABRAS_DE_DINERO:
            return True
    return False


def _cifras_fisicas(cuerpo, k: int, dinero: list[int]) -> bool:
    """The figures say column k is not money while its money neighbours are:
    they write "$" and it does not, or its figures are a thousand times
    smaller ("45 km" beside "$ 1'850.000.000")."""
    n, pesos, tamano = _pesos_y_magnitud(cuerpo, k)
    if not n or pesos:
        return False
    vecinas = [_pesos_y_magnitud(cuerpo, j) for j in dinero]
    con_pesos = any(p for _, p, _ in vecinas)
    mayor = max((t for _, _, t in vecinas), default=0.0)
    return con_pesos or (mayor > 0 and tamano * 1000 < mayor)


MAX_RAZON = 10.0  # the figures of a ratio of money ("Ejec. ppto." 0,90 | 1,03) stay below this


def _razones_entre_dinero(cols: list[Columna], cuerpo) -> None:
    """A money column whose figures are no money: percentages, or beside
    columns in pesos small numbers without "$" ("Ejec. ppto." 0,90 | 1,03
    next to "$ 1.245.600.000"): a ratio of two amounts, no figure of its own."""
    dinero = [c.indice for c in cols if c.medida in DINERO]
    fisicas = [c for c in cols if c.rol == "valor" and c.medida not in DINERO and c.medida != "avance_porcentual"]
    if len(dinero) >= 2 and not fisicas:
        # a budget's "% EJEC" beside nothing but money: the ratio of two amounts (unless it says "físico")
        for c in cols:
            if c.medida == "avance_porcentual" and "fisic" not in normalizar(c.encabezado):
                c.rol, c.medida, c.periodo = "ignorar", None, None
    for c in cols:
        if c.medida not in DINERO:
            continue
        if _solo_porcentajes(cuerpo, c.indice):  # "Ejec. presupuestal" 74,0 % | 79,9 %
            c.rol, c.medida, c.periodo = "ignorar", None, None
        elif _cifras_fisicas(cuerpo, c.indice, [k for k in dinero if k != c.indice]):
            cifras = [abs(n.valor) for n in _numeros(cuerpo, c.indice) if n.valor]
            if cifras and max(cifras) < MAX_RAZON:  # (zeros say nothing: "Pagos" all $ 0 but one)
                c.rol, c.medida, c.periodo = "ignorar", None, None


def _solo_porcentajes(cuerpo, k: int) -> bool:
    """Column k's figures are all percentages."""
    cifras = _leidos(cuerpo, k)
    return bool(cifras) and all(n.unidad == "porcentaje" for n in cifras)


def _hermanas_de_dinero(cols: list[Columna], ctx: Contexto, cuerpo=()) -> None:
    """Beside a money column, a bare "Ejecutado" or "Programado" is money too
    ("Presupuestado | Ejecutado | % ejec."), unless its figures say otherwise."""
    medidas = {c.medida for c in cols if c.medida}
    if not medidas & DINERO or medidas & SOLO_FISICAS:
        return
    if any(c.medida == "meta" and not DINERO_SUELTO.match(normalizar(c.encabezado)) for c in cols):
        return  # "Meta 2023 | Ejecutado 2023 | Recursos …": the bare one pairs with the physical target
    dinero = [c.indice for c in cols if c.medida in DINERO]
    for c in cols:
        if c.medida in ("ejecutado", "meta") and DINERO_SUELTO.match(normalizar(c.encabezado)):
            if _cifras_fisicas(cuerpo, c.indice, dinero):
                continue
            c.medida = esquemas.medidas()[c.medida].en_dinero  # medidas.csv: ejecutado -> recursos_ejecutados
            c.periodo = periodo_para(c.medida, c.texto_periodo, ctx)


def _total_de_fuentes(cols: list[Columna], ctx: Contexto) -> None:
    """A "Total" right after two money columns or more of one measure (the
    funding sources: "Recursos propios | SGP | Otras fuentes | Total 2025")
    is their sum: the same measure, not what was achieved."""
    valores = [c for c in cols if c.rol == "valor"]
    for k, col in enumerate(valores):
        if not normalizar(col.encabezado).startswith("total") or k < 2:
            continue
        izquierda = []
        for otra in reversed(valores[:k]):
            if otra.medida not in DINERO:
                break
            izquierda.append(otra.medida)
        if len(izquierda) >= 2 and len(set(izquierda)) == 1 and col.medida != izquierda[0]:
            col.medida = izquierda[0]
            col.periodo = periodo_para(col.medida, col.texto_periodo, ctx)


def _grupo(rejilla, n_encabezado: int, k: int, partes: list[str], ctx: Contexto) -> Optional[str]:
    """The column's group title: its top header cell, merged over several
    columns, when it names neither a measure nor a period."""
    arriba_celda = next(
        (rejilla[r][k] for r in range(n_encabezado) if rejilla[r][k] is not None and rejilla[r][k].texto.strip()), None
    )
    if len(partes) < 2 or arriba_celda is None or arriba_celda.columnas_span < 2:
        return None
    cls = clasificador()
    arriba = partes[0]
    nombra_periodo = (ANIO.search(arriba) or len(arriba.split()) <= 3) and periodo_de_texto(arriba, ctx)
    if cls.medida(arriba) or _rol(arriba) or cls.no_valor(arriba) or nombra_periodo:
        return None  # "Meta 2024" or "II semestre" over measures; "menores de 1 año" is not a period
    return arriba


def _resultados_junto_a_la_meta(cols: list[Columna], solo_periodo: list[int], ctx: Contexto) -> None:
    """Beside a column that names the target ("Meta 2024"), bare period
    columns ("Ene", "Feb" …) are what happened in each period, even in a
    planning document."""
    if not any(c.medida in ("meta", "meta_cuatrienio") and c.indice not in solo_periodo for c in cols):
        return
    for c in cols:
        if c.indice in solo_periodo and c.medida == "meta":
            c.medida = "ejecutado"
            c.periodo = periodo_para(c.medida, c.texto_periodo, ctx)


# a header that opens with a plural past participle: "Instalados en el mes", "Entregadas"
_PARTICIPIO = re.compile(r"^[a-zñ]{3,}(?:ados|idos|adas|idas)$")
MAX_PALABRAS_PARTICIPIO = 5


def _participios_junto_a_la_meta(cols: list[Columna], cuerpo, ctx: Contexto) -> None:
    """Beside a column that names the target ("Meta del mes"), a column of
    figures headed by what was done ("Instalados en el mes", "Entregadas")
    is what was achieved."""
    from extractor.castellano.lexico import es_palabra

    if not any(c.medida in ("meta", "meta_cuatrienio") for c in cols):
        return
    for c in cols:
        palabras_ = normalizar(c.encabezado).split()
        if c.medida is not None or c.rol != "texto" or not palabras_ or len(palabras_) > MAX_PALABRAS_PARTICIPIO:
            continue
        if not (_PARTICIPIO.match(palabras_[0]) and es_palabra(palabras_[0])):
            continue
        textos = _textos(cuerpo, c.indice)
        if textos and sum(leer_numero(t) is not None for t in textos) * 10 >= len(textos) * 8:
            c.rol, c.medida = "valor", "ejecutado"
            c.periodo = periodo_para(c.medida, c.encabezado, ctx)


ACUMULADO_EXPLICITO = re.compile(palabras.patron_de_palabras(cargar_yaml("encabezados.yaml")["acumulado_explicito"]))


def _parte_del_anio(periodo: Optional[Periodo]) -> bool:
    return (
        periodo is not None
        and periodo.inicio is not None
        and periodo.fin is not None
        and periodo.inicio.year == periodo.fin.year
        and (periodo.inicio.month, periodo.inicio.day, periodo.fin.month, periodo.fin.day) != (1, 1, 12, 31)
    )


def _logros_de_subperiodo(cols: list[Columna], ctx: Contexto) -> None:
    """Under a part of the year ("Trimestre II" over "Programado |
    Alcanzado"), a column read as "acumulado" only through a weak word,
    beside the target of the same part, is that part's own result."""
    for c in cols:
        if (
            c.medida == "acumulado"
            and _parte_del_anio(periodo_de_texto(c.texto_periodo, ctx))
            and not ACUMULADO_EXPLICITO.search(normalizar(c.encabezado))
            and any(m.medida == "meta" and m.texto_periodo == c.texto_periodo for m in cols)
        ):
            c.medida = "ejecutado"
            c.periodo = periodo_para(c.medida, c.texto_periodo, ctx)


def _degradar_columnas_texto(cols: list[Columna], cuerpo) -> None:
    """A 'value' column whose cells are mostly prose is a text column (e.g.
    "Meta de producto" holding the goal's wording); one of identifiers
    ("MP-101", "IP-155") is a code column."""
    for col in cols:
        if col.rol in ("etiqueta", "texto"):
            llenas = _textos(cuerpo, col.indice)
            if llenas and sum(_es_codigo_numerico(t) for t in llenas) * 10 >= len(llenas) * 8:
                col.rol = "codigo"  # "Rubro" holding 2.3.2.02.02.1702: budget codes, not names
            continue
        if col.rol == "codigo":
            # "Sector (MGA)" holding sector names is not a code column
            nombres = [
                t for t in _textos(cuerpo, col.indice) if len(t.split()) >= 2 and not any(ch.isdigit() for ch in t)
            ]
            if nombres and len(nombres) * 2 > len(_textos(cuerpo, col.indice)):
                col.rol = "texto"
            continue
        if col.rol != "valor":
            continue
        # a band row ("SECTOR: SALUD", "Programa: …") spans every column: it is no cell of this one
        textos = [c.texto for fila in cuerpo if (c := fila[col.indice]) is not None and c.columnas_span == 1]
        llenas = [t for t in textos if t.strip() and not es_vacio(t)]
        con_cifras = [t for t in llenas if tiene_cifras(t)]
        if llenas and sum(bool(CODIGO_LOCAL.match(t.strip())) for t in llenas) * 2 > len(llenas):
            col.rol, col.medida = "codigo", None
        elif llenas and _rol(col.encabezado) == "codigo" and sum(t.strip().isdigit() for t in llenas) * 2 > len(llenas):
            col.rol, col.medida = "codigo", None  # "PROGRAMA MGA" holding 3204, 4002…
        elif llenas and col.medida not in DINERO and _codigos_sin_miles(llenas, cols, cuerpo):
            col.rol, col.medida = "codigo", None  # "Prog." holding 2201, 1906 where figures write 6.850
        elif (
            llenas
            and col.medida in ("meta", "meta_cuatrienio")
            and _rol(col.encabezado) is None
            and "indicador" not in normalizar(col.encabezado)
            and _con_indicador(cols)
            and not _otra_meta(cols, col)
            and sum(len(t.split()) >= 5 for t in llenas) * 2 > len(llenas)
        ):
            # under a bare target header ("META") beside an indicator column,
            # the goal's wording carries the target: "Construcción de 35 aulas";
            # beside a column of target figures ("Meta vigencia") it is only
            # the goal's wording
            col.en_frase = True
        elif llenas and sum(_es_frase(t) for t in llenas) * 10 >= len(llenas) * 8:
            # "Meta de producto": the goal's wording ("Implementar 1 estrategia
            # para…"), one number inside a sentence, in most cells; "Meta de
            # producto (indicador)": the product indicators' names
            col.rol, col.medida = ("etiqueta" if _rol(col.encabezado) == "etiqueta" else "texto"), None
        elif llenas and len(con_cifras) * 2 < len(llenas):
            # "Indicador de resultado" read "resultado" as a measure: its
            # names make it a label column again
            col.rol, col.medida = ("etiqueta" if _rol(col.encabezado) == "etiqueta" else "texto"), None


_SIN_MILES = re.compile(r"^\d{4,7}$")  # a programme's or a product's code (2201, 1702017)


def _codigos_sin_miles(llenas: list[str], cols: list[Columna], cuerpo) -> bool:
    """Numbers of four digits or more written without the thousands point
    (not years) in a table whose figures write it ("6.850"): codes."""
    if not all(_SIN_MILES.match(t.strip()) for t in llenas) or all(1900 <= int(t) <= 2100 for t in llenas):
        return False
    return any(MILES.match(t.strip()) for c in cols if c.rol == "valor" for t in _textos(cuerpo, c.indice))


def _otra_meta(cols: list[Columna], col: Columna) -> bool:
    """Another column of the table gives the targets as figures."""
    return any(c is not col and c.rol == "valor" and c.medida in ("meta", "meta_cuatrienio") for c in cols)


def _es_codigo_numerico(texto: str) -> bool:
    return bool(CODIGO_NUMERICO.match(texto)) and not MILES.match(texto)


MILES = re.compile(r"^\d{1,3}(\.\d{3})+$")  # 1.250.000 is a number, not a code


def _combinada(cuerpo, k: int) -> bool:
    """Most filled cells of the column are merged over several rows."""
    celdas = {id(fila[k]): fila[k] for fila in cuerpo if fila[k] is not None and fila[k].texto.strip()}
    return bool(celdas) and sum(c.filas_span > 1 for c in celdas.values()) * 2 > len(celdas)


def _con_indicador(cols: list[Columna]) -> bool:
    return any(c.rol == "etiqueta" and "indicador" in normalizar(c.encabezado) for c in cols)


def _textos(cuerpo, k: int) -> list[str]:
    """The column's texts; a band across the whole row ("HALLAZGO No. 2 · …") is no column's."""
    return [
        fila[k].texto.strip()
        for fila in cuerpo
        if fila[k] is not None and fila[k].texto.strip() and (len(fila) == 1 or fila[k].columnas_span < len(fila))
    ]


def _constante(cuerpo, k: int) -> bool:
    textos = _textos(cuerpo, k)
    return len(textos) >= 3 and len(set(textos)) == 1


def _nombres(cuerpo, k: int) -> bool:
    textos = _textos(cuerpo, k)
    return not textos or sum(leer_numero(t) is None for t in textos) * 2 >= len(textos)


# a short code of letters and digits ("A.1", "2101", "IP-115"): an item's code when a column of names is beside it
_CODIGO_CORTO = re.compile(r"^(?:[A-Za-z]{1,4}[.\-]?)?\d+(?:[.\-]\d+)*$")


def _de_codigos(cuerpo, k: int) -> bool:
    """Most filled cells of the column are codes: dotted ("2.3.1.02") or
    short ("A.1", "2101") with at least one that no figure reads."""
    textos = _textos(cuerpo, k)
    if len(textos) < 3:
        return False
    if sum(_es_codigo_numerico(t) for t in textos) * 3 >= len(textos) * 2:
        return True
    cortos = [t for t in textos if _CODIGO_CORTO.match(t)]
    return len(cortos) * 3 >= len(textos) * 2 and any(leer_numero(t) is None for t in cortos)


def _es_frase(texto: str) -> bool:
    """A sentence with at most one figure: not a value cell's content
    (monthly series, month-number pairs and money keep their column)."""
    if len(texto.split()) < 5 or leer_numero(texto) is not None or "$" in texto:
        return False
    cifras = [n for n in buscar_numeros(texto) if not es_anio(n)]
    return len(cifras) <= 1 and not serie_mensual(texto, Contexto())


def columna_etiqueta(cols: list[Columna], cuerpo=None) -> int:
    """The indicator's name: a column headed "indicador" first (of several,
    the one with the most distinct names: "Personalización de indicador"
    rather than the catalog "Indicador de producto (MGA)" it repeats, the
    product's indicator rather than the result indicator over it), then any
    label column, then the first text column."""
    if cuerpo:  # a column of figures, or one text on every row ("Nombre del plan"), is not a name
        cols = [c for c in cols if _nombres(cuerpo, c.indice) and not _constante(cuerpo, c.indice)]
        # nor a column of codes ("Rubro": 2.3.1, 2.3.1.02; a few misread by OCR) beside a column of names
        sin_codigos = [c for c in cols if not _de_codigos(cuerpo, c.indice)]
        if any(c.rol in ("etiqueta", "texto") for c in sin_codigos):
            cols = sin_codigos
    nombradas = [c for c in cols if c.rol == "etiqueta" and "indicador" in normalizar(c.encabezado)]
    if cuerpo and nombradas and all(_combinada(cuerpo, c.indice) for c in nombradas):
        # the indicator columns are merged over several rows (a result
        # indicator over its products): the row's own indicator is a text
        # column headed so ("Meta de producto (indicador)")
        nombradas += [
            c
            for c in cols
            if c.rol == "texto" and "indicador" in normalizar(c.encabezado) and not _combinada(cuerpo, c.indice)
        ]
    if len(nombradas) > 1 and cuerpo:
        return max(
            nombradas,
            key=lambda c: (
                len(set(_textos(cuerpo, c.indice))),
                not INDICADOR_SUPERIOR.search(normalizar(c.encabezado)),
                -c.indice,
            ),
        ).indice
    for c in nombradas:
        return c.indice
    for buscado in ("etiqueta", "texto"):
        for c in cols:
            if c.rol == buscado:
                return _mas_fina(cols, cuerpo, c).indice
    return 0


INDICADOR_SUPERIOR = re.compile(
    rf"\b({palabras.alternativas(cargar_yaml('encabezados.yaml')['columnas_de_texto']['indicador_superior'])})\b"
)
_COLUMNAS_DE_TEXTO = cargar_yaml("encabezados.yaml")["columnas_de_texto"]
NIVEL_DEL_PLAN = re.compile(
    rf"\b({palabras.alternativas(_COLUMNAS_DE_TEXTO['nivel_del_plan'] + _COLUMNAS_DE_TEXTO['nivel_territorial'])})\b"
)


def _mas_fina(cols: list[Columna], cuerpo, c: Columna) -> Columna:
    """A plan level ("Programa") merged or repeated over the rows is their
    parent: the row's own name is the text column to its right with more
    distinct names ("Meta de producto": "Vías secundarias mejoradas"); so
    is it to the right of the office in charge ("Dependencia"), with as many;
    right of what gave rise to the target ("Descripción del hallazgo"), the
    column that describes the target ("Descripción de las metas")."""
    if not cuerpo:
        return c
    if ANTECEDENTE.search(normalizar(c.encabezado)):
        # "Descripción del hallazgo": what is done about it, described to its right ("Descripción de las
        # metas", "Descripción de las actividades"), names the row; not the unit of the targets
        return next(
            (
                d
                for d in cols
                if d.indice > c.indice
                and d.rol not in ("valor", "unidad", "codigo")
                and DESCRIBE_LA_META.search(normalizar(d.encabezado))
                and "unidad" not in normalizar(d.encabezado)
            ),
            c,
        )
    oficina = bool(OFICINA.search(normalizar(c.encabezado)))
    if not oficina and not NIVEL_DEL_PLAN.search(normalizar(c.encabezado)):
        return c
    propios = len(set(_textos(cuerpo, c.indice)))
    for d in cols:
        if d.indice > c.indice and d.rol in ("etiqueta", "texto"):
            suyos = len(set(_textos(cuerpo, d.indice)))
            if suyos > propios or oficina and suyos == propios:
                return d
    return c


ANTECEDENTE = re.compile(
    rf"\b({palabras.alternativas(cargar_yaml('encabezados.yaml')['columnas_de_texto']['antecedente'])})\b"
)
DESCRIBE_LA_META = re.compile(r"\bmetas?\b|\bdescripcion\b.*\b(?:actividad|actividades|accion|acciones)\b")
OFICINA = re.compile(rf"\b({palabras.alternativas(cargar_yaml('encabezados.yaml')['columnas_de_texto']['oficina'])})\b")
ENCABEZADO_PADRE = re.compile(
    rf"\b({palabras.alternativas(cargar_yaml('encabezados.yaml')['columnas_de_texto']['padre'])})\b"
)


def cantidad_de_la_meta(cols: list[Columna], cuerpo, k_etiqueta: int, ctx: Contexto) -> None:
    """The name column states a target in words ("Meta cuantificable":
    "Conciliaciones mensuales firmadas") and no column of figures is a
    target: a column of figures with a bare header of quantity ("Cantidad")
    right of it is that target's size, over the name column's period."""
    nombre = next((c for c in cols if c.indice == k_etiqueta), None)
    medida = clasificador().medida(nombre.encabezado) if nombre is not None else None
    if nombre is None:
        return
    if medida not in ("meta", "meta_cuatrienio"):
        _conteo_del_periodo(cols, cuerpo, k_etiqueta, ctx)
        return
    if any(c.rol == "valor" and c.medida in ("meta", "meta_cuatrienio") for c in cols):
        return
    for c in cols:
        textos = _textos(cuerpo, c.indice)
        if (
            c.indice > k_etiqueta
            and c.rol != "valor"
            and normalizar(c.encabezado) in CANTIDADES
            and textos
            and not _nombres(cuerpo, c.indice)
        ):
            c.rol, c.medida, c.periodo = "valor", medida, nombre.periodo
            return


def _conteo_del_periodo(cols: list[Columna], cuerpo, k_etiqueta: int, ctx: Contexto) -> None:
    """ "Concepto | Cantidad" ("Proyectos de acuerdo radicados | 24"): a table
    of names and one column of figures under a bare header of quantity, and
    nothing else to read, counts what each row names in the report's period."""
    if any(c.rol == "valor" for c in cols):
        return
    cantidades = [
        c
        for c in cols
        if c.indice > k_etiqueta and normalizar(c.encabezado) in CONTEOS and len(_textos(cuerpo, c.indice)) >= 2
    ]
    if len(cantidades) == 1 and all(
        (n := leer_numero(t)) is not None and n.unidad == "numero" for t in _textos(cuerpo, cantidades[0].indice)
    ):
        cantidades[0].rol, cantidades[0].medida = "valor", "ejecutado"
        cantidades[0].periodo = periodo_para("ejecutado", "", ctx)


CANTIDADES = frozenset(normalizar(p) for p in cargar_yaml("encabezados.yaml")["cantidad_de_la_meta"])
CONTEOS = frozenset(normalizar(p) for p in cargar_yaml("encabezados.yaml")["conteo_del_periodo"])


def columna_padre(cols: list[Columna], cuerpo, k_etiqueta: int) -> Optional[int]:
    """A plan level written as a column to the left of the indicator's name
    (workbooks: "Programa" | "Cód. meta" | "Indicador de producto"; SisPT:
    "Indicador de Producto (MGA)" | "Personalización de indicador"): the
    nearest text column whose header names a level and whose cells are
    names, not flags ("I", "M")."""
    for c in sorted(cols, key=lambda c: -c.indice):
        if c.indice >= k_etiqueta or c.rol not in ("etiqueta", "texto"):
            continue
        if not ENCABEZADO_PADRE.search(normalizar(c.encabezado)):
            continue
        textos = _textos(cuerpo, c.indice)
        if textos and sum(len(t) for t in textos) / len(textos) >= 4:
            return c.indice
    return None


def columna_jerarquia(cols: list[Columna], cuerpo, k_etiqueta: int) -> Optional[int]:
    """Where rows of a plan's hierarchy name themselves when the indicator's
    column is empty (Cali's Cuadro 1S: dimension, line, program, indicator
    and project rows carry their name in "Identificación de la dimensión…",
    product rows in "Indicador de producto"): the text column to the left
    that is filled on most of those rows, with names (not one-letter
    classes)."""
    sin_etiqueta = [fila for fila in cuerpo if fila[k_etiqueta] is None or not fila[k_etiqueta].texto.strip()]
    mejor, n_mejor = None, 1
    for c in cols:
        if c.indice >= k_etiqueta or c.rol not in ("etiqueta", "texto"):
            continue
        textos = [
            fila[c.indice].texto.strip()
            for fila in sin_etiqueta
            if fila[c.indice] is not None and fila[c.indice].texto.strip()
        ]
        if len(textos) > n_mejor and sum(len(t) for t in textos) / len(textos) >= 12:
            mejor, n_mejor = c.indice, len(textos)
    return mejor


def columnas_de_otro_indicador(cols: list[Columna], cuerpo, k_etiqueta: int) -> dict[int, int]:
    """Value columns that describe another indicator of the row: of two
    columns with the same measure and period ("L.B" twice), the one right
    after another indicator's name column ("Indicador de resultado | L.B"
    before the product's "L.B" and "Indicador") is that indicator's figure.
    {value column: name column}."""
    salida = {}
    por_indice = {c.indice: c for c in cols}
    for col in cols:
        nombre = por_indice.get(col.indice - 1)
        if col.rol != "valor" or nombre is None or nombre.indice == k_etiqueta or nombre.rol != "etiqueta":
            continue
        if "indicador" not in normalizar(nombre.encabezado) or not _nombres(cuerpo, nombre.indice):
            continue
        if any(o is not col and o.rol == "valor" and o.medida == col.medida and o.periodo == col.periodo for o in cols):
            salida[col.indice] = nombre.indice
            # …and the figures after it that name its level ("Indicador de
            # resultado | L.B | Meta de resultado a 2023")
            nivel = set(INDICADOR_SUPERIOR.findall(normalizar(nombre.encabezado)))
            siguiente = por_indice.get(col.indice + 1)
            while (
                nivel
                and siguiente is not None
                and siguiente.rol == "valor"
                and nivel & set(INDICADOR_SUPERIOR.findall(normalizar(siguiente.encabezado)))
            ):
                salida[siguiente.indice] = nombre.indice
                siguiente = por_indice.get(siguiente.indice + 1)
    return salida


ENCABEZADO_DESCRIPCION = re.compile(
    rf"\b({palabras.alternativas(cargar_yaml('encabezados.yaml')['columnas_de_texto']['descripcion'])})\b"
)


def columnas_descripcion(cols: list[Columna], k_etiqueta: int, cuerpo=None) -> list[int]:
    """Text columns that describe the row's indicator: headed as a
    description or as the goal's wording ("Descripción", "Meta de
    producto"), not the same text on every row ("Entidad territorial"),
    not the name, its parent or a plan level ("Línea estratégica")."""
    salida = []
    for c in cols:
        if c.rol != "texto" or c.indice == k_etiqueta or not ENCABEZADO_DESCRIPCION.search(normalizar(c.encabezado)):
            continue
        if cuerpo and (_constante(cuerpo, c.indice) or not _textos(cuerpo, c.indice)):
            continue
        salida.append(c.indice)
    return salida


def columnas_codigo(cols: list[Columna], k_etiqueta: int, cuerpo=None) -> list[int]:
    """Code columns, the indicator's own first: one headed "indicador"
    nearest to the name ("Código de indicador de producto (MGA)", not
    "Código DANE"), then the nearest to its left, then the rest. A code
    that is the same on every row names the entity, not the indicator."""
    codigos = [c for c in cols if c.rol == "codigo"]
    if cuerpo:
        codigos = [c for c in codigos if len(_textos(cuerpo, c.indice)) < 3 or len(set(_textos(cuerpo, c.indice))) > 1]

    def orden(c: Columna) -> tuple:
        return ("indicador" not in normalizar(c.encabezado), c.indice > k_etiqueta, abs(k_etiqueta - c.indice))

    return [c.indice for c in sorted(codigos, key=orden)]
