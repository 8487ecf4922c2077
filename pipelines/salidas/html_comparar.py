"""The comparison as one self-contained HTML page (works offline).

No script and no external resource: the charts are static SVG drawn here.
Per entity, per indicator: a chart of the meta against the executed figure
across years (a year not yet closed is hatched and labelled with its cut),
the figures under it and, for each, the file and page it came from, the
crop of the source around it (opened with a click: a <details> element,
drawn by pipelines/salidas/revisar.py's Recortes) and, for a figure that
`informes revisar` lists, a link to its entry in revision.html.
"""

from __future__ import annotations

import math
from datetime import datetime
from html import escape
from typing import Any, Optional

import duckdb

import pipelines.identidad as identidad
from pipelines.salidas.nombres import NOMBRES_MEDIDA
from pipelines.texto import numero_co

NOMBRES_VINCULO = {
    "codigo": "código MGA",
    "nombre": "mismo nombre",
    "nombre_normalizado": "nombre normalizado",
    "similitud": "similitud",
    "manual": "decisión manual",
    "nuevo": "primera aparición",
}

_CSS = """
:root { --azul: #1f5fa8; --meta: #c9d6e8; --borde: #6b8cb8; --tinta: #1d2733; --suave: #5b6776; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: var(--tinta); margin: 0;
       background: #f4f6f9; font-size: 14px; line-height: 1.4; }
header { background: #16324f; color: #fff; padding: 18px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 2px 0; color: #d5e0ec; }
nav { padding: 10px 28px; background: #fff; border-bottom: 1px solid #dde3ea; }
nav a { margin-right: 16px; color: var(--azul); text-decoration: none; }
main { padding: 8px 28px 40px; }
section.entidad { margin-top: 18px; }
section.entidad > h2 { font-size: 19px; margin: 10px 0 2px; border-bottom: 2px solid var(--azul); padding-bottom: 4px; }
p.sub { color: var(--suave); margin: 2px 0 10px; }
.rejilla { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 16px; }
article { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: 12px 14px; }
article h3 { font-size: 15px; margin: 0 0 2px; }
p.clave { font-family: "DejaVu Sans Mono", monospace; font-size: 11px; color: var(--suave); margin: 0 0 4px; }
ul.variantes { margin: 2px 0 6px; padding-left: 18px; font-size: 12px; color: var(--suave); }
p.aviso { background: #fff4e0; border-left: 4px solid #d08a00; padding: 4px 8px; font-size: 12px; margin: 6px 0; }
table { border-collapse: collapse; width: 100%; font-size: 12px; margin-top: 6px; }
th, td { border-bottom: 1px solid #e6eaef; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f3f7; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.corte { white-space: nowrap; }
td.fuente { font-size: 11px; color: var(--suave); }
tr.parcial td { color: #7a4b00; }
span.parcial { font-size: 11px; background: #fff0d6; border-radius: 3px; padding: 0 4px; }
svg.grafica { width: 100%; max-width: 600px; height: auto; display: block; }
.leyenda svg { vertical-align: middle; }
footer { color: var(--suave); font-size: 12px; padding: 0 28px 24px; }
details.recorte summary { cursor: pointer; color: var(--azul); }
details.recorte[open] summary::after { content: " (clic para cerrar)"; color: var(--suave); }
details.recorte[open] > div { position: fixed; left: 50%; bottom: 14px; transform: translateX(-50%); z-index: 3;
  width: min(790px, 94vw); max-height: 60vh; overflow: auto; background: #fff; border: 1px solid #9fb3cc;
  box-shadow: 0 4px 18px rgba(0,0,0,.25); padding: 8px; }
a.revisar { color: #a11; font-weight: 600; }
"""

_DEFS = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
    '<pattern id="rayado" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
    '<rect width="6" height="6" fill="#7fa6d6"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1f5fa8" '
    'stroke-width="3"/></pattern></defs></svg>'
)


# ------------------------------------------------------------------ numbers


