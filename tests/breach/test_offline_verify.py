"""--verify: one full read of a sorted offline file, remembered while the file is unchanged."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from sochelp.breach.offline import verified_marker, verify_sorted_file
from sochelp.breach.sources import open_source
from sochelp.errors import InputError
from tests.breach.test_offline import _corpus, _write_sorted
from tests.conftest import run_cli


@pytest.fixture
def sorted_file(tmp_path: Path) -> Path:
    return _write_sorted(tmp_path / "pp.txt", _corpus(5000), ending="\r\n")


def test_verify_records_a_marker_that_later_runs_report(sorted_file: Path) -> None:
    assert verified_marker(sorted_file) is None
    done = verify_sorted_file(sorted_file)
    assert done.lines == len(sorted_file.read_bytes().splitlines())
    assert verified_marker(sorted_file) == done
    notes: list[str] = []
    open_source(offline=sorted_file, notice=notes.append).close()
    assert len(notes) == 1 and "checked in full with --verify" in notes[0]


def test_a_changed_file_loses_its_marker(sorted_file: Path) -> None:
    verify_sorted_file(sorted_file)
    with sorted_file.open("ab") as out:
        out.write(b"F" * 40 + b":1\r\n")
    assert verified_marker(sorted_file) is None
    info = sorted_file.stat()
    os.utime(sorted_file, ns=(info.st_atime_ns, info.st_mtime_ns + 1))
    assert verified_marker(sorted_file) is None


@pytest.mark.parametrize("damage", ["swap", "garbage", "lowercase", "no-newline-end"])
def test_verify_finds_any_problem(sorted_file: Path, damage: str) -> None:
    lines = sorted_file.read_bytes().split(b"\r\n")[:-1]
    at = random.Random(damage).randrange(1, len(lines) - 1)
    if damage == "swap":
        lines[at], lines[at + 1] = lines[at + 1], lines[at]
    elif damage == "garbage":
        lines[at] = b"not a line"
    elif damage == "lowercase":
        lines[at] = lines[at].lower()
    if damage == "no-newline-end":
        sorted_file.write_bytes(b"\r\n".join(lines))  # still fine: the last line may lack one
        assert verify_sorted_file(sorted_file).lines == len(lines)
        return
    sorted_file.write_bytes(b"\r\n".join(lines) + b"\r\n")
    with pytest.raises(InputError, match=r"not sorted|not HASH:COUNT"):
        verify_sorted_file(sorted_file)
    assert verified_marker(sorted_file) is None


def test_verify_across_chunks(sorted_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sochelp.breach.offline._VERIFY_CHUNK", 1000)
    assert verify_sorted_file(sorted_file).lines > 5000
    lines = sorted_file.read_bytes().split(b"\r\n")[:-1]
    lines[2000], lines[2001] = lines[2001], lines[2000]
    sorted_file.write_bytes(b"\r\n".join(lines) + b"\r\n")
    with pytest.raises(InputError, match="not sorted"):
        verify_sorted_file(sorted_file)


def test_verify_through_the_cli(sorted_file: Path) -> None:
    result = run_cli(
        ["password", "--offline", str(sorted_file), "--verify"], input="Kettle-Comet-Pencil-7\n"
    )
    assert result.exit_code == 0, result.stderr
    assert "is in order" in result.stderr
    again = run_cli(["audit", "-", "--offline", str(sorted_file)], input="pw-one\npw-two\n")
    assert "checked in full with --verify" in again.stderr
    shuffled = sorted_file.parent / "shuffled.txt"
    lines = sorted_file.read_bytes().split(b"\r\n")[:-1]
    random.Random(1).shuffle(lines)
    shuffled.write_bytes(b"\r\n".join(lines) + b"\r\n")
    refused = run_cli(["password", "--offline", str(shuffled), "--verify"], input="pw\n")
    assert refused.exit_code == 2
    assert "not sorted" in refused.stderr and "Traceback" not in refused.stderr
    no_file = run_cli(["password", "--verify"], input="pw\n")
    assert no_file.exit_code == 2 and "--offline" in no_file.stderr
