"""The fresh batch of real messages (``benchmarks/data/real-messages/fresh.jsonl``): collected
after the detector was tuned, from pages the real-message set does not use. Held out until the
third round, development data since: these tests check the file itself and that the evaluation
script now reports it as development data (misses shown, no targets)."""

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
    assert_no_repeats,
    assert_pages_are_https,
    assert_record_shape,
    write_synthetic_batch,
)

#: Floors under the batch as collected (see the README's "Fresh batch" section).
SCAMS_AT_LEAST = 65
GENUINE_AT_LEAST = 40
PAGES_AT_LEAST = 90


@pytest.fixture(scope="module")
def fresh() -> list[dict[str, Any]]:
    return sets.load_fresh()


@pytest.fixture(scope="module")
def real() -> list[dict[str, Any]]:
    return sets.load_real()


# --- the file ----------------------------------------------------------------------------------


def test_every_fresh_record_has_the_schema(fresh: list[dict[str, Any]]) -> None:
    for record in fresh:
        assert_record_shape(record, {sets.FRESH_SPLIT})
        assert re.fullmatch(r"rm-[0-9a-f]{12}", record["id"]), record["id"]
        assert not re.search(r"[\[(]sic[\])]", record["text"], re.IGNORECASE), record["id"]


def test_every_fresh_source_is_an_https_page(fresh: list[dict[str, Any]]) -> None:
    for record in fresh:
        assert_pages_are_https(record)


def test_no_fresh_text_is_collected_twice(fresh: list[dict[str, Any]]) -> None:
    assert_no_repeats(fresh)
    assert sets.near_duplicate_pairs(fresh) == []


def test_the_fresh_batch_shares_no_page_with_the_real_set(
    fresh: list[dict[str, Any]], real: list[dict[str, Any]]
) -> None:
    used = {page for record in real for page in sets.record_pages(record)}
    shared = {page for record in fresh for page in sets.record_pages(record)} & used
    assert shared == set()


def test_the_fresh_batch_repeats_no_real_text(
    fresh: list[dict[str, Any]], real: list[dict[str, Any]]
) -> None:
    twins = [(fresh[a]["id"], real[b]["id"]) for a, b in sets.near_duplicates_between(fresh, real)]
    assert twins == []


def test_the_fresh_batch_is_large_and_varied(fresh: list[dict[str, Any]]) -> None:
    labels = Counter(record["label"] for record in fresh)
    assert labels["scam"] >= SCAMS_AT_LEAST
    assert labels["genuine"] >= GENUINE_AT_LEAST
    assert len({record["source"] for record in fresh}) >= PAGES_AT_LEAST
    for label in sets.LABELS:
        kinds = {r["kind"] for r in fresh if r["label"] == label}
        families = {r["family"] for r in fresh if r["label"] == label}
        assert len(kinds) >= 3, label
        assert len(families) >= 5, label


def test_the_readme_documents_the_fresh_batch(fresh: list[dict[str, Any]]) -> None:
    readme = (sets.REAL_DIR / "README.md").read_text(encoding="utf-8")
    assert "## Fresh batch" in readme
    counts = Counter(record["label"] for record in fresh)
    assert f"**{len(fresh)} real messages**" in readme
    assert f"**{counts['scam']} scams**" in readme
    assert f"**{counts['genuine']} genuine" in readme


# --- the near-duplicate rule between sets -------------------------------------------------------


def test_near_duplicates_between_sets_catch_variants_and_cut_quotes() -> None:
    real = [
        {"text": "ROYAL MAIL: Your parcel has a £2.99 shipping fee, pay now via the link."},
        {"text": "Hello mum, my phone just broke. Save this new number please"},
    ]
    fresh = [
        {"text": "EVRI: Your parcel has a £1.99 shipping fee, pay now via the link."},
        {"text": "my phone just broke"},  # a shorter cut of the same quote
        {"text": "Your GP appointment is on Monday at 10:40. Reply CANCEL to cancel."},
    ]
    assert sets.near_duplicates_between(fresh, real) == [(0, 0), (1, 1)]


# --- the batch is development data since the third round ----------------------------------------


@pytest.fixture
def synthetic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Six made-up records in place of the batch."""
    path = tmp_path / "fresh.jsonl"
    rows = write_synthetic_batch(
        path,
        split=sets.FRESH_SPLIT,
        collected="2026-12-01",
        opening="Fresh message",
        families=("parcel-fee", "genuine-courier"),
    )
    monkeypatch.setitem(sets.BATCH_FILES, "fresh", path)
    return rows


def test_fresh_misses_may_be_printed_now_that_it_is_development_data(
    synthetic: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    evaluation.main(["--set", "fresh", "--split", "dev", "--show-misses", "100"])
    out = capsys.readouterr().out
    assert "fresh (dev)" in out and "6 messages (3 scam, 3 genuine)" in out
    assert "missed scams in fresh (dev)" in out
    assert "never shown" not in out
    assert all(sample.split == "dev" for sample in sets.fresh_samples(synthetic))


def test_fresh_is_in_a_dev_run_and_never_beside_the_test_halves(
    synthetic: list[dict[str, Any]],
) -> None:
    assert "fresh" in evaluation._names(None)
    assert "fresh" in evaluation._names(["all"])
    names = ["fresh"]
    assert [(n, h) for n, h, _ in evaluation.collect(names, "all", None)] == [("fresh", "dev")]
    assert [(n, h) for n, h, _ in evaluation.collect(names, "dev", None)] == [("fresh", "dev")]
    assert evaluation.collect(names, "test", None) == []


def test_no_target_is_checked_on_the_fresh_batch_any_more() -> None:
    assert not [target for target in evaluation.TARGETS if target[0] == "fresh"]
    assert "fresh" not in sets.FRESH_BATCHES and "fresh" in sets.DEV_BATCHES
    report = evaluation.SetReport("fresh", "dev")
    assert not report.held_out and not report.headline
