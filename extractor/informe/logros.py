"""Figures of a named indicator stated in the report's prose: a bullet or
paragraph that opens with a label and gives a result against a target
("Kits escolares entregados: se entregaron 1.240 kits de una meta de 1.500
(82,7 %)") becomes meta, ejecutado and avance_porcentual observations of
that label. The wordings are data: esquemas/prosa.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Optional, Sequence

from esquemas import cargar_yaml
from extractor.castellano.numeros import MILES_CON_ESPACIO, Numero, buscar_numeros, sin_cifras_en_letras
from extractor.castellano.periodos import MESES, Contexto, Periodo, periodo_de_texto, periodo_para
from extractor.castellano.sintagmas import nombre_de_frase, tiene_verbo_pasado
from extractor.informe.narrativa import frases
from extractor.modelo import BloqueTexto, Documento
from extractor.resultado import Observacion

_SIN_ACENTOS = str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN")
# bullet marks at the start of an item ("• ", "- ", "▪ ", "1. " is not one)
# (and a symbol font's bullet, in Unicode's private use area: Word's "\uf0b7")
_VINETA = re.compile(r"^\s*[•●▪◦○■□➢➤►‣⁃∙·*\-–—\ue000-\uf8ff]\s+")
# a lead-in label written with a colon or a spaced dash: "Transporte escolar
# rural: 612 ...", "Jornadas de vacunación — Se realizaron 18 de las 20 …"
_ROTULO_DOS_PUNTOS = re.compile(r"^(?P<rotulo>[A-ZÁÉÍÓÚÑ][^:;.\d]{2,90}?)(?:\s*:|\s+[–—])\s+(?P<resto>\S.*)$", re.S)
_MAX_PALABRAS_ROTULO = 12
# a lead-in sentence that is only a name: "Cobertura de acueducto rural. La cobertura pasó de …"
_ROTULO_PUNTO = re.compile(r"^(?P<rotulo>[A-ZÁÉÍÓÚÑ][^.:;\d]{2,120}?)\.\s+(?P<resto>[A-ZÁÉÍÓÚÑ¿¡].*)$", re.S)
# a bare year is not a figure of the indicator ("meta 2024", "en 2023")
_ANIO = re.compile(r"^(?:19[89]\d|20[0-4]\d)$")
# nor is a code ("Sector 40 · Programa 4003", "Ley 1757")
_CODIGO = re.compile(
    r"\b(?:" + "|".join(cargar_yaml("prosa.yaml")["antes_de_codigos"]) + r")s? (?:n[o°º.]* ?)?(?:\d+(?:, | y ))*$"
)
# nor is the day of a date ("a 31 de diciembre")
_DIA_DE_MES = re.compile(r"\s*de\s+(?:" + "|".join(m for m in MESES if len(m) > 3) + r")\b")


@dataclass(frozen=True)
class Patrones:
    meta: tuple[re.Pattern, ...]
    linea_base: tuple[re.Pattern, ...]
    ejecutado: tuple[re.Pattern, ...]
    avance: tuple[re.Pattern, ...]
    avance_si_meta_es_cantidad: tuple[re.Pattern, ...]
    avance_sin_meta: tuple[re.Pattern, ...]
    acumulado: tuple[re.Pattern, ...]
    horizonte_del_plan: re.Pattern
    no_nombran: frozenset[str]


@cache
def patrones() -> Patrones:
    datos = cargar_yaml("prosa.yaml")
    calificativo = "(?:" + "|".join(re.escape(c) for c in datos["calificativos_meta"]) + ")"
    cifra = rf"(?:{MILES_CON_ESPACIO}|\d[\d.,]*)"  # "4 215" too
    marcas = {
        "{n}": rf"(?P<n>{cifra}(?:\s?%)?)",
        "{p}": rf"(?P<p>{cifra}\s?%)",
        "{w}": r"[^\W\d_]+\+?(?: [^\W\d_]+\+?){0,7}",
        "{calificativo}": calificativo,
        "{anio}": r"(?:(?:para|de|del|en)(?: el| la)? (?:ano |vigencia )?)?(?:19|20)\d\d,?",
    }

    def compilar(texto: str) -> re.Pattern:
        for marca, regex in marcas.items():
            texto = texto.replace(marca, regex)
        return re.compile(texto)

    def lista(clave: str) -> tuple[re.Pattern, ...]:
        return tuple(compilar(p) for p in datos[clave])

    return Patrones(
        lista("meta"),
        lista("linea_base"),
        lista("ejecutado"),
        lista("avance"),
        lista("avance_si_meta_es_cantidad"),
        lista("avance_sin_meta"),
        lista("acumulado"),
        re.compile(r"\b(?:" + "|".join(re.escape(h) for h in datos["horizonte_del_plan"]) + r")\b"),
        frozenset(datos["rotulos_que_no_nombran"]),
    )


@dataclass(frozen=True)
class Logro:
    """The figures one sentence gives of a named indicator."""

    indicador: str
    frase: str
    meta: Optional[Numero]  # None: the sentence states the share of the target reached, not the target
    ejecutado: Optional[Numero]
    avance: Optional[Numero]
    linea_base: Optional[Numero] = None  # "con una línea base de 78,5 %"
    donde_meta: Optional[tuple[int, int]] = None  # the span of the target's wording in the sentence
    # a compound sentence's target of the plan's term beside the year's one ("nos comprometimos a
    # entregar 400 … en el cuatrienio …; este año se instalaron 150 de las 180 proyectadas")
    meta_cuatrienio: Optional[Numero] = None
    acumulado: Optional[Numero] = None  # what the term has gathered so far ("al cierre llevamos 305")
    meta_del_cuatrienio: bool = False  # the one target's clause names the plan's term


def _normal(texto: str) -> str:
    """Lowercase without accents, the same length as `texto` (spans carry over)."""
    return texto.translate(_SIN_ACENTOS).lower()


def _es_cifra(n: Numero, norm: str) -> bool:
    if n.unidad == "pesos" or _CODIGO.search(norm, 0, n.inicio):
        return False
    if n.unidad == "numero" and _ANIO.match(n.texto.strip()):
        return False
    return not (n.unidad == "numero" and n.valor <= 31 and _DIA_DE_MES.match(norm, n.fin))


def _numero_en(numeros: list[Numero], inicio: int, fin: int) -> Optional[Numero]:
    """The number of the sentence inside the span [inicio, fin) of a pattern's figure."""
    return next((n for n in numeros if inicio <= n.inicio < fin), None)


