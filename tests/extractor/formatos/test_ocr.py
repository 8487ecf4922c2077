"""Scanned PDFs: pages without a text layer are read by OCR (Tesseract,
Spanish) into the same document model.

The corpus holds a scanned copy of one report
(`villavicencio_hacienda_2022_escaneado.pdf`, made by
corpus/generador/generar_derivados.py: rendered at 200 dpi, turned 0.35°, noise and
specks); it must score F1 ≥ 0.95 against the report's gold. OCR results are
cached by the file's SHA-256: loading again does not run Tesseract.
Without Tesseract these tests are skipped, except in CI (env CI set), which
installs it (.ci/run)."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import asdict
from pathlib import Path

import pytest
import yaml

from extractor import ErrorLectura, extraer_informe, leer_documento
from extractor.formatos import ocr
from extractor.formatos.cribado import cribar
from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
from pipelines import normalizar
from pipelines.evaluacion.evaluar import comparar, fila_de_observacion, leer_gold
from pipelines.validacion import validar
from tests.conftest import GOLD, INFORMES

ESCANEADO = INFORMES / "villavicencio_hacienda_2022_escaneado.pdf"
TEXTO = INFORMES / "villavicencio_hacienda_2022.pdf"  # the same report with its text layer
OTRO = INFORMES / "barrancabermeja_prensa_2019.pdf"  # one page with a text layer

requiere_tesseract = pytest.mark.skipif(
    ocr.falta_tesseract() is not None and not os.environ.get("CI"),
    reason=f"sin OCR: {ocr.falta_tesseract()}",
)


def _f1(informe, gold: Path) -> float:
    return comparar(informe.archivo, [fila_de_observacion(o) for o in informe.observaciones], leer_gold(gold)).f1


@pytest.fixture(scope="module")
def escaneado():
    return extraer_informe(ESCANEADO)


# ------------------------------------------------------------ the corpus copy


@requiere_tesseract
def test_el_informe_escaneado_del_corpus_tiene_f1_de_al_menos_095(escaneado):
    assert _f1(escaneado, GOLD / "villavicencio_hacienda_2022_escaneado.gold.csv") >= 0.95
    # the copy's gold is the report's gold
    assert leer_gold(GOLD / "villavicencio_hacienda_2022_escaneado.gold.csv") == leer_gold(
        GOLD / "villavicencio_hacienda_2022.gold.csv"
    )


@requiere_tesseract
def test_metadatos_del_informe_escaneado(escaneado):
    esperado = yaml.safe_load((GOLD / "villavicencio_hacienda_2022_escaneado.meta.yaml").read_text("utf-8"))
    for campo, valor in esperado.items():
        assert normalizar(str(getattr(escaneado.metadatos, campo))) == normalizar(str(valor)), campo


@requiere_tesseract
def test_cifras_ocr_guardan_pagina_recuadro_y_confianza(escaneado):
    assert escaneado.formato == "pdf" and escaneado.archivo == ESCANEADO.name
    texto = {(o.indicador, o.medida): o for o in extraer_informe(TEXTO).observaciones}
    for o in escaneado.observaciones:
        assert o.pagina == 1 and o.tabla == 1
        assert o.confianza_ocr is not None and 0 < o.confianza_ocr <= 1
        assert o.confianza <= o.confianza_ocr
        x0, top, x1, bottom = o.bbox
        assert 0 <= x0 < x1 <= 612 and 0 <= top < bottom <= 792
        par = texto.get((o.indicador.replace("INVERSION", "INVERSIÓN"), o.medida))
        if par is not None:  # the box of the OCR'd cell is where the text-layer cell is
            assert abs(par.bbox[0] - x0) < 4 and abs(par.bbox[1] - top) < 4


@requiere_tesseract
def test_pagina_escaneada_sin_capa_de_texto():
    paginas = cribar(ESCANEADO)
    assert [p.escaneada for p in paginas] == [True]
    assert not any(p.escaneada for p in cribar(TEXTO))


# ------------------------------------------------------------ cache


@requiere_tesseract
def test_la_cache_evita_volver_a_pasar_el_ocr(tmp_path, monkeypatch):
    monkeypatch.setenv("INFORMES_CACHE", str(tmp_path / "cache"))
    ruta = shutil.copy(ESCANEADO, tmp_path / "copia.pdf")
    llamadas = []
    original = ocr._tesseract

    def contar(*args, **kwargs):
        llamadas.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(ocr, "_tesseract", contar)
    primera = extraer_informe(ruta)
    assert len(llamadas) == 1  # one page
    entradas = list((tmp_path / "cache" / "ocr").rglob("*.json"))
    assert len(entradas) == 1 and primera.sha256 in str(entradas[0])
    assert json.loads(entradas[0].read_text("utf-8"))["palabras"]
    segunda = extraer_informe(ruta)
    assert len(llamadas) == 1, "la segunda carga volvió a llamar a Tesseract"
    assert [asdict(o) for o in segunda.observaciones] == [asdict(o) for o in primera.observaciones]
    # a damaged entry is recognised again, not trusted
    entradas[0].write_text("{", encoding="utf-8")
    assert [asdict(o) for o in extraer_informe(ruta).observaciones] == [asdict(o) for o in primera.observaciones]
    assert len(llamadas) == 2


def test_carpeta_de_la_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("INFORMES_CACHE", str(tmp_path / "x"))
    assert ocr.carpeta_cache() == tmp_path / "x" / "ocr"
    monkeypatch.delenv("INFORMES_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert ocr.carpeta_cache() == tmp_path / "xdg" / "informes" / "ocr"


# ------------------------------------------------------------ mixed and missing


def _mixto(destino: Path) -> Path:
    """Page 1 with a text layer, page 2 scanned."""
    pypdf = pytest.importorskip("pypdf")
    escritor = pypdf.PdfWriter()
    for origen in (OTRO, ESCANEADO):
        escritor.add_page(pypdf.PdfReader(str(origen)).pages[0])
    with open(destino, "wb") as f:
        escritor.write(f)
    return destino


@requiere_tesseract
def test_pdf_mixto_cada_pagina_por_su_camino(tmp_path):
    ruta = _mixto(tmp_path / "mixto.pdf")
    assert [p.escaneada for p in cribar(ruta)] == [False, True]
    informe = extraer_informe(ruta)
    por_pagina = {1: [], 2: []}
    for o in informe.observaciones:
        if o.tabla is not None:
            por_pagina[o.pagina].append(o)
    assert len(por_pagina[1]) >= 40 and len(por_pagina[2]) >= 50  # page 2: 13 rows of 4 amounts
    assert all(o.confianza_ocr is None for o in por_pagina[1])
    assert all(o.confianza_ocr is not None for o in por_pagina[2])


def test_sin_tesseract_el_pdf_escaneado_dice_que_instalar(monkeypatch, tmp_path):
    monkeypatch.setenv("INFORMES_CACHE", str(tmp_path / "vacia"))
    motivo = "Tesseract no está instalado (en Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-spa)"
    monkeypatch.setattr(ocr, "falta_tesseract", lambda: motivo)
    with pytest.raises(ErrorLectura) as exc:
        extraer_informe(ESCANEADO)
    assert exc.value.motivo == f"el PDF no tiene capa de texto (parece escaneado): necesita OCR y {motivo}"
    # a mixed PDF: the text page is read, the scanned one is reported
    doc = leer_documento(_mixto(tmp_path / "mixto.pdf"))
    assert doc.tablas and all(t.paginas == [1] for t in doc.tablas)
    assert [(o.pagina, o.motivo) for o in doc.omisiones] == [
        (2, f"página escaneada sin capa de texto que no se leyó: {motivo}")
    ]


# ------------------------------------------------------------ the image


def _rejilla():
    """A 300 dpi page image: a ruled table of 4 rows and 3 columns whose
    middle row merges columns 2 and 3, with letter-like strokes in the cells
    (stems and bars that are not rules)."""
    from PIL import Image, ImageDraw

    imagen = Image.new("L", (2550, 3300), 255)
    d = ImageDraw.Draw(imagen)
    xs, ys = [300, 1000, 1600, 2200], [600, 700, 800, 900, 1000]
    for y in ys:
        d.rectangle((xs[0], y, xs[-1], y + 2), fill=0)
    for i, x in enumerate(xs):
        for r in range(4):
            if i == 2 and r == 2:
                continue  # merged cell: no rule here
            d.rectangle((x, ys[r], x + 2, ys[r + 1] + 2), fill=0)
    for r in range(4):
        for k in range(3):  # "l" stems and "T" bars inside each cell
            x0, y0 = xs[k] + 40, ys[r] + 25
            d.rectangle((x0, y0, x0 + 5, y0 + 45), fill=0)
            d.rectangle((x0 + 40, y0, x0 + 90, y0 + 5), fill=0)
    return imagen


def test_reglas_de_la_imagen():
    _, horizontales, verticales, angulo = ocr.preparar(_rejilla(), 300)
    assert angulo == 0.0
    pt = 72 / 300
    niveles = sorted({round(y) for _, _, y in horizontales})
    assert niveles == [round((y + 1.5) * pt) for y in (600, 700, 800, 900, 1000)]
    assert all(abs(x0 - 300 * pt) < 2 and abs(x1 - 2203 * pt) < 2 for x0, x1, _ in horizontales)
    columnas = sorted({round(x) for x, _, _ in verticales})
    assert columnas == [round((x + 1.5) * pt) for x in (300, 1000, 1600, 2200)]  # no letter stem is a rule
    en_la_tercera = [(top, bottom) for x, top, bottom in verticales if round(x) == round(1601.5 * pt)]
    assert not any(top < 850 * pt < bottom for top, bottom in en_la_tercera)  # the merged cell stays merged


def test_pagina_girada_se_endereza():
    imagen = _rejilla().rotate(0.6, fillcolor=255)
    _, horizontales, _, angulo = ocr.preparar(imagen, 300)
    assert abs(angulo + 0.6) <= 0.1
    assert len({round(y) for _, _, y in horizontales}) == 5


def test_palabras_de_tesseract_en_puntos():
    tsv = "\n".join(
        [
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
            "4\t1\t1\t1\t1\t0\t300\t600\t900\t50\t-1\t",
            "5\t1\t1\t1\t1\t1\t300\t610\t200\t40\t96.5\tTotal",
            "5\t1\t1\t1\t1\t2\t600\t620\t250\t30\t41.0\t1.234.567",
            "5\t1\t1\t1\t1\t3\t900\t620\t10\t30\t30.0\t:",
            "5\t1\t1\t1\t1\t4\t950\t620\t10\t30\t20.0\tx",
            "5\t1\t1\t1\t1\t5\t990\t620\t30\t30\t88.0\t|",
        ]
    )
    palabras = ocr.palabras_de_tsv(tsv, 300)
    assert [w["text"] for w in palabras] == ["Total", "1.234.567"]  # specks and rule remains dropped
    total, cifra = palabras
    assert total["x0"] == 72.0 and total["top"] == cifra["top"] == 144.0 and total["bottom"] == 156.0
    assert cifra["conf"] == 0.41


# ------------------------------------------------------------ the finding


def test_cifra_ocr_dudosa_da_un_hallazgo():
    def obs(confianza_ocr):
        return Observacion(
            indicador="Pagos",
            medida="pagos",
            valor=1234567.0,
            valor_texto="1.234.567",
            unidad="pesos",
            confianza_ocr=confianza_ocr,
            pagina=3,
            tabla=1,
            fila=2,
            columna=3,
        )

    informe = InformeExtraido(
        archivo="x.pdf",
        sha256="0" * 64,
        formato="pdf",
        paginas=3,
        metadatos=MetadatosInforme(),
        observaciones=[obs(0.41), obs(0.93), obs(None)],
    )
    hallazgos = [h for h in validar(informe) if h.regla == "cifra_ocr_dudosa"]
    assert [(h.observaciones, h.severidad) for h in hallazgos] == [((0,), "advertencia")]
    assert "leyó «1.234.567» con confianza 41 %" in hallazgos[0].mensaje
    assert "(p. 3)" in hallazgos[0].mensaje


# ------------------------------------------------------------ a page scanned on its side

FILAS_DE_LADO = [
    ("Mujeres capacitadas en emprendimiento", "200", "231", "115,5%"),
    ("Eventos de memoria histórica realizados", "2", "2", "100,0%"),
    ("Huertas comunitarias implementadas", "15", "9", "60,0%"),
    ("Personas atendidas en la ruta de atención", "40", "46", "115,0%"),
]


def _escaneo_de_lado(destino: Path) -> Path:
    """A 200 dpi scan (image only) of a landscape table page fed on its side:
    a ruled table with small figures centred in their cells, the page image
    turned 90° so that its text runs upwards."""
    from PIL import Image, ImageDraw, ImageFont

    fuentes = Path("/usr/share/fonts/truetype/dejavu")
    if not (fuentes / "DejaVuSans.ttf").exists():
        pytest.skip("sin la fuente DejaVu Sans")
    texto = ImageFont.truetype(str(fuentes / "DejaVuSans.ttf"), 26)
    titulo = ImageFont.truetype(str(fuentes / "DejaVuSans-Bold.ttf"), 30)
    imagen = Image.new("L", (2200, 1700), 255)
    d = ImageDraw.Draw(imagen)
    d.text((160, 150), "Informe de gestión vigencia 2024 - Secretaría de Desarrollo Social", font=titulo, fill=0)
    xs, alto, y0 = [160, 1100, 1400, 1700, 2000], 60, 260
    filas = [("Indicador", "Meta 2024", "Ejecutado 2024", "% avance"), *FILAS_DE_LADO]
    for r, fila in enumerate(filas):
        top = y0 + r * alto
        d.line((xs[0], top, xs[-1], top), fill=0, width=3)
        for k, valor in enumerate(fila):
            caja = d.textbbox((0, 0), valor, font=texto)
            ancho = caja[2] - caja[0]
            x = xs[k] + 15 if k == 0 else (xs[k] + xs[k + 1] - ancho) // 2  # figures centred
            d.text((x, top + 15), valor, font=texto, fill=0)
    fondo = y0 + len(filas) * alto
    d.line((xs[0], fondo, xs[-1], fondo), fill=0, width=3)
    for x in xs:
        d.line((x, y0, x, fondo), fill=0, width=3)
    imagen.rotate(90, expand=True).save(destino, resolution=200)
    return destino


@requiere_tesseract
def test_pagina_escaneada_de_lado_se_lee_girada(tmp_path):
    """Tesseract's orientation detection turns the page a quarter turn
    before straightening it: the figures of the table are read (read as
    it lies, the page gives letters in columns and no figure)."""
    informe = extraer_informe(_escaneo_de_lado(tmp_path / "desarrollo_social_2024_escaneado.pdf"))
    leidas = {(o.indicador, o.medida): o.valor for o in informe.observaciones}
    for nombre, meta, ejecutado, _ in FILAS_DE_LADO:
        assert leidas.get((nombre, "meta")) == float(meta), (nombre, leidas)
        assert leidas.get((nombre, "ejecutado")) == float(ejecutado), (nombre, leidas)
    assert leidas.get(("Mujeres capacitadas en emprendimiento", "avance_porcentual")) == 115.5
    pagina = ocr.LectorOcr(tmp_path / "desarrollo_social_2024_escaneado.pdf", informe.sha256).leer([1])[1]
    assert abs(pagina.angulo - 270) <= 0.5  # a quarter turn clockwise, as PIL counts it


@requiere_tesseract
def test_cifra_dudosa_se_relee_sola():
    """A figure Tesseract was unsure of is read again from its box alone:
    the figure printed on the page replaces the misreading; a sure word and
    a word of letters are left as they were."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    fuente = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not fuente.exists():
        pytest.skip("sin la fuente DejaVu Sans")
    imagen = Image.new("L", (1200, 300), 255)
    d = ImageDraw.Draw(imagen)
    d.text((100, 100), "14.870.233.190,42", font=ImageFont.truetype(str(fuente), 42), fill=0)
    caja = d.textbbox((100, 100), "14.870.233.190,42", font=ImageFont.truetype(str(fuente), 42))
    pgm = io.BytesIO()
    imagen.save(pgm, "PPM")
    pt = 72 / 300

    def palabra(texto, conf):
        return {
            "text": texto,
            "x0": caja[0] * pt,
            "x1": caja[2] * pt,
            "top": caja[1] * pt,
            "bottom": caja[3] * pt,
            "fontname": "",
            "conf": conf,
        }

    dudosa, segura, letras = palabra("14.870733190,42", 0.23), palabra("14.870733190,42", 0.9), palabra("Total", 0.2)
    releidas = ocr._releer([dudosa, segura, letras], pgm.getvalue(), 300)
    assert releidas[0]["text"] == "14.870.233.190,42" and releidas[0]["conf"] > 0.6
    assert releidas[1:] == [segura, letras]

    # a lone unsure digit is kept for reading again (not dropped as a speck); on blank paper it goes
    tsv = "\t".join(["5", "1", "1", "1", "1", "1", "900", "200", "20", "30", "43.0", "1"])
    (digito,) = ocr.palabras_de_tsv("cabecera\n" + tsv, 300)
    assert ocr._releer([digito, segura], pgm.getvalue(), 300) == [segura]


