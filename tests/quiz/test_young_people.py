"""The young-people quiz track: the bank's questions for ages 11-18, and what a teacher or a
young person gets from the command (session and trainer export)."""

from __future__ import annotations

import datetime as dt
import json
import random
from collections import Counter
from pathlib import Path

import pytest

from sochelp.content.store import ContentStore
from sochelp.content.types import Audience
from sochelp.quiz import content as quiz_content
from sochelp.quiz.content import Format, Question
from sochelp.quiz.engine import select
from sochelp.quiz.export import export_markdown
from sochelp.quiz.levels import Difficulty
from sochelp.scopes import Activity, audiences_for
from tests.conftest import run_cli

#: UK-wide help a young person can be pointed to (quiz questions carry no region).
WHO_TO_TELL = ("Childline", "trusted adult", "Fearless", "CEOP")
#: Services that only exist in one part of the UK, which a region-free question must not name.
REGIONAL = ("Police Scotland", "PSNI", "Action Fraud", "Report Fraud", "Advice Direct Scotland")


@pytest.fixture(scope="module")
def young() -> list[Question]:
    bank = quiz_content.load(ContentStore())
    return [q for q in bank.questions if Audience.YOUNG_PEOPLE in q.audiences]


def test_young_people_is_a_quiz_audience_only() -> None:
    assert Audience.YOUNG_PEOPLE in audiences_for(Activity.QUIZ)
    assert Audience.YOUNG_PEOPLE not in audiences_for(Activity.CHECKUP)


def test_at_least_25_questions_across_the_issue_topics(young: list[Question]) -> None:
    assert len(young) >= 25
    topics = Counter(t for q in young for t in q.topics)
    for topic in ("money-mule", "county-lines", "sextortion", "gaming", "fake-friends"):
        assert topics[topic] >= 3, (topic, topics)
    assert topics["tickets"] + topics["counterfeit-goods"] >= 3, topics
    assert {q.format for q in young} == set(Format)
    assert {q.difficulty for q in young} == set(Difficulty)


def test_about_a_third_are_genuine(young: list[Question]) -> None:
    genuine = sum(1 for q in young if q.is_genuine)
    assert genuine * 4 >= len(young), f"{genuine} genuine of {len(young)}"
    assert genuine * 2 <= len(young)


def test_every_question_says_who_to_tell_and_names_no_regional_service(
    young: list[Question],
) -> None:
    for question in young:
        text = f"{question.explanation} {question.what_to_do}"
        assert any(who in text for who in WHO_TO_TELL), question.id
        assert not any(service in text for service in REGIONAL), question.id


def test_sources_are_reviewed_and_scams_have_flags(young: list[Question]) -> None:
    for question in young:
        assert question.sources and all(s.startswith("https://") for s in question.sources)
        assert question.reviewed.isoformat() == "2026-12-01", question.id
        assert question.is_genuine or question.all_flags, question.id
        assert question.id.startswith("yp-"), question.id


def test_new_red_flags_are_in_the_shared_vocabulary(young: list[Question]) -> None:
    bank = quiz_content.load(ContentStore())
    used = {flag for q in young for flag in q.all_flags}
    assert {"gifts-then-debt", "fake-profile"} <= used
    assert used <= set(bank.flag_names)


def test_right_answer_is_rarely_the_longest(young: list[Question]) -> None:
    multiple = [q for q in young if q.format is Format.MULTIPLE_CHOICE]
    longest = []
    for question in multiple:
        right = next(len(c.text) for c in question.choices if c.correct)
        wrong = [len(c.text) for c in question.choices if not c.correct]
        longest += [question.id] if right > max(wrong) else []
    assert len(longest) * 3 <= len(multiple), longest


def test_trainer_export_has_every_question_and_its_help(young: list[Question]) -> None:
    bank = quiz_content.load(ContentStore())
    items = select(young, len(young), random.Random(3), today=dt.date(2026, 12, 1))
    sheet = export_markdown(items, bank, today=dt.date(2026, 12, 1))
    assert "Made with sochelp on 2026-12-01." in sheet.quiz
    assert sheet.quiz.count("## Question ") == len(young)
    assert sheet.answers.count("## Question ") == len(young)
    assert "Childline" in sheet.answers and "0800 1111" in sheet.answers
    assert "sochelp report young-person-at-risk" in sheet.answers
    assert "Red flags:** none, this one is genuine." in sheet.answers
    # the quiz sheet itself must not give the answers away
    assert "Red flags" not in sheet.quiz and "**Why:**" not in sheet.quiz


def test_cli_export_for_a_lesson(tmp_path: Path) -> None:
    args = ["scam-quiz", "--export", "markdown", "--audience", "young-people", "--seed", "4"]
    shown = run_cli([*args, "-n", "12"])
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout.count("## Question 12") == 2  # quiz and answer key
    target = tmp_path / "lesson.md"
    written = run_cli([*args, "-n", "30", "--output", str(target), "--json"])
    assert written.exit_code == 0, written.stderr
    assert json.loads(written.stdout)["questions"] == 30
    assert target.read_text(encoding="utf-8").count("## Question ") == 30
    key = (tmp_path / "lesson-answers.md").read_text(encoding="utf-8")
    assert key.count("**Answer:") == 30


def test_cli_session_uses_only_young_people_questions() -> None:
    ids = {q.id for q in quiz_content.load(ContentStore()).questions if q.id.startswith("yp-")}
    result = run_cli(
        ["scam-quiz", "--audience", "young-people", "-n", "5", "--seed", "2", "--json"],
        input="a\n" * 5,
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    asked = {q["id"] for q in data["questions"]}
    assert data["asked"] == 5 and len(asked) == 5 and asked <= ids


def test_help_lists_the_audience() -> None:
    result = run_cli(["scam-quiz", "--help"])
    assert result.exit_code == 0
    assert "young-people" in result.stdout
