"""Corrections a person makes to a reading (`informes corregir`), stored in
the `correcciones` table and applied on every load.

Four kinds:
- `columna`: a column's measure, period or role. Stored as a reading
  template keyed by the table's header signature (columnas_leidas.firma)
  and the entity; every later table with that signature, of that entity
  (or of any, when the entity is empty), is read with it
  (extractor/tablas/plantillas.py; the extractor receives templates as data).
- `indicador`: the indicator name of one row of one report (by content).
- `rechazo`: one figure of one report is not an observation.
- `confirmada`: one figure of one report was read right (the review
  page's «Correcta»); `informes revisar` leaves it out while a load still
  reads the same value and measure in that cell. It changes no reading.

The loader builds an `ExtractorCorregido` (picklable: it runs in worker
processes) holding the corrections; it reads the file, picks the templates
of the report's entity, interprets the document with them and applies the
row corrections. Corrections move between stores as JSON (`exportar`,
`importar`), the same format the review page (`informes revisar`) downloads.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional

import duckdb

import esquemas
from pipelines.almacen.esquema import escalar

TIPOS = ("columna", "indicador", "rechazo", "confirmada")
FORMATO_JSON = "informes-correcciones"
MOTIVO_RECHAZO = "cifra rechazada en la revisión (informes corregir)"
_CAMPOS = (
    "correccion_id",
    "tipo",
    "firma",
    "entidad",
    "sha256",
    "tabla",
    "fila",
    "columna",
    "encabezado",
    "medida",
    "periodo",
    "rol",
    "indicador",
    "archivo",
    "creada_en",
    "nota",
    "valor",
)


class ErrorCorreccion(Exception):
    """A correction that cannot be made (Spanish message)."""


# ------------------------------------------------------------------ storing


def correccion_id(c: dict[str, Any]) -> str:
    """The same target corrected again replaces the earlier correction."""
    if c["tipo"] == "columna":
        partes = [c["tipo"], c.get("firma") or "", c.get("entidad") or "", str(c.get("columna"))]
    elif c["tipo"] == "confirmada":  # a figure of the narrative has no cell: its name and measure tell it apart
        partes = [
            c["tipo"],
            c.get("sha256") or "",
            *(str(c.get(k)) for k in ("tabla", "fila", "columna")),
            c.get("indicador") or "",
            c.get("medida") or "",
        ]
    else:
        partes = [
            c["tipo"],
            c.get("sha256") or "",
            str(c.get("tabla")),
            str(c.get("fila")),
            str(c.get("columna") if c["tipo"] == "rechazo" else ""),
        ]
    return hashlib.sha256("\x1f".join(partes).encode("utf-8")).hexdigest()[:16]


def _informe(con, informe: str) -> dict[str, Any]:
    """The stored report named by its file name, path, informe_id or SHA-256."""
    filas = con.execute(
        "SELECT informe_id, sha256, archivo, ruta, entidad, vigencia FROM informes "
        "WHERE informe_id = ? OR sha256 = ? OR archivo = ? OR ruta = ? ORDER BY cargado_en DESC",
        [informe, informe.lower(), informe, informe],
    ).fetchall()
    if not filas:
        raise ErrorCorreccion(f"No hay ningún informe cargado que se llame o se identifique «{informe}».")
    if len({f[0] for f in filas}) > 1:
        raise ErrorCorreccion(f"Hay {len(filas)} informes que se llaman «{informe}»; indique su informe_id.")
    return dict(zip(("informe_id", "sha256", "archivo", "ruta", "entidad", "vigencia"), filas[0]))


def completar(con: duckdb.DuckDBPyConnection, c: dict[str, Any]) -> dict[str, Any]:
    """A correction as the user or the review page gives it (a report by
    file name or id, or an observation id; 1-based --fila/--columna already
    turned into 0-based), completed from the store: the table's header
    signature and the report's entity and year. ErrorCorreccion in Spanish
    when it names nothing that exists or asks for something invalid."""
    from pipelines.identidad import normalizar_entidad

    c = {k: v for k, v in c.items() if v not in (None, "")}
    tipo = c.get("tipo")
    if tipo not in TIPOS:
        raise ErrorCorreccion(f"Tipo de corrección desconocido: «{tipo}» (use {', '.join(TIPOS)}).")
    cifra = None
    if "observacion_id" in c:
        cifra = con.execute(
            "SELECT informe_id, tabla, fila, columna, indicador, medida, valor FROM observaciones "
            "WHERE observacion_id = ?",
            [c["observacion_id"]],
        ).fetchone()
        if cifra is None:
            raise ErrorCorreccion(f"No existe la observación {c['observacion_id']}.")
        c.setdefault("informe", cifra[0])
        for clave, valor in zip(("tabla", "fila", "columna"), cifra[1:4]):
            c.setdefault(clave, valor)
    if "informe" not in c and "informe_id" in c:
        c["informe"] = c["informe_id"]
    if "informe" not in c:
        raise ErrorCorreccion("Indique el informe (--archivo) o la cifra (--observacion) que corrige.")
    inf = _informe(con, str(c.pop("informe")))
    c.pop("informe_id", None)
    c.pop("observacion_id", None)
    if tipo == "confirmada":
        return _confirmada(con, c, inf, cifra)
    if c.get("tabla") is None:
        raise ErrorCorreccion(f"{inf['archivo']}: indique la tabla (--tabla).")
    c["tabla"] = int(c["tabla"])
    c["archivo"], c["sha256"] = inf["archivo"], inf["sha256"]
    if tipo == "columna":
        if c.get("columna") is None:
            raise ErrorCorreccion(f"{inf['archivo']}: indique la columna (--columna).")
        c["columna"] = int(c["columna"])
        leida = con.execute(
            "SELECT firma, encabezado FROM columnas_leidas WHERE informe_id = ? AND tabla = ? AND columna = ?",
            [inf["informe_id"], c["tabla"], c["columna"]],
        ).fetchone()
        if leida is None:
            raise ErrorCorreccion(
                f"{inf['archivo']}: la tabla {c['tabla']} no tiene columna {c['columna'] + 1} "
                "(o el informe se cargó antes de guardar la lectura de columnas: "
                "vuelva a cargarlo con --forzar)."
            )
        c["firma"], c["encabezado"] = leida
        if not c.get("medida") and not c.get("periodo") and not c.get("rol"):
            raise ErrorCorreccion("Indique qué debe leerse en la columna: --medida, --periodo o --rol.")
        if c.get("medida") and c["medida"] not in esquemas.vocabulario("medida"):
            raise ErrorCorreccion(
                f"La medida «{c['medida']}» no está en esquemas/medidas.csv "
                f"(use una de: {', '.join(sorted(esquemas.vocabulario('medida')))})."
            )
        from extractor.tablas.plantillas import ROLES_TEXTO, periodo_relativo

        if c.get("rol") and c["rol"] not in ROLES_TEXTO:
            raise ErrorCorreccion(
                f"El rol «{c['rol']}» no es un rol de columna (use uno de: {', '.join(ROLES_TEXTO)})."
            )
        if c.get("periodo"):
            c["periodo"] = periodo_relativo(str(c["periodo"]), inf["vigencia"])
        if c.pop("todas_las_entidades", False):
            c["entidad"] = None
        else:
            c["entidad"] = c.get("entidad") or normalizar_entidad(inf["entidad"]) or None
        c.pop("sha256", None)
        c.pop("fila", None)
    else:
        c.pop("todas_las_entidades", None)
        if c.get("fila") is None:
            raise ErrorCorreccion(f"{inf['archivo']}: indique la fila (--fila) o la cifra (--observacion).")
        c["fila"] = int(c["fila"])
        if tipo == "indicador" and not str(c.get("indicador") or "").strip():
            raise ErrorCorreccion("Indique el nombre correcto del indicador (--indicador).")
        if tipo == "rechazo" and c.get("columna") is None:
            raise ErrorCorreccion(f"{inf['archivo']}: indique la columna de la cifra rechazada (--columna).")
        existe = escalar(
            con,
            "SELECT count(*) FROM observaciones WHERE informe_id = ? AND tabla = ? AND fila = ?"
            + (" AND columna = ?" if tipo == "rechazo" else ""),
            [inf["informe_id"], c["tabla"], c["fila"]] + ([int(c["columna"])] if tipo == "rechazo" else []),
        )
        if not existe:
            donde = f"tabla {c['tabla']}, fila {c['fila'] + 1}"
            if tipo == "rechazo":
                donde += f", columna {int(c['columna']) + 1}"
            raise ErrorCorreccion(f"{inf['archivo']}: no hay cifras en {donde}.")
    c["tipo"] = tipo
    c["creada_en"] = datetime.now()
    c["correccion_id"] = correccion_id(c)
    desconocidos = set(c) - set(_CAMPOS)
    if desconocidos:
        raise ErrorCorreccion(f"Campos desconocidos en la corrección: {', '.join(sorted(desconocidos))}.")
    return c


def _confirmada(con, c: dict[str, Any], inf: dict[str, Any], cifra: Optional[tuple]) -> dict[str, Any]:
    """A figure confirmed as read: its cell (a figure of the narrative has
    none) and what was read there now, so that a later reading that differs
    is reviewed again."""
    if cifra is None:
        faltan = [
            o for o, k in (("--tabla", "tabla"), ("--fila", "fila"), ("--columna", "columna")) if c.get(k) is None
        ]
        if faltan:
            raise ErrorCorreccion(
                f"{inf['archivo']}: indique la cifra confirmada con --observacion, o con {', '.join(faltan)}."
            )
        cifra = con.execute(
            "SELECT informe_id, tabla, fila, columna, indicador, medida, valor FROM observaciones "
            "WHERE informe_id = ? AND tabla = ? AND fila = ? AND columna = ? ORDER BY observacion_id",
            [inf["informe_id"], int(c["tabla"]), int(c["fila"]), int(c["columna"])],
        ).fetchone()
        if cifra is None:
            raise ErrorCorreccion(
                f"{inf['archivo']}: no hay cifras en tabla {c['tabla']}, fila {int(c['fila']) + 1}, "
                f"columna {int(c['columna']) + 1}."
            )
    salida = {
        "tipo": "confirmada",
        "archivo": inf["archivo"],
        "sha256": inf["sha256"],
        "nota": c.get("nota"),
        **dict(zip(("tabla", "fila", "columna", "indicador", "medida", "valor"), cifra[1:])),
        "creada_en": datetime.now(),
    }
    salida = {k: v for k, v in salida.items() if v is not None}
    salida["correccion_id"] = correccion_id(salida)
    return salida


def guardar(con: duckdb.DuckDBPyConnection, c: dict[str, Any]) -> str:
    """Store a completed correction (replacing one with the same target); its id."""
    con.execute("DELETE FROM correcciones WHERE correccion_id = ?", [c["correccion_id"]])
    columnas = [k for k in _CAMPOS if k in c]
    con.execute(
        f"INSERT INTO correcciones ({', '.join(columnas)}) VALUES ({', '.join('?' for _ in columnas)})",
        [c[k] for k in columnas],
    )
    return c["correccion_id"]


def todas(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    # a store opened read-only may predate a column (it is added when the store is next opened to write)
    hay = {
        n
        for (n,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'correcciones'").fetchall()
    }
    campos = [k if k in hay else f"NULL AS {k}" for k in _CAMPOS]
    cur = con.execute(f"SELECT {', '.join(campos)} FROM correcciones ORDER BY creada_en, correccion_id")
    return [dict(zip(_CAMPOS, fila)) for fila in cur.fetchall()]


def afectados(con: duckdb.DuckDBPyConnection, c: dict[str, Any]) -> list[tuple[str, Optional[str]]]:
    """(archivo, ruta) of the stored reports a correction changes: those
    whose tables have its header signature (of its entity), or its report."""
    from pipelines.identidad import normalizar_entidad

    if c["tipo"] == "confirmada":
        return []  # a confirmation changes no reading: nothing to load again
    if c["tipo"] != "columna":
        return con.execute("SELECT archivo, ruta FROM informes WHERE sha256 = ?", [c["sha256"]]).fetchall()
    filas = con.execute(
        "SELECT DISTINCT i.archivo, i.ruta, i.entidad FROM informes i JOIN columnas_leidas l USING (informe_id) "
        "WHERE l.firma = ? ORDER BY i.archivo",
        [c["firma"]],
    ).fetchall()
    return [(a, r) for a, r, e in filas if not c.get("entidad") or normalizar_entidad(e) == c["entidad"]]


# ------------------------------------------------------------------ JSON


def exportar(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    filas = []
    for c in todas(con):
        fila = {k: v for k, v in c.items() if v is not None and k != "correccion_id"}
        fila["creada_en"] = c["creada_en"].isoformat(timespec="seconds")
        filas.append(fila)
    return {"formato": FORMATO_JSON, "version": 1, "correcciones": filas}


def leer_json(ruta: Path) -> list[dict[str, Any]]:
    """The corrections of a JSON file (exported from a store, or downloaded
    from the review page); ErrorCorreccion naming the file otherwise."""
    try:
        datos = json.loads(Path(ruta).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ErrorCorreccion(f"No se pudo leer {ruta}: {exc.strerror or exc}.") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ErrorCorreccion(f"{ruta} no es un archivo JSON válido ({exc}).") from exc
    if (
        not isinstance(datos, dict)
        or datos.get("formato") != FORMATO_JSON
        or not isinstance(datos.get("correcciones"), list)
    ):
        raise ErrorCorreccion(
            f"{ruta} no es un archivo de correcciones de informes "
            f'(se espera {{"formato": "{FORMATO_JSON}", "correcciones": [...]}}).'
        )
    salida = []
    for n, c in enumerate(datos["correcciones"], start=1):
        if not isinstance(c, dict) or c.get("tipo") not in TIPOS:
            raise ErrorCorreccion(f"{ruta}: la corrección {n} no tiene un tipo válido ({', '.join(TIPOS)}).")
        salida.append(c)
    # the first review pages listed the figures marked «Correcta» apart, by id
    confirmadas = datos.get("confirmadas") or []
    if not isinstance(confirmadas, list) or not all(isinstance(x, str) for x in confirmadas):
        raise ErrorCorreccion(f"{ruta}: «confirmadas» debe ser una lista de observacion_id.")
    salida += [{"tipo": "confirmada", "observacion_id": x} for x in confirmadas]
    return salida


def importar(con: duckdb.DuckDBPyConnection, correcciones: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Store corrections read from JSON. Complete ones (exported from a
    store: a template carries its signature) are stored as they are; the
    review page's decisions name a report and are completed from this store."""
    guardadas = []
    for c in correcciones:
        c = dict(c)
        completa = (
            (c["tipo"] == "columna" and c.get("firma") and c.get("columna") is not None)
            or (c["tipo"] == "confirmada" and c.get("sha256") and c.get("medida") and c.get("valor") is not None)
            or (
                c["tipo"] in ("indicador", "rechazo")
                and c.get("sha256")
                and c.get("tabla") is not None
                and c.get("fila") is not None
            )
        )
        if completa:
            c = {k: v for k, v in c.items() if k in _CAMPOS and v not in (None, "")}
            c["creada_en"] = datetime.fromisoformat(c["creada_en"]) if c.get("creada_en") else datetime.now()
            c["correccion_id"] = correccion_id(c)
        else:
            c = completar(con, c)
        guardar(con, c)
        guardadas.append(c)
    return guardadas


