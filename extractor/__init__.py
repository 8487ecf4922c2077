"""Readers and extraction: a report file in, an `InformeExtraido` out.

    file → Documento (readers) → stitched tables → metadata + observations

Each step is a plain function of the previous step's output.
"""
from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from . import seguridad
from .errores import ErrorLectura
from .resultado import InformeExtraido
from .seguridad import LimitesLectura

HOJAS = ("xlsx", "xls", "ods")  # spreadsheets: extractor/lectores/hoja.py
LEGADO = ("doc", "rtf", "odt")  # legacy word processors, through LibreOffice: extractor/lectores/legado.py

__all__ = ["extraer_informe", "leer_documento", "interpretar", "ErrorLectura", "LimitesLectura"]


def sha256_de(ruta: Path) -> str:
    h = hashlib.sha256()
    with open(ruta, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@contextmanager
def copia_privada(ruta: Path) -> Iterator[tuple[Path, str]]:
    """Read the file once into a private copy (a temporary folder only this
    user can read, removed at the end) and yield (copy, SHA-256 of the bytes
    copied). Everything after reads the copy: the bytes hashed are the bytes
    parsed, even if the original is rewritten meanwhile. The copy keeps the
    file's name (the readers name it in their messages)."""
    ruta = Path(ruta)
    carpeta = Path(tempfile.mkdtemp(prefix="informes-copia-"))
    try:
        tamano, libre = ruta.stat().st_size, shutil.disk_usage(carpeta).free
        if tamano > libre // 2:  # a huge (or sparse) file never fills the disk
            raise ErrorLectura(ruta.name, f"el archivo ocupa {tamano >> 20} MB y no hay espacio para leerlo "
                                          f"(quedan {libre >> 20} MB en la carpeta temporal)")
        copia = carpeta / ruta.name
        h = hashlib.sha256()
        with open(ruta, "rb") as origen, open(copia, "xb") as destino:
            for chunk in iter(lambda: origen.read(1 << 20), b""):
                h.update(chunk)
                destino.write(chunk)
        yield copia, h.hexdigest()
    finally:
        shutil.rmtree(carpeta, ignore_errors=True)


def formato_de(ruta: Path) -> str:
    """The format the bytes say ('pdf', 'docx', 'xlsx', 'xls', 'ods', 'doc', 'rtf', 'odt'), whatever
    the extension claims; ErrorLectura with a Spanish reason for anything else."""
    from .seguridad import detectar_formato

    return detectar_formato(Path(ruta))


def leer_documento(ruta: Path, limites: Optional[LimitesLectura] = None):
    """Read a file into the document model. The file is read once into a
    private copy (copia_privada), hashed and parsed from there. The input
    guards of `extractor.seguridad` run first (format from the bytes,
    encrypted or damaged files, page limit, text layer, zip bombs, XML
    entities)."""
    ruta = Path(ruta)
    if not ruta.is_file():
        raise ErrorLectura(ruta.name, "el archivo no existe")
    with copia_privada(ruta) as (copia, sha256):
        return _leer_copia(copia, sha256, limites or seguridad.LIMITES)


def _leer_copia(ruta: Path, sha256: str, limites: LimitesLectura):
    from .lectores.docx import leer_docx
    from .lectores.pdf import leer_pdf
    from .cortes import reparar_cortes
    from .tablas import unir_tablas

    formato = formato_de(ruta)
    seguridad.revisar(ruta, formato, limites)
    try:
        if formato == "pdf":
            with seguridad.vigilar_flujos_pdf(ruta.name):
                doc = leer_pdf(ruta, sha256)
        elif formato in HOJAS:
            from .lectores.hoja import leer_hoja

            doc = leer_hoja(ruta, sha256, limites, formato)
        elif formato in LEGADO:
            from .lectores.legado import TIEMPO, leer_legado

            tiempo = TIEMPO if limites.plazo is None else min(TIEMPO, limites.plazo - time.monotonic())
            doc = leer_legado(ruta, sha256, formato, tiempo=tiempo,
                              revisar_docx=lambda copia: seguridad.revisar_docx(copia, limites))
        else:
            doc = leer_docx(ruta, sha256)
    except ErrorLectura:
        raise
    except Exception as exc:  # a reader library failing on a broken file
        if seguridad.es_memoria(exc):
            raise MemoryError(f"{ruta.name}: sin memoria al leer el {formato.upper()}") from exc
        motivo = seguridad.motivo_de_excepcion(exc, formato)
        if motivo is None:
            motivo = f"no se pudo leer el {formato.upper()} ({type(exc).__name__}: {exc})"
        raise ErrorLectura(ruta.name, motivo) from exc
    return reparar_cortes(unir_tablas(doc))


def interpretar(doc, plantillas: tuple = ()) -> InformeExtraido:
    """Metadata, observations, unmapped rows and the coverage audit of a
    document. `plantillas`: reading templates (extractor/plantillas.py),
    a person's corrections of table layouts, applied to matching tables."""
    from .cobertura import auditar
    from .filas import interpretar_tabla
    from .lectura import LecturaTabla
    from .metadatos import extraer_metadatos, planifica
    from .narrativa import dinero_en_narrativa
    from .resultado import FilaNoMapeada
    from .titulos import nombres_de_hoja, titulos_de_tablas

    meta, ctx = extraer_metadatos(doc)
    titulos = titulos_de_tablas(doc)
    cortos = nombres_de_hoja(doc) if doc.formato in HOJAS else {}
    meta.codigo_divipola = meta.codigo_divipola or getattr(doc, "codigo_divipola", None)
    result = InformeExtraido(
        archivo=doc.archivo, sha256=doc.sha256, formato=doc.formato, paginas=doc.paginas, metadatos=meta
    )
    por_hoja = _contextos_por_hoja(doc, ctx) if doc.formato in HOJAS else {}
    lecturas = {}
    for tabla in doc.tablas:
        ctx_tabla = por_hoja.get(tabla.paginas[0], ctx) if tabla.paginas else ctx
        lecturas[tabla.indice] = lectura = LecturaTabla(plantillas=tuple(plantillas))
        obs, skipped = interpretar_tabla(tabla, ctx_tabla, planifica(meta.tipo_documento), titulos.get(tabla.indice, []),
                                         lectura=lectura, nombre_corto=cortos.get(tabla.indice))
        result.observaciones.extend(obs)
        result.no_mapeadas.extend(skipped)
    if doc.formato in HOJAS:
        from .resumenes import quitar_resumenes

        result.observaciones, notas = quitar_resumenes(result.observaciones, doc)
        result.no_mapeadas.extend(notas)
    result.no_mapeadas.extend(
        FilaNoMapeada(texto=o.texto, motivo=o.motivo, pagina=o.pagina) for o in doc.omisiones
    )
    result.observaciones.extend(dinero_en_narrativa(doc, ctx))
    result.columnas_leidas, result.plantillas = _columnas_leidas(lecturas)
    from .confianza import ajustar

    ajustar(result.observaciones, lecturas)  # how each table was read: rule or guess, arithmetic
    # nothing dropped silently: every number near a table is accounted for
    auditoria = auditar(doc, result, lecturas)
    result.cobertura, result.sin_destino = auditoria.cobertura, auditoria.sin_destino
    result.cifras_auditadas = dict(auditoria.por_destino)
    return result


def _columnas_leidas(lecturas: dict) -> tuple[list, dict[int, str]]:
    """Each table's column reading (LecturaColumna rows) and the templates applied."""
    from .plantillas import firma
    from .resultado import LecturaColumna

    filas, aplicadas = [], {}
    for indice, lectura in lecturas.items():
        if lectura.plantilla:
            aplicadas[indice] = lectura.plantilla
        huella = firma([c.encabezado for c in lectura.columnas])
        for c in lectura.columnas:
            p = c.periodo if c.rol == "valor" else None
            filas.append(LecturaColumna(
                tabla=indice, columna=c.indice, encabezado=c.encabezado or "", rol=c.rol,
                medida=c.medida if c.rol == "valor" else None, periodo_inicio=p.inicio if p else None,
                periodo_fin=p.fin if p else None, escala=c.escala if c.rol == "valor" else None,
                nombre=c.indice == lectura.etiqueta, firma=huella, plantilla=lectura.plantilla))
    return filas, aplicadas


def _contextos_por_hoja(doc, ctx):
    """Each sheet of a workbook is its own report context when its own
    title lines date it ("Vigencia 2023", "Corte 15 de junio de 2025") with
    another year or cut than the workbook's first title: {page: Contexto}."""
    from dataclasses import replace

    from .metadatos import extraer_metadatos
    from .modelo import Documento

    salida = {}
    paginas = sorted({t.paginas[0] for t in doc.tablas if t.paginas})
    if len(paginas) < 2:
        return salida
    for pagina in paginas:
        propios = [b for b in doc.textos if b.pagina == pagina]
        titulos = [b for b in propios if b.estilo != "Hoja"]
        if not titulos:
            continue
        sub = Documento(archivo=doc.archivo, sha256=doc.sha256, formato=doc.formato, paginas=doc.paginas,
                        bloques=propios)
        _, propio = extraer_metadatos(sub)
        if propio.vigencia and (propio.vigencia != ctx.vigencia
                                or propio.fecha_corte not in (None, ctx.fecha_corte)):
            salida[pagina] = replace(propio, cuatrienio=propio.cuatrienio or ctx.cuatrienio)
    return salida


def extraer_informe(ruta: Path, limites: Optional[LimitesLectura] = None,
                    plantillas: tuple = ()) -> InformeExtraido:
    """Read and interpret one report (with reading templates, extractor/plantillas.py).
    ErrorLectura (Spanish, naming the file) when it cannot be read or has no indicator table."""
    informe = interpretar(leer_documento(Path(ruta), limites), plantillas)
    seguridad.exigir_tablas_de_indicadores(informe)
    return informe
