"""Errors users see. Messages are Spanish and name the file."""


class ErrorLectura(Exception):
    """The file cannot be read as a report (corrupt, wrong type, no tables...)."""

    def __init__(self, archivo: str, motivo: str):
        self.archivo = archivo
        self.motivo = motivo
        super().__init__(f"{archivo}: {motivo}")


class FaltaPrograma(ErrorLectura):
    """The file is fine but reading it needs a program that is not installed
    (LibreOffice for .doc/.rtf/.odt, Tesseract for scanned PDFs). A load
    skips it, says what to install and retries it on a later run."""

    def __init__(self, archivo: str, motivo: str, programa: str, instalar: str):
        self.programa = programa  # "LibreOffice" or "Tesseract"
        self.instalar = instalar  # the Debian/Ubuntu command that installs it
        super().__init__(archivo, motivo)
