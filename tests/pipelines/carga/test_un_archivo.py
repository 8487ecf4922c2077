"""A load of one file: its child process is forked from the loading process
(no fork server) and only extracts; the report is prepared and written
here. The isolation is the same as with many files: a crash, a hang or too
much memory in the file fails it alone, the store keeps what it had."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from pipelines.carga.cargar import Limites, cargar_rutas
from tests.pipelines.cli.test_cli import documento, escribir, extraer_falso

RAIZ = Path(__file__).resolve().parents[3]


def _en_otro_proceso(codigo: str, *argumentos: str) -> subprocess.CompletedProcess:
    """`codigo` run by a fresh Python with this checkout first on its path."""
    return subprocess.run(
        [sys.executable, "-c", codigo, *argumentos],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=RAIZ,
        env={**os.environ, "PYTHONPATH": str(RAIZ)},
    )


def extraer_hostil(ruta: Path):
    """Fake extractor that records its parent process, then crashes, hangs
    or eats memory when the file asks for it; else the fake extractor of
    tests/pipelines/cli/test_cli.py."""
    datos = json.loads(Path(ruta).read_bytes())
    if "padre" in datos:
        Path(datos["padre"]).write_text(str(os.getppid()))
    if "yo" in datos:
        Path(datos["yo"]).write_text(str(os.getpid()))
    if datos.get("senal"):
        os.kill(os.getpid(), signal.SIGSEGV)
    if datos.get("dormir"):
        time.sleep(datos["dormir"])
    if datos.get("memoria_mb"):
        lastre = bytearray(datos["memoria_mb"] * 1024 * 1024)
        lastre[::4096] = b"x" * len(lastre[::4096])
    return extraer_falso(ruta)


def _informes(db: Path) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(
            "SELECT i.archivo, count(o.informe_id) FROM informes i "
            "LEFT JOIN observaciones o USING (informe_id) GROUP BY 1 ORDER BY 1"
        ).fetchall()
    finally:
        con.close()


def _base_con_uno(tmp_path: Path) -> Path:
    db = tmp_path / "x.duckdb"
    [r] = cargar_rutas([documento(tmp_path / "antes.pdf", n=3)], db, extraer=extraer_hostil, limites=Limites())
    assert r.resultado == "cargado", r.motivo
    return db


_CARGA_SOLA = """
import os, sys
from pathlib import Path
from pipelines.carga.cargar import Limites, cargar_rutas
from tests.pipelines.carga.test_un_archivo import extraer_hostil
[r] = cargar_rutas([Path(sys.argv[1])], Path(sys.argv[2]), extraer=extraer_hostil, limites=Limites())
print(r.resultado, r.observaciones, os.getpid())
"""


def test_un_archivo_se_lee_en_un_hijo_de_este_proceso_y_se_guarda(tmp_path):
    """In a new interpreter (this one may hold native threads of earlier tests)."""
    db = tmp_path / "x.duckdb"
    padre = tmp_path / "padre.txt"
    archivo = documento(tmp_path / "uno.pdf", n=4, padre=str(padre))
    p = _en_otro_proceso(_CARGA_SOLA, str(archivo), str(db))
    assert p.returncode == 0, p.stderr
    resultado, observaciones, pid = p.stdout.split()
    assert (resultado, observaciones) == ("cargado", "4")
    assert padre.read_text() == pid  # forked from the loading process, not from a fork server
    assert _informes(db) == [("uno.pdf", 4)]


def test_un_archivo_que_revienta_falla_solo_y_la_base_queda(tmp_path):
    db = _base_con_uno(tmp_path)
    archivo = escribir(tmp_path / "revienta.pdf", senal=1)
    [r] = cargar_rutas([archivo], db, extraer=extraer_hostil, limites=Limites())
    assert r.fallido
    assert "terminó de forma inesperada" in r.motivo and "SIGSEGV" in r.motivo
    assert _informes(db) == [("antes.pdf", 3)]


def test_un_archivo_que_no_termina_obedece_el_limite_de_tiempo(tmp_path):
    db = _base_con_uno(tmp_path)
    archivo = escribir(tmp_path / "cuelga.pdf", dormir=60)
    inicio = time.monotonic()
    [r] = cargar_rutas([archivo], db, extraer=extraer_hostil, limites=Limites(tiempo=2.0))
    assert time.monotonic() - inicio < 30
    assert r.fallido and "superó el límite de tiempo de 2 s" in r.motivo
    assert _informes(db) == [("antes.pdf", 3)]


def test_un_archivo_que_come_memoria_obedece_el_limite(tmp_path):
    db = _base_con_uno(tmp_path)
    archivo = escribir(tmp_path / "glotón.pdf", memoria_mb=6000)
    [r] = cargar_rutas([archivo], db, extraer=extraer_hostil, limites=Limites(memoria_mb=3000))
    assert r.fallido and "límite de memoria de 3000 MB" in r.motivo, r.motivo
    assert _informes(db) == [("antes.pdf", 3)]


def test_con_una_conexion_de_duckdb_abierta_no_se_bifurca(tmp_path):
    """An open DuckDB connection (its native threads) in this process: the
    child comes from the fork server, never from a fork of those threads."""
    db = tmp_path / "x.duckdb"
    padre = tmp_path / "padre.txt"
    otra = duckdb.connect(str(tmp_path / "otra.duckdb"))
    try:
        otra.execute("SELECT 1").fetchall()
        [r] = cargar_rutas(
            [documento(tmp_path / "uno.pdf", padre=str(padre))], db, extraer=extraer_hostil, limites=Limites()
        )
    finally:
        otra.close()
    assert r.resultado == "cargado", r.motivo
    assert int(padre.read_text()) != os.getpid()


# ------------------------------------------------------ a child started in advance

_CARGA_ADELANTADA = """
import os, sys, time
from pathlib import Path
from pipelines.carga.aislamiento import adelantar
from pipelines.carga.cargar import Limites, cargar_rutas
limites = Limites(tiempo=float(sys.argv[3]))
rutas = [Path(sys.argv[1])]
adelantado = adelantar(rutas, limites)
assert adelantado is not None and 'duckdb' not in sys.modules  # forked before DuckDB was imported
from tests.pipelines.carga.test_un_archivo import extraer_hostil
pid = adelantado.proceso.pid
try:
    [r] = cargar_rutas(rutas, Path(sys.argv[2]), extraer=extraer_hostil, limites=limites, adelantado=adelantado)
