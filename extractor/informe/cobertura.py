"""Coverage audit: no number of a table is dropped silently.

Every number of every table cell, and of every line of text next to a table
on its page (or inside a table's frame but in none of its cells), must be
accounted for: it became an observation, its row is in the unmapped rows
(`FilaNoMapeada`), or it is not a figure, for a reason (a year, a date, a
code, a header, the name of the indicator, a page number, a note...). The
numbers left without a destination are returned with their page and box
(`CifraSinDestino`); `cobertura` is the percentage accounted for.

A pure function of the document model and of what `interpretar` made of it;
it changes nothing. The destinations and the words that start a caption or
a note are data: esquemas/cobertura.yaml.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Optional

from esquemas import cargar_yaml

from extractor.tablas.celdas import _EDAD, _RANGO
from extractor.tablas.columnas import CODIGO_NUMERICO, CODIGO_LOCAL, es_anio
from extractor.castellano import palabras
from extractor.castellano.lemas import normalizar
from extractor.modelo import BBox, Celda, Documento, LineaSuelta, Tabla
from extractor.castellano.numeros import Numero, buscar_numeros
from extractor.resultado import CifraSinDestino, InformeExtraido, Observacion

SIN_DESTINO = "sin_destino"
_DIGITO = re.compile(r"\d")

# dates as reports write them: 30/06/2024, 2024-06-30, 30-jun-2024, "30 de junio de 2024", "junio 30 de 2024"
_MESES = rf"(?:{palabras.alternativas(palabras.por_numero('meses'))})\b\.?"  # esquemas/castellano.yaml
_FECHA = re.compile(
    rf"\b\d{{1,2}}\s*([/\-])\s*\d{{1,2}}\s*\1\s*\d{{2,4}}\b"
    rf"|\b\d{{1,2}}\.\d{{1,2}}\.(?:19|20)\d\d\b"  # with dots only with the whole year ("35.1.01" is a code)
    rf"|\b\d{{4}}\s*([/.\-])\s*\d{{1,2}}\s*\2\s*\d{{1,2}}\b"
    rf"|\b\d{{1,2}}\s*[/.\-]\s*{_MESES}\s*[/.\-]\s*\d{{2,4}}\b"
    rf"|\b\d{{1,2}}\s+(?:de\s+)?{_MESES}(?:\s+(?:de(?:l)?\s+)?\d{{4}})?"
    rf"|\b{_MESES}\s+\d{{1,2}}\s*(?:,|de(?:l)?)?\s*\d{{4}}"
    rf"|\b\d{{1,2}}:\d{{2}}(?::\d{{2}})?\b",  # the time of day of a date: "29/4/22, 16:31"
    re.IGNORECASE,
)
_CODIGO_ANTES = re.compile(
    rf"(?:\b(?:{palabras.alternativas_con_acentos(palabras.lista('antes_de_un_codigo'))})"
    r"\.?\s*[:#]?\s*)$",
    re.IGNORECASE,
)  # esquemas/castellano.yaml
_TOKEN = re.compile(r"\S+")
_NOTA_AL_PIE = re.compile(r"^\(?\d{1,2}\)?$|^\*+\d{0,2}$")
# a numbered heading: "2. Indicadores de gestión", "3.1 Metas", "IV) Presupuesto"
_TITULO_NUMERADO = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*[.)]?\s+[^\W\d_][^\d]*$")
_PAGINA = re.compile(
    rf"^\W*(?:(?:{palabras.alternativas_con_acentos(palabras.lista('pagina'))})\.?\s*)?"
    r"\d{1,4}(?:\s*(?:de|/)\s*\d{1,4})?\W*$",
    re.IGNORECASE,
)


@cache
def _config() -> dict:
    return cargar_yaml("cobertura.yaml")


def motivo_de(destino: str) -> str:
    """Spanish description of a destination (esquemas/cobertura.yaml)."""
    return _config()["destinos"][destino]


@dataclass
class Auditoria:
    """What the audit found: numbers by destination, and those without one."""

    por_destino: Counter = field(default_factory=Counter)
    sin_destino: list[CifraSinDestino] = field(default_factory=list)
    # with auditar(..., detalle=True): (destination, page, number, context) of every number
    detalle: Optional[list[tuple[str, Optional[int], str, str]]] = None

    def anotar(self, destino: str, pagina: Optional[int], n: Numero, contexto: str) -> None:
        self.por_destino[destino] += 1
        if self.detalle is not None:
            self.detalle.append((destino, pagina, n.texto, contexto))

    @property
    def total(self) -> int:
        return sum(self.por_destino.values())

    @property
    def cobertura(self) -> Optional[float]:
        """% of audited numbers accounted for; None when there was nothing to audit."""
        if not self.total:
            return None
        return round(100.0 * (self.total - self.por_destino[SIN_DESTINO]) / self.total, 2)


def auditar(
    doc: Documento, informe: InformeExtraido, lecturas: Optional[dict] = None, detalle: bool = False
) -> Auditoria:
    """Account for every number of `doc`'s tables and of the text lines next
    to them. `lecturas`: table index → `extractor.informe.lectura.LecturaTabla` (how
    each table was read: header rows and column roles), when known.
    `detalle`: keep every number's destination (Auditoria.detalle)."""
    lecturas = lecturas or {}
    auditoria = Auditoria(detalle=[] if detalle else None)
    obs_celda: dict[tuple, list[Observacion]] = {}
    filas_con_obs: dict[tuple, list[Observacion]] = {}
    narrativa: dict[int | None, set[str]] = {}
    for o in informe.observaciones:
        if o.tabla is None:
            narrativa.setdefault(o.pagina, set()).add(_nucleo(o.valor_texto))
            continue
        obs_celda.setdefault((o.tabla, o.fila, o.columna), []).append(o)
        filas_con_obs.setdefault((o.tabla, o.fila), []).append(o)
    no_mapeadas = {(f.tabla, f.fila) for f in informe.no_mapeadas if f.tabla is not None}
    for tabla in doc.tablas:
        _auditar_tabla(tabla, lecturas.get(tabla.indice), obs_celda, filas_con_obs, no_mapeadas, auditoria)
    _auditar_lineas(doc, narrativa, auditoria)
    return auditoria


