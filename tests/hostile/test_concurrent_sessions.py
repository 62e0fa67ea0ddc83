"""Two sessions at once, written as the attack: real sochelp processes answering through pipes,
interleaved answer by answer or racing each other, then every answer of both must be in the
saved file; kills in the middle of saves must leave a file that loads and a lock that frees."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pexpect.popen_spawn import PopenSpawn

from sochelp.checkup.content import items_for
from sochelp.checkup.content import load as load_checkup
from sochelp.content.store import ContentStore
from sochelp.scopes import Audience
from tests.conftest import REPO

FEEDBACK = re.compile(r"(Right\.|Not quite)")


def _sochelp(*args: str) -> PopenSpawn:
    """``sochelp ARGS`` with pipes for stdin and stdout (answers are read one per line)."""
    return PopenSpawn(
        [sys.executable, "-m", "sochelp", *args],
        cwd=str(REPO),
        env=dict(os.environ),
        encoding="utf-8",
        timeout=60,
    )


def _waiting_for_answers(*children: PopenSpawn, limit: float = 30) -> None:
    """Return once every child has read its saved file and waits for its first answer: its main
    thread is blocked reading standard input (seen in /proc; elsewhere a generous pause)."""
    import platform

    number = {"x86_64": "0", "amd64": "0", "aarch64": "63", "arm64": "63"}.get(
        platform.machine().lower()
    )
    if number is None or not Path("/proc/self/syscall").exists():
        time.sleep(5)
        return
    deadline = time.monotonic() + limit
    for child in children:
        while True:
            fields = Path(f"/proc/{child.pid}/syscall").read_text().split()
            if fields[:2] == [number, "0x0"]:
                break
            assert time.monotonic() < deadline, "the session never asked for an answer"
            time.sleep(0.02)


def _document(data_dir: Path, name: str) -> dict[str, Any]:
    text = (data_dir / f"{name}.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    assert document["version"] == 1
    return dict(document["data"])


def _wait_for(check: Callable[[], bool], limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except (OSError, ValueError, KeyError):
            pass  # not written yet
        time.sleep(0.02)
    raise AssertionError(f"the saved file never showed the answer ({check})")


def _quiz_totals(data: dict[str, Any]) -> tuple[int, int, list[tuple[int, int]]]:
    questions = data["questions"].values()
    sessions = [(s["asked"], s["correct"]) for s in data["sessions"]]
    return sum(q["seen"] for q in questions), sum(q["right"] for q in questions), sessions


# ---------------------------------------------------------------- quiz + quiz


def test_two_quiz_sessions_answering_in_turn_keep_every_answer(
    _isolated_user_files: Path,
) -> None:
    """A 5-answer session and a 3-answer one, started together and answering in turn: before,
    the last save replaced the other session's answers."""
    first = _sochelp("scam-quiz", "-n", "5", "--seed", "11")
    second = _sochelp("scam-quiz", "-n", "3", "--seed", "22")
    _waiting_for_answers(first, second)  # both have read the empty file
    right = 0
    for child in (first, second, first, second, first, second, first, first):
        child.sendline("A")
        child.expect(FEEDBACK)  # shown only after the answer was saved
        right += child.match.group(1) == "Right."
    for child in (first, second):
        assert child.wait() == 0  # each ended after its last question
    seen, right_saved, sessions = _quiz_totals(_document(_isolated_user_files, "quiz-progress"))
    assert seen == 8 and right_saved == right
    assert sorted(asked for asked, _ in sessions) == [3, 5]
    assert sum(correct for _, correct in sessions) == right


def test_two_quiz_sessions_racing_keep_every_answer(_isolated_user_files: Path) -> None:
    """Both given all their answers at once, so their saves collide on the lock."""
    answers = "A\n" * 30
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "sochelp", "scam-quiz", "-n", "30", "--seed", str(seed)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in (1, 2)
    ]
    for run in runs:
        assert run.stdin is not None
        run.stdin.write(answers)
        run.stdin.close()
    for run in runs:
        assert run.wait(timeout=120) == 0, run.stderr.read() if run.stderr else ""
    seen, right, sessions = _quiz_totals(_document(_isolated_user_files, "quiz-progress"))
    assert [asked for asked, _ in sessions] == [30, 30]
    assert seen == 60 and right == sum(correct for _, correct in sessions)


# ---------------------------------------------------------------- check-up + check-up


def _individual_items() -> list[str]:
    return [item.id for item in items_for(load_checkup(ContentStore()), Audience.INDIVIDUAL)]


