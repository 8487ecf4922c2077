"""A ruled header over body rows drawn without rulings, inside a frame:
the body's words are cells of the header's columns, not lost."""

from __future__ import annotations

from pathlib import Path

from corpus.generador.generar_derivados import serializar_pdf
from extractor import interpretar, leer_documento

COLUMNAS = [20, 220, 320, 420, 520, 590]  # x of the header's vertical rulings
ENCABEZADO = ["Indicador", "Meta 2024", "Ejecutado 2024", "Avance (%)", "Area"]
FILAS = [
    ["Ninos vacunados", "1.200", "1.130", "94,2", "Salud"],
    ["Aulas construidas", "12", "9", "75,0", "Obras"],
    ["Kits escolares entregados", "5.000", "5.000", "100,0", "Educacion"],
]


def _texto(x: float, y: float, texto: str) -> bytes:
    return b"BT /F1 9 Tf %.1f %.1f Td (%s) Tj ET\n" % (x, y, texto.encode("latin-1"))


def _escribir(destino: Path, dibujo: bytearray) -> None:
    """A one-page PDF (612 x 400 points, Helvetica) with the drawing as its content."""
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 400] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(dibujo), bytes(dibujo)),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    destino.write_bytes(serializar_pdf(objetos, [3]))


def _pdf(destino: Path) -> None:
    dibujo = bytearray(b"0.5 w\n20 40 570 330 re S\n")  # the frame around header and body
    for y in (370, 350, 330):  # two ruled header rows
        dibujo += b"20 %d m 590 %d l S\n" % (y, y)
    for x in COLUMNAS:
        dibujo += b"%d 330 m %d 370 l S\n" % (x, x)
    dibujo += _texto(40, 357, "Seguimiento de metas 2024")
    for x, texto in zip(COLUMNAS, ENCABEZADO):
        dibujo += _texto(x + 4, 337, texto)
    for i, fila in enumerate(FILAS):
        y = 310 - i * 30
        for x, texto in zip(COLUMNAS, fila):
            dibujo += _texto(x + 4, y, texto)
    _escribir(destino, dibujo)


def test_filas_sin_reglas_bajo_un_encabezado_con_reglas(tmp_path):
    ruta = tmp_path / "seguimiento.pdf"
    _pdf(ruta)
    doc = leer_documento(ruta)
    textos = [[t.strip() for t in fila] for tabla in doc.tablas for fila in tabla.textos()]
    assert ["Aulas construidas", "12", "9", "75,0", "Obras"] in textos
    obs = interpretar(doc).observaciones
    por = {(o.indicador, o.medida): o.valor for o in obs}
    assert por[("Ninos vacunados", "meta")] == 1200
    assert por[("Kits escolares entregados", "ejecutado")] == 5000
    assert por[("Aulas construidas", "avance_porcentual")] == 75


def _pdf_columna_sin_reglas(destino: Path) -> None:
    """A ruled table whose third column (after an empty spacer) was drawn
    without its cells' rules in the body, as Word tables with per-cell
    borders come out: its words lie beside ruled rows, in no box."""
    xs = [20, 220, 320, 335, 420, 520]  # name | meta | spacer | ejecutado | avance
    ys = [370, 350, 320, 290, 260]  # header row, then three body rows of 30 points
    dibujo = bytearray(b"0.5 w\n")
    for k, y in enumerate(ys):
        tramos = [(xs[0], xs[-1])] if k < 2 or k == len(ys) - 1 else [(xs[0], xs[2]), (xs[4], xs[-1])]
        for a, b in tramos:
            dibujo += b"%d %d m %d %d l S\n" % (a, y, b, y)
    for x in xs:
        dibujo += b"%d %d m %d %d l S\n" % (x, ys[-1] if x != xs[3] else ys[1], x, ys[0])
    for x, texto in zip(xs[:2] + xs[3:], ENCABEZADO):
        dibujo += _texto(x + 4, 357, texto)
    for i, fila in enumerate(FILAS):
        y = ys[i + 1] - 12  # near the top of its row: the row's lower half is empty
        for x, texto in zip(xs[:2] + xs[3:], fila):
            dibujo += _texto(x + 4, y, texto)
    _escribir(destino, dibujo)


def test_celdas_sin_reglas_junto_a_una_fila_reglada_son_de_esa_fila(tmp_path):
    """The words of the unruled column end where their ruled row ends: no
    row is cut in two at the bottom of their line (with a copy of every
    other cell in both halves)."""
    ruta = tmp_path / "seguimiento.pdf"
    _pdf_columna_sin_reglas(ruta)
    doc = leer_documento(ruta)
    textos = [[t.strip() for t in fila if t.strip()] for tabla in doc.tablas for fila in tabla.textos()]
    assert textos[1:] == [f[:4] for f in FILAS], textos