# a range of figures: "0 - 5 %", "0–5 %", "entre 80 y 100 %"
_RANGO = re.compile(r"(?<![\w.,])\d[\d.,]*\s*%?\s*[-–]\s*\d[\d.,]*\s*%|\bentre\s+\d[\d.,]*\s*%?\s+y\s+\d[\d.,]*\s*%?")


def leer_frase(indicador: str, frase: str) -> Optional[Logro]:
    """The target, achieved figure and percentage of one sentence about
    `indicador`, or None when the sentence states no target. A compound
    sentence may give two targets: the one whose clause names the plan's
    term (`horizonte_del_plan`) is the term's, the other the year's."""
    frase = sin_cifras_en_letras(frase)  # "setenta y dos (72) sesiones": 72 sesiones
    norm = _normal(frase)
    rangos = [m.span() for m in _RANGO.finditer(frase)]  # "IRCA: 0 - 5 % sin riesgo": a scale, no figures
    numeros = [n for n in buscar_numeros(frase) if _es_cifra(n, norm) and not any(a <= n.inicio < b for a, b in rangos)]
    if len(numeros) < 2:
        return None
    p = patrones()
    metas: list[tuple[Numero, tuple[int, int]]] = []
    for patron in p.meta:
        for m in patron.finditer(norm):
            n = _numero_en(numeros, m.start("n"), m.end("n"))
            if n is not None and all(n is not otra for otra, _ in metas):
                metas.append((n, m.span()))
    if not metas:
        return _sin_cifra_de_meta(indicador, frase, norm, numeros)
    metas.sort(key=lambda par: par[0].inicio)
    # a target whose own words name the year ("una meta anual de 64,0 %") is the year's whatever its clause says
    del_plan = [
        par
        for par in metas
        if p.horizonte_del_plan.search(norm, *_clausula(norm, par[0]))
        and not _DEL_ANIO.search(norm, par[1][0], par[1][1])
    ]
    del_anio = [par for par in metas if par not in del_plan]
    meta_cuatrienio: Optional[Numero] = del_plan[0][0] if del_plan and del_anio else None
    meta, donde_meta = del_anio[0] if meta_cuatrienio is not None else metas[0]
    usadas = [n for n in (meta, meta_cuatrienio) if n is not None]
    objetivo = meta
    avance = None
    for patron in p.avance + (p.avance_si_meta_es_cantidad if objetivo.unidad == "numero" else ()):
        for m in patron.finditer(norm):
            n = _numero_en(numeros, m.start("p"), m.end("p"))
            if n is not None and all(n is not u for u in usadas) and n.unidad == "porcentaje":
                avance = n
                break
        if avance is not None:
            break
    base = _por_patrones(p.linea_base, norm, [n for n in numeros if all(n is not u for u in usadas)])
    acumulado = (
        _por_patrones(p.acumulado, norm, [n for n in numeros if all(n is not u for u in usadas + [base])])
        if meta_cuatrienio is not None
        else None
    )
    otros = [n for n in numeros if all(n is not u for u in usadas + [avance, base, acumulado])]
    # the achieved figure: one a wording gives, else the first one before
    # the target (in the target's unit when one is), else the first after it
    antes = [n for n in otros if n.fin <= objetivo.inicio]
    antes = [n for n in antes if n.unidad == objetivo.unidad] or antes
    inicio_clausula = _clausula(norm, objetivo)[0]
    antes = [n for n in antes if n.inicio >= inicio_clausula] or antes  # "…; este año se instalaron 150 de las 180"
    ejecutado = _por_patrones(p.ejecutado, norm, otros) or (antes[0] if antes else next(iter(otros), None))
    if ejecutado is not None and avance is None and objetivo.unidad == "numero" and ejecutado.unidad == "porcentaje":
        # "La meta de 120 viviendas se cumplió en un 95 %": a share of a count target is its achievement
        ejecutado, avance = None, ejecutado
    if ejecutado is None and avance is None and acumulado is None:
        return None
    del_cuatrienio = meta_cuatrienio is None and bool(
        del_plan
    )  # "nos comprometimos a llevarla a 40 % en el cuatrienio"
    return Logro(
        indicador, frase, meta, ejecutado, avance, base, donde_meta, meta_cuatrienio, acumulado, del_cuatrienio
    )


