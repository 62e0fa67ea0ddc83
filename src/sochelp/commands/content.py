"""``sochelp content check``: validate bundled content or a local overlay folder."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from sochelp.commands.common import app_state, today
from sochelp.commands.content_links import links
from sochelp.errors import ExitCode

if TYPE_CHECKING:
    from sochelp.content.store import ContentStore

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
    stale: Annotated[
        int | None,
        typer.Option(
            "--stale",
            metavar="DAYS",
            min=0,
            max=36500,
            help="Also list every item last checked more than DAYS days ago (exit 1 if any).",
        ),
    ] = None,
) -> int:
    """Validate content files and list every problem (exit 1 if any)."""
    from sochelp.content.registry import check_all
    from sochelp.content.store import ContentStore

    state = app_state(ctx)
    overlay = folder if folder is not None else state.content_dir
    store = ContentStore(overlay=overlay)
    problems = check_all(store)
    out = state.env.stdout
    what = "bundled content" + (f" with {overlay}" if overlay else "")
    if problems:
        for problem in problems:
            out.write(f"{problem}\n")
        count = len(problems)
        out.write(f"\n{count} problem{'s' if count != 1 else ''} in {what}.\n")
    else:
        out.write(f"No problems found in {what}.\n")
    found_stale = _report_stale(store, stale, out) if stale is not None else 0
    return int(ExitCode.FINDINGS if problems or found_stale else ExitCode.OK)


def _report_stale(store: ContentStore, days: int, out: TextIO) -> int:
    """List items last checked more than ``days`` days ago; returns how many."""
    from sochelp.content.freshness import stale_items

    now = today()
    items = stale_items(store, now, days)
    if not items:
        out.write(f"Nothing was last checked more than {days} days ago.\n")
        return 0
    out.write(f"\nLast checked more than {days} days ago (oldest first):\n")
    for item in items:
        age = (now - item.checked).days
        out.write(f"{item.file}: {item.key} checked {item.checked.isoformat()} ({age} days ago)\n")
    count = len(items)
    out.write(f"\n{count} item{'s' if count != 1 else ''} to check again.\n")
    return count


content_app.command("links")(links)


def register(app: typer.Typer) -> None:
    """Add the ``content`` group to the application."""
    app.add_typer(
        content_app, name="content", short_help="Validate content, list stale items, check links."
    )
