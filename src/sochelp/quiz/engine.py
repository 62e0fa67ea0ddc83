"""Quiz logic without any input or output: selection, shuffling, answers, scoring, Leitner boxes,
confidence calibration and progress statistics. Everything here is deterministic given its
arguments (a seeded :class:`random.Random` and today's date)."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Annotated

from pydantic import Field, PlainSerializer, computed_field

from sochelp.content.types import Audience
from sochelp.quiz.content import Format, Question, QuizContent, Verdict
from sochelp.quiz.levels import Difficulty

# The topic list has its own module (listing topics loads nothing else); named here as before.
from sochelp.quiz.topics import TopicCount as TopicCount
from sochelp.quiz.topics import topic_counts as topic_counts
from sochelp.session.core import Ending, is_quit

#: Days until a question comes back, for Leitner boxes 1..5.
INTERVALS: tuple[int, ...] = (0, 1, 3, 7, 21)
MAX_BOX = len(INTERVALS)

#: Confidence levels asked with --confidence, and the chance of being right each one claims.
CONFIDENCE_LEVELS: Mapping[int, tuple[str, float]] = {
    1: ("guessing", 0.5),
    2: ("fairly sure", 0.75),
    3: ("certain", 1.0),
}
#: How far claimed and actual accuracy may differ before we call it over- or under-confident.
CALIBRATION_MARGIN = 0.15

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SPLIT = re.compile(r"[\s,;/]+")
_VERDICT_WORDS: Mapping[str, Verdict] = {
    "scam": Verdict.SCAM,
    "s": Verdict.SCAM,
    "genuine": Verdict.GENUINE,
    "g": Verdict.GENUINE,
    "real": Verdict.GENUINE,
}


# ---------------------------------------------------------------- selection


@dataclass(frozen=True)
class Filters:
    """Which questions a session may use; an empty set means "any"."""

    topics: frozenset[str] = frozenset()
    audiences: frozenset[Audience] = frozenset()
    difficulties: frozenset[Difficulty] = frozenset()

    def matches(self, question: Question) -> bool:
        """True when the question fits every filter given."""
        return (
            (not self.topics or bool(self.topics.intersection(question.topics)))
            and (not self.audiences or bool(self.audiences.intersection(question.audiences)))
            and (not self.difficulties or question.difficulty in self.difficulties)
        )


@dataclass(frozen=True)
class Card:
    """The Leitner state of one question: its box (1..5) and when it is next due."""

    box: int
    due: dt.date
    seen: int = 0
    right: int = 0

    def is_due(self, today: dt.date) -> bool:
        """True when the question should come back today."""
        return self.due <= today


def leitner_move(card: Card | None, correct: bool, today: dt.date) -> Card:
    """Right moves a question up one box, wrong sends it back to box 1; due = today + interval.

    A question never seen before counts as being in box 1.
    """
    box = card.box if card is not None else 1
    box = min(box + 1, MAX_BOX) if correct else 1
    seen = (card.seen if card is not None else 0) + 1
    right = (card.right if card is not None else 0) + (1 if correct else 0)
    return Card(box, today + dt.timedelta(days=INTERVALS[box - 1]), seen, right)


@dataclass(frozen=True)
class Option:
    """One answer as shown: letter A.., its text, and what choosing it means."""

    letter: str
    text: str
    value: str
    correct: bool
    red_flag: str | None = None


@dataclass(frozen=True)
class Item:
    """A question as asked in this session: its options in their shuffled order."""

    question: Question
    options: tuple[Option, ...]
    number: int
    total: int
    card: Card | None = None

    @property
    def multi(self) -> bool:
        """True when more than one option may be chosen (spot the red flags)."""
        return self.question.format is Format.SPOT_THE_FLAGS

    @property
    def correct_indices(self) -> tuple[int, ...]:
        """Positions of the right options."""
        return tuple(i for i, option in enumerate(self.options) if option.correct)


def _options(question: Question, rng: random.Random) -> tuple[Option, ...]:
    if question.format is Format.SCAM_OR_GENUINE:
        return tuple(
            Option(
                _LETTERS[i].upper(),
                verdict.value.capitalize(),
                verdict.value,
                question.answer is verdict,
            )
            for i, verdict in enumerate((Verdict.SCAM, Verdict.GENUINE))
        )
    choices = list(question.choices)
    rng.shuffle(choices)
    return tuple(
        Option(_LETTERS[i].upper(), choice.text, choice.text, choice.correct, choice.red_flag)
        for i, choice in enumerate(choices)
    )


def matching(content: QuizContent, filters: Filters) -> list[Question]:
    """Questions that fit the filters, in bank order."""
    return [question for question in content.questions if filters.matches(question)]


def select(
    questions: Sequence[Question],
    count: int,
    rng: random.Random,
    *,
    today: dt.date,
    cards: Mapping[str, Card] | None = None,
    review_only: bool = False,
) -> list[Item]:
    """Pick up to ``count`` questions and shuffle their choices.

    Order: questions due for review (lowest box first), then new ones, then the rest (soonest
    due first); within each group the order is random. ``review_only`` keeps only due questions.
    """
    cards = cards or {}
    day = today
    pool = list(questions)
    rng.shuffle(pool)

    def rank(question: Question) -> tuple[int, int, dt.date]:
        card = cards.get(question.id)
        if card is None:
            return (1, 0, day)
        if card.is_due(day):
            return (0, card.box, day)
        return (2, card.box, card.due)

    pool.sort(key=rank)  # stable: keeps the random order within equal ranks
    if review_only:
        pool = [q for q in pool if (card := cards.get(q.id)) is not None and card.is_due(day)]
    chosen = pool[: max(count, 0)]
    return [
        Item(question, _options(question, rng), number, len(chosen), cards.get(question.id))
        for number, question in enumerate(chosen, start=1)
    ]


def due_count(cards: Mapping[str, Card], known_ids: Iterable[str], today: dt.date) -> int:
    """How many of the known questions are due today."""
    return sum(
        1 for qid in known_ids if (card := cards.get(qid)) is not None and card.is_due(today)
    )


# ---------------------------------------------------------------- answers


@dataclass(frozen=True)
class Parsed:
    """A typed answer: the chosen option positions, a request to stop, or what was wrong."""

    chosen: tuple[int, ...] = ()
    quit: bool = False
    error: str | None = None


def answer_hint(item: Item) -> str:
    """What to type, e.g. "A-D or 1-4" (with "scam/genuine" for scam-or-genuine)."""
    n = len(item.options)
    hint = f"A-{_LETTERS[n - 1].upper()} or 1-{n}"
    if item.question.format is Format.SCAM_OR_GENUINE:
        hint = "S for scam or G for genuine"
    return hint


def parse_answer(item: Item, text: str) -> Parsed:
    """Read a typed answer: numbers or letters, comma-separated when several may be chosen."""
    words = [w for w in _SPLIT.split(text.strip().lower()) if w]
    if len(words) == 1 and is_quit(words[0]):
        return Parsed(quit=True)
    if not words or "\x00" in text:
        return Parsed(error=f"Please type an answer: {answer_hint(item)}.")
    chosen: list[int] = []
    for word in words:
        index = _option_index(item, word)
        if index is None:
            shown = word if len(word) <= 20 else word[:20] + "…"
            return Parsed(error=f"'{shown}' is not one of the answers; type {answer_hint(item)}.")
        if index not in chosen:
            chosen.append(index)
    if len(chosen) > 1 and not item.multi:
        return Parsed(error="Choose only one answer.")
    return Parsed(chosen=tuple(sorted(chosen)))


def _option_index(item: Item, word: str) -> int | None:
    n = len(item.options)
    if word.isdigit():
        number = int(word)
        return number - 1 if 1 <= number <= n else None
    if len(word) == 1 and word in _LETTERS[:n]:
        return _LETTERS.index(word)
    verdict = _VERDICT_WORDS.get(word)
    if verdict is not None and item.question.format is Format.SCAM_OR_GENUINE:
        return next(i for i, option in enumerate(item.options) if option.value == verdict.value)
    return None


@dataclass(frozen=True)
class Answer:
    """One answered question, scored."""

    item: Annotated[Item, Field(exclude=True)]
    chosen: Annotated[tuple[int, ...], Field(exclude=True)]
    correct: bool
    red_flags_missed: tuple[str, ...]
    confidence: int | None = None

    @computed_field(alias="id")  # type: ignore[prop-decorator]
    @property
    def question_id(self) -> str:
        """The question's id."""
        return self.item.question.id

    @computed_field  # type: ignore[prop-decorator]
    @property
    def format(self) -> Format:
        """The question's format."""
        return self.item.question.format

    @computed_field  # type: ignore[prop-decorator]
    @property
    def topics(self) -> tuple[str, ...]:
        """The question's topics."""
        return tuple(self.item.question.topics)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def given(self) -> tuple[str, ...]:
        """What was chosen ('scam'/'genuine' or choice texts)."""
        return tuple(self.item.options[i].value for i in self.chosen)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def expected(self) -> tuple[str, ...]:
        """What was right."""
        return tuple(self.item.options[i].value for i in self.item.correct_indices)


