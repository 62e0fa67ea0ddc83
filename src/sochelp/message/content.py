"""Content for check-message: warning-sign rules, cues and scam families, spoofed organisations
and domain lists.

Everything here is data in ``content/``; this module validates it (pydantic) and cross-checks it
against the red-flag vocabulary and the ``sochelp report`` situations, then builds the plain
:class:`~sochelp.message.model.MessageContent` the analysis uses. Every pattern must compile,
must not match the empty string, must avoid nested unbounded repetition and must stay fast on
hostile input (:mod:`sochelp.message.redos` runs it), must match each of its ``examples`` and
none of its ``counter_examples``. A pattern may use a cue as ``{{cue-id}}``.

The built content is kept in the content cache, keyed by every file it was made from, so a run
with unchanged content reads one file instead of validating and compiling (see :func:`load`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator, model_validator

from sochelp.content.store import Collection, CollectionSpec, ContentStore
from sochelp.content.types import CheckedDate, ContentModel, HttpsUrl, Phone, Slug, Text
from sochelp.errors import ContentError, ContentProblem
from sochelp.message import concepts, model
from sochelp.message.model import (
    CHANNEL_SITUATIONS,
    MAX_SCAN,
    MAX_TRIES,
    MONEY_LOST_SITUATION,
    UNLESS_WINDOW,
    AliasIndex,
    Channel,
    CompiledRule,
    MessageContent,
    OrgName,
    PrefixIndex,
    candidate_positions,
    compact_name,
    first_matches,
    phone_digits,
)
from sochelp.message.suffixes import SuffixList, load_suffix_list
from sochelp.message.wording import WordingModel
from sochelp.redflags import RED_FLAGS, unknown_flags
from sochelp.report.content import SITUATIONS

__all__ = [
    "CHANNEL_SITUATIONS",
    "DOMAIN_LISTS",
    "FACTS",
    "MAX_SCAN",
    "MAX_TRIES",
    "MONEY_LOST_SITUATION",
    "ORGANISATIONS",
    "RULES",
    "UNLESS_WINDOW",
    "Channel",
    "CompiledRule",
    "MessageContent",
    "PrefixIndex",
    "candidate_positions",
    "check",
    "collect",
    "compile_pattern",
    "first_matches",
    "literal_prefixes",
    "load",
]

Pattern = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Domain = Annotated[
    str,
    StringConstraints(
        pattern=r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9-]{2,63}$", max_length=253
    ),
]
Alias = Annotated[str, StringConstraints(min_length=2, max_length=60)]
Explanation = Annotated[str, StringConstraints(min_length=1, max_length=240)]
_ITEM = r"@?[a-z0-9]+(?:[-:][a-z0-9]+)*"
#: What a family may combine: a cue or rule id, a fact the analysis finds (``@link``), a
#: family listed before it (``family:parcel-fee``), or a named choice of items
#: (``choice:other-language-lures``, from ``content/message_family_choices/``).
Item = Annotated[str, StringConstraints(pattern=rf"^{_ITEM}$", max_length=60)]
#: One of several items: ``"payee-change|device-change|@phone"``.
Group = Annotated[str, StringConstraints(pattern=rf"^{_ITEM}(?:\|{_ITEM})*$", max_length=400)]

#: Facts about a message that families may use, and what each means.
FACTS: dict[str, str] = {
    "@link": "a link, a placeholder left where one was removed, or words pointing to one",
    "@real-link": "a web address written in the message",
    "@unofficial-link": "a link not on any listed organisation's official domain (or hidden)",
    "@claimed-org": "the message says it comes from a listed organisation (tag, sender, signature)",
    "@org": "a listed organisation is named",
    "@phone": "a phone number is given",
    "@intl-phone": "a phone number is written with a country code (+44, 44 (0), +1, 1-800)",
    "@number-first": "the message opens with a phone number written with a country code",
    "@premium": "a premium-rate, 070, short-code or satellite/island-code number is given",
    "@official-routes": "every route given is official: links only on listed organisations' "
    "domains, phone numbers only UK 030 numbers (public bodies and charities), at least one, "
    "and no attachment to open",
    "@repeated-number": "one phone number is written four times or more (a helpline advert)",
    "@thrice-number": "one phone number is written three times or more",
    "@money": "an amount of money is named",
    "@request": "the reader is asked to click, visit, call, reply, pay, log in or share",
    "@short": "the message is short (a text message)",
    "@email": "the message is an email",
    "@webmail": "the message gives an email address on a free webmail service (gmail.com, "
    "mail.ru…), defanged ones ('name[at]gmail Dot com') included",
    "@call": "the message is a call or voicemail (channel 'call')",
    "@letter": "the message is a letter (channel 'letter')",
    "@free-host": "a link on free hosting anyone can use (web.app, pages.dev, vercel.app, …)",
    "@concept-lure": "in one of the languages of content/message_concepts/, two words of a "
    "pair of concepts stand close together ('su cuenta ... bloqueada', a parcel held, points "
    "expiring, a loan on easy terms, 'Mum, my new number', pay per day, a PIN to send with no "
    "'never' near), or a prize is announced",
    "@concept-link-lure": "in one of those languages, a fine or bill beside 'unpaid', money "
    "beside 'available', the police beside a warrant, your details beside 'verify' or a message "
    "beside 'waiting': ordinary messages name them too, so only beside a link on no official site",
    "@concept-ask": "in one of those languages, the reader is asked to click, pay, update, "
    "confirm, call or log in (not 'do not click')",
    "@concept-not-you": "in one of those languages, 'if this was not you'",
    "@concept-call-lure": "in one of those languages, the police, a prosecutor or a court beside "
    "'your account is involved in a crime' (a lure in a call; in writing it may be the news)",
    "@concept-relative-call": "in one of those languages, 'Mum', 'Dad', 'your son' beside the "
    "police, a court or an arrest (the shock call; read in a call only)",
    "@sender-site": "a link on a site named exactly as the message's opening tag, sender or "
    "sign-off, when that names no organisation sochelp knows ('ScotRail: … scotrail.co.uk')",
}
_FACT_KINDS = (
    "bank",
    "delivery",
    "government",
    "police",
    "health",
    "tech",
    "shop",
    "utility",
    "telecom",
)
FACTS.update(
    {f"@claimed:{kind}": f"the claimed sender is a {kind} organisation" for kind in _FACT_KINDS}
)


class Rule(ContentModel):
    """One warning sign: a pattern, the red-flag kind it shows, and why it matters."""

    id: Slug
    flag: Slug
    weight: int = Field(ge=1, le=10)
    pattern: Pattern
    unless_before: Pattern | None = None
    explanation: Explanation
    channels: list[Channel] = Field(default_factory=list)
    #: Channels the rule is not read in.
    except_channels: list[Channel] = Field(default_factory=list)
    #: Still counts in a message that talks about scams (see model.Rule.in_warnings).
    in_warnings: bool = False
    report_situation: Slug | None = None
    examples: list[Text] = Field(min_length=1)
    counter_examples: list[Text] = Field(default_factory=list)


class Choice(ContentModel):
    """A named list of items that several families accept in one group ("any of these lures"):
    a family names it ``choice:<id>`` instead of repeating the list."""

    id: Slug
    description: Explanation
    items: list[Item] = Field(min_length=2)


class Cue(ContentModel):
    """A piece of a scam that is no warning sign on its own; families combine cues."""

    id: Slug
    pattern: Pattern
    unless_before: Pattern | None = None
    description: Explanation
    examples: list[Text] = Field(min_length=1)
    counter_examples: list[Text] = Field(default_factory=list)
    #: A claim a scam makes in its own words ("your account is locked", "your parcel is
    #: held"): like a rule's match, it makes talk about scams after or around it a line tacked
    #: on, unless its sentence frames it as a quote.
    own_claim: bool = False
    #: A phrase for other patterns only ("{{cue-id}}", often in ``unless_before``): never
    #: looked for in a message by itself, so no family may name it.
    only_in_patterns: bool = False


class Family(ContentModel):
    """A kind of scam recognised by several cues together."""

    id: Slug
    flag: Slug
    weight: int = Field(ge=1, le=10)
    explanation: Explanation
    all: list[Group] = Field(min_length=1)
    none: list[Item] = Field(default_factory=list)
    #: Characters the placed items may lie apart (0: anywhere in the message).
    window: int = Field(default=400, ge=0, le=5000)
    report_situation: Slug | None = None
    examples: list[Text] = Field(min_length=1)
    counter_examples: list[Text] = Field(default_factory=list)
    #: The channel its examples and counter-examples are read as (for families that need
    #: ``@call`` or ``@letter``); none by default.
    example_channel: Channel | None = None


class Organisation(ContentModel):
    """A commonly impersonated organisation, the names it goes by and its official domains."""

    id: Slug
    name: Text
    kind: Literal[
        "bank", "delivery", "government", "police", "health", "tech", "shop", "utility", "telecom"
    ]
    aliases: list[Alias] = Field(min_length=1)
    #: Aliases that are also ordinary words in some language ("Correos" is Spanish for emails,
    #: "assurance maladie" French for health insurance): they name the organisation only when
    #: they start with a capital ("Correos", "CORREOS", "Assurance maladie").
    capitalised_aliases: list[Alias] = Field(default_factory=list)
    domains: list[Domain] = Field(min_length=1)
    #: False when its names are everyday parts of web addresses ("post", "posta", "posti" are
    #: also poste.it's, paste.ee's and many a "post-" site's): its domains still count as its
    #: own and a text writing as it with a link elsewhere is still impersonation, but no address
    #: is called a look-alike of it or said to borrow its name.
    name_in_addresses: bool = True
    #: Numbers the organisation publishes for its customers to call, with the pages that give
    #: them and when they were checked: a message that gives only these sends the reader to the
    #: organisation itself, as the advice would.
    phones: list[Phone] = Field(default_factory=list)
    phones_sources: list[HttpsUrl] = Field(default_factory=list)
    phones_checked: CheckedDate | None = None

    @model_validator(mode="after")
    def _phones_are_sourced(self) -> Organisation:
        if self.phones and (not self.phones_sources or self.phones_checked is None):
            raise ValueError("'phones' need 'phones_sources' and 'phones_checked'")
        if not self.phones and (self.phones_sources or self.phones_checked is not None):
            raise ValueError("'phones_sources' and 'phones_checked' go with 'phones'")
        return self

    @model_validator(mode="after")
    def _capitalised_are_aliases(self) -> Organisation:
        strays = [alias for alias in self.capitalised_aliases if alias not in self.aliases]
        if strays:
            raise ValueError(f"'capitalised_aliases' {strays} are not in 'aliases'")
        if any(not alias[0].isupper() for alias in self.capitalised_aliases):
            raise ValueError("'capitalised_aliases' must start with a capital")
        return self

    @field_validator("aliases", "capitalised_aliases")
    @classmethod
    def _plain_aliases(cls, value: list[str]) -> list[str]:
        for alias in value:
            if not re.fullmatch(r"[\w .&'-]+", alias):
                raise ValueError(f"alias '{alias}' may hold only letters, digits, spaces and .&'-")
        return value


class DomainList(ContentModel):
    """Domains or suffixes that change how a link or sender is judged; for ``lure-word``, the
    words scam addresses join to an organisation's name (``refund`` in ``hmrcrefund.co.uk``);
    for ``link-wrapper``, short sites of platforms that are not link shorteners anyone can use
    (``t.co``, ``wa.me``), which a short name and code do not make one; for
    ``restricted-ending``, endings only vetted holders can register (``bank.in``), whose sites
    are named by ``owner`` ("a bank")."""

    id: Slug
    kind: Literal[
        "shortener",
        "free-host",
        "payment-link",
        "webmail",
        "risky-tld",
        "lure-word",
        "link-wrapper",
        "restricted-ending",
    ]
    weight: int = Field(ge=0, le=10)
    explanation: Explanation
    domains: list[Domain] = Field(min_length=1)
    owner: str | None = Field(default=None, min_length=3, max_length=60)

    @model_validator(mode="after")
    def _plain_words(self) -> DomainList:
        if (self.kind == "restricted-ending") != (self.owner is not None):
            raise ValueError("'owner' is needed for kind 'restricted-ending', and only there")
        if self.kind == "lure-word":
            for word in self.domains:
                if not re.fullmatch(r"[a-z]{2,30}", word):
                    raise ValueError(
                        f"lure word '{word}' must be 2 to 30 lower-case letters a-z "
                        "(no dots, hyphens or digits)"
                    )
        return self


class WordingModelSpec(ContentModel):
    """The "worded like known scam texts" model (see :mod:`sochelp.message.wording`)."""

    id: Slug
    documents: int = Field(ge=1)
    bias: float
    weak_threshold: float
    threshold: float
    features: list[Annotated[str, StringConstraints(min_length=1, max_length=80)]] = Field(
        min_length=1, max_length=50_000
    )
    weights: list[float] = Field(min_length=1, max_length=50_000)

    @field_validator("weights")
    @classmethod
    def _finite(cls, value: list[float]) -> list[float]:
        if any(not math.isfinite(weight) or abs(weight) > 100 for weight in value):
            raise ValueError("every weight must be a finite number between -100 and 100")
        return value


#: One word list entry: a word or phrase, or a stem ending in "*" ("konto*").
ConceptWord = Annotated[str, StringConstraints(min_length=1, max_length=80)]
_CONCEPT_LANGUAGE = r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?$"


class ConceptWords(ContentModel):
    """The words of one language for one scam concept (see :mod:`sochelp.message.concepts`)."""

    #: "<concept>-<language>" ("account-es", "money-due-sr-cyrl"), so an overlay can replace it.
    id: Slug
    concept: str
    language: Annotated[str, StringConstraints(pattern=_CONCEPT_LANGUAGE)]
    words: list[ConceptWord] = Field(min_length=1, max_length=2000)

    @field_validator("concept")
    @classmethod
    def _known_concept(cls, value: str) -> str:
        if value not in concepts.CONCEPTS:
            raise ValueError(f"must be one of: {', '.join(concepts.CONCEPTS)}")
        return value

    @field_validator("words")
    @classmethod
    def _usable_words(cls, value: list[str]) -> list[str]:
        for word in value:
            if word != word.strip() or "  " in word:
                raise ValueError(f"'{word}': no spaces at the ends and single spaces inside")
            if "*" in word[:-1]:
                raise ValueError(f"'{word}': '*' may only end a word (a stem)")
            last = concepts.last_word(word.rstrip("*"))
            if word.endswith("*") and len(last) < concepts.MIN_STEM:
                raise ValueError(
                    f"'{word}': a stem needs {concepts.MIN_STEM} letters or more"
                    f" (it is read as the stem '{last}')"
                )
        return value

    @model_validator(mode="after")
    def _id_names_it(self) -> ConceptWords:
        wanted = f"{self.concept.replace('_', '-')}-{self.language.lower()}"
        if self.id != wanted:
            raise ValueError(f"id must be '{wanted}' (the concept and the language)")
        return self


RULES = CollectionSpec("message_rules", "rule", Rule)
CUES = CollectionSpec("message_cues", "cue", Cue)
FAMILIES = CollectionSpec("message_families", "family", Family)
CHOICES = CollectionSpec("message_family_choices", "choice", Choice)
ORGANISATIONS = CollectionSpec("organisations", "organisation", Organisation)
DOMAIN_LISTS = CollectionSpec("link_rules", "domain_list", DomainList)
MODELS = CollectionSpec("message_model", "model", WordingModelSpec)
CONCEPT_WORDS = CollectionSpec("message_concepts", "concept", ConceptWords)
#: Every folder the built content depends on (its cache key reads them all).
FOLDERS = (
    "message_rules",
    "message_cues",
    "message_families",
    "message_family_choices",
    "organisations",
    "link_rules",
    "message_model",
    "message_concepts",
    "red_flags",
    "situations",
)


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile a content pattern the way the analysis uses it (case-insensitive)."""
    return re.compile(pattern, re.IGNORECASE)


