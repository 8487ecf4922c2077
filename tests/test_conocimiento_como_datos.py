"""Knowledge as data (issue 18, point 3): a new measure and a new header
wording are taught through esquemas/ alone and seen in the extraction of a
real workbook.

The changed data lives in a temporary folder named by INFORMES_ESQUEMAS (a
file it lacks is read from the package); the extraction runs in a fresh
interpreter so that every pattern is compiled from that data."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

import esquemas

RAIZ = Path(__file__).resolve().parents[1]
ESQUEMAS = RAIZ / "esquemas"

# Prints the observations of a file as JSON lines.
_EXTRAER = """
import json, sys
from extractor import extraer_informe
for o in extraer_informe(sys.argv[1]).observaciones:
    print(json.dumps({"indicador": o.indicador, "medida": o.medida, "valor": o.valor,
                      "inicio": o.periodo_inicio and o.periodo_inicio.isoformat(),
                      "fin": o.periodo_fin and o.periodo_fin.isoformat()}))
"""


@pytest.fixture(scope="module")
def libro(tmp_path_factory) -> Path:
    """A follow-up workbook of 2024 cut at June 30, with a reprogrammed
    target and a column of deliveries."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Seguimiento"
    ws.append(["Alcaldía Municipal de Tenjo"])
    ws.append(["Informe de seguimiento al plan de acción vigencia 2024, con corte a 30 de junio de 2024"])
    ws.append([])
    ws.append(["Código", "Indicador", "Meta 2024", "Meta reprogramada", "Cantidad entregada"])
    ws.append(["101", "Familias con mercados entregados", 120, 150, 64])
    ws.append(["102", "Kits escolares repartidos", 800, 760, 410])
    ws.append(["103", "Talleres de lectura realizados", 24, 30, 11])
    ruta = tmp_path_factory.mktemp("libro") / "seguimiento_2024.xlsx"
    wb.save(ruta)
    return ruta


def _extraer(ruta: Path, carpeta: Path | None) -> list[dict]:
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ)}
    entorno.pop(esquemas.CARPETA_VARIABLE, None)
    if carpeta is not None:
        entorno[esquemas.CARPETA_VARIABLE] = str(carpeta)
    salida = subprocess.run(
        [sys.executable, "-c", _EXTRAER, str(ruta)], env=entorno, cwd=RAIZ, capture_output=True, text=True, timeout=300
    )
    assert salida.returncode == 0, salida.stderr
    return [json.loads(linea) for linea in salida.stdout.splitlines() if linea.startswith("{")]


def _datos_nuevos(carpeta: Path, periodo_por_defecto: str) -> Path:
    """medidas.csv with a new measure and encabezados.yaml with its wording
    and a new wording of `ejecutado`, in `carpeta`."""
    carpeta.mkdir()
    with open(ESQUEMAS / "medidas.csv", encoding="utf-8", newline="") as f:
        filas = list(csv.DictReader(f))
    nueva = {c: "" for c in filas[0]}
    nueva.update(
        medida="meta_reprogramada",
        descripcion="Meta ajustada durante la vigencia",
        es_dinero="false",
        periodo_por_defecto=periodo_por_defecto,
        equivale_a="meta",
        se_recorta_al_corte="false",
        acumula_desde_enero="false",
        es_objetivo="true",
        nombre="Meta reprogramada",
    )
    with open(carpeta / "medidas.csv", "w", encoding="utf-8", newline="") as f:
        escritor = csv.DictWriter(f, fieldnames=list(filas[0]))
        escritor.writeheader()
        escritor.writerows(filas + [nueva])
    reglas = yaml.safe_load((ESQUEMAS / "encabezados.yaml").read_text(encoding="utf-8"))
    reglas["medidas"].insert(0, {"medida": "meta_reprogramada", "todos": [["reprogramada|reprogramado"]]})
    reglas["medidas"].insert(0, {"medida": "ejecutado", "todos": [["entregada|entregado|entregados"]]})
    (carpeta / "encabezados.yaml").write_text(yaml.safe_dump(reglas, allow_unicode=True), encoding="utf-8")
    return carpeta


@pytest.mark.lento
def test_sin_los_datos_nuevos_no_hay_medida_ni_encabezado_nuevos(libro):
    obs = _extraer(libro, None)
    assert {o["medida"] for o in obs} == {"meta"}  # "Meta reprogramada" reads as a plain meta
    assert not [o for o in obs if o["valor"] in (64, 410, 11)]  # "Cantidad entregada" is not read


