"""A Word form whose figures are typed into content controls (<w:sdt>):
inside a paragraph of a cell (around its runs) or around the cell's
paragraph. python-docx leaves that text out of `cell.text`; the reader
keeps it. Documents made with python-docx and their XML."""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from extractor import extraer_informe


def _control(hijos: list, alias: str):
    """<w:sdt> with its properties and `hijos` inside its content."""
    sdt, pr, contenido, nombre = OxmlElement("w:sdt"), OxmlElement("w:sdtPr"), OxmlElement("w:sdtContent"), None
    nombre = OxmlElement("w:alias")
    nombre.set(qn("w:val"), alias)
    pr.append(nombre)
    pr.append(OxmlElement("w:text"))
    for h in hijos:
        contenido.append(h)
    sdt.append(pr)
    sdt.append(contenido)
    return sdt


def _en_control(celda, texto: str, alrededor_del_parrafo: bool) -> None:
    celda.text = texto
    p = celda.paragraphs[0]._p
    if alrededor_del_parrafo:  # <w:tc><w:sdt><w:sdtContent><w:p>…
        tc = p.getparent()
        indice = tc.index(p)
        tc.remove(p)
        tc.insert(indice, _control([p], "Cifra"))
    else:  # <w:p><w:sdt><w:sdtContent><w:r>…
        runs = p.findall(qn("w:r"))
        for r in runs:
            p.remove(r)
        p.append(_control(runs, "Cifra"))


def test_cifras_en_controles_de_contenido(tmp_path):
    d = Document()
    d.add_paragraph("Informe de gestión vigencia 2016 – Secretaría de Agricultura")
    filas = [
        ("Indicador", "Meta 2016", "Ejecutado 2016"),
        ("Productores con asistencia técnica", "350", "318"),
        ("Hectáreas de cacao renovadas", "40", "37,5"),
        ("Mercados campesinos realizados", "12", "12"),
    ]
    tabla = d.add_table(rows=len(filas), cols=3)
    for r, (fila, textos) in enumerate(zip(tabla.rows, filas)):
        for k, (celda, texto) in enumerate(zip(fila.cells, textos)):
            if r and k:
                _en_control(celda, texto, alrededor_del_parrafo=(k == 2))
            else:
                celda.text = texto
    ruta = tmp_path / "agricultura_2016_formulario.docx"
    d.save(ruta)
    assert Document(str(ruta)).tables[0].rows[1].cells[1].text == ""  # what python-docx alone sees
    leidas = {(o.indicador, o.medida): o.valor_texto for o in extraer_informe(ruta).observaciones}
    for nombre, meta, ejecutado in filas[1:]:
        assert leidas.get((nombre, "meta")) == meta, (nombre, leidas)
        assert leidas.get((nombre, "ejecutado")) == ejecutado, (nombre, leidas)
