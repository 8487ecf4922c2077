"""`informes comparar`: one figure per entidad × indicador × medida × year.

The figure that stands for a year (esquemas/identidad.yaml, `comparar`):
- meta and the year's budget (anuales): the figure of that year from the
  report with the latest cut;
- ejecutado, acumulado, avance and money spent (acumulables): the
  cumulative figure (period starting on January 1st) with the latest
  period end in that year; a year not yet closed carries its cut ("a 30 jun").
Periods that span several years (meta del cuatrienio) have no year and are
left out. `avance` is valor / the year's meta (or budget); `variacion` is
the relative change against the previous year. Figures of one indicator in
different units are never compared: `aviso` says so and avance/variación
stay empty.

Formats: CSV, JSON, JSON Lines and Parquet (long, one row per figure), XLSX (a wide sheet,
the long sheet and the links) and HTML (pipelines/salidas/html_comparar.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Optional

import duckdb

from extractor.castellano import palabras
import pipelines.identidad as identidad
from pipelines.salidas.exportar import ErrorExportacion, neutralizar

FORMATOS = ("csv", "json", "jsonl", "parquet", "xlsx", "html")
COLUMNAS = [
    "entidad_clave",
    "entidad",
    "dependencia",
    "indicador_clave",
    "indicador",
    "nombre_en_informe",
    "codigo",
    "medida",
    "tipo_gasto",
    "anio",
    "periodo_inicio",
    "periodo_fin",
    "corte",
    "parcial",
    "valor",
    "unidad",
    "avance",
    "variacion",
    "aviso",
    "archivo",
    "pagina",
    "informe_id",
    "vinculo",
]
MESES = palabras.abreviaturas_de_meses()  # esquemas/castellano.yaml


@dataclass
class Filtros:
    entidad: Optional[str] = None
    dependencia: Optional[str] = None
    indicador: Optional[str] = None
    medida: Optional[str] = None


def corte_texto(fin: date) -> str:
    """date(2018, 6, 30) -> "a 30 jun"."""
    return f"a {fin.day} {MESES[fin.month - 1]}"


# ------------------------------------------------------------------ reading


_SQL = """
SELECT o.entidad_clave, e.nombre AS entidad, i.dependencia, o.indicador_clave, d.nombre AS indicador,
       o.indicador AS nombre_en_informe, o.indicador_padre, o.codigo, o.medida, o.tipo_gasto,
       o.periodo_inicio, o.periodo_fin, o.valor, o.unidad, o.escala, i.archivo, o.pagina, o.informe_id,
       coalesce(v.vinculo, x.vinculo) AS vinculo, coalesce(i.fecha_corte, i.periodo_fin) AS corte_informe,
       i.cargado_en, o.ambiguo,
       e.normalizado AS entidad_normalizada, o.observacion_id
FROM observaciones o
JOIN informes i ON i.informe_id = o.informe_id
LEFT JOIN entidades e ON e.entidad_clave = o.entidad_clave
LEFT JOIN identidades d ON d.indicador_clave = o.indicador_clave
LEFT JOIN indicadores x ON x.indicador_id = o.indicador_id AND x.informe_id = o.informe_id
LEFT JOIN (SELECT indicador_clave, clave, arg_min(vinculo, creada_en) AS vinculo FROM variantes GROUP BY ALL) v
  ON v.indicador_clave = o.indicador_clave AND v.clave = x.clave
