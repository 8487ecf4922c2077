"""(u) Alcaldía de Montería, Secretaría de Desarrollo Rural y Ambiente:
informe de gestión, vigencia 2024.

BULLETS WITHOUT A LABEL: each result is a sentence that never names its
indicator ("Se entregaron 1.240 kits de semillas de una meta de 1.500
(82,7 %)"); the name is what the achieved figure counts, with the verb's
participle, or the sentence's subject for a rate. Then SMALL "CONCEPTO |
VALOR" TABLES, one measure per row, each under its caption "Tabla N.
<indicator>".
"""

from piezas import Columna, ConObs, Enc, Fila, Informe, Obs, Parrafo, Tabla, numero_co

ANIO = ("2024-01-01", "2024-12-31")


def obs(medida, valor, indicador, unidad="numero", periodo=ANIO):
    return Obs(medida, valor, *periodo, unidad=unidad, indicador=indicador)


def vineta(texto, indicador=None, ejecutado=None, meta=None, avance=None, unidad="numero") -> Parrafo:
    """A bullet and the figures its sentence gives of `indicador`."""
    cifras = [("ejecutado", ejecutado, unidad), ("meta", meta, unidad), ("avance_porcentual", avance, "porcentaje")]
    return Parrafo(texto, estilo="vineta", obs=[obs(m, v, indicador, u) for m, v, u in cifras if v is not None])


KITS = "Kits de semillas entregados"
VIAS = "Kilómetros de vías terciarias mejoradas"
TASA = "Tasa de informalidad en la tenencia de la tierra"
PREDIOS = "Predios rurales titulados"

VINETAS = [
    vineta(
        "Se entregaron 1.240 kits de semillas de una meta de 1.500 (82,7 %), priorizando a las familias de las "
        "veredas altas.",
        KITS,
        1240,
        1500,
        82.7,
    ),
    vineta(
        "Se mejoraron 18,5 km de vías terciarias de los 20,0 km previstos (92,5 %).",
        VIAS,
        18.5,
        20,
        92.5,
    ),
    vineta(
        "La tasa de informalidad en la tenencia de la tierra bajó de 41,0 % en 2023 a 37,5 % en 2024; la meta "
        "para la vigencia era 38,0 %.",
        TASA,
        37.5,
        38,
        unidad="porcentaje",
    ),
    vineta(
        "Fueron titulados 64 predios rurales, de 80 programados para el año (80,0 %).",
        PREDIOS,
        64,
        80,
        80,
    ),
    vineta("Se realizaron 6 ferias campesinas con 80 expositores."),  # a count without a target
]

CAJAS = [
    ("Hectáreas reforestadas con especies nativas", "Hectáreas", "numero", 35, 20, 18.5, 92.5),
    ("Productores con asistencia técnica agropecuaria", "Número", "numero", 1420, 600, 648, 108.0),
]


def _caja(n, nombre, unidad_texto, unidad, base, meta, ejecutado, avance):
    def celda(medida, valor, texto, u=unidad, periodo=ANIO):
        return ConObs(texto, [obs(medida, valor, nombre, u, periodo)])

    filas = [
        Fila(["Unidad de medida", unidad_texto]),
        Fila(["Línea base", celda("linea_base", base, numero_co(base), periodo=(None, None))]),
        Fila(["Meta 2024", celda("meta", meta, numero_co(meta))]),
        Fila(["Ejecutado 2024", celda("ejecutado", ejecutado, numero_co(ejecutado))]),
        Fila(["% cumplimiento", celda("avance_porcentual", avance, f"{numero_co(avance, 1)}%", "porcentaje")]),
    ]
    return [
        Parrafo(f"Tabla {n}. {nombre}", negrita=True),
        Tabla(
            columnas=[Columna(5.0, alineacion="izquierda"), Columna(3.5, alineacion="derecha")],
            encabezado=[[Enc("Concepto"), Enc("Valor")]],
            filas=filas,
            tamano_letra=9,
        ),
        Parrafo("Las actividades se adelantaron con las juntas de acción comunal de cada vereda."),
    ]


INFORME = Informe(
    id="monteria_desarrollo_rural_2024",
    meta={
        "entidad": "Alcaldía de Montería",
        "dependencia": "Secretaría de Desarrollo Rural y Ambiente",
        "titulo": "INFORME DE GESTIÓN VIGENCIA 2024",
        "vigencia": 2024,
        "periodo_inicio": "2024-01-01",
        "periodo_fin": "2024-12-31",
        "fecha_corte": "2024-12-31",
    },
    encabezado_pagina=["Alcaldía de Montería", "Secretaría de Desarrollo Rural y Ambiente"],
    pie_pagina="Página {PAGINA}",
    fuente="Calibri",
    tamano_letra=10.5,
    autor="Secretaría de Desarrollo Rural y Ambiente",
    fecha_documento="2025-01-20T09:00:00",
    bloques=[
        Parrafo("ALCALDÍA DE MONTERÍA", estilo="titulo"),
        Parrafo("Secretaría de Desarrollo Rural y Ambiente", estilo="titulo"),
        Parrafo("INFORME DE GESTIÓN VIGENCIA 2024", estilo="titulo"),
        Parrafo("1. Principales logros", estilo="h1"),
        Parrafo("Durante la vigencia la Secretaría alcanzó los siguientes resultados:"),
        *VINETAS,
        Parrafo("2. Resultados por indicador", estilo="h1"),
        *[b for n, caja in enumerate(CAJAS, 1) for b in _caja(n, *caja)],
    ],
)
