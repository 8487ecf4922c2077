"""The private parts of typer the command line relies on still exist
(pipelines/cli/privadas.py), no other module reaches them, and through them
the real command speaks Spanish."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from pipelines.cli import privadas

RAIZ = Path(__file__).resolve().parents[3]


def _informes(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    entorno = {**os.environ, "COLUMNS": "200", **env}
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args], cwd=cwd, capture_output=True, text=True, env=entorno
    )


def test_las_apis_privadas_de_typer_existen():
    assert privadas.faltantes() == []


def _privados(arbol: ast.AST) -> list[str]:
    """Imports of typer's private modules (typer._click, typer._completion_*,
    typer.rich_utils) and any `._click` attribute."""
    nombres = []
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.ImportFrom) and nodo.module:
            modulos = [nodo.module] + [f"{nodo.module}.{a.name}" for a in nodo.names]
        elif isinstance(nodo, ast.Import):
            modulos = [a.name for a in nodo.names]
        elif isinstance(nodo, ast.Attribute) and nodo.attr == "_click":
            modulos = ["._click"]
        else:
            continue
        nombres += [m for m in modulos if m.startswith(("typer._", "typer.rich_utils")) or m == "._click"]
    return nombres


def test_solo_privadas_toca_lo_privado_de_typer():
    encontrados = {}
    for ruta in sorted((RAIZ / "pipelines").rglob("*.py")):
        if ruta == RAIZ / "pipelines" / "cli" / "privadas.py":
            continue
        privados = _privados(ast.parse(ruta.read_text(encoding="utf-8")))
        if privados:
            encontrados[str(ruta.relative_to(RAIZ))] = privados
    assert encontrados == {}
    # the check itself sees them
    assert _privados(ast.parse("from typer._click import exceptions\nimport typer.rich_utils as r\nx = typer._click"))


def test_ayuda_y_errores_de_uso_en_espanol(tmp_path):
    ayuda = _informes("exportar", "--help", cwd=tmp_path)
    assert ayuda.returncode == 0, ayuda.stderr
    assert "Opciones" in ayuda.stdout and "Options" not in ayuda.stdout
    assert "--db" in ayuda.stdout and "ARCHIVO" in ayuda.stdout and "[por defecto:" in ayuda.stdout
    malo = _informes("resumen", "--no-existe", cwd=tmp_path)
    assert malo.returncode == 64
    assert "Uso: " in malo.stderr and "La opción --no-existe no existe." in malo.stderr
    falta = _informes("exportar", "--tabla", cwd=tmp_path)
    assert falta.returncode == 64 and "La opción --tabla necesita un valor." in falta.stderr
    sin_nada = _informes(cwd=tmp_path)  # no command: the help, not an error line
    assert sin_nada.returncode == 64
    assert "Error:" not in sin_nada.stderr and "Uso: informes" in sin_nada.stdout


def test_db_de_informes_toml_solo_si_no_se_indica(tmp_path):
    (tmp_path / "informes.toml").write_text('db = "otra.duckdb"\n', encoding="utf-8")
    por_defecto = _informes("resumen", cwd=tmp_path)
    assert "otra.duckdb" in por_defecto.stdout + por_defecto.stderr
    escrita = _informes("resumen", "--db", "indicada.duckdb", cwd=tmp_path)
    assert "indicada.duckdb" in escrita.stdout + escrita.stderr
    del_entorno = _informes("resumen", cwd=tmp_path, INFORMES_DB="entorno.duckdb")
    assert "entorno.duckdb" in del_entorno.stdout + del_entorno.stderr


def test_guion_de_completado(tmp_path):
    guion = _informes("completar", "bash", cwd=tmp_path)
    assert guion.returncode == 0, guion.stderr
    assert "_INFORMES_COMPLETE" in guion.stdout and "complete " in guion.stdout
    respuesta = subprocess.run(
        [sys.executable, "-m", "pipelines.cli"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "_INFORMES_COMPLETE": "complete_bash", "COMP_WORDS": "informes exp", "COMP_CWORD": "1"},
    )
    assert "exportar" in respuesta.stdout.split()


# ---------------------------------------------------------- coercion without pydantic


def _parametros_sencillos():
    """(command, parameter) of the real command line that the light coercion takes."""
    import typer.main

    from pipelines.cli import app

    def recorrer(comando):
        for sub in getattr(comando, "commands", {}).values():
            yield from recorrer(sub)
        for param in comando.params:
            if privadas._sencillo(param.type_descriptor):
                yield comando, param

    return list(recorrer(typer.main.get_command(app)))


def _resultado(funcion):
    try:
        return ("valor", funcion())
    except Exception as exc:  # noqa: BLE001 - the same error, the same text
        return ("error", type(exc).__name__, str(exc))


def test_la_coercion_sin_pydantic_da_lo_mismo_que_la_de_typer(tmp_path):
    """Every plain parameter of every command, with texts, paths and values
    of each type: the light coercion gives the value (or the error) typer's
    pydantic coercion gives."""
    import typer.core
    from typer._click import Context
    from typer._coercion import build_runtime_param as de_typer

    archivo = tmp_path / "a.pdf"
    archivo.write_bytes(b"%PDF")
    textos = ["", "a", " a ", "-", "~/x", "ñandú.pdf", "a//b/", str(archivo), str(tmp_path), "no/existe.pdf"]
    raros = ["a\x00b", "mal\udcff.pdf"]  # pydantic's: a null byte, text that is not UTF-8
    otros = [True, False, 0, 3, -1, 2.5, 300.0, Path("x.duckdb"), archivo, None]
    parametros = _parametros_sencillos()
    assert len(parametros) > 50 and {p.name for _, p in parametros} >= {"rutas", "db", "trabajadores", "forzar"}
    ligera = typer.core.build_runtime_param
    assert getattr(ligera, "_sin_pydantic", False)
    for comando, param in parametros:
        ctx = Context(comando)
        lista = getattr(param.type_descriptor.annotation, "__origin__", None) is list
        for valor in textos + raros + otros:
            entrada = (valor,) if lista and valor is not None else valor
            esperado = _resultado(lambda: de_typer(param.type_descriptor).coerce(entrada, param=param, ctx=ctx))
            obtenido = _resultado(lambda: ligera(param.type_descriptor).coerce(entrada, param=param, ctx=ctx))
            assert obtenido == esperado, (comando.name, param.name, valor)


def test_cargar_y_la_ayuda_no_importan_pydantic_ni_duckdb_antes_de_tiempo(tmp_path):
    """The real command in a new interpreter: `informes --help` imports
    neither pydantic, DuckDB nor numpy; `informes cargar` of a PDF never
    imports pydantic, its reading process starts before DuckDB is imported
    (pipelines/carga/aislamiento.py, HijoAdelantado), and numpy starts
    without OpenBLAS's thread pool (pipelines/carga/cargar.py)."""
    guion = (
        "import sys, runpy\n"
        "import pipelines.carga.aislamiento as a\n"
        "original = a.HijoAdelantado.__init__\n"
        "def init(self, *args, **kw):\n"
        "    sys.stderr.write('ADELANTADO duckdb=%s\\n' % ('duckdb' in sys.modules))\n"
        "    original(self, *args, **kw)\n"
        "a.HijoAdelantado.__init__ = init\n"
        "import atexit\n"
        "import os\n"
        "def hilos_sin_nombre():  # threads named as the process: OpenBLAS's (pyarrow's jemalloc names its own)\n"
        "    nombre = open('/proc/self/comm').read()\n"
        "    return [t for t in os.listdir('/proc/self/task') if open(f'/proc/self/task/{t}/comm').read() == nombre]\n"
        "atexit.register(lambda: sys.stderr.write('MODULOS pydantic=%s duckdb=%s numpy=%s hilos=%d openblas=%s\\n' % "
        "('pydantic' in sys.modules, 'duckdb' in sys.modules, 'numpy' in sys.modules, "
        "len(hilos_sin_nombre()), os.environ.get('OPENBLAS_NUM_THREADS'))))\n"
        "sys.argv = ['informes'] + sys.argv[1:]\n"
        "runpy.run_module('pipelines.cli', run_name='__main__')\n"
    )
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ), "INFORMES_CACHE": str(tmp_path / "cache"), "COLUMNS": "200"}
    entorno.pop("OPENBLAS_NUM_THREADS", None)

    def informes(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-c", guion, *args], cwd=tmp_path, capture_output=True, text=True, env=entorno
        )

    ayuda = informes("--help")
    assert ayuda.returncode == 0, ayuda.stderr
    assert "MODULOS pydantic=False duckdb=False numpy=False" in ayuda.stderr
    pdf = RAIZ / "corpus" / "informes" / "villavicencio_hacienda_2022.pdf"
    carga = informes("cargar", str(pdf), "--db", str(tmp_path / "x.duckdb"))
    assert carga.returncode == 0, carga.stdout + carga.stderr
    assert "1 cargado" in carga.stdout
    assert "ADELANTADO duckdb=False" in carga.stderr
    # numpy (pyarrow's) without OpenBLAS's threads, and the user's environment as it was
    assert "MODULOS pydantic=False duckdb=True numpy=True hilos=1 openblas=None" in carga.stderr, carga.stderr
