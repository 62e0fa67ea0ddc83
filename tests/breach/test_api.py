"""The range API source against real servers on 127.0.0.1: request shape, retries, Retry-After,
validation, timeouts, keep-alive, threads, compressed bodies, proxies and certificates.

Every case that sends a request runs once per HTTP client (the built-in one and httpx)."""

from __future__ import annotations

import gzip
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sochelp import __version__
from sochelp.breach.api import (
    DEFAULT_API_URL,
    RangeApiSource,
    check_api_url,
    retry_after_seconds,
)
from sochelp.breach.interface import BreachLookupError, HashedPassword
from sochelp.breach.proxies import proxy_for
from sochelp.breach.sources import open_source
from sochelp.breach.transport import CLIENTS, ClientName
from sochelp.errors import UsageError
from tests.password.helpers import closed_port

SECRET = "correct-horse-battery"
HASHED = HashedPassword.of(SECRET)
BODY = f"{'1' * 35}:4\r\n{HASHED.suffix}:42\r\n{'F' * 35}:0"
PATH = f"/range/{HASHED.prefix}"


@pytest.fixture(params=CLIENTS)
def client(request: pytest.FixtureRequest) -> ClientName:
    """Each HTTP client in turn."""
    name: ClientName = request.param
    return name


def _source(
    url: str, client: ClientName, sleeps: list[float] | None = None, **kwargs: object
) -> RangeApiSource:
    recorded = sleeps if sleeps is not None else []
    source = RangeApiSource(
        url,
        sleep=recorded.append,
        environ={},
        client=client,
        **kwargs,  # type: ignore[arg-type]
    )
    assert source.client_name() == client
    return source


def _answers(*responses: Response) -> Callable[[Request], Response]:
    queue = iter(responses)
    return lambda request: next(queue)


def test_request_shape_and_match(httpserver: HTTPServer, client: ClientName) -> None:
    httpserver.expect_request(PATH, method="GET").respond_with_data(BODY)
    source = _source(httpserver.url_for("/"), client)
    assert source.count(HASHED) == 42
    (request, _), *_ = httpserver.log
    assert request.path == PATH and request.query_string == b""
    assert request.headers["Add-Padding"] == "true"
    assert request.headers["User-Agent"] == f"sochelp/{__version__}"
    assert request.get_data() == b""
    source.close()


def test_a_base_path_is_kept(httpserver: HTTPServer, client: ClientName) -> None:
    httpserver.expect_request(f"/mirror/pp{PATH}").respond_with_data(BODY)
    assert _source(httpserver.url_for("/mirror/pp/"), client).count(HASHED) == 42


def test_not_found_and_padding_are_zero(httpserver: HTTPServer, client: ClientName) -> None:
    padded = HashedPassword.of("something else entirely")
    httpserver.expect_request(f"/range/{padded.prefix}").respond_with_data(
        f"{padded.suffix}:0\n{'2' * 35}:7"
    )
    source = _source(httpserver.url_for("/"), client)
    assert source.count(padded) == 0
    assert source.status(padded).checked


def test_counts_match_only_the_wanted_suffixes(httpserver: HTTPServer, client: ClientName) -> None:
    httpserver.expect_request(PATH).respond_with_data(BODY)
    source = _source(httpserver.url_for("/"), client)
    wanted = [HASHED.suffix, "1" * 35, "F" * 35, "0" * 35]
    assert source.counts(HASHED.prefix, wanted) == {
        HASHED.suffix: 42,
        "1" * 35: 4,
        "F" * 35: 0,
        "0" * 35: 0,
    }


def test_retries_5xx_then_succeeds(httpserver: HTTPServer, client: ClientName) -> None:
    handler = _answers(Response(status=503), Response(status=502), Response(BODY))
    httpserver.expect_request(PATH).respond_with_handler(handler)
    sleeps: list[float] = []
    assert _source(httpserver.url_for("/"), client, sleeps).count(HASHED) == 42
    assert sleeps == [0.5, 1.0]


