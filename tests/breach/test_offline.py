"""Offline lookups: binary search in a sorted file, per-prefix folders, clear errors."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from sochelp.breach.interface import BreachLookupError, HashedPassword
from sochelp.breach.offline import PrefixFolderSource, SortedFileSource, open_offline
from sochelp.errors import InputError, UsageError

KNOWN = {"password1": 2_418_984, "letmein": 123, "hibs1875": 7}


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest().upper()


def _corpus(n: int, seed: int = 5) -> dict[str, int]:
    rng = random.Random(seed)
    rows = {f"{rng.getrandbits(160):040X}": rng.randint(1, 999) for _ in range(n)}
    rows.update({_hash(p): c for p, c in KNOWN.items()})
    return rows


def _write_sorted(
    path: Path, rows: dict[str, int], *, ending: str = "\n", final: bool = True
) -> Path:
    lines = [f"{h}:{c}" for h, c in sorted(rows.items())]
    path.write_bytes((ending.join(lines) + (ending if final else "")).encode())
    return path


@pytest.fixture(scope="module")
def corpus() -> dict[str, int]:
    return _corpus(20_000)


@pytest.mark.parametrize(("ending", "final"), [("\n", True), ("\r\n", True), ("\n", False)])
def test_sorted_file_lookups(
    tmp_path: Path, corpus: dict[str, int], ending: str, final: bool
) -> None:
    source = SortedFileSource(
        _write_sorted(tmp_path / "pp.txt", corpus, ending=ending, final=final)
    )
    for password, count in KNOWN.items():
        assert source.count(HashedPassword.of(password)) == count
    assert source.count(HashedPassword.of("not in the corpus at all")) == 0
    ordered = sorted(corpus)
    for full in (ordered[0], ordered[1], ordered[len(ordered) // 2], ordered[-1]):
        hashed = HashedPassword(full[:5], full[5:])
        assert source.count(hashed) == corpus[full]
        assert source.range(full[:5]) == {
            h[5:]: c for h, c in corpus.items() if h.startswith(full[:5])
        }
    assert source.range("00000") == {h[5:]: c for h, c in corpus.items() if h.startswith("00000")}


def test_binary_search_reads_a_small_part_of_the_file(
    tmp_path: Path, corpus: dict[str, int]
) -> None:
    path = _write_sorted(tmp_path / "pp.txt", corpus)
    source = SortedFileSource(path)
    assert source.count(HashedPassword.of("letmein")) == 123
    # About log2(lines) probes plus a window of a few lines, never the file.
    assert 0 < source.lines_checked < 60 < len(corpus) // 100
    source.close()


def test_unsorted_file_is_detected(tmp_path: Path, corpus: dict[str, int]) -> None:
    lines = [f"{h}:{c}" for h, c in sorted(corpus.items())]
    random.Random(3).shuffle(lines)
    path = tmp_path / "shuffled.txt"
    path.write_text("\n".join(lines) + "\n")
    source = SortedFileSource(path)
    with pytest.raises(BreachLookupError, match="not sorted"):
        for password in ("password1", "letmein", "hibs1875", "a", "b", "c"):
            source.count(HashedPassword.of(password))


def test_small_unsorted_file_is_detected_while_scanning(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(f"{'9' * 40}:1\n{'1' * 40}:1\n{'5' * 40}:1\n")
    with pytest.raises(BreachLookupError, match="not sorted"):
        SortedFileSource(path).count(HashedPassword("55555", "5" * 35))


def test_malformed_line_is_reported(tmp_path: Path, corpus: dict[str, int]) -> None:
    lines = [f"{h}:{c}" for h, c in sorted(corpus.items())]
    lines[len(lines) // 2] = "this is not a hash line"
    path = tmp_path / "bad.txt"
    path.write_text("\n".join(lines))
    middle = sorted(corpus)[len(lines) // 2]
    with pytest.raises(BreachLookupError, match="not HASH:COUNT"):
        SortedFileSource(path).count(HashedPassword(middle[:5], middle[5:]))


@pytest.mark.parametrize("first", ["", "8846F7EAEE8FB117AD06BDD830B7586C:5\n", "hello\n"])
def test_wrong_kind_of_file_is_refused_up_front(tmp_path: Path, first: str) -> None:
    path = tmp_path / "ntlm.txt"
    path.write_text(first)
    with pytest.raises(InputError, match="does not look like"):
        open_offline(path)


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        open_offline(tmp_path / "nope.txt")


def test_prefix_folder(tmp_path: Path, corpus: dict[str, int]) -> None:
    folder = tmp_path / "ranges"
    folder.mkdir()
    hashed = HashedPassword.of("letmein")
    (folder / f"{hashed.prefix}.txt").write_text(f"{'0' * 35}:3\r\n{hashed.suffix}:123\r\n")
    source = open_offline(folder)
    assert isinstance(source, PrefixFolderSource)
    assert source.count(hashed) == 123
    other = HashedPassword.of("password1")
    status = source.status(other)
    assert not status.checked and status.error is not None
    assert "missing some of its range files" in status.error
    (folder / f"{other.prefix}.txt").write_text("garbage\n")
    with pytest.raises(BreachLookupError, match="malformed"):
        source.count(other)


@pytest.mark.parametrize("names", [[], ["readme.txt", "notes"], ["ABCDEF.txt"]])
def test_folder_without_range_files_is_refused_up_front(tmp_path: Path, names: list[str]) -> None:
    folder = tmp_path / "garbage"
    folder.mkdir()
    for name in names:
        (folder / name).write_text("hello\n")
    with pytest.raises(InputError, match="holds no Pwned Passwords range files"):
        open_offline(folder)


def test_folder_with_lower_case_range_files_is_accepted(tmp_path: Path) -> None:
    hashed = HashedPassword.of("letmein")
    (tmp_path / f"{hashed.prefix.lower()}.txt").write_text(f"{hashed.suffix}:4\n")
    assert open_offline(tmp_path).count(hashed) == 4
