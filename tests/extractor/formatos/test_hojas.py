"""Spreadsheet reader (extractor/formatos/hoja.py) on the corpus workbooks
(corpus/generador/generar_hojas.py), the workbook gold files, the format guards, and
the real workbooks of ../shared/corpus-real/ (skipped when absent)."""

from __future__ import annotations

import csv
import io
import struct
import zipfile
from collections import Counter
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import ErrorLectura, LimitesLectura, extraer_informe, interpretar, leer_documento
from extractor.formatos.hoja import texto_de_valor, texto_numero
from extractor.castellano.numeros import leer_numero
from extractor.formatos.seguridad import detectar_formato, nombres_cfb
from tests.conftest import GOLD, INFORMES

SISPT = INFORMES / "sesquile_plan_indicativo_2024.xlsx"
CHIA = INFORMES / "chia_seguimiento_plan_indicativo_2024.xlsx"
PALMIRA = INFORMES / "palmira_plan_accion_2024.xlsx"
LIBROS = [SISPT, CHIA, PALMIRA]
MINI = [INFORMES / "seguimiento_mini_2023.xls", INFORMES / "seguimiento_mini_2023.ods"]
REALES = Path(__file__).resolve().parents[4] / "shared" / "corpus-real"
ESQUEMAS = Path(__file__).resolve().parents[3] / "esquemas"


@lru_cache(maxsize=None)
def _doc(ruta: Path):
    return leer_documento(ruta)


@lru_cache(maxsize=None)
def _informe(ruta: Path):
    return extraer_informe(ruta)


def _obs(ruta: Path, **campos):
    return [o for o in _informe(ruta).observaciones if all(getattr(o, k) == v for k, v in campos.items())]


# ------------------------------------------------------------ values as text


@pytest.mark.parametrize(
    "valor, formato, texto",
    [
        (1234, "General", "1234"),
        (1234.0, "#,##0", "1234"),
        (1234.5, "#,##0.00", "1234,5"),
        (0.125, "General", "0,1250"),  # "0,125" is fine too, but "12,345" is not: always four
        (12.345, "General", "12,3450"),
        (-0.5, "General", "-0,5"),
        (0.976, "0.0%", "97,6 %"),
        (0.07460602723024473, "0%", "7,460602723 %"),
        (950341565, "0%", "950341565"),  # a mis-formatted amount is not 95 034 156 500 %
        (7, "000", "007"),
        (40100400, "000000000", "040100400"),
        (datetime(2024, 3, 31), "mm-dd-yy", "2024-03-31"),
        (date(2024, 3, 31), "General", "2024-03-31"),
        ("Agricultura y desarrollo rural_x000D_\n", "General", "Agricultura y desarrollo rural"),
        ("040110500", "@", "040110500"),
        (True, "General", "VERDADERO"),
    ],
)
def test_texto_de_valor(valor, formato, texto):
    assert texto_de_valor(valor, formato) == texto


@settings(max_examples=300, deadline=None)
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=4, allow_nan=False, allow_infinity=False))
def test_numeros_se_leen_de_vuelta_exactos_y_sin_ambiguedad(d):
    valor = float(d)
    leido = leer_numero(texto_numero(valor))
    assert leido is not None and not leido.ambiguo
    assert leido.valor == pytest.approx(valor, rel=1e-12, abs=1e-9)


# ------------------------------------------------------------ corpus workbooks


def test_hojas_son_paginas_en_orden_y_las_ocultas_se_reportan():
    doc = _doc(CHIA)
    assert doc.formato == "xlsx" and doc.paginas == 3
    hojas = [b.texto for b in doc.textos if b.estilo == "Hoja"]
    assert hojas == ["Seguimiento PDM"]  # the two hidden sheets are not read…
    motivos = {o.texto: o.motivo for o in doc.omisiones}
    assert "hoja oculta" in motivos["Hoja «Listas»"] and "hoja oculta" in motivos["Hoja «Consolidado ejes»"]
    # …and the report says so, as rows of filas_no_mapeadas
    no_mapeadas = [u for u in _informe(CHIA).no_mapeadas if u.texto.startswith("Hoja «")]
    assert {u.pagina for u in no_mapeadas if "hoja oculta" in u.motivo} == {2, 3}