def test_gives_up_after_bounded_attempts_on_connection_errors(client: ClientName) -> None:
    sleeps: list[float] = []
    status = _source(f"http://127.0.0.1:{closed_port()}", client, sleeps).status(HASHED)
    assert len(sleeps) == 2
    assert not status.checked and status.count is None
    assert status.error is not None and "could not be reached" in status.error
    assert "no network" in status.error


@pytest.fixture
def silent_server() -> Iterator[str]:
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    listener.close()


def test_timeouts_are_retried(silent_server: str, client: ClientName) -> None:
    sleeps: list[float] = []
    source = _source(silent_server, client, sleeps, timeout=0.3, connect_timeout=0.3)
    started = time.monotonic()
    with pytest.raises(BreachLookupError, match="did not answer in time"):
        source.count(HASHED)
    assert len(sleeps) == 2
    assert time.monotonic() - started < 3


def test_retry_after_is_honoured_on_429(httpserver: HTTPServer, client: ClientName) -> None:
    handler = _answers(Response(status=429, headers={"Retry-After": "2"}), Response(BODY))
    httpserver.expect_request(PATH).respond_with_handler(handler)
    sleeps: list[float] = []
    assert _source(httpserver.url_for("/"), client, sleeps).count(HASHED) == 42
    assert sleeps == [2.0]


def test_long_retry_after_is_not_waited_for(httpserver: HTTPServer, client: ClientName) -> None:
    httpserver.expect_request(PATH).respond_with_data("", 429, {"Retry-After": "3600"})
    sleeps: list[float] = []
    with pytest.raises(BreachLookupError, match="busy"):
        _source(httpserver.url_for("/"), client, sleeps).count(HASHED)
    assert sleeps == []


def test_client_errors_are_not_retried(httpserver: HTTPServer, client: ClientName) -> None:
    httpserver.expect_request(PATH).respond_with_data("not here", 404)
    with pytest.raises(BreachLookupError, match="unexpected response"):
        _source(httpserver.url_for("/"), client).count(HASHED)
    assert len(httpserver.log) == 1


def test_redirects_are_not_followed(httpserver: HTTPServer, client: ClientName) -> None:
    httpserver.expect_request(PATH).respond_with_data("", 302, {"Location": "/elsewhere"})
    with pytest.raises(BreachLookupError, match="HTTP 302"):
        _source(httpserver.url_for("/"), client).count(HASHED)
    assert len(httpserver.log) == 1


@pytest.mark.parametrize(
    "body",
    [b"<html>Service Unavailable</html>", b"", f"{HASHED.suffix}:42\nGARBAGE".encode(), b"\xc3"],
)
def test_garbage_is_an_error_not_a_false_not_found(
    httpserver: HTTPServer, body: bytes, client: ClientName
) -> None:
    httpserver.expect_request(PATH).respond_with_data(body)
    status = _source(httpserver.url_for("/"), client).status(HASHED)
    assert not status.checked
    assert status.error is not None
    assert status.error.startswith("unexpected response from the breach service")


def test_oversized_body_is_refused(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, client: ClientName
) -> None:
    monkeypatch.setattr("sochelp.breach.api.MAX_BODY_BYTES", 100)
    httpserver.expect_request(PATH).respond_with_data(BODY * 10)
    with pytest.raises(BreachLookupError, match="too large"):
        _source(httpserver.url_for("/"), client).count(HASHED)


def test_compressed_bodies_are_decoded_and_bounded(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, client: ClientName
) -> None:
    packed = gzip.compress(BODY.encode())
    httpserver.expect_request(PATH).respond_with_data(packed, headers={"Content-Encoding": "gzip"})
    assert _source(httpserver.url_for("/"), client).count(HASHED) == 42
    httpserver.clear()
    bomb = gzip.compress(b"0" * 5000)
    monkeypatch.setattr("sochelp.breach.api.MAX_BODY_BYTES", 1000)
    httpserver.expect_request(PATH).respond_with_data(bomb, headers={"Content-Encoding": "gzip"})
    with pytest.raises(BreachLookupError, match="too large"):
        _source(httpserver.url_for("/"), client).count(HASHED)
    httpserver.clear()
    httpserver.expect_request(PATH).respond_with_data(b"??", headers={"Content-Encoding": "br"})
    with pytest.raises(BreachLookupError, match="undecodable"):
        _source(httpserver.url_for("/"), client).count(HASHED)


