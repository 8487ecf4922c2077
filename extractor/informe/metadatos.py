"""Report metadata from the document's text: entity, office, title, period,
vigencia, cut date and the plan context (pilar, línea, programa, meta)."""
from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date
from typing import Iterable, Optional

from esquemas import cargar_yaml

from extractor.castellano import palabras
from extractor.castellano.lemas import normalizar
from extractor.modelo import Documento
from extractor.castellano.nombres import limpiar
from extractor.castellano.periodos import Contexto, cuatrienio_de, fecha_corte_en, periodo_de_texto
from extractor.resultado import MetadatosInforme

# Entity, office and title words: esquemas/castellano.yaml (`entidades`,
# `dependencias`, `palabras_titulo_informe`, `entidades_mencionadas`).
_ENTIDADES = palabras.lista("entidades")
ENTITY = re.compile(
    rf"\b({palabras.alternativas_con_acentos(w for grupo in _ENTIDADES['oficinas'] for w in grupo)})"
    rf"(\s+({palabras.alternativas_con_acentos(_ENTIDADES['calificativos'])}))?\s+(de|del)\s+"
    r"([A-ZÁÉÍÓÚÑa-záéíóúñ][\wÁÉÍÓÚÑáéíóúñ.]*(\s+(de\s+|del\s+|la\s+)?[A-ZÁÉÍÓÚÑ][\wÁÉÍÓÚÑáéíóúñ.]*)*)",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"\s+[–—|-]\s+")
OFFICE = re.compile(rf"^({palabras.alternativas_con_acentos(palabras.lista('dependencias'))})\b", re.IGNORECASE)
TITLE = re.compile(rf"\b({palabras.alternativas_con_acentos(palabras.lista('palabras_titulo_informe'))})\b", re.IGNORECASE)
FUENTE = re.compile(r"^\s*fuentes?\s*(de\s+(informaci[oó]n|datos)\s*)?:", re.IGNORECASE)  # a source note, not a title
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
QUADRENNIUM = re.compile(r"\b(20[0-4]\d)\s*[-–]\s*(20[0-4]\d)\b")
# Plan context written as "LABEL: value" or as a heading with the value on the
# next line. Each key lists its patterns by priority.
# (esquemas/castellano.yaml `etiquetas_del_plan`)
_ETIQUETAS = palabras.lista("etiquetas_del_plan")
LABELS = {
    **{clave: [re.compile(rf"^({palabras.alternativas_con_acentos(grupo)})\s*:\s*(.*)$", re.IGNORECASE)
               for grupo in grupos]
       for clave, grupos in _ETIQUETAS["con_dos_puntos"].items()},
    **{clave: [re.compile(rf"^\d*\.?\s*({palabras.alternativas_con_acentos(grupo)})\s*(?::\s*(.*)|())$", re.IGNORECASE)
               for grupo in grupos]
       for clave, grupos in _ETIQUETAS["titulo_o_dos_puntos"].items()},
}
LABELLED_LINE = re.compile(r"^[^:]{2,40}:")
INLINE_PROGRAM = re.compile(r";\s*programa\s+(.+)$", re.IGNORECASE)
LOWER_WORDS = frozenset(palabras.lista("palabras_de_enlace"))  # esquemas/castellano.yaml
HEAD_BLOCKS = 25
# text a reader marks as not describing the report: a form's control fields
# ("Versión 3", "Fecha: 12/11/2024" in a template footer) and comment cells
SIN_METADATOS = ("Plantilla", "Nota")
OFFICE_BLOCKS = 8  # the office is named in the report's heading, not in its prose  # metadata is written at the top of a report


def tipo_documento(title: Optional[str], lines: list[str]) -> str:
    text = " ".join([title or ""] + lines[:10])
    for rule in cargar_yaml("tipos_documento.yaml"):
        if re.search(rule["patron"], text, re.IGNORECASE):
            return rule["tipo"]
    return "otro"


def tipo_por_archivo(archivo: str) -> str:
    """The type a file name states ("tenjo_plan_indicativo_2024_2027.xlsx"),
    for documents whose text names none."""
    nombre = _nombre_legible(archivo)
    for rule in cargar_yaml("tipos_documento.yaml"):
        patrones = [rule["patron"]] + ([rule["patron_archivo"]] if rule.get("patron_archivo") else [])
        if any(re.search(pat, nombre, re.IGNORECASE) for pat in patrones):
            return rule["tipo"]
    return "otro"


