"""``sochelp checkup``: a cyber-hygiene and crime-resilience check-up for each audience.

Options and the choice of audience only: answering is :func:`sochelp.checkup.session.run_checkup`,
the result and the Markdown plan are drawn by :mod:`sochelp.render.checkup`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands import common
from sochelp.commands.common import CheckupExportFormat, app_state
from sochelp.errors import ExitCode, UsageError
from sochelp.render.safe import shown_line
from sochelp.scopes import Activity, Audience, audience_names, audiences_for

if TYPE_CHECKING:
    from sochelp.checkup.content import CheckupContent
    from sochelp.checkup.engine import CheckupResult
    from sochelp.checkup.progress import CheckupStore
    from sochelp.commands.common import AppState
    from sochelp.environment import Environment
    from sochelp.session.core import Ending
    from sochelp.session.output import SessionOptions

HELP = """A check-up of how well you, your business or your organisation resist scams and
organised crime, with an action plan ordered by impact over effort.

AUDIENCE is one of: individual, community, business, finance, public-body, elected,
third-sector. With none: your setting (sochelp config set checkup.audience AUDIENCE); the first
time on a terminal you get a menu and can have your choice remembered. Answer each question
y (yes), p (partly), n (no) or na (not applicable), or 1-4; ? explains why it matters and how
to do it; q stops and
keeps your answers. Off a terminal, answers are read one per line from stdin.

