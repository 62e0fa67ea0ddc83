"""Engine logic without input or output: selection, filters, seeds, scoring, Leitner moves."""

from __future__ import annotations

import datetime as dt
import random

from sochelp.content.types import Audience
from sochelp.quiz.content import Format, QuizContent
from sochelp.quiz.engine import (
    INTERVALS,
    Card,
    Filters,
    Item,
    Stop,
    calibrate,
    leitner_move,
    matching,
    parse_answer,
    score,
    select,
    session_record,
    stats,
    summarise,
)
from sochelp.quiz.levels import Difficulty

TODAY = dt.date(2026, 11, 25)


def items_for(content: QuizContent, seed: int = 1, **kwargs: object) -> list[Item]:
    return select(list(content.questions), 100, random.Random(seed), today=TODAY, **kwargs)  # type: ignore[arg-type]


def item_by_id(content: QuizContent, qid: str, seed: int = 1) -> Item:
    return next(i for i in items_for(content, seed) if i.question.id == qid)


def right_letters(item: Item) -> str:
    return ",".join(item.options[i].letter for i in item.correct_indices)


# ---------------------------------------------------------------- filters and selection


def test_filters(fixture_content: QuizContent) -> None:
    def ids(filters: Filters) -> set[str]:
        return {q.id for q in matching(fixture_content, filters)}

    assert len(ids(Filters())) == 9
    assert ids(Filters(topics=frozenset({"hi-mum", "qr-code"}))) == {"t-hi-mum", "t-qr-parking"}
    assert ids(Filters(audiences=frozenset({Audience.FINANCE}))) == {"t-invoice-change"}
    assert ids(Filters(difficulties=frozenset({Difficulty.HARD}))) == {
        "t-courier-call",
        "t-qr-parking",
    }
    both = Filters(
        audiences=frozenset({Audience.INDIVIDUAL}), difficulties=frozenset({Difficulty.HARD})
    )
    assert ids(both) == {"t-courier-call", "t-qr-parking"}
    assert (
        ids(Filters(topics=frozenset({"hi-mum"}), difficulties=frozenset({Difficulty.EASY})))
        == set()
    )


def test_count_limits_and_numbers(fixture_content: QuizContent) -> None:
    items = select(list(fixture_content.questions), 4, random.Random(5), today=TODAY)
    assert [i.number for i in items] == [1, 2, 3, 4]
    assert {i.total for i in items} == {4}
    assert len({i.question.id for i in items}) == 4


def test_seed_reproduces_order_and_choices(fixture_content: QuizContent) -> None:
    def shape(seed: int) -> list[tuple[str, tuple[str, ...]]]:
        return [
            (i.question.id, tuple(o.text for o in i.options))
            for i in items_for(fixture_content, seed)
        ]

    assert shape(42) == shape(42)
    orders = {tuple(q for q, _ in shape(seed)) for seed in range(6)}
    assert len(orders) > 1, "different seeds should give different orders"
    choice_orders = {
        tuple(o.text for o in item_by_id(fixture_content, "t-hi-mum", seed).options)
        for seed in range(10)
    }
    assert len(choice_orders) > 1, "choices should be shuffled"


def test_scam_or_genuine_options_are_fixed(fixture_content: QuizContent) -> None:
    for seed in range(5):
        item = item_by_id(fixture_content, "t-parcel-fee", seed)
        assert [o.value for o in item.options] == ["scam", "genuine"]
        assert item.correct_indices == (0,)


def test_due_questions_come_first_then_new_then_later(fixture_content: QuizContent) -> None:
    cards = {
        "t-qr-parking": Card(box=3, due=TODAY + dt.timedelta(days=2)),
        "t-hi-mum": Card(box=2, due=TODAY),
        "t-courier-call": Card(box=1, due=TODAY - dt.timedelta(days=4)),
    }
    for seed in range(5):
        order = [i.question.id for i in items_for(fixture_content, seed, cards=cards)]
        assert order[:2] == ["t-courier-call", "t-hi-mum"]  # due, lowest box first
        assert order[-1] == "t-qr-parking"  # not yet due: last
    review = items_for(fixture_content, 0, cards=cards, review_only=True)
    assert [i.question.id for i in review] == ["t-courier-call", "t-hi-mum"]
    assert items_for(fixture_content, 0, cards={}, review_only=True) == []


