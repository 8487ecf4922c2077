"""A table on its side (each column an indicator, each row a measure) is
read turned a quarter (extractor/tablas/traspuesta.py), with each figure's
row and column as printed."""

from __future__ import annotations

from docx import Document

from extractor import interpretar, leer_documento

NOMBRES = [
    "Cobertura del servicio de acueducto (%)",
    "Continuidad del servicio (horas/día)",
    "Usuarios con micromedición",
]
FILAS = [
    ["Línea base", "92,4%", "18", "8.930"],
    ["Meta 2023", "97,0%", "24", "10.620"],
    ["Ejecutado 2023", "96,1%", "21,5", "10.244"],
    ["% de avance", "99,1 %", "89,6 %", "96,5 %"],
]


def _docx(ruta, encabezado, filas) -> None:
    doc = Document()
    doc.add_paragraph("Empresa de Servicios Públicos de Sabanalarga – Informe de gestión 2023")
    tabla = doc.add_table(rows=1 + len(filas), cols=len(encabezado))
    for r, fila in enumerate([encabezado, *filas]):
        for k, texto in enumerate(fila):
            tabla.cell(r, k).text = texto
    doc.save(ruta)


def test_each_column_an_indicator_each_row_a_measure(tmp_path):
    ruta = tmp_path / "servicios.docx"
    _docx(ruta, ["Concepto", *NOMBRES], FILAS)
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {(o.indicador, o.medida): o.valor for o in obs}
    assert leidas[("Usuarios con micromedición", "meta")] == 10620
    assert leidas[("Cobertura del servicio de acueducto (%)", "linea_base")] == 92.4
    assert leidas[("Continuidad del servicio (horas/día)", "ejecutado")] == 21.5
    assert leidas[("Usuarios con micromedición", "avance_porcentual")] == 96.5
    assert len(obs) == 12
    meta = next(o for o in obs if o.medida == "meta" and o.indicador.startswith("Usuarios"))
    assert (meta.fila, meta.columna) == (2, 3)  # "10.620" as printed: row "Meta 2023", fourth column


def test_a_table_with_measures_across_the_top_is_not_turned(tmp_path):
    ruta = tmp_path / "normal.docx"
    filas = [[n, *(f[k + 1] for f in FILAS)] for k, n in enumerate(NOMBRES)]
    _docx(ruta, ["Indicador", *(f[0] for f in FILAS)], filas)
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {(o.indicador, o.medida): o.valor for o in obs}
    assert leidas[("Usuarios con micromedición", "meta")] == 10620
    meta = next(o for o in obs if o.medida == "meta" and o.indicador.startswith("Usuarios"))
    assert (meta.fila, meta.columna) == (3, 2)


def test_columns_numbered_by_the_header_and_named_by_a_row(tmp_path):
    """The header row numbers the indicators ("Meta 2.1 | Meta 2.2", words
    of a measure) and a row of the first column names them ("Indicador"),
    another gives their unit: still a table on its side, named by that row
    (and the numbers of the header, "2.1", give no figure)."""
    ruta = tmp_path / "agropecuario.docx"
    filas = [
        ["Indicador", "Hectáreas reforestadas", "Predios adquiridos para cuencas"],
        ["Unidad de medida", "Hectáreas", "Número"],
        ["Línea base 2011", "12", "2"],
        ["Meta 2014", "15", "1"],
        ["Ejecutado 2014", "9,5", "0"],
        ["% cumplimiento 2014", "63,3 %", "0,0 %"],
    ]
    _docx(ruta, ["Concepto", "Meta 2.1", "Meta 2.2"], filas)
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {(o.indicador, o.medida): o.valor for o in obs}
    assert leidas == {
        ("Hectáreas reforestadas", "linea_base"): 12,
        ("Hectáreas reforestadas", "meta"): 15,
        ("Hectáreas reforestadas", "ejecutado"): 9.5,
        ("Hectáreas reforestadas", "avance_porcentual"): 63.3,
        ("Predios adquiridos para cuencas", "linea_base"): 2,
        ("Predios adquiridos para cuencas", "meta"): 1,
        ("Predios adquiridos para cuencas", "ejecutado"): 0,
        ("Predios adquiridos para cuencas", "avance_porcentual"): 0,
    }


def test_names_closing_with_their_unit_in_parentheses(tmp_path):
    """Most names across the top close with their unit, "(%)" among them
    ("Tasa de deserción escolar (%)"): names, not measures; the table is
    still on its side."""
    ruta = tmp_path / "educacion_inirida.docx"
    filas = [
        ["Línea base 2023", "78,4", "6,8", "412"],
        ["Meta 2024", "82,0", "6,0", "450"],
        ["Resultado 2024", "80,6", "5,7", "468"],
    ]
    nombres = [
        "Tasa de cobertura bruta en transición (%)",
        "Tasa de deserción escolar (%)",
        "Estudiantes con transporte (número)",
    ]
    _docx(ruta, ["Medida", *nombres], filas)
    obs = interpretar(leer_documento(ruta)).observaciones
    leidas = {(o.indicador, o.medida): o.valor for o in obs}
    assert leidas[("Tasa de deserción escolar (%)", "meta")] == 6.0
    assert leidas[("Estudiantes con transporte (número)", "ejecutado")] == 468
    assert len(obs) == 9
