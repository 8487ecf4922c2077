"""Build the annotated sample corpus.

    python corpus/generador/generar.py            # every report: DOCX, PDF, gold, meta
    python corpus/generador/generar.py --sin-pdf  # skip LibreOffice
    python corpus/generador/generar.py girardot_salud_2018   # only some reports

For every report in `especificaciones/` it writes, next to this file:
<id>.docx (python-docx), <id>.pdf (LibreOffice), <id>.gold.csv (unless the
gold is written by hand) and <id>.meta.yaml. The output is deterministic:
the DOCX bytes are stable; the PDF differs only in its creation date and ID.
"""

from __future__ import annotations

import argparse
import csv
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path

import yaml
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

GENERADOR = Path(__file__).resolve().parent  # this script, piezas.py, especificaciones/
CORPUS = GENERADOR.parent
INFORMES_DIR = CORPUS / "informes"  # the reports (DOCX, PDF)
GOLD_DIR = CORPUS / "gold"  # their gold and meta
sys.path.insert(0, str(GENERADOR))

from especificaciones import INFORMES, PENDIENTES  # noqa: E402
from piezas import (  # noqa: E402
    Arriba,
    ConObs,
    Fila,
    FilaPrograma,
    Informe,
    Num,
    Obs,
    Parrafo,
    Rico,
    SaltoPagina,
    Serie,
    Tabla,
    dec,
    fin_de_mes,
    texto_valor,
)

COLUMNAS_GOLD = [
    "indicador",
    "indicador_padre",
    "medida",
    "periodo_inicio",
    "periodo_fin",
    "valor",
    "unidad",
    "tipo_gasto",
]
MEDIDAS_DINERO = {
    "recursos_programados",
    "recursos_ejecutados",
    "apropiacion_inicial",
    "apropiacion_definitiva",
    "compromisos",
    "obligaciones",
    "pagos",
}
ALINEACION = {
    "izquierda": WD_ALIGN_PARAGRAPH.LEFT,
    "centro": WD_ALIGN_PARAGRAPH.CENTER,
    "derecha": WD_ALIGN_PARAGRAPH.RIGHT,
    "justificado": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
LO_PERFIL = "file:///tmp/lo_profile_corpus"
FECHA_ZIP = (2000, 1, 1, 0, 0, 0)


# ================================================================ gold


def fila_gold(indicador, padre, medida, inicio, fin, valor, unidad, tipo_gasto) -> dict:
    if medida not in MEDIDAS_DINERO:
        tipo_gasto = None
    return {
        "indicador": indicador,
        "indicador_padre": padre or "",
        "medida": medida,
        "periodo_inicio": inicio or "",
        "periodo_fin": fin or "",
        "valor": texto_valor(valor),
        "unidad": unidad,
        "tipo_gasto": tipo_gasto or "",
    }


def gold_obs(o: Obs, indicador=None, padre=None) -> dict:
    # Obs.padre "" means "no parent" (a higher-level indicator in a row of
    # lower-level ones); None means the row's parent
    return fila_gold(
        o.indicador or indicador,
        o.padre if o.padre is not None else padre,
        o.medida,
        o.inicio,
        o.fin,
        o.valor,
        o.unidad,
        o.tipo_gasto,
    )


def gold_celda(inf: Informe, col, fila: Fila, k: int, contenido, padre) -> list[dict]:
    """Observations of one table cell, following esquemas/convenciones.md."""
    if isinstance(contenido, ConObs):
        return [gold_obs(o, fila.indicador, padre) for o in contenido.obs]
    es_numero = isinstance(contenido, (int, float, Num)) and not isinstance(contenido, bool)
    if not (es_numero or isinstance(contenido, Serie)):
        return []
    if col.medida is None or fila.indicador is None:
        raise ValueError(f"{inf.id}: number without medida/indicador in column {k} of row {fila.indicador!r}")
    unidad = col.unidad or fila.unidad
    tipo_gasto = fila.tipo_gasto or col.tipo_gasto
    escala = dec(col.escala)
    if isinstance(contenido, Serie):
        salida = []
        for _, mes, valor in contenido.meses:
            anio = inf.vigencia
            inicio = f"{anio}-01-01" if col.medida == "acumulado" else f"{anio}-{mes:02d}-01"
            salida.append(
                fila_gold(
                    fila.indicador,
                    padre,
                    col.medida,
                    inicio,
                    fin_de_mes(anio, mes),
                    dec(valor) * escala,
                    unidad,
                    tipo_gasto,
                )
            )
        return salida
    valor = contenido.valor if isinstance(contenido, Num) else contenido
    inicio, fin = fila.periodos.get(k, (col.inicio, col.fin))
    return [fila_gold(fila.indicador, padre, col.medida, inicio, fin, dec(valor) * escala, unidad, tipo_gasto)]


def gold_tabla(inf: Informe, tabla: Tabla) -> list[dict]:
    salida, programa = [], None
    for fila in tabla.filas:
        if isinstance(fila, FilaPrograma):
            programa = fila.texto
            continue
        padre = fila.padre if fila.padre is not None else programa
        for k, (col, contenido) in enumerate(zip(tabla.columnas, fila.celdas)):
            salida += gold_celda(inf, col, fila, k, contenido, padre)
    return salida


def gold_informe(inf: Informe) -> list[dict]:
    salida = []
    for bloque in inf.bloques:
        if isinstance(bloque, Tabla):
            salida += gold_tabla(inf, bloque)
        elif isinstance(bloque, Parrafo):
            salida += [gold_obs(o) for o in bloque.obs]
    return salida


def escribir_gold(inf: Informe, ruta: Path) -> int:
    filas = gold_informe(inf)
    with ruta.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNAS_GOLD, lineterminator="\n")
        w.writeheader()
        w.writerows(filas)
    return len(filas)


