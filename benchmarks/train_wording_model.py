"""Train check-message's "worded like known scam texts" sign (content/message_model/).

Usage:
    python benchmarks/train_wording_model.py [--features 4000] [--write]

Training data: the DEVELOPMENT halves only — of the real-message set
(benchmarks/data/real-messages/, scams against genuine messages) and of the public corpora in
../shared/data/messages/ (Mendeley SMS phishing: smishing against ham; UCI SMS and SpamAssassin
email: ham only; marketing spam is left out, as sochelp does not call marketing a scam). The
test halves are never read. Licences: Mendeley SMS phishing and UCI SMS spam CC BY 4.0,
SpamAssassin public corpus PDDL 1.0 / CC0 (see that folder's README); the real messages are
short quotations kept with their sources (benchmarks/data/real-messages/README.md). The model
file holds only word weights, none of the messages.

The model is a naive Bayes over the distinct words and word pairs of each message (binary
features, Laplace smoothing, equal class priors, each source weighted so that no one corpus
dominates), cut to the features with the most evidence. It is deterministic: the same data
give the same file. Two thresholds are chosen on out-of-fold scores (5 folds, dealt by a hash
of each text), leaving out genuine messages that talk about scams (the sign is never given to
those):
a weak one (a sign of weight 2, not enough on its own) with at most 0.5% false alarms on the
large genuine corpora, and the sign's own (weight 3) with none on them and at most 5% on the
real genuine messages.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import message_sets as sets

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "content" / "message_model" / "wording.toml"
FOLDS = 5
#: Features seen in fewer documents than this are dropped (they only fit the training set).
MIN_DOCUMENTS = 3


def examples() -> list[tuple[str, int, str]]:
    """(text, 1 for scam or 0 for genuine, source) from the development halves only."""
    from sochelp.message.analyse import prepare_text

    found: list[tuple[str, int, str]] = []
    for sample in sets.real_samples(sets.load_real(), "dev"):
        found.append(
            (prepare_text(sample.text), int(sample.label == "scam"), f"real-{sample.label}")
        )
    folder = sets.corpora_dir()
    if folder is None:
        raise SystemExit("the public corpora were not found (see benchmarks/message_sets.py)")
    for name in sets.CORPORA:
        for sample in sets.load_corpus(name, folder, "dev"):
            if sample.label == "spam":
                continue
            found.append(
                (prepare_text(sample.text), int(sample.label == "scam"), f"{name}-{sample.label}")
            )
    return found


def _fold(text: str) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


def train(data: Sequence[tuple[set[str], int, str]], keep: int) -> tuple[dict[str, float], float]:
    """Naive Bayes log-odds per feature (each source weighted to equal total weight)."""
    per_source = Counter(source for _, _, source in data)
    counts = [Counter(), Counter()]  # weighted document counts per class
    totals = [0.0, 0.0]
    documents: Counter[str] = Counter()
    for features, label, source in data:
        weight = 1.0 / per_source[source]
        totals[label] += weight
        for feature in features:
            counts[label][feature] += weight
            documents[feature] += 1
    weights: dict[str, float] = {}
    evidence: dict[str, float] = {}
    for feature, seen in documents.items():
        if seen < MIN_DOCUMENTS:
            continue
        p_scam = (counts[1][feature] + 0.01) / (totals[1] + 0.02)
        p_ham = (counts[0][feature] + 0.01) / (totals[0] + 0.02)
        weight = math.log(p_scam / p_ham)
        weights[feature] = weight
        evidence[feature] = abs(weight) * math.log1p(seen)
    chosen = sorted(weights, key=lambda f: (-evidence[f], f))[:keep]
    return {feature: round(weights[feature], 4) for feature in sorted(chosen)}, 0.0


def _warnings(texts: Sequence[str]) -> list[bool]:
    """Whether each text talks about scams (check-message's warning cue)."""
    from sochelp.content.store import ContentStore
    from sochelp.message import loading
    from sochelp.message.analyse import TALK_CUE
    from sochelp.message.model import first_matches

    content = loading.load(ContentStore())
    talk = content.cue(TALK_CUE)
    if talk is None:
        return [False] * len(texts)
    return [bool(first_matches(talk, text, 1)) for text in texts]


def score(weights: dict[str, float], features: set[str]) -> float:
    return sum(weights.get(feature, 0.0) for feature in features)


def main(argv: Sequence[str] | None = None) -> int:
    from sochelp.message.wording import features as text_features

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--features", type=int, default=4000)
    parser.add_argument("--write", action="store_true", help="write content/message_model/")
    args = parser.parse_args(argv)
    raw = examples()
    data = [(text_features(text), label, source) for text, label, source in raw]
    folds = [_fold(text) for text, _, _ in raw]
    out_of_fold = [0.0] * len(data)
    for fold in range(FOLDS):
        training = [item for item, f in zip(data, folds, strict=True) if f != fold]
        weights, _ = train(training, args.features)
        for number, (item, f) in enumerate(zip(data, folds, strict=True)):
            if f == fold:
                out_of_fold[number] = score(weights, item[0])
    sources = sorted({source for _, _, source in data})
    # The sign is never given to a message that talks about scams (a warning), so such
    # genuine messages do not count.
    warnings = _warnings([text for text, _, _ in raw])

    def rate(source: str, threshold: float) -> float:
        scores = [
            s
            for s, (_, _, src), warning in zip(out_of_fold, data, warnings, strict=True)
            if src == source and not warning
        ]
        return sum(1 for s in scores if s > threshold) / max(1, len(scores))

    # The lower threshold (a weak sign, not enough on its own): at most 0.5% false alarms on
    # the large genuine corpora. The higher one (a sign enough for "some warning signs"): no
    # false alarm on them, and at most 5% on the real genuine messages.
    corpora = [s for s in sources if s.endswith("genuine") and not s.startswith("real")]
    low = min(t / 2 for t in range(80) if all(rate(s, t / 2) <= 0.005 for s in corpora))
    high = min(
        t / 2
        for t in range(80)
        if all(rate(s, t / 2) == 0 for s in corpora) and rate("real-genuine", t / 2) <= 0.05
    )
    high = max(high, low)
    print(f"thresholds (out of fold): weak sign above {low}, sign above {high}")
    for source in sources:
        print(
            f"  {source:<22} over weak {rate(source, low):6.1%}"
            f"   over sign {rate(source, high):6.1%}"
        )
    weights, bias = train(data, args.features)
    if args.write:
        write(weights, bias, low, high, len(data))
        print(f"wrote {OUTPUT.relative_to(REPO)} ({len(weights)} features)")
    return 0


def write(weights: dict[str, float], bias: float, low: float, high: float, count: int) -> None:
    """The model as content TOML."""
    import json

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        '# check-message\'s "worded like known scam texts" sign. Made by',
        "# benchmarks/train_wording_model.py from the development halves only (see its",
        "# docstring for the data and their licences); holds word weights, not messages.",
        "",
        "[[model]]",
        'id = "wording"',
        f"documents = {count}",
        f"bias = {bias}",
        f"weak_threshold = {low}",
        f"threshold = {high}",
        "features = [",
    ]
    lines.extend(f"  {json.dumps(feature)}," for feature in weights)
    lines.append("]")
    lines.append("weights = [")
    lines.extend(f"  {weight}," for weight in weights.values())
    lines.append("]")
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
