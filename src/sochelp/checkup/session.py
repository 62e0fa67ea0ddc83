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
from enum import StrEnum

from sochelp.checkup.content import EFFORT_NAMES, IMPACT_NAMES, Item
from sochelp.checkup.engine import (
    ANSWER_NAMES,
    Answer,
    Command,
    parse_input,
    related_commands,
)
from sochelp.prompting import Prompter

#: Invalid answers accepted for one question before the session stops (keeps loops bounded).
MAX_INVALID_PER_QUESTION = 50

ANSWER_HINT = "y = yes, p = partly, n = no, na = not applicable (or 1-4); ? = why and how; q = stop"


class Outcome(StrEnum):
    """How a session ended."""

    COMPLETE = "complete"
    STOPPED = "stopped"  # 'q', or too many invalid answers
    END_OF_INPUT = "eof"
    INTERRUPTED = "interrupted"  # Ctrl-C


@dataclass(frozen=True)
class SessionResult:
    """All answers (including those given before this session) and how it ended."""

    answers: Mapping[str, Answer]
    outcome: Outcome
    asked: int


def explain(item: Item) -> list[str]:
    """The help shown for ``?``: why it matters, how to do it, sources and related commands."""
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
    pending = [item for item in items if item.id not in given]
    total = len(items)
    asked = 0
    try:
        for item in pending:
            position = sum(1 for i in items if i.id in given) + 1
            prompter.say("")
            prompter.say(f"[{position}/{total}] {item.section}")
            prompter.say(item.question)
            before = previous.get(item.id)
            last = f" (last time: {ANSWER_NAMES[before]})" if before else ""
            reply = _ask_one(prompter, item, last, warn)
            if reply is None:
                return SessionResult(given, Outcome.END_OF_INPUT, asked)
            if reply is Command.QUIT:
                return SessionResult(given, Outcome.STOPPED, asked)
            assert isinstance(reply, Answer)
            given[item.id] = reply
            asked += 1
            if on_answer is not None:
                on_answer(given)
    except KeyboardInterrupt:
        return SessionResult(given, Outcome.INTERRUPTED, asked)
    return SessionResult(given, Outcome.COMPLETE, asked)


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
            warn(
                f"'{shown}' is not an answer to '{item.id}'; reading the next line. {ANSWER_HINT}."
            )
    prompter.say("Too many answers that were not understood; stopping. Your answers are kept.")
    if warn is not None:
        warn("too many answers that were not understood; stopping with the answers so far.")
    return Command.QUIT
