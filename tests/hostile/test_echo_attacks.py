"""What sochelp repeats back — file names in error messages, ids from an overlay, typed answers,
notices about saved files — cannot drive the terminal either."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.conftest import finish, run_cli, spawn_sochelp
from tests.hostile.terminal import foreign_sequences, screen_text

#: No slash: these also go into file names.
ESCAPES = "\x1b[2J\x1b]8;;https:evil.example\x07\u202e"
SHOWN = "<U+001B>[2J<U+001B>]8;;https:evil.example<U+0007><U+202E>"


def _one_safe_line(stderr: str) -> str:
    assert "\x1b" not in stderr and "\u202e" not in stderr and "\x07" not in stderr
    first = stderr.splitlines()[0]
    assert first.startswith("sochelp: ")
    return first


def test_a_missing_file_name_is_shown_with_markers(tmp_path: Path) -> None:
    done = run_cli(["check-message", str(tmp_path / f"msg{ESCAPES}.txt")])
    assert done.exit_code == 2
    assert SHOWN in _one_safe_line(done.stderr)


def test_a_file_name_with_a_line_break_cannot_forge_a_line(tmp_path: Path) -> None:
    done = run_cli(["check-message", str(tmp_path / "a\nsochelp: No known warning signs found")])
    assert done.exit_code == 2
    # No line of its own: every line is sochelp's message or an indented hint.
    assert all(line.startswith(("sochelp: There", "  ")) for line in done.stderr.splitlines())
    assert "a<U+000A>sochelp: No known" in _one_safe_line(done.stderr)


def test_a_content_folder_name_is_shown_with_markers(tmp_path: Path) -> None:
    done = run_cli(["--content-dir", str(tmp_path / f"x{ESCAPES}"), "report", "scam-text"])
    assert done.exit_code == 2
    assert SHOWN in _one_safe_line(done.stderr)


def test_an_overlay_file_and_id_are_shown_with_markers(tmp_path: Path) -> None:
    folder = tmp_path / "local" / "contacts"
    folder.mkdir(parents=True)
    (folder / f"bad{ESCAPES}.toml").write_text("not = [valid", encoding="utf-8")
    (folder / "ids.toml").write_text('[[contact]]\nid = "\\u001b[2Jx"\n', encoding="utf-8")
    done = run_cli(["--content-dir", str(tmp_path / "local"), "report", "scam-text"])
    assert done.exit_code == 2
    assert "\x1b" not in done.stderr and "\u202e" not in done.stderr
    assert f"bad{SHOWN}.toml" in done.stderr
    assert "contact[<U+001B>[2Jx]" in done.stderr
    checked = run_cli(["content", "check", str(tmp_path / "local")])
    assert checked.exit_code == 1
    assert "\x1b" not in checked.stdout and "contact[<U+001B>[2Jx]" in checked.stdout
    as_json = run_cli(["content", "check", str(tmp_path / "local"), "--json"])
    assert "\\u001b" not in as_json.stdout and "\x1b" not in as_json.stdout
    assert json.loads(as_json.stdout)["problems"]


def test_rollup_names_left_out_files_with_markers(tmp_path: Path) -> None:
    returns = tmp_path / "returns"
    returns.mkdir()
    (returns / f"r{ESCAPES}.json").write_text("{broken", encoding="utf-8")
    done = run_cli(["checkup", "--rollup", str(returns)])
    assert done.exit_code == 2
    assert "\x1b" not in done.stderr and f"r{SHOWN}.json" in done.stderr


def test_a_notice_about_a_saved_file_is_shown_with_markers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / f"data{ESCAPES}"
    data.mkdir()
    (data / "quiz-progress.json").write_text("{corrupt", encoding="utf-8")
    monkeypatch.setenv("SOCHELP_DATA_DIR", str(data))
    done = run_cli(["scam-quiz", "--stats"])
    assert done.exit_code == 0
    assert "\x1b" not in done.stderr and "\u202e" not in done.stderr
    assert SHOWN in done.stderr


def test_a_piped_answer_is_repeated_with_markers() -> None:
    answers = f"maybe{ESCAPES}\n" + "n\n" * 40
    done = run_cli(["checkup", "individual", "--no-save"], input=answers)
    assert "\x1b" not in done.stderr and f"'maybe{SHOWN[:30]}" in done.stderr


@pytest.mark.pty
def test_a_typed_answer_is_repeated_with_markers_at_a_terminal() -> None:
    child = spawn_sochelp("checkup", "individual", "--no-save")
    child.logfile_read = io.StringIO()
    child.expect("Your answer")
    child.sendline(f"x{ESCAPES}")
    child.expect("is not an answer")
    child.sendline("q")
    finish(child)
    raw = child.logfile_read.getvalue()
    # The terminal itself echoes what was typed (as ^[); what sochelp repeats has markers.
    assert "'x<U+001B>[2J<U+001B>]8;;" in screen_text(raw)
    assert not [s for s in foreign_sequences(raw) if s != "\x07"]


@pytest.mark.pty
def test_a_typed_quiz_answer_is_repeated_with_markers_at_a_terminal() -> None:
    child = spawn_sochelp("scam-quiz", "--count", "1", "--no-save", fixture=True)
    child.logfile_read = io.StringIO()
    # (the question is drawn at random: one answer, or several)
    child.expect(["Your answer", "Choose all that apply"])
    child.sendline(f"zz{ESCAPES}")
    child.expect("not one of the answers")
    child.sendline("q")
    finish(child)
    assert "'zz<U+001B>[2j" in screen_text(child.logfile_read.getvalue())


def test_a_phone_number_with_a_bidi_override_is_refused_and_not_repeated(tmp_path: Path) -> None:
    folder = tmp_path / "local" / "contacts"
    folder.mkdir(parents=True)
    (folder / "rtl.toml").write_text(
        '[[contact]]\nid = "rtl-line"\nname = "Help \\u202eenil\\u202c"\n'
        'regions = ["scotland"]\nphone = "\\u202e4321 321 0080"\npurpose = "Help."\n'
        'source = "https://example.org/rtl"\nchecked = 2026-01-01\n',
        encoding="utf-8",
    )
    done = run_cli(["--content-dir", str(tmp_path / "local"), "report", "scam-text"])
    assert done.exit_code == 2
    assert "contact[rtl-line].phone: not a phone number" in _one_safe_line(done.stderr)
