"""The labelled message sets used to measure check-message, and their fixed dev/test splits.

Three kinds of set:

* the **real-message set** in ``benchmarks/data/real-messages/messages.jsonl``: scams and genuine
  messages quoted verbatim on public pages, each with its source address. Its dev/test split is
  stored in the file (``split``) and follows :func:`assign_real_splits`: whole source pages go to
  one half, so nothing quoted on a test page is ever seen while tuning.
* the **fresh batches** in ``benchmarks/data/real-messages/fresh.jsonl``, ``fresh-2.jsonl``, …:
  real messages collected after the rules were tuned, from pages no other file uses (no shared
  page, no near duplicate of their texts). Each has no halves (``split`` is its name) and is held
  out as a whole for at least one reading; most have since moved to development, where their
  misses were read and tuned on (their samples are "dev"). :data:`FRESH_BATCH_TABLE` says which.
* the **extra dev sets** in ``benchmarks/data/real-messages/extra-*.jsonl``: more real messages,
  collected later from pages neither file above uses, for tuning only (``split`` is "dev" for
  every record; no near duplicate of a test-half or fresh text, checked by a test).
* the **public corpora** in ``../shared/data/messages/`` (or ``$SOCHELP_CORPORA_DIR``): never copied
  into the repository; each message's half is :func:`corpus_split` of its text.
* the **team-written regression set** in ``tests/data/messages/*.toml``: written by the project,
  reported separately and never as a headline figure.

The test halves are for reporting only: never look at their misses while tuning.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import re
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REAL_DIR = REPO / "benchmarks" / "data" / "real-messages"
REAL_FILE = REAL_DIR / "messages.jsonl"
#: The extra dev sets: every file matching this in ``REAL_DIR`` (one per collector).
EXTRA_GLOB = "extra-*.jsonl"
CORPUS_SPLITS_FILE = REPO / "benchmarks" / "data" / "corpus-splits.json"
TEAM_DIR = REPO / "tests" / "data" / "messages"

#: Seeds of the two split rules. Changing either re-deals the halves: don't.
REAL_SPLIT_SEED = "sochelp-real-messages-split-v1"
CORPUS_SPLIT_SEED = "sochelp-corpus-split-v1"

LABELS = ("scam", "genuine")
#: The fields of every record of the real-message files (messages.jsonl, fresh.jsonl), in the
#: order the files write them.
RECORD_FIELD_ORDER = (
    "id",
    "text",
    "label",
    "kind",
    "family",
    "claimed_sender",
    "source",
    "source_title",
    "also_sources",
    "collected",
    "split",
)
RECORD_FIELDS = frozenset(RECORD_FIELD_ORDER)
#: A family tag: lower-case words joined by hyphens.
FAMILY_TAG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
#: The longest family tag a record may have.
MAX_FAMILY_LENGTH = 32
KINDS = ("sms", "email", "whatsapp", "call", "link", "social", "letter")
SPLITS = ("dev", "test")
#: Every fresh batch, in the order collected: set name -> (its ordinal, the round since which
#: it is development data, or "" while it is held out). A batch's name is also every record's
#: ``split`` and, with ".jsonl", its file's name in ``REAL_DIR``. Each was collected after the
#: detector was tuned, from pages no other file uses, and held out as a whole for at least one
#: reading; a batch moved to development had its misses read and tuned on (its samples are
#: "dev"). A new batch is one more entry; moving one to development names the round.
FRESH_BATCH_TABLE: dict[str, tuple[str, str]] = {
    "fresh": ("first", "third"),
    "fresh-2": ("second", ""),
    "fresh-3": ("third", "fourth"),
    "fresh-4": ("fourth", "fifth"),
    "fresh-5": ("fifth", "sixth"),
    "fresh-6": ("sixth", ""),
    "fresh-7": ("seventh", ""),
    "fresh-8": ("eighth", ""),
    "fresh-9": ("ninth", "ninth"),
    "fresh-10": ("tenth", "tenth"),
    "fresh-11": ("eleventh", "eleventh"),
    "fresh-12": ("twelfth", "twelfth"),
    "fresh-13": ("thirteenth", "thirteenth"),
    "fresh-14": ("fourteenth", "fourteenth"),
    "fresh-15": ("fifteenth", "fourteenth"),
    "fresh-16": ("sixteenth", "fifteenth"),
    "fresh-17": ("seventeenth", "sixteenth"),
    "fresh-18": ("eighteenth", "seventeenth"),
    "fresh-19": ("nineteenth", "eighteenth"),
    "fresh-20": ("twentieth", "nineteenth"),
    "fresh-21": ("twenty-first", "twentieth"),
    "fresh-22": ("twenty-second", "twenty-first"),
    "fresh-23": ("twenty-third", "twenty-second"),
    "fresh-24": ("twenty-fourth", "twenty-third"),
    "fresh-25": ("twenty-fifth", "twenty-fourth"),
    "fresh-26": ("twenty-sixth", "twenty-fourth"),
    "fresh-27": ("twenty-seventh", "twenty-fifth"),
    "fresh-28": ("twenty-eighth", "twenty-sixth"),
    "fresh-29": ("twenty-ninth", "twenty-sixth"),
    "fresh-30": ("thirtieth", "twenty-seventh"),
    "fresh-31": ("thirty-first", "twenty-seventh"),
    "fresh-32": ("thirty-second", "twenty-seventh"),
    "fresh-33": ("thirty-third", "twenty-seventh"),
    "fresh-34": ("thirty-fourth", "twenty-eighth"),
    "fresh-35": ("thirty-fifth", "twenty-eighth"),
    "fresh-36": ("thirty-sixth", "twenty-ninth"),
    "fresh-37": ("thirty-seventh", "twenty-ninth"),
    "fresh-38": ("thirty-eighth", "thirtieth"),
    "fresh-39": ("thirty-ninth", "thirty-first"),
    "fresh-40": ("fortieth", "thirty-second"),
    "fresh-41": ("forty-first", "thirty-third"),
    "fresh-42": ("forty-second", "thirty-fourth"),
    "fresh-43": ("forty-third", "thirty-fifth"),
    "fresh-44": ("forty-fourth", "thirty-sixth"),
    "fresh-45": ("forty-fifth", "thirty-seventh"),
    "fresh-46": ("forty-sixth", "thirty-eighth"),
    "fresh-47": ("forty-seventh", "thirty-ninth"),
    "fresh-48": ("forty-eighth", "fortieth"),
    "fresh-49": ("forty-ninth", "forty-first"),
    "fresh-50": ("fiftieth", "forty-second"),
    "fresh-51": ("fifty-first", "forty-third"),
    "fresh-52": ("fifty-second", "forty-fourth"),
    "fresh-53": ("fifty-third", "forty-fifth"),
    "fresh-54": ("fifty-fourth", "forty-sixth"),
    "fresh-55": ("fifty-fifth", "forty-seventh"),
    "fresh-56": ("fifty-sixth", "forty-eighth"),
    "fresh-57": ("fifty-seventh", "forty-ninth"),
    "fresh-58": ("fifty-eighth", "fiftieth"),
    "fresh-59": ("fifty-ninth", "fifty-first"),
    "fresh-60": ("sixtieth", "fifty-second"),
    "fresh-61": ("sixty-first", "fifty-third"),
    "fresh-62": ("sixty-second", "fifty-fourth"),
    "fresh-63": ("sixty-third", "fifty-fifth"),
    "fresh-64": ("sixty-fourth", "fifty-sixth"),
    "fresh-65": ("sixty-fifth", "fifty-seventh"),
    "fresh-66": ("sixty-sixth", "fifty-eighth"),
    "fresh-67": ("sixty-seventh", "fifty-ninth"),
    "fresh-68": ("sixty-eighth", "sixtieth"),
    "fresh-69": ("sixty-ninth", ""),
}
#: Where each fresh batch lives (a test may point an entry elsewhere).
BATCH_FILES: dict[str, Path] = {name: REAL_DIR / f"{name}.jsonl" for name in FRESH_BATCH_TABLE}
#: The held-out fresh batches, by set name (also the ``split`` of each of their records).
FRESH_BATCHES = tuple(name for name, (_, moved) in FRESH_BATCH_TABLE.items() if not moved)
#: Held-out batches whose one reading is due in a later round (the rules for reading them are in
#: the data README): the evaluation's default set list leaves them out, so that an ordinary run
#: cannot read them by accident; ``--set NAME`` reads one when its round comes.
SEALED_BATCHES: frozenset[str] = frozenset({"fresh-69"})
#: The fresh batches moved to development, by set name (also the ``split`` of their records).
DEV_BATCHES = tuple(name for name, (_, moved) in FRESH_BATCH_TABLE.items() if moved)
#: The ``split`` of every record of the first fresh batch.
FRESH_SPLIT = "fresh"
#: The ``split`` of every record of the extra dev sets: all of it is for tuning.
EXTRA_SPLIT = "dev"

#: Each public corpus: file name, the kind of message it holds, and how its labels map to ours.
#: ``spam`` (marketing) is kept apart: sochelp does not call marketing a scam.
CORPORA: dict[str, tuple[str, str, dict[str, str]]] = {
    "mendeley": (
        "mendeley-sms-phishing.jsonl",
        "sms",
        {"smishing": "scam", "spam": "spam", "ham": "genuine"},
    ),
    "uci": ("uci-sms-spam.jsonl", "sms", {"spam": "spam", "ham": "genuine"}),
    "spamassassin": ("spamassassin-plain.jsonl", "email", {"spam": "spam", "ham": "genuine"}),
}

#: Two collected texts this similar (``difflib`` ratio over the words of their normalised forms)
#: are variants of one message, e.g. one template with another bank or amount: their pages are
#: dealt to one half, so a test message never has a near twin in the dev half.
NEAR_DUPLICATE_RATIO = 0.7

#: Weights of the balance terms in :func:`assign_real_splits`: label first, then kind, family.
_WEIGHTS = {"label": 4, "kind": 2, "family": 1}


@dataclass(frozen=True)
class Sample:
    """One labelled message ready to analyse."""

    set_name: str
    id: str
    text: str
    label: str  # "scam", "genuine" or "spam" (marketing, corpora only)
    kind: str
    family: str
    split: str  # "dev", "test" or "all" (the team set has no split)
    sender: str | None = None
    source: str | None = None


def _digest(seed: str, value: str) -> str:
    return hashlib.sha256(f"{seed}\n{value}".encode()).hexdigest()


# --- the real-message set ---------------------------------------------------------------------


def message_id(text: str) -> str:
    """The stable id of a collected message: a short hash of its exact text."""
    return "rm-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def numbered_records(path: Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, record) for every non-blank line of a JSON-lines file of records."""
    records: list[tuple[int, dict[str, Any]]] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(
                    f"{path.name}:{number}: not JSON ({error.msg}, column {error.colno})"
                ) from None
            if not isinstance(record, dict):
                raise ValueError(f"{path.name}:{number}: not a JSON object")
            records.append((number, record))
    return records


