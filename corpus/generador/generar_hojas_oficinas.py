"""Build the office-kind workbooks of the corpus (xlsxwriter and xlwt; no LibreOffice).

    python corpus/generador/generar_hojas_oficinas.py            # the workbooks of the corpus
    python corpus/generador/generar_hojas_oficinas.py --pendientes /tmp/pendientes
                                                                 # also the ones left out (see PENDIENTES)

Five synthetic workbooks in the layouts real offices keep (issue 14; none
copies a real file, entities and figures are made up):

* `laceja_tablero_mipg_2024.xlsx`: a MIPG dashboard, one sheet per indicator
  (indicator name in the sheet's title block; rows are months or quarters;
  columns Meta / Resultado / % Cumplimiento with the percentage stored as a
  fraction in a "0.0%" format; #DIV/0! where the month's meta is 0), a summary
  sheet that repeats the September figures (no observations of its own), a
  hidden list sheet;
* `fusagasuga_salud_cortes_2025.xlsx`: a health secretariat's monthly cuts
  (months as columns, "Meta anual", "Acumulado", the months after the cut
  empty), numbers stored as text, a hidden column of last year's goal, a
  template footer "Versión 3 – Fecha: 12/11/2024" that is not the period;
* `quindio_transito_plan_accion_2025.xlsx`: a departmental institute's
  quarterly action plan (quarter over Programado / Ejecutado, objective merged
  down, an autofilter, % avance as a fraction in a % format, a hidden row);
* `pitalito_educacion_serie_2011_2022.xlsx`: a yearly sector series 2011-2022
  (year columns are executed values; "Meta 2022" is a target), "ND" cells, a
  hidden discontinued indicator row;
* `casanare_metas_resultado_2023.xls` (xlwt, BIFF): a departmental
  result-target tracker, headers merged over two rows, numbers stored as text
  ("1250", "12,5", "85,4%"), #DIV/0! shown as text, a template footer and a
  hidden sheet.

Gold rows are written from the same data that renders each cell, following
esquemas/convenciones.md and the notes of corpus/README.md. Documents the
reader does not yet read right stay out of corpus/ (the corpus test has no
expected-failure mark): they are listed in PENDIENTES and only written with
--pendientes to a folder of your choice.
"""

from __future__ import annotations

import argparse
import calendar
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Optional

from xlsxwriter.utility import xl_rowcol_to_cell as celda

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generar_hojas import (  # noqa: E402
    GOLD_DIR,
    INFORMES_DIR,
    _anio,
    _escribir_gold,
    _escribir_meta,
    _fila,
    _libro,
    _porcentaje_mostrado,
    _trimestre,
)

MESES = [
    "Enero",
    "Febrero",
    "Marzo",
    "Abril",
    "Mayo",
    "Junio",
    "Julio",
    "Agosto",
    "Septiembre",
    "Octubre",
    "Noviembre",
    "Diciembre",
]
MESES_CORTOS = ["Ene", "Feb", "Mar", "Abr", "May", "Jun", "Jul", "Ago", "Sep", "Oct", "Nov", "Dic"]
TRIMESTRES = ["I trimestre", "II trimestre", "III trimestre", "IV trimestre"]
PIE_PLANTILLA = "Versión 3 – Fecha: 12/11/2024"


def _mes(anio: int, mes: int) -> tuple[date, date]:
    return date(anio, mes, 1), date(anio, mes, calendar.monthrange(anio, mes)[1])


def _texto_co(v: float) -> str:
    """A number as an office types it into a text cell: "1250", "12,5"."""
    texto = format(v, "f").rstrip("0").rstrip(".") if isinstance(v, float) else str(v)
    return texto.replace(".", ",")


# ======================================================================
# 1. MIPG dashboard: one sheet per indicator + a summary sheet
# ======================================================================

LACEJA_ID = "laceja_tablero_mipg_2024"
CORTE_LACEJA = date(2024, 9, 30)


@dataclass
class Tablero:
    hoja: str
    nombre: str
    proceso: str
    unidad: str  # "Porcentaje" (fractions in a % format) or "Número"
    frecuencia: str  # "Mensual" or "Trimestral"
    metas: list[float]  # one per month (12) or quarter (4)
    resultados: list[Optional[float]]  # up to the cut


