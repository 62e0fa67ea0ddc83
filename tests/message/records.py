"""Checks shared by the tests of the real-message files (``messages.jsonl``, the fresh batches and
the extra sets): one record's fields, its source pages, no repeats, and made-up held-out batches."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Collection
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import message_sets as sets


def is_https(address: str) -> bool:
    """A whole ``https://`` address with a host and no spaces."""
    parts = urlsplit(address)
    return parts.scheme == "https" and bool(parts.netloc) and " " not in address


def assert_record_shape(
    record: dict[str, Any], splits: Collection[str], collected: Collection[str] = ("2026-12-01",)
) -> None:
    """Every field present and well formed; the split one of ``splits`` and the collection date
    one of ``collected``."""
    where = record.get("id")
    assert set(record) == sets.RECORD_FIELDS, where
    assert record["id"] == sets.message_id(record["text"]), where
    assert isinstance(record["text"], str) and record["text"].strip(), where
    assert record["label"] in sets.LABELS, where
    assert record["kind"] in sets.KINDS, where
    assert (
        sets.FAMILY_TAG.fullmatch(record["family"])
        and len(record["family"]) <= sets.MAX_FAMILY_LENGTH
    ), where
    assert record["family"].startswith("genuine-") == (record["label"] == "genuine"), where
    sender = record["claimed_sender"]
    assert sender is None or (isinstance(sender, str) and sender.strip()), where
    assert isinstance(record["source_title"], str) and record["source_title"].strip(), where
    assert record["collected"] in collected, where
    assert record["split"] in splits, where


def assert_pages_are_https(record: dict[str, Any]) -> None:
    """The source and every other page quoting the text are distinct ``https://`` pages."""
    assert is_https(record["source"]), record["id"]
    assert isinstance(record["also_sources"], list), record["id"]
    for other in record["also_sources"]:
        assert set(other) == {"url", "title"}, record["id"]
        assert is_https(other["url"]), record["id"]
        assert other["url"] != record["source"], record["id"]


def assert_no_repeats(records: list[dict[str, Any]]) -> None:
    """No id, and no text once normalised (``message_sets.normalise``), comes twice."""
    ids = Counter(record["id"] for record in records)
    assert [i for i, n in ids.items() if n > 1] == []
    texts = Counter(sets.normalise(record["text"]) for record in records)
    assert [t for t, n in texts.items() if n > 1] == []


def write_synthetic_batch(
    path: Path, *, split: str, collected: str, opening: str, families: tuple[str, str]
) -> list[dict[str, Any]]:
    """Six made-up records of a held-out batch (scam, genuine, ...), each text starting with
    ``opening`` and carrying terminal codes, written to ``path`` as JSON lines: for testing that
    the evaluation never prints a held-out message."""
    rows = []
    for number in range(6):
        scam = number % 2 == 0
        text = f"{opening} {number} \x1b[2J about a parcel \u202e fee"
        rows.append(
            {
                "id": sets.message_id(text),
                "text": text,
                "label": "scam" if scam else "genuine",
                "kind": "sms",
                "family": families[0] if scam else families[1],
                "claimed_sender": None,
                "source": f"https://example.org/{split}/{number}",
                "source_title": "t",
                "also_sources": [],
                "collected": collected,
                "split": split,
            }
        )
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return rows
