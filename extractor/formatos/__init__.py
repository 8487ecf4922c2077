"""One reader per file format; all of them return an `extractor.modelo.Documento`.
Detection of the format from the bytes and the input guards: seguridad.py."""

HOJAS = ("xlsx", "xls", "ods", "csv")  # spreadsheets, and CSV as one sheet: hoja.py (csv_texto.py)
LEGADO = ("doc", "rtf", "odt", "ppt", "odp")  # legacy documents and presentations, through LibreOffice: legado.py
PRESENTACIONES = ("pptx", "ppt", "odp")  # slides: pptx.py (.ppt and .odp converted to .pptx first)
