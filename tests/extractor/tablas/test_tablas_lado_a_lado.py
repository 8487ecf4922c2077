"""Two tables side by side, drawn with horizontal rules only, whose rows do
not line up (a wrapped name makes one row taller on one side): each is read
alone, with its own rows (extractor/formatos/carriles.py)."""

from __future__ import annotations

from pathlib import Path

from corpus.generador.generar_derivados import serializar_pdf
from extractor import interpretar, leer_documento


def _texto(x: float, y: float, texto: str, tam: int = 7) -> bytes:
    return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET\n" % (tam, x, y, texto.encode("latin-1"))


def _pdf(destino: Path, dibujo: bytes) -> None:
    objetos = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(dibujo), dibujo),
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    }
    destino.write_bytes(serializar_pdf(objetos, [3]))


IZQUIERDA = [
    (["Tasa de cobertura bruta", "en transicion (%)"], "88,0", "85,3", "96,9 %"),
    (["Estudiantes matriculados"], "21.400", "20.987", "98,1 %"),
    (["Estudiantes con transporte", "escolar rural"], "2.350", "2.300", "97,9 %"),
]
DERECHA = [
    (["Puntaje promedio Saber 11"], "252", "247", "98,0 %"),
    (["Docentes formados en", "competencias", "pedagogicas"], "420", "436", "103,8 %"),
    (["Sedes con conectividad"], "64", "58", "90,6 %"),
]


def _tabla(x0: float, arriba: float, filas) -> bytes:
    """Header "Indicador | Meta 2022 | Logro 2022 | % cumplimiento" (the "%"
    left-aligned over "cumplimiento", the figures right-aligned under it),
    a rule under the header and under each row; no vertical rule."""
    ancho = 230
    d = _texto(x0, arriba - 12, "Indicador") + _texto(x0 + 100, arriba - 8, "Meta")
    d += _texto(x0 + 136, arriba - 8, "Logro") + _texto(x0 + 172, arriba - 8, "%")
    d += _texto(x0 + 100, arriba - 17, "2022") + _texto(x0 + 136, arriba - 17, "2022")
    d += _texto(x0 + 172, arriba - 17, "cumplimiento")
    y = arriba - 22
    d += b"%.1f %.1f m %.1f %.1f l S\n" % (x0 - 3, y, x0 + ancho, y)
    for nombre, meta, logro, avance in filas:
        alto = 9 * len(nombre) + 6
        medio = y - alto / 2 - 3
        for i, parte in enumerate(nombre):
            d += _texto(x0, y - 9 - 9 * i, parte)
        d += _texto(x0 + 112, medio, meta) + _texto(x0 + 148, medio, logro) + _texto(x0 + 200, medio, avance)
        y -= alto
        d += b"%.1f %.1f m %.1f %.1f l S\n" % (x0 - 3, y, x0 + ancho, y)
    return d


def test_tablas_lado_a_lado_con_reglas_horizontales(tmp_path):
    ruta = tmp_path / "fusagasuga_educacion_2022.pdf"
    d = b"0.5 w\n" + _texto(50, 740, "Informe de gestion vigencia 2022", 11)
    d += _texto(50, 705, "Indicadores de cobertura") + _texto(305, 705, "Indicadores de calidad")
    d += _tabla(50, 700, IZQUIERDA) + _tabla(305, 700, DERECHA)
    _pdf(ruta, d)
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 2
    obs = interpretar(doc).observaciones
    por = {(o.indicador, o.medida): o.valor for o in obs}
    assert por[("Docentes formados en competencias pedagogicas", "ejecutado")] == 436
    assert por[("Docentes formados en competencias pedagogicas", "avance_porcentual")] == 103.8
    assert por[("Estudiantes con transporte escolar rural", "meta")] == 2350
    assert por[("Tasa de cobertura bruta en transicion (%)", "avance_porcentual")] == 96.9
    assert len(obs) == 3 * 6


FILAS_SEMESTRES = [
    ("Ninos vacunados", "260", "241", "262"),
    ("Gestantes controladas", "180", "166", "171"),
    ("Visitas de inspeccion", "350", "362", "318"),
    ("Auditorias a EAPB", "4", "3", "0"),
    ("Muestras de agua", "72", "70", "72"),  # its name wraps: "para consumo" on a second line
]


def _caja(x0: float, x1: float, y0: float, y1: float) -> bytes:
    return b"%.1f %.1f %.1f %.1f re S\n" % (x0, y0, x1 - x0, y1 - y0)


def test_bloque_de_al_lado_que_pierde_sus_ultimas_reglas(tmp_path):
    """Three ruled blocks side by side with spacer columns (names | semester I
    | semester II), a Word table whose last two cells of semester II lost
    their borders, and so did the last two names: one table, each unruled
    name and figure on its own row (the rows are as tight as their text:
    the rules of semester I beside them part them)."""
    bloques = [(40, [40, 200]), (215, [215, 265, 315]), (330, [330, 380])]
    tope, alto = 700, 10  # rows as tight as their text: only the rules part them
    dibujo = bytearray(b"0.5 w\n")
    for x0, xs in bloques:
        filas = len(FILAS_SEMESTRES) + 1 - (2 if x0 != 215 else 0)  # names and semester II: last two rows unruled
        for r in range(filas):
            abajo = tope - (r + 1) * alto - (alto if r == len(FILAS_SEMESTRES) else 0)  # the wrapped row: taller
            for a, b in zip(xs, xs[1:]):
                dibujo += _caja(a, b, abajo, tope - r * alto)
    encabezados = [(44, "Indicador"), (219, "Meta I"), (269, "Logro I"), (334, "Logro II")]
    for x, texto in encabezados:
        dibujo += _texto(x, tope - 8, texto)
    for r, (nombre, *cifras) in enumerate(FILAS_SEMESTRES, 1):
        y = tope - r * alto - 8
        dibujo += _texto(44, y, nombre)
        if r == len(FILAS_SEMESTRES):
            dibujo += _texto(44, y - alto, "para consumo")
        for x, cifra in zip((255, 305, 370), cifras):
            dibujo += _texto(x - 5 * len(cifra), y, cifra)
    ruta = tmp_path / "granada_salud_semestral_2024.pdf"
    _pdf(ruta, bytes(dibujo))
    doc = leer_documento(ruta)
    assert len(doc.tablas) == 1
    filas = [[t.strip() for t in fila if t.strip()] for fila in doc.tablas[0].textos()]
    esperadas = [list(f) for f in FILAS_SEMESTRES]
    esperadas[-1][0] = "Muestras de agua\npara consumo"
    assert filas[1:] == esperadas, filas


def test_filas_sin_reglas_que_parte_la_regla_de_al_lado():
    """Two unruled lines as tight as text (a name over a name): one row,
    unless a ruled row beside them starts between them; then two rows."""
    from extractor.formatos.pdf import _bandas

    def palabra(texto, x0, top):
        return {"text": texto, "x0": x0, "x1": x0 + 40, "top": top, "bottom": top + 8}

    palabras = [palabra("Auditorias", 44, 100), palabra("Muestras", 44, 110)]
    encabezado = [(40, 80, 200, 92), (215, 80, 265, 92)]  # the ruled header over both columns
    sin_regla = _bandas(palabras, encabezado + [(215, 92, 265, 121)])  # one ruled cell beside both lines
    con_regla = _bandas(palabras, encabezado + [(215, 92, 265, 109), (215, 109, 265, 121)])
    assert len(sin_regla) == 1 and len(con_regla) == 2, (sin_regla, con_regla)
