"""extractor.tablas.partes_en_serie: headers of consecutive parts of a year
whose numerals OCR garbled are read by their place in the run."""

from __future__ import annotations

from extractor.castellano.periodos import Contexto
from extractor.tablas.partes_en_serie import partes_en_serie

CTX = Contexto(vigencia=2024)


def test_numerales_ilegibles_se_leen_por_su_lugar():
    headers = [
        ["N.°"],
        ["Indicador"],
        ["Meta 2024"],
        ["l trim."],
        ["ll trim."],
        ["11 trim."],
        ["1V trim."],
        ["Total 2024"],
    ]
    assert partes_en_serie(headers, CTX) == {3: "I trimestre", 4: "II trimestre", 5: "III trimestre", 6: "IV trimestre"}


def test_numeral_leido_como_letras():
    # "II" in a bold face read as "ti", "III" as "111", "I" lost: by their place
    headers = [["Meta 2019"], ["Trim."], ["Trim. ti"], ["Trim. 111"], ["Trim. IV"], ["Total 2019"]]
    assert partes_en_serie(headers, CTX) == {1: "I trimestre", 2: "II trimestre", 3: "III trimestre", 4: "IV trimestre"}


def test_un_numeral_legible_fija_el_comienzo():
    # the numerals lost but the last one: the run ends at IV
    assert partes_en_serie([["trim."], ["itrim."], ["Iv trim."]], CTX) == {
        0: "II trimestre",
        1: "III trimestre",
        2: "IV trimestre",
    }
    # semesters under a year written in the header keep the year
    assert partes_en_serie([["Ejecutado"], ["l sem. 2023"], ["Sem. ll 2023"]], CTX) == {
        1: "I semestre 2023",
        2: "II semestre 2023",
    }


def test_series_legibles_u_otras_columnas_no_cambian():
    assert partes_en_serie([["I trim."], ["II trim."], ["III trim."], ["IV trim."]], CTX) == {}
    assert partes_en_serie([["Trimestral"], ["Meta trimestral"], ["l trim."]], CTX) == {}  # a lone part
    # more columns than parts in a year, or numerals that place the run nowhere
    assert partes_en_serie([["l sem."], ["ll sem."], ["lll sem."]], CTX) == {}
    assert partes_en_serie([["IV trim."], ["l trim."]], CTX) == {}


def test_solo_el_numeral_puede_acompanar_a_la_parte():
    assert partes_en_serie([["Meta trim."], ["Logro trim."]], CTX) == {}
