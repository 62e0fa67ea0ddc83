"""When each piece of content was last checked, for ``sochelp about`` and ``content check
--stale``. "Today" is always passed in by the command layer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from sochelp.content.store import ContentStore


@dataclass(frozen=True)
class DatedItem:
    """One content item with the date its facts were last checked."""

    file: str
    kind: str  #: "contact", "banner", "guide", "item", "question", "advice"
    item_id: str
    checked: dt.date

    @property
    def key(self) -> str:
        """How the item is named in messages, e.g. ``contact[police-scotland-101]``."""
        return f"{self.kind}[{self.item_id}]"


def dated_items(store: ContentStore) -> Iterator[DatedItem]:
    """Every item that carries a checked (or reviewed) date, bundled and overlay alike."""
    from sochelp.checkup.content import ITEMS
    from sochelp.password.content import ADVICE
    from sochelp.quiz.content import QUESTIONS
    from sochelp.report.content import BANNERS, CONTACTS
    from sochelp.signs.content import GUIDES

    contacts, _ = store.collect(CONTACTS)
    for contact in contacts:
        yield DatedItem(contacts.origins[contact.id], "contact", contact.id, contact.checked)
    banners, _ = store.collect(BANNERS)
    for banner in banners:
        yield DatedItem(banners.origins[banner.id], "banner", banner.id, banner.checked)
    guides, _ = store.collect(GUIDES)
    for guide in guides:
        yield DatedItem(guides.origins[guide.id], "guide", guide.id, guide.checked)
    items, _ = store.collect(ITEMS)
    for item in items:
        yield DatedItem(items.origins[item.id], "item", item.id, item.checked)
    questions, _ = store.collect(QUESTIONS)
    for question in questions:
        yield DatedItem(questions.origins[question.id], "question", question.id, question.reviewed)
    advice, _ = store.collect(ADVICE)
    for tip in advice:
        yield DatedItem(advice.origins[tip.id], "advice", tip.id, tip.checked)


def stale_items(store: ContentStore, today: dt.date, days: int) -> list[DatedItem]:
    """Items last checked more than ``days`` days before ``today``, oldest first."""
    limit = today - dt.timedelta(days=days)
    found = [item for item in dated_items(store) if item.checked < limit]
    return sorted(found, key=lambda item: (item.checked, item.file, item.key))
