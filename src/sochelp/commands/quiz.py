"""``sochelp scam-quiz``: learn to spot scams on realistic messages, and keep improving."""

from __future__ import annotations

from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sochelp.commands.common import JsonOption, app_state
from sochelp.errors import ExitCode, UsageError
from sochelp.quiz.levels import Difficulty
from sochelp.scopes import Audience

if TYPE_CHECKING:
    from sochelp.commands.common import AppState
    from sochelp.quiz.content import QuizContent
    from sochelp.quiz.engine import Filters

HELP = """Learn to spot scams on realistic messages, calls and pages, genuine ones mixed in.

Answer with a letter or number (several separated by commas when asked to choose all that
apply), q to stop. Questions you get wrong come back first next time; --review asks only those
due today, --stats shows how you are doing. Progress is kept privately on this computer.
Off a terminal, answers are read one per line from stdin.
"""


class ExportFormat(StrEnum):
    """--export formats."""

    MARKDOWN = "markdown"


def scam_quiz(
    ctx: typer.Context,
    count: Annotated[
        int, typer.Option("--count", "-n", min=1, max=500, help="How many questions to ask.")
    ] = 10,
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic", "-t", help="Only this topic (repeat or comma-separate; see --list-topics)."
        ),
    ] = None,
    audience: Annotated[
        list[Audience] | None,
        typer.Option(
            "--audience",
            "-a",
            case_sensitive=False,
            help="Only questions aimed at this audience (repeatable).",
        ),
    ] = None,
    difficulty: Annotated[
        list[Difficulty] | None,
        typer.Option(
            "--difficulty",
            "-d",
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
    reset: Annotated[
        bool, typer.Option("--reset", help="Delete your saved quiz progress and exit.")
    ] = False,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not save this session's results.")
    ] = False,
    export: Annotated[
        ExportFormat | None,
        typer.Option(
            "--export",
            case_sensitive=False,
            help="Write a printable quiz with a separate answer key (trainer mode).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            dir_okay=False,
            help="With --export: write the quiz to this file and the answer key "
            "next to it (NAME-answers.md).",
        ),
    ] = None,
    json_output: JsonOption = False,
) -> int:
    """Learn to spot scams, and keep improving."""
    actions = [
        name
        for name, on in (
            ("--list-topics", list_topics),
            ("--stats", stats),
            ("--reset", reset),
            ("--export", export is not None),
        )
        if on
    ]
    if len(actions) > 1:
        raise UsageError(f"Use only one of {', '.join(actions)} at a time.")
    if output is not None and export is None:
        raise UsageError(
            "--output is only used with --export.",
            hint="For example: sochelp scam-quiz --export markdown --output quiz.md",
        )
    if review and export is not None:
        raise UsageError("--review cannot be combined with --export.")
    state = app_state(ctx)
    if reset:
        return _reset(state, json_output)

    from sochelp.quiz import content as quiz_content

    content = quiz_content.load(state.store())
    mode = state.env.output_mode(json_output)
    if list_topics:
        from sochelp.render import show
        from sochelp.render.quiz import TOPICS_VIEW

        show(TOPICS_VIEW, content.topics(), mode, state.env)
        return int(ExitCode.OK)
    filters = _filters(content, topic, audience, difficulty)
    if stats:
        return _stats(state, content, json_output)
    if export is not None:
        return _export(state, content, filters, count, seed, output, json_output)

    return _session(
        state,
        content,
        filters,
        count=count,
        seed=seed,
        review=review,
        confidence=confidence,
        save=not no_save,
        json_output=json_output,
    )


def _filters(
    content: QuizContent,
    topics: list[str] | None,
    audiences: list[Audience] | None,
    difficulties: list[Difficulty] | None,
) -> Filters:
    from sochelp.matching import closest_ids
    from sochelp.quiz.engine import Filters

    known = content.topics()
    wanted = {t.strip().lower() for raw in topics or [] for t in raw.split(",") if t.strip()}
    for name in sorted(wanted):
        if name not in known:
            close = closest_ids(list(known), name)
            suggestion = f"Did you mean: {', '.join(close)}? " if close else ""
            raise UsageError(
                f"No quiz topic '{name[:60]}'.",
                hint=f"{suggestion}See 'sochelp scam-quiz --list-topics'.",
            )
    return Filters(frozenset(wanted), frozenset(audiences or []), frozenset(difficulties or []))


def _reset(state: AppState, json_output: bool) -> int:
    import json

    from sochelp.prompting import StreamPrompter
    from sochelp.quiz.progress import ProgressStore

    env = state.env
    store = ProgressStore()
    if env.interactive and not json_output and store.store.path.exists():
        answer = StreamPrompter(env).ask("Delete all your saved quiz progress? [y/N]: ")
        if (answer or "").strip().lower() not in {"y", "yes"}:
            env.stdout.write("Nothing deleted.\n")
            return int(ExitCode.OK)
    existed = store.reset()
    if json_output:
        env.stdout.write(json.dumps({"reset": True, "had_progress": existed}) + "\n")
    else:
        env.stdout.write(
            "Your quiz progress was deleted.\n"
            if existed
            else "There was no saved quiz progress.\n"
        )
    return int(ExitCode.OK)


