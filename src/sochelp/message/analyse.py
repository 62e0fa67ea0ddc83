"""The analysis: message text, sender and channel in, warning signs and a verdict out.

Pure and offline: nothing here reads files or fills a cache (the content, with everything derived
from it and the Public Suffix List, is loaded beforehand and passed in), opens a connection or
resolves a name. Work is linear in the text: each rule stops at its first match, link
extraction stops after :data:`links.MAX_LINKS` links.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from pydantic import computed_field

from sochelp.message import links
from sochelp.message.content import (
    CHANNEL_SITUATIONS,
    MAX_TRIES,
    MONEY_LOST_SITUATION,
    Channel,
    MessageContent,
    Organisation,
    PrefixIndex,
    Rule,
    first_matches,
)
from sochelp.message.links import AddressReport

#: Scores at or above these give the verdicts "scam" and "suspicious".
SCAM_SCORE = 8
SUSPICIOUS_SCORE = 3
#: The most one red-flag kind can add to the score (many urgent words are still one sign).
KIND_CAP = 7
#: The most all link problems together can add.
LINK_CAP = 9
#: Longest piece of matched text shown as evidence.
MAX_EVIDENCE = 80

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_PHONE_CHARS = re.compile(r"[\s().-]")


class Verdict(StrEnum):
    """The three levels of the answer. There is deliberately no "safe"."""

    SCAM = "scam"
    SUSPICIOUS = "suspicious"
    NONE_FOUND = "none_found"

    @property
    def text(self) -> str:
        """The verdict in words, the same in every view."""
        return VERDICT_TEXTS[self]


VERDICT_TEXTS = {
    Verdict.SCAM: "Strong signs of a scam",
    Verdict.SUSPICIOUS: "Some warning signs",
    Verdict.NONE_FOUND: "No known warning signs found (that does not make it safe)",
}


@dataclass(frozen=True)
class Flag:
    """One warning sign found: its red-flag kind, the words or link, and why it matters."""

    kind: str
    name: str
    evidence: str
    explanation: str
    weight: int
    source: str  # rule id, "link:<code>", "sender:<code>" or "combination"


@dataclass(frozen=True)
class MessageResult:
    """Everything found in one message."""

    verdict: Verdict
    score: int
    flags: tuple[Flag, ...]
    links: tuple[links.LinkReport, ...]
    addresses: tuple[AddressReport, ...]
    good_signs: tuple[str, ...]
    organisations: tuple[str, ...]
    channel: Channel | None
    report_situation: str
    advice: tuple[str, ...]
    truncated: bool = False
    links_capped: bool = False

    @computed_field  # type: ignore[prop-decorator]
    @property
    def verdict_text(self) -> str:
        """The verdict in words."""
        return self.verdict.text


def prepare_text(text: str) -> str:
    """Normalise a message for matching: compatibility forms, straight quotes, single spaces
    within a line and single line breaks between lines."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = text.replace("\u200b", "").replace("\u200c", "").replace("\u200d", "")
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _evidence(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1] + "…"


def mentioned_organisations(
    text: str, content: MessageContent, index: PrefixIndex | None = None
) -> list[Organisation]:
    """Organisations named in the text, in order of first mention (each once)."""
    patterns = content.aliases
    if index is None or len(index.text) != len(text):
        index = PrefixIndex(text.lower())
    lowered_ok = len(index.text) == len(text)
    searches = (
        (patterns.loose, patterns.loose_prefixes),
        (patterns.strict, patterns.strict_prefixes),
    )
    found: dict[str, tuple[int, Organisation]] = {}
    for pattern, prefixes in searches:
        if pattern is None or not lowered_ok:
            continue
        last_end = -1
        for position in index.positions(prefixes, MAX_TRIES):
            if position < last_end:
                continue
            match = pattern.match(text, position)
            if match is None:
                continue
            last_end = match.end()
            key = re.sub(r"[\s-]", " ", match.group(0).lower())
            org = patterns.by_alias.get(key) or _alias_lookup(key, patterns.by_alias)
            if org is not None and org.id not in found:
                found[org.id] = (match.start(), org)
            if len(found) >= 10:
                break
    return [org for _, org in sorted(found.values(), key=lambda item: item[0])]


def _alias_lookup(key: str, by_alias: dict[str, Organisation]) -> Organisation | None:
    compact = key.replace(" ", "")
    for alias, org in by_alias.items():
        if alias.replace(" ", "").replace("-", "") == compact.replace("-", ""):
            return org
    return None


