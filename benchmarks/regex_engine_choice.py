"""Why check-message's content patterns stay on Python's ``re`` (issue 17 §5), measured.

Usage:
    pip install google-re2   # only for this comparison; sochelp does not depend on it
    python benchmarks/regex_engine_choice.py

Two ways to keep a hostile content pattern from hanging check-message:

* a linear-time engine (RE2) for every content pattern: no pattern can backtrack, but RE2 has
  no look-arounds, so rules that use them must be rewritten;
* Python's ``re`` with every pattern run on hostile input under a time budget when the content
  is validated (``sochelp.message.redos``), and a bound on the text one attempt reads.

Measured here, on the bundled rules and cues: how many patterns RE2 cannot compile as they are;
the start-up cost (making every pattern ready: ``re`` from the content cache's precompiled
form, ``re`` compiled anew, RE2 compiled); the search of every pattern over a 1 MB message
(RE2 given UTF-8 bytes, its quickest input); and what the hostile-input check costs when
content is validated (on a cache miss only).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from check_message_speed import make_message


def _best(function: object, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    """Print the comparison."""
    from sochelp.content.store import ContentStore
    from sochelp.message import loading, model
    from sochelp.message.analyse import prepare_text
    from sochelp.message.redos import backtracking_problem

    content = loading.load(ContentStore())
    patterns = sorted({c.pattern for c in (*content.rules, *content.cues)})
    print(f"{len(patterns)} content patterns (rules and cues, cues expanded)")
    text = prepare_text(make_message(1_000_000))

    def precompiled() -> None:
        for pattern in patterns:
            entry = content.precompiled.get((pattern, re.IGNORECASE))
            if entry is not None:
                model._instantiate(pattern, entry)

    def compiled_anew() -> None:
        re.purge()
        for pattern in patterns:
            re.compile(pattern, re.IGNORECASE)

    print("Making every pattern ready (start-up cost, best of 3):")
    print(f"  re, from the cache's precompiled form:  {_best(precompiled) * 1000:7.1f} ms")
    print(f"  re, compiled anew:                      {_best(compiled_anew) * 1000:7.1f} ms")
    compiled = [re.compile(p, re.IGNORECASE) for p in patterns]
    re_search = _best(lambda: [c.search(text) for c in compiled], runs=1)
    print(f"Searching every pattern over a 1 MB message: re {re_search:6.2f} s")
    start = time.perf_counter()
    slow = [p for p in patterns if backtracking_problem(p) is not None]
    print(
        f"Hostile-input check of every pattern (content validation only): "
        f"{time.perf_counter() - start:5.2f} s, {len(slow)} refused"
    )
    try:
        start = time.perf_counter()
        import re2  # type: ignore[import-not-found]

        took = (time.perf_counter() - start) * 1000
        print(f"  RE2, importing the module:              {took:7.1f} ms")
    except ImportError:
        print("google-re2 is not installed: pip install google-re2 to compare with RE2")
        return 0
    options = re2.Options()
    options.case_sensitive = False
    failed: list[str] = []
    usable: list[object] = []

    def re2_compile() -> None:
        failed.clear()
        usable.clear()
        for pattern in patterns:
            try:
                usable.append(re2.compile(pattern, options))
            except re2.error:
                failed.append(pattern)

    took = _best(re2_compile)
    print(f"  RE2, compiled:                          {took * 1000:7.1f} ms")
    print(f"RE2 cannot compile {len(failed)} of the patterns as written (look-arounds):")
    for pattern in failed[:10]:
        print(f"  {pattern[:90]}")
    data = text.encode("utf-8")
    re2_search = _best(lambda: [c.search(data) for c in usable], runs=1)  # type: ignore[attr-defined]
    print(
        f"Searching the {len(usable)} it compiles over the 1 MB message (as bytes): "
        f"RE2 {re2_search:6.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
