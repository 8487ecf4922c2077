"""Rows named by their programme ("Programa 1. Educación para la equidad")
in a table of money: the noun "programa" is no measure (its lemma reads as
"programar", a target's word), so the table is read as the money of each
programme, not as key/value fields."""

from __future__ import annotations

from docx import Document

from extractor import interpretar, leer_documento


def test_inversion_por_programa(tmp_path):
    ruta = tmp_path / "tocancipa_inversion_2013.docx"
    doc = Document()
    doc.add_paragraph("Alcaldía de Tocancipá – ¿Cuánto invertimos en 2013?")
    doc.add_paragraph("Tabla 2. Inversión 2013 por programa (pesos)")
    filas = [
        ("Programa", "Presupuesto definitivo", "Comprometido", "%"),
        ("Programa 1. Educación para la equidad", "$ 1.286.400.000", "$ 1.214.950.000", "94,4 %"),
        ("Programa 2. Cultura viva", "$ 318.700.000", "$ 296.300.000", "93,0 %"),
        ("Programa 3. Tocancipá activa y saludable", "$ 452.000.000", "$ 371.850.000", "82,3 %"),
    ]
    tabla = doc.add_table(rows=len(filas), cols=4)
    for r, fila in enumerate(filas):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    doc.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    comprometido = {o.indicador: o.valor for o in obs if o.medida == "compromisos"}
    assert comprometido == {
        "Programa 1. Educación para la equidad": 1_214_950_000,
        "Programa 2. Cultura viva": 296_300_000,
        "Programa 3. Tocancipá activa y saludable": 371_850_000,
    }
    programado = {o.indicador: o.valor for o in obs if o.medida == "apropiacion_definitiva"}
    assert programado["Programa 2. Cultura viva"] == 318_700_000
    assert not [o for o in obs if o.medida == "meta"]
