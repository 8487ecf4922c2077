"""An indicator's data sheet ("ficha técnica", "hoja de vida del
indicador"): a labelled block of fields above the indicator's table of
periods.

    Código:               TIC-01
    Nombre del indicador: Trámites y servicios nuevos habilitados en línea
    Unidad de medida:     Número
    Línea base (2023):    14
    Meta 2025:            16
    Fecha de corte:       30/06/2025

    Mes     | Programado | Ejecutado
    Enero   | 1          | 0
    …

The block is written as "Label: value" lines (a PDF or DOCX page, a
sheet's label cells read as text) or as a key/value table (label cell,
value cell; two pairs per row too). It names the indicator the table of
periods below it is about, gives its unit, code and cut date, and its
baseline and targets are that indicator's figures. The label wordings are
data: esquemas/encabezados.yaml `ficha_indicador`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache, partial
from itertools import combinations
from typing import Optional

import esquemas
from esquemas import cargar_yaml
from extractor.castellano import palabras
from extractor.castellano.lemas import normalizar
from extractor.castellano.numeros import (
    Numero,
    buscar_numeros,
    es_vacio,
    escala_tras,
    leer_cantidad,
    leer_numero,
    sin_cota,
    sin_notas,
)
from extractor.castellano.periodos import MESES, Contexto, Periodo, fecha_corte_en, periodo_de_texto, periodo_para
from extractor.formatos.cajas import union
from extractor.modelo import BBox, BloqueTexto, Celda, Documento, Tabla
from extractor.resultado import FilaNoMapeada, Observacion
from extractor.tablas.celdas import AS_MONEY, referencia_excel, unidad
from extractor.tablas.columnas import celdas_distintas, del_cuatrienio, es_anio
from extractor.tablas.dinero import importes
from extractor.tablas.encabezados import clasificador, con_anios_apartados
from extractor.tablas.titulos import (
    CAPTION,
    MAX_BLOQUES_SECCION,
    ROTULO_DENTRO,
    encabezado_de_seccion,
    es_campo_ficha,
    indicador_del_titulo,
    sin_rotulo,
    titulos_de_tablas,
)

# fields that are figures: the indicator's measures and every money measure
# ("Presupuesto comprometido": compromisos) of esquemas/medidas.csv
MEDIDAS_FISICAS = frozenset({"linea_base", "meta", "meta_cuatrienio", "ejecutado", "acumulado", "avance_porcentual"})
MEDIDAS = MEDIDAS_FISICAS | esquemas.medidas_de_dinero()
MAX_ENTRE = 3  # text blocks between the block and its table (a title, "Seguimiento trimestral")
# a year or a range of years in a label ("Línea base (2023)", "Meta 2024-2027"), set aside to match it
_ANIOS = re.compile(r"\((?:[^)]*)\)|\b(?:19|20)\d\d\b(?:\s*[-–/]\s*(?:19|20)?\d\d\b)?")
# the longest label of a field ("Lo que llevamos en el cuatrienio (enero de 2020 a junio de 2021)")
MAX_LARGO_ETIQUETA = 80
_CAMPO = re.compile(rf"^\s*([^:\n]{{1,{MAX_LARGO_ETIQUETA}}}?)\s*:\s*(.*?)\s*$")  # "Label: value"
# "Cumplimiento 85,6 %", "Meta cuatrienio 2024-2027 120": a label (its years aside) and a figure, no colon
# (and its cut date: "Logro a 31-mar-2026 684 productores"; its unit after the figure, set apart)
# "31-mar-2026", "30/06/2018", "30 sep. 2025", "30 de septiembre de 2025"
_FECHA = (
    r"(?:\d{1,2}[-/](?:[^\W\d_]{3,10}|\d{1,2})[-/](?:19|20)?\d\d"
    r"|\d{1,2}\s+(?:de\s+)?[^\W\d_]{3,10}\.?\s+(?:de\s+)?(?:19|20)\d\d)"
)
# "2024-2027", "2024 – sep. 2025" after a label's words
_ANIOS_DEL_ROTULO = r"(?:\s+(?:19|20)\d\d(?:\s*[-–]\s*(?:[^\W\d_]{3,10}\.?\s+)?(?:19|20)\d\d)?)*" rf"(?:\s+{_FECHA})?"
_UNIDAD_TRAS_LA_CIFRA = r"(?:\s+[^\W\d_]{1,20}\.?(?:\s+[^\W\d_]{1,20})?)?"
_CAMPO_SIN_DOS_PUNTOS = re.compile(
    rf"^\s*([^\W\d_][^\d:\n]{{2,40}}?{_ANIOS_DEL_ROTULO})\s+([-−]?(?:\$\s?)?\d[\d.,]*(?:\s?%)?)"
    rf"{_UNIDAD_TRAS_LA_CIFRA}\s*$"
)
# a percentage before its label: "73,0 % de la meta" (a card's badge)
_CIFRA_Y_ROTULO = re.compile(r"^\s*(\d[\d.,]*\s?%)\s+([^\W\d_][^\d:\n]{2,40}?)\s*$")
# a target written as what the figure is part of: "de 150 programados para 2022" (under a card's big figure)
_DE_PROGRAMADOS = re.compile(
    r"^\s*de\s+(?:l[oa]s\s+)?(\d[\d.,]*\s?%?)\s+(?:[^\W\d_]+²?\s+){0,2}?((?:"  # "de 42,0 km programados"
    + "|".join(cargar_yaml("prosa.yaml")["sintagmas"]["dicen_la_meta"])
    + r")\w*(?:\s+\w+){0,4}?)\s*(?:[—–-]\s*(\d[\d.,]*\s?%))?\s*$",  # "… — 91,9 %": its share
    re.IGNORECASE,
)
# "de lo programado para 2024 (200)": the target under a card's share, in parentheses
_DE_LO_PROGRAMADO = re.compile(
    r"^\s*de\s+(lo\s+(?:programado|previsto|planeado|proyectado)\b[^()\d]*(?:(?:19|20)\d\d)?[^()\d]*)"
    r"\((\d[\d.,]*\s?%?)\)\s*$",
    re.IGNORECASE,
)
# "de $ 110.000.000 que teníamos para el año": the budget beside a card's money spent
_DE_DISPONIBLES = re.compile(
    r"^\s*de\s+(?:l[oa]s\s+)?(\$\s?\d[\d.,']*)\s+((?:"
    + "|".join(map(re.escape, cargar_yaml("prosa.yaml")["sintagmas"]["dicen_lo_disponible"]))
    + r")\b.*)$",
    re.IGNORECASE,
)
# "$ 286.450.000 de $ 310.000.000 que …", "Invertimos $ 84.500.000 de los $ 90.000.000 disponibles"
_CON_DISPONIBLES = re.compile(r"(\$\s?\d[\d.,']*)\s+(de\s+(?:l[oa]s\s+)?\$.*)$")
# a share after the figure it is about: "162 jóvenes, es decir, el 108,0 % de lo programado"
_Y_SU_PORCENTAJE = re.compile(r",\s*(?:es decir,?\s*)?(?:el\s+)?(\d[\d.,]*\s?%)\s+(de\s+[^\W\d_][^\d,;]{2,40}?)\s*\.?$")
# the same share in parentheses: "Logro: 298 (93,1 %)", "79 (98,8 % de la meta)"
_SU_PORCENTAJE_ENTRE_PARENTESIS = re.compile(
    r"(?<=\d)\s*\(\s*(\d[\d.,]*\s?%)(?:\s+del?\s+[^\W\d_][^()\d]{0,40}?)?\s*\)\s*\.?$"  # "(98,8 % de la meta)"
)
_VINETA = re.compile(r"^\s*[▸►▪•·*–-]\s*")
_PORCENTAJE_SOLO = re.compile(r"\s*\d[\d.,]*\s?%\s*")
# several fields on one line: "Unidad: Número · Meta: 16", "Programado: 180 → Alcanzado: 164"
_SEPARADORES = re.compile(r"\n|\t|\s[·|]\s|\s*[→⇒]\s*")


@lru_cache(maxsize=1)
def _etiquetas() -> dict[str, str]:
    """Label wording (normalized) → role."""
    roles = cargar_yaml("encabezados.yaml").get("ficha_indicador", {})
    return {_plano(t): rol for rol, textos in roles.items() for t in textos}


@lru_cache(maxsize=1)
def _nombres_largos() -> tuple[str, ...]:
    """The name's wordings of two words or more ("nombre del indicador", "indicador de producto")."""
    return tuple(t for t, rol in _etiquetas().items() if rol == "nombre" and len(t.split()) >= 2)


@lru_cache(maxsize=1)
def _rotulos_de_contexto() -> frozenset[str]:
    return frozenset(_plano(t) for t in cargar_yaml("encabezados.yaml").get("rotulos_de_contexto", []))


# the cut date a label ends with: "Logro a 31-mar-2026", "Avance al 30/06/2025"
_CORTE_DEL_ROTULO = re.compile(rf"\s+(?:a|al|corte)?\s*{_FECHA}\s*$")


# the months of a label's period: "Acumulado 2024 – mar. 2026", "Logro enero – junio"
_MESES_DEL_ROTULO = re.compile(
    r"\b(?:" + "|".join(sorted({m for m in MESES} | {m[:3] for m in MESES}, key=len, reverse=True)) + r")\b\.?"
)


def _plano(etiqueta: str) -> str:
    sin_anios = _ANIOS.sub(" ", _CORTE_DEL_ROTULO.sub(" ", normalizar(etiqueta)))
    sin_anios = _MESES_DEL_ROTULO.sub(" ", sin_anios)
    sin_anios = re.sub(r"\s[-–]\s", " ", f" {sin_anios} ")
    return " ".join(sin_anios.replace(":", " ").split()).strip(" .-–")


def rol_de_etiqueta(etiqueta: str) -> Optional[str]:
    """The field a label names ("Meta de la vigencia:" → "meta", "Línea
    base (2023)" → "linea_base"), or None."""
    return _etiquetas().get(_plano(etiqueta)) if etiqueta and len(etiqueta) <= MAX_LARGO_ETIQUETA else None


MAX_PALABRAS_ROTULO = 3  # words of a card's label ("% de logro", "Meta anual")
MAX_PALABRAS_LEYENDA = 6  # …and of the caption under its big figure ("de la meta 2024 cumplida")
ANCHO_TARJETA = 200.0  # points from a card's label to the start of its figure at most (a right-aligned "87,5 %")
HUECO_ROTULO_CIFRA = 36.0  # points between a card's label and the figure under it at most
MAX_PALABRAS_EN_FICHA = 14  # words of a label among a named indicator's fields


def rol_de_celda(etiqueta: str) -> Optional[str]:
    """The field a label cell of a key/value table names: a label of
    `ficha_indicador`, else what the label would be as a column header
    ("Código del producto (MGA)" → codigo, "Avance a septiembre" →
    ejecutado, "Recursos asignados" → recursos_programados)."""
    rol = rol_de_etiqueta(etiqueta)
    if rol is not None or not etiqueta or len(etiqueta) > MAX_LARGO_ETIQUETA:
        return rol
    encabezados = clasificador()
    medida, rol_columna = encabezados.medida(etiqueta), encabezados.rol(etiqueta)
    plano = f" {_plano(etiqueta)} "
    if medida is None and any(f" {n} " in plano for n in _nombres_largos()):
        return "nombre"  # "Nombre del indicador de producto": a wording of the name inside a longer label
    if "codigo" in (rol_columna, encabezados.no_valor(etiqueta)):
        return "codigo"
    if rol_columna == "unidad":
        return "unidad"
    return medida if medida in MEDIDAS else None