# --- patterns ---------------------------------------------------------------------------------

_REFERENCE = re.compile(r"\{\{([a-z0-9]+(?:-[a-z0-9]+)*)\}\}")


def expand(pattern: str, cues: dict[str, str], depth: int = 0) -> tuple[str, list[str]]:
    """The pattern with each ``{{cue}}`` replaced by that cue's pattern (cues may use cues, three
    deep); returns it and the names that are not cues."""
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in cues or depth >= 3:
            unknown.append(name)
            return match.group(0)
        inner, missing = expand(cues[name], cues, depth + 1)
        unknown.extend(missing)
        return f"(?:{inner})"

    return _REFERENCE.sub(replace, pattern), unknown


def _nested_repeat(pattern: str) -> bool:
    """True if an unbounded repeat contains another repeat (a backtracking risk).

    This reads the parse tree of Python's private ``re._parser``, which may change between
    versions; if it cannot be read the check is skipped (returns False). The hostile-input run
    (:mod:`sochelp.message.redos`) catches what this misses.
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


#: Label prefix of the bundled content's files (an overlay's files are labelled by its folder).
BUNDLED = "content/"


def _pattern_problems(
    pattern: str, file: str, key: str, *, hostile_test: bool = True
) -> tuple[re.Pattern[str] | None, list[ContentProblem]]:
    from sochelp.message.redos import backtracking_problem

    try:
        regex = compile_pattern(pattern)
    except (re.error, RecursionError, OverflowError) as exc:
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
    elif hostile_test:
        slow = backtracking_problem(pattern)
        if slow is not None:
            problems.append(ContentProblem(file, key, slow))
    return (None if problems else regex), problems


def _compile(
    item: Rule | Cue,
    cue_patterns: dict[str, str],
    file: str,
    base: str,
    *,
    hostile_test: bool = True,
) -> tuple[CompiledRule | None, list[ContentProblem]]:
    problems: list[ContentProblem] = []
    pattern, unknown = expand(item.pattern, cue_patterns)
    problems.extend(
        ContentProblem(file, f"{base}.pattern", f"unknown cue '{{{{{name}}}}}'") for name in unknown
    )
    unless = None
    if item.unless_before is not None:
        unless, more = expand(item.unless_before, cue_patterns)
        problems.extend(
            ContentProblem(file, f"{base}.unless_before", f"unknown cue '{{{{{name}}}}}'")
            for name in more
        )
    if problems:
        return None, problems
    regex, more_problems = _pattern_problems(
        pattern, file, f"{base}.pattern", hostile_test=hostile_test
    )
    problems.extend(more_problems)
    unless_regex = None
    if unless is not None:
        unless_regex, more_problems = _pattern_problems(
            unless, file, f"{base}.unless_before", hostile_test=hostile_test
        )
        problems.extend(more_problems)
    if regex is None or (unless is not None and unless_regex is None):
        return None, problems
    prefixes = literal_prefixes(pattern)
    parts = split_alternatives(pattern)
    if prefixes is None and parts:  # every alternative has prefixes, so the whole has too
        prefixes = tuple(sorted({p for _, part_prefixes in parts for p in part_prefixes}))
    compiled = CompiledRule(
        _plain(item),
        pattern,
        unless,
        prefixes,
        parts,
        model.keyed(prefixes) if prefixes else (),
        model.keyed_parts(parts),
    )
    for index, example in enumerate(item.examples):
        if not first_matches(compiled, _prepared(example), 1):
            problems.append(
                ContentProblem(file, f"{base}.examples[{index}]", "the pattern does not match it")
            )
    for index, example in enumerate(item.counter_examples):
        if first_matches(compiled, _prepared(example), 1):
            problems.append(
                ContentProblem(file, f"{base}.counter_examples[{index}]", "the pattern matches it")
            )
    return (None if problems else compiled), problems


def _prepared(text: str) -> str:
    from sochelp.message.analyse import prepare_text

    return prepare_text(text)


def _plain(item: Rule | Cue) -> model.Rule | model.Cue:
    if isinstance(item, Rule):
        return model.Rule(
            id=item.id,
            flag=item.flag,
            weight=item.weight,
            pattern=item.pattern,
            explanation=item.explanation,
            examples=tuple(item.examples),
            unless_before=item.unless_before,
            channels=tuple(item.channels),
            report_situation=item.report_situation,
            counter_examples=tuple(item.counter_examples),
            except_channels=tuple(item.except_channels),
            in_warnings=item.in_warnings,
        )
    return model.Cue(
        id=item.id,
        pattern=item.pattern,
        description=item.description,
        examples=tuple(item.examples),
        unless_before=item.unless_before,
        counter_examples=tuple(item.counter_examples),
        own_claim=item.own_claim,
    )


# --- alternatives ---------------------------------------------------------------------------


def _top_level(pattern: str, bar: bool) -> list[int]:
    """Positions of top-level "|" (``bar``) or of the parenthesis closing the first group."""
    depth = 0
    found: list[int] = []
    index = 0
    in_class = False
    while index < len(pattern):
        ch = pattern[index]
        if ch == "\\":
            index += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "^":
                index += 1
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if not bar and depth == 0:
                return [index]
        elif ch == "|" and depth == (0 if bar else 1) and bar:
            found.append(index)
        index += 1
    return found


def _split_at(pattern: str, positions: list[int]) -> list[str]:
    parts, start = [], 0
    for position in positions:
        parts.append(pattern[start:position])
        start = position + 1
    parts.append(pattern[start:])
    return parts


def _alternatives_of(pattern: str) -> list[str]:
    """The pattern as its top-level alternatives, also looking inside ``\\b(?:…)\\b``."""
    bars = _top_level(pattern, bar=True)
    if bars:
        return [q for part in _split_at(pattern, bars) for q in _alternatives_of(part)]
    for lead in ("\\b(?:", "(?:"):
        if not pattern.startswith(lead):
            continue
        close = _top_level(pattern[len(lead) - 3 :], bar=False)
        if not close:
            return [pattern]
        end = close[0] + len(lead) - 3
        tail = pattern[end + 1 :]
        if tail not in ("", "\\b"):
            return [pattern]
        body = pattern[len(lead) : end]
        inner = _top_level(body, bar=True)
        if not inner:
            return [pattern]
        head = lead[:-3]
        return [
            q for alt in _split_at(body, inner) for q in _alternatives_of(f"{head}(?:{alt}){tail}")
        ]
    return [pattern]


def split_alternatives(pattern: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The pattern's alternatives with their literal prefixes, or () when it does not split
    into alternatives that each compile, match nothing empty and have prefixes."""
    try:
        parts = _alternatives_of(pattern)
    except (IndexError, RecursionError):
        return ()
    if len(parts) < 2:
        return ()
    result: list[tuple[str, tuple[str, ...]]] = []
    for part in parts:
        try:
            if compile_pattern(part).search("") is not None:
                return ()
        except re.error:
            return ()
        prefixes = literal_prefixes(part)
        if not prefixes:
            return ()
        result.append((part, prefixes))
    return tuple(result)


