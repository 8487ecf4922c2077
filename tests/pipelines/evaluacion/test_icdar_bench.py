"""The metric functions of bench/icdar2013.py on hand-made examples (no dataset)."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

RUTA = Path(__file__).resolve().parents[3] / "bench" / "icdar2013.py"


@pytest.fixture(scope="module")
def ic():
    spec = importlib.util.spec_from_file_location("bench_icdar2013", RUTA)
    modulo = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = modulo  # dataclasses look their module up
    spec.loader.exec_module(modulo)
    yield modulo
    sys.modules.pop(spec.name, None)


def test_adyacencia_de_rejilla_2x2(ic):
    assert ic.relaciones([["A", "B"], ["C", "D"]]) == Counter(
        {
            ("a", "b", "H"): 1,
            ("a", "c", "V"): 1,
            ("b", "d", "V"): 1,
            ("c", "d", "H"): 1,
        }
    )


def test_adyacencia_salta_celdas_vacias_y_normaliza(ic):
    # the nearest non-empty neighbour, texts compared without spaces or case
    rel = ic.relaciones([["Año 2020", "", "Total\nfinal"], ["", "", ""], ["x", "", "1,5"]])
    assert rel == Counter(
        {
            ("año2020", "totalfinal", "H"): 1,
            ("año2020", "x", "V"): 1,
            ("totalfinal", "15", "V"): 1,
            ("x", "15", "H"): 1,
        }
    )


def test_iou(ic):
    assert ic.iou((0, 0, 10, 10), (0, 0, 10, 10)) == 1.0
    assert ic.iou((0, 0, 10, 10), (5, 0, 15, 10)) == pytest.approx(50 / 150)
    assert ic.iou((0, 0, 10, 10), (20, 20, 30, 30)) == 0.0


def test_emparejar_uno_a_uno_por_mayor_iou(ic):
    oro = [(0, 0, 100, 100), (0, 200, 100, 300)]
    predichas = [(0, 190, 100, 300), (0, 0, 100, 90), (0, 0, 100, 95), (500, 500, 600, 600)]
    # gold 0 takes the better of two overlapping predictions; no-overlap one unmatched
    assert ic.emparejar(oro, predichas) == [(0, 2), (1, 0)]
    # below the 0.5 threshold nothing matches
    assert ic.emparejar([(0, 0, 100, 100)], [(0, 0, 100, 40)]) == []


def test_puntuar_documento(ic):
    oro = [
        ic.TablaOro("d", "1", 1, (0, 0, 100, 100), [["A", "B"], ["C", "D"]]),
        ic.TablaOro("d", "2", 2, (0, 0, 100, 100), [["E", "F"]]),
    ]
    predichas = [
        ic.TablaPredicha(1, (0, 0, 100, 98), [["A", "B"], ["C", "X"]]),
        ic.TablaPredicha(1, (0, 300, 100, 400), [["Z", "Y"]]),
    ]
    cuenta = ic.Cuenta()
    ic.puntuar_documento(oro, predichas, cuenta)
    r = ic.resumen(cuenta)
    assert (cuenta.predichas, cuenta.oro, cuenta.emparejadas) == (2, 2, 1)
    assert r["deteccion"] == pytest.approx({"p": 0.5, "r": 0.5, "f": 0.5})
    # 4 predicted relations of the matched table, 2 right; 5 gold relations in all
    assert r["adyacencia"]["p"] == pytest.approx(2 / 4)
    assert r["adyacencia"]["r"] == pytest.approx(2 / 5)
    assert r["adyacencia_solo_emparejadas"]["r"] == pytest.approx(2 / 4)


def test_oro_desde_xml(ic, tmp_path):
    (tmp_path / "x-001.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "x-001-reg.xml").write_text(
        "<document><table id='1'><region id='1' page='2'>"
        "<bounding-box x1='10' y1='20' x2='30' y2='4ß'/></region></table></document>"
    )
    (tmp_path / "x-001-str.xml").write_text(
        "<document><table id='1'><region id='1' page='2' col-increment='0' row-increment='0'>"
        "<cell id='1' start-row='0' start-col='0' end-col='1'><content>Total</content></cell>"
        "<cell id='2' start-row='1' start-col='1'><content>7</content></cell>"
        "</region></table></document>"
    )
    assert ic.documentos(tmp_path) == [(tmp_path / "x-001.pdf", tmp_path / "x-001-str.xml")]
    [tabla] = ic.leer_oro(tmp_path / "x-001-str.xml")
    assert (tabla.pagina, tabla.caja) == (2, (10.0, 20.0, 30.0, 4.0))
    assert tabla.rejilla == [["Total", ""], ["", "7"]]
