"""One progress-store API for every interactive activity.

A :class:`ProgressFile` keeps one pydantic model in a versioned JSON document in the user's data
folder (see :mod:`sochelp.session.files`: atomic write, readable by the user only). Whatever
cannot be used is never silently dropped:

- a corrupt file, one written by a newer sochelp, or one whose contents do not fit the model is
  moved aside and a notice says where;
- a file that cannot be read at all is left alone, and nothing is saved over it;
- a failed save stops saving for the rest of the session, with a notice.

Notices go to ``notify`` as they happen and are kept in ``notices`` for the summary.
Older formats are brought up to date by ``migrations`` (version N -> N+1) before validation.

Saving is a merge, so two sessions at once never lose each other's answers: :meth:`update` takes
the file's lock, reads what is on disk now, lets the activity merge its own changes into it
(``quiz.progress`` and ``checkup.progress`` use the three-way merges of
:mod:`sochelp.session.merge`), and writes the result atomically before letting go.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from sochelp.errors import StorageError
from sochelp.session.files import JsonStore, Loaded, deferred_signals

M = TypeVar("M", bound=BaseModel)

#: A step that turns the data of one format version into the next.
Migration = Callable[[dict[str, Any]], dict[str, Any]]

NOT_SAVED = "This session will not be saved."


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


@dataclass
class ProgressFile(Generic[M]):
    """Saved progress of one activity, e.g. ``quiz-progress.json``."""

    name: str
    model: type[M]
    version: int = 1
    migrations: Mapping[int, Migration] = field(default_factory=dict)
    #: False for --no-save, after the file could not be read, or after a save failed.
    enabled: bool = True
    directory: Path | None = None
    notify: Callable[[str], None] = lambda _notice: None
    notices: list[str] = field(default_factory=list)

    @property
    def file(self) -> JsonStore:
        """The document underneath."""
        return JsonStore(self.name, self.version, self.directory)

    @property
    def path(self) -> Path:
        """Where the progress lives."""
        return self.file.path

    def _empty(self) -> M:
        # Nothing to validate in an empty model: constructed without building its validator.
        return self.model.model_construct()

    def _notice(self, text: str) -> None:
        self.notices.append(text)
        self.notify(text)

    def load(self, *, strict: bool = False) -> M:
        """The saved progress, or an empty one when there is none that can be used.

        With ``strict`` an unreadable file raises :class:`StorageError`; otherwise the session
        goes on without saving, so the file is never overwritten.
        """
        if not self.enabled:
            return self._empty()
        try:
            loaded = self.file.load(migrate=self._migrate)
        except StorageError as error:
            if strict:
                raise
            self.enabled = False
            self._notice(f"{error.message} {NOT_SAVED}")
            return self._empty()
        self.file.remove_stale_temporaries()
        return self._validated(loaded)

    def _validated(self, loaded: Loaded) -> M:
        """The model of what was read; a file that does not fit it is moved aside."""
        if loaded.notice:
            self._notice(loaded.notice)
        if loaded.data is None:
            return self._empty()
        try:
            return self.model.model_validate(loaded.data)
        except ValidationError as error:
            aside = self.file.set_aside("invalid")
            self._notice(
                f"Your saved {self.name} file could not be understood ({_first_error(error)}); "
                f"it was moved to {aside} and a new one will be started."
            )
            return self._empty()

    def update(self, change: Callable[[M], M], saved: Callable[[M], None] | None = None) -> bool:
        """Read-merge-write under the file's lock: ``change`` gets what is on disk now and
        returns what to write; ``saved`` then gets what was written, with Ctrl-C held until it
        has run (so memory and file never disagree). False when saving is off or has just
        failed (with a notice)."""
        if not self.enabled:
            return False
        try:
            with self.file.locked():
                current = self._validated(self.file.load(migrate=self._migrate))
                merged = change(current)
                with deferred_signals():
                    self.file.save(_dump(merged))
                    if saved is not None:
                        saved(merged)
        except StorageError as error:
            self.enabled = False
            self._notice(f"{error.message} {NOT_SAVED}")
            return False
        return True

    def _migrate(self, version: int, data: dict[str, Any]) -> dict[str, Any]:
        for step in range(version, self.version):
            migration = self.migrations.get(step)
            if migration is not None:
                data = migration(data)
        return data

    def save(self, progress: M) -> bool:
        """Replace the saved progress with ``progress`` (under the lock); False when saving is
        off or has just failed (with a notice). Sessions save with :meth:`update` instead."""
        return self.update(lambda _current: progress)

    def reset(self) -> bool:
        """Delete the saved progress; True if there was any."""
        return self.file.reset()


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)
