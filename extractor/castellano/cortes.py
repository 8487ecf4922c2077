"""Line breaks that cut a word or a number inside a narrow PDF cell.

A PDF keeps a cell's lines as they were drawn: a figure too wide for its
column wraps ("$12.79" / "0.004." / "998", "109," / "8 %") and so does a long
word ("Ejecu" / "tado", "vacunada" / "s"). Joining the lines with a space
reads two numbers, or a wrong one, and two half-words. A break is closed
when the number grammar (extractor/castellano/numeros.py) or the Spanish lexicon
(extractor/castellano/lexico.py) says the two pieces are one token; otherwise it stays.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.castellano import palabras
from extractor.modelo import Documento, Tabla
from extractor.castellano.numeros import leer_numero

# the number-like tail of a line and head of the next
_COLA_NUMERO = re.compile(r"(?:^|(?<=\s))(\$\s?)?[\d][\d.,']*$")
_CABEZA_NUMERO = re.compile(r"^[\d.,'][\d.,']*")
_COLA_PALABRA = re.compile(r"(?:^|(?<=[\s(\"“]))([^\W\d_]+)$")
_CABEZA_PALABRA = re.compile(r"^([^\W\d_]+)")
_ANIO_CORTADO = re.compile(r"(?:19|20)\d?\|\d{1,2}")  # "20" / "21", "202" / "1": a year of four digits
# a date or a range of years cut at a hyphen: "30-" / "sep", "sep-" / "2025", "2024" / "-202", "-202" / "7"
_MES = rf"(?:{palabras.alternativas(palabras.por_numero('meses'))})"  # esquemas/castellano.yaml
_FECHA_CORTADA = re.compile(
    rf"(?:(?:\d|\b{_MES})-\|(?:\d|{_MES}\b)|\d\|-\d|\d{{4}}-(?:19|20)\d?\|\d{{1,2}}$)", re.IGNORECASE
)
_GRUPO_INCOMPLETO = re.compile(r"\d[.']\d{1,2}$")  # "1.18", "$12.79": a thousands group cut short


# words of two letters that end a line as themselves: links and pronouns ("de" / "vacunación", "se" / "realizaron")
_CORTAS_QUE_SON_PALABRA = frozenset(
    ["de", "la", "el", "en", "al", "lo", "le", "se", "su", "un", "es", "ya", "ni", "mi", "tu", "si", "no", "me", "te"]
)


def numero_cortado(cola: str, cabeza: str) -> bool:
    """Whether "cola" + "cabeza" is one number cut by the line break."""
    unido = cola + cabeza
    if leer_numero(unido) is None:
        return False
    return (
        cola[-1] in ".,'"
        or cabeza[0] in ".,'"
        or cabeza.startswith("0")
        and len(cabeza) > 1
        or bool(_GRUPO_INCOMPLETO.search(cola))
        or leer_numero(cola) is None
        or leer_numero(cabeza) is None
    )


def unir_lineas(texto: str, lexico=None) -> str:
    """A cell's text with the line breaks inside a number or a word closed.
    `lexico`: (es_palabra, es_prefijo) of extractor/castellano/lexico.py (words are
    left alone without it)."""
    if "\n" not in texto:
        return texto
    lineas = texto.split("\n")
    salida = lineas[0]
    for linea in lineas[1:]:
        salida = salida.rstrip()
        linea = linea.lstrip()
        if salida and linea and lexico is not None and (unida := _sin_guion_de_corte(salida, linea, lexico)):
            salida = unida
        elif salida and linea and _cortada(salida, linea, lexico):
            salida += linea
        else:
            salida += "\n" + linea
    return salida


_COLA_CON_GUION = re.compile(r"(?:^|(?<=[\s(\"“]))([^\W\d_]+)-$")


def _sin_guion_de_corte(antes: str, despues: str, lexico) -> str | None:
    """The two lines joined when the first ends with a word cut by a
    hyphen ("Ejecu-" / "tado", "progra-" / "mados") whose pieces make a
    word of the lexicon; None otherwise ("socio-" / "económico" is a word
    too; "may-" / "jun" is a range)."""
    cola, cabeza = _COLA_CON_GUION.search(antes), _CABEZA_PALABRA.match(despues)
    if not (cola and cabeza) or not cabeza.group(1)[0].islower():
        return None
    es_palabra, _ = lexico
    if not es_palabra(cola.group(1) + cabeza.group(1)):
        return None
    return antes[:-1] + despues


def _cortada(antes: str, despues: str, lexico) -> bool:
    if _FECHA_CORTADA.search(f"{antes}|{despues}") and any(ch.isalpha() for ch in antes):
        return True  # a header's date or range cut at its hyphen ("Avance a 30-" / "sep-" / "2025")
    cola, cabeza = _COLA_NUMERO.search(antes), _CABEZA_NUMERO.match(despues)
    if cola and cabeza:
        # a header's year cut after its words ("Meta 202" / "1"; not two figures one over the other)
        titulo = any(ch.isalpha() for ch in antes[: cola.start()]) and bool(
            _ANIO_CORTADO.fullmatch(f"{cola.group(0)}|{cabeza.group(0)}")
        )
        return titulo or numero_cortado(cola.group(0).replace(" ", ""), cabeza.group(0))
    if lexico is None:
        return False
    if antes.endswith("-"):
        return False  # (a word cut with its hyphen: _sin_guion_de_corte)
    cola, cabeza = _COLA_PALABRA.search(antes), _CABEZA_PALABRA.match(despues)
    if not (cola and cabeza) or not cabeza.group(1)[0].islower():
        return False
    es_palabra, es_prefijo = lexico
    a, b = cola.group(1), cabeza.group(1)
    # A word is only cut when it does not fit the cell's width: then it
    # starts its line ("Asegura" / "miento", "vacunada" / "s"). Elsewhere a
    # break falls between words unless neither piece is a word ("semanalme"
    # / "nte"), and "de" / "vacunación" stays two words.
    sola = antes.rsplit("\n", 1)[-1] == a
    if es_palabra(a + b):
        if not (es_palabra(a) and es_palabra(b)):
            return True
        # both pieces are words too: a short word alone on its line is a
        # word ("con" / "seguimiento"), a long one is cut ("Asegura" / "miento");
        # two letters that link no words at a line's end begin the next word ("Línea ba" / "se")
        return sola and (len(a) >= 5 or len(b) <= 2) or len(a) == 2 and a.lower() not in _CORTAS_QUE_SON_PALABRA

    # a word cut in more than two pieces ("cum" / "plim" / "ient" / "o")
    return sola and despues.rstrip(".:,;") == b and not es_palabra(a) and es_prefijo(a + b)


def reparar_cortes(doc: Documento, lexico=None) -> Documento:
    """Every PDF table cell with its cut numbers and words joined."""
    if doc.formato != "pdf":
        return doc
    if lexico is None:
        from extractor.castellano.lexico import es_palabra, es_prefijo

        lexico = (es_palabra, es_prefijo)
    bloques = []
    for bloque in doc.bloques:
        if isinstance(bloque, Tabla) and any("\n" in c.texto for c in bloque.celdas):
            bloque = replace(
                bloque,
                celdas=[
                    replace(c, texto=unir_lineas(c.texto, lexico)) if "\n" in c.texto else c for c in bloque.celdas
                ],
            )
        bloques.append(bloque)
    return replace(doc, bloques=bloques)
