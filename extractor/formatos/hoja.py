"""Spreadsheet reader: .xlsx/.xlsm (openpyxl, streamed), .xls and .ods
(python-calamine) into the shared document model; a CSV file and an HTML
table saved as a workbook (.xls) are read as one sheet each (`_hojas_csv`,
`_hojas_html`).

What a workbook becomes:
- each sheet is a page, numbered in workbook order (hidden sheets keep their
  number, so page N is always the N-th sheet); the sheet's name is a
  `BloqueTexto` (estilo "Hoja") before its content, so tables never continue
  from one sheet into the next;
- a sheet's non-empty cells are split into blocks at runs of blank rows (two
  or more, or one before a title/header row that follows figures) and of two
  or more blank columns; a block of one row or one column, and the title
  rows at the top of a block (a single filled cell: "PLAN DE ACCIÓN 2024",
  "Fecha de corte: 31/03/2024"), are text; every other block is a `Tabla`
  whose cells keep their sheet layout relative to the block (merged ranges
  are spans);
- values become the text a reader of the sheet sees, in a form that
  `extractor.castellano.numeros` reads back exactly: integers "1234" (no thousands
  separator, so codes stay intact), decimals with a comma "1234,5" (a fourth
  decimal "0,1250" when there are exactly three, which the es-CO parser
  would take for thousands), percent-formatted numbers as "97,6 %" (Excel
  stores 0.976), numbers in zero-padded formats ("000000000") with their
  leading zeros, text as written (codes typed as text keep their zeros),
  dates as ISO "2024-03-31"; formulas are read as the value Excel cached
  when it saved the file (a formula that builds "100%" as text is that
  text, read as 100 %); numbers stored as text are read as the text (the
  es-CO parser reads "1.234" as 1234); bullets at the start of a cell's
  lines ("• 12 talleres") are dropped. Currency symbols in number formats
  are not written: money is decided by the column headers, as for PDF and
  Word;
- cells that give no figure are reported one by one with their cell
  ("PDM!AU5: #DIV/0!"): formula errors (#DIV/0!, #REF!, #N/A…) and "#"
  placeholders; a number with exactly three decimals in a column of whole
  counts (1.234 among 850 and 2400: a thousands separator lost on the way)
  is read as stored and reported as a doubt;
- hidden sheets, rows and columns are not read (a person looking at the
  workbook does not see them; they usually hold lists, lookups, old copies
  or helper calculations; the rows of a collapsed outline group are read:
  its [+] shows them under their summary row) unless `LimitesLectura.hoja_ocultas` (CLI:
  `informes cargar --incluir-ocultas`); either way the ones with data are
  reported. `Documento.omisiones` become rows of `filas_no_mapeadas` with
  the reason, so nothing is read or skipped silently;
- a figure merged down over several rows (a project's % beside its
  products) belongs to its first row;
- a sheet that tracks one indicator (its title "Cobertura de vacunación"
  over "Periodo | Meta | Resultado | % cumplimiento", one row per month or
  quarter) is read as it is: extractor/tablas/filas.py gives each row's figures
  the row's period and the title's indicator;
- the entity's DANE/DIVIPOLA code, when a sheet labels it ("Código DANE"
  over 25200 on every row), is `Documento.codigo_divipola`.

Each sheet's own title lines date its tables when they name another year
or cut than the workbook's first title, and a summary sheet that repeats
the figures of several other sheets gives no duplicate observations
(extractor/__init__.py, extractor/tablas/resumenes.py).

.xls and .ods through calamine have no number formats (a percentage is the
stored fraction, "0,976"); .xls no hidden rows or columns (hidden sheets it
has); an .ods sheet's merged ranges and hidden rows and columns come from its
XML (extractor/formatos/ods.py). Memory: .xlsx sheets are streamed row
by row (openpyxl's read-only parser) and only non-empty cells are kept; a sheet with more than
`LimitesLectura.hoja_celdas` non-empty cells, or a table whose grid would
exceed `LimitesLectura.hoja_area` cells, is refused with a Spanish reason.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Iterable, Optional, TypeGuard

from extractor.errores import ErrorLectura
from extractor.modelo import BloqueTexto, Celda, Documento, Omision, Tabla
from extractor.formatos.seguridad import LIMITES, LimitesLectura

FORMATOS = ("xlsx", "xls", "ods", "csv", "html_hoja")
_ESCAPE_XML = re.compile(r"_x([0-9A-Fa-f]{4})_")
_CITAS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')
_CEROS = re.compile(r"^0{2,}$")
_COMAS_DE_ESCALA = re.compile(r"[0#?](,*)\s*$")  # "#,##0,," : each comma after the last digit divides by 1.000
_LITERALES = re.compile(r'"[^"$]+"')  # text quoted in a number format (a currency sign is money: not written)
_MARCADOR = re.compile(r"^#+$")
# a bullet at the start of a line in a cell ("• 12 talleres"): not part of the text
_VINETA = re.compile(r"^[ \t]*[•▪●◦■□➢➤►✓✔·‣⁃]+[ \t]*", re.MULTILINE)
_PORCENTAJE_MAXIMO = 100.0  # a "%"-formatted 95034156500 is a mis-formatted amount, not 9.5e12 %


# ------------------------------------------------------------------ values


def texto_numero(valor: float) -> str:
    """A number as text that `extractor.castellano.numeros.leer_numero` reads back
    exactly and without ambiguity: "1234", "-0,5", "1234,5", "0,1250"."""
    if isinstance(valor, bool):
        return "VERDADERO" if valor else "FALSO"
    if isinstance(valor, int):
        return str(valor)
    if math.isnan(valor) or math.isinf(valor):
        return ""
    redondeado = round(valor, 10)
    if redondeado.is_integer():
        return str(int(redondeado))
    texto = f"{redondeado:.10f}"
    entero, _, fraccion = texto.partition(".")
    fraccion = fraccion.rstrip("0")
    if len(fraccion) == 3:
        fraccion += "0"  # "12,345" would read as twelve thousand
    return f"{entero},{fraccion}" if fraccion else entero


def _es_porcentaje(formato: str) -> bool:
    return "%" in _CITAS.sub("", formato.split(";")[0])


def texto_de_valor(valor, formato: str = "General") -> str:
    """The text a reader sees in a cell holding `valor` with number format
    `formato` (see the module docstring)."""
    if valor is None:
        return ""
    if isinstance(valor, str):
        texto = _ESCAPE_XML.sub(lambda m: chr(int(m.group(1), 16)), valor)
        texto = texto.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").strip()
        return _VINETA.sub("", texto).strip()
    if isinstance(valor, bool):
        return "VERDADERO" if valor else "FALSO"
    if isinstance(valor, datetime):
        if valor.time() == time(0, 0):
            return valor.date().isoformat()
        return valor.isoformat(sep=" ", timespec="minutes")
    if isinstance(valor, (date, time)):
        return valor.isoformat()
    if isinstance(valor, timedelta):
        return str(valor)
    if isinstance(valor, (int, float)):
        formato = formato or "General"
        if _es_porcentaje(formato) and abs(valor) < _PORCENTAJE_MAXIMO:
            return f"{texto_numero(valor * 100)} %"
        if _CEROS.match(formato.strip()) and float(valor).is_integer() and valor >= 0:
            return str(int(valor)).zfill(len(formato.strip()))
        seccion = formato.split(";")[0]
        # a scaling format shows thousands or millions ("#,##0.0,,": 385000000 shows 385,0)
        escala = _COMAS_DE_ESCALA.search(_CITAS.sub("", seccion))
        comas = len(escala.group(1)) if escala else 0
        texto = texto_numero(valor / 1000**comas) if comas else texto_numero(valor)
        # the unit written in the format ('#,##0 "eventos"', '0.0"%"': points, not a fraction)
        literal = " ".join(c.strip('"') for c in _LITERALES.findall(seccion)).strip()
        return f"{texto} {literal}" if literal and not literal.startswith("$") else texto
    return str(valor).strip()


# ------------------------------------------------------------------ sheets


@dataclass
class _Hoja:
    """One sheet as the reader library gave it: non-empty cells only."""

    nombre: str
    pagina: int
    celdas: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col), 0-based
    combinadas: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    filas_ocultas: set[int] = field(default_factory=set)
    columnas_ocultas: set[int] = field(default_factory=set)
    errores: list[tuple[int, int, str]] = field(default_factory=list)  # (row, col, "#DIV/0!")
    marcadores: list[tuple[int, int]] = field(default_factory=list)  # "#", "###": no figure
    tres_decimales: list[tuple[int, int, float]] = field(default_factory=list)  # 1.234: a lost thousands separator?
    estado: str = "visible"  # visible | hidden | veryHidden | grafico
    ocultas_quitadas: tuple[list[int], list[int]] = field(default_factory=lambda: ([], []))  # rows, cols with data
    titulos: set[int] = field(default_factory=set)  # rows that are title lines whatever their cells (a CSV's metadata)
    cortes: set[int] = field(default_factory=set)  # rows that start a block whatever is above (an HTML table's first)
    encabezados: set[int] = field(default_factory=set)  # rows the source marks as header (an HTML table's <th> rows)
    notas: list[Omision] = field(default_factory=list)  # content the file's reader did not pass on (hidden HTML text)


def _agregar(hoja: _Hoja, fila: int, columna: int, texto: str, limites: LimitesLectura, archivo: str) -> None:
    if not texto:
        return
    if _MARCADOR.match(texto):  # "#" or "####": a placeholder (or a column too narrow), no figure
        hoja.marcadores.append((fila, columna))
        return
    hoja.celdas[(fila, columna)] = texto
    if len(hoja.celdas) > limites.hoja_celdas:
        raise ErrorLectura(
            archivo,
            f"la hoja «{hoja.nombre}» tiene más de {limites.hoja_celdas:,} celdas con datos; "
            "es demasiado grande para leerla".replace(",", "."),
        )


def _hojas_xlsx(ruta: Path, limites: LimitesLectura) -> Iterable[_Hoja]:
    import openpyxl
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE
    from openpyxl.utils import column_index_from_string
    from openpyxl.chartsheet import Chartsheet
    from openpyxl.utils.cell import range_boundaries

    from extractor.formatos.privadas import analizador_de_hoja, estilos_de_celda, formatos_numericos

    # An open file, not the path: the format was decided by the content
    # (extractor.formatos.seguridad), and openpyxl would refuse a workbook named .docx.
    archivo = open(ruta, "rb")
    try:
        wb = openpyxl.load_workbook(archivo, read_only=True, data_only=True, keep_links=False)
    except BaseException:
        archivo.close()
        raise
    try:
        estilos = estilos_de_celda(wb)
        formatos: dict[int, str] = {}

        def formato_de(estilo: int) -> str:
            if estilo not in formatos:
                try:
                    numero = estilos[estilo].numFmtId
                except IndexError:
                    numero = 0
                if numero < BUILTIN_FORMATS_MAX_SIZE:
                    formatos[estilo] = BUILTIN_FORMATS.get(numero, "General")
                else:
                    try:
                        formatos[estilo] = formatos_numericos(wb)[numero - BUILTIN_FORMATS_MAX_SIZE]
                    except IndexError:
                        formatos[estilo] = "General"
            return formatos[estilo]

        for pagina, nombre in enumerate(wb.sheetnames, start=1):
            ws = wb[nombre]
            hoja = _Hoja(nombre, pagina, estado=getattr(ws, "sheet_state", "visible") or "visible")
            if isinstance(ws, Chartsheet):
                hoja.estado = "grafico"
                yield hoja
                continue
            if hoja.estado != "visible" and not limites.hoja_ocultas:
                yield hoja
                continue
            with analizador_de_hoja(wb, ws) as parser:
                for _, celdas in parser.parse():
                    for c in celdas:
                        valor = c["value"]
                        if valor is None:
                            continue
                        if c["data_type"] == "e":
                            hoja.errores.append((c["row"] - 1, c["column"] - 1, str(valor)))
                            continue
                        formato = formato_de(c["style_id"]) if c["style_id"] else "General"
                        texto = texto_de_valor(valor, formato)
                        _agregar(hoja, c["row"] - 1, c["column"] - 1, texto, limites, ruta.name)
                        if _tres_decimales(valor) and not _es_porcentaje(formato):
                            hoja.tres_decimales.append((c["row"] - 1, c["column"] - 1, valor))
                for indice, atributos in parser.row_dimensions.items():
                    if _oculta(atributos):
                        hoja.filas_ocultas.add(int(indice) - 1)
                for atributos in parser.column_dimensions.values():
                    if str(atributos.get("hidden", "")).lower() in ("1", "true"):
                        inicio = int(atributos.get("min", 0) or column_index_from_string(atributos["index"]))
                        fin = int(atributos.get("max", inicio))
                        hoja.columnas_ocultas.update(range(inicio - 1, min(fin, inicio + 16384)))
                if parser.merged_cells is not None:
                    for rango in parser.merged_cells.mergeCell:
                        c0, r0, c1, r1 = range_boundaries(str(rango.ref))
                        if None not in (c0, r0, c1, r1):
                            hoja.combinadas.append((r0 - 1, c0 - 1, r1 - 1, c1 - 1))
            if not limites.hoja_ocultas:
                _quitar_ocultas(hoja)
            yield hoja
    finally:
        wb.close()
        archivo.close()


def _hojas_calamine(ruta: Path, limites: LimitesLectura, ods: bool = False) -> Iterable[_Hoja]:
    import python_calamine as pc

    from extractor.formatos.ods import estructura

    # calamine gives an .ods sheet no merged ranges nor hidden rows and columns
    de_ods = estructura(ruta) if ods else {}
    # from the bytes, not the path: calamine picks the format by the extension
    with open(ruta, "rb") as archivo, pc.CalamineWorkbook.from_filelike(archivo) as wb:
        for pagina, meta in enumerate(wb.sheets_metadata, start=1):
            hoja = _Hoja(meta.name, pagina)
            if meta.visible != pc.SheetVisibleEnum.Visible:
                hoja.estado = "hidden" if meta.visible == pc.SheetVisibleEnum.Hidden else "veryHidden"
                if not limites.hoja_ocultas:
                    yield hoja
                    continue
            if meta.typ not in (pc.SheetTypeEnum.WorkSheet,):
                hoja.estado = "grafico"
                yield hoja
                continue
            sheet = wb.get_sheet_by_index(pagina - 1)
            if sheet.height * sheet.width > limites.hoja_area * 4:
                raise ErrorLectura(
                    ruta.name,
                    f"la hoja «{hoja.nombre}» ocupa {sheet.height} filas × "
                    f"{sheet.width} columnas; es demasiado grande para leerla",
                )
            r0, c0 = sheet.start or (0, 0)
            for r, fila in enumerate(sheet.iter_rows()):
                for k, valor in enumerate(fila):
                    if valor == "" or valor is None:
                        continue
                    if _es_error(valor):
                        hoja.errores.append((r0 + r, c0 + k, valor))
                        continue
                    _agregar(hoja, r0 + r, c0 + k, texto_de_valor(valor), limites, ruta.name)
                    if _tres_decimales(valor):
                        hoja.tres_decimales.append((r0 + r, c0 + k, valor))
            for (a, b), (c, d) in sheet.merged_cell_ranges or []:
                hoja.combinadas.append((a, b, c, d))
            if (propia := de_ods.get(hoja.nombre)) is not None:
                hoja.combinadas.extend(propia.combinadas)
                hoja.filas_ocultas, hoja.columnas_ocultas = propia.filas_ocultas, propia.columnas_ocultas
                if not limites.hoja_ocultas:
                    _quitar_ocultas(hoja)
            yield hoja


_ERRORES = {
    "#DIV",
    "#REF",
    "#N/A",
    "#NAME",
    "#NULL",
    "#NUM",
    "#VALUE",
    "#N/D",
    "#NOMBRE",
    "#VALOR",
    "#NULO",
    "#NUM",
    "#¡REF",
    "#¡DIV",
    "#¡VALOR",
    "#¿NOMBRE",
    "#¡NULO",
    "#¡NUM",
}


def _es_error(valor) -> TypeGuard[str]:
    """A formula's error as calamine (or a CSV) gives it: "#DIV/0!", "#¡REF!"."""
    return isinstance(valor, str) and valor.startswith("#") and valor.rstrip("!?0/").upper() in _ERRORES


