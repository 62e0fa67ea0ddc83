"""Check-up answers: what can be said about an item, and reading a typed reply.

Apart from :mod:`sochelp.checkup.engine` (scores, plans, comparisons) so that asking the questions
and keeping the answers does not need the classes of a result.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum


class Answer(StrEnum):
    """What someone says about one checklist item."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"
    NOT_APPLICABLE = "na"


class Command(StrEnum):
    """Inputs that are not answers."""

    HELP = "help"
    QUIT = "quit"


ANSWER_NAMES: Mapping[Answer, str] = {
    Answer.YES: "yes",
    Answer.PARTLY: "partly",
    Answer.NO: "no",
    Answer.NOT_APPLICABLE: "not applicable",
}

_INPUTS: Mapping[str, Answer | Command] = {
    "y": Answer.YES,
    "yes": Answer.YES,
    "1": Answer.YES,
    "p": Answer.PARTLY,
    "partly": Answer.PARTLY,
    "partial": Answer.PARTLY,
    "2": Answer.PARTLY,
    "n": Answer.NO,
    "no": Answer.NO,
    "3": Answer.NO,
    "na": Answer.NOT_APPLICABLE,
    "n/a": Answer.NOT_APPLICABLE,
    "n.a.": Answer.NOT_APPLICABLE,
    "not applicable": Answer.NOT_APPLICABLE,
    "4": Answer.NOT_APPLICABLE,
    "?": Command.HELP,
    "h": Command.HELP,
    "help": Command.HELP,
    "why": Command.HELP,
    "q": Command.QUIT,
    "quit": Command.QUIT,
    "stop": Command.QUIT,
}


def parse_input(text: str) -> Answer | Command | None:
    """Turn a typed line into an answer or command; None when it is neither."""
    return _INPUTS.get(" ".join(text.strip().lower().split()))