def valor_co(v: float, unidad: str) -> str:
    if unidad == "pesos":
        return "$ " + numero_co(v)
    if unidad == "porcentaje":
        return numero_co(v) + " %"
    return numero_co(v)


def corto(v: float, unidad: str) -> str:
    """Bar label: large figures abbreviated ("$ 1,3 mil M", "12,5 M")."""
    a = abs(v)
    if a >= 1e9:
        texto = numero_co(v / 1e9, 1) + " mil M"
    elif a >= 1e6:
        texto = numero_co(v / 1e6, 1) + " M"
    else:
        texto = numero_co(v)
    if unidad == "pesos":
        return "$ " + texto
    return texto + (" %" if unidad == "porcentaje" else "")


def fraccion_pct(v: Optional[float]) -> str:
    return "" if v is None else numero_co(v * 100, 1) + " %"


# ------------------------------------------------------------------ charts


def _escala(maximo: float) -> tuple[float, float]:
    """(top of the axis, tick step) for values up to `maximo`."""
    if maximo <= 0:
        return 1.0, 0.25
    bruto = maximo / 4
    potencia = 10 ** math.floor(math.log10(bruto))
    paso = next(m * potencia for m in (1, 2, 2.5, 5, 10) if m * potencia >= bruto)
    return paso * math.ceil(maximo / paso), paso


def grafica(
    titulo: str,
    anios: list[int],
    meta: dict[int, dict],
    ejecutado: dict[int, dict],
    nombres: tuple[str, str] = ("Meta", "Ejecutado"),
) -> str:
    """Grouped bars per year: meta (light) and executed (dark; hatched when
    the year is not closed, with its cut under the year)."""
    ancho, alto = 600, 230
    izq, der, arriba, abajo = 70, 12, 24, 44
    ancho_grafica, alto_grafica = ancho - izq - der, alto - arriba - abajo
    valores = [r["valor"] for r in list(meta.values()) + list(ejecutado.values())]
    tope, paso = _escala(max([0.0] + valores))
    piso = min([0.0] + valores)
    if piso < 0:
        tope += -piso
    unidad = next((r["unidad"] for r in list(ejecutado.values()) + list(meta.values())), "numero")

    def y(v: float) -> float:
        return arriba + alto_grafica - (v - min(piso, 0)) / (tope or 1) * alto_grafica

    partes = [
        f'<svg class="grafica" viewBox="0 0 {ancho} {alto}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(titulo)}</title>'
    ]
    n = 0
    v = min(piso, 0)
    while v <= tope + 1e-9 and n < 12:
        yy = y(v)
        partes.append(f'<line x1="{izq}" y1="{yy:.1f}" x2="{ancho - der}" y2="{yy:.1f}" stroke="#e3e8ee"/>')
        partes.append(
            f'<text x="{izq - 6}" y="{yy + 4:.1f}" font-size="11" text-anchor="end" '
            f'fill="#5b6776">{escape(corto(v, unidad))}</text>'
        )
        v += paso
        n += 1
    grupo = ancho_grafica / max(len(anios), 1)
    barra = min(42.0, grupo * 0.34)
    for k, anio in enumerate(anios):
        centro = izq + grupo * (k + 0.5)
        for desplazamiento, serie, es_meta in ((-barra / 2 - 2, meta, True), (barra / 2 + 2, ejecutado, False)):
            r = serie.get(anio)
            if r is None:
                continue
            x = centro + desplazamiento - barra / 2
            y0, y1 = y(max(r["valor"], 0)), y(min(r["valor"], 0))
            alto_barra = max(y1 - y0, 1)
            if es_meta:
                estilo = 'fill="#c9d6e8" stroke="#6b8cb8"'
            elif r.get("parcial"):
                estilo = 'fill="url(#rayado)" stroke="#1f5fa8" stroke-dasharray="3 2"'
            else:
                estilo = 'fill="#1f5fa8"'
            etiqueta = nombres[0] if es_meta else NOMBRES_MEDIDA.get(r["medida"], r["medida"])
            ayuda = f"{etiqueta} {anio}: {valor_co(r['valor'], r['unidad'])}"
            if r.get("corte"):
                ayuda += f" ({r['corte']})"
            partes.append(
                f'<rect x="{x:.1f}" y="{y0:.1f}" width="{barra:.1f}" height="{alto_barra:.1f}" '
                f"{estilo}><title>{escape(ayuda)}</title></rect>"
            )
            partes.append(
                f'<text x="{x + barra / 2:.1f}" y="{y0 - 4:.1f}" font-size="10.5" '
                f'text-anchor="middle" fill="#1d2733">{escape(corto(r["valor"], r["unidad"]))}</text>'
            )
        partes.append(
            f'<text x="{centro:.1f}" y="{arriba + alto_grafica + 16}" font-size="12" text-anchor="middle" '
            f'font-weight="600" fill="#1d2733">{anio}</text>'
        )
        r = ejecutado.get(anio)
        if r is not None and r.get("parcial"):
            partes.append(
                f'<text x="{centro:.1f}" y="{arriba + alto_grafica + 31}" font-size="11" '
                f'text-anchor="middle" fill="#a06200">{escape(r["corte"])} (parcial)</text>'
            )
    partes.append(f'<line x1="{izq}" y1="{y(0):.1f}" x2="{ancho - der}" y2="{y(0):.1f}" stroke="#8a96a3"/>')
    partes.append("</svg>")
    return "".join(partes)


