"""Sessions: the loop with a scripted prompter, and the real command fed through stdin."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from sochelp.prompting import ScriptedPrompter
from sochelp.quiz.content import QuizContent
from sochelp.quiz.engine import Answer, Card, Filters, Item, Stop, matching, select
from sochelp.quiz.progress import QuizStore
from sochelp.quiz.session import run_quiz
from sochelp.session.core import FixedClock
from tests.conftest import run_cli

pytestmark = pytest.mark.usefixtures("fixture_bundle")


class RecordingDisplay:
    """Keeps what the session showed."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.feedbacks: list[Answer] = []
        self.problems: list[str] = []

    def question(self, item: Item) -> None:
        self.questions.append(item.question.id)

    def feedback(self, answer: Answer) -> None:
        self.feedbacks.append(answer)

    def problem(self, text: str) -> None:
        self.problems.append(text)

    def start(self, total: int) -> None:
        self.total = total

    def end(self, ending: Stop) -> None:
        self.ending = ending


class InterruptingPrompter:
    """Answers from a list, then raises KeyboardInterrupt as Ctrl-C would."""

    def __init__(self, answers: list[str]) -> None:
        self.answers = list(answers)

    def ask(self, prompt: str) -> str | None:
        if not self.answers:
            raise KeyboardInterrupt
        return self.answers.pop(0)

    def say(self, text: str) -> None:
        return None


def planned(content: QuizContent, count: int, seed: int) -> list[Item]:
    """The items the command will ask with this seed and no saved progress."""
    return select(matching(content, Filters()), count, random.Random(seed), today=dt.date.today())


CLOCK = FixedClock(dt.datetime(2026, 11, 25, 10, 0))


def play(
    content: QuizContent,
    items: list[Item],
    prompter: object,
    display: RecordingDisplay,
    *,
    ask_confidence: bool = False,
) -> tuple[list[Answer], Stop, QuizStore]:
    """Run the session engine with saved progress in the test's data folder."""
    store = QuizStore.open()
    summary = run_quiz(
        items,
        prompter,
        display,
        store,
        CLOCK,
        content=content,
        ask_confidence=ask_confidence,  # type: ignore[arg-type]
    )
    return list(summary.answers), summary.stop, store


def right(item: Item) -> str:
    return ",".join(item.options[i].letter for i in item.correct_indices)


def wrong(item: Item) -> str:
    return next(o.letter for o in item.options if not o.correct)


def progress_file(data_dir: Path) -> Path:
    return data_dir / "quiz-progress.json"


# ---------------------------------------------------------------- the loop itself


def test_loop_retries_invalid_input_and_finishes(fixture_content: QuizContent) -> None:
    items = planned(fixture_content, 3, 7)
    display = RecordingDisplay()
    saved: list[str] = []
    script = ["", "nonsense", right(items[0]), "9", right(items[1]), wrong(items[2])]
    answers, stop, store = play(fixture_content, items, ScriptedPrompter(script), display)
    saved = [a.question_id for a in answers]
    assert stop is Stop.FINISHED
    assert [a.correct for a in answers] == [True, True, False]
    assert saved == [i.question.id for i in items]
    assert sorted(QuizStore.open().progress.cards) == sorted(saved)
    assert store.progress.sessions[-1].started == "2026-11-25T10:00:00"
    assert len(display.problems) == 3
    assert display.questions == saved
    assert len(display.feedbacks) == 3


def test_loop_stops_on_q_eof_and_ctrl_c(fixture_content: QuizContent) -> None:
    items = planned(fixture_content, 4, 7)
    content = fixture_content
    answers, stop, _ = play(
        content, items, ScriptedPrompter([right(items[0]), "q"]), RecordingDisplay()
    )
    assert (len(answers), stop) == (1, Stop.QUIT)
    answers, stop, _ = play(content, items, ScriptedPrompter([right(items[0])]), RecordingDisplay())
    assert (len(answers), stop) == (1, Stop.END_OF_INPUT)
    prompter = InterruptingPrompter([right(items[0]), right(items[1])])
    display = RecordingDisplay()
    answers, stop, store = play(content, items, prompter, display)
    assert (len(answers), stop) == (2, Stop.INTERRUPTED)
    assert display.ending is Stop.INTERRUPTED
    kept = QuizStore.open().progress.sessions[-1]
    assert kept.asked == 2 and store.progress.sessions[-1] == kept


