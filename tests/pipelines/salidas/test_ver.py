"""`informes ver`: the reader's visual debugger (pipelines/salidas/ver.py).

A PDF page becomes a PNG of the page's size with the detected table, its
header rows, its columns' roles, its rows' roles and its figures drawn in
known colours; Word documents and spreadsheets become HTML grids. Chromium
(when installed; required in CI) must show the HTML as a non-blank page.
"""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.formatos import ocr
from pipelines.salidas import ver as V
from pipelines.cli import app
from tests.conftest import CORPUS_REAL, INFORMES, CHROMIUM_SIN_VENTANA, navegador

runner = CliRunner()
PDF = INFORMES / "girardot_salud_2018.pdf"
DOCX = INFORMES / "girardot_salud_2018.docx"
ESCANEADO = INFORMES / "villavicencio_hacienda_2022_escaneado.pdf"


def _ver(*args: str):
    r = runner.invoke(app, ["ver", *args], env={"COLUMNS": "200"})
    return r


def _tabla_en_pagina(ruta: Path, pagina: int):
    """The first table's box on `pagina`, in PDF points, as the reader found it."""
    from extractor import leer_documento

    doc = leer_documento(ruta)
    tabla = next(t for t in doc.tablas if pagina in t.paginas)
    celdas = [c for c in tabla.celdas if c.pagina == pagina and c.bbox]
    return (
        min(c.bbox[0] for c in celdas),
        min(c.bbox[1] for c in celdas),
        max(c.bbox[2] for c in celdas),
        max(c.bbox[3] for c in celdas),
    )


def _contar(imagen, caja, color, tolerancia: int = 0) -> int:
    """Pixels of `color` inside `caja` (pixels)."""
    import numpy as np

    x0, y0, x1, y1 = (int(round(v)) for v in caja)
    zona = np.asarray(imagen.convert("RGB"))[max(0, y0) : y1, max(0, x0) : x1].astype(int)
    return int((np.abs(zona - np.array(color)).max(axis=2) <= tolerancia).sum())


def _revisar_lamina(png: Path, ruta: Path, pagina: int, medidas: tuple[str, ...]):
    from PIL import Image
    import pypdfium2 as pdfium

    imagen = Image.open(png)
    pdf = pdfium.PdfDocument(str(ruta))
    try:
        ancho_pt, alto_pt = pdf[pagina - 1].get_size()
    finally:
        pdf.close()
    s = V.PPP / 72.0
    assert abs(imagen.width - ancho_pt * s) <= 1 and abs(imagen.height - alto_pt * s) <= 1
    x0, y0, x1, y1 = (v * s for v in _tabla_en_pagina(ruta, pagina))
    # the table's outline on its edge, the header rows' shade, the figures' outlines inside it
    assert _contar(imagen, (x0 - 4, y0 - 4, x1 + 4, y1 + 4), V.COLOR_TABLA) > 2 * (x1 - x0)
    for medida in medidas:
        assert _contar(imagen, (x0, y0, x1, y1), V.COLORES_MEDIDA[medida]) > 100, medida
    # row markers in the margin: header and indicator rows
    margen = (max(0, x0 - 22), y0, x0 + 20, y1)
    assert _contar(imagen, margen, V.COLORES_ROL["encabezado"]) > 20
    assert _contar(imagen, margen, V.COLORES_ROL["indicador"]) > 200
    return imagen


# ---------------------------------------------------------------------- PDF


@pytest.fixture(scope="module")
def ver_pdf(tmp_path_factory) -> Path:
    salida = tmp_path_factory.mktemp("ver") / "pdf"
    r = _ver(str(PDF), "--pagina", "1-2", "--salida", str(salida))
    assert r.exit_code == 0, r.output
    assert "girardot_salud_2018.pdf" in r.stdout and "1 tabla(s)" in r.stdout
    return salida


def test_pdf_da_una_imagen_por_pagina_con_lo_leido(ver_pdf):
    assert sorted(p.name for p in ver_pdf.iterdir()) == ["index.html", "pagina-1.png", "pagina-2.png"]
    imagen = _revisar_lamina(
        ver_pdf / "pagina-1.png", PDF, 1, ("meta", "ejecutado", "acumulado", "linea_base", "recursos_programados")
    )
    # the legend: its frame and measure swatches somewhere on the page
    assert _contar(imagen, (0, 0, imagen.width, imagen.height), COLOR_BORDE_LEYENDA) > 200


