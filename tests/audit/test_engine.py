"""The audit engine: each password scored once, each prefix fetched once, bounded concurrency,
failures isolated to their own accounts, and nothing secret in the result."""

from __future__ import annotations

import functools
import itertools
import os
import threading
from collections import Counter

import pytest

from sochelp.audit.engine import PROCESS_SCORING_THRESHOLD, run_audit, strength_score
from sochelp.audit.exports import ExportRecord
from sochelp.breach.interface import HashedPassword
from tests.audit.fakes import RecordingSource, score_in_worker


def _records(passwords: list[str]) -> list[ExportRecord]:
    return [
        ExportRecord(title=f"site{i}", url=f"https://site{i}.example", username=f"u{i}", password=p)
        for i, p in enumerate(passwords)
    ]


def _length_scorer(calls: Counter[str] | None = None):  # type: ignore[no-untyped-def]
    def score(password: str) -> int:
        if calls is not None:
            calls[password] += 1
        return min(4, len(password) // 4)

    return score


def test_each_password_scored_once_and_each_prefix_requested_once() -> None:
    passwords = ["alpha-one-two", "beta-three", "alpha-one-two", "gamma", "beta-three", "delta!"]
    scored: Counter[str] = Counter()
    source = RecordingSource()
    result = run_audit(_records(passwords), scorer=_length_scorer(scored), source=source)
    assert sorted(scored) == sorted(set(passwords))
    assert set(scored.values()) == {1}
    expected = {HashedPassword.of(p).prefix for p in passwords}
    assert sorted(source.calls) == sorted(expected)
    assert result.summary.unique_passwords == 4
    assert result.summary.accounts == 6


def test_shared_prefix_is_requested_once() -> None:
    # Find two different passwords whose hashes share a prefix (bounded search).
    seen: dict[str, str] = {}
    pair: tuple[str, str] | None = None
    for n in range(2_000_000):
        candidate = f"pw{n}"
        prefix = HashedPassword.of(candidate).prefix[:5]
        if prefix in seen:
            pair = (seen[prefix], candidate)
            break
        seen[prefix] = candidate
    assert pair is not None
    source = RecordingSource(breached={pair[1]: 7})
    result = run_audit(_records(list(pair)), scorer=_length_scorer(), source=source)
    assert source.calls == [HashedPassword.of(pair[0]).prefix]
    counts = {a.title: a.breach_count for a in result.accounts}
    assert counts == {"site0": 0, "site1": 7}


def test_reuse_breach_and_priority_order() -> None:
    passwords = [
        "correct-horse-battery-staple",  # fine
        "password1",  # breached and reused
        "password1",
        "Zebra-Kettle-Muffin-42",  # reused only
        "Zebra-Kettle-Muffin-42",
        "Zebra-Kettle-Muffin-42",
        "qwerty-unique-but-breached",  # breached only
        "abc",  # weak only
    ]
    source = RecordingSource(breached={"password1": 2_000_000, "qwerty-unique-but-breached": 5})
    result = run_audit(_records(passwords), scorer=_length_scorer(), source=source, min_score=3)
    order = [(a.title, a.priority) for a in result.accounts]
    assert [p for _, p in order] == [
        "breached-and-reused",
        "breached-and-reused",
        "breached",
        "reused",
        "reused",
        "reused",
        "weak",
        "ok",
    ]
    by_title = {a.title: a for a in result.accounts}
    assert by_title["site1"].reused_with == 1
    assert by_title["site3"].reused_with == 2
    assert by_title["site1"].reuse_group != by_title["site3"].reuse_group
    assert by_title["site6"].breach_count == 5
    assert by_title["site0"].breach_count == 0
    s = result.summary
    assert (s.accounts, s.unique_passwords, s.reused_groups, s.reused_accounts) == (8, 5, 2, 5)
    assert (s.breached, s.not_checked, s.weak) == (3, 0, 3)  # password1 scores 2 (len 9)
    assert result.needs_fixing


def test_failed_prefix_marks_only_its_accounts_not_checked() -> None:
    passwords = ["first-password-x", "second-password-y", "third-password-z", "second-password-y"]
    failing = HashedPassword.of("second-password-y").prefix
    source = RecordingSource(breached={"first-password-x": 3}, failing=[failing])
    result = run_audit(_records(passwords), scorer=lambda p: 4, source=source)
    by_title = {a.title: a for a in result.accounts}
    assert by_title["site0"].breach_count == 3
    assert by_title["site2"].breach_count == 0
    for title in ("site1", "site3"):
        assert by_title[title].breach_count is None
        reason = "the breach service answered 503 Service Unavailable"
        assert by_title[title].not_checked_reason == reason
        assert by_title[title].priority == "reused"  # reuse is still known
    assert result.summary.not_checked == 2
    assert result.summary.prefixes_failed == 1
    assert result.errors == ("the breach service answered 503 Service Unavailable",)


def test_not_checked_is_its_own_priority_when_nothing_else_is_wrong() -> None:
    failing = HashedPassword.of("only-one-strong-password").prefix
    source = RecordingSource(failing=[failing])
    result = run_audit(_records(["only-one-strong-password"]), scorer=lambda p: 4, source=source)
    assert result.accounts[0].priority == "not-checked"
    assert not result.needs_fixing


@pytest.mark.parametrize("limit", [1, 4, 12])
def test_concurrency_is_bounded(limit: int) -> None:
    passwords = [f"password-number-{n}" for n in range(40)]
    source = RecordingSource(delay=0.02)
    run_audit(_records(passwords), scorer=lambda p: 4, source=source, concurrency=limit)
    assert len(source.calls) == len(set(source.calls))
    assert 1 <= source.max_in_flight <= limit
    if limit > 1:
        assert source.max_in_flight > 1


def test_scoring_runs_while_lookups_are_in_flight() -> None:
    lookups_started = threading.Event()
    scoring_done = threading.Event()
    passwords = [f"pw-{n}" for n in range(10)]
    scored: list[str] = []

    class Blocking(RecordingSource):
        def range(self, prefix: str):  # type: ignore[no-untyped-def]
            lookups_started.set()
            # Only answers once all scoring is over: a scorer that waited for the network
            # would make this time out.
            assert scoring_done.wait(5)
            return super().range(prefix)

    def scorer(password: str) -> int:
        assert lookups_started.wait(5), "scoring must not wait for lookups to finish"
        scored.append(password)
        if len(scored) == len(passwords):
            scoring_done.set()
        return 4

    result = run_audit(_records(passwords), scorer=scorer, source=Blocking(), concurrency=4)
    assert result.summary.not_checked == 0
    assert len(scored) == 10


def test_no_breach_check() -> None:
    result = run_audit(_records(["abc", "abc"]), scorer=lambda p: 0, source=None)
    assert not result.breach_checked
    assert all(a.breach_count is None for a in result.accounts)
    assert result.summary.prefixes_requested == 0
    assert [a.priority for a in result.accounts] == ["reused", "reused"]


def test_result_holds_no_password_or_hash() -> None:
    passwords = ["s3cret-Passw0rd!", "another-secret-9"]
    result = run_audit(
        _records(passwords),
        scorer=_length_scorer(),
        source=RecordingSource(breached={"s3cret-Passw0rd!": 1}),
    )
    text = repr(result) + str(result)
    for password in passwords:
        hashed = HashedPassword.of(password)
        assert password not in text
        assert hashed.suffix not in text
    assert "s3cret" not in repr(_records(passwords))


def test_progress_reports_every_prefix() -> None:
    seen: list[tuple[int, int]] = []
    passwords = [f"pw-{n}" for n in range(25)]
    run_audit(
        _records(passwords),
        scorer=lambda p: 4,
        source=RecordingSource(),
        progress=lambda done, total: seen.append((done, total)),
    )
    # 25 lookups plus 25 passwords rated.
    assert all(total == 50 for _, total in seen)
    assert seen[-1] == (50, 50)
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))


