"""(i) Chiquinquirá, Secretaría de Desarrollo Agropecuario y Medio Ambiente:
informe de gestión y resultados 2019 (último año del plan 2016-2019).

Two ruled tables with wordings the rest of the corpus does not use:

- "Indicador de resultado | LB | Meta PDM | Programado 2019 | Logro 2019 |
  % Cumplimiento | Responsable | Observaciones": percentages written with a
  space before the sign ("93 %"), a row whose unit is a percentage
  ("12 %", "25,5 %"), "ND" as baseline, empty cells, and "Responsable" and
  "Observaciones" columns with prose full of numbers (the prose gives no
  observations; only value columns count). "Meta PDM" is the plan's
  four-year target: the cuatrienio 2016-2019 is written in the text.
- "Indicador de producto | Unidad | Valor esperado 2019 | Valor obtenido 2019
  | % Cumplimiento | Responsable": the % column is written as a fraction
  ("0,93", "1,13"), confirmed row by row by obtained / expected; gold is in
  percent points (93, 113, unidad porcentaje), like the "93 %" of the
  first table (escala 100). "S/I" and an empty cell.

Font Times New Roman (LibreOffice substitutes it on this machine).
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    Informe,
    Obs,
    Parrafo,
    SaltoPagina,
    Tabla,
    cantidad,
    porcentaje,
)

ANIO = ("2019-01-01", "2019-12-31")
CUATRIENIO = ("2016-01-01", "2019-12-31")

# ---------------------------------------------------------------- results

COLUMNAS_R = [
    Columna(3.0, alineacion="izquierda"),
    Columna(1.1, "linea_base", None, None),
    Columna(1.3, "meta_cuatrienio", *CUATRIENIO),
    Columna(2.2, "meta", *ANIO),
    Columna(1.3, "ejecutado", *ANIO),
    Columna(2.45, "avance_porcentual", *ANIO, unidad="porcentaje", formato=porcentaje(0, " ")),
    Columna(2.25, alineacion="izquierda"),
    Columna(4.35, alineacion="izquierda"),
]

ENCABEZADO_R = [
    [
        Enc("Indicador de resultado"),
        Enc("LB"),
        Enc("Meta PDM"),
        Enc("Programado 2019"),
        Enc("Logro 2019"),
        Enc("% Cumplimiento"),
        Enc("Responsable"),
        Enc("Observaciones"),
    ]
]

# Rows whose unit is a percentage write "12 %" with a space, like the
# % column.
PCT_ESPACIO = cantidad(signo_pct=" %")
for _k in (1, 2, 3, 4):
    COLUMNAS_R[_k].formato = PCT_ESPACIO


def resultado(
    nombre, lb, meta_pdm, programado, logro, cumplimiento, responsable, observaciones, unidad="numero"
) -> Fila:
    return Fila(
        [nombre, lb, meta_pdm, programado, logro, cumplimiento, responsable, observaciones],
        indicador=nombre,
        unidad=unidad,
    )


FILAS_R = [
    resultado(
        "Productores agropecuarios con asistencia técnica directa rural",
        850,
        1600,
        400,
        372,
        93,
        "Dirección de Desarrollo Rural",
        "Se atendieron 372 productores de 18 veredas; 28 visitas "
        "quedaron reprogramadas para enero de 2020 por la ola "
        "invernal de noviembre.",
    ),
    resultado(
        "Predios rurales con buenas prácticas agrícolas",
        12,
        30,
        30,
        25.5,
        85,
        "Dirección de Desarrollo Rural – UMATA",
        "Certificación ICA de 14 predios adicionales; el indicador se "
        "calcula sobre los 1.240 predios del censo agropecuario "
        "municipal de 2016.",
        unidad="porcentaje",
    ),
    resultado(
        "Hectáreas reforestadas en áreas de recarga hídrica",
        "ND",
        120,
        40,
        46,
        115,
        "Oficina de Medio Ambiente",
        "Siembra de 51.000 árboles nativos con apoyo de la CAR y de 3 "
        "instituciones educativas rurales, en 7 predios adquiridos por "
        "el municipio.",
    ),
    resultado(
        "Familias rurales vinculadas a alianzas productivas",
        60,
        240,
        60,
        48,
        80,
        "Dirección de Desarrollo Rural",
        "Alianzas de leche y de papa con 2 organizaciones de "
        "productores; la tercera alianza (12 familias) inicia en "
        "febrero de 2020.",
    ),
    resultado(
        "Tasa de desempleo rural",
        9.8,
        8,
        8,
        None,
        None,
        "Secretaría de Desarrollo Agropecuario",
        "El DANE no publica el dato municipal; la última medición "
        "disponible, de 2018, fue del 9,1 % según la encuesta "
        "departamental.",
        unidad="porcentaje",
    ),
    resultado(
        "Toneladas de residuos sólidos aprovechadas",
        320,
        1500,
        450,
        503.6,
        112,
        "Oficina de Medio Ambiente",
        "Incluye 96,4 toneladas de material orgánico del plan de manejo "
        "de la plaza de mercado y 2 rutas selectivas semanales.",
    ),
]

# ---------------------------------------------------------------- products

COLUMNAS_P = [
    Columna(5.4, alineacion="izquierda"),
    Columna(1.8, alineacion="centro"),
    Columna(2.1, "meta", *ANIO),
    Columna(2.1, "ejecutado", *ANIO),
    Columna(
        2.95, "avance_porcentual", *ANIO, unidad="porcentaje", formato=cantidad(decimales=2, signo_pct=""), escala=100
    ),
    Columna(3.6, alineacion="izquierda"),
]

ENCABEZADO_P = [
    [
        Enc("Indicador de producto"),
        Enc("Unidad"),
        Enc("Valor esperado 2019"),
        Enc("Valor obtenido 2019"),
        Enc("% Cumplimiento"),
        Enc("Responsable"),
    ]
]


def producto(nombre, unidad, esperado, obtenido, cumplimiento, responsable) -> Fila:
    return Fila([nombre, unidad, esperado, obtenido, cumplimiento, responsable], indicador=nombre)


FILAS_P = [
    producto("Visitas de asistencia técnica realizadas", "Número", 1200, 1116, 0.93, "UMATA"),
    producto("Jornadas de vacunación bovina contra aftosa y brucelosis apoyadas", "Número", 2, 2, 1.00, "UMATA"),
    producto("Kits de insumos agrícolas entregados", "Número", 350, 298, 0.85, "Dirección de Desarrollo Rural"),
    producto("Viveros municipales en operación", "Número", 1, 1, 1.00, "Oficina de Medio Ambiente"),
    producto("Árboles nativos sembrados", "Número", 45000, 51000, 1.13, "Oficina de Medio Ambiente"),
    producto("Capacitaciones en manejo de residuos sólidos", "Número", 24, 18, 0.75, "Oficina de Medio Ambiente"),
    producto(
        "Campañas de protección y bienestar animal realizadas", "Número", 4, "S/I", None, "Oficina de Medio Ambiente"
    ),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


PROGRAMA = "Chiquinquirá rural, productiva y sostenible"

INFORME = Informe(
    id="chiquinquira_agropecuario_2019",
    meta={
        "entidad": "Alcaldía de Chiquinquirá",
        "dependencia": "Secretaría de Desarrollo Agropecuario y Medio Ambiente",
        "titulo": "INFORME DE GESTIÓN Y RESULTADOS 2019",
        "vigencia": 2019,
        "periodo_inicio": "2019-01-01",
        "periodo_fin": "2019-12-31",
        "fecha_corte": "2019-12-31",
        "programa": PROGRAMA,
    },
    encabezado_pagina=["Alcaldía de Chiquinquirá", "Secretaría de Desarrollo Agropecuario y Medio Ambiente"],
    pie_pagina="{PAGINA}",
    fuente="Times New Roman",
    tamano_letra=11,
    margen_cm=1.8,
    autor="Secretaría de Desarrollo Agropecuario",
    fecha_documento="2020-01-30T17:25:00",
    bloques=[
        p("ALCALDÍA DE CHIQUINQUIRÁ", estilo="titulo"),
        p("SECRETARÍA DE DESARROLLO AGROPECUARIO Y MEDIO AMBIENTE", estilo="titulo"),
        p("INFORME DE GESTIÓN Y RESULTADOS 2019", estilo="titulo"),
        p("Periodo: 1 de enero a 31 de diciembre de 2019", estilo="subtitulo"),
        p("Plan de Desarrollo Municipal 2016-2019 «Chiquinquirá, compromiso de todos»", centrado=True),
        p([("PROGRAMA: ", True), (PROGRAMA, False)]),
        p("1. PRESENTACIÓN", estilo="h2"),
        p(
            "La Secretaría de Desarrollo Agropecuario y Medio Ambiente presenta "
            "los resultados de la vigencia 2019, último año del Plan de "
            "Desarrollo Municipal 2016-2019. Para cada indicador de resultado "
            "se reporta la línea base (LB), la meta del plan para el cuatrienio "
            "(Meta PDM), lo programado y lo logrado en 2019, el porcentaje de "
            "cumplimiento, el responsable y las observaciones del equipo "
            "técnico."
        ),
        p("2. INDICADORES DE RESULTADO", estilo="h2"),
        Tabla(
            columnas=COLUMNAS_R, encabezado=ENCABEZADO_R, filas=FILAS_R, tamano_letra=7, sombreado_encabezado="DDDDDD"
        ),
        p(
            "LB: línea base. ND: no disponible. Meta PDM: meta del Plan de "
            "Desarrollo Municipal para el cuatrienio 2016-2019."
        ),
        SaltoPagina(),
        p("3. INDICADORES DE PRODUCTO", estilo="h2"),
        p(
            "El porcentaje de cumplimiento de los indicadores de producto se "
            "expresa como la razón entre el valor obtenido y el valor esperado "
            "para la vigencia, tal como lo calcula la matriz de seguimiento."
        ),
        Tabla(columnas=COLUMNAS_P, encabezado=ENCABEZADO_P, filas=FILAS_P, tamano_letra=8.5, sombreado_encabezado=None),
        p("S/I: sin información reportada por el operador de la campaña."),
        p("4. RECURSOS", estilo="h2"),
        p(
            "Para la vigencia 2019 la Secretaría programó recursos de inversión "
            "por $ 2.345.800.000 y ejecutó $ 2.108.455.320 con corte a 31 de "
            "diciembre de 2019.",
            obs=[
                Obs(
                    "recursos_programados", 2345800000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados", 2108455320, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
            ],
        ),
        p("5. CONCLUSIONES", estilo="h2"),
        p(
            "Se superaron las metas de reforestación y de aprovechamiento de "
            "residuos sólidos. La tasa de desempleo rural no pudo medirse por "
            "falta de una fuente oficial con desagregación municipal; se "
            "recomienda al siguiente gobierno ajustar el indicador en el nuevo "
            "plan de desarrollo.",
            estilo="vineta",
        ),
    ],
)
