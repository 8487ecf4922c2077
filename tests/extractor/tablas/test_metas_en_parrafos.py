"""A report without tables: each target a numbered paragraph of labelled
sentences ("Meta: Instalar 8 cámaras … . Logro: 6 cámaras instaladas … .
Avance: 75 %. Recursos: programados $ …; ejecutados $ …."). The target's
sentence names it and holds its figure; the result is the figure its
sentence opens with. Built here with python-docx."""

from __future__ import annotations

from datetime import date

import docx

from extractor import extraer_informe

PARRAFOS = (
    "Meta: Instalar 8 cámaras de videovigilancia en puntos críticos del municipio. Logro: 6 cámaras instaladas "
    "y en funcionamiento. Avance: 75 %. Recursos: programados $ 184.000.000; ejecutados $ 171.336.500.",
    "Meta: Intervenir 1.850 metros lineales de cauce de la quebrada La Honda. Logro: 1.420,5 metros lineales. "
    "Avance: 76,8 %.",
)


def test_metas_en_parrafos_rotulados(tmp_path):
    documento = docx.Document()
    documento.add_paragraph("INFORME DE RENDICIÓN DE CUENTAS A LA CIUDADANÍA · SECRETARÍA DE GOBIERNO — VIGENCIA 2014")
    documento.add_heading("1. Seguridad y convivencia ciudadana", level=2)
    for texto in PARRAFOS:
        documento.add_paragraph(texto, style="List Number")
    ruta = tmp_path / "los_patios_rendicion_2014.docx"
    documento.save(ruta)
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in extraer_informe(ruta).observaciones}
    fin = date(2014, 12, 31)
    camaras = "Instalar 8 cámaras de videovigilancia en puntos críticos del municipio"
    cauce = "Intervenir 1.850 metros lineales de cauce de la quebrada La Honda"
    assert {
        (camaras, "meta", 8.0, fin),
        (camaras, "ejecutado", 6.0, fin),
        (camaras, "avance_porcentual", 75.0, fin),
        (camaras, "recursos_programados", 184_000_000.0, fin),
        (camaras, "recursos_ejecutados", 171_336_500.0, fin),
        (cauce, "meta", 1850.0, fin),
        (cauce, "ejecutado", 1420.5, fin),
        (cauce, "avance_porcentual", 76.8, fin),
    } <= leidas
