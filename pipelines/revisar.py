"""`informes revisar`: the doubtful figures of the store next to the piece
of the page they came from, in one self-contained HTML page.

A figure needs a look when the validator found an error in it, when its
confidence is below a threshold, or when it is a number of a table that
reached no observation (cifras_sin_destino). For each: a crop of the PDF
page around the cell (rendered with pypdfium2, the cell outlined with
Pillow, embedded as PNG), or for a workbook the cells around it as a small
grid with the cell highlighted (the workbook read again with openpyxl);
the figure as read, the findings' messages and how the table's columns were
read (columnas_leidas). Grouped by report and table, with a search box,
filters and decisions (correct, reject, another measure for the column,
another indicator name) that the page downloads as JSON for
`informes corregir --desde` (plain JavaScript, no network).
"""
from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any, Optional

import duckdb

import esquemas
from pipelines.html_comparar import numero_co
from pipelines.ver import NOMBRES_MEDIDA, NOMBRES_ROL_COLUMNA, periodo_corto

ESCALA = 1.5  # pixels per PDF point of the crops (108 dpi)
MARGEN_VERTICAL = 54.0  # PDF points above and below the cell in a crop
ANCHO_MAXIMO = 900  # pixels: wider crops are scaled down
CONTEXTO_HOJA = 3  # rows and columns of a workbook shown around the cell
COLOR_CELDA = (214, 40, 40)
MAX_ENTRADAS = 2000  # entries on one page (the rest are counted, narrow with --archivo)


class ErrorRevision(Exception):
    """An expected failure, in Spanish."""


@dataclass
class Entrada:
    """One figure (or number without destination) to review."""

    clave: str  # observacion_id, or "sd-<informe_id>-<n>" for a number without destination
    tipo: str  # "cifra" | "sin_destino"
    motivos: list[str]  # "error", "confianza", "sin_destino"
    informe_id: str
    tabla: Optional[int]
    fila: Optional[int]
    columna: Optional[int]
    pagina: Optional[int]
    hoja: Optional[str] = None
    celda: Optional[str] = None
    bbox: Optional[tuple[float, float, float, float]] = None
    datos: dict[str, Any] = field(default_factory=dict)
    mensajes: list[tuple[str, str]] = field(default_factory=list)  # (severidad, mensaje)


@dataclass
class ResultadoRevision:
    html: Path
    entradas: int = 0
    informes: int = 0
    recortes: int = 0
    omitidas: int = 0


# ------------------------------------------------------------------ queries


def _filas(con, sql: str, params: list) -> list[dict[str, Any]]:
    cur = con.execute(sql, params)
    nombres = [d[0] for d in cur.description]
    return [dict(zip(nombres, f)) for f in cur.fetchall()]


