"""Validation of quiz content: every kind of problem is reported with its place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from sochelp.content.registry import check_all
from sochelp.content.store import ContentStore
from sochelp.errors import ContentError
from sochelp.quiz import content as quiz_content
from sochelp.quiz.content import QuizContent
from tests.quiz.conftest import FIXTURE

GOOD = """
[[question]]
id = "{qid}"
format = "scam-or-genuine"
topics = ["parcel-delivery"]
audiences = ["individual"]
difficulty = "easy"
prompt = "Scam or genuine?"
report_situation = "scam-text"
reviewed = 2026-11-01
sources = ["https://www.example.org/facts"]
answer = "scam"
red_flags = ["urgency"]
explanation = "Rushed."
what_to_do = "Stop."
[question.scenario]
medium = "sms"
body = "Pay now."
"""

CHOICES3 = """
[[question.choices]]
text = "One"
correct = true
[[question.choices]]
text = "Two"
[[question.choices]]
text = "Three"
"""


def problems_for(tmp_path: Path, toml: str) -> list[str]:
    """Problems found when ``toml`` is laid over the fixture bank as an extra quiz file."""
    folder = tmp_path / "quiz"
    folder.mkdir(exist_ok=True)
    (folder / "extra.toml").write_text(textwrap.dedent(toml), encoding="utf-8")
    store = ContentStore(bundled=FIXTURE, overlay=tmp_path)
    return [str(p) for p in quiz_content.check(store)]


def variant(replace: dict[str, str] | None = None, extra: str = "", qid: str = "bad") -> str:
    """The good question with some lines replaced and text appended."""
    text = GOOD.format(qid=qid)
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    return text + extra


def test_fixture_bank_is_valid(fixture_content: QuizContent) -> None:
    assert len(fixture_content.questions) == 9
    assert fixture_content.flag_names["urgency"] == "Rush and deadlines"
    assert fixture_content.topics()["parcel-delivery"] == 1


def test_a_good_extra_question_passes(tmp_path: Path) -> None:
    assert problems_for(tmp_path, variant(qid="fine")) == []


@pytest.mark.parametrize(
    ("toml", "key", "reason"),
    [
        (variant({'answer = "scam"\n': ""}), "question[bad]", "needs answer"),
        (variant(extra=CHOICES3), "question[bad]", "has no choices"),
        (
            variant({'answer = "scam"': 'answer = "genuine"'}),
            "question[bad]",
            "a genuine message has no red flags",
        ),
        (
            variant({'red_flags = ["urgency"]': "red_flags = []"}),
            "question[bad]",
            "a scam needs at least one red flag",
        ),
        (
            variant({'answer = "scam"': 'answer = "maybe"'}),
            "question[bad].answer",
            "'scam' or 'genuine'",
        ),
        (
            variant(
                {
                    'format = "scam-or-genuine"': 'format = "multiple-choice"',
                    'answer = "scam"\n': "",
                },
                extra=CHOICES3.replace('text = "Two"', 'text = "Two"\ncorrect = true'),
            ),
            "question[bad]",
            "exactly one correct choice, not 2",
        ),
        (
            variant(
                {
                    'format = "scam-or-genuine"': 'format = "multiple-choice"',
                    'answer = "scam"\n': "",
                },
                extra=CHOICES3.split('[[question.choices]]\ntext = "Three"')[0],
            ),
            "question[bad]",
            "needs 3 to 5 choices, not 2",
        ),
        (
            variant({'format = "scam-or-genuine"': 'format = "multiple-choice"'}, extra=CHOICES3),
            "question[bad]",
            "answer is only for scam-or-genuine",
        ),
        (
            variant(
                {
                    'format = "scam-or-genuine"': 'format = "spot-the-flags"',
                    'answer = "scam"\n': "",
                },
                extra=CHOICES3.replace("correct = true", "correct = false"),
            ),
            "question[bad]",
            "at least one correct choice",
        ),
        (
            variant(
                {
                    'format = "scam-or-genuine"': 'format = "spot-the-flags"',
                    'answer = "scam"\n': "",
                },
                extra="".join(
                    f'[[question.choices]]\ntext = "C{n}"\ncorrect = true\n' for n in range(8)
                ),
            ),
            "question[bad]",
            "needs 3 to 7 choices, not 8",
        ),
        (
            variant(
                {
                    'format = "scam-or-genuine"': 'format = "multiple-choice"',
                    'answer = "scam"\n': "",
                },
                extra=CHOICES3.replace('"Three"', '"one"'),
            ),
            "question[bad]",
            "two choices have the same text",
        ),
        (
            variant({'red_flags = ["urgency"]': 'red_flags = ["urgency", "spooky"]'}),
            "question[bad].red_flags[1]",
            "unknown red flag 'spooky'",
        ),
        (
            variant(
                {
                    'format = "scam-or-genuine"': 'format = "spot-the-flags"',
                    'answer = "scam"\n': "",
                },
                extra=CHOICES3.replace("correct = true", 'correct = true\nred_flag = "nope"'),
            ),
            "question[bad].choices[0].red_flag",
            "unknown red flag 'nope'",
        ),
        (
            variant({'report_situation = "scam-text"': 'report_situation = "no-such-thing"'}),
            "question[bad].report_situation",
            "unknown situation 'no-such-thing'",
        ),
        (
            variant({"reviewed = 2026-11-01": "reviewed = 2999-01-01"}),
            "question[bad].reviewed",
            "date is in the future",
        ),
        (
            variant({'"https://www.example.org/facts"': '"http://www.example.org/facts"'}),
            "question[bad].sources.0",
            "https://",
        ),
        (
            variant({'sources = ["https://www.example.org/facts"]': "sources = []"}),
            "question[bad].sources",
            "at least 1",
        ),
        (
            variant({'audiences = ["individual"]': 'audiences = ["everyone"]'}),
            "question[bad].audiences.0",
            "individual",
        ),
        (
            variant({'difficulty = "easy"': 'difficulty = "trivial"'}),
            "question[bad].difficulty",
            "easy",
        ),
        (variant({'medium = "sms"': 'medium = "pigeon"'}), "question[bad].scenario.medium", "sms"),
        (
            variant({'medium = "sms"': 'medium = "sms"\nfrm = "+44"'}),
            "question[bad].scenario.frm",
            "unknown key",
        ),
        (
            variant({'what_to_do = "Stop."': 'what_to_do = "Stop."\nhint = "x"'}),
            "question[bad].hint",
            "unknown key",
        ),
        (variant({'id = "bad"': 'id = "Bad Id"'}), "question[Bad Id].id", "pattern"),
        (
            variant({'topics = ["parcel-delivery"]': "topics = []"}),
            "question[bad].topics",
            "at least 1",
        ),
        (
            variant({'red_flags = ["urgency"]': 'red_flags = ["urgency", "urgency"]'}),
            "question[bad]",
            "lists the same value twice",
        ),
        (variant({'explanation = "Rushed."\n': ""}), "question[bad].explanation", "missing"),
        (variant() + variant(), "question[bad].id", "duplicate id"),
        ("[[questions]]\nid = 'x'\n", "questions", "unknown table"),
        ("[[question]\n", "", "not valid TOML"),
    ],
)
def test_each_problem_is_reported(tmp_path: Path, toml: str, key: str, reason: str) -> None:
    problems = problems_for(tmp_path, toml)
    assert any(f"extra.toml: {key}" in p and reason in p for p in problems), problems


def test_unknown_signs_guide(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        variant().replace(
            'report_situation = "scam-text"',
            'report_situation = "scam-text"\nsigns_guide = "nowhere"',
        ),
    )
    assert any(
        "question[bad].signs_guide" in p and "unknown signs guide 'nowhere'" in p for p in problems
    ), problems


def test_genuine_question_needs_no_red_flags_key(tmp_path: Path) -> None:
    toml = variant({'answer = "scam"': 'answer = "genuine"', 'red_flags = ["urgency"]\n': ""})
    assert problems_for(tmp_path, toml) == []


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "quiz"
    folder.mkdir()
    (folder / "extra.toml").write_text(
        variant({'difficulty = "easy"': 'difficulty = "x"'}, qid="one")
        + variant({'medium = "sms"': 'medium = "y"'}, qid="two"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        quiz_content.load(ContentStore(bundled=FIXTURE, overlay=tmp_path))
    assert len(caught.value.problems) == 2


def test_empty_bank_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "red_flags").mkdir()
    (tmp_path / "red_flags" / "f.toml").write_text(
        '[[red_flag]]\nid = "urgency"\nname = "Rush"\nexplanation = "Hurry."\n', encoding="utf-8"
    )
    problems = quiz_content.check(ContentStore(bundled=tmp_path))
    assert [p.reason for p in problems] == ["there are no quiz questions"]


def test_registered_with_content_check(tmp_path: Path) -> None:
    folder = tmp_path / "quiz"
    folder.mkdir()
    (folder / "extra.toml").write_text(
        variant({'report_situation = "scam-text"': 'report_situation = "nope"'}), encoding="utf-8"
    )
    problems = [str(p) for p in check_all(ContentStore(bundled=FIXTURE, overlay=tmp_path))]
    assert any("unknown situation 'nope'" in p for p in problems)
