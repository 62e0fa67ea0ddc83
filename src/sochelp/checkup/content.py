"""Content model for the check-up checklists, one TOML file per audience, with cross-checks.

Each ``content/checkup/<audience>.toml`` holds ``[[item]]`` tables. Items refer to ``sochelp
report`` situations and ``sochelp signs`` guides; those references are checked here against the
collections other capabilities own. A dangling reference is a content problem (``sochelp content
check`` and CI fail), but it never stops someone doing their check-up: :func:`load` only refuses
content whose own items are unusable and drops dangling links instead (see :class:`CheckupContent`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from pydantic import Field, field_validator

from sochelp.content.store import Collection, CollectionSpec, ContentStore, require
from sochelp.content.types import Audience, CheckedDate, ContentModel, HttpsUrl, Slug, Text
from sochelp.errors import ContentError, ContentProblem
from sochelp.scopes import Activity, audience_names, audiences_for

#: Fewest items an audience's checklist may have.
MIN_ITEMS_PER_AUDIENCE = 8
#: The public-body section that holds the serious-organised-crime self-assessment.
SOC_SECTION = "Serious organised crime self-assessment"
#: Topics the public-body self-assessment must cover; each needs an item whose ``topics`` names it.
SOC_TOPICS = ("procurement", "licensing", "vetting", "information-sharing", "staff-awareness")
#: Longest "why it matters" text, so it stays one or two sentences.
MAX_WHY_CHARS = 400

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


class Effort(IntEnum):
    """How much work an action takes."""

    QUICK = 1  #: under an hour or two, one person
    DAYS = 2  #: a day or a few, or a few people
    PROJECT = 3  #: weeks, a budget or a decision by a board or committee


class Impact(IntEnum):
    """How much an action reduces harm."""

    HELPFUL = 1
    IMPORTANT = 2
    ESSENTIAL = 3


EFFORT_NAMES: Mapping[int, str] = {1: "quick", 2: "a few days", 3: "a project"}
IMPACT_NAMES: Mapping[int, str] = {1: "helpful", 2: "important", 3: "essential"}

AUDIENCE_TITLES: Mapping[Audience, str] = {
    Audience.INDIVIDUAL: "You and your household",
    Audience.COMMUNITY: "Community groups and residents",
    Audience.BUSINESS: "Businesses",
    Audience.FINANCE: "Banks and financial services",
    Audience.PUBLIC_BODY: "Councils and other public bodies",
    Audience.ELECTED: "Councillors, MSPs and MPs",
    Audience.THIRD_SECTOR: "Charities and voluntary organisations",
}


class Item(ContentModel):
    """One check-up question, why it matters and how to do it."""

    id: Slug
    audience: Audience
    section: str = Field(min_length=1, max_length=60)
    title: str = Field(min_length=1, max_length=90)
    question: Text
    why: str = Field(min_length=1, max_length=MAX_WHY_CHARS)
    steps: list[Text] = Field(min_length=1, max_length=8)
    effort: Effort
    impact: Impact
    links: list[HttpsUrl] = Field(min_length=1)
    report_situation: Slug | None = None
    signs_guide: Slug | None = None
    quiz_topic: Slug | None = None
    topics: list[Slug] = Field(default_factory=list)
    checked: CheckedDate

    @field_validator("audience")
    @classmethod
    def _has_checkup(cls, value: Audience) -> Audience:
        if value not in audiences_for(Activity.CHECKUP):
            raise ValueError(
                f"'{value}' has no check-up (check-up audiences: "
                f"{audience_names(Activity.CHECKUP)})"
            )
        return value

    @field_validator("question")
    @classmethod
    def _is_question(cls, value: str) -> str:
        if not value.endswith("?"):
            raise ValueError("a question must end with '?' (answerable yes / partly / no)")
        return value

    @field_validator("why")
    @classmethod
    def _short_why(cls, value: str) -> str:
        if len(_SENTENCE_END.findall(value)) > 2:
            raise ValueError("'why' must be one or two sentences")
        return value


ITEMS = CollectionSpec("checkup", "item", Item)


@dataclass(frozen=True)
class CheckupContent:
    """Checklist items by audience, in file order. Dangling cross-links are already removed."""

    items: Mapping[Audience, tuple[Item, ...]]

    def for_audience(self, audience: Audience) -> tuple[Item, ...]:
        """The items of one audience's checklist, in content order."""
        return self.items.get(audience, ())


def _known_ids(store: ContentStore, spec: CollectionSpec[Any]) -> set[str]:
    """Ids in another capability's collection (its own problems are reported by its checker)."""
    collection, _ = store.collect(spec)
    return set(collection.ids())


