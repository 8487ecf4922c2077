"""Issue 14, item 6: the entity's DANE/DIVIPOLA code decides the entity
(stored in informes and entidades), and SisPT's "Tipo de acumulación" is
kept per indicator and used by the validator. Workbooks are built here
with openpyxl in the SisPT layout and loaded by the real command."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
from openpyxl import Workbook

from extractor import extraer_informe
from extractor.tablas.acumulacion import acumulacion_de
from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen, validacion

RAIZ = Path(__file__).resolve().parents[3]
ANIOS = (2024, 2025, 2026, 2027)


def sispt(ruta: Path, codigo: str | None, entidad: str, filas: list[tuple]) -> Path:
    """A SisPT "Plan indicativo - Productos" sheet: title on row 1, header on
    row 2; `filas`: (indicador, meta del cuatrienio, metas 2024..2027,
    tipo de acumulación)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Plan indicativo - Productos"
    ws.append(["Plan indicativo - Productos"])
    ws.append(
        (["Código DANE"] if codigo else [])
        + [
            "Entidad territorial",
            "Nombre del plan",
            "Código de indicador de producto (SisPT)",
            "Indicador de Producto(MGA)",
            "Unidad de medida",
            "Meta del cuatrienio",
            "Tipo de acumulación",
            *(f"Programación del producto bien o servicio {a}" for a in ANIOS),
        ]
    )
    for k, (nombre, meta, anios, acumulacion) in enumerate(filas, start=1):
        ws.append(
            ([codigo] if codigo else [])
            + [entidad, "PLAN DE DESARROLLO 2024-2027", f"IP-{k}", nombre, "Número", meta, acumulacion, *anios]
        )
    wb.save(ruta)
    return ruta


def cargar(db: Path, *rutas: Path) -> subprocess.CompletedProcess:
    entorno = {k: v for k, v in os.environ.items() if k != "INFORMES_DB"}
    entorno.update({"PYTHONPATH": str(RAIZ), "COLUMNS": "200"})
    r = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "cargar", *map(str, rutas), "--db", str(db)],
        capture_output=True,
        env=entorno,
        timeout=300,
    )
    assert r.returncode == 0, r.stderr.decode()
    return r


PRODUCTOS = [("Vías terciarias mejoradas", 8, [2, 2, 2, 2], "Acumulativo")]


# ------------------------------------------------------------ entity codes


def test_codigo_divipola_decide_la_entidad(tmp_path):
    db = tmp_path / "plan.duckdb"
    a = sispt(tmp_path / "cogua_2024.xlsx", "25200", "Cogua", PRODUCTOS)
    # the same code with another name: the same entity
    b = sispt(tmp_path / "cogua_2025.xlsx", "25200", "Nemocón y Cogua", PRODUCTOS)
    # the same name with another code: another entity
    c = sispt(tmp_path / "otra_cogua.xlsx", "25214", "Cogua", PRODUCTOS)
    cargar(db, a, b, c)
    with duckdb.connect(str(db), read_only=True) as con:
        informes = dict(con.execute("SELECT archivo, entidad_clave FROM informes").fetchall())
        codigos = dict(con.execute("SELECT archivo, codigo_divipola FROM informes").fetchall())
        entidades = dict(con.execute("SELECT codigo_divipola, entidad_clave FROM entidades").fetchall())
        enlazados = con.execute(
            "SELECT count(DISTINCT indicador_clave) FROM indicadores JOIN informes USING (informe_id) "
            "WHERE codigo_divipola = '25200'"
        ).fetchone()[0]
    assert codigos == {"cogua_2024.xlsx": "25200", "cogua_2025.xlsx": "25200", "otra_cogua.xlsx": "25214"}
    assert informes["cogua_2024.xlsx"] == informes["cogua_2025.xlsx"] == entidades["25200"]
    assert informes["otra_cogua.xlsx"] == entidades["25214"] != entidades["25200"]
    assert "25214" in entidades["25214"]  # the second entity of that name carries its code in its key
    assert enlazados == 1  # the indicator of both years of the same entity is one identity


def test_informe_sin_codigo_se_une_por_nombre_y_la_entidad_toma_el_codigo(tmp_path):
    db = tmp_path / "plan.duckdb"
    cargar(db, sispt(tmp_path / "sin_codigo.xlsx", None, "Municipio de Cogua", PRODUCTOS))
    cargar(db, sispt(tmp_path / "con_codigo.xlsx", "25200", "Municipio de Cogua", PRODUCTOS))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(DISTINCT entidad_clave) FROM informes").fetchone()[0] == 1
        assert con.execute("SELECT nombre, codigo_divipola FROM entidades").fetchall() == [
            ("Municipio de Cogua", "25200")
        ]  # not «Municipio de Municipio de Cogua»


def test_almacen_anterior_gana_las_columnas_nuevas(tmp_path):
    db = tmp_path / "viejo.duckdb"
    almacen.abrir(db).close()
    with duckdb.connect(str(db)) as con:  # a store made before the columns existed
        for tabla, columna in (
            ("informes", "codigo_divipola"),
            ("entidades", "codigo_divipola"),
            ("indicadores", "acumulacion"),
        ):
            con.execute(f"ALTER TABLE {tabla} DROP COLUMN {columna}")
    cargar(db, sispt(tmp_path / "cogua.xlsx", "25200", "Cogua", PRODUCTOS))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT codigo_divipola FROM entidades").fetchall() == [("25200",)]
        assert con.execute("SELECT acumulacion FROM indicadores").fetchall() == [("acumulativo",)]


