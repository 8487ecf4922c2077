"""Input guards: checks that run before a reader library touches a file.

A report file comes from outside (downloads, e-mail, portals), so it may be
empty, truncated, encrypted, mislabelled or hostile. These checks are cheap
and reject such files with a Spanish reason (`ErrorLectura`) instead of
letting pdfplumber or python-docx fail obscurely, hang or blow up memory:

* the format comes from the bytes, not the extension (a DOCX named .pdf is
  read as Word); legacy .doc (an OLE file with a WordDocument stream), RTF
  and .odt are converted to DOCX by LibreOffice (extractor/formatos/legado.py);
  PowerPoint presentations are read slide by slide (.pptx; .ppt and .odp
  through LibreOffice too); HTML is a web page ('html',
  extractor/formatos/html.py) or, named as a workbook (.xls…) or made by
  Excel, a sheet ('html_hoja'); its size is bounded and lxml parses it with
  no network and no huge trees;
* DOCX (and the other zip packages: .xlsx, .ods, .odt, .pptx, .odp): the
  ZIP directory is checked (number of parts, declared uncompressed size,
  compression ratio: zip bombs) and every XML part is streamed with a
  size cap looking for DOCTYPE/ENTITY declarations (entity expansion, XXE),
  before python-docx opens it;
* PDF: pdfium opens it (encrypted, damaged), the end-of-file marker must be
  in the last 1024 bytes (truncated downloads), every Flate stream must
  inflate cleanly (bit flips: readers would silently drop or alter text),
  the page count is bounded, and at least one page must carry a text layer
  or images (scanned PDFs are read by OCR: Tesseract must be installed);
* after extraction, a report needs at least one table that gave two or more
  observations ("no se encontraron tablas de indicadores").

Time and memory per file are bounded by the caller (pipelines/carga/cargar.py runs
each extraction in a child process with a timeout and an address-space
limit); `MemoryError` raised while reading becomes a clear reason there.
"""

from __future__ import annotations

import base64
import binascii
import errno
import mmap
import re
import zipfile
import zlib
from contextlib import contextmanager
from functools import cache
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional

from extractor.errores import ErrorLectura, FaltaPrograma
from extractor.formatos import PRESENTACIONES, csv_texto, html_texto

MB = 1 << 20


@dataclass(frozen=True)
class LimitesLectura:
    """Limits checked before parsing. Defaults fit any real report with a
    wide margin; the page limit can be changed from the CLI."""

    paginas: int = 2000  # PDF pages, slides of a presentation
    docx_partes: int = 5000  # entries of the DOCX zip
    docx_descomprimido: int = 512 * MB  # declared uncompressed size of all parts
    docx_xml: int = 256 * MB  # one XML part, actually decompressed
    docx_razon: float = 200.0  # uncompressed / compressed of one part...
    docx_razon_desde: int = 4 * MB  # ...checked only for parts larger than this
    hoja_celdas: int = 500_000  # non-empty cells of one spreadsheet sheet (~1 KB of memory each)
    hoja_area: int = 5_000_000  # rows × columns of one table read from a sheet
    csv_tamano: int = 64 * MB  # a CSV file, decoded whole in memory (its cells are bounded by hoja_celdas too)
    html_tamano: int = 32 * MB  # a web page, parsed whole in memory (lxml's tree takes several times its size)
    plazo: Optional[float] = None  # time.monotonic() deadline of the file (--limite-tiempo), if any
    hoja_ocultas: bool = False  # read hidden sheets, rows and columns of workbooks, hidden slides (--incluir-ocultas)


LIMITES = LimitesLectura()

# Office documents with a password (and legacy .doc files) are OLE compound files.
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# DOCTYPE or ENTITY in an XML part: Word never writes them.
_DECLARACION = re.compile(rb"<!\s*(doctype|entity)", re.IGNORECASE)
_TROZO = 64 * 1024


# ------------------------------------------------------------------ format


