"""``sochelp scam-quiz``: learn to spot scams on realistic messages, and keep improving.

Options only: a session is :func:`sochelp.quiz.session.run_quiz`; --stats, --list-topics and
--export are engine functions drawn by :mod:`sochelp.render.quiz`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands import common
from sochelp.commands.common import QuizExportFormat, app_state
from sochelp.errors import ExitCode, UsageError
from sochelp.quiz.levels import Difficulty
from sochelp.render.safe import shown_line
from sochelp.scopes import Audience

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sochelp.commands.common import AppState
    from sochelp.quiz.content import QuizContent
    from sochelp.quiz.engine import Card, Filters
    from sochelp.session.core import SystemClock
    from sochelp.session.output import SessionOptions

HELP = """Learn to spot scams on realistic messages, calls and pages, genuine ones mixed in.

Answer with a letter or number (several separated by commas when asked to choose all that
apply), q to stop. Questions you get wrong come back first next time; --review asks only those
due today, --stats shows how you are doing. Progress is kept privately on this computer.
Off a terminal, answers are read one per line from stdin. --export markdown --output quiz.md
writes a printable quiz and its answer key next to it (quiz-answers.md); --export html --output
quiz.html one page with a slide view for a projector and a print view. --present leads a room
through the quiz on this terminal (nothing is saved). --remind FILE writes a calendar file with
your next review day.
"""


def scam_quiz(
    ctx: typer.Context,
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, max=500, help="How many questions to ask.")
    ] = 10,
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic",
            "-t",
            metavar="TOPIC",
            help="Only this topic (repeat or comma-separate; see --list-topics).",
            autocompletion=_complete_topics,
        ),
    ] = None,
    audience: Annotated[
        list[Audience] | None,
        typer.Option(
            "--audience",
            "-a",
            metavar="AUDIENCE",
            case_sensitive=False,
            help="Only questions aimed at this audience (repeatable). Without it: your setting "
            "(sochelp config set quiz.audience AUDIENCE); the first time on a terminal you are "
            "asked.",
            autocompletion=_complete_audiences,
        ),
    ] = None,
    difficulty: Annotated[
        list[Difficulty] | None,
        typer.Option(
            "--difficulty",
            "-d",
            metavar="LEVEL",
            case_sensitive=False,
            help="Only questions of this difficulty (repeatable).",
        ),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option("--seed", help="Make the order of questions and choices reproducible."),
    ] = None,
    list_topics: Annotated[
        bool, typer.Option("--list-topics", help="List the topics and exit.")
    ] = False,
    confidence: Annotated[
        bool,
        typer.Option(
            "--confidence",
            help="After each answer, say how sure you were; the end "
            "shows whether confidence matched accuracy.",
        ),
    ] = False,
    review: Annotated[
        bool, typer.Option("--review", help="Ask only questions due for review today.")
    ] = False,
    stats: Annotated[
        bool, typer.Option("--stats", help="Show your progress over time and exit.")
    ] = False,
    reset: common.ResetOption = False,
    yes: common.YesOption = False,
    no_save: common.NoSaveOption = False,
    export: common.ExportOption = None,
    output: common.OutputOption = None,
    present: Annotated[
        bool,
        typer.Option(
            "--present",
            help="Lead a room through the quiz, full screen: reveal answers, type the show of "
            "hands, then a summary of the room. Nothing is saved.",
        ),
    ] = False,
    large_print: common.LargePrintOption = False,
    remind: common.RemindOption = None,
    json_output: common.JsonOption = False,
) -> int:
    """Learn to spot scams, and keep improving."""
    from sochelp.session.output import SessionOptions

    session = SessionOptions(export, output, no_save, reset)
    _check_options(list_topics, stats, review, session, present, large_print, remind)
    state = app_state(ctx)
    if yes and not reset:
        raise UsageError("--yes is only used with --reset.")
    if reset:
        return _reset(state, json_output, yes)
    from sochelp.quiz import content as quiz_content
    from sochelp.render import show

    content = quiz_content.load(state.store())
    mode = state.env.output_mode(json_output)
    if list_topics:
        from sochelp.quiz.topics import topic_counts
        from sochelp.render.topics import TOPICS_VIEW

        show(TOPICS_VIEW, topic_counts(content), mode, state.env)
        return int(ExitCode.OK)
    if not audience and not (stats or list_topics):
        session_on_terminal = not (present or export is not None or json_output)
        audience = default_audience(state, asking=session_on_terminal)
    from sochelp.quiz.engine import filters_for

    filters = filters_for(content, topic or [], audience or [], difficulty or [])
    if stats:
        return _stats(state, content, json_output)
    if present:
        return _present(state, content, filters, count, seed, json_output)
    if export is not None:
        return _export(
            state, content, filters, count, seed, output, json_output, export, large_print
        )
    return _session(
        state, content, filters, count, seed, review, confidence, no_save, json_output, remind
    )


def _check_options(
    list_topics: bool,
    stats: bool,
    review: bool,
    session: SessionOptions,
    present: bool,
    large_print: bool,
    remind: Path | None,
) -> None:
    actions = [
        name
        for name, on in (
            ("--list-topics", list_topics),
            ("--stats", stats),
            ("--reset", session.reset),
            ("--export", session.export is not None),
            ("--present", present),
        )
        if on
    ]
    if len(actions) > 1:
        raise UsageError(f"Use only one of {', '.join(actions)} at a time.")
    session.check("sochelp scam-quiz --export markdown --output quiz.md")
    if review and session.export is not None:
        raise UsageError("--review cannot be combined with --export.")
    if large_print and session.export is not QuizExportFormat.HTML:
        raise UsageError("--large-print is only used with --export html.")
    if remind is not None and (session.no_save or actions):
        raise UsageError(
            "--remind goes with a quiz session whose progress is saved.",
            hint="For example: sochelp scam-quiz --remind quiz-review.ics",
        )
    if present and review:
        raise UsageError("--present cannot be combined with --review (a room has no progress).")


def _complete_audiences(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_quiz_audiences

    return complete_quiz_audiences(ctx, incomplete)


def _complete_topics(ctx: typer.Context, incomplete: str) -> list[object]:
    from sochelp.completion import complete_quiz_topics

    return complete_quiz_topics(ctx, incomplete)


def audience_titles() -> dict[Audience, str]:
    """Every quiz audience in words, for the first-run question."""
    from sochelp.checkup.content import AUDIENCE_TITLES

    titles = dict(AUDIENCE_TITLES)
    titles[Audience.YOUNG_PEOPLE] = "Young people, 11 to 18 (schools and youth work)"
    return titles


def default_audience(state: AppState, *, asking: bool) -> list[Audience]:
    """The audience when --audience is not given: your setting; else, the first time on a
    terminal, asked once with an offer to remember it; else every question."""
    from sochelp import config
    from sochelp.scopes import Activity

    saved = config.saved_audience(Activity.QUIZ)
    env = state.env
    if saved is not None:
        chosen = [] if saved == config.ALL_AUDIENCES else [Audience(saved)]
        if asking and env.interactive:
            from sochelp.render import plain_for

            who = "everyone" if not chosen else saved
            said = (
                f"Questions for: {who} (your setting; --audience or 'sochelp config set "
                "quiz.audience AUDIENCE' changes it).\n"
            )
            env.stderr.write(plain_for(env, said, stderr=True))
        return chosen
    if not (asking and env.interactive):
        return []
    return _ask_audience(state)


def _ask_audience(state: AppState) -> list[Audience]:
    from sochelp import config
    from sochelp.prompting import StreamPrompter, choose, confirm
    from sochelp.scopes import Activity, audiences_for

    prompter = StreamPrompter(state.env)
    titles = audience_titles()
    audiences = list(audiences_for(Activity.QUIZ))
    options = ["Everyone: questions from every list (all)"]
    options += [f"{titles[a]} ({a.value})" for a in audiences]
    prompter.say("Who are the questions for?")
    choice = choose(prompter, options, question="Choose", outcome="no quiz was started.")
    if choice is None:
        from sochelp.errors import InputEndedError

        raise InputEndedError("you left the question; no quiz was started.")
    value = config.ALL_AUDIENCES if choice == 0 else audiences[choice - 1].value
    if confirm(
        prompter, "Remember this for next time?", default=True, outcome="no quiz was started."
    ):
        path = config.remember("quiz.audience", value)
        prompter.say(f"Saved in {path}. Change it with: sochelp config set quiz.audience AUDIENCE")
    else:
        prompter.say("Not saved: sochelp will ask again. For one run: --audience AUDIENCE")
    return [] if choice == 0 else [audiences[choice - 1]]


def _reset(state: AppState, json_output: bool, yes: bool) -> int:
    from sochelp.prompting import StreamPrompter
    from sochelp.quiz.progress import QuizStore
    from sochelp.session.output import reset_saved

    store = QuizStore.open(save=False)
    exists = store.file.path.exists()
    what = "all your saved quiz progress"
    if exists:
        progress = store.progress
        sessions, questions = len(progress.sessions), len(progress.cards)
        what = (
            f"all your saved quiz progress ({questions} question{'s' if questions != 1 else ''}"
            f" answered over {sessions} session{'s' if sessions != 1 else ''}, in "
            f"{store.file.path})"
        )
    return reset_saved(
        state.env,
        StreamPrompter(state.env),
        store.reset,
        what=what,
        nothing="There was no saved quiz progress, so nothing was deleted.",
        exists=exists,
        json_output=json_output,
        yes=yes,
        command="sochelp scam-quiz --reset --yes",
    )


def _stats(state: AppState, content: QuizContent, json_output: bool) -> int:
    from sochelp.quiz.engine import stats
    from sochelp.quiz.progress import QuizStore
    from sochelp.render import show
    from sochelp.render.quiz import STATS_VIEW
    from sochelp.session.core import SystemClock
    from sochelp.session.output import stderr_notices

    progress = QuizStore.open(save=False, notify=stderr_notices(state.env)).progress
    ids, names = content.questions.ids(), content.flag_names
    result = stats(progress.sessions, progress.cards, ids, names, SystemClock().today())
    show(STATS_VIEW, result, state.env.output_mode(json_output), state.env)
    return int(ExitCode.OK)


def _export(
    state: AppState,
    content: QuizContent,
    filters: Filters,
    count: int,
    seed: int | None,
    output: Path | None,
    json_output: bool,
    export: QuizExportFormat,
    large_print: bool,
) -> int:
    import random

    from sochelp.quiz.engine import matching_or_fail, select
    from sochelp.quiz.export import ExportWritten, export_markdown
    from sochelp.render import show
    from sochelp.render.quiz import SHEET_VIEW, WRITTEN_VIEW
    from sochelp.session.core import SystemClock
    from sochelp.session.output import deliver, write_files

    questions = matching_or_fail(content, filters)
    today = SystemClock().today()
    items = select(questions, count, random.Random(seed), today=today)
    if export is QuizExportFormat.HTML:
        from sochelp.render.html.quiz import quiz_page

        if json_output:
            raise UsageError("--json cannot be combined with --export html.")
        page = quiz_page(items, content, today=today, large_print=large_print)
        deliver(state.env, page, output, f"Quiz ({len(items)} questions)")
        return int(ExitCode.OK)
    sheet = export_markdown(items, content, today=today)
    mode = state.env.output_mode(json_output)
    if output is None:
        show(SHEET_VIEW, sheet, mode, state.env)
        return int(ExitCode.OK)
    written = ExportWritten.beside(output, len(items))
    write_files({written.quiz_file: sheet.quiz, written.answers_file: sheet.answers})
    show(WRITTEN_VIEW, written, mode, state.env)
    return int(ExitCode.OK)


def _session(
    state: AppState,
    content: QuizContent,
    filters: Filters,
    count: int,
    seed: int | None,
    review: bool,
    confidence: bool,
    no_save: bool,
    json_output: bool,
    remind: Path | None,
) -> int:
    import random

    from sochelp.environment import OutputMode
    from sochelp.prompting import StreamPrompter
    from sochelp.quiz.engine import matching_or_fail, nothing_due, select
    from sochelp.quiz.progress import QuizStore
    from sochelp.quiz.session import run_quiz
    from sochelp.render import show
    from sochelp.render.quiz import SUMMARY_VIEW, QuizDisplay
    from sochelp.session.core import Ending, SystemClock
    from sochelp.session.output import stderr_notices

    env, clock, mode = state.env, SystemClock(), state.env.output_mode(json_output)
    store = QuizStore.open(save=not no_save, notify=stderr_notices(state.env))
    questions = matching_or_fail(content, filters)
    cards = store.progress.cards
    rng, today = random.Random(seed), clock.today()
    items = select(questions, count, rng, today=today, cards=cards, review_only=review)
    if not items:
        message = nothing_due(questions, cards)
        (env.stderr if mode is OutputMode.JSON else env.stdout).write(message + "\n")
        return int(ExitCode.OK)
    display = QuizDisplay.for_env(env, mode, dict(content.flag_names))
    prompter = StreamPrompter(env)
    summary = run_quiz(
        items, prompter, display, store, clock, content=content, ask_confidence=confidence
    )
    show(SUMMARY_VIEW, summary, mode, env)
    if remind is not None and summary.asked:
        _remind(state, remind, store.progress.cards, clock)
    return int(ExitCode.INTERRUPTED if summary.stop is Ending.INTERRUPTED else ExitCode.OK)


def _remind(state: AppState, path: Path, cards: Mapping[str, Card], clock: SystemClock) -> None:
    from sochelp.quiz.reminder import review_reminder
    from sochelp.session.calendar import write_reminders

    reminder = review_reminder(cards, clock.today())
    write_reminders(path, [reminder], clock.now())
    where = shown_line(str(path))
    state.env.stderr.write(f"Reminder for {reminder.day.isoformat()} written to {where}\n")
    state.env.stderr.flush()


def _present(
    state: AppState,
    content: QuizContent,
    filters: Filters,
    count: int,
    seed: int | None,
    json_output: bool,
) -> int:
    """A facilitated session for a room: nothing is read from or written to saved progress."""
    import random

    from sochelp.prompting import StreamPrompter
    from sochelp.quiz.engine import matching_or_fail, select
    from sochelp.quiz.present import run_room
    from sochelp.render import show
    from sochelp.render.present import ROOM_VIEW, RoomScreen
    from sochelp.session.core import Ending, SystemClock

    env, mode = state.env, state.env.output_mode(json_output)
    questions = matching_or_fail(content, filters)
    items = select(questions, count, random.Random(seed), today=SystemClock().today())
    screen = RoomScreen.for_env(env, mode, dict(content.flag_names))
    summary = run_room(items, StreamPrompter(env), screen, flag_names=content.flag_names)
    show(ROOM_VIEW, summary, mode, env)
    return int(ExitCode.INTERRUPTED if summary.stopped is Ending.INTERRUPTED else ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add ``scam-quiz`` to the application."""
    app.command("scam-quiz", help=HELP, short_help="Learn to spot scams, and keep improving.")(
        scam_quiz
    )
