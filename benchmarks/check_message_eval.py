"""How well check-message tells scams from genuine messages, measured on real messages.

Usage:
    python benchmarks/check_message_eval.py [--set SET] [--split {test,dev,all}]
                                            [--show-misses N] [--json] [--check]
                                            [--without-wording] [--together]

``--together`` adds one more report, the named sets as one: batches read at once are reported
each on its own and together (figures only when any of them is held out).

Sets (``--set``, repeatable; default all but the sealed batch, ``fresh-69``):
  real          real messages quoted verbatim on public pages (benchmarks/data/real-messages/);
                its test half is the headline figure
  fresh-2       a batch of real messages (fresh-2.jsonl) collected while the rules were tuned
                again, from pages no other file uses; held out as a whole, reported alongside
                the test half, with the same targets
  fresh-3       a third batch (fresh-3.jsonl), collected when ``fresh`` moved to development;
                held out in the third round, development since the fourth (like ``fresh``)
  fresh-4       a fourth batch (fresh-4.jsonl), collected when ``fresh-3`` moved to
                development; held out in the fourth round, development since the fifth
  fresh-5       a fifth batch (fresh-5.jsonl), collected when ``fresh-4`` moved to
                development; held out in the fifth round, development since the sixth
  fresh-6       a sixth batch (fresh-6.jsonl), collected when ``fresh-5`` moved to
                development; held out and reported like ``fresh-2``
  fresh-7       a seventh batch (fresh-7.jsonl), collected later in the sixth round; held out
                and reported like ``fresh-2``
  fresh-8       an eighth batch (fresh-8.jsonl), collected in the seventh round; held out and
                reported like ``fresh-2``
  fresh-9       a ninth batch (fresh-9.jsonl), collected in the eighth round; held out in the
                eighth round, development since the ninth
  fresh-10      a tenth batch (fresh-10.jsonl), collected in the ninth round; held out in the
                ninth round, development since the tenth
  fresh-11      an eleventh batch (fresh-11.jsonl), collected in the tenth round; held out in
                the tenth round, development since the eleventh
  fresh-12      a twelfth batch (fresh-12.jsonl), collected in the eleventh round; held out in
                the eleventh round, development since the twelfth
  fresh-13      a thirteenth batch (fresh-13.jsonl), collected in the twelfth round; held out
                in the twelfth round, development since the thirteenth
  fresh-14      a fourteenth batch (fresh-14.jsonl), collected in the thirteenth round; held
                out in the thirteenth round, development since the fourteenth
  fresh-15      a fifteenth batch (fresh-15.jsonl), collected later in the thirteenth round;
                held out in the thirteenth round, development since the fourteenth
  fresh-16      a sixteenth batch (fresh-16.jsonl), collected in the fourteenth round; held
                out in the fourteenth round, development since the fifteenth
  fresh-17      a seventeenth batch (fresh-17.jsonl), collected in the fifteenth round; held
                out in the fifteenth round, development since the sixteenth
  fresh-18      an eighteenth batch (fresh-18.jsonl), collected in the sixteenth round; held
                out in the sixteenth round, development since the seventeenth
  fresh-19      a nineteenth batch (fresh-19.jsonl), collected in the seventeenth round; held
                out in the seventeenth round, development since the eighteenth
  fresh-20      a twentieth batch (fresh-20.jsonl), collected in the eighteenth round; held
                out in the eighteenth round, development since the nineteenth
  fresh-21      a twenty-first batch (fresh-21.jsonl), collected in the nineteenth round; held
                out in the nineteenth round, development since the twentieth
  fresh-22      a twenty-second batch (fresh-22.jsonl), collected in the twentieth round; held
                out in the twentieth round, development since the twenty-first
  fresh-23      a twenty-third batch (fresh-23.jsonl), collected in the twenty-first round;
                held out in the twenty-first round, development since the twenty-second
  fresh-24      a twenty-fourth batch (fresh-24.jsonl), collected in the twenty-first round;
                sealed until its one reading at the end of the twenty-second, development
                since the twenty-third
  fresh-25      a twenty-fifth batch (fresh-25.jsonl), collected in the twenty-second round;
                sealed until its one reading at the end of the twenty-third, development
                since the twenty-fourth
  fresh-26      a twenty-sixth batch (fresh-26.jsonl), collected later in the twenty-second
                round and read with ``fresh-25``; development like it
  fresh-27      a twenty-seventh batch (fresh-27.jsonl), collected in the twenty-third round;
                sealed until its one reading at the end of the twenty-fourth, development
                since the twenty-fifth
  fresh-28      a twenty-eighth batch (fresh-28.jsonl), collected in the twenty-fourth round;
                sealed until its one reading at the end of the twenty-fifth, development
                since the twenty-sixth
  fresh-29      a twenty-ninth batch (fresh-29.jsonl), collected later in the twenty-fourth
                round and read with ``fresh-28``; development like it
  fresh-30      a thirtieth batch (fresh-30.jsonl), collected in the twenty-fifth round;
                sealed until its one reading at the end of the twenty-sixth, development
                since the twenty-seventh
  fresh-31      a thirty-first batch (fresh-31.jsonl), collected later in the twenty-fifth
                round and read with ``fresh-30``; development like it
  fresh-32      a thirty-second batch (fresh-32.jsonl), collected in the twenty-sixth round;
                sealed until its one reading early in the twenty-seventh, development since
                later that round
  fresh-33      a thirty-third batch (fresh-33.jsonl), collected later in the twenty-sixth
                round and read with ``fresh-32``; development like it
  fresh-34      a thirty-fourth batch (fresh-34.jsonl), collected in the twenty-seventh round;
                sealed until its one reading at the end of the twenty-eighth, development
                since later that round
  fresh-35      a thirty-fifth batch (fresh-35.jsonl), collected later in the twenty-seventh
                round and read with ``fresh-34``; development like it
  fresh-36      a thirty-sixth batch (fresh-36.jsonl), collected in the twenty-eighth round;
                sealed until its one reading at the end of the twenty-ninth, development
                since later that round
  fresh-37      a thirty-seventh batch (fresh-37.jsonl), collected later in the twenty-eighth
                round and read with ``fresh-36``; development like it
  fresh-38      a thirty-eighth batch (fresh-38.jsonl), collected in the twenty-ninth round;
                read once at the end of the thirtieth, development since later that round
  fresh-39      a thirty-ninth batch (fresh-39.jsonl), collected in the thirtieth round; read
                once at the end of the thirty-first, development since later that round
  fresh-40      a fortieth batch (fresh-40.jsonl), collected in the thirty-first round; read
                once at the end of the thirty-second, development since later that round
  fresh-41      a forty-first batch (fresh-41.jsonl), collected in the thirty-second round; read
                once after the thirty-third's first lessons, development since later that round
  fresh-42      a forty-second batch (fresh-42.jsonl), collected in the thirty-third round; read
                once at the end of the thirty-fourth's lessons, development since later that round
  fresh-43      a forty-third batch (fresh-43.jsonl), collected in the thirty-fourth round; read
                once at the end of the thirty-fifth's lessons, development since later that round
  fresh-44      a forty-fourth batch (fresh-44.jsonl), collected in the thirty-fifth round; read
                once at the end of the thirty-sixth's lessons, development since later that round
  fresh-45      a forty-fifth batch (fresh-45.jsonl), collected in the thirty-sixth round; read
                once at the end of the thirty-seventh's lessons, development since later that round
  fresh-46      a forty-sixth batch (fresh-46.jsonl), collected in the thirty-seventh round; read
                once at the end of the thirty-eighth's lessons, development since later that round
  fresh-47      a forty-seventh batch (fresh-47.jsonl), collected in the thirty-eighth round; read
                once in the thirty-ninth, before that round's lessons, development since later
                that round
  fresh-48      a forty-eighth batch (fresh-48.jsonl), collected in the thirty-eighth round; read
                once in the fortieth, after that round's first lessons, development since later
                that round
  fresh-49      a forty-ninth batch (fresh-49.jsonl), collected in the thirty-ninth round; read
                once in the forty-first, after that round's first lesson, development since
                later that round
  fresh-50      a fiftieth batch (fresh-50.jsonl), collected in the fortieth round; read once in
                the forty-second, after that round's lessons before it, development since later
                that round
  fresh-51      a fifty-first batch (fresh-51.jsonl), collected in the forty-first round; read
                once in the forty-third, after that round's lessons, development since later that
                round
  fresh-52      a fifty-second batch (fresh-52.jsonl), collected in the forty-second round; read
                once in the forty-fourth, after that round's lessons, development since later
                that round
  fresh-53      a fifty-third batch (fresh-53.jsonl), collected in the forty-third round; read
                once in the forty-fifth, after that round's lessons, development since later
                that round
  fresh-54      a fifty-fourth batch (fresh-54.jsonl), collected in the forty-fourth round; read
                once in the forty-sixth, after that round's lessons, development since later
                that round
  fresh-55      a fifty-fifth batch (fresh-55.jsonl), collected in the forty-fifth round; read
                once in the forty-seventh, after that round's lessons, development since later
                that round
  fresh-56      a fifty-sixth batch (fresh-56.jsonl), collected in the forty-sixth round; read
                once in the forty-eighth, after that round's lessons, development since later
                that round
  fresh-57      a fifty-seventh batch (fresh-57.jsonl), collected in the forty-seventh round;
                read once in the forty-ninth, after that round's lessons, development since
                later that round
  fresh-58      a fifty-eighth batch (fresh-58.jsonl), collected in the forty-eighth round;
                read once in the fiftieth, after that round's lessons, development since later
                that round
  fresh-59      a fifty-ninth batch (fresh-59.jsonl), collected in the fiftieth round; read
                once in the fifty-first, after that round's lessons, development since later
                that round
  fresh-60      a sixtieth batch (fresh-60.jsonl), collected in the fifty-first round; read
                once in the fifty-second, after that round's lessons, development since later
                that round
  fresh-61      a sixty-first batch (fresh-61.jsonl), collected in the fifty-second round; read
                once in the fifty-third, after that round's lessons, development since later
                that round
  fresh-62      a sixty-second batch (fresh-62.jsonl), collected in the fifty-third round; read
                once in the fifty-fourth, after that round's first lesson, development since
                later that round
  fresh-63      a sixty-third batch (fresh-63.jsonl), collected in the fifty-fourth round; read
                once in the fifty-fifth, after that round's two general lessons, development
                since later that round
  fresh-64      a sixty-fourth batch (fresh-64.jsonl), collected in the fifty-fifth round; read
                once in the fifty-sixth, with no lesson of that round before it, development
                since later that round
  fresh-65      a sixty-fifth batch (fresh-65.jsonl), collected in the fifty-sixth round; read
                once in the fifty-seventh, with no lesson of that round before it, development
                since later that round
  fresh-66      a sixty-sixth batch (fresh-66.jsonl), collected in the fifty-seventh round; read
                once in the fifty-eighth, after that round's one change (which reads every
                message the same), development since later that round
  fresh-67      a sixty-seventh batch (fresh-67.jsonl), collected in the fifty-eighth round; read
                once in the fifty-ninth, after that round's changes before it (which read every
                development message the same), development since later that round
  fresh-68      a sixty-eighth batch (fresh-68.jsonl), collected in the fifty-ninth round; read
                once in the sixtieth, after that round's changes before it, development since
                later that round
  fresh-69      a sixty-ninth batch (fresh-69.jsonl), collected in the sixtieth round for the
                sixty-first; sealed (message_sets.SEALED_BATCHES): measured only when named, at
                the reading its rules set
  fresh         the first fresh batch (fresh.jsonl): held out until the third round, development
                since (measured with ``--split dev`` or ``all``; misses may be shown)
  extra         more real messages for tuning only (extra-*.jsonl), from pages neither file above
                uses; all dev (measured with ``--split dev`` or ``all``), misses may be shown
  mendeley, uci, spamassassin
                the public corpora in ../shared/data/messages/ (or $SOCHELP_CORPORA_DIR),
                read in place and split by a hash of each text (see message_sets.corpus_split)
  corpora       the three corpora
  team          the messages the team wrote itself (tests/data/messages/): a regression set,
                reported separately and never as a headline figure

For scams the report gives the share at "some warning signs" or above and at "strong signs";
for genuine messages (and the corpora's marketing "spam", kept apart) the share at each level.
Everything is analysed in this one process with the bundled content. ``--show-misses`` lists
missed scams and false alarms of the dev halves (and the team set) only: the test halves and the
fresh batches print figures and nothing else, so they cannot be tuned against. ``--check`` exits
1 when a target of the issue is missed on a test half or on a fresh batch. The fresh batches are
measured with ``--split test`` or ``all`` (they are held out), never with ``--split dev``.
Each set's figures are also given by the language its messages read as (``language`` of
check-message's answer: English, another language or script, or too short to tell), in the text
report's "by language" line and under ``languages`` in ``--json``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import message_sets as sets
from message_sets import Sample

if TYPE_CHECKING:
    from sochelp.message.analyse import MessageResult, Verdict
    from sochelp.message.model import Channel, MessageContent

#: The answer levels, named as check-message prints them.
LEVELS = ("none", "some", "strong")
LEVEL_NAMES = {
    "none": "no known warning signs",
    "some": "some warning signs",
    "strong": "strong signs of a scam",
}

#: Targets of issue 11 on the test halves: (set, label, measure, bound, is_minimum).
#: The fresh batch is held to the same targets as the real set's test half.
_REAL_TARGETS: tuple[tuple[str, str, float, bool], ...] = (
    ("scam", "some_or_more", 0.90, True),
    ("scam", "strong", 0.60, True),
    ("genuine", "strong", 0.02, False),
    ("genuine", "some", 0.10, False),
)
TARGETS: tuple[tuple[str, str, str, float, bool], ...] = (
    *(("real", *target) for target in _REAL_TARGETS),
    # every held-out fresh batch has the test half's targets
    *((name, *target) for name in sets.FRESH_BATCHES for target in _REAL_TARGETS),
    ("mendeley", "scam", "some_or_more", 0.85, True),
    ("mendeley", "genuine", "strong", 0.02, False),
    ("mendeley", "genuine", "some", 0.10, False),
    ("uci", "genuine", "strong", 0.02, False),
    ("uci", "genuine", "some", 0.10, False),
    ("spamassassin", "genuine", "strong", 0.02, False),
    ("spamassassin", "genuine", "some", 0.10, False),
)

#: Targets of the team-written regression set (kept from the first version of this script).
MIN_SCAM_RECALL = 0.90
MAX_GENUINE_SCAM_RATE = 0.05

#: The sets in report order: the headline, the held-out batches, then development data.
SET_ORDER = (
    "real",
    *sets.FRESH_BATCHES,
    "extra",
    *sets.DEV_BATCHES,
    "mendeley",
    "uci",
    "spamassassin",
    "team",
)
#: Halves whose misses are never printed: the test halves and the fresh batches.
HELD_OUT = ("test", *sets.FRESH_BATCHES)
#: The name of the report of the sets named with --together, as one set.
TOGETHER = "together"
_KIND_CHANNELS = {
    "sms": "sms",
    "email": "email",
    "whatsapp": "whatsapp",
    "call": "call",
    "letter": "letter",
    "link": "web",
}


@dataclass
class Outcome:
    """One analysed sample: its level and the sources of the signs found."""

    sample: Sample
    level: str
    score: int
    signs: tuple[str, ...]
    #: "english", "other" or "short" (too short to tell): the answer's ``language``.
    language: str = "short"


@dataclass
class SetReport:
    """The figures of one set and half."""

    set_name: str
    split: str
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    #: For the sets named with --together, as one: whether any of them is held out.
    holds_held_out: bool = False

    @property
    def headline(self) -> bool:
        return self.set_name == "real" and self.split == "test"

    @property
    def held_out(self) -> bool:
        """A test half or a held-out fresh batch (or sets together that hold one): figures
        only, never its messages."""
        return self.split in HELD_OUT or self.holds_held_out

    def figures(self) -> dict[str, Any]:
        """Counts and shares overall and per kind, for each label."""
        groups: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        for outcome in self.outcomes:
            label = outcome.sample.label
            groups[label]["all"][outcome.level] += 1
            groups[label][outcome.sample.kind][outcome.level] += 1
        result: dict[str, Any] = {}
        for label in ("scam", "genuine", "spam"):
            if label not in groups:
                continue
            result[label] = {kind: _shares(counts) for kind, counts in _ordered(groups[label])}
        return result

    def languages(self) -> dict[str, Any]:
        """Counts and shares for each label, by the language the message reads as (English,
        another language or script, or too short to tell)."""
        groups: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
        for outcome in self.outcomes:
            groups[outcome.sample.label][outcome.language][outcome.level] += 1
        return {
            label: {
                lang: _shares(groups[label][lang]) for lang in LANGUAGES if lang in groups[label]
            }
            for label in ("scam", "genuine", "spam")
            if label in groups
        }


#: How ``languages()`` groups messages, in the order shown.
LANGUAGES = ("english", "other", "short")


def _ordered(by_kind: dict[str, Counter[str]]) -> list[tuple[str, Counter[str]]]:
    kinds = sorted(k for k in by_kind if k != "all")
    return [("all", by_kind["all"]), *((k, by_kind[k]) for k in kinds)]


def _shares(counts: Counter[str]) -> dict[str, Any]:
    total = sum(counts.values())
    shares = {level: (counts[level] / total if total else 0.0) for level in LEVELS}
    return {
        "n": total,
        "counts": {level: counts[level] for level in LEVELS},
        "none": shares["none"],
        "some": shares["some"],
        "strong": shares["strong"],
        "some_or_more": shares["some"] + shares["strong"],
    }


# --- analysis ---------------------------------------------------------------------------------


class Analyser:
    """check-message's analysis, in process, with the bundled content loaded once."""

    def __init__(self, *, wording: bool = True) -> None:
        from sochelp.content.store import ContentStore
        from sochelp.message import loading

        self.content: MessageContent = loading.load(ContentStore())
        if not wording:  # measure the rules alone, without the statistical sign
            self.content = self.content._replace(wording=None)

    def level(self, result: MessageResult) -> str:
        from sochelp.message.analyse import Verdict

        return {Verdict.SCAM: "strong", Verdict.SUSPICIOUS: "some"}.get(result.verdict, "none")

    def analyse(self, sample: Sample) -> Outcome:
        from sochelp.message.analyse import analyse

        result = analyse(
            sample.text, self.content, sender=sample.sender, channel=_channel(sample.kind)
        )
        signs = tuple(f"{flag.source}({flag.weight})" for flag in result.flags)
        return Outcome(sample, self.level(result), result.score, signs, result.language or "short")


