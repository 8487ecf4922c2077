"""A result written against its target in one cell ("12 de 10 (120,0 %)"):
the result, the target and the percentage, each with its own measure. A real
DOCX made by python-docx."""

from __future__ import annotations

from datetime import date

import docx

from extractor import interpretar, leer_documento


def test_logro_de_lo_programado_en_una_celda(tmp_path):
    documento = docx.Document()
    documento.add_heading("Alcaldía de Tocancipá - Informe de gestión de la vigencia 2024", 1)
    tabla = documento.add_table(rows=1, cols=3)
    for celda, texto in zip(tabla.rows[0].cells, ["Meta de producto", "Meta del cuatrienio", "Avance 2024"]):
        celda.text = texto
    for fila in [
        ("Escuelas de padres realizadas", "40", "12 de 10 (120,0 %)"),
        ("Casas de justicia móviles", "8", "0 de 2 (0 %)"),
        ("Querellas resueltas en primera instancia", "90,0 %", "82,0 % sobre 90,0 % (91,1 %)"),
        ("Comités de convivencia instalados", "6", "5 de 2024"),
    ]:
        celdas = tabla.add_row().cells
        for celda, texto in zip(celdas, fila):
            celda.text = texto
    ruta = tmp_path / "tocancipa_gestion_2024.docx"
    documento.save(ruta)
    obs = interpretar(leer_documento(ruta)).observaciones
    anio = (date(2024, 1, 1), date(2024, 12, 31))
    leidas = {(o.indicador, o.medida): o.valor for o in obs if (o.periodo_inicio, o.periodo_fin) == anio}
    assert leidas[("Escuelas de padres realizadas", "ejecutado")] == 12
    assert leidas[("Escuelas de padres realizadas", "meta")] == 10
    assert leidas[("Escuelas de padres realizadas", "avance_porcentual")] == 120
    assert leidas[("Casas de justicia móviles", "ejecutado")] == 0
    assert leidas[("Querellas resueltas en primera instancia", "meta")] == 90
    assert ("Comités de convivencia instalados", "meta") not in leidas
