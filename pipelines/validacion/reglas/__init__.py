"""Validation rules, one small function each, registered with
@pipelines.validacion.motor.regla under the id they have in esquemas/reglas.yaml.

    series      cumulative vs period values, stock series
    metas       executed vs target, percentages, fraction-of-target scale
    dinero      budget figures, narrative vs table money
    totales     "Total" rows and parent rows vs their rows
    fechas      periods vs cut date and vigencia
    duplicados  one key, two values in one report
    ocr         figures read by OCR with a low confidence
    acumulacion yearly targets vs the four-year target, by type of accumulation
"""

from pipelines.validacion.reglas import acumulacion, dinero, duplicados, fechas, metas, ocr, series, totales  # noqa: F401
