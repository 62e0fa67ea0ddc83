"""The in-memory fake used by tests of commands built on a BreachSource."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sochelp.breach.fake import FakeSource
from sochelp.breach.interface import HashedPassword


def test_fake_counts_records_prefixes_and_fails_on_request() -> None:
    fake = FakeSource.of_passwords({"letmein": 5, "padding-only": 0})
    assert fake.count(HashedPassword.of("letmein")) == 5
    assert fake.count(HashedPassword.of("padding-only")) == 0
    assert fake.count(HashedPassword.of("unknown")) == 0
    assert fake.requested == [
        HashedPassword.of(p).prefix for p in ("letmein", "padding-only", "unknown")
    ]
    failing = FakeSource(fail="service down")
    status = failing.status(HashedPassword.of("letmein"))
    assert not status.checked and status.error == "service down" and status.source == "api"


def test_fake_is_thread_safe() -> None:
    fake = FakeSource.of_passwords({"a": 1})
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(lambda n: fake.range(f"{n:05X}"), range(100)))
    assert len(fake.requested) == 100
