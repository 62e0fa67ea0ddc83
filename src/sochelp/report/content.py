"""Content models for contacts, situations and the emergency banner, with their cross-checks."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any

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
    #: Set in an overlay that deliberately gives a built-in contact another phone number, text
    #: number, email or web address (``content check`` lists it as a warning); without it such an
    #: overlay is refused.
    replaces_official: Annotated[bool, Field(exclude=True)] = False

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
    #: Set in an overlay that deliberately turns off the emergency banner of a built-in urgent
    #: situation (``urgent = false``; see Contact).
    replaces_official: bool = False


class Banner(ContentModel):
    """The immediate-danger banner shown for urgent situations."""

    id: Slug
    title: Text
    lines: list[Text] = Field(min_length=1)
    source: HttpsUrl
    checked: CheckedDate
    #: Set in an overlay that deliberately changes the emergency banner (see Contact).
    replaces_official: bool = False


CONTACTS = CollectionSpec("contacts", "contact", Contact)
SITUATIONS = CollectionSpec("situations", "situation", Situation)
BANNERS = CollectionSpec("emergency", "banner", Banner)

#: The banner shown for urgent situations.
BANNER_ID = "immediate-danger"

#: The details of a contact that say how to reach it: an overlay changes them only with
#: ``replaces_official = true``.
OFFICIAL_FIELDS = ("phone", "text", "email", "web")
#: The same for the emergency banner (999, 55, 18000, 999 BSL are in its lines), and for the
#: ``urgent`` mark of a situation, which is what shows the banner.
BANNER_FIELDS = ("title", "lines")
URGENT_FIELDS = ("urgent",)
ACKNOWLEDGE = "replaces_official = true"


@dataclass(frozen=True)
class ReportContent:
    """Everything ``sochelp report`` needs, already cross-checked."""

    contacts: Collection[Contact]
    situations: Collection[Situation]
    banner: Banner
    #: The overlay file the banner came from (None: sochelp's own banner).
    banner_origin: str | None = None


def collect(store: ContentStore) -> tuple[ReportContent | None, list[ContentProblem]]:
    """Load and cross-check report content; returns the content (if usable) and all problems."""
    contacts, problems = store.collect(CONTACTS)
    situations, situation_problems = store.collect(SITUATIONS)
    banners, banner_problems = store.collect(BANNERS)
    problems = [*problems, *situation_problems, *banner_problems]
    problems.extend(_cross_check(contacts, situations))
    problems.extend(replacements(contacts, banners, situations, acknowledged=False))
    banner = banners.get(BANNER_ID)
    if banner is None:
        problems.append(
            ContentProblem("content/emergency", f"banner[{BANNER_ID}]", "the banner is missing")
        )
    if problems or banner is None:
        return None, problems
    origin = banners.origins[BANNER_ID] if banners.is_local(BANNER_ID) else None
    return ReportContent(contacts, situations, banner, origin), []


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


def _changed(old: object, new: object, fields: tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(field, bundled value, overlay value) for every official detail that differs."""
    return [
        (name, _said(getattr(old, name)), _said(getattr(new, name)))
        for name in fields
        if getattr(old, name) != getattr(new, name)
        and not (name == "urgent" and getattr(new, name))  # more urgent is always allowed
    ]


def _said(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return f"{len(value)} line{'s' if len(value) != 1 else ''}"
    return f"'{value}'"


_WHAT = {"contact": "built-in contact's", "banner": "emergency banner's", "situation": "built-in"}


def replacements(
    contacts: Collection[Contact],
    banners: Collection[Banner],
    situations: Collection[Situation],
    *,
    acknowledged: bool,
) -> list[ContentProblem]:
    """Overlay items that change the emergency banner (or turn off a built-in situation's
    ``urgent``, which shows it) or a built-in contact's phone, text, email or web address: with
    ``acknowledged`` those marked ``replaces_official = true`` (for ``content check`` to list as
    warnings), otherwise those that are not (problems: the overlay is refused)."""
    found: list[ContentProblem] = []
    kinds: tuple[tuple[str, Collection[Any], tuple[str, ...]], ...] = (
        ("contact", contacts, OFFICIAL_FIELDS),
        ("banner", banners, BANNER_FIELDS),
        ("situation", situations, URGENT_FIELDS),
    )
    for table, collection, fields in kinds:
        for item_id, old in collection.replaced.items():
            new = collection[item_id]
            if bool(new.replaces_official) is not acknowledged:
                continue
            changes = [
                (
                    f"{table}[{item_id}].{name}",
                    f"replaces the {_WHAT[table]} official {name} ({before} -> {after})",
                )
                for name, before, after in _changed(old, new, fields)
            ]
            if table == "situation":
                changes.extend(_dropped_contacts(item_id, old, new))
            for where, reason in changes:
                if not acknowledged:
                    reason += f"; if this is meant, add {ACKNOWLEDGE} to this item"
                found.append(ContentProblem(collection.origins[item_id], where, reason))
    return found


def _dropped_contacts(item_id: str, old: Situation, new: Situation) -> list[tuple[str, str]]:
    """(where, reason) for every region of a built-in situation whose overlay version leaves out
    contacts the bundled one lists: the official places to report to must not vanish unseen."""
    dropped: list[tuple[str, str]] = []
    for region, advice in old.regions.items():
        kept = new.regions[region].contacts if region in new.regions else []
        missing = [contact for contact in advice.contacts if contact not in kept]
        if missing:
            names = ", ".join(missing)
            dropped.append(
                (
                    f"situation[{item_id}].regions.{region}.contacts",
                    f"replaces the built-in official contacts for {region}, leaving out {names}",
                )
            )
    return dropped


def warnings(store: ContentStore) -> list[ContentProblem]:
    """Official details an overlay replaces with ``replaces_official = true`` (listed by
    ``sochelp content check`` as warnings, not problems)."""
    contacts, _ = store.collect(CONTACTS)
    banners, _ = store.collect(BANNERS)
    situations, _ = store.collect(SITUATIONS)
    return replacements(contacts, banners, situations, acknowledged=True)


def load(store: ContentStore) -> ReportContent:
    """Load report content, raising :class:`ContentError` listing every problem."""
    return require(collect(store))


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in report content (for ``sochelp content check``)."""
    return collect(store)[1]
