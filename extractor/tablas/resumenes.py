"""Summary sheets of a workbook: a sheet whose figures repeat those written
in several other sheets (Cali's "Marzo de 2024" lists, per organismo, the
totals that each organismo's own sheet gives) is a summary. Its repeated
figures are not observations a second time; the sheet is reported in
`filas_no_mapeadas` ("hoja de resumen") with how many of its figures repeat
and where. Figures of the summary found nowhere else stay. A detail sheet
whose figures the summary repeats is not a summary: its repeats are all in
one sheet."""

from __future__ import annotations

from typing import Optional

from extractor.modelo import Documento
from extractor.castellano.numeros import leer_numero
from extractor.resultado import FilaNoMapeada, Observacion

MINIMO = 5  # distinct significant figures a sheet needs to be judged
PROPORCION = 0.5  # share of them written in other sheets that makes it a summary
HOJAS_MINIMAS = 3  # ...gathered from at least this many sheets


def _significativo(v: float, pesos: bool = False) -> Optional[float]:
    """The figure as a comparable value; None for figures too common to
    tell anything (0, 100, small counts)."""
    v = float(v)
    if abs(v) < 10 or v == 100 or (v.is_integer() and abs(v) < 1000 and not pesos):
        return None
    return round(v, 4)


def _cifras_por_hoja(doc: Documento) -> dict[int, set[float]]:
    salida: dict[int, set[float]] = {}
    for tabla in doc.tablas:
        for c in tabla.celdas:
            n = leer_numero(c.texto) if c.texto and len(c.texto) < 40 else None
            v = _significativo(n.valor) if n is not None else None
            if v is not None:
                salida.setdefault(c.pagina, set()).add(v)
    return salida


def _cifras_por_fila(doc: Documento) -> dict[tuple[int, int, int], set[float]]:
    """Every figure of each table row, small ones too: (sheet, table, row) → values."""
    salida: dict[tuple[int, int, int], set[float]] = {}
    for tabla in doc.tablas:
        for c in tabla.celdas:
            n = leer_numero(c.texto) if c.texto and len(c.texto) < 40 else None
            if n is not None:
                salida.setdefault((c.pagina, tabla.indice, c.fila), set()).add(round(float(n.valor), 4))
    return salida


def _resumenes_por_filas(observaciones: list[Observacion], doc: Documento) -> dict[int, tuple[set, set[int], int]]:
    """Summary sheets told by whole rows: a sheet most of whose rows repeat,
    all their figures together, one row of another sheet ("Corte septiembre":
    meta 95 %, resultado 99 %, cumplimiento 104,2 % are the September row of
    the indicator's own sheet), the rows coming from several sheets. Small
    figures count here: three of them together in one row do not repeat by
    chance. Returns, per summary sheet, its repeated (table, row) keys, the
    sheets they come from and how many rows with figures it has."""
    filas: dict[int, dict[tuple[int, int], set[float]]] = {}
    for o in observaciones:
        if o.pagina is not None and o.tabla is not None and o.fila is not None:
            filas.setdefault(o.pagina, {}).setdefault((o.tabla, o.fila), set()).add(round(float(o.valor), 4))
    if len(filas) < 2:
        return {}
    otras = _cifras_por_fila(doc)
    salida: dict[int, tuple[set, set[int], int]] = {}
    for pagina, propias in filas.items():
        con_cifras = {k: v for k, v in propias.items() if len(v) >= 2}
        if len(con_cifras) < HOJAS_MINIMAS:
            continue
        repetidas: set = set()
        hojas: set[int] = set()
        for clave, valores in con_cifras.items():
            origen = next((p for (p, _, _), cifras in otras.items() if p != pagina and valores <= cifras), None)
            if origen is not None:
                repetidas.add(clave)
                hojas.add(origen)
        if len(repetidas) > PROPORCION * len(con_cifras) and len(hojas) >= HOJAS_MINIMAS:
            salida[pagina] = (repetidas, hojas, len(con_cifras))
    return salida


def quitar_resumenes(observaciones: list[Observacion], doc: Documento) -> tuple[list[Observacion], list[FilaNoMapeada]]:
    propias: dict[int, set[float]] = {}
    for o in observaciones:
        k = _significativo(o.valor, o.unidad == "pesos")
        if k is not None and o.pagina is not None and o.tabla is not None:
            propias.setdefault(o.pagina, set()).add(k)
    con_tablas = {t.celdas[0].pagina for t in doc.tablas if t.celdas}
    if len(propias) < 1 or len(con_tablas) < HOJAS_MINIMAS + 1:
        return observaciones, []  # a summary gathers figures from several other sheets
    cifras = _cifras_por_hoja(doc)
    resumenes: dict[int, tuple[set[float], set[int]]] = {}
    for pagina, valores in propias.items():
        if len(valores) < MINIMO:
            continue
        comunes = {p: valores & otras for p, otras in cifras.items() if p != pagina and valores & otras}
        if not comunes:
            continue
        repetidas = set().union(*comunes.values())
        # without the sheet it shares most with (the summary, for a detail
        # sheet), a summary still repeats most of its figures
        mayor = max(comunes, key=lambda p: len(comunes[p]))
        sin_mayor = set().union(set(), *(v for p, v in comunes.items() if p != mayor))
        if len(sin_mayor) >= PROPORCION * len(valores) and len(comunes) >= HOJAS_MINIMAS:
            resumenes[pagina] = (repetidas, set(comunes))
    cuentas = {p: f"{len(r)} de sus {len(propias[p])} cifras" for p, (r, _) in resumenes.items()}
    for pagina, (repetidas, hojas, total) in _resumenes_por_filas(observaciones, doc).items():
        if pagina not in resumenes:
            resumenes[pagina] = (repetidas, hojas)
            cuentas[pagina] = f"{len(repetidas)} de sus {total} filas"
    if not resumenes:
        return observaciones, []
    quedan: list[Observacion] = []
    quitadas: dict[int, int] = {}
    for o in observaciones:
        if o.pagina in resumenes and (
            _significativo(o.valor, o.unidad == "pesos") in resumenes[o.pagina][0]
            or (o.tabla, o.fila) in resumenes[o.pagina][0]
        ):
            quitadas[o.pagina] = quitadas.get(o.pagina, 0) + 1
            continue
        quedan.append(o)
    nombres = {b.pagina: b.texto for b in doc.textos if b.estilo == "Hoja"}
    notas = [
        FilaNoMapeada(
            texto=f"Hoja «{nombres.get(pagina, pagina)}»",
            motivo=f"hoja de resumen: {cuentas[pagina]} están en otras "
            f"{len(hojas)} hojas; esas {quitadas.get(pagina, 0)} observaciones no se duplican",
            pagina=pagina,
        )
        for pagina, (repetidas, hojas) in sorted(resumenes.items())
    ]
    return quedan, notas
