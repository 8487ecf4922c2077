"""A page photographed with a phone rather than scanned: the sheet lies on a
darker background (a desk), seen at a slant (its edges are not parallel) and
under uneven light. Before OCR the sheet is found (the bright four-sided
region the background surrounds), its corners are pulled to the corners of
the image (a perspective transform) and the light is evened out (each pixel
over the blurred paper around it). A scan, whose paper fills the image to its
edges, is left as it is."""

from __future__ import annotations

from esquemas import umbrales

_U = umbrales("fotografia")  # esquemas/disposicion.yaml
LADO_MUESTRA = _U["lado_muestra"]
MARCO = _U["marco"]
MAX_PAPEL_EN_MARCO = _U["max_papel_en_marco"]
MIN_HOJA = _U["min_hoja"]
RADIO_LUZ = _U["radio_luz"]


def _umbral(valores) -> int | None:
    """Otsu's threshold of grey levels; None for an image of one grey (a blank page)."""
    import numpy as np

    if int(valores.max()) == int(valores.min()):
        return None

    hist = np.bincount(valores.ravel(), minlength=256).astype(float)
    total = hist.sum()
    acumulado, media = np.cumsum(hist), np.cumsum(hist * np.arange(256))
    w0 = acumulado / total
    w1 = 1 - w0
    with np.errstate(divide="ignore", invalid="ignore"):
        m0 = media / acumulado
        m1 = (media[-1] - media) / (total - acumulado)
        entre = w0 * w1 * (m0 - m1) ** 2
    return int(np.nanargmax(entre))


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
    umbral = _umbral(gris)
    if umbral is None:
        return None
    papel = gris > umbral
    alto, ancho = papel.shape
    m = max(1, round(min(alto, ancho) * MARCO))
    marco = np.concatenate([papel[:m].ravel(), papel[-m:].ravel(), papel[:, :m].ravel(), papel[:, -m:].ravel()])
    if marco.mean() > MAX_PAPEL_EN_MARCO or papel.mean() < MIN_HOJA:
        return None
    ys, xs = np.nonzero(papel)
    suma, resta = xs + ys, xs - ys
    puntos = [
        (xs[suma.argmin()], ys[suma.argmin()]),
        (xs[resta.argmax()], ys[resta.argmax()]),
        (xs[suma.argmax()], ys[suma.argmax()]),
        (xs[resta.argmin()], ys[resta.argmin()]),
    ]
    return [((x + 0.5) / escala, (y + 0.5) / escala) for x, y in puntos]


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
