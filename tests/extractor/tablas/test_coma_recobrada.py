"""A decimal comma Tesseract dropped ("87,5" read "875") is given back when
that alone makes the row's arithmetic (% avance ≈ logro / meta × 100) hold
(extractor/tablas/confianza.py, `coma_recobrada` in esquemas/confianza.yaml)."""

from __future__ import annotations

import pytest

from extractor.resultado import Observacion
from extractor.tablas.confianza import ajustar, umbrales


def _fila(cifras: dict[str, str], ocr: bool = True, fila: int = 1) -> list[Observacion]:
    return [
        Observacion(
            indicador=f"Indicador {fila}",
            medida=medida,
            valor=float(texto.replace("%", "").replace(".", "").replace(",", ".")),
            valor_texto=texto,
            unidad="porcentaje" if medida == "avance_porcentual" else "numero",
            confianza=0.9,
            confianza_ocr=0.9 if ocr else None,
            tabla=0,
            fila=fila,
            columna=k,
        )
        for k, (medida, texto) in enumerate(cifras.items())
    ]


def _tabla(filas: list[dict[str, str]], ocr: bool = True) -> list[list[Observacion]]:
    return [_fila(cifras, ocr, n) for n, cifras in enumerate(filas, start=1)]


BIEN = [  # rows Tesseract read whole: the % column writes one decimal, the others none
    {"meta": "12", "ejecutado": "10", "avance_porcentual": "83,3 %"},
    {"meta": "1.200", "ejecutado": "1.150", "avance_porcentual": "95,8 %"},
]


@pytest.mark.parametrize(
    ("cifras", "medida", "esperado"),
    [
        ({"meta": "40", "ejecutado": "35", "avance_porcentual": "875 %"}, "avance_porcentual", 87.5),
        ({"meta": "8", "ejecutado": "65", "avance_porcentual": "81,3%"}, "ejecutado", 6.5),
    ],
)
def test_the_figure_whose_column_writes_decimals_gets_its_comma_back(cifras, medida, esperado):
    filas = _tabla([*BIEN, cifras])
    ajustar([o for f in filas for o in f], {})
    fila = filas[-1]
    cambiada = next(o for o in fila if o.medida == medida)
    assert cambiada.valor == pytest.approx(esperado)
    assert cambiada.confianza <= umbrales()["coma_recobrada"]
    assert cambiada.valor_texto == cifras[medida]  # what the page says is kept
    assert "coma decimal" in cambiada.nota
    assert [o.valor for f in filas[:-1] for o in f] == [12, 10, 83.3, 1200, 1150, 95.8]


def test_figures_with_a_text_layer_are_never_changed():
    filas = _tabla([*BIEN, {"meta": "40", "ejecutado": "35", "avance_porcentual": "875 %"}], ocr=False)
    ajustar([o for f in filas for o in f], {})
    assert [o.valor for o in filas[-1]] == [40, 35, 875]
    assert filas[-1][2].confianza <= umbrales()["avance_que_no_cuadra"]


def test_a_row_two_readings_would_mend_alike_is_left_as_it_is():
    """meta 40 → 4,0 and % 875 → 87,5 both make 35 / meta hold; with no
    column writing decimals, nothing tells them apart."""
    fila = _fila({"meta": "40", "ejecutado": "35", "avance_porcentual": "875"})
    ajustar(fila, {})
    assert [o.valor for o in fila] == [40, 35, 875]
    assert fila[2].nota is None
