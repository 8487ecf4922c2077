"""Tests for extractor.castellano.periodos: Spanish dates, periods and the period rules
of esquemas/convenciones.md."""

from datetime import date

import pytest
from hypothesis import given, strategies as st

from extractor.castellano.periodos import (
    MESES,
    Contexto,
    Periodo,
    buscar_fechas,
    cuatrienio_de,
    fecha_corte_en,
    pares_mes_numero,
    periodo_de_texto,
    periodo_mes,
    periodo_para,
    serie_mensual,
)

# The seed report: vigencia 2017, cut on 2017-09-30, title "MAYO A SEPTIEMBRE DE 2017".
CTX = Contexto(
    vigencia=2017,
    fecha_corte=date(2017, 9, 30),
    periodo_inicio=date(2017, 5, 1),
    periodo_fin=date(2017, 9, 30),
)
CTX_2018 = Contexto(vigencia=2018, fecha_corte=date(2018, 6, 30))
SIN = Periodo(None, None)


def P(a, b):
    return Periodo(date.fromisoformat(a), date.fromisoformat(b))


# ---------------------------------------------------------------------------
# MESES
# ---------------------------------------------------------------------------


def test_meses():
    nombres = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ]
    for i, nombre in enumerate(nombres, start=1):
        assert MESES[nombre] == i
    for abrev, mes in [
        ("ene", 1),
        ("feb", 2),
        ("mar", 3),
        ("abr", 4),
        ("may", 5),
        ("jun", 6),
        ("jul", 7),
        ("ago", 8),
        ("sep", 9),
        ("sept", 9),
        ("set", 9),
        ("oct", 10),
        ("nov", 11),
        ("dic", 12),
    ]:
        assert MESES[abrev] == mes
    assert MESES["setiembre"] == 9


# ---------------------------------------------------------------------------
# buscar_fechas and fecha_corte_en
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("30 de septiembre de 2017", [date(2017, 9, 30)]),
        ("30 de Septiembre de 2017", [date(2017, 9, 30)]),
        ("septiembre 30 de 2017", [date(2017, 9, 30)]),
        ("Septiembre 30, 2017", [date(2017, 9, 30)]),
        ("30/06/2018", [date(2018, 6, 30)]),
        ("2018-06-30", [date(2018, 6, 30)]),
        ("2017-09-30 00:00:00", [date(2017, 9, 30)]),
        ("1° de enero del 2018", [date(2018, 1, 1)]),
        ("Ejecutado a 30-jun-2025", [date(2025, 6, 30)]),  # day and abbreviated month joined by dashes
        ("corte 15/mar/2024", [date(2024, 3, 15)]),
        ("del 01/01/2017 al 30/09/2017", [date(2017, 1, 1), date(2017, 9, 30)]),
        ("30 de junio", []),  # no year and no default
        ("31 de junio de 2018", []),  # not a date
        ("Junio 13.114 Julio 13.134", []),
        ("INFORME MAYO A SEPTIEMBRE DE 2017", []),  # months, not dates
    ],
)
def test_buscar_fechas(texto, esperado):
    assert buscar_fechas(texto) == esperado


def test_buscar_fechas_anio_defecto():
    assert buscar_fechas("30 de junio", anio_defecto=2018) == [date(2018, 6, 30)]
    assert buscar_fechas("con corte al 30 de junio de 2018 y 31 de diciembre", anio_defecto=2019) == [
        date(2018, 6, 30),
        date(2019, 12, 31),
    ]


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("Implementación del plan (con corte a septiembre 30 de 2017) En la parte", date(2017, 9, 30)),
        ("con corte al 30 de junio de 2018", date(2018, 6, 30)),
        ("corte: 31/12/2019", date(2019, 12, 31)),
        ("Fecha de corte: 2019-12-31", date(2019, 12, 31)),
        ("con corte a septiembre de 2017", date(2017, 9, 30)),
        ("A 30 de septiembre de 2017 el cumplimiento de la meta", date(2017, 9, 30)),
        ("Ejecutado a 30 de Septiembre de 2017 $ 1'216.376.501", date(2017, 9, 30)),
        ("Informe de gestión", None),
        ("30 de septiembre de 2017", None),  # a date, but nothing says it is a cut
        # two cuts joined by "y a": the later one
        ("con corte a 30 de junio (informe semestral) y a 31 de diciembre de 2017", date(2017, 12, 31)),
    ],
)
def test_fecha_corte_en(texto, esperado):
    assert fecha_corte_en(texto) == esperado