def score(item: Item, chosen: Sequence[int], confidence: int | None = None) -> Answer:
    """Mark an answer. Spot-the-flags is right only when exactly the right options are chosen."""
    picked = tuple(sorted(set(chosen)))
    question = item.question
    correct = picked == item.correct_indices
    missed: tuple[str, ...] = ()
    if not correct:
        if question.format is Format.SPOT_THE_FLAGS:
            flags: list[str] = []
            for i in item.correct_indices:
                flag = item.options[i].red_flag
                if i not in picked and flag is not None and flag not in flags:
                    flags.append(flag)
            missed = tuple(flags)
        else:
            missed = tuple(question.red_flags)
    return Answer(item, picked, correct, missed, confidence)


# ---------------------------------------------------------------- summary


#: Why a session ended (one enum for every activity).
Stop = Ending


@dataclass(frozen=True)
class TopicScore:
    """Questions asked and answered right on one topic."""

    topic: str
    asked: int
    correct: int


@dataclass(frozen=True)
class FlagScore:
    """How often one red-flag kind was in a question, and how often it was missed."""

    flag: Annotated[str, Field(serialization_alias="id")]
    name: str
    seen: int
    missed: int
    explanation: Annotated[str, Field(exclude=True)] = ""


@dataclass(frozen=True)
class LevelScore:
    """Answers given at one confidence level."""

    level: int
    label: str
    answered: int
    correct: int


