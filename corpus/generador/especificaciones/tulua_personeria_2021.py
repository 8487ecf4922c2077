"""(k) Personería Municipal de Tuluá: informe de gestión y rendición de cuentas
al Concejo Municipal, vigencia 2021.

A short control-body report (not an Alcaldía: the page header says
"Personería Municipal de Tuluá"). A ruled table "Actuación | Meta anual |
Realizado enero a diciembre | % Cumpl." whose header row is NOT repeated and
that continues on the second page (the continuation starts with a plain
data row); area rows merged over the full width are the parents of the rows
below; demand-driven actions have "No aplica" as meta and %.

A BORDERLESS three-column money table "Concepto | Programado | Ejecutado"
with rows "Funcionamiento", "Inversión" (tipo_gasto from the row) and
"Total" (no tipo_gasto), followed by a narrative paragraph that repeats the
figures ("el presupuesto de funcionamiento asignado fue de $ 845.000.000 y
se ejecutaron $ 801.250.000 con corte a 31 de diciembre de 2021"), which
gives "Recursos de funcionamiento" / "Recursos de inversión" observations.
"""

from piezas import (
    Columna,
    Enc,
    Fila,
    FilaPrograma,
    Informe,
    Obs,
    Parrafo,
    Tabla,
    pesos,
    porcentaje,
)

ANIO = ("2021-01-01", "2021-12-31")
NA = "No aplica"

COLUMNAS = [
    Columna(8.8, alineacion="izquierda"),
    Columna(2.0, "meta", *ANIO),
    Columna(2.6, "ejecutado", *ANIO),
    Columna(2.2, "avance_porcentual", *ANIO, unidad="porcentaje", formato=porcentaje(1)),
]

ENCABEZADO = [[Enc("Actuación"), Enc("Meta anual"), Enc("Realizado enero a diciembre"), Enc("% Cumpl.")]]


def act(nombre, meta, realizado, cumplimiento) -> Fila:
    return Fila([nombre, meta, realizado, cumplimiento], indicador=nombre)


FILAS = [
    FilaPrograma("ÁREA DE DERECHOS HUMANOS Y ATENCIÓN A VÍCTIMAS"),
    act("Declaraciones de víctimas del conflicto armado recibidas", NA, 318, NA),
    act("Acciones de tutela proyectadas a solicitud de ciudadanos", NA, 412, NA),
    act("Derechos de petición proyectados a solicitud de ciudadanos", NA, 265, NA),
    act("Orientaciones y asesorías jurídicas brindadas", 4000, 4386, 109.7),
    act("Visitas de verificación al centro penitenciario y a la estación de policía", 12, 12, 100.0),
    act("Acompañamientos a diligencias de desalojo y entrega de inmuebles", NA, 9, NA),
    act("Jornadas descentralizadas de atención en corregimientos", 10, 8, 80.0),
    act("Sesiones de la mesa municipal de participación de víctimas acompañadas", 6, 6, 100.0),
    act("Capacitaciones en derechos humanos a la comunidad", 20, 23, 115.0),
    FilaPrograma("ÁREA DE MINISTERIO PÚBLICO"),
    act("Audiencias penales atendidas como agente del Ministerio Público", 350, 337, 96.3),
    act("Procesos administrativos de restablecimiento de derechos acompañados", NA, 54, NA),
    act("Conciliaciones extrajudiciales en derecho adelantadas", 80, 71, 88.8),
    act("Procesos civiles, de familia y contencioso administrativos con intervención", NA, 46, None),
    act("Comités y consejos municipales con participación del Personero", 48, 52, 108.3),
    FilaPrograma("ÁREA DE VIGILANCIA DE LA CONDUCTA OFICIAL"),
    act("Quejas disciplinarias recibidas", NA, 27, NA),
    act("Indagaciones previas abiertas", NA, 15, NA),
    act("Investigaciones disciplinarias abiertas", NA, 6, NA),
    act("Fallos disciplinarios de primera instancia proferidos", NA, 3, NA),
    act("Procesos contractuales de la administración vigilados", 40, 44, 110.0),
    act("Visitas de control a la prestación de servicios públicos", 12, 10, 83.3),
    FilaPrograma("ÁREA DE PARTICIPACIÓN CIUDADANA"),
    act("Veedurías ciudadanas inscritas", NA, 11, "-"),
    act("Capacitaciones a veedores y organizaciones sociales", 8, 8, 100.0),
    act("Elecciones de personeros estudiantiles acompañadas", 32, 34, 106.3),
    act("Audiencias públicas de rendición de cuentas realizadas", 2, 2, 100.0),
    act("Puestos de votación vigilados en la elección de los Consejos Municipales de Juventud", 28, 28, 100.0),
]

# ---------------------------------------------------------------- money

FUNCIONAMIENTO = (845000000, 801250000)
INVERSION = (132500000, 118940000)
TOTAL = tuple(a + b for a, b in zip(FUNCIONAMIENTO, INVERSION))