def test_fecha_corte_de_un_acumulado_en_el_titulo():
    """A running total up to a month states the cut in a title line, not in a header."""
    titulo = "Vigencia fiscal 2025 · Periodo: octubre · Acumulado enero a octubre de 2025"
    assert fecha_corte_en(titulo, acumulado=True) == date(2025, 10, 31)
    assert fecha_corte_en("Ejecución acumulada a junio", 2024, acumulado=True) == date(2024, 6, 30)
    assert fecha_corte_en("Acumulado 2024", acumulado=True) is None  # a year, no month
    # an ERP's running header: the accumulated range ends at the cut, even where the word is required
    linea = "Acumulado del 01/01/2023 al 30/09/2023 · Cifras en pesos"
    assert fecha_corte_en(linea, 2023, acumulado=True, con_palabra=True) == date(2023, 9, 30)
    assert fecha_corte_en("Acumulado enero", 2024) is None  # a header of a monthly series


def test_cuatrienio_de_gobierno_que_contiene_un_anio():
    assert cuatrienio_de(2025) == (2024, 2027)
    assert cuatrienio_de(2023) == (2020, 2023)
    assert cuatrienio_de(2012) == (2012, 2015)
    # a report of 2024 that writes no term: its "Meta del cuatrienio" is for 2024-2027
    ctx = Contexto(vigencia=2024, fecha_corte=date(2024, 6, 30))
    assert periodo_para("meta_cuatrienio", "Meta del cuatrienio", ctx) == Periodo(date(2024, 1, 1), date(2027, 12, 31))


def test_fecha_corte_sin_anio():
    assert fecha_corte_en("con corte al 30 de junio") is None
    assert fecha_corte_en("con corte al 30 de junio", anio_defecto=2018) == date(2018, 6, 30)


