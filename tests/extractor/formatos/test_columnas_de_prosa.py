"""A page of prose in two columns (a newsletter's layout) is read column by
column: the band of white down the page between them cuts every line, so a
paragraph of one column never takes the other's words. Drawn with reportlab."""

from __future__ import annotations

import pytest

pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from extractor import leer_documento  # noqa: E402
from extractor.modelo import BloqueTexto  # noqa: E402

IZQUIERDA = (
    "La Secretaría de Educación amplió la cobertura de la media rural con dos sedes nuevas en las veredas "
    "del norte, donde antes los jóvenes debían viajar más de dos horas para terminar el bachillerato y muchos "
    "abandonaban sus estudios antes de grado once por el costo del transporte y la falta de cupos cercanos."
)
DERECHA = (
    "En salud, las brigadas extramurales recorrieron las veredas del piedemonte con médicos, odontólogos y "
    "vacunadores, y la afiliación al régimen subsidiado siguió creciendo gracias a las jornadas de depuración "
    "de la base de datos que se hicieron con la Registraduría en los doce corregimientos del municipio."
)


def _lineas(texto: str, ancho: int) -> list[str]:
    lineas, actual = [], ""
    for palabra in texto.split():
        if len(actual) + len(palabra) + 1 > ancho:
            lineas.append(actual)
            actual = palabra
        else:
            actual = f"{actual} {palabra}".strip()
    return lineas + [actual]


def test_dos_columnas_de_prosa_se_leen_por_separado(tmp_path):
    ruta = tmp_path / "boletin.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(612, 792))
    c.setFont("Helvetica-Bold", 16)
    c.drawString(50, 740, "Boletín de gestión 2022: lo que hicimos en las veredas del municipio")
    c.setFont("Helvetica", 10)
    izquierda = _lineas(IZQUIERDA, 52)
    # the right column starts 12 points after the longest line of the left one: a narrow gutter
    derecha_x = 50 + max(stringWidth(linea, "Helvetica", 10) for linea in izquierda) + 12
    for x, lineas in ((50, izquierda), (derecha_x, _lineas(DERECHA, 52))):
        for k, linea in enumerate(lineas):
            c.drawString(x, 700 - 13 * k, linea)
    c.save()
    bloques = [b for b in leer_documento(ruta).bloques if isinstance(b, BloqueTexto)]
    textos = [" ".join(b.texto.split()) for b in bloques]
    assert " ".join(IZQUIERDA.split()) in textos
    assert " ".join(DERECHA.split()) in textos


def test_titulo_en_negrita_al_margen_no_se_pega_a_su_parrafo(tmp_path):
    """A bold heading in the left margin, beside the first line of its
    paragraph (a narrow gap): the heading and the paragraph are apart."""
    ruta = tmp_path / "margen.pdf"
    c = canvas.Canvas(str(ruta), pagesize=(612, 792))
    lineas = _lineas(IZQUIERDA, 70)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, 700, "Educación")
    c.setFont("Helvetica", 10)
    for k, linea in enumerate(lineas):
        c.drawString(50 + stringWidth("Educación", "Helvetica-Bold", 10) + 14, 700 - 13 * k, linea)
    c.save()
    textos = [" ".join(b.texto.split()) for b in leer_documento(ruta).bloques if isinstance(b, BloqueTexto)]
    assert " ".join(IZQUIERDA.split()) in textos, textos
    assert "Educación" in textos
