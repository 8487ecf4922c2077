"""Borderless tables (extractor/formatos/sin_bordes.py) on PDFs written here:
a budget execution table with numeric columns printed closer than the
segment gap, a two-line header and section heading lines; the same body
under a ruled header box."""

from __future__ import annotations

import pytest

from corpus.generador.generar_derivados import serializar_pdf
from extractor import leer_documento
from extractor.formatos import sin_bordes
from extractor.formatos.lineas import Linea
from extractor.modelo import Tabla

ALTO = 612.0  # landscape letter
ANCHO = 792.0
TAMANO = 8.0
# Helvetica advance widths (1/1000 em) of what the figures are made of
_ANCHOS = {**{d: 556 for d in "0123456789"}, ".": 278, ",": 278, "-": 333, "(": 333, ")": 333}

ETIQUETA = 40.0  # x of the label column
DERECHAS = [265.0, 327.0, 389.0, 451.0, 513.0, 575.0]  # right edges of the numeric columns, 62 pt apart
ENCABEZADO = [  # two header lines: (line, column or None for the label column, text)
    (0, 0, "Crédito"),
    (0, 1, "Modifi-"),
    (0, 2, "Crédito"),
    (0, 3, "Compromiso"),
    (0, 4, "Devengado"),
    (0, 5, "Pagado"),
    (1, None, "Programa"),
    (1, 0, "Aprobado"),
    (1, 1, "caciones"),
    (1, 2, "Vigente"),
]
CUERPO = [  # label, figures (None: a section heading line)
    ("100 - Administración", None),
    ("110 Judicial", ["19.439.751,85", "-1.203.409,92", "18.236.341,93", "0,00", "0,00", "0,00"]),
    (
        "120 Dirección ejecutiva",
        ["42.291.831,73", "17.022.796,70", "59.314.628,43", "48.192.006,84", "48.973.693,65", "48.489.718,08"],
    ),
    (
        "Total Administración",
        ["61.731.583,58", "15.819.386,78", "77.550.970,36", "48.192.006,84", "48.973.693,65", "48.489.718,08"],
    ),
    ("200 - Servicios sociales", None),
    (
        "210 Salud",
        ["35.813.527,44", "24.684.228,17", "60.497.755,61", "54.484.597,71", "54.302.597,71", "53.290.716,29"],
    ),
    ("220 Vivienda", ["3.783.844,79", "(1.203,00)", "3.782.641,79", "0,00", "0,00", "0,00"]),
    (
        "Total Servicios sociales",
        ["39.597.372,23", "24.683.025,17", "64.280.397,40", "54.484.597,71", "54.302.597,71", "53.290.716,29"],
    ),
]
PASO = 14.0  # points from one line's baseline to the next


def _ancho(texto: str) -> float:
    return sum(_ANCHOS[ch] for ch in texto) * TAMANO / 1000


def _texto(x: float, base: float, texto: str) -> bytes:
    """Text drawn with its baseline `base` points from the top of the page."""
    escapado = texto.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
    return b"BT /F1 %.1f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET" % (TAMANO, x, ALTO - base, escapado)


def _caja(x0: float, arriba: float, x1: float, abajo: float) -> bytes:
    return b"%.2f %.2f %.2f %.2f re S" % (x0, ALTO - abajo, x1 - x0, abajo - arriba)


def _pdf(ruta, *paginas: list[bytes]) -> None:
    """A PDF of one page per list of drawing operations."""
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    for k, contenido in enumerate(paginas):
        flujo = b"\n".join(contenido)
        objetos[4 + 2 * k] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % (ANCHO, ALTO, 5 + 2 * k)
        )
        objetos[5 + 2 * k] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(flujo), flujo)
    ruta.write_bytes(serializar_pdf(objetos, [4 + 2 * k for k in range(len(paginas))]))


def _encabezado(primera_base: float) -> list[bytes]:
    """The header words: 'Compromiso' right-aligned on its column and
    'Devengado' at the left of the next one, closer than HUECO_SEGMENTO."""
    salida = []
    for linea, col, texto in ENCABEZADO:
        base = primera_base + linea * 10
        if col is None:
            x = ETIQUETA
        elif texto == "Compromiso":
            x = DERECHAS[col] - 45.34  # its width in Helvetica 8
        else:
            x = DERECHAS[col] - 50
        salida.append(_texto(x, base, texto))
    return salida


