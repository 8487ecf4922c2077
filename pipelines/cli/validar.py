"""Command `informes validar`: the validator's findings stored with each report."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.table import Table

from pipelines.cli.base import (
    _AYUDA_DEBUG,
    _SEVERIDADES,
    OPCION_DB,
    OPCION_ESPERA,
    _base,
    _Comando,
    _conteo_severidades,
    _salir,
    _texto,
    a_estandar,
    app,
    consola,
    seguro,
)
from pipelines.salidas import archivos as salidas
from pipelines.salidas import tuberias
from pipelines.salidas.archivos import ErrorSalida

CODIGO_CON_ERRORES = 2  # exit code of `validar` when error-level findings exist


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def validar(
    db: Path = OPCION_DB,
    formato: Optional[str] = typer.Option(
        None,
        "--formato",
        "-f",
        show_default=False,
        help="tabla (en pantalla: resumen por regla y severidad), csv, json o jsonl (un hallazgo por fila). "
        "Por defecto, tabla; con --salida, según su extensión (csv si no la tiene).",
    ),
    salida: Optional[Path] = typer.Option(
        None,
        "--salida",
        "-o",
        show_default=False,
        help="Archivo que se escribe (se reemplaza si existe); - para la salida estándar.",
    ),
    detalle: bool = typer.Option(
        False,
        "--detalle",
        help="En pantalla, además del resumen, cada hallazgo agrupado por informe.",
    ),
    archivo: Optional[list[str]] = typer.Option(
        None,
        "--archivo",
        "-a",
        show_default=False,
        metavar="NOMBRE",
        help="Solo los informes cuyo nombre de archivo contiene NOMBRE; se puede repetir.",
    ),
    regla: Optional[list[str]] = typer.Option(
        None,
        "--regla",
        "-r",
        show_default=False,
        metavar="REGLA",
        help="Solo esta regla (identificador de esquemas/reglas.yaml); se puede repetir.",
    ),
    severidad: Optional[str] = typer.Option(
        None,
        "--severidad",
        "-s",
        show_default=False,
        help="Solo los hallazgos de esta severidad o más graves: error, advertencia o info.",
    ),
    entidad: Optional[str] = typer.Option(
        None,
        "--entidad",
        "-e",
        show_default=False,
        help="Solo los informes de esta entidad (clave o palabras de su nombre, p. ej. Barrancabermeja).",
    ),
    excel: bool = typer.Option(False, "--excel", help="CSV para Excel en Colombia: separador ;, coma decimal y BOM."),
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Revisa los hallazgos del validador (reglas de esquemas/reglas.yaml): resumen por regla y severidad.

    Termina con código 2 si hay hallazgos de severidad error (después de los filtros), 0 si no los hay y 1
    si no pudo revisar: un trabajo programado puede detenerse con él.

    Ejemplos: informes validar · informes validar --detalle --archivo girardot · informes validar --severidad error
    --formato jsonl --salida -
    """
    import esquemas
    import pipelines.almacen as almacen
    from pipelines.carga.cargar import razon_os
    from pipelines.salidas import hallazgos as filtro_hallazgos

    if formato is None:
        formato = (
            "tabla"
            if salida is None
            else ("csv" if tuberias.es_estandar(salida) or not salida.suffix else salida.suffix.lstrip("."))
        )
    formato = formato.lower()
    if formato not in ("tabla",) + tuberias.FORMATOS_TEXTO:
        _salir(f"Formato desconocido: {formato}. Use --formato tabla, csv, json o jsonl.")
    if salida is not None and formato == "tabla":
        _salir("--salida se usa con --formato csv, json o jsonl.")
    if excel and formato != "csv":
        _salir("--excel solo se aplica al formato csv.")
    orden = list(_SEVERIDADES)
    if severidad is not None and severidad.lower() not in orden:
        _salir(f"Severidad desconocida: {severidad}. Use error, advertencia o info.")
    desconocidas = filtro_hallazgos.reglas_desconocidas(regla or [])
    if desconocidas:
        _salir(
            f"Regla desconocida: {', '.join(desconocidas)}. Las reglas son: "
            f"{', '.join(filtro_hallazgos.reglas_conocidas())}."
        )
    severidades = orden[: orden.index(severidad.lower()) + 1] if severidad else None
    estandar = tuberias.es_estandar(salida)
    with _base(db, debug, salida=None if estandar else salida, espera=espera_db) as con:
        filas = filtro_hallazgos.filtrar(
            con, almacen.hallazgos(con, severidades), archivos=archivo, reglas=regla, entidad=entidad
        )
    codigo = CODIGO_CON_ERRORES if any(f["severidad"] == "error" for f in filas) else 0
    if formato != "tabla":
        columnas = list(esquemas.tabla("hallazgos").exportacion)
        lotes = [[tuple(h.get(c) for c in columnas) for h in filas]]

        def escribir(f) -> int:
            return tuberias.escribir_filas(f, formato, columnas, lotes, excel=excel)

        if salida is None or estandar:
            a_estandar(escribir, formato, excel)
            raise typer.Exit(codigo)
        try:
            with (
                salidas.escribir(salida, db) as temporal,
                temporal.open("w", encoding=tuberias.codificacion(excel), newline="") as f,
            ):
                escribir(f)
        except ErrorSalida as exc:
            _salir(str(exc), debug)
        except OSError as exc:
            _salir(f"No se pudo escribir {salida}: {razon_os(exc)}", debug)
        consola.print(f"Se escribieron {len(filas)} hallazgos en {seguro(salida)}.")
        raise typer.Exit(codigo)
    if not filas:
        filtrado = severidad or archivo or regla or entidad
        consola.print("No hay hallazgos" + (" con esos filtros." if filtrado else "."))
        return
    consola.print(_tabla_resumen_hallazgos(filas))
    informes = len({f["informe_id"] for f in filas})
    consola.print(
        f"Total: {_conteo_severidades(filas)} en {informes} informe{'s' if informes > 1 else ''}.", soft_wrap=True
    )
    if not detalle:
        consola.print("Cada hallazgo, por informe: informes validar --detalle")
    if detalle:
        por_informe: dict[str, list[dict]] = {}
        for fila in filas:
            por_informe.setdefault(fila["informe_id"], []).append(fila)
        for grupo in por_informe.values():
            consola.print(_tabla_hallazgos(grupo))
    raise typer.Exit(codigo)


