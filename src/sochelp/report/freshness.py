"""How far to trust a contact's details: where they were confirmed, and how long ago.

Kept free of rich and pydantic so that every view (plain, rich, JSON) and every command can use
it cheaply. "Today" is always passed in by the caller (the command layer), never read here.
"""

from __future__ import annotations

import datetime as dt

#: A contact checked longer ago than this is shown with a warning.
STALE_AFTER_MONTHS = 12

SECONDARY = "secondary"


def months_between(earlier: dt.date, later: dt.date) -> int:
    """Whole calendar months from ``earlier`` to ``later`` (0 if ``later`` is not after it)."""
    months = (later.year - earlier.year) * 12 + (later.month - earlier.month)
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier (the last day of a shorter month)."""
    index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    next_month = dt.date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


def is_stale(checked: dt.date, today: dt.date) -> bool:
    """True when ``checked`` is more than :data:`STALE_AFTER_MONTHS` months before ``today``."""
    return checked < months_before(today, STALE_AFTER_MONTHS)


def caution(confidence: str, months_since_checked: int, stale: bool) -> str | None:
    """The warning a user must see next to a contact, or None when there is nothing to say."""
    parts: list[str] = []
    if confidence == SECONDARY:
        parts.append("not confirmed on the organisation's own site")
    if stale:
        parts.append(f"last checked {months_since_checked} months ago — confirm on their site")
    if not parts:
        return None
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def provenance_line(
    source: str, checked: str, confidence: str, months_since_checked: int, stale: bool
) -> str:
    """The one line every view shows under a contact: where its details come from.

    A page that is not the organisation's own is never presented as "Checked against".
    """
    if confidence == SECONDARY:
        line = (
            f"Not confirmed on the organisation's own site: details found at {source} "
            f"(checked {checked})"
        )
        if stale:
            line += f" — last checked {months_since_checked} months ago, confirm on their site"
        return line
    line = f"Checked {checked} against {source}"
    if stale:
        line += f" — last checked {months_since_checked} months ago, confirm on their site"
    return line
