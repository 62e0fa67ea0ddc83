"""Check-up roll-up of many returns: the whole roll-up against the floor of reading the files.

Writes N returns (default 10,000; half as ``--export json`` returns, half as full ``--json``
results) for the business checklist into a temporary folder, then times, in this process:

- the floor: reading every file and parsing its JSON (nothing less can do the job);
- the roll-up: reading, validating, finding duplicates and summing up (median, quartiles,
  range per section, counts per item, ranked gaps), as ``checkup --rollup`` does;
- the rendered summary (text, Markdown, CSV and HTML) on top.

Prints the median of 3 runs of each and the ratio to the floor. Target: under 10 s for 10,000
returns on a 2-core machine.

Run: .venv/bin/python benchmarks/rollup.py [--returns N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from sochelp.checkup import content as checkup_content
from sochelp.checkup.content import AUDIENCE_TITLES
from sochelp.checkup.returns import return_id
from sochelp.checkup.rollup import Rollup, choose_audience, read_returns, roll_up
from sochelp.content.store import ContentStore
from sochelp.render.rollup import rollup_document, rollup_text
from sochelp.scopes import Audience

CHOICES = ["yes", "partly", "no", "na", None]


def generate(folder: Path, count: int, seed: int = 10) -> None:
    """Write ``count`` business returns (every third one a duplicate-free full result)."""
    rng = random.Random(seed)
    items = checkup_content.load(ContentStore()).for_audience(Audience.BUSINESS)
    for n in range(count):
        answers = {i.id: c for i in items if (c := rng.choice(CHOICES)) is not None}
        when = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:{n % 59:02d}"
        if n % 2:
            document = {
                "audience": "business",
                "title": "Businesses",
                "complete": len(answers) == 10,
                "answered": len(answers),
                "total": 10,
                "score": None,
                "sections": [],
                "answers": answers,
                "plan": [],
                "date": f"{when}.{n}",
            }
        else:
            document = {
                "kind": "sochelp-checkup-return",
                "version": 1,
                "id": return_id("business", f"{when}.{n}", answers),
                "audience": "business",
                "date": when[:10],
                "complete": len(answers) == 10,
                "answers": answers,
            }
        (folder / f"r{n:05d}.json").write_text(json.dumps(document), encoding="utf-8")


def timed(work: Callable[[], object], runs: int = 3) -> float:
    """Median seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--returns", type=int, default=10_000)
    args = parser.parse_args()
    items = checkup_content.load(ContentStore()).for_audience(Audience.BUSINESS)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        generate(folder, args.returns)

        def floor() -> object:
            return [json.loads(p.read_bytes()) for p in sorted(folder.glob("*.json"))]

        def rollup() -> object:
            audience, returns = choose_audience(read_returns([folder]), None)
            return roll_up(audience, AUDIENCE_TITLES[audience], items, returns)

        def rendered() -> object:
            result = rollup()
            assert isinstance(result, Rollup)
            today = dt.date(2026, 12, 1)
            return [rollup_text(result)] + [
                rollup_document(result, kind, today) for kind in ("markdown", "csv", "html")
            ]

        base = timed(floor)
        whole = timed(rollup)
        shown = timed(rendered, runs=1)
        summary = rollup()
        assert getattr(summary, "returns", None) == args.returns, summary
    print(f"returns:                    {args.returns}")
    print(f"floor (read + json.loads):  {base:.2f} s")
    print(f"roll-up:                    {whole:.2f} s  ({whole / base:.1f}x the floor)")
    print(f"roll-up + all four outputs: {shown:.2f} s")


if __name__ == "__main__":
    main()