# ---------------------------------------------------------------------------
# periodo_de_texto
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("PROYECTADOS AÑO 2017", P("2017-01-01", "2017-12-31")),
        ("junio a septiembre 30 de 2017", P("2017-06-01", "2017-09-30")),
        # from the start of a year to a month of a later one (a card's "Acumulado 2024 – sep. 2025")
        ("Acumulado 2015 – sep. 2017", P("2015-01-01", "2017-09-30")),
        ("Logrado 2016 a junio 30 de 2017", P("2016-01-01", "2017-06-30")),
        ("REALIZADOS PERIODO JUNIO A SEPTIEMBRE 30 DE 2017", P("2017-06-01", "2017-09-30")),
        ("mayo a septiembre de 2017", P("2017-05-01", "2017-09-30")),
        ("INFORME DE GESTIÓN MAYO A SEPTIEMBRE DE 2017", P("2017-05-01", "2017-09-30")),
        ("Ejecutado abril a junio", P("2017-04-01", "2017-06-30")),
        ("a septiembre de 2017", P("2017-01-01", "2017-09-30")),
        ("ALCANZADOS A SEPTIEMBRE DE 2017", P("2017-01-01", "2017-09-30")),
        ("a 30 de junio", P("2017-01-01", "2017-06-30")),
        ("hasta junio", P("2017-01-01", "2017-06-30")),
        ("Ejecutado a 30 de Septiembre de 2017", P("2017-01-01", "2017-09-30")),
        ("con corte a septiembre 30 de 2017", P("2017-01-01", "2017-09-30")),
        ("II semestre", P("2017-07-01", "2017-12-31")),
        ("segundo semestre", P("2017-07-01", "2017-12-31")),
        ("I semestre", P("2017-01-01", "2017-06-30")),
        ("2do semestre de 2018", P("2018-07-01", "2018-12-31")),
        ("T1", P("2017-01-01", "2017-03-31")),
        ("T.4", P("2017-10-01", "2017-12-31")),
        ("T1. PLANEADO 2024", P("2024-01-01", "2024-03-31")),
        ("Trimestre I", P("2017-01-01", "2017-03-31")),
        ("Ejecución Física Trimestre III", P("2017-07-01", "2017-09-30")),
        ("primer trimestre", P("2017-01-01", "2017-03-31")),
        ("tercer bimestre", P("2017-05-01", "2017-06-30")),
        ("primer cuatrimestre", P("2017-01-01", "2017-04-30")),
        # abbreviated in column headers
        ("I trim.", P("2017-01-01", "2017-03-31")),
        ("IV trim. 2024", P("2024-10-01", "2024-12-31")),
        ("Trim. II", P("2017-04-01", "2017-06-30")),
        ("2do sem.", P("2017-07-01", "2017-12-31")),
        ("I Trim 2024", P("2024-01-01", "2024-03-31")),
        ("vigencia 2019", P("2019-01-01", "2019-12-31")),
        ("cuatrienio 2016-2019", P("2016-01-01", "2019-12-31")),
        ("2016-2019", P("2016-01-01", "2019-12-31")),
        ("2020 - 2023", P("2020-01-01", "2023-12-31")),
        ("AVANCE ACUMULADO META 2024 Y 2025", P("2024-01-01", "2025-12-31")),
        ("enero a septiembre", P("2017-01-01", "2017-09-30")),
        ("periodo comprendido entre enero y septiembre de 2017", P("2017-01-01", "2017-09-30")),
        ("Periodo de junio a septiembre", P("2017-06-01", "2017-09-30")),
        ("Periodo de enero a septiembre", P("2017-01-01", "2017-09-30")),
        ("Junio", P("2017-06-01", "2017-06-30")),
        ("junio de 2016", P("2016-06-01", "2016-06-30")),
        ("junio a septiembre 30", P("2017-06-01", "2017-09-30")),
        ("ENE-MAR", P("2017-01-01", "2017-03-31")),
        ("del 01/01/2017 al 30/06/2017", P("2017-01-01", "2017-06-30")),
        ("noviembre a febrero de 2018", P("2017-11-01", "2018-02-28")),
        ("Meta 2018", P("2018-01-01", "2018-12-31")),
        ("Línea base 2015", P("2015-01-01", "2015-12-31")),
    ],
)
def test_periodo_de_texto(texto, esperado):
    assert periodo_de_texto(texto, CTX) == esperado


@pytest.mark.parametrize(
    "texto",
    [
        "INDICADOR",
        "Indicador De Producto",
        "Evidencia",
        "Cantidad",
        "",
        "Recursos programados y ejecutados por inversión",
        "Trimestre I-IV",
        "Junio 13.114 Julio 13.134 Agosto 13.665 Sept 13.968",
        "Mar Caribe",
        "Semana 2",
        "Trimestral",
        "sembrado 3",
    ],
)
def test_periodo_de_texto_sin_periodo(texto):
    assert periodo_de_texto(texto, CTX) is None


def test_la_vigencia_anterior_es_el_anio_antes_del_informe():
    ctx = Contexto(vigencia=2019)
    assert periodo_de_texto("Cifra correspondiente a la vigencia anterior.", ctx) == P("2018-01-01", "2018-12-31")
    assert periodo_de_texto("Logro año anterior", ctx) == P("2018-01-01", "2018-12-31")
    assert periodo_de_texto("Logro año anterior 2016", ctx) == P("2016-01-01", "2016-12-31")  # a written year wins


def test_periodo_de_texto_anio_del_contexto_2018():
    assert periodo_de_texto("Ejecutado abril a junio", CTX_2018) == P("2018-04-01", "2018-06-30")
    assert periodo_de_texto("a 30 de junio", CTX_2018) == P("2018-01-01", "2018-06-30")


