"""What the analysis works with: message content as plain, picklable data, and rule matching.

:mod:`sochelp.message.content` validates the TOML files with pydantic and builds a
:class:`MessageContent`; that object is kept in the content cache, so a run whose content has not
changed imports neither pydantic nor the TOML reader, and compiles a rule's regular expression
only when the literal text that starts it occurs in the message (see :class:`PrefixIndex`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from itertools import accumulate, islice
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from sochelp.message.concepts import PackedLexicon
    from sochelp.message.suffixes import SuffixList
    from sochelp.message.wording import WordingModel

#: Characters before a match (within its sentence) searched by a rule's ``unless_before``.
UNLESS_WINDOW = 90
_SENTENCE_END = re.compile(r"[.!?\n]\s")
#: Most places one rule is tried at in one message (bounds the work on hostile input). A
#: common word starts a candidate place about once in 100 characters of an ordinary email, so
#: 500 places cover some 50,000 characters of text; no development message changes with 500
#: instead of 1,500, and a 1 MB message takes about a fifth less time.
MAX_TRIES = 500
#: Longest text one attempt of a rule may look at: phrases are short, and a bound on the text
#: also bounds the work of any one attempt.
MAX_MATCH_SPAN = 600
#: Most index entries examined for one rule (bounds the work on hostile input).
MAX_SCAN = 30_000
#: Places of a common word are looked up by this many characters (see PrefixIndex._windows).
WINDOW = 6


class Channel(StrEnum):
    """How a message arrived."""

    SMS = "sms"
    EMAIL = "email"
    WHATSAPP = "whatsapp"
    #: Any other messaging app: Telegram, Signal, Viber, LINE, Messenger, a social network's
    #: direct messages.
    CHAT = "chat"
    CALL = "call"
    WEB = "web"
    LETTER = "letter"
    DOORSTEP = "doorstep"

    @classmethod
    def parse(cls, value: str) -> Channel:
        """The channel named by ``value``: its own name or a common other name ("text",
        "call transcript", "voicemail", "link", "e-mail"), any case; ValueError if none."""
        key = " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
        return cls(CHANNEL_ALIASES.get(key, key))

    @classmethod
    def names(cls) -> str:
        """The accepted names, for an error's hint."""
        return (
            ", ".join(c.value for c in cls)
            + " (or text, voicemail, call transcript, link; chat is any other messaging app:"
            " telegram, signal, viber, line, messenger, instagram, wechat)"
        )


#: Other names people and data sets give the channels (``--channel`` and JSON lines accept them).
CHANNEL_ALIASES: dict[str, str] = {
    "text": "sms",
    "text message": "sms",
    "txt": "sms",
    "mms": "sms",
    "e mail": "email",
    "mail": "email",
    "eml": "email",
    "call transcript": "call",
    "phone": "call",
    "phone call": "call",
    "voicemail": "call",
    "voice": "call",
    "link": "web",
    "url": "web",
    "website": "web",
    "door": "doorstep",
    "whatsapp business": "whatsapp",
    "wa": "whatsapp",
    "telegram": "chat",
    "signal": "chat",
    "viber": "chat",
    "line": "chat",
    "messenger": "chat",
    "facebook messenger": "chat",
    "facebook": "chat",
    "instagram": "chat",
    "snapchat": "chat",
    "tiktok": "chat",
    "discord": "chat",
    "wechat": "chat",
    "weixin": "chat",
    "kakaotalk": "chat",
    "kakao": "chat",
    "imessage": "chat",
    "dm": "chat",
    "direct message": "chat",
    "social": "chat",
    "social media": "chat",
    "messaging app": "chat",
    "chat app": "chat",
}

#: Channels whose messages are short typed messages to one person (a text or a chat message).
SHORT_MESSAGE_CHANNELS = frozenset({Channel.SMS, Channel.WHATSAPP, Channel.CHAT})


#: The ``sochelp report`` situation for each channel, when no rule names a more specific one.
CHANNEL_SITUATIONS: dict[Channel | None, str] = {
    None: "scam-text",
    Channel.SMS: "scam-text",
    Channel.WHATSAPP: "scam-text",
    Channel.CHAT: "scam-text",
    Channel.EMAIL: "phishing-email",
    Channel.CALL: "scam-call",
    Channel.WEB: "scam-website",
    Channel.LETTER: "crime-report",
    Channel.DOORSTEP: "doorstep-crime",
}

