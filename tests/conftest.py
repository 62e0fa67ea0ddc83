"""Shared fixtures: run the real CLI in-process, and keep every test away from the user's files
and from the network."""

from __future__ import annotations

import socket
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sochelp.cli import main

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class CliResult:
    """Exit code and captured output of one in-process run."""

    exit_code: int
    stdout: str
    stderr: str


def run_cli(
    args: Sequence[str], input: str | bytes | None = None, env: dict[str, str] | None = None
) -> CliResult:
    """Run ``sochelp ARGS`` through the real error boundary with captured (non-TTY) streams."""
    runner = CliRunner()
    with runner.isolation(input=input, env=env) as (out, err, _):
        code = main(list(args))
        sys.stdout.flush()
        sys.stderr.flush()
        return CliResult(code, out.getvalue().decode(), err.getvalue().decode())


@pytest.fixture(autouse=True)
def _isolated_user_files(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Every test gets its own data and cache folders and no inherited sochelp settings."""
    data = tmp_path_factory.mktemp("sochelp-data")
    monkeypatch.setenv("SOCHELP_DATA_DIR", str(data))
    monkeypatch.setenv("SOCHELP_CACHE_DIR", str(tmp_path_factory.mktemp("sochelp-cache")))
    for name in (
        "SOCHELP_CONTENT_DIR",
        "SOCHELP_REGION",
        "SOCHELP_RANGE_API",
        "SOCHELP_TODAY",
        "NO_COLOR",
    ):
        monkeypatch.delenv(name, raising=False)
    yield data


_real_connect = socket.socket.connect


def _loopback_only(self: socket.socket, address: object) -> None:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, str) and not (
        host.startswith("127.") or host in {"localhost", "::1"} or self.family == socket.AF_UNIX
    ):
        raise RuntimeError(f"tests may only connect to loopback, not {host!r}")
    _real_connect(self, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach anything but 127.0.0.1 / ::1."""
    monkeypatch.setattr(socket.socket, "connect", _loopback_only)