def _channel(kind: str) -> Channel | None:
    from sochelp.message.model import Channel

    value = _KIND_CHANNELS.get(kind)
    return Channel(value) if value else None


def run_set(analyser: Analyser, name: str, split: str, samples: Sequence[Sample]) -> SetReport:
    """Analyse every sample of one set and half."""
    report = SetReport(name, split)
    start = time.perf_counter()
    report.outcomes = [analyser.analyse(sample) for sample in samples]
    report.seconds = time.perf_counter() - start
    return report


def together(reports: Sequence[SetReport]) -> SetReport:
    """The sets' messages as one set (batches read at once are reported each and together)."""
    parts = (r.set_name if r.split == r.set_name else f"{r.set_name} {r.split}" for r in reports)
    combined = SetReport(TOGETHER, " + ".join(parts))
    combined.outcomes = [outcome for report in reports for outcome in report.outcomes]
    combined.seconds = sum(report.seconds for report in reports)
    combined.holds_held_out = any(report.held_out for report in reports)
    return combined


# --- choosing the sets ------------------------------------------------------------------------


def collect(
    names: Sequence[str], split: str, corpora: Path | None
) -> list[tuple[str, str, list[Sample]]]:
    """The (set, half, samples) to analyse, headline first."""
    halves = ("test", "dev") if split == "all" else (split,)
    jobs: list[tuple[str, str, list[Sample]]] = []
    for name in SET_ORDER:
        if name not in names:
            continue
        if name == "team":
            jobs.append(("team", "all", sets.team_samples()))
        elif name == "real":
            records = sets.load_real()
            jobs.extend(("real", half, sets.real_samples(records, half)) for half in halves)
        elif name in sets.DEV_BATCHES:
            if "dev" in halves:  # moved to development: tuned on, misses may be shown
                jobs.append((name, "dev", sets.fresh_samples(sets.load_batch(name), name)))
        elif name in sets.FRESH_BATCHES:
            if "test" in halves:  # held out as a whole: reported beside the test halves
                samples = sets.fresh_samples(sets.load_batch(name), name)
                jobs.append((name, name, samples))
        elif name == "extra":
            if "dev" in halves:  # for tuning only: it has no test half
                jobs.append(("extra", sets.EXTRA_SPLIT, sets.extra_samples(sets.load_extra())))
        elif corpora is not None:
            samples = sets.load_corpus(name, corpora)
            _check_corpus_split(name, samples)
            for half in halves:
                jobs.append((name, half, [s for s in samples if s.split == half]))
    return jobs