def load_real(path: Path = REAL_FILE) -> list[dict[str, Any]]:
    """The records of the real-message set, in file order."""
    return [record for _, record in numbered_records(path)]


def record_pages(record: Mapping[str, Any]) -> list[str]:
    """Every page a record was found on: its source and any ``also_sources``."""
    pages = [str(record["source"])]
    pages.extend(str(other["url"]) for other in record.get("also_sources", ()))
    return pages


def normalise(text: str) -> str:
    """A message text reduced to lower-case letters, digits and single spaces (for comparing).
    Letters of every script are kept: a Japanese or Greek text reduced to its few Latin letters
    and digits would look like (or inside) any other."""
    return " ".join(re.sub(r"[^\w£$]+|_", " ", text.lower()).split())


def _near(a: list[str], b: list[str]) -> bool:
    """Whether two word lists are near duplicates (see :func:`near_duplicate_pairs`)."""
    if abs(len(a) - len(b)) > 0.3 * max(len(a), len(b), 1):
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < NEAR_DUPLICATE_RATIO:
        return False
    if matcher.quick_ratio() < NEAR_DUPLICATE_RATIO:
        return False
    return matcher.ratio() >= NEAR_DUPLICATE_RATIO


def _comparable(records: Sequence[Mapping[str, Any]]) -> list[tuple[int, str, list[str]]]:
    """(index, normalised text, its words) of each record whose normalised text is not empty: a
    text of emoji or punctuation only has nothing to compare, and would otherwise be "inside",
    or as alike as, any other such text."""
    found = []
    for index, record in enumerate(records):
        text = normalise(str(record["text"]))
        if text:
            found.append((index, text, text.split()))
    return found


