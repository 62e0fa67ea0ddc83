"""The command line as a whole: help, version, error boundary, start-up imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import run_cli


def test_help_lists_every_command_with_a_purpose() -> None:
    result = run_cli(["--help"])
    assert result.exit_code == 0
    from sochelp.cli import COMMANDS

    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["report", "scam-text"], "report"),
        (["--content-dir", "report", "signs"], "signs"),
        (["--debug", "scam-quiz", "--help"], "scam-quiz"),
        (["--help", "report"], None),
        (["--version"], None),
        (["reprot"], None),
        ([], None),
    ],
)
def test_only_the_invoked_command_is_registered(args: list[str], expected: str | None) -> None:
    from sochelp.cli import invoked_command

    assert invoked_command(args) == expected


def test_mistyped_command_lists_the_real_ones() -> None:
    result = run_cli(["reprot"])
    assert result.exit_code == 2
    assert result.stderr == (
        "sochelp: there is no command 'reprot'.\n"
        "  Did you mean report? (sochelp report --help says more.)\n"
    )


def test_python_dash_m_and_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sochelp", "--version"], capture_output=True, text=True, check=True
    )
    from sochelp import __version__

    assert out.stdout.strip() == f"sochelp {__version__}"


def test_unknown_option_is_a_usage_error_without_traceback() -> None:
    result = run_cli(["report", "--nope"])
    assert result.exit_code == 2
    assert result.stderr.startswith("sochelp: there is no option --nope for report.\n")
    assert "Traceback" not in result.stderr


def test_missing_content_dir_is_a_clear_error() -> None:
    result = run_cli(["--content-dir", "/nonexistent/sochelp", "report", "scam-text"])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_content_check_bundled_is_clean() -> None:
    result = run_cli(["content", "check"])
    assert result.exit_code == 0, result.stdout
    assert "No problems found" in result.stdout


def test_content_check_lists_problems_and_exits_1(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path)) / "local"
    (folder / "contacts").mkdir(parents=True)
    (folder / "contacts" / "x.toml").write_text('[[contact]]\nid = "x"\n', encoding="utf-8")
    result = run_cli(["content", "check", str(folder)])
    assert result.exit_code == 1
    assert f"{folder}/contacts/x.toml: contact[x].name: required key is missing" in result.stdout
    assert "problems in bundled content with" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["report", "scam-text"],
        ["report", "--list", "--json"],
        ["signs", "cuckooing"],
    ],
)
def test_startup_paths_import_neither_zxcvbn_nor_httpx(argv: list[str]) -> None:
    code = (
        "import sys\n"
        "from sochelp.cli import main\n"
        f"rc = main({argv!r})\n"
        "heavy = sorted(m for m in ('zxcvbn', 'httpx', 'tldextract') if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy), file=sys.stderr)\n"
        "sys.exit(rc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "HEAVY=\n" in out.stderr


def test_json_output_is_valid_utf8_json() -> None:
    result = run_cli(["report", "human-trafficking", "--json"])
    data = json.loads(result.stdout)
    assert data["urgent"] is True


def test_a_bug_gives_a_short_message_and_exit_70(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("internal detail")

    monkeypatch.setattr("sochelp.report.core.build_report", broken)
    result = run_cli(["report", "scam-text"])
    assert result.exit_code == 70
    assert "This is a bug" in result.stderr and "--debug" in result.stderr
    assert "Traceback" not in result.stderr and "internal detail" not in result.stderr
    debug = run_cli(["--debug", "report", "scam-text"])
    assert debug.exit_code == 70  # --debug adds the traceback, the status stays
    assert "Traceback" in debug.stderr and "RuntimeError: internal detail" in debug.stderr
    assert "This is a bug" in debug.stderr


def test_closed_pipe_exits_quietly() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "sochelp", "report", "--list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before sochelp writes
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=30) in (0, 1)
    assert "Traceback" not in stderr


def test_error_lines_off_a_terminal_are_one_line_each() -> None:
    # A pipe or a log file gets the message and its hint whole, for grep, at any width.
    long_name = "/tmp/" + "a-very-long-folder-name/" * 6 + "message.txt"
    result = run_cli(["check-message", long_name], env={"COLUMNS": "30"})
    assert result.exit_code == 2
    first, hint = result.stderr.splitlines()
    assert first == f"sochelp: There is no file called {long_name}."
    assert hint.startswith("  Check the name") and len(hint) > 30
