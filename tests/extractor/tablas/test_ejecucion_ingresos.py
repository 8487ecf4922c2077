"""Income budget execution reports (issue 13, lote 9): "informe de recaudo"
tables whose columns are the income budget (aforo / presupuesto inicial and
definitivo), its changes (adiciones, reducciones), what was collected
(recaudo del trimestre / del mes, ingresos recaudados a la fecha) and what is
left (saldo por recaudar, % de recaudo), over hierarchical rubro rows with
subtotals. Collected money is executed money, the definitive budget is the
programmed one; changes, balances and ratios are not figures. Every document
is built here with openpyxl or reportlab, in wordings unlike the lote's."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Border, Font, Side

from extractor import extraer_informe
from extractor.castellano.periodos import Contexto, Periodo, periodo_para
from extractor.tablas.encabezados import clasificador
from tests.conftest import fila_reglada, observaciones_con as _obs, una_observacion as _uno


@pytest.mark.parametrize(
    "encabezado, medida",
    [
        ("Aforo definitivo", "apropiacion_definitiva"),
        ("Aforo inicial", "apropiacion_inicial"),
        ("Ppto. definitivo", "apropiacion_definitiva"),
        ("Aforo", "recursos_programados"),
        ("Ingresos recaudados a la fecha", "recursos_ejecutados"),
        ("Recaudo del trimestre", "recursos_ejecutados"),
        ("Total recaudado", "recursos_ejecutados"),
        ("Recursos percibidos", "recursos_ejecutados"),  # es-AR
        ("Meta de recaudo", "recursos_programados"),
        ("Recaudo proyectado", "recursos_programados"),
    ],
)
def test_encabezados_de_ingresos(encabezado, medida):
    cls = clasificador()
    assert cls.no_valor(encabezado) is None
    assert cls.medida(encabezado) == medida


@pytest.mark.parametrize(
    "encabezado",
    [
        "Saldo por recaudar",
        "Por recaudar",
        "% de recaudo",
        "% recaudo",
        "Adiciones",
        "Reducciones",
        "Mayor recaudo",
        "Menor valor recaudado",
    ],
)
def test_encabezados_de_ingresos_que_no_son_cifras(encabezado):
    assert clasificador().no_valor(encabezado) == "ignorar"


_CORTE_SEPTIEMBRE = Contexto(
    vigencia=2025, fecha_corte=date(2025, 9, 30), periodo_inicio=date(2025, 7, 1), periodo_fin=date(2025, 9, 30)
)


@pytest.mark.parametrize(
    "encabezado, inicio, fin",
    [
        ("Recaudo del mes", date(2025, 9, 1), date(2025, 9, 30)),
        ("Recaudo del trimestre", date(2025, 7, 1), date(2025, 9, 30)),
        ("Recaudo del trimestre 2025", date(2025, 7, 1), date(2025, 9, 30)),
        ("Recaudo en el semestre", date(2025, 7, 1), date(2025, 9, 30)),
        ("Recaudo del período", date(2025, 7, 1), date(2025, 9, 30)),
        ("Recaudo acumulado", date(2025, 1, 1), date(2025, 9, 30)),
        ("Ingresos recaudados a la fecha", date(2025, 1, 1), date(2025, 9, 30)),
        ("Recaudo del mes de agosto", date(2025, 8, 1), date(2025, 8, 31)),  # a month written wins
    ],
)
def test_periodo_relativo_al_corte(encabezado, inicio, fin):
    assert periodo_para("recursos_ejecutados", encabezado, _CORTE_SEPTIEMBRE) == Periodo(inicio, fin)


def test_periodo_relativo_sin_corte_es_el_de_la_medida():
    # no cut and no report period: "del mes" cannot be placed, the measure's default holds
    assert periodo_para("recursos_ejecutados", "Recaudo del mes", Contexto(vigencia=2025)) == Periodo(
        date(2025, 1, 1), date(2025, 12, 31)
    )


# Rubro rows: code, name, aforo inicial, adiciones, reducciones, aforo definitivo,
# recaudo del trimestre, recaudado a la fecha, % de recaudo, saldo por recaudar.
_RUBROS = [
    ("1.1", "INGRESOS CORRIENTES", 21_400_000_000, 1_150_000_000, 0, 22_550_000_000, 5_812_440_120.4, 16_930_877_015.9),
    ("1.1.01", "Tributarios", 6_900_000_000, 150_000_000, 0, 7_050_000_000, 1_604_300_500, 5_480_112_730),
    ("1.1.01.01.200", "Impuesto predial unificado", 3_100_000_000, 0, 0, 3_100_000_000, 402_118_900, 2_741_650_210),
    (
        "1.1.01.02.200",
        "Impuesto de industria y comercio",
        2_600_000_000,
        150_000_000,
        0,
        2_750_000_000,
        977_415_600,
        2_088_462_520,
    ),
    ("1.1.01.02.300", "Impuesto de alumbrado público", 1_200_000_000, 0, 0, 1_200_000_000, 224_766_000, 650_000_000),
    ("1.1.02", "No tributarios", 14_500_000_000, 1_000_000_000, 0, 15_500_000_000, 4_208_139_620.4, 11_450_764_285.9),
    (
        "1.1.02.05.001",
        "Tasas y derechos administrativos",
        500_000_000,
        0,
        60_000_000,
        440_000_000,
        118_300_000,
        301_955_400,
    ),
    (
        "1.1.02.06.001",
        "Sistema General de Participaciones – educación",
        14_000_000_000,
        1_060_000_000,
        0,
        15_060_000_000,
        4_089_839_620.4,
        11_148_808_885.9,
    ),
]


def _fila_de_rubro(r: tuple) -> list:
    codigo, nombre, inicial, adiciones, reducciones, definitivo, trimestre, a_la_fecha = r
    return [
        codigo,
        nombre,
        inicial,
        adiciones,
        reducciones,
        definitivo,
        trimestre,
        a_la_fecha,
        a_la_fecha / definitivo,
        definitivo - a_la_fecha,
    ]


@pytest.fixture(scope="module")
def informe_de_recaudo_xlsx(tmp_path_factory) -> Path:
    """Chinácota's income report to 30 September 2025, a ruled openpyxl
    workbook with bold subtotal rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Recaudo III trim"
    ws.append(["MUNICIPIO DE CHINÁCOTA – NORTE DE SANTANDER"])
    ws.append(["Tesorería General"])
    ws.append(["INFORME DE RECAUDO DE RENTAS – TERCER TRIMESTRE, con corte a 30 de septiembre de 2025"])
    ws.append([])
    ws.append(
        [
            "Rubro",
            "Nombre del rubro",
            "Aforo inicial",
            "Adiciones",
            "Reducciones",
            "Aforo definitivo",
            "Recaudo del trimestre",
            "Ingresos recaudados a la fecha",
            "% de recaudo",
            "Saldo por recaudar",
        ]
    )
    linea = Side(style="thin")
    for r in _RUBROS:
        ws.append(_fila_de_rubro(r))
        if r[0].count(".") < 2:
            for celda in ws[ws.max_row]:
                celda.font = Font(bold=True)
    for fila in ws.iter_rows(min_row=5, max_row=ws.max_row, max_col=10):
        for celda in fila:
            celda.border = Border(left=linea, right=linea, top=linea, bottom=linea)
            if celda.column == 9 and celda.row > 5:
                celda.number_format = "0.00%"
            elif celda.column > 2 and celda.row > 5:
                celda.number_format = "#,##0.00"
    ruta = tmp_path_factory.mktemp("recaudo") / "chinacota_informe_recaudo_iii_trimestre_2025.xlsx"
    wb.save(ruta)
    return ruta