def test_loop_confidence(fixture_content: QuizContent) -> None:
    items = planned(fixture_content, 2, 3)
    display = RecordingDisplay()
    script = [right(items[0]), "7", "3", wrong(items[1]), "q"]
    answers, stop, _ = play(
        fixture_content, items, ScriptedPrompter(script), display, ask_confidence=True
    )
    assert stop is Stop.QUIT
    assert [(a.correct, a.confidence) for a in answers] == [(True, 3), (False, None)]
    assert display.problems == ["Please type a number from 1 to 3, or q to stop."]


# ---------------------------------------------------------------- the command, scripted


def test_perfect_run_json(fixture_content: QuizContent, _isolated_user_files: Path) -> None:
    items = planned(fixture_content, 5, 11)
    stdin = "".join(right(i) + "\n" for i in items)
    result = run_cli(["scam-quiz", "-n", "5", "--seed", "11", "--json"], input=stdin)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)  # nothing but JSON on stdout
    assert (data["asked"], data["correct"], data["planned"]) == (5, 5, 5)
    assert data["stopped"] == "finished"
    assert [q["id"] for q in data["questions"]] == [i.question.id for i in items]
    for q in data["questions"]:
        assert q["correct"] is True and q["given"] == q["expected"] and q["red_flags_missed"] == []
    assert data["saved"] is True
    assert data["weakest_red_flags"] == []
    assert progress_file(_isolated_user_files).exists()


def test_wrong_answers_report_missed_flags(fixture_content: QuizContent) -> None:
    items = planned(fixture_content, 9, 2)
    stdin = "".join(wrong(i) + "\n" for i in items)
    result = run_cli(["scam-quiz", "-n", "9", "--seed", "2", "--json", "--no-save"], input=stdin)
    data = json.loads(result.stdout)
    assert data["correct"] == 0 and data["asked"] == 9
    by_id = {q["id"]: q for q in data["questions"]}
    parcel = by_id["t-parcel-fee"]
    assert parcel["given"] == ["genuine"] and parcel["expected"] == ["scam"]
    assert parcel["red_flags_missed"] == ["urgency", "small-fee", "suspicious-link"]
    assert by_id["t-bank-genuine"]["red_flags_missed"] == []
    assert data["genuine_called_scam"] == 2
    assert "urgency" in data["weakest_red_flags"] or len(data["weakest_red_flags"]) == 3
    report_ids = {r["id"] for r in data["read_next"]["report"]}
    assert report_ids == {"scam-text", "fraud-loss", "doorstep-crime"}
    assert data["read_next"]["signs"] == [{"id": "doorstep-crime", "title": "Doorstep crime"}]
    assert data["saved"] is False


def test_plain_transcript_and_invalid_input(fixture_content: QuizContent) -> None:
    items = planned(fixture_content, 2, 5)
    stdin = f"zz\n{right(items[0])}\n{wrong(items[1])}\n"
    result = run_cli(["scam-quiz", "-n", "2", "--seed", "5"], input=stdin)
    assert result.exit_code == 0
    out = result.stdout
    assert "Question 1 of 2" in out and "Question 2 of 2" in out
    assert items[0].question.prompt in out
    assert items[0].question.scenario.body.split()[0] in out
    assert "Right." in out and "Not quite" in out
    assert items[1].question.what_to_do in out
    assert f"sochelp report {items[1].question.report_situation}" in out
    assert "Score: 1 of 2 (50%)" in out
    assert "'zz' is not one of the answers" in result.stderr
    assert "\x1b[" not in out  # no colour codes off a terminal


