"""What extraction produces from one document: metadata, observations and
the table rows that gave none. The store (pipelines/almacen/) persists it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Optional

from extractor.modelo import BBox


@dataclass
class MetadatosInforme:
    entidad: Optional[str] = None
    dependencia: Optional[str] = None
    titulo: Optional[str] = None
    tipo_documento: Optional[str] = None  # esquemas/tipos_documento.yaml
    periodo_inicio: Optional[date] = None
    periodo_fin: Optional[date] = None
    fecha_corte: Optional[date] = None
    vigencia: Optional[int] = None
    pilar: Optional[str] = None
    linea_estrategica: Optional[str] = None
    programa: Optional[str] = None
    meta_producto: Optional[str] = None
    codigo_divipola: Optional[str] = None  # DANE code of the entity when the file states it ("25200")


@dataclass
class Observacion:
    indicador: str
    medida: str  # controlled vocabulary: esquemas/medidas.csv
    valor: float
    valor_texto: str  # the raw text the value was read from
    unidad: str  # controlled vocabulary: esquemas/unidades.csv
    periodo_inicio: Optional[date] = None
    periodo_fin: Optional[date] = None
    indicador_padre: Optional[str] = None
    descripcion: Optional[str] = None
    codigo: Optional[str] = None  # MGA or local code, always text
    acumulacion: Optional[str] = None  # acumulativo | no_acumulativo (esquemas/acumulacion.csv), if the row says
    tipo_gasto: Optional[str] = None  # funcionamiento | inversion
    fuente_financiacion: Optional[str] = None
    escala: Optional[str] = None  # e.g. "miles", "millones", "fraccion_de_meta"
    ambiguo: bool = False  # number format or scale is uncertain
    nota: Optional[str] = None
    confianza: float = 1.0
    # Figures read by OCR from a scanned page: Tesseract's confidence (0-1)
    # in the cell's words (`confianza` is then at most this); None otherwise.
    confianza_ocr: Optional[float] = None
    # provenance
    pagina: Optional[int] = None
    tabla: Optional[int] = None  # None for observations read from narrative text
    fila: Optional[int] = None
    columna: Optional[int] = None
    bbox: Optional[BBox] = None
    # spreadsheets: sheet name and cell as Excel writes them ("P3")
    hoja: Optional[str] = None
    celda: Optional[str] = None


@dataclass
class FilaNoMapeada:
    texto: str
    motivo: str  # Spanish, shown to users
    pagina: Optional[int] = None
    tabla: Optional[int] = None
    fila: Optional[int] = None


@dataclass
class CifraSinDestino:
    """A number of a table (or of a text line next to one) that became no
    observation, is in no unmapped row and is not classified as something
    other than a figure (extractor/informe/cobertura.py)."""

    texto: str  # the number as written
    contexto: str  # the cell's or line's text
    motivo: str  # Spanish, shown to users
    pagina: Optional[int] = None
    tabla: Optional[int] = None
    fila: Optional[int] = None
    columna: Optional[int] = None
    bbox: Optional[BBox] = None
    # spreadsheets: sheet name and cell as Excel writes them ("P3")
    hoja: Optional[str] = None
    celda: Optional[str] = None


@dataclass
class LecturaColumna:
    """How one column of a table was read (stored in columnas_leidas): what
    `informes revisar` shows and `informes corregir` corrects."""

    tabla: int
    columna: int
    encabezado: str
    rol: str  # "valor" or a text role (extractor/tablas/columnas.py ROLES_DE_TEXTO)
    medida: Optional[str] = None
    periodo_inicio: Optional[date] = None
    periodo_fin: Optional[date] = None
    escala: Optional[str] = None
    nombre: bool = False  # the column that names the indicator
    firma: str = ""  # the table's header signature (extractor/tablas/plantillas.py)
    plantilla: Optional[str] = None  # the reading template applied to the table


@dataclass
class InformeExtraido:
    archivo: str
    sha256: str
    formato: str
    paginas: int
    metadatos: MetadatosInforme
    observaciones: list[Observacion] = field(default_factory=list)
    no_mapeadas: list[FilaNoMapeada] = field(default_factory=list)
    # coverage audit (extractor/informe/cobertura.py): % of the numbers of tables and
    # of the lines next to them that are accounted for (None: no table), how
    # many were audited, by destination, and the ones left without one
    cobertura: Optional[float] = None
    cifras_auditadas: dict[str, int] = field(default_factory=dict)
    sin_destino: list[CifraSinDestino] = field(default_factory=list)
    # how each table's columns were read, and the reading templates applied
    # ({table: template id}; extractor/tablas/plantillas.py)
    columnas_leidas: list[LecturaColumna] = field(default_factory=list)
    plantillas: dict[int, str] = field(default_factory=dict)
    # reviewer corrections of the store applied to the rows (pipelines/carga/correcciones.py)
    correcciones_aplicadas: int = 0
