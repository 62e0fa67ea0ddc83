"""Plain command-line values are coerced as Typer does, without importing pydantic."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner

from sochelp import plain_params


def _app(seen: dict[str, object]) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def run(
        name: Annotated[str, typer.Option("--name")] = "anon",
        where: Annotated[Path | None, typer.Argument()] = None,
        must: Annotated[Path | None, typer.Option("--must", exists=True)] = None,
        loud: Annotated[bool, typer.Option("--loud", envvar="PLAIN_TEST_LOUD")] = False,
        count: Annotated[int, typer.Option("--count")] = 1,
    ) -> None:
        seen.update(name=name, where=where, must=must, loud=loud, count=count)

    return app


def test_install_is_active_and_idempotent() -> None:
    assert plain_params.install() is True
    assert plain_params.install() is True


def test_plain_values_keep_their_types() -> None:
    plain_params.install()
    seen: dict[str, object] = {}
    result = CliRunner().invoke(_app(seen), ["--name", "Ann", "notes.txt", "--loud"])
    assert result.exit_code == 0, result.output
    assert seen == {
        "name": "Ann",
        "where": Path("notes.txt"),
        "must": None,
        "loud": True,
        "count": 1,
    }


def test_other_shapes_go_to_typer(tmp_path: Path) -> None:
    """An int, a bool from an environment variable and a Path that must exist are Typer's."""
    plain_params.install()
    seen: dict[str, object] = {}
    existing = tmp_path / "here.txt"
    existing.write_text("x", encoding="utf-8")
    result = CliRunner().invoke(
        _app(seen),
        ["--count", "3", "--must", str(existing)],
        env={"PLAIN_TEST_LOUD": "1"},
    )
    assert result.exit_code == 0, result.output
    assert seen["count"] == 3 and seen["loud"] is True and seen["must"] == existing


def test_a_missing_path_that_must_exist_gets_typers_error(tmp_path: Path) -> None:
    plain_params.install()
    result = CliRunner().invoke(_app({}), ["--must", str(tmp_path / "gone.txt")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_a_bad_number_gets_typers_error() -> None:
    plain_params.install()
    result = CliRunner().invoke(_app({}), ["--count", "lots"])
    assert result.exit_code == 2
    assert "--count" in result.output


def test_without_typers_private_function_nothing_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from typer import core

    monkeypatch.delattr(core, "build_runtime_param")
    assert plain_params.install() is False


def test_check_message_starts_without_pydantic(tmp_path: Path) -> None:
    """The start-up saving itself: a check in a fresh process never imports pydantic (the
    second run, once the content cache is built)."""
    code = (
        "import contextlib, io, sys\n"
        "sys.argv = ['sochelp', 'check-message']\n"
        "sys.stdin = io.TextIOWrapper(io.BytesIO(b'Your parcel is held, pay 1.99 GBP.\\n'))\n"
        "from sochelp.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic'))\n"
    )
    env = {**os.environ, "SOCHELP_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    outputs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        ).stdout.strip()
        for _ in range(2)
    ]
    assert outputs[-1] == "[]"
