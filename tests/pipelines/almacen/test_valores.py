"""valores_por_clave (pipelines/almacen/valores.py): the summary of the
stored figures that the cross-report conflict check reads. Kept by the
writer, it always equals the summary recomputed from the figures, and the
findings are the ones the check gives reading every figure; an older store
gains it, computed from its figures, the first time it is opened to write."""

from __future__ import annotations

import hashlib
import sys
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen
from pipelines.almacen import valores
from pipelines.carga import guardado
from pipelines.cli import app
from pipelines.validacion import motor
from tests.conftest import INFORMES

runner = CliRunner()
ANIO = (date(2017, 1, 1), date(2017, 12, 31))
A_CORTE = (date(2017, 1, 1), date(2017, 9, 30))


def o(indicador: str, medida: str, valor: float, periodo=ANIO, pagina: int = 2) -> Observacion:
    return Observacion(
        indicador=indicador,
        medida=medida,
        valor=float(valor),
        valor_texto=str(valor),
        unidad="numero",
        periodo_inicio=periodo[0],
        periodo_fin=periodo[1],
        pagina=pagina,
        tabla=1,
    )


def informe(version: str, archivo: str, *obs: Observacion, entidad: str = "Alcaldía de Prueba") -> InformeExtraido:
    return InformeExtraido(
        archivo=archivo,
        sha256=hashlib.sha256(version.encode()).hexdigest(),
        formato="pdf",
        paginas=3,
        metadatos=MetadatosInforme(entidad=entidad, vigencia=2017, fecha_corte=date(2017, 9, 30)),
        observaciones=list(obs),
    )


# (report, its folder, forzar): the same figures, equal, different, repeated
# in one report with two values, a file name another report of the entity
# has, a replaced version, a forced reload, another entity
CARGAS = [
    (
        informe(
            "a",
            "a.pdf",
            o("Boletines", "acumulado", 585, A_CORTE),
            o("Boletines", "meta", 649),
            o("Ferias", "meta", 10),
        ),
        "x",
        False,
    ),
    (
        informe(
            "b",
            "b.pdf",
            o("Boletines", "acumulado", 585, A_CORTE),
            o("Boletines", "meta", 700),
            o("Ferias", "meta", 10),
        ),
        "x",
        False,
    ),
    (
        informe(
            "c",
            "c.pdf",
            o("Boletines", "acumulado", 590, A_CORTE),
            o("Boletines", "acumulado", 591, A_CORTE, 3),
            o("Ferias", "meta", 11),
        ),
        "x",
        False,
    ),
    (informe("a2", "a.pdf", o("Boletines", "acumulado", 590, A_CORTE), o("Ferias", "meta", 12)), "y", False),
    (informe("b2", "b.pdf", o("Boletines", "meta", 649), o("Ferias", "meta", 10)), "x", False),
    (
        informe(
            "c",
            "c.pdf",
            o("Boletines", "acumulado", 590, A_CORTE),
            o("Boletines", "acumulado", 591, A_CORTE, 3),
            o("Ferias", "meta", 11),
        ),
        "x",
        True,
    ),
    (informe("d", "d.pdf", o("Boletines", "acumulado", 1, A_CORTE), entidad="Alcaldía de Otra"), "x", False),
    (
        informe(
            "e",
            "e.pdf",
            o("Boletines", "acumulado", 600, A_CORTE),
            o("Boletines", "meta", 649),
            o("Ferias", "meta", 10),
        ),
        "x",
        False,
    ),
    (informe("f", "f.pdf", o("Boletines", "acumulado", 585, A_CORTE), o("Ferias", "meta", 13)), "x", False),
]


def _filas(con) -> list[tuple]:
    return con.execute(f"SELECT * FROM {valores.TABLA} ORDER BY ALL").fetchall()


def _recalculadas(con) -> list[tuple]:
    """The table as recomputed from the stored figures (the store is left as it was)."""
    con.begin()
    try:
        valores.reconstruir(con)
        return _filas(con)
    finally:
        con.rollback()


def _hallazgos(con) -> list[tuple]:
    return con.execute(
        "SELECT i.archivo, h.regla, h.observacion_id, h.mensaje FROM hallazgos h JOIN informes i USING (informe_id) "
        "WHERE h.regla = 'conflicto_entre_informes' ORDER BY ALL"
    ).fetchall()


def _cargar(db: Path, carpeta: Path) -> duckdb.DuckDBPyConnection:
    con = almacen.abrir(db)
    for inf, sub, forzar in CARGAS:
        (carpeta / sub).mkdir(exist_ok=True)
        guardado.guardar_informe(con, inf, carpeta / sub / inf.archivo, forzar=forzar)
        assert _filas(con) == _recalculadas(con), inf.archivo
    return con


def test_la_tabla_es_la_de_las_cifras_y_da_los_mismos_hallazgos(tmp_path, monkeypatch):
    leidas_de_la_tabla = []
    original = motor._filas_de_valores

    def espia(*args):
        filas = original(*args)
        leidas_de_la_tabla.append(filas is not None)
        return filas

    monkeypatch.setattr(motor, "_filas_de_valores", espia)
    con = _cargar(tmp_path / "rapida.duckdb", tmp_path)
    rapidos = _hallazgos(con)
    con.close()
    assert leidas_de_la_tabla[:2] == [True, True]  # «b» and «c» are checked against the table
    assert False in leidas_de_la_tabla  # a value differs from two that one file shares: the figures are read

    monkeypatch.setattr(motor, "_filas_de_valores", lambda *args: None)  # always the figures
    con = _cargar(tmp_path / "lenta.duckdb", tmp_path)
    assert _hallazgos(con) == rapidos
    con.close()
    assert len(rapidos) >= 6
    mensajes = " ".join(m for *_, m in rapidos)
    assert "y en 2 informes más" in mensajes  # counted across values and files