_CAJA = '<svg width="14" height="12"><rect width="14" height="12" {}/></svg>'
_LEYENDA = (
    '<p class="leyenda">'
    + _CAJA.format('fill="#c9d6e8" stroke="#6b8cb8"')
    + " Meta de la vigencia &nbsp; "
    + _CAJA.format('fill="#1f5fa8"')
    + " Ejecutado acumulado al cierre del año &nbsp; "
    + _CAJA.format('fill="url(#rayado)" stroke="#1f5fa8"')
    + " Año sin cerrar (acumulado al corte)</p>"
)


# --------------------------------------------------------------------- page


def _series(filas: list[dict]) -> list[tuple[str, dict[int, dict], dict[int, dict], tuple[str, str]]]:
    """Chart series of one indicator: (title, meta by year, executed by year, names)."""
    cfg = identidad.config().comparar
    salida = []
    por: dict = {}
    for r in filas:
        por.setdefault((r["medida"], r["tipo_gasto"]), {})[r["anio"]] = r
    meta = por.get(("meta", None), {})
    ejec: dict[int, dict] = {}
    for medida in cfg.get("ejecutado_grafica", ["acumulado", "ejecutado"]):
        for anio, r in por.get((medida, None), {}).items():
            if anio not in ejec or r["periodo_fin"] > ejec[anio]["periodo_fin"]:
                ejec[anio] = r
    if meta or ejec:
        salida.append(("Meta y ejecutado", meta, ejec, ("Meta", "Ejecutado")))
    for tipo in sorted(
        {t for (m, t) in por if m in ("recursos_programados", "recursos_ejecutados")}, key=lambda t: t or ""
    ):
        prog, ejecu = por.get(("recursos_programados", tipo), {}), por.get(("recursos_ejecutados", tipo), {})
        if prog or ejecu:
            titulo = "Recursos" + (f" de {tipo}" if tipo else "") + ": programados y ejecutados"
            salida.append((titulo, prog, ejecu, ("Programados", "Ejecutados")))
    return salida


# ------------------------------------------------------------------ sources

REVISION = "revision.html"  # the review page (informes revisar --salida) next to this one
MAX_RECORTES = 400  # crops embedded in one page (each 10-60 kB); the rest keep the file and page
ANCHO_RECORTE = 760  # pixels


