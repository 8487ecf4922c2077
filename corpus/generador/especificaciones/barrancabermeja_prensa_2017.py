"""(a) The seed report rebuilt: Barrancabermeja, Oficina Asesora de Prensa,
informe de gestión mayo a septiembre de 2017 (shared/seeds/000_f0ee...txt).

Same text, paragraphs and cell texts as the seed, including its
inconsistencies (1.681 / 814 swapped between rows, YouTube views that drop,
"0.25 %" with a decimal point). The stray final "--|--|--" row is dropped.
The gold CSV of this report is written by hand; the numbers below are typed
as numbers only so that generar.py can cross-check that hand-written gold.
"""

from piezas import (
    Columna,
    ConObs,
    Enc,
    Fila,
    Informe,
    Num,
    Obs,
    Parrafo,
    Rico,
    SaltoPagina,
    Serie,
    Tabla,
)

ANIO = ("2017-01-01", "2017-12-31")
JUN_SEP = ("2017-06-01", "2017-09-30")
ENE_SEP = ("2017-01-01", "2017-09-30")
SUBENCABEZADO_WEB = {2: JUN_SEP, 3: ENE_SEP}


def ind(nombre: str, descripcion: str) -> Rico:
    """Indicator cell: the name in bold followed by its description."""
    return Rico([(nombre, True), (descripcion, False)])


def meses(*pares) -> Serie:
    numeros = {"Junio": 6, "Julio": 7, "Agosto": 8, "Sept": 9}
    return Serie([(m, numeros[m], v) for m, v in pares])


def fila(nombre, descripcion, proyectado, realizado, alcanzado, **kw) -> Fila:
    return Fila([ind(nombre, descripcion), proyectado, realizado, alcanzado], indicador=nombre, **kw)


def hija(nombre, realizado, alcanzado) -> Fila:
    """Child row of PÁGINA WEB, under its own sub-header of periods."""
    return Fila([nombre, None, realizado, alcanzado], indicador=nombre, padre="PÁGINA WEB", periodos=SUBENCABEZADO_WEB)


META_PRODUCTO = (
    "Diseñar e implementar un (1) plan estratégico de comunicaciones por una "
    "Barrancabermeja Incluyente, Humana y Productiva, que permita canalizar "
    "interna y externamente la información originada de la gestión municipal "
    "en el cuatrienio."
)

TABLA_PRODUCTO = Tabla(
    columnas=[
        Columna(3.7, alineacion="izquierda"),
        Columna(2.5, "meta", *ANIO, unidad="porcentaje"),
        Columna(2.1, "ejecutado", *ENE_SEP, unidad="porcentaje"),
        Columna(2.9, alineacion="izquierda"),
        Columna(2.9, alineacion="izquierda"),
        Columna(3.4, alineacion="izquierda"),
    ],
    encabezado=[
        [
            Enc("Indicador De Producto"),
            Enc("Cantidad Programada 2017"),
            Enc("Cantidad Ejecutado 2017"),
            Enc("Ejecución financiera"),
            Enc("Recursos programados y ejecutados por inversión"),
            Enc("Evidencia"),
        ]
    ],
    filas=[
        Fila(
            [
                "Un (1) Plan estratégico de comunicaciones diseñado e implementado "
                "en el cuatrienio.\n1: El porcentaje de cumplimiento por año, "
                "corresponde a :\n2016 = 0.25% cumplido\n2017= 0.25%\n"
                "A la fecha: 0.23 %\n2018= 0.25%\n2019= 0.25%",
                Num(0.25, "0.25 %"),
                Num(0.23, "0.23 %"),
                ConObs(
                    "Funcionamiento\n$1'340.799.993\nEjecutado Funcionamiento\n$983'286.659,67",
                    [
                        Obs("recursos_programados", 1340799993, *ANIO, tipo_gasto="funcionamiento"),
                        Obs("recursos_ejecutados", 983286659.67, *ENE_SEP, tipo_gasto="funcionamiento"),
                    ],
                ),
                ConObs(
                    "Programado\n$ 1.277.800.000\nEjecutado a 30 de Septiembre de 2017\n$ 1'216.376.501",
                    [
                        Obs("recursos_programados", 1277800000, *ANIO, tipo_gasto="inversion"),
                        Obs("recursos_ejecutados", 1216376501, *ENE_SEP, tipo_gasto="inversion"),
                    ],
                ),
                "Implementación del plan estratégico (con corte a septiembre 30 de "
                "2017)\nEn la parte inferior se relacionan los logros y avances, "
                "respectivos.",
            ],
            indicador="Un (1) Plan estratégico de comunicaciones diseñado e implementado en el cuatrienio",
            unidad="porcentaje",
        )
    ],
    sombreado_encabezado=None,
    tamano_letra=8,
)

