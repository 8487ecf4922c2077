"""Table pages read with pdfium (extractor/formatos/pdfium_pagina.py) give
the same tables and lines as pdfplumber's own reading of the page."""

from __future__ import annotations

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractor.formatos import pdf as lector
from extractor.formatos.cribado import cribar
from extractor.formatos.pdfium_pagina import DocumentoPdfium, leer_pagina
from tests.conftest import INFORMES

ARCHIVOS = [
    "girardot_salud_2018.pdf",
    "tulua_personeria_2021.pdf",
    "rionegro_desarrollo_economico_2023.pdf",
    "chiquinquira_agropecuario_2019.pdf",
]


def _forma(items):
    tablas, lineas = items
    return (
        [[(c.fila, c.columna, c.filas_span, c.columnas_span, c.texto, c.negrita) for c in t.celdas] for _, t in tablas],
        [l.texto for l in lineas],
    )


@pytest.mark.parametrize("nombre", ARCHIVOS)
def test_paginas_con_tablas_iguales_a_pdfplumber(nombre):
    ruta = INFORMES / nombre
    cribadas = cribar(ruta)
    doc = pdfium.PdfDocument(str(ruta))
    try:
        with pdfplumber.open(str(ruta)) as pdf:
            for numero, pagina in enumerate(pdf.pages, start=1):
                if not cribadas[numero - 1].con_tablas:
                    continue
                rapida = doc[numero - 1]
                texto = rapida.get_textpage()
                leida = leer_pagina(rapida, texto, lector.AJUSTES_RAYADAS)
                texto.close()
                assert leida is not None
                esperado = lector._elementos_pagina(pagina, numero)
                obtenido = lector._elementos_pagina(pagina, numero, *leida[:3])
                assert _forma(obtenido) == _forma(esperado), (nombre, numero)
                # where each table starts on the page (it orders the blocks): within 2 points
                for (arriba_a, _), (arriba_b, _) in zip(obtenido[0], esperado[0]):
                    assert abs(arriba_a - arriba_b) <= 2.0
    finally:
        doc.close()


def test_documento_pdfium_reabre_el_archivo_cada_tramo_y_da_las_mismas_paginas(monkeypatch):
    """pdfium keeps what it parsed of every page until the document is
    closed: DocumentoPdfium reopens it every `tramo` pages (memory flat with
    the number of pages), closing the previous opening, with the same pages."""
    ruta = INFORMES / "rionegro_desarrollo_economico_2023.pdf"  # 3 pages
    doc = pdfium.PdfDocument(str(ruta))
    esperado = []
    for i in range(len(doc)):
        pagina = doc[i]
        texto = pagina.get_textpage()
        esperado.append(texto.get_text_range())
        texto.close()
        pagina.close()
    doc.close()

    aperturas = []
    abrir = pdfium.PdfDocument

    def contar(*args, **kwargs):
        aperturas.append(abrir(*args, **kwargs))
        return aperturas[-1]

    monkeypatch.setattr(pdfium, "PdfDocument", contar)
    leidos = []
    with DocumentoPdfium(ruta, tramo=2) as rapido:
        assert len(rapido) == 3
        for i in range(len(rapido)):
            pagina = rapido.pagina(i)
            texto = pagina.get_textpage()
            leidos.append(texto.get_text_range())
            texto.close()
            pagina.close()
        assert len(aperturas) == 2  # pages 1-2, then page 3
        assert aperturas[0].raw is None  # the first opening is closed
    assert aperturas[1].raw is None
    assert leidos == esperado


def test_texto_dibujado_a_escala_mide_lo_que_mide_en_pdfplumber(tmp_path):
    """Text drawn with a huge font size and a small matrix (327.68 scaled by
    0.025, as some report generators write headers) is 8 points high in
    pdfium's words too, not 327: the header is not a line of its own that
    spans the whole page."""
    from corpus.generador.generar_derivados import serializar_pdf

    flujo = (
        b"BT /F1 327.68 Tf 0.025 0 0 0.025 100 700 Tm (Compromiso) Tj ET\n"
        b"BT /F1 8 Tf 1 0 0 1 200 700 Tm (Devengado) Tj ET\n"
        b"0 0 m 10 0 l S 0 10 m 10 10 l S 0 0 m 0 10 l S 10 0 m 10 10 l S"
    )
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 5 0 R >>",
        5: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(flujo), flujo),
    }
    ruta = tmp_path / "escala.pdf"
    ruta.write_bytes(serializar_pdf(objetos, [4]))
    doc = pdfium.PdfDocument(str(ruta))
    try:
        pagina = doc[0]
        texto = pagina.get_textpage()
        palabras = leer_pagina(pagina, texto, lector.AJUSTES_RAYADAS).palabras
        texto.close()
    finally:
        doc.close()
    with pdfplumber.open(str(ruta)) as pdf:
        esperadas = pdf.pages[0].extract_words()
    assert [w["text"] for w in palabras] == [w["text"] for w in esperadas] == ["Compromiso", "Devengado"]
    for obtenida, esperada in zip(palabras, esperadas):
        assert obtenida["top"] == pytest.approx(esperada["top"], abs=0.5)
        assert obtenida["bottom"] == pytest.approx(esperada["bottom"], abs=0.5)