TABLEROS = [
    Tablero(
        "IND-01 PQRSD",
        "Oportunidad en la respuesta a peticiones ciudadanas",
        "Servicio al ciudadano",
        "Porcentaje",
        "Mensual",
        [0.95] * 12,
        [0.912, 0.934, 0.958, 0.97, 0.941, 0.963, 0.982, 0.975, 0.99],
    ),
    Tablero(
        "IND-02 Capacitación",
        "Servidores públicos formados en integridad",
        "Talento humano",
        "Número",
        "Mensual",
        [0, 20, 20, 25, 25, 0, 0, 30, 30, 30, 20, 0],
        [0, 18, 22, 25, 19, 4, 0, 31, 27],
    ),
    Tablero(
        "IND-03 Riesgos",
        "Controles de riesgo de corrupción evaluados",
        "Control interno",
        "Porcentaje",
        "Trimestral",
        [0.25, 0.5, 0.75, 1],
        [0.22, 0.48, 0.81],
    ),
    Tablero(
        "IND-04 Archivo",
        "Metros lineales de archivo intervenidos",
        "Gestión documental",
        "Número",
        "Trimestral",
        [40, 60, 60, 40],
        [35.5, 62, 58],
    ),
]
LACEJA_META = {
    "entidad": "Alcaldía de La Ceja del Tambo",
    "dependencia": "Oficina Asesora de Planeación",
    "titulo": "TABLERO DE INDICADORES DE GESTIÓN MIPG 2024",
    "vigencia": 2024,
    "periodo_inicio": "2024-01-01",
    "periodo_fin": "2024-09-30",
    "fecha_corte": "2024-09-30",
}


def laceja_libro(ruta: Path) -> list[dict]:
    wb = _libro(ruta)
    negrita = wb.add_format({"bold": True})
    titulo = wb.add_format({"bold": True, "font_size": 13, "font_color": "#1F4E78"})
    enc = wb.add_format({"bold": True, "align": "center", "border": 1, "bg_color": "#DDEBF7", "text_wrap": True})
    pct = wb.add_format({"num_format": "0.0%", "border": 1})
    num = wb.add_format({"num_format": "#,##0.0", "border": 1})
    borde = wb.add_format({"border": 1})
    gold: list[dict] = []
    ultimos: list[tuple[str, str, list]] = []  # summary: the September (or III quarter) figures

    resumen = wb.add_worksheet("Resumen")
    for t in TABLEROS:
        ws = wb.add_worksheet(t.hoja)
        porcentaje = t.unidad == "Porcentaje"
        fmt = pct if porcentaje else num
        unidad = "porcentaje" if porcentaje else "numero"
        ws.set_column(0, 0, 22)
        ws.set_column(1, 3, 14)
        ws.write(0, 0, "TABLERO DE INDICADORES DE GESTIÓN MIPG 2024", titulo)
        ws.write(1, 0, "Nombre del indicador:", negrita)
        ws.write(1, 1, t.nombre)
        ws.write(2, 0, "Proceso:", negrita)
        ws.write(2, 1, t.proceso)
        ws.write(3, 0, "Frecuencia de medición:", negrita)
        ws.write(3, 1, t.frecuencia)
        ws.write(4, 0, "Unidad de medida:", negrita)
        ws.write(4, 1, t.unidad)
        ws.write_row(6, 0, ["Periodo", "Meta", "Resultado", "% Cumplimiento"], enc)
        etiquetas = MESES if t.frecuencia == "Mensual" else TRIMESTRES
        for i, (etiqueta, meta) in enumerate(zip(etiquetas, t.metas)):
            r = 7 + i
            periodo = _mes(2024, i + 1) if t.frecuencia == "Mensual" else _trimestre(2024, i + 1)
            ws.write_string(r, 0, f"{etiqueta} 2024" if t.frecuencia == "Trimestral" else etiqueta, borde)
            ws.write_number(r, 1, meta, fmt)
            escala = 100 if porcentaje else 1
            gold.append(_fila(t.nombre, "", "meta", *periodo, _mostrado(meta, escala), unidad))
            resultado = t.resultados[i] if i < len(t.resultados) else None
            if resultado is None:
                ws.write_blank(r, 2, None, fmt)
                ws.write_formula(r, 3, f'=IF({celda(r, 2)}="","",{celda(r, 2)}/{celda(r, 1)})', pct, "")
                continue
            ws.write_number(r, 2, resultado, fmt)
            gold.append(_fila(t.nombre, "", "ejecutado", *periodo, _mostrado(resultado, escala), unidad))
            if meta == 0:  # the office divides anyway: the cell shows #DIV/0!
                ws.write_formula(r, 3, f"={celda(r, 2)}/{celda(r, 1)}", pct, "#DIV/0!")
                cumplimiento = None
            else:
                cumplimiento = resultado / meta
                ws.write_formula(r, 3, f"={celda(r, 2)}/{celda(r, 1)}", pct, cumplimiento)
                gold.append(
                    _fila(t.nombre, "", "avance_porcentual", *periodo, _porcentaje_mostrado(cumplimiento), "porcentaje")
                )
            if i == len(t.resultados) - 1:
                ultimos.append((t.nombre, t.unidad, [meta, resultado, cumplimiento], fmt, r, t.hoja))
        ws.write(21, 0, "Fuente: reporte de los líderes de proceso.")

    # summary sheet: repeats the last cut of each indicator sheet (figures by formula)
    resumen.set_column(0, 0, 48)
    resumen.set_column(1, 4, 14)
    resumen.write(0, 0, "TABLERO DE INDICADORES DE GESTIÓN MIPG 2024", titulo)
    resumen.write(1, 0, "Alcaldía de La Ceja del Tambo - Oficina Asesora de Planeación", negrita)
    resumen.write(2, 0, "Consolidado al corte de septiembre de 2024 (ver hoja de cada indicador)")
    resumen.merge_range(4, 1, 4, 3, "Corte septiembre 2024", enc)
    resumen.write_row(5, 0, ["Indicador", "Meta", "Resultado", "% Cumplimiento", "Unidad"], enc)
    for i, (nombre, unidad, cifras, fmt, r_origen, hoja) in enumerate(ultimos):
        r = 6 + i
        resumen.write_string(r, 0, nombre, borde)
        for k, v in enumerate(cifras):
            origen = f"='{hoja}'!{celda(r_origen, 1 + k)}"
            resumen.write_formula(r, 1 + k, origen, pct if k == 2 else fmt, v)
        resumen.write_string(r, 4, unidad, borde)
    resumen.autofilter(5, 0, 5 + len(ultimos), 4)

    listas = wb.add_worksheet("Listas")
    listas.write_column(0, 0, ["Frecuencia", "Mensual", "Trimestral", "Semestral", "Anual"])
    listas.hide()
    wb.close()
    return gold


