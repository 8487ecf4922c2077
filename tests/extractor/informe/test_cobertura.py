"""Coverage audit (extractor/informe/cobertura.py): every number of a table, or of a
line of text next to one, reaches an observation, an unmapped row or a
reason not to be a figure; the rest are stored in cifras_sin_destino and the
report's `cobertura` says how much was accounted for."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from corpus.generador.generar_derivados import serializar_pdf
from extractor import extraer_informe, interpretar, leer_documento
from extractor.informe.cobertura import auditar
from extractor.modelo import BloqueTexto, Celda, Documento, LineaSuelta, Tabla
from pipelines import almacen
from pipelines.cli import app
from tests.conftest import INFORMES

runner = CliRunner()

SHA = "ab" * 32
ENCABEZADO = ["Indicador", "Meta 2024", "Ejecutado 2024"]
FILAS = [["Campañas de vacunación realizadas", "12", "10"], ["Niños vacunados", "1.500", "1.320"]]


def _tabla(filas=FILAS, x0=50.0, top=100.0, alto=14.0, ref: str | None = None) -> Tabla:
    """A table whose cells have boxes: three columns, one line per row."""
    xs = [x0, x0 + 200, x0 + 280, x0 + 360]
    celdas = []
    for r, fila in enumerate([ENCABEZADO] + filas):
        for k, texto in enumerate(fila):
            celdas.append(
                Celda(
                    texto=texto,
                    fila=r,
                    columna=k,
                    pagina=1,
                    bbox=(xs[k], top + r * alto, xs[k + 1], top + (r + 1) * alto),
                    ref=f"Plan!{'ABC'[k]}{r + 1}" if ref else None,
                )
            )
    return Tabla(indice=1, celdas=celdas)


def _documento(tabla: Tabla, sueltas=(), textos=(), formato: str = "pdf") -> Documento:
    titulo = BloqueTexto(texto="Informe de gestión 2024 de la Secretaría de Salud", pagina=1, bbox=(50, 40, 400, 52))
    return Documento(
        archivo="prueba.pdf",
        sha256=SHA,
        formato=formato,
        paginas=1,
        bloques=[titulo, *textos, tabla],
        lineas_sueltas=list(sueltas),
    )


def _fila_perdida(top: float) -> LineaSuelta:
    """A row the table reader left out: a line of text right under the table."""
    return LineaSuelta(
        texto="Jornadas de desparasitación 8 6",
        pagina=1,
        bbox=(50.0, top, 420.0, top + 10),
        cifras=[("8", (300.0, top, 306.0, top + 10)), ("6", (380.0, top, 386.0, top + 10))],
    )


def test_todo_contado_en_una_tabla_completa():
    informe = interpretar(_documento(_tabla()))
    assert len(informe.observaciones) == 4
    assert informe.sin_destino == []
    assert informe.cobertura == 100.0
    # the years of the header are counted, as header numbers, not as figures
    assert informe.cifras_auditadas == {"observacion": 4, "encabezado": 2}


def test_fila_que_el_lector_dejo_fuera_queda_sin_destino_con_pagina_y_recuadro():
    informe = interpretar(_documento(_tabla(), sueltas=[_fila_perdida(top=143.0)]))
    perdidas = [(c.texto, c.pagina, c.bbox) for c in informe.sin_destino]
    assert perdidas == [("8", 1, (300.0, 143.0, 306.0, 153.0)), ("6", 1, (380.0, 143.0, 386.0, 153.0))]
    assert all("junto a una tabla" in c.motivo and c.contexto.startswith("Jornadas") for c in informe.sin_destino)
    assert informe.cobertura == round(100 * 6 / 8, 2)


def test_filas_perdidas_seguidas_se_auditan_hasta_la_ultima():
    """Three rows left out, one under the other: the second and third are
    farther than the margin from the table, but next to the row above them."""
    sueltas = [_fila_perdida(top=143.0 + 14 * i) for i in range(3)]
    informe = interpretar(_documento(_tabla(), sueltas=sueltas))
    assert len(informe.sin_destino) == 6
    # a line far from any table is not audited
    lejos = interpretar(_documento(_tabla(), sueltas=[_fila_perdida(top=400.0)]))
    assert lejos.sin_destino == [] and lejos.cobertura == 100.0


def test_lo_que_no_es_cifra_se_cuenta_con_su_motivo():
    sueltas = [
        LineaSuelta(
            "Fuente: Secretaría de Salud, corte 30/06/2024",
            1,
            (50, 143, 400, 152),
            [("30/06/2024", (200, 143, 250, 152))],
        ),
        LineaSuelta(
            "Página 3 de 20",
            1,
            (350, 160, 410, 170),
            [("3", (380, 160, 384, 170)), ("20", (395, 160, 405, 170))],
            repetida=True,
        ),
        LineaSuelta(
            "En la vigencia se realizaron 12 campañas en los barrios del municipio",
            1,
            (50, 153, 500, 162),
            [("12", (180, 153, 190, 162))],
        ),
    ]
    informe = interpretar(_documento(_tabla(), sueltas=sueltas))
    assert informe.sin_destino == []
    auditadas = informe.cifras_auditadas
    assert auditadas["fecha"] == 3 and auditadas["pie_de_pagina"] == 2 and auditadas["prosa"] == 1


def test_cifra_de_una_celda_que_no_llego_a_observacion():
    """A value cell with two figures side by side gives no observation while
    the rest of its row does: the row is not unmapped, the figures are lost."""
    filas = [["Campañas de vacunación realizadas", "12", "10 4"], FILAS[1]]
    informe = interpretar(_documento(_tabla(filas, ref="si"), formato="xlsx"))
    assert [(c.texto, c.tabla, c.fila, c.columna, c.hoja, c.celda) for c in informe.sin_destino] == [
        ("10", 1, 1, 2, "Plan", "C2"),
        ("4", 1, 1, 2, "Plan", "C2"),
    ]
    assert informe.cobertura < 100


def test_fila_no_mapeada_cuenta_sus_cifras():
    filas = FILAS + [["", "7", "5"]]  # a row without an indicator name
    informe = interpretar(_documento(_tabla(filas)))
    assert any(f.fila == 3 for f in informe.no_mapeadas)
    assert informe.cifras_auditadas["fila_no_mapeada"] == 2 and informe.cobertura == 100.0


def test_auditar_con_detalle_da_el_destino_de_cada_cifra():
    doc = _documento(_tabla(), sueltas=[_fila_perdida(top=143.0)])
    informe = interpretar(doc)
    auditoria = auditar(doc, informe, detalle=True)
    destinos = {(texto, destino) for destino, _, texto, _ in auditoria.detalle}
    assert ("1.500", "observacion") in destinos and ("8", "sin_destino") in destinos


# --------------------------------------------------------- a PDF, read


ALTO_PAGINA = 792.0


def _texto_pdf(x: float, base: float, texto: str) -> bytes:
    escapado = texto.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
    return b"BT /F1 9 Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj ET" % (x, ALTO_PAGINA - base, escapado)


def _caja_pdf(x0: float, arriba: float, x1: float, abajo: float) -> bytes:
    return b"%.2f %.2f %.2f %.2f re S" % (x0, ALTO_PAGINA - abajo, x1 - x0, abajo - arriba)


def _pdf_con_fila_suelta(ruta: Path, desalineada: bool = False) -> None:
    """A ruled table of indicators and, right under its frame, one more row
    printed without rulings (a single line is no borderless table): the
    PDF reader takes the table's frame down over it, a row of its columns.
    `desalineada`: its label starts left of the table's frame, so it is
    no row of the table but a line of its own whose figures no table reads."""
    filas = [
        ("Indicador", "Meta 2024", "Ejecutado 2024", "Avance"),
        ("Campanas realizadas", "12", "10", "83 %"),
        ("Ninos vacunados", "1.500", "1.320", "88 %"),
        ("Visitas domiciliarias", "300", "280", "93 %"),
    ]
    xs = [45, 250, 350, 460, 560]
    lineas = [_texto_pdf(50, 60, "Informe de gestion 2024 - Secretaria de Salud")]
    for i, fila in enumerate(filas):
        arriba = 90 + 18 * i
        for k, texto in enumerate(fila):
            lineas += [_caja_pdf(xs[k], arriba, xs[k + 1], arriba + 18), _texto_pdf(xs[k] + 5, arriba + 12, texto)]
    base = 90 + 18 * len(filas) + 14  # the loose row: baseline 176, its words from 169 to 178
    lineas += [
        _texto_pdf(20 if desalineada else 50, base, "Jornadas de salud oral"),
        _texto_pdf(255, base, "8"),
        _texto_pdf(355, base, "6"),
        _texto_pdf(465, base, "75 %"),
    ]
    flujo = b"\n".join(lineas)
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        4: (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents 5 0 R >>"
        ),
        5: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(flujo), flujo),
    }
    ruta.write_bytes(serializar_pdf(objetos, [4]))


@pytest.fixture
def pdf_con_fila_suelta(tmp_path) -> Path:
    ruta = tmp_path / "salud_2024.pdf"
    _pdf_con_fila_suelta(ruta)
    return ruta


@pytest.fixture
def pdf_con_fila_desalineada(tmp_path) -> Path:
    ruta = tmp_path / "salud_2024.pdf"
    _pdf_con_fila_suelta(ruta, desalineada=True)
    return ruta


def test_pdf_fila_desalineada_sin_destino(pdf_con_fila_desalineada):
    informe = interpretar(leer_documento(pdf_con_fila_desalineada))
    assert len(informe.observaciones) == 9
    assert [(c.texto, c.pagina, c.tabla) for c in informe.sin_destino] == [
        ("8", 1, None),
        ("6", 1, None),
        ("75", 1, None),
    ]
    for cifra, x in zip(informe.sin_destino, (255, 355, 465)):
        x0, top, x1, bottom = cifra.bbox
        assert x0 == pytest.approx(x) and 168 < top < bottom < 179  # each word's own box
    assert informe.cobertura == round(100 * 11 / 14, 2)  # 2 header years + 9 figures of 14 numbers


def test_pdf_fila_suelta_bajo_la_tabla(pdf_con_fila_suelta):
    doc = leer_documento(pdf_con_fila_suelta)
    assert len(doc.tablas) == 1 and doc.tablas[0].n_filas == 5  # no empty row between the rule and the row
    assert doc.tablas[0].textos()[-1] == ["Jornadas de salud oral", "8", "6", "75 %"]
    informe = interpretar(doc)
    assert len(informe.observaciones) == 12
    por = {(o.indicador, o.medida): o.valor for o in informe.observaciones}
    assert por[("Jornadas de salud oral", "meta")] == 8 and por[("Jornadas de salud oral", "ejecutado")] == 6
    assert informe.sin_destino == []
    assert informe.cobertura == 100.0  # 2 header years + 12 figures of 14 numbers


def test_corpus_con_cobertura_completa():
    """Every kind of sample report is fully accounted for."""
    for nombre in (
        "girardot_salud_2018.pdf",
        "tulua_personeria_2021.pdf",
        "girardot_salud_2018.docx",
        "chia_seguimiento_plan_indicativo_2024.xlsx",
        "seguimiento_mini_2023.xls",
    ):
        informe = extraer_informe(INFORMES / nombre)
        assert informe.cobertura == 100.0, (nombre, informe.sin_destino[:3])
        assert sum(informe.cifras_auditadas.values()) > 20
        assert informe.cifras_auditadas["observacion"] >= len([o for o in informe.observaciones if o.tabla])


# ------------------------------------------------------------------ store


def test_almacen_guarda_cifras_sin_destino_y_cobertura(tmp_path, pdf_con_fila_desalineada):
    db = tmp_path / "indicadores.duckdb"
    r = runner.invoke(app, ["cargar", str(pdf_con_fila_desalineada), "--db", str(db)], env={"COLUMNS": "160"})
    assert r.exit_code == 0, r.stdout
    assert "Cobertura" in r.stdout and "78,6 %" in r.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        filas = con.execute(
            "SELECT pagina, texto, bbox_top, bbox_bottom, contexto FROM cifras_sin_destino ORDER BY texto"
        ).fetchall()
        cobertura = con.execute("SELECT cobertura FROM informes").fetchone()[0]
    finally:
        con.close()
    assert [(p, t) for p, t, *_ in filas] == [(1, "6"), (1, "75"), (1, "8")]
    assert all(168 < top < bottom < 179 and "Jornadas" in ctx for _, _, top, bottom, ctx in filas)
    assert cobertura == 78.57

    r = runner.invoke(app, ["resumen", "--db", str(db)], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "Cobertura" in r.stdout and "78,6 %" in r.stdout

    salida = tmp_path / "sin_destino.csv"
    r = runner.invoke(app, ["exportar", "--db", str(db), "--tabla", "cifras_sin_destino", "--salida", str(salida)])
    assert r.exit_code == 0, r.stdout
    exportadas = list(csv.DictReader(salida.open(encoding="utf-8")))
    assert sorted(f["texto"] for f in exportadas) == ["6", "75", "8"]
    assert exportadas[0]["archivo"] == "salud_2024.pdf" and exportadas[0]["pagina"] == "1"


def test_base_anterior_gana_la_tabla_y_la_columna(tmp_path):
    """A store created before the audit (no cobertura column, no
    cifras_sin_destino table) is migrated when opened."""
    db = tmp_path / "vieja.duckdb"
    con = almacen.abrir(db)
    con.execute("DROP TABLE cifras_sin_destino")
    con.execute("ALTER TABLE informes DROP COLUMN cobertura")
    con.close()
    con = almacen.abrir(db)
    try:
        tablas = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        columnas = {
            c
            for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'informes'"
            ).fetchall()
        }
    finally:
        con.close()
    assert "cifras_sin_destino" in tablas and "cobertura" in columnas