@dataclass
class Campo:
    """One field of the block: its role, label and value as written, and where."""

    rol: Optional[str]  # esquemas/encabezados.yaml `ficha_indicador`; None for another field ("Fórmula")
    etiqueta: str
    valor: str
    pagina: Optional[int]
    bbox: Optional[BBox] = None
    celda: Optional[Celda] = None  # the value cell of a key/value table
    tabla: Optional[int] = None


@dataclass
class Ficha:
    campos: list[Campo] = field(default_factory=list)
    tablas: list[int] = field(default_factory=list)  # its key/value tables
    bajo_su_tabla: bool = False  # the fields under its table of periods: the next table is another's

    def valor(self, rol: str) -> Optional[str]:
        return next((c.valor for c in self.campos if c.rol == rol and c.valor.strip()), None)

    @property
    def nombre(self) -> Optional[str]:
        nombre = self.valor("nombre")
        return " ".join(nombre.split()) if nombre and any(ch.isalpha() for ch in nombre) else None

    @property
    def valida(self) -> bool:
        """It names its indicator and says at least one more thing about it."""
        return self.nombre is not None and any(c.rol not in (None, "nombre") for c in self.campos)

    def _anio_de_rotulos(self) -> Optional[int]:
        """The one year its measures' labels name ("Meta 2017"; not a baseline's), or None."""
        anios = {
            int(m.group())
            for c in self.campos
            if c.rol in MEDIDAS and c.rol != "linea_base"
            for m in re.finditer(r"\b(?:19|20)\d\d\b", c.etiqueta)
        }
        return anios.pop() if len(anios) == 1 else None

    def contexto(self, ctx: Contexto) -> Contexto:
        """The report context as the block dates it: its own year ("Vigencia:
        2024") or cut ("Fecha de corte: 30/06/2025") over the document's."""
        anio_texto = self.valor("vigencia")
        n = leer_numero(anio_texto) if anio_texto else None
        anio = int(n.valor) if n is not None and n.valor.is_integer() and 1990 <= n.valor <= 2100 else None
        if anio is None and ctx.vigencia is None:
            anio = self._anio_de_rotulos()  # a card of a plan's report: "Meta 2017: 250 ha" dates it
        texto_corte = self.valor("corte")
        corte = fecha_corte_en(f"corte {texto_corte}", anio or ctx.vigencia) if texto_corte else None
        anio = anio or (corte.year if corte else None)
        if anio is None or (anio == ctx.vigencia and (corte is None or ctx.fecha_corte is not None)):
            return ctx
        if anio == ctx.vigencia:
            return replace(ctx, fecha_corte=corte)
        corte = corte if corte and corte.year == anio else None
        return replace(
            ctx,
            vigencia=anio,
            fecha_corte=corte,
            periodo_inicio=date(anio, 1, 1),
            periodo_fin=corte or date(anio, 12, 31),
        )


@dataclass
class Fichas:
    """The data sheets of a document."""

    fichas: list[Ficha] = field(default_factory=list)
    de_tabla: dict[int, Ficha] = field(default_factory=dict)  # a table → the block right above it
    # a key/value table → the blocks it is part of (several: one table of fields per indicator, one after another)
    de_campos: dict[int, list[Ficha]] = field(default_factory=dict)


def campos_de_texto(bloque: BloqueTexto, en_ficha: bool = False) -> list[Campo]:
    """The "Label: value" fields of a text block ("Indicador: …", "Meta de
    la vigencia: 1.500"); none when it holds none of `ficha_indicador`. A
    figure alone on the block's first line is the result it reports (the
    big figure of a card). `en_ficha`: the block follows a named
    indicator's fields, where a long label worded as a column's header is
    one too ("Lo que nos propusimos para el cuatrienio 2020-2023: 800")."""
    en_tarjeta = bloque.recuadro is not None
    partes = [
        campo
        for parte in _SEPARADORES.split(bloque.texto)
        for oracion in _oraciones_rotuladas(parte)
        for campo in _campos_seguidos(oracion)
    ]
    campos: list[Campo] = []
    periodo = partes.pop(0).strip() if len(partes) > 1 and _solo_periodo(partes[0]) else None
    if partes and (m := _NOMBRE_Y_CAMPO.match(partes[0])) and rol_de_etiqueta(m.group(2).split(":")[0]):
        # "Viviendas de interés social nuevas entregadas. Meta 2022: 40 · Logro: 36 (90,0 %)"
        campos.append(Campo("nombre", "", m.group(1).strip(), bloque.pagina, bloque.bbox))
        partes[0] = m.group(2)
    for parte in partes:
        if (m := _CAMPO.match(parte)) and m.group(2) and (dineros := _dineros_rotulados(m.group(2))):
            # "Recursos: programados $ 142.500.000; ejecutados $ 139.980.000"
            campos.extend(Campo(rol, palabra, cifra, bloque.pagina, bloque.bbox) for rol, palabra, cifra in dineros)
            continue
        if (m := _CAMPO.match(parte)) and m.group(2) and (frase := _meta_en_frase(m.group(1), m.group(2))):
            # "Meta: Realizar 12 consejos municipales de seguridad": the target, and the sentence its name
            nombre, cifra = frase
            if not any(c.rol == "nombre" for c in campos):
                campos.append(Campo("nombre", "", nombre, bloque.pagina, bloque.bbox))
            campos.append(Campo("meta", m.group(1), cifra, bloque.pagina, bloque.bbox))
            continue
        if (m := _CAMPO.match(parte)) and m.group(2):
            valor, disponible = _gastado_y_disponible(m.group(2))
            if disponible:  # "Plata invertida: $ 286.450.000 de $ 310.000.000 que teníamos disponibles"
                campos.append(Campo("recursos_programados", disponible[0], disponible[1], bloque.pagina, bloque.bbox))
            max_palabras = MAX_PALABRAS_EN_FICHA if en_ficha else MAX_PALABRAS_ROTULO
            rotulo = m.group(1)
            cifra, porcentaje = _y_su_porcentaje(valor, rol_de_etiqueta(rotulo) or rol_de_celda(rotulo), rotulo)
            if porcentaje:  # "Logro: 298 (93,1 %)"
                valor = cifra
                campos.append(Campo("avance_porcentual", *porcentaje, bloque.pagina, bloque.bbox))
            if rol_de_etiqueta(rotulo):
                valor = _cifra_al_comienzo(valor)  # "Logro: 6 cámaras instaladas y en funcionamiento"
            campos.append(
                Campo(_rol_de_campo(m.group(1), valor, max_palabras), m.group(1), valor, bloque.pagina, bloque.bbox)
            )
            continue
        elif (
            (m := _CAMPO_SIN_DOS_PUNTOS.match(_sin_cota_tras_rotulo(parte)))
            # (in a card, a label worded as a column's header too: "Programado vigencia 2018 …… 1.850")
            and (rol_de_etiqueta(m.group(1)) or (_rol_de_campo(m.group(1), m.group(2)) if en_tarjeta else None))
            in MEDIDAS
            and (n := leer_numero(m.group(2))) is not None
            and not es_anio(n)  # "Meta 2023" is a header, not a field
        ):
            rol = _rol_de_campo(m.group(1), m.group(2))  # "Cumplimiento 85,6 %": no colon
        elif (m := _CIFRA_Y_ROTULO.match(parte)) and rol_de_etiqueta(m.group(2)) == "avance_porcentual":
            campos.append(Campo("avance_porcentual", m.group(2), m.group(1), bloque.pagina, bloque.bbox))
            continue
        elif campos and campos[-1].rol == "meta" and _PORCENTAJE_SOLO.fullmatch(parte):
            # "de 1.200 programados · 103,3 %": the share after the target
            campos.append(Campo("avance_porcentual", "", parte.strip(), bloque.pagina, bloque.bbox))
            continue
        elif m := _DE_PROGRAMADOS.match(parte):
            campos.append(Campo("meta", m.group(2), m.group(1), bloque.pagina, bloque.bbox))
            if m.group(3):
                campos.append(Campo("avance_porcentual", "", m.group(3), bloque.pagina, bloque.bbox))
            continue
        elif m := _DE_LO_PROGRAMADO.match(parte):
            campos.append(Campo("meta", m.group(1), m.group(2), bloque.pagina, bloque.bbox))
            continue
        elif m := _DE_DISPONIBLES.match(parte):
            campos.append(Campo("recursos_programados", m.group(2), m.group(1), bloque.pagina, bloque.bbox))
            continue
        else:
            # among fields, a short line of money whose words (or its place) say what it is:
            # "Inversión $ 186.400.000 de $ 200.000.000", "Invertido $ 18.600.000 (programado $ 24.000.000)"
            if any(c.rol in MEDIDAS for c in campos) and len(parte.split()) <= MAX_PALABRAS_LINEA_DE_DINERO:
                campos += [
                    Campo(i.medida, parte.strip(), i.numero.texto, bloque.pagina, bloque.bbox)
                    for i in importes(parte, _UN_ANIO, con_etiqueta=True)
                ]
            continue
        campos.append(Campo(rol, m.group(1), m.group(2), bloque.pagina, bloque.bbox))
    if not any(c.rol for c in campos):
        return []
    if periodo:  # "III trimestre 2021 · programado 4 · ejecutado 3": the period of every field after it
        campos = [
            c if periodo_de_texto(c.etiqueta, _UN_ANIO) else replace(c, etiqueta=f"{c.etiqueta} ({periodo})")
            for c in campos
        ]
    if _VINETA.match(partes[0]) and not any(ch.isdigit() or ch == ":" for ch in partes[0]):
        if not any(c.rol == "nombre" for c in campos):  # "• Viviendas mejoradas" over "Meta 2024: 60 · Logro: 58"
            campos.insert(0, Campo("nombre", "", _VINETA.sub("", partes[0]).strip(), bloque.pagina, bloque.bbox))
        return campos
    cifra = partes[0].strip()
    if not _CAMPO.match(cifra) and leer_numero(cifra) is not None and not any(c.rol == "ejecutado" for c in campos):
        # a card's big figure over its fields ("1.046 / Meta: 1.120 / Cumplimiento: 93,4 %"): the result
        campos.insert(0, Campo("ejecutado", "", cifra, bloque.pagina, bloque.bbox))
    return campos


_UN_ANIO = Contexto(vigencia=2000)  # any year: what a label says, not when
MAX_PALABRAS_LINEA_DE_DINERO = 12  # words of a line of money among a card's fields

# a field's figure and the next field's label on one line, no separator: "Meta 2013 350 Línea base 2011 240"
_FIGURA_Y_ROTULO = re.compile(
    r"(?<=\d)(\s?%)?\s+(?=[A-ZÁÉÍÓÚÑ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}\s+(?:(?:19|20)\d\d\b|[-−$\d]))"
)


def _campos_seguidos(parte: str) -> list[str]:
    """A line of fields set one after another without a separator ("Meta
    2013 350 Línea base 2011 240") split into its fields when every piece is
    a label that names a measure and its figure; the line itself otherwise."""
    trozos, inicio = [], 0
    for m in _FIGURA_Y_ROTULO.finditer(parte):
        trozos.append(parte[inicio : m.start() + len(m.group(1) or "")])
        inicio = m.end()
    trozos.append(parte[inicio:])

    def es_campo(trozo: str) -> bool:
        m = _CAMPO_SIN_DOS_PUNTOS.match(_sin_cota_tras_rotulo(trozo))
        return m is not None and rol_de_etiqueta(m.group(1)) in MEDIDAS

    return trozos if len(trozos) > 1 and all(map(es_campo, trozos)) else [parte]


def _sin_cota_tras_rotulo(parte: str) -> str:
    """A field without the bound sign before its figure ("Meta 2013 ≤ 5,0 %")."""
    return re.sub(r"(?<=\s)(?:≤|≥|<=|>=|<|>)\s*(?=[\d$])", "", parte)


