"""Score the extractor against hand-checked gold of real documents.

The gold format and its matching rule are those of
`shared/corpus-real/gold/README.md`: one JSON object keyed by file name, each
entry with its annotated scope (PDF pages, or a sheet and Excel rows) and its
observations (some `optional`, some `any_measure`). A prediction matches a
gold item when

- its name (`indicador_padre + " " + indicador`, accent- and case-folded,
  punctuation removed) has the gold item's name among its best fuzzy matches
  (rapidfuzz `token_set_ratio` >= 85) in the document's gold names;
- its `medida` is equal, or `any_measure` allows ejecutado/acumulado, or the
  gold says acumulado and the prediction ejecutado starting on the same day;
- its `periodo_fin` is equal (not checked for baselines);
- its `valor` is within 1e-6 relative (×100 and ÷100 too for percentages).

The budget chain of the store's vocabulary (apropiación, compromisos,
obligaciones, pagos) is compared as the gold's general money measures
(`equivale_a` in esquemas/medidas.csv).

Money items (`recursos_*`) match on medida and value only. Required items are
matched first (a maximum bipartite matching), then optional ones absorb what
is left. Only predictions inside the scope are judged.
"""

from __future__ import annotations

import json
import math
import re
import traceback
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Optional

from esquemas import medida_general
from pipelines.evaluacion.evaluar import ConMetricas, ErrorEvaluacion

UMBRAL_NOMBRE = 85
TOLERANCIA = 1e-6
SIMILARES = {("ejecutado", "acumulado"), ("acumulado", "ejecutado")}
CELDA = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")


