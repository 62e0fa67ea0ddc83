"""`sochelp content links`: every web address fetched and the broken or moved ones reported —
tested only against servers on 127.0.0.1 (plain HTTP, and HTTPS with a test certificate)."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
import trustme
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sochelp.content.links import Outcome, addresses, check_links, store_for
from sochelp.content.store import ContentStore
from sochelp.render.schema import schema_for
from tests.conftest import run_cli

PROXY_VARIABLES = (
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
    "NO_PROXY",
    "no_proxy",
)


@pytest.fixture(autouse=True)
def _no_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def _server(host: str = "127.0.0.1", context: ssl.SSLContext | None = None) -> HTTPServer:
    server = HTTPServer(host, 0, ssl_context=context, threaded=True)
    server.start()
    return server


@pytest.fixture
def server() -> Iterator[HTTPServer]:
    started = _server()
    yield started
    started.clear()
    started.stop()


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = int(sock.getsockname()[1])
    sock.close()
    return port


def test_ok_and_not_found(server: HTTPServer) -> None:
    server.expect_request("/ok", method="HEAD").respond_with_data("", 200)
    server.expect_request("/gone", method="HEAD").respond_with_data("", 404)
    server.expect_request("/gone", method="GET").respond_with_data("not here", 404)
    ok, gone = check_links([server.url_for("/ok"), server.url_for("/gone")], timeout=5)
    assert ok.outcome is Outcome.OK and ok.status == 200
    assert gone.outcome is Outcome.FAILED and gone.detail == "HTTP 404"


def test_head_refused_falls_back_to_get(server: HTTPServer) -> None:
    server.expect_request("/page", method="HEAD").respond_with_data("", 405)
    server.expect_request("/page", method="GET").respond_with_data("hello", 200)
    [result] = check_links([server.url_for("/page")], timeout=5)
    assert result.outcome is Outcome.OK and result.status == 200
    methods = [request.method for request, _ in server.log]
    assert methods == ["HEAD", "GET"]


def test_redirect_on_the_same_site_is_fine(server: HTTPServer) -> None:
    server.expect_request("/old", method="HEAD").respond_with_data(
        "", 301, headers={"Location": server.url_for("/new")}
    )
    server.expect_request("/new", method="HEAD").respond_with_data("", 200)
    [result] = check_links([server.url_for("/old")], timeout=5)
    assert result.outcome is Outcome.OK
    assert result.final_url == server.url_for("/new")


def test_redirect_to_another_site_is_reported(server: HTTPServer) -> None:
    other = _server("127.0.0.2")
    try:
        other.expect_request("/landing", method="HEAD").respond_with_data("", 200)
        server.expect_request("/moved", method="HEAD").respond_with_data(
            "", 302, headers={"Location": other.url_for("/landing")}
        )
        [result] = check_links([server.url_for("/moved")], timeout=5)
    finally:
        other.clear()
        other.stop()
    assert result.outcome is Outcome.MOVED
    assert result.final_url == other.url_for("/landing")
    assert result.detail == f"moved to another site: {other.url_for('/landing')}"


def test_redirect_loop_fails(server: HTTPServer) -> None:
    server.expect_request("/loop", method="HEAD").respond_with_data(
        "", 302, headers={"Location": server.url_for("/loop")}
    )
    [result] = check_links([server.url_for("/loop")], timeout=5)
    assert result.outcome is Outcome.FAILED and result.detail == "too many redirects"


def test_slow_server_times_out(server: HTTPServer) -> None:
    def slow(_: Request) -> Response:
        time.sleep(1.5)
        return Response("late", 200)

    server.expect_request("/slow").respond_with_handler(slow)
    [result] = check_links([server.url_for("/slow")], timeout=0.5)
    assert result.outcome is Outcome.FAILED and result.detail == "timed out"


def test_nothing_listening_is_reported() -> None:
    url = f"http://127.0.0.1:{_closed_port()}/x"
    [result] = check_links([url], timeout=2)
    assert result.outcome is Outcome.FAILED and result.detail == "could not connect"


def test_concurrency_is_bounded(server: HTTPServer) -> None:
    lock = threading.Lock()
    active = 0
    peak = 0

    def handler(_: Request) -> Response:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.2)
        with lock:
            active -= 1
        return Response("", 200)

    for index in range(8):
        server.expect_request(f"/p{index}").respond_with_handler(handler)
    urls = [server.url_for(f"/p{index}") for index in range(8)]
    results = check_links(urls, timeout=5, concurrency=3)
    assert [r.outcome for r in results] == [Outcome.OK] * 8
    assert [r.url for r in results] == urls
    assert 2 <= peak <= 3


def test_addresses_cover_every_kind_of_bundled_source() -> None:
    found = addresses(ContentStore())
    places = " ".join(p for where in found.values() for p in where)
    for kind in ("contact[", "situation[", "guide[", "item[", "question[", "banner["):
        assert kind in places
    assert all(url.startswith("https://") for url in found)


# --- the command, against an HTTPS server with a certificate from a test CA -----------------


@pytest.fixture
def tls_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[HTTPServer]:
    authority = trustme.CA()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    ca_file = tmp_path / "ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))
    started = _server(context=context)
    yield started
    started.clear()
    started.stop()


def _overlay(tmp_path: Path, server: HTTPServer) -> Path:
    overlay = tmp_path / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "contacts" / "council.toml").write_text(
        '[[contact]]\nid = "our-council"\nname = "Our Council"\nregions = ["scotland"]\n'
        f'phone = "01234 567890"\nweb = "{server.url_for("/home")}"\n'
        'purpose = "Local help."\n'
        f'source = "{server.url_for("/gone")}"\nchecked = 2026-11-01\n',
        encoding="utf-8",
    )
    return overlay


def test_command_checks_an_overlay_over_https(tmp_path: Path, tls_server: HTTPServer) -> None:
    tls_server.expect_request("/home", method="HEAD").respond_with_data("", 200)
    tls_server.expect_request("/gone", method="HEAD").respond_with_data("", 404)
    tls_server.expect_request("/gone", method="GET").respond_with_data("", 404)
    overlay = _overlay(tmp_path, tls_server)
    assert tls_server.url_for("/home").startswith("https://127.0.0.1:")

    result = run_cli(["content", "links", str(overlay), "--timeout", "5", "--json"])
    assert result.exit_code == 1, result.stderr
    jsonschema.validate(json.loads(result.stdout), schema_for("content-links"))
    data = {entry["url"]: entry for entry in json.loads(result.stdout)}
    home, gone = data[tls_server.url_for("/home")], data[tls_server.url_for("/gone")]
    assert home["outcome"] == "ok" and home["status"] == 200
    assert gone["outcome"] == "failed" and gone["detail"] == "HTTP 404"
    assert gone["used_in"] == [f"{overlay}/contacts/council.toml: contact[our-council].source"]

    plain = run_cli(["content", "links", str(overlay), "--timeout", "5"])
    assert plain.exit_code == 1
    assert f"FAILED {tls_server.url_for('/gone')}\n       HTTP 404\n" in plain.stdout
    assert "Checked 2 web addresses: 1 fine, 0 moved to another site, 1 failed." in plain.stdout


def test_command_exits_0_when_every_address_works(tmp_path: Path, tls_server: HTTPServer) -> None:
    tls_server.expect_request("/home", method="HEAD").respond_with_data("", 200)
    tls_server.expect_request("/gone", method="HEAD").respond_with_data("", 200)
    result = run_cli(["content", "links", str(_overlay(tmp_path, tls_server))])
    assert result.exit_code == 0, result.stdout
    assert "2 fine, 0 moved to another site, 0 failed" in result.stdout


def test_an_untrusted_certificate_is_a_failure(tmp_path: Path, tls_server: HTTPServer) -> None:
    overlay = _overlay(tmp_path, tls_server)
    stranger = tmp_path / "other-ca.pem"
    trustme.CA().cert_pem.write_to_path(str(stranger))
    result = run_cli(
        ["content", "links", str(overlay), "--json"], env={"SSL_CERT_FILE": str(stranger)}
    )
    assert result.exit_code == 1
    details = {entry["detail"] for entry in json.loads(result.stdout)}
    assert details == {"certificate not trusted"}


def test_a_missing_certificate_file_is_a_usage_error(tmp_path: Path) -> None:
    overlay = tmp_path / "local"
    (overlay / "contacts").mkdir(parents=True)
    result = run_cli(
        ["content", "links", str(overlay)], env={"SSL_CERT_FILE": str(tmp_path / "missing.pem")}
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("sochelp: Could not set up secure connections")
    assert "Traceback" not in result.stderr


def test_missing_folder_and_bad_timeout_are_usage_errors(tmp_path: Path) -> None:
    missing = run_cli(["content", "links", str(tmp_path / "nope")])
    assert missing.exit_code == 2
    assert missing.stderr.startswith("sochelp: ")
    bad = run_cli(["content", "links", "--timeout", "0"])
    assert bad.exit_code == 2
    assert "Traceback" not in missing.stderr + bad.stderr


def test_store_for_reads_an_overlay_on_its_own(tmp_path: Path, server: HTTPServer) -> None:
    overlay = tmp_path / "local"
    (overlay / "contacts").mkdir(parents=True)
    (overlay / "contacts" / "a.toml").write_text(
        '[[contact]]\nid = "a"\nname = "A"\nregions = ["scotland"]\nphone = "0800 000 000"\n'
        'purpose = "A."\nsource = "https://a.example.org/x"\nchecked = 2026-01-01\n',
        encoding="utf-8",
    )
    found = addresses(store_for(overlay), overlay)
    assert found == {"https://a.example.org/x": [f"{overlay}/contacts/a.toml: contact[a].source"]}