finally:
    adelantado.cerrar()
print(r.resultado, r.observaciones, pid, adelantado.carpeta)
print(r.motivo)
"""


def _cargar_adelantado(archivo: Path, db: Path, tiempo: float = 300.0) -> tuple[list[str], str]:
    p = _en_otro_proceso(_CARGA_ADELANTADA, str(archivo), str(db), str(tiempo))
    assert p.returncode == 0, p.stderr
    primera, motivo = p.stdout.splitlines()
    return primera.split(), motivo


def _vivos_de_sesion(sid: int) -> list[int]:
    from pipelines.carga.aislamiento import _sesion

    return _sesion(sid)


def test_el_hijo_adelantado_lee_el_archivo_sin_duckdb_y_no_deja_nada(tmp_path):
    """The child forked before DuckDB is imported and the store opened reads
    the file, the report is written, and its folder is removed."""
    db = tmp_path / "x.duckdb"
    yo = tmp_path / "yo.txt"
    archivo = documento(tmp_path / "uno.pdf", n=4, yo=str(yo))
    (resultado, observaciones, pid, carpeta), _ = _cargar_adelantado(archivo, db)
    assert (resultado, observaciones) == ("cargado", "4")
    assert yo.read_text() == pid  # read by the child started in advance
    assert not Path(carpeta).exists()
    assert _vivos_de_sesion(int(pid)) == []
    assert _informes(db) == [("uno.pdf", 4)]


def test_el_hijo_adelantado_sin_uso_se_termina(tmp_path):
    """The file is already stored: the child started in advance is never
    given the extractor, and it ends (with its session and folder) at once."""
    db = _base_con_uno(tmp_path)
    yo = tmp_path / "yo.txt"
    archivo = tmp_path / "antes.pdf"  # the same content as the stored report
    inicio = time.monotonic()
    (resultado, _obs, pid, carpeta), _ = _cargar_adelantado(archivo, db)
    assert resultado == "sin_cambios"
    assert time.monotonic() - inicio < 60
    assert not yo.exists() and not Path(carpeta).exists()
    assert _vivos_de_sesion(int(pid)) == []
    assert _informes(db) == [("antes.pdf", 3)]


def test_el_hijo_adelantado_obedece_el_limite_de_tiempo_y_si_revienta_falla_solo(tmp_path):
    db = _base_con_uno(tmp_path)
    cuelga = escribir(tmp_path / "cuelga.pdf", dormir=60)
    inicio = time.monotonic()
    (resultado, _obs, pid, carpeta), motivo = _cargar_adelantado(cuelga, db, tiempo=2.0)
    assert time.monotonic() - inicio < 30
    assert resultado == "fallido" and "superó el límite de tiempo de 2 s" in motivo
    assert _vivos_de_sesion(int(pid)) == [] and not Path(carpeta).exists()
    revienta = escribir(tmp_path / "revienta.pdf", senal=1)
    (resultado, _obs, _pid, _carpeta), motivo = _cargar_adelantado(revienta, db)
    assert resultado == "fallido" and "terminó de forma inesperada" in motivo and "SIGSEGV" in motivo
    assert _informes(db) == [("antes.pdf", 3)]


_PADRE_QUE_MUERE = """
import os, sys
from pathlib import Path
from pipelines.carga.aislamiento import adelantar
from pipelines.carga.cargar import Limites
adelantado = adelantar([Path(sys.argv[1])], Limites())
print(adelantado.proceso.pid, adelantado.carpeta, flush=True)
os._exit(0)  # killed before it used or closed its child
"""


def test_el_hijo_adelantado_de_un_proceso_que_muere_termina_y_borra_su_carpeta(tmp_path):
    archivo = documento(tmp_path / "uno.pdf")
    p = _en_otro_proceso(_PADRE_QUE_MUERE, str(archivo))
    assert p.returncode == 0, p.stderr
    pid, carpeta = p.stdout.split()
    limite = time.monotonic() + 60
    while (_vivos_de_sesion(int(pid)) or Path(carpeta).exists()) and time.monotonic() < limite:
        time.sleep(0.1)
    assert _vivos_de_sesion(int(pid)) == [] and not Path(carpeta).exists()


# ------------------------------------------------------------ startup (issue 17)

_IMPORTADO_ANTES_DE_BIFURCAR = """
import os, sys, threading
from pathlib import Path
from pipelines.carga.aislamiento import _ANTES_DE_BIFURCAR, adelantar
from pipelines.carga.cargar import Limites
adelantado = adelantar([Path(sys.argv[1])], Limites())
try:
    faltan = [m for m in _ANTES_DE_BIFURCAR if m not in sys.modules]
    pesados = [m for m in ('duckdb', 'numpy', 'pyarrow', 'pandas', 'spacy') if m in sys.modules]
    nativos = len(os.listdir('/proc/self/task')) - threading.active_count()
    print(adelantado is not None, faltan, pesados, nativos)
