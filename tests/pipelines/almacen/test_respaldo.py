"""The copy of the store a load takes before writing (pipelines/almacen/
respaldo.py), with the real command: a store a killed load left damaged is
restored from it by the next load, the damaged file kept aside; a damaged
store with no copy is refused with a clear Spanish message and not touched;
a load that ends as it should leaves no copy.

The damage is made as DuckDB was seen to leave it after a SIGKILL: blocks
whose stored checksum no longer matches ("Corrupt database file: computed
checksum … does not match stored checksum … in block at location 12288")."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from pipelines.almacen import respaldo
from tests.conftest import INFORMES, correr_informes

ARCHIVOS = ["girardot_salud_2018.docx", "sogamoso_educacion_2019.docx", "tulua_personeria_2021.docx"]


def _danar(db: Path) -> None:
    """Overwrite a few bytes inside every 256 KiB block after the headers."""
    tam = db.stat().st_size
    with open(db, "r+b") as f:
        k = 0
        while 12288 + k * 262144 + 64 < tam:
            f.seek(12288 + k * 262144 + 64)
            f.write(b"\xde\xad\xbe\xef" * 8)
            k += 1


def _archivos(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {a for (a,) in con.execute("SELECT archivo FROM informes").fetchall()}
    finally:
        con.close()


def _docs(tmp_path: Path) -> list[Path]:
    carpeta = tmp_path / "docs"
    carpeta.mkdir()
    return [Path(shutil.copy(INFORMES / nombre, carpeta / nombre)) for nombre in ARCHIVOS]


def test_la_carga_siguiente_restaura_la_copia_de_una_base_danada(tmp_path):
    docs = _docs(tmp_path)
    db = tmp_path / "indicadores.duckdb"
    p = correr_informes("cargar", str(docs[0]), str(docs[1]), "--db", str(db), cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    assert not respaldo.existe(db)  # a load that ended as it should leaves no copy
    # a load killed while DuckDB wrote: its copy of the store as it was, and the store damaged
    respaldo.copiar(db)
    _danar(db)
    danado = db.read_bytes()

    resumen = correr_informes("resumen", "--db", str(db), cwd=tmp_path)
    assert resumen.returncode != 0
    assert "está dañada" in resumen.stdout + resumen.stderr and "informes cargar" in resumen.stdout + resumen.stderr
    assert "Traceback" not in resumen.stderr
    assert db.read_bytes() == danado  # a command that reads never changes it

    p = correr_informes("cargar", str(docs[2]), "--db", str(db), cwd=tmp_path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Aviso" in p.stdout and "dañada" in p.stdout, p.stdout
    assert _archivos(db) == set(ARCHIVOS)  # the two reports of before, and the new one
    apartes = list(tmp_path.glob("indicadores.duckdb.danada-*"))
    assert [a.read_bytes() for a in apartes] == [danado]  # the damaged file kept, as it was
    assert not respaldo.existe(db)


def test_base_danada_sin_copia_se_rechaza_sin_tocarla(tmp_path):
    docs = _docs(tmp_path)
    db = tmp_path / "indicadores.duckdb"
    assert correr_informes("cargar", str(docs[0]), "--db", str(db), cwd=tmp_path).returncode == 0
    _danar(db)
    danado = db.read_bytes()
    p = correr_informes("cargar", str(docs[1]), "--db", str(db), cwd=tmp_path)
    assert p.returncode != 0
    salida = p.stdout + p.stderr
    assert "está dañada y no hay copia de respaldo" in salida and str(db) in salida.replace("\n", "")
    assert "Traceback" not in salida
    assert db.read_bytes() == danado
    assert not list(tmp_path.glob("*.danada-*")) and not respaldo.existe(db)


def test_la_copia_es_la_base_de_antes_de_la_carga(tmp_path):
    """The copy a load takes opens and holds the reports stored before it,
    and a copy left by a load whose store is sound is simply replaced."""
    docs = _docs(tmp_path)
    db = tmp_path / "indicadores.duckdb"
    assert correr_informes("cargar", str(docs[0]), "--db", str(db), cwd=tmp_path).returncode == 0
    respaldo.copiar(db)
    assert _archivos(respaldo.ruta_de(db)) == {ARCHIVOS[0]}
    p = correr_informes("cargar", str(docs[1]), "--db", str(db), cwd=tmp_path)
    assert p.returncode == 0 and "Aviso" not in p.stdout, p.stdout + p.stderr
    assert _archivos(db) == {ARCHIVOS[0], ARCHIVOS[1]}
    assert not respaldo.existe(db) and not list(tmp_path.glob("*.danada-*"))
