"""The quiz's ``--remind``: the next day questions come back for review."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from sochelp.quiz.engine import Card
from sochelp.session.calendar import Reminder


def next_review_day(cards: Mapping[str, Card], today: dt.date) -> dt.date:
    """The first day after today on which a question is due (questions missed today come back
    tomorrow at the earliest, since they were just asked)."""
    tomorrow = today + dt.timedelta(days=1)
    return max(tomorrow, min((card.due for card in cards.values()), default=tomorrow))


def review_reminder(cards: Mapping[str, Card], today: dt.date) -> Reminder:
    """A calendar reminder for the next review."""
    day = next_review_day(cards, today)
    due = sum(1 for card in cards.values() if card.due <= day)
    return Reminder(
        day=day,
        summary="sochelp scam quiz: questions to review",
        description=(
            f"{due} question{'s' if due != 1 else ''} due for review by this day. "
            "Run: sochelp scam-quiz --review"
        ),
        key="sochelp-scam-quiz-review",
    )
