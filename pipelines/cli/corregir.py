"""Commands `informes corregir` and `informes revisar` (registered on
the app of
pipelines/cli/base.py; pipelines/cli/__init__.py imports this module): review doubtful
figures against the page, and correct a reading once for every report of
the same layout (pipelines/carga/correcciones.py, pipelines/salidas/revisar.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from pipelines.cli.base import _AYUDA_DEBUG, OPCION_DB, _base, _Comando, _salir, app, consola, errores, seguro
from pipelines.texto import numero_co


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def corregir(
    archivo: Optional[str] = typer.Option(
        None,
        "--archivo",
        "-a",
        show_default=False,
        metavar="ARCHIVO",
        help="Informe cargado que se corrige: nombre del archivo, su ruta o su informe_id.",
    ),
    observacion: Optional[str] = typer.Option(
        None,
        "--observacion",
        show_default=False,
        metavar="ID",
        help="La cifra que se corrige (observacion_id, como la muestra informes revisar): da el informe, la "
        "tabla, la fila y la columna.",
    ),
    tabla: Optional[int] = typer.Option(None, "--tabla", show_default=False, help="Número de tabla (desde 1)."),
    columna: Optional[int] = typer.Option(
        None, "--columna", show_default=False, help="Columna de la tabla (desde 1, como en informes ver y revisar)."
    ),
    fila: Optional[int] = typer.Option(
        None, "--fila", show_default=False, help="Fila de la tabla (desde 1, como en informes ver y revisar)."
    ),
    medida: Optional[str] = typer.Option(
        None, "--medida", show_default=False, help="Medida que debe leerse en la columna (esquemas/medidas.csv)."
    ),
    periodo: Optional[str] = typer.Option(
        None,
        "--periodo",
        show_default=False,
        help="Periodo que debe leerse en la columna, como lo escribiría un encabezado («2024», «I semestre 2024»).",
    ),
    rol: Optional[str] = typer.Option(
        None,
        "--rol",
        show_default=False,
        help="La columna no da cifras: ignorar, texto, codigo, unidad, fuente o etiqueta.",
    ),
    indicador: Optional[str] = typer.Option(
        None, "--indicador", show_default=False, help="Nombre correcto del indicador de la fila."
    ),
    rechazar: bool = typer.Option(False, "--rechazar", help="La cifra no es una observación: se quita en cada carga."),
    confirmar: bool = typer.Option(
        False,
        "--confirmar",
        help="La cifra se leyó bien: informes revisar no la vuelve a mostrar mientras se lea el mismo valor.",
    ),
    todas_las_entidades: bool = typer.Option(
        False,
        "--todas-las-entidades",
        help="La plantilla de la columna vale para los informes de cualquier entidad (por defecto, solo los de "
        "la entidad del informe).",
    ),
    desde: Optional[Path] = typer.Option(
        None,
        "--desde",
        show_default=False,
        metavar="ARCHIVO.json",
        help="Importa correcciones de un JSON (exportado con --exportar o descargado de la página de informes "
        "revisar).",
    ),
    exportar: Optional[Path] = typer.Option(
        None,
        "--exportar",
        show_default=False,
        metavar="ARCHIVO.json",
        help="Escribe todas las correcciones guardadas en un JSON (para llevarlas a otra base con --desde).",
    ),
    listar: bool = typer.Option(False, "--listar", help="Muestra las correcciones guardadas."),
    sin_recargar: bool = typer.Option(
        False,
        "--sin-recargar",
        help="Solo guarda la corrección; los informes afectados se leen con ella en su próxima carga con --forzar.",
    ),
    nota: Optional[str] = typer.Option(None, "--nota", show_default=False, help="Comentario que se guarda."),
    db: Path = OPCION_DB,
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Corrige la lectura de una tabla y la recuerda para los próximos informes.

    Una corrección de columna (--medida, --periodo o --rol) se guarda como plantilla de lectura con la firma del
    encabezado de la tabla: todo informe de la misma entidad con el mismo encabezado (aunque cambien los años) se
    lee con ella, y la carga lo dice. Un nombre de indicador (--indicador) o una cifra rechazada (--rechazar) valen
    para ese informe. Una cifra confirmada (--confirmar) sale de informes revisar mientras se lea igual. Los
    informes ya cargados que la corrección cambia se vuelven a cargar (con --forzar).

    Ejemplos:
      informes corregir --archivo informe_2024.pdf --tabla 1 --columna 3 --medida ejecutado
      informes corregir --observacion 3f2a1b0c9d8e7f60-000004 --rechazar
      informes corregir --observacion 3f2a1b0c9d8e7f60-000007 --confirmar
      informes corregir --desde decisiones.json
      informes corregir --exportar correcciones.json
    """
    from pipelines.carga import correcciones as corr

    if listar or exportar is not None:
        with _base(db, debug) as con:
            datos = corr.exportar(con)
        if exportar is not None:
            try:
                exportar.write_text(json.dumps(datos, ensure_ascii=False, indent=2), encoding="utf-8")
            except OSError as exc:
                _salir(f"No se pudo escribir {exportar}: {exc.strerror or exc}", debug)
            consola.print(
                f"{len(datos['correcciones'])} corrección(es) escritas en {seguro(exportar)}.", highlight=False
            )
        if listar:
            _listar(datos["correcciones"])
        return
    if desde is not None:
        try:
            pedidas = corr.leer_json(desde)
        except corr.ErrorCorreccion as exc:
            _salir(str(exc), debug)
    else:
        pedidas = [
            _pedida(
                archivo,
                observacion,
                tabla,
                columna,
                fila,
                medida,
                periodo,
                rol,
                indicador,
                rechazar,
                todas_las_entidades,
                nota,
                confirmar,
            )
        ]
    guardadas: list[dict] = []
    recargar: dict[str, str] = {}
    with _base(db, debug, escribir=True) as con:
        try:
            guardadas = corr.importar(con, pedidas)
        except corr.ErrorCorreccion as exc:
            _salir(str(exc), debug)
        for c in guardadas:
            for nombre, ruta in corr.afectados(con, c):
                if ruta:
                    recargar.setdefault(ruta, nombre)
    for c in guardadas:
        consola.print(
            f"Corrección guardada ({c['correccion_id']}): {seguro(_describir(c))}.", highlight=False, soft_wrap=True
        )
    if sin_recargar or not recargar:
        return
    presentes = [Path(r) for r in recargar if Path(r).is_file()]
    for r in recargar:
        if not Path(r).is_file():
            errores.print(
                f"[yellow]Aviso:[/] {seguro(recargar[r])}: el archivo ya no está en {seguro(r)}; se "
                "leerá con la corrección cuando se vuelva a cargar.",
                highlight=False,
                soft_wrap=True,
            )
    if not presentes:
        return
    from pipelines.carga.cargar import cargar_rutas

    resultados = cargar_rutas(presentes, db, forzar=True)
    for resultado in resultados:
        if resultado.fallido:
            errores.print(
                f"[red]Error:[/] {seguro(resultado.motivo or resultado.archivo)}", highlight=False, soft_wrap=True
            )
            continue
        plantillas = ", ".join(f"tabla {t} con la plantilla {p}" for t, p in sorted(resultado.plantillas.items()))
        consola.print(
            f"Vuelto a cargar: {seguro(resultado.archivo)}: {resultado.observaciones} cifra(s)"
            + (f"; {plantillas}" if plantillas else "")
            + (f"; {resultado.correcciones} cifra(s) corregidas o rechazadas" if resultado.correcciones else "")
            + ".",
            highlight=False,
            soft_wrap=True,
        )
    if any(r.fallido for r in resultados):
        raise typer.Exit(1)


