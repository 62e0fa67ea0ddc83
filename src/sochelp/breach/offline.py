"""Offline breach lookups in a local copy of the Pwned Passwords corpus (no network at all).

Two layouts, as written by the official downloader:

* one file of ``SHA1HASH:COUNT`` lines sorted by hash (LF or CRLF; about 38 GB in reality),
  searched by binary search over byte offsets: a lookup reads a few kilobytes, never the file;
* a folder of per-prefix files ``ABCDE.txt`` with ``SUFFIX:COUNT`` lines.

A sorted file is opened and memory-mapped once per run; lookups only read the map, so a source can
be used from several threads at once.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sochelp.breach.interface import BreachLookupError, BreachSource, HashedPassword
from sochelp.breach.parse import check_prefix, parse_range
from sochelp.errors import InputError, UsageError

_FULL_LINE = re.compile(rb"([0-9A-F]{40}):([0-9]{1,18})\r?\n?")
#: One line without its LF (matched in place in the map, between two offsets).
_LINE = re.compile(rb"([0-9A-F]{40}):([0-9]{1,18})\r?")
#: Every line of a stretch of the file, for the final window and for --verify.
_LINES = re.compile(rb"([0-9A-F]{40}):[0-9]{1,18}\r?\n")
_WINDOW = re.compile(rb"(?:[0-9A-F]{40}:[0-9]{1,18}\r?\n)+")
#: The binary search stops when this many bytes are left between its bounds (about 5 lines);
#: every line in that window is then checked.
_WINDOW_BYTES = 256
#: Most lines read for one prefix (real prefixes have about 1,000; this guards runaway reads).
_MAX_PREFIX_LINES = 200_000
#: Largest per-prefix file read.
_MAX_PREFIX_FILE_BYTES = 20_000_000
_NO_KEY = b""
_TOP_VALUE = 16**12
_COLON = ord(":")
_TOP_KEY = b"\xff"


def _not_sorted(path: Path, offset: int) -> BreachLookupError:
    return BreachLookupError(
        f"the offline file {path.name} is not sorted by hash (found near byte {offset}); "
        "download it again with the hashes in order, or check it with --verify"
    )


class SortedFileSource(BreachSource):
    """A single sorted ``HASH:COUNT`` file, looked up by binary search in a memory map.

    The file is opened and mapped once per run. Every line a search reads is checked: its form,
    that it lies between the bounds found so far, and that it is in order with the lines on either
    side; the last few lines between the bounds are all checked. A shuffled or reversed file is
    therefore reported instead of answering "not found" (a search cannot prove the whole file
    sorted; ``--verify`` reads all of it once).
    """

    name = "offline"
    #: Lookups take microseconds: threads would only add overhead (see ``run_audit``).
    sequential = True

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = path.open("rb")
        try:
            self.size = os.fstat(self._handle.fileno()).st_size
            first = self._handle.readline(200)
            if self.size == 0 or not _FULL_LINE.fullmatch(first):
                raise InputError(
                    f"The offline file {path.name} does not look like a Pwned Passwords file.",
                    hint="It should hold SHA1HASH:COUNT lines sorted by hash (upper-case SHA-1, "
                    "not NTLM), or use a folder of ABCDE.txt files.",
                )
            self._map = mmap.mmap(self._handle.fileno(), 0, access=mmap.ACCESS_READ)
        except BaseException:
            self._handle.close()
            raise
        #: Lines checked by the lookups so far (for tests and benchmarks).
        self.lines_checked = 0

    def close(self) -> None:
        """Unmap and close the file."""
        with contextlib.suppress(BufferError, ValueError):
            self._map.close()
        self._handle.close()

    def _bad_line(self, offset: int) -> BreachLookupError:
        return BreachLookupError(
            f"the offline file {self.path.name} has a line that is not HASH:COUNT "
            f"(near byte {offset})"
        )

    def _neighbour_problem(self, offset: int) -> BreachLookupError:
        # Only called when a neighbour is out of order: say whether it is even a hash line.
        end = self._map.find(b"\n", offset)
        if _LINE.fullmatch(self._map, offset, end if end >= 0 else self.size) is None:
            return self._bad_line(offset)
        return _not_sorted(self.path, offset)

    def _window(self, target: bytes) -> tuple[int, int, bytes]:
        """Narrow down to a few lines: (lo, hi, key before lo). Lines before ``lo`` hash below
        ``target``; the line at ``hi`` (if any) hashes at or above it.

        Every probed line is checked: a colon after 40 characters (the full form is checked
        when a line is out of order or answers the lookup), between the bounds found so far,
        and in order with its neighbour on the side the search goes on to. Written for speed:
        this loop is most of the cost of a lookup.
        """
        data = self._map
        size = self.size
        find, rfind = data.find, data.rfind
        lo, hi = 0, size
        lo_key, hi_key = _NO_KEY, _TOP_KEY
        # Hashes are spread evenly, so the target's position is estimated from its value
        # (interpolation search: a handful of probes instead of ~25); a probe that does not at
        # least halve the range is followed by a plain halving step, which bounds the worst case.
        lo_value, hi_value = 0, _TOP_VALUE
        target_value = int(target[:12], 16)
        interpolate = True
        probes = 0
        while hi - lo > _WINDOW_BYTES:
            span = hi - lo
            if interpolate and hi_value > lo_value:
                guess = lo + (span * (target_value - lo_value)) // (hi_value - lo_value)
                guess = min(max(guess, lo + _WINDOW_BYTES // 4), hi - _WINDOW_BYTES // 4)
            else:
                guess = (lo + hi) >> 1
            start = rfind(b"\n", lo, guess) + 1 or lo
            key = data[start : start + 40]
            probes += 1
            if data[start + 40] != _COLON or not lo_key <= key <= hi_key:
                raise self._line_problem(start)
            if key < target:
                # The search goes on to the right: the next line must not go down.
                end = find(b"\n", start + 41)
                if end < 0:
                    end = size
                following = data[end + 1 : end + 41]
                if following and following < key:
                    raise self._neighbour_problem(end + 1)
                lo, lo_key, lo_value = end + 1, key, int(key[:12], 16)
            else:
                # The search goes on to the left: the line before must not go up.
                if start:
                    before = rfind(b"\n", 0, start - 1) + 1
                    if data[before : before + 40] > key:
                        raise self._neighbour_problem(before)
                hi, hi_key, hi_value = start, key, int(key[:12], 16)
            interpolate = hi - lo <= span >> 1
        self.lines_checked += probes * 2
        return lo, hi, lo_key

    def _line_problem(self, start: int) -> BreachLookupError:
        end = self._map.find(b"\n", start)
        if _LINE.fullmatch(self._map, start, end if end >= 0 else self.size) is None:
            return self._bad_line(start)
        return _not_sorted(self.path, start)

    def _lines_from(self, target: bytes, prefix_only: bool) -> list[tuple[bytes, int]]:
        """The lines from the first hash >= target: just that one, or (``prefix_only``) all that
        share target's first 5 characters. Every line read is checked for form and order."""
        lo, hi, previous = self._window(target)
        data = self._map
        size = self.size
        line = _LINE.fullmatch
        offset = lo
        found: list[tuple[bytes, int]] = []
        prefix = target[:5]
        checked = 0
        # Every line of the window is read, even after the answer, so that a window out of
        # order is caught; then one more line past it (or the prefix's last line).
        while offset < size:
            end = data.find(b"\n", offset)
            if end < 0:
                end = size
            match = line(data, offset, end)
            if match is None:
                raise self._bad_line(offset)
            key = match.group(1)
            checked += 1
            if key < previous:
                raise _not_sorted(self.path, offset)
            previous = key
            if key >= target:
                if prefix_only:
                    if not key.startswith(prefix):
                        if offset >= hi:
                            break
                    else:
                        found.append((key, int(match.group(2))))
                        if len(found) > _MAX_PREFIX_LINES:
                            raise BreachLookupError(
                                f"the offline file {self.path.name} has implausibly many hashes "
                                "for one prefix"
                            )
                elif not found:
                    found.append((key, int(match.group(2))))
                elif offset >= hi:
                    break
            offset = end + 1
        self.lines_checked += checked
        return found

    def _read(self, target: bytes, prefix_only: bool) -> list[tuple[bytes, int]]:
        try:
            return self._lines_from(target, prefix_only)
        except IndexError:  # a line cut short at the end of the file
            raise BreachLookupError(
                f"the offline file {self.path.name} ends with a line that is not HASH:COUNT"
            ) from None
        except (OSError, ValueError) as error:  # an I/O error on a mapped page; a closed map
            reason = getattr(error, "strerror", None) or "it is no longer open"
            raise BreachLookupError(
                f"the offline file {self.path.name} could not be read ({reason})"
            ) from None

    def range(self, prefix: str) -> Mapping[str, int]:
        """All suffixes and counts for ``prefix`` (read from a few kilobytes of the file)."""
        target = (check_prefix(prefix) + "0" * 35).encode("ascii")
        lines = self._read(target, prefix_only=True)
        return {key[5:].decode("ascii"): count for key, count in lines if count > 0}

    def count(self, hashed: HashedPassword) -> int:
        """How often this hash appears: a binary search for the exact hash."""
        target = (hashed.prefix + hashed.suffix).encode("ascii")
        try:
            found = self._count(target)
        except (IndexError, OSError, ValueError):
            found = None  # the careful path below names the problem
        if found is not None:
            return found
        lines = self._read(target, prefix_only=False)
        if lines and lines[0][0] == target:
            return lines[0][1]
        return 0

    def _count(self, target: bytes) -> int | None:
        """The quick path of :meth:`count`: the window checked with a few whole-slice operations
        (form by one regular expression, order by one comparison of neighbouring keys). None
        when anything is wrong there; :meth:`_lines_from` then finds and names it."""
        lo, hi, previous = self._window(target)
        data = self._map
        end = data.find(b"\n", hi)
        chunk = data[lo : end + 1] if end >= 0 else data[lo:] + b"\n"
        if not chunk or _WINDOW.fullmatch(chunk) is None:
            return None if chunk else 0
        lines = chunk.split(b"\n")
        lines.pop()  # after the final line ending
        keys = [line[:40] for line in lines]
        if keys[0] < previous or not all(map(bytes.__le__, keys, keys[1:])):
            return None
        self.lines_checked += len(keys)
        index = bisect_left(keys, target)
        if index < len(keys) and keys[index] == target:
            return int(lines[index][41:].rstrip(b"\r"))
        return 0

    def counts(self, prefix: str, suffixes: Collection[str]) -> dict[str, int]:
        """Counts for just these suffixes of ``prefix`` (one search each: no range is built)."""
        check_prefix(prefix)
        return {suffix: self.count(HashedPassword(prefix, suffix)) for suffix in suffixes}


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


