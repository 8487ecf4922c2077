"""Validator: rules of esquemas/reglas.yaml on the real corpus (the seed's
planted inconsistencies, clean reports) and on small cases built for each
rule; findings in the store (marks, reloads, conflicts across reports) and
the `informes validar` command."""

from __future__ import annotations

import copy
import csv
import hashlib
from datetime import date
from functools import cache
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import esquemas
from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion
from pipelines import almacen, validacion
from pipelines.carga import guardado
from pipelines.carga.cargar import cargar_rutas
from pipelines.cli import app
from pipelines.validacion.motor import Hallazgo, cifra, texto_periodo, validar
from pipelines.validacion import motor
from tests.conftest import GOLD, INFORMES

runner = CliRunner()

ANIO = (date(2017, 1, 1), date(2017, 12, 31))
A_CORTE = (date(2017, 1, 1), date(2017, 9, 30))
JUN_SEP = (date(2017, 6, 1), date(2017, 9, 30))
SEM1 = (date(2017, 1, 1), date(2017, 6, 30))
SEM2 = (date(2017, 7, 1), date(2017, 12, 31))


def mes(m: int) -> tuple[date, date]:
    return date(2017, m, 1), validacion.fin_de_mes(date(2017, m, 1))


# ------------------------------------------------------------------ builders


def o(indicador: str, medida: str, valor: float, periodo=ANIO, *, unidad: str = "numero", **kw) -> Observacion:
    kw.setdefault("pagina", 3)
    kw.setdefault("tabla", 1)
    return Observacion(
        indicador=indicador,
        medida=medida,
        valor=float(valor),
        valor_texto=str(valor),
        unidad=unidad,
        periodo_inicio=periodo[0] if periodo else None,
        periodo_fin=periodo[1] if periodo else None,
        **kw,
    )


def informe(
    *obs: Observacion,
    version: str = "v1",
    archivo: str = "prueba.pdf",
    entidad: str = "Alcaldía de Prueba",
    vigencia: int = 2017,
    corte: date = date(2017, 9, 30),
) -> InformeExtraido:
    return InformeExtraido(
        archivo=archivo,
        sha256=hashlib.sha256(version.encode()).hexdigest(),
        formato="pdf",
        paginas=5,
        metadatos=MetadatosInforme(
            entidad=entidad,
            dependencia="Secretaría de Prueba",
            vigencia=vigencia,
            fecha_corte=corte,
            periodo_inicio=date(vigencia, 1, 1),
            periodo_fin=corte,
        ),
        observaciones=list(obs),
    )


def de_regla(hallazgos: list[Hallazgo], regla: str) -> list[Hallazgo]:
    for h in hallazgos:  # every template got all its fields, whatever the rule
        assert "{" not in h.mensaje and h.severidad in validacion.SEVERIDADES, h
    return [h for h in hallazgos if h.regla == regla]


def una(inf: InformeExtraido, regla: str, config=None) -> Hallazgo:
    encontrados = de_regla(validar(inf, config), regla)
    assert len(encontrados) == 1, encontrados
    return encontrados[0]


def ninguna(inf: InformeExtraido, regla: str) -> None:
    assert de_regla(validar(inf), regla) == []


def config_con(**cambios) -> dict:
    """reglas.yaml with per-rule changes: config_con(ejecucion_escala={"activa": False})."""
    datos = copy.deepcopy(esquemas.cargar_yaml("reglas.yaml"))
    for rid, valores in cambios.items():
        datos["reglas"][rid].update(valores)
    return datos


# ------------------------------------------------------------ configuration


def test_cada_regla_registrada_tiene_configuracion_y_viceversa():
    datos = esquemas.cargar_yaml("reglas.yaml")["reglas"]
    assert set(validacion.reglas_registradas()) | {"conflicto_entre_informes"} == set(datos)
    for rid, r in datos.items():
        assert r["severidad"] in validacion.SEVERIDADES, rid
        assert isinstance(r["activa"], bool) and r["mensaje"].startswith("«{indicador}»"), rid


def test_configuracion_invalida():
    with pytest.raises(validacion.ErrorConfig, match="severidad"):
        validacion.config_de(config_con(stock_decrece={"severidad": "grave"}))


def test_formatos_es_co():
    assert cifra(1681) == "1.681"
    assert cifra(983286659.67, "pesos") == "$ 983.286.659,67"
    assert cifra(0.25, "porcentaje") == "0,25 %"
    assert cifra(56.5) == "56,5" and cifra(-1200) == "-1.200"
    assert texto_periodo(*JUN_SEP) == "junio a septiembre de 2017"
    assert texto_periodo(*mes(9)) == "septiembre de 2017"
    assert texto_periodo(*ANIO) == "2017"
    assert texto_periodo(date(2016, 1, 1), date(2019, 12, 31)) == "2016 a 2019"
    assert texto_periodo(date(2017, 1, 1), date(2017, 9, 15)) == "01/01/2017 a 15/09/2017"
    assert texto_periodo(None, None) == "sin periodo"


# ---------------------------------------------------------------- the corpus

REPORTES_CON_ERRORES = {
    "barrancabermeja_prensa_2017",
    "girardot_salud_2018",
    "rionegro_desarrollo_economico_2023",
    "sogamoso_educacion_2019",
    "villavicencio_hacienda_2022",
}
LIMPIOS = sorted(  # the generated reports with DOCX and PDF twins (not workbooks, not scanned copies)
    p.name.removesuffix(".gold.csv")
    for p in GOLD.glob("*.gold.csv")
    if p.name.removesuffix(".gold.csv") not in REPORTES_CON_ERRORES
    and (INFORMES / p.name.replace(".gold.csv", ".docx")).is_file()
)


@cache
def extraido(nombre: str) -> InformeExtraido:
    from extractor import extraer_informe

    return extraer_informe(INFORMES / nombre)


@cache
def hallazgos_de(nombre: str) -> tuple[Hallazgo, ...]:
    return tuple(validar(extraido(nombre)))


