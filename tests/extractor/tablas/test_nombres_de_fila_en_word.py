"""Which cells of a Word table row name which indicator: a row that stacks
two indicators (two bullets in the name cell, two figures per value cell,
one money figure for both) is one row per bullet, the money once; the
office in charge is no name. Documents made with python-docx."""

from __future__ import annotations

from docx import Document

from extractor import extraer_informe


def _celda(celda, lineas: list[str], estilo: str | None = None) -> None:
    celda.text = lineas[0]
    if estilo:
        celda.paragraphs[0].style = estilo
    for linea in lineas[1:]:
        celda.add_paragraph(linea, style=estilo)


def test_dos_indicadores_en_vinetas_de_una_misma_fila(tmp_path):
    d = Document()
    d.add_paragraph("Seguimiento al Plan de Acción 2017 – Secretaría de Infraestructura")
    tabla = d.add_table(rows=3, cols=6)
    filas = [
        (["Indicador"], ["Unidad"], ["Meta 2017"], ["Ejecutado 2017"], ["% cumpl."], ["Apropiación definitiva"]),
        (["Puentes peatonales construidos"], ["Número"], ["2"], ["1"], ["50,0 %"], ["$ 680.000.000"]),
        (
            ["Kilómetros de vías urbanas pavimentadas", "Metros lineales de andenes construidos"],
            ["km", "ml"],
            ["1,2", "800"],
            ["0,95", "860"],
            ["79,2 %", "107,5 %"],
            ["$ 2.340.000.000"],
        ),
    ]
    for fila, textos in zip(tabla.rows, filas):
        for celda, lineas in zip(fila.cells, textos):
            _celda(celda, lineas, "List Bullet" if len(lineas) > 1 and not lineas[0][0].isdigit() else None)
    ruta = tmp_path / "seguimiento_infraestructura_2017.docx"
    d.save(ruta)
    leidas = {(o.indicador, o.medida): o.valor for o in extraer_informe(ruta).observaciones}
    assert leidas[("Kilómetros de vías urbanas pavimentadas", "meta")] == 1.2
    assert leidas[("Kilómetros de vías urbanas pavimentadas", "ejecutado")] == 0.95
    assert leidas[("Kilómetros de vías urbanas pavimentadas", "avance_porcentual")] == 79.2
    assert leidas[("Metros lineales de andenes construidos", "meta")] == 800
    assert leidas[("Metros lineales de andenes construidos", "ejecutado")] == 860
    assert leidas[("Metros lineales de andenes construidos", "avance_porcentual")] == 107.5
    assert leidas[("Puentes peatonales construidos", "ejecutado")] == 1
    # the money both share, once
    assert sorted(v for (_, m), v in leidas.items() if m == "apropiacion_definitiva") == [680_000_000, 2_340_000_000]


def test_la_dependencia_a_cargo_no_es_el_nombre_del_indicador(tmp_path):
    """ "Dependencia | Meta de producto | Unidad | Meta 2024 | …": the office
    in charge is no name when the product's wording stands to its right,
    even with one office per row."""
    d = Document()
    d.add_paragraph("Informe consolidado de gestión 2024 – Municipio de Pradera")
    filas = [
        ("Dependencia", "Meta de producto", "Unidad", "Meta 2024", "Ejecutado 2024"),
        ("Secretaría de Gobierno", "Cámaras de videovigilancia instaladas", "Número", "12", "12"),
        ("Secretaría de Educación", "Estudiantes con transporte escolar rural", "Número", "540", "518"),
        ("Secretaría de Planeación", "Predios con actualización catastral", "Número", "2.800", "1.960"),
    ]
    tabla = d.add_table(rows=len(filas), cols=5)
    for fila, textos in zip(tabla.rows, filas):
        for celda, texto in zip(fila.cells, textos):
            celda.text = texto
    ruta = tmp_path / "consolidado_gestion_2024.docx"
    d.save(ruta)
    leidas = {(o.indicador, o.medida): o.valor for o in extraer_informe(ruta).observaciones}
    assert leidas == {
        ("Cámaras de videovigilancia instaladas", "meta"): 12,
        ("Cámaras de videovigilancia instaladas", "ejecutado"): 12,
        ("Estudiantes con transporte escolar rural", "meta"): 540,
        ("Estudiantes con transporte escolar rural", "ejecutado"): 518,
        ("Predios con actualización catastral", "meta"): 2800,
        ("Predios con actualización catastral", "ejecutado"): 1960,
    }
