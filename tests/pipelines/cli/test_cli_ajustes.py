"""Issue 16, small things users look for: shell completion (`informes
completar`), an optional informes.toml for the database and the rules'
thresholds (option > INFORMES_DB > informes.toml > default), distinct exit
codes (64 for a usage error, 2 only for validar's error-level findings) and
a --help with an example and no Python type names in every command. Through
the real command in a child process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipelines.cli import CODIGO_USO, app
from tests.extractor.tablas.test_codigos_y_acumulacion import sispt

RAIZ = Path(__file__).resolve().parents[3]


def informes(*args, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    entorno = {k: v for k, v in os.environ.items() if k not in ("INFORMES_DB", "_INFORMES_COMPLETE")}
    entorno.update({"COLUMNS": "200", "PYTHONPATH": str(RAIZ), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        cwd=cwd,
        capture_output=True,
        env=entorno,
        timeout=300,
        text=True,
    )


# ---------------------------------------------------------- completion


@pytest.fixture
def programa(tmp_path) -> Path:
    """A folder with an `informes` program that runs this checkout, as the
    installed script would (the completion script calls it by name)."""
    carpeta = tmp_path / "bin"
    carpeta.mkdir()
    guion = carpeta / "informes"
    guion.write_text(f'#!/bin/sh\nPYTHONPATH="{RAIZ}" exec "{sys.executable}" -m pipelines.cli "$@"\n')
    guion.chmod(0o755)
    return carpeta


@pytest.mark.skipif(shutil.which("bash") is None, reason="bash no está instalado")
def test_completar_bash_completa_comandos_y_opciones(tmp_path, programa):
    r = informes("completar", "bash", cwd=tmp_path)
    assert r.returncode == 0 and "complete -o default -F _informes_completion informes" in r.stdout
    (tmp_path / "completar.sh").write_text(r.stdout)
    prueba = (
        "source completar.sh\n"
        'COMP_WORDS=(informes val); COMP_CWORD=1; _informes_completion informes; echo "${COMPREPLY[@]}"\n'
        "COMP_WORDS=(informes validar --sev); COMP_CWORD=2; _informes_completion informes; "
        'echo "${COMPREPLY[@]}"\n'
    )
    entorno = {**os.environ, "PATH": f"{programa}{os.pathsep}{os.environ['PATH']}"}
    entorno.pop("_INFORMES_COMPLETE", None)
    salida = subprocess.run(
        ["bash", "-c", prueba], cwd=tmp_path, capture_output=True, text=True, env=entorno, timeout=120
    )
    assert salida.stdout.splitlines() == ["validar", "--severidad"], salida.stderr


def test_completar_zsh_y_fish(tmp_path):
    zsh = informes("completar", "zsh", cwd=tmp_path)
    assert zsh.returncode == 0 and "compdef _informes_completion informes" in zsh.stdout
    fish = informes("completar", "fish", cwd=tmp_path)
    assert fish.returncode == 0 and "complete --command informes" in fish.stdout
    # what fish asks when the user presses Tab after "informes con"
    r = informes(
        cwd=tmp_path,
        env={
            "_INFORMES_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": "informes con",
        },
    )
    assert r.returncode == 0 and "consultar" in r.stdout


def test_completar_shell_desconocido(tmp_path):
    r = informes("completar", "tcsh", cwd=tmp_path)
    assert r.returncode == 1 and "Error: Shell desconocido: tcsh. Use bash, zsh, fish o powershell." in r.stderr


# ------------------------------------------------------- informes.toml


def test_precedencia_de_la_base_opcion_variable_toml_defecto(tmp_path):
    # each command names the database it tried to open (none exists here)
    assert "indicadores.duckdb" in informes("resumen", cwd=tmp_path).stderr
    (tmp_path / "informes.toml").write_text('db = "datos/del_toml.duckdb"\n', encoding="utf-8")
    r = informes("resumen", cwd=tmp_path)
    assert r.returncode == 1 and "del_toml.duckdb" in r.stderr
    r = informes("resumen", cwd=tmp_path, env={"INFORMES_DB": "de_la_variable.duckdb"})
    assert "de_la_variable.duckdb" in r.stderr
    r = informes("resumen", "--db", "de_la_opcion.duckdb", cwd=tmp_path, env={"INFORMES_DB": "de_la_variable.duckdb"})
    assert "de_la_opcion.duckdb" in r.stderr
    assert not list(tmp_path.glob("**/*.duckdb"))  # reading commands create nothing


def test_toml_da_la_base_a_cargar_y_los_umbrales_al_validador(tmp_path):
    sispt(
        tmp_path / "plan.xlsx",
        "25200",
        "Cogua",
        [("Parques mantenidos", 4, [4, 4, 4, 4], "Acumulativo"), ("Vías mejoradas", 8, [2, 2, 2, 2], "Acumulativo")],
    )
    (tmp_path / "informes.toml").write_text(
        'db = "plan.duckdb"\n\n[reglas.meta_acumulativa_no_suma]\nseveridad = "error"\n', encoding="utf-8"
    )
    r = informes("cargar", "plan.xlsx", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "plan.duckdb").is_file() and not (tmp_path / "indicadores.duckdb").exists()
    r = informes("validar", "--regla", "meta_acumulativa_no_suma", "--formato", "csv", "--salida", "-", cwd=tmp_path)
    assert r.returncode == 2  # made an error by informes.toml: validar gates on it
    filas = r.stdout.splitlines()[1:]
    assert len(filas) == 1 and "Parques mantenidos" in filas[0] and ",error," in filas[0]


@pytest.mark.parametrize(
    "contenido, mensaje",
    [
        ("db = \n", "no es un archivo TOML válido"),
        ('base = "x.duckdb"\n', "clave desconocida base"),
        ("[reglas.no_existe]\nactiva = false\n", "[reglas.no_existe] no es una regla"),
        ("[reglas.ejecucion_escala]\nrazon_maxima = 5\n", "la regla ejecucion_escala no tiene el ajuste razon_maxima"),
        (
            '[reglas.ejecucion_escala]\nrazon_minima = "cinco"\n',
            "reglas.ejecucion_escala.razon_minima debe ser un número",
        ),
        ('[reglas.ejecucion_escala]\nseveridad = "grave"\n', "la regla ejecucion_escala tiene severidad 'grave'"),
    ],
)
def test_toml_invalido_da_un_error_en_espanol_que_nombra_el_archivo(tmp_path, contenido, mensaje):
    (tmp_path / "informes.toml").write_text(contenido, encoding="utf-8")
    r = informes("resumen", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.startswith(f"Error: {tmp_path / 'informes.toml'}: ") and mensaje in r.stderr, r.stderr
    assert not list(tmp_path.glob("*.duckdb"))
    assert informes("--help", cwd=tmp_path).returncode == 0  # the help still shows


# ---------------------------------------------------------- exit codes


def test_codigos_de_salida_uso_incorrecto_64_distinto_de_validar(tmp_path):
    for args in (["--nada"], ["no-existe"], ["validar", "--nada"], ["validar", "--severidad"], ["evaluar"], []):
        r = informes(*args, cwd=tmp_path)
        assert r.returncode == CODIGO_USO == 64, (args, r.returncode, r.stderr)
    r = informes("validar", "--nada", cwd=tmp_path)
    assert "Error: La opción --nada no existe." in r.stderr
    ayuda = informes("--help", cwd=tmp_path)
    epilogo = " ".join(ayuda.stdout.split())
    assert "Códigos de salida: 0 correcto; 1 el comando falló" in epilogo
    assert "2 validar encontró hallazgos de severidad error; 64 uso incorrecto" in epilogo
    readme = " ".join((RAIZ / "README.md").read_text(encoding="utf-8").split())
    seccion = readme.split("## Códigos de salida")[1].split("##")[0]
    for codigo in ("`0`", "`1`", "`2`", "`64`", "`130`"):
        assert codigo in seccion


# --------------------------------------------------------------- help


def _comandos(grupo, ruta=()):
    yield ruta
    for nombre, comando in getattr(grupo, "commands", {}).items():
        yield from _comandos(comando, ruta + (nombre,))


TIPOS_PYTHON = re.compile(
    r"<(bool|str|int|float|path|file|list\[\w+\])>|\b(TEXT|INTEGER|FLOAT|PATH|BOOLEAN|FILENAME|"
    r"DIRECTORY|CHOICE)\b"
)


def test_cada_ayuda_tiene_ejemplo_y_ningun_tipo_de_python():
    runner = CliRunner()
    rutas = list(_comandos(typer.main.get_command(app)))
    assert len(rutas) >= 14 and ("completar",) in rutas
    for ruta in rutas:
        for ancho in ("80", "200"):
            r = runner.invoke(app, [*ruta, "--help"], env={"COLUMNS": ancho})
            assert r.exit_code == 0, (ruta, r.output)
            assert "Ejemplo" in r.stdout, ruta
            assert not TIPOS_PYTHON.search(r.stdout), (ruta, TIPOS_PYTHON.search(r.stdout).group())


def test_detalle_de_evaluar_no_parte_palabras_a_80_columnas(monkeypatch):
    """The missing/extra figures of `evaluar --detalle`: long names end in an
    ellipsis, measure, period, value and unit whole, nothing past 80 columns."""
    from rich.console import Console

    from pipelines.cli import evaluar as cli  # _tabla_filas and the console it measures

    consola = Console(width=80, record=True, file=open("/dev/null", "w"))
    monkeypatch.setattr(cli, "consola", consola)
    filas = [
        {
            "indicador": "Jóvenes vinculados a procesos de participación juvenil en el municipio",
            "medida": "avance_porcentual",
            "periodo_inicio": "2023-01-01",
            "periodo_fin": "2023-12-31",
            "valor": 78.3,
            "unidad": "porcentaje",
        },
        {
            "indicador": "Aulas",
            "medida": "meta",
            "periodo_inicio": "2024-01-01",
            "periodo_fin": "2027-12-31",
            "valor": 12,
            "unidad": "numero",
        },
    ]
    consola.print(cli._tabla_filas(filas))
    lineas = consola.export_text().splitlines()
    assert all(len(linea) <= 80 for linea in lineas)
    texto = "\n".join(lineas)
    assert "avance_porcentual" in texto and "porcentaje" in texto and "2024–2027" in texto
    assert "Jóvenes vinculados" in texto and "…" in texto and "municipio" not in texto
