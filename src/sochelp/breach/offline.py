"""Offline breach lookups in a local copy of the Pwned Passwords corpus (no network at all).

Two layouts, as written by the official downloader:

* one file of ``SHA1HASH:COUNT`` lines sorted by hash (LF or CRLF; about 38 GB in reality),
  searched by binary search over byte offsets: a lookup reads a few kilobytes, never the file;
* a folder of per-prefix files ``ABCDE.txt`` with ``SUFFIX:COUNT`` lines.

Files are opened per lookup, so a source can be used from several threads at once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from sochelp.breach.interface import BreachLookupError, BreachSource, HashedPassword
from sochelp.breach.parse import check_prefix, parse_range
from sochelp.errors import InputError, UsageError

_FULL_LINE = re.compile(rb"([0-9A-F]{40}):([0-9]{1,18})\r?\n?")
#: Below this many bytes between the search bounds, read lines in order.
_SCAN_BYTES = 8192
#: Most lines read for one prefix (real prefixes have about 1,000; this guards runaway reads).
_MAX_PREFIX_LINES = 200_000
#: Largest per-prefix file read.
_MAX_PREFIX_FILE_BYTES = 20_000_000


def _not_sorted(path: Path, offset: int) -> BreachLookupError:
    return BreachLookupError(
        f"the offline file {path.name} is not sorted by hash (found near byte {offset}); "
        "download it again with the hashes in order"
    )


class SortedFileSource(BreachSource):
    """A single sorted ``HASH:COUNT`` file, looked up by binary search on byte offsets."""

    name = "offline"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.size = path.stat().st_size
        with path.open("rb") as handle:
            first = handle.readline(200)
        if self.size == 0 or not _FULL_LINE.fullmatch(first):
            raise InputError(
                f"The offline file {path.name} does not look like a Pwned Passwords file.",
                hint="It should hold SHA1HASH:COUNT lines sorted by hash (upper-case SHA-1, "
                "not NTLM), or use a folder of ABCDE.txt files.",
            )

    def _key(self, line: bytes, offset: int) -> tuple[bytes, int]:
        match = _FULL_LINE.fullmatch(line)
        if match is None:
            raise BreachLookupError(
                f"the offline file {self.path.name} has a line that is not HASH:COUNT "
                f"(near byte {offset})"
            )
        return match.group(1), int(match.group(2))

    def _lower_bound(self, handle: BinaryIO, target: bytes) -> int:
        """Offset of the first line whose hash is >= target (checking order on the way)."""
        lo, hi = 0, self.size
        lo_key: bytes | None = None
        hi_key: bytes | None = None
        while hi - lo > _SCAN_BYTES:
            mid = (lo + hi) // 2
            handle.seek(mid)
            handle.readline()  # skip to the start of the next line
            pos = handle.tell()
            if pos >= hi:
                hi = mid
                continue
            line = handle.readline()
            key, _ = self._key(line, pos)
            if key < target:
                # Probes that move right must not go down, probes that move left must not go up.
                if lo_key is not None and key < lo_key:
                    raise _not_sorted(self.path, pos)
                lo, lo_key = pos + len(line), key
            else:
                if hi_key is not None and key > hi_key:
                    raise _not_sorted(self.path, pos)
                hi, hi_key = mid, key
            if lo_key is not None and hi_key is not None and lo_key >= hi_key:
                raise _not_sorted(self.path, pos)
        return lo

    def _lines_from(self, handle: BinaryIO, target: bytes) -> list[tuple[bytes, int]]:
        """Lines from the first hash >= target while they share target's first 5 characters."""
        offset = self._lower_bound(handle, target)
        handle.seek(offset)
        prefix = target[:5]
        found: list[tuple[bytes, int]] = []
        previous: bytes | None = None
        for _ in range(_MAX_PREFIX_LINES + _SCAN_BYTES):
            line = handle.readline()
            if not line:
                break
            key, count = self._key(line, offset)
            if previous is not None and key < previous:
                raise _not_sorted(self.path, offset)
            previous = key
            offset += len(line)
            if key < target:
                continue
            if not key.startswith(prefix):
                break
            found.append((key, count))
            if len(found) > _MAX_PREFIX_LINES:
                raise BreachLookupError(
                    f"the offline file {self.path.name} has implausibly many hashes for one prefix"
                )
        return found

    def range(self, prefix: str) -> Mapping[str, int]:
        """All suffixes and counts for ``prefix`` (read from a few kilobytes of the file)."""
        target = (check_prefix(prefix) + "0" * 35).encode("ascii")
        try:
            with self.path.open("rb") as handle:
                lines = self._lines_from(handle, target)
        except OSError as error:
            raise BreachLookupError(
                f"the offline file {self.path.name} could not be read ({error.strerror})"
            ) from None
        return {key[5:].decode("ascii"): count for key, count in lines if count > 0}

    def count(self, hashed: HashedPassword) -> int:
        """How often this hash appears: a binary search for the exact hash."""
        target = (hashed.prefix + hashed.suffix).encode("ascii")
        try:
            with self.path.open("rb") as handle:
                offset = self._lower_bound(handle, target)
                handle.seek(offset)
                for _ in range(_SCAN_BYTES):
                    line = handle.readline()
                    if not line:
                        return 0
                    key, count = self._key(line, offset)
                    offset += len(line)
                    if key >= target:
                        # One more line: the file must keep going up after the answer.
                        following = handle.readline()
                        if following and self._key(following, offset)[0] < key:
                            raise _not_sorted(self.path, offset)
                        return count if key == target else 0
        except OSError as error:
            raise BreachLookupError(
                f"the offline file {self.path.name} could not be read ({error.strerror})"
            ) from None
        raise _not_sorted(self.path, offset)