def entradas(con: duckdb.DuckDBPyConnection, minimo: float = 0.8,
             archivo: Optional[str] = None) -> tuple[list[dict], list[Entrada]]:
    """(the reports, the entries to review), in report, table, row order."""
    filtro, params = "", []
    if archivo:
        filtro = " AND (i.archivo = ? OR i.ruta = ? OR i.informe_id = ?)"
        params = [archivo, archivo, archivo]
    informes = _filas(con, "SELECT i.informe_id, i.archivo, i.ruta, i.formato, i.entidad, i.vigencia, i.paginas "
                           f"FROM informes i WHERE true{filtro} ORDER BY i.archivo, i.informe_id", params)
    errores = "(SELECT observacion_id FROM hallazgos WHERE severidad = 'error' AND observacion_id IS NOT NULL)"
    obs = _filas(con, f"""
        SELECT o.observacion_id, o.informe_id, o.indicador, o.indicador_padre, o.medida, o.periodo_inicio,
               o.periodo_fin, o.valor, o.unidad, o.valor_texto, o.confianza, o.marcada, o.pagina, o.tabla, o.fila,
               o.columna, o.hoja, o.celda, o.bbox_x0, o.bbox_top, o.bbox_x1, o.bbox_bottom, o.nota,
               o.observacion_id IN {errores} AS con_error
        FROM observaciones o JOIN informes i USING (informe_id)
        WHERE (o.marcada OR o.confianza < ? OR o.observacion_id IN {errores}){filtro}
        ORDER BY i.archivo, o.informe_id, o.tabla NULLS LAST, o.fila, o.columna, o.observacion_id""",
                 [minimo, *params])
    mensajes: dict[str, list[tuple[str, str]]] = {}
    if obs:
        for h in _filas(con, "SELECT observacion_id, severidad, mensaje FROM hallazgos WHERE observacion_id IN "
                             "(SELECT unnest(?)) ORDER BY hallazgo_id", [[o["observacion_id"] for o in obs]]):
            mensajes.setdefault(h["observacion_id"], []).append((h["severidad"], h["mensaje"]))
    salida = []
    for o in obs:
        motivos = []
        if o["marcada"] or o["con_error"]:
            motivos.append("error")
        if o["confianza"] is not None and o["confianza"] < minimo:
            motivos.append("confianza")
        salida.append(Entrada(
            clave=o["observacion_id"], tipo="cifra", motivos=motivos, informe_id=o["informe_id"], tabla=o["tabla"],
            fila=o["fila"], columna=o["columna"], pagina=o["pagina"], hoja=o["hoja"], celda=o["celda"],
            bbox=_caja(o), datos=o, mensajes=mensajes.get(o["observacion_id"], [])))
    sin = _filas(con, f"""
        SELECT c.* FROM cifras_sin_destino c JOIN informes i USING (informe_id) WHERE true{filtro}
        ORDER BY i.archivo, c.informe_id, c.tabla NULLS LAST, c.fila, c.columna""", params)
    for n, c in enumerate(sin, start=1):
        salida.append(Entrada(
            clave=f"sd-{c['informe_id']}-{n}", tipo="sin_destino", motivos=["sin_destino"],
            informe_id=c["informe_id"], tabla=c["tabla"], fila=c["fila"], columna=c["columna"], pagina=c["pagina"],
            hoja=c["hoja"], celda=c["celda"], bbox=_caja(c), datos=c, mensajes=[("advertencia", c["motivo"])]))
    orden = {i["informe_id"]: n for n, i in enumerate(informes)}
    salida.sort(key=lambda e: (orden.get(e.informe_id, 0), e.tabla is None, e.tabla or 0, e.fila or 0,
                               e.columna or 0, e.tipo))
    return informes, salida


def _caja(fila: dict) -> Optional[tuple[float, float, float, float]]:
    valores = (fila.get("bbox_x0"), fila.get("bbox_top"), fila.get("bbox_x1"), fila.get("bbox_bottom"))
    return None if any(v is None for v in valores) else tuple(float(v) for v in valores)


def lecturas(con, informe_ids: list[str]) -> dict[tuple[str, int], list[dict]]:
    """{(informe_id, table): its columns as read}."""
    salida: dict[tuple[str, int], list[dict]] = {}
    if not informe_ids:
        return salida
    for c in _filas(con, "SELECT * FROM columnas_leidas WHERE informe_id IN (SELECT unnest(?)) "
                         "ORDER BY informe_id, tabla, columna", [informe_ids]):
        salida.setdefault((c["informe_id"], c["tabla"]), []).append(c)
    return salida


# -------------------------------------------------------------------- crops


