"""(m) Barrancabermeja, Oficina Asesora de Prensa, Comunicaciones y
Protocolo: informe de gestión abril a junio de 2018 (second year of the
multi-year series that starts with the seed, 2017).

Same office, new wordings: "Boletines de prensa. Elaboración diaria…"
(2017: "BOLETINES DE PRENSA: Realizar diariamente…"), "Seguidores en
Twitter" (2017: "TWITTER"), "Suscriptores del canal de YouTube" (2017:
"YOUTUBE"), "Cartillas institucionales elaboradas" (2017: "ELABORACIÓN DE
CARTILLAS")… Indicator cells are "Name." in bold followed by a one-sentence
description (gold: the first sentence, without its period). Columns "Meta
2018 | Ejecutado abril a junio de 2018 | Acumulado a 30 de junio de 2018":
the year is not closed (cut on June 30th). Money only in the narrative.
Ruled table, Arial.
"""

from piezas import Columna, Enc, Fila, Informe, Obs, Parrafo, Rico, Tabla

ANIO = ("2018-01-01", "2018-12-31")
TRIMESTRE = ("2018-04-01", "2018-06-30")
A_CORTE = ("2018-01-01", "2018-06-30")

COLUMNAS = [
    Columna(8.4, alineacion="izquierda"),
    Columna(2.4, "meta", *ANIO),
    Columna(2.9, "ejecutado", *TRIMESTRE),
    Columna(2.9, "acumulado", *A_CORTE),
]

ENCABEZADO = [
    [Enc("Indicador"), Enc("Meta 2018"), Enc("Ejecutado abril a junio de 2018"), Enc("Acumulado a 30 de junio de 2018")]
]


def ind(nombre, descripcion, meta, trimestre, acumulado, unidad="numero") -> Fila:
    return Fila(
        [Rico([(nombre + ".", True), (" " + descripcion, False)]), meta, trimestre, acumulado],
        indicador=nombre,
        unidad=unidad,
    )


FILAS = [
    ind(
        "Plan estratégico de comunicaciones implementado",
        "Porcentaje de avance del plan estratégico de comunicaciones del cuatrienio.",
        25,
        6,
        11,
        unidad="porcentaje",
    ),
    ind(
        "Informativo institucional semanal",
        "Emisión semanal del informativo con los hechos más importantes de la administración.",
        48,
        12,
        23,
    ),
    ind(
        "Boletines de prensa",
        "Elaboración diaria de boletines por cada dependencia, remitidos a los medios de comunicación.",
        650,
        171,
        322,
    ),
    ind(
        "Gacetas oficiales publicadas",
        "Publicación en la Gaceta de los actos administrativos de carácter general.",
        6,
        2,
        3,
    ),
    ind(
        "Boletín interno enviado",
        "Registro de los hechos más importantes del Gobierno Municipal enviado por correo electrónico.",
        24,
        6,
        12,
    ),
    ind(
        "Boletín interno en imágenes",
        "Resumen digital de las acciones más relevantes del Gobierno Municipal, solo en imágenes.",
        12,
        3,
        5,
    ),
    ind(
        "Seguidores en Facebook",
        "Personas que siguen la página de la Alcaldía al final del periodo.",
        16000,
        15230,
        15230,
    ),
    ind("Seguidores en Twitter", "Personas que siguen la cuenta institucional al final del periodo.", 4000, 3480, 3480),
    ind(
        "Seguidores en Instagram", "Personas que siguen la cuenta institucional al final del periodo.", 2500, 1980, 1980
    ),
    ind(
        "Suscriptores del canal de YouTube", "Suscriptores del canal institucional al final del periodo.", 700, 612, 612
    ),
    ind(
        "Visualizaciones del canal de YouTube",
        "Reproducciones de los videos institucionales en el periodo.",
        9000,
        2140,
        4310,
    ),
    ind(
        "Transmisiones en vivo",
        "Transmisiones desde la cuenta de Facebook de la Alcaldía según la priorización de temas.",
        30,
        9,
        16,
    ),
    ind("Notas periodísticas producidas", "Notas sobre el día a día de la administración municipal.", 700, 201, 398),
    ind(
        "Fotografías tomadas para el banco de imágenes",
        "Insumo de diseño para los productos comunicativos.",
        20000,
        5230,
        10890,
    ),
    ind("Cartillas institucionales elaboradas", "Cartillas con temas de interés de las dependencias.", 3, 1, 1),
    ind("Campañas institucionales realizadas", "Concepto y contenido de campañas institucionales.", 6, 2, 4),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="barrancabermeja_prensa_2018",
    meta={
        "entidad": "Alcaldía de Barrancabermeja",
        "dependencia": "Oficina Asesora de Prensa, Comunicaciones y Protocolo",
        "titulo": "INFORME DE GESTIÓN ABRIL A JUNIO DE 2018",
        "vigencia": 2018,
        "periodo_inicio": "2018-04-01",
        "periodo_fin": "2018-06-30",
        "fecha_corte": "2018-06-30",
    },
    encabezado_pagina=["Alcaldía de Barrancabermeja"],
    margen_cm=2.0,
    autor="Oficina Asesora de Prensa",
    fecha_documento="2018-07-12T10:00:00",
    bloques=[
        p("INFORME DE GESTIÓN ABRIL A JUNIO DE 2018", estilo="titulo"),
        p("Oficina Asesora de Prensa, Comunicaciones y Protocolo", estilo="titulo"),
        p("Alcaldía de Barrancabermeja", estilo="titulo"),
        p("Fecha de corte: 30 de junio de 2018", estilo="subtitulo"),
        p("1. Presentación", estilo="h1"),
        p(
            "La Oficina Asesora de Prensa, Comunicaciones y Protocolo presenta "
            "el avance de sus indicadores de gestión en el segundo trimestre de "
            "2018, con el consolidado del año hasta el corte. Las redes "
            "sociales se miden por el número de seguidores al final del "
            "periodo."
        ),
        p("2. Indicadores de gestión", estilo="h1"),
        Tabla(columnas=COLUMNAS, encabezado=ENCABEZADO, filas=FILAS, tamano_letra=9, filas_sin_partir=True),
        p("3. Recursos", estilo="h1"),
        p(
            "Para la vigencia 2018 se programaron recursos de inversión por "
            "$ 1.350.000.000, de los cuales se ejecutaron $ 402.118.250 con "
            "corte al 30 de junio de 2018.",
            obs=[
                Obs(
                    "recursos_programados", 1350000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados",
                    402118250,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
        p("4. Dificultades", estilo="h1"),
        p("La rotación del personal de diseño retrasó la producción de cartillas institucionales.", estilo="vineta"),
    ],
)
