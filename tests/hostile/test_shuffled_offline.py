"""The attack: a shuffled or reversed offline file must not answer "not found" for a breached
password. 300 seeded shuffles of small files; a lookup may report the file, or still find the
password, but at most 1 in 300 may silently say "not found"."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest

from sochelp.breach.interface import BreachLookupError, HashedPassword
from sochelp.breach.offline import SortedFileSource

BREACHED = "Summer2024!"
COUNT = 4242
FILES = 300


def _lines(rng: random.Random, count: int) -> list[str]:
    rows = {f"{rng.getrandbits(160):040X}": rng.randint(1, 9999) for _ in range(count)}
    full = hashlib.sha1(BREACHED.encode()).hexdigest().upper()
    rows[full] = COUNT
    return [f"{h}:{c}" for h, c in sorted(rows.items())]


def _outcome(path: Path) -> str:
    source = SortedFileSource(path)
    try:
        count = source.count(HashedPassword.of(BREACHED))
        in_range = source.range(HashedPassword.of(BREACHED).prefix)
    except BreachLookupError as error:
        assert "not sorted" in error.message or "not HASH:COUNT" in error.message
        return "reported"
    finally:
        source.close()
    if count == COUNT and in_range.get(HashedPassword.of(BREACHED).suffix) == COUNT:
        return "found"
    return "silent"


def test_shuffled_files_are_reported_not_silently_wrong(tmp_path: Path) -> None:
    outcomes: dict[str, int] = {"reported": 0, "found": 0, "silent": 0}
    for seed in range(FILES):
        rng = random.Random(seed)
        lines = _lines(rng, rng.randint(30, 1500))
        rng.shuffle(lines)
        path = tmp_path / f"shuffled-{seed}.txt"
        path.write_text("\n".join(lines) + "\n")
        outcomes[_outcome(path)] += 1
        path.unlink()
    assert outcomes["silent"] <= 1, outcomes
    assert outcomes["reported"] >= FILES * 0.9, outcomes


@pytest.mark.parametrize("lines", [30, 400, 20_000])
def test_reversed_files_are_reported(tmp_path: Path, lines: int) -> None:
    rows = _lines(random.Random(lines), lines)
    path = tmp_path / "reversed.txt"
    path.write_text("\n".join(reversed(rows)) + "\n")
    assert _outcome(path) == "reported"
