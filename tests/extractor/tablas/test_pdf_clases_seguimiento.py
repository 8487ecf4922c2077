"""Classes of PDF layout of follow-up reports, each on a small PDF made by
reportlab (wording and entities unlike the reports the rules were studied on):

- a ruled table over two pages, its header repeated, whose row is cut in two
  halves by the page break (number and start of the name on one page, the
  rest of the name and the figures on the next), in a "seguimiento a
  indicadores" report of one vigencia inside a plan's term: a bare "%
  cumplimiento" is of the vigencia, not of the term;
- a "seguimiento al PDM 2024-2027" whose title names the term and whose text
  says "Vigencia 2025" and the cut date: "Acumulado cuatrienio" is the
  figure achieved from the term's start to the cut, not a target, and "%
  avance cuatrienio" covers the term;
- a two-column table (label | money) without rulings in a report's prose;
- a "Rubro" column of budget codes beside a "Descripción" column of names;
- OCR'd figures with a misread separator mended by their column's pattern.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from extractor.formatos.cifras_ocr import reparar  # noqa: E402
from extractor.modelo import Celda  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

XS = [40, 70, 290, 340, 400, 460, 520, 575]
CABECERA = ["N°", "Indicador de producto", "Unidad", "Línea base", "Meta 2024", "Logro 2024", "% cumplimiento"]
PAGINA_1 = [
    ("1", ["Bibliotecas veredales dotadas"], ["Número", "3", "6", "6", "100,0 %"]),
    ("2", ["Talleres de lectura para", "adultos mayores"], ["Número", "12", "20", "18", "90,0 %"]),
    ("3", ["Jóvenes inscritos en la escuela", "de música"], ["Número", "150", "200", "230", "115,0 %"]),
]
CORTADA = ("4", ["Presentaciones de la banda"], ["", "", "", "", ""])
CORTADA_2 = ("", ["sinfónica en los corregimientos"], ["Número", "8", "10", "7", "70,0 %"])
PAGINA_2 = [
    ("5", ["Murales restaurados en el", "centro histórico"], ["Número", "2", "4", "4", "100,0 %"]),
    ("6", ["Festivales de teatro apoyados"], ["Número", "1", "2", "1", "50,0 %"]),
]


def _fila(c, y: float, clave: str, nombre: list[str], cifras: list[str]) -> float:
    alto = 12 * max(1, len(nombre)) + 4
    textos = [clave, None] + cifras
    for x0, x1, texto in zip(XS, XS[1:], textos):
        c.rect(x0, y - alto, x1 - x0, alto)
        if texto is None:
            for i, linea in enumerate(nombre):
                c.drawString(x0 + 3, y - 11 - 12 * i, linea)
        elif texto:
            c.drawRightString(x1 - 4, y - alto + 5, texto) if texto[0].isdigit() else c.drawString(
                x0 + 3, y - 11, texto
            )
    return y - alto


def _cabecera(c, y: float) -> float:
    c.setFont("Helvetica-Bold", 7)
    for x0, x1, texto in zip(XS, XS[1:], CABECERA):
        c.rect(x0, y - 16, x1 - x0, 16)
        c.drawString(x0 + 3, y - 11, texto)
    c.setFont("Helvetica", 7)
    return y - 16


def _fila_partida(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, 740, "INFORME DE SEGUIMIENTO A INDICADORES DE PRODUCTO")
    c.setFont("Helvetica", 9)
    c.drawString(60, 724, "Plan de Desarrollo \u201cCultura para Todos\u201d 2024-2027 \u00b7 Vigencia 2024")
    c.drawString(60, 708, "Secretaría de Cultura del municipio de Villa del Roble, avance a 31 de diciembre de 2024.")
    y = _cabecera(c, 680)
    for fila in PAGINA_1:
        y = _fila(c, y, *fila)
    _fila(c, y, *CORTADA)  # the last row on the page: the break cuts it
    c.showPage()
    c.setFont("Helvetica", 9)
    c.drawString(60, 30, "Informe de seguimiento \u00b7 Secretaría de Cultura \u00b7 página 2")
    y = _cabecera(c, 720)
    y = _fila(c, y, *CORTADA_2)
    for fila in PAGINA_2:
        y = _fila(c, y, *fila)
    c.save()


def test_fila_partida_por_el_salto_de_pagina_y_cumplimiento_de_la_vigencia(tmp_path):
    ruta = tmp_path / "seguimiento_cultura_2024.pdf"
    _fila_partida(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    banda = {o.medida: o for o in obs if "banda" in o.indicador}
    assert {m: o.valor for m, o in banda.items()} == {
        "linea_base": 8,
        "meta": 10,
        "ejecutado": 7,
        "avance_porcentual": 70,
    }
    assert "sinfónica" in banda["meta"].indicador  # the name's two halves are one name
    avances = [o for o in obs if o.medida == "avance_porcentual"]
    assert len(avances) == 6
    assert all((o.periodo_inicio, o.periodo_fin) == (date(2024, 1, 1), date(2024, 12, 31)) for o in avances)


def _acumulado_cuatrienio(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica", 8)
    c.drawString(60, 580, "Alcaldía de Puerto Alegre \u00b7 Informe de seguimiento al PDM 2024-2027")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, 560, "Matriz de seguimiento de metas de producto \u2013 Vigencia 2025")
    c.setFont("Helvetica", 8)
    c.drawString(60, 544, "Se presenta el avance de las metas a 31 de diciembre de 2025.")
    xs = [40, 230, 310, 380, 450, 550, 660]
    filas = [
        (
            "Indicador de producto",
            "Meta cuatrienio",
            "Meta 2025",
            "Avance 2025",
            "Acumulado cuatrienio",
            "% avance cuatrienio",
        ),
        ("Sector: Deporte y recreación", "", "", "", "", ""),
        ("Escenarios deportivos adecuados", "12", "4", "3", "5", "41,7 %"),
        ("Ligas deportivas apoyadas", "20", "5", "6", "11", "55,0 %"),
        ("Sector: Cultura", "", "", "", "", ""),
        ("Bibliotecas con conectividad", "8", "2", "2", "3", "37,5 %"),
    ]
    y = 520
    for fila in filas:
        bordes = xs if any(fila[1:]) else [xs[0], xs[-1]]  # a sector row spans the table
        y = fila_reglada(c, bordes, y, fila, 14)
    c.save()


def test_acumulado_del_cuatrienio_no_es_meta_y_el_termino_del_titulo_no_es_la_vigencia(tmp_path):
    ruta = tmp_path / "puerto_alegre_seguimiento_pdm.pdf"
    _acumulado_cuatrienio(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    ligas = {o.medida: o for o in obs if o.indicador == "Ligas deportivas apoyadas"}
    assert {m: o.valor for m, o in ligas.items()} == {
        "meta_cuatrienio": 20,
        "meta": 5,
        "ejecutado": 6,
        "acumulado": 11,
        "avance_porcentual": 55,
    }
    assert (ligas["acumulado"].periodo_inicio, ligas["acumulado"].periodo_fin) == (date(2024, 1, 1), date(2025, 12, 31))
    assert (ligas["avance_porcentual"].periodo_inicio, ligas["avance_porcentual"].periodo_fin) == (
        date(2024, 1, 1),
        date(2027, 12, 31),
    )
    assert (ligas["meta"].periodo_inicio, ligas["meta"].periodo_fin) == (date(2025, 1, 1), date(2025, 12, 31))


def _dos_columnas(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(60, 740, "INFORME DE GESTIÓN 2022 \u2013 Municipio de Santa Clara")
    c.setFont("Helvetica", 9)
    c.drawString(60, 715, "Durante 2022 se atendieron 3.400 familias y se invirtieron recursos en cinco frentes.")
    c.drawString(60, 703, "Tabla 2. Recursos invertidos por frente, vigencia 2022 (pesos)")
    c.setFillGray(0.9)
    c.rect(100, 680, 390, 16, stroke=0, fill=1)  # the header on a shaded band, rules between rows only
    c.setFillGray(0)
    c.line(100, 696, 490, 696)
    c.line(100, 680, 490, 680)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(110, 685, "Frente")
    c.drawRightString(480, 685, "Recursos ejecutados 2022")
    c.setFont("Helvetica", 9)
    filas = [
        ("Vivienda rural", "$ 1.250.400.000"),
        ("Acueductos veredales", "$ 980.120.500"),
        ("Caminos y puentes", "$ 2.004.000.000"),
        ("Huertas escolares", "$ 75.300.000"),
        ("Total", "$ 4.309.820.500"),
    ]
    y = 668
    for nombre, valor in filas:
        c.drawString(110, y, nombre)
        c.drawRightString(480, y, valor)
        c.setLineWidth(0.3)
        c.line(100, y - 5, 490, y - 5)
        y -= 16
    c.drawString(60, y - 10, "La meta de 120 viviendas se cumplió en un 95 % gracias al convenio departamental.")
    c.save()


def test_tabla_de_dos_columnas_sin_reglas(tmp_path):
    ruta = tmp_path / "santa_clara_gestion_2022.pdf"
    _dos_columnas(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    dinero = {o.indicador: o.valor for o in obs if o.medida == "recursos_ejecutados" and o.indicador != "Total"}
    assert dinero == {
        "Vivienda rural": 1250400000,
        "Acueductos veredales": 980120500,
        "Caminos y puentes": 2004000000,
        "Huertas escolares": 75300000,
    }
    assert not any(o.valor == 3400 for o in obs)  # a count in the prose with no target stays prose
    # the sentence under the table that states a target and its achievement is read as such
    assert {(o.medida, o.valor) for o in obs if o.tabla is None} == {("meta", 120), ("avance_porcentual", 95)}


def _rubros(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(60, 740, "Ejecución presupuestal de gastos de inversión \u2013 vigencia 2021")
    filas = [
        ("Rubro", "Descripción", "Apropiación definitiva", "Compromisos"),
        ("2.4.1", "Vivienda de interés social", "500.000.000,00", "480.000.000,00"),
        ("2.4.1.01", "Subsidios de mejoramiento", "300.000.000,00", "290.000.000,00"),
        ("24102", "Titulación de predios", "200.000.000,00", "190.000.000,00"),
        ("2.4.2", "Atención a la primera infancia", "150.500.000,00", "149.000.000,00"),
    ]
    xs = [50, 110, 300, 420, 540]
    y = 710
    c.setFont("Helvetica", 8)
    for fila in filas:
        y = fila_reglada(c, xs, y, fila, 14)
    c.save()


def test_columna_de_codigos_no_es_el_nombre(tmp_path):
    ruta = tmp_path / "ejecucion_inversion_2021.pdf"
    _rubros(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    nombres = {o.indicador for o in obs}
    assert {"Subsidios de mejoramiento", "Titulación de predios", "Atención a la primera infancia"} <= nombres
    assert not any(n[:1].isdigit() for n in nombres)


def test_cifras_ocr_reparadas_con_el_patron_de_su_columna():
    textos = [
        "4.013.594.763,50",
        "1.198.312.400.00",
        "2.380.114.250,50",
        "3105.447.81235",
        "418.600.000,00",
        "1:954.300.11235",
        "-",
        "2.3.1.02",
        "987.450.300,00",
        "356.200.000,00",
    ]
    celdas = [Celda(texto=t, fila=i, columna=0, pagina=1, confianza_ocr=0.9) for i, t in enumerate(textos)]
    celdas.append(Celda(texto="12.34", fila=0, columna=1, pagina=1, confianza_ocr=0.9))
    mended = reparar(celdas)
    celdas, mended = celdas[:8] + celdas[10:], mended[:8] + mended[10:]
    assert [c.texto for c in mended[:6]] == [
        "4.013.594.763,50",
        "1.198.312.400,00",
        "2.380.114.250,50",
        "3.105.447.812,35",
        "418.600.000,00",
        "1.954.300.112,35",
    ]
    assert mended[6].texto == "-" and mended[7].texto == "2.3.1.02"  # not a figure, too few digits
    assert mended[1].confianza_ocr == 0.5 and mended[0].confianza_ocr == 0.9
    assert mended[8].texto == "12.34"  # a column without the pattern is left alone
    text_layer = [Celda(texto="1.198.312.400.00", fila=9, columna=0, pagina=1)] + celdas[:6]
    assert reparar(text_layer)[0].texto == "1.198.312.400.00"  # only OCR'd cells are mended
