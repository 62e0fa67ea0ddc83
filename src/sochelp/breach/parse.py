"""Parsing and validating range bodies (``SUFFIX:COUNT`` lines) from the API or a prefix file."""

from __future__ import annotations

import re
from collections.abc import Collection
from operator import itemgetter

from sochelp.breach.interface import BreachLookupError

_LINE = re.compile(r"[0-9A-F]{35}:[0-9]{1,18}")
_PREFIX = re.compile(r"[0-9A-F]{5}")
_HEX = b"0123456789ABCDEF"
_NONZERO = itemgetter(1)

UNEXPECTED = "unexpected response from the breach service"


def check_prefix(prefix: str) -> str:
    """Return ``prefix`` if it is 5 upper-case hex characters, else raise ValueError."""
    if not _PREFIX.fullmatch(prefix):
        raise ValueError("a range prefix is exactly 5 upper-case hex characters")
    return prefix


def parse_range(body: str, *, what: str = UNEXPECTED) -> dict[str, int]:
    """Suffix -> count for every line of a range body, dropping padding lines (count 0).

    Lines end in LF or CRLF; the last may have no line ending; order is not assumed (the real
    service appends its padding lines unsorted). Any other line, or an empty body, raises
    :class:`BreachLookupError` with ``what`` as the message (never a partial result).
    """
    counts = _parse_uniform(body)
    if counts is not None:
        return counts
    return _parse_lines(body, what)


def _parse_uniform(body: str) -> dict[str, int] | None:
    """The fast path: a well-formed body whose lines all end the same way, validated with a few
    whole-body operations instead of one regular expression per line (a padded response has
    about 1,000 lines, and ``sochelp audit`` parses hundreds of them).

    Returns None whenever it cannot vouch for the body (a bad line, mixed line endings, a
    repeated suffix); :func:`_parse_lines` then decides, so results and errors are identical.
    """
    if not body.isascii():
        return None
    if body.endswith("\r\n"):
        ending, text = "\r\n", body[:-2]
    elif body.endswith("\n"):
        ending, text = "\n", body[:-1]
    else:
        ending, text = ("\r\n" if "\r" in body else "\n"), body
    lines = text.count(ending) + 1
    # With the hex digits deleted, a valid body is exactly ":", ending, ":", ending, ..., ":".
    # That proves every line is hex, one colon, hex, and nothing else is anywhere in the body.
    separator = (":" + ending).encode("ascii")
    if text.encode("ascii").translate(None, _HEX) != separator * (lines - 1) + b":":
        return None
    parts = text.replace(ending, ":").split(":")
    suffixes, counts = parts[0::2], parts[1::2]
    if set(map(len, suffixes)) != {35}:
        return None
    widths = set(map(len, counts))
    if min(widths) < 1 or max(widths) > 18 or not "".join(counts).isdigit():
        return None
    if len(set(suffixes)) != len(suffixes):
        return None  # a repeated suffix keeps its largest count: leave that to the slow path
    return dict(filter(_NONZERO, zip(suffixes, map(int, counts), strict=True)))


def _parse_lines(body: str, what: str) -> dict[str, int]:
    """The reference parser: one line at a time, naming the first line that is wrong."""
    lines = body.split("\n")
    # After splitting, every piece but the last was followed by LF; only those may end in CR.
    last = lines.pop()
    if last:
        lines.append(last)
    terminated = len(lines) if last == "" else len(lines) - 1
    if not lines:
        raise BreachLookupError(f"{what} (it was empty)")
    counts: dict[str, int] = {}
    for number, raw in enumerate(lines, start=1):
        line = raw.removesuffix("\r") if number <= terminated else raw
        if not _LINE.fullmatch(line):
            raise BreachLookupError(f"{what} (line {number} is not SUFFIX:COUNT)")
        suffix, _, count_text = line.partition(":")
        count = int(count_text)
        if count > 0:
            counts[suffix] = max(count, counts.get(suffix, 0))
    return counts


_COLON = ord(":")
_COUNTS = itemgetter(slice(36, None))
_COLON_AT = itemgetter(35)
#: Shortest and longest valid line: 35 + ":" + 1 to 18 digits.
_MIN_LINE, _MAX_LINE = 37, 54


def match_range(body: bytes, wanted: Collection[str], *, what: str = UNEXPECTED) -> dict[str, int]:
    """Counts for just the ``wanted`` suffixes in a range body (0 when absent or padding).

    The whole body is validated exactly as :func:`parse_range` does (the same bodies are refused,
    with the same messages), but no dictionary of all ~1,000 lines is built: the few suffixes
    needed are found with ``bytes.find``. This is the audit's per-request cost.
    """
    if not body.isascii():
        raise BreachLookupError(f"{what} (not plain text)")
    text = _validated_uniform(body)
    if text is None:
        # Mixed line endings, a repeated suffix or a bad line: the reference parser decides.
        counts = _parse_lines(body.decode("ascii"), what)
        return {suffix: counts.get(suffix, 0) for suffix in wanted}
    found: dict[str, int] = {}
    for suffix in wanted:
        needle = suffix.encode("ascii") + b":"
        best = 0
        at = text.find(needle) if len(needle) == 36 else -1
        while at >= 0:
            # Validated: a 35-hex run followed by ":" can only start a line.
            end = text.find(b"\n", at)
            value = int(text[at + 36 : end if end >= 0 else len(text)].rstrip(b"\r"))
            best = max(best, value)  # a repeated suffix keeps its largest count
            at = text.find(needle, at + 36)
        found[suffix] = best
    return found


def _validated_uniform(body: bytes) -> bytes | None:
    """The body without its final line ending if every line is ``SUFFIX:COUNT`` with one kind of
    line ending throughout, checked with a few whole-body operations; else None."""
    if body.endswith(b"\r\n"):
        ending, text = b"\r\n", body[:-2]
    elif body.endswith(b"\n"):
        ending, text = b"\n", body[:-1]
    else:
        ending, text = (b"\r\n" if b"\r" in body else b"\n"), body
    if not text:
        return None
    # With the hex digits deleted, a valid body is exactly ":", ending, ":", ending, ..., ":":
    # one colon per line, and nothing but hex digits around it.
    rest = text.translate(None, _HEX)
    unit = b":" + ending
    if rest != unit * (len(rest) // len(unit)) + b":":
        return None
    lines = text.split(ending)
    # The colon at index 35 (so 35 hex digits before it, as it is the only one), 1 to 18
    # characters after it, and those all decimal digits.
    widths = set(map(len, lines))
    if min(widths) < _MIN_LINE or max(widths) > _MAX_LINE:
        return None
    if set(map(_COLON_AT, lines)) != {_COLON}:
        return None
    if not b"".join(map(_COUNTS, lines)).isdigit():
        return None
    return text
