"""Rows to observations on tables built in memory (no file format involved)."""

from __future__ import annotations

from datetime import date

from extractor.tablas.filas import interpretar_tabla
from extractor.modelo import Celda, Tabla
from extractor.castellano.periodos import Contexto
from tests.conftest import tabla_de

CTX_2017 = Contexto(
    vigencia=2017, fecha_corte=date(2017, 9, 30), periodo_inicio=date(2017, 5, 1), periodo_fin=date(2017, 9, 30)
)
CTX_2018 = Contexto(
    vigencia=2018,
    fecha_corte=date(2018, 6, 30),
    periodo_inicio=date(2018, 4, 1),
    periodo_fin=date(2018, 6, 30),
    cuatrienio=(2016, 2019),
)
SEED_HEADER = [
    "INDICADOR",
    "PROYECTADOS AÑO 2017",
    "REALIZADOS PERIODO JUNIO A SEPTIEMBRE 30 DE 2017",
    "ALCANZADOS A SEPTIEMBRE DE 2017",
]
Y2017 = (date(2017, 1, 1), date(2017, 12, 31))
JUN_SEP = (date(2017, 6, 1), date(2017, 9, 30))
ENE_SEP = (date(2017, 1, 1), date(2017, 9, 30))


def _by(obs, indicador, medida):
    return [
        (o.valor, (o.periodo_inicio, o.periodo_fin), o.indicador_padre)
        for o in obs
        if o.indicador == indicador and o.medida == medida
    ]


def test_seed_rows_give_measure_period_and_name():
    tabla = tabla_de(
        [
            SEED_HEADER,
            ["BOLETINES DE PRENSA: Realizar diariamente los boletines por cada dependencia.", "649", "238", "585"],
            [
                "SEGUIDORES FACEBOOK: Presentar en el Facebook",
                "10.620",
                "Junio 13.114\nJulio 13.134\nAgosto 13.665\nSept 13.968",
                "13.968",
            ],
            ["PRODUCCIÓN DE CRÓNICAS: Producción de crónicas", "", "2", "19"],
        ]
    )
    obs, skipped = interpretar_tabla(tabla, CTX_2017)
    assert _by(obs, "BOLETINES DE PRENSA", "meta") == [(649, Y2017, None)]
    assert _by(obs, "BOLETINES DE PRENSA", "ejecutado") == [(238, JUN_SEP, None)]
    assert _by(obs, "BOLETINES DE PRENSA", "acumulado") == [(585, ENE_SEP, None)]
    assert _by(obs, "SEGUIDORES FACEBOOK", "meta") == [(10620, Y2017, None)]
    monthly = _by(obs, "SEGUIDORES FACEBOOK", "ejecutado")
    assert [v for v, _, _ in monthly] == [13114, 13134, 13665, 13968]
    assert monthly[0][1] == (date(2017, 6, 1), date(2017, 6, 30))
    assert monthly[3][1] == (date(2017, 9, 1), date(2017, 9, 30))
    # a blank cell is no observation, not zero
    assert _by(obs, "PRODUCCIÓN DE CRÓNICAS", "meta") == []
    assert skipped == []
    boletines = next(o for o in obs if o.indicador == "BOLETINES DE PRENSA")
    assert boletines.descripcion.startswith("Realizar diariamente")
    assert (boletines.tabla, boletines.fila, boletines.columna) == (1, 1, 1)


def test_subheader_row_governs_child_rows_until_next_indicator():
    tabla = tabla_de(
        [
            SEED_HEADER,
            [
                "PÁGINA WEB: Presentar información permanente",
                "",
                "Periodo de junio a septiembre",
                "Periodo de enero a septiembre",
            ],
            ["BOLETINES", "", "238", "585"],
            ["MEMES INFORMATIVOS", "", "814", "1.681"],
            ["BANNER: Publicados en la parte superior", "105", "15", "60"],
        ]
    )
    obs, skipped = interpretar_tabla(tabla, CTX_2017)
    assert _by(obs, "BOLETINES", "ejecutado") == [(238, JUN_SEP, "PÁGINA WEB")]
    assert _by(obs, "MEMES INFORMATIVOS", "acumulado") == [(1681, ENE_SEP, "PÁGINA WEB")]
    assert _by(obs, "BANNER", "ejecutado") == [(15, JUN_SEP, None)]
    assert [s.fila for s in skipped] == [1]
    assert "subencabezado" in skipped[0].motivo