class CalibrationVerdict(StrEnum):
    """Whether confidence matched accuracy."""

    OVERCONFIDENT = "overconfident"
    UNDERCONFIDENT = "underconfident"
    MATCHED = "matched"


@dataclass(frozen=True)
class Calibration:
    """Whether confidence matched accuracy."""

    levels: tuple[LevelScore, ...]
    claimed: float
    actual: float
    verdict: CalibrationVerdict


@dataclass(frozen=True)
class Reading:
    """A ``sochelp report`` situation or ``sochelp signs`` guide worth reading next."""

    id: str
    title: str


@dataclass(frozen=True)
class ReadNext:
    """``sochelp report`` situations and ``sochelp signs`` guides worth reading next."""

    report: tuple[Reading, ...]
    signs: tuple[Reading, ...]


@dataclass(frozen=True)
class Summary:
    """The end of a session: score, breakdowns and what to read next."""

    answers: Annotated[tuple[Answer, ...], Field(serialization_alias="questions")]
    planned: int
    stop: Annotated[Stop, Field(serialization_alias="stopped")]
    topics: tuple[TopicScore, ...]
    flags: Annotated[tuple[FlagScore, ...], Field(serialization_alias="red_flags")]
    weakest: Annotated[
        tuple[FlagScore, ...],
        PlainSerializer(lambda flags: [f.flag for f in flags], return_type=list[str]),
        Field(serialization_alias="weakest_red_flags"),
    ]
    calibration: Annotated[Calibration | None, Field(serialization_alias="confidence")]
    report: Annotated[tuple[Reading, ...], Field(exclude=True)]
    signs: Annotated[tuple[Reading, ...], Field(exclude=True)]
    genuine_called_scam: int
    saved: bool = False
    notices: tuple[str, ...] = field(default=())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def read_next(self) -> ReadNext:
        """What to read next: situations and guides that fit what was missed."""
        return ReadNext(self.report, self.signs)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def asked(self) -> int:
        """Questions answered."""
        return len(self.answers)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def correct(self) -> int:
        """Questions answered right."""
        return sum(1 for answer in self.answers if answer.correct)