@requiere_tesseract
def test_tesseract_en_el_proceso_lee_lo_mismo_que_el_programa(monkeypatch):
    """The page of the corpus's scan, its orientation check and a figure read
    again alone: libtesseract inside this process (tesseract_api) gives the
    very text of the `tesseract` program."""

    import pypdfium2 as pdfium

    from extractor.formatos import tesseract_api

    if not tesseract_api.disponible():
        pytest.skip("libtesseract no se puede cargar: el lector usa el programa")
    pdf = pdfium.PdfDocument(str(ESCANEADO))
    try:
        imagen = pdf[0].render(scale=ocr.DPI / 72.0, grayscale=True).to_pil()
    finally:
        pdf.close()
    pgm, *_ = ocr.preparar(imagen, ocr.DPI)
    pixeles = ocr._enderezar(imagen.convert("L"), ocr.DPI, 0).gris  # the same image, as the reader hands it over
    assert ocr._pgm(pixeles) == pgm
    recorte = imagen.convert("L").crop((300, 400, 900, 480))
    en_proceso = (
        ocr._tesseract(pgm, ocr.DPI),
        ocr._tesseract(pixeles, ocr.DPI),
        ocr._osd(imagen, ocr.DPI),
        ocr._lineas_de_cifras([recorte], 600),
    )
    monkeypatch.setattr(tesseract_api, "disponible", lambda: False)
    programa = ocr._tesseract(pgm, ocr.DPI), ocr._osd(imagen, ocr.DPI), ocr._lineas_de_cifras([recorte], 600)
    assert en_proceso[0] == en_proceso[1] == programa[0]  # the PGM bytes decoded, or the pixels as they are
    assert en_proceso[2:] == programa[1:]
    assert len(ocr.palabras_de_tsv(en_proceso[0], ocr.DPI)) > 100 and en_proceso[2][0] == 0