finally:
    adelantado.cerrar()
"""


def test_lo_que_importan_los_dos_procesos_se_importa_una_vez_antes_de_bifurcar(tmp_path):
    """A load of one file imports what the reading child and this process
    both need (the metadata readers, importlib.metadata) before the child is
    forked, once instead of once in each; none of it is DuckDB, numpy or
    Arrow, and no native thread is running when the child is forked."""
    archivo = documento(tmp_path / "uno.pdf")
    p = _en_otro_proceso(_IMPORTADO_ANTES_DE_BIFURCAR, str(archivo))
    assert p.returncode == 0, p.stderr
    assert p.stdout.split("\n")[0] == "True [] [] 0"


_CALENTAR = """
import sys
from pipelines.carga import guardado
from pipelines.identidad import lemas
guardado.calentar(sin_pandas=True)
antes = lemas._tabla_lemas.cache_info().currsize
guardado.calentar(sin_pandas=True, escritor=True)
print(antes, lemas._tabla_lemas.cache_info().currsize, 'pandas' in sys.modules)
"""


def test_el_escritor_lee_la_tabla_de_lemas_mientras_espera_el_primer_informe():
    """calentar(escritor=True), called by the writer while the first file is
    read, also reads identity's lemma table (linking the first report no
    longer waits for it); the fork server's calentar() does not."""
    p = _en_otro_proceso(_CALENTAR)
    assert p.returncode == 0, p.stderr
    assert p.stdout.split() == ["0", "1", "False"]


_CARGAR_UN_PDF = """
import sys
from pipelines.cli import app
try:
    app(sys.argv[1:], prog_name='informes')
except SystemExit as exc:
    assert not exc.code, exc.code
print('PESADOS=' + ','.join(m for m in ('spacy', 'pandas') if m in sys.modules), file=sys.stderr)
"""


def test_cargar_un_pdf_no_importa_spacy_ni_pandas_en_el_proceso_que_escribe(tmp_path):
    """`informes cargar` of a real one-page PDF: the process that writes
    the store never imports spaCy (the child that reads the file does, for
    headers the persistent memory does not hold) nor pandas (issue 17)."""
    pdf = RAIZ / "corpus" / "informes" / "villavicencio_hacienda_2022.pdf"
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ), "INFORMES_CACHE": str(tmp_path / "cache")}
    for n in range(2):  # the header memory empty, then holding the file's headers
        p = subprocess.run(
            [sys.executable, "-c", _CARGAR_UN_PDF, "cargar", str(pdf), "--db", str(tmp_path / f"{n}.duckdb")],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=RAIZ,
            env=entorno,
        )
        assert p.returncode == 0, p.stdout + p.stderr
        assert "1 cargado" in p.stdout
        assert [x for x in p.stderr.splitlines() if x.startswith("PESADOS=")] == ["PESADOS="]
