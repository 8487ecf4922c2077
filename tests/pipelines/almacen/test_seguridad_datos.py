"""Never lose or damage data (issue 11), through the real command and real
DuckDB files; every bad input is made here, in tmp_path.

For each case, what applies: the exit code, a Spanish line naming the
file, no traceback, no English text from click or DuckDB, the dataset
exactly as before (exported before and after), no process started for a
file alive afterwards, and bounded memory for the writer.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from extractor.formatos.legado import soffice
from extractor.formatos.ocr import falta_tesseract
from pipelines import almacen
from pipelines.carga import guardado
from pipelines.cli import CODIGO_USO, app, visible
from tests.conftest import INFORMES, RAIZ
from tests.pipelines.cli.test_cli import documento, escribir

runner = CliRunner()
PREVIO = INFORMES / "sogamoso_educacion_2019.docx"  # in the store before every case
BUENO = INFORMES / "yopal_integracion_social_2023.docx"  # loads in the same command as the bad ones
XLSX = INFORMES / "chia_seguimiento_plan_indicativo_2024.xlsx"
XLS = INFORMES / "seguimiento_mini_2023.xls"
ODS = INFORMES / "seguimiento_mini_2023.ods"
INGLES = re.compile(
    r"Traceback|Invalid value|No such|Missing (argument|option)|Usage:|Got unexpected|"
    r"IO Error|Conflicting lock|Could not set lock|Catalog Error|Binder Error|"
    r"Permission denied|No such file|is not readable|requires an argument|╭"
)


def cli(*args: str, **kw):
    r = runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"}, **kw)
    return r


def sin_ingles(texto: str) -> None:
    assert not INGLES.search(texto), texto


def _entorno(**extra) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST")},
        "PYTHONPATH": str(RAIZ),
        "COLUMNS": "200",
        **extra,
    }


def informes_cli(*args, timeout: float = 120, env=None, **kw) -> subprocess.CompletedProcess:
    """The real `informes` command in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=RAIZ,
        env=env or _entorno(),
        **kw,
    )


def volcado(db: Path, carpeta: Path) -> dict[str, bytes]:
    """The dataset as the user sees it: every exportable table, as CSV."""
    salida = {}
    carpeta.mkdir(parents=True, exist_ok=True)
    for tabla in ("observaciones", "informes", "filas_no_mapeadas", "hallazgos"):
        destino = carpeta / f"{tabla}.csv"
        r = cli("exportar", "--db", db, "--tabla", tabla, "--salida", destino)
        assert r.exit_code == 0, r.output
        salida[tabla] = destino.read_bytes()
    return salida