def detectar_formato(ruta: Path) -> str:
    """'pdf', 'docx', 'xlsx' (also .xlsm), 'xls', 'ods', 'doc', 'rtf',
    'odt', 'pptx', 'ppt' or 'odp', from the file's bytes whatever its
    extension says; 'html' for a web page, 'html_hoja' for one named as a
    workbook or made by Excel; 'csv' for text named .csv or .tsv;
    ErrorLectura (Spanish reason) for anything else."""
    ruta = Path(ruta)
    with open(ruta, "rb") as f:
        cabeza = f.read(1024)
    if not cabeza:
        raise ErrorLectura(ruta.name, "el archivo está vacío (0 bytes)")
    if cabeza.startswith(b"%PDF-"):
        return "pdf"
    if cabeza.startswith(b"PK\x03\x04") or cabeza.startswith(b"PK\x05\x06"):
        return _formato_zip(ruta)
    if cabeza.startswith(_CFB):
        return _formato_ole(ruta)
    texto = cabeza.lstrip(b"\xef\xbb\xbf")  # UTF-8 BOM
    if html_texto.es_html(cabeza):
        return _formato_html(ruta)
    if texto.lstrip().startswith(b"{\\rtf"):
        return "rtf"  # converted by LibreOffice (extractor/formatos/legado.py)
    # Acrobat accepts the %PDF- header anywhere in the first 1024 bytes.
    if b"%PDF-" in cabeza:
        return "pdf"
    if ruta.suffix.lower() in csv_texto.EXTENSIONES:
        return _formato_csv(ruta)
    if ruta.suffix.lower() in html_texto.EXTENSIONES:
        return _formato_texto_html(ruta)
    raise ErrorLectura(ruta.name, "no es un PDF ni un documento de Word (.docx) válido")


def _formato_html(ruta: Path) -> str:
    """'html_hoja' for HTML named as a workbook (.xls: the "Excel" export of
    CHIP, SIIF, SECOP and report generators) or made by Excel; 'html' for
    any other web page."""
    with open(ruta, "rb") as f:
        cabeza = f.read(html_texto.CABEZA)
    if ruta.suffix.lower() in html_texto.EXTENSIONES_DE_HOJA or html_texto.es_de_excel(cabeza):
        return "html_hoja"
    return "html"


def _formato_texto_html(ruta: Path) -> str:
    """'html' for text named .html or .htm that does not open with markup
    (lxml reads it as a page); ErrorLectura when its bytes are not text."""
    with open(ruta, "rb") as f:
        cabeza = f.read(_TROZO)
    if csv_texto.es_binario(cabeza):
        extension = ruta.suffix.lower()
        raise ErrorLectura(
            ruta.name, f"la extensión es {extension} pero el contenido no es una página web: es un archivo binario"
        )
    return "html"


def _formato_csv(ruta: Path) -> str:
    """'csv' for a text file named .csv (or .tsv); ErrorLectura when its
    bytes are not text. Only the extension tells a CSV from any other text."""
    with open(ruta, "rb") as f:
        cabeza = f.read(_TROZO)
    if csv_texto.es_binario(cabeza):
        extension = ruta.suffix.lower()
        raise ErrorLectura(
            ruta.name,
            f"la extensión es {extension} pero el contenido no es texto separado por comas: es un archivo binario",
        )
    return "csv"


def _formato_ole(ruta: Path) -> str:
    """'xls', 'doc' or 'ppt' for an OLE compound file; otherwise ErrorLectura saying
    what it actually is: damaged, password-protected, or another kind."""
    entradas = nombres_cfb(ruta)
    if not entradas:
        raise ErrorLectura(ruta.name, "el archivo de Office 97-2003 (formato OLE) está dañado o incompleto")
    if entradas & {"encryptedpackage", "encryptioninfo"}:
        raise ErrorLectura(
            ruta.name, "es un documento de Office protegido con contraseña; quite la contraseña y guárdelo de nuevo"
        )
    if entradas & {"workbook", "book"}:
        return "xls"  # Excel 97-2003 (BIFF); "WordDocument" is a .doc
    if "worddocument" in entradas:
        return "doc"  # Word 97-2003: converted by LibreOffice (extractor/formatos/legado.py)
    if "powerpoint document" in entradas:
        return "ppt"  # PowerPoint 97-2003: converted by LibreOffice (extractor/formatos/legado.py)
    otro = "es un archivo de Office 97-2003 que no es un documento de Word, un libro de Excel ni una presentación"
    raise ErrorLectura(ruta.name, f"no es un informe que se pueda leer: {otro}")


