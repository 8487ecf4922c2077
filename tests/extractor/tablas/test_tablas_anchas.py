"""Wide follow-up tables: blocks split by unruled spacer columns are one
table; figures written with their unit, negatives in parentheses, and a
bare "Programado" beside money columns read from what the figures say."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.generador.generar_derivados import serializar_pdf
from extractor import interpretar, leer_documento
from extractor.castellano.numeros import leer_cantidad, leer_numero


def _texto(x: float, y: float, texto: str, tam: int = 7) -> bytes:
    return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET\n" % (tam, x, y, texto.encode("latin-1"))


def _pdf(destino: Path, dibujo: bytes, ancho: int = 792, alto: int = 612) -> None:
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % (ancho, alto),
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(dibujo), dibujo),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    destino.write_bytes(serializar_pdf(objetos, [3]))


def _bloque(
    x0: float,
    anchos: list[float],
    filas: list[list[str]],
    arriba: float,
    alto_fila: float,
    combinadas: dict[int, tuple[int, str]] | None = None,
) -> bytes:
    """A fully ruled block: `filas` of texts; `combinadas` maps a header row
    to (how many columns from the left its single cell spans, its text)."""
    combinadas = combinadas or {}
    xs = [x0]
    for a in anchos:
        xs.append(xs[-1] + a)
    d = bytearray(b"0.5 w\n")
    n = len(filas)
    for r in range(n + 1):
        y = arriba - r * alto_fila
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (xs[0], y, xs[-1], y)
    for r in range(n):
        y_top, y_bot = arriba - r * alto_fila, arriba - (r + 1) * alto_fila
        inner = [] if r in combinadas else xs[1:-1]
        for x in [xs[0], *inner, xs[-1]]:
            d += b"%.1f %.1f m %.1f %.1f l S\n" % (x, y_top, x, y_bot)
        if r in combinadas:
            d += _texto(xs[0] + 3, y_bot + 4, combinadas[r][1])
            continue
        for k, texto in enumerate(filas[r]):
            if texto:
                d += _texto(xs[k] + 3, y_bot + 4, texto)
    return bytes(d)


INDICADORES = [
    ("Familias con huertas caseras", "410", ["120", "150", "150", "90"], ["131", "162"], ["109,2 %", "108,0 %"]),
    ("Kilometros de caminos veredales", "25", ["5", "8", "8", "4"], ["4", "9"], ["80,0 %", "112,5 %"]),
    ("Jovenes rurales formados", "900", ["200", "250", "250", "200"], ["188", "240"], ["94,0 %", "96,0 %"]),
]


def _matriz_con_separadores(destino: Path) -> None:
    """Four ruled blocks side by side, 14 points of unruled space between
    them: names and four-year target | target per year | result per year |
    % per year; the upper header row names the measure, the lower the year."""
    arriba, alto = 500, 16
    nombres = [["Indicador de producto", "Meta cuatrienio"], ["", ""]] + [[n, m] for n, m, *_ in INDICADORES]
    metas = [["", "", "", ""], ["2024", "2025", "2026", "2027"]] + [i[2] for i in INDICADORES]
    logros = [["", "", "", ""], ["2024", "2025", "2026", "2027"]] + [i[3] + ["", ""] for i in INDICADORES]
    avance = [["", ""], ["2024", "2025"]] + [i[4] for i in INDICADORES]
    d = _texto(40, 540, "Seguimiento a metas de producto 2024-2027", 10)
    d += _bloque(40, [160, 60], nombres, arriba, alto)
    d += _bloque(274, [40] * 4, metas, arriba, alto, {0: (4, "Meta programada")})
    d += _bloque(448, [40] * 4, logros, arriba, alto, {0: (4, "Logro alcanzado")})
    d += _bloque(622, [50] * 2, avance, arriba, alto, {0: (2, "% cumplimiento")})
    _pdf(destino, d)


def test_bloques_separados_por_columnas_vacias_son_una_tabla(tmp_path):
    ruta = tmp_path / "matriz.pdf"
    _matriz_con_separadores(ruta)
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 1
    obs = interpretar(doc).observaciones
    por = {(o.indicador, o.medida, o.periodo_inicio.year if o.periodo_inicio else None): o.valor for o in obs}
    assert por[("Kilometros de caminos veredales", "meta", 2026)] == 8
    logro = {"ejecutado", "acumulado"}  # "Logro alcanzado 2025": what was achieved in 2025
    assert [v for (n, m, a), v in por.items() if n == "Jovenes rurales formados" and m in logro and a == 2025] == [240]
    assert por[("Familias con huertas caseras", "avance_porcentual", 2024)] == pytest.approx(109.2)
    assert por[("Familias con huertas caseras", "meta_cuatrienio", 2024)] == 410
    assert not any(o.periodo_inicio and o.periodo_inicio.year == 2026 and o.medida in logro for o in obs)


def test_nombres_bajo_una_celda_alta_junto_a_tres_niveles_son_una_tabla(tmp_path):
    """The names' block heads its column with one tall cell (no rule inside
    the header) beside a block of three header levels (year → semester →
    measure): the body rows are the same, so it is one table."""
    ruta = tmp_path / "semestres.pdf"
    arriba, alto = 500, 16
    nombres = [n for n, *_ in INDICADORES]
    d = bytearray(b"0.5 w\n")
    xs = [40, 200, 250]
    for y in [arriba, arriba - 3 * alto] + [arriba - (3 + r) * alto for r in range(1, len(nombres) + 1)]:
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (xs[0], y, xs[-1], y)
    fondo = arriba - (3 + len(nombres)) * alto
    for x in xs:
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (x, arriba, x, fondo)
    d += _texto(43, arriba - 28, "Linea de accion") + _texto(203, arriba - 28, "Unidad")
    for r, nombre in enumerate(nombres):
        d += _texto(43, arriba - (4 + r) * alto + 4, nombre) + _texto(203, arriba - (4 + r) * alto + 4, "Numero")
    cifras = [i[2] for i in INDICADORES]
    filas = [["", "", "", ""], ["", "", "", ""], ["Programado", "Ejecutado", "Programado", "Ejecutado"], *cifras]
    d += _bloque(262, [55] * 4, filas, arriba, alto, {0: (4, "Vigencia 2023")})
    d += _texto(265, arriba - 2 * alto + 4, "Semestre I") + _texto(375, arriba - 2 * alto + 4, "Semestre II")
    _pdf(ruta, bytes(d))
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 1
    obs = interpretar(doc).observaciones
    assert {o.indicador for o in obs} == set(nombres)


def test_tablas_vecinas_con_texto_entre_ellas_no_se_juntan(tmp_path):
    """Two tables side by side with a caption between them stay two."""
    ruta = tmp_path / "dos.pdf"
    filas = [["Indicador", "Meta"], ["Aulas", "4"], ["Parques", "2"]]
    d = _bloque(40, [120, 50], filas, 500, 16)
    d += _texto(214, 470, "y")
    d += _bloque(230, [120, 50], filas, 500, 16)
    _pdf(ruta, d)
    assert len(leer_documento(ruta).tablas) == 2


@pytest.mark.parametrize(
    "texto, valor, unidad",
    [
        ("45 km", 45, "km"),
        ("6.200 m\u00b2", 6200, "m\u00b2"),
        ("(6) und.", -6, "und."),
        ("350 luminarias", 350, "luminarias"),
        ("38,7 km", 38.7, "km"),
    ],
)
def test_cifra_con_su_unidad(texto, valor, unidad):
    numero, leida = leer_cantidad(texto)
    assert numero.valor == pytest.approx(valor) and leida == unidad


@pytest.mark.parametrize("texto", ["Por demanda", "12 de 15", "$ 1.000", "2023", "N.D.", "45 % cumplido"])
def test_lo_que_no_es_cifra_con_unidad(texto):
    assert leer_cantidad(texto) is None


def test_porcentaje_negativo_entre_parentesis():
    n = leer_numero("(10,0) %")
    assert n.valor == -10 and n.unidad == "porcentaje"


def test_programado_fisico_junto_a_columnas_de_dinero(tmp_path):
    """ "Programado 2024" with units beside "Recursos programados 2024" in
    pesos is the physical target; values keep their sign and unit."""
    ruta = tmp_path / "semestre.pdf"
    filas = [
        ["Indicador de producto", "Programado 2024", "Ejecutado I semestre 2024", "Recursos programados 2024"],
        ["Via terciaria mantenida", "45 km", "38,7 km", "$ 1'850.000.000"],
        ["Viviendas mejoradas", "120 und.", "46 und.", "$ 1'080.000.000"],
        ["Variacion de la accidentalidad", "(10,0) %", "(4,5) %", "$ 250.000.000"],
    ]
    d = _texto(40, 540, "Avance de metas - corte 30 de junio de 2024", 10)
    d += _bloque(40, [170, 90, 110, 120], filas, 500, 18)
    _pdf(ruta, d)
    obs = interpretar(leer_documento(ruta)).observaciones
    por = {(o.indicador, o.medida): o.valor for o in obs}
    assert por[("Via terciaria mantenida", "meta")] == 45
    assert por[("Viviendas mejoradas", "ejecutado")] == 46
    assert por[("Variacion de la accidentalidad", "meta")] == -10
    assert por[("Via terciaria mantenida", "recursos_programados")] == 1_850_000_000
    assert ("Via terciaria mantenida", "recursos_programados") in por
    assert sum(o.medida == "recursos_programados" for o in obs) == 3


def test_meta_de_resultado_del_ultimo_anio_del_plan_es_del_cuatrienio(tmp_path):
    """A result indicator merged down over its products, with its target
    headed by the plan's last year: the target of the term, said once."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("Plan de Desarrollo Municipal 2024-2027 «Avanzamos juntos». Seguimiento a diciembre de 2025")
    encabezado = [
        "Indicador de bienestar",
        "Meta de bienestar 2027",
        "Indicador de producto",
        "Meta 2025",
        "Ejecutado 2025",
    ]
    filas = [
        ["Tasa de deserción escolar", "3,5", "Estudiantes con transporte escolar", "1.200", "1.150"],
        ["", "", "Sedes con alimentación escolar", "45", "45"],
        ["Cobertura de acueducto rural", "80", "Acueductos veredales optimizados", "6", "4"],
        ["", "", "Pozos sépticos construidos", "120", "98"],
    ]
    tabla = doc.add_table(rows=1 + len(filas), cols=len(encabezado))
    for k, texto in enumerate(encabezado):
        tabla.cell(0, k).text = texto
    for r, fila in enumerate(filas, start=1):
        for k, texto in enumerate(fila):
            if texto:
                tabla.cell(r, k).text = texto
    for r in (1, 3):
        for k in (0, 1):
            tabla.cell(r, k).merge(tabla.cell(r + 1, k))
    ruta = tmp_path / "seguimiento.docx"
    doc.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    resultado = [
        (o.medida, o.periodo_inicio.year, o.periodo_fin.year, o.valor)
        for o in obs
        if o.indicador == "Tasa de deserción escolar"
    ]
    assert resultado == [("meta_cuatrienio", 2024, 2027, 3.5)]
    producto = {(o.medida, o.periodo_inicio.year) for o in obs if o.indicador == "Pozos sépticos construidos"}
    assert producto == {("meta", 2025), ("ejecutado", 2025)}


