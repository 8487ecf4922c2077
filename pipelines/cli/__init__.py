"""Command line `informes` (a thin Typer layer: no logic of its own).

The app and what every command shares are in base.py; each command, or
group of commands, in its own module, imported here so that it registers on
`app`: cargar, exportar, resumen, validar, evaluar, identidad (indicadores,
vincular, separar, decisiones, comparar), ver, consultar, corregir (corregir,
revisar), completar. Entry points: the `informes` script (`pipelines.cli:app`)
and `python -m pipelines.cli`.

Users read Spanish: help, messages and table headers. Expected errors are
one-liners on stderr with exit code 1; --debug adds the traceback.
"""

import atexit
import gc

# The order of these imports is the order of `informes --help`.
# isort: off
from pipelines.cli import cargar  # noqa: F401  (each module registers its commands on app)
from pipelines.cli import exportar  # noqa: F401
from pipelines.cli import resumen  # noqa: F401
from pipelines.cli import validar  # noqa: F401
from pipelines.cli import evaluar  # noqa: F401
from pipelines.cli import identidad  # noqa: F401  (indicadores, vincular, separar, decisiones, comparar)
from pipelines.cli import ver  # noqa: F401  (ver: the reader's debugger)
from pipelines.cli import consultar  # noqa: F401  (consultar: read-only SQL)
from pipelines.cli import corregir  # noqa: F401  (corregir y revisar)
from pipelines.cli import completar  # noqa: F401  (completar: shell completion)

# isort: on
from pipelines.cli.base import CODIGO_USO, app, visible
from pipelines.cli.validar import CODIGO_CON_ERRORES

__all__ = ["CODIGO_CON_ERRORES", "CODIGO_USO", "app", "visible"]

# At exit the objects of the libraries a command loaded (pandas, pyarrow) are
# left to the end of the process instead of being collected one by one:
# about 0.25 s less at the end of every command that imported pandas.
atexit.register(gc.freeze)
