"""The audit: score each distinct password once, look up each distinct hash prefix once
(concurrently, on one shared breach source), and rank the accounts that need fixing.

Results never hold a password, its hash, or its length: only titles, sites, user names, scores
and counts.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sochelp import signals
from sochelp.audit.exports import ExportRecord
from sochelp.breach.interface import BreachLookupError, BreachSource, HashedPassword

if TYPE_CHECKING:
    from concurrent.futures import Future

    from sochelp.audit.workers import ScoringWorkers

Priority = Literal["breached-and-reused", "breached", "reused", "weak", "not-checked", "ok"]

#: Most urgent first; the order accounts are listed in.
PRIORITY_ORDER: tuple[Priority, ...] = (
    "breached-and-reused",
    "breached",
    "reused",
    "weak",
    "not-checked",
    "ok",
)
#: Priorities that mean "change this password".
NEEDS_FIXING: frozenset[Priority] = frozenset({"breached-and-reused", "breached", "reused", "weak"})

DEFAULT_CONCURRENCY = 12
MAX_CONCURRENCY = 64
#: Below this many distinct passwords, scoring on the calling thread is quicker than starting
#: worker processes.
PROCESS_SCORING_THRESHOLD = 64
_SCORE_CHUNK = 16

Scorer = Callable[[str], int]
ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class AccountResult:
    """One account's findings (never its password)."""

    title: str
    url: str
    username: str
    score: int
    weak: bool
    #: How many *other* accounts use the same password.
    reused_with: int
    #: Which group of accounts shares this password (1, 2, …), or None if not reused.
    reuse_group: int | None
    #: Times seen in breaches; None when not checked.
    breach_count: int | None
    priority: Priority
    #: Why the breach check did not happen for this account, if it failed.
    not_checked_reason: str | None = None


@dataclass(frozen=True)
class AuditSummary:
    """Counts over the whole export."""

    accounts: int
    unique_passwords: int
    weak: int
    reused_groups: int
    reused_accounts: int
    breached: int
    not_checked: int
    skipped: int
    prefixes_requested: int
    prefixes_failed: int


@dataclass(frozen=True)
class AuditResult:
    """Everything the views need."""

    format_name: str
    source: str
    breach_checked: bool
    min_score: int
    accounts: tuple[AccountResult, ...]
    summary: AuditSummary
    skipped: tuple[tuple[str, int], ...]
    #: Distinct reasons lookups failed (no secrets, just the service's complaint).
    errors: tuple[str, ...]

    @property
    def needs_fixing(self) -> bool:
        """True if any account should have its password changed."""
        return any(a.priority in NEEDS_FIXING for a in self.accounts)


class _DaemonPool:
    """A bounded pool of daemon worker threads returning :class:`Future` objects.

    ``concurrent.futures.ThreadPoolExecutor`` joins its workers at interpreter exit, so a Ctrl-C
    would wait for every request in flight to time out. Daemon workers let the program leave at
    once; queued work is cancelled.
    """

    def __init__(self, workers: int) -> None:
        self._workers = max(1, workers)
        self._queue: queue.SimpleQueue[tuple[Future[Any], Callable[[], Any]] | None] = (
            queue.SimpleQueue()
        )
        self._threads: list[threading.Thread] = []
        self._futures: list[Future[Any]] = []

    def submit(self, fn: Callable[[], Any]) -> Future[Any]:
        from concurrent.futures import Future  # (with its logging: only when there are lookups)

        future: Future[Any] = Future()
        self._futures.append(future)
        self._queue.put((future, fn))
        if len(self._threads) < min(self._workers, len(self._futures)):
            thread = threading.Thread(
                target=self._work, name=f"sochelp-audit-{len(self._threads)}", daemon=True
            )
            self._threads.append(thread)
            thread.start()
        return future

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            future, fn = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                result = fn()
            except BaseException as error:  # handed to the waiting thread, never lost
                future.set_exception(error)
            else:
                future.set_result(result)

    def shutdown(self) -> None:
        """Cancel queued work and let idle workers end (busy ones are abandoned)."""
        for future in self._futures:
            future.cancel()
        for _ in self._threads:
            self._queue.put(None)


def strength_score(password: str, local_words: Sequence[str] = ()) -> int:
    """The ``sochelp password`` rating's score (0-4) for one password, with the local words.

    Module-level so that worker processes can receive it (with functools.partial).
    """
    from sochelp.password.strength import evaluate

    return evaluate(password, (), local_words).score


def _guarded_score(scorer: Scorer, password: str) -> int:
    # An exception raised in a worker travels back with its traceback text; never let one
    # carry anything about the password.
    try:
        return scorer(password)
    except Exception as error:
        signals.reraise_stop(error)
        return -1