TABLA_INDICADORES = Tabla(
    columnas=[
        Columna(8.0, alineacion="izquierda"),
        Columna(3.2, "meta", *ANIO),
        Columna(3.2, "ejecutado", *JUN_SEP),
        Columna(3.1, "acumulado", *ENE_SEP),
    ],
    encabezado=[
        [
            Enc("INDICADOR"),
            Enc("PROYECTADOS AÑO 2017"),
            Enc("REALIZADOS PERIODO JUNIO A SEPTIEMBRE 30 DE 2017"),
            Enc("ALCANZADOS A SEPTIEMBRE DE 2017"),
        ]
    ],
    filas=[
        fila(
            "INFORMATIVO INSTITUCIONAL",
            " Realizar semanalmente un informativo en el que se presente los hechos más importantes de la semana",
            36,
            17,
            36,
        ),
        fila(
            "BOLETINES DE PRENSA",
            ": Realizar diariamente los boletines por "
            "cada dependencia, en los que se dan a conocer programas, "
            "proyectos y noticias de la Administración Municipal y que son "
            "remitidos a los diferentes medios de comunicación.",
            649,
            238,
            585,
        ),
        fila("GACETAS OFICIALES", " Publicar en la Gaceta los actos administrativos de carácter general", 5, 4, 7),
        fila(
            "BOLETINES INTERNOS",
            " Realizar y entregar vía e mail registro de los hechos más importantes del Gobierno Municipal.",
            24,
            12,
            33,
        ),
        fila(
            "BOLETÍN INTERNO EN IMÁGENES",
            ": Presentar un resumen digital en "
            "formato boletín de las acciones más relevantes del Gobierno "
            "Municipal, sólo en imágenes",
            12,
            2,
            11,
        ),
        fila(
            "SEGUIDORES FACEBOOK",
            ": Presentar en el Facebook de la Alcaldía "
            "de Barrancabermeja, de manera periódica, en el término de tiempo "
            "información institucional",
            10620,
            meses(("Junio", 13114), ("Julio", 13134), ("Agosto", 13665), ("Sept", 13968)),
            13968,
        ),
        fila(
            "TWITTER",
            ": Presentar en la cuenta Alcaldiabarranc. información "
            "actualizada con piezas, videos, notas e informes institucionales",
            Num(2000, "2000"),
            meses(("Junio", 2960), ("Julio", 3059), ("Agosto", 3121), ("Sept", 3195)),
            3195,
        ),
        fila(
            "INSTAGRAM",
            ": Presentar en la cuenta Alcaldiabarranca. "
            "Información actualizada con piezas, videos, notas e informes "
            "institucionales.",
            Num(1200, "1200"),
            meses(("Junio", 1274), ("Julio", 1291), ("Agosto", 1302), ("Sept", 1327)),
            1327,
        ),
        fila(
            "YOUTUBE",
            ": Alcaldía de Barrancabermeja Suscriptores. Se actualiza con videos institucionales.",
            402,
            meses(("Junio", 497), ("Julio", 507), ("Agosto", 530), ("Sept", 549)),
            549,
        ),
        fila(
            "VISUALIZACIONES CANAL YOUTUBE",
            ": Presentar videos institucionales informativos, educativos y de interés comunitario.",
            415,
            meses(("Junio", 6047), ("Julio", 6364), ("Agosto", 6409), ("Sept", 5516)),
            5516,
        ),
        # Parent row whose value cells are a sub-header of periods.
        Fila(
            [
                ind(
                    "PÁGINA WEB",
                    ": Presentar información permanente del "
                    "acontecer del gobierno municipal desde las diferentes "
                    "sectoriales, dando respuesta a los cibernautas.",
                ),
                None,
                "Periodo de junio a septiembre",
                "Periodo de enero a septiembre",
            ]
        ),
        hija("BOLETINES", 238, 585),
        hija("VIDEOS-SPOTS", 17, 76),
        hija("NOTICIAS", 359, 949),
        hija("CRÓNICAS", 2, 19),
        hija("MEMES INFORMATIVOS", 814, 1681),
        fila(
            "PÁGINA WEB",
            ": Número de ingresos a la página para consultar información institucional",
            Num(15600, "15600"),
            ConObs(
                "Con el nuevo contador de visita en Junio se contabiliza 265.806 y a septiembre 697.047",
                [
                    Obs("ejecutado", 265806, "2017-06-01", "2017-06-30", "numero"),
                    Obs("ejecutado", 697047, "2017-09-01", "2017-09-30", "numero"),
                ],
            ),
            ConObs(
                "Se registra en enero 1.440 subió hasta mayo 75.530 . A "
                "partir de la actualización de la página de inicio del "
                "portal web, se implementa un contador de visitas. A "
                "septiembre van 697.047",
                [
                    Obs("acumulado", 1440, "2017-01-01", "2017-01-31", "numero"),
                    Obs("acumulado", 75530, "2017-01-01", "2017-05-31", "numero"),
                    Obs("acumulado", 697047, "2017-01-01", "2017-09-30", "numero"),
                ],
            ),
        ),
        fila("BANNER", ": Publicados en la parte superior de la página Web", 105, 15, 60),
        fila(
            "TRANSMISIONES EN VIVO",
            ": Realizar transmisiones en vivo desde "
            "la cuenta de facebook de la Alcaldía municipal de acuerdo a la "
            "priorización por temas.",
            25,
            17,
            40,
        ),
        fila(
            "PRODUCCIÓN DE CRÓNICAS",
            ": Producción de crónicas y reportajes "
            "del impacto de los programas y proyectos de la administración "
            "municipal",
            None,
            2,
            19,
        ),
        fila(
            "PRODUCCIÓN DE SPOTS Y/O COMERCIALES INSTITUCIONALES",
            ": Producción de spots institucionales relacionados con campañas, convocatorias o información especial.",
            None,
            17,
            76,
        ),
        fila(
            "PRODUCCIÓN DE NOTAS PERIODÍSTICAS",
            ": Registro y producción de notas periodísticas sobre el día a día de la administración municipal.",
            None,
            359,
            949,
        ),
        fila(
            "TOMA DE FOTOGRAFIAS Y ACTUALIZACIÓN DEL BANCO DE IMÁGENES",
            ": Fotografías como insumo de diseño para elaborar diferentes productos comunicativos.",
            None,
            10947,
            29298,
        ),
        fila(
            "ACOMPAÑAMIENTO A RUEDAS DE PRENSA",
            ": Acompañamiento en ruedas de prensa del despacho del alcalde.",
            None,
            5,
            16,
        ),
        fila(
            "ELABORACIÓN DE CARTILLAS",
            ": Recopilación de temas e investigación correspondiente para elaborar cartillas institucionales",
            1,
            2,
            5,
        ),
        fila(
            "ELABORACIÓN DE PIEZAS DE DISEÑO PARA REDES SOCIALES",
            ": Trabajo "
            "de diseño para la producción de diversas piezas de carácter "
            "institucional para redes sociales, pantallas led, prensa "
            "escrita, publicidad externa y productos de tv.",
            None,
            1681,
            814,
        ),
        fila(
            "ELABORACIÓN DE CAMPAÑAS INSTITUCIONALES",
            ": Desarrollo del concepto y contenido de campañas institucionales",
            4,
            12,
            17,
        ),
        fila(
            "IMPLEMENTACIÓN DE PLANES DE ACCIÓN",
            ": Implementación del plan "
            "estratégico de comunicaciones y del plan de acción de la oficina "
            "asesora de prensa, comunicaciones y protocolo de la Alcaldía "
            "Municipal.",
            1,
            1,
            1,
        ),
        fila(
            "ASESORÍA EN TEMAS RELACIONADOS CON LA ORGANIZACIÓN DE EVENTOS Y APOYO CON EL EQUIPO",
            ": Realizar acompañamiento en la "
            "organización y realización de eventos de cada sectorial, en la "
            "medida de los requerimientos.",
            None,
            8,
            18,
        ),
        fila(
            "MONITOREO MEDIOS EXTERNOS REGIONAL - NACIONAL LOCALES",
            ": "
            "Realizar seguimiento a la información que se genera desde la "
            "Alcaldía, su impacto e información externa de incidencia al "
            "interior de la organización, a través de medios locales, "
            "escritos, radiales y/o de televisión.",
            None,
            1989,
            4183,
        ),
    ],
    sombreado_encabezado=None,
    tamano_letra=9,
)


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


