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

if TYPE_CHECKING:
    from sochelp.commands.common import AppState
    from sochelp.config import RegionChoice
    from sochelp.environment import Environment
    from sochelp.report.content import ReportContent
    from sochelp.report.core import ReportResult
    from sochelp.scopes import Region

HELP = """Who to contact and what to do now, for what you have seen or suffered.

Name a situation (see --list) or describe it in your own words, for example
'sochelp report lost money' or 'sochelp report "someone is being exploited"'.
With no argument on a terminal you get a menu. The answer is for your part of the UK: the first
time on a terminal sochelp asks which and offers to remember it; --region or SOCHELP_REGION
choose for one run, 'sochelp config set region REGION' for good. --export html --output
leaflet.html writes a one-page printable leaflet (--large-print for 16 pt or larger).
"""


def _complete_situations(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_situations

    return complete_situations(ctx, incomplete)


def report(
    ctx: typer.Context,
    situation: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="SITUATION",
            help="A situation id such as scam-text, or a few words describing it.",
            autocompletion=_complete_situations,
            show_default=False,
        ),
    ] = None,
    region: RegionOption = None,
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
    _check_region(region)
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
    asking = not json_output and export is None
    where = choose_region(region, env, asking=asking, content=content, situation_id=situation_id)
    result = core.build_report(
        content, situation_id, where.region, also, today=today(), region_source=where.source
    )
    if export is not None:
        return write_leaflet(state, result, None, output, large_print)
    show(REPORT_VIEW, result, mode, env)
    return int(ExitCode.OK)


def _check_region(region: str | None) -> None:
    """A mistake in --region is said at once, even when the region is not needed (--list)."""
    if region is not None:
        from sochelp.config import region_from

        region_from(region, "--region")


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
        made=SystemClock().today(),
        guide=guide,
    )
    render = signs_leaflet if guide is not None else report_leaflet
    deliver(state.env, render(leaflet, large_print=large_print), output, "Leaflet")
    return int(ExitCode.OK)


def _menu(content: ReportContent, env: Environment) -> str | None:
    from sochelp.prompting import StreamPrompter, choose

    situations = list(content.situations)
    prompter = StreamPrompter(env)
    prompter.say("What have you seen or experienced?")
    choice = choose(
        prompter,
        [s.title for s in situations],
        question="Choose a number",
        outcome="nothing was chosen.",
    )
    return None if choice is None else situations[choice].id


def choose_region(
    option: str | None,
    env: Environment,
    *,
    asking: bool,
    content: ReportContent | None = None,
    situation_id: str | None = None,
) -> RegionChoice:
    """The region (--region, SOCHELP_REGION, your setting, Scotland); the first time on a
    terminal with none of them, asked once, with an offer to remember it."""
    from sochelp.config import RegionChoice, Source, resolve_region

    found = resolve_region(option)
    if found.source is not Source.DEFAULT or not (asking and env.interactive):
        return found
    asked = ask_region(env, content, situation_id)
    return RegionChoice(asked, Source.ASKED)


def ask_region(env: Environment, content: ReportContent | None, situation_id: str | None) -> Region:
    """Which part of the UK (a danger line first, if the situation is urgent); then offer to
    remember it."""
    from sochelp import config
    from sochelp.prompting import StreamPrompter, choose, confirm
    from sochelp.report.core import REGION_NAMES
    from sochelp.scopes import Region

    prompter = StreamPrompter(env)
    if content is not None and situation_id is not None:
        situation = content.situations[situation_id]
        if situation.urgent and content.banner is not None:
            prompter.say(f"!! {content.banner.title}")
    prompter.say("Which part of the UK are you in? Who to contact differs.")
    regions = list(Region)
    choice = choose(
        prompter,
        [f"{REGION_NAMES[r]} ({r.value})" for r in regions],
        question="Choose",
        outcome="nothing was shown.",
    )
    if choice is None:
        raise _left("nothing was shown.")
    region = regions[choice]
    keep = confirm(
        prompter,
        f"Remember {REGION_NAMES[region]} for next time?",
        default=True,
        outcome="nothing was shown or saved.",
    )
    if keep:
        path = config.remember("region", region.value)
        prompter.say(f"Saved in {path}. Change it with: sochelp config set region REGION")
    else:
        prompter.say(f"Not saved: sochelp will ask again. For one run: --region {region.value}")
    return region


def _left(outcome: str) -> Exception:
    from sochelp.errors import InputEndedError

    return InputEndedError(f"you left the question; {outcome}")


def register(app: typer.Typer) -> None:
    """Add ``report`` to the application."""
    app.command("report", help=HELP, short_help="Who to contact and what to do now.")(report)
