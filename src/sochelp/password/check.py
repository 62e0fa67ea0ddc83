"""The whole ``sochelp password`` check: strength, breach status, advice and the exit status."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import Field, computed_field

from sochelp.breach.interface import BreachSource, BreachStatus, HashedPassword
from sochelp.errors import ExitCode
from sochelp.password.dictionary import PasswordContent
from sochelp.password.strength import CrackTimes, StrengthReport, evaluate

#: Scores at or above this are strong enough by default (zxcvbn: "safely unguessable").
DEFAULT_MIN_SCORE = 3

NOT_REQUESTED = "skipped (--no-breach-check)"


@dataclass(frozen=True)
class AdviceItem:
    """One piece of advice to show, with its source."""

    id: str
    title: str
    text: str
    source: str


class PasswordVerdict(StrEnum):
    """What the check found, most serious first."""

    BREACHED = "breached"
    WEAK = "weak"
    UNCHECKED = "unchecked"  # strong enough, but the breach check could not be done
    OK = "ok"


@dataclass(frozen=True)
class PasswordResult:
    """Everything shown for one password; it holds neither the password nor its full hash.

    In JSON the strength report is laid out flat, next to the minimum, the verdict and the
    breach status (see ``docs/schema/password.json``).
    """

    strength: Annotated[StrengthReport, Field(exclude=True)]
    breach: BreachStatus
    min_score: int
    advice: tuple[AdviceItem, ...]
    #: False when the user turned the breach check off.
    breach_requested: Annotated[bool, Field(exclude=True)] = True

    @property
    def weak(self) -> bool:
        """The score is below the minimum asked for."""
        return self.strength.score < self.min_score

    @property
    def breach_incomplete(self) -> bool:
        """A breach check was wanted but could not be done."""
        return self.breach_requested and not self.breach.checked

    @computed_field  # type: ignore[prop-decorator]
    @property
    def verdict(self) -> PasswordVerdict:
        """breached, weak, unchecked (strong enough but not checked) or ok."""
        if self.breach.found:
            return PasswordVerdict.BREACHED
        if self.weak:
            return PasswordVerdict.WEAK
        if self.breach_incomplete:
            return PasswordVerdict.UNCHECKED
        return PasswordVerdict.OK

    @property
    def exit_code(self) -> ExitCode:
        """1 weak or breached; 3 breach check incomplete (and not weak); else 0."""
        verdict = self.verdict
        if verdict in {PasswordVerdict.BREACHED, PasswordVerdict.WEAK}:
            return ExitCode.FINDINGS
        if verdict is PasswordVerdict.UNCHECKED:
            return ExitCode.INCOMPLETE
        return ExitCode.OK

    # The strength report, flat (for JSON).
    @computed_field  # type: ignore[prop-decorator]
    @property
    def score(self) -> int:
        """zxcvbn's score, 0-4."""
        return self.strength.score

    @computed_field  # type: ignore[prop-decorator]
    @property
    def guesses_log10(self) -> float:
        """How many guesses it would take, as a power of ten."""
        return self.strength.guesses_log10

    @computed_field  # type: ignore[prop-decorator]
    @property
    def crack_times(self) -> CrackTimes:
        """How long guessing would take."""
        return self.strength.crack_times

    @computed_field  # type: ignore[prop-decorator]
    @property
    def warning(self) -> str | None:
        """zxcvbn's warning, if it has one."""
        return self.strength.warning or None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def suggestions(self) -> tuple[str, ...]:
        """zxcvbn's suggestions."""
        return self.strength.suggestions

    @computed_field  # type: ignore[prop-decorator]
    @property
    def local_warnings(self) -> tuple[str, ...]:
        """Why the password is guessable in local terms."""
        return self.strength.local_warnings

    @computed_field  # type: ignore[prop-decorator]
    @property
    def length_evaluated(self) -> int:
        """How many characters were rated."""
        return self.strength.length_evaluated

    @computed_field  # type: ignore[prop-decorator]
    @property
    def truncated(self) -> bool:
        """Only the start of a very long password was rated."""
        return self.strength.truncated

    @computed_field  # type: ignore[prop-decorator]
    @property
    def substitutions_limited(self) -> bool:
        """Not every look-alike substitution was tried."""
        return self.strength.substitutions_limited


class _Lookup:
    """One breach lookup on a daemon thread (the hash is computed before it starts)."""

    def __init__(self, source: BreachSource, hashed: HashedPassword) -> None:
        self._source = source
        self._hashed = hashed
        self._status: BreachStatus | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="sochelp-lookup", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._status = self._source.status(self._hashed)
        except BaseException as error:  # handed to the waiting thread
            self._error = error

    def result(self) -> BreachStatus:
        """Wait for the lookup (in short steps, so Ctrl-C stays responsive)."""
        while self._thread.is_alive():
            self._thread.join(0.05)
        if self._error is not None:
            raise self._error
        assert self._status is not None
        return self._status


def select_advice(
    content: PasswordContent, *, weak: bool, breached: bool
) -> tuple[AdviceItem, ...]:
    """Advice for this outcome: breached first, then weak, then what always applies."""
    wanted = [("breached", breached), ("weak", weak), ("always", True)]
    chosen: list[AdviceItem] = []
    for occasion, applies in wanted:
        if not applies:
            continue
        for item in content.advice:
            if occasion in item.show_when and all(a.id != item.id for a in chosen):
                chosen.append(AdviceItem(item.id, item.title, item.text, item.source))
    return tuple(chosen)


def check_password(
    password: str,
    *,
    content: PasswordContent,
    source: BreachSource | None,
    user_inputs: Sequence[str] = (),
    min_score: int = DEFAULT_MIN_SCORE,
) -> PasswordResult:
    """Rate the password and look it up in ``source`` (None: no breach check).

    The lookup (with its HTTP set-up) runs on a thread while the rating runs here, so the breach
    check costs little more than the rating alone.
    """
    lookup = _Lookup(source, HashedPassword.of(password)) if source is not None else None
    strength = evaluate(password, user_inputs, content.local_words)
    breach = lookup.result() if lookup is not None else BreachStatus.skipped(NOT_REQUESTED)
    weak = strength.score < min_score
    return PasswordResult(
        strength=strength,
        breach=breach,
        min_score=min_score,
        advice=select_advice(content, weak=weak, breached=breach.found),
        breach_requested=source is not None,
    )
