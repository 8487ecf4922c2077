"""The HTML comparison page: self-contained (no script, nothing fetched),
escaped, and rendered by a real headless Chromium with no console error.

Chromium comes from Debian (`apt-get install chromium`). Without it the
browser test is skipped, except in CI (environment variable CI set), where
it must run.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from pipelines import almacen
from pipelines.carga import guardado
from pipelines.salidas.comparar import comparar
from pipelines.salidas.html_comparar import corto, grafica, numero_co, pagina
from tests.conftest import INFORMES, CHROMIUM_SIN_VENTANA, navegador

SERIE = [
    "barrancabermeja_prensa_2017",
    "barrancabermeja_prensa_2018",
    "barrancabermeja_prensa_2019",
    "barrancabermeja_prensa_2020",
    "barrancabermeja_prensa_2021",
    "bucaramanga_prensa_2018",
]


@pytest.fixture(scope="module")
def html(tmp_path_factory) -> Path:
    from extractor import extraer_informe

    carpeta = tmp_path_factory.mktemp("html")
    con = almacen.abrir(carpeta / "serie.duckdb")
    try:
        for id_ in SERIE:
            guardado.guardar_informe(con, extraer_informe(INFORMES / f"{id_}.docx"), INFORMES / f"{id_}.docx")
        comparar(con, "html", carpeta / "comparar.html")
    finally:
        con.close()
    return carpeta / "comparar.html"


def test_pagina_autocontenida(html):
    texto = html.read_text(encoding="utf-8")
    assert texto.startswith("<!DOCTYPE html>") and '<html lang="es">' in texto
    assert "<script" not in texto.lower()
    sin_espacio_de_nombres = texto.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?://", sin_espacio_de_nombres)
    # nothing fetched: the crops are embedded (data:), the one link goes to the review page next to this one
    assert not re.search(r"""(src|href)=["'](?!#|data:image/png;base64,|revision\.html#e-)""", texto)
    assert texto.count('<details class="recorte"') > 40  # each figure with its source: Word tables as grids
    assert not re.search(r"url\((?!#)", texto)
    # per entity, a chart per indicator with the figures and their source under it
    assert texto.count('<section class="entidad"') == 2
    assert texto.count('<svg class="grafica"') >= 40
    assert "Alcaldía Distrital de Barrancabermeja" in texto and "Alcaldía de Bucaramanga" in texto
    assert "a 30 jun (parcial)" in texto and "a 30 sep (parcial)" in texto
    assert "barrancabermeja_prensa_2018.docx, pág. 1" in texto
    assert "«Comunicados de prensa difundidos» · 2021 · código MGA 459901700" in texto


def test_pagina_escapa_el_texto_de_los_informes():
    fila = {
        "entidad_clave": "x",
        "entidad": "<b>X</b>",
        "dependencia": None,
        "indicador_clave": "x/i",
        "indicador": "<script>alert(1)</script>",
        "nombre_en_informe": "n",
        "codigo": None,
        "medida": "meta",
        "tipo_gasto": None,
        "anio": 2020,
        "periodo_inicio": date(2020, 1, 1),
        "periodo_fin": date(2020, 12, 31),
        "corte": None,
        "parcial": False,
        "valor": 5.0,
        "unidad": "numero",
        "avance": None,
        "variacion": None,
        "aviso": "<i>ojo</i>",
        "archivo": "a&b.pdf",
        "pagina": 1,
    }
    texto = pagina([fila], [])
    assert "<script>" not in texto and "&lt;script&gt;" in texto
    assert "<b>X</b>" not in texto and "a&amp;b.pdf" in texto and "<i>ojo</i>" not in texto


def test_numeros_en_formato_colombiano():
    assert numero_co(10620) == "10.620" and numero_co(2987.5) == "2.987,5" and numero_co(-0.25) == "-0,25"
    assert corto(1_216_376_501, "pesos") == "$ 1,2 mil M" and corto(97.6, "porcentaje") == "97,6 %"
    svg = grafica(
        "t",
        [2020, 2021],
        {2020: {"valor": 10.0, "unidad": "numero", "medida": "meta"}},
        {2021: {"valor": 4.0, "unidad": "numero", "medida": "ejecutado", "parcial": True, "corte": "a 30 jun"}},
    )
    assert svg.count("<rect") == 2 and "url(#rayado)" in svg and "a 30 jun (parcial)" in svg


def _chromium(navegador: str, perfil: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            navegador,
            *CHROMIUM_SIN_VENTANA,
            "--hide-scrollbars",
            f"--user-data-dir={perfil}",
            "--enable-logging=stderr",
            "--v=0",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_chromium_la_muestra_sin_errores_de_consola(html, tmp_path):
    ruta = navegador()
    url = html.resolve().as_uri()
    dom = _chromium(ruta, tmp_path / "perfil", "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    consola = [linea for linea in dom.stderr.splitlines() if "CONSOLE" in linea]
    assert not consola, consola
    assert "Indicadores: comparación entre años" in dom.stdout and "<svg" in dom.stdout

    captura = tmp_path / "comparar.png"
    foto = _chromium(ruta, tmp_path / "perfil", "--window-size=1300,1500", f"--screenshot={captura}", url)
    assert foto.returncode == 0, foto.stderr[-2000:]
    assert not [linea for linea in foto.stderr.splitlines() if "CONSOLE" in linea]
    datos = captura.read_bytes()
    assert datos.startswith(b"\x89PNG\r\n\x1a\n") and len(datos) > 20_000
    ancho, alto = int.from_bytes(datos[16:20], "big"), int.from_bytes(datos[20:24], "big")
    assert (ancho, alto) == (1300, 1500)
