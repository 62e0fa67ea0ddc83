"""The third fresh batch of real messages (``benchmarks/data/real-messages/fresh-3.jsonl``):
collected when the first fresh batch moved to development, from pages that no other
real-message file uses. These tests check the file itself and that the evaluation script holds it
out (figures only, same targets as the real test half); they never analyse its messages, so
running them tells nobody how the detector does on it."""

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

#: Floors under the batch as collected (see the README's "Third fresh batch" section).
SCAMS_AT_LEAST = 27
GENUINE_AT_LEAST = 30
PAGES_AT_LEAST = 53


@pytest.fixture(scope="module")
def fresh3() -> list[dict[str, Any]]:
    return sets.load_fresh3()


@pytest.fixture(scope="module")
def others() -> dict[str, list[dict[str, Any]]]:
    """Every other real-message file in the data folder, by name (so a file added later is
    compared too)."""
    paths = sorted(sets.REAL_DIR.glob("*.jsonl"))
    return {p.name: sets.load_real(p) for p in paths if p.name != sets.FRESH3_FILE.name}


# --- the file ----------------------------------------------------------------------------------


def test_every_fresh3_record_has_the_schema(fresh3: list[dict[str, Any]]) -> None:
    assert fresh3
    for record in fresh3:
        assert_record_shape(record, {sets.FRESH3_SPLIT}, collected=("2026-12-02",))
        assert re.fullmatch(r"rm-[0-9a-f]{12}", record["id"]), record["id"]
        assert not re.search(r"[\[(]sic[\])]", record["text"], re.IGNORECASE), record["id"]


def test_every_fresh3_source_is_an_https_page(fresh3: list[dict[str, Any]]) -> None:
    for record in fresh3:
        assert_pages_are_https(record)


def test_no_fresh3_text_is_collected_twice(fresh3: list[dict[str, Any]]) -> None:
    ids = Counter(record["id"] for record in fresh3)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(sets.normalise(record["text"]) for record in fresh3)
    assert [t for t, n in texts.items() if n > 1] == []
    assert sets.near_duplicate_pairs(fresh3) == []


def test_the_other_files_are_all_compared(others: dict[str, list[dict[str, Any]]]) -> None:
    assert {"messages.jsonl", "fresh.jsonl", "fresh-2.jsonl"} <= set(others)
    assert any(name.startswith("extra-") for name in others)
    assert "fresh-3.jsonl" not in others
    assert all(records for records in others.values())


def test_the_third_batch_shares_no_page_with_another_file(
    fresh3: list[dict[str, Any]], others: dict[str, list[dict[str, Any]]]
) -> None:
    mine = {page for record in fresh3 for page in sets.record_pages(record)}
    for name, records in others.items():
        used = {page for record in records for page in sets.record_pages(record)}
        assert mine & used == set(), name


def test_the_third_batch_repeats_no_text_of_another_file(
    fresh3: list[dict[str, Any]], others: dict[str, list[dict[str, Any]]]
) -> None:
    for name, records in others.items():
        twins = [
            (fresh3[a]["id"], records[b]["id"])
            for a, b in sets.near_duplicates_between(fresh3, records)
        ]
        assert twins == [], name


def test_the_third_batch_is_large_and_varied(fresh3: list[dict[str, Any]]) -> None:
    labels = Counter(record["label"] for record in fresh3)
    assert labels["scam"] >= SCAMS_AT_LEAST
    assert labels["genuine"] >= GENUINE_AT_LEAST
    assert len({record["source"] for record in fresh3}) >= PAGES_AT_LEAST
    for label in sets.LABELS:
        kinds = {r["kind"] for r in fresh3 if r["label"] == label}
        families = {r["family"] for r in fresh3 if r["label"] == label}
        assert len(kinds) >= 3, label
        assert len(families) >= 5, label


def test_the_readme_documents_the_third_batch(fresh3: list[dict[str, Any]]) -> None:
    readme = (sets.REAL_DIR / "README.md").read_text(encoding="utf-8")
    assert "## Third fresh batch" in readme
    section = readme.split("## Third fresh batch", 1)[1].split("\n## ", 1)[0]
    counts = Counter(record["label"] for record in fresh3)
    assert f"**{len(fresh3)} real messages**" in section
    assert f"**{counts['scam']} scams**" in section
    assert f"**{counts['genuine']} genuine" in section


# --- the evaluation script holds the batch out ---------------------------------------------------


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Six made-up records in place of the batch (the real one is never analysed here)."""
    path = tmp_path / "fresh-3.jsonl"
    rows = write_synthetic_batch(
        path,
        split=sets.FRESH3_SPLIT,
        collected="2026-12-02",
        opening="Third batch message",
        families=("jury-service", "genuine-police-warning"),
    )
    monkeypatch.setattr(sets, "FRESH3_FILE", path)
    return rows


def test_fresh3_misses_are_never_printed(
    synthetic: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluation.main(["--set", "fresh-3", "--show-misses", "100"]) == 0
    out = capsys.readouterr().out
    assert "fresh-3 (fresh-3)" in out and "6 messages (3 scam, 3 genuine)" in out
    assert "misses of the third fresh batch are never shown" in out
    for row in synthetic:
        assert row["id"] not in out
    assert "Third batch message" not in out


def test_fresh3_json_output_holds_figures_only(
    synthetic: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluation.main(["--set", "fresh-3", "--json", "--show-misses", "100"]) == 0
    out = capsys.readouterr().out
    assert '"fresh-3"' in out
    for row in synthetic:
        assert row["id"] not in out
    assert "Third batch message" not in out


def test_fresh3_is_in_the_default_run_and_never_in_a_dev_run(
    synthetic: list[dict[str, Any]],
) -> None:
    assert "fresh-3" in evaluation._names(None)
    assert "fresh-3" in evaluation._names(["all"])
    names = ["fresh-3"]
    expected = [("fresh-3", "fresh-3")]
    assert [(n, h) for n, h, _ in evaluation.collect(names, "all", None)] == expected
    assert [(n, h) for n, h, _ in evaluation.collect(names, "test", None)] == expected
    assert evaluation.collect(names, "dev", None) == []
    assert sets.FRESH3_SPLIT in evaluation.HELD_OUT


def test_check_applies_the_real_targets_to_the_third_batch(
    synthetic: list[dict[str, Any]],
) -> None:
    samples = sets.fresh_samples(synthetic, "fresh-3")
    report = evaluation.SetReport("fresh-3", sets.FRESH3_SPLIT)
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
    assert all(r["set"] == "fresh-3" and not r["met"] for r in results)
    report.outcomes = [
        evaluation.Outcome(s, "strong" if s.label == "scam" else "none", 0, ()) for s in samples
    ]
    assert all(r["met"] for r in evaluation.target_results([report]))
