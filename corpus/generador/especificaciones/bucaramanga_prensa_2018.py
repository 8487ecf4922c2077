"""(q) Bucaramanga, Oficina de Prensa y Comunicaciones: informe de gestión
enero a junio de 2018. Another municipality whose indicators share their
names with Barrancabermeja's ("Boletines de prensa", "Seguidores en
Twitter", "Seguidores en Facebook", "Transmisiones en vivo", "Campañas
institucionales"): they must never be linked across entities.

Columns "Meta 2018 | Ejecutado enero a marzo de 2018 | Ejecutado abril a
junio de 2018 | Total a junio 30" (quarters: ejecutado; total: acumulado).
Names only. Ruled table, Georgia.
"""

from piezas import Columna, Enc, Fila, Informe, Obs, Parrafo, Tabla

ANIO = ("2018-01-01", "2018-12-31")
T1 = ("2018-01-01", "2018-03-31")
T2 = ("2018-04-01", "2018-06-30")
A_CORTE = ("2018-01-01", "2018-06-30")

COLUMNAS = [
    Columna(6.6, alineacion="izquierda"),
    Columna(2.2, "meta", *ANIO),
    Columna(2.6, "ejecutado", *T1),
    Columna(2.6, "ejecutado", *T2),
    Columna(2.4, "acumulado", *A_CORTE),
]

ENCABEZADO = [
    [
        Enc("Indicador"),
        Enc("Meta 2018"),
        Enc("Ejecutado enero a marzo de 2018"),
        Enc("Ejecutado abril a junio de 2018"),
        Enc("Total a junio 30"),
    ]
]


def ind(nombre, meta, t1, t2, total) -> Fila:
    return Fila([nombre, meta, t1, t2, total], indicador=nombre)


FILAS = [
    ind("Boletines de prensa", 900, 231, 247, 478),
    ind("Seguidores en Facebook", 120000, 104500, 109870, 109870),
    ind("Seguidores en Twitter", 60000, 51200, 53340, 53340),
    ind("Transmisiones en vivo", 80, 18, 22, 40),
    ind("Campañas institucionales", 12, 3, 4, 7),
    ind("Ruedas de prensa", 48, 11, 14, 25),
    ind("Free press gestionado", 150, 34, 41, 75),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="bucaramanga_prensa_2018",
    meta={
        "entidad": "Alcaldía de Bucaramanga",
        "dependencia": "Oficina de Prensa y Comunicaciones",
        "titulo": "INFORME DE GESTIÓN ENERO A JUNIO DE 2018",
        "vigencia": 2018,
        "periodo_inicio": "2018-01-01",
        "periodo_fin": "2018-06-30",
        "fecha_corte": "2018-06-30",
    },
    encabezado_pagina=["Alcaldía de Bucaramanga"],
    margen_cm=2.2,
    fuente="Georgia",
    autor="Oficina de Prensa y Comunicaciones",
    fecha_documento="2018-07-20T09:10:00",
    bloques=[
        p("Alcaldía de Bucaramanga", estilo="titulo"),
        p("Oficina de Prensa y Comunicaciones", estilo="titulo"),
        p("INFORME DE GESTIÓN ENERO A JUNIO DE 2018", estilo="titulo"),
        p("Corte: 30 de junio de 2018", estilo="subtitulo"),
        p("Indicadores de la oficina", estilo="h1"),
        p(
            "La tabla presenta la meta del año, lo ejecutado en cada trimestre "
            "y el total del semestre. Para las redes sociales el total es el "
            "número de seguidores al 30 de junio."
        ),
        Tabla(columnas=COLUMNAS, encabezado=ENCABEZADO, filas=FILAS, tamano_letra=9, filas_sin_partir=True),
        p("Recursos", estilo="h1"),
        p(
            "Para la vigencia 2018 se programaron recursos de inversión por "
            "$ 3.200.000.000, de los cuales se ejecutaron $ 1.410.560.000 con "
            "corte al 30 de junio de 2018.",
            obs=[
                Obs(
                    "recursos_programados", 3200000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados",
                    1410560000,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
    ],
)
