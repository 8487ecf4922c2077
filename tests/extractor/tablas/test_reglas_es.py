"""Spanish rules: header wording to measure/role, indicator name vs description."""

from __future__ import annotations

import pytest

from extractor.tablas.encabezados import clasificador
from extractor.castellano.nombres import separar_nombre


@pytest.mark.parametrize(
    "encabezado, medida",
    [
        ("PROYECTADOS AÑO 2017", "meta"),
        ("REALIZADOS PERIODO JUNIO A SEPTIEMBRE 30 DE 2017", "ejecutado"),
        ("ALCANZADOS A SEPTIEMBRE DE 2017", "acumulado"),
        ("Meta 2018", "meta"),
        ("Ejecutado abril a junio", "ejecutado"),
        ("Acumulado a 30 de junio", "acumulado"),
        ("Meta cuatrienio 2016-2019", "meta_cuatrienio"),
        ("VALOR ESPERADO CUATRIENIO", "meta_cuatrienio"),
        ("LINEA BASE", "linea_base"),
        ("Línea base 2015", "linea_base"),
        ("% Avance", "avance_porcentual"),
        ("% CUMPLIMIENTO P.A", "avance_porcentual"),
        ("Recursos programados", "recursos_programados"),
        ("Recursos ejecutados", "recursos_ejecutados"),
        ("Presupuesto definitivo", "apropiacion_definitiva"),
        ("Apropiación inicial", "apropiacion_inicial"),
        ("Compromisos", "compromisos"),
        ("Obligaciones", "obligaciones"),
        ("Pagos", "pagos"),
        ("Meta física Ejecutada 2020", "ejecutado"),
        ("Cantidad Programada 2017", "meta"),
        ("T1. PLANEADO 2024", "meta"),
        ("Avance vigencia 2021", "ejecutado"),
        # a target written in percent is a target; a progress in percent stays a progress
        ("Meta (%)", "meta"),
        ("Línea base 2023 (%)", "linea_base"),
        ("Cumplimiento (%)", "avance_porcentual"),
        ("Avance (%)", "avance_porcentual"),
        # "Comportamiento mensual": what was done, month by month
        ("Comportamiento mensual", "ejecutado"),
    ],
)
def test_header_to_measure(encabezado, medida):
    assert clasificador().medida(encabezado) == medida


@pytest.mark.parametrize(
    "encabezado, medida",
    [
        ("M. cuat.", "meta_cuatrienio"),  # every reading of "m." with "cuat." → cuatrienio is the term's target
        ("Cumpl. 2021", "avance_porcentual"),  # "cumpl." is cumplimiento in a header (esquemas: abreviaturas)
        ("Cuat. 2020-2023", "meta_cuatrienio"),
        ("Acum.", "acumulado"),
        ("Obs.", None),  # no rule word begins so: no measure
        ("Cump.", None),  # cumplido (ejecutado) or cumplimiento (%): readings disagree, no measure
    ],
)
def test_encabezado_abreviado(encabezado, medida):
    """A header cut short with full stops (a continuation page's header in
    other words) is read through the rules' words each abbreviation begins,
    when every reading that gives a measure gives the same one."""
    assert clasificador().medida(encabezado) == medida


@pytest.mark.parametrize(
    "encabezado, rol",
    [
        ("Código MGA", "codigo"),
        ("Indicador de producto", "etiqueta"),
        ("INDICADOR", "etiqueta"),
        ("Evidencia", "ignorar"),
        ("Unidad de medida", "unidad"),
        ("Fuente de financiación", "fuente"),
        ("COD,.INT. PROGRAMA", "codigo"),
    ],  # Tenjo: a comma glued to the next word
)
def test_header_to_role(encabezado, rol):
    assert clasificador().rol(encabezado) == rol


@pytest.mark.parametrize(
    "encabezado, no_valor",
    [
        ("Peso (%)", "ignorar"),  # an activity's weight in its product
        ("Ponderación (%)", "ignorar"),
        ("Recursos en pesos", None),  # the currency is no weight
        ("Brecha", "ignorar"),  # Logro − Meta: derived from two other columns
        ("% avance actividad", None),
        # an evaluation's score of a row, not the row's figure
        ("Calificación", "ignorar"),
        ("Resultado ponderado", "ignorar"),
        ("Avance ponderado del programa (%)", None),  # a weighted progress is progress
    ],
)
def test_columnas_que_no_son_valores(encabezado, no_valor):
    assert clasificador().no_valor(encabezado) == no_valor


