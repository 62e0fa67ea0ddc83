"""``sochelp content check``: validate bundled content or a local overlay folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sochelp.commands.common import app_state
from sochelp.errors import ExitCode

content_app = typer.Typer(
    help="Work with content files (contacts, situations, quiz questions…).",
    no_args_is_help=True,
)


@content_app.command("check")
def check(
    ctx: typer.Context,
    folder: Annotated[
        Path | None,
        typer.Argument(
            help="A local content folder to validate, laid over the bundled content. "
            "Without it: the bundled content plus --content-dir, if given.",
            file_okay=False,
        ),
    ] = None,
) -> int:
    """Validate content files and list every problem (exit 1 if any)."""
    from sochelp.content.registry import check_all
    from sochelp.content.store import ContentStore

    state = app_state(ctx)
    overlay = folder if folder is not None else state.content_dir
    problems = check_all(ContentStore(overlay=overlay))
    out = state.env.stdout
    what = "bundled content" + (f" with {overlay}" if overlay else "")
    if problems:
        for problem in problems:
            out.write(f"{problem}\n")
        count = len(problems)
        out.write(f"\n{count} problem{'s' if count != 1 else ''} in {what}.\n")
        return int(ExitCode.FINDINGS)
    out.write(f"No problems found in {what}.\n")
    return int(ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add the ``content`` group to the application."""
    app.add_typer(content_app, name="content", short_help="Validate content files.")
