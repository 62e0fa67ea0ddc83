"""``sochelp content check``: validate bundled content or a local overlay folder."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from pydantic import computed_field

from sochelp.commands.common import JsonOption, app_state, today
from sochelp.commands.content_links import links
from sochelp.errors import ContentProblem, ExitCode
from sochelp.render import View


@dataclass(frozen=True)
class StaleEntry:
    """One item whose facts were last checked too long ago."""

    file: str
    key: str
    checked: dt.date
    days_ago: int


@dataclass(frozen=True)
class ContentCheckResult:
    """What ``content check`` found: every problem, every warning (official details an overlay
    replaces with ``replaces_official = true``: allowed, but listed), and (with ``--stale``)
    every stale item."""

    checked: str
    problems: tuple[ContentProblem, ...]
    stale_days: int | None = None
    stale: tuple[StaleEntry, ...] = ()
    warnings: tuple[ContentProblem, ...] = ()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def ok(self) -> bool:
        """True when nothing is wrong and nothing is stale (warnings alone leave it true)."""
        return not self.problems and not self.stale


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"


def check_text(result: ContentCheckResult) -> str:
    """One problem a line, then a count; then the stale items, if they were asked for."""
    if result.problems:
        lines = [str(problem) for problem in result.problems]
        lines.append(f"\n{_plural(len(result.problems), 'problem')} in {result.checked}.")
    else:
        lines = [f"No problems found in {result.checked}."]
    if result.warnings:
        lines.append(f"\n{WARNINGS_HEADING}")
        lines.extend(f"WARNING {warning}" for warning in result.warnings)
    if result.stale_days is not None:
        days = result.stale_days
        if not result.stale:
            lines.append(f"Nothing was last checked more than {days} days ago.")
        else:
            lines.append(f"\nLast checked more than {days} days ago (oldest first):")
            lines.extend(
                f"{item.file}: {item.key} checked {item.checked.isoformat()} "
                f"({item.days_ago} days ago)"
                for item in result.stale
            )
            lines.append(f"\n{_plural(len(result.stale), 'item')} to check again.")
    return "\n".join(lines) + "\n"


WARNINGS_HEADING = (
    "Official details your local content replaces (allowed by replaces_official = true; "
    "make sure each is right):"
)

CHECK_VIEW: View[ContentCheckResult] = View(ContentCheckResult, check_text)

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
    json_output: JsonOption = False,
) -> int:
    """Validate content files and list every problem (exit 1 if any) and every warning."""
    from sochelp.content.freshness import stale_items
    from sochelp.content.registry import check_all, warn_all
    from sochelp.content.store import ContentStore
    from sochelp.render import show

    state = app_state(ctx)
    overlay = folder if folder is not None else state.content_dir
    store = ContentStore(overlay=overlay)
    problems = check_all(store)
    now = today()
    old = (
        tuple(
            StaleEntry(item.file, item.key, item.checked, (now - item.checked).days)
            for item in stale_items(store, now, stale)
        )
        if stale is not None
        else ()
    )
    what = "bundled content" + (f" with {overlay}" if overlay else "")
    result = ContentCheckResult(what, tuple(problems), stale, old, tuple(warn_all(store)))
    show(CHECK_VIEW, result, state.env.output_mode(json_output), state.env)
    return int(ExitCode.OK if result.ok else ExitCode.FINDINGS)


content_app.command("links")(links)


def register(app: typer.Typer) -> None:
    """Add the ``content`` group to the application."""
    app.add_typer(
        content_app, name="content", short_help="Validate content, list stale items, check links."
    )
