"""Build the spreadsheet reports of the corpus (xlsxwriter; no LibreOffice).

    python corpus/generador/generar_hojas.py          # every workbook, gold and meta
    python corpus/generador/generar_hojas.py chia_seguimiento_plan_indicativo_2024

Three synthetic workbooks in the layouts of the real ones (none copies a
real file; entities, names and figures are made up):

* `sesquile_plan_indicativo_2024.xlsx`: a DNP SisPT "plan indicativo"
  export: sheets "Líneas estratégicas", "Indicadores de resultado", "Plan
  indicativo - Productos" (a group row "PARTE ESTRATÉGICA | PLAN
  INDICATIVO" over the header on row 2; MGA codes as text with leading
  zeros; programación per year; 14 funding sources + Total per year),
  "Plan indicativo SGR - Productos" (header only) and "Iniciativas SGR";
* `chia_seguimiento_plan_indicativo_2024.xlsx`: a municipal tracker: title
  rows, a three-row header (year → T1..T4, Total → Planeado / Ejecutado,
  % avance), eje and programa merged down their rows, a zero-padded number
  format for the goal code ("007"), percent-formatted cells, formulas with
  cached values (totals and % avance), a hidden column and a hidden row
  (not read: a person does not see them; its goal is not in the gold) and
  two hidden sheets (not read);
* `palmira_plan_accion_2024.xlsx`: an action-plan tracker by organismo (as
  Cali's Cuadro 1S): a summary sheet with a two-row header, then one sheet
  per organismo with hierarchical rows (D/L/P/I levels with their codes,
  project rows "Pr" with the project's % and budget, product rows with the
  goal, the execution, % physical execution and budget), dates, and
  percentages computed by formulas.

Every gold row follows esquemas/convenciones.md and the annotation notes of
corpus/README.md; the gold has the optional column `fuente_financiacion`
(funding source of money columns such as "SGP salud 2024"). The output is
deterministic (fixed document dates; xlsxwriter writes fixed zip times).
"""

from __future__ import annotations

import argparse
import csv
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Optional

import xlsxwriter
import yaml

CORPUS = Path(__file__).resolve().parent.parent
INFORMES_DIR = CORPUS / "informes"  # the workbooks
GOLD_DIR = CORPUS / "gold"  # their gold and meta
COLUMNAS_GOLD = [
    "indicador",
    "indicador_padre",
    "medida",
    "periodo_inicio",
    "periodo_fin",
    "valor",
    "unidad",
    "tipo_gasto",
    "fuente_financiacion",
]
CREADO = datetime(2024, 10, 15, 8, 0, 0)


def _valor(v) -> str:
    d = Decimal(str(v)).normalize()
    texto = format(d, "f")
    return texto


def _fila(indicador, padre, medida, inicio, fin, valor, unidad, fuente="") -> dict:
    return {
        "indicador": indicador,
        "indicador_padre": padre or "",
        "medida": medida,
        "periodo_inicio": inicio.isoformat() if inicio else "",
        "periodo_fin": fin.isoformat() if fin else "",
        "valor": _valor(valor),
        "unidad": unidad,
        "tipo_gasto": "",
        "fuente_financiacion": fuente,
    }


def _anio(a: int) -> tuple[date, date]:
    return date(a, 1, 1), date(a, 12, 31)


def _trimestre(a: int, t: int) -> tuple[date, date]:
    fines = {1: date(a, 3, 31), 2: date(a, 6, 30), 3: date(a, 9, 30), 4: date(a, 12, 31)}
    return date(a, 3 * t - 2, 1), fines[t]


def _escribir_gold(ruta: Path, filas: list[dict]) -> None:
    with open(ruta, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNAS_GOLD, lineterminator="\n")
        w.writeheader()
        w.writerows(filas)


def _escribir_meta(ruta: Path, meta: dict) -> None:
    ruta.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _libro(ruta: Path) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(ruta))
    wb.set_properties({"created": CREADO, "author": "corpus informes", "title": ruta.stem})
    return wb


# ======================================================================
# 1. SisPT plan indicativo export
# ======================================================================

SISPT_ID = "sesquile_plan_indicativo_2024"
DANE, ENTIDAD_SISPT, PLAN = "25736", "Sesquilé", "SESQUILÉ AVANZA CON TODOS 2024-2027"
FUENTES = [
    "Recursos propios",
    "SGP educación",
    "SGP salud",
    "SGP deporte",
    "SGP cultura",
    "SGP libre inversión",
    "SGP libre destinación",
    "SGP alimentación escolar",
    "SGP municipios Rio Magdalena",
    "SGP APSB",
    "Crédito",
    "Transferencias de capital - cofinanciación departamento",
    "Transferencias de capital - cofinanciación nación",
    "Otros",
]
ANIOS = [2024, 2025, 2026, 2027]


@dataclass
class Producto:
    sispt: str
    linea: str
    sector: tuple[str, str]
    programa: tuple[str, str]
    producto: tuple[str, str]
    indicador: tuple[str, str]
    meta: str  # personalización
    unidad: str
    meta_cuatrienio: float
    principal: str
    ods: tuple[int, str]
    acumulacion: str
    programacion: list[float]
    recursos: dict[int, dict[str, float]]
    bpin: str