COLOR_BORDE_LEYENDA = (60, 60, 60)


def test_pdf_html_nombra_columnas_filas_y_cifras(ver_pdf):
    texto = (ver_pdf / "index.html").read_text(encoding="utf-8")
    assert texto.startswith("<!DOCTYPE html>") and '<html lang="es">' in texto
    assert "<script" not in texto.lower()
    assert texto.count('src="data:image/png;base64,') == 2  # self-contained: the pages inside
    for rol in ("nombre del indicador", "código", "valor", "Meta cuatrienio", "Ejecutado", "Recursos programados"):
        assert rol in texto, rol
    assert "Leyenda" in texto and "fila: padre (título o programa)" in texto
    assert "Tabla 1 (páginas 1–2)" in texto and "1 fila(s) de encabezado" in texto
    # tooltips over the image: each figure with its measure, period and value
    assert re.search(r'<rect class="cifra"[^>]*><title>Tabla 1, fila \d+: [^<]+\nMeta · 2018 · ', texto)
    assert "abr–jun 2018" in texto and "ene–jun 2018" in texto


def test_pdf_escaneado_se_endereza_y_se_dibuja(tmp_path):
    if ocr.falta_tesseract() is not None and not os.environ.get("CI"):
        pytest.skip(f"sin OCR: {ocr.falta_tesseract()}")
    r = _ver(str(ESCANEADO), "-p", "1", "-o", str(tmp_path / "esc"))
    assert r.exit_code == 0, r.output
    _revisar_lamina(
        tmp_path / "esc" / "pagina-1.png",
        ESCANEADO,
        1,
        ("apropiacion_definitiva", "compromisos", "obligaciones", "pagos"),
    )
    texto = (tmp_path / "esc" / "index.html").read_text(encoding="utf-8")
    assert "página escaneada, leída con OCR" in texto


