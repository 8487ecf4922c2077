"""(j) Duitama, Departamento Administrativo de Planeación: seguimiento al plan
indicativo, primer semestre de 2022 (corte 30 de junio de 2022).

LANDSCAPE page with a WIDE table of 11 columns: "Código producto MGA |
Código indicador MGA | Producto | Indicador | Unidad | Línea base 2019 | Meta
cuatrienio | Meta 2022 | Ejecutado 2022 | Recursos apropiados | Recursos
comprometidos". MGA codes kept as text (7 and 9 digits, some with a leading
zero); section rows "Sector: ..." merged over the full width, parent of the
rows below; money in full pesos with "$" and dots; "$ 0", "-", "SL" and an
empty cell. "Meta cuatrienio" has no years in the header: the plan
2020-2023 is written in the text. "Ejecutado 2022" and the commitments end
at the cut-off date. The money columns do not say inversión or
funcionamiento, so their tipo_gasto is empty (as in Girardot); the
narrative says inversión.
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
    numero_co,
    pesos,
)

ANIO = ("2022-01-01", "2022-12-31")
A_CORTE = ("2022-01-01", "2022-06-30")
UNIDADES = {"Número": "numero", "Kilómetros": "numero", "Porcentaje": "porcentaje"}

COLUMNAS = [
    Columna(1.75, alineacion="centro"),  # Código producto MGA
    Columna(1.85, alineacion="centro"),  # Código indicador MGA
    Columna(3.9, alineacion="izquierda"),  # Producto
    Columna(3.95, alineacion="izquierda"),  # Indicador
    Columna(1.95, alineacion="centro"),  # Unidad
    Columna(1.45, "linea_base", "2019-01-01", "2019-12-31"),
    Columna(1.9, "meta_cuatrienio", "2020-01-01", "2023-12-31"),
    Columna(1.3, "meta", *ANIO),
    Columna(1.9, "ejecutado", *A_CORTE),
    Columna(2.6, "recursos_programados", *ANIO, unidad="pesos", formato=pesos("$ "), alineacion="derecha"),
    Columna(2.6, "compromisos", *A_CORTE, unidad="pesos", formato=pesos("$ "), alineacion="derecha"),
]

ENCABEZADO = [
    [
        Enc("Código producto MGA"),
        Enc("Código indicador MGA"),
        Enc("Producto"),
        Enc("Indicador"),
        Enc("Unidad"),
        Enc("Línea base 2019"),
        Enc("Meta cuatrienio"),
        Enc("Meta 2022"),
        Enc("Ejecutado 2022"),
        Enc("Recursos apropiados"),
        Enc("Recursos comprometidos"),
    ]
]


def prod(
    cod_producto, cod_indicador, producto, indicador, unidad, lb, cuatrienio, meta, ejecutado, apropiados, comprometidos
) -> Fila:
    assert cod_indicador.startswith(cod_producto)
    return Fila(
        [
            cod_producto,
            cod_indicador,
            producto,
            indicador,
            unidad,
            lb,
            cuatrienio,
            meta,
            ejecutado,
            apropiados,
            comprometidos,
        ],
        indicador=indicador,
        unidad=UNIDADES[unidad],
    )


FILAS = [
    FilaPrograma("Sector: Información estadística"),
    prod(
        "0401004",
        "040100400",
        "Servicio de estratificación socioeconómica",
        "Bases de datos de estratificación socioeconómica actualizadas",
        "Número",
        0,
        1,
        1,
        0,
        85000000,
        42500000,
    ),
    prod(
        "0401023",
        "040102300",
        "Servicio de información para la focalización del gasto social",
        "Encuestas del SISBÉN IV realizadas",
        "Número",
        12450,
        18000,
        4000,
        2315,
        210000000,
        198400000,
    ),
    FilaPrograma("Sector: Transporte"),
    prod(
        "2402041",
        "240204100",
        "Vía terciaria mejorada",
        "Vía terciaria mejorada",
        "Kilómetros",
        12,
        40,
        10,
        4.6,
        1850000000,
        1126340500,
    ),
    prod(
        "2402112",
        "240211200",
        "Vía urbana mejorada",
        "Vía urbana mejorada",
        "Kilómetros",
        2.3,
        8,
        2,
        0.8,
        3400000000,
        2987120000,
    ),
    prod(
        "2409005",
        "240900500",
        "Servicio de educación informal en seguridad vial",
        "Personas capacitadas en seguridad vial",
        "Número",
        3200,
        12000,
        3000,
        1480,
        95000000,
        61200000,
    ),
    FilaPrograma("Sector: Cultura"),
    prod(
        "3301053",
        "330105300",
        "Servicio de educación informal al sector artístico y cultural",
        "Cursos realizados",
        "Número",
        24,
        100,
        25,
        14,
        320000000,
        287650000,
    ),
    prod(
        "3301051",
        "330105100",
        "Servicio de bibliotecas",
        "Usuarios atendidos en la red municipal de bibliotecas",
        "Número",
        18500,
        80000,
        20000,
        9870,
        140000000,
        0,
    ),
    prod(
        "3302042",
        "330204200",
        "Servicio de asistencia técnica en la gestión del patrimonio",
        "Avance en la formulación del plan especial de manejo del centro histórico",
        "Porcentaje",
        "SL",
        100,
        40,
        15,
        180000000,
        "-",
    ),
    FilaPrograma("Sector: Deporte y recreación"),
    prod(
        "4301007",
        "430100700",
        "Servicio de escuelas deportivas",
        "Niños, niñas, adolescentes y jóvenes inscritos en escuelas deportivas",
        "Número",
        1450,
        2000,
        1800,
        1735,
        540000000,
        512300000,
    ),
    prod(
        "4301037",
        "430103700",
        "Servicio de promoción de la actividad física, la recreación y el deporte",
        "Personas que acceden a servicios deportivos, recreativos y de actividad física",
        "Número",
        9800,
        40000,
        10000,
        6210,
        260000000,
        118000000,
    ),
    prod(
        "4301021",
        "430102100",
        "Cancha multifuncional mejorada",
        "Canchas multifuncionales mejoradas",
        "Número",
        0,
        6,
        2,
        None,
        450000000,
        0,
    ),
    FilaPrograma("Sector: Gobierno territorial"),
    prod(
        "4599023",
        "459902300",
        "Servicio de implementación de sistemas de gestión",
        "Sistema de gestión implementado",
        "Porcentaje",
        35,
        100,
        80,
        62,
        120000000,
        96000000,
    ),
    prod(
        "4599031",
        "459903100",
        "Servicio de asistencia técnica",
        "Entidades, organismos y dependencias asistidos técnicamente",
        "Número",
        0,
        25,
        8,
        5,
        75000000,
        51000000,
    ),
]

PRODUCTOS = [f for f in FILAS if isinstance(f, Fila)]
APROPIADOS = sum(f.celdas[9] for f in PRODUCTOS)
COMPROMETIDOS = sum(f.celdas[10] for f in PRODUCTOS if not isinstance(f.celdas[10], str))
assert APROPIADOS == 7725000000


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


def pesos_texto(v) -> str:
    return "$ " + numero_co(v)


INFORME = Informe(
    id="duitama_planeacion_2022",
    meta={
        "entidad": "Alcaldía de Duitama",
        "dependencia": "Departamento Administrativo de Planeación",
        "titulo": "SEGUIMIENTO AL PLAN INDICATIVO PRIMER SEMESTRE 2022",
        "vigencia": 2022,
        "periodo_inicio": "2022-01-01",
        "periodo_fin": "2022-06-30",
        "fecha_corte": "2022-06-30",
    },
    encabezado_pagina=["Alcaldía de Duitama", "Departamento Administrativo de Planeación"],
    pie_pagina="Seguimiento Plan Indicativo 2020-2023 · Página {PAGINA}",
    horizontal=True,
    margen_cm=1.3,
    fuente="Calibri",
    tamano_letra=10,
    autor="DAP Duitama",
    fecha_documento="2022-07-22T11:15:00",
    bloques=[
        p("ALCALDÍA DE DUITAMA – DEPARTAMENTO ADMINISTRATIVO DE PLANEACIÓN", estilo="titulo"),
        p("SEGUIMIENTO AL PLAN INDICATIVO PRIMER SEMESTRE 2022", estilo="titulo"),
        p("Plan de Desarrollo Municipal 2020-2023 – Corte: 30 de junio de 2022", estilo="subtitulo"),
        p(
            "El presente informe consolida el avance de las metas de producto "
            "del plan indicativo del Plan de Desarrollo Municipal 2020-2023 con "
            "corte al 30 de junio de 2022, a partir de los reportes de las "
            "dependencias en la matriz de seguimiento. Los productos e "
            "indicadores se identifican con los códigos del catálogo de "
            "productos de la Metodología General Ajustada (MGA) del "
            "Departamento Nacional de Planeación. La meta del cuatrienio "
            "corresponde al periodo 2020-2023 y los recursos se presentan en "
            "pesos corrientes."
        ),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            repetir_encabezado=True,
            tamano_letra=7,
            sombreado_encabezado="FFE699",
            sombreado_programa="FFF2CC",
        ),
        p(
            "SL: sin línea base. El valor «$ 0» indica productos con recursos apropiados sin compromisos al corte.",
            negrita=False,
        ),
        p(
            f"Para la vigencia 2022 se programaron recursos de inversión por "
            f"{pesos_texto(APROPIADOS)} en los productos reportados, de los "
            f"cuales se ejecutaron {pesos_texto(COMPROMETIDOS)} con corte al 30 "
            f"de junio de 2022.",
            obs=[
                Obs(
                    "recursos_programados", APROPIADOS, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados",
                    COMPROMETIDOS,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
    ],
)