@pytest.mark.lento
@pytest.mark.parametrize(
    "periodo_por_defecto, inicio, fin",
    [
        ("vigencia", "2024-01-01", "2024-12-31"),
        ("vigencia_a_corte", "2024-01-01", "2024-06-30"),
        ("ninguno", None, None),
    ],
)
def test_medida_y_encabezado_nuevos_solo_con_datos(libro, tmp_path, periodo_por_defecto, inicio, fin):
    obs = _extraer(libro, _datos_nuevos(tmp_path / "esquemas", periodo_por_defecto))
    por_medida: dict[str, dict[str, dict]] = {}
    for o in obs:
        por_medida.setdefault(o["medida"], {})[o["indicador"]] = o
    # the new measure, with the default period its row gives
    reprogramada = por_medida["meta_reprogramada"]
    assert {k: o["valor"] for k, o in reprogramada.items()} == {
        "Familias con mercados entregados": 150,
        "Kits escolares repartidos": 760,
        "Talleres de lectura realizados": 30,
    }
    assert {(o["inicio"], o["fin"]) for o in reprogramada.values()} == {(inicio, fin)}
    # the year's target is still a meta
    assert {k: o["valor"] for k, o in por_medida["meta"].items()} == {
        "Familias con mercados entregados": 120,
        "Kits escolares repartidos": 800,
        "Talleres de lectura realizados": 24,
    }
    # the new wording: deliveries are what was executed, in the report's period
    ejecutado = por_medida["ejecutado"]
    assert {k: o["valor"] for k, o in ejecutado.items()} == {
        "Familias con mercados entregados": 64,
        "Kits escolares repartidos": 410,
        "Talleres de lectura realizados": 11,
    }
    assert {(o["inicio"], o["fin"]) for o in ejecutado.values()} == {("2024-01-01", "2024-06-30")}


def test_periodo_por_defecto_desconocido_es_un_error_claro(tmp_path, monkeypatch):
    carpeta = tmp_path / "esquemas"
    carpeta.mkdir()
    texto = (ESQUEMAS / "medidas.csv").read_text(encoding="utf-8")
    (carpeta / "medidas.csv").write_text(texto.replace(",cuatrienio,", ",cuatrenal,", 1), encoding="utf-8")
    monkeypatch.setenv(esquemas.CARPETA_VARIABLE, str(carpeta))
    esquemas.filas_vocabulario.cache_clear()
    esquemas.medidas.cache_clear()
    try:
        with pytest.raises(ValueError, match="meta_cuatrienio.*periodo_por_defecto = «cuatrenal»"):
            esquemas.medidas()
    finally:
        monkeypatch.delenv(esquemas.CARPETA_VARIABLE)
        esquemas.filas_vocabulario.cache_clear()
        esquemas.medidas.cache_clear()
    assert esquemas.medidas()["meta_cuatrienio"].periodo_por_defecto == "cuatrienio"


def test_cada_medida_tiene_sus_propiedades():
    """Every row of medidas.csv is complete and consistent: what a new row must fill."""
    todas = esquemas.medidas()
    for m in todas.values():
        assert m.periodo_por_defecto in esquemas.PERIODOS_POR_DEFECTO
        assert m.equivale_a in todas, m.medida
        assert m.en_dinero is None or todas[m.en_dinero].es_dinero, m.medida
        assert m.denominador is None or todas[m.denominador].es_objetivo, m.medida
        assert m.comparacion in (None, "anual", "acumulable"), m.medida
        assert m.nombre and m.nombre_corto and m.nombre_en_frase, m.medida
    etapas = sorted(m.etapa_presupuestal for m in todas.values() if m.etapa_presupuestal)
    assert etapas == list(range(1, len(etapas) + 1))


def _hojas(valor):
    """Every leaf of a YAML value."""
    if isinstance(valor, dict):
        for v in valor.values():
            yield from _hojas(v)
    elif isinstance(valor, list):
        for v in valor:
            yield from _hojas(v)
    else:
        yield valor


def test_palabras_del_castellano_son_texto():
    """A bare `no` or `null` in castellano.yaml would be read by YAML as a
    boolean or nothing and silently stop matching: every word is quoted
    where needed."""
    datos = esquemas.cargar_yaml("castellano.yaml")
    numericas = {"subperiodos", "cuatrienios"}  # months per part of a year; the first year and length of a term
    for clave, valor in datos.items():
        if clave in numericas:
            assert all(isinstance(v, int) for v in valor.values()), clave
            continue
        assert all(isinstance(h, str) and h for h in _hojas(valor)), clave


def test_umbrales_de_disposicion_salen_de_esquemas(tmp_path):
    """The page readers' layout thresholds are esquemas/disposicion.yaml:
    a copy with another cell gap, named by INFORMES_ESQUEMAS, is what a
    fresh interpreter's borderless reader uses."""
    from extractor.formatos import rejillas, sin_bordes

    datos = yaml.safe_load((ESQUEMAS / "disposicion.yaml").read_text(encoding="utf-8"))
    assert sin_bordes.HUECO_SEGMENTO == datos["sin_bordes"]["hueco_segmento"]
    assert rejillas.MIN_FILA_ABIERTA == datos["pdf"]["min_fila_abierta"]
    datos["sin_bordes"]["hueco_segmento"] = 20.5
    (tmp_path / "disposicion.yaml").write_text(yaml.safe_dump(datos), encoding="utf-8")
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ), esquemas.CARPETA_VARIABLE: str(tmp_path)}
    salida = subprocess.run(
        [sys.executable, "-c", "from extractor.formatos import sin_bordes; print(sin_bordes.HUECO_SEGMENTO)"],
        env=entorno,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert salida.stdout.strip() == "20.5", salida.stderr
