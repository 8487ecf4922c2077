"""Command `informes completar bash|zsh|fish|powershell` (registered on
the app of
pipelines/cli/base.py; pipelines/cli/__init__.py imports this module): prints the shell
script that completes commands and options when the user presses Tab.

The shell script calls `informes` again with _INFORMES_COMPLETE set; typer
answers those calls before any command runs, with its completion classes
(registered here only then, so that ordinary runs do not pay for them)."""

from __future__ import annotations

import os

import typer

from pipelines.cli import privadas
from pipelines.cli.base import _Comando, _salir, app

PROGRAMA = "informes"
VARIABLE = "_INFORMES_COMPLETE"
SHELLS = ("bash", "zsh", "fish", "powershell")

if os.environ.get(VARIABLE):
    privadas.activar_completado()


@app.command(cls=_Comando, options_metavar="[OPCIONES]")
def completar(
    shell: str = typer.Argument(..., metavar="SHELL", show_default=False, help="bash, zsh, fish o powershell."),
) -> None:
    """Escribe el guion de autocompletado (Tab completa comandos y opciones) para su shell.

    Ejemplos: informes completar bash > ~/.informes-completar.sh && echo 'source ~/.informes-completar.sh' >> ~/.bashrc
    · informes completar zsh > ~/.zfunc/_informes · informes completar fish > ~/.config/fish/completions/informes.fish
    """
    shell = shell.lower()
    if shell not in SHELLS:
        _salir(f"Shell desconocido: {shell}. Use {', '.join(SHELLS[:-1])} o {SHELLS[-1]}.")
    typer.echo(privadas.guion_de_completado(PROGRAMA, VARIABLE, shell))
