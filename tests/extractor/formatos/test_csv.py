"""CSV files read as one sheet (extractor/formatos/csv_texto.py and
extractor/formatos/hoja.py): the files are written here with Python's csv
module the way offices get them (Excel es-CO: Windows-1252, `;`, CRLF;
machine exports: UTF-8 with BOM, `,`, decimal point), metadata lines above
the table, quoted fields holding the separator or a line break."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from extractor import ErrorLectura, LimitesLectura, extraer_informe, leer_documento
from extractor.formatos.csv_texto import separador_de
from extractor.modelo import BloqueTexto, Tabla
from tests.conftest import una_observacion

METADATOS = [
    ["Entidad:", "Alcaldía Municipal de Tenjo"],
    ["Dependencia:", "Secretaría de Desarrollo Social"],
    ["Periodo:", "abril-junio 2025"],
    ["Fecha de generación:", "15/07/2025 10:42"],
    [],
]
TABLA_ES_CO = [
    ["Código", "Indicador de producto", "Unidad de medida", "Meta 2025", "Ejecutado 2025", "Recursos programados"],
    ["2201069", "Niños atendidos; con alimentación escolar", "Número", "1.250", "1.180", "118.450.000,00"],
    ["3301053", "Talleres de formación artística realizados", "Número", "40", "32", "36.700.000,50"],
    ["1906004", "Cobertura de afiliación al régimen subsidiado", "Porcentaje", "95,5", "97,25", "6.418.200.000,00"],
]


def escribir(ruta: Path, filas: list[list[str]], codificacion: str, separador: str, fin: str = "\r\n") -> Path:
    with open(ruta, "w", encoding=codificacion, newline="") as f:
        csv.writer(f, delimiter=separador, lineterminator=fin).writerows(filas)
    return ruta


@pytest.fixture
def excel_es_co(tmp_path) -> Path:
    """Excel's "CSV (delimitado por comas)" in a Spanish Windows: cp1252, `;`, CRLF."""
    return escribir(tmp_path / "tenjo_seguimiento_t2_2025.csv", METADATOS + TABLA_ES_CO, "cp1252", ";")


def test_cp1252_punto_y_coma_crlf_con_metadatos(excel_es_co):
    assert b"\r\n" in excel_es_co.read_bytes() and "Niños".encode("cp1252") in excel_es_co.read_bytes()
    informe = extraer_informe(excel_es_co)
    assert informe.formato == "csv"
    assert informe.metadatos.entidad == "Alcaldía Municipal de Tenjo"  # accents read as cp1252, not mojibake
    ninos = "Niños atendidos; con alimentación escolar"  # the quoted field with a `;` inside is one cell
    for medida, valor, unidad in (("meta", 1250, "numero"), ("ejecutado", 1180, "numero")):
        o = una_observacion(informe, indicador=ninos, medida=medida)
        assert (o.valor, o.unidad, str(o.periodo_inicio), str(o.periodo_fin)) == (
            valor,
            unidad,
            "2025-01-01",
            "2025-12-31",
        )
    dinero = una_observacion(
        informe, indicador="Talleres de formación artística realizados", medida="recursos_programados"
    )
    assert (dinero.valor, dinero.unidad) == (36700000.5, "pesos")
    cobertura = una_observacion(informe, indicador="Cobertura de afiliación al régimen subsidiado", medida="ejecutado")
    assert (cobertura.valor, cobertura.unidad) == (97.25, "porcentaje")
    assert len(informe.observaciones) == 9
    # provenance: the sheet is the file's name, the row its 1-based line, the column a letter
    assert (dinero.hoja, dinero.celda) == ("tenjo_seguimiento_t2_2025", "F8")
    assert una_observacion(informe, indicador=ninos, medida="meta").celda == "D7"


def test_las_lineas_de_metadatos_son_titulos_no_filas(excel_es_co):
    doc = leer_documento(excel_es_co)
    [tabla] = [b for b in doc.bloques if isinstance(b, Tabla)]
    assert tabla.celdas[0].texto == "Código" and tabla.celdas[0].ref == "tenjo_seguimiento_t2_2025!A6"
    titulos = [b.texto for b in doc.bloques if isinstance(b, BloqueTexto)]
    assert titulos[0] == "tenjo_seguimiento_t2_2025"  # the sheet's name
    assert "Periodo: abril-junio 2025" in titulos and "Fecha de generación: 15/07/2025 10:42" in titulos


