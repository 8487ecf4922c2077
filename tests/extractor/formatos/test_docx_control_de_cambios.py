"""A Word draft with tracked changes not yet accepted: the reader takes them
as accepted (inserted text in, deleted text and deleted rows out), as the
office would publish it. Documents made with python-docx and their XML."""

from __future__ import annotations


from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from extractor import extraer_informe


def _cambiar(celda, borrado: str, insertado: str) -> None:
    """The cell's text as a tracked change: `borrado` struck out, `insertado` inserted."""
    p = celda.paragraphs[0]._p
    for r in list(p.findall(qn("w:r"))):
        p.remove(r)
    borra, inserta = OxmlElement("w:del"), OxmlElement("w:ins")
    for marca in (borra, inserta):
        marca.set(qn("w:id"), "1" if marca is borra else "2")
        marca.set(qn("w:author"), "Revisor")
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.text = borrado
    r.append(t)
    borra.append(r)
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = insertado
    r.append(t)
    inserta.append(r)
    p.append(borra)
    p.append(inserta)


def test_cambios_sin_aceptar_se_leen_aceptados(tmp_path):
    d = Document()
    d.add_paragraph("Informe de gestión 2024 – Secretaría de Desarrollo Económico")
    filas = [
        ("Indicador", "Meta 2024", "Ejecutado 2024"),
        ("Productores asistidos", "400", "380"),
        ("Ferias campesinas realizadas", "12", "10"),
        ("Créditos otorgados", "50", "45"),
    ]
    tabla = d.add_table(rows=len(filas), cols=3)
    for fila, textos in zip(tabla.rows, filas):
        for celda, texto in zip(fila.cells, textos):
            celda.text = texto
    _cambiar(tabla.rows[1].cells[2], "380", "352")  # the executed figure corrected
    tr = tabla.rows[3]._tr  # the last row deleted
    trPr = tr.get_or_add_trPr()
    borrada = OxmlElement("w:del")
    borrada.set(qn("w:id"), "3")
    borrada.set(qn("w:author"), "Revisor")
    trPr.append(borrada)
    ruta = tmp_path / "gestion_2024_con_cambios.docx"
    d.save(ruta)
    leidas = {(o.indicador, o.medida): o.valor for o in extraer_informe(ruta).observaciones}
    assert leidas == {
        ("Productores asistidos", "meta"): 400,
        ("Productores asistidos", "ejecutado"): 352,
        ("Ferias campesinas realizadas", "meta"): 12,
        ("Ferias campesinas realizadas", "ejecutado"): 10,
    }
