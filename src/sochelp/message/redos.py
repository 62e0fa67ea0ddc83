"""Catching content patterns that backtrack catastrophically, by running them on hostile input.

Python's regular expressions backtrack: a pattern such as ``\\burgent(?:ly|\\s|a|aa)+!`` can try
an exponential number of ways to split ``urgentaaaa…`` before it fails (5.8 s at 34 characters).
A parse-tree rule ("no repeat inside a repeat") misses that one, so every pattern is also *run*:
for each repeat in it, strings are built from the text that leads to the repeat, the repeat's
body pumped over and over, and an ending that makes the match fail. The pump count grows one at
a time, so the run that first goes over :data:`STEP_BUDGET` seconds costs at most a few times
that budget (a pattern cannot hang the check), and such a pattern is refused. A long pumped
string (:data:`LONG_INPUT` characters, the most one attempt of the analysis reads) must also
be searched within :data:`LONG_BUDGET` (this catches slow polynomial patterns). Hostile texts
are read as the analysis reads a message: with runs of spaces collapsed.

Used when content is validated (``sochelp content check``, and on loading content that is not
in the cache yet): a refused pattern is reported with its file, key and reason.
"""

from __future__ import annotations

import re
import string
import time
from collections.abc import Iterator
from typing import Any

from sochelp.message.model import MAX_MATCH_SPAN

#: A short hostile string may take at most this long (seconds).
STEP_BUDGET = 0.02
#: The longest hostile string (:data:`LONG_INPUT` characters) may take at most this long.
LONG_BUDGET = 0.1
#: A run over budget is timed this many times in all, and the fastest counts: a busy machine
#: slows one run, a backtracking pattern slows them all.
TRIES = 3
LONG_INPUT = MAX_MATCH_SPAN
#: Pump counts tried one by one (exponential patterns blow up well before this).
MAX_PUMPS = 40
#: Endings that make a pumped match fail (one of them does for any sane continuation).
_ENDINGS = ("#", "!", "")
_CANDIDATES = string.ascii_lowercase + string.digits + " .,-'!?:/£$%\n\t"
_CATEGORY_SAMPLES = {
    "CATEGORY_DIGIT": "1",
    "CATEGORY_NOT_DIGIT": "a",
    "CATEGORY_SPACE": " ",
    "CATEGORY_NOT_SPACE": "a",
    "CATEGORY_WORD": "a",
    "CATEGORY_NOT_WORD": " ",
}


def _category_has(category: str, ch: str) -> bool:
    word = ch.isalnum() or ch == "_"
    tests = {
        "CATEGORY_DIGIT": ch.isdigit(),
        "CATEGORY_NOT_DIGIT": not ch.isdigit(),
        "CATEGORY_SPACE": ch.isspace(),
        "CATEGORY_NOT_SPACE": not ch.isspace(),
        "CATEGORY_WORD": word,
        "CATEGORY_NOT_WORD": not word,
    }
    return tests.get(category, False)


def _in_class(ch: str, items: Any) -> bool:
    negate = False
    found = False
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            negate = True
        elif name == "LITERAL":
            found = found or ch.lower() == chr(arg).lower()
        elif name == "RANGE":
            low, high = arg
            found = found or low <= ord(ch) <= high or low <= ord(ch.upper()) <= high
        elif name == "CATEGORY":
            found = found or _category_has(str(arg), ch)
    return found != negate


def _sample(items: Any, choice: int = 0) -> str:
    """A short string the parsed sequence ``items`` probably matches (best effort)."""
    out: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.append(chr(arg))
        elif name == "NOT_LITERAL":
            out.append("a" if chr(arg).lower() != "a" else "b")
        elif name == "ANY":
            out.append("a")
        elif name == "IN":
            out.append(next((ch for ch in _CANDIDATES if _in_class(ch, arg)), "a"))
        elif name == "BRANCH":
            branches = arg[1]
            out.append(_sample(branches[choice % len(branches)]))
        elif name == "SUBPATTERN":
            out.append(_sample(arg[-1], choice))
        elif name == "ATOMIC_GROUP":
            out.append(_sample(arg, choice))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _, body = arg
            out.append(_sample(body, choice) * max(1, low))
    return "".join(out)


