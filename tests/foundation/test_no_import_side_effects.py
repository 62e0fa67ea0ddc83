"""Importing sochelp changes nothing in the process: settings are made where the program
starts, not as a side effect of an import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from sochelp import cli


def test_importing_every_module_leaves_the_environment_alone() -> None:
    code = (
        "import os, pkgutil, importlib, sochelp\n"
        "before = dict(os.environ)\n"
        "names = [m.name for m in pkgutil.walk_packages(sochelp.__path__, 'sochelp.')]\n"
        "names = [n for n in names if n != 'sochelp.__main__']\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "changed = sorted(set(os.environ.items()) ^ set(before.items()))\n"
        "print(len(names), changed)\n"
    )
    env = {"PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    count, changed = done.stdout.split(" ", 1)
    assert int(count) > 50  # every module was imported
    assert changed.strip() == "[]"


def _run_program(monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str | None]]:
    """Run the console-script entry point with a stand-in for the command line, and catch its
    final os._exit (which would otherwise end the test process)."""
    import os

    from sochelp import launch

    seen: list[str | None] = []

    def leave(status: int) -> None:
        raise SystemExit(status)

    monkeypatch.setattr(cli, "main", lambda: seen.append(_setting()) or 0)
    monkeypatch.setattr(os, "_exit", leave)
    with pytest.raises(SystemExit) as stopped:
        launch.run()
    return int(stopped.value.code or 0), seen


def test_the_program_turns_off_pydantic_plugin_discovery_where_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    status, seen = _run_program(monkeypatch)
    assert status == 0
    assert seen == ["__all__"]


def test_a_users_own_pydantic_plugin_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some_plugin")
    _, seen = _run_program(monkeypatch)
    assert seen == ["some_plugin"]


def _setting() -> str | None:
    import os

    return os.environ.get("PYDANTIC_DISABLE_PLUGINS")
