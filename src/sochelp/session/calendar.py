"""``--remind FILE``: an iCalendar file (RFC 5545) with the day to come back, so the habit
returns through the user's own calendar without sochelp running in the background.

One all-day VEVENT per reminder: DTSTART/DTEND as dates, a UID, a DTSTAMP in UTC, a summary and
a description. Lines end with CRLF and are folded at 75 octets (never inside a UTF-8 character);
text values escape backslashes, semicolons, commas and newlines.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sochelp import __version__
from sochelp.render.safe import shown_document

#: Longest line in octets, not counting the CRLF (RFC 5545 section 3.1).
FOLD_AT = 75


@dataclass(frozen=True)
class Reminder:
    """One day to come back to something."""

    day: dt.date
    summary: str
    description: str
    #: What the reminder is about, so writing it again gives the same UID (calendars update
    #: the event instead of adding a second one).
    key: str


def escape_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 section 3.3.11 says."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """A content line folded into lines of at most 75 octets, joined with CRLF + space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_AT:
        return line
    parts: list[str] = []
    current = b""
    limit = FOLD_AT
    for char in line:
        octets = char.encode("utf-8")
        if len(current) + len(octets) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
            limit = FOLD_AT - 1  # continuation lines start with a space
        current += octets
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _uid(reminder: Reminder) -> str:
    digest = hashlib.sha256(f"{reminder.key}|{reminder.day.isoformat()}".encode()).hexdigest()
    return f"{digest[:32]}@sochelp.invalid"


def calendar(reminders: Sequence[Reminder], now: dt.datetime) -> str:
    """The whole VCALENDAR text (CRLF line endings)."""
    stamp = now.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//sochelp//sochelp {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for reminder in reminders:
        lines.extend(
            [
                "BEGIN:VEVENT",
                f"UID:{_uid(reminder)}",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{reminder.day.strftime('%Y%m%d')}",
                f"DTEND;VALUE=DATE:{(reminder.day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
                f"SUMMARY:{escape_text(reminder.summary)}",
                f"DESCRIPTION:{escape_text(reminder.description)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
        )
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the last day of the month when it has fewer days)."""
    import calendar as cal

    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, cal.monthrange(year, month)[1]))


def write_reminders(path: Path, reminders: Sequence[Reminder], now: dt.datetime) -> None:
    """Write the calendar file (bytes, so the CRLFs stay as they are on every system)."""
    from sochelp.errors import OutputError

    try:
        # Titles come from content, which an overlay can change: no control characters.
        path.write_bytes(shown_document(calendar(reminders, now)).encode("utf-8"))
    except OSError as exc:
        raise OutputError(
            f"Cannot write {path}: {exc.strerror or exc}.",
            hint="Check that the folder exists and that you can write to it.",
        ) from None
