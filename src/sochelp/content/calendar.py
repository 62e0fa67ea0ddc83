"""Weekdays named next to dates in content must match the calendar.

"Saturday 14 March 2027" is a Sunday: a careful reader notices, and a genuine-looking example
that gets its own date wrong teaches the wrong lesson. Every weekday written next to a date
("Friday 11 December", "Tue 9 Dec", "Saturday, 13 March 2027", "Monday the 4th of January") is
checked. A date written without a year belongs to the content's season: September to December
of :data:`SEASON_START_YEAR`, January to August of the year after (the year the quiz scenarios
use, with a tax deadline in January and a concert in March).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from sochelp.content.store import ContentStore
from sochelp.errors import ContentProblem

#: Dates without a year fall between September of this year and August of the next.
SEASON_START_YEAR = 2026

_DAYS = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tue": 1,
    "tues": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9

_DAY_WORD = r"(?P<weekday>" + "|".join(sorted(_DAYS, key=len, reverse=True)) + r")\.?"
_MONTH_WORD = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_NUMBER = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"

#: "Friday 11 December 2026", "Fri, 11 Dec", "Friday the 11th of December"
_DAY_MONTH = re.compile(
    rf"\b{_DAY_WORD},?\s+(?:the\s+)?{_DAY_NUMBER}(?:\s+of)?\s+{_MONTH_WORD}{_YEAR}\b",
    re.IGNORECASE,
)
#: "Friday, December 11, 2026", "Fri Dec 11"
_MONTH_DAY = re.compile(
    rf"\b{_DAY_WORD},?\s+{_MONTH_WORD}\s+{_DAY_NUMBER}{_YEAR}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NamedDate:
    """A weekday written next to a date, and what the calendar says about it."""

    text: str
    written: int  #: weekday as written (Monday = 0)
    date: dt.date | None  #: None when the day does not exist (31 February)

    @property
    def matches(self) -> bool:
        """True when the date exists and falls on the weekday written next to it."""
        return self.date is not None and self.date.weekday() == self.written


def season_year(month: int, start_year: int = SEASON_START_YEAR) -> int:
    """The year of a date written without one."""
    return start_year if month >= 9 else start_year + 1


def named_dates(text: str, start_year: int = SEASON_START_YEAR) -> Iterator[NamedDate]:
    """Every weekday-and-date found in ``text``, in order."""
    found: list[tuple[int, re.Match[str]]] = []
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        found.extend((m.start(), m) for m in pattern.finditer(text))
    for _, match in sorted(found, key=lambda pair: pair[0]):
        weekday = _DAYS[match["weekday"].lower()]
        month = _MONTHS[match["month"].lower()]
        day = int(match["day"])
        year = int(match["year"]) if match["year"] else season_year(month, start_year)
        try:
            date: dt.date | None = dt.date(year, month, day)
        except ValueError:
            date = None
        yield NamedDate(match.group(0), weekday, date)


def problems_in_text(label: str, text: str) -> list[ContentProblem]:
    """A problem for every weekday that does not match its date in one file's text."""
    problems: list[ContentProblem] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        for named in named_dates(line):
            if named.matches:
                continue
            if named.date is None:
                reason = f"'{named.text}': there is no such date"
            else:
                actual = calendar.day_name[named.date.weekday()]
                reason = f"'{named.text}': {named.date.isoformat()} is a {actual}"
            problems.append(ContentProblem(label, f"line {line_number}", reason))
    return problems


def check(store: ContentStore) -> list[ContentProblem]:
    """Weekday mistakes in every content file of the store (bundled and overlay)."""
    problems: list[ContentProblem] = []
    for label, raw in store.toml_files():
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue  # reported by the capability that reads the file
        problems.extend(problems_in_text(label, text))
    return problems
