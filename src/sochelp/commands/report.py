"""``sochelp report``: what to do now and who to tell."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands.common import (
    JsonOption,
    LargePrintOption,
    LeafletFormat,
    LeafletOption,
    OutputOption,
    RegionOption,
    app_state,
    today,
)
from sochelp.errors import ExitCode
from sochelp.scopes import Region

if TYPE_CHECKING:
    from sochelp.commands.common import AppState
    from sochelp.report.core import ReportResult

HELP = """Who to contact and what to do now, for what you have seen or suffered.

Name a situation (see --list) or describe it in your own words, for example
'sochelp report lost money' or 'sochelp report "someone is being exploited"'.
With no argument on a terminal you get a menu. --export html --output leaflet.html writes a
one-page printable leaflet (--large-print for 16 pt or larger).
"""


def report(
    ctx: typer.Context,
    situation: Annotated[
        list[str] | None,
        typer.Argument(help="A situation id such as scam-text, or a few words describing it."),
    ] = None,
    region: RegionOption = Region.SCOTLAND,
    list_situations: Annotated[
        bool, typer.Option("--list", "-l", help="List every situation and exit.")
    ] = False,
    json_output: JsonOption = False,
    export: LeafletOption = None,
    output: OutputOption = None,
    large_print: LargePrintOption = False,
) -> int:
    """Who to contact and what to do now."""
    from sochelp.render import show
    from sochelp.render.report import REPORT_VIEW, SITUATIONS_VIEW
    from sochelp.report import content as report_content
    from sochelp.report import core

    state = app_state(ctx)
    env = state.env
    words = " ".join(situation or []).strip()
    check_leaflet_options(export, output, large_print, json_output, list_situations, words)
    content = report_content.load(state.store())
    mode = env.output_mode(json_output)
    if list_situations or (not words and not (env.interactive and not json_output)):
        show(SITUATIONS_VIEW, core.list_situations(content), mode, env)
        return int(ExitCode.OK)

    also: tuple[str, ...] = ()
    if words:
        situation_id, also = core.resolve(content, words)
    else:
        chosen = _menu(content, env)
        if chosen is None:
            return int(ExitCode.OK)
        situation_id = chosen
    result = core.build_report(content, situation_id, region, also, today=today())
    if export is not None:
        return write_leaflet(state, result, None, output, large_print)
    show(REPORT_VIEW, result, mode, env)
    return int(ExitCode.OK)


def check_leaflet_options(
    export: LeafletFormat | None,
    output: Path | None,
    large_print: bool,
    json_output: bool,
    listing: bool,
    words: str,
) -> None:
    """--output and --large-print need --export; a leaflet needs one situation or topic."""
    from sochelp.errors import UsageError
    from sochelp.session.output import needs_export

    needs_export(output, export, "sochelp report scam-text --export html --output leaflet.html")
    if large_print and export is None:
        raise UsageError("--large-print is only used with --export html.")
    if export is not None and (json_output or listing or not words):
        raise UsageError(
            "A leaflet is made for one situation or guide, without --json or --list.",
            hint="For example: sochelp report scam-text --export html --output leaflet.html",
        )


def write_leaflet(
    state: AppState,
    result: ReportResult,
    guide_id: str | None,
    output: Path | None,
    large_print: bool,
) -> int:
    """Build the leaflet of a report (or of a guide ending with the report) and write it."""
    from sochelp.render.html.leaflet import report_leaflet, signs_leaflet
    from sochelp.report import content as report_content
    from sochelp.report.leaflet import build_leaflet
    from sochelp.session.core import SystemClock
    from sochelp.session.output import deliver

    store = state.store()
    guide = None
    if guide_id is not None:
        from sochelp.signs import content as signs_content

        guide = signs_content.load(store)[guide_id]
    leaflet = build_leaflet(
        report_content.load(store),
        result,
        overlay=state.content_dir,
        made=SystemClock().today(),
        guide=guide,
    )
    render = signs_leaflet if guide is not None else report_leaflet
    deliver(state.env, render(leaflet, large_print=large_print), output, "Leaflet")
    return int(ExitCode.OK)


def _menu(content: object, env: object) -> str | None:
    from sochelp.environment import Environment
    from sochelp.prompting import StreamPrompter, choose_from_menu
    from sochelp.report.content import ReportContent

    assert isinstance(content, ReportContent) and isinstance(env, Environment)
    situations = list(content.situations)
    prompter = StreamPrompter(env)
    prompter.say("What have you seen or experienced?")
    choice = choose_from_menu(prompter, [s.title for s in situations], question="Choose a number")
    return None if choice is None else situations[choice].id


def register(app: typer.Typer) -> None:
    """Add ``report`` to the application."""
    app.command("report", help=HELP, short_help="Who to contact and what to do now.")(report)