def _check_corpus_split(name: str, samples: Sequence[Sample]) -> None:
    """Warn when a corpus no longer splits as committed (changed file or changed rule)."""
    try:
        committed = sets.load_corpus_splits_file()["corpora"][name]
    except (OSError, KeyError, ValueError):
        return
    now = sets.corpus_split_summary(samples)
    if now["counts"] != committed["counts"] or now["test_digest"] != committed["test_digest"]:
        print(
            f"warning: {name} no longer matches its committed split in "
            f"{sets.CORPUS_SPLITS_FILE.name}; figures are not comparable",
            file=sys.stderr,
        )


# --- output -----------------------------------------------------------------------------------


def _pct(value: float) -> str:
    return f"{value * 100:5.1f}%"


def target_results(reports: Sequence[SetReport]) -> list[dict[str, Any]]:
    """Each target of the issue on the test halves and the fresh batch: the figure and whether
    it is met."""
    results = []
    by_set = {r.set_name: r for r in reports if r.held_out}
    for set_name, label, measure, bound, minimum in TARGETS:
        report = by_set.get(set_name)
        if report is None:
            continue
        figures = report.figures().get(label, {}).get("all")
        if not figures or not figures["n"]:
            continue
        value = figures[measure]
        met = value >= bound if minimum else value <= bound
        results.append(
            {
                "set": set_name,
                "label": label,
                "measure": measure,
                "target": ("≥ " if minimum else "≤ ") + _pct(bound).strip(),
                "value": value,
                "met": met,
            }
        )
    return results