#: Situation named for anyone who has already paid or shared bank details.
MONEY_LOST_SITUATION = "fraud-loss"


class Rule(NamedTuple):
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
    #: Channels the rule is not read in (a letter may rightly warn of court).
    except_channels: tuple[Channel, ...] = ()
    #: Still counts in a message that talks about scams: words nobody's warning says in the
    #: first person ("we have your daughter"), so "Beware of scammers" tacked on cannot hide them.
    in_warnings: bool = False


class Cue(NamedTuple):
    """A piece of a scam that is not a warning sign on its own ("a new payee was added", "if
    this wasn't you"): families combine cues, and patterns may use one as ``{{id}}``."""

    id: str
    pattern: str
    description: str
    examples: tuple[str, ...]
    unless_before: str | None = None
    counter_examples: tuple[str, ...] = ()
    #: A claim a scam makes in its own words (see ``content.Cue.own_claim``).
    own_claim: bool = False


class Family(NamedTuple):
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


class Organisation(NamedTuple):
    """A commonly impersonated organisation, the names it goes by and its official domains."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    #: The numbers it publishes, as :func:`phone_digits` writes them.
    phones: tuple[str, ...] = ()
    #: Aliases counted only when they start with a capital (they are ordinary words too).
    capitalised: frozenset[str] = frozenset()
    #: Whether addresses are checked for its names (look-alikes, its name in a stranger's site).
    name_in_addresses: bool = True


def phone_digits(written: str) -> str:
    """A phone number reduced to compare with others: its digits, a UK number's country code
    (44, with or without the "(0)" that some write after it) as the leading 0."""
    digits = "".join(ch for ch in written.replace("(0)", "") if ch.isdigit())
    return "0" + digits[2:] if digits.startswith("44") and len(digits) >= 12 else digits


class DomainList(NamedTuple):
    """Domains or suffixes that change how a link or sender is judged."""

    id: str
    kind: str
    weight: int
    explanation: str
    domains: tuple[str, ...]
    #: Who holds every site under a restricted ending ("a bank" for ``bank.in``).
    owner: str = ""


_REGEXES: dict[tuple[str, int], re.Pattern[str]] = {}
#: (pattern, flags) -> the arguments of ``_sre.compile`` worked out when the content was built
#: (see :func:`precompile`): turning them into a pattern takes microseconds, compiling the
#: pattern anew takes a millisecond or more, which adds up to most of a short run.
_PRECOMPILED: dict[tuple[str, int], Precompiled] = {}
#: Every module-level pattern, so that building the content can precompile them too.
LAZY_PATTERNS: list[LazyPattern] = []

#: What ``_sre.compile`` needs besides the pattern: final flags, the code as little-endian
#: 32-bit words, the group count, group index and index group.
Precompiled = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def precompile(pattern: str, flags: int = re.IGNORECASE) -> Precompiled | None:
    """The compiled form of a pattern as plain data for the content cache, or None when this
    Python's private regular-expression compiler is not as expected (the pattern is then
    simply compiled when used)."""
    try:
        from array import array
        from re import _compiler, _parser  # type: ignore[attr-defined]

        parsed = _parser.parse(pattern, flags)
        code = array("I", [int(word) for word in _compiler._code(parsed, flags)])
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, number in groupindex.items():
            indexgroup[number] = name
        entry: Precompiled = (
            int(flags | parsed.state.flags),
            code.tobytes(),
            int(parsed.state.groups - 1),
            groupindex,
            tuple(indexgroup),
        )
    except Exception:  # any change in the private compiler: compile when used instead
        return None
    return entry if _instantiate(pattern, entry) is not None else None


def _instantiate(pattern: str, entry: Precompiled) -> re.Pattern[str] | None:
    try:
        import _sre  # type: ignore[import-not-found]
        from array import array

        flags, raw, groups, groupindex, indexgroup = entry
        code = array("I")
        code.frombytes(raw)
        compiled: re.Pattern[str] = _sre.compile(
            pattern, flags, code.tolist(), groups, groupindex, indexgroup
        )
    except Exception:  # a different Python: compile normally
        return None
    return compiled


def install_precompiled(entries: dict[tuple[str, int], Precompiled]) -> None:
    """Make precompiled patterns (from the content cache) available to :func:`regex`."""
    _PRECOMPILED.update(entries)


class LazyPattern:
    """A regular expression compiled on first use.

    Module-level patterns are written with this so that importing the analysis costs nothing
    for the patterns a short message never needs (start-up time is a target of its own).
    """

    __slots__ = ("_compiled", "flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        LAZY_PATTERNS.append(self)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern."""
        if self._compiled is None:
            self._compiled = regex(self.pattern, self.flags)
        return self._compiled

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As :meth:`re.Pattern.match`."""
        return self.compiled.match(text, pos, endpos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """As :meth:`re.Pattern.fullmatch`."""
        return self.compiled.fullmatch(text)

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        return self.compiled.finditer(text, pos)

    def findall(self, text: str) -> list[Any]:
        """As :meth:`re.Pattern.findall`."""
        return self.compiled.findall(text)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str) -> str:
        """As :meth:`re.Pattern.sub`."""
        return self.compiled.sub(repl, text)


#: The cue for a request to use a link, and the prefix of cues that are other forms of it.
LINK_REQUEST = "request-link"
LINK_REQUEST_PREFIX = "request-link-"
#: Every request cue's prefix, and the suffix of a request cue written for other languages.
REQUEST_PREFIX = "request-"
OTHER_LANGUAGES_SUFFIX = "-other-languages"


def request_counted_as(cue_id: str) -> str | None:
    """The request cue ``cue_id`` counts as before families are read, or None when it counts
    as itself: other forms of a link request ("request-link-site") count as "request-link",
    and a request in other languages ("request-pay-other-languages") as its English cue
    ("request-pay")."""
    if cue_id.startswith(LINK_REQUEST_PREFIX):
        return LINK_REQUEST
    if cue_id.startswith(REQUEST_PREFIX) and cue_id.endswith(OTHER_LANGUAGES_SUFFIX):
        return cue_id.removesuffix(OTHER_LANGUAGES_SUFFIX)
    return None


#: How a saved email starts: perhaps an mbox file's "From sender date" line (no colon), then a
#: header name and its colon ("Received: …"). Shared by the reading of input bytes, the
#: analysis's quick test and the email parser.
MBOX_FROM_LINE = r"From \S{1,320} [^\n]{0,200}\n"
HEADER_START = r"[A-Za-z][A-Za-z0-9-]{0,60}:[ \t]"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """A module-level pattern compiled on first use."""
    return LazyPattern(pattern, flags)


def regex(pattern: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """A content pattern compiled once per process (case-insensitive unless told otherwise),
    from its precompiled form when the content cache holds one."""
    key = (pattern, flags)
    compiled = _REGEXES.get(key)
    if compiled is None:
        entry = _PRECOMPILED.get(key)
        made = _instantiate(pattern, entry) if entry is not None else None
        compiled = _REGEXES[key] = made if made is not None else re.compile(pattern, flags)
    return compiled


class CompiledRule(NamedTuple):
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
    #: The pattern's alternatives, each with its own prefixes, when it splits into them: only
    #: the alternatives whose prefixes occur in a message are ever compiled (a short message
    #: then compiles a few small patterns instead of every large one).
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: ``prefixes`` grouped by their index key (see :func:`keyed`).
    keyed: Keyed = ()
    #: The parts' prefixes grouped by index key: key -> ((part number, its prefixes), ...),
    #: so each key's places are looked at once for all the parts.
    keyed_parts: tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...] = ()

    @property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern (compiled on first use)."""
        return regex(self.pattern)

    @property
    def unless(self) -> re.Pattern[str] | None:
        """The compiled ``unless_before`` pattern, if any."""
        return regex(self.unless_pattern) if self.unless_pattern is not None else None