def plegar(texto: Optional[str]) -> str:
    """Accent- and case-folded text without punctuation."""
    sin_tildes = "".join(c for c in unicodedata.normalize("NFKD", texto or "") if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", sin_tildes.lower()).split())


@dataclass
class Prediccion:
    indicador: str
    indicador_padre: str
    medida: str
    periodo_inicio: Optional[str]
    periodo_fin: Optional[str]
    valor: float
    unidad: str
    pagina: Optional[int]
    hoja: Optional[str] = None
    celda: Optional[str] = None

    @property
    def nombre(self) -> str:
        return plegar(f"{self.indicador_padre} {self.indicador}")

    @property
    def fila_excel(self) -> Optional[int]:
        m = CELDA.match(self.celda or "")
        return int(m.group(2)) if m else None


@dataclass
class Resultado(ConMetricas):
    documento: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    opcionales: int = 0  # predictions absorbed by optional items
    fuera_de_alcance: int = 0  # predictions outside the annotated scope (not judged)
    negativo: bool = False  # a document with no gold figure: count predictions
    faltantes: list[dict[str, Any]] = field(default_factory=list)
    sobrantes: list[dict[str, Any]] = field(default_factory=list)
    error: Optional[str] = None
    traza: Optional[str] = field(default=None, repr=False)

    def como_dict(self) -> dict[str, Any]:
        return {
            "documento": self.documento,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "opcionales": self.opcionales,
            "fuera_de_alcance": self.fuera_de_alcance,
            "negativo": self.negativo,
            "error": self.error,
            "faltantes": self.faltantes,
            "sobrantes": self.sobrantes,
        }


@dataclass
class EvaluacionGold(ConMetricas):
    documentos: list[Resultado]

    def _suma(self, campo: str) -> int:
        return sum(getattr(d, campo) for d in self.documentos if not d.negativo)

    @property
    def tp(self) -> int:
        return self._suma("tp")

    @property
    def fp(self) -> int:
        return self._suma("fp")

    @property
    def fn(self) -> int:
        return self._suma("fn")

    @property
    def f1_medio(self) -> float:
        """Macro F1 over the documents with gold figures."""
        con_gold = [d.f1 for d in self.documentos if not d.negativo]
        return sum(con_gold) / len(con_gold) if con_gold else 0.0

    def como_dict(self) -> dict[str, Any]:
        return {
            "total": {
                "tp": self.tp,
                "fp": self.fp,
                "fn": self.fn,
                "precision": self.precision,
                "recall": self.recall,
                "f1": self.f1,
                "f1_medio": self.f1_medio,
            },
            "documentos": [d.como_dict() for d in self.documentos],
        }


# ------------------------------------------------------------------ gold


def leer_gold_json(ruta: Path) -> dict[str, dict[str, Any]]:
    try:
        datos = json.loads(Path(ruta).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ErrorEvaluacion(f"{Path(ruta).name}: no se pudo leer ({exc.strerror}).") from None
    except json.JSONDecodeError as exc:
        raise ErrorEvaluacion(f"{Path(ruta).name}: JSON inválido (línea {exc.lineno}).") from None
    if not isinstance(datos, dict) or not all(isinstance(v, dict) for v in datos.values()):
        raise ErrorEvaluacion(f"{Path(ruta).name}: se espera un objeto con una entrada por documento.")
    for nombre, entrada in datos.items():
        for n, o in enumerate(entrada.get("observations") or [], start=1):
            faltan = [c for c in ("indicador", "medida", "valor") if c not in o]
            if faltan:
                raise ErrorEvaluacion(f"{Path(ruta).name}: {nombre}, observación {n}: falta {', '.join(faltan)}.")
    return datos


def en_alcance(p: Prediccion, entrada: dict[str, Any]) -> bool:
    """Whether a prediction lies in the annotated part of the document."""
    paginas = entrada.get("scope_pages")
    if paginas is not None:
        return p.pagina in set(paginas)
    # one sheet, or a list of them for a workbook annotated on several sheets
    hojas = _lista(entrada.get("scope_sheet"))
    if hojas and p.hoja is not None and p.hoja not in hojas:
        return False
    indices = _lista(entrada.get("scope_sheet_index"))
    if not hojas and indices and p.pagina not in indices:
        return False
    filas = filas_de_alcance(entrada.get("scope_rows"))
    if filas and p.fila_excel is not None:
        return filas[0] <= p.fila_excel <= filas[1]
    # a row range says nothing of a figure with no spreadsheet row (a web page's table, a text box)
    return True


def _lista(valor: Any) -> list:
    return [] if valor is None else list(valor) if isinstance(valor, (list, tuple)) else [valor]


def filas_de_alcance(alcance: Any) -> Optional[tuple[int, int]]:
    """Excel row range of a `scope_rows` value: `[2, 26]` or a text like
    "PDM rows 2..26"."""
    if isinstance(alcance, (list, tuple)) and alcance:
        return int(alcance[0]), int(alcance[-1])
    rango = r"(\d+)\s*(?:\.\.|-|–)\s*(\d+)"
    texto = str(alcance or "")
    # "PA 2025-2026 rows 7..14": the range after "rows", not the sheet name's years
    m = re.search(rf"\b(?:rows|filas)\s+{rango}", texto, re.IGNORECASE) or re.search(rango, texto)
    return (int(m.group(1)), int(m.group(2))) if m else None


# ------------------------------------------------------------------ matching


def _mismo_valor(predicho: float, gold: float, porcentaje: bool) -> bool:
    candidatos = (predicho, predicho * 100, predicho / 100) if porcentaje else (predicho,)
    return any(math.isclose(v, gold, rel_tol=TOLERANCIA, abs_tol=1e-9) for v in candidatos)


def _misma_medida(p: Prediccion, g: dict[str, Any]) -> bool:
    if medida_general(p.medida) == g["medida"]:
        return True
    if g.get("any_measure") and (p.medida, g["medida"]) in SIMILARES:
        return True
    return g["medida"] == "acumulado" and p.medida == "ejecutado" and p.periodo_inicio == g.get("periodo_inicio")


def coincide(p: Prediccion, g: dict[str, Any], nombres_p: frozenset[str]) -> bool:
    if not _misma_medida(p, g):
        return False
    if not _mismo_valor(p.valor, float(g["valor"]), plegar(g.get("unidad")) == "porcentaje"):
        return False
    if g["medida"].startswith("recursos_"):
        return True
    if g["medida"] != "linea_base" and (p.periodo_fin or None) != (g.get("periodo_fin") or None):
        return False
    return plegar(g["indicador"]) in nombres_p


def mejores_nombres(nombre: str, nombres_gold: list[str]) -> frozenset[str]:
    """The gold names that are the prediction's best fuzzy match (ties kept)."""
    from rapidfuzz import fuzz

    puntajes = [(fuzz.token_set_ratio(nombre, g), g) for g in nombres_gold]
    mejor = max((s for s, _ in puntajes), default=0)
    if mejor < UMBRAL_NOMBRE:
        return frozenset()
    return frozenset(g for s, g in puntajes if s == mejor)


def _emparejar(candidatos: list[list[int]], n_derecha: int) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths): left index → right index."""
    derecha: dict[int, int] = {}

    def aumentar(i: int, vistos: set[int]) -> bool:
        for j in candidatos[i]:
            if j in vistos:
                continue
            vistos.add(j)
            if j not in derecha or aumentar(derecha[j], vistos):
                derecha[j] = i
                return True
        return False

    for i in range(len(candidatos)):
        aumentar(i, set())
    return {i: j for j, i in derecha.items()}


def puntuar(documento: str, predicciones: list[Prediccion], entrada: dict[str, Any]) -> Resultado:
    gold = entrada.get("observations") or []
    juzgadas = [p for p in predicciones if en_alcance(p, entrada)]
    res = Resultado(documento, fuera_de_alcance=len(predicciones) - len(juzgadas))
    if not gold:
        res.negativo = True
        res.fp = len(juzgadas)
        res.sobrantes = [p.__dict__ for p in juzgadas]
        return res
    nombres_gold = sorted({plegar(g["indicador"]) for g in gold})
    requeridos = [k for k, g in enumerate(gold) if not g.get("optional")]
    opcionales = [k for k, g in enumerate(gold) if g.get("optional")]
    nombres = [mejores_nombres(p.nombre, nombres_gold) for p in juzgadas]

    def candidatos(items: list[int], libres: list[int]) -> list[list[int]]:
        return [[j for j, k in enumerate(items) if coincide(juzgadas[i], gold[k], nombres[i])] for i in libres]

    todas = list(range(len(juzgadas)))
    pares = _emparejar(candidatos(requeridos, todas), len(requeridos))
    libres = [i for i in todas if i not in pares]
    absorbidas = _emparejar(candidatos(opcionales, libres), len(opcionales))
    sueltas = [libres[i] for i in range(len(libres)) if i not in absorbidas]
    usados = {requeridos[j] for j in pares.values()}
    res.tp = len(pares)
    res.opcionales = len(absorbidas)
    res.fp = len(sueltas)
    res.fn = len(requeridos) - len(pares)
    res.faltantes = [gold[k] for k in requeridos if k not in usados]
    res.sobrantes = [juzgadas[i].__dict__ for i in sueltas]
    return res


# ------------------------------------------------------------------ running


def prediccion_de(o) -> Prediccion:
    def iso(d) -> Optional[str]:
        return d.isoformat() if d else None

    return Prediccion(
        o.indicador or "",
        o.indicador_padre or "",
        o.medida,
        iso(o.periodo_inicio),
        iso(o.periodo_fin),
        float(o.valor),
        o.unidad or "",
        o.pagina,
        getattr(o, "hoja", None),
        getattr(o, "celda", None),
    )


def evaluar_gold(
    carpeta: Path, ruta_gold: Path, extraer: Optional[Callable] = None, solo: Optional[list[str]] = None
) -> EvaluacionGold:
    """Extract every document of `carpeta` named in the gold file and score it.
    A document the gold names but the folder lacks is an error of the
    evaluation, not a silent skip."""
    carpeta = Path(carpeta)
    if not carpeta.is_dir():
        raise ErrorEvaluacion(f"No existe la carpeta {carpeta}.")
    gold = leer_gold_json(ruta_gold)
    nombres = [n for n in gold if not solo or any(s in n for s in solo)]
    faltan = [n for n in nombres if not (carpeta / n).is_file()]
    if faltan:
        raise ErrorEvaluacion(f"{Path(ruta_gold).name}: no están en {carpeta}: {', '.join(faltan)}.")
    if extraer is None:
        from pipelines.carga.cargar import extractor_por_defecto

        extraer = extractor_por_defecto()
    resultados = []
    for nombre in nombres:
        entrada = gold[nombre]
        try:
            informe = extraer(carpeta / nombre)
        except Exception as exc:  # noqa: BLE001 - a failing document counts as all missed
            if not entrada.get("observations"):  # a negative case without tables is right
                resultados.append(Resultado(nombre, negativo=True))
                continue
            requeridos = [g for g in entrada.get("observations") or [] if not g.get("optional")]
            error = str(exc) if str(exc).startswith(nombre) else f"{nombre}: {exc}"
            resultados.append(
                Resultado(nombre, fn=len(requeridos), faltantes=requeridos, error=error, traza=traceback.format_exc())
            )
            continue
        predicciones = [prediccion_de(o) for o in informe.observaciones]
        resultados.append(puntuar(nombre, predicciones, entrada))
    return EvaluacionGold(resultados)