@pytest.mark.parametrize("formato", ["docx", "pdf"])
def test_semilla_piezas_de_diseno_acumulado_menor_con_intercambio(formato):
    inf = extraido(f"barrancabermeja_prensa_2017.{formato}")
    h = de_regla(list(hallazgos_de(f"barrancabermeja_prensa_2017.{formato}")), "acumulado_menor_que_periodo")
    assert len(h) == 1 and h[0].severidad == "error"
    h = h[0]
    assert h.indicador.startswith("ELABORACIÓN DE PIEZAS DE DISEÑO") and h.medida == "acumulado"
    assert "814" in h.mensaje and "1.681" in h.mensaje
    assert "intercambio de filas" in h.mensaje and "MEMES INFORMATIVOS" in h.mensaje
    assert f"(p. {h.pagina})" in h.mensaje
    marcadas = {(inf.observaciones[i].medida, inf.observaciones[i].valor) for i in h.observaciones}
    assert marcadas == {("acumulado", 814.0), ("ejecutado", 1681.0)}


@pytest.mark.parametrize("formato", ["docx", "pdf"])
def test_semilla_visualizaciones_de_youtube(formato):
    hs = list(hallazgos_de(f"barrancabermeja_prensa_2017.{formato}"))
    baja = [h for h in de_regla(hs, "stock_decrece") if h.indicador == "VISUALIZACIONES CANAL YOUTUBE"]
    assert len(baja) == 1 and "6.409" in baja[0].mensaje and "5.516" in baja[0].mensaje
    assert "agosto" in baja[0].mensaje and baja[0].severidad == "advertencia"
    escala = [h for h in de_regla(hs, "ejecucion_escala") if h.indicador == "VISUALIZACIONES CANAL YOUTUBE"]
    assert len(escala) == 1 and "5.516" in escala[0].mensaje and "415" in escala[0].mensaje
    assert "13,29 veces" in escala[0].mensaje
    # the other networks are stocks that grow: no decrease, their acumulado is the last month
    assert {h.indicador for h in de_regla(hs, "stock_decrece")} == {"VISUALIZACIONES CANAL YOUTUBE"}
    assert de_regla(hs, "stock_acumulado_no_es_ultimo") == []


@pytest.mark.parametrize("formato", ["docx", "pdf"])
def test_semilla_cero_veinticinco_por_ciento_es_fraccion_de_la_meta(formato):
    hs = de_regla(list(hallazgos_de(f"barrancabermeja_prensa_2017.{formato}")), "fraccion_de_meta")
    assert len(hs) == 1
    assert hs[0].indicador.startswith("Un (1) Plan estratégico de comunicaciones")
    assert "0.25 %" in hs[0].mensaje and "suman 1" in hs[0].mensaje and "2019 = 0,25" in hs[0].mensaje


@pytest.mark.parametrize("formato", ["docx", "pdf"])
def test_semilla_solo_un_error(formato):
    errores = [h for h in hallazgos_de(f"barrancabermeja_prensa_2017.{formato}") if h.severidad == "error"]
    assert [h.regla for h in errores] == ["acumulado_menor_que_periodo"]


@pytest.mark.parametrize("formato", ["docx", "pdf"])
@pytest.mark.parametrize(
    "nombre, regla, indicador, textos",
    [
        ("girardot_salud_2018", "avance_inconsistente", "Mujeres atendidas", ("65,5 %", "56,5 %", "1.130", "2.000")),
        ("rionegro_desarrollo_economico_2023", "acumulado_menor_que_periodo", "CAPACITACIONES EN BUENAS", ("13", "14")),
        ("sogamoso_educacion_2019", "acumulado_supera_suma", "Instituciones educativas dotadas", ("12", "4 + 7 = 11")),
        (
            "villavicencio_hacienda_2022",
            "cadena_presupuestal",
            "Deporte y recreación",
            ("$ 845.600.000", "$ 820.100.000"),
        ),
    ],
)
def test_incoherencias_sembradas_del_corpus(formato, nombre, regla, indicador, textos):
    hs = hallazgos_de(f"{nombre}.{formato}")
    errores = [h for h in hs if h.severidad == "error"]
    assert len(errores) == 1, errores
    h = errores[0]
    assert h.regla == regla and h.indicador.startswith(indicador)
    for texto in textos:
        assert texto in h.mensaje, (texto, h.mensaje)


@pytest.mark.parametrize("formato", ["docx", "pdf"])
def test_boyaca_municipios_distintos_es_solo_info(formato):
    hs = hallazgos_de(f"boyaca_infraestructura_2024.{formato}")
    menor = de_regla(list(hs), "acumulado_menor_que_suma")
    assert len(menor) == 1 and menor[0].severidad == "info" and "14 + 22 + 19 = 55" in menor[0].mensaje


@pytest.mark.parametrize("formato", ["docx", "pdf"])
@pytest.mark.parametrize("nombre", LIMPIOS)
def test_informes_limpios_sin_errores_ni_advertencias(nombre, formato):
    assert len(LIMPIOS) >= 6
    hs = hallazgos_de(f"{nombre}.{formato}")
    assert [h for h in hs if h.severidad != "info"] == []
    assert all(h.regla in ("ejecucion_sobre_meta", "acumulado_menor_que_suma") for h in hs)


# --------------------------------------------------- rules on built cases


