"""In a real pseudo-terminal: the first-run questions (region, audiences), the reset
confirmations, and Ctrl-D and Ctrl-C at every prompt and menu (one line, the same words)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pexpect
import pytest

from sochelp import config
from tests.conftest import finish, interrupt, remember, run_cli, spawn_sochelp, wait_until_reading

pytestmark = pytest.mark.pty

CHOOSE = r"\[1-\d+, q to quit\]: "


def settings() -> dict[str, str]:
    return dict(config.load().values)


# ---------------------------------------------------------------- the region, asked once


def test_first_report_asks_the_region_and_remembers_it() -> None:
    child = spawn_sochelp("report", "scam-text")
    child.expect("Which part of the UK are you in\\? Who to contact differs.")
    child.expect("England and Wales \\(england-wales\\)")
    child.expect(CHOOSE)
    child.sendline("2")
    child.expect(r"Remember England and Wales for next time\? \[Y/n\]: ")
    child.sendline("")
    child.expect("Saved in ")
    child.expect(r"\(England and Wales\)")
    output = finish(child)
    assert child.exitstatus == 0
    assert "--region scotland or northern-ireland" in output
    assert settings() == {"region": "england-wales"}

    again = spawn_sochelp("report", "scam-text")  # asked once: not again
    again.expect(r"For England and Wales \(your setting\)\.")
    output = finish(again)
    assert again.exitstatus == 0 and "Which part of the UK" not in output


def test_not_remembering_asks_again_next_time() -> None:
    child = spawn_sochelp("report", "scam-text")
    child.expect(CHOOSE)
    child.sendline("3")
    child.expect(r"\[Y/n\]: ")
    child.sendline("n")
    child.expect("Not saved: sochelp will ask again. For one run: --region northern-ireland")
    child.expect(r"\(Northern Ireland\)")
    finish(child)
    assert child.exitstatus == 0 and not config.config_path().exists()
    again = spawn_sochelp("report", "scam-text")
    again.expect("Which part of the UK are you in")
    again.sendline("q")
    finish(again)


def test_an_urgent_situation_shows_the_danger_line_before_asking() -> None:
    child = spawn_sochelp("report", "emergency")
    child.expect("!! If anyone is in danger right now, call 999")
    child.expect("Which part of the UK are you in")
    child.expect(CHOOSE)
    child.sendline("1")
    child.expect(r"\[Y/n\]: ")
    child.sendline("y")
    output = finish(child)
    # The 999 line again at the very end, so a long answer keeps it in view.
    assert "call 999" in output.rstrip().splitlines()[-1]


def test_json_and_region_settings_never_ask() -> None:
    for args, env in (
        (("report", "scam-text", "--json"), None),
        (("report", "scam-text", "--region", "wales"), None),
        (("report", "scam-text"), {"SOCHELP_REGION": "NI"}),
    ):
        child = spawn_sochelp(*args, env=env)
        output = finish(child)
        assert child.exitstatus == 0, output
        assert "Which part of the UK" not in output
    piped = run_cli(["report", "scam-text"])  # not a terminal: the default, no question
    assert piped.exit_code == 0 and "For Scotland (the default)." in piped.stdout
    assert not config.config_path().exists()


# ---------------------------------------------------------------- audiences, asked once


def test_first_quiz_asks_who_it_is_for_and_remembers() -> None:
    child = spawn_sochelp("scam-quiz", "-n", "1", "--no-save", fixture=True)
    child.expect("Who are the questions for\\?")
    child.expect("Everyone: questions from every list \\(all\\)")
    child.expect(CHOOSE)
    child.sendline("2")  # individual
    child.expect(r"Remember this for next time\? \[Y/n\]: ")
    child.sendline("y")
    child.expect("Question 1 of 1")
    child.expect(r"q to stop\): ")
    child.sendline("q")
    finish(child)
    assert settings() == {"quiz.audience": "individual"}
    again = spawn_sochelp("scam-quiz", "-n", "1", "--no-save", fixture=True)
    again.expect(r"Questions for: individual \(your setting")
    again.expect(r"q to stop\): ")
    again.sendline("q")
    finish(again)


def test_checkup_menu_remembers_the_audience() -> None:
    child = spawn_sochelp("checkup", "--no-save")
    child.expect("Who is the check-up for\\?")
    child.expect(CHOOSE)
    child.sendline("3")
    child.expect(r"Remember this for next time\? \[Y/n\]: ")
    child.sendline("")
    child.expect(r"q stop\]: ")
    child.sendline("q")
    finish(child)
    assert settings() == {"checkup.audience": "business"}
    again = spawn_sochelp("checkup", "--no-save")
    again.expect(r"Check-up for: business \(your setting")
    again.expect(r"q stop\]: ")
    again.sendline("q")
    finish(again)
    piped = run_cli(["checkup", "--no-save", "--json"], input="y\n")
    assert piped.exit_code == 0 and json.loads(piped.stdout)["audience"] == "business"


# ---------------------------------------------------------------- --reset, the same in both


def _quiz_progress(data: Path) -> Path:
    path = data / "quiz-progress.json"
    path.write_text('{"version": 1, "data": {}}', encoding="utf-8")
    return path


def _checkup_progress(data: Path) -> Path:
    run_cli(["checkup", "business"], input="y\nn\n")
    return data / "checkup.json"


RESETS = {
    "scam-quiz": (("scam-quiz", "--reset"), _quiz_progress, "all your saved quiz progress"),
    "checkup": (
        ("checkup", "--reset"),
        _checkup_progress,
        "your saved answers for business (an unfinished check-up with 2 answers)",
    ),
}


@pytest.mark.parametrize("command", sorted(RESETS))
def test_reset_asks_on_a_terminal_and_says_what_it_deleted(
    command: str, _isolated_user_files: Path
) -> None:
    args, make, what = RESETS[command]
    saved = make(_isolated_user_files)
    child = spawn_sochelp(*args)
    child.expect(f"Delete {re.escape(what)}")
    child.expect(r"\[y/N\]: ")
    child.sendline("")  # the default is no
    child.expect("Nothing deleted.")
    finish(child)
    assert child.exitstatus == 0 and saved.exists()
    child = spawn_sochelp(*args)
    child.expect(r"\[y/N\]: ")
    child.sendline("y")
    child.expect(f"Deleted {re.escape(what)}")
    finish(child)
    assert child.exitstatus == 0 and not saved.exists()


@pytest.mark.parametrize("command", sorted(RESETS))
def test_reset_off_a_terminal_needs_yes(command: str, _isolated_user_files: Path) -> None:
    args, make, what = RESETS[command]
    saved = make(_isolated_user_files)
    refused = run_cli(list(args))
    assert refused.exit_code == 2 and saved.exists()
    assert refused.stderr.startswith("sochelp: --reset deletes saved progress")
    assert f"add --yes: sochelp {command}" in refused.stderr
    done = run_cli([*args, "--yes"])
    assert done.exit_code == 0 and f"Deleted {what}" in done.stdout and not saved.exists()


# ---------------------------------------------------------------- leaving any prompt


@dataclass(frozen=True)
class Prompt:
    """A command line, what to type to reach the prompt, and what leaving it says."""

    args: tuple[str, ...]
    reach: Callable[[pexpect.spawn], None]
    outcome: str
    #: Exit status after Ctrl-D (Ctrl-C is always 130).
    eof_status: int = 0
    setup: Callable[[Path], object] | None = None
    fixture: bool = False


def _at(pattern: str, *answers: str) -> Callable[[pexpect.spawn], None]:
    def reach(child: pexpect.spawn) -> None:
        for answer in answers:
            child.expect(CHOOSE if answer.isdigit() else r"\]: ")
            child.sendline(answer)
        child.expect(pattern)

    return reach


PROMPTS = {
    "report menu": Prompt(("report",), _at(CHOOSE), "nothing was chosen."),
    "region question": Prompt(("report", "scam-text"), _at(CHOOSE), "nothing was shown."),
    "remember the region": Prompt(
        ("report", "scam-text"), _at(r"\[Y/n\]: ", "1"), "nothing was shown or saved."
    ),
    "quiz audience": Prompt(
        ("scam-quiz", "--no-save"), _at(CHOOSE), "no quiz was started.", fixture=True
    ),
    "check-up audience": Prompt(("checkup",), _at(CHOOSE), "no check-up was started."),
    "remember the audience": Prompt(
        ("checkup",), _at(r"\[Y/n\]: ", "2"), "no check-up was started."
    ),
    "check-up question": Prompt(
        ("checkup", "individual", "--no-save"), _at(r"q stop\]: "), "no answers were given."
    ),
    "reset confirmation": Prompt(
        ("scam-quiz", "--reset"), _at(r"\[y/N\]: "), "nothing was deleted.", setup=_quiz_progress
    ),
    "message to paste": Prompt(
        ("check-message",), _at("Nothing is sent anywhere."), "nothing was checked.", eof_status=2
    ),
    "password": Prompt(
        ("password", "--no-breach-check"),
        _at("nothing is shown as you type\\): "),
        "nothing was checked.",
        eof_status=2,
    ),
}


@pytest.mark.parametrize("name", sorted(PROMPTS))
def test_ctrl_d_at_every_prompt(name: str, _isolated_user_files: Path) -> None:
    prompt = PROMPTS[name]
    if prompt.setup is not None:
        prompt.setup(_isolated_user_files)
    child = spawn_sochelp(*prompt.args, fixture=prompt.fixture)
    prompt.reach(child)
    wait_until_reading(child)
    child.sendeof()
    output = finish(child)
    assert child.exitstatus == prompt.eof_status, output
    # A line of its own (the cursor was after the prompt), then one line in the common words.
    assert f"\r\nsochelp: stopped (end of input); {prompt.outcome}" in output, output
    assert "Traceback" not in output


@pytest.mark.parametrize("name", sorted(PROMPTS))
def test_ctrl_c_at_every_prompt(name: str, _isolated_user_files: Path) -> None:
    prompt = PROMPTS[name]
    if prompt.setup is not None:
        prompt.setup(_isolated_user_files)
    child = spawn_sochelp(*prompt.args, fixture=prompt.fixture)
    prompt.reach(child)
    interrupt(child)
    output = finish(child)
    assert child.exitstatus == 130, output
    assert f"\r\nsochelp: stopped (Ctrl-C); {prompt.outcome}" in output, output
    assert "Traceback" not in output


def test_quiz_answer_and_confidence_prompts_say_the_same() -> None:
    remember(quiz_audience="all")
    for keys, pattern in ((("",), r"q to stop\): "), (("1",), "How sure are you")):
        child = spawn_sochelp("scam-quiz", "-n", "3", "--confidence", "--no-save", fixture=True)
        child.expect(r"q to stop\): ")
        for key in keys:
            if key:
                child.sendline(key)
                child.expect(pattern)
        wait_until_reading(child)
        child.sendeof()
        output = finish(child)
        assert child.exitstatus == 0
        said = "no questions were answered" if not keys[0] else "your answers so far count"
        assert f"Stopped (end of input); {said}" in output


def test_the_paste_prompt_is_wrapped_to_a_narrow_terminal() -> None:
    child = spawn_sochelp("check-message", colour=False, dimensions=(30, 40))
    child.expect("Nothing is sent anywhere.")
    wait_until_reading(child)
    shown = child.before + child.after
    lines = [line for line in shown.replace("\r", "").split("\n") if line.strip()]
    assert lines and all(len(line) <= 40 for line in lines), lines
    child.sendeof()
    finish(child)


def test_error_lines_are_wrapped_to_a_narrow_terminal() -> None:
    # An error and its hint, indented under "sochelp:", no line wider than the terminal.
    child = spawn_sochelp("check-message", "/tmp/nowhere/a-message.txt", dimensions=(30, 40))
    child.expect(pexpect.EOF)
    lines = [line for line in child.before.replace("\r", "").split("\n") if line.strip()]
    assert lines[0].startswith("sochelp: ")
    assert all(len(line) <= 40 for line in lines), lines
    assert all(line.startswith("  ") for line in lines[1:]), lines
    assert any(line.strip() == "/tmp/nowhere/a-message.txt." for line in lines), lines
    child.close()
    assert child.exitstatus == 2
