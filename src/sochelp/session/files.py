"""Private, versioned JSON files in the user's data folder, written atomically.

The file layer under :class:`sochelp.session.store.ProgressFile`. A corrupt file, or one written
by a newer sochelp, is never silently discarded: it is moved aside and the caller gets a notice to
show the user.

Two sessions may save the same file at once (a quiz in two terminals, a check-up left open): a
read-change-write runs under :meth:`JsonStore.locked`, an exclusive lock on a small lock file
beside the document (``flock`` on POSIX, ``msvcrt.locking`` on Windows; the system releases it
when a process dies, so a kill never leaves a stale lock). Temporary files a killed save left
behind are removed on a later run, once they are a few minutes old.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sochelp.errors import StorageError

#: Environment variable that moves the data folder (used by tests and portable installs).
DATA_DIR_ENV = "SOCHELP_DATA_DIR"

#: How long a save waits for another session's save to finish before giving up.
LOCK_TIMEOUT = 10.0
#: A temporary file of a save older than this was left by a save that was killed.
STALE_TEMPORARY_SECONDS = 300.0


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
        import json  # only when there is a saved file (a first or --no-save run has none)

        try:
            document = json.loads(raw.decode("utf-8"))
            if not isinstance(document, dict) or not isinstance(document.get("data"), dict):
                raise ValueError("not a sochelp document")
            version = document.get("version")
            if not isinstance(version, int):
                raise ValueError("no version number")
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            if isinstance(exc, RecursionError):
                exc = ValueError("nested too deeply")
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

    @property
    def lock_path(self) -> Path:
        """The lock file beside the document, there only while a save holds it."""
        return self.path.with_name(f".{self.name}.lock")

    @contextlib.contextmanager
    def locked(self, timeout: float | None = None) -> Iterator[None]:
        """Hold the document's lock for a read-change-write; :class:`StorageError` if another
        session holds it for longer than ``timeout`` seconds.

        The lock file is removed before the lock is let go, so the folder is left as it was; a
        session that was waiting on the removed file sees that and locks the new one.
        """
        timeout = LOCK_TIMEOUT if timeout is None else timeout
        handle = self._acquire(time.monotonic() + timeout, timeout)
        try:
            self.remove_stale_temporaries()
            yield
        finally:
            if sys.platform != "win32":  # Windows cannot remove a file that is open
                with contextlib.suppress(OSError):
                    os.unlink(self.lock_path)
            _unlock(handle)
            handle.close()

    def _acquire(self, deadline: float, timeout: float) -> IO[bytes]:
        path = self.lock_path
        while True:
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as exc:
                raise StorageError(
                    f"Cannot open the lock file {path}: {exc.strerror}.",
                    hint="Use --no-save, or set SOCHELP_DATA_DIR to a folder you can write to.",
                ) from None
            handle = os.fdopen(fd, "r+b")
            try:
                while not _try_lock(handle):
                    if time.monotonic() >= deadline:
                        raise StorageError(
                            f"Another sochelp session kept {self.path} busy for over "
                            f"{timeout:.0f} seconds."
                        )
                    time.sleep(0.01)
                if _same_file(handle, path):
                    return handle
                _unlock(handle)  # the holder before us removed it: lock the new one
            except BaseException:
                handle.close()
                raise
            handle.close()

    def remove_stale_temporaries(self, older_than: float = STALE_TEMPORARY_SECONDS) -> int:
        """Delete temporary files a killed save of this document left behind: only ours (the
        name :meth:`save` gives them, owned by this user, plain files) and only once they are
        ``older_than`` seconds old. Returns how many were removed."""
        folder = self.path.parent
        pattern = re.compile(rf"\.{re.escape(self.name)}-[A-Za-z0-9_]{{8}}")
        uid = os.getuid() if hasattr(os, "getuid") else None
        now = time.time()
        removed = 0
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return 0
        for entry in entries:
            if not pattern.fullmatch(entry.name):
                continue
            try:
                info = entry.stat(follow_symlinks=False)
                if not entry.is_file(follow_symlinks=False) or now - info.st_mtime < older_than:
                    continue
                if uid is not None and info.st_uid != uid:
                    continue
                os.unlink(entry.path)
                removed += 1
            except OSError:
                continue
        return removed

    def save(self, data: dict[str, Any]) -> None:
        """Write the document atomically (temporary file, fsync, rename), readable by you only."""
        import json

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


def _try_lock(handle: IO[bytes]) -> bool:
    """Take an exclusive lock without waiting; False if another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _same_file(handle: IO[bytes], path: Path) -> bool:
    """Whether ``path`` still names the file ``handle`` has open."""
    try:
        opened, named = os.fstat(handle.fileno()), os.stat(path)
    except OSError:
        return False
    return (opened.st_dev, opened.st_ino) == (named.st_dev, named.st_ino)


def _unlock(handle: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextlib.contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold Ctrl-C (and SIGTERM, SIGHUP where the program handles them) until the block ends,
    so that a file written and the state in memory that it reflects change together; a signal
    that arrived meanwhile is acted on at the end of the block. Signals left at their defaults
    (which end the process) are not touched: the file on disk is whole either way."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[tuple[int, Any]] = []
    previous: dict[int, Callable[[int, Any], Any]] = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        handler = signal.getsignal(number)
        if callable(handler):
            previous[number] = handler
            signal.signal(number, lambda signum, frame: caught.append((signum, frame)))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for number, frame in caught[:1]:
            previous[number](number, frame)
