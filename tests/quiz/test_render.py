"""The quiz views drawn from fixture questions: each medium in text and rich, feedback, the live
display's choice of stream, and the summary and statistics sentences both views share."""

from __future__ import annotations

import datetime as dt
import io
import random
import re
from typing import Any

import pytest

from sochelp.environment import Environment, OutputMode
from sochelp.quiz.content import Medium, QuizContent
from sochelp.quiz.engine import (
    Calibration,
    CalibrationVerdict,
    FlagScore,
    Item,
    SessionRecord,
    Stats,
    Stop,
    score,
    select,
    summarise,
)
from sochelp.quiz.export import MEDIUM_NAMES
from sochelp.render import quiz as views

TODAY = dt.date(2026, 11, 25)


def rich_text(renderable: Any, width: int = 100) -> str:
    """What a person sees on a terminal ``width`` columns wide, without colour codes."""
    from rich.console import Console

    console = Console(file=io.StringIO(), width=width, record=True, color_system="truecolor")
    console.print(renderable)
    return console.export_text()


def squashed(text: str) -> str:
    """Text without white space or frames (box drawing, the plain view's ``|``), so wrapping
    and frames cannot hide words."""
    return re.sub(r"[\s\u2500-\u257f|]+", "", text)


def items(content: QuizContent) -> dict[str, Item]:
    chosen = select(list(content.questions), 100, random.Random(1), today=TODAY)
    return {item.question.id: item for item in chosen}


def env(
    *, stdin: bool, stdout: bool, stderr: bool, colour: bool = True
) -> Environment:  # fmt: skip
    return Environment(
        io.StringIO(), io.StringIO(), io.StringIO(), stdin, stdout, stderr, colour
    )  # fmt: skip


# ---------------------------------------------------------------- questions, every medium


def test_every_medium_draws_its_scenario_in_both_views(fixture_content: QuizContent) -> None:
    drawn: set[Medium] = set()
    for item in items(fixture_content).values():
        question = item.question
        scenario = question.scenario
        plain = views.question_text(item)
        rich = rich_text(views.question_rich(item))
        title = MEDIUM_NAMES[scenario.medium]
        assert f"Question {item.number} of {item.total}" in plain
        assert f"Question {item.number} of {item.total}" in rich
        for shown in (plain, rich):
            assert title in shown, (question.id, title)
            assert squashed(question.prompt) in squashed(shown)
            for option in item.options:
                assert squashed(f"{option.letter}. {option.text}") in squashed(shown)
            for line in scenario.body.splitlines():
                assert squashed(line) in squashed(shown), (question.id, line)
        if scenario.sender:
            assert scenario.sender in rich
        # The plain frame fits an 80-column terminal.
        assert max(len(line) for line in plain.splitlines()) <= 80
        drawn.add(scenario.medium)
    assert drawn >= {Medium.SMS, Medium.EMAIL, Medium.CALL, Medium.WEB, Medium.DOORSTEP}


def test_a_text_message_is_a_bubble_and_a_call_a_transcript(fixture_content: QuizContent) -> None:
    by_id = items(fixture_content)
    bubble = rich_text(views.scenario_rich(by_id["t-parcel-fee"].question))
    assert "╭" in bubble and "Text message" in bubble  # a rounded bubble with its medium
    call = by_id["t-courier-call"].question
    transcript = views._transcript(call.scenario.body)
    assert transcript.plain.splitlines()[0] == "Caller: This is DC Smith from the fraud squad."
    bold = [span for span in transcript.spans if "bold" in str(span.style)]
    assert [transcript.plain[s.start : s.end] for s in bold] == ["Caller:"] * 3


def test_a_web_page_shows_its_address_bar(fixture_content: QuizContent) -> None:
    page = items(fixture_content)["t-investment-page"].question
    assert page.scenario.medium is Medium.WEB and page.scenario.sender
    shown = rich_text(views.scenario_rich(page))
    lines = shown.splitlines()
    address = next(n for n, line in enumerate(lines) if page.scenario.sender in line)
    first_body = page.scenario.body.splitlines()[0][:20]
    assert address < next(n for n, line in enumerate(lines) if first_body in line)


# ---------------------------------------------------------------- feedback


@pytest.mark.parametrize("right", [True, False])
def test_feedback_says_the_same_in_both_views(fixture_content: QuizContent, right: bool) -> None:
    names = dict(fixture_content.flag_names)
    for item in items(fixture_content).values():
        chosen = list(item.correct_indices) if right else [
            i for i in range(len(item.options)) if i not in item.correct_indices
        ][:1]  # fmt: skip
        answer = score(item, chosen)
        lines = views.feedback_lines(answer, names)
        assert lines[0].startswith("Right" if answer.correct else "Not quite")
        assert f"Why: {item.question.explanation}" in lines
        assert f"What to do: {item.question.what_to_do}" in lines
        rich = squashed(rich_text(views.feedback_rich(answer, names)))
        for line in lines:
            assert squashed(line) in rich, (item.question.id, line)


