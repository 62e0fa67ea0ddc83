"""The extra dev sets of real messages (``benchmarks/data/real-messages/extra-*.jsonl``): more
messages to tune on, collected after the fresh batch from pages no other file uses. Tuning on them
is allowed, so what these tests guard is that nothing held out leaks in: no page of the real set
or the fresh batch, and no text that is (or nearly is) a test-half or fresh text."""

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
from tests.message.records import assert_pages_are_https, assert_record_shape

#: The days the extra sets were collected on.
COLLECTED = ("2026-12-02", "2026-12-05", "2026-12-06")


@pytest.fixture(scope="module")
def extra() -> list[dict[str, Any]]:
    return sets.load_extra()


@pytest.fixture(scope="module")
def held_elsewhere() -> list[dict[str, Any]]:
    """Every record of the other two files: the real set (both halves) and the fresh batch."""
    return sets.load_real() + sets.load_fresh()


def test_there_is_at_least_one_extra_file() -> None:
    assert sets.extra_files(), "no extra-*.jsonl in benchmarks/data/real-messages/"


def test_every_extra_record_has_the_schema(extra: list[dict[str, Any]]) -> None:
    assert extra
    for record in extra:
        assert_record_shape(record, {sets.EXTRA_SPLIT}, COLLECTED)
        assert re.fullmatch(r"rm-[0-9a-f]{12}", record["id"]), record["id"]
        assert not re.search(r"[\[(]sic[\])]", record["text"], re.IGNORECASE), record["id"]
        assert_pages_are_https(record)


def test_no_extra_text_is_collected_twice(extra: list[dict[str, Any]]) -> None:
    ids = Counter(record["id"] for record in extra)
    assert [i for i, n in ids.items() if n > 1] == []
    assert sets.near_duplicate_pairs(extra) == []


def test_the_extra_sets_share_no_page_with_the_other_files(
    extra: list[dict[str, Any]], held_elsewhere: list[dict[str, Any]]
) -> None:
    used = {page for record in held_elsewhere for page in sets.record_pages(record)}
    shared = {page for record in extra for page in sets.record_pages(record)} & used
    assert shared == set()


def test_the_extra_sets_repeat_no_text_of_the_other_files(
    extra: list[dict[str, Any]], held_elsewhere: list[dict[str, Any]]
) -> None:
    twins = sets.near_duplicates_between(extra, held_elsewhere)
    assert [(extra[a]["id"], held_elsewhere[b]["id"]) for a, b in twins] == []


def test_the_evaluation_measures_the_extra_sets_as_dev_only() -> None:
    jobs = evaluation.collect(["extra"], "dev", None)
    assert [(name, half) for name, half, _ in jobs] == [("extra", "dev")]
    assert len(jobs[0][2]) == len(sets.load_extra())
    assert evaluation.collect(["extra"], "test", None) == []