def analyse(
    text: str,
    content: MessageContent,
    *,
    sender: str | None = None,
    channel: Channel | None = None,
    truncated: bool = False,
) -> MessageResult:
    """Find the warning signs in one message and decide the verdict."""
    prepared = prepare_text(text)
    index = PrefixIndex(prepared.lower())
    flags = _rule_flags(prepared, content, channel, index)
    orgs = mentioned_organisations(prepared, content, index)
    if sender:
        orgs.extend(o for o in mentioned_organisations(sender, content) if o not in orgs)
    candidates, found_addresses = links.scan(prepared, content.suffixes)
    reports = [links.judge(c, content) for c in candidates]
    flags.extend(_link_flags(reports))
    good: list[str] = []
    sender_flags, sender_good = _sender_flags(sender, orgs, content, channel)
    flags.extend(sender_flags)
    good.extend(sender_good)
    sender_address = _EMAIL.search(prepare_text(sender)) if sender else None
    addresses = [
        links.judge_address(address, content, orgs, in_body=True)
        for address in found_addresses
        # "ja*****@outlook.com" is how an organisation shows the reader's own address.
        if "*" not in address
        and not (sender_address and address == sender_address.group(0).lower())
    ]
    flags.extend(_address_flags(addresses, content))
    official_addresses = sorted({a.domain for a in addresses if a.official_for})
    if official_addresses:
        good.append(f"email address on an official domain ({', '.join(official_addresses)})")
    flags.extend(_combination_flags(flags, reports, addresses, orgs, content))
    official = [r for r in reports if r.official_for]
    if official:
        good.append(
            f"{len(official)} link{'s' if len(official) != 1 else ''} "
            f"on an official domain ({', '.join(sorted({r.domain for r in official}))})"
        )
    score = _score(flags)
    if (
        official
        and len(official) == len(reports)
        and not any(f.source.startswith("sender:") for f in flags)
    ):
        score = max(0, score - 2)
    effective_channel = channel or _guess_channel(sender)
    verdict = _verdict(score, flags)
    situation = _situation(flags, content, effective_channel)
    return MessageResult(
        verdict=verdict,
        score=score,
        flags=tuple(flags),
        links=tuple(reports),
        addresses=tuple(addresses),
        good_signs=tuple(good),
        organisations=tuple(org.name for org in orgs),
        channel=effective_channel,
        report_situation=situation,
        advice=advice(verdict, effective_channel, situation),
        truncated=truncated,
        links_capped=len(candidates) >= links.MAX_LINKS,
    )


def analyse_url(url: str, content: MessageContent) -> MessageResult:
    """Judge a single link given on its own."""
    return analyse(url, content, channel=Channel.WEB)


def _rule_flags(
    text: str, content: MessageContent, channel: Channel | None, index: PrefixIndex
) -> list[Flag]:
    """One flag per rule that matches; rules of one kind matching overlapping words (``£1.45``
    and ``fee of £1.45``) become one flag, so a sign is shown once. Its weight is their sum
    (the score caps each kind), its explanation the heaviest rule's."""
    found: list[tuple[int, int, list[tuple[Rule, int, int]]]] = []  # start, end, rules
    by_kind: dict[str, list[int]] = {}
    for compiled in content.rules:
        rule = compiled.rule
        if channel is not None and rule.channels and channel not in rule.channels:
            continue
        matches = first_matches(compiled, text, 1, index)
        if not matches:
            continue
        start, end = matches[0].span()
        for position in by_kind.get(rule.flag, []):
            group_start, group_end, rules = found[position]
            if start < group_end and group_start < end:
                rules.append((rule, start, end))
                found[position] = (min(start, group_start), max(end, group_end), rules)
                break
        else:
            by_kind.setdefault(rule.flag, []).append(len(found))
            found.append((start, end, [(rule, start, end)]))
    flags: list[Flag] = []
    for start, end, rules in found:
        heaviest = max(rules, key=lambda item: item[0].weight)[0]
        flags.append(
            Flag(
                kind=heaviest.flag,
                name=content.flag_names.get(heaviest.flag, heaviest.flag),
                evidence=_evidence(text[start:end]),
                explanation=heaviest.explanation,
                weight=sum(rule.weight for rule, _, _ in rules),
                source=heaviest.id,
            )
        )
    return flags


def _link_flags(reports: Iterable[links.LinkReport]) -> list[Flag]:
    return _report_flags(
        ((report.url, report.flags) for report in reports),
        kind="suspicious-link",
        name="Suspicious link",
        source="link",
    )


def _address_flags(reports: Iterable[links.AddressReport], content: MessageContent) -> list[Flag]:
    return _report_flags(
        ((report.address, report.flags) for report in reports),
        kind="lookalike-sender",
        name=content.flag_names.get("lookalike-sender", "lookalike-sender"),
        source="address",
    )