def _hojas_csv(ruta: Path, limites: LimitesLectura) -> Iterable[_Hoja]:
    """A CSV file as one sheet named as the file (extractor/formatos/csv_texto.py):
    a field's row is the line its record starts on."""
    from extractor.formatos.csv_texto import decodificar, linea_de_encabezado, registros

    hoja = _Hoja(ruta.stem, 1)
    filas = registros(decodificar(ruta.read_bytes(), ruta.name), ruta.name)
    encabezado = linea_de_encabezado(filas) or 1
    hoja.titulos = set(range(encabezado - 1))
    for linea, campos in filas:
        for k, valor in enumerate(campos):
            if _es_error(valor):
                hoja.errores.append((linea - 1, k, valor))
                continue
            _agregar(hoja, linea - 1, k, texto_de_valor(valor), limites, ruta.name)
            if _tres_decimales(valor):
                hoja.tres_decimales.append((linea - 1, k, valor))
    yield hoja


def texto_de_celda_html(celda) -> str:
    """What an HTML cell says (extractor/formatos/html_texto.py `CeldaHtml`):
    the exact number Excel's export puts behind it (`x:num`) written as a
    numeric cell ("1234,5", "97,6 %"), else its text as shown."""
    if celda.numero is not None:
        return texto_de_valor(celda.numero, "0%" if celda.porcentaje else "General")
    return texto_de_valor(celda.texto)


