"""Words (pdfplumber dicts) into lines, and lines into paragraphs.

A page's words are grouped into `Linea`s while the page is read; what a
reader keeps of a line once its page is done is a `LineaLeida` (its text,
box and weight): the word dicts, with every coordinate of every word, are
left behind with the page.
"""

from __future__ import annotations

import re

import statistics
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Optional

from esquemas import umbrales
from extractor.castellano.periodos import MESES
from extractor.formatos.cajas import contiene, union

_U = umbrales("lineas")  # esquemas/disposicion.yaml

TOLERANCIA_LINEA = _U["tolerancia_linea"]  # points between word tops on the same line
HUECO_PARRAFO = _U["hueco_parrafo"]  # a vertical gap above this many line heights starts a paragraph
CALLE, MIN_CALLE = _U["calle"], _U["min_calle"]  # a gap this wide between words is a gutter between columns
HUECO_COLUMNA = _U["hueco_columna"]  # line heights: a narrower gap where a column starts is a gutter too
ALINEADA = _U["alineada"]  # points between the starts of lines of one column
OTRO_CUERPO = _U["otro_cuerpo"]  # a line this many times taller (or shorter) than the one above starts a paragraph
PIE_DE_RECUADRO = _U["pie_de_recuadro"]  # points between a card's bottom and its foot's first line
MIN_CALLE_TEXTO = _U["min_calle_texto"]  # points of white between two columns of prose
MIN_LINEAS_COLUMNA = _U["min_lineas_columna"]  # lines with words on both sides of that white
MIN_ANCHO_COLUMNA = _U["min_ancho_columna"]  # points of words on each side, in most of them
CALLE_DE_ORDEN = _U["calle_de_orden"]  # points between blocks side by side read column by column


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

    @property
    def letra(self) -> float:
        """The height of its usual word: its type size, whatever a raised call ("2.870¹") adds."""
        return statistics.median(w["bottom"] - w["top"] for w in self.palabras)

    def leida(self) -> LineaLeida:
        return LineaLeida(self.texto, self.top, self.bottom, self.x0, self.x1, self.negrita, self.letra)


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
    letra: float = 0.0  # the height of its usual word (Linea.letra)


def leidas(lineas: list[Linea], recuadros: Sequence[tuple] = ()) -> list[LineaLeida]:
    """The lines as kept, each cut at the gutters between columns of text
    ("Meta: 1.120 … Meta: 95,0 %" across two cards of a slide is two
    lines): where its words pass from one drawn card to another
    (`recuadros`), at the gaps CALLE line heights wide (MIN_CALLE points at
    least), then at the gaps HUECO_COLUMNA line heights wide where the next
    word starts a column (two other pieces of the page start there)."""
    valores: set[int] = set()  # words a card's line of a label and its value starts the value with
    if recuadros:
        lineas = [p for linea in lineas for p in _por_recuadro(linea, recuadros)]
        valores = {id(w) for linea in lineas if (w := _valor_del_rotulo(linea, recuadros))}
    for a, b in _calles_de_texto(lineas):  # two columns of prose: cut every line across their gutter
        medio = (a + b) / 2
        lineas = [
            p for linea in lineas for p in cortada(linea, lambda w, hueco, alto: w["x0"] - hueco <= medio <= w["x0"])
        ]
    piezas = [
        p
        for linea in lineas
        for p in cortada(linea, lambda w, hueco, alto: hueco > max(CALLE * alto, MIN_CALLE) and id(w) not in valores)
    ]
    # where pieces start, and the words after a gap HUECO_COLUMNA line heights wide (cards in a grid
    # whose gutter is narrow: "para | Hogares", "nueva | acueducto", "48 | 175" all start at one x)
    tras_hueco = [
        w["x0"]
        for p in piezas
        for anterior, w in zip(p.palabras, p.palabras[1:])
        if w["x0"] - anterior["x1"] > HUECO_COLUMNA * max(p.bottom - p.top, 1.0)
    ]
    inicios = sorted([p.x0 for p in piezas] + tras_hueco)
    # a bold heading in the margin beside its paragraph's first line ("Campo y café | El café especial …"):
    # where the weight changes, half the gap is enough
    tras_cambio = {id(b) for p in piezas for a, b in zip(p.palabras, p.palabras[1:]) if _negrita(a) != _negrita(b)}

    def inicia_columna(w: dict, hueco: float, alto: float) -> bool:
        if hueco <= HUECO_COLUMNA * alto / (2 if id(w) in tras_cambio else 1) or id(w) in valores:
            return False
        # two others start there (the word itself is one of `inicios`)
        return bisect_right(inicios, w["x0"] + ALINEADA) - bisect_left(inicios, w["x0"] - ALINEADA) >= 3

    finales = [p for pieza in piezas for p in cortada(pieza, inicia_columna)]
    return _con_rotulos_enteros(finales, valores, recuadros) if valores else [p.leida() for p in finales]


