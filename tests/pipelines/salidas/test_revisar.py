"""`informes revisar` and `informes corregir` (issue 15): doubtful figures
next to the page piece they came from, and corrections that teach the next
report of the same layout.

Real files (a PDF made by reportlab, a workbook by openpyxl), a real DuckDB
file, the real CLI in a subprocess, and the review page opened in headless
Chromium: the crops must be decoded images on screen, and the decisions
the page downloads must be what `informes corregir --desde` applies.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import RAIZ, CHROMIUM_SIN_VENTANA, navegador

# ------------------------------------------------------------------ files


def _pdf(ruta: Path, encabezado: list[str], filas: list[list[str]], titulo: str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    estilos = getSampleStyleSheet()
    tabla = Table([encabezado, *filas], colWidths=[230] + [85] * (len(encabezado) - 1))
    tabla.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)])
    )
    SimpleDocTemplate(str(ruta), pagesize=letter).build(
        [
            Paragraph("Alcaldía de Girardot", estilos["Title"]),
            Paragraph(titulo, estilos["Heading2"]),
            Spacer(1, 12),
            tabla,
        ]
    )
    return ruta


FILAS_DUDOSAS = [
    ["Niños vacunados con esquema completo", "1.500", "1.320", "88%"],
    ["Campañas de salud realizadas", "12", "10", "40%"],  # 10 / 12 is 83 %, not 40 %
    ["Hogares visitados", "800", "640", "80%"],
]


def _xlsx(ruta: Path) -> Path:
    from openpyxl import Workbook

    libro = Workbook()
    hoja = libro.active
    hoja.title = "Plan de acción"
    hoja["A1"] = "Alcaldía de Girardot - Informe de gestión vigencia 2024"
    hoja.append([])
    hoja.append(["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"])
    hoja.append(["Niños vacunados con esquema completo", 1500, 1320, 0.88])
    hoja.append(["Partos atendidos en el hospital", 300, 150, 0.9])  # 150 / 300 is 50 %, not 90 %
    hoja.append(["Hogares visitados", 800, 640, 0.8])
    for r in range(4, 7):
        hoja.cell(r, 4).number_format = "0%"
    libro.save(ruta)
    return ruta


def cli(*args, cwd: Path) -> subprocess.CompletedProcess:
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ), "COLUMNS": "200"}
    entorno.pop("INFORMES_DB", None)
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *map(str, args)],
        cwd=cwd,
        env=entorno,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _consulta(db: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


# ---------------------------------------------------------------- revisar


@pytest.fixture(scope="module")
def revision(tmp_path_factory) -> dict:
    carpeta = tmp_path_factory.mktemp("revisar")
    pdf = _pdf(
        carpeta / "salud_2024.pdf",
        ["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"],
        FILAS_DUDOSAS,
        "Informe de gestión vigencia 2024 - Secretaría de Salud",
    )
    xlsx = _xlsx(carpeta / "plan_2024.xlsx")
    db = carpeta / "r.duckdb"
    r = cli("cargar", pdf, xlsx, "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    html = carpeta / "revision.html"
    r = cli("revisar", "--db", db, "--salida", html, cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    return {"carpeta": carpeta, "pdf": pdf, "xlsx": xlsx, "db": db, "html": html, "salida": r.stdout}


def test_revisar_lista_las_cifras_con_error_y_su_lectura(revision):
    assert "2 cifra(s) por revisar en 2 informe(s), 1 recorte(s) de página" in revision["salida"]
    texto = revision["html"].read_text(encoding="utf-8")
    # the figure with the inconsistent % of each report, as read, with the finding's message
    assert texto.count('<article class="entrada"') == 2
    assert "Campañas de salud realizadas" in texto and "Partos atendidos en el hospital" in texto
    assert "no coincide con ejecutado / meta = 10 / 12 = 83,3 %" in texto
    assert "hoja «Plan de acción» · celda D5" in texto
    # the table's column reading, and no external resource (works offline)
    assert "Lectura de las columnas" in texto and "Ejecutado 2024" in texto
    assert not re.search(r"(src|href)=\"https?:", texto)


_PRUEBA = """
<script>
window.addEventListener('load', async function () {
  const visible = el => { const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
  const imgs = Array.from(document.querySelectorAll('img.recorte'));
  await Promise.all(imgs.map(i => i.decode().catch(() => null)));
  const res = {
    recortes: imgs.map(i => ({ancho: i.naturalWidth, alto: i.naturalHeight, visible: visible(i)})),
    celdas: Array.from(document.querySelectorAll('td.celda-revisada')).map(td => ({texto: td.textContent,
                                                                               visible: visible(td)})),
    titulos: Array.from(document.querySelectorAll('article.entrada h4')).map(h => h.textContent),
  };
  const buscar = document.getElementById('buscar');
  buscar.value = 'partos'; buscar.dispatchEvent(new Event('input'));
  res.tras_buscar = Array.from(document.querySelectorAll('article.entrada')).filter(visible).length;
  buscar.value = ''; buscar.dispatchEvent(new Event('input'));
  // decide: reject the PDF's figure, correct the workbook's column; download
  let blob = null;
  URL.createObjectURL = b => { blob = b; return 'about:blank'; };
  HTMLAnchorElement.prototype.click = function () {};
  const a = document.querySelector('article.entrada[data-texto*="campañas"]');
  const b = document.querySelector('article.entrada[data-texto*="partos"]');
  a.querySelector('button[data-accion=rechazo]').click();
  const sel = b.querySelector('select[data-accion=columna]');
  sel.value = 'ejecutado'; sel.dispatchEvent(new Event('change'));
  document.getElementById('descargar').click();
  res.decisiones = blob ? JSON.parse(await blob.text()) : null;
  const pre = document.createElement('pre'); pre.id = 'prueba'; pre.textContent = JSON.stringify(res);
  document.body.appendChild(pre);
});
</script>
"""


def _chromium(*args: str, perfil: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            navegador(),
            *CHROMIUM_SIN_VENTANA,
            "--hide-scrollbars",
            f"--user-data-dir={perfil}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_chromium_muestra_los_recortes_y_descarga_las_decisiones(revision, tmp_path):
    from PIL import Image

    # a screenshot of the page as a person opens it
    captura = tmp_path / "revision.png"
    foto = _chromium(
        "--window-size=1300,1900",
        f"--screenshot={captura}",
        revision["html"].resolve().as_uri(),
        perfil=tmp_path / "perfil",
    )
    assert foto.returncode == 0, foto.stderr[-2000:]
    assert not [l for l in foto.stderr.splitlines() if "CONSOLE" in l]
    print(f"\nCaptura de la página de revisión: {captura}")
    imagen = Image.open(captura).convert("RGB")
    assert imagen.size == (1300, 1900)
    rojos = sum(n for n, (r, g, b) in imagen.getcolors(1 << 22) if r > 190 and g < 70 and b < 70)
    assert rojos > 300  # the cell outlined in the crop and the highlighted workbook cell are on screen

    # the same page with a probe: crops decoded and visible, the search box, the decisions downloaded
    con_prueba = tmp_path / "con_prueba.html"
    con_prueba.write_text(
        revision["html"].read_text(encoding="utf-8").replace("</body>", _PRUEBA + "</body>"), encoding="utf-8"
    )
    for presupuesto in (10_000, 30_000, 60_000):  # a loaded machine may need more virtual time for the decoding
        dom = _chromium(
            f"--virtual-time-budget={presupuesto}",
            "--window-size=1300,1900",
            "--dump-dom",
            con_prueba.resolve().as_uri(),
            perfil=tmp_path / "perfil",
        )
        assert dom.returncode == 0, dom.stderr[-2000:]
        m = re.search(r'<pre id="prueba">(.*?)</pre>', dom.stdout, re.S)
        if m:
            break
    assert m, dom.stdout[-2000:]
    res = json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert len(res["recortes"]) == 1
    recorte = res["recortes"][0]
    assert recorte["ancho"] > 400 and recorte["alto"] > 100 and recorte["visible"]
    assert res["celdas"] == [{"texto": "0,9", "visible": True}]
    # grouped by report (file name order), each figure under its table
    assert [t.split(" error")[0] for t in res["titulos"]] == [
        "Partos atendidos en el hospital",
        "Campañas de salud realizadas",
    ]
    assert res["tras_buscar"] == 1
    decisiones = res["decisiones"]
    assert decisiones["formato"] == "informes-correcciones"
    assert sorted(c["tipo"] for c in decisiones["correcciones"]) == ["columna", "rechazo"]

    # the decisions applied to the store: the figure rejected, the workbook's column read as told
    archivo = tmp_path / "decisiones.json"
    archivo.write_text(json.dumps(decisiones), encoding="utf-8")
    db = revision["db"]
    r = cli("corregir", "--desde", archivo, "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Vuelto a cargar: salud_2024.pdf" in r.stdout and "Vuelto a cargar: plan_2024.xlsx" in r.stdout
    rechazada = _consulta(
        db,
        "SELECT count(*) FROM observaciones o JOIN informes i USING (informe_id) "
        "WHERE i.archivo = 'salud_2024.pdf' AND o.indicador = 'Campañas de salud realizadas' "
        "AND o.medida = 'avance_porcentual'",
    )
    assert rechazada == [(0,)]
    assert _consulta(db, "SELECT count(*) FROM filas_no_mapeadas WHERE motivo LIKE 'cifra rechazada%'") == [(1,)]
    medidas = _consulta(
        db,
        "SELECT DISTINCT o.medida FROM observaciones o JOIN informes i USING (informe_id) "
        "WHERE i.archivo = 'plan_2024.xlsx' AND o.columna = 3",
    )
    assert medidas == [("ejecutado",)]


def test_revisar_errores_claros(revision, tmp_path):
    r = cli(
        "revisar", "--db", revision["db"], "--archivo", "no_existe.pdf", "--salida", tmp_path / "x.html", cwd=tmp_path
    )
    assert r.returncode == 1 and "no_existe.pdf" in r.stderr
    r = cli("revisar", "--db", revision["db"], "--minimo", "3", "--salida", tmp_path / "x.html", cwd=tmp_path)
    assert r.returncode == 1 and "--minimo" in r.stderr
    r = cli("revisar", "--db", tmp_path / "falta.duckdb", cwd=tmp_path)
    assert r.returncode == 1 and "No existe la base de datos" in r.stderr


# --------------------------------------------------------------- corregir

# One office's layout, two years: the reader takes «Logrado <año>» for the
# cumulative figure; it is the year's result (ejecutado).
FILAS_LOGRADO = [
    ["Niños vacunados con esquema completo", "1.500", "1.320"],
    ["Campañas de salud realizadas", "12", "10"],
    ["Hogares visitados", "800", "640"],
]
FILAS_LOGRADO_2025 = [
    ["Niños vacunados con esquema completo", "1.600", "1.580"],
    ["Campañas de salud realizadas", "14", "9"],
    ["Hogares visitados", "850", "700"],
    ["Jornadas de desparasitación", "6", "6"],
]


def _gold(filas: list[list[str]], anio: int) -> set[tuple]:
    """What a person reads in the generated table: (indicator, measure, year end, value)."""
    salida = set()
    for nombre, meta, logrado in filas:
        for medida, texto in (("meta", meta), ("ejecutado", logrado)):
            salida.add((nombre, medida, date(anio, 12, 31), float(texto.replace(".", ""))))
    return salida


def _leidas(db: Path, archivo: str) -> set[tuple]:
    return set(
        _consulta(
            db,
            "SELECT o.indicador, o.medida, o.periodo_fin, o.valor FROM observaciones o "
            "JOIN informes i USING (informe_id) WHERE i.archivo = ?",
            [archivo],
        )
    )


@pytest.fixture
def dos_anios(tmp_path) -> dict:
    titulo = "Informe de gestión vigencia {} - Secretaría de Salud"
    a = _pdf(
        tmp_path / "girardot_2024.pdf", ["Indicador", "Meta 2024", "Logrado 2024"], FILAS_LOGRADO, titulo.format(2024)
    )
    b = _pdf(
        tmp_path / "girardot_2025.pdf",
        ["Indicador", "Meta 2025", "Logrado 2025"],
        FILAS_LOGRADO_2025,
        titulo.format(2025),
    )
    return {"a": a, "b": b, "db": tmp_path / "i.duckdb", "carpeta": tmp_path}


def test_una_correccion_de_columna_ensena_el_informe_siguiente(dos_anios):
    d = dos_anios
    db, carpeta = d["db"], d["carpeta"]
    r = cli("cargar", d["a"], "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stderr
    gold_a = _gold(FILAS_LOGRADO, 2024)
    antes = _leidas(db, "girardot_2024.pdf")
    assert antes != gold_a and {m for _, m, _, _ in antes} == {"meta", "acumulado"}  # the reader's mistake

    r = cli(
        "corregir",
        "--archivo",
        "girardot_2024.pdf",
        "--tabla",
        "1",
        "--columna",
        "3",
        "--medida",
        "ejecutado",
        "--db",
        db,
        cwd=carpeta,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "plantilla para las tablas con el mismo encabezado" in r.stdout
    assert "Vuelto a cargar: girardot_2024.pdf" in r.stdout
    assert _leidas(db, "girardot_2024.pdf") == gold_a

    # the next year's report of the same layout is read with the template, and the load says so
    r = cli("cargar", d["b"], "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stderr
    assert re.search(
        r"Plantilla de lectura aplicada: girardot_2025\.pdf: tabla 1 con la plantilla P[0-9a-f]{8}", r.stdout
    ), r.stdout
    gold_b = _gold(FILAS_LOGRADO_2025, 2025)
    leidas_b = _leidas(db, "girardot_2025.pdf")
    assert leidas_b == gold_b, leidas_b ^ gold_b
    plantilla = _consulta(
        db,
        "SELECT DISTINCT plantilla FROM columnas_leidas l JOIN informes i USING (informe_id) "
        "WHERE i.archivo = 'girardot_2025.pdf'",
    )
    assert len(plantilla) == 1 and plantilla[0][0].startswith("P")

    # the correction survives --forzar
    r = cli("cargar", d["a"], d["b"], "--db", db, "--forzar", cwd=carpeta)
    assert r.returncode == 0, r.stderr
    assert _leidas(db, "girardot_2024.pdf") == gold_a and _leidas(db, "girardot_2025.pdf") == gold_b

    # exported and imported into another store, it teaches that store too
    exportado = carpeta / "correcciones.json"
    r = cli("corregir", "--exportar", exportado, "--db", db, cwd=carpeta)
    assert r.returncode == 0 and "1 corrección(es)" in r.stdout, r.stdout + r.stderr
    otra = carpeta / "otra.duckdb"
    r = cli("cargar", d["b"], "--db", otra, cwd=carpeta)  # before the import: read wrong
    assert _leidas(otra, "girardot_2025.pdf") != gold_b
    r = cli("corregir", "--desde", exportado, "--db", otra, cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Vuelto a cargar: girardot_2025.pdf" in r.stdout
    assert _leidas(otra, "girardot_2025.pdf") == gold_b


def test_corregir_el_nombre_y_errores_claros(dos_anios):
    d = dos_anios
    db, carpeta = d["db"], d["carpeta"]
    assert cli("cargar", d["a"], "--db", db, cwd=carpeta).returncode == 0
    r = cli(
        "corregir",
        "--archivo",
        "girardot_2024.pdf",
        "--tabla",
        "1",
        "--fila",
        "3",
        "--indicador",
        "Campañas de promoción de la salud",
        "--db",
        db,
        cwd=carpeta,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    nombres = {n for (n,) in _consulta(db, "SELECT DISTINCT indicador FROM observaciones")}
    assert "Campañas de promoción de la salud" in nombres and "Campañas de salud realizadas" not in nombres
    for args, mensaje in (
        (["--archivo", "otro.pdf", "--tabla", "1", "--columna", "2", "--medida", "meta"], "otro.pdf"),
        (["--archivo", "girardot_2024.pdf", "--tabla", "1", "--columna", "9", "--medida", "meta"], "columna 9"),
        (
            ["--archivo", "girardot_2024.pdf", "--tabla", "1", "--columna", "2", "--medida", "inventada"],
            "no está en esquemas/medidas.csv",
        ),
        (["--archivo", "girardot_2024.pdf", "--tabla", "1", "--columna", "2"], "Indique una sola corrección"),
    ):
        r = cli("corregir", *args, "--db", db, cwd=carpeta)
        assert r.returncode == 1 and mensaje in r.stderr, (args, r.stderr)
    malo = carpeta / "malo.json"
    malo.write_text("{no es json", encoding="utf-8")
    r = cli("corregir", "--desde", malo, "--db", db, cwd=carpeta)
    assert r.returncode == 1 and "malo.json no es un archivo JSON válido" in r.stderr


# -------------------------------------------------------------- confianza


def test_la_confianza_dice_como_se_leyo_la_tabla(tmp_path):
    """A measure guessed from a bare period ("II semestre 2024") is less
    certain than one a header names; the row's % avance confirms it (or not)."""
    from extractor import extraer_informe
    from extractor.tablas.confianza import umbrales

    u = umbrales()
    pdf = _pdf(
        tmp_path / "semestre.pdf",
        ["Indicador", "Meta 2024", "II semestre 2024", "% avance"],
        [
            ["Niños vacunados con esquema completo", "1.500", "1.320", "88%"],
            ["Campañas de salud realizadas", "12", "10", "40%"],
        ],
        "Informe de gestión vigencia 2024 - Secretaría de Salud",
    )
    confianza = {(o.indicador, o.medida): o.confianza for o in extraer_informe(pdf).observaciones}
    assert confianza[("Niños vacunados con esquema completo", "meta")] == 1.0  # "Meta" is a rule's word
    assert confianza[("Niños vacunados con esquema completo", "ejecutado")] == u["aritmetica_confirmada"]
    assert confianza[("Campañas de salud realizadas", "ejecutado")] == u["medida_sin_regla"]
    assert confianza[("Campañas de salud realizadas", "avance_porcentual")] == u["avance_que_no_cuadra"]
    assert confianza[("Niños vacunados con esquema completo", "avance_porcentual")] == 1.0


# ------------------------------------------- every format's piece of source

FILAS_CULTURA = [
    ["Bibliotecas dotadas", "20", "18", "90%"],
    ["Talleres de lectura realizados", "50", "20", "80%"],  # 20 / 50 is 40 %, not 80 %
    ["Becas entregadas", "100", "100", "100%"],
]


def _docx(ruta: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading("Alcaldía de Girardot - Informe de gestión vigencia 2024", 1)
    tabla = doc.add_table(rows=1, cols=4)
    tabla.style = "Table Grid"
    for celda, texto in zip(tabla.rows[0].cells, ["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"]):
        celda.text = texto
    for fila in FILAS_CULTURA:
        for celda, texto in zip(tabla.add_row().cells, fila):
            celda.text = texto
    doc.save(ruta)
    return ruta


def _xls(ruta: Path) -> Path:
    xlwt = pytest.importorskip("xlwt")
    libro = xlwt.Workbook()
    hoja = libro.add_sheet("Plan de acción")
    hoja.write(0, 0, "Alcaldía de Girardot - Informe de gestión vigencia 2024")
    for j, texto in enumerate(["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"]):
        hoja.write(2, j, texto)
    porcentaje = xlwt.easyxf(num_format_str="0%")
    for i, fila in enumerate(
        [
            ["Niños vacunados con esquema completo", 1500, 1320, 0.88],
            ["Partos atendidos en el hospital", 300, 150, 0.9],  # 50 %, not 90 %
            ["Hogares visitados", 800, 640, 0.8],
        ]
    ):
        for j, v in enumerate(fila):
            if j == 3:
                hoja.write(3 + i, j, v, porcentaje)
            else:
                hoja.write(3 + i, j, v)
    libro.save(str(ruta))
    return ruta


def _entradas_html(html: str) -> dict[str, str]:
    """{observacion_id: its <article>} of a review page."""
    return {
        m.group(1): m.group(0) for m in re.finditer(r'<article class="entrada" id="e-([^"]+)".*?</article>', html, re.S)
    }


def _celda_revisada(articulo: str) -> str:
    m = re.search(r'<td class="celda-revisada"[^>]*>([^<]*)</td>', articulo)
    assert m, articulo[:3000]
    return m.group(1)


@pytest.fixture(scope="module")
def fuentes(tmp_path_factory) -> dict:
    """A PDF, a Word document and an .xls workbook, each with one wrong % avance,
    loaded; the review page and the comparison page written in one folder."""
    carpeta = tmp_path_factory.mktemp("fuentes")
    pdf = _pdf(
        carpeta / "salud_2024.pdf",
        ["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"],
        FILAS_DUDOSAS,
        "Informe de gestión vigencia 2024 - Secretaría de Salud",
    )
    docx, xls = _docx(carpeta / "cultura_2024.docx"), _xls(carpeta / "plan_2024.xls")
    db = carpeta / "f.duckdb"
    r = cli("cargar", pdf, docx, xls, "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    r = cli("revisar", "--db", db, "--salida", carpeta / "revision.html", cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    r = cli("comparar", "--db", db, "--salida", carpeta / "comparar.html", cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    return {"carpeta": carpeta, "db": db, "revision": carpeta / "revision.html", "comparar": carpeta / "comparar.html"}


def test_word_y_xls_muestran_la_tabla_alrededor_de_la_cifra(fuentes):
    """No note instead of the source: the table's cells around the figure,
    read again from the file (extractor.leer_documento), the cell marked."""
    articulos = _entradas_html(fuentes["revision"].read_text(encoding="utf-8"))
    dudosas = dict(
        _consulta(
            fuentes["db"],
            "SELECT i.archivo, o.observacion_id FROM observaciones o JOIN informes i "
            "USING (informe_id) WHERE o.medida = 'avance_porcentual' AND o.marcada",
        )
    )
    assert set(dudosas) == {"salud_2024.pdf", "cultura_2024.docx", "plan_2024.xls"}
    assert "Sin recorte" not in "".join(articulos.values())
    for archivo in ("cultura_2024.docx", "plan_2024.xls"):
        articulo = articulos[dudosas[archivo]]
        (texto,) = _consulta(
            fuentes["db"], "SELECT valor_texto FROM observaciones WHERE observacion_id = ?", [dudosas[archivo]]
        )[0]
        marcada = _celda_revisada(articulo)
        assert marcada.replace(",", ".").rstrip("%") == texto.replace(",", ".").rstrip("%"), (marcada, texto)
        fila = re.findall(r'<td class="fila-revisada"[^>]*>([^<]*)</td>', articulo)
        assert fila[0] in ("Talleres de lectura realizados", "Partos atendidos en el hospital"), fila
        assert ">Meta 2024</td>" in articulo  # the table's header row is kept above the cell
    assert 'class="recorte"' in articulos[dudosas["salud_2024.pdf"]]


_PRUEBA_CELDAS = """
<script>
window.addEventListener('load', function () {
  const res = Array.from(document.querySelectorAll('td.celda-revisada')).map(td => {
    const r = td.getBoundingClientRect();
    return {texto: td.textContent, visible: r.width > 0 && r.height > 0 && td.checkVisibility(),
            informe: td.closest('section.informe').querySelector('h2').textContent};
  });
  const pre = document.createElement('pre'); pre.id = 'prueba'; pre.textContent = JSON.stringify(res);
  document.body.appendChild(pre);
});
</script>
"""


def test_chromium_muestra_las_rejillas_de_word_y_xls(fuentes, tmp_path):
    from PIL import Image

    celdas = _sonda(fuentes["revision"], _PRUEBA_CELDAS, tmp_path / "celdas.html", tmp_path / "perfil")
    assert {c["informe"] for c in celdas if c["visible"]} == {"cultura_2024.docx", "plan_2024.xls"}
    captura = tmp_path / "revision_word_xls.png"
    foto = _chromium(
        "--window-size=1300,2400",
        f"--screenshot={captura}",
        fuentes["revision"].resolve().as_uri(),
        perfil=tmp_path / "perfil",
    )
    assert foto.returncode == 0, foto.stderr[-2000:]
    print(f"\nCaptura de la revisión de un PDF, un Word y un .xls: {captura}")
    imagen = Image.open(captura).convert("RGB")
    rojos = sum(n for n, (r, g, b) in imagen.getcolors(1 << 22) if r > 190 and g < 70 and b < 70)
    assert rojos > 450  # three outlined cells: the PDF crop's and the two grids'


_PRUEBA_COMPARAR = """
<script>
window.addEventListener('load', async function () {
  // checkVisibility: false inside a closed <details> (its content is skipped, not display: none)
  const visible = el => { const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && el.checkVisibility({visibilityProperty: true}); };
  const res = {fuentes: []};
  for (const d of document.querySelectorAll('details.recorte')) {
    const antes = Array.from(d.querySelectorAll('img.recorte, table.hoja')).some(visible);
    d.querySelector('summary').click();
    const img = d.querySelector('img.recorte');
    if (img) await img.decode().catch(() => null);
    const fila = d.closest('tr');
    res.fuentes.push({observacion: d.dataset.observacion, antes: antes,
                      img: img ? {ancho: img.naturalWidth, visible: visible(img)} : null,
                      celda: Array.from(d.querySelectorAll('td.celda-revisada')).map(td => td.textContent),
                      rejilla: Array.from(d.querySelectorAll('table.hoja')).some(visible),
                      revisar: Array.from(fila.querySelectorAll('a.revisar')).map(a => a.getAttribute('href'))});
    d.open = false;
  }
  const pre = document.createElement('pre'); pre.id = 'prueba'; pre.textContent = JSON.stringify(res);
  document.body.appendChild(pre);
});
</script>
"""

_ABRIR_RECORTE = """
<script>
window.addEventListener('load', function () {
  // the figure's indicator alone (the page's other charts removed), its crop opened
  const d = document.querySelector('details.recorte[data-observacion="%s"]');
  const articulo = d.closest('article');
  document.querySelectorAll('article').forEach(a => { if (a !== articulo) a.remove(); });
  d.open = true;
});
</script>
"""

_PRUEBA_ANCLA = """
<script>
window.addEventListener('load', function () {
  const e = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  const r = e ? e.getBoundingClientRect() : null;
  const res = {existe: !!e, visible: !!r && r.height > 0 && !e.classList.contains('oculta'),
               arriba: r ? r.top : null, alto_ventana: window.innerHeight, scroll: window.scrollY};
  const pre = document.createElement('pre'); pre.id = 'prueba'; pre.textContent = JSON.stringify(res);
  document.body.appendChild(pre);
});
</script>
"""


def _sonda(html: Path, script: str, destino: Path, perfil: Path, ancla: str = "") -> dict:
    """`html` with `script` appended, opened in headless Chromium: the JSON the script leaves in <pre id=prueba>."""
    destino.write_text(html.read_text(encoding="utf-8").replace("</body>", script + "</body>"), encoding="utf-8")
    for _ in range(3):  # headless Chromium now and then dumps the page before its load event ran
        dom = _chromium(
            "--virtual-time-budget=10000",
            "--window-size=1300,1200",
            "--dump-dom",
            destino.resolve().as_uri() + ancla,
            perfil=perfil,
        )
        assert dom.returncode == 0, dom.stderr[-2000:]
        m = re.search(r'<pre id="prueba">(.*?)</pre>', dom.stdout, re.S)
        if m:
            break
    assert m, dom.stdout[-2000:]
    return json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def test_comparar_enlaza_cada_cifra_con_su_recorte_y_su_revision(fuentes, tmp_path):
    from PIL import Image

    carpeta, db = fuentes["carpeta"], fuentes["db"]
    pagina = fuentes["comparar"].read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=\"https?:", pagina)  # still works offline
    origen = dict(
        _consulta(db, "SELECT o.observacion_id, i.archivo FROM observaciones o JOIN informes i USING (informe_id)")
    )
    res = _sonda(fuentes["comparar"], _PRUEBA_COMPARAR, carpeta / "comparar_prueba.html", tmp_path / "perfil")
    vistas = res["fuentes"]
    n_cifras = _consulta(db, "SELECT count(*) FROM observaciones")[0][0]
    assert 0 < len(vistas) <= n_cifras
    assert {origen[v["observacion"]] for v in vistas} == {"salud_2024.pdf", "cultura_2024.docx", "plan_2024.xls"}
    for v in vistas:
        assert not v["antes"]  # closed until clicked: the page stays readable
        if origen[v["observacion"]] == "salud_2024.pdf":
            assert v["img"] and v["img"]["ancho"] > 300 and v["img"]["visible"], v
        else:
            assert v["rejilla"] and len(v["celda"]) == 1, v
    # the doubtful figures (one per file) link to their entry in revision.html; the others do not
    revision = fuentes["revision"].read_text(encoding="utf-8")
    enlazadas = {v["observacion"]: v["revisar"] for v in vistas if v["revisar"]}
    dudosas = {o for (o,) in _consulta(db, "SELECT observacion_id FROM observaciones WHERE marcada")}
    assert set(enlazadas) == dudosas and len(dudosas) == 3
    for obs, enlaces in enlazadas.items():
        assert enlaces == [f"revision.html#e-{obs}"] and f'id="e-{obs}"' in revision
    # following the link: the entry exists in revision.html, visible and scrolled to
    obs = next(o for o in dudosas if origen[o] == "cultura_2024.docx")
    ancla = _sonda(
        fuentes["revision"], _PRUEBA_ANCLA, carpeta / "revision_prueba.html", tmp_path / "perfil", ancla=f"#e-{obs}"
    )
    assert ancla["existe"] and ancla["visible"] and ancla["scroll"] > 0 and 0 <= ancla["arriba"] < ancla["alto_ventana"]

    # a screenshot: the PDF's doubtful figure with its crop opened under the comparison's chart
    pdf = next(o for o in dudosas if origen[o] == "salud_2024.pdf")
    abierta = carpeta / "comparar_abierta.html"
    abierta.write_text(pagina.replace("</body>", _ABRIR_RECORTE % pdf + "</body>"), encoding="utf-8")
    captura = tmp_path / "comparar.png"
    foto = _chromium(
        "--window-size=1300,1000", f"--screenshot={captura}", abierta.resolve().as_uri(), perfil=tmp_path / "perfil"
    )
    assert foto.returncode == 0, foto.stderr[-2000:]
    print(f"\nCaptura de la comparación con un recorte abierto: {captura}")
    imagen = Image.open(captura).convert("RGB")
    rojos = sum(n for n, (r, g, b) in imagen.getcolors(1 << 22) if r > 190 and g < 70 and b < 70)
    assert rojos > 200  # the crop's outlined cell is on screen


def test_pagina_escaneada_girada_se_recorta_enderezada(tmp_path):
    """A scan turned 1.5°: the OCR straightened it and the cell boxes are in
    the straightened page, so the crop is drawn from the page turned back
    the same way (pipelines.salidas.ver.enderezar): the table's rules come out level
    and the outlined box holds the figure."""
    import base64
    import io

    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    from extractor.formatos import ocr

    if ocr.falta_tesseract() is not None and not os.environ.get("CI"):
        pytest.skip(f"sin OCR: {ocr.falta_tesseract()}")
    origen = _pdf(
        tmp_path / "origen.pdf",
        ["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"],
        FILAS_DUDOSAS,
        "Informe de gestión vigencia 2024 - Secretaría de Salud",
    )
    documento = pdfium.PdfDocument(str(origen))
    try:
        pagina = documento[0].render(scale=200 / 72).to_pil().convert("L")
    finally:
        documento.close()
    escaneado = tmp_path / "salud_escaneado_2024.pdf"
    pagina.rotate(1.5, resample=Image.BICUBIC, fillcolor=255).save(escaneado, resolution=200)
    db = tmp_path / "e.duckdb"
    r = cli("cargar", escaneado, "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    html = tmp_path / "revision.html"
    r = cli("revisar", "--db", db, "--salida", html, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    texto = html.read_text(encoding="utf-8")
    m = re.search(
        r'<img class="recorte" src="data:image/png;base64,([^"]+)" alt="([^"]*)" data-angulo="([^"]+)"', texto
    )
    assert m, texto[:3000]
    assert abs(float(m.group(3)) + 1.5) <= 0.3 and "página escaneada, enderezada" in m.group(2)
    recorte = Image.open(io.BytesIO(base64.b64decode(m.group(1)))).convert("RGB")
    recorte.save(tmp_path / "recorte.png")
    print(f"\nRecorte de la página escaneada: {tmp_path / 'recorte.png'}")
    a = np.asarray(recorte).astype(int)
    # level rules: some pixel row crosses most of the table (turned 1.5°, no row holds more than ~100 px of a rule)
    assert (a.max(axis=2) < 110).sum(axis=1).max() > 300
    rojo = (a[:, :, 0] > 190) & (a[:, :, 1] < 70) & (a[:, :, 2] < 70)
    ys, xs = np.nonzero(rojo)
    caja = recorte.crop((xs.min() + 4, ys.min() + 4, xs.max() - 3, ys.max() - 3))
    caja = caja.resize((caja.width * 3, caja.height * 3))
    png = io.BytesIO()
    caja.save(png, "PNG")
    leido = subprocess.run(
        ["tesseract", "stdin", "stdout", "--psm", "7"], input=png.getvalue(), capture_output=True, timeout=60
    ).stdout.decode()
    assert "40%" in leido, leido


# ------------------------------------------------------- figures confirmed

_PRUEBA_CORRECTA = """
<script>
window.addEventListener('load', async function () {
  let blob = null;
  URL.createObjectURL = b => { blob = b; return 'about:blank'; };
  HTMLAnchorElement.prototype.click = function () {};
  document.querySelector('article.entrada[data-texto*="talleres"] button[data-accion=correcta]').click();
  document.getElementById('descargar').click();
  const pre = document.createElement('pre'); pre.id = 'prueba';
  pre.textContent = JSON.stringify(blob ? JSON.parse(await blob.text()) : null);
  document.body.appendChild(pre);
});
</script>
"""


def _revisadas(db: Path, carpeta: Path, nombre: str) -> dict[str, str]:
    html = carpeta / nombre
    r = cli("revisar", "--db", db, "--salida", html, cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    return _entradas_html(html.read_text(encoding="utf-8"))


def test_correcta_se_recuerda_mientras_la_cifra_no_cambie(tmp_path):
    """«Correcta» on the review page, imported with corregir --desde: the figure
    leaves the next review, through reloads and into another store, and comes
    back when a reading of that cell gives another value."""
    pdf = _pdf(
        tmp_path / "salud_2024.pdf",
        ["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"],
        FILAS_DUDOSAS,
        "Informe de gestión vigencia 2024 - Secretaría de Salud",
    )
    docx = _docx(tmp_path / "cultura_2024.docx")
    db = tmp_path / "c.duckdb"
    assert cli("cargar", pdf, docx, "--db", db, cwd=tmp_path).returncode == 0
    antes = _revisadas(db, tmp_path, "antes.html")
    talleres = next(k for k, a in antes.items() if "Talleres de lectura realizados" in a)
    assert len(antes) == 2

    decisiones = _sonda(tmp_path / "antes.html", _PRUEBA_CORRECTA, tmp_path / "antes_prueba.html", tmp_path / "perfil")
    assert decisiones["correcciones"] == [{"tipo": "confirmada", "observacion_id": talleres}]
    archivo = tmp_path / "decisiones.json"
    archivo.write_text(json.dumps(decisiones), encoding="utf-8")
    r = cli("corregir", "--desde", archivo, "--db", db, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "cultura_2024.docx, tabla 1, fila 3, columna 4: cifra confirmada" in r.stdout, r.stdout
    assert "Vuelto a cargar" not in r.stdout  # a confirmation changes no reading
    assert set(_revisadas(db, tmp_path, "despues.html")) == set(antes) - {talleres}

    # it survives --forzar and travels to another store with the other corrections
    assert cli("cargar", docx, "--db", db, "--forzar", cwd=tmp_path).returncode == 0
    assert talleres not in _revisadas(db, tmp_path, "forzado.html")
    exportado = tmp_path / "correcciones.json"
    assert cli("corregir", "--exportar", exportado, "--db", db, cwd=tmp_path).returncode == 0
    otra = tmp_path / "otra.duckdb"
    assert cli("cargar", docx, "--db", otra, cwd=tmp_path).returncode == 0
    assert talleres in _revisadas(otra, tmp_path, "otra_antes.html")
    r = cli("corregir", "--desde", exportado, "--db", otra, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert talleres not in _revisadas(otra, tmp_path, "otra_despues.html")

    # a later reading of that cell with another value (as a new version of the reader would store it)
    con = duckdb.connect(str(db))
    con.execute("UPDATE observaciones SET valor = 0.8 WHERE observacion_id = ?", [talleres])
    con.close()
    assert talleres in _revisadas(db, tmp_path, "cambiada.html")


def test_confirmar_desde_la_linea_de_comandos_en_una_base_anterior(tmp_path):
    """A store made before confirmations (its correcciones table without
    `valor`): revisar and --listar read it as it is; the first --confirmar
    adds the column (tablas.yaml, pipelines/almacen/__init__.py) and stores it."""
    docx = _docx(tmp_path / "cultura_2024.docx")
    db = tmp_path / "vieja.duckdb"
    assert cli("cargar", docx, "--db", db, cwd=tmp_path).returncode == 0
    con = duckdb.connect(str(db))
    con.execute("ALTER TABLE correcciones DROP COLUMN valor")
    con.close()
    (talleres,) = _revisadas(db, tmp_path, "vieja.html")
    r = cli("corregir", "--listar", "--db", db, cwd=tmp_path)
    assert r.returncode == 0 and "No hay correcciones guardadas" in r.stdout, r.stdout + r.stderr
    r = cli("corregir", "--observacion", talleres, "--confirmar", "--rechazar", "--db", db, cwd=tmp_path)
    assert r.returncode == 1 and "Indique una sola corrección" in r.stderr
    r = cli(
        "corregir",
        "--archivo",
        "cultura_2024.docx",
        "--tabla",
        "1",
        "--fila",
        "3",
        "--confirmar",
        "--db",
        db,
        cwd=tmp_path,
    )
    assert r.returncode == 1 and "--columna" in r.stderr, r.stderr
    r = cli(
        "corregir",
        "--archivo",
        "cultura_2024.docx",
        "--tabla",
        "1",
        "--fila",
        "3",
        "--columna",
        "4",
        "--confirmar",
        "--db",
        db,
        cwd=tmp_path,
    )
    assert (
        r.returncode == 0 and "cifra confirmada (Talleres de lectura realizados, avance_porcentual = 80)" in r.stdout
    ), r.stdout + r.stderr
    assert _consulta(db, "SELECT tipo, valor FROM correcciones") == [("confirmada", 80.0)]
    assert _revisadas(db, tmp_path, "vieja_despues.html") == {}
    # the first review pages listed «Correcta» apart: still imported
    otra = tmp_path / "otra.duckdb"
    assert cli("cargar", docx, "--db", otra, cwd=tmp_path).returncode == 0
    antiguo = tmp_path / "antiguo.json"
    antiguo.write_text(
        json.dumps({"formato": "informes-correcciones", "version": 1, "correcciones": [], "confirmadas": [talleres]}),
        encoding="utf-8",
    )
    assert cli("corregir", "--desde", antiguo, "--db", otra, cwd=tmp_path).returncode == 0
    assert _revisadas(otra, tmp_path, "otra.html") == {}
