"""A dashboard printed from a web page: a grid of framed cards, each with
its indicator's name, lines "Label ........ figure" (dotted leaders drawn
as borders, the figure right-aligned), a foot band "II trimestre 2023 ·
programado N · ejecutado M" (once wrapped before its last figure), and a
framed money box. Each card is one indicator's fields; nothing is read as
a table across cards."""

from __future__ import annotations

from extractor import interpretar, leer_documento
from tests.conftest import pdf_de_html

TARJETAS = [  # code, name, (baseline, four-year target, year's target, to date, %), (quarter target, done)
    ("MV-01", "Kilómetros de ciclorruta construidos", ("2,5", "12,0", "4,0", "3,1", "77,5 %"), ("1,5", "1,2")),
    ("MV-02", "Semáforos peatonales instalados en cruces escolares", ("14", "60", "18", "9", "50,0 %"), ("6", "4")),
    (
        "MV-03",
        "Porcentaje de vías urbanas con señalización horizontal en buen estado y visible de noche",
        ("61,0 %", "85,0 %", "80,0 %", "74,2 %", "92,8 %"),
        ("80,0 %", "74,2 %"),
    ),
    ("MV-04", "Campañas de seguridad vial dirigidas a motociclistas", ("3", "16", "4", "2", "50,0 %"), ("1", "1")),
    ("MV-05", "Agentes de tránsito capacitados", ("40", "120", "30", "30", "100,0 %"), ("10", "12")),
    ("MV-06", "Estudios de movilidad elaborados", ("0", "2", "1", "0", "0,0 %"), ("1", "0")),
]
ROTULOS = [
    "Línea base 2022",
    "Meta cuatrienio 2020-2023",
    "Meta vigencia 2023",
    "Acumulado a 30-jun-2023",
    "Cumplimiento 2023",
]
MEDIDAS = ["linea_base", "meta_cuatrienio", "meta", "acumulado", "avance_porcentual"]