def test_periodo_de_texto_sin_anio_conocido():
    assert periodo_de_texto("abril a junio", Contexto()) is None
    assert periodo_de_texto("abril a junio de 2019", Contexto()) == P("2019-04-01", "2019-06-30")


def test_periodo_de_texto_cuatrienio_del_contexto():
    ctx = Contexto(vigencia=2017, cuatrienio=(2016, 2019))
    assert periodo_de_texto("Meta del cuatrienio", ctx) == P("2016-01-01", "2019-12-31")


# ---------------------------------------------------------------------------
# periodo_para: the table of convenciones.md
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "medida, encabezado, esperado",
    [
        # the seed's headers
        ("meta", "PROYECTADOS AÑO 2017", P("2017-01-01", "2017-12-31")),
        ("ejecutado", "REALIZADOS PERIODO JUNIO A SEPTIEMBRE 30 DE 2017", P("2017-06-01", "2017-09-30")),
        ("acumulado", "ALCANZADOS A SEPTIEMBRE DE 2017", P("2017-01-01", "2017-09-30")),
        ("meta", "Cantidad Programada 2017", P("2017-01-01", "2017-12-31")),
        ("ejecutado", "Cantidad Ejecutado 2017", P("2017-01-01", "2017-09-30")),
        ("ejecutado", "Periodo de junio a septiembre", P("2017-06-01", "2017-09-30")),
        ("acumulado", "Periodo de enero a septiembre", P("2017-01-01", "2017-09-30")),
        ("recursos_programados", "Recursos programados y ejecutados por inversión", P("2017-01-01", "2017-12-31")),
        ("recursos_ejecutados", "Recursos programados y ejecutados por inversión", P("2017-01-01", "2017-09-30")),
        ("recursos_ejecutados", "Ejecutado a 30 de Septiembre de 2017", P("2017-01-01", "2017-09-30")),
        # defaults
        ("meta", "", P("2017-01-01", "2017-12-31")),
        ("ejecutado", "", P("2017-05-01", "2017-09-30")),  # the report's period
        ("acumulado", "A la fecha", P("2017-01-01", "2017-09-30")),
        ("avance_porcentual", "% de avance", P("2017-01-01", "2017-09-30")),
        ("linea_base", "L.B", SIN),
        ("linea_base", "Línea base 2015", P("2015-01-01", "2015-12-31")),
        ("meta_cuatrienio", "Meta del cuatrienio", P("2016-01-01", "2019-12-31")),  # the term holding 2017
        ("meta_cuatrienio", "Meta cuatrienio 2016-2019", P("2016-01-01", "2019-12-31")),
        ("meta_cuatrienio", "Meta 2017", P("2016-01-01", "2019-12-31")),  # a year is not the term: the one holding it
        ("apropiacion_inicial", "Apropiación inicial", P("2017-01-01", "2017-12-31")),
        ("apropiacion_definitiva", "Presupuesto definitivo 2016", P("2016-01-01", "2016-12-31")),
        ("compromisos", "Compromisos", P("2017-01-01", "2017-09-30")),
        ("obligaciones", "Obligado", P("2017-01-01", "2017-09-30")),
        ("pagos", "Pagos", P("2017-01-01", "2017-09-30")),
        # adjustments and cuts
        ("ejecutado", "II semestre", P("2017-07-01", "2017-09-30")),  # cut at the corte
        ("meta", "II semestre", P("2017-07-01", "2017-12-31")),  # a meta is not cut
        ("ejecutado", "Ejecutado 2016", P("2016-01-01", "2016-12-31")),  # corte not in 2016
        ("acumulado", "Junio", P("2017-01-01", "2017-06-30")),
        ("ejecutado", "Junio", P("2017-06-01", "2017-06-30")),
        ("acumulado", "a 30 de junio", P("2017-01-01", "2017-06-30")),
        ("acumulado", "Acumulado trimestre 2", P("2017-01-01", "2017-06-30")),  # from January to the quarter's end
        ("ejecutado", "Trimestre 2", P("2017-04-01", "2017-06-30")),
        ("ejecutado", "T4", P("2017-10-01", "2017-12-31")),  # after the corte: not cut
        # a cut over the year dates the results; the year's target stays the year's
        ("meta", "Vigencia 2017 (corte 30 de junio)", P("2017-01-01", "2017-12-31")),
        ("meta", "Programado 2017 con corte a 30 de junio", P("2017-01-01", "2017-12-31")),
        ("acumulado", "Vigencia 2017 (corte 30 de junio)", P("2017-01-01", "2017-06-30")),
        ("meta", "Programado a 30 de junio de 2017", P("2017-01-01", "2017-06-30")),  # the target's own span
    ],
)
def test_periodo_para(medida, encabezado, esperado):
    assert periodo_para(medida, encabezado, CTX) == esperado