# ------------------------------------------------------------------ tables


def _auditar_tabla(tabla: Tabla, lectura, obs_celda, filas_con_obs, no_mapeadas, auditoria: Auditoria) -> None:
    n_encabezado = lectura.n_encabezado if lectura is not None else 0
    numeracion = {normalizar(x) for x in _config()["encabezados_numeracion"]}
    # each column's role, as the audit reads it: None for a value column
    roles: dict[int, Optional[str]] = {}
    for c in lectura.columnas if lectura is not None else ():
        if c.rol == "valor":
            roles[c.indice] = "frase" if c.en_frase else None
        elif c.rol in ("codigo", "anio"):
            roles[c.indice] = c.rol
        elif c.rol == "ignorar":
            roles[c.indice] = "columna_ignorada"
        else:
            roles[c.indice] = "numeracion" if normalizar(c.encabezado).strip(" .:°º") in numeracion else "texto"
    t = tabla.indice
    for celda in tabla.celdas:
        numeros = _numeros(celda.texto)
        if not numeros:
            continue
        filas = range(celda.fila, celda.fila + celda.filas_span)
        cols = range(celda.columna, celda.columna + celda.columnas_span)
        propias = [o for r in filas for k in cols for o in obs_celda.get((t, r, k), ())]
        nucleos = {_nucleo(o.valor_texto) for o in propias}
        valores = {o.valor for o in propias}
        for n in numeros:
            if propias and (n.valor in valores or _nucleo(n.texto) in nucleos):
                destino = "observacion"
            elif celda.fila < n_encabezado:
                destino = "encabezado"
            elif any((t, r) in no_mapeadas for r in filas):
                destino = "fila_no_mapeada"
            else:
                de_la_fila = [o for r in filas for o in filas_con_obs.get((t, r), ())]
                destino = _clase_en_celda(n, celda.texto, roles.get(celda.columna), de_la_fila, propias)
            auditoria.anotar(destino, celda.pagina, n, celda.texto)
            if destino == SIN_DESTINO:
                auditoria.sin_destino.append(_sin_destino(n, celda, t))


@lru_cache(maxsize=1 << 15)
def _numeros(texto: str) -> tuple[Numero, ...]:
    """buscar_numeros, once per distinct text (a workbook repeats its cells)."""
    return tuple(buscar_numeros(texto)) if _DIGITO.search(texto) else ()


