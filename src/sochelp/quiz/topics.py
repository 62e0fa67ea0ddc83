"""The quiz topics and how many questions each has (``scam-quiz --list-topics``).

Kept apart from :mod:`sochelp.quiz.engine` so listing the topics does not pay for building the
session's many classes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sochelp.quiz.content import QuizContent


@dataclass(frozen=True)
class TopicCount:
    """A topic and how many questions it has (``--list-topics``)."""

    topic: str
    questions: int


def topic_counts(content: QuizContent) -> list[TopicCount]:
    """Every topic with its number of questions."""
    return [TopicCount(topic, count) for topic, count in content.topics().items()]
