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
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 400] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(dibujo), bytes(dibujo)),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    destino.write_bytes(serializar_pdf(objetos, [3]))


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