def test_informe_reemplazado_sale_de_la_tabla(tmp_path):
    con = almacen.abrir(tmp_path / "v.duckdb")
    guardado.guardar_informe(con, CARGAS[0][0], tmp_path / "a.pdf")
    guardado.guardar_informe(con, CARGAS[1][0], tmp_path / "b.pdf")
    assert {(v, n) for *_, v, n, _c, _a, _o, _p, _s in _filas(con) if v == 585} == {(585.0, 2)}
    guardado.guardar_informe(con, CARGAS[4][0], tmp_path / "b.pdf")  # b.pdf replaced: no 585 in it
    assert {(v, n) for *_, v, n, _c, _a, _o, _p, _s in _filas(con) if v == 585} == {(585.0, 1)}
    assert _filas(con) == _recalculadas(con)
    con.close()


# ------------------------------------------------- a store of the previous version


def _a_version_2(db: Path) -> None:
    """The store as version 2 of the schema left it: every table but valores_por_clave."""
    con = duckdb.connect(str(db))
    con.execute(f"DROP TABLE {valores.TABLA}")
    con.execute("UPDATE esquema_informes SET version = 2")
    con.close()


def _cli(*args: str) -> None:
    r = runner.invoke(app, list(args))
    assert r.exit_code == 0, r.output


def test_base_de_la_version_anterior_se_lee_y_al_cargar_gana_la_tabla(tmp_path):
    docx, pdf = INFORMES / "barrancabermeja_prensa_2017.docx", INFORMES / "barrancabermeja_prensa_2017.pdf"
    vieja, nueva = tmp_path / "vieja.duckdb", tmp_path / "nueva.duckdb"
    _cli("cargar", str(docx), "--db", str(vieja))
    _a_version_2(vieja)
    _cli("consultar", "SELECT count(*) FROM observaciones", "--db", str(vieja))  # read as it is
    _cli("resumen", "--db", str(vieja))
    con = duckdb.connect(str(vieja), read_only=True)
    assert con.execute("SELECT version FROM esquema_informes").fetchall() == [(2,)]
    con.close()

    _cli("cargar", str(pdf), "--db", str(vieja))  # opened to write: migrated, then the PDF written
    for archivo in (docx, pdf):
        _cli("cargar", str(archivo), "--db", str(nueva))
    con_vieja, con_nueva = almacen.abrir(vieja), almacen.abrir(nueva)
    try:
        assert con_vieja.execute("SELECT version FROM esquema_informes").fetchall() == [(3,)]
        assert _filas(con_vieja) == _recalculadas(con_vieja) and _filas(con_vieja)
        sin_hora = "SELECT * EXCLUDE (cargado_en) FROM valores_por_clave ORDER BY ALL"
        assert con_vieja.execute(sin_hora).fetchall() == con_nueva.execute(sin_hora).fetchall()
        assert _hallazgos(con_vieja) == _hallazgos(con_nueva)
    finally:
        con_vieja.close()
        con_nueva.close()


def test_migracion_fallida_deja_la_base_como_estaba(tmp_path, monkeypatch):
    db = tmp_path / "vieja.duckdb"
    _cli("cargar", str(INFORMES / "barrancabermeja_prensa_2017.docx"), "--db", str(db))
    _a_version_2(db)
    copia = tmp_path / "copia.duckdb"
    shutil.copy(db, copia)

    def falla(*_args, **_kw):
        raise RuntimeError("disco lleno")

    monkeypatch.setattr(valores, "reconstruir", falla)
    with pytest.raises(RuntimeError):
        almacen.abrir(db)
    for ruta in (db, copia):
        con = duckdb.connect(str(ruta), read_only=True)
        tablas = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        estado = (
            valores.TABLA in tablas,
            con.execute("SELECT version FROM esquema_informes").fetchall(),
            con.execute("SELECT * FROM observaciones ORDER BY observacion_id").fetchall(),
        )
        con.close()
        if ruta == db:
            despues = estado
        else:
            assert despues == estado and estado[:2] == (False, [(2,)])


def _al_azar(semilla: int, n: int) -> list[tuple[InformeExtraido, str, bool]]:
    """n loads of a few entities, indicators, values and file names, chosen
    at random: values equal and different, a key twice in a report, file
    names repeated, versions replaced."""
    import random

    azar = random.Random(semilla)
    cargas = []
    for k in range(n):
        obs = [
            o(
                azar.choice(["Boletines", "Ferias", "Vías"]),
                azar.choice(["meta", "acumulado"]),
                azar.choice([5, 7, 7.0000001, 9]),
            )
            for _ in range(azar.randint(1, 5))
        ]
        archivo = azar.choice(["a.pdf", "b.pdf", "c.pdf", "d.pdf"])
        entidad = azar.choice(["Alcaldía de Prueba", "Alcaldía de Prueba", "Alcaldía de Otra"])
        cargas.append((informe(f"azar-{semilla}-{k}", archivo, *obs, entidad=entidad), azar.choice("xyz"), False))
    return cargas


@pytest.mark.parametrize("semilla", [1, 2, 3])
def test_al_azar_la_tabla_y_los_hallazgos_son_los_de_las_cifras(tmp_path, monkeypatch, semilla):
    monkeypatch.setattr(sys.modules[__name__], "CARGAS", _al_azar(semilla, 30))
    con = _cargar(tmp_path / "rapida.duckdb", tmp_path)
    rapidos = _hallazgos(con)
    con.close()
    monkeypatch.setattr(motor, "_filas_de_valores", lambda *args: None)
    con = _cargar(tmp_path / "lenta.duckdb", tmp_path)
    assert _hallazgos(con) == rapidos and rapidos
    con.close()
