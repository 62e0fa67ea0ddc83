"""Check a helper's candidate batch of real messages before it joins the repo (never analyses a
text, so a held-out batch stays unread).

Usage:
    python benchmarks/collect_check.py --split fresh-27 CANDIDATES.jsonl [OTHER_HELPER.jsonl ...]

Reports, one line each: records whose fields are not exactly the house format (in order), a
wrong ``id``, label, kind, family tag (a genuine record's starts with ``genuine-``) or split, a
source that is not an https page; pages that a stored file or another helper's file already uses
(compared by host and path, and the query keys that name a page); texts that are the same as,
inside, or near duplicates of a stored text or of each other; texts found in one of the public
corpora (``../shared/data/messages``: copies of a labelled data set the project already measures
on); more than two messages from one page. Ends with "N records (…), P pages, K problems" and
exits 1 if K > 0. A scam family above a third of the file's scams is noted (the rule applies to
the whole batch, so it is not counted).
The rules themselves are in ``benchmarks/data/real-messages/README.md`` ("Collecting a batch").
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import message_sets as sets

#: Query keys that name a page on the sites quoted so far (``?p=398``, ``?t=1234``).
NAMING_KEYS = {"p", "t", "id", "f", "topic", "threadid", "story", "article", "v", "page_id", "q"}
MAX_PER_PAGE = 2
#: Shorter normalised texts are not compared with the corpora ("call me", "ok thanks").
MIN_CORPUS_MATCH = 20


#: A file on GitHub is one page at every commit or branch: ".../blob/<ref>/path", its "raw",
#: "blame" and "tree" views, and raw.githubusercontent.com/<owner>/<repo>/<ref>/path.
_GITHUB_FILE = re.compile(r"^github\.com/([^/]+/[^/]+)/(?:blob|raw|blame|tree)/[^/]+/(.+)$")
_GITHUB_RAW = re.compile(r"^raw\.githubusercontent\.com/([^/]+/[^/]+)/[^/]+/(.+)$")


def page_key(url: str) -> str:
    """A page's address reduced to what tells pages apart: host (no www. or m.), path, and the
    query keys that name a page; a GitHub file without the commit or branch it was read at."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    path = re.sub(r"/+$", "", parts.path) or "/"
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if k.lower() in NAMING_KEYS)
    page = host + path.lower()
    github = _GITHUB_FILE.match(page) or _GITHUB_RAW.match(page)
    if github:
        page = f"github.com/{github.group(1)}/file/{github.group(2)}"
    return page + ("?" + "&".join(f"{k}={v}" for k, v in query) if query else "")


def field_problems(record: dict[str, Any], split: str) -> Iterator[str]:
    """What is wrong with one record's fields."""
    if tuple(record) != sets.RECORD_FIELD_ORDER:
        yield f"fields must be exactly, in order: {', '.join(sets.RECORD_FIELD_ORDER)}"
    text = str(record.get("text", ""))
    if record.get("id") != sets.message_id(text):
        yield f"id should be {sets.message_id(text)}"
    label = record.get("label")
    if label not in sets.LABELS:
        yield "label must be scam or genuine"
    if record.get("kind") not in sets.KINDS:
        yield f"kind must be one of {', '.join(sets.KINDS)}"
    family = str(record.get("family", ""))
    if not sets.FAMILY_TAG.fullmatch(family):
        yield "family must be lower-case-hyphenated"
    elif len(family) > sets.MAX_FAMILY_LENGTH:
        yield f"family must be at most {sets.MAX_FAMILY_LENGTH} characters"
    elif (label == "genuine") != family.startswith("genuine-"):
        yield "a genuine record's family starts with 'genuine-', and only a genuine record's"
    if record.get("split") != split:
        yield f"split must be {split!r}"
    if not all(page.startswith("https://") for page in sets.record_pages(record)):
        yield "every page must be an https:// address"


class Report(NamedTuple):
    """What the check found: problems (each fails the file), notes, and the summary line."""

    problems: list[str]
    notes: list[str]
    summary: str