def test_labelled_money_in_cells_and_ambiguous_percent():
    tabla = tabla_de(
        [
            [
                "Indicador De Producto",
                "Cantidad Programada 2017",
                "Cantidad Ejecutado 2017",
                "Ejecución financiera",
                "Recursos programados y ejecutados por inversión",
                "Evidencia",
            ],
            [
                "Un (1) Plan estratégico de comunicaciones diseñado e implementado en el cuatrienio. 1: El porcentaje",
                "0.25 %",
                "0.23 %",
                "Funcionamiento $1'340.799.993 Ejecutado Funcionamiento $983'286.659,67",
                "Programado $ 1.277.800.000 Ejecutado a 30 de Septiembre de 2017 $ 1'216.376.501",
                "Implementación del plan (con corte a septiembre 30 de 2017)",
            ],
        ]
    )
    obs, _ = interpretar_tabla(tabla, CTX_2017)
    name = "Un (1) Plan estratégico de comunicaciones diseñado e implementado en el cuatrienio"
    assert {o.indicador for o in obs} == {name}
    meta = next(o for o in obs if o.medida == "meta")
    assert (meta.valor, meta.unidad, meta.ambiguo) == (0.25, "porcentaje", True)
    money = sorted((o.medida, o.tipo_gasto, o.valor, o.periodo_fin) for o in obs if o.unidad == "pesos")
    assert money == [
        ("recursos_ejecutados", "funcionamiento", 983286659.67, date(2017, 9, 30)),
        ("recursos_ejecutados", "inversion", 1216376501, date(2017, 9, 30)),
        ("recursos_programados", "funcionamiento", 1340799993, date(2017, 12, 31)),
        ("recursos_programados", "inversion", 1277800000, date(2017, 12, 31)),
    ]


def test_product_table_with_program_heading_and_codes():
    header = [
        "Código",
        "Indicador de producto",
        "Línea base",
        "Meta cuatrienio 2016-2019",
        "Meta 2018",
        "Ejecutado abril a junio",
        "Acumulado a 30 de junio",
        "% Avance",
        "Recursos programados",
        "Recursos ejecutados",
    ]
    celdas = [Celda(texto=t, fila=0, columna=k, pagina=1) for k, t in enumerate(header)]
    celdas.append(Celda(texto="Programa: Salud pública", fila=1, columna=0, pagina=1, columnas_span=10))
    row = [
        "041020300",
        "Personas vacunadas",
        "SL",
        "12.000",
        "3.000",
        "800",
        "1.450",
        "48,3%",
        "$ 150.000.000",
        "$ 70.250.000",
    ]
    celdas += [Celda(texto=t, fila=2, columna=k, pagina=1) for k, t in enumerate(row)]
    obs, skipped = interpretar_tabla(Tabla(indice=2, celdas=celdas), CTX_2018)
    got = {o.medida: (o.valor, o.periodo_inicio, o.periodo_fin) for o in obs}
    assert "linea_base" not in got  # "SL": sin línea base
    assert got["meta_cuatrienio"] == (12000, date(2016, 1, 1), date(2019, 12, 31))
    assert got["meta"] == (3000, date(2018, 1, 1), date(2018, 12, 31))
    assert got["ejecutado"] == (800, date(2018, 4, 1), date(2018, 6, 30))
    assert got["acumulado"] == (1450, date(2018, 1, 1), date(2018, 6, 30))
    assert got["avance_porcentual"][0] == 48.3
    assert got["recursos_ejecutados"] == (70250000, date(2018, 1, 1), date(2018, 6, 30))
    assert {o.codigo for o in obs} == {"041020300"}
    assert {o.indicador_padre for o in obs} == {"Programa: Salud pública"}
    assert [s.fila for s in skipped] == [1]