def _cuerpo(primera_base: float) -> list[bytes]:
    salida = []
    for k, (etiqueta, cifras) in enumerate(CUERPO):
        base = primera_base + k * PASO
        salida.append(_texto(ETIQUETA, base, etiqueta))
        for derecha, cifra in zip(DERECHAS, cifras or []):
            salida.append(_texto(derecha - _ancho(cifra), base, cifra))
    return salida


def _tabla(ruta) -> Tabla:
    doc = leer_documento(ruta)
    tablas = doc.tablas
    assert len(tablas) == 1, [t.textos() for t in tablas]
    return tablas[0]


def _filas_del_cuerpo(tabla: Tabla) -> list[list[str]]:
    filas = tabla.textos()
    primera = next(i for i, fila in enumerate(filas) if fila[0] == CUERPO[0][0])
    return filas[primera:]


def _esperado() -> list[list[str]]:
    return [[etiqueta, *(cifras or [""] * len(DERECHAS))] for etiqueta, cifras in CUERPO]


def test_close_numeric_columns_two_line_header_and_headings_are_one_table(tmp_path):
    ruta = tmp_path / "ejecucion.pdf"
    _pdf(ruta, [_texto(ETIQUETA, 60, "Ejecucion presupuestal de gastos 2023"), *_encabezado(100), *_cuerpo(130)])
    tabla = _tabla(ruta)
    assert tabla.n_columnas == 1 + len(DERECHAS)
    # every figure alone in its cell, the section headings rows of the same table
    assert _filas_del_cuerpo(tabla) == _esperado()
    encabezado = tabla.textos()[: tabla.n_filas - len(CUERPO)]
    columnas = {t: k for fila in encabezado for k, celda in enumerate(fila) for t in celda.split()}
    assert columnas["Programa"] == 0
    # ("Modifi-" / "caciones": one word cut by its hyphen, joined)
    assert [columnas[t] for t in ("Aprobado", "Modificaciones", "Vigente", "Compromiso", "Devengado", "Pagado")] == [
        1,
        2,
        3,
        4,
        5,
        6,
    ]
    assert "Ejecucion" not in columnas  # the title above is text, not a header line


def test_ruled_header_box_heads_the_borderless_body_below_it(tmp_path):
    ruta = tmp_path / "ejecucion_reglada.pdf"
    cajas = [_caja(30, 90, DERECHAS[0] - 60, 120)] + [_caja(d - 60, 90, d + 2, 120) for d in DERECHAS]
    titulos = [_texto(ETIQUETA, 108, "Programa")] + [
        _texto(d - 50, 108, t)
        for d, t in zip(DERECHAS, ["Aprobado", "Modificado", "Vigente", "Compromiso", "Devengado", "Pagado"])
    ]
    _pdf(ruta, [_texto(ETIQUETA, 60, "Ejecucion presupuestal de gastos 2023"), *cajas, *titulos, *_cuerpo(150)])
    tabla = _tabla(ruta)
    assert tabla.textos()[0] == ["Programa", "Aprobado", "Modificado", "Vigente", "Compromiso", "Devengado", "Pagado"]
    # the heading between the header box and the first figures belongs to the table
    assert tabla.textos()[1:] == _esperado()


def _linea(*palabras: tuple[float, str]) -> Linea:
    return Linea([{"text": t, "x0": x, "x1": x + 6 * len(t), "top": 100.0, "bottom": 108.0} for x, t in palabras])


@pytest.mark.parametrize(
    "palabras, segmentos",
    [
        ([(100, "-1.203.409,92"), (182, "18.236.341,93")], [["-1.203.409,92"], ["18.236.341,93"]]),
        ([(100, "5,483,975.57"), (176, "0,00"), (202, "(1.203)")], [["5,483,975.57"], ["0,00"], ["(1.203)"]]),
        ([(100, "45"), (115, "km")], [["45", "km"]]),
        ([(100, "$"), (108, "1.234")], [["$", "1.234"]]),
        ([(100, "12"), (115, "und.")], [["12", "und."]]),
        ([(100, "1.1.1"), (134, "1.1"), (154, "PROGRAMA")], [["1.1.1", "1.1", "PROGRAMA"]]),
    ],
)
def test_two_whole_numbers_are_two_cells_however_close(palabras, segmentos):
    partes = sin_bordes._segmentos(_linea(*palabras))
    assert [[w["text"] for w in s] for s in partes] == segmentos


