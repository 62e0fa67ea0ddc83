"""Saved progress: round trip, and a file that survives the process being killed mid-write."""

from __future__ import annotations

import datetime as dt
import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sochelp.quiz.engine import Card, SessionRecord
from sochelp.quiz.progress import MAX_SESSIONS, Progress, QuizStore

REPO = Path(__file__).resolve().parents[2]

# Saves ever-larger progress as fast as it can; each version is self-consistent (every card's
# "seen" equals the number of questions), so a torn or mixed write would be detected.
WRITER = """
import datetime as dt, sys
from sochelp.quiz.engine import Card, SessionRecord
from sochelp.quiz.progress import Progress, QuizStore
store = QuizStore.open()
n = 0
while True:
    n += 1
    cards = {f"q-{i:05d}": Card(1 + i % 5, dt.date(2026, 1, 1), n, 0) for i in range(n)}
    sessions = [SessionRecord(f"2026-01-01T00:00:{i % 60:02d}", n, 0, {"urgency": n}, {})
                for i in range(min(n, 50))]
    store.progress = Progress(cards, sessions)
    store.save()
    if n == 1:
        sys.stdout.write("ready\\n")
        sys.stdout.flush()
"""


def test_round_trip(_isolated_user_files: Path) -> None:
    store = QuizStore.open()
    progress = Progress(
        {"a": Card(2, dt.date(2026, 11, 26), 1, 1)},
        [SessionRecord("2026-11-25T10:00:00", 1, 1, {"urgency": 1}, {})],
    )
    store.progress = progress
    assert store.save()
    loaded = QuizStore.open()
    assert loaded.notices == [] and loaded.progress == progress
    path = _isolated_user_files / "quiz-progress.json"
    assert path.stat().st_mode & 0o777 == 0o600
    unsaved = QuizStore.open(save=False)
    unsaved.progress = Progress()
    assert unsaved.save() is False
    assert QuizStore.open().progress == progress


def test_history_is_bounded() -> None:
    progress = Progress()
    for n in range(MAX_SESSIONS + 20):
        progress.record_session(SessionRecord(f"s{n}", 1, 1))
    assert len(progress.sessions) == MAX_SESSIONS
    assert progress.sessions[0].started == "s20"
    progress.record_session(SessionRecord("s-last", 2, 2), update_last=True)
    assert progress.sessions[-1].started == "s-last" and len(progress.sessions) == MAX_SESSIONS


def test_file_survives_kill_mid_write(_isolated_user_files: Path) -> None:
    path = _isolated_user_files / "quiz-progress.json"
    rng = random.Random(20261125)
    sizes: list[int] = []
    for _ in range(12):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.01, 0.25))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        assert writer.returncode == -signal.SIGKILL
        document = json.loads(path.read_text(encoding="utf-8"))  # always whole, valid JSON
        assert document["version"] == 1
        questions = document["data"]["questions"]
        assert all(q["seen"] == len(questions) for q in questions.values())
        loaded = QuizStore.open()
        assert loaded.notices == []
        assert len(loaded.progress.cards) == len(questions)
        sizes.append(len(questions))
    assert max(sizes) > 1, "the writer should have completed several saves before each kill"
