"""A plan drawn with horizontal rules only, its header read as a table of
its own (labels centred over their columns, each year in a spacer column
between "Prog." and "Ejec.") and its body as another on a grid of the
figures (the code glued to the name): extractor/tablas/bajo_su_encabezado.py
puts the body under the header's labels, with the band lines between them
as rows across the table."""

from __future__ import annotations

from extractor.modelo import BloqueTexto, Celda, Tabla
from extractor.tablas.bajo_su_encabezado import en_sus_columnas


def _celda(texto: str, fila: int, columna: int, x0: float, x1: float, top: float) -> Celda:
    return Celda(texto, fila, columna, 1, bbox=(x0, top, x1, top + 8) if texto else None)


# header: (row, column, text, x0, x1); column 7 is the spacer where "2024" stands
ENCABEZADO = [
    (0, 0, "Código MGA", 50, 72),
    (0, 1, "Indicador de producto", 151, 222),
    (0, 2, "Unidad", 305, 328),
    (0, 3, "Línea base", 379, 397),
    (0, 4, "Meta cuatrienio", 414, 446),
    (0, 6, "2024", 484, 498),
    (1, 5, "Prog.", 463, 480),
    (1, 7, "Ejec.", 502, 518),
    (1, 8, "%", 777, 785),
]
# body: (row, column, text, x0, x1): the code and the name in one cell, figures right-aligned
CUERPO = [
    (0, 0, "190502400 Personas atendidas con servicio de vacunación PAI", 41, 235),
    (0, 1, "Número", 292, 317),
    (0, 2, "8.450", 388, 405),
    (0, 3, "36.000", 430, 450),
    (0, 4, "9.000", 472, 489),
    (0, 5, "8.712", 510, 527),
    (0, 6, "50,3 %", 779, 800),
    (1, 0, "Programa 2201 · Calidad y cobertura de la educación", 41, 300),
    (2, 0, "220105200 Sedes educativas rurales dotadas", 41, 190),
    (2, 1, "Número", 292, 317),
    (2, 2, "40", 397, 405),
    (2, 3, "120", 439, 450),
    (2, 4, "30", 481, 489),
    (2, 5, "28", 519, 527),
    (2, 6, "52,5 %", 779, 800),
]


def _tablas() -> tuple[Tabla, Tabla]:
    celdas = {(f, k): _celda(t, f, k, x0, x1, 130 + 12 * f) for f, k, t, x0, x1 in ENCABEZADO}
    encabezado = Tabla(1, [celdas.get((f, k), _celda("", f, k, 0, 0, 0)) for f in range(2) for k in range(9)])
    cuerpo = Tabla(2, [_celda(t, f, k, x0, x1, 190 + 12 * f) for f, k, t, x0, x1 in CUERPO])
    return encabezado, cuerpo


def test_el_cuerpo_va_bajo_las_etiquetas_del_encabezado_con_las_bandas_entre_ellos():
    encabezado, cuerpo = _tablas()
    bandas = [BloqueTexto("EJE I. SOCIAL Y EQUITATIVO", 1, (41, 160, 300, 168))]
    tabla = en_sus_columnas(encabezado, bandas, cuerpo)
    assert tabla is not None
    filas = tabla.textos()
    assert filas[0][5:8] == ["2024", "2024", "2024"]  # the year over "Prog. | (spacer) | Ejec."
    assert filas[2][0] == "EJE I. SOCIAL Y EQUITATIVO" and tabla.n_columnas == 9
    primera = filas[3]
    assert primera[:5] == [
        "190502400",
        "Personas atendidas con servicio de vacunación PAI",
        "Número",
        "8.450",
        "36.000",
    ]
    assert (primera[5], primera[7], primera[8]) == ("9.000", "8.712", "50,3 %")
    assert filas[4][0].startswith("Programa 2201") and filas[4][8].startswith("Programa 2201")  # a band across
    assert filas[5][3] == "40"  # a short figure right-aligned past its label's end: the nearest label's


def test_sin_etiqueta_clara_no_se_une():
    encabezado, cuerpo = _tablas()
    cuerpo.celdas.append(_celda("77", 2, 7, 640, 648, 214))  # under no label, about as near one as another
    assert en_sus_columnas(encabezado, [], cuerpo) is None


