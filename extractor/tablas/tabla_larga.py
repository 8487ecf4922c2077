"""Tables in long form, as open-data portals publish them: one row per
indicator, measure and period, the measure named in one column ("TIPO_VALOR":
LINEA_BASE, META_VIGENCIA, EJECUTADO_TRIMESTRE …) and the figure always in
one column ("VALOR"), the period in others ("VIGENCIA", "TRIMESTRE"):

    NOMBRE_INDICADOR | UNIDAD | TIPO_VALOR          | TRIMESTRE | VALOR
    Docentes formados| Número | META_VIGENCIA       | N/A       | 60
    Docentes formados| Número | EJECUTADO_TRIMESTRE | 1         | 12

Such a table is read as the wide table it stands for: one row per indicator
(its name, codes and other text columns), one column per measure and period
("EJECUTADO TRIMESTRE Trimestre 1 2025"), each value cell the very cell of
the sheet (its text, page and reference), so the usual reading of headers
gives each figure its measure and period.

A table is in long form when one column's cells (MIN_FILAS at least) are
few distinct short texts, repeated, that name two measures or more by the
rules of esquemas/encabezados.yaml, and one other column holds figures (its
header says so: `tabla_larga.columna_de_valor`, else the first column of
figures after the measures'); besides it only years, parts of a year,
codes and a running number.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from esquemas import cargar_yaml

from extractor.castellano.lemas import normalizar
from extractor.castellano.numeros import leer_numero
from extractor.modelo import Celda, Tabla

MIN_FILAS = 4  # rows of a table in long form at least
MAX_MEDIDAS = 30  # distinct measure names in its measure column at most
MAX_PALABRAS = 5  # words of a measure's name there ("EJECUTADO_TRIMESTRE", "Meta anual")
_VOCABULARIO = cargar_yaml("encabezados.yaml")["tabla_larga"]
_VALOR = {normalizar(p) for p in _VOCABULARIO["columna_de_valor"]}
_PERIODOS = {normalizar(k): v for k, v in _VOCABULARIO["columnas_de_periodo"].items()}
_ESCRITOS = {normalizar(p) for p in _VOCABULARIO["columnas_de_periodo_escrito"]}
_PARTE_DEL_ANIO = re.compile(r"^((?:19|20)\d\d)\s*-\s*(\d{1,2})$")  # "2024-1"
_ROMANOS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


def _texto(celda: Optional[Celda]) -> str:
    return " ".join(celda.texto.split()) if celda is not None else ""


def _legible(texto: str) -> str:
    """ "EJECUTADO_TRIMESTRE" as words."""
    return " ".join(texto.replace("_", " ").split())


def _palabras(texto: str) -> set[str]:
    return set(normalizar(_legible(texto)).split())


def ancha(tabla: Tabla) -> Optional[tuple[Tabla, dict[tuple[int, int], tuple[int, int]]]]:
    """The wide table a table in long form stands for, and where each of its
    cells was ((row, column) → (row, column) of `tabla`); None when the
    table is not in long form."""
    from extractor.tablas.encabezados import clasificador

    rejilla = tabla.rejilla()
    if len(rejilla) < MIN_FILAS + 1:
        return None
    cls = clasificador()
    encabezado = [_texto(c) for c in rejilla[0]]
    cuerpo = [f for f in rejilla[1:] if any(_texto(c) for c in f)]
    medida = _columna_de_medidas(cuerpo, len(encabezado), cls)
    if medida is None:
        return None
    periodos = {
        k: _PERIODOS[p]
        for k, t in enumerate(encabezado)
        for p in _palabras(t)
        if p in _PERIODOS and _de_ordinales(cuerpo, k)
    }
    # two columns of dates (a start and an end) give each row's period; one alone is the data's cut
    de_fechas = [k for k in range(len(encabezado)) if k != medida and _de_fechas(cuerpo, k)]
    fechas = de_fechas if len(de_fechas) == 2 else []
    escritos = [
        k for k, t in enumerate(encabezado) if k not in periodos and k not in de_fechas and _palabras(t) & _ESCRITOS
    ]
    anios = [
        k for k, t in enumerate(encabezado) if k != medida and k not in de_fechas and cls.rol(_legible(t)) == "anio"
    ]
    valor = _columna_de_valor(encabezado, cuerpo, medida, set(periodos) | set(anios))
    if valor is None:
        return None
    resto = [k for k in range(len(encabezado)) if k not in (medida, valor, *periodos, *anios, *escritos, *de_fechas)]
    otras = [
        k
        for k in resto
        if _de_cifras(cuerpo, k) and cls.rol(_legible(encabezado[k])) != "codigo" and not _consecutivos(cuerpo, k)
    ]
    if otras:
        return None  # figures in other columns too: periods across ("Tipo | Trim. I | Trim. II"), not long form
    texto = [k for k in resto if not _de_cifras(cuerpo, k)]
    clave = [k for k in texto if cls.rol(_legible(encabezado[k])) in ("etiqueta", "codigo")] or texto
    # what an indicator's rows do not share (a record's id, its note) is no column of the indicator
    texto = [k for k in texto if k in clave or _constante_por_indicador(cuerpo, clave, k)]
    clave = [k for k in clave if not _por_registro(cuerpo, k)] or clave
    filas: dict[tuple, int] = {}  # indicator key → row of the wide table
    columnas: dict[str, int] = {}  # header of a measure and period → column
    celdas: list[Celda] = []
    origen: dict[tuple[int, int], tuple[int, int]] = {}

    def copiar(celda: Optional[Celda], r: int, k: int) -> None:
        if celda is not None and (r, k) not in origen:
            celdas.append(replace(celda, fila=r, columna=k, filas_span=1, columnas_span=1))
            origen[(r, k)] = (celda.fila, celda.columna)

    for k, col in enumerate(texto):
        celdas.append(Celda(texto=_legible(encabezado[col]), fila=0, columna=k, pagina=_pagina(rejilla[0], col)))
    for f in cuerpo:
        llave = tuple(_texto(f[k]) for k in clave)
        if not any(llave):
            continue
        r = filas.get(llave)
        if r is None:
            r = filas[llave] = len(filas) + 1
            for k, col in enumerate(texto):
                copiar(f[col], r, k)
        nombre_medida = _legible(_texto(f[medida]))
        # a year column beside a column of periods written in full adds nothing to them
        partes = [_periodo(f, periodos, [] if escritos else anios)]
        partes += [_escrito(_texto(f[k]), nombre_medida) for k in escritos]
        partes.append(_entre_fechas([_texto(f[k]) for k in fechas]))
        rotulo = " ".join([nombre_medida] + [p for p in partes if p])
        if rotulo not in columnas:
            columnas[rotulo] = len(texto) + len(columnas)
            celdas.append(Celda(texto=rotulo, fila=0, columna=columnas[rotulo], pagina=_pagina(rejilla[0], medida)))
        copiar(f[valor], r, columnas[rotulo])
    if not filas or not columnas:
        return None
    return Tabla(indice=tabla.indice, celdas=celdas), origen


def _pagina(fila: list[Optional[Celda]], k: int) -> int:
    celda = fila[k] or next(c for c in fila if c is not None)
    return celda.pagina


def _columna_de_medidas(cuerpo: list, ancho: int, cls) -> Optional[int]:
    """The column whose cells are a few short names of two measures or more
    (words, not figures), repeated."""
    for k in range(ancho):
        textos = [_texto(f[k]) for f in cuerpo if _texto(f[k])]
        distintos = set(textos)
        if len(textos) < MIN_FILAS or len(textos) * 10 < len(cuerpo) * 8:
            continue
        if not 2 <= len(distintos) <= MAX_MEDIDAS or len(distintos) * 2 > len(textos):
            continue
        if not all(_rotulo(t) for t in distintos):
            continue
        medidas = [cls.medida(_legible(t)) for t in distintos]
        if sum(m is not None for m in medidas) * 10 >= len(medidas) * 8 and len(set(medidas) - {None}) >= 2:
            return k
    return None


def _rotulo(texto: str) -> bool:
    """A measure's name: a few words, not a figure."""
    return (
        leer_numero(texto) is None
        and sum(ch.isalpha() for ch in texto) >= 3
        and len(_legible(texto).split()) <= MAX_PALABRAS
    )


