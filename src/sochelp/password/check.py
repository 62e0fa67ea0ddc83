"""The whole ``sochelp password`` check: strength, breach status, advice and the exit status."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sochelp.breach.interface import BreachSource, BreachStatus, HashedPassword
from sochelp.errors import ExitCode
from sochelp.password.dictionary import PasswordContent
from sochelp.password.strength import StrengthReport, evaluate

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


@dataclass(frozen=True)
class PasswordResult:
    """Everything shown for one password; it holds neither the password nor its full hash."""

    strength: StrengthReport
    breach: BreachStatus
    min_score: int
    advice: tuple[AdviceItem, ...]
    #: False when the user turned the breach check off.
    breach_requested: bool = True

    @property
    def weak(self) -> bool:
        """The score is below the minimum asked for."""
        return self.strength.score < self.min_score

    @property
    def breach_incomplete(self) -> bool:
        """A breach check was wanted but could not be done."""
        return self.breach_requested and not self.breach.checked

    @property
    def verdict(self) -> str:
        """breached, weak, unchecked (strong enough but not checked) or ok."""
        if self.breach.found:
            return "breached"
        if self.weak:
            return "weak"
        if self.breach_incomplete:
            return "unchecked"
        return "ok"

    @property
    def exit_code(self) -> ExitCode:
        """1 weak or breached; 3 breach check incomplete (and not weak); else 0."""
        verdict = self.verdict
        if verdict in {"breached", "weak"}:
            return ExitCode.FINDINGS
        if verdict == "unchecked":
            return ExitCode.INCOMPLETE
        return ExitCode.OK


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