def test_a_finished_checkup_is_not_erased_by_a_second_session(_isolated_user_files: Path) -> None:
    items = _individual_items()
    first = _sochelp("checkup", "individual")
    second = _sochelp("checkup", "individual")
    _waiting_for_answers(first, second)  # both have read the empty file
    for _ in items:
        first.sendline("y")
    assert first.wait() == 0
    done = _document(_isolated_user_files, "checkup")["audiences"]["individual"]
    assert len(done["history"]) == 1
    second.sendline("n")
    second.sendline("p")
    second.sendline("q")
    assert second.wait() == 0
    saved = _document(_isolated_user_files, "checkup")["audiences"]["individual"]
    assert saved["history"] == done["history"]  # the finished check-up survived
    assert saved["history"][0]["answers"] == dict.fromkeys(items, "yes")
    assert saved["unfinished"]["answers"] == {items[0]: "no", items[1]: "partly"}


def test_two_checkups_answering_in_turn_keep_every_answer(_isolated_user_files: Path) -> None:
    """A answers five questions, B three, in turn: the questions both answered keep the later
    answer, and the ones only A answered are kept (before, B's save dropped them)."""
    items = _individual_items()
    first = _sochelp("checkup", "individual")
    second = _sochelp("checkup", "individual")
    _waiting_for_answers(first, second)

    def unfinished() -> dict[str, str]:
        data = _document(_isolated_user_files, "checkup")
        return dict(data["audiences"]["individual"]["unfinished"]["answers"])

    expected: dict[str, str] = {}
    turns = [(first, 0, "yes"), (second, 0, "no"), (first, 1, "yes"), (second, 1, "no")]
    turns += [(first, 2, "yes"), (second, 2, "no"), (first, 3, "yes"), (first, 4, "yes")]
    for child, index, answer in turns:
        child.sendline(answer[0])
        expected[items[index]] = answer
        try:
            _wait_for(lambda: unfinished() == expected, limit=5)
        except AssertionError:
            raise AssertionError((unfinished(), expected)) from None
    for child in (first, second):
        child.sendline("q")
        assert child.wait() == 0
    assert unfinished() == {
        items[0]: "no",
        items[1]: "no",
        items[2]: "no",
        items[3]: "yes",
        items[4]: "yes",
    }


def test_two_checkups_racing_to_the_end_both_stay_in_the_history(
    _isolated_user_files: Path,
) -> None:
    items = _individual_items()
    runs = [_sochelp("checkup", "individual") for _ in range(2)]
    _waiting_for_answers(*runs)  # both started from the empty file
    for run, answer in zip(runs, ("y", "n"), strict=True):
        run.send(f"{answer}\n" * len(items))
    for run in runs:
        assert run.wait() == 0
    saved = _document(_isolated_user_files, "checkup")["audiences"]["individual"]
    kept = sorted(",".join(sorted(set(entry["answers"].values()))) for entry in saved["history"])
    assert kept == ["no", "yes"]
    assert saved.get("unfinished") is None


# ---------------------------------------------------------------- quiz + check-up


def test_a_quiz_and_a_checkup_at_once_keep_every_answer(_isolated_user_files: Path) -> None:
    items = _individual_items()
    quiz = _sochelp("scam-quiz", "-n", "4", "--seed", "3")
    checkup = _sochelp("checkup", "individual")

    def answered() -> int:
        audience = _document(_isolated_user_files, "checkup")["audiences"]["individual"]
        return len(audience["unfinished"]["answers"])

    for index in range(4):
        quiz.sendline("A")
        quiz.expect(FEEDBACK)
        checkup.sendline("p")
        _wait_for(lambda count=index + 1: answered() == count)
    assert quiz.wait() == 0  # four questions asked: the quiz is over
    checkup.sendline("q")
    assert checkup.wait() == 0
    seen, _, sessions = _quiz_totals(_document(_isolated_user_files, "quiz-progress"))
    assert seen == 4 and [asked for asked, _ in sessions] == [4]
    answers = _document(_isolated_user_files, "checkup")["audiences"]["individual"]["unfinished"]
    assert answers["answers"] == dict.fromkeys(items[:4], "partly")


# ---------------------------------------------------------------- kills mid-save