def _report_flags(
    reports: Iterable[tuple[str, Iterable[links.LinkFlag]]], *, kind: str, name: str, source: str
) -> list[Flag]:
    """One flag per kind of problem found on links or addresses (the first one as evidence)."""
    flags: list[Flag] = []
    seen: set[str] = set()
    for evidence, problems in reports:
        for problem in problems:
            if problem.code in seen:
                continue
            seen.add(problem.code)
            flags.append(
                Flag(
                    kind=kind,
                    name=name,
                    evidence=_evidence(evidence),
                    explanation=problem.explanation,
                    weight=problem.weight,
                    source=f"{source}:{problem.code}",
                )
            )
    return flags


_EMAIL = re.compile(r"([^\s<>@]{1,64})@([^\s<>@]{1,253})")
_MOBILE = re.compile(r"^(?:\+?44|0)7\d{9}$")
_PREMIUM = re.compile(r"^(?:\+?44|0)(?:9\d|70)\d{7,8}$")


def _sender_flags(
    sender: str | None, orgs: list[Organisation], content: MessageContent, channel: Channel | None
) -> tuple[list[Flag], list[str]]:
    if not sender or not sender.strip():
        return [], []
    sender = prepare_text(sender).strip()
    flags: list[Flag] = []
    good: list[str] = []

    def add(code: str, explanation: str, weight: int, kind: str = "lookalike-sender") -> None:
        flags.append(
            Flag(kind, content.flag_names.get(kind, kind), _evidence(sender), explanation, weight,
                 f"sender:{code}")
        )  # fmt: skip

    email = _EMAIL.search(sender)
    if email:
        # "Thistle & Pine <orders@…>" speaks for the shop, not for the carrier it mentions:
        # with a display name, the claim is the organisations that name gives.
        display = sender.replace(email.group(0), " ").strip(" <>\"'()")
        claimed = mentioned_organisations(display, content) if display else orgs
        if display and not claimed and links.sounds_official(display):
            claimed = orgs  # "Security Department <…>" speaks for whoever the message names
        report = links.judge_address(
            email.group(0), content, claimed, in_body=bool(display and not claimed)
        )
        if report.official_for:
            good.append(
                f"sender address is on {report.official_for}'s official domain ({report.domain})"
            )
        for problem in report.flags:
            explanation = problem.explanation.replace("the address", "the sender's address")
            if problem.code not in ("webmail", "unofficial-domain"):
                explanation = "Sender: " + explanation
            add(problem.code, explanation, problem.weight)
        if claimed and any(f.code in _IMITATION for f in report.flags):
            org = claimed[0]
            flags.append(
                Flag(
                    "impersonation",
                    content.flag_names.get("impersonation", "impersonation"),
                    _evidence(f"{org.name} → {report.domain}"),
                    f"Writes as {org.name} from '{report.domain}', an address made to look like "
                    f"theirs ({', '.join(org.domains[:2])}).",
                    4,
                    "combination",
                )
            )
        return flags, good
    digits = _PHONE_CHARS.sub("", sender)
    if _PREMIUM.match(digits):
        add(
            "premium",
            "The sender's number is premium-rate or a forwarding 070 number.",
            3,
            "premium-rate",
        )
    elif (
        _MOBILE.match(digits)
        and channel in (None, Channel.SMS, Channel.WHATSAPP)
        and any(o.kind != "shop" for o in orgs)
    ):
        add(
            "mobile",
            f"Says it is from {orgs[0].name} but comes from an ordinary mobile number; "
            "organisations text from short codes or their name.",
            3,
        )
    elif digits.startswith("+") and not digits.startswith("+44") and orgs:
        add("abroad", "A UK organisation's message comes from a foreign number.", 2)
    return flags, good


#: Address problems that mean it imitates an organisation.
_IMITATION = {"lookalike-domain", "official-domain-inside", "other-ending", "org-name-in-domain"}
_RISKY_KINDS = {"asks-for-details", "unusual-payment", "small-fee", "threat", "remote-access"}