def _mostrado(v: float, escala: int) -> float:
    return _porcentaje_mostrado(v) if escala == 100 else v


# ======================================================================
# 2. Health secretariat: monthly cuts (months as columns)
# ======================================================================

FUSA_ID = "fusagasuga_salud_cortes_2025"
CORTE_FUSA = 6  # June


@dataclass
class FilaSalud:
    dimension: str
    indicador: str
    unidad: str
    meta_anual: float
    meta_anterior: float  # hidden column: last year's goal (not read)
    meses: list[float]  # January .. cut
    como_texto: tuple[int, ...] = ()  # months typed as text


FILAS_SALUD = [
    FilaSalud(
        "Salud infantil",
        "Niños de 1 año con esquema de vacunación completo",
        "Número",
        1320,
        1290,
        [98, 112, 105, 121, 117, 109],
        (2,),
    ),
    FilaSalud(
        "Salud infantil",
        "Valoraciones de crecimiento y desarrollo en primera infancia",
        "Número",
        4800,
        4500,
        [352, 401, 388, 420, 415, 397],
    ),
    FilaSalud(
        "Salud sexual y reproductiva",
        "Gestantes con cuatro o más controles prenatales",
        "Número",
        640,
        610,
        [47, 52, 55, 49, 58, 51],
        (0, 5),
    ),
    FilaSalud(
        "Salud sexual y reproductiva",
        "Jornadas de asesoría en anticoncepción en colegios",
        "Número",
        24,
        20,
        [0, 2, 3, 2, 3, 1],
    ),
    FilaSalud(
        "Vigilancia en salud pública",
        "Visitas de inspección sanitaria a establecimientos",
        "Número",
        1500,
        1450,
        [96, 131, 142, 128, 137, 125.5],
    ),
    FilaSalud(
        "Vigilancia en salud pública",
        "Brotes de enfermedad transmitida por alimentos atendidos",
        "Número",
        0,
        0,
        [0, 1, 0, 0, 2, 0],
    ),
]
FUSA_META = {
    "entidad": "Alcaldía de Fusagasugá",
    "dependencia": "Secretaría de Salud",
    "titulo": "SEGUIMIENTO PLAN DE ACCIÓN EN SALUD CORTE 30 DE JUNIO DE 2025",
    "vigencia": 2025,
    "periodo_inicio": "2025-01-01",
    "periodo_fin": "2025-06-30",
    "fecha_corte": "2025-06-30",
}