def test_filas_y_columnas_ocultas_no_se_leen_y_se_reportan():
    motivos = [o for o in _doc(CHIA).omisiones if "oculta(s)" in o.motivo]
    assert any("columnas H" in o.texto and "no se leyeron" in o.motivo for o in motivos)
    assert any("filas 12" in o.texto and "no se leyeron" in o.motivo for o in motivos)
    # a person does not see the hidden row: its goal is not read...
    assert not _obs(CHIA, indicador="Sedes educativas con mantenimiento")
    # ...unless asked for
    informe = extraer_informe(CHIA, LimitesLectura(hoja_ocultas=True))
    assert [
        o
        for o in informe.observaciones
        if o.indicador == "Sedes educativas con mantenimiento" and o.medida == "meta_cuatrienio"
    ]
    assert any("se leyeron porque se pidió" in u.motivo for u in informe.no_mapeadas)


def test_celdas_combinadas_son_spans():
    tabla = _doc(CHIA).tablas[0]
    eje = next(c for c in tabla.celdas if c.texto.startswith("Eje 1."))
    assert eje.filas_span == 5 and eje.columna == 0
    anio = next(c for c in tabla.celdas if c.texto == "2024")
    assert anio.columnas_span == 11 and anio.fila == 0
    grid = tabla.rejilla()
    assert grid[3][0] is grid[7][0] is eje


def test_codigos_conservan_ceros_y_formulas_su_valor_guardado():
    textos = [c.texto for c in _doc(CHIA).tablas[0].celdas]
    assert "007" in textos  # a number in a "000" format, shown with its zeros
    avance = _obs(CHIA, indicador="Campañas de vacunación realizadas", medida="avance_porcentual")
    assert [(o.valor, o.valor_texto, o.unidad) for o in avance] == [(100.0, "100 %", "porcentaje")]
    total = _obs(CHIA, indicador="Señales de tránsito instaladas", medida="acumulado")
    assert [o.valor for o in total] == [52.0]  # =SUM(T1..T4) as Excel saved it
    codigos = {o.codigo for o in _informe(SISPT).observaciones}
    assert "040100400" in codigos and "190502100" in codigos  # MGA codes as text, zeros kept
    assert "25736" not in codigos  # the DANE code is not the indicator's code


def test_trimestres_dan_periodos_exactos():
    campanas = _obs(CHIA, indicador="Campañas de vacunación realizadas")
    periodos = {(o.medida, o.periodo_inicio, o.periodo_fin) for o in campanas}
    assert ("meta", date(2025, 1, 1), date(2025, 3, 31)) in periodos  # "T1" under "2025"
    assert ("ejecutado", date(2024, 7, 1), date(2024, 9, 30)) in periodos
    assert ("meta", date(2024, 1, 1), date(2024, 12, 31)) in periodos  # "Total" / "Planeado"
    assert ("acumulado", date(2024, 1, 1), date(2024, 9, 30)) in periodos  # "Total" / "Ejecutado", to the cut


def test_porcentajes_de_excel_se_leen_como_porcentaje():
    cobertura = _obs(CHIA, indicador="Cobertura de vacunación en menores de un año", medida="ejecutado")
    assert sorted(o.valor for o in cobertura) == [90.0, 93.0, 95.5]
    assert {o.unidad for o in cobertura} == {"porcentaje"}


def test_sispt_encabezado_en_la_fila_2_y_fuentes_de_financiacion():
    informe = _informe(SISPT)
    meta = informe.metadatos
    assert meta.entidad == "Municipio de Sesquilé" and meta.titulo == "SESQUILÉ AVANZA CON TODOS 2024-2027"
    sgp = _obs(
        SISPT,
        indicador="Realizar 8 campañas de promoción de estilos de vida saludable en el cuatrienio",
        medida="recursos_programados",
        periodo_inicio=date(2024, 1, 1),
    )
    assert {(o.fuente_financiacion, o.valor) for o in sgp} == {
        ("SGP salud", 45000000.0),
        ("Recursos propios", 12000000.0),
        ("Total", 57000000.0),
    }
    programacion = _obs(SISPT, indicador="Garantizar el servicio de banco de maquinaria agrícola", medida="meta")
    assert sorted(o.valor for o in programacion) == [0.25] * 4
    assert {o.indicador_padre for o in programacion} == {"Productores beneficiados con acceso a maquinaria y equipo"}