def _por_patrones(patrones_: Sequence[re.Pattern], norm: str, numeros: list[Numero]) -> Optional[Numero]:
    """The first of `numeros` a wording of `patrones_` gives (its {n})."""
    return next(
        (
            n
            for patron in patrones_
            for m in patron.finditer(norm)
            if (n := _numero_en(numeros, m.start("n"), m.end("n"))) is not None
        ),
        None,
    )


def _clausula(norm: str, n: Numero) -> tuple[int, int]:
    """The span of the clause of the sentence around a figure: between the
    nearest ";", ", y al …", ", de las cuales …" before and after it."""
    cortes = [m.end() for m in _CORTE_DE_CLAUSULA.finditer(norm, 0, n.inicio)]
    fin = _CORTE_DE_CLAUSULA.search(norm, n.fin)
    return (cortes[-1] if cortes else 0), (fin.start() if fin else len(norm))


_DEL_ANIO = re.compile(r"\b(?:anual|del ano|de la vigencia|este ano|para (?:19|20)\d\d)\b")
_CORTE_DE_CLAUSULA = re.compile(r";|,? y (?=al |hoy |este |en 20|solo )|, (?=de las cuales|cuando |solo |este ano)")


def _sin_cifra_de_meta(indicador: str, frase: str, norm: str, numeros: list[Numero]) -> Optional[Logro]:
    """ "Se entregaron 35 mejoramientos, con lo que se cumplió el 100 % de la
    meta anual": the achieved figure and the share of the target, no target figure."""
    # with a single count beside it, any wording of the percentage of achievement will do
    # ("Se llevaron a cabo los 2 festivales programados, con un cumplimiento del 100 %")
    wordings = patrones().avance_sin_meta + (patrones().avance if len(numeros) == 2 else ())
    avance = next(
        (
            n
            for patron in wordings
            for m in patron.finditer(norm)
            if (n := _numero_en(numeros, m.start("p"), m.end("p"))) is not None and n.unidad == "porcentaje"
        ),
        None,
    )
    ejecutado = next((n for n in numeros if n is not avance and n.fin <= (avance.inicio if avance else 0)), None)
    if avance is None or ejecutado is None:
        return None
    return Logro(indicador, frase, None, ejecutado, avance)