# --- literal prefixes -------------------------------------------------------------------------

#: Shortest literal prefix worth searching for; shorter ones occur everywhere.
MIN_PREFIX = 3
#: Literal prefixes are extended up to this length (longer is not more selective).
PREFIX_TARGET = 10
#: Give up deriving prefixes when a pattern would need more than this many.
MAX_PREFIXES = 2000


def _prefix_ok(prefix: str) -> bool:
    # Words need three letters to be selective; a digit or symbol ("£", "0") is rare enough, and
    # so are two characters of Chinese, Japanese or Korean, where one is a syllable or a word.
    if len(prefix) >= MIN_PREFIX or (bool(prefix) and not prefix[0].isalpha()):
        return True
    return len(prefix) == 2 and all(model.EAST_ASIAN.match(ch) for ch in prefix)


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal texts one of which starts every match, or None if not derivable.

    Messages are searched after whitespace is collapsed, so ``\\s`` stands for a space or a
    line break. Reads the private ``re._parser``; if that fails in any way the answer is None,
    so the rule is simply tried everywhere (slower, same result).
    """
    try:
        from re import _parser  # type: ignore[attr-defined]

        parsed = list(_parser.parse(pattern, 0))
        for target in (PREFIX_TARGET, 6, 4, MIN_PREFIX, 2, 1):
            found = _literal_prefixes(parsed, target)
            if found is not None:
                return found
    except Exception:  # a changed private parser must not break the analysis
        return None
    return None


def _literal_prefixes(parsed: list[Any], target: int) -> tuple[str, ...] | None:
    class _UnknownPrefixError(Exception):
        pass

    def finish(acc: str) -> set[str]:
        if not _prefix_ok(acc):
            raise _UnknownPrefixError
        return {acc}

    def expand_items(items: list[Any], acc: str) -> set[str]:
        if len(acc) >= target or not items:
            return finish(acc)
        (op, arg), rest = items[0], items[1:]
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            return expand_items(rest, acc)
        if name == "LITERAL":
            return expand_items(rest, acc + chr(arg).lower())
        if name == "SUBPATTERN":
            return expand_items([*arg[-1], *rest], acc)
        if name == "BRANCH":
            return union(expand_items([*branch, *rest], acc) for branch in arg[1])
        if name == "IN":
            chars = _class_chars(arg)
            if chars is None:
                return finish(acc)
            return union(expand_items(rest, acc + ch) for ch in chars)
        if name in ("MAX_REPEAT", "MIN_REPEAT"):
            low, high, body = arg
            once = [*body, *rest] if high == 1 else list(body)
            options = [expand_items(once, acc)]
            if low == 0:
                options.append(expand_items(rest, acc))
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
        found = expand_items(parsed, "")
    except (_UnknownPrefixError, RecursionError):
        return None
    # A prefix that starts with another adds nothing to the search (sorted, a prefix comes
    # just before every text that starts with it).
    minimal: list[str] = []
    for prefix in sorted(found):
        if not minimal or not prefix.startswith(minimal[-1]):
            minimal.append(prefix)
    return tuple(minimal)


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
        elif name == "RANGE" and arg[1] - arg[0] < 10:
            chars.extend(chr(code).lower() for code in range(arg[0], arg[1] + 1))
        else:
            return None
    unique = sorted(set(chars))
    return unique if len(unique) <= 12 else None


# --- organisations ----------------------------------------------------------------------------


def org_names(
    organisations: tuple[model.Organisation, ...], suffixes: SuffixList
) -> tuple[OrgName, ...]:
    """The names to look for in addresses: each official domain's own name, then one-word
    aliases (three letters or more), each name once per organisation."""
    names: list[OrgName] = []
    reserved = {domain for org in organisations for domain in org.domains}
    for org in organisations:
        if not org.name_in_addresses:
            continue
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


def _plain_org(org: Organisation) -> model.Organisation:
    return model.Organisation(
        org.id,
        org.name,
        org.kind,
        tuple(org.aliases),
        tuple(org.domains),
        tuple(phone_digits(phone) for phone in org.phones),
        frozenset(org.capitalised_aliases),
        org.name_in_addresses,
    )


def _plain_list(item: DomainList) -> model.DomainList:
    return model.DomainList(
        item.id, item.kind, item.weight, item.explanation, tuple(item.domains), item.owner or ""
    )


#: How a family names a choice: ``choice:<id>``.
CHOICE_PREFIX = "choice:"


def _expand(group: str, choices: Mapping[str, Choice]) -> tuple[str, ...]:
    """A family's group as the items it accepts, each named choice replaced by its items (in
    order, each item once)."""
    items: dict[str, None] = {}
    for item in group.split("|"):
        if item.startswith(CHOICE_PREFIX):
            items.update(dict.fromkeys(choices[item.removeprefix(CHOICE_PREFIX)].items))
        else:
            items[item] = None
    return tuple(items)


def _plain_family(item: Family, choices: Mapping[str, Choice]) -> model.Family:
    return model.Family(
        id=item.id,
        flag=item.flag,
        weight=item.weight,
        explanation=item.explanation,
        all=tuple(_expand(group, choices) for group in item.all),
        none=tuple(name for group in item.none for name in _expand(group, choices)),
        window=item.window,
        report_situation=item.report_situation,
        examples=tuple(item.examples),
        counter_examples=tuple(item.counter_examples),
    )


def _precompiled(
    items: tuple[CompiledRule, ...], aliases: AliasIndex
) -> dict[tuple[str, int], model.Precompiled]:
    """Every pattern the analysis may compile, compiled now for the content cache: rules and
    cues (whole, their alternatives and ``unless_before``), organisation names and the
    analysis's own module-level patterns."""
    from importlib import import_module

    for name in ("analyse", "links", "normalise", "mail"):
        import_module(f"sochelp.message.{name}")  # their patterns register themselves
    wanted: set[tuple[str, int]] = set()
    for item in items:
        if not item.parts:  # (with parts, only the parts are ever compiled)
            wanted.add((item.pattern, re.IGNORECASE))
        wanted.update((part, re.IGNORECASE) for part, _ in item.parts)
        if item.unless_pattern is not None:
            wanted.add((item.unless_pattern, re.IGNORECASE))
    for entries in aliases.by_first_word.values():
        wanted.update((e.pattern, 0 if e.case_sensitive else re.IGNORECASE) for e in entries)
    wanted.update((lazy.pattern, lazy.flags) for lazy in model.LAZY_PATTERNS)
    found: dict[tuple[str, int], model.Precompiled] = {}
    for pattern, flags in wanted:
        entry = model.precompile(pattern, flags)
        if entry is not None:
            found[pattern, flags] = entry
    return found