#: Prefixes grouped by the index key they are found under (None: not a word start).
Keyed = tuple[tuple[str | None, tuple[str, ...]], ...]


def keyed_parts(
    parts: tuple[tuple[str, tuple[str, ...]], ...],
) -> tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...]:
    """The prefixes of a pattern's parts grouped by index key (done when content is built)."""
    groups: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for number, (_, prefixes) in enumerate(parts):
        for key, group in keyed(prefixes):
            if key is not None:
                groups.setdefault(key, []).append((number, group))
    return tuple((key, tuple(entries)) for key, entries in groups.items())


#: Every pattern's prefixes grouped by index key: (key, the group's shortest prefix,
#: ((pattern number, part number or -1 for the whole pattern, prefixes), ...)).
AllKeys = tuple[tuple[str, str, tuple[tuple[int, int, tuple[str, ...]], ...]], ...]


def all_keys(items: tuple[CompiledRule, ...]) -> AllKeys:
    """The prefixes of every pattern (and part) grouped by index key, for
    :meth:`PrefixIndex.all_tries` (done when content is built)."""
    groups: dict[str, list[tuple[int, int, tuple[str, ...]]]] = {}
    for number, item in enumerate(items):
        if item.parts:
            for part_key, entries in item.keyed_parts:
                groups.setdefault(part_key, []).extend((number, part, p) for part, p in entries)
        else:
            for key, prefixes in item.keyed:
                if key is not None:
                    groups.setdefault(key, []).append((number, -1, prefixes))
    return tuple(
        (key, min((p for _, _, prefixes in entries for p in prefixes), key=len), tuple(entries))
        for key, entries in groups.items()
    )


