"""(t) Alcaldía de Tocancipá, Secretaría de Obras Públicas e Infraestructura:
informe de gestión, primer semestre de 2024 (cut 30 June 2024).

VALUES WITH UNITS INSIDE THE CELLS ("45 km", "12 und.", "6.200 m²",
"1.350 ml") in a ruled table "Meta de producto | Línea base 2023 | Meta 2024
| Ejecutado a junio 2024 | % avance"; a reduction goal written as a NEGATIVE
IN PARENTHESES ("(4) und.", "(6) und."), "N.D." and "Por demanda" cells
(no observation).
"""

from piezas import Columna, Enc, Fila, Informe, Num, Parrafo, Tabla, numero_co, porcentaje

ANIO = ("2024-01-01", "2024-12-31")
A_CORTE = ("2024-01-01", "2024-06-30")
LB = ("2023-01-01", "2023-12-31")

COLUMNAS = [
    Columna(5.6, alineacion="izquierda"),
    Columna(2.2, "linea_base", *LB),
    Columna(2.2, "meta", *ANIO),
    Columna(2.4, "ejecutado", *A_CORTE),
    Columna(2.0, "avance_porcentual", *A_CORTE, unidad="porcentaje", formato=porcentaje(1)),
]
ENCABEZADO = [
    [Enc("Meta de producto"), Enc("Línea base 2023"), Enc("Meta 2024"), Enc("Ejecutado a junio 2024"), Enc("% avance")]
]


def u(valor, unidad):
    """A figure with its unit in the cell; negatives in parentheses."""
    texto = numero_co(abs(valor))
    return Num(valor, f"({texto}) {unidad}" if valor < 0 else f"{texto} {unidad}")


def fila(nombre, lb, meta, ejecutado, avance):
    return Fila([nombre, lb, meta, ejecutado, avance], indicador=nombre)


FILAS = [
    fila("Vías urbanas pavimentadas", u(38.5, "km"), u(45, "km"), u(21.3, "km"), 47.3),
    fila("Placa huella construida en vías rurales", u(2350, "ml"), u(1350, "ml"), u(620, "ml"), 45.9),
    fila("Espacio público recuperado en el casco urbano", u(14800, "m²"), u(6200, "m²"), u(6450, "m²"), 104.0),
    fila("Puentes peatonales construidos", u(3, "und."), u(2, "und."), u(0, "und."), 0.0),
    fila(
        "Variación neta de puntos críticos de accidentalidad vial", u(27, "und."), u(-4, "und."), u(-6, "und."), 150.0
    ),
    fila("Luminarias LED instaladas", "N.D.", u(850, "und."), u(512, "und."), 60.2),
    fila("Atención de emergencias viales", "N.D.", "Por demanda", u(12, "und."), "N/A"),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="tocancipa_obras_unidades_2024",
    meta={
        "entidad": "Alcaldía de Tocancipá",
        "dependencia": "Secretaría de Obras Públicas e Infraestructura",
        "titulo": "INFORME DE GESTIÓN PRIMER SEMESTRE 2024",
        "vigencia": 2024,
        "periodo_inicio": "2024-01-01",
        "periodo_fin": "2024-06-30",
        "fecha_corte": "2024-06-30",
    },
    encabezado_pagina=["Alcaldía de Tocancipá", "Secretaría de Obras Públicas e Infraestructura"],
    pie_pagina="Página {PAGINA}",
    fuente="Arial",
    tamano_letra=10,
    autor="Secretaría de Obras Públicas e Infraestructura",
    fecha_documento="2024-07-12T11:30:00",
    bloques=[
        p("ALCALDÍA DE TOCANCIPÁ", estilo="titulo"),
        p("Secretaría de Obras Públicas e Infraestructura", estilo="titulo"),
        p("INFORME DE GESTIÓN PRIMER SEMESTRE 2024", estilo="titulo"),
        p("Periodo: enero a junio de 2024 – corte 30 de junio de 2024", estilo="subtitulo"),
        p(
            "A continuación se relaciona el avance de las metas de producto a cargo de la "
            "Secretaría. Las cifras se expresan en la unidad de medida de cada meta; las "
            "reducciones se escriben entre paréntesis."
        ),
        p("Tabla 1. Avance de metas de producto", centrado=True, negrita=True),
        Tabla(columnas=COLUMNAS, encabezado=ENCABEZADO, filas=FILAS, tamano_letra=8.5, sombreado_encabezado="E7E6E6"),
        p("km: kilómetros; ml: metros lineales; m²: metros cuadrados; und.: unidades. N.D.: no disponible."),
    ],
)
