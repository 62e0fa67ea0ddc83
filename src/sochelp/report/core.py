"""Finding the right situation and assembling what to do, for one region."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sochelp.content.types import Region
from sochelp.matching import Candidate, Match, closest_ids, rank
from sochelp.report.content import Contact, ReportContent
from sochelp.report.freshness import is_stale, months_between


@dataclass(frozen=True)
class ContactView:
    """A contact as shown to the user."""

    name: str
    phone: str | None
    text: str | None
    email: str | None
    web: str | None
    hours: str | None
    purpose: str
    not_for: str | None
    source: str
    checked: str
    #: "primary" (the organisation's own page or a government page) or "secondary".
    confidence: str = "primary"
    months_since_checked: int = 0
    stale: bool = False

    @classmethod
    def of(cls, contact: Contact, today: dt.date | None = None) -> ContactView:
        """Build the view of a content contact; ``today`` (from the command layer) decides
        whether its details count as stale."""
        months = months_between(contact.checked, today) if today is not None else 0
        return cls(
            name=contact.name,
            phone=contact.phone,
            text=contact.text,
            email=contact.email,
            web=contact.web,
            hours=contact.hours,
            purpose=contact.purpose,
            not_for=contact.not_for,
            source=contact.source,
            checked=contact.checked.isoformat(),
            confidence=str(contact.confidence),
            months_since_checked=months,
            stale=today is not None and is_stale(contact.checked, today),
        )


@dataclass(frozen=True)
class ReportResult:
    """What to do now and who to tell, for one situation in one region."""

    situation: str
    title: str
    summary: str
    region: Region
    urgent: bool
    banner_title: str | None
    banner_lines: tuple[str, ...]
    steps: tuple[str, ...]
    contacts: tuple[ContactView, ...]
    signs: tuple[str, ...]
    also_consider: tuple[str, ...] = ()


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
        contacts=tuple(ContactView.of(content.contacts[cid], today) for cid in advice.contacts),
        signs=tuple(situation.signs),
        also_consider=also_consider,
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
