"""The packed word lists rate exactly as stock zxcvbn's dicts do (issue 12, start-up).

A few thousand seeded passwords (list words at every rank, look-alikes, reversed words, dates,
repeats, keyboard runs, local words with years, the user's own words, unicode whose lower case
changes length, 64+ characters, random strings) are rated twice, each in a fresh interpreter: from
a warm cache with packed lists, on 8 threads at once, and with the cache off (stock dicts, a plain
tuple of local words), one by one. Every match, zxcvbn's most guessable sequence (patterns, tokens,
ranks, dictionary names), the guesses, the score and the whole report must be identical.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sochelp.content.store import ContentStore
from sochelp.password import content as password_content

PROBE = Path(__file__).with_name("equivalence_probe.py")

LOOKALIKES = {
    "a": "4@",
    "b": "8",
    "c": "({[<",
    "e": "3",
    "g": "69",
    "i": "1!|",
    "l": "1|7",
    "o": "0",
    "s": "$5",
    "t": "+7",
    "x": "%",
    "z": "2",
}
KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "1234567890", "!@#$%^&*()", "qazwsxedc")
UNICODE = (
    "café",
    "Müller",
    "straße",
    "İstanbul",  # lower case is one character longer
    "ǅemal",  # a title-case digraph
    "ΣΟΦΙΑ",
    "раssword",  # Cyrillic look-alikes
    "KELVIN",  # Kelvin sign: lower case is ASCII k
    "ﬁsh",
    "pass\u200bword",  # zero-width space
    "ab\u0301cd",  # combining accent
    "🐉dragon🔥",
    "\u202eevil",  # right-to-left override
    "日本語パスワード",
)


def _lists() -> dict[str, list[str]]:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return {name: list(words) for name, words in FREQUENCY_LISTS.items()}


def _word(rng: random.Random, lists: dict[str, list[str]], local: tuple[str, ...]) -> str:
    pool = rng.choice([*lists.values(), local])
    # Mostly common words, but every rank down to the last.
    return pool[min(len(pool) - 1, int(len(pool) * rng.random() ** 3))]


def _lookalike(rng: random.Random, word: str) -> str:
    return "".join(
        rng.choice(LOOKALIKES[c]) if c in LOOKALIKES and rng.random() < 0.6 else c for c in word
    )


def _dressed(rng: random.Random, word: str) -> str:
    styles = (str, str.capitalize, str.upper, str.title, lambda w: w[::-1])
    word = rng.choice(styles)(word)
    year = str(rng.randint(1900, 2030))
    return word + rng.choice(["", "", "1", "!", "123", str(rng.randint(0, 99)), year])


def _date(rng: random.Random) -> str:
    d, m, y = rng.randint(1, 31), rng.randint(1, 12), rng.randint(1900, 2030)
    sep = rng.choice(["", "/", "-", ".", " "])
    return rng.choice(
        [
            f"{d}{sep}{m}{sep}{y}",
            f"{d:02}{sep}{m:02}{sep}{y % 100:02}",
            f"{y}{sep}{m:02}{sep}{d:02}",
            f"{m}{sep}{d}{sep}{y}",
        ]
    )


def cases(count: int, seed: int) -> Iterator[dict[str, Any]]:
    """``count`` seeded cases: a password and the user's own words."""
    rng = random.Random(seed)
    lists = _lists()
    local = tuple(password_content.load(ContentStore()).local_words)
    printable = [chr(c) for c in range(33, 127)]
    # How often each kind comes (long and random strings take the longest to rate).
    weights = {"words": 4, "lookalike": 4, "reversed": 3, "date": 3, "repeat": 3, "keyboard": 2}
    weights |= {"local": 4, "own": 4, "unicode": 3, "long": 1, "random": 2}
    kinds = [kind for kind, weight in weights.items() for _ in range(weight)]
    for n in range(count):
        kind = kinds[n % len(kinds)]
        user_inputs: list[str] = []
        if kind == "words":
            parts = [_dressed(rng, _word(rng, lists, local)) for _ in range(rng.randint(1, 3))]
            password = rng.choice(["", "-", ".", " ", "_"]).join(parts)
        elif kind == "lookalike":
            password = _lookalike(rng, _word(rng, lists, local)) + rng.choice(["", "1", "!", "99"])
            if rng.random() < 0.05:  # many look-alike symbols: the combination cap applies
                password = "".join(rng.choice("4@8({[<3691!|70$5+%2") for _ in range(40))
        elif kind == "reversed":
            password = _word(rng, lists, local)[::-1] + _word(rng, lists, local)[::-1]
        elif kind == "date":
            password = rng.choice(["", _word(rng, lists, local)]) + _date(rng)
        elif kind == "repeat":
            unit = rng.choice(
                [_word(rng, lists, local), "".join(rng.sample(printable, rng.randint(1, 4)))]
            )
            password = unit * rng.randint(2, 5)
        elif kind == "keyboard":
            row = rng.choice(KEYBOARD)
            start = rng.randint(0, len(row) - 3)
            run = row[start : start + rng.randint(3, len(row) - start)]
            password = rng.choice([run, run[::-1], "abcdefgh"[: rng.randint(3, 8)], "97531"]) + str(
                rng.randint(0, 999)
            )
        elif kind == "local":
            word = local[int(len(local) * rng.random() ** 2)]
            password = _dressed(rng, word) + rng.choice(["", str(rng.randint(1860, 2025))])
            if rng.random() < 0.3:
                password = _lookalike(rng, password)
        elif kind == "own":
            user_inputs = [
                rng.choice([_word(rng, lists, local), "Rover", "McAllister", "Tinkerbell"])
                for _ in range(rng.randint(1, 4))
            ]
            password = _dressed(rng, rng.choice(user_inputs))
            password += _dressed(rng, _word(rng, lists, local))
        elif kind == "unicode":
            password = rng.choice(UNICODE) + rng.choice(["", _word(rng, lists, local), "2024"])
            if rng.random() < 0.3:
                user_inputs = [rng.choice(UNICODE)]
        elif kind == "long":
            password = "".join(_dressed(rng, _word(rng, lists, local)) for _ in range(12))
            password = password[: rng.randint(64, 120)]
        else:
            password = "".join(rng.choice(printable) for _ in range(rng.randint(1, 70)))
        yield {"password": password or "x", "user_inputs": user_inputs, "kind": kind}