def comparar_gold_manual(inf: Informe, ruta: Path) -> int:
    """Cross-check a hand-written gold against the typed-in spec numbers."""
    with ruta.open(encoding="utf-8", newline="") as f:
        escrito = [tuple(r[c] for c in COLUMNAS_GOLD) for r in csv.DictReader(f)]
    esperado = [tuple(r[c] for c in COLUMNAS_GOLD) for r in gold_informe(inf)]
    faltan = sorted(set(esperado) - set(escrito))
    sobran = sorted(set(escrito) - set(esperado))
    if faltan or sobran or len(escrito) != len(esperado):
        for r in faltan:
            print("  solo en la especificación:", r)
        for r in sobran:
            print("  solo en el gold a mano:   ", r)
        raise SystemExit(f"{ruta.name}: el gold escrito a mano no coincide con la especificación")
    return len(escrito)


def escribir_meta(inf: Informe, ruta: Path) -> None:
    meta = {k: v for k, v in inf.meta.items() if v is not None}
    ruta.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


# ================================================================ DOCX helpers


def elemento(tag: str, **atributos) -> OxmlElement:
    el = OxmlElement(tag)
    for nombre, valor in atributos.items():
        el.set(qn(f"w:{nombre}"), str(valor))
    return el


def sombrear(celda, color: str) -> None:
    celda._tc.get_or_add_tcPr().append(elemento("w:shd", val="clear", color="auto", fill=color))


def poner_bordes(tabla_docx, visibles: bool) -> None:
    """Ruled grid ("Table Grid") or no border at all."""
    if visibles:
        tabla_docx.style = "Table Grid"
        return
    tabla_docx.style = None
    tblPr = tabla_docx._tbl.tblPr
    bordes = elemento("w:tblBorders")
    for lado in ("top", "left", "bottom", "right", "insideH", "insideV"):
        bordes.append(elemento(f"w:{lado}", val="nil"))
    tblPr.append(bordes)


def sin_reglas(celda) -> None:
    """A spacer cell: no top or bottom ruling, so the ruled blocks on both
    sides stand apart."""
    bordes = elemento("w:tcBorders")
    for lado in ("top", "bottom"):
        bordes.append(elemento(f"w:{lado}", val="nil"))
    celda._tc.get_or_add_tcPr().append(bordes)


def combinar_hacia_abajo(t, n_enc: int, tabla: Tabla) -> None:
    """Merge every run of Arriba cells with the value cell above it."""
    for k in range(len(tabla.columnas)):
        i = 0
        while i < len(tabla.filas):
            fin = i
            while (
                fin + 1 < len(tabla.filas)
                and isinstance(tabla.filas[fin + 1], Fila)
                and isinstance(tabla.filas[fin + 1].celdas[k], Arriba)
            ):
                fin += 1
            if fin > i:
                t.cell(n_enc + i, k).merge(t.cell(n_enc + fin, k))
            i = fin + 1


