"""Private, versioned JSON files in the user's data folder, written atomically.

The file layer under :class:`sochelp.session.store.ProgressFile`. A corrupt file, or one written
by a newer sochelp, is never silently discarded: it is moved aside and the caller gets a notice to
show the user.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sochelp.errors import StorageError

#: Environment variable that moves the data folder (used by tests and portable installs).
DATA_DIR_ENV = "SOCHELP_DATA_DIR"


def data_dir() -> Path:
    """The folder sochelp keeps its own files in (created on first save)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("sochelp", appauthor=False))


@dataclass(frozen=True)
class Loaded:
    """What was read: the data (None when there is none usable) and a notice for the user."""

    data: dict[str, Any] | None
    notice: str | None = None


@dataclass(frozen=True)
class JsonStore:
    """One versioned JSON document, e.g. ``quiz-progress.json``."""

    name: str
    version: int
    directory: Path | None = None

    @property
    def path(self) -> Path:
        """Where the document lives."""
        return (self.directory or data_dir()) / f"{self.name}.json"

    def load(
        self, migrate: Callable[[int, dict[str, Any]], dict[str, Any]] | None = None
    ) -> Loaded:
        """Read the document; set aside (and say so) a corrupt or newer-version file.

        ``migrate(version, data)`` brings the data of an older version up to date.
        """
        path = self.path
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return Loaded(None)
        except OSError as exc:
            raise StorageError(f"Cannot read {path}: {exc.strerror}.") from None
        try:
            document = json.loads(raw.decode("utf-8"))
            if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
                raise ValueError("not a sochelp document")
            version = document.get("version")
            if not isinstance(version, int):
                raise ValueError("no version number")
        except (UnicodeDecodeError, ValueError) as exc:
            aside = self.set_aside("corrupt")
            return Loaded(
                None,
                f"Your saved {self.name} file was unreadable ({exc}); it was "
                f"moved to {aside} and a new one will be started.",
            )
        if version > self.version:
            aside = self.set_aside(f"v{version}")
            return Loaded(
                None,
                f"Your saved {self.name} file was written by a newer sochelp "
                f"(format {version}); it was moved to {aside} so nothing is lost.",
            )
        data: dict[str, Any] = document["data"]
        if migrate is not None and version < self.version:
            data = migrate(version, data)
        return Loaded(data)

    def save(self, data: dict[str, Any]) -> None:
        """Write the document atomically (temporary file, fsync, rename), readable by you only."""
        path = self.path
        document = {"version": self.version, "data": data}
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            handle, temp_name = tempfile.mkstemp(prefix=f".{self.name}-", dir=path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as temp:
                    json.dump(document, temp, indent=1, ensure_ascii=False)
                    temp.flush()
                    os.fsync(temp.fileno())
                os.chmod(temp_name, 0o600)
                os.replace(temp_name, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temp_name)
                raise
        except OSError as exc:
            raise StorageError(
                f"Cannot save {path}: {exc.strerror}.",
                hint="Use --no-save, or set SOCHELP_DATA_DIR to a folder you can write to.",
            ) from None

    def reset(self) -> bool:
        """Delete the document; True if there was one."""
        try:
            self.path.unlink()
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise StorageError(f"Cannot delete {self.path}: {exc.strerror}.") from None
        return True

    def set_aside(self, reason: str) -> Path:
        """Move the document to ``NAME.REASON-STAMP.json`` beside it and return that path."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.name}.{reason}-{stamp}.json")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            raise StorageError(
                f"Cannot move the unreadable file {self.path} aside: {exc.strerror}."
            ) from None
        return aside