# ------------------------------------------------------------ the orientation check only when needed


@pytest.fixture(scope="module")
def pagina_200():
    """The corpus's scan rendered at 200 dpi (grey)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(ESCANEADO))
    try:
        return pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L")
    finally:
        pdf.close()


def _leida_con_orientacion_primero(imagen, dpi: int) -> ocr.PaginaOcr:
    """What the reader gave when it checked every page's orientation first."""
    pgm, h, v, angulo = ocr.preparar(imagen, dpi)
    palabras = ocr._releer_celdas(ocr.palabras_de_tsv(ocr._tesseract(pgm, dpi), dpi), pgm, h, v, dpi)
    return ocr.PaginaOcr(ocr._releer(palabras, pgm, dpi), h, v, angulo)


def _sin_segundos(pagina: ocr.PaginaOcr) -> dict:
    datos = asdict(pagina)
    datos.pop("segundos")
    return datos


@requiere_tesseract
def test_lectura_de_la_pagina_derecha_o_girada(pagina_200):
    """A page read as it lies is upright text (`_derecha`) only when it is
    upright: the scan turned a quarter turn either way or upside down,
    read as it lies, is not (Tesseract is unsure of its letters and few of
    them make Spanish words)."""
    from PIL import Image

    def derecha(imagen) -> bool:
        preparada = ocr._enderezar(imagen, 200, 0)
        return ocr._derecha(ocr.palabras_de_tsv(ocr._tesseract(preparada.gris, 200), 200))

    assert derecha(pagina_200)
    for giro in (Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270):
        assert not derecha(pagina_200.transpose(giro)), giro
    frase = "Total ejecutado de la meta del programa en el periodo: recursos de inversión del municipio (2.450)"
    palabras = [{"text": t, "conf": 0.96} for t in frase.split() * 2]
    assert ocr._derecha(palabras)
    assert not ocr._derecha(palabras[:16])  # too few words to tell
    assert not ocr._derecha([{**w, "conf": 0.6} for w in palabras])  # unsure
    assert not ocr._derecha([{**w, "text": w["text"][::-1]} for w in palabras])  # not Spanish words


