"""The table reader against a public benchmark: the ICDAR 2013 table competition.

    python bench/icdar2013.py /ruta/a/icdar2013 [--json salida.json] [--metodos informes,pdfplumber]

The dataset (67 born-digital PDFs from EU and US government sites, each with
`-reg.xml`, the table regions, and `-str.xml`, the cells of each region) is
never copied into the repository: it is read from the folder given on the
command line (any folder under which the `*-str.xml` files and their PDFs
are; camelot-dev/camelot ships it in tests/files/tabula/icdar2013-dataset/).

In one run, over the same files, it scores:
1. informes: the project's PDF reader (`extractor.formatos.pdf.leer_pdf`),
   tables only (no stitching across pages, no Spanish interpretation);
2. pdfplumber's default `extract_tables()` (its `find_tables()` with the
   default settings, for the boxes);
3. Camelot lattice and Camelot stream (skipped with a note when Camelot is
   not installed; it is not a dependency of the project).

Metrics (micro-averaged over the dataset):
- Detection: a gold unit is one region of a table on one page (`-reg.xml`:
  page and box in PDF points, origin bottom-left). A predicted table matches
  a gold region of the same page when their IoU is >= 0.5, one to one, the
  pairs with the highest IoU first. P = matched / predicted tables,
  R = matched / gold regions.
- Structure: cell adjacency relations (ICDAR 2013): every non-empty cell
  with its nearest non-empty neighbour to the right in its row and below in
  its column, as (text, text, direction), texts normalized (NFKC, lower
  case, letters and digits only). A cell spanning several rows or columns
  counts at its top-left position (the same for the gold grids and every
  method: pdfplumber and Camelot leave spanned positions empty). The gold
  relations come from `-str.xml`; the predicted ones from the table matched
  to each gold region. P = correct / relations of the matched predicted
  tables, R = correct / relations of all gold regions (an unmatched region
  gives none correct). The same figures over the matched pairs only are in
  the JSON output.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
import warnings
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

IOU_MIN = 0.5
METODOS = ("informes", "pdfplumber", "camelot-lattice", "camelot-stream")

# (x0, y0, x1, y1) in PDF points, origin bottom-left, as ICDAR gives it
Caja = tuple[float, float, float, float]
Rejilla = list[list[str]]  # rows of cell texts, "" for empty positions


@dataclass
class TablaOro:
    """One gold unit: the region of a table on one page."""

    documento: str
    tabla: str
    pagina: int  # 1-based
    caja: Caja
    rejilla: Rejilla


@dataclass
class TablaPredicha:
    pagina: int
    caja: Caja
    rejilla: Rejilla


@dataclass
class Cuenta:
    """Counts summed over the dataset for one method."""

    predichas: int = 0
    oro: int = 0
    emparejadas: int = 0
    rel_oro: int = 0  # relations of every gold region
    rel_oro_emparejadas: int = 0  # relations of the matched gold regions
    rel_predichas: int = 0  # relations of the matched predicted tables
    rel_correctas: int = 0
    segundos: float = 0.0
    errores: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------
# Metrics
# --------------------------------------------------------------------------
def normalizar(texto: str) -> str:
    """Text as compared: NFKC, lower case, only letters and digits (readers
    differ in spaces, hyphens, quotes and line breaks, not in content)."""
    texto = unicodedata.normalize("NFKC", texto or "").casefold()
    return "".join(ch for ch in texto if ch.isalnum())


def relaciones(rejilla: Rejilla) -> Counter:
    """Adjacency relations of a grid: each non-empty cell with its nearest
    non-empty neighbour to the right ("H") and below ("V")."""
    filas = [[normalizar(t) for t in fila] for fila in rejilla]
    ancho = max((len(f) for f in filas), default=0)
    filas = [f + [""] * (ancho - len(f)) for f in filas]
    out: Counter = Counter()
    for r, fila in enumerate(filas):
        for c, texto in enumerate(fila):
            if not texto:
                continue
            derecha = next((t for t in fila[c + 1 :] if t), None)
            if derecha is not None:
                out[(texto, derecha, "H")] += 1
            abajo = next((filas[k][c] for k in range(r + 1, len(filas)) if filas[k][c]), None)
            if abajo is not None:
                out[(texto, abajo, "V")] += 1
    return out


def iou(a: Caja, b: Caja) -> float:
    ancho = min(a[2], b[2]) - max(a[0], b[0])
    alto = min(a[3], b[3]) - max(a[1], b[1])
    if ancho <= 0 or alto <= 0:
        return 0.0
    inter = ancho * alto
    area = lambda c: max(c[2] - c[0], 0) * max(c[3] - c[1], 0)  # noqa: E731
    return inter / (area(a) + area(b) - inter)


def emparejar(oro: list[Caja], predichas: list[Caja], minimo: float = IOU_MIN) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index) with IoU >= minimo,
    highest IoU first. The caller passes the boxes of one page."""
    pares = sorted(
        ((iou(g, p), i, j) for i, g in enumerate(oro) for j, p in enumerate(predichas)),
        reverse=True,
    )
    usados_o: set[int] = set()
    usados_p: set[int] = set()
    out = []
    for valor, i, j in pares:
        if valor < minimo:
            break
        if i in usados_o or j in usados_p:
            continue
        usados_o.add(i)
        usados_p.add(j)
        out.append((i, j))
    return sorted(out)