LINEAS = ["LE-1-Sesquilé social y humano", "LE-2-Sesquilé productivo y sostenible", "LE-3-Sesquilé con buen gobierno"]
PRODUCTOS = [
    Producto(
        "IP-1",
        LINEAS[0],
        ("19", "Salud y protección social\r\n"),
        ("1905", "Salud pública"),
        ("1905021", "Servicio de promoción de la salud"),
        ("190502100", "Campañas de promoción de la salud realizadas"),
        "Realizar 8 campañas de promoción de estilos de vida saludable en el cuatrienio",
        "Número",
        8,
        "Sí",
        (3, "Salud y bienestar"),
        "Acumulativo",
        [2, 2, 2, 2],
        {
            2024: {"SGP salud": 45000000, "Recursos propios": 12000000},
            2025: {"SGP salud": 47250000, "Recursos propios": 12600000},
            2026: {"SGP salud": 49612500},
            2027: {"SGP salud": 52093125.5},
        },
        "2024257360001",
    ),
    Producto(
        "IP-2",
        LINEAS[0],
        ("19", "Salud y protección social\r\n"),
        ("1905", "Salud pública"),
        ("1905021", "Servicio de promoción de la salud"),
        ("190502100", "Campañas de promoción de la salud realizadas"),
        "Realizar 4 jornadas de salud mental en las veredas",
        "Número",
        4,
        "No",
        (3, "Salud y bienestar"),
        "Acumulativo",
        [1, 1, 1, 1],
        {
            2024: {"SGP salud": 18000000},
            2025: {"SGP salud": 18900000},
            2026: {"SGP salud": 19845000},
            2027: {"SGP salud": 20837250},
        },
        "2024257360001",
    ),
    Producto(
        "IP-3",
        LINEAS[0],
        ("22", "Educación"),
        ("2201", "Calidad, cobertura y fortalecimiento de la educación"),
        ("2201028", "Servicio de alimentación escolar"),
        ("220102800", "Beneficiarios de la alimentación escolar"),
        "Beneficiar a 1.850 estudiantes con el programa de alimentación escolar",
        "Número",
        1850,
        "Sí",
        (2, "Hambre cero"),
        "No acumulativo",
        [1850, 1850, 1850, 1850],
        {
            2024: {"SGP alimentación escolar": 310000000, "SGP educación": 95000000, "Recursos propios": 140000000},
            2025: {
                "SGP alimentación escolar": 325500000,
                "SGP educación": 99750000,
                "Transferencias de capital - cofinanciación departamento": 60000000,
            },
            2026: {"SGP alimentación escolar": 341775000, "SGP educación": 104737500},
            2027: {"SGP alimentación escolar": 358863750, "SGP educación": 109974375},
        },
        "2024257360002",
    ),
    Producto(
        "IP-4",
        LINEAS[1],
        ("17", "Agricultura y desarrollo rural"),
        ("1702", "Inclusión productiva de pequeños productores rurales"),
        ("1702038", "Servicio de apoyo a la comercialización"),
        ("170203801", "Productores apoyados para la participación en mercados campesinos"),
        "Apoyar a 120 productores en el mercado campesino de Sesquilé",
        "Número",
        120,
        "Sí",
        (2, "Hambre cero"),
        "Acumulativo",
        [30, 30, 30, 30],
        {
            2024: {"Recursos propios": 23887607.582},
            2025: {"Recursos propios": 25273088.82},
            2026: {"Recursos propios": 26738927.97},
            2027: {"Recursos propios": 28289785.79},
        },
        "2024257360003",
    ),
    Producto(
        "IP-5",
        LINEAS[1],
        ("17", "Agricultura y desarrollo rural"),
        ("1702", "Inclusión productiva de pequeños productores rurales"),
        ("1702014", "Servicio de apoyo para el acceso a maquinaria y equipos"),
        ("170201400", "Productores beneficiados con acceso a maquinaria y equipo"),
        "Garantizar el servicio de banco de maquinaria agrícola",
        "Número",
        1,
        "No",
        (1, "Fin de la pobreza"),
        "No acumulativo",
        [0.25, 0.25, 0.25, 0.25],
        {
            2024: {"Recursos propios": 90000000, "Crédito": 250000000},
            2025: {"Recursos propios": 95220000},
            2026: {"Recursos propios": 100742760},
            2027: {"Recursos propios": 106585840.08},
        },
        "2024257360003",
    ),
    Producto(
        "IP-6",
        LINEAS[1],
        ("32", "Ambiente y desarrollo sostenible"),
        ("3202", "Conservación de la biodiversidad y sus servicios ecosistémicos"),
        ("3202005", "Servicio de reforestación de ecosistemas"),
        ("320200500", "Plantaciones forestales realizadas"),
        "Reforestar 12 hectáreas de ronda hídrica del embalse de Tominé",
        "Hectáreas",
        12,
        "Sí",
        (15, "Vida de ecosistemas terrestres"),
        "Acumulativo",
        [3, 4, 3, 2],
        {
            2024: {"Recursos propios": 30000000, "Otros": 15000000},
            2025: {"Recursos propios": 42000000},
            2026: {"Recursos propios": 33000000},
            2027: {"Recursos propios": 24000000},
        },
        "2024257360004",
    ),
    Producto(
        "IP-7",
        LINEAS[2],
        ("04", "Información estadística"),
        ("0401", "Levantamiento y actualización de información estadística de calidad"),
        ("0401004", "Servicio de estratificación socioeconómica"),
        ("040100400", "Bases de datos de estratificación socioeconómica actualizadas"),
        "Actualizar la estratificación socioeconómica urbana y rural",
        "Número",
        1,
        "Sí",
        (16, "Paz, justicia e instituciones sólidas"),
        "Acumulativo",
        [0, 1, 0, 0],
        {2025: {"SGP libre destinación": 85000000}},
        "2024257360005",
    ),
    Producto(
        "IP-8",
        LINEAS[2],
        ("45", "Gobierno territorial"),
        ("4599", "Fortalecimiento a la gestión y dirección de la administración pública territorial"),
        ("4599023", "Servicio de implementación del sistema de gestión"),
        ("459902300", "Sistema de Gestión implementado"),
        "Mantener implementado al 100 % el Modelo Integrado de Planeación y Gestión",
        "Porcentaje",
        100,
        "Sí",
        (16, "Paz, justicia e instituciones sólidas"),
        "No acumulativo",
        [100, 100, 100, 100],
        {
            2024: {"SGP libre destinación": 40000000},
            2025: {"SGP libre destinación": 42000000},
            2026: {"SGP libre destinación": 44100000},
            2027: {"SGP libre destinación": 46305000},
        },
        "2024257360006",
    ),
]
RESULTADOS = [
    ("IR-1", LINEAS[0], "Salud - Tasa de mortalidad infantil en menores de 1 año (por mil nacidos vivos)", "Sí", 8.5),
    ("IR-2", LINEAS[0], "Educación - Cobertura neta en educación media", "Sí", 62.4),
    ("IR-3", LINEAS[1], "Agricultura - Productores con acceso a mercados", "No", 300),
]