# ---------------------------------------------------------------- answers and scoring


def test_parse_answer_accepts_numbers_letters_and_words(fixture_content: QuizContent) -> None:
    sog = item_by_id(fixture_content, "t-parcel-fee")
    for text in ("a", "A", "1", " scam ", "s", "S"):
        assert parse_answer(sog, text).chosen == (0,), text
    for text in ("b", "2", "genuine", "g"):
        assert parse_answer(sog, text).chosen == (1,), text
    assert parse_answer(sog, "q").quit
    assert parse_answer(sog, "QUIT").quit
    for bad in ("", "   ", "c", "3", "0", "maybe", "a,b", "\x00too-long"):
        assert parse_answer(sog, bad).error, bad
    assert parse_answer(sog, "a,b").error == "Choose only one answer."


def test_parse_multi_select(fixture_content: QuizContent) -> None:
    item = item_by_id(fixture_content, "t-hi-mum")
    assert parse_answer(item, "a,c").chosen == (0, 2)
    assert parse_answer(item, "3, 1 ,1").chosen == (0, 2)
    assert parse_answer(item, "A C E").chosen == (0, 2, 4)
    assert parse_answer(item, "a,f").error
    assert parse_answer(item, "scam").error  # words only for scam-or-genuine


def test_score_each_format(fixture_content: QuizContent) -> None:
    scam = item_by_id(fixture_content, "t-parcel-fee")
    right = score(scam, [0])
    assert right.correct and right.red_flags_missed == ()
    assert right.given == ("scam",) and right.expected == ("scam",)
    wrong = score(scam, [1])
    assert not wrong.correct
    assert wrong.red_flags_missed == ("urgency", "small-fee", "suspicious-link")

    genuine = item_by_id(fixture_content, "t-bank-genuine")
    called_scam = score(genuine, [0])
    assert not called_scam.correct and called_scam.red_flags_missed == ()

    mc = item_by_id(fixture_content, "t-invoice-change")
    good = mc.correct_indices[0]
    assert score(mc, [good]).correct
    bad = score(mc, [(good + 1) % len(mc.options)])
    assert not bad.correct
    assert bad.red_flags_missed == ("changed-details", "urgency", "lookalike-sender")
    assert bad.expected == ("Call the supplier on the number already on file",)


def test_spot_the_flags_needs_exactly_the_right_set(fixture_content: QuizContent) -> None:
    item = item_by_id(fixture_content, "t-hi-mum")
    correct = list(item.correct_indices)
    wrong = [i for i in range(len(item.options)) if i not in correct]
    assert score(item, correct).correct
    assert score(item, list(reversed(correct))).correct
    one_short = score(item, correct[1:])
    assert not one_short.correct
    assert one_short.red_flags_missed == (item.options[correct[0]].red_flag,)
    too_many = score(item, [*correct, wrong[0]])
    assert not too_many.correct and too_many.red_flags_missed == ()


def test_summary_breakdowns(fixture_content: QuizContent) -> None:
    parcel = item_by_id(fixture_content, "t-parcel-fee")
    invest = item_by_id(fixture_content, "t-investment-page")
    genuine = item_by_id(fixture_content, "t-bank-genuine")
    rogue = item_by_id(fixture_content, "t-rogue-trader")
    answers = [
        score(parcel, [1]),  # missed urgency, small-fee, suspicious-link
        score(invest, [1]),  # missed too-good-to-be-true, urgency
        score(genuine, [1]),  # right
        score(rogue, list(rogue.correct_indices)),  # right
    ]
    summary = summarise(answers, 6, Stop.QUIT, fixture_content)
    assert (summary.asked, summary.correct, summary.planned) == (4, 2, 6)
    topics = {t.topic: (t.asked, t.correct) for t in summary.topics}
    assert topics == {
        "parcel-delivery": (1, 0),
        "investment": (1, 0),
        "bank-impersonation": (1, 1),
        "rogue-trader": (1, 1),
    }
    flags = {f.flag: (f.seen, f.missed) for f in summary.flags}
    assert flags["urgency"] == (3, 2)
    assert flags["small-fee"] == (1, 1)
    assert flags["unusual-payment"] == (1, 0)
    # fully missed flags rank first; urgency was caught once
    assert [f.flag for f in summary.weakest] == [
        "small-fee",
        "suspicious-link",
        "too-good-to-be-true",
    ]
    assert summary.weakest[0].explanation.startswith("A small payment")
    assert [r.id for r in summary.report] == ["scam-text", "fraud-loss"]
    assert summary.signs == ()
    assert summary.genuine_called_scam == 0
    assert summary.calibration is None


