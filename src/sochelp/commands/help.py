"""``sochelp help [COMMAND]``: a command's help (the same as ``COMMAND --help``), or the
manual page with ``--man``."""

from __future__ import annotations

from typing import Annotated

import typer

from sochelp.commands.common import app_state
from sochelp.errors import ExitCode


def _complete_commands(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_commands

    return complete_commands(ctx, incomplete)


def help_command(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="COMMAND",
            help="A command (or command and subcommand: content check).",
            autocompletion=_complete_commands,
            show_default=False,
        ),
    ] = None,
    man: Annotated[
        bool, typer.Option("--man", help="Print the manual page (roff, for man -l -).")
    ] = False,
) -> int:
    """Help on a command, or the manual page."""
    from sochelp import __version__
    from sochelp.cli import build_app
    from sochelp.helptext import help_text, help_width, man_page
    from sochelp.render import plain_for
    from sochelp.usage import ALIASES, unknown_command

    root = typer.main.get_command(build_app())
    env = app_state(ctx).env
    if man:
        env.stdout.write(man_page(root, __version__))
        env.stdout.flush()
        return int(ExitCode.OK)
    target, path = root, "sochelp"
    for word in command or []:
        group_ctx = typer.Context(target, info_name=path)
        name = ALIASES.get(word, word) if target is root else word
        found = target.get_command(group_ctx, name) if hasattr(target, "get_command") else None
        if found is None:
            names = (
                list(target.list_commands(group_ctx)) if hasattr(target, "list_commands") else []
            )
            raise unknown_command(word, names, path)
        target, path = found, f"{path} {name}"
    env.stdout.write(plain_for(env, help_text(target, path, help_width()), wrap=False))
    env.stdout.flush()
    return int(ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add ``help`` to the application."""
    app.command(
        "help",
        help="Help on a command: 'sochelp help report' is 'sochelp report --help'. "
        "--man prints the manual page.",
        short_help="Help on a command, or the manual page (--man).",
    )(help_command)
