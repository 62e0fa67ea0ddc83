"""benchmarks/readings.py: the held-out readings, added up from their counts."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import message_sets as sets
import readings

REPO = Path(__file__).resolve().parents[2]


def test_each_reading_is_of_a_batch_as_large_as_its_file() -> None:
    for reading in readings.load():
        labels = Counter(record["label"] for record in sets.load_batch(reading.batch))
        counts = reading.counts
        assert (counts.scams, counts.genuine) == (labels["scam"], labels["genuine"])


def test_no_sealed_batch_has_a_reading() -> None:
    assert not {r.batch for r in readings.load()} & sets.SEALED_BATCHES


def test_the_readme_totals_are_the_counts_added_up() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    text = " ".join(readme.split())
    read = readings.since(readings.load(), "fresh-17")
    totals = readings.running_totals(read)
    last, number = totals[-1], len(totals)
    words = {
        5: "five",
        6: "six",
        7: "seven",
        8: "eight",
        9: "nine",
        10: "ten",
        11: "eleven",
        12: "twelve",
        13: "thirteen",
        14: "fourteen",
        15: "fifteen",
        16: "sixteen",
        17: "seventeen",
        18: "eighteen",
        19: "nineteen",
        20: "twenty",
        21: "twenty-one",
        22: "twenty-two",
        23: "twenty-three",
        24: "twenty-four",
        25: "twenty-five",
        26: "twenty-six",
        27: "twenty-seven",
        28: "twenty-eight",
        29: "twenty-nine",
        30: "thirty",
        31: "thirty-one",
        32: "thirty-two",
        33: "thirty-three",
        34: "thirty-four",
        35: "thirty-five",
        36: "thirty-six",
        37: "thirty-seven",
        38: "thirty-eight",
        39: "thirty-nine",
        40: "forty",
        41: "forty-one",
        42: "forty-two",
        43: "forty-three",
        44: "forty-four",
        45: "forty-five",
        46: "forty-six",
        47: "forty-seven",
        48: "forty-eight",
        49: "forty-nine",
        50: "fifty",
        51: "fifty-one",
        52: "fifty-two",
    }
    share = last.shares()
    claim = (
        f"{words[number]} readings, {share['scams_some_or_more']:.1%} of {last.scams} scams"
        f' and {share["scams_strong"]:.1%} "strong"'
    )
    assert claim in text
    genuine = (
        f'{last.genuine} genuine messages {share["genuine_some"]:.1%} "some" and '
        f'{share["genuine_strong"]:.1%} "strong"'
    )
    assert genuine in text
    rounds = len({reading.round for reading in read})
    row = (
        f"| new batches at their one reading, {words[number]} batches in {words[rounds]} rounds "
        f"({last.scams} scams, {last.genuine} genuine) | {share['scams_some_or_more']:.1%} | "
        f"{share['scams_strong']:.1%} | {share['genuine_some']:.1%} | "
        f"{share['genuine_strong']:.1%} |"
    )
    assert row in readme


def test_running_totals_add_up() -> None:
    made = [
        readings.Reading("a", "first", readings.Counts(10, 8, 5, 10, 1, 0)),
        readings.Reading("b", "second", readings.Counts(20, 10, 5, 5, 0, 1)),
    ]
    first, second = readings.running_totals(made)
    assert first.shares()["scams_some_or_more"] == 0.8
    assert (second.scams, second.scams_some_or_more, second.scams_strong) == (30, 18, 10)
    assert (second.genuine, second.genuine_some, second.genuine_strong) == (15, 1, 1)


def test_counts_that_do_not_add_up_are_refused(tmp_path: Path) -> None:
    bad = {
        "readings": [
            {
                "batch": "x",
                "round": "first",
                "scams": 5,
                "scams_some_or_more": 3,
                "scams_strong": 4,
                "genuine": 2,
                "genuine_some": 0,
                "genuine_strong": 0,
            }
        ]
    }
    path = tmp_path / "readings.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="x: scam counts"):
        readings.load(path)


def test_the_script_prints_each_reading_and_its_totals(capsys: pytest.CaptureFixture[str]) -> None:
    assert readings.main(["--from", "fresh-17"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^fresh-17 ", out, re.M)
    assert "1 reading: " in out


def test_the_json_keeps_counts_and_shares_apart(capsys: pytest.CaptureFixture[str]) -> None:
    assert readings.main(["--from", "fresh-23", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)[0]
    assert (first["scams"], first["scams_some_or_more"]) == (19, 13)
    assert first["share_scams_some_or_more"] == pytest.approx(13 / 19)


def test_an_unknown_batch_is_a_clear_error() -> None:
    with pytest.raises(SystemExit, match="no reading of fresh-99"):
        readings.main(["--from", "fresh-99"])
