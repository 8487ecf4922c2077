"""A table too wide for its page that goes on sideways on the next page: the
second page carries the remaining columns of the same rows, identified only by
their number. Made by reportlab, ruled; wording unlike any report studied."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("reportlab")
from reportlab.lib.pagesizes import letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

FILAS = [
    ("1", "Bibliotecas rurales dotadas con material", "12", "10", "$ 45.000.000"),
    ("2", "Talleres de lectura para adultos mayores", "40", "38", "$ 12.500.000"),
    ("3", "Festivales de música tradicional apoyados", "3", "3", "$ 80.000.000"),
]


def _pagina(c, xs, cabecera, filas, titulo):
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, 740, titulo)
    c.setFont("Helvetica", 8)
    y = fila_reglada(c, xs, 720, cabecera, 18)
    for fila in filas:
        y = fila_reglada(c, xs, y, fila, 18)
    return y


def _partida(ruta: Path, repetir_nombres: bool, total: tuple[str, ...] = ()) -> None:
    """`total`: a last row only the continuation page has."""
    c = canvas.Canvas(str(ruta), pagesize=letter)
    _pagina(
        c,
        [40, 80, 330, 420, 510],
        ["N.°", "Meta de producto", "Meta 2023", "Logro 2023"],
        [f[:4] for f in FILAS],
        "Casa de la Cultura de Sopetrán - seguimiento 2023",
    )
    c.drawString(40, 560, "La tabla sigue en la página 2 con las mismas filas.")
    c.showPage()
    if repetir_nombres:  # a second table of the same numbered products: not a continuation
        _pagina(
            c,
            [40, 80, 330, 420],
            ["N.°", "Meta de producto", "Meta 2024"],
            [(f[0], f[1], str(int(f[2]) + 2)) for f in FILAS],
            "Metas de la vigencia 2024",
        )
    else:
        _pagina(
            c,
            [40, 80, 250],
            ["N.°", "Recursos ejecutados 2023"],
            [(f[0], f[4]) for f in FILAS] + ([total] if total else []),
            "Casa de la Cultura de Sopetrán - seguimiento 2023 (continuación)",
        )
    c.save()


def test_columnas_en_la_pagina_siguiente_van_a_las_mismas_filas(tmp_path):
    ruta = tmp_path / "sopetran_cultura_seguimiento_2023.pdf"
    _partida(ruta, repetir_nombres=False)
    obs = interpretar(leer_documento(ruta)).observaciones
    dinero = {o.indicador: (o.valor, o.pagina) for o in obs if o.medida == "recursos_ejecutados"}
    assert dinero == {
        "Bibliotecas rurales dotadas con material": (45_000_000, 2),
        "Talleres de lectura para adultos mayores": (12_500_000, 2),
        "Festivales de música tradicional apoyados": (80_000_000, 2),
    }
    assert not [o for o in obs if o.indicador in {"1", "2", "3"}]
    logros = {o.indicador: o.valor for o in obs if o.medida == "ejecutado"}
    assert logros["Talleres de lectura para adultos mayores"] == 38


def test_una_tabla_que_repite_los_nombres_es_otra_tabla(tmp_path):
    ruta = tmp_path / "sopetran_cultura_metas_2023_2024.pdf"
    _partida(ruta, repetir_nombres=True)
    obs = interpretar(leer_documento(ruta)).observaciones
    metas = sorted((o.indicador, o.valor) for o in obs if o.medida == "meta" and o.pagina == 2)
    assert metas == [
        ("Bibliotecas rurales dotadas con material", 14),
        ("Festivales de música tradicional apoyados", 5),
        ("Talleres de lectura para adultos mayores", 42),
    ]
    assert {o.pagina for o in obs if o.medida == "ejecutado"} == {1}


def test_la_continuacion_con_su_fila_de_total(tmp_path):
    """The continuation page ends with a "Total" row the first page lacks:
    still the same rows, and the total is a row of its own (reported, not
    glued to the last row)."""
    ruta = tmp_path / "sopetran_cultura_seguimiento_total_2023.pdf"
    _partida(ruta, repetir_nombres=False, total=("Total", "$ 137.500.000"))
    informe = interpretar(leer_documento(ruta))
    dinero = {o.indicador: o.valor for o in informe.observaciones if o.medida == "recursos_ejecutados"}
    assert dinero == {
        "Bibliotecas rurales dotadas con material": 45_000_000,
        "Talleres de lectura para adultos mayores": 12_500_000,
        "Festivales de música tradicional apoyados": 80_000_000,
    }
    assert [f.texto for f in informe.no_mapeadas if f.pagina == 2] == ["Total | $ 137.500.000"]


FILAS_HOJA = [
    ("Redes de acueducto repuestas", "300", "260", "250", "240"),
    ("Micromedidores instalados", "100", "95", "120", "118"),
    ("Muestras de calidad del agua", "18", "17", "18", "18"),
    ("Toneladas de residuos aprovechadas", "30", "31,2", "32", "30,5"),
]


def _hoja_impresa(ruta, xs, nombres: list[str], filas) -> None:
    """A bimonthly sheet printed too wide: the names (`nombres` columns)
    and bimester 3 on page 1, bimester 4 alone on page 2, rows at the same heights."""
    c = canvas.Canvas(str(ruta), pagesize=letter)
    cabecera = [*nombres, "Bimestre 3 (may-jun) Prog.", "Bimestre 3 (may-jun) Ejec."]
    _pagina(c, xs, cabecera, filas, "Empresa de Servicios Públicos - seguimiento bimestral 2024")
    c.showPage()
    _pagina(c, [40, 120, 200], ["(jul-ago) Prog.", "(jul-ago) Ejec."], [f[3:] for f in FILAS_HOJA], "")
    c.save()


def test_hoja_impresa_partida_por_columnas_sin_nombres(tmp_path):
    """A spreadsheet printed too wide: page 2 holds the remaining columns
    with no names nor keys, every row at the height it has on page 1, and
    the bimester's range written in its cut header ("(may-jun)"): the
    figures go to the rows at the same height, in that bimester."""
    ruta = tmp_path / "emservicios_seguimiento_bimestral_2024.pdf"
    _hoja_impresa(ruta, [40, 250, 330, 410], ["Indicador"], [f[:3] for f in FILAS_HOJA])
    obs = interpretar(leer_documento(ruta)).observaciones
    julio = {(o.indicador, o.medida): o.valor for o in obs if o.periodo_inicio == date(2024, 7, 1)}
    assert julio[("Micromedidores instalados", "meta")] == 120
    assert julio[("Toneladas de residuos aprovechadas", "ejecutado")] == 30.5
    assert len(julio) == 8 and not [o for o in obs if o.indicador in {"120", "250", "18", "32"}]
    mayo = {(o.indicador, o.medida): o.valor for o in obs if o.periodo_fin == date(2024, 6, 30)}
    assert mayo[("Redes de acueducto repuestas", "ejecutado")] == 260


def _banda(c, xs, y, texto, alto=16):
    """One cell across the whole table (a programme band)."""
    c.rect(xs[0], y - alto, xs[-1] - xs[0], alto)
    c.drawString(xs[0] + 3, y - round(alto * 0.7), texto)
    return y - alto


def test_continuacion_con_bandas_numeracion_y_total_largo(tmp_path):
    """Each page names the programme bands its own way ("Programa 2.
    Vivienda rural" / "Programa 2"), both number their columns ("(1) | (2)…",
    "(7) = (6)/(5)") and only the continuation ends with a long total row:
    still one table, the bands are not rows and the numbers are no figures."""
    ruta = tmp_path / "fonvivienda_seguimiento_2019.pdf"
    xs1, xs2 = [40, 70, 300, 380, 460], [40, 70, 160, 250, 340]
    filas = [
        ("1", "Mejoramientos de vivienda urbana", "120", "98"),
        ("2", "Títulos de predios entregados", "300", "310"),
    ]
    rurales = [("3", "Mejoramientos de vivienda rural", "80", "64")]
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica", 8)
    y = fila_reglada(c, xs1, 720, ["N.°", "Meta de producto", "Meta 2019", "Logro 2019"], 18)
    y = fila_reglada(c, xs1, y, ["(1)", "(2)", "(3)", "(4)"], 14)
    y = _banda(c, xs1, y, "Programa 1. Vivienda urbana digna")
    for f in filas:
        y = fila_reglada(c, xs1, y, f, 18)
    y = _banda(c, xs1, y, "Programa 2. Vivienda rural")
    for f in rurales:
        y = fila_reglada(c, xs1, y, f, 18)
    c.showPage()
    c.setFont("Helvetica", 8)
    y = fila_reglada(c, xs2, 720, ["N.°", "Recursos prog. ($)", "Recursos ejec. ($)", "% financiero"], 18)
    y = fila_reglada(c, xs2, y, ["(1)", "(5)", "(6)", "(7) = (6)/(5)"], 14)
    y = _banda(c, xs2, y, "Programa 1")
    for clave, prog, ejec, pct in [
        ("1", "$ 500.000.000", "$ 410.000.000", "82,0 %"),
        ("2", "$ 60.000.000", "$ 60.000.000", "100,0 %"),
    ]:
        y = fila_reglada(c, xs2, y, [clave, prog, ejec, pct], 18)
    y = _banda(c, xs2, y, "Programa 2")
    y = fila_reglada(c, xs2, y, ["3", "$ 200.000.000", "$ 150.000.000", "75,0 %"], 18)
    c.rect(xs2[0], y - 18, xs2[2] - xs2[0], 18)
    c.drawString(xs2[0] + 3, y - 13, "TOTAL VIVIENDA 2019")
    fila_reglada(c, [xs2[2], xs2[3], xs2[4]], y, ["$ 620.000.000", "81,9 %"], 18)
    c.save()
    informe = interpretar(leer_documento(ruta))
    obs = informe.observaciones
    ejecutado = {o.indicador: (o.valor, o.pagina) for o in obs if o.medida == "recursos_ejecutados"}
    assert ejecutado["Mejoramientos de vivienda rural"] == (150_000_000, 2)
    assert ejecutado["Mejoramientos de vivienda urbana"] == (410_000_000, 2)
    assert not [o for o in obs if o.valor < 0 or o.indicador.startswith(("(", "Programa"))]
    logros = {o.indicador: o.valor for o in obs if o.medida == "ejecutado"}
    assert logros == {
        "Mejoramientos de vivienda urbana": 98,
        "Títulos de predios entregados": 310,
        "Mejoramientos de vivienda rural": 64,
    }


def test_hoja_impresa_partida_con_numero_antes_del_nombre(tmp_path):
    """The same printed sheet with a "N.°" column before the names: the
    continuation page (figures only, at the same heights) still goes to the
    rows of page 1; a next page with its own names column does not."""
    ruta = tmp_path / "emservicios_numerada_2024.pdf"
    filas = [(str(k), *f[:3]) for k, f in enumerate(FILAS_HOJA, start=1)]
    _hoja_impresa(ruta, [40, 70, 250, 330, 410], ["N.°", "Indicador"], filas)
    obs = interpretar(leer_documento(ruta)).observaciones
    julio = {(o.indicador, o.medida): o.valor for o in obs if o.periodo_inicio == date(2024, 7, 1)}
    assert julio[("Micromedidores instalados", "meta")] == 120
    assert julio[("Toneladas de residuos aprovechadas", "ejecutado")] == 30.5
    assert len(julio) == 8


def test_filas_que_siguen_en_una_rejilla_cortada_de_otra_manera(tmp_path):
    """A list printed by a browser: after a break, its last rows come in a
    grid cut into other columns (some split in two), without the header, and
    under them the list's foot ("Anterior 1 Siguiente"): the rows go to the
    columns they stand under, named as any row of the table."""
    ruta = tmp_path / "transito_sincelejo_siplan_2025.pdf"
    xs = [40, 100, 300, 380, 460, 540]
    c = canvas.Canvas(str(ruta), pagesize=letter)
    c.setFont("Helvetica", 8)
    y = fila_reglada(c, xs, 720, ["Código", "Meta de producto", "Meta 2025", "Ejecutado", "% avance"], 18)
    y = fila_reglada(c, xs, y, ["MP-1", "Comparendos pedagógicos impuestos", "1.200", "950", "79,2%"], 18)
    y = fila_reglada(c, xs, y, ["MP-2", "Operativos de control realizados", "48", "40", "83,3%"], 18)
    cortadas = [40, 100, 200, 300, 380, 420, 460, 540]  # the name and the target columns cut in two
    y -= 8
    for fila in (
        ["MP-3", "Licencias de conducción", "", "9.500", "", "7.595", "79,9%"],
        ["MP-4", "Trámites en línea atendidos", "", "600", "", "520", "86,7%"],
    ):
        y = fila_reglada(c, cortadas, y, fila, 18)
    fila_reglada(c, [420, 460, 500, 540], y, ["Anterior", "1", "Siguiente"], 14)
    c.save()
    obs = interpretar(leer_documento(ruta)).observaciones
    ejecutado = {o.indicador: o.valor for o in obs if o.medida == "ejecutado"}
    assert ejecutado == {
        "Comparendos pedagógicos impuestos": 950,
        "Operativos de control realizados": 40,
        "Licencias de conducción": 7_595,
        "Trámites en línea atendidos": 520,
    }
    assert not [o for o in obs if o.valor == 1 or o.indicador in {"Anterior", "Siguiente"}]