class PrefixFolderSource(BreachSource):
    """A folder of per-prefix files ``ABCDE.txt`` holding ``SUFFIX:COUNT`` lines."""

    name = "offline"

    def __init__(self, path: Path) -> None:
        self.path = path
        if not _has_prefix_file(path):
            raise InputError(
                f"The offline folder {path} holds no Pwned Passwords range files.",
                hint="It should hold files named like 00000.txt to FFFFF.txt, as the official "
                "downloader writes them; or give a single sorted SHA1HASH:COUNT file.",
            )

    def range(self, prefix: str) -> Mapping[str, int]:
        """The suffixes and counts in ``PREFIX.txt``."""
        check_prefix(prefix)
        candidates = [self.path / f"{prefix}.txt", self.path / f"{prefix.lower()}.txt"]
        file = next((c for c in candidates if c.is_file()), None)
        if file is None:
            # One message for every missing prefix, so an audit lists it once.
            raise BreachLookupError(
                "the offline folder is missing some of its range files (is the download complete?)"
            )
        try:
            with file.open("rb") as handle:
                raw = handle.read(_MAX_PREFIX_FILE_BYTES + 1)
        except OSError as error:
            raise BreachLookupError(
                f"the offline file {file.name} could not be read ({error.strerror})"
            ) from None
        if len(raw) > _MAX_PREFIX_FILE_BYTES:
            raise BreachLookupError(f"the offline file {file.name} is implausibly large")
        what = f"the offline file {file.name} is malformed"
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            raise BreachLookupError(f"{what} (not plain text)") from None
        if text == "":
            return {}
        return parse_range(text, what=what)


_PREFIX_FILE = re.compile(r"[0-9A-Fa-f]{5}\.txt")
#: Folder entries looked at for a range file before giving up (the real folder has 1,048,576).
_MAX_ENTRIES_SCANNED = 10_000


def _has_prefix_file(path: Path) -> bool:
    """True if the folder holds at least one ``ABCDE.txt`` file (looking at a bounded number of
    entries, so a huge folder costs almost nothing)."""
    try:
        with os.scandir(path) as entries:
            for _, entry in zip(range(_MAX_ENTRIES_SCANNED), entries, strict=False):
                if _PREFIX_FILE.fullmatch(entry.name) and entry.is_file():
                    return True
    except OSError as error:
        raise InputError(f"The offline folder {path} cannot be read ({error.strerror}).") from None
    return False


def open_offline(path: Path) -> BreachSource:
    """A source for a sorted file or a per-prefix folder; UsageError/InputError if unusable."""
    if path.is_dir():
        return PrefixFolderSource(path)
    if path.is_file():
        try:
            return SortedFileSource(path)
        except OSError as error:
            raise InputError(
                f"The offline file {path} cannot be read ({error.strerror})."
            ) from None
    raise UsageError(
        f"The offline breach data {path} does not exist.",
        hint="Give a sorted SHA1HASH:COUNT file or a folder of ABCDE.txt files (--offline).",
    )
