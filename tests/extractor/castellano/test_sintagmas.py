"""The name of what a bullet without a label reports (extractor/castellano/sintagmas.py)."""

from __future__ import annotations

import pytest

from extractor.castellano.sintagmas import nombre_de_frase


@pytest.mark.parametrize(
    "frase, cifra, nombre",
    [
        # what the figure counts, with the verb's participle agreeing with it
        ("Se entregaron 1.240 kits escolares de una meta de 1.500 (82,7 %).", "1.240", "Kits escolares entregados"),
        ("Se adecuaron 9 de las 12 sedes educativas rurales (75 %).", "9", "Sedes educativas rurales adecuadas"),
        ("Se dotaron 36 bibliotecas de las 40 previstas (90,0 %).", "36", "Bibliotecas dotadas"),
        ("Se atendieron 340 adultos mayores frente a una meta de 400.", "340", "Adultos mayores atendidos"),
        ("La secretaría construyó 3 puentes peatonales de 4 programados.", "3", "Puentes peatonales construidos"),
        # a list of nouns is masculine unless all are feminine
        (
            "Se vacunaron 800 niñas, niños y adolescentes de los 1.000 previstos.",
            "800",
            "Niñas, niños y adolescentes vacunados",
        ),
        # given to the counted people
        (
            "Se garantizó el transporte escolar a 412 estudiantes de la zona rural (meta: 450).",
            "412",
            "Estudiantes de la zona rural con transporte escolar",
        ),
        # the programme an opening phrase names
        (
            "Con el programa de huertas se apoyaron 95 familias, frente a 120 programadas.",
            "95",
            "Familias apoyadas con el programa de huertas",
        ),
        # a rate counts nothing: the subject
        (
            "La tasa de deserción escolar bajó de 4,8 % a 3,9 %; la meta era 4,0 %.",
            "3,9 %",
            "Tasa de deserción escolar",
        ),
    ],
)
def test_nombre_de_frase(frase, cifra, nombre):
    i = frase.index(cifra)
    assert nombre_de_frase(frase, i, i + len(cifra)) == nombre


@pytest.mark.parametrize(
    "frase, cifra",
    [
        ("De las 18 metas a cargo de la secretaría se cumplieron 15, con una meta global de 90 %.", "15"),
        ("En 2023 hubo 120 de 150.", "120"),
    ],
)
def test_frase_sin_nombre(frase, cifra):
    i = frase.index(cifra)
    assert nombre_de_frase(frase, i, i + len(cifra)) is None
