"""One reader per file format; all of them return an `extractor.modelo.Documento`.
Detection of the format from the bytes and the input guards: seguridad.py."""

# spreadsheets, and as one sheet: CSV (csv_texto.py) and an HTML table saved as .xls (html_texto.py): hoja.py
HOJAS = ("xlsx", "xls", "ods", "csv", "html_hoja")
LEGADO = ("doc", "rtf", "odt", "ppt", "odp")  # legacy documents and presentations, through LibreOffice: legado.py
PRESENTACIONES = ("pptx", "ppt", "odp")  # slides: pptx.py (.ppt and .odp converted to .pptx first)