MAX_PALABRAS_PERIODO = 5  # words of a period opening a line of fields ("III trimestre 2021")


def _solo_periodo(texto: str) -> bool:
    """A period alone, no figure but its year ("III trimestre 2021", "Enero a junio de 2022")."""
    texto = texto.strip()
    return (
        len(texto.split()) <= MAX_PALABRAS_PERIODO
        and not any(ch.isdigit() for ch in _ANIO.sub("", texto))
        and periodo_de_texto(texto, _UN_ANIO) is not None
    )


# an indicator's name, then its first field: "Viviendas … entregadas. Meta 2022: 40", "Parques … — Meta 2022: 14"
_NOMBRE_Y_CAMPO = re.compile(r"^\s*([^\W\d_][^:.—–]{10,200}?)(?:\.\s+|\s+[—–]\s+)([A-ZÁÉÍÓÚÑ][^:]{0,40}:\s*\S.*)$")
# a sentence of a paragraph of fields ends and the next opens with its label: "… en la vigencia. Logro: 12 …"
_ORACION_Y_ROTULO = re.compile(r"(?<=[.;])\s+(?=[A-ZÁÉÍÓÚÑ][^\W\d_]*(?:\s+[^\W\d_]+){0,4}\s*:)")


def _oraciones_rotuladas(parte: str) -> list[str]:
    """A paragraph of labelled sentences ("Meta: … . Logro: … . Avance: 75 %.")
    split into its fields, where the next sentence opens with a field's
    label; the paragraph whole otherwise."""
    trozos = _ORACION_Y_ROTULO.split(parte)
    if len(trozos) < 2 or not all(
        (m := _CAMPO.match(t)) and (rol_de_etiqueta(m.group(1)) or rol_de_celda(m.group(1))) for t in trozos
    ):
        return [parte]
    return [t.strip().rstrip(".").strip() for t in trozos]


_DINERO_ROTULADO = re.compile(r"([^\W\d_]+)\s+(\$\s?\d[\d.,']*)")


def _dineros_rotulados(valor: str) -> list[tuple[str, str, str]]:
    """(measure, word, money) of "programados $ 142.500.000; ejecutados $
    139.980.000": each amount named by the word before it as the money of a
    target or of a result; [] unless there are two or more, all named."""
    pares = _DINERO_ROTULADO.findall(valor)
    salida = []
    for palabra, cifra in pares:
        rol = rol_de_celda(palabra)
        dinero = rol if rol in esquemas.medidas_de_dinero() else AS_MONEY.get(rol or "")
        if dinero is None:
            return []
        salida.append((dinero, palabra, cifra))
    return salida if len(salida) >= 2 else []


def _meta_en_frase(etiqueta: str, valor: str) -> Optional[tuple[str, str]]:
    """(the sentence, its figure) of a target written as a sentence with one
    figure ("Meta: Instalar 8 cámaras de videovigilancia en puntos
    críticos"; a baseline in parentheses aside), or None."""
    if rol_de_etiqueta(etiqueta) != "meta" or _numero(valor) is not None:
        return None
    frase = re.sub(r"\s*\([^)]*\)", "", valor).strip().rstrip(".")
    cifras = [n for n in buscar_numeros(frase) if not es_anio(n)]
    if len(cifras) != 1 or len(frase.split()) < 3 or not frase[:1].isalpha():
        return None
    return frase, cifras[0].texto


def _cifra_al_comienzo(valor: str) -> str:
    """The figure a value opens with when words follow it ("12 consejos
    realizados, con actas", "1.420,5 metros lineales"); the value otherwise."""
    if _numero(valor) is not None:
        return valor
    cifras = buscar_numeros(valor)
    if cifras and cifras[0].inicio == 0:
        escala = escala_tras(valor, cifras[0].fin)  # "$ 104.650 millones 94,0 %": the figure with its scale
        return valor[: cifras[0].fin] + (f" {escala[0]}" if escala else "")
    return valor


_VACIAS = frozenset(palabras.lista("palabras_de_enlace"))  # esquemas/castellano.yaml


def _palabras_llenas(etiqueta: str) -> list[str]:
    """The words of a label that say something ("Avance acumulado del plan": avance, acumulado, plan)."""
    return [p for p in _plano(etiqueta).split() if p not in _VACIAS]


def _rol_de_campo(etiqueta: str, valor: str, max_palabras: int = MAX_PALABRAS_ROTULO) -> Optional[str]:
    """The role of a "Label: value" line (a label of `ficha_indicador`, or over
    a figure one worded as a column's header, of `max_palabras` at most); a
    percentage's label over a figure that is no percentage ("Avance: 214")
    is what was achieved."""
    rol = rol_de_etiqueta(etiqueta)
    n = _numero(valor.strip())  # "3.200 niños y niñas": a figure with what it counts
    if rol is None and n is not None and len(_palabras_llenas(etiqueta)) <= max_palabras:
        # "Programado: 420", "% de logro: 94,8 %": a short label worded as a column's header, over a
        # figure that is neither money nor a year; "Plata invertida: $ 286.450.000": money's label over money
        celda = rol_de_celda(etiqueta)
        de_dinero = celda in esquemas.medidas_de_dinero() and n.unidad == "pesos"
        rol = celda if (celda in MEDIDAS_FISICAS and n.unidad != "pesos" or de_dinero) and not es_anio(n) else None
    if rol == "avance_porcentual" and n is not None and n.unidad != "porcentaje":
        return "ejecutado"
    return rol


def _es_etiqueta(texto: str) -> bool:
    """A field's label: a known one, or one a column header would have
    ("Observaciones", "Responsable": fields without a figure)."""
    texto = texto.strip()
    return (
        bool(texto)
        and len(texto) <= MAX_LARGO_ETIQUETA
        and (
            texto.endswith((":", "?"))  # "¿Qué hicimos?": a question is a label
            or rol_de_celda(texto) is not None
            or es_campo_ficha(f"{texto.rstrip(':')}: x")
            or clasificador().rol(texto) in ("ignorar", "acumulacion")  # "Tipo de acumulación": it describes
            or _plano(texto.rstrip(":")) in _rotulos_de_contexto()  # "Programa": where it is in the plan
        )
    )


MAX_PALABRAS_CAMPO = 6  # words of a field's label written in its cell ("Periodicidad de reporte")


def _campos_en_celdas(tabla: Tabla) -> list[Campo]:
    """The fields of a table whose every filled cell is a whole field
    ("Línea base (2023): 3.850" | "Meta del cuatrienio: 5.200"), two of them
    at least with a label of `ficha_indicador`, or none."""
    celdas = [c for fila in tabla.rejilla() for c in celdas_distintas(fila) if c.texto.strip()]
    partes = [" ".join(c.texto.split()).partition(":") for c in celdas]
    if not all(
        dos and valor.strip() and len(etiqueta.split()) <= MAX_PALABRAS_CAMPO for etiqueta, dos, valor in partes
    ):
        return []
    if sum(_es_etiqueta(etiqueta) for etiqueta, _, _ in partes) < 2:
        return []
    campos = [
        Campo(rol_de_celda(etiqueta.strip()), etiqueta.strip(), valor.strip(), c.pagina, c.bbox, c, tabla.indice)
        for c, (etiqueta, _, valor) in zip(celdas, partes)
    ]
    return campos if any(c.rol for c in campos) else []


@lru_cache(maxsize=1)
def _palabras_de_encabezado() -> frozenset[str]:
    return frozenset(_plano(p) for p in cargar_yaml("encabezados.yaml")["encabezados_de_ficha"])


def _encabezado_de_ficha(fila) -> bool:
    celdas = [c for c in celdas_distintas(fila) if c.texto.strip()]
    return len(celdas) >= 2 and all(_plano(c.texto) in _palabras_de_encabezado() for c in celdas)


def campos_de_tabla(tabla: Tabla) -> list[Campo]:
    """The fields of a key/value table (a label cell, its value cell to the
    right; one or two pairs per row; or each cell a whole "Label: value"),
    or none when the table is anything else: every row with several cells
    must be label/value pairs, at least two of them, one of `ficha_indicador`."""
    if en_celdas := _campos_en_celdas(tabla):
        return en_celdas
    campos: list[Campo] = []
    encabezados: list[Celda] = []  # the rows of one cell above the first field: a card's heading
    pares = 0
    filas = tabla.rejilla()
    if filas and (_encabezado_de_ficha(filas[0]) or _encabezado_sin_campos(filas[0])):
        filas = filas[1:]  # "Concepto | Valor", "Lo que usted nos preguntó | Lo que le respondemos | ¿Cumplimos?"
    for fila in filas:
        celdas = [c for c in celdas_distintas(fila) if c.texto.strip()]
        if len(celdas) == 3 and all(_es_etiqueta(c.texto) and not _con_cifra(c.texto) for c in celdas):
            continue  # a row of headers ("Unidad de medida | Línea base (2017) | Meta del año 2018")
        texto_cuota = celdas[2].texto if len(celdas) == 3 else ""
        if (
            len(celdas) == 3
            and _es_etiqueta(celdas[0].texto)
            and (_PORCENTAJE.search(texto_cuota) or not any(ch.isdigit() for ch in texto_cuota))
        ):
            # label | value | its share ("Sí ✔ 108,0 % de lo que nos tocaba"); a share column without one ("—")
            etiqueta, valor, cuota = celdas
            rotulo = etiqueta.texto.strip()
            campos.extend(_campos_de_par(rotulo.rstrip(":").strip(), valor, tabla.indice))
            if _con_cifra(valor.texto) and (pct := _PORCENTAJE.search(texto_cuota)) is not None:
                campos.append(
                    Campo("avance_porcentual", rotulo, pct.group(), cuota.pagina, cuota.bbox, cuota, tabla.indice)
                )
            pares += 1
            continue
        if len(celdas) < 2:
            unica = celdas[0] if celdas else None
            if unica is not None and not campos and _encabezado_de_tarjeta(unica.texto):
                encabezados.append(unica)  # "EDUCACIÓN · MP 1.1.4" over "Kits escolares entregados …"
                continue
            if unica is not None and (en_celda := campos_de_texto(BloqueTexto(unica.texto, unica.pagina or 0))):
                # a row across the table that is a field itself ("Indicador del Plan: Jóvenes …")
                campos.extend(replace(c, bbox=unica.bbox, celda=unica, tabla=tabla.indice) for c in en_celda)
            elif celdas and _es_etiqueta(celdas[0].texto):  # a label whose value is blank
                campos.append(
                    Campo(
                        rol_de_celda(celdas[0].texto.strip().rstrip(":")),
                        celdas[0].texto,
                        "",
                        celdas[0].pagina,
                        tabla=tabla.indice,
                    )
                )
            continue
        if len(celdas) % 2 or not all(_es_etiqueta(c.texto) for c in celdas[::2]):
            return []
        for etiqueta, valor in zip(celdas[::2], celdas[1::2]):
            campos.extend(_campos_de_par(etiqueta.texto.strip().rstrip(":").strip(), valor, tabla.indice))
            pares += 1
    if encabezados and not any(c.rol == "nombre" for c in campos):
        # the card's name: its heading's lines but the bands in capitals (the sector, the programme)
        lineas = [l for c in encabezados for l in c.texto.split("\n") if l.strip()]
        texto = " ".join(l for l in lineas if not l.isupper()) or lineas[-1]
        celda = encabezados[-1]
        campos.insert(0, Campo("nombre", "", " ".join(texto.split()), celda.pagina, celda.bbox, celda, tabla.indice))
    return campos if pares >= 2 and any(c.rol for c in campos) else []


