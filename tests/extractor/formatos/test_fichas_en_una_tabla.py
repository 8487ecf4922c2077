"""Citizen data sheets as one ruled two-column table: for each indicator a
row "FICHA n ¿…?" across, a row "Indicador del Plan: …" across, then
question | answer rows whose answer is a field itself ("▸ Nos
comprometimos a: 600 jóvenes"), with the money and the share inside the
sentence. The table runs over a page break; each indicator keeps its own
figures."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("reportlab")

from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from extractor import extraer_informe  # noqa: E402

FICHAS = (
    ("¿Cuántos jóvenes alejamos de la violencia?", "Jóvenes vinculados a programas de prevención", "jóvenes",
     ("120", "600", "150", "162", "108,0 %", "298", "$ 84.500.000", "$ 90.000.000")),
    ("¿Cuántas cámaras cuidan el pueblo?", "Cámaras de videovigilancia instaladas", "cámaras",
     ("8", "40", "12", "12", "100,0 %", "22", "$ 312.400.000", "$ 320.000.000")),
    ("¿A cuántos hogares víctimas tendimos la mano?", "Hogares víctimas con ayuda humanitaria inmediata", "hogares",
     ("210", "900", "220", "241", "109,5 %", "468", "$ 146.800.000", "$ 150.000.000")),
)  # fmt: skip


def _filas(n: int, pregunta: str, indicador: str, unidad: str, cifras: tuple) -> list[list[str]]:
    base, plan, meta, logro, avance, llevamos, invertido, disponible = cifras
    return [
        [f"FICHA {n} {pregunta}", ""],
        [f"Indicador del Plan: {indicador}", ""],
        ["¿Cómo estábamos al empezar?", f"▸ Así arrancamos en 2019: {base} {unidad}"],
        ["¿Qué prometimos para los cuatro años?", f"▸ Nos comprometimos a: {plan} {unidad}"],
        ["¿Qué nos tocaba hacer en 2021?", f"▸ Para este año programamos: {meta} {unidad}"],
        ["¿Qué logramos en 2021?", f"▸ Logramos: {logro} {unidad}, es decir, el {avance} de lo programado"],
        ["¿Cuánto llevamos del cuatrienio?", f"▸ Sumando 2020 y 2021 llevamos: {llevamos} {unidad}"],
        ["¿Cuánta plata se invirtió?", f"▸ Invertimos {invertido} de los {disponible} disponibles"],
        ["", ""],
    ]


def _rendicion(ruta) -> None:
    filas, estilo = [], [("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("FONTSIZE", (0, 0), (-1, -1), 8)]
    for n, (pregunta, indicador, unidad, cifras) in enumerate(FICHAS, start=1):
        arriba = len(filas)
        filas += _filas(n, pregunta, indicador, unidad, cifras)
        estilo += [("SPAN", (0, arriba), (1, arriba)), ("SPAN", (0, arriba + 1), (1, arriba + 1))]
    tabla = Table(filas, colWidths=[190, 330], rowHeights=[35] * len(filas), style=TableStyle(estilo))
    SimpleDocTemplate(str(ruta), pagesize=letter, title="Rendición de cuentas 2021").build([tabla])


def test_fichas_en_una_tabla_partida_entre_paginas(tmp_path):
    from extractor.castellano.numeros import leer_numero

    ruta = tmp_path / "rendicion_cuentas_gobierno_2021.pdf"
    _rendicion(ruta)
    informe = extraer_informe(ruta)
    # the table runs over the page break, the third sheet opening the second page
    assert {o.pagina for o in informe.observaciones} == {1, 2}
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in informe.observaciones}
    anio, cuatrienio = date(2021, 12, 31), date(2023, 12, 31)
    for _, indicador, _, cifras in FICHAS:
        base, plan, meta, logro, avance, llevamos, invertido, disponible = (leer_numero(c).valor for c in cifras)
        esperadas = {
            (indicador, "meta_cuatrienio", plan, cuatrienio),
            (indicador, "meta", meta, anio),
            (indicador, "ejecutado", logro, anio),
            (indicador, "avance_porcentual", avance, anio),
            (indicador, "acumulado", llevamos, anio),
            (indicador, "recursos_ejecutados", invertido, anio),
            (indicador, "recursos_programados", disponible, anio),
        }
        assert esperadas <= leidas, esperadas - leidas
        assert any(
            o.indicador == indicador and o.medida == "linea_base" and o.valor == base for o in informe.observaciones
        )
    assert len(informe.observaciones) == 8 * len(FICHAS)


def test_fichas_de_tres_columnas_pregunta_respuesta_y_cumplimos(tmp_path):
    """Each sheet a three-column table under its "Indicador del Plan: …"
    line: "Lo que usted nos preguntó | Lo que le respondemos | ¿Cumplimos?",
    the share of a row in the third column ("Sí ✔ 108,0 % de lo que nos
    tocaba", "—" where there is none), the running total "desde 2020", a
    percentage with what it is of ("8,0 % de los residuos")."""
    import docx

    documento = docx.Document()
    documento.add_heading("Así le cumplimos al ambiente en 2022", level=1)
    fichas = (
        ("Viviendas rurales conectadas a acueductos veredales", "viviendas", ("310", "600", "150", "162", "455"), ("108,0 %", "75,8 %")),
        ("Porcentaje de residuos sólidos aprovechados", "% de los residuos", ("8,0", "20,0", "15,0", "13,8", None), ("92,0 %", None)),
    )  # fmt: skip
    preguntas = (
        "¿Cómo estábamos al empezar el gobierno (2019)?",
        "¿Cuánto prometimos para los cuatro años (2020-2023)?",
        "¿Cuánto nos tocaba hacer en 2022?",
        "¿Cuánto hicimos en 2022?",
        "Así íbamos: ¿cuánto llevamos desde 2020?",
    )
    for n, (indicador, unidad, cifras, cuotas) in enumerate(fichas, start=1):
        documento.add_paragraph(f"FICHA {n}")
        documento.add_paragraph(f"Indicador del Plan: {indicador}")
        tabla = documento.add_table(rows=1, cols=3)
        for k, texto in enumerate(("Lo que usted nos preguntó", "Lo que le respondemos", "¿Cumplimos?")):
            tabla.cell(0, k).text = texto
        for pregunta, cifra in zip(preguntas, cifras):
            celdas = tabla.add_row().cells
            celdas[0].text = pregunta
            celdas[1].text = f"{cifra} {unidad}" if cifra else "No se suma: es el porcentaje de cada año"
        tabla.rows[4].cells[2].text = f"Sí ✔ {cuotas[0]} de lo que nos tocaba"
        tabla.rows[5].cells[2].text = f"{cuotas[1]} de lo prometido" if cuotas[1] else "—"
    ruta = tmp_path / "fichas_ambiente_2022.docx"
    documento.save(ruta)
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in extraer_informe(ruta).observaciones}
    viviendas, residuos = fichas[0][0], fichas[1][0]
    anio, cuatrienio = date(2022, 12, 31), date(2023, 12, 31)
    assert {
        (viviendas, "meta_cuatrienio", 600.0, cuatrienio),
        (viviendas, "meta", 150.0, anio),
        (viviendas, "ejecutado", 162.0, anio),
        (viviendas, "avance_porcentual", 108.0, anio),
        (viviendas, "acumulado", 455.0, anio),
        (viviendas, "avance_porcentual", 75.8, anio),
        (residuos, "meta_cuatrienio", 20.0, cuatrienio),
        (residuos, "meta", 15.0, anio),
        (residuos, "ejecutado", 13.8, anio),
        (residuos, "avance_porcentual", 92.0, anio),
    } <= leidas
    acumulado = next(o for o in extraer_informe(ruta).observaciones if o.medida == "acumulado")
    assert (acumulado.periodo_inicio, acumulado.periodo_fin) == (date(2020, 1, 1), anio)
