"""The Arabic parts of the message cues are the ones benchmarks/arabic_cues.py makes, and read
each word with or without its vowel marks."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from tests.message.helpers import BENCHMARKS, cue_fires

if BENCHMARKS not in sys.path:
    sys.path.insert(0, BENCHMARKS)
import arabic_cues

CUES_DIR = Path(__file__).resolve().parents[2] / "content" / "message_cues"
#: The cue each Arabic word list is read through (the lists are parts of its pattern).
READ_THROUGH = {
    "lure-words-arabic": "lure-more-languages",
    "lure-words-arabic-more": "lure-more-languages",
    "asks-words-world-scripts": "asks-to-act-more-languages",
}
FATHAH = "\u064e"


def _patterns() -> dict[str, str]:
    patterns: dict[str, str] = {}
    for path in sorted(CUES_DIR.glob("*.toml")):
        for cue in tomllib.loads(path.read_text(encoding="utf-8")).get("cue", []):
            patterns[cue["id"]] = cue["pattern"]
    return patterns


@pytest.mark.parametrize("cue_id", list(arabic_cues.WORDS))
def test_the_cue_holds_the_generated_alternatives(cue_id: str) -> None:
    assert arabic_cues.arabic_part(cue_id) in _patterns()[cue_id]


@pytest.mark.parametrize(
    ("cue_id", "word"),
    [(cue_id, word) for cue_id, words in arabic_cues.WORDS.items() for word in words],
)
def test_each_word_is_read_bare_and_with_marks(cue_id: str, word: str) -> None:
    marked = "".join(
        char + FATHAH if index >= 2 and char != " " else char for index, char in enumerate(word)
    )
    assert cue_fires(READ_THROUGH[cue_id], f"نص {word} نص")
    assert cue_fires(READ_THROUGH[cue_id], f"نص {marked} نص")
