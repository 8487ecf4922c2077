"""(b) Girardot, Secretaría de Salud: product-indicator follow-up, April to
June 2018. Landscape page; one long table over several pages whose header
row repeats on each page (w:tblHeader); 9-digit MGA codes kept as text (some
with a leading zero); program heading rows merged over the full width that
are the parent of the rows below; a narrative sentence with money.

Inconsistency kept on purpose: "Mujeres atendidas..." reports 65,5 % of
advance where 1.130 / 2.000 is 56,5 %.
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    FilaPrograma,
    Informe,
    Obs,
    Parrafo,
    Tabla,
    pesos,
    porcentaje,
)

ANIO = ("2018-01-01", "2018-12-31")
A_CORTE = ("2018-01-01", "2018-06-30")

COLUMNAS = [
    Columna(2.1, alineacion="centro"),  # Código
    Columna(5.0, alineacion="izquierda"),  # Indicador
    Columna(1.6, "linea_base", None, None),
    Columna(2.2, "meta_cuatrienio", "2016-01-01", "2019-12-31"),
    Columna(1.6, "meta", *ANIO),
    Columna(2.1, "ejecutado", "2018-04-01", "2018-06-30"),
    Columna(2.3, "acumulado", *A_CORTE),
    Columna(1.7, "avance_porcentual", *A_CORTE, unidad="porcentaje", formato=porcentaje(1)),
    Columna(3.1, "recursos_programados", *ANIO, unidad="pesos", formato=pesos("$ "), alineacion="derecha"),
    Columna(3.1, "recursos_ejecutados", *A_CORTE, unidad="pesos", formato=pesos("$ "), alineacion="derecha"),
]

ENCABEZADO = [
    [
        Enc("Código"),
        Enc("Indicador de producto"),
        Enc("Línea base"),
        Enc("Meta cuatrienio 2016-2019"),
        Enc("Meta 2018"),
        Enc("Ejecutado abril a junio"),
        Enc("Acumulado a 30 de junio"),
        Enc("% Avance"),
        Enc("Recursos programados"),
        Enc("Recursos ejecutados"),
    ]
]


def ind(
    codigo, nombre, linea_base, meta_cuatrienio, meta_2018, ejecutado, acumulado, avance, programados, ejecutados
) -> Fila:
    return Fila(
        [codigo, nombre, linea_base, meta_cuatrienio, meta_2018, ejecutado, acumulado, avance, programados, ejecutados],
        indicador=nombre,
    )


FILAS = [
    FilaPrograma("Programa: Salud pública"),
    ind(
        "190505412",
        "Estrategias de promoción de la salud en modos, condiciones y estilos de vida saludables implementadas",
        1,
        4,
        1,
        0,
        0,
        0.0,
        42000000,
        8400000,
    ),
    ind(
        "190502702",
        "Estrategias de gestión del riesgo para enfermedades inmunoprevenibles implementadas",
        1,
        4,
        1,
        1,
        1,
        100.0,
        65000000,
        31250000,
    ),
    ind(
        "190502103",
        "Mujeres atendidas con campañas de gestión del riesgo en temas de salud sexual y reproductiva",
        1850,
        8000,
        2000,
        640,
        1130,
        65.5,
        48500000,
        22780000,
    ),
    ind(
        "190505404",
        "Estrategias de promoción de la salud en temas de salud mental y convivencia social pacífica implementadas",
        0,
        4,
        1,
        1,
        1,
        100.0,
        36000000,
        17900000,
    ),
    ind(
        "190502002",
        "Estrategias de gestión del riesgo en temas de consumo de sustancias psicoactivas implementadas",
        "SL",
        3,
        1,
        0,
        0,
        0.0,
        25000000,
        "-",
    ),
    ind(
        "190505401",
        "Personas atendidas con estrategias de promoción de la salud",
        12400,
        60000,
        15000,
        4215,
        7960,
        53.1,
        30000000,
        14600000,
    ),
    ind(
        "190502802",
        "Estrategias de gestión para temas de consumo, "
        "aprovechamiento biológico, calidad e inocuidad de los alimentos "
        "implementadas",
        1,
        4,
        1,
        0,
        1,
        100.0,
        18000000,
        9000000,
    ),
    FilaPrograma("Programa: Vigilancia en salud pública"),
    ind("190503701", "Documentos de análisis de salud pública elaborados", 1, 4, 1, 0, 0, 0.0, 20000000, 6000000),
    ind(
        "190502900",
        "Entidades territoriales con servicio de suministro de "
        "insumos para el manejo de eventos de interés en salud pública",
        1,
        1,
        1,
        1,
        1,
        100.0,
        15000000,
        7500000,
    ),
    ind(
        "190504302",
        "Estrategias de gestión del riesgo para abordar situaciones endemo-epidémicas implementadas",
        1,
        4,
        1,
        1,
        1,
        100.0,
        55000000,
        26400000,
    ),
    FilaPrograma("Programa: Inspección, vigilancia y control"),
    ind(
        "190304201",
        "Establecimientos abiertos al público vigilados y controlados",
        2100,
        9600,
        2400,
        715,
        1288,
        53.7,
        60000000,
        29500000,
    ),
    ind("190301600", "Auditorías y visitas inspectivas realizadas", 24, 96, 24, 6, 11, 45.8, 22000000, 10100000),
    ind("190302800", "Preguntas, quejas, reclamos y denuncias gestionadas", 180, 800, 200, 64, 122, 61.0, "-", "-"),
    ind(
        "190305700",
        "Municipios con acciones de promoción, prevención, vigilancia y control de vectores y zoonosis realizadas",
        1,
        1,
        1,
        1,
        1,
        100.0,
        70000000,
        35600000,
    ),
    FilaPrograma("Programa: Aseguramiento y prestación integral de servicios de salud"),
    ind(
        "190604400",
        "Personas afiliadas al régimen subsidiado",
        48350,
        52000,
        50500,
        49812,
        49812,
        98.6,
        553500000,
        319620300.50,
    ),
    ind(
        "190600402",
        "Personas no afiliadas atendidas con servicios de salud diferente de población migrante",
        950,
        4000,
        1000,
        287,
        534,
        53.4,
        95000000,
        48700000,
    ),
    ind(
        "190602900",
        "Instituciones Prestadoras de Servicios de Salud asistidas técnicamente",
        12,
        15,
        15,
        4,
        9,
        60.0,
        12000000,
        5400000,
    ),
    ind("190603200", "Personas con capacidad de pago afiliadas", 0, 400, 100, 18, 31, 31.0, "-", "-"),
    ind("190602203", "Ambulancias TAB (Transporte Asistencial Básico) disponibles", 2, 3, 1, 0, 0, 0.0, 120000000, 0),
    FilaPrograma("Programa: Información en salud"),
    ind("040110200", "Sistemas de información implementados", 0, 1, 1, 0, 0, 0.0, 45000000, 12000000),
    ind("040110300", "Documentos metodológicos elaborados", 0, 2, 1, 1, 1, 100.0, 10000000, 4500000),
    ind("190501506", "Documentos de planeación con seguimiento realizados", 4, 16, 4, 1, 2, 50.0, 8000000, 3200000),
]

# The narrative totals are the column sums of the table.
PROGRAMADO = 1350000000
EJECUTADO = 612450300.50
assert sum(f.celdas[8] for f in FILAS if isinstance(f, Fila) and isinstance(f.celdas[8], int)) == PROGRAMADO
assert (
    abs(sum(f.celdas[9] for f in FILAS if isinstance(f, Fila) and isinstance(f.celdas[9], (int, float))) - EJECUTADO)
    < 1e-6
)


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="girardot_salud_2018",
    meta={
        "entidad": "Alcaldía de Girardot",
        "dependencia": "Secretaría de Salud",
        "titulo": "Informe de seguimiento al plan de desarrollo abril a junio de 2018",
        "vigencia": 2018,
        "periodo_inicio": "2018-04-01",
        "periodo_fin": "2018-06-30",
        "fecha_corte": "2018-06-30",
        "linea_estrategica": "Girardot saludable y con bienestar social",
    },
    encabezado_pagina=["Alcaldía de Girardot", "Secretaría de Salud"],
    pie_pagina="Seguimiento Plan de Desarrollo 2016-2019 – Página {PAGINA}",
    horizontal=True,
    margen_cm=1.5,
    autor="Secretaría de Salud - Girardot",
    fecha_documento="2018-07-16T15:10:00",
    titulos_con_estilo=True,
    bloques=[
        p("Alcaldía de Girardot", estilo="titulo"),
        p("Secretaría de Salud", estilo="titulo"),
        p("Informe de seguimiento al plan de desarrollo abril a junio de 2018", estilo="titulo"),
        p("Fecha de corte: 30 de junio de 2018", estilo="subtitulo"),
        p([("LÍNEA ESTRATÉGICA: ", True), ("Girardot saludable y con bienestar social", False)]),
        p([("SECTOR: ", True), ("Salud y protección social", False)]),
        p("1. Presentación", estilo="h1"),
        p(
            "La Secretaría de Salud presenta el seguimiento trimestral a las "
            "metas de producto del Plan de Desarrollo Municipal 2016-2019 a su "
            "cargo. Para cada indicador se reporta la línea base, la meta del "
            "cuatrienio, la meta programada para la vigencia 2018, lo ejecutado "
            "en el trimestre abril a junio y lo acumulado en el año con corte al "
            "30 de junio de 2018, junto con los recursos programados y "
            "ejecutados por indicador."
        ),
        p(
            "La información fue consolidada a partir de los reportes de los "
            "referentes de cada dimensión del Plan Territorial de Salud y de los "
            "registros presupuestales de la Secretaría de Hacienda."
        ),
        p("2. Avance de las metas de producto", estilo="h1"),
        p(
            "Tabla 1. Seguimiento a los indicadores de producto con corte a 30 de junio de 2018",
            centrado=True,
            negrita=True,
        ),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            repetir_encabezado=True,
            tamano_letra=8,
            sombreado_encabezado="BDD7EE",
            sombreado_programa="DEEAF6",
        ),
        p("3. Ejecución de recursos", estilo="h1"),
        p(
            "Para la vigencia 2018 se programaron recursos de inversión por "
            "$ 1.350.000.000, de los cuales se ejecutaron $ 612.450.300,50 con "
            "corte al 30 de junio de 2018.",
            obs=[
                Obs(
                    "recursos_programados", PROGRAMADO, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados",
                    EJECUTADO,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
        p(
            "La mayor parte de la ejecución corresponde a la continuidad del "
            "aseguramiento en el régimen subsidiado y a las acciones del Plan de "
            "Intervenciones Colectivas contratadas con la ESE municipal."
        ),
        p("4. Dificultades", estilo="h1"),
        p(
            "La adquisición de la ambulancia de transporte asistencial básico "
            "quedó supeditada a la cofinanciación departamental, por lo que no "
            "registra ejecución en el periodo.",
            estilo="vineta",
        ),
        p(
            "El análisis de situación de salud (ASIS) se encuentra en revisión "
            "por parte de la Secretaría de Salud de Cundinamarca.",
            estilo="vineta",
        ),
        p("5. Conclusiones", estilo="h1"),
        p(
            "Con corte al 30 de junio de 2018, quince de los veintidós indicadores "
            "de producto alcanzan o superan la mitad de la meta programada para "
            "la vigencia. Se recomienda priorizar en el segundo semestre las "
            "metas sin avance."
        ),
    ],
)
