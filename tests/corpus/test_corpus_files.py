"""Checks on the annotated corpus in corpus/ (no LibreOffice needed).

Every report must have its DOCX, PDF, gold CSV and meta YAML; the gold must
follow esquemas/ (columns, vocabularies, dates, numbers) and be consistent
with the PDF text; the layout features each report stands for (landscape,
repeated header, borderless table, two-level header, split row) must really
be in the files.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest
import yaml
from docx import Document
from docx.oxml.ns import qn

RAIZ = Path(__file__).resolve().parents[2]
CORPUS = RAIZ / "corpus"
INFORMES = CORPUS / "informes"  # DOCX and PDF
GOLD = CORPUS / "gold"  # gold CSV and meta YAML
ESQUEMAS = RAIZ / "esquemas"
SEMILLA = RAIZ.parent / "shared" / "seeds" / "000_f0ee1fe73e0d34ec.txt"

COLUMNAS_GOLD = [
    "indicador",
    "indicador_padre",
    "medida",
    "periodo_inicio",
    "periodo_fin",
    "valor",
    "unidad",
    "tipo_gasto",
]
EXTENSIONES = (".docx", ".pdf", ".gold.csv", ".meta.yaml")
CLAVES_META = ["entidad", "dependencia", "titulo", "vigencia", "periodo_inicio", "periodo_fin", "fecha_corte"]
CLAVES_OPCIONALES = ["pilar", "linea_estrategica", "programa", "meta_producto"]
# Measures of execution: their period never ends after the cut-off date.
MEDIDAS_A_CORTE = {
    "ejecutado",
    "acumulado",
    "avance_porcentual",
    "recursos_ejecutados",
    "compromisos",
    "obligaciones",
    "pagos",
}


# Workbook reports (no DOCX/PDF twins) are checked in tests/extractor/formatos/test_hojas.py.
HOJAS = (".xlsx", ".xlsm", ".xls", ".ods")


def _ids() -> list[str]:
    stems = set()
    for ext in EXTENSIONES:
        carpeta = GOLD if ext in (".gold.csv", ".meta.yaml") else INFORMES
        stems |= {p.name[: -len(ext)] for p in carpeta.glob("*" + ext)}
    # scanned copies (`<id>_escaneado.pdf`, no DOCX, no text layer) are checked in tests/extractor/formatos/test_ocr.py
    return sorted(
        s for s in stems if not any((INFORMES / f"{s}{h}").is_file() for h in HOJAS) and not s.endswith("_escaneado")
    )


IDS = _ids()


def _vocabulario(nombre: str, columna: str) -> set[str]:
    with (ESQUEMAS / nombre).open(encoding="utf-8", newline="") as f:
        return {fila[columna] for fila in csv.DictReader(f)}


def _gold(id_: str) -> list[dict]:
    with (GOLD / f"{id_}.gold.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _meta(id_: str) -> dict:
    return yaml.safe_load((GOLD / f"{id_}.meta.yaml").read_text("utf-8"))


def _fecha(texto) -> date:
    return date.fromisoformat(str(texto))


def _texto_pdf(id_: str) -> str:
    with pdfplumber.open(INFORMES / f"{id_}.pdf") as pdf:
        return "\n".join(p.extract_text() or "" for p in pdf.pages)


def _tablas_pdf(id_: str) -> list[tuple[int, list[list[str]]]]:
    """(page number, rows) of every ruled table pdfplumber finds."""
    salida = []
    with pdfplumber.open(INFORMES / f"{id_}.pdf") as pdf:
        for pagina in pdf.pages:
            for tabla in pagina.find_tables():
                filas = [[(c or "").strip() for c in fila] for fila in tabla.extract()]
                salida.append((pagina.page_number, filas))
    return salida


# ------------------------------------------------------------ files


def test_hay_al_menos_siete_informes():
    assert len(IDS) >= 7, IDS


@pytest.mark.parametrize("id_", IDS)
def test_cada_informe_tiene_sus_cuatro_archivos(id_):
    for ext in EXTENSIONES:
        ruta = (GOLD if ext in (".gold.csv", ".meta.yaml") else INFORMES) / f"{id_}{ext}"
        assert ruta.is_file(), f"falta {ruta.name}"
        assert ruta.stat().st_size > 0, f"{ruta.name} está vacío"


# ------------------------------------------------------------ gold


@pytest.mark.parametrize("id_", IDS)
def test_gold_tiene_las_columnas_exactas(id_):
    with (GOLD / f"{id_}.gold.csv").open(encoding="utf-8", newline="") as f:
        encabezado = next(csv.reader(f))
    assert encabezado == COLUMNAS_GOLD


@pytest.mark.parametrize("id_", IDS)
def test_gold_usa_los_vocabularios_de_esquemas(id_):
    medidas = _vocabulario("medidas.csv", "medida")
    unidades = _vocabulario("unidades.csv", "unidad")
    tipos = _vocabulario("tipos_gasto.csv", "tipo_gasto")
    dinero = {m for m, d in zip(*_columnas("medidas.csv", "medida", "es_dinero")) if d == "true"}
    filas = _gold(id_)
    assert filas, "gold sin filas"
    for n, fila in enumerate(filas, start=2):
        assert fila["medida"] in medidas, (n, fila)
        assert fila["unidad"] in unidades, (n, fila)
        assert fila["tipo_gasto"] in tipos | {""}, (n, fila)
        if fila["medida"] in dinero:
            assert fila["unidad"] == "pesos", (n, fila)
        else:
            assert fila["tipo_gasto"] == "", (n, fila)
            assert fila["unidad"] != "pesos", (n, fila)
        if fila["medida"] == "avance_porcentual":
            assert fila["unidad"] == "porcentaje", (n, fila)


def _columnas(nombre, *columnas):
    with (ESQUEMAS / nombre).open(encoding="utf-8", newline="") as f:
        filas = list(csv.DictReader(f))
    return [[fila[c] for fila in filas] for c in columnas]


@pytest.mark.parametrize("id_", IDS)
def test_gold_valores_y_periodos_bien_formados(id_):
    meta = _meta(id_)
    corte = _fecha(meta["fecha_corte"])
    for n, fila in enumerate(_gold(id_), start=2):
        assert fila["indicador"].strip() == fila["indicador"] != "", (n, fila)
        assert fila["indicador_padre"].strip() == fila["indicador_padre"]
        # "." decimal, no thousands separator, parses as a float.
        assert re.fullmatch(r"-?\d+(\.\d+)?", fila["valor"]), (n, fila)
        float(fila["valor"])
        inicio, fin = fila["periodo_inicio"], fila["periodo_fin"]
        assert bool(inicio) == bool(fin), (n, fila)
        if fila["medida"] not in ("linea_base", "meta_cuatrienio"):
            assert inicio, f"fila {n}: {fila['medida']} sin periodo"
        if inicio:
            d_inicio, d_fin = _fecha(inicio), _fecha(fin)
            assert d_inicio <= d_fin, (n, fila)
            if fila["medida"] in MEDIDAS_A_CORTE and d_fin.year == corte.year:
                assert d_fin <= corte, (n, fila)
        if fila["medida"] == "linea_base":
            assert not inicio or _fecha(fin).year < meta["vigencia"]


@pytest.mark.parametrize("id_", IDS)
def test_gold_sin_observaciones_duplicadas(id_):
    claves = Counter(
        (f["indicador"], f["indicador_padre"], f["medida"], f["periodo_inicio"], f["periodo_fin"], f["tipo_gasto"])
        for f in _gold(id_)
    )
    repetidas = [c for c, n in claves.items() if n > 1]
    assert not repetidas, repetidas


@pytest.mark.parametrize("id_", IDS)
def test_padres_del_gold_no_son_a_la_vez_hijos(id_):
    filas = _gold(id_)
    padres = {f["indicador_padre"] for f in filas} - {""}
    for f in filas:
        if f["indicador"] in padres:
            assert f["indicador_padre"] == "", f


# ------------------------------------------------------------ meta


@pytest.mark.parametrize("id_", IDS)
def test_meta_tiene_los_metadatos_esperados(id_):
    meta = _meta(id_)
    for clave in CLAVES_META:
        assert meta.get(clave) not in (None, ""), f"falta {clave}"
    assert set(meta) <= set(CLAVES_META + CLAVES_OPCIONALES), set(meta)
    assert isinstance(meta["vigencia"], int)
    inicio, fin = _fecha(meta["periodo_inicio"]), _fecha(meta["periodo_fin"])
    corte = _fecha(meta["fecha_corte"])
    assert inicio <= fin <= corte
    assert corte.year == meta["vigencia"] == inicio.year
    for clave in CLAVES_META + CLAVES_OPCIONALES:
        if isinstance(meta.get(clave), str):
            assert meta[clave] == meta[clave].strip() != ""


@pytest.mark.parametrize("id_", IDS)
def test_metadatos_aparecen_en_el_pdf(id_):
    meta = _meta(id_)
    texto = re.sub(r"\s+", " ", _texto_pdf(id_)).lower()
    for clave in ["entidad", "dependencia", "titulo"] + CLAVES_OPCIONALES:
        if meta.get(clave):
            assert meta[clave].lower() in texto, (clave, meta[clave])


# ------------------------------------------------------------ PDF and gold


def _variantes(valor: Decimal) -> set[str]:
    """The ways a report may write `valor`: Colombian grouping, bare digits,
    decimal point, apostrophe for millions, in units, thousands or
    millions (scale written in the header)."""
    salida = set()
    for escala in (1, 1000, 1_000_000):
        v = valor / escala
        if v != v.quantize(Decimal("0.01")):
            continue
        entero = int(abs(v))
        fraccion = format(abs(v) - entero, "f")[2:].rstrip("0")
        fracciones = {fraccion} if fraccion else {"", "0", "00"}
        fracciones |= {fraccion.ljust(2, "0")} if fraccion else set()
        agrupado = f"{entero:,}".replace(",", ".")
        apostrofe = agrupado.replace(".", "'", 1)
        for fr in fracciones:
            coma = "," + fr if fr else ""
            punto = "." + fr if fr else ""
            salida |= {agrupado + coma, str(entero) + coma, str(entero) + punto, apostrofe + coma}
    return salida


def _formas(fila: dict) -> list[Decimal]:
    """The gold value, and for a percentage also its fraction of one."""
    valor = Decimal(fila["valor"])
    return [valor, valor / 100] if fila["unidad"] == "porcentaje" else [valor]


def _aparece(variante: str, texto: str) -> bool:
    patron = r"(?<![\d.,'])" + re.escape(variante) + r"(?![\d]|[.,']\d)"
    return re.search(patron, texto) is not None


@pytest.mark.parametrize("id_", IDS)
def test_pdf_abre_y_contiene_los_valores_del_gold(id_):
    with pdfplumber.open(INFORMES / f"{id_}.pdf") as pdf:
        assert len(pdf.pages) >= 1
    texto = _texto_pdf(id_)
    assert len(texto) > 500, "el PDF no tiene capa de texto"
    # a percentage may be written as a fraction of one ("0,93" for 93 %)
    faltan = [f for f in _gold(id_) if not any(_aparece(v, texto) for valor in _formas(f) for v in _variantes(valor))]
    assert not faltan, [(f["indicador"], f["medida"], f["valor"]) for f in faltan]


def test_variantes_de_formato():
    assert "10.620" in _variantes(Decimal("10620"))
    assert "983'286.659,67" in _variantes(Decimal("983286659.67"))
    assert "6.850,00" in _variantes(Decimal("6850000000"))
    assert _aparece("238", "BOLETINES 238 585")
    assert not _aparece("238", "total 1.238 y 2380")
    assert not _aparece("0", "$ 0,5")


@pytest.mark.parametrize("id_", IDS)
def test_docx_abre_y_tiene_tablas(id_):
    doc = Document(INFORMES / f"{id_}.docx")
    assert doc.tables, "el DOCX no tiene tablas"
    meta = yaml.safe_load((GOLD / f"{id_}.meta.yaml").read_text(encoding="utf-8"))
    assert doc.sections[0].header.paragraphs[0].text.casefold() == meta["entidad"].casefold()


# ------------------------------------------------------------ layout features


def _paginas(id_):
    with pdfplumber.open(INFORMES / f"{id_}.pdf") as pdf:
        return [
            (p.width, p.height, p.extract_text() or "", len(p.lines) + len(p.rects) + len(p.curves)) for p in pdf.pages
        ]


def test_barrancabermeja_encabezado_de_pagina_en_cada_pagina():
    paginas = _paginas("barrancabermeja_prensa_2017")
    assert len(paginas) >= 3
    for _, _, texto, _ in paginas:
        assert texto.splitlines()[0].strip() == "Alcaldía de Barrancabermeja"


def test_barrancabermeja_es_fiel_a_la_semilla():
    """Every word of the seed text is in the rebuilt DOCX (the seed's
    markdown marks, escapes and the stray "--" row excepted)."""
    if not SEMILLA.exists():
        pytest.skip("shared/seeds no está disponible")
    doc = Document(INFORMES / "barrancabermeja_prensa_2017.docx")
    partes = [p.text for p in doc.paragraphs]
    partes += [c.text for t in doc.tables for f in t.rows for c in f.cells]
    partes += [p.text for p in doc.sections[0].header.paragraphs]
    palabras_docx = set(" ".join(partes).split())
    semilla = SEMILLA.read_text("utf-8").replace("**", "").replace("\\$", "$")
    faltan = set(semilla.split()) - palabras_docx - {"--"}
    assert not faltan, faltan


def test_girardot_horizontal_con_encabezado_repetido():
    paginas = _paginas("girardot_salud_2018")
    assert all(ancho > alto for ancho, alto, _, _ in paginas)
    tablas = _tablas_pdf("girardot_salud_2018")
    paginas_tabla = {n for n, _ in tablas}
    assert len(paginas_tabla) >= 2
    for _, filas in tablas:
        assert filas[0][0] == "Código", filas[0]
    doc = Document(INFORMES / "girardot_salud_2018.docx")
    primera = doc.tables[0].rows[0]._tr
    assert primera.trPr.find(qn("w:tblHeader")) is not None
    assert doc.sections[0].page_width > doc.sections[0].page_height


def test_girardot_codigos_mga_como_texto():
    doc = Document(INFORMES / "girardot_salud_2018.docx")
    codigos = [f.cells[0].text for f in doc.tables[0].rows[1:] if re.fullmatch(r"\d{9}", f.cells[0].text)]
    assert len(codigos) >= 15
    assert any(c.startswith("0") for c in codigos)
    assert "040110200" in _texto_pdf("girardot_salud_2018")
    programas = [f for f in doc.tables[0].rows if f.cells[0].text.startswith("Programa:")]
    assert programas and all(len({id(c._tc) for c in f.cells}) == 1 for f in programas)


def test_sogamoso_tabla_sin_bordes():
    paginas = _paginas("sogamoso_educacion_2019")
    assert all(figuras == 0 for _, _, _, figuras in paginas)
    texto = _texto_pdf("sogamoso_educacion_2019")
    assert "14.380" in texto and "semestre" in texto
    doc = Document(INFORMES / "sogamoso_educacion_2019.docx")
    bordes = doc.tables[0]._tbl.tblPr.find(qn("w:tblBorders"))
    assert bordes is not None
    assert all(b.get(qn("w:val")) == "nil" for b in bordes)


def test_pasto_encabezado_de_dos_niveles():
    doc = Document(INFORMES / "pasto_infraestructura_2020.docx")
    tabla = doc.tables[0]._tbl
    spans = tabla.xpath(".//w:tr[1]//w:gridSpan/@w:val")
    assert spans == ["2", "2"]
    assert len(tabla.xpath(".//w:tr[position()<=2]//w:vMerge")) == 4
    texto = re.sub(r"\s+", " ", _texto_pdf("pasto_infraestructura_2020"))
    assert "millones de pesos)" in texto and "6.850,00" in texto


def test_rionegro_fila_partida_entre_paginas_sin_encabezado_repetido():
    tablas = _tablas_pdf("rionegro_desarrollo_economico_2023")
    assert len({n for n, _ in tablas}) >= 2
    continuaciones = [filas[0] for n, filas in tablas if n > 1]
    assert continuaciones
    partidas = [f for f in continuaciones if f[0] and not any(f[1:]) and "Meta 2023" not in " ".join(f)]
    assert partidas, continuaciones
    doc = Document(INFORMES / "rionegro_desarrollo_economico_2023.docx")
    assert not doc.tables[0]._tbl.xpath(".//w:tblHeader")
    celdas = [c.text for f in doc.tables[0].rows for c in f.cells]
    assert "Enero 120\nFebrero 135\nMarzo 150" in celdas
