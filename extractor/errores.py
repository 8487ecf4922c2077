"""Errors users see. Messages are Spanish and name the file."""


class ErrorLectura(Exception):
    """The file cannot be read as a report (corrupt, wrong type, no tables...)."""

    def __init__(self, archivo: str, motivo: str):
        self.archivo = archivo
        self.motivo = motivo
        super().__init__(f"{archivo}: {motivo}")
