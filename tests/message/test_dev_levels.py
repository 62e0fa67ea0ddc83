"""benchmarks/dev_levels.py: development levels before and after a change, compared."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import check_message_eval as evaluation
import dev_levels


def _entry(label: str, level: str) -> dict[str, Any]:
    return {"label": label, "level": level, "score": 0, "signs": []}


def test_moves_tell_the_right_way_from_the_wrong_way() -> None:
    before = {
        "a/1": _entry("scam", "none"),
        "a/2": _entry("genuine", "some"),
        "a/3": _entry("scam", "strong"),
        "a/4": _entry("spam", "some"),
        "a/5": _entry("genuine", "none"),
    }
    after = {
        "a/1": _entry("scam", "some"),
        "a/2": _entry("genuine", "none"),
        "a/3": _entry("scam", "some"),
        "a/4": _entry("spam", "strong"),
        "a/5": _entry("genuine", "none"),
    }
    assert dev_levels.moves(before, after) == [
        ("a/1", "scam", "none", "some", True),
        ("a/2", "genuine", "some", "none", True),
        ("a/3", "scam", "strong", "some", False),
        ("a/4", "spam", "some", "strong", None),
    ]


def test_the_dump_asks_for_development_messages_only(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def collect(names: list[str], split: str, corpora: Path | None) -> list[Any]:
        asked.append(split)
        return []

    monkeypatch.setattr(evaluation, "collect", collect)
    assert dev_levels.dump(None) == {}
    assert asked == ["dev"]


def test_compare_prints_each_move_and_the_count(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    before.write_text(json.dumps({"a/1": _entry("scam", "none"), "a/2": _entry("genuine", "some")}))
    after.write_text(
        json.dumps({"a/1": _entry("scam", "strong"), "a/2": _entry("genuine", "some")})
    )
    assert dev_levels.main(["compare", str(before), str(after)]) == 0
    out = capsys.readouterr().out
    assert "right  a/1 (scam) none -> strong" in out
    assert "1 of 2 development messages moved, 0 the wrong way" in out