def test_metadatos_rellenados_con_separadores_como_los_del_chip(tmp_path):
    """CHIP pads its metadata lines to the table's width ("Entidad:;X;;;;"):
    they are still title lines, the header is the first line as wide as the table."""
    ancho = len(TABLA_ES_CO[0])
    filas = [f + [""] * (ancho - len(f)) for f in METADATOS + TABLA_ES_CO]
    ruta = escribir(tmp_path / "chip_relleno_2025.csv", filas, "cp1252", ";")
    [tabla] = [b for b in leer_documento(ruta).bloques if isinstance(b, Tabla)]
    assert tabla.celdas[0].ref == "chip_relleno_2025!A6"
    assert len(extraer_informe(ruta).observaciones) == 9


def test_ejecucion_de_gastos_del_chip_con_seccion_presupuestal(tmp_path):
    """A CHIP/CUIPO spending export: "SECCION PRESUPUESTAL" ("16 - ALCALDIA")
    is the row's budget section, not money; the budget stages are."""
    filas = [
        ["ENTIDAD:", "Municipio de Chocontá"],
        ["PERIODO:", "abril-junio 2025"],
        [],
        ["CODIGO CCPET", "NOMBRE CUENTA", "SECCION PRESUPUESTAL", "APROPIACION DEFINITIVA", "COMPROMISOS", "PAGOS"],
        [
            "2.3.2.02.02.009",
            "Servicios para la comunidad",
            "16 - ALCALDIA",
            "120.500.000,00",
            "80.250.000,00",
            "41.000.000,00",
        ],
        ["2.3.2.01.01.004", "Maquinaria y equipo", "16 - ALCALDIA", "64.000.000,00", "0,00", "0,00"],
    ]
    informe = extraer_informe(escribir(tmp_path / "cuipo_gastos_t2_2025.csv", filas, "cp1252", ";"))
    assert sorted(o.valor for o in informe.observaciones if o.valor) == [
        41_000_000,
        64_000_000,
        80_250_000,
        120_500_000,
    ]


def test_utf8_con_bom_coma_y_punto_decimal(tmp_path):
    """A machine export (datos.gov.co, SECOP): UTF-8 with BOM, `,`, numbers
    with a decimal point and no thousands separator; "10.345" there is ten
    and a bit, not ten thousand."""
    filas = [
        ["Indicador", "Meta 2024", "Ejecutado 2024", "Recursos ejecutados"],
        ["Kilómetros de vía terciaria mejorados", "12.5", "10.345", "635400000.5"],
        ["Familias beneficiadas, zona rural", "300", "280", "1234567.89"],
    ]
    ruta = escribir(tmp_path / "sopo_vias_2024.csv", filas, "utf-8-sig", ",", "\n")
    assert ruta.read_bytes().startswith(b"\xef\xbb\xbf")
    informe = extraer_informe(ruta)
    vias = "Kilómetros de vía terciaria mejorados"  # the BOM is not part of the first header
    assert una_observacion(informe, indicador=vias, medida="meta").valor == 12.5
    ejecutado = una_observacion(informe, indicador=vias, medida="ejecutado")
    assert (ejecutado.valor, str(ejecutado.periodo_inicio), str(ejecutado.periodo_fin)) == (
        10.345,
        "2024-01-01",
        "2024-12-31",
    )
    dinero = una_observacion(informe, indicador="Familias beneficiadas, zona rural", medida="recursos_ejecutados")
    assert (dinero.valor, dinero.unidad, dinero.celda) == (1234567.89, "pesos", "D3")
    assert len(informe.observaciones) == 6


def test_texto_unicode_de_excel_utf16_con_tabulaciones(tmp_path):
    """Excel's "Texto Unicode" renamed .csv: UTF-16 with its BOM, tab-separated."""
    ruta = escribir(tmp_path / "cajica_2024.csv", METADATOS + TABLA_ES_CO, "utf-16", "\t")
    informe = extraer_informe(ruta)
    assert len(informe.observaciones) == 9
    assert una_observacion(informe, indicador="Talleres de formación artística realizados", medida="meta").valor == 40


def test_campo_con_salto_de_linea_y_filas_que_siguen(tmp_path):
    """A quoted field spanning two lines is one cell; the rows after it
    keep their own line numbers."""
    filas = [
        ["Indicador", "Meta 2023", "Ejecutado 2023"],
        ["Huertas caseras\nestablecidas", "120", "98"],
        ["Asistencias técnicas realizadas", "450", "470"],
    ]
    ruta = escribir(tmp_path / "agro_2023.csv", filas, "utf-8", ";")
    informe = extraer_informe(ruta)
    huertas = una_observacion(informe, medida="meta", valor=120)
    assert huertas.indicador.split() == ["Huertas", "caseras", "establecidas"] and huertas.celda == "B2"
    assert una_observacion(informe, indicador="Asistencias técnicas realizadas", medida="ejecutado").celda == "C4"


