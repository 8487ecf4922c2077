"""Command `informes cargar`: files and folders into the store (pipelines/carga), with progress and the summary of the load."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from pipelines.carga.limites import ESPERA_DB, Limites
from pipelines.carga.progreso import Avance
from pipelines.cli.base import (
    _AYUDA_DB,
    _AYUDA_DB_ORDEN,
    _AYUDA_DEBUG,
    _ETIQUETAS,
    DB_POR_DEFECTO,
    VARIABLE_DB,
    _cobertura,
    _Comando,
    _conteo_severidades,
    _texto_severidades,
    _db_configurada,
    _error,
    _salir,
    _texto,
    app,
    consola,
    errores,
    seguro,
)

if TYPE_CHECKING:
    from pipelines.carga.cargar import ResultadoCarga


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def cargar(
    rutas: Optional[list[Path]] = typer.Argument(
        None,
        help="Archivos .pdf, .docx, .xlsx, .xlsm, .xls, .ods, .csv, .html o .pptx, o carpetas (se recorren con sus subcarpetas).",
        show_default=False,
        metavar="RUTAS",
        readable=False,  # an unreadable file fails alone, in Spanish
    ),
    db: Path = typer.Option(
        DB_POR_DEFECTO,
        "--db",
        envvar=VARIABLE_DB,
        show_envvar=True,
        callback=_db_configurada,
        metavar="ARCHIVO",
        help=_AYUDA_DB + " Se crea si no existe." + _AYUDA_DB_ORDEN,
    ),
    forzar: bool = typer.Option(
        False, "--forzar", help="Vuelve a extraer y reemplaza los informes aunque no hayan cambiado."
    ),
    trabajadores: int = typer.Option(
        1, "--trabajadores", "-t", help="Procesos que extraen en paralelo (la escritura es una sola)."
    ),
    limite_tiempo: float = typer.Option(
        Limites.tiempo,
        "--limite-tiempo",
        metavar="SEGUNDOS",
        help="Tiempo máximo para leer cada archivo; si lo supera, el archivo falla y la carga sigue.",
    ),
    limite_memoria: int = typer.Option(
        Limites.memoria_mb,
        "--limite-memoria",
        metavar="MB",
        help="Memoria máxima (espacio de direcciones) del proceso que lee cada archivo.",
    ),
    limite_paginas: int = typer.Option(
        Limites.paginas, "--limite-paginas", metavar="N", help="Número máximo de páginas de un PDF."
    ),
    espera_db: float = typer.Option(
        ESPERA_DB,
        "--espera-db",
        metavar="SEGUNDOS",
        help="Cuánto esperar si otro proceso está usando la base de datos.",
    ),
    incluir_ocultas: bool = typer.Option(
        False,
        "--incluir-ocultas",
        help="Lee también las hojas, filas y columnas ocultas de las hojas de cálculo y las diapositivas "
        "ocultas de las presentaciones (con --forzar si el archivo ya se cargó).",
    ),
    dask: Optional[str] = typer.Option(
        None,
        "--dask",
        metavar="tcp://HOST:8786",
        show_default=False,
        help="Extrae en un clúster de Dask (dirección del planificador); la escritura sigue siendo local.",
    ),
    rutas_compartidas: bool = typer.Option(
        False,
        "--rutas-compartidas",
        help="Con --dask: los trabajadores leen los archivos en la misma ruta (almacenamiento compartido) "
        "en lugar de recibir su contenido.",
    ),
    detalle: bool = typer.Option(
        False, "--detalle", help="Muestra la tabla de todos los archivos y la lista completa de omitidos."
    ),
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Extrae los informes y los guarda en la base de datos (uno por transacción).

    Las carpetas se recorren con sus subcarpetas; los archivos de otros tipos se
    omiten (se informan al final), y también los que necesitan LibreOffice o
    Tesseract si no están instalados (se dice qué instalar; la próxima carga los
    lee). Interrumpida (Ctrl-C o kill), la carga se
    continúa volviendo a ejecutar el mismo comando: los informes ya guardados no
    se vuelven a leer.

    Ejemplo: informes cargar informes/ --db indicadores.duckdb --trabajadores 2
    """
    import pipelines.carga.cargar as carga
    from pipelines.carga.aislamiento import adelantar, precargar_tambien
    from pipelines.carga.cargar import ErrorCarga, cargar_rutas, razon_os, recorrer

    carga.ARROW_SIN_PANDAS = True  # this process never gives pyarrow pandas objects
    carga.NUMPY_SIN_HILOS = True  # nor makes numeric work of its own
    precargar_tambien("pipelines.cli")  # what the `informes` script imports, run again in each child

    if not rutas:
        _salir("Indique al menos un archivo o carpeta para cargar.")
    if trabajadores < 1:
        _salir("--trabajadores debe ser 1 o más.")
    if limite_tiempo <= 0 or limite_memoria <= 0 or limite_paginas < 1 or espera_db < 0:
        _salir(
            "--limite-tiempo, --limite-memoria y --limite-paginas deben ser mayores que 0, "
            "y --espera-db no puede ser negativo."
        )
    limites = Limites(tiempo=limite_tiempo, memoria_mb=limite_memoria, paginas=limite_paginas, ocultas=incluir_ocultas)
    archivos, omitidos = recorrer(rutas)
    # One file: its reading process starts now, before this one imports
    # DuckDB and opens the store (pipelines/carga/aislamiento.py).
    adelantado = None if dask else adelantar(archivos, limites)
    try:  # the child started in advance never outlives the load (nor an interrupted import)
        from pipelines.almacen import ErrorAlmacen

        hechos: list[ResultadoCarga] = []
        try:
            with Avance(consola, len(archivos)) as avance:

                def al_terminar(r: ResultadoCarga) -> None:
                    hechos.append(r)
                    avance.terminado(r)

                resultados = (
                    cargar_rutas(
                        archivos,
                        db,
                        forzar=forzar,
                        trabajadores=trabajadores,
                        limites=limites,
                        espera_db=espera_db,
                        al_terminar=al_terminar,
                        al_planificar=avance.planificar,
                        cluster=dask,
                        enviar_archivos=not rutas_compartidas,
                        adelantado=adelantado,
                        al_avisar=lambda aviso: consola.print(f"[yellow]Aviso:[/] {escape(aviso)}", soft_wrap=True),
                    )
                    if archivos
                    else []
                )
        except KeyboardInterrupt:
            _interrumpida(hechos)
        except (ErrorAlmacen, ErrorCarga) as exc:
            _salir(str(exc), debug)
        except OSError as exc:
            _salir(f"{exc.filename or db}: {razon_os(exc)}", debug)
        except Exception as exc:  # noqa: BLE001 - a one-liner unless --debug
            _salir(f"error inesperado ({type(exc).__name__}: {exc})", debug)
    finally:
        if adelantado is not None:
            adelantado.cerrar()
    if not resultados:
        _resumen_omitidos(omitidos, detalle)
        _salir(
            "No se encontraron archivos .pdf, .docx, hojas de cálculo, presentaciones ni páginas web en las rutas indicadas."
        )
    if detalle or len(resultados) <= FILAS_TABLA_CARGA:
        consola.print(_tabla_carga(resultados, consola.width))
    _resumen_carga(resultados, omitidos, detalle)
    _resumen_correcciones(resultados)
    _aviso_hallazgos(db, resultados)
    for r in resultados:
        for aviso in r.avisos:
            errores.print(f"[yellow]Aviso:[/] {seguro(aviso)}", soft_wrap=True, highlight=False)
    fallidos = [r for r in resultados if r.fallido]
    for r in fallidos:
        _error(r.motivo or r.archivo, r.traza, debug)
    if fallidos:
        raise typer.Exit(1)