def _encabezado_de_tarjeta(texto: str) -> bool:
    """A row of one cell that can head a card: words, no field, no label,
    no figure but a code's ("SALUD · MP 1.3.2")."""
    texto = " ".join(texto.split())
    return (
        len(re.findall(r"[^\W\d_]{3,}", texto)) >= 2
        and not _es_etiqueta(texto)
        and not _con_cifra(re.sub(r"\b[A-ZÁÉÍÓÚ]{1,4}[-\s]?\d[\d.]*\b", "", texto))
        and not campos_de_texto(BloqueTexto(texto, 0))
    )


_PORCENTAJE = re.compile(r"\d[\d.,]*\s?%")


def _con_cifra(texto: str) -> bool:
    """A figure in the text that is no year."""
    return any(not es_anio(n) for n in buscar_numeros(texto))


def _encabezado_sin_campos(fila) -> bool:
    """A first row of two or three header cells without figures, the first
    no field's label ("Lo que usted nos preguntó | Lo que le respondemos | ¿Cumplimos?")."""
    celdas = [c for c in celdas_distintas(fila) if c.texto.strip()]
    return (
        2 <= len(celdas) <= 3
        and not any(ch.isdigit() for c in celdas for ch in c.texto)
        and rol_de_celda(" ".join(celdas[0].texto.split()).rstrip(":")) is None
    )


def _gastado_y_disponible(texto: str) -> tuple[str, Optional[tuple[str, str]]]:
    """The money spent and (label, money budgeted) of "$ 84.500.000 de los $
    90.000.000 disponibles"; the text as it is and None when it says no budget."""
    if (d := _CON_DISPONIBLES.search(texto)) and (disponibles := _DE_DISPONIBLES.match(d.group(2))):
        return d.group(1), (disponibles.group(2), disponibles.group(1))
    return texto, None


def _campos_de_par(etiqueta: str, valor: Celda, tabla: int) -> list[Campo]:
    """The fields of a label cell and its value cell. A value written as a
    field of its own ("¿Qué prometimos para los cuatro años?" |
    "▸ Nos comprometimos a: 600 jóvenes") is read with both labels; a
    budget beside the money ("… $ 84.500.000 de los $ 90.000.000
    disponibles") and a share after the figure ("…, es decir, el 108,0 % de
    lo programado") are fields too."""
    texto = _VINETA.sub("", " ".join(valor.texto.split()))
    rotulo = etiqueta
    if (m := _CAMPO.match(texto)) and m.group(2) and any(ch.isdigit() for ch in m.group(2)):
        rotulo, texto = f"{etiqueta} {m.group(1)}", m.group(2)
    campo = partial(Campo, pagina=valor.pagina, bbox=valor.bbox, celda=valor, tabla=tabla)
    campos = []
    texto, disponible = _gastado_y_disponible(texto)
    if disponible:
        campos.append(campo("recursos_programados", *disponible))
    rol = rol_de_celda(rotulo) or rol_de_celda(etiqueta) if rotulo != etiqueta else rol_de_celda(etiqueta)
    texto, porcentaje = _y_su_porcentaje(texto, rol, rotulo)
    if porcentaje:
        campos.append(campo("avance_porcentual", *porcentaje))
    return [campo(rol, rotulo, texto), *campos]


def _y_su_porcentaje(texto: str, rol: Optional[str], etiqueta: str) -> tuple[str, Optional[tuple[str, str]]]:
    """The figure and (label, share) of an achieved figure followed by its
    share of the target: "162 jóvenes, es decir, el 108,0 % de lo
    programado", "298 (93,1 %)" (the figure's `etiqueta` dates that share);
    the text as it is and None otherwise."""
    if (p := _Y_SU_PORCENTAJE.search(texto)) and rol_de_etiqueta(p.group(2)) == "avance_porcentual":
        return texto[: p.start()].strip(), (p.group(2), p.group(1))
    if rol in ("ejecutado", "acumulado") and (p := _SU_PORCENTAJE_ENTRE_PARENTESIS.search(texto)):
        return texto[: p.start()].strip(), (etiqueta, p.group(1))
    return texto, None


# a heading's list number: "1. ", "2.3 ", "a) "
_NUMERACION = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\))\s+", re.IGNORECASE)
MAX_PALABRAS_ENCABEZADO = 25


ROTULO_FICHA = "rótulo de ficha"  # the label of a name taken from a "Ficha 6/9 · …" heading
_ROTULOS_DE_FICHA = tuple(normalizar(r) for r in cargar_yaml("encabezados.yaml")["rotulos_de_ficha"])


def _rotulo_de_ficha(bloque: BloqueTexto) -> Optional[str]:
    """The indicator a numbered data-sheet heading names ("Ficha 6/9 · Niños
    y niñas con valoración nutricional"), or None."""
    texto = " ".join(bloque.texto.split())
    if "\n" in bloque.texto.strip() or not CAPTION.match(texto):
        return None
    if not normalizar(texto).startswith(_ROTULOS_DE_FICHA):
        return None
    nombre = sin_rotulo(texto)
    return nombre if re.search(r"[^\W\d_]{3}", nombre) else None


# units written after a card's big figure ("64,5 ha"): no word of the label under it
_UNIDADES = frozenset(normalizar(u) for u in cargar_yaml("prosa.yaml")["sintagmas"]["unidades"])


def _encabezado_como_nombre(bloque: Optional[BloqueTexto], en_ficha: bool = False) -> Optional[str]:
    """The indicator a block of fields without a name field is about: the
    heading right above it ("1. Proporción de gestantes captadas antes de
    la semana 12" over "Meta 2022: 85 % | Logro: 78,4 %"), bold or short,
    without its list number; None when the block above is prose or a field
    (`en_ficha`: of the indicator being read)."""
    if bloque is None or campos_de_texto(bloque, en_ficha) or rol_de_etiqueta(bloque.texto.strip()) in MEDIDAS:
        return None  # (nor "Resultado 2013" under a card's big figure: its label)
    if (campo := _CAMPO.match(bloque.texto.strip())) and _con_cifra(campo.group(2)):
        return None  # "Programado: $ 3.804,6 millones": a field, even one not read
    lineas = bloque.texto.strip().split("\n")
    if len(lineas) > 1 and normalizar(lineas[0]).strip() in _UNIDADES:
        lineas = lineas[1:]  # "ha" of the big figure above, printed beside the label's first line
    lineas[0] = _INSIGNIA_DE_AVANCE.sub("", lineas[0])  # "Menores de 1 año con  48,6 %": the badge
    texto = " ".join(" ".join(lineas).split())
    if len(texto.split()) > MAX_PALABRAS_ENCABEZADO or (texto.endswith(".") and not bloque.negrita):
        return None
    nombre = _NUMERACION.sub("", texto).strip(" :")
    if nombre[:1].islower():
        return None  # "de la meta del año": the caption under a figure, not a heading
    return nombre if re.search(r"[^\W\d_]{3}", nombre) else None


# a percentage badge printed at the end of a tile's heading's first line ("Menores de 1 año con   48,6 %")
_INSIGNIA_DE_AVANCE = re.compile(r"(?:(?<=[^\W\d_])|(?<=[,;:]))\s+(\d[\d.,]*\s?%)\s*$")


def _avance_en_insignia(bloque: BloqueTexto) -> Optional[str]:
    """The percentage badge at the end of a heading's first line, or None."""
    m = _INSIGNIA_DE_AVANCE.search(bloque.texto.strip().split("\n")[0])
    return m.group(1) if m else None


