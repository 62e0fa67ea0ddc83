"""`sochelp checkup` in a real pseudo-terminal: the menu, wrong input, help, answers, q, Ctrl-C."""

from __future__ import annotations

import json
from pathlib import Path

import pexpect
import pytest

from tests.conftest import finish, interrupt, spawn_sochelp

ANSWER_PROMPT = r"q stop\]: "


def spawn(args: list[str], data_dir: Path) -> pexpect.spawn:
    return spawn_sochelp(*args, colour=False, env={"SOCHELP_DATA_DIR": str(data_dir)})


def saved_answers(data_dir: Path, audience: str) -> dict[str, str]:
    document = json.loads((data_dir / "checkup.json").read_text(encoding="utf-8"))
    answers: dict[str, str] = document["data"]["audiences"][audience]["unfinished"]["answers"]
    return answers


@pytest.mark.pty
def test_menu_wrong_input_answers_and_q(tmp_path: Path) -> None:
    child = spawn(["checkup"], tmp_path)
    child.expect("Who is the check-up for?")
    child.expect(r"Choose \[1-7, q to quit\]: ")
    assert "Businesses (business)" in child.before
    child.sendline("9")
    child.expect("Please type a number from 1 to 7")
    child.sendline("3")
    child.expect(r"Remember this for next time\? \[Y/n\]: ")
    child.sendline("n")
    child.expect("Not saved")
    child.expect(r"Check-up: Businesses \((\d+) questions\)")
    total = int(child.match.group(1))
    child.expect(r"\[1/\d+\] ")
    child.expect(ANSWER_PROMPT)
    child.sendline("maybe")
    child.expect("'maybe' is not an answer")
    child.sendline("?")
    child.expect("Why it matters: ")
    child.expect("How to do it:")
    child.expect(ANSWER_PROMPT)
    child.sendline("y")
    child.expect(r"\[2/\d+\] ")
    child.expect(ANSWER_PROMPT)
    child.sendline("3")
    child.expect(r"\[3/\d+\] ")
    child.expect(ANSWER_PROMPT)
    child.sendline("q")
    child.expect(f"Unfinished: 2 of {total} answered")
    child.expect("Score by section")
    output = finish(child)
    assert child.exitstatus == 0
    assert "Export the plan" in output  # NO_COLOR keeps the rich layout, without colour
    assert "\x1b[3" not in output
    assert sorted(saved_answers(tmp_path, "business").values()) == ["no", "yes"]

    # The next run continues where this one stopped; Ctrl-C then ends it with 130.
    again = spawn(["checkup", "business"], tmp_path)
    again.expect("Continuing your unfinished check-up: 2 of")
    again.expect(r"\[3/\d+\] ")
    again.expect(ANSWER_PROMPT)
    again.sendline("p")
    again.expect(r"\[4/\d+\] ")
    again.expect(ANSWER_PROMPT)
    interrupt(again)
    again.expect(r"sochelp: stopped \(Ctrl-C\); 3 of")
    output = finish(again)
    assert again.exitstatus == 130
    assert "Traceback" not in output
    assert "are saved; run 'sochelp checkup business' to continue." in output
    assert sorted(saved_answers(tmp_path, "business").values()) == ["no", "partly", "yes"]


@pytest.mark.pty
def test_end_of_input_on_a_terminal_keeps_answers(tmp_path: Path) -> None:
    child = spawn(["checkup", "individual"], tmp_path)
    child.expect(ANSWER_PROMPT)
    child.sendline("n")
    child.expect(r"\[2/\d+\] ")
    child.expect(ANSWER_PROMPT)
    child.sendeof()
    child.expect(r"\r\nsochelp: stopped \(end of input\); 1 of \d+ answers are saved")
    child.expect("Score by section")
    finish(child)
    assert child.exitstatus == 0
    assert list(saved_answers(tmp_path, "individual").values()) == ["no"]