def _hojas_html(ruta: Path, limites: LimitesLectura) -> Iterable[_Hoja]:
    """An HTML table saved as a workbook (extractor/formatos/html_texto.py) as
    one sheet, named as Excel names it (<x:Name>) or as the file, laid out
    as Excel opens it: each line of text outside the tables and each table
    row is a row, a cell's columns are its place on the table's grid; merged
    cells are merged ranges, <th> rows header rows, hidden rows and cells
    hidden rows and columns. Each table starts a block of its own."""
    from extractor.formatos.html_texto import LineaHtml, Topes, leer_pagina, resumen_de_ocultos

    pagina = leer_pagina(ruta, con_ocultas=True, topes=Topes(limites.hoja_celdas, limites.hoja_area))
    hoja = _Hoja(pagina.nombre_hoja or ruta.stem, 1)
    fila, tras_tabla = 0, False
    for pieza in pagina.piezas:
        if isinstance(pieza, LineaHtml):
            if tras_tabla:
                hoja.cortes.add(fila)
            for linea in pieza.texto.split("\n"):
                hoja.titulos.add(fila)
                _agregar(hoja, fila, 0, texto_de_valor(linea), limites, ruta.name)
                fila += 1
            tras_tabla = False
            continue
        hoja.cortes.add(fila + min(c.fila for c in pieza.celdas))  # its first row with text
        for c in pieza.celdas:
            _agregar(hoja, fila + c.fila, c.columna, texto_de_celda_html(c), limites, ruta.name)
            if c.filas > 1 or c.columnas > 1:
                hoja.combinadas.append(
                    (fila + c.fila, c.columna, fila + c.fila + c.filas - 1, c.columna + c.columnas - 1)
                )
            if c.oculta:
                hoja.columnas_ocultas.add(c.columna)
            if _tres_decimales(c.numero) and not c.porcentaje:
                hoja.tres_decimales.append((fila + c.fila, c.columna, c.numero))
        hoja.filas_ocultas.update(fila + r for r in pieza.filas_ocultas)
        hoja.columnas_ocultas.update(pieza.columnas_ocultas)
        hoja.encabezados.update(range(fila, fila + pieza.filas_encabezado))
        fila += pieza.filas
        tras_tabla = True
    if pagina.ocultos:
        motivo = f"{len(pagina.ocultos)} texto(s) oculto(s) de la página web (display:none) fuera de las tablas"
        hoja.notas.append(
            Omision(texto=resumen_de_ocultos(pagina.ocultos), motivo=f"{motivo}: no se leyeron", pagina=1)
        )
    if not limites.hoja_ocultas:
        _quitar_ocultas(hoja)
    yield hoja


