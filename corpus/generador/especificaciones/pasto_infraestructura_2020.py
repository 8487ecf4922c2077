"""(d) Pasto, Secretaría de Infraestructura y Valorización: informe de gestión
enero a septiembre de 2020.

TWO-LEVEL HEADER with merged cells: "Indicador" and "Unidad de medida" merged
vertically over both header rows; "Meta física" merged over "Programada 2020
| Ejecutada 2020"; "Recursos de inversión (en millones de pesos)" merged over
"Programados | Ejecutados". Money cells are in millions (gold x 1e6).
"Ejecutada 2020" ends at the cut-off date (2020-09-30).
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    Informe,
    Obs,
    Parrafo,
    Tabla,
    cantidad,
    numero_co,
)

ANIO = ("2020-01-01", "2020-12-31")
A_CORTE = ("2020-01-01", "2020-09-30")
MILLONES = cantidad(decimales=2)

COLUMNAS = [
    Columna(5.6, alineacion="izquierda"),
    Columna(2.3, alineacion="izquierda"),
    Columna(2.4, "meta", *ANIO),
    Columna(2.2, "ejecutado", *A_CORTE),
    Columna(
        2.6,
        "recursos_programados",
        *ANIO,
        unidad="pesos",
        tipo_gasto="inversion",
        escala=1_000_000,
        formato=MILLONES,
        alineacion="derecha",
    ),
    Columna(
        2.3,
        "recursos_ejecutados",
        *A_CORTE,
        unidad="pesos",
        tipo_gasto="inversion",
        escala=1_000_000,
        formato=MILLONES,
        alineacion="derecha",
    ),
]

ENCABEZADO = [
    [
        Enc("Indicador", filas=2),
        Enc("Unidad de medida", filas=2),
        Enc("Meta física", columnas=2),
        Enc("Recursos de inversión (en millones de pesos)", columnas=2),
    ],
    [Enc("Programada 2020"), Enc("Ejecutada 2020"), Enc("Programados"), Enc("Ejecutados")],
]


def ind(nombre, unidad, programada, ejecutada, programados, ejecutados):
    return Fila([nombre, unidad, programada, ejecutada, programados, ejecutados], indicador=nombre)


FILAS = [
    ind("Vías urbanas pavimentadas", "Kilómetros", 4.5, 3.2, 6850, 4120.35),
    ind("Vías rurales mejoradas", "Kilómetros", 25, 18.6, 3200.5, 2015.8),
    ind("Placa huella construida en vías terciarias", "Metros lineales", 1800, 1150, 1450, 880.25),
    ind("Andenes construidos", "Metros cuadrados", 6000, 4350, 1120.4, 786.9),
    ind("Puentes peatonales construidos", "Número", 2, 1, 2300, 1180.6),
    ind("Escenarios deportivos mejorados", "Número", 6, 2, 950, 312.45),
    ind("Estudios y diseños de infraestructura elaborados", "Número", 5, 3, 680, 402.1),
    ind("Sedes de juntas de acción comunal adecuadas", "Número", 10, 4, 400, 165.75),
    ind("Parques intervenidos", "Número", 8, 0, 760, "-"),
    ind("Vías urbanas con mantenimiento rutinario", "Kilómetros", 40, 31.7, 1900, 1388.6),
]

# Narrative totals in pesos = column sums (millions) x 1e6.
PROGRAMADOS = round(sum(f.celdas[4] for f in FILAS) * 1_000_000)
EJECUTADOS = round(sum(f.celdas[5] for f in FILAS if not isinstance(f.celdas[5], str)) * 1_000_000)
PORCENTAJE = numero_co(round(EJECUTADOS / PROGRAMADOS * 100, 1), 1)


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="pasto_infraestructura_2020",
    meta={
        "entidad": "Alcaldía de Pasto",
        "dependencia": "Secretaría de Infraestructura y Valorización",
        "titulo": "INFORME DE GESTIÓN ENERO A SEPTIEMBRE DE 2020",
        "vigencia": 2020,
        "periodo_inicio": "2020-01-01",
        "periodo_fin": "2020-09-30",
        "fecha_corte": "2020-09-30",
        "pilar": "Pasto, territorio conectado y sostenible",
        "programa": "Infraestructura vial y espacio público",
    },
    encabezado_pagina=["Alcaldía de Pasto", "Secretaría de Infraestructura y Valorización"],
    margen_cm=2.2,
    autor="SIV Pasto",
    fecha_documento="2020-10-09T08:45:00",
    titulos_con_estilo=True,
    bloques=[
        p("ALCALDÍA DE PASTO", estilo="titulo"),
        p("SECRETARÍA DE INFRAESTRUCTURA Y VALORIZACIÓN", estilo="titulo"),
        p("INFORME DE GESTIÓN ENERO A SEPTIEMBRE DE 2020", estilo="titulo"),
        p("Con corte a 30 de septiembre de 2020", estilo="subtitulo"),
        p([("PILAR: ", True), ("Pasto, territorio conectado y sostenible", False)]),
        p([("PROGRAMA: ", True), ("Infraestructura vial y espacio público", False)]),
        p("1. Contexto", estilo="h1"),
        p(
            "Durante los primeros nueve meses de 2020 la ejecución de obras se "
            "vio afectada por las medidas de aislamiento preventivo obligatorio. "
            "A partir de junio se reactivaron los frentes de obra con protocolos "
            "de bioseguridad, lo que permitió recuperar el ritmo de ejecución "
            "física en vías urbanas y rurales."
        ),
        p("2. Metas físicas y recursos", estilo="h1"),
        p(
            "La siguiente tabla presenta, por indicador, la meta física "
            "programada para 2020, lo ejecutado con corte a 30 de septiembre y "
            "los recursos de inversión asociados."
        ),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            repetir_encabezado=True,
            tamano_letra=8,
            sombreado_encabezado="C6E0B4",
        ),
        p(
            f"De los $ {numero_co(PROGRAMADOS)} de recursos de inversión "
            f"programados para 2020, con corte al 30 de septiembre se ejecutaron "
            f"$ {numero_co(EJECUTADOS)}, es decir el {PORCENTAJE} %.",
            obs=[
                Obs(
                    "recursos_programados",
                    PROGRAMADOS,
                    *ANIO,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
                Obs(
                    "recursos_ejecutados",
                    EJECUTADOS,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
        p("3. Dificultades y acciones de mejora", estilo="h1"),
        p(
            "La intervención de parques quedó aplazada al último trimestre por "
            "la reprogramación de recursos para la atención de la emergencia "
            "sanitaria.",
            estilo="vineta",
        ),
        p(
            "Se priorizará la terminación de los puentes peatonales y de las "
            "obras de placa huella antes del cierre de la vigencia.",
            estilo="vineta",
        ),
    ],
)
