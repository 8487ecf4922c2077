"""Legacy word processors: .doc, .rtf and .odt are converted to DOCX by
LibreOffice (headless, private profile, time limit, nothing left behind) and
read by the DOCX reader; provenance names the original file.

The corpus holds LibreOffice twins of one report
(`pasto_infraestructura_2020.doc/.rtf/.odt`, made by
corpus/generador/generar_derivados.py from the DOCX); they must give exactly the DOCX's
observations. Without LibreOffice these tests are skipped, except in CI (env
CI set), which installs it (.ci/run)."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path

import duckdb
import pytest

from extractor import ErrorLectura, extraer_informe
from extractor.formatos import legado
from extractor.formatos.seguridad import detectar_formato
from pipelines.carga.cargar import cargar_rutas, expandir_rutas
from tests.conftest import INFORMES

ID = "pasto_infraestructura_2020"
DOCX = INFORMES / f"{ID}.docx"
FORMATOS = ("doc", "rtf", "odt")

requiere_libreoffice = pytest.mark.skipif(
    legado.soffice() is None and not os.environ.get("CI"),
    reason="LibreOffice no está instalado (apt-get install libreoffice-writer-nogui)",
)


def _restos() -> set[str]:
    """Temporary folders of conversions and LibreOffice processes using them
    (in this test's temporary folder: other programs on the machine may be
    converting documents too)."""
    carpetas = {p.name for p in Path(tempfile.gettempdir()).glob("informes-legado-*")}
    marca = f"{Path(tempfile.gettempdir())}/informes-legado-".encode()
    procesos = set()
    for cmd in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            texto = cmd.read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if marca in texto and b"pytest" not in texto:
            procesos.add(texto.decode("utf-8", "replace"))
    return carpetas | procesos


@pytest.fixture(scope="module")
def del_docx():
    return extraer_informe(DOCX)


@pytest.fixture
def temporal_propio(tmp_path, monkeypatch):
    """Conversions of this test use a temporary folder of its own."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))


@requiere_libreoffice
@pytest.mark.parametrize("formato", FORMATOS)
def test_gemelo_legado_igual_a_su_docx(formato, del_docx, temporal_propio):
    ruta = INFORMES / f"{ID}.{formato}"
    assert detectar_formato(ruta) == formato
    antes = _restos()
    informe = extraer_informe(ruta)
    assert _restos() <= antes  # no folder, profile or process left behind
    # provenance: the original file, its bytes, its format
    assert informe.archivo == ruta.name and informe.formato == formato
    assert informe.sha256 == hashlib.sha256(ruta.read_bytes()).hexdigest()
    assert informe.metadatos == del_docx.metadatos
    assert [asdict(o) for o in informe.observaciones] == [asdict(o) for o in del_docx.observaciones]
    assert [asdict(f) for f in informe.no_mapeadas] == [asdict(f) for f in del_docx.no_mapeadas]


@requiere_libreoffice
def test_conversiones_simultaneas(tmp_path):
    """Each conversion has its own folder and profile: two at a time work."""
    rutas = [shutil.copy(INFORMES / f"{ID}.{f}", tmp_path / f"copia.{f}") for f in ("doc", "odt", "rtf", "doc")]
    with ThreadPoolExecutor(max_workers=4) as hilos:
        informes = list(hilos.map(extraer_informe, rutas))
    assert len({len(i.observaciones) for i in informes}) == 1 and informes[0].observaciones


@requiere_libreoffice
def test_cargar_un_doc_guarda_el_original(tmp_path):
    carpeta = tmp_path / "informes"
    carpeta.mkdir()
    for f in FORMATOS:
        shutil.copy(INFORMES / f"{ID}.{f}", carpeta / f"{ID}.{f}")
    assert [p.name for p in expandir_rutas([carpeta])] == sorted(p.name for p in carpeta.iterdir())
    db = tmp_path / "x.duckdb"
    resultados = cargar_rutas([carpeta], db)
    assert [r.resultado for r in resultados] == ["cargado"] * 3
    # a .doc named .docx is read by its content, with a notice
    mal = shutil.copy(INFORMES / f"{ID}.rtf", tmp_path / "mal_nombrado.docx")
    (r,) = cargar_rutas([mal], tmp_path / "y.duckdb")
    assert r.resultado == "cargado" and r.avisos == [
        "mal_nombrado.docx: la extensión es .docx pero el contenido es un documento RTF; se leyó según su contenido."
    ]
    con = duckdb.connect(str(db), read_only=True)
    try:
        filas = con.execute(
            "SELECT archivo, formato, sha256, (SELECT count(*) FROM observaciones o "
            "WHERE o.informe_id = i.informe_id) FROM informes i ORDER BY archivo"
        ).fetchall()
    finally:
        con.close()
    assert [(a, f, n) for a, f, _, n in filas] == [(f"{ID}.{f}", f, 41) for f in ("doc", "odt", "rtf")]
    for archivo, _, sha, _ in filas:
        assert sha == hashlib.sha256((carpeta / archivo).read_bytes()).hexdigest()


def test_sin_libreoffice_dice_que_instalar(monkeypatch):
    monkeypatch.setattr(legado, "soffice", lambda: None)
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(INFORMES / f"{ID}.doc")
    assert exc.value.archivo == f"{ID}.doc"
    assert exc.value.motivo == (
        "los documentos Word 97-2003 (.doc) se convierten con LibreOffice, que no está "
        "instalado (en Debian/Ubuntu: apt-get install libreoffice-writer-nogui)"
    )


def test_conversion_que_no_termina(monkeypatch, tmp_path):
    """A conversion past its time limit is stopped, with every process it
    started, and reported."""
    pids = tmp_path / "pids"
    falso = tmp_path / "soffice"
    falso.write_text(f"#!/bin/sh\necho $$ > {pids}\nsleep 60 &\necho $! >> {pids}\nwait\n")
    falso.chmod(0o755)
    monkeypatch.setattr(legado, "soffice", lambda: str(falso))
    inicio = time.monotonic()
    carpeta = Path(tempfile.mkdtemp(prefix="informes-legado-prueba-"))
    try:
        with pytest.raises(ErrorLectura) as exc:
            legado.convertir(INFORMES / f"{ID}.rtf", "rtf", carpeta, tiempo=1)
    finally:
        shutil.rmtree(carpeta)
    assert time.monotonic() - inicio < 20
    assert exc.value.motivo == "LibreOffice tardó más de 1 s en convertir el documento RTF"
    time.sleep(0.5)
    for pid in map(int, pids.read_text().split()):
        estado = Path(f"/proc/{pid}/stat")
        assert not estado.exists() or estado.read_text().split(")")[-1].split()[0] == "Z", pid


def test_documento_ole_danado_no_es_un_doc(tmp_path):
    ruta = tmp_path / "danado.doc"
    ruta.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088))
    with pytest.raises(ErrorLectura, match="formato OLE\\) está dañado"):
        detectar_formato(ruta)