def default_score_processes(*, lookups: bool = True) -> int:
    """Worker processes for scoring: one per CPU, at most 4.

    The lookups need little CPU of their own (about 0.3 ms a request, mostly waiting), so the
    rating, which is the slower part on a small machine, gets every CPU. ``lookups`` is kept
    for callers that still pass it.
    """
    del lookups
    return max(1, min(4, os.cpu_count() or 1))


def _lookup(source: BreachSource, prefix: str, suffixes: list[str]) -> dict[str, int]:
    # Only the 5-character prefix leaves the machine; the source matches just these suffixes
    # locally, so no whole range (about 1,000 lines) is kept per prefix.
    return source.counts(prefix, suffixes)


def _run_now(source: BreachSource, prefix: str, suffixes: list[str]) -> Future[Any]:
    from concurrent.futures import Future

    future: Future[Any] = Future()
    try:
        future.set_result(_lookup(source, prefix, suffixes))
    except Exception as error:  # recorded like a failed lookup on a thread
        signals.reraise_stop(error)
        future.set_exception(error)
    return future


def run_audit(
    records: Sequence[ExportRecord],
    *,
    scorer: Scorer,
    source: BreachSource | None,
    min_score: int = 3,
    concurrency: int = DEFAULT_CONCURRENCY,
    format_name: str = "",
    skipped: Iterable[tuple[str, int]] = (),
    progress: ProgressCallback | None = None,
    score_processes: int = 0,
) -> AuditResult:
    """Audit ``records``: score, group reuse, and check breaches via ``source`` (None = skip).

    Each distinct password is hashed and scored once; each distinct prefix is requested once,
    on up to ``concurrency`` threads sharing ``source``. Scoring runs while the lookups are in
    flight: on the calling thread, or, with ``score_processes`` and enough passwords, on that many
    worker processes (``scorer`` must then be picklable). A failed prefix marks only its own
    accounts "not checked". ``progress(done, total)`` counts finished lookups plus rated
    passwords; it is called from the lookup threads too, so it must be thread-safe.
    """
    by_password: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        by_password.setdefault(record.password, []).append(index)
    passwords = list(by_password)
    groups = list(by_password.values())
    del by_password
    hashes = [HashedPassword.of(p) for p in passwords]
    prefixes: dict[str, list[int]] = {}
    for key, hashed in enumerate(hashes):
        prefixes.setdefault(hashed.prefix, []).append(key)

    workers: ScoringWorkers | None = None
    pool = _DaemonPool(min(max(1, concurrency), MAX_CONCURRENCY, max(1, len(prefixes))))
    futures: dict[Future[Any], str] = {}
    # Progress counts both kinds of work: lookups done plus passwords rated.
    total = (len(prefixes) if source is not None else 0) + len(passwords)
    finished = 0
    report_lock = threading.Lock()

    def report(steps: int = 0) -> None:
        # Called on the calling thread as passwords are rated, and on the lookup threads as
        # lookups end: the bar keeps moving while either kind of work is waiting.
        nonlocal finished
        with report_lock:
            finished += steps
            if progress:
                try:
                    progress(max(0, min(finished, total)), total)
                except Exception as error:  # a display problem must never stop the audit
                    signals.reraise_stop(error)  # (but a Ctrl-C met inside it must)
                    return

    # Counted down by the lookups' done-callbacks. (Waiting with concurrent.futures.wait on the
    # set of pending futures costs O(n) per wake-up, O(n^2) in all: 100 s of CPU at 40,000
    # prefixes.)
    remaining = len(prefixes) if source is not None else 0
    all_looked_up = threading.Event()
    if not remaining:
        all_looked_up.set()
    count_lock = threading.Lock()

    def lookup_done(_future: Future[Any]) -> None:
        nonlocal remaining
        report(1)
        with count_lock:
            remaining -= 1
            if remaining <= 0:
                all_looked_up.set()

    try:
        report()
        sequential = bool(getattr(source, "sequential", False))
        for prefix, keys in prefixes.items() if source is not None else ():
            suffixes = [hashes[key].suffix for key in keys]
            if sequential:
                # A local file answers in microseconds: threads would only add overhead.
                future = _run_now(source, prefix, suffixes)  # type: ignore[arg-type]
            else:
                future = pool.submit(
                    lambda p=prefix, s=suffixes: _lookup(source, p, s)  # type: ignore[misc, arg-type]
                )
            futures[future] = prefix
            future.add_done_callback(lookup_done)
        # Lookups are queued first so the network starts at once. Workers are fresh
        # interpreters (exec, not fork), so starting them with threads running is safe; they are
        # started from this thread, which lives as long as the audit (the parent-death signal
        # is tied to the thread that started a child).
        if score_processes > 0 and len(passwords) >= PROCESS_SCORING_THRESHOLD:
            from sochelp.audit.workers import ScoringWorkers

            workers = ScoringWorkers.start(scorer, score_processes)
        scores = _scores(scorer, passwords, workers, report)
        del passwords  # rated: this function holds none of them any longer
        if workers is not None:
            workers.close()
            workers = None
        while not all_looked_up.wait(0.2):  # short waits keep Ctrl-C and stop signals prompt
            report()
    except BaseException:
        pool.shutdown()
        if workers is not None:
            workers.close(kill=True)
        raise
    pool.shutdown()
    if any(score < 0 for score in scores):
        raise RuntimeError("rating a password's strength failed")

    counts: list[int | None] = [None] * len(hashes)
    reasons: list[str | None] = [None] * len(hashes)
    errors: list[str] = []
    failed = 0
    for future, prefix in futures.items():
        error = future.exception()
        if error is None:
            found: Mapping[str, int] = future.result()
            for key in prefixes[prefix]:
                counts[key] = found.get(hashes[key].suffix, 0)
            del found
            continue
        failed += 1
        reason = (
            error.message
            if isinstance(error, BreachLookupError)
            else "an unexpected error in the breach lookup"
        )
        if reason not in errors:
            errors.append(reason)
        for key in prefixes[prefix]:
            reasons[key] = reason

    return _assemble(
        records,
        groups,
        scores,
        counts,
        reasons,
        min_score=min_score,
        source=source,
        format_name=format_name,
        skipped=tuple(skipped),
        errors=tuple(errors),
        failed=failed,
        requested=len(futures),
    )


