"""`python -m pipelines.cli`: the same program as the installed `informes` script."""

from pipelines.cli import app

app(prog_name="informes")  # the name of the installed script (shell completion uses it)
