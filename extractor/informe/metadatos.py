"""Report metadata from the document's text: entity, office, title, period,
vigencia, cut date and the plan context (pilar, línea, programa, meta)."""

from __future__ import annotations

import itertools
from dataclasses import replace
import re
from collections import Counter
from datetime import date
from typing import Iterable, Optional

from esquemas import cargar_yaml

from extractor.castellano import palabras
from extractor.castellano.normas import sin_anios_ajenos
from extractor.castellano.numeros import formato_de_miles
from extractor.castellano.lemas import normalizar
from extractor.modelo import Documento
from extractor.castellano.nombres import limpiar
from extractor.castellano.periodos import Contexto, Periodo, cuatrienio_de, fecha_corte_en, periodo_de_texto
from extractor.formatos import HOJAS
from extractor.resultado import MetadatosInforme

# Entity, office and title words: esquemas/castellano.yaml (`entidades`,
# `dependencias`, `palabras_titulo_informe`, `entidades_mencionadas`).
_ENTIDADES = palabras.lista("entidades")
ENTIDAD = re.compile(
    rf"\b({palabras.alternativas_con_acentos(w for grupo in _ENTIDADES['oficinas'] for w in grupo)})"
    rf"(\s+({palabras.alternativas_con_acentos(_ENTIDADES['calificativos'])}))?\s+(de|del)\s+"
    r"([A-ZÁÉÍÓÚÑa-záéíóúñ][\wÁÉÍÓÚÑáéíóúñ.]*(\s+(de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.]*)*)",
    re.IGNORECASE,
)
SEPARADOR = re.compile(r"\s+[–—|-]\s+")
DEPENDENCIA = re.compile(rf"^({palabras.alternativas_con_acentos(palabras.lista('dependencias'))})\b", re.IGNORECASE)
TITULO = re.compile(
    rf"\b({palabras.alternativas_con_acentos(palabras.lista('palabras_titulo_informe'))})\b", re.IGNORECASE
)
LARGO_DE_PROSA = 80  # characters per line, on average, of a paragraph (a title's lines are shorter)
SECCION_NUMERADA = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+\w")  # "3. Resultados …", "4.2 Balance …"
FIRMA = re.compile(rf"^\s*(?:{palabras.alternativas_con_acentos(palabras.lista('firmas'))})\s*:", re.IGNORECASE)
FUENTE = re.compile(r"^\s*fuentes?\s*(de\s+(informaci[oó]n|datos)\s*)?:", re.IGNORECASE)  # a source note, not a title
ANIO = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
CUATRIENIO = re.compile(r"\b(20[0-4]\d)\s*[-–]\s*(20[0-4]\d)\b")
# Plan context written as "LABEL: value" or as a heading with the value on the
# next line. Each key lists its patterns by priority.
# (esquemas/castellano.yaml `etiquetas_del_plan`)
_ETIQUETAS = palabras.lista("etiquetas_del_plan")
ETIQUETAS = {
    **{
        clave: [
            re.compile(rf"^({palabras.alternativas_con_acentos(grupo)})\s*:\s*(.*)$", re.IGNORECASE) for grupo in grupos
        ]
        for clave, grupos in _ETIQUETAS["con_dos_puntos"].items()
    },
    **{
        clave: [
            re.compile(rf"^\d*\.?\s*({palabras.alternativas_con_acentos(grupo)})\s*(?::\s*(.*)|())$", re.IGNORECASE)
            for grupo in grupos
        ]
        for clave, grupos in _ETIQUETAS["titulo_o_dos_puntos"].items()
    },
}
LINEA_CON_ETIQUETA = re.compile(r"^[^:]{2,40}:")
PROGRAMA_EN_LINEA = re.compile(r";\s*programa\s+(.+)$", re.IGNORECASE)
PALABRAS_MINUSCULAS = frozenset(palabras.lista("palabras_de_enlace"))  # esquemas/castellano.yaml
BLOQUES_CABEZA = 25
# text a reader marks as not describing the report: a form's control fields
# ("Versión 3", "Fecha: 12/11/2024" in a template footer) and comment cells
SIN_METADATOS = ("Plantilla", "Nota")
BLOQUES_DEPENDENCIA = (
    8  # the office is named in the report's heading, not in its prose  # metadata is written at the top of a report
)


