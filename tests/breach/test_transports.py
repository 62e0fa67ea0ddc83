"""The two HTTP clients behind range lookups: which one is chosen, what is refused before anything
is sent, httpx's behaviour on mocked failures (httpx.MockTransport), certificates from
SSL_CERT_FILE / SSL_CERT_DIR, and real https:// and socks5:// proxies on 127.0.0.1."""

from __future__ import annotations

import os
import select
import socket
import ssl
import struct
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import trustme
from pytest_httpserver import HTTPServer

from sochelp import __version__
from sochelp.breach.api import RangeApiSource
from sochelp.breach.httpx_transport import HttpxTransport
from sochelp.breach.interface import BreachLookupError, HashedPassword
from sochelp.breach.sources import open_source
from sochelp.breach.transport import (
    CLIENTS,
    ClientName,
    Transport,
    TransportSettings,
    check_environment,
    choose_client,
)
from sochelp.errors import UsageError
from tests.conftest import REPO, run_cli
from tests.password.helpers import STRONG

SECRET = "Heather-Kettle-Lighthouse-77"
HASHED = HashedPassword.of(SECRET)
BODY = f"{'1' * 35}:4\r\n{HASHED.suffix}:42\r\n{'F' * 35}:0"
PATH = f"/range/{HASHED.prefix}"
TARGET = "https://range.example"


# --- which client ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "builtin"),
        ({"HTTPS_PROXY": "http://proxy.example:3128"}, "builtin"),
        ({"HTTPS_PROXY": "proxy.example:3128"}, "builtin"),  # no scheme means http://
        ({"HTTPS_PROXY": "https://proxy.example:3128"}, "httpx"),
        ({"ALL_PROXY": "socks5://proxy.example:1080"}, "httpx"),
        ({"all_proxy": "socks5h://proxy.example:1080"}, "httpx"),
        ({"HTTP_PROXY": "https://proxy.example:3128"}, "builtin"),  # applies to http:// only
        ({"HTTPS_PROXY": "https://p.example:1", "NO_PROXY": "range.example"}, "builtin"),
        ({"SSL_CERT_FILE": __file__, "SSL_CERT_DIR": str(Path(__file__).parent)}, "builtin"),
        ({"SOCHELP_HTTP_CLIENT": "httpx"}, "httpx"),
        ({"SOCHELP_HTTP_CLIENT": " HTTPX "}, "httpx"),
        ({"SOCHELP_HTTP_CLIENT": "builtin", "HTTPS_PROXY": "http://p.example:1"}, "builtin"),
        ({"SOCHELP_HTTP_CLIENT": ""}, "builtin"),
    ],
)
def test_the_client_is_chosen_from_the_environment(
    environ: dict[str, str], expected: ClientName
) -> None:
    assert choose_client(TARGET, environ) == expected
    check_environment(TARGET, environ)  # every one of these is usable


@pytest.mark.parametrize(
    ("environ", "named", "hint"),
    [
        ({"SOCHELP_HTTP_CLIENT": "curl"}, "SOCHELP_HTTP_CLIENT", "builtin or httpx"),
        (
            {"SOCHELP_HTTP_CLIENT": "builtin", "HTTPS_PROXY": "https://p.example:1"},
            "SOCHELP_HTTP_CLIENT=builtin",
            "Unset SOCHELP_HTTP_CLIENT",
        ),
        ({"ALL_PROXY": "socks4://p.example:1080"}, "ALL_PROXY", "supported proxy"),
        ({"HTTPS_PROXY": "http://proxy:notaport"}, "HTTPS_PROXY", "Fix or unset HTTPS_PROXY"),
        ({"SSL_CERT_FILE": "/nonexistent/corp.pem"}, "SSL_CERT_FILE", "certificate file"),
        ({"SSL_CERT_DIR": "/nonexistent/certs"}, "SSL_CERT_DIR", "certificate folder"),
    ],
)
def test_settings_that_cannot_work_are_refused_naming_the_variable(
    environ: dict[str, str], named: str, hint: str
) -> None:
    with pytest.raises(UsageError) as caught:
        check_environment(TARGET, environ)
    assert named in caught.value.message
    assert caught.value.hint is not None and hint in caught.value.hint