def build(
    rules: tuple[CompiledRule, ...],
    cues: tuple[CompiledRule, ...],
    families: tuple[model.Family, ...],
    organisations: tuple[model.Organisation, ...],
    lists: tuple[model.DomainList, ...],
    flag_names: dict[str, str],
    suffixes: SuffixList,
    wording: WordingModel | None = None,
    concept_lexicon: concepts.PackedLexicon | None = None,
) -> MessageContent:
    """The content the analysis uses, with the alias index, organisation names and domain
    index derived."""
    index: dict[str, dict[str, model.DomainList]] = {}
    for item in lists:
        for domain in item.domains:
            index.setdefault(item.kind, {})[domain] = item  # a later list wins
    aliases = AliasIndex.build(organisations)
    rule_by_id = {
        compiled.rule.id: compiled.rule
        for compiled in rules
        if isinstance(compiled.rule, model.Rule)
    }
    claims = {c.rule.id for c in cues if isinstance(c.rule, model.Cue) and c.rule.own_claim}
    return MessageContent(
        rules=rules,
        organisations=organisations,
        domain_lists=lists,
        flag_names=flag_names,
        suffixes=suffixes,
        aliases=aliases,
        org_names=org_names(organisations, suffixes),
        domain_index=index,
        cues=cues,
        families=families,
        keys=model.all_keys((*rules, *cues)),
        wording=wording,
        precompiled=_precompiled((*rules, *cues), aliases),
        rule_by_id=rule_by_id,
        warning_rule_ids=frozenset(r.id for r in rule_by_id.values() if r.in_warnings),
        own_sign_ids=frozenset(rule_by_id).union(claims),
        sign_words=model.sign_words((*rules, *cues), organisations),
        concepts=concept_lexicon,
    )