DINERO = Tabla(
    columnas=[
        Columna(5.0, alineacion="izquierda"),
        Columna(3.6, "recursos_programados", *ANIO, unidad="pesos", formato=pesos("$ "), alineacion="derecha"),
        Columna(3.6, "recursos_ejecutados", *ANIO, unidad="pesos", formato=pesos("$ "), alineacion="derecha"),
    ],
    encabezado=[[Enc("Concepto"), Enc("Programado"), Enc("Ejecutado")]],
    filas=[
        Fila(["Funcionamiento", *FUNCIONAMIENTO], indicador="Funcionamiento", tipo_gasto="funcionamiento"),
        Fila(["Inversión", *INVERSION], indicador="Inversión", tipo_gasto="inversion"),
        Fila(["Total", *TOTAL], indicador="Total", negrita=True),
    ],
    bordes=False,
    tamano_letra=10,
    sombreado_encabezado=None,
)


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


INFORME = Informe(
    id="tulua_personeria_2021",
    meta={
        "entidad": "Personería Municipal de Tuluá",
        "dependencia": "Despacho del Personero Municipal",
        "titulo": "INFORME DE GESTIÓN Y RENDICIÓN DE CUENTAS VIGENCIA 2021",
        "vigencia": 2021,
        "periodo_inicio": "2021-01-01",
        "periodo_fin": "2021-12-31",
        "fecha_corte": "2021-12-31",
    },
    encabezado_pagina=["Personería Municipal de Tuluá", "Ministerio Público – Despacho del Personero Municipal"],
    fuente="Verdana",
    tamano_letra=10,
    margen_cm=3.0,
    autor="Personería Municipal de Tuluá",
    fecha_documento="2022-02-25T08:30:00",
    bloques=[
        p("PERSONERÍA MUNICIPAL DE TULUÁ", estilo="titulo"),
        p("INFORME DE GESTIÓN Y RENDICIÓN DE CUENTAS VIGENCIA 2021", estilo="titulo"),
        p("Presentado al Honorable Concejo Municipal de Tuluá", estilo="subtitulo"),
        p("Despacho del Personero Municipal – febrero de 2022", centrado=True),
        p("1. PRESENTACIÓN", negrita=True),
        p(
            "En cumplimiento de lo dispuesto en el artículo 178 de la "
            "Constitución Política, la Ley 136 de 1994 y la Ley 1757 de 2015, la "
            "Personería Municipal de Tuluá presenta al Honorable Concejo "
            "Municipal y a la ciudadanía el informe de gestión correspondiente "
            "al periodo comprendido entre el 1 de enero y el 31 de diciembre de "
            "2021."
        ),
        p(
            "Durante la vigencia la entidad mantuvo la atención presencial con "
            "protocolos de bioseguridad y fortaleció los canales virtuales de "
            "atención, lo que permitió responder a la demanda ciudadana en "
            "materia de protección de derechos, acompañamiento a víctimas, "
            "intervención judicial y vigilancia de la conducta oficial."
        ),
        p(
            "Las actuaciones que dependen de la demanda de los ciudadanos no "
            "tienen meta anual, por lo que su cumplimiento se reporta como «No "
            "aplica». Para las demás, el porcentaje de cumplimiento es la "
            "relación entre lo realizado y la meta anual de cada actuación."
        ),
        p("2. GESTIÓN POR ÁREAS MISIONALES", negrita=True),
        Tabla(
            columnas=COLUMNAS,
            encabezado=ENCABEZADO,
            filas=FILAS,
            repetir_encabezado=False,
            tamano_letra=9,
            sombreado_encabezado="D0CECE",
            sombreado_programa=None,
            filas_sin_partir=True,
        ),
        p("3. EJECUCIÓN PRESUPUESTAL", negrita=True),
        DINERO,
        p(
            "Para la vigencia 2021 el presupuesto de funcionamiento asignado fue "
            "de $ 845.000.000 y se ejecutaron $ 801.250.000 con corte a 31 de "
            "diciembre de 2021, es decir el 94,8 %. Para inversión, destinada al "
            "proyecto de fortalecimiento de la atención a víctimas y de la "
            "plataforma tecnológica de la entidad, se asignaron $ 132.500.000 y "
            "se ejecutaron $ 118.940.000.",
            obs=[
                Obs(
                    "recursos_programados",
                    FUNCIONAMIENTO[0],
                    *ANIO,
                    tipo_gasto="funcionamiento",
                    indicador="Recursos de funcionamiento",
                ),
                Obs(
                    "recursos_ejecutados",
                    FUNCIONAMIENTO[1],
                    *ANIO,
                    tipo_gasto="funcionamiento",
                    indicador="Recursos de funcionamiento",
                ),
                Obs(
                    "recursos_programados",
                    INVERSION[0],
                    *ANIO,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
                Obs(
                    "recursos_ejecutados",
                    INVERSION[1],
                    *ANIO,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
        p("4. DIFICULTADES", negrita=True),
        p(
            "La planta de personal de la Personería es reducida frente a la "
            "demanda de atención, en especial en la recepción de declaraciones "
            "de víctimas y en el acompañamiento a audiencias penales.",
            estilo="vineta",
        ),
        p("Cordialmente,"),
        p("Original firmado", negrita=True),
        p("Personero Municipal de Tuluá"),
    ],
)