Answers are saved privately on this computer, so the next run can continue an unfinished
check-up and show what changed since last time. --export json writes your answers with no
personal data, for your organisation; --rollup FOLDER sums up everyone's returns (median and
spread of the scores, each item's answers, the gaps ranked by "no" answers times impact).
--remind FILE writes a calendar file with the date of your next check-up.
"""

#: Friendly names people may type for an audience.
ALIASES = {
    "me": "individual",
    "personal": "individual",
    "household": "individual",
    "home": "individual",
    "individuals": "individual",
    "communities": "community",
    "businesses": "business",
    "small-business": "business",
    "bank": "finance",
    "banks": "finance",
    "financial-services": "finance",
    "council": "public-body",
    "local-authority": "public-body",
    "public-sector": "public-body",
    "councillor": "elected",
    "msp": "elected",
    "mp": "elected",
    "charity": "third-sector",
    "charities": "third-sector",
    "voluntary": "third-sector",
}


def _audience_list() -> str:
    return audience_names(Activity.CHECKUP)


def _resolve_audience(name: str) -> Audience:
    key = name.strip().lower().replace(" ", "-").replace("_", "-")
    key = ALIASES.get(key, key)
    try:
        audience = Audience(key)
    except ValueError:
        raise UsageError(
            f"'{name[:60]}' is not a check-up audience.",
            hint=f"Choose one of: {_audience_list()}.",
        ) from None
    if audience not in audiences_for(Activity.CHECKUP):
        # An audience of another activity (young-people has the quiz only).
        raise UsageError(
            f"There is no check-up for '{audience}'; check-up audiences are: {_audience_list()}.",
            hint=f"For {audience}, try 'sochelp scam-quiz --audience {audience}'.",
        )
    return audience


def checkup(
    ctx: typer.Context,
    audience: Annotated[
        str | None,
        typer.Argument(
            metavar="AUDIENCE",
            help="Who the check-up is for: individual, community, business, finance, "
            "public-body, elected or third-sector.",
            show_default=False,
            autocompletion=_complete_audiences,
        ),
    ] = None,
    json_output: common.JsonOption = False,
    export: common.CheckupExportOption = None,
    output: common.OutputOption = None,
    last: Annotated[
        bool,
        typer.Option("--last", help="Show your last saved check-up without asking again."),
    ] = False,
    no_save: common.NoSaveOption = False,
    restart: Annotated[
        bool,
        typer.Option("--restart", help="Start again instead of continuing an unfinished check-up."),
    ] = False,
    reset: common.ResetOption = False,
    yes: common.YesOption = False,
    rollup: Annotated[
        list[Path] | None,
        typer.Option(
            "--rollup",
            metavar="PATH",
            help="Sum up check-up returns (.json files, or folders of them; repeatable) for an "
            "organisation, instead of asking the questions.",
        ),
    ] = None,
    rollup_audience: Annotated[
        str | None,
        typer.Option(
            "--audience",
            metavar="AUDIENCE",
            help="With --rollup: the audience to sum up.",
            autocompletion=_complete_audiences,
        ),
    ] = None,
    remind: common.RemindOption = None,
    large_print: common.LargePrintOption = False,
) -> int:
    """A check-up with an action plan."""
    from sochelp.checkup import content as checkup_content
    from sochelp.session.output import SessionOptions

    state = app_state(ctx)
    if rollup:
        which = rollup_audience or audience
        return _rollup(state, rollup, which, export, output, json_output, large_print)
    chosen = _resolve_audience(audience) if audience is not None else None
    _check_options(SessionOptions(export, output, no_save, reset), json_output, last)
    _check_extras(rollup_audience, remind, reset, large_print, export)
    if yes and not reset:
        raise UsageError("--yes is only used with --reset.")
    if reset:
        return _reset(state, chosen, json_output, yes)
    content = checkup_content.load(state.store())
    if chosen is None:
        chosen = _default_audience(state.env, last, json_output)
        if chosen is None:
            return int(ExitCode.OK)
    if last:
        result: CheckupResult | None = _last_result(state, content, chosen)
        code = int(ExitCode.OK)
    else:
        result, code = _run(state, content, chosen, no_save=no_save, restart=restart)
    if result is None or code == ExitCode.INTERRUPTED:
        return code
    _output(result, state.env, json_output=json_output, export=export, output=output)
    if remind is not None:
        _remind(state, remind, result, chosen)
    return code


def _check_options(session: SessionOptions, json_output: bool, last: bool) -> None:
    session.check("sochelp checkup business --export markdown --output plan.md")
    if session.export is not None and json_output and session.output is None:
        raise UsageError(
            "--json and --export both write to stdout.",
            hint="Add --output FILE for the export, or drop one of them.",
        )
    if session.no_save and last:
        raise UsageError("--no-save cannot be combined with --last.")


def _check_extras(
    rollup_audience: str | None,
    remind: Path | None,
    reset: bool,
    large_print: bool,
    export: CheckupExportFormat | None,
) -> None:
    if rollup_audience is not None:
        raise UsageError(
            "--audience is used with --rollup; for a check-up, name the audience.",
            hint=f"For example: sochelp checkup {rollup_audience[:30]}",
        )
    if remind is not None and reset:
        raise UsageError("--remind cannot be combined with --reset.")
    if large_print:
        raise UsageError("--large-print is only used with --rollup and --export html.")
    if export in (CheckupExportFormat.HTML, CheckupExportFormat.CSV):
        raise UsageError(
            f"--export {export} is for a roll-up of many check-ups (--rollup PATH).",
            hint="For one check-up use --export markdown (the plan) or --export json (a return).",
        )


def _remind(state: AppState, path: Path, result: CheckupResult, audience: Audience) -> None:
    import datetime as dt

    from sochelp.checkup.schedule import months_for, next_checkup
    from sochelp.session.calendar import write_reminders
    from sochelp.session.core import SystemClock

    clock = SystemClock()
    done = dt.date.fromisoformat(result.date[:10]) if result.date else clock.today()
    months = months_for(state.store(), audience)
    reminder = next_checkup(audience, result.audience_title, done, months)
    write_reminders(path, [reminder], clock.now())
    where = shown_line(str(path))
    state.env.stderr.write(f"Next check-up ({reminder.day.isoformat()}) written to {where}\n")


def _rollup(
    state: AppState,
    paths: list[Path],
    audience_name: str | None,
    export: CheckupExportFormat | None,
    output: Path | None,
    json_output: bool,
    large_print: bool,
) -> int:
    """Sum up returns: read, refuse mixed audiences, then show or export the summary."""
    from sochelp.checkup import content as checkup_content
    from sochelp.checkup.content import AUDIENCE_TITLES, items_for
    from sochelp.checkup.rollup import choose_audience, read_returns, roll_up
    from sochelp.render import show
    from sochelp.render.rollup import ROLLUP_VIEW, rollup_document
    from sochelp.session.core import SystemClock
    from sochelp.session.output import deliver, needs_export

    needs_export(output, export, "sochelp checkup --rollup returns/ --export html -o board.html")
    if export is CheckupExportFormat.JSON or (json_output and export is not None):
        raise UsageError(
            "A roll-up exports markdown, html or csv; --json prints it as JSON.",
            hint="For example: sochelp checkup --rollup returns/ --export csv --output rollup.csv",
        )
    if large_print and export is not CheckupExportFormat.HTML:
        raise UsageError("--large-print is only used with --export html.")
    chosen = _resolve_audience(audience_name) if audience_name else None
    returns = read_returns(paths)
    if not returns.returns:
        for entry in returns.left_out:
            left_out = shown_line(f"left out {entry.file}: {entry.detail}")
            state.env.stderr.write(f"sochelp: {left_out}\n")
    audience, returns = choose_audience(returns, chosen)
    items = items_for(checkup_content.load(state.store()), audience)
    summary = roll_up(audience, AUDIENCE_TITLES[audience], items, returns)
    if export is None:
        show(ROLLUP_VIEW, summary, state.env.output_mode(json_output), state.env)
    else:
        today = SystemClock().today()
        document = rollup_document(summary, export, today, large_print)
        deliver(state.env, document, output, "Roll-up")
    return int(ExitCode.OK)


def _complete_audiences(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_checkup_audiences

    return complete_checkup_audiences(ctx, incomplete)


def _reset(state: AppState, audience: Audience | None, json_output: bool, yes: bool) -> int:
    from sochelp.checkup.progress import CheckupStore
    from sochelp.prompting import StreamPrompter
    from sochelp.session.output import reset_saved, stderr_notices

    store = CheckupStore.open(notify=stderr_notices(state.env))
    key = audience.value if audience else None
    whose = f"the {key} check-up" if key else "every check-up"
    command = f"sochelp checkup {key + ' ' if key else ''}--reset --yes"
    return reset_saved(
        state.env,
        StreamPrompter(state.env),
        lambda: store.forget(key),
        what=f"your saved answers for {_saved_detail(store, key) or whose}",
        nothing=f"There were no saved answers for {whose}, so nothing was deleted.",
        exists=store.has(key),
        json_output=json_output,
        yes=yes,
        command=command,
    )


def _saved_detail(store: CheckupStore, key: str | None) -> str:
    """Exactly what is saved: each audience with its completed and unfinished check-ups."""
    parts = []
    for name, entry in sorted(store.data.audiences.items()):
        if key is not None and name != key:
            continue
        pieces = []
        if entry.history:
            done = len(entry.history)
            pieces.append(f"{done} completed check-up{'s' if done != 1 else ''}")
        if entry.unfinished is not None:
            count = len(entry.unfinished.answers)
            pieces.append(f"an unfinished check-up with {count} answer{'s' if count != 1 else ''}")
        if pieces:
            parts.append(f"{name} ({' and '.join(pieces)})")
    return ", ".join(parts)


def _default_audience(env: Environment, last: bool, json_output: bool) -> Audience | None:
    """No AUDIENCE given: your setting, else (on a terminal) the menu, else a usage error."""
    from sochelp import config

    saved = config.saved_audience(Activity.CHECKUP)
    if saved is not None:
        if env.interactive and not json_output:
            from sochelp.render import plain_for

            said = (
                f"Check-up for: {saved} (your setting; name another, or 'sochelp config set "
                "checkup.audience AUDIENCE').\n"
            )
            env.stderr.write(plain_for(env, said, stderr=True))
        return Audience(saved)
    return _ask_audience(env, last)


def _ask_audience(env: Environment, last: bool) -> Audience | None:
    from sochelp import config
    from sochelp.checkup.content import AUDIENCE_TITLES
    from sochelp.prompting import StreamPrompter, choose, confirm

    if last or not env.interactive:
        raise UsageError(
            "Say who the check-up is for.",
            hint=f"Use 'sochelp checkup AUDIENCE', where AUDIENCE is one of: {_audience_list()}; "
            "or remember one: sochelp config set checkup.audience AUDIENCE",
        )
    prompter = StreamPrompter(env)
    prompter.say("Who is the check-up for?")
    audiences = list(audiences_for(Activity.CHECKUP))
    choice = choose(
        prompter,
        [f"{AUDIENCE_TITLES[a]} ({a.value})" for a in audiences],
        question="Choose",
        outcome="no check-up was started.",
    )
    if choice is None:
        return None
    chosen = audiences[choice]
    if confirm(
        prompter, "Remember this for next time?", default=True, outcome="no check-up was started."
    ):
        path = config.remember("checkup.audience", chosen.value)
        prompter.say(
            f"Saved in {path}. Change it with: sochelp config set checkup.audience AUDIENCE"
        )
    else:
        prompter.say("Not saved: sochelp will ask again. Name one to skip the question.")
    return chosen


def _last_result(state: AppState, content: CheckupContent, audience: Audience) -> CheckupResult:
    from sochelp.checkup.content import AUDIENCE_TITLES, items_for
    from sochelp.checkup.progress import CheckupStore
    from sochelp.checkup.session import last_result
    from sochelp.session.output import stderr_notices

    store = CheckupStore.open(strict=True, notify=stderr_notices(state.env))
    items, title = items_for(content, audience), AUDIENCE_TITLES[audience]
    result = last_result(items, store, audience=audience.value, title=title)
    if result is None:
        raise UsageError(
            f"There is no saved {audience.value} check-up yet.",
            hint=f"Run 'sochelp checkup {audience.value}' first.",
        )
    return result


def _run(
    state: AppState, content: CheckupContent, audience: Audience, *, no_save: bool, restart: bool
) -> tuple[CheckupResult | None, int]:
    """Ask the questions; the result (None when there is nothing to show) and exit code."""
    from sochelp.checkup.content import AUDIENCE_TITLES, items_for
    from sochelp.checkup.progress import CheckupStore
    from sochelp.checkup.session import run_checkup
    from sochelp.prompting import StreamPrompter
    from sochelp.render.terminal import CheckupDisplay, WrappingPrompter, text_width
    from sochelp.session.core import Ending, SystemClock
    from sochelp.session.output import stderr_notices

    env = state.env
    store = CheckupStore.open(save=not no_save, notify=stderr_notices(env))
    prompter = WrappingPrompter(StreamPrompter(env), text_width())
    items = items_for(content, audience)
    run = run_checkup(
        items,
        prompter,
        CheckupDisplay(prompter, env),
        store,
        SystemClock(),
        audience=audience.value,
        title=AUDIENCE_TITLES[audience],
        restart=restart,
    )
    stopped_here = run.ending is Ending.INTERRUPTED or (
        run.ending is Ending.END_OF_INPUT and env.stdin_isatty
    )
    if stopped_here:
        answered = run.result.answered if run.result is not None else 0
        _say_stopped(state, run.ending, answered, len(items), store.saving, audience)
        if run.ending is Ending.INTERRUPTED:
            return run.result, int(ExitCode.INTERRUPTED)
    if run.result is None:
        if not stopped_here:
            env.stderr.write("sochelp: no answers given, so there is no plan yet.\n")
        return None, int(ExitCode.OK)
    return run.result, int(ExitCode.OK)


def _say_stopped(
    state: AppState, ending: Ending, answered: int, total: int, saving: bool, audience: Audience
) -> None:
    """Ctrl-C, or Ctrl-D on a terminal: one line in every prompt's words, with how to go on
    (naming only the options used: --content-dir, if it was)."""
    from sochelp.prompting import CTRL_C, END_OF_INPUT, stopped
    from sochelp.session.core import Ending

    command = "sochelp " + (
        f"--content-dir {state.content_dir} " if state.content_dir is not None else ""
    )
    if not answered:
        kept = "no answers were given."
    elif saving:
        kept = (
            f"{answered} of {total} answers are saved; run "
            f"'{command}checkup {audience.value}' to continue."
        )
    else:
        kept = f"{answered} of {total} answers given (not saved)."
    interrupted = ending is Ending.INTERRUPTED
    lead = "\n" if interrupted else ""  # after Ctrl-D the display already ended the line
    how = CTRL_C if interrupted else END_OF_INPUT
    state.env.stderr.write(f"{lead}sochelp: {stopped(how, kept)}\n")
    state.env.stderr.flush()


def _output(
    result: CheckupResult,
    env: Environment,
    *,
    json_output: bool,
    export: CheckupExportFormat | None,
    output: Path | None,
) -> None:
    from sochelp.render import show
    from sochelp.render.checkup import CHECKUP_VIEW, plan_markdown
    from sochelp.session.output import deliver

    if export is CheckupExportFormat.JSON:
        from sochelp.checkup.returns import to_return
        from sochelp.render.rollup import return_json

        deliver(env, return_json(to_return(result)), output, "Check-up return")
        if output is None:
            return
    elif export is not None:
        deliver(env, plan_markdown(result), output, "Action plan")
        if output is None:
            return
    show(CHECKUP_VIEW, result, env.output_mode(json_output), env)


def register(app: typer.Typer) -> None:
    """Add ``checkup`` to the application."""
    app.command(
        "checkup",
        help=HELP,
        short_help="Check-up for you, your business or organisation, with an action plan.",
    )(checkup)
