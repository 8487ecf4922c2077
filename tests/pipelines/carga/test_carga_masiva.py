"""Bulk loading (`informes cargar CARPETA`): the folder walk and its summary,
interruption (Ctrl-C and kill -9) and resumption of a load of the corpus
(plus three real reports from ../shared/corpus-real when present) with the
real command, and extraction on a Dask cluster (a LocalCluster on
loopback) giving the same dataset as a local load. No timing assertions."""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
from pathlib import Path

import duckdb
import psutil
import pytest
from typer.testing import CliRunner

import pipelines.carga.distribuido
from pipelines.carga.cargar import EXTENSIONES, Limites, cargar_rutas, recorrer
from pipelines.cli import app
from tests.conftest import CORPUS, GOLD, INFORMES

REALES = Path(__file__).resolve().parents[4] / "shared" / "corpus-real"
from tests.lento import extraer_lento
from tests.pipelines.cli.test_cli import documento, escribir, extraer_falso
from tests.extractor.formatos.test_entradas_malas import estado
from tests.pipelines.almacen.test_integridad import ARCHIVOS, conteos, informes_cli

runner = CliRunner()

distributed = pytest.importorskip("distributed")


# -------------------------------------------------------------- folder walk


def test_recorrer_separa_informes_y_omitidos(tmp_path):
    docs = tmp_path / "archivo"
    for nombre in (
        "2019/a.pdf",
        "2019/notas.txt",
        "2019/a.gold.csv",
        "2019/cuipo.CSV",
        "2019/siif.htm",
        "2020/sub/b.DOCX",
        "2020/sub/informe.html",
        "foto.jpg",
        "~$b.docx",
        ".git/config",
        "2020/.oculto.pdf",
        ".DS_Store",
    ):
        escribir(docs / nombre)
    archivos, omitidos = recorrer([docs, docs / "2019" / "a.pdf"])
    assert [p.relative_to(docs).as_posix() for p in archivos] == [
        "2019/a.pdf",
        "2019/cuipo.CSV",
        "2019/siif.htm",
        "2020/sub/b.DOCX",
        "2020/sub/informe.html",
    ]
    # an evaluation's gold file is never a report
    assert [p.relative_to(docs).as_posix() for p in omitidos] == ["2019/a.gold.csv", "2019/notas.txt", "foto.jpg"]


def test_cli_resumen_con_omitidos_y_salida_sin_codigos_de_terminal(tmp_path, monkeypatch):
    monkeypatch.setattr(pipelines.carga.cargar, "extractor_por_defecto", lambda: extraer_falso)
    docs = tmp_path / "archivo"
    documento(docs / "2019" / "a.pdf")
    documento(docs / "2020" / "b.docx", n=3)
    escribir(docs / "2020" / "malo.pdf", error="el archivo está dañado")
    escribir(docs / "leame.txt")
    escribir(docs / "2019" / "tabla.json")
    db = tmp_path / "x.duckdb"
    r = runner.invoke(app, ["cargar", str(docs), "--db", str(db), "-t", "2"])
    assert r.exit_code == 1, r.output  # one file failed
    assert "\x1b[" not in r.output  # not a terminal: no progress bar, no control codes
    assert "Resumen: 2 cargados, 0 sin cambios, 1 fallido, 2 omitidos." in r.output
    assert "Omitidos (no son informes que se puedan cargar): .json (1), .txt (1)" in r.output
    assert str(docs / "2019" / "tabla.json") in r.output and str(docs / "leame.txt") in r.output
    assert "Error: malo.pdf: el archivo está dañado" in r.output
    r = runner.invoke(app, ["cargar", str(docs), "--db", str(db)])
    assert "Resumen: 0 cargados, 2 sin cambios, 1 fallido, 2 omitidos." in r.output