def fuentes(con: duckdb.DuckDBPyConnection, filas: list[dict]) -> tuple[dict[str, str], set[str]]:
    """({observacion_id: crop HTML}, the observacion_id that informes revisar lists)."""
    from pipelines.salidas.revisar import en_revision, recortes_de

    ids = [r["_observacion_id"] for r in filas if r.get("_observacion_id")]
    return recortes_de(con, ids, MAX_RECORTES, ANCHO_RECORTE), en_revision(con) & set(ids)


def _fuente(r: dict, recortes: dict[str, str], revisar: set[str]) -> str:
    """The "Fuente" cell: file and page, the crop, the review entry."""
    html = escape(r["archivo"]) + (f", pág. {r['pagina']}" if r["pagina"] else "")
    obs = r.get("_observacion_id") or ""
    recorte = recortes.get(obs)
    if recorte:  # a block: on its own line
        html += (
            f'<details class="recorte" data-observacion="{escape(obs)}"><summary>ver en el documento'
            f"</summary><div>{recorte}</div></details>"
        )
    if obs in revisar:
        html += ("" if recorte else "<br>") + (
            f'<a class="revisar" href="{REVISION}#e-{escape(obs)}" title="Esta cifra está en la página de revisión '
            '(informes revisar)">revisar</a>'
        )
    return html


def _articulo(
    clave: str,
    filas: list[dict],
    enlaces: list[dict],
    recortes: Optional[dict[str, str]] = None,
    revisar: Optional[set[str]] = None,
) -> str:
    primera = filas[0]
    partes = [
        f'<article id="{escape(clave)}"><h3>{escape(primera["indicador"] or clave)}</h3>',
        f'<p class="clave">{escape(clave)}</p>',
    ]
    if enlaces:
        partes.append('<ul class="variantes">')
        for d in enlaces:
            como = NOMBRES_VINCULO.get(d["vinculo"], d["vinculo"] or "")
            if d["vinculo"] == "similitud" and d["puntaje"] is not None:
                como += f" {numero_co(d['puntaje'], 0)}"
            if d["vinculo"] == "codigo" and d["codigo"]:
                como += f" {d['codigo']}"
            padre = f" (en «{escape(d['indicador_padre'])}»)" if d["indicador_padre"] else ""
            partes.append(
                f"<li>«{escape(d['variante'])}»{padre} · {escape(d['anios'] or 's. f.')} · {escape(como)}</li>"
            )
        partes.append("</ul>")
    avisos = sorted({r["aviso"] for r in filas if r["aviso"]})
    for aviso in avisos:
        partes.append(f'<p class="aviso">⚠ {escape(aviso)}</p>')
    anios = sorted({r["anio"] for r in filas})
    for titulo, meta, ejec, nombres in _series(filas):
        anios_serie = sorted(set(meta) | set(ejec)) or anios
        partes.append(grafica(f"{primera['indicador']}: {titulo}", anios_serie, meta, ejec, nombres))
    partes.append(
        '<table><thead><tr><th>Año</th><th>Medida</th><th class="num">Valor</th><th>Corte</th>'
        '<th class="num">Avance</th><th class="num">Variación</th><th>Fuente</th></tr></thead><tbody>'
    )
    orden = {m: k for k, m in enumerate(NOMBRES_MEDIDA)}
    for r in sorted(filas, key=lambda r: (r["anio"], orden.get(r["medida"], 99), r["tipo_gasto"] or "")):
        medida = NOMBRES_MEDIDA.get(r["medida"], r["medida"]) + (f" ({r['tipo_gasto']})" if r["tipo_gasto"] else "")
        corte = escape(r["corte"] or "")
        if r["parcial"]:
            corte = f'<span class="parcial">{corte}</span>'
        fuente = _fuente(r, recortes or {}, revisar or set())
        partes.append(
            f'<tr class="{"parcial" if r["parcial"] else ""}"><td>{r["anio"]}</td><td>{escape(medida)}</td>'
            f'<td class="num">{escape(valor_co(r["valor"], r["unidad"]))}</td><td class="corte">{corte}</td>'
            f'<td class="num">{fraccion_pct(r["avance"])}</td><td class="num">{fraccion_pct(r["variacion"])}</td>'
            f'<td class="fuente">{fuente}</td></tr>'
        )
    partes.append("</tbody></table></article>")
    return "".join(partes)


