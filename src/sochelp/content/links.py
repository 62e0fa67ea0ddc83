"""``sochelp content links``: fetch every web address in the content and report the broken ones.

A maintainer's tool (it goes to the internet, so it never runs in CI): each address is asked for
with HEAD, and with GET when a server refuses HEAD; redirects are followed, and a redirect that
ends on another site is reported, because a moved page may no longer say what the content
claims. Requests run concurrently, but never more than ``concurrency`` at once. Response bodies
are never read.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from sochelp.content.store import ContentStore

if TYPE_CHECKING:
    import httpx

#: Statuses after which a HEAD request is retried with GET (servers that do not support HEAD).
_RETRY_WITH_GET = frozenset({400, 403, 404, 405, 406, 429, 500, 501, 502, 503})
MAX_REDIRECTS = 10
DEFAULT_TIMEOUT = 15.0
DEFAULT_CONCURRENCY = 8


class Outcome(StrEnum):
    """What happened when an address was fetched."""

    OK = "ok"
    MOVED = "moved"  #: redirected to another site
    FAILED = "failed"


@dataclass(frozen=True)
class LinkResult:
    """The outcome of fetching one address, and where the content uses it."""

    url: str
    outcome: Outcome
    detail: str
    status: int | None = None
    final_url: str | None = None
    used_in: tuple[str, ...] = field(default_factory=tuple)


def _site(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def addresses(store: ContentStore, folder: Path | None = None) -> dict[str, list[str]]:
    """Every web address in the store's content, mapped to where it is used ("file: key").

    ``folder`` is the local content folder the store was made from by :func:`store_for`, so
    that places are named by their real path rather than as bundled content.
    """
    found: dict[str, list[str]] = {}
    for url, place in _places(store):
        if folder is not None and place.startswith("content/"):
            place = f"{folder}/{place.removeprefix('content/')}"
        found.setdefault(url, []).append(place)
    return found


def _places(store: ContentStore) -> Iterator[tuple[str, str]]:
    from sochelp.checkup.content import ITEMS
    from sochelp.password.content import ADVICE
    from sochelp.quiz.content import QUESTIONS
    from sochelp.report.content import BANNERS, CONTACTS, SITUATIONS
    from sochelp.signs.content import GUIDES

    contacts, _ = store.collect(CONTACTS)
    for c in contacts:
        where = f"{contacts.origins[c.id]}: contact[{c.id}]"
        if c.web:
            yield c.web, f"{where}.web"
        yield c.source, f"{where}.source"
    banners, _ = store.collect(BANNERS)
    for b in banners:
        yield b.source, f"{banners.origins[b.id]}: banner[{b.id}].source"
    situations, _ = store.collect(SITUATIONS)
    for s in situations:
        for url in s.sources:
            yield url, f"{situations.origins[s.id]}: situation[{s.id}].sources"
    guides, _ = store.collect(GUIDES)
    for g in guides:
        for url in g.sources:
            yield url, f"{guides.origins[g.id]}: guide[{g.id}].sources"
    items, _ = store.collect(ITEMS)
    for i in items:
        for url in i.links:
            yield url, f"{items.origins[i.id]}: item[{i.id}].links"
    questions, _ = store.collect(QUESTIONS)
    for q in questions:
        for url in q.sources:
            yield url, f"{questions.origins[q.id]}: question[{q.id}].sources"
    advice, _ = store.collect(ADVICE)
    for a in advice:
        yield a.source, f"{advice.origins[a.id]}: advice[{a.id}].source"


def store_for(folder: Path | None) -> ContentStore:
    """The content to check: an overlay folder on its own, or the bundled content."""
    if folder is None:
        return ContentStore()
    # The folder is read as if it were the whole content tree, so that only its own addresses
    # are fetched (an overlay may cite its own sites).
    ContentStore(overlay=folder)  # raises a usage error for a missing folder
    return ContentStore(bundled=folder)


async def _fetch(
    client: httpx.AsyncClient, url: str, gate: asyncio.Semaphore, used_in: tuple[str, ...]
) -> LinkResult:
    import httpx

    async with gate:
        try:
            response = await client.head(url)
            if response.status_code in _RETRY_WITH_GET:
                async with client.stream("GET", url) as streamed:
                    response = streamed
        except httpx.TimeoutException:
            return LinkResult(url, Outcome.FAILED, "timed out", used_in=used_in)
        except httpx.TooManyRedirects:
            return LinkResult(url, Outcome.FAILED, "too many redirects", used_in=used_in)
        except httpx.ConnectError as error:
            reason = (
                "certificate not trusted" if "CERTIFICATE" in str(error) else "could not connect"
            )
            return LinkResult(url, Outcome.FAILED, reason, used_in=used_in)
        except httpx.HTTPError as error:
            reason = type(error).__name__
            return LinkResult(url, Outcome.FAILED, f"request failed ({reason})", used_in=used_in)
    final = str(response.url)
    status = response.status_code
    if status >= 400:
        return LinkResult(url, Outcome.FAILED, f"HTTP {status}", status, final, used_in)
    if _site(final) != _site(url):
        detail = f"moved to another site: {final}"
        return LinkResult(url, Outcome.MOVED, detail, status, final, used_in)
    return LinkResult(url, Outcome.OK, f"HTTP {status}", status, final, used_in)


async def _check_all(
    targets: dict[str, list[str]],
    timeout: float,
    concurrency: int,
    transport: httpx.AsyncBaseTransport | None,
) -> list[LinkResult]:
    import httpx

    from sochelp import __version__

    gate = asyncio.Semaphore(max(1, concurrency))
    async with httpx.AsyncClient(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        headers={"User-Agent": f"sochelp-link-check/{__version__}"},
        transport=transport,
    ) as client:
        tasks = [_fetch(client, url, gate, tuple(places)) for url, places in targets.items()]
        return list(await asyncio.gather(*tasks))


def check_links(
    targets: dict[str, list[str]] | Sequence[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    concurrency: int = DEFAULT_CONCURRENCY,
    transport: httpx.AsyncBaseTransport | None = None,
) -> list[LinkResult]:
    """Fetch every address (at most ``concurrency`` at once); results in the order given.

    Raises :class:`UsageError` when secure connections cannot be set up at all (for example
    ``SSL_CERT_FILE`` names a missing file).
    """
    import ssl

    from sochelp.errors import UsageError

    mapping = (
        {url: list(places) for url, places in targets.items()}
        if isinstance(targets, dict)
        else {url: [] for url in targets}
    )
    try:
        return asyncio.run(_check_all(mapping, timeout, concurrency, transport))
    except (OSError, ssl.SSLError) as error:
        raise UsageError(
            f"Could not set up secure connections: {error}",
            hint="Check SSL_CERT_FILE and SSL_CERT_DIR, or unset them to use the built-in list.",
        ) from None
