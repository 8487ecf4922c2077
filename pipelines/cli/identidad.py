"""Commands on identities across years: indicadores, vincular, separar,
decisiones and comparar (registered on the app of
pipelines/cli/base.py; pipelines/cli/__init__.py imports this module)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich import box
from rich.table import Table

from pipelines.cli.base import (
    _AYUDA_DEBUG,
    OPCION_DB,
    OPCION_ESPERA,
    _base,
    _Comando,
    _salir,
    _texto,
    a_estandar,
    app,
    consola,
    errores,
    formato_de_salida,
    formato_en_pantalla,
    seguro,
)
from pipelines.salidas import archivos as salidas
from pipelines.salidas import tuberias

_VINCULOS = {
    "codigo": "código",
    "nombre": "nombre",
    "nombre_normalizado": "nombre normalizado",
    "similitud": "similitud",
    "manual": "manual",
    "nuevo": "nuevo",
}


# --------------------------------------------------------------- indicadores


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def indicadores(
    db: Path = OPCION_DB,
    entidad: Optional[str] = typer.Option(
        None, "--entidad", "-e", show_default=False, help="Clave o nombre de la entidad (p. ej. Barrancabermeja)."
    ),
    dudosos: bool = typer.Option(
        False,
        "--dudosos",
        help="Solo los vínculos dudosos: por similitud baja, con una alternativa "
        "parecida o con unidades distintas entre años.",
    ),
    formato: str = typer.Option("tabla", "--formato", "-f", help="tabla (en pantalla) o json."),
    como_json: bool = typer.Option(False, "--json", hidden=True, help="Lo mismo que --formato json."),
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Lista los indicadores de cada entidad con sus nombres en cada año y cómo se vincularon.

    Ejemplo: informes indicadores --entidad Barrancabermeja --dudosos
    """
    import pipelines.identidad as identidad

    como_json = como_json or formato_en_pantalla(formato) == "json"
    with _base(db, debug, espera=espera_db) as con:
        filas = identidad.listar(con, entidad, dudosos)
    if como_json:
        typer.echo(json.dumps(filas, ensure_ascii=False, indent=2, default=str))
        return
    if not filas:
        consola.print(
            "No hay indicadores"
            + (" dudosos." if dudosos else ".")
            + ("" if dudosos else " Cargue informes con: informes cargar")
        )
        return
    por_entidad: dict[str, list[dict]] = {}
    for f in filas:
        por_entidad.setdefault(f["entidad_clave"], []).append(f)
    for clave, grupo in por_entidad.items():
        tabla = Table(
            title=f"{_texto(grupo[0]['entidad'])} ({seguro(clave)})",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_lines=True,
        )
        tabla.add_column("Clave", overflow="fold", max_width=38)
        tabla.add_column("Nombres en los informes (años · vínculo)", overflow="fold", ratio=1)
        tabla.add_column("Años", overflow="fold")
        if dudosos:
            tabla.add_column("Por qué es dudoso", overflow="fold", ratio=1)
        for f in grupo:
            lineas = []
            for v in f["variantes"]:
                como = _VINCULOS.get(v["vinculo"], v["vinculo"])
                if v["vinculo"] == "similitud" and v["puntaje"] is not None:
                    como += f" {v['puntaje']:g}"
                if v["vinculo"] == "codigo" and v["codigo"]:
                    como += f" {v['codigo']}"
                padre = f" [dim](en {seguro(v['indicador_padre'])})[/]" if v["indicador_padre"] else ""
                anios = ", ".join(str(a) for a in v["anios"]) or "sin informes"
                lineas.append(f"{seguro(v['nombre'])}{padre} · {anios} · [cyan]{seguro(como)}[/]")
            fila = [seguro(f["indicador_clave"]), "\n".join(lineas), ", ".join(str(a) for a in f["anios"])]
            if dudosos:
                fila.append(seguro("; ".join(f["dudas"])))
            tabla.add_row(*fila)
        consola.print(tabla)
    consola.print(
        f"{len(filas)} indicador{'es' if len(filas) != 1 else ''}. Corrija con: informes vincular "
        "CLAVE_A CLAVE_B · informes separar CLAVE VARIANTE"
    )


