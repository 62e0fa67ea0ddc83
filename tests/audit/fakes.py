"""A breach source for engine tests: an in-memory table, optional failures and delays, and a
record of every prefix asked for."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping

from sochelp.breach.interface import BreachLookupError, BreachSource, HashedPassword


class RecordingSource(BreachSource):
    """Answers from ``breached`` (password -> count); ``failing`` prefixes raise."""

    name = "api"

    def __init__(
        self,
        breached: Mapping[str, int] | None = None,
        failing: Iterable[str] = (),
        delay: float = 0.0,
    ) -> None:
        self.table: dict[str, dict[str, int]] = {}
        for password, count in (breached or {}).items():
            hashed = HashedPassword.of(password)
            self.table.setdefault(hashed.prefix, {})[hashed.suffix] = count
        self.failing = set(failing)
        self.delay = delay
        self.calls: list[str] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    def range(self, prefix: str) -> Mapping[str, int]:
        with self._lock:
            self.calls.append(prefix)
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            if self.delay:
                time.sleep(self.delay)
            if prefix in self.failing:
                raise BreachLookupError("the breach service answered 503 Service Unavailable")
            return dict(self.table.get(prefix, {}))
        finally:
            with self._lock:
                self.in_flight -= 1


def score_in_worker(password: str, parent_pid: int) -> int:
    """A scorer for worker-process tests: 4 when it runs outside ``parent_pid`` and no process
    this user can see has the password in its command line or environment; 0 or 1 otherwise.

    Module-level (and free of pytest) so that worker processes can import it.
    """
    import os
    from pathlib import Path

    if os.getpid() == parent_pid:
        return 1
    needle = password.encode()
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        for name in ("cmdline", "environ"):
            try:
                if needle in (proc / name).read_bytes():
                    return 0
            except OSError:
                continue  # gone, or not ours to read
    return 4
