"""Money in a sentence takes its measure from its label: the words before
it, or for the last amount the word right after it ("de los $ 3.600.000.000
apropiados"); the part of a programmed whole is executed."""

from __future__ import annotations

import pytest

from extractor.castellano.periodos import Contexto
from extractor.tablas.dinero import importes


@pytest.mark.parametrize(
    "frase, medidas",
    [
        (
            "con una inversión de $ 3.215.400.000 de los $ 3.600.000.000 apropiados.",
            ["recursos_ejecutados", "recursos_programados"],
        ),
        (
            "La ejecución del Fondo fue de $ 2.746.918.000 sobre $ 2.800.000.000 programados.",
            ["recursos_ejecutados", "recursos_programados"],
        ),
        (
            "Los recursos comprometidos en la obra ascendieron a $ 1.918.250.300.",
            ["recursos_ejecutados"],
        ),
        # a word after an amount that another amount follows is that one's label
        (
            "Funcionamiento $1'340.799.993 Ejecutado Funcionamiento $983'286.659,67",
            ["recursos_programados", "recursos_ejecutados"],
        ),
    ],
)
def test_medida_de_cada_importe(frase, medidas):
    assert [i.medida for i in importes(frase, Contexto(vigencia=2024))] == medidas
