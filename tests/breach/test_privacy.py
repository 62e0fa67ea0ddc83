"""Privacy, proven: only a 5-character prefix reaches the service; the password and its full hash
never reach output, logs, exception messages, tracebacks or files."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from sochelp.breach.interface import HashedPassword
from sochelp.breach.transport import CLIENTS
from tests.conftest import REPO, run_cli
from tests.password.helpers import closed_port, range_body

SECRET = "Quokka-Thistle-Marmalade-2031"
HASHED = HashedPassword.of(SECRET)
FULL = HASHED.prefix + HASHED.suffix


def _secrets() -> list[str]:
    return [SECRET, FULL, FULL.lower(), HASHED.suffix, HASHED.suffix.lower(), "Quokka", "Marmalade"]


def _assert_clean(text: str) -> None:
    for secret in _secrets():
        assert secret not in text


@pytest.fixture(autouse=True)
def _no_waiting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sochelp.breach.api._default_sleep", lambda seconds: None)


@pytest.mark.parametrize("client", CLIENTS)
@pytest.mark.parametrize("extra", [[], ["--json"], ["--debug"], ["--json", "-u", "marmalade"]])
def test_only_the_prefix_reaches_the_server(
    httpserver: HTTPServer,
    caplog: pytest.LogCaptureFixture,
    extra: list[str],
    tmp_path: Path,
    client: str,
) -> None:
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(f"/range/{HASHED.prefix}").respond_with_data(
        range_body(SECRET, 77), content_type="text/plain"
    )
    debug = ["--debug"] if "--debug" in extra else []
    rest = [x for x in extra if x != "--debug"]
    args = [*debug, "password", "--api-url", httpserver.url_for("/"), *rest]
    result = run_cli(args, input=SECRET + "\n", env={"SOCHELP_HTTP_CLIENT": client})
    assert result.exit_code == 1
    assert "77" in result.stdout

    assert len(httpserver.log) == 1
    request, _ = httpserver.log[0]
    assert request.method == "GET"
    assert request.path == f"/range/{HASHED.prefix}"
    assert request.query_string == b""
    assert request.get_data() == b""
    assert request.headers.get("Add-Padding") == "true"
    wire = request.path + "".join(f"{k}: {v}\n" for k, v in request.headers.items())
    for secret in _secrets():
        assert secret.lower() not in wire.lower()

    _assert_clean(result.stdout + result.stderr)
    _assert_clean("\n".join(f"{r.name} {r.getMessage()}" for r in caplog.records))


@pytest.mark.parametrize("client", CLIENTS)
def test_errors_and_debug_tracebacks_hold_no_secret(
    httpserver: HTTPServer, caplog: pytest.LogCaptureFixture, client: str
) -> None:
    caplog.set_level(logging.DEBUG)
    httpserver.expect_request(f"/range/{HASHED.prefix}").respond_with_data("not a range body")
    for url in (httpserver.url_for("/"), f"http://127.0.0.1:{closed_port()}"):
        result = run_cli(
            ["--debug", "password", "--api-url", url, "--json"],
            input=SECRET,
            env={"SOCHELP_HTTP_CLIENT": client},
        )
        assert result.exit_code == 3
        _assert_clean(result.stdout + result.stderr)
    _assert_clean("\n".join(r.getMessage() for r in caplog.records))


@pytest.mark.parametrize(
    "data",
    [
        (SECRET + "\xff").encode("latin-1"),
        (SECRET + "\x00").encode(),
        (SECRET * 200).encode(),
    ],
)
def test_input_error_tracebacks_under_debug_hold_no_secret(data: bytes) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sochelp", "--debug", "password", "--no-breach-check"],
        input=data,
        capture_output=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    stderr = done.stderr.decode(errors="replace")
    assert "Traceback" in stderr and "InputError" in stderr
    _assert_clean(stderr + done.stdout.decode(errors="replace"))


def test_unexpected_crash_traceback_holds_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rating failed")

    monkeypatch.setattr("sochelp.password.check.evaluate", broken)
    result = run_cli(["--debug", "password", "--no-breach-check"], input=SECRET)
    assert result.exit_code == 70
    assert "Traceback" in result.stderr and "RuntimeError: rating failed" in result.stderr
    _assert_clean(result.stdout + result.stderr)
    from sochelp.cli import app

    assert app.pretty_exceptions_enable is False  # Typer would print locals otherwise
    assert app.pretty_exceptions_show_locals is False


def test_unexpected_crash_without_debug_is_one_line_and_holds_no_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"rating failed for {SECRET}")  # a bug that leaks into its message

    monkeypatch.setattr("sochelp.password.check.evaluate", broken)
    result = run_cli(["password", "--no-breach-check"], input=SECRET)
    assert result.exit_code == 70
    assert result.stderr.startswith(
        "sochelp: something went wrong inside sochelp (RuntimeError). This is a bug"
    )
    assert "Traceback" not in result.stderr
    _assert_clean(result.stdout + result.stderr)


def test_no_file_is_written_with_a_secret(tmp_path: Path, _isolated_user_files: Path) -> None:
    offline = tmp_path / "pwned.txt"
    offline.write_text(f"{FULL}:5\n")
    before = {p: p.stat().st_mtime_ns for p in offline.parent.rglob("*")}
    for args in (["--no-breach-check"], ["--offline", str(offline)], ["--json"]):
        if args == ["--json"]:
            args = ["--json", "--api-url", f"http://127.0.0.1:{closed_port()}"]
        run_cli(["password", *args], input=SECRET)
    cache = Path(os.environ["SOCHELP_CACHE_DIR"])  # the validated-content cache
    for folder in (_isolated_user_files, tmp_path, cache):
        for path in folder.rglob("*"):
            if path.is_file() and path != offline:
                _assert_clean(path.read_bytes().decode("latin-1"))
    assert {p: p.stat().st_mtime_ns for p in offline.parent.rglob("*")} == before


def test_hashed_password_repr_hides_the_suffix() -> None:
    _assert_clean(repr(HASHED) + str(HASHED))
    assert HASHED.prefix in str(HASHED)
