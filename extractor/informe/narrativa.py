"""Money stated in the report's prose becomes money observations."""

from __future__ import annotations

from collections.abc import Sequence

import re
from dataclasses import replace
from functools import lru_cache

from esquemas import cargar_yaml

import esquemas
from extractor.tablas.dinero import es_frase_de_dinero, importes
from extractor.tablas.encabezados import normalizar
from extractor.modelo import Documento
from extractor.castellano.periodos import Contexto
from extractor.resultado import Observacion

# A sentence ends at ". " before a capital letter; "1.350.000.000," never
# splits. A bullet sign starts one (a list's items, one after the other).
SENTENCE = re.compile(r"(?<=[^\d\s])[.;]\s+(?=[A-ZÁÉÍÓÚÑ¿¡])|\s+(?=[•●▪◦○■□➢➤►‣⁃∙\ue000-\uf8ff]\s)")
# indicator of a narrative money figure, by kind of spending (esquemas/tipos_gasto.csv)
NAMES: dict[str | None, str] = {
    **{f["tipo_gasto"]: f["indicador_en_narrativa"] for f in esquemas.filas_vocabulario("tipo_gasto")},
    None: "Recursos",
}


@lru_cache(maxsize=1)
def _vocabulario() -> tuple[re.Pattern, re.Pattern, dict[str, float]]:
    datos = cargar_yaml("narrativa.yaml")
    escalas = {normalizar(k): float(v) for k, v in datos["escalas"].items()}
    aproximacion = "|".join(re.escape(normalizar(a)) for a in sorted(datos["aproximaciones"], key=len, reverse=True))
    escala = "|".join(re.escape(e) for e in sorted(escalas, key=len, reverse=True))
    return (re.compile(rf"\b({aproximacion})\.?\s*$"), re.compile(rf"^\s*({escala})\b"), escalas)


def aproximado(sentence: str, inicio: int) -> bool:
    """The amount starting at `inicio` is an approximation ("cerca de $ …")."""
    return bool(_vocabulario()[0].search(normalizar(sentence[:inicio])))


def con_escala(sentence: str, numero):
    """The amount with the scale word written after it ("$ 2.318 millones"
    is 2.318.000.000 pesos), or as it is."""
    _, escala, factores = _vocabulario()
    resto = sentence[numero.fin :]
    blanco = len(resto) - len(resto.lstrip())
    m = escala.match(normalizar(resto))
    if m is None:
        return numero
    fin = numero.fin + blanco + m.end()
    return replace(numero, valor=numero.valor * factores[m.group(1)], texto=sentence[numero.inicio : fin], fin=fin)


def frases(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE.split(" ".join(text.split())) if s.strip()]


def dinero_en_narrativa(doc: Documento, ctx: Contexto, de_fichas: Sequence[Observacion] = ()) -> list[Observacion]:
    """The money figures of the prose; not those a data sheet's field gave
    (`de_fichas`: "Recursos disponibles para la vigencia 2021: $ 960.000.000")."""
    de_ficha = {(o.pagina, o.bbox, o.valor) for o in de_fichas if o.unidad == "pesos"}
    out = []
    for block in doc.textos:
        for sentence in frases(block.texto):
            if not es_frase_de_dinero(sentence):
                continue
            for imp in importes(sentence, ctx, con_etiqueta=True):
                if aproximado(sentence, imp.numero.inicio):
                    continue
                numero = con_escala(sentence, imp.numero)
                if (block.pagina, block.bbox, numero.valor) in de_ficha:
                    continue
                out.append(
                    Observacion(
                        indicador=NAMES[imp.tipo_gasto],
                        medida=imp.medida,
                        valor=numero.valor,
                        valor_texto=numero.texto,
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