def _formato_zip(ruta: Path) -> str:
    try:
        with zipfile.ZipFile(ruta) as z:
            nombres = set(z.namelist())
            tipo_odf = b""
            if "mimetype" in nombres:
                with z.open("mimetype") as f:
                    tipo_odf = f.read(100)  # bounded: the part may be anything
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
        raise ErrorLectura(ruta.name, f"el archivo ZIP ({_que_zip(ruta)}) está dañado o incompleto") from None
    except KeyError:  # a directory entry that lies about its contents
        raise ErrorLectura(ruta.name, f"el archivo ZIP ({_que_zip(ruta)}) está dañado o incompleto") from None
    if "word/document.xml" in nombres:
        return "docx"
    if "xl/workbook.xml" in nombres:
        return "xlsx"  # also .xlsm: the same package with macros, which are never run
    if tipo_odf.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return "ods"
    if tipo_odf.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"  # converted by LibreOffice (extractor/formatos/legado.py)
    if "ppt/presentation.xml" in nombres:
        return "pptx"
    if tipo_odf.startswith(b"application/vnd.oasis.opendocument.presentation"):
        return "odp"  # converted by LibreOffice (extractor/formatos/legado.py)
    presentacion = ruta.suffix.lower() in (".pptx", ".ppt", ".odp")
    if tipo_odf.startswith(b"application/vnd.oasis.opendocument"):
        otro = "es un documento OpenDocument que no es de texto, hoja de cálculo ni presentación; guárdelo como .docx"
    elif "[Content_Types].xml" in nombres:
        otro = "le falta ppt/presentation.xml" if presentacion else "le falta word/document.xml"
    else:
        otro = "es un archivo ZIP"
    que = "una presentación de PowerPoint válida" if presentacion else "un documento de Word válido"
    raise ErrorLectura(ruta.name, f"no es {que}: {otro}")


def _que_zip(ruta: Path) -> str:
    """What a damaged zip package was meant to be, by its name."""
    return "presentación de PowerPoint" if ruta.suffix.lower() in (".pptx", ".odp") else "documento de Word"


def nombres_cfb(ruta: Path) -> set[str]:
    """Names (lower case) of the entries of an OLE compound file (.xls,
    .doc, password-protected Office files), read with olefile: "workbook" /
    "book" is an Excel 97-2003 workbook, "worddocument" a Word 97-2003
    document, "encryptedpackage" an encrypted OOXML file. Empty when the
    file is not a readable compound file (cut, damaged: a valid one always
    has its "root entry")."""
    import olefile

    try:
        with olefile.OleFileIO(str(ruta)) as ole:
            nombres = {ole.root.name.lower()} if ole.root is not None else set()
            for partes in ole.listdir(streams=True, storages=True):
                nombres.update(p.lower() for p in partes)
            return nombres
    except Exception:  # noqa: BLE001 - olefile raises several kinds on damaged files
        return set()


# -------------------------------------------------------------------- DOCX


def revisar_docx(ruta: Path, limites: LimitesLectura = LIMITES, tipo: str = "el documento de Word") -> None:
    """Zip-bomb and XML-attack checks of a .docx (or of any other Office zip
    package: .xlsx, .ods, named by `tipo` in the reasons), before the
    reader library opens it."""
    ruta = Path(ruta)
    nombre = ruta.name
    Tipo = tipo[:1].upper() + tipo[1:]
    de_tipo = "del" + tipo[2:] if tipo.startswith("el ") else "de " + tipo
    danado, descomprimido = (
        ("dañada o incompleta", "descomprimida") if tipo.startswith("la ") else ("dañado o incompleto", "descomprimido")
    )
    try:
        with zipfile.ZipFile(ruta) as z:
            partes = z.infolist()
            if len(partes) > limites.docx_partes:
                raise ErrorLectura(
                    nombre,
                    f"{tipo} tiene {len(partes)} partes internas; "
                    f"el máximo es {limites.docx_partes} (archivo sospechoso)",
                )
            total = sum(p.file_size for p in partes)
            if total > limites.docx_descomprimido:
                raise ErrorLectura(
                    nombre,
                    f"{Tipo} ocupa {total // MB} MB {descomprimido}; el máximo es "
                    f"{limites.docx_descomprimido // MB} MB (posible bomba de descompresión)",
                )
            for p in partes:
                if p.flag_bits & 0x1:
                    raise ErrorLectura(nombre, f"{tipo} tiene partes cifradas con contraseña")
                if p.file_size > limites.docx_razon_desde:
                    razon = p.file_size / max(p.compress_size, 1)
                    if razon > limites.docx_razon:
                        raise ErrorLectura(
                            nombre,
                            f"la parte {p.filename} {de_tipo} se comprime "
                            f"{_miles(razon)} a 1 (posible bomba de descompresión)",
                        )
            for p in partes:
                if not p.is_dir():  # any part may be XML, whatever its name
                    try:
                        _revisar_xml(z, p, nombre, limites, de_tipo, tipo)
                    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
                        # CRC mismatch, broken deflate data, cut member, unknown compression
                        if es_memoria(exc):
                            raise
                        raise ErrorLectura(
                            nombre, f"{tipo} está {danado} (la parte {p.filename} no se puede descomprimir)"
                        ) from exc
    except ErrorLectura:
        raise
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as exc:
        if es_memoria(exc):
            raise
        raise ErrorLectura(nombre, f"{tipo} está {danado}") from exc


