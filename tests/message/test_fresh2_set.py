"""The second fresh batch of real messages (``benchmarks/data/real-messages/fresh-2.jsonl``):
collected while the detector was tuned again, from pages that ``messages.jsonl``, ``fresh.jsonl``
and every ``extra-*.jsonl`` leave unused. These tests check the file itself and that the
evaluation script holds it out (figures only, same targets as the real test half); they never
analyse its messages, so running them tells nobody how the detector does on it."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import check_message_eval as evaluation
import message_sets as sets
from tests.message.records import (
    assert_pages_are_https,
    assert_record_shape,
    write_synthetic_batch,
)

#: Floors under the batch as collected (see the README's "Second fresh batch" section).
SCAMS_AT_LEAST = 20
GENUINE_AT_LEAST = 26
PAGES_AT_LEAST = 35


@pytest.fixture(scope="module")
def fresh2() -> list[dict[str, Any]]:
    return sets.load_fresh2()


@pytest.fixture(scope="module")
def others() -> dict[str, list[dict[str, Any]]]:
    """Every other real-message file, by name."""
    files = {"messages.jsonl": sets.REAL_FILE, "fresh.jsonl": sets.FRESH_FILE}
    files.update({path.name: path for path in sets.extra_files()})
    return {name: sets.load_real(path) for name, path in files.items()}


# --- the file ----------------------------------------------------------------------------------


def test_every_fresh2_record_has_the_schema(fresh2: list[dict[str, Any]]) -> None:
    for record in fresh2:
        assert_record_shape(record, {sets.FRESH2_SPLIT}, collected=("2026-12-02",))
        assert re.fullmatch(r"rm-[0-9a-f]{12}", record["id"]), record["id"]
        assert not re.search(r"[\[(]sic[\])]", record["text"], re.IGNORECASE), record["id"]


def test_every_fresh2_source_is_an_https_page(fresh2: list[dict[str, Any]]) -> None:
    for record in fresh2:
        assert_pages_are_https(record)


def test_no_fresh2_text_is_collected_twice(fresh2: list[dict[str, Any]]) -> None:
    ids = Counter(record["id"] for record in fresh2)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(sets.normalise(record["text"]) for record in fresh2)
    assert [t for t, n in texts.items() if n > 1] == []
    assert sets.near_duplicate_pairs(fresh2) == []


def test_the_other_files_are_all_compared(others: dict[str, list[dict[str, Any]]]) -> None:
    assert {"messages.jsonl", "fresh.jsonl"} <= set(others)
    assert any(name.startswith("extra-") for name in others)
    assert "fresh-2.jsonl" not in others
    assert all(records for records in others.values())


def test_the_second_batch_shares_no_page_with_another_file(
    fresh2: list[dict[str, Any]], others: dict[str, list[dict[str, Any]]]
) -> None:
    mine = {page for record in fresh2 for page in sets.record_pages(record)}
    for name, records in others.items():
        used = {page for record in records for page in sets.record_pages(record)}
        assert mine & used == set(), name


def test_the_second_batch_repeats_no_text_of_another_file(
    fresh2: list[dict[str, Any]], others: dict[str, list[dict[str, Any]]]
) -> None:
    for name, records in others.items():
        twins = [
            (fresh2[a]["id"], records[b]["id"])
            for a, b in sets.near_duplicates_between(fresh2, records)
        ]
        assert twins == [], name


def test_the_second_batch_is_large_and_varied(fresh2: list[dict[str, Any]]) -> None:
    labels = Counter(record["label"] for record in fresh2)
    assert labels["scam"] >= SCAMS_AT_LEAST
    assert labels["genuine"] >= GENUINE_AT_LEAST
    assert len({record["source"] for record in fresh2}) >= PAGES_AT_LEAST
    for label in sets.LABELS:
        kinds = {r["kind"] for r in fresh2 if r["label"] == label}
        families = {r["family"] for r in fresh2 if r["label"] == label}
        assert len(kinds) >= 3, label
        assert len(families) >= 5, label


def test_the_readme_documents_the_second_batch(fresh2: list[dict[str, Any]]) -> None:
    readme = (sets.REAL_DIR / "README.md").read_text(encoding="utf-8")
    assert "## Second fresh batch" in readme
    section = readme.split("## Second fresh batch", 1)[1]
    counts = Counter(record["label"] for record in fresh2)
    assert f"**{len(fresh2)} real messages**" in section
    assert f"**{counts['scam']} scams**" in section
    assert f"**{counts['genuine']} genuine" in section


# --- the evaluation script holds the batch out ---------------------------------------------------


def test_fresh2_misses_are_never_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fresh-2.jsonl"
    rows = write_synthetic_batch(
        path,
        split=sets.FRESH2_SPLIT,
        collected="2026-12-02",
        opening="Second batch message",
        families=("parking-fine", "genuine-council"),
    )
    monkeypatch.setattr(sets, "FRESH2_FILE", path)
    assert evaluation.main(["--set", "fresh-2", "--show-misses", "100"]) == 0
    out = capsys.readouterr().out
    assert "fresh-2 (fresh-2)" in out and "6 messages (3 scam, 3 genuine)" in out
    assert "misses of the second fresh batch are never shown" in out
    for row in rows:
        assert row["id"] not in out
        assert "Second batch message" not in out


def test_fresh2_json_output_holds_figures_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "fresh-2.jsonl"
    rows = write_synthetic_batch(
        path,
        split=sets.FRESH2_SPLIT,
        collected="2026-12-02",
        opening="Second batch message",
        families=("parking-fine", "genuine-council"),
    )
    monkeypatch.setattr(sets, "FRESH2_FILE", path)
    assert evaluation.main(["--set", "fresh-2", "--json", "--show-misses", "100"]) == 0
    out = capsys.readouterr().out
    assert '"fresh-2"' in out
    for row in rows:
        assert row["id"] not in out
        assert "Second batch message" not in out


def test_fresh2_is_in_the_default_run_and_never_in_a_dev_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fresh-2.jsonl"
    write_synthetic_batch(
        path,
        split=sets.FRESH2_SPLIT,
        collected="2026-12-02",
        opening="Second batch message",
        families=("parking-fine", "genuine-council"),
    )
    monkeypatch.setattr(sets, "FRESH2_FILE", path)
    assert "fresh-2" in evaluation._names(None)
    assert "fresh-2" in evaluation._names(["all"])
    names = ["fresh-2"]
    expected = [("fresh-2", "fresh-2")]
    assert [(n, h) for n, h, _ in evaluation.collect(names, "all", None)] == expected
    assert [(n, h) for n, h, _ in evaluation.collect(names, "test", None)] == expected
    assert evaluation.collect(names, "dev", None) == []


def test_check_applies_the_real_targets_to_the_second_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "fresh-2.jsonl"
    rows = write_synthetic_batch(
        path,
        split=sets.FRESH2_SPLIT,
        collected="2026-12-02",
        opening="Second batch message",
        families=("parking-fine", "genuine-council"),
    )
    samples = sets.fresh_samples(rows, "fresh-2")
    report = evaluation.SetReport("fresh-2", sets.FRESH2_SPLIT)
    assert report.held_out and not report.headline
    # every scam missed, every genuine message warned about: all four targets fail
    genuine_levels = iter(["strong", "some", "strong"])
    report.outcomes = [
        evaluation.Outcome(s, "none" if s.label == "scam" else next(genuine_levels), 0, ())
        for s in samples
    ]
    results = evaluation.target_results([report])
    real_targets = {(t[1], t[2]) for t in evaluation.TARGETS if t[0] == "real"}
    assert {(r["label"], r["measure"]) for r in results} == real_targets
    assert all(r["set"] == "fresh-2" and not r["met"] for r in results)
    report.outcomes = [
        evaluation.Outcome(s, "strong" if s.label == "scam" else "none", 0, ()) for s in samples
    ]
    assert all(r["met"] for r in evaluation.target_results([report]))
