"""Validation: findings (hallazgos) about the figures of a report.

    motor.py     the engine: configuration (esquemas/reglas.yaml), the @regla
                 registry, helpers rules share, validar() and conflictos()
    reglas/      one small function per rule; rules import only the engine
    vocabularios.py  checks before storing: SHA-256, controlled vocabularies

The filters of `informes validar` over stored findings are an output:
pipelines/salidas/hallazgos.py.

Importing this package registers every rule.
"""

from pipelines.validacion import reglas  # noqa: F401 - registers the rules
from pipelines.validacion.motor import (  # noqa: F401 - the engine's public names
    SEVERIDADES,
    Caso,
    Config,
    Contexto,
    ErrorConfig,
    Hallazgo,
    conflictos,
    config_de,
    config_por_defecto,
    filas_hallazgos,
    fin_de_mes,
    marcadas,
    regla,
    reglas_registradas,
    validar,
)
