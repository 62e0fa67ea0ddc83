"""Finding the right situation and assembling what to do, for one region."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field, computed_field

from sochelp.content.types import Region
from sochelp.errors import UsageError
from sochelp.matching import Candidate, Match, closest_ids, rank
from sochelp.report.content import Contact, ReportContent
from sochelp.report.freshness import caution, is_stale, months_between, provenance_line

#: How every view marks a contact that comes from an overlay rather than sochelp's own content.
LOCAL_CONTENT = "From your local content"


class ShownContact(Contact):
    """A contact as the views show it: with how well and how recently its details were
    confirmed (``today`` comes from the command layer)."""

    #: Whole months since the details were last checked (for the caution line).
    months_since_checked: Annotated[int, Field(exclude=True)] = 0
    stale: bool = False
    caution: str | None = None
    #: True when the contact comes from local content (``--content-dir``), not sochelp's own:
    #: every view says so, with the file it came from (``origin``, not in the JSON).
    local: bool = False
    origin: Annotated[str | None, Field(exclude=True)] = None

    @classmethod
    def of(cls, contact: Contact, today: dt.date | None, origin: str | None = None) -> ShownContact:
        """The contact with its freshness worked out for ``today`` (None: not judged);
        ``origin`` is the overlay file it came from (None: bundled content)."""
        months = months_between(contact.checked, today) if today is not None else 0
        stale = today is not None and is_stale(contact.checked, today)
        fields = {name: getattr(contact, name) for name in Contact.model_fields}
        return cls.model_construct(
            **fields,
            months_since_checked=months,
            stale=stale,
            caution=caution(contact.confidence, months, stale),
            local=origin is not None,
            origin=origin,
        )

    @property
    def local_line(self) -> str | None:
        """``From your local content: FILE`` for a contact from an overlay, else None."""
        if not self.local:
            return None
        return f"{LOCAL_CONTENT}: {self.origin}" if self.origin else LOCAL_CONTENT

    @property
    def provenance(self) -> str:
        """The one line under the contact saying where its details come from."""
        return provenance_line(
            self.source,
            self.checked.isoformat(),
            self.confidence,
            self.months_since_checked,
            self.stale,
        )


#: The regions' names as a sentence says them.
REGION_NAMES: dict[str, str] = {
    Region.SCOTLAND.value: "Scotland",
    Region.ENGLAND_WALES.value: "England and Wales",
    Region.NORTHERN_IRELAND.value: "Northern Ireland",
}

#: Where the region came from, as the region note says it (config.Source values).
_SOURCE_WORDS = {
    "default": " (the default)",
    "environment": " (from SOCHELP_REGION)",
    "settings file": " (your setting)",
}


def region_note(region: Region, source: str = "default") -> str:
    """Which part of the UK the answer is for, and how to get another one."""
    others = [r.value for r in Region if r is not region]
    return (
        f"For {REGION_NAMES[region]}{_SOURCE_WORDS.get(source, '')}. Elsewhere in the UK: "
        f"--region {others[0]} or {others[1]}; or remember yours: "
        "sochelp config set region REGION"
    )


@dataclass(frozen=True)
class ReportResult:
    """What to do now and who to tell, for one situation in one region."""

    situation: str
    title: str
    summary: Annotated[str, Field(exclude=True)]
    region: Region
    urgent: bool
    banner_title: Annotated[str | None, Field(exclude=True)]
    #: The immediate-danger lines: empty unless the situation is urgent.
    banner_lines: Annotated[tuple[str, ...], Field(serialization_alias="emergency")]
    steps: tuple[str, ...]
    contacts: tuple[ShownContact, ...]
    signs: tuple[str, ...]
    also_consider: tuple[str, ...] = ()
    #: Where the region came from: option, environment, settings file, asked or default.
    region_source: str = "default"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def region_note(self) -> str:
        """The part of the UK this is for, and how to change it (every view shows it)."""
        return region_note(self.region, self.region_source)

    #: The overlay file an urgent situation's banner came from (views mark it as local).
    banner_origin: Annotated[str | None, Field(exclude=True)] = None

    @property
    def banner_local_line(self) -> str | None:
        """``From your local content: FILE`` when the banner shown came from an overlay."""
        if not (self.urgent and self.banner_title and self.banner_origin):
            return None
        return f"{LOCAL_CONTENT}: {self.banner_origin}"


@dataclass(frozen=True)
class SituationSummary:
    """One line of the situation list."""

    id: str
    title: str
    summary: str
    urgent: bool


def build_report(
    content: ReportContent,
    situation_id: str,
    region: Region,
    also_consider: tuple[str, ...] = (),
    today: dt.date | None = None,
    region_source: str = "default",
) -> ReportResult:
    """Assemble the steps and contacts of one situation for one region.

    ``today`` is the date the command runs on; contacts checked too long before it are marked.
    """
    situation = content.situations[situation_id]
    advice = situation.regions[region]
    steps = advice.steps if advice.steps is not None else situation.steps or []
    banner = content.banner if situation.urgent else None
    return ReportResult(
        situation=situation.id,
        title=situation.title,
        summary=situation.summary,
        region=region,
        urgent=situation.urgent,
        banner_title=banner.title if banner else None,
        banner_lines=tuple(banner.lines) if banner else (),
        steps=tuple(steps),
        contacts=tuple(
            ShownContact.of(
                content.contacts[cid],
                today,
                content.contacts.origins[cid] if content.contacts.is_local(cid) else None,
            )
            for cid in advice.contacts
        ),
        signs=tuple(situation.signs),
        also_consider=also_consider,
        region_source=region_source,
        banner_origin=content.banner_origin if banner else None,
    )


def list_situations(content: ReportContent) -> list[SituationSummary]:
    """Every situation, in content order."""
    return [SituationSummary(s.id, s.title, s.summary, s.urgent) for s in content.situations]


def _candidates(content: ReportContent) -> list[Candidate]:
    return [Candidate(s.id, s.title, s.keywords) for s in content.situations]


def match_situations(content: ReportContent, text: str, limit: int = 3) -> list[Match]:
    """Situations that fit free text such as "I got a weird text", best first."""
    return rank(_candidates(content), text, limit)


def closest_situations(content: ReportContent, text: str, limit: int = 3) -> list[str]:
    """Situation ids that look like a mistyped id, or that fit the words used."""
    found = closest_ids(content.situations.ids(), text, limit)
    return found or [m.id for m in match_situations(content, text, limit)]


_ID_LIKE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def resolve(content: ReportContent, words: str) -> tuple[str, tuple[str, ...]]:
    """The situation for what was typed, and others that may fit.

    An exact id wins. Something shaped like an id (``scam-txt``) is a typo: the closest ids are
    suggested rather than matching its words. Anything else is free text, matched on keywords.
    """
    key = words.strip().lower()
    if key in content.situations:
        return key, ()
    matches = [] if _ID_LIKE.match(key) else match_situations(content, words)
    if not matches:
        closest = closest_situations(content, words)
        suggestion = f"Did you mean: {', '.join(closest)}? " if closest else ""
        raise UsageError(
            f"No situation matches '{words[:80]}'.",
            hint=f"{suggestion}See 'sochelp report --list' for every situation.",
        )
    return matches[0].id, tuple(m.id for m in matches[1:])