def _tabla_resumen_hallazgos(filas: list[dict]) -> Table:
    """Findings by severity and rule: how many and in how many reports."""
    grupos: dict[tuple[str, str], list[dict]] = {}
    for f in filas:
        grupos.setdefault((f["severidad"], f["regla"]), []).append(f)
    orden = list(_SEVERIDADES)
    tabla = Table(title="Hallazgos por regla", title_justify="left", box=box.SIMPLE_HEAD)
    tabla.add_column("Severidad", no_wrap=True)
    tabla.add_column("Regla", overflow="fold")
    tabla.add_column("Hallazgos", justify="right", no_wrap=True)
    tabla.add_column("Informes", justify="right", no_wrap=True)
    for (sev, regla), grupo in sorted(
        grupos.items(), key=lambda kv: (orden.index(kv[0][0]) if kv[0][0] in orden else 9, -len(kv[1]), kv[0][1])
    ):
        tabla.add_row(
            _SEVERIDADES.get(sev, _texto(sev)),
            _texto(regla),
            str(len(grupo)),
            str(len({f["informe_id"] for f in grupo})),
        )
    return tabla


def _tabla_hallazgos(filas: list[dict]) -> Table:
    primera = filas[0]
    detalle = " · ".join(_texto(x) for x in (primera["entidad"], primera["dependencia"]) if x)
    titulo = f"{_texto(primera['archivo'])}" + (f" ({detalle})" if detalle else "")
    tabla = Table(
        title=titulo,
        title_justify="left",
        caption=_conteo_severidades(filas),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
    )
    tabla.add_column("Severidad", no_wrap=True)
    tabla.add_column("Regla", overflow="fold", ratio=1)
    tabla.add_column("Pág.", justify="right", no_wrap=True)
    tabla.add_column("Mensaje (indicador, medida, periodo y cifras)", overflow="fold", ratio=3)
    for f in filas:
        tabla.add_row(
            _SEVERIDADES.get(f["severidad"], _texto(f["severidad"])),
            _texto(f["regla"]),
            _texto(f["pagina"]),
            _texto(f["mensaje"]),
        )
    return tabla