def test_cli_carpeta_sin_informes_dice_que_omitio(tmp_path):
    escribir(tmp_path / "docs" / "leame.txt")
    r = runner.invoke(app, ["cargar", str(tmp_path / "docs"), "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 1
    assert "Omitidos (no son informes que se puedan cargar): .txt (1)" in r.output
    assert "No se encontraron" in r.output


# ------------------------------------------------- interruption and resumption


def test_ctrl_c_durante_la_escritura_termina_ese_informe_y_para(tmp_path):
    """DuckDB turns a signal during a query into an error of that report
    ("Query interrupted"): the write finishes first, then the interruption."""
    docs = tmp_path / "docs"
    for i in range(3):
        documento(docs / f"d{i}.pdf", n=i + 1)
    db = tmp_path / "x.duckdb"

    def ctrl_c(r):
        os.kill(os.getpid(), signal.SIGINT)  # while the first report is being registered

    with pytest.raises(KeyboardInterrupt):
        cargar_rutas([docs], db, extraer=extraer_falso, al_terminar=ctrl_c)
    assert conteos(db)["observaciones"] == {extraer_falso(docs / "d0.pdf").sha256: 1}
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT archivo, resultado FROM cargas").fetchall() == [("d0.pdf", "cargado")]
    finally:
        con.close()
    assert [r.resultado for r in cargar_rutas([docs], db, extraer=extraer_falso)] == [
        "sin_cambios",
        "cargado",
        "cargado",
    ]


def test_los_archivos_mas_largos_se_extraen_primero(tmp_path):
    """A load in parallel ends when its longest file does: the largest file
    (the 20-page PDF) is extracted first, then by size; the results are still
    reported in input order. (The extractor is a closure: it runs in this
    process, in the order the load chose.)"""
    import pypdfium2 as pdfium

    docs = tmp_path / "docs"
    docs.mkdir()
    for nombre, paginas in (("a_corto.pdf", 1), ("b_largo.pdf", 20), ("c_medio.pdf", 5)):
        pdf = pdfium.PdfDocument.new()
        for _ in range(paginas):
            pdf.new_page(612, 792)
        pdf.save(str(docs / nombre))
        pdf.close()
    orden: list[str] = []
    leidos: list[str] = []

    def extraer(ruta: Path):
        leidos.append(ruta.name)
        raise pipelines.carga.cargar.ErrorCarga(f"{ruta.name}: prueba")

    r = cargar_rutas(
        [docs],
        tmp_path / "x.duckdb",
        extraer=extraer,
        trabajadores=2,
        al_planificar=lambda rutas: orden.extend(p.name for p in rutas),
    )
    assert orden == leidos == ["b_largo.pdf", "c_medio.pdf", "a_corto.pdf"]
    assert [x.archivo for x in r] == ["a_corto.pdf", "b_largo.pdf", "c_medio.pdf"]


@pytest.fixture(scope="module")
def corpus_copia(tmp_path_factory) -> Path:
    """The annotated corpus (each report with a .gold.csv, in every format
    it has), with its gold files and README, at one path for every run. The
    scanned twin is left out: OCR has tests of its own, needs Tesseract and
    would be most of the time here."""
    carpeta = tmp_path_factory.mktemp("corpus") / "corpus"
    carpeta.mkdir()
    for gold in sorted(GOLD.glob("*.gold.csv")):
        base = gold.name[: -len(".gold.csv")]
        if base.endswith("_escaneado"):
            continue
        for extension in EXTENSIONES:
            informe = INFORMES / f"{base}{extension}"
            if informe.is_file():
                shutil.copy(informe, carpeta / informe.name)
        shutil.copy(gold, carpeta / gold.name)
    shutil.copy(CORPUS / "README.md", carpeta / "README.md")
    # and, when ../shared is beside the project, real reports in a subfolder:
    # a long plan PDF, a tracker of 140 columns and a SisPT export
    reales = [
        REALES / n
        for n in (
            "timbiqui_plan_desarrollo_2012_2015.pdf",
            "tenjo_plan_indicativo_2024_2027.xlsx",
            "sispt_plan_indicativo_25200.xlsx",
        )
    ]
    if all(r.is_file() for r in reales):
        (carpeta / "reales").mkdir()
        for r in reales:
            shutil.copy(r, carpeta / "reales" / r.name)
    return carpeta


@pytest.fixture(scope="module")
def corpus_limpio(corpus_copia, tmp_path_factory) -> Path:
    """An uninterrupted bulk load of the corpus (here: the command's own
    machinery, without paying another process's start-up)."""
    db = tmp_path_factory.mktemp("limpia") / "limpia.duckdb"
    archivos, omitidos = recorrer([corpus_copia])
    assert omitidos and all(p.suffix in (".csv", ".md") for p in omitidos)
    resultados = cargar_rutas(archivos, db, trabajadores=2, limites=Limites())
    assert not any(r.fallido for r in resultados), [r.motivo for r in resultados if r.fallido]
    return db


def _informes_cargados(db: Path) -> int:
    """Reports in the store, read between two of the writer's transactions
    (it closes the database after each report; while it is held, retry)."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return -1
    try:
        return con.execute("SELECT count(*) FROM informes").fetchone()[0]
    except duckdb.Error:
        return -1
    finally:
        con.close()


def _interrumpir_tras(p, db: Path, informes: int, senal: int) -> list[psutil.Process]:
    """Send `senal` once the store holds `informes` reports; the processes
    of the load at that moment (to check none is left)."""
    limite = time.monotonic() + 300
    while _informes_cargados(db) < informes:
        assert p.poll() is None, "la carga terminó antes de interrumpirla"
        assert time.monotonic() < limite
        time.sleep(0.05)
    hijos = psutil.Process(p.pid).children(recursive=True)
    p.send_signal(senal)
    return hijos


def _sin_procesos(procesos: list[psutil.Process]) -> None:
    _, vivos = psutil.wait_procs(procesos, timeout=10)
    assert not vivos, f"procesos que siguen vivos: {vivos}"


def _completos(db: Path, limpio: Path) -> int:
    """Every report present has all its rows (no report half-loaded)."""
    completos = conteos(limpio)
    hallados = conteos(db)
    for tabla, por_informe in hallados.items():
        for sha, n in por_informe.items():
            assert n == completos[tabla][sha], (tabla, sha, n, completos[tabla][sha])
    return len(hallados["informes"])


def test_carga_interrumpida_con_ctrl_c_y_kill_se_reanuda_igual(corpus_copia, corpus_limpio, tmp_path):
    total = len(conteos(corpus_limpio)["informes"])
    db = tmp_path / "x.duckdb"
    comando = ("cargar", str(corpus_copia), "--db", str(db), "--trabajadores", "2")

    # Ctrl-C: clean stop, the workers ended, a Spanish message, exit code 130
    p = informes_cli(*comando)
    procesos = _interrumpir_tras(p, db, 3, signal.SIGINT)
    salida, errores = p.communicate(timeout=60)
    assert p.returncode == 130, errores
    m = re.search(
        r"Carga interrumpida: (\d+) archivos cargados; vuelva a ejecutar el mismo comando "
        r"para continuar\.",
        errores,
    )
    assert m, errores
    assert "Traceback" not in salida + errores
    _sin_procesos(procesos)
    primeros = _completos(db, corpus_limpio)
    assert 3 <= primeros < total
    assert int(m.group(1)) == primeros

    # kill -9 while going on: every report complete or absent
    p = informes_cli(*comando)
    procesos = _interrumpir_tras(p, db, primeros + 3, signal.SIGKILL)
    p.communicate(timeout=60)
    assert p.returncode == -signal.SIGKILL
    _sin_procesos(procesos)  # orphaned workers end on their own
    segundos = _completos(db, corpus_limpio)
    assert primeros < segundos < total

    # the same command finishes the job: the same dataset as an uninterrupted load
    p = informes_cli(*comando)
    salida, errores = p.communicate(timeout=600)
    assert p.returncode == 0, errores
    assert f"Resumen: {total - segundos} cargados, {segundos} sin cambios, 0 fallidos" in " ".join(salida.split())
    assert estado(db) == estado(corpus_limpio)


# ---------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def cluster():
    """A Dask cluster on loopback, workers as threads of this process."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=1,
        threads_per_worker=2,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=":0",
        worker_dashboard_address=":0",
    ) as c:
        yield c.scheduler_address


@pytest.fixture(scope="module")
def seis(tmp_path_factory) -> list[Path]:
    carpeta = tmp_path_factory.mktemp("seis")
    return [shutil.copy(INFORMES / nombre, carpeta / nombre) for nombre in ARCHIVOS[:6]]


def test_dask_da_el_mismo_conjunto_que_la_carga_local(seis, cluster, tmp_path):
    local, remota, compartida = tmp_path / "local.duckdb", tmp_path / "dask.duckdb", tmp_path / "comp.duckdb"
    r_local = cargar_rutas(seis, local, limites=Limites(), trabajadores=2)
    r_dask = cargar_rutas(seis, remota, limites=Limites(), cluster=cluster)
    assert [(r.archivo, r.resultado, r.observaciones) for r in r_dask] == [
        (r.archivo, r.resultado, r.observaciones) for r in r_local
    ]
    assert not any(r.fallido for r in r_dask)
    assert estado(remota) == estado(local)
    # workers that see the same paths (shared storage): only the path travels
    cargar_rutas(seis, compartida, limites=Limites(), cluster=cluster, enviar_archivos=False)
    assert estado(compartida) == estado(local)
    # resumable as a local load: nothing is sent again
    assert [r.resultado for r in cargar_rutas(seis, remota, cluster=cluster)] == ["sin_cambios"] * 6


def test_dask_limite_de_tiempo_por_archivo(cluster, tmp_path):
    docs = tmp_path / "docs"
    documento(docs / "a.pdf")
    escribir(docs / "b.pdf", dormir=60)
    documento(docs / "c.pdf", n=3)
    inicio = time.monotonic()
    r = cargar_rutas(
        [docs],
        tmp_path / "x.duckdb",
        extraer=extraer_lento,
        cluster=cluster,
        limites=Limites(tiempo=5, memoria_mb=1024),
    )
    assert time.monotonic() - inicio < 50  # the hung file was stopped, not waited for
    assert [(x.archivo, x.resultado) for x in r] == [("a.pdf", "cargado"), ("b.pdf", "fallido"), ("c.pdf", "cargado")]
    assert r[1].motivo == "b.pdf: superó el límite de tiempo de 5 s"


def test_cli_dask(cluster, tmp_path, monkeypatch):
    monkeypatch.setattr(pipelines.carga.cargar, "extractor_por_defecto", lambda: extraer_falso)
    docs = tmp_path / "docs"
    documento(docs / "a.pdf")
    documento(docs / "b.docx", n=3)
    r = runner.invoke(app, ["cargar", str(docs), "--db", str(tmp_path / "x.duckdb"), "--dask", cluster])
    assert r.exit_code == 0, r.output
    assert "Resumen: 2 cargados, 0 sin cambios, 0 fallidos, 0 omitidos." in r.output


def test_cli_dask_sin_planificador(tmp_path, monkeypatch):
    monkeypatch.setattr(pipelines.carga.distribuido, "CONEXION", 1.0)
    documento(tmp_path / "a.pdf")
    r = runner.invoke(
        app, ["cargar", str(tmp_path / "a.pdf"), "--db", str(tmp_path / "x.duckdb"), "--dask", "tcp://127.0.0.1:9"]
    )
    assert r.exit_code == 1
    assert "No se pudo conectar con el planificador de Dask en tcp://127.0.0.1:9" in r.output
    assert "Traceback" not in r.output


def test_dask_con_trabajadores_en_procesos(tmp_path):
    """`dask worker` runs tasks in daemonic processes: the per-file child
    process must still start there."""
    from distributed import LocalCluster

    docs = tmp_path / "docs"
    documento(docs / "a.pdf")
    escribir(docs / "b.pdf", dormir=60)
    with LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=True,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=":0",
        worker_dashboard_address=":0",
    ) as c:
        r = cargar_rutas(
            [docs],
            tmp_path / "x.duckdb",
            extraer=extraer_lento,
            cluster=c.scheduler_address,
            limites=Limites(tiempo=5, memoria_mb=1024),
        )
    assert [(x.archivo, x.resultado, x.motivo) for x in r] == [
        ("a.pdf", "cargado", None),
        ("b.pdf", "fallido", "b.pdf: superó el límite de tiempo de 5 s"),
    ]
