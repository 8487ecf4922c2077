"""Building blocks of the annotated corpus: report content as data.

Every report in `especificaciones/` is an `Informe` made of paragraphs and
tables. Figures are stored as true numbers and rendered with Colombian
formats (thousands ".", decimals ","), so the same data produces both the
document text and its gold observations.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Optional, Union

Numero = Union[int, float, Decimal]
# Formats a value for a cell: (value, unit of the row) -> text.
Formato = Callable[[Decimal, str], str]


# ---------------------------------------------------------------- numbers


def dec(v: Numero) -> Decimal:
    """Exact decimal of a spec value (floats go through their repr)."""
    return v if isinstance(v, Decimal) else Decimal(str(v))


def agrupar_miles(entero: int, separador: str = ".") -> str:
    return f"{entero:,}".replace(",", separador)


def numero_co(v: Numero, decimales: Optional[int] = None) -> str:
    """Colombian number: 10620 -> "10.620", 2987.5 -> "2.987,5".

    decimales=None keeps the decimals the value has (none for integers)."""
    d = dec(v)
    if decimales is None:
        d = d.normalize()
        decimales = max(0, -d.as_tuple().exponent)
    texto = f"{abs(d):.{decimales}f}"
    entero, _, fraccion = texto.partition(".")
    signo = "-" if d < 0 else ""
    salida = signo + agrupar_miles(int(entero))
    return salida + ("," + fraccion if fraccion else "")


def cantidad(decimales: Optional[int] = None, signo_pct: str = "%") -> Formato:
    """Physical quantities; rows whose unit is porcentaje get the % sign."""

    def formato(v: Decimal, unidad: str) -> str:
        texto = numero_co(v, decimales)
        return texto + signo_pct if unidad == "porcentaje" else texto

    return formato


def porcentaje(decimales: int = 1, separador: str = "") -> Formato:
    """Percent columns: 97.6 -> "97,6%" (separador=" " gives "97,6 %")."""
    return lambda v, unidad: numero_co(v, decimales) + separador + "%"


def pesos(simbolo: str = "$ ", decimales: Optional[int] = None) -> Formato:
    """Money: 1277800000 -> "$ 1.277.800.000", 612450300.5 ->
    "$ 612.450.300,50" (cents always with two digits); simbolo="" for bare
    figures."""

    def formato(v: Decimal, unidad: str) -> str:
        n = decimales
        if n is None:
            n = 0 if v == v.to_integral_value() else 2
        return simbolo + numero_co(v, n)

    return formato


def texto_valor(v: Numero) -> str:
    """Gold `valor`: "." decimal, no thousands separator, no trailing zeros."""
    d = dec(v).normalize()
    texto = format(d, "f")
    return "0" if texto in ("-0", "0") else texto


# ---------------------------------------------------------------- periods


def fin_de_mes(anio: int, mes: int) -> str:
    return f"{anio}-{mes:02d}-{calendar.monthrange(anio, mes)[1]:02d}"


# ---------------------------------------------------------------- content


@dataclass
class Obs:
    """An explicit gold observation (narrative sentences, text cells)."""

    medida: str
    valor: Numero
    inicio: Optional[str]
    fin: Optional[str]
    unidad: str = "pesos"
    tipo_gasto: Optional[str] = None
    indicador: Optional[str] = None  # None: the row's indicator
    padre: Optional[str] = None


@dataclass
class Parrafo:
    """A paragraph. `texto` may be a list of (text, bold) runs."""

    texto: Union[str, list[tuple[str, bool]]]
    estilo: str = "normal"  # normal | titulo | subtitulo | h1 | h2 | vineta
    centrado: bool = False
    negrita: bool = False
    obs: list[Obs] = field(default_factory=list)


@dataclass
class SaltoPagina:
    pass


@dataclass
class Enc:
    """A header cell; spans are counted in grid columns / rows."""

    texto: str
    columnas: int = 1
    filas: int = 1


@dataclass
class Columna:
    ancho_cm: float
    medida: Optional[str] = None  # None: text column (code, name, unit...)
    inicio: Optional[str] = None
    fin: Optional[str] = None
    unidad: Optional[str] = None  # None: the row's unit
    tipo_gasto: Optional[str] = None
    escala: Numero = 1  # 1_000_000 for "(en millones de pesos)"
    formato: Formato = field(default_factory=cantidad)
    alineacion: str = "centro"  # izquierda | centro | derecha
    espaciador: bool = False  # empty spacer column without rulings between ruled blocks


@dataclass
class Num:
    """A number written with explicit text ("2000", "$ 0", "0.25 %")."""

    valor: Numero
    texto: str


@dataclass
class Rico:
    """Literal text in runs of (text, bold)."""

    runs: list[tuple[str, bool]]


@dataclass
class Serie:
    """Monthly series in one cell: [("Junio", 6, 13114), ...]."""

    meses: list[tuple[str, int, Numero]]


@dataclass
class ConObs:
    """Literal (text or runs) cell that carries explicit observations."""

    texto: Union[str, Rico]
    obs: list[Obs] = field(default_factory=list)


@dataclass
class Arriba:
    """Body cell merged with the cell above it (a value merged down over
    several rows is written once, in the first row)."""


Contenido = Union[None, str, Numero, Num, Rico, Serie, ConObs, Arriba]


@dataclass
class Fila:
    celdas: list[Contenido]
    indicador: Optional[str] = None  # gold name; None: no observations
    padre: Optional[str] = None  # default: the current FilaPrograma
    unidad: str = "numero"
    tipo_gasto: Optional[str] = None  # overrides the column's
    periodos: dict[int, tuple[str, str]] = field(default_factory=dict)
    negrita: bool = False
    sombreado: Optional[str] = None


@dataclass
class FilaPrograma:
    """Heading row: one cell merged over the full width; it is the parent
    (indicador_padre) of the rows below it until the next one."""

    texto: str


@dataclass
class Tabla:
    columnas: list[Columna]
    encabezado: list[list[Enc]]
    filas: list[Union[Fila, FilaPrograma]]
    bordes: bool = True
    repetir_encabezado: bool = False
    tamano_letra: float = 8
    sombreado_encabezado: Optional[str] = "D9D9D9"
    sombreado_programa: Optional[str] = "EDEDED"
    encabezado_negrita: bool = True  # False: header cells in regular weight
    filas_sin_partir: bool = False  # True: no body row breaks across pages
    centrado_vertical: bool = False  # True: body cells centred vertically (Word's "Alinear al centro")


Bloque = Union[Parrafo, Tabla, SaltoPagina]


@dataclass
class Informe:
    id: str
    meta: dict  # expected metadata (written to <id>.meta.yaml)
    bloques: list[Bloque]
    encabezado_pagina: list[str]  # lines of the running page header
    pie_pagina: Optional[str] = None  # "{PAGINA}" becomes a PAGE field
    horizontal: bool = False
    fuente: str = "Arial"
    tamano_letra: float = 10
    margen_cm: float = 2.5
    autor: str = ""
    fecha_documento: str = ""  # ISO date of the DOCX core properties
    gold_manual: bool = False  # gold CSV written by hand, not generated
    titulos_con_estilo: bool = False  # h1/h2 use Word heading styles

    @property
    def vigencia(self) -> int:
        return int(self.meta["vigencia"])
