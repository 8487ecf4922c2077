"""An annual investment plan (POAI) by funding source: "Prog." holds the
programme's code (2201, written without the thousands point the figures
use: 6.850), and "Total 2025" after the sources is their sum, money
programmed like them, not what was achieved."""

from __future__ import annotations

from datetime import date

from extractor.informe.interpretar import interpretar
from extractor.modelo import BloqueTexto, Celda, Documento, Tabla

ENCABEZADO = [
    "Prog.",
    "BPIN",
    "Indicador de producto",
    "Unidad",
    "Meta 2025",
    "Recursos propios",
    "SGP",
    "Otras fuentes",
    "Total 2025",
]
FILAS = [
    ["SECTOR 22 – EDUCACIÓN"] * 11,
    [
        "2201",
        "2024413060003",
        "Beneficiarios de alimentación escolar",
        "Número",
        "6.850",
        "$ 420.000.000",
        "$ 1.186.400.000",
        "-",
        "$ 1.606.400.000",
    ],
    [
        "2201",
        "2024413060004",
        "Beneficiarios de transporte escolar",
        "Número",
        "1.120",
        "$ 385.000.000",
        "-",
        "$ 212.000.000",
        "$ 597.000.000",
    ],
    ["SECTOR 19 – SALUD"] * 11,
    [
        "1906",
        "2024413060007",
        "Personas afiliadas al régimen subsidiado",
        "Número",
        "28.410",
        "$ 96.000.000",
        "$ 12.845.600.000",
        "-",
        "$ 12.941.600.000",
    ],
]


def test_poai_por_fuentes():
    celdas = [Celda(texto=t, fila=0, columna=k, pagina=1) for k, t in enumerate(ENCABEZADO)]
    for r, fila in enumerate(FILAS, start=1):
        if len(set(fila)) == 1:  # a sector's band across the table
            celdas.append(Celda(texto=fila[0], fila=r, columna=0, pagina=1, columnas_span=len(fila)))
        else:
            celdas += [Celda(texto=t, fila=r, columna=k, pagina=1) for k, t in enumerate(fila)]
    doc = Documento(
        archivo="poai_2025.pdf",
        sha256="x",
        formato="pdf",
        paginas=1,
        bloques=[
            BloqueTexto(texto="ACUERDO No. 021 DE 2024", pagina=1),
            BloqueTexto(
                texto="Por el cual se aprueba el Plan Operativo Anual de Inversiones para la vigencia fiscal 2025",
                pagina=1,
            ),
            Tabla(indice=1, celdas=celdas),
        ],
    )
    anio = (date(2025, 1, 1), date(2025, 12, 31))
    leidas = {(o.indicador, o.medida, o.periodo_inicio, o.periodo_fin): o.valor for o in interpretar(doc).observaciones}
    assert leidas[("Beneficiarios de alimentación escolar", "meta", *anio)] == 6850
    assert leidas[("Beneficiarios de alimentación escolar", "recursos_programados", *anio)] == 1_606_400_000
    assert leidas[("Beneficiarios de transporte escolar", "recursos_programados", *anio)] == 597_000_000
    assert leidas[("Personas afiliadas al régimen subsidiado", "recursos_programados", *anio)] == 12_941_600_000
    assert not any(valor in (2201, 1906) for valor in leidas.values())  # the programme's code is no figure
    assert not any(medida in ("ejecutado", "acumulado", "recursos_ejecutados") for _, medida, _, _ in leidas)


def test_poai_de_un_acuerdo_del_concejo():
    """The same reading on the blind lote's PDF (python-docx → LibreOffice), whose title is the agreement's."""
    from pathlib import Path

    from extractor import extraer_informe

    ruta = Path(__file__).parents[3] / "bench/ciegos/lote46/gigante_concejo_acuerdo_021_2024_poai_2025.pdf"
    informe = extraer_informe(ruta)
    assert informe.metadatos.vigencia == 2025  # not the 2024 of "ACUERDO No. 021 DE 2024"
    total = [o for o in informe.observaciones if o.valor == 3_916_900_000]
    assert [(o.medida, o.periodo_inicio, o.periodo_fin) for o in total] == [
        ("recursos_programados", date(2025, 1, 1), date(2025, 12, 31))
    ]
    assert not any(o.valor in (2201, 1906, 4003) for o in informe.observaciones)  # programme codes
