"""``sochelp content check``: validate bundled content or a local overlay folder.

A full check loads every collection and runs every cross-check. Its list of problems is kept in
the content cache under a fingerprint of every content file, sochelp's code and the installed
packages (:mod:`sochelp.content.fingerprint`): while none of them has changed, the same list is
reported again without loading or checking anything, so the check starts about as fast as any
other command. Any change means a full check. ``--no-cache`` (what CI runs) and
``SOCHELP_CACHE_DIR=`` (empty) check everything from the files, reading and writing no cache.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, TypeGuard

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
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Check everything from the files, using no cached result or validated "
            "content (as CI does).",
        ),
    ] = False,
) -> int:
    """Validate content files and list every problem (exit 1 if any) and every warning."""
    from sochelp.render import show

    state = app_state(ctx)
    overlay = folder if folder is not None else state.content_dir
    if no_cache:
        from sochelp.content import cache

        with cache.turned_off():
            problems, warnings = _full_check(overlay)
    else:
        problems, warnings = _cached_check(overlay)
    now = today()
    old: tuple[StaleEntry, ...] = ()
    if stale is not None:
        from sochelp.content.freshness import stale_items
        from sochelp.content.store import ContentStore

        old = tuple(
            StaleEntry(item.file, item.key, item.checked, (now - item.checked).days)
            for item in stale_items(ContentStore(overlay=overlay), now, stale)
        )
    what = "bundled content" + (f" with {overlay}" if overlay else "")
    result = ContentCheckResult(what, problems, stale, old, warnings)
    show(CHECK_VIEW, result, state.env.output_mode(json_output), state.env)
    return int(ExitCode.OK if result.ok else ExitCode.FINDINGS)


#: Every problem, then every warning.
Findings = tuple[tuple[ContentProblem, ...], tuple[ContentProblem, ...]]


def _full_check(overlay: Path | None) -> Findings:
    """Every problem and warning, from loading every collection and running every check."""
    from sochelp.content.registry import check_all, warn_all
    from sochelp.content.store import ContentStore

    store = ContentStore(overlay=overlay)
    return tuple(check_all(store)), tuple(warn_all(store))


def _is_findings(value: object) -> TypeGuard[Findings]:
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(
            isinstance(part, tuple) and all(isinstance(p, ContentProblem) for p in part)
            for part in value
        )
    )


def _cached_check(overlay: Path | None) -> Findings:
    """What a full check found for exactly these files and this code, else a full check (whose
    result is kept for next time)."""
    from sochelp.content import cache
    from sochelp.content.fingerprint import fingerprint

    if cache.cache_dir() is None or (overlay is not None and not overlay.is_dir()):
        return _full_check(overlay)  # (a missing overlay folder is reported by the full check)
    digest = fingerprint(overlay)
    key = f"content_check-v2-{digest}.pickle" if digest is not None else None
    if key is not None:
        cached = cache.load(key)
        if _is_findings(cached):
            return cached
    findings = _full_check(overlay)
    if key is not None:
        cache.save(key, findings)
    return findings


content_app.command("links")(links)


def register(app: typer.Typer) -> None:
    """Add the ``content`` group to the application."""
    app.add_typer(
        content_app, name="content", short_help="Validate content, list stale items, check links."
    )