def sispt_libro(ruta: Path) -> list[dict]:
    wb = _libro(ruta)
    enc = wb.add_format({"bold": True, "text_wrap": True, "bg_color": "#D9E1F2", "border": 1})
    grupo = wb.add_format({"bold": True, "align": "center", "bg_color": "#B4C6E7", "border": 1})
    gold: list[dict] = []
    ident = ["Código DANE", "Entidad territorial", "Nombre del plan"]

    ws = wb.add_worksheet("Líneas estratégicas")
    ws.merge_range(0, 0, 0, 4, "LÍNEAS ESTRATÉGICAS", grupo)
    ws.write_row(1, 0, ident + ["Consecutivo", "Línea estratégica"], enc)
    for i, linea in enumerate(LINEAS):
        nombre = linea.split("-", 2)[2]
        ws.write_row(2 + i, 0, [DANE, ENTIDAD_SISPT, PLAN, f"LE-{i + 1}", nombre])

    ws = wb.add_worksheet("Indicadores de resultado")
    ws.merge_range(0, 0, 0, 8, "INDICADORES DE RESULTADO", grupo)
    ws.write_row(
        1,
        0,
        ident
        + [
            "Consecutivo",
            "Línea estratégica",
            "Indicador de resultado",
            "Está en el Plan Nacional de Desarrollo",
            "Meta del cuatrienio",
            "Transformación del Plan Nacional de Desarrollo",
        ],
        enc,
    )
    for i, (cons, linea, indicador, pnd, meta) in enumerate(RESULTADOS):
        ws.write_row(2 + i, 0, [DANE, ENTIDAD_SISPT, PLAN, cons, linea, indicador, pnd])
        ws.write_number(2 + i, 7, meta)
        ws.write_string(2 + i, 8, "Seguridad humana y justicia social")
        gold.append(_fila(indicador, linea, "meta_cuatrienio", date(2024, 1, 1), date(2027, 12, 31), meta, "numero"))

    ws = wb.add_worksheet("Plan indicativo - Productos")
    cab = ident + [
        "Código de indicador de producto (SisPT)",
        "Línea estratégica",
        "Código del sector",
        "Sector (MGA)",
        "Código del programa (MGA)",
        "Programa (MGA)",
        "Código del producto (MGA)",
        "Producto (MGA)",
        "Código de indicador de producto (MGA)",
        "Indicador de Producto(MGA)",
        "Personalización de Indicador de Producto",
        "Unidad de medida",
        "Meta del cuatrienio",
        "Principal",
        "Código de ODS",
        "ODS",
        "Tipo de acumulación",
    ]
    cab += [f"Programación del producto bien o servicio {a}" for a in ANIOS]
    for a in ANIOS:
        cab += [f"{f} {a}" for f in FUENTES] + [f"Total {a}"]
    cab.append("BPIN")
    ws.merge_range(0, 0, 0, 19, "PARTE ESTRATÉGICA", grupo)
    ws.merge_range(0, 20, 0, len(cab) - 1, "PLAN INDICATIVO", grupo)
    ws.write_row(1, 0, cab, enc)
    dinero = wb.add_format({"num_format": "General"})
    for i, p in enumerate(PRODUCTOS):
        r = 2 + i
        textos = [
            DANE,
            ENTIDAD_SISPT,
            PLAN,
            p.sispt,
            p.linea,
            p.sector[0],
            p.sector[1],
            p.programa[0],
            p.programa[1],
            p.producto[0],
            p.producto[1],
            p.indicador[0],
            p.indicador[1],
            p.meta,
            p.unidad,
        ]
        for k, t in enumerate(textos):
            ws.write_string(r, k, t)  # codes as text: their leading zeros stay
        ws.write_number(r, 15, p.meta_cuatrienio)
        ws.write_string(r, 16, p.principal)
        ws.write_number(r, 17, p.ods[0])
        ws.write_string(r, 18, p.ods[1])
        ws.write_string(r, 19, p.acumulacion)
        unidad = "porcentaje" if p.unidad == "Porcentaje" else "numero"
        nombre, padre = p.meta, p.indicador[1]
        gold.append(
            _fila(nombre, padre, "meta_cuatrienio", date(2024, 1, 1), date(2027, 12, 31), p.meta_cuatrienio, unidad)
        )
        for j, (a, v) in enumerate(zip(ANIOS, p.programacion)):
            ws.write_number(r, 20 + j, v)
            gold.append(_fila(nombre, padre, "meta", *_anio(a), v, unidad))
        for j, a in enumerate(ANIOS):
            base = 24 + j * (len(FUENTES) + 1)
            recursos = p.recursos.get(a, {})
            for k, fuente in enumerate(FUENTES):
                if fuente in recursos:
                    ws.write_number(r, base + k, recursos[fuente], dinero)
                    gold.append(
                        _fila(nombre, padre, "recursos_programados", *_anio(a), recursos[fuente], "pesos", fuente)
                    )
            if recursos:
                total = round(sum(recursos.values()), 4)
                ws.write_formula(
                    r,
                    base + len(FUENTES),
                    f"=SUM({xlsxwriter.utility.xl_rowcol_to_cell(r, base)}:"
                    f"{xlsxwriter.utility.xl_rowcol_to_cell(r, base + len(FUENTES) - 1)})",
                    dinero,
                    total,
                )
                gold.append(_fila(nombre, padre, "recursos_programados", *_anio(a), total, "pesos", "Total"))
        ws.write_string(r, len(cab) - 1, p.bpin)

    ws = wb.add_worksheet("Plan indicativo SGR - Productos")
    ws.merge_range(0, 0, 0, 27, "PLAN INDICATIVO SGR", grupo)
    ws.write_row(
        1,
        0,
        ident
        + [
            "Código de indicador de producto SGR (SisPT)",
            "Iniciativa del SGR",
            "Código del sector",
            "Sector (MGA)",
            "Código del programa (MGA)",
            "Programa (MGA)",
            "Código del producto (MGA)",
            "Producto (MGA)",
            "Código de indicador de producto (MGA)",
            "Indicador de Producto (MGA)",
            "Personalización de Indicador de Producto SGR",
            "Unidad de medida",
            "Meta del cuatrienio",
            "Principal",
            "Código de ODS",
            "ODS",
            "Tipo de acumulación",
            "Cofinanciado con presupuesto ordinario",
            "Programación del producto bien o servicio 2023-2024",
            "Programación del producto bien o servicio 2025-2026",
            "Programación del producto bien o servicio 2027-2028",
            "Recursos SGR 2023-2024",
            "Recursos SGR 2025-2026",
            "Recursos SGR 2027-2028",
            "BPIN",
        ],
        enc,
    )

    ws = wb.add_worksheet("Iniciativas SGR")
    ws.merge_range(0, 0, 0, 9, "INICIATIVAS SGR", grupo)
    ws.write_row(
        1,
        0,
        ident
        + [
            "Consecutivo",
            "Línea estratégica",
            "Tipo de iniciativa",
            "Sector (MGA)",
            "Iniciativa del SGR",
            "Recursos SGR indicativos",
            "BPIN",
        ],
        enc,
    )
    wb.close()
    return gold


SISPT_META = {
    "entidad": "Municipio de Sesquilé",
    "titulo": PLAN,
    "periodo_inicio": "2024-01-01",
    "periodo_fin": "2027-12-31",
}


# ======================================================================
# 2. Municipal tracker: year → T1..T4 → planeado / ejecutado
# ======================================================================

CHIA_ID = "chia_seguimiento_plan_indicativo_2024"
CORTE_CHIA = date(2024, 9, 30)


@dataclass
class Meta:
    eje: str
    programa: str
    codigo: int
    indicador: str
    unidad: str
    linea_base: object  # number, "SL" or None
    cuatrienio: float
    ponderacion: float
    plan_2024: list[float]
    ejec_2024: list[Optional[float]]  # T1..T3 reported, T4 not yet
    plan_2025: list[float]
    responsable: str
    oculta: bool = False