def print_report(report: SetReport) -> None:
    """A plain-text table for one set and half."""
    counts = Counter(o.sample.label for o in report.outcomes)
    title = f"{report.set_name} ({report.split})"
    if report.headline:
        title += " — HEADLINE: real messages, test half"
    elif report.set_name in sets.FRESH_BATCHES:
        ordinal = sets.batch_ordinal(report.set_name)
        article = "an" if ordinal[0] in "aeiou" else "a"
        title += f" — {article} {ordinal} batch from pages not used before, held out from tuning"
    elif report.set_name in sets.DEV_BATCHES:
        ordinal = sets.batch_ordinal(report.set_name)
        since = sets.round_moved(report.set_name)
        title += f" — the {ordinal} fresh batch, development data since the {since} round"
    elif report.set_name == "team":
        title += " — team-written regression set, not a headline figure"
    parts = ", ".join(
        f"{counts[label]} {label}" for label in ("scam", "genuine", "spam") if counts[label]
    )
    print(f"\n{title}\n  {len(report.outcomes)} messages ({parts}), {report.seconds:.2f} s")
    figures = report.figures()
    if "scam" in figures:
        print(f"  {'scams':<18}{'n':>6}  {'≥ some':>7}  {'strong':>7}")
        for kind, row in figures["scam"].items():
            print(
                f"  {kind:<18}{row['n']:>6}  {_pct(row['some_or_more']):>7}  "
                f"{_pct(row['strong']):>7}"
            )
    for label, heading in (("genuine", "genuine"), ("spam", "spam (marketing)")):
        if label not in figures:
            continue
        print(f"  {heading:<18}{'n':>6}  {'none':>7}  {'some':>7}  {'strong':>7}")
        for kind, row in figures[label].items():
            print(
                f"  {kind:<18}{row['n']:>6}  {_pct(row['none']):>7}  {_pct(row['some']):>7}  "
                f"{_pct(row['strong']):>7}"
            )
    by_language = report.languages()
    if any(len(rows) > 1 for rows in by_language.values()):
        language_parts = []
        for label, rows in by_language.items():
            shown = "; ".join(
                f"{lang} {row['n']}: {_pct(row['some_or_more']).strip()} / "
                f"{_pct(row['strong']).strip()}"
                for lang, row in rows.items()
            )
            language_parts.append(f"{label} ({shown})")
        print("  by language, ≥ some / strong: " + ", ".join(language_parts))


