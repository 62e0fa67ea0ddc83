"""Bounded reading of user-named files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sochelp.errors import InputError
from sochelp.inputs import read_file_head


def test_reads_one_byte_more_than_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 100)
    assert read_file_head(path, 10) == b"x" * 11
    assert read_file_head(path, 1000) == b"x" * 100


@pytest.mark.parametrize(
    ("name", "expected"),
    [("missing.txt", "There is no file called"), (".", "is a folder, not a message file")],
)
def test_file_errors_are_input_errors(tmp_path: Path, name: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_file_head(tmp_path / name, 10, "a message file")
    assert expected in caught.value.message
    assert caught.value.hint  # every mistake has a hint line saying what to do