def _tres_decimales(valor) -> TypeGuard[float]:
    """1.234 stored as a number: typed as "1.234" (one thousand two hundred
    thirty-four) in a program that took the point for a decimal one?"""
    if not isinstance(valor, float) or not 1 <= abs(valor) < 1000:
        return False
    fraccion = f"{abs(valor):.10f}".rstrip("0").partition(".")[2]
    return len(fraccion) == 3


def _miles_perdidos(hoja: _Hoja) -> list[tuple[int, int, float]]:
    """Numbers with exactly three decimals in a column whose other numbers
    are whole counts (850, 2400, 1.234): probably 1234 with its thousands
    separator read as a decimal point."""
    from extractor.castellano.numeros import leer_numero

    salida = []
    for r, k, valor in hoja.tres_decimales:
        if (r, k) not in hoja.celdas:
            continue
        leidos = [leer_numero(t) for (f, c), t in hoja.celdas.items() if c == k and f != r]
        otros = [n for n in leidos if n is not None and n.unidad == "numero"]
        enteros = [n for n in otros if float(n.valor).is_integer() and abs(n.valor) >= 10]
        if len(otros) >= 2 and len(enteros) * 10 >= len(otros) * 8:
            salida.append((r, k, valor))
    return salida


def _oculta(atributos: dict) -> bool:
    """A hidden row, but not one of a collapsed outline group: the records
    under a summary row that its [+] in the margin shows (content the reader
    expands, not a helper). Hidden columns, collapsed or not, stay unread:
    they hold the parts of a visible column (quarters under the year's)."""
    oculta = str(atributos.get("hidden", "")).lower() in ("1", "true")
    return oculta and not int(atributos.get("outlineLevel", 0) or 0)


