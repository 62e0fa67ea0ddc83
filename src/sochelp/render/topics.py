"""The view of the quiz topic list (``scam-quiz --list-topics``), apart from the rest of
:mod:`sochelp.render.quiz` so listing the topics does not load the session's views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sochelp.quiz.topics import TopicCount
from sochelp.render import View, escape

if TYPE_CHECKING:
    from rich.console import RenderableType

TOPICS_HINT = "Use: sochelp scam-quiz --topic TOPIC (repeat for more than one)"


def _questions(count: int) -> str:
    return f"{count} question{'s' if count != 1 else ''}"


def topics_text(topics: list[TopicCount]) -> str:
    """Topics as plain text."""
    width = max((len(t.topic) for t in topics), default=10)
    lines = ["Topics:"]
    lines.extend(f"  {t.topic:<{width}}  {_questions(t.questions)}" for t in topics)
    lines.extend(["", TOPICS_HINT])
    return "\n".join(lines) + "\n"


def topics_rich(topics: list[TopicCount]) -> RenderableType:
    """Topics as a table."""
    from rich.table import Table

    table = Table(title="Quiz topics", caption=TOPICS_HINT)
    table.add_column("Topic", style="bold cyan", no_wrap=True)
    table.add_column("Questions", justify="right")
    for t in topics:
        table.add_row(escape(t.topic), str(t.questions))
    return table


TOPICS_VIEW: View[list[TopicCount]] = View(list[TopicCount], topics_text, topics_rich)
