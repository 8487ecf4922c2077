"""Figures read by OCR from a scanned page that Tesseract was unsure of.

A scanned report's figures come from the words Tesseract recognised; each
table cell keeps the lowest confidence of its words with digits
(Observacion.confianza_ocr, 0-1). Below the threshold the figure is kept,
with a finding that points to the page and the text read, instead of
passing as a sure value."""

from __future__ import annotations

from typing import Iterator, Mapping

from pipelines.validacion.motor import Caso, Contexto, cifra_de, regla


@regla("cifra_ocr_dudosa")
def cifra_ocr_dudosa(ctx: Contexto, umbrales: Mapping) -> Iterator[Caso]:
    minima = float(umbrales.get("confianza_minima", 0.6))
    for i, o in enumerate(ctx.obs):
        confianza = getattr(o, "confianza_ocr", None)
        if confianza is not None and confianza < minima:
            yield Caso(
                (i,),
                {
                    "valor": cifra_de(o),
                    "texto": o.valor_texto,
                    "confianza": f"{confianza * 100:.0f} %".replace(".", ","),
                    "minima": f"{minima * 100:.0f} %",
                },
            )
