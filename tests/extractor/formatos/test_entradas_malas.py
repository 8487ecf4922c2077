"""Bad input through the real command: every file here is made by the test
(truncations and mutations of corpus files, attacks, mislabelled files) in
tmp_path. Each one must fail with a Spanish line naming the file and the
reason, exit status 1, no traceback unless --debug, the dataset exactly as it
was, and a good file of the same command still loads.

Also: per-file time and memory limits (child processes), the page limit, and
the input guards of extractor/formatos/seguridad.py on their own."""

from __future__ import annotations

import random
import re
import shutil
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from corpus.generador.generar_derivados import serializar_pdf
from extractor import ErrorLectura, extraer_informe
from extractor.formatos.legado import soffice
from extractor.formatos.ocr import falta_tesseract
from extractor.formatos.seguridad import LimitesLectura, detectar_formato, flujos_danados, revisar_docx
from pipelines.carga.cargar import Limites, cargar_rutas
from pipelines.cli import app
from tests.conftest import CORPUS_REAL, INFORMES, RAIZ

runner = CliRunner()

PDF_BASE = INFORMES / "villavicencio_hacienda_2022.pdf"
DOCX_BASE = INFORMES / "pasto_infraestructura_2020.docx"
PREVIO = INFORMES / "sogamoso_educacion_2019.docx"  # loaded before: the state to keep
BUENO = INFORMES / "yopal_integracion_social_2023.docx"  # loads in the same command
LIMITE_PAGINAS = 1000

VACIO = "el archivo está vacío (0 bytes)"
PDF_DANADO = "el PDF está dañado o incompleto"
ZIP_DANADO = "el archivo ZIP (documento de Word) está dañado o incompleto"
DOCX_DANADO = "el documento de Word está dañado o incompleto"
NI_PDF_NI_WORD = "no es un PDF ni un documento de Word (.docx) válido"
BOMBA = "posible bomba de descompresión"
ENTIDADES = "declara DOCTYPE/ENTITY"
SIN_TABLAS = "no se encontraron tablas de indicadores"
TESSERACT = falta_tesseract() is None  # scanned PDFs are read by OCR (CI installs it: .ci/run)
SOFFICE = soffice() is not None  # .doc, .rtf and .odt are converted by LibreOffice


# ------------------------------------------------------------- file makers


def pdf_minimo(contenidos: list[bytes | None], imagen: bool = False) -> bytes:
    """A valid PDF written by hand: one page per content stream (None: an
    empty page); Helvetica is /F1."""
    objetos: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    paginas = []
    n = 4
    for contenido in contenidos:
        pagina, n = n, n + 1
        paginas.append(pagina)
        if contenido is None:
            objetos[pagina] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"
            continue
        flujo, n = n, n + 1
        objetos[pagina] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % flujo
        )
        objetos[flujo] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(contenido), contenido)
    return serializar_pdf(objetos, paginas)


def texto_pdf(lineas: list[str]) -> bytes:
    partes = [b"BT /F1 11 Tf 14 TL 72 740 Td"]
    for linea in lineas:
        escapado = linea.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        partes.append(b"(" + escapado.encode("cp1252") + b") Tj T*")
    partes.append(b"ET")
    return b"\n".join(partes)


PROSA = [
    "Informe de gestion de la Secretaria de Cultura",
    "Alcaldia Municipal de San Isidro, vigencia 2023",
    "Durante el periodo se realizaron talleres de lectura con la comunidad.",
    "La biblioteca publica amplio su horario de atencion en 2023.",
    "Se fortalecio la agenda cultural con apoyo de las juntas de accion comunal.",
    "Conclusiones: la secretaria continuara con el plan de lectura.",
]


