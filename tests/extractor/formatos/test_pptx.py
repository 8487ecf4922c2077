"""PowerPoint presentations (extractor/formatos/pptx.py, pptx_graficas.py):
the slides of an "audiencia pública de rendición de cuentas" written here with
python-pptx the way offices make them: title and bullets with the figures in
the text, a native table with a merged programme cell, native column charts
whose figures live in the chart's data, KPI cards drawn with shapes, a
hidden slide. Legacy .ppt and .odp go through LibreOffice Impress."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE
from pptx.util import Inches, Pt

from extractor import ErrorLectura, LimitesLectura, extraer_informe, formato_de, leer_documento
from extractor.errores import FaltaPrograma
from extractor.formatos import legado
from extractor.modelo import BloqueTexto
from tests.conftest import una_observacion

TABLA = [
    ["Programa", "Indicador", "Meta 2024", "Ejecutado 2024", "%"],
    ["Salud pública", "Jornadas de vacunación realizadas", "12", "10", "83,3 %"],
    ["", "Visitas de inspección sanitaria", "300", "312", "104,0 %"],
    ["Deporte", "Escuelas deportivas en funcionamiento", "8", "8", "100,0 %"],
]
OCULTAS = {999.0, 777.0, 555.0, 444.0}  # the hidden slide's figures


def _presentacion(ruta: Path) -> Path:
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    # 1. cover: the entity and the office
    s = prs.slides.add_slide(prs.slide_layouts[0])
    s.shapes.title.text = "Audiencia pública de rendición de cuentas 2024"
    s.placeholders[1].text = "Alcaldía Municipal de Guatavita\nSecretaría de Salud"
    # 2. title and one line of figures
    s = prs.slides.add_slide(prs.slide_layouts[1])
    s.shapes.title.text = "Niños y niñas menores de 5 años vacunados"
    s.placeholders[1].text = "Meta 2024: 120 · Logro: 98 · Cumplimiento: 81,7 %"
    # 3. native table, the programme merged over its two indicators
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Seguimiento al plan de desarrollo 2024"
    tabla = s.shapes.add_table(4, 5, Inches(0.5), Inches(1.6), Inches(12), Inches(3)).table
    for r, fila in enumerate(TABLA):
        for k, texto in enumerate(fila):
            if texto:
                tabla.cell(r, k).text = texto
    tabla.cell(1, 0).merge(tabla.cell(2, 0))
    # 4. clustered columns: the indicators are the categories, a point without value
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Infraestructura: Meta vs Ejecutado"
    datos = CategoryChartData()
    datos.categories = ["Hogares con agua potable", "Kilómetros de vías mejoradas", "Luminarias LED instaladas"]
    datos.add_series("Meta 2024", (450, 12.5, 800))
    datos.add_series("Ejecutado 2024", (430, 10.25, None))
    s.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(0.5), Inches(1.5), Inches(12), Inches(5.5), datos)
    # 5. one indicator's chart: the measures are the categories, the indicator its title
    s = prs.slides.add_slide(prs.slide_layouts[6])
    datos = CategoryChartData()
    datos.categories = ["Meta 2024", "Ejecutado 2024"]
    datos.add_series("Serie 1", (40, 32))
    grafica = s.shapes.add_chart(
        XL_CHART_TYPE.COLUMN_CLUSTERED, Inches(1), Inches(1), Inches(6), Inches(4.5), datos
    ).chart
    grafica.has_title = True
    grafica.chart_title.text_frame.text = "Talleres de formación artística realizados"
    # 6. hidden: a draft with figures that are not the report's
    s = prs.slides.add_slide(prs.slide_layouts[1])
    s.shapes.title.text = "Borrador: cifras sin validar"
    s.placeholders[1].text = "Meta 2024: 999 · Logro: 777"
    oculta = s.shapes.add_table(2, 3, Inches(0.5), Inches(4), Inches(8), Inches(1)).table
    for k, (a, b) in enumerate(zip(["Indicador", "Meta 2024", "Ejecutado 2024"], ["Campañas de prueba", "555", "444"])):
        oculta.cell(0, k).text, oculta.cell(1, k).text = a, b
    s.element.set("show", "0")
    s.notes_slide.notes_text_frame.text = "Meta 2024: 999 · Logro: 777 (nota del orador)"
    prs.save(ruta)
    return ruta


@pytest.fixture(scope="module")
def presentacion(tmp_path_factory) -> Path:
    return _presentacion(tmp_path_factory.mktemp("pptx") / "guatavita_rendicion_cuentas_2024.pptx")


@pytest.fixture(scope="module")
def informe(presentacion):
    return extraer_informe(presentacion)


ESPERADAS = {
    # (indicator, measure, value, page)
    ("Niños y niñas menores de 5 años vacunados", "meta", 120.0, 2),
    ("Niños y niñas menores de 5 años vacunados", "ejecutado", 98.0, 2),
    ("Niños y niñas menores de 5 años vacunados", "avance_porcentual", 81.7, 2),
    ("Jornadas de vacunación realizadas", "meta", 12.0, 3),
    ("Jornadas de vacunación realizadas", "ejecutado", 10.0, 3),
    ("Jornadas de vacunación realizadas", "avance_porcentual", 83.3, 3),
    ("Visitas de inspección sanitaria", "meta", 300.0, 3),
    ("Visitas de inspección sanitaria", "ejecutado", 312.0, 3),
    ("Visitas de inspección sanitaria", "avance_porcentual", 104.0, 3),
    ("Escuelas deportivas en funcionamiento", "meta", 8.0, 3),
    ("Escuelas deportivas en funcionamiento", "ejecutado", 8.0, 3),
    ("Escuelas deportivas en funcionamiento", "avance_porcentual", 100.0, 3),
    ("Hogares con agua potable", "meta", 450.0, 4),
    ("Hogares con agua potable", "ejecutado", 430.0, 4),
    ("Kilómetros de vías mejoradas", "meta", 12.5, 4),
    ("Kilómetros de vías mejoradas", "ejecutado", 10.25, 4),
    ("Luminarias LED instaladas", "meta", 800.0, 4),
    ("Talleres de formación artística realizados", "meta", 40.0, 5),
    ("Talleres de formación artística realizados", "ejecutado", 32.0, 5),
}


def test_observaciones_de_cada_diapositiva(informe):
    leidas = {(o.indicador, o.medida, o.valor, o.pagina) for o in informe.observaciones}
    assert leidas == ESPERADAS
    assert {(o.periodo_inicio, o.periodo_fin) for o in informe.observaciones} == {
        (date(2024, 1, 1), date(2024, 12, 31))
    }
    assert informe.formato == "pptx" and informe.paginas == 6
    assert informe.metadatos.entidad == "Alcaldía Municipal de Guatavita"


def test_la_tabla_nativa_con_el_programa_combinado(informe):
    obs = una_observacion(informe, indicador="Visitas de inspección sanitaria", medida="ejecutado")
    assert obs.indicador_padre == "Salud pública" and (obs.tabla, obs.fila, obs.columna) == (1, 2, 3)


def test_la_grafica_es_la_tabla_de_sus_datos(presentacion):
    doc = leer_documento(presentacion)
    titulo, tabla = doc.bloques[doc.bloques.index(doc.tablas[1]) - 1], doc.tablas[1]
    assert isinstance(titulo, BloqueTexto) and titulo.texto == "Infraestructura: Meta vs Ejecutado"
    assert tabla.textos() == [
        ["", "Meta 2024", "Ejecutado 2024"],
        ["Hogares con agua potable", "450", "430"],
        ["Kilómetros de vías mejoradas", "12,5", "10,25"],
        ["Luminarias LED instaladas", "800", ""],  # a point without value: an empty cell
    ]
    # one indicator's chart: its title above, the row it names
    titulo, tabla = doc.bloques[doc.bloques.index(doc.tablas[2]) - 1], doc.tablas[2]
    assert isinstance(titulo, BloqueTexto) and titulo.texto == "Talleres de formación artística realizados"
    assert tabla.textos() == [
        ["", "Meta 2024", "Ejecutado 2024"],
        ["Talleres de formación artística realizados", "40", "32"],
    ]


def test_bloques_con_procedencia(presentacion):
    doc = leer_documento(presentacion)
    assert doc.paginas == 6
    [titulo] = [b for b in doc.textos if b.pagina == 2 and b.estilo == "Title"]
    assert titulo.texto == "Niños y niñas menores de 5 años vacunados"
    x0, top, x1, bottom = titulo.bbox  # points on a 960 × 540 slide
    assert 0 <= x0 < x1 <= 960 and 0 <= top < bottom <= 540
    tabla = doc.tablas[0]
    assert tabla.filas_encabezado_marcadas == 1 and tabla.paginas == [3]
    programa = [c for c in tabla.celdas if c.texto == "Salud pública"]
    assert len(programa) == 1 and programa[0].filas_span == 2  # merged: once, at its origin
    assert tabla.textos()[2][:2] == ["Salud pública", "Visitas de inspección sanitaria"]
    # its box: the second and third of four rows 54 pt high, the first of five columns 172,8 pt wide
    assert programa[0].bbox == pytest.approx((36, 115.2 + 54, 36 + 172.8, 115.2 + 54 + 108))


def test_diapositiva_oculta_y_notas_no_se_leen(informe, presentacion):
    assert not OCULTAS & {o.valor for o in informe.observaciones}
    [nota] = [f for f in informe.no_mapeadas if f.pagina == 6]
    assert nota.texto == "Diapositiva 6 «Borrador: cifras sin validar»"
    assert nota.motivo.startswith("diapositiva oculta de la presentación: no se leyó")
    doc = leer_documento(presentacion)
    assert not [b for b in doc.bloques if isinstance(b, BloqueTexto) and "orador" in b.texto]
    con_ocultas = extraer_informe(presentacion, LimitesLectura(hoja_ocultas=True))
    assert {555.0, 444.0} <= {o.valor for o in con_ocultas.observaciones if o.pagina == 6}


def _tarjetas(ruta: Path, agrupadas: bool) -> Path:
    """Four KPI cards, two by two: a rounded rectangle with text boxes on it
    (heading, big figure, "Meta: N", "Cumplimiento: x %"), loose or grouped;
    the group's children in coordinates of their own (scaled by half)."""
    tarjetas = [
        ("Menores de 1 año vacunados", "1.046", "1.120", "93,4 %"),
        ("Cobertura de vacunación triple viral", "88,6 %", "95,0 %", "93,3 %"),
        ("Visitas de inspección sanitaria", "312", "300", "104,0 %"),
        ("Jornadas de salud en comunidades ribereñas", "27", "36", "75,0 %"),
    ]
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Salud pública: resultados 2021"
    for k, (titulo, cifra, meta, cumplimiento) in enumerate(tarjetas):
        x, y = Inches(0.6 + 6.3 * (k % 2)), Inches(1.6 + 2.9 * (k // 2))
        grupo = s.shapes.add_group_shape() if agrupadas else None
        formas = grupo.shapes if grupo is not None else s.shapes
        formas.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, x, y, Inches(5.8), Inches(2.6))
        for dy, alto, texto, tamano in (
            (0.1, 0.5, titulo, 14),
            (0.7, 0.9, cifra, 40),
            (1.6, 0.4, f"Meta: {meta}", 14),
            (2.0, 0.4, f"Cumplimiento: {cumplimiento}", 14),
        ):
            caja = formas.add_textbox(x + Inches(0.2), y + Inches(dy), Inches(5.4), Inches(alto))
            corrido = caja.text_frame.paragraphs[0].add_run()
            corrido.text, corrido.font.size, corrido.font.bold = texto, Pt(tamano), tamano > 14 or dy < 0.5
        if grupo is not None:  # children twice as large in the group's own coordinates
            xfrm = grupo.element.grpSpPr.find("{*}xfrm")
            ch_off, ch_ext = xfrm.find("{*}chOff"), xfrm.find("{*}chExt")
            ch_ext.set("cx", str(int(ch_ext.get("cx")) * 2))
            ch_ext.set("cy", str(int(ch_ext.get("cy")) * 2))
            for hijo in grupo.shapes:
                hijo.left = int(ch_off.get("x")) + (hijo.left - int(ch_off.get("x"))) * 2
                hijo.top = int(ch_off.get("y")) + (hijo.top - int(ch_off.get("y"))) * 2
                hijo.width, hijo.height = hijo.width * 2, hijo.height * 2
    prs.save(ruta)
    return ruta


@pytest.mark.parametrize("agrupadas", [False, True], ids=["sueltas", "agrupadas"])
def test_tarjetas_de_indicadores_hechas_con_formas(tmp_path, agrupadas):
    ruta = _tarjetas(tmp_path / "vaupes_salud_2021.pptx", agrupadas)
    leidas = {(o.indicador, o.medida): o.valor for o in extraer_informe(ruta).observaciones}
    assert leidas == {
        ("Menores de 1 año vacunados", "ejecutado"): 1046.0,
        ("Menores de 1 año vacunados", "meta"): 1120.0,
        ("Menores de 1 año vacunados", "avance_porcentual"): 93.4,
        ("Cobertura de vacunación triple viral", "ejecutado"): 88.6,
        ("Cobertura de vacunación triple viral", "meta"): 95.0,
        ("Cobertura de vacunación triple viral", "avance_porcentual"): 93.3,
        ("Visitas de inspección sanitaria", "ejecutado"): 312.0,
        ("Visitas de inspección sanitaria", "meta"): 300.0,
        ("Visitas de inspección sanitaria", "avance_porcentual"): 104.0,
        ("Jornadas de salud en comunidades ribereñas", "ejecutado"): 27.0,
        ("Jornadas de salud en comunidades ribereñas", "meta"): 36.0,
        ("Jornadas de salud en comunidades ribereñas", "avance_porcentual"): 75.0,
    }
    doc = leer_documento(ruta)
    [cifra] = [b for b in doc.textos if b.texto == "27"]
    # on the slide, whatever the group's own coordinates: the card at 6,9 in × 4,5 in, the box 0,2 in × 0,7 in into it
    assert cifra.bbox[:2] == pytest.approx((7.1 * 72, 5.2 * 72), abs=0.5)


def test_grafica_circular_en_porcentaje_y_categorias_en_dos_niveles(tmp_path):
    prs = Presentation()
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Cumplimiento por programa 2023"
    datos = CategoryChartData(number_format="0.0%")
    datos.categories = ["Agua potable", "Vías"]
    datos.add_series("Cumplimiento 2023", (0.956, 0.875))
    s.shapes.add_chart(XL_CHART_TYPE.PIE, Inches(1), Inches(1.5), Inches(4), Inches(4), datos)
    s = prs.slides.add_slide(prs.slide_layouts[5])
    s.shapes.title.text = "Metas por programa 2023"
    datos = CategoryChartData()
    salud = datos.add_category("Salud pública")
    salud.add_sub_category("Jornadas de vacunación")
    salud.add_sub_category("Visitas sanitarias")
    datos.add_category("Deporte").add_sub_category("Escuelas deportivas")
    datos.add_series("Meta 2023", (12, 300, 8))
    datos.add_series("Ejecutado 2023", (10, 312, 8))
    s.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(1), Inches(1.5), Inches(8), Inches(5), datos)
    ruta = tmp_path / "graficas.pptx"
    prs.save(ruta)
    doc = leer_documento(ruta)
    assert doc.tablas[0].textos() == [["", "Cumplimiento 2023"], ["Agua potable", "95,6 %"], ["Vías", "87,5 %"]]
    assert doc.tablas[1].textos()[1] == ["Salud pública"] * 3  # the programme: a band over its indicators
    obs = una_observacion(extraer_informe(ruta), indicador="Escuelas deportivas", medida="ejecutado")
    assert (obs.valor, obs.indicador_padre, obs.pagina) == (8.0, "Deporte", 2)


