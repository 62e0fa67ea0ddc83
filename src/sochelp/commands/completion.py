"""``sochelp completion SHELL``: the shell completion script for bash, zsh or fish."""

from __future__ import annotations

from typing import Annotated

import typer

from sochelp.commands.common import app_state
from sochelp.errors import ExitCode, UsageError

HELP = """Print the script that lets your shell complete sochelp's commands, options, situations,
sign topics, quiz topics, audiences and regions.

bash: add  eval "$(sochelp completion bash)"  to ~/.bashrc.
zsh: add  eval "$(sochelp completion zsh)"  to ~/.zshrc (after compinit).
fish: sochelp completion fish > ~/.config/fish/completions/sochelp.fish
"""


def _complete_shells(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_shells

    return complete_shells(ctx, incomplete)


def completion(
    ctx: typer.Context,
    shell: Annotated[
        str,
        typer.Argument(
            metavar="SHELL",
            help="bash, zsh or fish.",
            autocompletion=_complete_shells,
            show_default=False,
        ),
    ],
) -> int:
    """Print the completion script for a shell."""
    from sochelp.cli import build_app
    from sochelp.completion import SHELLS, script
    from sochelp.usage import printable

    chosen = shell.strip().lower()
    if chosen not in SHELLS:
        raise UsageError(
            f"sochelp cannot complete for the shell '{printable(shell)}'.",
            hint=f"Use one of: {', '.join(SHELLS)}.",
        )
    env = app_state(ctx).env
    env.stdout.write(script(typer.main.get_command(build_app()), chosen))
    env.stdout.flush()
    return int(ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add ``completion`` to the application."""
    app.command("completion", help=HELP, short_help="Shell completion for bash, zsh or fish.")(
        completion
    )