# ------------------------------------------------------------ vincular/separar


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def vincular(
    clave_a: str = typer.Argument(..., metavar="CLAVE_A", help="Indicador que queda (su clave).", show_default=False),
    clave_b: str = typer.Argument(..., metavar="CLAVE_B", help="Indicador que se une a CLAVE_A.", show_default=False),
    nota: Optional[str] = typer.Option(None, "--nota", help="Comentario que se guarda con la decisión."),
    db: Path = OPCION_DB,
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Decide que dos indicadores son el mismo (la decisión sobrevive a recargar los informes).

    Ejemplo: informes vincular alcaldia-barrancabermeja/seguidores-twitter alcaldia-barrancabermeja/twitter
    """
    import pipelines.identidad as identidad

    with _base(db, debug, escribir=True, espera=espera_db) as con:
        identidad.vincular(con, clave_a, clave_b, nota)
    consola.print(f"Vinculados: {seguro(clave_b)} es ahora {seguro(clave_a)}.")


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def separar(
    clave: str = typer.Argument(
        ..., metavar="CLAVE", help="Indicador del que se separa la variante.", show_default=False
    ),
    variante: str = typer.Argument(
        ..., metavar="VARIANTE", help="Nombre de la variante, como aparece en informes indicadores.", show_default=False
    ),
    nota: Optional[str] = typer.Option(None, "--nota", help="Comentario que se guarda con la decisión."),
    db: Path = OPCION_DB,
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Decide que un nombre no es ese indicador: pasa a ser un indicador aparte.

    Ejemplo: informes separar alcaldia-barrancabermeja/boletines-prensa "Boletines internos"
    """
    import pipelines.identidad as identidad

    with _base(db, debug, escribir=True, espera=espera_db) as con:
        nueva = identidad.separar(con, clave, variante, nota)
    consola.print(f"Separada: «{seguro(variante)}» es ahora {seguro(nueva)}.")


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def decisiones(
    exportar: Optional[Path] = typer.Option(
        None,
        "--exportar",
        show_default=False,
        metavar="ARCHIVO",
        help="Escribe las decisiones en este CSV para compartirlas.",
    ),
    importar: Optional[Path] = typer.Option(
        None, "--importar", show_default=False, metavar="ARCHIVO", help="Lee decisiones de un CSV y las aplica."
    ),
    db: Path = OPCION_DB,
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Lista, exporta o importa las decisiones manuales (vincular / separar).

    Ejemplo: informes decisiones --exportar decisiones.csv
    """
    import pipelines.identidad as identidad

    if exportar and importar:
        _salir("Use --exportar o --importar, no los dos.")
    if importar:
        with _base(db, debug, escribir=True, espera=espera_db) as con:
            nuevas, notas = identidad.importar_decisiones(con, importar)
        consola.print(f"Se importaron {nuevas} decisiones nuevas de {seguro(importar)}.")
        for nota in notas:
            errores.print(f"[yellow]Aviso:[/] {seguro(nota)}", soft_wrap=True, highlight=False)
        return
    if exportar:
        with _base(db, debug, salida=exportar, espera=espera_db) as con, salidas.escribir(exportar, db) as temporal:
            n = identidad.exportar_decisiones(con, temporal)
        consola.print(f"Se exportaron {n} decisiones a {seguro(exportar)}.")
        return
    with _base(db, debug, espera=espera_db) as con:
        filas = con.execute(
            "SELECT " + ", ".join(identidad.COLUMNAS_DECISIONES) + " FROM decisiones ORDER BY creada_en, decision_id"
        ).fetchall()
    if not filas:
        consola.print("No hay decisiones manuales.")
        return
    tabla = Table(title="Decisiones manuales", box=box.SIMPLE_HEAD)
    tabla.add_column("Acción", no_wrap=True)
    tabla.add_column("Indicador", overflow="fold", ratio=1)
    tabla.add_column("Con / variante", overflow="fold", ratio=1)
    tabla.add_column("Fecha", no_wrap=True)
    tabla.add_column("Nota", overflow="fold")
    for accion, _, clave_a, _, clave_b, variante_b, creada_en, nota in filas:
        otro = clave_b if accion == "vincular" else f"«{variante_b}»"
        tabla.add_row(accion, _texto(clave_a), _texto(otro), f"{creada_en:%Y-%m-%d}", _texto(nota))
    consola.print(tabla)


# ------------------------------------------------------------------ comparar


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def comparar(
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
        help="csv, json, jsonl, parquet, xlsx o html. Si se omite, sale de la "
        "extensión de --salida (csv con --salida -).",
    ),
    entidad: Optional[str] = typer.Option(
        None, "--entidad", "-e", show_default=False, help="Clave o nombre de la entidad."
    ),
    dependencia: Optional[str] = typer.Option(
        None, "--dependencia", show_default=False, help="Palabras del nombre de la dependencia."
    ),
    indicador: Optional[str] = typer.Option(
        None, "--indicador", "-i", show_default=False, help="Clave del indicador o parte de uno de sus nombres."
    ),
    medida: Optional[str] = typer.Option(
        None, "--medida", "-m", show_default=False, help="Solo esta medida (meta, ejecutado, acumulado…)."
    ),
    db: Path = OPCION_DB,
    espera_db: float = OPCION_ESPERA,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Una cifra por entidad, indicador, medida y año, para comparar entre años.

    Ejemplo: informes comparar --entidad Barrancabermeja --salida comparar.html
    """
    from pipelines.salidas import comparar as comparacion

    formato = formato_de_salida(salida, formato, comparacion.FORMATOS, "csv, json, jsonl, parquet, xlsx o html")
    filtros = comparacion.Filtros(entidad=entidad, dependencia=dependencia, indicador=indicador, medida=medida)
    if tuberias.es_estandar(salida):
        with _base(db, debug, espera=espera_db) as con:

            def escribir(destino):
                if isinstance(destino, Path):
                    return comparacion.comparar(con, formato, destino, filtros)
                return comparacion.comparar_a(con, formato, destino, filtros)

            a_estandar(escribir, formato)
        return
    assert salida is not None  # no --salida: standard output
    with _base(db, debug, salida=salida, espera=espera_db) as con, salidas.escribir(salida, db) as temporal:
        n = comparacion.comparar(con, formato, temporal, filtros)
    consola.print(f"Se escribieron {n} cifras (entidad × indicador × medida × año) en {seguro(salida)}.")


# --------------------------------------------------------- evaluar --vinculos


def evaluar_vinculos_cli(carpeta: Path, fuente: str, detalle: bool, como_json: bool, debug: bool) -> None:
    """`informes evaluar CARPETA --vinculos`: links against vinculos_gold.csv."""
    from pipelines.almacen import ErrorAlmacen
    from pipelines.evaluacion.evaluar import ErrorEvaluacion
    from pipelines.evaluacion.vinculos import evaluar_vinculos

    try:
        r = evaluar_vinculos(carpeta, fuente)
    except (ErrorEvaluacion, ErrorAlmacen, OSError) as exc:
        _salir(str(exc), debug)
    if como_json:
        typer.echo(json.dumps(r.como_dict(), ensure_ascii=False, indent=2))
        return
    tabla = Table(
        title=f"Vínculos entre informes contra {seguro('vinculos_gold.csv')} (fuente: {fuente})", box=box.SIMPLE_HEAD
    )
    for c in (
        "Informes",
        "Indicadores",
        "Grupos gold",
        "Identidades",
        "VP",
        "FP",
        "FN",
        "Precisión",
        "Exhaustividad",
        "F1",
    ):
        tabla.add_column(c, justify="right")
    tabla.add_row(
        str(len(r.informes)),
        str(r.items),
        str(r.grupos),
        str(r.identidades),
        str(r.tp),
        str(r.fp),
        str(r.fn),
        f"{r.precision:.3f}",
        f"{r.recall:.3f}",
        f"{r.f1:.3f}",
    )
    consola.print(tabla)
    consola.print(
        "Pares de indicadores: VP vinculados y del mismo grupo, FP vinculados de grupos distintos, "
        "FN del mismo grupo sin vincular."
    )
    consola.print(
        f"Pares de un mismo informe con la misma clave: {r.mismo_informe}; de entidades distintas: {r.entre_entidades}."
    )
    if r.sin_extraer:
        errores.print(
            f"[yellow]Aviso:[/] {len(r.sin_extraer)} indicadores del gold no salieron del "
            "extractor: " + seguro("; ".join(r.sin_extraer[:10])),
            soft_wrap=True,
            highlight=False,
        )
    if detalle:
        for titulo, pares in (
            ("Vinculados sin ser el mismo (FP)", r.falsos),
            ("El mismo sin vincular (FN)", r.perdidos),
        ):
            if pares:
                t = Table(title=titulo, title_justify="left", box=box.SIMPLE_HEAD)
                t.add_column("Indicador A", overflow="fold")
                t.add_column("Indicador B", overflow="fold")
                for a, b in pares:
                    t.add_row(seguro(a), seguro(b))
                consola.print(t)