def _de_ordinales(cuerpo: list, k: int) -> bool:
    """A column of parts of a year: numbers 1 to 12, roman numerals or words ("N/A", "Trimestre 2")."""
    for f in cuerpo:
        cifra = leer_numero(_texto(f[k]))
        if cifra is not None and not (cifra.valor == int(cifra.valor) and 1 <= cifra.valor <= 12):
            return False
    return True


def _consecutivos(cuerpo: list, k: int) -> bool:
    """A running number (1, 2, 3 … down the rows): a record's id."""
    cifras = [leer_numero(_texto(f[k])) for f in cuerpo]
    valores = [c.valor for c in cifras if c is not None]
    return len(valores) >= MIN_FILAS and all(b - a == 1 for a, b in zip(valores, valores[1:]))


def _de_cifras(cuerpo: list, k: int) -> bool:
    textos = [_texto(f[k]) for f in cuerpo if _texto(f[k])]
    return bool(textos) and sum(leer_numero(t) is not None for t in textos) * 10 >= len(textos) * 8


def _columna_de_valor(encabezado: list[str], cuerpo: list, medida: int, periodos: set[int]) -> Optional[int]:
    """The column of figures: the one its header names, else the first
    column of figures after the measures'."""
    candidatas = [k for k in range(len(encabezado)) if k != medida and k not in periodos and _de_cifras(cuerpo, k)]
    nombradas = [k for k in candidatas if _palabras(encabezado[k]) & _VALOR]
    if nombradas:
        return nombradas[0]
    return next((k for k in candidatas if k > medida), None)


