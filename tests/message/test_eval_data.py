"""The measuring sets of check-message: the real-message file, its fixed dev/test split, the
corpus split rule (on a small synthetic corpus, so no test needs /work/shared) and the evaluation
script's promise to print only figures for test halves."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import check_message_eval as evaluation
import message_sets as sets
from tests.message.records import assert_no_repeats, assert_pages_are_https, assert_record_shape


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    return sets.load_real()


# --- the real-message file --------------------------------------------------------------------


def test_every_record_has_the_schema(records: list[dict[str, Any]]) -> None:
    for record in records:
        assert_record_shape(record, sets.SPLITS)


def test_every_source_is_an_https_page(records: list[dict[str, Any]]) -> None:
    for record in records:
        assert_pages_are_https(record)


def test_no_text_is_collected_twice(records: list[dict[str, Any]]) -> None:
    assert_no_repeats(records)


def test_no_editorial_marks_were_left_in_quotes(records: list[dict[str, Any]]) -> None:
    for record in records:
        assert not re.search(r"[\[(]sic[\])]", record["text"], re.IGNORECASE), record["id"]


def test_the_set_is_as_large_as_the_issue_asks(records: list[dict[str, Any]]) -> None:
    labels = Counter(record["label"] for record in records)
    assert labels["scam"] >= 230
    assert labels["genuine"] >= 120
    pages = {record["source"] for record in records}
    assert len(pages) >= 60
    for half in sets.SPLITS:
        half_pages = {r["source"] for r in records if r["split"] == half}
        assert len(half_pages) >= 30, half


def test_dev_and_test_share_no_page(records: list[dict[str, Any]]) -> None:
    pages: dict[str, set[str]] = {half: set() for half in sets.SPLITS}
    for record in records:
        pages[record["split"]].update(sets.record_pages(record))
    assert pages["dev"] & pages["test"] == set()


def test_dev_and_test_share_no_near_duplicate(records: list[dict[str, Any]]) -> None:
    crossing = [
        (records[a]["id"], records[b]["id"])
        for a, b in sets.near_duplicate_pairs(records)
        if records[a]["split"] != records[b]["split"]
    ]
    assert crossing == []


def test_the_stored_split_follows_the_rule(records: list[dict[str, Any]]) -> None:
    """The split is fixed once: the file's halves are what the documented rule deals. (Appending
    to the file would re-deal them; fresh batches go to a new file.)"""
    groups = sets.source_groups(records)
    halves = sets.assign_real_splits(records)
    for record in records:
        assert record["split"] == halves[groups[record["source"]]], record["id"]


def test_the_halves_are_balanced(records: list[dict[str, Any]]) -> None:
    counts = Counter((record["label"], record["split"]) for record in records)
    for label in sets.LABELS:
        assert abs(counts[(label, "dev")] - counts[(label, "test")]) <= 3, label
    kinds = Counter((r["label"], r["kind"], r["split"]) for r in records)
    for label, kind, _ in kinds:
        dev, test = kinds[(label, kind, "dev")], kinds[(label, kind, "test")]
        assert abs(dev - test) <= max(3, (dev + test) // 5), (label, kind)


def test_splitting_is_deterministic_and_by_whole_groups() -> None:
    made_up = [
        {"text": "ROYAL MAIL: pay £1.99 now", "label": "scam", "kind": "sms", "family": "a"},
        {"text": "ROYAL MAIL: pay £2.99 now", "label": "scam", "kind": "sms", "family": "a"},
        {"text": "Your GP appointment is on Monday", "label": "genuine", "kind": "sms"},
        {"text": "Hi mum, my phone broke, save this number", "label": "scam", "kind": "sms"},
    ]
    for number, record in enumerate(made_up):
        record.setdefault("family", "b")
        record["source"] = f"https://example.org/{number}"
        record["also_sources"] = []
    made_up[3]["also_sources"] = [{"url": "https://example.org/2", "title": "t"}]
    groups = sets.source_groups(made_up)
    assert groups["https://example.org/0"] == groups["https://example.org/1"]  # near twins
    assert groups["https://example.org/2"] == groups["https://example.org/3"]  # shared quote
    first = sets.assign_real_splits(made_up)
    assert first == sets.assign_real_splits(list(reversed(made_up)))
    assert set(first) == {"https://example.org/0", "https://example.org/2"}


def test_the_readme_forbids_tuning_on_the_test_half() -> None:
    readme = (sets.REAL_DIR / "README.md").read_text(encoding="utf-8")
    assert "never used for tuning" in readme
    assert sets.REAL_SPLIT_SEED in readme


# --- the public corpora: split rule, on a synthetic sample ------------------------------------


def _write_corpora(folder: Path, size: int = 120) -> dict[str, list[dict[str, str]]]:
    items = {
        "mendeley": [
            {"text": f"Hello {n}, your parcel fee is due", "label": label}
            for n, label in zip(range(size), ["ham", "smishing", "spam"] * size, strict=False)
        ],
        "uci": [{"text": f"See you at {n} o'clock", "label": "ham"} for n in range(size)],
        "spamassassin": [
            {"text": f"Subject: minutes {n}\n\nNotes attached.", "label": "ham"}
            for n in range(size)
        ],
    }
    for name, rows in items.items():
        path = folder / sets.CORPORA[name][0]
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return items


def test_corpus_split_pins_the_documented_rule() -> None:
    for text in ("", "Hi", "URGENT! You have won £1000", "ham ham"):
        digest = hashlib.sha256(f"{sets.CORPUS_SPLIT_SEED}\n{text}".encode()).hexdigest()
        expected = "test" if int(digest[:8], 16) % 2 == 0 else "dev"
        assert sets.corpus_split(text) == expected


def test_corpus_split_is_by_text_and_roughly_even(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write_corpora(tmp_path)
    monkeypatch.setenv("SOCHELP_CORPORA_DIR", str(tmp_path))
    folder = sets.corpora_dir()
    assert folder == tmp_path
    samples = sets.load_corpus("mendeley", folder)
    assert len(samples) == 120
    assert Counter(s.label for s in samples) == {"genuine": 40, "scam": 40, "spam": 40}
    halves = Counter(s.split for s in samples)
    assert 0.3 <= halves["test"] / len(samples) <= 0.7
    assert [s.split for s in samples] == [s.split for s in sets.load_corpus("mendeley", folder)]
    only_test = sets.load_corpus("mendeley", folder, split="test")
    assert {s.id for s in only_test} == {s.id for s in samples if s.split == "test"}
    # a duplicated text always lands in the half of its twin
    assert sets.corpus_split(samples[0].text) == samples[0].split


def test_corpus_split_summary_notices_a_changed_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = _write_corpora(tmp_path)
    before = sets.corpus_split_summary(sets.load_corpus("uci", tmp_path))
    assert sum(before["counts"].values()) == 120
    rows = items["uci"]
    test_row = next(r for r in rows if sets.corpus_split(r["text"]) == "test")
    test_row["text"] += " (edited)"
    path = tmp_path / sets.CORPORA["uci"][0]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    after = sets.corpus_split_summary(sets.load_corpus("uci", tmp_path))
    assert after["test_digest"] != before["test_digest"]


def test_missing_corpora_are_reported_not_guessed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOCHELP_CORPORA_DIR", str(tmp_path / "nowhere"))
    assert sets.corpora_dir() is None
    assert evaluation.main(["--set", "mendeley"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sochelp: ") and "SOCHELP_CORPORA_DIR" in err


def test_the_committed_corpus_split_matches_the_rule() -> None:
    data = sets.load_corpus_splits_file()
    assert data["seed"] == sets.CORPUS_SPLIT_SEED
    assert set(data["corpora"]) == set(sets.CORPORA)
    # sizes of the corpora as documented in /work/shared/data/messages/README.md
    sizes = {"mendeley": 5504, "uci": 157, "spamassassin": 4461}
    for name, entry in data["corpora"].items():
        assert entry["file"] == sets.CORPORA[name][0]
        assert sum(entry["counts"].values()) == sizes[name]
        test = sum(n for key, n in entry["counts"].items() if key.startswith("test:"))
        assert 0.4 <= test / sizes[name] <= 0.6
        assert re.fullmatch(r"[0-9a-f]{64}", entry["test_digest"])


# --- the evaluation script ---------------------------------------------------------------------


def test_the_script_reports_synthetic_corpora_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_corpora(tmp_path, size=30)
    monkeypatch.setenv("SOCHELP_CORPORA_DIR", str(tmp_path))
    assert evaluation.main(["--set", "corpora", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    seen = {(entry["set"], entry["split"]): entry for entry in report["sets"]}
    assert set(seen) == {(name, half) for name in sets.CORPORA for half in ("test", "dev")}
    mendeley = [seen[("mendeley", h)]["figures"] for h in ("test", "dev")]
    assert sum(f["scam"]["all"]["n"] for f in mendeley) == 10
    assert sum(f["spam"]["all"]["n"] for f in mendeley) == 10  # marketing kept apart
    assert sum(f["genuine"]["all"]["n"] for f in mendeley) == 10
    for entry in report["sets"]:
        for label in entry["figures"].values():
            shares = label["all"]
            assert shares["none"] + shares["some"] + shares["strong"] == pytest.approx(1.0)


def test_misses_of_test_halves_are_never_printed(
    records: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluation.main(["--set", "real", "--show-misses", "10000"]) == 0
    out = capsys.readouterr().out
    assert "HEADLINE" in out
    printed = " ".join(out.split())
    dev_ids = [r["id"] for r in records if r["split"] == "dev"]
    test_ids = [r["id"] for r in records if r["split"] == "test"]
    assert any(i in printed for i in dev_ids)
    assert not any(i in printed for i in test_ids)
    for record in records:
        if record["split"] == "test" and len(record["text"]) > 40:
            assert " ".join(record["text"].split())[:40] not in printed, record["id"]


def test_printed_misses_cannot_drive_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Labelled genuine: terminal codes make check-message warn, so these are false alarms.
    hostile = [
        {"text": f"Hello {n} \x1b[2J\x1b]0;owned\x07 friend \u202eevil\u200b", "label": "ham"}
        for n in range(40)
    ]
    path = tmp_path / sets.CORPORA["mendeley"][0]
    path.write_text("".join(json.dumps(row) + "\n" for row in hostile), encoding="utf-8")
    monkeypatch.setenv("SOCHELP_CORPORA_DIR", str(tmp_path))
    assert evaluation.main(["--set", "mendeley", "--split", "dev", "--show-misses", "50"]) == 0
    out = capsys.readouterr().out
    assert "false alarms in mendeley (dev): " in out
    assert "false alarms in mendeley (dev): 0" not in out
    assert "\\u001b" in out and "\\u202e" in out
    for character in ("\x1b", "\x07", "\u202e", "\u200b"):
        assert character not in out


def test_label_corrections_are_documented_and_move_nothing(records: list[dict[str, Any]]) -> None:
    """A label corrected after the split keeps its half: the split is dealt with the label it
    had then, and each correction is explained in the data README."""
    by_id = {record["id"]: record for record in records}
    readme = (sets.REAL_DIR / "README.md").read_text(encoding="utf-8")
    assert sets.LABELS_AT_SPLIT
    for message_id, (label, family) in sets.LABELS_AT_SPLIT.items():
        record = by_id[message_id]
        assert (record["label"], record["family"]) != (label, family)
        assert record["also_sources"], "the page behind the correction is recorded"
        assert f"`{message_id}`" in readme.split("### Corrections", 1)[1]