def test_email_is_drawn_with_headers(fixture_content: QuizContent) -> None:
    result = run_cli(["scam-quiz", "--topic", "invoice-fraud", "--no-save"], input="a\n")
    out = result.stdout
    for line in (
        "+-- Email",
        "| From: accounts@acme-supp1ies.example.com",
        "| Reply-To: payments@mailbox.example.net",
        "| Subject: URGENT: new bank details",
    ):
        assert line in out


def test_quit_keeps_partial_score_and_saves(
    fixture_content: QuizContent, _isolated_user_files: Path
) -> None:
    items = planned(fixture_content, 5, 8)
    stdin = f"{right(items[0])}\n{wrong(items[1])}\nq\n{right(items[2])}\n"
    result = run_cli(["scam-quiz", "-n", "5", "--seed", "8", "--json"], input=stdin)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["asked"], data["correct"], data["stopped"]) == (2, 1, "quit")
    saved = json.loads(progress_file(_isolated_user_files).read_text())
    assert set(saved["data"]["questions"]) == {items[0].question.id, items[1].question.id}
    assert saved["data"]["sessions"][-1]["asked"] == 2


def test_end_of_input_ends_cleanly(
    fixture_content: QuizContent, _isolated_user_files: Path
) -> None:
    items = planned(fixture_content, 4, 8)
    result = run_cli(["scam-quiz", "-n", "4", "--seed", "8"], input=f"{right(items[0])}\n")
    assert result.exit_code == 0
    assert "Stopped (end of input); your answers so far count" in result.stdout
    assert "Score: 1 of 1" in result.stdout
    saved = json.loads(progress_file(_isolated_user_files).read_text())
    assert list(saved["data"]["questions"]) == [items[0].question.id]


def test_empty_stdin_answers_nothing() -> None:
    result = run_cli(["scam-quiz", "--json"], input="")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["asked"] == 0 and data["stopped"] == "end-of-input"


def test_missed_questions_come_back_first_and_review(
    fixture_content: QuizContent, _isolated_user_files: Path
) -> None:
    items = planned(fixture_content, 3, 4)
    stdin = f"{wrong(items[0])}\n{right(items[1])}\n{right(items[2])}\n"
    assert run_cli(["scam-quiz", "-n", "3", "--seed", "4"], input=stdin).exit_code == 0
    missed = items[0].question.id
    for seed in (1, 2, 3):
        again = run_cli(
            ["scam-quiz", "-n", "3", "--seed", str(seed), "--json", "--no-save"], input=""
        )
        assert again.exit_code == 0
    # the next session asks the missed one first, whatever the seed
    data = json.loads(
        run_cli(["scam-quiz", "-n", "1", "--seed", "99", "--json"], input="q\n").stdout
    )
    assert data["asked"] == 0
    first = run_cli(["scam-quiz", "-n", "1", "--seed", "99", "--no-save"], input="q\n")
    assert fixture_content.questions[missed].prompt in first.stdout
    assert fixture_content.questions[missed].scenario.body.splitlines()[0][:40] in first.stdout
    review = run_cli(["scam-quiz", "--review", "--json"], input=right(items[0]) + "\n")
    data = json.loads(review.stdout)
    assert [q["id"] for q in data["questions"]] == [missed]
    assert data["planned"] == 1 and data["correct"] == 1
    nothing = run_cli(["scam-quiz", "--review"])
    assert nothing.exit_code == 0
    assert "Nothing is due for review today" in nothing.stdout
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    assert f"due on {tomorrow}" in nothing.stdout


def test_leitner_boxes_saved(fixture_content: QuizContent, _isolated_user_files: Path) -> None:
    store = QuizStore.open()
    today = dt.date.today()
    store.progress.cards["t-parcel-fee"] = Card(3, today - dt.timedelta(days=1), 2, 2)
    store.progress.cards["t-hi-mum"] = Card(4, today, 3, 3)
    store.save()
    review = run_cli(
        ["scam-quiz", "--review", "--topic", "parcel-delivery,hi-mum", "--seed", "1", "--json"],
        input="a\nq\n",
    )
    data = json.loads(review.stdout)
    assert [q["id"] for q in data["questions"]] == ["t-parcel-fee"]  # box 3 before box 4
    cards = QuizStore.open().progress
    assert cards.cards["t-parcel-fee"].box == 4
    assert cards.cards["t-parcel-fee"].due == today + dt.timedelta(days=7)
    assert cards.cards["t-hi-mum"].box == 4  # not answered: unchanged