class Paginas:
    """Rendered PDF pages, one file open at a time (pypdfium2)."""

    def __init__(self):
        self._ruta: Optional[str] = None
        self._pdf = None
        self._cache: dict[tuple[str, int], Any] = {}

    def imagen(self, ruta: str, pagina: int):
        import pypdfium2 as pdfium

        clave = (ruta, pagina)
        if clave in self._cache:
            return self._cache[clave]
        if self._ruta != ruta:
            self.cerrar()
            self._pdf, self._ruta = pdfium.PdfDocument(ruta), ruta
            self._cache.clear()
        if not 1 <= pagina <= len(self._pdf):
            return None
        hoja = self._pdf[pagina - 1]
        try:
            imagen = hoja.render(scale=ESCALA).to_pil().convert("RGB")
        finally:
            hoja.close()
        self._cache[clave] = imagen
        return imagen

    def cerrar(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
        self._pdf, self._ruta = None, None


def recorte_pdf(imagen, bbox: tuple[float, float, float, float]) -> bytes:
    """PNG of the page strip around the cell (the page's whole width: the row's
    name and its other figures), the cell outlined and its row tinted."""
    from PIL import Image, ImageDraw

    x0, y0, x1, y1 = (v * ESCALA for v in bbox)
    arriba = max(0, int(y0 - MARGEN_VERTICAL * ESCALA))
    abajo = min(imagen.height, int(y1 + MARGEN_VERTICAL * ESCALA))
    tira = imagen.crop((0, arriba, imagen.width, max(abajo, arriba + 1))).convert("RGBA")
    capa = Image.new("RGBA", tira.size, (0, 0, 0, 0))
    dibujo = ImageDraw.Draw(capa)
    dibujo.rectangle([0, y0 - arriba, tira.width, y1 - arriba], fill=(255, 230, 0, 50))
    tira.alpha_composite(capa)
    dibujo = ImageDraw.Draw(tira)
    dibujo.rectangle([x0 - 3, y0 - arriba - 3, x1 + 3, y1 - arriba + 3], outline=COLOR_CELDA + (255,), width=3)
    tira = tira.convert("RGB")
    if tira.width > ANCHO_MAXIMO:
        alto = max(1, round(tira.height * ANCHO_MAXIMO / tira.width))
        tira = tira.resize((ANCHO_MAXIMO, alto), Image.LANCZOS)
    salida = io.BytesIO()
    tira.save(salida, "PNG", optimize=True)
    return salida.getvalue()


class Libros:
    """Workbooks read again (openpyxl, values only), one open at a time."""

    def __init__(self):
        self._ruta: Optional[str] = None
        self._libro = None

    def libro(self, ruta: str):
        from openpyxl import load_workbook

        if self._ruta != ruta:
            self.cerrar()
            self._libro, self._ruta = load_workbook(ruta, read_only=True, data_only=True), ruta
        return self._libro

    def cerrar(self) -> None:
        if self._libro is not None:
            self._libro.close()
        self._libro, self._ruta = None, None


def rejilla_hoja(libro, hoja: str, celda: str) -> Optional[str]:
    """The cells around `celda` of sheet `hoja` as an HTML grid, the cell highlighted."""
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter

    if hoja not in libro.sheetnames:
        return None
    try:
        letra, fila = coordinate_from_string(celda.split("!")[-1].replace("$", ""))
    except ValueError:
        return None
    col = column_index_from_string(letra)
    hoja_ws = libro[hoja]
    f0, f1 = max(1, fila - CONTEXTO_HOJA), fila + CONTEXTO_HOJA
    c0, c1 = max(1, col - CONTEXTO_HOJA), col + CONTEXTO_HOJA
    filas = list(hoja_ws.iter_rows(min_row=f0, max_row=f1, min_col=c0, max_col=c1, values_only=True))
    cabeza = "".join(f"<th>{get_column_letter(k)}</th>" for k in range(c0, c1 + 1))
    cuerpo = []
    for i, valores in enumerate(filas):
        r = f0 + i
        celdas = []
        for j, v in enumerate(valores):
            k = c0 + j
            texto = "" if v is None else numero_co(v) if isinstance(v, (int, float)) and not isinstance(v, bool) \
                else str(v)
            clase = ' class="celda-revisada"' if (r, k) == (fila, col) else (' class="fila-revisada"' if r == fila
                                                                             else "")
            celdas.append(f"<td{clase} title=\"{escape(get_column_letter(k))}{r}\">{escape(texto[:120])}</td>")
        cuerpo.append(f'<tr><th>{r}</th>{"".join(celdas)}</tr>')
    return (f'<table class="hoja" aria-label="Celdas alrededor de {escape(hoja)}!{escape(celda)}">'
            f"<thead><tr><th></th>{cabeza}</tr></thead><tbody>{''.join(cuerpo)}</tbody></table>")


# --------------------------------------------------------------------- page


def revisar(con: duckdb.DuckDBPyConnection, salida: Path, minimo: float = 0.8,
            archivo: Optional[str] = None) -> ResultadoRevision:
    """Write the review page of the store `con` to `salida`."""
    if not 0 <= minimo <= 1:
        raise ErrorRevision("--minimo es una confianza entre 0 y 1 (por ejemplo 0.8).")
    informes, lista = entradas(con, minimo, archivo)
    if archivo and not informes:
        raise ErrorRevision(f"No hay ningún informe cargado que se llame o se identifique «{archivo}».")
    omitidas = max(0, len(lista) - MAX_ENTRADAS)
    lista = lista[:MAX_ENTRADAS]
    leidas = lecturas(con, sorted({e.informe_id for e in lista}))
    resultado = ResultadoRevision(html=Path(salida), entradas=len(lista), omitidas=omitidas)
    por_informe = {i["informe_id"]: i for i in informes}
    paginas, libros = Paginas(), Libros()
    secciones = []
    try:
        for inf in informes:
            propias = [e for e in lista if e.informe_id == inf["informe_id"]]
            if not propias:
                continue
            resultado.informes += 1
            secciones.append(_seccion_informe(inf, propias, leidas, paginas, libros, resultado))
    finally:
        paginas.cerrar()
        libros.cerrar()
    html = _pagina(secciones, resultado, minimo, [por_informe[k] for k in por_informe
                                                  if any(e.informe_id == k for e in lista)])
    try:
        Path(salida).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ErrorRevision(f"No se pudo escribir {salida}: {exc.strerror or exc}") from exc
    return resultado


def _seccion_informe(inf: dict, propias: list[Entrada], leidas, paginas: Paginas, libros: Libros,
                     resultado: ResultadoRevision) -> str:
    ruta = inf["ruta"]
    presente = bool(ruta) and Path(ruta).is_file()
    datos = [escape(inf["formato"].upper() if inf["formato"] else "")]
    for etiqueta, valor in (("entidad", inf["entidad"]), ("vigencia", inf["vigencia"])):
        if valor:
            datos.append(f"{etiqueta}: {escape(str(valor))}")
    partes = [f'<section class="informe" data-informe="{escape(inf["informe_id"])}">',
              f'<h2>{escape(inf["archivo"])}</h2><p class="nota">{" · ".join(datos)} · '
              f"{len(propias)} cifra(s) por revisar · informe_id {escape(inf['informe_id'])}</p>"]
    if not presente:
        partes.append(f'<p class="aviso">El archivo ya no está en {escape(ruta or "(ruta desconocida)")}: no se '
                      "puede mostrar el recorte de la página.</p>")
    tablas: dict[Optional[int], list[Entrada]] = {}
    for e in propias:
        tablas.setdefault(e.tabla, []).append(e)
    for tabla, grupo in tablas.items():
        titulo = f"Tabla {tabla}" if tabla is not None else "Fuera de las tablas"
        paginas_tabla = sorted({e.pagina for e in grupo if e.pagina})
        if paginas_tabla:
            que = "hoja" if inf["formato"] in ("xlsx", "xls", "ods") else "pág."
            titulo += f" ({que} {', '.join(str(p) for p in paginas_tabla)})"
        partes.append(f'<section class="tabla"><h3>{escape(titulo)}</h3>')
        columnas = leidas.get((inf["informe_id"], tabla), []) if tabla is not None else []
        if columnas:
            partes.append(_lectura_html(columnas))
        for e in grupo:
            recorte = _recorte(e, inf, presente, paginas, libros)
            if recorte and recorte.startswith("<img"):
                resultado.recortes += 1
            partes.append(_entrada_html(e, inf, recorte, columnas))
        partes.append("</section>")
    partes.append("</section>")
    return "\n".join(partes)


def _recorte(e: Entrada, inf: dict, presente: bool, paginas: Paginas, libros: Libros) -> Optional[str]:
    if not presente:
        return None
    formato = inf["formato"]
    try:
        if formato == "pdf" and e.bbox and e.pagina:
            imagen = paginas.imagen(inf["ruta"], e.pagina)
            if imagen is None:
                return None
            png = recorte_pdf(imagen, e.bbox)
            return (f'<img class="recorte" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
                    f'alt="Página {e.pagina}: la celda de la cifra enmarcada en rojo">')
        if formato in ("xlsx",) and e.hoja and e.celda:
            return rejilla_hoja(libros.libro(inf["ruta"]), e.hoja, e.celda)
    except Exception as exc:  # noqa: BLE001 - a file that cannot be drawn leaves a note, not a failure
        return f'<p class="aviso">No se pudo dibujar el recorte ({escape(type(exc).__name__)}: {escape(str(exc))}).</p>'
    return None


def _periodo(c: dict) -> str:
    return periodo_corto(c.get("periodo_inicio"), c.get("periodo_fin"))


def _lectura_html(columnas: list[dict]) -> str:
    filas = []
    for c in columnas:
        if c["rol"] == "valor":
            rol = NOMBRES_MEDIDA.get(c["medida"], c["medida"] or "valor")
        elif c["nombre"]:
            rol = "nombre del indicador"
        else:
            rol = NOMBRES_ROL_COLUMNA.get(c["rol"], c["rol"])
        plantilla = f' <span class="plantilla">plantilla {escape(c["plantilla"])}</span>' if c.get("plantilla") else ""
        filas.append(f'<tr data-columna="{c["columna"]}"><td class="num">{c["columna"] + 1}</td>'
                     f'<td>{escape(c["encabezado"] or "—")}</td><td>{escape(rol)}{plantilla}</td>'
                     f"<td>{escape(_periodo(c))}</td><td>{escape(c['escala'] or '')}</td></tr>")
    return ('<details class="lectura" open><summary>Lectura de las columnas</summary><table class="lectura">'
            "<thead><tr><th>Col.</th><th>Encabezado</th><th>Leída como</th><th>Periodo</th><th>Escala</th></tr>"
            f"</thead><tbody>{''.join(filas)}</tbody></table></details>")


def _valor(d: dict) -> str:
    v = d.get("valor")
    if v is None:
        return ""
    texto = numero_co(v)
    unidad = d.get("unidad")
    return f"{texto} %" if unidad == "porcentaje" else f"$ {texto}" if unidad == "pesos" else texto


def _entrada_html(e: Entrada, inf: dict, recorte: Optional[str], columnas: list[dict]) -> str:
    d = e.datos
    donde = []
    if e.hoja:
        donde.append(f"hoja «{e.hoja}»")
    elif e.pagina:
        donde.append(f"página {e.pagina}")
    if e.celda:
        donde.append(f"celda {e.celda}")
    if e.fila is not None:
        donde.append(f"fila {e.fila + 1}")
    if e.columna is not None:
        donde.append(f"columna {e.columna + 1}")
    motivos = {"error": "error del validador", "confianza": "confianza baja", "sin_destino": "cifra sin destino"}
    etiquetas = "".join(f'<span class="motivo m-{m}">{motivos[m]}</span>' for m in e.motivos)
    if e.tipo == "cifra":
        titulo = escape(d["indicador"] or "")
        campos = [("Indicador", d["indicador"]), ("Padre", d.get("indicador_padre")),
                  ("Medida", NOMBRES_MEDIDA.get(d["medida"], d["medida"])), ("Periodo", _periodo(d)),
                  ("Valor", _valor(d)), ("Unidad", d["unidad"]), ("Texto leído", d["valor_texto"]),
                  ("Confianza", numero_co(round(d["confianza"], 2)) if d["confianza"] is not None else ""),
                  ("Cifra", e.clave)]
    else:
        titulo = f"Cifra sin destino: {escape(d['texto'])}"
        campos = [("Texto", d["texto"]), ("Contexto", d.get("contexto"))]
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in campos if v not in (None, ""))
    mensajes = "".join(f'<li class="s-{escape(s)}"><b>{escape(s)}</b>: {escape(m)}</li>' for s, m in e.mensajes)
    columna = next((c for c in columnas if c["columna"] == e.columna), None)
    leida = ""
    if columna is not None:
        leida = (f'<p class="nota">Columna {e.columna + 1} «{escape(columna["encabezado"] or "")}» leída como '
                 f"{escape(NOMBRES_MEDIDA.get(columna['medida'], columna['medida'] or columna['rol']))}"
                 f"{(' ' + escape(_periodo(columna))) if _periodo(columna) else ''}.</p>")
    if recorte is None:
        recorte = ('<p class="nota sin-recorte">Sin recorte: ' + (
            "documento de Word, sin páginas dibujables." if inf["formato"] in ("docx", "doc", "rtf", "odt")
            else "la cifra no tiene ubicación en la página." if inf["formato"] == "pdf"
            else "solo los libros .xlsx se muestran como rejilla.") + "</p>")
    texto_busqueda = " ".join(str(x) for x in (inf["archivo"], d.get("indicador"), d.get("indicador_padre"),
                                               d.get("medida"), d.get("valor_texto"), d.get("texto"),
                                               d.get("contexto"), e.clave, *(m for _, m in e.mensajes)) if x)
    decision = ""
    if e.tipo == "cifra":
        opciones = "".join(f'<option value="{escape(m)}">{escape(NOMBRES_MEDIDA.get(m, m))}</option>'
                           for m in sorted(esquemas.vocabulario("medida")))
        decision = (
            '<div class="decision">'
            '<button type="button" data-accion="correcta">Correcta</button>'
            '<button type="button" data-accion="rechazo">Rechazar la cifra</button>'
            f'<label>Medida de la columna <select data-accion="columna"><option value="">(como se leyó)</option>'
            f"{opciones}</select></label>"
            '<label>Nombre del indicador <input type="text" data-accion="indicador" '
            f'placeholder="{escape(d["indicador"] or "")}"></label>'
            '<span class="estado"></span></div>')
    return (f'<article class="entrada" id="e-{escape(e.clave)}" data-clave="{escape(e.clave)}" '
            f'data-tipo="{e.tipo}" data-motivos="{" ".join(e.motivos)}" '
            f'data-texto="{escape(texto_busqueda.lower())}">'
            f'<h4>{titulo} {etiquetas}</h4><p class="donde">{escape(" · ".join(donde))}</p>'
            f'<div class="recorte-caja">{recorte}</div><div class="detalle"><dl>{dl}</dl>'
            f'<ul class="mensajes">{mensajes}</ul>{leida}{decision}</div></article>')