def _scores(
    scorer: Scorer,
    passwords: list[str],
    workers: ScoringWorkers | None,
    report: Callable[[int], None],
) -> list[int]:
    """Scores in password order, reporting each one (or each chunk) as it arrives."""
    if workers is not None:
        return workers.score(passwords, scorer, report)
    scores: list[int] = []
    for password in passwords:
        scores.append(_guarded_score(scorer, password))
        report(1)
    return scores


def _priority(breached: bool, reused: bool, weak: bool, unchecked: bool) -> Priority:
    if breached and reused:
        return "breached-and-reused"
    if breached:
        return "breached"
    if reused:
        return "reused"
    if weak:
        return "weak"
    return "not-checked" if unchecked else "ok"


def _assemble(
    records: Sequence[ExportRecord],
    groups: list[list[int]],
    scores: list[int],
    counts: list[int | None],
    reasons: list[str | None],
    *,
    min_score: int,
    source: BreachSource | None,
    format_name: str,
    skipped: tuple[tuple[str, int], ...],
    errors: tuple[str, ...],
    failed: int,
    requested: int,
) -> AuditResult:
    accounts: list[AccountResult] = []
    group_number = 0
    for key, indices in enumerate(groups):
        reused_with = len(indices) - 1
        group: int | None = None
        if reused_with:
            group_number += 1
            group = group_number
        count = counts[key]
        weak = scores[key] < min_score
        failed_lookup = source is not None and count is None
        priority = _priority(bool(count), reused_with > 0, weak, failed_lookup)
        for index in indices:
            record = records[index]
            accounts.append(
                AccountResult(
                    title=record.title,
                    url=record.url,
                    username=record.username,
                    score=scores[key],
                    weak=weak,
                    reused_with=reused_with,
                    reuse_group=group,
                    breach_count=count,
                    priority=priority,
                    not_checked_reason=reasons[key],
                )
            )
    rank = {p: n for n, p in enumerate(PRIORITY_ORDER)}
    accounts.sort(
        key=lambda a: (
            rank[a.priority],
            -(a.breach_count or 0),
            -a.reused_with,
            a.reuse_group or 0,
            a.score,
            a.title.lower(),
        )
    )
    summary = AuditSummary(
        accounts=len(accounts),
        unique_passwords=len(groups),
        weak=sum(1 for a in accounts if a.weak),
        reused_groups=group_number,
        reused_accounts=sum(1 for a in accounts if a.reused_with),
        breached=sum(1 for a in accounts if a.breach_count),
        not_checked=sum(1 for a in accounts if a.breach_count is None),
        skipped=sum(count for _, count in skipped),
        prefixes_requested=requested,
        prefixes_failed=failed,
    )
    return AuditResult(
        format_name=format_name,
        source=source.name if source is not None else "none",
        breach_checked=source is not None,
        min_score=min_score,
        accounts=tuple(accounts),
        summary=summary,
        skipped=skipped,
        errors=errors,
    )