# --- collecting -------------------------------------------------------------------------------


def collect(
    store: ContentStore, suffixes: SuffixList | None = None, *, every_pattern: bool = True
) -> tuple[MessageContent | None, list[ContentProblem]]:
    """Load, validate, compile and cross-check message content; returns the content (if
    usable) and every problem found.

    ``every_pattern`` False runs the hostile-input test (:mod:`~sochelp.message.redos`) only on
    patterns that use an overlay's file (its own, or a cue it defines or replaces): the bundled
    ones are tested by ``sochelp content check`` in CI and by the test suite, and loading stays
    quick when the cache is empty.

    A situation that ``sochelp report`` lacks is a problem for ``content check`` but does not
    stop the analysis: the advice still names the situation to look up.
    """
    rules, problems = store.collect(RULES)
    cues, cue_problems = store.collect(CUES)
    families, family_problems = store.collect(FAMILIES)
    choices, choice_problems = store.collect(CHOICES)
    organisations, org_problems = store.collect(ORGANISATIONS)
    lists, list_problems = store.collect(DOMAIN_LISTS)
    models, model_problems = store.collect(MODELS)
    concept_words, concept_problems = store.collect(CONCEPT_WORDS)
    list_problems = [*list_problems, *model_problems, *concept_problems]
    wording = None
    for spec in models:
        if len(spec.features) != len(spec.weights):
            list_problems.append(
                ContentProblem(
                    models.origins[spec.id],
                    f"model[{spec.id}].weights",
                    "must have one weight for each of the features",
                )
            )
        elif spec.id == "wording":
            wording = WordingModel(
                dict(zip(spec.features, spec.weights, strict=True)),
                spec.bias,
                spec.threshold,
                spec.weak_threshold,
            )
    vocabulary, _ = store.collect(RED_FLAGS)  # its own problems are reported by redflags
    situations, _ = store.collect(SITUATIONS)
    problems = [
        *problems,
        *cue_problems,
        *family_problems,
        *choice_problems,
        *org_problems,
        *list_problems,
    ]
    cue_patterns = {cue.id: cue.pattern for cue in cues}
    overlay_cues = {cue.id for cue in cues if not cues.origins[cue.id].startswith(BUNDLED)}

    def hostile(item: Rule | Cue, file: str) -> bool:
        if every_pattern or not file.startswith(BUNDLED):
            return True
        used = set(_REFERENCE.findall(item.pattern + (item.unless_before or "")))
        return bool(used & overlay_cues)

    compiled_cues: list[CompiledRule] = []
    for cue in cues:
        file = cues.origins[cue.id]
        item, more = _compile(
            cue, cue_patterns, file, f"cue[{cue.id}]", hostile_test=hostile(cue, file)
        )
        problems.extend(more)
        if item is not None and not cue.only_in_patterns:
            compiled_cues.append(item)
    compiled: list[CompiledRule] = []
    for rule in rules:
        file = rules.origins[rule.id]
        problems.extend(unknown_flags([rule.flag], vocabulary, file, f"rule[{rule.id}].flag"))
        if rule.id in cue_patterns:
            problems.append(ContentProblem(file, f"rule[{rule.id}].id", "a cue has this id too"))
        item, more = _compile(
            rule, cue_patterns, file, f"rule[{rule.id}]", hostile_test=hostile(rule, file)
        )
        problems.extend(more)
        if item is not None:
            compiled.append(item)
    # A family may refer to one found before it ("family:<id>", earlier in file order).
    phrases = {cue.id for cue in cues if cue.only_in_patterns}
    known = {*FACTS, *(set(cue_patterns) - phrases), *(rule.id for rule in rules)}
    for choice in choices:
        problems.extend(_choice_problems(choice, known, choices.origins[choice.id]))
    known.update(f"family:{family.id}" for family in families)
    known.update(CHOICE_PREFIX + choice.id for choice in choices)
    for family in families:
        file = families.origins[family.id]
        problems.extend(_family_problems(family, known, vocabulary, file))
    problems.extend(_domain_problems(organisations, lists))
    situation_problems = _situation_problems(situations, rules, families)
    if problems:
        return None, [*problems, *situation_problems]
    names = {flag.id: flag.name for flag in vocabulary}
    content = build(
        tuple(compiled),
        tuple(compiled_cues),
        tuple(_plain_family(family, choices.items) for family in families),
        tuple(_plain_org(org) for org in organisations),
        tuple(_plain_list(item) for item in lists),
        names,
        load_suffix_list() if suffixes is None else suffixes,
        wording,
        concepts.pack((item.language, item.concept, item.words) for item in concept_words),
    )
    example_problems = _family_example_problems(content, families)
    if example_problems:
        return None, [*example_problems, *situation_problems]
    return content, situation_problems