@pytest.mark.parametrize(
    "medida, encabezado, esperado",
    [
        ("ejecutado", "Ejecutado abril a junio", P("2018-04-01", "2018-06-30")),
        ("acumulado", "Acumulado a 30 de junio", P("2018-01-01", "2018-06-30")),
        ("meta", "Meta 2018", P("2018-01-01", "2018-12-31")),
        ("avance_porcentual", "% avance 2018", P("2018-01-01", "2018-06-30")),
        ("ejecutado", "", P("2018-01-01", "2018-06-30")),  # no report period
        ("acumulado", "", P("2018-01-01", "2018-06-30")),
        ("recursos_ejecutados", "a 30 de septiembre de 2017", P("2017-01-01", "2017-09-30")),
    ],
)
def test_periodo_para_2018(medida, encabezado, esperado):
    assert periodo_para(medida, encabezado, CTX_2018) == esperado


def test_periodo_para_cuatrienio_del_contexto():
    ctx = Contexto(vigencia=2017, fecha_corte=date(2017, 9, 30), cuatrienio=(2016, 2019))
    assert periodo_para("meta_cuatrienio", "META PROGRAMADA", ctx) == P("2016-01-01", "2019-12-31")
    assert periodo_para("meta_cuatrienio", "cuatrienio 2020-2023", ctx) == P("2020-01-01", "2023-12-31")


def test_periodo_para_corte_desde_el_periodo_del_titulo():
    # No fecha de corte: the end of the report's period plays its part.
    ctx = Contexto(vigencia=2017, periodo_inicio=date(2017, 5, 1), periodo_fin=date(2017, 9, 30))
    assert periodo_para("acumulado", "", ctx) == P("2017-01-01", "2017-09-30")


def test_periodo_para_sin_contexto():
    assert periodo_para("meta", "", Contexto()) == SIN
    assert periodo_para("acumulado", "", Contexto()) == SIN
    assert periodo_para("meta", "Meta 2018", Contexto()) == P("2018-01-01", "2018-12-31")


def test_periodo_para_medida_desconocida():
    # Outside medidas.csv: the header's period as written, uncut, or nothing.
    assert periodo_para("recursos_mixtos", "", CTX) == SIN
    assert periodo_para("recursos_mixtos", "II semestre", CTX) == P("2017-07-01", "2017-12-31")


# ---------------------------------------------------------------------------
# periodo_mes
# ---------------------------------------------------------------------------


def test_periodo_mes():
    assert periodo_mes(6, "ejecutado", CTX) == P("2017-06-01", "2017-06-30")
    assert periodo_mes(6, "acumulado", CTX) == P("2017-01-01", "2017-06-30")
    assert periodo_mes(9, "acumulado", CTX) == P("2017-01-01", "2017-09-30")
    assert periodo_mes(2, "meta", Contexto(vigencia=2016)) == P("2016-02-01", "2016-02-29")
    assert periodo_mes(6, "ejecutado", Contexto()) == SIN
    ctx = Contexto(vigencia=2017, fecha_corte=date(2017, 9, 15))
    assert periodo_mes(9, "ejecutado", ctx) == P("2017-09-01", "2017-09-15")


