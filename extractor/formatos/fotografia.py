"""A page photographed with a phone rather than scanned: the sheet lies on a
darker background (a desk), seen at a slant (its edges are not parallel) and
under uneven light. Before OCR the sheet is found (the bright four-sided
region the background surrounds), its corners are pulled to the corners of
the image (a perspective transform) and the light is evened out (each pixel
over the blurred paper around it). A scan, whose paper fills the image to its
edges, is left as it is."""

from __future__ import annotations

from esquemas import umbrales
from extractor.formatos.otsu import umbral_otsu

_U = umbrales("fotografia")  # esquemas/disposicion.yaml
LADO_MUESTRA = _U["lado_muestra"]
MARCO = _U["marco"]
MAX_PAPEL_EN_MARCO = _U["max_papel_en_marco"]
MIN_HOJA = _U["min_hoja"]
RADIO_LUZ = _U["radio_luz"]


def esquinas_de_hoja(imagen) -> list[tuple[float, float]] | None:
    """The sheet's corners (top left, top right, bottom right, bottom left,
    in pixels of `imagen`) when the image is a photograph of a sheet on a
    darker background; None for a scan (paper to the edges) or when no
    sheet stands out."""
    import numpy as np
    from PIL import ImageFilter

    escala = LADO_MUESTRA / max(imagen.size)
    muestra = imagen.resize((max(1, round(imagen.width * escala)), max(1, round(imagen.height * escala))))
    gris = np.asarray(muestra.filter(ImageFilter.MedianFilter(5)))
    papel = gris >= umbral_otsu(gris)  # (one grey, a blank page: all paper, a scan)
    alto, ancho = papel.shape
    m = max(1, round(min(alto, ancho) * MARCO))
    marco = np.concatenate([papel[:m].ravel(), papel[-m:].ravel(), papel[:, :m].ravel(), papel[:, -m:].ravel()])
    if marco.mean() > MAX_PAPEL_EN_MARCO or papel.mean() < MIN_HOJA:
        return None
    puntos = _esquinas_por_bordes(papel)
    if puntos is None:
        return None
    return [((x + 0.5) / escala, (y + 0.5) / escala) for x, y in puntos]


def _recta(a, b):
    """The line b = m·a + c fitted to an edge's points, robustly: first to
    the middle half of the edge (a shadow, a pen or a curl is mostly at its
    ends), then to every point near that line, twice."""
    import numpy as np

    n = len(a)
    dentro = np.zeros(n, dtype=bool)
    dentro[n // 4 : n - n // 4] = True
    for _ in range(3):
        m, c = np.polyfit(a[dentro], b[dentro], 1)
        residuo = np.abs(b - (m * a + c))
        cerca = residuo <= max(3 * float(np.median(residuo[dentro])), 2.0)
        if cerca.sum() < 10:
            break
        dentro = cerca
    return m, c


def _esquinas_por_bordes(papel) -> list[tuple[float, float]] | None:
    """The sheet's corners from its four edges: in each row the first and
    last paper pixel of its longest run of paper (the left and right edges),
    in each column its top and bottom; a line fitted to each edge; the
    corners where the lines meet."""
    import numpy as np

    alto, ancho = papel.shape
    filas = np.nonzero(papel.sum(axis=1) > ancho * MIN_HOJA / 2)[0]
    columnas = np.nonzero(papel.sum(axis=0) > alto * MIN_HOJA / 2)[0]
    if len(filas) < 10 or len(columnas) < 10:
        return None
    izquierda = np.array([np.argmax(papel[y]) for y in filas], dtype=float)
    derecha = np.array([ancho - 1 - np.argmax(papel[y][::-1]) for y in filas], dtype=float)
    arriba = np.array([np.argmax(papel[:, x]) for x in columnas], dtype=float)
    abajo = np.array([alto - 1 - np.argmax(papel[::-1, x]) for x in columnas], dtype=float)
    # x = m·y + c for the sides, y = m·x + c for the top and bottom
    lados = [_recta(filas.astype(float), izquierda), _recta(filas.astype(float), derecha)]
    bordes = [_recta(columnas.astype(float), arriba), _recta(columnas.astype(float), abajo)]

    def cruce(lado, borde):
        (m1, c1), (m2, c2) = lado, borde  # x = m1·y + c1, y = m2·x + c2
        y = (m2 * c1 + c2) / (1 - m1 * m2)
        return m1 * y + c1, y

    (iz, de), (ar, ab) = lados, bordes
    return [cruce(iz, ar), cruce(de, ar), cruce(de, ab), cruce(iz, ab)]


def _coeficientes(destino: list[tuple[float, float]], origen: list[tuple[float, float]]) -> list[float]:
    """PIL's PERSPECTIVE coefficients that take each point of `destino` (the
    output image) to its point of `origen` (the input)."""
    import numpy as np

    filas, lado = [], []
    for (x, y), (u, v) in zip(destino, origen):
        filas.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        filas.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        lado += [u, v]
    return list(np.linalg.solve(np.array(filas, dtype=float), np.array(lado, dtype=float)))


def enderezar_foto(imagen):
    """A grey PIL image of a page: the photographed sheet pulled flat to the
    whole image and evenly lit; the image itself when it is a scan."""
    import numpy as np
    from PIL import Image, ImageFilter

    esquinas = esquinas_de_hoja(imagen)
    if esquinas is None:
        return imagen
    ancho, alto = imagen.size
    marco = [(0, 0), (ancho, 0), (ancho, alto), (0, alto)]
    plana = imagen.transform(
        imagen.size, Image.Transform.PERSPECTIVE, _coeficientes(marco, esquinas), Image.Resampling.BICUBIC
    )
    fondo = np.asarray(plana.filter(ImageFilter.GaussianBlur(max(ancho, alto) * RADIO_LUZ)), dtype=float)
    pareja = np.clip(np.asarray(plana, dtype=float) / np.maximum(fondo, 1.0) * 255.0, 0, 255)
    return Image.fromarray(pareja.astype(np.uint8))