# ------------------------------------------------------------ applying them


@dataclass
class ExtractorCorregido:
    """`extractor.extraer_informe` with the stored corrections (picklable)."""

    correcciones: list[dict[str, Any]] = field(default_factory=list)

    def plantillas(self, entidad: str) -> tuple:
        """The reading templates for a report of `entidad` (normalized): the
        entity's own first, then those for any entity."""
        from extractor.tablas.plantillas import ColumnaCorregida, Plantilla

        grupos: dict[tuple[str, str], list[ColumnaCorregida]] = {}
        for c in self.correcciones:
            if c["tipo"] != "columna" or (c.get("entidad") and c["entidad"] != entidad):
                continue
            grupos.setdefault((c.get("entidad") or "", c["firma"]), []).append(
                ColumnaCorregida(
                    columna=int(c["columna"]), medida=c.get("medida"), periodo=c.get("periodo"), rol=c.get("rol")
                )
            )
        orden = sorted(grupos, key=lambda k: (k[0] == "", k))
        return tuple(
            Plantilla(plantilla_id=_id_plantilla(e, f), firma=f, columnas=tuple(grupos[(e, f)])) for e, f in orden
        )

    def __call__(self, ruta: Path, limites=None):
        from extractor import interpretar, leer_documento
        from extractor.formatos import seguridad
        from extractor.informe.metadatos import extraer_metadatos
        from pipelines.identidad import normalizar_entidad

        doc = leer_documento(Path(ruta), limites)
        meta, _ = extraer_metadatos(doc)
        informe = interpretar(doc, self.plantillas(normalizar_entidad(meta.entidad)))
        seguridad.exigir_tablas_de_indicadores(informe)
        informe.correcciones_aplicadas = aplicar_filas(informe, self.correcciones)
        return informe