def keyed(prefixes: tuple[str, ...]) -> Keyed:
    """Prefixes grouped by their index key, so a lookup skips every group whose key the
    message does not hold (done when the content is built)."""
    groups: dict[str | None, list[str]] = {}
    for prefix in prefixes:
        groups.setdefault(_key(prefix), []).append(prefix)
    return tuple((key, tuple(group)) for key, group in groups.items())


#: Splits a text into its words and what lies between them: the words are the even items
#: (the first and last may be empty), so each word starts where the items before it end.
_WORDS_AND_GAPS = re.compile(r"(\W+)")
_KEY = re.compile(r"\w{1,3}")
#: The Chinese, Japanese and Korean scripts, as a character-class range (from the CJK radicals,
#: U+2E80, to the end of the Hangul syllables, U+D7AF).
_EAST_ASIAN_RANGE = "\u2e80-\ud7af"
#: A character of those scripts.
EAST_ASIAN = re.compile(f"[{_EAST_ASIAN_RANGE}]")
#: The scripts whose words run together without spaces, for the prefix index: those three, and
#: Thai, Lao, Myanmar and Khmer (a Thai word inside a run of Thai letters starts no word the
#: index would see).
RUN_ON_RANGE = _EAST_ASIAN_RANGE + "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
RUN_ON = re.compile(f"[{RUN_ON_RANGE}]")
#: A Latin letter or digit right after one of those characters ("车载etc自扫"): a word starts
#: there, though no space or punctuation shows it.
_AFTER_RUN_ON = re.compile(f"(?<=[{RUN_ON_RANGE}])[^\\W{RUN_ON_RANGE}]")
#: Prefix -> its index key (its first word characters), or None: worked out once per process.
_KEYS: dict[str, str | None] = {}


def _key(prefix: str) -> str | None:
    """A prefix's index key: its first (up to three) word characters, or its first character
    when that is a symbol ("£", "[", "<") or a character of a script written without spaces
    (Chinese, Japanese, Korean, Thai, Lao, Myanmar, Khmer)."""
    try:
        return _KEYS[prefix]
    except KeyError:
        match = _KEY.match(prefix)
        if match is None or RUN_ON.match(prefix):
            # (a symbol, or a character of Chinese, Japanese, Korean, Thai or another script
            # where words run together: found wherever it occurs)
            key = _KEYS[prefix] = prefix[:1] or None
        else:
            key = _KEYS[prefix] = match.group()
        return key


class _Plan(NamedTuple):
    """How to find a prefix group's places among a key's many places by the text there."""

    #: Prefixes shorter than :data:`WINDOW`, by length: each is looked up whole.
    short: dict[int, frozenset[str]]
    #: Longer prefixes by their first WINDOW characters; True where each is exactly that long.
    long: dict[str, tuple[tuple[str, ...], bool]]


#: Prefix group -> its plan, worked out once per process (some groups hold a thousand
#: prefixes, and a long message asks about each group once per key).
_PLANS: dict[tuple[str, ...], _Plan] = {}


