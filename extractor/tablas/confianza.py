"""Confidence of each observation from how its table was read (thresholds
in esquemas/confianza.yaml): a measure the header names by rule, or one
guessed; the row's arithmetic (% avance against logro / meta) confirmed or
not; a column a person corrected (reading template). Figures read by OCR
keep Tesseract's cap (the reader already set it). An OCR figure whose
decimal comma Tesseract dropped ("87,5" read "875") is read again with it
when that alone makes the row's arithmetic hold."""

from __future__ import annotations

import re
from functools import lru_cache

from esquemas import cargar_yaml

LOGROS = ("ejecutado", "acumulado")


@lru_cache(maxsize=1)
def umbrales() -> dict:
    return cargar_yaml("confianza.yaml")


def _corregidas(lectura) -> set[int]:
    """Columns a reading template set (a person said what they hold)."""
    if not lectura.plantilla:
        return set()
    plantilla = next((p for p in lectura.plantillas if p.plantilla_id == lectura.plantilla), None)
    return {c.columna for c in plantilla.columnas} if plantilla else set()


def _adivinadas(lectura) -> set[int]:
    from extractor.tablas.encabezados import clasificador

    cls = clasificador()
    corregidas = _corregidas(lectura)
    return {
        c.indice
        for c in lectura.columnas
        if c.rol == "valor" and c.indice not in corregidas and cls.medida(c.encabezado or "") is None
    }


def ajustar(observaciones: list, lecturas: dict) -> None:
    """Lower (or confirm) `confianza` of the table observations in place."""
    u = umbrales()
    adivinadas = {t: _adivinadas(l) for t, l in lecturas.items()}
    decimales = _decimales_por_columna(observaciones)
    filas: dict[tuple, list] = {}
    for o in observaciones:
        if o.tabla is None:
            continue
        filas.setdefault((o.tabla, o.fila, o.periodo_fin.year if o.periodo_fin else None), []).append(o)
    for (tabla, _, _), grupo in filas.items():
        por_medida = {o.medida: o for o in grupo}
        meta, avance = por_medida.get("meta"), por_medida.get("avance_porcentual")
        logro = next((por_medida[m] for m in LOGROS if m in por_medida), None)
        cuadra = _cuadra(meta, logro, avance, u["tolerancia_puntos"])
        if cuadra is False and _recobrar_coma(meta, logro, avance, decimales, u):
            cuadra = True
        for o in grupo:
            if o.columna is not None and o.columna in adivinadas.get(tabla, ()):
                tope = u["aritmetica_confirmada"] if cuadra else u["medida_sin_regla"]
                o.confianza = min(o.confianza, tope)
        if cuadra is False and avance is not None:
            avance.confianza = min(avance.confianza, u["avance_que_no_cuadra"])


def _cuadra(meta, logro, avance, tolerancia: float) -> bool | None:
    """% avance ≈ logro / meta × 100 (a fraction 0,86 read as 86 %); None when
    the row lacks one of the three."""
    if not (meta and avance and logro and meta.valor):
        return None
    calculado = logro.valor / meta.valor * 100
    reportado = avance.valor * 100 if avance.valor <= 1.5 and calculado > 1.5 else avance.valor
    return abs(calculado - reportado) <= tolerancia


_SOLO_DIGITOS = re.compile(r"\d{2,}")
_DECIMALES = re.compile(r"\d,(\d{1,2})\s*%?$")


def _decimales_por_columna(observaciones: list) -> dict[tuple, list[int]]:
    """How many decimals each figure of a table column writes ("94,1 %": 1)."""
    salida: dict[tuple, list[int]] = {}
    for o in observaciones:
        m = _DECIMALES.search(o.valor_texto.strip())
        salida.setdefault((o.tabla, o.columna), []).append(len(m.group(1)) if m else 0)
    return salida


def _recobrar_coma(meta, logro, avance, decimales: dict[tuple, list[int]], u: dict) -> bool:
    """Give back the decimal comma Tesseract dropped from one OCR figure of
    the row ("87,5" read "875", "12,75" read "1275"): a figure written with
    digits only that, read with a comma before its last one or two digits,
    makes the arithmetic hold. A dropped comma in the meta and one in the %
    avance mend a row alike: the figure whose column writes that many
    decimals elsewhere is the one; none is changed while two remain. The
    mended figure is marked and capped at `coma_recobrada`."""
    arreglos = []
    for o in (meta, logro, avance):
        if o.confianza_ocr is None or not _SOLO_DIGITOS.fullmatch(o.valor_texto.replace("%", "").strip()):
            continue
        original = o.valor
        for n_decimales in (1, 2):
            o.valor = original / 10**n_decimales
            if _cuadra(meta, logro, avance, u["tolerancia_puntos"]):
                apoyo = decimales.get((o.tabla, o.columna), []).count(n_decimales)
                arreglos.append((apoyo, o, n_decimales))
        o.valor = original
    arreglos.sort(key=lambda a: -a[0])
    if not arreglos or (len(arreglos) > 1 and arreglos[1][0] == arreglos[0][0]):
        return False
    _, o, n_decimales = arreglos[0]
    o.valor = o.valor / 10**n_decimales
    o.confianza = min(o.confianza, u["coma_recobrada"])
    o.nota = f"coma decimal recobrada: el OCR leyó «{o.valor_texto}» y la fila cuadra con {o.valor:g}"
    return True
