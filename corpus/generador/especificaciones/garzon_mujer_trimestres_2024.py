"""(s) Alcaldía de Garzón, Secretaría de la Mujer y Equidad de Género:
informe de gestión vigencia 2024 (cut 31 December 2024).

Tables whose ROWS ARE QUARTERS: the indicator is only in the caption above
each table ("Tabla 1. Resultado del indicador de …"); the columns are
Meta / Ejecutado / % cumplimiento / Acumulado, and a last row "Total 2024"
gives the year's goal, execution and compliance (its Acumulado cell is "–").
"""

from piezas import Columna, Enc, Fila, Informe, Parrafo, Tabla, porcentaje

ANIO = ("2024-01-01", "2024-12-31")
TRIM = [
    ("2024-01-01", "2024-03-31"),
    ("2024-04-01", "2024-06-30"),
    ("2024-07-01", "2024-09-30"),
    ("2024-10-01", "2024-12-31"),
]
ETIQUETAS = ["I trimestre", "II trimestre", "III trimestre", "IV trimestre"]

COLUMNAS = [
    Columna(3.2, alineacion="izquierda"),
    Columna(2.4, "meta"),
    Columna(2.4, "ejecutado"),
    Columna(2.8, "avance_porcentual", unidad="porcentaje", formato=porcentaje(1, " ")),
    Columna(2.4, "acumulado"),
]
ENCABEZADO = [[Enc("Periodo"), Enc("Meta"), Enc("Ejecutado"), Enc("% cumplimiento"), Enc("Acumulado")]]


def tabla(indicador, metas, ejecutados, unidad="numero"):
    filas, acumulado = [], 0
    for etiqueta, (inicio, fin), meta, ejec in zip(ETIQUETAS, TRIM, metas, ejecutados):
        acumulado += ejec
        filas.append(
            Fila(
                [etiqueta, meta, ejec, round(ejec / meta * 100, 1), acumulado],
                indicador=indicador,
                unidad=unidad,
                periodos={1: (inicio, fin), 2: (inicio, fin), 3: (inicio, fin), 4: ("2024-01-01", fin)},
            )
        )
    meta_anual, total = sum(metas), sum(ejecutados)
    filas.append(
        Fila(
            ["Total 2024", meta_anual, total, round(total / meta_anual * 100, 1), "–"],
            indicador=indicador,
            unidad=unidad,
            negrita=True,
            periodos={1: ANIO, 2: ANIO, 3: ANIO},
        )
    )
    return Tabla(columnas=COLUMNAS, encabezado=ENCABEZADO, filas=filas, tamano_letra=9, sombreado_encabezado="F2DCDB")


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="garzon_mujer_trimestres_2024",
    meta={
        "entidad": "Alcaldía de Garzón",
        "dependencia": "Secretaría de la Mujer y Equidad de Género",
        "titulo": "INFORME DE GESTIÓN VIGENCIA 2024",
        "vigencia": 2024,
        "periodo_inicio": "2024-01-01",
        "periodo_fin": "2024-12-31",
        "fecha_corte": "2024-12-31",
    },
    encabezado_pagina=["Alcaldía de Garzón", "Secretaría de la Mujer y Equidad de Género"],
    pie_pagina="Página {PAGINA}",
    fuente="Cambria",
    tamano_letra=11,
    autor="Secretaría de la Mujer y Equidad de Género",
    fecha_documento="2025-01-20T16:05:00",
    bloques=[
        p("ALCALDÍA DE GARZÓN", estilo="titulo"),
        p("Secretaría de la Mujer y Equidad de Género", estilo="titulo"),
        p("INFORME DE GESTIÓN VIGENCIA 2024", estilo="titulo"),
        p("Periodo reportado: enero a diciembre de 2024", estilo="subtitulo"),
        p(
            "La Secretaría presenta el comportamiento trimestral de sus tres indicadores de "
            "producto. En cada tabla se compara lo programado con lo ejecutado en el trimestre y "
            "se lleva el acumulado del año."
        ),
        p("Tabla 1. Resultado del indicador de mujeres rurales formadas en emprendimiento", negrita=True),
        tabla("Mujeres rurales formadas en emprendimiento", [40, 60, 60, 40], [35, 71, 58, 44]),
        p("El segundo trimestre superó lo programado por la cohorte adicional de la vereda Zuluaga."),
        p(
            "Tabla 2. Resultado del indicador de atenciones psicojurídicas a mujeres víctimas de violencias",
            negrita=True,
        ),
        tabla("Atenciones psicojurídicas a mujeres víctimas de violencias", [90, 90, 90, 90], [102, 87, 95, 110]),
        p("Tabla 3. Resultado del indicador de consejos comunitarios de mujeres en funcionamiento", negrita=True),
        tabla("Consejos comunitarios de mujeres en funcionamiento", [2, 3, 3, 4], [2, 2, 3, 4]),
        p("Fuente: sistema de información de la Secretaría de la Mujer y Equidad de Género."),
    ],
)