def _clase_en_celda(n: Numero, texto: str, rol: Optional[str], de_la_fila, propias) -> str:
    if _en_tramos(n, _tramos_fecha(texto)):
        return "fecha"
    if rol is not None and rol != "frase":
        return rol
    if _es_anio(n):
        return "anio"
    if _es_codigo(n, texto):
        return "codigo"
    if _OPERACION.search(texto):
        return "operacion"
    if any(o.valor == n.valor or _nucleo(o.valor_texto) == _nucleo(n.texto) for o in de_la_fila):
        return "repetida"
    if _nota_al_pie(n, texto):
        return "nota_al_pie"
    if _RANGO.match(texto[n.fin :]) or _EDAD.search(texto[: n.inicio]):
        return "edad_o_rango"
    if rol == "frase" and propias:
        return "texto"  # a target written as a sentence: its one figure was taken, these are words of it
    if propias and _aclaracion(n, texto):
        return "aclaracion"
    if _frase_con_cifras(texto):
        return "frase_varias_cifras"
    return SIN_DESTINO


# a calculation written in a cell: "542*100.000", "35 / 40", "= 12 + 3"
_OPERACION = re.compile(r"\d\s*[*x×/+=]\s*\$?\s*\d|^\s*=")


def _es_anio(n: Numero) -> bool:
    """A year, also the second one of a range written "2012 -2015"."""
    return es_anio(n) or (n.valor < 0 and es_anio(Numero(-n.valor, n.unidad, n.texto.lstrip("-−"))))


def _aclaracion(n: Numero, texto: str) -> bool:
    """A number in the words that explain the cell's figure, which became an
    observation: "100% (240 beneficiarios 2023)", "35 aulas, 2 sedes"."""
    antes, despues = texto[: n.inicio], texto[n.fin :]
    entre_parentesis = antes.count("(") > antes.count(")")
    con_palabra = bool(re.match(r"\s*[^\W\d_]{2,}", despues))
    return entre_parentesis or con_palabra


def _frase_con_cifras(texto: str) -> bool:
    """A value cell that is a sentence with several figures ("2 estrategias,
    880 has DMI y 308 has del municipio"): none of them is the column's figure."""
    palabras = [t for t in texto.split() if sum(ch.isalpha() for ch in t) >= 3]
    cifras = [n for n in buscar_numeros(texto) if not es_anio(n)]
    return len(palabras) >= 1 and len(cifras) >= 2


def _sin_destino(n: Numero, celda: Celda, tabla: int) -> CifraSinDestino:
    hoja = cel = None
    if celda.ref:
        hoja, _, cel = celda.ref.rpartition("!")
    return CifraSinDestino(
        texto=n.texto,
        contexto=" ".join(celda.texto.split())[:300],
        motivo=motivo_de(SIN_DESTINO),
        pagina=celda.pagina,
        tabla=tabla,
        fila=celda.fila,
        columna=celda.columna,
        bbox=celda.bbox,
        hoja=hoja,
        celda=cel,
    )


# ------------------------------------------------------------ lines of text


def _regiones(doc: Documento) -> dict[int, list[BBox]]:
    """Per page, the box of each table's cells on it."""
    regiones: dict[int, list[BBox]] = {}
    for tabla in doc.tablas:
        cajas: dict[int, list[BBox]] = {}
        for c in tabla.celdas:
            if c.bbox is not None:
                cajas.setdefault(c.pagina, []).append(c.bbox)
        for pagina, bs in cajas.items():
            regiones.setdefault(pagina, []).append(
                (min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs), max(b[3] for b in bs))
            )
    return regiones


def _cerca(linea: LineaSuelta, region: BBox, margen: float) -> bool:
    x0, top, x1, bottom = linea.bbox
    return (
        top <= region[3] + margen
        and bottom >= region[1] - margen
        and x0 <= region[2] + margen
        and x1 >= region[0] - margen
    )


