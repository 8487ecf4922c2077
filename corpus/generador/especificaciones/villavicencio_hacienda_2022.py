"""(e) Villavicencio, Secretaría de Hacienda: ejecución presupuestal de gastos,
primer trimestre de 2022.

Budget-execution table: rows by tipo de gasto (FUNCIONAMIENTO and INVERSIÓN
subtotal rows, their detail rows below, TOTAL GASTOS), a "Fuente" column,
and a two-level header whose top cell says the money is "en miles de pesos"
(gold x 1000). Medidas apropiacion_definitiva, compromisos, obligaciones,
pagos; the % of execution (compromisos / presupuesto definitivo) is printed
but is no figure of its own (esquemas/convenciones.md: a ratio of money
columns that are read).

Inconsistency kept on purpose: "Deporte y recreación" reports pagos larger
than obligaciones.
"""

from piezas import (
    Columna,
    ConObs,
    Enc,
    Fila,
    Informe,
    Parrafo,
    Tabla,
    cantidad,
    numero_co,
)

ANIO = ("2022-01-01", "2022-12-31")
TRIMESTRE = ("2022-01-01", "2022-03-31")


def miles(medida, inicio, fin) -> Columna:
    return Columna(2.7, medida, inicio, fin, unidad="pesos", escala=1000, formato=cantidad(), alineacion="derecha")


COLUMNAS = [
    Columna(4.3, alineacion="izquierda"),
    Columna(1.5, alineacion="centro"),
    miles("apropiacion_definitiva", *ANIO),
    miles("compromisos", *TRIMESTRE),
    miles("obligaciones", *TRIMESTRE),
    miles("pagos", *TRIMESTRE),
    Columna(1.4, alineacion="centro"),  # % Ejec.: printed, no observation
]

ENCABEZADO = [
    [
        Enc("Concepto", filas=2),
        Enc("Fuente", filas=2),
        Enc("Ejecución de gastos (en miles de pesos)", columnas=4),
        Enc("% Ejec.", filas=2),
    ],
    [Enc("Presupuesto definitivo"), Enc("Compromisos"), Enc("Obligaciones"), Enc("Pagos")],
]

# (concepto, fuente, definitivo, compromisos, obligaciones, pagos), in miles.
FUNCIONAMIENTO = [
    ("Gastos de personal", "ICLD", 62480350, 15870220, 14120500, 14120500),
    ("Adquisición de bienes y servicios", "ICLD", 18950000, 9845301, 3210440, 2980116),
    ("Transferencias corrientes", "ICLD", 21300400, 5120000, 5120000, 4870000),
    ("Gastos por tributos, multas, sanciones e intereses de mora", "ICLD", 1250000, 320450, 320450, 320450),
]
INVERSION = [
    ("Educación", "SGP", 310540700, 98450321, 72114890, 70980100),
    ("Salud y protección social", "SGP", 420300000, 135880410, 104330500, 104330500),
    ("Agua potable y saneamiento básico", "SGP", 38760000, 6430900, 2110000, 1980400),
    ("Transporte", "ICLD", 95400000, 12300750, 4560220, 4100000),
    ("Deporte y recreación", "SGP", 9870000, 1950300, 820100, 845600),
    ("Gobierno territorial", "ICLD", 24650000, 7980451, 3440780, 3120000),
]


def pct(definitivo, compromisos) -> float:
    return round(compromisos / definitivo * 100, 1)


def sumas(filas) -> list[int]:
    return [sum(f[k] for f in filas) for k in range(2, 6)]


def fila(nombre, fuente, valores, tipo_gasto, padre="", negrita=False, sombreado=None) -> Fila:
    return Fila(
        [nombre, fuente, *valores, ConObs(numero_co(pct(valores[0], valores[1]), 1) + "%")],
        indicador=nombre,
        padre=padre,
        tipo_gasto=tipo_gasto,
        negrita=negrita,
        sombreado=sombreado,
    )


def bloque(titulo, detalle, tipo_gasto) -> list[Fila]:
    filas = [fila(titulo, "", sumas(detalle), tipo_gasto, negrita=True, sombreado="F2F2F2")]
    filas += [fila(n, f, v, tipo_gasto, padre=titulo) for n, f, *v in detalle]
    return filas


TOTAL = sumas(FUNCIONAMIENTO + INVERSION)
FILAS = (
    bloque("FUNCIONAMIENTO", FUNCIONAMIENTO, "funcionamiento")
    + bloque("INVERSIÓN", INVERSION, "inversion")
    + [fila("TOTAL GASTOS", "", TOTAL, None, negrita=True, sombreado="D9D9D9")]
)


def porcion(k: int) -> str:
    return numero_co(round(TOTAL[k] / TOTAL[0] * 100, 1), 1)


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="villavicencio_hacienda_2022",
    meta={
        "entidad": "Alcaldía de Villavicencio",
        "dependencia": "Secretaría de Hacienda",
        "titulo": "INFORME DE EJECUCIÓN PRESUPUESTAL DE GASTOS PRIMER TRIMESTRE 2022",
        "vigencia": 2022,
        "periodo_inicio": "2022-01-01",
        "periodo_fin": "2022-03-31",
        "fecha_corte": "2022-03-31",
    },
    encabezado_pagina=["Alcaldía de Villavicencio", "Secretaría de Hacienda – Dirección de Presupuesto"],
    pie_pagina="Página {PAGINA}",
    margen_cm=1.8,
    autor="Dirección de Presupuesto",
    fecha_documento="2022-04-20T16:20:00",
    bloques=[
        p("INFORME DE EJECUCIÓN PRESUPUESTAL DE GASTOS PRIMER TRIMESTRE 2022", estilo="titulo"),
        p("Secretaría de Hacienda – Alcaldía de Villavicencio", estilo="subtitulo"),
        p("Con corte a 31 de marzo de 2022", estilo="subtitulo"),
        p("1. OBJETIVO", estilo="h1"),
        p(
            "Presentar al Concejo Municipal y a la ciudadanía el estado de la "
            "ejecución del presupuesto de gastos del municipio durante el primer "
            "trimestre de la vigencia fiscal 2022, por tipo de gasto y concepto, "
            "en sus etapas de compromiso, obligación y pago."
        ),
        p("2. EJECUCIÓN DEL PRESUPUESTO DE GASTOS", estilo="h1"),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            tamano_letra=8,
            sombreado_encabezado="D9D9D9",
            repetir_encabezado=True,
        ),
        p(
            "ICLD: ingresos corrientes de libre destinación. SGP: Sistema General "
            "de Participaciones. % Ejec.: compromisos sobre presupuesto "
            "definitivo."
        ),
        p("3. ANÁLISIS", estilo="h1"),
        p(
            f"A 31 de marzo de 2022 los compromisos representan el {porcion(1)} % "
            f"del presupuesto definitivo de gastos, las obligaciones el "
            f"{porcion(2)} % y los pagos el {porcion(3)} %. El comportamiento es "
            "consistente con el primer trimestre de vigencias anteriores, en el "
            "que se concentran la contratación de personal de apoyo y los "
            "compromisos del Sistema General de Participaciones."
        ),
        p(
            "En inversión, los sectores de salud y educación concentran la mayor "
            "parte de los compromisos por la continuidad del régimen subsidiado "
            "y de la prestación del servicio educativo."
        ),
    ],
)