def _revisar_xml(
    z: zipfile.ZipFile,
    parte: zipfile.ZipInfo,
    nombre: str,
    limites: LimitesLectura,
    de_tipo: str = "del documento de Word",
    tipo: str = "el documento de Word",
) -> None:
    """Stream one part; if it is XML (its first bytes say so, whatever its
    name: a relationship can point the main document at any part name):
    bounded size, UTF-8/ASCII only, no DOCTYPE/ENTITY. Images and other
    binary parts are left after their first bytes."""
    leidos = 0
    cola = b""
    with z.open(parte) as f:
        primero = True
        while True:
            trozo = f.read(_TROZO)
            if not trozo:
                return
            if primero:
                primero = False
                # A UTF-16/32 part would hide declarations from a byte scan; Word writes UTF-8.
                utf16 = trozo[:2] in (b"\xff\xfe", b"\xfe\xff") or (
                    b"\x00" in trozo[:4] and trozo.replace(b"\x00", b"")[:1] == b"<"
                )
                if not utf16 and not trozo.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                    return  # not XML: an image, an embedded binary
                if utf16:
                    raise ErrorLectura(
                        nombre,
                        f"la parte {parte.filename} {de_tipo} usa una codificación no admitida (se espera UTF-8)",
                    )
            leidos += len(trozo)
            if leidos > limites.docx_xml:
                raise ErrorLectura(
                    nombre,
                    f"la parte {parte.filename} {de_tipo} supera "
                    f"{limites.docx_xml // MB} MB descomprimida (posible bomba de descompresión)",
                )
            if _DECLARACION.search(cola + trozo):
                raise ErrorLectura(
                    nombre,
                    f"{tipo} declara DOCTYPE/ENTITY en {parte.filename} "
                    "(posible ataque de expansión de entidades XML); no se procesa",
                )
            cola = trozo[-16:]


def _miles(x: float) -> str:
    return f"{x:,.0f}".replace(",", ".")


# --------------------------------------------------------------------- PDF