def marcar_encabezado(fila_docx) -> None:
    """Word's "repeat as header row at the top of each page"."""
    fila_docx._tr.get_or_add_trPr().append(elemento("w:tblHeader", val="true"))


def no_partir(fila_docx) -> None:
    """Word's "do not allow row to break across pages" (header rows)."""
    fila_docx._tr.get_or_add_trPr().append(elemento("w:cantSplit", val="true"))


def escribir_runs(parrafo, contenido, negrita=False, tamano=None) -> None:
    runs = contenido.runs if isinstance(contenido, Rico) else [(contenido, negrita)]
    for texto, es_negrita in runs:
        run = parrafo.add_run()
        run.text = texto  # "\n" becomes a line break
        run.bold = es_negrita or negrita
        if tamano:
            run.font.size = Pt(tamano)


def llenar_celda(celda, contenido, tamano, alineacion="izquierda", negrita=False) -> None:
    p = celda.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.space_before = Pt(0)
    p.alignment = ALINEACION[alineacion]
    if contenido:
        escribir_runs(p, contenido, negrita, tamano)


def texto_celda(col, fila: Fila, contenido):
    """The text (or Rico) a cell shows."""
    unidad = col.unidad or fila.unidad
    if contenido is None or isinstance(contenido, Arriba):
        return ""
    if isinstance(contenido, (str, Rico)):
        return contenido
    if isinstance(contenido, ConObs):
        return contenido.texto
    if isinstance(contenido, Num):
        return contenido.texto
    if isinstance(contenido, Serie):
        return "\n".join(f"{etiqueta} {col.formato(dec(v), unidad)}" for etiqueta, _, v in contenido.meses)
    return col.formato(dec(contenido), unidad)


def posiciones_encabezado(tabla: Tabla) -> list[tuple[int, int, object]]:
    """Grid position (row, column, Enc) of each header cell, skipping the
    positions covered by cells merged from the rows above."""
    ocupado, salida = set(), []
    for r, fila in enumerate(tabla.encabezado):
        c = 0
        for enc in fila:
            while (r, c) in ocupado:
                c += 1
            salida.append((r, c, enc))
            for dr in range(enc.filas):
                for dc in range(enc.columnas):
                    ocupado.add((r + dr, c + dc))
            c += enc.columnas
    return salida


def escribir_tabla(doc, tabla: Tabla) -> None:
    """One helper writes every table: header (merges, repeat flag), program
    rows merged over the full width, value rows, widths and borders."""
    n_enc, n_col = len(tabla.encabezado), len(tabla.columnas)
    t = doc.add_table(rows=n_enc + len(tabla.filas), cols=n_col)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    poner_bordes(t, tabla.bordes)
    for i, col in enumerate(tabla.columnas):
        t.columns[i].width = Cm(col.ancho_cm)
        for celda in t.columns[i].cells:
            celda.width = Cm(col.ancho_cm)
    tam = tabla.tamano_letra

    for r, c, enc in posiciones_encabezado(tabla):
        celda = t.cell(r, c)
        if enc.columnas > 1 or enc.filas > 1:
            celda = celda.merge(t.cell(r + enc.filas - 1, c + enc.columnas - 1))
        llenar_celda(celda, enc.texto, tam, "centro", negrita=tabla.encabezado_negrita)
        if tabla.columnas[c].espaciador:
            sin_reglas(celda)
        elif tabla.sombreado_encabezado:
            sombrear(celda, tabla.sombreado_encabezado)
    for r in range(n_enc):
        no_partir(t.rows[r])
        if tabla.repetir_encabezado:
            marcar_encabezado(t.rows[r])

    for i, fila in enumerate(tabla.filas):
        fila_docx = t.rows[n_enc + i]
        if tabla.filas_sin_partir:
            no_partir(fila_docx)
        if isinstance(fila, FilaPrograma):
            celda = fila_docx.cells[0].merge(fila_docx.cells[-1])
            llenar_celda(celda, fila.texto, tam, "izquierda", negrita=True)
            if tabla.sombreado_programa:
                sombrear(celda, tabla.sombreado_programa)
            continue
        if len(fila.celdas) != n_col:
            raise ValueError(f"row {fila.indicador!r}: {len(fila.celdas)} cells for {n_col} columns")
        for k, (col, contenido) in enumerate(zip(tabla.columnas, fila.celdas)):
            celda = fila_docx.cells[k]
            llenar_celda(celda, texto_celda(col, fila, contenido), tam, col.alineacion, negrita=fila.negrita)
            if tabla.centrado_vertical:
                celda.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if col.espaciador:
                sin_reglas(celda)
            elif fila.sombreado:
                sombrear(celda, fila.sombreado)
    combinar_hacia_abajo(t, n_enc, tabla)