def _printable(text: str) -> str:
    """Text safe to print on a terminal: one line, control and format characters (escape
    codes, bidi overrides, zero-width marks) shown as ``\\uXXXX`` instead of acting."""
    flat = " ".join(text.split())
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn") else ch
        for ch in flat
    )


def print_misses(report: SetReport, limit: int) -> None:
    """Missed scams and false alarms of a dev half (never of a test half or a held-out batch)."""
    if report.held_out:
        if report.set_name == TOGETHER:
            name = "sets holding a held-out one"
        elif report.set_name in sets.FRESH_BATCH_TABLE:
            name = f"the {sets.batch_ordinal(report.set_name)} fresh batch"
        else:
            name = f"{report.set_name} test"
        print(f"\n  (misses of {name} are never shown: figures only)")
        return
    missed = [o for o in report.outcomes if o.sample.label == "scam" and o.level == "none"]
    alarms = [o for o in report.outcomes if o.sample.label == "genuine" and o.level != "none"]
    alarms.sort(key=lambda o: LEVELS.index(o.level), reverse=True)
    for heading, rows in (("missed scams", missed), ("false alarms", alarms)):
        print(
            f"\n  {heading} in {report.set_name} ({report.split}): {len(rows)}"
            + (f", first {limit}" if len(rows) > limit else "")
        )
        for outcome in rows[:limit]:
            sample = outcome.sample
            text = _printable(sample.text)
            text = text if len(text) <= 160 else text[:159] + "…"
            signs = _printable(", ".join(outcome.signs)) or "no signs"
            print(
                f"  - [{outcome.level}/{outcome.score}] {sample.kind} {sample.family} "
                f"{sample.id}: {text}\n      signs: {signs}"
            )
            if sample.source:
                print(f"      source: {_printable(sample.source)}")