def test_informe_de_recaudo_en_hoja_de_calculo(informe_de_recaudo_xlsx):
    informe = extraer_informe(informe_de_recaudo_xlsx)
    anio = (date(2025, 1, 1), date(2025, 12, 31))
    a_la_fecha = (date(2025, 1, 1), date(2025, 9, 30))
    trimestre = (date(2025, 7, 1), date(2025, 9, 30))
    for codigo, nombre, inicial, _, _, definitivo, del_trimestre, recaudado in _RUBROS:
        if codigo.count(".") < 2:
            continue  # subtotals: optional
        programado = _uno(informe, indicador=nombre, medida="apropiacion_definitiva")
        assert (programado.valor, (programado.periodo_inicio, programado.periodo_fin)) == (definitivo, anio)
        assert _uno(informe, indicador=nombre, medida="apropiacion_inicial").valor == inicial
        ejecutados = {
            (o.periodo_inicio, o.periodo_fin): o.valor
            for o in _obs(informe, indicador=nombre, medida="recursos_ejecutados")
        }
        assert ejecutados == {trimestre: pytest.approx(del_trimestre), a_la_fecha: pytest.approx(recaudado)}
    # collected money is never read as programmed money
    assert not _obs(informe, medida="recursos_programados")
    # adiciones, reducciones, % de recaudo and saldo por recaudar are not figures
    leidos = {round(o.valor, 2) for o in informe.observaciones}
    alumbrado = _RUBROS[4]
    assert round(alumbrado[5] - alumbrado[7], 2) not in leidos  # saldo por recaudar 550.000.000
    assert 150_000_000 not in leidos and 60_000_000 not in leidos
    assert not _obs(informe, medida="avance_porcentual")


