"""Content for check-message: warning-sign rules, spoofed organisations and domain lists.

Everything here is data in ``content/``; this module validates it and cross-checks it against the
red-flag vocabulary and the ``sochelp report`` situations. Every rule's regular expression must
compile, must not match the empty string, must avoid nested unbounded repetition (the cause of
catastrophic backtracking), must match each of its ``examples`` and none of its
``counter_examples``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator

from sochelp.content.store import Collection, CollectionSpec, ContentStore, require
from sochelp.content.types import ContentModel, Slug, Text
from sochelp.errors import ContentProblem
from sochelp.message.suffixes import SuffixList, load_suffix_list
from sochelp.redflags import RED_FLAGS, unknown_flags
from sochelp.report.content import SITUATIONS

#: Characters before a match (within its sentence) searched by a rule's ``unless_before``.
UNLESS_WINDOW = 60
_SENTENCE_END = re.compile(r"[.!?\n]\s")


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

Pattern = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Domain = Annotated[
    str,
    StringConstraints(
        pattern=r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{2,63}$", max_length=253
    ),
]
Alias = Annotated[str, StringConstraints(min_length=2, max_length=60)]


class Rule(ContentModel):
    """One warning sign: a pattern, the red-flag kind it shows, and why it matters."""

    id: Slug
    flag: Slug
    weight: int = Field(ge=1, le=10)
    pattern: Pattern
    unless_before: Pattern | None = None
    explanation: Annotated[str, StringConstraints(min_length=1, max_length=240)]
    channels: list[Channel] = Field(default_factory=list)
    report_situation: Slug | None = None
    examples: list[Text] = Field(min_length=1)
    counter_examples: list[Text] = Field(default_factory=list)


class Organisation(ContentModel):
    """A commonly impersonated organisation, the names it goes by and its official domains."""

    id: Slug
    name: Text
    kind: Literal[
        "bank", "delivery", "government", "police", "health", "tech", "shop", "utility", "telecom"
    ]
    aliases: list[Alias] = Field(min_length=1)
    domains: list[Domain] = Field(min_length=1)

    @field_validator("aliases")
    @classmethod
    def _plain_aliases(cls, value: list[str]) -> list[str]:
        for alias in value:
            if not re.fullmatch(r"[\w .&'-]+", alias):
                raise ValueError(f"alias '{alias}' may hold only letters, digits, spaces and .&'-")
        return value


class DomainList(ContentModel):
    """Domains or suffixes that change how a link or sender is judged."""

    id: Slug
    kind: Literal["shortener", "free-host", "webmail", "risky-tld"]
    weight: int = Field(ge=0, le=10)
    explanation: Annotated[str, StringConstraints(min_length=1, max_length=240)]
    domains: list[Domain] = Field(min_length=1)


RULES = CollectionSpec("message_rules", "rule", Rule)
ORGANISATIONS = CollectionSpec("organisations", "organisation", Organisation)
DOMAIN_LISTS = CollectionSpec("link_rules", "domain_list", DomainList)


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its regular expressions compiled.

    ``prefixes`` are lower-case literal texts that every match starts with (None when the
    pattern has none usable): the analysis finds them with fast substring search and tries the
    pattern only there, instead of at every position of a long message.
    """

    rule: Rule
    regex: re.Pattern[str]
    unless: re.Pattern[str] | None
    prefixes: tuple[str, ...] | None = None


