"""The real program on streams that cannot encode everything, and with readers that go away:
readable ASCII stand-ins (never exit 70), and a broken pipe handled the same way by every
command (quietly, with the command's own exit status)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import LAUNCHER, finish, remember, spawn_sochelp


def sochelp(
    *args: str, env: dict[str, str] | None = None, stdin: str = "", fixture: bool = False
) -> subprocess.CompletedProcess[bytes]:
    program = [str(LAUNCHER)] if fixture else ["-m", "sochelp"]
    return subprocess.run(
        [sys.executable, *program, *args],
        input=stdin.encode(),
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


ASCII_ENVIRONMENTS = {
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C without UTF-8 mode": {
        "LC_ALL": "C",
        "LANG": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
        "PYTHONIOENCODING": "",
    },
}


@pytest.mark.parametrize("name", sorted(ASCII_ENVIRONMENTS))
def test_ascii_streams_get_readable_stand_ins(name: str) -> None:
    remember(region="scotland")
    env = ASCII_ENVIRONMENTS[name]
    report = sochelp("report", "fraud-loss", env=env)
    assert report.returncode == 0, report.stderr
    text = report.stdout.decode("ascii")  # nothing else got through
    assert "This is not your fault - scammers" in text  # – became -
    assert "something went wrong" not in report.stderr.decode()
    quiz = sochelp("scam-quiz", "--export", "markdown", "-n", "120", "--seed", "1", env=env)
    assert quiz.returncode == 0 and "GBP" in quiz.stdout.decode("ascii")  # £ became GBP
    mistake = sochelp("report", "scam-text", "--region", "wales’", env=env)  # a curly quote
    assert mistake.returncode == 2 and mistake.stderr.decode("ascii").startswith("sochelp: ")
    helped = sochelp("report", "--help", env=env)
    assert helped.returncode == 0 and "scot... work too" in helped.stdout.decode("ascii")


def test_cp1252_keeps_what_it_can_encode() -> None:
    remember(region="scotland")
    out = sochelp("report", "fraud-loss", env={"PYTHONIOENCODING": "cp1252"})
    assert out.returncode == 0
    text = out.stdout.decode("cp1252")
    assert "This is not your fault – scammers" in text  # cp1252 has the en dash


@pytest.mark.pty
def test_rich_view_on_an_ascii_terminal_draws_boxes_with_plus_minus_bar() -> None:
    remember(region="scotland")
    child = spawn_sochelp("report", "emergency", env={"PYTHONIOENCODING": "ascii"})
    output = finish(child)
    assert child.exitstatus == 0, output
    assert output.isascii()
    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output)
    assert "+--" in plain and "| * Can't speak?" in plain  # the danger banner, boxed in ASCII
    assert "! If anyone is in danger right now, call 999" in output  # ⚠ became !


# ---------------------------------------------------------------- readers that go away

PIPELINES = {
    # name: (arguments, standard input, the command's own exit status)
    "report --list": (("report", "--list"), "", 0),
    "report": (("report", "fraud-loss"), "", 0),
    "signs --list": (("signs", "--list"), "", 0),
    "quiz export": (("scam-quiz", "--export", "markdown", "-n", "80"), "", 0),
    "check-message": (("check-message",), "URGENT: pay the fine now at http://bit.ly/x\n", 1),
    "about": (("about",), "", 0),
    "config": (("config",), "", 0),
    "help": (("--help",), "", 0),
    "man page": (("help", "--man"), "", 0),
}


@pytest.mark.parametrize("name", sorted(PIPELINES))
def test_a_reader_that_goes_away_is_handled_the_same_everywhere(name: str) -> None:
    remember(region="scotland")
    args, stdin, status = PIPELINES[name]
    command = " ".join([f"'{sys.executable}'", "-m", "sochelp", *(f"'{a}'" for a in args)])
    for reader in ("head -c 1 >/dev/null", "true"):
        script = f'set -o pipefail; {command} | {reader}; echo "status=${{PIPESTATUS[0]}}"'
        out = subprocess.run(
            ["bash", "-c", script], input=stdin.encode(), capture_output=True, timeout=120
        )
        said = out.stdout.decode()
        assert f"status={status}" in said, (reader, said, out.stderr)
        assert out.stderr == b"", (reader, out.stderr)  # no traceback, no "Exception ignored"