# ---------------------------------------------------- type of accumulation


def test_palabras_del_tipo_de_acumulacion():
    assert [
        acumulacion_de(t)
        for t in (
            "Acumulativo",
            "No acumulativo",
            "NO ACUMULATIVA",
            "Capacidad",
            "Mantenimiento",
            "Reducción",
            "",
            None,
            "Otro",
        )
    ] == [
        "acumulativo",
        "no_acumulativo",
        "no_acumulativo",
        "no_acumulativo",
        "no_acumulativo",
        "no_acumulativo",
        None,
        None,
        None,
    ]


def test_tipo_de_acumulacion_se_guarda_y_lo_usa_el_validador(tmp_path):
    db = tmp_path / "plan.duckdb"
    libro = sispt(
        tmp_path / "plan.xlsx",
        "25200",
        "Cogua",
        [
            ("Vías terciarias mejoradas", 8, [2, 2, 2, 2], "Acumulativo"),  # sums: fine
            ("Parques mantenidos", 4, [4, 4, 4, 4], "Acumulativo"),  # the level pattern: finding
            ("Cobertura de vacunación", 95, [95, 95, 95, 95], "No acumulativo"),  # a level: fine
            ("Sedes dotadas", 10, [2, 3, 2, 3], "No acumulativo"),  # summed: finding
            ("Capacidad instalada", 10, [5, 6, 8, 10], "Capacidad"),  # last year = target: fine
            ("Familias atendidas", 100, [0.25, 0.25, 0.25, 0.25], "Acumulativo"),  # fractions of the target
            ("Sin tipo", 4, [4, 4, 4, 4], None),  # no stated type: no finding
        ],
    )
    cargar(db, libro)
    with duckdb.connect(str(db), read_only=True) as con:
        tipos = dict(con.execute("SELECT nombre, acumulacion FROM indicadores").fetchall())
        hallazgos = con.execute(
            "SELECT regla, indicador, mensaje FROM hallazgos WHERE regla LIKE 'meta_%acumulativa%' ORDER BY indicador"
        ).fetchall()
    assert tipos["Vías terciarias mejoradas"] == "acumulativo"
    assert tipos["Capacidad instalada"] == tipos["Sedes dotadas"] == "no_acumulativo"
    assert tipos["Sin tipo"] is None
    por_indicador = {i: (r, m) for r, i, m in hallazgos}
    assert set(por_indicador) == {"Parques mantenidos", "Sedes dotadas", "Familias atendidas"}
    regla, mensaje = por_indicador["Parques mantenidos"]
    assert regla == "meta_acumulativa_no_suma" and "4 + 4 + 4 + 4 = 16" in mensaje
    assert "no acumulativo" in mensaje  # says the rows look like a level
    regla, mensaje = por_indicador["Sedes dotadas"]
    assert regla == "meta_no_acumulativa_sumada" and "(2027: 3)" in mensaje and "suma" in mensaje
    assert "fracciones" in por_indicador["Familias atendidas"][1]


def _informe(acumulacion: str | None, acumulado: float) -> InformeExtraido:
    """Quarterly executed figures (10, 12, 15) and a cumulative one."""

    def o(medida, valor, inicio, fin):
        return Observacion(
            indicador="Sedes con conectividad",
            medida=medida,
            valor=valor,
            valor_texto=str(valor),
            unidad="numero",
            periodo_inicio=inicio,
            periodo_fin=fin,
            acumulacion=acumulacion,
            pagina=1,
            tabla=1,
            fila=1,
            columna=1,
        )

    trimestres = [(date(2025, m, 1), date(2025, m + 2, 30 if m + 2 in (6, 9) else 31)) for m in (1, 4, 7)]
    obs = [o("ejecutado", v, i, f) for v, (i, f) in zip((10, 12, 15), trimestres)]
    obs.append(o("acumulado", acumulado, date(2025, 1, 1), date(2025, 9, 30)))
    return InformeExtraido(
        archivo="x.pdf",
        sha256="0" * 64,
        formato="pdf",
        paginas=1,
        metadatos=MetadatosInforme(vigencia=2025),
        observaciones=obs,
    )


def test_un_indicador_no_acumulativo_no_se_suma():
    def reglas(acumulacion, acumulado):
        return {h.regla for h in validacion.validar(_informe(acumulacion, acumulado))}

    # 10 + 12 + 15 = 37: a flow (the default, or stated) is compared with the sum
    assert "acumulado_menor_que_suma" in reglas(None, 30) and "acumulado_supera_suma" in reglas(None, 40)
    assert "acumulado_menor_que_suma" in reglas("acumulativo", 30)
    # a level is never summed
    assert not {"acumulado_menor_que_suma", "acumulado_supera_suma"} & (
        reglas("no_acumulativo", 30) | reglas("no_acumulativo", 40)
    )


def test_sispt_real_tipo_de_acumulacion(tmp_path):
    """The real SisPT Cogua workbook says «Acumulativo» on every row."""
    import pytest

    ruta = RAIZ.parent / "shared" / "corpus-real" / "sispt_plan_indicativo_25200.xlsx"
    if not ruta.is_file():
        pytest.skip("corpus-real no está disponible")
    informe = extraer_informe(ruta)
    assert informe.metadatos.codigo_divipola == "25200"
    assert {o.acumulacion for o in informe.observaciones if o.medida == "meta_cuatrienio"} == {"acumulativo"}
    reglas = [h.regla for h in validacion.validar(informe)]
    assert reglas.count("meta_acumulativa_no_suma") >= 20  # the level pattern the gold README describes