def test_acumulado_menor_que_periodo():
    inf = informe(
        o("MEMES INFORMATIVOS", "ejecutado", 814, JUN_SEP, fila=16, indicador_padre="PÁGINA WEB"),
        o("MEMES INFORMATIVOS", "acumulado", 1681, A_CORTE, fila=16, indicador_padre="PÁGINA WEB"),
        o("PIEZAS DE DISEÑO", "ejecutado", 1681, JUN_SEP, fila=26),
        o("PIEZAS DE DISEÑO", "acumulado", 814, A_CORTE, fila=26),
    )
    h = una(inf, "acumulado_menor_que_periodo")
    assert h.severidad == "error" and h.observaciones == (3, 2) and h.relacionadas == (0, 1)
    assert h.mensaje.startswith("«PIEZAS DE DISEÑO»: el acumulado 814 (enero a septiembre de 2017)")
    assert "«PÁGINA WEB / MEMES INFORMATIVOS» (p. 3) tiene ejecutado 814 y acumulado 1.681" in h.mensaje
    assert validacion.marcadas(validar(inf)) == {2, 3}
    # an earlier cumulative figure above a later one is the same fault
    serie = informe(o("X", "acumulado", 50, (date(2017, 1, 1), date(2017, 5, 31))), o("X", "acumulado", 40, A_CORTE))
    assert "mayo de 2017" in una(serie, "acumulado_menor_que_periodo").mensaje
    # silent: acumulado above its parts, percentages, stocks
    ninguna(
        informe(o("X", "ejecutado", 238, JUN_SEP), o("X", "acumulado", 585, A_CORTE)), "acumulado_menor_que_periodo"
    )
    ninguna(
        informe(
            o("Disponibilidad", "ejecutado", 86, (date(2017, 7, 1), date(2017, 9, 30)), unidad="porcentaje"),
            o("Disponibilidad", "acumulado", 82, A_CORTE, unidad="porcentaje"),
        ),
        "acumulado_menor_que_periodo",
    )
    ninguna(
        informe(o("SEGUIDORES", "ejecutado", 13000, mes(8)), o("SEGUIDORES", "acumulado", 12000, A_CORTE)),
        "acumulado_menor_que_periodo",
    )


def test_acumulado_frente_a_la_suma_de_sus_periodos():
    def caso(acumulado, i=4, ii=7):
        return informe(
            o("Dotadas", "ejecutado", i, SEM1),
            o("Dotadas", "ejecutado", ii, SEM2),
            o("Dotadas", "acumulado", acumulado, ANIO),
            corte=date(2017, 12, 31),
        )

    h = una(caso(12), "acumulado_supera_suma")
    assert h.severidad == "error" and "4 + 7 = 11" in h.mensaje and h.observaciones == (2,)
    menor = una(caso(10), "acumulado_menor_que_suma")
    assert menor.severidad == "info" and "elementos distintos" in menor.mensaje
    for acumulado in (11, 7):  # the sum, or the last value (a stock-like count): silent
        ninguna(caso(acumulado), "acumulado_supera_suma")
        ninguna(caso(acumulado), "acumulado_menor_que_suma")
    # parts that do not cover the whole period: nothing to compare
    ninguna(
        informe(o("D", "ejecutado", 4, SEM1), o("D", "acumulado", 12, ANIO), corte=date(2017, 12, 31)),
        "acumulado_supera_suma",
    )


def test_stock_que_baja_de_un_mes_a_otro():
    valores = {6: 6047, 7: 6364, 8: 6409, 9: 5516}
    obs = [o("VISUALIZACIONES CANAL YOUTUBE", "ejecutado", v, mes(m), columna=2) for m, v in valores.items()]
    h = una(informe(*obs, o("VISUALIZACIONES CANAL YOUTUBE", "acumulado", 5516, A_CORTE)), "stock_decrece")
    assert h.severidad == "advertencia" and h.observaciones == (3,) and h.relacionadas == (2,)
    assert "baja de 6.409 (agosto de 2017) a 5.516 (septiembre de 2017)" in h.mensaje
    # a stock's cumulative series may not fall either
    caida = informe(
        o("Suscriptores", "acumulado", 600, (date(2017, 1, 1), date(2017, 5, 31))),
        o("Suscriptores", "acumulado", 549, A_CORTE),
    )
    assert "549" in una(caida, "stock_decrece").mensaje
    # growing series, and a monthly flow (not a stock), are silent
    crece = [o("SEGUIDORES FACEBOOK", "ejecutado", v, mes(m)) for m, v in {6: 13114, 7: 13134, 9: 13968}.items()]
    ninguna(informe(*crece, o("SEGUIDORES FACEBOOK", "acumulado", 13968, A_CORTE)), "stock_decrece")
    flujo = [o("ASISTENCIA TÉCNICA", "ejecutado", v, mes(m)) for m, v in {1: 120, 2: 135, 3: 100}.items()]
    ninguna(
        informe(*flujo, o("ASISTENCIA TÉCNICA", "acumulado", 355, (date(2017, 1, 1), date(2017, 3, 31)))),
        "stock_decrece",
    )


def test_stock_con_acumulado_sin_periodo_no_rompe_la_regla():
    """A cumulative value without a period (no vigencia to date it) stays out
    of the stock's series instead of breaking the rule (found by mypy)."""
    inf = informe(
        o("Suscriptores", "acumulado", 600, (date(2017, 1, 1), None)),
        o("Suscriptores", "acumulado", 700, (date(2017, 1, 1), date(2017, 5, 31))),
        o("Suscriptores", "acumulado", 549, A_CORTE),
    )
    hs = validar(inf)
    assert not [h for h in hs if "No se pudo aplicar" in h.mensaje], hs
    assert "549" in una(inf, "stock_decrece").mensaje


def test_stock_cuyo_acumulado_no_es_el_ultimo_valor():
    meses = [o("YOUTUBE suscriptores", "ejecutado", v, mes(m)) for m, v in {7: 507, 8: 530, 9: 549}.items()]
    h = una(informe(*meses, o("YOUTUBE suscriptores", "acumulado", 1586, A_CORTE)), "stock_acumulado_no_es_ultimo")
    assert h.severidad == "advertencia" and "1.586" in h.mensaje and "549" in h.mensaje
    ninguna(informe(*meses, o("YOUTUBE suscriptores", "acumulado", 549, A_CORTE)), "stock_acumulado_no_es_ultimo")