@dataclass(frozen=True)
class AliasPatterns:
    """Organisation names as two compiled patterns, with the literal texts that start them."""

    loose: re.Pattern[str] | None  # case-insensitive names
    strict: re.Pattern[str] | None  # short capitals (DPD, EE, BT, NHS), case-sensitive
    loose_prefixes: tuple[str, ...]
    strict_prefixes: tuple[str, ...]  # lower-case, for the prefix index
    by_alias: dict[str, Organisation]

    @classmethod
    def build(cls, organisations: tuple[Organisation, ...]) -> AliasPatterns:
        """Compile every alias of every organisation (longest first, so the longest wins)."""
        by_alias: dict[str, Organisation] = {}
        loose: list[str] = []
        strict: list[str] = []
        loose_prefixes: set[str] = set()
        strict_prefixes: set[str] = set()
        for org in organisations:
            for alias in org.aliases:
                by_alias.setdefault(alias.lower(), org)
                escaped = re.escape(alias).replace(r"\ ", r"[\s-]?")
                first = re.split(r"[ -]", alias)[0]
                if len(alias) <= 4 and alias.upper() == alias:
                    strict.append(escaped)
                    strict_prefixes.add(first.lower())
                else:
                    loose.append(escaped)
                    loose_prefixes.add(first.lower())
        loose.sort(key=len, reverse=True)
        strict.sort(key=len, reverse=True)
        return cls(
            re.compile(r"\b(?:" + "|".join(loose) + r")\b", re.IGNORECASE) if loose else None,
            re.compile(r"\b(?:" + "|".join(strict) + r")\b") if strict else None,
            tuple(sorted(loose_prefixes)),
            tuple(sorted(strict_prefixes)),
            by_alias,
        )


def compact_name(text: str) -> str:
    """A name or host reduced to lower-case letters and digits (``Royal Mail`` -> ``royalmail``)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


@dataclass(frozen=True)
class OrgName:
    """A name an organisation is recognised by inside a web or email address."""

    org: Organisation
    name: str  # compact form, e.g. "royalmail"
    official_label: bool  # taken from an official domain (so a near miss is a look-alike)


def org_names(organisations: tuple[Organisation, ...], suffixes: SuffixList) -> tuple[OrgName, ...]:
    """The names to look for in addresses: each official domain's own name, then one-word
    aliases (three letters or more), each name once per organisation."""
    names: list[OrgName] = []
    reserved = {domain for org in organisations for domain in org.domains}
    for org in organisations:
        seen: set[str] = set()
        for domain in org.domains:
            registrable, suffix = suffixes.split(domain)
            # Under a reserved ending (scotland.police.uk) the whole name is what identifies it.
            whole = not registrable or suffix in reserved
            compact = compact_name(domain if whole else registrable.split(".")[0])
            if len(compact) >= 3 and compact not in seen:
                seen.add(compact)
                names.append(OrgName(org, compact, True))
        for alias in org.aliases:
            compact = compact_name(alias)
            if len(compact) >= 3 and compact not in seen and " " not in alias.strip():
                seen.add(compact)
                names.append(OrgName(org, compact, False))
    return tuple(names)


@dataclass(frozen=True)
class MessageParts:
    """Message content as validated and compiled from ``content/`` (what ``content check``
    needs)."""

    rules: tuple[CompiledRule, ...]
    organisations: tuple[Organisation, ...]
    domain_lists: tuple[DomainList, ...]
    flag_names: dict[str, str]


@dataclass(frozen=True)
class MessageContent:
    """Everything the analysis needs: the content, the Public Suffix List, and what is derived
    from them, built once by :meth:`build` when the content is loaded (the analysis itself never
    reads a file or fills a cache)."""

    rules: tuple[CompiledRule, ...]
    organisations: tuple[Organisation, ...]
    domain_lists: tuple[DomainList, ...]
    flag_names: dict[str, str]
    suffixes: SuffixList
    aliases: AliasPatterns
    org_names: tuple[OrgName, ...]
    #: List kind -> domain -> the list holding it.
    domain_index: dict[str, dict[str, DomainList]]

    @classmethod
    def build(cls, parts: MessageParts, suffixes: SuffixList) -> MessageContent:
        """Derive the compiled alias patterns, organisation names and domain index."""
        index: dict[str, dict[str, DomainList]] = {}
        for item in parts.domain_lists:
            for domain in item.domains:
                index.setdefault(item.kind, {})[domain] = item  # a later list wins
        return cls(
            parts.rules,
            parts.organisations,
            parts.domain_lists,
            parts.flag_names,
            suffixes,
            AliasPatterns.build(parts.organisations),
            org_names(parts.organisations, suffixes),
            index,
        )

    def domains_of(self, kind: str) -> dict[str, DomainList]:
        """Domain -> the list holding it, for one kind of list."""
        return self.domain_index.get(kind, {})


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a content pattern the way the analysis uses it (case-insensitive)."""
    return re.compile(pattern, re.IGNORECASE)