def _probe(mode: str, cases_file: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(PROBE), mode, str(cases_file)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finished(process: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err[-3000:]
    result: dict[str, Any] = json.loads(out)
    return result


def _coverage(chosen: list[dict[str, Any]], results: list[dict[str, Any]]) -> Counter[str]:
    seen: Counter[str] = Counter()
    for case, result in zip(chosen, results, strict=True):
        for match in result["matches"]:
            if match["pattern"] == "dictionary":
                seen[match["dictionary_name"]] += 1
                seen["l33t"] += match["l33t"]
                seen["reversed"] += match["reversed"]
            else:
                seen[match["pattern"]] += 1
        seen["limited"] += result["limited"]
        seen["truncated"] += result["report"]["truncated"]
        seen["own word rated"] += bool(case["user_inputs"]) and any(
            m.get("dictionary_name") == "user_inputs" for m in result["sequence"]
        )
    return seen


def test_packed_lists_rate_exactly_as_stock_zxcvbn(tmp_path: Path) -> None:
    chosen = list(cases(2200, seed=12))
    cases_file = tmp_path / "cases.json"
    cases_file.write_text(json.dumps(chosen), encoding="utf-8")
    env = {**os.environ, "SOCHELP_CACHE_DIR": str(tmp_path / "cache")}
    warm = "from sochelp.content.store import ContentStore\n"
    warm += "from sochelp.password import dictionary, wordlists\n"
    warm += "dictionary.load(None, ContentStore)\nwordlists.zxcvbn_matching()\n"
    subprocess.run([sys.executable, "-c", warm], env=env, check=True)

    packed = _probe("packed", cases_file, env)
    plain = _probe("plain", cases_file, {**env, "SOCHELP_CACHE_DIR": ""})
    ours, stock = _finished(packed), _finished(plain)

    assert ours["dictionaries"] == stock["dictionaries"]  # the same lists, in the same order
    differing = [
        (case["password"], case["user_inputs"])
        for case, a, b in zip(chosen, ours["results"], stock["results"], strict=True)
        if a != b
    ]
    assert not differing, f"{len(differing)} cases rate differently, such as {differing[:5]}"
    # The cases reach every dictionary and every kind of match.
    seen = _coverage(chosen, stock["results"])
    for name in [*stock["dictionaries"], "user_inputs", "l33t", "reversed"]:
        assert seen[name] >= 50, (name, seen)
    for pattern in ("spatial", "repeat", "sequence", "regex", "date"):
        assert seen[pattern] >= 20, (pattern, seen)
    assert seen["limited"] >= 3 and seen["truncated"] >= 50 and seen["own word rated"] >= 50, seen


@pytest.mark.parametrize("seed", [1, 2])
def test_cases_are_seeded(seed: int) -> None:
    first = [case["password"] for case in cases(40, seed)]
    assert first == [case["password"] for case in cases(40, seed)]
    assert len(set(first)) > 30
