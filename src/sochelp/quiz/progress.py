"""Saved quiz progress: each question's Leitner box and a short history of sessions.

Kept in ``quiz-progress.json`` in the user's data folder through
:class:`sochelp.session.store.ProgressFile` (versioned, private, written atomically, validated by
the pydantic models below). Every save merges this session's answers into what is on disk at
that moment, under the file's lock, so two quiz sessions at once keep every answer of both: a
question answered in both counts both answers, and each session keeps its own history entry.
The document body, unchanged since the first version::

    {"questions": {"q-id": {"box": 2, "due": "2026-11-30", "seen": 3, "right": 2}},
     "sessions": [{"started": "2026-11-25T10:00:00", "asked": 10, "correct": 7,
                   "seen": {"urgency": 3}, "missed": {"urgency": 1}}]}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from sochelp.quiz.engine import MAX_BOX, Card, SessionRecord
from sochelp.session.merge import merge_lists, merge_mappings
from sochelp.session.store import ProgressFile

NAME = "quiz-progress"
VERSION = 1
#: Sessions kept in the history; older ones are dropped so the file stays small.
MAX_SESSIONS = 500

Count = Annotated[int, Field(ge=0, strict=True)]


class SavedCard(BaseModel):
    """One question's place in the Leitner boxes."""

    model_config = ConfigDict(frozen=True)

    box: Annotated[int, Field(ge=1, le=MAX_BOX, strict=True)]
    due: dt.date
    seen: Count = 0
    right: Count = 0


class SavedSession(BaseModel):
    """One session in the history."""

    model_config = ConfigDict(frozen=True)

    started: Annotated[str, Field(strict=True)]
    asked: Count
    correct: Count
    seen: dict[str, Count] = Field(default_factory=dict)
    missed: dict[str, Count] = Field(default_factory=dict)


class QuizFile(BaseModel):
    """The saved document body."""

    questions: dict[str, SavedCard] = Field(default_factory=dict)
    sessions: list[SavedSession] = Field(default_factory=list)


@dataclass
class Progress:
    """Cards by question id and sessions, oldest first (mutable while a session runs)."""

    cards: dict[str, Card] = field(default_factory=dict)
    sessions: list[SessionRecord] = field(default_factory=list)

    def record_session(self, record: SessionRecord, *, update_last: bool = False) -> None:
        """Add a session, or with ``update_last`` replace the last one (a session in progress is
        saved after every answer)."""
        if update_last and self.sessions:
            self.sessions[-1] = record
        else:
            self.sessions.append(record)
        del self.sessions[:-MAX_SESSIONS]

    def to_file(self) -> QuizFile:
        """The document to save."""
        return QuizFile(
            questions={
                qid: SavedCard(box=c.box, due=c.due, seen=c.seen, right=c.right)
                for qid, c in sorted(self.cards.items())
            },
            sessions=[
                SavedSession(
                    started=s.started,
                    asked=s.asked,
                    correct=s.correct,
                    seen=dict(s.seen),
                    missed=dict(s.missed),
                )
                for s in self.sessions
            ],
        )

    @classmethod
    def from_file(cls, saved: QuizFile) -> Progress:
        """Progress from a validated document."""
        return cls(
            {qid: Card(c.box, c.due, c.seen, c.right) for qid, c in saved.questions.items()},
            [
                SessionRecord(s.started, s.asked, s.correct, dict(s.seen), dict(s.missed))
                for s in saved.sessions
            ],
        )

    def copy(self) -> Progress:
        """A copy that later changes to this one do not touch (cards and records are frozen)."""
        return Progress(dict(self.cards), list(self.sessions))

    def merged(self, base: Progress, theirs: Progress) -> Progress:
        """This progress's changes since ``base`` laid over ``theirs`` (what is on disk now).

        A question answered here and in another session since: both sets of answers count
        (seen and right add up), and the box and due date are this session's, the latest.
        """

        def both(old: Card | None, mine: Card, other: Card) -> Card:
            seen = other.seen + mine.seen - (old.seen if old else 0)
            right = other.right + mine.right - (old.right if old else 0)
            return Card(mine.box, mine.due, max(seen, 0), max(right, 0))

        cards = merge_mappings(base.cards, self.cards, theirs.cards, both)
        sessions = merge_lists(base.sessions, self.sessions, theirs.sessions)
        return Progress(cards, sessions[-MAX_SESSIONS:])


@dataclass
class QuizStore:
    """The saved progress of the quiz; ``enabled=False`` (``--no-save``) reads but never writes.

    ``progress`` may be changed freely; :meth:`save` merges the changes made since the last
    read or save into the file, and then holds everything the file holds (the other sessions'
    answers too), updated in place.
    """

    file: ProgressFile[QuizFile]
    progress: Progress = field(default_factory=Progress)
    #: What the file held when this session last read or wrote it.
    base: Progress = field(default_factory=Progress)

    @classmethod
    def open(cls, *, save: bool = True, notify: Callable[[str], None] | None = None) -> QuizStore:
        """Read the saved progress (notices go to ``notify`` as they happen)."""
        file = ProgressFile(NAME, QuizFile, VERSION)
        if notify is not None:
            file.notify = notify
        progress = Progress.from_file(file.load())
        store = cls(file, progress, progress.copy())
        file.enabled = file.enabled and save
        return store

    @property
    def notices(self) -> list[str]:
        """What the user was told about the saved file."""
        return self.file.notices

    def save(self) -> bool:
        """Merge this session's changes into the saved progress; False when saving is off or
        has failed."""

        def merge(on_disk: QuizFile) -> QuizFile:
            return self.progress.merged(self.base, Progress.from_file(on_disk)).to_file()

        def synced(saved: QuizFile) -> None:
            merged = Progress.from_file(saved)
            # In place: the running session holds this very object.
            self.progress.cards.clear()
            self.progress.cards.update(merged.cards)
            self.progress.sessions[:] = merged.sessions
            self.base = merged.copy()

        return self.file.update(merge, synced)

    def reset(self) -> bool:
        """Delete saved progress; True if there was any."""
        return self.file.reset()
