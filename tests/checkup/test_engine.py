"""Scores, plan ordering and comparison: the pure check-up logic."""

from __future__ import annotations

import datetime as dt

import pytest

from sochelp.checkup.content import Item
from sochelp.checkup.engine import (
    Answer,
    Command,
    build_plan,
    build_result,
    compare,
    parse_input,
    score,
    section_scores,
)

Y, P, N, NA = Answer.YES, Answer.PARTLY, Answer.NO, Answer.NOT_APPLICABLE


def make(item_id: str, impact: int, effort: int, section: str = "S") -> Item:
    return Item(
        id=item_id,
        audience="business",
        section=section,
        title=f"Title {item_id}",
        question=f"Question {item_id}?",
        why="Because.",
        steps=["Do it."],
        effort=effort,
        impact=impact,
        links=["https://example.org/x"],
        checked=dt.date(2026, 1, 1),
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("y", Y), ("YES", Y), (" 1 ", Y), ("p", P), ("Partly", P), ("2", P), ("n", N),
        ("no", N), ("3", N), ("na", NA), ("n/a", NA), ("Not  applicable", NA), ("4", NA),
        ("?", Command.HELP), ("help", Command.HELP), ("q", Command.QUIT), ("QUIT", Command.QUIT),
        ("", None), ("5", None), ("yess", None), ("0", None), ("\x00too-long", None),
    ],
)  # fmt: skip
def test_parse_input(typed: str, expected: Answer | Command | None) -> None:
    assert parse_input(typed) is expected


def test_score_is_impact_weighted_and_skips_not_applicable() -> None:
    items = [make("a", 3, 1), make("b", 1, 1), make("c", 2, 1)]
    # a yes (3 of 3), b no (0 of 1), c not applicable: 3 / 4 = 75%.
    assert score(items, {"a": Y, "b": N, "c": NA}) == 75
    # partly earns half: (1.5 + 1) / 4 = 62.5 -> 62 (round half to even).
    assert score(items, {"a": P, "b": Y}) == 62
    assert score(items, {"c": NA}) is None
    assert score(items, {}) is None
    assert score(items, {"a": Y, "b": Y, "c": Y}) == 100


def test_section_scores_keep_section_order_and_counts() -> None:
    items = [make("a", 1, 1, "One"), make("b", 1, 1, "Two"), make("c", 1, 1, "One")]
    sections = section_scores(items, {"a": Y, "b": NA})
    assert [s.name for s in sections] == ["One", "Two"]
    one, two = sections
    assert (one.score, one.yes, one.unanswered) == (100, 1, 1)
    assert (two.score, two.not_applicable) == (None, 1)


def test_plan_orders_by_impact_over_effort() -> None:
    items = [
        make("low-ratio", impact=1, effort=3),  # 1/3
        make("best", impact=3, effort=1),  # 3
        make("mid", impact=2, effort=2),  # 1
        make("good", impact=2, effort=1),  # 2
        make("done", impact=3, effort=1),
    ]
    answers = {"low-ratio": N, "best": P, "mid": N, "good": N, "done": Y}
    assert [s.id for s in build_plan(items, answers)] == ["best", "good", "mid", "low-ratio"]


def test_plan_ties_no_before_partly_then_impact_then_checklist_order() -> None:
    items = [
        make("partly-3-3", 3, 3),  # ratio 1, partly
        make("no-1-1", 1, 1),  # ratio 1, no, impact 1
        make("no-3-3", 3, 3),  # ratio 1, no, impact 3
        make("no-2-2-first", 2, 2),  # ratio 1, no, impact 2
        make("no-2-2-second", 2, 2),
        make("na", 3, 1),
    ]
    answers = {
        "partly-3-3": P, "no-1-1": N, "no-3-3": N, "no-2-2-first": N, "no-2-2-second": N,
        "na": NA,
    }  # fmt: skip
    assert [s.id for s in build_plan(items, answers)] == [
        "no-3-3",
        "no-2-2-first",
        "no-2-2-second",
        "no-1-1",
        "partly-3-3",
    ]


def test_plan_step_carries_what_the_views_need() -> None:
    step = build_plan([make("a", 3, 2)], {"a": P})[0]
    assert (step.title, step.answer, step.impact, step.effort) == ("Title a", P, 3, 2)
    assert step.steps == ("Do it.",) and step.links == ("https://example.org/x",)


def test_compare_with_last_time() -> None:
    items = [make(name, 2, 1) for name in ("up", "down", "same", "odd", "new", "skipped")]
    before = {"up": N, "down": Y, "same": P, "odd": NA, "skipped": N}
    after = {"up": P, "down": N, "same": P, "odd": Y, "new": N}
    result = compare(items, before, after, "2026-11-01T10:00:00+00:00")
    assert [c.id for c in result.improved] == ["up"]
    assert [c.id for c in result.worsened] == ["down"]
    assert [(c.id, c.before, c.after) for c in result.other] == [("odd", NA, Y)]
    assert result.unchanged == 1
    assert result.new_items == ("new",)
    assert result.previous_score == score(items, before)
    assert result.score == score(items, after)


def test_build_result_for_a_partial_check_up() -> None:
    items = [make("a", 3, 1, "One"), make("b", 1, 1, "Two")]
    result = build_result("business", "Businesses", items, {"a": Y})
    assert not result.complete and (result.answered, result.total) == (1, 2)
    assert result.answers == (("a", Y),)
    assert result.in_place == ("Title a",) and result.plan == ()