def leer_fichas(doc: Documento, hojas: bool = False, titulos: Optional[dict[int, list[str]]] = None) -> Fichas:
    """Every data sheet of `doc`, in reading order: the fields gathered from
    text blocks and key/value tables until the next other table (the
    block's table of periods). A workbook's sheet or a page after the next
    one, or more than a few other text blocks, end a block without a table.
    `hojas`: the document is a workbook (each sheet is a page). `titulos`:
    each table's titles (`titulos_de_tablas`), when the caller has them."""
    salida = Fichas()
    titulos = titulos_de_tablas(doc) if titulos is None else titulos
    bloques, rotulados = _rotulos_sobre_cifras(doc.bloques)
    actual = Ficha()
    entre = 0  # other text blocks since the last field
    nombrada_en: Optional[tuple] = None  # the card that named the indicator being read and gave its figures
    en_su_tarjeta: Optional[tuple] = None  # the card that named it

    def cerrar(tabla: Optional[Tabla] = None) -> None:
        nonlocal actual, entre, nombrada_en, en_su_tarjeta
        nombrada_en = en_su_tarjeta = None
        if actual.valida:
            salida.fichas.append(actual)
            for t in dict.fromkeys(actual.tablas):
                salida.de_campos.setdefault(t, []).append(actual)
            if tabla is not None and not actual.bajo_su_tabla:
                salida.de_tabla[tabla.indice] = actual
        actual, entre = Ficha(), 0

    def agregar(campos: list[Campo]) -> None:
        nonlocal entre
        primera = actual.campos[0].pagina if actual.campos else None
        lejos = primera is not None and campos[0].pagina not in (primera, primera + (0 if hojas else 1))
        if lejos or (actual.nombre and any(c.rol == "nombre" for c in campos)):
            cerrar()  # another sheet or page, or another indicator's block
        actual.campos.extend(campos)
        entre = 0

    anterior: Optional[BloqueTexto] = None
    previa: Optional[BloqueTexto] = None  # the block before `anterior`
    # (heading, its big figure alone, the words under it that name its measure) of a card
    tarjeta: Optional[tuple[BloqueTexto, BloqueTexto, Optional[BloqueTexto]]] = None
    insignia: Optional[BloqueTexto] = None  # the card's percentage badge under its big figure
    vistos: list = []  # the blocks read so far, for the heading of a section
    tabla_previa: Optional[Tabla] = None  # the table right before this block
    for bloque in bloques:
        vistos = vistos[-MAX_BLOQUES_SECCION:] + [bloque]
        if isinstance(bloque, BloqueTexto):
            if nombrada_en is not None and bloque.recuadro != nombrada_en:
                # out of the card that named the indicator and gave its figures (a dashboard's tile):
                # the next one's blocks (after a card of the name alone, or of one field, "Punto de
                # partida 180", the indicator goes on)
                cerrar()
                previa, anterior, tarjeta, insignia, nombrada_en = None, None, None, None, None
            if anterior is not None and _cifra_sola(anterior) and _unidad_de(anterior, bloque):
                continue  # "ha" beside the big figure "64,5", "estudiantes" under "8.640": part of the figure
            if _de_contexto(bloque) and not any(c.rol in MEDIDAS for c in actual.campos):
                continue  # "Programa: …" between a card's heading and its big figure: the heading goes on
            if bloque.estilo == "Hoja":
                cerrar()
            elif nombre := _rotulo_de_ficha(bloque):  # "Ficha 6/9 · …": the next indicator's block
                cerrar()
                agregar([Campo("nombre", ROTULO_FICHA, nombre, bloque.pagina, bloque.bbox)])
            elif campos := rotulados.get(id(bloque)) or campos_de_texto(bloque, en_ficha := bool(actual.nombre)):
                nombrador = bloque  # the block that names the indicator (its heading, when that names it)
                # (not when a "Ficha 6/9 · …" heading named the block and no figure came yet: the lines
                # between, "Programa 1905 · Código …", are that indicator's)
                por_rotulo = actual.nombre and actual.campos[0].etiqueta == ROTULO_FICHA
                sin_cifras = not any(c.rol in MEDIDAS for c in actual.campos)
                if (
                    not any(c.rol == "nombre" for c in campos)
                    and any(c.rol in MEDIDAS for c in campos)
                    and not (por_rotulo and sin_cifras)
                ):
                    # a figure of the indicator ("Meta 2022: 85 %") named by the heading right above,
                    # or a card: heading, its big figure alone (the result), then the fields
                    # (or the big figure above the heading: "842" over "Productores … con asistencia")
                    encima = tarjeta[0] if tarjeta else anterior
                    if encima is not None and id(encima) in rotulados:
                        encima = None  # the field above, of the same card: no heading
                    if encima is None and tabla_previa is not None and not actual.campos:
                        # "Línea base 2015: 18 | Meta del cuatrienio: 80" under a chart of one
                        # indicator's years: that indicator's, named by the chart's title
                        campos = _de_la_tabla_de_arriba(tabla_previa, titulos, campos)
                        actual.bajo_su_tabla = bool(campos) and campos[0].rol == "nombre"
                    if encima is not None and (nombre := _encabezado_como_nombre(encima, en_ficha)):
                        nombrador = encima
                        nombrado = [Campo("nombre", "", nombre, encima.pagina, encima.bbox)]
                        avance = _avance_en_insignia(encima) or (insignia.texto.strip() if insignia else None)
                        if avance and not any(c.rol == "avance_porcentual" for c in campos):
                            nombrado.append(Campo("avance_porcentual", "", avance, encima.pagina, encima.bbox))
                        cifra = tarjeta[1] if tarjeta else None
                        if cifra is None and previa is not None and _cifra_sola(previa):
                            cifra = previa  # the big figure printed above the heading
                        grande, etiqueta = (
                            _rol_de_cifra_grande(tarjeta[2] if tarjeta else None, cifra) if cifra else ("", "")
                        )
                        if grande == "ejecutado" and cifra and _porcentaje_solo(cifra) and _con_logro(campos):
                            grande = "avance_porcentual"  # "28,5 %" over a card whose "Logro: 684" is its result
                        if cifra is not None and not any(c.rol == grande for c in campos):
                            nombrado.append(Campo(grande, etiqueta, cifra.texto.strip(), cifra.pagina, cifra.bbox))
                        campos = nombrado + campos
                agregar(campos)
                if any(c.rol == "nombre" for c in campos):
                    en_su_tarjeta = nombrador.recuadro
                if (
                    en_su_tarjeta is not None
                    and bloque.recuadro == en_su_tarjeta
                    and any(c.rol in MEDIDAS for c in campos)
                ):
                    nombrada_en = en_su_tarjeta  # the card holds the name and figures: the indicator's tile
            elif _cifra_sola(bloque) and actual.nombre and not entre and (rol := _rol_de_cifra_sola(bloque, actual)):
                # a card's big figure among its fields ("Programado: 420 / 398 / % de logro …", no other
                # block between: the next card's heading would be): the result;
                # a percentage beside a target that is a count: its share ("Meta 2019: 900 | 93,6 %")
                agregar([Campo(rol, "", bloque.texto.strip(), bloque.pagina, bloque.bbox)])
            elif actual.campos and not _cifra_sola(bloque):
                entre += 1
                if entre > MAX_ENTRE:
                    cerrar()
            if tarjeta and anterior is tarjeta[1] and _porcentaje_solo(bloque):
                insignia = bloque  # "93,0 %" under the card's big figure "186": its share, the card goes on
                continue
            if anterior is not None and _cifra_sola(bloque):
                # (a heading in two lines read as two blocks: "Cobertura de afiliación al" over "régimen subsidiado")
                tarjeta, insignia = (_con_linea_de_arriba(previa, anterior), bloque, None), None
            elif tarjeta and _rotulo_de_cifra(bloque, MAX_PALABRAS_LEYENDA):  # "Logrado" under the big figure
                tarjeta = (tarjeta[0], tarjeta[1], bloque)
            else:
                tarjeta = None
            previa, anterior, tabla_previa = anterior, bloque, None
            continue
        justo_antes = anterior
        previa, anterior, tarjeta, tabla_previa = None, None, None, bloque
        if campos := campos_de_tabla(bloque):
            if not any(c.rol == "nombre" for c in campos):
                # a box of fields under its caption ("Tabla 1. Hectáreas reforestadas": each box its
                # own indicator), or under "2.1 Resultado del indicador: …" and its prose: the caption
                # or the heading names it
                # (the nearest caption: "Ficha 1/9 · Cobertura …" over "Programa 1905 · Código …")
                leyenda = [t for t in reversed(titulos.get(bloque.indice, [])) if ROTULO_DENTRO.search(t)][:1]
                if not leyenda and not actual.nombre:
                    leyenda = encabezado_de_seccion(vistos[:-1], bloque.paginas[0] if bloque.paginas else None) or []
                en_tarjeta = justo_antes is not None and justo_antes.recuadro is not None
                if (
                    not leyenda
                    and (actual.nombre or en_tarjeta)
                    and (encabezado := _encabezado_de_la_tabla(justo_antes))
                ):
                    # right under its own heading ("Fondo de Seguridad Vial · vigencia 2023") after
                    # another indicator's fields, or in its card: the heading names it
                    leyenda = [encabezado]
                if leyenda and (nombre := indicador_del_titulo(leyenda)):
                    campos = [Campo("nombre", "", nombre, campos[0].pagina), *campos]
            for grupo in _por_nombre(campos):  # each indicator's rows of a table of several
                agregar(grupo)
                actual.tablas.append(bloque.indice)
            continue
        primera = actual.campos[0].pagina if actual.campos else None
        cerca = (
            primera is not None
            and bool(bloque.paginas)
            and bloque.paginas[0] in (primera, primera + (0 if hojas else 1))
        )
        cerrar(bloque if cerca else None)
    cerrar()
    return salida


def _encabezado_de_la_tabla(bloque: Optional[BloqueTexto]) -> Optional[str]:
    """A heading right above a key/value table: a short line with no field
    and no figure but a year."""
    if bloque is None or campos_de_texto(bloque):
        return None
    texto = " ".join(bloque.texto.split())
    if not 2 <= len(texto.split()) <= MAX_PALABRAS_ENCABEZADO or any(ch.isdigit() for ch in _ANIO.sub("", texto)):
        return None
    return texto


def _de_la_tabla_de_arriba(tabla: Tabla, titulos: dict[int, list[str]], campos: list[Campo]) -> list[Campo]:
    """The fields named by the title of the table right above them when its
    rows are periods (a chart of one indicator's years); as they are otherwise."""
    primera = [fila[0] for fila in tabla.textos()[1:] if fila and fila[0].strip()]
    un_anio = Contexto(vigencia=2000)  # any year: "T1" is a period of whatever year
    periodos = sum(periodo_de_texto(t, un_anio) is not None for t in primera)
    if periodos < 2 or periodos * 10 < len(primera) * 7:
        return campos
    nombre = indicador_del_titulo(titulos.get(tabla.indice, []))
    return [Campo("nombre", "", nombre, campos[0].pagina, campos[0].bbox), *campos] if nombre else campos


def _por_nombre(campos: list[Campo]) -> list[list[Campo]]:
    """The fields split where each indicator's name starts."""
    grupos: list[list[Campo]] = []
    for campo in campos:
        if not grupos or (campo.rol == "nombre" and any(c.rol == "nombre" for c in grupos[-1])):
            grupos.append([])
        grupos[-1].append(campo)
    return grupos


def _de_su_periodo(campo: Campo, ficha: Ficha, ctx: Contexto) -> bool:
    """Beside a target that names its period ("Meta anual: 450"), a target
    that names none ("Programado: 420") is the report's period's."""
    otras = [c for c in ficha.campos if c.rol == "meta" and c is not campo and c.tabla == campo.tabla]
    return (
        bool(otras)
        and ctx.periodo_inicio is not None
        and ctx.periodo_fin is not None
        and not _NOMBRA_PERIODO.search(normalizar(campo.etiqueta))
        and any(_NOMBRA_PERIODO.search(normalizar(c.etiqueta)) for c in otras)
    )


# a label that names its period: a year or a word of esquemas/encabezados.yaml `rotulos_con_periodo`
_NOMBRA_PERIODO = re.compile(
    r"\b(?:(?:19|20)\d\d|" + "|".join(map(re.escape, cargar_yaml("encabezados.yaml")["rotulos_con_periodo"])) + r")\b"
)


def _rotulo_de_cifra(bloque: BloqueTexto, max_palabras: int = MAX_PALABRAS_ROTULO) -> bool:
    """A block that only names a measure, and maybe its year ("Logrado",
    "comprometidos en 2017"): the label of a card's big figure."""
    texto = con_anios_apartados(bloque.texto.strip())
    return (
        len(texto.split()) <= max_palabras
        # "comprometidos en 2017", "logrado a 30/06/2018"
        and not any(ch.isdigit() for ch in _ANIO.sub("", _CORTE_DEL_ROTULO.sub("", texto)))
        and clasificador().medida(texto) is not None
    )


_ANIO = re.compile(r"\b(?:19|20)\d\d\b")


def _rotulos_sobre_cifras(bloques: list) -> tuple[list, dict[int, list[Campo]]]:
    """The blocks with each label printed over its figure made one "Label:
    figure unit" block ("¿Qué prometimos este año?" over "420" and its unit
    "productores" beside it: a short block that names a measure by
    `rol_de_celda`, the lone figure right under it, within its width), and
    the field of each such block by its id."""
    bloques = _rotulos_en_fila(_sin_escala_de_medidor(bloques))
    bloques, campos = _claves_con_sus_valores(_con_cifras_partidas(_con_escala_debajo(bloques)))
    salida: list = []
    k = 0
    while k < len(bloques):
        rotulo, cifra = bloques[k], bloques[k + 1] if k + 1 < len(bloques) else None
        if not (isinstance(rotulo, BloqueTexto) and isinstance(cifra, BloqueTexto)):
            salida.append(rotulo)
            k += 1
            continue
        if _insignia_de_ficha(rotulo, cifra):  # "FICHA" over its number "2": a badge, not a figure
            salida.append(replace(rotulo, texto=f"{rotulo.texto.strip()} {cifra.texto.strip()}"))
            k += 2
            continue
        if insignia := _insignia_junto_al_nombre(*rotulo.texto.strip().split("\n")):
            # "FICHA Productores de papa con … de" over "1 tecnología": the badge beside a two-line name
            salida.append(replace(rotulo, texto=insignia))
            k += 1
            continue
        if _debajo(rotulo, cifra) and (insignia := _insignia_junto_al_nombre(rotulo.texto, cifra.texto)):
            salida.append(replace(rotulo, texto=insignia, bbox=union((rotulo.bbox, cifra.bbox))))
            k += 2
            continue
        sub = None  # a small line between the label and its figure: "meta de 2018", "así estábamos en 2015"
        siguiente = bloques[k + 2] if k + 2 < len(bloques) else None
        if not _rotulo_sobre(rotulo, cifra) and isinstance(siguiente, BloqueTexto) and _sublinea(rotulo, cifra):
            con_sub = replace(rotulo, texto=f"{rotulo.texto.strip()} {cifra.texto.strip()}")
            con_sub.bbox = union((rotulo.bbox, cifra.bbox))
            if _rotulo_sobre(con_sub, siguiente):
                sub, cifra = cifra, siguiente
                k += 1
        if pie := _rotulos_sobre_sus_cifras(bloques, k):
            # "Punto de partida (2023)      Meta 2024-2027" over "170 … 220": each label over its figure
            pares, leidos = pie
            for nombre_pie, cifra_pie in pares:
                texto_pie = cifra_pie.texto.strip()
                unido = replace(rotulo, texto=f"{nombre_pie}: {texto_pie}", bbox=cifra_pie.bbox)
                campo = Campo(rol_de_celda(nombre_pie) or "", nombre_pie, texto_pie, cifra_pie.pagina, cifra_pie.bbox)
                campos[id(unido)] = [campo]
                salida.append(unido)
            k += leidos
            continue
        captado = (
            isinstance(siguiente, BloqueTexto)
            and _rotulo_de_cifra(siguiente)
            and (_debajo(cifra, siguiente) or _al_lado(cifra, siguiente))
        )
        if not _rotulo_sobre(rotulo, cifra) or (captado and sub is None):
            # (the figure's own caption under it, "28,5 %" over "avance 2026": the words above are the card's title)
            salida.append(rotulo)
            k += 1
            continue
        etiqueta, valor = " ".join(f"{rotulo.texto} {sub.texto if sub else ''}".split()), cifra.texto.strip()
        unidad = bloques[k + 2] if k + 2 < len(bloques) else None
        if isinstance(unidad, BloqueTexto) and (_unidad_al_lado(cifra, unidad) or _unidad_debajo(cifra, unidad)):
            valor += f" {unidad.texto.strip()}"
            k += 1
        caja = union((rotulo.bbox, cifra.bbox)) if rotulo.bbox and cifra.bbox else rotulo.bbox
        unido = replace(rotulo, texto=f"{etiqueta}: {valor}", bbox=caja)
        campos[id(unido)] = [Campo(rol_de_celda(etiqueta) or "", etiqueta, valor, cifra.pagina, cifra.bbox)]
        salida.append(unido)
        k += 2
    return salida, campos


