"""When the next check-up is due: six months on, unless the content says otherwise.

An organisation can set its own interval per audience in a local overlay
(``--content-dir``), e.g. a council whose serious organised crime lead reviews the
self-assessment every year::

    # my-content/checkup_schedule/council.toml
    [[schedule]]
    id = "public-body"          # the check-up audience
    months = 12
    reason = "Our annual serious organised crime self-assessment cycle."
    checked = 2026-11-20
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, field_validator

from sochelp.content.store import CollectionSpec, ContentStore
from sochelp.content.types import Audience, CheckedDate, ContentModel, HttpsUrl, Slug, Text
from sochelp.errors import ContentProblem
from sochelp.scopes import Activity, audience_names, audiences_for
from sochelp.session.calendar import Reminder, add_months

#: Months until the next check-up when the content says nothing.
DEFAULT_MONTHS = 6


class Schedule(ContentModel):
    """How often one audience's check-up should be repeated."""

    id: Slug
    months: int = Field(ge=1, le=36)
    reason: Text | None = None
    source: HttpsUrl | None = None
    checked: CheckedDate

    @field_validator("id")
    @classmethod
    def _is_checkup_audience(cls, value: str) -> str:
        if value not in {a.value for a in audiences_for(Activity.CHECKUP)}:
            raise ValueError(
                f"'{value}' is not a check-up audience ({audience_names(Activity.CHECKUP)})"
            )
        return value


SCHEDULES = CollectionSpec("checkup_schedule", "schedule", Schedule)


def months_for(store: ContentStore, audience: Audience) -> int:
    """Months until the next check-up of ``audience`` (the content's, or six)."""
    schedules, problems = store.collect(SCHEDULES)
    schedule = schedules.get(audience.value)
    return schedule.months if schedule is not None and not problems else DEFAULT_MONTHS


def next_checkup(audience: Audience, title: str, done: dt.date, months: int) -> Reminder:
    """The calendar reminder of the next check-up."""
    return Reminder(
        day=add_months(done, months),
        summary=f"sochelp check-up: {title}",
        description=(
            f"Time for your next check-up ({months} months since {done.isoformat()}). "
            f"Run: sochelp checkup {audience.value}"
        ),
        key=f"sochelp-checkup-{audience.value}",
    )


def check(store: ContentStore) -> list[ContentProblem]:
    """Problems in the schedule files (for ``sochelp content check``)."""
    return list(store.collect(SCHEDULES)[1])
