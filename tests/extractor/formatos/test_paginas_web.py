"""HTML files (extractor/formatos/html_texto.py, html.py, and hoja.py for
HTML saved as .xls): the files are written here as offices get them: the
"Excel" export of a government system (an HTML table named .xls, Windows-1252,
a merged title row, programme cells merged down, es-CO figures, Excel's
`x:num`), a report saved from Word as a web page (.htm), a page in
Windows-1252 declaring UTF-8, a layout table holding the tables, and bad
files that must fail with a Spanish reason naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import ErrorLectura, LimitesLectura, extraer_informe, formato_de, leer_documento
from extractor.modelo import BloqueTexto, Tabla
from tests.conftest import una_observacion

# What CHIP, SIIF or a planning system sends as "Excel": one HTML table,
# Windows-1252, the sheet's name in Excel's XML island.
EXPORTACION_XLS = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=ProgId content=Excel.Sheet>
<style>.xl65 {mso-number-format:"\\#\\,\\#\\#0";} .xl66 {mso-number-format:"0\\.0%";}</style>
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet>
<x:Name>Seguimiento PDM</x:Name></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
</head>
<body>
<table border=0 cellpadding=0 cellspacing=0>
 <tr><td colspan=6>ALCALDÍA MUNICIPAL DE TENJO</td></tr>
 <tr><td colspan=6>Seguimiento al Plan de Desarrollo - Vigencia 2024</td></tr>
 <tr><td colspan=6 style='mso-ignore:colspan'>Fecha de corte: 31/12/2024</td></tr>
 <tr height=20><td colspan=6 style='mso-ignore:colspan'></td></tr>
 <tr><td>Programa</td><td>Código</td><td>Indicador de producto</td><td>Meta 2024</td>
  <td>Ejecutado 2024</td><td>Recursos ejecutados</td></tr>
 <tr><td rowspan=2>Educación de calidad</td><td>2201069</td><td>Niños atendidos con alimentación escolar</td>
  <td class=xl65 x:num="1250">1.250</td><td class=xl65 x:num="1180">1.180</td>
  <td x:num="118450000.5">$ 118.450.000,50</td></tr>
 <tr><td>2201070</td><td>Docentes formados en pedagogía</td><td x:num>40</td><td x:num>32</td>
  <td>36.700.000</td></tr>
 <tr><td>Salud para todos</td><td>1906004</td><td>Cobertura de afiliación al régimen subsidiado</td>
  <td class=xl66 x:num="0.955">95,5%</td><td class=xl66 x:num="0.9725">97,3%</td><td>6.418.200.000</td></tr>
</table>
</body>
</html>
"""

# Word's "Guardar como página web": MsoTitle, bold labels, headings, a table
# with a two-level header of <th>, a <br> in a cell, a page break, a hidden paragraph.
INFORME_HTM = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Word.Document><title>Informe</title>
<style><!-- p.MsoNormal {margin:0cm;} --></style>
<script>document.write("<table><tr><td>99</td></tr></table>");</script>
</head>
<body lang=ES-CO>
<div class=WordSection1>
<p class=MsoTitle>Informe de gestión primer semestre 2024</p>
<p class=MsoNormal><b>Entidad:</b> Alcaldía Municipal de Sopó<o:p></o:p></p>
<h1>1. Metas de producto</h1>
<p class=MsoNormal>La secretaría reporta el avance&nbsp;de   sus metas.</p>
<p class=MsoNormal style='display:none'>Borrador: meta 2023 de 999 huertas</p>
<table class=MsoTableGrid border=1>
 <thead>
 <tr><th rowspan=2>Indicador</th><th colspan=2>Primer semestre 2024</th></tr>
 <tr><th>Meta</th><th>Ejecutado</th></tr>
 </thead>
 <tr><td><p class=MsoNormal>Huertas caseras<br>establecidas</p></td><td>120</td><td>98</td></tr>
 <tr><td>Asistencias técnicas realizadas</td><td>1.450</td><td>1.470,5</td></tr>