def test_una_etiqueta_de_arriba_con_la_suya_debajo_no_es_grupo():
    """ "Meta" over "2024" in its own column, centred on it (and so between
    its neighbours): it heads its column, not three."""
    from extractor.tablas.bajo_su_encabezado import _grupos

    filas = [
        (0, 0, "Indicador", 40, 90),
        (0, 1, "Meta", 140, 160),
        (1, 0, "Código", 40, 70),
        (1, 1, "2024", 142, 158),
        (1, 2, "2025", 192, 208),
    ]
    encabezado = Tabla(1, [_celda(t, f, k, x0, x1, 130 + 12 * f) for f, k, t, x0, x1 in filas])
    encabezado.celdas.append(_celda("", 0, 2, 0, 0, 130))
    meta = next(c for c in encabezado.celdas if c.texto == "Meta")
    assert id(meta) not in _grupos(encabezado)


def test_el_nombre_que_envuelve_su_fila_se_une():
    """ "Campañas de prevención … por vectores" on a line above the row of
    figures, "realizadas" on the line under its code: one name."""
    encabezado, cuerpo = _tablas()
    cuerpo.celdas += [
        _celda("Campañas de prevención de enfermedades transmitidas", 3, 0, 85, 285, 224),
        _celda("190503100 realizadas", 4, 0, 41, 115, 232),
        _celda("Número", 4, 1, 292, 317, 232),
        _celda("6", 4, 2, 401, 405, 232),
        _celda("16", 4, 3, 443, 450, 232),
        _celda("43,8 %", 4, 6, 779, 800, 232),
    ]
    tabla = en_sus_columnas(encabezado, [], cuerpo)
    assert tabla is not None
    fila = next(f for f in tabla.textos() if f[0] == "190503100")
    assert fila[1] == "Campañas de prevención de enfermedades transmitidas realizadas"
    assert not any(f[1].startswith("Campañas") and not f[0] for f in tabla.textos())


def test_el_encabezado_repetido_con_sus_primeras_filas_recibe_el_resto_de_la_pagina():
    """On a plan's next page the repeated header comes read with the first
    band and a first row on its grid; the page's other rows, on another
    grid, go on under it (extractor/tablas/costura.py)."""
    from extractor.modelo import Documento
    from extractor.tablas.costura import unir_tablas

    encabezado, cuerpo = _tablas()
    primeras = [
        Celda("EJE II. PRODUCTIVO (continuación)", 2, 0, 1, columnas_span=9, bbox=(41, 160, 300, 168)),
        *[
            _celda(t, 3, k, x0, x1, 172)
            for k, t, x0, x1 in [
                (0, "240203700", 50, 72),
                (1, "Vía terciaria mejorada", 151, 230),
                (3, "12,8", 385, 397),
                (4, "60", 440, 446),
            ]
        ],
    ]
    encabezado.celdas.extend(primeras)
    doc = Documento("plan.pdf", "0" * 64, "pdf", 1, bloques=[encabezado, cuerpo])
    (tabla,) = unir_tablas(doc).tablas
    filas = tabla.textos()
    assert [f[0] for f in filas[2:5]] == ["EJE II. PRODUCTIVO (continuación)", "240203700", "190502400"]
    assert filas[4][7] == "8.712" and filas[6][0] == "220105200"


def test_las_primeras_filas_en_la_rejilla_del_encabezado_van_bajo_sus_etiquetas():
    """That grid has a column for the year centred over "Prog. | Ejec.": a
    short figure right-aligned under "Prog." was read in the year's column;
    it goes under "Prog.", and the code glued to the name is split."""
    encabezado, cuerpo = _tablas()
    primera_fila = [
        _celda(t, 2, k, x0, x1, 172)
        for k, t, x0, x1 in [
            (0, "240203700 Vía terciaria mejorada", 41, 160),
            (3, "12,8", 385, 397),
            (4, "60", 440, 446),
            (6, "15", 476, 484),
            (7, "11,4", 506, 520),
        ]
    ]
    tabla = en_sus_columnas(encabezado, [], cuerpo, primera_fila)
    assert tabla is not None
    fila = tabla.textos()[2]
    assert fila[:2] == ["240203700", "Vía terciaria mejorada"]
    assert (fila[3], fila[4], fila[5], fila[6], fila[7]) == ("12,8", "60", "15", "", "11,4")
