"""``sochelp signs``: how to spot trafficking, cuckooing, county lines and more."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands.common import (
    JsonOption,
    LargePrintOption,
    LeafletOption,
    OutputOption,
    RegionOption,
    app_state,
)
from sochelp.errors import ExitCode, UsageError

if TYPE_CHECKING:
    from sochelp.commands.common import AppState


def _complete_guides(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_guides

    return complete_guides(ctx, incomplete)


def signs(
    ctx: typer.Context,
    topic: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="TOPIC",
            help="A guide such as cuckooing, or a few words (see --list).",
            autocompletion=_complete_guides,
            show_default=False,
        ),
    ] = None,
    list_guides: Annotated[
        bool, typer.Option("--list", "-l", help="List every guide and exit.")
    ] = False,
    json_output: JsonOption = False,
    export: LeafletOption = None,
    output: OutputOption = None,
    large_print: LargePrintOption = False,
    region: RegionOption = None,
) -> int:
    """How to spot the signs of exploitation and what to do."""
    from sochelp.commands.report import check_leaflet_options
    from sochelp.render import show
    from sochelp.render.signs import GUIDE_VIEW, GUIDES_VIEW
    from sochelp.signs import content as signs_content
    from sochelp.signs import core

    state = app_state(ctx)
    words = " ".join(topic or []).strip()
    check_leaflet_options(export, output, large_print, json_output, list_guides, words)
    if region is not None:
        from sochelp.config import region_from

        region_from(region, "--region")  # a mistake is said even when no leaflet is made
    guides = signs_content.load(state.store())
    mode = state.env.output_mode(json_output)
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
    if export is not None:
        return _leaflet(state, guide.id, guide.report_situation, region, output, large_print)
    show(GUIDE_VIEW, guide, mode, state.env)
    return int(ExitCode.OK)


def _leaflet(
    state: AppState,
    guide_id: str,
    situation: str,
    region: str | None,
    output: Path | None,
    large_print: bool,
) -> int:
    from sochelp.commands.report import write_leaflet
    from sochelp.config import resolve_region
    from sochelp.report import content as report_content
    from sochelp.report.core import build_report

    where = resolve_region(region)
    result = build_report(
        report_content.load(state.store()), situation, where.region, region_source=where.source
    )
    return write_leaflet(state, result, guide_id, output, large_print)


def register(app: typer.Typer) -> None:
    """Add ``signs`` to the application."""
    app.command(
        "signs",
        help="How to spot the signs of trafficking, cuckooing, county lines, money mules and "
        "doorstep crime, and what to do. --export html [--region R] --output leaflet.html writes "
        "a one-page printable leaflet that ends with who to tell in your region.",
        short_help="Spot the signs of exploitation.",
    )(signs)