def test_read_next_includes_signs_guides(fixture_content: QuizContent) -> None:
    rogue = item_by_id(fixture_content, "t-rogue-trader")
    summary = summarise([score(rogue, [])], 1, Stop.FINISHED, fixture_content)
    assert [(r.id, r.title) for r in summary.signs] == [("doorstep-crime", "Doorstep crime")]
    assert [r.id for r in summary.report] == ["doorstep-crime"]


def test_calibration(fixture_content: QuizContent) -> None:
    item = item_by_id(fixture_content, "t-parcel-fee")
    over = calibrate([score(item, [1], 3), score(item, [1], 3), score(item, [0], 3)])
    assert over is not None and over.verdict == "overconfident"
    assert over.claimed == 1.0 and over.actual == round(1 / 3, 3)
    under = calibrate([score(item, [0], 1), score(item, [0], 1)])
    assert under is not None and under.verdict == "underconfident"
    matched = calibrate(
        [score(item, [0], 2), score(item, [0], 2), score(item, [0], 2), score(item, [1], 2)]
    )
    assert matched is not None and matched.verdict == "matched"
    levels = {lv.level: (lv.answered, lv.correct) for lv in over.levels}
    assert levels == {1: (0, 0), 2: (0, 0), 3: (3, 1)}
    assert calibrate([score(item, [0])]) is None


# ---------------------------------------------------------------- Leitner boxes


def test_leitner_moves() -> None:
    first_right = leitner_move(None, True, TODAY)
    assert (first_right.box, first_right.due) == (2, TODAY + dt.timedelta(days=INTERVALS[1]))
    first_wrong = leitner_move(None, False, TODAY)
    assert (first_wrong.box, first_wrong.due) == (1, TODAY)
    card = first_wrong
    for box in (2, 3, 4, 5, 5):
        card = leitner_move(card, True, TODAY)
        assert card.box == box
        assert card.due == TODAY + dt.timedelta(days=INTERVALS[box - 1])
    assert INTERVALS == (0, 1, 3, 7, 21)
    dropped = leitner_move(card, False, TODAY)
    assert (dropped.box, dropped.due) == (1, TODAY)
    assert (dropped.seen, dropped.right) == (7, 5)


def test_stats_from_history(fixture_content: QuizContent) -> None:
    item = item_by_id(fixture_content, "t-parcel-fee")
    early = session_record("2026-11-01T10:00:00", [score(item, [1]), score(item, [1])])
    late = session_record("2026-11-20T10:00:00", [score(item, [0]), score(item, [1])])
    empty = session_record("2026-11-21T10:00:00", [])
    cards = {
        "t-parcel-fee": Card(1, TODAY),
        "t-hi-mum": Card(3, TODAY + dt.timedelta(days=3)),
        "gone-from-bank": Card(1, TODAY),
    }
    result = stats(
        [early, late, empty],
        cards,
        fixture_content.questions.ids(),
        fixture_content.flag_names,
        TODAY,
    )
    assert (result.sessions, result.answered, result.correct) == (2, 4, 1)
    assert (result.earlier_accuracy, result.later_accuracy) == (0.0, 0.5)
    assert result.most_missed[0].missed == 3
    assert {f.flag for f in result.most_missed} == {"urgency", "small-fee", "suspicious-link"}
    assert result.boxes == (1, 0, 1, 0, 0)
    assert result.due_today == 1
    assert result.next_due == TODAY + dt.timedelta(days=3)


def test_formats_present_in_fixture(fixture_content: QuizContent) -> None:
    formats = {q.format for q in fixture_content.questions}
    assert formats == set(Format)
