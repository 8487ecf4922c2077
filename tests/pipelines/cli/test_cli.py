"""Batch loading, evaluation and the `informes` command line, with a fake
extractor that reads JSON written into .pdf/.docx files."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import pipelines.carga.cargar
from extractor.errores import ErrorLectura
from extractor.resultado import FilaNoMapeada, InformeExtraido, MetadatosInforme, Observacion
from pipelines.carga.cargar import cargar_rutas, expandir_rutas
from pipelines.cli import app
from pipelines.evaluacion.evaluar import evaluar

runner = CliRunner()
RAIZ = Path(__file__).resolve().parents[3]


# ------------------------------------------------------------ fake extractor


def extraer_falso(ruta: Path) -> InformeExtraido:
    """Fake extractor: the file holds JSON with the observations to return."""
    crudo = ruta.read_bytes()
    datos = json.loads(crudo)
    if "error" in datos:
        raise ErrorLectura(ruta.name, datos["error"])
    if "inesperado" in datos:
        raise ZeroDivisionError("división por cero")
    observaciones = []
    for o in datos.get("obs", []):
        o = dict(o)
        for campo in ("periodo_inicio", "periodo_fin"):
            if o.get(campo):
                o[campo] = date.fromisoformat(o[campo])
        o.setdefault("valor_texto", str(o["valor"]))
        o.setdefault("unidad", "numero")
        observaciones.append(Observacion(**o))
    return InformeExtraido(
        archivo=ruta.name,
        sha256=hashlib.sha256(crudo).hexdigest(),
        formato=ruta.suffix[1:],
        paginas=1,
        metadatos=MetadatosInforme(
            entidad=datos.get("entidad"), dependencia=datos.get("dependencia"), vigencia=datos.get("vigencia")
        ),
        observaciones=observaciones,
        no_mapeadas=[FilaNoMapeada(texto="Total", motivo="fila de totales")] * datos.get("no_mapeadas", 0),
    )


def escribir(ruta: Path, **datos) -> Path:
    ruta.parent.mkdir(parents=True, exist_ok=True)
    ruta.write_text(json.dumps(datos, ensure_ascii=False), encoding="utf-8")
    return ruta


def documento(ruta: Path, n: int = 2, version: int = 1, **extra) -> Path:
    obs = [{"indicador": f"Indicador {i}", "medida": "ejecutado", "valor": float(i * version)} for i in range(1, n + 1)]
    return escribir(
        ruta, entidad="Alcaldía de Prueba", dependencia="Secretaría TIC", vigencia=2017, obs=obs, no_mapeadas=1, **extra
    )


def contar(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def falso(monkeypatch):
    """Make the fake the default extractor (CLI) and count its calls."""
    llamadas = []

    def extraer(ruta):
        llamadas.append(Path(ruta).name)
        return extraer_falso(ruta)

    monkeypatch.setattr(pipelines.carga.cargar, "extractor_por_defecto", lambda: extraer)
    return llamadas


# ------------------------------------------------------------------ cargar


def test_expandir_rutas_recursivo_ordenado_sin_duplicados(tmp_path):
    docs = tmp_path / "docs"
    for nombre in ("b.pdf", "a.DOCX", "sub/c.pdf", "notas.txt", "~$a.docx"):
        escribir(docs / nombre)
    rutas = expandir_rutas([docs, docs / "b.pdf"])
    assert [p.relative_to(docs).as_posix() for p in rutas] == ["a.DOCX", "b.pdf", "sub/c.pdf"]


def test_un_archivo_malo_no_detiene_el_lote(tmp_path):
    docs = tmp_path / "docs"
    documento(docs / "a.pdf")
    escribir(docs / "b.pdf", error="el archivo está dañado")
    documento(docs / "c.docx", n=3)
    escribir(
        docs / "d.pdf",
        obs=[
            {"indicador": "X", "medida": "ejecutado", "valor": 1.0},
            {"indicador": "Y", "medida": "inventada", "valor": 2.0},
        ],
    )
    escribir(docs / "e.pdf", inesperado=True)
    db = tmp_path / "x.duckdb"
    resultados = cargar_rutas([docs, tmp_path / "falta.pdf"], db, extraer=extraer_falso)
    assert [(r.archivo, r.resultado) for r in resultados] == [
        ("a.pdf", "cargado"),
        ("b.pdf", "fallido"),
        ("c.docx", "cargado"),
        ("d.pdf", "cargado"),
        ("e.pdf", "fallido"),
        ("falta.pdf", "fallido"),
    ]
    motivos = {r.archivo: r.motivo for r in resultados if r.fallido}
    assert motivos["b.pdf"] == "b.pdf: el archivo está dañado"
    # one figure outside the vocabulary never sinks the report: it is set apart, with the reason
    d = next(r for r in resultados if r.archivo == "d.pdf")
    assert d.observaciones == 1 and any("1 cifra no válida" in a for a in d.avisos)
    assert contar(db, "SELECT count(*) FROM filas_no_mapeadas WHERE motivo LIKE '%inventada%'") == [(1,)]
    assert motivos["e.pdf"].startswith("e.pdf: error inesperado (ZeroDivisionError")
    assert motivos["falta.pdf"].startswith("falta.pdf: no existe el archivo")
    assert contar(db, "SELECT archivo FROM informes ORDER BY 1") == [("a.pdf",), ("c.docx",), ("d.pdf",)]
    assert contar(db, "SELECT count(*) FROM observaciones") == [(6,)]
    cargas = contar(db, "SELECT archivo, resultado, motivo IS NOT NULL FROM cargas ORDER BY archivo")
    assert cargas == [
        ("a.pdf", "cargado", False),
        ("b.pdf", "fallido", True),
        ("c.docx", "cargado", False),
        ("d.pdf", "cargado", False),
        ("e.pdf", "fallido", True),
        ("falta.pdf", "fallido", True),
    ]


def test_recarga_sin_cambios_no_extrae_y_archivo_cambiado_reemplaza(tmp_path, falso):
    docs = tmp_path / "docs"
    documento(docs / "a.pdf")
    documento(docs / "b.pdf", n=3)
    db = tmp_path / "x.duckdb"
    primera = cargar_rutas([docs], db)
    estado = contar(db, "SELECT * FROM observaciones ORDER BY observacion_id")
    segunda = cargar_rutas([docs], db)
    assert [r.resultado for r in primera] == ["cargado", "cargado"]
    assert [r.resultado for r in segunda] == ["sin_cambios", "sin_cambios"]
    assert [(r.observaciones, r.no_mapeadas, r.entidad) for r in segunda] == [
        (2, 1, "Alcaldía de Prueba"),
        (3, 1, "Alcaldía de Prueba"),
    ]
    assert falso == ["a.pdf", "b.pdf"]  # not extracted again
    assert contar(db, "SELECT * FROM observaciones ORDER BY observacion_id") == estado

    documento(docs / "a.pdf", n=1, version=7)
    tercera = cargar_rutas([docs], db)
    assert [r.resultado for r in tercera] == ["reemplazado", "sin_cambios"]
    assert contar(db, "SELECT count(*) FROM informes") == [(2,)]
    assert contar(
        db, "SELECT valor FROM observaciones o JOIN informes i USING (informe_id) WHERE i.archivo = 'a.pdf'"
    ) == [(7.0,)]
    assert contar(db, "SELECT count(*) FROM cargas") == [(6,)]


def test_trabajadores_en_paralelo_dan_el_mismo_resultado(tmp_path):
    docs = tmp_path / "docs"
    for i in range(4):
        documento(docs / f"d{i}.pdf", n=i + 1)
    escribir(docs / "malo.pdf", error="no tiene tablas")
    db_uno, db_varios = tmp_path / "uno.duckdb", tmp_path / "varios.duckdb"
    uno = cargar_rutas([docs], db_uno, extraer=extraer_falso)
    varios = cargar_rutas([docs], db_varios, extraer=extraer_falso, trabajadores=3)
    resumen = [(r.archivo, r.resultado, r.observaciones, r.motivo) for r in uno]
    assert resumen == [(r.archivo, r.resultado, r.observaciones, r.motivo) for r in varios]
    assert ("malo.pdf", "fallido", 0, "malo.pdf: no tiene tablas") in resumen
    sql = "SELECT observacion_id, valor FROM observaciones ORDER BY 1"
    assert contar(db_uno, sql) == contar(db_varios, sql) and len(contar(db_uno, sql)) == 10


# ------------------------------------------------------------------- evaluar


def gold(ruta: Path, filas: list[list]) -> None:
    with open(ruta, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            ["indicador", "indicador_padre", "medida", "periodo_inicio", "periodo_fin", "valor", "unidad", "tipo_gasto"]
        )
        w.writerows(filas)


@pytest.fixture
def carpeta_gold(tmp_path):
    c = tmp_path / "gold"
    bol = {
        "indicador": "Boletines de prensa",
        "indicador_padre": "Página web",
        "medida": "ejecutado",
        "valor": 120.0,
        "periodo_inicio": "2017-06-01",
        "periodo_fin": "2017-09-30",
    }
    rec = {
        "indicador": "Recursos de inversión",
        "medida": "recursos_ejecutados",
        "valor": 612450300.5,
        "unidad": "pesos",
        "tipo_gasto": "inversion",
        "periodo_inicio": "2018-01-01",
        "periodo_fin": "2018-06-30",
    }
    escribir(c / "a.pdf", obs=[bol, bol, rec, {"indicador": "Extra", "medida": "meta", "valor": 5.0}])
    fila_bol = ["BOLETINES  DE PRENSA.", "PAGINA WEB", "ejecutado", "2017-06-01", "2017-09-30", "120", "numero", ""]
    gold(
        c / "a.gold.csv",
        [
            fila_bol,
            fila_bol,
            fila_bol,  # three in gold, two extracted: one missed
            [
                "recursos de inversion",
                "",
                "recursos_ejecutados",
                "2018-01-01",
                "2018-06-30",
                "612450300.5000001",
                "pesos",
                "inversion",
            ],  # within 1e-6 relative
            ["Avance", "", "avance_porcentual", "2017-01-01", "2017-09-30", "97.6", "porcentaje", ""],
        ],
    )
    escribir(
        c / "b.docx",
        obs=[
            {"indicador": "Meta", "medida": "meta", "valor": 10.0},
            {"indicador": "Gasto", "medida": "pagos", "valor": 3.0, "unidad": "pesos", "tipo_gasto": "funcionamiento"},
        ],
    )
    gold(
        c / "b.gold.csv",
        [
            ["Meta", "", "meta", "", "", "10.001", "numero", ""],  # 1e-4 relative: no match
            ["Gasto", "", "pagos", "", "", "3", "pesos", "inversion"],  # other tipo_gasto
        ],
    )
    escribir(c / "c.pdf", obs=[])  # no gold file: ignored
    escribir(c / "d.pdf", error="archivo ilegible")
    gold(c / "d.gold.csv", [["X", "", "meta", "", "", "1", "numero", ""]])
    return c


def test_evaluar_cuenta_coincidencias_como_multiconjunto(carpeta_gold):
    ev = evaluar(carpeta_gold, extraer=extraer_falso)
    docs = {d.documento: d for d in ev.documentos}
    assert list(docs) == ["a.pdf", "b.docx", "d.pdf"]
    a, b, d = docs["a.pdf"], docs["b.docx"], docs["d.pdf"]
    assert (a.tp, a.fp, a.fn) == (3, 1, 2)
    assert (a.precision, a.recall) == (0.75, 0.6)
    assert a.f1 == pytest.approx(2 / 3)
    assert [f["indicador"] for f in a.sobrantes] == ["Extra"]
    assert sorted(f["indicador"] for f in a.faltantes) == ["Avance", "BOLETINES  DE PRENSA."]
    assert (b.tp, b.fp, b.fn, b.precision, b.recall, b.f1) == (0, 2, 2, 0.0, 0.0, 0.0)
    assert (d.tp, d.fp, d.fn) == (0, 0, 1) and d.error == "d.pdf: archivo ilegible"
    assert (ev.tp, ev.fp, ev.fn) == (3, 3, 5)
    assert (ev.precision, ev.recall) == (0.5, 0.375)
    assert ev.f1 == pytest.approx(2 * 0.5 * 0.375 / 0.875)


def test_evaluar_documento_perfecto(tmp_path):
    escribir(tmp_path / "p.pdf", obs=[{"indicador": "Uno", "medida": "meta", "valor": 0.0}])
    gold(tmp_path / "p.gold.csv", [["uno", "", "meta", "", "", "0", "numero", ""]])
    ev = evaluar(tmp_path, extraer=extraer_falso)
    assert (ev.tp, ev.fp, ev.fn, ev.precision, ev.recall, ev.f1) == (1, 0, 0, 1.0, 1.0, 1.0)


def test_cli_evaluar(carpeta_gold, falso):
    r = runner.invoke(app, ["evaluar", str(carpeta_gold)], env={"COLUMNS": "150"})
    assert r.exit_code == 0, r.output
    assert "0.750" in r.stdout and "0.600" in r.stdout and "0.667" in r.stdout
    assert "Total (micro)" in r.stdout and "0.375" in r.stdout
    assert "d.pdf: archivo ilegible" in r.stderr
    assert "Extra" not in r.stdout
    detalle = runner.invoke(app, ["evaluar", str(carpeta_gold), "--detalle"], env={"COLUMNS": "150"})
    assert detalle.exit_code == 0 and "Extra" in detalle.stdout and "Avance" in detalle.stdout
    como_json = runner.invoke(app, ["evaluar", str(carpeta_gold), "--json"])
    datos = json.loads(como_json.stdout)
    assert datos["total"]["tp"] == 3 and datos["documentos"][0]["documento"] == "a.pdf"


def test_cli_evaluar_carpeta_inexistente(tmp_path):
    r = runner.invoke(app, ["evaluar", str(tmp_path / "nada")])
    assert r.exit_code == 1 and "No existe la carpeta" in r.stderr


# ---------------------------------------------------------------- CLI cargar


def test_cli_cargar_tabla_resumen(tmp_path, falso):
    documento(tmp_path / "docs" / "a.pdf")
    documento(tmp_path / "docs" / "b.docx", n=3)
    db = tmp_path / "x.duckdb"
    r = runner.invoke(app, ["cargar", str(tmp_path / "docs"), "--db", str(db)], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    for texto in ("a.pdf", "b.docx", "Alcaldía de Prueba", "Secretaría TIC", "2017", "cargado", "Total"):
        assert texto in r.stdout
    assert "Filas no mapeadas" in r.stdout and "2 cargados" in r.stdout
    assert contar(db, "SELECT count(*) FROM observaciones") == [(5,)]
    otra = runner.invoke(app, ["cargar", str(tmp_path / "docs"), "--db", str(db)], env={"COLUMNS": "200"})
    assert otra.exit_code == 0 and "sin cambios" in otra.stdout
    assert contar(db, "SELECT count(*) FROM observaciones") == [(5,)]


def test_cli_cargar_con_fallo_sale_con_1_y_sin_traza(tmp_path, falso):
    docs = tmp_path / "docs"
    documento(docs / "a.pdf")
    escribir(docs / "b.pdf", error="el PDF está cifrado")
    escribir(docs / "c.pdf", inesperado=True)
    db = tmp_path / "x.duckdb"
    r = runner.invoke(app, ["cargar", str(docs), "--db", str(db)], env={"COLUMNS": "200"})
    assert r.exit_code == 1
    assert "b.pdf: el PDF está cifrado" in r.stderr
    assert "c.pdf: error inesperado (ZeroDivisionError: división por cero)" in r.stderr
    assert "Traceback" not in r.output
    assert contar(db, "SELECT archivo FROM informes") == [("a.pdf",)]
    con_traza = runner.invoke(app, ["cargar", str(docs), "--db", str(db), "--debug"])
    assert con_traza.exit_code == 1 and "Traceback" in con_traza.stderr


def test_cli_cargar_sin_archivos(tmp_path):
    (tmp_path / "vacia").mkdir()
    r = runner.invoke(app, ["cargar", str(tmp_path / "vacia"), "--db", str(tmp_path / "x.duckdb")])
    assert r.exit_code == 1 and "No se encontraron archivos" in r.stderr
    sin_rutas = runner.invoke(app, ["cargar"])
    assert sin_rutas.exit_code == 1 and "Indique al menos un archivo" in sin_rutas.stderr


# ------------------------------------------------------- exportar, resumen


@pytest.fixture
def db_cargada(tmp_path, falso):
    documento(tmp_path / "docs" / "a.pdf", n=3)
    db = tmp_path / "x.duckdb"
    assert runner.invoke(app, ["cargar", str(tmp_path / "docs"), "--db", str(db)]).exit_code == 0
    return db


def test_cli_exportar_csv_y_formato_por_extension(db_cargada, tmp_path):
    salida = tmp_path / "salida" / "obs.csv"
    r = runner.invoke(app, ["exportar", "--db", str(db_cargada), "--formato", "csv", "--salida", str(salida)])
    assert r.exit_code == 0, r.output
    assert "3 filas" in r.stdout
    lineas = salida.read_text(encoding="utf-8").splitlines()
    assert lineas[0].startswith("observacion_id,archivo,informe_id,entidad,") and len(lineas) == 4
    pq = tmp_path / "inf.parquet"
    r = runner.invoke(app, ["exportar", "--db", str(db_cargada), "--salida", str(pq), "--tabla", "informes"])
    assert r.exit_code == 0 and pq.read_bytes()[:4] == b"PAR1"


def test_cli_exportar_errores(db_cargada, tmp_path):
    falta = tmp_path / "no_existe.duckdb"
    r = runner.invoke(app, ["exportar", "--db", str(falta), "--formato", "csv", "--salida", str(tmp_path / "o.csv")])
    assert r.exit_code == 1 and "No existe la base de datos" in r.stderr
    assert not falta.exists() and not (tmp_path / "o.csv").exists()
    r = runner.invoke(app, ["exportar", "--db", str(db_cargada), "--salida", str(tmp_path / "o.txt")])
    assert r.exit_code == 1 and "Formato desconocido: txt" in r.stderr
    r = runner.invoke(
        app, ["exportar", "--db", str(db_cargada), "--salida", str(tmp_path / "o.csv"), "--tabla", "cargas_x"]
    )
    assert r.exit_code == 1 and "Tabla desconocida" in r.stderr


def test_cli_resumen(db_cargada, tmp_path):
    r = runner.invoke(app, ["resumen", "--db", str(db_cargada)], env={"COLUMNS": "200"})
    assert r.exit_code == 0, r.output
    assert "a.pdf" in r.stdout and "ejecutado: 3" in r.stdout and "Secretaría TIC" in r.stdout
    falta = tmp_path / "otra.duckdb"
    r = runner.invoke(app, ["resumen", "--db", str(falta)])
    assert r.exit_code == 1 and "No existe la base de datos" in r.stderr and not falta.exists()


# ------------------------------------------------------------ real process


def test_ayuda_en_un_proceso_real():
    comando = shutil.which("informes")
    salidas = [
        subprocess.run(
            [sys.executable, "-m", "pipelines.cli", "--help"], capture_output=True, text=True, timeout=60, cwd=RAIZ
        )
    ]
    if comando:
        salidas.append(subprocess.run([comando, "--help"], capture_output=True, text=True, timeout=60))
    for p in salidas:
        assert p.returncode == 0, p.stderr
        for texto in ("Uso:", "Comandos", "cargar", "exportar", "resumen", "evaluar", "Muestra esta ayuda"):
            assert texto in p.stdout


def test_error_de_uso_en_un_proceso_real(tmp_path):
    p = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "resumen", "--db", str(tmp_path / "n.duckdb")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=RAIZ,
    )
    assert p.returncode == 1
    assert "No existe la base de datos" in p.stderr and "Traceback" not in p.stderr
