"""Asking the checklist questions through a :class:`~sochelp.prompting.Prompter`.

The same loop runs on a terminal, from piped stdin (one answer per line) and in tests. Input:
y / p / n / na (or 1-4) answer; ``?`` explains why the item matters and how to do it; ``q`` stops
and keeps the answers so far; anything else asks again. End of input stops like ``q``; Ctrl-C
stops too and is reported as interrupted. Every answer is handed to ``on_answer`` straight away,
so nothing given is lost however the session ends.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sochelp.checkup.answers import ANSWER_NAMES, Answer, Command, parse_input
from sochelp.checkup.content import EFFORT_NAMES, IMPACT_NAMES, Item
from sochelp.checkup.progress import CheckupStore
from sochelp.prompting import Prompter
from sochelp.session.core import Clock, Ending, drive

if TYPE_CHECKING:
    # The scoring (sochelp.checkup.engine) is imported once there are answers to score.
    from sochelp.checkup.engine import CheckupResult

#: Invalid answers accepted for one question before the session stops (keeps loops bounded).
MAX_INVALID_PER_QUESTION = 50

ANSWER_HINT = "y = yes, p = partly, n = no, na = not applicable (or 1-4); ? = why and how; q = stop"


#: How a session ended (COMPLETE is the shared FINISHED; STOPPED is QUIT).
Outcome = Ending


@dataclass(frozen=True)
class SessionResult:
    """All answers (including those given before this session) and how it ended."""

    answers: Mapping[str, Answer]
    outcome: Ending
    asked: int


class Display(Protocol):
    """Where the check-up talks to the person answering."""

    def say(self, text: str) -> None:
        """A line for the person answering (questions, help; nothing when answers are piped)."""
        ...

    def warn(self, text: str) -> None:
        """A problem a script feeding the answers should see too."""
        ...

    def end(self, ending: Ending) -> None:
        """The questions are over."""
        ...


def explain(item: Item) -> list[str]:
    """The help shown for ``?``: why it matters, how to do it, sources and related commands."""
    from sochelp.checkup.engine import related_commands

    lines = [
        f"Why it matters: {item.why}",
        f"Impact: {IMPACT_NAMES[int(item.impact)]}. Effort: {EFFORT_NAMES[int(item.effort)]}.",
        "How to do it:",
    ]
    lines.extend(f"  - {step}" for step in item.steps)
    lines.extend(f"  Source: {link}" for link in item.links)
    lines.extend(f"  See also: {ref}" for ref in related_commands(item))
    return lines


def run_session(
    prompter: Prompter,
    items: Sequence[Item],
    *,
    answers: Mapping[str, Answer] | None = None,
    previous: Mapping[str, Answer] | None = None,
    on_answer: Callable[[Mapping[str, Answer]], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> SessionResult:
    """Ask every item not yet in ``answers``; ``previous`` (last completed run) is shown as a hint.

    ``warn`` receives messages about invalid input that the prompter may not show (off a
    terminal the prompter is silent, but a script should still learn that a line was skipped).
    """
    given: dict[str, Answer] = dict(answers or {})
    previous = previous or {}
    total = len(items)
    asked = 0

    def ask(item: Item) -> Ending | None:
        nonlocal asked
        position = sum(1 for i in items if i.id in given) + 1
        prompter.say("")
        prompter.say(f"[{position}/{total}] {item.section}")
        prompter.say(item.question)
        before = previous.get(item.id)
        last = f" (last time: {ANSWER_NAMES[before]})" if before else ""
        reply = _ask_one(prompter, item, last, warn)
        if reply is None:
            return Ending.END_OF_INPUT
        if reply is Command.QUIT:
            return Ending.QUIT
        assert isinstance(reply, Answer)
        given[item.id] = reply
        asked += 1
        if on_answer is not None:
            on_answer(given)
        return None

    ending = drive([item for item in items if item.id not in given], ask)
    return SessionResult(given, ending, asked)


def _ask_one(
    prompter: Prompter, item: Item, last: str, warn: Callable[[str], None] | None
) -> Answer | Command | None:
    """One question until a valid answer, 'q' (Command.QUIT) or end of input (None)."""
    for _ in range(MAX_INVALID_PER_QUESTION):
        line = prompter.ask(f"Your answer{last} [y/p/n/na, ? help, q stop]: ")
        if line is None:
            return None
        parsed = parse_input(line)
        if parsed is Command.HELP:
            for text in explain(item):
                prompter.say(text)
            continue
        if parsed is not None:
            return parsed
        shown = line.strip()[:40] if line != "\x00too-long" else "(a very long line)"
        prompter.say(f"Sorry, '{shown}' is not an answer. {ANSWER_HINT}.")
        if warn is not None:
            question = item.question if len(item.question) <= 90 else item.question[:89] + "…"
            warn(
                f"'{shown}' is not an answer to \"{question}\"; reading the next line. "
                f"{ANSWER_HINT}."
            )
    prompter.say("Too many answers that were not understood; stopping. Your answers are kept.")
    if warn is not None:
        warn("too many answers that were not understood; stopping with the answers so far.")
    return Command.QUIT


@dataclass(frozen=True)
class CheckupRun:
    """The result to show (None when no answer was given) and how the session ended."""

    result: CheckupResult | None
    ending: Ending


def run_checkup(
    items: Sequence[Item],
    prompter: Prompter,
    display: Display,
    store: CheckupStore,
    clock: Clock,
    *,
    audience: str,
    title: str,
    restart: bool = False,
) -> CheckupRun:
    """Ask the questions (continuing an unfinished check-up unless ``restart``), saving after
    every answer; compare a completed check-up with the one before."""
    saved = store.get(audience)
    done = saved.last_completed
    start: dict[str, Answer] = {}
    if saved.unfinished and not restart:
        ids = {item.id for item in items}
        start = {k: v for k, v in saved.unfinished.answers.items() if k in ids}
    _introduce(display, title, len(items), len(start))

    def keep(answers: Mapping[str, Answer]) -> None:
        store.save_unfinished(audience, answers, _stamp(clock))

    session = run_session(
        prompter,
        items,
        answers=start,
        previous=done.answers if done else None,
        on_answer=keep,
        warn=display.warn,
    )
    display.end(session.outcome)
    answers = dict(session.answers)
    if not answers and session.outcome is not Ending.INTERRUPTED:
        if session.outcome is Ending.FINISHED:  # (a checklist with no items)
            store.complete(audience, answers, _stamp(clock))
        return CheckupRun(None, session.outcome)  # nothing to score
    from sochelp.checkup.engine import build_result, compare

    if session.outcome is Ending.INTERRUPTED:
        return CheckupRun(build_result(audience, title, items, answers), session.outcome)
    comparison = None
    now = _stamp(clock)
    if session.outcome is Ending.FINISHED:
        if done is not None:
            comparison = compare(items, done.answers, answers, done.completed)
        store.complete(audience, answers, now)
    result = build_result(
        audience,
        title,
        items,
        answers,
        comparison=comparison,
        date=now,
        resumed=bool(start),
        saved=store.saving,
    )
    return CheckupRun(result, session.outcome)


def _introduce(display: Display, title: str, total: int, resumed: int) -> None:
    display.say(f"Check-up: {title} ({total} questions)")
    if resumed:
        display.say(
            f"Continuing your unfinished check-up: {resumed} of {total} already "
            "answered (use --restart to start again)."
        )
    display.say("Answer y, p, n or na; ? explains a question; q stops and keeps your answers.")


def _stamp(clock: Clock) -> str:
    """Check-up dates are UTC with an offset, as they always were."""
    import datetime as dt

    return clock.now().astimezone(dt.UTC).isoformat(timespec="seconds")


def last_result(
    items: Sequence[Item], store: CheckupStore, *, audience: str, title: str
) -> CheckupResult | None:
    """The last saved check-up (an unfinished one first), compared with the one before."""
    from sochelp.checkup.engine import build_result, compare

    saved = store.get(audience)
    if saved.unfinished:
        answers = saved.unfinished.answers
        return build_result(audience, title, items, answers, date=saved.unfinished.updated)
    done = saved.last_completed
    if done is None:
        return None
    comparison = None
    if len(saved.history) >= 2:
        before = saved.history[-2]
        comparison = compare(items, before.answers, done.answers, before.completed)
    return build_result(
        audience, title, items, done.answers, comparison=comparison, date=done.completed
    )
