"""When each piece of content was last checked, for ``sochelp about`` and ``content check
--stale``. "Today" is always passed in by the command layer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sochelp.content.store import CollectionSpec, ContentStore


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

    # (collection, how its items are named, the field holding the date)
    dated: tuple[tuple[CollectionSpec[Any], str, str], ...] = (
        (CONTACTS, "contact", "checked"),
        (BANNERS, "banner", "checked"),
        (GUIDES, "guide", "checked"),
        (ITEMS, "item", "checked"),
        (QUESTIONS, "question", "reviewed"),
        (ADVICE, "advice", "checked"),
    )
    for spec, kind, field in dated:
        collection, _ = store.collect(spec)
        for entry in collection:
            yield DatedItem(collection.origins[entry.id], kind, entry.id, getattr(entry, field))


def stale_items(store: ContentStore, today: dt.date, days: int) -> list[DatedItem]:
    """Items last checked more than ``days`` days before ``today``, oldest first."""
    limit = today - dt.timedelta(days=days)
    found = [item for item in dated_items(store) if item.checked < limit]
    return sorted(found, key=lambda item: (item.checked, item.file, item.key))