def test_prose_with_figures_is_not_a_table(tmp_path):
    ruta = tmp_path / "prosa.pdf"
    lineas = [
        "En 2023 se atendieron 1.250 personas y 3.400 familias en 12 barrios.",
        "La inversion fue de $ 1.234.567 frente a 980.000 en 2022 y 870.000 en 2021.",
        "Se construyeron 45 km de vias y 12 puentes, con 8 frentes de obra.",
    ]
    _pdf(ruta, [_texto(ETIQUETA, 100 + k * PASO, t) for k, t in enumerate(lineas)])
    assert leer_documento(ruta).tablas == []


def test_figures_set_lower_than_their_label_and_wrapped_text_cells_stay_in_the_row(tmp_path):
    """Figures printed 3.5 pt below their label's line are read as a line of
    their own; they and the wrapped second line of a text cell belong to the
    label's row."""
    ruta = tmp_path / "recursos.pdf"
    contenido = [_texto(ETIQUETA, 100, "Rubro"), _texto(150, 100, "Procedencia")]
    contenido += [
        _texto(d - 50, 100, t) for d, t in zip(DERECHAS[2:], ["Estimado", "Vigente", "Devengado", "Percibido"])
    ]
    filas = [
        (
            "11.9.07.00 - Impuesto",
            "21 - Origen Provincial",
            ["22.681.471,74", "48.367.093,19", "54.551.100,81", "33.291.411,20"],
        ),
        (
            "11.9.07.01 - Tasa vial",
            "11 - Origen Municipal",
            ["11.680.159,85", "13.139.010,86", "54.383.124,34", "20.811.765,54"],
        ),
        ("11.9.07.02 - Patentes", "11 - Origen Municipal", ["0,00", "1.000,00", "1.200,50", "900,00"]),
    ]
    for k, (rubro, origen, cifras) in enumerate(filas):
        base = 130 + k * 30
        contenido += [_texto(ETIQUETA, base, rubro), _texto(150, base, origen), _texto(150, base + 9, "de libre uso")]
        contenido += [_texto(d - _ancho(c), base + 3.5, c) for d, c in zip(DERECHAS[2:], cifras)]
    _pdf(ruta, contenido)
    tabla = _tabla(ruta)
    assert tabla.textos() == [
        ["Rubro", "Procedencia", "Estimado", "Vigente", "Devengado", "Percibido"],
        *([rubro, f"{origen}\nde libre uso", *cifras] for rubro, origen, cifras in filas),
    ]


CENTRADAS = [  # label lines, figures: a Word table without borders, figures centred vertically in their cells
    (["Número de", "adultos mayores", "atendidos con", "complemento", "alimentario"], ["1.200", "1.150", "95,8 %"]),
    (["Jornadas de", "promoción de", "derechos de la", "población con"], ["12", "14", "116,7 %"]),
    (["Casas de la", "juventud dotadas"], ["2", "1", "50,0 %"]),
    (["Huertas caseras"], ["40", "36", "90,0 %"]),
]


def _tabla_centrada(ruta, entre_filas: float) -> None:
    """Labels wrapping over several 10-pt lines, each row's figures on the
    middle of its label; `entre_filas` points of white space between rows."""
    contenido = [_texto(ETIQUETA, 100, "Indicador de producto")]
    contenido += [_texto(d - 40, 100, t) for d, t in zip(DERECHAS[1:], ["Meta 2024", "Logro 2024", "% cumpl."])]
    arriba = 100 + 10 + entre_filas
    for etiqueta, cifras in CENTRADAS:
        for k, linea in enumerate(etiqueta):
            contenido.append(_texto(ETIQUETA, arriba + 10 * k, linea))
        centro = arriba + 10 * (len(etiqueta) - 1) / 2
        contenido += [_texto(d - _ancho(c.replace(" %", "")) - 10, centro, c) for d, c in zip(DERECHAS[1:], cifras)]
        arriba += 10 * len(etiqueta) + entre_filas
    _pdf(ruta, contenido)