def revisar_pdf(ruta: Path, limites: LimitesLectura = LIMITES) -> int:
    """Open the PDF with pdfium (fast, C) before pdfplumber: encrypted,
    damaged or truncated files, the page limit and the text layer.
    Returns the number of pages."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    ruta = Path(ruta)
    nombre = ruta.name
    with open(ruta, "rb") as f:
        f.seek(0, 2)
        tamano = f.tell()
        f.seek(max(0, tamano - 1024))
        cola = f.read()
    try:
        pdf = pdfium.PdfDocument(str(ruta))
    except pdfium.PdfiumError as exc:
        codigo = getattr(exc, "err_code", None)
        if codigo in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise ErrorLectura(nombre, "el PDF está cifrado o protegido con contraseña") from None
        raise ErrorLectura(nombre, "el PDF está dañado o incompleto") from None
    try:
        # Acrobat's rule: the %%EOF marker is within the last 1024 bytes.
        # A download cut short lacks it even when pdfium can repair the rest.
        if b"%%EOF" not in cola:
            raise ErrorLectura(nombre, "el PDF está dañado o incompleto (el archivo está cortado: falta el final)")
        danados = flujos_danados(ruta)
        if danados:
            raise ErrorLectura(nombre, _motivo_flujos(danados))
        paginas = len(pdf)
        if paginas == 0:
            raise ErrorLectura(nombre, "el PDF está dañado o incompleto (no tiene páginas)")
        if paginas > limites.paginas:
            raise ErrorLectura(
                nombre,
                f"el PDF tiene {paginas} páginas y el límite es {limites.paginas} "
                "(puede cambiarlo con --limite-paginas)",
            )
        if not _tiene_texto(pdf, pdfium_c):
            if _tiene_imagenes(pdf, pdfium_c):
                from extractor.formatos.ocr import PAQUETES, falta_tesseract

                falta = falta_tesseract()  # scanned: read by OCR when Tesseract is installed
                if falta:
                    raise FaltaPrograma(
                        nombre,
                        f"el PDF no tiene capa de texto (parece escaneado): necesita OCR y {falta}",
                        "Tesseract",
                        f"apt-get install {PAQUETES}",
                    )
                return paginas
            raise ErrorLectura(nombre, "el PDF no tiene texto (sus páginas están en blanco)")
        return paginas
    except pdfium.PdfiumError:  # a page that cannot be loaded
        raise ErrorLectura(nombre, "el PDF está dañado o incompleto") from None
    finally:
        pdf.close()


_FLUJO = re.compile(rb"stream(?:\r\n|\n|\r)")


def flujos_danados(ruta: Path) -> int:
    """Number of Flate-compressed streams of the file that do not inflate
    cleanly to their end (bit flips, cut or spliced data). Readers skip such
    errors silently (pdfminer returns partial data or nothing, pdfium shows a
    blank page), which would load wrong or missing figures. A raw scan of the
    bytes (streams are never inside object streams); skipped, returning 0,
    for encrypted files, whose streams only inflate after decryption."""
    with open(ruta, "rb") as f:
        try:
            datos = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except ValueError:  # empty file
            return 0
    with datos:
        if datos.find(b"/Encrypt") >= 0:
            return 0
        malos = 0
        pos = 0
        while True:
            m = _FLUJO.search(datos, pos)
            if m is None:
                return malos
            inicio = m.end()
            antes = datos[max(0, m.start() - 2048) : m.start()]
            if not antes.rstrip().endswith(b">>") or antes.endswith(b"end"):
                pos = inicio  # the word inside other data, or "endstream"
                continue
            fin = datos.find(b"endstream", inicio)
            if fin < 0:
                return malos + 1
            pos = fin + len(b"endstream")
            objeto = antes.rfind(b"obj")
            diccionario = antes[objeto:] if objeto >= 0 else antes
            filtros = _filtros(diccionario)
            if "FlateDecode" not in filtros:
                continue
            try:
                restante = _antes_de_flate(datos[inicio:fin], filtros)
            except ValueError:
                malos += 1
                continue
            if restante is None:
                continue  # a filter before Flate that is not checked here
            d = zlib.decompressobj()
            try:
                # inflate in slices: bounded memory whatever the stream holds
                while restante and not d.eof:
                    d.decompress(restante, 16 * MB)
                    restante = d.unconsumed_tail
                if not d.eof:
                    malos += 1
            except zlib.error:
                malos += 1


_ABREVIADOS = {b"Fl": "FlateDecode", b"A85": "ASCII85Decode", b"AHx": "ASCIIHexDecode"}


def _filtros(diccionario: bytes) -> list[str]:
    """The stream's filters in the order they decode (`/Filter [/A85 /Fl]`)."""
    m = re.search(rb"/Filter\s*(\[[^\]]*\]|/\w+)", diccionario)
    if not m:
        return []
    return [_ABREVIADOS.get(n, n.decode("latin-1")) for n in re.findall(rb"/(\w+)", m.group(1))]


def _antes_de_flate(datos: bytes, filtros: list[str]) -> Optional[bytes]:
    """The bytes that reach the Flate filter: ASCII85 or hex text decoded
    first (ReportLab writes `[/ASCII85Decode /FlateDecode]`); None when
    another filter comes first. ValueError when that text is damaged."""
    for filtro in filtros[: filtros.index("FlateDecode")]:
        texto = datos.strip()
        if filtro == "ASCII85Decode":
            texto = texto[2:] if texto.startswith(b"<~") else texto
            datos = base64.a85decode(texto.split(b"~>")[0] + b"~>", adobe=True, ignorechars=b" \t\n\r\x0b")
        elif filtro == "ASCIIHexDecode":
            cifras = re.sub(rb"\s", b"", texto.split(b">")[0])
            datos = binascii.unhexlify(cifras + b"0" * (len(cifras) % 2))
        else:
            return None
    return datos


