"""Every weekday named next to a date anywhere in the content matches the calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sochelp.content.calendar import (
    SEASON_START_YEAR,
    check,
    named_dates,
    problems_in_text,
    season_year,
)
from sochelp.content.store import ContentStore


def test_bundled_content_has_no_wrong_weekdays() -> None:
    assert [str(p) for p in check(ContentStore())] == []


def test_the_checker_reads_every_bundled_content_file() -> None:
    labels = [label for label, _ in ContentStore().toml_files()]
    assert "content/quiz/genuine.toml" in labels
    assert any(label.startswith("content/situations/") for label in labels)
    assert len(labels) > 40


def test_the_bundled_content_does_name_weekdays_so_the_test_means_something() -> None:
    found = [
        named
        for _, raw in ContentStore().toml_files()
        for named in named_dates(raw.decode("utf-8"))
    ]
    assert len(found) >= 5
    assert all(named.matches for named in found)


@pytest.mark.parametrize(
    ("text", "date", "matches"),
    [
        ("Saturday 13 March 2027", dt.date(2027, 3, 13), True),
        ("Saturday 14 March 2027", dt.date(2027, 3, 14), False),
        ("Saturday, 13 March 2027", dt.date(2027, 3, 13), True),
        ("Friday 11 December", dt.date(2026, 12, 11), True),
        ("Friday 12 December", dt.date(2026, 12, 12), False),
        ("Wed 9 Dec", dt.date(2026, 12, 9), True),
        ("Tue 9 Dec", dt.date(2026, 12, 9), False),
        ("Monday the 4th of January", dt.date(2027, 1, 4), True),
        ("Friday, December 11, 2026", dt.date(2026, 12, 11), True),
        ("Thu Dec 10", dt.date(2026, 12, 10), True),
        ("SATURDAY 5 DECEMBER", dt.date(2026, 12, 5), True),
    ],
)
def test_named_dates(text: str, date: dt.date, matches: bool) -> None:
    [named] = list(named_dates(f"See you on {text}, thanks."))
    assert named.date == date
    assert named.matches is matches


def test_impossible_dates_are_reported() -> None:
    [problem] = problems_in_text("x.toml", "due on Monday 31 February")
    assert str(problem) == "x.toml: line 1: 'Monday 31 February': there is no such date"


def test_problem_names_the_line_and_the_real_weekday() -> None:
    text = 'first line\nsubject = "Planned maintenance: Saturday 6 December"\n'
    [problem] = problems_in_text("quiz/genuine.toml", text)
    assert str(problem) == (
        "quiz/genuine.toml: line 2: 'Saturday 6 December': 2026-12-06 is a Sunday"
    )


def test_text_without_a_weekday_is_ignored() -> None:
    assert list(named_dates("due by 31 December 2026; 9 Dec at 10:40; Sun cream")) == []


@pytest.mark.parametrize(("month", "year"), [(9, SEASON_START_YEAR), (12, SEASON_START_YEAR)])
def test_autumn_dates_belong_to_the_season_start_year(month: int, year: int) -> None:
    assert season_year(month) == year


@pytest.mark.parametrize("month", [1, 3, 8])
def test_spring_and_summer_dates_belong_to_the_next_year(month: int) -> None:
    assert season_year(month) == SEASON_START_YEAR + 1


def test_overlay_files_are_checked_too(tmp_path: Path) -> None:
    overlay = tmp_path / "local"
    (overlay / "quiz").mkdir(parents=True)
    (overlay / "quiz" / "local.toml").write_text(
        "# meeting on Tuesday 10 December\n", encoding="utf-8"
    )
    problems = [str(p) for p in check(ContentStore(overlay=overlay))]
    assert problems == [
        f"{overlay}/quiz/local.toml: line 1: 'Tuesday 10 December': 2026-12-10 is a Thursday"
    ]


def test_content_check_command_reports_a_wrong_weekday(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    overlay = tmp_path / "local"
    (overlay / "situations").mkdir(parents=True)
    (overlay / "situations" / "note.toml").write_text(
        "# surgery on Friday 12 December\n", encoding="utf-8"
    )
    result = run_cli(["content", "check", str(overlay)])
    assert result.exit_code == 1
    assert "'Friday 12 December': 2026-12-12 is a Saturday" in result.stdout