def test_ejecucion_sobre_la_meta_y_probable_error_de_escala():
    h = una(informe(o("TWITTER", "meta", 2000), o("TWITTER", "acumulado", 3195, A_CORTE)), "ejecucion_sobre_meta")
    assert h.severidad == "info" and h.medida == "meta" and "1,6 veces" in h.mensaje
    escala = informe(o("VISUALIZACIONES", "meta", 415), o("VISUALIZACIONES", "acumulado", 5516, A_CORTE))
    h = una(escala, "ejecucion_escala")
    assert h.severidad == "advertencia" and "13,29 veces la meta 415" in h.mensaje
    ninguna(escala, "ejecucion_sobre_meta")  # one finding per target, the stronger one
    # without a cumulative figure, a flow's executed periods add up
    sem = informe(
        o("H", "meta", 120), o("H", "ejecutado", 64, SEM1), o("H", "ejecutado", 71, SEM2), corte=date(2017, 12, 31)
    )
    assert "suma de 2 periodos" in una(sem, "ejecucion_sobre_meta").mensaje
    ninguna(informe(o("BANNER", "meta", 105), o("BANNER", "acumulado", 60, A_CORTE)), "ejecucion_sobre_meta")
    ninguna(escala, "ejecucion_sobre_meta")
    # thresholds are data: with 20 as the scale threshold 13x is only "above the target"
    config = config_con(ejecucion_escala={"umbrales": {"razon_minima": 20}})
    assert de_regla(validar(escala, config), "ejecucion_escala") == []
    assert len(de_regla(validar(escala, config), "ejecucion_sobre_meta")) == 1


def test_avance_reportado_que_no_coincide():
    def caso(avance, acumulado=1130):
        return informe(
            o("Mujeres atendidas", "meta", 2000),
            o("Mujeres atendidas", "acumulado", acumulado, A_CORTE),
            o("Mujeres atendidas", "avance_porcentual", avance, A_CORTE, unidad="porcentaje"),
        )

    h = una(caso(65.5), "avance_inconsistente")
    assert h.severidad == "error" and h.observaciones == (2,)
    assert "65,5 %" in h.mensaje and "acumulado / meta = 1.130 / 2.000 = 56,5 %" in h.mensaje
    for avance in (56.5, 57.2, 0.565):  # equal, within a point, or written as a fraction
        ninguna(caso(avance), "avance_inconsistente")
    ninguna(caso(100, acumulado=2400), "avance_inconsistente")  # capped at 100 %
    # budget execution: compromisos / apropiación definitiva
    dinero = informe(
        o("Deporte", "apropiacion_definitiva", 9_870_000_000, unidad="pesos"),
        o("Deporte", "compromisos", 1_950_300_000, A_CORTE, unidad="pesos"),
        o("Deporte", "avance_porcentual", 19.8, A_CORTE, unidad="porcentaje"),
    )
    ninguna(dinero, "avance_inconsistente")
    # "% ejecución física" next to money only: money cannot contradict it
    fisica = informe(
        o("Parques", "apropiacion_inicial", 861_223_975, unidad="pesos"),
        o("Parques", "recursos_ejecutados", 171_081_500, A_CORTE, unidad="pesos"),
        o("Parques", "avance_porcentual", 12.5, A_CORTE, unidad="porcentaje"),
    )
    ninguna(fisica, "avance_inconsistente")
    # nothing to compare with: silent
    ninguna(informe(o("Solo", "avance_porcentual", 65.5, A_CORTE, unidad="porcentaje")), "avance_inconsistente")


def test_porcentajes_fuera_de_rango():
    h = una(informe(o("Avance de obra", "meta", 104, unidad="porcentaje")), "porcentaje_fuera_de_rango")
    assert h.severidad == "advertencia" and "104 %" in h.mensaje and "0–100" in h.mensaje
    una(informe(o("Variación", "ejecutado", -5, JUN_SEP, unidad="porcentaje")), "porcentaje_fuera_de_rango")
    una(informe(o("Solo", "avance_porcentual", 150, A_CORTE, unidad="porcentaje")), "porcentaje_fuera_de_rango")
    # above 100 % because more than the target was done: explained, silent
    sobre = informe(
        o("Familias", "meta", 500),
        o("Familias", "ejecutado", 612),
        o("Familias", "avance_porcentual", 122.4, unidad="porcentaje"),
        corte=date(2017, 12, 31),
    )
    ninguna(sobre, "porcentaje_fuera_de_rango")
    # a column of fractions (0,93; 1,13): its range is 0–1
    fracciones = informe(
        o("Visitas", "meta", 1200, fila=1),
        o("Visitas", "ejecutado", 1116, fila=1),
        o("Visitas", "avance_porcentual", 0.93, unidad="porcentaje", fila=1, columna=4),
        o("Árboles", "meta", 45000, fila=2),
        o("Árboles", "ejecutado", 51000, fila=2),
        o("Árboles", "avance_porcentual", 1.13, unidad="porcentaje", fila=2, columna=4),
        o("Kits", "avance_porcentual", 1.4, unidad="porcentaje", fila=3, columna=4),
        corte=date(2017, 12, 31),
    )
    h = una(fracciones, "porcentaje_fuera_de_rango")
    assert h.indicador == "Kits" and "0–1" in h.mensaje


