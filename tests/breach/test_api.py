"""The range API source: headers, retries, Retry-After, validation, threads (MockTransport)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from sochelp import __version__
from sochelp.breach.api import (
    DEFAULT_API_URL,
    RangeApiSource,
    check_api_url,
    retry_after_seconds,
)
from sochelp.breach.interface import BreachLookupError, HashedPassword
from sochelp.breach.sources import open_source
from sochelp.errors import UsageError

SECRET = "correct-horse-battery"
HASHED = HashedPassword.of(SECRET)
BODY = f"{'1' * 35}:4\r\n{HASHED.suffix}:42\r\n{'F' * 35}:0"


def _source(
    handler: Callable[[httpx.Request], httpx.Response], sleeps: list[float] | None = None
) -> RangeApiSource:
    recorded = sleeps if sleeps is not None else []
    return RangeApiSource(
        "https://range.example/",
        transport=httpx.MockTransport(handler),
        sleep=recorded.append,
    )


def test_request_shape_and_match() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text=BODY)

    source = _source(handler)
    assert source.count(HASHED) == 42
    (request,) = seen
    assert str(request.url) == f"https://range.example/range/{HASHED.prefix}"
    assert request.method == "GET"
    assert request.headers["Add-Padding"] == "true"
    assert request.headers["User-Agent"] == f"sochelp/{__version__}"
    assert request.content == b""
    source.close()


def test_not_found_and_padding_are_zero() -> None:
    padded = HashedPassword.of("something else entirely")
    body = f"{padded.suffix}:0\n{'2' * 35}:7"
    source = _source(lambda r: httpx.Response(200, text=body))
    assert source.count(padded) == 0
    assert source.status(padded).checked


def test_retries_5xx_then_succeeds() -> None:
    answers = iter([503, 502, 200])
    sleeps: list[float] = []
    source = _source(lambda r: httpx.Response(next(answers), text=BODY), sleeps)
    assert source.count(HASHED) == 42
    assert sleeps == [0.5, 1.0]


def test_gives_up_after_bounded_attempts_on_connection_errors() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ConnectError("refused", request=request)

    sleeps: list[float] = []
    source = _source(handler, sleeps)
    status = source.status(HASHED)
    assert calls == 3 and len(sleeps) == 2
    assert not status.checked and status.count is None
    assert status.error is not None and "could not be reached" in status.error
    assert "no network" in status.error


def test_timeouts_are_retried() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(BreachLookupError, match="did not answer in time"):
        _source(handler).count(HASHED)


def test_retry_after_is_honoured_on_429() -> None:
    answers = iter(
        [httpx.Response(429, headers={"Retry-After": "2"}), httpx.Response(200, text=BODY)]
    )
    sleeps: list[float] = []
    source = _source(lambda r: next(answers), sleeps)
    assert source.count(HASHED) == 42
    assert sleeps == [2.0]


def test_long_retry_after_is_not_waited_for() -> None:
    sleeps: list[float] = []
    source = _source(lambda r: httpx.Response(429, headers={"Retry-After": "3600"}), sleeps)
    with pytest.raises(BreachLookupError, match="busy"):
        source.count(HASHED)
    assert sleeps == []


def test_client_errors_are_not_retried() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(404, text="not here")

    with pytest.raises(BreachLookupError, match="unexpected response"):
        _source(handler).count(HASHED)
    assert calls == 1


@pytest.mark.parametrize(
    "body",
    ["<html>Service Unavailable</html>", "", f"{HASHED.suffix}:42\nGARBAGE", "\u00e9\u00e9"],
)
def test_garbage_is_an_error_not_a_false_not_found(body: str) -> None:
    source = _source(lambda r: httpx.Response(200, text=body))
    status = source.status(HASHED)
    assert not status.checked
    assert status.error is not None
    assert status.error.startswith("unexpected response from the breach service")


def test_oversized_body_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sochelp.breach.api.MAX_BODY_BYTES", 100)
    with pytest.raises(BreachLookupError, match="too large"):
        _source(lambda r: httpx.Response(200, text=BODY * 10)).count(HASHED)


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    when = retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412500.0)
    assert when == pytest.approx(10.0)


def test_api_url_validation() -> None:
    assert check_api_url("https://mirror.example/pp/") == "https://mirror.example/pp"
    assert check_api_url("http://127.0.0.1:8080") == "http://127.0.0.1:8080"
    for bad in ("ftp://x.example", "mirror.example", "https://", "https://x.example/?a=1"):
        with pytest.raises(UsageError):
            check_api_url(bad)


def test_open_source_chooses_the_address() -> None:
    assert open_source().base_url == DEFAULT_API_URL  # type: ignore[attr-defined]
    env = {"SOCHELP_RANGE_API": "https://mirror.example"}
    assert open_source(environ=env).base_url == "https://mirror.example"  # type: ignore[attr-defined]
    chosen = open_source(api_url="https://other.example", environ=env)
    assert chosen.base_url == "https://other.example"  # type: ignore[attr-defined]


def test_one_client_shared_by_many_threads() -> None:
    lock = threading.Lock()
    prefixes: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        with lock:
            prefixes.append(request.url.path.rsplit("/", 1)[1])
        return httpx.Response(200, text=BODY)

    source = _source(handler)
    wanted = [f"{n:05X}" for n in range(64)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(source.range, wanted))
    assert sorted(prefixes) == wanted
    assert all(r[HASHED.suffix] == 42 for r in results)
    assert source._client is not None
    source.close()
    assert source._client is None
