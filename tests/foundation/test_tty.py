"""The report menu and the views in a real pseudo-terminal; Ctrl-C while a command waits."""

from __future__ import annotations

import pytest

from sochelp.content.store import ContentStore
from sochelp.report import content as report_content
from tests.conftest import finish, interrupt, remember, spawn_sochelp

pytestmark = pytest.mark.pty


@pytest.fixture(autouse=True)
def _region_set() -> None:
    """These tests are about the menu and the views, not the first-run region question."""
    remember(region="scotland")


def test_menu_with_wrong_input_then_a_choice() -> None:
    content = report_content.load(ContentStore())
    ids = content.situations.ids()
    number = ids.index("scam-text") + 1
    child = spawn_sochelp("report")
    child.expect("Choose a number")
    child.sendline("999")
    child.expect("Please type a number from 1 to")
    child.sendline("hello")
    child.expect("Please type a number from 1 to")
    child.sendline(str(number))
    child.expect(content.situations["scam-text"].title)
    child.expect("What to do now")
    output = finish(child)
    assert child.exitstatus == 0
    assert "7726" in output  # the first contact for a scam text


def test_menu_q_quits_cleanly() -> None:
    child = spawn_sochelp("report")
    child.expect("Choose a number")
    child.sendline("q")
    output = finish(child)
    assert child.exitstatus == 0
    assert "What to do now" not in output and "Traceback" not in output


def test_ctrl_c_at_the_menu_exits_130_without_traceback() -> None:
    child = spawn_sochelp("report")
    child.expect("Choose a number")
    interrupt(child)
    output = finish(child)
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert "sochelp: stopped (Ctrl-C); nothing was chosen." in output


def test_ctrl_d_at_the_menu_says_so_on_a_line_of_its_own() -> None:
    child = spawn_sochelp("report")
    child.expect("Choose a number")
    child.sendeof()
    output = finish(child)
    assert child.exitstatus == 0
    assert "\r\nsochelp: stopped (end of input); nothing was chosen." in output


def run_in_pty(*args: str, colour: bool = True, env: dict[str, str] | None = None) -> str:
    child = spawn_sochelp(*args, colour=colour, env=env)
    output = finish(child)
    assert child.exitstatus == 0, output
    return output


def test_terminal_gets_the_rich_view() -> None:
    output = run_in_pty("report", "scam-text")
    assert "\x1b[" in output  # colour
    assert "What to do now" in output
    assert "What to do now:" not in output  # that is the plain layout


def test_no_color_keeps_the_layout_and_drops_the_colour() -> None:
    output = run_in_pty("report", "scam-text", colour=False)
    assert "\x1b[3" not in output and "\x1b[1m" not in output  # no colour, no bold
    assert "What to do now" in output and "What to do now:" not in output  # the rich layout
    assert all(len(line) <= 120 for line in output.splitlines() if " " in line.strip())


def test_term_dumb_gives_plain_text() -> None:
    output = run_in_pty("report", "scam-text", env={"TERM": "dumb"})
    assert "\x1b[" not in output
    assert "What to do now:" in output


def test_ctrl_c_in_any_command_says_it_stopped() -> None:
    # check-message waits for pasted text; Ctrl-C there used to end silently.
    child = spawn_sochelp("check-message")
    child.expect("Paste the message")
    interrupt(child)
    output = finish(child)
    assert child.exitstatus == 130
    assert "sochelp: stopped (Ctrl-C); nothing was checked." in output
    assert "Traceback" not in output