@requiere_tesseract
def test_la_orientacion_solo_se_pregunta_si_la_pagina_no_se_lee_derecha(pagina_200, monkeypatch):
    """An upright page is read without Tesseract's orientation check; the
    same page upside down is read as it lies, then checked, turned and read
    again. Both give what checking first gave (words, rules, angle)."""
    from PIL import Image

    consultas = []
    original = ocr._osd

    def osd(*args):
        consultas.append(1)
        return original(*args)

    monkeypatch.setattr(ocr, "_osd", osd)
    lector = ocr.LectorOcr(ESCANEADO, "0" * 64)
    derecha = lector._leer_pagina(pagina_200, 200)
    assert consultas == [] and derecha.angulo == -0.35
    assert _sin_segundos(derecha) == _sin_segundos(_leida_con_orientacion_primero(pagina_200, 200))

    del consultas[:]
    al_reves = pagina_200.transpose(Image.Transpose.ROTATE_180)
    girada = lector._leer_pagina(al_reves, 200)
    assert consultas == [1] and girada.angulo == 179.65
    assert _sin_segundos(girada) == _sin_segundos(_leida_con_orientacion_primero(al_reves, 200))
    assert [w["text"] for w in girada.palabras] == [w["text"] for w in derecha.palabras]


# ------------------------------------------------------------ a quarterly follow-up: skewed page, table on its side