def prf(correctas: int, predichas: int, oro: int) -> tuple[float, float, float]:
    p = correctas / predichas if predichas else 0.0
    r = correctas / oro if oro else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def puntuar_documento(oro: list[TablaOro], predichas: list[TablaPredicha], cuenta: Cuenta) -> None:
    """Add one document's detection and adjacency counts to `cuenta`."""
    cuenta.oro += len(oro)
    cuenta.predichas += len(predichas)
    for g in oro:
        cuenta.rel_oro += sum(relaciones(g.rejilla).values())
    for pagina in sorted({t.pagina for t in oro} | {t.pagina for t in predichas}):
        og = [t for t in oro if t.pagina == pagina]
        pp = [t for t in predichas if t.pagina == pagina]
        for i, j in emparejar([t.caja for t in og], [t.caja for t in pp]):
            cuenta.emparejadas += 1
            ro, rp = relaciones(og[i].rejilla), relaciones(pp[j].rejilla)
            cuenta.rel_oro_emparejadas += sum(ro.values())
            cuenta.rel_predichas += sum(rp.values())
            cuenta.rel_correctas += sum((ro & rp).values())


def resumen(cuenta: Cuenta) -> dict:
    det = prf(cuenta.emparejadas, cuenta.predichas, cuenta.oro)
    ady = prf(cuenta.rel_correctas, cuenta.rel_predichas, cuenta.rel_oro)
    ady_emp = prf(cuenta.rel_correctas, cuenta.rel_predichas, cuenta.rel_oro_emparejadas)
    return {
        "deteccion": dict(zip("prf", det)),
        "adyacencia": dict(zip("prf", ady)),
        "adyacencia_solo_emparejadas": dict(zip("prf", ady_emp)),
        "tablas_predichas": cuenta.predichas,
        "regiones_oro": cuenta.oro,
        "emparejadas": cuenta.emparejadas,
        "relaciones_oro": cuenta.rel_oro,
        "relaciones_predichas_emparejadas": cuenta.rel_predichas,
        "relaciones_correctas": cuenta.rel_correctas,
        "segundos": round(cuenta.segundos, 2),
        "errores": cuenta.errores,
    }


# --------------------------------------------------------------------------
# Ground truth
# --------------------------------------------------------------------------
def _numero(texto: str | None) -> float:
    # a few boxes carry stray characters ("26ß")
    return float(re.sub(r"[^\d.\-]", "", texto or "0") or 0)


def leer_oro(str_xml: Path) -> list[TablaOro]:
    """Gold units of one document: per table and page, the box from
    `-reg.xml` (union when a table has several regions on a page) and the
    grid from `-str.xml` (its regions on that page joined with their row
    and column increments)."""
    reg_xml = str_xml.with_name(str_xml.name.replace("-str.xml", "-reg.xml"))
    documento = str_xml.name.replace("-str.xml", "")
    cajas: dict[tuple[str, int], Caja] = {}
    for tabla in ET.parse(reg_xml).getroot().iter("table"):
        for region in tabla.iter("region"):
            bb = region.find("bounding-box")
            caja = tuple(_numero(bb.get(k)) for k in ("x1", "y1", "x2", "y2"))
            clave = (tabla.get("id"), int(region.get("page")))
            if clave in cajas:
                c = cajas[clave]
                caja = (min(c[0], caja[0]), min(c[1], caja[1]), max(c[2], caja[2]), max(c[3], caja[3]))
            cajas[clave] = caja
    celdas: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
    for tabla in ET.parse(str_xml).getroot().iter("table"):
        for region in tabla.iter("region"):
            dr = int(_numero(region.get("row-increment")))
            dc = int(_numero(region.get("col-increment")))
            lista = celdas.setdefault((tabla.get("id"), int(region.get("page"))), [])
            for celda in region.iter("cell"):
                lista.append(
                    (
                        int(_numero(celda.get("start-row"))) + dr,
                        int(_numero(celda.get("start-col"))) + dc,
                        celda.findtext("content") or "",
                    )
                )
    out = []
    for clave, caja in cajas.items():
        out.append(TablaOro(documento, clave[0], clave[1], caja, _rejilla(celdas.get(clave, []))))
    return out