def tipo_documento(titulo: Optional[str], lineas: list[str]) -> str:
    texto = " ".join([titulo or ""] + lineas[:10])
    for regla in cargar_yaml("tipos_documento.yaml"):
        if re.search(regla["patron"], texto, re.IGNORECASE):
            return regla["tipo"]
    return "otro"


def tipo_por_archivo(archivo: str) -> str:
    """The type a file name states ("tenjo_plan_indicativo_2024_2027.xlsx"),
    for documents whose text names none."""
    nombre = _nombre_legible(archivo)
    for regla in cargar_yaml("tipos_documento.yaml"):
        patrones = [regla["patron"]] + ([regla["patron_archivo"]] if regla.get("patron_archivo") else [])
        if any(re.search(patron, nombre, re.IGNORECASE) for patron in patrones):
            return regla["tipo"]
    return "otro"


def planifica(tipo: Optional[str]) -> bool:
    """A plan states targets: its bare year columns are goals, not results."""
    return any(r["tipo"] == tipo and r.get("planifica") for r in cargar_yaml("tipos_documento.yaml"))


def cuatrienal(tipo: Optional[str]) -> bool:
    """A development or indicative plan covers a four-year term."""
    return any(r["tipo"] == tipo and r.get("cuatrienal") for r in cargar_yaml("tipos_documento.yaml"))


def titulo_espanol(texto: str) -> str:
    """'OFICINA ASESORA DE PRENSA' → 'Oficina Asesora de Prensa' (only for all-caps text)."""
    if texto != texto.upper():
        return texto
    partes = texto.lower().split()
    return " ".join(w if i and w in PALABRAS_MINUSCULAS else w[:1].upper() + w[1:] for i, w in enumerate(partes))


def _bloques(textos: list[str]) -> list[list[str]]:
    """Each text block as its lines."""
    return [[l.strip() for l in t.split("\n") if l.strip()] for t in textos]


def _titulo(bloques: list[list[str]], secciones: bool = True) -> Optional[str]:
    """The first line naming a report; a year alone on the next line belongs
    to it. A source note ("Fuente: reporte de los líderes de proceso") names
    where figures come from, not the report; nor does, unless `secciones`, a
    numbered section's heading ("4. Balance y recomendaciones para el empalme");
    nor a signature ("Revisó: … Grupo de Seguimiento y Evaluación")."""
    candidatos = []
    for bloque in bloques:
        if len(bloque) >= 3 and sum(map(len, bloque)) > LARGO_DE_PROSA * len(bloque):
            continue  # a paragraph ("Nota metodológica … Seguimiento en cumplimiento del artículo …")
        for i, linea in enumerate(bloque):
            if not secciones and SECCION_NUMERADA.match(linea) or FIRMA.match(linea):
                continue
            if TITULO.search(linea) and len(linea) < 200 and not FUENTE.match(linea):
                siguiente = bloque[i + 1] if i + 1 < len(bloque) else ""
                candidatos.append(f"{linea} {siguiente}" if ANIO.fullmatch(siguiente) else linea)
    return candidatos[0] if candidatos else None


# Tiers, best first: the offices that report, then the territory, then the
# council the report is addressed to. Within a tier the first mention wins.
NIVELES_ENTIDAD = tuple(tuple(normalizar(w) for w in grupo) for grupo in _ENTIDADES["oficinas"])


def _entidad(lineas: Iterable[str]) -> Optional[str]:
    """The reporting entity ("Municipio de Timbiquí", not the "Departamento
    del Cauca" above it in the letterhead, nor the Concejo it addresses)."""
    encontrado = [m.group(0) for m in (ENTIDAD.search(texto) for texto in lineas) if m]
    if not encontrado:
        return None

    def nivel(entidad: str) -> int:
        return next(i for i, tipos in enumerate(NIVELES_ENTIDAD) if normalizar(entidad).startswith(tipos))

    return titulo_espanol(limpiar(min(encontrado, key=nivel)))


_VIGENCIA = re.compile(r"\bvigencia(?:\s+fiscal)?\s+(\d{4})\b", re.IGNORECASE)