def fusagasuga_libro(ruta: Path) -> list[dict]:
    wb = _libro(ruta)
    titulo = wb.add_format({"bold": True, "font_size": 12})
    enc = wb.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "border": 1, "bg_color": "#FFF2CC", "text_wrap": True}
    )
    borde = wb.add_format({"border": 1, "text_wrap": True})
    num = wb.add_format({"num_format": "#,##0", "border": 1})
    pct = wb.add_format({"num_format": "0%", "border": 1})
    pie = wb.add_format({"italic": True, "font_size": 8})
    gold: list[dict] = []
    anio = _anio(2025)
    a_corte = (date(2025, 1, 1), date(2025, 6, 30))

    ws = wb.add_worksheet("Corte junio")
    ws.write(0, 0, "ALCALDÍA DE FUSAGASUGÁ - SECRETARÍA DE SALUD", titulo)
    ws.write(1, 0, "SEGUIMIENTO PLAN DE ACCIÓN EN SALUD CORTE 30 DE JUNIO DE 2025", titulo)
    cab = (
        ["Dimensión", "Indicador", "Unidad", "Meta 2024", "Meta anual"]
        + MESES_CORTOS
        + ["Acumulado", "% avance", "Observaciones"]
    )
    h = 3
    ws.write_row(h, 0, cab, enc)
    ws.set_column(1, 1, 46)
    ws.set_column(3, 3, None, None, {"hidden": True})  # last year's goal: hidden, not read
    ws.freeze_panes(h + 1, 2)
    for i, f in enumerate(FILAS_SALUD):
        r = h + 1 + i
        ws.write_string(r, 0, f.dimension, borde)
        ws.write_string(r, 1, f.indicador, borde)
        ws.write_string(r, 2, f.unidad, borde)
        ws.write_number(r, 3, f.meta_anterior, num)
        ws.write_number(r, 4, f.meta_anual, num)
        gold.append(_fila(f.indicador, f.dimension, "meta", *anio, f.meta_anual, "numero"))
        for m in range(12):
            if m < len(f.meses):
                if m in f.como_texto:
                    ws.write_string(r, 5 + m, _texto_co(f.meses[m]), borde)  # a number stored as text
                else:
                    ws.write_number(r, 5 + m, f.meses[m], num)
                gold.append(_fila(f.indicador, f.dimension, "ejecutado", *_mes(2025, m + 1), f.meses[m], "numero"))
            else:
                ws.write_blank(r, 5 + m, None, num)  # months after the cut: empty
        acumulado = sum(f.meses)
        ws.write_number(r, 17, acumulado, num)  # typed by the office (a SUM would skip the text cells)
        gold.append(_fila(f.indicador, f.dimension, "acumulado", *a_corte, acumulado, "numero"))
        if f.meta_anual:
            ws.write_formula(r, 18, f"={celda(r, 17)}/{celda(r, 4)}", pct, acumulado / f.meta_anual)
            gold.append(
                _fila(
                    f.indicador,
                    f.dimension,
                    "avance_porcentual",
                    *a_corte,
                    _porcentaje_mostrado(acumulado / f.meta_anual),
                    "porcentaje",
                )
            )
        else:  # "por demanda": meta 0, the division shows #DIV/0!
            ws.write_formula(r, 18, f"={celda(r, 17)}/{celda(r, 4)}", pct, "#DIV/0!")
            ws.write_string(r, 19, "Indicador por demanda: sin meta programada.", borde)
    ws.write_string(h + 1, 19, "Reporte del PAI con corte a 30 de junio.", borde)
    fin = h + 1 + len(FILAS_SALUD)
    ws.write(fin + 2, 0, "Elaboró: Grupo de Planeación en Salud", pie)
    ws.write(fin + 3, 0, "Código: F-PS-014", pie)
    ws.write(fin + 3, 17, PIE_PLANTILLA, pie)
    wb.close()
    return gold


# ======================================================================
# 3. Quarterly action plan of a departmental institute
# ======================================================================

QUINDIO_ID = "quindio_transito_plan_accion_2025"
CORTE_QUINDIO = date(2025, 6, 30)


@dataclass
class Actividad:
    objetivo: str
    indicador: str
    meta: float
    programado: list[float]  # 4 quarters
    ejecutado: list[float]  # up to the cut (2 quarters)
    responsable: str
    oculta: bool = False
    texto: tuple[int, ...] = ()  # ejecutado quarters typed as text


