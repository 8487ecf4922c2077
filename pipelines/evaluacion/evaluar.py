"""Compare the extractor with hand-made gold files.

For every `<id>.pdf` / `<id>.docx` (or workbook: .xlsx, .xlsm, .xls, .ods; CSV; web
page: .html, .htm; or legacy word processor: .doc, .rtf, .odt; presentation: .pptx, .ppt, .odp) in a folder that has `<id>.gold.csv`
(beside it, or in `gold/` when the documents are in `informes/`), an
extracted observation matches a gold row when indicador and indicador_padre
(normalized), medida, periodo_inicio, periodo_fin and tipo_gasto are equal
and valor is equal within 1e-6 relative. Matching counts repetitions
(multisets). Unidad is kept for reading but not compared. A gold file may
add the column `fuente_financiacion` (funding source of money figures,
"SGP salud"); then it is compared too, else it is ignored.
"""

from __future__ import annotations

import csv
import math
import traceback
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

from pipelines.texto import normalizar
from extractor.formatos import EXTENSIONES

COLUMNAS_GOLD = (
    "indicador",
    "indicador_padre",
    "medida",
    "periodo_inicio",
    "periodo_fin",
    "valor",
    "unidad",
    "tipo_gasto",
)
TOLERANCIA = 1e-6
CARPETA_INFORMES = "informes"  # corpus layout: the documents here,
CARPETA_GOLD = "gold"  # their <id>.gold.csv and <id>.meta.yaml here


class ErrorEvaluacion(Exception):
    """Error shown to users (Spanish message)."""


@dataclass
class Fila:
    """One observation in the terms the gold files use."""

    indicador: str
    indicador_padre: str
    medida: str
    periodo_inicio: str  # ISO date or ""
    periodo_fin: str
    valor: float
    unidad: str
    tipo_gasto: str
    # None in a gold file without the column: then it is not compared
    fuente_financiacion: Optional[str] = None

    def clave(self, con_fuente: bool = False) -> tuple:
        clave = (
            normalizar(self.indicador),
            normalizar(self.indicador_padre),
            self.medida,
            self.periodo_inicio,
            self.periodo_fin,
            self.tipo_gasto,
        )
        return clave + (normalizar(self.fuente_financiacion or ""),) if con_fuente else clave