@pytest.mark.parametrize("separador", [";", ",", "\t", "|"])
def test_separador_olfateado(separador):
    filas = ["Entidad: Alcaldía de Sopó", "Periodo: 2024", ""]
    filas += [separador.join(["Indicador", "Meta", "Ejecutado"])] + [separador.join(["Nombre", "1", "2"])] * 3
    assert separador_de("\r\n".join(filas), "x.csv") == separador


def test_punto_y_coma_aunque_cada_fila_tenga_tantas_comas_decimales():
    """Every row has two decimal commas, so it splits evenly on commas
    too: the header (no comma) and the es-CO preference decide `;`."""
    texto = "Indicador;Meta;Ejecutado\r\n" + "Talleres;1,50;2,25\r\n" * 4
    assert separador_de(texto, "x.csv") == ";"


# ------------------------------------------------------------------ bad files


def _error(ruta: Path, limites: LimitesLectura | None = None) -> str:
    with pytest.raises(ErrorLectura) as e:
        extraer_informe(ruta, limites) if limites else extraer_informe(ruta)
    return str(e.value)


def test_csv_vacio(tmp_path):
    ruta = tmp_path / "vacio.csv"
    ruta.write_bytes(b"")
    assert _error(ruta) == "vacio.csv: el archivo está vacío (0 bytes)"


def test_csv_de_lineas_en_blanco(tmp_path):
    ruta = tmp_path / "blanco.csv"
    ruta.write_bytes(b"\r\n \r\n\r\n")
    assert _error(ruta) == "blanco.csv: el CSV no tiene texto: solo espacios o líneas en blanco"


def test_binario_con_extension_csv(tmp_path):
    ruta = tmp_path / "datos.csv"
    ruta.write_bytes(bytes(range(256)) * 8)
    assert _error(ruta) == (
        "datos.csv: la extensión es .csv pero el contenido no es texto separado por comas: es un archivo binario"
    )


def test_csv_de_una_sola_columna(tmp_path):
    ruta = tmp_path / "lista.csv"
    ruta.write_text("Indicador\r\nTalleres realizados\r\nNiños atendidos\r\n", encoding="utf-8")
    assert _error(ruta) == (
        "lista.csv: el CSV tiene una sola columna: ningún separador de campos "
        "(punto y coma, tabulación, barra vertical, coma) divide sus líneas en columnas"
    )


def test_comilla_sin_cerrar(tmp_path):
    ruta = tmp_path / "roto.csv"
    ruta.write_text('Indicador;Meta\r\nTalleres;12\r\n"Niños atendidos;40\r\nHuertas;3\r\n', encoding="utf-8")
    assert _error(ruta) == 'roto.csv: el CSV tiene una comilla (") sin cerrar desde la línea 3'


def test_texto_que_no_es_utf8_ni_cp1252(tmp_path):
    ruta = tmp_path / "raro.csv"
    ruta.write_bytes("Indicador;Meta\r\nTalleres;12\r\n".encode() + b"Ni\x81os;3\r\n\xc3")
    assert _error(ruta) == (
        "raro.csv: el CSV no es texto en UTF-8 ni en Windows-1252 (ANSI); guárdelo de nuevo como CSV UTF-8"
    )


def test_una_exportacion_de_observaciones_no_es_un_informe(tmp_path):
    filas = [
        ["observacion_id", "archivo", "informe_id", "indicador", "medida", "valor"],
        ["a-1", "a.pdf", "a", "X", "meta", "3"],
    ]
    ruta = escribir(tmp_path / "observaciones.csv", filas, "utf-8", ",")
    assert "es una tabla de cifras ya extraídas" in _error(ruta)


def test_limite_de_tamano(tmp_path):
    ruta = tmp_path / "grande.csv"
    ruta.write_bytes(b"a;1\n" * (3 << 17))  # 1,5 MB
    assert _error(ruta, LimitesLectura(csv_tamano=1 << 20)) == "grande.csv: el CSV ocupa 1,5 MB; el máximo es 1 MB"


def test_texto_sin_extension_csv_sigue_sin_ser_un_informe(tmp_path):
    ruta = escribir(tmp_path / "tabla.pdf", TABLA_ES_CO, "utf-8", ";")
    assert _error(ruta) == "tabla.pdf: no es un PDF ni un documento de Word (.docx) válido"