EJES = ["Eje 1. Chía con bienestar social", "Eje 2. Chía sostenible y conectada"]
METAS = [
    Meta(
        EJES[0],
        "Chía saludable",
        1,
        "Campañas de vacunación realizadas",
        "Número",
        12,
        16,
        0.2,
        [1, 1, 1, 1],
        [1, 1, 2, None],
        [1, 1, 1, 1],
        "Secretaría de Salud",
    ),
    Meta(
        EJES[0],
        "Chía saludable",
        2,
        "Personas atendidas en salud mental",
        "Número",
        850,
        4000,
        0.15,
        [200, 250, 300, 250],
        [180, 260, 310, None],
        [250, 250, 250, 250],
        "Secretaría de Salud",
    ),
    Meta(
        EJES[0],
        "Chía saludable",
        3,
        "Cobertura de vacunación en menores de un año",
        "Porcentaje",
        0.92,
        0.95,
        0.15,
        [0.95, 0.95, 0.95, 0.95],
        [0.9, 0.93, 0.955, None],
        [0.95, 0.95, 0.95, 0.95],
        "Secretaría de Salud",
    ),
    Meta(
        EJES[0],
        "Educación para la vida",
        4,
        "Estudiantes beneficiados con transporte escolar",
        "Número",
        "SL",
        2400,
        0.1,
        [600, 0, 600, 0],
        [580, 0, 615, None],
        [600, 0, 600, 0],
        "Secretaría de Educación",
    ),
    Meta(
        EJES[0],
        "Educación para la vida",
        5,
        "Sedes educativas con mantenimiento",
        "Número",
        0,
        20,
        0.1,
        [2, 1, 1, 1],
        [2, 0, 1, None],
        [2, 1, 1, 1],
        "Secretaría de Educación",
        oculta=True,
    ),
    Meta(
        EJES[1],
        "Movilidad segura",
        6,
        "Kilómetros de malla vial rural mantenidos",
        "Kilómetros",
        35.5,
        120,
        0.1,
        [7.5, 7.5, 7.5, 7.5],
        [6.25, 8, 7.125, None],
        [7.5, 7.5, 7.5, 7.5],
        "Secretaría de Obras Públicas",
    ),
    Meta(
        EJES[1],
        "Movilidad segura",
        7,
        "Señales de tránsito instaladas",
        "Número",
        140,
        400,
        0.1,
        [25, 25, 25, 25],
        [30, 22, 0, None],
        [25, 25, 25, 25],
        "Secretaría de Movilidad",
    ),
    Meta(
        EJES[1],
        "Ambiente sano",
        8,
        "Árboles sembrados en rondas hídricas",
        "Número",
        1500,
        6000,
        0.1,
        [0, 500, 500, 500],
        [0, 450, 700, None],
        [0, 500, 500, 500],
        "Secretaría de Ambiente",
    ),
]