def negrita(texto) -> Parrafo:
    return Parrafo(texto, estilo="h1")


def guion(texto) -> Parrafo:
    """The seed writes its bullets as literal dashes."""
    return Parrafo(texto)


INFORME = Informe(
    id="barrancabermeja_prensa_2017",
    meta={
        "entidad": "Alcaldía de Barrancabermeja",
        "dependencia": "OFICINA ASESORA DE PRENSA, COMUNICACIONES Y PROTOCOLO",
        "titulo": "INFORME DE GESTIÓN MAYO A SEPTIEMBRE DE 2017",
        "vigencia": 2017,
        "periodo_inicio": "2017-05-01",
        "periodo_fin": "2017-09-30",
        "fecha_corte": "2017-09-30",
        "pilar": "Seguridad Humana",
        "linea_estrategica": "Fortalecimiento institucional y planeación de lo público",
        "programa": "fortalecimiento de lo público",
        "meta_producto": META_PRODUCTO.rstrip("."),
    },
    encabezado_pagina=["Alcaldía de Barrancabermeja"],
    margen_cm=2.0,
    autor="Oficina Asesora de Prensa",
    fecha_documento="2017-10-06T09:30:00",
    gold_manual=True,
    bloques=[
        p("INFORME DE GESTIÓN MAYO A SEPTIEMBRE DE 2017", estilo="titulo"),
        p("OFICINA ASESORA DE PRENSA, COMUNICACIONES Y PROTOCOLO", estilo="titulo"),
        p("ALCALDIA DE BARRANCABERMEJA", estilo="titulo"),
        p(""),
        negrita("PILAR:"),
        p("Seguridad Humana"),
        negrita("LÍNEA ESTRATÉGICA:"),
        p("Fortalecimiento institucional y planeación de lo público; programa fortalecimiento de lo público."),
        negrita("1.META PROGRAMADA"),
        p(
            "Diseñar e implementar un plan estratégico de comunicaciones por una "
            "Barrancabermeja Incluyente, Humana y Productiva, que permita "
            "canalizar interna y externamente la información originada de la "
            "gestión municipal en el cuatrienio."
        ),
        negrita("2.META DE PRODUCTO ALCANZADA"),
        p(META_PRODUCTO),
        TABLA_PRODUCTO,
        SaltoPagina(),  # the seed's page 2 starts with this paragraph
        p(
            "Con base en el Plan Estratégico de Comunicaciones, se avanza en la "
            "implementación paulatina del plan de acción que comprende el "
            "desarrollo de actividades de socialización y ejecución de la "
            "herramienta comunicativa en el ámbito interno y externo, produciendo "
            "piezas informativas y estratégicas correspondientes a la gestión del "
            "gobierno municipal."
        ),
        negrita("3. INDICADORES ESTRATÉGICOS CUANTIFICABLES"),
        p(
            "Nuestros indicadores están sujetos al número de actividades "
            "realizadas durante el periodo comprendido entre enero y septiembre "
            "de 2017, los cuales se ven reflejados en el porcentaje de "
            "cumplimiento a la fecha de la meta propuesta en el Plan de "
            "Desarrollo. Cabe mencionar que para efectos del informe al Concejo "
            "Municipal, se incluye una columna con los indicadores obtenidos en "
            "el corte junio a septiembre de 2017, además del consolidado a la "
            "fecha en otra columna."
        ),
        p("INDICADORES DE GESTIÓN", estilo="subtitulo"),
        TABLA_INDICADORES,
        negrita("4.OBJETIVO PLAN DE DESARROLLO ALCANZADO"),
        p(
            "Objetivo de la línea estratégica: Lograr una estructura "
            "organizacional eficiente y eficaz, que responda a los retos que "
            "exige una administración moderna que se refleje en beneficio de la "
            "comunidad."
        ),
        negrita(
            "5.LOGROS Y AVANCES ALCANZADOS EN LA EJECUCIÓN DEL PLAN DE "
            "DESARROLLO Y EN GENERAL DE LA GESTIÓN (BALANCE TÉCNICO DE LA "
            "GESTIÓN):"
        ),
        guion(
            "- Incrementar el número de seguidores (en la fan page, twitter e "
            "Instagram) interesados en conocer las ejecutorias, lo que nos "
            "garantiza mayores multiplicadores de la gestión de gobierno."
        ),
        guion(
            "- Entregar en tiempo real la información, con la cual se dan a "
            "conocer los avances del plan de desarrollo desde las diferentes "
            "sectoriales, oficinas asesoras e institutos descentralizados."
        ),
        guion(
            "- Posicionar la imagen del Alcalde y de su programa de gobierno, "
            "desde diferentes perspectivas, logrando una percepción "
            "positiva."
        ),
        guion("- Responder de manera inmediata a las inquietudes comunitarias."),
        guion(
            "- Lograr que sea divulgada, replicada y ampliada la información "
            "generada desde las diferentes sectoriales, por considerarse "
            "relevante y de impacto social, tanto en medios de comunicación "
            "como en redes sociales y comunidades."
        ),
        guion(
            "- Adquirir equipos para un mejor desempeño y mejorar la "
            "producción de piezas audiovisuales de comunicación."
        ),
        guion(
            "- Lanzar la nueva imagen institucional y la marca ciudad en Barrancabermeja y la capital del departamento."
        ),
        guion(
            "-Responder con inmediatez a las inquietudes comunitarias, "
            "sirviendo de canal entre la Administración Municipal, los "
            "habitantes de la ciudad y los medios de comunicación."
        ),
        negrita("DIFICULTADES DE LAGESTIÓN:"),
        guion(
            "- Las interrupciones permanentes en el servicio wi fi, constituye "
            "un tema reincidente que afecta las tareas de producción y "
            "remisión de material informativo, afectando las labores al "
            "interior de la oficina."
        ),
        guion("- La rotación permanente del personal afecta la continuidad en los procesos y planes de acción."),
        negrita("7. CONCLUSIONES"),
        guion(
            "- A 30 de septiembre de 2017 el cumplimiento de la meta: Diseñar "
            "e implementar un plan estratégico de comunicaciones por una "
            "Barrancabermeja Incluyente, Humana y Productiva, que permita "
            "canalizar interna y externamente la información originada de la "
            "gestión municipal en el cuatrienio, se encuentra en un 0.23% de "
            "cumplimiento del 25% proyectado para 2017."
        ),
        guion(
            "- Se fija cronograma de acción con base en resultados de estudio "
            "y direccionamiento estratégico a partir de la nueva visión de "
            "ciudad."
        ),
    ],
)
