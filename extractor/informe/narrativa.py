"""Money stated in the report's prose becomes money observations."""
from __future__ import annotations

import re

import esquemas
from extractor.tablas.dinero import es_frase_de_dinero, importes
from extractor.modelo import Documento
from extractor.castellano.periodos import Contexto
from extractor.resultado import Observacion

# A sentence ends at ". " before a capital letter; "1.350.000.000," never splits.
SENTENCE = re.compile(r"(?<=[^\d\s])[.;]\s+(?=[A-ZÁÉÍÓÚÑ¿¡])")
# indicator of a narrative money figure, by kind of spending (esquemas/tipos_gasto.csv)
NAMES = {**{f["tipo_gasto"]: f["indicador_en_narrativa"] for f in esquemas.filas_vocabulario("tipo_gasto")},
         None: "Recursos"}


def frases(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(" ".join(text.split())) if s.strip()]


def dinero_en_narrativa(doc: Documento, ctx: Contexto) -> list[Observacion]:
    out = []
    for block in doc.textos:
        for sentence in frases(block.texto):
            if not es_frase_de_dinero(sentence):
                continue
            for imp in importes(sentence, ctx, con_etiqueta=True):
                out.append(
                    Observacion(
                        indicador=NAMES[imp.tipo_gasto],
                        medida=imp.medida,
                        valor=imp.numero.valor,
                        valor_texto=imp.numero.texto,
                        unidad="pesos",
                        periodo_inicio=imp.periodo.inicio,
                        periodo_fin=imp.periodo.fin,
                        descripcion=sentence,
                        tipo_gasto=imp.tipo_gasto,
                        nota="cifra tomada de la narrativa",
                        pagina=block.pagina,
                        bbox=block.bbox,
                    )
                )
    return out