def _pedida(
    archivo,
    observacion,
    tabla,
    columna,
    fila,
    medida,
    periodo,
    rol,
    indicador,
    rechazar,
    todas_las_entidades,
    nota,
    confirmar=False,
) -> dict:
    """The correction asked for on the command line (rows and columns 0-based)."""
    if not archivo and not observacion:
        _salir(
            "Indique el informe (--archivo) o la cifra (--observacion) que corrige, o use --desde, "
            "--exportar o --listar."
        )
    for nombre, valor in (("--tabla", tabla), ("--columna", columna), ("--fila", fila)):
        if valor is not None and valor < 1:
            _salir(f"{nombre} se cuenta desde 1.")
    pedidos = [rechazar, confirmar, bool(indicador), bool(medida or periodo or rol)]
    if sum(pedidos) != 1:
        _salir(
            "Indique una sola corrección: --medida/--periodo/--rol (la columna), --indicador (la fila), "
            "--rechazar o --confirmar (la cifra)."
        )
    tipo = "rechazo" if rechazar else "confirmada" if confirmar else "indicador" if indicador else "columna"
    if archivo and Path(archivo).is_file():
        archivo = str(Path(archivo).resolve())
    pedida = {
        "tipo": tipo,
        "informe": archivo,
        "observacion_id": observacion,
        "tabla": tabla,
        "columna": columna - 1 if columna else None,
        "fila": fila - 1 if fila else None,
        "medida": medida,
        "periodo": periodo,
        "rol": rol,
        "indicador": indicador,
        "nota": nota,
        "todas_las_entidades": todas_las_entidades or None,
    }
    return {k: v for k, v in pedida.items() if v is not None}