def calibrate(answers: Iterable[Answer]) -> Calibration | None:
    """Compare claimed confidence with accuracy; None when no confidence was given."""
    rated = [a for a in answers if a.confidence in CONFIDENCE_LEVELS]
    if not rated:
        return None
    levels = []
    for level, (label, _) in CONFIDENCE_LEVELS.items():
        at_level = [a for a in rated if a.confidence == level]
        levels.append(LevelScore(level, label, len(at_level), sum(a.correct for a in at_level)))
    claimed = sum(CONFIDENCE_LEVELS[a.confidence][1] for a in rated if a.confidence) / len(rated)
    actual = sum(1 for a in rated if a.correct) / len(rated)
    if claimed - actual > CALIBRATION_MARGIN:
        verdict = CalibrationVerdict.OVERCONFIDENT
    elif actual - claimed > CALIBRATION_MARGIN:
        verdict = CalibrationVerdict.UNDERCONFIDENT
    else:
        verdict = CalibrationVerdict.MATCHED
    return Calibration(tuple(levels), round(claimed, 3), round(actual, 3), verdict)


def flag_scores(answers: Iterable[Answer], names: Mapping[str, str]) -> tuple[FlagScore, ...]:
    """Per red-flag kind: how often seen and missed, most-missed first."""
    seen: dict[str, int] = {}
    missed: dict[str, int] = {}
    for answer in answers:
        for flag in answer.item.question.all_flags:
            seen[flag] = seen.get(flag, 0) + 1
        for flag in answer.red_flags_missed:
            missed[flag] = missed.get(flag, 0) + 1
            seen.setdefault(flag, 1)
    scores = [FlagScore(f, names.get(f, f), seen[f], missed.get(f, 0)) for f in seen]
    scores.sort(key=lambda s: (-s.missed / s.seen, -s.missed, s.flag))
    return tuple(scores)


def summarise(
    answers: Sequence[Answer],
    planned: int,
    stop: Stop,
    content: QuizContent,
    *,
    weakest_limit: int = 3,
) -> Summary:
    """Score a session and work out what to read next (from the questions answered wrongly)."""
    topics: dict[str, list[int]] = {}
    for answer in answers:
        for topic in answer.item.question.topics:
            tally = topics.setdefault(topic, [0, 0])
            tally[0] += 1
            tally[1] += answer.correct
    topic_scores = tuple(TopicScore(t, a, c) for t, (a, c) in sorted(topics.items()))
    flags = flag_scores(answers, content.flag_names)
    weakest = tuple(
        replace(s, explanation=content.flag_explanations.get(s.flag, "")) for s in flags if s.missed
    )[:weakest_limit]
    report: list[Reading] = []
    signs: list[Reading] = []
    for answer in answers:
        if answer.correct:
            continue
        question = answer.item.question
        situation = question.report_situation
        if situation not in [r.id for r in report]:
            report.append(Reading(situation, content.situation_titles.get(situation, situation)))
        guide = question.signs_guide
        if guide is not None and guide not in [r.id for r in signs]:
            signs.append(Reading(guide, content.guide_titles.get(guide, guide)))
    genuine_called_scam = sum(1 for a in answers if a.item.question.is_genuine and not a.correct)
    return Summary(
        tuple(answers),
        planned,
        stop,
        topic_scores,
        flags,
        weakest,
        calibrate(answers),
        tuple(report),
        tuple(signs),
        genuine_called_scam,
    )


# ---------------------------------------------------------------- history and statistics


@dataclass(frozen=True)
class SessionRecord:
    """What is kept of one finished (or stopped) session."""

    started: str  # ISO date-time, local
    asked: int
    correct: int
    seen: Annotated[Mapping[str, int], Field(exclude=True)] = field(default_factory=dict)
    missed: Annotated[Mapping[str, int], Field(exclude=True)] = field(default_factory=dict)


def session_record(started: str, answers: Sequence[Answer]) -> SessionRecord:
    """The record to keep of a session."""
    scores = flag_scores(answers, {})
    return SessionRecord(
        started,
        len(answers),
        sum(1 for a in answers if a.correct),
        {s.flag: s.seen for s in scores},
        {s.flag: s.missed for s in scores if s.missed},
    )


