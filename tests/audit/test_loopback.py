"""The audit against a real HTTP range server on 127.0.0.1 (pytest-httpserver, real wire format
with padding): only 5-hex prefixes reach it, and faults on some prefixes leave the other results
intact while marking only the affected accounts "not checked"."""

from __future__ import annotations

import json
import re
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sochelp.audit.engine import run_audit
from sochelp.audit.exports import ExportRecord, read_export
from sochelp.breach.api import RangeApiSource
from sochelp.breach.interface import HashedPassword
from tests.audit.samples import DATA, PASSWORDS
from tests.audit.test_cli import assert_no_secret
from tests.conftest import run_cli

PADDING = [f"{n:035X}:0" for n in range(1, 400)]


class RangeBackend:
    """Answers /range/PREFIX like the real service; records every request; faults on demand."""

    def __init__(self, breached: dict[str, int]) -> None:
        self.table: dict[str, list[str]] = {}
        for password, count in breached.items():
            hashed = HashedPassword.of(password)
            self.table.setdefault(hashed.prefix, []).append(f"{hashed.suffix}:{count}")
        self.faults: dict[str, Callable[[Request], Response]] = {}
        self.requests: list[tuple[str, str, bytes, dict[str, str]]] = []
        self._lock = threading.Lock()

    def __call__(self, request: Request) -> Response:
        with self._lock:
            self.requests.append(
                (
                    request.path,
                    request.query_string.decode(),
                    request.get_data(),
                    dict(request.headers),
                )
            )
        prefix = request.path.rsplit("/", 1)[-1]
        if prefix in self.faults:
            return self.faults[prefix](request)
        # Sorted real lines, then unsorted padding lines, CRLF, no final newline.
        lines = sorted(self.table.get(prefix, [])) + PADDING[::-1]
        return Response("\r\n".join(lines), content_type="text/plain")


@pytest.fixture
def range_server() -> Iterator[tuple[HTTPServer, RangeBackend]]:
    server = HTTPServer(host="127.0.0.1", threaded=True)
    server.start()
    backend = RangeBackend({"Zebra-Kettle-Muffin-42!": 42, "hunter2": 31_000})
    server.expect_request(re.compile(r".*")).respond_with_handler(backend)
    try:
        yield server, backend
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def _base(server: HTTPServer) -> str:
    return f"http://127.0.0.1:{server.port}"


def _assert_only_prefixes(backend: RangeBackend) -> None:
    assert backend.requests
    for path, query, body, headers in backend.requests:
        assert re.fullmatch(r"/range/[0-9A-F]{5}", path), path
        assert query == "" and body == b""
        assert headers.get("Add-Padding") == "true"
        assert headers.get("User-Agent", "").startswith("sochelp/")
        assert_no_secret(path, json.dumps(headers))


@pytest.mark.parametrize("client", ["builtin", "httpx"])
def test_cli_against_loopback_server_sends_only_prefixes(
    range_server: tuple[HTTPServer, RangeBackend], client: str
) -> None:
    server, backend = range_server
    result = run_cli(
        ["audit", str(DATA / "bitwarden.csv"), "--api-url", _base(server), "--json"],
        env={"SOCHELP_HTTP_CLIENT": client},
    )
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    by_title = {a["title"]: a for a in data["accounts"]}
    assert by_title["Shop"]["breach_count"] == 42
    assert by_title["Shop"]["priority"] == "breached-and-reused"
    assert by_title["Old site"]["breach_count"] == 31_000
    assert by_title["Old site"]["priority"] == "breached"
    assert by_title["Mail"]["breach_count"] == 0
    assert data["summary"]["breached"] == 3 and data["summary"]["not_checked"] == 0
    _assert_only_prefixes(backend)
    paths = [r[0] for r in backend.requests]
    assert len(paths) == len(set(paths)) == len({HashedPassword.of(p).prefix for p in PASSWORDS})
    assert_no_secret(result.stdout, result.stderr)


def test_env_variable_selects_the_server(range_server: tuple[HTTPServer, RangeBackend]) -> None:
    server, backend = range_server
    result = run_cli(["audit", str(DATA / "chrome.csv")], env={"SOCHELP_RANGE_API": _base(server)})
    assert result.exit_code == 1
    assert "seen 31,000 times in breaches" in result.stdout
    _assert_only_prefixes(backend)


def _reset(request: Request) -> Response:
    sock = request.environ.get("werkzeug.socket")
    assert isinstance(sock, socket.socket)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()
    return Response("", status=500)


def _slow(request: Request) -> Response:
    time.sleep(1.5)
    return Response("\r\n".join(PADDING), content_type="text/plain")


FAULTS: dict[str, Callable[[Request], Response]] = {
    "timeout": _slow,
    "429": lambda r: Response("slow down", status=429, headers={"Retry-After": "1"}),
    "503": lambda r: Response("unavailable", status=503),
    "reset": _reset,
    "garbage": lambda r: Response("<html>hello</html>", status=200),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_fault_on_some_prefixes_leaves_others_intact(
    range_server: tuple[HTTPServer, RangeBackend], fault: str
) -> None:
    server, backend = range_server
    records = [
        ExportRecord(f"acct{n}", f"https://a{n}.example", f"u{n}", f"password-{n}-x")
        for n in range(12)
    ]
    records.append(ExportRecord("breached", "https://b.example", "u", "hunter2"))
    broken = {HashedPassword.of(records[n].password).prefix for n in (2, 7)}
    for prefix in broken:
        backend.faults[prefix] = FAULTS[fault]
    source = RangeApiSource(_base(server), timeout=0.4, connect_timeout=0.4, backoff=0.05)
    try:
        result = run_audit(records, scorer=lambda p: 4, source=source, concurrency=4)
    finally:
        source.close()
    by_title = {a.title: a for a in result.accounts}
    for n in range(12):
        account = by_title[f"acct{n}"]
        if n in (2, 7):
            assert account.breach_count is None
            assert account.priority == "not-checked"
            assert account.not_checked_reason
        else:
            assert account.breach_count == 0
            assert account.priority == "ok"
    assert by_title["breached"].breach_count == 31_000
    assert result.summary.not_checked == 2
    assert result.summary.prefixes_failed == 2
    _assert_only_prefixes(backend)
    assert_no_secret(repr(result), *result.errors)


def test_cli_exit_3_when_only_lookups_failed(range_server: tuple[HTTPServer, RangeBackend]) -> None:
    server, backend = range_server
    password = "Vq8#pLm2@xZr5&Tn-unique"
    backend.faults[HashedPassword.of(password).prefix] = FAULTS["garbage"]
    content = f"name,url,username,password\nsite,https://s.example,me,{password}\n"
    result = run_cli(["audit", "-", "--api-url", _base(server)], input=content.encode())
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "Could not be checked for breaches" in result.stdout
    assert "unexpected response from the breach service" in result.stdout
    assert "Run the audit again later" in result.stdout
    assert password not in result.stdout + result.stderr


def test_every_format_against_the_server_leaks_nothing(
    range_server: tuple[HTTPServer, RangeBackend],
) -> None:
    server, backend = range_server
    for path in sorted(DATA.iterdir()):
        for extra in ([], ["--json"]):
            result = run_cli(["audit", str(path), "--api-url", _base(server), *extra])
            assert result.exit_code == 1, (path.name, result.stderr)
            assert_no_secret(result.stdout, result.stderr)
        records = read_export(path.read_bytes(), path.name).records
        assert records
    _assert_only_prefixes(backend)