_FECHA = re.compile(r"^((?:19|20)\d\d)-(\d\d)-(\d\d)$")  # a spreadsheet's date cell, as the reader writes it


def _de_fechas(cuerpo: list, k: int) -> bool:
    textos = [_texto(f[k]) for f in cuerpo if _texto(f[k])]
    return len(textos) >= MIN_FILAS and all(_FECHA.match(t) for t in textos)


def _entre_fechas(fechas: list[str]) -> str:
    """A row's period from its two date columns: "del 01/04/2023 al 30/06/2023"."""
    leidas = [f"{m.group(3)}/{m.group(2)}/{m.group(1)}" for t in fechas if (m := _FECHA.match(t))]
    return f"del {leidas[0]} al {leidas[1]}" if len(leidas) == 2 else ""


def _constante_por_indicador(cuerpo: list, clave: list[int], k: int) -> bool:
    valores: dict[tuple, set[str]] = {}
    for f in cuerpo:
        valores.setdefault(tuple(_texto(f[c]) for c in clave), set()).add(_texto(f[k]))
    return all(len(v) <= 1 for v in valores.values())


def _por_registro(cuerpo: list, k: int) -> bool:
    """A column with another value on every row: a record's id."""
    textos = [_texto(f[k]) for f in cuerpo]
    return len(set(textos)) == len(textos)


def _escrito(texto: str, medida: str) -> str:
    """A period written in full, as a header says it: "2024-1" under a
    half-yearly measure ("Avance semestral") is "Semestre 1 2024"; a year or
    a range stays as written."""
    m = _PARTE_DEL_ANIO.match(texto)
    if m is None:
        return texto if re.search(r"(?:19|20)\d\d", texto) else ""
    parte = next((v for k, v in _PERIODOS.items() if k[:6] in normalizar(medida)), None)
    return f"{parte.capitalize()} {m.group(2)} {m.group(1)}" if parte else texto


def _periodo(fila: list, periodos: dict[int, str], anios: list[int]) -> str:
    """ "Trimestre 2 2025": a row's part of the year (a number or a roman
    numeral in its period column) and its year; "" when the row has none
    (N/A: a baseline, a target)."""
    partes = []
    for k, nombre in periodos.items():
        texto = _texto(fila[k])
        m = re.search(r"\b(\d{1,2}|[ivx]{1,4})\b", normalizar(texto))
        if m:
            n = int(m.group(1)) if m.group(1).isdigit() else _ROMANOS.get(m.group(1))
            if n:
                partes.append(f"{nombre.capitalize()} {n}")
    if partes:
        partes += [_texto(fila[k]) for k in anios if _texto(fila[k])]
    return " ".join(partes)
