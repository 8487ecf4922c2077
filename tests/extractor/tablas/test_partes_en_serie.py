"""extractor.tablas.partes_en_serie: headers of consecutive parts of a year
whose numerals OCR garbled are read by their place in the run."""

from __future__ import annotations

from extractor.castellano.periodos import Contexto
from extractor.tablas.partes_en_serie import es_parte_del_anio, grupos_en_serie, partes_en_serie

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


def test_partes_un_nivel_arriba_sobre_programado_y_ejecutado_por_su_lugar():
    """A scan's "I Trim." read "Trim.", "II" read "ll", "III" read "11",
    each over "P | E": the four quarters by their place (the legible "IV"
    in the fourth)."""
    headers = [["Meta actuación"], ["Meta anual"]]
    for arriba in ("Trim.", "ll Trim.", "11 Trim.", "IV Trim."):
        headers += [[arriba, "P"], [arriba, "E"]]
    headers += [["Total ejecutado"]]
    grupos = grupos_en_serie(headers, CTX)
    assert sorted(grupos) == list(range(2, 10))
    assert [grupos[k] for k in (2, 3, 4, 7, 8)] == [
        ["I trimestre", "P"],
        ["I trimestre", "E"],
        ["II trimestre", "P"],
        ["III trimestre", "E"],
        ["IV trimestre", "P"],
    ]


def test_partes_un_nivel_arriba_legibles_o_sin_grupos_parejos_quedan_como_estan():
    legibles = [[p, m] for p in ("I trim.", "II trim.", "III trim.") for m in ("Meta", "Logro")]
    assert grupos_en_serie(legibles, CTX) == {}
    disparejos = [["trim.", "Meta"], ["trim.", "Logro"], ["ll trim.", "Meta"], ["11 trim.", "Logro"]]
    assert grupos_en_serie(disparejos, CTX) == {}


def test_numeral_pegado_y_nivel_de_abajo_mal_leido_se_leen_por_su_lugar():
    """ "¡TRIMESTRE", "NTRIMESTRE", "MITRIMESTRE", "IVTRIMESTRE" (numerals
    glued and garbled), each over "P | E" read as " | E", "P | e", " | g":
    the quarters by their place, the lower level as the other groups read it."""
    headers = [["No"], ["ACTIVIDAD"], ["META ANUAL"]]
    for arriba, abajo in (("¡TRIMESTRE", ("", "E")), ("NTRIMESTRE", ("P", "E")), ("MITRIMESTRE", ("P", "e"))):
        headers += [[arriba, a] if a else [arriba] for a in abajo]
    headers += [["IVTRIMESTRE"], ["IVTRIMESTRE", "g"], ["TOTAL EJECUTADO"]]
    grupos = grupos_en_serie(headers, Contexto(vigencia=2017))
    assert [grupos.get(k) for k in range(3, 11)] == [
        ["I trimestre", "P"],
        ["I trimestre", "E"],
        ["II trimestre", "P"],
        ["II trimestre", "E"],
        ["III trimestre", "P"],
        ["III trimestre", "E"],
        ["IV trimestre", "P"],
        ["IV trimestre", "E"],
    ]


def test_un_trimestre_con_su_numeral_mal_leido_es_encabezado_no_cifra():
    """ "11 TRIMESTRE" (a scan's "III trimestre") is a header cell: the row
    of quarters over "Prog. | Ejec." is the table's header."""
    from extractor.tablas.columnas import filas_encabezado
    from tests.conftest import tabla_de

    assert es_parte_del_anio("11\nTRIMESTRE") and es_parte_del_anio("l sem.")
    assert not es_parte_del_anio("12 km") and not es_parte_del_anio("Meta 2016")
    arriba = ["N°", "META DE PRODUCTO", "META 2016", "1\nTRIMESTRE", "1\nTRIMESTRE", "11\nTRIMESTRE", "11\nTRIMESTRE"]
    tabla = tabla_de(
        [
            arriba,
            ["N°", "META DE PRODUCTO", "META 2016", "Prog.", "Ejec.", "Prog.", "Ejec."],
            ["1", "Huertas caseras establecidas", "120", "30", "30", "30", "28"],
            ["2", "Mercados campesinos realizados", "8", "2", "2", "2", "1"],
        ]
    )
    assert filas_encabezado(tabla, tabla.rejilla()) == 2