def _vigencia(titulo: Optional[str], lineas: list[str]) -> Optional[int]:
    """The title's year, else "vigencia NNNN", else the most frequent year.
    A term the title or a line names ("Seguimiento al PDM 2020-2023") is the
    plan's, not the report's year: a cut date inside the term written below
    ("Corte a 30 de junio de 2025"), else a "Vigencia 2021", wins over it."""
    # "(Resolución 408 de 2018)": a norm's year; "vigencia auditada 2022": an audit's
    titulo = sin_anios_ajenos(titulo) if titulo else titulo
    lineas = [sin_anios_ajenos(texto) for texto in lineas]
    if titulo and ANIO.findall(CUATRIENIO.sub(" ", titulo)):
        return int(ANIO.findall(CUATRIENIO.sub(" ", titulo))[-1])
    termino = CUATRIENIO.search(titulo or "")
    if termino:
        cortes = (fecha_corte_en(texto) for texto in lineas)
        corte = next((c for c in cortes if c and int(termino.group(1)) <= c.year <= int(termino.group(2))), None)
        if corte:
            return corte.year
    else:  # a term named below the title ("Plan de Desarrollo 2024-2027 …") and a cut stated inside it
        termino = next(
            (m for texto in lineas for m in CUATRIENIO.finditer(texto) if int(m.group(2)) - int(m.group(1)) == 3), None
        )
        cortes = (fecha_corte_en(texto, con_palabra=True) for texto in lineas)
        corte = termino and next(
            (c for c in cortes if c and int(termino.group(1)) <= c.year <= int(termino.group(2))), None
        )
        if corte:
            return corte.year
    # the first "Vigencia 2023" or "Fecha de corte: 2025-06-30" (not a "vigencia 2023" further down:
    # a finding's text)
    for texto in lineas:
        m = _VIGENCIA.search(texto)
        if m:
            return int(m.group(1))
        corte = None if titulo and ANIO.findall(titulo) else fecha_corte_en(texto, con_palabra=True)
        if corte:
            return corte.year
    if titulo and ANIO.findall(titulo):
        return int(ANIO.findall(titulo)[-1])
    # neither a norm's year nor a plan's term is the report's year
    anios = Counter(int(y) for l in lineas for y in ANIO.findall(_sin_terminos(l)))
    return anios.most_common(1)[0][0] if anios else None


def _sin_terminos(texto: str) -> str:
    """The text without the four-year terms it names ("2024-2027"; "2024-2025" stays)."""
    return CUATRIENIO.sub(lambda m: " " if int(m.group(2)) - int(m.group(1)) == 3 else m.group(0), texto)


# "Ley 152 de 1994", "Decreto 1082 de 2015", "Acuerdo N° 006 de 2020": the
# year a norm was issued is not the report's


def _etiquetadas(bloques: list[list[str]]) -> dict[str, str]:
    """'PILAR:' then its value on the same line, or the rest of its block, or
    the next block."""
    encontrado: dict[str, str] = {}
    for clave, patrones in ETIQUETAS.items():
        for patron in patrones:
            valor = next(
                filter(
                    None,
                    (
                        _valor_tras(patron, bloques, b, i)
                        for b, bloque in enumerate(bloques)
                        for i in range(len(bloque))
                    ),
                ),
                None,
            )
            if valor:
                encontrado[clave] = valor.rstrip(".")
                break
    valor_linea = encontrado.get("linea_estrategica", "")
    en_linea = PROGRAMA_EN_LINEA.search(valor_linea)
    if en_linea:
        encontrado["linea_estrategica"] = valor_linea[: en_linea.start()].strip()
        encontrado.setdefault("programa", en_linea.group(1).strip().rstrip("."))
    return encontrado


def _valor_tras(patron: re.Pattern, bloques: list[list[str]], b: int, i: int) -> Optional[str]:
    m = patron.match(bloques[b][i])
    if not m:
        return None
    en_linea = next((g for g in m.groups()[1:] if g), "").strip()
    resto = list(itertools.takewhile(lambda l: not LINEA_CON_ETIQUETA.match(l), bloques[b][i + 1 :]))
    if en_linea:
        return " ".join([en_linea] + resto)
    if not resto and b + 1 < len(bloques):
        resto = bloques[b + 1]
    return " ".join(resto) or None


def _dependencia(lineas: list[str]) -> Optional[str]:
    for linea in lineas:
        for parte in SEPARADOR.split(linea):
            if DEPENDENCIA.match(parte) and len(parte) < 100:
                return parte.strip()
    return None


_SECCION_NUMERADA = re.compile(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]\s+[^\W\d_]")
# a title that names its fiscal year ("vigencia 2014", "vigencia fiscal 2023")
_VIGENCIA_DECLARADA = re.compile(r"\bvigencia\s+(?:fiscal\s+)?((?:19|20)\d\d)\b")