@pytest.mark.parametrize("entre_filas", [6.0, 0.0], ids=["filas_separadas", "filas_apretadas"])
def test_figures_centred_on_a_label_that_wraps_belong_to_the_whole_label(tmp_path, entre_filas):
    """The label lines above a row's centred figures are that row's, not the
    row before it's, whether white space marks the rows off or not."""
    ruta = tmp_path / "centradas.pdf"
    _tabla_centrada(ruta, entre_filas)
    filas = _tabla(ruta).textos()
    assert [f[0].split("\n") for f in filas[1:]] == [etiqueta for etiqueta, _ in CENTRADAS]
    assert [f[-3:] for f in filas[1:]] == [cifras for _, cifras in CENTRADAS]


def test_a_heading_above_top_aligned_figures_stays_its_own_row(tmp_path):
    """Figures on the first line of their label (top-aligned), a section
    heading line right above: nothing is centred, rows stay as they were."""
    ruta = tmp_path / "arriba.pdf"
    contenido = [_texto(ETIQUETA, 100, "Indicador")]
    contenido += [_texto(d - 40, 100, t) for d, t in zip(DERECHAS[1:], ["Meta 2024", "Logro 2024", "% cumpl."])]
    lineas = [
        ("Programa: Adulto mayor", None),
        ("Adultos mayores", ["1.200", "1.150", "95,8 %"]),
        ("atendidos", None),
        ("Jornadas de", ["12", "14", "116,7 %"]),
        ("promoción", None),
        ("realizadas", None),
        ("Huertas caseras", ["40", "36", "90,0 %"]),
    ]
    for k, (etiqueta, cifras) in enumerate(lineas):
        base = 116 + 10 * k
        contenido.append(_texto(ETIQUETA, base, etiqueta))
        contenido += [_texto(d - _ancho(c.replace(" %", "")) - 10, base, c) for d, c in zip(DERECHAS[1:], cifras or [])]
    _pdf(ruta, contenido)
    assert [f[0] for f in _tabla(ruta).textos()[1:]] == [
        "Programa: Adulto mayor",
        "Adultos mayores\natendidos",
        "Jornadas de\npromoción\nrealizadas",
        "Huertas caseras",
    ]


def _franja(x0: float, arriba: float, x1: float, abajo: float) -> bytes:
    """A light grey filled box without a stroke (a shaded row in Word)."""
    return b"0.85 g %.2f %.2f %.2f %.2f re f 0 g" % (x0, ALTO - abajo, x1 - x0, abajo - arriba)


def _filas_centradas(arriba: float, filas) -> tuple[list[bytes], float]:
    """Rows of CENTRADAS-like (label lines, figures) with no space between
    them, figures on the middle of their label; a row without figures is a
    shaded heading across the table. Returns the drawing and the bottom."""
    contenido = []
    for etiqueta, cifras in filas:
        if cifras is None:
            contenido += [
                _franja(ETIQUETA - 4, arriba - 8, DERECHAS[3] + 4, arriba + 2),
                _texto(ETIQUETA, arriba, etiqueta),
            ]
            arriba += 10
            continue
        for k, linea in enumerate(etiqueta):
            contenido.append(_texto(ETIQUETA, arriba + 10 * k, linea))
        centro = arriba + 10 * (len(etiqueta) - 1) / 2
        contenido += [_texto(d - _ancho(c.replace(" %", "")) - 10, centro, c) for d, c in zip(DERECHAS[1:], cifras)]
        arriba += 10 * len(etiqueta)
    return contenido, arriba


def _encabezado_en_caja(base: float) -> list[bytes]:
    """A ruled header row: one box per column, as Word draws a shaded header."""
    bordes = [ETIQUETA - 4, DERECHAS[0] + 4, *[d + 4 for d in DERECHAS[1:4]]]
    cajas = [_caja(a, base - 12, b, base + 6) for a, b in zip(bordes, bordes[1:])]
    titulos = [_texto(ETIQUETA, base, "Producto")]
    titulos += [_texto(d - 40, base, t) for d, t in zip(DERECHAS[1:], ["Meta 2024", "Logro 2024", "% cumpl."])]
    return cajas + titulos


