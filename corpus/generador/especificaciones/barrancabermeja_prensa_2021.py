"""(p) Barrancabermeja, Oficina Asesora de Comunicaciones y Prensa: informe
de gestión enero a septiembre de 2021 (second year of the 2020-2023 plan).

The same MGA codes as 2020 under new names: "Comunicados de prensa
difundidos" (2020: "Boletines de prensa publicados"), "Personas que siguen
la página de Facebook de la Alcaldía", "Episodios del podcast
institucional"… only the code says they are the same indicator. "Piezas de
diseño para redes sociales" is no longer reported. Columns "Código
indicador MGA | Indicador | Meta 2021 | Ejecutado a 30 de septiembre de
2021" (the year is not closed). Money in the narrative.
"""

from piezas import Columna, Enc, Fila, Informe, Obs, Parrafo, Tabla

ANIO = ("2021-01-01", "2021-12-31")
A_CORTE = ("2021-01-01", "2021-09-30")

COLUMNAS = [
    Columna(2.8, alineacion="centro"),
    Columna(8.0, alineacion="izquierda"),
    Columna(2.4, "meta", *ANIO),
    Columna(3.2, "ejecutado", *A_CORTE),
]

ENCABEZADO = [
    [Enc("Código indicador MGA"), Enc("Indicador"), Enc("Meta 2021"), Enc("Ejecutado a 30 de septiembre de 2021")]
]


def ind(codigo, nombre, meta, ejecutado) -> Fila:
    return Fila([codigo, nombre, meta, ejecutado], indicador=nombre)


FILAS = [
    ind("459901700", "Comunicados de prensa difundidos", 700, 512),
    ind("459901701", "Personas que siguen la página de Facebook de la Alcaldía", 30000, 29870),
    ind("459901702", "Seguidores en la red social Twitter", 7000, 6630),
    ind("459901703", "Seguidores en Instagram", 6000, 6210),
    ind("459901704", "Suscriptores en YouTube", 1500, 1460),
    ind("459901705", "Transmisiones en vivo realizadas", 60, 48),
    ind("459901706", "Seguidores en TikTok", 5000, 4120),
    ind("459901708", "Episodios del podcast institucional", 24, 17),
    ind("459901709", "Campañas de comunicación institucional", 10, 7),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="barrancabermeja_prensa_2021",
    meta={
        "entidad": "Alcaldía Distrital de Barrancabermeja",
        "dependencia": "Oficina Asesora de Comunicaciones y Prensa",
        "titulo": "INFORME DE GESTIÓN ENERO A SEPTIEMBRE DE 2021",
        "vigencia": 2021,
        "periodo_inicio": "2021-01-01",
        "periodo_fin": "2021-09-30",
        "fecha_corte": "2021-09-30",
    },
    encabezado_pagina=["Alcaldía Distrital de Barrancabermeja"],
    margen_cm=2.0,
    fuente="Verdana",
    tamano_letra=9.5,
    autor="Oficina Asesora de Comunicaciones y Prensa",
    fecha_documento="2021-10-08T11:05:00",
    bloques=[
        p("Alcaldía Distrital de Barrancabermeja", estilo="titulo"),
        p("Oficina Asesora de Comunicaciones y Prensa", estilo="titulo"),
        p("INFORME DE GESTIÓN ENERO A SEPTIEMBRE DE 2021", estilo="titulo"),
        p("Corte: 30 de septiembre de 2021", estilo="subtitulo"),
        p("Avance de las metas de producto", estilo="h1"),
        p(
            "Los indicadores conservan los códigos MGA del Plan de Desarrollo "
            "Distrital 2020-2023; sus nombres se ajustaron a la redacción del "
            "plan indicativo. La producción de piezas de diseño se reporta "
            "desde este año con las campañas."
        ),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            tamano_letra=8.5,
            filas_sin_partir=True,
            sombreado_encabezado="E2EFDA",
        ),
        p("Recursos de la vigencia", estilo="h1"),
        p(
            "Para la vigencia 2021 se programaron recursos de inversión por "
            "$ 2.600.000.000, de los cuales se ejecutaron $ 1.702.000.000 con "
            "corte al 30 de septiembre de 2021.",
            obs=[
                Obs(
                    "recursos_programados", 2600000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados",
                    1702000000,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
    ],
)