def _metricas(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect only when the
    other is empty too."""
    precision = tp / (tp + fp) if tp + fp else float(fn == 0)
    recall = tp / (tp + fn) if tp + fn else float(fp == 0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


class ConMetricas:
    """Precision, recall and F1 of anything with tp, fp and fn (fields or
    properties of the subclass)."""

    @property
    def tp(self) -> int:
        raise NotImplementedError

    @property
    def fp(self) -> int:
        raise NotImplementedError

    @property
    def fn(self) -> int:
        raise NotImplementedError

    @property
    def precision(self) -> float:
        return _metricas(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return _metricas(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return _metricas(self.tp, self.fp, self.fn)[2]


@dataclass
class ResultadoDocumento(ConMetricas):
    documento: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    sobrantes: list[dict[str, Any]] = field(default_factory=list)  # extracted, not in gold
    faltantes: list[dict[str, Any]] = field(default_factory=list)  # gold, not extracted
    error: Optional[str] = None
    traza: Optional[str] = field(default=None, repr=False)


@dataclass
class Evaluacion(ConMetricas):
    documentos: list[ResultadoDocumento]

    @property
    def tp(self) -> int:
        return sum(d.tp for d in self.documentos)

    @property
    def fp(self) -> int:
        return sum(d.fp for d in self.documentos)

    @property
    def fn(self) -> int:
        return sum(d.fn for d in self.documentos)

    def como_dict(self) -> dict[str, Any]:
        def metricas(x) -> dict[str, Any]:
            return {"tp": x.tp, "fp": x.fp, "fn": x.fn, "precision": x.precision, "recall": x.recall, "f1": x.f1}

        return {
            "total": metricas(self),
            "documentos": [
                {
                    "documento": d.documento,
                    **metricas(d),
                    "error": d.error,
                    "sobrantes": d.sobrantes,
                    "faltantes": d.faltantes,
                }
                for d in self.documentos
            ],
        }


def _fecha(valor: Any, donde: str) -> str:
    if valor is None or valor == "":
        return ""
    if isinstance(valor, date):
        return valor.isoformat()
    try:
        return date.fromisoformat(str(valor).strip()).isoformat()
    except ValueError:
        raise ErrorEvaluacion(f"{donde}: fecha inválida {valor!r} (se espera AAAA-MM-DD).") from None


def leer_gold(ruta: Path) -> list[Fila]:
    with open(ruta, encoding="utf-8-sig", newline="") as f:
        lector = csv.DictReader(f)
        faltan = [c for c in COLUMNAS_GOLD if c not in (lector.fieldnames or [])]
        con_fuente = "fuente_financiacion" in (lector.fieldnames or [])
        if faltan:
            raise ErrorEvaluacion(f"{ruta.name}: faltan las columnas {', '.join(faltan)}.")
        filas = []
        for n, d in enumerate(lector, start=2):
            donde = f"{ruta.name}, línea {n}"
            try:
                valor = float(d["valor"].strip())
            except (ValueError, AttributeError):
                raise ErrorEvaluacion(f"{donde}: valor no numérico {d['valor']!r}.") from None
            filas.append(
                Fila(
                    d["indicador"] or "",
                    d["indicador_padre"] or "",
                    (d["medida"] or "").strip(),
                    _fecha(d["periodo_inicio"], donde),
                    _fecha(d["periodo_fin"], donde),
                    valor,
                    (d["unidad"] or "").strip(),
                    (d["tipo_gasto"] or "").strip(),
                    None if con_fuente is False else (d["fuente_financiacion"] or "").strip(),
                )
            )
    return filas


def fila_de_observacion(obs) -> Fila:
    return Fila(
        obs.indicador or "",
        obs.indicador_padre or "",
        (obs.medida or "").strip(),
        _fecha(obs.periodo_inicio, obs.indicador),
        _fecha(obs.periodo_fin, obs.indicador),
        float(obs.valor),
        obs.unidad or "",
        (obs.tipo_gasto or "").strip(),
        (getattr(obs, "fuente_financiacion", None) or "").strip(),
    )


def _mismo_valor(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOLERANCIA, abs_tol=1e-12)


def comparar(documento: str, extraidas: list[Fila], gold: list[Fila]) -> ResultadoDocumento:
    """Multiset matching of extracted rows against gold rows (with the
    funding source when the gold has it)."""
    con_fuente = any(g.fuente_financiacion is not None for g in gold)
    por_clave: dict[tuple, list[int]] = {}
    for j, fila in enumerate(extraidas):
        por_clave.setdefault(fila.clave(con_fuente), []).append(j)
    usadas: set[int] = set()
    faltantes = []
    for g in gold:
        pareja = next(
            (
                j
                for j in por_clave.get(g.clave(con_fuente), [])
                if j not in usadas and _mismo_valor(extraidas[j].valor, g.valor)
            ),
            None,
        )
        if pareja is None:
            faltantes.append(asdict(g))
        else:
            usadas.add(pareja)
    sobrantes = [asdict(e) for j, e in enumerate(extraidas) if j not in usadas]
    return ResultadoDocumento(documento, len(usadas), len(sobrantes), len(faltantes), sobrantes, faltantes)


def carpetas_de(carpeta: Path) -> tuple[Path, Path]:
    """(documents folder, gold folder) of an evaluation folder: a corpus laid
    out as `informes/` + `gold/` (the bundled corpus/), else the folder
    itself for both (documents next to their gold files)."""
    carpeta = Path(carpeta)
    informes, gold = carpeta / CARPETA_INFORMES, carpeta / CARPETA_GOLD
    if informes.is_dir() and gold.is_dir():
        return informes, gold
    return carpeta, carpeta


def documentos_con_gold(carpeta: Path) -> list[tuple[Path, Path]]:
    """(document, gold file) pairs of a folder (see carpetas_de), sorted by
    document name."""
    documentos, golds = carpetas_de(carpeta)
    pares = []
    for doc in sorted(documentos.iterdir()):
        gold = golds / f"{doc.stem}.gold.csv"
        if doc.is_file() and doc.suffix.lower() in EXTENSIONES and gold.is_file():
            pares.append((doc, gold))
    return pares


def evaluar(carpeta: Path, extraer: Optional[Callable] = None) -> Evaluacion:
    """Run the extractor on every document with a gold file and compare."""
    carpeta = Path(carpeta)
    if not carpeta.is_dir():
        raise ErrorEvaluacion(f"No existe la carpeta {carpeta}.")
    pares = documentos_con_gold(carpeta)
    if pares and extraer is None:
        from pipelines.carga.cargar import extractor_por_defecto

        extraer = extractor_por_defecto()
    resultados = []
    for doc, ruta_gold in pares:
        gold = leer_gold(ruta_gold)
        assert extraer is not None  # set above when there are documents
        try:
            extraidas = [fila_de_observacion(o) for o in extraer(doc).observaciones]
        except Exception as exc:  # noqa: BLE001 - a failing document counts as all missed
            error = str(exc) if str(exc).startswith(doc.name) else f"{doc.name}: {exc}"
            resultados.append(
                ResultadoDocumento(
                    doc.name,
                    fn=len(gold),
                    faltantes=[asdict(g) for g in gold],
                    error=error,
                    traza=traceback.format_exc(),
                )
            )
            continue
        resultados.append(comparar(doc.name, extraidas, gold))
    return Evaluacion(resultados)
