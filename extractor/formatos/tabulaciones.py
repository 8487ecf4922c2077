"""Tables a Word author built with tab stops instead of a table object: a run
of paragraphs whose fields are parted by tabs ("Mercados campesinos
realizados⇥Número⇥12⇥12⇥14⇥116,7 %"), under a paragraph of the same kind with
the column headers. python-docx finds no table there; the reader makes one.

A run is at least MIN_FILAS paragraphs with tabs, about as many fields as the
first (the header), of which MIN_CON_CIFRAS hold a figure; up to MAX_BANDAS paragraphs without tabs between two of them
(a programme's heading inside the table) are rows across the whole table.
Each field goes to the column of its place ("$" alone in a field goes with
the amount after it); a row short of fields had a field's tab typed as
spaces ("Número         5.000"): its runs of three spaces or more part
fields too. A row whose first field is empty takes its name from the
paragraph right above it (a long name on a paragraph of its own).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.modelo import BloqueTexto, Celda, Tabla

MIN_FILAS = 3  # paragraphs with tabs, header included
MIN_CON_CIFRAS = 2  # of them holding a digit
MAX_BANDAS = 2  # paragraphs without tabs in a row inside a table
_MONEDAS = {"$", "COP", "$COP"}
MAX_FALTANTES = 2  # fields a row may have fewer than the header (tabs typed as spaces, empty ends)
_ESPACIOS = re.compile(r" {3,}")


def con_tablas_de_tabulaciones(bloques: list) -> list:
    """The blocks with each run of tabbed paragraphs made a table (tables
    numbered again in order)."""
    bloques = [parte for b in bloques for parte in _por_lineas(b)]
    salida: list = []
    i = 0
    while i < len(bloques):
        fin = _fin_de_tanda(bloques, i)
        if fin is not None:
            salida.append(_tabla(bloques[i:fin]))
            i = fin
        else:
            salida.append(bloques[i])
            i += 1
    indice = 0
    for b in salida:
        if isinstance(b, Tabla):
            indice += 1
            b.indice = indice
    return salida


def _por_lineas(b) -> list:
    """A tabbed paragraph broken by manual line breaks into lines that are
    each tabbed (a header of two rows in one paragraph) is one paragraph a
    line; a name broken over lines before its tabbed figures stays whole."""
    if not _con_tab(b) or "\n" not in b.texto:
        return [b]
    lineas = b.texto.split("\n")
    if sum("\t" in linea for linea in lineas) < 2:
        return [b]
    return [replace(b, texto=linea) for linea in lineas if linea.strip()]


def _con_tab(b) -> bool:
    return isinstance(b, BloqueTexto) and "\t" in b.texto


def _fin_de_tanda(bloques: list, i: int) -> int | None:
    """The end (exclusive) of the run of tabbed paragraphs opening at i, or None."""
    if not _con_tab(bloques[i]):
        return None
    columnas = len(bloques[i].texto.split("\t"))
    fin, j = i + 1, i + 1
    while j < len(bloques):
        if _con_tab(bloques[j]) and len(bloques[j].texto.split("\t")) >= columnas - MAX_FALTANTES:
            fin = j = j + 1
        elif isinstance(bloques[j], BloqueTexto) and j - fin < MAX_BANDAS:
            j += 1
        else:
            break
    tabuladas = [b for b in bloques[i:fin] if _con_tab(b)]
    con_cifras = sum(any(ch.isdigit() for ch in b.texto) for b in tabuladas[1:])
    return fin if len(tabuladas) >= MIN_FILAS and con_cifras >= MIN_CON_CIFRAS else None


def _separados(texto: str) -> list[str]:
    """The fields of a tabbed paragraph; a "$" alone in its field (a tab
    stop of its own before the amount) goes with the amount."""
    campos: list[str] = []
    for campo in texto.split("\t"):
        if campos and campos[-1].strip() in _MONEDAS:
            campos[-1] = f"{campos[-1].strip()} {campo.strip()}"
        else:
            campos.append(campo)
    return campos


def _campos(texto: str, n: int) -> list[str]:
    campos = _separados(texto)
    k = 0
    while len(campos) < n and k < len(campos):
        partes = _ESPACIOS.split(campos[k].strip())
        if len(partes) > 1:
            campos[k : k + 1] = partes[: n - len(campos) + 1] if len(partes) > n - len(campos) + 1 else partes
        k += 1
    return [c.strip() for c in campos]


def _tabla(parrafos: list[BloqueTexto]) -> Tabla:
    n = max(len(_separados(p.texto)) for p in parrafos if "\t" in p.texto)
    celdas: list[Celda] = []
    r = 0
    for k, p in enumerate(parrafos):
        siguiente = parrafos[k + 1] if k + 1 < len(parrafos) else None
        if "\t" not in p.texto and siguiente is not None and siguiente.texto.startswith("\t"):
            continue  # a row's name on a paragraph of its own, its figures on the next one
        if "\t" not in p.texto:  # a heading inside the table: a row across it
            celdas.append(Celda(texto=p.texto, fila=r, columna=0, pagina=p.pagina, columnas_span=n, negrita=p.negrita))
            r += 1
            continue
        campos = _campos(p.texto, n)
        anterior = parrafos[k - 1] if k else None
        if not campos[0] and anterior is not None and "\t" not in anterior.texto:
            campos[0] = " ".join(anterior.texto.split())
        for j, campo in enumerate(campos):
            celdas.append(Celda(texto=campo, fila=r, columna=j, pagina=p.pagina, negrita=p.negrita))
        r += 1
    return Tabla(indice=0, celdas=celdas)