def _nested_repeat(pattern: str) -> bool:
    """True if an unbounded repeat contains another repeat (a backtracking risk).

    This reads the parse tree of Python's private ``re._parser``, which may change between
    versions; if it cannot be read the check is skipped (returns False). It is an early warning
    for content authors only: the real guard is ``tests/message/test_redos.py``, which times
    every rule on hostile input, and the analysis tries each rule at a bounded number of places.
    """
    try:
        return _nested_repeat_unchecked(pattern)
    except Exception:  # any change in the private parser: skip the early check
        return False


def _nested_repeat_unchecked(pattern: str) -> bool:
    from re import _parser  # type: ignore[attr-defined]

    unbounded = _parser.MAXREPEAT

    def walk(items: Any, inside_unbounded: bool) -> bool:
        for op, arg in items:
            name = str(op)
            if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                low, high, sub = arg
                del low
                if inside_unbounded and name != "POSSESSIVE_REPEAT":
                    return True
                if walk(sub, inside_unbounded or high == unbounded):
                    return True
            elif name == "SUBPATTERN":
                if walk(arg[-1], inside_unbounded):
                    return True
            elif name == "BRANCH":
                if any(walk(branch, inside_unbounded) for branch in arg[1]):
                    return True
            elif name in ("ASSERT", "ASSERT_NOT") and walk(arg[1], inside_unbounded):
                return True
        return False

    return walk(_parser.parse(pattern, re.IGNORECASE), False)


def _pattern_problems(
    pattern: str, file: str, key: str
) -> tuple[re.Pattern[str] | None, list[ContentProblem]]:
    try:
        regex = compile_pattern(pattern)
    except re.error as exc:
        return None, [ContentProblem(file, key, f"regular expression does not compile: {exc}")]
    problems: list[ContentProblem] = []
    if regex.search("") is not None:
        problems.append(ContentProblem(file, key, "regular expression matches empty text"))
    if _nested_repeat(pattern):
        problems.append(
            ContentProblem(
                file,
                key,
                "a repeat inside an unbounded repeat can backtrack catastrophically; "
                "use a bounded repeat such as {0,40}",
            )
        )
    return regex, problems


def _compile_rule(rule: Rule, file: str) -> tuple[CompiledRule | None, list[ContentProblem]]:
    base = f"rule[{rule.id}]"
    regex, problems = _pattern_problems(rule.pattern, file, f"{base}.pattern")
    unless = None
    if rule.unless_before is not None:
        unless, more = _pattern_problems(rule.unless_before, file, f"{base}.unless_before")
        problems.extend(more)
    if regex is None or (rule.unless_before is not None and unless is None):
        return None, problems
    compiled = CompiledRule(rule, regex, unless, literal_prefixes(rule.pattern))
    for index, example in enumerate(rule.examples):
        if not first_matches(compiled, example, 1):
            problems.append(
                ContentProblem(file, f"{base}.examples[{index}]", "the pattern does not match it")
            )
    for index, example in enumerate(rule.counter_examples):
        if first_matches(compiled, example, 1):
            problems.append(
                ContentProblem(file, f"{base}.counter_examples[{index}]", "the pattern matches it")
            )
    return (None if problems else compiled), problems


#: Shortest literal prefix worth searching for; shorter ones occur everywhere.
MIN_PREFIX = 3
#: Most places one rule is tried at in one message (bounds the work on hostile input).
MAX_TRIES = 1500


