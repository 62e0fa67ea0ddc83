"""Where a user is (:class:`Region`), who they are (:class:`Audience`) and which audiences each
activity offers (:data:`AUDIENCES`).

Kept free of pydantic so that command modules can use them as option types without slowing
start-up; :mod:`sochelp.content.types` re-exports them for content models.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Region(StrEnum):
    """The parts of the UK whose reporting routes differ."""

    SCOTLAND = "scotland"
    ENGLAND_WALES = "england-wales"
    NORTHERN_IRELAND = "northern-ireland"


class Audience(StrEnum):
    """The audiences of the Scottish Serious Organised Crime strategy's "What can you do?", plus
    young people (whom the strategy asks councils to reach through schools).

    Not every activity serves every audience: see :data:`AUDIENCES`.
    """

    INDIVIDUAL = "individual"
    COMMUNITY = "community"
    BUSINESS = "business"
    FINANCE = "finance"
    PUBLIC_BODY = "public-body"
    ELECTED = "elected"
    THIRD_SECTOR = "third-sector"
    YOUNG_PEOPLE = "young-people"


class Activity(StrEnum):
    """The parts of sochelp that are tailored to an audience (named as their commands)."""

    QUIZ = "scam-quiz"
    CHECKUP = "checkup"


#: The audiences each activity offers, in the order help texts and menus list them. Settings that
#: name an audience (such as a default audience) are checked against the activity's own list.
AUDIENCES: Mapping[Activity, tuple[Audience, ...]] = MappingProxyType(
    {
        # Every audience, young people included: questions written for ages 11-18 and used in
        # schools and youth work.
        Activity.QUIZ: tuple(Audience),
        # No young-people checklist: a cyber-hygiene and crime-resilience check-up with an action
        # plan is for households and organisations.
        Activity.CHECKUP: (
            Audience.INDIVIDUAL,
            Audience.COMMUNITY,
            Audience.BUSINESS,
            Audience.FINANCE,
            Audience.PUBLIC_BODY,
            Audience.ELECTED,
            Audience.THIRD_SECTOR,
        ),
    }
)


def audiences_for(activity: Activity) -> tuple[Audience, ...]:
    """The audiences ``activity`` offers, in display order."""
    return AUDIENCES[activity]


def audience_names(activity: Activity) -> str:
    """The audiences of ``activity`` as a comma-separated list for messages and help."""
    return ", ".join(audience.value for audience in AUDIENCES[activity])


#: Other names people use for each region (matched without regard to case, spaces or _).
REGION_ALIASES: Mapping[str, Region] = MappingProxyType(
    {
        "scot": Region.SCOTLAND,
        "sco": Region.SCOTLAND,
        "gb-sct": Region.SCOTLAND,
        "sct": Region.SCOTLAND,
        "alba": Region.SCOTLAND,
        "england": Region.ENGLAND_WALES,
        "wales": Region.ENGLAND_WALES,
        "cymru": Region.ENGLAND_WALES,
        "eng": Region.ENGLAND_WALES,
        "gb-eng": Region.ENGLAND_WALES,
        "gb-wls": Region.ENGLAND_WALES,
        "wls": Region.ENGLAND_WALES,
        "england-and-wales": Region.ENGLAND_WALES,
        "ew": Region.ENGLAND_WALES,
        "ni": Region.NORTHERN_IRELAND,
        "nir": Region.NORTHERN_IRELAND,
        "gb-nir": Region.NORTHERN_IRELAND,
        "n-ireland": Region.NORTHERN_IRELAND,
    }
)


def parse_region(value: str) -> Region | None:
    """The region ``value`` names (a region id or an alias, any case), or None."""
    key = "-".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
    try:
        return Region(key)
    except ValueError:
        return REGION_ALIASES.get(key)


def region_aliases_text() -> str:
    """The aliases in words, for hints."""
    return "also england, wales, ni, scot, gb-sct, gb-eng, gb-wls, gb-nir"