def _item_problems(items: Collection[Item]) -> list[ContentProblem]:
    """Checks across items: per-audience counts and the public-body self-assessment.

    A content tree with no check-up items at all (such as another capability's test fixture) is
    not held to the counts; the command refuses an audience that has no items instead.
    """
    problems: list[ContentProblem] = []
    if len(items) == 0:
        return problems
    for audience in audiences_for(Activity.CHECKUP):
        mine = [item for item in items if item.audience is audience]
        if len(mine) < MIN_ITEMS_PER_AUDIENCE:
            problems.append(
                ContentProblem(
                    "content/checkup",
                    f"audience[{audience}]",
                    f"has {len(mine)} item{'s' if len(mine) != 1 else ''}; "
                    f"at least {MIN_ITEMS_PER_AUDIENCE} are needed",
                )
            )
    soc = [i for i in items if i.audience is Audience.PUBLIC_BODY and i.section == SOC_SECTION]
    covered = {topic for item in soc for topic in item.topics}
    for topic in SOC_TOPICS:
        if topic not in covered:
            problems.append(
                ContentProblem(
                    "content/checkup",
                    "audience[public-body]",
                    f"the section '{SOC_SECTION}' has no item with topic '{topic}'",
                )
            )
    for item in items:
        file = items.origins[item.id]
        expected = f"{item.audience}.toml"
        if file.endswith(".toml") and not file.endswith("/" + expected):
            problems.append(
                ContentProblem(
                    file,
                    f"item[{item.id}].audience",
                    f"items for '{item.audience}' belong in {expected}",
                )
            )
    return problems


def _quiz_topics(store: ContentStore) -> set[str] | None:
    """Topics of the quiz questions, or None when the tree has no quiz (nothing to check)."""
    from sochelp.quiz.content import QUESTIONS

    questions, _ = store.collect(QUESTIONS)
    topics = {topic for question in questions for topic in question.topics}
    return topics or None


def _link_problems(
    items: Collection[Item], situations: set[str], guides: set[str], quiz: set[str] | None
) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    for item in items:
        file = items.origins[item.id]
        if quiz is not None and item.quiz_topic is not None and item.quiz_topic not in quiz:
            problems.append(
                ContentProblem(
                    file,
                    f"item[{item.id}].quiz_topic",
                    f"unknown quiz topic '{item.quiz_topic}' "
                    "(see 'sochelp scam-quiz --list-topics')",
                )
            )
        if item.report_situation is not None and item.report_situation not in situations:
            problems.append(
                ContentProblem(
                    file,
                    f"item[{item.id}].report_situation",
                    f"unknown situation '{item.report_situation}'",
                )
            )
        if item.signs_guide is not None and item.signs_guide not in guides:
            problems.append(
                ContentProblem(
                    file,
                    f"item[{item.id}].signs_guide",
                    f"unknown signs guide '{item.signs_guide}'",
                )
            )
    return problems


def collect(store: ContentStore) -> tuple[CheckupContent | None, list[ContentProblem]]:
    """Load the checklists; returns content usable by the command (or None) and every problem.

    The content is None only when the checklists' own items have problems; dangling
    cross-links are reported as problems but removed from the returned content.
    """
    from sochelp.report.content import SITUATIONS
    from sochelp.signs.content import GUIDES

    items, own = store.collect(ITEMS)
    own = [*own, *_item_problems(items)]
    situations = _known_ids(store, SITUATIONS)
    guides = _known_ids(store, GUIDES)
    quiz = _quiz_topics(store)
    problems = [*own, *_link_problems(items, situations, guides, quiz)]
    if own:
        return None, problems
    by_audience: dict[Audience, list[Item]] = {a: [] for a in audiences_for(Activity.CHECKUP)}
    for item in items:
        update: dict[str, object] = {}
        if item.report_situation is not None and item.report_situation not in situations:
            update["report_situation"] = None
        if item.signs_guide is not None and item.signs_guide not in guides:
            update["signs_guide"] = None
        if quiz is not None and item.quiz_topic is not None and item.quiz_topic not in quiz:
            update["quiz_topic"] = None
        by_audience[item.audience].append(item.model_copy(update=update) if update else item)
    return CheckupContent({a: tuple(found) for a, found in by_audience.items()}), problems


#: Every content folder :func:`collect` reads: the checklists and what their links point at.
_FOLDERS = ("checkup", "situations", "signs", "quiz")
#: The modules (beside this package) whose models and checks decide what :func:`collect` gives.
_MODULES = (
    "checkup/content.py",
    "scopes.py",
    "report/content.py",
    "signs/content.py",
    "quiz/content.py",
)


def _cache_key(store: ContentStore) -> str:
    """The content-cache name of the finished checklists, unique to every file they depend on.

    (Changing a quiz question can drop a checklist's quiz link, so the quiz files count too.)
    """
    from sochelp.content import cache

    parts = cache.module_sources(*_MODULES)
    parts += [file for folder in _FOLDERS for file in store.folder_files(folder)]
    return cache.cache_key("checkup_content", __name__, parts)


def load(store: ContentStore) -> CheckupContent:
    """Load the checklists, raising :class:`ContentError` if their own items are unusable.

    The finished checklists are kept in the content cache: a warm start reads one entry instead
    of loading the situations, signs guides and the whole quiz bank to check the links.
    """
    from sochelp.content import cache

    return cache.cached_build(
        lambda: _cache_key(store), CheckupContent, lambda: require(collect(store))
    )


def items_for(content: CheckupContent, audience: Audience) -> tuple[Item, ...]:
    """The items of one audience, raising :class:`ContentError` when there are none."""
    items = content.for_audience(audience)
    if not items:
        raise ContentError(
            [ContentProblem("content/checkup", f"audience[{audience}]", "has no items")]
        )
    return items


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in the checklists, including dangling links (for ``sochelp content check``)."""
    return collect(store)[1]