MAX_PALABRAS_SIGUE_ROTULO = 3  # words of a card's label wrapped under its line ("2027", "sep. 2025")


def _con_rotulos_enteros(lineas: list[Linea], valores: set[int], recuadros: Sequence[tuple]) -> list[LineaLeida]:
    """The lines as kept, a card's label that wraps under its own line of a
    label and its value ("Meta cuatrienio 2024- …… 640 estudiantes" over
    "2027", "Acumulado 2024 – … 598" over "sep. 2025") whole again: the short
    line right under it, starting where it starts, with no figure but a
    year or a date, goes into the label, before the value."""
    salida: list[LineaLeida] = []
    usadas: set[int] = set()
    for k, linea in enumerate(lineas):
        if k in usadas:
            continue
        leida = linea.leida()
        valor = next((j for j, w in enumerate(linea.palabras) if id(w) in valores), None)
        sigue = _sigue_el_rotulo(linea, lineas, recuadros) if valor else None
        if valor and sigue is not None:
            usadas.add(sigue)
            resto = lineas[sigue]
            rotulo = " ".join(w["text"] for w in linea.palabras[:valor])
            union = "" if rotulo.endswith(("-", "–")) and resto.palabras[0]["text"][:1].isdigit() else " "
            texto = " ".join(w["text"] for w in linea.palabras[valor:])
            leida.texto = f"{rotulo}{union}{resto.texto} {texto}"
            leida.bottom = max(leida.bottom, resto.bottom)
        salida.append(leida)
    return salida


def _sigue_el_rotulo(linea: Linea, lineas: list[Linea], recuadros: Sequence[tuple]) -> Optional[int]:
    """The index of the line that goes on with `linea`'s label, or None."""
    alto = linea.bottom - linea.top
    caja = _recuadro_de(linea.palabras[0], recuadros)
    for k, otra in enumerate(lineas):
        if (
            0 <= otra.top - linea.bottom <= alto
            and abs(otra.x0 - linea.x0) <= ALINEADA
            and len(otra.palabras) <= MAX_PALABRAS_SIGUE_ROTULO
            and _recuadro_de(otra.palabras[0], recuadros) == caja
            and all(not _CIFRA.match(w["text"]) or _ANIO.match(w["text"]) for w in otra.palabras)
            and any(ch.isdigit() for ch in otra.texto)
        ):
            return k
    return None


def _negrita(w: dict) -> bool:
    return bool(w.get("negrita")) or "bold" in w.get("fontname", "").lower()


