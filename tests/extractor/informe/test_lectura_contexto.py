"""Table reading that needs more than the header: the title above a table
(money plans) and values merged down over several rows (a result indicator's
target over its products)."""

from __future__ import annotations

from datetime import date

from extractor.tablas.filas import interpretar_tabla
from extractor.modelo import BloqueTexto, Celda, Documento, Tabla
from extractor.castellano.periodos import Contexto
from extractor.tablas.titulos import sin_rotulo, titulos_de_tablas
from tests.conftest import tabla_de

CTX = Contexto(cuatrienio=(2024, 2027))
PLAN = [
    ["Programa", "Total 2024", "Total 2025", "Total cuatrienio"],
    ["Agua potable para todos", "1.250.000.000", "1.300.000.000", "2.550.000.000"],
    ["Vías rurales", "800.000.000", "0", "800.000.000"],
]


def test_el_titulo_de_un_plan_de_inversiones_vuelve_dinero_las_columnas():
    obs, _ = interpretar_tabla(tabla_de(PLAN), CTX, True, ["Tabla 7. Plan plurianual de inversiones 2024-2027"])
    assert {o.medida for o in obs} == {"recursos_programados"}
    assert {o.unidad for o in obs} == {"pesos"}
    assert sorted(o.valor for o in obs if o.indicador == "Agua potable para todos") == [
        1_250_000_000,
        1_300_000_000,
        2_550_000_000,
    ]


def test_sin_titulo_de_dinero_las_mismas_columnas_no_son_dinero():
    obs, _ = interpretar_tabla(tabla_de(PLAN), CTX, True, ["Tabla 7. Avance de las metas de producto"])
    assert not {o.medida for o in obs} & {"recursos_programados", "recursos_ejecutados"}


def test_ejecutado_en_una_tabla_de_dinero_es_recurso_ejecutado():
    tabla = tabla_de([["Rubro", "Programado", "Ejecutado"], ["Salud pública", "500.000", "420.000"]])
    obs, _ = interpretar_tabla(tabla, Contexto(vigencia=2024), False, ["Ejecución presupuestal de gastos 2024"])
    assert {(o.medida, o.valor) for o in obs} == {("recursos_programados", 500_000), ("recursos_ejecutados", 420_000)}


def test_valor_combinado_sobre_varias_filas_es_del_indicador_de_su_nivel_una_vez():
    def c(texto, fila, columna, alto=1):
        return Celda(texto=texto, fila=fila, columna=columna, pagina=1, filas_span=alto)

    tabla = Tabla(
        indice=1,
        celdas=[
            c("Indicador de resultado", 0, 0),
            c("Meta de resultado cuatrienio", 0, 1),
            c("Indicador de producto", 0, 2),
            c("Meta cuatrienio", 0, 3),
            c("Tasa de cobertura en educación media", 1, 0, 3),
            c("65 %", 1, 1, 3),
            c("Sedes educativas mejoradas", 1, 2),
            c("12", 1, 3),
            c("Docentes formados", 2, 2),
            c("300", 2, 3),
            c("Estudiantes con transporte escolar", 3, 2),
            c("1.500", 3, 3),
        ],
    )
    obs, _ = interpretar_tabla(tabla, CTX, True)
    resultado = [o for o in obs if o.valor == 65]
    assert len(resultado) == 1 and resultado[0].indicador == "Tasa de cobertura en educación media"
    productos = {o.indicador: o.valor for o in obs if o.valor != 65}
    assert productos == {
        "Sedes educativas mejoradas": 12,
        "Docentes formados": 300,
        "Estudiantes con transporte escolar": 1500,
    }


def test_titulos_son_los_bloques_cortos_justo_encima_sin_la_prosa():
    prosa = BloqueTexto(" ".join(["palabra"] * 30) + " presupuesto.", pagina=2)
    doc = Documento(
        "x.pdf",
        "0",
        "pdf",
        3,
        bloques=[
            prosa,
            BloqueTexto("3. Inversiones", pagina=2),
            BloqueTexto("Tabla 4. Costos del plan", pagina=2),
            tabla_de(PLAN, pagina=2, indice=1),
            BloqueTexto("Otra cosa", pagina=1),
            tabla_de(PLAN, pagina=3, indice=2),
        ],
    )
    assert titulos_de_tablas(doc) == {1: ["3. Inversiones", "Tabla 4. Costos del plan"], 2: []}
    assert sin_rotulo("Tabla 4. Costos del plan") == "Costos del plan"
    assert sin_rotulo("Cuadro N° 12 - Ciudadanos capacitados") == "Ciudadanos capacitados"