def test_plan_de_accion_filas_jerarquicas():
    proyecto = "Implementación de un modelo de cooperación técnica en Palmira"
    producto = _obs(PALMIRA, indicador="Documentos de política elaborados")
    assert {o.indicador_padre for o in producto} == {proyecto}
    assert {o.medida for o in producto} == {
        "meta",
        "ejecutado",
        "avance_porcentual",
        "apropiacion_inicial",
        "apropiacion_definitiva",
        "recursos_ejecutados",
        "pagos",
    }
    del_proyecto = _obs(PALMIRA, indicador=proyecto)
    assert {o.indicador_padre for o in del_proyecto} == {"Modelo de cooperación técnica implementado"}
    assert {o.pagina for o in del_proyecto} == {2}  # the organismo's sheet
    # "% de ejecución presupuestal (2)/(1)" and "Ponderación producto (%)" are not figures of their own
    assert not [o for o in _informe(PALMIRA).observaciones if o.columna in (11, 19, 20) and o.pagina > 1]


def test_limite_de_celdas_por_hoja():
    with pytest.raises(ErrorLectura, match="demasiado grande"):
        leer_documento(CHIA, LimitesLectura(hoja_celdas=50))


# ------------------------------------------------------------ .xls and .ods


@pytest.mark.parametrize("ruta", MINI, ids=lambda p: p.suffix)
def test_xls_y_ods(ruta):
    doc = _doc(ruta)
    assert doc.formato == ruta.suffix.lstrip(".")
    assert [o.texto for o in doc.omisiones] == ["Hoja «Listas»"]  # hidden sheet
    tabla = doc.tablas[0]
    grupo = next(c for c in tabla.celdas if c.texto == "Vigencia 2023")
    # merged range: calamine gives them for .xls, the .ods XML for .ods (extractor/formatos/ods.py)
    assert grupo.columnas_span == 3
    informe = interpretar(doc)
    codigos = {o.codigo for o in informe.observaciones}
    assert codigos == {"040100400", "170202100", "0901"}
    # calamine gives no number formats: a percentage arrives as its stored
    # fraction, and the row's executed / target says it is one (×100)
    avance = sorted(o.valor for o in informe.observaciones if o.medida == "avance_porcentual")
    assert avance == [79.17, 100.0, 112.5]
    assert {o.valor for o in informe.observaciones if o.indicador == "Jornadas de vacunación"} >= {12.0, 13.5}


def test_ods_filas_y_columnas_ocultas(tmp_path):
    """An .ods sheet's collapsed row and column (a helper row with figures,
    an old target column) are not read, and are reported, as in an .xlsx."""
    import zipfile

    def celda(v) -> str:
        if isinstance(v, str):
            return f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'

    def fila(valores, oculta=False) -> str:
        atributo = ' table:visibility="collapse"' if oculta else ""
        return f"<table:table-row{atributo}>" + "".join(celda(v) for v in valores) + "</table:table-row>"

    filas = [
        fila(["Indicador", "Meta 2024", "Meta anterior", "Ejecutado 2024"]),
        fila(["Huertas caseras", 40, 30, 36]),
        fila(["Auxiliar: suma de control", 999, 998, 997], oculta=True),
        fila(["Familias atendidas", 120, 100, 118]),
    ]
    contenido = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Seguimiento">'
        '<table:table-column table:number-columns-repeated="2"/><table:table-column table:visibility="collapse"/>'
        "<table:table-column/>" + "".join(filas) + "</table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    ruta = tmp_path / "seguimiento.ods"
    with zipfile.ZipFile(ruta, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", contenido)
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            "</manifest:manifest>",
        )
    doc = _doc(ruta)
    valores = {(o.indicador, o.medida): o.valor for o in interpretar(doc).observaciones}
    assert valores == {
        ("Huertas caseras", "meta"): 40,
        ("Huertas caseras", "ejecutado"): 36,
        ("Familias atendidas", "meta"): 120,
        ("Familias atendidas", "ejecutado"): 118,
    }
    assert any("oculta" in o.texto.lower() or "oculta" in o.motivo.lower() for o in doc.omisiones)


# ------------------------------------------------------------ format guards


def test_formato_por_contenido(tmp_path):
    copia = tmp_path / "informe.docx"
    copia.write_bytes(CHIA.read_bytes())
    assert detectar_formato(copia) == "xlsx"
    assert detectar_formato(MINI[0]) == "xls" and "workbook" in nombres_cfb(MINI[0])
    assert detectar_formato(MINI[1]) == "ods"


