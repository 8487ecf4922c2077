"""Otsu's threshold of a page image's greys: the grey that best parts ink
from paper (used by the OCR reader and to find a photographed sheet)."""

from __future__ import annotations


def umbral_otsu(gris) -> int:
    """Ink is every grey below the threshold; an image of one grey gives 1."""
    import numpy as np
    from PIL import Image

    hist = np.array(Image.fromarray(gris).histogram(), dtype=np.float64)  # PIL's count of each grey: fast
    total = hist.sum()
    suma = np.dot(np.arange(256), hist)
    peso = np.cumsum(hist)
    media = np.cumsum(hist * np.arange(256))
    fondo = total - peso
    with np.errstate(divide="ignore", invalid="ignore"):
        varianza = (suma * peso / total - media) ** 2 * total / (peso * fondo)
    varianza[~np.isfinite(varianza)] = 0
    return int(np.argmax(varianza)) + 1  # ink: grey values below this (the class up to the argmax)
