"""Finding a guide and shaping it for display."""

from __future__ import annotations

from dataclasses import dataclass

from sochelp.content.store import Collection
from sochelp.matching import Candidate, closest_ids, rank
from sochelp.signs.content import Guide


@dataclass(frozen=True)
class GuideSummary:
    """One line of the guide list."""

    id: str
    title: str
    summary: str


def list_guides(guides: Collection[Guide]) -> list[GuideSummary]:
    """Every guide, in content order."""
    return [GuideSummary(g.id, g.title, g.summary) for g in guides]


def find_guide(guides: Collection[Guide], topic: str) -> Guide | None:
    """The guide with this id, or the single best keyword match for the words given."""
    exact = guides.get(topic.strip().lower())
    if exact is not None:
        return exact
    matches = rank((Candidate(g.id, g.title, g.keywords) for g in guides), topic, limit=2)
    if matches and (len(matches) == 1 or matches[0].score > matches[1].score):
        return guides[matches[0].id]
    return None


def suggest_guides(guides: Collection[Guide], topic: str) -> list[str]:
    """Guide ids close to a topic that did not match."""
    found = closest_ids(guides.ids(), topic)
    if found:
        return found
    return [m.id for m in rank((Candidate(g.id, g.title, g.keywords) for g in guides), topic)]
