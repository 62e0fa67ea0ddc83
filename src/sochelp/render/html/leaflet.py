"""One-page, print-ready leaflets for ``sochelp report`` and ``sochelp signs``.

A leaflet says what to do now, who to contact (phone numbers and addresses never split across
lines), the danger banner where it applies, and when each detail was checked. Contacts from a
local overlay carry the words "From your local content". No script at all.
"""

from __future__ import annotations

import re

from sochelp.render.html import Markup, el, join, link, page
from sochelp.render.html.style import base_css
from sochelp.render.report import REGION_NAMES
from sochelp.report.content import Confidence, Contact
from sochelp.report.core import ShownContact
from sochelp.report.leaflet import Leaflet, LeafletContact

LOCAL_LABEL = "From your local content"
DANGER_LABEL = "Danger"


#: Characters of text a normal-size leaflet holds on one A4 page before it is set more densely
#: (measured with chromium's print to PDF on the bundled content; the browser tests check that
#: the longest leaflets still fit one page).
ROOMY_BUDGET = 2900
DENSE_BUDGET = 3600


def first_sentence(text: str) -> str:
    """The first sentence of a text (a dense leaflet keeps only that of a contact's purpose)."""
    match = _SENTENCE.search(text)
    return text[: match.end()].strip() if match else text


_SENTENCE = re.compile(r"[.!?](?=\s+[A-Z0-9'‘“(])")


def _contact_chars(contact: Contact, brief: bool) -> int:
    purpose = first_sentence(contact.purpose) if brief else contact.purpose
    details = (contact.phone, contact.text, contact.email, contact.web, contact.hours)
    return (
        60
        + len(contact.name)
        + len(purpose)
        + len(contact.not_for or "")
        + sum(len(d or "") for d in details)
    )


def density(leaflet: Leaflet) -> int:
    """0 roomy (two columns of contacts), 1 brief (first sentence of each contact's purpose),
    2 dense (brief, smaller type and three columns), from how much text the leaflet holds."""
    result = leaflet.report
    text = len(result.summary) + sum(len(s) + 20 for s in result.steps)
    text += sum(len(line) for line in result.banner_lines)
    if leaflet.guide is not None:
        guide = leaflet.guide
        text = len(guide.summary) + sum(len(s) + 15 for g in guide.groups for s in g.signs)
        text += sum(len(d) + 15 for d in (*guide.do, *guide.dont))
    roomy = text + sum(_contact_chars(c.contact, False) for c in leaflet.contacts)
    if leaflet.guide is None and roomy <= ROOMY_BUDGET:
        return 0
    brief = text + sum(_contact_chars(c.contact, True) for c in leaflet.contacts)
    return 1 if brief <= DENSE_BUDGET else 2


def _leaflet_css(large_print: bool, level: int, groups: int = 3) -> str:
    columns = 1 if large_print else (3 if level == 2 else 2)
    body = "7.6pt" if level == 2 else "8.5pt"
    small = "7pt" if level == 2 else "7.5pt"
    normal_print = (
        f"body{{font-size:{body};line-height:{1.17 if level == 2 else 1.22}}}"
        "h1{font-size:14pt}h2{font-size:10pt;margin:.45em 0 .2em}h3{font-size:8.5pt}"
        f"small,.small,.checked,footer{{font-size:{small}}}"
    )
    return (
        base_css(large_print)
        + f"""
.contacts{{display:grid;grid-template-columns:repeat({columns},1fr);gap:.35em .8em}}
.contact{{border:1px solid var(--muted);padding:.25em .45em;break-inside:avoid}}
.contact.local{{border:3px solid var(--local)}}
.contact h3{{margin:0 0 .1em}}
.contact p{{margin:.05em 0}}
.contact .how>span{{margin-right:.7em;white-space:nowrap;display:inline-block}}
.label{{font-weight:bold}}
.steps li{{margin:.1em 0}}
.signs{{columns:{1 if large_print else groups};column-gap:1em}}
.signs section{{break-inside:avoid}}
.signs h3{{margin-top:.1em}}
.signs ul,.do-dont ul{{padding-left:1.1em}}
.do-dont{{display:grid;grid-template-columns:{"1fr" if large_print else "1fr 1fr"};gap:0 1.2em}}
@media print{{
{"" if large_print else normal_print}
.contacts{{gap:.25em .5em}}
}}
@page{{size:A4;margin:{"12mm" if large_print else "9mm"}}}
"""
    )


_FIELDS = (("phone", "Phone"), ("text", "Text"), ("email", "Email"), ("web", "Web"))


def host(url: str) -> str:
    """The site of an address, as printed under "checked against" (the link keeps the page)."""
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or url
    except ValueError:
        return url


def _how(contact: Contact) -> Markup:
    parts: list[Markup] = []
    for attr, label in _FIELDS:
        value = getattr(contact, attr)
        if not value:
            continue
        if attr == "web":
            shown: Markup = link(value, value.removeprefix("https://").rstrip("/"), class_="web")
        else:
            shown = el("span", value, class_="email" if attr == "email" else "phone")
        parts.append(el("span", el("span", f"{label}:", class_="label"), " ", shown))
    return el("p", parts, class_="how")


