"""Command `informes ver` (registered on the app of
pipelines/cli/base.py; pipelines/cli/__init__.py imports this module): the reader's debugger, pipelines/salidas/ver.py."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from pipelines.cli.base import _AYUDA_DEBUG, _Comando, _salir, app, consola


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def ver(
    archivo: Path = typer.Argument(
        ..., help="Informe a mirar (PDF, Word, hoja de cálculo o página web).", show_default=False, metavar="ARCHIVO"
    ),
    pagina: Optional[list[str]] = typer.Option(
        None,
        "--pagina",
        "-p",
        metavar="N",
        help="Páginas a dibujar (hojas en una hoja de cálculo): 3, 3-5 o 1,4; se puede repetir. Por defecto, todas.",
    ),
    salida: Optional[Path] = typer.Option(
        None,
        "--salida",
        "-o",
        metavar="CARPETA",
        help="Carpeta de salida (por defecto ver-<archivo>/).",
        show_default=False,
    ),
    filas: Optional[list[str]] = typer.Option(
        None,
        "--filas",
        metavar="2-40",
        help="Filas de las rejillas HTML (en una hoja de cálculo, las filas de Excel); se puede repetir.",
    ),
    ppp: int = typer.Option(100, "--ppp", help="Resolución de las imágenes de página (puntos por pulgada)."),
    debug: bool = typer.Option(False, "--debug", help=_AYUDA_DEBUG),
) -> None:
    """Dibuja lo que leyó el lector: tablas, encabezados, rol de cada columna y fila, y cada cifra.

    Un PDF da una imagen por página (pagina-N.png) y un index.html que las reúne; un Word o una hoja de
    cálculo, un index.html con cada tabla como una rejilla.

    Ejemplo: informes ver informe.pdf --pagina 12-14 --salida revisar/
    """
    from extractor.errores import ErrorLectura
    from pipelines.salidas.ver import ErrorVer
    from pipelines.salidas.ver import ver as dibujar

    try:
        resultado = dibujar(archivo, pagina, salida, filas, ppp)
    except (ErrorLectura, ErrorVer) as exc:
        _salir(str(exc), debug)
    except MemoryError as exc:
        _salir(f"{archivo.name}: sin memoria al leer el archivo ({exc})", debug)
    que = "hoja(s)" if resultado.hojas else "página(s)"
    consola.print(
        f"{escape(archivo.name)}: {que} {escape(_lista(resultado.paginas))}, {resultado.tablas} tabla(s), "
        f"{resultado.cifras} cifra(s).",
        highlight=False,
    )
    if resultado.imagenes:
        consola.print(f"Imágenes: {len(resultado.imagenes)} en {escape(str(resultado.carpeta))}/", highlight=False)
    consola.print(f"Abra {escape(str(resultado.html))}", highlight=False)


def _lista(numeros: list[int]) -> str:
    from pipelines.salidas.ver import _lista as lista

    return lista(numeros)