def test_fraccion_de_la_meta_del_cuatrienio():
    descripcion = "El porcentaje por año: 2016 = 0.25% cumplido 2017= 0.25% A la fecha: 0.23 % 2018= 0.25% 2019= 0.25%"
    plan = [
        o("Plan estratégico", "meta", 0.25, unidad="porcentaje", ambiguo=True, descripcion=descripcion),
        o("Plan estratégico", "ejecutado", 0.23, A_CORTE, unidad="porcentaje", ambiguo=True, descripcion=descripcion),
    ]
    plan[0].valor_texto, plan[1].valor_texto = "0.25 %", "0.23 %"
    h = una(informe(*plan), "fraccion_de_meta")
    assert h.severidad == "advertencia" and h.observaciones == (0, 1)
    assert "0.25 % y 0.23 %" in h.mensaje and "2016 = 0,25; 2017 = 0,25; 2018 = 0,25; 2019 = 0,25" in h.mensaje
    # no shares written: 0,25 × 4 years = 1 still says it
    sola = o("Plan", "meta", 0.25, unidad="porcentaje", ambiguo=True)
    assert "0,25 × 4 años" in una(informe(sola), "fraccion_de_meta").mensaje
    ninguna(informe(o("Plan", "meta", 0.4, unidad="porcentaje", ambiguo=True)), "fraccion_de_meta")
    ninguna(informe(o("Plan", "meta", 0.25, unidad="porcentaje")), "fraccion_de_meta")  # not ambiguous


def test_recursos_ejecutados_sobre_programados():
    def caso(ejecutado, gasto="inversion"):
        return informe(
            o(
                "Recursos de inversión",
                "recursos_programados",
                1_277_800_000,
                unidad="pesos",
                tipo_gasto="inversion",
                tabla=None,
            ),
            o(
                "Recursos de inversión",
                "recursos_ejecutados",
                ejecutado,
                A_CORTE,
                unidad="pesos",
                tipo_gasto=gasto,
                tabla=None,
            ),
        )

    h = una(caso(1_416_376_501), "recursos_ejecutados_sobre_programados")
    assert "$ 1.416.376.501" in h.mensaje and "$ 1.277.800.000" in h.mensaje and "de inversión" in h.mensaje
    ninguna(caso(1_216_376_501), "recursos_ejecutados_sobre_programados")
    ninguna(caso(1_416_376_501, gasto="funcionamiento"), "recursos_ejecutados_sobre_programados")


def test_cadena_presupuestal():
    def caso(pagos, obligaciones=820_100_000, compromisos=1_950_300_000, apropiacion=9_870_000_000):
        return informe(
            *[
                o(
                    "Deporte",
                    m,
                    v,
                    ANIO if m == "apropiacion_definitiva" else A_CORTE,
                    unidad="pesos",
                    tipo_gasto="inversion",
                )
                for m, v in (
                    ("apropiacion_definitiva", apropiacion),
                    ("compromisos", compromisos),
                    ("obligaciones", obligaciones),
                    ("pagos", pagos),
                )
            ]
        )

    h = una(caso(845_600_000), "cadena_presupuestal")
    assert h.severidad == "error" and h.medida == "pagos" and h.observaciones == (3, 2)
    assert "Pagos $ 845.600.000 supera obligaciones $ 820.100.000" in h.mensaje
    assert "apropiación definitiva" in una(caso(1, 2, 10_000_000_000), "cadena_presupuestal").mensaje
    ninguna(caso(800_000_000), "cadena_presupuestal")
    # a missing link: pagos against compromisos
    sin_obligaciones = informe(
        o("R", "compromisos", 10, A_CORTE, unidad="pesos"), o("R", "pagos", 12, A_CORTE, unidad="pesos")
    )
    assert "supera compromisos" in una(sin_obligaciones, "cadena_presupuestal").mensaje


def _presupuesto(total_compromisos=294_149_103, deporte=1_950_300):
    """Villavicencio-like table (thousands): subtotals that are parents, and a total of the subtotals."""
    filas = [
        ("FUNCIONAMIENTO", None, 31_155_971),
        ("Gastos de personal", "FUNCIONAMIENTO", 15_870_220),
        ("Bienes y servicios", "FUNCIONAMIENTO", 15_285_751),
        ("INVERSIÓN", None, 262_993_132),
        ("Educación", "INVERSIÓN", 261_042_832),
        ("Deporte y recreación", "INVERSIÓN", deporte),
        ("TOTAL GASTOS", None, total_compromisos),
    ]
    return informe(
        *[
            o(n, "compromisos", v * 1000, A_CORTE, unidad="pesos", indicador_padre=p, fila=k + 2)
            for k, (n, p, v) in enumerate(filas)
        ]
    )


def test_total_que_no_es_la_suma_de_sus_filas():
    ninguna(_presupuesto(), "total_no_cuadra")
    h = una(_presupuesto(total_compromisos=300_000_000), "total_no_cuadra")
    assert h.severidad == "error" and h.indicador == "TOTAL GASTOS"
    assert (
        "$ 300.000.000.000" in h.mensaje
        and "$ 294.149.103.000" in h.mensaje
        and "FUNCIONAMIENTO, INVERSIÓN" in h.mensaje
    )
    # a plain table with a Total row (Tuluá)
    tulua = informe(
        o("Funcionamiento", "recursos_programados", 845, unidad="pesos", fila=1),
        o("Inversión", "recursos_programados", 132.5, unidad="pesos", fila=2),
        o("Total", "recursos_programados", 987.5, unidad="pesos", fila=3),
    )
    assert "$ 977,5" in una(tulua, "total_no_cuadra").mensaje


def test_fila_padre_que_no_es_la_suma_de_sus_hijas():
    ninguna(_presupuesto(), "padre_no_cuadra")
    h = una(_presupuesto(deporte=2_000_000), "padre_no_cuadra")
    assert h.indicador == "INVERSIÓN" and h.severidad == "advertencia" and "Deporte y recreación" in h.mensaje
    # the seed: a row named like the parent that comes AFTER the children is not their parent
    web = informe(
        o("BOLETINES", "ejecutado", 238, JUN_SEP, indicador_padre="PÁGINA WEB", fila=12),
        o("NOTICIAS", "ejecutado", 359, JUN_SEP, indicador_padre="PÁGINA WEB", fila=14),
        o("PÁGINA WEB", "ejecutado", 697047, JUN_SEP, fila=17),
    )
    ninguna(web, "padre_no_cuadra")


