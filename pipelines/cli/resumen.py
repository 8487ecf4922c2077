"""Command `informes resumen`: one line per stored report."""

from __future__ import annotations

from pathlib import Path

import typer
from rich import box
from rich.table import Table

from pipelines.cli.base import (
    _AYUDA_DEBUG,
    OPCION_DB,
    OPCION_ESPERA,
    _base,
    _cobertura,
    _Comando,
    _texto,
    app,
    consola,
    seguro,
)


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def resumen(
    db: Path = OPCION_DB,
    detalle: bool = typer.Option(
        False, "--detalle", help="Sin recortar: cada informe con todas sus columnas (en varias líneas si no caben)."
    ),
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Muestra los informes cargados: una línea por informe con sus cifras, hallazgos y filas no mapeadas.

    Ejemplo: informes resumen --db indicadores.duckdb --detalle
    """
    import esquemas
    import pipelines.almacen as almacen

    with _base(db, debug, espera=espera_db) as con:
        filas = almacen.resumen(con)
        por_severidad = _hallazgos_por_informe(con)
    if not filas:
        consola.print("La base de datos no tiene informes.")
        return
    orden = [f["medida"] for f in esquemas.filas_vocabulario("medida")]
    for f in filas:
        medidas = sorted(f["por_medida"].items(), key=lambda kv: orden.index(kv[0]) if kv[0] in orden else 99)
        f["medidas"] = ", ".join(f"{m}: {n}" for m, n in medidas)
        f["errores"] = por_severidad.get((f["informe_id"], "error"), 0)
        f["advertencias"] = por_severidad.get((f["informe_id"], "advertencia"), 0)
        f["cobertura_texto"] = _cobertura(f.get("cobertura"))
    if detalle:
        consola.print(_tabla_resumen_detalle(filas, db))
    else:
        from pipelines.salidas.pantalla import tabla_una_linea

        columnas = [
            ("archivo", "Archivo", "izq"),
            ("vigencia", "Año", "der"),
            ("observaciones", "Cifras", "der"),
            ("errores", "Err.", "der"),
            ("advertencias", "Adv.", "der"),
            ("no_mapeadas", "Sin mapear", "der"),
            ("cobertura_texto", "Cobertura", "der"),
            ("entidad", "Entidad", "izq"),
            ("dependencia", "Dependencia", "izq"),
            ("medidas", "Cifras por medida", "izq"),
        ]
        consola.print(
            tabla_una_linea(
                f"Informes en {seguro(db)}",
                columnas,
                filas,
                consola.width,
                _texto,
                {"archivo": 16, "cobertura_texto": 7, "entidad": 12, "dependencia": 12, "medidas": 20},
            )
        )
    total = sum(f["observaciones"] for f in filas)
    consola.print(
        f"{len(filas)} informe{'s' if len(filas) != 1 else ''}, {total} cifras. "
        + ("" if detalle else "Todo sin recortar: --detalle"),
        highlight=False,
    )


def _hallazgos_por_informe(con) -> dict[tuple[str, str], int]:
    """(informe_id, severidad) -> number of findings (nothing if the store
    predates the validator)."""
    import duckdb

    try:
        return {
            (iid, sev): n
            for iid, sev, n in con.execute(
                "SELECT informe_id, severidad, count(*) FROM hallazgos GROUP BY ALL"
            ).fetchall()
        }
    except duckdb.Error:
        return {}


def _tabla_resumen_detalle(filas: list[dict], db: Path) -> Table:
    tabla = Table(title=f"Informes en {seguro(db)}", box=box.SIMPLE_HEAD)
    for nombre in ("Archivo", "Entidad", "Dependencia"):
        tabla.add_column(nombre, overflow="fold")
    tabla.add_column("Vigencia", justify="right")
    tabla.add_column("Observaciones por medida", overflow="fold")
    tabla.add_column("Total", justify="right")
    tabla.add_column("Errores", justify="right")
    tabla.add_column("Advertencias", justify="right")
    tabla.add_column("Filas no mapeadas", justify="right")
    tabla.add_column("Cobertura", justify="right")
    for f in filas:
        tabla.add_row(
            _texto(f["archivo"]),
            _texto(f["entidad"]),
            _texto(f["dependencia"]),
            _texto(f["vigencia"]),
            _texto(f["medidas"]),
            str(f["observaciones"]),
            str(f["errores"]),
            str(f["advertencias"]),
            str(f["no_mapeadas"]),
            _cobertura(f.get("cobertura")),
        )
    return tabla