def _quitar_ocultas(hoja: _Hoja) -> None:
    """Hidden rows and columns are not read (a person looking at the sheet
    does not see them); the ones that held data are reported."""
    if not hoja.filas_ocultas and not hoja.columnas_ocultas:
        return
    filas, columnas = set(), set()
    for r, k in list(hoja.celdas):
        if r in hoja.filas_ocultas or k in hoja.columnas_ocultas:
            del hoja.celdas[(r, k)]
            (filas.add(r) if r in hoja.filas_ocultas else columnas.add(k))
    hoja.ocultas_quitadas = (sorted(filas), sorted(columnas))
    hoja.errores = [e for e in hoja.errores if e[0] not in hoja.filas_ocultas and e[1] not in hoja.columnas_ocultas]
    hoja.marcadores = [
        m for m in hoja.marcadores if m[0] not in hoja.filas_ocultas and m[1] not in hoja.columnas_ocultas
    ]


# ------------------------------------------------------------------ blocks


def _tramos(indices: list[int], separacion: int, ocultos: frozenset[int] = frozenset()) -> list[tuple[int, int]]:
    """Runs of sorted indices split where `separacion` or more are missing;
    hidden ones (not read) do not count as missing: the columns on both
    sides of hidden columns are side by side for a person."""
    tramos: list[tuple[int, int]] = []
    for i in indices:
        faltan = sum(1 for j in range(tramos[-1][1] + 1, i) if j not in ocultos) if tramos else 0
        if tramos and faltan < separacion:
            tramos[-1] = (tramos[-1][0], i)
        else:
            tramos.append((i, i))
    return tramos


MIN_NOMBRES = 3  # cells of names a column holds to be a table's own name column


def _lado_a_lado(
    tramo: tuple[int, int], celdas: dict[tuple[int, int], str], ocultas: frozenset[int]
) -> list[tuple[int, int]]:
    """A run of columns cut at each empty column right after which (within
    two columns) comes a column of names (the physical table and, one blank
    column apart, the financial one with its "Proyecto de inversión"): two
    tables side by side. A blank spacer column inside one wide table has
    figures after it."""
    c0, c1 = tramo
    llenas = {k for _, k in celdas}
    vacias = [k for k in range(c0 + 1, c1) if k not in llenas and k not in ocultas]
    if not vacias:
        return [tramo]
    por_columna: dict[int, list[str]] = {}
    for (_, k), t in celdas.items():
        if t.strip():
            por_columna.setdefault(k, []).append(t)
    cortes = [k for k in vacias if any(_de_nombres(por_columna.get(j, [])) for j in range(k + 1, min(k + 3, c1 + 1)))]
    bordes = [c0 - 1, *cortes, c1 + 1]
    return [(a + 1, b - 1) for a, b in zip(bordes, bordes[1:]) if b - 1 >= a + 1]


def _de_nombres(textos: list[str]) -> bool:
    """A column's filled cells hold names: several cells of words, none a figure."""
    nombres = [t for t in textos if len(t.split()) >= 3 and not _es_cifra(t)]
    return len(nombres) >= MIN_NOMBRES and len(nombres) * 2 > len(textos)


def _es_cifra(texto: str) -> bool:
    from extractor.castellano.numeros import leer_numero

    n = leer_numero(texto)
    return n is not None and not (n.unidad == "numero" and n.valor.is_integer() and 1990 <= n.valor <= 2040)


def _bloques_de_filas(hoja: _Hoja) -> list[tuple[int, int]]:
    """Row ranges (inclusive) of the sheet's blocks: split at two or more
    blank rows, or at one blank row between figures and a row without any
    (the title or header of the next table), unless that row is a heading
    of one or two cells with figures right under it (a programme's heading
    row set off by a blank row: the same table goes on)."""
    filas: dict[int, list[str]] = {}
    for (r, _), texto in hoja.celdas.items():
        filas.setdefault(r, []).append(texto)
    ocupadas = set(filas)
    for r0, c0, r1, _ in hoja.combinadas:  # a merged cell fills its rows
        if (r0, c0) in hoja.celdas:
            ocupadas.update(range(r0, min(r1, r0 + 5000) + 1))
    bloques: list[tuple[int, int]] = []
    cifras = False  # the current block has figures
    for r in sorted(ocupadas):
        fila_con_cifras = any(_es_cifra(t) for t in filas.get(r, []))
        if bloques and r not in hoja.cortes:
            inicio, fin = bloques[-1]
            hueco = r - fin - 1
            seccion = _abre_seccion(filas, r)
            if hueco == 0 or (hueco == 1 and not (cifras and not fila_con_cifras and not seccion)):
                bloques[-1] = (inicio, r)
                cifras = cifras or fila_con_cifras
                continue
        bloques.append((r, r))
        cifras = fila_con_cifras
    return bloques