def _fecha_corte(
    doc: Documento, titulo: Optional[str], vigencia: Optional[int], con_palabra: bool = False
) -> Optional[date]:
    """The first "con corte a …" date of the report's own year: in the title,
    then the text, then the tables, then the running header ("Corte
    30-06-2025" in a page's corner) (`con_palabra`: only one introduced by
    "corte" or "acumulado", not a bare "a 30 de julio de 2012"). Past the
    report's opening (its first numbered section), a cut written without its
    year ("Con corte al 30 de junio se habían resuelto 141 …") is its
    sentence's, not the report's."""

    def del_anio(texto: str, es_prosa: bool, exige_palabra: bool, anio_defecto: Optional[int]) -> Optional[date]:
        f = fecha_corte_en(texto, anio_defecto, acumulado=es_prosa, con_palabra=exige_palabra)
        return f if f is not None and (vigencia is None or f.year == vigencia) else None

    textos = [b for b in doc.textos if b.estilo not in SIN_METADATOS]
    apertura = next(
        (k for k, b in enumerate(textos[:BLOQUES_CABEZA]) if _SECCION_NUMERADA.match(b.texto)), BLOQUES_CABEZA
    )
    candidatas = itertools.chain(
        [del_anio(titulo or "", True, con_palabra, vigencia)],
        (del_anio(b.texto, True, con_palabra, vigencia if k < apertura else None) for k, b in enumerate(textos)),
        (del_anio(c.texto, False, con_palabra, vigencia) for t in doc.tablas for c in t.celdas),
        (del_anio(linea, True, True, vigencia) for linea in doc.encabezados_pagina),
    )
    return next((f for f in candidatas if f is not None), None)


def extraer_metadatos(doc: Documento) -> tuple[MetadatosInforme, Contexto]:
    textos = [b for b in doc.textos if b.estilo not in SIN_METADATOS]
    if doc.formato in HOJAS:
        # a workbook's title is on a sheet of figures, not on its instructions sheet
        # ("SIEE - Sistema de Información para la Evaluación de la Eficacia")
        con_tablas = {p for t in doc.tablas for p in t.paginas}
        textos = [b for b in textos if b.pagina in con_tablas] + [b for b in textos if b.pagina not in con_tablas]
    cabeza = textos[:BLOQUES_CABEZA]
    # a workbook's sheet names ("Seguimiento PDM") come after its own title lines
    cabeza = [b for b in cabeza if b.estilo != "Hoja"] + [b for b in cabeza if b.estilo == "Hoja"]
    bloques = _bloques([b.texto for b in cabeza])
    lineas = [l for bloque in bloques for l in bloque]
    cabeceras = [l for bloque in _bloques(doc.encabezados_pagina) for l in bloque]
    # a deck of slides names itself in its running footer ("… · Informe de gestión primer semestre 2024")
    # (a section's heading in the body names a part of it: the running header's title first)
    titulo = _titulo(bloques, secciones=False) or _titulo([[linea] for linea in cabeceras]) or _titulo(bloques)
    dependencia = _dependencia(cabeceras + [l for bloque in bloques[:BLOQUES_DEPENDENCIA] for l in bloque])
    # a title from the running header is read with the header's other lines ("Corte 30-06-2025")
    vigencia = _vigencia(titulo, lineas if _titulo(bloques) else cabeceras) or _vigencia_fuera_del_inicio(doc)
    base = Contexto(vigencia=vigencia)
    periodo = periodo_de_texto(sin_anios_ajenos(titulo), base) if titulo else None
    if periodo and vigencia and periodo.inicio and periodo.fin and periodo.inicio.year < vigencia <= periodo.fin.year:
        if any(int(a) == vigencia for a in _VIGENCIA_DECLARADA.findall(normalizar(titulo or ""))):
            # "Informe de gestión – vigencia 2014 (Plan de Gestión 2012-2015)": the year, in the plan's term
            periodo = Periodo(date(vigencia, 1, 1), date(vigencia, 12, 31))
    corte = _fecha_corte(doc, titulo, vigencia) or (periodo.fin if periodo else None)
    if vigencia is None and corte:
        vigencia = corte.year
    cuatrienio = next(
        (m for m in map(CUATRIENIO.search, lineas + cabeceras) if m and int(m.group(2)) - int(m.group(1)) == 3), None
    )
    ctx = Contexto(
        vigencia=vigencia,
        fecha_corte=corte,
        periodo_inicio=periodo.inicio if periodo else (date(vigencia, 1, 1) if vigencia else None),
        periodo_fin=min(periodo.fin, corte)
        if periodo and periodo.fin and corte
        else (periodo.fin if periodo else corte),
        cuatrienio=(int(cuatrienio.group(1)), int(cuatrienio.group(2))) if cuatrienio else None,
    )
    etiquetadas = _etiquetadas(bloques)
    tipo = tipo_documento(titulo, lineas)
    meta = MetadatosInforme(
        entidad=_entidad(cabeceras + lineas),
        dependencia=dependencia,
        titulo=titulo,
        tipo_documento=tipo,
        periodo_inicio=ctx.periodo_inicio,
        periodo_fin=ctx.periodo_fin,
        fecha_corte=corte,
        vigencia=vigencia,
        pilar=etiquetadas.get("pilar"),
        linea_estrategica=etiquetadas.get("linea_estrategica"),
        programa=etiquetadas.get("programa"),
        meta_producto=etiquetadas.get("meta_producto"),
    )
    if meta.entidad is None:
        meta, ctx = _plan_en_tablas(doc, meta, ctx)
    if meta.entidad is None:
        meta.entidad = _entidad_mencionada(doc)
    if meta.tipo_documento == "otro":
        meta.tipo_documento = tipo_por_archivo(doc.archivo)
    if cuatrienal(meta.tipo_documento):
        # any year: "Ordenanza 007 de 2024" in the title is not the year of a cut in 2025
        corte_declarado = _fecha_corte(doc, titulo, None, con_palabra=True) or _vigencia_declarada(lineas)
        meta, ctx = _cuatrienio_del_plan(doc, meta, ctx, corte_declarado)
    celdas = [c.texto for t in doc.tablas for c in t.celdas]
    return meta, replace(ctx, convenciones=convenciones(doc), miles_con_coma=formato_de_miles(celdas))