def _motivo_flujos(n: int) -> str:
    cuales = "1 flujo comprimido" if n == 1 else f"{n} flujos comprimidos"
    return f"el PDF está dañado o incompleto ({cuales} con errores: las cifras podrían estar incompletas o alteradas)"


def _tiene_texto(pdf, pdfium_c) -> bool:
    """True at the first page with a non-blank character."""
    for i in range(len(pdf)):
        pagina = pdf[i]
        try:
            texto = pagina.get_textpage()
            try:
                n = texto.count_chars()
                if n and texto.get_text_range(0, min(n, 4000)).strip():
                    return True
            finally:
                texto.close()
        finally:
            pagina.close()
    return False


def _tiene_imagenes(pdf, pdfium_c) -> bool:
    for i in range(min(len(pdf), 50)):
        pagina = pdf[i]
        try:
            if next(iter(pagina.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE])), None) is not None:
                return True
        finally:
            pagina.close()
    return False


@contextmanager
def vigilar_flujos_pdf(nombre: str) -> Iterator[None]:
    """While a PDF is parsed, notice compressed streams that pdfminer could
    only decode by skipping errors (it then returns partial or altered data,
    or nothing, without raising): such a PDF is damaged and its figures
    cannot be trusted, so ErrorLectura is raised at the end of the block.
    pdfminer calls `decompress_corrupted` only after zlib rejected a stream."""
    from extractor.formatos.privadas import avisar_flujos_danados

    danados: list[int] = []
    with avisar_flujos_danados(lambda datos: danados.append(len(datos))):
        yield
    if danados:
        raise ErrorLectura(nombre, _motivo_flujos(len(danados)))


def revisar(ruta: Path, formato: str, limites: LimitesLectura = LIMITES) -> None:
    """Run the guards of `formato` ('pdf', 'docx', a workbook, a CSV…) on the file."""
    if formato == "pdf":
        revisar_pdf(ruta, limites)
    elif formato == "docx":
        revisar_docx(ruta, limites)
    elif formato in ("xlsx", "ods"):
        revisar_docx(ruta, limites, tipo="el libro de cálculo")
    elif formato == "odt":  # a zip package too: bombs and XML entities before LibreOffice opens it
        revisar_docx(ruta, limites, tipo="el documento OpenDocument")
    elif formato == "pptx":
        revisar_pptx(ruta, limites)
    elif formato == "odp":
        revisar_docx(ruta, limites, tipo="la presentación OpenDocument")
    elif formato == "csv":
        tamano = Path(ruta).stat().st_size
        if tamano > limites.csv_tamano:
            raise ErrorLectura(
                Path(ruta).name, f"el CSV ocupa {_en_mb(tamano)}; el máximo es {_en_mb(limites.csv_tamano)}"
            )
    elif formato in ("html", "html_hoja"):
        tamano = Path(ruta).stat().st_size
        if tamano > limites.html_tamano:
            raise ErrorLectura(
                Path(ruta).name,
                f"la página web (HTML) ocupa {_en_mb(tamano)}; el máximo es {_en_mb(limites.html_tamano)}",
            )
    elif formato in ("doc", "rtf", "ppt"):
        tamano = Path(ruta).stat().st_size
        if tamano > limites.docx_descomprimido:
            raise ErrorLectura(
                Path(ruta).name,
                f"el documento ocupa {tamano // MB} MB; el máximo es {limites.docx_descomprimido // MB} MB",
            )


_DIAPOSITIVA = re.compile(r"^ppt/slides/slide\d+\.xml$")


def revisar_pptx(ruta: Path, limites: LimitesLectura = LIMITES) -> None:
    """The zip package's guards (revisar_docx) and the slide limit (the page
    limit: a slide is a page)."""
    revisar_docx(ruta, limites, tipo="la presentación")
    with zipfile.ZipFile(ruta) as z:
        diapositivas = sum(1 for n in z.namelist() if _DIAPOSITIVA.match(n))
    if diapositivas > limites.paginas:
        raise ErrorLectura(
            Path(ruta).name,
            f"la presentación tiene {diapositivas} diapositivas y el límite es {limites.paginas} "
            "(puede cambiarlo con --limite-paginas)",
        )


