"""What the analysis works with: message content as plain, picklable data, and rule matching.

:mod:`sochelp.message.content` validates the TOML files with pydantic and builds a
:class:`MessageContent`; that object is kept in the content cache, so a run whose content has not
changed imports neither pydantic nor the TOML reader, and compiles a rule's regular expression
only when the literal text that starts it occurs in the message (see :class:`PrefixIndex`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sochelp.message.suffixes import SuffixList

#: Characters before a match (within its sentence) searched by a rule's ``unless_before``.
UNLESS_WINDOW = 90
_SENTENCE_END = re.compile(r"[.!?\n]\s")
#: Most places one rule is tried at in one message (bounds the work on hostile input).
MAX_TRIES = 1500
#: Longest text one attempt of a rule may look at: phrases are short, and a bound on the text
#: also bounds the work of any one attempt.
MAX_MATCH_SPAN = 600
#: Most index entries examined for one rule (bounds the work on hostile input).
MAX_SCAN = 30_000


class Channel(StrEnum):
    """How a message arrived."""

    SMS = "sms"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    CALL = "call"
    WEB = "web"
    LETTER = "letter"
    DOORSTEP = "doorstep"


#: The ``sochelp report`` situation for each channel, when no rule names a more specific one.
CHANNEL_SITUATIONS: dict[Channel | None, str] = {
    None: "scam-text",
    Channel.SMS: "scam-text",
    Channel.WHATSAPP: "scam-text",
    Channel.EMAIL: "phishing-email",
    Channel.CALL: "scam-call",
    Channel.WEB: "scam-website",
    Channel.LETTER: "crime-report",
    Channel.DOORSTEP: "doorstep-crime",
}

#: Situation named for anyone who has already paid or shared bank details.
MONEY_LOST_SITUATION = "fraud-loss"


@dataclass(frozen=True)
class Rule:
    """A warning sign: a pattern (with ``{{cue}}`` references expanded), its red-flag kind, and
    why it matters."""

    id: str
    flag: str
    weight: int
    pattern: str
    explanation: str
    examples: tuple[str, ...]
    unless_before: str | None = None
    channels: tuple[Channel, ...] = ()
    report_situation: str | None = None
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cue:
    """A piece of a scam that is not a warning sign on its own ("a new payee was added", "if
    this wasn't you"): families combine cues, and patterns may use one as ``{{id}}``."""

    id: str
    pattern: str
    description: str
    examples: tuple[str, ...]
    unless_before: str | None = None
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    """A kind of scam recognised by its cues together: one item of each group of ``all`` and
    none of ``none``, the cues within ``window`` characters of each other (0: anywhere in the
    message). Items are cue or rule ids, or facts found by the analysis (``@link``,
    ``@claimed-org``, …); a group is written ``"a|b|c"`` in the content."""

    id: str
    flag: str
    weight: int
    explanation: str
    all: tuple[tuple[str, ...], ...]
    none: tuple[str, ...] = ()
    window: int = 0
    report_situation: str | None = None
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Organisation:
    """A commonly impersonated organisation, the names it goes by and its official domains."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]


@dataclass(frozen=True)
class DomainList:
    """Domains or suffixes that change how a link or sender is judged."""

    id: str
    kind: str
    weight: int
    explanation: str
    domains: tuple[str, ...]


_REGEXES: dict[tuple[str, int], re.Pattern[str]] = {}


def regex(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A content pattern compiled once per process (case-insensitive unless told otherwise)."""
    key = (pattern, flags)
    compiled = _REGEXES.get(key)
    if compiled is None:
        compiled = _REGEXES[key] = re.compile(pattern, flags)
    return compiled


@dataclass(frozen=True)
class CompiledRule:
    """A rule or cue ready to match.

    ``prefixes`` are lower-case literal texts that every match starts with (None when the
    pattern has none usable): the analysis finds them in the :class:`PrefixIndex` and tries
    the pattern only there (compiling it only then), instead of at every position of a long
    message.
    """

    rule: Rule | Cue
    pattern: str
    unless_pattern: str | None
    prefixes: tuple[str, ...] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use)."""
        return regex(self.pattern)

    @property
    def unless(self) -> re.Pattern[str] | None:
        """The compiled ``unless_before`` pattern, if any."""
        return regex(self.unless_pattern) if self.unless_pattern is not None else None


_WORD_START = re.compile(r"\b\w{1,3}")
_KEY = re.compile(r"\w{1,3}")


class PrefixIndex:
    """Where words start in a lower-cased text, keyed by their first (up to) three letters.

    Built once per message, so each rule's literal prefixes are looked up instead of scanning
    the whole text once per prefix.
    """

    def __init__(self, lowered: str) -> None:
        self.text = lowered
        self.starts: dict[str, list[int]] = {}
        for match in _WORD_START.finditer(lowered):
            self.starts.setdefault(match.group(), []).append(match.start())

    def positions(self, prefixes: tuple[str, ...], cap: int) -> list[int]:
        """Start positions of the prefixes, in order, at most ``cap``."""
        found: list[int] = []
        text = self.text
        budget = MAX_SCAN
        for prefix in prefixes:
            count = 0
            key = _KEY.match(prefix)
            if key is not None:
                for position in self.starts.get(key.group(), ())[:budget]:
                    budget -= 1
                    if text.startswith(prefix, position):
                        found.append(position)
                        count += 1
                        if count >= cap:
                            break
                continue
            start = text.find(prefix)
            while start != -1 and count < cap:
                found.append(start)
                count += 1
                start = text.find(prefix, start + 1)
        found.sort()
        return found[:cap]

    def has_any(self, prefixes: tuple[str, ...]) -> bool:
        """True if any of the prefixes occurs (cheaper than :meth:`positions`)."""
        text = self.text
        for prefix in prefixes:
            key = _KEY.match(prefix)
            if key is None:
                if prefix in text:
                    return True
                continue
            for position in self.starts.get(key.group(), ())[:MAX_SCAN]:
                if text.startswith(prefix, position):
                    return True
        return False


def candidate_positions(lowered: str, prefixes: tuple[str, ...], cap: int) -> list[int]:
    """Start positions of the prefixes in the lower-cased text, in order, at most ``cap``."""
    return PrefixIndex(lowered).positions(prefixes, cap)


def first_matches(
    compiled: CompiledRule, text: str, limit: int, index: PrefixIndex | None = None
) -> list[re.Match[str]]:
    """Up to ``limit`` matches of a rule, skipping those its ``unless_before`` cancels.

    ``index`` is the :class:`PrefixIndex` of ``text.lower()`` when the caller already has it.
    Only words that start a match are indexed, so patterns are expected to begin at a word
    start (``\\b``) or with a symbol such as ``£`` or ``+``. One attempt looks at no more than
    :data:`MAX_MATCH_SPAN` characters.
    """
    found: list[re.Match[str]] = []
    unless = compiled.unless

    def accept(match: re.Match[str]) -> bool:
        if unless is not None:
            before = text[max(0, match.start() - UNLESS_WINDOW) : match.start()]
            ends = list(_SENTENCE_END.finditer(before))
            if ends:
                before = before[ends[-1].end() :]
            if unless.search(before):
                return False
        found.append(match)
        return len(found) >= limit

    if compiled.prefixes is not None:
        if index is None or len(index.text) != len(text):
            index = PrefixIndex(text.lower())
        if len(index.text) == len(text):
            positions = index.positions(compiled.prefixes, MAX_TRIES)
            if not positions:
                return found
            pattern = compiled.regex
            last_end = -1
            for position in positions:
                if position < last_end:
                    continue
                match = pattern.match(text, position, position + MAX_MATCH_SPAN)
                if match is not None and match.end() > match.start():
                    last_end = match.end()
                    if accept(match):
                        break
            return found
    pattern = compiled.regex
    start = 0
    for _ in range(MAX_TRIES):
        match = pattern.search(text, start)
        if match is None:
            break
        if match.end() > match.start() and accept(match):
            break
        start = max(match.end(), match.start() + 1)
    return found


@dataclass(frozen=True)
class AliasEntry:
    """One way an organisation is named, as a small pattern."""

    pattern: str  # spaces and hyphens in the alias match a space, a hyphen or nothing
    case_sensitive: bool  # short capitals (DPD, EE, BT, NHS) count only in capitals
    org: Organisation


@dataclass(frozen=True)
class AliasIndex:
    """Organisation names by the lower-case first word that starts them (longest alias
    first), so only the names whose first word occurs in a message are ever tried."""

    by_first_word: dict[str, tuple[AliasEntry, ...]]
    by_alias: dict[str, Organisation]

    @classmethod
    def build(cls, organisations: tuple[Organisation, ...]) -> AliasIndex:
        """Every alias of every organisation, grouped by its first word."""
        groups: dict[str, list[AliasEntry]] = {}
        by_alias: dict[str, Organisation] = {}
        for org in organisations:
            for alias in org.aliases:
                by_alias.setdefault(alias.lower(), org)
                pattern = r"\b" + re.escape(alias).replace(r"\ ", r"[\s-]?") + r"\b"
                strict = len(alias) <= 4 and alias.upper() == alias
                first = re.split(r"[ -]", alias)[0].lower()
                groups.setdefault(first, []).append(AliasEntry(pattern, strict, org))
        return cls(
            {
                word: tuple(sorted(entries, key=lambda e: len(e.pattern), reverse=True))
                for word, entries in groups.items()
            },
            by_alias,
        )

    @property
    def first_words(self) -> tuple[str, ...]:
        """Every first word, for the prefix index."""
        return tuple(sorted(self.by_first_word))


@dataclass(frozen=True)
class OrgName:
    """A name an organisation is recognised by inside a web or email address."""

    org: Organisation
    name: str  # compact form, e.g. "royalmail"
    official_label: bool  # taken from an official domain (so a near miss is a look-alike)


@dataclass(frozen=True)
class MessageContent:
    """Everything the analysis needs: the content, the Public Suffix List, and what is derived
    from them, built once when the content is validated (the analysis itself never reads a
    file or fills a cache)."""

    rules: tuple[CompiledRule, ...]
    organisations: tuple[Organisation, ...]
    domain_lists: tuple[DomainList, ...]
    flag_names: dict[str, str]
    suffixes: SuffixList
    aliases: AliasIndex
    org_names: tuple[OrgName, ...]
    #: List kind -> domain -> the list holding it.
    domain_index: dict[str, dict[str, DomainList]]
    cues: tuple[CompiledRule, ...] = ()
    families: tuple[Family, ...] = ()
    #: Rule id -> rule, for the report situation of a sign.
    rule_by_id: dict[str, Rule] = field(default_factory=dict)

    def domains_of(self, kind: str) -> dict[str, DomainList]:
        """Domain -> the list holding it, for one kind of list."""
        return self.domain_index.get(kind, {})

    def cue(self, cue_id: str) -> CompiledRule | None:
        """The cue with this id, or None."""
        for compiled in self.cues:
            if compiled.rule.id == cue_id:
                return compiled
        return None


def compact_name(text: str) -> str:
    """A name or host reduced to lower-case letters and digits (``Royal Mail`` -> ``royalmail``)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())