def test_two_level_header_and_scale():
    celdas = [
        Celda("Indicador", 0, 0, 1, filas_span=2),
        Celda("Meta física", 0, 1, 1, columnas_span=2),
        Celda("Recursos (en millones de pesos)", 0, 3, 1, columnas_span=2),
        Celda("Programada 2020", 1, 1, 1),
        Celda("Ejecutada 2020", 1, 2, 1),
        Celda("Programados", 1, 3, 1),
        Celda("Ejecutados", 1, 4, 1),
        Celda("Vías rurales mejoradas (km)", 2, 0, 1),
        Celda("25", 2, 1, 1),
        Celda("18,5", 2, 2, 1),
        Celda("1.200", 2, 3, 1),
        Celda("950,5", 2, 4, 1),
    ]
    ctx = Contexto(vigencia=2020, fecha_corte=date(2020, 12, 31))
    obs, _ = interpretar_tabla(Tabla(indice=1, celdas=celdas), ctx)
    got = {o.medida: (o.valor, o.unidad, o.escala) for o in obs}
    assert got == {
        "meta": (25, "numero", None),
        "ejecutado": (18.5, "numero", None),
        "recursos_programados": (1_200_000_000, "pesos", "millones"),
        "recursos_ejecutados": (950_500_000, "pesos", "millones"),
    }


def test_table_without_value_columns_goes_to_unmapped():
    tabla = tabla_de([["Nombre", "Cargo"], ["Ana Pérez", "Jefe de oficina"], ["Luis Gómez", "Profesional"]])
    obs, skipped = interpretar_tabla(tabla, CTX_2017)
    assert obs == []
    assert len(skipped) == 3 and all("sin columnas" in s.motivo for s in skipped)


def test_concepto_cantidad_counts_each_row_in_the_reports_year():
    # a council's "Concepto | Cantidad": what each row names, done in the report's year
    ctx = Contexto(vigencia=2019, periodo_inicio=date(2019, 1, 1), periodo_fin=date(2019, 12, 31))
    tabla = tabla_de(
        [
            ["Concepto", "Cantidad"],
            ["Proyectos de acuerdo radicados", "24"],
            ["Proyectos de acuerdo negados", "1"],
        ]
    )
    obs, skipped = interpretar_tabla(tabla, ctx)
    assert [(o.indicador, o.medida, o.valor, o.periodo_fin) for o in obs] == [
        ("Proyectos de acuerdo radicados", "ejecutado", 24, date(2019, 12, 31)),
        ("Proyectos de acuerdo negados", "ejecutado", 1, date(2019, 12, 31)),
    ]
    # a column of quantity beside a measured one is not a count of its own
    tabla = tabla_de([["Concepto", "Cantidad", "Meta"], ["Proyectos de acuerdo radicados", "24", "30"]])
    obs, _ = interpretar_tabla(tabla, ctx)
    assert [(o.medida, o.valor) for o in obs] == [("meta", 30)]


def test_a_year_column_sets_each_rows_period():
    tabla = tabla_de(
        [
            ["Año", "Concepto de gasto", "Presupuestado", "Ejecutado", "% ejec."],
            ["2016", "Funcionamiento", "27.611.331.302,00", "26.390.297.625,00", "96%"],
            ["2017", "Inversión", "464.408.349.524,00", "410.645.234.461,00", "88%"],
        ]
    )
    obs, _ = interpretar_tabla(tabla, Contexto(vigencia=2019, fecha_corte=date(2019, 12, 31)))
    got = {(o.indicador, o.medida): (o.valor, o.periodo_inicio, o.periodo_fin, o.tipo_gasto) for o in obs}
    assert got[("Funcionamiento", "recursos_programados")] == (
        27611331302.0,
        date(2016, 1, 1),
        date(2016, 12, 31),
        "funcionamiento",
    )
    assert got[("Inversión", "recursos_ejecutados")] == (
        410645234461.0,
        date(2017, 1, 1),
        date(2017, 12, 31),
        "inversion",
    )
    # the "% ejec." beside nothing but money is their ratio, no figure (esquemas/convenciones.md)
    assert ("Inversión", "avance_porcentual") not in got
