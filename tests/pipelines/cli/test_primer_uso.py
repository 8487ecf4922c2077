"""A new user's first steps (issue 19): the README's first command, exactly as
written, on a copy of the project, with and without LibreOffice and
Tesseract; files that need a missing program are skipped (not failures),
say what to install and are read on a later run once it is there; the
bundled corpus keeps reports, gold and generators apart.

The tools are hidden by running the command with a PATH that holds only a
temporary folder (python symlinked, and the shims below): `shutil.which`,
which the readers use to find `soffice` and `tesseract`, finds neither.

`pip` in the README's command is a shim that checks its arguments and does
nothing: a real `pip install -e .` here would point the test environment's
installed package at a temporary copy. `.ci/run` runs the command with the
real pip on the clean clone. `informes` is a shim that runs the entry point
that pyproject.toml declares (pipelines.cli:app) from the copy.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import duckdb
import pytest

from extractor.formatos import legado, ocr
from tests.conftest import CORPUS, GENERADOR, GOLD, INFORMES, RAIZ

EXTENSIONES_INFORMES = {".pdf", ".docx", ".xlsx", ".xls", ".ods", ".doc", ".rtf", ".odt"}
NECESITAN_LIBREOFFICE = [
    "pasto_infraestructura_2020.doc",
    "pasto_infraestructura_2020.odt",
    "pasto_infraestructura_2020.rtf",
]
NECESITA_TESSERACT = ["villavicencio_hacienda_2022_escaneado.pdf"]
LINEA_LIBREOFFICE = (
    "3 omitidos: necesitan LibreOffice, que no está instalado. Para leerlos: "
    "apt-get install libreoffice-writer-nogui y vuelva a cargar."
)
LINEA_TESSERACT = (
    "1 omitido: necesita Tesseract, que no está instalado. Para leerlo: "
    "apt-get install tesseract-ocr tesseract-ocr-spa y vuelva a cargar."
)

hay_programas = legado.soffice() is not None and ocr.falta_tesseract() is None
requiere_programas = pytest.mark.skipif(
    not hay_programas and not os.environ.get("CI"),
    reason="sin LibreOffice o Tesseract (apt-get install libreoffice-writer-nogui tesseract-ocr tesseract-ocr-spa)",
)


def primera_orden() -> str:
    """The first line of the README's first bash block, without its comment."""
    texto = (RAIZ / "README.md").read_text(encoding="utf-8")
    bloque = re.search(r"^```bash\n(.*?)^```", texto, re.S | re.M)
    assert bloque, "el README no tiene un bloque bash"
    return re.sub(r"\s+#.*$", "", bloque.group(1).splitlines()[0]).strip()


def _copia(destino: Path) -> Path:
    """The project's tracked files (a clean clone, without .git or a database)."""
    try:
        listado = subprocess.run(["git", "ls-files", "-z"], cwd=RAIZ, capture_output=True, check=True).stdout
        archivos = [f for f in listado.decode().split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        archivos = [
            str(p.relative_to(RAIZ))
            for p in RAIZ.rglob("*")
            if p.is_file() and not any(x.startswith(".") or x == "__pycache__" for x in p.relative_to(RAIZ).parts)
        ]
    for nombre in archivos:
        origen = RAIZ / nombre
        if origen.is_file():  # a file moved but not yet committed is listed and absent
            (destino / nombre).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origen, destino / nombre)
    return destino


def _atajos(carpeta: Path, proyecto: Path) -> Path:
    """A bin folder with python, a pip that checks `install -e .` and does
    nothing, and informes (the declared entry point, run from `proyecto`)."""
    carpeta.mkdir()
    (carpeta / "python").symlink_to(sys.executable)
    registro = carpeta / "pip.log"
    pip = carpeta / "pip"
    pip.write_text(
        f'#!/bin/sh\necho "$PWD $*" >> "{registro}"\n'
        '[ "$*" = "install -e ." ] && [ -f pyproject.toml ] || { echo "pip: orden inesperada: $*" >&2; exit 2; }\n',
        encoding="utf-8",
    )
    informes = carpeta / "informes"
    informes.write_text(
        f'#!/bin/sh\nPYTHONPATH="{proyecto}" exec "{sys.executable}" -m pipelines.cli "$@"\n', encoding="utf-8"
    )
    for p in (pip, informes):
        p.chmod(0o755)
    return carpeta


