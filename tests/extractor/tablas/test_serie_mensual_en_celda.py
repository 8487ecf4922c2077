"""A column headed "Comportamiento mensual" whose cells hold one figure per
month on lines of their own ("Enero 1.204" / "Feb. 1.188" …), as hospitals
report to their boards: each line is what was done in its month."""

from __future__ import annotations

from datetime import date

from extractor import interpretar, leer_documento
from tests.conftest import docx_con_tabla


def test_comportamiento_mensual_en_la_celda(tmp_path):
    ruta = tmp_path / "ese_san_gil_junta_2023.docx"
    filas = [
        ("Servicio / actividad", "Comportamiento mensual", "Total I semestre"),
        ("Consultas de medicina general", "Enero 1.204\nFebrero 1.188\nMarzo 1.262", "3.654"),
        ("Egresos hospitalarios", "Ene. 142\nFeb. 138\nMar. 155", "435"),
    ]
    docx_con_tabla(
        ruta, ["E.S.E. Hospital de San Gil – Informe de gestión a la Junta Directiva, I semestre de 2023"], filas
    )
    obs = interpretar(leer_documento(ruta)).observaciones
    por_mes = {(o.indicador, o.periodo_inicio): o.valor for o in obs if o.medida == "ejecutado"}
    assert por_mes[("Consultas de medicina general", date(2023, 2, 1))] == 1188
    assert por_mes[("Egresos hospitalarios", date(2023, 3, 1))] == 155
    assert len(por_mes) == 6
