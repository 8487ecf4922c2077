"""Imports point one way (issue 18): the layers contract of pyproject.toml
([tool.importlinter], checked by import-linter's `lint-imports`) and no import
cycle among the project's modules, function-level imports included.

Run alone, `python tests/test_arquitectura.py` prints the cycles it finds."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parent.parent
PAQUETES = ("extractor", "pipelines", "esquemas")


def _modulos(raiz: Path = RAIZ) -> dict[str, Path]:
    """Dotted module name -> file, for every module of the project's packages."""
    modulos = {}
    for paquete in PAQUETES:
        for ruta in sorted((raiz / paquete).rglob("*.py")):
            partes = ruta.relative_to(raiz).with_suffix("").parts
            if partes[-1] == "__init__":
                partes = partes[:-1]
            modulos[".".join(partes)] = ruta
    return modulos


def _destinos(modulo: str, ruta: Path, nodo: ast.AST, modulos: dict[str, Path]) -> set[str]:
    """Project modules that one import statement loads by name: `from a import b`
    is the module a.b when it exists, else (a name defined in a) the module a."""
    if isinstance(nodo, ast.Import):
        return {a.name for a in nodo.names if a.name in modulos}
    assert isinstance(nodo, ast.ImportFrom)
    if nodo.level:
        paquete = modulo.split(".") if ruta.name == "__init__.py" else modulo.split(".")[:-1]
        paquete = paquete[: len(paquete) - nodo.level + 1]
        base = ".".join(paquete + ([nodo.module] if nodo.module else []))
    else:
        base = nodo.module or ""
    destinos = set()
    for alias in nodo.names:
        sub = f"{base}.{alias.name}"
        destinos.add(sub if sub in modulos else base)
    return {d for d in destinos if d in modulos}


def grafo(raiz: Path = RAIZ) -> dict[str, set[str]]:
    """Module -> the project modules it imports (anywhere in its body)."""
    modulos = _modulos(raiz)
    aristas = {}
    for modulo, ruta in modulos.items():
        destinos: set[str] = set()
        for nodo in ast.walk(ast.parse(ruta.read_text(encoding="utf-8"))):
            if isinstance(nodo, (ast.Import, ast.ImportFrom)):
                destinos |= _destinos(modulo, ruta, nodo, modulos)
        destinos.discard(modulo)
        aristas[modulo] = destinos
    return aristas


def ciclos(aristas: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    indice: dict[str, int] = {}
    bajo: dict[str, int] = {}
    pila: list[str] = []
    en_pila: set[str] = set()
    componentes = []
    contador = 0
    for inicio in sorted(aristas):
        if inicio in indice:
            continue
        trabajo = [(inicio, iter(sorted(aristas[inicio])))]
        indice[inicio] = bajo[inicio] = contador
        contador += 1
        pila.append(inicio)
        en_pila.add(inicio)
        while trabajo:
            v, hijos = trabajo[-1]
            avanzo = False
            for w in hijos:
                if w not in indice:
                    indice[w] = bajo[w] = contador
                    contador += 1
                    pila.append(w)
                    en_pila.add(w)
                    trabajo.append((w, iter(sorted(aristas[w]))))
                    avanzo = True
                    break
                if w in en_pila:
                    bajo[v] = min(bajo[v], indice[w])
            if avanzo:
                continue
            trabajo.pop()
            if trabajo:
                bajo[trabajo[-1][0]] = min(bajo[trabajo[-1][0]], bajo[v])
            if bajo[v] == indice[v]:
                componente = []
                while True:
                    w = pila.pop()
                    en_pila.discard(w)
                    componente.append(w)
                    if w == v:
                        break
                if len(componente) > 1:
                    componentes.append(sorted(componente))
    return componentes


def test_el_detector_de_ciclos_ve_un_ciclo(tmp_path):
    """The check itself: two modules that import each other (one inside a
    function) are a cycle; a one-way chain is not."""
    paquete = tmp_path / "pipelines"
    paquete.mkdir()
    (paquete / "__init__.py").write_text("")
    (paquete / "a.py").write_text("from pipelines import b\n")
    (paquete / "b.py").write_text("def f():\n    from pipelines.a import x\n")
    (paquete / "c.py").write_text("from . import a\n")
    assert ciclos(grafo(tmp_path)) == [["pipelines.a", "pipelines.b"]]


def test_sin_ciclos_de_importacion():
    encontrados = ciclos(grafo())
    assert not encontrados, "ciclos de importación: " + "; ".join(" ↔ ".join(c) for c in encontrados)


def test_contrato_de_capas_lint_imports():
    """The layers of [tool.importlinter] in pyproject.toml hold (import-linter)."""
    programa = shutil.which("lint-imports")
    if programa is None:
        pytest.skip("import-linter no está instalado (pip install -e '.[test]')")
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.run([programa, "--no-cache"], cwd=RAIZ, env=entorno, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" not in proc.stdout.lower().replace("0 broken", "")


def test_ayuda_del_cli_sin_modulos_pesados():
    """`informes --help` and `informes resumen --help` start without spaCy,
    pandas or pdfplumber (issue 17, startup): the commands import them inside."""
    codigo = (
        "import sys\n"
        "from pipelines.cli import app\n"
        "try:\n"
        "    app(sys.argv[1:], prog_name='informes')\n"
        "except SystemExit:\n"
        "    pass\n"
        "pesados = sorted(m for m in ('spacy', 'pandas', 'pdfplumber', 'pdfminer', 'pypdfium2', 'extractor', "
        "'openpyxl', 'xlsxwriter', 'dask', 'rapidfuzz') if m in sys.modules)\n"
        "print('PESADOS=' + ','.join(pesados), file=sys.stderr)\n"
    )
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ)}
    for argumentos in (["--help"], ["resumen", "--help"], ["cargar", "--help"]):
        proc = subprocess.run(
            [sys.executable, "-c", codigo, *argumentos],
            cwd=RAIZ,
            env=entorno,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "Usage" in proc.stdout or "Uso" in proc.stdout, proc.stdout + proc.stderr
        linea = [x for x in proc.stderr.splitlines() if x.startswith("PESADOS=")][-1]
        assert linea == "PESADOS=", f"informes {' '.join(argumentos)} importa {linea[8:]}"


if __name__ == "__main__":
    for c in ciclos(grafo()):
        print("CICLO:", " ↔ ".join(c))
