"""The facilitated quiz (``scam-quiz --present``): a person leads a room through the questions.

The third interactive activity on :mod:`sochelp.session`: the facilitator moves on and back
(:func:`~sochelp.session.core.navigate`), reveals the answer and the red flags, and types the
room's show of hands for each choice, or skips. Nothing is saved anywhere: the room's counts
exist only for the summary at the end.

What the facilitator types (then Enter) at each question::

    Enter or n   next question          b   back
    r            reveal (or hide) the answer and the red flags
    t            type the show of hands, choice by choice (Enter skips a choice)
    5 3 0 1      the show of hands for A, B, C, D in one line
    s            skip: no count for this question, next
    q            stop (the summary covers the questions so far)     ?   these keys

How the summary counts (see :func:`summarise_room`):

- one-answer questions (scam or genuine, multiple choice): the hands for each choice are the
  room's answers; "right" is the hands for the right choice, out of all hands raised;
- spot-the-flags (choose all that apply): each person may raise a hand for several choices, so
  the share right is the average, over the real red flags, of the hands that spotted it out of
  the people in the room (asked once at the start; without it, the largest count on the
  question stands in for the room);
- a red flag is "missed" by everyone who did not pick it (spot-the-flags) or who got the question
  wrong (one-answer questions); questions "most of the room missed" are those under half right.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sochelp.prompting import Prompter
from sochelp.quiz.content import Format
from sochelp.quiz.engine import Item
from sochelp.session.core import Ending, Move, is_quit, navigate

#: Largest show of hands accepted for one choice (a hall, not a stadium).
MAX_HANDS = 10_000
#: Answers not understood at one question before the session stops (keeps loops bounded).
MAX_INVALID = 50

KEYS_HELP = (
    "Enter or n next · b back · r reveal · t type the show of hands "
    "(or type the counts, e.g. 5 3 0 1) · s skip · q stop · ? keys"
)
COMMAND_PROMPT = "[Enter next, b back, r reveal, t hands, s skip, q stop]: "
PEOPLE_PROMPT = "How many people are taking part? (a number, or Enter to skip): "

_NUMBERS = re.compile(r"^\s*\d+(?:[\s,;/]+\d+)*\s*$")


@dataclass(frozen=True)
class ChoiceCount:
    """The hands raised for one choice."""

    letter: str
    text: str
    correct: bool
    hands: int


@dataclass(frozen=True)
class RoomQuestion:
    """How the room answered one question (``hands`` None when not counted)."""

    number: int
    id: str
    format: Format
    prompt: str
    revealed: bool
    choices: tuple[ChoiceCount, ...] | None
    responses: int
    right: int
    share_right: float | None


@dataclass(frozen=True)
class RoomFlag:
    """One red flag across the counted questions: how many answers could have spotted it and
    how many missed it."""

    id: str
    name: str
    seen: int
    missed: int


@dataclass(frozen=True)
class RoomSummary:
    """The end of a facilitated session."""

    stopped: Ending
    people: int | None
    planned: int
    shown: int
    questions: tuple[RoomQuestion, ...]
    red_flags: tuple[RoomFlag, ...]
    #: Numbers of the questions most of the room missed (under half right), worst first.
    missed_by_most: tuple[int, ...]
    saved: bool = False


class RoomDisplay(Protocol):
    """Where the room sees the questions (a full-screen terminal, or plain text)."""

    def start(self, total: int) -> None:
        """The session begins."""
        ...

    def question(self, item: Item, *, revealed: bool, hands: tuple[int, ...] | None) -> None:
        """Show one question (and its answer when revealed, the hands when counted)."""
        ...

    def problem(self, text: str) -> None:
        """Say what was wrong with what the facilitator typed."""
        ...

    def help(self) -> None:
        """Show the keys."""
        ...

    def end(self, ending: Ending) -> None:
        """The session is over (leave the full screen)."""
        ...


def parse_hands(text: str, choices: int) -> tuple[int, ...] | str:
    """Counts typed in one line ("5 3 0 1"), or what is wrong with them."""
    numbers = [int(n) for n in re.split(r"[\s,;/]+", text.strip()) if n]
    if len(numbers) != choices:
        return f"Type {choices} numbers, one for each choice (A to {chr(64 + choices)})."
    if any(n > MAX_HANDS for n in numbers):
        return f"A count can be at most {MAX_HANDS}."
    return tuple(numbers)


def _read_count(prompter: Prompter, display: RoomDisplay, prompt: str) -> int | Ending | None:
    """One number (None when skipped with Enter); an ending on q or end of input."""
    for _ in range(MAX_INVALID):
        line = prompter.ask(prompt)
        if line is None:
            return Ending.END_OF_INPUT
        text = line.strip()
        if not text:
            return None
        if is_quit(text):
            return Ending.QUIT
        if text.isdigit() and int(text) <= MAX_HANDS:
            return int(text)
        display.problem(f"Type a number from 0 to {MAX_HANDS}, or press Enter to skip.")
    return Ending.QUIT


def _ask_hands(item: Item, prompter: Prompter, display: RoomDisplay) -> tuple[int, ...] | Ending:
    counts: list[int] = []
    for option in item.options:
        count = _read_count(prompter, display, f"Hands for {option.letter} ({option.text[:40]}): ")
        if isinstance(count, Ending):
            return count
        counts.append(count or 0)
    return tuple(counts)


def run_room(
    items: Sequence[Item],
    prompter: Prompter,
    display: RoomDisplay,
    *,
    flag_names: Mapping[str, str],
    ask_people: bool = True,
) -> RoomSummary:
    """Lead the room through ``items`` until the end, q, end of input or Ctrl-C."""
    people: int | None = None
    hands: dict[int, tuple[int, ...]] = {}
    revealed: set[int] = set()
    shown: set[int] = set()
    display.start(len(items))
    if ask_people:
        answer = _read_count(prompter, display, PEOPLE_PROMPT)
        if isinstance(answer, Ending):
            display.end(answer)
            return summarise_room(items, hands, revealed, shown, people, answer, flag_names)
        people = answer or None

    def step(index: int) -> Move | Ending:
        item = items[index]
        shown.add(index)
        for _ in range(MAX_INVALID):
            display.question(item, revealed=index in revealed, hands=hands.get(index))
            line = prompter.ask(COMMAND_PROMPT)
            if line is None:
                return Ending.END_OF_INPUT
            outcome = _command(line, index, item, prompter, display, hands, revealed)
            if outcome is not None:
                return outcome
        display.problem("Too many entries that were not understood; stopping.")
        return Ending.QUIT

    ending = navigate(len(items), step)
    display.end(ending)
    return summarise_room(items, hands, revealed, shown, people, ending, flag_names)


def _command(
    line: str,
    index: int,
    item: Item,
    prompter: Prompter,
    display: RoomDisplay,
    hands: dict[int, tuple[int, ...]],
    revealed: set[int],
) -> Move | Ending | None:
    """Carry out one typed command; a move or ending, or None to show the question again."""
    text = line.strip().lower()
    if text in ("", "n", "next"):
        return Move.NEXT
    if is_quit(text):
        return Ending.QUIT
    if text in ("b", "back", "p"):
        if index == 0:
            display.problem("This is the first question.")
            return None
        return Move.BACK
    if text in ("r", "reveal"):
        revealed.symmetric_difference_update({index})
        return None
    if text in ("s", "skip"):
        hands.pop(index, None)
        return Move.NEXT
    if text in ("?", "h", "help"):
        display.help()
        return None
    if text in ("t", "hands", "tally"):
        counted = _ask_hands(item, prompter, display)
        if isinstance(counted, Ending):
            return counted
        hands[index] = counted
        return None
    if _NUMBERS.match(text):
        parsed = parse_hands(text, len(item.options))
        if isinstance(parsed, str):
            display.problem(parsed)
        else:
            hands[index] = parsed
        return None
    shown = "(a very long line)" if "\x00" in line else line.strip()[:30]
    display.problem(f"'{shown}' is not a key here. {KEYS_HELP}.")
    return None


def _question_result(
    item: Item, counts: tuple[int, ...] | None, people: int | None, revealed: bool
) -> RoomQuestion:
    question = item.question
    choices = (
        tuple(
            ChoiceCount(o.letter, o.text, o.correct, n)
            for o, n in zip(item.options, counts, strict=True)
        )
        if counts is not None
        else None
    )
    responses = right = 0
    share: float | None = None
    if counts is not None and sum(counts) > 0:
        if item.multi:
            responses = max(people or 0, max(counts))
            spotted = [min(counts[i], responses) for i in item.correct_indices]
            share = sum(spotted) / (len(spotted) * responses)
            right = round(share * responses)
        else:
            responses = sum(counts)
            right = sum(counts[i] for i in item.correct_indices)
            share = right / responses
    return RoomQuestion(
        item.number,
        question.id,
        question.format,
        question.prompt,
        revealed,
        choices,
        responses,
        right,
        None if share is None else round(share, 3),
    )


def _flag_counts(
    item: Item, result: RoomQuestion, seen: dict[str, int], missed: dict[str, int]
) -> None:
    if result.choices is None or result.responses == 0:
        return
    if item.multi:
        for i in item.correct_indices:
            flag = item.options[i].red_flag
            if flag is None:
                continue
            got = min(result.choices[i].hands, result.responses)
            seen[flag] = seen.get(flag, 0) + result.responses
            missed[flag] = missed.get(flag, 0) + result.responses - got
        return
    for flag in item.question.all_flags:
        seen[flag] = seen.get(flag, 0) + result.responses
        missed[flag] = missed.get(flag, 0) + result.responses - result.right


def summarise_room(
    items: Sequence[Item],
    hands: Mapping[int, tuple[int, ...]],
    revealed: set[int],
    shown: set[int],
    people: int | None,
    stopped: Ending,
    flag_names: Mapping[str, str],
) -> RoomSummary:
    """The room's answers per question and per red flag, and the questions most missed."""
    results: list[RoomQuestion] = []
    seen: dict[str, int] = {}
    missed: dict[str, int] = {}
    for index in sorted(shown):
        item = items[index]
        result = _question_result(item, hands.get(index), people, index in revealed)
        results.append(result)
        _flag_counts(item, result, seen, missed)
    flags = [RoomFlag(f, flag_names.get(f, f), seen[f], missed.get(f, 0)) for f in seen]
    flags.sort(key=lambda f: (-f.missed / f.seen if f.seen else 0, -f.missed, f.id))
    worst = sorted(
        (r for r in results if r.share_right is not None and r.share_right < 0.5),
        key=lambda r: (r.share_right, r.number),
    )
    return RoomSummary(
        stopped=stopped,
        people=people,
        planned=len(items),
        shown=len(results),
        questions=tuple(results),
        red_flags=tuple(flags),
        missed_by_most=tuple(r.number for r in worst),
    )