def _items(bloque: BloqueTexto) -> list[tuple[str, str]]:
    """(label, text after it) of each item of a block: a block of a PDF page
    may hold several bulleted lines; a Word paragraph is one item. An item
    without a label ("", its text) is named by its sentences."""
    if bloque.rotulo:
        texto = bloque.texto.strip()
        resto = texto[len(bloque.rotulo) :] if texto.startswith(bloque.rotulo) else texto
        return [(bloque.rotulo, resto)]
    lineas = bloque.texto.split("\n")
    if len(lineas) > 1 and not _VINETA.match(lineas[0]) and _es_titulo(lineas[0]):
        # "Acceso a la educación superior" on its own line over its paragraph, in one block
        return [(lineas[0].strip(), "\n".join(lineas[1:]))]
    items: list[str] = []
    lineas_de_item: list[str] = []  # each item's first line, with its bullet
    for linea in lineas:
        if _VINETA.match(linea) or not items:
            items.append(_VINETA.sub("", linea))
            lineas_de_item.append(linea)
        else:
            items[-1] += " " + linea
    salida = []
    for linea, item in zip(lineas_de_item, items):
        m = _ROTULO_DOS_PUNTOS.match(item.strip()) or _rotulo_con_punto(item.strip())
        if m:
            salida.append((m["rotulo"], m["resto"]))
        else:
            salida.append(("", item))  # a bullet or paragraph without a label: the sentence names it
    return salida


def _rotulo_con_punto(item: str) -> Optional[re.Match]:
    """The paragraph's first sentence as its label when it is a name: a few
    words, no figure and no verb ("Luminarias LED instaladas. Se instalaron
    1.250 …"); None otherwise."""
    m = _ROTULO_PUNTO.match(item)
    if m is None or len(m["rotulo"].split()) > _MAX_PALABRAS_ROTULO or tiene_verbo_pasado(m["rotulo"]):
        return None
    return m


def _logros_sin_rotulo(texto: str, anteriores: list[Logro]) -> list[Logro]:
    """The sentences of a bullet without a label that state a result against
    a target, each named by what its achieved figure counts or by its subject
    ("7 de esas fachadas": by the bullet before it, `anteriores`)."""
    salida: list[Logro] = []
    for frase in frases(texto):
        logro = leer_frase("", frase)
        if logro is None:
            continue
        previos = salida or anteriores
        nombre = _nombre_propio(logro, previos[-1].indicador if previos else None)
        if nombre:
            salida.append(replace(logro, indicador=nombre))
    return salida


