"""(r) Alcaldía de Cajicá, Secretaría de Planeación y Desarrollo Territorial:
seguimiento al plan de desarrollo, vigencia 2023 (cut 31 December 2023).

A WIDE follow-up table (landscape, 19 grid columns) split into ruled blocks
by narrow spacer columns without rulings; a two-level header where the upper
level names the measure and the lower one the year: "Línea base" over "Año |
Valor", "Logro esperado" over 2020…2023, "Valor obtenido" over 2020…2023,
"Avance %" over 2020…2023. The base-line year is a cell of each row (the
base-line value's period). "N/A" where a year had no goal.
"""

from piezas import Columna, Enc, Fila, Informe, Parrafo, Tabla, porcentaje

ANIOS = [2020, 2021, 2022, 2023]


def _anio(a):
    return (f"{a}-01-01", f"{a}-12-31")


def _espacio():
    return Columna(0.3, espaciador=True)


COLUMNAS = (
    [Columna(4.4, alineacion="izquierda"), Columna(1.2), Columna(1.4, "linea_base"), _espacio()]
    + [Columna(1.35, "meta", *_anio(a)) for a in ANIOS]
    + [_espacio()]
    + [Columna(1.35, "ejecutado", *_anio(a)) for a in ANIOS]
    + [_espacio()]
    + [Columna(1.6, "avance_porcentual", *_anio(a), unidad="porcentaje", formato=porcentaje(1, " ")) for a in ANIOS]
)
LB = 2  # grid column of the base-line value

ENCABEZADO = [
    [
        Enc("Indicador", filas=2),
        Enc("Línea base", columnas=2),
        Enc("", filas=2),
        Enc("Logro esperado", columnas=4),
        Enc("", filas=2),
        Enc("Valor obtenido", columnas=4),
        Enc("", filas=2),
        Enc("Avance %", columnas=4),
    ],
    [Enc("Año"), Enc("Valor")] + [Enc(str(a)) for a in ANIOS] * 3,
]


def indicador(nombre, anio_lb, lb, esperado, obtenido, avance, unidad="numero"):
    celdas = [nombre, str(anio_lb), lb, None, *esperado, None, *obtenido, None, *avance]
    return Fila(celdas, indicador=nombre, unidad=unidad, periodos={LB: (f"{anio_lb}-01-01", f"{anio_lb}-12-31")})


NA = "N/A"
FILAS = [
    indicador(
        "Emprendimientos juveniles acompañados con capital semilla",
        2019,
        35,
        [20, 40, 40, 30],
        [18, 42, 37, 31],
        [90.0, 105.0, 92.5, 103.3],
    ),
    indicador(
        "Unidades productivas rurales con asistencia técnica",
        2019,
        410,
        [150, 200, 250, 250],
        [162, 188, 251, 240],
        [108.0, 94.0, 100.4, 96.0],
    ),
    indicador(
        "Ferias de economía campesina realizadas", 2019, 4, [NA, 6, 8, 8], [NA, 5, 8, 9], [NA, 83.3, 100.0, 112.5]
    ),
    indicador(
        "Personas vinculadas laboralmente a través de la agencia de empleo",
        2019,
        1240,
        [800, 1200, 1500, 1500],
        [655, 1310, 1487, 1622],
        [81.9, 109.2, 99.1, 108.1],
    ),
    indicador(
        "Tasa de formalización empresarial",
        2018,
        38.5,
        [40, 42, 44, 46],
        [39.1, 41.8, 45.2, 46.7],
        [97.8, 99.5, 102.7, 101.5],
        unidad="porcentaje",
    ),
    indicador("Rutas turísticas señalizadas", 2019, 1, [1, 1, 2, 1], [0, 1, 2, 1], [0.0, 100.0, 100.0, 100.0]),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="cajica_seguimiento_pdm_2023",
    meta={
        "entidad": "Alcaldía de Cajicá",
        "dependencia": "Secretaría de Planeación y Desarrollo Territorial",
        "titulo": "INFORME DE SEGUIMIENTO AL PLAN DE DESARROLLO VIGENCIA 2023",
        "vigencia": 2023,
        "periodo_inicio": "2023-01-01",
        "periodo_fin": "2023-12-31",
        "fecha_corte": "2023-12-31",
    },
    encabezado_pagina=["Alcaldía de Cajicá", "Secretaría de Planeación y Desarrollo Territorial"],
    pie_pagina="Seguimiento PDM – Página {PAGINA}",
    horizontal=True,
    margen_cm=1.5,
    fuente="Arial",
    tamano_letra=10,
    autor="Secretaría de Planeación y Desarrollo Territorial",
    fecha_documento="2024-01-26T10:15:00",
    bloques=[
        p("ALCALDÍA DE CAJICÁ", estilo="titulo"),
        p("Secretaría de Planeación y Desarrollo Territorial", estilo="titulo"),
        p("INFORME DE SEGUIMIENTO AL PLAN DE DESARROLLO VIGENCIA 2023", estilo="titulo"),
        p("Fecha de corte: 31 de diciembre de 2023", estilo="subtitulo"),
        p(
            "El cuadro presenta, para cada indicador del componente de desarrollo económico, la "
            "línea base con su año, el logro esperado y el valor obtenido en cada año del "
            "cuatrienio y el porcentaje de avance anual reportado por la dependencia responsable."
        ),
        p("Cuadro 1. Seguimiento anual de los indicadores de desarrollo económico", centrado=True, negrita=True),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            tamano_letra=7,
            sombreado_encabezado="DEEAF6",
            filas_sin_partir=True,
        ),
        p(
            "N/A: el indicador no tuvo logro esperado en ese año. Fuente: reportes de la "
            "Dirección de Desarrollo Económico y de la agencia pública de empleo."
        ),
    ],
)
