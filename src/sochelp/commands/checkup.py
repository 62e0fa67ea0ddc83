"""``sochelp checkup``: a cyber-hygiene and crime-resilience check-up for each audience."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands.common import JsonOption, app_state
from sochelp.errors import ExitCode, StorageError, UsageError
from sochelp.scopes import Activity, Audience, audience_names, audiences_for

if TYPE_CHECKING:
    from sochelp.checkup.content import CheckupContent
    from sochelp.checkup.engine import CheckupResult
    from sochelp.checkup.progress import ProgressStore
    from sochelp.environment import Environment
    from sochelp.prompting import StreamPrompter

HELP = """A check-up of how well you, your business or your organisation resist scams and
organised crime, with an action plan ordered by impact over effort.

AUDIENCE is one of: individual, community, business, finance, public-body, elected,
third-sector. With none on a terminal you get a menu. Answer each question y (yes), p (partly),
n (no) or na (not applicable), or 1-4; ? explains why it matters and how to do it; q stops and
keeps your answers. Off a terminal, answers are read one per line from stdin.

Answers are saved privately on this computer, so the next run can continue an unfinished
check-up and show what changed since last time.
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


class ExportFormat(StrEnum):
    """Formats the action plan can be exported in."""

    MARKDOWN = "markdown"


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


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def checkup(
    ctx: typer.Context,
    audience: Annotated[
        str | None,
        typer.Argument(
            help="Who the check-up is for: individual, community, business, finance, "
            "public-body, elected or third-sector.",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
    export: Annotated[
        ExportFormat | None,
        typer.Option(
            "--export",
            help="Write the action plan as Markdown (for a board paper or a community meeting).",
            case_sensitive=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the export to this file instead of stdout.",
            dir_okay=False,
        ),
    ] = None,
    last: Annotated[
        bool,
        typer.Option("--last", help="Show your last saved check-up without asking again."),
    ] = False,
    no_save: Annotated[
        bool,
        typer.Option("--no-save", help="Do not read or save answers on this computer."),
    ] = False,
    restart: Annotated[
        bool,
        typer.Option("--restart", help="Start again instead of continuing an unfinished check-up."),
    ] = False,
    reset: Annotated[
        bool,
        typer.Option(
            "--reset",
            help="Delete your saved answers (for AUDIENCE, or for every audience) and exit.",
        ),
    ] = False,
) -> int:
    """A check-up with an action plan."""
    from sochelp.checkup import content as checkup_content
    from sochelp.checkup.progress import ProgressStore

    state = app_state(ctx)
    env = state.env
    chosen = _resolve_audience(audience) if audience is not None else None
    if output is not None and export is None:
        raise UsageError("--output needs --export markdown.")
    if export is not None and json_output and output is None:
        raise UsageError(
            "--json and --export both write to stdout.",
            hint="Add --output FILE for the export, or drop one of them.",
        )
    if no_save and (last or reset):
        raise UsageError("--no-save cannot be combined with --last or --reset.")

    if reset:
        progress = ProgressStore.open(save=True)
        _notice(env, progress.notice)
        removed = progress.forget(chosen.value if chosen else None)
        whose = f"the {chosen.value} check-up" if chosen else "every check-up"
        env.stderr.write(
            f"Deleted your saved answers for {whose}.\n"
            if removed
            else f"There were no saved answers for {whose}.\n"
        )
        return int(ExitCode.OK)

    content = checkup_content.load(state.store())
    if chosen is None:
        if last or not env.interactive:
            raise UsageError(
                "Say who the check-up is for.",
                hint=f"Use 'sochelp checkup AUDIENCE', where AUDIENCE is one of: "
                f"{_audience_list()}.",
            )
        chosen = _menu(env)
        if chosen is None:
            return int(ExitCode.OK)

    try:
        progress = ProgressStore.open(save=not no_save)
    except StorageError as error:
        if last:
            raise
        # The saved file cannot be read (not corrupt: unreadable). Run anyway, and never
        # overwrite what is there.
        progress = ProgressStore(None, f"{error.message} Your answers will not be saved.")
    _notice(env, progress.notice)
    if last:
        result = _last_result(content, progress, chosen)
        code = int(ExitCode.OK)
    else:
        outcome = _run(content, progress, chosen, env, restart=restart)
        if outcome is None:
            return int(ExitCode.OK)
        result, code = outcome
        if code == ExitCode.INTERRUPTED:
            return code
    _output(result, env, json_output=json_output, export=export, output=output)
    return code


class _WrappingPrompter:
    """Wraps what a :class:`StreamPrompter` says to the terminal width, so long questions and
    help lines break between words (with list items indented under their first line)."""

    def __init__(self, inner: StreamPrompter, width: int) -> None:
        self.inner = inner
        self.width = width

    def ask(self, prompt: str) -> str | None:
        return self.inner.ask(prompt)

    def say(self, text: str) -> None:
        import textwrap

        stripped = text.lstrip()
        indent = text[: len(text) - len(stripped)]
        hanging = indent + ("  " if stripped.startswith("- ") else "")
        lines = textwrap.wrap(
            text,
            self.width,
            subsequent_indent=hanging,
            break_long_words=False,
            break_on_hyphens=False,
        )
        for line in lines or [""]:
            self.inner.say(line)


def _text_width() -> int:
    import shutil

    return max(40, min(shutil.get_terminal_size((80, 24)).columns, 100) - 1)


def _notice(env: Environment, notice: str | None) -> None:
    if notice:
        env.stderr.write(f"sochelp: {notice}\n")


def _menu(env: Environment) -> Audience | None:
    from sochelp.checkup.content import AUDIENCE_TITLES
    from sochelp.prompting import StreamPrompter, choose_from_menu

    prompter = StreamPrompter(env)
    prompter.say("Who is the check-up for?")
    audiences = list(audiences_for(Activity.CHECKUP))
    choice = choose_from_menu(
        prompter, [f"{AUDIENCE_TITLES[a]} ({a.value})" for a in audiences], question="Choose"
    )
    return None if choice is None else audiences[choice]


def _last_result(
    content: CheckupContent, progress: ProgressStore, audience: Audience
) -> CheckupResult:
    from sochelp.checkup.content import AUDIENCE_TITLES, items_for
    from sochelp.checkup.engine import build_result, compare

    saved = progress.get(audience.value)
    items = items_for(content, audience)
    done = saved.last_completed
    if saved.unfinished:
        return build_result(
            audience.value, AUDIENCE_TITLES[audience], items, saved.unfinished, date=saved.updated
        )
    if done is not None:
        comparison = None
        if len(saved.history) >= 2:
            before = saved.history[-2]
            comparison = compare(items, before.answers, done.answers, before.completed)
        return build_result(
            audience.value,
            AUDIENCE_TITLES[audience],
            items,
            done.answers,
            comparison=comparison,
            date=done.completed,
        )
    raise UsageError(
        f"There is no saved {audience.value} check-up yet.",
        hint=f"Run 'sochelp checkup {audience.value}' first.",
    )


def _run(
    content: CheckupContent,
    progress: ProgressStore,
    audience: Audience,
    env: Environment,
    *,
    restart: bool,
) -> tuple[CheckupResult, int] | None:
    """Ask the questions; the result and exit code, or None when there is nothing to show."""
    from sochelp.checkup.content import AUDIENCE_TITLES, items_for
    from sochelp.checkup.engine import Answer, build_result, compare
    from sochelp.checkup.session import Outcome, run_session
    from sochelp.prompting import StreamPrompter

    items = items_for(content, audience)
    saved = progress.get(audience.value)
    done = saved.last_completed
    start: dict[str, Answer] = {}
    if saved.unfinished and not restart:
        start = {k: v for k, v in saved.unfinished.items() if any(i.id == k for i in items)}
    resumed = bool(start)
    prompter = _WrappingPrompter(StreamPrompter(env), _text_width())
    title = AUDIENCE_TITLES[audience]
    prompter.say(f"Check-up: {title} ({len(items)} questions)")
    if resumed:
        prompter.say(
            f"Continuing your unfinished check-up: {len(start)} of {len(items)} already "
            "answered (use --restart to start again)."
        )
    prompter.say("Answer y, p, n or na; ? explains a question; q stops and keeps your answers.")

    def stop_saving(error: StorageError) -> None:
        progress.store = None
        env.stderr.write(f"sochelp: {error.message} Your answers will not be saved.\n")
        env.stderr.flush()

    def keep(answers: Mapping[str, Answer]) -> None:
        if progress.store is None:
            return
        try:
            progress.save_unfinished(audience.value, answers, _now())
        except StorageError as error:
            stop_saving(error)

    def warn(message: str) -> None:
        if not env.stdin_isatty:
            env.stderr.write(f"sochelp: {message}\n")
            env.stderr.flush()

    session = run_session(
        prompter,
        items,
        answers=start,
        previous=done.answers if done else None,
        on_answer=keep,
        warn=warn,
    )
    answers = dict(session.answers)
    if session.outcome is Outcome.END_OF_INPUT and env.stdin_isatty:
        env.stderr.write("\n")  # Ctrl-D left the cursor after the prompt
    if session.outcome is Outcome.INTERRUPTED:
        env.stderr.write(
            f"\nsochelp: stopped. {len(answers)} of {len(items)} answers "
            + (
                f"are saved; run 'sochelp checkup {audience.value}' to continue.\n"
                if progress.store is not None
                else "given (not saved).\n"
            )
        )
        return build_result(audience.value, title, items, answers), int(ExitCode.INTERRUPTED)
    now = _now()
    comparison = None
    if session.outcome is Outcome.COMPLETE:
        if done is not None:
            comparison = compare(items, done.answers, answers, done.completed)
        if progress.store is not None:
            try:
                progress.complete(audience.value, answers, now)
            except StorageError as error:
                stop_saving(error)
    if not answers:
        env.stderr.write("sochelp: no answers given, so there is no plan yet.\n")
        return None
    result = build_result(
        audience.value,
        title,
        items,
        answers,
        comparison=comparison,
        date=now,
        resumed=resumed,
        saved=progress.store is not None,
    )
    return result, int(ExitCode.OK)


def _output(
    result: CheckupResult,
    env: Environment,
    *,
    json_output: bool,
    export: ExportFormat | None,
    output: Path | None,
) -> None:
    from sochelp.render import show
    from sochelp.render.checkup import CHECKUP_VIEW, plan_markdown

    if export is not None:
        markdown = plan_markdown(result)
        if output is None:
            env.stdout.write(markdown)
            env.stdout.flush()
            return
        try:
            output.write_text(markdown, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"Cannot write {output}: {exc.strerror}.") from None
        env.stderr.write(f"Action plan written to {output}\n")
    show(CHECKUP_VIEW, result, env.output_mode(json_output), env)


def register(app: typer.Typer) -> None:
    """Add ``checkup`` to the application."""
    app.command(
        "checkup",
        help=HELP,
        short_help="Check-up for you, your business or organisation, with an action plan.",
    )(checkup)
