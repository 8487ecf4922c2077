"""The real command on a folder with HTML reports: `cargar` picks up an
"Excel" export that is an HTML table named .xls (it used to be refused as
a web page) and a report saved as a web page (.htm), and skips the gold
file beside them; `exportar` gives the observations with the sheet and cell
(the .xls) or the page and table (the .htm) they came from; `evaluar`
scores the .xls against its gold."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.conftest import correr_informes

EXPORTACION = """<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head>
<body>
<p>Entidad: Alcaldía Municipal de Tenjo</p>
<p>Periodo: octubre-diciembre 2024</p>
<table border=1>
 <tr><th>Programa</th><th>Indicador</th><th>Meta 2024</th><th>Ejecutado 2024</th></tr>
 <tr><td rowspan=2>Tenjo educado</td><td>Niños atendidos con alimentación escolar</td>
  <td x:num="1250">1.250</td><td x:num="1180">1.180</td></tr>
 <tr><td>Docentes formados en pedagogía</td><td>40</td><td>32</td></tr>
</table>
</body></html>
"""
INFORME = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Informe</title></head><body>
<h1>Informe de gestión 2024</h1>
<p><b>Entidad:</b> Alcaldía Municipal de Sopó</p>
<table><tr><th>Indicador</th><th>Meta 2024</th><th>Logro 2024</th></tr>
<tr><td>Huertas caseras establecidas</td><td>120</td><td>98</td></tr>
<tr><td>Asistencias técnicas realizadas</td><td>1.450</td><td>1.470</td></tr></table>
</body></html>
"""
GOLD = [
    ["indicador", "indicador_padre", "medida", "periodo_inicio", "periodo_fin", "valor", "unidad", "tipo_gasto"],
    ["Niños atendidos con alimentación escolar", "Tenjo educado", "meta", "2024-01-01", "2024-12-31", "1250", "", ""],
    [
        "Niños atendidos con alimentación escolar",
        "Tenjo educado",
        "ejecutado",
        "2024-01-01",
        "2024-12-31",
        "1180",
        "",
        "",
    ],
]


def _carpeta(tmp_path: Path) -> Path:
    carpeta = tmp_path / "descargas"
    carpeta.mkdir()
    (carpeta / "tenjo_chip_t4_2024.xls").write_bytes(EXPORTACION.encode("cp1252"))
    (carpeta / "sopo_informe_2024.htm").write_text(INFORME, encoding="utf-8")
    with open(carpeta / "tenjo_chip_t4_2024.gold.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(GOLD)
    return carpeta


def test_cargar_exportar_y_evaluar_una_carpeta_con_html(tmp_path):
    carpeta = _carpeta(tmp_path)
    carga = correr_informes("cargar", str(carpeta), "--db", "datos.duckdb", cwd=tmp_path)
    assert carga.returncode == 0, carga.stdout + carga.stderr
    assert "Resumen: 2 cargados, 0 sin cambios, 0 fallidos, 1 omitido." in carga.stdout
    salida = " ".join((carga.stdout + carga.stderr).split())
    assert (
        "tenjo_chip_t4_2024.xls: la extensión es .xls pero el contenido es una tabla de página web (HTML) "
        "guardada como hoja de cálculo; se leyó según su contenido."
    ) in salida
    assert "sopo_informe_2024.htm: la extensión" not in salida

    exportar = correr_informes(
        "exportar", "--db", "datos.duckdb", "--formato", "csv", "--salida", "obs.csv", cwd=tmp_path
    )
    assert exportar.returncode == 0, exportar.stderr
    with open(tmp_path / "obs.csv", encoding="utf-8", newline="") as f:
        filas = list(csv.DictReader(f))
    hoja = {
        (f["indicador"], f["indicador_padre"], f["medida"], f["valor"], f["periodo_inicio"], f["hoja"], f["celda"])
        for f in filas
        if f["archivo"] == "tenjo_chip_t4_2024.xls"
    }
    ninos, docentes = "Niños atendidos con alimentación escolar", "Docentes formados en pedagogía"
    assert hoja == {
        (ninos, "Tenjo educado", "meta", "1250", "2024-01-01", "tenjo_chip_t4_2024", "C4"),
        (ninos, "Tenjo educado", "ejecutado", "1180", "2024-01-01", "tenjo_chip_t4_2024", "D4"),
        (docentes, "Tenjo educado", "meta", "40", "2024-01-01", "tenjo_chip_t4_2024", "C5"),
        (docentes, "Tenjo educado", "ejecutado", "32", "2024-01-01", "tenjo_chip_t4_2024", "D5"),
    }
    documento = {
        (f["indicador"], f["medida"], f["valor"], f["pagina"], f["tabla"], f["hoja"])
        for f in filas
        if f["archivo"] == "sopo_informe_2024.htm"
    }
    assert documento == {
        ("Huertas caseras establecidas", "meta", "120", "1", "1", ""),
        ("Huertas caseras establecidas", "ejecutado", "98", "1", "1", ""),
        ("Asistencias técnicas realizadas", "meta", "1450", "1", "1", ""),
        ("Asistencias técnicas realizadas", "ejecutado", "1470", "1", "1", ""),
    }
    entidades = {f["archivo"]: f["entidad"] for f in filas}
    assert entidades == {
        "tenjo_chip_t4_2024.xls": "Alcaldía Municipal de Tenjo",
        "sopo_informe_2024.htm": "Alcaldía Municipal de Sopó",
    }

    evaluacion = correr_informes("evaluar", str(carpeta), "--json", cwd=tmp_path)
    assert evaluacion.returncode == 0, evaluacion.stderr
    [evaluado] = json.loads(evaluacion.stdout)["documentos"]
    assert (evaluado["documento"], evaluado["tp"], evaluado["fn"]) == ("tenjo_chip_t4_2024.xls", 2, 0)
