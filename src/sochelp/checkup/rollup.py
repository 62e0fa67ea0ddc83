"""Rolling up check-up returns across an organisation (``checkup --rollup PATH``).

Reading (:func:`read_returns`) takes files and folders (a folder means every ``.json`` file in
it), and accepts both a return (``checkup … --export json``) and the full ``checkup … --json``
result. A file that cannot be used is named and left out with its reason: malformed (not JSON,
not a check-up, invalid answers, too large), a duplicate (the same return as an earlier file,
by content hash), or written by a newer sochelp. Only the audience, the answers and the fact of
completion are read from a file; nothing else in it (names, notes, plans) reaches the summary.

Summing up (:func:`roll_up`) recomputes each return's scores from the current checklist (the
same impact-weighted rule as a single check-up), then gives for the organisation:

- the number of returns;
- overall and per-section scores as median and spread: the interquartile range (first to third
  quartile, by the "inclusive" method, as in spreadsheets' QUARTILE.INC) and the minimum to
  maximum;
- each item's yes / partly / no / not-applicable / unanswered counts;
- the gaps: items answered "no", ranked by the number of "no" answers times the item's impact
  (1-3), then by "partly" answers, then checklist order.
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from pathlib import Path
from typing import Any

from pydantic import ValidationError, computed_field

from sochelp.checkup.content import Item
from sochelp.checkup.engine import Answer
from sochelp.checkup.returns import KIND, VERSION, CheckupReturn, content_hash, return_id
from sochelp.errors import UsageError
from sochelp.scopes import Audience

#: Largest return file read (a return is a few kilobytes; anything this big is not one).
MAX_FILE_BYTES = 1_000_000


class Reason(StrEnum):
    """Why a file was left out."""

    MALFORMED = "malformed"
    DUPLICATE = "duplicate"
    NEWER_VERSION = "newer-version"
    OTHER_AUDIENCE = "other-audience"


@dataclass(frozen=True)
class LeftOut:
    """A file that is not in the summary, and why."""

    file: str
    reason: Reason
    detail: str


@dataclass(frozen=True)
class Returns:
    """The usable returns (with the file each came from) and the files left out."""

    returns: tuple[tuple[str, CheckupReturn], ...]
    left_out: tuple[LeftOut, ...]


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files to read: each file given, and every ``.json`` file in each folder given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix == ".json" and p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            raise UsageError(
                f"{path} is not a file or folder.",
                hint="Give check-up returns (.json files) or folders of them to --rollup.",
            )
    return files


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def parse_return(raw: bytes) -> CheckupReturn | LeftOut:
    """One file's return, or why it cannot be used (``file`` left empty for the caller)."""
    if len(raw) > MAX_FILE_BYTES:
        return LeftOut("", Reason.MALFORMED, f"larger than {MAX_FILE_BYTES // 1000} kB")
    try:
        data: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # (nested thousands deep)
        return LeftOut("", Reason.MALFORMED, "not JSON")
    if not isinstance(data, dict):
        return LeftOut("", Reason.MALFORMED, "not a check-up return")
    if data.get("kind") == KIND:
        version = data.get("version")
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            return LeftOut(
                "", Reason.NEWER_VERSION, f"format {version}; this sochelp reads {VERSION}"
            )
        candidate = data
    elif {"audience", "answers", "complete", "sections"} <= data.keys():
        # The full `checkup --json` result: keep only what a return holds.
        date = data.get("date")
        answers = data.get("answers")
        if not isinstance(answers, dict) or not isinstance(data.get("audience"), str):
            return LeftOut("", Reason.MALFORMED, "not a check-up return")
        candidate = {
            "id": return_id(data["audience"], date if isinstance(date, str) else None, answers),
            "audience": data["audience"],
            "date": date[:10] if isinstance(date, str) else None,
            "complete": data.get("complete"),
            "answers": answers,
        }
    else:
        return LeftOut("", Reason.MALFORMED, "not a check-up return")
    try:
        return CheckupReturn.model_validate(candidate)
    except ValidationError as error:
        return LeftOut("", Reason.MALFORMED, _first_error(error))


def read_returns(paths: Iterable[Path]) -> Returns:
    """Read every file; duplicates (same content hash) after the first are left out."""
    usable: list[tuple[str, CheckupReturn]] = []
    left_out: list[LeftOut] = []
    seen: dict[str, str] = {}
    for path in expand(paths):
        name = str(path)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:  # never read a huge file into memory
                left_out.append(
                    LeftOut(name, Reason.MALFORMED, f"larger than {MAX_FILE_BYTES // 1000} kB")
                )
                continue
            raw = path.read_bytes()
        except OSError as exc:
            left_out.append(LeftOut(name, Reason.MALFORMED, f"cannot read: {exc.strerror}"))
            continue
        parsed = parse_return(raw)
        if isinstance(parsed, LeftOut):
            left_out.append(LeftOut(name, parsed.reason, parsed.detail))
            continue
        digest = content_hash(parsed)
        if digest in seen:
            left_out.append(LeftOut(name, Reason.DUPLICATE, f"same return as {seen[digest]}"))
            continue
        seen[digest] = name
        usable.append((name, parsed))
    return Returns(tuple(usable), tuple(left_out))


