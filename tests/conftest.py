"""Shared fixtures: run the real CLI in-process or in a pseudo-terminal, and keep every test
away from the user's files and from the network."""

from __future__ import annotations

import os
import platform
import socket
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from typer.testing import CliRunner

from sochelp.cli import main

if TYPE_CHECKING:
    import pexpect

REPO = Path(__file__).resolve().parents[1]
#: Runs sochelp on the fixture content tree (see tests/launch.py).
LAUNCHER = REPO / "tests" / "launch.py"


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
    """Every test gets its own data, cache and settings folders and no inherited sochelp
    settings (an empty settings folder: the first-run questions are asked on a terminal)."""
    data = tmp_path_factory.mktemp("sochelp-data")
    monkeypatch.setenv("SOCHELP_DATA_DIR", str(data))
    monkeypatch.setenv("SOCHELP_CACHE_DIR", str(tmp_path_factory.mktemp("sochelp-cache")))
    monkeypatch.setenv("SOCHELP_CONFIG_DIR", str(tmp_path_factory.mktemp("sochelp-config")))
    for name in (
        "SOCHELP_CONTENT_DIR",
        "SOCHELP_REGION",
        "SOCHELP_RANGE_API",
        "SOCHELP_TODAY",
        "SOCHELP_HTTP_CLIENT",
        "NO_COLOR",
        # Tests talk to servers on 127.0.0.1 only: the machine's proxies must not apply.
        *("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"),
        *("http_proxy", "https_proxy", "all_proxy", "no_proxy"),
    ):
        monkeypatch.delenv(name, raising=False)
    yield data


def remember(**settings: str) -> Path:
    """Write a settings file in this test's settings folder, as ``sochelp config set`` would
    (``remember(region="scotland", quiz_audience="all")``), so the first-run questions are not
    asked. Returns the file."""
    from sochelp import config

    values = {
        key.replace("_", ".", 1) if key != "region" else key: v for key, v in settings.items()
    }
    path = config.config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(config.render_file(values), encoding="utf-8")
    return path


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


# ---------------------------------------------------------------- a real pseudo-terminal


def spawn_sochelp(
    *args: str,
    fixture: bool = False,
    colour: bool = True,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
    dimensions: tuple[int, int] = (50, 120),
) -> pexpect.spawn:
    """Start the real ``sochelp ARGS`` in a pseudo-terminal, as a person at a terminal would.

    It inherits this test's private data and cache folders (``_isolated_user_files``) and a
    colour terminal; ``colour=False`` sets NO_COLOR, ``fixture=True`` runs it on the fixture
    content tree, ``env`` adds or replaces variables. Interact with ``child.expect(...)`` and
    ``child.sendline(...)``, send Ctrl-C with :func:`interrupt`, end with :func:`finish`.

    ``timeout`` bounds each ``expect``: generous, because a loaded two-CPU CI machine running
    the suite in parallel once took over 30 s to print anything. An empty private cache folder
    is first given a copy of the validated bundled content (:func:`_warm_cache`), so that each
    start does not validate the whole content again; the content cache's own tests run without.
    """
    import pexpect

    variables = {
        k: v
        for k, v in os.environ.items()
        if k not in {"NO_COLOR", "SOCHELP_CONTENT_DIR", "COLUMNS", "LINES"}
    }
    variables["TERM"] = "xterm-256color"
    if not colour:
        variables["NO_COLOR"] = "1"
    variables.update(env or {})
    if not fixture and "SOCHELP_CONTENT_DIR" not in variables:
        _warm_cache(variables.get("SOCHELP_CACHE_DIR", ""))
    program = [str(LAUNCHER)] if fixture else ["-m", "sochelp"]
    return pexpect.spawn(
        sys.executable,
        [*program, *args],
        env=variables,
        encoding="utf-8",
        timeout=timeout,
        dimensions=dimensions,
        preexec_fn=default_stop_signals,
    )


