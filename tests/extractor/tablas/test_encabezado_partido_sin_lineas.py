"""An unruled table whose header cells wrap at staggered heights: each
header is centred on its own, so "%" sits above "avance", "Recursos" above
"programados", and the lines of all the headers interleave into five text
lines. The header is all five lines; "%" over "avance" is one header.
Made by reportlab, no rulings; wording unlike any report studied."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402

# (x of the column's left edge, header lines top to bottom, baseline of its first line)
ENCABEZADO = [
    (40, ["Meta de producto"], 460),
    (250, ["Cantidad", "programada", "2023"], 470),
    (340, ["Cantidad", "lograda", "2023"], 470),
    (430, ["%", "avance"], 465),
    (500, ["Recursos", "programados"], 465),
    (600, ["Recursos", "ejecutados"], 465),
]
FILAS = [
    ["Huertas escolares establecidas", "40", "36", "0,90", "$ 25.000.000", "$ 22.400.000"],
    ["Jornadas de vacunación animal", "12", "14", "1,17", "$ 18.000.000", "$ 18.000.000"],
    ["Familias con estufas ecológicas", "150", "96", "0,64", "$ 90.000.000", "$ 61.250.000"],
    ["Hectáreas de bosque conservadas", "20", "20", "1,00", "$ 40.000.000", "$ 39.100.000"],
]


def _informe(ruta: Path) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 540, "Municipio de Nemocón - Secretaría de Desarrollo Rural")
    c.drawString(40, 524, "Informe de gestión vigencia 2023")
    c.setFont("Helvetica", 8)
    for x, lineas, y in ENCABEZADO:
        for i, linea in enumerate(lineas):
            c.drawString(x, y - 10 * i, linea)
    y = 420
    for fila in FILAS:
        for (x, _, _), texto in zip(ENCABEZADO, fila):
            c.drawString(x, y, texto)
        y -= 16
    c.save()


def test_el_encabezado_son_todas_sus_lineas(tmp_path):
    ruta = tmp_path / "nemocon_desarrollo_rural_2023.pdf"
    _informe(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    estufas = {o.medida: o.valor for o in obs if o.indicador == "Familias con estufas ecológicas"}
    assert estufas == {
        "meta": 150,
        "ejecutado": 96,
        "avance_porcentual": 64,
        "recursos_programados": 90_000_000,
        "recursos_ejecutados": 61_250_000,
    }


def test_una_fila_de_anios_sobre_las_medidas_es_encabezado(tmp_path):
    """Years alone on the top header line ("2022" | "2023"), each over
    Programado | Alcanzado, and "Meta" alone on the next line over
    "2020-2023": the header starts at the years, not at the measures."""
    ruta = tmp_path / "nemocon_resultados_2022_2023.pdf"
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica", 8)
    c.drawString(40, 540, "Municipio de Nemocón - comparativo de resultados 2022 y 2023")
    xs = [40, 250, 330, 410, 490, 570]
    c.drawString(390, 490, "2022")
    c.drawString(550, 490, "2023")
    c.drawString(250, 478, "Meta")
    for x, texto in zip(xs, ["Meta de producto", "2020-2023", "Programado", "Alcanzado", "Programado", "Alcanzado"]):
        c.drawString(x, 466, texto)
    y = 440
    for nombre, cifras in [
        ("Huertas escolares establecidas", ["160", "40", "36", "45", "47"]),
        ("Jornadas de vacunación animal", ["48", "12", "14", "12", "11"]),
        ("Familias con estufas ecológicas", ["600", "150", "96", "150", "160"]),
    ]:
        for x, texto in zip(xs, [nombre, *cifras]):
            c.drawString(x, y, texto)
        y -= 16
    c.save()
    obs = interpretar(leer_documento(ruta)).observaciones
    jornadas = {
        ("meta" if o.medida == "meta" else "logro", o.periodo_inicio.year): o.valor
        for o in obs
        if o.indicador == "Jornadas de vacunación animal" and o.medida != "meta_cuatrienio"
    }
    assert jornadas == {("meta", 2022): 12, ("logro", 2022): 14, ("meta", 2023): 12, ("logro", 2023): 11}
    assert [o.valor for o in obs if o.medida == "meta_cuatrienio"] == [160, 48, 600]


def test_una_palabra_partida_entre_dos_lineas_del_encabezado(tmp_path):
    """ "Nivel de cu" over "mplimiento": one word cut by the header cell's
    width, read back whole by the lexicon ("Nivel de cumplimiento")."""
    ruta = tmp_path / "nemocon_cumplimiento_2023.pdf"
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica", 8)
    c.drawString(40, 540, "Municipio de Nemocón - avance de metas 2023")
    xs = [40, 250, 340, 430]
    for x, lineas in zip(
        xs, [["", "Meta de producto"], ["Meta", "2023"], ["Logro", "2023"], ["Nivel de cu", "mplimiento"]]
    ):
        for i, linea in enumerate(lineas):
            c.drawString(x, 480 - 10 * i, linea)
    y = 450
    for fila in [
        ("Huertas escolares establecidas", "40", "36", "90,0 %"),
        ("Jornadas de vacunación animal", "12", "14", "116,7 %"),
        ("Familias con estufas ecológicas", "150", "96", "64,0 %"),
        ("Hectáreas de bosque conservadas", "20", "20", "100,0 %"),
    ]:
        for x, texto in zip(xs, fila):
            c.drawString(x, y, texto)
        y -= 16
    c.save()
    obs = interpretar(leer_documento(ruta)).observaciones
    assert sorted(o.valor for o in obs if o.medida == "avance_porcentual") == [64, 90, 100, 116.7]


def test_la_ultima_linea_del_encabezado_con_el_nombre_y_palabras_cortadas(tmp_path):
    """The name column's header sits on the lowest header line ("Indicador
    de producto"), below four staggered lines where words are cut by the
    cell's width ("Progra" / "mado 2021", "Ejecu" / "tado"): all one header."""
    ruta = tmp_path / "nemocon_cultura_2021.pdf"
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica", 8)
    c.drawString(40, 540, "Municipio de Nemocón - Casa de la Cultura, metas 2021")
    columnas = [
        (40, ["Indicador de producto"], 450),
        (200, ["Unidad"], 480),
        (260, ["Línea de", "base"], 470),
        (330, ["Progra", "mado 2021"], 460),
        (410, ["Ejecu", "tado", "2021"], 470),
        (480, ["% cumpli", "miento"], 480),
    ]
    for x, lineas, y in columnas:
        for i, linea in enumerate(lineas):
            c.drawString(x, y - 10 * i, linea)
    y = 410
    for fila in [
        ("Talleres de danza realizados", "Talleres", "6", "8", "9", "112,5"),
        ("Niños en la banda de música", "Niños", "140", "220", "198", "90,0"),
        ("Festivales apoyados", "Festivales", "1", "2", "2", "100,0"),
    ]:
        for (x, _, _), texto in zip(columnas, fila):
            c.drawString(x, y, texto)
        y -= 16
    c.save()
    obs = interpretar(leer_documento(ruta)).observaciones
    banda = {o.medida: o.valor for o in obs if o.indicador == "Niños en la banda de música"}
    assert banda == {"linea_base": 140, "meta": 220, "ejecutado": 198, "avance_porcentual": 90}