def _auditar_lineas(doc: Documento, narrativa: dict[int | None, set[str]], auditoria: Auditoria) -> None:
    """Lines next to a table (within `margen_lineas` line heights of its
    cells), or inside its frame: each one's numbers. A line with a number
    left without destination widens the region, so the rows of a table that
    its reader cut short are audited down to the last one."""
    regiones = _regiones(doc)
    lineas_por_pagina: dict[int, list[LineaSuelta]] = {}
    for linea in doc.lineas_sueltas:
        if linea.pagina in regiones:
            lineas_por_pagina.setdefault(linea.pagina, []).append(linea)
    margen_lineas = float(_config()["margen_lineas"])
    graficas = _zonas_de_graficas(doc, set(lineas_por_pagina))
    for pagina, lineas in lineas_por_pagina.items():
        en_grafica = [l for l in lineas if any(_dentro_y(l.bbox, z) for z in graficas.get(pagina, ()))]
        for linea in en_grafica:  # a chart's labels: none is a table's figure
            for _, _, n in _numeros_de_linea(linea):
                auditoria.anotar("grafica", pagina, n, linea.texto)
        lineas = [l for l in lineas if l not in en_grafica]
        zonas = list(regiones[pagina])
        pendientes = sorted(lineas, key=lambda l: l.bbox[1])
        cambio = True
        while cambio and pendientes:
            cambio = False
            for linea in list(pendientes):
                margen = margen_lineas * max(linea.bbox[3] - linea.bbox[1], 1.0)
                if not (linea.en_tabla or any(_cerca(linea, z, margen) for z in zonas)):
                    continue
                pendientes.remove(linea)
                if _auditar_linea(linea, narrativa.get(pagina, set()), doc.paginas, auditoria):
                    zonas.append(linea.bbox)  # a row the table reader left out: look further
                    cambio = True


def _numeros_de_linea(linea: LineaSuelta):
    """(word, its box, number) for each number of the line's words, the
    number's span counted in the line's text."""
    cursor = 0
    for palabra, bbox in linea.cifras:
        pos = linea.texto.find(palabra, cursor)
        pos = pos if pos >= 0 else cursor
        cursor = pos + len(palabra)
        for n in buscar_numeros(palabra):
            yield palabra, bbox, Numero(n.valor, n.unidad, n.texto, n.ambiguo, n.inicio + pos, n.fin + pos)


def _empieza_con(texto: str, inicios) -> bool:
    inicio = normalizar(texto).lstrip()
    return any(inicio.startswith(p) for p in inicios)


def _zonas_de_graficas(doc: Documento, paginas: set[int]) -> dict[int, list[tuple[float, float]]]:
    """Per page, the vertical bands of charts: from a caption ("Gráfica 3.",
    "Figura 2") down to the chart's source line ("Fuente: …") or, without
    one, to the next paragraph (a block of twelve words or more). The numbers printed in a
    chart (bar labels, axis ticks) are not a table's."""
    config = _config()
    bloques: dict[int, list] = {}
    for b in doc.textos:
        if b.pagina in paginas and b.bbox is not None:
            bloques.setdefault(b.pagina, []).append(b)
    zonas: dict[int, list[tuple[float, float]]] = {}
    for pagina, bs in bloques.items():
        bs.sort(key=lambda b: b.bbox[1])
        for i, b in enumerate(bs):
            if not _empieza_con(b.texto, config["inicios_grafica"]):
                continue
            fin = None
            for siguiente in bs[i + 1 :]:
                if _empieza_con(siguiente.texto, config["fin_grafica"]):
                    fin = siguiente.bbox[1]
                    break
                if sum(sum(ch.isalpha() for ch in t) >= 2 for t in siguiente.texto.split()) >= 12 or _empieza_con(
                    siguiente.texto, config["inicios_grafica"]
                ):  # a paragraph, another chart
                    fin = siguiente.bbox[1]
                    break
            zonas.setdefault(pagina, []).append((b.bbox[3], fin if fin is not None else float("inf")))
    return zonas


def _dentro_y(bbox: BBox, zona: tuple[float, float]) -> bool:
    centro = (bbox[1] + bbox[3]) / 2
    return zona[0] <= centro <= zona[1]