# ------------------------------------------------------------------ bad files


def test_presentacion_sin_diapositivas(tmp_path):
    ruta = tmp_path / "vacia.pptx"
    Presentation().save(ruta)
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ruta)
    assert (exc.value.archivo, exc.value.motivo) == ("vacia.pptx", "la presentación no tiene diapositivas")


def test_presentacion_cortada(presentacion, tmp_path):
    ruta = tmp_path / "cortada.pptx"
    ruta.write_bytes(presentacion.read_bytes()[:20_000])
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ruta)
    assert (exc.value.archivo, exc.value.motivo) == (
        "cortada.pptx",
        "el archivo ZIP (presentación de PowerPoint) está dañado o incompleto",
    )


def test_diapositiva_con_xml_roto(presentacion, tmp_path):
    ruta = tmp_path / "xml_roto.pptx"
    with zipfile.ZipFile(presentacion) as origen, zipfile.ZipFile(ruta, "w") as destino:
        for parte in origen.infolist():
            datos = origen.read(parte)
            destino.writestr(parte, datos[:-40] if parte.filename == "ppt/slides/slide2.xml" else datos)
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ruta)
    assert exc.value.archivo == "xml_roto.pptx"
    assert exc.value.motivo.startswith("la presentación de PowerPoint está dañada o incompleta")


