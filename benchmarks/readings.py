"""The held-out readings of the fresh batches, added up: how the detector does on a batch nobody
has seen, round after round.

Usage:
    python benchmarks/readings.py [--from fresh-17] [--json]

Each fresh batch is read once, at the end of the round that reads it, before any tuning on it
(``benchmarks/data/real-messages/readings.json`` holds those readings as counts). This prints
each reading and the running totals from ``--from`` on, so the closing notes' and the README's
"over N readings" figures come from the counts, not from rounded percentages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

READINGS = Path(__file__).resolve().parent / "data" / "real-messages" / "readings.json"


@dataclass(frozen=True)
class Reading:
    """One batch's held-out reading: how many of its scams and genuine messages got each level."""

    batch: str
    round: str
    scams: int
    scams_some_or_more: int
    scams_strong: int
    genuine: int
    genuine_some: int
    genuine_strong: int


@dataclass(frozen=True)
class Totals:
    """Readings added up."""

    readings: int
    scams: int
    scams_some_or_more: int
    scams_strong: int
    genuine: int
    genuine_some: int
    genuine_strong: int

    def shares(self) -> dict[str, float]:
        """The four shares the issue's targets name, as fractions."""
        return {
            "scams_some_or_more": self.scams_some_or_more / self.scams,
            "scams_strong": self.scams_strong / self.scams,
            "genuine_some": self.genuine_some / self.genuine,
            "genuine_strong": self.genuine_strong / self.genuine,
        }


def load(path: Path = READINGS) -> list[Reading]:
    """The recorded readings, in the order they were made; each checked to add up."""
    data = json.loads(path.read_text(encoding="utf-8"))
    readings = [Reading(**row) for row in data["readings"]]
    for reading in readings:
        if not (0 <= reading.scams_strong <= reading.scams_some_or_more <= reading.scams):
            raise ValueError(f"{path.name}: {reading.batch}: scam counts do not add up")
        if not (0 <= reading.genuine_some + reading.genuine_strong <= reading.genuine):
            raise ValueError(f"{path.name}: {reading.batch}: genuine counts do not add up")
    return readings


def running_totals(readings: Sequence[Reading]) -> list[Totals]:
    """The totals after each reading."""
    found: list[Totals] = []
    counts = [0] * 6
    for number, reading in enumerate(readings, start=1):
        counts = [
            a + b
            for a, b in zip(
                counts,
                (
                    reading.scams,
                    reading.scams_some_or_more,
                    reading.scams_strong,
                    reading.genuine,
                    reading.genuine_some,
                    reading.genuine_strong,
                ),
                strict=True,
            )
        ]
        found.append(Totals(number, *counts))
    return found


def since(readings: Sequence[Reading], first: str | None) -> list[Reading]:
    """The readings from batch ``first`` on (all of them if None)."""
    if first is None:
        return list(readings)
    names = [reading.batch for reading in readings]
    if first not in names:
        raise SystemExit(f"readings.py: no reading of {first} (known: {', '.join(names)})")
    return list(readings[names.index(first) :])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="first", help="start at this batch (e.g. fresh-17)")
    parser.add_argument("--json", action="store_true", help="print the totals as JSON")
    args = parser.parse_args(argv)
    readings = since(load(), args.first)
    totals = running_totals(readings)
    if args.json:
        rows = [
            {"batch": r.batch, **t.__dict__, **{f"share_{k}": v for k, v in t.shares().items()}}
            for r, t in zip(readings, totals, strict=True)
        ]
        print(json.dumps(rows, indent=1))
        return 0
    print("batch      round           scams  some+  strong | genuine  some  strong")
    for reading, total in zip(readings, totals, strict=True):
        share = total.shares()
        print(
            f"{reading.batch:10} {reading.round:14} {reading.scams:6} "
            f"{reading.scams_some_or_more / reading.scams:6.1%} "
            f"{reading.scams_strong / reading.scams:6.1%}  | {reading.genuine:7} "
            f"{reading.genuine_some / reading.genuine:5.1%} "
            f"{reading.genuine_strong / reading.genuine:6.1%}"
        )
        print(
            f"  {total.readings} reading{'s' if total.readings != 1 else ''}: {total.scams} scams, "
            f"{share['scams_some_or_more']:.1%} some+, {share['scams_strong']:.1%} strong; "
            f"{total.genuine} genuine, {share['genuine_some']:.1%} some, "
            f"{share['genuine_strong']:.1%} strong"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