def test_one_pool_shared_by_many_threads(httpserver: HTTPServer, client: ClientName) -> None:
    lock = threading.Lock()
    prefixes: list[str] = []

    def handler(request: Request) -> Response:
        with lock:
            prefixes.append(request.path.rsplit("/", 1)[1])
        return Response(BODY)

    httpserver.expect_request(pytest.importorskip("re").compile("/range/.*")).respond_with_handler(
        handler
    )
    source = _source(httpserver.url_for("/"), client)
    wanted = [f"{n:05X}" for n in range(64)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(source.range, wanted))
    assert sorted(prefixes) == wanted
    assert all(r[HASHED.suffix] == 42 for r in results)
    assert source._client is not None
    source.close()
    assert source._client is None


def _raw_server(
    reply: Callable[[socket.socket, int], None], requests: int = 3
) -> tuple[str, threading.Thread]:
    """A one-thread server calling ``reply(connection, request_number)`` for each of the first
    ``requests`` requests."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(5)

    def serve() -> None:
        number = 0
        try:
            while number < requests:
                conn, _ = listener.accept()
                conn.settimeout(5)
                with conn:
                    while number < requests:
                        data = b""
                        while b"\r\n\r\n" not in data:
                            part = conn.recv(4096)
                            if not part:
                                break
                            data += part
                        if not data:
                            break
                        number += 1
                        if not reply(conn, number):  # type: ignore[func-returns-value]
                            break
        except OSError:
            pass
        finally:
            listener.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return f"http://127.0.0.1:{listener.getsockname()[1]}", thread


def test_a_kept_alive_connection_closed_by_the_server_is_replaced(client: ClientName) -> None:
    body = BODY.encode()
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)

    def reply(conn: socket.socket, number: int) -> bool:
        conn.sendall(answer)
        return False  # close after every answer, although HTTP/1.1 said keep-alive

    url, thread = _raw_server(reply, 2)
    sleeps: list[float] = []
    source = _source(url, client, sleeps)
    assert source.count(HASHED) == 42
    time.sleep(0.1)
    assert source.count(HASHED) == 42  # the stale connection is retried at once, fresh
    assert sleeps == []
    source.close()
    thread.join(5)


def test_a_connection_dropped_mid_answer_is_retried(client: ClientName) -> None:
    body = BODY.encode()

    def reply(conn: socket.socket, number: int) -> bool:
        if number == 1:
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + body[:10])
            return False
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        return True

    url, thread = _raw_server(reply, 2)
    sleeps: list[float] = []
    assert _source(url, client, sleeps).count(HASHED) == 42
    assert len(sleeps) == 1
    thread.join(5)


def test_requests_go_through_an_http_proxy(httpserver: HTTPServer, client: ClientName) -> None:
    seen: list[str] = []

    def proxy(request: Request) -> Response:
        seen.append(request.environ.get("REQUEST_URI", request.url))
        return Response(BODY)

    httpserver.expect_request(pytest.importorskip("re").compile(".*")).respond_with_handler(proxy)
    origin = f"http://127.0.0.1:{closed_port()}"  # would refuse: only the proxy answers
    environ = {"HTTP_PROXY": httpserver.url_for("/")}
    source = RangeApiSource(origin, environ=environ, client=client)
    assert source.count(HASHED) == 42
    assert seen and seen[0].endswith(PATH) and seen[0].startswith("http://127.0.0.1:")


def test_https_through_a_proxy_uses_connect_and_reports_refusal(client: ClientName) -> None:
    requests: list[bytes] = []

    def reply(conn: socket.socket, number: int) -> bool:
        requests.append(b"")
        conn.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n")
        return False

    url, thread = _raw_server(reply, 3)
    source = RangeApiSource(
        "https://range.example", environ={"HTTPS_PROXY": url}, sleep=lambda s: None, client=client
    )
    with pytest.raises(BreachLookupError, match="the proxy failed"):
        source.count(HASHED)
    assert len(requests) >= 1
    thread.join(5)


def test_proxy_choice_follows_the_usual_variables() -> None:
    env = {"https_proxy": "proxy.example:3128", "HTTPS_PROXY": "ignored:1", "NO_PROXY": "local"}
    assert proxy_for("https://api.example", env) == ("https_proxy", "http://proxy.example:3128")
    assert proxy_for("https://x.local", env) is None
    assert proxy_for("http://api.example", {"ALL_PROXY": "http://p:1"}) == (
        "ALL_PROXY",
        "http://p:1",
    )
    assert proxy_for("https://api.example", {"NO_PROXY": "*", "HTTPS_PROXY": "p:1"}) is None


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    return key, cert


def test_an_untrusted_certificate_is_named(
    self_signed: tuple[Path, Path], client: ClientName
) -> None:
    key, cert = self_signed
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(5)

    def serve() -> None:
        for _ in range(3):
            try:
                conn, _ = listener.accept()
                with context.wrap_socket(conn, server_side=True):
                    pass
            except (OSError, ssl.SSLError):
                continue
        listener.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    source = _source(f"https://127.0.0.1:{listener.getsockname()[1]}", client)
    with pytest.raises(BreachLookupError, match="certificate could not be verified"):
        source.count(HASHED)
    thread.join(10)


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
    assert open_source(environ={}).base_url == DEFAULT_API_URL  # type: ignore[attr-defined]
    env = {"SOCHELP_RANGE_API": "https://mirror.example"}
    assert open_source(environ=env).base_url == "https://mirror.example"  # type: ignore[attr-defined]
    chosen = open_source(api_url="https://other.example", environ=env)
    assert chosen.base_url == "https://other.example"  # type: ignore[attr-defined]


def _framing_server(answer: bytes, requests: int = 1) -> tuple[str, threading.Thread]:
    def reply(conn: socket.socket, number: int) -> bool:
        conn.sendall(answer)
        return False

    return _raw_server(reply, requests)


@pytest.mark.parametrize(
    "framing",
    ["chunked", "chunked-with-extension", "read-to-close", "interim-100", "http-1.0"],
)
def test_response_framings(framing: str, client: ClientName) -> None:
    body = BODY.encode()
    half = len(body) // 2
    answers = {
        "chunked": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (half, body[:half], len(body) - half, body[half:]),
        "chunked-with-extension": b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + b"%x;name=value\r\n%s\r\n0\r\nX-Trailer: yes\r\n\r\n" % (len(body), body),
        "read-to-close": b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body,
        "interim-100": b"HTTP/1.1 100 Continue\r\n\r\n"
        + b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body),
        "http-1.0": b"HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body),
    }
    url, thread = _framing_server(answers[framing])
    assert _source(url, client).count(HASHED) == 42
    thread.join(5)


@pytest.mark.parametrize(
    "answer",
    [
        b"SSH-2.0-OpenSSH_9.6\r\n",
        b"HTTP/1.1 200 OK\r\n" + b"X-Long: " + b"a" * 10000 + b"\r\n\r\n",
        b"HTTP/1.1 200 OK\r\nContent-Length: lots\r\n\r\nabc",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: y\r\n" % n for n in range(200)) + b"\r\n",
    ],
    ids=["not-http", "long-header", "bad-length", "bad-chunk", "too-many-headers"],
)
def test_answers_that_are_not_http_fail_cleanly(answer: bytes, client: ClientName) -> None:
    url, thread = _framing_server(answer, 3)
    sleeps: list[float] = []
    status = _source(url, client, sleeps).status(HASHED)
    assert not status.checked
    assert status.error is not None and "could not be reached" in status.error
    thread.join(5)


def test_a_chunked_body_over_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, client: ClientName
) -> None:
    monkeypatch.setattr("sochelp.breach.api.MAX_BODY_BYTES", 100)
    chunk = b"A" * 80
    answer = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        + (b"%x\r\n%s\r\n" % (len(chunk), chunk)) * 3
        + b"0\r\n\r\n"
    )
    url, thread = _framing_server(answer)
    with pytest.raises(BreachLookupError, match="too large"):
        _source(url, client).count(HASHED)
    thread.join(5)
