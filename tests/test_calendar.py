"""--remind FILE: RFC 5545 calendar files, parsed back; folding and escaping checked."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from sochelp.session.calendar import Reminder, add_months, calendar, escape_text, fold
from tests.conftest import run_cli

NOW = dt.datetime(2026, 11, 25, 14, 30, 5, tzinfo=dt.UTC)


def unfold(text: str) -> list[str]:
    """Content lines as RFC 5545 section 3.1 reads them back."""
    assert "\n" not in text.replace("\r\n", ""), "a bare LF"
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def parse(text: str) -> list[dict[str, str]]:
    """The VEVENTs as {NAME[;PARAMS]: value}."""
    events: list[dict[str, str]] = []
    current: dict[str, str] | None = None
    for line in unfold(text):
        name, _, value = line.partition(":")
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            assert current is not None
            events.append(current)
            current = None
        elif current is not None:
            current[name] = value
    return events


def test_calendar_is_valid_rfc5545() -> None:
    description = "Run: sochelp checkup business; then, if you like, the quiz – é " * 4
    reminder = Reminder(dt.date(2027, 5, 25), "Check-up, business; now", description, "k")
    text = calendar([reminder], NOW)
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    for physical in text.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    (event,) = parse(text)
    assert event["DTSTART;VALUE=DATE"] == "20270525"
    assert event["DTEND;VALUE=DATE"] == "20270526"
    assert event["DTSTAMP"] == "20261125T143005Z"
    assert re.fullmatch(r"[0-9a-f]{32}@sochelp\.invalid", event["UID"])
    assert unescape(event["SUMMARY"]) == "Check-up, business; now"
    assert event["SUMMARY"] == "Check-up\\, business\\; now"
    assert unescape(event["DESCRIPTION"]) == description
    lines = unfold(text)
    assert {"VERSION:2.0", "BEGIN:VEVENT", "END:VEVENT"} <= set(lines)
    assert any(line.startswith("PRODID:") for line in lines)


def test_folding_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line)
    for part in folded.split("\r\n"):
        part.encode("utf-8")  # each physical line is whole UTF-8
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_escaping() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


def test_same_reminder_same_uid() -> None:
    a = calendar([Reminder(dt.date(2027, 1, 1), "s", "d", "key")], NOW)
    b = calendar([Reminder(dt.date(2027, 1, 1), "s", "d", "key")], NOW + dt.timedelta(days=3))
    assert parse(a)[0]["UID"] == parse(b)[0]["UID"]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ((2026, 8, 31), 6, (2027, 2, 28)),
        ((2026, 11, 25), 6, (2027, 5, 25)),
        ((2027, 12, 1), 1, (2028, 1, 1)),
    ],
)
def test_add_months(day: tuple[int, int, int], months: int, expected: tuple[int, int, int]) -> None:
    assert add_months(dt.date(*day), months) == dt.date(*expected)


def test_checkup_remind_six_months_on(tmp_path: Path) -> None:
    ics = tmp_path / "next.ics"
    result = run_cli(
        ["checkup", "business", "--remind", str(ics)], input="y\np\nn\nna\ny\nn\ny\ny\nn\ny\n"
    )
    assert result.exit_code == 0, result.stderr
    (event,) = parse(ics.read_bytes().decode("utf-8"))
    expected = add_months(dt.date.today(), 6)
    assert event["DTSTART;VALUE=DATE"] == expected.strftime("%Y%m%d")
    assert "sochelp checkup business" in unescape(event["DESCRIPTION"])
    assert f"Next check-up ({expected.isoformat()})" in result.stderr


def test_checkup_remind_as_the_content_says(tmp_path: Path) -> None:
    overlay = tmp_path / "overlay" / "checkup_schedule"
    overlay.mkdir(parents=True)
    (overlay / "council.toml").write_text(
        '[[schedule]]\nid = "business"\nmonths = 12\nreason = "Annual board review."\n'
        "checked = 2026-11-20\n",
        encoding="utf-8",
    )
    ics = tmp_path / "next.ics"
    result = run_cli(
        ["--content-dir", str(tmp_path / "overlay"), "checkup", "business", "--remind", str(ics)],
        input="y\n" * 10,
    )
    assert result.exit_code == 0, result.stderr
    (event,) = parse(ics.read_bytes().decode("utf-8"))
    assert event["DTSTART;VALUE=DATE"] == add_months(dt.date.today(), 12).strftime("%Y%m%d")
    check = run_cli(["content", "check", str(tmp_path / "overlay")])
    assert check.exit_code == 0, check.stdout
    (overlay / "council.toml").write_text(
        '[[schedule]]\nid = "young-people"\nmonths = 99\nchecked = 2026-11-20\n', encoding="utf-8"
    )
    bad = run_cli(["content", "check", str(tmp_path / "overlay")])
    assert bad.exit_code == 1 and "not a check-up audience" in bad.stdout


def test_quiz_remind_next_review_day(tmp_path: Path) -> None:
    ics = tmp_path / "review.ics"
    result = run_cli(["scam-quiz", "-n", "3", "--remind", str(ics)], input="a\na\na\n")
    assert result.exit_code == 0, result.stderr
    raw = ics.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    (event,) = parse(raw.decode("utf-8"))
    day = dt.datetime.strptime(event["DTSTART;VALUE=DATE"], "%Y%m%d").date()
    assert day == dt.date.today() + dt.timedelta(days=1)  # anything missed comes back tomorrow
    assert "sochelp scam-quiz --review" in unescape(event["DESCRIPTION"])
    refused = run_cli(["scam-quiz", "--no-save", "--remind", str(ics)])
    assert refused.exit_code == 2 and "--remind" in refused.stderr