#: Literal prefixes are extended up to this length (longer is not more selective).
PREFIX_TARGET = 5
#: Give up deriving prefixes when a pattern would need more than this many.
MAX_PREFIXES = 300


def _prefix_ok(prefix: str) -> bool:
    return len(prefix) >= MIN_PREFIX or (len(prefix) == 2 and not prefix.isalpha())


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal texts one of which starts every match, or None if not derivable.

    Messages are searched after whitespace is collapsed, so ``\\s`` stands for a space or a
    line break. Reads the private ``re._parser``; if that fails in any way the answer is None,
    so the rule is simply tried everywhere (slower, same result).
    """
    try:
        return _literal_prefixes(pattern)
    except Exception:  # a changed private parser must not break the analysis
        return None


def _literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    from re import _parser  # type: ignore[attr-defined]

    class _UnknownPrefixError(Exception):
        pass

    def finish(acc: str) -> set[str]:
        if not _prefix_ok(acc):
            raise _UnknownPrefixError
        return {acc}

    def expand(items: list[Any], acc: str) -> set[str]:
        if len(acc) >= PREFIX_TARGET or not items:
            return finish(acc)
        (op, arg), rest = items[0], items[1:]
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return expand(rest, acc)
        if name == "LITERAL":
            return expand(rest, acc + chr(arg).lower())
        if name == "SUBPATTERN":
            return expand([*arg[-1], *rest], acc)
        if name == "BRANCH":
            return union(expand([*branch, *rest], acc) for branch in arg[1])
        if name == "IN":
            chars = _class_chars(arg)
            if chars is None:
                return finish(acc)
            return union(expand(rest, acc + ch) for ch in chars)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, body = arg
            once = [*body, *rest] if high == 1 else list(body)
            options = [expand(once, acc)]
            if low == 0:
                options.append(expand(rest, acc))
            return union(options)
        return finish(acc)

    def union(parts: Any) -> set[str]:
        result: set[str] = set()
        for part in parts:
            result |= part
            if len(result) > MAX_PREFIXES:
                raise _UnknownPrefixError
        return result

    try:
        found = expand(list(_parser.parse(pattern, 0)), "")
    except (_UnknownPrefixError, RecursionError):
        return None
    # A prefix that starts with another adds nothing to the search.
    minimal = {p for p in found if not any(o != p and p.startswith(o) for o in found)}
    return tuple(sorted(minimal))


def _class_chars(items: Any) -> list[str] | None:
    """The characters a small class stands for (``\\s`` = space or newline, ``\\d`` digits)."""
    chars: list[str] = []
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            chars.append(chr(arg).lower())
        elif name == "CATEGORY" and str(arg) == "CATEGORY_SPACE":
            chars.extend((" ", "\n"))
        elif name == "CATEGORY" and str(arg) == "CATEGORY_DIGIT":
            chars.extend("0123456789")
        else:
            return None
    unique = sorted(set(chars))
    return unique if len(unique) <= 10 else None


_WORD_START = re.compile(r"\b\w{1,3}")
_KEY = re.compile(r"\w{1,3}")
#: Most index entries examined for one rule (bounds the work on hostile input).
MAX_SCAN = 30_000


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


def candidate_positions(lowered: str, prefixes: tuple[str, ...], cap: int) -> list[int]:
    """Start positions of the prefixes in the lower-cased text, in order, at most ``cap``."""
    return PrefixIndex(lowered).positions(prefixes, cap)


def first_matches(
    compiled: CompiledRule, text: str, limit: int, index: PrefixIndex | None = None
) -> list[re.Match[str]]:
    """Up to ``limit`` matches of a rule, skipping those its ``unless_before`` cancels.

    ``index`` is the :class:`PrefixIndex` of ``text.lower()`` when the caller already has it.
    Only words that start a match are indexed, so patterns are expected to begin at a word
    start (``\\b``) or with a symbol such as ``£`` or ``+``.
    """
    found: list[re.Match[str]] = []

    def accept(match: re.Match[str]) -> bool:
        if compiled.unless is not None:
            before = text[max(0, match.start() - UNLESS_WINDOW) : match.start()]
            ends = list(_SENTENCE_END.finditer(before))
            if ends:
                before = before[ends[-1].end() :]
            if compiled.unless.search(before):
                return False
        found.append(match)
        return len(found) >= limit

    if compiled.prefixes is not None:
        if index is None or len(index.text) != len(text):
            index = PrefixIndex(text.lower())
        if len(index.text) == len(text):
            last_end = -1
            for position in index.positions(compiled.prefixes, MAX_TRIES):
                if position < last_end:
                    continue
                match = compiled.regex.match(text, position)
                if match is not None and match.end() > match.start():
                    last_end = match.end()
                    if accept(match):
                        break
            return found
    for count, match in enumerate(compiled.regex.finditer(text)):
        if accept(match) or count >= MAX_TRIES:
            break
    return found


def collect(store: ContentStore) -> tuple[MessageParts | None, list[ContentProblem]]:
    """Load, compile and cross-check message content; returns the content (if usable).

    A situation that ``sochelp report`` lacks is a problem for ``content check`` but does not
    stop the analysis: the advice still names the situation to look up.
    """
    rules, problems = store.collect(RULES)
    organisations, org_problems = store.collect(ORGANISATIONS)
    lists, list_problems = store.collect(DOMAIN_LISTS)
    vocabulary, _ = store.collect(RED_FLAGS)  # its own problems are reported by redflags
    situations, _ = store.collect(SITUATIONS)
    problems = [*problems, *org_problems, *list_problems]
    compiled: list[CompiledRule] = []
    for rule in rules:
        file = rules.origins[rule.id]
        problems.extend(unknown_flags([rule.flag], vocabulary, file, f"rule[{rule.id}].flag"))
        item, more = _compile_rule(rule, file)
        problems.extend(more)
        if item is not None:
            compiled.append(item)
    problems.extend(_domain_problems(organisations, lists))
    if problems:
        return None, [*problems, *_situation_problems(situations, rules)]
    names = {flag.id: flag.name for flag in vocabulary}
    parts = MessageParts(tuple(compiled), tuple(organisations), tuple(lists), names)
    return parts, _situation_problems(situations, rules)


def _situation_problems(
    situations: Collection[Any], rules: Collection[Rule]
) -> list[ContentProblem]:
    problems = [
        ContentProblem(
            rules.origins[rule.id],
            f"rule[{rule.id}].report_situation",
            f"unknown situation '{rule.report_situation}'",
        )
        for rule in rules
        if rule.report_situation and rule.report_situation not in situations
    ]
    needed = {*CHANNEL_SITUATIONS.values(), MONEY_LOST_SITUATION}
    problems.extend(
        ContentProblem("content/situations", "", f"check-message needs situation '{name}'")
        for name in sorted(needed)
        if name not in situations
    )
    return problems


def _domain_problems(
    organisations: Collection[Organisation], lists: Collection[DomainList]
) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    official: dict[str, str] = {}
    for org in organisations:
        for domain in org.domains:
            official.setdefault(domain, org.id)
    for item in lists:
        if item.kind == "risky-tld":
            continue
        for index, domain in enumerate(item.domains):
            if domain in official and item.kind != "webmail":
                problems.append(
                    ContentProblem(
                        lists.origins[item.id],
                        f"domain_list[{item.id}].domains[{index}]",
                        f"'{domain}' is an official domain of '{official[domain]}'",
                    )
                )
    return problems


def load(store: ContentStore, suffixes: SuffixList | None = None) -> MessageContent:
    """Message content ready for the analysis, raising :class:`ContentError` listing every
    problem.

    This is where check-message reads files: the content, and the bundled Public Suffix List
    unless ``suffixes`` is given.
    """
    parts = require(collect(store))
    return MessageContent.build(parts, load_suffix_list() if suffixes is None else suffixes)


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in message content (for ``sochelp content check``)."""
    return collect(store)[1]