def check(
    candidates: Path,
    others: Sequence[Path],
    split: str,
    stored_dir: Path | None = None,
    corpora: Path | None = None,
) -> Report:
    """The problems of ``candidates`` (against every file in ``stored_dir``, the repo's
    real-message folder by default, the other helpers' files and the public corpora in
    ``corpora`` when given), notes, and the summary."""
    stored_dir = stored_dir or sets.REAL_DIR
    records = sets.numbered_records(candidates)
    stored: list[tuple[str, dict[str, Any]]] = []
    for path in [*sorted(stored_dir.glob("*.jsonl")), *others]:
        if path.exists() and path.resolve() != candidates.resolve():
            stored.extend((path.name, record) for _, record in sets.numbered_records(path))
    used: dict[str, str] = {}
    for name, record in stored:
        for page in sets.record_pages(record):
            used.setdefault(page_key(page), name)
    problems: list[str] = []
    pages: Counter[str] = Counter()
    for number, record in records:
        where = f"{candidates.name}:{number}"
        problems.extend(f"{where}: {problem}" for problem in field_problems(record, split))
        for page in sets.record_pages(record):
            key = page_key(page)
            pages[key] += 1
            if key in used:
                problems.append(f"{where}: page {page} already used in {used[key]}")
    problems.extend(
        f"page {key}: {count} messages (at most {MAX_PER_PAGE} per page)"
        for key, count in pages.items()
        if count > MAX_PER_PAGE
    )
    plain = [record for _, record in records]
    for first, second in sets.near_duplicates_between(plain, [r for _, r in stored]):
        problems.append(
            f"{candidates.name}:{records[first][0]}: "
            f"near duplicate of a text in {stored[second][0]}"
        )
    if corpora is not None:
        problems.extend(
            f"{candidates.name}:{records[index][0]}: text is in the public corpus {name} "
            "(a labelled data set the project already measures on)"
            for index, name in corpus_copies(plain, corpora)
        )
    for first, second in sets.near_duplicate_pairs(plain):
        problems.append(
            f"{candidates.name}:{records[first][0]} and line {records[second][0]}: "
            "near duplicates of each other"
        )
    labels = Counter(record.get("label") for record in plain)
    summary = (
        f"{len(plain)} records ({labels['scam']} scam, {labels['genuine']} genuine), "
        f"{len(pages)} pages, {len(problems)} problems"
    )
    return Report(problems, family_notes(plain), summary)


def corpus_copies(records: Sequence[dict[str, Any]], folder: Path) -> list[tuple[int, str]]:
    """(index, corpus name) of each record whose normalised text is a public corpus message or
    part of one (exact comparison only: the corpora hold thousands of texts)."""
    texts = [sets.normalise(str(record["text"])) for record in records]
    found: list[tuple[int, str]] = []
    for name, (file_name, _kind, _labels) in sets.CORPORA.items():
        if not (folder / file_name).exists():
            continue
        corpus = "\n".join(sets.normalise(sample.text) for sample in sets.load_corpus(name, folder))
        found.extend(
            (index, name)
            for index, text in enumerate(texts)
            if len(text) >= MIN_CORPUS_MATCH and text in corpus
        )
    return found


def family_notes(records: Sequence[dict[str, Any]]) -> list[str]:
    """Scam families above a third of the file's scams (the batch's rule, noted only)."""
    scams = Counter(r["family"] for r in records if r.get("label") == "scam")
    total = sum(scams.values())
    return [
        f"note: {family} is {count} of {total} scams (the rule: at most a third of a batch's)"
        for family, count in sorted(scams.items())
        if count * 3 > total
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", required=True, help="the new batch's name, e.g. fresh-27")
    parser.add_argument("candidates", type=Path)
    parser.add_argument("others", type=Path, nargs="*", help="the other helpers' files")
    args = parser.parse_args(argv)
    if not args.candidates.exists():
        print(f"collect_check.py: no file {args.candidates}", file=sys.stderr)
        return 2
    try:
        report = check(args.candidates, args.others, args.split, corpora=sets.corpora_dir())
    except ValueError as error:
        print(f"collect_check.py: {error}", file=sys.stderr)
        return 2
    except KeyError as error:
        print(
            f"collect_check.py: a record has no {error} field "
            "(the record format is in the data README)",
            file=sys.stderr,
        )
        return 2
    for line in [*report.problems, *report.notes, report.summary]:
        print(line)
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