def test_narrativa_que_contradice_la_tabla():
    def caso(*tabla, narrativa=1_000_000):
        obs = [
            o(n, "recursos_programados", v, unidad="pesos", tipo_gasto="inversion", fila=k + 1)
            for k, (n, v) in enumerate(tabla)
        ]
        return informe(
            *obs,
            o(
                "Recursos de inversión",
                "recursos_programados",
                narrativa,
                unidad="pesos",
                tipo_gasto="inversion",
                tabla=None,
                fila=None,
                pagina=5,
            ),
        )

    h = una(caso(("Vías", 600_000), ("Parques", 700_000)), "narrativa_contradice_tabla")
    assert h.severidad == "advertencia" and h.indicador == "Recursos de inversión" and h.pagina == 5
    assert "$ 1.000.000" in h.mensaje and "suman más: $ 1.300.000" in h.mensaje
    ninguna(caso(("Vías", 600_000), ("Parques", 300_000)), "narrativa_contradice_tabla")  # part of the whole
    h = una(caso(("Inversión", 900_000)), "narrativa_contradice_tabla")
    assert "la fila «Inversión» de la tabla (p. 3) da $ 900.000" in h.mensaje
    ninguna(caso(("Inversión", 1_000_000)), "narrativa_contradice_tabla")


def test_periodos_y_fechas():
    tarde = informe(o("X", "ejecutado", 5, (date(2017, 6, 1), date(2017, 12, 31))), o("X", "meta", 10))
    h = una(tarde, "periodo_despues_del_corte")
    assert h.medida == "ejecutado" and "30/09/2017" in h.mensaje
    fuera = informe(
        o("X", "ejecutado", 5, (date(2018, 1, 1), date(2018, 3, 31))),
        o("X", "meta", 10),
        o("X", "linea_base", 3, (date(2015, 1, 1), date(2015, 12, 31))),
        o("X", "meta_cuatrienio", 40, (date(2016, 1, 1), date(2019, 12, 31))),
        o("Y", "meta_cuatrienio", 40, (date(2020, 1, 1), date(2023, 12, 31))),
    )
    hs = de_regla(validar(fuera), "periodo_fuera_de_vigencia")
    assert [(h.indicador, h.medida) for h in hs] == [("X", "ejecutado"), ("Y", "meta_cuatrienio")]
    assert "fuera de la vigencia 2017" in hs[0].mensaje and "que no contiene la vigencia 2017" in hs[1].mensaje
    ninguna(informe(o("X", "ejecutado", 5, JUN_SEP), o("X", "meta", 10)), "periodo_despues_del_corte")


def test_duplicado_en_el_mismo_informe():
    h = una(
        informe(o("Pavimentar", "meta", 101, columna=0), o("Pavimentar", "meta", 12.5, columna=3)),
        "duplicado_en_informe",
    )
    assert h.severidad == "error" and h.observaciones == (0, 1) and "101 (p. 3), 12,5 (p. 3)" in h.mensaje
    ninguna(informe(o("Pavimentar", "meta", 12.5), o("Pavimentar", "meta", 12.5, tabla=None)), "duplicado_en_informe")
    ninguna(informe(o("A", "meta", 1), o("A", "meta", 2, indicador_padre="Otro")), "duplicado_en_informe")


def test_columnas_repetidas_dan_un_hallazgo_por_par_de_columnas():
    """A workbook with "Apropiación definitiva 2025" twice: one finding for
    the pair of columns (with its row count), none per row; rows of the
    report that disagree are still duplicado_en_informe."""
    filas = [o(f"Meta {n}", "apropiacion_definitiva", 100 + n, unidad="pesos", fila=n, columna=64) for n in range(3)]
    filas += [o(f"Meta {n}", "apropiacion_definitiva", 200 + n, unidad="pesos", fila=n, columna=72) for n in range(3)]
    filas += [
        o("Meta 9", "apropiacion_definitiva", 5, unidad="pesos", fila=9, columna=64),
        o("Meta 9", "apropiacion_definitiva", 5, unidad="pesos", fila=9, columna=72),
    ]  # same value: fine
    inf = informe(*filas, o("Otra", "meta", 1, fila=20, columna=3), o("Otra", "meta", 2, fila=21, columna=3))
    hs = validar(inf)
    [h] = de_regla(hs, "columnas_repetidas")
    assert h.severidad == "error" and sorted(h.observaciones) == [0, 1, 2, 3, 4, 5]
    assert "columnas 65 y 73 de la tabla 1 (p. 3)" in h.mensaje and "en 3 filas" in h.mensaje
    assert "($ 100 (p. 3), $ 200 (p. 3))" in h.mensaje
    [d] = de_regla(hs, "duplicado_en_informe")
    assert d.indicador == "Otra"


def test_informe_limpio_construido_no_da_hallazgos():
    inf = informe(
        o("BOLETINES", "meta", 649),
        o("BOLETINES", "ejecutado", 238, JUN_SEP),
        o("BOLETINES", "acumulado", 585, A_CORTE),
        o("BOLETINES", "avance_porcentual", 90.1, A_CORTE, unidad="porcentaje"),
        o("Recursos", "recursos_programados", 100, unidad="pesos", tipo_gasto="inversion"),
        o("Recursos", "recursos_ejecutados", 90, A_CORTE, unidad="pesos", tipo_gasto="inversion"),
    )
    assert validar(inf) == []


def test_reglas_desactivadas_y_severidad_configurable():
    caso = informe(o("Pavimentar", "meta", 101), o("Pavimentar", "meta", 12.5))
    assert de_regla(validar(caso, config_con(duplicado_en_informe={"activa": False})), "duplicado_en_informe") == []
    h = una(caso, "duplicado_en_informe", config_con(duplicado_en_informe={"severidad": "info"}))
    assert h.severidad == "info"
    assert validacion.marcadas(validar(caso, config_con(duplicado_en_informe={"severidad": "info"}))) == set()