def _commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=sets.REPO,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def as_json(reports: Sequence[SetReport]) -> dict[str, Any]:
    """The machine-readable figures."""
    return {
        "date": date.today().isoformat(),
        "commit": _commit(),
        "levels": LEVEL_NAMES,
        "sets": [
            {
                "set": r.set_name,
                "split": r.split,
                "headline": r.headline,
                "held_out": r.held_out,
                "team_written": r.set_name == "team",
                "messages": len(r.outcomes),
                "seconds": round(r.seconds, 3),
                "figures": r.figures(),
                "languages": r.languages(),
            }
            for r in reports
        ],
        "targets": target_results(reports),
    }


# --- the team-written set, with the first version's interface (tests/message/test_dataset.py) --


@dataclass(frozen=True)
class Labelled:
    """One message of the team-written set."""

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


def load_messages(folder: Path = sets.TEAM_DIR) -> list[Labelled]:
    """Every message of the team-written set."""
    messages = []
    for sample in sets.team_samples(folder):
        file, _, ident = sample.id.partition(":")
        messages.append(
            Labelled(ident, sample.label, _channel(sample.kind), sample.sender, sample.text, file)
        )
    return messages


def evaluate(messages: Sequence[Labelled]) -> Evaluation:
    """Analyse team-written messages with the bundled content."""
    from sochelp.message.analyse import analyse

    analyser = Analyser()
    scams: Counter[Verdict] = Counter()
    genuine: Counter[Verdict] = Counter()
    results = []
    for message in messages:
        result = analyse(
            message.text, analyser.content, sender=message.sender, channel=message.channel
        )
        (scams if message.label == "scam" else genuine)[result.verdict] += 1
        results.append((message, result))
    return Evaluation(scams, genuine, results)