def test_avance_escrito_como_fraccion_se_lee_en_porcentaje(tmp_path):
    """ "% avance" cells that are plain fractions of one: confirmed by the
    row's executed over its target (with units in the cells), or all
    between 0 and 1 with decimals."""
    ruta = tmp_path / "avance.pdf"
    filas = [
        ["Indicador", "Meta 2023", "Logro 2023", "% avance", "% avance del plan"],
        ["Aulas dotadas", "20 und.", "17 und.", "0,85", "0,4"],
        ["Huertas escolares", "40", "46", "1,15", "0,62"],
        ["Docentes formados", "300", "210", "0,70", "0,35"],
    ]
    d = _texto(40, 540, "Informe de gestion 2023 - Secretaria de Educacion", 10)
    d += _bloque(40, [150, 70, 70, 70, 90], filas, 500, 18)
    _pdf(ruta, d)
    obs = interpretar(leer_documento(ruta)).observaciones
    avance = {(o.indicador, o.valor) for o in obs if o.medida == "avance_porcentual"}
    assert {("Aulas dotadas", 85.0), ("Huertas escolares", 115.0), ("Docentes formados", 70.0)} <= avance
    assert {("Aulas dotadas", 40.0), ("Huertas escolares", 62.0), ("Docentes formados", 35.0)} <= avance