def escribir_parrafo(doc, inf: Informe, p: Parrafo, salto=False) -> None:
    """salto: the paragraph starts a new page (page_break_before)."""
    if p.estilo in ("h1", "h2") and inf.titulos_con_estilo:
        par = doc.add_heading(level=1 if p.estilo == "h1" else 2)
        par.paragraph_format.page_break_before = salto or None
        escribir_runs(par, p.texto if isinstance(p.texto, str) else Rico(p.texto))
        return
    estilo = "List Bullet" if p.estilo == "vineta" else None
    par = doc.add_paragraph(style=estilo)
    par.paragraph_format.page_break_before = salto or None
    negrita = p.negrita or p.estilo in ("titulo", "subtitulo", "h1", "h2")
    tamano = {"titulo": 12, "subtitulo": 11}.get(p.estilo)
    if p.centrado or p.estilo in ("titulo", "subtitulo"):
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif p.estilo in ("normal", "vineta"):
        par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if p.estilo == "titulo":
        par.paragraph_format.space_after = Pt(2)
    escribir_runs(par, p.texto if isinstance(p.texto, str) else Rico(p.texto), negrita, tamano)


def configurar_estilos(doc, inf: Informe) -> None:
    for nombre in ("Normal", "Heading 1", "Heading 2", "List Bullet"):
        estilo = doc.styles[nombre]
        estilo.font.name = inf.fuente
        rpr = estilo.element.get_or_add_rPr()
        rpr.get_or_add_rFonts().set(qn("w:eastAsia"), inf.fuente)
        if nombre.startswith("Heading"):
            estilo.font.color.rgb = RGBColor(0, 0, 0)
            estilo.font.size = Pt(12 if nombre.endswith("1") else 11)
            estilo.paragraph_format.space_before = Pt(10)
            estilo.paragraph_format.space_after = Pt(4)
    doc.styles["Normal"].font.size = Pt(inf.tamano_letra)
    doc.styles["Normal"].paragraph_format.space_after = Pt(6)


def configurar_seccion(doc, inf: Informe) -> None:
    s = doc.sections[0]
    carta = (Cm(21.59), Cm(27.94))
    if inf.horizontal:
        s.orientation = WD_ORIENT.LANDSCAPE
        s.page_width, s.page_height = carta[1], carta[0]
    else:
        s.page_width, s.page_height = carta
    for lado in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(s, lado, Cm(inf.margen_cm))
    s.header_distance = s.footer_distance = Cm(1.0)

    encabezado = s.header
    encabezado.is_linked_to_previous = False
    for i, linea in enumerate(inf.encabezado_pagina):
        par = encabezado.paragraphs[0] if i == 0 else encabezado.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        escribir_runs(par, linea, negrita=(i == 0), tamano=9)
    if inf.pie_pagina:
        par = s.footer.paragraphs[0]
        par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        antes, _, despues = inf.pie_pagina.partition("{PAGINA}")
        escribir_runs(par, antes, tamano=8)
        if "{PAGINA}" in inf.pie_pagina:
            campo = elemento("w:fldSimple", instr="PAGE")
            run = elemento("w:r")
            t = elemento("w:t")
            t.text = "1"
            run.append(t)
            campo.append(run)
            par._p.append(campo)
        escribir_runs(par, despues, tamano=8)