def test_no_save_writes_nothing(_isolated_user_files: Path) -> None:
    result = run_cli(["scam-quiz", "-n", "2", "--no-save"], input="a\na\n")
    assert result.exit_code == 0
    assert "Progress not saved." in result.stdout
    assert list(_isolated_user_files.iterdir()) == []


def test_confidence_calibration_in_json(fixture_content: QuizContent) -> None:
    items = planned(fixture_content, 3, 6)
    stdin = "".join(f"{wrong(i)}\n3\n" for i in items)
    result = run_cli(["scam-quiz", "-n", "3", "--seed", "6", "--confidence", "--json"], input=stdin)
    data = json.loads(result.stdout)
    assert data["confidence"]["verdict"] == "overconfident"
    assert data["confidence"]["actual"] == 0.0
    assert [q["confidence"] for q in data["questions"]] == [3, 3, 3]
    plain = run_cli(
        ["scam-quiz", "-n", "3", "--seed", "6", "--confidence", "--no-save"], input=stdin
    )
    assert "You felt surer (100%) than your answers were right (0%)" in plain.stdout


def test_stats_and_reset(fixture_content: QuizContent, _isolated_user_files: Path) -> None:
    empty = run_cli(["scam-quiz", "--stats"])
    assert empty.exit_code == 0 and "No quiz sessions saved yet" in empty.stdout
    for seed in (1, 2):
        items = planned(fixture_content, 2, seed)
        run_cli(
            ["scam-quiz", "-n", "2", "--seed", str(seed)],
            input=f"{wrong(items[0])}\n{right(items[1])}\n",
        )
    data = json.loads(run_cli(["scam-quiz", "--stats", "--json"]).stdout)
    assert (data["sessions"], data["answered"], data["correct"]) == (2, 4, 2)
    assert data["accuracy"] == 0.5
    assert data["earlier_accuracy"] == 0.5 and data["later_accuracy"] == 0.5
    assert len(data["recent"]) == 2
    assert sum(data["boxes"].values()) >= 2
    assert data["due_today"] >= 1
    text = run_cli(["scam-quiz", "--stats"]).stdout
    assert "Sessions: 2" in text and "Due for review today" in text
    refused = run_cli(["scam-quiz", "--reset"])  # off a terminal, nobody can be asked
    assert refused.exit_code == 2 and "--yes" in refused.stderr
    assert (_isolated_user_files / "quiz-progress.json").exists()
    reset = run_cli(["scam-quiz", "--reset", "--yes"])
    assert reset.exit_code == 0
    assert "Deleted all your saved quiz progress (" in reset.stdout
    assert "answered over" in reset.stdout
    assert not progress_file(_isolated_user_files).exists()
    again = run_cli(["scam-quiz", "--reset", "--json"])
    assert json.loads(again.stdout) == {"reset": True, "had_progress": False}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "corrupt"),
        (b'{"version": 9, "data": {}}', "v9"),
        (
            b'{"version": 1, "data": {"questions": {"x": {"box": 12, "due": "2026-01-01"}}}}',
            "invalid",
        ),
        (b'{"version": 1, "data": {"sessions": "lots"}}', "invalid"),
    ],
)
def test_bad_progress_file_is_set_aside(
    _isolated_user_files: Path, content: bytes, reason: str
) -> None:
    path = progress_file(_isolated_user_files)
    path.write_bytes(content)
    result = run_cli(["scam-quiz", "-n", "1", "--json"], input="a\n")
    assert result.exit_code == 0
    assert "moved to" in result.stderr
    data = json.loads(result.stdout)
    assert data["asked"] == 1 and any("moved to" in n for n in data["notices"])
    aside = [p for p in _isolated_user_files.iterdir() if f".{reason}-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert json.loads(path.read_text())["version"] == 1  # a fresh file was started


def test_unwritable_data_dir_warns_and_carries_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = run_cli(
        ["scam-quiz", "-n", "2", "--json"],
        input="a\na\n",
        env={"SOCHELP_DATA_DIR": str(blocker / "sub")},
    )
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["asked"] == 2 and data["saved"] is False
    assert result.stderr.count("will not be saved") == 1


# ---------------------------------------------------------------- listing, filters, export


def test_list_topics() -> None:
    text = run_cli(["scam-quiz", "--list-topics"])
    assert text.exit_code == 0 and "parcel-delivery" in text.stdout and "1 question" in text.stdout
    data = json.loads(run_cli(["scam-quiz", "--list-topics", "--json"]).stdout)
    assert {"topic": "hi-mum", "questions": 1} in data
    assert len(data) == 9


def test_filters_on_the_command_line() -> None:
    result = run_cli(["scam-quiz", "--audience", "finance", "--json", "--no-save"], input="a\n")
    data = json.loads(result.stdout)
    assert [q["id"] for q in data["questions"]] == ["t-invoice-change"]
    result = run_cli(
        ["scam-quiz", "-d", "hard", "-a", "individual", "--json", "--no-save"], input="a\na\n"
    )
    assert {q["id"] for q in json.loads(result.stdout)["questions"]} == {
        "t-courier-call",
        "t-qr-parking",
    }


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "parcel-delivry"], "Did you mean: parcel-delivery"),
        (["--topic", "hi-mum", "--difficulty", "hard"], "No questions match"),
        (["--stats", "--reset"], "Use only one of --stats, --reset"),
        (["--output", "x.md"], "--output is only used with --export"),
        (["--export", "pdf"], "pdf"),
        (["--count", "0"], "--count"),
        (["--audience", "aliens"], "aliens"),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    result = run_cli(["scam-quiz", *args], input="")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_export_markdown_to_stdout(fixture_content: QuizContent) -> None:
    result = run_cli(["scam-quiz", "--export", "markdown", "-n", "9", "--seed", "3"])
    assert result.exit_code == 0
    quiz, _, key = result.stdout.partition("# Scam quiz: answer key")
    assert key, "the answer key follows the quiz"
    assert "page-break-before" in quiz
    for question in fixture_content.questions:
        assert question.explanation.split()[0] in key
        assert question.what_to_do[:20] in key
        assert question.explanation not in quiz
    assert "> **Email**" in quiz and "Reply-To: payments@mailbox.example.net" in quiz
    assert "- [ ] **A.** Scam" in quiz
    again = run_cli(["scam-quiz", "--export", "markdown", "-n", "9", "--seed", "3"])
    assert again.stdout == result.stdout


