"""Pure check-up logic: parsing answers, scores per section, the ordered action plan, and the
comparison with the last completed check-up. Nothing here reads input or writes output.

Scales (see :mod:`sochelp.checkup.content`): impact 1 helpful, 2 important, 3 essential;
effort 1 quick, 2 a few days, 3 a project.

Score: an answer earns yes 1, partly 0.5, no 0 points; "not applicable" and unanswered items
are left out. A score is the impact-weighted share of points, as a whole percentage:
``round(100 * sum(points * impact) / sum(impact))``, so an essential item counts three times as
much as a helpful one. None when nothing applicable was answered.

Plan order: every "no" and "partly" item, sorted by
1. impact divided by effort, highest first (most protection for the least work);
2. at an equal ratio, "no" before "partly" (a missing safeguard leaves more risk than a half-done
   one);
3. then higher impact first (a bigger absolute gain);
4. then the order of the checklist (stable and predictable).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Annotated, Protocol

from pydantic import Field, PlainSerializer

# Answers live in their own module (asking needs no result classes); named here as before.
from sochelp.checkup.answers import ANSWER_NAMES as ANSWER_NAMES
from sochelp.checkup.answers import Answer as Answer
from sochelp.checkup.answers import Command as Command
from sochelp.checkup.answers import parse_input as parse_input
from sochelp.checkup.content import Item

_POINTS: Mapping[Answer, Fraction] = {
    Answer.YES: Fraction(1),
    Answer.PARTLY: Fraction(1, 2),
    Answer.NO: Fraction(0),
}


@dataclass(frozen=True)
class SectionScore:
    """The score of one section and how its items were answered."""

    name: str
    score: int | None
    yes: int
    partly: int
    no: int
    not_applicable: int
    unanswered: int


@dataclass(frozen=True)
class PlanStep:
    """One action in the plan: an item answered "no" or "partly"."""

    id: str
    title: str
    section: str
    answer: Answer
    why: str
    steps: tuple[str, ...]
    impact: int
    effort: int
    links: tuple[str, ...]
    report_situation: str | None
    signs_guide: str | None
    quiz_topic: str | None


@dataclass(frozen=True)
class Change:
    """An item whose answer differs from the last completed check-up."""

    id: str
    title: str
    before: Answer
    after: Answer


_IDS = PlainSerializer(lambda changes: [c.id for c in changes], return_type=list[str])


@dataclass(frozen=True)
class Comparison:
    """What changed since the last completed check-up of the same audience."""

    previous_date: str
    previous_score: int | None
    score: Annotated[int | None, Field(exclude=True)]
    #: In JSON each list of changes is the ids of the items that changed.
    improved: Annotated[tuple[Change, ...], _IDS]
    worsened: Annotated[tuple[Change, ...], _IDS]
    other: Annotated[tuple[Change, ...], _IDS]
    unchanged: int
    new_items: tuple[str, ...]


@dataclass(frozen=True)
class CheckupResult:
    """Everything a view needs to show one check-up."""

    audience: str
    audience_title: Annotated[str, Field(serialization_alias="title")]
    complete: bool
    answered: int
    total: int
    score: int | None
    sections: tuple[SectionScore, ...]
    #: (item id, answer) in checklist order (JSON: an object keyed by item id).
    answers: Annotated[
        tuple[tuple[str, Answer], ...],
        PlainSerializer(lambda pairs: dict(pairs), return_type=dict[str, Answer]),
    ]
    plan: tuple[PlanStep, ...]
    in_place: Annotated[tuple[str, ...], Field(exclude=True)]
    comparison: Annotated[Comparison | None, Field(serialization_alias="changes")]
    date: str | None
    resumed: Annotated[bool, Field(exclude=True)] = False
    saved: bool = True


def score(items: Sequence[Item], answers: Mapping[str, Answer]) -> int | None:
    """The impact-weighted score (0-100) of the answered, applicable items, or None."""
    earned = Fraction(0)
    possible = 0
    for item in items:
        answer = answers.get(item.id)
        if answer is None or answer is Answer.NOT_APPLICABLE:
            continue
        earned += _POINTS[answer] * int(item.impact)
        possible += int(item.impact)
    if possible == 0:
        return None
    return round(100 * earned / possible)


def section_scores(items: Sequence[Item], answers: Mapping[str, Answer]) -> list[SectionScore]:
    """A score per section, sections in the order they first appear."""
    sections: dict[str, list[Item]] = {}
    for item in items:
        sections.setdefault(item.section, []).append(item)
    result = []
    for name, members in sections.items():
        given = [answers.get(item.id) for item in members]
        result.append(
            SectionScore(
                name=name,
                score=score(members, answers),
                yes=given.count(Answer.YES),
                partly=given.count(Answer.PARTLY),
                no=given.count(Answer.NO),
                not_applicable=given.count(Answer.NOT_APPLICABLE),
                unanswered=given.count(None),
            )
        )
    return result


def plan_key(item: Item, answer: Answer, index: int) -> tuple[Fraction, int, int, int]:
    """Sort key of a plan step (smallest first); see the module docstring for the rule."""
    ratio = Fraction(int(item.impact), int(item.effort))
    return (-ratio, 0 if answer is Answer.NO else 1, -int(item.impact), index)


def build_plan(items: Sequence[Item], answers: Mapping[str, Answer]) -> list[PlanStep]:
    """The "no" and "partly" items as actions, most worthwhile first."""
    chosen = [
        (plan_key(item, answers[item.id], index), item, answers[item.id])
        for index, item in enumerate(items)
        if answers.get(item.id) in (Answer.NO, Answer.PARTLY)
    ]
    chosen.sort(key=lambda entry: entry[0])
    return [
        PlanStep(
            id=item.id,
            title=item.title,
            section=item.section,
            answer=answer,
            why=item.why,
            steps=tuple(item.steps),
            impact=int(item.impact),
            effort=int(item.effort),
            links=tuple(item.links),
            report_situation=item.report_situation,
            signs_guide=item.signs_guide,
            quiz_topic=item.quiz_topic,
        )
        for _, item, answer in chosen
    ]


_RANK: Mapping[Answer, int] = {Answer.NO: 0, Answer.PARTLY: 1, Answer.YES: 2}


def compare(
    items: Sequence[Item],
    previous: Mapping[str, Answer],
    current: Mapping[str, Answer],
    previous_date: str,
) -> Comparison:
    """How the current answers differ from a previous completed check-up."""
    improved: list[Change] = []
    worsened: list[Change] = []
    other: list[Change] = []
    new_items: list[str] = []
    unchanged = 0
    for item in items:
        after = current.get(item.id)
        if after is None:
            continue
        before = previous.get(item.id)
        if before is None:
            new_items.append(item.id)
            continue
        if before is after:
            unchanged += 1
            continue
        change = Change(item.id, item.title, before, after)
        if before in _RANK and after in _RANK:
            (improved if _RANK[after] > _RANK[before] else worsened).append(change)
        else:
            other.append(change)
    return Comparison(
        previous_date=previous_date,
        previous_score=score(items, previous),
        score=score(items, current),
        improved=tuple(improved),
        worsened=tuple(worsened),
        other=tuple(other),
        unchanged=unchanged,
        new_items=tuple(new_items),
    )


def build_result(
    audience: str,
    audience_title: str,
    items: Sequence[Item],
    answers: Mapping[str, Answer],
    *,
    comparison: Comparison | None = None,
    date: str | None = None,
    resumed: bool = False,
    saved: bool = True,
) -> CheckupResult:
    """Put scores, plan and comparison together for the views."""
    known = [item for item in items if item.id in answers]
    complete = len(known) == len(items)
    return CheckupResult(
        audience=audience,
        audience_title=audience_title,
        complete=complete,
        answered=len(known),
        total=len(items),
        score=score(items, answers),
        sections=tuple(section_scores(items, answers)),
        answers=tuple((item.id, answers[item.id]) for item in known),
        plan=tuple(build_plan(items, answers)),
        in_place=tuple(item.title for item in known if answers[item.id] is Answer.YES),
        comparison=comparison,
        date=date,
        resumed=resumed,
        saved=saved,
    )


class _Linked(Protocol):
    """Anything that points to other sochelp commands (a checklist item or a plan step)."""

    @property
    def report_situation(self) -> str | None: ...
    @property
    def signs_guide(self) -> str | None: ...
    @property
    def quiz_topic(self) -> str | None: ...


def related_commands(item: _Linked) -> list[str]:
    """The other sochelp commands an item or plan step points to."""
    refs = []
    if item.report_situation:
        refs.append(f"sochelp report {item.report_situation}")
    if item.signs_guide:
        refs.append(f"sochelp signs {item.signs_guide}")
    if item.quiz_topic:
        refs.append(f"sochelp scam-quiz --topic {item.quiz_topic}")
    return refs
