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
from dataclasses import astuple, dataclass
from pathlib import Path

READINGS = Path(__file__).resolve().parent / "data" / "real-messages" / "readings.json"


@dataclass(frozen=True)
class Counts:
    """How many scams and genuine messages a reading (or several) had, and got each level."""

    scams: int
    scams_some_or_more: int
    scams_strong: int
    genuine: int
    genuine_some: int
    genuine_strong: int

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def shares(self) -> dict[str, float]:
        """The four shares the issue's targets name, as fractions."""
        return {
            "scams_some_or_more": self.scams_some_or_more / self.scams,
            "scams_strong": self.scams_strong / self.scams,
            "genuine_some": self.genuine_some / self.genuine,
            "genuine_strong": self.genuine_strong / self.genuine,
        }


@dataclass(frozen=True)
class Reading:
    """One batch's held-out reading, made at the end of the round named."""

    batch: str
    round: str
    counts: Counts


def load(path: Path = READINGS) -> list[Reading]:
    """The recorded readings, in the order they were made; each checked to add up."""
    data = json.loads(path.read_text(encoding="utf-8"))
    readings = []
    for row in data["readings"]:
        row = dict(row)
        reading = Reading(row.pop("batch"), row.pop("round"), Counts(**row))
        counts = reading.counts
        if not (0 <= counts.scams_strong <= counts.scams_some_or_more <= counts.scams):
            raise ValueError(f"{path.name}: {reading.batch}: scam counts do not add up")
        if not (0 <= counts.genuine_some + counts.genuine_strong <= counts.genuine):
            raise ValueError(f"{path.name}: {reading.batch}: genuine counts do not add up")
        readings.append(reading)
    return readings


def running_totals(readings: Sequence[Reading]) -> list[Counts]:
    """The counts added up after each reading."""
    found: list[Counts] = []
    for reading in readings:
        found.append(found[-1] + reading.counts if found else reading.counts)
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
            {
                "batch": reading.batch,
                "readings": number,
                **total.__dict__,
                **{f"share_{key}": value for key, value in total.shares().items()},
            }
            for number, (reading, total) in enumerate(zip(readings, totals, strict=True), 1)
        ]
        print(json.dumps(rows, indent=1))
        return 0
    print("batch      round           scams  some+  strong | genuine  some  strong")
    for number, (reading, total) in enumerate(zip(readings, totals, strict=True), 1):
        own, share = reading.counts.shares(), total.shares()
        print(
            f"{reading.batch:10} {reading.round:14} {reading.counts.scams:6} "
            f"{own['scams_some_or_more']:6.1%} {own['scams_strong']:6.1%}  | "
            f"{reading.counts.genuine:7} {own['genuine_some']:5.1%} {own['genuine_strong']:6.1%}"
        )
        print(
            f"  {number} reading{'s' if number != 1 else ''}: {total.scams} scams, "
            f"{share['scams_some_or_more']:.1%} some+, {share['scams_strong']:.1%} strong; "
            f"{total.genuine} genuine, {share['genuine_some']:.1%} some, "
            f"{share['genuine_strong']:.1%} strong"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
