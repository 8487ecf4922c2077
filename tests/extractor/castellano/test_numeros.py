"""Tests for extractor.castellano.numeros: es-CO number parsing."""

import pytest
from hypothesis import given, settings, strategies as st

from extractor.castellano.numeros import Numero, buscar_numeros, es_vacio, leer_numero


# ---------------------------------------------------------------------------
# es_vacio
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texto",
    [
        "",
        "   ",
        "\n",
        "N/A",
        "n/a",
        "NA",
        "n.a.",
        "N.A",
        "-",
        "--",
        "—",
        "–",
        "---",
        "No aplica",
        "NO APLICA",
        "no aplica.",
        "ND",
        "N.D.",
        "nd",
        "S/I",
        "s/i",
        "SL",
        "sl",
        "S.L",
        "S. L.",
        "sin dato",
        "Sin datos",
        "SIN INFORMACIÓN",
        "sin información",
        "Sin línea base",
        "#DIV/0!",  # a spreadsheet's error values
        "#¡VALOR!",
        "#N/A",
        None,
    ],
)
def test_es_vacio_si(texto):
    assert es_vacio(texto)


@pytest.mark.parametrize("texto", ["0", "5", "Junio", "10.620", "Si", "Sí", "No", "1"])
def test_es_vacio_no(texto):
    assert not es_vacio(texto)


# ---------------------------------------------------------------------------
# leer_numero: the examples of the brief, dominio.md and the seed
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texto, valor, unidad, ambiguo",
    [
        ("10.620", 10620, "numero", False),
        ("2000", 2000, "numero", False),
        ("983'286.659,67", 983286659.67, "numero", False),
        ("983’286.659,67", 983286659.67, "numero", False),
        ("983´286.659,67", 983286659.67, "numero", False),
        ("$1'340.799.993", 1340799993, "pesos", False),
        ("\\$1'340.799.993", 1340799993, "pesos", False),  # text export escapes $
        ("$ 1.277.800.000", 1277800000, "pesos", False),
        ("\\$ 1'216.376.501", 1216376501, "pesos", False),
        ("$983'286.659,67", 983286659.67, "pesos", False),
        ("COP 1.000", 1000, "pesos", False),
        ("1.000 COP", 1000, "pesos", False),
        ("97,6%", 97.6, "porcentaje", False),
        ("97,6 %", 97.6, "porcentaje", False),
        ("0.25 %", 0.25, "porcentaje", True),
        ("0.23 %", 0.23, "porcentaje", True),
        ("0.25%", 0.25, "porcentaje", True),
        ("1.234,5", 1234.5, "numero", False),
        ("1,234.5", 1234.5, "numero", False),
        ("1,234,567", 1234567, "numero", False),
        ("12,5", 12.5, "numero", False),
        ("0,5", 0.5, "numero", False),
        ("1.5", 1.5, "numero", True),
        ("12.50", 12.5, "numero", True),
        ("3.195", 3195, "numero", False),
        ("1.681", 1681, "numero", False),
        ("13.968", 13968, "numero", False),
        ("0.23", 0.23, "numero", False),
        ("1,234", 1.234, "numero", True),  # es-CO reading of a lone comma
        ("-5", -5, "numero", False),
        ("−5", -5, "numero", False),
        ("(5)", -5, "numero", False),
        ("($ 1.000)", -1000, "pesos", False),
        ("-$5", -5, "pesos", False),
        ("$-5", -5, "pesos", False),
        ("5 %", 5, "porcentaje", False),
        ("5%", 5, "porcentaje", False),
        ("  36  ", 36, "numero", False),
        ("13.968.", 13968, "numero", False),
        ("1.350.000.000", 1350000000, "numero", False),
        ("0", 0, "numero", False),
    ],
)
def test_parse_numero_ejemplos(texto, valor, unidad, ambiguo):
    n = leer_numero(texto)
    assert n is not None
    assert n.valor == pytest.approx(valor)
    assert n.unidad == unidad
    assert n.ambiguo is ambiguo


@pytest.mark.parametrize(
    "texto",
    [
        "",
        "-",
        "--",
        "—",
        "Junio",
        "2016-2019",
        "1:",
        "N/A",
        "abc 5",
        "5 abc",
        "1.2.3",
        "12.34.567",
        "1,2,3",
        "$",
        "%",
        "5 % $",
        "$5%",
        "(5",
        "5)",
        "(-5)",
        "- 5",
        "1.234,567.8",
        ". 5",
        "Junio 13.114",
        "5 5",
    ],
)
def test_parse_numero_rechaza(texto):
    assert leer_numero(texto) is None


def test_parse_numero_texto_y_span():
    n = leer_numero("  $ 1.277.800.000 ")
    assert n.texto == "$ 1.277.800.000"
    assert (n.inicio, n.fin) == (2, 17)