# "P = programado para la vigencia; E = ejecutado a 31 de diciembre": one
# abbreviation (up to 5 letters, a capital first) and what it stands for
_CONVENCION = re.compile(r"(?:^|[;,:·(]\s*|\s)(?P<abreviatura>[A-ZÁÉÍÓÚÑ][\w.]{0,5})\s*=\s*(?P<significado>[^;=\n.]+)")
MIN_CONVENCIONES = 2  # a legend states several; one "X = …" is a formula


def convenciones(doc: Documento) -> tuple[tuple[str, str], ...]:
    """The abbreviations a report's legend defines ("Convenciones: P =
    programado; E = ejecutado"), from the lines that define several (a
    text line, or a cell: a sheet's legend row under its table)."""
    salida: dict[str, str] = {}
    textos = [b.texto for b in doc.textos] + [c.texto for t in doc.tablas for c in t.celdas if "=" in c.texto]
    for texto in textos:
        for linea in texto.split("\n"):
            pares = [(m["abreviatura"], m["significado"].strip()) for m in _CONVENCION.finditer(linea)]
            if len(pares) >= MIN_CONVENCIONES:
                for abreviatura, significado in pares:
                    salida.setdefault(abreviatura.lower().rstrip("."), significado)
    return tuple(salida.items())


# "Control mensual – año 2021, corte 31 de mayo": the year a plan's follow-up reports
_ANIO_DECLARADO = re.compile(r"\b(?:vigencia(?:\s+fiscal)?|año)\s+(\d{4})\b", re.IGNORECASE)


def _vigencia_declarada(lineas: list[str]) -> Optional[date]:
    """The end of the year a plan's follow-up declares in its head
    ("Vigencia 2024 (información a 31 de diciembre)", "año 2021, corte 31
    de mayo"): the date the line gives in that year, else 31 December."""
    for texto in lineas:
        m = _ANIO_DECLARADO.search(texto)
        if m:
            anio = int(m.group(1))
            fecha = fecha_corte_en(texto, anio)
            return fecha if fecha and fecha.year == anio else date(anio, 12, 31)
    return None


