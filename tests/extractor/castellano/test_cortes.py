"""Numbers and words cut by a line break inside a narrow PDF cell."""

from __future__ import annotations

import pytest

from extractor.castellano.cortes import unir_lineas
from extractor.castellano.lexico import es_palabra, es_prefijo

LEXICO = (es_palabra, es_prefijo)


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("1.18\n0", "1.180"),
        ("$412.5\n00.000", "$412.500.000"),
        ("$12.79\n0.004.\n998", "$12.790.004.998"),
        ("109,\n8 %", "109,8 %"),
        ("Junio 13.114\nJulio 13.134", "Junio 13.114\nJulio 13.134"),  # two figures, each with its label
        ("120\n80", "120\n80"),
        ("2021\n2022", "2021\n2022"),
    ],
)
def test_numeros_cortados(texto, esperado):
    assert unir_lineas(texto) == esperado


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("Ejecu\ntado\n2023", "Ejecutado\n2023"),
        ("%\ncum\nplim\nient\no", "%\ncumplimiento"),
        ("Recurs\nos\nprogra\nmados", "Recursos\nprogramados"),
        ("Asegura\nmiento", "Aseguramiento"),
        ("Estableci\nmientos", "Establecimientos"),
        ("Niñas\nvacunada\ns", "Niñas\nvacunadas"),
        ("semanalme\nnte", "semanalmente"),
        (
            "Jornadas\nextramurale\ns de\nvacunación",
            "Jornadas\nextramurales de\nvacunación",
        ),  # esquemas/palabras_extra.txt
        (
            "Documentos de planeación con\nseguimiento realizados",
            "Documentos de planeación con\nseguimiento realizados",
        ),
        ("Niñas y\nniños", "Niñas y\nniños"),
        ("Salud\npública", "Salud\npública"),
    ],
)
def test_palabras_cortadas(texto, esperado):
    assert unir_lineas(texto, LEXICO) == esperado


def test_sin_lexico_las_palabras_no_se_tocan():
    assert unir_lineas("Ejecu\ntado") == "Ejecu\ntado"


def test_lexico_derivado_es_el_de_spacy():
    """esquemas/palabras_es.txt.gz is what spacy-lookups-data gives (rebuild:
    python -m extractor.castellano.lexico)."""
    import gzip
    from importlib import resources

    from extractor.castellano.lexico import ARCHIVO, codificar, palabras_spacy

    guardado = gzip.decompress(resources.files("esquemas").joinpath(ARCHIVO).read_bytes()).decode("utf-8")
    assert guardado == codificar(palabras_spacy())


@pytest.mark.parametrize(
    "texto, esperado",
    [
        ("Línea ba\nse", "Línea base"),  # "ba" is in the lexicon, but two letters that link nothing begin a word
        ("Meta 202\n1", "Meta 2021"),  # a header's year cut after its words
        ("Recursos programados 20\n21", "Recursos programados 2021"),
        ("20\n21", "20\n21"),  # two figures, one over the other
        ("Programa de\nvivienda", "Programa de\nvivienda"),
        ("se\nrealizaron", "se\nrealizaron"),
        # a date or a range cut at its hyphen
        ("Avance a\n30-\nsep-\n2025", "Avance a\n30-sep-2025"),
        ("Meta\n2024\n-202\n7", "Meta\n2024-2027"),
        ("Acumulado\n2024-\n2025", "Acumulado\n2024-2025"),
        ("1.200\n-\n300", "1.200\n-\n300"),  # figures and a dash: no header
        # a word cut by its hyphen whose pieces make a word ("Ejecu-" / "tado"); a range stays
        ("Ejecu-\ntado\nene-dic\n2017", "Ejecutado\nene-dic\n2017"),
        ("Recursos\nprogra-\nmados", "Recursos\nprogramados"),
        ("Bimestre 3 (may-\njun)", "Bimestre 3 (may-jun)"),
        ("12\n-3", "12\n-3"),
    ],
)
def test_cortes_de_encabezado(texto, esperado):
    assert unir_lineas(texto, LEXICO) == esperado