def test_parse_numero_no_negativo_cero():
    assert str(leer_numero("-0").valor) == "0.0"


# ---------------------------------------------------------------------------
# buscar_numeros
# ---------------------------------------------------------------------------


def _valores(texto):
    return [(n.valor, n.unidad) for n in buscar_numeros(texto)]


def _spans_ok(texto, numeros):
    return all(texto[n.inicio : n.fin] == n.texto for n in numeros)


def test_buscar_funcionamiento():
    texto = "Funcionamiento $1'340.799.993 Ejecutado Funcionamiento $983'286.659,67"
    nums = buscar_numeros(texto)
    assert [(n.valor, n.unidad) for n in nums] == [(1340799993, "pesos"), (pytest.approx(983286659.67), "pesos")]
    assert [n.texto for n in nums] == ["$1'340.799.993", "$983'286.659,67"]
    assert _spans_ok(texto, nums)


def test_buscar_funcionamiento_escapado():
    texto = "Funcionamiento \\$1'340.799.993 Ejecutado Funcionamiento \\$983'286.659,67"
    nums = buscar_numeros(texto)
    assert [n.texto for n in nums] == ["$1'340.799.993", "$983'286.659,67"]
    assert _spans_ok(texto, nums)


def test_buscar_serie_mensual():
    texto = "Junio 13.114 Julio 13.134 Agosto 13.665 Sept 13.968"
    nums = buscar_numeros(texto)
    assert [n.valor for n in nums] == [13114, 13134, 13665, 13968]
    assert [(n.inicio, n.fin) for n in nums] == [(6, 12), (19, 25), (33, 39), (45, 51)]
    assert _spans_ok(texto, nums)


def test_buscar_coma_de_puntuacion():
    texto = "recursos de inversión por $ 1.350.000.000, de los cuales se ejecutaron $ 612.450.300,50 con corte"
    nums = buscar_numeros(texto)
    assert [(n.valor, n.unidad) for n in nums] == [(1350000000, "pesos"), (pytest.approx(612450300.5), "pesos")]
    assert nums[0].texto == "$ 1.350.000.000"
    assert nums[1].texto == "$ 612.450.300,50"
    assert _spans_ok(texto, nums)


def test_buscar_porcentajes_de_la_semilla():
    texto = "2016 = 0.25% cumplido 2017= 0.25% A la fecha: 0.23 % 2018= 0.25% 2019= 0.25%"
    nums = buscar_numeros(texto)
    assert [(n.valor, n.unidad) for n in nums] == [
        (2016, "numero"),
        (0.25, "porcentaje"),
        (2017, "numero"),
        (0.25, "porcentaje"),
        (0.23, "porcentaje"),
        (2018, "numero"),
        (0.25, "porcentaje"),
        (2019, "numero"),
        (0.25, "porcentaje"),
    ]
    assert all(n.ambiguo for n in nums if n.unidad == "porcentaje")
    assert _spans_ok(texto, nums)


def test_buscar_signos_y_limites():
    # A dash between years is no minus; "T1" and "IP155" give nothing; "(1)"
    # in running text is not a negative.
    assert _valores("2016-2019") == [(2016, "numero"), (2019, "numero")]
    assert _valores("IP-155") == [(155, "numero")]
    assert _valores("T1 IP155") == []
    assert _valores("Un (1) plan") == [(1, "numero")]
    assert _valores("saldo -5 pesos") == [(-5, "pesos")]
    assert _valores("hasta mayo 75.530 . A partir") == [(75530, "numero")]
    assert _valores("") == []


def test_miles_separados_por_espacio():
    # a thin or no-break space between groups of three (SI style), also when read as a plain space
    assert leer_numero("12\u202f480").valor == 12480
    assert leer_numero("$ 1\u00a0234\u00a0500,00").valor == 1234500
    assert leer_numero("3 102").valor == 3102
    assert _valores("se atendieron 12 480 usuarios de una meta de 13 000") == [(12480, "numero"), (13000, "numero")]
    # not a year and a count, not a stray digit before a dotted figure, not a target and its share
    assert _valores("en 2014 120 personas") == [(2014, "numero"), (120, "numero")]
    assert [n.valor for n in buscar_numeros("5 186.400.000")] == [5, 186400000]
    assert _valores("160 112 %") == [(160, "numero"), (112, "porcentaje")]
    assert leer_numero("12 4800") is None


def test_cifras_que_el_ocr_dano_de_un_modo_conocido():
    # the millions' apostrophe lost, the decimal comma read as a dot: read, and flagged ambiguous
    assert (leer_numero("142318.000,00").valor, leer_numero("142318.000,00").ambiguo) == (142318000, True)
    assert leer_numero("87'315.220.50").valor == 87315220.5
    # a budget code is still no figure
    assert leer_numero("2.3.2.02.02.001") is None


