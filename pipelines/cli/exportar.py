"""Command `informes exportar`: a store table to CSV, JSON, JSON Lines, Parquet or XLSX (pipelines/salidas/exportar.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from pipelines.cli.base import (
    _AYUDA_DEBUG,
    OPCION_DB,
    OPCION_ESPERA,
    _base,
    _Comando,
    _salir,
    a_estandar,
    app,
    consola,
    formato_de_salida,
    salida_exigida,
    seguro,
)
from pipelines.salidas import archivos as salidas
from pipelines.salidas import tuberias


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def exportar(
    salida: Optional[Path] = typer.Option(
        None,
        "--salida",
        "-o",
        show_default=False,
        help="Archivo que se escribe (se reemplaza si existe); - para la salida estándar.",
    ),
    formato: Optional[str] = typer.Option(
        None,
        "--formato",
        "-f",
        show_default=False,
        help="csv, json, jsonl, parquet o xlsx. Si se omite, se toma de la extensión de --salida (csv con --salida -).",
    ),
    tabla: str = typer.Option(
        "observaciones", "--tabla", help="observaciones, informes, filas_no_mapeadas, hallazgos o cifras_sin_destino."
    ),
    sin_marcadas: bool = typer.Option(
        False,
        "--sin-marcadas",
        help="Deja fuera las observaciones marcadas (con un hallazgo de severidad error).",
    ),
    excel: bool = typer.Option(
        False,
        "--excel",
        help="CSV para Excel en Colombia: separador ;, coma decimal y marca BOM.",
    ),
    db: Path = OPCION_DB,
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Exporta una tabla de la base de datos a CSV, JSON, JSON Lines, Parquet o Excel.

    Ejemplos: informes exportar --salida observaciones.csv · informes exportar --salida - --formato jsonl | head
    """
    from pipelines.salidas import exportar as exportacion

    salida = salida_exigida(salida)
    formato = formato_de_salida(salida, formato, exportacion.FORMATOS, "csv, json, jsonl, parquet o xlsx")
    if tabla not in exportacion.TABLAS:
        _salir(
            f"Tabla desconocida: {tabla}. Use observaciones, informes, filas_no_mapeadas, hallazgos "
            "o cifras_sin_destino."
        )
    if sin_marcadas and tabla != "observaciones":
        _salir("--sin-marcadas solo se aplica a la tabla observaciones.")
    if excel and formato != "csv":
        _salir("--excel solo se aplica al formato csv.")
    if tuberias.es_estandar(salida):
        with _base(db, debug, espera=espera_db) as con:

            def escribir(destino):
                if isinstance(destino, Path):
                    return exportacion.exportar(con, tabla, formato, destino, sin_marcadas=sin_marcadas)
                return exportacion.exportar_a(con, tabla, formato, destino, sin_marcadas=sin_marcadas, excel=excel)

            a_estandar(escribir, formato, excel)
        return
    with _base(db, debug, salida=salida, espera=espera_db) as con, salidas.escribir(salida, db) as temporal:
        n = exportacion.exportar(con, tabla, formato, temporal, sin_marcadas=sin_marcadas, excel=excel)
    consola.print(
        f"Se exportaron {n} filas de {tabla} a {seguro(salida)}."
        + (" Sin las observaciones marcadas." if sin_marcadas else "")
    )