def _family_problems(
    family: Family, known: set[str], vocabulary: Collection[Any], file: str
) -> list[ContentProblem]:
    base = f"family[{family.id}]"
    problems = unknown_flags([family.flag], vocabulary, file, f"{base}.flag")
    for key in ("all", "none"):
        for index, group in enumerate(getattr(family, key)):
            for item in group.split("|"):
                problems.extend(_item_problems(item, known, file, f"{base}.{key}[{index}]"))
    return problems


def _choice_problems(choice: Choice, known: set[str], file: str) -> list[ContentProblem]:
    """A choice may list cues, rules and facts, not families (it is read before them) nor
    another choice."""
    problems: list[ContentProblem] = []
    for index, item in enumerate(choice.items):
        key = f"choice[{choice.id}].items[{index}]"
        if item.startswith(("family:", CHOICE_PREFIX)):
            reason = f"a choice lists cues, rules and facts only, not '{item}'"
            problems.append(ContentProblem(file, key, reason))
        else:
            problems.extend(_item_problems(item, known, file, key))
    return problems


def _item_problems(item: str, known: set[str], file: str, key: str) -> list[ContentProblem]:
    counted_as = model.request_counted_as(item)
    if counted_as is not None:
        # (such a cue is merged into the one it stands for before families are read, so naming
        # it could never match)
        reason = f"'{item}' counts as '{counted_as}' before families are read: name '{counted_as}'"
        return [ContentProblem(file, key, reason)]
    if item in known:
        return []
    if item.startswith(CHOICE_PREFIX):
        what = "choice"
    elif item.startswith("family:"):
        what = "family"
    else:
        what = "fact" if item.startswith("@") else "cue or rule"
    return [ContentProblem(file, key, f"unknown {what} '{item}'")]


