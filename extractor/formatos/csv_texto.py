"""CSV files as text: their encoding, their field separator, their records
with the line each starts on, and numbers written with a decimal point.

Offices export CSV from CHIP/CUIPO, SECOP, datos.gov.co, the SIEE and
SisPT tools, or save a sheet "as CSV" from Excel. What comes out varies:

* encoding: UTF-8 (with or without BOM: `utf-8-sig`, strict) or, Excel's
  "CSV" in a Spanish Windows, Windows-1252; UTF-16 with its BOM ("Texto
  Unicode"). The strict UTF-8 decoding decides: cp1252 text with accents
  is never valid UTF-8, so "Chocontá" is never read as "ChocontÃ¡";
* separator: `;` (Excel es-CO, because of the decimal comma), `,`, tab or
  `|`. `csv.Sniffer` is asked first, but it fails on the metadata lines
  exports put above the table ("Entidad: …", "Periodo: …"), so its answer
  is only taken when it is as consistent as the best candidate: the
  separator that gives the most records with the same number of fields
  (two or more), quotes honoured; on a tie `;` first (an es-CO row with as
  many decimal commas as fields splits evenly on commas too);
* numbers: as text, es-CO ("1.234.567,89", read as is by
  `extractor.castellano.numeros`) or plain with a decimal point
  ("1234567.89"). A column whose numbers use a decimal point, and none a
  decimal comma or thousands dots, has them rewritten as a sheet's numeric
  cells are: floats, written by the sheet reader as "1234567,89",
  "12,3450", so "12.345" there is twelve and a bit, not twelve thousand;
* Excel's `="00123"` (text kept with its zeros) is the text inside.

The reader of sheets (extractor/formatos/hoja.py) turns the records into
the cells of one sheet: each field keeps its line (1-based, the record's
first line) as row and its position as column letter.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from typing import Optional

from extractor.errores import ErrorLectura

EXTENSIONES = (".csv", ".tsv")  # text files read as a sheet; any other text is not a report
SEPARADORES = (";", "\t", "|", ",")  # in order of preference on a tie
NOMBRES_SEPARADOR = {";": "punto y coma", ",": "coma", "\t": "tabulación", "|": "barra vertical"}
MUESTRA = 64 * 1024  # characters of the text the separator is decided on
_BOM_UTF16 = (b"\xff\xfe", b"\xfe\xff")
# bytes that never appear in text: NUL and the C0 controls but tab, LF, FF, CR (and ESC, SUB of old exports)
_BINARIO = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1c-\x1f]")
_DECIMAL_PUNTO = re.compile(r"^([-+]?)(\d+)\.(\d+)(\s?%)?$")
# "1.234,5", "87,5 %", "1.350.000", and codes ("2.3.2.02.02.009"): a column with any is not one of point decimals
_ES_CO = re.compile(r"^[-+]?\d[\d.]*,\d+\s?%?$|^[-+]?\d+(\.\d+){2,}$")
_CON_COMILLAS = re.compile(r'^="(.*)"$', re.DOTALL)


def es_binario(cabeza: bytes) -> bool:
    """The first bytes of a file hold control bytes text never has (a
    UTF-16 text starts with its BOM and is text)."""
    return not cabeza.startswith(_BOM_UTF16) and _BINARIO.search(cabeza) is not None


def decodificar(datos: bytes, nombre: str) -> str:
    """The file's text: UTF-16 by its BOM, else UTF-8 (strict, BOM
    dropped), else Windows-1252; ErrorLectura when it is none of them."""
    if datos.startswith(_BOM_UTF16):
        try:
            return datos.decode("utf-16")
        except UnicodeDecodeError:
            raise ErrorLectura(nombre, "el CSV dice ser UTF-16 pero su texto está dañado") from None
    for codificacion in ("utf-8-sig", "cp1252"):
        try:
            return datos.decode(codificacion)
        except UnicodeDecodeError:
            continue
    raise ErrorLectura(
        nombre, "el CSV no es texto en UTF-8 ni en Windows-1252 (ANSI); guárdelo de nuevo como CSV UTF-8"
    )


def _filas(texto: str, separador: str, nombre: str = "") -> list[tuple[int, list[str]]]:
    lector = csv.reader(io.StringIO(texto, newline=""), delimiter=separador, strict=False)
    filas: list[tuple[int, list[str]]] = []
    linea = 1
    try:
        for campos in lector:
            filas.append((linea, campos))
            linea = lector.line_num + 1
    except csv.Error as exc:
        if "field larger" in str(exc):
            motivo = f"un campo pasa de {csv.field_size_limit():,} caracteres (¿una comilla sin cerrar?)".replace(
                ",", "."
            )
        elif "NUL" in str(exc):
            motivo = "tiene bytes nulos: no es texto"
        else:
            motivo = f"está mal formado ({exc})"
        raise ErrorLectura(nombre, f"el CSV {motivo}, en la línea {linea}") from None
    return filas


def _anchos(filas: list[tuple[int, list[str]]]) -> Counter:
    """How many non-blank records have each number of fields."""
    return Counter(len(campos) for _, campos in filas if any(c.strip() for c in campos))


def _consistencia(muestra: str, separador: str) -> int:
    """Records of the sample with the most common number of fields, when
    that number is two or more; 0 otherwise."""
    anchos = [(n, ancho) for ancho, n in _anchos(_filas(muestra, separador)).items() if ancho >= 2]
    return max(anchos)[0] if anchos else 0


def _olfateado(muestra: str) -> Optional[str]:
    try:
        return csv.Sniffer().sniff(muestra, delimiters="".join(SEPARADORES)).delimiter
    except csv.Error:
        return None


def separador_de(texto: str, nombre: str) -> str:
    """The field separator of a CSV text (see the module docstring);
    ErrorLectura when no candidate splits it into columns."""
    muestra = texto[:MUESTRA]
    if len(texto) > MUESTRA and "\n" in muestra:
        muestra = muestra[: muestra.rindex("\n") + 1]
    puntos = {s: _consistencia(muestra, s) for s in SEPARADORES}
    mejor = max(SEPARADORES, key=lambda s: (puntos[s], -SEPARADORES.index(s)))
    if puntos[mejor] == 0:
        nombres = ", ".join(NOMBRES_SEPARADOR[s] for s in SEPARADORES)
        raise ErrorLectura(
            nombre,
            f"el CSV tiene una sola columna: ningún separador de campos ({nombres}) divide sus líneas en columnas",
        )
    olfateado = _olfateado(muestra)
    if olfateado in puntos and puntos[olfateado] == puntos[mejor]:
        return olfateado
    return mejor


def _campo(texto: str) -> str:
    m = _CON_COMILLAS.match(texto)
    return m.group(1) if m else texto


def _con_punto_decimal(filas: list[tuple[int, list[str]]], separador: str) -> set[int]:
    """Columns whose numbers are written with a decimal point ("1234567.89",
    "0.5") and none the es-CO way ("1.234,5", "1.350.000") nor as a code
    ("2.3.2.02"). "1.234" alone is es-CO thousands or three decimals: a
    decimal point only in a comma-separated file (where a decimal comma
    would have to be quoted: machine exports, US-locale tools)."""
    punto: Counter = Counter()
    es_co: set[int] = set()
    for _, campos in filas:
        for k, texto in enumerate(campos):
            texto = texto.strip()
            if _ES_CO.match(texto):
                es_co.add(k)
                continue
            m = _DECIMAL_PUNTO.match(texto)
            dudoso = m is not None and len(m.group(3)) == 3 and 1 <= len(m.group(2)) <= 3 and int(m.group(2)) > 0
            if m and (separador == "," or not dudoso):
                punto[k] += 1
    return {k for k in punto if k not in es_co}


def _numero(texto: str) -> str | float:
    """A number with a decimal point as a sheet's numeric cell holds it
    (1234567.89), a percentage as es-CO text ("45,5 %"); other text as is."""
    m = _DECIMAL_PUNTO.match(texto.strip())
    if not m:
        return texto
    signo, entero, fraccion, porcentaje = m.groups()
    if porcentaje:
        return f"{'-' if signo == '-' else ''}{entero},{fraccion} %"
    return float(f"{signo}{entero}.{fraccion}")


def _ancho(campos: list) -> int:
    """Fields up to the last non-blank one (Excel pads short lines with separators)."""
    return max((k + 1 for k, c in enumerate(campos) if str(c).strip()), default=0)


def linea_de_encabezado(filas: list[tuple[int, list]]) -> Optional[int]:
    """The line of the table's header: the first record as wide as the
    table (the most common width of two or more fields, the wider on a
    tie). The lines above it are the export's metadata ("Entidad: …",
    "Periodo: …"): the sheet's title lines."""
    anchos = Counter(a for _, campos in filas if (a := _ancho(campos)) >= 2)
    if not anchos:
        return None
    tabla = max(anchos, key=lambda a: (anchos[a], a))
    return next(linea for linea, campos in filas if _ancho(campos) >= tabla)


