"""``sochelp about``: the version, how much content there is and how fresh it is."""

from __future__ import annotations

import typer

from sochelp.commands.common import JsonOption, app_state, today
from sochelp.errors import ExitCode


def about(ctx: typer.Context, json_output: JsonOption = False) -> int:
    """Show the version, the content's date and counts, and the local content in use."""
    from sochelp.content.about import cached_gather
    from sochelp.render import show
    from sochelp.render.about import ABOUT_VIEW

    state = app_state(ctx)
    info = cached_gather(state.content_dir, today(), state.store)
    show(ABOUT_VIEW, info, state.env.output_mode(json_output), state.env)
    return int(ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add ``about`` to the application."""
    app.command(
        "about",
        help="The version, the date the content was last checked, how many contacts, "
        "situations, quiz questions and guides it has, its oldest check, and the local "
        "content folder in use.",
        short_help="Version, content date and counts.",
    )(about)
