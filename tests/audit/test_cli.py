"""``sochelp audit`` through the real CLI: output modes, JSON schema, exit codes, input errors,
and no password in any output for any format."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from sochelp.breach.interface import HashedPassword
from tests.audit.samples import DATA, PASSWORDS, samples
from tests.conftest import run_cli

SUMMARY_KEYS = {"accounts", "unique_passwords", "weak", "reused", "breached", "not_checked"}
ACCOUNT_KEYS = {"title", "url", "username", "score", "reused_with", "breach_count", "priority"}


def _secrets() -> list[str]:
    found: list[str] = []
    for password in PASSWORDS:
        found.append(password)
        found.append(password.strip())
        hashed = HashedPassword.of(password)
        found.append(hashed.suffix)
        found.append(hashed.prefix + hashed.suffix)
    return found


def assert_no_secret(*texts: str) -> None:
    """No password (or its full hash, or its hash suffix) appears in any of ``texts``."""
    for text in texts:
        for secret in _secrets():
            assert secret not in text
            assert secret.lower() not in text.lower()


def test_json_schema_and_exit_code() -> None:
    result = run_cli(["audit", str(DATA / "bitwarden.csv"), "--no-breach-check", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert set(data) == {"summary", "accounts"}
    assert set(data["summary"]) == SUMMARY_KEYS | {"skipped"}
    assert data["summary"] == {
        "accounts": 6,
        "unique_passwords": 5,
        "weak": data["summary"]["weak"],
        "reused": 1,
        "breached": 0,
        "not_checked": 6,
        "skipped": 2,
    }
    assert all(set(a) == ACCOUNT_KEYS for a in data["accounts"])
    first = data["accounts"][0]
    assert first["priority"] == "reused" and first["reused_with"] == 1
    assert all(a["breach_count"] is None for a in data["accounts"])
    weak = [a for a in data["accounts"] if a["score"] < 3]
    assert data["summary"]["weak"] == len(weak) >= 1  # hunter2 at least
    assert "plaintext copy of every password" in result.stderr


def test_plain_output_when_piped() -> None:
    result = run_cli(["audit", str(DATA / "keepassxc.csv"), "--no-breach-check"])
    assert result.exit_code == 1
    out = result.stdout
    assert "Audit of 6 accounts from a KeePassXC export." in out
    assert "Change these passwords (most urgent first):" in out
    assert "[reused] Shop — alice.b — https://shop.example.net" in out
    assert "same password as 1 other account (group 1)" in out
    assert "Rows skipped:      1 (1 in the recycle bin)" in out
    assert "\x1b[" not in out
    assert_no_secret(out, result.stderr)


def test_stdin_and_min_score() -> None:
    content = b"name,url,username,password\nsite,https://s.example,me,Vq8#pLm2@xZr5&Tn\n"
    result = run_cli(["audit", "-", "--no-breach-check", "--min-score", "0"], input=content)
    assert result.exit_code == 0, result.stderr
    assert "Nothing to fix" in result.stdout


def test_clean_export_exits_zero_and_weak_exits_one(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("name,url,username,password\nsite,https://s.example,me,password\n")
    weak = run_cli(["audit", str(path), "--no-breach-check"])
    assert weak.exit_code == 1
    assert "Change these passwords (most urgent first):" in weak.stdout
    assert "  1. [weak] site — me — https://s.example" in weak.stdout
    path.write_text("name,url,username,password\nsite,https://s.example,me,Vq8#pLm2@xZr5&Tn\n")
    clean = run_cli(["audit", str(path), "--no-breach-check"])
    assert clean.exit_code == 0
    assert "Nothing to fix: no weak, reused or breached passwords found." in clean.stdout
    assert "Change these passwords" not in clean.stdout


@pytest.mark.parametrize("sample", samples(), ids=lambda s: s.filename)
def test_no_password_in_any_output_for_every_format(
    sample: object, caplog: pytest.LogCaptureFixture, _isolated_user_files: Path
) -> None:
    from tests.audit.samples import Sample

    assert isinstance(sample, Sample)
    caplog.set_level(logging.DEBUG)
    path = str(DATA / sample.filename)
    for extra in ([], ["--json"]):
        result = run_cli(["audit", path, "--no-breach-check", *extra])
        assert result.exit_code == 1, result.stderr
        assert_no_secret(result.stdout, result.stderr)
    assert_no_secret(caplog.text)
    for file in _isolated_user_files.rglob("*"):
        if file.is_file():
            assert_no_secret(file.read_text(errors="replace"))


# --- input errors: exit 2, a clear message, no traceback, no content --------------------------


def test_missing_file() -> None:
    result = run_cli(["audit", "/nonexistent/export.csv", "--no-breach-check"])
    assert result.exit_code == 2
    assert "There is no file called /nonexistent/export.csv." in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_and_non_utf8_and_unknown(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    result = run_cli(["audit", str(empty), "--no-breach-check"])
    assert result.exit_code == 2 and "is empty" in result.stderr

    latin = tmp_path / "latin.csv"
    latin.write_bytes(b"name,url,username,password\nx,https://x.example,me,caf\xe9pass\n")
    result = run_cli(["audit", str(latin), "--no-breach-check"])
    assert result.exit_code == 2 and "not UTF-8" in result.stderr and "line 2" in result.stderr
    assert "caf" not in result.stderr

    odd = tmp_path / "odd.csv"
    odd.write_text("Title,Login,Password,Where\na,b,c,d\n")
    result = run_cli(["audit", str(odd), "--no-breach-check"])
    assert result.exit_code == 2
    assert "Columns found: Title, Login, Password, Where." in result.stderr
    assert "Known formats: bitwarden" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_row_in_cli(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text('name,url,username,password\nx,y,z,ok\nx,y,z,"sup3rsecret\n')
    result = run_cli(["audit", str(bad), "--no-breach-check"])
    assert result.exit_code == 2
    assert "Line 3 of" in result.stderr
    assert "sup3rsecret" not in result.stderr + result.stdout


def test_bad_options() -> None:
    path = str(DATA / "chrome.csv")
    for option, value in (("--concurrency", "0"), ("--min-score", "5")):
        result = run_cli(["audit", path, option, value])
        assert result.exit_code == 2
        assert result.stderr.startswith(f"sochelp: {option} must be a whole number from ")
        assert "plaintext copy" not in result.stderr  # refused before the file was read
    result = run_cli(["audit", path, "--format", "nope", "--no-breach-check"])
    assert result.exit_code == 2 and "Known formats" in result.stderr


def test_offline_folder(tmp_path: Path) -> None:
    folder = tmp_path / "pwned"
    folder.mkdir()
    for password in PASSWORDS:
        hashed = HashedPassword.of(password)
        count = 9 if password == "hunter2" else 0
        lines = [f"{hashed.suffix}:{count}"] if count else []
        (folder / f"{hashed.prefix}.txt").write_text("\r\n".join(lines))
    result = run_cli(["audit", str(DATA / "apple.csv"), "--offline", str(folder), "--json"])
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["breached"] == 1 and data["summary"]["not_checked"] == 0
    assert {a["title"]: a["breach_count"] for a in data["accounts"]}["Old site"] == 9
    assert_no_secret(result.stdout, result.stderr)


def test_option_mistakes_come_before_reading_and_before_the_warning(tmp_path: Path) -> None:
    path = str(DATA / "chrome.csv")
    garbage = tmp_path / "garbage"
    garbage.mkdir()
    (garbage / "readme.txt").write_text("hello\n")
    cases = [
        (["--format", "nope"], "not a format this program reads"),
        (["--no-breach-check", "--offline", str(garbage)], "cannot be used together"),
        (["--offline", str(garbage), "--api-url", "http://127.0.0.1:9"], "cannot be used together"),
        (["--offline", str(garbage)], "holds no Pwned Passwords range files"),
    ]
    for args, message in cases:
        result = run_cli(["audit", path, *args])
        assert result.exit_code == 2, args
        assert message in result.stderr
        assert "plaintext copy" not in result.stderr
        assert result.stdout == ""


def test_no_export_warning_when_there_is_no_file() -> None:
    result = run_cli(["audit", "/nonexistent/export.csv", "--no-breach-check"])
    assert result.exit_code == 2 and "plaintext copy" not in result.stderr


def test_failed_lookups_are_explained_once(tmp_path: Path) -> None:
    folder = tmp_path / "ranges"
    folder.mkdir()
    (folder / "00000.txt").write_text(f"{'0' * 35}:1\n")  # every other range file is missing
    result = run_cli(["audit", str(DATA / "bitwarden.csv"), "--offline", str(folder)])
    assert result.exit_code == 1
    out = result.stdout
    assert out.count("missing some of its range files") == 1
    assert "not checked for breaches (see below)" in out
    assert "Run the audit again later" not in out  # an offline copy will not heal by waiting
    assert "Change breached passwords first" not in out  # nothing was found breached
    assert "Give every account its own password" in out
    assert_no_secret(out, result.stderr)
