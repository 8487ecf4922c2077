"""An indicator counted in pesos among physical ones ("Ingresos propios
recaudados" | Pesos | $ 420.000.000 under "Meta 2022 | Ejecutado"): its
figures are its target and its result, not budget money; a row without a
unit in pesos keeps reading money under those headers as money."""

from __future__ import annotations

import docx

from extractor import extraer_informe


def test_indicador_medido_en_pesos(tmp_path):
    documento = docx.Document()
    documento.add_paragraph("Seguimiento semestral al plan de acción institucional 2022 · Corte: 30 de junio de 2022")
    filas = (
        ("Indicador", "Unidad", "Meta 2022", "Ejecutado I semestre"),
        ("Escuelas deportivas en funcionamiento", "Número", "24", "22"),
        ("Ingresos propios por alquiler de escenarios", "Pesos", "$ 420.000.000", "$ 187.350.000"),
        ("Dotación de implementos deportivos", "", "$ 95.000.000", "$ 40.000.000"),
    )
    tabla = documento.add_table(rows=len(filas), cols=4)
    for r, fila in enumerate(filas):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    ruta = tmp_path / "imder_plan_accion_2022.docx"
    documento.save(ruta)
    medidas = {(o.indicador, o.valor): o.medida for o in extraer_informe(ruta).observaciones}
    assert medidas[("Ingresos propios por alquiler de escenarios", 420_000_000.0)] == "meta"
    assert medidas[("Ingresos propios por alquiler de escenarios", 187_350_000.0)] == "ejecutado"
    assert medidas[("Dotación de implementos deportivos", 95_000_000.0)] == "recursos_programados"
