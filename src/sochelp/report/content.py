"""Content models for contacts, situations and the emergency banner, with their cross-checks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

from pydantic import Field, model_validator

from sochelp.content.store import Collection, CollectionSpec, ContentStore, require
from sochelp.content.types import (
    CheckedDate,
    ContentModel,
    Email,
    HttpsUrl,
    Phone,
    Region,
    Slug,
    Text,
)
from sochelp.errors import ContentProblem


class Confidence(StrEnum):
    """How well a contact's details are confirmed."""

    #: Shown on the organisation's own page, or on a government page.
    PRIMARY = "primary"
    #: Found only on another page (a news item, a partner's leaflet…): not confirmed by the
    #: organisation itself. Every view says so.
    SECONDARY = "secondary"


class Contact(ContentModel):
    """An organisation or service to contact, with where the details came from and when.

    Shown as it is in ``report --json`` (less its id and regions, which only pick it).
    """

    id: Annotated[Slug, Field(exclude=True)]
    name: Text
    regions: Annotated[list[Region], Field(min_length=1, exclude=True)]
    phone: Phone | None = None
    text: Phone | None = None
    email: Email | None = None
    web: HttpsUrl | None = None
    hours: Text | None = None
    purpose: Text
    not_for: Text | None = None
    source: HttpsUrl
    confidence: Confidence = Confidence.PRIMARY
    checked: CheckedDate

    @model_validator(mode="after")
    def _reachable(self) -> Contact:
        if not (self.phone or self.text or self.email or self.web):
            raise ValueError("a contact needs at least one of phone, text, email or web")
        return self


class RegionalAdvice(ContentModel):
    """What differs for one region: its steps (optional) and its contacts, in order."""

    steps: list[Text] | None = Field(default=None, min_length=1)
    contacts: list[Slug] = Field(default_factory=list)


class Situation(ContentModel):
    """Something a person has seen or suffered, with the steps and contacts for each region."""

    id: Slug
    title: Text
    summary: Text
    urgent: bool = False
    keywords: list[Text] = Field(min_length=1)
    steps: list[Text] | None = Field(default=None, min_length=1)
    signs: list[Slug] = Field(default_factory=list)
    #: Pages the steps rely on (the contacts carry their own sources).
    sources: list[HttpsUrl] = Field(default_factory=list)
    regions: dict[Region, RegionalAdvice]


class Banner(ContentModel):
    """The immediate-danger banner shown for urgent situations."""

    id: Slug
    title: Text
    lines: list[Text] = Field(min_length=1)
    source: HttpsUrl
    checked: CheckedDate


CONTACTS = CollectionSpec("contacts", "contact", Contact)
SITUATIONS = CollectionSpec("situations", "situation", Situation)
BANNERS = CollectionSpec("emergency", "banner", Banner)

#: The banner shown for urgent situations.
BANNER_ID = "immediate-danger"


@dataclass(frozen=True)
class ReportContent:
    """Everything ``sochelp report`` needs, already cross-checked."""

    contacts: Collection[Contact]
    situations: Collection[Situation]
    banner: Banner


def collect(store: ContentStore) -> tuple[ReportContent | None, list[ContentProblem]]:
    """Load and cross-check report content; returns the content (if usable) and all problems."""
    contacts, problems = store.collect(CONTACTS)
    situations, situation_problems = store.collect(SITUATIONS)
    banners, banner_problems = store.collect(BANNERS)
    problems = [*problems, *situation_problems, *banner_problems]
    problems.extend(_cross_check(contacts, situations))
    banner = banners.get(BANNER_ID)
    if banner is None:
        problems.append(
            ContentProblem("content/emergency", f"banner[{BANNER_ID}]", "the banner is missing")
        )
    if problems or banner is None:
        return None, problems
    return ReportContent(contacts, situations, banner), []


def _cross_check(
    contacts: Collection[Contact], situations: Collection[Situation]
) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    for situation in situations:
        file = situations.origins[situation.id]
        base = f"situation[{situation.id}]"
        for region in Region:
            advice = situation.regions.get(region)
            if advice is None:
                problems.append(
                    ContentProblem(file, f"{base}.regions", f"no advice for region '{region}'")
                )
                continue
            key = f"{base}.regions.{region}"
            if advice.steps is None and situation.steps is None:
                problems.append(ContentProblem(file, f"{key}.steps", "no steps for this region"))
            if not advice.contacts:
                problems.append(
                    ContentProblem(file, f"{key}.contacts", "no contacts for this region")
                )
            for index, contact_id in enumerate(advice.contacts):
                contact = contacts.get(contact_id)
                where = f"{key}.contacts[{index}]"
                if contact is None:
                    problems.append(ContentProblem(file, where, f"unknown contact '{contact_id}'"))
                elif region not in contact.regions:
                    problems.append(
                        ContentProblem(
                            file, where, f"contact '{contact_id}' does not serve region '{region}'"
                        )
                    )
    return problems


def load(store: ContentStore) -> ReportContent:
    """Load report content, raising :class:`ContentError` listing every problem."""
    return require(collect(store))


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in report content (for ``sochelp content check``)."""
    return collect(store)[1]