# --- pages pdfium used to leave to pdfminer: turned pages, boxes off the
# origin, tables drawn inside form XObjects, text turned a quarter turn ---

FILAS = [
    ["Indicador", "Meta 2023", "Logro 2023", "Avance"],
    ["Niños vacunados", "1.200", "1.150", "95,8%"],
    ["Vías mejoradas (km)", "12,5", "10", "80%"],
    ["Familias atendidas", "340", "352", "103,5%"],
]
XS = [60, 230, 320, 410, 490]


def _tabla(lienzo, arriba: float = 700) -> None:
    from tests.conftest import fila_reglada

    y = arriba
    for fila in FILAS:
        y = fila_reglada(lienzo, XS, y, fila, 22)


def _pdf(ruta, dibujar, ajustar=None):
    """A one-page PDF drawn by reportlab (`dibujar(lienzo)`), its page then
    changed with pypdf (`ajustar(pagina)`: rotation, boxes)."""
    pypdf = pytest.importorskip("pypdf")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    lienzo = canvas.Canvas(str(ruta), pagesize=(612, 792))
    lienzo.setFont("Helvetica", 9)
    dibujar(lienzo)
    lienzo.showPage()
    lienzo.save()
    if ajustar is not None:
        escritor = pypdf.PdfWriter(clone_from=str(ruta))
        ajustar(escritor.pages[0])
        with open(ruta, "wb") as salida:
            escritor.write(salida)
    return ruta


def _en_formulario(lienzo):
    """The table inside a form XObject, placed moved and scaled, the form
    itself drawn from inside another form."""
    lienzo.beginForm("tabla")
    _tabla(lienzo)
    lienzo.endForm()
    lienzo.beginForm("marco")
    lienzo.saveState()
    lienzo.translate(20, -40)
    lienzo.scale(0.9, 0.9)
    lienzo.doForm("tabla")
    lienzo.restoreState()
    lienzo.endForm()
    lienzo.doForm("marco")


def _encabezados_verticales(lienzo):
    """A table whose header cells are written bottom to top (turned a
    quarter turn), as some reports set narrow columns."""
    from tests.conftest import fila_reglada

    y = 700
    for x0, x1, texto in zip(XS, XS[1:], FILAS[0]):
        lienzo.rect(x0, y - 70, x1 - x0, 70)
        lienzo.saveState()
        lienzo.translate(x0 + 14, y - 66)
        lienzo.rotate(90)
        lienzo.drawString(0, 0, texto)
        lienzo.restoreState()
    y -= 70
    for fila in FILAS[1:]:
        y = fila_reglada(lienzo, XS, y, fila, 22)


def _girar(grados):
    return lambda pagina: pagina.rotate(grados)


def _cajas(pagina):
    from pypdf.generic import RectangleObject

    pagina.mediabox = RectangleObject([15, 25, 600, 780])
    pagina.cropbox = RectangleObject([40, 60, 580, 760])


def _girada_y_recortada(pagina):
    _cajas(pagina)
    pagina.rotate(270)


def _landscape(lienzo):
    """A table drawn turned on the sheet, as a landscape page stored
    portrait with /Rotate 90 is: upright once the page is turned."""
    lienzo.translate(612, 0)
    lienzo.rotate(90)
    _tabla(lienzo, arriba=560)


CASOS = {
    "girada_90": (_tabla, _girar(90)),
    "girada_180": (_tabla, _girar(180)),
    "girada_270": (_tabla, _girar(270)),
    "apaisada_90": (_landscape, _girar(90)),
    "cajas_fuera_del_origen": (_tabla, _cajas),
    "girada_y_recortada": (_tabla, _girada_y_recortada),
    "formulario_anidado": (_en_formulario, None),
    "formulario_en_pagina_girada": (_en_formulario, _girar(90)),
    "encabezados_verticales": (_encabezados_verticales, None),
}


def _caja(w):
    return (w["text"], round(w["x0"], 1), round(w["top"], 1), round(w["x1"], 1), round(w["bottom"], 1), w["upright"])


