"""The attack: Ctrl-C in the first fraction of a second, while the program is still starting.

In a real pseudo-terminal, ``sochelp password`` and ``sochelp audit`` get Ctrl-C at several early
delays, many times: the output must never show a traceback or ``KeyboardInterrupt``, and the
program must end with status 130.

Delays count from the moment sochelp's own first line has run (seen in /proc as a handler for
SIGTERM, which Python does not install): the interpreter's own start before that (about 20 ms,
importing ``site`` and ``runpy``) runs no sochelp code, and a Ctrl-C there is Python's to report.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from pathlib import Path

import pexpect
import pytest

pytestmark = [
    pytest.mark.pty,
    pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc"),
]

DELAYS = (0.0, 0.01, 0.03, 0.06, 0.1, 0.15, 0.2, 0.25)
RUNS = 3


def _wait_for_sochelp_handlers(pid: int) -> None:
    """Until the process catches SIGTERM, i.e. sochelp's first statement has run."""
    bit = 1 << (signal.SIGTERM - 1)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return
        for line in status.splitlines():
            if line.startswith("SigCgt:") and int(line.split()[1], 16) & bit:
                return
        time.sleep(0.001)
    raise AssertionError("sochelp never started")


def _spawn(args: list[str], cwd: Path) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    env["SOCHELP_DATA_DIR"] = str(cwd / "data")
    # If a run ever hangs, SIGABRT makes faulthandler print every thread's stack (see _ended).
    env["PYTHONFAULTHANDLER"] = "1"
    return pexpect.spawn(
        sys.executable,
        ["-m", "sochelp", *args],
        env=env,
        cwd=str(cwd),
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 100),
    )


def _ended(child: pexpect.spawn, delay: float) -> None:
    """Wait for the child to end; if Ctrl-C did not end it, fail with every thread's stack."""
    try:
        child.expect(pexpect.EOF)
    except pexpect.TIMEOUT:
        os.kill(child.pid, signal.SIGABRT)  # faulthandler dumps the threads, then it dies
        with contextlib.suppress(pexpect.TIMEOUT):
            child.expect(pexpect.EOF, timeout=10)
        before = child.before or ""
        # faulthandler lists the thread that was stopped (the main one) first: keep it whole.
        current = before.find("Current thread")
        dump = before[current : current + 8000] if current >= 0 else before[-8000:]
        child.close(force=True)
        message = f"Ctrl-C after {delay}s did not end sochelp; its threads:\n{dump}"
        raise AssertionError(message) from None


@pytest.mark.parametrize(
    "args",
    [
        ["password", "--api-url", "http://127.0.0.1:9"],
        ["audit", "export.csv", "--api-url", "http://127.0.0.1:9"],
    ],
    ids=["password", "audit"],
)
def test_early_ctrl_c_never_shows_a_traceback(tmp_path: Path, args: list[str]) -> None:
    rows = [f"site{n},https://s{n}.example,user{n},Early-{n}-pw" for n in range(200)]
    (tmp_path / "export.csv").write_text("name,url,username,password\n" + "\n".join(rows) + "\n")
    for delay in DELAYS:
        for _ in range(RUNS):
            child = _spawn(args, tmp_path)
            _wait_for_sochelp_handlers(child.pid)
            time.sleep(delay)
            child.sendintr()
            _ended(child, delay)
            output = child.before or ""
            child.close()
            assert "Traceback" not in output, (delay, output)
            assert "KeyboardInterrupt" not in output, (delay, output)
            assert child.exitstatus == 130, (delay, output)
            assert "sochelp: " in output, (delay, output)