_CSS = """
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #1d2733; margin: 0; background: #f4f6f9;
       font-size: 14px; line-height: 1.4; }
header { background: #16324f; color: #fff; padding: 16px 28px; position: sticky; top: 0; z-index: 2; }
header h1 { margin: 0 0 4px; font-size: 21px; }
header p { margin: 2px 0; color: #d5e0ec; }
.filtros { display: flex; flex-wrap: wrap; gap: 10px 18px; align-items: center; margin-top: 8px; }
.filtros input[type=search] { width: 320px; padding: 5px 8px; border-radius: 4px; border: 0; }
.filtros label { color: #fff; }
.filtros button { padding: 5px 12px; }
main { padding: 8px 28px 40px; }
section.informe { margin-top: 20px; }
section.informe h2 { margin: 6px 0; font-size: 19px; }
section.tabla { background: #fff; border: 1px solid #dde3ea; border-radius: 6px; padding: 10px 16px; margin: 12px 0; }
section.tabla h3 { margin: 4px 0 8px; font-size: 16px; }
.nota { color: #5b6776; font-size: 13px; margin: 4px 0; }
.aviso { background: #fff4e5; border-left: 4px solid #e69500; padding: 6px 10px; }
table.lectura, table.hoja { border-collapse: collapse; font-size: 13px; }
table.lectura td, table.lectura th, table.hoja td, table.hoja th { border: 1px solid #ccd3dc; padding: 2px 7px; }
table.hoja th { background: #eef1f5; color: #5b6776; font-weight: normal; }
td.num { text-align: right; }
td.celda-revisada { outline: 3px solid rgb(214,40,40); outline-offset: -2px; background: #fff3b0; font-weight: bold; }
td.fila-revisada { background: #fffbe0; }
article.entrada { border-top: 1px solid #e3e8ee; padding: 10px 0; display: grid;
                  grid-template-columns: minmax(300px, 920px) minmax(280px, 1fr); gap: 6px 18px; }
article.entrada h4, article.entrada p.donde { grid-column: 1 / -1; margin: 0; }
article.entrada h4 { font-size: 15px; }
p.donde { color: #5b6776; font-size: 13px; }
img.recorte { display: block; max-width: 100%; height: auto; border: 1px solid #ccd3dc; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1px 10px; margin: 0 0 6px; }
dt { color: #5b6776; } dd { margin: 0; }
ul.mensajes { margin: 4px 0; padding-left: 18px; }
li.s-error { color: #a11; } li.s-advertencia { color: #8a5a00; }
.motivo { font-size: 11px; font-weight: normal; border-radius: 3px; padding: 1px 6px; margin-left: 6px; color: #fff; }
.m-error { background: #c62828; } .m-confianza { background: #8e5bb5; } .m-sin_destino { background: #e07b00; }
.plantilla { font-size: 11px; background: #e0f0e3; border-radius: 3px; padding: 0 5px; margin-left: 4px; }
.decision { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin-top: 6px; }
.decision .estado { font-size: 12px; color: #2b6e3f; }
article.decidida { background: #f3faf4; }
.oculta { display: none !important; }
"""