TRIMESTRAL_P1 = [
    ("Niños vacunados con esquema completo", "Número", "2.400", ["580", "610", "633", "597"], "2.420", "100,8 %"),
    ("Visitas de vigilancia sanitaria realizadas", "Número", "320", ["72", "85", "90", "61"], "308", "96,3 %"),
]
TRIMESTRAL_P2 = [
    ("Gestantes con control prenatal oportuno", "Número", "450", ["0", "140", "152", "121"], "413", "91,8 %"),
    ("Brigadas de salud rural ejecutadas", "Número", "24", ["5", "7", "6", "6"], "24", "100,0 %"),
    (
        "Porcentaje de IPS con auditoría de calidad",
        "Porcentaje",
        "90,0",
        ["85,5", "88,0", "91,5", "93,0"],
        "89,5",
        "99,4 %",
    ),
]
CABECERA_TRIMESTRAL = [
    "Indicador",
    "Unidad",
    "Meta\n2023",
    "Trim. I",
    "Trim. II",
    "Trim. III",
    "Trim. IV",
    "Total\n2023",
    "%\navance",
]


def _tabla_en_imagen(d, x0: int, y: int, anchos: list[int], filas: list[list[str]], fuente, negrita) -> int:
    """A ruled table drawn on a page image, the header row (two lines) in
    bold on grey; figures to the right of their cells. The y below the
    table."""
    xs = [x0]
    for a in anchos:
        xs.append(xs[-1] + a)
    altos = [90] + [60] * (len(filas) - 1)
    d.rectangle((xs[0], y, xs[-1], y + altos[0]), fill=215)
    arriba = y
    for r, (fila, alto) in enumerate(zip(filas, altos)):
        for k, valor in enumerate(fila):
            if r == 0:
                caja = d.multiline_textbbox((0, 0), valor, font=negrita, align="center")
                x = (xs[k] + xs[k + 1] - (caja[2] - caja[0])) / 2
                d.multiline_text((x, y + (alto - (caja[3] - caja[1])) / 2), valor, font=negrita, fill=0, align="center")
                continue
            ancho = d.textlength(valor, font=fuente)
            x = xs[k] + 12 if k == 0 else xs[k + 1] - 12 - ancho
            d.text((x, y + 16), valor, font=fuente, fill=0)
        d.line((xs[0], y, xs[-1], y), fill=0, width=3)
        y += alto
    d.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for x in xs:
        d.line((x, arriba, x, y), fill=0, width=3)
    return y