MESES = [
    ["Mes", "Meta", "Ejecutado", "% cumplimiento", "Acumulado"],
    ["Enero", "10", "8", "80,0 %", "8"],
    ["Febrero", "12", "12", "100,0 %", "20"],
    ["Marzo", "12", "15", "125,0 %", "35"],
    ["Total", "34", "35", "102,9 %", "35"],
]
CTX_2024 = Contexto(
    vigencia=2024, fecha_corte=date(2024, 3, 31), periodo_inicio=date(2024, 1, 1), periodo_fin=date(2024, 3, 31)
)


def test_filas_que_son_meses_dan_las_cifras_del_indicador_del_titulo():
    titulo = ["Tabla 2. Resultado del indicador de organismos comunales asistidos"]
    obs, _ = interpretar_tabla(tabla_de(MESES), CTX_2024, False, titulo)
    assert {o.indicador for o in obs} == {"Organismos comunales asistidos"}
    por = {(o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in obs}
    assert por[("meta", date(2024, 2, 1), date(2024, 2, 29))] == 12
    assert por[("ejecutado", date(2024, 3, 1), date(2024, 3, 31))] == 15
    assert por[("avance_porcentual", date(2024, 1, 1), date(2024, 1, 31))] == 80
    assert por[("acumulado", date(2024, 1, 1), date(2024, 2, 29))] == 20  # from January
    assert por[("meta", date(2024, 1, 1), date(2024, 3, 31))] == 34  # the total row covers the months


def test_el_titulo_que_dice_indicador_gana_al_mas_cercano():
    trimestres = [
        ["Periodo", "Meta", "Resultado"],
        ["Trimestre I", "95 %", "91,2 %"],
        ["Trimestre II", "95 %", "94,8 %"],
    ]
    titulos = ["Indicador: PQRSD respondidas a tiempo", "Fórmula: respondidas / recibidas"]
    obs, _ = interpretar_tabla(tabla_de(trimestres), CTX_2024, False, titulos)
    assert {o.indicador for o in obs} == {"PQRSD respondidas a tiempo"}
    assert {(o.periodo_inicio, o.periodo_fin) for o in obs} == {
        (date(2024, 1, 1), date(2024, 3, 31)),
        (date(2024, 4, 1), date(2024, 6, 30)),
    }


def test_sin_titulo_los_meses_siguen_como_filas():
    obs, _ = interpretar_tabla(tabla_de(MESES), CTX_2024, False, [])
    assert "Febrero" in {o.indicador for o in obs}


def test_meta_escrita_como_frase_en_un_plan():
    tabla = tabla_de(
        [
            ["META", "INDICADOR", "LINEA BASE"],
            ["Construcción de 35 aulas en las instituciones educativas rurales", "Aulas construidas", "1"],
            ["Mantener en cero (0) la tasa de mortalidad materna del municipio", "Tasa de mortalidad materna", "0"],
            ["Construir un (1) centro de atención integral para 100 niños", "Centro construido", "100 niños"],
            ["Atención integral a la primera infancia de 0 a 5 años", "Estrategia implementada", "1"],
            # the base of a rate is no second figure
            ["Reducir en un 60% la sífilis congénita por 1.000 NV", "% de reducción de sífilis congénita", "5,5"],
            # the baseline followed by its description, number words repeated in digits
            [
                "Implementar el programa de alimentación escolar",
                "Estudiantes beneficiados",
                "7.985 Estudiantes de cero (0) a once (11).",
            ],
        ]
    )
    obs, _ = interpretar_tabla(tabla, CTX, True)
    assert {o.indicador: o.valor for o in obs if o.medida == "linea_base"}["Estudiantes beneficiados"] == 7985
    metas = {o.indicador: o.valor for o in obs if o.medida == "meta_cuatrienio"}
    assert metas == {
        "Aulas construidas": 35,
        "Tasa de mortalidad materna": 0,
        "Centro construido": 1,
        "% de reducción de sífilis congénita": 60,
    }
    assert all(
        o.periodo_inicio == date(2024, 1, 1) and o.periodo_fin == date(2027, 12, 31)
        for o in obs
        if o.medida == "meta_cuatrienio"
    )
    assert {o.indicador: o.valor for o in obs if o.medida == "linea_base"}["Centro construido"] == 100


def test_un_nivel_del_plan_repetido_es_padre_de_la_columna_mas_fina():
    tabla = tabla_de(
        [
            ["Programa", "Meta de producto", "Unidad", "Meta 2024"],
            ["Vías para la gente", "Vías secundarias mejoradas", "km", "8"],
            ["Vías para la gente", "Puentes vehiculares construidos", "Número", "2"],
            ["Caminos rurales", "Vías terciarias intervenidas", "km", "6"],
        ]
    )
    obs, _ = interpretar_tabla(tabla, CTX, True)
    assert {(o.indicador, o.indicador_padre) for o in obs} == {
        ("Vías secundarias mejoradas", "Vías para la gente"),
        ("Puentes vehiculares construidos", "Vías para la gente"),
        ("Vías terciarias intervenidas", "Caminos rurales"),
    }


def test_trimestres_en_numeros_romanos_bajo_trimestre_y_escala_del_titulo():
    tabla = tabla_de(
        [
            ["Trimestre", "Programado", "Logrado"],
            ["I", "1.500", "1.642"],
            ["II", "1.800", "1.910"],
            ["III", "1.800", "1.755"],
        ]
    )  # falls: each quarter's own result, not a running total
    obs, _ = interpretar_tabla(tabla, CTX_2024, False, ["Cuadro 4. Resultado del indicador de personas atendidas"])
    assert {(o.indicador, o.medida, o.periodo_fin, o.valor) for o in obs} >= {
        ("Personas atendidas", "meta", date(2024, 3, 31), 1500),
        ("Personas atendidas", "ejecutado", date(2024, 6, 30), 1910),
    }
    plan = tabla_de([["Programa", "2024", "2025"], ["Salud pública", "6.389.715", "6.503.123"]])
    obs, _ = interpretar_tabla(
        plan, CTX, True, ["Tabla 27. Plan plurianual de inversiones 2024 – 2027 (en miles de pesos)"]
    )
    assert sorted(o.valor for o in obs) == [6_389_715_000, 6_503_123_000]


def test_grupos_de_columnas_en_una_tabla_de_meses_son_sus_indicadores():
    def c(texto, fila, columna, ancho=1):
        return Celda(texto=texto, fila=fila, columna=columna, pagina=1, columnas_span=ancho)

    tabla = Tabla(
        indice=1,
        celdas=[
            c("Mes", 0, 0),
            c("BCG en recién nacidos", 0, 1, 2),
            c("Pentavalente en menores de 1 año", 0, 3, 2),
            c("Mes", 1, 0),
            c("Dosis acumuladas", 1, 1),
            c("% cobertura", 1, 2),
            c("Dosis acumuladas", 1, 3),
            c("% cobertura", 1, 4),
            c("Enero", 2, 0),
            c("683", 2, 1),
            c("6,9 %", 2, 2),
            c("726", 2, 3),
            c("7,2 %", 2, 4),
            c("Febrero", 3, 0),
            c("1.391", 3, 1),
            c("14,1 %", 3, 2),
            c("1.522", 3, 3),
            c("15,0 %", 3, 4),
        ],
    )
    obs, _ = interpretar_tabla(tabla, CTX_2024, False, ["Coberturas de vacunación con corte a febrero"])
    por = {(o.indicador, o.medida, o.periodo_fin): o.valor for o in obs}
    assert por[("BCG en recién nacidos", "acumulado", date(2024, 2, 29))] == 1391
    assert por[("Pentavalente en menores de 1 año", "avance_porcentual", date(2024, 1, 31))] == 7.2


def test_la_columna_de_periodos_y_la_ficha_del_indicador():
    tabla = tabla_de(
        [
            ["Periodo", "Meta", "Resultado", "Análisis"],
            ["Trimestre 1", "480", "462", "Aceptable"],
            ["Trimestre 2", "480", "471", "Aceptable"],
        ]
    )
    titulos = [
        "CDI",
        "Niños atendidos en centros de desarrollo infantil",
        "Unidad de medida: Número · Periodicidad: trimestral",
    ]
    obs, _ = interpretar_tabla(tabla, CTX_2024, False, titulos)
    assert {o.indicador for o in obs} == {"Niños atendidos en centros de desarrollo infantil"}
    assert {(o.medida, o.periodo_fin, o.valor) for o in obs} >= {("ejecutado", date(2024, 6, 30), 471)}