MAX_FILAS_DE_SECCION = 3  # a section's heading rows: "HALLAZGO No. 2 · …", its "Condición: …"


def _abre_seccion(filas: dict[int, list[str]], r: int) -> bool:
    """Row `r` heads a section of the table it follows: one to three rows of
    one or two cells (a programme's name, a finding's band and its
    description) with figures right under them."""
    k = r
    while k - r < MAX_FILAS_DE_SECCION and 0 < len(filas.get(k, [])) <= 2:
        k += 1
    return k > r and any(_es_cifra(t) for t in filas.get(k, []))


def _leer_hoja(hoja: _Hoja, limites: LimitesLectura, archivo: str, indice: list[int]) -> list:
    bloques: list = [BloqueTexto(texto=hoja.nombre, pagina=hoja.pagina, estilo="Hoja")]
    por_fila: dict[int, dict[tuple[int, int], str]] = {}
    for (r, k), t in hoja.celdas.items():
        por_fila.setdefault(r, {})[(r, k)] = t
    for r0, r1 in _bloques_de_filas(hoja):
        celdas = {key: t for r in range(r0, r1 + 1) for key, t in por_fila.get(r, {}).items()}
        columnas = sorted(
            {k for _, k in celdas}
            | {k for a, b, c, d in hoja.combinadas if r0 <= a <= r1 for k in range(b, d + 1) if (a, b) in celdas}
        )
        for tramo in _tramos(columnas, 2, frozenset(hoja.columnas_ocultas)):
            for c0, c1 in _lado_a_lado(tramo, celdas, frozenset(hoja.columnas_ocultas)):
                parte = {(r, k): t for (r, k), t in celdas.items() if c0 <= k <= c1}
                if parte:
                    bloques.extend(_bloque(hoja, parte, limites, archivo, indice))
    _marcar_plantilla_y_notas(bloques)
    return bloques


# a form's control fields: "Código: F-PL-01", "Versión 3", "Página 1 de 2",
# "Elaboró: …"; a bare "Fecha: 12/11/2024" beside them or in the footer
_CONTROL = r"(c[oó]digo|versi[oó]n|p[aá]gina|elabor[oó]|revis[oó]|aprob[oó])"
_PLANTILLA = re.compile(rf"^\s*{_CONTROL}\b", re.IGNORECASE)
_FECHA_SOLA = re.compile(
    r"^\s*fecha\s*(de\s+(aprobaci[oó]n|emisi[oó]n|elaboraci[oó]n|actualizaci[oó]n)\s*)?:", re.IGNORECASE
)
_NOTA = re.compile(
    r"^\s*(observaci[oó]n|observaciones|nota|notas|comentario|comentarios|aclaraci[oó]n)\b", re.IGNORECASE
)


def _marcar_plantilla_y_notas(bloques: list) -> None:
    """Text lines that do not describe the report get a style the metadata
    skips: a form's control fields ("Versión 3", "Código: F-PL-01", and a
    bare "Fecha: 12/11/2024" among them or below the sheet's tables) are
    "Plantilla"; comment cells ("Observación: meta ajustada en 2021") are
    "Nota"."""
    ultima_tabla = max((i for i, b in enumerate(bloques) if isinstance(b, Tabla)), default=-1)
    for i, b in enumerate(bloques):
        if not isinstance(b, BloqueTexto) or b.estilo == "Hoja":
            continue
        if _PLANTILLA.match(b.texto) or (
            _FECHA_SOLA.match(b.texto) and (i > ultima_tabla >= 0 or re.search(_CONTROL, b.texto, re.I))
        ):
            b.estilo = "Plantilla"
        elif _NOTA.match(b.texto):
            b.estilo = "Nota"