def test_a_header_row_drawn_without_inner_rulings_gives_each_column_its_own_header(tmp_path):
    """Years printed over each column in one box without rulings between
    them ("Meta" over "2024  2025  2026"), and a box of the fixed headers
    ("Código  Indicador  Unidad"): each word group names the column under
    it; a band row ("SECTOR EDUCACIÓN") stays one cell across."""
    x0, anchos = 40.0, [50.0, 150.0, 50.0, 45.0, 45.0, 45.0]
    xs = [x0]
    for a in anchos:
        xs.append(xs[-1] + a)
    arriba, alto = 500.0, 16.0
    d = bytearray(b"0.5 w\n")
    filas = [
        [(0, 3, ["Código", "Indicador de producto", "Unidad"]), (3, 6, ["Meta"])],
        [(0, 3, []), (3, 6, ["2024", "2025", "2026"])],
        [(0, 6, ["SECTOR EDUCACIÓN"])],
        [
            (k, k + 1, [t])
            for k, t in enumerate(["220106900", "Estudiantes con transporte", "Número", "3.600", "3.800", "4.000"])
        ],
        [(k, k + 1, [t]) for k, t in enumerate(["220102800", "Sedes educativas mejoradas", "Número", "5", "8", "8"])],
    ]
    for r, celdas in enumerate(filas):
        y_bot = arriba - (r + 1) * alto
        for a, b, textos in celdas:
            d += b"%.1f %.1f %.1f %.1f re S\n" % (xs[a], y_bot, xs[b] - xs[a], alto)
            if len(textos) == 1 and b - a == 3 and textos == ["Meta"]:
                d += _texto((xs[a] + xs[b]) / 2 - 8, y_bot + 4, "Meta")
                continue
            for k, texto in enumerate(textos):
                d += _texto(xs[a + k] + 3, y_bot + 4, texto)
    ruta = tmp_path / "anchos.pdf"
    _pdf(ruta, bytes(d))
    informe = interpretar(leer_documento(ruta))
    metas = {(o.indicador, o.periodo_fin.year): o.valor for o in informe.observaciones if o.medida == "meta"}
    assert metas == {
        ("Estudiantes con transporte", 2024): 3600,
        ("Estudiantes con transporte", 2025): 3800,
        ("Estudiantes con transporte", 2026): 4000,
        ("Sedes educativas mejoradas", 2024): 5,
        ("Sedes educativas mejoradas", 2025): 8,
        ("Sedes educativas mejoradas", 2026): 8,
    }
    assert {o.codigo for o in informe.observaciones} == {"220106900", "220102800"}


