"""Content model for quiz questions, with cross-checks against red flags, situations and guides."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

from pydantic import Field, StringConstraints, model_validator

from sochelp.content.store import Collection, CollectionSpec, ContentStore, require
from sochelp.content.types import Audience, CheckedDate, ContentModel, HttpsUrl, Slug, Text
from sochelp.errors import ContentProblem
from sochelp.quiz.levels import Difficulty
from sochelp.scopes import Activity, audience_names, audiences_for

if TYPE_CHECKING:
    from sochelp.redflags import RedFlag
    from sochelp.report.content import Situation
    from sochelp.signs.content import Guide

#: A scenario body may be a whole email, so it may be longer than ordinary text fields.
Body = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
#: Header fields (sender, subject…) are one short line each.
Header = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^[^\n\r]*$")]


class Medium(StrEnum):
    """How the scenario reached the person; decides how it is drawn."""

    SMS = "sms"
    EMAIL = "email"
    CALL = "call"
    WEB = "web"
    LETTER = "letter"
    DOORSTEP = "doorstep"
    WHATSAPP = "whatsapp"
    SOCIAL = "social"
    QR = "qr"


class Format(StrEnum):
    """The kinds of question."""

    SCAM_OR_GENUINE = "scam-or-genuine"
    MULTIPLE_CHOICE = "multiple-choice"
    SPOT_THE_FLAGS = "spot-the-flags"


class Verdict(StrEnum):
    """The answer to a scam-or-genuine question."""

    SCAM = "scam"
    GENUINE = "genuine"


class Scenario(ContentModel):
    """The message, call, page or visit the question is about."""

    medium: Medium
    # "from" is a Python keyword, so the field is renamed and the TOML key kept as an alias.
    sender: Header | None = Field(default=None, alias="from")
    reply_to: Header | None = None
    subject: Header | None = None
    to: Header | None = None
    body: Body


class Choice(ContentModel):
    """One option of a multiple-choice or spot-the-flags question."""

    text: Text
    correct: bool = False
    red_flag: Slug | None = None


#: Allowed number of choices per format (inclusive).
CHOICE_LIMITS: Mapping[Format, tuple[int, int]] = {
    Format.MULTIPLE_CHOICE: (3, 5),
    Format.SPOT_THE_FLAGS: (3, 7),
}


class Question(ContentModel):
    """One quiz question: a realistic scenario, the answer, and what it teaches."""

    id: Slug
    format: Format
    topics: list[Slug] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    difficulty: Difficulty
    prompt: Text
    report_situation: Slug
    signs_guide: Slug | None = None
    reviewed: CheckedDate
    sources: list[HttpsUrl] = Field(min_length=1)
    scenario: Scenario
    answer: Verdict | None = None
    choices: list[Choice] = Field(default_factory=list)
    red_flags: list[Slug] = Field(default_factory=list)
    explanation: Text
    what_to_do: Text

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        for name, values in (
            ("topics", self.topics),
            ("audiences", self.audiences),
            ("red_flags", self.red_flags),
        ):
            if len(set(values)) != len(values):
                raise ValueError(f"{name} lists the same value twice")
        offered = audiences_for(Activity.QUIZ)
        for audience in self.audiences:
            if audience not in offered:
                raise ValueError(
                    f"'{audience}' is not a quiz audience "
                    f"(quiz audiences: {audience_names(Activity.QUIZ)})"
                )
        if self.format is Format.SCAM_OR_GENUINE:
            self._check_verdict()
        else:
            self._check_choices()
        return self

    def _check_verdict(self) -> None:
        if self.answer is None:
            raise ValueError("a scam-or-genuine question needs answer = 'scam' or 'genuine'")
        if self.choices:
            raise ValueError("a scam-or-genuine question has no choices")
        if self.answer is Verdict.GENUINE and self.red_flags:
            raise ValueError("a genuine message has no red flags (red_flags must be empty)")
        if self.answer is Verdict.SCAM and not self.red_flags:
            raise ValueError("a scam needs at least one red flag in red_flags")

    def _check_choices(self) -> None:
        if self.answer is not None:
            raise ValueError(f"answer is only for scam-or-genuine questions, not {self.format}")
        low, high = CHOICE_LIMITS[self.format]
        if not low <= len(self.choices) <= high:
            raise ValueError(
                f"a {self.format} question needs {low} to {high} choices, not {len(self.choices)}"
            )
        texts = [choice.text.casefold() for choice in self.choices]
        if len(set(texts)) != len(texts):
            raise ValueError("two choices have the same text")
        right = sum(1 for choice in self.choices if choice.correct)
        if self.format is Format.MULTIPLE_CHOICE and right != 1:
            raise ValueError(
                f"a multiple-choice question needs exactly one correct choice, not {right}"
            )
        if self.format is Format.SPOT_THE_FLAGS:
            if right < 1:
                raise ValueError("a spot-the-flags question needs at least one correct choice")
            if not self.red_flags:
                raise ValueError("a spot-the-flags question needs at least one red flag")

    @property
    def is_genuine(self) -> bool:
        """True for a genuine message that should not be treated as a scam."""
        return self.answer is Verdict.GENUINE

    @property
    def all_flags(self) -> tuple[str, ...]:
        """The question's red flags followed by any further flags its choices name."""
        flags = list(self.red_flags)
        for choice in self.choices:
            if choice.red_flag and choice.correct and choice.red_flag not in flags:
                flags.append(choice.red_flag)
        return tuple(flags)


