"""`informes comparar`: the figure that stands for each year, avance and
variación, the CSV / Parquet / XLSX files, and the corpus's multi-year
reports end to end."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from datetime import date

import openpyxl
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen
from pipelines.carga import guardado
from pipelines.cli import app
from pipelines.salidas.comparar import COLUMNAS, Filtros, cifras, comparar, corte_texto
from tests.conftest import INFORMES

D = date


def obs(indicador, medida, valor, inicio, fin, unidad="numero", **kw) -> Observacion:
    return Observacion(
        indicador=indicador,
        medida=medida,
        valor=float(valor),
        valor_texto=str(valor),
        unidad=unidad,
        periodo_inicio=inicio,
        periodo_fin=fin,
        pagina=kw.pop("pagina", 2),
        tabla=1,
        fila=1,
        columna=1,
        **kw,
    )


def informe(archivo, entidad, vigencia, corte, observaciones, dependencia="Oficina de Prensa"):
    return InformeExtraido(
        archivo=archivo,
        sha256=hashlib.sha256(archivo.encode()).hexdigest(),
        formato="pdf",
        paginas=3,
        metadatos=MetadatosInforme(
            entidad=entidad,
            dependencia=dependencia,
            vigencia=vigencia,
            periodo_inicio=D(vigencia, 1, 1),
            periodo_fin=corte,
            fecha_corte=corte,
        ),
        observaciones=observaciones,
    )


@pytest.fixture
def con(tmp_path):
    c = almacen.abrir(tmp_path / "comparar.duckdb")
    informes = [
        informe(
            "b2017.pdf",
            "Alcaldía de Barrancabermeja",
            2017,
            D(2017, 9, 30),
            [
                obs("BOLETINES DE PRENSA", "meta", 649, D(2017, 1, 1), D(2017, 12, 31)),
                obs("BOLETINES DE PRENSA", "ejecutado", 238, D(2017, 6, 1), D(2017, 9, 30)),  # not cumulative
                obs("BOLETINES DE PRENSA", "acumulado", 585, D(2017, 1, 1), D(2017, 9, 30)),
                obs("BOLETINES DE PRENSA", "meta_cuatrienio", 2600, D(2016, 1, 1), D(2019, 12, 31)),
                obs("TWITTER", "meta", 2000, D(2017, 1, 1), D(2017, 12, 31)),
                obs(
                    "Recursos de inversión",
                    "recursos_programados",
                    1_000_000_000,
                    D(2017, 1, 1),
                    D(2017, 12, 31),
                    "pesos",
                    tipo_gasto="inversion",
                ),
                obs(
                    "Recursos de inversión",
                    "recursos_ejecutados",
                    400_000_000,
                    D(2017, 1, 1),
                    D(2017, 9, 30),
                    "pesos",
                    tipo_gasto="inversion",
                ),
            ],
        ),
        informe(
            "b2018_t2.pdf",
            "Alcaldía de Barrancabermeja",
            2018,
            D(2018, 6, 30),
            [
                obs("Boletines de prensa", "meta", 640, D(2018, 1, 1), D(2018, 12, 31)),
                obs("Boletines de prensa", "acumulado", 322, D(2018, 1, 1), D(2018, 6, 30)),
                obs("Seguidores en Twitter", "meta", 40, D(2018, 1, 1), D(2018, 12, 31), "porcentaje"),
            ],
        ),
        informe(
            "b2018_anual.pdf",
            "Alcaldía Distrital de Barrancabermeja",
            2018,
            D(2018, 12, 31),
            [
                obs("Boletines de prensa", "meta", 650, D(2018, 1, 1), D(2018, 12, 31), pagina=7),
                obs("Boletines de prensa", "acumulado", 702, D(2018, 1, 1), D(2018, 12, 31), pagina=7),
                obs("=Boletines", "meta", 1, D(2018, 1, 1), D(2018, 12, 31), codigo="0401004"),
            ],
        ),
        informe(
            "bucaramanga.pdf",
            "Alcaldía de Bucaramanga",
            2018,
            D(2018, 6, 30),
            [
                obs("Boletines de prensa", "meta", 900, D(2018, 1, 1), D(2018, 12, 31)),
            ],
        ),
    ]
    for inf in informes:
        guardado.guardar_informe(c, inf, tmp_path / inf.archivo)
    yield c
    c.close()


def _fila(filas, indicador_clave, medida, anio, tipo_gasto=None):
    [f] = [
        r
        for r in filas
        if r["indicador_clave"] == indicador_clave
        and r["medida"] == medida
        and r["anio"] == anio
        and r["tipo_gasto"] == tipo_gasto
    ]
    return f


def test_una_cifra_por_anio(con):
    filas = cifras(con)
    claves = Counter((r["indicador_clave"], r["medida"], r["tipo_gasto"], r["anio"]) for r in filas)
    assert max(claves.values()) == 1
    boletines = "alcaldia-barrancabermeja/boletines-prensa"
    # meta of the year from the report with the latest cut
    meta18 = _fila(filas, boletines, "meta", 2018)
    assert meta18["valor"] == 650 and meta18["archivo"] == "b2018_anual.pdf" and meta18["pagina"] == 7
    assert meta18["corte"] is None and not meta18["parcial"]
    # cumulative: the latest period end; a closed year has no partial mark
    acum18 = _fila(filas, boletines, "acumulado", 2018)
    assert (acum18["valor"], acum18["corte"], acum18["parcial"]) == (702, "a 31 dic", False)
    acum17 = _fila(filas, boletines, "acumulado", 2017)
    assert (acum17["valor"], acum17["corte"], acum17["parcial"]) == (585, "a 30 sep", True)
    # a June-September execution is not a figure of the year; a four-year meta has no year
    assert not [r for r in filas if r["medida"] in ("ejecutado", "meta_cuatrienio")]
    # avance against the year's meta; variación against the previous year
    assert acum18["avance"] == pytest.approx(702 / 650)
    assert acum18["variacion"] == pytest.approx((702 - 585) / 585)
    assert acum17["avance"] == pytest.approx(585 / 649) and acum17["variacion"] is None
    # the entity's latest name; names as written each year
    assert meta18["entidad"] == "Alcaldía Distrital de Barrancabermeja"
    assert acum17["nombre_en_informe"] == "BOLETINES DE PRENSA"
    dinero = _fila(filas, "alcaldia-barrancabermeja/recursos-inversion", "recursos_ejecutados", 2017, "inversion")
    assert dinero["avance"] == pytest.approx(0.4) and dinero["corte"] == "a 30 sep"


def test_unidades_distintas_no_se_comparan_en_silencio(con):
    twitter = [r for r in cifras(con) if r["indicador_clave"] == "alcaldia-barrancabermeja/twitter"]
    assert len(twitter) == 2
    assert all("unidades distintas" in r["aviso"] for r in twitter)
    assert all(r["variacion"] is None for r in twitter)


def test_entidades_no_se_mezclan_y_filtros(con):
    filas = cifras(con, Filtros(entidad="Bucaramanga"))
    assert {r["entidad_clave"] for r in filas} == {"alcaldia-bucaramanga"}
    assert len(filas) == 1 and filas[0]["valor"] == 900
    assert {r["medida"] for r in cifras(con, Filtros(medida="meta"))} == {"meta"}
    por_nombre = cifras(con, Filtros(indicador="seguidores en twitter"))
    assert {r["indicador_clave"] for r in por_nombre} == {"alcaldia-barrancabermeja/twitter"}
    assert cifras(con, Filtros(dependencia="Secretaría de Salud")) == []
    assert cifras(con, Filtros(dependencia="prensa"))


def test_corte_texto():
    assert corte_texto(D(2018, 6, 30)) == "a 30 jun" and corte_texto(D(2021, 9, 1)) == "a 1 sep"


def test_csv_y_parquet(con, tmp_path):
    n = comparar(con, "csv", tmp_path / "c.csv", None)
    with open(tmp_path / "c.csv", encoding="utf-8", newline="") as f:
        filas = list(csv.reader(f))
    assert filas[0] == COLUMNAS and len(filas) == n + 1
    for columna in (
        "entidad_clave",
        "entidad",
        "dependencia",
        "indicador_clave",
        "indicador",
        "medida",
        "anio",
        "periodo_inicio",
        "periodo_fin",
        "valor",
        "unidad",
        "avance",
        "variacion",
        "archivo",
        "pagina",
    ):
        assert columna in COLUMNAS
    texto = (tmp_path / "c.csv").read_text(encoding="utf-8")
    assert "'=Boletines" in texto and "1000000000," in texto and "e+" not in texto
    comparar(con, "parquet", tmp_path / "c.parquet", None)
    tabla = pq.read_table(tmp_path / "c.parquet")
    assert tabla.num_rows == n and tabla.schema.names == COLUMNAS
    assert str(tabla.schema.field("anio").type) == "int32" and str(tabla.schema.field("valor").type) == "double"
    assert str(tabla.schema.field("periodo_fin").type) == "date32[day]"


def test_xlsx_ancha_larga_y_vinculos(con, tmp_path):
    comparar(con, "xlsx", tmp_path / "c.xlsx", None)
    libro = openpyxl.load_workbook(tmp_path / "c.xlsx")
    assert libro.sheetnames == ["Comparación", "Datos", "Vínculos"]
    ancha = libro["Comparación"]
    assert ancha.freeze_panes == "F2"
    encabezado = [c.value for c in ancha[1]]
    assert encabezado[:5] == ["Entidad", "Dependencia", "Clave del indicador", "Código", "Indicador"]
    assert "2017" in encabezado and "2018" in encabezado
    filas = {(r[2].value, r[5].value): r for r in ancha.iter_rows(min_row=2)}
    acumulado = filas[("alcaldia-barrancabermeja/boletines-prensa", "acumulado")]
    celda17 = acumulado[encabezado.index("2017")]
    assert celda17.value == 585 and "#,##0" in celda17.number_format and "240A" in celda17.number_format
    assert celda17.font.i and "a 30 sep" in celda17.comment.text  # a year not closed
    assert not acumulado[encabezado.index("2018")].font.i
    codigo = next(r for (k, m), r in filas.items() if r[4].value == "'=Boletines")[3]
    assert codigo.value == "0401004" and codigo.data_type == "s" and codigo.number_format == "@"
    dinero = filas[("alcaldia-barrancabermeja/recursos-inversion", "recursos_programados")]
    assert '"$"' in dinero[encabezado.index("2017")].number_format
    larga = libro["Datos"]
    assert [c.value for c in larga[1]] == COLUMNAS and larga.freeze_panes == "A2"
    vinculos = libro["Vínculos"]
    variantes = [r[3].value for r in vinculos.iter_rows(min_row=2)]
    assert "Seguidores en Twitter" in variantes and "TWITTER" in variantes
    assert all(
        not str(c.value).startswith("=") for ws in libro for row in ws.iter_rows() for c in row if c.value is not None
    )


def test_cli_comparar(con, tmp_path):
    db = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()[0]
    con.close()
    r = CliRunner()
    salida = r.invoke(
        app,
        [
            "comparar",
            "--db",
            db,
            "--entidad",
            "barrancabermeja",
            "--medida",
            "acumulado",
            "--formato",
            "csv",
            "--salida",
            str(tmp_path / "x.csv"),
        ],
    )
    assert salida.exit_code == 0, salida.output
    with open(tmp_path / "x.csv", encoding="utf-8") as f:
        filas = list(csv.DictReader(f))
    assert {f["medida"] for f in filas} == {"acumulado"} and len(filas) == 2
    malo = r.invoke(app, ["comparar", "--db", db, "--salida", str(tmp_path / "x.txt")])
    assert malo.exit_code == 1 and "Formato desconocido" in malo.output
    assert (
        r.invoke(app, ["comparar", "--db", str(tmp_path / "no.duckdb"), "--salida", str(tmp_path / "y.csv")]).exit_code
        == 1
    )


# -------------------------------------------------------------------- corpus

SERIE = [
    "barrancabermeja_prensa_2017",
    "barrancabermeja_prensa_2018",
    "barrancabermeja_prensa_2019",
    "barrancabermeja_prensa_2020",
    "barrancabermeja_prensa_2021",
    "bucaramanga_prensa_2018",
]


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory):
    from extractor import extraer_informe

    ruta = tmp_path_factory.mktemp("serie") / "serie.duckdb"
    c = almacen.abrir(ruta)
    for id_ in reversed(SERIE):  # any order gives the same links
        guardado.guardar_informe(c, extraer_informe(INFORMES / f"{id_}.docx"), INFORMES / f"{id_}.docx")
    yield c
    c.close()


def test_corpus_una_fila_por_indicador_y_anio(corpus_db):
    filas = cifras(corpus_db)
    claves = Counter((r["indicador_clave"], r["medida"], r["tipo_gasto"], r["anio"]) for r in filas)
    assert max(claves.values()) == 1
    assert {r["entidad_clave"] for r in filas} == {"alcaldia-barrancabermeja", "alcaldia-bucaramanga"}
    por_clave: dict[str, set] = {}
    for r in filas:
        if r["medida"] == "meta":
            por_clave.setdefault(r["indicador_clave"], set()).add(r["anio"])
    # the same indicator across five years, three names and a plan change
    barranca = {k: v for k, v in por_clave.items() if k.startswith("alcaldia-barrancabermeja/")}
    cinco = {k for k, v in barranca.items() if v == {2017, 2018, 2019, 2020, 2021}}
    assert len(cinco) >= 6, barranca
    nombres = {r["nombre_en_informe"] for r in filas if r["indicador_clave"] in cinco and r["medida"] == "meta"}
    assert {
        "BOLETINES DE PRENSA",
        "Boletines de prensa",
        "Comunicados de prensa difundidos",
        "TWITTER",
        "Seguidores en Twitter",
        "Seguidores en la red social Twitter",
    } <= nombres
    # an indicator that disappears with the new plan, one that appears
    assert any(v == {2017, 2018, 2019} for v in barranca.values())
    assert any(v == {2020, 2021} for v in barranca.values())
    # the year not closed carries its cut
    corte = {
        r["anio"]: r["corte"]
        for r in filas
        if r["medida"] == "ejecutado"
        and r["entidad_clave"] == "alcaldia-barrancabermeja"
        and r["nombre_en_informe"] in ("Seguidores en Twitter", "Seguidores en la red social Twitter")
    }
    assert corte == {2019: "a 31 dic", 2020: "a 30 jun", 2021: "a 30 sep"}
