"""An executive dashboard printed from a web page by Chromium: a grid of
rounded cards, each with its programme, the indicator's name, a big
percentage captioned "avance 2026" beside it, "label …… value unit" rows
(the value right-aligned, far from its label) and a foot of two fields.
Each card is one indicator (its blocks read together: BloqueTexto.recuadro),
the big percentage is its progress and the rows its fields."""

from __future__ import annotations

from datetime import date

import pytest

from extractor import interpretar, leer_documento
from tests.conftest import navegador, pdf_de_html

TARJETAS = [  # (programme, name, progress, target, result, unit, four-year target, cumulative)
    (
        "PROGRAMA 4501 · FORTALECIMIENTO DEL TURISMO",
        "Prestadores turísticos formalizados",
        "31,3 %",
        "160",
        "50",
        "prestadores",
        "600",
        "214",
    ),
    (
        "PROGRAMA 4501 · FORTALECIMIENTO DEL TURISMO",
        "Rutas turísticas señalizadas y promocionadas",
        "40,0 %",
        "10",
        "4",
        "rutas",
        "30",
        "17",
    ),
    (
        "PROGRAMA 1709 · INFRAESTRUCTURA PRODUCTIVA",
        "Hectáreas con distritos de riego rehabilitados",
        "18,0 %",
        "500",
        "90",
        "ha",
        "1.800",
        "655",
    ),
    (
        "PROGRAMA 1709 · INFRAESTRUCTURA PRODUCTIVA",
        "Centros de acopio en operación",
        "0,0 %",
        "2",
        "0",
        "centros",
        "6",
        "3",
    ),
]


def _html() -> str:
    tarjetas = "".join(
        f"""<div class="t"><div class="p">{programa}</div><div class="n">{nombre}</div>
        <div class="g"><span class="pct">{avance}</span> <span class="c">avance 2026</span></div>
        <div class="f"><span>Meta 2026</span><b>{meta} {unidad}</b></div>
        <div class="f"><span>Logro a 30-jun-2026</span><b>{logro} {unidad}</b></div>
        <div class="pie">Meta cuatrienio 2024-2027: {cuatrienio} · Acumulado 2024 – jun. 2026: {acumulado}</div></div>"""
        for programa, nombre, avance, meta, logro, unidad, cuatrienio, acumulado in TARJETAS
    )
    return f"""<!doctype html><html lang="es"><head><meta charset="utf-8"><style>
    body {{ font-family: sans-serif; margin: 28px; }}
    .rej {{ display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }}
    .t {{ border: 1px solid #ccc; border-radius: 8px; padding: 10px 12px; }}
    .p {{ font-size: 8px; color: #2e7d32; }} .n {{ font-size: 13px; font-weight: bold; margin: 3px 0 6px; }}
    .pct {{ font-size: 26px; font-weight: bold; }} .c {{ font-size: 9px; color: #777; }}
    .f {{ display: flex; justify-content: space-between; font-size: 10px; margin-top: 3px; }}
    .pie {{ font-size: 8.5px; color: #555; border-top: 1px dashed #ccc; margin-top: 6px; padding-top: 4px; }}
    </style></head><body>
    <h2>GOBERNACIÓN DEL QUINDÍO</h2>
    <p>Secretaría de Turismo, Industria y Comercio · Tablero del Plan de Acción 2026 · Corte: 30 de junio de 2026</p>
    <div class="rej">{tarjetas}</div></body></html>"""


@pytest.fixture(scope="module")
def informe(tmp_path_factory):
    navegador()  # skips when there is no browser
    ruta = pdf_de_html(_html(), tmp_path_factory.mktemp("tablero") / "quindio_tablero_turismo_2026.pdf")
    return interpretar(leer_documento(ruta))


def test_cada_tarjeta_es_un_indicador_con_sus_campos(informe):
    cifras = {(o.indicador, o.medida): o.valor for o in informe.observaciones}
    for _, nombre, avance, meta, logro, _, cuatrienio, acumulado in TARJETAS:
        assert cifras[(nombre, "avance_porcentual")] == float(avance.replace(",", ".").rstrip(" %"))
        assert cifras[(nombre, "meta")] == float(meta.replace(".", ""))
        assert cifras[(nombre, "ejecutado")] == float(logro)
        assert cifras[(nombre, "meta_cuatrienio")] == float(cuatrienio.replace(".", ""))
        assert cifras[(nombre, "acumulado")] == float(acumulado)
    # no programme line names an indicator
    assert not [o for o in informe.observaciones if o.indicador.startswith("PROGRAMA")]