FILAS_TABLA_CARGA = 200  # more files than this: totals only (the whole table with --detalle)
OMITIDOS_LISTADOS = 20  # skipped files listed by name (all of them with --detalle)


def _interrumpida(hechos: list[ResultadoCarga]) -> NoReturn:
    """Ctrl-C: the workers are already ended and the report being written
    rolled back (pipelines.carga.cargar); say how to go on, exit 130."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C does not cut this message
    n = sum(r.resultado in ("cargado", "reemplazado") for r in hechos)
    cargados = "1 archivo cargado" if n == 1 else f"{n} archivos cargados"
    errores.print(
        f"Carga interrumpida: {cargados}; vuelva a ejecutar el mismo comando para continuar.",
        soft_wrap=True,
        highlight=False,
    )
    raise typer.Exit(130)


def _resumen_carga(resultados: list[ResultadoCarga], omitidos: list[Path], detalle: bool) -> None:
    """One line: cargados / reemplazados / sin cambios / fallidos / omitidos
    (other file types and files that need a missing program), then the
    skipped files."""
    conteo = {k: sum(r.resultado == k for r in resultados) for k in _ETIQUETAS}
    n_omitidos = len(omitidos) + conteo["omitido"]
    partes = [f"{conteo['cargado']} {'cargado' if conteo['cargado'] == 1 else 'cargados'}"]
    if conteo["reemplazado"]:
        partes.append(f"{conteo['reemplazado']} {'reemplazado' if conteo['reemplazado'] == 1 else 'reemplazados'}")
    partes.append(f"{conteo['sin_cambios']} sin cambios")
    partes.append(f"{conteo['fallido']} {'fallido' if conteo['fallido'] == 1 else 'fallidos'}")
    partes.append(f"{n_omitidos} {'omitido' if n_omitidos == 1 else 'omitidos'}")
    consola.print("Resumen: " + ", ".join(partes) + ".", highlight=False)
    _resumen_omitidos(omitidos, detalle)
    _resumen_sin_programa([r for r in resultados if r.omitido], detalle)


def _resumen_correcciones(resultados: list[ResultadoCarga]) -> None:
    """One line per report read with a reading template or with stored corrections (informes corregir)."""
    for r in resultados:
        if r.plantillas:
            tablas = ", ".join(f"tabla {t} con la plantilla {p}" for t, p in sorted(r.plantillas.items()))
            consola.print(
                f"Plantilla de lectura aplicada: {seguro(r.archivo)}: {tablas} "
                "(corrección guardada con informes corregir).",
                highlight=False,
                soft_wrap=True,
            )
        if r.correcciones:
            consola.print(
                f"Correcciones aplicadas: {seguro(r.archivo)}: {r.correcciones} cifra(s) con el nombre "
                "corregido o rechazadas.",
                highlight=False,
                soft_wrap=True,
            )


def _resumen_sin_programa(omitidos: list[ResultadoCarga], detalle: bool) -> None:
    """Per missing program, one line with what to install, then the files."""

    por_programa: dict[tuple, list[ResultadoCarga]] = {}
    for r in omitidos:
        por_programa.setdefault((r.programa, r.instalar), []).append(r)
    for (programa, instalar), grupo in por_programa.items():
        n = len(grupo)
        cuantos = "1 omitido: necesita" if n == 1 else f"{n} omitidos: necesitan"
        consola.print(
            f"{cuantos} {escape(programa or '')}, que no está instalado. Para "
            f"{'leerlo' if n == 1 else 'leerlos'}: {escape(instalar or '')} y vuelva a cargar.",
            highlight=False,
            soft_wrap=True,
        )
        mostrar = grupo if detalle else grupo[:OMITIDOS_LISTADOS]
        for r in mostrar:
            consola.print(f"  {escape(str(r.ruta))}", highlight=False, soft_wrap=True)
        if len(mostrar) < n:
            consola.print(f"  … y {n - len(mostrar)} más (todos con --detalle)", highlight=False)


def _resumen_omitidos(omitidos: list[Path], detalle: bool) -> None:
    if not omitidos:
        return
    por_tipo: dict[str, int] = {}
    for p in omitidos:
        tipo = p.suffix.lower() or "(sin extensión)"
        por_tipo[tipo] = por_tipo.get(tipo, 0) + 1
    tipos = ", ".join(f"{t} ({n})" for t, n in sorted(por_tipo.items(), key=lambda kv: (-kv[1], kv[0])))
    consola.print(f"Omitidos (no son informes que se puedan cargar): {seguro(tipos)}", highlight=False)
    mostrar = omitidos if detalle else omitidos[:OMITIDOS_LISTADOS]
    for p in mostrar:
        consola.print(f"  {seguro(p)}", highlight=False, soft_wrap=True)
    if len(mostrar) < len(omitidos):
        consola.print(f"  … y {len(omitidos) - len(mostrar)} más (todos con --detalle)", highlight=False)


_NOMBRES_RESULTADO = {
    "cargado": "cargado",
    "reemplazado": "reemplazado",
    "sin_cambios": "sin cambios",
    "fallido": "fallido",
    "omitido": "omitido",
}


def _tabla_carga(resultados: list[ResultadoCarga], ancho: int) -> Table:
    """One line per file at any screen width `ancho`: the file name, year,
    observations and result always; then, while they fit, the entity (cut
    with "…" when long), the unmapped rows and the office. The Resumen line
    below has the counts by result."""
    leidos = [not (r.fallido or r.omitido) for r in resultados]
    celdas = {
        "archivo": [r.archivo for r in resultados],
        "entidad": [r.entidad or "" for r in resultados],
        "dependencia": [r.dependencia or "" for r in resultados],
        "vigencia": ["" if r.vigencia is None else str(r.vigencia) for r in resultados],
        "observaciones": [str(r.observaciones) if l else "" for r, l in zip(resultados, leidos)],
        "no_mapeadas": [str(r.no_mapeadas) if l else "" for r, l in zip(resultados, leidos)],
        "cobertura": [_cobertura(r.cobertura) if l else "" for r, l in zip(resultados, leidos)],
        "resultado": [_NOMBRES_RESULTADO[r.resultado] for r in resultados],
    }
    pies = {
        "archivo": "Total",
        "observaciones": str(sum(r.observaciones for r in resultados)),
        "no_mapeadas": str(sum(r.no_mapeadas for r in resultados)),
    }
    largos = {
        "archivo": "Archivo",
        "entidad": "Entidad",
        "dependencia": "Dependencia",
        "vigencia": "Año",
        "observaciones": "Observaciones",
        "no_mapeadas": "Filas no mapeadas",
        "cobertura": "Cobertura",
        "resultado": "Resultado",
    }
    cortos = {**largos, "observaciones": "Obs.", "no_mapeadas": "Sin mapear"}

    def medida(clave: str, titulos: dict) -> int:
        return max([len(titulos[clave]), len(pies.get(clave, ""))] + [len(c) for c in celdas[clave]])

    def columnas(titulos: dict) -> dict[str, int]:
        """Width of each column shown. A box.SIMPLE_HEAD table is its
        columns plus 3 spaces per column and 1."""
        anchos = {c: medida(c, titulos) for c in ("vigencia", "observaciones", "resultado")}
        libre = ancho - 1 - sum(a + 3 for a in anchos.values()) - 3
        anchos["archivo"] = min(medida("archivo", titulos), max(10, libre))  # cut only on a very narrow screen
        libre -= anchos["archivo"]
        for clave, minimo in (("entidad", 14), ("no_mapeadas", None), ("cobertura", None), ("dependencia", 14)):
            necesario = medida(clave, titulos)  # text columns may be cut down to `minimo`; numbers never
            cabe = min(necesario, libre - 3)
            if any(celdas[clave]) and cabe >= min(necesario, minimo or necesario):
                anchos[clave] = cabe
                libre -= cabe + 3
        return anchos

    titulos = largos
    anchos = columnas(largos)
    if any(anchos.get(c) != medida(c, largos) for c in celdas if any(celdas[c])):
        titulos, anchos = cortos, columnas(cortos)  # something is cut or left out: short headers
    tabla = Table(title="Carga de informes", show_footer=True, box=box.SIMPLE_HEAD)
    orden = [c for c in titulos if c in anchos]
    for c in orden:
        derecha = c in ("vigencia", "observaciones", "no_mapeadas", "cobertura")
        tabla.add_column(
            titulos[c],
            pies.get(c, ""),
            width=anchos[c],
            no_wrap=True,
            overflow="ellipsis",
            justify="right" if derecha else "left",
        )
    for i, r in enumerate(resultados):
        tabla.add_row(*[_ETIQUETAS[r.resultado] if c == "resultado" else _texto(celdas[c][i]) for c in orden])
    return tabla


def _aviso_hallazgos(db: Path, resultados: list[ResultadoCarga]) -> None:
    """One line with the validator's findings on the reports just loaded."""
    import duckdb

    import pipelines.almacen as almacen
    from pipelines.almacen import ErrorAlmacen

    ids = {r.informe_id for r in resultados if r.informe_id and not r.fallido}
    if not ids:
        return
    contados = {r.informe_id: r.hallazgos for r in resultados if r.informe_id in ids and r.hallazgos is not None}
    if set(contados) == ids:  # every report was written now: counted with the writer's connection
        conteo: dict[str, int] = {}
        for por_severidad in contados.values():
            for severidad, n in por_severidad.items():
                conteo[severidad] = conteo.get(severidad, 0) + n
        if conteo:
            consola.print(
                f"Hallazgos del validador: {_texto_severidades(conteo)}. "
                f"Véalos con: informes validar --db {seguro(db)}",
                soft_wrap=True,
            )
        return
    try:
        con = almacen.abrir(db, solo_lectura=True)
        try:
            filas = [h for h in almacen.hallazgos(con) if h["informe_id"] in ids]
        finally:
            con.close()
    except (ErrorAlmacen, duckdb.Error):
        return  # the load itself went fine; `informes validar` will say more
    if filas:
        consola.print(
            f"Hallazgos del validador: {_conteo_severidades(filas)}. Véalos con: informes validar --db {seguro(db)}",
            soft_wrap=True,
        )
