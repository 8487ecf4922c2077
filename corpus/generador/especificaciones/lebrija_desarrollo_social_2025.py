"""(u) Alcaldía de Lebrija, Secretaría de Desarrollo Social: seguimiento al
plan de desarrollo, vigencia 2025 (cut 31 December 2025).

A WORD TABLE WITHOUT BORDERS whose product names wrap over three to six
lines in a narrow first column and whose figures are CENTRED VERTICALLY in
their cells (Word's "Alinear al centro"), with no paragraph spacing inside
the cells: in the PDF the first lines of each name come before its figures
and nothing but the centring tells which row they belong to. One name is a
single line, one band row names the programme (full width, shaded).
"""

from piezas import Columna, Enc, Fila, FilaPrograma, Informe, Parrafo, Tabla, porcentaje

ANIO = ("2025-01-01", "2025-12-31")

COLUMNAS = [
    Columna(4.0, alineacion="izquierda"),
    Columna(2.6, "meta", *ANIO),
    Columna(2.6, "ejecutado", *ANIO),
    Columna(2.6, "avance_porcentual", *ANIO, unidad="porcentaje", formato=porcentaje(1)),
]
ENCABEZADO = [[Enc("Meta de producto"), Enc("Meta 2025"), Enc("Ejecutado 2025"), Enc("% de cumplimiento")]]


def fila(nombre, meta, ejecutado, avance):
    return Fila([nombre, meta, ejecutado, avance], indicador=nombre)


FILAS = [
    FilaPrograma("Programa: Lebrija incluyente con sus adultos mayores"),
    fila(
        "Adultos mayores atendidos con complemento alimentario en los centros vida del área urbana y rural",
        1200,
        1150,
        95.8,
    ),
    fila("Jornadas de promoción de los derechos de la población con discapacidad realizadas", 12, 14, 116.7),
    fila(
        "Hogares rurales focalizados vinculados a la estrategia municipal de seguridad alimentaria y nutricional",
        400,
        362,
        90.5,
    ),
    fila("Casas de la juventud dotadas", 2, 1, 50.0),
    FilaPrograma("Programa: Mujeres que transforman"),
    fila("Mujeres cabeza de hogar formadas en emprendimiento y acceso a crédito", 150, 171, 114.0),
    fila(
        "Campañas de prevención de las violencias basadas en género realizadas en instituciones educativas",
        6,
        4,
        66.7,
    ),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="lebrija_desarrollo_social_2025",
    meta={
        "entidad": "Alcaldía de Lebrija",
        "dependencia": "Secretaría de Desarrollo Social",
        "titulo": "SEGUIMIENTO AL PLAN DE DESARROLLO – VIGENCIA 2025",
        "vigencia": 2025,
        "periodo_inicio": "2025-01-01",
        "periodo_fin": "2025-12-31",
        "fecha_corte": "2025-12-31",
    },
    encabezado_pagina=["Alcaldía de Lebrija"],
    pie_pagina="Página {PAGINA}",
    fuente="Calibri",
    tamano_letra=11,
    autor="Secretaría de Desarrollo Social",
    fecha_documento="2026-01-20T09:15:00",
    bloques=[
        p("ALCALDÍA DE LEBRIJA", estilo="titulo"),
        p("Secretaría de Desarrollo Social", estilo="titulo"),
        p("SEGUIMIENTO AL PLAN DE DESARROLLO – VIGENCIA 2025", estilo="titulo"),
        p("Corte: 31 de diciembre de 2025", estilo="subtitulo"),
        p(
            "La Secretaría presenta el cumplimiento de las metas de producto a su cargo durante la "
            "vigencia. El porcentaje de cumplimiento compara lo ejecutado con la meta del año."
        ),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            bordes=False,
            centrado_vertical=True,
            tamano_letra=10,
            sombreado_encabezado=None,
        ),
        p("Fuente: Secretaría de Desarrollo Social, sistema de seguimiento del plan."),
    ],
)