_TERMINA_EN_CIFRA = re.compile(r"\d[\d.,']*\s*%?\s*$")


def _nombra_medida(rotulo: str) -> bool:
    """A label over or beside its figure: it names a measure and ends in no figure but a year."""
    return not _TERMINA_EN_CIFRA.search(_ANIO.sub("", rotulo)) and rol_de_celda(rotulo) in MEDIDAS


def _insignia_de_ficha(rotulo: BloqueTexto, cifra: BloqueTexto) -> bool:
    return normalizar(rotulo.texto.strip()) in _ROTULOS_DE_FICHA and cifra.texto.strip().isdigit()


_NUMERO_Y_RESTO = re.compile(r"^(\d{1,3})\s+(\S.*)$")


def _insignia_junto_al_nombre(*lineas: str) -> Optional[str]:
    """A data sheet's badge ("FICHA" over "1") left of its name in two lines,
    read as two lines ("FICHA Productores … de", "1 tecnología"): the
    heading "FICHA 1 · Productores … de tecnología", or None."""
    if len(lineas) != 2:
        return None
    primera, _, nombre = " ".join(lineas[0].split()).partition(" ")
    if normalizar(primera) not in _ROTULOS_DE_FICHA or not nombre or nombre[:1].isdigit():
        return None
    m = _NUMERO_Y_RESTO.match(" ".join(lineas[1].split()))
    return f"{primera} {m.group(1)} · {nombre} {m.group(2)}" if m else None


def _con_linea_de_arriba(arriba: Optional[BloqueTexto], bloque: BloqueTexto) -> BloqueTexto:
    """A heading's line with the line right above it when that line is one
    more of the heading (no field, no figure but a badge, same left edge,
    no gap): the heading whole."""
    if (
        arriba is None
        or not _debajo(arriba, bloque)
        or "\n" in arriba.texto.strip()
        or campos_de_texto(arriba)
        or _con_cifra(_INSIGNIA_DE_AVANCE.sub("", arriba.texto))
        or bloque.bbox is None
        or arriba.bbox is None
        or bloque.bbox[1] - arriba.bbox[3] > (arriba.bbox[3] - arriba.bbox[1])
    ):
        return bloque
    return replace(
        bloque, texto=f"{arriba.texto.strip()}\n{bloque.texto.strip()}", bbox=union((arriba.bbox, bloque.bbox))
    )


_EXTREMOS_DE_MEDIDOR = re.compile(r"^\s*(0|100)\s*%?\s*$")


def _sin_escala_de_medidor(bloques: list) -> list:
    """Without a gauge's scale marks: "0" and "100" printed at one height
    at the ends of a card's speedometer are no figures of the card."""
    salida: list = []
    for b in bloques:
        previo = salida[-1] if salida else None
        if (
            isinstance(b, BloqueTexto)
            and isinstance(previo, BloqueTexto)
            and b.recuadro is not None
            and b.recuadro == previo.recuadro
            and (m := _EXTREMOS_DE_MEDIDOR.match(b.texto))
            and (n := _EXTREMOS_DE_MEDIDOR.match(previo.texto))
            and {m.group(1), n.group(1)} == {"0", "100"}
            and b.bbox is not None
            and previo.bbox is not None
            and abs(b.bbox[1] - previo.bbox[1]) <= 2
        ):
            salida.pop()
            continue
        salida.append(b)
    return salida


MAX_ROTULOS_EN_FILA = 3  # labels side by side on one line of a card ("Meta 2019   Logro 2019")
# a figure and the word of what it counts, one after another on a line: "60 viviendas 42 viviendas", "95 % 91,2 %"
_CIFRAS_EN_FILA = re.compile(r"(\$?\s?\d[\d.,]*(?:\s?%)?)(?:\s+([^\W\d_]{2,20}))?")


def _rotulos_en_fila(bloques: list) -> list:
    """A card's labels side by side on one line ("Meta 2019   Logro 2019"),
    their figures side by side under them ("420" "398", or "60 viviendas 42
    viviendas") and perhaps their units on a line of their own
    ("estudiantes estudiantes"): one "Label: figure unit" line per label,
    in the block of the labels, left to right."""
    salida: list = []
    k = 0
    while k < len(bloques):
        b = bloques[k]
        rotulos = _rotulos_de_la_fila(b) if isinstance(b, BloqueTexto) and b.recuadro is not None else None
        # (or one label each on blocks side by side: "Meta 2019" ends one, "Logro 2019" is the next)
        aparte = 0
        while rotulos is not None and len(rotulos) < MAX_ROTULOS_EN_FILA and k + 1 + aparte < len(bloques):
            otro = bloques[k + 1 + aparte]
            rol = (
                rol_de_etiqueta(otro.texto.strip())
                if isinstance(otro, BloqueTexto) and "\n" not in otro.texto.strip()
                else None
            )
            if otro.recuadro != b.recuadro or rol not in MEDIDAS or rol in {rol_de_etiqueta(r) for r in rotulos}:
                break
            rotulos.append(otro.texto.strip())
            aparte += 1
        if rotulos is None or len(rotulos) < 2:
            salida.append(b)
            k += 1
            continue
        cifras, unidades, usados = _cifras_de_la_fila(bloques[k + 1 + aparte :], b, len(rotulos))
        if cifras is None:
            salida.append(b)
            k += 1
            continue
        lineas = b.texto.strip().split("\n")[:-1] + [
            f"{r}: {c}{f' {u}' if u else ''}" for r, c, u in zip(rotulos, cifras, unidades)
        ]
        salida.append(replace(b, texto="\n".join(lineas)))
        k += 1 + aparte + usados
    return salida


def _rotulos_de_la_fila(b: BloqueTexto) -> Optional[list[str]]:
    """The labels the block's last line holds side by side (or the one it
    is), each naming a different measure, or None."""
    ultima = b.texto.strip().split("\n")[-1]
    palabras_ = ultima.split()
    for n in range(2, MAX_ROTULOS_EN_FILA + 1):
        for cortes in combinations(range(1, len(palabras_)), n - 1):  # n runs of one word at least
            partes = [" ".join(palabras_[i:j]) for i, j in zip((0, *cortes), (*cortes, len(palabras_)))]
            roles = [rol_de_etiqueta(p) for p in partes if p[:1].isalpha()]  # ("Meta | 2019 Logro 2019": no)
            if len(roles) == n and all(r in MEDIDAS for r in roles) and len(set(roles)) == n:
                return partes
    return [ultima] if ultima[:1].isalpha() and rol_de_etiqueta(ultima) in MEDIDAS else None


def _cifras_de_la_fila(siguientes: list, rotulos: BloqueTexto, n: int) -> tuple[Optional[list[str]], list[str], int]:
    """(the n figures, their units, how many blocks they took) right under
    the labels in the same card: lone figures left to right, or one line
    of figures with their units; then perhaps their n units on a line of
    their own or one under each figure."""
    cifras: list[str] = []
    unidades: list[str] = []
    sueltas: list[str] = []  # units on lines of their own
    usados = 0
    for b in siguientes:
        if len(cifras) + len(sueltas) >= 2 * n or not isinstance(b, BloqueTexto) or b.recuadro != rotulos.recuadro:
            break
        lineas = [(_CIFRAS_EN_FILA.findall(t), t) for t in b.texto.strip().split("\n")]
        if not all(_fila_de_cifras(pares, t, n) or _fila_de_unidades(t) for pares, t in lineas):
            break
        propias = [c.strip() for pares, t in lineas if not _fila_de_unidades(t) for c, _ in pares]
        suyas = [u for pares, t in lineas if not _fila_de_unidades(t) for _, u in pares]
        debajo = [w for _, t in lineas if _fila_de_unidades(t) for w in t.split()]
        if propias and len(debajo) == len(propias) and not any(suyas):
            suyas, debajo = debajo, []  # "420" over "estudiantes": each figure's unit under it
        cifras, unidades, sueltas = cifras + propias, unidades + suyas, sueltas + debajo
        if len(cifras) > n or (sueltas and len(cifras) < n):
            return None, [], 0
        usados += 1
        if len(cifras) == n and (any(unidades) or len(sueltas) >= n):
            break
    if len(cifras) != n:
        return None, [], 0
    if len(sueltas) == n and not any(unidades):
        unidades = sueltas
    return cifras, unidades, usados


def _fila_de_cifras(pares: list, texto: str, n: int) -> bool:
    """A line of figures (with their units), nothing else."""
    return bool(pares) and len(pares) <= n and not _CIFRAS_EN_FILA.sub("", texto).strip()


def _fila_de_unidades(texto: str) -> bool:
    """A line of a unit word under each figure ("productores productores")."""
    palabras_ = texto.split()
    return 1 <= len(palabras_) <= MAX_ROTULOS_EN_FILA and len(set(palabras_)) == 1 and palabras_[0].isalpha()


def _con_escala_debajo(bloques: list) -> list:
    """The blocks with the scale word printed under a big figure joined to
    it ("$ 98.412" over "millones / Inversión total ejecutada …": the
    figure is "$ 98.412 millones", the rest of the block its heading), and
    a unit's word so printed made a block of its own ("ha")."""
    salida: list = []
    for b in bloques:
        arriba = salida[-1] if salida else None
        if isinstance(b, BloqueTexto) and isinstance(arriba, BloqueTexto) and _cifra_sola(arriba) and "\n" in b.texto:
            (primera, caja), *resto = _lineas_con_caja(b)
            texto_resto = "\n".join(t for t, _ in resto)
            caja_resto = union([c for _, c in resto if c is not None]) if b.bbox else None
            if (escala := escala_tras(primera, 0)) and not primera.strip()[len(escala[0]) :].strip():
                salida[-1] = replace(arriba, texto=f"{arriba.texto.strip()} {primera.strip()}")
                salida.append(replace(b, texto=texto_resto, bbox=caja_resto))
                continue
            if normalizar(primera.strip()) in _UNIDADES:  # "ha" over "Hectáreas reforestadas …": the unit apart
                salida += [replace(b, texto=primera, bbox=caja), replace(b, texto=texto_resto, bbox=caja_resto)]
                continue
        salida.append(b)
    return salida