def test_interrupt_while_waiting_cancels_queued_lookups() -> None:
    release = threading.Event()

    class Slow(RecordingSource):
        def range(self, prefix: str):  # type: ignore[no-untyped-def]
            release.wait(2)
            return super().range(prefix)

    source = Slow()

    def scorer(password: str) -> int:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_audit(
            _records([f"pw-{n}" for n in range(50)]), scorer=scorer, source=source, concurrency=2
        )
    release.set()
    # At most the two in-flight lookups ran; the 48 queued were cancelled.
    threading.Event().wait(0.2)
    assert len(source.calls) <= 2


def test_progress_moves_while_the_calling_thread_is_busy_scoring() -> None:
    # The calling thread scores; lookups finish on their own threads. The bar must reach the
    # end before scoring does (it used to sit at 0 until the first score came back).
    passwords = [f"pw-{n}" for n in range(20)]
    seen: list[tuple[int, int]] = []
    all_looked_up = threading.Event()

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        if done == 20:  # every lookup, and no password rated yet
            all_looked_up.set()

    def scorer(password: str) -> int:
        assert all_looked_up.wait(5), "progress did not move while scoring was busy"
        return 4

    run_audit(_records(passwords), scorer=scorer, source=RecordingSource(), progress=progress)
    assert seen[-1] == (40, 40)
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(seen))


def test_progress_counts_rating_when_there_are_no_lookups() -> None:
    seen: list[tuple[int, int]] = []
    run_audit(
        _records([f"pw-{n}" for n in range(7)]),
        scorer=lambda p: 4,
        source=None,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)


def test_a_failing_progress_display_does_not_stop_the_audit() -> None:
    def progress(done: int, total: int) -> None:
        raise OSError("the terminal went away")

    result = run_audit(
        _records(["a-password", "b-password"]),
        scorer=lambda p: 4,
        source=RecordingSource(),
        progress=progress,
    )
    assert result.summary.not_checked == 0


def test_worker_processes_get_passwords_only_through_pipes() -> None:
    # Enough distinct passwords to score in a worker process; each worker checks that no
    # process's command line or environment holds the password it was given.
    passwords = [f"Pipe-Only-Secret-{n}-Zq" for n in range(PROCESS_SCORING_THRESHOLD + 6)]
    scorer = functools.partial(score_in_worker, parent_pid=os.getpid())
    result = run_audit(
        _records(passwords), scorer=scorer, source=RecordingSource(), score_processes=1
    )
    assert {a.score for a in result.accounts} == {4}


def test_worker_processes_score_like_the_calling_thread() -> None:
    passwords = [f"pw{n}" for n in range(40)] + [f"Kettle-Comet-Pencil-{n}" for n in range(40)]
    in_thread = run_audit(_records(passwords), scorer=strength_score, source=None)
    in_processes = run_audit(
        _records(passwords), scorer=strength_score, source=None, score_processes=2
    )
    assert [(a.title, a.score) for a in in_processes.accounts] == [
        (a.title, a.score) for a in in_thread.accounts
    ]
    assert {a.score for a in in_thread.accounts} >= {0, 4}
