"""(n) Barrancabermeja, Oficina Asesora de Comunicaciones y Prensa: informe
de gestión vigencia 2019 (third year of the series; the year is closed).

The entity now writes its name "Alcaldía Distrital de Barrancabermeja" and
the office "Oficina Asesora de Comunicaciones y Prensa". Wordings drift
again: "Boletines de prensa emitidos", "Boletines internos enviados",
"Visualizaciones de videos en YouTube", "Fotografías para el banco de
imágenes"; "Boletín interno en imágenes" is no longer reported. Names
only, no description. Columns "Meta 2019 | Ejecutado 2019 | % Avance";
money in the narrative. Ruled table, Calibri.
"""

from decimal import Decimal

from piezas import Columna, Enc, Fila, Informe, Obs, Parrafo, Tabla, porcentaje

ANIO = ("2019-01-01", "2019-12-31")

COLUMNAS = [
    Columna(8.2, alineacion="izquierda"),
    Columna(2.6, "meta", *ANIO),
    Columna(2.6, "ejecutado", *ANIO),
    Columna(2.4, "avance_porcentual", *ANIO, unidad="porcentaje", formato=porcentaje(1)),
]

ENCABEZADO = [[Enc("Indicador"), Enc("Meta 2019"), Enc("Ejecutado 2019"), Enc("% Avance")]]


def ind(nombre, meta, ejecutado, unidad="numero") -> Fila:
    avance = float((Decimal(ejecutado) * 100 / Decimal(meta)).quantize(Decimal("0.1")))
    return Fila([nombre, meta, ejecutado, avance], indicador=nombre, unidad=unidad)


FILAS = [
    ind("Informativo institucional", 48, 47),
    ind("Boletines de prensa emitidos", 650, 688),
    ind("Gacetas oficiales", 6, 6),
    ind("Boletines internos enviados", 24, 22),
    ind("Seguidores en Facebook", 20000, 21340),
    ind("Seguidores en Twitter", 5000, 4870),
    ind("Seguidores en Instagram", 3500, 3920),
    ind("Suscriptores en YouTube", 900, 1015),
    ind("Visualizaciones de videos en YouTube", 15000, 18230),
    ind("Transmisiones en vivo", 40, 44),
    ind("Notas periodísticas publicadas", 800, 836),
    ind("Fotografías para el banco de imágenes", 22000, 24110),
    ind("Cartillas institucionales", 4, 4),
    ind("Campañas institucionales", 8, 9),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="barrancabermeja_prensa_2019",
    meta={
        "entidad": "Alcaldía Distrital de Barrancabermeja",
        "dependencia": "Oficina Asesora de Comunicaciones y Prensa",
        "titulo": "INFORME DE GESTIÓN VIGENCIA 2019",
        "vigencia": 2019,
        "periodo_inicio": "2019-01-01",
        "periodo_fin": "2019-12-31",
        "fecha_corte": "2019-12-31",
    },
    encabezado_pagina=["Alcaldía Distrital de Barrancabermeja"],
    margen_cm=2.2,
    fuente="Calibri",
    autor="Oficina Asesora de Comunicaciones y Prensa",
    fecha_documento="2020-01-24T08:45:00",
    bloques=[
        p("Alcaldía Distrital de Barrancabermeja", estilo="titulo"),
        p("Oficina Asesora de Comunicaciones y Prensa", estilo="titulo"),
        p("INFORME DE GESTIÓN VIGENCIA 2019", estilo="titulo"),
        p("Periodo: 1 de enero a 31 de diciembre de 2019", estilo="subtitulo"),
        p("Resultados de la vigencia", estilo="h1"),
        p(
            "Con la categoría de Distrito Especial, Portuario, Biodiverso, "
            "Industrial y Turístico, la oficina consolida los resultados de "
            "sus indicadores de gestión del año. El boletín interno en "
            "imágenes dejó de producirse en enero de 2019."
        ),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            tamano_letra=9.5,
            sombreado_encabezado="DDEBF7",
            filas_sin_partir=True,
        ),
        p("Ejecución presupuestal", estilo="h1"),
        p(
            "En la vigencia 2019 se programaron recursos de inversión por "
            "$ 2.100.000.000 y se ejecutaron $ 1.987.450.000 a 31 de diciembre "
            "de 2019.",
            obs=[
                Obs(
                    "recursos_programados", 2100000000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
                Obs(
                    "recursos_ejecutados", 1987450000, *ANIO, tipo_gasto="inversion", indicador="Recursos de inversión"
                ),
            ],
        ),
    ],
)