_JS = r"""
(function () {
  const decisiones = new Map();
  const buscar = document.getElementById('buscar');
  const informe = document.getElementById('informe');
  const motivos = Array.from(document.querySelectorAll('input[data-filtro]'));
  const cuenta = document.getElementById('cuenta');
  const entradas = Array.from(document.querySelectorAll('article.entrada'));
  function filtrar() {
    const q = buscar.value.trim().toLowerCase();
    const activos = new Set(motivos.filter(m => m.checked).map(m => m.dataset.filtro));
    let visibles = 0;
    entradas.forEach(function (e) {
      const sec = e.closest('section.informe');
      const okInforme = !informe.value || sec.dataset.informe === informe.value;
      const okMotivo = e.dataset.motivos.split(' ').some(m => activos.has(m));
      const okTexto = !q || e.dataset.texto.indexOf(q) >= 0;
      const ver = okInforme && okMotivo && okTexto;
      e.classList.toggle('oculta', !ver);
      if (ver) visibles++;
    });
    document.querySelectorAll('section.tabla, section.informe').forEach(function (s) {
      s.classList.toggle('oculta', !s.querySelector('article.entrada:not(.oculta)'));
    });
    cuenta.textContent = visibles + ' de ' + entradas.length + ' cifra(s) visibles · ' + decisiones.size +
      ' decisión(es)';
  }
  function decidir(e, decision) {
    const clave = e.dataset.clave;
    if (decision) decisiones.set(clave, decision); else decisiones.delete(clave);
    e.classList.toggle('decidida', !!decision);
    e.querySelector('.estado').textContent = decision ? 'Decisión: ' + decision.resumen : '';
    filtrar();
  }
  entradas.forEach(function (e) {
    e.querySelectorAll('[data-accion]').forEach(function (c) {
      const accion = c.dataset.accion;
      const evento = c.tagName === 'BUTTON' ? 'click' : 'change';
      c.addEventListener(evento, function () {
        const clave = e.dataset.clave;
        if (accion === 'correcta') decidir(e, {tipo: 'confirmada', observacion_id: clave, resumen: 'correcta'});
        else if (accion === 'rechazo') decidir(e, {tipo: 'rechazo', observacion_id: clave, resumen: 'rechazada'});
        else if (accion === 'columna') decidir(e, c.value ? {tipo: 'columna', observacion_id: clave, medida: c.value,
                                                   resumen: 'la columna es ' + c.options[c.selectedIndex].text} : null);
        else if (accion === 'indicador') decidir(e, c.value.trim() ? {tipo: 'indicador', observacion_id: clave,
                                                   indicador: c.value.trim(), resumen: 'el indicador se llama «' +
                                                   c.value.trim() + '»'} : null);
      });
    });
  });
  document.getElementById('descargar').addEventListener('click', function () {
    const correcciones = [], confirmadas = [];
    decisiones.forEach(function (d) {
      const c = Object.assign({}, d); delete c.resumen;
      if (c.tipo === 'confirmada') confirmadas.push(c.observacion_id); else correcciones.push(c);
    });
    const datos = {formato: 'informes-correcciones', version: 1, correcciones: correcciones,
                   confirmadas: confirmadas};
    const enlace = document.createElement('a');
    enlace.href = URL.createObjectURL(new Blob([JSON.stringify(datos, null, 2)], {type: 'application/json'}));
    enlace.download = 'decisiones.json';
    document.body.appendChild(enlace); enlace.click(); enlace.remove();
  });
  buscar.addEventListener('input', filtrar);
  informe.addEventListener('change', filtrar);
  motivos.forEach(m => m.addEventListener('change', filtrar));
  window.revision = {filtrar: filtrar, decisiones: decisiones};
  filtrar();
})();
"""


