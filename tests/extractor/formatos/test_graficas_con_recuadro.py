"""One matplotlib chart per indicator (quarters T1–T4, "Programado" and
"Ejecutado" with their values, the legend's handles two ems wide) and beside
each, a drawn box of keys and values on one line ("Línea base 2023 … 9.850",
"Meta cuatrienio 2024-2027 … 48.000"): the box is the charted indicator's;
the page's footer right under the last chart is no category label."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.patches  # noqa: E402

from extractor import extraer_informe  # noqa: E402

# name, programmed and executed per quarter, the box's keys and values
INDICADORES = (
    (
        "Visitantes atendidos en el Punto de Información Turística",
        (2500, 3000, 2500, 4000),
        (2710, 3385, 2206, 4122),
        (
            ("Línea base 2023", "9.850"),
            ("Meta cuatrienio 2024-2027", "48.000"),
            ("Meta 2025", "12.000"),
            ("Logrado 2025", "12.423"),
        ),
    ),
    (
        "Prestadores de servicios turísticos formalizados",
        (2, 4, 4, 4),
        (1, 5, 3, 4),
        (("Línea base 2023", "64"), ("Meta cuatrienio 2024-2027", "120"), ("Meta 2025", "14"), ("Logrado 2025", "13")),
    ),
)
MEDIDAS = {
    "Línea base 2023": "linea_base",
    "Meta cuatrienio 2024-2027": "meta_cuatrienio",
    "Meta 2025": "meta",
    "Logrado 2025": "ejecutado",
}


def _informe(destino: Path) -> Path:
    import matplotlib.pyplot as plt

    plt.rcParams["pdf.fonttype"] = 42
    fig = plt.figure(figsize=(8.27, 11.69))
    fig.text(
        0.05, 0.96, "Alcaldía de Montenegro · Secretaría de Turismo · Informe de gestión vigencia 2025", fontsize=10
    )
    for k, (nombre, programado, ejecutado, recuadro) in enumerate(INDICADORES):
        arriba = 0.88 - 0.46 * k
        fig.text(0.05, arriba + 0.02, nombre, fontsize=10, weight="bold")
        eje = fig.add_axes((0.08, arriba - 0.32, 0.5, 0.3))
        x = range(4)
        a = eje.bar([i - 0.2 for i in x], programado, 0.4, color="#E3C9A1", label="Programado")
        b = eje.bar([i + 0.2 for i in x], ejecutado, 0.4, color="#6B3E1F", label="Ejecutado")
        eje.bar_label(a, labels=[f"{v:,}".replace(",", ".") for v in programado], fontsize=7)
        eje.bar_label(b, labels=[f"{v:,}".replace(",", ".") for v in ejecutado], fontsize=7)
        eje.set_xticks(list(x), ["T1", "T2", "T3", "T4"])
        eje.set_yticks([])
        eje.legend(loc="upper left", ncol=2, fontsize=7, frameon=False, bbox_to_anchor=(0, 1.12))
        caja = matplotlib.patches.FancyBboxPatch(
            (0.64, arriba - 0.25),
            0.31,
            0.22,
            boxstyle="round,pad=0.01",
            transform=fig.transFigure,
            facecolor="#F6EEE3",
            edgecolor="#B08A5A",
        )
        fig.patches.append(caja)
        for j, (clave, valor) in enumerate(recuadro):
            y = arriba - 0.06 - 0.05 * j
            fig.text(0.66, y, clave, fontsize=8)
            fig.text(0.93, y, valor, fontsize=9, weight="bold", ha="right")
    fig.text(0.5, 0.035, "Página 1 de 1", fontsize=7, ha="center")
    fig.savefig(destino)
    plt.close(fig)
    return destino


def test_grafica_por_trimestres_con_su_recuadro(tmp_path):
    informe = extraer_informe(_informe(tmp_path / "montenegro_turismo_2025.pdf"))
    leidas = {(o.indicador, o.medida, o.valor, o.periodo_fin) for o in informe.observaciones}
    trimestres = (date(2025, 3, 31), date(2025, 6, 30), date(2025, 9, 30), date(2025, 12, 31))
    for nombre, programado, ejecutado, recuadro in INDICADORES:
        for fin, meta, hecho in zip(trimestres, programado, ejecutado):
            assert {(nombre, "meta", float(meta), fin), (nombre, "ejecutado", float(hecho), fin)} <= leidas
        for clave, valor in recuadro:
            medida = MEDIDAS[clave]
            fin = None if medida == "linea_base" else date(2027 if medida == "meta_cuatrienio" else 2025, 12, 31)
            medidas = {"ejecutado", "acumulado"} if medida == "ejecutado" else {medida}  # "Logrado": either
            encontradas = {
                o for o in leidas if o[0] == nombre and o[1] in medidas and o[2] == float(valor.replace(".", ""))
            }
            assert encontradas and (fin is None or any(o[3] == fin for o in encontradas)), (nombre, clave)
    assert not any("Página" in o[0] for o in leidas)