def propiedades(doc, inf: Informe) -> None:
    fecha = datetime.fromisoformat(inf.fecha_documento)
    cp = doc.core_properties
    cp.author = cp.last_modified_by = inf.autor
    cp.title = inf.meta["titulo"]
    cp.created = cp.modified = fecha
    cp.revision = 1
    cp.comments = ""
    cp.keywords = ""


def guardar_determinista(doc, ruta: Path) -> None:
    """Save with fixed zip timestamps so the DOCX bytes are reproducible."""
    crudo = io.BytesIO()
    doc.save(crudo)
    crudo.seek(0)
    with zipfile.ZipFile(crudo) as origen, zipfile.ZipFile(ruta, "w", zipfile.ZIP_DEFLATED) as destino:
        for info in origen.infolist():
            nuevo = zipfile.ZipInfo(info.filename, date_time=FECHA_ZIP)
            nuevo.compress_type = zipfile.ZIP_DEFLATED
            destino.writestr(nuevo, origen.read(info.filename))


def construir_docx(inf: Informe, ruta: Path) -> None:
    doc = Document()
    configurar_estilos(doc, inf)
    configurar_seccion(doc, inf)
    propiedades(doc, inf)
    # The default template starts with no paragraph; add the blocks.
    salto = False
    for bloque in inf.bloques:
        if isinstance(bloque, SaltoPagina):
            salto = True
            continue
        if isinstance(bloque, Parrafo):
            escribir_parrafo(doc, inf, bloque, salto)
        else:
            if salto:
                doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
            escribir_tabla(doc, bloque)
            doc.add_paragraph()  # Word needs a paragraph between tables
        salto = False
    guardar_determinista(doc, ruta)


# ================================================================ PDF


def convertir_pdf(docx: list[Path], destino: Path) -> None:
    """Render every DOCX with LibreOffice (private profile, one call)."""
    if not shutil.which("soffice"):
        raise SystemExit("LibreOffice (soffice) is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={LO_PERFIL}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                *map(str, docx),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
        for ruta in docx:
            pdf = Path(tmp) / (ruta.stem + ".pdf")
            if not pdf.exists():
                raise SystemExit(f"LibreOffice did not produce {pdf.name}")
            shutil.move(str(pdf), destino / pdf.name)


# ================================================================ main


def generar(informes: list[Informe], carpeta_informes: Path, carpeta_gold: Path, con_pdf: bool) -> None:
    """DOCX, meta and gold of each report, then their PDFs."""
    docx = []
    for inf in informes:
        ruta = carpeta_informes / f"{inf.id}.docx"
        construir_docx(inf, ruta)
        docx.append(ruta)
        escribir_meta(inf, carpeta_gold / f"{inf.id}.meta.yaml")
        gold = carpeta_gold / f"{inf.id}.gold.csv"
        if inf.gold_manual:
            if not gold.exists():
                raise SystemExit(f"{gold.name} is written by hand and is missing")
            n = comparar_gold_manual(inf, gold)
            print(f"{inf.id}: docx, meta (gold escrito a mano, {n} filas, coincide con la especificación)")
        else:
            n = escribir_gold(inf, gold)
            print(f"{inf.id}: docx, meta, gold ({n} filas)")
    if con_pdf and docx:
        convertir_pdf(docx, carpeta_informes)
        print(f"{len(docx)} PDF generados con LibreOffice")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("ids", nargs="*", help="only these reports")
    ap.add_argument("--sin-pdf", action="store_true", help="do not run LibreOffice")
    ap.add_argument(
        "--pendientes",
        type=Path,
        metavar="CARPETA",
        help="also write the reports kept out of the corpus (PENDIENTES) to this folder",
    )
    args = ap.parse_args(argv)
    informes = [i for i in INFORMES if not args.ids or i.id in args.ids]
    if args.ids and len(informes) != len(args.ids):
        raise SystemExit(f"unknown report id in {args.ids}")
    generar([i for i in informes if i.id not in PENDIENTES], INFORMES_DIR, GOLD_DIR, not args.sin_pdf)
    if args.pendientes:
        args.pendientes.mkdir(parents=True, exist_ok=True)
        generar([i for i in informes if i.id in PENDIENTES], args.pendientes, args.pendientes, not args.sin_pdf)


if __name__ == "__main__":
    main()
