"""(o) Barrancabermeja, Oficina Asesora de Comunicaciones y Prensa: informe
de gestión primer semestre de 2020, first year of a NEW development plan
(2020-2023).

The plan change: the products carry MGA indicator codes (9 digits, kept as
text); "Informativo institucional", "Gacetas oficiales", "Boletines
internos", "Notas periodísticas", "Cartillas" and "Fotografías" are no
longer indicators; "Seguidores en TikTok" and "Podcast institucional"
appear; "Piezas de diseño para redes sociales" comes back (it was in 2017).
Columns "Código indicador MGA | Indicador de producto | Unidad | Meta 2020 |
Ejecutado I semestre 2020" (cut June 30th). Money in the narrative.
"""

from piezas import Columna, Enc, Fila, Informe, Obs, Parrafo, Tabla

ANIO = ("2020-01-01", "2020-12-31")
SEMESTRE = ("2020-01-01", "2020-06-30")

COLUMNAS = [
    Columna(2.6, alineacion="centro"),
    Columna(7.0, alineacion="izquierda"),
    Columna(2.0, alineacion="centro"),
    Columna(2.3, "meta", *ANIO),
    Columna(2.8, "ejecutado", *SEMESTRE),
]

ENCABEZADO = [
    [
        Enc("Código indicador MGA"),
        Enc("Indicador de producto"),
        Enc("Unidad"),
        Enc("Meta 2020"),
        Enc("Ejecutado I semestre 2020"),
    ]
]


def ind(codigo, nombre, meta, ejecutado) -> Fila:
    return Fila([codigo, nombre, "Número", meta, ejecutado], indicador=nombre)


FILAS = [
    ind("459901700", "Boletines de prensa publicados", 700, 356),
    ind("459901701", "Seguidores en Facebook", 25000, 24120),
    ind("459901702", "Seguidores en Twitter", 6000, 5480),
    ind("459901703", "Seguidores en Instagram", 5000, 4650),
    ind("459901704", "Suscriptores del canal de YouTube", 1300, 1190),
    ind("459901705", "Transmisiones en vivo", 60, 41),
    ind("459901706", "Seguidores en TikTok", 2000, 860),
    ind("459901707", "Piezas de diseño para redes sociales", 2400, 1315),
    ind("459901708", "Podcast institucional", 24, 10),
    ind("459901709", "Campañas institucionales", 10, 4),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="barrancabermeja_prensa_2020",
    meta={
        "entidad": "Alcaldía Distrital de Barrancabermeja",
        "dependencia": "Oficina Asesora de Comunicaciones y Prensa",
        "titulo": "INFORME DE GESTIÓN PRIMER SEMESTRE DE 2020",
        "vigencia": 2020,
        "periodo_inicio": "2020-01-01",
        "periodo_fin": "2020-06-30",
        "fecha_corte": "2020-06-30",
    },
    encabezado_pagina=["Alcaldía Distrital de Barrancabermeja"],
    margen_cm=2.0,
    autor="Oficina Asesora de Comunicaciones y Prensa",
    fecha_documento="2020-07-15T16:20:00",
    bloques=[
        p("INFORME DE GESTIÓN PRIMER SEMESTRE DE 2020", estilo="titulo"),
        p("Oficina Asesora de Comunicaciones y Prensa", estilo="titulo"),
        p("Alcaldía Distrital de Barrancabermeja", estilo="titulo"),
        p("Fecha de corte: 30 de junio de 2020", estilo="subtitulo"),
        p("1. Plan de Desarrollo Distrital 2020-2023", estilo="h1"),
        p(
            "Con el nuevo plan de desarrollo, los productos de la oficina se "
            "miden con indicadores del catálogo de productos de la MGA. "
            "Algunos indicadores del plan anterior dejaron de medirse y se "
            "incluyeron nuevos canales digitales."
        ),
        p("2. Avance de los indicadores de producto", estilo="h1"),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            tamano_letra=9,
            filas_sin_partir=True,
            sombreado_encabezado="D9E2F3",
        ),
        p("3. Recursos", estilo="h1"),
        p(
            "Para la vigencia 2020 se programaron recursos de inversión por "
            "$ 2.400.000.000, de los cuales se ejecutaron $ 874.300.000 con "
            "corte al 30 de junio de 2020.",
            obs=[
                Obs(
                    "recursos_programados", 2400000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados",
                    874300000,
                    *SEMESTRE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
    ],
)