def _directorio_pdf(ruta: Path) -> None:
    """A ruled table with no value column (a directory of offices), drawn
    with reportlab: `cargar` finds no indicator table in it."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    filas = [
        ["Dependencia", "Responsable", "Cargo"],
        ["Secretaria de Salud", "Ana Maria Rojas", "Secretaria de despacho"],
        ["Oficina de Planeacion", "Carlos Perez", "Jefe de oficina"],
        ["Secretaria de Hacienda", "Luisa Gomez", "Secretaria de despacho"],
    ]
    xs, alto, arriba = [50, 220, 390, 560], 22, 700
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica", 10)
    c.drawString(50, 740, "Directorio de dependencias de la administracion municipal")
    for i, fila in enumerate(filas):
        for x, texto in zip(xs, fila):
            c.drawString(x + 4, arriba - alto * i - 15, texto)
    for i in range(len(filas) + 1):
        c.line(xs[0], arriba - alto * i, xs[-1], arriba - alto * i)
    for x in xs:
        c.line(x, arriba, x, arriba - alto * len(filas))
    c.save()


def test_pdf_sin_tablas_de_indicadores_igual_muestra_lo_detectado(tmp_path):
    """`cargar` rejects this file (no indicator table); `ver` shows why."""
    pytest.importorskip("reportlab")
    ruta = tmp_path / "directorio.pdf"
    _directorio_pdf(ruta)
    r = _ver(str(ruta), "-p", "1", "-o", str(tmp_path / "dir"))
    assert r.exit_code == 0, r.output
    texto = (tmp_path / "dir" / "index.html").read_text(encoding="utf-8")
    assert "tabla sin columnas de valores reconocibles" in texto
    assert "Secretaria de Salud" in texto


@pytest.mark.skipif(
    not (CORPUS_REAL / "igp_peru_seguimiento_pei_2021.pdf").is_file(), reason="sin ../shared/corpus-real"
)
def test_pdf_de_varias_tablas_en_un_marco_muestra_sus_columnas(tmp_path):
    """IGP's first page: one ruled frame with several tables under the same
    header, each read with its targets and results (it used to be one table
    with no value column)."""
    r = _ver(str(CORPUS_REAL / "igp_peru_seguimiento_pei_2021.pdf"), "-p", "1", "-o", str(tmp_path / "igp"))
    assert r.exit_code == 0, r.output
    texto = (tmp_path / "igp" / "index.html").read_text(encoding="utf-8")
    assert "tabla sin columnas de valores reconocibles" not in texto
    for rol in ("Meta", "Ejecutado", "Línea base"):
        assert rol in texto, rol


# --------------------------------------------------------------------- Word


def test_docx_como_rejilla(tmp_path):
    r = _ver(str(DOCX), "-o", str(tmp_path / "docx"))
    assert r.exit_code == 0, r.output
    assert [p.name for p in (tmp_path / "docx").iterdir()] == ["index.html"]
    texto = (tmp_path / "docx" / "index.html").read_text(encoding="utf-8")
    assert '<table class="rejilla">' in texto
    for rol in ("nombre del indicador", "código", "Meta cuatrienio", "Recursos ejecutados"):
        assert rol in texto, rol
    assert texto.count('class="cifra c-meta"') >= 20 and 'class="cifra c-recursos_ejecutados"' in texto
    assert '<tr class="r-padre">' in texto and '<tr class="r-encabezado">' in texto
    assert 'title="Meta · 2018 · ' in texto or "Meta · 2018 · " in texto


# -------------------------------------------------------------- spreadsheet


@pytest.fixture
def libro(tmp_path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Portada"
    ws["A1"] = "Alcaldía de Prueba — seguimiento 2024"
    hoja = wb.create_sheet("Seguimiento")
    hoja.append(["Seguimiento al plan de acción 2024"])
    hoja.append([])
    hoja.append(["Código", "Indicador", "Línea base", "Meta 2024", "Ejecutado 2024", "Recursos programados 2024"])
    for i in range(1, 9):
        if i == 5:
            hoja.append([None, "Programa: Salud para todos", None, None, None, None])
        hoja.append([f"IP-{100 + i}", f"Indicador de prueba {i}", i, 10 * i, 7 * i, 1_000_000 * i])
    ruta = tmp_path / "libro.xlsx"
    wb.save(ruta)
    return ruta


def test_hoja_de_calculo_con_referencias_de_excel(libro, tmp_path):
    r = _ver(str(libro), "--pagina", "2", "--filas", "3-7", "-o", str(tmp_path / "hoja"))
    assert r.exit_code == 0, r.output
    assert "hoja(s) 2" in r.stdout
    texto = (tmp_path / "hoja" / "index.html").read_text(encoding="utf-8")
    assert "«Seguimiento»" in texto and "fila Excel" in texto
    assert 'title="Seguimiento!D4\nMeta · 2024 · 10"' in texto
    assert 'title="Seguimiento!E5\nEjecutado · 2024 · 14"' in texto
    assert 'title="Seguimiento!F5\nRecursos programados · 2024 · 2.000.000 pesos' in texto
    # only Excel rows 3 to 7 in the grid
    filas = re.findall(r'<span class="marca m-(\w+)">\w</span>(\d+)</th>', texto)
    assert filas == [
        ("encabezado", "3"),
        ("indicador", "4"),
        ("indicador", "5"),
        ("indicador", "6"),
        ("indicador", "7"),
    ]
    r = _ver(str(libro), "--pagina", "2", "-o", str(tmp_path / "hoja"))
    texto = (tmp_path / "hoja" / "index.html").read_text(encoding="utf-8")
    assert 'class="marca m-padre">P</span>8</th>' in texto and "Programa: Salud para todos" in texto
    assert "nombre del indicador" in texto and "código" in texto


def test_hoja_que_no_existe(libro, tmp_path):
    r = _ver(str(libro), "--pagina", "5", "-o", str(tmp_path / "x"))
    assert r.exit_code == 1 and "libro.xlsx: la hoja 5 no existe (tiene 2 hojas)" in r.stderr


# ------------------------------------------------------------------- errors


def test_errores_en_espanol_con_el_archivo(tmp_path):
    r = _ver(str(tmp_path / "nada.pdf"))
    assert r.exit_code == 1 and "nada.pdf" in r.stderr and "no existe" in r.stderr
    r = _ver(str(PDF), "--pagina", "9", "-o", str(tmp_path / "a"))
    assert r.exit_code == 1 and "girardot_salud_2018.pdf: la página 9 no existe (tiene 3 páginas)" in r.stderr
    r = _ver(str(PDF), "--pagina", "dos", "-o", str(tmp_path / "a"))
    assert r.exit_code == 1 and "«dos» no es un número de página" in r.stderr
    basura = tmp_path / "basura.pdf"
    basura.write_bytes(b"esto no es un pdf")
    r = _ver(str(basura), "-o", str(tmp_path / "b"))
    assert r.exit_code == 1 and "basura.pdf" in r.stderr and "Traceback" not in r.stderr


def test_rangos_y_periodos():
    assert V.rango(["3", "5-6", "1,9"], 10, "a.pdf") == [1, 3, 5, 6, 9]
    assert V.rango(None, 3, "a.pdf") == [1, 2, 3]
    assert V.rango(["2-99"], 4, "a.pdf") == [2, 3, 4]
    with pytest.raises(V.ErrorVer, match="a.pdf: el rango de páginas «5-2» no es válido"):
        V.rango(["5-2"], 10, "a.pdf")
    assert V.periodo_corto(date(2021, 1, 1), date(2021, 12, 31)) == "2021"
    assert V.periodo_corto(date(2020, 1, 1), date(2023, 12, 31)) == "2020–2023"
    assert V.periodo_corto(date(2018, 4, 1), date(2018, 6, 30)) == "abr–jun 2018"
    assert V.periodo_corto(None, date(2018, 6, 30)) == "30 jun 2018"


# ----------------------------------------------------------------- Chromium


def _captura(html: Path, destino: Path, perfil: Path):
    from PIL import Image

    p = subprocess.run(
        [
            navegador(),
            *CHROMIUM_SIN_VENTANA,
            "--hide-scrollbars",
            f"--user-data-dir={perfil}",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1300,1500",
            f"--screenshot={destino}",
            html.resolve().as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    assert not [linea for linea in p.stderr.splitlines() if "CONSOLE" in linea]
    imagen = Image.open(destino).convert("RGB")
    assert imagen.size == (1300, 1500)
    return imagen


def test_chromium_muestra_las_paginas(ver_pdf, tmp_path):
    imagen = _captura(ver_pdf / "index.html", tmp_path / "pdf.png", tmp_path / "perfil")
    colores = imagen.getcolors(maxcolors=1 << 20)
    assert colores is not None and len(colores) > 500  # the page image, not a blank page
    assert _contar(imagen, (0, 0, 1300, 1500), V.COLOR_TABLA, tolerancia=8) > 500


def test_chromium_muestra_la_rejilla(tmp_path):
    r = _ver(str(DOCX), "-o", str(tmp_path / "docx"))
    assert r.exit_code == 0, r.output
    imagen = _captura(tmp_path / "docx" / "index.html", tmp_path / "docx.png", tmp_path / "perfil")
    # the grid's measure colours (figure cells' borders) are on screen
    assert _contar(imagen, (0, 0, 1300, 1500), V.COLORES_MEDIDA["meta"], tolerancia=10) > 200
    assert len(imagen.getcolors(maxcolors=1 << 20) or []) > 50


@pytest.mark.parametrize("nombre", ["laceja_tablero_mipg_2024.xlsx", "girardot_salud_2018.pdf"])
def test_ver_shows_the_figures_extraction_gives(nombre):
    """`ver` reads through the same sequence as extraction: a workbook's
    summary sheets repeating figures (taken out by extraction) are not shown
    as figures either."""
    from extractor import leer_documento
    from extractor.informe.interpretar import interpretar, leer

    doc = leer_documento(INFORMES / nombre)

    def claves(obs):
        return sorted((o.indicador, o.medida, o.valor, o.periodo_fin, o.tabla, o.fila) for o in obs)

    lectura = leer(doc)
    vistas = [o for t in lectura.tablas for o in t.observaciones] + lectura.narrativa
    assert claves(vistas) == claves(interpretar(doc).observaciones)
