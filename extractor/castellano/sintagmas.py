"""The name of what a sentence reports, for a bullet without a label.

"Se entregaron 1.240 kits escolares de una meta de 1.500" counts kits: the
indicator is "Kits escolares entregados" (the words the achieved figure
counts, with the verb's participle agreeing with them). "Se garantizó el
transporte escolar a 412 estudiantes de la zona rural" gives something to
the counted people: "Estudiantes de la zona rural con transporte escolar".
A figure that counts nothing ("La tasa de deserción escolar bajó de 4,8 % a
3,9 %") reports on the sentence's subject: "Tasa de deserción escolar".
Word lists are data: esquemas/prosa.yaml `sintagmas`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Optional

from esquemas import cargar_yaml
from extractor.castellano.lexico import es_palabra, plegar

_TOKEN = re.compile(r"[^\W\d_]+|\d[\d.,']*|\S")


@dataclass(frozen=True)
class _Palabra:
    texto: str
    plana: str  # folded: lower case, no accents
    inicio: int

    @property
    def es_palabra(self) -> bool:
        return self.texto[0].isalpha()


@cache
def _datos() -> dict:
    d = cargar_yaml("prosa.yaml")["sintagmas"]
    return {k: frozenset(v) if isinstance(v, list) else v for k, v in d.items()}


def _tokens(texto: str, desde: int = 0) -> list[_Palabra]:
    return [_Palabra(m.group(), plegar(m.group()), desde + m.start()) for m in _TOKEN.finditer(texto)]


def _verbo_pasado(p: _Palabra) -> bool:
    """A finite verb in the past ("entregaron", "benefició", "atendieron")."""
    if not p.es_palabra or len(p.plana) < 4:
        return False
    d = _datos()
    if p.plana in d["pasados_irregulares"]:
        return True
    terminacion = p.texto.endswith("ó") or any(p.plana.endswith(f) for f in d["verbo_pasado"])
    return terminacion and p.plana not in d["no_son_verbos"]


def tiene_verbo_pasado(texto: str) -> bool:
    """The text has a finite verb in the past: a sentence, not a name."""
    return any(_verbo_pasado(p) for p in _tokens(texto))


def _raiz_participio(verbo: str) -> Optional[str]:
    """The stem of the participle of a past form ("entregaron" → "entregad",
    "atendió" → "atendid"), the regular candidate the lexicon knows; None if
    none is."""
    plana = plegar(verbo)
    raiz = _datos()["participios_irregulares"].get(plana)
    if raiz is not None:
        return raiz
    escrita = verbo.lower()  # the stem keeps its letters ("señalizaron" → "señalizad")
    temas = []
    for fin, vocal in (
        ("aron", "ad"),
        ("ieron", "id"),
        ("yeron", "id"),
        ("amos", "ad"),
        ("imos", "id"),
        ("emos", "id"),
    ):
        if plana.endswith(fin):
            temas.append((escrita[: -len(fin)], vocal))
    if verbo.endswith("ó"):
        tema = escrita[:-1]  # "benefici|ó" (beneficiar), "atend|ió" (atender), "constru|yó" (construir)
        temas += [(tema, "ad"), (tema[:-1] if tema.endswith(("i", "y")) else tema, "id")]
    candidatas = [t + v for t, v in temas]
    # "intervinieron" → "intervenido", "invirtieron" → "invertido": the stem's last i is an e
    candidatas += [t[:k] + "e" + t[k + 1 :] + v for t, v in temas if v == "id" and (k := t.rfind("i")) >= 0]
    return next((c for c in candidatas if es_palabra(c + "o")), None)


def _participio(raiz: str, femenino: bool, plural: bool) -> str:
    return raiz + ("a" if femenino else "o") + ("s" if plural else "")


def _frase_nominal(tokens: list[_Palabra]) -> list[_Palabra]:
    """The noun phrase the tokens open with: words up to one that closes it,
    a figure or a sign; "de" and "y" go on when a content word follows
    ("estudiantes de la zona rural", not "kits escolares de una meta")."""
    d = _datos()
    salida: list[_Palabra] = []
    for i, p in enumerate(tokens):
        if not _contenido(p) and p.plana not in d["articulos"] | {"de", "del", "y", ","}:
            break
        if len(salida) >= d["max_palabras"]:
            break
        if p.plana == "," and not _enumeracion(tokens, i + 1):
            break
        if p.plana in ("de", "del", "y"):
            j = i + 1
            while j < len(tokens) and tokens[j].plana in ("el", "la", "los", "las"):
                j += 1
            if (
                not salida
                or j >= len(tokens)
                or not _contenido(tokens[j])
                or tokens[i + 1].plana in d["no_siguen_a_de"] - {"los", "las"}
            ):
                break
        salida.append(p)
    while salida and not _contenido(salida[-1]):
        salida.pop()
    return salida


def _enumeracion(tokens: list[_Palabra], i: int) -> bool:
    """After a comma, the rest of a list of nouns: "niñas, | niños y adolescentes"."""
    while i < len(tokens) and _contenido(tokens[i]):
        i += 1
        if i < len(tokens) and tokens[i].plana == ",":
            i += 1
        elif i < len(tokens) and tokens[i].plana in ("y", "e"):
            return i + 1 < len(tokens) and _contenido(tokens[i + 1])
        else:
            return False
    return False


def _contenido(p: _Palabra) -> bool:
    """A word that may be part of what is counted (not a figure, a sign, a
    function word or a verb)."""
    d = _datos()
    return (
        p.es_palabra
        and p.plana not in d["cierran"]
        and p.plana not in d["no_siguen_a_de"]
        and p.plana not in d["articulos"]
        and p.plana not in ("de", "del", "y")
        and not _verbo_pasado(p)
    )


def _texto(palabras: list[_Palabra], frase: str) -> str:
    return frase[palabras[0].inicio : palabras[-1].inicio + len(palabras[-1].texto)]


def _capital(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


def _femenino(contado: list[_Palabra], antes: list[_Palabra], frase: list[_Palabra]) -> bool:
    """Whether what is counted is feminine: the article right before the
    figure ("las 400 familias") or before the total it is part of ("9 de las
    12 sedes"), else the word that makes the target agree with it ("de 150
    programadas"), else the ending of its first noun. A list of nouns is
    feminine only when its last one is too ("niñas, niños y adolescentes")."""
    d = _datos()
    cerca = antes[-1:] if not antes or antes[-1].es_palabra else antes[-2:-1]
    articulo = next((p for p in cerca if p.plana in d["articulos"]), None)
    if articulo is not None:
        return articulo.plana in d["femeninos"]
    # ("de lo programado" is neuter: it says nothing of the gender)
    meta = next(
        (
            p
            for k, p in enumerate(frase)
            if p.plana.startswith(tuple(d["dicen_la_meta"])) and not (k and frase[k - 1].plana == "lo")
        ),
        None,
    )
    if meta is not None:
        return meta.plana.rstrip("s").endswith("a")
    femenino = any(contado[0].plana.endswith(f) for f in d["finales_femeninos"])
    # a list of heads joins them before any "de" ("niñas, niños y adolescentes"; not "área de urgencias y consulta")
    cabeza = next((contado[:k] for k, p in enumerate(contado) if p.plana in ("de", "del")), contado)
    if any(p.plana in (",", "y", "e") for p in cabeza):
        return femenino and any(cabeza[-1].plana.endswith(f) for f in d["finales_femeninos"])
    return femenino


def _participio_suelto(p: _Palabra, anterior: Optional[_Palabra]) -> bool:
    """A participle after an auxiliary ("fueron capacitadas", "se han restaurado")."""
    return (
        anterior is not None
        and anterior.plana in _datos()["auxiliares"]
        and p.plana.endswith(("ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"))
    )


def _participio_escrito(antes: list[_Palabra]) -> Optional[_Palabra]:
    """The participle nearest before the figure that agrees with what is
    counted: after "fueron", "quedaron", "sido" ("Fueron dotadas"), not
    after "han" ("se han restaurado", invariable)."""
    return next(
        (
            antes[k]
            for k in range(len(antes) - 1, 0, -1)
            if _participio_suelto(antes[k], antes[k - 1])
            and antes[k - 1].plana in _datos()["auxiliares_que_concuerdan"]
        ),
        None,
    )


def _raiz_de_accion(antes: list[_Palabra], cifra: int) -> Optional[str]:
    """The participle stem of what was done to the counted, from the words
    before it (the figure's place among them, `cifra`): a past verb
    ("entregaron" → "entregad"), a participle after an auxiliary ("fueron
    capacitadas" → "capacitad") or an action noun right before "de" and the
    figure ("la vinculación de 45 jóvenes", "la construcción de 3,2 km de
    redes" → "vinculad", "construid")."""
    if cifra >= 2 and antes[cifra - 1].plana == "de":
        raiz = _raiz_de_sustantivo(antes[cifra - 2])
        if raiz is not None:
            return raiz
    for k in range(len(antes) - 1, -1, -1):
        p = antes[k]
        if _participio_suelto(p, antes[k - 1] if k else None):
            return p.texto.lower().rstrip("s")[:-1]
        if _verbo_pasado(p):
            locucion = " ".join(q.plana for q in antes[k : k + 3])
            if locucion in _datos()["locuciones"]:  # "se llevaron a cabo" → "realizad"
                return _datos()["locuciones"][locucion]
            siguiente = antes[k + 1] if k + 1 < len(antes) else None
            # "Logramos afiliar … a 2.087 personas": what was done is the infinitive's
            return _raiz_infinitivo(siguiente) if _infinitivo(siguiente) else _raiz_participio(p.texto)
    return None


def _raiz_de_sustantivo(p: _Palabra) -> Optional[str]:
    """The participle stem of the verb an action noun comes from ("vinculación"
    → "vinculad", "entrega" → "entregad", "suministro" → "suministrad",
    "mejoramiento" → "mejorad"); None for a noun of no action (`no_son_accion`:
    "promedio", "total")."""
    plana, escrita = p.plana, p.texto.lower()
    if not p.es_palabra or plana in _datos()["no_son_accion"]:
        return None
    if plana.endswith("acion"):
        verbos = [escrita[: -len("ación")] + "ar"]
    elif plana.endswith("cion"):  # "construcción" → construir, "producción" → producir
        base = escrita[: -len("ción")]
        verbos = [base + "ir", base[:-1] + "ir"]
    elif plana.endswith("miento"):
        verbos = [escrita[: -len("miento")] + "r"]
    elif plana.endswith(("a", "o")):
        verbos = [escrita + "r", escrita[:-1] + "ar"]
    else:
        return None
    for verbo in verbos:
        raiz = verbo[:-2] + ("ad" if verbo.endswith("ar") else "id")
        if es_palabra(plegar(verbo)) and es_palabra(raiz + "o"):
            return raiz
    return None


def _infinitivo(p: Optional[_Palabra]) -> bool:
    return (
        p is not None
        and p.es_palabra
        and p.plana.endswith(("ar", "er", "ir"))
        and len(p.plana) > 4
        and es_palabra(p.plana)
    )


def _raiz_infinitivo(p: Optional[_Palabra]) -> Optional[str]:
    if p is None:
        return None
    raiz = p.texto.lower()[:-2] + ("ad" if p.plana.endswith("ar") else "id")
    return raiz if es_palabra(raiz + "o") else None


def _marco(frase: str) -> Optional[str]:
    """The programme an opening phrase names ("Con el programa de transporte
    escolar, se atendieron …", "En el Programa de Alimentación Escolar (PAE)
    se beneficiaron …"): where the counted result comes from."""
    plana = plegar(frase)
    inicio = max(
        (m for m in _datos()["marcos"] if plana.startswith(m + " ")), key=len, default=None
    )  # "en la" over "en"
    if inicio is None:
        return None
    tokens = _tokens(frase[len(inicio) + 1 :], len(inicio) + 1)
    cuerpo = _frase_nominal(tokens)
    if not cuerpo or cuerpo[0].plana in _datos()["no_son_marco"]:
        return None  # "En el cuatrienio …", "En la vigencia …": when, not where from
    if len(cuerpo) == 1 and _raiz_de_sustantivo(cuerpo[0]) is not None:
        return None  # "Con la construcción | de 14 box culverts": the action itself, not a programme
    return f"{frase[: len(inicio)].lower()} {frase[tokens[0].inicio : cuerpo[-1].inicio + len(cuerpo[-1].texto)]}"


def _unidad(tokens: list[_Palabra]) -> tuple[Optional[str], int]:
    """The unit the tokens open with ("km", "metros cuadrados") and how many tokens it takes."""
    unidades = _datos()["unidades"]
    for n in (2, 1):
        clave = " ".join(p.plana for p in tokens[:n])
        if len(tokens) >= n and clave in unidades:
            return unidades[clave], n
    return None, 0


def _tras_la_cifra(despues: list[_Palabra]) -> list[_Palabra]:
    """The words after the figure from where what it counts begins: past its
    unit ("2,7 | km de | vías urbanas"), the total it is part of ("9 | de las
    12 | sedes") or a determiner ("7 | de esas | fachadas", "el 96,5 % | de
    las | llamadas")."""
    d = _datos()
    _, n = _unidad(despues)
    if n and len(despues) > n and despues[n].plana in ("de", "del"):
        return despues[n + 1 :]
    if len(despues) <= 2 or despues[0].plana != "de":
        return despues
    k = 1
    while k < len(despues) and despues[k].plana in d["articulos"]:
        k += 1
    if k < len(despues) and not despues[k].es_palabra:
        k += 1
    # the same list when nothing was passed: the caller tells a rate of nothing by identity
    return despues[k:] if k > 1 else despues


def _complemento_antes(antes: list[_Palabra], frase: str) -> Optional[str]:
    """ "a internet de alta velocidad" in "Fueron conectadas a internet de
    alta velocidad 9 sedes": the phrase between the last verb or participle
    and the figure, when it is a complement that ends right at the figure."""
    k = next(
        (
            k
            for k in range(len(antes) - 1, -1, -1)
            if _verbo_pasado(antes[k]) or _participio_suelto(antes[k], antes[k - 1] if k else None)
        ),
        None,
    )
    if k is None:
        return None
    tramo = antes[k + 1 :]
    texto = _complemento(tramo, frase, _datos()["complementos"] | {"a", "al"})
    return texto if texto and texto.endswith(tramo[-1].texto) else None


def _complemento(tokens: list[_Palabra], frase: str, preposiciones: frozenset[str] = frozenset()) -> Optional[str]:
    """ "para el acceso a la educación superior", "en competencias digitales":
    the phrase right after what is counted, when it opens with one of
    `complementos` (or `preposiciones`) and a noun phrase follows; None otherwise."""
    d = _datos()
    if not tokens or tokens[0].plana not in (preposiciones or d["complementos"]):
        return None
    resto = tokens[1:]
    k = 0
    while k < len(resto) and resto[k].plana in d["articulos"]:
        k += 1
    cuerpo = _frase_nominal(resto[k:])
    if not cuerpo or cuerpo[0].plana in d["no_complementan"]:
        return None
    if tokens[0].plana == "en" and any(p.texto[:1].isupper() for p in cuerpo):
        return None  # where, by name ("en los barrios Kennedy y 20 de Julio"): no part of what is counted
    # "para el acceso | a la educación superior": one more phrase of what it is for
    sigue = resto[k + len(cuerpo) :]
    if sigue and sigue[0].plana in ("a", "al"):
        j = 1 + sum(1 for _ in itertools.takewhile(lambda p: p.plana in d["articulos"], sigue[1:]))
        if mas := _frase_nominal(sigue[j:]):
            cuerpo += sigue[:j] + mas
    return _texto([tokens[0], *resto[:k], *cuerpo], frase)


def _pasiva_despues(tokens: list[_Palabra], frase: str) -> Optional[str]:
    """ "…, Hatogrande y La Diana | fueron beneficiados con rutas diarias":
    the participle the counted take after an auxiliary further on in the
    clause (past a list of place names), with the phrase of what for or
    with what after it; None when the clause has none."""
    for k in range(1, len(tokens)):
        if (
            tokens[k].plana in (";", ".")
            or _verbo_pasado(tokens[k - 1])
            and tokens[k - 1].plana not in _datos()["auxiliares"]
        ):
            return None
        if (
            _participio_suelto(tokens[k], tokens[k - 1])
            and tokens[k - 1].plana in _datos()["auxiliares_que_concuerdan"]
        ):
            sigue = tokens[k + 1 :]
            cuerpo = _frase_nominal(sigue[1:]) if sigue and sigue[0].plana in ("con", "en", "para") else []
            return _texto([tokens[k], *sigue[: 1 + len(cuerpo)]] if cuerpo else [tokens[k]], frase)
    return None


def _sin_lugar(contado: list[_Palabra]) -> list[_Palabra]:
    """What is counted without the places it is from ("estudiantes | de las
    veredas Meusa"): cut at the "de" whose phrase holds a capitalised name."""
    for k, p in enumerate(contado[1:], 1):
        if p.plana in ("de", "del") and any(q.texto[:1].isupper() for q in contado[k + 1 :]):
            return contado[:k]
    return contado


MAX_HASTA_EL_VERBO = 6  # words between what is counted and the verb of what it got


def _despues_del_verbo(tokens: list[_Palabra], frase: str, femenino: bool, plural: bool) -> Optional[str]:
    """ "recibieron formación en enfoque de género": what the counted got,
    when a past verb follows them and a noun phrase follows it; an action
    done to them is its participle ("formados en enfoque de género",
    "obtuvieron la certificación en …" → "certificados en …"), anything
    else what they are "con" ("con kits escolares")."""
    # the verb right after what is counted, or after the rest of its phrase ("… | y de la Policía | recibieron")
    k = next((k for k, p in enumerate(tokens[:MAX_HASTA_EL_VERBO]) if _verbo_pasado(p) or p.plana in (";", ".")), None)
    if k is None or not _verbo_pasado(tokens[k]):
        return None
    resto = tokens[k + 1 :]
    while resto and resto[0].plana in _datos()["articulos"]:
        resto = resto[1:]
    objeto = _frase_nominal(resto)
    if not objeto:
        return None
    raiz = _raiz_de_sustantivo(objeto[0]) if len(objeto) == 1 or objeto[1].plana in _datos()["complementos"] else None
    if raiz is not None:
        complemento = _complemento(resto[1:], frase)
        return " ".join(filter(None, [_participio(raiz, femenino, plural), complemento]))
    return "con " + " ".join(p.texto for p in objeto)


def nombre_de_frase(frase: str, inicio: int, fin: int, anterior: Optional[str] = None) -> Optional[str]:
    """The indicator a sentence reports on, given the span [inicio, fin) of
    its achieved figure; None when the sentence names nothing usable.
    `anterior`, the indicator of the sentence before: "7 de esas fachadas"
    points back to it when it opens with the same word. A unit written
    after the figure opens the name ("12,6 km de vías urbanas" →
    "Kilómetros de vías urbanas …")."""
    despues = _tokens(frase[fin:], fin)
    nombre = _nombre_de_frase(frase, inicio, fin, despues, anterior)
    unidad = _unidad_por_extenso(despues, frase)
    if nombre is None or unidad is None or plegar(nombre).startswith(plegar(unidad.split()[0])):
        return nombre
    resto = nombre if nombre[1:2].isupper() else nombre[:1].lower() + nombre[1:]  # "PAE" keeps its capitals
    return _capital(f"{unidad} {resto}")


def _unidad_por_extenso(despues: list[_Palabra], frase: str) -> Optional[str]:
    """The unit right after the figure, spelled out, with the "de" or "del"
    that follows it ("km de" → "kilómetros de", "m² del" → "metros
    cuadrados del"), when what it measures follows; None otherwise."""
    _, n = _unidad(despues)
    if not n or len(despues) <= n + 1 or despues[n].plana not in ("de", "del"):
        return None
    escrita = " ".join(p.plana for p in despues[:n])
    unidad = _datos()["unidades_por_extenso"].get(escrita) or _texto(despues[:n], frase).lower()
    return f"{unidad} {despues[n].plana}"


def _nombre_de_frase(
    frase: str, inicio: int, fin: int, despues: list[_Palabra], anterior: Optional[str]
) -> Optional[str]:
    d = _datos()
    todas = _tokens(frase)
    antes = _tokens(frase[:inicio])
    if (
        anterior
        and len(despues) > 2
        and despues[0].plana == "de"
        and despues[1].plana in d["anaforicos"]
        and plegar(anterior.split()[0]) == despues[2].plana
    ):
        return anterior
    porcentaje = frase[inicio:fin].rstrip().endswith("%")
    resto = _tras_la_cifra(despues)
    if porcentaje and resto is despues:
        resto = []  # a rate of nothing named ("bajó de 4,8 % a 3,9 %"): the subject below
    cifra = len(antes)
    antes = antes + despues[: len(despues) - len(resto)]
    contado = _frase_nominal(resto)
    # "de las 12 plazas previstas": the word that makes the total a target is no part of the name
    # (alone, it names nothing: "fueron 120 de 150 previstos")
    while contado and contado[-1].plana.startswith(tuple(d["dicen_la_meta"])):
        contado.pop()
    if contado and contado[0].plana in d["veces"] and (veces := _nombre_de_veces(antes, frase)):
        return veces
    if contado:
        nombre = _texto(contado, frase)
        # "box culverts": a word of the head before any "de" in plural makes it plural
        cabeza = next((contado[:k] for k, p in enumerate(contado) if p.plana in ("de", "del")), contado)
        plural = any(p.plana.endswith("s") for p in cabeza)
        verbo = next((k for k in range(len(antes) - 1, -1, -1) if _verbo_pasado(antes[k])), None)
        if verbo is not None and antes[-1].plana == "a" and porcentaje is False and not _infinitivo(antes[verbo + 1]):
            # "garantizó el transporte escolar a 412 estudiantes": what was given to them
            objeto = _frase_nominal([p for p in antes[verbo + 1 : -1] if p.plana not in d["articulos"]])
            if objeto:
                return _capital(f"{nombre} con {_texto(objeto, frase)}")
        if verbo is not None and antes[verbo].plana in d["verbos_de_alcance"]:
            # "El Programa de Alimentación Escolar llegó a 9.480 estudiantes": with what reached them
            sujeto = _sujeto(todas, con_articulo=True)
            return _capital(f"{nombre} con {sujeto[0].lower()}{sujeto[1:]}" if sujeto else nombre)
        if verbo is not None:
            # "recibieron atención integral 1.215 personas": what they got
            # (not "Logramos dotar 14 sedes": what was done is the infinitive's, below)
            entre = [p for p in antes[verbo + 1 :] if p.plana not in d["articulos"]]
            objeto = _frase_nominal(entre) if not (entre and _infinitivo(entre[0])) else []
            if objeto and len(objeto) == len(entre):
                marco = _marco(frase)
                return _capital(" ".join(filter(None, [nombre, "con", _texto(objeto, frase), marco])))
        raiz = _raiz_de_accion(antes, cifra)
        if raiz is not None and raiz.startswith(tuple(d["dicen_la_meta"])):
            # "se programaron 18 debates de control político y se adelantaron 15": the verb
            # sets the target, it is no part of what is counted (nor the plan it was set in)
            return _capital(" ".join(filter(None, [nombre, _complemento(resto[len(contado) :], frase)])))
        if raiz is None:
            pasiva = _pasiva_despues(resto[len(contado) :], frase)
            if pasiva:
                # "612 estudiantes de las veredas Meusa, … y La Diana fueron beneficiados con rutas …"
                return _capital(f"{_texto(_sin_lugar(contado), frase)} {pasiva}")
            # "18 funcionarios de la Comisaría recibieron formación en …"
            femenino = _femenino(contado, antes, todas)
            recibido = _despues_del_verbo(resto[len(contado) :], frase, femenino, plural)
            return _capital(f"{nombre} {recibido}" if recibido else nombre)
        # the target's word and a written participle agree with the unit when one is written
        # ("de los 3,5 km previstos", "Quedaron adecuados 1.240 m²"); else a written participle
        # already agrees with what is counted ("Fueron dotadas … 27 sedes")
        con_unidad = bool(_unidad(despues)[1])
        escrito = _participio_escrito(antes)
        if escrito is not None and not con_unidad:
            femenino = escrito.plana.rstrip("s").endswith("a")
        else:
            femenino = _femenino(contado, antes, [] if con_unidad else todas)
        nombre = f"{nombre} {_participio(raiz, femenino, plural)}"
        # "212 estímulos | para el acceso a la educación superior": what they were for, after the participle
        # or between the verb and the figure ("Fueron conectadas a internet | 9 sedes educativas")
        complemento = _complemento(resto[len(contado) :], frase) or _complemento_antes(antes[:cifra], frase)
        # who did it, when the sentence names someone other than the office itself
        # ("El servicio de transporte escolar benefició a 1.340 estudiantes")
        agente = _sujeto(todas, con_articulo=True)
        if agente and plegar(agente.split()[-1]) in d["agentes_genericos"]:
            agente = None
        cola = f"por {agente[0].lower()}{agente[1:]}" if agente else _marco(frase)
        return _capital(" ".join(filter(None, [nombre, complemento, cola])))
    if (
        cifra
        and antes[cifra - 1].plana in d["copulas"]
        and (sujeto := _sujeto_con_articulo(frase[: antes[cifra - 1].inicio]))
    ):
        # "Las sesiones transmitidas por la emisora fueron 54": what the subject names
        return _capital(sujeto.split(" ", 1)[1]) if " " in sujeto else None
    sujeto = _sujeto(todas)
    return _capital(sujeto) if sujeto else None


def _nombre_de_veces(antes: list[_Palabra], frase: str) -> Optional[str]:
    """ "La Mesa de Infancia sesionó 4 veces": the noun of the verb
    (`sustantivo_del_verbo`) and whose ("Sesiones de la Mesa de Infancia"),
    or the noun alone when the subject is not plain; None for a verb without one."""
    verbo = next((p for p in reversed(antes) if _verbo_pasado(p)), None)
    sustantivos = _datos()["sustantivo_del_verbo"]
    raiz = next((r for r in sustantivos if verbo is not None and verbo.plana.startswith(r)), None)
    if verbo is None or raiz is None:
        return None
    sujeto = _sujeto_con_articulo(frase[: verbo.inicio])
    quien = f" de {sujeto}".replace(" de el ", " del ") if sujeto else ""
    return _capital(sustantivos[raiz] + quien)


# a relative clause after the subject (", de la que el personero ejerce …,"): no part of it
_RELATIVA = re.compile(
    r",\s*(?:(?:de|en|a|con|por)\s+)?(?:(?:el|la|los|las)\s+)?(?:que|cual|cuales|quien|quienes|donde)\b"
)


def _sujeto_con_articulo(antes: str) -> Optional[str]:
    """The subject a sentence opens with, up to its verb ("La Mesa de
    Infancia, Adolescencia y Familia"), without a relative clause about it
    nor the reflexive "se"; None unless it opens with an article."""
    texto = _RELATIVA.split(antes, maxsplit=1)[0].strip().rstrip(",").strip()
    texto = re.sub(r"\s+se$", "", texto)
    palabras = texto.split()
    if not palabras or plegar(palabras[0]) not in _datos()["articulos"]:
        return None
    if len(palabras) > _datos()["max_palabras_sujeto"]:
        return None
    return texto[0].lower() + texto[1:]


def _sujeto(tokens: list[_Palabra], con_articulo: bool = False) -> Optional[str]:
    """Every word before the sentence's first past verb, none a figure or a
    sign ("La tasa de informalidad en la tenencia de tierras | bajó"),
    without its article unless `con_articulo`; None when the sentence opens
    otherwise."""
    verbo_en = next((i for i, p in enumerate(tokens) if _verbo_pasado(p)), None)
    if verbo_en is None:
        return None
    # the clause right before the verb ("Gracias a las alertas tempranas, | la deserción | bajó")
    coma = max((i for i in range(verbo_en) if tokens[i].plana == ","), default=-1)
    tokens, verbo_en = tokens[coma + 1 :], verbo_en - coma - 1
    articulo = tokens[:1] if tokens and tokens[0].plana in _datos()["articulos"] else []
    sujeto = tokens[len(articulo) : verbo_en]
    if not sujeto or not _contenido(sujeto[0]) or len(sujeto) > _datos()["max_palabras_sujeto"]:
        return None
    if not all(p.es_palabra for p in sujeto):
        return None
    return " ".join(p.texto for p in (articulo if con_articulo else []) + sujeto)
