"""Saved quiz progress: each question's Leitner box and a short history of sessions.

Kept in ``quiz-progress.json`` in the user's data folder through :class:`sochelp.storage.JsonStore`
(versioned, private, written atomically). A file that parses but does not have the expected shape
is set aside like a corrupt one, with a notice, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from dataclasses import dataclass, field
from typing import Any

from sochelp.errors import StorageError
from sochelp.quiz.engine import Card, SessionRecord
from sochelp.storage import JsonStore

NAME = "quiz-progress"
VERSION = 1
#: Sessions kept in the history; older ones are dropped so the file stays small.
MAX_SESSIONS = 500


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

    def to_data(self) -> dict[str, Any]:
        """The JSON-ready document body."""
        return {
            "questions": {
                qid: {"box": c.box, "due": c.due.isoformat(), "seen": c.seen, "right": c.right}
                for qid, c in sorted(self.cards.items())
            },
            "sessions": [
                {
                    "started": s.started,
                    "asked": s.asked,
                    "correct": s.correct,
                    "seen": dict(s.seen),
                    "missed": dict(s.missed),
                }
                for s in self.sessions
            ],
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Progress:
        """Rebuild progress from a document body; raises ValueError if it is malformed."""
        questions = data.get("questions", {})
        sessions = data.get("sessions", [])
        if not isinstance(questions, dict) or not isinstance(sessions, list):
            raise ValueError("unexpected layout")
        cards = {}
        for qid, raw in questions.items():
            if not isinstance(raw, dict):
                raise ValueError(f"bad entry for {qid}")
            box = _count(raw.get("box"))
            if not 1 <= box <= 5:
                raise ValueError(f"box {box} out of range")
            cards[str(qid)] = Card(
                box,
                dt.date.fromisoformat(str(raw.get("due"))),
                _count(raw.get("seen", 0)),
                _count(raw.get("right", 0)),
            )
        records = []
        for raw in sessions:
            if not isinstance(raw, dict) or not isinstance(raw.get("started"), str):
                raise ValueError("bad session entry")
            records.append(
                SessionRecord(
                    raw["started"],
                    _count(raw.get("asked")),
                    _count(raw.get("correct")),
                    _tally(raw.get("seen", {})),
                    _tally(raw.get("missed", {})),
                )
            )
        return cls(cards, records)


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"not a count: {value!r}")
    return value


def _tally(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        raise ValueError("not a tally")
    return {str(k): _count(v) for k, v in value.items()}


@dataclass(frozen=True)
class ProgressStore:
    """Loads and saves :class:`Progress`; ``enabled=False`` (``--no-save``) never writes."""

    store: JsonStore = field(default_factory=lambda: JsonStore(NAME, VERSION))
    enabled: bool = True

    def load(self) -> tuple[Progress, str | None]:
        """Saved progress (empty when there is none) and a notice to show, if any."""
        loaded = self.store.load()
        if loaded.data is None:
            return Progress(), loaded.notice
        try:
            return Progress.from_data(loaded.data), loaded.notice
        except (ValueError, TypeError) as exc:
            aside = _set_aside(self.store, "invalid")
            return Progress(), (
                f"Your saved {NAME} file could not be understood ({exc}); it was moved to "
                f"{aside} and a new one will be started."
            )

    def save(self, progress: Progress) -> bool:
        """Write progress atomically; False when saving is turned off."""
        if not self.enabled:
            return False
        self.store.save(progress.to_data())
        return True

    def reset(self) -> bool:
        """Delete saved progress; True if there was any."""
        return self.store.reset()


def _set_aside(store: JsonStore, reason: str) -> str:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = store.path.with_name(f"{store.name}.{reason}-{stamp}.json")
    try:
        os.replace(store.path, aside)
    except OSError as exc:
        raise StorageError(f"Cannot move {store.path} aside: {exc.strerror}.") from None
    return str(aside)
