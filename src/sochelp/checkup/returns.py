"""A check-up "return": the answers of one completed (or partly done) check-up, with no personal
data, for an organisation to roll up (``checkup --export json``; see ``docs/schema``).

A return holds the audience, the day (not the time), whether it is complete, an id and the
answers by item id: no name, no free text, nothing typed by the person. The id is a hash of the
audience, the exact time the check-up was saved and the answers, so exporting the same saved
check-up twice gives the same return (a duplicate the roll-up leaves out), while two people who
gave the same answers on the same day still give two returns.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from sochelp.checkup.engine import Answer, CheckupResult
from sochelp.scopes import Activity, Audience, audiences_for

KIND = "sochelp-checkup-return"
#: The return format this version writes and reads; a newer one is named and left out.
VERSION = 1


class CheckupReturn(BaseModel):
    """One exported check-up, without personal data."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    kind: Literal["sochelp-checkup-return"] = "sochelp-checkup-return"
    version: int = Field(default=VERSION, ge=1)
    id: str = Field(pattern=r"^[0-9a-f]{16}$", description="Same check-up, same id.")
    audience: Audience
    date: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{2}-\d{2}$", description="The day it was done."
    )
    complete: bool
    answers: dict[str, Answer] = Field(description="Answer by checklist item id.")

    @field_validator("audience")
    @classmethod
    def _has_checkup(cls, value: Audience) -> Audience:
        if value not in audiences_for(Activity.CHECKUP):
            raise ValueError(f"there is no check-up for '{value}'")
        return value


def return_id(audience: str, when: str | None, answers: Mapping[str, Answer | str]) -> str:
    """The id of a return: the same saved check-up always gives the same id."""
    canonical = json.dumps(
        {"audience": audience, "when": when, "answers": {k: str(v) for k, v in answers.items()}},
        sort_keys=True,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def to_return(result: CheckupResult) -> CheckupReturn:
    """The return of a check-up result."""
    answers = dict(result.answers)
    return CheckupReturn(
        id=return_id(result.audience, result.date, answers),
        audience=Audience(result.audience),
        date=result.date[:10] if result.date else None,
        complete=result.complete,
        answers=answers,
    )


def content_hash(item: CheckupReturn) -> str:
    """What two copies of one return share (duplicates are found by it)."""
    data = item.model_dump(mode="json")
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode("utf-8")).hexdigest()