def pagina(
    filas: list[dict[str, Any]],
    enlaces: list[dict[str, Any]],
    filtros=None,
    con: Optional[duckdb.DuckDBPyConnection] = None,
) -> str:
    """The whole page; with the store `con`, each figure with its crop and review link."""
    from pipelines.salidas.revisar import CSS_RECORTES

    recortes, revisar = fuentes(con, filas) if con is not None and filas else ({}, set())
    entidades: dict[str, list[dict]] = {}
    for r in filas:
        entidades.setdefault(r["entidad_clave"], []).append(r)
    por_variante: dict[str, list[dict]] = {}
    for d in enlaces:
        por_variante.setdefault(d["indicador_clave"], []).append(d)
    n_ind = len({r["indicador_clave"] for r in filas})
    aplicados = [f"{k} = {v}" for k, v in vars(filtros).items() if v] if filtros is not None else []
    partes = [
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>Indicadores: comparación entre años</title>",
        f"<style>{_CSS}{CSS_RECORTES}</style></head><body>",
        _DEFS,
        "<header><h1>Indicadores: comparación entre años</h1>",
        f"<p>{len(entidades)} entidad{'es' if len(entidades) != 1 else ''} · {n_ind} indicadores · "
        f"{len(filas)} cifras · generado el {datetime.now():%Y-%m-%d %H:%M}"
        + (f" · filtros: {escape(', '.join(aplicados))}" if aplicados else "")
        + "</p>",
        "<p>Cada año muestra la meta de la vigencia y la cifra acumulada más reciente de ese año; "
        "un año sin cerrar dice hasta qué fecha va.</p></header>",
    ]
    if not filas:
        partes.append("<main><p>No hay cifras para comparar con estos filtros.</p></main></body></html>")
        return "".join(partes)
    partes.append(
        "<nav>"
        + "".join(f'<a href="#{escape(k)}">{escape(v[0]["entidad"] or k)}</a>' for k, v in entidades.items())
        + "</nav>"
    )
    partes.append("<main>" + _LEYENDA)
    for clave_ent, filas_ent in entidades.items():
        deps = list(
            {
                identidad.normalizar(r["dependencia"]): r["dependencia"]
                for r in sorted(filas_ent, key=lambda r: -r["anio"])
                if r["dependencia"]
            }.values()
        )
        anios = sorted({r["anio"] for r in filas_ent})
        nombre_ent = escape(filas_ent[0]["entidad"] or clave_ent)
        partes.append(
            f'<section class="entidad" id="{escape(clave_ent)}"><h2>{nombre_ent}</h2>'
            f'<p class="sub">{escape(clave_ent)} · años {anios[0]}–{anios[-1]} · '
            f'{escape("; ".join(deps))}</p><div class="rejilla">'
        )
        indicadores: dict[str, list[dict]] = {}
        for r in filas_ent:
            indicadores.setdefault(r["indicador_clave"], []).append(r)
        orden = sorted(indicadores.items(), key=lambda par: (-len({r["anio"] for r in par[1]}), par[0]))
        for clave, filas_ind in orden:
            partes.append(_articulo(clave, filas_ind, por_variante.get(clave, []), recortes, revisar))
        partes.append("</div></section>")
    partes.append(
        "</main><footer>informes · comparar. Las claves (entidad_clave, indicador_clave) y los vínculos "
        "se revisan con «informes indicadores» y se corrigen con «informes vincular» / "
        "«informes separar». «ver en el documento» abre el pedazo de la página de donde salió la cifra; "
        "«revisar» lleva a su entrada en revision.html (escrita con «informes revisar --salida» en esta "
        "misma carpeta).</footer></body></html>"
    )
    return "".join(partes)
