from __future__ import annotations

from pathlib import Path

import pytest

from extractor.modelo import Celda, Tabla

RAIZ = Path(__file__).resolve().parent.parent
CORPUS = RAIZ / "corpus"
CORPUS_REAL = RAIZ.parent / "shared" / "corpus-real"


def tabla_de(filas: list[list[str]], pagina: int = 1, indice: int = 1) -> Tabla:
    """A table from plain rows of text (no spans)."""
    celdas = [
        Celda(texto=t, fila=r, columna=k, pagina=pagina) for r, fila in enumerate(filas) for k, t in enumerate(fila)
    ]
    return Tabla(indice=indice, celdas=celdas)


@pytest.fixture
def corpus() -> Path:
    return CORPUS
