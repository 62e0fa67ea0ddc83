"""A saved check-up of an unexpected shape is moved aside with a notice, as the quiz's is, and
never written over; and the three-way merges saves are built on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sochelp.session.merge import merge_lists, merge_mappings
from tests.conftest import run_cli

SHAPES = {
    "data-is-a-list": {"version": 1, "data": []},
    "audiences-is-a-list": {"version": 1, "data": {"audiences": []}},
    "audience-is-text": {"version": 1, "data": {"audiences": {"individual": "done"}}},
    "answers-is-a-list": {
        "version": 1,
        "data": {"audiences": {"individual": {"unfinished": {"answers": ["yes"]}}}},
    },
    "history-entry-without-date": {
        "version": 1,
        "data": {"audiences": {"individual": {"history": [{"answers": {}}]}}},
    },
    "no-version": {"data": {"audiences": {}}},
    "not-json": "{'audiences': {}}",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_an_unexpected_checkup_file_is_moved_aside_with_a_notice(
    _isolated_user_files: Path, shape: str
) -> None:
    path = _isolated_user_files / "checkup.json"
    body = SHAPES[shape]
    text = body if isinstance(body, str) else json.dumps(body)
    path.write_text(text, encoding="utf-8")
    done = run_cli(["checkup", "individual"], input="y\nq\n")
    assert done.exit_code == 0, done.stderr
    aside = sorted(_isolated_user_files.glob("checkup.*-*.json"))
    assert len(aside) == 1 and aside[0].read_text(encoding="utf-8") == text  # kept whole
    assert f"moved to {aside[0]}" in done.stderr and done.stderr.startswith("sochelp: ")
    saved = json.loads(path.read_text(encoding="utf-8"))  # a new file, with the new answer
    assert list(saved["data"]["audiences"]["individual"]["unfinished"]["answers"].values()) == [
        "yes"
    ]


def test_merge_lists_keeps_both_sessions_and_replaces_only_its_own() -> None:
    base = ["old", "mine-v1"]
    mine = ["old", "mine-v2"]  # replaced its own entry
    theirs = ["old", "mine-v1", "theirs"]  # another session added one meanwhile
    assert merge_lists(base, mine, theirs) == ["old", "theirs", "mine-v2"]
    assert merge_lists([], ["a"], ["a"]) == ["a", "a"]  # two equal entries are two entries
    assert merge_lists(["x"], [], ["x", "y"]) == ["y"]  # a removal removes once


def test_merge_mappings_key_by_key() -> None:
    base = {"same": 1, "mine": 1, "theirs": 1, "both": 1, "gone-here": 1, "gone-there": 1}
    mine = {"same": 1, "mine": 2, "theirs": 1, "both": 2, "gone-there": 2, "new-here": 1}
    theirs = {"same": 1, "mine": 1, "theirs": 3, "both": 3, "gone-here": 1, "new-there": 1}
    assert merge_mappings(base, mine, theirs, lambda old, new, other: new + other) == {
        "same": 1,
        "mine": 2,
        "theirs": 3,
        "both": 5,
        "new-there": 1,
        "gone-there": 2,  # changed here, deleted there: this session's change stands
        "new-here": 1,
    }