# An office or territory named in the body ("… en el Municipio de Tenjo
# Cundinamarca", "… de la Alcaldía de Santiago de Cali"): case-sensitive, so
# that the place is the capitalized words after "de".
_MENCIONADAS = palabras.lista("entidades_mencionadas")
_MENCION = re.compile(
    rf"\b({palabras.alternativas_con_acentos(_MENCIONADAS['oficinas'])})"
    rf"(?:\s+(?:{palabras.alternativas_con_acentos(_MENCIONADAS['calificativos'])}))?\s+de\s+"
    r"((?:[A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ]+)(?:[ \t]+(?:de[ \t]+|del[ \t]+|la[ \t]+|DE[ \t]+|DEL[ \t]+)?"
    r"[A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ]+)*)",
    re.IGNORECASE,
)


def _sin_departamento(lugar: str) -> str:
    """ "Tenjo Cundinamarca" -> "Tenjo" (the department after the town)."""
    for dep in cargar_yaml("departamentos.yaml"):
        if normalizar(lugar).endswith(" " + normalizar(dep)):
            return " ".join(lugar.split()[: -len(dep.split())])
    return lugar


_OFICINAS = {normalizar(w): w.capitalize() for w in _MENCIONADAS["oficinas"]}


def _entidad_mencionada(doc: Documento, minimo: int = 3) -> Optional[str]:
    """The entity a document without a heading names again and again in its
    tables and text (a workbook whose sheet starts with the header row): the
    place mentioned at least `minimo` times and in most mentions, with the
    kind of office most often written before it and its most frequent
    spelling (not in capitals, if it has one)."""
    lugares: Counter = Counter()
    oficinas: dict[str, Counter] = {}
    escrituras: dict[str, Counter] = {}
    textos = [b.texto for b in doc.textos] + [c.texto for t in doc.tablas for c in t.celdas]
    for texto in textos:
        for m in _MENCION.finditer(texto):
            if not m.group(2)[0].isupper():
                continue
            lugar = _sin_departamento(" ".join(m.group(2).split()))
            clave = normalizar(lugar)
            lugares[clave] += 1
            oficinas.setdefault(clave, Counter())[normalizar(m.group(1))] += 1
            escrituras.setdefault(clave, Counter())[lugar] += 1
    if not lugares:
        return None
    clave, n = lugares.most_common(1)[0]
    if n < minimo or n * 2 <= sum(lugares.values()):
        return None
    oficina = _OFICINAS[oficinas[clave].most_common(1)[0][0]]
    nombre = max(escrituras[clave].items(), key=lambda e: (e[0] != e[0].upper(), e[1]))[0]
    return f"{oficina} de {titulo_espanol(nombre)}"


def _vigencia_fuera_del_inicio(doc: Documento) -> Optional[int]:
    """The year of a report whose first pages name none (a workbook of one
    sheet per indicator, "Enero | Febrero …" with no year, whose last sheet
    is "Consolidado anual 2023"): the year its other title lines name,
    else the one year its file name carries ("tablero_mipg_2023.xlsx"; a
    name with two years is a plan's term, not a year)."""
    lineas = [l for b in doc.textos if b.estilo not in SIN_METADATOS for l in b.texto.split("\n")]
    anio = _vigencia(None, lineas)
    if anio is not None:
        return anio
    anios = set(ANIO.findall(_nombre_legible(doc.archivo)))
    return int(anios.pop()) if len(anios) == 1 else None


def _nombre_legible(archivo: str) -> str:
    """ "tenjo_plan_indicativo_2024_2027.xlsx" -> "tenjo plan indicativo 2024 2027"."""
    return re.sub(r"[_\W]+", " ", archivo.rsplit(".", 1)[0]).strip()


def _anios_encabezados(doc: Documento) -> set[int]:
    """Years written in the header rows of the tables."""
    return {
        int(y) for tabla in doc.tablas for fila in tabla.textos()[:4] for texto in fila for y in ANIO.findall(texto)
    }


def _inicio_del_cuatrienio(doc: Documento, ctx: Contexto) -> Optional[int]:
    if ctx.cuatrienio:
        return ctx.cuatrienio[0]
    par = re.search(r"\b(20[0-4]\d)\D{1,3}(20[0-4]\d)\b", _nombre_legible(doc.archivo))
    if par and int(par.group(2)) - int(par.group(1)) == 3:
        return int(par.group(1))
    por_periodo = Counter(cuatrienio_de(anio)[0] for anio in _anios_encabezados(doc))  # distinct years per term
    if por_periodo and por_periodo.most_common(1)[0][1] >= 3:
        return por_periodo.most_common(1)[0][0]
    return None


