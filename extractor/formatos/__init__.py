"""One reader per file format; all of them return an `extractor.modelo.Documento`.
Detection of the format from the bytes and the input guards: seguridad.py."""

# spreadsheets, and as one sheet: CSV (csv_texto.py) and an HTML table saved as .xls (html_texto.py): hoja.py
HOJAS = ("xlsx", "xls", "ods", "csv", "html_hoja")
LEGADO = ("doc", "rtf", "odt", "ppt", "odp")  # legacy documents and presentations, through LibreOffice: legado.py
PRESENTACIONES = ("pptx", "ppt", "odp")  # slides: pptx.py (.ppt and .odp converted to .pptx first)
# the file extensions a folder's report files may have (`informes cargar`, `informes evaluar`)
EXTENSIONES = (
    ".pdf",
    ".docx",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".ods",
    ".csv",
    ".tsv",
    ".html",
    ".htm",
    ".doc",
    ".rtf",
    ".odt",
    ".pptx",
    ".ppt",
    ".odp",
)
