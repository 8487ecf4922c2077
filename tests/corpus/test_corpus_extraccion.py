"""The whole extraction against the annotated corpus (DOCX and PDF twins)."""

from __future__ import annotations

from functools import lru_cache

import pytest
import yaml

from extractor import extraer_informe
from pipelines import normalizar
from pipelines.evaluacion.evaluar import comparar, documentos_con_gold, fila_de_observacion, leer_gold
from tests.conftest import CORPUS, GOLD, INFORMES

REPORTS = sorted(p.name.removesuffix(".gold.csv") for p in GOLD.glob("*.gold.csv"))
# every document with a gold file: DOCX and PDF twins, and the workbooks
FILES = [doc.name for doc, _ in documentos_con_gold(CORPUS)]
WORD_REPORTS = [r for r in REPORTS if (INFORMES / f"{r}.docx").is_file()]
SEED = "barrancabermeja_prensa_2017"


@lru_cache(maxsize=None)
def _extracted(name: str):
    return extraer_informe(INFORMES / name)


def _score(name: str):
    report = name.rsplit(".", 1)[0]
    gold = leer_gold(GOLD / f"{report}.gold.csv")
    rows = [fila_de_observacion(o) for o in _extracted(name).observaciones]
    return comparar(name, rows, gold), gold


def test_corpus_has_seven_reports_in_both_formats():
    assert len(WORD_REPORTS) >= 7
    assert all((INFORMES / f"{r}.{ext}").is_file() for r in WORD_REPORTS for ext in ("docx", "pdf"))


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_seed_comes_out_exactly(ext):
    result, gold = _score(f"{SEED}.{ext}")
    assert result.fp == 0 and result.fn == 0, (result.sobran, result.faltan)
    assert result.tp == len(gold) == 98


@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_seed_figures_keep_provenance(ext):
    obs = _extracted(f"{SEED}.{ext}").observaciones
    facebook = [o for o in obs if o.indicador == "SEGUIDORES FACEBOOK" and o.medida == "ejecutado"]
    assert [o.valor_texto for o in facebook] == ["13.114", "13.134", "13.665", "13.968"]
    assert all(o.tabla == 2 and o.columna == 2 and o.pagina >= 1 for o in facebook)
    if ext == "pdf":
        assert all(o.bbox is not None and o.bbox[0] < o.bbox[2] for o in facebook)
        # the row cut by the page break is one row again, on the page where it starts
        monitoreo = next(o for o in obs if o.indicador.startswith("MONITOREO MEDIOS"))
        assert monitoreo.descripcion.endswith("radiales y/o de televisión.")
    percent = next(o for o in obs if o.medida == "meta" and o.unidad == "porcentaje")
    assert percent.valor == 0.25 and percent.ambiguo and percent.valor_texto == "0.25 %"


def test_corpus_f1_at_least_098():
    tp = fp = fn = 0
    for name in FILES:
        result, _ = _score(name)
        tp, fp, fn = tp + result.tp, fp + result.fp, fn + result.fn
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.98, f"F1 {f1:.3f}"


@pytest.mark.parametrize("name", FILES)
def test_report_metadata(name):
    expected = yaml.safe_load((GOLD / f"{name.rsplit('.', 1)[0]}.meta.yaml").read_text(encoding="utf-8"))
    meta = _extracted(name).metadatos
    for field, value in expected.items():
        got = getattr(meta, field)
        assert normalizar(str(got)) == normalizar(str(value)), field


def test_rows_without_observations_are_kept_with_a_reason():
    unmapped = _extracted(f"{SEED}.pdf").no_mapeadas
    subheader = [u for u in unmapped if u.texto.startswith("PÁGINA WEB")]
    assert len(subheader) == 1 and "subencabezado" in subheader[0].motivo
    assert all(u.motivo and u.tabla for u in unmapped)
