"""The attack: stop ``sochelp audit`` from outside in the middle of a large export.

The real program runs in its own session against a loopback server that never answers, with
enough distinct passwords that worker processes are rating them. Then SIGTERM, SIGHUP or SIGKILL
goes to the main process alone. Within a bounded time no process of that session may be left
(no worker, forkserver or resource tracker holding passwords), and the pipes the caller gave it
must reach end of file, so a script waiting on its output never hangs.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")

ACCOUNTS = 3000
#: Seconds everything gets to disappear after the signal.
BOUND = 5.0


class _Hang(BaseHTTPRequestHandler):
    release = threading.Event()

    def do_GET(self) -> None:
        _Hang.release.wait(30)
        self.send_response(503)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def hanging_server() -> Iterator[str]:
    _Hang.release.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hang)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Hang.release.set()
        httpd.shutdown()
        httpd.server_close()


def _stat(pid: str) -> tuple[int, int] | None:
    """(parent pid, session id) of a process, or None if it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw.rsplit(")", 1)[1].split()
    if fields[0] == "Z":  # a zombie holds no memory or pipes; its parent reaps it
        return None
    return int(fields[1]), int(fields[3])


def session_members(session: int) -> list[int]:
    """Live processes in ``session`` (the audit and everything it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _stat(entry.name)
            if info is not None and info[1] == session:
                found.append(int(entry.name))
    return found


def _workers_of(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            info = _stat(entry.name)
            if info is not None and info[0] == pid:
                children.append(int(entry.name))
    return children


def _drain(stream: object, done: threading.Event) -> None:
    read = getattr(stream, "read")  # noqa: B009
    while read(65536):
        continue
    done.set()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_stopping_the_audit_leaves_no_process_and_closes_the_pipes(
    hanging_server: str, tmp_path: Path, signum: int
) -> None:
    export = tmp_path / "export.csv"
    rows = [f"site{n},https://s{n}.example,user{n},Kill-Test-{n}-Secret" for n in range(ACCOUNTS)]
    export.write_text("name,url,username,password\n" + "\n".join(rows) + "\n")
    env = {**os.environ, "SOCHELP_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "sochelp", "audit", str(export), "--api-url", hanging_server],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )
    stdout_done, stderr_done = threading.Event(), threading.Event()
    readers = [
        threading.Thread(target=_drain, args=(process.stdout, stdout_done), daemon=True),
        threading.Thread(target=_drain, args=(process.stderr, stderr_done), daemon=True),
    ]
    for reader in readers:
        reader.start()
    try:
        deadline = time.monotonic() + 30
        while not _workers_of(process.pid):
            assert process.poll() is None, "the audit ended before its workers started"
            assert time.monotonic() < deadline, "no worker process started"
            time.sleep(0.05)
        time.sleep(0.5)  # let the workers get into their rating
        os.kill(process.pid, signum)
        sent = time.monotonic()
        left = session_members(process.pid)
        while time.monotonic() - sent < BOUND:
            process.poll()
            left = session_members(process.pid)
            if not left and stdout_done.is_set() and stderr_done.is_set():
                break
            time.sleep(0.05)
        assert left == [], f"processes left {time.monotonic() - sent:.1f}s after the signal"
        assert stdout_done.wait(0.5), "the caller's stdout pipe is still held open"
        assert stderr_done.wait(0.5), "the caller's stderr pipe is still held open"
        status = process.wait(2)
    finally:
        for pid in session_members(process.pid):
            os.kill(pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait(5)
    if signum == signal.SIGKILL:
        assert status == -signal.SIGKILL
    else:
        assert status == 128 + signum
