"""Issue 16, the conventions analysts and data engineers expect: pipes
(--salida -, a closed pipe, json/jsonl), `validar` for automation (summary,
filters, exit code 2), `consultar` and the store's views, the Python API,
complete exports, --version, examples in --help, INFORMES_DB, CSV for Excel
and 80-column output. Through the real command (a child process) on a real
DuckDB file loaded from the corpus."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import warnings
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

import esquemas
from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen
from pipelines.carga import guardado
from pipelines.cli import app
from tests.conftest import INFORMES

RAIZ = Path(__file__).resolve().parents[3]
PDF = INFORMES / "barrancabermeja_prensa_2017.pdf"
DOCX = INFORMES / "girardot_salud_2018.docx"
COLUMNAS_OBS = list(esquemas.tabla("observaciones").exportacion)


def informes(*args, cwd, env=None, entrada=None) -> subprocess.CompletedProcess:
    entorno = {k: v for k, v in os.environ.items() if k != "INFORMES_DB"}
    entorno.update({"COLUMNS": "200", "PYTHONPATH": str(RAIZ), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "pipelines.cli", *args],
        cwd=cwd,
        capture_output=True,
        env=entorno,
        timeout=300,
        input=entrada,
    )


def texto(r: subprocess.CompletedProcess) -> str:
    return r.stdout.decode("utf-8")


@pytest.fixture(scope="module")
def carpeta(tmp_path_factory) -> Path:
    """A real store (datos.duckdb) with a PDF and a Word report, loaded by
    the real command."""
    d = tmp_path_factory.mktemp("convenciones")
    r = informes("cargar", str(PDF), str(DOCX), "--db", "datos.duckdb", cwd=d)
    assert r.returncode == 0, r.stderr.decode()
    return d


def filas_csv(datos: bytes, **kw) -> list[dict]:
    return list(csv.DictReader(io.StringIO(datos.decode(kw.pop("codificacion", "utf-8")), newline=""), **kw))


# ---------------------------------------------------------------- pipes


def test_exportar_a_la_salida_estandar_es_el_mismo_csv(carpeta):
    a_archivo = informes("exportar", "--db", "datos.duckdb", "--salida", "obs.csv", cwd=carpeta)
    assert a_archivo.returncode == 0
    a_tuberia = informes("exportar", "--db", "datos.duckdb", "--salida", "-", cwd=carpeta)
    assert a_tuberia.returncode == 0 and a_tuberia.stderr == b""
    assert a_tuberia.stdout == (carpeta / "obs.csv").read_bytes()  # nothing else on standard output
    filas = filas_csv(a_tuberia.stdout)
    assert list(filas[0]) == COLUMNAS_OBS
    assert len(filas) == 98 + 172
    assert len({f["observacion_id"] for f in filas}) == len(filas)
    assert {f["marcada"] for f in filas} == {"true", "false"}
    assert all(f["confianza"] for f in filas)
    codigos = [f["codigo"] for f in filas if f["codigo"]]
    assert codigos and all(c == c.strip() for c in codigos)


def test_json_y_jsonl_donde_hay_csv(carpeta):
    jsonl = informes("exportar", "--db", "datos.duckdb", "--salida", "-", "--formato", "jsonl", cwd=carpeta)
    objetos = [json.loads(linea) for linea in texto(jsonl).splitlines()]
    assert len(objetos) == 270 and list(objetos[0]) == COLUMNAS_OBS
    assert isinstance(objetos[0]["valor"], float) and isinstance(objetos[0]["marcada"], bool)
    assert objetos[0]["periodo_fin"] == "2017-12-31"
    arreglo = informes(
        "exportar", "--db", "datos.duckdb", "--salida", "inf.json", "--tabla", "informes", cwd=carpeta
    )  # format from the extension
    assert arreglo.returncode == 0
    assert sorted(i["archivo"] for i in json.loads((carpeta / "inf.json").read_text(encoding="utf-8"))) == [
        PDF.name,
        DOCX.name,
    ]
    hallazgos = informes("validar", "--db", "datos.duckdb", "--formato", "json", cwd=carpeta)
    assert {h["severidad"] for h in json.loads(texto(hallazgos))} >= {"error"}
    comparar = informes("comparar", "--db", "datos.duckdb", "--salida", "-", "--formato", "jsonl", cwd=carpeta)
    assert comparar.returncode == 0, comparar.stderr
    assert all("anio" in json.loads(linea) for linea in texto(comparar).splitlines())
    indicadores = informes("indicadores", "--db", "datos.duckdb", "--formato", "json", cwd=carpeta)
    assert indicadores.returncode == 0 and json.loads(texto(indicadores))


def test_tuberia_cerrada_termina_en_silencio_con_0(carpeta):
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "exportar",
            "--db",
            "datos.duckdb",
            "--salida",
            "-",
            "--formato",
            "jsonl",
        ],
        cwd=carpeta,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(RAIZ)},
    )
    primera = p.stdout.readline()
    p.stdout.close()  # like `| head -1`: the reader goes away with ~250 kB still to write
    _, err = p.communicate(timeout=120)
    assert json.loads(primera)["archivo"]
    assert p.returncode == 0 and err == b""
    # a table printed by rich (whose own handler would exit with 1)
    p = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipelines.cli",
            "consultar",
            "SELECT * FROM observaciones, range(4)",
            "--db",
            "datos.duckdb",
        ],
        cwd=carpeta,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(RAIZ), "COLUMNS": "100"},
    )
    p.stdout.readline()
    p.stdout.close()
    _, err = p.communicate(timeout=120)
    assert p.returncode == 0 and err == b""
    # the same through a real shell pipeline
    bash = shutil.which("bash")
    if bash:
        r = subprocess.run(
            [
                bash,
                "-c",
                f"set -o pipefail; {sys.executable} -m pipelines.cli exportar --db datos.duckdb "
                "--salida - --formato csv | head -n 2",
            ],
            cwd=carpeta,
            capture_output=True,
            env={**os.environ, "PYTHONPATH": str(RAIZ)},
            timeout=120,
        )
        assert r.returncode == 0 and r.stderr == b"" and len(r.stdout.splitlines()) == 2


def test_parquet_por_la_salida_estandar(carpeta):
    r = informes("exportar", "--db", "datos.duckdb", "--salida", "-", "--formato", "parquet", cwd=carpeta)
    assert r.returncode == 0 and r.stdout.startswith(b"PAR1")
    tabla = pq.read_table(io.BytesIO(r.stdout))
    assert tabla.num_rows == 270 and tabla.column_names[: len(COLUMNAS_OBS)] == COLUMNAS_OBS
    assert set(tabla.column("archivo").to_pylist()) == {PDF.name, DOCX.name}


def test_csv_para_excel_en_colombia(carpeta):
    r = informes("exportar", "--db", "datos.duckdb", "--salida", "excel.csv", "--excel", cwd=carpeta)
    assert r.returncode == 0, r.stderr
    crudo = (carpeta / "excel.csv").read_bytes()
    assert crudo.startswith(b"\xef\xbb\xbfobservacion_id;archivo;") and b"\r\n" in crudo
    filas = filas_csv(crudo, codificacion="utf-8-sig", delimiter=";")
    dinero = next(f for f in filas if f["tipo_gasto"] == "funcionamiento" and f["medida"] == "recursos_ejecutados")
    assert dinero["valor"] == "983286659,67"
    assert informes("exportar", "--db", "datos.duckdb", "--salida", "x.xlsx", "--excel", cwd=carpeta).returncode == 1


# ------------------------------------------------------------- validar


def test_validar_resumen_por_regla_y_codigo_2(carpeta):
    r = informes("validar", "--db", "datos.duckdb", cwd=carpeta, env={"COLUMNS": "80"})
    salida = texto(r)
    assert r.returncode == 2, r.stderr  # error-level findings: a scheduled job can stop here
    assert "Hallazgos por regla" in salida and "acumulado_menor_que_periodo" in salida
    assert "Total: 2 errores" in salida and "--detalle" in salida
    assert "Posible intercambio" not in salida  # the messages only with --detalle
    assert all(len(linea) <= 80 for linea in salida.splitlines())
    detalle = informes("validar", "--db", "datos.duckdb", "--detalle", cwd=carpeta)
    assert detalle.returncode == 2 and "Posible intercambio" in texto(detalle)


def test_validar_filtros(carpeta):
    def jsonl(*args):
        r = informes("validar", "--db", "datos.duckdb", "--formato", "jsonl", "--salida", "-", *args, cwd=carpeta)
        return r.returncode, [json.loads(linea) for linea in texto(r).splitlines()]

    codigo, todos = jsonl()
    assert codigo == 2 and {h["archivo"] for h in todos} == {PDF.name, DOCX.name}
    codigo, de_girardot = jsonl("--archivo", "girardot")
    assert {h["archivo"] for h in de_girardot} == {DOCX.name} and codigo == 2
    codigo, de_barranca = jsonl("--entidad", "Barrancabermeja")
    assert {h["archivo"] for h in de_barranca} == {PDF.name}
    sin_error = sorted(
        {h["regla"] for h in todos if h["severidad"] != "error"}
        - {h["regla"] for h in todos if h["severidad"] == "error"}
    )
    codigo, de_regla = jsonl("--regla", sin_error[0])
    assert codigo == 0 and de_regla and {h["regla"] for h in de_regla} == {sin_error[0]}
    codigo, errores = jsonl("--severidad", "error")
    assert codigo == 2 and len(errores) == 2 and {h["severidad"] for h in errores} == {"error"}
    r = informes("validar", "--db", "datos.duckdb", "--regla", "no_existe", cwd=carpeta)
    assert r.returncode == 1 and r.stderr.decode().startswith("Error: Regla desconocida: no_existe.")
    r = informes("validar", "--db", "datos.duckdb", "--archivo", "nada-parecido", cwd=carpeta)
    assert r.returncode == 0 and "No hay hallazgos con esos filtros." in texto(r)


# ----------------------------------------------------------- consultar


def test_consultar_tabla_csv_y_json(carpeta):
    sql = "SELECT archivo, observaciones, errores FROM resumen_informes ORDER BY archivo"
    r = informes("consultar", sql, "--db", "datos.duckdb", cwd=carpeta)
    assert r.returncode == 0 and PDF.name in texto(r) and "2 filas." in texto(r)
    r = informes("consultar", sql, "--db", "datos.duckdb", "--formato", "csv", cwd=carpeta)
    assert texto(r).splitlines() == ["archivo,observaciones,errores", f"{PDF.name},98,1", f"{DOCX.name},172,1"]
    r = informes("consultar", sql, "--db", "datos.duckdb", "--formato", "json", cwd=carpeta)
    assert json.loads(texto(r))[1] == {"archivo": DOCX.name, "observaciones": 172, "errores": 1}


def test_consultar_no_escribe_nada(carpeta):
    db = carpeta / "datos.duckdb"
    antes = hashlib.sha256(db.read_bytes()).hexdigest()
    for sql in (
        "DELETE FROM observaciones",
        "DROP VIEW observaciones_largas",
        "COPY observaciones TO 'copia.csv'",
        "ATTACH 'otra.duckdb' AS otra",
        "SELECT * FROM read_csv('obs.csv')",
        "SET enable_external_access = true",
    ):
        r = informes("consultar", sql, "--db", "datos.duckdb", cwd=carpeta)
        error = r.stderr.decode()
        assert r.returncode == 1 and error.startswith("Error: ") and len(error.strip().splitlines()) == 1, sql
    assert hashlib.sha256(db.read_bytes()).hexdigest() == antes
    assert not (carpeta / "copia.csv").exists() and not (carpeta / "otra.duckdb").exists()
    r = informes("consultar", "SELECT * FROM nada", "--db", "datos.duckdb", cwd=carpeta)
    assert "La tabla o vista nada no existe. Hay: " in r.stderr.decode() and "observaciones_largas" in r.stderr.decode()


def test_observaciones_largas_una_cifra_por_entidad_indicador_medida_y_anio(carpeta):
    con = duckdb.connect(str(carpeta / "datos.duckdb"), read_only=True)
    try:
        total, distintas, varios_anios = con.execute(
            "SELECT count(*), count(DISTINCT (entidad_clave, indicador_clave, medida, tipo_gasto, fuente_financiacion,"
            " anio)), count(*) FILTER (WHERE year(periodo_inicio) <> anio) FROM observaciones_largas"
        ).fetchone()
        columnas = [c[0] for c in con.execute("SELECT * FROM observaciones_largas LIMIT 0").description]
    finally:
        con.close()
    assert total > 100 and total == distintas and varios_anios == 0
    assert columnas == esquemas.vistas()["observaciones_largas"].nombres


def _obs(valor, inicio, fin, medida="ejecutado"):
    return Observacion(
        indicador="Vacunas aplicadas",
        valor=valor,
        valor_texto=str(valor),
        medida=medida,
        unidad="numero",
        periodo_inicio=inicio,
        periodo_fin=fin,
        pagina=1,
        tabla=1,
        fila=1,
        columna=1,
    )


def test_observaciones_largas_elige_el_acumulado_con_el_corte_mas_reciente(tmp_path):
    con = almacen.abrir(tmp_path / "a.duckdb")
    informe = InformeExtraido(
        archivo="x.pdf",
        sha256=hashlib.sha256(b"x").hexdigest(),
        formato="pdf",
        paginas=1,
        metadatos=MetadatosInforme(entidad="Alcaldía de Tenjo", vigencia=2024),
        observaciones=[
            _obs(10, date(2024, 1, 1), date(2024, 3, 31)),
            _obs(25, date(2024, 1, 1), date(2024, 6, 30)),
            _obs(15, date(2024, 4, 1), date(2024, 6, 30)),
            _obs(40, date(2024, 1, 1), date(2024, 12, 31), medida="meta"),
            _obs(99, date(2024, 1, 1), date(2027, 12, 31), medida="meta_cuatrienio"),
        ],
    )
    guardado.guardar_informe(con, informe, tmp_path / "x.pdf")
    filas = con.execute(
        "SELECT medida, anio, valor, periodo_fin, anio_completo FROM observaciones_largas ORDER BY medida"
    ).fetchall()
    con.close()
    assert filas == [
        ("ejecutado", 2024, 25.0, date(2024, 6, 30), False),
        ("meta", 2024, 40.0, date(2024, 12, 31), True),
    ]


def test_vistas_en_bases_anteriores_y_ajenas(tmp_path, carpeta):
    db = tmp_path / "vieja.duckdb"
    shutil.copy(carpeta / "datos.duckdb", db)
    con = duckdb.connect(str(db))
    for nombre in esquemas.vistas():
        con.execute(f'DROP VIEW "{nombre}"')  # a store written before the views existed
    con.close()
    r = informes(
        "consultar", "SELECT count(*) AS n FROM observaciones_largas", "--db", str(db), "--formato", "csv", cwd=tmp_path
    )
    assert r.returncode == 0, r.stderr
    con = duckdb.connect(str(db), read_only=True)  # read-only: temporary views, the file is untouched
    assert con.execute("SELECT count(*) FROM duckdb_views() WHERE NOT internal").fetchone()[0] == 0
    con.close()
    con = almacen.abrir(db)  # opened for writing: created
    con.execute("COMMENT ON VIEW observaciones_largas IS 'otra definición'")
    con.close()
    con = almacen.abrir(db)  # a changed definition is replaced
    comentarios = dict(con.execute("SELECT view_name, comment FROM duckdb_views() WHERE NOT internal").fetchall())
    con.execute("CREATE VIEW mi_vista AS SELECT 1 AS x")
    con.close()
    assert set(comentarios) == set(esquemas.vistas())
    assert comentarios["observaciones_largas"].startswith("Formato largo como el de TerriData")
    with pytest.raises(almacen.ErrorAlmacen, match="no es un almacén de informes.*mi_vista"):
        almacen.abrir(db)  # a view that is not ours is still foreign


# ----------------------------------------------------------- API


def test_api_leer_un_archivo_sin_base(carpeta):
    from pipelines import leer

    observaciones, hallazgos = leer(DOCX)
    assert list(observaciones.columns[: len(COLUMNAS_OBS)]) == COLUMNAS_OBS
    assert len(observaciones) == 172 and set(observaciones["archivo"]) == {DOCX.name}
    assert observaciones["valor"].dtype == "float64"
    assert list(hallazgos["severidad"]).count("error") == 1 and set(hallazgos["archivo"]) == {DOCX.name}
    con = duckdb.connect(str(carpeta / "datos.duckdb"), read_only=True)
    try:  # the ids and values the store has for the same file
        guardadas = con.execute(
            "SELECT observacion_id, valor FROM observaciones o JOIN informes i USING (informe_id) "
            "WHERE i.archivo = ? ORDER BY observacion_id",
            [DOCX.name],
        ).fetchall()
    finally:
        con.close()
    assert guardadas == list(zip(observaciones["observacion_id"], observaciones["valor"]))


def test_api_leer_carpeta_con_un_archivo_malo(tmp_path):
    from pipelines import AvisoLectura, ErrorApi, leer

    shutil.copy(DOCX, tmp_path / DOCX.name)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "roto.pdf").write_bytes(b"%PDF-1.7 cortado")
    with warnings.catch_warnings(record=True) as avisos:
        warnings.simplefilter("always")
        observaciones, hallazgos = leer(str(tmp_path))
    assert len(observaciones) == 172 and [a.category for a in avisos] == [AvisoLectura]
    assert "roto.pdf" in str(avisos[0].message)
    with pytest.raises(ErrorApi):
        leer(tmp_path / "sub" / "roto.pdf")
    with pytest.raises(ErrorApi, match="No existe"):
        leer(tmp_path / "nada.pdf")


def test_api_abrir_almacen(carpeta, tmp_path):
    import pipelines

    with pipelines.abrir(carpeta / "datos.duckdb") as a:
        observaciones = a.observaciones()
        limpias = a.observaciones(sin_marcadas=True)
        errores = a.hallazgos("error")
        informes_df = a.informes()
        largas = a.consulta("SELECT * FROM observaciones_largas WHERE entidad_clave = ?", ["alcaldia-girardot"])
        with pytest.raises(pipelines.ErrorApi, match="modificar"):
            a.consulta("DELETE FROM observaciones")
    assert list(observaciones.columns[: len(COLUMNAS_OBS)]) == COLUMNAS_OBS and len(observaciones) == 270
    assert len(limpias) == 270 - int(observaciones["marcada"].sum()) < 270
    assert len(errores) == 2 and len(informes_df) == 2
    assert len(largas) and set(largas["entidad_clave"]) == {"alcaldia-girardot"}
    with pytest.raises(pipelines.ErrorApi, match="No existe la base de datos"):
        pipelines.abrir(tmp_path / "nada.duckdb")
    assert not (tmp_path / "nada.duckdb").exists()


# ----------------------------------------------------------- small things


def test_version_y_ejemplo_en_cada_ayuda(carpeta):
    r = informes("--version", cwd=carpeta)
    assert r.returncode == 0 and texto(r).startswith("informes ")
    runner = CliRunner()
    comandos = sorted(typer.main.get_command(app).commands)
    assert {"consultar", "validar", "exportar", "resumen"} <= set(comandos)
    for nombre in [None] + comandos:
        ayuda = runner.invoke(app, ([nombre] if nombre else []) + ["--help"], env={"COLUMNS": "120"})
        assert ayuda.exit_code == 0 and "Ejemplo" in ayuda.stdout, nombre


def test_variable_informes_db(carpeta, tmp_path):
    r = informes("resumen", cwd=tmp_path, env={"INFORMES_DB": str(carpeta / "datos.duckdb")})
    assert r.returncode == 0 and PDF.name in texto(r)
    assert not (tmp_path / "indicadores.duckdb").exists()
    r = informes("resumen", cwd=tmp_path, env={"INFORMES_DB": str(tmp_path / "otra.duckdb")})
    assert r.returncode == 1 and "otra.duckdb" in r.stderr.decode()


def test_resumen_una_linea_por_informe_en_80_columnas(carpeta):
    r = informes("resumen", "--db", "datos.duckdb", cwd=carpeta, env={"COLUMNS": "80"})
    lineas = texto(r).splitlines()
    assert r.returncode == 0 and all(len(linea) <= 80 for linea in lineas)
    assert sum(PDF.name in linea for linea in lineas) == 1 and sum(DOCX.name in linea for linea in lineas) == 1
    fila = next(linea for linea in lineas if DOCX.name in linea).split()
    assert fila[1:4] == ["2018", "172", "1"]  # año, cifras, errores
    ancha = texto(informes("resumen", "--db", "datos.duckdb", cwd=carpeta, env={"COLUMNS": "200"}))
    assert "Alcaldía de Girardot" in ancha


def test_esquema_md_documenta_columnas_de_exportacion_y_vistas():
    import re

    texto = (Path(esquemas.__file__).parent / "esquema.md").read_text(encoding="utf-8")
    bloque = texto.split("<!-- columnas-exportacion-observaciones -->")[1].split("<!--")[0]
    assert re.findall(r"^\d+\. `(\w+)`$", bloque, re.MULTILINE) == COLUMNAS_OBS
    for vista in esquemas.vistas().values():
        seccion = texto.split(f"### `{vista.nombre}`")[1].split("###")[0]
        assert re.findall(r"^\| `(\w+)` \|", seccion, re.MULTILINE) == vista.nombres