def test_una_regla_que_falla_no_detiene_la_validacion(monkeypatch):
    def rota(ctx, umbrales):
        raise ZeroDivisionError("división por cero")

    monkeypatch.setitem(motor._REGISTRO, "stock_decrece", rota)
    hs = validar(informe(o("Pavimentar", "meta", 101), o("Pavimentar", "meta", 12.5)))
    assert [(h.regla, h.severidad) for h in hs] == [("stock_decrece", "info"), ("duplicado_en_informe", "error")]
    assert "No se pudo aplicar la regla stock_decrece" in hs[0].mensaje


# ------------------------------------------------------------------- store


@pytest.fixture
def con(tmp_path):
    c = almacen.abrir(tmp_path / "v.duckdb")
    yield c
    c.close()


def _hallazgos_en(con, informe_id=None) -> list[tuple]:
    sql = "SELECT regla, severidad, observacion_id, mensaje FROM hallazgos"
    if informe_id:
        return con.execute(sql + " WHERE informe_id = ? ORDER BY hallazgo_id", [informe_id]).fetchall()
    return con.execute(sql + " ORDER BY hallazgo_id").fetchall()


def test_guardar_escribe_hallazgos_y_marca_errores(con, tmp_path):
    inf = extraido("barrancabermeja_prensa_2017.pdf")
    assert guardado.guardar_informe(con, inf, INFORMES / "barrancabermeja_prensa_2017.pdf") == "cargado"
    iid = inf.sha256[:16]
    guardados = _hallazgos_en(con, iid)
    assert [(r, s) for r, s, _, _ in guardados] == [(h.regla, h.severidad) for h in validar(inf)]
    # every finding points to a stored observation with its indicator
    huerfanos = con.execute(
        "SELECT count(*) FROM hallazgos h ANTI JOIN observaciones o USING (observacion_id) "
        "WHERE h.observacion_id IS NOT NULL"
    ).fetchone()[0]
    assert huerfanos == 0
    marcadas = con.execute(
        "SELECT indicador, medida, valor FROM observaciones WHERE marcada ORDER BY medida"
    ).fetchall()
    assert [(m, v) for _, m, v in marcadas] == [("acumulado", 814.0), ("ejecutado", 1681.0)]
    assert all(i.startswith("ELABORACIÓN DE PIEZAS") for i, _, _ in marcadas)
    assert con.execute("SELECT count(*) FROM observaciones WHERE marcada IS NULL").fetchone()[0] == 0


def test_cargar_dos_veces_no_duplica_hallazgos(con, tmp_path):
    inf = extraido("barrancabermeja_prensa_2017.docx")
    ruta = INFORMES / "barrancabermeja_prensa_2017.docx"
    guardado.guardar_informe(con, inf, ruta)
    antes = _hallazgos_en(con)
    assert guardado.guardar_informe(con, inf, ruta) == "sin_cambios"
    assert guardado.guardar_informe(con, inf, ruta, forzar=True) == "reemplazado"
    assert _hallazgos_en(con) == antes and len(antes) == len(validar(inf))


def _con_valor(valor: float, version: str, archivo: str, entidad: str = "Alcaldía de Prueba") -> InformeExtraido:
    return informe(
        o("BOLETINES DE PRENSA", "acumulado", valor, A_CORTE, pagina=2),
        o("BOLETINES DE PRENSA", "meta", 649, pagina=2),
        version=version,
        archivo=archivo,
        entidad=entidad,
    )


def test_conflicto_entre_informes_se_reporta_y_no_sobrescribe(con, tmp_path):
    primero, segundo = _con_valor(585, "a", "informe_a.pdf"), _con_valor(590, "b", "informe_b.pdf")
    guardado.guardar_informe(con, primero, tmp_path / "informe_a.pdf")
    guardado.guardar_informe(con, segundo, tmp_path / "informe_b.pdf")
    assert _hallazgos_en(con, primero.sha256[:16]) == []
    ((regla, severidad, oid, mensaje),) = _hallazgos_en(con, segundo.sha256[:16])
    assert (regla, severidad, oid) == ("conflicto_entre_informes", "advertencia", f"{segundo.sha256[:16]}-000001")
    assert "vale 590 en este informe (p. 2) y 585 en informe_a.pdf (p. 2)" in mensaje
    # both figures stay, each with its report; the first is untouched
    valores = con.execute(
        "SELECT archivo, valor FROM observaciones JOIN informes USING (informe_id) "
        "WHERE medida = 'acumulado' ORDER BY archivo"
    ).fetchall()
    assert valores == [("informe_a.pdf", 585.0), ("informe_b.pdf", 590.0)]
    # reloading the second report does not repeat the finding
    guardado.guardar_informe(con, segundo, tmp_path / "informe_b.pdf", forzar=True)
    assert len(_hallazgos_en(con, segundo.sha256[:16])) == 1


def test_sin_conflicto_con_otra_entidad_o_el_mismo_valor(con, tmp_path):
    guardado.guardar_informe(con, _con_valor(585, "a", "a.pdf"), tmp_path / "a.pdf")
    guardado.guardar_informe(con, _con_valor(590, "b", "b.pdf", entidad="Alcaldía de Otra"), tmp_path / "b.pdf")
    guardado.guardar_informe(con, _con_valor(585, "c", "c.pdf"), tmp_path / "c.pdf")
    assert _hallazgos_en(con) == []


def test_conflicto_configurado_como_error_marca_la_observacion_nueva(con, tmp_path, monkeypatch):
    config = validacion.config_de(config_con(conflicto_entre_informes={"severidad": "error"}))
    monkeypatch.setattr(motor, "config_por_defecto", lambda: config)
    guardado.guardar_informe(con, _con_valor(585, "a", "a.pdf"), tmp_path / "a.pdf")
    guardado.guardar_informe(con, _con_valor(590, "b", "b.pdf"), tmp_path / "b.pdf")
    marcadas = con.execute(
        "SELECT archivo, valor FROM observaciones JOIN informes USING (informe_id) WHERE marcada"
    ).fetchall()
    assert marcadas == [("b.pdf", 590.0)]


