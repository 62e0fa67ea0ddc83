"""Reading user-named input files with a size bound and plain-language errors."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from sochelp.errors import InputError


def open_input(path: Path, what: str = "file", *, name: str | None = None) -> BinaryIO:
    """``path`` open for reading bytes, the usual file errors turned into :class:`InputError`
    (naming the file as ``name``, by default its path)."""
    shown = str(path) if name is None else name
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(
            f"There is no file called {shown}.",
            hint="Check the name and the folder it is in (names are case-sensitive).",
        ) from None
    except IsADirectoryError:
        raise InputError(
            f"{shown} is a folder, not {what}.", hint="Give the path of a file inside it."
        ) from None
    except OSError as error:
        raise InputError(
            f"{shown} cannot be read: {error.strerror or error}.",
            hint="Check that you may read it, or copy it somewhere you can.",
        ) from None


def read_file_head(path: Path, limit: int, what: str = "file") -> bytes:
    """Up to ``limit + 1`` bytes of ``path`` (one more than allowed, so callers can tell it was
    too long), turning the usual file errors into :class:`InputError`."""
    with open_input(path, what) as handle:
        try:
            return handle.read(limit + 1)
        except OSError as error:
            raise InputError(f"{path} cannot be read: {error.strerror or error}.") from None


def size_text(size: int) -> str:
    """A size limit in words: ``1 MB`` for 1,048,576 bytes, ``64 MB``, ``4,096 bytes``."""
    megabytes, rest = divmod(size, 1024 * 1024)
    if megabytes and not rest:
        return f"{megabytes:,} MB"
    return f"{size:,} bytes"
