"""Exports: exact CSV columns and number formats, neutralized formulas,
typed Parquet, XLSX with frozen header."""

from __future__ import annotations

import csv
import hashlib
from datetime import date

import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from extractor.resultado import FilaNoMapeada, InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen
from pipelines.carga import guardado
from pipelines.salidas.exportar import ErrorExportacion, exportar, formatear_numero

COLUMNAS_CSV = [
    "observacion_id",
    "archivo",
    "informe_id",
    "entidad",
    "dependencia",
    "codigo",
    "indicador",
    "indicador_padre",
    "descripcion",
    "medida",
    "periodo_inicio",
    "periodo_fin",
    "valor",
    "unidad",
    "tipo_gasto",
    "valor_texto",
    "confianza",
    "marcada",
    "pagina",
    "hoja",
    "celda",
    "tabla",
    "fila",
    "columna",
    "entidad_clave",
    "indicador_clave",
]


def obs(indicador: str, valor: float, valor_texto: str, **kw) -> Observacion:
    datos = dict(
        medida="ejecutado",
        unidad="numero",
        periodo_inicio=date(2017, 6, 1),
        periodo_fin=date(2017, 9, 30),
        pagina=3,
        tabla=1,
        fila=2,
        columna=4,
    )
    datos.update(kw)
    return Observacion(indicador=indicador, valor=valor, valor_texto=valor_texto, **datos)


@pytest.fixture
def con(tmp_path):
    c = almacen.abrir(tmp_path / "prueba.duckdb")
    informe = InformeExtraido(
        archivo="Informe Gestión TIC.pdf",
        sha256=hashlib.sha256(b"uno").hexdigest(),
        formato="pdf",
        paginas=4,
        metadatos=MetadatosInforme(entidad="Alcaldía de Barrancabermeja", dependencia="Oficina TIC", vigencia=2017),
        observaciones=[
            obs("BOLETINES DE PRENSA", 10620.0, "10.620", indicador_padre="PÁGINA WEB"),
            obs(
                "Recursos de inversión",
                983286659.67,
                "$983'286.659,67",
                medida="recursos_ejecutados",
                unidad="pesos",
                tipo_gasto="inversion",
                pagina=None,
                tabla=None,
                fila=None,
                columna=None,
            ),
            obs("Avance", 0.25, "0.25 %", unidad="porcentaje", ambiguo=True),
            obs('=HYPERLINK("http://x")', -5.0, "-5", descripcion="@SUM(A1)", indicador_padre="+malo"),
            obs("Grande", 1e16, "10.000.000.000.000.000"),
        ],
        no_mapeadas=[FilaNoMapeada(texto="=cmd|' /C calc'!A0", motivo="sin valores", pagina=2, tabla=1, fila=5)],
    )
    guardado.guardar_informe(c, informe, tmp_path / "Informe Gestión TIC.pdf")
    yield c
    c.close()