def _plan(prefixes: tuple[str, ...]) -> _Plan:
    """A prefix group's :class:`_Plan` (see :meth:`PrefixIndex._first_places`)."""
    plan = _PLANS.get(prefixes)
    if plan is None:
        short: dict[int, set[str]] = {}
        long: dict[str, list[str]] = {}
        for prefix in prefixes:
            if len(prefix) < WINDOW:
                short.setdefault(len(prefix), set()).add(prefix)
            else:
                long.setdefault(prefix[:WINDOW], []).append(prefix)
        plan = _PLANS[prefixes] = _Plan(
            {width: frozenset(group) for width, group in short.items()},
            {
                window: (tuple(group), all(len(q) == WINDOW for q in group))
                for window, group in long.items()
            },
        )
    return plan


class PrefixIndex:
    """Where words start in a lower-cased text, keyed by their first (up to) three letters.

    Built once per message, so each rule's literal prefixes are looked up instead of scanning
    the whole text once per prefix.
    """

    def __init__(self, lowered: str) -> None:
        self.text = lowered
        self.starts: dict[str, list[int]] = {}
        self._short: dict[str, list[int]] = {}
        self._under: dict[str, list[list[int]]] | None = None
        #: Places of prefixes that start with a symbol ("£", "[", "<"), found once each.
        self._symbols: dict[str, list[int]] = {}
        self._by_window: dict[tuple[str, int], dict[str, list[int]]] = {}
        # (One split and one running sum in C, then one dictionary step per word: quicker on a
        # long text than a match object per word start.)
        pieces = _WORDS_AND_GAPS.split(lowered)
        ends = accumulate(map(len, pieces), initial=0)
        starts = self.starts
        for word, start in zip(pieces[::2], islice(ends, 0, None, 2), strict=True):
            if word:
                key = word[:3]
                places = starts.get(key)
                if places is None:
                    starts[key] = [start]
                else:
                    places.append(start)
        if not lowered.isascii() and RUN_ON.search(lowered) is not None:
            # Chinese, Japanese, Korean and Thai are written without spaces. A prefix in those
            # scripts is found wherever its first character is (see _key); a Latin word run
            # straight into them starts a word of its own.
            touched: set[str] = set()
            for inner in islice(_AFTER_RUN_ON.finditer(lowered), MAX_SCAN):
                found = _KEY.match(lowered, inner.start())
                if found is not None:
                    key = found.group()
                    starts.setdefault(key, []).append(inner.start())
                    touched.add(key)
            for key in touched:
                starts[key].sort()

    def _starts_for(self, key: str, prefix: str) -> list[int]:
        """Word starts where ``prefix`` may begin (``key`` is its first word characters), or
        the places of a symbol (``key`` is that one character)."""
        if len(key) >= 3:  # (only word characters make a key this long)
            return self.starts.get(key, [])
        if not _KEY.match(key) or RUN_ON.match(key):
            return self._symbol_places(key)
        if len(key) < len(prefix):
            return self.starts.get(key, [])
        # A prefix of one or two word characters ("2" of "20p/min"): every longer key too.
        cached = self._short.get(key)
        if cached is None:
            if self._under is None:
                # Each key's places under each of its shorter beginnings, found in one pass.
                self._under = {}
                for k, positions in self.starts.items():
                    for end in range(1, min(len(k), 2) + 1):
                        self._under.setdefault(k[:end], []).append(positions)
            runs = self._under.get(key, [])
            cached = self._short[key] = (
                runs[0] if len(runs) == 1 else sorted(p for run in runs for p in run)
            )
        return cached

    def _symbol_places(self, symbol: str) -> list[int]:
        """Where a symbol occurs (at most :data:`MAX_SCAN` places), found once per message."""
        places = self._symbols.get(symbol)
        if places is None:
            places = []
            text = self.text
            start = text.find(symbol)
            while start != -1 and len(places) < MAX_SCAN:
                places.append(start)
                start = text.find(symbol, start + 1)
            self._symbols[symbol] = places
        return places

    def positions(self, prefixes: tuple[str, ...], cap: int) -> list[int]:
        """Start positions of the prefixes, in order, at most ``cap``."""
        return self.keyed_positions(keyed(prefixes), cap)

    def has_any(self, prefixes: tuple[str, ...]) -> bool:
        """True if any of the prefixes occurs (cheaper than :meth:`positions`)."""
        return self.has_any_keyed(keyed(prefixes))

    def keyed_positions(self, groups: Keyed, cap: int) -> list[int]:
        """Start positions of grouped prefixes (:func:`keyed`), in order, at most ``cap``.

        Each word start under a group's key is tested against all the group's prefixes at
        once, so the work is one test per word start, however many prefixes there are."""
        found: list[int] = []
        text = self.text
        budget = MAX_SCAN
        for key, prefixes in groups:
            if key is None:
                continue
            if len(key) >= 3 and key not in self.starts:
                continue
            count = 0
            for position in self._starts_for(key, min(prefixes, key=len))[:budget]:
                budget -= 1
                if text.startswith(prefixes, position):
                    found.append(position)
                    count += 1
                    if count >= cap:
                        break
        found.sort()
        return found[:cap]

    def part_positions(
        self, groups: tuple[tuple[str, tuple[tuple[int, tuple[str, ...]], ...]], ...], cap: int
    ) -> list[tuple[int, int]]:
        """(position, part number) where the parts' prefixes occur, in order, at most ``cap``:
        each key's places are looked at once, for every part that has prefixes under it."""
        found: list[tuple[int, int]] = []
        text = self.text
        budget = MAX_SCAN
        for key, entries in groups:
            if len(key) >= 3 and _KEY.match(key) and key not in self.starts:
                continue
            shortest = min((p for _, prefixes in entries for p in prefixes), key=len)
            places = self._starts_for(key, shortest)[:budget]
            budget -= len(places)
            for number, prefixes in entries:
                found.extend(
                    (position, number) for position in places if text.startswith(prefixes, position)
                )
            if budget <= 0:
                break
        found.sort()
        return found[:cap]

    def all_tries(self, groups: AllKeys, cap: int) -> dict[int, list[tuple[int, int]]]:
        """For every pattern at once: pattern number -> (position, part) pairs to try, in order,
        at most ``cap`` each. Each key's places are looked at once for all the patterns that
        have prefixes under it (common words like "your" are shared by many)."""
        found: dict[int, list[tuple[int, int]]] = {}
        text = self.text
        starts = self.starts
        for key, shortest, entries in groups:
            if len(key) >= 3:  # the common case, looked up directly
                places = starts.get(key)
                if places is None:
                    continue
            else:
                places = self._starts_for(key, shortest)
            places = places[:MAX_SCAN]
            if not places:
                continue
            few = len(places) <= min(64, cap)
            for item, part, prefixes in entries:
                if few:  # test each place (the common case: a short message)
                    hits = [(p, part) for p in places if text.startswith(prefixes, p)]
                else:  # only the first ``cap`` places are needed (places are in order)
                    hits = [(p, part) for p in self._first_places(key, places, prefixes, cap)]
                if hits:
                    found.setdefault(item, []).extend(hits)
        for hits in found.values():
            hits.sort()
            del hits[cap:]
        return found

    def _first_places(
        self, key: str, places: list[int], prefixes: tuple[str, ...], cap: int
    ) -> list[int]:
        """The first ``cap`` of a key's places where one of ``prefixes`` starts, in order."""
        if key in prefixes:
            # Every place of the key starts with the key itself.
            return places[:cap]
        text = self.text
        if len(places) <= 64:
            return list(islice((p for p in places if text.startswith(prefixes, p)), cap))
        # Many places: group them by the text there (once per key and width) and take the
        # groups the prefixes begin, so no place is tested against a thousand prefixes and a
        # prefix longer than its key ("1,0" under "1") is not tested at every place of the key.
        plan = _plan(prefixes)
        runs: list[list[int]] = []
        for width, short in plan.short.items():
            windows = self._windows(key, places, width)
            if len(windows) <= len(short):
                runs.extend(run for window, run in windows.items() if window in short)
            else:
                runs.extend(windows[q] for q in short if q in windows)
        if plan.long:
            widest = self._windows(key, places, WINDOW)
            pairs: list[tuple[list[int] | None, tuple[tuple[str, ...], bool] | None]]
            if len(widest) <= len(plan.long):
                pairs = [(run, plan.long.get(window)) for window, run in widest.items()]
            else:
                pairs = [(widest.get(window), entry) for window, entry in plan.long.items()]
            for run, entry in pairs:
                if run is None or entry is None:
                    continue
                longer, whole = entry
                if whole:  # the window is the whole prefix: every place in the run is a hit
                    runs.append(run[:cap])
                else:
                    runs.append(list(islice((p for p in run if text.startswith(longer, p)), cap)))
        if not runs:
            return []
        if len(runs) == 1:
            return runs[0][:cap]
        return sorted(p for run in runs for p in run[:cap])[:cap]

    def _windows(self, key: str, places: list[int], width: int = WINDOW) -> dict[str, list[int]]:
        """The places of a key by the ``width`` characters starting there, each list in order
        (once per key and width; a narrower width is worked out from the widest one's groups,
        not from every place again)."""
        cached = self._by_window.get((key, width))
        if cached is None:
            widest = self._by_window.get((key, WINDOW))
            if widest is None:
                widest = {}
                text = self.text
                for position in places:
                    widest.setdefault(text[position : position + WINDOW], []).append(position)
                self._by_window[(key, WINDOW)] = widest
            if width == WINDOW:
                return widest
            runs: dict[str, list[list[int]]] = {}
            for window, positions in widest.items():
                runs.setdefault(window[:width], []).append(positions)
            cached = {
                window: group[0] if len(group) == 1 else sorted(p for run in group for p in run)
                for window, group in runs.items()
            }
            self._by_window[(key, width)] = cached
        return cached

    def has_any_keyed(self, groups: Keyed) -> bool:
        """True if any grouped prefix (:func:`keyed`) occurs."""
        text = self.text
        starts = self.starts
        for key, prefixes in groups:
            if key is None:
                continue
            if len(key) >= 3 and key not in starts:
                continue
            for position in self._starts_for(key, min(prefixes, key=len))[:MAX_SCAN]:
                if text.startswith(prefixes, position):
                    return True
        return False


