"""The facilitated quiz (scam-quiz --present): the room session with a scripted facilitator,
the summary's figures against a hand computation, and the real command (nothing saved)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from pathlib import Path

import jsonschema
import pytest

from sochelp.prompting import ScriptedPrompter
from sochelp.quiz.content import QuizContent
from sochelp.quiz.engine import Item, select
from sochelp.quiz.present import KEYS_HELP, RoomSummary, parse_hands, run_room
from sochelp.render import schema, to_json
from sochelp.render.present import summary_text
from sochelp.session.core import Ending
from tests.conftest import run_cli

pytestmark = pytest.mark.usefixtures("fixture_bundle")

TODAY = dt.date(2026, 11, 25)


class Screen:
    """Records what the room would have seen."""

    def __init__(self) -> None:
        self.shown: list[tuple[int, bool, tuple[int, ...] | None]] = []
        self.problems: list[str] = []
        self.ended: Ending | None = None
        self.helped = 0

    def start(self, total: int) -> None:
        self.total = total

    def question(self, item: Item, *, revealed: bool, hands: tuple[int, ...] | None) -> None:
        self.shown.append((item.number, revealed, hands))

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def help(self) -> None:
        self.helped += 1

    def end(self, ending: Ending) -> None:
        self.ended = ending


def _items(content: QuizContent, *ids: str) -> list[Item]:
    """The questions in this order (choices shuffled by a fixed seed)."""
    items = []
    for number, qid in enumerate(ids, start=1):
        question = content.questions[qid]
        (item,) = select([question], 1, random.Random(number), today=TODAY)
        items.append(dataclasses.replace(item, number=number, total=len(ids)))
    return items


def _letters_to_counts(item: Item, by_text: dict[str, int]) -> str:
    """The counts line for the item's shuffled order, from counts keyed by choice text."""
    return " ".join(str(by_text.get(o.text, 0)) for o in item.options)


def test_reveal_hands_back_and_the_summary_against_a_hand_computation(
    fixture_content: QuizContent,
) -> None:
    items = _items(fixture_content, "t-parcel-fee", "t-invoice-change", "t-hi-mum")
    parcel, invoice, mum = items
    invoice_counts = {
        "Call the supplier on the number already on file": 9,
        "Reply to the email to confirm": 5,
        "Pay the new account so the supplier is not kept waiting": 4,
        "Forward it to a colleague to pay": 2,
    }
    mum_counts = {
        "A new number you have never seen": 18,
        "Wants a bill paid today": 6,
        "Says 'Mum' and cannot talk": 12,
        "It is sent on WhatsApp": 3,
    }
    parcel_line = "14 6" if parcel.options[0].value == "scam" else "6 14"
    answers = [
        "20",  # people in the room
        "r",  # reveal question 1
        parcel_line,  # hands: 14 said scam, 6 genuine
        "",  # next
        _letters_to_counts(invoice, invoice_counts),
        "b",  # back to question 1 (its counts stay)
        "n",
        "n",  # on to question 3
        "t",  # hands one by one
        *[str(mum_counts.get(o.text, 0)) if o.text in mum_counts else "" for o in mum.options],
        "r",
        "",  # next after the last question: finished
    ]
    screen = Screen()
    summary = run_room(
        items, ScriptedPrompter(answers), screen, flag_names=fixture_content.flag_names
    )
    assert summary.stopped is Ending.FINISHED and screen.ended is Ending.FINISHED
    assert summary.people == 20 and summary.shown == 3 and summary.saved is False
    # The screen showed question 1, its reveal, its counts, then 2, back to 1, 2, 3 …
    numbers = [n for n, _, _ in screen.shown]
    assert numbers[:5] == [1, 1, 1, 2, 2] and numbers[5] == 1 and numbers[-1] == 3
    assert screen.shown[1][1] is True  # revealed
    q1, q2, q3 = summary.questions
    # Hand computation. Q1 (one answer): 14 of 20 hands right.
    assert (q1.responses, q1.right, q1.share_right, q1.revealed) == (20, 14, 0.7, True)
    # Q2 (one answer): 9 of 20 right -> most of the room missed it.
    assert (q2.responses, q2.right, q2.share_right) == (20, 9, 0.45)
    # Q3 (spot the flags, 20 people): flags spotted by 18, 6 and 12 -> (18+6+12)/(3*20) = 0.6.
    assert (q3.responses, q3.share_right, q3.right) == (20, 0.6, 12)
    flags = {f.id: (f.seen, f.missed) for f in summary.red_flags}
    # urgency: Q1 (20 seen, 6 missed) + Q2 (20, 11) + Q3 (20, 14) = (60, 31).
    assert flags["urgency"] == (60, 31)
    assert flags["small-fee"] == (20, 6) and flags["suspicious-link"] == (20, 6)
    assert flags["changed-details"] == (20, 11) and flags["lookalike-sender"] == (20, 11)
    assert flags["unexpected-contact"] == (20, 2) and flags["emotional-pressure"] == (20, 8)
    assert summary.missed_by_most == (2,)
    text = summary_text(summary)
    assert "Most of the room missed:" in text and "Question 2 (45% right)" in text
    assert "3 of 3 questions shown with 20 people" in text