def _con_cifras_partidas(bloques: list) -> list:
    """The blocks with a lone figure joined to the line right above it that
    ends in its label ("III trimestre 2021 · programado 100,0 % · ejecutado"
    over "93,8 %": a narrow card's line wrapped before its last figure)."""
    salida: list = []
    for b in bloques:
        arriba = salida[-1] if salida else None
        if (
            isinstance(b, BloqueTexto)
            and isinstance(arriba, BloqueTexto)
            and _cifra_sola(b)
            and _debajo(arriba, b)
            and "\n" not in arriba.texto.strip()
            and (partes := _SEPARADORES.split(arriba.texto.strip()))[1:]
            and rol_de_celda(partes[-1].strip()) in MEDIDAS
        ):
            assert arriba.bbox is not None and b.bbox is not None
            salida[-1] = replace(
                arriba, texto=f"{arriba.texto.strip()} {b.texto.strip()}", bbox=union((arriba.bbox, b.bbox))
            )
            continue
        salida.append(b)
    return salida


def _debajo(arriba: BloqueTexto, abajo: BloqueTexto) -> bool:
    """One line right under the other, from the same left edge."""
    return (
        arriba.bbox is not None
        and abajo.bbox is not None
        and arriba.pagina == abajo.pagina
        and "\n" not in abajo.texto.strip()
        and abs(abajo.bbox[0] - arriba.bbox[0]) <= 2
        and 0 <= abajo.bbox[1] - arriba.bbox[1] <= 30
    )


def _rotulo_sobre(rotulo: BloqueTexto, cifra: BloqueTexto) -> bool:
    if rotulo.bbox is None or cifra.bbox is None:
        return False
    texto = rotulo.texto.strip()
    if rotulo.pagina != cifra.pagina or texto.endswith(":") or len(texto.split()) > MAX_PALABRAS_EN_FICHA:
        return False
    if not _nombra_medida(texto):
        return False  # ("¿Qué prometimos para los 4 años?" is a label; "Meta 2022: 85" a field)
    x0, _, x1, abajo = rotulo.bbox
    # left-aligned under the label, or centred under it and wider ("108,0 %" under "¿Cumplimos?")
    solape = min(x1, cifra.bbox[2]) - max(x0, cifra.bbox[0])
    return (
        _cifra_sola(cifra)
        and 0 <= cifra.bbox[1] - abajo <= HUECO_ROTULO_CIFRA
        and (x0 - 2 <= cifra.bbox[0] or solape >= (x1 - x0) / 2)
        and cifra.bbox[0] <= x0 + ANCHO_TARJETA
    )


MAX_ENTRE_CLAVE_Y_VALOR = 8  # blocks between a key and its value (a box read column by column)


def _claves_con_sus_valores(bloques: list) -> tuple[list, dict[int, list[Campo]]]:
    """The blocks with each key and its value on one line made one "Key:
    value" block at the key's place ("Línea base 2023" … "9.850" in a
    box, read in either order or column by column), and its field by id."""
    pareja: dict[int, int] = {}  # the key's position -> its value's
    lineas_de: dict[int, dict[int, int]] = {}  # the key's position -> {its line: the value's line}
    usados: set[int] = set()
    for i, a in enumerate(bloques):
        if i in usados or not isinstance(a, BloqueTexto):
            continue
        for j in range(i + 1, min(len(bloques), i + 1 + MAX_ENTRE_CLAVE_Y_VALOR)):
            b = bloques[j]
            if j in usados or not isinstance(b, BloqueTexto):
                continue
            if par := _claves_y_cifras(a, b):
                clave = i if par[0] is a else j
                pareja[clave] = j if clave == i else i
                lineas_de[clave] = par[2]
                usados.update((i, j))
                break
    salida: list = []
    campos: dict[int, list[Campo]] = {}
    for i, b in enumerate(bloques):
        if i in usados and i not in pareja:
            continue  # a value, moved to its key
        if i in pareja:
            valor, mapa = bloques[pareja[i]], lineas_de[i]
            cifras = _lineas_con_caja(valor)
            textos, de_b = [], []
            for j, (nombre, caja) in enumerate(_lineas_con_caja(b)):
                nombre = nombre.strip()
                if j in mapa:
                    cifra, caja_cifra = cifras[mapa[j]]
                    textos.append(f"{nombre}: {cifra.strip()}")
                    de_b.append(Campo(rol_de_celda(nombre) or "", nombre, cifra.strip(), valor.pagina, caja_cifra))
                else:  # a line of the block with its own figure ("Ejecutado: 387")
                    textos.append(nombre)
                    de_b += campos_de_texto(BloqueTexto(nombre, b.pagina, caja))
            b = replace(b, texto="\n".join(textos))
            campos[id(b)] = de_b
        salida.append(b)
    return salida, campos


def _lineas_con_caja(bloque: BloqueTexto) -> list[tuple[str, Optional[BBox]]]:
    """The lines of a block, each with its share of the block's box (its lines are of one height)."""
    lineas = bloque.texto.strip().split("\n")
    if bloque.bbox is None or len(lineas) == 1:
        return [(t, bloque.bbox) for t in lineas]
    x0, top, x1, bottom = bloque.bbox
    alto = (bottom - top) / len(lineas)
    return [(t, (x0, top + k * alto, x1, top + (k + 1) * alto)) for k, t in enumerate(lineas)]


MIN_HUECO_CLAVE_VALOR = 6.0  # points between a key and its value read apart on one line ("Meta 2025 ..... 12.000")


def _claves_y_cifras(a: BloqueTexto, b: BloqueTexto) -> Optional[tuple[BloqueTexto, BloqueTexto, dict[int, int]]]:
    """(labels, figures, {label's line: its figure's line}) of two blocks
    side by side, whichever was read first: each line of figures alone at
    the right, apart, on the line of a short label that names a measure at
    the left (a key/value box: "Línea base 2023" … "9.850"; a column of keys
    beside the column of their values; "Meta 2023 ….. 400" over
    "Ejecutado: 387", a line that says its own figure)."""
    if a.bbox is None or b.bbox is None or a.pagina != b.pagina:
        return None
    if max(a.bbox[1], b.bbox[1]) > min(a.bbox[3], b.bbox[3]) + 3:
        return None  # one above the other: no line of one beside a line of the other
    rotulo, cifra = (a, b) if a.bbox[0] < b.bbox[0] else (b, a)
    rotulos, cifras = _lineas_con_caja(rotulo), _lineas_con_caja(cifra)
    if not all(_es_cifra_sola(v) or es_vacio(v) for v, _ in cifras):
        return None
    mapa: dict[int, int] = {}
    largo = max(len(t) for t, _ in rotulos)
    for i, (_, caja) in enumerate(cifras):
        assert caja is not None
        j = next((j for j, (_, otra) in enumerate(rotulos) if otra and abs(otra[1] - caja[1]) <= 3), None)
        if j is None or j in mapa:
            return None
        # where the label's line ends, by its share of the block's longest line
        fin = _caja(rotulo)[0] + (_caja(rotulo)[2] - _caja(rotulo)[0]) * len(rotulos[j][0]) / largo
        if caja[0] - fin < MIN_HUECO_CLAVE_VALOR:
            return None
        mapa[j] = i
    # lines of keys beside their values tell a longer key ("Logro acumulado a 30-sep-2021") than one line does
    max_palabras = MAX_PALABRAS_ROTULO if len(rotulos) == 1 else MAX_PALABRAS_CAMPO
    for j in mapa:
        texto = rotulos[j][0].strip()
        if len(texto.split()) > max_palabras or not _nombra_medida(texto):
            return None
    return rotulo, cifra, mapa


def _rotulos_sobre_sus_cifras(bloques: list, k: int) -> Optional[tuple[list[tuple[str, BloqueTexto]], int]]:
    """A line of labels over a line of as many figures, each under its label
    (the foot of a card: "Punto de partida (2023)   Meta 2024-2027" over
    "170" at the left and "220" right-aligned): (label, figure) for each and
    the blocks read; None otherwise. The labels may be one block, then split
    where each part names a measure. A figure may be "ND" (no figure, its
    label still taken)."""
    rotulos = _en_una_linea(bloques, k)
    cifras = _en_una_linea(bloques, k + len(rotulos))
    leidos = len(rotulos) + len(cifras)
    if len(rotulos) == 1 and len(cifras) == 2:
        rotulos = _partido_en_dos(rotulos[0], cifras)
    if len(rotulos) < 2 or len(cifras) != len(rotulos):
        return None
    if not all(_cifra_sola(c) or es_vacio(c.texto) for c in cifras):
        return None
    abajo = max(_caja(r)[3] for r in rotulos)
    if not 0 <= _caja(cifras[0])[1] - abajo <= HUECO_ROTULO_CIFRA:
        return None
    for r, c in zip(rotulos, cifras):
        debajo = abs(_caja(c)[0] - _caja(r)[0]) <= 2 or abs(_caja(c)[2] - _caja(r)[2]) <= 2  # left- or right-aligned
        centrada = _caja(r)[0] - 2 <= _caja(c)[0] and _caja(c)[2] <= _caja(r)[2] + 2
        if not (debajo or centrada) or rol_de_celda(r.texto.strip()) not in MEDIDAS:
            return None
    return [(r.texto.strip(), c) for r, c in zip(rotulos, cifras)], leidos


def _en_una_linea(bloques: list, k: int) -> list[BloqueTexto]:
    """The one-line text blocks from `k` on that stand on the line of the first, left to right."""
    linea: list[BloqueTexto] = []
    for b in bloques[k:]:
        if not isinstance(b, BloqueTexto) or b.bbox is None or "\n" in b.texto.strip():
            break
        if linea and (
            abs(_caja(b)[1] - _caja(linea[0])[1]) > 3
            or b.pagina != linea[0].pagina
            or _caja(b)[0] < _caja(linea[-1])[2]
        ):
            break
        linea.append(b)
    return linea


def _partido_en_dos(rotulo: BloqueTexto, cifras: list[BloqueTexto]) -> list[BloqueTexto]:
    """One block of two labels, each over one of the two figures at its ends,
    split where both halves name a measure (a note in parentheses goes with
    the label it follows); [rotulo] when no one split does."""
    x0, _, x1, _ = _caja(rotulo)
    if abs(_caja(cifras[0])[0] - x0) > 2 or abs(_caja(cifras[1])[2] - x1) > 2:
        return [rotulo]
    palabras = rotulo.texto.split()
    cortes: dict[tuple, list[tuple[str, str]]] = {}  # (left role, right role) -> the cuts that give them
    for i in range(1, len(palabras)):
        izq, der = " ".join(palabras[:i]), " ".join(palabras[i:])
        roles = (rol_de_celda(izq), rol_de_celda(der))
        if all(r in MEDIDAS for r in roles):
            cortes.setdefault(roles, []).append((izq, der))
    if len(cortes) != 1:
        return [rotulo]
    opciones = next(iter(cortes.values()))
    izq, der = next((c for c in opciones if not c[1].startswith("(")), opciones[0])
    # each half placed over its figure
    return [
        replace(rotulo, texto=izq, bbox=(x0, _caja(rotulo)[1], _caja(cifras[0])[2], _caja(rotulo)[3])),
        replace(rotulo, texto=der, bbox=(_caja(cifras[1])[0], _caja(rotulo)[1], x1, _caja(rotulo)[3])),
    ]


def _caja(bloque: BloqueTexto) -> BBox:
    """The box of a block read with one (`_en_una_linea` keeps no other)."""
    assert bloque.bbox is not None
    return bloque.bbox


MAX_PALABRAS_SUBLINEA = 6