def _bloque(
    hoja: _Hoja, celdas: dict[tuple[int, int], str], limites: LimitesLectura, archivo: str, indice: list[int]
) -> list:
    """Text lines and at most one table from one block of cells."""
    filas = sorted({r for r, _ in celdas})
    cols = sorted({k for _, k in celdas})
    r0, c0 = filas[0], cols[0]
    r1, c1 = filas[-1], cols[-1]
    combinadas = {(a, b): (c, d) for a, b, c, d in hoja.combinadas if (a, b) in celdas}
    for (a, b), (c, d) in combinadas.items():
        r1, c1 = max(r1, min(c, a + 5000)), max(c1, min(d, b + 500))

    por_fila: dict[int, list[tuple[int, int]]] = {}
    for key in sorted(celdas):
        por_fila.setdefault(key[0], []).append(key)

    def distintas(r: int) -> list[tuple[int, int]]:
        return por_fila.get(r, [])

    def cubiertas(r: int) -> int:
        return sum(min(combinadas.get(key, key)[1], c1) - key[1] + 1 for key in distintas(r))

    max_distintas = max(len(distintas(r)) for r in filas)
    salida: list = []
    # title rows at the top of the block: a single filled cell in its first
    # column ("PLAN DE ACCIÓN 2024"), or a few cells covering less than half
    # of the width or few cells over a blank row ("ORGANISMO | SECRETARÍA DE
    # GOBIERNO | Fecha de reporte: | 2024-03-31"); a lone cell further right ("Vigencia 2023" over three
    # columns, "Pesos" over the money) belongs to the header
    inicio = r0
    while inicio <= r1:
        presentes = distintas(inicio)
        if not presentes:
            inicio += 1
            continue
        solo = len(presentes) == 1
        pocas = len(presentes) * 2 < max_distintas
        if inicio < filas[-1] and (
            inicio in hoja.titulos
            or (solo and presentes[0][1] == c0)
            or _es_campo_de_formulario(celdas, presentes)
            or (not solo and cubiertas(inicio) * 2 < c1 - c0 + 1)
            or (not solo and pocas and not distintas(inicio + 1))
        ):
            salida.append(BloqueTexto(texto=" ".join(celdas[k] for k in presentes), pagina=hoja.pagina))
            inicio += 1
            continue
        break
    resto = [r for r in filas if r >= inicio]
    if len(resto) < 2 or len({k for (r, k) in celdas if r >= inicio}) < 2:
        for r in resto:
            salida.append(BloqueTexto(texto=" ".join(celdas[k] for k in distintas(r)), pagina=hoja.pagina))
        return salida
    alto, ancho = r1 - inicio + 1, c1 - c0 + 1
    if alto * ancho > limites.hoja_area:
        raise ErrorLectura(
            archivo,
            f"la hoja «{hoja.nombre}» tiene una tabla de {alto} filas × {ancho} columnas; "
            f"el máximo es {limites.hoja_area:,} celdas".replace(",", "."),
        )
    lista: list[Celda] = []
    for (r, k), texto in sorted(celdas.items()):
        if r < inicio:
            continue
        c, d = combinadas.get((r, k), (r, k))
        if c > r and _es_cifra(texto):
            c = r  # a figure merged down over several rows is written once: it belongs to its first row
        lista.append(
            Celda(
                texto=texto,
                fila=r - inicio,
                columna=k - c0,
                pagina=hoja.pagina,
                ref=f"{hoja.nombre}!{_columna_letra(k)}{r + 1}",
                filas_span=max(1, min(c, r1) - r + 1),
                columnas_span=max(1, min(d, c1) - k + 1),
            )
        )
    # empty merged ranges that cover no text still shape the grid: nothing to add
    lista = _sin_solapes(lista)
    indice[0] += 1
    marcadas = next((n for n in range(r1 - inicio + 2) if inicio + n not in hoja.encabezados), 0)
    salida.append(Tabla(indice=indice[0], celdas=lista, filas_encabezado_marcadas=marcadas or None))
    return salida


def _es_campo_de_formulario(celdas: dict[tuple[int, int], str], presentes: list[tuple[int, int]]) -> bool:
    """A form's field line above a table: its first cell is a label ending
    in a colon and no cell holds a figure ("Nombre del indicador: | Oportunidad
    en la respuesta…", "Unidad de medida: | Porcentaje"). A header's cells
    name columns; they do not end in a colon."""
    return (
        len(presentes) >= 2
        and celdas[presentes[0]].rstrip().endswith(":")
        and not any(_es_cifra(celdas[k]) for k in presentes)
    )


def _sin_solapes(celdas: list[Celda]) -> list[Celda]:
    """Drop cells hidden under a merged range (Excel keeps their old values)."""
    ocupadas: set[tuple[int, int]] = set()
    salida = []
    for c in sorted(celdas, key=lambda c: (-(c.filas_span * c.columnas_span), c.fila, c.columna)):
        posiciones = {
            (r, k) for r in range(c.fila, c.fila + c.filas_span) for k in range(c.columna, c.columna + c.columnas_span)
        }
        if (c.fila, c.columna) in ocupadas:
            continue
        ocupadas |= posiciones
        salida.append(c)
    return sorted(salida, key=lambda c: (c.fila, c.columna))


# ------------------------------------------------------------------ notes


