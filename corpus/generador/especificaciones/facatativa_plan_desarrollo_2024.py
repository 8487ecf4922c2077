"""(u) Alcaldía de Facatativá, Secretaría de Planeación: seguimiento al plan
de desarrollo 2024-2027, vigencia 2024 (cut 31 December 2024).

A development-plan table where the RESULT (well-being) indicator, its base
line and its four-year target are cells MERGED DOWN over the rows of its
products: the merged figures belong to the result indicator, once; each
product row carries its own cuatrienio goal, 2024 goal, execution and %.
The product's parent is the result indicator of its row.
"""

from piezas import Arriba, Columna, ConObs, Enc, Fila, Informe, Obs, Parrafo, Tabla, numero_co, porcentaje

CUATRIENIO = ("2024-01-01", "2027-12-31")
ANIO = ("2024-01-01", "2024-12-31")
LB = ("2023-01-01", "2023-12-31")

COLUMNAS = [
    Columna(3.6, alineacion="izquierda"),
    Columna(1.8),
    Columna(2.6),
    Columna(4.4, alineacion="izquierda"),
    Columna(2.6, "meta_cuatrienio", *CUATRIENIO),
    Columna(1.5, "meta", *ANIO),
    Columna(2.0, "ejecutado", *ANIO),
    Columna(1.8, "avance_porcentual", *ANIO, unidad="porcentaje", formato=porcentaje(1)),
]
ENCABEZADO = [
    [
        Enc("Indicador de resultado", filas=2),
        Enc("Línea base 2023", filas=2),
        Enc("Meta de resultado 2024-2027", filas=2),
        Enc("Indicador de producto", filas=2),
        Enc("Meta cuatrienio 2024-2027", filas=2),
        Enc("Vigencia 2024", columnas=3),
    ],
    [Enc("Meta"), Enc("Ejecutado"), Enc("% avance")],
]


def grupo(resultado, lb, meta_resultado, productos, unidad="numero", signo=""):
    """Rows of one result indicator: its cells merged down over its products."""
    filas = []
    for i, (producto, cuatrienio, meta, ejecutado) in enumerate(productos):
        if i == 0:
            cabeza = [
                resultado,
                ConObs(
                    numero_co(lb) + signo, [Obs("linea_base", lb, *LB, unidad=unidad, indicador=resultado, padre="")]
                ),
                ConObs(
                    numero_co(meta_resultado) + signo,
                    [Obs("meta_cuatrienio", meta_resultado, *CUATRIENIO, unidad=unidad, indicador=resultado, padre="")],
                ),
            ]
        else:
            cabeza = [Arriba(), Arriba(), Arriba()]
        filas.append(
            Fila(
                cabeza + [producto, cuatrienio, meta, ejecutado, round(ejecutado / meta * 100, 1)],
                indicador=producto,
                padre=resultado,
            )
        )
    return filas


FILAS = (
    grupo(
        "Tasa de mortalidad en menores de 5 años (por 1.000 nacidos vivos)",
        11.2,
        9.5,
        [
            ("Niños y niñas con esquema de vacunación completo para la edad", 9600, 2400, 2315),
            ("Familias con visita de atención primaria en salud", 12000, 3000, 3240),
            ("Jornadas de tamizaje nutricional en zona rural", 48, 12, 11),
        ],
    )
    + grupo(
        "Cobertura bruta en educación superior",
        23.4,
        30,
        [
            ("Becas de educación superior otorgadas", 800, 200, 214),
            ("Estudiantes en el programa de transporte a la universidad", 2000, 500, 468),
        ],
        signo=" %",
        unidad="porcentaje",
    )
    + grupo(
        "Hogares con acceso a agua potable en zona rural",
        3150,
        3900,
        [
            ("Acueductos veredales optimizados", 12, 3, 3),
            ("Conexiones intradomiciliarias instaladas", 750, 150, 162),
            ("Tanques de almacenamiento comunitarios construidos", 20, 5, 2),
        ],
    )
)


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="facatativa_plan_desarrollo_2024",
    meta={
        "entidad": "Alcaldía de Facatativá",
        "dependencia": "Secretaría de Planeación",
        "titulo": "SEGUIMIENTO AL PLAN DE DESARROLLO 2024-2027 VIGENCIA 2024",
        "vigencia": 2024,
        "periodo_inicio": "2024-01-01",
        "periodo_fin": "2024-12-31",
        "fecha_corte": "2024-12-31",
    },
    encabezado_pagina=["Alcaldía de Facatativá", "Secretaría de Planeación"],
    pie_pagina="Página {PAGINA}",
    horizontal=True,
    margen_cm=1.8,
    fuente="Calibri",
    tamano_letra=10,
    autor="Secretaría de Planeación de Facatativá",
    fecha_documento="2025-02-10T08:45:00",
    bloques=[
        p("ALCALDÍA DE FACATATIVÁ", estilo="titulo"),
        p("Secretaría de Planeación", estilo="titulo"),
        p("SEGUIMIENTO AL PLAN DE DESARROLLO 2024-2027 VIGENCIA 2024", estilo="titulo"),
        p("Corte: 31 de diciembre de 2024", estilo="subtitulo"),
        p(
            "Cada indicador de resultado del plan se presenta con su línea base y su meta para el "
            "cuatrienio, seguido de los indicadores de producto que contribuyen a él con su meta "
            "del cuatrienio, la meta y la ejecución de la vigencia 2024."
        ),
        p("Cuadro 2. Indicadores de resultado y de producto del sector social", centrado=True, negrita=True),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            tamano_letra=8,
            sombreado_encabezado="E2EFD9",
            filas_sin_partir=True,
        ),
        p("Fuente: reportes de las secretarías de Salud, Educación y Servicios Públicos."),
    ],
)