#: Two of these run at once; each saves one more answer as fast as it can and says how many.
SAVER = """
import datetime as dt, sys
from sochelp.quiz.engine import SessionRecord, leitner_move
from sochelp.quiz.progress import QuizStore
store = QuizStore.open()
name = sys.argv[1]
for n in range(1, 100000):
    qid = f"q-{n % 7}"
    store.progress.cards[qid] = leitner_move(store.progress.cards.get(qid), n % 2 == 0,
                                             dt.date(2026, 1, 1))
    store.progress.record_session(SessionRecord(name, n, n // 2), update_last=n > 1)
    assert store.save()
    sys.stdout.write(f"{n}\\n")
    sys.stdout.flush()
"""


def _start_saver(name: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SAVER, name],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _saved_count(process: subprocess.Popen[str]) -> int:
    assert process.stdout is not None
    return int(process.stdout.readline())


def test_kills_mid_save_leave_a_readable_file_and_a_free_lock(_isolated_user_files: Path) -> None:
    from sochelp.quiz.progress import QuizStore

    rng = random.Random(20261207)
    survivor = _start_saver("survivor")
    assert _saved_count(survivor) == 1
    kills = 0
    for round_number in range(15):
        victim = _start_saver(f"victim-{round_number}")
        _saved_count(victim)
        time.sleep(rng.uniform(0.0, 0.15))
        victim.send_signal(signal.SIGKILL)  # quite likely while it holds the lock
        victim.wait(timeout=10)
        kills += 1
        # The file is whole and loads without a notice...
        loaded = QuizStore.open(save=False)
        assert loaded.notices == []
        data = _document(_isolated_user_files, "quiz-progress")
        seen, right, sessions = _quiz_totals(data)
        assert seen >= 1 and right <= seen
        # ...and the lock the victim may have held is free: the survivor saves on.
        before = _saved_count(survivor)
        assert _saved_count(survivor) > before
    survivor.send_signal(signal.SIGKILL)
    survivor.wait(timeout=10)
    assert kills == 15
    # Every answer a saver reported as saved is in the file (saves that were cut off by the kill
    # are the only ones allowed to be missing, so the file holds at least the survivor's).
    data = _document(_isolated_user_files, "quiz-progress")
    seen, right, sessions = _quiz_totals(data)
    assert seen == sum(asked for asked, _ in sessions)
    assert right == sum(correct for _, correct in sessions)


def test_stale_temporary_files_of_killed_saves_are_removed_on_the_next_run(
    _isolated_user_files: Path,
) -> None:
    from tests.conftest import run_cli

    folder = _isolated_user_files
    old = time.time() - 3600
    stale = folder / ".quiz-progress-a1b2c3d4"
    young = folder / ".quiz-progress-e5f6g7h8"
    other = folder / ".quiz-progress-notours.txt"
    mine_elsewhere = folder / ".checkup-zz99yy88"
    for path in (stale, young, other, mine_elsewhere):
        path.write_text("{half a save", encoding="utf-8")
    for path in (stale, other, mine_elsewhere):
        os.utime(path, (old, old))
    link = folder / ".quiz-progress-l1nk0000"
    link.symlink_to(stale)
    os.utime(link, (old, old), follow_symlinks=False)
    done = run_cli(["scam-quiz", "--stats"])
    assert done.exit_code == 0
    assert not stale.exists()  # old, ours: removed
    assert young.exists()  # may belong to a save running now
    assert other.exists()  # not a name sochelp gives its temporary files
    assert mine_elsewhere.exists()  # another document's: removed when that one is used
    assert link.is_symlink()  # never followed or removed
    run_cli(["checkup", "--last", "individual"])
    assert not mine_elsewhere.exists()


@pytest.mark.parametrize("holder", ["quiz-progress", "checkup"])
def test_a_save_waits_for_the_lock_and_gives_up_with_a_notice(
    _isolated_user_files: Path, holder: str
) -> None:
    """A save that cannot get the lock says so once and the session goes on unsaved."""
    from pydantic import BaseModel

    from sochelp.session.files import JsonStore
    from sochelp.session.store import ProgressFile

    class Doc(BaseModel):
        words: list[str] = []

    other = JsonStore(holder, 1)
    file = ProgressFile(holder, Doc, 1)
    with other.locked():
        started = time.monotonic()
        import sochelp.session.files as files

        original = files.LOCK_TIMEOUT
        files.LOCK_TIMEOUT = 0.3
        try:
            assert file.update(lambda doc: doc) is False
        finally:
            files.LOCK_TIMEOUT = original
        assert 0.3 <= time.monotonic() - started < 5
    assert len(file.notices) == 1 and "busy" in file.notices[0]
    assert not (_isolated_user_files / f".{holder}.lock").exists()  # the folder is left clean
