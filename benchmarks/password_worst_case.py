"""Worst-case strength rating time: sochelp's bounded wrapper versus raw zxcvbn, same run.

Rates hostile inputs (the crafted 72-character look-alike string, long random strings, repeats,
and a fuzzed search for the slowest look-alike string) with ``sochelp.password.strength.evaluate``
and, where zxcvbn accepts them (<= 72 characters), with raw ``zxcvbn.zxcvbn``. Also times a cold
``sochelp password --no-breach-check`` process on the crafted input. Target: every input < 1 s.

Run: /work/venv/bin/python benchmarks/password_worst_case.py [--fuzz N]
"""

from __future__ import annotations

import argparse
import random
import string
import subprocess
import sys
import time

from zxcvbn import zxcvbn

from sochelp.content.store import ContentStore
from sochelp.password import content as password_content
from sochelp.password.strength import evaluate

CRAFTED = ("4@8({[</369&#!1/|0$5+7%2/" * 3)[:72]
LOOKALIKES = "4@8({[</369&#!1/|0$5+7%2"


def _timed(function: object, *args: object) -> float:
    started = time.perf_counter()
    function(*args)  # type: ignore[operator]
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fuzz", type=int, default=200, help="random look-alike strings to try")
    args = parser.parse_args()
    rng = random.Random(11)
    local_words = password_content.load(ContentStore()).local_words
    evaluate("warm up")
    zxcvbn("warm up")

    printable = string.ascii_letters + string.digits + string.punctuation
    cases = {
        "crafted look-alikes, 72 chars": CRAFTED,
        "random printable, 72 chars": "".join(rng.choice(printable) for _ in range(72)),
        "random printable, 200 chars": "".join(rng.choice(printable) for _ in range(200)),
        "look-alikes, 4096 chars": (LOOKALIKES * 200)[:4096],
        "'password' x 9 (72 chars)": "password" * 9,
        "digits, 72 chars": "1234567890" * 7 + "12",
    }
    print(f"{'input':34} {'sochelp':>9} {'raw zxcvbn':>11}")
    worst = 0.0
    for label, text in cases.items():
        ours = max(_timed(evaluate, text, (), local_words) for _ in range(3))
        raw = f"{_timed(zxcvbn, text):9.3f} s" if len(text) <= 72 else "  refuses"
        worst = max(worst, ours)
        print(f"{label:34} {ours:7.3f} s {raw:>11}")

    slowest, slowest_text = 0.0, ""
    for _ in range(args.fuzz):
        length = rng.choice([32, 48, 64, 72])
        text = "".join(rng.choice(LOOKALIKES + "aeilostz") for _ in range(length))
        if rng.random() < 0.3:
            text = (text[: length // 3] * 4)[:length]
        elapsed = _timed(evaluate, text, (), local_words)
        if elapsed > slowest:
            slowest, slowest_text = elapsed, text
    raw_slowest = _timed(zxcvbn, slowest_text[:72])
    worst = max(worst, slowest)
    print(
        f"{'slowest of ' + str(args.fuzz) + ' fuzzed look-alikes':34} {slowest:7.3f} s "
        f"{raw_slowest:9.3f} s"
    )

    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "sochelp", "password", "--no-breach-check", "--json"],
        input=CRAFTED + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    process = time.perf_counter() - started
    print(f"{'whole process, crafted input':34} {process:7.3f} s  (exit {done.returncode})")
    print(
        f"worst in-process rating: {worst:.3f} s; target < 1 s: {'met' if worst < 1 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
