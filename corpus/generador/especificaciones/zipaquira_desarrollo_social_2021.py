"""(f) Zipaquirá, Secretaría de Desarrollo Social: informe de rendición de
cuentas vigencia 2021.

Ruled table "Indicador | Línea base | Meta cuatrienio 2020-2023 | Meta 2021 |
Avance vigencia 2021 | % Avance" with percentages written "97,6%", decimals
"1.234,5", null cells written "N/A", "-", "No aplica", "SL" or left blank,
indicator names followed by ": description" and one row without description,
a row whose unit is a percentage; money in the narrative.
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    Informe,
    Obs,
    Parrafo,
    Tabla,
    porcentaje,
)

ANIO = ("2021-01-01", "2021-12-31")

COLUMNAS = [
    Columna(6.4, alineacion="izquierda"),
    Columna(1.7, "linea_base", None, None),
    Columna(2.3, "meta_cuatrienio", "2020-01-01", "2023-12-31"),
    Columna(1.7, "meta", *ANIO),
    Columna(2.1, "ejecutado", *ANIO),
    Columna(1.8, "avance_porcentual", *ANIO, unidad="porcentaje", formato=porcentaje(1)),
]

ENCABEZADO = [
    [
        Enc("Indicador"),
        Enc("Línea base"),
        Enc("Meta cuatrienio 2020-2023"),
        Enc("Meta 2021"),
        Enc("Avance vigencia 2021"),
        Enc("% Avance"),
    ]
]


def ind(nombre, descripcion, linea_base, meta_cuatrienio, meta, avance, pct, unidad="numero") -> Fila:
    texto = f"{nombre}: {descripcion}" if descripcion else nombre
    return Fila([texto, linea_base, meta_cuatrienio, meta, avance, pct], indicador=nombre, unidad=unidad)


FILAS = [
    ind(
        "Adultos mayores atendidos con servicios integrales",
        "atención en centros vida y centros día del municipio",
        1150,
        1400,
        1300,
        1269,
        97.6,
    ),
    ind(
        "Niños y niñas atendidos en servicios integrales",
        "atención a la primera infancia en los centros de desarrollo infantil municipales",
        820,
        950,
        900,
        912,
        101.3,
    ),
    ind(
        "Personas con discapacidad atendidas con servicios integrales",
        "rehabilitación basada en comunidad y entrega de ayudas técnicas",
        340,
        450,
        400,
        388,
        97.0,
    ),
    ind("Familias beneficiadas con transferencias monetarias no condicionadas", None, "SL", 2000, 500, 612, 122.4),
    ind(
        "Horas de acompañamiento psicosocial brindadas",
        "orientación individual y familiar a población en riesgo",
        3100,
        5200,
        1300,
        1234.5,
        95.0,
    ),
    ind(
        "Hogares con acompañamiento familiar",
        "estrategia municipal de superación de la pobreza extrema",
        450,
        600,
        150,
        "-",
        "N/A",
    ),
    ind(
        "Centros de día para el adulto mayor adecuados",
        "mejoramiento de la infraestructura de los centros día",
        1,
        2,
        "No aplica",
        "No aplica",
        "No aplica",
    ),
    ind(
        "Madres y padres cabeza de hogar atendidos",
        "formación en emprendimiento y acompañamiento familiar",
        230,
        1000,
        250,
        248,
        99.2,
    ),
    ind(
        "Jóvenes atendidos",
        "actividades de la plataforma juvenil y del consejo municipal de juventud",
        None,
        2400,
        600,
        655,
        109.2,
    ),
    ind(
        "Porcentaje de población víctima caracterizada",
        "actualización del censo de víctimas residentes en el municipio",
        62.5,
        90,
        75,
        78.4,
        104.5,
        unidad="porcentaje",
    ),
    ind(
        "Emprendimientos de población vulnerable fortalecidos",
        "capital semilla y asistencia técnica",
        35,
        160,
        40,
        0,
        0.0,
    ),
    ind(
        "Personas mayores vinculadas al programa Colombia Mayor",
        "gestión de cupos ante el Ministerio del Trabajo",
        2850,
        3000,
        3000,
        2928,
        97.6,
    ),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="zipaquira_desarrollo_social_2021",
    meta={
        "entidad": "Alcaldía de Zipaquirá",
        "dependencia": "Secretaría de Desarrollo Social",
        "titulo": "INFORME DE RENDICIÓN DE CUENTAS VIGENCIA 2021",
        "vigencia": 2021,
        "periodo_inicio": "2021-01-01",
        "periodo_fin": "2021-12-31",
        "fecha_corte": "2021-12-31",
        "pilar": "Zipaquirá social, incluyente y equitativa",
        "programa": "Inclusión social y atención a poblaciones vulnerables",
    },
    encabezado_pagina=["Alcaldía de Zipaquirá", "Secretaría de Desarrollo Social"],
    autor="Secretaría de Desarrollo Social",
    fecha_documento="2022-02-14T10:05:00",
    bloques=[
        p("INFORME DE RENDICIÓN DE CUENTAS VIGENCIA 2021", estilo="titulo"),
        p("Secretaría de Desarrollo Social", estilo="subtitulo"),
        p("Periodo informado: 1 de enero a 31 de diciembre de 2021", estilo="subtitulo"),
        p([("PILAR: ", True), ("Zipaquirá social, incluyente y equitativa", False)]),
        p([("PROGRAMA: ", True), ("Inclusión social y atención a poblaciones vulnerables", False)]),
        p("1. PRESENTACIÓN", estilo="h1"),
        p(
            "En cumplimiento de la Ley 1757 de 2015, la Secretaría de Desarrollo "
            "Social rinde cuentas a la ciudadanía sobre los resultados obtenidos "
            "en la vigencia 2021 frente a las metas del Plan de Desarrollo "
            "Municipal 2020-2023. La tabla resume la línea base, la meta del "
            "cuatrienio, la meta programada para 2021 y el avance logrado."
        ),
        p("2. AVANCE DE LAS METAS", estilo="h1"),
        Tabla(columnas=COLUMNAS, encabezado=ENCABEZADO, filas=FILAS, tamano_letra=8.5, sombreado_encabezado="FCE4D6"),
        p("SL: sin línea base. N/A: no disponible al cierre de la vigencia."),
        p("3. PRINCIPALES LOGROS", estilo="h1"),
        p(
            "Se atendieron 1.269 adultos mayores en los centros vida y centros "
            "día, y 912 niños y niñas en los centros de desarrollo infantil, con "
            "lo cual se superó la meta anual de primera infancia.",
            estilo="vineta",
        ),
        p(
            "La caracterización de la población víctima llegó al 78,4 %, por "
            "encima del 75 % programado para la vigencia.",
            estilo="vineta",
        ),
        p("4. RECURSOS", estilo="h1"),
        p(
            "Para la vigencia 2021 la Secretaría contó con recursos de inversión "
            "programados por $ 4.870.000.000 y ejecutó $ 4.516.223.480, "
            "equivalentes al 92,7 % de lo programado.",
            obs=[
                Obs(
                    "recursos_programados", 4870000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados", 4516223480, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
            ],
        ),
        p("5. RETOS PARA 2022", estilo="h1"),
        p(
            "Reactivar la estrategia de acompañamiento familiar, cuyo reporte no "
            "estuvo disponible al cierre de la vigencia, y adecuar el segundo "
            "centro día programado en el cuatrienio."
        ),
    ],
)