def _pagina(secciones: list[str], r: ResultadoRevision, minimo: float, informes: list[dict]) -> str:
    opciones = "".join(f'<option value="{escape(i["informe_id"])}">{escape(i["archivo"])}</option>'
                       for i in informes)
    resumen = (f"{r.entradas} cifra(s) por revisar en {r.informes} informe(s): con error del validador, con "
               f"confianza menor que {numero_co(minimo)} o sin destino; {r.recortes} recorte(s) de página.")
    if r.omitidas:
        resumen += f" Hay {r.omitidas} más: elija un informe con --archivo."
    cuerpo = "\n".join(secciones) if secciones else (
        '<section class="tabla"><p>No hay cifras por revisar: ninguna tiene errores del validador, confianza baja '
        "ni cifras sin destino.</p></section>")
    generado = datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"""<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Revisión de cifras dudosas</title><style>{_CSS}</style></head><body>
<header><h1>Revisión de cifras dudosas</h1><p>{escape(resumen)}</p>
<p>Decida cada cifra (correcta, rechazada, otra medida para su columna, otro nombre de indicador), descargue las
decisiones y aplíquelas con <code>informes corregir --desde decisiones.json</code>.</p>
<div class="filtros">
<input type="search" id="buscar" placeholder="Buscar indicador, archivo, mensaje…" aria-label="Buscar">
<label><input type="checkbox" data-filtro="error" checked> con error</label>
<label><input type="checkbox" data-filtro="confianza" checked> confianza baja</label>
<label><input type="checkbox" data-filtro="sin_destino" checked> sin destino</label>
<select id="informe" aria-label="Informe"><option value="">Todos los informes</option>{opciones}</select>
<button type="button" id="descargar">Descargar decisiones (JSON)</button>
<span id="cuenta"></span></div></header>
<main>
{cuerpo}
</main><footer class="nota" style="padding: 0 28px 20px">Generado por <code>informes revisar</code> el {generado}.
</footer><script>{_JS}</script></body></html>"""