def test_numbered_programme_bands_across_a_borderless_body_are_rows_of_its_table(tmp_path):
    """Shaded programme rows ("PROGRAMA 2. ...": a heading's numbering is not
    a figure) between rows whose figures are centred on long labels: one
    table under the ruled header, each band one cell across it."""
    ruta = tmp_path / "bandas.pdf"
    filas = [
        ("PROGRAMA 1. ATENCION PRIMARIA EN SALUD CON ENFOQUE DIFERENCIAL", None),
        *CENTRADAS[:2],
        ("PROGRAMA 2. ASEGURAMIENTO", None),
        *CENTRADAS[2:],
    ]
    cuerpo, _ = _filas_centradas(130, filas)
    _pdf(ruta, _encabezado_en_caja(110) + cuerpo)
    textos = _tabla(ruta).textos()
    assert textos[0][0] == "Producto" and textos[0][-3:] == ["Meta 2024", "Logro 2024", "% cumpl."]
    cuerpo_leido = textos[1:]
    assert [f[0] if f[0].startswith("PROGRAMA") else f[0].split("\n") for f in cuerpo_leido] == [
        "PROGRAMA 1. ATENCION PRIMARIA EN SALUD CON ENFOQUE DIFERENCIAL",
        *[e for e, _ in CENTRADAS[:2]],
        "PROGRAMA 2. ASEGURAMIENTO",
        *[e for e, _ in CENTRADAS[2:]],
    ]
    bandas = [f for f in cuerpo_leido if f[0].startswith("PROGRAMA")]
    assert all(len(set(f)) == 1 for f in bandas), bandas  # one cell across the table
    assert [f[-3:] for f in cuerpo_leido if not f[0].startswith("PROGRAMA")] == [c for _, c in CENTRADAS]


def test_the_last_rows_of_a_borderless_table_on_the_next_page_are_read(tmp_path):
    """A page with two lines of figures under a page whose table they end:
    fewer than a table page needs, read because a table comes before."""
    ruta = tmp_path / "sigue.pdf"
    cabecera = [_texto(ETIQUETA, 100, "Indicador de producto")]
    cabecera += [_texto(d - 40, 100, t) for d, t in zip(DERECHAS[1:], ["Meta 2024", "Logro 2024", "% cumpl."])]
    primera, _ = _filas_centradas(120, CENTRADAS)
    segunda, _ = _filas_centradas(120, [(["Bibliotecas", "dotadas"], ["3", "3", "100,0 %"]), CENTRADAS[3]])
    _pdf(
        ruta,
        cabecera + primera,
        cabecera + segunda + [_texto(ETIQUETA, 200, "Fuente: Secretaria de Desarrollo Social")],
    )
    leidas = [fila[0] for t in leer_documento(ruta).tablas for fila in t.textos()]
    assert leidas.count("Huertas caseras") == 2 and "Bibliotecas\ndotadas" in leidas


def test_header_cells_centred_on_different_line_counts_are_one_header(tmp_path):
    """Word centres each header cell vertically: "Recursos / programados /
    (pesos)" (three lines) beside "Meta / 2023" (two) prints lines that
    interleave, each half a line below the other. They are one header, the
    years in it no figures, and the first row's label stays in the body."""
    ruta = tmp_path / "intercaladas.pdf"
    contenido = [_texto(ETIQUETA, 96, "Indicador de"), _texto(ETIQUETA, 106, "producto")]
    columnas = [
        (DERECHAS[1], ["Meta", "2023"]),
        (DERECHAS[2], ["Logro", "2023"]),
        (DERECHAS[3], ["Recursos", "programados", "(pesos)"]),
    ]
    for derecha, lineas in columnas:
        primera = 101 - 5 * (len(lineas) - 1)  # centred on the middle of the header
        contenido += [_texto(derecha - 45, primera + 10 * k, t) for k, t in enumerate(lineas)]
    cuerpo, _ = _filas_centradas(124, [(e, [c[0], c[1], "12.500.000"]) for e, c in CENTRADAS])
    _pdf(ruta, contenido + cuerpo)
    filas = _tabla(ruta).textos()
    assert filas[0][0] == "Indicador de\nproducto" and filas[0][-1] == "Recursos\nprogramados\n(pesos)"
    assert [f[0].split("\n") for f in filas[1:]] == [e for e, _ in CENTRADAS]


