"""The pieces of an interactive session that do not depend on the activity."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Protocol, TypeVar

#: Words that stop a session (or leave a menu), wherever an answer is read.
QUIT_WORDS = frozenset({"q", "quit", "stop", "exit"})

T = TypeVar("T")


def is_quit(text: str) -> bool:
    """True when a typed line asks to stop."""
    return text.strip().lower() in QUIT_WORDS


class Ending(StrEnum):
    """How a session ended (the quiz's ``--json`` says it as ``stopped``)."""

    FINISHED = "finished"
    QUIT = "quit"  # 'q', or too many answers that were not understood
    END_OF_INPUT = "end-of-input"  # Ctrl-D, or the end of piped answers
    INTERRUPTED = "interrupted"  # Ctrl-C

    @property
    def early(self) -> bool:
        """True when the session stopped before its last question."""
        return self is not Ending.FINISHED


class Clock(Protocol):
    """Where a session gets the time: passed in, so engines never read it themselves."""

    def today(self) -> dt.date:
        """Today's local date."""
        ...

    def now(self) -> dt.datetime:
        """The current local time, without microseconds."""
        ...


#: Set to a date (YYYY-MM-DD) to run as if it were that day (reproducible output, tests).
TODAY_VARIABLE = "SOCHELP_TODAY"


def configured_today() -> dt.date:
    """``SOCHELP_TODAY`` if set, else the system date; a usage error for a value that is not a
    date."""
    import os

    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        from sochelp.errors import UsageError

        raise UsageError(
            # repr() so that escape codes in the variable are shown, never run.
            f"{TODAY_VARIABLE} is not a date: {value[:40]!r}.",
            hint=f"Use the form YYYY-MM-DD, or unset {TODAY_VARIABLE}.",
        ) from None


class SystemClock:
    """The computer's clock (used at the edge, by the commands); its day is
    :func:`configured_today`, so every command agrees on what today is."""

    def today(self) -> dt.date:
        return configured_today()

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class FixedClock:
    """A clock that always says the same (for tests and reproducible runs)."""

    at: dt.datetime

    def today(self) -> dt.date:
        return self.at.date()

    def now(self) -> dt.datetime:
        return self.at


def drive(items: Iterable[T], step: Callable[[T], Ending | None]) -> Ending:
    """Run ``step`` on each item until one returns an ending; Ctrl-C ends as INTERRUPTED.

    ``step`` saves what it was given before returning, so every way of stopping keeps the
    answers so far.
    """
    try:
        for item in items:
            ending = step(item)
            if ending is not None:
                return ending
    except KeyboardInterrupt:
        return Ending.INTERRUPTED
    return Ending.FINISHED


class Move(IntEnum):
    """Where a step of :func:`navigate` goes next."""

    BACK = -1
    NEXT = 1


def navigate(count: int, step: Callable[[int], Move | Ending]) -> Ending:
    """Run ``step`` on positions 0..count-1, going where each step says (back stops at the
    first); moving on from the last finishes. Ctrl-C ends as INTERRUPTED.

    For activities a person leads rather than answers, such as the facilitated quiz, where going
    back to a question is as normal as going on.
    """
    position = 0
    try:
        while 0 <= position < count:
            outcome = step(position)
            if isinstance(outcome, Ending):
                return outcome
            position = max(0, position + int(outcome))
    except KeyboardInterrupt:
        return Ending.INTERRUPTED
    return Ending.FINISHED