def _en_mb(n: int) -> str:
    """Bytes as megabytes with one es-CO decimal when needed: "1,5 MB", "64 MB"."""
    return f"{n / MB:.1f}".replace(".", ",").removesuffix(",0") + " MB"


# ------------------------------------------------------ after extraction

MIN_OBSERVACIONES_TABLA = 2


def exigir_tablas_de_indicadores(informe) -> None:
    """A report is accepted when at least one of its tables gave at least
    two observations (an indicator table has a value column and several
    figures), or when its prose states a named indicator's result against
    a target (extractor/informe/logros.py: the only prose that gives a
    `meta` or a `meta_cuatrienio`). Money or counts read from prose alone, or one stray number in
    one table, do not make a report: ErrorLectura 'no se encontraron tablas
    de indicadores'."""
    por_tabla: dict = {}
    for obs in informe.observaciones:
        if obs.tabla is not None:
            por_tabla[obs.tabla] = por_tabla.get(obs.tabla, 0) + 1
    if any(n >= MIN_OBSERVACIONES_TABLA for n in por_tabla.values()):
        return
    if any(obs.tabla is None and obs.medida in ("meta", "meta_cuatrienio") for obs in informe.observaciones):
        return
    filas = sum(1 for f in informe.no_mapeadas if f.tabla is not None)  # not the notes on pages, sheets
    detalle = (
        f" (hay {filas} filas de tabla, pero ninguna con cifras de indicadores que se puedan leer)" if filas else ""
    )
    notas = [f for f in informe.no_mapeadas if f.tabla is None and f.motivo.startswith("página escaneada")]
    leidas = sorted({f.pagina for f in notas if "OCR" in f.motivo})
    sin_leer = [f for f in notas if "no se leyó" in f.motivo]
    partes = []
    if leidas:
        una = len(leidas) == 1
        partes.append(
            f"{_paginas(leidas)} se {'leyó' if una else 'leyeron'} con OCR y "
            f"{'no tiene' if una else 'ninguna tiene'} tablas"
        )
    if sin_leer:
        una = len(sin_leer) == 1
        motivo = sin_leer[0].motivo.split(": ", 1)[-1]
        partes.append(
            f"{_paginas(sorted(f.pagina for f in sin_leer))} no se {'pudo' if una else 'pudieron'} leer: {motivo}"
        )
    if partes:
        detalle += f" (PDF escaneado: {'; '.join(partes)})"
    raise ErrorLectura(informe.archivo, f"no se encontraron tablas de indicadores{detalle}")


def _paginas(numeros: list[int]) -> str:
    if len(numeros) == 1:
        return f"la página {numeros[0]}"
    return f"las páginas {', '.join(map(str, numeros[:-1]))} y {numeros[-1]}"


# ------------------------------------------------------ reader exceptions


# The reader libraries' exceptions that mean a broken or protected file, by
# kind: (module, class), all public. Imported on first use (the libraries are
# slow to import); tests/extractor/formatos/test_privadas.py checks that each still exists.
ERRORES_DE_BIBLIOTECA = {
    "pdf_cifrado": (
        ("pdfminer.pdfdocument", "PDFPasswordIncorrect"),
        ("pdfminer.pdfdocument", "PDFEncryptionError"),
        ("pdfminer.pdfdocument", "PDFEncryptionWarning"),
    ),
    "pdf_danado": (
        ("pdfminer.pdfparser", "PDFSyntaxError"),
        ("pdfminer.psexceptions", "PSEOF"),
        ("pdfminer.pdfdocument", "PDFNoValidXRef"),
        ("pdfminer.psexceptions", "PSSyntaxError"),
        ("pdfplumber.utils.exceptions", "PdfminerException"),
        ("pdfminer.pdfexceptions", "PDFTypeError"),
        ("pdfminer.pdfexceptions", "PDFValueError"),
        ("pypdfium2", "PdfiumError"),
    ),
    "docx_danado": (("lxml.etree", "XMLSyntaxError"), ("docx.opc.exceptions", "PackageNotFoundError")),
    "pptx_danado": (
        ("lxml.etree", "XMLSyntaxError"),
        ("pptx.exc", "PackageNotFoundError"),
        ("pptx.exc", "InvalidXmlError"),
    ),
    "libro_cifrado": (("python_calamine", "PasswordError"),),
    "libro_danado": (
        ("lxml.etree", "XMLSyntaxError"),
        ("xml.etree.ElementTree", "ParseError"),
        ("python_calamine", "CalamineError"),
        ("python_calamine", "XmlError"),
        ("python_calamine", "ZipError"),
        ("openpyxl.utils.exceptions", "InvalidFileException"),
    ),
}