def _cfb(nombre_flujo: str) -> bytes:
    """A minimal compound file whose directory has one stream name."""
    cabeza = bytearray(512)
    cabeza[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHH", cabeza, 24, 0x3E, 3, 0xFFFE)
    struct.pack_into("<H", cabeza, 30, 9)  # 512-byte sectors
    struct.pack_into("<I", cabeza, 44, 1)  # one FAT sector
    struct.pack_into("<I", cabeza, 48, 1)  # directory in sector 1
    struct.pack_into("<II", cabeza, 68, 0xFFFFFFFE, 0)
    difat = [0] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", cabeza, 76, *difat)
    fat = bytearray(struct.pack("<128I", *([0xFFFFFFFD, 0xFFFFFFFE] + [0xFFFFFFFF] * 126)))
    directorio = bytearray(512)
    for i, nombre in enumerate(["Root Entry", nombre_flujo]):
        codificado = nombre.encode("utf-16-le") + b"\x00\x00"
        directorio[i * 128 : i * 128 + len(codificado)] = codificado
        struct.pack_into("<H", directorio, i * 128 + 64, len(codificado))
        # type (5 root, 2 stream), no siblings, the root's child is the stream; empty, no sectors
        struct.pack_into("<BB", directorio, i * 128 + 66, 5 if i == 0 else 2, 1)
        struct.pack_into("<III", directorio, i * 128 + 68, 0xFFFFFFFF, 0xFFFFFFFF, 1 if i == 0 else 0xFFFFFFFF)
        struct.pack_into("<II", directorio, i * 128 + 116, 0xFFFFFFFE, 0)
    return bytes(cabeza) + bytes(fat) + bytes(directorio)


def test_cfb_libro_o_documento(tmp_path):
    libro, word = tmp_path / "a.xls", tmp_path / "b.xls"
    libro.write_bytes(_cfb("Workbook"))
    word.write_bytes(_cfb("WordDocument"))
    assert nombres_cfb(libro) == {"root entry", "workbook"}
    assert detectar_formato(libro) == "xls"
    assert "worddocument" in nombres_cfb(word)
    try:
        formato = detectar_formato(word)
    except ErrorLectura:
        formato = None
    assert formato != "xls"  # a .doc is never read as a workbook


def test_xlsx_con_doctype_se_rechaza(tmp_path):
    malo = tmp_path / "malo.xlsx"
    with zipfile.ZipFile(CHIA) as origen, zipfile.ZipFile(malo, "w") as destino:
        for parte in origen.infolist():
            datos = origen.read(parte)
            if parte.filename == "xl/workbook.xml":
                datos = datos.replace(b"?>", b'?><!DOCTYPE w [<!ENTITY a "b">]>', 1)
            destino.writestr(parte, datos)
    with pytest.raises(ErrorLectura, match="el libro de cálculo declara DOCTYPE/ENTITY"):
        leer_documento(malo)


def test_libro_danado(tmp_path):
    datos = io.BytesIO()
    with zipfile.ZipFile(datos, "w") as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("xl/workbook.xml", b"<workbook/>")
    roto = tmp_path / "roto.xlsx"
    roto.write_bytes(datos.getvalue())
    with pytest.raises(ErrorLectura, match="libro de cálculo .* dañado"):
        leer_documento(roto)


# ------------------------------------------------------------ workbook gold files


def _gold(ruta: Path) -> list[dict]:
    with open(GOLD / (ruta.stem + ".gold.csv"), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _vocabulario(nombre: str, columna: str) -> set[str]:
    with open(ESQUEMAS / nombre, encoding="utf-8", newline="") as f:
        return {fila[columna] for fila in csv.DictReader(f)}


@pytest.mark.parametrize("ruta", LIBROS, ids=lambda p: p.stem)
def test_gold_de_libros_sigue_el_esquema(ruta):
    filas = _gold(ruta)
    assert list(filas[0]) == [
        "indicador",
        "indicador_padre",
        "medida",
        "periodo_inicio",
        "periodo_fin",
        "valor",
        "unidad",
        "tipo_gasto",
        "fuente_financiacion",
    ]
    medidas, unidades = _vocabulario("medidas.csv", "medida"), _vocabulario("unidades.csv", "unidad")
    fuentes = {
        f["nombre"] for f in yaml.safe_load((ESQUEMAS / "fuentes_financiacion.yaml").read_text("utf-8"))["fuentes"]
    }
    for fila in filas:
        assert fila["medida"] in medidas and fila["unidad"] in unidades, fila
        assert fila["fuente_financiacion"] in fuentes | {""}, fila
        if fila["periodo_inicio"]:
            assert date.fromisoformat(fila["periodo_inicio"]) <= date.fromisoformat(fila["periodo_fin"])
        float(fila["valor"])
    claves = Counter(
        tuple(
            f[c]
            for c in (
                "indicador",
                "indicador_padre",
                "medida",
                "periodo_inicio",
                "periodo_fin",
                "tipo_gasto",
                "fuente_financiacion",
            )
        )
        for f in filas
    )
    assert not [c for c, n in claves.items() if n > 1]
    meta = yaml.safe_load((GOLD / (ruta.stem + ".meta.yaml")).read_text("utf-8"))
    assert meta["entidad"] and meta["titulo"]


# ------------------------------------------------------------ real workbooks


REALES_LIBROS = sorted(REALES.glob("*.xls*")) if REALES.is_dir() else []


@pytest.mark.skipif(not REALES_LIBROS, reason="../shared/corpus-real no está disponible")
@pytest.mark.parametrize("ruta", REALES_LIBROS, ids=lambda p: p.stem)
def test_libros_reales_cargan(ruta):
    informe = extraer_informe(ruta)
    assert len(informe.observaciones) > 500
    assert all(isinstance(o.codigo, (str, type(None))) for o in informe.observaciones)
    if ruta.name.startswith("sispt_"):
        assert informe.metadatos.entidad and informe.metadatos.titulo
        codigos = {o.codigo for o in informe.observaciones if o.codigo}
        assert codigos and all(len(c) == 9 and c.isdigit() for c in codigos)
        assert {o.medida for o in informe.observaciones} >= {"meta", "meta_cuatrienio", "recursos_programados"}
        assert any(o.fuente_financiacion == "Total" for o in informe.observaciones)
    if ruta.name.startswith("tenjo_"):
        assert sum("hoja oculta" in u.motivo for u in informe.no_mapeadas) == 3
        trimestre = [
            o
            for o in informe.observaciones
            if o.periodo_inicio == date(2024, 7, 1) and o.periodo_fin == date(2024, 9, 30)
        ]
        assert {o.medida for o in trimestre} == {"meta", "ejecutado"}
    meta = informe.metadatos
    if ruta.name.startswith(("sispt_", "tenjo_")):  # plans: the term, no single vigencia
        assert meta.tipo_documento == "plan_indicativo" and meta.vigencia is None
        assert (meta.periodo_inicio, meta.periodo_fin) == (date(2024, 1, 1), date(2027, 12, 31))
    assert meta.entidad == {
        "tenjo_plan_indicativo_2024_2027": "Municipio de Tenjo",
        "cali_plan_accion_marzo_2024": "Distrito de Santiago de Cali",
    }.get(ruta.stem, meta.entidad)
    # a text that is the same on every row ("Entidad territorial") is not a description
    assert not {o.descripcion for o in informe.observaciones} & {"Gachancipá", "Chía", "Cundinamarca"}


def _libro(ruta: Path, filas: list[list]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    for fila in filas:
        wb.active.append(fila)
    wb.save(ruta)
    return ruta


def test_libro_sin_titulo_toma_entidad_y_cuatrienio_de_su_contenido(tmp_path):
    """A tracker whose sheet starts with its header row: the entity is the
    place its rows keep naming, the term the one of its year columns."""
    filas = [["Meta de producto", "Indicador", "Proyecto", "Meta 2024", "Meta 2025", "Meta 2026", "Meta 2027"]]
    for n in range(1, 6):
        filas.append(
            [
                f"Construir {n} parques",
                f"Parques construidos {n}",
                f"Construcción de parques en el Municipio de Tenjo Cundinamarca {n}",
                n,
                n + 1,
                n + 2,
                n + 3,
            ]
        )
    informe = extraer_informe(_libro(tmp_path / "seguimiento.xlsx", filas))
    assert informe.metadatos.entidad == "Municipio de Tenjo"
    # no plan type in the text: nothing is assumed about the term
    assert informe.metadatos.tipo_documento == "otro" and informe.metadatos.periodo_fin is None
    plan = extraer_informe(_libro(tmp_path / "tenjo_plan_indicativo.xlsx", filas))
    assert plan.metadatos.tipo_documento == "plan_indicativo" and plan.metadatos.vigencia is None
    assert (plan.metadatos.periodo_inicio, plan.metadatos.periodo_fin) == (date(2024, 1, 1), date(2027, 12, 31))


def test_filas_homonimas_se_distinguen_por_su_codigo(tmp_path):
    """Two goals of a plan with the same catalog product and indicator name
    (SisPT: IP-115 and IP-118) are two indicators, told apart by their
    own code, not one indicator with conflicting targets."""
    from pipelines import validacion

    cabecera = [
        "Código DANE",
        "Entidad territorial",
        "Código de indicador de producto (SisPT)",
        "Producto (MGA)",
        "Código de indicador de producto (MGA)",
        "Indicador de Producto(MGA)",
        "Personalización de Indicador de producto",
        "Meta 2024",
        "Meta 2025",
    ]
    filas = [
        cabecera,
        [
            "25295",
            "Gachancipá",
            "IP-115",
            "Servicio de promoción turística",
            "350204600",
            "Campañas realizadas",
            "Campañas realizadas",
            50,
            200,
        ],
        [
            "25295",
            "Gachancipá",
            "IP-118",
            "Servicio de promoción turística",
            "350204600",
            "Campañas realizadas",
            "Campañas realizadas",
            10,
            20,
        ],
        [
            "25295",
            "Gachancipá",
            "IP-120",
            "Servicio de apoyo financiero",
            "350204700",
            "Personas apoyadas",
            "Personas apoyadas con crédito",
            5,
            5,
        ],
    ]
    informe = extraer_informe(_libro(tmp_path / "plan.xlsx", filas))
    campanas = [o for o in informe.observaciones if o.indicador == "Campañas realizadas"]
    assert {(o.descripcion, o.valor) for o in campanas if o.medida == "meta" and o.periodo_fin.year == 2024} == {
        ("código IP-115", 50),
        ("código IP-118", 10),
    }
    assert {o.codigo for o in campanas} == {"350204600"}  # the catalog code stays the indicator's code
    assert [o.descripcion for o in informe.observaciones if o.codigo == "350204700"] == [None, None]
    assert not [h for h in validacion.validar(informe) if h.regla == "duplicado_en_informe"]


def test_una_fila_de_programa_tras_una_fila_en_blanco_sigue_la_tabla(tmp_path):
    """Programme headings set off by a blank row above them, products right
    under them: one table, every product read under the same header; the
    title of another table after a blank row still starts a new one."""
    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Alcaldía de Acacías – Secretaría de Cultura – seguimiento 2023"])
    hoja.append([])
    hoja.append(["Código", "Indicador de producto", "Meta 2023", "Ejecutado 2023"])
    hoja.append(["PROGRAMA", "3301 - Promoción y acceso efectivo a procesos culturales"])
    hoja.append(["330100100", "Escuelas de música dotadas", 4, 3])
    hoja.append([])
    hoja.append(["PROGRAMA", "3302 - Gestión del patrimonio cultural"])
    hoja.append(["330200500", "Bienes de interés cultural intervenidos", 2, 2])
    hoja.append(["330200800", "Vigías del patrimonio formados", 40, 46])
    hoja.append([])
    hoja.append(["Recursos por fuente de financiación"])
    hoja.append(["Fuente", "Programado 2023", "Ejecutado 2023"])
    hoja.append(["SGP cultura", 180_000_000, 171_500_000])
    ruta = tmp_path / "acacias_cultura_2023.xlsx"
    libro.save(ruta)
    tablas = leer_documento(ruta).tablas
    assert [t.textos()[0][:2] for t in tablas] == [["Código", "Indicador de producto"], ["Fuente", "Programado 2023"]]
    obs = interpretar(leer_documento(ruta)).observaciones
    ejecutado = {o.indicador: o.valor for o in obs if o.medida == "ejecutado"}
    assert ejecutado == {
        "Escuelas de música dotadas": 3,
        "Bienes de interés cultural intervenidos": 2,
        "Vigías del patrimonio formados": 46,
    }
