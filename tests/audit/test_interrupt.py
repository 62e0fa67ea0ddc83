"""Ctrl-C during an audit: the real program in a subprocess, against a loopback server that never
answers in time, exits 130 promptly with no traceback."""

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

from tests.audit.test_cli import assert_no_secret
from tests.conftest import default_stop_signals


class _Slow(BaseHTTPRequestHandler):
    started = threading.Event()
    release = threading.Event()

    def do_GET(self) -> None:
        _Slow.started.set()
        _Slow.release.wait(20)  # far longer than the test waits
        self.send_response(503)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def slow_server() -> Iterator[str]:
    _Slow.started.clear()
    _Slow.release.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        _Slow.release.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize("accounts", [5, 150])  # 150 also scores in worker processes
def test_ctrl_c_exits_130_promptly(slow_server: str, tmp_path: Path, accounts: int) -> None:
    export = tmp_path / "export.csv"
    rows = [f"site{n},https://s{n}.example,user{n},secret-pw-{n}-zz" for n in range(accounts)]
    export.write_text("name,url,username,password\n" + "\n".join(rows) + "\n")
    env = {**os.environ, "SOCHELP_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "sochelp", "audit", str(export), "--api-url", slow_server],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        preexec_fn=default_stop_signals,
    )
    try:
        assert _Slow.started.wait(20), "the audit never reached the server"
        time.sleep(0.3)
        sent = time.monotonic()
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=5)
        elapsed = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)
    err = stderr.decode()
    assert process.returncode == 130, err
    assert elapsed < 3, f"took {elapsed:.1f}s to stop"
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err
    assert "sochelp: stopped (Ctrl-C); nothing was saved." in err
    assert all(f"secret-pw-{n}-zz" not in err + stdout.decode() for n in range(accounts))
    assert_no_secret(err, stdout.decode())