def choose_audience(returns: Returns, audience: Audience | None) -> tuple[Audience, Returns]:
    """The one audience to sum up: the only one present, or the one asked for (the returns of
    other audiences are then left out, named)."""
    counts = Counter(r.audience for _, r in returns.returns)
    if not counts:
        raise UsageError(
            "There are no usable check-up returns to roll up.",
            hint=f"{len(returns.left_out)} file(s) were left out; see the list above.",
        )
    if audience is None:
        if len(counts) > 1:
            found = ", ".join(f"{a.value} ({n})" for a, n in sorted(counts.items()))
            raise UsageError(
                f"The returns are for more than one audience: {found}.",
                hint="Pick one with --audience, e.g. --audience " + sorted(counts)[0].value,
            )
        audience = next(iter(counts))
    kept = tuple((f, r) for f, r in returns.returns if r.audience is audience)
    others = tuple(
        LeftOut(f, Reason.OTHER_AUDIENCE, r.audience.value)
        for f, r in returns.returns
        if r.audience is not audience
    )
    return audience, Returns(kept, returns.left_out + others)


# ---------------------------------------------------------------- summing up


@dataclass(frozen=True)
class Spread:
    """Median and spread of a set of scores (None when there are none)."""

    count: int
    median: float | None
    q1: float | None
    q3: float | None
    minimum: int | None
    maximum: int | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def iqr(self) -> float | None:
        """The interquartile range (third quartile minus first)."""
        return None if self.q1 is None or self.q3 is None else round(self.q3 - self.q1, 2)


def spread(values: Sequence[int]) -> Spread:
    """Median, quartiles (inclusive method) and range of some scores."""
    if not values:
        return Spread(0, None, None, None, None, None)
    if len(values) == 1:
        v = float(values[0])
        return Spread(1, v, v, v, values[0], values[0])
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return Spread(
        len(values), round(median, 2), round(q1, 2), round(q3, 2), min(values), max(values)
    )


@dataclass(frozen=True)
class SectionRollup:
    """One section's scores across the returns."""

    name: str
    scores: Spread


@dataclass(frozen=True)
class ItemRollup:
    """How the returns answered one item."""

    id: str
    title: str
    section: str
    impact: int
    yes: int
    partly: int
    no: int
    not_applicable: int
    unanswered: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def gap(self) -> int:
        """The "no" answers weighted by impact (how gaps are ranked)."""
        return self.no * self.impact


@dataclass(frozen=True)
class Rollup:
    """The organisation summary."""

    audience: Audience
    title: str
    returns: int
    complete: int
    overall: Spread
    sections: tuple[SectionRollup, ...]
    items: tuple[ItemRollup, ...]
    gaps: tuple[ItemRollup, ...]
    left_out: tuple[LeftOut, ...]
    unknown_answers: int

    @computed_field  # type: ignore[prop-decorator]
    @property
    def left_out_counts(self) -> dict[Reason, int]:
        """How many files were left out, by reason."""
        return dict(Counter(entry.reason for entry in self.left_out))


#: Points in halves (yes 2, partly 1, no 0), so scores are summed in integers.
_HALF_POINTS = {Answer.YES: 2, Answer.PARTLY: 1, Answer.NO: 0}


def _percent(half_points: int, impact: int) -> int:
    """``round(100 * points / impact)`` exactly as :func:`sochelp.checkup.engine.score` rounds
    (half to even, on the exact fraction)."""
    return round(Fraction(50 * half_points, impact))


def _scores(
    items: Sequence[Item], answers: Mapping[str, Answer]
) -> tuple[int | None, dict[str, int]]:
    """The overall score and the score of each section that has an applicable answer: the same
    figures as :func:`sochelp.checkup.engine.score`, in integer arithmetic (a roll-up scores
    thousands of returns)."""
    earned: dict[str, int] = {}
    possible: dict[str, int] = {}
    for item in items:
        answer = answers.get(item.id)
        if answer is None or answer is Answer.NOT_APPLICABLE:
            continue
        impact = int(item.impact)
        earned[item.section] = earned.get(item.section, 0) + _HALF_POINTS[answer] * impact
        possible[item.section] = possible.get(item.section, 0) + impact
    if not possible:
        return None, {}
    overall = _percent(sum(earned.values()), sum(possible.values()))
    return overall, {name: _percent(earned[name], possible[name]) for name in possible}


def roll_up(audience: Audience, title: str, items: Sequence[Item], returns: Returns) -> Rollup:
    """Sum up the returns of one audience against its checklist."""
    known = {item.id for item in items}
    answer_sets = [r.answers for _, r in returns.returns]
    overall: list[int] = []
    by_section: dict[str, list[int]] = {item.section: [] for item in items}
    for answers in answer_sets:
        total, sections = _scores(items, answers)
        if total is not None:
            overall.append(total)
        for name, value in sections.items():
            by_section[name].append(value)
    item_rollups = []
    for item in items:
        given = Counter(a.get(item.id) for a in answer_sets)
        item_rollups.append(
            ItemRollup(
                item.id,
                item.title,
                item.section,
                int(item.impact),
                given[Answer.YES],
                given[Answer.PARTLY],
                given[Answer.NO],
                given[Answer.NOT_APPLICABLE],
                given[None],
            )
        )
    order = {item.id: index for index, item in enumerate(items)}
    gaps = sorted(
        (i for i in item_rollups if i.no),
        key=lambda i: (-i.gap, -i.partly, order[i.id]),
    )
    return Rollup(
        audience=audience,
        title=title,
        returns=len(answer_sets),
        complete=sum(1 for _, r in returns.returns if r.complete),
        overall=spread(overall),
        sections=tuple(SectionRollup(n, spread(v)) for n, v in by_section.items()),
        items=tuple(item_rollups),
        gaps=tuple(gaps),
        left_out=returns.left_out,
        unknown_answers=sum(1 for a in answer_sets for k in a if k not in known),
    )
