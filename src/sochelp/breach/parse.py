"""Parsing and validating range bodies (``SUFFIX:COUNT`` lines) from the API or a prefix file."""

from __future__ import annotations

import re

from sochelp.breach.interface import BreachLookupError

_LINE = re.compile(r"[0-9A-F]{35}:[0-9]{1,18}")
_PREFIX = re.compile(r"[0-9A-F]{5}")

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