def sha(ruta: Path) -> str:
    return hashlib.sha256(ruta.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """A store with one real report, made once; each case gets a copy."""
    db = tmp_path_factory.mktemp("base") / "base.duckdb"
    r = cli("cargar", PREVIO, "--db", db)
    assert r.exit_code == 0, r.output
    return db


@pytest.fixture
def db(base, tmp_path) -> Path:
    copia = tmp_path / "datos.duckdb"
    shutil.copy(base, copia)
    return copia


# ------------------------------------------ 1. exports never overwrite the store


def _comando_salida(comando: str, destino: Path, db: Path) -> list:
    return {
        "exportar_csv": ["exportar", "--formato", "csv"],
        "exportar_parquet": ["exportar", "--formato", "parquet"],
        "exportar_xlsx": ["exportar", "--formato", "xlsx"],
        "exportar_hallazgos": ["exportar", "--formato", "csv", "--tabla", "hallazgos"],
        "validar": ["validar", "--formato", "csv"],
        "comparar_csv": ["comparar", "--formato", "csv"],
        "comparar_html": ["comparar", "--formato", "html"],
        "decisiones": ["decisiones"],
    }[comando] + ["--exportar" if comando == "decisiones" else "--salida", destino, "--db", db]


COMANDOS_SALIDA = [
    "exportar_csv",
    "exportar_parquet",
    "exportar_xlsx",
    "exportar_hallazgos",
    "validar",
    "comparar_csv",
    "comparar_html",
    "decisiones",
]
DESTINOS = ["la_misma", "enlace_simbolico", "enlace_duro", "otra_base"]


@pytest.mark.parametrize("destino", DESTINOS)
@pytest.mark.parametrize("comando", COMANDOS_SALIDA)
def test_la_salida_nunca_sobrescribe_una_base(comando, destino, db, tmp_path):
    otra = tmp_path / "otra.duckdb"
    shutil.copy(db, otra)
    objetivo = {"la_misma": db, "otra_base": otra}.get(destino, tmp_path / "salida.csv")
    if destino == "enlace_simbolico":
        objetivo.symlink_to(db)
    elif destino == "enlace_duro":
        os.link(db, objetivo)
    antes, antes_otra = sha(db), sha(otra)
    r = cli(*_comando_salida(comando, objetivo, db))
    assert r.exit_code == 1, r.output
    assert f"No se escribe {objetivo}" in r.stderr and "se perdería" in r.stderr, r.stderr
    sin_ingles(r.output)
    assert sha(db) == antes and sha(otra) == antes_otra
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("formato", ["csv", "parquet", "xlsx"])
def test_una_exportacion_interrumpida_no_deja_medio_archivo(formato, db, tmp_path, monkeypatch):
    """The writer fails half way: the previous output stays whole and no
    temporary file is left."""
    salida = tmp_path / f"obs.{formato}"
    assert cli("exportar", "--db", db, "--salida", salida).exit_code == 0
    previo = salida.read_bytes()
    import pipelines.salidas.exportar as exportacion

    original = exportacion._escribir if formato == "xlsx" else None

    def a_medias(*args, **kw):
        destino = next(a for a in args if isinstance(a, Path))
        destino.write_bytes(b"medio archivo")
        raise OSError(28, "No space left on device")

    if formato == "xlsx":

        def celda(hoja, r, *a):
            if r > 3:
                raise OSError(28, "No space left on device")
            return original(hoja, r, *a)

        monkeypatch.setattr(exportacion, "_escribir", celda)
    else:
        monkeypatch.setattr(exportacion, f"_{formato}", a_medias)
    r = cli("exportar", "--db", db, "--salida", salida)
    assert r.exit_code == 1 and f"No se pudo escribir {salida}: no queda espacio en el disco" in r.stderr, r.output
    sin_ingles(r.output)
    assert salida.read_bytes() == previo
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["datos.duckdb", salida.name])


def test_la_salida_reemplaza_el_destino_de_un_enlace(db, tmp_path):
    real = tmp_path / "real.csv"
    real.write_text("viejo")
    enlace = tmp_path / "enlace.csv"
    enlace.symlink_to(real)
    assert cli("exportar", "--db", db, "--salida", enlace).exit_code == 0
    assert enlace.is_symlink() and real.read_text().startswith("observacion_id,archivo,informe_id")


# ------------------------------------------- 2. the bytes hashed are the bytes parsed


