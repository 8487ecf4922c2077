"""Precision and recall of the identity links against a hand-made gold.

`vinculos_gold.csv` (in the corpus's gold folder) lists, for every indicator of
the reports it covers, the group it belongs to: two rows with the same
`grupo` are the same indicator. The reports are loaded in order of vigencia
into a scratch store (the real loader, so identities are assigned as in
`informes cargar`), and every pair of indicators is scored:
  - a pair linked by the store and in the same gold group: true positive;
  - linked but in different groups: false positive;
  - same group but not linked: false negative.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Optional

import yaml

import pipelines.almacen as almacen
from pipelines.carga import guardado
from pipelines.texto import normalizar
from pipelines.evaluacion.evaluar import ErrorEvaluacion, carpetas_de, leer_gold

ARCHIVO_GOLD = "vinculos_gold.csv"
COLUMNAS = ("informe", "indicador", "indicador_padre", "grupo")
FUENTES = ("docx", "pdf", "gold")


@dataclass
class ResultadoVinculos:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    items: int = 0
    grupos: int = 0
    identidades: int = 0
    informes: list[str] = field(default_factory=list)
    falsos: list[tuple[str, str]] = field(default_factory=list)  # linked, different groups
    perdidos: list[tuple[str, str]] = field(default_factory=list)  # same group, not linked
    sin_extraer: list[str] = field(default_factory=list)  # gold items the extractor did not give
    mismo_informe: int = 0  # pairs of one report sharing a key (must be 0)
    entre_entidades: int = 0  # pairs of two entities sharing a key (must be 0)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def como_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "items": self.items,
            "grupos": self.grupos,
            "identidades": self.identidades,
            "informes": self.informes,
            "falsos": self.falsos,
            "perdidos": self.perdidos,
            "sin_extraer": self.sin_extraer,
            "mismo_informe": self.mismo_informe,
            "entre_entidades": self.entre_entidades,
        }


def leer_gold_vinculos(ruta: Path) -> list[dict[str, str]]:
    if not ruta.is_file():
        raise ErrorEvaluacion(f"No existe {ruta}.")
    with ruta.open(encoding="utf-8-sig", newline="") as f:
        lector = csv.DictReader(f)
        faltan = [c for c in COLUMNAS if c not in (lector.fieldnames or [])]
        if faltan:
            raise ErrorEvaluacion(f"{ruta.name}: faltan las columnas {', '.join(faltan)}.")
        filas = [{c: (d[c] or "").strip() for c in COLUMNAS} for d in lector]
    for n, d in enumerate(filas, start=2):
        if not d["informe"] or not d["indicador"] or not d["grupo"]:
            raise ErrorEvaluacion(f"{ruta.name}, línea {n}: faltan informe, indicador o grupo.")
    return filas


def _clave(informe: str, indicador: str, padre: str) -> tuple[str, str, str]:
    return informe, normalizar(indicador), normalizar(padre)


def informe_desde_gold(carpeta: Path, id_: str):
    """An extracted report made from <id>.gold.csv and <id>.meta.yaml (no
    extractor): links measured on the gold names alone."""
    from extractor.resultado import InformeExtraido, MetadatosInforme, Observacion

    meta = yaml.safe_load((carpeta / f"{id_}.meta.yaml").read_text(encoding="utf-8"))
    campos = {k: v for k, v in meta.items() if k in MetadatosInforme.__dataclass_fields__}
    for k in ("periodo_inicio", "periodo_fin", "fecha_corte"):
        if isinstance(campos.get(k), str):
            campos[k] = date.fromisoformat(campos[k])
    observaciones = [
        Observacion(
            indicador=g.indicador,
            indicador_padre=g.indicador_padre or None,
            medida=g.medida,
            valor=g.valor,
            valor_texto=str(g.valor),
            unidad=g.unidad or "numero",
            periodo_inicio=date.fromisoformat(g.periodo_inicio) if g.periodo_inicio else None,
            periodo_fin=date.fromisoformat(g.periodo_fin) if g.periodo_fin else None,
            tipo_gasto=g.tipo_gasto or None,
        )
        for g in leer_gold(carpeta / f"{id_}.gold.csv")
    ]
    sha = hashlib.sha256(f"gold:{id_}".encode()).hexdigest()
    return InformeExtraido(
        archivo=f"{id_}.gold",
        sha256=sha,
        formato="gold",
        paginas=0,
        metadatos=MetadatosInforme(**campos),
        observaciones=observaciones,
    )


def evaluar_vinculos(
    carpeta: Path, fuente: str = "docx", inverso: bool = False, extraer: Optional[Callable] = None
) -> ResultadoVinculos:
    """Load the reports named in <carpeta>/vinculos_gold.csv (from their
    DOCX, PDF or gold rows) into a scratch store and score the links. A
    corpus with `informes/` and `gold/` (pipelines.evaluacion.evaluar.carpetas_de) has
    the CSV, gold and meta files in `gold/` and the documents in `informes/`."""
    documentos, carpeta = carpetas_de(carpeta)
    if fuente not in FUENTES:
        raise ErrorEvaluacion(f"Fuente desconocida: {fuente}. Use docx, pdf o gold.")
    gold = leer_gold_vinculos(carpeta / ARCHIVO_GOLD)
    ids = sorted({d["informe"] for d in gold})
    vigencias = {}
    for id_ in ids:
        meta = carpeta / f"{id_}.meta.yaml"
        vigencias[id_] = yaml.safe_load(meta.read_text(encoding="utf-8")).get("vigencia") if meta.is_file() else None
    ids.sort(key=lambda i: (vigencias[i] or 0, i), reverse=inverso)
    if fuente != "gold" and extraer is None:
        from pipelines.carga.cargar import extractor_por_defecto

        extraer = extractor_por_defecto()

    with tempfile.TemporaryDirectory() as tmp:
        con = almacen.abrir(Path(tmp) / "vinculos.duckdb")
        try:
            for id_ in ids:
                if fuente == "gold":
                    informe, ruta = informe_desde_gold(carpeta, id_), carpeta / f"{id_}.gold.csv"
                else:
                    ruta = documentos / f"{id_}.{fuente}"
                    if not ruta.is_file():
                        raise ErrorEvaluacion(f"No existe {ruta.name} (lo nombra {ARCHIVO_GOLD}).")
                    assert extraer is not None  # set above for every source but gold
                    informe = extraer(ruta)
                guardado.guardar_informe(con, informe, ruta)
            filas = con.execute(
                "SELECT i.archivo, d.nombre, d.indicador_padre, d.indicador_clave, d.entidad_clave "
                "FROM indicadores d JOIN informes i USING (informe_id)"
            ).fetchall()
        finally:
            con.close()

    predichos: dict[tuple, tuple[str, str]] = {}
    for archivo, nombre, padre, clave, entidad in filas:
        id_ = archivo.rsplit(".", 1)[0]
        predichos.setdefault(_clave(id_, nombre, padre or ""), (clave, entidad))
    resultado = ResultadoVinculos(informes=ids)
    items = []
    for d in gold:
        k = _clave(d["informe"], d["indicador"], d["indicador_padre"])
        if k not in predichos:
            resultado.sin_extraer.append(f"{d['informe']}: {d['indicador']}")
            continue
        items.append((k, d["grupo"], *predichos[k]))
    resultado.items = len(items)
    resultado.grupos = len({g for _, g, _, _ in items})
    resultado.identidades = len({c for _, _, c, _ in items})
    for (ka, ga, ca, ea), (kb, gb, cb, eb) in itertools.combinations(items, 2):
        mismo_gold, mismo_pred = ga == gb, ca == cb
        nombre = f"{ka[0]}: {ka[1]}", f"{kb[0]}: {kb[1]}"
        if mismo_pred and ka[0] == kb[0]:
            resultado.mismo_informe += 1
        if mismo_pred and ea != eb:
            resultado.entre_entidades += 1
        if mismo_gold and mismo_pred:
            resultado.tp += 1
        elif mismo_pred:
            resultado.fp += 1
            resultado.falsos.append(nombre)
        elif mismo_gold:
            resultado.fn += 1
            resultado.perdidos.append(nombre)
    return resultado