def _describir(c: dict) -> str:
    if c["tipo"] == "columna":
        que = ", ".join(f"{k} {c[k]}" for k in ("medida", "periodo", "rol") if c.get(k))
        alcance = f"informes de {c['entidad']}" if c.get("entidad") else "informes de cualquier entidad"
        return (
            f"columna {c['columna'] + 1} «{c.get('encabezado') or ''}» de la tabla {c.get('tabla')} de "
            f"{c.get('archivo') or 'un informe'}: {que}; plantilla para las tablas con el mismo encabezado "
            f"({alcance})"
        )
    if c["tipo"] == "confirmada":
        donde = c.get("archivo") or c["sha256"][:16]
        if c.get("tabla") is not None:
            donde += f", tabla {c['tabla']}, fila {c['fila'] + 1}, columna {c['columna'] + 1}"
        valor = numero_co(c["valor"]) if c.get("valor") is not None else ""
        return f"{donde}: cifra confirmada ({c.get('indicador') or ''}, {c.get('medida') or ''} = {valor})"
    donde = f"{c.get('archivo') or c['sha256'][:16]}, tabla {c['tabla']}, fila {c['fila'] + 1}"
    if c["tipo"] == "indicador":
        return f"{donde}: el indicador se llama «{c['indicador']}»"
    return f"{donde}, columna {c['columna'] + 1}: cifra rechazada"


def _listar(filas: list[dict]) -> None:
    if not filas:
        consola.print("No hay correcciones guardadas.", highlight=False)
        return
    for c in filas:
        consola.print(
            f"{c['creada_en']}  {seguro(_describir({**c, 'sha256': c.get('sha256') or ''}))}",
            highlight=False,
            soft_wrap=True,
        )


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def revisar(
    db: Path = OPCION_DB,
    salida: Path = typer.Option(
        Path("revision.html"),
        "--salida",
        "-o",
        metavar="ARCHIVO.html",
        help="Página HTML que se escribe (funciona sin conexión).",
    ),
    archivo: Optional[str] = typer.Option(
        None,
        "--archivo",
        "-a",
        show_default=False,
        metavar="ARCHIVO",
        help="Solo este informe (nombre del archivo, ruta o informe_id).",
    ),
    minimo: float = typer.Option(
        0.8, "--minimo", metavar="0-1", help="Se revisan las cifras con confianza menor que este valor."
    ),
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Escribe una página HTML con las cifras dudosas junto al pedazo de la página de donde salieron.

    Se listan las cifras con error del validador, con confianza baja y las cifras de las tablas que no llegaron
    a ninguna observación: para cada una, el recorte de la página del PDF con la celda enmarcada (en una hoja de
    cálculo, las celdas de alrededor), la cifra como se leyó, el mensaje del hallazgo y cómo se leyeron las
    columnas de su tabla. La página permite buscar, filtrar y decidir; las decisiones se descargan como JSON y se
    aplican con informes corregir --desde.

    Ejemplo: informes revisar --db indicadores.duckdb --salida revision.html --minimo 0.8
    """
    from pipelines.salidas.revisar import ErrorRevision
    from pipelines.salidas.revisar import revisar as escribir

    if archivo and Path(archivo).is_file():
        archivo = str(Path(archivo).resolve())
    with _base(db, debug, salida=salida) as con:
        try:
            r = escribir(con, salida, minimo=minimo, archivo=archivo)
        except ErrorRevision as exc:
            _salir(str(exc), debug)
    consola.print(
        f"{r.entradas} cifra(s) por revisar en {r.informes} informe(s), {r.recortes} recorte(s) de "
        f"página. Abra {seguro(r.html)}",
        highlight=False,
        soft_wrap=True,
    )
