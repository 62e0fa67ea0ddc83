"""The prefix index's shortcut for common words gives the same places as testing every place.

:meth:`PrefixIndex.all_tries` looks a common word's places up by their first few characters
(the window groups); a plain reference tests every place of the key. Both must agree on short
messages, long repetitive ones (where the windows are used) and seeded random texts.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

import pytest

from sochelp.message.model import MAX_SCAN, MAX_TRIES, RUN_ON, RUN_ON_RANGE, AllKeys, PrefixIndex
from tests.message.helpers import bundled

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from check_message_speed import make_message

CAP = MAX_TRIES * 2


def reference_tries(lowered: str, groups: AllKeys, cap: int) -> dict[int, list[tuple[int, int]]]:
    """all_tries without the index or any shortcut: every place of each key is found and
    tested."""
    word_keys = [(m.start(), m.group()) for m in re.finditer(r"\b\w{1,3}", lowered)]
    # A Latin word run straight into Chinese, Japanese, Korean or Thai starts a word too.
    word_keys += [
        (m.start(), re.match(r"\w{1,3}", lowered[m.start() :]).group())  # type: ignore[union-attr]
        for m in re.finditer(f"(?<=[{RUN_ON_RANGE}])[^\\W{RUN_ON_RANGE}]", lowered)
    ]
    word_keys.sort()
    found: dict[int, list[tuple[int, int]]] = {}
    for key, _, entries in groups:
        shortest = min((p for _, _, prefixes in entries for p in prefixes), key=len)
        if not re.match(r"\w", key) or RUN_ON.match(key):  # a symbol, CJK or Thai: anywhere
            places = [m.start() for m in re.finditer(re.escape(key), lowered)]
        elif len(key) >= 3 or len(key) < len(shortest):  # words whose key is exactly this
            places = [p for p, k in word_keys if k == key]
        else:  # a short prefix ("2" of "20p"): every word that starts with it
            places = [p for p, k in word_keys if k.startswith(key)]
        places = places[:MAX_SCAN]
        for item, part, prefixes in entries:
            hits = [(p, part) for p in places if lowered.startswith(prefixes, p)][:cap]
            if hits:
                found.setdefault(item, []).extend(hits)
    for hits in found.values():
        hits.sort()
        del hits[cap:]
    return found


def _random_text(seed: int, words: list[str], size: int) -> str:
    chooser = random.Random(seed)
    pieces = []
    total = 0
    while total < size:
        word = chooser.choice(words)
        # Cut some words short, glue some together: near misses of the prefixes.
        if chooser.random() < 0.2:
            word = word[: chooser.randint(1, len(word))]
        pieces.append(word)
        pieces.append(chooser.choice([" ", " ", " ", "", ". ", "\n", ", ", "£", "/"]))
        total += len(word) + 1
    return "".join(pieces)


def _prefix_words() -> list[str]:
    keys = bundled().keys
    words = sorted({p.strip() for _, _, entries in keys for _, _, ps in entries for p in ps})
    return [w for w in words if w] + ["your", "account", "the", "pay", "2", "20p", "£1"]


TEXTS = {
    "short scam": "Royal Mail: your parcel is on hold. Pay £1.45 at royalmail-redelivery[.]com",
    "short genuine": "Your appointment is on Tuesday at 10am; reply C to cancel.",
    "repetitive 200 KB": make_message(200_000),
    # Chinese and Japanese run their words together, with Latin letters in between.
    "short Chinese scam": "ETC提示,系统检测您的车载ETC自扫识别卡已无效,请于3月5日至网站完善。",
    "short Japanese scam": "お客様宛にお荷物のお届けにあがりましたが不在の為持ち帰りました。",
    # Thai too (its words in the rules' patterns are found inside a run of Thai letters).
    "short Thai scam": "แจ้งเตือนแต้มบัตรเครดิตของท่านจะหมดอายุวันนี้ สนใจแอดไลน์มาได้เลย",
}


@pytest.mark.parametrize("name", list(TEXTS))
def test_same_places_as_testing_every_place(name: str) -> None:
    lowered = TEXTS[name].lower()
    keys = bundled().keys
    assert PrefixIndex(lowered).all_tries(keys, CAP) == reference_tries(lowered, keys, CAP)


@pytest.mark.parametrize("seed", range(6))
def test_same_places_on_random_texts_of_prefix_words(seed: int) -> None:
    lowered = _random_text(seed, _prefix_words(), 60_000).lower()
    keys = bundled().keys
    expected = reference_tries(lowered, keys, CAP)
    assert PrefixIndex(lowered).all_tries(keys, CAP) == expected
    # The windows were really used: some key has more than 64 places.
    index = PrefixIndex(lowered)
    assert max(len(places) for places in index.starts.values()) > 64


def test_small_caps_keep_the_first_places() -> None:
    lowered = make_message(50_000).lower()
    keys = bundled().keys
    for cap in (1, 3, 64):
        assert PrefixIndex(lowered).all_tries(keys, cap) == reference_tries(lowered, keys, cap)
