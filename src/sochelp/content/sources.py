"""Which web pages the bundled content may cite as a source: an allow-list kept in content.

The list lives in ``content/sources/allowed.toml``. A source address counts as allowed when its
host is a listed domain or a subdomain of one. The rule is applied to the bundled content only:
a local overlay (``--content-dir``) may cite its own sites, and cannot widen the list for the
bundled content either.

What is checked:

- every address a user is shown as the basis of advice must be on the list: a contact's
  ``source`` (unless the contact is marked ``confidence = "secondary"``), the emergency banner's
  source, a situation's ``sources``, a signs guide's ``sources``, check-up ``links`` and password
  advice sources;
- a quiz question must have at least one source on the list. Its other sources may be news
  reports or local alerts that record a real scam of that kind (the quiz is about real messages),
  but the advice it gives must rest on a primary page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import StringConstraints

from sochelp.content.store import Collection, CollectionSpec, ContentStore
from sochelp.content.types import ContentModel, Text
from sochelp.errors import ContentProblem

DomainName = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9-]+(?:\.[a-z0-9-]+)+$", max_length=120)
]


class AllowedDomain(ContentModel):
    """A web domain whose pages count as primary sources."""

    id: DomainName
    owner: Text
    kind: Literal["government", "police", "nhs", "regulator", "organisation"]


ALLOWED = CollectionSpec("sources", "domain", AllowedDomain)


def host_of(url: str) -> str:
    """The lower-cased host name of ``url`` ("" if it has none)."""
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def is_allowed(url: str, domains: Iterable[str]) -> bool:
    """True when the host of ``url`` is one of ``domains`` or a subdomain of one."""
    host = host_of(url)
    return any(host == domain or host.endswith("." + domain) for domain in domains)


@dataclass(frozen=True)
class CitedSource:
    """One source address in the content, with where it is and whether it may be secondary."""

    file: str
    key: str
    url: str
    #: "must": this address must be on the list. "one-of:<group>": at least one address of the
    #: group must be. "exempt": a secondary contact, shown to users as not confirmed.
    rule: str


def cited_sources(store: ContentStore) -> Iterator[CitedSource]:
    """Every source address in the store's content, with the rule that applies to it."""
    from sochelp.checkup.content import ITEMS
    from sochelp.message.content import ORGANISATIONS
    from sochelp.password.content import ADVICE
    from sochelp.quiz.content import QUESTIONS
    from sochelp.report.content import BANNERS, CONTACTS, SITUATIONS, Confidence
    from sochelp.signs.content import GUIDES

    contacts, _ = store.collect(CONTACTS)
    for contact in contacts:
        rule = "exempt" if contact.confidence is Confidence.SECONDARY else "must"
        yield CitedSource(
            contacts.origins[contact.id], f"contact[{contact.id}].source", contact.source, rule
        )
    banners, _ = store.collect(BANNERS)
    for banner in banners:
        yield CitedSource(
            banners.origins[banner.id], f"banner[{banner.id}].source", banner.source, "must"
        )
    situations, _ = store.collect(SITUATIONS)
    for situation in situations:
        file = situations.origins[situation.id]
        for index, url in enumerate(situation.sources):
            yield CitedSource(file, f"situation[{situation.id}].sources[{index}]", url, "must")
    guides, _ = store.collect(GUIDES)
    for guide in guides:
        for index, url in enumerate(guide.sources):
            key = f"guide[{guide.id}].sources[{index}]"
            yield CitedSource(guides.origins[guide.id], key, url, "must")
    items, _ = store.collect(ITEMS)
    for item in items:
        for index, url in enumerate(item.links):
            yield CitedSource(
                items.origins[item.id], f"item[{item.id}].links[{index}]", url, "must"
            )
    advice, _ = store.collect(ADVICE)
    for tip in advice:
        yield CitedSource(advice.origins[tip.id], f"advice[{tip.id}].source", tip.source, "must")
    organisations, _ = store.collect(ORGANISATIONS)
    for org in organisations:
        for index, url in enumerate(org.phones_sources):
            key = f"organisation[{org.id}].phones_sources[{index}]"
            yield CitedSource(organisations.origins[org.id], key, url, "must")
    questions, _ = store.collect(QUESTIONS)
    for question in questions:
        group = f"one-of:question[{question.id}]"
        for index, url in enumerate(question.sources):
            key = f"question[{question.id}].sources[{index}]"
            yield CitedSource(questions.origins[question.id], key, url, group)


def problems_in(
    sources: Iterable[CitedSource], domains: Collection[AllowedDomain] | Iterable[str]
) -> list[ContentProblem]:
    """Problems for every address that breaks its rule against the allowed ``domains``."""
    allowed = [d.id if isinstance(d, AllowedDomain) else d for d in domains]
    problems: list[ContentProblem] = []
    groups: dict[str, list[CitedSource]] = {}
    for source in sources:
        if source.rule == "must" and not is_allowed(source.url, allowed):
            hint = "cite the organisation's own page or a government page"
            if source.key.startswith("contact["):
                hint += ', or mark the contact confidence = "secondary"'
            problems.append(
                ContentProblem(
                    source.file,
                    source.key,
                    f"'{host_of(source.url)}' is not on the allow-list of primary sources "
                    f"(content/sources/allowed.toml); {hint}",
                )
            )
        elif source.rule.startswith("one-of:"):
            groups.setdefault(source.rule, []).append(source)
    for group in groups.values():
        if not any(is_allowed(s.url, allowed) for s in group):
            first = group[0]
            key = first.key.rsplit(".sources", 1)[0] + ".sources"
            problems.append(
                ContentProblem(
                    first.file,
                    key,
                    "no source is on the allow-list of primary sources "
                    "(content/sources/allowed.toml); add the page the advice rests on",
                )
            )
    return problems


def check(store: ContentStore) -> list[ContentProblem]:
    """Problems with the source addresses of the bundled content (an overlay is not checked)."""
    bundled = ContentStore(bundled=store.bundled) if store.overlay is not None else store
    domains, problems = bundled.collect(ALLOWED)
    problems = list(problems)
    if len(domains) == 0 and not problems:
        # A content tree without an allow-list (such as a test fixture) is not checked.
        return []
    problems.extend(problems_in(cited_sources(bundled), domains))
    return problems