def _auditar_linea(linea: LineaSuelta, narrativa: set[str], paginas: int, auditoria: Auditoria) -> bool:
    """Account for the numbers of one line; True when one has no destination."""
    texto = linea.texto
    fechas = _tramos_fecha(texto)
    titulo = _empieza_con(texto, _config()["inicios_titulo_nota"]) or bool(_TITULO_NUMERADO.match(texto))
    prosa = _es_prosa(texto)
    alguna = False
    for _, bbox, n in _numeros_de_linea(linea):
        destino = _clase_en_linea(n, linea, fechas, titulo, prosa, narrativa, paginas)
        auditoria.anotar(destino, linea.pagina, n, texto)
        if destino == SIN_DESTINO:
            alguna = True
            auditoria.sin_destino.append(
                CifraSinDestino(
                    texto=n.texto,
                    contexto=texto[:300],
                    pagina=linea.pagina,
                    bbox=bbox,
                    motivo=motivo_de(SIN_DESTINO)
                    + (
                        " (dentro del marco de una tabla, en ninguna celda)"
                        if linea.en_tabla
                        else " (línea de texto junto a una tabla)"
                    ),
                )
            )
    return alguna


def _clase_en_linea(
    n: Numero, linea: LineaSuelta, fechas, titulo: bool, prosa: bool, narrativa: set[str], paginas: int
) -> str:
    if linea.repetida:
        return "pie_de_pagina"
    if _nucleo(n.texto) in narrativa:
        return "narrativa"
    if _en_tramos(n, fechas):
        return "fecha"
    if _es_anio(n):
        return "anio"
    if titulo:
        return "titulo_o_nota"
    if not linea.en_tabla and _PAGINA.match(linea.texto) and 0 < n.valor <= max(paginas, 1) * 2:
        return "pagina"
    if _es_codigo(n, linea.texto):
        return "codigo"
    if _nota_al_pie(n, linea.texto):
        return "nota_al_pie"
    if prosa and not linea.en_tabla:
        return "prosa"
    return SIN_DESTINO


# ----------------------------------------------------------------- helpers


def _nucleo(texto: Optional[str]) -> str:
    """The digits and separators of a figure's text ("$ 1.234,5" → "1.234,5")."""
    return re.sub(r"[^\d.,'’´]", "", texto or "").strip(".,'’´")


@lru_cache(maxsize=1 << 12)
def _tramos_fecha(texto: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _FECHA.finditer(texto))


def _en_tramos(n: Numero, tramos) -> bool:
    return any(a <= n.inicio and n.fin <= b for a, b in tramos)


def _token_de(n: Numero, texto: str) -> str:
    """The whitespace-delimited token of `texto` that holds the number."""
    for m in _TOKEN.finditer(texto):
        if m.start() <= n.inicio < m.end():
            return m.group(0).strip(",;:()")
    return n.texto


def _es_codigo(n: Numero, texto: str) -> bool:
    """A code, not a quantity: "1.2.3", "4599-01", "IP-115", after "MGA",
    "BPIN", "código", "Ley"…; a long bare run of digits (a BPIN)."""
    token = _token_de(n, texto)
    if CODIGO_NUMERICO.match(token) or CODIGO_LOCAL.match(token):
        return True
    if re.search(r"[A-Za-zÑñ]-?\d|\d-[A-Za-zÑñ]", token):  # "IP-115", "T1", "2A"
        return True
    if _CODIGO_ANTES.search(texto[: n.inicio]):
        return True
    digitos = n.texto.strip()
    return digitos.isdigit() and len(digitos) >= 10 and n.unidad == "numero"


def _nota_al_pie(n: Numero, texto: str) -> bool:
    """A footnote mark: "(1)" or "*2" after words, a small number in brackets."""
    token = _token_de(n, texto)
    if not _NOTA_AL_PIE.match(token) or n.valor > 20:
        return False
    antes = texto[: n.inicio]
    return any(ch.isalpha() for ch in antes) and (token.startswith(("(", "*")) or token.endswith(")"))


def _es_prosa(texto: str) -> bool:
    """Running text, not a row of a table: at least six words, and no two
    figures one after the other (a row ends in its figures)."""
    tokens = texto.split()
    palabras = [t for t in tokens if sum(ch.isalpha() for ch in t) >= 2]
    if len(palabras) < 6:
        return False
    cifras = [bool(re.search(r"\d", t)) and not any(ch.isalpha() for ch in t) for t in tokens]
    if any(a and b for a, b in zip(cifras, cifras[1:])):
        return False
    return not (cifras and cifras[-1] and sum(cifras) >= 2)