CSS = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 4pt 0; }
.rejilla { display: grid; grid-template-columns: 1fr 1fr; gap: 14pt; }
.tarjeta { border: 1px solid #999; break-inside: avoid; }
.cuerpo { padding: 6pt 8pt; }
.cod { font-size: 8pt; font-weight: bold; color: #fff; background: #7a1d1d; padding: 1pt 3pt; }
.nombre { font-weight: bold; margin: 4pt 0 6pt 0; }
.fila { display: flex; margin: 2pt 0; }
.guia { flex: 1; border-bottom: 1px dotted #888; margin: 0 3pt 3pt 3pt; }
.pie { background: #eee; border-top: 1px solid #ccc; padding: 4pt 8pt; font-size: 8pt; }
.plata { border: 1px solid #999; width: 55%; margin-top: 14pt; padding: 6pt 8pt; }
"""


def _tarjeta(cod, nombre, cifras, trimestre) -> str:
    filas = "".join(
        f'<div class="fila"><span>{r}</span><span class="guia"></span><b>{v}</b></div>' for r, v in zip(ROTULOS, cifras)
    )
    pie = f"II trimestre 2023 · programado <b>{trimestre[0]}</b> · ejecutado <b>{trimestre[1]}</b>"
    return (
        f'<div class="tarjeta"><div class="cuerpo"><span class="cod">{cod}</span>'
        f'<div class="nombre">{nombre}</div>{filas}<div class="pie">{pie}</div></div></div>'
    )


def _tablero(tmp_path):
    tarjetas = "".join(_tarjeta(*t) for t in TARJETAS[:4])
    resto = "".join(_tarjeta(*t) for t in TARJETAS[4:])
    plata = (
        '<div class="plata"><b>Fondo de Seguridad Vial · vigencia 2023</b>'
        '<div class="fila"><span>Apropiación definitiva 2023</span><span class="guia"></span><b>$ 845.300.000</b></div>'
        '<div class="fila"><span>Compromisos a 30-jun</span><span class="guia"></span><b>$ 601.870.400</b></div>'
        '<div class="fila"><span>Ejecución presupuestal</span><span class="guia"></span><b>71,2 %</b></div></div>'
    )
    html = (
        f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>"
        "<h1>Tablero de seguimiento · Plan de Acción 2023</h1>"
        "<p>Alcaldía de Chía · Secretaría de Movilidad · Corte: 30 de junio de 2023</p>"
        f'<div class="rejilla">{tarjetas}</div><div style="break-before: page"></div>'
        "<h1>Tablero de seguimiento · Plan de Acción 2023</h1>"
        f'<div class="rejilla">{resto}</div>{plata}</body></html>'
    )
    return pdf_de_html(html, tmp_path / "chia_tablero_movilidad_2023.pdf")


def test_tarjetas_de_claves_con_guias_y_pie_del_trimestre(tmp_path):
    ruta = _tablero(tmp_path)
    doc = leer_documento(ruta)
    # no table of the cards' lines (the money box alone may be one): each card's lines are its fields
    assert not [c for t in doc.tablas for c in t.celdas if "Línea base" in c.texto or "trimestre" in c.texto]
    informe = interpretar(doc)
    for cod, nombre, cifras, (programado, ejecutado) in TARJETAS:
        de_la_tarjeta = [o for o in informe.observaciones if nombre in o.indicador]
        assert de_la_tarjeta, nombre
        trimestre = [
            o for o in de_la_tarjeta if o.periodo_inicio and (o.periodo_inicio.month, o.periodo_fin.month) == (4, 6)
        ]
        del_anio = {o.medida: o.valor_texto.replace(" ", "") for o in de_la_tarjeta if o not in trimestre}
        assert del_anio == {m: t.replace(" ", "") for m, t in zip(MEDIDAS, cifras)}, nombre
        assert {(o.medida, o.valor_texto.replace(" ", "")) for o in trimestre} == {
            ("meta", programado.replace(" ", "")),
            ("ejecutado", ejecutado.replace(" ", "")),
        }, (nombre, trimestre)
    fondo = [o for o in informe.observaciones if o.indicador.startswith("Fondo de Seguridad Vial")]
    assert {(o.medida, o.valor) for o in fondo} == {
        ("recursos_programados", 845_300_000),
        ("compromisos", 601_870_400),
        ("avance_porcentual", 71.2),
    }
    # the dashboard says nothing else: no card's figure went to a label or to another card
    nombres = {t[1] for t in TARJETAS} | {"Fondo de Seguridad Vial · vigencia 2023"}
    assert all(any(n in o.indicador for n in nombres) for o in informe.observaciones), informe.observaciones


def test_cifra_grande_en_millones_con_su_escala_debajo(tmp_path):
    """A card whose big figure is money with its scale word on the line
    under it, over the card's name ("$ 7.215" / "millones" / "Inversión
    ejecutada en la vigencia"), and a foot "Programado: $ 8.040 millones".
    PDF drawn with reportlab."""
    import pytest

    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    ruta = tmp_path / "tablero_inversion.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(720, 405))
    c.setFont("Helvetica-Bold", 18)
    c.drawString(40, 360, "Balance de la vigencia 2022 - Alcaldía de Funza")
    for k, (cifra, escala, nombre, pie) in enumerate(
        [
            ("1.284", "ha", "Hectáreas con asistencia técnica agropecuaria", "Meta 2022: 1.300"),
            ("$ 7.215", "millones", "Inversión ejecutada en la vigencia (compromisos)", "Programado: $ 8.040 millones"),
        ]
    ):
        x = 40 + 340 * k
        c.roundRect(x, 120, 300, 200, 10)
        c.setFont("Helvetica-Bold", 30)
        c.drawString(x + 20, 270, cifra)
        c.setFont("Helvetica", 11)
        c.drawString(x + 20, 250, escala)
        c.drawString(x + 20, 236, nombre)
        c.drawString(x + 20, 140, pie)
    c.save()
    informe = interpretar(leer_documento(ruta))
    inversion = {(o.medida, o.valor) for o in informe.observaciones if o.indicador.startswith("Inversión ejecutada")}
    assert inversion == {("recursos_ejecutados", 7_215_000_000), ("recursos_programados", 8_040_000_000)}
    hectareas = {(o.medida, o.valor) for o in informe.observaciones if o.indicador.startswith("Hectáreas")}
    assert hectareas == {("ejecutado", 1284), ("meta", 1300)}


CARTAS = [  # code, name, target, done, %, money spent, budget
    ("DS-01", "Adultos mayores con complemento alimentario", "420", "398", "94,8 %", "186.400.000", "200.000.000"),
    ("DS-02", "Jóvenes en escuelas deportivas", "600", "642", "107,0 %", "54.120.000", "60.000.000"),
    ("DS-03", "Personas con discapacidad con ayudas técnicas", "80", "52", "65,0 %", "31.200.000", "48.000.000"),
    ("DS-04", "Madres comunitarias capacitadas", "120", "120", "100,0 %", "9.800.000", "10.000.000"),
    ("DS-05", "Familias en acompañamiento psicosocial", "250", "231", "92,4 %", "77.350.000", "85.000.000"),
    ("DS-06", "Hogares con huertas caseras establecidas", "90", "0", "0,0 %", "0", "22.000.000"),
]


def test_tarjetas_separadas_solo_por_reglas_discontinuas(tmp_path):
    """A dashboard whose cards are parted only by dashed rules across and
    down the page (no box around any card): the cells of that grid are the
    cards; "Meta 2024 ........ 420" with its leaders as text, "Inversión $
    186.400.000 de $ 200.000.000" the money spent of the budget."""
    celdas = "".join(
        f'<div class="c"><p class="n">{cod} · {nombre}</p><p>Meta 2024 ................ {meta}</p>'
        f"<p>Ejecutado: {hecho}</p><p>Cumplimiento {pct}</p><p>Inversión $ {gasto} de $ {tope}</p></div>"
        for cod, nombre, meta, hecho, pct, gasto, tope in CARTAS
    )
    css = (
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 0; }"
        ".g { display: grid; grid-template-columns: 1fr 1fr 1fr; border-top: 1px dashed #555; }"
        ".c { padding: 6pt 10pt; border-bottom: 1px dashed #555; min-height: 130pt; }"
        ".c:nth-child(3n+2), .c:nth-child(3n+3) { border-left: 1px dashed #555; }"
        "p { margin: 2pt 0; } .n { font-weight: bold; margin-bottom: 6pt; }"
    )
    html = (
        f"<html><head><meta charset='utf-8'><style>@page {{ size: A4 landscape; }} {css}</style></head><body>"
        "<h2>Tablero de indicadores · vigencia 2024</h2><p>Alcaldía de Zipacón · Secretaría de Desarrollo Social</p>"
        f'<div class="g">{celdas}</div></body></html>'
    )
    ruta = pdf_de_html(html, tmp_path / "zipacon_tablero_2024.pdf")
    informe = interpretar(leer_documento(ruta))
    for cod, nombre, meta, hecho, pct, gasto, tope in CARTAS:
        de_la_carta = {(o.medida, o.valor_texto) for o in informe.observaciones if nombre in o.indicador}
        assert de_la_carta >= {("meta", meta), ("ejecutado", hecho), ("avance_porcentual", pct)}, (nombre, de_la_carta)
        dinero = {(o.medida, o.valor) for o in informe.observaciones if nombre in o.indicador and o.unidad == "pesos"}
        assert dinero == {
            ("recursos_ejecutados", float(gasto.replace(".", ""))),
            ("recursos_programados", float(tope.replace(".", ""))),
        }, (nombre, dinero)
    assert all(any(c[1] in o.indicador for c in CARTAS) for o in informe.observaciones), informe.observaciones


TASAS = [  # name, result, target (a bound when "≤"), baseline, four-year target
    ("Índice de infestación aédica en viviendas", "3,8 %", "≤ 5,0 %", "11,2 %", "≤ 4,0 %"),
    ("Cobertura de tamizaje de cáncer de cuello uterino", "61,4 %", "65,0 %", "48,0 %", "75,0 %"),
    ("Tasa de embarazo en adolescentes por mil", "52,3", "≤ 55,0", "63,1", "≤ 50,0"),
]


def test_cifra_grande_con_su_rotulo_y_dos_campos_en_una_linea(tmp_path):
    """Cards of a grid parted by dashed rules: a big figure with "Resultado
    2024" under it (the figure's label, not the card's name), then "Meta
    2024 ≤ 5,0 %   Línea base 2022 11,2 %" on one line (two fields with no
    separator, a target written as a bound) and "Meta 2024-2027 ≤ 4,0 %"."""
    celdas = "".join(
        f'<div class="c"><p class="n">{nombre}</p><p class="g">{resultado}</p><p>Resultado 2024</p>'
        f"<p>Meta 2024 {meta} &nbsp;&nbsp;&nbsp; Línea base 2022 {base}</p><p>Meta 2024-2027 {cuatrienio}</p></div>"
        for nombre, resultado, meta, base, cuatrienio in TASAS
    )
    css = (
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 0; }"
        ".f { display: flex; border-top: 1px dashed #555; border-bottom: 1px dashed #555; }"
        ".c { flex: 1; padding: 6pt 10pt; min-height: 120pt; }"
        ".c + .c { border-left: 1px dashed #555; }"
        "p { margin: 3pt 0; } .n { font-weight: bold; } .g { font-size: 24pt; font-weight: bold; }"
    )
    html = (
        f"<html><head><meta charset='utf-8'><style>@page {{ size: A4 landscape; }} {css}</style></head><body>"
        "<h2>Tablero del Plan Territorial de Salud · vigencia 2024</h2>"
        f'<p>Municipio de Sesquilé · Secretaría de Salud</p><div class="f">{celdas}</div></body></html>'
    )
    informe = interpretar(leer_documento(pdf_de_html(html, tmp_path / "sesquile_salud_2024.pdf")))
    for nombre, resultado, meta, base, cuatrienio in TASAS:
        leidas = {(o.medida, o.valor_texto) for o in informe.observaciones if nombre in o.indicador}
        assert leidas == {
            ("ejecutado", resultado),
            ("meta", meta.lstrip("≤ ")),
            ("linea_base", base),
            ("meta_cuatrienio", cuatrienio.lstrip("≤ ")),
        }, (nombre, leidas)


SIN_BORDES = [  # sector, name, baseline, target, done, %
    ("CULTURA · MP 3.1.2", "Talleres de música en veredas", "12", "20", "18", "90,0 %"),
    ("DEPORTE · MP 3.2.1", "Escuelas deportivas en funcionamiento", "6", "8", "8", "100,0 %"),
    ("TURISMO · MP 4.1.3", "Guías turísticos certificados", "0", "15", "9", "60,0 %"),
]


def test_tarjetas_sin_bordes_lado_a_lado(tmp_path):
    """Cards with no box and no rule, parted only by white space, whose
    "Label ..... figure" lines line up across the page: read as one table
    whose label column repeats, parted into one key/value table per card,
    named by its heading (the sector's band in capitals above it aside)."""
    rotulos = ["Línea base 2022", "Meta 2023", "Logro 2023", "Cumplimiento 2023"]
    tarjetas = "".join(
        f'<div class="t"><p class="s">{sector}</p><p class="n">{nombre}</p>'
        + "".join(f'<div class="f"><span>{r}</span><b>{v}</b></div>' for r, v in zip(rotulos, cifras))
        + "</div>"
        for sector, nombre, *cifras in SIN_BORDES
    )
    css = (
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; margin: 0; }"
        ".g { display: flex; gap: 36pt; } .t { flex: 1; }"
        ".s { font-size: 7pt; font-weight: bold; margin: 0; } .n { font-weight: bold; margin: 2pt 0 10pt 0; }"
        ".f { display: flex; justify-content: space-between; margin: 3pt 0; }"
    )
    html = (
        f"<html><head><meta charset='utf-8'><style>@page {{ size: A4 landscape; }} {css}</style></head><body>"
        "<h2>Tablero de metas de producto · vigencia 2023</h2><p>Municipio de Guatavita · Secretaría de Cultura</p>"
        f'<div class="g">{tarjetas}</div></body></html>'
    )
    informe = interpretar(leer_documento(pdf_de_html(html, tmp_path / "guatavita_tablero_2023.pdf")))
    medidas = ["linea_base", "meta", "ejecutado", "avance_porcentual"]
    for _, nombre, *cifras in SIN_BORDES:
        leidas = {o.medida: o.valor_texto for o in informe.observaciones if o.indicador == nombre}
        assert leidas == dict(zip(medidas, cifras)), (nombre, leidas)
