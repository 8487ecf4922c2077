"""(l) Yopal, Secretaría de Integración Social: informe de gestión por
semestres, vigencia 2023.

A ruled table "Indicador | Meta 2023 | I semestre 2023 | II semestre 2023 |
Total vigencia 2023 | Fuente de verificación" (semesters: ejecutado; the
total: acumulado 2023-01-01..2023-12-31), header in regular weight (not
bold). Indicator cells are "Name." in bold followed by a one-sentence
description (gold: the first sentence, without its period); one indicator
has no description. A parent row (bold name and description, no values)
is followed by three child rows in regular weight with no description
(gold: indicador_padre = the parent's name); the next bold row ends the
group. Null cells written "ND", "S.D." or left blank. A row whose unit is
a percentage ("31,5%"). Money only in the narrative.
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    Informe,
    Obs,
    Parrafo,
    Rico,
    Tabla,
)

ANIO = ("2023-01-01", "2023-12-31")
SEM1 = ("2023-01-01", "2023-06-30")
SEM2 = ("2023-07-01", "2023-12-31")

COLUMNAS = [
    Columna(6.3, alineacion="izquierda"),
    Columna(1.7, "meta", *ANIO),
    Columna(1.9, "ejecutado", *SEM1),
    Columna(1.9, "ejecutado", *SEM2),
    Columna(2.1, "acumulado", *ANIO),
    Columna(3.2, alineacion="izquierda"),
]

ENCABEZADO = [
    [
        Enc("Indicador"),
        Enc("Meta 2023"),
        Enc("I semestre 2023"),
        Enc("II semestre 2023"),
        Enc("Total vigencia 2023"),
        Enc("Fuente de verificación"),
    ]
]

PADRE = "Atención integral a la primera infancia"


def ind(nombre, descripcion, meta, sem1, sem2, total, fuente, unidad="numero") -> Fila:
    runs = [(nombre + ("." if descripcion else ""), True)]
    if descripcion:
        runs.append((" " + descripcion, False))
    return Fila([Rico(runs), meta, sem1, sem2, total, fuente], indicador=nombre, unidad=unidad)


def hija(nombre, meta, sem1, sem2, total, fuente) -> Fila:
    return Fila([nombre, meta, sem1, sem2, total, fuente], indicador=nombre, padre=PADRE)


FILAS = [
    ind(
        "Personas mayores atendidas en centros vida",
        "Atención diurna con "
        "alimentación, actividad física y acompañamiento psicosocial en los "
        "tres centros vida del municipio.",
        650,
        612,
        640,
        671,
        "Registro de asistencia diaria",
    ),
    ind(
        "Raciones alimentarias entregadas a población vulnerable",
        "Incluye comedores comunitarios y paquetes alimentarios para hogares con inseguridad alimentaria.",
        120000,
        58340,
        63115,
        121455,
        "Actas de entrega",
    ),
    Fila(
        [
            Rico(
                [
                    (PADRE + ".", True),
                    (
                        " Modalidades institucional y familiar de la estrategia De Cero a "
                        "Siempre, en convenio con el ICBF.",
                        False,
                    ),
                ]
            ),
            None,
            None,
            None,
            None,
            None,
        ]
    ),
    hija("Niños y niñas atendidos en modalidad institucional", 1200, 1148, 1186, 1186, "Cuéntame – ICBF"),
    hija("Niños y niñas atendidos en modalidad familiar", 800, "ND", 790, 790, "Cuéntame – ICBF"),
    hija("Madres gestantes y lactantes acompañadas", 300, 142, 171, 313, "Informes del operador"),
    ind(
        "Personas con discapacidad certificadas",
        "Certificación de discapacidad con la IPS autorizada por el Ministerio de Salud y Protección Social.",
        400,
        96,
        188,
        284,
        "Registro RLCPD",
    ),
    ind(
        "Ayudas técnicas entregadas",
        "Sillas de ruedas, bastones, caminadores y audífonos entregados a personas con discapacidad.",
        150,
        "S.D.",
        92,
        137,
        "Actas de entrega",
    ),
    ind("Jóvenes vinculados a procesos de participación", None, 500, 210, 265, 475, "Listados de asistencia"),
    ind(
        "Hogares en pobreza extrema con acompañamiento familiar",
        "Porcentaje de hogares de la estrategia Unidos acompañados, en coordinación con Prosperidad Social.",
        35,
        18,
        31.5,
        31.5,
        "Reporte Prosperidad Social",
        unidad="porcentaje",
    ),
    ind(
        "Mujeres formadas en derechos y autonomía económica",
        "Escuela de liderazgo y cursos de emprendimiento con enfoque de género.",
        350,
        None,
        180,
        180,
        "Certificados de asistencia",
    ),
    ind(
        "Habitantes de calle atendidos en el hogar de paso",
        "Servicios de alojamiento, alimentación, aseo y orientación psicosocial.",
        120,
        64,
        71,
        "S.D.",
        "Base de datos del hogar de paso",
    ),
    ind(
        "Comedores comunitarios en funcionamiento",
        "Comedores operados en las comunas 1, 2, 3 y 5 y en el corregimiento de Morichal.",
        6,
        6,
        6,
        6,
        "Informes de supervisión",
    ),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


PROGRAMA = "Yopal incluyente: familias protegidas y con oportunidades"

INFORME = Informe(
    id="yopal_integracion_social_2023",
    meta={
        "entidad": "Alcaldía de Yopal",
        "dependencia": "Secretaría de Integración Social",
        "titulo": "Informe de gestión por semestres – vigencia 2023",
        "vigencia": 2023,
        "periodo_inicio": "2023-01-01",
        "periodo_fin": "2023-12-31",
        "fecha_corte": "2023-12-31",
        "programa": PROGRAMA,
    },
    encabezado_pagina=["Alcaldía de Yopal", "Secretaría de Integración Social"],
    pie_pagina="Secretaría de Integración Social – Página {PAGINA}",
    fuente="Georgia",
    tamano_letra=10,
    margen_cm=2.2,
    autor="Secretaría de Integración Social Yopal",
    fecha_documento="2024-01-26T10:50:00",
    titulos_con_estilo=True,
    bloques=[
        p("Alcaldía de Yopal", estilo="titulo"),
        p("Secretaría de Integración Social", estilo="titulo"),
        p("Informe de gestión por semestres – vigencia 2023", estilo="titulo"),
        p("Fecha de corte: 31 de diciembre de 2023", estilo="subtitulo"),
        p([("Programa: ", True), (PROGRAMA, False)]),
        p("Introducción", estilo="h1"),
        p(
            "La Secretaría de Integración Social presenta los resultados de la "
            "vigencia 2023 de los indicadores a su cargo en el Plan de "
            "Desarrollo Municipal. Para cada indicador se informa la meta del "
            "año, lo ejecutado en el primer y en el segundo semestre, y el "
            "total de la vigencia. En los indicadores de atención a personas el "
            "total cuenta personas distintas, por lo que puede ser menor que la "
            "suma de los semestres."
        ),
        p("Resultados por indicador", estilo="h1"),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            tamano_letra=8.5,
            sombreado_encabezado="EDEDED",
            encabezado_negrita=False,
            filas_sin_partir=True,
        ),
        p("ND: no disponible. S.D.: sin dato del operador al cierre del informe."),
        p("Recursos", estilo="h1"),
        p(
            "En la vigencia 2023 se programaron recursos de inversión por "
            "$ 6.480.000.000 y se ejecutaron $ 6.012.337.890 a 31 de diciembre "
            "de 2023, un 92,8 % de lo programado.",
            obs=[
                Obs(
                    "recursos_programados", 6480000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados", 6012337890, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
            ],
        ),
        p("Retos para 2024", estilo="h1"),
        p(
            "Garantizar el reporte oportuno de los operadores de primera "
            "infancia y del hogar de paso, cuyos datos no estuvieron "
            "disponibles para todos los periodos.",
            estilo="vineta",
        ),
    ],
)
