"""A plan's matrix whose years head columns "P | E | %" (programado,
ejecutado, cumplimiento) and whose money heads "Prog. | Ejec.": each
column is read with its measure and its year. A workbook made with openpyxl."""

from __future__ import annotations

import openpyxl

from extractor import extraer_informe

FILAS = [  # name, P 2016, E 2016, % 2016, P 2017, E 2017, % 2017, money prog., money exec.
    ("Bibliotecas con dotación", 4, 4, 1.0, 6, 5, 0.833, 120500000, 118200000),
    ("Eventos de lectura realizados", 30, 27, 0.9, 36, 36, 1.0, 45000000, 44100000),
]


def test_siglas_p_e_bajo_cada_vigencia(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Seguimiento al Plan de Desarrollo 2016-2019 · Secretaría de Cultura de Sogamoso"])
    ws.append(
        ["Indicador de producto", "Vigencia 2016", None, None, "Vigencia 2017", None, None, "Recursos 2017 ($)", None]
    )
    ws.append([None, "P", "E", "%", "P", "E", "%", "Prog.", "Ejec."])
    for c0, c1 in [("B2", "D2"), ("E2", "G2"), ("H2", "I2"), ("A2", "A3")]:
        ws.merge_cells(f"{c0}:{c1}")
    for fila in FILAS:
        ws.append(list(fila))
    for fila in ws.iter_rows(min_row=4, min_col=4, max_col=7):
        for celda in (fila[0], fila[3]):
            celda.number_format = "0.0%"
    ruta = tmp_path / "cultura_2017.xlsx"
    wb.save(ruta)
    informe = extraer_informe(ruta)
    for nombre, p16, e16, c16, p17, e17, c17, prog, ejec in FILAS:
        leidas = {(o.medida, o.periodo_inicio.year): o.valor for o in informe.observaciones if o.indicador == nombre}
        assert leidas == {
            ("meta", 2016): p16,
            ("ejecutado", 2016): e16,
            ("avance_porcentual", 2016): round(c16 * 100, 1),
            ("meta", 2017): p17,
            ("ejecutado", 2017): e17,
            ("avance_porcentual", 2017): round(c17 * 100, 1),
            ("recursos_programados", 2017): prog,
            ("recursos_ejecutados", 2017): ejec,
        }, (nombre, leidas)