def rehacer_docx(origen: Path, destino: Path, cambios: dict | None = None, extra=()) -> Path:
    """Copy of a DOCX with parts replaced (bytes), removed (None) or added."""
    cambios = cambios or {}
    with zipfile.ZipFile(origen) as zin, zipfile.ZipFile(destino, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            datos = cambios.get(info.filename, zin.read(info.filename))
            if datos is not None:
                zout.writestr(info.filename, datos)
        for nombre, datos in extra:
            zout.writestr(nombre, datos)
    return destino


def documento_xml() -> bytes:
    with zipfile.ZipFile(DOCX_BASE) as z:
        return z.read("word/document.xml")


def con_doctype(xml: bytes, doctype: bytes) -> bytes:
    fin = xml.index(b"?>") + 2
    return xml[:fin] + doctype + xml[fin:]


def risas() -> bytes:
    """The billion-laughs DOCTYPE: 10^9 "lol" if an XML parser expanded it."""
    entidades = [b'<!ENTITY lol "lol">']
    for i in range(1, 10):
        anterior = b"&lol;" if i == 1 else b"&lol%d;" % (i - 1)
        entidades.append(b'<!ENTITY lol%d "%s">' % (i, anterior * 10))
    return b"<!DOCTYPE w:document [" + b"".join(entidades) + b"]>"


def mayor_flujo(datos: bytes) -> tuple[int, int]:
    """(start, end) of the largest stream of a PDF (its page content here)."""
    flujos = [
        (m.end(), datos.index(b"endstream", m.end()))
        for m in re.finditer(rb"stream\r?\n", datos)
        if not datos[m.start() - 3 : m.start()] == b"end"
    ]
    return max(flujos, key=lambda f: f[1] - f[0])


def voltear(datos: bytes, desde: int, n: int = 16) -> bytes:
    b = bytearray(datos)
    for i in range(desde, desde + n):
        b[i] ^= 0xFF
    return bytes(b)


def datos_de_parte(docx: bytes, nombre: str) -> tuple[int, int]:
    """(offset, size) of a part's compressed bytes inside the zip."""
    import io

    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        info = z.getinfo(nombre)
    h = info.header_offset
    n, m = struct.unpack("<HH", docx[h + 26 : h + 30])
    return h + 30 + n + m, info.compress_size


def tamano_declarado(docx: bytes, nombre: str, tamano: int) -> bytes:
    """Rewrite the uncompressed size that the central directory declares."""
    b = bytearray(docx)
    i = b.find(b"PK\x01\x02")
    while i >= 0:
        largo = struct.unpack("<H", b[i + 28 : i + 30])[0]
        if bytes(b[i + 46 : i + 46 + largo]) == nombre.encode():
            b[i + 24 : i + 28] = struct.pack("<I", tamano)
        i = b.find(b"PK\x01\x02", i + 4)
    return bytes(b)


def zip_con(partes: dict[str, bytes]) -> bytes:
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for nombre, datos in partes.items():
            z.writestr(nombre, datos)
    return buf.getvalue()


def pdf_cifrado(destino: Path, usuario: str) -> Path:
    pypdf = pytest.importorskip("pypdf")
    escritor = pypdf.PdfWriter(clone_from=str(PDF_BASE))
    escritor.encrypt(user_password=usuario, owner_password="propietario", algorithm="AES-128")
    with open(destino, "wb") as f:
        escritor.write(f)
    return destino


def hacer_malos(carpeta: Path) -> dict[str, str]:
    """Write every bad file; return {file name: expected reason}."""
    carpeta.mkdir(parents=True, exist_ok=True)
    esperado: dict[str, str] = {}

    def poner(nombre: str, datos: bytes, motivo: str) -> None:
        (carpeta / nombre).write_bytes(datos)
        esperado[nombre] = motivo

    pdf = PDF_BASE.read_bytes()
    docx = DOCX_BASE.read_bytes()
    xml = documento_xml()
    aleatorio = random.Random(2024)

    poner("vacio.pdf", b"", VACIO)
    poner("vacio.docx", b"", VACIO)
    # truncated downloads, at several offsets (the last one only loses %%EOF)
    for nombre, corte in (
        ("corte_50b", 50),
        ("corte_25", len(pdf) // 4),
        ("corte_50", len(pdf) // 2),
        ("corte_75", len(pdf) * 3 // 4),
        ("corte_final", len(pdf) - 7),
    ):
        poner(f"{nombre}.pdf", pdf[:corte], PDF_DANADO)
    poner("docx_corte_50.docx", docx[: len(docx) // 2], ZIP_DANADO)
    poner("docx_corte_90.docx", docx[: len(docx) * 9 // 10], ZIP_DANADO)
    # flipped bytes
    inicio, fin = mayor_flujo(pdf)
    poner("bits_flujo.pdf", voltear(pdf, (inicio + fin) // 2), PDF_DANADO + " (1 flujo comprimido con errores")
    poner("bits_cabecera.pdf", voltear(pdf, 1, 3), NI_PDF_NI_WORD)
    desde, largo = datos_de_parte(docx, "word/document.xml")
    poner(
        "bits_documento.docx",
        voltear(docx, desde + largo // 2),
        DOCX_DANADO + " (la parte word/document.xml no se puede descomprimir)",
    )
    # not a report at all
    poner("azar.pdf", aleatorio.randbytes(20000), NI_PDF_NI_WORD)
    poner("azar.docx", aleatorio.randbytes(20000), NI_PDF_NI_WORD)
    pagina = (
        "<!DOCTYPE html>\n<html lang='es'><head><title>Portal</title></head>"
        "<body><p>Descargue el informe</p></body></html>"
    ).encode()
    # a web page is read as what it is (extractor/formatos/html.py), whatever its name: this one has no table
    poner("pagina_web.docx", pagina, SIN_TABLAS)
    poner("pagina_web.pdf", pagina, SIN_TABLAS)
    # RTF and OpenDocument text are read through LibreOffice (extractor/formatos/legado.py)
    poner(
        "rtf.docx",
        rb"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times;}} Informe de gestion}",
        SIN_TABLAS if SOFFICE else "que no está instalado (en Debian/Ubuntu: apt-get install libreoffice-writer-nogui)",
    )
    poner(
        "ole_danado.docx",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088),
        "el archivo de Office 97-2003 (formato OLE) está dañado o incompleto",
    )
    # an Excel package is read as a workbook whatever its extension; this one has no sheets
    poner(
        "excel.docx",
        zip_con({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
        "el libro de cálculo (.xlsx) está dañado o incompleto",
    )
    poner(
        "libreoffice.docx",
        zip_con({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office:document-content/>"}),
        "LibreOffice no pudo convertir el documento OpenDocument (.odt)"
        if SOFFICE
        else "que no está instalado (en Debian/Ubuntu: apt-get install libreoffice-writer-nogui)",
    )
    rehacer_docx(DOCX_BASE, carpeta / "sin_document_xml.docx", {"word/document.xml": None})
    esperado["sin_document_xml.docx"] = "no es un documento de Word válido: le falta word/document.xml"
    # a zip with the Word parts, but not a Word package python-docx can open
    for nombre, cambios in (
        ("sin_content_types.docx", {"[Content_Types].xml": None}),
        ("sin_relaciones.docx", {"_rels/.rels": None}),
        ("xml_ajeno.docx", {"word/document.xml": b'<?xml version="1.0"?><informe/>'}),
    ):
        rehacer_docx(DOCX_BASE, carpeta / nombre, cambios)
        esperado[nombre] = DOCX_DANADO + " (su estructura interna no es válida)"
    rehacer_docx(DOCX_BASE, carpeta / "xml_cortado.docx", {"word/document.xml": xml[: len(xml) // 2]})
    esperado["xml_cortado.docx"] = DOCX_DANADO
    # zip bombs and XML attacks
    relleno = xml[: -len(b"</w:document>")] + b" " * (8 << 20) + b"</w:document>"
    rehacer_docx(DOCX_BASE, carpeta / "bomba_razon.docx", {"word/document.xml": relleno})
    esperado["bomba_razon.docx"] = BOMBA
    poner(
        "bomba_declarada.docx",
        tamano_declarado(docx, "word/document.xml", 0xFFFFFFF0),
        "descomprimido; el máximo es 512 MB (posible bomba de descompresión)",
    )
    rehacer_docx(
        DOCX_BASE, carpeta / "miles_de_partes.docx", extra=[(f"relleno/parte{i}.xml", b"<a/>") for i in range(5200)]
    )
    esperado["miles_de_partes.docx"] = "partes internas; el máximo es 5000"
    rehacer_docx(DOCX_BASE, carpeta / "mil_millones_de_risas.docx", {"word/document.xml": con_doctype(xml, risas())})
    esperado["mil_millones_de_risas.docx"] = ENTIDADES + " en word/document.xml"
    with zipfile.ZipFile(DOCX_BASE) as z:
        estilos = z.read("word/styles.xml")
    xxe = b'<!DOCTYPE w:styles [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    rehacer_docx(DOCX_BASE, carpeta / "xxe.docx", {"word/styles.xml": con_doctype(estilos, xxe)})
    esperado["xxe.docx"] = ENTIDADES + " en word/styles.xml"
    # XML under a name that does not say so (a relationship may point there)
    rehacer_docx(
        DOCX_BASE,
        carpeta / "entidades_escondidas.docx",
        extra=[("word/media/datos.bin", b'<?xml version="1.0"?>' + risas() + b"<x>&lol9;</x>")],
    )
    esperado["entidades_escondidas.docx"] = ENTIDADES + " en word/media/datos.bin"
    utf16 = xml.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    rehacer_docx(DOCX_BASE, carpeta / "utf16.docx", {"word/document.xml": utf16})
    esperado["utf16.docx"] = "usa una codificación no admitida (se espera UTF-8)"
    # PDFs that open but cannot give figures
    pdf_cifrado(carpeta / "con_contrasena.pdf", usuario="secreto")
    esperado["con_contrasena.pdf"] = "el PDF está cifrado o protegido con contraseña"
    poner(
        "tres_mil_paginas.pdf", pdf_minimo([None] * 3000), f"el PDF tiene 3000 páginas y el límite es {LIMITE_PAGINAS}"
    )
    from PIL import Image, ImageDraw

    imagen = Image.new("RGB", (850, 1100), "white")
    ImageDraw.Draw(imagen).rectangle((100, 100, 700, 300), outline="black", width=5)
    imagen.save(carpeta / "escaneado.pdf", "PDF", resolution=100)
    # a scanned page is read by OCR; this one has a frame and no text
    esperado["escaneado.pdf"] = (
        SIN_TABLAS + " (PDF escaneado: la página 1 se leyó con OCR y no tiene tablas)"
        if TESSERACT
        else "el PDF no tiene capa de texto (parece escaneado): necesita OCR"
    )
    poner("en_blanco.pdf", pdf_minimo([None]), "el PDF no tiene texto (sus páginas están en blanco)")
    poner("solo_texto.pdf", pdf_minimo([texto_pdf(PROSA)]), SIN_TABLAS)
    import docx as python_docx

    doc = python_docx.Document()
    for linea in PROSA:
        doc.add_paragraph(linea)
    doc.save(carpeta / "solo_texto.docx")
    esperado["solo_texto.docx"] = SIN_TABLAS
    doc = python_docx.Document()
    doc.add_paragraph("Directorio de funcionarios")
    tabla = doc.add_table(rows=4, cols=3)
    for r, fila in enumerate(
        [
            ["Nombre", "Cargo", "Dependencia"],
            ["Ana Pérez", "Secretaria", "Cultura"],
            ["Luis Gómez", "Profesional", "Cultura"],
            ["Eva Ríos", "Técnica", "Deporte"],
        ]
    ):
        for c, texto in enumerate(fila):
            tabla.cell(r, c).text = texto
    doc.save(carpeta / "tabla_sin_cifras.docx")
    esperado["tabla_sin_cifras.docx"] = SIN_TABLAS
    return esperado


# ----------------------------------------------------------------- helpers


def estado(db: Path) -> dict[str, list[str]]:
    """Every row of every table but `cargas` (the log of attempts), as sorted
    text, without TIMESTAMP columns (when a row was written)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        columnas: dict[str, list[str]] = {}
        for tabla, columna, tipo in con.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall():
            if tabla != "cargas" and not tipo.upper().startswith("TIMESTAMP"):
                columnas.setdefault(tabla, []).append(columna)
        return {
            tabla: sorted(
                map(repr, con.execute("SELECT " + ", ".join(f'"{c}"' for c in cols) + f' FROM "{tabla}"').fetchall())
            )
            for tabla, cols in columnas.items()
        }
    finally:
        con.close()


def informes(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT archivo, informe_id FROM informes").fetchall())
    finally:
        con.close()


def cargas(db: Path) -> dict[str, tuple[str, str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {a: (r, m) for a, r, m in con.execute("SELECT archivo, resultado, motivo FROM cargas").fetchall()}
    finally:
        con.close()


def lineas_de_error(stderr: str) -> dict[str, str]:
    """{file name: reason} from the 'Error: name: reason' lines."""
    salida = {}
    for linea in stderr.splitlines():
        m = re.match(r"Error: ([^:]+\.(?:pdf|docx)): (.*)$", linea.strip())
        if m:
            salida[m.group(1)] = m.group(2)
    return salida


@pytest.fixture(scope="module")
def malos(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    carpeta = tmp_path_factory.mktemp("malos")
    return carpeta, hacer_malos(carpeta)


@pytest.fixture(scope="module")
def db_previa(tmp_path_factory) -> Path:
    """A store holding one good report: the state bad files must not change."""
    carpeta = tmp_path_factory.mktemp("previa")
    shutil.copy(PREVIO, carpeta / PREVIO.name)
    db = carpeta / "previa.duckdb"
    r = runner.invoke(app, ["cargar", str(carpeta / PREVIO.name), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


@pytest.fixture(scope="module")
def bueno(tmp_path_factory) -> Path:
    """The good file, at one path for every command (the path is stored)."""
    return shutil.copy(BUENO, tmp_path_factory.mktemp("bueno") / BUENO.name)


@pytest.fixture(scope="module")
def db_referencia(db_previa, bueno, tmp_path_factory) -> Path:
    """db_previa after loading only the good file: what every command with
    bad files plus the good file must leave (bad files change nothing)."""
    db = tmp_path_factory.mktemp("referencia") / "referencia.duckdb"
    shutil.copy(db_previa, db)
    r = runner.invoke(app, ["cargar", str(bueno), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


def test_hay_al_menos_25_archivos_malos(malos):
    carpeta, esperado = malos
    assert len(esperado) >= 25
    assert sorted(p.name for p in carpeta.iterdir()) == sorted(esperado) == NOMBRES


# ------------------------------------------------- all of them, one process


@pytest.fixture(scope="module")
def corrida(malos, db_previa, bueno, tmp_path_factory):
    """One real `informes cargar` process with every bad file and a good one."""
    carpeta, esperado = malos
    db = tmp_path_factory.mktemp("corrida") / "x.duckdb"
    shutil.copy(db_previa, db)
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "cargar",
            str(carpeta),
            str(bueno),
            "--db",
            str(db),
            "--limite-paginas",
            str(LIMITE_PAGINAS),
            "--trabajadores",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=RAIZ,
        env={**_entorno(), "COLUMNS": "200"},
    )
    return p, db, esperado


def _entorno() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}


def test_un_proceso_real_con_todos_los_malos(corrida, db_previa, db_referencia):
    p, db, esperado = corrida
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr and "Traceback" not in p.stdout
    motivos = lineas_de_error(p.stderr)
    assert set(motivos) == set(esperado), p.stderr
    for nombre, motivo in esperado.items():
        assert motivo in motivos[nombre], (nombre, motivos[nombre])
    # the good file loaded; nothing else changed
    assert set(informes(db)) == set(informes(db_previa)) | {BUENO.name}
    assert estado(db) == estado(db_referencia)
    registro = cargas(db)
    for nombre in esperado:
        assert registro[nombre][0] == "fallido" and registro[nombre][1].startswith(f"{nombre}: ")
    assert registro[BUENO.name][0] == "cargado"


# ------------------------------------------------- one by one, each its own command


NOMBRES = sorted(
    """
vacio.pdf vacio.docx corte_50b.pdf corte_25.pdf corte_50.pdf corte_75.pdf corte_final.pdf
docx_corte_50.docx docx_corte_90.docx bits_flujo.pdf bits_cabecera.pdf bits_documento.docx
azar.pdf azar.docx pagina_web.docx pagina_web.pdf rtf.docx ole_danado.docx excel.docx
libreoffice.docx sin_document_xml.docx bomba_razon.docx bomba_declarada.docx miles_de_partes.docx
mil_millones_de_risas.docx xxe.docx utf16.docx con_contrasena.pdf tres_mil_paginas.pdf
escaneado.pdf en_blanco.pdf solo_texto.pdf solo_texto.docx tabla_sin_cifras.docx
sin_content_types.docx sin_relaciones.docx xml_ajeno.docx xml_cortado.docx entidades_escondidas.docx
""".split()
)


@pytest.mark.parametrize("nombre", NOMBRES)
def test_cada_archivo_malo(nombre, malos, db_previa, db_referencia, bueno, tmp_path):
    carpeta, esperado = malos
    db = tmp_path / "x.duckdb"
    shutil.copy(db_previa, db)
    r = runner.invoke(
        app,
        ["cargar", str(carpeta / nombre), str(bueno), "--db", str(db), "--limite-paginas", str(LIMITE_PAGINAS)],
        env={"COLUMNS": "200"},
    )
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output
    linea = f"Error: {nombre}: "
    errores = [l for l in r.stderr.splitlines() if l.startswith("Error:")]
    assert len(errores) == 1 and errores[0].startswith(linea), r.stderr
    assert esperado[nombre] in errores[0]
    assert set(informes(db)) == set(informes(db_previa)) | {BUENO.name}
    assert estado(db) == estado(db_referencia)


def test_debug_muestra_la_traza(malos, tmp_path):
    carpeta, _ = malos
    r = runner.invoke(app, ["cargar", str(carpeta / "corte_50.pdf"), "--db", str(tmp_path / "x.duckdb"), "--debug"])
    assert r.exit_code == 1
    assert "corte_50.pdf: el PDF está dañado o incompleto" in r.stderr
    assert "Traceback" in r.stderr and "ErrorLectura" in r.stderr


def test_un_informe_cargado_no_se_pierde_si_su_archivo_se_dana(tmp_path):
    """The same path, now truncated: the load fails and the stored version stays."""
    ruta = tmp_path / "informe.pdf"
    shutil.copy(PDF_BASE, ruta)
    db = tmp_path / "x.duckdb"
    assert runner.invoke(app, ["cargar", str(ruta), "--db", str(db)]).exit_code == 0
    antes = estado(db)
    ruta.write_bytes(PDF_BASE.read_bytes()[:20000])
    r = runner.invoke(app, ["cargar", str(ruta), "--db", str(db)])
    assert r.exit_code == 1 and "informe.pdf: el PDF está dañado o incompleto" in r.stderr
    assert estado(db) == antes


# ------------------------------------------------- mislabelled but valid


def test_la_extension_no_decide_el_lector(tmp_path):
    """A DOCX named .pdf and a PDF named .docx load by their content, with a
    notice; an owner-password-only PDF (opens without a password) loads."""
    docx_pdf = shutil.copy(DOCX_BASE, tmp_path / "en_realidad_word.pdf")
    pdf_docx = shutil.copy(PDF_BASE, tmp_path / "en_realidad_pdf.docx")
    solo_propietario = pdf_cifrado(tmp_path / "solo_propietario.pdf", usuario="")
    db = tmp_path / "x.duckdb"
    r = runner.invoke(
        app, ["cargar", str(docx_pdf), str(pdf_docx), str(solo_propietario), "--db", str(db)], env={"COLUMNS": "200"}
    )
    assert r.exit_code == 0, r.output
    assert (
        "en_realidad_word.pdf: la extensión es .pdf pero el contenido es un documento de Word (.docx); "
        "se leyó según su contenido."
    ) in r.stderr
    assert "en_realidad_pdf.docx: la extensión es .docx pero el contenido es un PDF" in r.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        filas = dict(
            con.execute(
                "SELECT i.archivo, count(*) FROM informes i JOIN observaciones o USING (informe_id) GROUP BY 1"
            ).fetchall()
        )
        formatos = dict(con.execute("SELECT archivo, formato FROM informes").fetchall())
    finally:
        con.close()
    assert formatos == {"en_realidad_word.pdf": "docx", "en_realidad_pdf.docx": "pdf", "solo_propietario.pdf": "pdf"}
    assert filas["en_realidad_word.pdf"] == len(extraer_informe(DOCX_BASE).observaciones)
    assert (
        filas["en_realidad_pdf.docx"] == filas["solo_propietario.pdf"] == len(extraer_informe(PDF_BASE).observaciones)
    )


# ------------------------------------------------- random mutations


def test_mutaciones_al_azar_fallan_limpio_o_cargan(tmp_path):
    """Seeded random byte flips anywhere in a PDF and a DOCX: each file either
    loads or fails with one Spanish line naming it; never a traceback."""
    aleatorio = random.Random(7)
    carpeta = tmp_path / "mutados"
    carpeta.mkdir()
    for base in (PDF_BASE, DOCX_BASE):
        datos = base.read_bytes()
        for k in range(6):
            desde = aleatorio.randrange(len(datos) - 40)
            (carpeta / f"m{k}_{base.name}").write_bytes(voltear(datos, desde, 32))
    db = tmp_path / "x.duckdb"
    r = runner.invoke(app, ["cargar", str(carpeta), "--db", str(db)], env={"COLUMNS": "200"})
    assert "Traceback" not in r.output
    registro = cargas(db)
    assert len(registro) == 12
    errores = lineas_de_error(r.stderr)
    for nombre, (resultado, motivo) in registro.items():
        if resultado == "fallido":
            assert errores[nombre] and motivo.startswith(f"{nombre}: ")
        else:
            assert resultado == "cargado" and nombre not in errores
    assert r.exit_code == (1 if errores else 0)


# ------------------------------------------------- real third-party files


@pytest.mark.parametrize(
    "nombre, motivo",
    [
        (
            "cali_acuerdo_0592_2024_escaneado.pdf",
            SIN_TABLAS + " (PDF escaneado: las páginas 1, 2, 3 y 4 se leyeron con OCR y ninguna tiene tablas)"
            if TESSERACT
            else "el PDF no tiene capa de texto (parece escaneado): necesita OCR",
        ),
    ],
)
def test_archivos_reales_sin_tablas_de_indicadores(nombre, motivo):
    ruta = CORPUS_REAL / nombre
    if not ruta.is_file():
        pytest.skip("../shared/corpus-real no está disponible")
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ruta)
    assert exc.value.archivo == nombre and exc.value.motivo.startswith(motivo)


def test_boletin_dane_sin_cifras_en_sus_graficas():
    """The DANE bulletin's chart pages (the gold's negative pages 1, 3 and 9)
    give no figure. Its Tabla 3 (page 10), a table without rules under a
    two-line header, is read with its header (Febrero 2025 | Febrero 2026 |
    ...) and gives the only figures of the file."""
    ruta = CORPUS_REAL / "dane_boletin_geih_feb2026_sin_tablas.pdf"
    if not ruta.is_file():
        pytest.skip("../shared/corpus-real no está disponible")
    informe = extraer_informe(ruta)
    assert {o.pagina for o in informe.observaciones} == {10}


# ------------------------------------------------- time, memory, pages


def duerme(ruta: Path):
    time.sleep(60)


def come_memoria(ruta: Path):
    bloques = []
    while True:
        bloques.append(bytearray(64 << 20))


def se_estrella(ruta: Path):
    import os
    import signal

    os.kill(os.getpid(), signal.SIGSEGV)


def test_limite_de_tiempo_y_de_memoria_por_archivo(tmp_path):
    """Each limit kills only its file; the next files still load."""
    from tests.pipelines.cli.test_cli import documento, extraer_falso

    lento, glotona, rota = tmp_path / "lento.pdf", tmp_path / "glotona.pdf", tmp_path / "rota.pdf"
    for ruta in (lento, glotona, rota):
        documento(ruta)
    buenos = [documento(tmp_path / f"bueno{i}.pdf", n=i + 1) for i in range(2)]
    db = tmp_path / "x.duckdb"
    limites = Limites(tiempo=2, memoria_mb=1024)
    inicio = time.monotonic()
    resultados = cargar_rutas([lento], db, extraer=duerme, limites=limites)
    resultados += cargar_rutas([glotona], db, extraer=come_memoria, limites=limites)
    resultados += cargar_rutas([rota], db, extraer=se_estrella, limites=limites)
    resultados += cargar_rutas(buenos, db, extraer=extraer_falso, limites=limites, trabajadores=2)
    assert time.monotonic() - inicio < 30
    motivos = {r.archivo: r.motivo for r in resultados}
    assert motivos["lento.pdf"] == "lento.pdf: superó el límite de tiempo de 2 s"
    assert motivos["glotona.pdf"] == "glotona.pdf: superó el límite de memoria de 1024 MB"
    assert motivos["rota.pdf"].startswith(
        "rota.pdf: el proceso que leía el archivo terminó de forma inesperada (por la señal SIGSEGV)"
    )
    assert [r.resultado for r in resultados[3:]] == ["cargado", "cargado"]
    assert informes(db).keys() == {"bueno0.pdf", "bueno1.pdf"}


def test_limite_de_tiempo_desde_la_linea_de_comandos(tmp_path):
    """A real 400-page PDF cannot be read in 1 s: killed, reported, the
    other file of the command loads."""
    pypdf = pytest.importorskip("pypdf")
    lector = pypdf.PdfReader(str(INFORMES / "barrancabermeja_prensa_2017.pdf"))
    escritor = pypdf.PdfWriter()
    for _ in range(80):
        for pagina in lector.pages:
            escritor.add_page(pagina)
    largo = tmp_path / "largo.pdf"
    with open(largo, "wb") as f:
        escritor.write(f)
    bueno = shutil.copy(BUENO, tmp_path / BUENO.name)
    db = tmp_path / "x.duckdb"
    inicio = time.monotonic()
    r = runner.invoke(app, ["cargar", str(largo), str(bueno), "--db", str(db), "--limite-tiempo", "1"])
    assert time.monotonic() - inicio < 30
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "Error: largo.pdf: superó el límite de tiempo de 1 s" in r.stderr
    assert informes(db).keys() == {BUENO.name}


def test_limite_de_memoria_desde_la_linea_de_comandos(tmp_path):
    pdf = shutil.copy(INFORMES / "barrancabermeja_prensa_2017.pdf", tmp_path / "informe.pdf")
    bueno = shutil.copy(BUENO, tmp_path / BUENO.name)
    db = tmp_path / "x.duckdb"
    r = runner.invoke(app, ["cargar", str(pdf), "--db", str(db), "--limite-memoria", "64"])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "Error: informe.pdf: superó el límite de memoria de 64 MB" in r.stderr
    r = runner.invoke(app, ["cargar", str(pdf), str(bueno), "--db", str(db), "--limite-memoria", "2048"])
    assert r.exit_code == 0, r.output


def test_limite_de_paginas_se_puede_cambiar(malos, tmp_path):
    carpeta, _ = malos
    r = runner.invoke(
        app,
        [
            "cargar",
            str(carpeta / "tres_mil_paginas.pdf"),
            "--db",
            str(tmp_path / "x.duckdb"),
            "--limite-paginas",
            "5000",
        ],
    )
    # under the limit, the next guard speaks
    assert r.exit_code == 1 and "tres_mil_paginas.pdf: el PDF no tiene texto" in r.stderr
    r = runner.invoke(app, ["cargar", str(carpeta / "tres_mil_paginas.pdf"), "--db", str(tmp_path / "x.duckdb")])
    assert "el PDF tiene 3000 páginas y el límite es 2000" in r.stderr


def test_opciones_de_limites_invalidas(tmp_path):
    for opcion in ("--limite-tiempo", "--limite-memoria", "--limite-paginas"):
        r = runner.invoke(app, ["cargar", str(BUENO), "--db", str(tmp_path / "x.duckdb"), opcion, "0"])
        assert r.exit_code == 1 and "deben ser mayores que 0" in r.stderr
    assert not (tmp_path / "x.duckdb").exists()


# ------------------------------------------------- the guards on their own


def test_guardas_de_docx_con_limites_bajos(tmp_path):
    ruta = shutil.copy(DOCX_BASE, tmp_path / "a.docx")
    revisar_docx(ruta)  # the real file passes the default limits
    with pytest.raises(ErrorLectura, match="partes internas; el máximo es 3"):
        revisar_docx(ruta, LimitesLectura(docx_partes=3))
    with pytest.raises(ErrorLectura, match="descomprimido; el máximo es 0 MB"):
        revisar_docx(ruta, LimitesLectura(docx_descomprimido=1000))
    with pytest.raises(ErrorLectura, match="supera 0 MB descomprimida"):
        revisar_docx(ruta, LimitesLectura(docx_xml=1000))


def test_formato_por_contenido(tmp_path):
    assert detectar_formato(shutil.copy(DOCX_BASE, tmp_path / "x.pdf")) == "docx"
    assert detectar_formato(shutil.copy(PDF_BASE, tmp_path / "x.docx")) == "pdf"
    basura = tmp_path / "basura.pdf"
    basura.write_bytes(b"   \n" + b"%PDF-1.7\n" + PDF_BASE.read_bytes()[9:])  # bytes before the header
    assert detectar_formato(basura) == "pdf"


def test_flujos_del_corpus_estan_sanos():
    for pdf in sorted(INFORMES.glob("*.pdf")):
        assert flujos_danados(pdf) == 0, pdf.name
