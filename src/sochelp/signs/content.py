"""Content model for spotting-the-signs guides, with cross-checks against report situations."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from sochelp.content.store import Collection, CollectionSpec, ContentStore
from sochelp.content.types import CheckedDate, ContentModel, HttpsUrl, Slug, Text
from sochelp.errors import ContentError, ContentProblem
from sochelp.report.content import SITUATIONS


class SignGroup(ContentModel):
    """Signs of one kind (appearance, behaviour, around the home…)."""

    kind: Text
    signs: list[Text] = Field(min_length=1)


class Guide(ContentModel):
    """A guide to recognising one form of exploitation or crime, and what to do."""

    id: Slug
    title: Text
    summary: Text
    keywords: Annotated[list[Text], Field(default_factory=list, exclude=True)]
    groups: list[SignGroup] = Field(min_length=1)
    do: list[Text] = Field(min_length=1)
    dont: list[Text] = Field(min_length=1)
    report_situation: Slug
    see_also: list[Slug] = Field(default_factory=list)
    sources: list[HttpsUrl] = Field(min_length=1)
    checked: CheckedDate


GUIDES = CollectionSpec("signs", "guide", Guide)


def collect(store: ContentStore) -> tuple[Collection[Guide], list[ContentProblem]]:
    """Load guides and check that situations and guides refer to each other correctly."""
    guides, problems = store.collect(GUIDES)
    situations, _ = store.collect(SITUATIONS)  # their own problems are reported by report
    problems = list(problems)
    for guide in guides:
        if guide.report_situation not in situations:
            problems.append(
                ContentProblem(
                    guides.origins[guide.id],
                    f"guide[{guide.id}].report_situation",
                    f"unknown situation '{guide.report_situation}'",
                )
            )
    for guide in guides:
        for index, other in enumerate(guide.see_also):
            if other not in guides or other == guide.id:
                problems.append(
                    ContentProblem(
                        guides.origins[guide.id],
                        f"guide[{guide.id}].see_also[{index}]",
                        f"unknown signs guide '{other}'"
                        if other != guide.id
                        else "a guide cannot point to itself",
                    )
                )
    for situation in situations:
        for index, guide_id in enumerate(situation.signs):
            if guide_id not in guides:
                problems.append(
                    ContentProblem(
                        situations.origins[situation.id],
                        f"situation[{situation.id}].signs[{index}]",
                        f"unknown signs guide '{guide_id}'",
                    )
                )
    return guides, problems


def load(store: ContentStore) -> Collection[Guide]:
    """Load guides, raising :class:`ContentError` listing every problem."""
    guides, problems = collect(store)
    if problems:
        raise ContentError(problems)
    return guides


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in the guides (for ``sochelp content check``)."""
    return collect(store)[1]
