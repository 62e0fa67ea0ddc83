"""SIGTERM and SIGHUP stop a command like Ctrl-C: one line, no traceback, status 128 + signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sochelp.errors import ExitCode

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")


def _wait_until_reading(pid: int) -> None:
    """Until the process sleeps in a read (the password prompt) with sochelp's handlers on."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            wchan = Path(f"/proc/{pid}/wchan").read_text()
        except OSError:
            return
        state = next(line for line in status.splitlines() if line.startswith("State:"))
        if "S" in state.split()[1] and wchan not in {"0", ""} and "pipe" in wchan:
            return
        time.sleep(0.02)


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGTERM, ExitCode.TERMINATED), (signal.SIGHUP, ExitCode.HANGUP)],
)
def test_stop_signal_while_waiting_for_the_password(
    tmp_path: Path, signum: int, status: int
) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "sochelp", "password", "--no-breach-check"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SOCHELP_DATA_DIR": str(tmp_path)},
    )
    try:
        _wait_until_reading(process.pid)
        time.sleep(0.3)
        process.send_signal(signum)
        stdout, stderr = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
    err = stderr.decode()
    assert process.returncode == status == 128 + signum, err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip().startswith("sochelp: stopped")
    assert "Ctrl-C" not in err and f"signal {int(signum)}" in err  # says what stopped it
    assert stdout == b""


def test_exit_codes_are_documented() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for code in (ExitCode.HANGUP, ExitCode.TERMINATED):
        assert f"| {int(code)} |" in readme
