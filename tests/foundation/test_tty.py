"""The report menu driven in a real pseudo-terminal."""

from __future__ import annotations

import os
import sys

import pexpect
import pytest

from sochelp.content.store import ContentStore
from sochelp.report import content as report_content

pytestmark = pytest.mark.pty


def spawn(*args: str, extra_env: dict[str, str] | None = None) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    env.update(extra_env or {})
    return pexpect.spawn(
        sys.executable,
        ["-m", "sochelp", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 120),
    )


def test_menu_with_wrong_input_then_a_choice() -> None:
    content = report_content.load(ContentStore())
    ids = content.situations.ids()
    number = ids.index("scam-text") + 1
    child = spawn("report")
    child.expect("Choose a number")
    child.sendline("999")
    child.expect("Please type a number from 1 to")
    child.sendline("hello")
    child.expect("Please type a number from 1 to")
    child.sendline(str(number))
    child.expect(content.situations["scam-text"].title)
    child.expect("What to do now")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_menu_q_quits_cleanly() -> None:
    child = spawn("report")
    child.expect("Choose a number")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_ctrl_c_at_the_menu_exits_130_without_traceback() -> None:
    child = spawn("report")
    child.expect("Choose a number")
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert "stopped" in output


def run_in_pty(*args: str, no_color: bool = False) -> str:
    child = spawn(*args, extra_env={"NO_COLOR": "1"} if no_color else None)
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 0, output
    return output


def test_terminal_gets_the_rich_view() -> None:
    output = run_in_pty("report", "scam-text")
    assert "\x1b[" in output  # colour and boxes
    assert "What to do now" in output
    assert "What to do now:" not in output  # that is the plain layout


def test_no_color_gives_plain_text_on_a_terminal() -> None:
    output = run_in_pty("report", "scam-text", no_color=True)
    assert "\x1b[" not in output
    assert "What to do now:" in output


def test_ctrl_c_in_any_command_says_it_stopped() -> None:
    # check-message waits for pasted text; Ctrl-C there used to end silently.
    child = spawn("check-message")
    child.expect("Paste the message")
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130
    assert "sochelp: stopped." in output
    assert "Traceback" not in output