@dataclass(frozen=True)
class Stats:
    """Progress over time, for ``--stats``."""

    sessions: int
    answered: int
    correct: int
    recent: tuple[SessionRecord, ...]
    earlier_accuracy: float | None
    later_accuracy: float | None
    most_missed: tuple[FlagScore, ...]
    #: Questions in each Leitner box, box 1 first (JSON: {"1": count, ...}).
    boxes: Annotated[
        tuple[int, ...],
        PlainSerializer(
            lambda boxes: {str(n): count for n, count in enumerate(boxes, start=1)},
            return_type=dict[str, int],
        ),
    ]
    due_today: int
    next_due: dt.date | None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def accuracy(self) -> float | None:
        """Share of answers that were right, to three places."""
        return round(self.correct / self.answered, 3) if self.answered else None


def stats(
    sessions: Sequence[SessionRecord],
    cards: Mapping[str, Card],
    known_ids: Iterable[str],
    names: Mapping[str, str],
    today: dt.date,
    *,
    recent: int = 10,
    top: int = 5,
) -> Stats:
    """Sessions, accuracy over time (earlier half against later half), most-missed red flags and
    the Leitner boxes of questions still in the bank."""
    used = [s for s in sessions if s.asked > 0]
    answered = sum(s.asked for s in used)
    correct = sum(s.correct for s in used)
    earlier = later = None
    if len(used) >= 2:
        half = len(used) // 2
        earlier = _accuracy(used[:half])
        later = _accuracy(used[half:])
    seen: dict[str, int] = {}
    missed: dict[str, int] = {}
    for session in used:
        for flag, n in session.seen.items():
            seen[flag] = seen.get(flag, 0) + n
        for flag, n in session.missed.items():
            missed[flag] = missed.get(flag, 0) + n
    flags = [
        FlagScore(f, names.get(f, f), max(seen.get(f, 0), n), n) for f, n in missed.items() if n
    ]
    flags.sort(key=lambda s: (-s.missed, -s.missed / s.seen, s.flag))
    known = [cards[q] for q in known_ids if q in cards]
    boxes = tuple(sum(1 for c in known if c.box == b) for b in range(1, MAX_BOX + 1))
    upcoming = [c.due for c in known if not c.is_due(today)]
    return Stats(
        len(used),
        answered,
        correct,
        tuple(used[-recent:]),
        earlier,
        later,
        tuple(flags[:top]),
        boxes,
        sum(1 for c in known if c.is_due(today)),
        min(upcoming) if upcoming else None,
    )


def _accuracy(sessions: Sequence[SessionRecord]) -> float | None:
    asked = sum(s.asked for s in sessions)
    return round(sum(s.correct for s in sessions) / asked, 3) if asked else None


# ---------------------------------------------------------------- choosing what to ask


def filters_for(
    content: QuizContent,
    topics: Iterable[str],
    audiences: Iterable[Audience],
    difficulties: Iterable[Difficulty],
) -> Filters:
    """Filters from the options; an unknown topic is a usage error with the closest names."""
    from sochelp.errors import UsageError
    from sochelp.matching import closest_ids

    known = content.topics()
    wanted = {t.strip().lower() for raw in topics for t in raw.split(",") if t.strip()}
    for name in sorted(wanted):
        if name not in known:
            close = closest_ids(list(known), name)
            suggestion = f"Did you mean: {', '.join(close)}? " if close else ""
            raise UsageError(
                f"No quiz topic '{name[:60]}'.",
                hint=f"{suggestion}See 'sochelp scam-quiz --list-topics'.",
            )
    return Filters(frozenset(wanted), frozenset(audiences), frozenset(difficulties))


def matching_or_fail(content: QuizContent, filters: Filters) -> list[Question]:
    """Questions that fit the filters; a usage error when none do."""
    from sochelp.errors import UsageError

    questions = matching(content, filters)
    if not questions:
        raise UsageError(
            "No questions match those filters.",
            hint="See 'sochelp scam-quiz --list-topics', or use fewer filters.",
        )
    return questions


def nothing_due(questions: Iterable[Question], cards: Mapping[str, Card]) -> str:
    """What to say when --review finds nothing due today."""
    message = "Nothing is due for review today. Well done!"
    upcoming = [c.due for q in questions if (c := cards.get(q.id)) is not None]
    if upcoming:
        message += f" The next question is due on {min(upcoming).isoformat()}."
    return message
