"""Store: schema from tablas.yaml, idempotent reload, replacement, rollback."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

import duckdb
import pytest

import esquemas
from extractor.resultado import FilaNoMapeada, InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen, normalizar
from pipelines.carga import guardado
from pipelines.almacen import ErrorAlmacen, escritura

TABLAS_DE_DATOS = ("informes", "indicadores", "observaciones", "filas_no_mapeadas")


def hacer_informe(version: str = "v1", n: int = 3, archivo: str = "informe.pdf", **cambios) -> InformeExtraido:
    """Report whose SHA-256 depends on `version`; observation i has valor i*10."""
    obs = [
        Observacion(
            indicador=f"Indicador {i}",
            medida="ejecutado",
            valor=10.0 * i,
            valor_texto=str(10 * i),
            unidad="numero",
            periodo_inicio=date(2017, 6, 1),
            periodo_fin=date(2017, 9, 30),
            indicador_padre="PÁGINA WEB",
            pagina=i,
            tabla=1,
            fila=i,
            columna=2,
            bbox=(1.0, 2.0, 3.0, 4.0),
        )
        for i in range(1, n + 1)
    ]
    informe = InformeExtraido(
        archivo=archivo,
        sha256=hashlib.sha256(version.encode()).hexdigest(),
        formato="pdf",
        paginas=5,
        metadatos=MetadatosInforme(
            entidad="Alcaldía de Prueba", dependencia="Secretaría TIC", vigencia=2017, fecha_corte=date(2017, 9, 30)
        ),
        observaciones=obs,
        no_mapeadas=[FilaNoMapeada(texto="Total general", motivo="fila de totales", pagina=2, tabla=1, fila=9)],
    )
    for k, v in cambios.items():
        setattr(informe, k, v)
    return informe


def conteos(con) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLAS_DE_DATOS}


def volcado(con) -> dict[str, list]:
    """Every row of every data table, to compare whole states."""
    return {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in TABLAS_DE_DATOS}


@pytest.fixture
def con(tmp_path):
    c = almacen.abrir(tmp_path / "prueba.duckdb")
    yield c
    c.close()


# --------------------------------------------------------------- schema


def test_tablas_creadas_segun_yaml(con):
    for tabla in esquemas.tablas().values():
        columnas = con.execute(
            "SELECT column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_name = ? ORDER BY ordinal_position",
            [tabla.nombre],
        ).fetchall()
        assert [(c.nombre, c.tipo, "YES" if c.nulo else "NO") for c in tabla.columnas] == columnas


def test_abrir_agrega_columnas_nuevas_del_yaml(tmp_path):
    ruta = tmp_path / "vieja.duckdb"
    vieja = duckdb.connect(str(ruta))
    vieja.execute("CREATE TABLE informes (informe_id VARCHAR PRIMARY KEY, sha256 VARCHAR)")
    vieja.close()
    con = almacen.abrir(ruta)
    columnas = {
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'informes'"
        ).fetchall()
    }
    assert set(esquemas.tabla("informes").nombres) <= columnas


def test_abrir_solo_lectura_no_crea_archivo(tmp_path):
    with pytest.raises(ErrorAlmacen, match="No existe la base de datos"):
        almacen.abrir(tmp_path / "falta.duckdb", solo_lectura=True)
    assert not (tmp_path / "falta.duckdb").exists()


def test_vocabularios():
    assert "ejecutado" in esquemas.vocabulario("medida")
    assert esquemas.vocabulario("unidad") == {"numero", "porcentaje", "pesos"}
    assert esquemas.vocabulario("tipo_gasto") == {"funcionamiento", "inversion"}
    assert "pagos" in esquemas.medidas_de_dinero() and "meta" not in esquemas.medidas_de_dinero()


def test_esquema_md_documenta_cada_columna():
    texto = (Path(esquemas.__file__).parent / "esquema.md").read_text(encoding="utf-8")
    for tabla in esquemas.tablas().values():
        assert f"`{tabla.nombre}`" in texto
        for columna in tabla.nombres:
            assert f"`{columna}`" in texto, f"{tabla.nombre}.{columna} falta en esquema.md"


# ----------------------------------------------------------------- save


def test_guardar_escribe_todas_las_tablas(con, tmp_path):
    informe = hacer_informe()
    assert guardado.guardar_informe(con, informe, tmp_path / "informe.pdf") == "cargado"
    assert conteos(con) == {"informes": 1, "indicadores": 3, "observaciones": 3, "filas_no_mapeadas": 1}
    iid = informe.sha256[:16]
    fila = con.execute(
        "SELECT informe_id, archivo, ruta, entidad, vigencia, fecha_corte, version_extractor FROM informes"
    ).fetchone()
    assert fila[:2] == (iid, "informe.pdf")
    assert fila[2] == str((tmp_path / "informe.pdf").resolve())
    assert fila[3:6] == ("Alcaldía de Prueba", 2017, date(2017, 9, 30))
    obs = con.execute(
        "SELECT observacion_id, entidad, valor, pagina, bbox_bottom, ambiguo, confianza "
        "FROM observaciones ORDER BY observacion_id"
    ).fetchall()
    assert obs[0] == (f"{iid}-000001", "Alcaldía de Prueba", 10.0, 1, 4.0, False, 1.0)
    # every observation points to an existing indicator
    huerfanas = con.execute(
        "SELECT count(*) FROM observaciones o ANTI JOIN indicadores i USING (indicador_id)"
    ).fetchone()[0]
    assert huerfanas == 0


def test_indicadores_sin_duplicados_y_con_clave(con, tmp_path):
    informe = hacer_informe(n=1)
    o = informe.observaciones[0]
    informe.observaciones += [
        Observacion(
            indicador=o.indicador,
            indicador_padre=o.indicador_padre,
            medida="recursos_ejecutados",
            valor=5e6,
            valor_texto="$5.000.000",
            unidad="pesos",
            tipo_gasto="inversion",
        ),
    ]
    guardado.guardar_informe(con, informe, tmp_path / "informe.pdf")
    filas = con.execute("SELECT indicador_id, nombre, unidad, clave FROM indicadores").fetchall()
    esperado_id = almacen.indicador_id_de(informe.sha256[:16], "PÁGINA WEB", "Indicador 1", None)
    assert filas == [(esperado_id, "Indicador 1", "numero", "pagina web / indicador 1")]
    assert normalizar("  Página   WEB. ") == "pagina web"


def test_recarga_identica_no_cambia_nada(con, tmp_path):
    ruta = tmp_path / "informe.pdf"
    assert guardado.guardar_informe(con, hacer_informe(), ruta) == "cargado"
    antes = volcado(con)
    assert guardado.guardar_informe(con, hacer_informe(), ruta) == "sin_cambios"
    # same content under another path is the same report too
    assert guardado.guardar_informe(con, hacer_informe(), tmp_path / "copia.pdf") == "sin_cambios"
    assert volcado(con) == antes


def test_archivo_cambiado_reemplaza_version_anterior(con, tmp_path):
    ruta = tmp_path / "informe.pdf"
    viejo, nuevo = hacer_informe("v1", n=3), hacer_informe("v2", n=2)
    guardado.guardar_informe(con, viejo, ruta)
    guardado.guardar_informe(con, hacer_informe("otro", n=4), tmp_path / "otro.pdf")
    assert guardado.guardar_informe(con, nuevo, ruta) == "reemplazado"
    viejo_id, nuevo_id = viejo.sha256[:16], nuevo.sha256[:16]
    for tabla in TABLAS_DE_DATOS:
        ids = {r[0] for r in con.execute(f"SELECT DISTINCT informe_id FROM {tabla}").fetchall()}
        assert viejo_id not in ids and nuevo_id in ids, tabla
    assert conteos(con)["observaciones"] == 2 + 4  # the other report is untouched


def test_forzar_reemplaza_aunque_no_cambie(con, tmp_path):
    ruta = tmp_path / "informe.pdf"
    guardado.guardar_informe(con, hacer_informe(), ruta)
    informe = hacer_informe(n=1)
    assert guardado.guardar_informe(con, informe, ruta, forzar=True) == "reemplazado"
    assert conteos(con)["observaciones"] == 1


# ------------------------------------------------------------- failures


def test_vocabulario_invalido_en_la_tercera_observacion_queda_en_no_mapeadas(con, tmp_path):
    """One figure outside the vocabulary never sinks a report: it goes to
    filas_no_mapeadas with the reason and the other figures are stored."""
    malo = hacer_informe("v2", n=4, archivo="malo.pdf")
    malo.observaciones[2].medida = "presupuesto_raro"
    assert guardado.guardar_informe(con, malo, tmp_path / "informe.pdf") == "cargado"
    assert conteos(con)["observaciones"] == 3
    motivos = [m for (m,) in con.execute("SELECT motivo FROM filas_no_mapeadas").fetchall()]
    assert any("medida 'presupuesto_raro' no está en el vocabulario" in m for m in motivos)


@pytest.mark.parametrize("campo, valor", [("unidad", "kilos"), ("tipo_gasto", "otros")])
def test_unidad_y_tipo_gasto_se_validan(con, tmp_path, campo, valor):
    informe = hacer_informe()
    n = len(informe.observaciones)
    setattr(informe.observaciones[1], campo, valor)
    guardado.guardar_informe(con, informe, tmp_path / "informe.pdf")
    assert conteos(con)["observaciones"] == n - 1
    motivos = [m for (m,) in con.execute("SELECT motivo FROM filas_no_mapeadas").fetchall()]
    assert any(f"{campo} '{valor}'" in m for m in motivos)


def test_error_de_base_a_mitad_de_reemplazo_deshace_todo(con, tmp_path):
    """A NOT NULL violation raised by DuckDB after the old version was deleted."""
    ruta = tmp_path / "informe.pdf"
    guardado.guardar_informe(con, hacer_informe("v1"), ruta)
    antes = volcado(con)
    malo = hacer_informe("v2")
    malo.observaciones[2].valor_texto = None  # NOT NULL column
    with pytest.raises(duckdb.ConstraintException):
        guardado.guardar_informe(con, malo, ruta)
    assert volcado(con) == antes
    # the connection is usable afterwards
    assert guardado.guardar_informe(con, hacer_informe("v3"), ruta) == "reemplazado"


def test_fallo_al_insertar_observaciones_deshace_el_borrado(con, tmp_path, monkeypatch):
    ruta = tmp_path / "informe.pdf"
    guardado.guardar_informe(con, hacer_informe("v1"), ruta)
    antes = volcado(con)
    original = escritura.insertar

    def insertar_con_fallo(con_, tabla, datos):
        if tabla == "observaciones":
            raise RuntimeError("disco lleno")
        original(con_, tabla, datos)

    monkeypatch.setattr(escritura, "insertar", insertar_con_fallo)
    with pytest.raises(RuntimeError, match="disco lleno"):
        guardado.guardar_informe(con, hacer_informe("v2"), ruta)
    assert volcado(con) == antes


def test_sha_invalido(con, tmp_path):
    with pytest.raises(ErrorAlmacen, match="SHA-256"):
        guardado.guardar_informe(con, hacer_informe(sha256="abc"), tmp_path / "x.pdf")


# --------------------------------------------------------------- cargas


def test_registrar_carga(con):
    inicio = datetime(2024, 5, 1, 10, 0, 0)
    cid = almacen.registrar_carga(
        con,
        archivo="malo.pdf",
        ruta="/datos/malo.pdf",
        resultado="fallido",
        inicio=inicio,
        motivo="malo.pdf: archivo dañado",
    )
    fila = con.execute("SELECT carga_id, resultado, motivo, inicio, fin >= inicio FROM cargas").fetchone()
    assert fila == (cid, "fallido", "malo.pdf: archivo dañado", inicio, True)
    with pytest.raises(ValueError):
        almacen.registrar_carga(con, archivo="a", ruta="a", resultado="raro", inicio=inicio)


def test_resumen_y_buscar(con, tmp_path):
    informe = hacer_informe(n=2)
    informe.observaciones[0].medida = "meta"
    guardado.guardar_informe(con, informe, tmp_path / "informe.pdf")
    [fila] = almacen.resumen(con)
    assert fila["por_medida"] == {"ejecutado": 1, "meta": 1}
    assert (fila["observaciones"], fila["no_mapeadas"], fila["vigencia"]) == (2, 1, 2017)
    encontrado = almacen.buscar_informe(con, informe.sha256)
    assert encontrado["informe_id"] == informe.sha256[:16] and encontrado["observaciones"] == 2
    assert almacen.buscar_informe(con, "0" * 64) is None