# ---------------------------------------------------------------------------
# serie_mensual and pares_mes_numero
# ---------------------------------------------------------------------------


def _vals(pares):
    return [(mes, n.valor) for mes, n in pares]


def test_serie_mensual_facebook():
    texto = "Junio 13.114\nJulio 13.134\nAgosto 13.665\nSept 13.968"
    pares = serie_mensual(texto, CTX)
    assert _vals(pares) == [(6, 13114), (7, 13134), (8, 13665), (9, 13968)]
    assert all(texto[n.inicio : n.fin] == n.texto for _, n in pares)


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("Junio 2.960 Julio 3.059 Agosto 3.121 Sept 3.195", [(6, 2960), (7, 3059), (8, 3121), (9, 3195)]),
        ("Junio 497 Julio 507 Agosto 530 Sept 549", [(6, 497), (7, 507), (8, 530), (9, 549)]),
        ("Junio: 6.047, Julio: 6.364; Sept. 5.516.", [(6, 6047), (7, 6364), (9, 5516)]),
        ("  JUNIO 1.274\n\nJULIO 1.291  ", [(6, 1274), (7, 1291)]),
    ],
)
def test_serie_mensual_ejemplos(texto, esperado):
    assert _vals(serie_mensual(texto)) == esperado


@pytest.mark.parametrize(
    "texto",
    [
        "Junio 13.114",
        "13.968",
        "",
        "Junio Julio",
        "Junio 13.114 y Julio 13.134",
        "Con el nuevo contador de visita en Junio se contabiliza 265.806",
        "Periodo de junio a septiembre",
    ],
)
def test_serie_mensual_no(texto):
    assert serie_mensual(texto) is None


def test_pares_mes_numero_pagina_web():
    texto = "Con el nuevo contador de visita en Junio se contabiliza 265.806 y a septiembre 697.047"
    assert _vals(pares_mes_numero(texto)) == [(6, 265806), (9, 697047)]


def test_pares_mes_numero_narrativa_larga():
    texto = (
        "Se registra en enero 1.440 subió hasta mayo 75.530 . A partir de la "
        "actualización de la página de inicio del portal web, se implementa un "
        "contador de visitas. A septiembre van 697.047"
    )
    pares = pares_mes_numero(texto)
    assert _vals(pares) == [(1, 1440), (5, 75530), (9, 697047)]
    assert all(texto[n.inicio : n.fin] == n.texto for _, n in pares)


def test_pares_mes_numero_omite_anios_y_dias():
    assert _vals(pares_mes_numero("a 30 de junio de 2018 se ejecutaron 5.000")) == [(6, 5000)]
    assert _vals(pares_mes_numero("con corte a septiembre 30 de 2017 se hicieron 40")) == [(9, 40)]
    assert _vals(pares_mes_numero("en junio de 2017")) == []
    assert _vals(pares_mes_numero("el 30/06/2018 en junio")) == []


def test_pares_mes_numero_lejos_o_en_otra_frase():
    assert pares_mes_numero("En junio se hizo una cosa muy larga y después de mucho 5") == []
    assert pares_mes_numero("En junio. Luego 5") == []
    assert pares_mes_numero("sin meses 5 y 6") == []


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

_NOMBRES = {v: k for k, v in MESES.items() if len(k) > 3}


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["{d} de {m} de {y}", "{m} {d} de {y}", "{d:02d}/{n:02d}/{y}", "{y}-{n:02d}-{d:02d}"]),
    st.booleans(),
)
def test_propiedad_fechas(fecha, plantilla, mayusculas):
    texto = plantilla.format(d=fecha.day, m=_NOMBRES[fecha.month], n=fecha.month, y=fecha.year)
    if mayusculas:
        texto = texto.upper()
    assert buscar_fechas("Con corte a " + texto + ".") == [fecha]
    assert fecha_corte_en("con corte al " + texto) == fecha