OBJETIVOS = [
    "1. Reducir la siniestralidad vial en las vías del departamento",
    "2. Modernizar la atención de trámites de tránsito",
]
ACTIVIDADES = [
    Actividad(
        OBJETIVOS[0],
        "Operativos de control en corredores viales críticos",
        96,
        [24, 24, 24, 24],
        [27, 22],
        "Subdirección Operativa",
    ),
    Actividad(
        OBJETIVOS[0],
        "Personas formadas en seguridad vial",
        3600,
        [600, 1200, 1200, 600],
        [648, 1315],
        "Grupo de Educación Vial",
        texto=(1,),
    ),
    Actividad(
        OBJETIVOS[0],
        "Kilómetros de vía intermunicipal demarcados",
        42.5,
        [0, 12.5, 20, 10],
        [0, 9.8],
        "Grupo de Señalización",
    ),
    Actividad(
        OBJETIVOS[0],
        "Reductores de velocidad instalados",
        30,
        [5, 10, 10, 5],
        [4, 12],
        "Grupo de Señalización",
        oculta=True,
    ),
    Actividad(OBJETIVOS[1], "Trámites con agendamiento en línea", 8, [2, 2, 2, 2], [2, 3], "Oficina de Sistemas"),
    Actividad(
        OBJETIVOS[1],
        "Comparendos prescritos depurados de la cartera",
        12000,
        [3000, 3000, 3000, 3000],
        [2875, 3410],
        "Oficina de Cobro Coactivo",
        texto=(0,),
    ),
]
QUINDIO_META = {
    "entidad": "Instituto Departamental de Tránsito del Quindío",
    "dependencia": "Oficina Asesora de Planeación",
    "titulo": "PLAN DE ACCIÓN INSTITUCIONAL 2025 - SEGUIMIENTO II TRIMESTRE",
    "vigencia": 2025,
    "periodo_inicio": "2025-01-01",
    "periodo_fin": "2025-06-30",
    "fecha_corte": "2025-06-30",
}


def quindio_libro(ruta: Path) -> list[dict]:
    wb = _libro(ruta)
    titulo = wb.add_format({"bold": True, "font_size": 12, "align": "center"})
    enc = wb.add_format(
        {"bold": True, "align": "center", "valign": "vcenter", "border": 1, "bg_color": "#E2EFDA", "text_wrap": True}
    )
    vert = wb.add_format({"valign": "vcenter", "text_wrap": True, "border": 1})
    borde = wb.add_format({"border": 1, "text_wrap": True})
    num = wb.add_format({"num_format": "#,##0.0#", "border": 1})
    pct = wb.add_format({"num_format": "0.0%", "border": 1})
    gold: list[dict] = []
    anio = _anio(2025)
    a_corte = (date(2025, 1, 1), CORTE_QUINDIO)

    ws = wb.add_worksheet("PA 2025")
    ultima = 14
    ws.merge_range(0, 0, 0, ultima, "INSTITUTO DEPARTAMENTAL DE TRÁNSITO DEL QUINDÍO", titulo)
    ws.merge_range(1, 0, 1, ultima, "PLAN DE ACCIÓN INSTITUCIONAL 2025 - SEGUIMIENTO II TRIMESTRE", titulo)
    ws.merge_range(2, 0, 2, ultima, "Oficina Asesora de Planeación - Fecha de corte: 30/06/2025", titulo)
    h = 4
    for k, t in enumerate(["Objetivo estratégico", "Indicador", "Meta 2025"]):
        ws.merge_range(h, k, h + 1, k, t, enc)
    for q in range(4):
        c = 3 + 2 * q
        ws.merge_range(h, c, h, c + 1, ["I TRIMESTRE", "II TRIMESTRE", "III TRIMESTRE", "IV TRIMESTRE"][q], enc)
        ws.write(h + 1, c, "Prog.", enc)
        ws.write(h + 1, c + 1, "Ejec.", enc)
    for k, t in zip(range(11, 15), ["Total ejecutado", "Avance %", "Responsable", "Evidencias"]):
        ws.merge_range(h, k, h + 1, k, t, enc)
    ws.set_column(0, 1, 34)
    r0 = h + 2
    # the objective merged down its rows
    inicio = 0
    while inicio < len(ACTIVIDADES):
        fin = inicio
        while fin + 1 < len(ACTIVIDADES) and ACTIVIDADES[fin + 1].objetivo == ACTIVIDADES[inicio].objetivo:
            fin += 1
        ws.merge_range(r0 + inicio, 0, r0 + fin, 0, ACTIVIDADES[inicio].objetivo, vert)
        inicio = fin + 1
    for i, a in enumerate(ACTIVIDADES):
        r = r0 + i
        ws.write_string(r, 1, a.indicador, borde)
        ws.write_number(r, 2, a.meta, num)
        filas = [_fila(a.indicador, a.objetivo, "meta", *anio, a.meta, "numero")]
        for q in range(4):
            c = 3 + 2 * q
            ws.write_number(r, c, a.programado[q], num)
            filas.append(_fila(a.indicador, a.objetivo, "meta", *_trimestre(2025, q + 1), a.programado[q], "numero"))
            if q < len(a.ejecutado):
                if q in a.texto:
                    ws.write_string(r, c + 1, _texto_co(a.ejecutado[q]), borde)
                else:
                    ws.write_number(r, c + 1, a.ejecutado[q], num)
                filas.append(
                    _fila(a.indicador, a.objetivo, "ejecutado", *_trimestre(2025, q + 1), a.ejecutado[q], "numero")
                )
            else:
                ws.write_blank(r, c + 1, None, num)
        total = sum(a.ejecutado)
        ejecs = ",".join(celda(r, 4 + 2 * q) for q in range(4))
        ws.write_formula(r, 11, f"=SUM({ejecs})", num, total)
        filas.append(_fila(a.indicador, a.objetivo, "acumulado", *a_corte, total, "numero"))
        ws.write_formula(r, 12, f"={celda(r, 11)}/{celda(r, 2)}", pct, total / a.meta)
        filas.append(
            _fila(
                a.indicador,
                a.objetivo,
                "avance_porcentual",
                *a_corte,
                _porcentaje_mostrado(total / a.meta),
                "porcentaje",
            )
        )
        ws.write_string(r, 13, a.responsable, borde)
        ws.write_string(r, 14, "Actas e informes en la carpeta compartida", borde)
        if a.oculta:
            ws.set_row(r, None, None, {"hidden": True})  # not read: a person does not see it
        else:
            gold += filas
    ws.autofilter(h + 1, 0, r0 + len(ACTIVIDADES) - 1, ultima)
    wb.close()
    return gold