def _columna_letra(k: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(k + 1)


def _lista(numeros: list[str], maximo: int = 12) -> str:
    texto = ", ".join(numeros[:maximo])
    return texto + (f" y {len(numeros) - maximo} más" if len(numeros) > maximo else "")


ERRORES_LISTADOS = 50  # error cells reported one by one per sheet; the rest are counted


def _omisiones(hoja: _Hoja, incluir_ocultas: bool = False) -> list[Omision]:
    salida = list(hoja.notas)
    if hoja.estado in ("hidden", "veryHidden"):
        salida.append(
            Omision(
                texto=f"Hoja «{hoja.nombre}»",
                motivo=(
                    "hoja oculta del libro: se leyó porque se pidió incluir lo oculto"
                    if incluir_ocultas
                    else "hoja oculta del libro: no se leyó (suele tener listas, cálculos auxiliares o copias); "
                    "vuelva a cargar el archivo con --incluir-ocultas si contiene indicadores"
                ),
                pagina=hoja.pagina,
            )
        )
    elif hoja.estado == "grafico":
        salida.append(
            Omision(
                texto=f"Hoja «{hoja.nombre}»", motivo="hoja de gráfico: no tiene celdas que leer", pagina=hoja.pagina
            )
        )
    if incluir_ocultas:
        con_datos = ({r for r, _ in hoja.celdas}, {k for _, k in hoja.celdas})
        leidas = (
            sorted(x for x in hoja.filas_ocultas if x in con_datos[0]),
            sorted(x for x in hoja.columnas_ocultas if x in con_datos[1]),
        )
        como = "se leyeron porque se pidió incluir lo oculto"
    else:
        leidas = hoja.ocultas_quitadas
        como = "no se leyeron (no se ven en la hoja); use --incluir-ocultas para leerlas"
    for indices, nombres, cual in (
        (leidas[0], lambda r: str(r + 1), ("filas", "fila(s) oculta(s)")),
        (leidas[1], _columna_letra, ("columnas", "columna(s) oculta(s)")),
    ):
        if indices:
            salida.append(
                Omision(
                    texto=f"Hoja «{hoja.nombre}», {cual[0]} {_lista([nombres(x) for x in indices])}",
                    motivo=f"{len(indices)} {cual[1]} con datos en la hoja de cálculo: {como}",
                    pagina=hoja.pagina,
                )
            )
    for r, k, valor in sorted(hoja.errores)[:ERRORES_LISTADOS]:
        salida.append(
            Omision(
                texto=f"{hoja.nombre}!{_columna_letra(k)}{r + 1}: {valor}",
                motivo=f"celda con error de fórmula ({valor}): no da cifra",
                pagina=hoja.pagina,
            )
        )
    if len(hoja.errores) > ERRORES_LISTADOS:
        salida.append(
            Omision(
                texto=f"Hoja «{hoja.nombre}»",
                motivo=f"otras {len(hoja.errores) - ERRORES_LISTADOS} celda(s) con error de fórmula "
                "(#DIV/0!, #REF!…): no dan cifra",
                pagina=hoja.pagina,
            )
        )
    for r, k, cifra in _miles_perdidos(hoja)[:ERRORES_LISTADOS]:
        salida.append(
            Omision(
                texto=f"{hoja.nombre}!{_columna_letra(k)}{r + 1}: {texto_numero(cifra)}",
                motivo=f"cifra dudosa: se leyó {texto_numero(cifra)}, pero en una columna de números enteros puede ser "
                f"{round(cifra * 1000):d} con el separador de miles perdido; revise la celda",
                pagina=hoja.pagina,
            )
        )
    if hoja.marcadores:
        celdas = [f"{_columna_letra(k)}{r + 1}" for r, k in sorted(hoja.marcadores)]
        salida.append(
            Omision(
                texto=f"Hoja «{hoja.nombre}», celdas {_lista(celdas)}",
                motivo=f"{len(celdas)} celda(s) con «#» (marcador o columna angosta): no dan cifra",
                pagina=hoja.pagina,
            )
        )
    return salida


# ------------------------------------------------------------------ entity code

_ROTULO_DIVIPOLA = re.compile(
    r"^\s*(c[oó]d(igo|\.)?\s*(dane|divipola)|divipola|dane)\b[\s.:]*(municipio|entidad|municipal)?[\s.:]*$",
    re.IGNORECASE,
)
_CODIGO = re.compile(r"^\d{2}(\d{3})?$|^\d{4}$")


def codigo_divipola(hojas: list[_Hoja]) -> Optional[str]:
    """The entity's DANE/DIVIPOLA code when a sheet labels it ("Código
    DANE" over 25200, or "Código DANE: | 25200" beside it) and every cell of
    that column gives the same code (a list of municipalities names none).
    A municipal code stored as a number loses its leading zero ("5001" →
    "05001")."""
    for hoja in hojas:
        for (r, k), texto in sorted(hoja.celdas.items()):
            if len(texto) > 30 or not _ROTULO_DIVIPOLA.match(texto):
                continue
            abajo = [t.strip() for (f, c), t in hoja.celdas.items() if c == k and r < f <= r + 500]
            derecha = [t.strip() for (f, c), t in sorted(hoja.celdas.items()) if f == r and k < c <= k + 2][:1]
            for valores in (abajo, derecha):
                valores = [v for v in valores if v]
                if valores and all(_CODIGO.match(v) for v in valores) and len(set(valores)) == 1:
                    v = valores[0]
                    return v.zfill(5) if len(v) == 4 else v
    return None


# ------------------------------------------------------------------ entry


def leer_hoja(ruta: Path, sha256: str, limites: Optional[LimitesLectura] = None, formato: str = "xlsx") -> Documento:
    """Read a workbook (`formato` 'xlsx', 'xls' or 'ods', as detected from
    its bytes), a CSV file ('csv': one sheet) or an HTML table saved as a
    workbook ('html_hoja': one sheet) into a `Documento`."""
    ruta = Path(ruta)
    limites = limites or LIMITES
    if formato == "csv":
        hojas = _hojas_csv(ruta, limites)
    elif formato == "html_hoja":
        hojas = _hojas_html(ruta, limites)
    elif formato == "xlsx":
        hojas = _hojas_xlsx(ruta, limites)
    else:
        hojas = _hojas_calamine(ruta, limites, formato == "ods")
    bloques: list = []
    omisiones: list[Omision] = []
    indice = [0]
    paginas = 0
    leidas: list[_Hoja] = []
    for hoja in hojas:
        paginas = hoja.pagina
        omisiones.extend(_omisiones(hoja, limites.hoja_ocultas))
        if hoja.estado == "visible" or (limites.hoja_ocultas and hoja.estado != "grafico"):
            bloques.extend(_leer_hoja(hoja, limites, ruta.name, indice))
            leidas.append(hoja)
    return Documento(
        archivo=ruta.name,
        sha256=sha256,
        formato=formato,
        paginas=paginas,
        bloques=bloques,
        omisiones=omisiones,
        codigo_divipola=codigo_divipola(leidas),
    )