def _no_nombra(texto: str) -> bool:
    """A label that names no indicator ("Nota", "Programa", "Meta de producto")."""
    return " ".join(re.findall(r"[^\W\d_]+", _normal(texto))) in patrones().no_nombran


def nombre_de_rotulo(rotulo: str) -> Optional[str]:
    """The indicator name a lead-in label gives: the label without its closing
    colon or full stop; None when it is no name (too long, no letters)."""
    nombre = " ".join(rotulo.split()).strip(" :.-–—")
    palabras = nombre.split()
    if not palabras or len(palabras) > _MAX_PALABRAS_ROTULO or not re.search(r"[^\W\d_]{3}", nombre):
        return None
    if _no_nombra(nombre):
        return None
    return nombre


def logros(doc: Documento) -> list[tuple[BloqueTexto, Logro]]:
    """Each labelled bullet or paragraph of `doc` that states a result against a target."""
    from extractor.tablas.fichas import campos_de_texto

    salida: list[tuple[BloqueTexto, Logro]] = []
    anterior: Optional[BloqueTexto] = None
    for bloque in doc.textos:
        titulo, anterior = anterior, bloque
        if campos_de_texto(bloque):
            continue  # an indicator's data sheet ("Meta 2025: 21,0"): read by extractor/tablas/fichas.py
        items = _items(bloque)
        if not items and titulo is not None and _es_titulo_de_seccion(titulo, bloque):
            items = [(titulo.texto.strip(), bloque.texto)]  # "Educación" on its own line over its paragraph
        for rotulo, resto in items:
            if not rotulo:
                salida += [(bloque, logro) for logro in _logros_sin_rotulo(resto, [l for _, l in salida])]
                continue
            nombre = nombre_de_rotulo(rotulo)
            if nombre is None:
                continue
            con_meta = [l for frase in frases(resto) if (l := leer_frase(nombre, frase)) is not None]
            if len(con_meta) > 1:
                # "Salud pública. Se vacunaron 1.850 niños de una meta de 2.000. La estrategia APS llegó a
                # 640 familias, por encima de las 600 programadas.": a topic over several indicators; the
                # first one whose own name holds every word of the label is the label's ("Mercados
                # campesinos. Se programaron 4 mercados campesinos …")
                del_rotulo = False
                for logro in con_meta:
                    if propio := _nombre_propio(logro):
                        if not del_rotulo and set(_contenido(nombre)) <= set(_contenido(propio)):
                            propio, del_rotulo = nombre, True
                        salida.append((bloque, replace(logro, indicador=propio)))
            elif con_meta:  # one sentence with a target: later ones give context
                salida.append((bloque, replace(con_meta[0], indicador=_nombre_con_rotulo(nombre, con_meta[0]))))
    return salida


MAX_PALABRAS_TITULO = 6  # words of a section's title on a line of its own ("Vías y transporte")


def _es_titulo_de_seccion(titulo: BloqueTexto, bloque: BloqueTexto) -> bool:
    """A short line of words alone right above a paragraph on the same page
    ("Educación", "Salud pública"): the topic of that paragraph."""
    return titulo.pagina == bloque.pagina and _es_titulo(titulo.texto)


def _es_titulo(texto: str) -> bool:
    """A short line of words, no figure, no closing stop, no verb: a section's title."""
    texto = texto.strip()
    return (
        "\n" not in texto
        and 0 < len(texto.split()) <= MAX_PALABRAS_TITULO
        and not any(ch.isdigit() for ch in texto)
        and not texto.endswith((".", ",", ";"))
        and not tiene_verbo_pasado(texto)
    )


