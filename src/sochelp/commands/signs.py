"""``sochelp signs``: how to spot trafficking, cuckooing, county lines and more."""

from __future__ import annotations

from typing import Annotated

import typer

from sochelp.commands.common import JsonOption, app_state
from sochelp.errors import ExitCode, UsageError


def signs(
    ctx: typer.Context,
    topic: Annotated[
        list[str] | None,
        typer.Argument(help="A guide such as cuckooing, or a few words (see --list)."),
    ] = None,
    list_guides: Annotated[
        bool, typer.Option("--list", "-l", help="List every guide and exit.")
    ] = False,
    json_output: JsonOption = False,
) -> int:
    """How to spot the signs of exploitation and what to do."""
    from sochelp.render import show
    from sochelp.render.signs import GUIDE_VIEW, GUIDES_VIEW
    from sochelp.signs import content as signs_content
    from sochelp.signs import core

    state = app_state(ctx)
    guides = signs_content.load(state.store())
    mode = state.env.output_mode(json_output)
    words = " ".join(topic or []).strip()
    if list_guides or not words:
        show(GUIDES_VIEW, core.list_guides(guides), mode, state.env)
        return int(ExitCode.OK)
    guide = core.find_guide(guides, words)
    if guide is None:
        closest = core.suggest_guides(guides, words)
        suggestion = f"Did you mean: {', '.join(closest)}? " if closest else ""
        raise UsageError(
            f"No guide matches '{words[:80]}'.",
            hint=f"{suggestion}See 'sochelp signs --list' for every guide.",
        )
    show(GUIDE_VIEW, guide, mode, state.env)
    return int(ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add ``signs`` to the application."""
    app.command(
        "signs",
        help="How to spot the signs of trafficking, cuckooing, county lines, money mules and "
        "doorstep crime, and what to do.",
        short_help="Spot the signs of exploitation.",
    )(signs)