def test_el_logro_de_la_tarjeta_va_a_su_corte(informe):
    (logro,) = [o for o in informe.observaciones if o.indicador == TARJETAS[0][1] and o.medida == "ejecutado"]
    assert (logro.periodo_inicio, logro.periodo_fin) == (date(2026, 1, 1), date(2026, 6, 30))


FICHAS_CON_SECTOR = [  # (sector, name, programme, result, unit, cumulative, four-year target, year's target, %)
    (
        "SECTOR VIVIENDA",
        "Mejoramientos de vivienda rural entregados",
        "Techo digno",
        "64",
        "mejoramientos",
        "210",
        "300",
        "80",
        "80,0 %",
    ),
    (
        "SECTOR CULTURA",
        "Escuelas de música en funcionamiento",
        "Arte para todos",
        "6",
        "escuelas",
        "6",
        "8",
        "6",
        "100,0 %",
    ),
    (
        "SECTOR DEPORTE",
        "Niños y jóvenes en escuelas deportivas",
        "Deporte formativo",
        "1.240",
        "deportistas",
        "1.240",
        "1.500",
        "1.300",
        "95,4 %",
    ),
]


def _html_con_sector() -> str:
    tarjetas = "".join(
        f"""<div class="t"><div class="s">{sector}</div><div class="n">{nombre}</div>
        <div class="p">Programa: {programa}</div>
        <div class="g">{logro} {unidad}</div><div class="c">logrado a 30/06/2019</div>
        <div class="f"><span>Avance acumulado del plan</span><b>{acumulado} {unidad}</b></div>
        <div class="f"><span>Meta del plan 2016-2019</span><b>{cuatrienio} {unidad}</b></div>
        <div class="f"><span>Programado vigencia 2019</span><b>{meta} {unidad}</b></div>
        <div class="f"><span>Cumplimiento de la vigencia</span><b>{avance}</b></div></div>"""
        for sector, nombre, programa, logro, unidad, acumulado, cuatrienio, meta, avance in FICHAS_CON_SECTOR
    )
    return f"""<!doctype html><html lang="es"><head><meta charset="utf-8"><style>
    body {{ font-family: sans-serif; margin: 24px; }}
    .rej {{ display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 14px; }}
    .t {{ border: 1.5px solid #555; padding: 0 10px 10px; }}
    .s {{ background: #1e5b8c; color: white; font-size: 8px; text-align: center; margin: 0 -10px 6px; padding: 3px; }}
    .n {{ font-size: 11px; font-weight: bold; }} .p {{ font-size: 7px; color: #777; margin: 4px 0; }}
    .g {{ font-size: 22px; font-weight: bold; text-align: center; color: #1e5b8c; }}
    .c {{ font-size: 7px; text-align: center; color: #777; margin-bottom: 8px; }}
    .f {{ display: flex; justify-content: space-between; font-size: 8px; margin-top: 2px; }}
    </style></head><body>
    <h2>TABLERO DE METAS · PRIMER SEMESTRE 2019</h2>
    <p>Municipio de Nunca Jamás · Plan de Desarrollo 2016-2019 · Corte: 30 de junio de 2019</p>
    <div class="rej">{tarjetas}</div></body></html>"""


def test_tarjetas_con_sector_programa_y_cifra_grande_con_su_unidad(tmp_path):
    """A band with the sector, the name, a "Programa: …" line, the big
    figure with what it counts ("64 mejoramientos") captioned "logrado a
    30/06/2019", and rows whose labels are worded as column headers."""
    navegador()
    informe = interpretar(leer_documento(pdf_de_html(_html_con_sector(), tmp_path / "tablero_sector.pdf")))
    cifras = {(o.indicador, o.medida): o.valor for o in informe.observaciones}
    for _, nombre, _, _, _, acumulado, cuatrienio, meta, avance in FICHAS_CON_SECTOR:
        assert cifras[(nombre, "acumulado")] == float(acumulado.replace(".", ""))
        assert cifras[(nombre, "meta_cuatrienio")] == float(cuatrienio.replace(".", ""))
        assert cifras[(nombre, "meta")] == float(meta.replace(".", ""))
        assert cifras[(nombre, "avance_porcentual")] == float(avance.replace(",", ".").rstrip(" %"))
    assert not [o for o in informe.observaciones if o.indicador.upper().startswith(("SECTOR", "PROGRAMA"))]
