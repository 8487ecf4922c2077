"""How each table of a document was read: `LecturaTabla` is filled by
`filas.interpretar_tabla` as it decides (header rows, each column's role,
measure, period and scale); `TablaLeida` adds each row's role and the
figures it gave, for `informes ver` (`extractor.informe.interpretar.leer`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from extractor.tablas.columnas import Columna
from extractor.tablas.fichas import Fichas
from extractor.modelo import Tabla
from extractor.resultado import FilaNoMapeada, MetadatosInforme, Observacion

# Row roles, in the order the legend lists them (Spanish names: users read them).
ROLES_FILA = {
    "encabezado": "encabezado",
    "indicador": "indicador",
    "padre": "padre (título o programa)",
    "total": "total",
    "subencabezado": "subencabezado (periodos)",
    "no_mapeada": "no mapeada",
    "vacia": "vacía",
}

# The reasons filas.interpretar_tabla gives for rows without figures that are
# not failures: the row's role follows from them. Any other reason is "no_mapeada".
_POR_MOTIVO = (
    ("fila vacía", "vacia"),
    ("fila de título o programa", "padre"),
    ("fila de subencabezado", "subencabezado"),
)


@dataclass
class LecturaTabla:
    """What `interpretar_tabla` decided about one table's layout (it calls `anotar`)."""

    n_encabezado: int = 0
    columnas: list[Columna] = field(default_factory=list)
    etiqueta: Optional[int] = None  # the column that names the indicator
    # reading templates (extractor/tablas/plantillas.py) handed in, and the one applied to this table
    plantillas: tuple = ()
    plantilla: Optional[str] = None

    def anotar(self, n_encabezado: int, columnas: list[Columna], etiqueta: int) -> None:
        self.n_encabezado, self.columnas, self.etiqueta = n_encabezado, list(columnas), etiqueta

    def corregir(self, columnas: list[Columna], ctx) -> list[Columna]:
        """The columns as a matching reading template corrects them (as they are without one)."""
        if not self.plantillas:
            return columnas
        from extractor.tablas.plantillas import aplicar

        columnas, plantilla = aplicar(columnas, self.plantillas, ctx)
        self.plantilla = plantilla.plantilla_id if plantilla else None
        return columnas


@dataclass
class TablaLeida:
    tabla: Tabla
    lectura: LecturaTabla
    observaciones: list[Observacion]
    no_mapeadas: list[FilaNoMapeada]
    roles: dict[int, str] = field(default_factory=dict)  # row → ROLES_FILA key
    motivos: dict[int, str] = field(default_factory=dict)  # row → why it gave no figure

    @property
    def paginas(self) -> list[int]:
        return self.tabla.paginas


@dataclass
class Lectura:
    metadatos: MetadatosInforme
    tablas: list[TablaLeida]
    narrativa: list[Observacion]  # money and named results read from the prose (no table)


def rol_de_motivo(motivo: str) -> str:
    for prefijo, rol in _POR_MOTIVO:
        if motivo.startswith(prefijo):
            return rol
    return "no_mapeada"


def observaciones_de_tabla(
    tabla: Tabla,
    ctx,
    planifica: bool,
    titulos: Optional[list[str]],
    lectura: "LecturaTabla",
    nombre_corto: Optional[str] = None,
    fichas: Optional[Fichas] = None,
) -> tuple[list[Observacion], list[FilaNoMapeada]]:
    """A table's observations and unmapped rows. `fichas`: the document's
    indicator data sheets (extractor/tablas/fichas.py): a key/value table of
    one gives its fields; a table below one is about its indicator."""
    from extractor.tablas.fichas import leer_tabla_de_campos
    from extractor.tablas.filas import interpretar_tabla
    from extractor.tablas.periodos_de_fila import con_periodos_de_fila

    from extractor.tablas.tabla_larga import ancha
    from extractor.tablas.traspuesta import de_lado, girada

    if fichas is not None and (de_campos := fichas.de_campos.get(tabla.indice)):
        obs, skipped = leer_tabla_de_campos(tabla, de_campos, ctx)
    elif (larga := ancha(tabla)) is not None:  # one row per measure: read wide, provenance as printed
        obs, skipped = interpretar_tabla(larga[0], ctx, planifica, titulos, lectura=lectura)
        for o in obs:
            if o.fila is not None and o.columna is not None:
                o.fila, o.columna = larga[1].get((o.fila, o.columna), (o.fila, o.columna))
    elif de_lado(tabla):  # each column an indicator: read turned, provenance as printed
        obs, skipped = interpretar_tabla(girada(tabla), ctx, planifica, titulos, lectura=lectura)
        for o in obs:
            o.fila, o.columna = o.columna, o.fila
    else:
        obs, skipped = interpretar_tabla(
            tabla,
            ctx,
            planifica,
            titulos,
            lectura=lectura,
            nombre_corto=nombre_corto,
            ficha=fichas.de_tabla.get(tabla.indice) if fichas is not None else None,
        )
        obs = con_periodos_de_fila(tabla, obs, ctx)  # "Fecha iniciación | Fecha terminación" of each row
    obs, repetidas = _sin_acumulados_repetidos(obs)
    return obs, skipped + repetidas


def _sin_acumulados_repetidos(obs: list[Observacion]) -> tuple[list[Observacion], list[FilaNoMapeada]]:
    """One table's observations without a running total its own column
    already gave for the same indicator and period ("Total 2024 | … | 240"
    under "Acumulado" repeats December's 240 up to 31 December), and the
    repeats, reported. Only running totals: two rows of a plan with the same
    name and the same % or budget are two facts (Sincelejo's plan)."""
    vistas: dict[tuple, int] = {}
    unicas, repetidas = [], []
    for o in obs:
        clave = (
            o.columna,
            o.indicador,
            o.indicador_padre,
            o.descripcion,
            o.codigo,
            o.periodo_inicio,
            o.periodo_fin,
            o.valor,
        )
        if o.columna is None or o.medida != "acumulado":
            unicas.append(o)
        elif clave in vistas:
            motivo = f"repite la cifra de la fila {vistas[clave] + 1} de la misma columna (acumulado, mismo indicador y periodo)"
            repetidas.append(
                FilaNoMapeada(texto=o.valor_texto, pagina=o.pagina, tabla=o.tabla, fila=o.fila, motivo=motivo)
            )
        else:
            vistas[clave] = o.fila if o.fila is not None else -1
            unicas.append(o)
    return unicas, repetidas


def tabla_leida(
    tabla: Tabla, lectura: LecturaTabla, obs: list[Observacion], skipped: list[FilaNoMapeada]
) -> TablaLeida:
    """A table's reading with each row's role, from its observations and unmapped rows."""
    from extractor.tablas.filas import TOTAL

    leida = TablaLeida(tabla, lectura, obs, skipped)
    n_filas = tabla.n_filas
    for r in range(n_filas):
        leida.roles[r] = "vacia"
    for f in skipped:
        if f.fila is not None:
            leida.roles[f.fila] = rol_de_motivo(f.motivo)
            leida.motivos[f.fila] = f.motivo
    for o in obs:
        if o.fila is not None:
            es_total = TOTAL.match(o.indicador or "") is not None
            leida.roles[o.fila] = "total" if es_total or leida.roles.get(o.fila) == "total" else "indicador"
            leida.motivos.pop(o.fila, None)
    for r in range(min(lectura.n_encabezado, n_filas)):
        leida.roles[r] = "encabezado"
    return leida
