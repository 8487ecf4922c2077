"""A matrix printed from a web page whose column headers are turned a
quarter turn (CSS `writing-mode`, read bottom to top) over narrow columns:
pdfium keeps no blank between the words of such a header, so the blanks
come from the gaps between its letters ("Línea base 2020", not
"Líneabase2020"), and each column is read with its measure."""

from __future__ import annotations

from extractor import interpretar, leer_documento
from tests.conftest import pdf_de_html

ENCABEZADOS = ["Línea base 2020", "Meta 2022", "Ejecutado 2022", "% Cumplimiento 2022", "Recursos ejecutados 2022 ($)"]
FILAS = [
    ("Kilómetros de vías terciarias mejorados", "12,0", "8,0", "6,5", "81,3", "1.240.500.000"),
    ("Puentes peatonales construidos", "3", "2", "2", "100,0", "380.000.000"),
    ("Sedes educativas con mantenimiento", "21", "10", "9", "90,0", "455.120.000"),
]


def test_encabezados_girados_con_sus_blancos(tmp_path):
    cabeza = "".join(f'<th class="g"><div>{e}</div></th>' for e in ENCABEZADOS)
    cuerpo = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in fila) + "</tr>" for fila in FILAS)
    css = (
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 7pt; }"
        "table { border-collapse: collapse; } td, th { border: 1px solid #333; padding: 2pt 4pt; }"
        "th.g div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; margin: 0 auto; }"
    )
    html = (
        f"<html><head><meta charset='utf-8'><style>@page {{ size: legal landscape; }} {css}</style></head><body>"
        "<h3>Municipio de Nobsa · Matriz de seguimiento al Plan Indicativo · vigencia 2022</h3>"
        f"<table><tr><th>Indicador de producto</th>{cabeza}</tr>{cuerpo}</table></body></html>"
    )
    doc = leer_documento(pdf_de_html(html, tmp_path / "nobsa_matriz_2022.pdf"))
    (tabla,) = doc.tablas
    assert [" ".join(t.split()) for t in tabla.textos()[0][1:]] == ENCABEZADOS  # the words of each header apart
    informe = interpretar(doc)
    medidas = ["linea_base", "meta", "ejecutado", "avance_porcentual", "recursos_ejecutados"]
    for nombre, *cifras in FILAS:
        leidas = {o.medida: o.valor_texto for o in informe.observaciones if o.indicador == nombre}
        assert leidas == dict(zip(medidas, cifras)), (nombre, leidas)


def test_encabezados_girados_de_una_matriz_ciega():
    """The same on a matrix built blind by another hand (bench/ciegos/lote60,
    printed by Chromium on legal paper): pdfium gives each turned letter as
    a line of its own and keeps none of the blanks between the words."""
    import pytest

    from tests.conftest import RAIZ

    ruta = (
        RAIZ
        / "bench/ciegos/lote60/tibasosa_matriz_seguimiento_plan_indicativo_planeacion_obras_publicas_vigencia_2021.pdf"
    )
    if not ruta.exists():
        pytest.skip("sin bench/ciegos/lote60")
    tabla = leer_documento(ruta).tablas[0]
    encabezados = {" ".join(t.split()) for t in tabla.textos()[0]}
    assert {"Código MGA", "Unidad de medida", "Línea base 2019", "Meta 2021", "Ejecutado 2021"} <= encabezados