def planifica(tipo: Optional[str]) -> bool:
    """A plan states targets: its bare year columns are goals, not results."""
    return any(r["tipo"] == tipo and r.get("planifica") for r in cargar_yaml("tipos_documento.yaml"))


def cuatrienal(tipo: Optional[str]) -> bool:
    """A development or indicative plan covers a four-year term."""
    return any(r["tipo"] == tipo and r.get("cuatrienal") for r in cargar_yaml("tipos_documento.yaml"))


def titulo_espanol(text: str) -> str:
    """'OFICINA ASESORA DE PRENSA' → 'Oficina Asesora de Prensa' (only for all-caps text)."""
    if text != text.upper():
        return text
    words = text.lower().split()
    return " ".join(w if i and w in LOWER_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words))


def _blocks(texts: list[str]) -> list[list[str]]:
    """Each text block as its lines."""
    return [[l.strip() for l in t.split("\n") if l.strip()] for t in texts]


def _title(blocks: list[list[str]]) -> Optional[str]:
    """The first line naming a report; a year alone on the next line belongs
    to it. A source note ("Fuente: reporte de los líderes de proceso") names
    where figures come from, not the report."""
    for block in blocks:
        for i, line in enumerate(block):
            if TITLE.search(line) and len(line) < 200 and not FUENTE.match(line):
                nxt = block[i + 1] if i + 1 < len(block) else ""
                return f"{line} {nxt}" if YEAR.fullmatch(nxt) else line
    return None


# Tiers, best first: the offices that report, then the territory, then the
# council the report is addressed to. Within a tier the first mention wins.
ENTITY_TIERS = tuple(tuple(normalizar(w) for w in grupo) for grupo in _ENTIDADES["oficinas"])


def _entity(lines: Iterable[str]) -> Optional[str]:
    """The reporting entity ("Municipio de Timbiquí", not the "Departamento
    del Cauca" above it in the letterhead, nor the Concejo it addresses)."""
    found = [m.group(0) for m in (ENTITY.search(text) for text in lines) if m]
    if not found:
        return None
    def tier(entity: str) -> int:
        return next(i for i, kinds in enumerate(ENTITY_TIERS) if normalizar(entity).startswith(kinds))

    return titulo_espanol(limpiar(min(found, key=tier)))


def _vigencia(title: Optional[str], lines: list[str]) -> Optional[int]:
    """The title's year, else "vigencia NNNN", else the most frequent year.
    A term the title names ("Seguimiento al PDM 2020-2023") is the plan's,
    not the report's year: a cut date inside the term written below ("Corte
    a 30 de junio de 2025"), else a "Vigencia 2021", wins over it."""
    if title and YEAR.findall(QUADRENNIUM.sub(" ", title)):
        return int(YEAR.findall(QUADRENNIUM.sub(" ", title))[-1])
    termino = QUADRENNIUM.search(title or "")
    if termino:
        cortes = (fecha_corte_en(text) for text in lines)
        corte = next((c for c in cortes if c and int(termino.group(1)) <= c.year <= int(termino.group(2))), None)
        if corte:
            return corte.year
    for text in lines:
        m = re.search(r"vigencia(?:\s+fiscal)?\s+(\d{4})", text, re.IGNORECASE)
        if m:
            return int(m.group(1))
    if title and YEAR.findall(title):
        return int(YEAR.findall(title)[-1])
    years = Counter(int(y) for l in lines for y in YEAR.findall(NORMA.sub(" ", l)))
    return years.most_common(1)[0][0] if years else None


# "Ley 152 de 1994", "Decreto 1082 de 2015", "Acuerdo N° 006 de 2020": the
# year a norm was issued is not the report's
NORMA = re.compile(rf"\b({palabras.alternativas_con_acentos(palabras.lista('normas'))})\b"  # esquemas/castellano.yaml
                   r"[^.;\n]{0,30}?\bde\s+(19|20)\d\d\b", re.IGNORECASE)