def _rejilla(celdas: list[tuple[int, int, str]]) -> Rejilla:
    """Grid from (row, column, text), texts at their anchor position."""
    if not celdas:
        return []
    r0 = min(r for r, _, _ in celdas)
    c0 = min(c for _, c, _ in celdas)
    filas = max(r for r, _, _ in celdas) - r0 + 1
    columnas = max(c for _, c, _ in celdas) - c0 + 1
    grid = [[""] * columnas for _ in range(filas)]
    for r, c, texto in celdas:
        previo = grid[r - r0][c - c0]
        grid[r - r0][c - c0] = f"{previo} {texto}" if previo else texto
    return grid


def documentos(carpeta: Path) -> list[tuple[Path, Path]]:
    """(pdf, -str.xml) pairs under `carpeta` that have their -reg.xml."""
    out = []
    for xml in sorted(carpeta.rglob("*-str.xml")):
        pdf = xml.with_name(xml.name.replace("-str.xml", ".pdf"))
        if pdf.is_file() and xml.with_name(xml.name.replace("-str.xml", "-reg.xml")).is_file():
            out.append((pdf, xml))
    return out


# --------------------------------------------------------------------------
# Methods: a PDF into predicted tables (page, box bottom-left, grid)
# --------------------------------------------------------------------------
def _altos(pdf: Path) -> list[float]:
    """Page heights (media box, unrotated: the frame of ICDAR's boxes and
    of pdfplumber's coordinates)."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return [float(p.mediabox[3] - p.mediabox[1]) for p in doc.pages]


def _desde_arriba(caja_arriba, alto: float) -> Caja:
    """(x0, top, x1, bottom), origin top-left, into ICDAR's frame."""
    x0, top, x1, bottom = caja_arriba
    return (x0, alto - bottom, x1, alto - top)


def tablas_informes(pdf: Path) -> list[TablaPredicha]:
    from extractor import sha256_de
    from extractor.formatos.pdf import leer_pdf

    doc = leer_pdf(pdf, sha256_de(pdf))
    altos = _altos(pdf)
    out = []
    for tabla in doc.tablas:
        # read before stitching: one page per table; split anyway, to be safe
        for pagina in tabla.paginas:
            celdas = [c for c in tabla.celdas if c.pagina == pagina]
            cajas = [c.bbox for c in celdas if c.bbox is not None]
            if not cajas:
                continue
            caja = (
                min(b[0] for b in cajas),
                min(b[1] for b in cajas),
                max(b[2] for b in cajas),
                max(b[3] for b in cajas),
            )
            out.append(
                TablaPredicha(
                    pagina,
                    _desde_arriba(caja, altos[pagina - 1]),
                    _rejilla([(c.fila, c.columna, c.texto) for c in celdas]),
                )
            )
    return out


def tablas_pdfplumber(pdf: Path) -> list[TablaPredicha]:
    import pdfplumber

    out = []
    with pdfplumber.open(str(pdf)) as doc:
        for pagina in doc.pages:
            alto = float(pagina.mediabox[3] - pagina.mediabox[1])
            for tabla in pagina.find_tables():  # what extract_tables() reads
                rejilla = [[t or "" for t in fila] for fila in tabla.extract()]
                out.append(TablaPredicha(pagina.page_number, _desde_arriba(tabla.bbox, alto), rejilla))
    return out


def _camelot(flavor: str):
    def leer(pdf: Path) -> list[TablaPredicha]:
        import camelot

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "No tables found on page-N"
            tablas = camelot.read_pdf(str(pdf), pages="all", flavor=flavor, suppress_stdout=True)
        # Camelot's _bbox is already (x0, y0, x1, y1), origin bottom-left
        return [
            TablaPredicha(int(t.page), tuple(float(v) for v in t._bbox), t.df.astype(str).values.tolist())
            for t in tablas
        ]

    return leer


