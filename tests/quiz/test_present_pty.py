"""scam-quiz --present in a real pseudo-terminal: full screen, reveal, show of hands, back,
q, Ctrl-C and Ctrl-D, as a facilitator would use it."""

from __future__ import annotations

from pathlib import Path

import pexpect
import pytest

from tests.conftest import finish, interrupt
from tests.conftest import spawn_sochelp as spawn

pytestmark = pytest.mark.pty

PROMPT = r"q stop\]: "
ALT_SCREEN_ON, ALT_SCREEN_OFF = "\x1b[?1049h", "\x1b[?1049l"


def spawn_sochelp(args: list[str], data_dir: Path, *, colour: bool = True) -> pexpect.spawn:
    """``sochelp ARGS`` on the fixture content in a pseudo-terminal, saving (if it ever did)
    into ``data_dir`` so a test can see that nothing was written there."""
    folders = {"SOCHELP_DATA_DIR": str(data_dir), "SOCHELP_CACHE_DIR": str(data_dir / "cache")}
    return spawn(*args, fixture=True, colour=colour, env=folders, dimensions=(40, 120))


def test_reveal_hands_back_and_quit(tmp_path: Path) -> None:
    child = spawn_sochelp(
        ["scam-quiz", "--present", "-n", "3", "--seed", "1", "--audience", "individual"], tmp_path
    )
    child.expect("How many people are taking part")
    child.sendline("10")
    child.expect("Question 1 of 3")
    child.expect(PROMPT)
    child.sendline("r")
    child.expect("Answer")
    child.expect("Red flags")
    child.expect(PROMPT)
    child.sendline("6 4")
    child.expect("6 hands")
    child.expect(PROMPT)
    child.sendline("")
    child.expect("Question 2 of 3")
    child.expect(PROMPT)
    child.sendline("b")
    child.expect("Question 1 of 3")
    child.expect("6 hands")  # the counts are kept when going back
    child.expect(PROMPT)
    child.sendline("7")
    child.expect("Type 2 numbers")
    child.expect(PROMPT)
    child.sendline("n")
    child.expect("Question 2 of 3")
    child.expect(PROMPT)
    child.sendline("q")
    child.expect("you stopped the session; the room's answers so far are below")
    child.expect("Room summary: 2 of 3 questions shown with 10 people")
    rest = finish(child)
    assert child.exitstatus == 0
    assert "Traceback" not in rest
    assert list(tmp_path.glob("*.json")) == []  # nothing saved


def test_full_screen_is_given_back(tmp_path: Path) -> None:
    child = spawn_sochelp(["scam-quiz", "--present", "-n", "1", "--seed", "2"], tmp_path)
    child.expect("How many people")
    opening = child.before or ""
    child.sendline("")
    child.expect(PROMPT)
    assert "\x1b[2J" in (child.before or "")  # each question gets a clean screen
    child.sendline("")
    out = finish(child)
    assert ALT_SCREEN_ON in opening and ALT_SCREEN_OFF in out
    assert out.index(ALT_SCREEN_OFF) < out.index("Room summary")
    assert child.exitstatus == 0


def test_ctrl_c_says_so_and_summarises(tmp_path: Path) -> None:
    child = spawn_sochelp(["scam-quiz", "--present", "-n", "3", "--seed", "3"], tmp_path)
    child.expect("How many people")
    child.sendline("")
    child.expect(PROMPT)
    child.sendline("3 1")
    child.expect(PROMPT)
    interrupt(child)
    child.expect(r"sochelp: stopped \(Ctrl-C\); the room's answers so far are below")
    child.expect("Room summary: 1 of 3 questions shown")
    out = finish(child)
    assert child.exitstatus == 130
    assert "Traceback" not in out


def test_ctrl_d_ends_cleanly(tmp_path: Path) -> None:
    child = spawn_sochelp(
        ["scam-quiz", "--present", "-n", "2", "--seed", "3"], tmp_path, colour=False
    )
    child.expect("How many people")
    child.sendline("5")
    child.expect(PROMPT)
    child.sendeof()
    child.expect(r"sochelp: stopped \(end of input\); the room's answers so far are below")
    child.expect("Room summary: 1 of 2 questions shown with 5 people")
    out = finish(child)
    assert child.exitstatus == 0
    assert "\x1b[?1049h" not in out