def _observaciones_ya_extraidas(filas: list[tuple[int, list[str]]]) -> bool:
    """The first record names the columns of a table of observations: an
    export of this tool (every one has informe_id) or an evaluation's gold."""
    primera = next(({c.strip().lower() for c in campos} for _, campos in filas if _ancho(campos)), set())
    return "informe_id" in primera or {"indicador", "medida", "periodo_inicio", "valor"} <= primera


def registros(texto: str, nombre: str) -> list[tuple[int, list[str | float]]]:
    """(line the record starts on, 1-based; its fields) of every record of a
    CSV text: text, or a float for a number written with a decimal point in
    a column of such numbers (see the module docstring)."""
    if not texto.strip():
        raise ErrorLectura(nombre, "el CSV no tiene texto: solo espacios o líneas en blanco")
    separador = separador_de(texto, nombre)
    filas = _filas(texto, separador, nombre)
    if filas and texto.count('"') % 2 and any("\n" in c for c in filas[-1][1]):
        raise ErrorLectura(nombre, f'el CSV tiene una comilla (") sin cerrar desde la línea {filas[-1][0]}')
    if _observaciones_ya_extraidas(filas):
        raise ErrorLectura(
            nombre,
            "es una tabla de cifras ya extraídas (una exportación de informes o un gold de evaluación), no un informe",
        )
    filas = [(linea, [_campo(c) for c in campos]) for linea, campos in filas]
    con_punto = _con_punto_decimal(filas, separador)
    return [(linea, [_numero(c) if k in con_punto else c for k, c in enumerate(campos)]) for linea, campos in filas]
