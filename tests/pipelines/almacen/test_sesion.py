"""The writer's session (pipelines/almacen/sesion.py): the store opened to
write and closed (lock released) to wait; the schema checked again only
when the file changed meanwhile, and the lock never dropped by looking at
the file."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

import pipelines.almacen.esquema as esquema
from pipelines import almacen
from pipelines.almacen import ErrorAlmacen
from pipelines.almacen.sesion import Sesion


def _otro_proceso_abre(db) -> bool:
    codigo = "import duckdb, sys; duckdb.connect(sys.argv[1]).close()"
    return subprocess.run([sys.executable, "-c", codigo, str(db)], capture_output=True).returncode == 0


@pytest.fixture
def revisiones(monkeypatch):
    llamadas: list[str] = []
    original = esquema.crear_esquema
    monkeypatch.setattr(esquema, "crear_esquema", lambda con, ruta: (llamadas.append(str(ruta)), original(con, ruta)))
    return llamadas


def test_suelta_la_base_mientras_espera_y_los_datos_quedan(tmp_path, revisiones):
    db = tmp_path / "x.duckdb"
    s = Sesion(db)
    con = s.abrir()
    assert con.execute("SELECT count(*) FROM informes").fetchone() == (0,)
    assert not _otro_proceso_abre(db)  # open: DuckDB's lock is held
    con.execute(
        "INSERT INTO cargas (carga_id, archivo, ruta, resultado, inicio, fin) "
        "VALUES ('c1', 'a.pdf', '/a.pdf', 'fallido', now(), now())"
    )
    s.cerrar()
    assert _otro_proceso_abre(db)  # closed: free, and no WAL left behind
    assert not (tmp_path / "x.duckdb.wal").exists()
    s.abrir()
    assert not _otro_proceso_abre(db)  # the check of the file did not drop the lock
    s.cerrar()
    assert len(revisiones) == 1  # the second opening found the file as we left it
    con = almacen.abrir(db, solo_lectura=True)
    try:
        assert con.execute("SELECT carga_id FROM cargas").fetchall() == [("c1",)]
    finally:
        con.close()


def test_el_esquema_se_revisa_si_otro_cambio_el_archivo(tmp_path, revisiones):
    db = tmp_path / "x.duckdb"
    s = Sesion(db)
    s.abrir()
    s.cerrar()
    otro = duckdb.connect(str(db))
    otro.execute("CREATE TABLE clientes (id INTEGER)")
    otro.close()
    with pytest.raises(ErrorAlmacen, match="no es un almacén de informes"):
        s.abrir()
    assert len(revisiones) == 2
    assert _otro_proceso_abre(db)  # a refused store is released at once
    s.cerrar()


def test_base_ocupada_da_el_error_de_siempre(tmp_path):
    db = tmp_path / "x.duckdb"
    almacen.abrir(db).close()
    codigo = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('listo', flush=True); time.sleep(30)"
    tenedor = subprocess.Popen([sys.executable, "-c", codigo, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert tenedor.stdout.readline().strip() == "listo"
        s = Sesion(db)
        with pytest.raises(ErrorAlmacen, match="está ocupada por otro proceso"):
            s.abrir()
        s.cerrar()
    finally:
        tenedor.kill()
        tenedor.wait()
