"""The hidden prompt in a real pseudo-terminal: nothing echoed, Ctrl-C exits 130 cleanly."""

from __future__ import annotations

import os
import sys

import pexpect
import pytest

from sochelp.password.reading import PROMPT

pytestmark = pytest.mark.pty

TYPED = "Velvet-Harbour-Lantern-58"


def spawn(*args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    return pexpect.spawn(
        sys.executable,
        ["-m", "sochelp", "password", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 120),
    )


def test_hidden_prompt_echoes_nothing_and_shows_the_panel() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.sendline(TYPED)
    child.expect("Password check")
    child.expect(pexpect.EOF)
    output = (child.before or "") + (child.after if isinstance(child.after, str) else "")
    child.close()
    assert child.exitstatus == 0
    assert "very strong" in output
    for fragment in (TYPED, "Velvet", "Lantern"):
        assert fragment not in output


def test_weak_password_in_the_terminal_exits_1() -> None:
    child = spawn("--no-breach-check", "--min-score", "4")
    child.expect_exact(PROMPT)
    child.sendline("hibs1875")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 1
    assert "hibs1875" not in output


def test_ctrl_c_at_the_prompt_exits_130_without_traceback() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.send("half-typed")
    child.sendintr()
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 130
    assert "Traceback" not in output
    assert "half-typed" not in output
    # The message starts on its own line, not after the prompt.
    assert "\nsochelp: stopped; nothing was checked." in output.replace("\r\n", "\n")


def test_just_enter_at_the_prompt_is_a_clear_error() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.sendline("")
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 2
    assert "Nothing was typed" in output
    assert "Traceback" not in output


def test_ctrl_d_at_the_prompt_is_a_clear_error() -> None:
    child = spawn("--no-breach-check")
    child.expect_exact(PROMPT)
    child.sendeof()
    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    assert child.exitstatus == 2
    assert "No password was given" in output
