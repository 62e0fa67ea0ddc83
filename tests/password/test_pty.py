"""The hidden prompt in a real pseudo-terminal: nothing echoed, Ctrl-C exits 130 cleanly."""

from __future__ import annotations

import pexpect
import pytest

from sochelp.password.reading import PROMPT
from tests.conftest import finish, interrupt, spawn_sochelp

pytestmark = pytest.mark.pty

TYPED = "Velvet-Harbour-Lantern-58"


def spawn(*args: str) -> pexpect.spawn:
    return spawn_sochelp("password", *args)


def test_hidden_prompt_echoes_nothing_and_shows_the_panel() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.sendline(TYPED)
    child.expect("Password check")
    output = str(child.before) + str(child.after) + finish(child)
    assert child.exitstatus == 0
    assert "very strong" in output
    for fragment in (TYPED, "Velvet", "Lantern"):
        assert fragment not in output


def test_weak_password_in_the_terminal_exits_1() -> None:
    child = spawn("--no-breach-check", "--min-score", "4")
    child.expect_exact(PROMPT)
    child.sendline("hibs1875")
    output = finish(child)
    assert child.exitstatus == 1
    assert "hibs1875" not in output
    assert "too easy to guess" in output


def test_ctrl_c_at_the_prompt_exits_130_without_traceback() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.send("half-typed")
    interrupt(child)
    output = finish(child)
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert "half-typed" not in output
    # The message starts on its own line, not after the prompt.
    assert "\nsochelp: stopped (Ctrl-C); nothing was checked." in output.replace("\r\n", "\n")


def test_just_enter_at_the_prompt_is_a_clear_error() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.sendline("")
    output = finish(child)
    assert child.exitstatus == 2
    assert "Nothing was typed" in output
    assert "Traceback" not in output


def test_ctrl_d_at_the_prompt_is_a_clear_error() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.sendeof()
    output = finish(child)
    assert child.exitstatus == 2
    # On a line of its own (Ctrl-D leaves the cursor after the prompt), in every prompt's words.
    assert "\r\nsochelp: stopped (end of input); nothing was checked." in output
