"""The real program in a pseudo-terminal: rich output, wrong input, q and Ctrl-C."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest

from tests.conftest import finish, interrupt, remember, spawn_sochelp

pytestmark = pytest.mark.pty


@pytest.fixture(autouse=True)
def _audience_set() -> None:
    """These tests are about answering, not the first-run audience question."""
    remember(quiz_audience="all")


def spawn(args: list[str], data_dir: Path) -> pexpect.spawn:
    return spawn_sochelp(
        "scam-quiz",
        *args,
        fixture=True,
        env={"SOCHELP_DATA_DIR": str(data_dir), "COLUMNS": "100"},
        dimensions=(50, 100),
    )


def saved(data_dir: Path) -> dict[str, object]:
    document = json.loads((data_dir / "quiz-progress.json").read_text(encoding="utf-8"))
    data = document["data"]
    assert isinstance(data, dict)
    return data


def test_wrong_input_then_q(_isolated_user_files: Path) -> None:
    child = spawn(["-n", "4", "--seed", "1"], _isolated_user_files)
    child.expect("4 questions")
    child.expect("Question 1 of 4")
    child.expect(r"(Your answer|Choose all that apply)[^\n]*q to stop\): ")
    assert "\x1b[" in child.before  # rich colour on a terminal
    child.sendline("banana")
    child.expect("not one of the answers")
    child.sendline("")
    child.expect("Please type an answer")
    child.sendline("a")
    child.expect("Right|Not quite")
    child.expect("Question 2 of 4")
    child.expect(r"\(.*q to stop\): ")
    child.sendline("q")
    child.expect("Score: [01] of 1")
    child.expect("You stopped early")
    finish(child)
    assert child.exitstatus == 0
    data = saved(_isolated_user_files)
    questions = data["questions"]
    assert isinstance(questions, dict) and len(questions) == 1


def test_ctrl_c_keeps_answers_and_exits_130(_isolated_user_files: Path) -> None:
    child = spawn(["-n", "5", "--seed", "2", "--confidence"], _isolated_user_files)
    for number in (1, 2):
        child.expect(f"Question {number} of 5")
        child.expect(r"q to stop\): ")
        child.sendline("1")
        child.expect("How sure are you")
        child.sendline("2")
        child.expect("Right|Not quite")
    child.expect("Question 3 of 5")
    child.expect(r"q to stop\): ")
    interrupt(child)
    child.expect(r"Stopped \(Ctrl-C\); your answers so far count")
    rest = finish(child)
    assert child.exitstatus == 130
    assert "sochelp: stopped" not in rest  # said once, in the summary
    data = saved(_isolated_user_files)
    questions = data["questions"]
    sessions = data["sessions"]
    assert isinstance(questions, dict) and len(questions) == 2
    assert isinstance(sessions, list) and sessions[-1]["asked"] == 2


def test_end_of_input_on_a_terminal(_isolated_user_files: Path) -> None:
    child = spawn(["-n", "3", "--seed", "3"], _isolated_user_files)
    child.expect(r"q to stop\): ")
    child.sendline("b")
    child.expect("Question 2 of 3")
    child.expect(r"q to stop\): ")
    child.sendeof()
    child.expect(r"Stopped \(end of input\); your answers so far count")
    finish(child)
    assert child.exitstatus == 0
    questions = saved(_isolated_user_files)["questions"]
    assert isinstance(questions, dict) and len(questions) == 1


def test_reset_asks_first_on_a_terminal(_isolated_user_files: Path) -> None:
    progress = _isolated_user_files / "quiz-progress.json"
    progress.write_text('{"version": 1, "data": {}}', encoding="utf-8")
    child = spawn(["--reset"], _isolated_user_files)
    child.expect(r"Delete all your saved quiz progress \(0 questions answered over 0 sessions, in ")
    child.expect(r"quiz-progress.json\)\? \[y/N\]: ")
    child.sendline("n")
    child.expect("Nothing deleted")
    finish(child)
    assert child.exitstatus == 0 and progress.exists()
    child = spawn(["--reset"], _isolated_user_files)
    child.expect(r"\[y/N\]: ")
    child.sendline("y")
    child.expect(r"Deleted all your saved quiz progress \(0 questions answered over 0 sessions")
    finish(child)
    assert child.exitstatus == 0 and not progress.exists()