def test_zip_llamado_pptx_que_no_es_una_presentacion(tmp_path):
    ruta = tmp_path / "otra_cosa.pptx"
    with zipfile.ZipFile(ruta, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ruta)
    assert exc.value.motivo == "no es una presentación de PowerPoint válida: le falta ppt/presentation.xml"


def test_un_word_llamado_pptx_se_lee_como_word(tmp_path):
    """The content decides the reader, as for every format (a load warns of the extension)."""
    import docx

    documento = docx.Document()
    documento.add_paragraph("Informe de gestión")
    ruta = tmp_path / "informe.pptx"
    documento.save(ruta)
    assert formato_de(ruta) == "docx"
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ruta)
    assert (exc.value.archivo, exc.value.motivo) == ("informe.pptx", "no se encontraron tablas de indicadores")


def test_limite_de_diapositivas(presentacion):
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(presentacion, LimitesLectura(paginas=5))
    assert exc.value.motivo == (
        "la presentación tiene 6 diapositivas y el límite es 5 (puede cambiarlo con --limite-paginas)"
    )


def test_bomba_de_descompresion(tmp_path, presentacion):
    ruta = tmp_path / "bomba.pptx"
    shutil.copy(presentacion, ruta)
    with zipfile.ZipFile(ruta, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("ppt/media/relleno.bin", b"\0" * (8 << 20))
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ruta)
    assert "de la presentación se comprime" in exc.value.motivo and "bomba de descompresión" in exc.value.motivo