@pytest.mark.parametrize("caso", sorted(CASOS))
def test_pagina_girada_recortada_o_con_formularios_igual_a_pdfplumber(tmp_path, caso):
    """Each of these pages is read by pdfium (not left to pdfminer) and
    gives pdfplumber's words (text, upright, box within a quarter point: the
    descent pdfium knows for Helvetica, a standard font without metrics in
    the file, is 0.15 point deeper than pdfminer's, on a plain page too) and
    its tables and lines."""
    dibujar, ajustar = CASOS[caso]
    ruta = _pdf(tmp_path / f"{caso}.pdf", dibujar, ajustar)
    doc = pdfium.PdfDocument(str(ruta))
    try:
        pagina = doc[0]
        texto = pagina.get_textpage()
        leida = leer_pagina(pagina, texto, lector.AJUSTES_RAYADAS)
        texto.close()
    finally:
        doc.close()
    assert leida is not None, caso
    palabras, ajustes = leida.palabras, leida.ajustes
    with pdfplumber.open(str(ruta)) as pdf:
        pagina = pdf.pages[0]
        esperadas = lector._palabras(pagina)
        assert len(palabras) == len(esperadas)
        for obtenida, esperada in zip(sorted(palabras, key=_caja), sorted(esperadas, key=_caja)):
            assert obtenida["text"] == esperada["text"]
            assert obtenida["upright"] == esperada["upright"]
            for k in ("x0", "x1", "top", "bottom"):
                assert obtenida[k] == pytest.approx(esperada[k], abs=0.25), (caso, esperada["text"], k)
        assert ajustes is not None  # the ruling was found
        obtenido = lector._elementos_pagina(pagina, 1, palabras, ajustes)
        esperado = lector._elementos_pagina(pagina, 1)
    assert _forma(obtenido) == _forma(esperado)
    tablas, _ = obtenido
    assert len(tablas) == 1
    textos = [c.texto for c in tablas[0][1].celdas]
    if caso in ("apaisada_90", "cajas_fuera_del_origen", "formulario_anidado"):  # text upright as shown
        assert {"Niños vacunados", "95,8%", "Familias atendidas"} <= set(textos)


def test_texto_oblicuo_se_deja_a_pdfplumber(tmp_path):
    """Text at an angle that is not a quarter turn (a stamp at 30°) has
    boxes pdfium and pdfminer measure differently: that page is still read
    by pdfplumber."""

    def con_sello(lienzo):
        _tabla(lienzo)
        lienzo.saveState()
        lienzo.translate(300, 300)
        lienzo.rotate(30)
        lienzo.drawString(0, 0, "Recibido")
        lienzo.restoreState()

    ruta = _pdf(tmp_path / "sello.pdf", con_sello)
    doc = pdfium.PdfDocument(str(ruta))
    try:
        pagina = doc[0]
        texto = pagina.get_textpage()
        assert leer_pagina(pagina, texto, lector.AJUSTES_RAYADAS) is None
        texto.close()
    finally:
        doc.close()


@pytest.mark.parametrize("nombre", ["girardot_salud_2018.pdf", "tulua_personeria_2021.pdf"])
def test_texto_de_un_tramo_en_una_llamada_igual_al_de_pypdfium2(nombre):
    """cribado._texto_en (one call to pdfium) gives get_text_bounded's text
    for every text run of the page and for the whole page, accents and
    all; with a buffer too short for the text it falls back to it."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    from extractor.formatos.cribado import _texto_en

    doc = pdfium.PdfDocument(str(INFORMES / nombre))
    try:
        pagina = doc[0]
        texto = pagina.get_textpage()
        grande = (ctypes.c_ushort * (4 * pdfium_c.FPDFText_CountChars(texto.raw) + 16))()
        corto = (ctypes.c_ushort * 2)()
        cajas = [texto.get_rect(i) for i in range(texto.count_rects())] + [pagina.get_bbox()]
        assert len(cajas) > 10
        for caja in cajas:
            esperado = texto.get_text_bounded(*caja)
            assert _texto_en(texto, grande, *caja) == esperado
            assert _texto_en(texto, corto, *caja) == esperado
        assert any(not t.isascii() for t in (texto.get_text_bounded(*c) for c in cajas))
        texto.close()
        pagina.close()
    finally:
        doc.close()


def test_las_paginas_que_lee_pdfium_no_pasan_por_pdfminer(monkeypatch):
    """A page pdfium reads is never parsed again by pdfminer (through
    pdfplumber's `objects`): that parse costs more than the whole reading.
    Pages with one rule down or across (no ruled table, but maybe cards
    parted by rules) used to be parsed only to get their rules down."""
    parseadas = []
    original = pdfplumber.page.Page.parse_objects

    def espia(pagina):
        parseadas.append(pagina.page_number)
        return original(pagina)

    monkeypatch.setattr(pdfplumber.page.Page, "parse_objects", espia)
    for nombre in ("sogamoso_educacion_2019.pdf", "girardot_salud_2018.pdf", "duitama_planeacion_2022.pdf"):
        documento = lector.leer_pdf(INFORMES / nombre, "0" * 64)
        assert documento.tablas, nombre
        assert parseadas == [], (nombre, parseadas)