def _labelled(blocks: list[list[str]]) -> dict[str, str]:
    """'PILAR:' then its value on the same line, or the rest of its block, or
    the next block."""
    found: dict[str, str] = {}
    for key, patterns in LABELS.items():
        for pattern in patterns:
            value = next(filter(None, (_value_after(pattern, blocks, b, i) for b, block in enumerate(blocks)
                                       for i in range(len(block)))), None)
            if value:
                found[key] = value.rstrip(".")
                break
    line_value = found.get("linea_estrategica", "")
    inline = INLINE_PROGRAM.search(line_value)
    if inline:
        found["linea_estrategica"] = line_value[: inline.start()].strip()
        found.setdefault("programa", inline.group(1).strip().rstrip("."))
    return found


def _value_after(pattern: re.Pattern, blocks: list[list[str]], b: int, i: int) -> Optional[str]:
    m = pattern.match(blocks[b][i])
    if not m:
        return None
    inline = next((g for g in m.groups()[1:] if g), "").strip()
    rest = list(itertools.takewhile(lambda l: not LABELLED_LINE.match(l), blocks[b][i + 1 :]))
    if inline:
        return " ".join([inline] + rest)
    if not rest and b + 1 < len(blocks):
        rest = blocks[b + 1]
    return " ".join(rest) or None


def _office(lines: list[str]) -> Optional[str]:
    for line in lines:
        for part in SEPARATOR.split(line):
            if OFFICE.match(part) and len(part) < 100:
                return part.strip()
    return None


def _cut_date(doc: Documento, title: Optional[str], vigencia: Optional[int],
              con_palabra: bool = False) -> Optional[date]:
    """The first "con corte a …" date of the report's own year: in the title,
    then the text, then the tables (`con_palabra`: only one introduced by
    "corte" or "acumulado", not a bare "a 30 de julio de 2012")."""
    texts = [(title or "", True)] + [(b.texto, True) for b in doc.textos if b.estilo not in SIN_METADATOS] + \
        [(c.texto, False) for t in doc.tablas for c in t.celdas]
    for text, is_prose in texts:
        found = fecha_corte_en(text, vigencia, acumulado=is_prose, con_palabra=con_palabra)
        if found and (vigencia is None or found.year == vigencia):
            return found
    return None


def extraer_metadatos(doc: Documento) -> tuple[MetadatosInforme, Contexto]:
    head = [b for b in doc.textos if b.estilo not in SIN_METADATOS][:HEAD_BLOCKS]
    # a workbook's sheet names ("Seguimiento PDM") come after its own title lines
    head = [b for b in head if b.estilo != "Hoja"] + [b for b in head if b.estilo == "Hoja"]
    blocks = _blocks([b.texto for b in head])
    lines = [l for block in blocks for l in block]
    running = [l for block in _blocks(doc.encabezados_pagina) for l in block]
    title = _title(blocks)
    office = _office(running + [l for block in blocks[:OFFICE_BLOCKS] for l in block])
    vigencia = _vigencia(title, lines) or _vigencia_fuera_del_inicio(doc)
    base = Contexto(vigencia=vigencia)
    period = periodo_de_texto(title, base) if title else None
    cut = _cut_date(doc, title, vigencia) or (period.fin if period else None)
    if vigencia is None and cut:
        vigencia = cut.year
    quad = next((m for m in map(QUADRENNIUM.search, lines) if m and int(m.group(2)) - int(m.group(1)) == 3), None)
    ctx = Contexto(
        vigencia=vigencia,
        fecha_corte=cut,
        periodo_inicio=period.inicio if period else (date(vigencia, 1, 1) if vigencia else None),
        periodo_fin=min(period.fin, cut) if period and period.fin and cut else (period.fin if period else cut),
        cuatrienio=(int(quad.group(1)), int(quad.group(2))) if quad else None,
    )
    labelled = _labelled(blocks)
    tipo = tipo_documento(title, lines)
    meta = MetadatosInforme(
        entidad=_entity(running + lines),
        dependencia=office,
        titulo=title,
        tipo_documento=tipo,
        periodo_inicio=ctx.periodo_inicio,
        periodo_fin=ctx.periodo_fin,
        fecha_corte=cut,
        vigencia=vigencia,
        pilar=labelled.get("pilar"),
        linea_estrategica=labelled.get("linea_estrategica"),
        programa=labelled.get("programa"),
        meta_producto=labelled.get("meta_producto"),
    )
    if meta.entidad is None:
        meta, ctx = _plan_en_tablas(doc, meta, ctx)
    if meta.entidad is None:
        meta.entidad = _entidad_mencionada(doc)
    if meta.tipo_documento == "otro":
        meta.tipo_documento = tipo_por_archivo(doc.archivo)
    if cuatrienal(meta.tipo_documento):
        # any year: "Ordenanza 007 de 2024" in the title is not the year of a cut in 2025
        meta, ctx = _cuatrienio_del_plan(doc, meta, ctx, _cut_date(doc, title, None, con_palabra=True))
    return meta, ctx


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
    """"Tenjo Cundinamarca" -> "Tenjo" (the department after the town)."""
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
    anios = set(YEAR.findall(_nombre_legible(doc.archivo)))
    return int(anios.pop()) if len(anios) == 1 else None