def test_feedback_names_the_missed_red_flags(fixture_content: QuizContent) -> None:
    item = items(fixture_content)["t-hi-mum"]  # spot the flags: choose some, miss others
    first_right = item.correct_indices[:1]
    answer = score(item, first_right)
    lines = views.feedback_lines(answer, dict(fixture_content.flag_names))
    assert lines[0].startswith("Not quite. You chose ")
    assert any(line.startswith("The red flags: ") for line in lines)
    missed = [line for line in lines if line.startswith("Missed: ")]
    assert missed and all(
        fixture_content.flag_names.get(flag, flag) in missed[0] for flag in answer.red_flags_missed
    )


# ---------------------------------------------------------------- the live display


@pytest.mark.parametrize(
    ("mode", "streams", "target", "rich"),
    [
        # A person at a terminal: questions on stdout, drawn with rich.
        (OutputMode.RICH, (True, True, True), "stdout", True),
        (OutputMode.PLAIN, (True, True, True), "stdout", False),
        # Results piped away while a person answers: questions on stderr.
        (OutputMode.PLAIN, (True, False, True), "stderr", True),
        (OutputMode.JSON, (True, False, True), "stderr", True),
        # A script: plain questions on stdout, or nothing at all beside the JSON.
        (OutputMode.PLAIN, (False, False, False), "stdout", False),
        (OutputMode.JSON, (False, False, False), None, False),
    ],
)
def test_the_display_chooses_where_questions_go(
    fixture_content: QuizContent,
    mode: OutputMode,
    streams: tuple[bool, bool, bool],
    target: str | None,
    rich: bool,
) -> None:
    environment = env(stdin=streams[0], stdout=streams[1], stderr=streams[2])
    display = views.QuizDisplay.for_env(environment, mode, dict(fixture_content.flag_names))
    expected = None if target is None else getattr(environment, target)
    assert display.target is expected
    assert display.rich is rich
    item = items(fixture_content)["t-parcel-fee"]
    display.start(1)
    display.question(item)
    display.feedback(score(item, list(item.correct_indices)))
    written = "" if target is None else getattr(environment, target).getvalue()
    if target is None:
        assert environment.stdout.getvalue() == environment.stderr.getvalue() == ""
    else:
        assert f"Question {item.number} of {item.total}" in written and "Right." in written
        assert ("\x1b[" in written) is rich


def test_the_display_explains_a_rejected_answer_on_stderr(fixture_content: QuizContent) -> None:
    scripted = env(stdin=False, stdout=False, stderr=False)
    views.QuizDisplay.for_env(scripted, OutputMode.PLAIN, {}).problem("'z' is not an answer")
    assert scripted.stderr.getvalue() == "sochelp: 'z' is not an answer\n"
    person = env(stdin=True, stdout=True, stderr=True)
    display = views.QuizDisplay.for_env(person, OutputMode.PLAIN, {})
    display.problem("'z' is not an answer")
    display.end(Stop.INTERRUPTED)
    assert person.stderr.getvalue() == "  'z' is not an answer\n\n"


# ---------------------------------------------------------------- summary and statistics


def _calibration(verdict: CalibrationVerdict, claimed: float, actual: float) -> Calibration:
    return Calibration((), claimed, actual, verdict)


@pytest.mark.parametrize(
    ("verdict", "expected"),
    [
        (CalibrationVerdict.OVERCONFIDENT, "You felt surer (90%) than your answers were right"),
        (CalibrationVerdict.UNDERCONFIDENT, "You were right more often (40%) than you felt"),
        (CalibrationVerdict.MATCHED, "Your confidence (90%) matched your accuracy (40%)."),
    ],
)
def test_confidence_is_said_the_same_in_both_views(
    fixture_content: QuizContent, verdict: CalibrationVerdict, expected: str
) -> None:
    from dataclasses import replace

    parcel = items(fixture_content)["t-parcel-fee"]
    summary = summarise([score(parcel, [0], 3)], 1, Stop.FINISHED, fixture_content)
    summary = replace(summary, calibration=_calibration(verdict, 0.9, 0.4))
    plain = views.summary_text(summary)
    rich = rich_text(views.summary_rich(summary), width=300)
    assert f"Confidence: {expected}" in plain
    assert expected in rich


