"""Rate passwords with the packed word lists or with stock zxcvbn's dicts; print every detail.

Run by ``test_equivalence.py`` in a fresh interpreter (the packed path imports zxcvbn against a
stand-in for its word lists, which must not leak into other tests):

    python equivalence_probe.py packed|plain CASES.json

``packed``: a warm content cache; asserts that zxcvbn's lists and the local dictionary are the
packed ones, and rates the cases on 8 threads at once (every group unpacked under contention).
``plain``: the cache turned off; asserts stock zxcvbn dicts and a plain tuple of local words, and
rates the cases one by one. Prints one JSON document: per case the matches, zxcvbn's most
guessable sequence, guesses, score and the whole report, with a frozen clock (so the look-alike
time budget never differs between runs; the cap on combinations still applies).
"""

from __future__ import annotations

import dataclasses
import json
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any


def _plain(value: Any) -> Any:
    """A match's fields as JSON: numbers as their exact repr, nested matches likewise."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str | bool | int) or value is None:
        return value
    return f"{type(value).__name__}:{value!r}"


def _frozen() -> float:
    return 0.0


_seen = threading.local()


def _capture() -> None:
    """Keep what ``evaluate`` gets from ``strength._rate`` (per thread), to compare it too."""
    from sochelp.password import strength

    original = strength._rate

    def capturing(*args: Any) -> Any:
        _seen.rated = original(*args)
        return _seen.rated

    strength._rate = capturing


def rate(case: dict[str, Any], local_words: Any) -> dict[str, Any]:
    from sochelp.password import strength

    password, user_inputs = case["password"], case["user_inputs"]
    report = strength.evaluate(password, user_inputs, local_words, clock=_frozen)
    matches, result, budget = _seen.rated
    return {
        "matches": _plain(matches),
        "sequence": _plain(result["sequence"]),
        "guesses": _plain(result["guesses"]),
        "limited": budget.limited,
        "report": _plain(dataclasses.asdict(report)),
    }


def main() -> int:
    mode, cases_file = sys.argv[1], Path(sys.argv[2])
    _capture()
    cases = json.loads(cases_file.read_text(encoding="utf-8"))
    from sochelp.content.store import ContentStore
    from sochelp.password import dictionary, wordlists

    if mode == "packed":
        local_words: Any = dictionary.load(None, ContentStore).local_words
        assert isinstance(local_words, wordlists.LocalWords), type(local_words)
        matching = wordlists.zxcvbn_matching()
        assert "zxcvbn.frequency_lists" not in sys.modules, "the real word lists were imported"
        tables = matching.RANKED_DICTIONARIES
        assert tables and all(isinstance(t, wordlists.PackedRanks) for t in tables.values())
        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(lambda case: rate(case, local_words), cases))
    else:
        from sochelp.password import content

        local_words = content.load(ContentStore()).local_words
        assert isinstance(local_words, tuple), type(local_words)
        matching = wordlists.zxcvbn_matching()
        assert "zxcvbn.frequency_lists" in sys.modules
        tables = matching.RANKED_DICTIONARIES
        assert tables and all(type(t) is dict for t in tables.values())
        results = [rate(case, local_words) for case in cases]
    names = list(tables)
    json.dump({"dictionaries": names, "results": results}, sys.stdout, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