@pytest.mark.parametrize(
    "encabezado, medida",
    [
        ("Logro alcanzado", "ejecutado"),  # the period's achievement
        ("Logro acumulado 2016-2018", "acumulado"),
        ("Alcanzado a la fecha", "acumulado"),
        # what was achieved in the year, also under an upper level that says targets
        ("METAS FÍSICAS Magnitud lograda 2021", "ejecutado"),
        # the caption of a card's percentage; its year printed without the space before it
        ("de la meta2024 cumplida", "avance_porcentual"),
        ("Compromiso del año", "meta"),  # the year's target in citizens' words, not a budget commitment
        ("Compromisos", "compromisos"),
        ("Avance frente al compromiso", "avance_porcentual"),
        ("Inversión programada", "recursos_programados"),
    ],
)
def test_redacciones_de_fichas_y_matrices(encabezado, medida):
    assert clasificador().medida(encabezado) == medida


def test_scale_in_header():
    assert clasificador().escala("Recursos (en millones de pesos)") == ("millones", 1e6)
    assert clasificador().escala("Valor (en miles)") == ("miles", 1e3)
    assert clasificador().escala("Recursos ejecutados") == (None, 1.0)
    # Colombian budget abbreviations: MM$ millions, $MMM thousands of millions
    assert clasificador().escala("Ejecución de la inversión – vigencia 2017 (MM$)") == ("mm", 1e6)
    assert clasificador().escala("Apropiación ($MMM)") == ("mmm", 1e9)
    assert clasificador().escala("Recursos 2021 (mill. $)") == ("mill", 1e6)


@pytest.mark.parametrize(
    "etiqueta, nombre, descripcion",
    [
        (
            "BOLETINES DE PRENSA: Realizar diariamente los boletines",
            "BOLETINES DE PRENSA",
            "Realizar diariamente los boletines",
        ),
        (
            "INFORMATIVO INSTITUCIONAL Realizar semanalmente un informativo",
            "INFORMATIVO INSTITUCIONAL",
            "Realizar semanalmente un informativo",
        ),
        ("YOUTUBE: Alcaldía de Barrancabermeja Suscriptores.", "YOUTUBE", "Alcaldía de Barrancabermeja Suscriptores."),
        (
            "Un (1) Plan estratégico diseñado e implementado en el cuatrienio. 1: El porcentaje",
            "Un (1) Plan estratégico diseñado e implementado en el cuatrienio",
            "1: El porcentaje",
        ),
        ("MEMES INFORMATIVOS", "MEMES INFORMATIVOS", None),
        ("IPS acreditadas en el municipio", "IPS acreditadas en el municipio", None),
        ("Cobertura neta: porcentaje de niños matriculados", "Cobertura neta", "porcentaje de niños matriculados"),
        (
            "PRODUCCIÓN DE SPOTS Y/O\nCOMERCIALES INSTITUCIONALES: Producción",
            "PRODUCCIÓN DE SPOTS Y/O COMERCIALES INSTITUCIONALES",
            "Producción",
        ),
        # an abbreviation's period before a lower-case word ends no sentence
        (
            "11.4.01.00 - Coparticipación Pcial. de Impuesto Ley 10.559",
            "11.4.01.00 - Coparticipación Pcial. de Impuesto Ley 10.559",
            None,
        ),
        # nor does an abbreviation's before a figure ("art. 111"); a sentence's does
        (
            "Hectáreas restauradas en zonas de importancia hídrica (art. 111 Ley 99 de 1993)",
            "Hectáreas restauradas en zonas de importancia hídrica (art. 111 Ley 99 de 1993)",
            None,
        ),
        (
            "Sedes dotadas de la Inst. Educ. Rural Santa Ana. Incluye mobiliario",
            "Sedes dotadas de la Inst. Educ. Rural Santa Ana",
            "Incluye mobiliario",
        ),
        (
            "Viviendas mejoradas en el área rural. Incluye baños",
            "Viviendas mejoradas en el área rural",
            "Incluye baños",
        ),
    ],
)
def test_name_apart_from_description(etiqueta, nombre, descripcion):
    assert separar_nombre(etiqueta) == (nombre, descripcion)


def test_lemma_table_is_the_rules_part_of_spacy_lookups_data():
    from esquemas import cargar_yaml
    from extractor.castellano.lemas import cargar_tabla, tabla_reducida

    expected = tabla_reducida(cargar_yaml("encabezados.yaml"))
    assert cargar_tabla() == expected, "regenerate with: python -m extractor.castellano.lemas"
    assert expected["proyectados"] == "proyectar" and expected["realizados"] == "realizar"