# --------------------------------------------------------------------- CLI


@pytest.fixture(scope="module")
def db_semilla(tmp_path_factory) -> Path:
    """A real DuckDB file with the seed PDF loaded by the real extractor."""
    db = tmp_path_factory.mktemp("validar") / "datos.duckdb"
    (r,) = cargar_rutas([INFORMES / "barrancabermeja_prensa_2017.pdf"], db)
    assert r.resultado == "cargado", r.motivo
    return db


def test_cli_validar_tabla_por_informe(db_semilla):
    r = runner.invoke(app, ["validar", "--db", str(db_semilla), "--detalle"], env={"COLUMNS": "250"})
    assert r.exit_code == 2, r.output  # an error-level finding
    for texto in (
        "barrancabermeja_prensa_2017.pdf",
        "Alcaldía de Barrancabermeja",
        "acumulado_menor_que_periodo",
        "stock_decrece",
        "fraccion_de_meta",
        "1 error, 6 advertencias",
    ):
        assert texto in r.stdout, texto
    solo_errores = runner.invoke(app, ["validar", "--db", str(db_semilla), "-s", "error"], env={"COLUMNS": "250"})
    assert solo_errores.exit_code == 2 and "stock_decrece" not in solo_errores.stdout
    assert "acumulado_menor_que_periodo" in solo_errores.stdout


def test_cli_validar_csv(db_semilla, tmp_path):
    salida = tmp_path / "hallazgos.csv"
    r = runner.invoke(app, ["validar", "--db", str(db_semilla), "--formato", "csv", "--salida", str(salida)])
    assert r.exit_code == 2, r.output
    with salida.open(encoding="utf-8", newline="") as f:
        filas = list(csv.DictReader(f))
    assert list(filas[0])[:8] == [
        "archivo",
        "indicador",
        "medida",
        "periodo_fin",
        "regla",
        "severidad",
        "mensaje",
        "pagina",
    ]
    piezas = next(f for f in filas if f["regla"] == "acumulado_menor_que_periodo")
    assert piezas["archivo"] == "barrancabermeja_prensa_2017.pdf" and piezas["severidad"] == "error"
    assert piezas["periodo_fin"] == "2017-09-30" and piezas["pagina"] == "3" and "1.681" in piezas["mensaje"]
    assert [f["severidad"] for f in filas][0] == "error"  # errors first
    a_pantalla = runner.invoke(app, ["validar", "--db", str(db_semilla), "--formato", "csv"])
    assert a_pantalla.exit_code == 2 and a_pantalla.stdout.splitlines()[0].startswith("archivo,indicador,medida,")
    assert len(a_pantalla.stdout.splitlines()) == len(filas) + 1


def test_cli_validar_errores(db_semilla, tmp_path):
    falta = tmp_path / "falta.duckdb"
    r = runner.invoke(app, ["validar", "--db", str(falta)])
    assert r.exit_code == 1 and "No existe la base de datos" in r.stderr and not falta.exists()
    r = runner.invoke(app, ["validar", "--db", str(db_semilla), "--formato", "xml"])
    assert r.exit_code == 1 and "Formato desconocido: xml" in r.stderr
    r = runner.invoke(app, ["validar", "--db", str(db_semilla), "--severidad", "grave"])
    assert r.exit_code == 1 and "Severidad desconocida" in r.stderr and "Traceback" not in r.output


def test_cli_validar_base_anterior_al_validador(tmp_path):
    vieja = tmp_path / "vieja.duckdb"
    c = duckdb.connect(str(vieja))
    c.execute("CREATE TABLE informes (informe_id VARCHAR, archivo VARCHAR)")
    c.close()
    r = runner.invoke(app, ["validar", "--db", str(vieja)])
    assert r.exit_code == 1 and "no tiene la tabla hallazgos" in r.stderr and "--forzar" in r.stderr


def test_cli_exportar_sin_marcadas_y_hallazgos(db_semilla, tmp_path):
    todas, sin = tmp_path / "todas.csv", tmp_path / "sin.csv"
    assert runner.invoke(app, ["exportar", "--db", str(db_semilla), "-o", str(todas)]).exit_code == 0
    r = runner.invoke(app, ["exportar", "--db", str(db_semilla), "-o", str(sin), "--sin-marcadas"])
    assert r.exit_code == 0, r.output
    leer = lambda p: list(csv.DictReader(p.open(encoding="utf-8", newline="")))  # noqa: E731
    assert len(leer(todas)) == 98 and len(leer(sin)) == 96
    assert not any(f["indicador"].startswith("ELABORACIÓN DE PIEZAS") for f in leer(sin))
    pq = tmp_path / "sin.parquet"
    assert runner.invoke(app, ["exportar", "--db", str(db_semilla), "-o", str(pq), "--sin-marcadas"]).exit_code == 0
    assert duckdb.connect().execute(f"SELECT count(*), bool_or(marcada) FROM '{pq}'").fetchone() == (96, False)
    h = tmp_path / "h.csv"
    assert (
        runner.invoke(app, ["exportar", "--db", str(db_semilla), "-o", str(h), "--tabla", "hallazgos"]).exit_code == 0
    )
    assert len(leer(h)) == len(hallazgos_de("barrancabermeja_prensa_2017.pdf"))
    r = runner.invoke(app, ["exportar", "--db", str(db_semilla), "-o", str(h), "--tabla", "informes", "--sin-marcadas"])
    assert r.exit_code == 1 and "--sin-marcadas solo se aplica" in r.stderr


def test_cli_cargar_resume_los_hallazgos(tmp_path):
    db = tmp_path / "d.duckdb"
    r = runner.invoke(
        app, ["cargar", str(INFORMES / "villavicencio_hacienda_2022.docx"), "--db", str(db)], env={"COLUMNS": "250"}
    )
    assert r.exit_code == 0, r.output
    assert "Hallazgos del validador: 1 error" in r.stdout and "informes validar" in r.stdout