def _cuatrienio_del_plan(
    doc: Documento, meta: MetadatosInforme, ctx: Contexto, corte_declarado: Optional[date] = None
) -> tuple[MetadatosInforme, Contexto]:
    """A plan covers a term of four years (2016-2019, 2020-2023, 2024-2027:
    they start in a multiple of 4): the one its text writes, else the file
    name's, else the term that holds most of the years in the tables'
    headers. Its period is the report's, and a plan has no single vigencia
    nor cut date — unless the text states a cut inside the term ("Corte:
    30/09/2025 · Plan de Desarrollo 2024-2027"): then it is the plan followed
    up to that date, and the cut's year is the vigencia."""
    inicio = _inicio_del_cuatrienio(doc, ctx)
    if inicio is None:
        return meta, ctx
    if corte_declarado and inicio <= corte_declarado.year <= inicio + 3:
        meta.vigencia, meta.fecha_corte = corte_declarado.year, corte_declarado
        meta.periodo_inicio, meta.periodo_fin = date(corte_declarado.year, 1, 1), corte_declarado
        return meta, Contexto(
            vigencia=corte_declarado.year,
            fecha_corte=corte_declarado,
            periodo_inicio=meta.periodo_inicio,
            periodo_fin=corte_declarado,
            cuatrienio=(inicio, inicio + 3),
        )
    return _con_periodo_del_plan(meta, inicio, inicio + 3)


def _con_periodo_del_plan(meta: MetadatosInforme, desde: int, hasta: int) -> tuple[MetadatosInforme, Contexto]:
    """A plan's metadata: its years as its period, no vigencia, no cut date."""
    meta.vigencia, meta.fecha_corte = None, None
    meta.periodo_inicio, meta.periodo_fin = date(desde, 1, 1), date(hasta, 12, 31)
    return meta, Contexto(
        vigencia=None,
        fecha_corte=None,
        periodo_inicio=meta.periodo_inicio,
        periodo_fin=meta.periodo_fin,
        cuatrienio=(desde, hasta),
    )


# Identification columns of a plan export (DNP SisPT: "Código DANE |
# Entidad territorial | Nombre del plan" on every row): a workbook with no
# title text still says whose plan it is.
_ID_COLUMNAS = {"codigo dane": "dane", "entidad territorial": "entidad", "nombre del plan": "plan"}


def _identificacion(doc: Documento) -> dict[str, str]:
    from extractor.tablas.encabezados import normalizar

    for tabla in doc.tablas[:10]:
        textos = tabla.textos()
        for r, fila in enumerate(textos[:3]):
            columnas = {_ID_COLUMNAS[normalizar(t)]: k for k, t in enumerate(fila) if normalizar(t) in _ID_COLUMNAS}
            if "entidad" not in columnas:
                continue
            encontrado = {}
            for clave, k in columnas.items():
                valores = {limpiar(f[k]) for f in textos[r + 1 :] if k < len(f) and f[k].strip()}
                if len(valores) == 1:
                    encontrado[clave] = valores.pop()
            if "entidad" in encontrado:
                return encontrado
    return {}


def _plan_en_tablas(doc: Documento, meta: MetadatosInforme, ctx: Contexto) -> tuple[MetadatosInforme, Contexto]:
    """Entity and plan of an export whose only identification is in its
    columns: "Municipio de Sesquilé" (5-digit DANE code) or "Departamento
    de Cundinamarca" (2 digits); the plan's name is the title, and its
    quadrennium the period (a plan covers four years: no single vigencia)."""
    ident = _identificacion(doc)
    if not ident:
        return meta, ctx
    dane = re.sub(r"\D", "", ident.get("dane", ""))
    nivel = {5: "Municipio", 2: "Departamento"}.get(len(dane))
    ya_dice = normalizar(ident["entidad"]).split()[:1] == [normalizar(nivel or "")]  # "Municipio de Cogua"
    meta.entidad = f"{nivel} de {ident['entidad']}" if nivel and not ya_dice else ident["entidad"]
    plan = ident.get("plan")
    cuatrienio = CUATRIENIO.search(plan) if plan else None
    if plan and meta.titulo is None:
        meta.titulo = plan
    if cuatrienio:
        return _con_periodo_del_plan(meta, int(cuatrienio.group(1)), int(cuatrienio.group(2)))
    return meta, ctx
