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

from tests.conftest import RAIZ, navegador

# ------------------------------------------------------------------ files


def _pdf(ruta: Path, encabezado: list[str], filas: list[list[str]], titulo: str) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    estilos = getSampleStyleSheet()
    tabla = Table([encabezado, *filas], colWidths=[230] + [85] * (len(encabezado) - 1))
    tabla.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey)]))
    SimpleDocTemplate(str(ruta), pagesize=letter).build([
        Paragraph("Alcaldía de Girardot", estilos["Title"]), Paragraph(titulo, estilos["Heading2"]),
        Spacer(1, 12), tabla])
    return ruta


FILAS_DUDOSAS = [["Niños vacunados con esquema completo", "1.500", "1.320", "88%"],
                 ["Campañas de salud realizadas", "12", "10", "40%"],  # 10 / 12 is 83 %, not 40 %
                 ["Hogares visitados", "800", "640", "80%"]]


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
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *map(str, args)], cwd=cwd, env=entorno,
                          capture_output=True, text=True, timeout=600)


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
    pdf = _pdf(carpeta / "salud_2024.pdf", ["Indicador", "Meta 2024", "Ejecutado 2024", "% avance"], FILAS_DUDOSAS,
               "Informe de gestión vigencia 2024 - Secretaría de Salud")
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
        [navegador(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--hide-scrollbars", f"--user-data-dir={perfil}", "--enable-logging=stderr", "--v=0", *args],
        capture_output=True, text=True, timeout=180)


def test_chromium_muestra_los_recortes_y_descarga_las_decisiones(revision, tmp_path):
    from PIL import Image

    # a screenshot of the page as a person opens it
    captura = tmp_path / "revision.png"
    foto = _chromium("--window-size=1300,1900", f"--screenshot={captura}", revision["html"].resolve().as_uri(),
                     perfil=tmp_path / "perfil")
    assert foto.returncode == 0, foto.stderr[-2000:]
    assert not [l for l in foto.stderr.splitlines() if "CONSOLE" in l]
    imagen = Image.open(captura).convert("RGB")
    assert imagen.size == (1300, 1900)
    rojos = sum(n for n, (r, g, b) in imagen.getcolors(1 << 22) if r > 190 and g < 70 and b < 70)
    assert rojos > 300  # the cell outlined in the crop and the highlighted workbook cell are on screen

    # the same page with a probe: crops decoded and visible, the search box, the decisions downloaded
    con_prueba = tmp_path / "con_prueba.html"
    con_prueba.write_text(revision["html"].read_text(encoding="utf-8").replace("</body>", _PRUEBA + "</body>"),
                          encoding="utf-8")
    dom = _chromium("--virtual-time-budget=10000", "--window-size=1300,1900", "--dump-dom",
                    con_prueba.resolve().as_uri(), perfil=tmp_path / "perfil")
    assert dom.returncode == 0, dom.stderr[-2000:]
    m = re.search(r'<pre id="prueba">(.*?)</pre>', dom.stdout, re.S)
    assert m, dom.stdout[-2000:]
    res = json.loads(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
    assert len(res["recortes"]) == 1
    recorte = res["recortes"][0]
    assert recorte["ancho"] > 400 and recorte["alto"] > 100 and recorte["visible"]
    assert res["celdas"] == [{"texto": "0,9", "visible": True}]
    # grouped by report (file name order), each figure under its table
    assert [t.split(" error")[0] for t in res["titulos"]] == ["Partos atendidos en el hospital",
                                                              "Campañas de salud realizadas"]
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
    rechazada = _consulta(db, "SELECT count(*) FROM observaciones o JOIN informes i USING (informe_id) "
                              "WHERE i.archivo = 'salud_2024.pdf' AND o.indicador = 'Campañas de salud realizadas' "
                              "AND o.medida = 'avance_porcentual'")
    assert rechazada == [(0,)]
    assert _consulta(db, "SELECT count(*) FROM filas_no_mapeadas WHERE motivo LIKE 'cifra rechazada%'") == [(1,)]
    medidas = _consulta(db, "SELECT DISTINCT o.medida FROM observaciones o JOIN informes i USING (informe_id) "
                            "WHERE i.archivo = 'plan_2024.xlsx' AND o.columna = 3")
    assert medidas == [("ejecutado",)]


def test_revisar_errores_claros(revision, tmp_path):
    r = cli("revisar", "--db", revision["db"], "--archivo", "no_existe.pdf", "--salida", tmp_path / "x.html",
            cwd=tmp_path)
    assert r.returncode == 1 and "no_existe.pdf" in r.stderr
    r = cli("revisar", "--db", revision["db"], "--minimo", "3", "--salida", tmp_path / "x.html", cwd=tmp_path)
    assert r.returncode == 1 and "--minimo" in r.stderr
    r = cli("revisar", "--db", tmp_path / "falta.duckdb", cwd=tmp_path)
    assert r.returncode == 1 and "No existe la base de datos" in r.stderr


# --------------------------------------------------------------- corregir

# One office's layout, two years: the reader takes «Logrado <año>» for the
# cumulative figure; it is the year's result (ejecutado).
FILAS_LOGRADO = [["Niños vacunados con esquema completo", "1.500", "1.320"],
                 ["Campañas de salud realizadas", "12", "10"],
                 ["Hogares visitados", "800", "640"]]
FILAS_LOGRADO_2025 = [["Niños vacunados con esquema completo", "1.600", "1.580"],
                      ["Campañas de salud realizadas", "14", "9"],
                      ["Hogares visitados", "850", "700"],
                      ["Jornadas de desparasitación", "6", "6"]]


def _gold(filas: list[list[str]], anio: int) -> set[tuple]:
    """What a person reads in the generated table: (indicator, measure, year end, value)."""
    salida = set()
    for nombre, meta, logrado in filas:
        for medida, texto in (("meta", meta), ("ejecutado", logrado)):
            salida.add((nombre, medida, date(anio, 12, 31), float(texto.replace(".", ""))))
    return salida


def _leidas(db: Path, archivo: str) -> set[tuple]:
    return set(_consulta(db, "SELECT o.indicador, o.medida, o.periodo_fin, o.valor FROM observaciones o "
                             "JOIN informes i USING (informe_id) WHERE i.archivo = ?", [archivo]))


@pytest.fixture
def dos_anios(tmp_path) -> dict:
    titulo = "Informe de gestión vigencia {} - Secretaría de Salud"
    a = _pdf(tmp_path / "girardot_2024.pdf", ["Indicador", "Meta 2024", "Logrado 2024"], FILAS_LOGRADO,
             titulo.format(2024))
    b = _pdf(tmp_path / "girardot_2025.pdf", ["Indicador", "Meta 2025", "Logrado 2025"], FILAS_LOGRADO_2025,
             titulo.format(2025))
    return {"a": a, "b": b, "db": tmp_path / "i.duckdb", "carpeta": tmp_path}


def test_una_correccion_de_columna_ensena_el_informe_siguiente(dos_anios):
    d = dos_anios
    db, carpeta = d["db"], d["carpeta"]
    r = cli("cargar", d["a"], "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stderr
    gold_a = _gold(FILAS_LOGRADO, 2024)
    antes = _leidas(db, "girardot_2024.pdf")
    assert antes != gold_a and {m for _, m, _, _ in antes} == {"meta", "acumulado"}  # the reader's mistake

    r = cli("corregir", "--archivo", "girardot_2024.pdf", "--tabla", "1", "--columna", "3", "--medida", "ejecutado",
            "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "plantilla para las tablas con el mismo encabezado" in r.stdout
    assert "Vuelto a cargar: girardot_2024.pdf" in r.stdout
    assert _leidas(db, "girardot_2024.pdf") == gold_a

    # the next year's report of the same layout is read with the template, and the load says so
    r = cli("cargar", d["b"], "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stderr
    assert re.search(r"Plantilla de lectura aplicada: girardot_2025\.pdf: tabla 1 con la plantilla P[0-9a-f]{8}",
                     r.stdout), r.stdout
    gold_b = _gold(FILAS_LOGRADO_2025, 2025)
    leidas_b = _leidas(db, "girardot_2025.pdf")
    assert leidas_b == gold_b, leidas_b ^ gold_b
    plantilla = _consulta(db, "SELECT DISTINCT plantilla FROM columnas_leidas l JOIN informes i USING (informe_id) "
                              "WHERE i.archivo = 'girardot_2025.pdf'")
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
    r = cli("corregir", "--archivo", "girardot_2024.pdf", "--tabla", "1", "--fila", "3",
            "--indicador", "Campañas de promoción de la salud", "--db", db, cwd=carpeta)
    assert r.returncode == 0, r.stdout + r.stderr
    nombres = {n for (n,) in _consulta(db, "SELECT DISTINCT indicador FROM observaciones")}
    assert "Campañas de promoción de la salud" in nombres and "Campañas de salud realizadas" not in nombres
    for args, mensaje in (
        (["--archivo", "otro.pdf", "--tabla", "1", "--columna", "2", "--medida", "meta"], "otro.pdf"),
        (["--archivo", "girardot_2024.pdf", "--tabla", "1", "--columna", "9", "--medida", "meta"], "columna 9"),
        (["--archivo", "girardot_2024.pdf", "--tabla", "1", "--columna", "2", "--medida", "inventada"],
         "no está en esquemas/medidas.csv"),
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
    from extractor.confianza import umbrales

    u = umbrales()
    pdf = _pdf(tmp_path / "semestre.pdf", ["Indicador", "Meta 2024", "II semestre 2024", "% avance"],
               [["Niños vacunados con esquema completo", "1.500", "1.320", "88%"],
                ["Campañas de salud realizadas", "12", "10", "40%"]],
               "Informe de gestión vigencia 2024 - Secretaría de Salud")
    confianza = {(o.indicador, o.medida): o.confianza for o in extraer_informe(pdf).observaciones}
    assert confianza[("Niños vacunados con esquema completo", "meta")] == 1.0  # "Meta" is a rule's word
    assert confianza[("Niños vacunados con esquema completo", "ejecutado")] == u["aritmetica_confirmada"]
    assert confianza[("Campañas de salud realizadas", "ejecutado")] == u["medida_sin_regla"]
    assert confianza[("Campañas de salud realizadas", "avance_porcentual")] == u["avance_que_no_cuadra"]
    assert confianza[("Niños vacunados con esquema completo", "avance_porcentual")] == 1.0