def test_a_socks_proxy_without_socksio_is_one_line_naming_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("sochelp.breach.transport._socks_available", lambda: False)
    for args in (["password"], ["password", "--json"]):
        result = run_cli(
            args, input="some-password\n", env={"ALL_PROXY": "socks5://127.0.0.1:1080"}
        )
        assert result.exit_code == 2, result.stderr
        errors = [line for line in result.stderr.splitlines() if line.startswith("sochelp:")]
        assert len(errors) == 1 and "ALL_PROXY" in errors[0] and "socksio" in errors[0]
        assert "pip install 'httpx[socks]'" in result.stderr
        assert "Traceback" not in result.stderr


def test_certificate_files_matter_only_for_https() -> None:
    # Plain http to this computer: a missing certificate file is not in the way.
    check_environment("http://127.0.0.1:8080", {"SSL_CERT_FILE": "/nonexistent/corp.pem"})


_PROBE = """
import sys
from sochelp.cli import main
code = main(sys.argv[1:])
sys.stderr.write("LOADED:" + ",".join(m for m in ("httpx", "ssl") if m in sys.modules) + "\\n")
"""


@pytest.mark.parametrize(("forced", "loaded"), [(None, ""), ("httpx", "httpx,ssl")])
def test_httpx_is_imported_only_when_chosen(
    httpserver: HTTPServer, forced: str | None, loaded: str
) -> None:
    httpserver.expect_request(f"/range/{HashedPassword.of(STRONG).prefix}").respond_with_data(BODY)
    env = {k: v for k, v in os.environ.items() if k != "SOCHELP_HTTP_CLIENT"}
    if forced:
        env["SOCHELP_HTTP_CLIENT"] = forced
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "password", "--api-url", httpserver.url_for("/")],
        input=STRONG,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "not found in known data breaches" in done.stdout
    line = [x for x in done.stderr.splitlines() if x.startswith("LOADED:")][-1]
    assert line.removeprefix("LOADED:") == loaded
    assert len(httpserver.log) == 1


# --- httpx on mocked answers -----------------------------------------------------------------


def _mocked(
    handler: Callable[[httpx.Request], httpx.Response],
    sleeps: list[float] | None = None,
    **kwargs: object,
) -> RangeApiSource:
    def factory(settings: TransportSettings, client: ClientName) -> Transport:
        assert client == "httpx"
        return HttpxTransport(settings, transport=httpx.MockTransport(handler))

    recorded = sleeps if sleeps is not None else []
    return RangeApiSource(
        "https://range.example/pp/",
        sleep=recorded.append,
        environ={},
        client="httpx",
        transport_factory=factory,
        **kwargs,  # type: ignore[arg-type]
    )


