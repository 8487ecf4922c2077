"""A table by municipality whose achieved column is headed with a word the
vocabulary does not know ("Atendidos a 30/06") between the year's target and
the % progress: the % equals it over the target row by row, so it is what
was achieved up to the cut. Built here with python-docx."""

from __future__ import annotations

from datetime import date

import docx

from extractor import extraer_informe

FILAS = (
    ("Albania", "1.420", "1.398", "98,5 %"),
    ("Curillo", "2.140", "2.140", "100,0 %"),
    ("Milán", "2.060", "1.904", "92,4 %"),
    ("Solita", "1.480", "1.452", "98,1 %"),
)


def test_logro_confirmado_por_el_porcentaje(tmp_path):
    documento = docx.Document()
    documento.add_paragraph("GOBERNACIÓN DEL CAQUETÁ · Secretaría de Educación Departamental")
    documento.add_paragraph("Seguimiento a metas de cobertura · Corte: 30 de junio de 2024")
    tabla = documento.add_table(rows=1 + len(FILAS), cols=4)
    for r, fila in enumerate((("Municipio", "Meta 2024", "Atendidos a 30/06", "% avance"), *FILAS)):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    ruta = tmp_path / "caqueta_pae_corte_jun2024.docx"
    documento.save(ruta)
    logros = {
        (o.indicador, o.valor, o.periodo_inicio, o.periodo_fin)
        for o in extraer_informe(ruta).observaciones
        if o.medida in ("ejecutado", "acumulado")
    }
    assert logros == {
        (municipio, float(atendidos.replace(".", "")), date(2024, 1, 1), date(2024, 6, 30))
        for municipio, _, atendidos, _ in FILAS
    }
