"""A plan's follow-up over two years whose last column, "Avance acum.
cuatrienio", gives in percent how far each count indicator has come towards
its four-year target: the progress in %, from the plan's start to the
report's cut (the abbreviation "acum." is acumulado). The report's title is
in the running header; the signature under the table ("Revisó: … Grupo de
Seguimiento y Evaluación") is no title. Built here with python-docx."""

from __future__ import annotations

from datetime import date

import docx

from extractor import extraer_informe

ENCABEZADO = (
    "Código",
    "Indicador de producto",
    "Unidad",
    "Línea base",
    "Meta cuatrienio",
    "Meta 2024",
    "Logro 2024",
    "Meta 2025",
    "Logro 2025",
    "Avance acum. cuatrienio",
)
FILAS = (
    ("450101600", "Cámaras de videovigilancia instaladas", "Número", "212", "120", "30", "31", "30", "31", "51,7 %"),
    (
        "450102300",
        "Personas capacitadas en derechos humanos",
        "Número",
        "1.450",
        "4.000",
        "1.000",
        "940",
        "1.000",
        "924",
        "46,6 %",
    ),
    ("220101500", "Sedes educativas con mejoramiento", "Número", "8", "24", "6", "6", "6", "6", "50,0 %"),
)


def _informe(ruta) -> None:
    documento = docx.Document()
    documento.sections[0].header.paragraphs[
        0
    ].text = "Informe de seguimiento al Plan de Desarrollo 2024-2027 · Avance físico a 31 de diciembre de 2025"
    documento.add_paragraph("ALCALDÍA DE NEIVA – DEPARTAMENTO ADMINISTRATIVO DE PLANEACIÓN MUNICIPAL")
    tabla = documento.add_table(rows=1 + len(FILAS), cols=len(ENCABEZADO))
    for r, fila in enumerate((ENCABEZADO, *FILAS)):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    documento.add_paragraph("Revisó: Profesional Especializado – Grupo de Seguimiento y Evaluación.")
    documento.save(ruta)


def test_avance_acumulado_del_cuatrienio_en_porcentaje(tmp_path):
    ruta = tmp_path / "neiva_seguimiento_pdm_2024_2025.docx"
    _informe(ruta)
    informe = extraer_informe(ruta)
    assert informe.metadatos.titulo.startswith("Informe de seguimiento al Plan de Desarrollo")
    avances = {
        (o.indicador, o.valor, o.periodo_inicio, o.periodo_fin)
        for o in informe.observaciones
        if o.medida == "avance_porcentual"
    }
    assert avances == {
        (nombre, float(avance.split()[0].replace(",", ".")), date(2024, 1, 1), date(2025, 12, 31))
        for _, nombre, *_, avance in FILAS
    }
    assert not any(
        o.medida in ("ejecutado", "acumulado") and o.valor < 100 and o.periodo_fin.year == 2027
        for o in informe.observaciones
    )
