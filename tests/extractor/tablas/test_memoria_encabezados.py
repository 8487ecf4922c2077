"""The persistent memory of header matches: a second process classifies the
same headers the same way without importing spaCy; a damaged line or other
rules never give a wrong answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[3]
TEXTOS = [
    "Meta programada 2024",
    "Valor ejecutado",
    "Unidad de medida",
    "Código BPIN",
    "% de avance",
    "Presupuesto definitivo (millones)",
    "Fuente de financiación",
    "Observaciones",
]

_SCRIPT = """
import json, sys
from extractor.tablas.encabezados import ClasificadorEncabezados, clasificador
from esquemas import cargar_yaml
textos = json.loads(sys.argv[1])
c = clasificador() if sys.argv[2] == "propias" else ClasificadorEncabezados(
    {**cargar_yaml("encabezados.yaml"), "roles": cargar_yaml("encabezados.yaml")["roles"][:1]})
salida = [[c.rol(t), c.medida(t), c.no_valor(t), c.titulo_de_dinero(t)] for t in textos]
print(json.dumps({"salida": salida, "spacy": "spacy" in sys.modules}))
"""


def _clasificar(cache: Path, reglas: str = "propias", memoria: bool = True, textos: list[str] = TEXTOS) -> dict:
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ), "INFORMES_CACHE": str(cache)}
    script = (
        _SCRIPT
        if memoria
        else _SCRIPT.replace(
            "clasificador() if", "ClasificadorEncabezados(cargar_yaml('encabezados.yaml'), memoria=False) if"
        )
    )
    p = subprocess.run(
        [sys.executable, "-c", script, json.dumps(textos), reglas],
        env=entorno,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=RAIZ,
    )
    assert p.returncode == 0, p.stderr
    return json.loads(p.stdout)


def test_la_segunda_vez_no_importa_spacy_y_clasifica_igual(tmp_path):
    sin_memoria = _clasificar(tmp_path / "nada", memoria=False)
    primera = _clasificar(tmp_path / "cache")
    segunda = _clasificar(tmp_path / "cache")
    assert primera["spacy"] and not segunda["spacy"]
    assert primera["salida"] == segunda["salida"] == sin_memoria["salida"]
    assert any(fila[0] or fila[1] for fila in primera["salida"])  # the rules did match something
    [archivo] = (tmp_path / "cache" / "encabezados").iterdir()
    assert len(archivo.read_text(encoding="utf-8").splitlines()) == len(TEXTOS)


def test_lineas_danadas_o_ajenas_se_ignoran(tmp_path):
    primera = _clasificar(tmp_path / "cache")
    [archivo] = (tmp_path / "cache" / "encabezados").iterdir()
    lineas = archivo.read_text(encoding="utf-8").splitlines()
    # a write cut short, a key no rule has, and a text with the keys of another text
    danadas = [lineas[0][:-5], json.dumps([TEXTOS[1], ["clave que no existe"]])]
    archivo.write_text("\n".join(danadas + lineas[2:]) + "\n", encoding="utf-8")
    segunda = _clasificar(tmp_path / "cache")
    assert segunda["spacy"]  # the two texts lost were matched again
    assert segunda["salida"] == primera["salida"]


def test_otras_reglas_otra_memoria(tmp_path):
    _clasificar(tmp_path / "cache")
    otra = _clasificar(tmp_path / "cache", reglas="otras")
    assert otra["spacy"]
    assert len(list((tmp_path / "cache" / "encabezados").iterdir())) == 2


def test_variantes_de_mayusculas_y_tildes_aciertan_en_la_memoria(tmp_path):
    """The memory keeps the normalized text: another report that writes the
    same headers in capitals or without accents is classified from it,
    without spaCy, as the rules classify it."""
    _clasificar(tmp_path / "cache")
    variantes = [t.upper() for t in TEXTOS[:4]] + ["Codigo bpin", "FUENTE DE FINANCIACIÓN", "observaciónes"]
    sin_memoria = _clasificar(tmp_path / "nada", memoria=False, textos=variantes)
    con_memoria = _clasificar(tmp_path / "cache", textos=variantes)
    assert con_memoria["salida"] == sin_memoria["salida"]
    assert any(fila[0] or fila[1] for fila in con_memoria["salida"])
    # «observaciónes» normalizes to «observaciones», already in the memory
    assert not con_memoria["spacy"]
    [archivo] = (tmp_path / "cache" / "encabezados").iterdir()
    assert len(archivo.read_text(encoding="utf-8").splitlines()) == len(TEXTOS)