# ------------------------------------------------------------- .ppt and .odp

requiere_impress = pytest.mark.skipif(
    legado.falta_libreoffice("odp") is not None and not os.environ.get("CI"),
    reason="LibreOffice Impress no está instalado (apt-get install libreoffice-impress-nogui)",
)


@requiere_impress
@pytest.mark.parametrize("formato", ["odp", "ppt"])
def test_ppt_y_odp_se_leen_por_una_copia_pptx(presentacion, tmp_path, formato):
    perfil = (tmp_path / "perfil").as_uri()
    orden = [legado.soffice(), f"-env:UserInstallation={perfil}", "--headless", "--convert-to", formato]
    subprocess.run([*orden, "--outdir", str(tmp_path), str(presentacion)], capture_output=True, timeout=180)
    ruta = tmp_path / f"{presentacion.stem}.{formato}"
    assert formato_de(ruta) == formato
    informe = extraer_informe(ruta)
    assert informe.archivo == ruta.name and informe.formato == formato
    assert {(o.indicador, o.medida, o.valor, o.pagina) for o in informe.observaciones} == ESPERADAS


def test_sin_impress_dice_que_instalar(tmp_path, monkeypatch):
    ruta = tmp_path / "rendicion.odp"
    with zipfile.ZipFile(ruta, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        z.writestr("content.xml", "<office:document-content/>")
    monkeypatch.setattr(legado, "soffice", lambda: None)
    with pytest.raises(FaltaPrograma) as exc:
        extraer_informe(ruta)
    assert exc.value.archivo == "rendicion.odp"
    assert exc.value.motivo == (
        "las presentaciones OpenDocument (.odp) se convierten con LibreOffice Impress, que no está "
        "instalado (en Debian/Ubuntu: apt-get install libreoffice-impress-nogui)"
    )
    assert exc.value.instalar == "apt-get install libreoffice-impress-nogui"


def test_pptx_no_necesita_libreoffice(presentacion, monkeypatch):
    monkeypatch.setattr(legado, "soffice", lambda: None)
    assert len(extraer_informe(presentacion).observaciones) == len(ESPERADAS)