@given(st.text())
def test_nunca_falla(texto):
    periodo_de_texto(texto, CTX)
    periodo_para("acumulado", texto, CTX)
    buscar_fechas(texto, anio_defecto=2017)
    fecha_corte_en(texto)
    serie_mensual(texto)
    pares_mes_numero(texto)


def test_plan_sin_vigencia_cifra_sin_anio_cubre_el_cuatrienio():
    """A plan has no single vigencia: "Total asignado" (no year) is the
    term's, not its last year's; a baseline stays without a period."""
    plan = Contexto(
        vigencia=None, periodo_inicio=date(2024, 1, 1), periodo_fin=date(2027, 12, 31), cuatrienio=(2024, 2027)
    )
    cuatrienio = Periodo(date(2024, 1, 1), date(2027, 12, 31))
    assert periodo_para("recursos_programados", "TOTAL ASIGNADO", plan) == cuatrienio
    assert periodo_para("compromisos", "TOTAL COMPROMISOS", plan) == cuatrienio
    assert periodo_para("meta", "Valor esperado 2025", plan) == Periodo(date(2025, 1, 1), date(2025, 12, 31))
    assert periodo_para("linea_base", "L.B", plan) == Periodo(None, None)


def test_cada_abreviatura_de_castellano_yaml_se_lee_como_su_parte():
    """Every abbreviation of esquemas/castellano.yaml `subperiodos_abreviados`
    reads as the last part of its year, with or without its full stop."""
    import esquemas
    from extractor.castellano.periodos import ABREVIATURAS_SUBPERIODO, SUBPERIODOS

    datos = esquemas.cargar_yaml("castellano.yaml")["subperiodos_abreviados"]
    assert ABREVIATURAS_SUBPERIODO == {a: nombre for nombre, abrs in datos.items() for a in abrs}
    for abreviatura, nombre in ABREVIATURAS_SUBPERIODO.items():
        meses = SUBPERIODOS[nombre]
        ultimo = ("I", "II", "III", "IV", "V", "VI")[12 // meses - 1]
        inicio = date(2023, 12 - meses + 1, 1)
        for texto in (f"{ultimo} {abreviatura}. 2023", f"{abreviatura.upper()} {ultimo} 2023"):
            assert periodo_de_texto(texto, CTX) == Periodo(inicio, date(2023, 12, 31)), texto


def test_corte_escrito_con_guiones_es_desde_enero():
    """ "Ejecutado a 30-sep" is the year up to that day, like "a 30 de
    septiembre", not the month of September."""
    ctx = Contexto(vigencia=2025, fecha_corte=date(2025, 9, 30), periodo_inicio=date(2025, 1, 1))
    for texto in ("Ejecutado a 30-sep", "Ejecutado a 30 de septiembre", "Ejecutado a 30-sep-2025"):
        assert periodo_para("ejecutado", texto, ctx) == Periodo(date(2025, 1, 1), date(2025, 9, 30)), texto


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("Así íbamos: ¿cuánto llevamos desde 2020?", P("2020-01-01", "2022-12-31")),
        ("Acumulado desde el año 2021", P("2021-01-01", "2022-12-31")),
        ("Logro desde 2020 hasta 2021", P("2020-01-01", "2021-12-31")),  # a range, not from 2020 to the cut
        ("Meta desde 2024", P("2024-01-01", "2024-12-31")),  # after the cut: the year itself
    ],
)
def test_desde_un_anio_hasta_el_corte(texto, esperado):
    ctx = Contexto(
        vigencia=2022, fecha_corte=date(2022, 12, 31), periodo_inicio=date(2022, 1, 1), periodo_fin=date(2022, 12, 31)
    )
    assert periodo_de_texto(texto, ctx) == esperado


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("Fecha de corte del seguimiento: 31 de diciembre de 2024", date(2024, 12, 31)),
        ("Corte del informe: 30/06/2024", date(2024, 6, 30)),
    ],
)
def test_fecha_de_corte_de_lo_que_se_informa(texto, esperado):
    assert fecha_corte_en(texto, 2024) == esperado
