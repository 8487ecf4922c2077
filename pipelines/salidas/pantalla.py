"""Terminal tables that keep one line per row at any width (80 columns
included): `informes resumen`."""

from __future__ import annotations

from typing import Any, Callable

from rich import box
from rich.table import Table


def tabla_una_linea(
    titulo: str,
    columnas: list[tuple[str, str, str]],
    filas: list[dict[str, Any]],
    ancho: int,
    texto: Callable[[Any], str],
    recortables: dict[str, int],
) -> Table:
    """A box.SIMPLE_HEAD table with one line per row in `ancho` columns.
    columnas: (key, header, "izq" | "der"); numbers and short columns are
    never cut; the keys of `recortables` (text) get what is left, in order,
    cut with "…" down to their minimum width, and are left out below it."""
    valores = {c: [texto(f.get(c)) for f in filas] for c, _, _ in columnas}

    def medida(clave: str, titulo: str) -> int:
        return max([len(titulo)] + [len(v) for v in valores[clave]])

    anchos = {c: medida(c, t) for c, t, _ in columnas if c not in recortables}
    libre = ancho - 1 - sum(a + 3 for a in anchos.values())
    for clave, minimo in recortables.items():
        necesario = medida(clave, next(t for c, t, _ in columnas if c == clave))
        if not any(valores[clave]):
            continue
        cabe = min(necesario, libre - 3)
        if cabe >= min(necesario, minimo):
            anchos[clave] = cabe
            libre -= cabe + 3
    tabla = Table(title=titulo, title_justify="left", box=box.SIMPLE_HEAD)
    orden = [c for c, _, _ in columnas if c in anchos]
    for c, t, lado in columnas:
        if c in anchos:
            tabla.add_column(
                t, width=anchos[c], no_wrap=True, overflow="ellipsis", justify="right" if lado == "der" else "left"
            )
    for i in range(len(filas)):
        tabla.add_row(*[valores[c][i] for c in orden])
    return tabla