def leer_csv(ruta):
    with open(ruta, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_csv_observaciones_columnas_y_formatos(con, tmp_path):
    salida = tmp_path / "obs.csv"
    assert exportar(con, "observaciones", "csv", salida) == 5
    filas = leer_csv(salida)
    assert filas[0] == COLUMNAS_CSV
    por_indicador = {f[COLUMNAS_CSV.index("indicador")]: dict(zip(COLUMNAS_CSV, f)) for f in filas[1:]}
    boletines = por_indicador["BOLETINES DE PRENSA"]
    assert boletines["archivo"] == "Informe Gestión TIC.pdf"
    assert boletines["entidad"] == "Alcaldía de Barrancabermeja"
    assert boletines["indicador_padre"] == "PÁGINA WEB"
    assert boletines["valor"] == "10620"
    assert (boletines["periodo_inicio"], boletines["periodo_fin"]) == ("2017-06-01", "2017-09-30")
    assert (boletines["pagina"], boletines["tabla"], boletines["fila"], boletines["columna"]) == ("3", "1", "2", "4")
    recursos = por_indicador["Recursos de inversión"]
    assert recursos["valor"] == "983286659.67"
    assert recursos["tipo_gasto"] == "inversion"
    assert (recursos["pagina"], recursos["tabla"], recursos["fila"], recursos["columna"]) == ("", "", "", "")
    assert recursos["descripcion"] == ""
    assert por_indicador["Avance"]["valor"] == "0.25"
    assert por_indicador["Grande"]["valor"] == "10000000000000000"
    assert por_indicador['\'=HYPERLINK("http://x")']["valor"] == "-5"  # numbers are not neutralized


def test_csv_sin_formato_local_ni_bom(con, tmp_path):
    salida = tmp_path / "obs.csv"
    exportar(con, "observaciones", "csv", salida)
    crudo = salida.read_bytes()
    assert crudo.startswith(b"observacion_id,archivo,informe_id,")
    assert "Gestión".encode("utf-8") in crudo
    assert b"e+" not in crudo and b"10620.0" not in crudo and b"3.0," not in crudo


def test_csv_neutraliza_formulas(con, tmp_path):
    salida = tmp_path / "obs.csv"
    exportar(con, "observaciones", "csv", salida)
    [fila] = [
        dict(zip(COLUMNAS_CSV, f)) for f in leer_csv(salida)[1:] if "HYPERLINK" in f[COLUMNAS_CSV.index("indicador")]
    ]
    assert fila["indicador"] == '\'=HYPERLINK("http://x")'
    assert fila["descripcion"] == "'@SUM(A1)"
    assert fila["indicador_padre"] == "'+malo"
    assert fila["valor_texto"] == "'-5"
    salida_nm = tmp_path / "nm.csv"
    exportar(con, "filas_no_mapeadas", "csv", salida_nm)
    cabecera, fila_nm = leer_csv(salida_nm)
    assert cabecera[0] == "archivo"
    assert dict(zip(cabecera, fila_nm))["texto"] == "'=cmd|' /C calc'!A0"


@pytest.mark.parametrize(
    "valor, texto",
    [
        (10620.0, "10620"),
        (983286659.67, "983286659.67"),
        (0.25, "0.25"),
        (-0.0, "0"),
        (1e-7, "0.0000001"),
        (1340799993.0, "1340799993"),
        (97.6, "97.6"),
        (float("nan"), ""),
    ],
)
def test_formatear_numero(valor, texto):
    assert formatear_numero(valor) == texto


def test_parquet_conserva_tipos_y_columnas(con, tmp_path):
    salida = tmp_path / "obs.parquet"
    assert exportar(con, "observaciones", "parquet", salida) == 5
    tabla = pq.read_table(salida)
    esquema = tabla.schema
    # the CSV columns first (archivo included), then the rest of the table
    assert esquema.names[: len(COLUMNAS_CSV)] == COLUMNAS_CSV
    assert "bbox_bottom" in esquema.names and "indicador_id" in esquema.names
    assert esquema.field("codigo").type == pa.string() and esquema.field("marcada").type == pa.bool_()
    assert set(tabla.column("archivo").to_pylist()) == {"Informe Gestión TIC.pdf"}
    assert esquema.field("valor").type == pa.float64()
    assert esquema.field("periodo_inicio").type == pa.date32()
    assert esquema.field("pagina").type == pa.int32()
    assert esquema.field("ambiguo").type == pa.bool_()
    valores = dict(zip(tabla.column("indicador").to_pylist(), tabla.column("valor").to_pylist()))
    assert valores["Recursos de inversión"] == 983286659.67
    # Parquet keeps the raw text: neutralization is for spreadsheets only
    assert '=HYPERLINK("http://x")' in valores


def test_parquet_informes(con, tmp_path):
    salida = tmp_path / "inf.parquet"
    assert exportar(con, "informes", "parquet", salida) == 1
    tabla = pq.read_table(salida)
    assert tabla.schema.field("cargado_en").type == pa.timestamp("us")
    assert tabla.column("vigencia").to_pylist() == [2017]


def test_xlsx_encabezado_fijo_y_formulas_neutralizadas(con, tmp_path):
    salida = tmp_path / "obs.xlsx"
    assert exportar(con, "observaciones", "xlsx", salida) == 5
    hoja = openpyxl.load_workbook(salida).active
    assert hoja.freeze_panes == "A2"
    filas = list(hoja.iter_rows(values_only=True))
    assert list(filas[0]) == COLUMNAS_CSV
    por_indicador = {f[COLUMNAS_CSV.index("indicador")]: dict(zip(COLUMNAS_CSV, f)) for f in filas[1:]}
    malo = por_indicador['\'=HYPERLINK("http://x")']
    assert malo["descripcion"] == "'@SUM(A1)" and malo["valor_texto"] == "'-5"
    assert malo["valor"] == -5
    recursos = por_indicador["Recursos de inversión"]
    assert recursos["valor"] == pytest.approx(983286659.67)
    assert recursos["pagina"] is None
    assert por_indicador["BOLETINES DE PRENSA"]["periodo_inicio"].date() == date(2017, 6, 1)
    # no cell holds a formula
    for fila in hoja.iter_rows():
        for celda in fila:
            assert celda.data_type != "f"


def test_tabla_o_formato_desconocidos(con, tmp_path):
    with pytest.raises(ErrorExportacion, match="Tabla desconocida"):
        exportar(con, "cargas_raras", "csv", tmp_path / "x.csv")
    with pytest.raises(ErrorExportacion, match="Formato desconocido"):
        exportar(con, "observaciones", "ods", tmp_path / "x.ods")
