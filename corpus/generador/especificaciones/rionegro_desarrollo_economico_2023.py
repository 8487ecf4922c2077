"""(g) Rionegro, Secretaría de Desarrollo Económico: informe de gestión del
primer semestre de 2023.

A ruled table whose header is NOT repeated and whose rows have long
multi-line descriptions, so LibreOffice breaks rows across pages (the
continuation at the top of the next page has empty value cells). Monthly
series in cells ("Enero 120\\nFebrero 135\\nMarzo 150"), one of them in the
accumulated column; a parent row followed by a sub-header row ("Enero a
febrero | Mayo a junio | Enero a junio") that redefines the periods of its
child rows.

Inconsistency kept on purpose: "CAPACITACIONES EN BUENAS PRÁCTICAS
AGRÍCOLAS" reports 13 accumulated, less than the 14 of April to June.
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    Informe,
    Obs,
    Parrafo,
    Rico,
    Serie,
    Tabla,
)

ANIO = ("2023-01-01", "2023-12-31")
A_CORTE = ("2023-01-01", "2023-06-30")
MESES = {"Enero": 1, "Febrero": 2, "Marzo": 3, "Abril": 4, "Mayo": 5, "Junio": 6}
SUBENCABEZADO = {2: ("2023-01-01", "2023-02-28"), 3: ("2023-05-01", "2023-06-30"), 4: ("2023-01-01", "2023-06-30")}

COLUMNAS = [
    Columna(7.3, alineacion="izquierda"),
    Columna(2.0, "meta", *ANIO),
    Columna(2.4, "ejecutado", "2023-01-01", "2023-03-31"),
    Columna(2.4, "ejecutado", "2023-04-01", "2023-06-30"),
    Columna(2.4, "acumulado", *A_CORTE),
]

ENCABEZADO = [
    [
        Enc("Actividad / indicador"),
        Enc("Meta 2023"),
        Enc("Ejecutado enero a marzo"),
        Enc("Ejecutado abril a junio"),
        Enc("Acumulado a 30 de junio"),
    ]
]


def serie(*pares) -> Serie:
    return Serie([(mes, MESES[mes], valor) for mes, valor in pares])


def ind(nombre, descripcion, meta, trim1, trim2, acumulado) -> Fila:
    texto = Rico([(nombre, True), (": " + descripcion if descripcion else "", False)])
    return Fila([texto, meta, trim1, trim2, acumulado], indicador=nombre)


def hija(nombre, meta, ene_feb, may_jun, ene_jun) -> Fila:
    return Fila(
        [nombre, meta, ene_feb, may_jun, ene_jun], indicador=nombre, padre="MERCADOS CAMPESINOS", periodos=SUBENCABEZADO
    )


FILAS = [
    ind(
        "EMPRENDIMIENTOS FORTALECIDOS",
        "Acompañamiento integral a emprendimientos urbanos y rurales del "
        "municipio mediante diagnóstico empresarial, plan de fortalecimiento, "
        "asesoría en formalización ante la Cámara de Comercio del Oriente "
        "Antioqueño, capacitación en mercadeo digital, costos y finanzas "
        "básicas, y entrega de capital semilla a las iniciativas que "
        "superaron la etapa de evaluación del comité técnico. En el primer "
        "trimestre se realizaron las convocatorias en las veredas de la zona "
        "norte y en el segundo trimestre se atendieron los emprendimientos de "
        "mujeres y jóvenes inscritos en la ruta de empleabilidad. Los "
        "soportes reposan en el expediente de cada beneficiario y en el "
        "sistema de información de la Secretaría.",
        150,
        42,
        61,
        103,
    ),
    ind(
        "ASISTENCIA TÉCNICA AGROPECUARIA",
        "Visitas de extensión agropecuaria a pequeños y medianos productores "
        "de las veredas del municipio, con énfasis en manejo integrado de "
        "plagas en cultivos de aguacate, flores y hortalizas, buenas "
        "prácticas ganaderas, análisis de suelos y planes de fertilización. "
        "La cifra mensual corresponde a las visitas registradas en las "
        "planillas firmadas por los productores y cargadas en la plataforma "
        "del servicio público de extensión agropecuaria. Durante el semestre "
        "se vincularon dos técnicos adicionales al equipo de la Secretaría.",
        1800,
        serie(("Enero", 120), ("Febrero", 135), ("Marzo", 150)),
        serie(("Abril", 160), ("Mayo", 148), ("Junio", 171)),
        884,
    ),
    ind(
        "SEGUIDORES DE LA RUTA TURÍSTICA EN REDES SOCIALES",
        "Nuevos seguidores por trimestre y total de seguidores al cierre de "
        "cada mes en las cuentas oficiales de la ruta turística del "
        "municipio.",
        6000,
        410,
        730,
        serie(("Abril", 5120), ("Mayo", 5340), ("Junio", 5600)),
    ),
    Fila(
        [
            Rico(
                [
                    ("MERCADOS CAMPESINOS", True),
                    (
                        ": Realización de mercados campesinos en el parque principal y en los "
                        "corregimientos, con participación de productores locales inscritos "
                        "en el registro municipal, para la comercialización directa de sus "
                        "productos sin intermediarios. Los mercados se programan por "
                        "temporadas; las columnas de la fila siguiente indican el periodo "
                        "al que corresponde cada dato.",
                        False,
                    ),
                ]
            ),
            None,
            None,
            None,
            None,
        ]
    ),
    Fila(["", None, "Enero a febrero", "Mayo a junio", "Enero a junio"]),
    hija("Mercados realizados", 24, 4, 5, 9),
    hija("Productores participantes", 300, 112, 138, 250),
    hija("Asistentes", 5000, 1840, 2215, 4055),
    ind(
        "FERIAS Y RUEDAS DE NEGOCIO",
        "Organización y apoyo logístico a ferias empresariales, ruedas de "
        "negocio y encuentros comerciales con compradores institucionales, "
        "grandes superficies y operadores turísticos de la región. Incluye "
        "la convocatoria de las unidades productivas, la preparación de "
        "agendas de citas de negocio, el acompañamiento durante el evento y "
        "el seguimiento posterior a los acuerdos comerciales alcanzados. En "
        "el semestre se realizaron la feria de emprendimiento femenino, la "
        "rueda de negocios agroindustrial con el aeropuerto José María "
        "Córdova y la feria de la silleta en el marco de las fiestas del "
        "municipio, con participación de expositores de los corregimientos.",
        6,
        1,
        2,
        3,
    ),
    ind(
        "FORMACIÓN PARA EL EMPLEO",
        "Cursos cortos y programas de formación para el trabajo en alianza "
        "con el SENA y las instituciones de educación para el trabajo y el "
        "desarrollo humano, dirigidos a población desempleada, jóvenes en "
        "búsqueda de primer empleo, mujeres cabeza de hogar y población con "
        "discapacidad. Las áreas de formación priorizadas fueron servicio al "
        "cliente, logística, bilingüismo para el sector turístico, "
        "manipulación de alimentos, confección y habilidades digitales. Se "
        "reportan las personas certificadas en cada trimestre; las personas "
        "que desertaron de los cursos no se incluyen en el reporte. La "
        "certificación se verifica con las actas de grado de los operadores.",
        900,
        210,
        305,
        515,
    ),
    ind(
        "VACANTES GESTIONADAS EN LA AGENCIA PÚBLICA DE EMPLEO",
        "Vacantes registradas por empresas del municipio y de la región en la "
        "agencia pública de empleo operada por la Alcaldía, con "
        "preselección de hojas de vida y remisión de candidatos. La cifra "
        "mensual corresponde a las vacantes publicadas en el Servicio "
        "Público de Empleo. Se destaca la demanda de personal del sector "
        "floricultor, de la construcción y de los servicios "
        "aeroportuarios, que concentró la mitad de las vacantes del periodo.",
        1200,
        serie(("Enero", 85), ("Febrero", 102), ("Marzo", 97)),
        serie(("Abril", 110), ("Mayo", 95), ("Junio", 130)),
        619,
    ),
    ind(
        "CRÉDITOS DE FOMENTO DESEMBOLSADOS",
        "Créditos de fomento para micro y pequeñas empresas otorgados a "
        "través del fondo municipal en convenio con la entidad financiera "
        "operadora, con tasa subsidiada y periodo de gracia de seis meses. "
        "Se cuentan los créditos efectivamente desembolsados; las "
        "solicitudes aprobadas pendientes de desembolso al corte se "
        "reportarán en el siguiente informe. El comité de crédito sesionó "
        "en febrero, abril y junio, y la mayoría de los créditos se destinó "
        "a capital de trabajo y compra de maquinaria para talleres de "
        "confección, panaderías y tiendas de barrio. La cartera del fondo "
        "presenta un indicador de mora inferior al cinco por ciento.",
        80,
        14,
        22,
        36,
    ),
    ind("TURISTAS ATENDIDOS EN PUNTOS DE INFORMACIÓN TURÍSTICA", None, 12000, 2950, 3410, 6360),
    ind(
        "CAPACITACIONES EN BUENAS PRÁCTICAS AGRÍCOLAS",
        "Jornadas de capacitación grupal a productores en buenas prácticas "
        "agrícolas, uso seguro de agroquímicos, registro de predios "
        "exportadores ante el ICA y certificación de fincas, realizadas en "
        "las casetas comunales de las veredas y en la granja demostrativa "
        "del municipio. Cada jornada cuenta con registro de asistencia y "
        "evaluación de los participantes.",
        40,
        9,
        14,
        13,
    ),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


META_PRODUCTO = "Fortalecer 600 emprendimientos y unidades productivas del municipio en el cuatrienio 2020-2023"

INFORME = Informe(
    id="rionegro_desarrollo_economico_2023",
    meta={
        "entidad": "Alcaldía de Rionegro",
        "dependencia": "Secretaría de Desarrollo Económico",
        "titulo": "INFORME DE GESTIÓN PRIMER SEMESTRE DE 2023",
        "vigencia": 2023,
        "periodo_inicio": "2023-01-01",
        "periodo_fin": "2023-06-30",
        "fecha_corte": "2023-06-30",
        "linea_estrategica": "Rionegro productivo y competitivo",
        "programa": "Desarrollo económico, empleo y turismo",
        "meta_producto": META_PRODUCTO,
    },
    encabezado_pagina=["Alcaldía de Rionegro", "Secretaría de Desarrollo Económico"],
    pie_pagina="Página {PAGINA}",
    autor="Secretaría de Desarrollo Económico",
    fecha_documento="2023-07-12T14:30:00",
    bloques=[
        p("INFORME DE GESTIÓN PRIMER SEMESTRE DE 2023", estilo="titulo"),
        p("SECRETARÍA DE DESARROLLO ECONÓMICO", estilo="titulo"),
        p("Corte: 30 de junio de 2023", estilo="subtitulo"),
        p([("LÍNEA ESTRATÉGICA: ", True), ("Rionegro productivo y competitivo", False)]),
        p([("PROGRAMA: ", True), ("Desarrollo económico, empleo y turismo", False)]),
        p([("META DE PRODUCTO: ", True), (META_PRODUCTO + ".", False)]),
        p("1. INTRODUCCIÓN", estilo="h1"),
        p(
            "La Secretaría de Desarrollo Económico presenta el avance de las "
            "actividades y los indicadores de su plan de acción con corte al 30 "
            "de junio de 2023. Para cada actividad se reporta la meta de la "
            "vigencia, lo ejecutado en cada trimestre y el acumulado del "
            "semestre; cuando la actividad se mide mes a mes, la celda presenta "
            "la cifra de cada mes."
        ),
        p("2. AVANCE DEL PLAN DE ACCIÓN", estilo="h1"),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            repetir_encabezado=False,
            tamano_letra=9,
            sombreado_encabezado="FFF2CC",
        ),
        p("3. RECURSOS", estilo="h1"),
        p(
            "Durante el primer semestre de 2023 se ejecutaron $ 845.320.000 de "
            "los $ 2.100.000.000 de recursos de inversión programados para la "
            "vigencia.",
            obs=[
                Obs(
                    "recursos_ejecutados",
                    845320000,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
                Obs(
                    "recursos_programados", 2100000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
            ],
        ),
        p("4. CONCLUSIONES", estilo="h1"),
        p(
            "La asistencia técnica agropecuaria y la agencia pública de empleo "
            "superan la mitad de la meta anual al cierre del semestre. Las "
            "ferias y los créditos de fomento requieren aceleración en el "
            "segundo semestre.",
            estilo="vineta",
        ),
    ],
)