#: Bytes of the file checked at a time by :func:`verify_sorted_file`.
_VERIFY_CHUNK = 16 * 1024 * 1024
_MARKER_FILE = "offline-verified.json"


@dataclass(frozen=True)
class Verified:
    """A sorted file checked in full: its size and modification time then, and when."""

    lines: int
    size: int
    mtime_ns: int
    when: str


def _fingerprint(path: Path) -> tuple[str, int, int]:
    info = path.stat()
    return str(path.resolve()), info.st_size, info.st_mtime_ns


def verify_sorted_file(path: Path, progress: Callable[[int, int], None] | None = None) -> Verified:
    """Read the whole sorted file once: every line HASH:COUNT, hashes in increasing order.

    Raises :class:`InputError` naming the first byte where it is not; records a marker (size and
    modification time) in the cache folder so later runs can say the file was verified.
    """
    import datetime

    source = SortedFileSource(path)  # refuses a file that is not HASH:COUNT at all
    data, size = source._map, source.size
    lines = 0
    previous = b""
    offset = 0
    try:
        while offset < size:
            end = min(size, offset + _VERIFY_CHUNK)
            if end < size:
                end = data.rfind(b"\n", offset, end) + 1 or data.find(b"\n", end) + 1 or size
            chunk = data[offset:end]
            if not chunk.endswith(b"\n"):
                chunk += b"\n"
            problem = _chunk_problem(chunk, previous)
            if problem is not None:
                kind, at = problem
                where = offset + at
                if kind == "order":
                    raise InputError(
                        f"The offline file {path.name} is not sorted by hash (near byte {where}).",
                        hint="Download it again with the hashes in order (the downloader's "
                        "file sorted by hash), unchanged.",
                    )
                raise InputError(
                    f"The offline file {path.name} has a line that is not HASH:COUNT "
                    f"(near byte {where}).",
                    hint="Download it again; the file must hold only SHA1HASH:COUNT lines.",
                )
            lines += chunk.count(b"\n")
            previous = chunk[chunk.rfind(b"\n", 0, len(chunk) - 1) + 1 :][:40]
            offset = end
            if progress is not None:
                progress(offset, size)
    except OSError as error:
        raise InputError(
            f"The offline file {path.name} could not be read ({error.strerror})."
        ) from None
    finally:
        source.close()
    _, size, mtime_ns = _fingerprint(path)
    done = Verified(
        lines=lines,
        size=size,
        mtime_ns=mtime_ns,
        when=datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
    _save_marker(path, done)
    return done


def _chunk_problem(chunk: bytes, previous: bytes) -> tuple[str, int] | None:
    """("form" or "order", offset in chunk) of the first problem, or None."""
    match = _CHUNK.match(chunk)
    if match is None or match.end() != len(chunk):
        at = match.end() if match is not None else 0
        return "form", at
    keys = _KEYS.findall(chunk)
    if previous and keys and keys[0] < previous:
        return "order", 0
    if not all(map(bytes.__lt__, keys, keys[1:])):
        for index in range(1, len(keys)):
            if keys[index] <= keys[index - 1]:
                return "order", _nth_line_offset(chunk, index)
    return None


def _nth_line_offset(chunk: bytes, index: int) -> int:
    offset = 0
    for _ in range(index):
        offset = chunk.index(b"\n", offset) + 1
    return offset


_CHUNK = re.compile(rb"(?:[0-9A-F]{40}:[0-9]{1,18}\r?\n)*")
_KEYS = re.compile(rb"^[0-9A-F]{40}", re.MULTILINE)


def _marker_path() -> Path | None:
    from sochelp.content.cache import cache_dir

    folder = cache_dir()
    return folder / _MARKER_FILE if folder is not None else None


def _load_markers(marker: Path) -> dict[str, Any]:
    import json

    try:
        data = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_marker(path: Path, verified: Verified) -> None:
    import json
    import tempfile

    marker = _marker_path()
    if marker is None:
        return
    markers = _load_markers(marker)
    markers[str(path.resolve())] = {
        "size": verified.size,
        "mtime_ns": verified.mtime_ns,
        "lines": verified.lines,
        "when": verified.when,
    }
    try:
        marker.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", dir=marker.parent, delete=False, encoding="utf-8", suffix=".tmp"
        ) as out:
            json.dump(markers, out, indent=1)
        os.replace(out.name, marker)
    except OSError:
        return  # the marker is a convenience; the check itself was done


def verified_marker(path: Path) -> Verified | None:
    """The record of an earlier ``--verify`` of this very file (same size and modification
    time), or None."""
    marker = _marker_path()
    if marker is None:
        return None
    try:
        key, size, mtime_ns = _fingerprint(path)
    except OSError:
        return None
    entry = _load_markers(marker).get(key)
    if not isinstance(entry, dict):
        return None
    if entry.get("size") != size or entry.get("mtime_ns") != mtime_ns:
        return None
    lines, when = entry.get("lines"), entry.get("when")
    if not isinstance(lines, int) or not isinstance(when, str):
        return None
    return Verified(lines=lines, size=size, mtime_ns=mtime_ns, when=when[:40])