def _degradar(imagen, angulo: float, semilla: int):
    """A scanner's copy: turned a little, specks, blur, JPEG."""
    import io
    import random

    from PIL import Image, ImageFilter

    azar = random.Random(semilla)
    imagen = imagen.rotate(angulo, resample=Image.BICUBIC, fillcolor=255)
    puntos = imagen.load()
    for _ in range(int(imagen.width * imagen.height * 0.001)):
        puntos[azar.randrange(imagen.width), azar.randrange(imagen.height)] = azar.choice((0, 90, 160))
    imagen = imagen.filter(ImageFilter.GaussianBlur(0.5))
    jpeg = io.BytesIO()
    imagen.convert("RGB").save(jpeg, "JPEG", quality=60)
    return Image.open(io.BytesIO(jpeg.getvalue())).convert("RGB")


def _escaneo_trimestral(destino: Path) -> Path:
    """A two-page 200 dpi scan (image only): page 1 portrait, turned 1.2°;
    page 2 a landscape table turned a quarter turn clockwise onto a
    portrait page, turned -1° more. Headers "Trim. I".."Trim. IV" in bold
    sans-serif, where "I" and "l" are the same glyph."""
    from PIL import Image, ImageDraw, ImageFont

    fuentes = Path("/usr/share/fonts/truetype/dejavu")
    if not (fuentes / "DejaVuSansCondensed-Bold.ttf").exists():
        pytest.skip("sin la fuente DejaVu Sans Condensed")
    # a condensed face: Tesseract's orientation detection is unsure of the table on its side
    fuente = ImageFont.truetype(str(fuentes / "DejaVuSansCondensed.ttf"), 22)
    negrita = ImageFont.truetype(str(fuentes / "DejaVuSansCondensed-Bold.ttf"), 22)
    titulo = ImageFont.truetype(str(fuentes / "DejaVuSansCondensed-Bold.ttf"), 28)

    def filas(datos):
        return [CABECERA_TRIMESTRAL] + [[n, u, m, *t, total, avance] for n, u, m, t, total, avance in datos]

    hoja = Image.new("L", (1700, 2200), 255)
    d = ImageDraw.Draw(hoja)
    d.text((110, 140), "E.S.E. HOSPITAL MUNICIPAL DE VILLA DEL ROBLE", font=titulo, fill=0)
    d.text((110, 200), "Informe de avance trimestral de metas en salud pública - año 2023", font=fuente, fill=0)
    _tabla_en_imagen(d, 60, 300, [520, 150, 120, 120, 120, 120, 120, 140, 150], filas(TRIMESTRAL_P1), fuente, negrita)
    primera = _degradar(hoja, 1.2, 31)

    apaisada = Image.new("L", (2200, 1700), 255)
    d = ImageDraw.Draw(apaisada)
    d.text(
        (120, 140),
        "Informe de avance trimestral de metas en salud pública - año 2023 (continuación)",
        font=titulo,
        fill=0,
    )
    _tabla_en_imagen(d, 120, 260, [700, 170, 150, 150, 150, 150, 150, 170, 170], filas(TRIMESTRAL_P2), fuente, negrita)
    segunda = _degradar(apaisada.rotate(-90, expand=True), -1.0, 32)
    primera.save(destino, "PDF", resolution=200, save_all=True, append_images=[segunda])
    return destino


@requiere_tesseract
def test_seguimiento_trimestral_escaneado_con_tabla_de_lado(tmp_path):
    """The skewed portrait page and the landscape table turned onto a
    portrait page are both read: the sideways page is found by its ink
    (its columns of text are sharper than its rows) although Tesseract's
    orientation detection is unsure of a noisy table, and the quarter
    columns are quarters even when OCR reads "Trim. I" as "Trim. l"."""
    from datetime import date

    from extractor.castellano.numeros import leer_numero

    ruta = _escaneo_trimestral(tmp_path / "villadelroble_salud_seguimiento_trimestral_2023_escaneado.pdf")
    informe = extraer_informe(ruta)
    leidas = {
        (o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): (o.valor, o.pagina) for o in informe.observaciones
    }
    trimestres = [
        (date(2023, 1, 1), date(2023, 3, 31)),
        (date(2023, 4, 1), date(2023, 6, 30)),
        (date(2023, 7, 1), date(2023, 9, 30)),
        (date(2023, 10, 1), date(2023, 12, 31)),
    ]
    anio = (date(2023, 1, 1), date(2023, 12, 31))
    for pagina, datos in ((1, TRIMESTRAL_P1), (2, TRIMESTRAL_P2)):
        for nombre, _, meta, por_trimestre, total, avance in datos:
            assert leidas.get((nombre, "meta", *anio)) == (leer_numero(meta).valor, pagina), (nombre, leidas)
            for (inicio, fin), valor in zip(trimestres, por_trimestre):
                assert leidas.get((nombre, "ejecutado", inicio, fin)) == (leer_numero(valor).valor, pagina), (
                    nombre,
                    inicio,
                )
            assert leidas.get((nombre, "avance_porcentual", *anio)) == (leer_numero(avance).valor, pagina), nombre
    pagina = ocr.LectorOcr(ruta, informe.sha256).leer([2])[2]
    assert abs(pagina.angulo - 91) <= 0.6  # a quarter turn back, and the skew


