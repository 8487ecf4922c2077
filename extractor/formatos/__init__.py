"""One reader per file format; all of them return an `extractor.modelo.Documento`.
Detection of the format from the bytes and the input guards: seguridad.py."""

HOJAS = ("xlsx", "xls", "ods", "csv")  # spreadsheets, and CSV as one sheet: hoja.py (csv_texto.py)
LEGADO = ("doc", "rtf", "odt")  # legacy word processors, through LibreOffice: legado.py