@cache
def errores_de_biblioteca(tipo: str) -> tuple[type[BaseException], ...]:
    """The exception classes of ERRORES_DE_BIBLIOTECA[tipo] (one a library
    no longer has is left out here; the test names it)."""
    import importlib

    clases = []
    for modulo, nombre in ERRORES_DE_BIBLIOTECA[tipo]:
        try:
            clase = getattr(importlib.import_module(modulo), nombre)
        except (ImportError, AttributeError):
            continue
        clases.append(clase)
    return tuple(clases)


def motivo_de_excepcion(exc: BaseException, formato: str) -> str | None:
    """Spanish reason for a reader library's exception on a broken file,
    or None when it is not a known kind. Looks through the exception chain
    (pdfplumber wraps pdfminer's errors)."""
    vistos = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in vistos:
        vistos.add(id(e))
        if isinstance(e, MemoryError):
            return None  # the caller turns it into the memory-limit reason
        if isinstance(e, errores_de_biblioteca("pdf_cifrado")):
            return "el PDF está cifrado o protegido con contraseña"
        if formato == "pdf" and isinstance(e, errores_de_biblioteca("pdf_danado")):
            return "el PDF está dañado o incompleto"
        if formato == "docx" and isinstance(e, (zipfile.BadZipFile, zlib.error, *errores_de_biblioteca("docx_danado"))):
            return "el documento de Word está dañado o incompleto"
        if formato in PRESENTACIONES and isinstance(
            e, (zipfile.BadZipFile, zlib.error, KeyError, *errores_de_biblioteca("pptx_danado"))
        ):
            return "la presentación de PowerPoint está dañada o incompleta"
        if formato in ("xlsx", "xls", "ods"):
            if isinstance(e, errores_de_biblioteca("libro_cifrado")):
                return "el libro de cálculo está protegido con contraseña"
            if isinstance(e, (zipfile.BadZipFile, zlib.error, KeyError, *errores_de_biblioteca("libro_danado"))):
                return f"el libro de cálculo (.{formato}) está dañado o incompleto"
        e = e.__cause__ or e.__context__
    # Any other error raised inside the reader library itself (not in this
    # project's code, where it would be a bug to show): the library choked
    # on the file's structure.
    if _dentro_de_biblioteca(exc):
        if formato == "pdf":
            return "el PDF está dañado o incompleto (su estructura interna no es válida)"
        if formato in ("xlsx", "xls", "ods"):
            return f"el libro de cálculo (.{formato}) está dañado o incompleto (su estructura interna no es válida)"
        if formato in PRESENTACIONES:
            return "la presentación de PowerPoint está dañada o incompleta (su estructura interna no es válida)"
        if formato in ("html", "html_hoja"):
            return "la página web (HTML) está dañada (su estructura interna no es válida)"
        return "el documento de Word está dañado o incompleto (su estructura interna no es válida)"
    return None


_BIBLIOTECAS = (
    "pdfminer",
    "pdfplumber",
    "pypdfium2",
    "docx",
    "pptx",
    "lxml",
    "zipfile",
    "openpyxl",
    "python_calamine",
    "xml",
)


def _dentro_de_biblioteca(exc: BaseException) -> bool:
    tb = exc.__traceback__
    if tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    partes = Path(tb.tb_frame.f_code.co_filename).parts
    return any(p in _BIBLIOTECAS or p == "zipfile.py" for p in partes)


def es_memoria(exc: BaseException) -> bool:
    """True when a MemoryError (or an OSError ENOMEM) is the exception or in its chain."""
    vistos = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in vistos:
        vistos.add(id(e))
        if isinstance(e, MemoryError) or (isinstance(e, OSError) and e.errno == errno.ENOMEM):
            return True
        e = e.__cause__ or e.__context__
    return False
