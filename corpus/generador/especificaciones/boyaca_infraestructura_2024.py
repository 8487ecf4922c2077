"""(h) Gobernación de Boyacá, Secretaría de Infraestructura Pública: informe
de seguimiento al plan de acción 2024 con corte a 30 de septiembre de 2024.

A department (not a municipality): the page header says "Gobernación de
Boyacá". Two tables with quarterly columns:

- Table 1, TWO-LEVEL header: "No. meta", "Meta de producto", "Unidad de
  medida", "Meta vigencia 2024", "Avance acumulado" and "% de ejecución
  física" merged vertically; "Ejecución física 2024" merged over "T1 | T2 |
  T3". Program rows merged over the full width. Plan-local meta ids
  ("MP-101"). Meta texts that contain no figures, units in a "Unidad de
  medida" column ("Número", "Porcentaje", "Kilómetros"); the Porcentaje rows
  carry the % sign; decimals with comma ("12,5"); a "-" and an empty cell.
- Table 2, one header row "Indicador | Unidad de medida | Meta vigencia 2024
  | Trimestre I | Trimestre II | Trimestre III | Avance acumulado".

Money only in one narrative sentence (recursos de inversión).

Inconsistency kept on purpose: "Municipios atendidos con el banco de
maquinaria" reports 48 accumulated while the quarters add up to 55 (the note
under the table says the accumulated counts distinct municipalities).
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
    porcentaje,
)

ANIO = ("2024-01-01", "2024-12-31")
A_CORTE = ("2024-01-01", "2024-09-30")
T1 = ("2024-01-01", "2024-03-31")
T2 = ("2024-04-01", "2024-06-30")
T3 = ("2024-07-01", "2024-09-30")

UNIDADES = {"Número": "numero", "Kilómetros": "numero", "Porcentaje": "porcentaje"}

# ---------------------------------------------------------------- table 1

COLUMNAS_1 = [
    Columna(1.4, alineacion="centro"),  # No. meta
    Columna(4.5, alineacion="izquierda"),  # Meta de producto
    Columna(1.95, alineacion="centro"),  # Unidad de medida
    Columna(1.75, "meta", *ANIO),
    Columna(1.3, "ejecutado", *T1),
    Columna(1.3, "ejecutado", *T2),
    Columna(1.3, "ejecutado", *T3),
    Columna(2.1, "acumulado", *A_CORTE),
    Columna(2.3, "avance_porcentual", *A_CORTE, unidad="porcentaje", formato=porcentaje(1)),
]

ENCABEZADO_1 = [
    [
        Enc("No. meta", filas=2),
        Enc("Meta de producto", filas=2),
        Enc("Unidad de medida", filas=2),
        Enc("Meta vigencia 2024", filas=2),
        Enc("Ejecución física 2024", columnas=3),
        Enc("Avance acumulado", filas=2),
        Enc("% de ejecución física", filas=2),
    ],
    [Enc("T1"), Enc("T2"), Enc("T3")],
]


def meta(codigo, texto, unidad, meta_2024, t1, t2, t3, acumulado, avance) -> Fila:
    return Fila(
        [codigo, texto, unidad, meta_2024, t1, t2, t3, acumulado, avance], indicador=texto, unidad=UNIDADES[unidad]
    )


FILAS_1 = [
    FilaPrograma("Programa 3.1. Infraestructura vial para la competitividad regional"),
    meta(
        "MP-101",
        "Pavimentar kilómetros de la red vial secundaria departamental",
        "Kilómetros",
        12.5,
        0,
        3.2,
        4.1,
        7.3,
        58.4,
    ),
    meta(
        "MP-102",
        "Mantener kilómetros de la red vial secundaria y terciaria a cargo del departamento",
        "Kilómetros",
        850,
        180,
        215.5,
        240,
        635.5,
        74.8,
    ),
    meta("MP-103", "Construir puentes vehiculares en la red vial departamental", "Número", 4, 0, 1, 0, 1, 25.0),
    meta(
        "MP-104",
        "Avance de obra del puente sobre el río Chicamocha en el sector de Capitanejo",
        "Porcentaje",
        60,
        10,
        15,
        20,
        45,
        75.0,
    ),
    meta(
        "MP-105",
        "Atender sitios críticos por emergencia invernal en vías departamentales",
        "Número",
        30,
        9,
        14,
        6,
        29,
        96.7,
    ),
    FilaPrograma("Programa 3.2. Gestión y planificación de la infraestructura de transporte"),
    meta(
        "MP-118", "Elaborar estudios y diseños para proyectos de infraestructura vial", "Número", 6, 1, 2, "-", 3, 50.0
    ),
    meta(
        "MP-119",
        "Construir placa huella en vías terciarias en convenio con los municipios",
        "Kilómetros",
        18,
        2.35,
        4.8,
        5.1,
        12.25,
        68.1,
    ),
    meta(
        "MP-120",
        "Municipios con inventario vial actualizado sobre el total de municipios del departamento",
        "Porcentaje",
        40,
        5,
        12,
        8,
        25,
        62.5,
    ),
    meta("MP-121", "Señalizar kilómetros de vías departamentales", "Kilómetros", 120, None, 35, 41.6, 76.6, 63.8),
    meta("MP-122", "Implementar el sistema de gestión de la red vial departamental", "Número", 1, 0, 0, 0, 0, 0.0),
]

# ---------------------------------------------------------------- table 2

COLUMNAS_2 = [
    Columna(5.0, alineacion="izquierda"),
    Columna(2.1, alineacion="centro"),
    Columna(2.0, "meta", *ANIO),
    Columna(2.05, "ejecutado", *T1),
    Columna(2.05, "ejecutado", *T2),
    Columna(2.1, "ejecutado", *T3),
    Columna(2.3, "acumulado", *A_CORTE),
]

ENCABEZADO_2 = [
    [
        Enc("Indicador"),
        Enc("Unidad de medida"),
        Enc("Meta vigencia 2024"),
        Enc("Trimestre I"),
        Enc("Trimestre II"),
        Enc("Trimestre III"),
        Enc("Avance acumulado"),
    ]
]


def ind(nombre, unidad, meta_2024, t1, t2, t3, acumulado) -> Fila:
    return Fila([nombre, unidad, meta_2024, t1, t2, t3, acumulado], indicador=nombre, unidad=UNIDADES[unidad])


FILAS_2 = [
    ind("Municipios atendidos con el banco de maquinaria departamental", "Número", 60, 14, 22, 19, 48),
    ind("Vías terciarias rehabilitadas con maquinaria amarilla", "Kilómetros", 400, 95, 118.5, 102, 315.5),
    ind("Horas máquina de apoyo a la atención de emergencias", "Número", 6000, 1420, 1985, 1210, 4615),
    ind("Disponibilidad operativa del parque de maquinaria", "Porcentaje", 85, 78, 82, 86, 82),
    ind("Mantenimientos preventivos al parque de maquinaria realizados", "Número", 240, 58, 64, 71, 193),
]


def p(texto, **kw) -> Parrafo:
    return Parrafo(texto, **kw)


LINEA = "Boyacá conectada, competitiva y sostenible"

INFORME = Informe(
    id="boyaca_infraestructura_2024",
    meta={
        "entidad": "Gobernación de Boyacá",
        "dependencia": "Secretaría de Infraestructura Pública",
        "titulo": "INFORME DE SEGUIMIENTO PLAN DE ACCIÓN VIGENCIA 2024",
        "vigencia": 2024,
        "periodo_inicio": "2024-01-01",
        "periodo_fin": "2024-09-30",
        "fecha_corte": "2024-09-30",
        "linea_estrategica": LINEA,
    },
    encabezado_pagina=["Gobernación de Boyacá", "Secretaría de Infraestructura Pública"],
    pie_pagina="Plan de Acción 2024 – Seguimiento con corte a 30 de septiembre | Página {PAGINA}",
    margen_cm=1.8,
    tamano_letra=10,
    autor="Secretaría de Infraestructura Pública - Gobernación de Boyacá",
    fecha_documento="2024-10-18T09:40:00",
    titulos_con_estilo=True,
    bloques=[
        p("GOBERNACIÓN DE BOYACÁ", estilo="titulo"),
        p("Secretaría de Infraestructura Pública", estilo="titulo"),
        p("INFORME DE SEGUIMIENTO PLAN DE ACCIÓN VIGENCIA 2024", estilo="titulo"),
        p(
            "Periodo evaluado: enero a septiembre de 2024 – Fecha de corte: 30 de septiembre de 2024",
            estilo="subtitulo",
        ),
        p([("Plan Departamental de Desarrollo: ", True), ("2024-2027", False)]),
        p([("Línea estratégica: ", True), (LINEA, False)]),
        p("1. Introducción", estilo="h1"),
        p(
            "En cumplimiento del artículo 29 de la Ley 152 de 1994 y del "
            "procedimiento de seguimiento del Departamento Administrativo de "
            "Planeación, la Secretaría de Infraestructura Pública presenta el "
            "avance físico de las metas de producto de su plan de acción para la "
            "vigencia 2024, discriminado por trimestre, junto con el avance "
            "acumulado y el porcentaje de ejecución física frente a la meta de "
            "la vigencia."
        ),
        p(
            "La información corresponde a los reportes de las interventorías, "
            "las actas de recibo parcial de obra y los informes de la Dirección "
            "de Maquinaria y Equipo, consolidados por la oficina de planeación "
            "sectorial."
        ),
        p("2. Avance físico de las metas de producto", estilo="h1"),
        p("Tabla 1. Metas de producto del plan de acción 2024", centrado=True, negrita=True),
        Tabla(
            columnas=COLUMNAS_1,
            encabezado=ENCABEZADO_1,
            filas=FILAS_1,
            repetir_encabezado=True,
            tamano_letra=7.5,
            sombreado_encabezado="D9E2F3",
            sombreado_programa="F2F2F2",
        ),
        p(
            "El trimestre sin dato (T1 de la meta MP-121) corresponde al periodo "
            "de adjudicación del contrato de señalización; la meta MP-118 no "
            "registra entregas de estudios en el tercer trimestre.",
            estilo="normal",
        ),
        p("3. Metas de gestión de la Dirección de Maquinaria y Equipo", estilo="h1"),
        p("Tabla 2. Indicadores de gestión del banco de maquinaria", centrado=True, negrita=True),
        Tabla(
            columnas=COLUMNAS_2, encabezado=ENCABEZADO_2, filas=FILAS_2, tamano_letra=8, sombreado_encabezado="E2EFD9"
        ),
        p(
            "Nota: el avance acumulado de municipios atendidos cuenta municipios "
            "distintos; un mismo municipio pudo recibir maquinaria en más de un "
            "trimestre."
        ),
        p("4. Ejecución de recursos", estilo="h1"),
        p(
            "Con corte a 30 de septiembre de 2024 la Secretaría ha ejecutado "
            "$ 96.731.450.218 de los $ 148.560.000.000 de recursos de inversión "
            "programados para la vigencia 2024, equivalentes al 65,1 %.",
            obs=[
                Obs(
                    "recursos_ejecutados",
                    96731450218,
                    *A_CORTE,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
                Obs(
                    "recursos_programados",
                    148560000000,
                    *ANIO,
                    tipo_gasto="inversion",
                    indicador="Recursos de inversión",
                ),
            ],
        ),
        p("5. Alertas y recomendaciones", estilo="h1"),
        p(
            "La construcción de puentes vehiculares presenta rezago por la "
            "demora en la expedición de permisos de ocupación de cauce; se "
            "solicitará la reprogramación de dos puentes para el primer "
            "semestre de 2025.",
            estilo="vineta",
        ),
        p(
            "El sistema de gestión de la red vial departamental depende de la "
            "transferencia del inventario por parte de los municipios; a la "
            "fecha se cuenta con el 25 % de los municipios con inventario "
            "actualizado.",
            estilo="vineta",
        ),
    ],
)
