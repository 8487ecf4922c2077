"""A sheet printed with its headings (column letters on top, row numbers on
the left, as Google Sheets and Excel print them): the frame is dropped and
the table under it is read; the cut date in the running header dates it.
PDFs drawn with reportlab."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import landscape, letter  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import interpretar, leer_documento  # noqa: E402
from extractor.formatos.marco_de_hoja import sin_marco_de_hoja  # noqa: E402
from extractor.modelo import Celda  # noqa: E402
from tests.conftest import fila_reglada  # noqa: E402

FILAS = [
    ("Sedes educativas dotadas", "Número", "24", "6", "6", "2"),
    ("Docentes formados", "Número", "120", "28", "30", "12"),
    ("Campañas de salud realizadas", "Número", "40", "11", "10", "4"),
    ("Acueductos optimizados", "Número", "6", "1", "2", "0"),
]


def _hoja_con_encabezados(ruta, paginas: int = 2) -> None:
    c = canvas.Canvas(str(ruta), pagesize=landscape(letter))
    xs = [40, 60, 250, 310, 380, 450, 520, 590]
    for pagina in range(paginas):
        c.setFont("Helvetica", 8)
        c.drawString(40, 580, "Seguimiento PDM 2024-2027 - Municipio de Pradera")
        c.drawRightString(750, 580, "Corte 30-06-2025")
        y = 550
        c.setLineWidth(0.5)
        y = fila_reglada(c, xs, y, ("", "A", "B", "C", "D", "E", "F"), 14)
        y = fila_reglada(
            c,
            xs,
            y,
            (
                "1",
                "Indicador de producto",
                "Unidad",
                "Meta 2024-2027",
                "Ejecutado 2024",
                "Meta 2025",
                "Avance I sem. 2025",
            ),
            14,
        )
        for k, fila in enumerate(FILAS[pagina * 2 : pagina * 2 + 2], start=2 + pagina * 2):
            y = fila_reglada(c, xs, y, (str(k), *fila), 16)
        c.showPage()
    c.save()


def test_sin_marco_de_hoja_quita_letras_y_numeros_de_fila():
    celdas = [Celda(t, 0, k, 1) for k, t in enumerate(["", "A", "B", "C"])]
    celdas += [
        Celda(t, r, k, 1)
        for r, fila in enumerate(
            [["1", "Indicador", "Meta", "Ejecutado"], ["2", "Kits", "10", "8"], ["5", "Sedes", "4", "4"]], start=1
        )
        for k, t in enumerate(fila)
    ]
    limpias = sin_marco_de_hoja(celdas)
    assert {(c.fila, c.columna): c.texto for c in limpias} == {
        (0, 0): "Indicador",
        (0, 1): "Meta",
        (0, 2): "Ejecutado",
        (1, 0): "Kits",
        (1, 1): "10",
        (1, 2): "8",
        (2, 0): "Sedes",
        (2, 1): "4",
        (2, 2): "4",
    }
    # letters out of order, or a first column that is not row numbers: no frame
    assert sin_marco_de_hoja(celdas[:1] + [Celda("B", 0, 1, 1)] + celdas[2:]) != limpias
    otras = [c if (c.columna, c.fila) != (0, 2) else Celda("2201", 2, 0, 1) for c in celdas]
    otras = [c if (c.columna, c.fila) != (0, 3) else Celda("1905", 3, 0, 1) for c in otras]
    assert len(sin_marco_de_hoja(otras)) == len(otras)


def test_hoja_impresa_con_sus_encabezados_y_corte_en_la_cabecera(tmp_path):
    ruta = tmp_path / "seguimiento_pdm_pradera_corte_jun2025.pdf"
    _hoja_con_encabezados(ruta)
    informe = interpretar(leer_documento(ruta))
    assert informe.metadatos.fecha_corte == date(2025, 6, 30)
    por = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in informe.observaciones}
    semestre = (date(2025, 1, 1), date(2025, 6, 30))
    assert por[("Sedes educativas dotadas", "ejecutado", *semestre)] == 2
    assert por[("Acueductos optimizados", "ejecutado", *semestre)] == 0
    assert por[("Docentes formados", "meta_cuatrienio", date(2024, 1, 1), date(2027, 12, 31))] == 120
    assert not any(
        o.indicador in "ABCDEF" or o.valor in (1, 3, 4, 5) and o.medida == "linea_base" for o in informe.observaciones
    )
    assert len(informe.observaciones) == 4 * 4
