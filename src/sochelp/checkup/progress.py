"""Saved check-up answers: an unfinished check-up per audience and the history of completed ones.

Kept in ``checkup.json`` in the data folder through :class:`sochelp.session.store.ProgressFile`
(versioned, private, written atomically, validated by the models below). The document body,
unchanged since the first version::

    {"audiences": {"business": {
        "unfinished": {"answers": {"biz-backups": "yes", ...}, "updated": "2026-11-25T10:00:00"},
        "history": [{"completed": "2026-11-20T09:00:00+00:00", "answers": {...}}, ...]}}}

A file that does not fit is moved aside with a notice (as for the quiz), never half-read.

Every save merges this session's changes into what is on disk at that moment, under the file's
lock (see :mod:`sochelp.session.merge`): two check-ups at once keep every answer of both, and a
check-up completed in one session is never erased by another that was started before it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from sochelp.checkup.answers import Answer
from sochelp.session.merge import merge_mappings
from sochelp.session.store import ProgressFile

STORE_NAME = "checkup"
STORE_VERSION = 1
#: Completed check-ups kept per audience (oldest dropped first).
MAX_HISTORY = 20
#: The validators are built when a saved file is first read, not when the module is imported:
#: a check-up with nothing saved (or --no-save) never needs them.
_LATE = ConfigDict(defer_build=True)


class Unfinished(BaseModel):
    """The answers of a check-up still in progress."""

    model_config = _LATE

    answers: dict[str, Answer] = Field(default_factory=dict)
    updated: str | None = None


class Completed(BaseModel):
    """One completed check-up."""

    model_config = _LATE

    completed: str
    answers: dict[str, Answer] = Field(default_factory=dict)


class AudienceProgress(BaseModel):
    """What is saved for one audience."""

    model_config = _LATE

    unfinished: Unfinished | None = None
    history: list[Completed] = Field(default_factory=list)

    @property
    def last_completed(self) -> Completed | None:
        """The most recent completed check-up, if any."""
        return self.history[-1] if self.history else None


class CheckupFile(BaseModel):
    """The saved document body."""

    model_config = _LATE

    audiences: dict[str, AudienceProgress] = Field(default_factory=dict)


def merged_unfinished(
    base: Unfinished | None, mine: Unfinished | None, theirs: Unfinished | None
) -> Unfinished | None:
    """This session's unfinished answers (``base`` before, ``mine`` now; None once completed)
    laid over ``theirs`` on disk: item by item, this session's answer wins an item both
    changed; answers only another session gave stay, also when this session completed."""
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    answers = merge_mappings(
        base.answers if base else {}, mine.answers if mine else {}, theirs.answers if theirs else {}
    )
    if not answers:
        return None
    updated = mine.updated if mine is not None else theirs.updated if theirs is not None else None
    return Unfinished(answers=answers, updated=updated)


@dataclass
class CheckupStore:
    """Loads and saves check-up progress; with ``save=False`` (--no-save) nothing is read or
    written, so a private session starts afresh and leaves no trace.

    Every change is applied to the file as it is on disk at that moment, under its lock, and
    ``data`` then holds what the file holds."""

    file: ProgressFile[CheckupFile]
    data: CheckupFile
    #: Per audience, the unfinished answers this session last saved (at first: those it read).
    own: dict[str, Unfinished | None] = field(default_factory=dict)

    @classmethod
    def open(
        cls, *, save: bool = True, strict: bool = False, notify: Callable[[str], None] | None = None
    ) -> CheckupStore:
        """Read saved progress; ``strict`` raises if the file cannot be read at all."""
        file = ProgressFile(STORE_NAME, CheckupFile, STORE_VERSION, enabled=save)
        if notify is not None:
            file.notify = notify
        data = file.load(strict=strict)
        own = {name: entry.unfinished for name, entry in data.audiences.items()}
        return cls(file, data, copy.deepcopy(own))

    @property
    def saving(self) -> bool:
        """Whether answers are being saved."""
        return self.file.enabled

    def get(self, audience: str) -> AudienceProgress:
        """The saved progress of one audience (empty if none)."""
        # (An empty entry needs no validation: constructed, so no validator is built for it.)
        return self.data.audiences.setdefault(audience, AudienceProgress.model_construct())

    def save_unfinished(self, audience: str, answers: Mapping[str, Answer], now: str) -> None:
        """Keep the answers of a check-up still in progress."""
        mine = Unfinished(answers=dict(answers), updated=now)
        before = self.own.get(audience)

        def change(entry: AudienceProgress) -> None:
            entry.unfinished = merged_unfinished(before, mine, entry.unfinished)

        self.get(audience).unfinished = mine
        self.own[audience] = mine
        self._apply(audience, change)

    def complete(self, audience: str, answers: Mapping[str, Answer], now: str) -> None:
        """Record a completed check-up; the unfinished answers it took over are cleared (those
        another session has saved since are kept)."""
        done = Completed(completed=now, answers=dict(answers))
        before = self.own.get(audience)

        def change(entry: AudienceProgress) -> None:
            entry.history.append(done)
            del entry.history[:-MAX_HISTORY]
            entry.unfinished = merged_unfinished(before, None, entry.unfinished)

        change(self.get(audience))
        self.own[audience] = None
        self._apply(audience, change)

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

        def without(on_disk: CheckupFile) -> CheckupFile:
            on_disk.audiences.pop(audience, None)
            return on_disk

        self.file.update(without, self._synced)
        return had

    def _apply(self, audience: str, change: Callable[[AudienceProgress], None]) -> None:
        def on_disk(current: CheckupFile) -> CheckupFile:
            change(current.audiences.setdefault(audience, AudienceProgress()))
            return current

        self.file.update(on_disk, self._synced)

    def _synced(self, saved: CheckupFile) -> None:
        self.data = saved