def test_summary_of_a_stopped_session(fixture_content: QuizContent) -> None:
    by_id = items(fixture_content)
    genuine, parcel = by_id["t-bank-genuine"], by_id["t-parcel-fee"]
    wrong = [i for i in range(len(genuine.options)) if i not in genuine.correct_indices]
    answers = [score(genuine, wrong[:1]), score(parcel, list(parcel.correct_indices))]
    summary = summarise(answers, 5, Stop.QUIT, fixture_content)
    plain = views.summary_text(summary)
    rich = squashed(rich_text(views.summary_rich(summary), width=200))
    shared = [
        "Score: 1 of 2 (50%)",
        "You stopped early; your answers so far count. (2 of 5 answered)",
        views.genuine_called_scam_line(summary),
        "Progress not saved.",
    ]
    for sentence in shared:
        assert sentence in plain
        assert squashed(sentence) in rich
    for command, title in views.reading_rows(summary):
        assert command in plain and squashed(command) in rich
        assert squashed(title) in rich


def test_nothing_answered_says_so_with_its_notices_in_both_views(
    fixture_content: QuizContent,
) -> None:
    from dataclasses import replace

    summary = summarise([], 5, Stop.QUIT, fixture_content)
    summary = replace(summary, notices=("Your progress file was unreadable and moved aside.",))
    for shown in (views.summary_text(summary), rich_text(views.summary_rich(summary))):
        assert views.NOTHING_TO_SCORE in shown
        assert "moved aside" in shown


def test_one_red_flag_table_for_the_summary_and_the_statistics() -> None:
    flags = (FlagScore("urgency", "Urgency", 4, 3), FlagScore("small-fee", "Small fee", 2, 0))
    assert views.flag_lines(flags) == [
        "  Urgency    missed 3 of 4",
        "  Small fee  missed 0 of 2",
    ]
    table = rich_text(views.flag_table("By red flag", flags))
    assert "By red flag" in table
    rows = [re.split("[│┃]", line) for line in table.splitlines() if re.search("[│┃]", line)]
    cells = [[cell.strip() for cell in row if cell.strip()] for row in rows]
    assert ["Red flag", "Missed", "Seen"] in cells
    assert ["Urgency", "3", "4"] in cells and ["Small fee", "0", "2"] in cells


def _stats(**changes: Any) -> Stats:
    recent = (
        SessionRecord("2026-11-20T09:30:00", 4, 2),
        SessionRecord("2026-11-24T18:05:00", 8, 7),
    )
    base = Stats(
        sessions=3,
        answered=12,
        correct=9,
        recent=recent,
        earlier_accuracy=0.5,
        later_accuracy=0.875,
        most_missed=(FlagScore("urgency", "Urgency", 5, 2),),
        boxes=(1, 2, 0, 0, 3),
        due_today=2,
        next_due=dt.date(2026, 11, 30),
    )
    from dataclasses import replace

    return replace(base, **changes)


def test_statistics_say_the_same_in_both_views() -> None:
    stats = _stats()
    plain = views.stats_text(stats)
    rich = rich_text(views.stats_rich(stats), width=200)
    for sentence in (
        "Sessions: 3   Questions answered: 12   Right: 9 (75%)",
        "Accuracy over time: 50% in your earlier sessions, 88% in later ones (up).",
        "Review boxes (1 = needs most practice): 1:1  2:2  3:0  4:0  5:3",
        "Due for review today: 2   Next due after that: 2026-11-30",
        views.REVIEW_HINT,
    ):
        assert sentence in plain
        assert sentence in rich
    assert "  2026-11-24 18:05  7/8 (88%)" in plain
    assert re.search(r"2026-11-24 18:05\s*│\s*7/8\s*│\s*88%", rich)
    assert "  Urgency  missed 2 of 5" in plain
    assert re.search(r"Urgency\s*│\s*2\s*│\s*5", rich)


def test_statistics_trend_down_or_steady_and_nothing_due() -> None:
    down = views.stats_text(_stats(earlier_accuracy=0.9, later_accuracy=0.6, due_today=0))
    assert "90% in your earlier sessions, 60% in later ones (down)." in down
    assert views.REVIEW_HINT not in down
    steady = _stats(earlier_accuracy=0.5, later_accuracy=0.5, next_due=None)
    assert "(steady)" in views.stats_text(steady)
    assert "Next due after that" not in rich_text(views.stats_rich(steady))


def test_no_sessions_yet() -> None:
    empty = _stats(sessions=0, answered=0, correct=0, recent=(), most_missed=())
    assert views.stats_text(empty) == views.NO_SESSIONS + "\n"
    assert views.NO_SESSIONS in rich_text(views.stats_rich(empty))


def test_topic_list_gives_the_same_hint_in_both_views() -> None:
    from sochelp.quiz.engine import TopicCount

    topics = [TopicCount("parcel-delivery", 3), TopicCount("romance", 1)]
    plain = views.topics_text(topics)
    assert "  parcel-delivery  3 questions" in plain and "  romance          1 question" in plain
    rich = rich_text(views.topics_rich(topics))
    assert views.TOPICS_HINT in plain and squashed(views.TOPICS_HINT) in squashed(rich)