def _stats(state: AppState, content: QuizContent, json_output: bool) -> int:
    import datetime as dt

    from sochelp.quiz.engine import stats
    from sochelp.quiz.progress import ProgressStore
    from sochelp.render import show
    from sochelp.render.quiz import STATS_VIEW

    progress, notice = ProgressStore().load()
    if notice:
        state.env.stderr.write(f"sochelp: {notice}\n")
    result = stats(
        progress.sessions,
        progress.cards,
        content.questions.ids(),
        content.flag_names,
        dt.date.today(),
    )
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
) -> int:
    import json
    import random

    from sochelp.errors import InputError
    from sochelp.quiz.engine import matching, select
    from sochelp.quiz.export import combined, export_markdown

    env = state.env
    questions = matching(content, filters)
    if not questions:
        raise UsageError(
            "No questions match those filters.",
            hint="See 'sochelp scam-quiz --list-topics', or use fewer filters.",
        )
    items = select(questions, count, random.Random(seed))
    sheet = export_markdown(items, content)
    if output is None:
        if json_output:
            env.stdout.write(json.dumps({"quiz": sheet.quiz, "answers": sheet.answers}) + "\n")
        else:
            env.stdout.write(combined(sheet))
        return int(ExitCode.OK)
    key_path = output.with_name(f"{output.stem}-answers{output.suffix or '.md'}")
    try:
        output.write_text(sheet.quiz, encoding="utf-8")
        key_path.write_text(sheet.answers, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot write {exc.filename}: {exc.strerror}.") from None
    if json_output:
        env.stdout.write(
            json.dumps(
                {"quiz_file": str(output), "answers_file": str(key_path), "questions": len(items)}
            )
            + "\n"
        )
    else:
        env.stdout.write(
            f"Wrote {len(items)} questions to {output} and the answer key to {key_path}.\n"
        )
    return int(ExitCode.OK)


def _session(
    state: AppState,
    content: QuizContent,
    filters: Filters,
    *,
    count: int,
    seed: int | None,
    review: bool,
    confidence: bool,
    save: bool,
    json_output: bool,
) -> int:
    import datetime as dt
    import random

    from sochelp.environment import OutputMode
    from sochelp.errors import StorageError
    from sochelp.prompting import StreamPrompter
    from sochelp.quiz.engine import (
        Answer,
        Stop,
        leitner_move,
        matching,
        select,
        session_record,
        summarise,
    )
    from sochelp.quiz.progress import Progress, ProgressStore
    from sochelp.quiz.session import run_session
    from sochelp.render import show
    from sochelp.render.quiz import SUMMARY_VIEW, QuizDisplay

    env = state.env
    mode = env.output_mode(json_output)
    store = ProgressStore(enabled=save)
    try:
        progress, notice = store.load()
    except StorageError as error:
        # Unreadable (not corrupt) progress: quiz anyway, but never overwrite what is there.
        progress, notice = Progress(), f"{error.message} This session will not be saved."
        store = ProgressStore(enabled=False)
        save = False
    notices = [notice] if notice else []
    if notice:
        env.stderr.write(f"sochelp: {notice}\n")
    today = dt.date.today()
    questions = matching(content, filters)
    if not questions:
        raise UsageError(
            "No questions match those filters.",
            hint="See 'sochelp scam-quiz --list-topics', or use fewer filters.",
        )
    items = select(
        questions, count, random.Random(seed), cards=progress.cards, today=today, review_only=review
    )
    if not items:
        message = "Nothing is due for review today. Well done!"
        upcoming = [c.due for q in questions if (c := progress.cards.get(q.id)) is not None]
        if upcoming:
            message += f" The next question is due on {min(upcoming).isoformat()}."
        (env.stderr if mode is OutputMode.JSON else env.stdout).write(message + "\n")
        return int(ExitCode.OK)

    if mode is OutputMode.JSON:
        target = env.stderr if env.stdin_isatty else None
    else:
        target = env.stderr if env.stdin_isatty and not env.stdout_isatty else env.stdout
    rich = target is not None and (
        (mode is OutputMode.RICH and target is env.stdout)
        or (target is env.stderr and env.stderr_rich)
    )
    display = QuizDisplay(env, target, rich, dict(content.flag_names))
    if env.interactive and target is not None:
        target.write(
            f"{len(items)} question{'s' if len(items) != 1 else ''}. "
            "Answer with a letter or number; q stops and keeps your answers.\n"
        )
    started = dt.datetime.now().isoformat(timespec="seconds")
    answered: list[Answer] = []
    saving = {"on": save, "saved": False}

    def persist() -> None:
        if not saving["on"] or not answered:
            return
        try:
            store.save(progress)
            saving["saved"] = True
        except StorageError as error:
            saving["on"] = False
            saving["saved"] = False
            warning = f"{error.message} This session will not be saved."
            notices.append(warning)
            env.stderr.write(f"sochelp: {warning}\n")

    def on_answer(answer: Answer) -> None:
        answered.append(answer)
        qid = answer.question_id
        progress.cards[qid] = leitner_move(progress.cards.get(qid), answer.correct, today)
        progress.record_session(session_record(started, answered), update_last=len(answered) > 1)
        persist()

    answers, stop = run_session(
        items, StreamPrompter(env), display, ask_confidence=confidence, on_answer=on_answer
    )
    persist()  # again, in case Ctrl-C arrived while the last answer was being saved
    if env.stdin_isatty and stop in (Stop.INTERRUPTED, Stop.END_OF_INPUT):
        # ^C or ^D left the cursor after the prompt; start the summary on a line of its own.
        env.stderr.write("\n")
        env.stderr.flush()
    summary = summarise(answers, len(items), stop, content)
    summary = replace(summary, saved=bool(saving["saved"]), notices=tuple(notices))
    show(SUMMARY_VIEW, summary, mode, env)
    return int(ExitCode.INTERRUPTED if stop is Stop.INTERRUPTED else ExitCode.OK)


def register(app: typer.Typer) -> None:
    """Add ``scam-quiz`` to the application."""
    app.command("scam-quiz", help=HELP, short_help="Learn to spot scams, and keep improving.")(
        scam_quiz
    )