def chia_libro(ruta: Path) -> list[dict]:
    from xlsxwriter.utility import xl_rowcol_to_cell as celda

    wb = _libro(ruta)
    titulo = wb.add_format({"bold": True, "font_size": 13})
    enc = wb.add_format(
        {"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1, "bg_color": "#E2EFDA"}
    )
    vert = wb.add_format({"valign": "vcenter", "text_wrap": True, "border": 1})
    pct = wb.add_format({"num_format": "0%", "border": 1})
    pct1 = wb.add_format({"num_format": "0.0%", "border": 1})
    num = wb.add_format({"num_format": "#,##0.00", "border": 1})
    cod = wb.add_format({"num_format": "000", "border": 1})
    texto = wb.add_format({"border": 1})

    ws = wb.add_worksheet("Seguimiento PDM")
    ws.merge_range(0, 0, 0, 10, "ALCALDÍA MUNICIPAL DE CHÍA", titulo)
    ws.merge_range(1, 0, 1, 10, "Secretaría de Planeación", titulo)
    ws.merge_range(2, 0, 2, 10, "SEGUIMIENTO AL PLAN INDICATIVO 2024-2027 CON CORTE A 30 DE SEPTIEMBRE DE 2024", titulo)
    fijas = [
        "Eje",
        "Programa",
        "Cód. meta",
        "Indicador de producto",
        "Unidad de medida",
        "Línea base",
        "Meta cuatrienio",
        "Ponderación",
    ]
    h0 = 4  # header rows 5-7 of the sheet
    for k, t in enumerate(fijas):
        ws.merge_range(h0, k, h0 + 2, k, t, enc)
    col = len(fijas)
    bloques = {}
    for anio in (2024, 2025):
        inicio = col
        ws.merge_range(h0, col, h0, col + 10, str(anio), enc)
        for t in ("T1", "T2", "T3", "T4", "Total"):
            ws.merge_range(h0 + 1, col, h0 + 1, col + 1, t, enc)
            ws.write(h0 + 2, col, "Planeado", enc)
            ws.write(h0 + 2, col + 1, "Ejecutado", enc)
            col += 2
        ws.merge_range(h0 + 1, col, h0 + 2, col, "% avance", enc)
        col += 1
        bloques[anio] = inicio
    ws.merge_range(h0, col, h0 + 2, col, "Responsable", enc)
    ws.set_column(7, 7, None, None, {"hidden": True})  # the weights: hidden, read, reported

    gold: list[dict] = []
    r0 = h0 + 3
    # eje and programa merged down their rows
    for nivel, clave in ((0, lambda m: m.eje), (1, lambda m: (m.eje, m.programa))):
        r = 0
        while r < len(METAS):
            fin = r
            while fin + 1 < len(METAS) and clave(METAS[fin + 1]) == clave(METAS[r]):
                fin += 1
            valor = METAS[r].eje if nivel == 0 else METAS[r].programa
            if fin > r:
                ws.merge_range(r0 + r, nivel, r0 + fin, nivel, valor, vert)
            else:
                ws.write_string(r0 + r, nivel, valor, vert)
            r = fin + 1
    for i, m in enumerate(METAS):
        r = r0 + i
        porcentaje = m.unidad == "Porcentaje"
        fmt = pct if porcentaje else num
        escala = 100 if porcentaje else 1
        unidad = "porcentaje" if porcentaje else "numero"

        def v(x):
            return round(x * escala, 6)

        ws.write_number(r, 2, m.codigo, cod)
        ws.write_string(r, 3, m.indicador, texto)
        ws.write_string(r, 4, m.unidad, texto)
        if isinstance(m.linea_base, str):
            ws.write_string(r, 5, m.linea_base, texto)
        else:
            ws.write_number(r, 5, m.linea_base, fmt)
            gold.append(_fila(m.indicador, m.programa, "linea_base", None, None, v(m.linea_base), unidad))
        ws.write_number(r, 6, m.cuatrienio, fmt)
        gold.append(
            _fila(
                m.indicador,
                m.programa,
                "meta_cuatrienio",
                date(2024, 1, 1),
                date(2027, 12, 31),
                v(m.cuatrienio),
                unidad,
            )
        )
        ws.write_number(r, 7, m.ponderacion, pct)
        for anio, plan, ejec in ((2024, m.plan_2024, m.ejec_2024), (2025, m.plan_2025, [None] * 4)):
            c = bloques[anio]
            for t in range(4):
                ws.write_number(r, c + 2 * t, plan[t], fmt)
                gold.append(_fila(m.indicador, m.programa, "meta", *_trimestre(anio, t + 1), v(plan[t]), unidad))
                if ejec[t] is not None:
                    ws.write_number(r, c + 2 * t + 1, ejec[t], fmt)
                    gold.append(
                        _fila(m.indicador, m.programa, "ejecutado", *_trimestre(anio, t + 1), v(ejec[t]), unidad)
                    )
            planes = ",".join(celda(r, c + 2 * t) for t in range(4))
            ejecs = ",".join(celda(r, c + 2 * t + 1) for t in range(4))
            total_plan = round(sum(plan), 6)
            ws.write_formula(r, c + 8, f"=SUM({planes})", fmt, total_plan)
            gold.append(_fila(m.indicador, m.programa, "meta", *_anio(anio), v(total_plan), unidad))
            hechos = [x for x in ejec if x is not None]
            if hechos:
                total = round(sum(hechos), 6)
                ws.write_formula(r, c + 9, f"=SUM({ejecs})", fmt, total)
                gold.append(_fila(m.indicador, m.programa, "acumulado", date(anio, 1, 1), CORTE_CHIA, v(total), unidad))
                avance = total / total_plan
                ws.write_formula(r, c + 10, f"=IFERROR({celda(r, c + 9)}/{celda(r, c + 8)},0)", pct1, avance)
                shown = float(Decimal(str(round(avance * 100, 10))).normalize())
                gold.append(
                    _fila(
                        m.indicador, m.programa, "avance_porcentual", date(anio, 1, 1), CORTE_CHIA, shown, "porcentaje"
                    )
                )
            else:  # formulas whose cached result is empty text
                ws.write_formula(r, c + 9, f'=IF(COUNT({ejecs})=0,"",SUM({ejecs}))', fmt, "")
                ws.write_formula(
                    r, c + 10, f'=IF({celda(r, c + 9)}="","",{celda(r, c + 9)}/{celda(r, c + 8)})', pct1, ""
                )
        ws.write_string(r, col, m.responsable, texto)
        if m.oculta:
            ws.set_row(r, None, None, {"hidden": True})

    listas = wb.add_worksheet("Listas")
    listas.write_column(0, 0, ["Unidad", "Número", "Porcentaje", "Kilómetros"])
    listas.hide()
    consolidado = wb.add_worksheet("Consolidado ejes")
    consolidado.write_row(0, 0, ["Eje", "Meta 2024", "Avance 2024"])
    consolidado.write_row(1, 0, [EJES[0], 0.9, 0.85])
    consolidado.write_row(2, 0, [EJES[1], 0.8, 0.7])
    consolidado.hide()
    wb.close()
    ocultas = {m.indicador for m in METAS if m.oculta}
    return [g for g in gold if g["indicador"] not in ocultas]


CHIA_META = {
    "entidad": "Alcaldía Municipal de Chía",
    "dependencia": "Secretaría de Planeación",
    "titulo": "SEGUIMIENTO AL PLAN INDICATIVO 2024-2027 CON CORTE A 30 DE SEPTIEMBRE DE 2024",
    "vigencia": 2024,
    "periodo_inicio": "2024-01-01",
    "periodo_fin": "2024-09-30",
    "fecha_corte": "2024-09-30",
}


# ======================================================================
# 3. Action-plan tracker by organismo (Cali Cuadro 1S layout)
# ======================================================================

PALMIRA_ID = "palmira_plan_accion_2024"
CORTE_PALMIRA = date(2024, 3, 31)


@dataclass
class ProductoPA:
    bp: str
    meta: str  # meta de producto (descripción)
    indicador: str
    valor_meta: float
    ponderacion: float
    ejecucion: float
    presupuesto: tuple[float, float, float, float]  # inicial, definitivo, ejecutado, pagos
    inicio: date
    explicacion: str


@dataclass
class Proyecto:
    nivel_i: tuple[int, str]  # indicator level code and name
    nombre: str
    bp: str
    avance: float
    productos: list[ProductoPA]


@dataclass
class Organismo:
    hoja: str
    codigo: int
    nombre: str
    dimension: tuple[int, str]
    linea: tuple[int, str]
    programa: tuple[int, str]
    proyectos: list[Proyecto] = field(default_factory=list)


ORGANISMOS = [
    Organismo(
        "4112 Gobierno",
        4112,
        "Secretaría de Gobierno",
        (54, "Palmira, gobierno incluyente"),
        (5401, "Gobierno cercano a la ciudadanía"),
        (5401002, "Cooperación técnica para el desarrollo"),
        [
            Proyecto(
                (54010020001, "Modelo de cooperación técnica implementado"),
                "Implementación de un modelo de cooperación técnica en Palmira",
                "BP26002678",
                0.05,
                [
                    ProductoPA(
                        "BP2600267810101",
                        "Elaborar 1 documento de política de cooperación",
                        "Documentos de política elaborados",
                        1,
                        0.6,
                        0,
                        (420000000, 420000000, 32464000, 0),
                        date(2024, 3, 22),
                        "Se adelantó la contratación del equipo técnico.",
                    ),
                    ProductoPA(
                        "BP2600267810201",
                        "Realizar 4 mesas de cooperación con aliados",
                        "Mesas de cooperación realizadas",
                        4,
                        0.4,
                        1,
                        (280000000, 280000000, 0, 0),
                        date(2024, 2, 15),
                        "Primera mesa realizada en marzo.",
                    ),
                ],
            ),
            Proyecto(
                (54010020002, "Iniciativas ciudadanas co-creadas"),
                "Fortalecimiento de iniciativas ciudadanas frente a problemáticas priorizadas",
                "BP26003110",
                0.1,
                [
                    ProductoPA(
                        "BP2600311010101",
                        "Generar 2 espacios de integración de oferta pública",
                        "Espacios de integración de oferta pública generados",
                        2,
                        0.3,
                        0,
                        (165000000, 165000000, 9840000, 0),
                        date(2024, 2, 26),
                        "Se fortalecieron los espacios de articulación.",
                    ),
                    ProductoPA(
                        "BP2600311010201",
                        "Asistir técnicamente a 5 organismos",
                        "Organismos asistidos técnicamente",
                        5,
                        0.7,
                        1,
                        (175000000, 175000000, 48696000, 16232000),
                        date(2024, 2, 17),
                        "Asistencia a la Secretaría de Cultura.",
                    ),
                ],
            ),
        ],
    ),
    Organismo(
        "4143 Educación",
        4143,
        "Secretaría de Educación",
        (52, "Palmira, territorio de oportunidades"),
        (5202, "Educación de calidad para todos"),
        (5202001, "Permanencia escolar"),
        [
            Proyecto(
                (52020010001, "Estudiantes que permanecen en el sistema educativo"),
                "Alimentación escolar para estudiantes de instituciones oficiales",
                "BP26004001",
                0.24,
                [
                    ProductoPA(
                        "BP2600400110101",
                        "Beneficiar a 28.500 estudiantes con alimentación escolar",
                        "Estudiantes beneficiados con alimentación escolar",
                        28500,
                        0.8,
                        26850,
                        (15200000000, 15750000000, 6230500000, 2115800000),
                        date(2024, 1, 29),
                        "El programa inició con el calendario escolar.",
                    ),
                    ProductoPA(
                        "BP2600400110201",
                        "Dotar 40 comedores escolares",
                        "Comedores escolares dotados",
                        40,
                        0.2,
                        0,
                        (850000000, 850000000, 0, 0),
                        date(2024, 4, 1),
                        "En proceso de contratación.",
                    ),
                ],
            ),
            Proyecto(
                (52020010002, "Cobertura de transporte escolar rural"),
                "Transporte escolar para la zona rural",
                "BP26004002",
                0.33,
                [
                    ProductoPA(
                        "BP2600400210101",
                        "Transportar 3.200 estudiantes de la zona rural",
                        "Estudiantes beneficiados con transporte escolar",
                        3200,
                        1,
                        3050,
                        (2100000000, 2350000000, 1870250000, 410300000),
                        date(2024, 1, 29),
                        "Rutas en operación desde el inicio del año.",
                    ),
                ],
            ),
        ],
    ),
    Organismo(
        "4145 Salud",
        4145,
        "Secretaría de Salud Pública",
        (53, "Palmira saludable"),
        (5301, "Salud pública y prestación de servicios"),
        (5301004, "Salud pública en los territorios"),
        [
            Proyecto(
                (53010040001, "Cobertura de vacunación del PAI"),
                "Fortalecimiento del programa ampliado de inmunizaciones",
                "BP26005010",
                0.125,
                [
                    ProductoPA(
                        "BP2600501010101",
                        "Realizar 12 jornadas de vacunación extramural",
                        "Jornadas de vacunación realizadas",
                        12,
                        0.5,
                        3,
                        (380000000, 380000000, 95000000, 47500000),
                        date(2024, 1, 15),
                        "Tres jornadas en comunas 1, 5 y 7.",
                    ),
                    ProductoPA(
                        "BP2600501010201",
                        "Vacunar a 4.100 niños menores de 5 años",
                        "Niños vacunados",
                        4100,
                        0.5,
                        1230,
                        (620000000, 640000000, 160000000, 80000000),
                        date(2024, 1, 15),
                        "Avance acorde con la programación.",
                    ),
                ],
            ),
        ],
    ),
]


def _porcentaje_mostrado(x: float) -> float:
    """The percentage a "0.0%" number format shows... the reader keeps every
    stored digit, so the gold keeps them too."""
    return float(Decimal(str(round(x * 100, 10))).normalize())


def palmira_libro(ruta: Path) -> list[dict]:
    from xlsxwriter.utility import xl_rowcol_to_cell as celda

    wb = _libro(ruta)
    titulo = wb.add_format({"bold": True, "font_size": 12})
    enc = wb.add_format(
        {"bold": True, "text_wrap": True, "align": "center", "valign": "vcenter", "border": 1, "bg_color": "#FCE4D6"}
    )
    pesos = wb.add_format({"num_format": "#,##0", "border": 1})
    pct = wb.add_format({"num_format": "0.0%", "border": 1})
    nivel = wb.add_format({"bold": True, "num_format": "0", "border": 1})
    fecha = wb.add_format({"num_format": "dd/mm/yyyy", "border": 1})
    texto = wb.add_format({"text_wrap": True, "border": 1})
    gold: list[dict] = []
    anio = _anio(2024)
    a_corte = (date(2024, 1, 1), CORTE_PALMIRA)

    # ---- summary sheet
    ws = wb.add_worksheet("Resumen")
    ws.write(0, 0, "ALCALDÍA DE PALMIRA", titulo)
    ws.write(1, 0, "DEPARTAMENTO ADMINISTRATIVO DE PLANEACIÓN", titulo)
    ws.write(3, 0, "PLAN DE ACCIÓN 2024 - SEGUIMIENTO CON CORTE A 31 DE MARZO DE 2024", titulo)
    ws.write(4, 0, "Ejecución física y financiera por organismo, enero a marzo de 2024", titulo)
    ws.write(5, 6, "Pesos")
    ws.merge_range(6, 0, 7, 0, "Código", enc)
    ws.merge_range(6, 1, 7, 1, "Organismo", enc)
    ws.merge_range(6, 2, 7, 2, "% Ejecución física", enc)
    ws.merge_range(6, 3, 6, 8, "Presupuesto Administración Central", enc)
    ws.write_row(7, 3, ["Inicial", "Definitivo", "Ejecutado", "Pagos", "% ejecución", "% pagos"], enc)
    r = 9  # a blank row between the header and the figures
    totales = [0.0, 0.0, 0.0, 0.0]
    for org in ORGANISMOS:
        productos = [p for pr in org.proyectos for p in pr.productos]
        fisica = sum(pr.avance for pr in org.proyectos) / len(org.proyectos)
        dinero = [sum(p.presupuesto[i] for p in productos) for i in range(4)]
        totales = [a + b for a, b in zip(totales, dinero)]
        ws.write_string(r, 0, str(org.codigo)) if org.codigo % 2 else ws.write_number(r, 0, org.codigo)
        ws.write_string(r, 1, org.nombre, texto)
        ws.write_number(r, 2, fisica, pct)
        for i, v in enumerate(dinero):
            ws.write_number(r, 3 + i, v, pesos)
        ws.write_formula(r, 7, f"={celda(r, 5)}/{celda(r, 4)}", pct, dinero[2] / dinero[1])
        ws.write_formula(r, 8, f"={celda(r, 6)}/{celda(r, 5)}", pct, dinero[3] / dinero[2] if dinero[2] else 0)
        gold.append(_fila(org.nombre, "", "avance_porcentual", *a_corte, _porcentaje_mostrado(fisica), "porcentaje"))
        for medida, v, periodo in zip(
            ("apropiacion_inicial", "apropiacion_definitiva", "recursos_ejecutados", "pagos"),
            dinero,
            (anio, anio, a_corte, a_corte),
        ):
            gold.append(_fila(org.nombre, "", medida, *periodo, v, "pesos"))
        r += 1
    ws.write_string(r, 1, "Total", texto)
    for i, v in enumerate(totales):
        ws.write_formula(r, 3 + i, f"=SUM({celda(9, 3 + i)}:{celda(r - 1, 3 + i)})", pesos, v)
    for medida, v, periodo in zip(
        ("apropiacion_inicial", "apropiacion_definitiva", "recursos_ejecutados", "pagos"),
        totales,
        (anio, anio, a_corte, a_corte),
    ):
        gold.append(_fila("Total", "", medida, *periodo, v, "pesos"))

    # ---- one sheet per organismo
    cabecera = [
        "Código organismo",
        "Código general",
        "Clase",
        "Identificación de la dimensión, línea estratégica, programa, indicador y proyecto",
        "Clasificación (BP)",
        "Meta a alcanzar Plan Indicativo",
        "Indicador de resultado del proyecto (Descripción)",
        "Valor Indicador de resultado del proyecto",
        "Meta de producto del proyecto (Descripción)",
        "Indicador de producto del proyecto (Descripción)",
        "Valor de la meta de producto del proyecto",
        "Ponderación producto\n(%)",
        "Valor de la ejecución del producto del proyecto",
        "% de ejecución física de los productos del proyecto",
        "% de avance del proyecto",
        "Presupuesto inicial\n(Pesos)",
        "Presupuesto definitivo\n(Pesos)\n(1)",
        "Presupuesto ejecutado\n(Pesos)\n(2)",
        "Presupuesto pagos\n(Pesos)\n(3)",
        "% de ejecución presupuestal\n(2) / (1)",
        "% de ejecución con pagos\n(3) / (2)",
        "Día / Mes / Año (Inicio)",
        "Día / Mes / Año (Finali-zación)",
        "Explicación del avance o retraso",
        "Organismo responsable\n(Reparto administrativo)",
    ]
    for org in ORGANISMOS:
        ws = wb.add_worksheet(org.hoja)
        ws.write_row(2, 0, ["ORGANISMO"])
        ws.write_string(2, 2, org.nombre.upper())
        ws.write_string(2, 18, "Fecha de reporte:")
        ws.write_datetime(2, 21, datetime(2024, 3, 31), fecha)
        ws.write_string(2, 23, "Vigencia:")
        ws.write_number(2, 24, 2024)
        ws.write_row(4, 0, cabecera, enc)
        r = 6
        for codigo, clase, nombre in (
            (org.dimension[0], "D", org.dimension[1]),
            (org.linea[0], "L", org.linea[1]),
            (org.programa[0], "P", org.programa[1]),
        ):
            ws.write_number(r, 1, codigo, nivel)
            ws.write_string(r, 2, clase, nivel)
            ws.write_string(r, 3, nombre, nivel)
            r += 1
        for pr in org.proyectos:
            ws.write_number(r, 1, pr.nivel_i[0], nivel)
            ws.write_string(r, 2, "I", nivel)
            ws.write_string(r, 3, pr.nivel_i[1], nivel)
            r += 1
            dinero = [sum(p.presupuesto[i] for p in pr.productos) for i in range(4)]
            ws.write_number(r, 0, org.codigo)
            ws.write_string(r, 2, "Pr")
            ws.write_string(r, 3, pr.nombre, texto)
            ws.write_string(r, 4, pr.bp)
            ws.write_number(r, 11, 1, pct)
            ws.write_number(r, 14, pr.avance, pct)
            for i, v in enumerate(dinero):
                ws.write_number(r, 15 + i, v, pesos)
            ws.write_formula(r, 19, f"={celda(r, 17)}/{celda(r, 16)}", pct, dinero[2] / dinero[1])
            ws.write_formula(
                r, 20, f"=IFERROR({celda(r, 18)}/{celda(r, 17)},0)", pct, dinero[3] / dinero[2] if dinero[2] else 0
            )
            gold.append(
                _fila(
                    pr.nombre,
                    pr.nivel_i[1],
                    "avance_porcentual",
                    *a_corte,
                    _porcentaje_mostrado(pr.avance),
                    "porcentaje",
                )
            )
            for medida, v, periodo in zip(
                ("apropiacion_inicial", "apropiacion_definitiva", "recursos_ejecutados", "pagos"),
                dinero,
                (anio, anio, a_corte, a_corte),
            ):
                gold.append(_fila(pr.nombre, pr.nivel_i[1], medida, *periodo, v, "pesos"))
            r += 1
            for j, p in enumerate(pr.productos):
                ws.write_string(r, 4, p.bp)
                if j == 0:
                    ws.write_string(r, 6, pr.nivel_i[1], texto)
                ws.write_string(r, 8, p.meta, texto)
                ws.write_string(r, 9, p.indicador, texto)
                ws.write_number(r, 10, p.valor_meta)
                ws.write_number(r, 11, p.ponderacion, pct)
                ws.write_number(r, 12, p.ejecucion)
                fisica = min(p.ejecucion / p.valor_meta, 1)
                ws.write_formula(r, 13, f"=MIN({celda(r, 12)}/{celda(r, 10)},1)", pct, fisica)
                for i, v in enumerate(p.presupuesto):
                    ws.write_number(r, 15 + i, v, pesos)
                ws.write_formula(r, 19, f"={celda(r, 17)}/{celda(r, 16)}", pct, p.presupuesto[2] / p.presupuesto[1])
                ws.write_formula(
                    r,
                    20,
                    f"=IFERROR({celda(r, 18)}/{celda(r, 17)},0)",
                    pct,
                    p.presupuesto[3] / p.presupuesto[2] if p.presupuesto[2] else 0,
                )
                ws.write_datetime(r, 21, datetime.combine(p.inicio, datetime.min.time()), fecha)
                ws.write_datetime(r, 22, datetime(2024, 12, 31), fecha)
                ws.write_string(r, 23, p.explicacion, texto)
                ws.write_string(r, 24, org.nombre, texto)
                for medida, v, periodo, unidad in (
                    ("meta", p.valor_meta, anio, "numero"),
                    ("ejecutado", p.ejecucion, a_corte, "numero"),
                    ("avance_porcentual", _porcentaje_mostrado(fisica), a_corte, "porcentaje"),
                    ("apropiacion_inicial", p.presupuesto[0], anio, "pesos"),
                    ("apropiacion_definitiva", p.presupuesto[1], anio, "pesos"),
                    ("recursos_ejecutados", p.presupuesto[2], a_corte, "pesos"),
                    ("pagos", p.presupuesto[3], a_corte, "pesos"),
                ):
                    gold.append(_fila(p.indicador, pr.nombre, medida, *periodo, v, unidad))
                r += 1
    wb.close()
    return gold


PALMIRA_META = {
    "entidad": "Alcaldía de Palmira",
    "dependencia": "Departamento Administrativo de Planeación",
    "titulo": "PLAN DE ACCIÓN 2024 - SEGUIMIENTO CON CORTE A 31 DE MARZO DE 2024",
    "vigencia": 2024,
    "periodo_inicio": "2024-01-01",
    "periodo_fin": "2024-03-31",
    "fecha_corte": "2024-03-31",
}

# ======================================================================
# Legacy formats: one small tracker as .xls (xlwt) and .ods (written by
# hand: a zip with content.xml), read by python-calamine. Not evaluated
# against a gold (calamine gives no number formats: a percentage is its
# stored fraction); tests/extractor/formatos/test_hojas.py checks what is read from them.
# ======================================================================

FORMATOS = INFORMES_DIR  # the small .xls and .ods (no gold) sit with the other reports
MINI_TITULO = "SEGUIMIENTO AL PLAN DE ACCIÓN 2023 CON CORTE A 31 DE DICIEMBRE DE 2023"
MINI_ENCABEZADO = ["Código", "Indicador", "Meta 2023", "Ejecutado 2023", "% avance", "Fecha de reporte"]
MINI_FILAS = [
    ("040100400", "Bases de datos actualizadas", 1, 1, 1.0, date(2023, 12, 31)),
    ("170202100", "Productores apoyados", 120, 95, 0.7917, date(2023, 12, 31)),
    ("0901", "Jornadas de vacunación", 12, 13.5, 1.125, date(2023, 12, 31)),
]


def mini_xls(ruta: Path) -> None:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Seguimiento")
    ws.write_merge(0, 0, 0, 5, MINI_TITULO)
    ws.write_merge(1, 1, 2, 4, "Vigencia 2023")
    for k, t in enumerate(MINI_ENCABEZADO):
        ws.write(2, k, t)
    pct = xlwt.easyxf(num_format_str="0.0%")
    fecha = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for i, (cod, ind, meta, ejec, avance, dia) in enumerate(MINI_FILAS):
        r = 3 + i
        ws.write(r, 0, cod)  # text: the leading zeros stay
        ws.write(r, 1, ind)
        ws.write(r, 2, meta)
        ws.write(r, 3, ejec)
        ws.write(r, 4, avance, pct)
        ws.write(r, 5, datetime.combine(dia, datetime.min.time()), fecha)
    oculta = wb.add_sheet("Listas")
    oculta.write(0, 0, "Número")
    oculta.visibility = 1  # hidden
    wb.save(str(ruta))


def mini_ods(ruta: Path) -> None:
    import zipfile
    from xml.sax.saxutils import escape

    def celda(valor, tipo=None, extra="") -> str:
        if valor is None:
            return "<table:table-cell/>"
        if isinstance(valor, str):
            return (
                f'<table:table-cell office:value-type="string"{extra}><text:p>{escape(valor)}</text:p>'
                "</table:table-cell>"
            )
        if isinstance(valor, date):
            return (
                f'<table:table-cell office:value-type="date" office:date-value="{valor.isoformat()}"{extra}>'
                f"<text:p>{valor.strftime('%d/%m/%Y')}</text:p></table:table-cell>"
            )
        tipo = tipo or "float"
        return (
            f'<table:table-cell office:value-type="{tipo}" office:value="{valor}"{extra}>'
            f"<text:p>{valor}</text:p></table:table-cell>"
        )

    filas = [
        "<table:table-row>"
        + celda(MINI_TITULO, extra=' table:number-columns-spanned="6"')
        + '<table:covered-table-cell table:number-columns-repeated="5"/></table:table-row>',
        '<table:table-row><table:table-cell table:number-columns-repeated="2"/>'
        + celda("Vigencia 2023", extra=' table:number-columns-spanned="3"')
        + '<table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell/></table:table-row>',
        "<table:table-row>" + "".join(celda(t) for t in MINI_ENCABEZADO) + "</table:table-row>",
    ]
    for cod, ind, meta, ejec, avance, dia in MINI_FILAS:
        filas.append(
            "<table:table-row>"
            + celda(cod)
            + celda(ind)
            + celda(meta)
            + celda(ejec)
            + celda(avance, "percentage")
            + celda(dia)
            + "</table:table-row>"
        )
    contenido = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        '<office:automatic-styles><style:style style:name="ta1" style:family="table">'
        '<style:table-properties table:display="true"/></style:style>'
        '<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/>'
        "</style:style></office:automatic-styles>"
        '<office:body><office:spreadsheet><table:table table:name="Seguimiento" table:style-name="ta1">'
        '<table:table-column table:number-columns-repeated="6"/>' + "".join(filas) + "</table:table>"
        '<table:table table:name="Listas" table:style-name="ta2"><table:table-column/>'
        "<table:table-row>" + celda("Número") + "</table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifiesto = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(ruta, "w") as z:
        fijo = (2024, 1, 1, 0, 0, 0)
        z.writestr(
            zipfile.ZipInfo("mimetype", fijo),
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        z.writestr(zipfile.ZipInfo("content.xml", fijo), contenido, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr(zipfile.ZipInfo("META-INF/manifest.xml", fijo), manifiesto, compress_type=zipfile.ZIP_DEFLATED)


def formatos_antiguos() -> None:
    FORMATOS.mkdir(exist_ok=True)
    try:
        mini_xls(FORMATOS / "seguimiento_mini_2023.xls")
    except ImportError:
        print("xlwt no está instalado (pip install xlwt): no se regeneró el .xls")
    mini_ods(FORMATOS / "seguimiento_mini_2023.ods")
    print("informes/seguimiento_mini_2023: .xls y .ods")


LIBROS = {
    SISPT_ID: (sispt_libro, SISPT_META),
    CHIA_ID: (chia_libro, CHIA_META),
    PALMIRA_ID: (palmira_libro, PALMIRA_META),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="libros a generar (por omisión, todos)")
    args = parser.parse_args()
    if not args.ids:
        formatos_antiguos()
    for id_ in args.ids or LIBROS:
        construir, meta = LIBROS[id_]
        gold = construir(INFORMES_DIR / f"{id_}.xlsx")
        _escribir_gold(GOLD_DIR / f"{id_}.gold.csv", gold)
        _escribir_meta(GOLD_DIR / f"{id_}.meta.yaml", meta)
        print(f"{id_}: {len(gold)} filas gold")


if __name__ == "__main__":
    main()