_WARM: list[Path] = []


def _warm_cache(folder: str) -> None:
    """Copy the validated bundled content into the empty cache folder ``folder``.

    Validating the bundled content (every pattern compiled and tried on its examples) takes
    about 17 s; the first call in each test worker pays it once, in a real ``sochelp
    check-message`` run with a cache folder of its own, and later calls copy the files it
    wrote (copies, not links: a test may damage its cache). The cache key is made from the
    content files and modules themselves, so a copy is used only when it still fits.
    """
    import atexit
    import shutil
    import subprocess
    import tempfile

    target = Path(folder) if folder else None
    if target is None or (target.exists() and any(target.iterdir())):
        return
    if not _WARM:
        home = Path(tempfile.mkdtemp(prefix="sochelp-warm-"))
        atexit.register(shutil.rmtree, home, True)
        warm = home / "cache"
        message = home / "message.txt"
        message.write_text("Your parcel is waiting.", encoding="utf-8")
        variables = {k: v for k, v in os.environ.items() if not k.startswith("SOCHELP_")}
        variables |= {"SOCHELP_CACHE_DIR": str(warm), "SOCHELP_DATA_DIR": str(home / "data")}
        variables["SOCHELP_CONFIG_DIR"] = str(home / "config")
        subprocess.run(
            [sys.executable, "-m", "sochelp", "check-message", "--json", str(message)],
            env=variables,
            capture_output=True,
            timeout=600,
            check=False,
        )
        _WARM.append(warm)
    target.mkdir(parents=True, exist_ok=True)
    for entry in _WARM[0].glob("*.pickle"):
        shutil.copyfile(entry, target / entry.name)


def default_stop_signals() -> None:
    """In a child about to start: Ctrl-C (SIGINT) and SIGQUIT act as they do at a terminal.

    A suite started in the background by a shell without job control (``cmd &`` in a script)
    inherits them ignored, and Python then never raises KeyboardInterrupt: every Ctrl-C test
    would fail for a reason that has nothing to do with sochelp.
    """
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)


#: The read() system call's number, by machine (what /proc/PID/syscall shows while blocked).
_READ_SYSCALL = {"x86_64": 0, "amd64": 0, "aarch64": 63, "arm64": 63}


def _reading_a_terminal(pid: int) -> bool | None:
    """Whether the main thread of ``pid`` is blocked in read() on a terminal; None when this
    system cannot tell (no /proc, an unknown machine)."""
    number = _READ_SYSCALL.get(platform.machine().lower())
    if number is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/syscall").read_text().split()
    except OSError:
        return None
    if len(fields) < 2 or fields[0] != str(number):
        return False
    try:
        target = os.readlink(f"/proc/{pid}/fd/{int(fields[1], 16)}")
    except OSError:
        return False
    return target.startswith(("/dev/pts/", "/dev/tty"))


def wait_until_reading(child: pexpect.spawn, limit: float = 20) -> None:
    """Return once the program is provably waiting for typed input: its main thread is blocked
    in read() on the terminal. Expecting the prompt is not enough: the prompt is written
    before the read, and a Ctrl-C in between would test something else."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        state = _reading_a_terminal(child.pid)
        if state is None:
            # This system does not show system calls: settle for a pause after the prompt.
            time.sleep(0.5)
            return
        if state:
            return
        if not child.isalive():
            raise AssertionError("the program ended instead of waiting for input")
        time.sleep(0.01)
    raise AssertionError("the program never waited for input")


def interrupt(child: pexpect.spawn) -> None:
    """Press Ctrl-C once the program is waiting for input."""
    wait_until_reading(child)
    child.sendintr()


def finish(child: pexpect.spawn) -> str:
    """Wait for the program to end and return what it printed since the last match."""
    import pexpect

    child.expect(pexpect.EOF)
    output = child.before or ""
    child.close()
    return output