def test_buscar_agrupacion_invalida_en_trozos():
    nums = buscar_numeros("numeral 1.2.3 del plan")
    assert [n.valor for n in nums] == [1, 2, 3]
    assert all(n.ambiguo for n in nums)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------


def _miles(entero: int, apostrofo: bool) -> str:
    """Dots every three digits; optionally an apostrophe before the millions'
    group ("1'340.799.993")."""
    digitos = str(entero)
    grupos = []
    while digitos:
        grupos.insert(0, digitos[-3:])
        digitos = digitos[:-3]
    if len(grupos) == 1:
        return grupos[0]
    seps = ["."] * (len(grupos) - 1)
    if apostrofo and len(grupos) >= 3:
        seps[-2] = "'"  # the separator between millions and thousands
    salida = grupos[0]
    for sep, grupo in zip(seps, grupos[1:]):
        salida += sep + grupo
    return salida


_PESOS = st.sampled_from(["", "$", "$ ", "\\$"])


@given(entero=st.integers(min_value=0, max_value=10**15), apostrofo=st.booleans(), moneda=_PESOS)
def test_propiedad_enteros_es_co(entero, apostrofo, moneda):
    texto = moneda + _miles(entero, apostrofo)
    n = leer_numero(texto)
    assert n is not None
    assert n.valor == entero
    assert n.unidad == ("pesos" if moneda else "numero")
    assert not n.ambiguo


@given(centavos=st.integers(min_value=0, max_value=10**15), apostrofo=st.booleans(), moneda=_PESOS)
def test_propiedad_decimales_es_co(centavos, apostrofo, moneda):
    entero, fraccion = divmod(centavos, 100)
    texto = f"{moneda}{_miles(entero, apostrofo)},{fraccion:02d}"
    n = leer_numero(texto)
    assert n is not None
    assert n.valor == centavos / 100
    assert not n.ambiguo


@given(centavos=st.integers(min_value=0, max_value=10**15), apostrofo=st.booleans())
def test_propiedad_decimales_en_texto(centavos, apostrofo):
    entero, fraccion = divmod(centavos, 100)
    numero = f"${_miles(entero, apostrofo)},{fraccion:02d}"
    texto = f"Ejecutado {numero}, con corte"
    nums = buscar_numeros(texto)
    assert len(nums) == 1
    assert nums[0].valor == centavos / 100
    assert nums[0].texto == numero


@given(st.text())
def test_parse_numero_nunca_falla(texto):
    n = leer_numero(texto)
    assert n is None or isinstance(n, Numero)
    es_vacio(texto)


_ALFABETO = "0123456789.,'’´$%-−() \nabcCOPpesos"


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=_ALFABETO)))
def test_buscar_numeros_spans(texto):
    nums = buscar_numeros(texto)
    assert _spans_ok(texto, nums)
    inicios = [n.inicio for n in nums]
    assert inicios == sorted(inicios)
    # leer_numero also never raises on the same kind of text
    leer_numero(texto)


@pytest.mark.parametrize(
    ("textos", "esperado"),
    [
        (["3,450", "41,250", "$ 1,250.50", "82.5%"], True),
        (["3,450", "41,250"], False),  # too few to tell
        (["3,450", "41,250", "1,250", "87,5"], False),  # "87,5": a decimal comma
        (["3,450", "41,250", "1,250", "10.620"], False),  # "10.620": a thousands point
        (["1.234.567", "45"], False),
    ],
)
def test_formato_de_miles(textos, esperado):
    from extractor.castellano.numeros import formato_de_miles

    assert formato_de_miles(textos) is esperado


def test_con_miles_de_coma():
    from extractor.castellano.numeros import con_miles_de_coma

    assert con_miles_de_coma(leer_numero("3,450")).valor == 3450
    assert con_miles_de_coma(leer_numero("-1,250")).valor == -1250
    assert con_miles_de_coma(leer_numero("87,5")).valor == 87.5  # not a thousands group
    assert con_miles_de_coma(leer_numero("4.35")).valor == 4.35


@pytest.mark.parametrize(
    "texto, limpio",
    [
        ("84,2(1)", "84,2"),  # a footnote call glued to the figure
        ("41(2)", "41"),
        ("12 km (tramo 2)", "12 km"),  # a note in words
        ("(3)", "(3)"),  # a negative standing alone
        ("12 (1)", "12 (1)"),  # apart: not read as a call
    ],
)
def test_sin_notas_ni_llamadas(texto, limpio):
    from extractor.castellano.numeros import sin_notas

    assert sin_notas(texto) == limpio
