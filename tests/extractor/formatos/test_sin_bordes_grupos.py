"""Borderless tables with a two-level header (extractor/formatos/sin_bordes.py):
an upper header cell centred over several lower headers names them all, in
both orders — a period over measures ("Seguimiento primer semestre 2024"
over "Programado | Ejecutado | % ejec.") and a measure over periods ("Meta"
over "2024 | 2025"). Written here with reportlab's canvas (text only, no
lines) and by LibreOffice from a python-docx table without borders.
Indicator names wrap to two lines and stay one row; "S.D." and "N.D." give
nothing."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt
from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfgen import canvas

from extractor import interpretar, leer_documento
from extractor.formatos.legado import soffice

ANIO = (date(2024, 1, 1), date(2024, 12, 31))
SEMESTRES = {"primer": (date(2024, 1, 1), date(2024, 6, 30)), "segundo": (date(2024, 7, 1), date(2024, 12, 31))}
VIGENCIAS = {"2024": (date(2024, 1, 1), date(2024, 12, 31)), "2025": (date(2025, 1, 1), date(2025, 12, 31))}

# name lines, unit, baseline, figures (group by group, lower header by lower header)
SEGUIMIENTO = [
    (
        ["Hogares rurales conectados a la red", "de acueducto veredal"],
        "Número",
        "S.D.",
        ["150", "132", "88,0%", "180", "N.D.", "N.D."],
    ),
    (["Kilómetros de placa huella construidos"], "Kilómetros", "12,5", ["4,0", "3,6", "90,0%", "5,0", "5,5", "110,0%"]),
    (
        ["Estudiantes beneficiados con transporte", "escolar gratuito"],
        "Número",
        "2.300",
        ["2.500", "2.410", "96,4%", "2.600", "2.587", "99,5%"],
    ),
    (["Bibliotecas públicas dotadas"], "Número", "3", ["2", "1", "50,0%", "2", "2", "100,0%"]),
]
SEMESTRE_MEDIDAS = [("Programado", "meta"), ("Ejecutado", "ejecutado"), ("% ejec.", "avance_porcentual")]

AMBIENTE = [
    (
        ["Hectáreas de bosque restauradas con", "especies nativas"],
        "Hectáreas",
        {"Meta": ["120", "150"], "Resultado": ["98", "N.D."], "% de cumplimiento": ["81,7%", "N.D."]},
    ),
    (
        ["Viveros comunitarios en operación"],
        "Número",
        {"Meta": ["4", "6"], "Resultado": ["4", "7"], "% de cumplimiento": ["100,0%", "116,7%"]},
    ),
    (
        ["Familias vinculadas a pagos por", "servicios ambientales"],
        "Número",
        {"Meta": ["300", "320"], "Resultado": ["275", "333"], "% de cumplimiento": ["91,7%", "104,1%"]},
    ),
]
AMBIENTE_MEDIDAS = {"Meta": "meta", "Resultado": "ejecutado", "% de cumplimiento": "avance_porcentual"}


def _numero(texto: str) -> float:
    return float(texto.rstrip("%").replace(".", "").replace(",", "."))


def _leidas(ruta: Path) -> dict[tuple, float]:
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in obs}
    assert len(leidas) == len(obs), "two readings of one cell"
    return leidas


def _hoja(ruta: Path, titulo: str, subtitulo: str) -> tuple[canvas.Canvas, float]:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    ancho, alto = landscape(letter)
    c.setFont("Helvetica-Bold", 11)
    c.drawCentredString(ancho / 2, alto - 50, titulo)
    c.setFont("Helvetica", 9)
    c.drawCentredString(ancho / 2, alto - 64, subtitulo)
    return c, alto - 110


def _filas(c: canvas.Canvas, y: float, filas: list[tuple[list[str], list[tuple[float, str]]]]) -> None:
    """Each row: its name lines at the left, its cells right-aligned at x."""
    c.setFont("Helvetica", 8)
    for nombre, celdas in filas:
        c.drawString(36, y, nombre[0])
        for x, texto in celdas:
            if x < 0:
                c.drawString(-x, y, texto)
            else:
                c.drawRightString(x, y, texto)
        for k, resto in enumerate(nombre[1:], start=1):
            c.drawString(36, y - 10 * k, resto)
        y -= 30


def _semestres_pdf(ruta: Path) -> None:
    """Period over measures; the semester titles are wider than a column,
    and the baseline header sits on the lowest header line beside them."""
    c, y = _hoja(
        ruta, "MUNICIPIO DE SAN ALEJO", "Secretaría de Agua y Obras - avance semestral del plan de acción 2024"
    )
    derechas = [420, 480, 540, 610, 670, 730]
    c.setFont("Helvetica-Bold", 8)
    c.drawCentredString((derechas[0] - 30 + derechas[2]) / 2, y, "Seguimiento primer semestre 2024")
    c.drawCentredString((derechas[3] - 30 + derechas[5]) / 2, y, "Seguimiento segundo semestre 2024")
    c.drawString(36, y - 10, "Meta de producto")
    c.drawString(250, y - 10, "Unidad")
    c.drawRightString(350, y - 10, "Línea base")
    for k, d in enumerate(derechas):
        c.drawRightString(d, y - 10, SEMESTRE_MEDIDAS[k % 3][0])
    _filas(c, y - 34, [(n, [(-250, u), (350, b), *zip(derechas, cifras)]) for n, u, b, cifras in SEGUIMIENTO])
    c.drawString(36, 200, "S.D.: sin dato de línea base. N.D.: no disponible al corte.")
    c.save()


def _vigencias_pdf(ruta: Path, ultima: str = "% de cumplimiento") -> None:
    """Measures over years; "Meta" is printed in the white space between
    its two year columns and the names' column header is set between the
    two header lines. `ultima`: the header of the last group."""
    c, y = _hoja(
        ruta, "DEPARTAMENTO DEL GUAVIARE - SECRETARÍA DE AMBIENTE", "Metas de producto y resultados por vigencia"
    )
    derechas = [380, 440, 510, 570, 650, 710]
    c.setFont("Helvetica-Bold", 8)
    for g, medida in enumerate(list(AMBIENTE_MEDIDAS)[:2] + [ultima]):
        c.drawCentredString((derechas[2 * g] - 25 + derechas[2 * g + 1]) / 2, y, medida)
    c.drawString(36, y - 5, "Indicador")
    c.drawString(250, y - 5, "Unidad")
    for k, d in enumerate(derechas):
        c.drawRightString(d, y - 10, list(VIGENCIAS)[k % 2])
    filas = []
    for nombre, unidad, cifras in AMBIENTE:
        en_orden = [v for medida in AMBIENTE_MEDIDAS for v in cifras[medida]]
        filas.append((nombre, [(-250, unidad), *zip(derechas, en_orden)]))
    _filas(c, y - 34, filas)
    c.save()


def _esperado_semestres() -> dict[tuple, float]:
    esperado = {}
    for nombre, _, base, cifras in SEGUIMIENTO:
        indicador = " ".join(nombre)
        if base != "S.D.":
            esperado[(indicador, "linea_base", None, None)] = _numero(base)
        for k, texto in enumerate(cifras):
            if texto != "N.D.":
                semestre = SEMESTRES["primer" if k < 3 else "segundo"]
                esperado[(indicador, SEMESTRE_MEDIDAS[k % 3][1], *semestre)] = _numero(texto)
    return esperado


def _esperado_vigencias() -> dict[tuple, float]:
    esperado = {}
    for nombre, _, cifras in AMBIENTE:
        for medida, valores in cifras.items():
            for anio, texto in zip(VIGENCIAS, valores):
                if texto != "N.D.":
                    esperado[(" ".join(nombre), AMBIENTE_MEDIDAS[medida], *VIGENCIAS[anio])] = _numero(texto)
    return esperado


def test_period_over_measures_names_every_column_under_it(tmp_path):
    ruta = tmp_path / "san_alejo_semestral.pdf"
    _semestres_pdf(ruta)
    leidas = _leidas(ruta)
    esperado = _esperado_semestres()
    assert leidas == esperado
    # the second semester's target is read as the second semester's, not the first's
    assert leidas[("Bibliotecas públicas dotadas", "meta", *SEMESTRES["segundo"])] == 2
    assert ("Hogares rurales conectados a la red de acueducto veredal", "linea_base", None, None) not in leidas


@pytest.mark.parametrize("ultima", ["% de cumplimiento", "Cumplimiento de la meta (%)"])
def test_measure_over_years_names_both_year_columns(tmp_path, ultima):
    """The last group's header may reach past the table's right edge."""
    ruta = tmp_path / "guaviare_vigencias.pdf"
    _vigencias_pdf(ruta, ultima)
    leidas = _leidas(ruta)
    assert leidas == _esperado_vigencias()
    assert leidas[("Viveros comunitarios en operación", "meta", *VIGENCIAS["2025"])] == 6
    assert leidas[("Viveros comunitarios en operación", "avance_porcentual", *VIGENCIAS["2025"])] == 116.7


# --- LibreOffice PDF of a python-docx table without borders ------------------

TIC = [
    (
        "Sedes educativas con conectividad a internet de alta velocidad",
        "Número",
        {"2023": ["40", "37", "92,5%"], "2024": ["45", "N.D.", "N.D."]},
    ),
    (
        "Docentes formados en competencias digitales",
        "Número",
        {"2023": ["200", "214", "107,0%"], "2024": ["220", "198", "90,0%"]},
    ),
    (
        "Tabletas entregadas a estudiantes de básica primaria",
        "Número",
        {"2023": ["1.500", "1.500", "100,0%"], "2024": ["1.800", "1.620", "90,0%"]},
    ),
]
TIC_MEDIDAS = [("Programada", "meta"), ("Alcanzada", "acumulado"), ("% logro", "avance_porcentual")]
TIC_ANIOS = {"2023": (date(2023, 1, 1), date(2023, 12, 31)), "2024": (date(2024, 1, 1), date(2024, 12, 31))}


def _centrado(celda, texto: str, alineacion=WD_ALIGN_PARAGRAPH.CENTER) -> None:
    celda.text = texto
    celda.paragraphs[0].alignment = alineacion


def _tabla_tic(doc, por_anio: bool) -> None:
    """Years over measures (`por_anio`) or measures over years; the upper
    header cells are merged across their group and centred."""
    t = doc.add_table(rows=2 + len(TIC), cols=8)  # no style: no borders
    t.cell(0, 0).merge(t.cell(1, 0)).text = "Indicador de producto"
    t.cell(0, 1).merge(t.cell(1, 1)).text = "Unidad"
    arriba = list(TIC_ANIOS) if por_anio else [m for m, _ in TIC_MEDIDAS]
    abajo = [m for m, _ in TIC_MEDIDAS] if por_anio else list(TIC_ANIOS)
    ancho = len(abajo)
    for g, texto in enumerate(arriba):
        _centrado(t.cell(0, 2 + ancho * g).merge(t.cell(0, 1 + ancho * (g + 1))), f"Año {texto}" if por_anio else texto)
    for k in range(6):
        _centrado(t.cell(1, 2 + k), abajo[k % ancho], WD_ALIGN_PARAGRAPH.RIGHT)
    for i, (nombre, unidad, cifras) in enumerate(TIC):
        fila = t.rows[2 + i].cells
        fila[0].text, fila[1].text = nombre, unidad
        valores = cifras["2023"] + cifras["2024"] if por_anio else [cifras[a][m] for m in range(3) for a in TIC_ANIOS]
        for k, v in enumerate(valores):
            _centrado(fila[2 + k], v, WD_ALIGN_PARAGRAPH.RIGHT)
    t.autofit = False
    anchos = [Cm(6.5), Cm(2.2)] + [Cm(2.3)] * 6
    for columna, w in zip(t.columns, anchos):
        columna.width = w
    for fila in t.rows:
        for celda, w in zip(fila.cells, anchos):
            celda.width = w


@pytest.fixture(scope="module")
def tic_pdf(tmp_path_factory) -> Path:
    if soffice() is None:
        pytest.skip("LibreOffice no está instalado (apt-get install libreoffice-writer-nogui)")
    carpeta = tmp_path_factory.mktemp("tic")
    doc = Document()
    doc.styles["Normal"].font.size = Pt(9)
    seccion = doc.sections[0]
    seccion.orientation = WD_ORIENT.LANDSCAPE
    seccion.page_width, seccion.page_height = seccion.page_height, seccion.page_width
    seccion.left_margin = seccion.right_margin = seccion.top_margin = seccion.bottom_margin = Cm(1.5)
    doc.add_paragraph("MUNICIPIO DE VILLA DEL ROSARIO – Oficina TIC")
    doc.add_paragraph("Tabla 1. Avance por vigencia")
    _tabla_tic(doc, por_anio=True)
    doc.add_paragraph(
        "La tabla siguiente presenta las mismas cifras ordenadas por medida, con las dos vigencias "
        "de cada una lado a lado, tal como se reportan al Ministerio."
    )
    doc.add_paragraph("Tabla 2. Avance por medida")
    _tabla_tic(doc, por_anio=False)
    ruta = carpeta / "villa_del_rosario_tic.docx"
    doc.save(ruta)
    perfil = carpeta / "perfil"
    subprocess.run(
        [
            soffice(),
            f"-env:UserInstallation=file://{perfil}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(carpeta),
            str(ruta),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    pdf = ruta.with_suffix(".pdf")
    assert pdf.is_file()
    return pdf


def test_docx_table_without_borders_both_header_orders(tic_pdf):
    doc = leer_documento(tic_pdf)
    assert len(doc.tablas) == 2
    obs = interpretar(doc).observaciones
    for tabla in (1, 2):
        leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in obs if o.tabla == tabla}
        esperado = {}
        for nombre, _, cifras in TIC:
            for anio, valores in cifras.items():
                for (_, medida), texto in zip(TIC_MEDIDAS, valores):
                    if texto != "N.D.":
                        esperado[(nombre, medida, *TIC_ANIOS[anio])] = _numero(texto)
        assert leidas == esperado, f"tabla {tabla}"