def near_duplicate_pairs(records: Sequence[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Index pairs of records whose normalised texts, compared word by word, are at least
    :data:`NEAR_DUPLICATE_RATIO` alike (texts whose word counts differ by over 30% are skipped)."""
    texts = _comparable(records)
    pairs = []
    for position, (first, _, words) in enumerate(texts):
        for second, _, other_words in texts[position + 1 :]:
            if _near(words, other_words):
                pairs.append((first, second))
    return pairs


def near_duplicates_between(
    records: Sequence[Mapping[str, Any]], others: Sequence[Mapping[str, Any]]
) -> list[tuple[int, int]]:
    """Index pairs (into ``records``, into ``others``) of texts that are the same or near
    duplicates by the rule of :func:`near_duplicate_pairs`, or where one normalised text holds
    the whole of the other (a quote cut shorter on another page)."""
    other_texts = _comparable(others)
    pairs = []
    for first, text, words in _comparable(records):
        for second, other, other_words in other_texts:
            if text in other or other in text or _near(words, other_words):
                pairs.append((first, second))
    return pairs


def source_groups(records: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Map each source page to its group. Pages that quote the same message (a record's
    ``source`` and ``also_sources``) or near-duplicates of one message form one group.

    The group key is the smallest page address in the group, so it does not depend on order.
    """
    parent: dict[str, str] = {}

    def find(page: str) -> str:
        parent.setdefault(page, page)
        while parent[page] != page:
            parent[page] = parent[parent[page]]
            page = parent[page]
        return page

    def union(first: str, second: str) -> None:
        a, b = find(first), find(second)
        if a != b:
            parent[max(a, b)] = min(a, b)

    for record in records:
        pages = record_pages(record)
        for page in pages[1:]:
            union(pages[0], page)
        find(pages[0])
    for first, second in near_duplicate_pairs(records):
        union(str(records[first]["source"]), str(records[second]["source"]))
    return {page: find(page) for page in parent}


#: Records whose label was corrected after the split was dealt: id -> (label, family) as they
#: were then. The split is fixed once, so it is dealt with these, and a correction moves no
#: message between the halves (see "Corrections" in the data README).
LABELS_AT_SPLIT: dict[str, tuple[str, str]] = {
    "rm-064b91e57090": ("scam", "nhs-identity"),
}


def assign_real_splits(records: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """Deal whole source groups into "dev" and "test", balanced by label, then kind and family.

    Groups are visited in the order of ``sha256(REAL_SPLIT_SEED + group key)``; each goes to the
    half that leaves the smaller weighted imbalance between the halves over the counts of
    (label), (label, kind) and (label, family); a tie goes by the parity of the group's hash.
    Labels corrected later count as they were (:data:`LABELS_AT_SPLIT`). Returns group key ->
    half. Deterministic: the same records always give the same halves.
    """
    groups = source_groups(records)
    members: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for record in records:
        members[groups[str(record["source"])]].append(record)
    totals: dict[str, Counter[tuple[str, ...]]] = {"dev": Counter(), "test": Counter()}
    result: dict[str, str] = {}
    for key in sorted(members, key=lambda k: _digest(REAL_SPLIT_SEED, k)):
        terms: Counter[tuple[str, ...]] = Counter()
        for record in members[key]:
            label, family = LABELS_AT_SPLIT.get(
                str(record.get("id", "")), (str(record["label"]), str(record["family"]))
            )
            terms[("label", label)] += 1
            terms[("kind", label, str(record["kind"]))] += 1
            terms[("family", label, family)] += 1

        def cost(half: str, terms: Counter[tuple[str, ...]] = terms) -> int:
            other = "test" if half == "dev" else "dev"
            total = 0
            for term, count in terms.items():
                gap = totals[half][term] + count - totals[other][term]
                total += _WEIGHTS[term[0]] * abs(gap)
            return total

        dev_cost, test_cost = cost("dev"), cost("test")
        if dev_cost == test_cost:
            half = "dev" if int(_digest(REAL_SPLIT_SEED, key), 16) % 2 == 0 else "test"
        else:
            half = "dev" if dev_cost < test_cost else "test"
        result[key] = half
        totals[half].update(terms)
    return result


def _as_samples(
    records: Iterable[Mapping[str, Any]], set_name: str, split: str | None = None
) -> list[Sample]:
    """Records of a real-message file as samples of ``set_name``: each in the half its record
    names, or all in ``split`` when given (a held-out batch, an extra dev set)."""
    return [
        Sample(
            set_name=set_name,
            id=str(record["id"]),
            text=str(record["text"]),
            label=str(record["label"]),
            kind=str(record["kind"]),
            family=str(record["family"]),
            split=str(record["split"]) if split is None else split,
            source=str(record["source"]),
        )
        for record in records
    ]


def real_samples(records: Iterable[Mapping[str, Any]], split: str = "all") -> list[Sample]:
    """The real-message set as samples; ``split`` is "dev", "test" or "all"."""
    chosen = [record for record in records if split in ("all", record["split"])]
    return _as_samples(chosen, "real")


# --- the fresh batch -------------------------------------------------------------------------


def load_fresh(path: Path | None = None) -> list[dict[str, Any]]:
    """The records of the fresh batch (``fresh.jsonl``), in file order."""
    return load_real(BATCH_FILES["fresh"] if path is None else path)


def fresh_samples(records: Iterable[Mapping[str, Any]], name: str = "fresh") -> list[Sample]:
    """A fresh batch as samples of one set: ``name`` is "fresh", "fresh-2", … "fresh-4". A
    held-out batch's samples carry its ``split``; a batch moved to development is "dev"."""
    if name in DEV_BATCHES:
        return _as_samples(records, name, EXTRA_SPLIT)
    return _as_samples(records, name, name)


def load_batch(name: str) -> list[dict[str, Any]]:
    """The records of the fresh batch called ``name`` ("fresh", "fresh-2", …)."""
    return load_real(BATCH_FILES[name])


def batch_ordinal(name: str) -> str:
    """How the evaluation names a fresh batch: "first", "second", …"""
    return FRESH_BATCH_TABLE[name][0]


def round_moved(name: str) -> str:
    """The round since which the fresh batch ``name`` is development data ("" if held out)."""
    return FRESH_BATCH_TABLE[name][1]


# --- the extra dev sets ----------------------------------------------------------------------


def extra_files(folder: Path = REAL_DIR) -> list[Path]:
    """The extra dev-set files, in name order."""
    return sorted(folder.glob(EXTRA_GLOB))


def load_extra(folder: Path = REAL_DIR) -> list[dict[str, Any]]:
    """The records of every extra dev set, file by file in name order."""
    return [record for path in extra_files(folder) for record in load_real(path)]


def extra_samples(records: Iterable[Mapping[str, Any]]) -> list[Sample]:
    """The extra dev sets as samples of one set, "extra", all in its dev half."""
    return _as_samples(records, "extra", EXTRA_SPLIT)


# --- the public corpora -----------------------------------------------------------------------


def corpus_split(text: str) -> str:
    """The half of a corpus message: "test" when the first 8 hex digits of
    ``sha256(CORPUS_SPLIT_SEED + "\\n" + text)`` are even, else "dev".

    Hashing the text (not the line number) keeps exact duplicates in the same half.
    """
    return "test" if int(_digest(CORPUS_SPLIT_SEED, text)[:8], 16) % 2 == 0 else "dev"


def corpora_dir() -> Path | None:
    """Where the public corpora are: ``$SOCHELP_CORPORA_DIR``, else ``shared/data/messages``
    next to the repository (or next to the folder holding it, for worktrees). None if absent."""
    override = os.environ.get("SOCHELP_CORPORA_DIR")
    if override:
        path = Path(override)
        return path if path.is_dir() else None
    for base in (REPO.parent, REPO.parent.parent):
        candidate = base / "shared" / "data" / "messages"
        if candidate.is_dir():
            return candidate
    return None


def load_corpus(name: str, folder: Path, split: str = "all") -> list[Sample]:
    """One public corpus as samples (read-only; nothing is copied)."""
    file_name, kind, labels = CORPORA[name]
    samples = []
    with (folder / file_name).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            item = json.loads(line)
            text = str(item["text"])
            half = corpus_split(text)
            if split not in ("all", half):
                continue
            samples.append(
                Sample(
                    set_name=name,
                    id=f"{name}:{number}",
                    text=text,
                    label=labels[str(item["label"])],
                    kind=kind,
                    family=str(item["label"]),
                    split=half,
                )
            )
    return samples


def corpus_split_summary(samples: Iterable[Sample]) -> dict[str, Any]:
    """Counts per half and label, and a digest of the texts in the test half (to notice a
    changed corpus or a changed rule)."""
    counts: Counter[str] = Counter()
    test_hashes = []
    for sample in samples:
        counts[f"{sample.split}:{sample.family}"] += 1
        if sample.split == "test":
            test_hashes.append(hashlib.sha256(sample.text.encode("utf-8")).hexdigest())
    digest = hashlib.sha256("\n".join(sorted(test_hashes)).encode()).hexdigest()
    return {"counts": dict(sorted(counts.items())), "test_digest": digest}


def load_corpus_splits_file(path: Path = CORPUS_SPLITS_FILE) -> dict[str, Any]:
    """The committed split definition of the corpora."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


# --- the team-written regression set ----------------------------------------------------------


def team_samples(folder: Path = TEAM_DIR) -> list[Sample]:
    """The messages written by the team (``tests/data/messages/*.toml``): a regression set."""
    samples = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for item in data.get("message", []):
            samples.append(
                Sample(
                    set_name="team",
                    id=f"{path.name}:{item['id']}",
                    text=str(item["text"]),
                    label=str(item["label"]),
                    kind=str(item.get("channel") or "unknown"),
                    family=str(item.get("kind") or "unknown"),
                    split="all",
                    sender=item.get("from"),
                )
            )
    return samples