def test_skip_quit_and_mistakes(fixture_content: QuizContent) -> None:
    items = _items(fixture_content, "t-parcel-fee", "t-invoice-change", "t-hi-mum")
    screen = Screen()
    answers = ["", "b", "1 2 3", "99999 1", "s", "zz", "?", "q"]
    summary = run_room(
        items, ScriptedPrompter(answers), screen, flag_names=fixture_content.flag_names
    )
    assert summary.stopped is Ending.QUIT and summary.shown == 2
    assert summary.people is None
    assert all(q.choices is None for q in summary.questions)
    assert summary.missed_by_most == () and summary.red_flags == ()
    assert screen.problems[0] == "This is the first question."
    assert "Type 2 numbers" in screen.problems[1]
    assert "at most 10000" in screen.problems[2]
    assert "'zz' is not a key here" in screen.problems[3]
    assert screen.helped == 1
    assert "No show of hands was counted." in summary_text(summary)


def test_end_of_input_and_ctrl_c(fixture_content: QuizContent) -> None:
    items = _items(fixture_content, "t-parcel-fee", "t-invoice-change")
    summary = run_room(items, ScriptedPrompter(["", "3 1"]), Screen(), flag_names={})
    assert summary.stopped is Ending.END_OF_INPUT and summary.shown == 1

    class Interrupting(ScriptedPrompter):
        def ask(self, prompt: str) -> str | None:
            if prompt.startswith("[Enter"):
                raise KeyboardInterrupt
            return super().ask(prompt)

    screen = Screen()
    summary = run_room(items, Interrupting(["5"]), screen, flag_names={})
    assert summary.stopped is Ending.INTERRUPTED and screen.ended is Ending.INTERRUPTED


def test_parse_hands() -> None:
    assert parse_hands("5 3,0;1", 4) == (5, 3, 0, 1)
    assert isinstance(parse_hands("5 3", 4), str)


def test_the_command_saves_nothing(tmp_path: Path, _isolated_user_files: Path) -> None:
    progress = _isolated_user_files / "quiz-progress.json"
    run_cli(["scam-quiz", "-n", "2", "--seed", "1"], input="S\nA\n")
    before = progress.read_bytes()
    stamp = progress.stat().st_mtime_ns
    result = run_cli(
        ["scam-quiz", "--present", "-n", "3", "--seed", "1", "--audience", "individual"],
        input="12\nr\n7 5\n\nt\n3\n4\n\nq\n",
    )
    assert result.exit_code == 0, result.stderr
    assert "Room summary: 3 of 3 questions shown with 12 people." in result.stdout
    assert "Nothing from this session was saved." in result.stdout
    assert progress.read_bytes() == before and progress.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in _isolated_user_files.iterdir()) == ["quiz-progress.json"]


def test_the_command_without_progress_creates_no_file(_isolated_user_files: Path) -> None:
    result = run_cli(["scam-quiz", "--present", "-n", "2"], input="\n\n\n")
    assert result.exit_code == 0
    assert list(_isolated_user_files.iterdir()) == []


def test_json_summary_matches_its_schema() -> None:
    result = run_cli(
        ["scam-quiz", "--present", "-n", "2", "--seed", "4", "--json"], input="\n2 1\n\n\n"
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema.schema_for("scam-quiz-present"))
    assert data["stopped"] == "finished" and data["saved"] is False
    assert data["questions"][0]["choices"][0]["hands"] in (1, 2)


def test_filters_and_young_people(tmp_path: Path) -> None:
    result = run_cli(["scam-quiz", "--present", "--topic", "no-such-topic"], input="\n")
    assert result.exit_code == 2 and "No quiz topic" in result.stderr
    bad = run_cli(["scam-quiz", "--present", "--review"])
    assert bad.exit_code == 2 and "--present" in bad.stderr
    both = run_cli(["scam-quiz", "--present", "--export", "html"])
    assert both.exit_code == 2


def test_room_summary_serialises(fixture_content: QuizContent) -> None:
    items = _items(fixture_content, "t-parcel-fee")
    summary = run_room(items, ScriptedPrompter(["", "1 1"]), Screen(), flag_names={})
    assert isinstance(summary, RoomSummary)
    assert to_json(summary)["questions"][0]["share_right"] == 0.5


def test_rich_view_states_the_plain_views_facts(fixture_content: QuizContent) -> None:
    from sochelp.render.present import ROOM_VIEW
    from tests.test_views import _rich_text, _squash, facts

    items = _items(fixture_content, "t-parcel-fee", "t-invoice-change", "t-hi-mum")
    summary = run_room(
        items,
        ScriptedPrompter(["9", "r", "5 4", "", "1 2 3 3", "", "t", "4", "5", "6", "", "", ""]),
        Screen(),
        flag_names=fixture_content.flag_names,
    )
    rich = _squash(_rich_text(ROOM_VIEW, summary)).lower()
    missing = sorted(f for f in facts(ROOM_VIEW.as_text(summary)) if f.lower() not in rich)
    assert not missing


def test_a_very_long_line_is_not_echoed(fixture_content: QuizContent) -> None:
    items = _items(fixture_content, "t-parcel-fee")
    screen = Screen()
    run_room(items, ScriptedPrompter(["", "\x00too-long", "q"]), screen, flag_names={})
    assert screen.problems == [f"'(a very long line)' is not a key here. {KEYS_HELP}."]