# --- command line -----------------------------------------------------------------------------


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(__doc__ or "").splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    choices = ("all", *SET_ORDER, "corpora")
    parser.add_argument(
        "--set",
        action="append",
        choices=choices,
        dest="sets",
        help="which set(s) to measure (repeatable; default: all)",
    )
    parser.add_argument(
        "--split",
        choices=("test", "dev", "all"),
        default="all",
        help="which half (default: both; the team set has no halves)",
    )
    parser.add_argument(
        "--show-misses",
        type=int,
        default=0,
        metavar="N",
        help="list up to N missed scams and N false alarms of each dev half",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument(
        "--without-wording",
        action="store_true",
        help="leave out the statistical 'worded like known scams' sign (to measure its worth)",
    )
    parser.add_argument(
        "--together",
        action="store_true",
        help="also report the named sets as one (batches read at once: each and together)",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="exit 1 if a target of the issue is missed on a test half or a fresh batch",
    )
    parser.add_argument(
        "--write-corpus-splits",
        action="store_true",
        help="(maintainers) rewrite benchmarks/data/corpus-splits.json",
    )
    args = parser.parse_args(argv)
    if args.show_misses < 0:
        parser.error("--show-misses needs a number of 0 or more")
    return args


def _names(chosen: Sequence[str] | None) -> list[str]:
    """The sets to measure, in report order. "all" (the default) leaves out the sealed batches:
    a sealed batch is measured only when named."""
    names: set[str] = set()
    for choice in chosen or ["all"]:
        if choice == "all":
            names.update(n for n in SET_ORDER if n not in sets.SEALED_BATCHES)
        elif choice == "corpora":
            names.update(sets.CORPORA)
        else:
            names.add(choice)
    return [n for n in SET_ORDER if n in names]


def write_corpus_splits(folder: Path) -> None:
    """Record the split rule and, per corpus, the counts and test digest it gives."""
    data = {
        "rule": "test if int(sha256(seed + '\\n' + text).hexdigest()[:8], 16) is even, else dev",
        "seed": sets.CORPUS_SPLIT_SEED,
        "corpora": {
            name: {
                "file": sets.CORPORA[name][0],
                **sets.corpus_split_summary(sets.load_corpus(name, folder)),
            }
            for name in sets.CORPORA
        },
    }
    sets.CORPUS_SPLITS_FILE.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Measure, print the figures, and (with --check) fail on a missed target."""
    args = _parse(argv)
    names = _names(args.sets)
    left_out = sorted(sets.SEALED_BATCHES - set(names))
    if left_out and "all" in (args.sets or ["all"]) and not args.write_corpus_splits:
        print(
            f"note: {', '.join(left_out)} sealed until the reading its rules name (data "
            "README); not measured (--set NAME measures one)",
            file=sys.stderr,
        )
    corpora = sets.corpora_dir()
    wanted_corpora = [n for n in names if n in sets.CORPORA]
    if args.write_corpus_splits:
        if corpora is None:
            print("sochelp: the public corpora were not found", file=sys.stderr)
            return 2
        write_corpus_splits(corpora)
        return 0
    if wanted_corpora and corpora is None:
        message = (
            "the public corpora were not found; set SOCHELP_CORPORA_DIR to the folder "
            "holding mendeley-sms-phishing.jsonl"
        )
        if args.sets and all(s not in ("all",) for s in args.sets):
            print(f"sochelp: {message}", file=sys.stderr)
            return 2
        print(f"note: {message}; skipping them", file=sys.stderr)
    analyser = Analyser(wording=not args.without_wording)
    reports = [
        run_set(analyser, name, half, samples)
        for name, half, samples in collect(names, args.split, corpora)
    ]
    if args.together and len(reports) > 1:
        reports.append(together(reports))
    targets = target_results(reports)
    if args.json:
        print(json.dumps(as_json(reports), indent=2, ensure_ascii=False))
    else:
        print(
            "check-message on labelled messages (levels: none / some warning signs / "
            "strong signs of a scam)"
        )
        for report in reports:
            print_report(report)
            if args.show_misses:
                print_misses(report, args.show_misses)
        if targets:
            print("\nTargets (issue 11) on the test halves and the fresh batches:")
            for t in targets:
                mark = "met" if t["met"] else "MISSED"
                print(
                    f"  {t['set']:<13}{t['label']:<8}{t['measure']:<13}{t['target']:>9}  "
                    f"{_pct(t['value'])}  {mark}"
                )
    if args.check and any(not t["met"] for t in targets):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
