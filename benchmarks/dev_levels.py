"""Before and after a detector change: the level of every development message, compared.

Usage:
    python benchmarks/dev_levels.py dump OUT.json        # with SOCHELP_CORPORA_DIR set
    python benchmarks/dev_levels.py compare BEFORE.json AFTER.json

``dump`` records, for every message of the development halves and sets (never a test half or a
held-out batch: it asks :func:`check_message_eval.collect` for the ``dev`` split only), its
label, level, score and signs. Run it at the old code (``PYTHONPATH=<worktree>/src``) and at the
new, then ``compare`` lists each message whose level moved, marked ``right`` (a scam up, a
genuine message down), ``WRONG`` or ``spam`` (the corpora's spam holds marketing and scams
alike, so neither way is wrong), and counts them. The closing notes' "checked on
all development messages before and after" are this comparison.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_message_eval as evaluation
import message_sets as sets


def dump(corpora: Path | None) -> dict[str, dict[str, Any]]:
    """Every development message's label, level, score and signs, by "set/id"."""
    analyser = evaluation.Analyser()
    found: dict[str, dict[str, Any]] = {}
    for name, _half, samples in evaluation.collect(list(evaluation.SET_ORDER), "dev", corpora):
        for sample in samples:
            outcome = analyser.analyse(sample)
            found[f"{name}/{sample.id}"] = {
                "label": sample.label,
                "level": outcome.level,
                "score": outcome.score,
                "signs": list(outcome.signs),
            }
    return found


def moves(
    before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]
) -> list[tuple[str, str, str, str, bool | None]]:
    """(key, label, level before, level after, right way) for each message whose level moved:
    a scam moving up or a genuine message down is the right way; for the corpora's spam
    (marketing and scams alike) the way is None."""
    found = []
    for key in sorted(before.keys() & after.keys()):
        old, new = before[key]["level"], after[key]["level"]
        if old != new:
            label = after[key]["label"]
            up = evaluation.LEVELS.index(new) > evaluation.LEVELS.index(old)
            right = None if label == "spam" else up == (label == "scam")
            found.append((key, label, old, new, right))
    return found


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dump_cmd = commands.add_parser("dump", help="write every development message's level")
    dump_cmd.add_argument("out", type=Path)
    compare_cmd = commands.add_parser("compare", help="list the messages whose level moved")
    compare_cmd.add_argument("before", type=Path)
    compare_cmd.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        found = dump(sets.corpora_dir())
        args.out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        print(f"{len(found)} development messages written to {args.out}")
        return 0
    before = json.loads(args.before.read_text(encoding="utf-8"))
    after = json.loads(args.after.read_text(encoding="utf-8"))
    if before.keys() != after.keys():
        print("note: the two dumps hold different messages; only shared ones are compared")
    found = moves(before, after)
    for key, label, old, new, right in found:
        signs = ", ".join(after[key]["signs"])
        mark = "spam " if right is None else "right" if right else "WRONG"
        print(f"{mark}  {key} ({label}) {old} -> {new}  [{signs}]")
    wrong = sum(1 for *_, right in found if right is False)
    shared = len(before.keys() & after.keys())
    print(f"{len(found)} of {shared} development messages moved, {wrong} the wrong way")
    return 0


if __name__ == "__main__":
    sys.exit(main())