def candidate_positions(lowered: str, prefixes: tuple[str, ...], cap: int) -> list[int]:
    """Start positions of the prefixes in the lower-cased text, in order, at most ``cap``."""
    return PrefixIndex(lowered).positions(prefixes, cap)


def first_matches(
    compiled: CompiledRule,
    text: str,
    limit: int,
    index: PrefixIndex | None = None,
    tries: list[tuple[int, int]] | None = None,
) -> list[re.Match[str]]:
    """Up to ``limit`` matches of a rule, skipping those its ``unless_before`` cancels.

    ``index`` is the :class:`PrefixIndex` of ``text.lower()`` when the caller already has it.
    Only words that start a match are indexed, so patterns are expected to begin at a word
    start (``\\b``) or with a symbol such as ``£`` or ``+``. One attempt looks at no more than
    :data:`MAX_MATCH_SPAN` characters. ``tries`` are the (position, part) pairs to try when
    the caller found them already (see :meth:`PrefixIndex.all_tries`).
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
            if tries is not None:
                pass
            elif compiled.keyed_parts:
                tries = index.part_positions(compiled.keyed_parts, MAX_TRIES * 2)
            elif compiled.parts:
                tries = []
                for number, (_, prefixes) in enumerate(compiled.parts):
                    tries.extend((p, number) for p in index.positions(prefixes, MAX_TRIES))
                tries.sort()
                del tries[MAX_TRIES * 2 :]
            elif compiled.keyed:
                tries = [(p, -1) for p in index.keyed_positions(compiled.keyed, MAX_TRIES)]
            else:
                tries = [(p, -1) for p in index.positions(compiled.prefixes, MAX_TRIES)]
            last_end = -1
            by_part: dict[int, re.Pattern[str]] = {}  # (saves a cache lookup per try)
            for position, number in tries:
                if position < last_end:
                    continue
                if number < 0:
                    pattern = compiled.regex
                else:
                    found_part = by_part.get(number)
                    if found_part is None:
                        found_part = by_part[number] = regex(compiled.parts[number][0])
                    pattern = found_part
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


class AliasEntry(NamedTuple):
    """One way an organisation is named, as a small pattern."""

    pattern: str  # spaces and hyphens in the alias match a space, a hyphen or nothing
    case_sensitive: bool  # short capitals (DPD, EE, BT, NHS) count only in capitals
    org: Organisation


def _alias_words(alias: str) -> str:
    """``alias`` as a pattern whose spaces match a space, a hyphen or nothing."""
    return re.escape(alias).replace(r"\ ", r"[\s-]?")


class AliasIndex(NamedTuple):
    """Organisation names by the lower-case first word that starts them (longest alias
    first), so only the names whose first word occurs in a message are ever tried."""

    by_first_word: dict[str, tuple[AliasEntry, ...]]

    @classmethod
    def build(cls, organisations: tuple[Organisation, ...]) -> AliasIndex:
        """Every alias of every organisation, grouped by its first word."""
        groups: dict[str, list[AliasEntry]] = {}
        for org in organisations:
            for alias in org.aliases:
                written = _alias_words(alias)
                strict = len(alias) <= 4 and alias.upper() == alias
                if alias in org.capitalised:  # its first letter as written, the rest in any case
                    written, strict = f"{re.escape(alias[0])}(?i:{_alias_words(alias[1:])})", True
                # (Chinese and Japanese run words together: "国税庁からの" names the tax agency,
                # so a name's edge in those scripts needs no word boundary.)
                before = "" if RUN_ON.match(alias[0]) else r"\b"
                after = "" if RUN_ON.match(alias[-1]) else r"\b"
                pattern = before + written + after
                first = re.split(r"[ -]", alias)[0].lower()
                groups.setdefault(first, []).append(AliasEntry(pattern, strict, org))
        return cls(
            {
                word: tuple(sorted(entries, key=lambda e: len(e.pattern), reverse=True))
                for word, entries in groups.items()
            }
        )

    @property
    def first_words(self) -> tuple[str, ...]:
        """Every first word, for the prefix index."""
        return tuple(sorted(self.by_first_word))


class OrgName(NamedTuple):
    """A name an organisation is recognised by inside a web or email address."""

    org: Organisation
    name: str  # compact form, e.g. "royalmail"
    official_label: bool  # taken from an official domain (so a near miss is a look-alike)


class MessageContent(NamedTuple):
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
    #: Rules then cues, by their prefixes' index keys (see :func:`all_keys`).
    keys: AllKeys = ()
    #: The "worded like known scam texts" model, if the content has one.
    wording: WordingModel | None = None
    #: Every pattern the analysis may use, compiled ahead (see :func:`precompile`).
    precompiled: dict[tuple[str, int], Precompiled] = {}  # noqa: RUF012 - never changed
    #: Rule id -> rule, for the report situation of a sign.
    rule_by_id: dict[str, Rule] = {}  # noqa: RUF012 - never changed once built
    #: The rules that still count in a message that talks about scams (``in_warnings``).
    warning_rule_ids: frozenset[str] = frozenset()
    #: The rules and the cues marked ``own_claim``: what a message says in its own words, which
    #: talk about scams after or around it cannot excuse.
    own_sign_ids: frozenset[str] = frozenset()
    #: The words and word stems the rules, cues and organisation names are written with (see
    #: :func:`sign_words`): a word split apart by a hyphen or a dot is joined when it spells one.
    sign_words: frozenset[str] = frozenset()
    #: The scam concepts' word lists (see :mod:`sochelp.message.concepts`), if any.
    concepts: PackedLexicon | None = None

    def domains_of(self, kind: str) -> dict[str, DomainList]:
        """Domain -> the list holding it, for one kind of list."""
        return self.domain_index.get(kind, {})

    def cue(self, cue_id: str) -> CompiledRule | None:
        """The cue with this id, or None."""
        for compiled in self.cues:
            if compiled.rule.id == cue_id:
                return compiled
        return None


#: Escapes such as "\\b" or "\\s" in a pattern's source: not letters of its words.
_ESCAPE = re.compile(r"\\[A-Za-z]")
#: The words of a pattern's source or a name: runs of four or more letters.
_SOURCE_WORD = re.compile(r"[a-z]{4,}")


def sign_words(
    items: tuple[CompiledRule, ...], organisations: tuple[Organisation, ...]
) -> frozenset[str]:
    """The words and stems ("verif" of "verif(?:y|ied)") of every rule's and cue's pattern and
    every organisation's names and aliases, in lower case, four letters or more."""
    words: set[str] = set()
    for item in items:
        words.update(_SOURCE_WORD.findall(_ESCAPE.sub(" ", item.pattern).lower()))
    for org in organisations:
        for name in (org.name, *org.aliases):
            words.update(_SOURCE_WORD.findall(name.lower()))
            words.update(_SOURCE_WORD.findall(compact_name(name)))
    return frozenset(words)


def compact_name(text: str) -> str:
    """A name or host reduced to lower-case letters and digits (``Royal Mail`` -> ``royalmail``)."""
    return re.sub(r"[^a-z0-9]", "", text.lower())