class _Body(httpx.SyncByteStream):
    """A body still to be read, as from the network (httpx reads in-memory bodies at once)."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def __iter__(self) -> Iterator[bytes]:
        yield from (self._data[at : at + 16] for at in range(0, len(self._data), 16))


def _answer(
    status: int, body: bytes | str = b"", headers: dict[str, str] | None = None
) -> httpx.Response:
    data = body.encode() if isinstance(body, str) else body
    return httpx.Response(status, headers=headers, stream=_Body(data))


def _replies(*answers: httpx.Response | Exception) -> Callable[[httpx.Request], httpx.Response]:
    queue = iter(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        answer = next(queue)
        if isinstance(answer, Exception):
            raise answer
        return answer

    return handler


def test_mock_request_shape() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return _answer(200, BODY)

    source = _mocked(handler)
    assert source.count(HASHED) == 42
    (request,) = seen
    assert str(request.url) == f"https://range.example/pp/range/{HASHED.prefix}"
    assert request.method == "GET" and request.content == b""
    assert request.headers["Add-Padding"] == "true"
    assert request.headers["User-Agent"] == f"sochelp/{__version__}"
    assert request.headers["Accept-Encoding"] == "gzip, deflate"
    wire = str(request.url) + "".join(f"{k}: {v}\n" for k, v in request.headers.items())
    assert HASHED.suffix not in wire.upper() and SECRET not in wire
    source.close()


def test_mock_429_with_retry_after_then_success() -> None:
    sleeps: list[float] = []
    handler = _replies(
        _answer(429, headers={"Retry-After": "3"}),
        _answer(429),  # no Retry-After: the usual backoff
        _answer(200, BODY),
    )
    assert _mocked(handler, sleeps).count(HASHED) == 42
    assert sleeps == [3.0, 1.0]


def test_mock_429_asking_for_too_long_is_not_waited_for() -> None:
    sleeps: list[float] = []
    handler = _replies(_answer(429, headers={"Retry-After": "Fri, 31 Dec 2100 00:00:00 GMT"}))
    with pytest.raises(BreachLookupError, match="busy and asked to wait"):
        _mocked(handler, sleeps).count(HASHED)
    assert sleeps == []


def test_mock_5xx_then_success_and_giving_up() -> None:
    sleeps: list[float] = []
    handler = _replies(_answer(503), _answer(500), _answer(200, BODY))
    assert _mocked(handler, sleeps).count(HASHED) == 42
    assert sleeps == [0.5, 1.0]
    handler = _replies(*(_answer(502) for _ in range(3)))
    with pytest.raises(BreachLookupError, match=r"could not be reached .*HTTP 502"):
        _mocked(handler).count(HASHED)


@pytest.mark.parametrize(
    "body",
    [
        b"<html>Service Unavailable</html>",
        b"",
        f"{HASHED.suffix}:42\nGARBAGE".encode(),
        "\u00e9\u00e9".encode(),
        f"{HASHED.suffix}:4x2".encode(),
        f"{HASHED.suffix}:42\r\n{HASHED.suffix[:20]}".encode(),  # truncated mid-line
        BODY.encode()[: BODY.index(HASHED.suffix) + 20],  # truncated inside the wanted line
    ],
    ids=["html", "empty", "bad-line", "non-ascii", "bad-count", "cut-line", "cut-wanted"],
)
def test_mock_garbage_and_truncated_bodies_are_errors(body: bytes) -> None:
    status = _mocked(_replies(_answer(200, body))).status(HASHED)
    assert not status.checked and status.count is None
    assert status.error is not None
    assert status.error.startswith("unexpected response from the breach service")


class _BrokenStream(httpx.SyncByteStream):
    """A body that stops part-way with a network error, as a dropped connection does."""

    def __iter__(self) -> Iterator[bytes]:
        yield BODY.encode()[:30]
        raise httpx.RemoteProtocolError("peer closed connection without sending complete body")


def test_mock_body_cut_by_the_network_is_retried_then_reported() -> None:
    sleeps: list[float] = []
    handler = _replies(httpx.Response(200, stream=_BrokenStream()), _answer(200, BODY))
    assert _mocked(handler, sleeps).count(HASHED) == 42
    assert sleeps == [0.5]
    handler = _replies(*(httpx.Response(200, stream=_BrokenStream()) for _ in range(3)))
    with pytest.raises(BreachLookupError, match=r"could not be reached \(the connection failed\)"):
        _mocked(handler).count(HASHED)


def test_mock_timeouts_are_retried_then_reported() -> None:
    sleeps: list[float] = []
    handler = _replies(httpx.ReadTimeout("slow"), httpx.ConnectTimeout("slow"), _answer(200, BODY))
    assert _mocked(handler, sleeps).count(HASHED) == 42
    assert sleeps == [0.5, 1.0]
    handler = _replies(*(httpx.PoolTimeout("slow") for _ in range(3)))
    with pytest.raises(BreachLookupError, match="did not answer in time"):
        _mocked(handler).count(HASHED)


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (httpx.ProxyError("407"), "the proxy failed"),
        (
            httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
            "certificate could not be verified",
        ),
        (httpx.ConnectError("[Errno 111] Connection refused"), "no network"),
        (httpx.ReadError("reset"), "the connection failed"),
    ],
)
def test_mock_network_failures_map_to_the_shared_messages(error: Exception, message: str) -> None:
    with pytest.raises(BreachLookupError, match=message):
        _mocked(_replies(error, error, error)).count(HASHED)


def test_mock_oversized_bodies_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sochelp.breach.api.MAX_BODY_BYTES", 100)
    declared = _answer(200, b"A" * 50, headers={"Content-Length": "5000000"})
    for answer in (_answer(200, BODY.encode() * 10), declared):
        with pytest.raises(BreachLookupError, match="too large"):
            _mocked(_replies(answer)).count(HASHED)


# --- certificates and proxies on 127.0.0.1 --------------------------------------------------


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="module")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ca") / "corporate-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture(scope="module")
def ca_dir(ca_file: Path) -> Path:
    """A certificate folder as OpenSSL reads it (``HASH.0`` files)."""
    digest = subprocess.run(
        ["openssl", "x509", "-hash", "-noout", "-in", str(ca_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    folder = ca_file.parent / "certs"
    folder.mkdir()
    (folder / f"{digest}.0").write_bytes(ca_file.read_bytes())
    return folder


@pytest.fixture
def tls_server(ca: trustme.CA) -> Iterator[HTTPServer]:
    """A range server on https://127.0.0.1 whose certificate the test CA signed."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    server.expect_request(PATH).respond_with_data(BODY)
    yield server
    server.clear()
    if server.is_running():
        server.stop()