def _informe_de_recaudo_pdf(ruta: Path) -> None:
    """Sibaté's income execution for June 2025, a ruled reportlab table:
    "Ppto." abbreviations, the month's and the year's collection, and the
    cut written only in the cumulative column's header."""
    from reportlab.lib.pagesizes import landscape, letter
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    c.setFont("Helvetica-Bold", 11)
    c.drawString(40, 570, "ALCALDÍA MUNICIPAL DE SIBATÉ – SECRETARÍA DE HACIENDA")
    c.drawString(40, 554, "EJECUCIÓN DEL PRESUPUESTO DE INGRESOS – VIGENCIA 2025")
    c.setFont("Helvetica", 8)
    xs = [30, 95, 255, 335, 415, 495, 640, 720]
    y = fila_reglada(
        c,
        xs,
        530,
        [
            "Código",
            "Concepto de ingreso",
            "Ppto. inicial",
            "Ppto. definitivo",
            "Recaudo del mes",
            "Recaudo acumulado a 30 de junio",
            "Por recaudar",
        ],
        16,
    )
    filas = [
        [
            "1",
            "TOTAL INGRESOS",
            "9.820.000.000,00",
            "10.140.000.000,00",
            "812.335.400,00",
            "4.907.118.260,00",
            "5.232.881.740,00",
        ],
        [
            "1.1.01.01.100",
            "Impuesto de vehículos automotores",
            "210.000.000,00",
            "210.000.000,00",
            "17.904.100,00",
            "131.772.480,00",
            "78.227.520,00",
        ],
        [
            "1.1.01.02.104",
            "Estampilla pro cultura",
            "95.000.000,00",
            "130.000.000,00",
            "11.250.300,00",
            "61.480.000,00",
            "68.520.000,00",
        ],
        [
            "1.1.02.03.002",
            "Contribución de valorización",
            "9.515.000.000,00",
            "9.800.000.000,00",
            "783.181.000,00",
            "4.713.865.780,00",
            "5.086.134.220,00",
        ],
    ]
    for fila in filas:
        y = fila_reglada(c, xs, y, fila, 14)
    c.showPage()
    c.save()


def test_ejecucion_de_ingresos_en_pdf(tmp_path):
    pytest.importorskip("reportlab")
    ruta = tmp_path / "sibate_ejecucion_ingresos_junio_2025.pdf"
    _informe_de_recaudo_pdf(ruta)
    informe = extraer_informe(ruta)
    estampilla = "Estampilla pro cultura"
    definitivo = _uno(informe, indicador=estampilla, medida="apropiacion_definitiva")
    assert (definitivo.valor, definitivo.periodo_inicio, definitivo.periodo_fin) == (
        130_000_000,
        date(2025, 1, 1),
        date(2025, 12, 31),
    )
    assert _uno(informe, indicador=estampilla, medida="apropiacion_inicial").valor == 95_000_000
    ejecutados = {
        (o.periodo_inicio, o.periodo_fin): o.valor
        for o in _obs(informe, indicador=estampilla, medida="recursos_ejecutados")
    }
    assert ejecutados == {
        (date(2025, 6, 1), date(2025, 6, 30)): 11_250_300,
        (date(2025, 1, 1), date(2025, 6, 30)): 61_480_000,
    }
    # "Por recaudar" is a balance, not a figure
    assert 68_520_000 not in {o.valor for o in informe.observaciones}
    assert not _obs(informe, medida="recursos_programados")
