"""Words (pdfplumber dicts) into lines, and lines into paragraphs."""
from __future__ import annotations

from dataclasses import dataclass, field

LINE_TOLERANCE = 3.0  # points between word tops on the same line
PARAGRAPH_GAP = 0.8  # a vertical gap above this many line heights starts a paragraph


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


@dataclass
class Parrafo:
    lineas: list[Linea]

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


def agrupar_lineas(words: list[dict]) -> list[Linea]:
    lines: list[Linea] = []
    for w in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        for line in reversed(lines[-3:]):
            if abs(line.palabras[0]["top"] - w["top"]) <= LINE_TOLERANCE:
                line.palabras.append(w)
                break
        else:
            lines.append(Linea([w]))
    for line in lines:
        line.palabras.sort(key=lambda w: w["x0"])
    lines.sort(key=lambda l: l.top)
    return lines


def agrupar_parrafos(lines: list[Linea]) -> list[Parrafo]:
    paragraphs: list[Parrafo] = []
    for line in lines:
        if paragraphs:
            prev = paragraphs[-1].lineas[-1]
            height = max(prev.bottom - prev.top, 1.0)
            same_style = prev.negrita == line.negrita
            if same_style and line.top - prev.bottom <= PARAGRAPH_GAP * height:
                paragraphs[-1].lineas.append(line)
                continue
        paragraphs.append(Parrafo([line]))
    return paragraphs