# ======================================================================
# 4. Yearly sector series 2011-2022
# ======================================================================

PITALITO_ID = "pitalito_educacion_serie_2011_2022"
ANIOS_SERIE = list(range(2011, 2023))


@dataclass
class Serie:
    indicador: str
    unidad: str
    valores: list[Optional[float]]  # 2011..2022, None: "ND"
    meta_2022: Optional[float]
    oculta: bool = False


SERIES = [
    Serie(
        "Matrícula oficial total",
        "Estudiantes",
        [24180, 24012, 23875, 23690, 23511, 23320, 23105, 22890, 23140, 22765, 22410, 22598],
        23000,
    ),
    Serie(
        "Tasa de cobertura neta en educación media",
        "%",
        [38.2, 39.5, 40.1, 41.7, 42.3, 43.8, 44.2, 45.9, 46.4, 44.8, 45.1, 47.3],
        48,
    ),
    Serie(
        "Tasa de deserción intraanual en colegios oficiales",
        "%",
        [5.8, 5.6, 5.1, 4.9, 4.6, 4.4, 4.1, 3.9, 3.7, 4.8, 4.2, 3.6],
        3.5,
    ),
    Serie(
        "Docentes oficiales en propiedad",
        "Docentes",
        [None, None, 842, 851, 860, 866, 871, 880, 884, 889, 893, 901],
        None,
    ),
    Serie(
        "Estudiantes con jornada única",
        "Estudiantes",
        [None, None, None, None, 0, 1250, 2310, 3480, 4125, 4010, 4650, 5120],
        5500,
    ),
    Serie(
        "Sedes rurales con conectividad (indicador suspendido)",
        "Sedes",
        [12, 18, 25, 31, None, None, None, None, None, None, None, None],
        None,
        oculta=True,
    ),
]
PITALITO_META = {
    "entidad": "Alcaldía de Pitalito",
    "dependencia": "Secretaría de Educación Municipal",
    "titulo": "SERIE HISTÓRICA DE INDICADORES DEL SECTOR EDUCATIVO 2011 - 2022",
    "periodo_inicio": "2011-01-01",
    "periodo_fin": "2022-12-31",
}


