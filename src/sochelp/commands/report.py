"""``sochelp report``: what to do now and who to tell."""

from __future__ import annotations

from typing import Annotated

import typer

from sochelp.commands.common import JsonOption, RegionOption, app_state, today
from sochelp.errors import ExitCode
from sochelp.scopes import Region

HELP = """Who to contact and what to do now, for what you have seen or suffered.

Name a situation (see --list) or describe it in your own words, for example
'sochelp report lost money' or 'sochelp report "someone is being exploited"'.
With no argument on a terminal you get a menu.
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
) -> int:
    """Who to contact and what to do now."""
    from sochelp.render import show
    from sochelp.render.report import REPORT_VIEW, SITUATIONS_VIEW
    from sochelp.report import content as report_content
    from sochelp.report import core

    state = app_state(ctx)
    env = state.env
    content = report_content.load(state.store())
    mode = env.output_mode(json_output)

    words = " ".join(situation or []).strip()
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
    show(
        REPORT_VIEW,
        core.build_report(content, situation_id, region, also, today=today()),
        mode,
        env,
    )
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
