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
from extractor.formatos import HOJAS
from pipelines.texto import numero_co
from pipelines.salidas.ver import NOMBRES_MEDIDA, NOMBRES_ROL_COLUMNA, periodo_corto

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


def _filas(con, sql: str, parametros: list) -> list[dict[str, Any]]:
    cursor = con.execute(sql, parametros)
    nombres = [d[0] for d in cursor.description]
    return [dict(zip(nombres, f)) for f in cursor.fetchall()]


def entradas(
    con: duckdb.DuckDBPyConnection, minimo: float = 0.8, archivo: Optional[str] = None
) -> tuple[list[dict], list[Entrada]]:
    """(the reports, the entries to review), in report, table, row order."""
    filtro, params = "", []
    if archivo:
        filtro = " AND (i.archivo = ? OR i.ruta = ? OR i.informe_id = ?)"
        params = [archivo, archivo, archivo]
    informes = _filas(
        con,
        "SELECT i.informe_id, i.archivo, i.ruta, i.formato, i.sha256, i.entidad, i.vigencia, "
        "i.paginas "
        f"FROM informes i WHERE true{filtro} ORDER BY i.archivo, i.informe_id",
        params,
    )
    errores = "(SELECT observacion_id FROM hallazgos WHERE severidad = 'error' AND observacion_id IS NOT NULL)"
    obs = _filas(
        con,
        f"""
        SELECT o.observacion_id, o.informe_id, o.indicador, o.indicador_padre, o.medida, o.periodo_inicio,
               o.periodo_fin, o.valor, o.unidad, o.valor_texto, o.confianza, o.marcada, o.pagina, o.tabla, o.fila,
               o.columna, o.hoja, o.celda, o.bbox_x0, o.bbox_top, o.bbox_x1, o.bbox_bottom, o.nota,
               o.observacion_id IN {errores} AS con_error
        FROM observaciones o JOIN informes i USING (informe_id)
        WHERE (o.marcada OR o.confianza < ? OR o.observacion_id IN {errores}){filtro}{_sin_confirmadas(con)}
        ORDER BY i.archivo, o.informe_id, o.tabla NULLS LAST, o.fila, o.columna, o.observacion_id""",
        [minimo, *params],
    )
    mensajes: dict[str, list[tuple[str, str]]] = {}
    if obs:
        for h in _filas(
            con,
            "SELECT observacion_id, severidad, mensaje FROM hallazgos WHERE observacion_id IN "
            "(SELECT unnest(?)) ORDER BY hallazgo_id",
            [[o["observacion_id"] for o in obs]],
        ):
            mensajes.setdefault(h["observacion_id"], []).append((h["severidad"], h["mensaje"]))
    salida = []
    for o in obs:
        motivos = []
        if o["marcada"] or o["con_error"]:
            motivos.append("error")
        if o["confianza"] is not None and o["confianza"] < minimo:
            motivos.append("confianza")
        salida.append(
            Entrada(
                clave=o["observacion_id"],
                tipo="cifra",
                motivos=motivos,
                informe_id=o["informe_id"],
                tabla=o["tabla"],
                fila=o["fila"],
                columna=o["columna"],
                pagina=o["pagina"],
                hoja=o["hoja"],
                celda=o["celda"],
                bbox=_caja(o),
                datos=o,
                mensajes=mensajes.get(o["observacion_id"], []),
            )
        )
    sin = _filas(
        con,
        f"""
        SELECT c.* FROM cifras_sin_destino c JOIN informes i USING (informe_id) WHERE true{filtro}
        ORDER BY i.archivo, c.informe_id, c.tabla NULLS LAST, c.fila, c.columna""",
        params,
    )
    for n, c in enumerate(sin, start=1):
        salida.append(
            Entrada(
                clave=f"sd-{c['informe_id']}-{n}",
                tipo="sin_destino",
                motivos=["sin_destino"],
                informe_id=c["informe_id"],
                tabla=c["tabla"],
                fila=c["fila"],
                columna=c["columna"],
                pagina=c["pagina"],
                hoja=c["hoja"],
                celda=c["celda"],
                bbox=_caja(c),
                datos=c,
                mensajes=[("advertencia", c["motivo"])],
            )
        )
    orden = {i["informe_id"]: n for n, i in enumerate(informes)}
    salida.sort(
        key=lambda e: (orden.get(e.informe_id, 0), e.tabla is None, e.tabla or 0, e.fila or 0, e.columna or 0, e.tipo)
    )
    return informes, salida


