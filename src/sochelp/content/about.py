"""What ``sochelp about`` reports: the version, how much content there is, and how fresh it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sochelp.content.store import ContentStore


@dataclass(frozen=True)
class ContentCounts:
    """How much content there is."""

    contacts: int
    secondary_contacts: int
    #: Contacts last checked more than a year before today.
    stale_contacts: int
    situations: int
    regions: int
    quiz_questions: int
    sign_guides: int
    checkup_items: int


@dataclass(frozen=True)
class AboutInfo:
    """The facts ``sochelp about`` shows."""

    version: str
    #: The most recent date on which any item was checked: how current the content is.
    content_date: dt.date | None
    #: The oldest checked date of any item, and that item (e.g. "contact[fca]").
    oldest_checked: dt.date | None
    oldest_item: str | None
    counts: ContentCounts
    #: The overlay folder in use, or None for the bundled content alone.
    overlay: str | None


def gather(store: ContentStore, today: dt.date) -> AboutInfo:
    """Count the content in ``store`` and find its newest and oldest checked dates."""
    from sochelp import __version__
    from sochelp.checkup.content import ITEMS
    from sochelp.content.freshness import dated_items
    from sochelp.quiz.content import QUESTIONS
    from sochelp.report.content import CONTACTS, SITUATIONS, Confidence
    from sochelp.report.freshness import is_stale
    from sochelp.scopes import Region
    from sochelp.signs.content import GUIDES

    contacts, _ = store.collect(CONTACTS)
    dated = list(dated_items(store))
    oldest = min(dated, key=lambda item: item.checked, default=None)
    newest = max((item.checked for item in dated), default=None)
    return AboutInfo(
        version=__version__,
        content_date=newest,
        oldest_checked=oldest.checked if oldest else None,
        oldest_item=oldest.key if oldest else None,
        counts=ContentCounts(
            contacts=len(contacts),
            secondary_contacts=sum(1 for c in contacts if c.confidence is Confidence.SECONDARY),
            stale_contacts=sum(1 for c in contacts if is_stale(c.checked, today)),
            situations=len(store.collect(SITUATIONS)[0]),
            regions=len(Region),
            quiz_questions=len(store.collect(QUESTIONS)[0]),
            sign_guides=len(store.collect(GUIDES)[0]),
            checkup_items=len(store.collect(ITEMS)[0]),
        ),
        overlay=str(store.overlay) if store.overlay is not None else None,
    )


def cached_gather(
    overlay: Path | None, today: dt.date, store: Callable[[], ContentStore]
) -> AboutInfo:
    """What :func:`gather` finds, kept in the content cache under a fingerprint of every content
    file, sochelp's code and today's date (:mod:`sochelp.content.fingerprint`): while none of
    them changes, ``sochelp about`` loads no collection at all."""
    from sochelp.content import cache
    from sochelp.content.fingerprint import fingerprint

    usable = cache.cache_dir() is not None and (overlay is None or overlay.is_dir())
    digest = fingerprint(overlay, today.isoformat()) if usable else None
    key = f"about-{digest}.pickle" if digest is not None else None
    if key is not None:
        cached = cache.load(key)
        if isinstance(cached, AboutInfo):
            return cached
    info = gather(store(), today)
    if key is not None:
        cache.save(key, info)
    return info