def test_a_running_header_of_two_texts_side_by_side_stays_out_of_the_table():
    """ "ALCALDÍA DE …" at the left and "Código: F-PL-014" at the right of
    every page's top band: the first pass saw two running texts (two cells
    of a Word header), the page's words make them one line. It is still
    the running header, kept out of any table under it."""
    from extractor.formatos.pdf import _aparte_corrientes, _clave_corrida

    def palabra(x: float, top: float, texto: str) -> dict:
        return {"text": texto, "x0": x, "x1": x + 6 * len(texto), "top": top, "bottom": top + 9}

    izquierda, derecha = "ALCALDIA MUNICIPAL DE GUACA", "Codigo: F-PL-014"
    palabras, x = [], 40.0
    for w in izquierda.split():
        palabras.append(palabra(x, 30, w))
        x = palabras[-1]["x1"] + 4
    palabras += [palabra(500, 31, "Codigo:"), palabra(550, 31, "F-PL-014")]
    cuerpo = [palabra(40, 60, "Bibliotecas"), palabra(300, 60, "3"), palabra(360, 60, "3")]
    corrientes = {_clave_corrida(izquierda): 1, _clave_corrida(derecha): 1}
    tablas, aparte = _aparte_corrientes(palabras + cuerpo, ALTO, corrientes)
    assert {w["text"] for w in aparte} == {*izquierda.split(), "Codigo:", "F-PL-014"}
    assert tablas == cuerpo


def test_indice_de_articulos_no_es_una_tabla():
    """A plan's table of contents whose entries open with "ARTÍCULO" (page
    numbers that never go down) is an index, not a label-and-figure table."""
    from extractor.formatos.lineas import Linea
    from extractor.formatos.sin_bordes import _es_indice

    def linea(texto, pagina, top):
        palabras = [
            {"text": t, "x0": 85 + 40 * k, "x1": 120 + 40 * k, "top": top, "bottom": top + 9}
            for k, t in enumerate(texto.split())
        ]
        return Linea(palabras + [{"text": pagina, "x0": 515, "x1": 527, "top": top, "bottom": top + 9}])

    entradas = [
        ("ARTÍCULO 21º. SEGUIMIENTO", "62"),
        ("ARTÍCULO 22º CATASTRO", "63"),
        ("ARTÍCULO 24º. EMPRÉSTITOS", "64"),
    ]
    assert _es_indice([linea(t, p, 300 + 14 * k) for k, (t, p) in enumerate(entradas)])
    assert not _es_indice([linea(t, p, 300 + 14 * k) for k, (t, p) in enumerate([("Vías", "64"), ("Aulas", "63")])])


def test_a_numbered_caption_ends_the_borderless_table_above_and_heads_the_next(tmp_path):
    """A note across the page and "Cuadro 2. …" under a borderless body, then
    another table whose years stand on a line of their own: the caption is
    in neither table (not a heading row of the first), the years line heads
    the second."""
    ruta = tmp_path / "dos_cuadros.pdf"
    fin = 130 + PASO * len(CUERPO)
    debajo = [
        _texto(ETIQUETA, fin + 6, "Fuente: Secretaría de Hacienda, reporte de ejecución con corte a diciembre."),
        _texto(ETIQUETA, fin + 26, "Cuadro 2. Recursos por programa (millones de pesos)"),
        _texto(DERECHAS[1] - 30, fin + 44, "2024"),
        _texto(DERECHAS[3] - 30, fin + 44, "2025"),
        *[_texto(DERECHAS[k] - 44, fin + 56, t) for k, t in enumerate(["Programado", "Ejecutado"] * 2, 1)],
        _texto(ETIQUETA, fin + 56, "Programa"),
    ]
    for k, (programa, cifras) in enumerate(
        [("Salud", ["120,5", "118,0", "130,0", "101,2"]), ("Vivienda", ["40,0", "38,5", "42,0", "35,1"])]
    ):
        debajo.append(_texto(ETIQUETA, fin + 70 + k * PASO, programa))
        debajo += [_texto(DERECHAS[j] - _ancho(c), fin + 70 + k * PASO, c) for j, c in enumerate(cifras, 1)]
    _pdf(ruta, _encabezado(100) + _cuerpo(130) + debajo)
    primera, segunda = leer_documento(ruta).tablas
    assert _filas_del_cuerpo(primera) == _esperado()
    filas = segunda.textos()
    assert "Cuadro 2" not in " ".join(t for f in primera.textos() + filas for t in f)
    assert [t for t in filas[0] if t] == ["2024", "2025"] and filas[-1][0] == "Vivienda"