def test_pagina_de_lado_por_su_tinta():
    """Lines of text make a sharp profile across the rows; on a page fed on
    its side the sharp profile is across the columns, whichever way it was
    turned and with a small skew. A blank page is not on its side."""
    import random

    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    fuente = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not fuente.exists():
        pytest.skip("sin la fuente DejaVu Sans")
    letra = ImageFont.truetype(str(fuente), 24)
    hoja = Image.new("L", (1700, 2200), 255)
    d = ImageDraw.Draw(hoja)
    palabras = (
        "hogares atendidos por la estrategia de convivencia en barrios y veredas del municipio "
        "durante el segundo semestre con apoyo de la secretaría 1.240 de 2.500 personas"
    ).split()
    azar = random.Random(7)
    for r in range(30):
        linea = " ".join(azar.choice(palabras) for _ in range(azar.randint(6, 11)))
        d.text((120 + azar.randint(0, 60), 150 + 60 * r), linea, font=letra, fill=0)

    def de_lado(imagen) -> bool:
        return ocr._de_lado(np.asarray(imagen) < 128)

    assert not de_lado(hoja) and not de_lado(hoja.rotate(1.4, fillcolor=255))
    assert de_lado(hoja.rotate(90, expand=True)) and de_lado(hoja.rotate(-90, expand=True).rotate(-1.2, fillcolor=255))
    assert not de_lado(Image.new("L", (1700, 2200), 255))


