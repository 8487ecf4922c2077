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