def test_a_report_that_writes_thousands_with_commas_is_read_so(tmp_path):
    """A table exported with another locale ("3,450", "41,250", "82.5%"),
    with no figure written the es-CO way: commas group thousands. One
    "10.620" in the same report is enough to keep the es-CO reading."""

    def informe(filas):
        x0, anchos = 40.0, [180.0, 60.0, 60.0, 60.0]
        encabezado = [["Indicador", "Meta 2024", "Logro 2024", "% avance"]]
        ruta = tmp_path / f"miles_{len(filas)}.pdf"
        _pdf(ruta, _bloque(x0, anchos, encabezado + filas, 500.0, 16.0))
        obs = interpretar(leer_documento(ruta)).observaciones
        return {(o.indicador, o.medida): o.valor for o in obs}

    filas = [
        ["Estudiantes con transporte", "3,450", "3,712", "107.6%"],
        ["Estudiantes con alimentación", "41,250", "42,310", "102.6%"],
        ["Sedes mejoradas", "12", "9", "75.0%"],
    ]
    leidas = informe(filas)
    assert leidas[("Estudiantes con transporte", "meta")] == 3450
    assert leidas[("Estudiantes con alimentación", "ejecutado")] == 42310
    assert leidas[("Sedes mejoradas", "avance_porcentual")] == 75
    es_co = informe(filas + [["Familias atendidas", "10.620", "9.870", "92,9%"]])
    assert es_co[("Estudiantes con transporte", "meta")] == 3.45
    assert es_co[("Familias atendidas", "meta")] == 10620