def _alternatives(body: Any) -> list[str]:
    """Samples of each way the repeat's body can match, their concatenation and each of their
    characters: the pieces whose overlaps make backtracking explode."""
    choices = 1
    stack = list(body)
    while stack:
        op, arg = stack.pop()
        name = str(op)
        if name == "BRANCH":
            choices = max(choices, len(arg[1]))
            for branch in arg[1]:
                stack.extend(branch)
        elif name == "SUBPATTERN":
            stack.extend(arg[-1])
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            stack.extend(arg[2])
    samples = [_sample(body, index) for index in range(min(choices, 12))]
    pieces = dict.fromkeys(s for s in samples if s)
    pieces["".join(samples)] = None
    for sample in samples:
        for ch in sample:
            pieces[ch] = None
            pieces[ch * 2] = None
    return [piece for piece in pieces if piece][:24]


def _complex(body: Any) -> bool:
    """True if a repeat's body can match text in more than one way (alternatives, inner
    repeats, groups): only such repeats can backtrack exponentially."""
    return not (len(body) == 1 and str(body[0][0]) in ("LITERAL", "IN", "ANY", "NOT_LITERAL"))


def _attacks(items: Any, before: str = "") -> Iterator[tuple[str, list[str], bool]]:
    """(text leading to a repeat, pieces to pump, whether its body is complex) for every large
    repeat in the parsed sequence."""
    for position, (op, arg) in enumerate(items):
        lead = before + _sample(items[:position])
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            _, high, body = arg
            if high > 8:
                yield lead, _alternatives(body), _complex(body)
            yield from _attacks(body, lead)
        elif name == "SUBPATTERN":
            yield from _attacks(arg[-1], lead)
        elif name == "BRANCH":
            for branch in arg[1]:
                yield from _attacks(branch, lead)
        elif name in ("ASSERT", "ASSERT_NOT"):
            yield from _attacks(arg[1], lead)


def _elapsed(regex: re.Pattern[str], text: str, budget: float) -> float:
    """Seconds to search the text (the fastest of :data:`TRIES` runs when over budget)."""
    # The analysis reads messages with runs of spaces and blank lines collapsed (see
    # normalise.clean), so hostile texts are collapsed the same way.
    text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
    best = float("inf")
    for _ in range(TRIES):
        start = time.perf_counter()
        regex.search(text)
        best = min(best, time.perf_counter() - start)
        if best <= budget:
            break
    return best


def _grows_slow(regex: re.Pattern[str], lead: str, piece: str, ending: str) -> str | None:
    """Pumped texts growing by half each time up to :data:`LONG_INPUT` characters: one over
    :data:`LONG_BUDGET` means polynomial blow-up (the step that finds it costs at most a few
    times the budget, as it is only half longer than the last)."""
    size = 16
    while True:
        count = max(1, (size - len(lead)) // max(1, len(piece)))
        text = lead + piece * count + ending
        took = _elapsed(regex, text, LONG_BUDGET)
        if took > LONG_BUDGET:
            return (
                f"it is too slow on hostile text: {took:.2f} s on {len(text)} characters; "
                "avoid repeats that can match the same text one after another"
            )
        if size >= LONG_INPUT:
            return None
        size = min(LONG_INPUT, size * 3 // 2)


def backtracking_problem(pattern: str, flags: int = re.IGNORECASE) -> str | None:
    """Why the pattern is too slow on hostile input, or None when it stays fast.

    The pattern must already compile. Never takes much longer than a few times
    :data:`STEP_BUDGET` per repeat plus :data:`LONG_BUDGET`, however bad the pattern.
    """
    from re import _parser  # type: ignore[attr-defined]

    regex = re.compile(pattern, flags)
    try:
        parsed = _parser.parse(pattern, flags)
    except Exception:  # a changed private parser: only the long inputs below are tried
        parsed = []
    attacks = list(_attacks(list(parsed)))[:40]
    for lead, pieces, complex_body in attacks:
        for piece in pieces:
            for ending in _ENDINGS:
                if complex_body:
                    for count in range(1, MAX_PUMPS + 1):
                        text = lead + piece * count + ending
                        if len(text) > LONG_INPUT:
                            break
                        took = _elapsed(regex, text, STEP_BUDGET)
                        if took > STEP_BUDGET:
                            return (
                                f"it can backtrack catastrophically: {took:.2f} s on a "
                                f"{len(text)}-character text, growing with every repeat of "
                                f"{piece[:20]!r}; make the alternatives of a repeated group "
                                "unable to match the same text, or use a bounded repeat"
                            )
                problem = _grows_slow(regex, lead, piece, ending)
                if problem:
                    return problem
    return None
