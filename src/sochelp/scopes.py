"""Where a user is (:class:`Region`) and who they are (:class:`Audience`).

Kept free of pydantic so that command modules can use them as option types without slowing
start-up; :mod:`sochelp.content.types` re-exports them for content models.
"""

from __future__ import annotations

from enum import StrEnum


class Region(StrEnum):
    """The parts of the UK whose reporting routes differ."""

    SCOTLAND = "scotland"
    ENGLAND_WALES = "england-wales"
    NORTHERN_IRELAND = "northern-ireland"


class Audience(StrEnum):
    """The audiences of the Scottish Serious Organised Crime strategy's "What can you do?"."""

    INDIVIDUAL = "individual"
    COMMUNITY = "community"
    BUSINESS = "business"
    FINANCE = "finance"
    PUBLIC_BODY = "public-body"
    ELECTED = "elected"
    THIRD_SECTOR = "third-sector"
