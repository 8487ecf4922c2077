"""(c) Sogamoso, Secretaría de Educación: informe de gestión vigencia 2019.

A BORDERLESS table (no style, every tblBorders edge set to nil, no shading)
with semester columns; a "Unidad" column that says which rows are
percentages (their cells carry no % sign); money only in the narrative.

Inconsistency kept on purpose: "Instituciones educativas dotadas..." reports
12 accumulated where the semesters add up to 4 + 7 = 11.
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    Informe,
    Obs,
    Parrafo,
    Tabla,
    cantidad,
)

ANIO = ("2019-01-01", "2019-12-31")
SIN_PCT = cantidad(signo_pct="")

COLUMNAS = [
    Columna(5.6, alineacion="izquierda"),
    Columna(2.2, alineacion="izquierda"),
    Columna(1.8, "meta", *ANIO, formato=SIN_PCT),
    Columna(2.2, "ejecutado", "2019-01-01", "2019-06-30", formato=SIN_PCT),
    Columna(2.2, "ejecutado", "2019-07-01", "2019-12-31", formato=SIN_PCT),
    Columna(2.5, "acumulado", *ANIO, formato=SIN_PCT),
]

ENCABEZADO = [
    [
        Enc("Indicador"),
        Enc("Unidad"),
        Enc("Meta 2019"),
        Enc("Ejecutado I semestre"),
        Enc("Ejecutado II semestre"),
        Enc("Acumulado vigencia 2019"),
    ]
]


def ind(nombre, unidad, meta, sem1, sem2, acumulado) -> Fila:
    return Fila(
        [nombre, unidad, meta, sem1, sem2, acumulado],
        indicador=nombre,
        unidad="porcentaje" if unidad == "Porcentaje" else "numero",
    )


FILAS = [
    ind("Estudiantes beneficiados con el Programa de Alimentación Escolar (PAE)", "Número", 14500, 14120, 14380, 14380),
    ind("Estudiantes beneficiados con transporte escolar", "Número", 1850, 1790, 1812, 1812),
    ind("Tasa de cobertura neta en educación media", "Porcentaje", 52.5, 49.8, 50.6, 50.6),
    ind("Sedes educativas con mejoramiento de infraestructura", "Número", 8, 3, 6, 9),
    ind("Docentes formados en competencias pedagógicas y evaluación", "Número", 320, 145, 190, 335),
    ind("Instituciones educativas dotadas con material didáctico", "Número", 12, 4, 7, 12),
    ind("Estudiantes beneficiados con estrategias de promoción del bilingüismo", "Número", 2400, 1150, 1320, 2470),
    ind("Tasa de deserción escolar intraanual", "Porcentaje", 2.5, 1.4, 1.1, 2.5),
    ind("Sedes educativas con conectividad a internet", "Número", 40, 32, 38, 38),
    ind("Jóvenes beneficiados con becas para educación superior", "Número", 60, 60, "-", 60),
    ind("Computadores entregados a sedes educativas", "Número", 500, 0, 520, 520),
    ind("Estudiantes con discapacidad atendidos con educación inclusiva", "Número", 210, 198, 205, 205),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="sogamoso_educacion_2019",
    meta={
        "entidad": "Alcaldía de Sogamoso",
        "dependencia": "Secretaría de Educación",
        "titulo": "INFORME DE GESTIÓN VIGENCIA 2019",
        "vigencia": 2019,
        "periodo_inicio": "2019-01-01",
        "periodo_fin": "2019-12-31",
        "fecha_corte": "2019-12-31",
        "linea_estrategica": "Sogamoso, territorio educado y competitivo",
        "programa": "Educación de calidad para todos",
    },
    encabezado_pagina=["Alcaldía de Sogamoso", "Secretaría de Educación"],
    autor="Secretaría de Educación Sogamoso",
    fecha_documento="2020-01-24T11:00:00",
    tamano_letra=10.5,
    bloques=[
        p("INFORME DE GESTIÓN VIGENCIA 2019", estilo="titulo"),
        p("SECRETARÍA DE EDUCACIÓN", estilo="titulo"),
        p("Periodo: enero a diciembre de 2019 – Corte: 31 de diciembre de 2019", estilo="subtitulo"),
        p([("LÍNEA ESTRATÉGICA: ", True), ("Sogamoso, territorio educado y competitivo", False)]),
        p([("PROGRAMA: ", True), ("Educación de calidad para todos", False)]),
        p("INTRODUCCIÓN", estilo="h1"),
        p(
            "La Secretaría de Educación de Sogamoso, entidad territorial "
            "certificada, presenta el balance de la vigencia 2019 frente a las "
            "metas del Plan de Desarrollo a su cargo. El informe resume, por "
            "semestre, lo ejecutado en cobertura, permanencia, calidad e "
            "infraestructura educativa, y el acumulado alcanzado en la vigencia."
        ),
        p("RESULTADOS POR INDICADOR", estilo="h1"),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            bordes=False,
            tamano_letra=9,
            sombreado_encabezado=None,
        ),
        p(
            "Fuente: SIMAT, Sistema de Información de la Secretaría de Educación "
            "y reportes de los rectores, corte 31 de diciembre de 2019.",
            negrita=False,
        ),
        p("EJECUCIÓN FINANCIERA", estilo="h1"),
        p(
            "Para gastos de funcionamiento de la Secretaría se programaron "
            "recursos de funcionamiento por $ 3.412.500.000 y se ejecutaron "
            "$ 3.198.744.215, lo que equivale al 93,7 %.",
            obs=[
                Obs(
                    "recursos_programados",
                    3412500000,
                    *ANIO,
                    tipo_gasto="funcionamiento",
                    indicador="Recursos de funcionamiento",
                ),
                Obs(
                    "recursos_ejecutados",
                    3198744215,
                    *ANIO,
                    tipo_gasto="funcionamiento",
                    indicador="Recursos de funcionamiento",
                ),
            ],
        ),
        p(
            "En inversión, con corte al 31 de diciembre de 2019 se ejecutaron "
            "$ 18.745.320.110 de los $ 19.980.000.000 de recursos de inversión "
            "programados para la vigencia.",
            obs=[
                Obs(
                    "recursos_ejecutados", 18745320110, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_programados",
                    19980000000,
                    *ANIO,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
        p("CONCLUSIONES", estilo="h1"),
        p(
            "Se mantuvo la cobertura del Programa de Alimentación Escolar durante "
            "todo el calendario académico y se superó la meta de bilingüismo. "
            "La tasa de cobertura neta en educación media sigue por debajo de la "
            "meta, por lo que se reforzarán las estrategias de acceso y "
            "permanencia en 2020.",
            estilo="vineta",
        ),
        p(
            "La entrega de computadores se concentró en el segundo semestre por "
            "los tiempos del proceso de contratación.",
            estilo="vineta",
        ),
    ],
)