def _nombre_legible(archivo: str) -> str:
    """"tenjo_plan_indicativo_2024_2027.xlsx" -> "tenjo plan indicativo 2024 2027"."""
    return re.sub(r"[_\W]+", " ", archivo.rsplit(".", 1)[0]).strip()


def _anios_encabezados(doc: Documento) -> set[int]:
    """Years written in the header rows of the tables."""
    return {int(y) for tabla in doc.tablas for fila in tabla.textos()[:4] for texto in fila
            for y in YEAR.findall(texto)}


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


def _cuatrienio_del_plan(doc: Documento, meta: MetadatosInforme, ctx: Contexto,
                         stated_cut: Optional[date] = None) -> tuple[MetadatosInforme, Contexto]:
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
    if stated_cut and inicio <= stated_cut.year <= inicio + 3:
        meta.vigencia, meta.fecha_corte = stated_cut.year, stated_cut
        meta.periodo_inicio, meta.periodo_fin = date(stated_cut.year, 1, 1), stated_cut
        return meta, Contexto(vigencia=stated_cut.year, fecha_corte=stated_cut, periodo_inicio=meta.periodo_inicio,
                              periodo_fin=stated_cut, cuatrienio=(inicio, inicio + 3))
    return _con_periodo_del_plan(meta, inicio, inicio + 3)


def _con_periodo_del_plan(meta: MetadatosInforme, desde: int, hasta: int) -> tuple[MetadatosInforme, Contexto]:
    """A plan's metadata: its years as its period, no vigencia, no cut date."""
    meta.vigencia, meta.fecha_corte = None, None
    meta.periodo_inicio, meta.periodo_fin = date(desde, 1, 1), date(hasta, 12, 31)
    return meta, Contexto(vigencia=None, fecha_corte=None, periodo_inicio=meta.periodo_inicio,
                          periodo_fin=meta.periodo_fin, cuatrienio=(desde, hasta))


# Identification columns of a plan export (DNP SisPT: "Código DANE |
# Entidad territorial | Nombre del plan" on every row): a workbook with no
# title text still says whose plan it is.
_ID_COLUMNAS = {"codigo dane": "dane", "entidad territorial": "entidad", "nombre del plan": "plan"}


def _identificacion(doc: Documento) -> dict[str, str]:
    from extractor.tablas.encabezados import normalizar

    for tabla in doc.tablas[:10]:
        textos = tabla.textos()
        for r, fila in enumerate(textos[:3]):
            cols = {_ID_COLUMNAS[normalizar(t)]: k for k, t in enumerate(fila) if normalizar(t) in _ID_COLUMNAS}
            if "entidad" not in cols:
                continue
            found = {}
            for clave, k in cols.items():
                valores = {limpiar(f[k]) for f in textos[r + 1:] if k < len(f) and f[k].strip()}
                if len(valores) == 1:
                    found[clave] = valores.pop()
            if "entidad" in found:
                return found
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
    quad = QUADRENNIUM.search(plan) if plan else None
    if plan and meta.titulo is None:
        meta.titulo = plan
    if quad:
        return _con_periodo_del_plan(meta, int(quad.group(1)), int(quad.group(2)))
    return meta, ctx