def _tls_url(server: HTTPServer) -> str:
    return f"https://127.0.0.1:{server.port}"


@pytest.mark.parametrize("client", CLIENTS)
def test_certificates_from_ssl_cert_file_and_dir_are_trusted(
    tls_server: HTTPServer, ca_file: Path, ca_dir: Path, client: ClientName
) -> None:
    url = _tls_url(tls_server)
    plain = RangeApiSource(url, environ={}, client=client, sleep=lambda s: None)
    with pytest.raises(BreachLookupError, match="certificate could not be verified"):
        plain.count(HASHED)  # the test CA is not in certifi's bundle
    for environ in ({"SSL_CERT_FILE": str(ca_file)}, {"SSL_CERT_DIR": str(ca_dir)}):
        source = RangeApiSource(url, environ=environ, client=client)
        assert source.count(HASHED) == 42, environ
        source.close()


@pytest.mark.parametrize("client", CLIENTS)
def test_ssl_cert_file_from_the_real_environment(
    tls_server: HTTPServer, ca_file: Path, client: ClientName, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    monkeypatch.setenv("SOCHELP_HTTP_CLIENT", client)
    source = open_source(api_url=_tls_url(tls_server))
    assert isinstance(source, RangeApiSource) and source.client_name() == client
    assert source.count(HASHED) == 42
    source.close()


@pytest.mark.parametrize("client", CLIENTS)
def test_an_unreadable_certificate_file_is_named(
    tls_server: HTTPServer, tmp_path: Path, client: ClientName
) -> None:
    bad = tmp_path / "not-a-certificate.pem"
    bad.write_text("hello")
    source = RangeApiSource(
        _tls_url(tls_server), environ={"SSL_CERT_FILE": str(bad)}, client=client
    )
    status = source.status(HASHED)
    assert not status.checked
    assert status.error is not None and "SSL_CERT_FILE or SSL_CERT_DIR" in status.error
    assert len(tls_server.log) == 0


@dataclass
class _Proxy:
    """What a test proxy saw: the requests it was asked to make (never the tunnelled bytes)."""

    url: str
    targets: list[str] = field(default_factory=list)
    heads: list[bytes] = field(default_factory=list)


def _relay(one: socket.socket, other: socket.socket) -> None:
    """Copy bytes both ways until either side closes (one thread: TLS sockets are not safe to
    read and write from two)."""
    pair = [one, other]
    while True:
        ready = [s for s in pair if isinstance(s, ssl.SSLSocket) and s.pending()]
        if not ready:
            ready, _, _ = select.select(pair, [], [], 5)
            if not ready:
                return
        for sock in ready:
            try:
                data = sock.recv(65536)
            except (OSError, ssl.SSLError):
                return
            if not data:
                return
            (other if sock is one else one).sendall(data)


def _serve(listener: socket.socket, handle: Callable[[socket.socket], None]) -> threading.Thread:
    def loop() -> None:
        listener.settimeout(0.2)
        while listener.fileno() >= 0:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def https_proxy(ca: trustme.CA) -> Iterator[_Proxy]:
    """An https:// proxy on 127.0.0.1 (its certificate signed by the test CA) that tunnels
    CONNECT requests, as an organisation's proxy does."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    listener = socket.create_server(("127.0.0.1", 0))
    proxy = _Proxy(f"https://localhost:{listener.getsockname()[1]}")

    def handle(raw: socket.socket) -> None:
        try:
            with context.wrap_socket(raw, server_side=True) as conn:
                head = b""
                while b"\r\n\r\n" not in head:
                    part = conn.recv(4096)
                    if not part:
                        return
                    head += part
                proxy.heads.append(head)
                method, target, _ = head.split(b"\r\n", 1)[0].decode().split(" ", 2)
                proxy.targets.append(f"{method} {target}")
                host, _, port = target.rpartition(":")
                with socket.create_connection((host, int(port)), timeout=5) as upstream:
                    conn.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    _relay(conn, upstream)
        except (OSError, ssl.SSLError, ValueError):
            return

    thread = _serve(listener, handle)
    yield proxy
    listener.close()
    thread.join(2)


def test_an_https_proxy_with_its_own_ca_is_used_through_httpx(
    tls_server: HTTPServer,
    https_proxy: _Proxy,
    ca_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", https_proxy.url)
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    source = open_source(api_url=_tls_url(tls_server))
    assert isinstance(source, RangeApiSource) and source.client_name() == "httpx"
    assert source.count(HASHED) == 42
    source.close()
    assert https_proxy.targets == [f"CONNECT 127.0.0.1:{tls_server.port}"]
    (request, _), *_ = tls_server.log
    assert request.path == PATH
    seen = b"".join(https_proxy.heads).decode("latin-1").upper()
    assert HASHED.suffix not in seen and SECRET.upper() not in seen


def test_an_https_proxy_through_the_cli_and_no_proxy(
    tls_server: HTTPServer, https_proxy: _Proxy, ca_file: Path
) -> None:
    env = {"HTTPS_PROXY": https_proxy.url, "SSL_CERT_FILE": str(ca_file)}
    args = ["password", "--api-url", _tls_url(tls_server), "--json"]
    result = run_cli(args, input=SECRET + "\n", env=env)
    assert result.exit_code == 1, result.stderr
    assert '"count": 42' in result.stdout
    assert len(https_proxy.targets) == 1
    # NO_PROXY for the service: a direct connection with the built-in client.
    result = run_cli(args, input=SECRET + "\n", env={**env, "NO_PROXY": "127.0.0.1"})
    assert result.exit_code == 1 and '"count": 42' in result.stdout
    assert len(https_proxy.targets) == 1
    assert [r.path for r, _ in tls_server.log] == [PATH, PATH]
    for text in (result.stdout, result.stderr):
        assert SECRET not in text and HASHED.suffix not in text


@pytest.fixture
def socks_proxy() -> Iterator[_Proxy]:
    """A minimal SOCKS5 proxy on 127.0.0.1 (no authentication, CONNECT only)."""
    listener = socket.create_server(("127.0.0.1", 0))
    proxy = _Proxy(f"socks5://127.0.0.1:{listener.getsockname()[1]}")

    def exactly(conn: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size:
            part = conn.recv(size - len(data))
            if not part:
                raise OSError("closed")
            data += part
        return data

    def handle(conn: socket.socket) -> None:
        with conn:
            try:
                _, methods = exactly(conn, 2)
                exactly(conn, methods)
                conn.sendall(b"\x05\x00")
                _, command, _, kind = exactly(conn, 4)
                if kind == 1:
                    host = socket.inet_ntoa(exactly(conn, 4))
                elif kind == 3:
                    host = exactly(conn, exactly(conn, 1)[0]).decode()
                else:
                    return
                (port,) = struct.unpack("!H", exactly(conn, 2))
                proxy.targets.append(f"{command} {host}:{port}")
                with socket.create_connection((host, port), timeout=5) as upstream:
                    conn.sendall(b"\x05\x00\x00\x01" + bytes(4) + b"\x00\x00")
                    _relay(conn, upstream)
            except (OSError, ValueError):
                return

    thread = _serve(listener, handle)
    yield proxy
    listener.close()
    thread.join(2)


def test_a_socks_proxy_is_used_through_httpx(
    httpserver: HTTPServer, socks_proxy: _Proxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # socksio is a test dependency here; users who need socks install httpx[socks].
    httpserver.expect_request(PATH).respond_with_data(BODY)
    monkeypatch.setenv("ALL_PROXY", socks_proxy.url)
    source = open_source(api_url=httpserver.url_for("/"))
    assert isinstance(source, RangeApiSource) and source.client_name() == "httpx"
    assert source.count(HASHED) == 42
    source.close()
    assert socks_proxy.targets == [f"1 {httpserver.host}:{httpserver.port}"]
    (request, _), *_ = httpserver.log
    assert request.path == PATH
