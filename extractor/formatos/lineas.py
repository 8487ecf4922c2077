"""Words (pdfplumber dicts) into lines, and lines into paragraphs.

A page's words are grouped into `Linea`s while the page is read; what a
reader keeps of a line once its page is done is a `LineaLeida` (its text,
box and weight): the word dicts, with every coordinate of every word, are
left behind with the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from esquemas import umbrales

_U = umbrales("lineas")  # esquemas/disposicion.yaml

TOLERANCIA_LINEA = _U["tolerancia_linea"]  # points between word tops on the same line
HUECO_PARRAFO = _U["hueco_parrafo"]  # a vertical gap above this many line heights starts a paragraph


def fuente_de_palabra(fuentes: list[str]) -> str:
    """A word is bold when all its characters are; otherwise its font is the
    first regular one, in reading order (the same on every run)."""
    if fuentes and all("Bold" in f for f in fuentes):
        return "Bold"
    return next((f for f in fuentes if "Bold" not in f), "")


@dataclass
class Linea:
    palabras: list[dict] = field(default_factory=list)

    @property
    def texto(self) -> str:
        return " ".join(w["text"] for w in self.palabras)

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.palabras)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.palabras)

    @property
    def x0(self) -> float:
        return min(w["x0"] for w in self.palabras)

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.palabras)

    @property
    def negrita(self) -> bool:
        return all("Bold" in w.get("fontname", "") for w in self.palabras)

    def leida(self) -> LineaLeida:
        return LineaLeida(self.texto, self.top, self.bottom, self.x0, self.x1, self.negrita)


@dataclass(slots=True)
class LineaLeida:
    """A line as it is kept after its page is read: the same text, box and
    weight as its `Linea`, without the words."""

    texto: str
    top: float
    bottom: float
    x0: float
    x1: float
    negrita: bool


def leidas(lineas: list[Linea]) -> list[LineaLeida]:
    return [linea.leida() for linea in lineas]


@dataclass
class Parrafo:
    lineas: list[Linea | LineaLeida]

    @property
    def texto(self) -> str:
        return "\n".join(l.texto for l in self.lineas)

    @property
    def top(self) -> float:
        return self.lineas[0].top

    @property
    def bbox(self):
        return (
            round(min(l.x0 for l in self.lineas), 2),
            round(self.lineas[0].top, 2),
            round(max(l.x1 for l in self.lineas), 2),
            round(self.lineas[-1].bottom, 2),
        )

    @property
    def negrita(self) -> bool:
        return all(l.negrita for l in self.lineas)


def agrupar_lineas(palabras: list[dict]) -> list[Linea]:
    lineas: list[Linea] = []
    for w in sorted(palabras, key=lambda w: (round(w["top"]), w["x0"])):
        for linea in reversed(lineas[-3:]):
            if abs(linea.palabras[0]["top"] - w["top"]) <= TOLERANCIA_LINEA:
                linea.palabras.append(w)
                break
        else:
            lineas.append(Linea([w]))
    for linea in lineas:
        linea.palabras.sort(key=lambda w: w["x0"])
    lineas.sort(key=lambda l: l.top)
    return lineas


def agrupar_parrafos(lineas: Sequence[Linea | LineaLeida]) -> list[Parrafo]:
    parrafos: list[Parrafo] = []
    for linea in lineas:
        if parrafos:
            anterior = parrafos[-1].lineas[-1]
            alto = max(anterior.bottom - anterior.top, 1.0)
            mismo_estilo = anterior.negrita == linea.negrita
            if mismo_estilo and linea.top - anterior.bottom <= HUECO_PARRAFO * alto:
                parrafos[-1].lineas.append(linea)
                continue
        parrafos.append(Parrafo([linea]))
    return parrafos
