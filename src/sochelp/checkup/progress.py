"""Saved check-up answers: an unfinished check-up per audience and the history of completed ones.

Kept in ``checkup.json`` in the data folder through :class:`sochelp.session.store.ProgressFile`
(versioned, private, written atomically, validated by the models below). The document body,
unchanged since the first version::

    {"audiences": {"business": {
        "unfinished": {"answers": {"biz-backups": "yes", ...}, "updated": "2026-11-25T10:00:00"},
        "history": [{"completed": "2026-11-20T09:00:00+00:00", "answers": {...}}, ...]}}}

A file that does not fit is moved aside with a notice (as for the quiz), never half-read.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pydantic import BaseModel, Field

from sochelp.checkup.engine import Answer
from sochelp.session.store import ProgressFile

STORE_NAME = "checkup"
STORE_VERSION = 1
#: Completed check-ups kept per audience (oldest dropped first).
MAX_HISTORY = 20


class Unfinished(BaseModel):
    """The answers of a check-up still in progress."""

    answers: dict[str, Answer] = Field(default_factory=dict)
    updated: str | None = None


class Completed(BaseModel):
    """One completed check-up."""

    completed: str
    answers: dict[str, Answer] = Field(default_factory=dict)


class AudienceProgress(BaseModel):
    """What is saved for one audience."""

    unfinished: Unfinished | None = None
    history: list[Completed] = Field(default_factory=list)

    @property
    def last_completed(self) -> Completed | None:
        """The most recent completed check-up, if any."""
        return self.history[-1] if self.history else None


class CheckupFile(BaseModel):
    """The saved document body."""

    audiences: dict[str, AudienceProgress] = Field(default_factory=dict)


@dataclass
class CheckupStore:
    """Loads and saves check-up progress; with ``save=False`` (--no-save) nothing is read or
    written, so a private session starts afresh and leaves no trace."""

    file: ProgressFile[CheckupFile]
    data: CheckupFile

    @classmethod
    def open(
        cls, *, save: bool = True, strict: bool = False, notify: Callable[[str], None] | None = None
    ) -> CheckupStore:
        """Read saved progress; ``strict`` raises if the file cannot be read at all."""
        file = ProgressFile(STORE_NAME, CheckupFile, STORE_VERSION, enabled=save)
        if notify is not None:
            file.notify = notify
        return cls(file, file.load(strict=strict))

    @property
    def saving(self) -> bool:
        """Whether answers are being saved."""
        return self.file.enabled

    def get(self, audience: str) -> AudienceProgress:
        """The saved progress of one audience (empty if none)."""
        return self.data.audiences.setdefault(audience, AudienceProgress())

    def save_unfinished(self, audience: str, answers: Mapping[str, Answer], now: str) -> None:
        """Keep the answers of a check-up still in progress."""
        self.get(audience).unfinished = Unfinished(answers=dict(answers), updated=now)
        self._write()

    def complete(self, audience: str, answers: Mapping[str, Answer], now: str) -> None:
        """Record a completed check-up and forget the unfinished one."""
        entry = self.get(audience)
        entry.history.append(Completed(completed=now, answers=dict(answers)))
        del entry.history[:-MAX_HISTORY]
        entry.unfinished = None
        self._write()

    def has(self, audience: str | None) -> bool:
        """Whether anything is saved for the audience (or for any, with None)."""
        entries = self.data.audiences.values() if audience is None else [self.get(audience)]
        return any(e.unfinished is not None or e.history for e in entries)

    def forget(self, audience: str | None) -> bool:
        """Delete saved answers of one audience (or all); True if there was anything."""
        had = self.has(audience)
        if audience is None:
            self.data.audiences.clear()
            return self.file.reset() or had
        self.data.audiences.pop(audience, None)
        self._write()
        return had

    def _write(self) -> None:
        self.file.save(self.data)