</table>
<br clear=all style='page-break-before:always'>
<h2>2. Inversión</h2>
<table border=1>
 <tr><td>Proyecto</td><td>Recursos programados</td><td>Recursos ejecutados</td></tr>
 <tr><td>Mejoramiento de vías terciarias</td><td>635.400.000</td><td>500.000.000</td></tr>
 <tr><td>Dotación de escuelas rurales</td><td>120.000.000</td><td>80.000.000</td></tr>
</table>
</div>
</body></html>
"""


def escribir(ruta: Path, texto: str, codificacion: str = "utf-8") -> Path:
    ruta.write_bytes(texto.encode(codificacion))
    return ruta


@pytest.fixture
def exportacion_xls(tmp_path) -> Path:
    return escribir(tmp_path / "tenjo_seguimiento_pdm_2024.xls", EXPORTACION_XLS, "cp1252")


@pytest.fixture
def informe_htm(tmp_path) -> Path:
    return escribir(tmp_path / "sopo_informe_gestion_2024.htm", INFORME_HTM)


# ------------------------------------------------------------------ HTML saved as .xls: a sheet


def test_exportacion_html_con_extension_xls_se_lee_como_hoja(exportacion_xls):
    assert "Niños".encode("cp1252") in exportacion_xls.read_bytes()
    informe = extraer_informe(exportacion_xls)
    assert informe.formato == "html_hoja"
    meta = informe.metadatos
    assert (meta.entidad, meta.titulo, meta.vigencia) == (
        "Alcaldía Municipal de Tenjo",
        "Seguimiento al Plan de Desarrollo - Vigencia 2024",
        2024,
    )
    assert str(meta.fecha_corte) == "2024-12-31"
    ninos = "Niños atendidos con alimentación escolar"
    for medida, valor, celda in (("meta", 1250, "D6"), ("ejecutado", 1180, "E6")):
        o = una_observacion(informe, indicador=ninos, medida=medida)
        assert (o.valor, o.unidad, str(o.periodo_inicio), str(o.periodo_fin)) == (
            valor,
            "numero",
            "2024-01-01",
            "2024-12-31",
        )
        # provenance: the sheet Excel names in the file, the cell where Excel shows it
        assert (o.hoja, o.celda) == ("Seguimiento PDM", celda)
    dinero = una_observacion(informe, indicador=ninos, medida="recursos_ejecutados")
    assert (dinero.valor, dinero.unidad, dinero.celda) == (118450000.5, "pesos", "F6")
    # the programme merged down over two rows names both of its rows
    docentes = una_observacion(informe, indicador="Docentes formados en pedagogía", medida="ejecutado")
    assert (docentes.valor, docentes.indicador_padre, docentes.celda) == (32, "Educación de calidad", "E7")
    assert una_observacion(informe, indicador="Docentes formados en pedagogía", medida="meta").indicador_padre == (
        "Educación de calidad"
    )
    # x:num="0.9725" behind "97,3%": the exact figure
    cobertura = una_observacion(informe, indicador="Cobertura de afiliación al régimen subsidiado", medida="ejecutado")
    assert (cobertura.valor, cobertura.unidad, cobertura.indicador_padre) == (97.25, "porcentaje", "Salud para todos")
    assert len(informe.observaciones) == 9


def test_hoja_html_titulos_celdas_combinadas_y_referencias(exportacion_xls):
    doc = leer_documento(exportacion_xls)
    assert (doc.formato, doc.paginas) == ("html_hoja", 1)
    textos = [b for b in doc.bloques if isinstance(b, BloqueTexto)]
    assert [(b.texto, b.estilo) for b in textos] == [
        ("Seguimiento PDM", "Hoja"),
        ("ALCALDÍA MUNICIPAL DE TENJO", ""),
        ("Seguimiento al Plan de Desarrollo - Vigencia 2024", ""),
        ("Fecha de corte: 31/12/2024", ""),
    ]
    [tabla] = [b for b in doc.bloques if isinstance(b, Tabla)]
    assert tabla.textos()[1] == [
        "Educación de calidad",
        "2201069",
        "Niños atendidos con alimentación escolar",
        "1250",
        "1180",
        "118450000,5",
    ]
    programa = tabla.celdas[6]  # a merged cell appears once, at its top-left, with its span
    assert (programa.texto, programa.filas_span, programa.ref) == ("Educación de calidad", 2, "Seguimiento PDM!A6")
    assert sum(c.texto == "Educación de calidad" for c in tabla.celdas) == 1
    assert tabla.textos()[3][3:5] == ["95,5 %", "97,25 %"]


def test_numeros_de_excel_x_num_y_fechas(tmp_path):
    """x:num is the number behind the shown text, whatever the locale that
    showed it; a date is an x:num too (its serial) and is read as shown."""
    pagina = """<table>
    <tr><td>Indicador</td><td>Fecha de reporte</td><td>Meta</td><td>Avance</td></tr>
    <tr><td>Kilómetros de vía mejorados</td><td x:num="45473">30/06/2024</td>
        <td x:num="1234.5">1,234.50</td><td x:num="0.87654">87,65%</td></tr>
    <tr><td>Familias atendidas</td><td x:num="45473">30.06.2024</td><td x:num="-1500">(1.500)</td><td>45,5 %</td></tr>
    </table>"""
    ruta = escribir(tmp_path / "siif_export.xls", pagina)
    assert formato_de(ruta) == "html_hoja"  # a bare <table>, as many report generators write
    [tabla] = leer_documento(ruta).tablas
    assert tabla.textos()[1:] == [
        ["Kilómetros de vía mejorados", "30/06/2024", "1234,5", "87,6540 %"],  # a 4th decimal, as sheets write it
        ["Familias atendidas", "30.06.2024", "-1500", "45,5 %"],
    ]
    assert tabla.celdas[0].ref == "siif_export!A1"  # no sheet name in the file: the file's


def test_filas_ocultas_de_la_exportacion_se_informan(tmp_path):
    pagina = EXPORTACION_XLS.replace(
        "<tr><td>Salud para todos</td>", "<tr style='display:none'><td>Salud para todos</td>"
    )
    ruta = escribir(tmp_path / "oculta.xls", pagina, "cp1252")
    informe = extraer_informe(ruta)
    assert len(informe.observaciones) == 6
    [nota] = [f for f in informe.no_mapeadas if "oculta" in f.motivo]
    assert nota.texto == "Hoja «Seguimiento PDM», filas 8"
    assert nota.motivo.startswith("1 fila(s) oculta(s) con datos en la hoja de cálculo: no se leyeron")
    todas = extraer_informe(ruta, LimitesLectura(hoja_ocultas=True))
    assert (
        una_observacion(todas, indicador="Cobertura de afiliación al régimen subsidiado", medida="meta").valor == 95.5
    )


# ------------------------------------------------------------------ .htm: a document


def test_pagina_web_de_word_se_lee_como_documento(informe_htm):
    informe = extraer_informe(informe_htm)
    assert informe.formato == "html"
    meta = informe.metadatos
    assert (meta.entidad, meta.titulo) == ("Alcaldía Municipal de Sopó", "Informe de gestión primer semestre 2024")
    assert (str(meta.periodo_inicio), str(meta.periodo_fin)) == ("2024-01-01", "2024-06-30")
    huertas = una_observacion(informe, medida="ejecutado", valor=98)
    assert huertas.indicador.split() == ["Huertas", "caseras", "establecidas"]  # the <br> inside the cell
    assert (str(huertas.periodo_inicio), str(huertas.periodo_fin)) == ("2024-01-01", "2024-06-30")
    assert (huertas.pagina, huertas.tabla, huertas.fila, huertas.columna, huertas.hoja) == (1, 1, 2, 2, None)
    asistencias = una_observacion(informe, indicador="Asistencias técnicas realizadas", medida="ejecutado")
    assert asistencias.valor == 1470.5  # es-CO as written
    vias = una_observacion(informe, indicador="Mejoramiento de vías terciarias", medida="recursos_ejecutados")
    assert (vias.valor, vias.unidad, vias.pagina, vias.tabla) == (500_000_000, "pesos", 2, 2)  # after the page break
    assert len(informe.observaciones) == 8
    # the hidden paragraph is not read, and is reported; the script is not text
    assert all(o.valor not in (99, 999) for o in informe.observaciones)
    [oculto] = [f for f in informe.no_mapeadas if "oculto" in f.motivo]
    assert oculto.texto == "«Borrador: meta 2023 de 999 huertas»"


def test_documento_html_bloques_estilos_y_encabezado_marcado(informe_htm):
    doc = leer_documento(informe_htm)
    assert (doc.formato, doc.paginas) == ("html", 2)
    textos = [(b.texto, b.estilo, b.pagina) for b in doc.bloques if isinstance(b, BloqueTexto)]
    assert textos == [
        ("Informe de gestión primer semestre 2024", "Title", 1),
        ("Entidad: Alcaldía Municipal de Sopó", "", 1),
        ("1. Metas de producto", "Heading 1", 1),
        ("La secretaría reporta el avance de sus metas.", "", 1),
        ("2. Inversión", "Heading 2", 2),
    ]
    assert doc.textos[1].rotulo == "Entidad: "
    metas, inversion = doc.tablas
    assert metas.filas_encabezado_marcadas == 2 and inversion.filas_encabezado_marcadas is None
    assert metas.textos()[:2] == [
        ["Indicador", "Primer semestre 2024", "Primer semestre 2024"],
        ["Indicador", "Meta", "Ejecutado"],
    ]
    indicador, semestre = metas.celdas[:2]
    assert (indicador.filas_span, semestre.columnas_span, semestre.columna, semestre.negrita) == (2, 2, 1, True)
    assert metas.celdas[4].texto == "Huertas caseras\nestablecidas" and metas.celdas[4].ref is None


@pytest.mark.parametrize(
    "codificacion, declarada",
    [("cp1252", "utf-8"), ("cp1252", "windows-1252"), ("utf-8", "windows-1252"), ("utf-8-sig", "iso-8859-1")],
)
def test_codificacion_de_la_pagina(tmp_path, codificacion, declarada):
    """Strict UTF-8 first (pages often declare a charset they are not in), then Windows-1252."""
    pagina = f"""<!DOCTYPE html><html><head><meta charset="{declarada}"></head><body>
    <p>Alcaldía Municipal de Chocontá</p><p>Informe de gestión vigencia 2023</p>
    <table><tr><td>Indicador</td><td>Meta 2023</td><td>Ejecutado 2023</td></tr>
    <tr><td>Niños con esquema de vacunación</td><td>1.200</td><td>1.150</td></tr>
    <tr><td>Señalización de vías rurales</td><td>30</td><td>28</td></tr></table></body></html>"""
    informe = extraer_informe(escribir(tmp_path / "choconta_2023.html", pagina, codificacion))
    assert informe.metadatos.entidad == "Alcaldía Municipal de Chocontá"
    assert una_observacion(informe, indicador="Niños con esquema de vacunación", medida="ejecutado").valor == 1150
    assert una_observacion(informe, indicador="Señalización de vías rurales", medida="meta").valor == 30


def test_tabla_de_diagramacion_con_tablas_anidadas(tmp_path):
    """A layout table holding, in each row, a sector's name and its table of
    targets: the inner tables are read in order, the names as text."""
    interna = """<table border=1><tr><td>Indicador</td><td>Meta 2024</td><td>Logro 2024</td></tr>
      <tr><td>{0}</td><td>{1}</td><td>{2}</td></tr><tr><td>{3}</td><td>{4}</td><td>{5}</td></tr></table>"""
    pagina = f"""<html><body><h1>Informe de gestión 2024</h1><p>Alcaldía Municipal de Cajicá</p>
    <table width=100%>
     <tr><td><b>Sector Salud</b></td><td>{interna.format("Personas vacunadas", "800", "760", "Jornadas de salud", "12", "10")}</td></tr>
     <tr><td><b>Sector Cultura</b></td><td>{interna.format("Talleres de música", "40", "38", "Festivales realizados", "2", "2")}</td></tr>
    </table></body></html>"""
    ruta = escribir(tmp_path / "cajica_2024.html", pagina)
    doc = leer_documento(ruta)
    assert [type(b).__name__ for b in doc.bloques] == ["BloqueTexto"] * 3 + ["Tabla", "BloqueTexto", "Tabla"]
    assert [b.texto for b in doc.textos] == [
        "Informe de gestión 2024",
        "Alcaldía Municipal de Cajicá",
        "Sector Salud",
        "Sector Cultura",
    ]
    assert [t.indice for t in doc.tablas] == [1, 2] and all(t.n_filas == 3 for t in doc.tablas)
    informe = extraer_informe(ruta)
    musica = una_observacion(informe, indicador="Talleres de música", medida="ejecutado")
    assert (musica.valor, musica.tabla, musica.fila, musica.columna) == (38, 2, 1, 2)
    assert una_observacion(informe, indicador="Personas vacunadas", medida="meta").tabla == 1
    assert len(informe.observaciones) == 8


def test_solo_las_filas_que_anidan_tablas_se_abren(tmp_path):
    """A table of targets whose last row nests the money table: its other
    rows stay a table, the nested one is read after them."""
    pagina = """<html><body><p>Alcaldía Municipal de Cota</p><p>Informe de gestión 2024</p>
    <table border=1>
     <tr><td>Indicador</td><td>Meta 2024</td><td>Logro 2024</td></tr>
     <tr><td>Personas vacunadas</td><td>800</td><td>760</td></tr>
     <tr><td>Jornadas de salud</td><td>12</td><td>10</td></tr>
     <tr><td colspan=3><table border=1><tr><td>Fuente</td><td>Recursos ejecutados</td></tr>
       <tr><td>SGP salud</td><td>250.000.000</td></tr><tr><td>Recursos propios</td><td>80.000.000</td></tr>
     </table></td></tr>
    </table></body></html>"""
    doc = leer_documento(escribir(tmp_path / "cota_2024.html", pagina))
    metas, dinero = doc.tablas
    assert metas.textos() == [
        ["Indicador", "Meta 2024", "Logro 2024"],
        ["Personas vacunadas", "800", "760"],
        ["Jornadas de salud", "12", "10"],
    ]
    assert dinero.textos()[1] == ["SGP salud", "250.000.000"]


@pytest.mark.parametrize(
    "nombre, pagina, formato",
    [
        ("reporte.xls", "<html><body><table><tr><td>1</td></tr></table></body></html>", "html_hoja"),
        ("reporte.csv", "\n  <table><tr><td>1</td></tr></table>", "html_hoja"),
        ("informe.htm", "<html><body><p>x</p></body></html>", "html"),
        ("libro.htm", '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body></body></html>', "html_hoja"),
        ("informe.doc", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),  # Word HTML named .doc
        ("notas.html", "Informe de gestión sin marcas", "html"),
    ],
)
def test_formato_de_un_archivo_html(tmp_path, nombre, pagina, formato):
    assert formato_de(escribir(tmp_path / nombre, pagina)) == formato


# ------------------------------------------------------------------ bad files


def _error(ruta: Path, limites: LimitesLectura | None = None) -> str:
    with pytest.raises(ErrorLectura) as e:
        extraer_informe(ruta, limites) if limites else extraer_informe(ruta)
    return str(e.value)


def test_html_vacio(tmp_path):
    assert _error(escribir(tmp_path / "vacio.html", "")) == "vacio.html: el archivo está vacío (0 bytes)"


@pytest.mark.parametrize(
    "pagina",
    [
        "<html><head><title>Reporte</title><script>var a = 1;</script></head><body><img src='x.png'></body></html>",
        "<!DOCTYPE html>\n<!-- sin datos -->\n<html></html>",
        "<table><tr><td> </td><td>&nbsp;</td></tr></table>",
    ],
)
def test_html_sin_texto_ni_tablas(tmp_path, pagina):
    assert _error(escribir(tmp_path / "reporte.xls", pagina)) == (
        "reporte.xls: la página web no tiene texto ni tablas (solo marcas HTML, imágenes o scripts)"
    )


def test_html_con_texto_y_sin_tablas(tmp_path):
    ruta = escribir(tmp_path / "portal.html", "<html><body><h1>Informe de gestión</h1><p>Descargue</p></body></html>")
    assert _error(ruta) == "portal.html: no se encontraron tablas de indicadores"


def test_binario_con_extension_html(tmp_path):
    ruta = tmp_path / "informe.html"
    ruta.write_bytes(bytes(range(256)) * 8)
    assert _error(ruta) == (
        "informe.html: la extensión es .html pero el contenido no es una página web: es un archivo binario"
    )


def test_html_con_bytes_binarios_despues_de_las_marcas(tmp_path):
    ruta = tmp_path / "danado.xls"
    ruta.write_bytes(b"<html><body><table><tr><td>1</td></tr>" + bytes(range(32)) * 20)
    assert _error(ruta) == (
        "danado.xls: la página web tiene bytes que no son texto: es un archivo binario o está dañada"
    )


def test_texto_que_no_es_utf8_ni_cp1252(tmp_path):
    ruta = tmp_path / "raro.html"
    ruta.write_bytes(b"<html><body><p>Ni\x81os \xc3</p></body></html>")
    assert _error(ruta) == (
        "raro.html: la página web no es texto en UTF-8 ni en Windows-1252 (ANSI); guárdela de nuevo como UTF-8"
    )


def test_limite_de_tamano(tmp_path):
    ruta = escribir(tmp_path / "grande.html", "<p>" + "x" * (3 << 19) + "</p>")  # 1,5 MB
    assert _error(ruta, LimitesLectura(html_tamano=1 << 20)) == (
        "grande.html: la página web (HTML) ocupa 1,5 MB; el máximo es 1 MB"
    )


def test_tabla_demasiado_grande_por_sus_celdas_combinadas(tmp_path):
    pagina = "<table>" + "<tr><td colspan=1000>a</td><td>1</td></tr>" * 30 + "</table>"
    assert _error(escribir(tmp_path / "enorme.html", pagina), LimitesLectura(hoja_area=10_000)) == (
        "enorme.html: una tabla de la página web tiene 30 filas × 1001 columnas; el máximo es 10.000 celdas"
    )


def test_entidades_declaradas_no_se_expanden(tmp_path):
    """A DOCTYPE declaring entities (billion laughs) is dropped before
    parsing: nothing is expanded, nothing of it becomes text."""
    risas = "".join(f'<!ENTITY r{i} "{f"&r{i - 1};" * 10}">' for i in range(1, 10))
    pagina = f"""<!DOCTYPE html [<!ENTITY r0 "ja">{risas}]><html><body><p>&r9;</p>
    <table><tr><td>Indicador</td><td>Meta 2024</td></tr><tr><td>Talleres</td><td>12</td></tr>
    <tr><td>Huertas</td><td>30</td></tr></table></body></html>"""
    doc = leer_documento(escribir(tmp_path / "risas.html", pagina))
    assert [b.texto for b in doc.textos] == ["&r9;"]
    assert doc.tablas[0].textos()[2] == ["Huertas", "30"]
