"""The title of each table: the caption or heading a reader sees just above
it ("Tabla 15. Matriz Plurianual de Inversiones", a sheet's title cell).

A table's title gives context its header lacks: that its figures are money
(an investment plan whose columns only say "TOTAL 2020"), or which indicator
a table of months or quarters is about.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from esquemas import cargar_yaml
from extractor.castellano import palabras

from extractor.castellano.lemas import normalizar
from extractor.modelo import BloqueTexto, Documento, Tabla

MAX_BLOQUES = 3  # text blocks read above a table
MAX_CAMPOS = 12  # …besides the fields of an indicator's data sheet ("Periodicidad | Mensual")
MAX_PALABRAS = 16  # a longer block is prose: the title is what lies below it
MAX_PALABRAS_ROTULO = 40  # …unless it is a numbered caption
MAX_PALABRAS_SUBTITULO = 30  # …or title lines, none ending a sentence
MAX_LINEAS_TITULO = 3
# "Tabla 3.", "Cuadro N° 2:", "Ficha 1/9 ·", "Ficha 2 de 8 –"
_ROTULO = (
    rf"({palabras.alternativas_con_acentos(cargar_yaml('encabezados.yaml')['rotulos_de_tabla'])})"
    r"\s*(n[°ºo.]\s*)?[\dIVXivx]+(?:\s*(?:/|de)\s*\d+)?\s*[.:\-–·]*\s*"
)
CAPTION = re.compile(rf"^\s*{_ROTULO}", re.IGNORECASE)
# the same numbering after other words of the title, as a word of its own: "… INDICADOR Tabla 1. Hectáreas"
ROTULO_DENTRO = re.compile(rf"(?<!\w){_ROTULO}(?=[^\W\d_])", re.IGNORECASE)


def titulos_de_tablas(doc: Documento) -> dict[int, list[str]]:
    """Per table index, the short text blocks right above it, nearest last.
    Blocks of another page count only when the table opens its page."""
    salida: dict[int, list[str]] = {}
    previos: list[BloqueTexto] = []
    anteriores: list = []  # every block before the table, tables too
    for bloque in doc.bloques:
        anteriores = anteriores[-MAX_BLOQUES_SECCION:] + [bloque]
        if isinstance(bloque, Tabla):
            pagina = bloque.paginas[0] if bloque.paginas else None
            titulos: list[str] = []
            propios = 0  # title lines that are not data-sheet fields
            for b in reversed(previos[-(MAX_BLOQUES + MAX_CAMPOS) :]):
                texto = " ".join(b.texto.split())
                ficha = es_campo_ficha(texto)
                if b.pagina not in (pagina, (pagina or 0) - 1) or not (ficha or _es_titulo(b)):
                    break
                titulos.insert(0, texto)
                propios += not ficha
                if propios == MAX_BLOQUES:
                    break
            if not any(_sin_prefijo(sin_rotulo(t))[1] for t in titulos):
                # "1.1. Resultado del indicador: …" above a paragraph and the
                # indicator's data box: the heading of the table's section
                titulos[:0] = encabezado_de_seccion(anteriores[:-1], pagina)
            salida[bloque.indice] = titulos
            previos = []
        else:
            previos.append(bloque)
    return salida


MAX_BLOQUES_SECCION = 8  # blocks (prose, tables) back to the heading of a table's section


def encabezado_de_seccion(anteriores: list, pagina: Optional[int]) -> list[str]:
    """The nearest heading above that names an indicator ("Resultado del
    indicador: …"), on the table's page or the one before, over prose and
    other tables between them: [it], or [] when there is none."""
    for b in reversed(anteriores):
        paginas = b.paginas if isinstance(b, Tabla) else [b.pagina]
        if not set(paginas) & {pagina, (pagina or 0) - 1}:
            return []
        if isinstance(b, BloqueTexto) and _es_titulo(b):
            texto = " ".join(b.texto.split())
            resto, nombrado = _sin_prefijo(sin_rotulo(texto))
            if nombrado and resto and not _es_codigo(resto):
                return [texto]
    return []


def _es_titulo(bloque: BloqueTexto) -> bool:
    """Short text, a numbered caption ("Tabla 27. …"), or a few lines none
    of which ends a sentence (a title over its subtitle: "Ejecución
    presupuestal de ingresos (cifras en miles de pesos)" over "Vigencia
    fiscal 2023 · Presupuesto aprobado por Acuerdo 021 de 2022 …"); not
    prose."""
    texto = " ".join(bloque.texto.split())
    palabras = len(texto.split())
    lineas = [" ".join(linea.split()) for linea in bloque.texto.strip().splitlines() if linea.strip()]
    rotulos = len(lineas) <= MAX_LINEAS_TITULO and all(
        not linea.endswith(".") and len(linea.split()) <= MAX_PALABRAS_SUBTITULO for linea in lineas
    )
    return palabras <= MAX_PALABRAS or rotulos or (bool(CAPTION.match(texto)) and palabras <= MAX_PALABRAS_ROTULO)


FICHA = re.compile(r"^([^\W\d_][^:]{0,30}):\s")  # "Campo: valor"
MAX_PALABRAS_ETIQUETA = 6  # "Comportamiento mensual del indicador:" is a label, a long sentence is not
CAMPO_SIN_DOS_PUNTOS = re.compile(r"^(de|del|la|las|los|el|en|a)\b")  # "Unidad de Víctimas …" is a name


@lru_cache(maxsize=1)
def _campos_ficha() -> list[str]:
    campos = cargar_yaml("encabezados.yaml").get("campos_ficha", [])
    return sorted((normalizar(c) for c in campos), key=len, reverse=True)


def es_campo_ficha(texto: str) -> bool:
    """A field of an indicator's data sheet, not its name: "Unidad de
    medida: Número · Periodicidad: trimestral", "Periodicidad Mensual" (a
    sheet's label cell and its value cell), "Fórmula: A / B". The label must
    be one of `campos_ficha` (esquemas/encabezados.yaml): "Casas de justicia
    móvil: jornadas realizadas" is a name with a colon in it."""
    plano = normalizar(texto)
    m = FICHA.match(texto)
    if m and normalizar(m.group(1)) in _campos_ficha():
        return True
    for campo in _campos_ficha():
        if plano.startswith(campo + " ") and not plano[len(campo) :].lstrip().startswith(":"):
            resto = plano[len(campo) :].strip()
            return bool(resto) and not CAMPO_SIN_DOS_PUNTOS.match(resto) and len(resto.split()) <= MAX_PALABRAS
    return False


def sin_rotulo(titulo: str) -> str:
    """A caption without its numbering: "Tabla 3. Ciudadanos capacitados" →
    "Ciudadanos capacitados"; after a heading printed with it ("2.
    RESULTADOS POR INDICADOR Tabla 1. Hectáreas reforestadas"), what follows
    the numbering."""
    m = ROTULO_DENTRO.search(titulo)
    if m and m.start() > 0:
        return titulo[m.end() :].strip(" .:-–")
    return CAPTION.sub("", titulo).strip(" .:-–")


@lru_cache(maxsize=1)
def _prefijos() -> list[str]:
    prefijos = cargar_yaml("encabezados.yaml").get("prefijos_titulo_indicador", [])
    return sorted((normalizar(p) for p in prefijos), key=len, reverse=True)


def indicador_del_titulo(titulos: list[str]) -> Optional[str]:
    """The indicator a table of periods is about, from its nearest title:
    "Tabla 1. Resultado del indicador de ciudadanos capacitados" →
    "Ciudadanos capacitados"."""
    candidatos = [_sin_prefijo(sin_rotulo(t)) for t in titulos]
    # a title that says it names the indicator ("Indicador: …") wins over
    # the nearest one ("Fórmula: …" under it)
    # …unless what follows is the indicator's code ("Indicador IC-07 – reporte trimestral")
    nombrados = [resto for resto, con_prefijo in candidatos if con_prefijo and resto and not _es_codigo(resto)]
    # "Unidad de medida: Número · Periodicidad: trimestral", "Fórmula: …":
    # the indicator's data sheet, not its name
    otros = [resto for resto, _ in candidatos if resto and not es_campo_ficha(resto) and not _fecha_de_titulo(resto)]
    nombre = (nombrados or otros or [""])[-1 if not nombrados else 0]
    nombre = nombre.strip(" .:-–«»“”\"'")  # the name quoted: «Denuncias ciudadanas resueltas»
    return nombre[:1].upper() + nombre[1:] if nombre else None


def _es_codigo(texto: str) -> bool:
    """Text that starts with a code: a first word with digits ("IC-07", "IND.3")."""
    primera = texto.split()[0] if texto.split() else ""
    return any(ch.isdigit() for ch in primera) and any(ch.isalpha() for ch in primera)


def _fecha_de_titulo(texto: str) -> bool:
    """A title line that dates the table or the template ("Corte 15 de
    junio de 2025", "Vigencia 2025", "Versión 3", "2025"), not a name; a
    name followed by its cut ("Coberturas de vacunación con corte a
    febrero") is a name."""
    palabras = re.findall(r"\w+", normalizar(texto))
    return (bool(palabras) and palabras[0] in _palabras_de_fecha()) or not re.search(r"[^\W\d_]", texto)


@lru_cache(maxsize=1)
def _palabras_de_fecha() -> frozenset[str]:
    return frozenset(normalizar(p) for p in cargar_yaml("encabezados.yaml").get("palabras_titulo_de_fecha", []))


def _sin_prefijo(texto: str) -> tuple[str, bool]:
    palabras = texto.split()
    for prefijo in _prefijos():
        n = len(prefijo.split())
        if len(palabras) > n and normalizar(" ".join(palabras[:n])).rstrip(":") == prefijo:
            return " ".join(palabras[n:]).lstrip(":").strip(), True
    # any short label that ends in "indicador:" names what follows
    # ("Comportamiento mensual del indicador: Estudiantes reintegrados")
    rotulo, dos_puntos, resto = texto.partition(":")
    rotulo_plano = normalizar(rotulo).split()
    if (
        dos_puntos
        and resto.strip()
        and rotulo_plano
        and len(rotulo_plano) <= MAX_PALABRAS_ETIQUETA
        and rotulo_plano[-1] == "indicador"
    ):
        return resto.strip(), True
    return texto, False


# a sheet named by default or by a code ("Hoja1", "Sheet 2", "IND-01"): not a name
_NOMBRE_DE_HOJA_VACIO = re.compile(
    rf"^({palabras.alternativas(cargar_yaml('encabezados.yaml')['nombres_de_hoja_genericos'])})\s*\d*$", re.IGNORECASE
)


def nombres_de_hoja(doc: Documento) -> dict[int, str]:
    """Per table of a workbook, the short name the workbook gives the
    indicator its sheet tracks: the sheet's name, when a table of another
    sheet names a row with it ("Consolidado": "Oportunidad respuesta PQRSD"
    for the sheet "Oportunidad respuesta PQRSD"); not when it is only a
    reference beside the row's own name ("… | Hoja de detalle: CDI"). A sheet named by default
    or by a code gives none."""
    hojas = {b.pagina: b.texto.strip() for b in doc.textos if b.estilo == "Hoja"}
    if len(hojas) < 2:
        return {}
    # the name each row of each table opens with (its first text that is not a code)
    textos: dict[str, set] = {}
    for tabla in doc.tablas:
        por_fila: dict[int, list] = {}
        for c in tabla.celdas:
            por_fila.setdefault(c.fila, []).append(c)
        for celdas in por_fila.values():
            primera = next(
                (
                    c
                    for c in sorted(celdas, key=lambda c: c.columna)
                    if any(ch.isalpha() for ch in c.texto) and not _es_codigo(c.texto.strip())
                ),
                None,
            )
            if primera is not None and len(primera.texto) <= 120:
                textos.setdefault(normalizar(primera.texto), set()).add(primera.pagina)
    salida = {}
    for tabla in doc.tablas:
        pagina = tabla.paginas[0] if tabla.paginas else None
        nombre = hojas.get(pagina, "") if pagina is not None else ""
        palabras = [p for p in nombre.split() if any(ch.isalpha() for ch in p) and not any(ch.isdigit() for ch in p)]
        if len(palabras) < 2 or _NOMBRE_DE_HOJA_VACIO.match(nombre):
            continue
        if textos.get(normalizar(nombre), set()) - {pagina}:
            salida[tabla.indice] = nombre
    return salida
