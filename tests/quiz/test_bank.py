"""The bundled question bank: valid, big and broad enough, and answerable as shipped."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest

from sochelp.content.store import ContentStore
from sochelp.content.types import Audience
from sochelp.quiz import content as quiz_content
from sochelp.quiz.content import Format, QuizContent
from sochelp.quiz.engine import parse_answer, score, select
from sochelp.quiz.export import export_markdown
from sochelp.scopes import Activity, audiences_for


@pytest.fixture(scope="module")
def bank() -> QuizContent:
    store = ContentStore()
    problems = quiz_content.check(store)
    assert problems == [], "\n".join(str(p) for p in problems)
    return quiz_content.load(store)


def test_bank_is_big_and_broad(bank: QuizContent) -> None:
    questions = list(bank.questions)
    assert len(questions) >= 60
    assert len(bank.topics()) >= 15
    genuine = sum(1 for q in questions if q.is_genuine)
    assert genuine * 4 >= len(questions), f"only {genuine} genuine of {len(questions)}"
    per_audience = Counter(a for q in questions for a in q.audiences)
    for audience in audiences_for(Activity.QUIZ):
        assert per_audience[audience] >= 6, f"{audience}: {per_audience[audience]}"
    # the young people's track (issue 16) is a lesson's worth on its own
    assert per_audience[Audience.YOUNG_PEOPLE] >= 25, per_audience[Audience.YOUNG_PEOPLE]
    assert {q.format for q in questions} == set(Format)


def test_every_question_answers_and_exports(bank: QuizContent) -> None:
    items = select(
        list(bank.questions), len(bank.questions), random.Random(0), today=dt.date(2026, 11, 25)
    )
    for item in items:
        letters = ",".join(item.options[i].letter for i in item.correct_indices)
        parsed = parse_answer(item, letters)
        assert parsed.error is None, item.question.id
        assert score(item, parsed.chosen).correct, item.question.id
    sheet = export_markdown(items, bank, today=dt.date(2026, 11, 25))
    assert sheet.answers.count("## Question ") == len(items)


def test_every_scam_explanation_is_there(bank: QuizContent) -> None:
    for question in bank.questions:
        assert len(question.explanation) >= 40, question.id
        assert len(question.what_to_do) >= 20, question.id


def test_right_answers_are_not_given_away_by_length(bank: QuizContent) -> None:
    """A right answer that is always the longest choice teaches people to pick the longest one."""
    multiple = [q for q in bank.questions if q.format is Format.MULTIPLE_CHOICE]
    longest = []
    for question in multiple:
        right = next(len(c.text) for c in question.choices if c.correct)
        wrong = [len(c.text) for c in question.choices if not c.correct]
        if right > max(wrong):
            longest.append(question.id)
        # and never far longer than every wrong answer
        assert right <= 1.25 * max(wrong), question.id
    assert len(longest) * 3 <= len(multiple), f"right answer is the longest in {longest}"
