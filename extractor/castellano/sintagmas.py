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
    return p.texto.endswith("ó") or any(p.plana.endswith(f) for f in _datos()["verbo_pasado"])


def _participio(verbo: str, femenino: bool, plural: bool) -> Optional[str]:
    """The participle of a past form agreeing with its noun ("entregaron" →
    "entregados"), the regular candidate the lexicon knows; None if none is."""
    plana = plegar(verbo)
    raiz = _datos()["participios_irregulares"].get(plana)
    if raiz is None:
        candidatas = []
        for fin in ("aron", "ieron", "yeron"):
            if plana.endswith(fin):
                candidatas.append(plana[: -len(fin)] + ("ad" if fin == "aron" else "id"))
        if verbo.endswith("ó"):
            tema = plana[:-1]  # "benefici|ó" (beneficiar), "atend|ió" (atender), "constru|yó" (construir)
            candidatas += [tema + "ad", (tema[:-1] if tema.endswith(("i", "y")) else tema) + "id"]
        raiz = next((c for c in candidatas if es_palabra(c + "o")), None)
        if raiz is None:
            return None
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


def _femenino(nucleo: _Palabra, antes: list[_Palabra]) -> bool:
    d = _datos()
    # the article right before the figure ("las 400 familias") or before the
    # total it is part of ("9 de las 12 sedes": antes ends in "de las 12")
    cerca = antes[-1:] if not antes or antes[-1].es_palabra else antes[-2:-1]
    articulo = next((p for p in cerca if p.plana in d["articulos"]), None)
    if articulo is not None:
        return articulo.plana in d["femeninos"]
    return any(nucleo.plana.endswith(f) for f in d["finales_femeninos"])


def _marco(frase: str) -> Optional[str]:
    """The programme an opening phrase names ("Con el programa de transporte
    escolar, se atendieron …", "En el Programa de Alimentación Escolar (PAE)
    se beneficiaron …"): where the counted result comes from."""
    plana = plegar(frase)
    inicio = next((m for m in _datos()["marcos"] if plana.startswith(m + " ")), None)
    if inicio is None:
        return None
    tokens = _tokens(frase[len(inicio) + 1 :], len(inicio) + 1)
    cuerpo = _frase_nominal(tokens)
    if not cuerpo or cuerpo[0].plana in _datos()["articulos"]:
        return None
    return f"{frase[: len(inicio)].lower()} {frase[tokens[0].inicio : cuerpo[-1].inicio + len(cuerpo[-1].texto)]}"


def nombre_de_frase(frase: str, inicio: int, fin: int) -> Optional[str]:
    """The indicator a sentence reports on, given the span [inicio, fin) of
    its achieved figure; None when the sentence names nothing usable."""
    antes = _tokens(frase[:inicio])
    despues = _tokens(frase[fin:], fin)
    # "9 de las 12 sedes …": what the figure counts follows the total
    if len(despues) >= 3 and despues[0].plana == "de" and not despues[1].es_palabra:
        antes, despues = antes + despues[:2], despues[2:]
    elif (
        len(despues) >= 3
        and despues[0].plana == "de"
        and despues[1].plana in _datos()["articulos"]
        and not despues[2].es_palabra
    ):
        antes, despues = antes + despues[:3], despues[3:]
    contado = _frase_nominal(despues)
    # "de las 12 plazas previstas": the word that makes the total a target is no part of the name
    while len(contado) > 1 and contado[-1].plana.startswith(tuple(_datos()["dicen_la_meta"])):
        contado.pop()
    verbo = next((p for p in reversed(antes) if _verbo_pasado(p)), None)
    if contado and verbo is not None:
        nombre = _texto(contado, frase)
        entre = [p for p in antes if p.inicio > verbo.inicio]
        if entre and entre[-1].plana == "a":  # "garantizó el transporte escolar a 412 estudiantes"
            objeto = _frase_nominal([p for p in entre[:-1] if p.plana not in _datos()["articulos"]])
            if objeto:
                return _capital(f"{nombre} con {_texto(objeto, frase)}")
        plural = contado[0].plana.endswith("s")
        # a list of nouns is feminine only when its last one is too ("niñas, niños y adolescentes")
        lista = any(p.plana in (",", "y", "e") for p in contado)
        femenino = _femenino(contado[0], antes) and (not lista or _femenino(contado[-1], []))
        participio = _participio(verbo.texto, femenino, plural)
        nombre = f"{nombre} {participio}" if participio else nombre
        marco = _marco(frase)
        return _capital(f"{nombre} {marco}" if marco else nombre)
    # the subject: "La tasa de deserción escolar bajó …"
    tokens = _tokens(frase)
    while tokens and tokens[0].plana in _datos()["articulos"]:
        tokens = tokens[1:]
    # every word up to the verb, none a figure or a sign ("La tasa de informalidad en la tenencia de tierras | bajó")
    verbo_en = next((i for i, p in enumerate(tokens) if _verbo_pasado(p)), None)
    sujeto = tokens[:verbo_en] if verbo_en else []
    if (
        sujeto
        and _contenido(sujeto[0])
        and all(p.es_palabra for p in sujeto)
        and len(sujeto) <= _datos()["max_palabras"]
    ):
        return _capital(_texto(sujeto, frase))
    return None
