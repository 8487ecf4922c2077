"""Rows named by their programme ("Programa 1. Educación para la equidad")
in a table of money: the noun "programa" is no measure (its lemma reads as
"programar", a target's word), so the table is read as the money of each
programme, not as key/value fields."""

from __future__ import annotations

from extractor import interpretar, leer_documento
from tests.conftest import docx_con_tabla


def test_inversion_por_programa(tmp_path):
    ruta = tmp_path / "tocancipa_inversion_2013.docx"
    filas = [
        ("Programa", "Presupuesto definitivo", "Comprometido", "%"),
        ("Programa 1. Educación para la equidad", "$ 1.286.400.000", "$ 1.214.950.000", "94,4 %"),
        ("Programa 2. Cultura viva", "$ 318.700.000", "$ 296.300.000", "93,0 %"),
        ("Programa 3. Tocancipá activa y saludable", "$ 452.000.000", "$ 371.850.000", "82,3 %"),
    ]
    docx_con_tabla(
        ruta,
        ["Alcaldía de Tocancipá – ¿Cuánto invertimos en 2013?", "Tabla 2. Inversión 2013 por programa (pesos)"],
        filas,
    )
    obs = interpretar(leer_documento(ruta)).observaciones
    comprometido = {o.indicador: o.valor for o in obs if o.medida == "compromisos"}
    assert comprometido == {
        "Programa 1. Educación para la equidad": 1_214_950_000,
        "Programa 2. Cultura viva": 296_300_000,
        "Programa 3. Tocancipá activa y saludable": 371_850_000,
    }
    programado = {o.indicador: o.valor for o in obs if o.medida == "apropiacion_definitiva"}
    assert programado["Programa 2. Cultura viva"] == 318_700_000
    assert not [o for o in obs if o.medida == "meta"]


def test_programa_delante_del_nombre_del_producto(tmp_path):
    """ "Programa 1905 Salud pública: Niños y niñas vacunados …" in the
    product's cell: the product is the indicator, its programme the parent;
    a colon after anything else still parts a name from its description."""
    from extractor.castellano.nombres import sin_nivel_delante

    assert sin_nivel_delante("Subprograma 2.1 Vías: Kilómetros de placa huella") == (
        "Subprograma 2.1 Vías",
        "Kilómetros de placa huella",
    )
    assert sin_nivel_delante("BOLETINES DE PRENSA: Realizar diariamente") == (
        None,
        "BOLETINES DE PRENSA: Realizar diariamente",
    )
    ruta = tmp_path / "apartado_seguimiento_2025.docx"
    filas = [
        ("Programa: indicador de producto", "Meta 2025", "Avance 2025"),
        ("Programa 1905 Salud pública: Niños y niñas vacunados con esquema completo", "1.200", "1.034"),
        ("Programa 2201 Calidad educativa: Sedes educativas rurales mejoradas", "6", "2"),
    ]
    docx_con_tabla(ruta, ["Alcaldía de Apartadó – Seguimiento al plan de desarrollo, vigencia 2025"], filas)
    obs = interpretar(leer_documento(ruta)).observaciones
    metas = {(o.indicador, o.indicador_padre): o.valor for o in obs if o.medida == "meta"}
    assert metas == {
        ("Niños y niñas vacunados con esquema completo", "Programa 1905 Salud pública"): 1200,
        ("Sedes educativas rurales mejoradas", "Programa 2201 Calidad educativa"): 6,
    }


def test_ejecucion_de_gastos_con_rubros_cortos_y_porcentaje_de_ejecucion(tmp_path):
    """A budget execution: short codes ("2", "21", "A.1") beside the
    descriptions that name the rows, and a "% EJEC" beside nothing but money
    (compromisos over apropiación: a ratio of amounts that are read, no figure
    of its own, esquemas/convenciones.md)."""
    ruta = tmp_path / "guarne_ejecucion_gastos_2012.docx"
    filas = [
        ("RUBRO", "DESCRIPCION", "APROPIACION DEFINITIVA", "COMPROMISOS", "% EJEC"),
        ("2", "GASTOS", "42.225.399.993", "39.738.478.352", "94.11"),
        ("21", "GASTOS DE FUNCIONAMIENTO", "5.018.100.000", "4.898.711.823", "97.62"),
        ("A.1", "Educación", "12.400.000.000", "11.641.000.000", "93.88"),
        ("A.2", "Salud", "9.800.000.000", "9.615.000.000", "98.12"),
    ]
    docx_con_tabla(
        ruta, ["Municipio de Guarne – Ejecución presupuestal de gastos acumulada a diciembre de 2012"], filas
    )
    obs = interpretar(leer_documento(ruta)).observaciones
    compromisos = {o.indicador: o.valor for o in obs if o.medida == "compromisos"}
    assert compromisos["Salud"] == 9_615_000_000 and compromisos["GASTOS DE FUNCIONAMIENTO"] == 4_898_711_823
    assert not [o for o in obs if o.medida == "avance_porcentual"]