def pitalito_libro(ruta: Path) -> list[dict]:
    wb = _libro(ruta)
    titulo = wb.add_format({"bold": True, "font_size": 12})
    enc = wb.add_format({"bold": True, "align": "center", "border": 1, "bg_color": "#D9E1F2"})
    borde = wb.add_format({"border": 1})
    num = wb.add_format({"num_format": "#,##0.0##", "border": 1})
    nota = wb.add_format({"italic": True, "font_size": 9})
    gold: list[dict] = []

    ws = wb.add_worksheet("Serie 2011-2022")
    ws.write(0, 0, "ALCALDÍA DE PITALITO - SECRETARÍA DE EDUCACIÓN MUNICIPAL", titulo)
    ws.write(1, 0, "SERIE HISTÓRICA DE INDICADORES DEL SECTOR EDUCATIVO 2011 - 2022", titulo)
    ws.write(2, 0, "Fuente: SIMAT y reportes anuales de la Secretaría (valores de cierre de cada año).", nota)
    h = 4
    ws.write_row(h, 0, ["Indicador", "Unidad"] + [str(a) for a in ANIOS_SERIE] + ["Meta 2022"], enc)
    ws.set_column(0, 0, 52)
    for i, s in enumerate(SERIES):
        r = h + 1 + i
        unidad = "porcentaje" if s.unidad == "%" else "numero"
        ws.write_string(r, 0, s.indicador, borde)
        ws.write_string(r, 1, s.unidad, borde)
        filas = []
        for k, (a, v) in enumerate(zip(ANIOS_SERIE, s.valores)):
            if v is None:
                ws.write_string(r, 2 + k, "ND", borde)
            else:
                ws.write_number(r, 2 + k, v, num)
                filas.append(_fila(s.indicador, "", "ejecutado", *_anio(a), v, unidad))
        if s.meta_2022 is not None:
            ws.write_number(r, 2 + len(ANIOS_SERIE), s.meta_2022, num)
            filas.append(_fila(s.indicador, "", "meta", *_anio(2022), s.meta_2022, unidad))
        else:
            ws.write_blank(r, 2 + len(ANIOS_SERIE), None, borde)
        if s.oculta:
            ws.set_row(r, None, None, {"hidden": True})
        else:
            gold += filas
    ws.write(
        h + len(SERIES) + 2, 0, "ND: dato no disponible. Las metas corresponden al plan sectorial 2020-2023.", nota
    )
    wb.close()
    return gold


# ======================================================================
# 5. Departmental result-target tracker, old .xls (xlwt)
# ======================================================================

CASANARE_ID = "casanare_metas_resultado_2023"


@dataclass
class MetaResultado:
    codigo: str
    sector: str
    indicador: str
    linea_base: str  # typed as text
    cuatrienio: str
    programado: str
    logrado: Optional[str]
    cumplimiento: str  # text: "85,4%" or "#DIV/0!"


METAS_RESULTADO = [
    MetaResultado(
        "MR-01", "Salud", "Razón de mortalidad materna por 100.000 nacidos vivos", "68,2", "55", "58", "61,3", "94,6%"
    ),
    MetaResultado(
        "MR-02", "Salud", "Cobertura de afiliación al régimen subsidiado", "91,5", "96", "95,5", "95,1", "99,6%"
    ),
    MetaResultado(
        "MR-07",
        "Agropecuario",
        "Hectáreas con sistemas silvopastoriles establecidos",
        "850",
        "2400",
        "1250",
        "1108",
        "88,6%",
    ),
    MetaResultado(
        "MR-08",
        "Agropecuario",
        "Productores con asistencia técnica agropecuaria",
        "3200",
        "6000",
        "5000",
        "5320",
        "106,4%",
    ),
    MetaResultado("MR-12", "Vivienda", "Hogares rurales con vivienda mejorada", "0", "1500", "0", "0", "#DIV/0!"),
    MetaResultado("MR-13", "Vivienda", "Déficit cualitativo de vivienda rural (%)", "42,7", "38", "39", None, ""),
]
CASANARE_META = {
    "entidad": "Gobernación de Casanare",
    "dependencia": "Secretaría de Planeación Departamental",
    "titulo": "SEGUIMIENTO METAS DE RESULTADO PLAN DE DESARROLLO DEPARTAMENTAL VIGENCIA 2023",
    "vigencia": 2023,
    "periodo_inicio": "2023-01-01",
    "periodo_fin": "2023-12-31",
    "fecha_corte": "2023-12-31",
}


def _numero_texto(t: str) -> float:
    return float(t.replace("%", "").replace(",", "."))