def _sin_confirmadas(con) -> str:
    """SQL condition leaving out the figures a person confirmed (informes
    corregir: tipo confirmada) with the value and measure they still have;
    nothing in a store whose corrections table predates confirmations."""
    columnas = {
        c
        for (c,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = 'correcciones'").fetchall()
    }
    if not {"valor", "columna", "sha256", "medida", "indicador"} <= columnas:
        return ""
    return """ AND NOT EXISTS (SELECT 1 FROM correcciones c WHERE c.tipo = 'confirmada' AND c.sha256 = i.sha256
                 AND c.tabla IS NOT DISTINCT FROM o.tabla AND c.fila IS NOT DISTINCT FROM o.fila
                 AND c.columna IS NOT DISTINCT FROM o.columna AND c.indicador IS NOT DISTINCT FROM o.indicador
                 AND c.medida IS NOT DISTINCT FROM o.medida AND c.valor IS NOT DISTINCT FROM o.valor)"""


def _caja(fila: dict) -> Optional[tuple[float, float, float, float]]:
    valores = (fila.get("bbox_x0"), fila.get("bbox_top"), fila.get("bbox_x1"), fila.get("bbox_bottom"))
    x0, top, x1, bottom = valores
    if x0 is None or top is None or x1 is None or bottom is None:
        return None
    return float(x0), float(top), float(x1), float(bottom)


def lecturas(con, informe_ids: list[str]) -> dict[tuple[str, int], list[dict]]:
    """{(informe_id, table): its columns as read}."""
    salida: dict[tuple[str, int], list[dict]] = {}
    if not informe_ids:
        return salida
    for c in _filas(
        con,
        "SELECT * FROM columnas_leidas WHERE informe_id IN (SELECT unnest(?)) ORDER BY informe_id, tabla, columna",
        [informe_ids],
    ):
        salida.setdefault((c["informe_id"], c["tabla"]), []).append(c)
    return salida


# -------------------------------------------------------------------- crops


class Paginas:
    """Rendered PDF pages, one file open at a time (pypdfium2). A scanned
    page is turned as the OCR turned it (pipelines.salidas.ver.enderezar): the
    boxes of its cells are in the straightened page."""

    def __init__(self):
        self._ruta: Optional[str] = None
        self._pdf: Any = None  # pypdfium2.PdfDocument of self._ruta (imported on first use)
        self._cache: dict[tuple[str, int], Any] = {}

    def imagen(self, ruta: str, pagina: int, angulo: float = 0.0):
        import pypdfium2 as pdfium

        from pipelines.salidas.ver import enderezar

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
        imagen = enderezar(imagen, angulo)
        self._cache[clave] = imagen
        return imagen

    def cerrar(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
        self._pdf, self._ruta = None, None


def recorte_pdf(imagen, bbox: tuple[float, float, float, float], ancho_maximo: int = ANCHO_MAXIMO) -> bytes:
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
    if tira.width > ancho_maximo:
        alto = max(1, round(tira.height * ancho_maximo / tira.width))
        tira = tira.resize((ancho_maximo, alto), Image.Resampling.LANCZOS)
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


def _texto_celda(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return numero_co(v)
    return str(v)


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
    hoja_libro = libro[hoja]
    f0, f1 = max(1, fila - CONTEXTO_HOJA), fila + CONTEXTO_HOJA
    c0, c1 = max(1, col - CONTEXTO_HOJA), col + CONTEXTO_HOJA
    filas = list(hoja_libro.iter_rows(min_row=f0, max_row=f1, min_col=c0, max_col=c1, values_only=True))
    cabeza = "".join(f"<th>{get_column_letter(k)}</th>" for k in range(c0, c1 + 1))
    cuerpo = []
    for i, valores in enumerate(filas):
        r = f0 + i
        celdas = []
        for j, v in enumerate(valores):
            k = c0 + j
            clase = (
                ' class="celda-revisada"' if (r, k) == (fila, col) else (' class="fila-revisada"' if r == fila else "")
            )
            celdas.append(f'<td{clase} title="{escape(get_column_letter(k))}{r}">{escape(_texto_celda(v)[:120])}</td>')
        cuerpo.append(f"<tr><th>{r}</th>{''.join(celdas)}</tr>")
    return (
        f'<table class="hoja" aria-label="Celdas alrededor de {escape(hoja)}!{escape(celda)}">'
        f"<thead><tr><th></th>{cabeza}</tr></thead><tbody>{''.join(cuerpo)}</tbody></table>"
    )


def rejilla_tabla(tabla, fila: int, columna: int) -> Optional[str]:
    """The cells around (fila, columna) of a table of the document model (a
    Word document, an .xls or .ods workbook, any file read again with
    extractor.leer_documento) as an HTML grid, the cell highlighted. The
    table's first row (its header) and first column (the indicator's name)
    are kept even when far from the cell. Rows and columns counted from 1."""
    rejilla = tabla.rejilla()
    if not rejilla or not 0 <= fila < len(rejilla) or not 0 <= columna < len(rejilla[0]):
        return None
    filas = sorted({0} | set(range(max(0, fila - CONTEXTO_HOJA), min(len(rejilla), fila + CONTEXTO_HOJA + 1))))
    columnas = sorted(
        {0} | set(range(max(0, columna - CONTEXTO_HOJA), min(len(rejilla[0]), columna + CONTEXTO_HOJA + 1)))
    )

    def salto(anterior: Optional[int], actual: int) -> bool:
        return anterior is not None and actual > anterior + 1

    cabeza, previa = [], None
    for k in columnas:
        if salto(previa, k):
            cabeza.append('<th class="salto">…</th>')
        cabeza.append(f"<th>{k + 1}</th>")
        previa = k
    cuerpo, previa_r = [], None
    for r in filas:
        if salto(previa_r, r):
            cuerpo.append(f'<tr class="salto"><th>…</th><td colspan="{len(cabeza)}"></td></tr>')
        previa_r, previa, celdas = r, None, []
        for k in columnas:
            if salto(previa, k):
                celdas.append('<td class="salto">…</td>')
            previa = k
            celda = rejilla[r][k]
            texto = celda.texto.replace("\n", " ") if celda is not None else ""
            clase = (
                ' class="celda-revisada"'
                if (r, k) == (fila, columna)
                else (' class="fila-revisada"' if r == fila else "")
            )
            ref = f"fila {r + 1}, columna {k + 1}" + (f" ({celda.ref})" if celda is not None and celda.ref else "")
            celdas.append(f'<td{clase} title="{escape(ref)}">{escape(texto[:120])}</td>')
        cuerpo.append(f"<tr><th>{r + 1}</th>{''.join(celdas)}</tr>")
    return (
        f'<table class="hoja" aria-label="Tabla {tabla.indice}: celdas alrededor de la fila {fila + 1}, '
        f'columna {columna + 1}"><thead><tr><th></th>{"".join(cabeza)}</tr></thead>'
        f"<tbody>{''.join(cuerpo)}</tbody></table>"
    )


class Documentos:
    """Files read again into the document model (extractor.leer_documento),
    one at a time: the tables of a Word document or an .xls/.ods workbook."""

    def __init__(self):
        self._ruta: Optional[str] = None
        self._tablas: dict[int, Any] = {}

    def tabla(self, ruta: str, indice: int):
        from extractor import leer_documento

        if self._ruta != ruta:
            self._tablas, self._ruta = {}, None
            self._tablas = {t.indice: t for t in leer_documento(Path(ruta)).tablas}
            self._ruta = ruta
        return self._tablas.get(indice)


FORMATOS_WORD = ("docx", "doc", "rtf", "odt")


class Recortes:
    """The piece of the source around a figure, as HTML: for a PDF page the
    crop of the page (PNG embedded, the cell outlined); for an .xlsx
    workbook the cells around it; for other files (Word, .xls, .ods) the
    cells of its table around it. Files are opened once; used by
    `informes revisar` and by `informes comparar`'s HTML."""

    def __init__(self, ancho_maximo: int = ANCHO_MAXIMO):
        self.ancho_maximo = ancho_maximo
        self.paginas, self.libros, self.documentos = Paginas(), Libros(), Documentos()
        self._angulos: dict[tuple[str, int], float] = {}

    def __enter__(self) -> "Recortes":
        return self

    def __exit__(self, *_) -> None:
        self.cerrar()

    def cerrar(self) -> None:
        self.paginas.cerrar()
        self.libros.cerrar()

    def preparar(self, inf: dict, paginas: set[int]) -> None:
        """Find once which of `paginas` of the PDF `inf` were scanned (and by
        what angle the OCR turned them), instead of once per figure."""
        from pipelines.salidas.ver import paginas_escaneadas

        ruta = inf.get("ruta")
        faltan = sorted(p for p in paginas if p and (ruta, p) not in self._angulos)
        if inf.get("formato") != "pdf" or not faltan or not ruta or not Path(ruta).is_file():
            return
        angulos = paginas_escaneadas(Path(ruta), inf.get("sha256") or "", faltan)
        for p in faltan:
            self._angulos[(ruta, p)] = angulos.get(p, 0.0)

    def html(self, fuente: dict, inf: dict) -> Optional[str]:
        """The crop of `fuente` (pagina, bbox, hoja, celda, tabla, fila,
        columna) of the report `inf` (ruta, formato, sha256); None when the
        file is gone or the figure has no place; a note when it cannot be drawn."""
        ruta = inf.get("ruta")
        if not ruta or not Path(ruta).is_file():
            return None
        formato, pagina, bbox = inf.get("formato"), fuente.get("pagina"), fuente.get("bbox")
        try:
            if formato == "pdf" and bbox and pagina:
                self.preparar(inf, {pagina})
                angulo = self._angulos.get((ruta, pagina), 0.0)
                imagen = self.paginas.imagen(ruta, pagina, angulo)
                if imagen is None:
                    return None
                png = recorte_pdf(imagen, bbox, self.ancho_maximo)
                girada = f" (página escaneada, enderezada {numero_co(round(angulo, 2))}°)" if angulo else ""
                return (
                    f'<img class="recorte" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
                    f'alt="Página {pagina}: la celda de la cifra enmarcada en rojo{escape(girada)}"'
                    f' data-angulo="{angulo}">'
                )
            if formato == "xlsx" and fuente.get("hoja") and fuente.get("celda"):
                return rejilla_hoja(self.libros.libro(ruta), fuente["hoja"], fuente["celda"])
            if formato != "pdf" and None not in (fuente.get("tabla"), fuente.get("fila"), fuente.get("columna")):
                tabla = self.documentos.tabla(ruta, int(fuente["tabla"]))
                if tabla is not None:
                    return rejilla_tabla(tabla, int(fuente["fila"]), int(fuente["columna"]))
        except Exception as exc:  # noqa: BLE001 - a file that cannot be drawn leaves a note, not a failure
            return (
                f'<p class="aviso">No se pudo dibujar el recorte ({escape(type(exc).__name__)}: '
                f"{escape(str(exc))}).</p>"
            )
        return None


CSS_RECORTES = """
img.recorte { display: block; max-width: 100%; height: auto; border: 1px solid #ccd3dc; }
table.hoja { border-collapse: collapse; font-size: 13px; }
table.hoja td, table.hoja th { border: 1px solid #ccd3dc; padding: 2px 7px; }
table.hoja th { background: #eef1f5; color: #5b6776; font-weight: normal; }
table.hoja .salto { color: #8a96a3; background: #f7f8fa; }
td.celda-revisada { outline: 3px solid rgb(214,40,40); outline-offset: -2px; background: #fff3b0; font-weight: bold; }
td.fila-revisada { background: #fffbe0; }
"""


def recortes_de(
    con: duckdb.DuckDBPyConnection,
    observaciones: list[str],
    maximo: Optional[int] = None,
    ancho_maximo: int = ANCHO_MAXIMO,
) -> dict[str, str]:
    """{observacion_id: the crop of its source as HTML} for the first
    `maximo` of `observaciones` that have one."""
    if not observaciones:
        return {}
    filas = _filas(
        con,
        """
        SELECT o.observacion_id, o.pagina, o.tabla, o.fila, o.columna, o.hoja, o.celda, o.bbox_x0, o.bbox_top,
               o.bbox_x1, o.bbox_bottom, i.ruta, i.formato, i.sha256, i.archivo
        FROM observaciones o JOIN informes i USING (informe_id)
        WHERE o.observacion_id IN (SELECT unnest(?)) ORDER BY i.archivo, o.observacion_id""",
        [observaciones],
    )
    por_id = {f["observacion_id"]: f for f in filas}
    elegidas = [por_id[o] for o in observaciones if o in por_id][:maximo]
    salida: dict[str, str] = {}
    with Recortes(ancho_maximo) as recortes:
        por_archivo: dict[str, list[dict]] = {}
        for f in elegidas:
            por_archivo.setdefault(f["ruta"] or "", []).append(f)
        for grupo in por_archivo.values():
            recortes.preparar(grupo[0], {f["pagina"] for f in grupo if f["pagina"] and _caja(f)})
            for f in grupo:
                html = recortes.html({**f, "bbox": _caja(f)}, f)
                if html:
                    salida[f["observacion_id"]] = html
    return salida


def en_revision(con: duckdb.DuckDBPyConnection, minimo: float = 0.8) -> set[str]:
    """The observacion_id of the figures `informes revisar --minimo` lists (an
    anchor #e-<id> in its page)."""
    _, lista = entradas(con, minimo)
    return {e.clave for e in lista[:MAX_ENTRADAS] if e.tipo == "cifra"}


# --------------------------------------------------------------------- page


def revisar(
    con: duckdb.DuckDBPyConnection, salida: Path, minimo: float = 0.8, archivo: Optional[str] = None
) -> ResultadoRevision:
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
    secciones = []
    with Recortes() as recortes:
        for inf in informes:
            propias = [e for e in lista if e.informe_id == inf["informe_id"]]
            if not propias:
                continue
            resultado.informes += 1
            recortes.preparar(inf, {e.pagina for e in propias if e.pagina and e.bbox})
            secciones.append(_seccion_informe(inf, propias, leidas, recortes, resultado))
    html = _pagina(
        secciones, resultado, minimo, [por_informe[k] for k in por_informe if any(e.informe_id == k for e in lista)]
    )
    try:
        Path(salida).write_text(html, encoding="utf-8")
    except OSError as exc:
        raise ErrorRevision(f"No se pudo escribir {salida}: {exc.strerror or exc}") from exc
    return resultado


def _seccion_informe(
    inf: dict, propias: list[Entrada], leidas, recortes: Recortes, resultado: ResultadoRevision
) -> str:
    ruta = inf["ruta"]
    presente = bool(ruta) and Path(ruta).is_file()
    datos = [escape(inf["formato"].upper() if inf["formato"] else "")]
    for etiqueta, valor in (("entidad", inf["entidad"]), ("vigencia", inf["vigencia"])):
        if valor:
            datos.append(f"{etiqueta}: {escape(str(valor))}")
    partes = [
        f'<section class="informe" data-informe="{escape(inf["informe_id"])}">',
        f'<h2>{escape(inf["archivo"])}</h2><p class="nota">{" · ".join(datos)} · '
        f"{len(propias)} cifra(s) por revisar · informe_id {escape(inf['informe_id'])}</p>",
    ]
    if not presente:
        partes.append(
            f'<p class="aviso">El archivo ya no está en {escape(ruta or "(ruta desconocida)")}: no se '
            "puede mostrar el recorte de la página.</p>"
        )
    tablas: dict[Optional[int], list[Entrada]] = {}
    for e in propias:
        tablas.setdefault(e.tabla, []).append(e)
    for tabla, grupo in tablas.items():
        titulo = f"Tabla {tabla}" if tabla is not None else "Fuera de las tablas"
        paginas_tabla = sorted({e.pagina for e in grupo if e.pagina})
        if paginas_tabla:
            que = "hoja" if inf["formato"] in HOJAS else "pág."
            titulo += f" ({que} {', '.join(str(p) for p in paginas_tabla)})"
        partes.append(f'<section class="tabla"><h3>{escape(titulo)}</h3>')
        columnas = leidas.get((inf["informe_id"], tabla), []) if tabla is not None else []
        if columnas:
            partes.append(_lectura_html(columnas))
        for e in grupo:
            recorte = recortes.html(vars(e), inf) if presente else None
            if recorte and recorte.startswith("<img"):
                resultado.recortes += 1
            partes.append(_entrada_html(e, inf, recorte, columnas))
        partes.append("</section>")
    partes.append("</section>")
    return "\n".join(partes)


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
        filas.append(
            f'<tr data-columna="{c["columna"]}"><td class="num">{c["columna"] + 1}</td>'
            f"<td>{escape(c['encabezado'] or '—')}</td><td>{escape(rol)}{plantilla}</td>"
            f"<td>{escape(_periodo(c))}</td><td>{escape(c['escala'] or '')}</td></tr>"
        )
    return (
        '<details class="lectura" open><summary>Lectura de las columnas</summary><table class="lectura">'
        "<thead><tr><th>Col.</th><th>Encabezado</th><th>Leída como</th><th>Periodo</th><th>Escala</th></tr>"
        f"</thead><tbody>{''.join(filas)}</tbody></table></details>"
    )


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
        campos = [
            ("Indicador", d["indicador"]),
            ("Padre", d.get("indicador_padre")),
            ("Medida", NOMBRES_MEDIDA.get(d["medida"], d["medida"])),
            ("Periodo", _periodo(d)),
            ("Valor", _valor(d)),
            ("Unidad", d["unidad"]),
            ("Texto leído", d["valor_texto"]),
            ("Confianza", numero_co(round(d["confianza"], 2)) if d["confianza"] is not None else ""),
            ("Cifra", e.clave),
        ]
    else:
        titulo = f"Cifra sin destino: {escape(d['texto'])}"
        campos = [("Texto", d["texto"]), ("Contexto", d.get("contexto"))]
    dl = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in campos if v not in (None, ""))
    mensajes = "".join(f'<li class="s-{escape(s)}"><b>{escape(s)}</b>: {escape(m)}</li>' for s, m in e.mensajes)
    columna = next((c for c in columnas if c["columna"] == e.columna), None)
    leida = ""
    if columna is not None and e.columna is not None:
        leida = (
            f'<p class="nota">Columna {e.columna + 1} «{escape(columna["encabezado"] or "")}» leída como '
            f"{escape(NOMBRES_MEDIDA.get(columna['medida'], columna['medida'] or columna['rol']))}"
            f"{(' ' + escape(_periodo(columna))) if _periodo(columna) else ''}.</p>"
        )
    if recorte is None:
        recorte = (
            '<p class="nota sin-recorte">Sin recorte: '
            + (
                "la cifra no tiene ubicación en la página."
                if inf["formato"] == "pdf"
                else "la cifra no tiene celda en una tabla."
            )
            + "</p>"
        )
    texto_busqueda = " ".join(
        str(x)
        for x in (
            inf["archivo"],
            d.get("indicador"),
            d.get("indicador_padre"),
            d.get("medida"),
            d.get("valor_texto"),
            d.get("texto"),
            d.get("contexto"),
            e.clave,
            *(m for _, m in e.mensajes),
        )
        if x
    )
    decision = ""
    if e.tipo == "cifra":
        opciones = "".join(
            f'<option value="{escape(m)}">{escape(NOMBRES_MEDIDA.get(m, m))}</option>'
            for m in sorted(esquemas.vocabulario("medida"))
        )
        decision = (
            '<div class="decision">'
            '<button type="button" data-accion="correcta">Correcta</button>'
            '<button type="button" data-accion="rechazo">Rechazar la cifra</button>'
            f'<label>Medida de la columna <select data-accion="columna"><option value="">(como se leyó)</option>'
            f"{opciones}</select></label>"
            '<label>Nombre del indicador <input type="text" data-accion="indicador" '
            f'placeholder="{escape(d["indicador"] or "")}"></label>'
            '<span class="estado"></span></div>'
        )
    return (
        f'<article class="entrada" id="e-{escape(e.clave)}" data-clave="{escape(e.clave)}" '
        f'data-tipo="{e.tipo}" data-motivos="{" ".join(e.motivos)}" '
        f'data-texto="{escape(texto_busqueda.lower())}">'
        f'<h4>{titulo} {etiquetas}</h4><p class="donde">{escape(" · ".join(donde))}</p>'
        f'<div class="recorte-caja">{recorte}</div><div class="detalle"><dl>{dl}</dl>'
        f'<ul class="mensajes">{mensajes}</ul>{leida}{decision}</div></article>'
    )


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
table.lectura { border-collapse: collapse; font-size: 13px; }
table.lectura td, table.lectura th { border: 1px solid #ccd3dc; padding: 2px 7px; }
td.num { text-align: right; }
article.entrada { border-top: 1px solid #e3e8ee; padding: 10px 0; display: grid;
                  grid-template-columns: minmax(300px, 920px) minmax(280px, 1fr); gap: 6px 18px; }
article.entrada h4, article.entrada p.donde { grid-column: 1 / -1; margin: 0; }
article.entrada h4 { font-size: 15px; }
p.donde { color: #5b6776; font-size: 13px; }
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
    const correcciones = [];
    decisiones.forEach(function (d) {
      const c = Object.assign({}, d); delete c.resumen; correcciones.push(c);
    });
    const datos = {formato: 'informes-correcciones', version: 1, correcciones: correcciones};
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
    opciones = "".join(f'<option value="{escape(i["informe_id"])}">{escape(i["archivo"])}</option>' for i in informes)
    resumen = (
        f"{r.entradas} cifra(s) por revisar en {r.informes} informe(s): con error del validador, con "
        f"confianza menor que {numero_co(minimo)} o sin destino; {r.recortes} recorte(s) de página."
    )
    if r.omitidas:
        resumen += f" Hay {r.omitidas} más: elija un informe con --archivo."
    cuerpo = (
        "\n".join(secciones)
        if secciones
        else (
            '<section class="tabla"><p>No hay cifras por revisar: ninguna tiene errores del validador, confianza baja '
            "ni cifras sin destino.</p></section>"
        )
    )
    generado = datetime.now().strftime("%Y-%m-%d %H:%M")
    return f"""<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Revisión de cifras dudosas</title><style>{_CSS}{CSS_RECORTES}</style></head><body>
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