QUESTIONS = CollectionSpec("quiz", "question", Question)


@dataclass(frozen=True)
class QuizContent:
    """Questions plus the names of everything they refer to, already cross-checked."""

    questions: Collection[Question]
    flag_names: Mapping[str, str]
    flag_explanations: Mapping[str, str]
    situation_titles: Mapping[str, str]
    guide_titles: Mapping[str, str]

    def topics(self) -> dict[str, int]:
        """Every topic with its number of questions, sorted by topic."""
        counts: dict[str, int] = {}
        for question in self.questions:
            for topic in question.topics:
                counts[topic] = counts.get(topic, 0) + 1
        return dict(sorted(counts.items()))


def collect(store: ContentStore) -> tuple[QuizContent | None, list[ContentProblem]]:
    """Load questions and check every reference they make; returns content (if usable) and
    all problems found."""
    from sochelp import redflags
    from sochelp.report.content import SITUATIONS
    from sochelp.signs.content import GUIDES

    questions, problems = store.collect(QUESTIONS)
    problems = list(problems)
    flags, flag_problems = store.collect(redflags.RED_FLAGS)
    situations, _ = store.collect(SITUATIONS)  # their own problems are reported by report
    guides, _ = store.collect(GUIDES)  # and by signs
    problems.extend(flag_problems)
    for question in questions:
        origin = questions.origins[question.id]
        problems.extend(_cross_check(question, origin, flags, situations, guides))
    if not questions and not problems:
        problems.append(ContentProblem("content/quiz", "", "there are no quiz questions"))
    if problems:
        return None, problems
    return (
        QuizContent(
            questions,
            {flag.id: flag.name for flag in flags},
            {flag.id: flag.explanation for flag in flags},
            {situation.id: situation.title for situation in situations},
            {guide.id: guide.title for guide in guides},
        ),
        [],
    )


def _cross_check(
    question: Question,
    file: str,
    flags: Collection[RedFlag],
    situations: Collection[Situation],
    guides: Collection[Guide],
) -> list[ContentProblem]:
    from sochelp import redflags

    base = f"question[{question.id}]"
    problems = redflags.unknown_flags(list(question.red_flags), flags, file, f"{base}.red_flags")
    for index, choice in enumerate(question.choices):
        if choice.red_flag is not None and choice.red_flag not in flags:
            problems.append(
                ContentProblem(
                    file,
                    f"{base}.choices[{index}].red_flag",
                    f"unknown red flag '{choice.red_flag}'",
                )
            )
    if question.report_situation not in situations:
        problems.append(
            ContentProblem(
                file,
                f"{base}.report_situation",
                f"unknown situation '{question.report_situation}' (see 'sochelp report --list')",
            )
        )
    if question.signs_guide is not None and question.signs_guide not in guides:
        problems.append(
            ContentProblem(
                file,
                f"{base}.signs_guide",
                f"unknown signs guide '{question.signs_guide}' (see 'sochelp signs --list')",
            )
        )
    return problems


#: Every content folder :func:`collect` reads, and the modules whose models and checks decide
#: what it gives (by their path in the package).
_FOLDERS = ("quiz", "red_flags", "situations", "signs")
_MODULES = (
    "quiz/content.py",
    "quiz/levels.py",
    "scopes.py",
    "redflags.py",
    "report/content.py",
    "signs/content.py",
)


def load(store: ContentStore) -> QuizContent:
    """Load quiz content, raising :class:`ContentError` listing every problem.

    The cross-checked content is kept in the content cache: a warm start reads one entry
    instead of loading the red flags, situations and guides it refers to.
    """
    from sochelp.content import cache

    def key() -> str:
        parts = cache.module_sources(*_MODULES)
        parts += [file for folder in _FOLDERS for file in store.folder_files(folder)]
        return cache.cache_key("quiz_content", __name__, parts)

    return cache.cached_build(key, QuizContent, lambda: require(collect(store)))


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in the quiz questions (for ``sochelp content check``)."""
    return collect(store)[1]