def _family_example_problems(
    content: MessageContent, families: Collection[Family]
) -> list[ContentProblem]:
    """Each family must be found in each of its examples and in none of its counter-examples
    (checked with the whole analysis, so facts such as ``@link`` count)."""
    from sochelp.message.analyse import analyse

    problems: list[ContentProblem] = []
    for family in families:
        file = families.origins[family.id]
        source = f"family:{family.id}"
        for key, texts, wanted in (
            ("examples", family.examples, True),
            ("counter_examples", family.counter_examples, False),
        ):
            for index, text in enumerate(texts):
                flags = analyse(text, content, channel=family.example_channel).flags
                found = any(flag.source == source for flag in flags)
                if found != wanted:
                    reason = "the family is not found in it" if wanted else "the family is found"
                    problems.append(
                        ContentProblem(file, f"family[{family.id}].{key}[{index}]", reason)
                    )
    return problems


def _situation_problems(
    situations: Collection[Any], rules: Collection[Rule], families: Collection[Family]
) -> list[ContentProblem]:
    problems = [
        ContentProblem(
            items.origins[item.id],
            f"{table}[{item.id}].report_situation",
            f"unknown situation '{item.report_situation}'",
        )
        for table, items in (("rule", rules), ("family", families))
        for item in items
        if item.report_situation and item.report_situation not in situations
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
        if item.kind in ("risky-tld", "lure-word"):
            continue
        for index, domain in enumerate(item.domains):
            # (A webmail address or a personal payment link lives on its company's own domain
            # but speaks for whoever made it: both lists may name an official domain.)
            if domain in official and item.kind not in ("webmail", "payment-link"):
                problems.append(
                    ContentProblem(
                        lists.origins[item.id],
                        f"domain_list[{item.id}].domains[{index}]",
                        f"'{domain}' is an official domain of '{official[domain]}'",
                    )
                )
    return problems


# --- loading ----------------------------------------------------------------------------------


def load(store: ContentStore, suffixes: SuffixList | None = None) -> MessageContent:
    """Message content ready for the analysis, raising :class:`ContentError` listing every
    problem (with file, key and reason).

    This is where check-message reads files. See :func:`sochelp.message.loading.load`, which
    serves the content from the cache without importing this module.
    """
    content, problems = collect(store, suffixes, every_pattern=False)
    if content is None:
        raise ContentError(problems)
    model.install_precompiled(content.precompiled)
    return content


def check(store: ContentStore) -> list[ContentProblem]:
    """All problems in message content (for ``sochelp content check``)."""
    return collect(store)[1]
