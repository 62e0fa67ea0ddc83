"""Saved check-up answers: an unfinished check-up per audience and the history of completed ones.

The document (``checkup.json`` in the data folder, through :class:`sochelp.storage.JsonStore`)::

    {"audiences": {"business": {
        "unfinished": {"answers": {"biz-backups": "yes", ...}, "updated": "2026-11-25T10:00:00"},
        "history": [{"completed": "2026-11-20T09:00:00+00:00", "answers": {...}}, ...]}}}

Reading is forgiving: entries that are not in this shape, and answers that are not one of
yes / partly / no / na, are skipped rather than failing the whole check-up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sochelp.checkup.engine import Answer
from sochelp.storage import JsonStore

STORE_NAME = "checkup"
STORE_VERSION = 1
#: Completed check-ups kept per audience (oldest dropped first).
MAX_HISTORY = 20


@dataclass(frozen=True)
class Completed:
    """One completed check-up."""

    completed: str
    answers: Mapping[str, Answer]


@dataclass
class AudienceProgress:
    """What is saved for one audience."""

    unfinished: dict[str, Answer] | None = None
    updated: str | None = None
    history: list[Completed] = field(default_factory=list)

    @property
    def last_completed(self) -> Completed | None:
        """The most recent completed check-up, if any."""
        return self.history[-1] if self.history else None


def _answers(raw: Any) -> dict[str, Answer]:
    if not isinstance(raw, dict):
        return {}
    valid = {answer.value for answer in Answer}
    return {
        str(key): Answer(value)
        for key, value in raw.items()
        if isinstance(key, str) and isinstance(value, str) and value in valid
    }


def parse(data: Mapping[str, Any] | None) -> dict[str, AudienceProgress]:
    """The saved progress by audience, skipping anything malformed."""
    result: dict[str, AudienceProgress] = {}
    audiences = (data or {}).get("audiences")
    if not isinstance(audiences, dict):
        return result
    for audience, raw in audiences.items():
        if not isinstance(audience, str) or not isinstance(raw, dict):
            continue
        progress = AudienceProgress()
        unfinished = raw.get("unfinished")
        if isinstance(unfinished, dict):
            progress.unfinished = _answers(unfinished.get("answers"))
            updated = unfinished.get("updated")
            progress.updated = updated if isinstance(updated, str) else None
        history = raw.get("history")
        if isinstance(history, list):
            for entry in history:
                if isinstance(entry, dict) and isinstance(entry.get("completed"), str):
                    progress.history.append(
                        Completed(entry["completed"], _answers(entry.get("answers")))
                    )
        result[audience] = progress
    return result


def dump(progress: Mapping[str, AudienceProgress]) -> dict[str, Any]:
    """The document to save."""
    audiences: dict[str, Any] = {}
    for audience, entry in progress.items():
        raw: dict[str, Any] = {
            "history": [
                {
                    "completed": done.completed,
                    "answers": {k: v.value for k, v in done.answers.items()},
                }
                for done in entry.history[-MAX_HISTORY:]
            ]
        }
        if entry.unfinished is not None:
            raw["unfinished"] = {
                "answers": {k: v.value for k, v in entry.unfinished.items()},
                "updated": entry.updated,
            }
        audiences[audience] = raw
    return {"audiences": audiences}


@dataclass
class ProgressStore:
    """Loads and saves check-up progress; ``store`` is None for ``--no-save`` (nothing is kept)."""

    store: JsonStore | None
    notice: str | None = None
    _data: dict[str, AudienceProgress] = field(default_factory=dict)

    @classmethod
    def open(cls, *, save: bool) -> ProgressStore:
        """Read saved progress (nothing is read or written with ``save=False``)."""
        if not save:
            return cls(None)
        store = JsonStore(STORE_NAME, STORE_VERSION)
        loaded = store.load()
        return cls(store, loaded.notice, parse(loaded.data))

    def get(self, audience: str) -> AudienceProgress:
        """The saved progress of one audience (empty if none)."""
        return self._data.setdefault(audience, AudienceProgress())

    def save_unfinished(self, audience: str, answers: Mapping[str, Answer], now: str) -> None:
        """Keep the answers of a check-up still in progress."""
        entry = self.get(audience)
        entry.unfinished = dict(answers)
        entry.updated = now
        self._write()

    def complete(self, audience: str, answers: Mapping[str, Answer], now: str) -> None:
        """Record a completed check-up and forget the unfinished one."""
        entry = self.get(audience)
        entry.history.append(Completed(now, dict(answers)))
        entry.unfinished = None
        entry.updated = None
        self._write()

    def forget(self, audience: str | None) -> bool:
        """Delete saved answers of one audience (or all); True if there was anything."""
        if self.store is None:
            return False
        if audience is None:
            self._data.clear()
            return self.store.reset()
        entry = self._data.pop(audience, None)
        had = entry is not None and (entry.unfinished is not None or bool(entry.history))
        self._write()
        return had

    def _write(self) -> None:
        if self.store is not None:
            self.store.save(dump(self._data))
