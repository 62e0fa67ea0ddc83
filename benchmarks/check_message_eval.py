"""How well check-message separates scams from genuine messages on the labelled set.

Usage: python benchmarks/check_message_eval.py [--misses]

Loads every tests/data/messages/*.toml ([[message]] id, label, channel, from, text) and prints
recall on scams (at least "suspicious", and "scam") and the false-alarm rate on genuine messages
per verdict level. Targets: >= 90% of scams at least "suspicious"; <= 5% of genuine called "scam".
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sochelp.content.store import ContentStore
from sochelp.message import content as message_content
from sochelp.message.analyse import MessageResult, Verdict, analyse
from sochelp.message.content import Channel

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "messages"

#: The targets from the issue.
MIN_SCAM_RECALL = 0.90
MAX_GENUINE_SCAM_RATE = 0.05


@dataclass(frozen=True)
class Labelled:
    """One message of the labelled set."""

    id: str
    label: str
    channel: Channel | None
    sender: str | None
    text: str
    file: str


@dataclass(frozen=True)
class Evaluation:
    """Verdict counts per label, and the results for each message."""

    scams: Counter[Verdict]
    genuine: Counter[Verdict]
    results: list[tuple[Labelled, MessageResult]]

    def rate(self, label: str, *verdicts: Verdict) -> float:
        """Share of messages with this label that got one of these verdicts."""
        counts = self.scams if label == "scam" else self.genuine
        total = sum(counts.values())
        return sum(counts[v] for v in verdicts) / total if total else 0.0


def load_messages(folder: Path = DATA) -> list[Labelled]:
    """Every labelled message in the folder."""
    messages: list[Labelled] = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data.get("message", []):
            channel = item.get("channel")
            try:
                parsed = Channel(channel) if channel else None
            except ValueError:
                parsed = None
            messages.append(
                Labelled(
                    id=str(item["id"]),
                    label=str(item["label"]),
                    channel=parsed,
                    sender=item.get("from"),
                    text=str(item["text"]),
                    file=path.name,
                )
            )
    return messages


def evaluate(messages: list[Labelled]) -> Evaluation:
    """Analyse every message with the bundled content."""
    content = message_content.load(ContentStore())
    scams: Counter[Verdict] = Counter()
    genuine: Counter[Verdict] = Counter()
    results = []
    for message in messages:
        result = analyse(message.text, content, sender=message.sender, channel=message.channel)
        (scams if message.label == "scam" else genuine)[result.verdict] += 1
        results.append((message, result))
    return Evaluation(scams, genuine, results)


def _print(evaluation: Evaluation, misses: bool) -> None:
    n_scam = sum(evaluation.scams.values())
    n_genuine = sum(evaluation.genuine.values())
    print(f"messages: {n_scam + n_genuine} ({n_scam} scam, {n_genuine} genuine)")
    print("\nScams (recall):")
    at_least = evaluation.rate("scam", Verdict.SCAM, Verdict.SUSPICIOUS)
    print(f"  at least 'suspicious': {at_least:6.1%}  (target >= {MIN_SCAM_RECALL:.0%})")
    print(f"  'scam':                {evaluation.rate('scam', Verdict.SCAM):6.1%}")
    print(f"  missed (none_found):   {evaluation.rate('scam', Verdict.NONE_FOUND):6.1%}")
    print("\nGenuine (false alarms):")
    scam_rate = evaluation.rate("genuine", Verdict.SCAM)
    print(f"  called 'scam':         {scam_rate:6.1%}  (target <= {MAX_GENUINE_SCAM_RATE:.0%})")
    print(f"  called 'suspicious':   {evaluation.rate('genuine', Verdict.SUSPICIOUS):6.1%}")
    print(f"  'none_found':          {evaluation.rate('genuine', Verdict.NONE_FOUND):6.1%}")
    if misses:
        print("\nMisclassified:")
        for message, result in evaluation.results:
            wrong = (message.label == "scam" and result.verdict is Verdict.NONE_FOUND) or (
                message.label != "scam" and result.verdict is not Verdict.NONE_FOUND
            )
            if wrong:
                sources = ", ".join(f"{f.source}({f.weight})" for f in result.flags)
                print(f"  {message.file}:{message.id} {message.label} -> {result.verdict} "
                      f"{result.score}: {sources}")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list misclassified messages")
    args = parser.parse_args(argv)
    messages = load_messages()
    if not messages:
        print(f"No labelled messages in {DATA}", file=sys.stderr)
        return 2
    evaluation = evaluate(messages)
    _print(evaluation, args.misses)
    ok = (
        evaluation.rate("scam", Verdict.SCAM, Verdict.SUSPICIOUS) >= MIN_SCAM_RECALL
        and evaluation.rate("genuine", Verdict.SCAM) <= MAX_GENUINE_SCAM_RATE
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