def casanare_xls(ruta: Path) -> list[dict]:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Metas resultado")
    titulo = xlwt.easyxf("font: bold on, height 240")
    enc = xlwt.easyxf(
        "font: bold on; align: horiz center, vert center, wrap on; "
        "borders: left thin, right thin, top thin, bottom thin; "
        "pattern: pattern solid, fore_colour light_yellow"
    )
    borde = xlwt.easyxf("borders: left thin, right thin, top thin, bottom thin; align: wrap on")
    pie = xlwt.easyxf("font: italic on, height 160")
    ws.write_merge(0, 0, 0, 8, "GOBERNACIÓN DE CASANARE", titulo)
    ws.write_merge(1, 1, 0, 8, "Secretaría de Planeación Departamental", titulo)
    ws.write_merge(2, 2, 0, 8, CASANARE_META["titulo"], titulo)
    h = 4
    for k, t in enumerate(
        ["Código", "Sector", "Indicador de resultado", "Línea base 2019", "Meta cuatrienio 2020-2023"]
    ):
        ws.write_merge(h, h + 1, k, k, t, enc)
    ws.write_merge(h, h, 5, 6, "Vigencia 2023", enc)
    ws.write(h + 1, 5, "Programado", enc)
    ws.write(h + 1, 6, "Logrado", enc)
    ws.write_merge(h, h + 1, 7, 7, "% Cumplimiento", enc)
    ws.write_merge(h, h + 1, 8, 8, "Observaciones", enc)
    ws.col(2).width = 256 * 48
    gold: list[dict] = []
    anio = _anio(2023)
    for i, m in enumerate(METAS_RESULTADO):
        r = h + 2 + i
        unidad = "porcentaje" if "(%)" in m.indicador or m.indicador.startswith("Cobertura") else "numero"
        textos = [
            m.codigo,
            m.sector,
            m.indicador,
            m.linea_base,
            m.cuatrienio,
            m.programado,
            m.logrado or "",
            m.cumplimiento,
            "" if m.logrado else "Dato 2023 en validación por el DANE (ECV)",
        ]
        for k, t in enumerate(textos):
            ws.write(r, k, t, borde)  # every figure is text, as the old export leaves them
        padre = m.sector
        gold.append(_fila(m.indicador, padre, "linea_base", *_anio(2019), _numero_texto(m.linea_base), unidad))
        gold.append(
            _fila(
                m.indicador,
                padre,
                "meta_cuatrienio",
                date(2020, 1, 1),
                date(2023, 12, 31),
                _numero_texto(m.cuatrienio),
                unidad,
            )
        )
        gold.append(_fila(m.indicador, padre, "meta", *anio, _numero_texto(m.programado), unidad))
        if m.logrado:
            # "Logrado" under "Vigencia 2023": what was reached from January to the year's close
            # (acumulado, as esquemas/encabezados.yaml reads "logrado")
            gold.append(_fila(m.indicador, padre, "acumulado", *anio, _numero_texto(m.logrado), unidad))
        if m.cumplimiento.endswith("%"):
            gold.append(
                _fila(m.indicador, padre, "avance_porcentual", *anio, _numero_texto(m.cumplimiento), "porcentaje")
            )
    fin = h + 2 + len(METAS_RESULTADO)
    ws.write(fin + 2, 0, "Formato F-PL-022", pie)
    ws.write(fin + 2, 6, PIE_PLANTILLA, pie)
    oculta = wb.add_sheet("Base 2019")
    oculta.write(0, 0, "Código")
    oculta.write(0, 1, "Línea base")
    oculta.write(1, 0, "MR-01")
    oculta.write(1, 1, 68.2)
    oculta.visibility = 1  # hidden
    wb.save(str(ruta))
    return gold


# ======================================================================

LIBROS = {
    LACEJA_ID: (laceja_libro, LACEJA_META, ".xlsx"),
    FUSA_ID: (fusagasuga_libro, FUSA_META, ".xlsx"),
    QUINDIO_ID: (quindio_libro, QUINDIO_META, ".xlsx"),
    PITALITO_ID: (pitalito_libro, PITALITO_META, ".xlsx"),
    CASANARE_ID: (casanare_xls, CASANARE_META, ".xls"),
}
# Built, gold written, but read wrongly today: kept out of corpus/ (see corpus/README.md).
PENDIENTES = {QUINDIO_ID}


def construir(id_: str, informes: Path, gold: Path) -> int:
    hacer, meta, ext = LIBROS[id_]
    filas = hacer(informes / f"{id_}{ext}")
    _escribir_gold(gold / f"{id_}.gold.csv", filas)
    _escribir_meta(gold / f"{id_}.meta.yaml", meta)
    return len(filas)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*", help="libros a generar (por omisión, todos los del corpus)")
    parser.add_argument(
        "--pendientes",
        type=Path,
        metavar="CARPETA",
        help="escribe también los libros que quedan fuera del corpus en esta carpeta",
    )
    args = parser.parse_args()
    for id_ in args.ids or [i for i in LIBROS if i not in PENDIENTES]:
        if id_ in PENDIENTES:
            continue
        print(f"{id_}: {construir(id_, INFORMES_DIR, GOLD_DIR)} filas gold")
    if args.pendientes:
        args.pendientes.mkdir(parents=True, exist_ok=True)
        for id_ in sorted(PENDIENTES):
            print(
                f"{id_} (pendiente, en {args.pendientes}): {construir(id_, args.pendientes, args.pendientes)} "
                "filas gold"
            )


if __name__ == "__main__":
    main()
