"""`informes evaluar --gold`: the matching rule of corpus-real/gold/README.md,
on small gold made here, and the real dev gold when ../shared is present."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipelines.evaluacion.gold import Prediccion, en_alcance, puntuar
from tests.conftest import CORPUS_REAL, RAIZ


def pred(
    indicador="Niños vacunados",
    medida="ejecutado",
    valor=10.0,
    fin="2024-12-31",
    inicio="2024-01-01",
    pagina=1,
    padre="",
    unidad="numero",
    celda=None,
    hoja=None,
):
    return Prediccion(indicador, padre, medida, inicio, fin, valor, unidad, pagina, hoja, celda)


def gold(indicador="Niños vacunados", medida="ejecutado", valor=10.0, fin="2024-12-31", inicio="2024-01-01", **extra):
    return {
        "indicador": indicador,
        "medida": medida,
        "valor": valor,
        "periodo_inicio": inicio,
        "periodo_fin": fin,
        "unidad": extra.pop("unidad", "numero"),
        **extra,
    }


def entrada(*obs, paginas=(1,)):
    return {"scope_pages": list(paginas), "observations": list(obs)}


def test_nombre_difuso_medida_periodo_y_valor():
    e = entrada(gold(), gold("Aulas construidas", "meta", 35))
    r = puntuar("d", [pred("NIÑOS VACUNADOS."), pred("Aulas construidas", "meta", 35, fin="2025-12-31")], e)
    assert (r.tp, r.fp, r.fn) == (1, 1, 1)  # wrong year: one false positive and one miss


def test_el_nombre_debe_ser_el_mejor_parecido():
    e = entrada(gold("Niños vacunados"), gold("Niñas vacunadas", valor=10.0))
    r = puntuar("d", [pred("Niñas vacunadas")], e)
    assert r.faltantes[0]["indicador"] == "Niños vacunados" and r.tp == 1


def test_any_measure_y_acumulado_desde_el_inicio():
    e = entrada(
        gold(medida="acumulado", any_measure=True),
        gold("Aulas", medida="acumulado", valor=3, inicio="2024-01-01", fin="2024-03-31"),
    )
    r = puntuar("d", [pred(medida="ejecutado"), pred("Aulas", "ejecutado", 3, fin="2024-03-31")], e)
    assert r.tp == 2 and r.fp == 0


def test_porcentaje_como_fraccion_y_dinero_solo_por_valor():
    e = entrada(
        gold("Avance", "avance_porcentual", 97.5, unidad="porcentaje"),
        gold("Programa X", "recursos_programados", 1_000_000.0, fin=None, inicio=None),
    )
    r = puntuar(
        "d",
        [
            pred("Avance", "avance_porcentual", 0.975),
            pred("otro nombre cualquiera", "recursos_programados", 1_000_000.0, fin="2023-12-31"),
        ],
        e,
    )
    assert (r.tp, r.fp, r.fn) == (2, 0, 0)


def test_opcionales_no_cuentan_y_alcance_de_paginas():
    e = entrada(gold(), gold("Total", valor=99, optional=True), paginas=(1,))
    r = puntuar("d", [pred(), pred("Total", valor=99), pred("Otro", valor=5, pagina=2)], e)
    assert (r.tp, r.fp, r.fn, r.opcionales, r.fuera_de_alcance) == (1, 0, 0, 1, 1)


def test_cada_prediccion_una_sola_pareja_con_emparejamiento_maximo():
    # two identical gold items need two predictions; one prediction covers one
    e = entrada(gold(), gold())
    assert puntuar("d", [pred()], e).fn == 1
    assert puntuar("d", [pred(), pred()], e).tp == 2


def test_alcance_de_filas_de_una_hoja():
    e = {
        "scope_pages": None,
        "scope_sheet": "PDM",
        "scope_sheet_index": 1,
        "scope_rows": "PDM rows 2..26",
        "observations": [gold()],
    }
    assert en_alcance(pred(hoja="PDM", celda="P26"), e)
    assert not en_alcance(pred(hoja="PDM", celda="P27"), e)
    assert not en_alcance(pred(hoja="Otra", celda="P3"), e)
    # a sheet named after years: its rows are those after "rows"
    e = {**e, "scope_sheet": "PA 2025-2026", "scope_rows": "PA 2025-2026 rows 7..14 (header rows 4-6)"}
    assert en_alcance(pred(hoja="PA 2025-2026", celda="F7"), e)
    assert not en_alcance(pred(hoja="PA 2025-2026", celda="F15"), e)
    # a web page annotated whole, its tables' <tr> rows described: a figure without a spreadsheet row is in
    e = {
        **e,
        "scope_sheet": "portal",
        "scope_rows": "portal: the whole page, Table 1 <tr> rows 1..13, Table 2 rows 1..5",
    }
    assert en_alcance(pred(hoja=None, celda=None), e)


def test_caso_negativo_cuenta_cifras():
    r = puntuar("d", [pred(pagina=3), pred(pagina=4)], entrada(paginas=(3,)))
    assert r.negativo and r.fp == 1


@pytest.mark.skipif(not (CORPUS_REAL / "gold" / "gold.json").is_file(), reason="sin ../shared/corpus-real")
def test_gold_real_no_baja_del_piso():
    """The real dev gold through the real CLI: no document below its floor."""
    p = subprocess.run(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "evaluar",
            str(CORPUS_REAL),
            "--gold",
            str(CORPUS_REAL / "gold" / "gold.json"),
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=900,
        cwd=RAIZ,
    )
    assert p.returncode == 0, p.stderr
    resultado = {d["documento"]: d for d in json.loads(p.stdout)["documentos"]}
    pisos = json.loads((RAIZ / "tests" / "datos" / "pisos_gold_real.json").read_text(encoding="utf-8"))
    for documento, piso in pisos.items():
        if documento.startswith("_"):
            continue
        d = resultado[documento]
        if d["negativo"]:
            assert d["fp"] <= piso, f"{documento}: {d['fp']} cifras en un caso negativo"
        else:
            assert d["f1"] >= piso, f"{documento}: F1 {d['f1']:.3f} < piso {piso}"


def test_etapas_del_presupuesto_cuentan_como_recursos_del_gold():
    e = entrada(
        gold("Programa", medida="recursos_programados", valor=700.0),
        gold("Programa", medida="recursos_ejecutados", valor=50.0),
    )
    r = puntuar(
        "d",
        [
            pred("Programa", "apropiacion_definitiva", 700.0),
            pred("Programa", "compromisos", 50.0),
            pred("Programa", "pagos", 700.0),
        ],
        e,
    )
    assert (r.tp, r.fp, r.fn) == (2, 1, 0)