def _provenance(contact: ShownContact) -> Markup:
    """Where the details come from: never "Checked against" a page that is not the
    organisation's own, and a warning when they were checked over a year ago."""
    when = contact.checked.isoformat()
    source = link(contact.source, host(contact.source), class_="nowrap")
    if contact.confidence is Confidence.SECONDARY:
        lines: list[Markup | str] = [
            el("strong", "Not confirmed on the organisation's own site:"),
            " details found at ",
            source,
            f" (checked {when}).",
        ]
    else:
        lines = [f"Checked {when} against ", source, "."]
    if contact.stale:
        lines.append(
            el(
                "strong",
                f" Last checked {contact.months_since_checked} months ago: confirm on their site.",
            )
        )
    return el("p", lines, class_="checked")


def _contact(entry: LeafletContact, brief: bool) -> Markup:
    contact = entry.contact
    lines = [_how(contact)]
    if contact.hours:
        lines.append(el("p", el("span", "Hours:", class_="label"), " ", contact.hours))
    purpose = first_sentence(contact.purpose) if brief else contact.purpose
    lines.append(el("p", el("span", "For:", class_="label"), " ", purpose))
    if contact.not_for:
        lines.append(el("p", el("span", "Not for:", class_="label"), " ", contact.not_for))
    badge = el("span", LOCAL_LABEL, class_="badge local") if entry.local else None
    lines.append(_provenance(contact))
    return el(
        "section",
        el("h3", contact.name, badge),
        lines,
        class_="contact local" if entry.local else "contact",
    )


def _banner(leaflet: Leaflet) -> Markup | None:
    result = leaflet.report
    if not (result.urgent and result.banner_title):
        return None
    checked = (
        el("p", f"Checked {leaflet.banner_checked.isoformat()}", class_="small")
        if leaflet.banner_checked
        else None
    )
    return el(
        "section",
        el("h2", f"⚠ {DANGER_LABEL}: {result.banner_title}"),
        el("ul", (el("li", line) for line in result.banner_lines)),
        checked,
        class_="danger",
        aria_label=DANGER_LABEL,
    )


def _contacts(leaflet: Leaflet, heading: str, brief: bool) -> Markup:
    return join(
        el("h2", heading),
        el("div", (_contact(c, brief) for c in leaflet.contacts), class_="contacts"),
    )


def _footer(leaflet: Leaflet, command: str) -> Markup:
    oldest, newest = leaflet.checked_range
    when = (
        oldest.isoformat() if oldest == newest else f"{oldest.isoformat()} to {newest.isoformat()}"
    )
    local = any(c.local for c in leaflet.contacts)
    parts = [
        f"Details checked {when}. Printed {leaflet.made.isoformat()} with sochelp "
        f"({command}). Numbers can change: check before you rely on an old copy.",
    ]
    if local:
        parts.append(
            f" Contacts marked “{LOCAL_LABEL}” were added by the organisation that printed this."
        )
    return el("footer", el("p", "".join(parts)))


def report_leaflet(leaflet: Leaflet, *, large_print: bool = False) -> str:
    """The leaflet of one situation: banner, what to do now, contacts, checked dates."""
    result = leaflet.report
    region = REGION_NAMES[str(result.region)]
    level = 0 if large_print else density(leaflet)
    body = join(
        el(
            "header",
            el("h1", result.title),
            el("p", f"What to do and who to tell in {region}.", class_="muted"),
            el("p", result.summary, class_="summary"),
        ),
        _banner(leaflet),
        el(
            "main",
            el("h2", "What to do now"),
            el("ol", (el("li", s) for s in result.steps), class_="steps"),
            _contacts(leaflet, "Who to contact", level > 0),
        ),
        _footer(leaflet, f"sochelp report {result.situation} --region {result.region}"),
    )
    return page(
        f"{result.title} – what to do ({region})",
        body,
        css=_leaflet_css(large_print, level),
    )


def signs_leaflet(leaflet: Leaflet, *, large_print: bool = False) -> str:
    """The leaflet of a guide: the signs, what to do and not do, then who to tell in the region."""
    guide = leaflet.guide
    if guide is None:
        raise ValueError("a signs leaflet needs its guide")
    result = leaflet.report
    region = REGION_NAMES[str(result.region)]
    level = 0 if large_print else density(leaflet)
    groups = el(
        "div",
        (
            el("section", el("h3", g.kind), el("ul", (el("li", s) for s in g.signs)))
            for g in guide.groups
        ),
        class_="signs",
    )
    do_dont = el(
        "div",
        el("section", el("h2", "✓ What to do"), el("ul", (el("li", d) for d in guide.do))),
        el("section", el("h2", "✗ What not to do"), el("ul", (el("li", d) for d in guide.dont))),
        class_="do-dont",
    )
    body = join(
        el("header", el("h1", guide.title), el("p", guide.summary, class_="summary")),
        _banner(leaflet),
        el(
            "main",
            el("h2", "Signs to look for"),
            groups,
            do_dont,
            _contacts(leaflet, f"Who to tell in {region}", level > 0),
            el(
                "p",
                f"Guide checked {guide.checked.isoformat()} against: ",
                join(*(join(link(s, host(s), class_="nowrap"), " ") for s in guide.sources)),
                class_="checked small",
            ),
        ),
        _footer(leaflet, f"sochelp signs {guide.id} --region {result.region}"),
    )
    return page(
        f"{guide.title} – spot the signs ({region})",
        body,
        css=_leaflet_css(large_print, level, min(3, len(guide.groups))),
    )