def _sublinea(rotulo: BloqueTexto, sub: BloqueTexto) -> bool:
    """A short line right under a label, within its width, with no figure
    but a year ("meta de 2018", "para los cuatro años"): part of the label."""
    if rotulo.bbox is None or sub.bbox is None or rotulo.pagina != sub.pagina:
        return False
    texto = sub.texto.strip()
    angosta = min(rotulo.bbox[2] - rotulo.bbox[0], sub.bbox[2] - sub.bbox[0])
    return (
        "\n" not in texto
        and len(texto.split()) <= MAX_PALABRAS_SUBLINEA
        and not any(ch.isdigit() for ch in _ANIO.sub("", texto))
        and 0 <= sub.bbox[1] - rotulo.bbox[3] <= HUECO_ROTULO_CIFRA / 3
        and min(rotulo.bbox[2], sub.bbox[2]) - max(rotulo.bbox[0], sub.bbox[0]) >= angosta / 2
    )


def _unidad_de(cifra: BloqueTexto, unidad: BloqueTexto) -> bool:
    """The unit of a big figure: a unit's word, or a word or two beside it or under it."""
    return (
        normalizar(unidad.texto.strip()) in _UNIDADES or _unidad_al_lado(cifra, unidad) or _unidad_debajo(cifra, unidad)
    )


MAX_PALABRAS_UNIDAD = 12  # a line in lowercase under "865": "niñas y niños en CDI y hogares comunitarios"


def _unidad_debajo(cifra: BloqueTexto, unidad: BloqueTexto) -> bool:
    """A few words without figures right under the figure, within its
    width give or take ("familias" under "180", "km" under "12,5")."""
    if unidad.bbox is None or cifra.bbox is None or unidad.pagina != cifra.pagina:
        return False
    texto = unidad.texto.strip()
    centro = (unidad.bbox[0] + unidad.bbox[2]) / 2
    palabras = len(texto.split())
    return (
        # "niños y jóvenes"; "% de la población elegible" (what a percentage is of); "personas atendidas en 2024"
        (palabras <= 3 or palabras <= MAX_PALABRAS_UNIDAD and (texto[:1].islower() or texto.startswith("%")))
        and not any(ch.isdigit() for ch in _ANIO.sub("", texto))
        # (a big figure's box reaches below it; under a slide's big figure, half its height)
        and -3 <= unidad.bbox[1] - cifra.bbox[3] <= max(HUECO_ROTULO_CIFRA / 3, (cifra.bbox[3] - cifra.bbox[1]) / 2)
        and (cifra.bbox[0] <= centro <= cifra.bbox[2] or abs(unidad.bbox[0] - cifra.bbox[0]) <= 2)
    )


def _unidad_al_lado(cifra: BloqueTexto, unidad: BloqueTexto) -> bool:
    """A few words without figures right of the figure, on its line ("productores", "ha")."""
    texto = unidad.texto.strip()
    return len(texto.split()) <= 2 and not any(ch.isdigit() for ch in texto) and _al_lado(cifra, unidad)


def _al_lado(cifra: BloqueTexto, otro: BloqueTexto) -> bool:
    """A block right of the figure, on its line ("28,5 %" and its caption "avance 2026")."""
    if otro.bbox is None or cifra.bbox is None or otro.pagina != cifra.pagina:
        return False
    medio = (otro.bbox[1] + otro.bbox[3]) / 2
    return cifra.bbox[1] <= medio <= cifra.bbox[3] and 0 <= otro.bbox[0] - cifra.bbox[2] <= 20


def _con_logro(campos: list[Campo]) -> bool:
    """A field of the result that is no percentage ("Logro a 31-mar-2026: 684")."""
    return any(
        c.rol == "ejecutado" and (n := _numero(c.valor)) is not None and n.unidad != "porcentaje" for c in campos
    )


def _rol_de_cifra_grande(rotulo: Optional[BloqueTexto], cifra: BloqueTexto) -> tuple[str, str]:
    """(measure, label) of a card's big figure: the result, the money its
    caption names ("$ 6.920.450.000" over "comprometidos en 2017"), or the
    progress a percentage's caption names ("28,5 %" over "avance 2026")."""
    if rotulo is not None:
        medida = clasificador().medida(rotulo.texto.strip())
        if medida in esquemas.medidas_de_dinero() or (medida == "avance_porcentual" and _porcentaje_solo(cifra)):
            return medida, rotulo.texto.strip()
    return "ejecutado", ""


def _rol_de_cifra_sola(bloque: BloqueTexto, ficha: Ficha) -> Optional[str]:
    """What a figure alone among a card's fields is: its percentage when it
    is one and the card's target is a count ("Meta 2019: 900" | "93,6 %")
    or its result is given ("98,7" … "Meta: 99,0 %" | "99,7 %"), else the
    result when the card has none yet; None otherwise."""
    n, meta = _numero(bloque.texto.strip()), _numero(ficha.valor("meta") or "")
    if n is not None and n.unidad == "porcentaje" and meta is not None and meta.unidad != "porcentaje":
        return None if ficha.valor("avance_porcentual") else "avance_porcentual"
    if n is not None and n.unidad == "porcentaje" and ficha.valor("ejecutado"):
        return None if ficha.valor("avance_porcentual") else "avance_porcentual"  # the result given: its share
    return None if ficha.valor("ejecutado") else "ejecutado"


def _porcentaje_solo(bloque: BloqueTexto) -> bool:
    n = leer_numero(bloque.texto.strip()) if _cifra_sola(bloque) else None
    return n is not None and n.unidad == "porcentaje"


def _cifra_sola(bloque: BloqueTexto) -> bool:
    """A block that is one figure alone ("412", "88,6 %"): the big figure of
    a card; in a drawn card, also with what it counts ("1.812 estudiantes")."""
    if _es_cifra_sola(bloque.texto):
        return True
    m = _CIFRA_CON_UNIDAD.match(bloque.texto) if bloque.recuadro is not None else None
    return m is not None and _es_cifra_sola(m.group(1))


# a figure and the one or two words of what it counts: "1.812 estudiantes", "5 jornadas", "35 viviendas"
_CIFRA_CON_UNIDAD = re.compile(r"^\s*(\S+)\s+[^\W\d_]{2,20}(?:\s+[^\W\d_]{2,20})?\s*$")


def _de_contexto(bloque: BloqueTexto) -> bool:
    """A card's line that places the indicator, not a heading of it:
    "Programa: Orocué educa con calidad", "SECTOR SALUD"."""
    texto = " ".join(bloque.texto.split())
    cabeza = _plano(texto.split(":")[0]) if ":" in texto else _plano(texto)
    return bloque.recuadro is not None and any(
        cabeza == r or (":" not in texto and cabeza.startswith(f"{r} ") and len(cabeza.split()) <= 3)
        for r in _rotulos_de_contexto()
    )


def _es_cifra_sola(texto: str) -> bool:
    if len(texto.split()) > MAX_PALABRAS_CIFRA_ESCALADA:
        return False  # a line of prose
    n = leer_numero(texto.strip())
    return n is not None and n.texto.strip() == texto.strip() or _cifra_escalada(texto) is not None


def _numero(texto: str) -> Optional[Numero]:
    texto = sin_cota(texto)  # a target written as a bound: "≤ 1 %"
    if escalada := _cifra_escalada(texto):
        return escalada
    n = leer_numero(texto) or leer_numero(sin_notas(texto))  # "18,5 (año 2023)"
    if n is None and (cantidad := leer_cantidad(texto)) is not None:
        n = cantidad[0]  # "1.500 niños"
    if n is None and (parte := _PORCENTAJE_DE.match(texto)) is not None:
        n = leer_numero(parte.group(1))  # "8,0 % de los residuos"
    return n


@lru_cache(maxsize=1)
def _dinero_propio() -> frozenset[str]:
    return frozenset(_plano(t) for t in cargar_yaml("encabezados.yaml")["ficha_dinero_propio"])


# "COP $ -1.234 % pesos miles de millones": the most words a figure and its scale word take
MAX_PALABRAS_CIFRA_ESCALADA = 10


def _cifra_escalada(texto: str) -> Optional[Numero]:
    """A figure and its scale word alone ("$ 98.412 millones"), scaled; or None."""
    if len(texto.split()) > MAX_PALABRAS_CIFRA_ESCALADA:
        return None  # not worth searching a line of prose for its figures
    cifras = buscar_numeros(texto)
    if len(cifras) != 1 or texto[: cifras[0].inicio].strip(" $") or not (escala := escala_tras(texto, cifras[0].fin)):
        return None
    if texto[cifras[0].fin :].strip()[len(escala[0]) :].strip():
        return None
    return replace(cifras[0], valor=cifras[0].valor * escala[1], texto=texto.strip())


_PORCENTAJE_DE = re.compile(r"^\s*(\d[\d.,]*\s?%)\s+de\s+[^\W\d_][^\d]*$")


def observaciones_de_ficha(ficha: Ficha, ctx: Contexto, tabla: Optional[int] = None) -> list[Observacion]:
    """The block's baseline and targets as figures of the indicator it
    names: those of key/value table `tabla`, or (None) those of its text lines."""
    ctx = ficha.contexto(ctx)
    texto_unidad = ficha.valor("unidad") or ""
    salida = []
    for campo in ficha.campos:
        if campo.rol not in MEDIDAS or campo.tabla != tabla or es_vacio(campo.valor):
            continue
        n = _numero(campo.valor)
        if n is None:
            continue
        medida = campo.rol
        if n.unidad == "pesos" and medida in AS_MONEY and _plano(campo.etiqueta) not in _dinero_propio():
            medida = AS_MONEY[medida]  # "Programado: $ 104.650 millones": the target's money
        elif n.unidad == "porcentaje" and medida in esquemas.medidas_de_dinero():
            medida = "avance_porcentual"  # "Ejecución presupuestal 68,1 %": the share of the money spent
        periodo = periodo_para(medida, campo.etiqueta, ctx)
        if medida == "meta" and _de_su_periodo(campo, ficha, ctx):
            periodo = Periodo(ctx.periodo_inicio, ctx.periodo_fin)
        elif medida == "meta" and del_cuatrienio(periodo, ctx):  # "Meta 2024-2027: 220"
            medida = "meta_cuatrienio"
        celda = campo.celda
        salida.append(
            Observacion(
                indicador=ficha.nombre or "",
                medida=medida,
                valor=n.valor,
                valor_texto=n.texto or campo.valor,
                unidad=unidad(n, campo.rol, texto_unidad),
                periodo_inicio=periodo.inicio,
                periodo_fin=periodo.fin,
                codigo=ficha.valor("codigo"),
                ambiguo=n.ambiguo,
                pagina=campo.pagina,
                tabla=campo.tabla,
                fila=celda.fila if celda else None,
                columna=celda.columna if celda else None,
                bbox=campo.bbox,
                **referencia_excel(celda.ref if celda else None),
            )
        )
    return salida


def leer_tabla_de_campos(
    tabla: Tabla, fichas: list[Ficha], ctx: Contexto
) -> tuple[list[Observacion], list[FilaNoMapeada]]:
    """A key/value table of data sheets (of one indicator, or of several one
    after another): their baselines and targets, and the other rows as rows
    without figures, each with its reason."""
    obs = [o for ficha in fichas for o in observaciones_de_ficha(ficha, ctx, tabla.indice)]
    con_cifra = {o.fila for o in obs}
    no_mapeadas = []
    for r, fila in enumerate(tabla.rejilla()):
        celdas = celdas_distintas(fila)
        if r in con_cifra or not any(c.texto.strip() for c in celdas):
            continue
        texto = " | ".join(" ".join(c.texto.split()) for c in celdas if c.texto.strip())
        no_mapeadas.append(
            FilaNoMapeada(
                texto=texto,
                motivo="campo de la ficha del indicador: lo describe, no es una cifra",
                pagina=celdas[0].pagina,
                tabla=tabla.indice,
                fila=r,
            )
        )
    return obs, no_mapeadas