def lectores(nombres: list[str]) -> tuple[dict, list[str]]:
    """The methods to run and notes about those that cannot run."""
    todos = {
        "informes": tablas_informes,
        "pdfplumber": tablas_pdfplumber,
        "camelot-lattice": _camelot("lattice"),
        "camelot-stream": _camelot("stream"),
    }
    notas = []
    elegidos = {n: todos[n] for n in nombres}
    # imported here, not while a method is timed
    if "informes" in elegidos:
        import extractor.formatos.pdf  # noqa: F401
    import pdfplumber  # noqa: F401

    if any(n.startswith("camelot") for n in elegidos):
        try:
            import camelot  # noqa: F401
        except ImportError:
            notas.append("Camelot no está instalado (pip install camelot-py): se omiten sus columnas.")
            elegidos = {n: f for n, f in elegidos.items() if not n.startswith("camelot")}
    return elegidos, notas


# --------------------------------------------------------------------------
# Runner
# --------------------------------------------------------------------------
def _nombre_visible(metodo: str) -> str:
    return {
        "informes": "informes (`leer_pdf`)",
        "pdfplumber": "pdfplumber `extract_tables()` por defecto",
        "camelot-lattice": "Camelot lattice",
        "camelot-stream": "Camelot stream",
    }[metodo]


def tabla_markdown(resultados: dict[str, dict]) -> str:
    lineas = [
        "| método | detección P | detección R | detección F1 | adyacencia P | adyacencia R | adyacencia F1 | segundos |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    fmt = lambda v: f"{v:.3f}".replace(".", ",")  # noqa: E731
    for metodo, r in resultados.items():
        d, a = r["deteccion"], r["adyacencia"]
        segundos = f"{r['segundos']:.1f}".replace(".", ",")
        lineas.append(
            f"| {_nombre_visible(metodo)} | {fmt(d['p'])} | {fmt(d['r'])} | {fmt(d['f'])} "
            f"| {fmt(a['p'])} | {fmt(a['r'])} | {fmt(a['f'])} | {segundos} |"
        )
    return "\n".join(lineas)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Detección y estructura de tablas frente a ICDAR 2013.")
    ap.add_argument("carpeta", type=Path, help="carpeta con los PDF y sus -reg.xml y -str.xml de ICDAR 2013")
    ap.add_argument("--json", type=Path, help="guardar también los resultados en este archivo JSON")
    ap.add_argument(
        "--metodos", default=",".join(METODOS), help=f"métodos separados por comas (por defecto: {','.join(METODOS)})"
    )
    ap.add_argument("--limite", type=int, help="solo los primeros N documentos (pruebas rápidas)")
    args = ap.parse_args(argv)

    nombres = [n.strip() for n in args.metodos.split(",") if n.strip()]
    desconocidos = [n for n in nombres if n not in METODOS]
    if desconocidos:
        ap.error(f"método desconocido: {', '.join(desconocidos)} (posibles: {', '.join(METODOS)})")
    docs = documentos(args.carpeta)
    if args.limite:
        docs = docs[: args.limite]
    if not docs:
        print(f"No hay documentos de ICDAR 2013 (PDF con -reg.xml y -str.xml) en {args.carpeta}", file=sys.stderr)
        return 2
    oro = {pdf: leer_oro(xml) for pdf, xml in docs}
    metodos, notas = lectores(nombres)

    cuentas = {n: Cuenta() for n in metodos}
    for nombre, leer in metodos.items():
        cuenta = cuentas[nombre]
        for pdf, _ in docs:
            inicio = time.perf_counter()
            try:
                predichas = leer(pdf)
            except Exception as exc:  # noqa: BLE001 - a method failing on a file counts as no tables
                predichas = []
                cuenta.errores.append(f"{pdf.name}: {type(exc).__name__}: {exc}")
            cuenta.segundos += time.perf_counter() - inicio
            puntuar_documento(oro[pdf], predichas, cuenta)
        print(f"  {nombre}: {len(docs)} documentos en {cuenta.segundos:.1f} s", file=sys.stderr)

    resultados = {n: resumen(c) for n, c in cuentas.items()}
    regiones = sum(len(v) for v in oro.values())
    print(
        f"ICDAR 2013: {len(docs)} PDF, {regiones} regiones de tabla (tabla × página), "
        f"coincidencia por IoU ≥ {str(IOU_MIN).replace('.', ',')}\n"
    )
    print(tabla_markdown(resultados))
    for nota in notas:
        print(f"\nNota: {nota}")
    for nombre, r in resultados.items():
        if r["errores"]:
            print(
                f"\n{nombre}: {len(r['errores'])} documentos fallaron (cuentan sin tablas): "
                + "; ".join(r["errores"][:5])
            )
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "documentos": len(docs),
                    "regiones_oro": regiones,
                    "iou_minimo": IOU_MIN,
                    "notas": notas,
                    "metodos": resultados,
                },
                ensure_ascii=False,
                indent=2,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