def test_mediana_3x3_da_los_pixeles_del_filtro_de_pil():
    """The specks filter (`_mediana3`, columns sorted once) gives the very
    pixels of PIL's MedianFilter(3), edges included, on noise and on a page
    of text."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter

    ruido = np.random.default_rng(7).integers(0, 256, (301, 257), dtype=np.uint8)
    ruido[::9] = 255
    pagina = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(pagina).text((10, 40), "Meta 2023: 14.870,42 — 99,4 %", fill=0)
    for gris in (ruido, np.asarray(pagina), ruido[:2, :5], ruido[:1, :1]):
        esperado = np.asarray(Image.fromarray(gris).filter(ImageFilter.MedianFilter(3)))
        assert np.array_equal(ocr._mediana3(gris), esperado)


def test_trazos_delgados_y_reduccion_por_bloques():
    """`_delgada` (windows doubled in length) keeps exactly the ink whose
    run along the axis is at most `grosor` pixels, counted run by run; the
    reduced image for the rules (`_reducir`) marks a block as ink when any
    of its pixels is, as numpy's any over the blocks does."""
    import numpy as np

    def por_corridas(tinta, grosor: int, eje: int):
        salida = np.zeros_like(tinta)
        filas = tinta if eje == 1 else tinta.T
        destino = salida if eje == 1 else salida.T
        for r, fila in enumerate(filas):
            x = 0
            while x < len(fila):
                if not fila[x]:
                    x += 1
                    continue
                fin = x
                while fin < len(fila) and fila[fin]:
                    fin += 1
                destino[r, x:fin] = fin - x <= grosor
                x = fin
        return salida

    azar = np.random.default_rng(11)
    for forma in [(1, 1), (7, 3), (40, 33), (13, 13)]:
        for densidad in (0.3, 0.8, 0.97):
            tinta = azar.random(forma) < densidad
            for grosor in range(1, 15):
                for eje in (0, 1):
                    assert np.array_equal(ocr._delgada(tinta, grosor, eje), por_corridas(tinta, grosor, eje))
            for paso in (1, 2, 3):
                alto, ancho = (forma[0] // paso) * paso, (forma[1] // paso) * paso
                if alto and ancho:
                    bloques = tinta[:alto, :ancho].reshape(alto // paso, paso, ancho // paso, paso).any(axis=(1, 3))
                    assert np.array_equal(ocr._reducir(tinta[:alto, :ancho], paso), bloques)


@requiere_tesseract
def test_celda_dudosa_se_relee_sola():
    """A header cell Tesseract could hardly read on the page (its two lines
    run together: "So jun-2028", confidence 0) is cut from the image inside
    its rules and read alone: its words come back, in page points; the
    other cells keep their words, and a page without doubtful words is
    returned as it was."""
    from PIL import Image, ImageDraw, ImageFont

    fuentes = Path("/usr/share/fonts/truetype/dejavu")
    if not (fuentes / "DejaVuSans-Bold.ttf").exists():
        pytest.skip("sin la fuente DejaVu Sans")
    fuente = ImageFont.truetype(str(fuentes / "DejaVuSans.ttf"), 26)
    negrita = ImageFont.truetype(str(fuentes / "DejaVuSans-Bold.ttf"), 26)
    hoja = Image.new("L", (2400, 1200), 255)
    filas = [["Indicador", "Meta 2025", "Ejecutado a\n30-jun-2025"], ["Consejos de seguridad", "12", "6"]]
    _tabla_en_imagen(ImageDraw.Draw(hoja), 100, 200, [900, 300, 360], filas, fuente, negrita)
    preparada = ocr._enderezar(hoja, 300, 0)

    def celdas_de(p):
        return p.gris, p.horizontales, p.verticales, 300

    palabras = ocr.palabras_de_tsv(ocr._tesseract(preparada.gris, 300), 300)
    pt = 72 / 300
    x0, x1 = 1300 * pt, 1660 * pt  # the third column, in points
    en_la_celda = [w for w in palabras if x0 < w["x0"] < x1 and w["top"] < 290 * pt]
    assert ocr._releer_celdas(palabras, *celdas_de(preparada)) is palabras  # nothing doubtful: untouched
    borrosa = {**en_la_celda[0], "text": "So", "conf": 0.0}
    estropeadas = [w for w in palabras if w not in en_la_celda] + [borrosa, {**borrosa, "text": "jun-2028"}]
    releidas = ocr._releer_celdas(estropeadas, *celdas_de(preparada))
    celda = [w["text"] for w in releidas if x0 < w["x0"] < x1 and w["top"] < 290 * pt]
    assert celda == ["Ejecutado", "a", "30-jun-2025"], celda
    fuera = [w for w in releidas if not x0 < w["x0"] < x1]
    assert sorted(fuera, key=str) == sorted((w for w in estropeadas if not x0 < w["x0"] < x1), key=str)
    # a cell left with a scrap of a word, however sure ("ado" of "Ejecutado"), is read again too
    retazo = [w for w in palabras if w not in en_la_celda] + [{**en_la_celda[0], "text": "ado", "conf": 0.96}]
    releidas = ocr._releer_celdas(retazo, *celdas_de(preparada))
    celda = [w["text"] for w in releidas if x0 < w["x0"] < x1 and w["top"] < 290 * pt]
    assert celda == ["Ejecutado", "a", "30-jun-2025"], celda


def test_letra_i_leida_como_l():
    assert ocr._letra_confundida("Aproplación") == "Apropiación"
    assert ocr._letra_confundida("Planeta") == "Planeta"  # a word as read stays
    assert ocr._letra_confundida("Ibagué") == "Ibagué"  # as does a name no change makes a word


def test_cero_leido_como_letra_o_en_una_columna_de_cifras():
    """A lone "O" in an OCR'd column of figures is a zero, marked with a
    lowered confidence; in a column of words it stays a letter."""
    from extractor.formatos import cifras_ocr
    from extractor.modelo import Celda

    def celda(texto, fila, columna):
        return Celda(texto=texto, fila=fila, columna=columna, pagina=1, confianza_ocr=0.9)

    cifras = [celda(t, f, 1) for f, t in enumerate(["1.200", "35", "O.", "12,5", "80"])]
    letras = [celda(t, f, 0) for f, t in enumerate(["Redes", "Vías", "O", "Parques", "Puentes"])]
    reparadas = cifras_ocr.reparar(cifras + letras)
    assert [c.texto for c in reparadas[:5]] == ["1.200", "35", "0", "12,5", "80"]
    assert reparadas[2].confianza_ocr == cifras_ocr.CONFIANZA_REPARADA
    assert [c.texto for c in reparadas[5:]] == ["Redes", "Vías", "O", "Parques", "Puentes"]


def _lee_el_escaneo_de_lado(tmp_path, monkeypatch) -> None:
    """The page of `_escaneo_de_lado` read without the OCR cache: every figure of its table."""
    monkeypatch.setenv("INFORMES_CACHE", str(tmp_path / "cache"))
    informe = extraer_informe(_escaneo_de_lado(tmp_path / "desarrollo_social_2024_escaneado.pdf"))
    leidas = {(o.indicador, o.medida): o.valor for o in informe.observaciones}
    for nombre, meta, ejecutado, _ in FILAS_DE_LADO:
        assert leidas.get((nombre, "meta")) == float(meta), (nombre, leidas)
        assert leidas.get((nombre, "ejecutado")) == float(ejecutado), (nombre, leidas)


@requiere_tesseract
def test_pagina_de_lado_con_la_orientacion_al_reves_se_lee_derecha(tmp_path, monkeypatch):
    """Tesseract's orientation of a page on its side can be off by half a
    turn (a binarized table of figures: few letters to tell): read turned
    that way the text is upside down, so the other quarter turn is read
    too and the reading with words of the lexicon kept."""
    original = ocr._orientacion

    def al_reves(imagen, dpi, tinta, perfil=None):
        giro = original(imagen, dpi, tinta, perfil)
        return (giro + 180) % 360 if giro in (90, 270) else giro

    monkeypatch.setattr(ocr, "_orientacion", al_reves)
    _lee_el_escaneo_de_lado(tmp_path, monkeypatch)


@requiere_tesseract
def test_pagina_de_lado_sin_orientacion_se_prueba_de_lado(tmp_path, monkeypatch):
    """A page on its side whose orientation Tesseract cannot tell (a grey
    listing of figures) is read as it lies, which gives no upright text:
    both quarter turns are read too and the one with words of the lexicon
    kept."""
    monkeypatch.setattr(ocr, "_orientacion", lambda imagen, dpi, tinta, perfil=None: 0)
    monkeypatch.setattr(ocr, "_de_lado", lambda *a, **k: False)
    _lee_el_escaneo_de_lado(tmp_path, monkeypatch)