def test_un_archivo_reescrito_mientras_se_lee_no_se_guarda_mezclado(tmp_path, monkeypatch):
    """The original is overwritten (truncated) right after it was read: the
    report stored is the one read, under the SHA-256 of those bytes."""
    import extractor

    ruta = tmp_path / BUENO.name
    shutil.copy(BUENO, ruta)
    original = ruta.read_bytes()
    copiar = extractor.copia_privada

    from contextlib import contextmanager

    @contextmanager
    def y_reescribir(r):
        with copiar(r) as (copia, suma):
            Path(r).write_bytes(original[: len(original) // 3])  # another process rewrites it
            yield copia, suma

    monkeypatch.setattr(extractor, "copia_privada", y_reescribir)
    db = tmp_path / "x.duckdb"
    from pipelines.carga.cargar import cargar_rutas

    [r] = cargar_rutas([ruta], db, extraer=extractor.extraer_informe)
    assert r.resultado == "cargado", r.motivo
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT sha256 FROM informes").fetchone()[0] == hashlib.sha256(original).hexdigest()
    finally:
        con.close()


def test_la_copia_privada_se_borra(tmp_path):
    import extractor

    ruta = tmp_path / "a b\nc.docx"
    shutil.copy(BUENO, ruta)
    with extractor.copia_privada(ruta) as (copia, suma):
        assert copia.name == ruta.name and copia.read_bytes() == ruta.read_bytes()
        assert oct(copia.parent.stat().st_mode & 0o777) == "0o700"
        assert suma == sha(ruta)
    assert not copia.parent.exists()


# ---------------------------------------------------- 3. the writer's memory is bounded


def _guardar_en_base_llena(db: str, n_otros: int, n_obs: int) -> int:
    """Runs in a fresh process (bench/memoria.medir): a store with
    `n_otros` reports of one entity, every figure with the same measure and
    period, then one more report written as the writer does. Returns the
    findings of the last one."""
    from datetime import date

    from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
    from pipelines import almacen

    def informe(k: int) -> InformeExtraido:
        obs = [
            Observacion(
                indicador=f"Indicador {i}",
                medida="meta",
                valor=float(i + (k % 2)),
                valor_texto="1",
                unidad="numero",
                periodo_inicio=date(2024, 1, 1),
                periodo_fin=date(2024, 12, 31),
                pagina=1,
                tabla=1,
                fila=i,
            )
            for i in range(n_obs)
        ]
        return InformeExtraido(
            archivo=f"i{k}.xlsx",
            sha256=hashlib.sha256(str(k).encode()).hexdigest(),
            formato="xlsx",
            paginas=1,
            metadatos=MetadatosInforme(entidad="Municipio de Cali"),
            observaciones=obs,
        )

    con = almacen.abrir(db, memoria_mb=2048)
    for k in range(n_otros):
        guardado.guardar_informe(con, informe(k), Path(db).parent / f"i{k}.xlsx")
    with open("/proc/self/status") as f:
        antes = next(int(l.split()[1]) for l in f if l.startswith("VmHWM"))
    nuevo = informe(n_otros + 1)
    guardado.guardar_informe(con, nuevo, Path(db).parent / "nuevo.xlsx")
    n = con.execute(
        "SELECT count(*) FROM hallazgos WHERE regla = 'conflicto_entre_informes' AND informe_id = ?",
        [almacen.informe_id_de(nuevo.sha256)],
    ).fetchone()[0]
    con.close()
    return n, antes / 1024


@pytest.mark.lento
def test_memoria_del_escritor_acotada_con_muchos_informes(tmp_path):
    """2.000 figures of one entity, measure and period against 5 stored
    reports: joining every figure with every other before the key was
    20 million rows; pairs of indicators first stay small."""
    sys.path.insert(0, str(RAIZ / "bench"))
    from memoria import medir

    m = medir(_guardar_en_base_llena, str(tmp_path / "x.duckdb"), 5, 2000)
    conflictos, antes = m.resultado
    assert conflictos == 2000  # every figure differs from the odd reports: one finding each
    assert m.pico < 600, m.pico


# ----------------------------------------------- 4. a foreign database is never altered


def _ajena(tipo: str, ruta: Path) -> None:
    con = duckdb.connect(str(ruta))
    sql = {
        "observaciones_propia": "CREATE TABLE observaciones (id INTEGER, nota VARCHAR); "
        "INSERT INTO observaciones VALUES (1, 'mía')",
        "tabla_propia": "CREATE TABLE clientes (id INTEGER); INSERT INTO clientes VALUES (7)",
        "vista": "CREATE TABLE t (x INTEGER); CREATE VIEW v AS SELECT * FROM t",
        "otro_esquema": "CREATE SCHEMA contabilidad; CREATE TABLE contabilidad.libros (x INTEGER)",
        "secuencia": "CREATE SEQUENCE contador",
        "informes_con_otra_columna": "CREATE TABLE informes (informe_id VARCHAR, mi_columna INTEGER)",
    }[tipo]
    con.execute(sql)
    con.close()


AJENAS = ["observaciones_propia", "tabla_propia", "vista", "otro_esquema", "secuencia", "informes_con_otra_columna"]


@pytest.mark.parametrize("comando", ["cargar", "resumen", "exportar", "vincular"])
@pytest.mark.parametrize("tipo", AJENAS)
def test_una_base_ajena_no_se_modifica(tipo, comando, tmp_path):
    ajena = tmp_path / "mia.duckdb"
    _ajena(tipo, ajena)
    antes = sha(ajena)
    args = {
        "cargar": ["cargar", documento(tmp_path / "a.pdf")],
        "resumen": ["resumen"],
        "exportar": ["exportar", "--salida", tmp_path / "o.csv"],
        "vincular": ["vincular", "a", "b"],
    }[comando]
    r = cli(*args, "--db", ajena)
    assert r.exit_code == 1, r.output
    assert f"La base de datos {ajena} no es un almacén de informes" in r.stderr, r.stderr
    sin_ingles(r.output)
    assert sha(ajena) == antes
    assert not (tmp_path / "o.csv").exists()


def test_un_almacen_sin_marca_se_migra(tmp_path):
    """A store made before the marker existed (our tables, one of them
    without a column added since) is migrated in one step, not refused."""
    db = tmp_path / "viejo.duckdb"
    con = duckdb.connect(str(db))
    for tabla in esquemas_tablas():
        if tabla.nombre == almacen.MARCA:
            continue
        if tabla.nombre == "observaciones":
            tabla = type(tabla)(
                **{**tabla.__dict__, "columnas": tuple(c for c in tabla.columnas if c.nombre != "indicador_clave")}
            )
        con.execute(almacen.ddl(tabla))
    con.close()
    r = cli("cargar", BUENO, "--db", db)
    assert r.exit_code == 0, r.output
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute(f"SELECT version FROM {almacen.MARCA}").fetchall() == [(almacen.VERSION_ESQUEMA,)]
    assert con.execute("SELECT count(*) FROM observaciones WHERE indicador_clave IS NOT NULL").fetchone()[0] > 0
    con.close()


def test_un_almacen_de_una_version_mas_nueva_se_rechaza(db, tmp_path):
    con = duckdb.connect(str(db))
    con.execute(f"UPDATE {almacen.MARCA} SET version = 99")
    con.close()
    antes = sha(db)
    r = cli("cargar", documento(tmp_path / "a.pdf"), "--db", db)
    assert r.exit_code == 1 and "versión más nueva de informes" in r.stderr, r.output
    assert sha(db) == antes


def esquemas_tablas():
    import esquemas

    return list(esquemas.tablas().values())


# ------------------------------- 5. limits bound everything a file starts


def _procesos_con(texto: str) -> list:
    import psutil

    vivos = []
    for p in psutil.process_iter(["cmdline", "status"]):
        try:
            if p.info["status"] != psutil.STATUS_ZOMBIE and texto in " ".join(p.info["cmdline"] or []):
                vivos.append(p)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    return vivos


@pytest.mark.lento
@pytest.mark.skipif(soffice() is None or falta_tesseract() is not None, reason="necesita LibreOffice y Tesseract")
def test_el_limite_de_tiempo_termina_libreoffice_y_tesseract(tmp_path):
    """LibreOffice converting a .rtf and Tesseract reading a scanned page
    are stopped with the file's reading process; its temporary folder goes."""
    temporal = tmp_path / "tmp"
    temporal.mkdir()
    carpeta = tmp_path / "entrada"
    carpeta.mkdir()
    shutil.copy(INFORMES / "pasto_infraestructura_2020.rtf", carpeta)
    shutil.copy(INFORMES / "villavicencio_hacienda_2022_escaneado.pdf", carpeta)
    db = tmp_path / "x.duckdb"
    p = informes_cli(
        "cargar",
        carpeta,
        "--db",
        db,
        "--limite-tiempo",
        "0.8",  # LibreOffice converts the .rtf in about 1 s on a quiet machine
        "--trabajadores",
        "2",
        env=_entorno(TMPDIR=str(temporal), INFORMES_CACHE=str(tmp_path / "cache")),
    )
    assert p.returncode == 1, p.stderr
    sin_ingles(p.stderr)
    for nombre in ("pasto_infraestructura_2020.rtf", "villavicencio_hacienda_2022_escaneado.pdf"):
        assert f"Error: {nombre}: superó el límite de tiempo de 0.8 s" in p.stderr, p.stderr
    time.sleep(0.3)
    assert _procesos_con(str(temporal)) == []
    assert list(temporal.iterdir()) == []


def test_el_sha256_de_un_archivo_enorme_obedece_el_limite(tmp_path):
    disperso = tmp_path / "enorme.pdf"
    with open(disperso, "wb") as f:
        f.truncate(64 << 30)  # 64 GB, sparse: nothing on disk
    inicio = time.monotonic()
    p = informes_cli("cargar", disperso, "--db", tmp_path / "x.duckdb", "--limite-tiempo", "2")
    assert p.returncode == 1
    assert "Error: enorme.pdf: superó el límite de tiempo de 2 s (al calcular su SHA-256" in p.stderr, p.stderr
    sin_ingles(p.stderr)
    assert time.monotonic() - inicio < 30  # hashing 64 GB would take minutes


def test_la_copia_privada_no_llena_el_disco(tmp_path):
    import extractor
    from extractor import ErrorLectura

    disperso = tmp_path / "enorme.pdf"
    with open(disperso, "wb") as f:
        f.truncate(1 << 42)  # 4 TB, sparse
    with pytest.raises(ErrorLectura, match="no hay espacio para leerlo"):
        extractor.extraer_informe(disperso)
    assert [p.name for p in tmp_path.iterdir()] == ["enorme.pdf"]


# ---------------- 6, 7, 8: one batch with bad arguments, mislabelled files, hostile names


def _variante_zip(origen: Path, k: int) -> bytes:
    """The same zip package with another archive comment: other bytes,
    another SHA-256, the same content."""
    datos = io.BytesIO(origen.read_bytes())
    with zipfile.ZipFile(datos, "a") as z:
        z.comment = f"copia {k}".encode()
    return datos.getvalue()


def _ole_con(origen: Path, nombre: str) -> bytes:
    """The .xls with its Workbook stream renamed (same directory layout)."""
    datos = bytearray(origen.read_bytes())
    viejo = "Workbook".encode("utf-16-le")
    i = datos.find(viejo)
    nuevo = nombre.encode("utf-16-le") + b"\0\0"
    datos[i : i + 64] = nuevo.ljust(64, b"\0")
    datos[i + 64 : i + 66] = len(nuevo).to_bytes(2, "little")
    return bytes(datos)


# name -> (bytes or a maker, what the Error line must say; None: loads, with a warning)
def _lote(carpeta: Path) -> dict[str, str | None]:
    esperado: dict[str, str | None] = {}

    def poner(nombre: str, datos: bytes, motivo: str | None) -> None:
        (carpeta / nombre).write_bytes(datos)
        esperado[nombre] = motivo

    # 7. the content decides the format
    for k, nombre in enumerate(("libro_xlsx.docx", "libro_xlsx.pdf", "libro_xlsx.ods", "libro_xlsx.xls")):
        poner(nombre, _variante_zip(XLSX, k), None)
    poner("libro_xls.ods", XLS.read_bytes(), None)
    poner("libro_ods.xlsx", ODS.read_bytes(), None)
    poner("libro_ods.xls", _variante_zip(ODS, 1), None)
    poner("word.xlsx", (INFORMES / "pasto_infraestructura_2020.docx").read_bytes(), None)
    poner("xls_cortado.xls", XLS.read_bytes()[:3000], "el archivo de Office 97-2003 (formato OLE) está dañado")
    poner("xls_cortado.doc", XLS.read_bytes()[:700], "el archivo de Office 97-2003 (formato OLE) está dañado")
    poner("ole_ceros.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088), "(formato OLE) está dañado")
    poner("cifrado.xlsx", _ole_con(XLS, "EncryptedPackage"), "protegido con contraseña")
    poner(
        "visio.doc", _ole_con(XLS, "VisioDocument"), "no es un documento de Word, un libro de Excel ni una presentación"
    )
    poner("ole_otro.xls", _ole_con(XLS, "Cosas"), "no es un documento de Word, un libro de Excel ni una presentación")
    # 8. names that would forge lines or drive the terminal
    for nombre in (
        "salto\nError: falso.pdf",
        "escape\x1b[31mrojo.pdf",
        "retorno\rError: x.pdf",
        "tab\tx.pdf",
        "bidi\u202efdp.exe.pdf",
        "campana\x07.docx",
        "borrar\x08\x08\x08.pdf",
        "nulo\x7f.pdf",
    ):
        poner(nombre, b"no es un informe", "no es un PDF ni un documento de Word (.docx) válido")
    return esperado


def _args_malos(carpeta: Path) -> dict[str, str]:
    """6. arguments that are not readable files: name -> reason."""
    (carpeta / "lazo").symlink_to("lazo")
    (carpeta / "lazo_a.pdf").symlink_to("lazo_b.pdf")
    (carpeta / "lazo_b.pdf").symlink_to("lazo_a.pdf")
    (carpeta / "roto.pdf").symlink_to("no_existe.pdf")
    os.mkfifo(carpeta / "tuberia.pdf")
    return {
        "lazo": "no se puede acceder al archivo: enlaces simbólicos en bucle",
        "lazo_a.pdf": "no se puede acceder al archivo: enlaces simbólicos en bucle",
        "roto.pdf": "no existe el archivo",
        "tuberia.pdf": "no es un archivo normal",
        "falta.docx": "no existe el archivo",
    }


@pytest.fixture(scope="module")
def lote(base, tmp_path_factory):
    """One real `informes cargar` process: bad arguments, mislabelled files
    and hostile names, with a good file, on a copy of the base store."""
    raiz = tmp_path_factory.mktemp("lote")
    carpeta = raiz / "entrada"
    carpeta.mkdir()
    esperado = _lote(carpeta)
    malos = _args_malos(raiz)
    db = raiz / "x.duckdb"
    shutil.copy(base, db)
    antes = volcado(db, raiz / "antes")
    args = [carpeta, BUENO] + [raiz / n for n in malos]
    p = informes_cli("cargar", *args, "--db", db, "--trabajadores", "2", timeout=300)
    return p, db, esperado, malos, antes, raiz


def _errores(stderr: str) -> list[str]:
    return [l for l in stderr.splitlines() if l.startswith("Error:")]


def test_lote_termina_con_codigo_1_sin_traza(lote):
    p, db, esperado, malos, antes, raiz = lote
    assert p.returncode == 1, p.stderr
    sin_ingles(p.stdout + p.stderr)
    fallidos = [n for n, m in esperado.items() if m] + list(malos)
    # exactly one line per failed file: no name forged another one
    assert len(_errores(p.stderr)) == len(fallidos), p.stderr
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f\u202e]", p.stdout + p.stderr)


@pytest.mark.parametrize("nombre", ["lazo", "lazo_a.pdf", "roto.pdf", "tuberia.pdf", "falta.docx"])
def test_argumento_malo_falla_solo(lote, nombre):
    p, db, esperado, malos, antes, raiz = lote
    lineas = [l for l in _errores(p.stderr) if l.startswith(f"Error: {nombre}: ")]
    assert len(lineas) == 1 and malos[nombre] in lineas[0], p.stderr


NOMBRES_LOTE = sorted(
    [
        "libro_xlsx.docx",
        "libro_xlsx.pdf",
        "libro_xlsx.ods",
        "libro_xlsx.xls",
        "libro_xls.ods",
        "libro_ods.xlsx",
        "libro_ods.xls",
        "word.xlsx",
        "xls_cortado.xls",
        "xls_cortado.doc",
        "ole_ceros.doc",
        "cifrado.xlsx",
        "visio.doc",
        "ole_otro.xls",
        "salto\nError: falso.pdf",
        "escape\x1b[31mrojo.pdf",
        "retorno\rError: x.pdf",
        "tab\tx.pdf",
        "bidi\u202efdp.exe.pdf",
        "campana\x07.docx",
        "borrar\x08\x08\x08.pdf",
        "nulo\x7f.pdf",
    ]
)


@pytest.mark.parametrize("nombre", NOMBRES_LOTE, ids=lambda n: visible(n))
def test_cada_archivo_del_lote(lote, nombre):
    p, db, esperado, malos, antes, raiz = lote
    motivo = esperado[nombre]
    visto = visible(nombre)
    lineas = [l for l in _errores(p.stderr) if l.startswith(f"Error: {visto}: ")]
    con = duckdb.connect(str(db), read_only=True)
    try:
        guardado = con.execute("SELECT count(*) FROM informes WHERE archivo = ?", [nombre]).fetchone()[0]
    finally:
        con.close()
    if motivo is None:  # read by its content, with a warning naming the extension
        assert lineas == [] and guardado == 1, p.stderr
        assert f"Aviso: {visto}: la extensión es" in p.stderr
    else:
        assert len(lineas) == 1 and motivo in lineas[0], p.stderr
        assert guardado == 0


def test_lote_carga_el_bueno_y_no_toca_lo_demas(lote, tmp_path):
    p, db, esperado, malos, antes, raiz = lote
    con = duckdb.connect(str(db), read_only=True)
    try:
        archivos = {a for (a,) in con.execute("SELECT archivo FROM informes").fetchall()}
    finally:
        con.close()
    assert {PREVIO.name, BUENO.name} <= archivos
    despues = volcado(db, tmp_path / "despues")
    # the stored reports of before are exactly as they were
    for tabla in ("observaciones", "informes"):
        filas_antes = set(antes[tabla].decode().splitlines()[1:])
        filas_despues = set(despues[tabla].decode().splitlines()[1:])
        assert {f for f in filas_antes if PREVIO.name in f} <= filas_despues


@pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None, reason="como root, necesita setpriv")
def test_archivo_sin_permiso_de_lectura_falla_solo(tmp_path, base):
    """chmod 000: as root the test drops the capabilities that let root read anything."""
    cerrado = tmp_path / "cerrado.docx"
    shutil.copy(BUENO, cerrado)
    cerrado.chmod(0)
    db = tmp_path / "x.duckdb"
    shutil.copy(base, db)
    antes = volcado(db, tmp_path / "antes")
    orden = [sys.executable, "-m", "pipelines.cli", "cargar", str(cerrado), str(PREVIO), "--db", str(db)]
    if os.geteuid() == 0:
        orden = ["setpriv", "--inh-caps=-all", "--bounding-set=-all", "--", *orden]
    p = subprocess.run(orden, capture_output=True, text=True, timeout=120, cwd=RAIZ, env=_entorno())
    assert p.returncode == 1, p.stderr
    sin_ingles(p.stdout + p.stderr)
    assert _errores(p.stderr) == ["Error: cerrado.docx: no se puede leer el archivo: permiso denegado."]
    assert "1 sin cambios" in p.stdout
    assert volcado(db, tmp_path / "despues") == antes


# ------------------------------------------------ 9. readers wait politely; Spanish only


@pytest.fixture
def ocupada(db):
    """Another process holds the store for writing for 4 s."""
    p = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('listo', flush=True); time.sleep(4)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert p.stdout.readline().strip() == "listo"
    yield db, p
    p.kill()
    p.wait()


COMANDOS_LECTURA = [
    ["resumen"],
    ["validar"],
    ["exportar", "--salida", "SALIDA"],
    ["indicadores"],
    ["decisiones"],
    ["comparar", "--salida", "SALIDA"],
    ["vincular", "a", "b"],
]


@pytest.mark.parametrize("args", COMANDOS_LECTURA, ids=lambda a: a[0])
def test_base_ocupada_mensaje_en_espanol(args, ocupada, tmp_path):
    db, _ = ocupada
    args = [str(tmp_path / "s.csv") if a == "SALIDA" else a for a in args]
    inicio = time.monotonic()
    r = cli(*args, "--db", db, "--espera-db", "0.5")
    assert r.exit_code == 1, r.output
    assert f"La base de datos {db} está ocupada por otro proceso" in r.stderr and "se esperó 0.5 s" in r.stderr
    sin_ingles(r.output)
    assert time.monotonic() - inicio < 3.5


@pytest.mark.parametrize("args", [["resumen"], ["exportar", "--salida", "SALIDA"]], ids=lambda a: a[0])
def test_el_lector_espera_a_que_termine_la_carga(args, ocupada, tmp_path):
    db, _ = ocupada
    args = [str(tmp_path / "s.csv") if a == "SALIDA" else a for a in args]
    inicio = time.monotonic()
    r = cli(*args, "--db", db, "--espera-db", "30")
    assert r.exit_code == 0, r.output
    assert time.monotonic() - inicio > 1.5  # it waited for the other process


USOS_MALOS = [
    (["exportar", "--nada"], "La opción --nada no existe."),
    (["exportar", "--db"], "La opción --db necesita un valor."),
    (
        ["cargar", "--trabajadores", "dos", "x.pdf"],
        "Valor no válido para --trabajadores / -t: se espera un número entero.",
    ),
    (["cargar", "--limite-tiempo", "mucho", "x.pdf"], "Valor no válido para --limite-tiempo: se espera un número."),
    (["resumen", "sobra"], "Sobran argumentos: sobra."),
    (["noexiste"], "El comando noexiste no existe."),
    (["vincular"], "Falta el argumento CLAVE_A."),
    (["separar", "x"], "Falta el argumento VARIANTE."),
    (["evaluar"], "Falta el argumento CARPETA."),
    (["resumen", "--espera-db", "x"], "Valor no válido para --espera-db: se espera un número."),
    (["cargar", "--d\x1b[2Jx"], "La opción --d\\x1b[2Jx no existe."),
]


@pytest.mark.parametrize("args, mensaje", USOS_MALOS, ids=lambda v: visible(v) if isinstance(v, str) else None)
def test_errores_de_uso_en_espanol(args, mensaje):
    r = cli(*args)
    assert r.exit_code == CODIGO_USO == 64, r.output  # not 2: that is validar's "error-level findings"
    assert f"Error: {mensaje}" in r.stderr, r.stderr
    sin_ingles(r.output)
    assert "\x1b[2J" not in r.output


def test_base_que_no_es_duckdb(tmp_path):
    falsa = tmp_path / "notas.duckdb"
    falsa.write_text("no soy una base de datos" * 100)
    antes = sha(falsa)
    for args in (["resumen"], ["cargar", str(documento(tmp_path / "a.pdf"))]):
        r = cli(*args, "--db", falsa)
        assert r.exit_code == 1 and f"{falsa} no es una base de datos DuckDB" in r.stderr, r.output
        sin_ingles(r.output)
    assert sha(falsa) == antes


# ---------------------------------------------- 10. one figure never sinks a report


@pytest.mark.parametrize(
    "campo, valor",
    [
        ("medida", "recursos_mixtos"),
        ("medida", "inventada"),
        ("unidad", "kilos"),
        ("tipo_gasto", "otros"),
        ("valor", "mucho"),
        ("indicador", "  "),
    ],
)
def test_una_cifra_invalida_no_hunde_el_informe(campo, valor, tmp_path, falso):
    obs = [{"indicador": f"Indicador {i}", "medida": "ejecutado", "valor": float(i)} for i in range(1, 4)]
    obs[1][campo] = valor
    ruta = escribir(tmp_path / "informe.pdf", entidad="Alcaldía de Prueba", vigencia=2020, obs=obs)
    db = tmp_path / "x.duckdb"
    r = cli("cargar", ruta, "--db", db)
    assert r.exit_code == 0, r.output
    assert "Aviso: informe.pdf: 1 cifra no válida quedó en filas_no_mapeadas" in r.stderr, r.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM observaciones").fetchone()[0] == 2
        [(motivo,)] = con.execute("SELECT motivo FROM filas_no_mapeadas").fetchall()
    finally:
        con.close()
    assert motivo.startswith("cifra no válida, no se guardó como observación: ")


@pytest.fixture
def falso(monkeypatch):
    import pipelines.carga.cargar
    from tests.pipelines.cli.test_cli import extraer_falso

    monkeypatch.setattr(pipelines.carga.cargar, "extractor_por_defecto", lambda: extraer_falso)


@pytest.mark.parametrize("texto", ["1.000 enero, 2.000 febrero", "ene: 5 feb: 6", "$ 1.000 y $ 2.000", "12 unidades"])
def test_recursos_mixtos_nunca_sale_del_extractor(texto):
    from extractor.tablas.celdas import figuras_de_celda
    from extractor.tablas.columnas import Columna
    from extractor.castellano.periodos import Contexto

    col = Columna(indice=1, encabezado="Recursos programados y ejecutados", rol="valor", medida="recursos_mixtos")
    for fig in figuras_de_celda(texto, col, None, Contexto(vigencia=2024)):
        assert fig.medida in almacen_vocabulario("medida"), fig.medida


def almacen_vocabulario(campo: str) -> set[str]:
    import esquemas

    return esquemas.vocabulario(campo)
