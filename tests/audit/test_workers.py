"""The scoring worker leaves when its parent goes away: by the liveness pipe alone, and (on
Linux) by the parent-death signal alone; and rates what it is sent."""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import time
from functools import partial
from pathlib import Path

import pytest

from sochelp.audit.engine import strength_score
from sochelp.audit.worker import read_frame, write_frame
from sochelp.audit.workers import ScoringWorkers


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.02)
    return False


def _header() -> bytes:
    return pickle.dumps((list(sys.path), pickle.dumps(partial(strength_score, local_words=()))))


def test_a_worker_rates_chunks_and_stops_at_end_of_input() -> None:
    live_read, live_write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "sochelp.audit.worker", str(os.getpid()), str(live_read)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        pass_fds=(live_read,),
    )
    os.close(live_read)
    assert process.stdin is not None and process.stdout is not None
    write_frame(process.stdin.fileno(), _header())
    write_frame(process.stdin.fileno(), pickle.dumps(["password", "Kettle-Comet-Pencil-42"]))
    reply = read_frame(process.stdout.fileno())
    assert reply is not None and [value - 1 for value in reply] == [0, 4]
    process.stdin.close()
    assert process.wait(5) == 0
    os.close(live_write)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_closing_the_liveness_pipe_stops_a_busy_worker() -> None:
    live_read, live_write = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-m", "sochelp.audit.worker", str(os.getpid()), str(live_read)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        pass_fds=(live_read,),
    )
    os.close(live_read)
    assert process.stdin is not None
    write_frame(process.stdin.fileno(), _header())
    # A long chunk keeps it busy rating; its input stays open, so only the pipe can stop it.
    write_frame(process.stdin.fileno(), pickle.dumps([f"busy-{n}-pw" for n in range(5000)]))
    time.sleep(0.5)
    assert process.poll() is None
    os.close(live_write)
    assert _gone(process.pid, 3), "the worker kept running after its liveness pipe closed"
    process.stdin.close()
    process.wait(5)


INTERMEDIATE = """
import os, subprocess, sys, time
live = int(sys.argv[1])
worker = subprocess.Popen(
    [sys.executable, "-m", "sochelp.audit.worker", str(os.getpid()), str(live)],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, pass_fds=(live,),
)
print(worker.pid, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_parent_death_signal_stops_a_worker_whose_pipe_is_still_open() -> None:
    live_read, live_write = os.pipe()  # this test keeps the write end open throughout
    parent = subprocess.Popen(
        [sys.executable, "-c", INTERMEDIATE, str(live_read)],
        stdout=subprocess.PIPE,
        pass_fds=(live_read,),
        text=True,
    )
    os.close(live_read)
    assert parent.stdout is not None
    worker_pid = int(parent.stdout.readline())
    time.sleep(0.5)  # let the worker set its parent-death signal
    assert not _gone(worker_pid, 0.1)
    parent.send_signal(signal.SIGKILL)
    parent.wait(5)
    try:
        assert _gone(worker_pid, 3), "the worker outlived its parent"
    finally:
        if not _gone(worker_pid, 0):
            os.kill(worker_pid, signal.SIGKILL)
        os.close(live_write)


def test_a_worker_that_dies_mid_chunk_is_replaced_by_the_calling_thread() -> None:
    scorer = partial(strength_score, local_words=())
    workers = ScoringWorkers.start(scorer, 1)
    assert workers is not None
    for pid in workers.pids:
        os.kill(pid, signal.SIGKILL)
    seen: list[int] = []
    scores = workers.score(["password", "Kettle-Comet-Pencil-42"] * 20, scorer, seen.append)
    workers.close()
    assert scores == [0, 4] * 20
    assert sum(seen) == 40
