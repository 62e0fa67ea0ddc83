"""``--debug`` adds a traceback and keeps the documented exit status; a user error is never
reported as a bug (70), with or without it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli

#: (arguments, standard input, documented status): one user error of each kind.
USER_ERRORS: list[tuple[list[str], str | None, int]] = [
    (["check-message", "/no/such/message.txt"], None, 2),
    (["check-message", "--channel", "pigeon"], "hello", 2),
    (["check-message"], "", 2),
    (["report", "no-such-situation-at-all"], None, 2),
    (["--content-dir", "/no/such/folder", "report", "scam-text"], None, 2),
    (["checkup", "--rollup", "/no/such/returns"], None, 2),
    (["scam-quiz", "--topic", "no-such-topic"], None, 2),
    (["signs", "no-such-guide"], None, 2),
    (["password", "--no-breach-check"], "", 2),
]


@pytest.mark.parametrize(("args", "stdin", "status"), USER_ERRORS, ids=lambda v: str(v)[:40])
def test_debug_keeps_the_status_of_a_user_error(
    args: list[str], stdin: str | None, status: int
) -> None:
    plain = run_cli(args, input=stdin)
    debug = run_cli(["--debug", *args], input=stdin)
    assert plain.exit_code == debug.exit_code == status, (plain.stderr, debug.stderr)
    assert "Traceback" not in plain.stderr
    assert "Traceback" in debug.stderr
    # The same one-line message ends both.
    assert plain.stderr.splitlines()[0] in debug.stderr.splitlines()


def test_debug_keeps_status_3_of_a_check_that_could_not_be_done(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sochelp.message import content, loading, suffixes

    def missing() -> object:
        raise suffixes._missing_list("is missing")

    monkeypatch.setattr(content, "load_suffix_list", missing)
    # Built content an earlier test left in this process would not need the list.
    monkeypatch.setattr(loading, "_MEMO", {})
    for debug in ([], ["--debug"]):
        done = run_cli([*debug, "check-message", "--url", "example.com"])
        assert done.exit_code == 3
        assert ("Traceback" in done.stderr) == bool(debug)


def test_debug_in_a_real_process_keeps_the_status(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sochelp", "--debug", "check-message", str(tmp_path / "x\x1b[2J")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" in done.stderr and "InputError" in done.stderr
    assert "\x1b" not in done.stderr  # the traceback quotes the file name too: made safe
    assert done.stderr.rstrip().splitlines()[-1].startswith(("sochelp: ", "  "))
