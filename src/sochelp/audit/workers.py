"""Scoring on worker processes that cannot outlive the audit (see :mod:`sochelp.audit.worker`).

Each worker is a plain child process (``python -m sochelp.audit.worker``) talking over its own
pipes: no forkserver, no resource tracker, no shared queue whose ends the children hold. A worker
stops when its input pipe closes, when the parent's liveness pipe closes (the parent died), or,
on Linux, by the kernel's parent-death signal. Passwords travel only through the pipes.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sochelp import signals
from sochelp.audit.worker import read_frame, write_frame

#: Passwords sent to a worker at a time.
CHUNK = 16
#: Seconds a worker gets to leave by itself after its pipes close, before it is killed.
_GRACE = 1.0


class WorkerFailedError(Exception):
    """A worker process went away or answered nonsense."""


@dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    live: int  # write end of the liveness pipe; closing it tells the worker to leave

    def ask(self, passwords: list[str]) -> list[int]:
        stdin, stdout = self.process.stdin, self.process.stdout
        if stdin is None or stdout is None:
            raise WorkerFailedError
        try:
            write_frame(stdin.fileno(), pickle.dumps(passwords, protocol=pickle.HIGHEST_PROTOCOL))
            reply = read_frame(stdout.fileno())
        except (OSError, ValueError):
            raise WorkerFailedError from None
        if reply is None or len(reply) != len(passwords):
            raise WorkerFailedError
        return [value - 1 for value in reply]

    def stop(self, *, kill: bool) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass
        if self.live >= 0:
            with contextlib.suppress(OSError):
                os.close(self.live)
            self.live = -1
        if kill:
            self.process.kill()
        try:
            self.process.wait(_GRACE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(_GRACE)


def _start_one(header: bytes) -> _Worker:
    live_read, live_write = os.pipe()  # both ends close on exec unless passed on
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "sochelp.audit.worker", str(os.getpid()), str(live_read)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            pass_fds=(live_read,),
            close_fds=True,
        )
    except BaseException:
        os.close(live_write)
        raise
    finally:
        os.close(live_read)
    worker = _Worker(process, live_write)
    try:
        if process.stdin is None:
            raise WorkerFailedError
        write_frame(process.stdin.fileno(), header)
    except (OSError, WorkerFailedError):
        worker.stop(kill=True)
        raise WorkerFailedError from None
    return worker


class ScoringWorkers:
    """A few worker processes rating passwords in chunks; always call :meth:`close`."""

    def __init__(self, workers: list[_Worker]) -> None:
        self._workers = workers

    @classmethod
    def start(cls, scorer: Callable[[str], int], processes: int) -> ScoringWorkers | None:
        """Start ``processes`` workers for ``scorer`` (picklable), or None if they cannot run
        here (no interpreter to start, no pipes); the caller then rates on its own thread."""
        if not sys.executable or sys.platform == "win32":
            return None
        try:
            header = pickle.dumps((list(sys.path), pickle.dumps(scorer)))
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        workers: list[_Worker] = []
        try:
            for _ in range(max(1, processes)):
                workers.append(_start_one(header))
        except (OSError, WorkerFailedError, ValueError):
            for worker in workers:
                worker.stop(kill=True)
            return None
        except BaseException:
            for worker in workers:
                worker.stop(kill=True)
            raise
        return cls(workers)

    def score(
        self,
        passwords: list[str],
        scorer: Callable[[str], int],
        report: Callable[[int], None],
    ) -> list[int]:
        """Scores in password order. Chunks a worker failed on are rated on this thread."""
        results: list[int] = [-1] * len(passwords)
        failed: list[range] = []
        cursor = 0
        lock = threading.Lock()

        def feed(worker: _Worker) -> None:
            nonlocal cursor
            while True:
                with lock:
                    start, cursor = cursor, cursor + CHUNK
                if start >= len(passwords):
                    return
                span = range(start, min(start + CHUNK, len(passwords)))
                try:
                    scores = worker.ask(passwords[span.start : span.stop])
                except WorkerFailedError:
                    with lock:
                        failed.append(span)
                    continue  # the worker is gone: the next ask fails fast too
                results[span.start : span.stop] = scores
                report(len(span))

        threads = [
            threading.Thread(target=feed, args=(w,), name=f"sochelp-score-{n}", daemon=True)
            for n, w in enumerate(self._workers)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            while thread.is_alive():
                thread.join(0.1)  # short waits keep Ctrl-C and stop signals responsive
        for span in failed:
            for index in span:
                try:
                    results[index] = int(scorer(passwords[index]))
                except Exception as error:
                    signals.reraise_stop(error)
                    results[index] = -1
                report(1)
        return results

    def close(self, *, kill: bool = False) -> None:
        """Stop every worker (at once with ``kill``) and reap it."""
        for worker in self._workers:
            try:
                worker.stop(kill=kill)
            except OSError:
                continue
        self._workers = []

    @property
    def pids(self) -> list[int]:
        """Process ids of the running workers (for tests)."""
        return [w.process.pid for w in self._workers]