def _nombre_con_rotulo(rotulo: str, logro: Logro) -> str:
    """The indicator of a labelled sentence: the label, unless the label is
    a topic the sentence's own name does not share a word with ("Sanidad
    animal. Se vacunaron 8.940 bovinos …": bovinos vacunados)."""
    propio = _nombre_propio(logro)
    if not propio or len(_contenido(propio)) < 2:
        return rotulo  # "410 inscritos frente a 380 programados": the sentence names nothing of its own
    comunes = set(_contenido(rotulo)) & set(_contenido(propio))
    return rotulo if comunes else propio


def _nombre_propio(logro: Logro, anterior: Optional[str] = None) -> Optional[str]:
    """The name of what a sentence counts, from its own words: what its
    achieved figure counts, else what its target counts ("De la meta de 40
    huertas caseras previstas para 2018, se lograron 36"); None when it
    names nothing. `anterior`: the indicator of the sentence before."""
    if logro.meta_cuatrienio is not None or logro.linea_base is not None:
        # "Las hectáreas renovadas con variedades resistentes, que en 2019 sumaban 310, nos
        # comprometimos a llevarlas a 1.100 …": the subject the relative clause is about
        sujeto = _SUJETO_CON_RELATIVA.match(logro.frase)
        base = logro.linea_base
        # (only when the baseline counts nothing after it, or is a rate: "… beneficiaba a 1.180
        # estudiantes" names what it counts instead)
        sin_conteo = base is not None and (base.unidad == "porcentaje" or _NADA_CONTADO.match(logro.frase, base.fin))
        if sujeto and sin_conteo and not any(ch.isdigit() for ch in sujeto.group(1)):
            texto = " ".join(sujeto.group(1).split())
            return texto[0].upper() + texto[1:]
    # a compound sentence names its indicator where it states the term's target
    # ("nos comprometimos a entregar 400 soluciones individuales de agua potable …")
    for cifra in (logro.meta_cuatrienio, logro.ejecutado, logro.meta):
        propio = nombre_de_frase(logro.frase, cifra.inicio, cifra.fin, anterior) if cifra is not None else None
        if propio and not _no_nombra(propio):
            return propio
    return None


_NADA_CONTADO = re.compile(r"\s*(?:[,;.)]|y\b|$)")
# a sentence that opens with its subject and a relative clause about it ("La cobertura de …, que en 2019 era …")
_SUJETO_CON_RELATIVA = re.compile(
    r"^\s*(?:a\s+)?(?:el|la|los|las)\s+([^,;:]{3,120}?),\s+(?:que|cuya|cuyo|cuyas|cuyos)\s", re.IGNORECASE
)


def _contenido(texto: str) -> list[str]:
    """The words of a name that carry meaning (four letters or more), without
    a plural's s: "mejoramiento" and "mejoramientos" are one."""
    return [w.rstrip("s") for w in re.findall(r"[^\W\d_]+", _normal(texto)) if len(w) >= 4]


_MEDIDAS_DEL_PLAN = {"meta": "meta_cuatrienio", "ejecutado": "acumulado"}


def _del_plan_a_la_fecha(ctx: Contexto) -> Optional[Periodo]:
    """From the start of the plan's term to the end of the report's period."""
    fin = periodo_para("ejecutado", "", ctx).fin
    if ctx.cuatrienio is None or fin is None:
        return None
    return Periodo(date(ctx.cuatrienio[0], 1, 1), fin)


def _de_varios_anios(texto: str, ctx: Contexto) -> bool:
    """The text names a period of several years ("en el cuatrienio 2020-2023")."""
    leido = periodo_de_texto(texto, ctx)
    return bool(leido and leido.inicio and leido.fin and leido.fin.year > leido.inicio.year)


def _pares_de_tablas(observaciones: Sequence[Observacion]) -> dict[tuple[float, float], set[str]]:
    """(target, achieved) of each indicator the tables gave → the words of its name."""
    por_indicador: dict[str, dict[str, set[float]]] = {}
    for o in observaciones:
        por_indicador.setdefault(o.indicador, {}).setdefault(o.medida, set()).add(o.valor)
    pares: dict[tuple[float, float], set[str]] = {}
    for indicador, medidas in por_indicador.items():
        for m in medidas.get("meta", set()) | medidas.get("meta_cuatrienio", set()):
            for e in medidas.get("ejecutado", set()) | medidas.get("acumulado", set()):
                pares.setdefault((m, e), set()).update(_contenido(indicador))
    return pares


