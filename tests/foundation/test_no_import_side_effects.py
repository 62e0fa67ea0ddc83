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


def test_the_program_turns_off_pydantic_plugin_discovery_where_it_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[str | None] = []
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS", raising=False)
    monkeypatch.setattr(cli, "main", lambda: seen.append(_setting()) or 0)
    with pytest.raises(SystemExit) as stopped:
        cli.run()
    assert stopped.value.code == 0
    assert seen == ["__all__"]


def test_a_users_own_pydantic_plugin_setting_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str | None] = []
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "some_plugin")
    monkeypatch.setattr(cli, "main", lambda: seen.append(_setting()) or 0)
    with pytest.raises(SystemExit):
        cli.run()
    assert seen == ["some_plugin"]


def _setting() -> str | None:
    import os

    return os.environ.get("PYDANTIC_DISABLE_PLUGINS")
