"""What a printed leaflet holds: a report for one region, which contacts are local, the dates
everything was checked, and (for ``signs``) the guide it starts with.

Contacts that come from a local overlay (``--content-dir``) are marked so the leaflet can say
"from your local content": a library or a council prints its own numbers, and a reader can tell
them from the national ones.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sochelp.report.content import ReportContent
from sochelp.report.core import ReportResult, ShownContact
from sochelp.signs.content import Guide


@dataclass(frozen=True)
class LeafletContact:
    """A contact on a leaflet (with how fresh and how well confirmed its details are), and
    whether it came from the local overlay."""

    contact: ShownContact
    local: bool


@dataclass(frozen=True)
class Leaflet:
    """Everything one leaflet shows."""

    report: ReportResult
    contacts: tuple[LeafletContact, ...]
    banner_checked: dt.date | None
    banner_source: str | None
    made: dt.date
    guide: Guide | None = None

    @property
    def checked_range(self) -> tuple[dt.date, dt.date]:
        """The oldest and newest date on which anything on the leaflet was checked."""
        dates = [c.contact.checked for c in self.contacts]
        if self.banner_checked is not None:
            dates.append(self.banner_checked)
        if self.guide is not None:
            dates.append(self.guide.checked)
        return min(dates), max(dates)


def build_leaflet(
    content: ReportContent,
    result: ReportResult,
    *,
    made: dt.date,
    guide: Guide | None = None,
) -> Leaflet:
    """The leaflet of a report (and of a guide, which then ends with the report's contacts)."""
    contacts = tuple(LeafletContact(contact, contact.local) for contact in result.contacts)
    urgent = result.urgent
    return Leaflet(
        report=result,
        contacts=contacts,
        banner_checked=content.banner.checked if urgent else None,
        banner_source=content.banner.source if urgent else None,
        made=made,
        guide=guide,
    )