def _repite_una_tabla(logro: Logro, pares: dict[tuple[float, float], set[str]]) -> bool:
    """The sentence restates an indicator's target and achieved figure a
    table gave, and says a word of its name ("se habilitaron 18 de las 24
    camas previstas" under the row "Camas hospitalarias habilitadas": 24, 18)."""
    if logro.meta is None or logro.ejecutado is None:
        return False
    palabras = pares.get((logro.meta.valor, logro.ejecutado.valor), set())
    return bool(palabras & set(_contenido(logro.frase)))


def logros_en_narrativa(doc: Documento, ctx: Contexto, de_tablas: Sequence[Observacion] = ()) -> list[Observacion]:
    """meta, ejecutado and avance_porcentual observations of the labelled
    bullets and paragraphs of `doc`, in the report's period; not those of a
    sentence that restates an indicator of `de_tablas`."""
    out = []
    pares = _pares_de_tablas(de_tablas)
    for bloque, logro in logros(doc):
        if _repite_una_tabla(logro, pares):
            continue
        # "En el cuatrienio 2020-2023 se formaron 1.020 mujeres, frente a las
        # 1.000 previstas": the plan's term, its target and what it has gathered
        # ("… 12,1 al cierre del semestre; la meta del cuatrienio es llevarla a 11,0": only the target is the term's)
        a, b = logro.donde_meta or (0, 0)
        # (only the target's clause: "…; la meta del cuatrienio es dotar los 47" speaks of another target)
        inicio, fin = _clausula(_normal(logro.frase), logro.meta) if logro.meta is not None else (0, len(logro.frase))
        del_plan = _de_varios_anios(logro.frase[inicio:a] + " " + logro.frase[b:fin], ctx)
        medidas = _MEDIDAS_DEL_PLAN if del_plan else {}
        if not del_plan and (logro.meta_del_cuatrienio or _de_varios_anios(logro.frase[a:b], ctx)):
            medidas = {"meta": "meta_cuatrienio"}
        cifras: tuple[tuple[str, Optional[Numero]], ...] = (
            ("linea_base", logro.linea_base),
            ("meta", logro.meta),
            ("ejecutado", logro.ejecutado),
            ("avance_porcentual", logro.avance),
        )
        if logro.meta_cuatrienio is not None:  # a compound sentence: the term's figures apart from the year's
            medidas = {}
            cifras += (("meta_cuatrienio", logro.meta_cuatrienio), ("acumulado", logro.acumulado))
        for medida, n in cifras:
            if n is None:
                continue
            medida = medidas.get(medida, medida)
            # a compound sentence states the year's figures beside the term's: only the term's
            # target takes the sentence's span of years
            del_termino = del_plan and logro.meta_cuatrienio is None
            con_frase = del_termino or medida in medidas.values() or medida == "meta_cuatrienio"
            periodo = periodo_para(medida, logro.frase if con_frase else "", ctx)
            if medida == "acumulado" or (del_termino and medida == "avance_porcentual"):
                periodo = _del_plan_a_la_fecha(ctx) or periodo  # gathered over the term up to the report's end
            out.append(
                Observacion(
                    indicador=logro.indicador,
                    medida=medida,
                    valor=n.valor,
                    valor_texto=n.texto,
                    unidad=n.unidad,
                    periodo_inicio=periodo.inicio,
                    periodo_fin=periodo.fin,
                    descripcion=logro.frase,
                    ambiguo=n.ambiguo,
                    nota="cifra tomada de la narrativa",
                    pagina=bloque.pagina,
                    bbox=bloque.bbox,
                )
            )
    return out