WHERE o.indicador_clave IS NOT NULL
"""


def _observaciones(con: duckdb.DuckDBPyConnection, filtros: Filtros) -> list[dict[str, Any]]:
    cursor = con.execute(_SQL + " ORDER BY o.observacion_id")
    nombres = [c[0] for c in cursor.description]
    filas = [dict(zip(nombres, f)) for f in cursor.fetchall()]
    return [f for f in filas if _pasa(f, filtros, con)]


def _pasa(f: dict, filtros: Filtros, con) -> bool:
    if filtros.medida and f["medida"] != filtros.medida:
        return False
    if filtros.entidad:
        buscada = identidad.normalizar_entidad(filtros.entidad)
        palabras = set(buscada.split())
        if not (
            f["entidad_clave"] == filtros.entidad
            or (palabras and palabras <= set((f["entidad_normalizada"] or "").split()))
        ):
            return False
    if filtros.dependencia:
        buscadas = set(identidad.normalizar_dependencia(filtros.dependencia).split())
        if not buscadas <= set(identidad.normalizar_dependencia(f["dependencia"]).split()):
            return False
    if filtros.indicador:
        buscado = identidad.normalizar(filtros.indicador)
        if f["indicador_clave"] != filtros.indicador and not any(
            buscado in identidad.normalizar(x or "") for x in (f["indicador"], f["nombre_en_informe"])
        ):
            return False
    return True


# ------------------------------------------------------------------ figures


def _anio(f: dict) -> Optional[int]:
    inicio, fin = f["periodo_inicio"], f["periodo_fin"]
    if inicio is None or fin is None or inicio.year != fin.year:
        return None
    return fin.year


def cifras(con: duckdb.DuckDBPyConnection, filtros: Optional[Filtros] = None) -> list[dict[str, Any]]:
    """The long table: one row per entidad_clave × indicador_clave × medida ×
    tipo_gasto × year, in COLUMNAS (plus a few private keys starting with _)."""
    cfg = identidad.config().comparar
    anuales, acumulables = set(cfg["anuales"]), set(cfg["acumulables"])
    elegidas: dict[tuple, tuple[tuple, dict]] = {}
    for f in _observaciones(con, filtros or Filtros()):
        anio = _anio(f)
        if anio is None:
            continue
        corte_inf = f["corte_informe"] or date.min
        carga = f["cargado_en"]
        if f["medida"] in anuales:
            completo = f["periodo_inicio"] == date(anio, 1, 1) and f["periodo_fin"] == date(anio, 12, 31)
            rango = (completo, corte_inf, carga, f["observacion_id"])
        elif f["medida"] in acumulables:
            if f["periodo_inicio"] != date(anio, 1, 1):
                continue
            rango = (f["periodo_fin"], corte_inf, carga, f["observacion_id"])
        else:
            continue
        clave = (f["entidad_clave"], f["indicador_clave"], f["medida"], f["tipo_gasto"] or "", anio)
        if clave not in elegidas or rango > elegidas[clave][0]:
            elegidas[clave] = (rango, f)

    filas = []
    for (ent, ind, medida, tipo, anio), (_, f) in elegidas.items():
        acumulable = medida in acumulables
        parcial = acumulable and f["periodo_fin"] < date(anio, 12, 31)
        filas.append(
            {
                "entidad_clave": ent,
                "entidad": f["entidad"],
                "dependencia": f["dependencia"],
                "indicador_clave": ind,
                "indicador": f["indicador"],
                "nombre_en_informe": f["nombre_en_informe"],
                "codigo": f["codigo"],
                "medida": medida,
                "tipo_gasto": tipo or None,
                "anio": anio,
                "periodo_inicio": f["periodo_inicio"],
                "periodo_fin": f["periodo_fin"],
                "corte": corte_texto(f["periodo_fin"]) if acumulable else None,
                "parcial": parcial,
                "valor": f["valor"],
                "unidad": f["unidad"],
                "avance": None,
                "variacion": None,
                "aviso": None,
                "archivo": f["archivo"],
                "pagina": f["pagina"],
                "informe_id": f["informe_id"],
                "vinculo": f["vinculo"],
                "_indicador_padre": f["indicador_padre"],
                "_escala": f["escala"],
                "_ambiguo": bool(f["ambiguo"]),
                "_observacion_id": f["observacion_id"],
            }
        )
    _calcular(filas, cfg)
    orden_medidas = {m: k for k, m in enumerate(list(cfg["anuales"]) + list(cfg["acumulables"]))}
    filas.sort(
        key=lambda r: (
            r["entidad"] or "",
            r["entidad_clave"],
            r["indicador_clave"],
            orden_medidas.get(r["medida"], 99),
            r["tipo_gasto"] or "",
            r["anio"],
        )
    )
    return filas


def _calcular(filas: list[dict], cfg: dict) -> None:
    """avance, variacion and aviso, in place."""
    por_clave = {(r["indicador_clave"], r["medida"], r["tipo_gasto"], r["anio"]): r for r in filas}
    unidades: dict[tuple, set] = {}
    escalas: dict[tuple, set] = {}
    for r in filas:
        unidades.setdefault((r["indicador_clave"], r["medida"], r["tipo_gasto"]), set()).add(r["unidad"])
        escalas.setdefault((r["indicador_clave"], r["medida"], r["tipo_gasto"]), set()).add(r["_escala"] or "")
    denominador = cfg.get("denominador", {})
    for r in filas:
        avisos = []
        serie = (r["indicador_clave"], r["medida"], r["tipo_gasto"])
        if len(unidades[serie]) > 1:
            avisos.append("unidades distintas entre años (" + ", ".join(sorted(unidades[serie])) + "): no se comparan")
        if len(escalas[serie]) > 1:
            avisos.append(
                "escalas distintas entre años (" + ", ".join(sorted(e or "unidades" for e in escalas[serie])) + ")"
            )
        if r["_ambiguo"]:
            avisos.append("cifra ambigua en el informe (formato o escala dudosos)")
        d = denominador.get(r["medida"])
        base = por_clave.get((r["indicador_clave"], d, r["tipo_gasto"], r["anio"])) if d else None
        if base is None and d:  # a physical meta has no tipo_gasto
            base = por_clave.get((r["indicador_clave"], d, None, r["anio"]))
        if base is not None and base["valor"]:
            if base["unidad"] == r["unidad"]:
                r["avance"] = r["valor"] / base["valor"]
            else:
                avisos.append(f"la {d} está en {base['unidad']} y el valor en {r['unidad']}: sin avance")
        previo = por_clave.get((r["indicador_clave"], r["medida"], r["tipo_gasto"], r["anio"] - 1))
        if previo is not None and previo["valor"] and len(unidades[serie]) == 1:
            r["variacion"] = (r["valor"] - previo["valor"]) / abs(previo["valor"])
        r["aviso"] = "; ".join(avisos) or None


# ------------------------------------------------------------------- links


def vinculos(con: duckdb.DuckDBPyConnection, filas: list[dict]) -> list[dict[str, Any]]:
    """Variants of the identities in `filas`, with the years they appear in."""
    claves = sorted({r["indicador_clave"] for r in filas})
    if not claves:
        return []
    cursor = con.execute(
        """
        WITH anios AS (
            SELECT x.indicador_clave, x.clave, list_sort(list_distinct(list(i.vigencia))) AS anios
            FROM indicadores x JOIN informes i USING (informe_id)
            WHERE i.vigencia IS NOT NULL GROUP BY ALL)
        SELECT e.nombre AS entidad, v.indicador_clave, d.nombre AS indicador, v.nombre AS variante,
               v.indicador_padre, string_agg(DISTINCT v.dependencia, '; ') AS dependencia,
               max(v.codigo) AS codigo, list_sort(list_distinct(flatten(list(a.anios)))) AS anios,
               arg_min(v.vinculo, v.creada_en) AS vinculo, arg_min(v.puntaje, v.creada_en) AS puntaje,
               arg_min(v.vinculada_con, v.creada_en) AS vinculada_con,
               max(v.alternativa) AS alternativa, max(v.puntaje_alternativa) AS puntaje_alternativa
        FROM variantes v
        JOIN identidades d USING (indicador_clave)
        JOIN entidades e ON e.entidad_clave = v.entidad_clave
        LEFT JOIN anios a ON a.indicador_clave = v.indicador_clave AND a.clave = v.clave
        WHERE list_contains(?, v.indicador_clave)
        GROUP BY e.nombre, v.indicador_clave, d.nombre, v.nombre, v.indicador_padre
        ORDER BY v.indicador_clave, min(v.creada_en), v.nombre
        """,
        [claves],
    )
    nombres = [c[0] for c in cursor.description]
    salida = []
    for f in cursor.fetchall():
        d = dict(zip(nombres, f))
        d["anios"] = ", ".join(str(a) for a in d["anios"] or [])
        salida.append(d)
    return salida


# ----------------------------------------------------------------- writers


def comparar(con: duckdb.DuckDBPyConnection, formato: str, salida: Path, filtros: Optional[Filtros] = None) -> int:
    """Write the comparison; returns the number of figures (long rows)."""
    if formato not in FORMATOS:
        raise ErrorExportacion(f"Formato desconocido: {formato}. Use uno de: {', '.join(FORMATOS)}.")
    filas = cifras(con, filtros)
    salida = Path(salida)
    salida.parent.mkdir(parents=True, exist_ok=True)
    if formato in ("csv", "json", "jsonl"):
        with salida.open("w", encoding="utf-8", newline="") as f:
            _texto_a(filas, formato, f)
    elif formato == "parquet":
        _parquet(filas, salida)
    elif formato == "xlsx":
        _xlsx(filas, vinculos(con, filas), salida)
    else:
        from pipelines.salidas import html_comparar

        salida.write_text(html_comparar.pagina(filas, vinculos(con, filas), filtros, con=con), encoding="utf-8")
    return len(filas)


def comparar_a(con: duckdb.DuckDBPyConnection, formato: str, f, filtros: Optional[Filtros] = None) -> int:
    """Like `comparar` for csv, json or jsonl, to the open text file `f`
    (standard output)."""
    if formato not in ("csv", "json", "jsonl"):
        raise ErrorExportacion(f"El formato {formato} no es de texto.")
    filas = cifras(con, filtros)
    _texto_a(filas, formato, f)
    return len(filas)


def _texto_a(filas: list[dict], formato: str, f) -> None:
    from pipelines.salidas import tuberias

    tuberias.escribir_filas(f, formato, COLUMNAS, [[tuple(r[c] for c in COLUMNAS) for r in filas]])


_TIPOS = {
    "anio": "int32",
    "pagina": "int32",
    "valor": "float64",
    "avance": "float64",
    "variacion": "float64",
    "parcial": "bool_",
    "periodo_inicio": "date32",
    "periodo_fin": "date32",
}


def _parquet(filas: list[dict], salida: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columnas = {c: pa.array([r[c] for r in filas], type=getattr(pa, _TIPOS.get(c, "string"))()) for c in COLUMNAS}
    pq.write_table(pa.table(columnas), salida)


# XLSX number formats with the es-CO locale tag (LibreOffice uses it for the
# separators; Excel shows the reader's own separators).
_FMT = {
    "entero": "[$-240A]#,##0",
    "decimal": "[$-240A]#,##0.00",
    "pesos": '[$-240A]"$" #,##0',
    "pesos_decimal": '[$-240A]"$" #,##0.00',
    "porcentaje": '[$-240A]#,##0.0" %"',
    "fraccion": "[$-240A]0.0%",
    "fecha": "yyyy-mm-dd",
}


def _formato_valor(valor: float, unidad: str) -> str:
    entero = float(valor).is_integer()
    if unidad == "pesos":
        return "pesos" if entero else "pesos_decimal"
    if unidad == "porcentaje":
        return "porcentaje"
    return "entero" if entero else "decimal"


def _xlsx(filas: list[dict], enlaces: list[dict], salida: Path) -> None:
    import xlsxwriter

    libro = xlsxwriter.Workbook(
        str(salida), {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}
    )
    try:
        f = {k: libro.add_format({"num_format": v}) for k, v in _FMT.items()}
        fp = {k: libro.add_format({"num_format": v, "italic": True, "font_color": "#7a4b00"}) for k, v in _FMT.items()}
        texto = libro.add_format({"num_format": "@"})
        encabezado = libro.add_format(
            {"bold": True, "bg_color": "#DDE6F0", "border": 1, "text_wrap": True, "valign": "top"}
        )
        _hoja_ancha(libro, filas, f, fp, texto, encabezado)
        _hoja_larga(libro, filas, f, texto, encabezado)
        _hoja_vinculos(libro, enlaces, texto, encabezado)
    finally:
        libro.close()


def _texto(hoja, r, k, v, formato) -> None:
    if v is None or v == "":
        return
    hoja.write_string(r, k, neutralizar(str(v)), formato)


def _hoja_ancha(libro, filas, f, fp, texto, encabezado) -> None:
    hoja = libro.add_worksheet("Comparación")
    anios = sorted({r["anio"] for r in filas})
    fijas = [
        "Entidad",
        "Dependencia",
        "Clave del indicador",
        "Código",
        "Indicador",
        "Medida",
        "Tipo de gasto",
        "Unidad",
    ]
    hoja.write_row(0, 0, fijas + [str(a) for a in anios] + ["Aviso"], encabezado)
    grupos: dict[tuple, dict] = {}
    for r in filas:
        clave = (r["entidad_clave"], r["indicador_clave"], r["medida"], r["tipo_gasto"], r["unidad"])
        grupos.setdefault(clave, {})[r["anio"]] = r
    for n, (clave, por_anio) in enumerate(grupos.items(), start=1):
        una = next(iter(por_anio.values()))
        for k, v in enumerate(
            [
                una["entidad"],
                una["dependencia"],
                una["indicador_clave"],
                una["codigo"],
                una["indicador"],
                una["medida"],
                una["tipo_gasto"],
                una["unidad"],
            ]
        ):
            _texto(hoja, n, k, v, texto)
        for k, anio in enumerate(anios, start=len(fijas)):
            r = por_anio.get(anio)
            if r is None:
                continue
            nombre = _formato_valor(r["valor"], r["unidad"])
            hoja.write_number(n, k, r["valor"], (fp if r["parcial"] else f)[nombre])
            nota = [f"{r['archivo']}, pág. {r['pagina']}" if r["pagina"] else r["archivo"]]
            if r["corte"]:
                nota.insert(0, r["corte"] + (" (año sin cerrar)" if r["parcial"] else ""))
            hoja.write_comment(n, k, "\n".join(nota))
        avisos = sorted({r["aviso"] for r in por_anio.values() if r["aviso"]})
        _texto(hoja, n, len(fijas) + len(anios), "; ".join(avisos), texto)
    anchos = [28, 26, 34, 11, 48, 16, 14, 11] + [14] * len(anios) + [40]
    for k, ancho in enumerate(anchos):
        hoja.set_column(k, k, ancho)
    hoja.freeze_panes(1, 5)
    hoja.autofilter(0, 0, max(len(grupos), 1), len(anchos) - 1)


def _hoja_larga(libro, filas, f, texto, encabezado) -> None:
    hoja = libro.add_worksheet("Datos")
    hoja.write_row(0, 0, COLUMNAS, encabezado)
    for n, r in enumerate(filas, start=1):
        for k, c in enumerate(COLUMNAS):
            v = r[c]
            if v is None:
                continue
            if c == "valor":
                hoja.write_number(n, k, v, f[_formato_valor(v, r["unidad"])])
            elif c in ("avance", "variacion"):
                if math.isfinite(v):
                    hoja.write_number(n, k, v, f["fraccion"])
            elif c in ("anio", "pagina"):
                hoja.write_number(n, k, v)
            elif c == "parcial":
                hoja.write_boolean(n, k, v)
            elif isinstance(v, date):
                hoja.write_datetime(n, k, v, f["fecha"])
            else:
                _texto(hoja, n, k, v, texto)
    _terminar_hoja(hoja, COLUMNAS, ("indicador", "nombre_en_informe", "aviso", "indicador_clave"), len(filas))


def _hoja_vinculos(libro, enlaces, texto, encabezado) -> None:
    hoja = libro.add_worksheet("Vínculos")
    columnas = [
        "entidad",
        "indicador_clave",
        "indicador",
        "variante",
        "indicador_padre",
        "dependencia",
        "codigo",
        "anios",
        "vinculo",
        "puntaje",
        "vinculada_con",
        "alternativa",
        "puntaje_alternativa",
    ]
    hoja.write_row(0, 0, columnas, encabezado)
    for n, d in enumerate(enlaces, start=1):
        for k, c in enumerate(columnas):
            v = d.get(c)
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                hoja.write_number(n, k, v)
            else:
                _texto(hoja, n, k, v, texto)
    _terminar_hoja(hoja, columnas, ("indicador", "variante", "indicador_clave", "alternativa"), len(enlaces))


def _terminar_hoja(hoja, columnas, anchas, filas: int) -> None:
    """Wide columns for names, the header row frozen, a filter on it."""
    for k, c in enumerate(columnas):
        hoja.set_column(k, k, 40 if c in anchas else 14)
    hoja.freeze_panes(1, 0)
    hoja.autofilter(0, 0, max(filas, 1), len(columnas) - 1)