def test_export_to_files(tmp_path: Path, _isolated_user_files: Path) -> None:
    target = tmp_path / "session.md"
    result = run_cli(
        [
            "scam-quiz",
            "--export",
            "markdown",
            "--output",
            str(target),
            "-n",
            "4",
            "--topic",
            "hi-mum,rogue-trader",
        ]
    )
    assert result.exit_code == 0, result.stderr
    key = tmp_path / "session-answers.md"
    assert "Wrote 2 questions" in result.stdout
    assert target.read_text().startswith("# Scam quiz")
    answers = key.read_text()
    assert answers.startswith("# Scam quiz: answer key")
    assert "sochelp signs doorstep-crime" in answers
    assert "Red flags:** Out of the blue" in answers
    assert not progress_file(_isolated_user_files).exists()  # exporting is not a session


def test_failed_save_warns_once_and_finishes(monkeypatch: pytest.MonkeyPatch) -> None:
    from sochelp.errors import StorageError
    from sochelp.session.files import JsonStore

    def refuse(self: JsonStore, data: dict[str, object]) -> None:
        raise StorageError("Cannot save quiz-progress.json: No space left on device.")

    monkeypatch.setattr(JsonStore, "save", refuse)
    result = run_cli(["scam-quiz", "-n", "3", "--json"], input="a\na\na\n")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["asked"] == 3 and data["saved"] is False
    assert result.stderr.count("No space left on device") == 1