def _trimestres_bajo_una_vigencia(destino: Path, con_marco_de_pagina: bool = False) -> None:
    """Names under one tall header cell; beside them one box "Vigencia 2024"
    spanning four quarter blocks, each a ruled box of its own (quarter over
    Programado | Alcanzado) with unruled spacer gaps between the blocks."""
    arriba, alto = 500, 16
    filas = [(n, *cifras) for n, _, cifras, *_ in INDICADORES]
    d = bytearray(b"0.5 w\n")
    xs = [40, 240]
    fondo = arriba - (3 + len(filas)) * alto
    for y in [arriba, arriba - 3 * alto] + [arriba - (3 + r) * alto for r in range(1, len(filas) + 1)]:
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (xs[0], y, xs[-1], y)
    for x in xs:
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (x, arriba, x, fondo)
    d += _texto(43, arriba - 28, "Indicador de producto")
    for r, (nombre, *_) in enumerate(filas):
        d += _texto(43, arriba - (4 + r) * alto + 4, nombre)
    x0, ancho, hueco = 250, 90, 8
    derecha = x0 + 4 * ancho + 3 * hueco
    for y in (arriba, arriba - alto):
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (x0, y, derecha, y)
    for x in (x0, derecha):
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (x, arriba, x, arriba - alto)
    d += _texto(x0 + 150, arriba - alto + 4, "Vigencia 2024")
    for k, trimestre in enumerate(["Trimestre I", "Trimestre II", "Trimestre III", "Trimestre IV"]):
        cuerpo = [[""] * 2, ["Programado", "Alcanzado"]] + [[f[1 + k], str(int(f[1 + k]) - 3)] for f in filas]
        d += _bloque(x0 + k * (ancho + hueco), [ancho / 2] * 2, cuerpo, arriba - alto, alto, {0: (2, trimestre)})
    if con_marco_de_pagina:
        d += b"20 20 m 772 20 l 772 592 l 20 592 l h S\n30 560 m 762 560 l S\n"
    _pdf(destino, bytes(d))


def test_bloques_de_trimestres_bajo_una_vigencia_son_una_tabla(tmp_path):
    """The spanning "Vigencia" box makes a ruling finder return the outer
    quarters with it as one table and the inner quarters as tables inside
    its frame: they are one table, each figure under its own quarter."""
    ruta = tmp_path / "trimestres.pdf"
    _trimestres_bajo_una_vigencia(ruta)
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 1
    obs = interpretar(doc).observaciones
    por = {(o.indicador, o.medida, o.periodo_inicio.month): o.valor for o in obs if o.periodo_inicio}
    assert por[("Kilometros de caminos veredales", "meta", 7)] == 8
    assert por[("Kilometros de caminos veredales", "ejecutado", 7)] == 5
    assert por[("Jovenes rurales formados", "meta", 4)] == 250
    assert por[("Jovenes rurales formados", "ejecutado", 10)] == 197
    assert len(obs) == 2 * 4 * len(INDICADORES)


def test_tablas_dentro_de_un_marco_de_pagina_quedan_aparte(tmp_path):
    """A page frame with a header band is a table of two big cells for a
    ruling finder; the tables inside one of its cells are not joined to it."""
    ruta = tmp_path / "marco.pdf"
    _trimestres_bajo_una_vigencia(ruta, con_marco_de_pagina=True)
    obs = interpretar(leer_documento(ruta)).observaciones
    assert len(obs) == 2 * 4 * len(INDICADORES)