def _id_plantilla(entidad: str, firma: str) -> str:
    return "P" + hashlib.sha256(f"{entidad}\x1f{firma}".encode("utf-8")).hexdigest()[:8]


def aplicar_filas(informe, correcciones: list[dict[str, Any]]) -> int:
    """Rename the indicator of corrected rows and move rejected figures to
    the unmapped rows (with the reason); how many figures changed."""
    from extractor.resultado import FilaNoMapeada

    sha = (informe.sha256 or "").lower()
    nombres = {
        (c["tabla"], c["fila"]): c["indicador"]
        for c in correcciones
        if c["tipo"] == "indicador" and c.get("sha256") == sha
    }
    rechazos = {
        (c["tabla"], c["fila"], c["columna"]) for c in correcciones if c["tipo"] == "rechazo" and c.get("sha256") == sha
    }
    if not nombres and not rechazos:
        return 0
    cambios, quedan = 0, []
    for o in informe.observaciones:
        if (o.tabla, o.fila, o.columna) in rechazos:
            cambios += 1
            informe.no_mapeadas.append(
                FilaNoMapeada(
                    texto=" | ".join(str(x) for x in (o.indicador, o.valor_texto) if x),
                    motivo=MOTIVO_RECHAZO,
                    pagina=o.pagina,
                    tabla=o.tabla,
                    fila=o.fila,
                )
            )
            continue
        nombre = nombres.get((o.tabla, o.fila))
        if nombre and nombre != o.indicador:
            o.indicador = nombre
            cambios += 1
        quedan.append(o)
    informe.observaciones[:] = quedan
    return cambios


def extractor_de(con: duckdb.DuckDBPyConnection) -> Optional[ExtractorCorregido]:
    """The extractor with this store's corrections; None when there are none."""
    correcciones = [
        {k: v for k, v in c.items() if k != "creada_en"} for c in todas(con) if c["tipo"] != "confirmada"
    ]  # confirmations change no reading
    return ExtractorCorregido(correcciones) if correcciones else None
