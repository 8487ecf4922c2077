"""Confidence of each observation from how its table was read (thresholds
in esquemas/confianza.yaml): a measure the header names by rule, or one
guessed; the row's arithmetic (% avance against logro / meta) confirmed or
not; a column a person corrected (reading template). Figures read by OCR
keep Tesseract's cap (the reader already set it)."""

from __future__ import annotations

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
    filas: dict[tuple, list] = {}
    for o in observaciones:
        if o.tabla is None:
            continue
        filas.setdefault((o.tabla, o.fila, o.periodo_fin.year if o.periodo_fin else None), []).append(o)
    for (tabla, _, _), grupo in filas.items():
        por_medida = {o.medida: o for o in grupo}
        meta, avance = por_medida.get("meta"), por_medida.get("avance_porcentual")
        logro = next((por_medida[m] for m in LOGROS if m in por_medida), None)
        cuadra = None
        if meta and avance and logro and meta.valor:
            calculado = logro.valor / meta.valor * 100
            reportado = avance.valor * 100 if avance.valor <= 1.5 and calculado > 1.5 else avance.valor
            cuadra = abs(calculado - reportado) <= u["tolerancia_puntos"]
        for o in grupo:
            if o.columna is not None and o.columna in adivinadas.get(tabla, ()):
                tope = u["aritmetica_confirmada"] if cuadra else u["medida_sin_regla"]
                o.confianza = min(o.confianza, tope)
        if cuadra is False and avance is not None:
            avance.confianza = min(avance.confianza, u["avance_que_no_cuadra"])