def _calles_de_texto(lineas: list[Linea]) -> list[tuple[float, float]]:
    """The gutters (x0, x1) between columns of prose on a page: a band at
    least MIN_CALLE_TEXTO points wide that almost no line's words cover
    (a heading across the page may), with MIN_LINEAS_COLUMNA lines or more
    that have words on both sides, wide ones (MIN_ANCHO_COLUMNA points each
    side: prose, not a list of names and figures)."""
    if len(lineas) < MIN_LINEAS_COLUMNA:
        return []
    izquierda = int(min(l.x0 for l in lineas))
    cubiertas = [0] * (int(max(l.x1 for l in lineas)) - izquierda + 2)
    for linea in lineas:
        for w in linea.palabras:
            for x in range(int(w["x0"]) - izquierda, int(w["x1"]) - izquierda + 1):
                cubiertas[x] += 1
    tope = max(1, len(lineas) // 10)  # headings and notes across the page
    calles, inicio = [], None
    for x, n in enumerate(cubiertas + [tope + 1]):
        if n <= tope and inicio is None:
            inicio = x
        elif n > tope and inicio is not None:
            if x - inicio >= MIN_CALLE_TEXTO and inicio > 0 and x < len(cubiertas):
                calles.append((inicio + izquierda, x + izquierda))
            inicio = None
    return [c for c in calles if _entre_columnas(lineas, *c)]


def _entre_columnas(lineas: list[Linea], a: float, b: float) -> bool:
    anchos = [
        (
            sum(w["x1"] - w["x0"] for w in linea.palabras if w["x1"] <= a),
            sum(w["x1"] - w["x0"] for w in linea.palabras if w["x0"] >= b),
        )
        for linea in lineas
    ]
    ambos = [(i, d) for i, d in anchos if i and d]
    if len(ambos) < MIN_LINEAS_COLUMNA:
        return False
    return (
        statistics.median(i for i, _ in ambos) >= MIN_ANCHO_COLUMNA
        and statistics.median(d for _, d in ambos) >= MIN_ANCHO_COLUMNA
    )


def con_pies(recuadros: Sequence[tuple], palabras: Sequence[dict]) -> list[tuple]:
    """The drawn boxes grown down over their feet: the lines printed right
    under a card (PIE_DE_RECUADRO points at most, one after the other)
    within its width and in no box ("Meta 2017: 250 ha | Cumplimiento 85,0 %"
    under the card of "Hectáreas de café renovadas"), so that they are read
    with the card and cut where the next card's foot starts."""
    sueltas = [w for w in palabras if _recuadro_de(w, recuadros) is None]
    salida = []
    for x0, top, x1, bottom in recuadros:
        debajo = sorted(
            (w for w in sueltas if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and w["top"] > bottom - 1),
            key=lambda w: w["top"],
        )
        fondo = bottom
        for w in debajo:
            if w["top"] > fondo + PIE_DE_RECUADRO:
                break
            fondo = max(fondo, w["bottom"])
        salida.append((x0, top, x1, fondo))
    return salida


def _recuadro_de(w: dict, recuadros: Sequence[tuple]) -> Optional[int]:
    """The smallest drawn box around the word's middle, or None."""
    x, y = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
    dentro = [k for k, r in enumerate(recuadros) if r[0] <= x <= r[2] and r[1] <= y <= r[3]]
    return min(
        dentro, key=lambda k: (recuadros[k][2] - recuadros[k][0]) * (recuadros[k][3] - recuadros[k][1]), default=None
    )


# a figure, perhaps with its sign, currency or percent: "2.400", "$ 1.200", "85,6 %"
_CIFRA = re.compile(r"^[-−$]?\d[\d.,']*%?$")
_ANIO = re.compile(r"^(?:19|20)\d\d$")
MAX_PALABRAS_UNIDAD = 2  # words of the unit after a card's value ("2.400 productores", "310 ha")


def _valor_del_rotulo(linea: Linea, recuadros: Sequence[tuple]) -> Optional[dict]:
    """In a line inside a card, a label then, far to its right, its value:
    its last figure and a short unit after it ("Meta 2026 …… 2.400
    productores"). The value's first word, or None. One field, not two
    columns."""
    palabras = linea.palabras
    if len(palabras) < 2 or _recuadro_de(palabras[0], recuadros) is None:
        return None
    k = next((k for k in range(len(palabras) - 1, 0, -1) if _CIFRA.match(palabras[k]["text"])), None)
    if k is None or not 1 <= len(palabras) - k - 1 <= MAX_PALABRAS_UNIDAD:
        return None  # (a bare figure far right may head a column of values: read beside its labels)
    unidad = [w["text"] for w in palabras[k + 1 :]]
    if not all(any(ch.isalpha() for ch in t) and not any(ch.isdigit() for ch in t) for t in unidad):
        return None  # "75,0 %", "9 2021": no unit
    if palabras[k - 1]["text"] == "$":
        k -= 1
    rotulo = [w["text"] for w in palabras[:k]]
    if any(_CIFRA.match(t) and not _ANIO.match(t) and not _dia_de(rotulo, j) for j, t in enumerate(rotulo)):
        return None  # the label has its figure already: the one far right is another column's
    return palabras[k] if any(ch.isalpha() for t in rotulo for ch in t) else None


def _dia_de(rotulo: list[str], j: int) -> bool:
    """The label's word j is the day of a date ("Logro al 30 sep. 2025")."""
    siguiente = rotulo[j + 1].rstrip(".").casefold() if j + 1 < len(rotulo) else ""
    return rotulo[j].isdigit() and int(rotulo[j]) <= 31 and siguiente in MESES


def _por_recuadro(linea: Linea, recuadros: Sequence[tuple]) -> list[Linea]:
    """The line cut where its words pass from one drawn box to another."""
    cajas = [_recuadro_de(w, recuadros) for w in linea.palabras]
    if len(set(cajas)) < 2:
        return [linea]
    piezas = [Linea([linea.palabras[0]])]
    for antes, caja, w in zip(cajas, cajas[1:], linea.palabras[1:]):
        if caja != antes:
            piezas.append(Linea([]))
        piezas[-1].palabras.append(w)
    return piezas


def cortada(linea: Linea, es_calle) -> list[Linea]:
    """The line cut before each word where `es_calle(word, gap before it, line height)`."""
    alto = max(linea.bottom - linea.top, 1.0)
    piezas = [Linea([linea.palabras[0]])]
    for anterior, w in zip(linea.palabras, linea.palabras[1:]):
        if es_calle(w, w["x0"] - anterior["x1"], alto):
            piezas.append(Linea([]))
        piezas[-1].palabras.append(w)
    return piezas


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
    """Lines into paragraphs: a line goes on the paragraph it is close under
    in its own column (paragraphs of columns side by side grow together)."""
    parrafos: list[Parrafo] = []
    inicios: list[Linea | LineaLeida] = []  # the lines that started a paragraph
    for linea in lineas:
        encima = next((p for p in reversed(parrafos[-4:]) if _misma_columna(p.lineas[-1], linea)), None)
        if (
            encima is not None
            and _sigue(encima.lineas[-1], linea)
            and not _figura_de_otra_linea(linea, encima.lineas[-1], inicios)
        ):
            encima.lineas.append(linea)
        else:
            parrafos.append(Parrafo([linea]))
            inicios.append(linea)
    return parrafos


def _figura_de_otra_linea(
    linea: Linea | LineaLeida, arriba: Linea | LineaLeida, inicios: list[Linea | LineaLeida]
) -> bool:
    """A lone figure whose line's label, on its left at the same height,
    starts a paragraph under the same line `arriba` ("Línea base 2022 ……
    61,0 %" under a heading as wide as the card): the figure goes with that
    line, not under the heading (a column's figures under its own header
    word stay with it)."""
    if not _figura_sola(linea.texto):
        return False
    return any(
        abs(l.top - linea.top) <= TOLERANCIA_LINEA and l.x1 <= linea.x0 and arriba.x0 < l.x1 for l in inicios[-4:]
    )


def _figura_sola(texto: str) -> bool:
    """A figure alone on its line, not a year ("2021" ends a heading's line)."""
    texto = texto.strip().rstrip("%").strip()
    cifra = bool(texto) and all(ch.isdigit() or ch in ".,'$ " for ch in texto) and any(ch.isdigit() for ch in texto)
    return cifra and not re.fullmatch(r"(19|20)\d\d", texto)


def _misma_columna(a: Linea | LineaLeida, b: Linea | LineaLeida) -> bool:
    return a.x0 <= b.x1 and b.x0 <= a.x1


def _sigue(anterior: Linea | LineaLeida, linea: Linea | LineaLeida) -> bool:
    alto = max(anterior.bottom - anterior.top, 1.0)
    otro = max(linea.bottom - linea.top, 1.0)
    return (
        anterior.negrita == linea.negrita
        and linea.top - anterior.bottom <= HUECO_PARRAFO * alto
        and max(alto, otro) <= OTRO_CUERPO * min(alto, otro)  # a card's big figure under its heading
    )


def orden_de_lectura(
    cajas: list[tuple], cortes: Sequence[float] = (), recuadros: Sequence[tuple] = ()
) -> list[list[int]]:
    """The reading order of a page's text blocks (x0, top, x1, bottom), as
    runs: top to bottom, one block a run, except where blocks stand in
    columns with a gutter between them (cards of a slide, two columns of
    text): such a run is read column by column, until a block runs across
    the gutter or a table starts (`cortes`: the tops of the page's tables).
    The blocks inside one box drawn on the page (`recuadros`: a card) are
    read together, in this same order among themselves."""
    grupos = _en_recuadros(cajas, recuadros)
    if not grupos:
        return _orden(cajas, cortes)
    agrupados = {i for partes in grupos for parte in partes for i in parte}
    unidades = grupos + [[[i]] for i in range(len(cajas)) if i not in agrupados]
    unidas = [union(cajas[i] for parte in partes for i in parte) for partes in unidades]
    salida = []
    for tramo in _orden(unidas, cortes):
        corrida: list[int] = []
        for u in tramo:
            partes = unidades[u]
            for k in _por_columnas([union(cajas[i] for i in parte) for parte in partes]):
                corrida += [partes[k][j] for j in _por_columnas([cajas[i] for i in partes[k]])]
        salida.append(corrida)
    return salida


def _por_columnas(cajas: list[tuple]) -> list[int]:
    """The blocks of one box column by column, each column top to bottom (a
    card's label on the left, its figure and target on the right)."""
    calles = _calles(cajas)
    return sorted(range(len(cajas)), key=lambda k: (sum(cajas[k][0] > c for c in calles), cajas[k][1]))


def _en_recuadros(cajas: list[tuple], recuadros: Sequence[tuple]) -> list[list[list[int]]]:
    """The blocks of each drawn box that holds two or more, each block in
    the smallest such box around it (a card, not the panel or the page's
    background behind it; not the badge inside it that holds one line), as
    parts: a block alone, or the blocks of a box inside the card that holds
    two (its foot's band, read as one piece of the card) when the card holds
    no other box's blocks."""
    dentro = [[i for i, c in enumerate(cajas) if contiene(r, c)] for r in recuadros]
    por_area = sorted(
        (k for k, miembros in enumerate(dentro) if len(miembros) >= 2),
        key=lambda k: (recuadros[k][2] - recuadros[k][0]) * (recuadros[k][3] - recuadros[k][1]),
    )
    grupo_de: dict[int, int] = {}
    for k in por_area:
        for i in dentro[k]:
            grupo_de.setdefault(i, k)
    partes: dict[int, list[list[int]]] = {}
    for i, k in sorted(grupo_de.items()):
        partes.setdefault(k, []).append([i])
    for k in por_area:
        encierran = [p for p in por_area if p != k and _encierra(recuadros[p], recuadros[k]) and p in partes]
        if k in partes and encierran and not {grupo_de[i] for i in dentro[encierran[0]]} - {k, encierran[0]}:
            partes[encierran[0]].append([i for parte in partes.pop(k) for i in parte])
    return [p for p in partes.values() if sum(map(len, p)) >= 2]


def _encierra(a: tuple, b: tuple) -> bool:
    """Box a holds box b (2 points of tolerance) and is larger."""
    return (a[2] - a[0]) * (a[3] - a[1]) > (b[2] - b[0]) * (b[3] - b[1]) and contiene(a, b)


def _orden(cajas: list[tuple], cortes: Sequence[float] = ()) -> list[list[int]]:
    """`orden_de_lectura` without boxes."""
    orden = sorted(range(len(cajas)), key=lambda i: (cajas[i][1], cajas[i][0]))
    tramos: list[list[int]] = []
    for i in orden:
        cruza = tramos and any(cajas[tramos[-1][0]][1] < c <= cajas[i][1] for c in cortes)
        if tramos and not cruza and _calles([cajas[k] for k in tramos[-1] + [i]]):
            tramos[-1].append(i)
        else:
            tramos.append([i])
    return [[tramo[k] for k in _por_columnas([cajas[i] for i in tramo])] for tramo in tramos]


def _calles(cajas: list[tuple]) -> list[float]:
    """The middles of the gaps at least CALLE_DE_ORDEN wide between the blocks' x spans."""
    calles, borde = [], None
    for x0, _, x1, _ in sorted(cajas):
        if borde is not None and x0 - borde >= CALLE_DE_ORDEN:
            calles.append((borde + x0) / 2)
        borde = x1 if borde is None else max(borde, x1)
    return calles