def _combination_flags(
    flags: list[Flag],
    reports: list[links.LinkReport],
    addresses: list[links.AddressReport],
    orgs: list[Organisation],
    content: MessageContent,
) -> list[Flag]:
    name = content.flag_names.get("impersonation", "impersonation")
    if not orgs:
        imitating = [r for r in reports if r.imitates]
        if not imitating:
            return []
        report = imitating[0]
        return [
            Flag(
                "impersonation",
                name,
                _evidence(f"{report.imitates} → {report.domain}"),
                f"The link imitates {report.imitates}'s web address, but goes to "
                f"'{report.domain}'.",
                4,
                "combination",
            )
        ]
    org = orgs[0]
    unofficial = [r for r in reports if not r.official_for]
    if unofficial:
        report = unofficial[0]
        return [
            Flag(
                "impersonation",
                name,
                _evidence(f"{org.name} → {report.domain}"),
                f"Uses {org.name}'s name but the link goes to '{report.domain}', not "
                f"{org.name}'s official site ({', '.join(org.domains[:2])}).",
                4,
                "combination",
            )
        ]
    lookalike_addresses = [a for a in addresses if any(f.code in _IMITATION for f in a.flags)]
    if lookalike_addresses:
        address = lookalike_addresses[0]
        return [
            Flag(
                "impersonation",
                name,
                _evidence(f"{org.name} → {address.address}"),
                f"Uses {org.name}'s name but gives an email address on '{address.domain}', "
                f"not {org.name}'s official domain ({', '.join(org.domains[:2])}).",
                4,
                "combination",
            )
        ]
    risky = sorted({f.kind for f in flags if f.kind in _RISKY_KINDS})
    if risky and not reports:
        return [
            Flag(
                "impersonation",
                name,
                org.name,
                f"Uses {org.name}'s name while showing other warning signs; contact "
                f"{org.name} yourself using details you already trust.",
                2,
                "combination",
            )
        ]
    return []


def _score(flags: Iterable[Flag]) -> int:
    by_kind: dict[str, int] = {}
    link_total = 0
    for flag in flags:
        if flag.source.startswith("link:"):
            link_total += flag.weight
        else:
            by_kind[flag.kind] = by_kind.get(flag.kind, 0) + flag.weight
    return sum(min(KIND_CAP, value) for value in by_kind.values()) + min(LINK_CAP, link_total)


def _verdict(score: int, flags: list[Flag]) -> Verdict:
    kinds = {flag.kind for flag in flags}
    if score >= SCAM_SCORE and (len(kinds) >= 2 or score >= SCAM_SCORE + 3):
        return Verdict.SCAM
    if score >= SUSPICIOUS_SCORE:
        return Verdict.SUSPICIOUS
    return Verdict.NONE_FOUND


def _guess_channel(sender: str | None) -> Channel | None:
    if sender and "@" in sender:
        return Channel.EMAIL
    if sender and re.search(r"\d{3}", sender):
        return Channel.SMS
    return None


def _situation(flags: list[Flag], content: MessageContent, channel: Channel | None) -> str:
    rules = {compiled.rule.id: compiled.rule for compiled in content.rules}
    best: tuple[int, str] | None = None
    for flag in flags:
        rule = rules.get(flag.source)
        if rule is not None and rule.report_situation and (best is None or rule.weight > best[0]):
            best = (rule.weight, rule.report_situation)
    return best[1] if best else CHANNEL_SITUATIONS[channel]


def advice(verdict: Verdict, channel: Channel | None, situation: str) -> tuple[str, ...]:
    """What to do now, in order, for this verdict and channel."""
    steps: list[str] = []
    if verdict is Verdict.NONE_FOUND:
        steps.append(
            "Finding no known warning signs does not make a message safe: if it asks you to "
            "pay, log in or share details, check with the sender using contact details you "
            "already trust."
        )
    else:
        steps.append(
            "Do not click links, reply, call numbers or scan codes from this message, and do "
            "not pay or share any codes or details."
        )
        steps.append(
            "To check it, contact the organisation or person yourself, using a number or "
            "website you find independently (the back of your card, their official site, the "
            "number you already have)."
        )
    if verdict is Verdict.NONE_FOUND:
        steps.append("If you still think it is a scam, report it:")
    if channel in (Channel.SMS, None):
        steps.append("Forward a scam text to 7726 (free), then delete it.")
    if channel is Channel.WHATSAPP:
        steps.append("In WhatsApp, use Block and Report on the sender.")
    if channel is Channel.EMAIL or channel is None:
        steps.append("Forward a scam email to report@phishing.gov.uk, then delete it.")
    if channel is Channel.CALL:
        steps.append(
            "Hang up. Report the number by texting 'Call' followed by the number to 7726. "
            "Before calling your bank, wait a few minutes or use a different phone."
        )
    if channel is Channel.WEB:
        steps.append(
            "Report a scam website to the NCSC: "
            "ncsc.gov.uk/section/about-this-website/report-scam-website"
        )
    if channel is Channel.DOORSTEP:
        steps.append(
            "Do not agree to work or go to the bank with a cold caller; ask them to leave. "
            "If you feel threatened, call 999."
        )
    steps.append(
        "If you have already paid or shared card or bank details, call your bank now on the "
        f"number on your card, or 159 (see: sochelp report {MONEY_LOST_SITUATION})."
    )
    steps.append(f"Who to tell and what else to do: sochelp report {situation}")
    return tuple(steps)