def _correr(orden: str, cwd: Path, bin_: Path, ocultar: bool) -> subprocess.CompletedProcess:
    path = str(bin_) if ocultar else f"{bin_}{os.pathsep}{os.environ.get('PATH', '')}"
    entorno = {**os.environ, "PATH": path, "COLUMNS": "100"}
    entorno.pop("PYTHONPATH", None)
    return subprocess.run(["/bin/bash", "-c", orden], cwd=cwd, env=entorno, capture_output=True, text=True, timeout=900)


def _resultados(db: Path) -> dict[str, list[str]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        filas = con.execute("SELECT archivo, resultado FROM cargas ORDER BY inicio, archivo").fetchall()
    finally:
        con.close()
    por_archivo: dict[str, list[str]] = {}
    for archivo, resultado in filas:
        por_archivo.setdefault(archivo, []).append(resultado)
    return por_archivo


# ------------------------------------------------------------- the corpus layout


def test_corpus_separa_informes_gold_y_generador():
    assert sorted(p.name for p in CORPUS.iterdir()) == ["README.md", "generador", "gold", "informes"]
    informes = sorted(INFORMES.rglob("*"))
    assert informes and all(p.is_file() and p.suffix in EXTENSIONES_INFORMES for p in informes), [
        p.name for p in informes if p.suffix not in EXTENSIONES_INFORMES
    ]
    golds = [p for p in GOLD.rglob("*") if p.is_file()]
    assert golds and all(p.name.endswith((".gold.csv", ".meta.yaml")) or p.name == "vinculos_gold.csv" for p in golds)
    # every gold file belongs to a report in informes/, and no report file sits in gold/ or generador/
    ids = {p.name.removesuffix(".gold.csv") for p in GOLD.glob("*.gold.csv")}
    assert ids <= {p.stem for p in informes}
    assert not [p for p in GENERADOR.rglob("*") if p.suffix in EXTENSIONES_INFORMES]
    assert (GENERADOR / "generar.py").is_file() and (GENERADOR / "especificaciones").is_dir()


def test_readme_empieza_por_cargar_los_informes_y_correr_las_pruebas():
    texto = (RAIZ / "README.md").read_text(encoding="utf-8")
    bloque = re.search(r"^```bash\n(.*?)^```", texto, re.S | re.M).group(1).splitlines()
    ordenes = [re.sub(r"\s+#.*$", "", linea).strip() for linea in bloque]
    assert ordenes[:2] == [
        "pip install -e . && informes cargar corpus/informes/",
        'pip install -e ".[test]" && python -m pytest -q',
    ]
    # the informes shim below runs what the package declares
    proyecto = tomllib.loads((RAIZ / "pyproject.toml").read_text(encoding="utf-8"))
    assert proyecto["project"]["scripts"]["informes"] == "pipelines.cli:app"
    # and CI checks that same line, then runs the tests
    ci = (RAIZ / ".ci" / "run").read_text(encoding="utf-8")
    assert "README.md" in ci and 'bash -c "$primera"' in ci and ci.rstrip().endswith("python3 -m pytest -q")


# ------------------------------------------------------------- the main job as written


@requiere_programas
def test_primera_orden_del_readme_sin_y_con_los_programas(tmp_path):
    """Fresh machine first (tools hidden): exit 0, no error, the four files
    that need the tools skipped with what to install; then the same command
    with the tools: those four are read, the rest are already there."""
    orden = primera_orden()
    proyecto = _copia(tmp_path / "informes")
    bin_ = _atajos(tmp_path / "bin", proyecto)
    db = proyecto / "indicadores.duckdb"
    assert not db.exists()
    total = len([p for p in (proyecto / "corpus" / "informes").rglob("*") if p.is_file()])

    sin = _correr(orden, proyecto, bin_, ocultar=True)
    salida = sin.stdout + sin.stderr
    assert sin.returncode == 0, salida
    assert not re.search(r"^Error:", salida, re.M), salida
    assert f"Resumen: {total - 4} cargados, 0 sin cambios, 0 fallidos, 4 omitidos." in salida
    assert LINEA_LIBREOFFICE in salida and LINEA_TESSERACT in salida
    assert "no son informes" not in salida  # gold, meta and scripts are no longer in the way
    assert (bin_ / "pip.log").read_text().split() == [str(proyecto), "install", "-e", "."]
    cargas = _resultados(db)
    assert {a for a, r in cargas.items() if r == ["omitido"]} == set(NECESITAN_LIBREOFFICE + NECESITA_TESSERACT)
    assert sum(r == ["cargado"] for r in cargas.values()) == total - 4
    # fits the screen: one line per file (name and result together), nothing wider than the
    # 100 columns given, except the lines with what to install and the findings (a terminal wraps those)
    lineas = sin.stdout.splitlines()
    assert len(lineas) <= total + 20, sin.stdout
    assert all(len(l) <= 100 for l in lineas if not l.startswith(("3 omitidos", "1 omitido", "Hallazgos"))), sin.stdout
    for archivo in (p.name for p in (proyecto / "corpus" / "informes").iterdir()):
        assert any(archivo in l and re.search(r"\b(cargado|omitido)\b", l) for l in lineas), archivo

    con = _correr(orden, proyecto, bin_, ocultar=False)
    salida = con.stdout + con.stderr
    assert con.returncode == 0, salida
    assert not re.search(r"^Error:", salida, re.M), salida
    assert f"Resumen: 4 cargados, {total - 4} sin cambios, 0 fallidos, 0 omitidos." in salida
    assert "necesita" not in salida
    cargas = _resultados(db)
    assert all(cargas[a] == ["omitido", "cargado"] for a in NECESITAN_LIBREOFFICE + NECESITA_TESSERACT)


# ------------------------------------------------------------- skipped, failed, retried


@requiere_programas
def test_omitidos_por_falta_de_programa_no_son_fallos_y_se_reintentan(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for nombre in [
        "pasto_infraestructura_2020.doc",
        "pasto_infraestructura_2020.rtf",
        "villavicencio_hacienda_2022_escaneado.pdf",
        "yopal_integracion_social_2023.docx",
    ]:
        shutil.copy(INFORMES / nombre, docs / nombre)
    bin_ = _atajos(tmp_path / "bin", RAIZ)
    db = tmp_path / "x.duckdb"
    cargar = f"informes cargar {docs} --db {db}"

    sin = _correr(cargar, tmp_path, bin_, ocultar=True)
    assert sin.returncode == 0, sin.stdout + sin.stderr
    assert "Resumen: 1 cargado, 0 sin cambios, 0 fallidos, 3 omitidos." in sin.stdout
    assert (
        "2 omitidos: necesitan LibreOffice, que no está instalado. Para leerlos: "
        "apt-get install libreoffice-writer-nogui y vuelva a cargar."
    ) in sin.stdout
    assert LINEA_TESSERACT in sin.stdout
    assert str(docs / "pasto_infraestructura_2020.doc") in sin.stdout
    assert "Error:" not in sin.stdout + sin.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM informes").fetchone() == (1,)
        motivos = con.execute(
            "SELECT archivo, motivo FROM cargas WHERE resultado = 'omitido' ORDER BY archivo"
        ).fetchall()
    finally:
        con.close()
    assert [a for a, _ in motivos] == [
        "pasto_infraestructura_2020.doc",
        "pasto_infraestructura_2020.rtf",
        "villavicencio_hacienda_2022_escaneado.pdf",
    ]
    assert "libreoffice-writer-nogui" in motivos[0][1] and "tesseract-ocr" in motivos[2][1]

    # a real failure next to them still fails the command (exit 1, one Error line)
    (docs / "roto.pdf").write_bytes(b"%PDF-1.4\n")
    otra = _correr(cargar, tmp_path, bin_, ocultar=True)
    assert otra.returncode == 1
    assert "Resumen: 0 cargados, 1 sin cambios, 1 fallido, 3 omitidos." in otra.stdout
    errores = [l for l in otra.stderr.splitlines() if l.startswith("Error:")]
    assert len(errores) == 1 and errores[0].startswith("Error: roto.pdf"), otra.stderr
    (docs / "roto.pdf").unlink()

    # with the programs: the skipped files are read now, not "sin cambios"
    con_programas = _correr(cargar, tmp_path, bin_, ocultar=False)
    assert con_programas.returncode == 0, con_programas.stdout + con_programas.stderr
    assert "Resumen: 3 cargados, 1 sin cambios, 0 fallidos, 0 omitidos." in con_programas.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM informes").fetchone() == (4,)
    finally:
        con.close()
